//! The undo window: a change shows at once, waits with a toast that offers
//! to undo it, and only then goes to the API; Undo sends nothing.

use deals_contract::{Deal, DealStatus};
use isao_deals_widget::embed::mount_from_js;
use isao_deals_widget::key_store::KeyStorage;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Event, EventTarget};

use crate::support::*;

/// A widget whose changes wait `seconds` before they are sent.
fn widget_waiting(seconds: u32) -> Widget {
    let mut options = options(KeyStorage::Memory);
    options.config.view_settings.undo_seconds = seconds;
    mount_with(options)
}

/// The deal as the API holds it now.
async fn held(id: &str) -> Deal {
    client(RW_KEY).get_deal(id).await.expect("the deal").deal
}

/// Waits until the API holds what `holds` looks for in deal `id`.
async fn wait_until_held(id: &str, what: &str, holds: impl Fn(&Deal) -> bool) {
    let started = js_sys::Date::now();
    while !holds(&held(id).await) {
        assert!(
            js_sys::Date::now() - started < 15_000.0,
            "the API never held {what}"
        );
        sleep(200).await;
    }
}

impl Widget {
    fn toast(&self) -> String {
        self.text_of(".undo-toast.shown")
    }

    fn toast_event(&self, name: &str) {
        let toast = self.find(".undo-toast").expect("the toast");
        toast
            .unchecked_ref::<EventTarget>()
            .dispatch_event(&Event::new(name).expect("an event"))
            .expect("dispatched");
    }
}

/// A widget waiting `seconds` whose board shows `deals` (found by `word`).
async fn board_of(seconds: u32, word: &str, deals: &[Deal]) -> Widget {
    let widget = widget_waiting(seconds);
    widget.connect(RW_KEY).await;
    widget.fill("Search deals", word);
    widget.open_board().await;
    for deal in deals {
        widget.wait_for_card("proposal", &deal.id).await;
    }
    widget
}

/// A widget waiting `seconds` on the screen of a new deal.
async fn deal_open(seconds: u32, label: &str) -> (Widget, Deal) {
    let deal = create_deal(&unique(label)).await;
    let widget = widget_waiting(seconds);
    widget.connect(RW_KEY).await;
    open_newest(&widget, &deal.title).await;
    (widget, deal)
}

// Guards: three deals moved together show moved at once, with a toast that
// says so; Undo puts every card back and says so, and the API never hears
// of the move, even after the window would have ended.
#[wasm_bindgen_test]
async fn undo_puts_a_bulk_move_back_and_sends_nothing() {
    let word = unique_word();
    let mut deals = Vec::new();
    for name in ["one", "two", "three"] {
        deals.push(create_deal(&format!("Taken back {word} {name}")).await);
    }
    let widget = board_of(2, &word, &deals).await;
    for deal in &deals {
        widget.select_card(&deal.id);
    }
    widget.wait_for_text("3 selected").await;
    widget.move_selected_to("negotiation").await;
    for deal in &deals {
        widget.wait_for_card("negotiation", &deal.id).await;
    }
    widget
        .wait_until("the toast", || {
            widget.toast().starts_with("Moved 3 deals to Negotiation")
        })
        .await;
    widget.click("Undo");
    for deal in &deals {
        widget.wait_for_card("proposal", &deal.id).await;
    }
    widget
        .wait_until("the toast says it is undone", || {
            widget.toast() == "Undone: Moved 3 deals to Negotiation"
        })
        .await;
    assert!(widget.button("Undo").is_none(), "nothing left to undo");
    sleep(3_000).await;
    for deal in &deals {
        assert_eq!(held(&deal.id).await.stage.as_deref(), Some("proposal"));
    }
}

// Guards: a change made on the deal shows at once and is sent only once the
// window is over: the API still holds the deal as it was meanwhile, then
// holds the change, and the toast goes.
#[wasm_bindgen_test]
async fn a_change_waits_for_its_window_then_goes() {
    let (widget, deal) = deal_open(2, "Closed after the window").await;
    widget.click("Mark won");
    widget
        .wait_until("the deal shown won", || {
            widget.text_of(".deal-fields .badge") == "Won"
        })
        .await;
    assert!(
        widget
            .toast()
            .starts_with(&format!("Marked {} as won", deal.title)),
        "{}",
        widget.toast()
    );
    assert_eq!(
        held(&deal.id).await.status,
        DealStatus::Open,
        "not sent yet"
    );
    wait_until_held(&deal.id, "the deal won", |held| {
        held.status == DealStatus::Won
    })
    .await;
    widget
        .wait_until("the toast gone", || {
            widget.find(".undo-toast.shown").is_none()
        })
        .await;
}

// Guards: the window stands still while the pointer is over the toast
// (WCAG 2.2.1), and runs out once it leaves.
#[wasm_bindgen_test]
async fn hovering_the_toast_holds_the_change() {
    let (widget, deal) = deal_open(1, "Held by a hover").await;
    widget.click("Mark lost");
    widget
        .wait_until("the toast", || widget.toast().starts_with("Marked"))
        .await;
    widget.toast_event("mouseenter");
    sleep(2_500).await;
    assert_eq!(
        held(&deal.id).await.status,
        DealStatus::Open,
        "held while hovered"
    );
    widget.toast_event("mouseleave");
    wait_until_held(&deal.id, "the deal lost", |held| {
        held.status == DealStatus::Lost
    })
    .await;
}

// Guards: while a change waits, closing the page asks first; a page that
// goes all the same sends the change at once; with nothing waiting, it
// does not ask.
#[wasm_bindgen_test]
async fn leaving_the_page_sends_what_waits() {
    let (widget, deal) = deal_open(60, "Sent on leaving").await;
    widget.click("Mark won");
    widget
        .wait_until("the toast", || widget.toast().starts_with("Marked"))
        .await;
    assert!(closing_asks_first(), "a change waits");
    window_event_cancelled("pagehide");
    wait_until_held(&deal.id, "the deal won", |held| {
        held.status == DealStatus::Won
    })
    .await;
    assert!(!closing_asks_first(), "nothing waits any more");
}

// Guards: a stage change undone on the deal shows the deal as it was; an
// undo window of 0 seconds sends at once and shows no toast.
#[wasm_bindgen_test]
async fn undo_on_the_deal_and_no_window_at_zero() {
    let (widget, deal) = deal_open(30, "Stage undone").await;
    widget.fill("New stage", "negotiation");
    widget.click("Change stage");
    widget
        .wait_until("the toast", || {
            widget
                .toast()
                .starts_with(&format!("Moved {} to Negotiation", deal.title))
        })
        .await;
    widget.click("Undo");
    widget
        .wait_until("the deal as it was", || {
            widget.text_of(".deal-fields dd:nth-of-type(3)") == "Proposal"
        })
        .await;
    assert_eq!(held(&deal.id).await.stage.as_deref(), Some("proposal"));
    drop(widget);

    let (widget, deal) = deal_open(0, "Sent at once").await;
    widget.click("Mark won");
    wait_until_held(&deal.id, "the deal won", |held| {
        held.status == DealStatus::Won
    })
    .await;
    assert!(
        widget.find(".undo-toast.shown").is_none(),
        "no toast at 0 s"
    );
}

/// `mount(element, options)` as a host page calls it, with `undoSeconds`
/// given as `undo_seconds`.
fn mount_from_page(undo_seconds: JsValue) -> Result<Widget, JsValue> {
    let options = js_sys::Object::new();
    for (name, value) in [
        ("apiBase", JsValue::from_str(API_BASE)),
        ("keyStorage", JsValue::from_str("memory")),
        ("urlKey", JsValue::from_str("")),
        ("stylesheet", JsValue::from_str("data:text/css,")),
        ("undoSeconds", undo_seconds),
    ] {
        js_sys::Reflect::set(&options, &JsValue::from_str(name), &value).expect("option");
    }
    let host = new_host();
    match mount_from_js(&host, options.into()) {
        Ok(handle) => Ok(Widget { host, handle }),
        Err(error) => {
            host.remove();
            Err(error)
        }
    }
}

// Guards: the host page's `undoSeconds` sets the window (a number here: 1 s,
// not the default 6), and a value that is not a whole number of seconds is
// refused with the option named.
#[wasm_bindgen_test]
async fn the_host_page_sets_the_window() {
    assert!(
        mount_from_page(JsValue::from_f64(-1.0))
            .err()
            .and_then(|error| error.as_string())
            .is_some_and(|error| error.contains("undoSeconds")),
        "-1 is refused, naming the option"
    );
    let widget = mount_from_page(JsValue::from_f64(1.0)).expect("mounted");
    let deal = create_deal(&unique("One second to undo")).await;
    widget.connect(RW_KEY).await;
    open_newest(&widget, &deal.title).await;
    widget.click("Mark won");
    widget
        .wait_until("the toast", || widget.toast().starts_with("Marked"))
        .await;
    let started = js_sys::Date::now();
    wait_until_held(&deal.id, "the deal won", |held| {
        held.status == DealStatus::Won
    })
    .await;
    assert!(
        js_sys::Date::now() - started < 4_000.0,
        "sent after about a second, not six"
    );
}

impl Widget {
    /// Moves the card of `deal` to Negotiation through its Move prompt.
    async fn move_to_negotiation(&self, deal: &Deal) {
        self.press_move_on(&deal.id);
        self.wait_until("the move choices", || self.button("Negotiation").is_some())
            .await;
        self.click("Negotiation");
        self.wait_for_card("negotiation", &deal.id).await;
    }
}

// Guards: one change waits at a time: a second change sends the first at
// once (the API holds it while the second still waits), and Undo then takes
// back the second only.
#[wasm_bindgen_test]
async fn a_second_change_sends_the_first() {
    let word = unique_word();
    let first = create_deal(&format!("Queued {word} first")).await;
    let second = create_deal(&format!("Queued {word} second")).await;
    let widget = board_of(60, &word, &[first.clone(), second.clone()]).await;
    widget.move_to_negotiation(&first).await;
    widget
        .wait_until("the first toast", || {
            widget
                .toast()
                .starts_with(&format!("Moved {} to", first.title))
        })
        .await;
    assert_eq!(
        held(&first.id).await.stage.as_deref(),
        Some("proposal"),
        "waits"
    );
    widget.move_to_negotiation(&second).await;
    widget
        .wait_until("the second toast", || {
            widget
                .toast()
                .starts_with(&format!("Moved {} to", second.title))
        })
        .await;
    wait_until_held(&first.id, "the first move", |held| {
        held.stage.as_deref() == Some("negotiation")
    })
    .await;
    assert_eq!(
        held(&second.id).await.stage.as_deref(),
        Some("proposal"),
        "waits"
    );
    widget.click("Undo");
    widget.wait_for_card("proposal", &second.id).await;
    assert!(widget.cards_in("negotiation").contains(&first.id));
    assert_eq!(held(&second.id).await.stage.as_deref(), Some("proposal"));
}
