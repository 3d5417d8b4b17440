//! The search box and the sorting headers: what they find, in which order,
//! in the list, the board and the page URL.

use deals_contract::NewDeal;
use isao_deals_widget::key_store::KeyStorage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlInputElement, KeyboardEvent, KeyboardEventInit};

use crate::support::*;

/// Two deals that a search for `word` finds: one by its title, which says
/// "Société", one by its description, which says "Hauptstraße"; their ids in
/// the order made.
async fn deals_with(word: &str) -> Vec<String> {
    let mut made = Vec::new();
    let by_title = NewDeal {
        title: format!("Société {word}"),
        ..new_deal("")
    };
    let by_description = NewDeal {
        description: Some(format!("Rendez-vous Hauptstraße, {word}")),
        ..new_deal("Renouvellement")
    };
    for deal in [by_title, by_description] {
        let sent = client(RW_KEY)
            .create_deal(&deal)
            .await
            .expect("create deal");
        made.push(sent.deal.id);
    }
    made
}

impl Widget {
    fn search_box(&self) -> HtmlInputElement {
        self.control("Search deals").unchecked_into()
    }

    fn press_in_search(&self, key: &str) {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.search_box().dispatch_event(&event).unwrap();
    }
}

// Guards: the search finds the deals whose fields hold every word typed,
// whatever the case and the accents, and no other; the pager and the count
// follow the results; Escape clears the search and the list is the API's
// page again.
#[wasm_bindgen_test]
async fn the_search_finds_every_word_whatever_the_accents() {
    let word = unique_word();
    let made = deals_with(&word).await;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let unsearched = widget.row_ids();

    widget.fill("Search deals", &word.to_uppercase());
    widget.wait_for_rows(&made).await;
    assert_eq!(widget.shown_total(), 2);
    assert_eq!(widget.text_of(".pager .page-of"), "Page 1 of 1");

    widget.fill("Search deals", &format!("societe {word}"));
    widget.wait_for_rows(&made[..1]).await;
    widget.fill("Search deals", &format!("{word} STRASSE"));
    widget.wait_for_rows(&made[1..]).await;

    widget.fill("Search deals", &format!("{word} nowhere"));
    widget
        .wait_for_text(&format!("No deals match “{word} nowhere”."))
        .await;
    widget.click("Clear search");
    widget.wait_for_rows(&unsearched).await;
    assert_eq!(widget.search_box().value(), "");

    widget.fill("Search deals", &word);
    widget.wait_for_rows(&made).await;
    widget.press_in_search("Escape");
    widget.wait_for_rows(&unsearched).await;
    assert_eq!(widget.search_box().value(), "");
}

// Guards: the results page like the list: the page size and Next apply to
// what was found, not to the API's pages.
#[wasm_bindgen_test]
async fn the_results_page_by_the_page_size() {
    let word = unique_word();
    let mut made = deals_with(&word).await;
    made.extend(deals_worth(&word, &[(1234.5, "EUR"); 10]).await);
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Page size", "10");
    widget.wait_for_page(1).await;
    widget.fill("Search deals", &word);
    widget
        .wait_until("ten results", || widget.row_ids().len() == 10)
        .await;
    assert_eq!(widget.shown_total(), 12);
    assert_eq!(widget.text_of(".pager .page-of"), "Page 1 of 2");
    let first_page = widget.row_ids();
    widget.click("Next");
    widget
        .wait_until("the second page of results", || widget.row_ids().len() == 2)
        .await;
    let seen = [first_page, widget.row_ids()].concat();
    assert_eq!(sorted(seen), sorted(made), "every result once");
}

// Guards: the board shows only the cards the search finds.
#[wasm_bindgen_test]
async fn the_board_shows_what_the_search_finds() {
    let word = unique_word();
    let made = deals_with(&word).await;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Search deals", &word);
    widget.wait_for_rows(&made).await;
    widget.click("Board");
    widget.wait_for_shown(&made, ".card").await;
}

// Guards: the search is in the page URL under the widget's prefix, and a
// widget mounted on that URL searches for the same words.
#[wasm_bindgen_test]
async fn the_search_lives_in_the_page_url() {
    let window = web_sys::window().unwrap();
    // Put back when the test ends, however it ends.
    let _url = PageUrl::kept();
    let word = unique_word();
    let made = deals_with(&word).await;
    let mut options = options(KeyStorage::Memory);
    options.config.url_key = Some("s".to_owned());
    let widget = mount_with(options.clone());
    widget.connect(RW_KEY).await;
    widget.fill("Search deals", &format!("Société {word}"));
    widget
        .wait_until("the search in the page URL", || {
            let search = window.location().search().unwrap_or_default();
            search.contains(&format!("s.q=Soci%C3%A9t%C3%A9+{word}"))
        })
        .await;
    drop(widget);

    let reopened = mount_with(options);
    reopened.fill("API key", RW_KEY);
    reopened.click("Connect");
    reopened.wait_for_rows(&made[..1]).await;
    assert_eq!(reopened.search_box().value(), format!("Société {word}"));
}

/// Deals holding `word` in their title, one per amount, made in the order
/// given; their ids in that order.
async fn deals_worth(word: &str, amounts: &[(f64, &str)]) -> Vec<String> {
    let mut made = Vec::new();
    for (value, currency) in amounts {
        let deal = NewDeal {
            title: format!("{word} {value} {currency}"),
            value: *value,
            currency: (*currency).to_owned(),
            ..new_deal("")
        };
        made.push(
            client(RW_KEY)
                .create_deal(&deal)
                .await
                .expect("create")
                .deal
                .id,
        );
    }
    made
}

impl Widget {
    /// The `aria-sort` of each sorted header, with its text.
    fn sorted_headers(&self) -> Vec<(String, String)> {
        self.find_all("thead th[aria-sort]")
            .iter()
            .map(|header| {
                (
                    header.text_content().unwrap_or_default(),
                    header.get_attribute("aria-sort").unwrap_or_default(),
                )
            })
            .collect()
    }

    fn click_header(&self, text: &str) {
        let button = self
            .find_all("thead button.sort")
            .into_iter()
            .find(|button| button.text_content().as_deref() == Some(text))
            .unwrap_or_else(|| panic!("no sorting header {text:?}"));
        button.unchecked_into::<web_sys::HtmlElement>().click();
    }

    async fn wait_for_order(&self, ids: &[String], what: &str) {
        self.wait_until(what, || self.row_ids() == ids).await;
    }
}

// Guards: a click on "Value" sorts every deal found by currency, then
// amount, says so beside the list and in `aria-sort`; a second click
// reverses the amounts, not the currencies; the sort is in the page URL.
#[wasm_bindgen_test]
async fn a_header_sorts_by_currency_then_amount_and_a_second_click_reverses() {
    let window = web_sys::window().unwrap();
    // Put back when the test ends, however it ends.
    let _url = PageUrl::kept();
    let word = unique_word();
    let [usd_small, eur_big, eur_small, usd_big]: [String; 4] = deals_worth(
        &word,
        &[
            (50.0, "USD"),
            (900.0, "EUR"),
            (20.0, "EUR"),
            (7000.0, "USD"),
        ],
    )
    .await
    .try_into()
    .unwrap();
    let mut options = options(KeyStorage::Memory);
    options.config.url_key = Some("o".to_owned());
    let widget = mount_with(options);
    widget.connect(RW_KEY).await;
    assert!(
        widget.sorted_headers().is_empty(),
        "the API's order at first"
    );
    widget.fill("Search deals", &word);
    widget
        .wait_until("four results", || widget.row_ids().len() == 4)
        .await;

    widget.click_header("Value");
    let ascending = [&eur_small, &eur_big, &usd_small, &usd_big].map(String::clone);
    widget
        .wait_for_order(&ascending, "by currency, then amount")
        .await;
    assert_eq!(
        widget.sorted_headers(),
        [("Value".to_owned(), "ascending".to_owned())]
    );
    widget.wait_for_text("Sorted by currency first").await;

    widget.click_header("Value");
    let descending = [&eur_big, &eur_small, &usd_big, &usd_small].map(String::clone);
    widget
        .wait_for_order(&descending, "the amounts reversed within each currency")
        .await;
    assert_eq!(
        widget.sorted_headers(),
        [("Value".to_owned(), "descending".to_owned())]
    );
    widget
        .wait_until("the sort in the page URL", || {
            window
                .location()
                .search()
                .unwrap_or_default()
                .contains("o.sort=-value")
        })
        .await;

    widget.click_header("Title");
    widget
        .wait_until("sorted by title", || {
            widget.sorted_headers() == [("Title".to_owned(), "ascending".to_owned())]
        })
        .await;
    assert!(!widget.text().contains("Sorted by currency first"));
}

// Guards: a sort without a search orders every matching deal, not one page:
// the deal with the largest EUR amount of the company comes first.
#[wasm_bindgen_test]
async fn a_sort_orders_every_matching_deal_not_one_page() {
    let word = unique_word();
    let [biggest]: [String; 1] = deals_worth(&word, &[(99_999_999.0, "EUR")])
        .await
        .try_into()
        .unwrap();
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Page size", "10");
    widget.wait_for_page(1).await;
    widget.click_header("Value");
    widget.click_header("Value");
    widget
        .wait_until("the biggest EUR deal first", || {
            widget.row_ids().first() == Some(&biggest)
        })
        .await;
    assert!(
        widget.shown_total() > 10,
        "every deal of the company, paged"
    );
}

// Guards: the board's columns follow the sort: the cards of a stage in
// the order of their amounts.
#[wasm_bindgen_test]
async fn the_board_columns_follow_the_sort() {
    let word = unique_word();
    let made = deals_worth(&word, &[(300.0, "EUR"), (100.0, "EUR"), (200.0, "EUR")]).await;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Search deals", &word);
    widget
        .wait_until("three results", || widget.row_ids().len() == 3)
        .await;
    widget.click_header("Value");
    let ascending = [&made[1], &made[2], &made[0]].map(String::clone);
    widget.wait_for_order(&ascending, "by amount").await;
    widget.click("Board");
    widget
        .wait_until("the proposal cards by amount", || {
            widget.cards_in("proposal") == ascending
        })
        .await;
}

// Guards: every matching deal is loaded once per set of filters and kept
// by the workspace: clearing a search and typing another, then opening the
// board, loads nothing again; a change of filters on the plain list loads
// nothing until a view needs the deals.
#[wasm_bindgen_test]
async fn every_matching_deal_is_loaded_once_for_every_view() {
    let word = unique_word();
    let made = deals_with(&word).await;
    // Every deal of the company is more than one page of 200: a second page
    // is asked for once per load.
    let second_pages = FetchSpy::install("page=2&limit=200");
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let unsearched = widget.row_ids();
    widget.fill("Search deals", &word);
    widget.wait_for_rows(&made).await;
    assert_eq!(second_pages.count(), 1);

    widget.press_in_search("Escape");
    widget.wait_for_rows(&unsearched).await;
    widget.fill("Search deals", &format!("societe {word}"));
    widget.wait_for_rows(&made[..1]).await;
    widget.click("Board");
    widget.wait_for_shown(&made[..1], ".card").await;
    assert_eq!(second_pages.count(), 1, "no second load");

    let lost_loads = FetchSpy::install("limit=200&status=lost");
    widget.click("List");
    widget.press_in_search("Escape");
    widget.fill("Status", "lost");
    widget
        .wait_until("the lost deals' page", || {
            widget.row_ids() != unsearched && widget.column(5).iter().all(|status| status == "Lost")
        })
        .await;
    sleep(300).await;
    assert_eq!(lost_loads.count(), 0, "nothing loaded for a view not shown");
    widget.click("Board");
    widget
        .wait_until("the lost deals' board", || {
            !widget.find_all(".card").is_empty()
        })
        .await;
    assert_eq!(lost_loads.count(), 1);
}

// Guards: what a search finds shows as the pages of every matching deal
// arrive, not once they all have: the newest deals (the first page) are
// found while the load's progress still shows, and the load then ends
// without a note that it stopped early.
#[wasm_bindgen_test]
async fn what_a_search_finds_grows_as_pages_arrive() {
    let word = unique_word();
    let made = deals_with(&word).await;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    assert!(
        widget.shown_total() > 200,
        "more deals than one page of the load"
    );
    let slow = SlowFetch::install_for("GET", "/deals?", 800);
    widget.fill("Search deals", &word);
    widget.wait_for_rows(&made).await;
    assert!(
        widget.text().contains("Loading deals: 200 of"),
        "found while the load goes on: {}",
        widget.text()
    );
    drop(slow);
    widget
        .wait_until("the load over", || {
            !widget.text().contains("Loading deals")
                && sorted(widget.row_ids()) == sorted(made.clone())
        })
        .await;
    assert!(
        !widget.text().contains("loading was stopped"),
        "{}",
        widget.text()
    );
}
