//! The forecast view on its own, fed the forecast of deals in a signal as the
//! workspace feeds it: the table's figures, their updates, one section per currency.

use deals_contract::Deal;
use deals_i18n::Lang;
use isao_deals_widget::components::{local_forecast, ForecastView};
use isao_deals_widget::format;
use isao_deals_widget::host_events::HostEvents;
use isao_deals_widget::key_store::KeyStorage;
use isao_deals_widget::session::{Auth, Session};
use isao_deals_widget::words::Words;
use leptos::mount::mount_to;
use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};

use crate::support::wait_until;

/// A forecast view on the test page; unmounted and removed when dropped.
pub(crate) struct Mounted {
    host: HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.host.remove();
    }
}

fn mount_forecast(deals: RwSignal<Vec<Deal>>) -> Mounted {
    mount_forecast_in(deals, Lang::En)
}

/// The view in a widget's session that speaks `lang`, as the workspace
/// mounts it; no request is made.
pub(crate) fn mount_forecast_in(deals: RwSignal<Vec<Deal>>, lang: Lang) -> Mounted {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("document");
    let host: HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let handle = mount_to(host.clone(), move || {
        provide_context(Session::new(
            "http://localhost",
            KeyStorage::Memory,
            Auth::Host,
            HostEvents::new(None),
            Words::new(lang),
        ));
        let forecasts = Signal::derive(move || deals.with(|deals| local_forecast(deals)));
        view! { <ForecastView forecasts /> }.into_any()
    });
    Mounted {
        host,
        _handle: handle,
    }
}

impl Mounted {
    fn all(&self, selector: &str) -> Vec<Element> {
        let nodes = self.host.query_selector_all(selector).expect("selector");
        let mut elements = Vec::new();
        for index in 0..nodes.length() {
            if let Some(element) = nodes.item(index).and_then(|node| node.dyn_into().ok()) {
                elements.push(element);
            }
        }
        elements
    }

    /// Every row's cells under `selector`, as text.
    pub(crate) fn rows(&self, selector: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        for row in self.all(selector) {
            let cells = row.query_selector_all("th, td").expect("cells");
            let mut texts = Vec::new();
            for index in 0..cells.length() {
                texts.push(
                    cells
                        .item(index)
                        .and_then(|cell| cell.text_content())
                        .unwrap_or_default(),
                );
            }
            rows.push(texts);
        }
        rows
    }

    pub(crate) fn text(&self) -> String {
        self.host.text_content().unwrap_or_default()
    }

    pub(crate) async fn wait_until(&self, what: &str, condition: impl Fn() -> bool) {
        wait_until(what, condition, || self.text()).await;
    }
}

/// The 15th of the month `months_ahead` from now, local time, and that
/// month's (year, month 1–12).
pub(crate) fn local_mid_month(months_ahead: i32) -> (String, (i32, u32)) {
    let now = js_sys::Date::new_0();
    let date = js_sys::Date::new_with_year_month_day(
        now.get_full_year(),
        now.get_month() as i32 + months_ahead,
        15,
    );
    (
        String::from(date.to_iso_string()),
        (date.get_full_year() as i32, date.get_month() + 1),
    )
}

/// A deal of the API's JSON: `members` over a minimal open one in EUR.
pub(crate) fn deal(members: serde_json::Value) -> Deal {
    let mut deal = json!({
        "id": "deal_1", "title": "T", "value": 1, "currency": "EUR", "status": "open",
        "createdAt": "2024-11-01T10:30:00.000Z", "updatedAt": "2024-11-01T10:30:00.000Z"
    });
    if let (Some(deal), Some(members)) = (deal.as_object_mut(), members.as_object()) {
        for (name, value) in members {
            deal.insert(name.clone(), value.clone());
        }
    }
    serde_json::from_value(deal).expect("a deal")
}

fn row(label: &str, deals: &str, open: f64, weighted: f64, currency: &str) -> Vec<String> {
    vec![
        label.to_owned(),
        deals.to_owned(),
        format::money("en", open, currency),
        format::money("en", weighted, currency),
    ]
}

// Guards: each bucket's row carries its deals' count, open and weighted
// value, the total row their sum to the cent; won deals stay out; a new set
// of deals replaces the figures, an overdue deal adds the "Overdue" row.
#[wasm_bindgen_test]
async fn the_table_holds_each_bucket_and_follows_the_deals() {
    let (this_month, (year, month)) = local_mid_month(0);
    let (in_two_months, (later_year, later_month)) = local_mid_month(2);
    let (last_year, _) = local_mid_month(-12);
    let deals = RwSignal::new(vec![
        deal(json!({"value": 1000.0, "probability": 50, "expectedCloseDate": this_month})),
        deal(
            json!({"value": 999.0, "probability": 100, "status": "won", "expectedCloseDate": this_month}),
        ),
        deal(json!({"value": 0.1})),
        deal(json!({"value": 0.2, "probability": 100})),
        deal(json!({"value": 80.0, "probability": 25, "expectedCloseDate": in_two_months})),
    ]);
    let view = mount_forecast(deals);
    view.wait_until("the forecast table", || view.all("tbody tr").len() == 8)
        .await;

    let rows = view.rows("tbody tr");
    assert_eq!(
        rows[0],
        row(
            &format::month_label("en", year, month),
            "1",
            1000.0,
            500.0,
            "EUR"
        )
    );
    assert_eq!(rows[1][1], "0", "an empty month still has its row");
    assert_eq!(
        rows[2],
        row(
            &format::month_label("en", later_year, later_month),
            "1",
            80.0,
            20.0,
            "EUR"
        )
    );
    assert_eq!(rows[6][0], "Later");
    assert_eq!(rows[7], row("No date", "2", 0.3, 0.2, "EUR"));
    assert_eq!(
        view.rows("tfoot tr"),
        vec![row("Total", "4", 1080.3, 520.2, "EUR")]
    );
    let chart = view.all("svg.forecast-bars");
    assert_eq!(chart.len(), 1);
    assert_eq!(
        chart[0].get_attribute("aria-hidden").as_deref(),
        Some("true")
    );
    assert_eq!(
        view.all("svg.forecast-bars rect").len(),
        16,
        "two bars a bucket"
    );

    deals.set(vec![
        deal(json!({"value": 40.0, "probability": 10, "expectedCloseDate": last_year})),
        deal(json!({"value": 60.0, "probability": 10, "expectedCloseDate": this_month})),
    ]);
    view.wait_until("the overdue row", || view.all("tbody tr").len() == 9)
        .await;
    let rows = view.rows("tbody tr");
    assert_eq!(rows[0], row("Overdue", "1", 40.0, 4.0, "EUR"));
    assert_eq!(
        rows[1],
        row(
            &format::month_label("en", year, month),
            "1",
            60.0,
            6.0,
            "EUR"
        )
    );
    assert_eq!(
        view.rows("tfoot tr"),
        vec![row("Total", "2", 100.0, 10.0, "EUR")]
    );

    deals.set(vec![deal(
        json!({"value": 5.0, "probability": 100, "status": "lost"}),
    )]);
    view.wait_until("the empty state", || {
        view.text() == "No open deals match these filters."
    })
    .await;
}

// Guards: amounts in different currencies are never added: each currency has
// its own section, heading, chart and totals, in alphabetical order.
#[wasm_bindgen_test]
async fn each_currency_has_its_own_section() {
    let deals = RwSignal::new(vec![
        deal(json!({"currency": "USD", "value": 200.0, "probability": 10})),
        deal(json!({"value": 1000.0, "probability": 50})),
        deal(json!({"currency": "USD", "value": 300.0, "probability": 50})),
    ]);
    let view = mount_forecast(deals);
    view.wait_until("two sections", || view.all("section").len() == 2)
        .await;
    let mut headings = Vec::new();
    for heading in view.all("section h3") {
        headings.push(heading.text_content().unwrap_or_default());
    }
    assert_eq!(headings, ["EUR", "USD"]);
    assert_eq!(view.all("section svg").len(), 2);
    assert_eq!(
        view.rows("tfoot tr"),
        vec![
            row("Total", "1", 1000.0, 500.0, "EUR"),
            row("Total", "2", 500.0, 170.0, "USD"),
        ]
    );
}
