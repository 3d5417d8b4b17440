//! Many deals of the board at once: the selection, its moves, and what the
//! API refused.

use deals_contract::{Deal, DealStatus, StatusChange};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::export::ClickedLinks;
use crate::support::*;

impl Widget {
    /// Ticks the checkbox of the card of deal `id`.
    pub(crate) fn select_card(&self, id: &str) {
        self.find_all(".card")
            .into_iter()
            .find(|card| card.get_attribute("data-deal-id").as_deref() == Some(id))
            .and_then(|card| card.query_selector("input.card-select").ok().flatten())
            .and_then(|checkbox| checkbox.dyn_into::<HtmlInputElement>().ok())
            .unwrap_or_else(|| panic!("no checkbox on the card of {id}"))
            .click();
    }

    /// Moves the selected deals to the stage named `stage` in the API, once
    /// the selection's bar has taken the choice.
    pub(crate) async fn move_selected_to(&self, stage: &str) {
        self.fill("Move the selected deals to", &format!("stage:{stage}"));
        let button = || {
            self.find(".bulk-bar button:not(.secondary)")
                .expect("the bar's Move")
        };
        self.wait_until("Move enabled", || !button().has_attribute("disabled"))
            .await;
        button()
            .dyn_into::<HtmlElement>()
            .expect("a button")
            .click();
    }
}

/// Three new proposals sharing a word no other deal has (alpha, beta and
/// gamma besides), the board showing only them through the search.
async fn three_proposals_on_the_board(key: &str) -> (Widget, Vec<Deal>) {
    let word = unique_word();
    let mut deals = Vec::new();
    for name in ["alpha", "beta", "gamma"] {
        deals.push(create_deal(&format!("Bulk {word} {name}")).await);
    }
    let widget = board_showing(key, &word, &deals).await;
    (widget, deals)
}

/// A widget connected with `key` whose board shows the deals `word` finds,
/// `deals` among them.
async fn board_showing(key: &str, word: &str, deals: &[Deal]) -> Widget {
    let widget = mount_widget();
    widget.connect(key).await;
    widget.fill("Search deals", word);
    widget.open_board().await;
    for deal in deals {
        let stage = deal.stage.as_deref().unwrap_or_default();
        widget.wait_for_card(stage, &deal.id).await;
    }
    widget
}

// Guards: three cards ticked are counted, moved together to another stage,
// said so, and the API then holds that stage for all three.
#[wasm_bindgen_test]
async fn three_selected_deals_move_together() {
    let (widget, deals) = three_proposals_on_the_board(RW_KEY).await;
    for deal in &deals {
        widget.select_card(&deal.id);
    }
    widget.wait_for_text("3 selected").await;
    assert_eq!(
        widget.text_of(".bulk-bar select option"),
        "Choose…",
        "the list of places says what it waits for"
    );
    widget.move_selected_to("negotiation").await;
    for deal in &deals {
        widget.wait_for_card("negotiation", &deal.id).await;
    }
    widget.wait_for_text("Moved 3 deals").await;
    assert!(
        widget.find(".bulk-bar").is_none(),
        "the selection is cleared"
    );
    for deal in &deals {
        let held = client(RW_KEY).get_deal(&deal.id).await.expect("the deal");
        assert_eq!(held.deal.stage.as_deref(), Some("negotiation"));
    }
}

// Guards: moves the API refuses (a read-only key: 403) put every card back,
// list each deal with the API's reason (the missing permission named), say
// how many of how many were not moved, and offer "Retry these", which
// selects them again.
#[wasm_bindgen_test]
async fn refused_moves_go_back_and_are_listed_with_the_reason() {
    let (widget, deals) = three_proposals_on_the_board(RO_KEY).await;
    for deal in &deals[..2] {
        widget.select_card(&deal.id);
    }
    widget.wait_for_text("2 selected").await;
    widget.move_selected_to("negotiation").await;
    widget
        .wait_until("the refusals listed", || {
            widget.find_all(".not-moved li").len() == 2
        })
        .await;
    let said = widget.text_of(".bulk-said");
    assert!(
        said.starts_with("2 of 2 were not moved:") && said.contains("deals:write"),
        "{said}"
    );
    assert!(widget.text_of(".not-moved").contains(&deals[0].title));
    for deal in &deals {
        assert!(widget.cards_in("proposal").contains(&deal.id));
    }
    widget.click("Retry these");
    widget
        .wait_until("the refusals listed again", || {
            widget.find_all(".not-moved li").len() == 2
                && widget.text_of(".bulk-said").starts_with("2 of 2")
        })
        .await;
    let held = client(RW_KEY)
        .get_deal(&deals[0].id)
        .await
        .expect("the deal");
    assert_eq!(held.deal.stage.as_deref(), Some("proposal"));
}

// Guards: Escape clears the selection, and a deal that leaves the board
// (here, the search) leaves the selection: the count says so.
#[wasm_bindgen_test]
async fn escape_and_leaving_the_board_take_deals_out_of_the_selection() {
    let (widget, deals) = three_proposals_on_the_board(RW_KEY).await;
    for deal in &deals {
        widget.select_card(&deal.id);
    }
    widget.wait_for_text("3 selected").await;
    let search = widget.value_of("Search deals");
    widget.fill("Search deals", &format!("{search} gamma"));
    widget.wait_for_text("1 selected").await;
    let checkbox = widget
        .find("input.card-select")
        .and_then(|checkbox| checkbox.dyn_into::<HtmlInputElement>().ok())
        .expect("the card left");
    assert!(checkbox.checked());
    let escape = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Escape");
        init.set_bubbles(true);
        init
    })
    .expect("a key");
    checkbox.dispatch_event(&escape).expect("dispatch");
    widget
        .wait_until("the selection cleared", || {
            widget.find(".bulk-bar").is_none()
        })
        .await;
    assert!(!checkbox.checked());
}

// Guards: more than ten moves show how far they have come ("Moving 4 of
// 12"), the answers held back by the network so that the count is seen, and
// all twelve end moved.
#[wasm_bindgen_test]
async fn many_moves_show_their_progress() {
    let word = unique_word();
    let mut deals = Vec::new();
    for index in 0..12 {
        deals.push(create_deal(&format!("Many {word} {index}")).await);
    }
    let widget = board_showing(RW_KEY, &word, &deals).await;
    for deal in &deals {
        widget.select_card(&deal.id);
    }
    widget.wait_for_text("12 selected").await;
    let slow = SlowFetch::install_for("PUT", "/status", 400);
    widget.move_selected_to("negotiation").await;
    widget
        .wait_until("the progress", || {
            let said = widget.text_of(".bulk-said");
            said.starts_with("Moving ") && said.ends_with(" of 12")
        })
        .await;
    widget.wait_for_text("Moved 12 deals").await;
    drop(slow);
    for deal in &deals {
        assert!(widget.cards_in("negotiation").contains(&deal.id));
    }
}

// Guards: moving a selection that holds a won deal to an open stage asks
// first; Cancel sends nothing, "Reopen and move" reopens and moves them all.
#[wasm_bindgen_test]
async fn a_selection_that_reopens_won_deals_asks_first() {
    let word = unique_word();
    let mut deals = Vec::new();
    for name in ["won", "open"] {
        deals.push(create_deal(&format!("Reopened {word} {name}")).await);
    }
    let won = StatusChange {
        status: Some(DealStatus::Won),
        stage: Some("closed-won".into()),
        ..StatusChange::default()
    };
    deals[0] = client(RW_KEY)
        .update_status(&deals[0].id, &won)
        .await
        .expect("marked won")
        .deal;
    let widget = board_showing(RW_KEY, &word, &deals).await;
    widget.select_card(&deals[0].id);
    widget.select_card(&deals[1].id);
    widget.wait_for_text("2 selected").await;
    widget.move_selected_to("negotiation").await;
    widget
        .wait_for_text("Reopen 1 won or lost deal and move it?")
        .await;
    widget.click("Cancel");
    let held = client(RW_KEY)
        .get_deal(&deals[1].id)
        .await
        .expect("the deal");
    assert_eq!(held.deal.stage.as_deref(), Some("proposal"), "nothing sent");
    widget.move_selected_to("negotiation").await;
    widget
        .wait_for_text("Reopen 1 won or lost deal and move it?")
        .await;
    widget.click("Reopen and move");
    widget.wait_for_text("Moved 2 deals").await;
    let reopened = client(RW_KEY)
        .get_deal(&deals[0].id)
        .await
        .expect("the deal");
    assert_eq!(reopened.deal.status, DealStatus::Open);
    assert_eq!(reopened.deal.stage.as_deref(), Some("negotiation"));
}

// Guards: "Export selection as CSV" saves one file holding exactly the
// selected deals, named as the export screen names its files, and says how
// many it holds.
#[wasm_bindgen_test]
async fn the_selection_is_exported_as_csv() {
    let (widget, deals) = three_proposals_on_the_board(RW_KEY).await;
    widget.select_card(&deals[0].id);
    widget.select_card(&deals[2].id);
    widget.wait_for_text("2 selected").await;
    let links = ClickedLinks::watch();
    widget.click("Export selection as CSV");
    widget.wait_for_text("Exported 2 deals.").await;
    let clicked = links.clicked.borrow().clone();
    assert_eq!(clicked.len(), 1, "one file: {clicked:?}");
    assert!(clicked[0].1.starts_with("deals-") && clicked[0].1.ends_with(".csv"));
    let text = links.saved_text(0).await;
    let mut ids: Vec<&str> = text
        .trim_start_matches('\u{FEFF}')
        .split("\r\n")
        .skip(1)
        .filter(|line| !line.is_empty())
        .filter_map(|line| line.split([',', ';']).next())
        .collect();
    ids.sort();
    let mut expected = vec![deals[0].id.as_str(), deals[2].id.as_str()];
    expected.sort();
    assert_eq!(ids, expected);
}
