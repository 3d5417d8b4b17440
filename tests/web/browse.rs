//! Browsing the list: pages, filters, the URL, two widgets on one page.

use std::collections::BTreeSet;

use deals_contract::{DealQuery, DealStatus, NewDeal, PIPELINE_STAGES};
use isao_deals_widget::format;
use isao_deals_widget::key_store::{KeyStorage, KeyStore};
use isao_deals_widget::words::Texts;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

// Guards: paging from first to last page shows every deal of the company
// exactly once, and "Page X of Y" follows.
#[wasm_bindgen_test]
async fn paging_through_every_page_shows_every_deal_once() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Page size", "100");
    widget
        .wait_until("100 rows", || widget.row_ids().len() == 100)
        .await;
    let total = widget.shown_total();
    let pages = total.div_ceil(100) as u32;
    assert!(pages >= 3, "the demo company has at least 250 deals");
    let mut seen = Vec::new();
    for page in 1..=pages {
        if page > 1 {
            widget.click("Next");
        }
        widget.wait_for_page(page).await;
        assert_eq!(
            widget.text_of(".pager .page-of"),
            format!("Page {page} of {pages}")
        );
        seen.extend(widget.row_ids());
    }
    let distinct: BTreeSet<_> = seen.iter().collect();
    assert_eq!(seen.len() as u64, total, "every deal once");
    assert_eq!(distinct.len(), seen.len(), "no deal twice");
    assert!(
        widget.button("Next").unwrap().has_attribute("disabled"),
        "no page after the last"
    );
    widget.click("Previous");
    widget.wait_for_page(pages - 1).await;
}

// Guards: the status filter shows only deals of that status, as many as the API counts.
#[wasm_bindgen_test]
async fn the_status_filter_narrows_the_list() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Status", "won");
    let expected = list(
        RW_KEY,
        DealQuery {
            status: Some(DealStatus::Won),
            ..DealQuery::default()
        },
    )
    .await;
    widget
        .wait_until("won deals only", || {
            widget.shown_total() == expected.meta.total
        })
        .await;
    widget.wait_for_page(1).await;
    assert!(widget.column(5).iter().all(|status| status == "Won"));
}

// Guards: stage and created/updated since filter, each alone and combined,
// agree with the API; a filter change returns to page 1; Reset clears all.
#[wasm_bindgen_test]
async fn stage_and_date_filters_combine_and_reset() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.click("Next");
    widget.wait_for_page(2).await;

    widget.fill("Stage", "negotiation");
    widget.wait_for_page(1).await;
    let by_stage = list(
        RW_KEY,
        DealQuery {
            stage: Some("negotiation".into()),
            ..DealQuery::default()
        },
    )
    .await;
    widget
        .wait_until("stage total", || {
            widget.shown_total() == by_stage.meta.total
        })
        .await;
    assert!(widget.column(2).iter().all(|stage| stage == "Negotiation"));

    let since = "2025-06-01";
    widget.fill("Created since", since);
    widget.fill("Updated since", since);
    widget.fill("Status", "open");
    let combined = list(
        RW_KEY,
        DealQuery {
            stage: Some("negotiation".into()),
            status: Some(DealStatus::Open),
            created_since: deals_contract::timestamp::parse(since),
            updated_since: deals_contract::timestamp::parse(since),
            ..DealQuery::default()
        },
    )
    .await;
    assert!(
        combined.meta.total < by_stage.meta.total,
        "the demo data makes the combination narrower"
    );
    widget
        .wait_until("combined total", || {
            widget
                .find(".deal-page[aria-busy=\"false\"] table.deals")
                .is_some()
                && widget
                    .text_of(".pager .total")
                    .starts_with(&combined.meta.total.to_string())
        })
        .await;
    assert_eq!(
        widget.row_ids(),
        combined
            .data
            .iter()
            .map(|deal| deal.id.clone())
            .collect::<Vec<_>>()
    );

    widget.click("Reset filters");
    let all = list(RW_KEY, DealQuery::default()).await;
    widget
        .wait_until("all deals again", || widget.shown_total() == all.meta.total)
        .await;
    assert_eq!(widget.value_of("Stage"), "");
    assert_eq!(widget.value_of("Status"), "");
}

// Guards: with the focus on a row's link, a new answer rewrites the rows on
// screen in place (the same row elements, so the link keeps the focus, as a
// keyboard user needs through a live refresh), leaves nothing of the deal a
// row showed before (a column with no value is emptied), and removes the
// rows the new answer does not have.
#[wasm_bindgen_test]
async fn a_new_answer_rewrites_the_rows_in_place_under_the_focus() {
    let staffed = staffed_deal().await;
    let full_stage = unique("full");
    let full = client(RW_KEY)
        .create_deal(&NewDeal {
            stage: Some(full_stage.clone()),
            expected_close_date: deals_contract::timestamp::parse("2031-03-04"),
            contact_id: staffed.contact.as_ref().map(|contact| contact.id.clone()),
            assigned_to_id: staffed.assigned_to.as_ref().map(|user| user.id.clone()),
            ..new_deal(&unique("Full row"))
        })
        .await
        .expect("create the full deal");
    let bare_stage = unique("bare");
    let bare = client(RW_KEY)
        .create_deal(&NewDeal {
            stage: Some(bare_stage.clone()),
            probability: None,
            ..new_deal(&unique("Bare row"))
        })
        .await
        .expect("create the bare deal")
        .deal;

    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget
        .wait_until("a page of rows", || widget.row_ids().len() > 1)
        .await;
    let first_row = widget.find("tbody tr").expect("a row");
    let first_link = widget.find("tbody tr th a").expect("a row's link");
    first_link
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .expect("focus the row's link");

    widget.fill("Stage", &full_stage);
    widget
        .wait_until("the full deal alone", || {
            widget.row_ids() == [full.id.clone()]
        })
        .await;
    let full_row: Vec<String> = (0..9)
        .map(|column| widget.column(column).concat())
        .collect();
    assert!(
        full_row.iter().all(|text| !text.is_empty()),
        "every column shows something: {full_row:?}"
    );

    widget.fill("Stage", &bare_stage);
    widget
        .wait_until("the bare deal alone", || {
            widget.row_ids() == [bare.id.clone()]
        })
        .await;
    let row = widget.find("tbody tr").expect("the bare deal's row");
    assert!(
        row.is_same_node(Some(&first_row)),
        "the first row was rewritten, not replaced"
    );
    let focused = widget
        .host
        .shadow_root()
        .and_then(|root| root.active_element());
    assert!(
        focused.is_some_and(|focused| focused.is_same_node(Some(&first_link))),
        "the row's link kept the focus"
    );
    assert_eq!(widget.column(0), [bare.title]);
    assert_eq!(widget.column(2), [bare_stage]);
    for (column, what) in [
        (4, "probability"),
        (6, "expected close"),
        (7, "contact"),
        (8, "assignee"),
    ] {
        assert_eq!(widget.column(column), [""], "the bare deal has no {what}");
    }
}

// Guards: the list's columns by name: every header has its cell in each row,
// in its place, showing that field of the deal and labelled with the header
// for narrow screens (the header row, the rows and their labels follow one
// declaration of the columns).
#[wasm_bindgen_test]
async fn every_cell_sits_under_its_header_and_is_labelled_with_it() {
    let staffed = staffed_deal().await;
    let stage = unique("named");
    let deal = client(RW_KEY)
        .create_deal(&NewDeal {
            stage: Some(stage.clone()),
            probability: Some(35.0),
            expected_close_date: deals_contract::timestamp::parse("2031-03-04"),
            contact_id: staffed.contact.as_ref().map(|contact| contact.id.clone()),
            assigned_to_id: staffed.assigned_to.as_ref().map(|user| user.id.clone()),
            ..new_deal(&unique("Named columns"))
        })
        .await
        .expect("create the deal");

    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Stage", &stage);
    widget
        .wait_until("the deal alone", || widget.row_ids() == [deal.id.clone()])
        .await;
    let text =
        |element: &web_sys::Element| element.text_content().unwrap_or_default().trim().to_owned();
    // The checkboxes' column first: the page's, and the row's named by the deal.
    let page_box = widget
        .find("thead th.select input")
        .expect("the page's checkbox");
    assert_eq!(
        page_box.get_attribute("aria-label").as_deref(),
        Some("Select this page")
    );
    let row_box = widget
        .find("tbody td.select input")
        .expect("the row's checkbox");
    let row_label = format!("Select {}", deal.title);
    assert_eq!(row_box.get_attribute("aria-label"), Some(row_label));
    let header_cells = widget.find_all("thead th:not(.select)");
    let headers: Vec<String> = header_cells.iter().map(text).collect();
    let cells = widget.find_all("tbody tr > :not(.select)");
    assert_eq!(cells.len(), headers.len(), "a cell per header: {headers:?}");
    let expected_close = deal.expected_close_date.as_ref().expect("a close date");
    for ((header, header_cell), cell) in headers.iter().zip(&header_cells).zip(&cells) {
        let expected = match header.as_str() {
            "Title" => deal.title.clone(),
            "Value" => format::money("en", deal.value, &deal.currency),
            "Stage" => stage.clone(),
            "Priority" => Texts::english().priority(deal.priority).to_owned(),
            "Probability" => "35%".to_owned(),
            "Status" => Texts::english().status(deal.status).to_owned(),
            "Expected close" => format::date("en", expected_close),
            "Contact" => staffed.contact.as_ref().expect("contact").name.clone(),
            "Assigned to" => staffed.assigned_to.as_ref().expect("assignee").name.clone(),
            "Updated" => format::date("en", &deal.updated_at),
            other => panic!("no expectation for the column {other}"),
        };
        assert_eq!(text(cell), expected, "the {header} column");
        if header == "Title" {
            assert_eq!(cell.tag_name(), "TH", "the title heads its row");
        } else {
            assert_eq!(
                cell.get_attribute("data-label").as_deref(),
                Some(header.as_str())
            );
            assert_eq!(
                cell.class_name(),
                header_cell.class_name(),
                "the {header} cells are aligned as their header"
            );
        }
    }
}

// Guards: a row the widget did not make (a browser extension can reach into
// the table) neither wedges the list nor stays in it: the next answer still
// shows exactly the API's rows, and the widget keeps working after it.
#[wasm_bindgen_test]
async fn a_foreign_row_in_the_table_does_not_wedge_the_list() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget
        .wait_until("a page of rows", || widget.row_ids().len() > 1)
        .await;
    let tbody = widget.find("tbody").expect("the table's body");
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("document");
    let foreign = document.create_element("tr").expect("a row");
    foreign.set_text_content(Some("injected"));
    tbody
        .insert_before(&foreign, tbody.first_child().as_ref())
        .expect("insert the foreign row");

    widget.fill("Status", "won");
    let won = ids_with_status(DealStatus::Won).await;
    widget
        .wait_until("the won deals alone", || widget.row_ids() == won)
        .await;
    assert_eq!(widget.find_all("tbody tr").len(), won.len());
    assert!(widget.column(5).iter().all(|status| status == "Won"));

    widget.fill("Status", "");
    let every = listed_ids(RW_KEY, DealQuery::default()).await;
    widget
        .wait_until("every status again", || widget.row_ids() == every)
        .await;
}

// Guards: a filter that matches nothing shows the empty state, not an empty table.
#[wasm_bindgen_test]
async fn no_match_shows_the_empty_state() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Stage", "no-such-stage");
    widget.wait_for_text("No deals match these filters.").await;
    assert!(widget.find("table.deals").is_none());
}

// Guards: an answer that arrives after a newer request's answer never
// replaces it. The network is made slow for the first filter only (the
// browser's fetch is wrapped to hold back answers for `status=won`), so the
// old answer lands last for certain, not by luck; the second filter waits
// until the first one's request is out, or both changes would make one request.
#[wasm_bindgen_test]
async fn a_slow_earlier_answer_never_overwrites_a_newer_one() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let slow_network = SlowFetch::install("status=won", 1_500);
    widget.fill("Status", "won");
    widget.wait_for_text("Loading deals…").await;
    widget.fill("Status", "lost");
    let expected = ids_with_status(DealStatus::Lost).await;
    widget
        .wait_until("the lost deals", || widget.row_ids() == expected)
        .await;
    slow_network.wait_for_held_back_answers().await;
    assert_eq!(widget.row_ids(), expected);
    assert!(widget.column(5).iter().all(|status| status == "Lost"));
    assert_eq!(widget.value_of("Status"), "lost");
}

// Guards: an API that cannot be reached shows the error and a Retry button.
#[wasm_bindgen_test]
async fn an_unreachable_api_shows_an_error_with_retry() {
    let mut options = options(KeyStorage::Memory);
    options.config.api_base = "http://127.0.0.1:9/api/external".to_owned();
    let widget = mount_with(options);
    widget.fill("API key", RW_KEY);
    widget.click("Connect");
    widget.wait_for_text("Could not reach the Deals API").await;
    assert!(widget.button("Disconnect").is_none());
}

// Guards: a list that fails once connected (the stored key's API went away)
// shows the failure with a Retry button instead of an empty table.
#[wasm_bindgen_test]
async fn a_failing_list_offers_retry() {
    let unreachable = "http://127.0.0.1:9/api/external";
    let entry = KeyStore::entry_name(unreachable);
    session_storage().set_item(&entry, RW_KEY).unwrap();
    let mut options = options(KeyStorage::Session);
    options.config.api_base = unreachable.to_owned();
    let widget = mount_with(options);
    widget
        .wait_until("the Retry button", || widget.button("Retry").is_some())
        .await;
    assert!(widget.text().contains("Could not reach the Deals API"));
    widget.click("Retry");
    widget
        .wait_until("the failure again after retrying", || {
            widget.button("Retry").is_some()
        })
        .await;
    session_storage().remove_item(&entry).unwrap();
}

// Guards: filters and page live in the page URL under the widget's prefix,
// and a widget mounted on that URL opens the same view.
#[wasm_bindgen_test]
async fn the_view_lives_in_the_page_url() {
    let window = web_sys::window().unwrap();
    // Put back when the test ends, however it ends.
    let _url = PageUrl::kept();
    let mut options = options(KeyStorage::Memory);
    options.config.url_key = Some("t".to_owned());
    let widget = mount_with(options.clone());
    widget.connect(RW_KEY).await;
    widget.fill("Status", "lost");
    widget.click("Next");
    widget.wait_for_page(2).await;
    // The page URL follows once the view has settled.
    widget
        .wait_until("the view in the page URL", || {
            let search = window.location().search().unwrap_or_default();
            search.contains("t.status=lost") && search.contains("t.page=2")
        })
        .await;
    drop(widget);

    let reopened = mount_with(options);
    reopened.fill("API key", RW_KEY);
    reopened.click("Connect");
    reopened.wait_for_page(2).await;
    assert_eq!(reopened.value_of("Status"), "lost");
    assert!(reopened.column(5).iter().all(|status| status == "Lost"));
}

// Guards: two widgets on one page keep their own keys, lists and state.
#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    let ours = mount_widget();
    let theirs = mount_widget();
    ours.connect(RW_KEY).await;
    theirs.connect(OTHER_KEY).await;
    assert_eq!(
        ours.shown_total(),
        list(RW_KEY, DealQuery::default()).await.meta.total
    );
    assert_eq!(
        theirs.shown_total(),
        list(OTHER_KEY, DealQuery::default()).await.meta.total
    );
    assert_ne!(ours.shown_total(), theirs.shown_total());

    theirs.fill("Status", "won");
    theirs.disconnect().await;
    assert!(ours.button("Disconnect").is_some(), "ours stays connected");
    assert_eq!(ours.value_of("Status"), "", "ours keeps its own filters");
}

// Guards: above the list, open deals are totalled per currency, never mixed.
#[wasm_bindgen_test]
async fn open_totals_are_per_currency() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let page = list(RW_KEY, DealQuery::default()).await;
    let currencies: BTreeSet<_> = page
        .data
        .iter()
        .filter(|deal| deal.status == DealStatus::Open)
        .map(|deal| deal.currency.clone())
        .collect();
    let lines = widget.find_all(".totals li");
    assert_eq!(lines.len(), currencies.len());
    for (line, currency) in lines.iter().zip(&currencies) {
        let text = line.text_content().unwrap_or_default();
        assert!(text.starts_with(&format!("Open {currency}:")), "{text}");
        assert!(text.contains("weighted"), "{text}");
    }
}

// Guards: every stage field suggests the pipeline's stages in pipeline
// order, then the stages the loaded deals use that the pipeline lacks.
#[wasm_bindgen_test]
async fn stage_fields_suggest_the_pipeline_then_the_stages_seen() {
    let own_stage = unique("pilot").replace(' ', "-");
    let deal = NewDeal {
        stage: Some(own_stage.clone()),
        ..new_deal(&unique("Staged"))
    };
    client(RW_KEY)
        .create_deal(&deal)
        .await
        .expect("create deal");

    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let suggestions = || {
        widget
            .find_all("#isao-stage-filter-options option")
            .iter()
            .filter_map(|option| option.get_attribute("value"))
            .collect::<Vec<_>>()
    };
    widget
        .wait_until("the new deal's stage offered", || {
            suggestions().contains(&own_stage)
        })
        .await;
    let offered = suggestions();
    assert_eq!(
        offered[..PIPELINE_STAGES.len()],
        PIPELINE_STAGES.map(str::to_owned)
    );
    assert_eq!(
        offered.iter().filter(|stage| **stage == own_stage).count(),
        1
    );
}
