//! The list's selection: its checkboxes, ranges, the page's checkbox, every
//! matching deal, paging, leaving the filters, and its bulk moves.

use deals_contract::{Deal, DealStatus, NewDeal, StatusChange};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlInputElement, MouseEvent, MouseEventInit};

use crate::support::*;

impl Widget {
    /// The checkbox of deal `id`'s row, or of the page for `None`.
    fn checkbox(&self, id: Option<&str>) -> HtmlInputElement {
        let selector = match id {
            Some(id) => format!("tbody tr[data-deal-id=\"{id}\"] input[type=checkbox]"),
            None => "thead input[type=checkbox]".to_owned(),
        };
        self.find(&selector)
            .and_then(|found| found.dyn_into::<HtmlInputElement>().ok())
            .unwrap_or_else(|| panic!("no checkbox {selector}"))
    }

    /// Clicks the checkbox of deal `id` (the page's for `None`), with Shift
    /// if `shift`.
    fn tick(&self, id: Option<&str>, shift: bool) {
        let init = MouseEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_shift_key(shift);
        let click = MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("a click");
        self.checkbox(id).dispatch_event(&click).expect("dispatch");
    }

    fn ticked(&self, ids: &[String]) -> Vec<bool> {
        ids.iter()
            .map(|id| self.checkbox(Some(id)).checked())
            .collect()
    }

    /// Whether every row's checkbox is ticked (`true`), or none is.
    fn every_row(&self, ticked: bool) -> bool {
        self.ticked(&self.row_ids())
            .iter()
            .all(|each| *each == ticked)
    }

    /// The number the bar's count starts with ("3 selected").
    fn selected_count(&self) -> u64 {
        let text = self.text_of(".bulk-count");
        text.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap_or_else(|_| panic!("no count in {text:?}"))
    }
}

/// `count` new deals in a stage of their own, for a list filtered to them.
async fn deals_in_own_stage(count: usize) -> (String, Vec<Deal>) {
    let stage = unique_word();
    let mut deals = Vec::new();
    for index in 0..count {
        let new = NewDeal {
            stage: Some(stage.clone()),
            ..new_deal(&format!("Pick {stage} {index}"))
        };
        let created = client(RW_KEY).create_deal(&new).await.expect("create");
        deals.push(created.deal);
    }
    (stage, deals)
}

/// A widget showing the list filtered to `stage`, `deals` its rows.
async fn list_of_stage(stage: &str, deals: &[Deal]) -> Widget {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Stage", stage);
    let ids: Vec<String> = deals.iter().map(|deal| deal.id.clone()).collect();
    widget.wait_for_rows(&ids).await;
    widget
}

// Guards: a row's checkbox selects its deal and the bar counts it; Shift+click
// selects the range from the last one clicked; the page's checkbox shows a
// part selected; Escape in the table clears the selection and every checkbox.
#[wasm_bindgen_test]
async fn rows_are_selected_one_by_one_and_by_range() {
    let (stage, deals) = deals_in_own_stage(4).await;
    let widget = list_of_stage(&stage, &deals).await;
    let rows = widget.row_ids();
    widget.tick(Some(&rows[0]), false);
    widget.wait_for_text("1 selected").await;
    widget.tick(Some(&rows[2]), true);
    widget.wait_for_text("3 selected").await;
    assert_eq!(widget.ticked(&rows), [true, true, true, false]);
    let page = widget.checkbox(None);
    assert!(
        page.indeterminate() && !page.checked(),
        "a part of the page"
    );
    // Escape where the keyboard user is, on a row's checkbox.
    press(&widget.checkbox(Some(&rows[2])), "Escape");
    widget
        .wait_until("the selection cleared", || {
            widget.find(".bulk-bar").is_none()
        })
        .await;
    assert_eq!(widget.ticked(&rows), [false; 4]);
    assert!(!widget.checkbox(None).indeterminate());
}

// Guards: the selection survives paging (a deal of page 1 still ticked after
// page 2), and the bar moves the deals of both pages together: the API holds
// the new stage for both.
#[wasm_bindgen_test]
async fn the_selection_survives_paging_and_moves_together() {
    let (stage, deals) = deals_in_own_stage(11).await;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Stage", &stage);
    widget.fill("Page size", "10");
    widget
        .wait_until("a page of ten", || widget.row_ids().len() == 10)
        .await;
    let first = widget.row_ids()[0].clone();
    widget.tick(Some(&first), false);
    widget.wait_for_text("1 selected").await;
    widget.click("Next");
    widget.wait_for_page(2).await;
    let second = widget.row_ids()[0].clone();
    widget.tick(Some(&second), false);
    widget.wait_for_text("2 selected").await;
    widget.click("Previous");
    widget.wait_for_page(1).await;
    assert_eq!(
        widget.ticked(std::slice::from_ref(&first)),
        [true],
        "still selected"
    );
    assert!(widget.checkbox(None).indeterminate());
    assert!(deals.iter().any(|deal| deal.id == second));

    widget.move_selected_to("negotiation").await;
    widget.wait_for_text("Moved 2 deals").await;
    for id in [&first, &second] {
        let held = client(RW_KEY).get_deal(id).await.expect("the deal");
        assert_eq!(held.deal.stage.as_deref(), Some("negotiation"));
    }
    // The list, filtered to the old stage, shows the rest, none ticked.
    assert!(
        widget.find(".bulk-bar").is_none(),
        "the selection is cleared"
    );
    assert!(widget.every_row(false));
}

// Guards: the page's checkbox selects the page and offers every matching
// deal; taking it loads them and selects them all, as many as the pager
// counts; "Clear selection" unticks the page.
#[wasm_bindgen_test]
async fn the_page_checkbox_offers_every_matching_deal() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let shown = widget.row_ids().len() as u64;
    widget.tick(None, false);
    widget
        .wait_until("the page selected", || {
            widget.find(".bulk-count").is_some() && widget.selected_count() == shown
        })
        .await;
    assert!(widget.every_row(true));
    let total = widget.shown_total();
    assert!(total > shown, "the demo data has more than a page");
    let offer = widget
        .find(".select-all button")
        .expect("every matching deal offered");
    assert!(
        offer
            .text_content()
            .unwrap_or_default()
            .starts_with("Select all "),
        "{:?}",
        offer.text_content()
    );
    widget.click(&offer.text_content().unwrap_or_default());
    widget
        .wait_until("every matching deal selected", || {
            widget
                .text_of(".select-all")
                .contains("matching deals are selected")
        })
        .await;
    assert_eq!(widget.selected_count(), total);
    widget.click("Clear selection");
    widget
        .wait_until("the page unticked", || !widget.checkbox(None).checked())
        .await;
    assert!(widget.every_row(false));
}

// Guards: a selected deal that new filters no longer keep leaves the
// selection, and the bar says so; the one they keep stays.
#[wasm_bindgen_test]
async fn a_deal_that_leaves_the_filters_leaves_the_selection() {
    let (stage, deals) = deals_in_own_stage(2).await;
    client(RW_KEY)
        .update_status(
            &deals[1].id,
            &StatusChange {
                status: Some(DealStatus::Won),
                ..StatusChange::default()
            },
        )
        .await
        .expect("won");
    let widget = list_of_stage(&stage, &deals).await;
    for deal in &deals {
        widget.tick(Some(&deal.id), false);
    }
    widget.wait_for_text("2 selected").await;
    widget.fill("Status", DealStatus::Open.as_str());
    widget
        .wait_for_text("1 deal left the selection: it no longer matches the filters")
        .await;
    assert_eq!(widget.selected_count(), 1);
    assert_eq!(widget.ticked(std::slice::from_ref(&deals[0].id)), [true]);
}

// Guards: the selection is the workspace's: a card selected on the board
// shows ticked in the list, counted by the list's bar, and a row ticked
// there is selected too.
#[wasm_bindgen_test]
async fn a_deal_selected_on_the_board_is_selected_in_the_list() {
    let (stage, deals) = deals_in_own_stage(2).await;
    let widget = list_of_stage(&stage, &deals).await;
    widget.open_board().await;
    widget.wait_for_card(&stage, &deals[0].id).await;
    widget.select_card(&deals[0].id);
    widget.wait_for_text("1 selected").await;
    widget.click("List");
    let ids: Vec<String> = deals.iter().map(|deal| deal.id.clone()).collect();
    widget.wait_for_rows(&ids).await;
    widget
        .wait_until("the board's pick ticked in the list", || {
            widget.ticked(std::slice::from_ref(&ids[0])) == [true]
        })
        .await;
    widget.tick(Some(&ids[1]), false);
    widget.wait_for_text("2 selected").await;
    assert!(widget.checkbox(None).checked(), "the whole page");
}
