//! The new-deal form refuses text a person cannot see (and values beyond the
//! contract's bound), with the contract's words next to each field, before
//! anything is sent; nothing typed is lost.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

/// The form's free-text fields: label, name in the API, and the words its
/// messages name it by (the pickers hold an id).
const FREE_TEXT: [(&str, &str, &str); 6] = [
    ("Title", "title", "Title"),
    ("Description", "description", "Description"),
    ("Stage", "stage", "Stage"),
    ("Source", "source", "Source"),
    ("Contact", "contactId", "Contact ID"),
    ("Assigned to", "assignedToId", "Assigned to ID"),
];

/// Characters nobody sees, with the words the message names them by.
const HIDDEN: [(char, &str); 6] = [
    ('\u{0}', "a control character"),
    ('\u{1B}', "a control character"),
    ('\u{7F}', "a control character"),
    ('\u{202E}', "an invisible format character"),
    ('\u{200B}', "an invisible zero-width character"),
    ('\u{FFFC}', "an object replacement character"),
];

/// Texts with no visible character: a lone combining mark, private use,
/// interlinear annotation characters, a Hangul filler.
const SHOWING_NOTHING: [&str; 4] = [
    "\u{301}",
    "\u{E000}",
    "\u{FFF9}\u{FFFA}\u{FFFB}",
    "\u{3164}",
];

fn in_a_sentence(label: &str) -> String {
    format!("{}{}", label[..1].to_ascii_lowercase(), &label[1..])
}

async fn new_deal_form() -> Widget {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    widget.fill("Value", "10");
    widget
}

// Guards: a character nobody sees, in any free-text field, is named with its
// position next to that field, and the text typed stays as typed.
#[wasm_bindgen_test]
async fn a_hidden_character_is_named_next_to_its_field() {
    let widget = new_deal_form().await;
    for (character, words) in HIDDEN {
        let typed = format!("AB{character}C");
        for (label, _, _) in FREE_TEXT {
            widget.fill(label, &typed);
        }
        widget.click("Create deal");
        let expected = |label: &str| {
            format!(
                "Character 3 of the {} is {words} (U+{:04X}): remove it",
                in_a_sentence(label),
                u32::from(character)
            )
        };
        widget
            .wait_until(&format!("the message for {character:?}"), || {
                widget.field_error("title") == expected("Title")
            })
            .await;
        for (label, name, named) in FREE_TEXT {
            assert_eq!(widget.field_error(name), expected(named), "{character:?}");
            assert_eq!(widget.value_of(label), typed, "what was typed stays");
            assert_eq!(
                widget
                    .control(label)
                    .get_attribute("aria-invalid")
                    .as_deref(),
                Some("true")
            );
        }
        assert!(widget.button("Create deal").is_some(), "still on the form");
    }
}

// Guards: text that shows nothing is refused in every free-text field.
#[wasm_bindgen_test]
async fn text_that_shows_nothing_is_refused_next_to_its_field() {
    let widget = new_deal_form().await;
    for typed in SHOWING_NOTHING {
        for (label, _, _) in FREE_TEXT {
            widget.fill(label, typed);
        }
        widget.click("Create deal");
        widget
            .wait_until(&format!("the message for {typed:?}"), || {
                widget.field_error("title") == "Title must contain visible characters"
                    && widget.value_of("Title") == typed
            })
            .await;
        for (label, name, named) in FREE_TEXT {
            assert_eq!(
                widget.field_error(name),
                format!("{named} must contain visible characters"),
                "{typed:?}"
            );
            assert_eq!(widget.value_of(label), typed, "what was typed stays");
        }
    }
}

// Guards: a tab breaks a one-line field but not the description, which
// keeps its line breaks too.
#[wasm_bindgen_test]
async fn only_the_description_takes_tabs_and_line_breaks() {
    let widget = new_deal_form().await;
    widget.fill("Title", "Name\tTab");
    widget.fill("Description", "Scope:\n\t- design");
    widget.click("Create deal");
    widget
        .wait_until("the message for the tab", || {
            widget.field_error("title") == "Character 5 of the title is a tab (U+0009): remove it"
        })
        .await;
    assert_eq!(widget.field_error("description"), "");
    assert_eq!(widget.value_of("Description"), "Scope:\n\t- design");
}

// Guards: a value beyond the contract's bound is refused next to the value
// field, and what was typed stays.
#[wasm_bindgen_test]
async fn a_value_beyond_the_bound_is_refused_next_to_its_field() {
    let widget = new_deal_form().await;
    widget.fill("Title", "Bounded");
    for typed in ["10000000000000.01", "1e308"] {
        widget.fill("Value", typed);
        widget.click("Create deal");
        widget
            .wait_until(&format!("the bound for {typed}"), || {
                widget.field_error("value") == "Value must be at most 10,000,000,000,000"
                    && widget.value_of("Value") == typed
            })
            .await;
        assert_eq!(widget.field_error("title"), "");
    }
}
