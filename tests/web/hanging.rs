//! An API that stops answering: the widget says it is slow, lets the user
//! cancel (the fetch really aborted) or retry, and gives up by itself. The
//! API is the reference server behind `hanging_api.py`, which the test
//! command starts beside it: told to hang, it accepts each request and
//! never answers, holding the connection open.

use deals_contract::DealStatus;
use isao_deals_widget::key_store::KeyStorage;
use isao_deals_widget::words::Texts;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

const HANGING_API_BASE: &str = match option_env!("ISAO_TEST_HANGING_API_BASE") {
    Some(base) => base,
    None => "http://127.0.0.1:3902/api/external",
};

const SLOW: &str = "The Deals API is slow to answer.";
const CANCELLED: &str = "Cancelled: the Deals API had not answered.";
const TIMED_OUT: &str = "The Deals API did not answer in time: the request was stopped.";

/// Longer than the widget's own timeout, with room for a loaded machine.
const TIMEOUT_DEADLINE_MS: f64 = 45_000.0;

/// Tells the hanging API what to do (`hang`, `answer`) or asks it (`held`).
async fn hanging_api(command: &str) -> String {
    let origin = HANGING_API_BASE.trim_end_matches("/api/external");
    let window = web_sys::window().expect("window");
    let answer = JsFuture::from(window.fetch_with_str(&format!("{origin}/__{command}")))
        .await
        .expect("the hanging API answers its controls");
    let answer: web_sys::Response = answer.into();
    let text = JsFuture::from(answer.text().expect("text"))
        .await
        .expect("text");
    text.as_string().unwrap_or_default()
}

/// Requests the hanging API holds whose connection the browser still keeps open.
async fn held() -> u32 {
    hanging_api("held").await.trim().parse().expect("a count")
}

/// The API answers again when the test ends, however it ends.
struct Answering;

impl Drop for Answering {
    fn drop(&mut self) {
        wasm_bindgen_futures::spawn_local(async {
            hanging_api("answer").await;
        });
    }
}

/// A widget connected through the hanging API while it still answers,
/// without live refresh, whose requests would mix with the ones a test watches.
async fn connected_widget() -> (Widget, Answering) {
    hanging_api("answer").await;
    let mut options = options(KeyStorage::Memory);
    options.config.api_base = HANGING_API_BASE.to_owned();
    options.config.view_settings.refresh_seconds = 0;
    let widget = mount_with(options);
    widget.connect(RW_KEY).await;
    (widget, Answering)
}

/// Clicks the button of the wait's own box: the form has a Cancel of its own.
fn click_in_wait(widget: &Widget, text: &str) {
    let button = widget
        .find_all(".waiting button")
        .into_iter()
        .find(|button| button.text_content().as_deref() == Some(text))
        .unwrap_or_else(|| panic!("no {text:?} in: {}", widget.text()));
    wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&button).click();
}

/// Waits until every row shown has `status`.
async fn wait_for_status(widget: &Widget, status: DealStatus) {
    let label = Texts::english().status(status);
    widget
        .wait_until(&format!("{label} deals only"), || {
            let statuses = widget.column(5);
            !statuses.is_empty() && statuses.iter().all(|shown| shown == label)
        })
        .await;
}

async fn wait_long_for_text(widget: &Widget, text: &str) {
    let start = js_sys::Date::now();
    while !widget.text().contains(text) {
        assert!(
            js_sys::Date::now() - start < TIMEOUT_DEADLINE_MS,
            "timed out waiting for {text:?}; the widget shows: {}",
            widget.text()
        );
        sleep(100).await;
    }
}

// Guards: a list request the API never answers is said to be slow, Cancel
// aborts it in the browser (the API sees the connection closed) and leaves a
// usable screen, and Retry shows the answer once the API answers again.
#[wasm_bindgen_test]
async fn a_hung_list_request_can_be_cancelled_then_retried() {
    let (widget, _answering) = connected_widget().await;
    hanging_api("hang").await;
    let requests = FetchOutcomes::install("/deals?", 0);
    widget.fill("Status", "won");
    widget.wait_for_text(SLOW).await;
    assert_eq!(requests.outcome(0), None, "the request is still waiting");
    assert!(held().await >= 1, "the API holds the request");

    click_in_wait(&widget, "Cancel");
    assert_eq!(requests.ended(0).await, "AbortError");
    widget.wait_for_text(CANCELLED).await;
    let start = js_sys::Date::now();
    while held().await > 0 {
        assert!(
            js_sys::Date::now() - start < 5_000.0,
            "the connection stays open"
        );
        sleep(100).await;
    }
    assert!(!widget.text().contains(SLOW), "{}", widget.text());
    assert!(widget.button("Cancel").is_none(), "nothing left to cancel");

    hanging_api("answer").await;
    click_in_wait(&widget, "Retry");
    wait_for_status(&widget, DealStatus::Won).await;
    assert!(!widget.text().contains(CANCELLED), "{}", widget.text());
}

// Guards: a request that never gets an answer is aborted by the widget
// itself after its timeout, with a message and a Retry that works.
#[wasm_bindgen_test]
async fn a_hung_list_request_times_out() {
    let (widget, _answering) = connected_widget().await;
    hanging_api("hang").await;
    let requests = FetchOutcomes::install("/deals?", 0);
    widget.fill("Status", "lost");
    wait_long_for_text(&widget, TIMED_OUT).await;
    assert_eq!(requests.ended(0).await, "AbortError");

    hanging_api("answer").await;
    click_in_wait(&widget, "Retry");
    wait_for_status(&widget, DealStatus::Lost).await;
    assert!(!widget.text().contains(TIMED_OUT), "{}", widget.text());
}

// Guards: opening a deal while the API hangs says it is slow, not "Loading
// deal…" alone, and Retry once the API answers shows the deal.
#[wasm_bindgen_test]
async fn a_hung_deal_is_said_slow_and_retried() {
    let (widget, _answering) = connected_widget().await;
    hanging_api("hang").await;
    let requests = FetchOutcomes::install("/deals/", 0);
    let link = widget.find("tbody tr th a").expect("a title link");
    wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&link).click();
    widget.wait_for_text(SLOW).await;
    assert!(widget.text().contains("Loading deal…"), "{}", widget.text());

    hanging_api("answer").await;
    click_in_wait(&widget, "Retry");
    assert_eq!(requests.ended(0).await, "AbortError", "the hung request");
    widget
        .wait_until("the deal's fields", || {
            widget.find(".deal-fields").is_some()
        })
        .await;
    assert!(!widget.text().contains(SLOW), "{}", widget.text());
}

// Guards: the new-deal form's submit while the API hangs can be cancelled:
// the request is aborted and the form stays, with what was typed.
#[wasm_bindgen_test]
async fn a_hung_submit_can_be_cancelled() {
    let (widget, _answering) = connected_widget().await;
    widget.open_new_deal().await;
    hanging_api("hang").await;
    let requests = FetchOutcomes::install("/deals", 0);
    let title = unique("Hung submit");
    widget.fill("Title", &title);
    widget.fill("Value", "10");
    widget.click("Create deal");
    widget.wait_for_text(SLOW).await;
    click_in_wait(&widget, "Cancel");
    assert_eq!(requests.ended(0).await, "AbortError");
    widget.wait_for_text(CANCELLED).await;
    assert_eq!(widget.value_of("Title"), title);
    let create = widget.button("Create deal").expect("the submit button");
    assert!(
        !create.has_attribute("disabled"),
        "the form can be sent again"
    );
}
