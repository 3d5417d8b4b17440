//! The new-deal form's contact and user pickers: people found by part of a
//! name, chosen by keyboard or mouse, the host's directory, and ids typed by
//! hand.

use deals_contract::Contact;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

use crate::support::*;

impl Widget {
    fn picker(&self, label: &str) -> HtmlInputElement {
        self.control(label)
            .dyn_into()
            .expect("a picker is a text input")
    }

    /// The names its suggestions show, in order; none while they are hidden.
    fn suggested(&self, label: &str) -> Vec<String> {
        let picker = self.picker(label);
        if picker.get_attribute("aria-expanded").as_deref() != Some("true") {
            return Vec::new();
        }
        let listbox = picker
            .get_attribute("aria-controls")
            .expect("aria-controls");
        self.find_all(&format!("#{listbox} [role=option] .person-name"))
            .iter()
            .map(|name| name.text_content().unwrap_or_default())
            .collect()
    }

    /// The option `aria-activedescendant` names, by its person's name.
    fn active_suggestion(&self, label: &str) -> Option<String> {
        let id = self.picker(label).get_attribute("aria-activedescendant")?;
        let option = self.find(&format!("#{id}"))?;
        assert_eq!(
            option.get_attribute("aria-selected").as_deref(),
            Some("true")
        );
        Some(self.text_of(&format!("#{id} .person-name")))
    }

    fn hint(&self, name: &str) -> String {
        self.text_of(&format!("#isao-field-{name}-hint"))
    }
}

fn focus(control: &Element) {
    control
        .dispatch_event(&Event::new("focus").expect("event"))
        .expect("dispatch");
}

/// A word of `name` to type: its longest, cut to its last four letters and
/// in capitals, so that neither its start nor its case is what matches.
fn part_of(name: &str) -> String {
    let word = name
        .split_whitespace()
        .max_by_key(|word| word.chars().count())
        .expect("a name");
    let letters: Vec<char> = word.chars().collect();
    letters[letters.len().saturating_sub(4)..]
        .iter()
        .collect::<String>()
        .to_uppercase()
}

async fn form_with_contact() -> (Widget, Contact) {
    let contact = staffed_deal().await.contact.expect("a contact");
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    (widget, contact)
}

// Guards: part of a contact's name, in another case, suggests them; the
// arrows move the active option (aria-activedescendant, aria-selected) and
// Enter chooses it without sending the form: the field then holds the id
// and the line under it names the person.
#[wasm_bindgen_test]
async fn a_contact_is_found_by_part_of_a_name_and_chosen_with_the_keyboard() {
    let (widget, contact) = form_with_contact().await;
    let input = widget.picker("Contact");
    assert_eq!(input.get_attribute("role").as_deref(), Some("combobox"));
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    widget.fill("Contact", &part_of(&contact.name));
    widget
        .wait_until("the contact among the suggestions", || {
            widget.suggested("Contact").contains(&contact.name)
        })
        .await;
    assert_eq!(widget.active_suggestion("Contact"), None);
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );

    let suggested = widget.suggested("Contact");
    let at = suggested
        .iter()
        .position(|name| *name == contact.name)
        .expect("suggested");
    for _ in 0..=at {
        assert!(press(&input, "ArrowDown"));
    }
    widget
        .wait_until("the contact's option active", || {
            widget.active_suggestion("Contact").as_ref() == Some(&contact.name)
        })
        .await;
    assert!(
        press(&input, "Enter"),
        "Enter chooses, the form is not sent"
    );
    widget
        .wait_until("the contact chosen", || {
            input.value() == contact.id
                && input.get_attribute("aria-expanded").as_deref() == Some("false")
                && widget.hint("contactId").starts_with(&contact.name)
        })
        .await;
    assert!(widget.button("Create deal").is_some(), "still on the form");

    // ArrowUp from no active option goes to the last one, and wraps.
    widget.fill("Contact", "");
    assert!(press(&input, "ArrowUp"));
    widget
        .wait_until("the last suggestion active", || {
            let all = widget.suggested("Contact");
            !all.is_empty() && widget.active_suggestion("Contact").as_ref() == all.last()
        })
        .await;
    assert!(press(&input, "ArrowDown"));
    widget
        .wait_until("the first suggestion active", || {
            widget.active_suggestion("Contact").as_ref() == widget.suggested("Contact").first()
        })
        .await;
}

// Guards: a click chooses (a press does not take the focus from the
// field); Escape hides the suggestions and keeps what was typed.
#[wasm_bindgen_test]
async fn a_click_chooses_and_escape_closes_keeping_the_text() {
    let (widget, contact) = form_with_contact().await;
    let typed = part_of(&contact.name);
    widget.fill("Contact", &typed);
    widget
        .wait_until("the contact among the suggestions", || {
            widget.suggested("Contact").contains(&contact.name)
        })
        .await;
    assert!(press(&widget.picker("Contact"), "Escape"));
    widget
        .wait_until("the suggestions hidden", || {
            widget.suggested("Contact").is_empty()
        })
        .await;
    assert_eq!(widget.value_of("Contact"), typed);
    assert!(
        !press(&widget.picker("Contact"), "Escape"),
        "nothing left to close"
    );
    assert_eq!(widget.value_of("Contact"), typed);

    widget.fill("Contact", &typed);
    widget
        .wait_until("the suggestions shown again", || {
            widget.suggested("Contact").contains(&contact.name)
        })
        .await;
    let option = widget
        .find_all("[role=option]")
        .into_iter()
        .find(|option| {
            option
                .text_content()
                .unwrap_or_default()
                .contains(&contact.name)
        })
        .expect("the contact's option");
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let press_down = Event::new_with_event_init_dict("mousedown", &init).expect("event");
    option.dispatch_event(&press_down).expect("dispatch");
    assert!(
        press_down.default_prevented(),
        "the focus stays in the field"
    );
    option.unchecked_ref::<HtmlElement>().click();
    widget
        .wait_until("the contact chosen", || {
            widget.value_of("Contact") == contact.id && widget.suggested("Contact").is_empty()
        })
        .await;
}

// Guards: the people the host lists in its element's `directory` property
// are offered beside those of the deals, found without accents or case, and
// a change of the directory is heard the next time the field is focused.
#[wasm_bindgen_test]
async fn the_hosts_directory_adds_people_the_deals_do_not_name() {
    let widget = mount_widget();
    let word = unique_word();
    let directory = js_sys::JSON::parse(&format!(
        r#"{{"contacts": [{{"id": "contact_{word}", "name": "Zébulon {word}", "email": "z@manege.fr", "currentCompany": "Manège SA"}}, {{"name": "No id"}}, 7],
            "users": [{{"id": "user_{word}", "name": "Ysé {word}"}}]}}"#
    ))
    .expect("JSON");
    js_sys::Reflect::set(&widget.host, &JsValue::from_str("directory"), &directory).expect("set");
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;

    widget.fill("Contact", &format!("zebulon manege {word}"));
    widget
        .wait_until("the directory's contact", || {
            widget.suggested("Contact") == [format!("Zébulon {word}")]
        })
        .await;
    assert!(widget
        .text_of("[role=option]")
        .contains("z@manege.fr · Manège SA"));
    widget.fill("Assigned to", &format!("YSE {word}"));
    widget
        .wait_until("the directory's user", || {
            widget.suggested("Assigned to") == [format!("Ysé {word}")]
        })
        .await;
    widget.fill("Contact", &format!("contact_{word}"));
    widget
        .wait_until("the directory's contact named", || {
            widget.hint("contactId") == format!("Zébulon {word} · z@manege.fr · Manège SA")
        })
        .await;

    js_sys::Reflect::set(
        &widget.host,
        &JsValue::from_str("directory"),
        &JsValue::UNDEFINED,
    )
    .expect("unset");
    focus(&widget.control("Contact"));
    widget
        .wait_until("the directory forgotten", || {
            widget.hint("contactId") == "No one known matches: what you typed is sent as an id."
        })
        .await;
}

// Guards: an id typed by hand is kept as typed; the line under the field
// names whom it belongs to, or says that no one known matches.
#[wasm_bindgen_test]
async fn an_id_typed_by_hand_is_named_under_the_field() {
    let (widget, contact) = form_with_contact().await;
    assert_eq!(
        widget.hint("contactId"),
        "Type a name, an email, a company or an id."
    );
    widget.fill("Contact", &contact.id);
    widget
        .wait_until("the contact named", || {
            widget.hint("contactId").starts_with(&contact.name)
        })
        .await;
    assert_eq!(widget.value_of("Contact"), contact.id);
    widget.fill("Contact", "contact_nobody_at_all");
    widget
        .wait_until("no one named", || {
            widget.hint("contactId") == "No one known matches: what you typed is sent as an id."
        })
        .await;
}
