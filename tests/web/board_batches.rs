//! The board's long columns, drawn a few cards per frame: what a user sees
//! and reaches is the same as if every card were drawn at once.

use crate::board::open_proposals_beyond;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};

use crate::support::*;

const PROPOSAL: &str = ".board-column[data-drop-stage=\"proposal\"]";

fn click(element: Option<Element>, what: &str) {
    element
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
        .unwrap_or_else(|| panic!("no {what}"))
        .click();
}

// Guards: a column with more deals than its first cards counts them all,
// draws 25, then 25 more on "Show more"; a card past the first ones is
// reached and moved by keyboard, and stays drawn and focused in its new
// column wherever it falls there.
#[wasm_bindgen_test]
async fn a_card_past_the_first_ones_is_counted_drawn_and_moved_by_keyboard() {
    let total = open_proposals_beyond(60).await as usize;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Status", "open");
    widget.click("Board");
    widget
        .wait_until("the proposal column's first 25 cards", || {
            widget.cards_in("proposal").len() == 25
        })
        .await;
    assert_eq!(
        widget.text_of(&format!("{PROPOSAL} .column-count")),
        format!("{total} deals")
    );
    click(
        widget.find(&format!("{PROPOSAL} button.show-more")),
        "Show more",
    );
    widget
        .wait_until("the next 25 cards", || {
            widget.cards_in("proposal").len() == 50
        })
        .await;
    let far = widget.cards_in("proposal")[39].clone();
    let card = widget
        .find_all(&format!("{PROPOSAL} .card"))
        .into_iter()
        .find(|card| card.get_attribute("data-deal-id").as_deref() == Some(&far));
    click(
        card.and_then(|card| card.query_selector("button.card-move").ok().flatten()),
        "Move button on the 40th card",
    );
    widget
        .wait_until("the move choices", || {
            widget.button("Negotiation").is_some()
        })
        .await;
    widget.click("Negotiation");
    widget
        .wait_until("the card drawn in its new column, focused", || {
            widget.cards_in("negotiation").contains(&far)
                && widget
                    .root()
                    .active_element()
                    .and_then(|element| element.get_attribute("data-deal-id"))
                    .as_deref()
                    == Some(far.as_str())
        })
        .await;
    assert_eq!(
        widget.text_of(&format!("{PROPOSAL} .column-count")),
        format!("{} deals", total - 1)
    );
}
