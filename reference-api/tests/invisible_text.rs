//! Text a person cannot see is not a value: every free-text field of the API
//! answers 422, in the seed's shape, naming the character and its position.

mod support;

use serde_json::{json, Value};
use support::*;

/// Characters nobody sees, with the words the 422 names them by.
const HIDDEN: [(char, &str); 7] = [
    ('\u{0}', "a control character"),
    ('\u{1B}', "a control character"),
    ('\u{7F}', "a control character"),
    ('\u{202E}', "an invisible format character"),
    ('\u{200B}', "an invisible zero-width character"),
    ('\u{FFFA}', "an invisible format character"),
    ('\u{FFFC}', "an object replacement character"),
];

/// Texts with no visible character: a zero-width space, a lone combining
/// mark, private use, unassigned, interlinear annotation characters.
const SHOWING_NOTHING: [&str; 5] = [
    "\u{200B}\u{FEFF}",
    "\u{301}",
    "\u{E000}\u{F0000}",
    "\u{378}",
    "\u{FFF9}\u{FFFA}\u{FFFB}",
];

/// The free-text members of `POST /deals`: name and the word for it in a sentence.
const NEW_DEAL_TEXT: [(&str, &str); 6] = [
    ("title", "title"),
    ("description", "description"),
    ("stage", "stage"),
    ("source", "source"),
    ("contactId", "contact ID"),
    ("assignedToId", "assigned to ID"),
];

fn with_member(name: &str, text: &str) -> Value {
    let mut body = json!({"title": "T", "value": 1});
    body[name] = json!(text);
    body
}

fn assert_refused(answer: &Answer, field: &str, message: &str) {
    assert_eq!(answer.status, 422, "{field}: {}", answer.body);
    assert_eq!(
        answer.body,
        json!({"success": false, "error": "Validation failed", "details": {field: message}}),
        "{field}"
    );
}

#[test]
fn a_new_deal_with_a_hidden_character_in_any_text_is_refused_by_name_and_position() {
    let dir = TempDir::new("hidden-characters");
    let server = Server::demo(&dir);
    let stored = |server: &Server| server.get("/deals?limit=1", RW).body["meta"]["total"].clone();
    let before = stored(&server);
    for (name, words_for_field) in NEW_DEAL_TEXT {
        for (character, words) in HIDDEN {
            let answer = server.post("/deals", RW, &with_member(name, &format!("AB{character}C")));
            let message = format!(
                "Character 3 of the {words_for_field} is {words} (U+{:04X}): remove it",
                u32::from(character)
            );
            assert_refused(&answer, name, &message);
        }
    }
    assert_eq!(stored(&server), before, "nothing was stored");
}

#[test]
fn a_new_deal_whose_text_shows_nothing_is_refused() {
    let dir = TempDir::new("showing-nothing");
    let server = Server::demo(&dir);
    for (name, words_for_field) in NEW_DEAL_TEXT {
        let label = format!(
            "{}{}",
            words_for_field[..1].to_ascii_uppercase(),
            &words_for_field[1..]
        );
        for text in SHOWING_NOTHING {
            let answer = server.post("/deals", RW, &with_member(name, text));
            assert_refused(
                &answer,
                name,
                &format!("{label} must contain visible characters"),
            );
        }
    }
}

#[test]
fn the_description_keeps_its_tabs_and_line_breaks_and_one_line_fields_do_not() {
    let dir = TempDir::new("line-breaks");
    let server = Server::demo(&dir);
    let description = "Scope:\n\t- design\r\n\t- build";
    let created = server.post(
        "/deals",
        RW,
        &json!({"title": "Joined \u{1F468}\u{200D}\u{1F4BB} team", "value": 1,
                "description": description}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["data"]["id"].as_str().expect("id");
    let read = server.get(&format!("/deals/{id}"), RW);
    assert_eq!(read.body["data"]["description"], description);
    assert_eq!(
        read.body["data"]["title"],
        "Joined \u{1F468}\u{200D}\u{1F4BB} team"
    );
    let answer = server.post("/deals", RW, &with_member("source", "web\nsite"));
    assert_refused(
        &answer,
        "source",
        "Character 4 of the source is a line break (U+000A): remove it",
    );
}

#[test]
fn a_stage_move_to_a_hidden_or_invisible_stage_is_refused() {
    let dir = TempDir::new("stage-move");
    let server = Server::demo(&dir);
    let before = server.get("/deals/deal_1000", RW).body["data"].clone();
    let answer = server.put(
        "/deals/deal_1000/status",
        RW,
        &json!({"stage": "closed\u{202E}won"}),
    );
    assert_refused(
        &answer,
        "stage",
        "Character 7 of the stage is an invisible format character (U+202E): remove it",
    );
    let answer = server.put(
        "/deals/deal_1000/status",
        RW,
        &json!({"stage": "\u{200B}\u{200C}"}),
    );
    assert_refused(&answer, "stage", "Stage must contain visible characters");
    assert_eq!(
        server.get("/deals/deal_1000", RW).body["data"],
        before,
        "the deal is unchanged"
    );
}
