//! Connecting with an API key, keeping it within the tab, and letting it go.

use isao_deals_widget::key_store::{KeyStorage, KeyStore};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

// Guards: a key with deals:read connects, and the list of its company shows.
#[wasm_bindgen_test]
async fn the_read_write_key_connects_and_shows_its_companys_deals() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let expected = list(RW_KEY, Default::default()).await;
    assert_eq!(widget.shown_total(), expected.meta.total);
    assert!(widget.button("Disconnect").is_some());
}

// Guards: a read-only key may browse too.
#[wasm_bindgen_test]
async fn the_read_only_key_connects() {
    let widget = mount_widget();
    widget.connect(RO_KEY).await;
    assert!(widget.row_ids().len() > 1);
}

// Guards: a key of the second company sees that company's deals, not ours.
#[wasm_bindgen_test]
async fn the_other_companys_key_sees_only_its_deals() {
    let widget = mount_widget();
    widget.connect(OTHER_KEY).await;
    let theirs = list(OTHER_KEY, Default::default()).await;
    assert_eq!(widget.shown_total(), theirs.meta.total);
    let ours = list(RW_KEY, Default::default()).await;
    assert!(widget
        .row_ids()
        .iter()
        .all(|id| !ours.data.iter().any(|deal| &deal.id == id)));
}

// Guards: a 403 names the missing permission and those the key has, and the
// key is not accepted.
#[wasm_bindgen_test]
async fn a_key_without_deals_permission_is_told_what_it_lacks() {
    let widget = mount_widget();
    widget.fill("API key", CONTACTS_KEY);
    widget.click("Connect");
    widget
        .wait_for_text(
            "Missing permission: deals:read. This key has: contacts:read, contacts:write.",
        )
        .await;
    assert!(widget
        .text()
        .contains("Permission denied: deals:read required"));
    assert!(widget.button("Disconnect").is_none());
    assert_eq!(
        widget.value_of("API key"),
        CONTACTS_KEY,
        "what was typed stays"
    );
}

// Guards: an unknown key shows the server's 401 words and is not accepted.
#[wasm_bindgen_test]
async fn an_unknown_key_shows_the_servers_message() {
    let widget = mount_widget();
    widget.fill("API key", "not-a-real-key");
    widget.click("Connect");
    widget.wait_for_text("Invalid API key").await;
    assert!(widget.text().contains("Please provide a valid API key"));
    assert_eq!(
        widget
            .control("API key")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
}

// Guards: an empty field is refused before any request.
#[wasm_bindgen_test]
async fn an_empty_key_is_refused_next_to_the_field() {
    let widget = mount_widget();
    widget.click("Connect");
    widget.wait_for_text("Enter an API key.").await;
    assert_eq!(widget.text_of("#isao-api-key-error"), "Enter an API key.");
}

// Guards: the key lives in sessionStorage under a name tied to the API base,
// never in a DOM attribute, and Disconnect forgets it.
#[wasm_bindgen_test]
async fn the_key_is_kept_in_session_storage_until_disconnect() {
    let entry = KeyStore::entry_name(API_BASE);
    session_storage().remove_item(&entry).unwrap();
    let widget = mount_with(options(KeyStorage::Session));
    widget.connect(RW_KEY).await;
    assert_eq!(
        session_storage().get_item(&entry).unwrap().as_deref(),
        Some(RW_KEY)
    );
    assert!(
        !widget.root().inner_html().contains(RW_KEY),
        "the key must not be in the DOM"
    );
    assert!(!widget.host.outer_html().contains(RW_KEY));

    widget.disconnect().await;
    assert_eq!(session_storage().get_item(&entry).unwrap(), None);
}

// Guards: a reload (a new widget in the same tab) finds the key again.
#[wasm_bindgen_test]
async fn a_new_widget_in_the_same_tab_reuses_the_stored_key() {
    let entry = KeyStore::entry_name(API_BASE);
    session_storage().set_item(&entry, RO_KEY).unwrap();
    let widget = mount_with(options(KeyStorage::Session));
    widget.wait_for_page(1).await;
    assert!(widget.button("Disconnect").is_some());
    session_storage().remove_item(&entry).unwrap();
}

// Guards: the memory-only option never writes the key to storage.
#[wasm_bindgen_test]
async fn memory_only_keeps_the_key_out_of_storage() {
    let entry = KeyStore::entry_name(API_BASE);
    session_storage().remove_item(&entry).unwrap();
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    assert_eq!(session_storage().get_item(&entry).unwrap(), None);
}

// Guards: a 401 at any time (here: a stored key the API no longer knows)
// forgets the key and asks again with the server's message.
#[wasm_bindgen_test]
async fn a_later_401_forgets_the_key_and_asks_again() {
    let entry = KeyStore::entry_name(API_BASE);
    session_storage().set_item(&entry, "revoked-key").unwrap();
    let widget = mount_with(options(KeyStorage::Session));
    widget
        .wait_until("the key panel", || widget.button("Connect").is_some())
        .await;
    widget.wait_for_text("Invalid API key").await;
    assert_eq!(session_storage().get_item(&entry).unwrap(), None);
}

// Guards: after Disconnect and connecting again, the screens that keep a
// request of the workspace (the new-deal form, a deal) open and work: they
// used to find the last workspace's request, disposed with it, and the
// widget stopped.
#[wasm_bindgen_test]
async fn disconnecting_and_connecting_again_leaves_every_screen_working() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    widget.disconnect().await;
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    let title = unique("Made after connecting again");
    widget.fill("Title", &title);
    widget.fill("Value", "10");
    widget.click("Create deal");
    widget.wait_for_text(&title).await;
    widget.wait_for_text("Back to list").await;
}
