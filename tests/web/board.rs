//! The views: tabs, the board and its moves.

use deals_contract::{DealQuery, DealStatus, StatusChange, PIPELINE_STAGES};
use isao_deals_widget::deal_sort::SortOrder;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

use crate::support::*;

impl Widget {
    /// Opens the board and waits until every column has drawn its first
    /// cards, which it does a few per frame.
    pub(crate) async fn open_board(&self) {
        self.click("Board");
        self.wait_until("every column's first cards", || {
            let columns = self.find_all(".board-column");
            !columns.is_empty()
                && columns.iter().all(|column| {
                    let count = column
                        .query_selector(".column-count")
                        .ok()
                        .flatten()
                        .and_then(|count| count.text_content())
                        .unwrap_or_default();
                    let count: usize = count
                        .chars()
                        .filter(char::is_ascii_digit)
                        .collect::<String>()
                        .parse()
                        .unwrap_or_default();
                    let drawn = column
                        .query_selector_all(".card")
                        .map(|cards| cards.length() as usize)
                        .unwrap_or_default();
                    drawn == count.min(25)
                })
        })
        .await;
    }

    /// Ids of the cards in the column of `stage`, in order.
    pub(crate) fn cards_in(&self, stage: &str) -> Vec<String> {
        self.find(&format!(".board-column[data-drop-stage=\"{stage}\"]"))
            .map(|column| {
                let cards = column.query_selector_all(".card").expect("cards");
                (0..cards.length())
                    .filter_map(|index| cards.item(index)?.dyn_into::<Element>().ok())
                    .filter_map(|card| card.get_attribute("data-deal-id"))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits until the card of the deal `id` is in the column of `stage`.
    pub(crate) async fn wait_for_card(&self, stage: &str, id: &str) {
        self.wait_until(&format!("the card of {id} in {stage}"), || {
            self.cards_in(stage).iter().any(|card| card == id)
        })
        .await;
    }

    /// The deals the column headers count, all columns together.
    fn counted_cards(&self) -> usize {
        self.find_all(".board-column .column-count")
            .iter()
            .filter_map(|count| {
                let text = count.text_content()?;
                let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                digits.parse::<usize>().ok()
            })
            .sum()
    }

    fn card(&self, id: &str) -> HtmlElement {
        self.find_all(".card")
            .into_iter()
            .find(|card| card.get_attribute("data-deal-id").as_deref() == Some(id))
            .and_then(|card| card.dyn_into().ok())
            .unwrap_or_else(|| panic!("no card {id} on the board"))
    }

    pub(crate) fn press_move_on(&self, id: &str) {
        self.card(id)
            .query_selector("button.card-move")
            .ok()
            .flatten()
            .and_then(|button| button.dyn_into::<HtmlElement>().ok())
            .expect("a Move button on the card")
            .click();
    }

    fn focused_card(&self) -> Option<String> {
        self.root()
            .active_element()
            .and_then(|element| element.get_attribute("data-deal-id"))
    }
}

// Guards: the board holds every deal that matches the filters, not one page,
// each in the column of its stage, and a column's header counts its cards.
#[wasm_bindgen_test]
async fn board_shows_every_matching_deal_in_its_stage_column() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Status", "open");
    let expected = list(
        RW_KEY,
        DealQuery {
            status: Some(DealStatus::Open),
            limit: 200,
            ..DealQuery::default()
        },
    )
    .await;
    widget.open_board().await;
    // Columns show their first cards; "Show more" brings the rest.
    widget
        .wait_until("every open deal on the board", || {
            widget
                .find_all("button.show-more")
                .into_iter()
                .filter_map(|button| button.dyn_into::<HtmlElement>().ok())
                .for_each(|button| button.click());
            widget.find_all(".card").len() as u64 == expected.meta.total
        })
        .await;
    assert!(expected.meta.total > 50, "more than one list page");
    let headings: Vec<String> = widget
        .find_all(".board-column h3")
        .iter()
        .map(|heading| heading.text_content().unwrap_or_default())
        .collect();
    assert_eq!(&headings[..3], ["Discovery", "Qualification", "Proposal"]);
    assert!(headings.len() >= PIPELINE_STAGES.len());
    for deal in expected.data.iter().take(20) {
        let Some(stage) = deal.stage.clone() else {
            let no_stage = widget.find_all(".board-column:not([data-drop-stage]) .card");
            assert!(no_stage
                .iter()
                .any(|card| card.get_attribute("data-deal-id").as_deref() == Some(&deal.id)));
            continue;
        };
        assert!(
            widget.cards_in(&stage).contains(&deal.id),
            "{} sits in {stage}",
            deal.id
        );
    }
    let proposal = widget.cards_in("proposal").len();
    let count = widget.text_of(".board-column[data-drop-stage=\"proposal\"] .column-count");
    assert_eq!(count, format!("{proposal} deals"));
}

// Guards: the keyboard way to move a card: Move, then a stage. The card is in
// its new column at once, the API then holds the stage, the move is announced
// by names, and focus is on the moved card.
#[wasm_bindgen_test]
async fn a_card_moves_to_another_stage_by_keyboard() {
    let title = unique("Board keyboard move");
    let deal = create_deal(&title).await;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_board().await;
    widget.wait_for_card("proposal", &deal.id).await;
    widget.press_move_on(&deal.id);
    widget
        .wait_until("the move choices", || {
            widget.button("Negotiation").is_some()
        })
        .await;
    let slow = SlowFetch::install_for("PUT", "/status", 1500);
    let asked = js_sys::Date::now();
    widget.click("Negotiation");
    widget.wait_for_card("negotiation", &deal.id).await;
    assert!(
        js_sys::Date::now() - asked < 1000.0,
        "moved before the API answers"
    );
    assert!(!widget.cards_in("proposal").contains(&deal.id));
    let position = widget
        .cards_in("negotiation")
        .iter()
        .position(|id| *id == deal.id)
        .expect("in the column")
        + 1;
    let size = widget.text_of(".board-column[data-drop-stage=\"negotiation\"] .column-count");
    let size = size.trim_end_matches(" deals").replace(',', "");
    assert_eq!(
        widget.text_of(".board-tools [role=status]"),
        format!("Moved {title} to Negotiation, position {position} of {size}")
    );
    drop(slow);
    let stored = client(RW_KEY);
    let mut held = None;
    for _ in 0..100 {
        let now = stored.get_deal(&deal.id).await.expect("the deal");
        if now.stage.as_deref() == Some("negotiation") {
            held = Some(now);
            break;
        }
        sleep(50).await;
    }
    assert!(held.is_some(), "the API holds the new stage");
    widget
        .wait_until("focus on the moved card", || {
            widget.focused_card().as_deref() == Some(deal.id.as_str())
        })
        .await;
}

// Guards: a move the API refuses (a read-only key: 403) puts the card back in
// its place and says why, with the server's words.
#[wasm_bindgen_test]
async fn a_refused_move_puts_the_card_back_with_the_reason() {
    let deal = create_deal(&unique("Board refused move")).await;
    let widget = mount_widget();
    widget.connect(RO_KEY).await;
    widget.open_board().await;
    widget.wait_for_card("proposal", &deal.id).await;
    let before = widget.cards_in("proposal");
    widget.press_move_on(&deal.id);
    widget
        .wait_until("the move choices", || {
            widget.button("Negotiation").is_some()
        })
        .await;
    widget.click("Negotiation");
    widget
        .wait_until("the refusal", || {
            widget.text_of(".form-error").contains("was not moved")
        })
        .await;
    assert!(
        widget.text_of(".form-error").contains("deals:write"),
        "the missing permission is named: {}",
        widget.text_of(".form-error")
    );
    assert_eq!(
        widget.cards_in("proposal"),
        before,
        "back in its exact place"
    );
    assert!(!widget.cards_in("negotiation").contains(&deal.id));
}

// Guards: moving a won deal to an open stage asks first, and reopens it only
// once confirmed.
#[wasm_bindgen_test]
async fn moving_a_won_deal_to_an_open_stage_asks_before_reopening() {
    let deal = create_deal(&unique("Board reopen")).await;
    client(RW_KEY)
        .update_status(
            &deal.id,
            &StatusChange {
                status: Some(DealStatus::Won),
                stage: Some("closed-won".into()),
                ..StatusChange::default()
            },
        )
        .await
        .expect("won");
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_board().await;
    widget.wait_for_card("closed-won", &deal.id).await;
    widget.press_move_on(&deal.id);
    widget
        .wait_until("the move choices", || widget.button("Proposal").is_some())
        .await;
    widget.click("Proposal");
    widget
        .wait_until("the question", || {
            widget.button("Reopen and move").is_some()
        })
        .await;
    assert!(
        widget.cards_in("closed-won").contains(&deal.id),
        "not moved yet"
    );
    widget.click("Reopen and move");
    widget.wait_for_card("proposal", &deal.id).await;
    let mut reopened = false;
    for _ in 0..100 {
        let now = client(RW_KEY).get_deal(&deal.id).await.expect("the deal");
        if now.status == DealStatus::Open && now.stage.as_deref() == Some("proposal") {
            reopened = true;
            break;
        }
        sleep(50).await;
    }
    assert!(reopened, "the API holds the reopened deal");
}

// Guards: the tabs follow the ARIA pattern: arrows and Home move between
// them and show each view; the selected tab alone is in the Tab order.
#[wasm_bindgen_test]
async fn tabs_switch_views_with_the_arrow_keys() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let tab = |name: &str| {
        widget
            .find_all("[role=tab]")
            .into_iter()
            .find(|tab| tab.text_content().as_deref() == Some(name))
            .expect("tab")
    };
    let press = |key: &str| {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event =
            KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
        widget
            .root()
            .active_element()
            .expect("a focused tab")
            .dispatch_event(&event)
            .expect("dispatched");
    };
    assert_eq!(
        tab("List").get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    tab("List")
        .dyn_into::<HtmlElement>()
        .expect("tab")
        .focus()
        .expect("focus");
    press("ArrowRight");
    widget
        .wait_until("the board", || widget.find(".board").is_some())
        .await;
    assert_eq!(
        tab("Board").get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert_eq!(tab("Board").get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(tab("List").get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(
        widget
            .root()
            .active_element()
            .and_then(|tab| tab.text_content())
            .as_deref(),
        Some("Board")
    );
    press("End");
    widget
        .wait_until("the forecast tab", || {
            tab("Forecast").get_attribute("aria-selected").as_deref() == Some("true")
        })
        .await;
    press("Home");
    widget.wait_for_page(1).await;
    assert_eq!(
        tab("List").get_attribute("aria-selected").as_deref(),
        Some("true")
    );
}

// Guards: the load of every page shows its progress and can be stopped; the
// board then says how many of how many it shows.
#[wasm_bindgen_test]
async fn loading_every_deal_can_be_cancelled() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let total = widget.shown_total();
    let slow = SlowFetch::install_for("GET", "/deals?", 800);
    widget.click("Board");
    widget
        .wait_until("the progress", || {
            widget.text().contains("Loading deals: 200 of")
        })
        .await;
    widget.click("Cancel");
    widget
        .wait_until("the stopped load", || {
            widget.text().contains("loading was stopped")
        })
        .await;
    assert!(
        widget
            .text()
            .contains(&format!("Showing 200 of {total} deals")),
        "{}",
        widget.text()
    );
    assert_eq!(widget.counted_cards(), 200);
    drop(slow);
    widget.click("Load all");
    widget
        .wait_until("every deal", || widget.counted_cards() as u64 >= total)
        .await;
}

// Guards: open deals unchanged for the idle threshold say so in words, and
// "Idle only" narrows the board to them.
#[wasm_bindgen_test]
async fn idle_only_narrows_the_board_to_idle_deals() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_board().await;
    let all = widget.find_all(".card").len();
    let checkbox: HtmlInputElement = widget
        .find(".idle-only input")
        .and_then(|input| input.dyn_into().ok())
        .expect("the Idle only toggle");
    checkbox.click();
    widget
        .wait_until("fewer cards", || widget.find_all(".card").len() < all)
        .await;
    let cards = widget.find_all(".card");
    assert!(!cards.is_empty(), "the demo has idle deals");
    for card in cards {
        let idle = card
            .query_selector(".idle")
            .ok()
            .flatten()
            .and_then(|idle| idle.text_content())
            .unwrap_or_default();
        let days: i64 = idle
            .strip_prefix("Idle ")
            .and_then(|rest| rest.strip_suffix(" days"))
            .and_then(|days| days.parse().ok())
            .unwrap_or_else(|| panic!("an idle marker in words, not {idle:?}"));
        assert!(days >= 14);
    }
}

// Guards: the board's own sort control orders every column's cards as the
// list's sort does (amounts grouped by currency, then highest first here),
// and it is the list's sort: back on the list, the Value header says so.
#[wasm_bindgen_test]
async fn the_boards_sort_control_orders_the_cards_and_is_the_lists_sort() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Stage", "negotiation");
    let deals = list(
        RW_KEY,
        DealQuery {
            stage: Some("negotiation".to_owned()),
            limit: 200,
            ..DealQuery::default()
        },
    )
    .await;
    assert!(
        deals.meta.total > 1 && deals.meta.total <= 200,
        "one page of several deals"
    );
    let highest_first = SortOrder::parse("-value").expect("a sort");
    let mut positions: Vec<usize> = (0..deals.data.len()).collect();
    highest_first.sort(&deals.data, &mut positions);
    let expected: Vec<String> = positions
        .iter()
        .take(25)
        .map(|position| deals.data[*position].id.clone())
        .collect();
    widget.open_board().await;
    widget.fill("Sort cards by", "-value");
    widget
        .wait_until("the cards by value, highest first", || {
            widget.cards_in("negotiation") == expected
        })
        .await;
    widget.click("List");
    widget
        .wait_until("the list sorted by value, highest first", || {
            widget
                .find("th[aria-sort=\"descending\"]")
                .and_then(|header| header.text_content())
                .is_some_and(|header| header.contains("Value"))
        })
        .await;
}

// Guards: live refresh reaches the board too: another client's stage change
// moves the card to its new column, and a deal created elsewhere joins the
// board, each within a refresh or two, without a reload.
#[wasm_bindgen_test]
async fn another_clients_changes_reach_the_board() {
    let moved = create_deal(&unique("Board refresh moved")).await;
    let mut options = options(isao_deals_widget::key_store::KeyStorage::Memory);
    options.config.view_settings.refresh_seconds = 1;
    let widget = mount_with(options);
    widget.connect(RW_KEY).await;
    widget.open_board().await;
    widget.wait_for_card("proposal", &moved.id).await;

    let change = StatusChange {
        stage: Some("negotiation".to_owned()),
        ..StatusChange::default()
    };
    client(RW_KEY)
        .update_status(&moved.id, &change)
        .await
        .expect("stage change");
    let created = create_deal(&unique("Board refresh created")).await;
    widget
        .wait_until(
            "the moved card in negotiation and the new card in proposal",
            || {
                widget.cards_in("negotiation").contains(&moved.id)
                    && !widget.cards_in("proposal").contains(&moved.id)
                    && widget.cards_in("proposal").contains(&created.id)
            },
        )
        .await;
}

// Guards: a column of many deals draws its first 25 cards and a "Show 25
// more" (or fewer) that brings the next ones; its header counts them all.
#[wasm_bindgen_test]
async fn a_long_column_shows_its_cards_twenty_five_at_a_time() {
    let total = open_proposals_beyond(60).await as usize;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Status", "open");
    widget.open_board().await;
    widget
        .wait_until("the proposal column", || {
            widget.cards_in("proposal").len() == 25
        })
        .await;
    let count = widget.text_of(".board-column[data-drop-stage=\"proposal\"] .column-count");
    assert_eq!(count, format!("{total} deals"));
    let button = widget
        .find(".board-column[data-drop-stage=\"proposal\"] button.show-more")
        .and_then(|button| button.dyn_into::<HtmlElement>().ok())
        .expect("a Show more button under the column");
    assert_eq!(
        button.text_content().unwrap_or_default(),
        format!("Show {} more", (total - 25).min(25))
    );
    button.click();
    widget
        .wait_until("the next cards", || {
            widget.cards_in("proposal").len() == total.min(50)
        })
        .await;
}

/// Creates deals until more than `count` open deals are in Proposal, for a
/// column longer than its first cards; returns how many there are.
pub(crate) async fn open_proposals_beyond(count: u64) -> u64 {
    let proposals = || DealQuery {
        status: Some(DealStatus::Open),
        stage: Some("proposal".to_owned()),
        limit: 1,
        ..DealQuery::default()
    };
    loop {
        let total = list(RW_KEY, proposals()).await.meta.total;
        if total > count {
            return total;
        }
        create_deal(&unique("Long column")).await;
    }
}
