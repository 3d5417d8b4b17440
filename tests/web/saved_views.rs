//! "Saved views": the views built in, and those saved by name, kept per API
//! base in localStorage, renamed, deleted, opened as they were saved.

use chrono::{DateTime, Utc};
use deals_contract::NewDeal;
use isao_deals_widget::saved_views::{SavedViews, ViewStore};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::support::*;

/// The saved views of the test API emptied at the start and on drop, so that
/// no test sees another's.
struct NoSavedViews;

impl NoSavedViews {
    fn new() -> Self {
        ViewStore::new(API_BASE).keep(&SavedViews::default());
        Self
    }

    fn names(&self) -> Vec<String> {
        ViewStore::new(API_BASE)
            .load()
            .iter()
            .map(|view| view.name.clone())
            .collect()
    }
}

impl Drop for NoSavedViews {
    fn drop(&mut self) {
        ViewStore::new(API_BASE).keep(&SavedViews::default());
    }
}

impl Widget {
    async fn open_saved_views(&self) {
        self.click("Saved views");
        self.wait_until("the saved views", || self.find(".saved-views").is_some())
            .await;
    }

    /// The panel's link to the view named `name`.
    fn view_link(&self, name: &str) -> Option<HtmlElement> {
        self.find_all(".view-links a")
            .into_iter()
            .find(|link| link.text_content().unwrap_or_default().trim() == name)
            .and_then(|link| link.dyn_into().ok())
    }

    fn view_names(&self) -> Vec<String> {
        self.find_all(".view-links a")
            .iter()
            .map(|link| link.text_content().unwrap_or_default().trim().to_owned())
            .collect()
    }

    async fn wait_for_message(&self, selector: &str, message: &str) {
        self.wait_until(&format!("{selector} saying {message:?}"), || {
            self.text_of(selector) == message
        })
        .await;
    }

    async fn save_view(&self, name: &str) {
        self.fill("Name of the view", name);
        self.click("Save view");
        self.wait_until(&format!("the view {name:?}"), || {
            self.view_link(name).is_some()
        })
        .await;
    }
}

/// Noon on `day` of the month `months_ahead` after this one, in the user's
/// time zone.
fn local_noon(months_ahead: u32, day: u32) -> DateTime<Utc> {
    let now = js_sys::Date::new_0();
    let date = js_sys::Date::new_with_year_month_day_hr_min_sec(
        now.get_full_year(),
        (now.get_month() + months_ahead) as i32,
        day as i32,
        12,
        0,
        0,
    );
    DateTime::from_timestamp_millis(date.get_time() as i64).expect("a date")
}

// Guards: the view on show is saved under a name (a missing or taken name
// says so under the field and keeps what was typed); it is kept in
// localStorage, so a widget mounted anew lists it, and opening it from the
// unfiltered list puts back its status and search, marked as the current
// view.
#[wasm_bindgen_test]
async fn a_saved_view_outlives_the_widget_and_opens_as_it_was_saved() {
    let views = NoSavedViews::new();
    let word = unique_word();
    let deal = create_deal(&format!("Saved {word}")).await;
    {
        let widget = mount_widget();
        widget.connect(RW_KEY).await;
        widget.fill("Status", "open");
        widget.fill("Search deals", &word);
        widget.wait_for_rows(std::slice::from_ref(&deal.id)).await;
        widget.open_saved_views().await;

        widget.click("Save view");
        widget
            .wait_for_message("#isao-view-name-error", "Give the view a name.")
            .await;
        let name_field = widget.control("Name of the view");
        assert_eq!(
            name_field.get_attribute("aria-invalid").as_deref(),
            Some("true")
        );

        widget.save_view("Open ones").await;
        assert_eq!(views.names(), ["Open ones"]);
        assert_eq!(widget.value_of("Name of the view"), "");
        widget.wait_for_text("View “Open ones” saved.").await;

        widget.fill("Name of the view", " open ONES ");
        widget.click("Save view");
        widget
            .wait_for_message(
                "#isao-view-name-error",
                "A view named “open ONES” exists already.",
            )
            .await;
        assert_eq!(widget.value_of("Name of the view"), " open ONES ");
        assert_eq!(views.names(), ["Open ones"]);
    }

    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    assert_eq!(widget.value_of("Search deals"), "");
    widget.open_saved_views().await;
    let link = widget.view_link("Open ones").expect("the saved view");
    assert_eq!(link.get_attribute("aria-current"), None);
    link.click();
    widget.wait_for_rows(std::slice::from_ref(&deal.id)).await;
    assert_eq!(widget.value_of("Search deals"), word);
    assert_eq!(widget.value_of("Status"), "open");
    widget
        .wait_until("the view marked current", || {
            widget
                .view_link("Open ones")
                .and_then(|link| link.get_attribute("aria-current"))
                .as_deref()
                == Some("true")
        })
        .await;
}

// Guards: a saved view is renamed in place (an empty name is refused under
// the field) and deleted, and storage follows each change; the built-in
// views can be neither.
#[wasm_bindgen_test]
async fn a_saved_view_is_renamed_and_deleted() {
    let views = NoSavedViews::new();
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_saved_views().await;
    let built_in = widget.view_names();
    assert_eq!(
        built_in,
        ["Open deals", "Mine", "Idle", "Closing this month"]
    );
    assert!(widget.button("Rename").is_none(), "built-in views stay");
    widget.save_view("Quarter").await;
    widget.save_view("Week").await;

    let rename = widget
        .find_all(".view-links button")
        .into_iter()
        .find(|button| {
            button.get_attribute("aria-labelledby").is_some_and(|ids| {
                ids.split(' ')
                    .filter_map(|id| widget.find(&format!("#{id}")))
                    .map(|named| named.text_content().unwrap_or_default().trim().to_owned())
                    .collect::<Vec<_>>()
                    == ["Rename", "Quarter"]
            })
        })
        .and_then(|button| button.dyn_into::<HtmlElement>().ok())
        .expect("Quarter's Rename, named so");
    rename.click();
    widget
        .wait_until("the name in a field", || {
            widget.find(".rename-view input").is_some()
        })
        .await;
    let field = widget
        .find(".rename-view input")
        .expect("the name in a field");
    let submit = || {
        widget
            .find(".rename-view button[type=submit]")
            .and_then(|button| button.dyn_into::<HtmlElement>().ok())
            .expect("the form's Rename")
            .click()
    };
    assert_eq!(
        field
            .dyn_ref::<HtmlInputElement>()
            .map(|input| input.value()),
        Some("Quarter".to_owned())
    );
    fill_control(&field, "  ");
    submit();
    widget
        .wait_for_message("#isao-rename-view-error", "Give the view a name.")
        .await;
    fill_control(&field, "week");
    submit();
    widget
        .wait_for_message(
            "#isao-rename-view-error",
            "A view named “week” exists already.",
        )
        .await;
    fill_control(&field, "Quarter Q4");
    submit();
    widget
        .wait_until("renamed", || widget.view_link("Quarter Q4").is_some())
        .await;
    assert_eq!(views.names(), ["Quarter Q4", "Week"]);

    let delete = widget
        .find_all(".view-links li")
        .into_iter()
        .find(|row| row.text_content().unwrap_or_default().contains("Week"))
        .and_then(|row| row.query_selector("button:last-of-type").ok().flatten())
        .and_then(|button| button.dyn_into::<HtmlElement>().ok())
        .expect("Week's Delete");
    delete.click();
    widget.wait_for_text("View “Week” deleted.").await;
    assert!(widget.view_link("Week").is_none());
    assert_eq!(views.names(), ["Quarter Q4"]);
}

// Guards: "Closing this month" keeps the open deals expected to close in the
// user's current month, not the next one, says so above the list, and "Show
// all" lifts it.
#[wasm_bindgen_test]
async fn closing_this_month_keeps_the_deals_expected_this_month() {
    let _views = NoSavedViews::new();
    let word = unique_word();
    let mut made = Vec::new();
    for months_ahead in [0, 1] {
        let deal = NewDeal {
            expected_close_date: Some(local_noon(months_ahead, 15)),
            ..new_deal(&format!("Closing {word}"))
        };
        let sent = client(RW_KEY)
            .create_deal(&deal)
            .await
            .expect("create deal");
        made.push(sent.deal.id);
    }
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_saved_views().await;
    widget
        .view_link("Closing this month")
        .expect("the built-in view")
        .click();
    widget.fill("Search deals", &word);
    widget.wait_for_rows(&made[..1]).await;
    assert_eq!(widget.value_of("Status"), "open");
    assert!(widget
        .text_of(".narrowed-note")
        .starts_with("Closing this month"));
    widget.click("Show all");
    widget.wait_for_rows(&made).await;
    assert!(widget.find(".narrowed-note").is_none());
}

// Guards: "Idle" and the board's "Idle only" are one narrowing: the built-in
// view checks the board's box.
#[wasm_bindgen_test]
async fn the_idle_view_is_the_boards_idle_only() {
    let _views = NoSavedViews::new();
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_saved_views().await;
    widget.view_link("Idle").expect("the built-in view").click();
    widget.wait_for_text("Idle only").await;
    widget.click("Board");
    widget
        .wait_until("the Idle only box checked", || {
            widget
                .find(".idle-only input")
                .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|input| input.checked())
        })
        .await;
}

// Guards: a saved view naming a stage that no deal has still opens, with
// that stage, and says so.
#[wasm_bindgen_test]
async fn a_view_of_a_stage_that_is_gone_opens_and_says_so() {
    let _views = NoSavedViews::new();
    let stage = format!("gone-{}", unique_word());
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Stage", &stage);
    widget.open_saved_views().await;
    widget.save_view("Old stage").await;
    widget.fill("Stage", "");
    widget
        .view_link("Old stage")
        .expect("the saved view")
        .click();
    widget
        .wait_for_text(&format!(
            "No deal has the stage “{stage}” now: this view still filters by it."
        ))
        .await;
    assert_eq!(widget.value_of("Stage"), stage);
}

// Guards: Escape outside a field closes the panel and gives the focus back to
// the toolbar's button, whose aria-expanded follows.
#[wasm_bindgen_test]
async fn escape_closes_the_panel_and_the_focus_goes_back() {
    let _views = NoSavedViews::new();
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let toggle = widget.button("Saved views").expect("the toolbar's button");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    widget.open_saved_views().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let heading = widget.find("#isao-saved-views").expect("the heading");
    widget
        .wait_until("the heading focused", || {
            widget.root().active_element().as_ref() == Some(&heading)
        })
        .await;
    press(&heading, "Escape");
    widget
        .wait_until("the panel closed", || widget.find(".saved-views").is_none())
        .await;
    let toggle: Element = toggle.into();
    assert_eq!(widget.root().active_element(), Some(toggle));
}
