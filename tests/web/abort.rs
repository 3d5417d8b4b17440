//! A request whose answer nobody will read any more is aborted in the
//! browser, not only dropped by the widget: the browser stops downloading it.
//! Requests are held back before they go out, as on a slow network, so that
//! each is still on its way when it is replaced or its widget goes.

use isao_deals_widget::key_store::KeyStorage;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

/// The list's requests (and not the key check's, which asks for one deal).
const LIST_REQUEST: &str = "/deals?";

const HELD_BACK_MS: i32 = 1_000;

/// A connected widget without live refresh, whose own requests would mix
/// with the ones a test watches.
async fn connected_widget() -> Widget {
    let mut options = options(KeyStorage::Memory);
    options.config.view_settings.refresh_seconds = 0;
    let widget = mount_with(options);
    widget.connect(RW_KEY).await;
    widget
}

// Guards: a list request replaced by a newer one (the filters changed again
// before it was answered) is aborted in the browser; the newer one is
// answered and shown.
#[wasm_bindgen_test]
async fn a_replaced_list_request_is_aborted() {
    let widget = connected_widget().await;
    let requests = FetchOutcomes::install(LIST_REQUEST, HELD_BACK_MS);
    widget.fill("Status", "won");
    widget
        .wait_until("the request for won deals", || requests.count() == 1)
        .await;
    widget.fill("Status", "lost");
    widget
        .wait_until("the request for lost deals", || requests.count() == 2)
        .await;
    assert_eq!(
        requests.ended(0).await,
        "AbortError",
        "the replaced request"
    );
    assert_eq!(requests.ended(1).await, "answered", "the request in force");
    widget.wait_for_page(1).await;
    assert!(
        widget.column(5).iter().all(|status| status == "Lost"),
        "the answer shown is the newer request's: {:?}",
        widget.column(5)
    );
}

// Guards: a request under way when its widget is removed from the page is
// aborted in the browser.
#[wasm_bindgen_test]
async fn a_request_under_way_when_the_widget_goes_is_aborted() {
    let widget = connected_widget().await;
    let requests = FetchOutcomes::install(LIST_REQUEST, HELD_BACK_MS);
    widget.fill("Status", "won");
    widget
        .wait_until("the request for won deals", || requests.count() == 1)
        .await;
    drop(widget);
    assert_eq!(requests.ended(0).await, "AbortError");
}
