//! "Mine": the deals assigned to the user, who is named by the host page or
//! answers "Who are you?" once.

use deals_contract::{NewDeal, User};
use isao_deals_widget::current_user::RememberedUser;
use isao_deals_widget::key_store::KeyStorage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlSelectElement;

use crate::support::*;

/// Two deals holding `word`: the first assigned to `user`, the second to
/// nobody; their ids in that order.
async fn mine_and_nobodys(word: &str, user: &User) -> [String; 2] {
    let mut made = Vec::new();
    for assigned_to_id in [Some(user.id.clone()), None] {
        let deal = NewDeal {
            assigned_to_id,
            ..new_deal(&format!("Renewal {word}"))
        };
        let sent = client(RW_KEY)
            .create_deal(&deal)
            .await
            .expect("create deal");
        made.push(sent.deal.id);
    }
    [made[0].clone(), made[1].clone()]
}

/// A user the demo deals are assigned to.
async fn demo_user() -> User {
    staffed_deal().await.assigned_to.expect("an assignee")
}

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("localStorage")
}

/// The remembered answer to "Who are you?", removed at the start and on drop.
struct RememberedAnswer;

impl RememberedAnswer {
    fn cleared() -> Self {
        local_storage()
            .remove_item(&RememberedUser::entry_name(API_BASE))
            .expect("remove");
        Self
    }

    fn value(&self) -> Option<String> {
        local_storage()
            .get_item(&RememberedUser::entry_name(API_BASE))
            .expect("read")
    }
}

impl Drop for RememberedAnswer {
    fn drop(&mut self) {
        let _ = local_storage().remove_item(&RememberedUser::entry_name(API_BASE));
    }
}

// Guards: with the host page naming the user, "Mine" keeps their deals and
// no other, says whose they are, asks nobody and offers no "Not you?"; the
// toggle says it is on; off again, every deal is back; "deals.mine=1" is in
// the page URL.
#[wasm_bindgen_test]
async fn mine_keeps_the_deals_of_the_user_the_host_names() {
    let _url = PageUrl::kept();
    let user = demo_user().await;
    let word = unique_word();
    let [mine, nobodys] = mine_and_nobodys(&word, &user).await;
    let mut options = options(KeyStorage::Memory);
    options.config.current_user = Some(user.id.clone());
    options.config.url_key = Some("m".to_owned());
    let widget = mount_with(options);
    widget.connect(RW_KEY).await;
    widget.fill("Search deals", &word);
    widget.wait_for_rows(&[mine.clone(), nobodys.clone()]).await;

    widget.click("Mine");
    widget.wait_for_rows(std::slice::from_ref(&mine)).await;
    widget
        .wait_for_text(&format!("Deals assigned to {}", user.name))
        .await;
    assert!(widget.button("Not you?").is_none(), "the host said who");
    assert!(!widget.text().contains("Who are you?"));
    let toggle = widget.button("Mine").expect("the Mine toggle");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    widget
        .wait_until("Mine in the page URL", || {
            let search = web_sys::window()
                .and_then(|window| window.location().search().ok())
                .unwrap_or_default();
            search.contains("m.mine=1")
        })
        .await;

    widget.click("Mine");
    widget.wait_for_rows(&[mine, nobodys]).await;
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
}

// Guards: without the host's word, "Mine" asks "Who are you?" among the
// people the deals are assigned to; the answer shows that person's deals, is
// remembered for the API (a widget mounted later asks nothing), and "Not
// you?" forgets it and asks again.
#[wasm_bindgen_test]
async fn mine_asks_who_once_and_remembers_the_answer() {
    let remembered = RememberedAnswer::cleared();
    let user = demo_user().await;
    let word = unique_word();
    let [mine, _] = mine_and_nobodys(&word, &user).await;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Search deals", &word);
    widget.click("Mine");
    widget.wait_for_text("Who are you?").await;
    let choice: HtmlSelectElement = widget
        .find(".who-are-you select")
        .expect("the people to choose from")
        .unchecked_into();
    let offered: Vec<String> = (0..choice.length())
        .filter_map(|index| choice.item(index))
        .filter_map(|option| option.get_attribute("value"))
        .collect();
    assert!(offered.contains(&user.id), "{} among {offered:?}", user.id);
    choice.set_value(&user.id);
    choice
        .dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatch");
    widget.click("Show my deals");
    widget.wait_for_rows(std::slice::from_ref(&mine)).await;
    assert_eq!(remembered.value(), Some(user.id.clone()));
    drop(widget);

    let later = mount_widget();
    later.connect(RW_KEY).await;
    later.fill("Search deals", &word);
    later.click("Mine");
    later.wait_for_rows(&[mine]).await;
    assert!(!later.text().contains("Who are you?"));

    later.click("Not you?");
    later.wait_for_text("Who are you?").await;
    assert_eq!(remembered.value(), None);
    later.click("Show everyone’s deals");
    later
        .wait_until("Mine off", || {
            later
                .button("Mine")
                .and_then(|toggle| toggle.get_attribute("aria-pressed"))
                .as_deref()
                == Some("false")
        })
        .await;
}

// Guards: "Mine" on with none of the matching deals assigned to the user
// says so and offers everyone's deals back.
#[wasm_bindgen_test]
async fn mine_with_no_deal_of_the_user_says_so() {
    let mut options = options(KeyStorage::Memory);
    options.config.current_user = Some("user_nobody_has".to_owned());
    let widget = mount_with(options);
    widget.connect(RW_KEY).await;
    widget.click("Mine");
    widget
        .wait_for_text("None of these deals is assigned to you.")
        .await;
    widget.click("Show everyone’s deals");
    widget
        .wait_until("every deal back", || !widget.row_ids().is_empty())
        .await;
}
