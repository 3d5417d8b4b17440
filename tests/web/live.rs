//! Live refresh of the list: another client's changes reach the screen
//! without a reload, rows never move under the user, and failures stay quiet
//! until they keep happening. Widgets here refresh every second.

use deals_contract::{DealQuery, DealStatus, StatusChange};
use deals_i18n::Msg;
use isao_deals_widget::key_store::KeyStorage;
use isao_deals_widget::words::Texts;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

/// The marker of a live refresh's request: it alone asks for `updatedSince`
/// when the list is unfiltered.
const REFRESH_REQUEST: &str = "updatedSince=";

fn refreshing_widget(seconds: u32) -> Widget {
    let mut options = options(KeyStorage::Memory);
    options.config.view_settings.refresh_seconds = seconds;
    mount_with(options)
}

async fn connected(widget: &Widget) {
    widget.connect(RW_KEY).await;
    widget
        .wait_until("the first page of deals", || !widget.row_ids().is_empty())
        .await;
}

fn stage_change(stage: &str) -> StatusChange {
    StatusChange {
        stage: Some(stage.to_owned()),
        ..StatusChange::default()
    }
}

// Guards: a change made by another client to a deal on screen shows in its
// row within a refresh or two, in place: same row, same position, no offer.
#[wasm_bindgen_test]
async fn another_clients_change_updates_its_row_in_place() {
    let deal = create_deal(&unique("Refreshed in place")).await;
    let widget = refreshing_widget(1);
    connected(&widget).await;
    assert_eq!(widget.row_ids().first(), Some(&deal.id));
    assert_eq!(
        widget.column(2).first().map(String::as_str),
        Some(Texts::english().get(Msg::StageProposal))
    );

    client(RW_KEY)
        .update_status(&deal.id, &stage_change("negotiation"))
        .await
        .expect("stage change");
    widget
        .wait_until("the row's new stage", || {
            widget.column(2).first().map(String::as_str)
                == Some(Texts::english().get(Msg::StageNegotiation))
        })
        .await;
    assert_eq!(widget.row_ids().first(), Some(&deal.id));
    assert!(
        !widget.text().contains("changed"),
        "no offer: {}",
        widget.text()
    );
}

// Guards: a deal created elsewhere is offered ("1 deal changed: Show"), not
// slipped in above the rows the user is looking at; Show brings it.
#[wasm_bindgen_test]
async fn a_new_deal_from_elsewhere_is_offered_then_shown() {
    let widget = refreshing_widget(1);
    connected(&widget).await;
    let rows_before = widget.row_ids();

    let title = unique("Created elsewhere");
    let created = create_deal(&title).await;
    widget.wait_for_text("1 deal changed").await;
    assert_eq!(widget.row_ids(), rows_before, "rows stay where they were");

    widget.click("Show");
    widget
        .wait_until("the new deal on top", || {
            widget.row_ids().first() == Some(&created.id)
        })
        .await;
    assert!(!widget.text().contains("deal changed"));
}

// Guards: a deal that a change takes out of the filters on screen (won while
// the list shows open deals) is offered as a change and leaves on Show.
#[wasm_bindgen_test]
async fn a_deal_leaving_the_filters_is_offered_then_removed() {
    let deal = create_deal(&unique("Won elsewhere")).await;
    let open = DealQuery {
        status: Some(DealStatus::Open),
        ..DealQuery::default()
    };
    let open_total = list(RW_KEY, open).await.meta.total;
    let widget = refreshing_widget(1);
    connected(&widget).await;
    widget.fill("Status", "open");
    // The open deals' count, not only open rows: the unfiltered first page
    // may hold only open deals (the other tests' newest), and the filtered
    // page, still on its way, would then arrive after the change below.
    widget
        .wait_until("open deals, the new one first", || {
            widget.row_ids().first() == Some(&deal.id)
                && widget.shown_total() == open_total
                && widget
                    .column(5)
                    .iter()
                    .all(|status| status == Texts::english().status(DealStatus::Open))
        })
        .await;

    client(RW_KEY)
        .update_status(
            &deal.id,
            &StatusChange {
                status: Some(DealStatus::Won),
                ..StatusChange::default()
            },
        )
        .await
        .expect("mark won");
    widget.wait_for_text("1 deal changed").await;
    assert_eq!(
        widget.row_ids().first(),
        Some(&deal.id),
        "the row stays until Show"
    );

    widget.click("Show");
    widget
        .wait_until("the won deal gone from the open list", || {
            !widget.row_ids().is_empty() && !widget.row_ids().contains(&deal.id)
        })
        .await;
}

// Guards: a refresh that fails is retried quietly; only the third failure in
// a row is shown (with the error), and a success takes the message away.
#[wasm_bindgen_test]
async fn refresh_failures_show_only_when_they_keep_happening() {
    let spy = FetchSpy::install(REFRESH_REQUEST);
    let widget = refreshing_widget(1);
    connected(&widget).await;
    spy.set_failing(true);
    widget
        .wait_until("a failure notice", || {
            widget.text().contains("Live refresh failed")
        })
        .await;
    assert!(
        widget
            .text()
            .contains("Live refresh failed 3 times in a row: Could not reach the Deals API"),
        "first shown at the third failure: {}",
        widget.text()
    );
    assert!(spy.count() >= 3);
    assert!(!widget.row_ids().is_empty(), "the list stays on screen");

    spy.set_failing(false);
    widget
        .wait_until("the notice gone after a success", || {
            !widget.text().contains("Live refresh failed")
        })
        .await;
}

// Guards: refreshSeconds 0 turns live refresh off: no refresh request at all,
// while a widget refreshing every second has asked by then.
#[wasm_bindgen_test]
async fn refresh_seconds_zero_sends_no_refresh() {
    let spy = FetchSpy::install(REFRESH_REQUEST);
    let quiet = refreshing_widget(0);
    connected(&quiet).await;
    let ticking = refreshing_widget(1);
    connected(&ticking).await;
    ticking
        .wait_until("the refreshing widget's first refresh", || spy.count() >= 2)
        .await;
    drop(ticking);
    let asked = spy.count();
    sleep(2_500).await;
    assert_eq!(
        spy.count(),
        asked,
        "no refresh after the refreshing widget left"
    );
    assert!(!quiet.row_ids().is_empty());
}

// Guards: the list the refresh compares against is the one on screen: the
// API holds the same deals the widget shows after a change and a Show.
#[wasm_bindgen_test]
async fn after_show_the_rows_are_the_apis_first_page() {
    let widget = refreshing_widget(1);
    connected(&widget).await;
    create_deal(&unique("Shown with the page")).await;
    widget.wait_for_text("1 deal changed").await;
    widget.click("Show");
    let expected = listed_ids(RW_KEY, DealQuery::default()).await;
    widget
        .wait_until("the API's first page", || widget.row_ids() == expected)
        .await;
}

/// Makes the page report itself hidden (as a background tab does) until dropped.
struct HiddenPage;

impl HiddenPage {
    fn hide() -> Self {
        js_sys::eval(
            "Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })",
        )
        .expect("hide the page");
        Self
    }
}

impl Drop for HiddenPage {
    fn drop(&mut self) {
        let _ = js_sys::eval("delete document.hidden");
    }
}

// Guards: no refresh goes out while the page is hidden; they resume once it
// is visible again.
#[wasm_bindgen_test]
async fn a_hidden_page_sends_no_refresh() {
    let spy = FetchSpy::install(REFRESH_REQUEST);
    let widget = refreshing_widget(1);
    connected(&widget).await;
    let hidden = HiddenPage::hide();
    // A refresh already on its way when the page hid is let through.
    sleep(300).await;
    let asked = spy.count();
    sleep(2_500).await;
    assert_eq!(spy.count(), asked, "no refresh while hidden");
    drop(hidden);
    widget
        .wait_until("a refresh once visible", || spy.count() > asked)
        .await;
}
