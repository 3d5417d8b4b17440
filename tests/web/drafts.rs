//! The "New deal" form's draft: nothing typed is lost by leaving the form, a
//! reload, a 401 or connecting again; it is dropped once the deal is made or
//! the user disconnects; closing the tab with a draft asks first.

use isao_deals_widget::kept_draft::KeptDraft;
use isao_deals_widget::key_store::{KeyStorage, KeyStore};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

/// Starts from a tab without a stored key or draft.
fn clean_tab() {
    let storage = session_storage();
    storage
        .remove_item(&KeyStore::entry_name(API_BASE))
        .unwrap();
    storage
        .remove_item(&KeptDraft::entry_name(API_BASE))
        .unwrap();
}

/// The draft in the tab's sessionStorage, as stored.
fn stored_draft() -> Option<String> {
    session_storage()
        .get_item(&KeptDraft::entry_name(API_BASE))
        .unwrap()
}

// Guards: what is typed comes back after leaving the form, after a reload
// (a new widget in the same tab), and after a 401 sent the user to the key
// panel and they connected again.
#[wasm_bindgen_test]
async fn a_half_typed_form_survives_leaving_a_reload_and_a_401() {
    clean_tab();
    let widget = mount_with(options(KeyStorage::Session));
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    let title = unique("Half typed");
    widget.fill("Title", &title);
    widget.fill("Value", "12 000");
    widget.fill("Description", "Call back on Monday");
    widget.click("Cancel");
    widget.wait_for_page(1).await;
    widget.open_new_deal().await;
    assert_eq!(widget.value_of("Title"), title, "after leaving the form");
    assert_eq!(widget.value_of("Value"), "12 000", "typed as typed");
    drop(widget);

    let reloaded = mount_with(options(KeyStorage::Session));
    reloaded.wait_for_page(1).await;
    reloaded.open_new_deal().await;
    assert_eq!(reloaded.value_of("Title"), title, "after a reload");
    assert_eq!(reloaded.value_of("Description"), "Call back on Monday");
    drop(reloaded);

    let entry = KeyStore::entry_name(API_BASE);
    session_storage().set_item(&entry, "revoked-key").unwrap();
    let refused = mount_with(options(KeyStorage::Session));
    refused.wait_for_text("Invalid API key").await;
    let draft = stored_draft().expect("the draft outlives the refused key");
    assert!(!draft.contains(RW_KEY), "the key is never in the draft");
    refused.connect(RW_KEY).await;
    refused.open_new_deal().await;
    assert_eq!(
        refused.value_of("Title"),
        title,
        "after a 401 and connecting again"
    );
    drop(refused);
    clean_tab();
}

// Guards: the deal once made, its draft is gone: the next form is empty and
// the tab keeps nothing.
#[wasm_bindgen_test]
async fn making_the_deal_drops_its_draft() {
    clean_tab();
    let widget = mount_with(options(KeyStorage::Session));
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    let title = unique("Drafted then made");
    widget.fill("Title", &title);
    widget.fill("Value", "10");
    widget.click("Create deal");
    widget.wait_for_text(&title).await;
    widget.wait_for_text("Back to list").await;
    assert_eq!(stored_draft(), None);
    widget.click("Back to list");
    widget.wait_for_page(1).await;
    widget.open_new_deal().await;
    assert_eq!(widget.value_of("Title"), "");
    assert_eq!(
        widget.value_of("Currency"),
        "EUR",
        "the seed's defaults again"
    );
    drop(widget);
    clean_tab();
}

// Guards: the user's own Disconnect leaves no draft in the tab for the next
// person at the screen; and the form opens again after connecting anew (it
// used to find the last workspace's disposed request and stop the widget).
#[wasm_bindgen_test]
async fn disconnecting_drops_the_draft() {
    clean_tab();
    let widget = mount_with(options(KeyStorage::Session));
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    widget.fill("Title", &unique("Drafted then left"));
    widget.disconnect().await;
    assert_eq!(stored_draft(), None);
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    assert_eq!(widget.value_of("Title"), "");
    drop(widget);
    clean_tab();
}

// Guards: with something typed, closing the page asks first; with the form
// as it came, or once it is gone, it does not. With keys kept in memory the
// draft waits in memory: leaving the form keeps it, the tab's storage never
// sees it.
#[wasm_bindgen_test]
async fn closing_the_page_with_a_draft_asks_first() {
    clean_tab();
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    assert!(!closing_asks_first(), "an untouched form");
    widget.fill("Title", "Almost a deal");
    assert!(closing_asks_first(), "a typed title");
    widget.fill("Title", "");
    assert!(!closing_asks_first(), "the title erased again");
    widget.fill("Source", "referral");
    widget.click("Cancel");
    widget.wait_for_page(1).await;
    assert!(!closing_asks_first(), "the form is gone");
    widget.open_new_deal().await;
    assert_eq!(widget.value_of("Source"), "referral", "kept in memory");
    assert_eq!(stored_draft(), None, "memory only");
}
