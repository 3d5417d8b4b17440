//! The list in French and German: its filters, tabs, table, pager and
//! totals, its empty state, and the API's refusals (401, 403, 429) said in
//! the widget's language with the API's own words kept beside them.

use deals_contract::NewDeal;
use deals_i18n::{catalogue, Lang, Msg};
use isao_deals_widget::key_store::KeyStorage;
use isao_deals_widget::words::Texts;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

const LANGS: [Lang; 2] = [Lang::Fr, Lang::De];

fn mount_in(lang: Lang) -> Widget {
    if Texts::read_before(lang).is_none() {
        Texts::read(lang, &catalogue(lang)).expect("a catalogue of this build");
    }
    let mut options = options(KeyStorage::Memory);
    options.lang = Some(lang.tag().to_owned());
    mount_with(options)
}

async fn connect_in(widget: &Widget, lang: Lang, key: &str) {
    widget.wait_for_text(lang.text(Msg::ConnectTitle)).await;
    widget.fill(lang.text(Msg::ApiKeyLabel), key);
    widget.click(lang.text(Msg::Connect));
}

/// The texts of the elements `selector` finds.
fn texts_of(widget: &Widget, selector: &str) -> Vec<String> {
    widget
        .find_all(selector)
        .iter()
        .map(|element| element.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

/// The form of the plural message `msg` for numbers other than one, with
/// `{count}` cut off: what a French or German count of several starts with.
fn before_count(lang: Lang, msg: Msg) -> &'static str {
    let other = lang.text(msg).rsplit('|').next().unwrap_or_default();
    other.split("{count}").next().unwrap_or_default()
}

// Guards: the list's filters, tabs, headers, statuses, pager and totals speak the widget's language.
#[wasm_bindgen_test]
async fn the_list_speaks_french_and_german() {
    for lang in LANGS {
        let widget = mount_in(lang);
        connect_in(&widget, lang, RW_KEY).await;
        widget.wait_for_page(1).await;
        let tabs = texts_of(&widget, "[role=tab]");
        let views = [Msg::ViewList, Msg::ViewBoard, Msg::ViewForecast];
        assert_eq!(tabs, views.map(|msg| lang.text(msg)));
        let labels = texts_of(&widget, ".filters label > span");
        let filters = [
            Msg::SearchDeals,
            Msg::Status,
            Msg::FieldStage,
            Msg::CreatedSince,
            Msg::UpdatedSince,
        ];
        assert_eq!(labels, filters.map(|msg| lang.text(msg)));
        let options = texts_of(&widget, ".filters option");
        let statuses = [
            Msg::AllStatuses,
            Msg::StatusOpen,
            Msg::StatusWon,
            Msg::StatusLost,
        ];
        assert_eq!(options[..4], statuses.map(|msg| lang.text(msg).to_owned()));
        let values: Vec<String> = widget
            .find_all(".filters option")
            .iter()
            .filter_map(|option| option.get_attribute("value"))
            .collect();
        assert_eq!(values[..4], ["", "open", "won", "lost"], "the API's values");
        let page_box = widget
            .find("thead th.select input")
            .expect("the page's checkbox");
        assert_eq!(
            page_box.get_attribute("aria-label").as_deref(),
            Some(lang.text(Msg::SelectPage))
        );
        let headers = texts_of(&widget, "thead th:not(.select)");
        assert_eq!(headers[0], lang.text(Msg::FieldTitle));
        assert_eq!(headers[5], lang.text(Msg::Status));
        let shown_statuses =
            [Msg::StatusOpen, Msg::StatusWon, Msg::StatusLost].map(|msg| lang.text(msg));
        assert!(widget
            .column(5)
            .iter()
            .all(|status| shown_statuses.contains(&status.as_str())));
        let pager = widget.text_of(".pager");
        assert!(pager.contains(lang.text(Msg::Previous)) && pager.contains(lang.text(Msg::Next)));
        let page_of = lang.text(Msg::PageOf).replace("{page}", "1");
        let before_pages = page_of.split("{pages}").next().unwrap_or_default();
        assert!(widget.text_of(".page-of").starts_with(before_pages));
        let texts = Texts::read_before(lang).expect("the language's texts");
        let total = texts.count(Msg::DealCount, widget.shown_total() as f64, &[]);
        assert_eq!(widget.text_of(".pager .total"), total);
        let totals = widget.find(".totals").expect("the totals");
        assert_eq!(
            totals.get_attribute("aria-label").as_deref(),
            Some(lang.text(Msg::OpenPipeline))
        );
        let open = lang.text(Msg::OpenTotal);
        assert!(widget
            .text_of(".totals-open")
            .starts_with(&open[..open.find("{currency}").unwrap_or(0)]));
        assert!(!widget.text().contains("Page size") && !widget.text().contains("Reset filters"));
    }
}

// Guards: a pipeline stage is shown by its label, a stage outside the pipeline as the API wrote it; the empty state.
#[wasm_bindgen_test]
async fn stages_by_label_or_as_written_and_the_empty_state() {
    let own_stage = unique("eigene-stufe");
    let deal = client(RW_KEY)
        .create_deal(&NewDeal {
            stage: Some(own_stage.clone()),
            ..new_deal(&unique("Sondage"))
        })
        .await
        .expect("create a deal")
        .deal;
    for lang in LANGS {
        let widget = mount_in(lang);
        connect_in(&widget, lang, RW_KEY).await;
        widget.wait_for_page(1).await;
        let negotiation = lang.text(Msg::StageNegotiation);
        widget.fill(lang.text(Msg::FieldStage), "negotiation");
        widget
            .wait_until("the deals in negotiation", || {
                let stages = widget.column(2);
                !stages.is_empty() && stages.iter().all(|stage| stage == negotiation)
            })
            .await;
        widget.fill(lang.text(Msg::FieldStage), &own_stage);
        widget
            .wait_until("the deal of its own stage", || {
                widget.row_ids() == [deal.id.clone()]
            })
            .await;
        assert_eq!(widget.column(2), std::slice::from_ref(&own_stage));
        widget.fill(lang.text(Msg::FieldStage), &unique("no-such-stage"));
        widget.wait_for_text(lang.text(Msg::NoDealsMatch)).await;
        assert!(widget.button(lang.text(Msg::ResetFilters)).is_some());
    }
}

// Guards: a 401 is said in the widget's language on the key panel, the API's words kept and marked English.
#[wasm_bindgen_test]
async fn an_unknown_key_is_refused_in_french_and_german() {
    for lang in LANGS {
        let widget = mount_in(lang);
        connect_in(&widget, lang, "not-a-real-key").await;
        widget.wait_for_text(lang.text(Msg::ApiKeyRefused)).await;
        let english = widget
            .find("#isao-api-key-error [lang=en]")
            .expect("the API's words");
        assert!(english
            .text_content()
            .unwrap_or_default()
            .contains("Invalid API key"));
        assert_eq!(
            widget
                .control(lang.text(Msg::ApiKeyLabel))
                .get_attribute("aria-invalid")
                .as_deref(),
            Some("true")
        );
        widget.fill(lang.text(Msg::ApiKeyLabel), "ab cd");
        widget.click(lang.text(Msg::Connect));
        let character = lang.text(Msg::KeyCharacter);
        widget
            .wait_for_text(
                &character
                    .replace("{position}", "3")
                    .replace("{kind}", lang.text(Msg::KeySpace)),
            )
            .await;
    }
}

// Guards: a 403 names the missing permission in the widget's language.
#[wasm_bindgen_test]
async fn a_missing_permission_is_named_in_french_and_german() {
    for lang in LANGS {
        let widget = mount_in(lang);
        connect_in(&widget, lang, CONTACTS_KEY).await;
        let said = lang
            .text(Msg::PermissionMissing)
            .replace("{permission}", "deals:read");
        widget.wait_for_text(&said).await;
        assert!(widget
            .text()
            .contains("Permission denied: deals:read required"));
    }
}

/// The page's `fetch` answering every list of deals with a 429 that asks
/// for a 30-second wait.
fn rate_limited_lists() -> PatchedFetch {
    PatchedFetch::install(|original| {
        let wrap = js_sys::Function::new_with_args(
            "original",
            "return (input, init) => String(input.url ?? input).includes('/deals?') \
               ? Promise.resolve(new Response(JSON.stringify({success: false, error: 'Rate limit exceeded'}), \
                   {status: 429, headers: {'Content-Type': 'application/json', 'Retry-After': '30'}})) \
               : original(input, init);",
        );
        wrap.call1(&JsValue::NULL, original).expect("the wrapper")
    })
}

// Guards: a 429 wait counts down in the widget's language, the API's words kept.
#[wasm_bindgen_test]
async fn a_rate_limit_wait_counts_down_in_french_and_german() {
    for lang in LANGS {
        let widget = mount_in(lang);
        connect_in(&widget, lang, RW_KEY).await;
        widget.wait_for_page(1).await;
        let refused = rate_limited_lists();
        widget.fill(lang.text(Msg::Status), "won");
        widget.wait_for_text(lang.text(Msg::RateLimited)).await;
        widget
            .wait_for_text(before_count(lang, Msg::TryingAgainIn))
            .await;
        let english = widget
            .find(".rate-limited [lang=en]")
            .expect("the API's words");
        assert_eq!(
            english.text_content().as_deref(),
            Some("Rate limit exceeded")
        );
        drop(refused);
    }
}
