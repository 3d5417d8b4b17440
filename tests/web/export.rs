//! The CSV export: saving a file, the locale's decimal separator that picks
//! the delimiter, and the screen that exports every deal the filters match.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_net::http::Request;
use isao_deals_widget::csv_export::MIME_TYPE;
use isao_deals_widget::download::save_text_file;
use isao_deals_widget::format::decimal_separator;
use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Event, HtmlAnchorElement};

/// The links clicked on the page while it is alive, as (href, download);
/// their default action is prevented so that the browser saves nothing.
pub(crate) struct ClickedLinks {
    pub(crate) clicked: Rc<RefCell<Vec<(String, String)>>>,
    listener: Closure<dyn Fn(Event)>,
}

impl ClickedLinks {
    pub(crate) fn watch() -> Self {
        let clicked = Rc::new(RefCell::new(Vec::new()));
        let listener = Closure::<dyn Fn(Event)>::new({
            let clicked = clicked.clone();
            move |event: Event| {
                if let Some(link) = event
                    .target()
                    .and_then(|target| target.dyn_into::<HtmlAnchorElement>().ok())
                {
                    event.prevent_default();
                    clicked.borrow_mut().push((link.href(), link.download()));
                }
            }
        });
        window()
            .add_event_listener_with_callback_and_bool(
                "click",
                listener.as_ref().unchecked_ref(),
                true,
            )
            .unwrap();
        Self { clicked, listener }
    }

    /// The text of the file the `index`th clicked link saves, as saved.
    pub(crate) async fn saved_text(&self, index: usize) -> String {
        let href = self.clicked.borrow()[index].0.clone();
        Request::get(&href)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }
}

impl Drop for ClickedLinks {
    fn drop(&mut self) {
        let _ = window().remove_event_listener_with_callback_and_bool(
            "click",
            self.listener.as_ref().unchecked_ref(),
            true,
        );
    }
}

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn body_children() -> u32 {
    window()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .child_element_count()
}

// Guards: the file is offered under its name with exactly the text given,
// BOM and accents included, and the temporary link is gone afterwards.
#[wasm_bindgen_test]
async fn a_saved_file_holds_the_text_and_leaves_no_element_behind() {
    let text = "\u{FEFF}id;title;value\r\ndeal_1;Chloé \"B\";1234,5\r\n";
    let links = ClickedLinks::watch();
    let children_before = body_children();

    let saved = save_text_file("deals-2024-11-08.csv", text, MIME_TYPE);

    assert_eq!(saved, Ok(()));
    assert_eq!(body_children(), children_before);
    let document = window().document().unwrap();
    assert!(document.query_selector("a[download]").unwrap().is_none());
    let clicked = links.clicked.borrow().clone();
    assert_eq!(clicked.len(), 1, "one link clicked: {clicked:?}");
    let (href, download) = &clicked[0];
    assert_eq!(download, "deals-2024-11-08.csv");
    assert!(href.starts_with("blob:"), "{href}");

    let response = Request::get(href).send().await.unwrap();
    assert_eq!(
        response.headers().get("content-type").as_deref(),
        Some(MIME_TYPE)
    );
    let bytes = response.binary().await.unwrap();
    assert_eq!(bytes, text.as_bytes());
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
}

// Guards: the separator is the one the browser's own number formatting uses
// in the widget's language.
#[wasm_bindgen_test]
fn the_decimal_separator_is_the_one_the_browser_writes() {
    let separator = decimal_separator("en");
    assert!(separator == '.' || separator == ',', "{separator:?}");
    let number_prototype = Reflect::get(
        &Reflect::get(&js_sys::global(), &JsValue::from_str("Number")).unwrap(),
        &JsValue::from_str("prototype"),
    )
    .unwrap();
    let to_locale_string: Function =
        Reflect::get(&number_prototype, &JsValue::from_str("toLocaleString"))
            .unwrap()
            .dyn_into()
            .unwrap();
    let written = to_locale_string
        .call1(&JsValue::from_f64(1.5), &JsValue::from_str("en"))
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(written, format!("1{separator}5"));
}

/// Opens the export screen from the toolbar and waits for its fields.
pub(crate) async fn open_export(widget: &crate::support::Widget) {
    widget.click("Export CSV");
    widget
        .wait_until("the export screen", || {
            widget.find(".export select").is_some()
        })
        .await;
}

// Guards: "Save CSV" saves exactly the deals the API has for the filters in
// force, every page of them, one row each, with the separator chosen.
#[wasm_bindgen_test]
async fn export_csv_saves_every_deal_the_filters_match() {
    use crate::support::*;
    use deals_contract::{DealQuery, DealStatus};

    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Status", "open");
    open_export(&widget).await;
    widget.fill("CSV separator", "semicolon");
    let (_never_stopped, stop) = futures::channel::oneshot::channel();
    let expected = client(RW_KEY)
        .list_all_deals(
            &DealQuery {
                status: Some(DealStatus::Open),
                ..DealQuery::default()
            },
            |_, _, _| {},
            stop,
        )
        .await
        .unwrap();
    assert!(
        expected.complete && expected.deals.len() > 50,
        "{}",
        expected.deals.len()
    );
    let links = ClickedLinks::watch();
    widget.click("Save CSV");
    widget
        .wait_until("the export", || widget.text().contains("Exported "))
        .await;
    assert_eq!(
        widget.text_of(".export-outcome"),
        format!("Exported {} deals.", expected.deals.len())
    );
    let clicked = links.clicked.borrow().clone();
    assert_eq!(clicked.len(), 1, "one file: {clicked:?}");
    let (_, download) = &clicked[0];
    assert!(
        download.starts_with("deals-") && download.ends_with(".csv"),
        "{download}"
    );
    let text = links.saved_text(0).await;
    let mut lines = text.trim_start_matches('\u{FEFF}').split("\r\n");
    let header = lines.next().unwrap();
    assert!(header.starts_with("ID;Title;"), "{header}");
    let ids: Vec<&str> = lines
        .filter(|line| !line.is_empty())
        .map(|line| line.split(';').next().unwrap())
        .collect();
    let expected_ids: Vec<&str> = expected.deals.iter().map(|deal| deal.id.as_str()).collect();
    assert_eq!(ids, expected_ids);
}

// Guards: going back to the list while the pages are still arriving ends
// the export: no file is saved afterwards, and the screen opens fresh again.
#[wasm_bindgen_test]
async fn leaving_the_screen_cancels_the_export_and_saves_nothing() {
    use crate::support::*;

    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    open_export(&widget).await;
    let slow = SlowFetch::install("limit=200", 600);
    let links = ClickedLinks::watch();
    widget.click("Save CSV");
    widget
        .wait_until("the export under way", || {
            widget.text().contains("Exporting")
        })
        .await;
    widget.click("Back to list");
    widget
        .wait_until("the list again", || widget.find(".export").is_none())
        .await;
    slow.wait_for_held_back_answers().await;
    // An export that went on would ask for the second page now, and save
    // after its answer: wait out both.
    sleep(1500).await;
    assert!(links.clicked.borrow().is_empty(), "nothing saved");

    open_export(&widget).await;
    assert!(!widget.text().contains("Exporting"), "{}", widget.text());
    assert!(widget.find(".export-outcome").is_none());
}

// Guards: an export that cannot reach the API says so on its screen, with
// the reason, and saves nothing.
#[wasm_bindgen_test]
async fn an_export_that_cannot_reach_the_api_says_why() {
    use crate::support::*;

    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    open_export(&widget).await;
    let spy = FetchSpy::install("limit=200");
    spy.set_failing(true);
    let links = ClickedLinks::watch();
    widget.click("Save CSV");
    widget
        .wait_until("the failure", || widget.text().contains("Export failed"))
        .await;
    let outcome = widget.text_of(".export-outcome[role=alert]");
    assert!(
        outcome.starts_with("Export failed: Could not reach the Deals API"),
        "{outcome}"
    );
    assert!(spy.count() >= 1);
    assert!(links.clicked.borrow().is_empty(), "nothing saved");
}
