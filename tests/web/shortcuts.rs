//! Keyboard shortcuts: "/", j and k, the arrows from a row, "?" and Escape;
//! none while the user types in a field.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

use crate::support::*;

impl Widget {
    fn focused(&self) -> Option<Element> {
        self.root().active_element()
    }

    /// The id of the row whose link has the focus.
    fn focused_row(&self) -> Option<String> {
        self.focused()?
            .closest("tr")
            .ok()
            .flatten()?
            .get_attribute("data-deal-id")
    }

    fn heading(&self) -> Element {
        self.find("h2").expect("the widget's heading")
    }
}

// Guards: j and k move the focus down and up the rows' links, stopping at
// either end; the arrows do the same once a row has the focus, and are left
// to the page (scrolling) when none has; "/" focuses the search box.
#[wasm_bindgen_test]
async fn j_k_and_the_arrows_move_between_rows_and_slash_focuses_the_search() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let rows = widget.row_ids();
    assert!(rows.len() > 2, "a page of rows");

    assert!(
        !press(&widget.heading(), "ArrowDown"),
        "no row focused: the page scrolls"
    );
    assert_eq!(widget.focused_row(), None);
    assert!(press(&widget.heading(), "j"));
    assert_eq!(widget.focused_row().as_ref(), Some(&rows[0]));
    let focused = widget.focused().expect("focus");
    press(&focused, "j");
    assert_eq!(widget.focused_row().as_ref(), Some(&rows[1]));
    press(&widget.focused().expect("focus"), "ArrowDown");
    assert_eq!(widget.focused_row().as_ref(), Some(&rows[2]));
    press(&widget.focused().expect("focus"), "k");
    press(&widget.focused().expect("focus"), "ArrowUp");
    press(&widget.focused().expect("focus"), "k");
    assert_eq!(
        widget.focused_row().as_ref(),
        Some(&rows[0]),
        "k stops at the first row"
    );

    assert!(press(&widget.focused().expect("focus"), "/"));
    let search = widget.control("Search deals");
    assert_eq!(widget.focused().as_ref(), Some(&search));
}

// Guards: a shortcut's key typed in a field is text: it moves nothing and is
// not taken from the field; a key held with Ctrl is the browser's.
#[wasm_bindgen_test]
async fn no_shortcut_fires_while_typing_or_with_a_modifier() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let search = widget.control("Search deals");
    search
        .dyn_ref::<HtmlElement>()
        .expect("an input")
        .focus()
        .expect("focus");
    for key in ["j", "k", "/", "?", "ArrowDown"] {
        assert!(!press(&search, key), "{key} typed in the search box");
    }
    assert_eq!(widget.focused().as_ref(), Some(&search));
    assert!(widget.find(".shortcuts").is_none());

    let init = KeyboardEventInit::new();
    init.set_key("j");
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_ctrl_key(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    widget.heading().dispatch_event(&event).expect("dispatch");
    assert!(!event.default_prevented());
    assert_eq!(widget.focused_row(), None);
}

// Guards: "?" shows the list of shortcuts, its heading focused, in the
// widget's words; Escape hides it and the focus goes back to the row it
// left; "?" twice shows then hides; Close hides it too.
#[wasm_bindgen_test]
async fn question_mark_shows_the_shortcuts_and_escape_hides_them() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    press(&widget.heading(), "j");
    let row = widget.focused_row().expect("a row focused");

    assert!(press(&widget.focused().expect("focus"), "?"));
    widget.wait_for_text("Keyboard shortcuts").await;
    widget
        .wait_until("the list's heading focused", || {
            widget.focused().map(|element| element.id()) == Some("isao-shortcuts".to_owned())
        })
        .await;
    for said in [
        "Search deals",
        "Next deal",
        "Previous deal",
        "Open the deal",
        "Enter",
    ] {
        assert!(widget.text_of(".shortcuts").contains(said), "{said}");
    }

    press(&widget.focused().expect("focus"), "Escape");
    widget
        .wait_until("the list hidden", || widget.find(".shortcuts").is_none())
        .await;
    assert_eq!(
        widget.focused_row(),
        Some(row),
        "the focus is back on its row"
    );

    press(&widget.heading(), "?");
    widget.wait_for_text("Keyboard shortcuts").await;
    widget.click("Close");
    widget
        .wait_until("the list hidden by Close", || {
            widget.find(".shortcuts").is_none()
        })
        .await;
}
