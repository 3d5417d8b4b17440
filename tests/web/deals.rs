//! Opening a deal, creating deals, moving deals forward.

use deals_contract::{DealQuery, DealStatus, NewDeal, Priority};
use deals_i18n::{Lang, Msg};
use isao_deals_widget::api::ApiError;
use isao_deals_widget::format;
use isao_deals_widget::key_store::KeyStorage;
use isao_deals_widget::words::Texts;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

// Guards: a row opens the deal's detail with every field, and Back returns.
#[wasm_bindgen_test]
async fn selecting_a_row_shows_every_field_of_the_deal() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let first = list(RW_KEY, DealQuery::default()).await.data.remove(0);
    let link = widget.find("tbody tr th a").expect("a title link");
    wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&link).click();
    widget
        .wait_until("the deal's fields", || {
            widget.find(".deal-fields").is_some()
        })
        .await;
    let text = widget.text();
    assert!(text.contains(&first.title));
    for label in [
        "Description",
        "Source",
        "Contact",
        "Contact email",
        "Contact phone",
        "Assigned to",
        "Created",
        "Updated",
        "Expected close date",
        "Actual close date",
    ] {
        assert!(
            widget
                .find_all(".deal-fields dt")
                .iter()
                .any(|dt| dt.text_content().as_deref() == Some(label)),
            "{label}"
        );
    }
    if let Some(contact) = &first.contact {
        assert!(text.contains(&contact.name));
        if let Some(email) = &contact.email {
            assert!(text.contains(email));
        }
    }
    widget.click("Back to list");
    widget.wait_for_page(1).await;
}

// Guards: a deal id in the page URL opens that deal; an unknown one says
// that it does not exist and offers the way back.
#[wasm_bindgen_test]
async fn the_page_url_opens_a_deal_and_an_unknown_one_is_not_found() {
    let window = web_sys::window().unwrap();
    // Put back when the test ends, however it ends.
    let _url = PageUrl::kept();
    let deal = create_deal(&unique("Linked deal")).await;
    let mut options = options(KeyStorage::Memory);
    options.config.url_key = Some("u".to_owned());

    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("?u.deal={}", deal.id)),
        )
        .unwrap();
    let widget = mount_with(options.clone());
    widget.fill("API key", RW_KEY);
    widget.click("Connect");
    widget
        .wait_until("the linked deal", || widget.find(".deal-fields").is_some())
        .await;
    assert_eq!(widget.text_of(".deal-detail h3"), deal.title);
    drop(widget);

    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("?u.deal=deal_does_not_exist"),
        )
        .unwrap();
    let widget = mount_with(options);
    widget.fill("API key", RW_KEY);
    widget.click("Connect");
    widget
        .wait_for_text(Texts::english().get(Msg::DealNotFound))
        .await;
    widget.click("Back to list");
    widget.wait_for_page(1).await;
}

// Guards: the form has the seed's defaults, creates a deal with every field,
// which reads back identically through GET, shows it, and the list has it.
#[wasm_bindgen_test]
async fn creating_a_deal_with_every_field_round_trips() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let contact = list(
        RW_KEY,
        DealQuery {
            limit: 200,
            ..DealQuery::default()
        },
    )
    .await
    .data
    .into_iter()
    .find_map(|deal| deal.contact)
    .expect("demo deals have contacts");
    let assignee = list(
        RW_KEY,
        DealQuery {
            limit: 200,
            ..DealQuery::default()
        },
    )
    .await
    .data
    .into_iter()
    .find_map(|deal| deal.assigned_to)
    .expect("demo deals have assignees");
    widget.open_new_deal().await;
    assert_eq!(widget.value_of("Currency"), "EUR");
    assert_eq!(widget.value_of("Priority"), "medium");

    let title = unique("Mobile App Development");
    widget.fill("Title", &title);
    widget.fill("Value", "75000.5");
    widget.fill("Currency", "GBP");
    widget.fill("Stage", "discovery");
    widget.fill("Priority", "high");
    widget.fill("Probability", "40");
    widget.fill("Expected close date", "2025-12-31");
    widget.fill("Source", "referral");
    widget.fill("Contact", &contact.id);
    widget.fill("Assigned to", &assignee.id);
    widget.fill("Description", "Native iOS and Android app\nsecond line");
    widget.click("Create deal");

    widget
        .wait_until("the new deal's detail", || {
            widget.text_of(".deal-detail h3") == title
        })
        .await;
    let shown_id = list(
        RW_KEY,
        DealQuery {
            limit: 5,
            ..DealQuery::default()
        },
    )
    .await
    .data
    .into_iter()
    .find(|deal| deal.title == title)
    .expect("the list has the new deal")
    .id;
    let stored = client(RW_KEY)
        .get_deal(&shown_id)
        .await
        .expect("GET the new deal");
    assert_eq!(stored.value, 75000.5);
    assert_eq!(stored.currency, "GBP");
    assert_eq!(stored.stage.as_deref(), Some("discovery"));
    assert_eq!(stored.priority, Priority::High);
    assert_eq!(stored.probability, Some(40.0));
    assert_eq!(
        deals_contract::timestamp::format(&stored.expected_close_date.unwrap()),
        "2025-12-31T00:00:00.000Z"
    );
    assert_eq!(stored.source.as_deref(), Some("referral"));
    assert_eq!(
        stored.contact.as_ref().map(|c| c.id.clone()),
        Some(contact.id.clone())
    );
    assert_eq!(
        stored.assigned_to.as_ref().map(|u| u.id.clone()),
        Some(assignee.id.clone())
    );
    assert_eq!(
        stored.description.as_deref(),
        Some("Native iOS and Android app\nsecond line")
    );
    assert_eq!(stored.status, DealStatus::Open);
    assert!(widget.text().contains(&contact.name));

    widget.click("Back to list");
    widget
        .wait_until("the new deal in the list", || {
            widget.column(0).contains(&title)
        })
        .await;
}

// Guards: each rule the server has is checked before sending, next to its
// field, and nothing typed is lost.
#[wasm_bindgen_test]
async fn the_form_checks_the_servers_rules_before_sending() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;

    widget.click("Create deal");
    widget
        .wait_until("required fields", || {
            widget.field_error("title") == "Title is required"
        })
        .await;
    assert_eq!(widget.field_error("value"), "Value is required");

    let long_title = "x".repeat(256);
    widget.fill("Title", &long_title);
    widget.fill("Value", "-3");
    widget.fill("Probability", "101");
    widget.fill("Currency", "euro");
    widget.click("Create deal");
    widget
        .wait_until("length rule", || {
            widget.field_error("title") == "Title must be at most 255 characters"
        })
        .await;
    assert_eq!(
        widget.field_error("value"),
        "Value must be a positive number"
    );
    assert_eq!(
        widget.field_error("probability"),
        "Probability must be a number from 0 to 100"
    );
    assert_eq!(
        widget.field_error("currency"),
        "Currency must be a 3-letter code such as EUR"
    );
    assert_eq!(
        widget
            .control("Value")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    widget.fill("Title", "   ");
    widget.fill("Value", "lots");
    widget.click("Create deal");
    widget
        .wait_until("blank title", || {
            widget.field_error("title") == "Title is required"
        })
        .await;
    assert_eq!(
        widget.field_error("value"),
        "Value must be a positive number"
    );
    assert_eq!(widget.value_of("Value"), "lots", "what was typed stays");
    assert_eq!(widget.value_of("Probability"), "101");
    assert!(widget.button("Create deal").is_some(), "still on the form");
}

// Guards: refusals of the server reach their field: an unknown contact or
// user (400) next to its id, with what was typed kept.
#[wasm_bindgen_test]
async fn the_servers_refusals_land_next_to_their_fields() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    let title = unique("Unknown contact");
    widget.fill("Title", &title);
    widget.fill("Value", "10");
    widget.fill("Contact", "contact_nobody");
    widget.click("Create deal");
    widget
        .wait_until("the contact error", || {
            widget.field_error("contactId")
                == "Contact not found or does not belong to your company"
        })
        .await;
    assert_eq!(widget.value_of("Title"), title);
    assert_eq!(widget.value_of("Contact"), "contact_nobody");

    widget.fill("Contact", "");
    widget.fill("Assigned to", "user_nobody");
    widget.click("Create deal");
    widget
        .wait_until("the user error", || {
            widget.field_error("assignedToId").contains("not found")
        })
        .await;
    assert_eq!(widget.field_error("contactId"), "");
}

// Guards: the server's 422 carries the same field names the form uses; a body
// sent past the client's rules comes back with every detail.
#[wasm_bindgen_test]
async fn the_servers_422_names_the_forms_fields() {
    let past_the_rules = NewDeal {
        title: " ".into(),
        description: None,
        value: -1.0,
        currency: "EUR".into(),
        stage: None,
        priority: Priority::Medium,
        probability: Some(150.0),
        expected_close_date: None,
        source: None,
        contact_id: None,
        assigned_to_id: None,
    };
    let error = client(RW_KEY)
        .create_deal(&past_the_rules)
        .await
        .unwrap_err();
    let details = error.field_errors();
    assert!(matches!(error, ApiError::Validation { .. }), "{error:?}");
    assert_eq!(details["title"], "Title is required");
    assert_eq!(details["value"], "Value must be a positive number");
    assert_eq!(
        details["probability"],
        "Probability must be a number from 0 to 100"
    );
}

// Guards: a double click on "Create deal" makes exactly one deal.
#[wasm_bindgen_test]
async fn a_double_click_creates_one_deal() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    let title = unique("Double click");
    widget.fill("Title", &title);
    widget.fill("Value", "99");
    let button = widget.button("Create deal").unwrap();
    button.click();
    button.click();
    widget
        .wait_until("the new deal's detail", || {
            widget.text_of(".deal-detail h3") == title
        })
        .await;
    sleep(300).await;
    let newest = list(
        RW_KEY,
        DealQuery {
            limit: 20,
            ..DealQuery::default()
        },
    )
    .await;
    assert_eq!(
        newest
            .data
            .iter()
            .filter(|deal| deal.title == title)
            .count(),
        1
    );
}

// Guards: Mark won, Mark lost and Change stage go through PUT and show in the
// detail and the list without a reload.
#[wasm_bindgen_test]
async fn won_lost_and_stage_changes_round_trip() {
    let widget = mount_widget();
    let won = create_deal(&unique("Will be won")).await;
    widget.connect(RW_KEY).await;
    open_newest(&widget, &won.title).await;

    widget.fill("New stage", "contract-review");
    widget.click("Change stage");
    widget
        .wait_until("the new stage", || {
            widget
                .text()
                .contains(Lang::En.text(Msg::StageContractReview))
                && widget.find(".deal-actions button:disabled").is_none()
        })
        .await;
    let stored = client(RW_KEY).get_deal(&won.id).await.unwrap();
    assert_eq!(stored.stage.as_deref(), Some("contract-review"));
    assert_eq!(stored.status, DealStatus::Open);

    widget.fill("Actual close date", "2025-03-04T15:30");
    widget.click("Mark won");
    widget
        .wait_until("won", || {
            widget.text_of(".deal-fields .badge") == Lang::En.text(Msg::StatusWon)
        })
        .await;
    let stored = client(RW_KEY).get_deal(&won.id).await.unwrap();
    assert_eq!(stored.status, DealStatus::Won);
    let closed = stored.actual_close_date.expect("a close date");
    let expected = isao_deals_widget::format::local_input_to_utc("2025-03-04T15:30").unwrap();
    assert_eq!(closed, expected);

    widget.click("Back to list");
    widget
        .wait_until("the row shows won", || {
            widget
                .find(&format!("tr[data-deal-id=\"{}\"] .badge", won.id))
                .and_then(|badge| badge.text_content())
                .as_deref()
                == Some(Texts::english().status(DealStatus::Won))
        })
        .await;

    let lost = create_deal(&unique("Will be lost")).await;
    widget.fill("Status", "open");
    open_newest(&widget, &lost.title).await;
    widget.click("Mark lost");
    widget
        .wait_until("lost", || {
            widget.text_of(".deal-fields .badge") == Lang::En.text(Msg::StatusLost)
        })
        .await;
    let stored = client(RW_KEY).get_deal(&lost.id).await.unwrap();
    assert_eq!(stored.status, DealStatus::Lost);
    assert!(stored.actual_close_date.is_some());
}

// Guards: a read-only key sees write actions refused with the permission message.
#[wasm_bindgen_test]
async fn a_read_only_key_is_refused_writes_with_the_permission_message() {
    let deal = create_deal(&unique("Read only target")).await;
    let widget = mount_widget();
    widget.connect(RO_KEY).await;
    open_newest(&widget, &deal.title).await;
    widget.click("Mark won");
    let refusal = "Permission denied: deals:write required. Missing permission: deals:write. This key has: deals:read.";
    widget.wait_for_text(refusal).await;
    assert_eq!(
        client(RW_KEY).get_deal(&deal.id).await.unwrap().status,
        DealStatus::Open
    );

    widget.click("Back to list");
    widget.open_new_deal().await;
    widget.fill("Title", "Not allowed");
    widget.fill("Value", "1");
    widget.click("Create deal");
    widget.wait_for_text(refusal).await;
    assert_eq!(widget.value_of("Title"), "Not allowed");
}

// Guards: the rows' text crosses into the browser as one string cut by
// UTF-16 lengths, so characters of two code units (outside the Basic
// Multilingual Plane), combining marks and letters of several UTF-8 bytes
// leave every later field, of the row and of the rows after it, in its place.
#[wasm_bindgen_test]
async fn rows_keep_their_fields_whatever_the_characters() {
    let title = "Café 🚀 Überseeküche 東京 e\u{301}";
    let stage = "négociation 🤝";
    let deal = client(RW_KEY)
        .create_deal(&NewDeal {
            stage: Some(stage.to_owned()),
            ..new_deal(title)
        })
        .await
        .expect("create deal");
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget
        .wait_until("the row", || widget.row_ids().first() == Some(&deal.id))
        .await;
    assert_eq!(widget.column(0)[0], title);
    assert_eq!(
        widget.column(1)[0],
        format::money("en", deal.value, &deal.currency)
    );
    assert_eq!(widget.column(2)[0], stage);
    assert_eq!(
        widget.column(3)[0],
        Texts::english().priority(deal.priority)
    );
    assert_eq!(widget.column(4)[0], "40%");
    assert_eq!(widget.column(5)[0], Texts::english().status(deal.status));
    assert_eq!(
        widget.row_ids(),
        listed_ids(RW_KEY, DealQuery::default()).await
    );
    assert_eq!(
        widget.column(0),
        list(RW_KEY, DealQuery::default())
            .await
            .data
            .iter()
            .map(|deal| deal.title.trim().to_owned())
            .collect::<Vec<_>>()
    );
}

// Guards: text from the API is text, never HTML.
#[wasm_bindgen_test]
async fn a_title_with_markup_shows_as_text() {
    let title = "<img src=x onerror=alert(1)>";
    let deal = create_deal(title).await;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget
        .wait_until("the row", || widget.row_ids().contains(&deal.id))
        .await;
    assert!(widget.column(0).iter().any(|shown| shown == title));
    assert!(widget.find("img").is_none());
    open_newest(&widget, title).await;
    assert_eq!(widget.text_of(".deal-detail h3"), title);
    assert!(widget.find("img").is_none());
}
