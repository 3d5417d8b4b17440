//! What a hurried user, a copy-paste accident or a host page can do to the
//! widget: leave a screen while its request is on its way, paste a key with
//! invisible characters, open a page past the last, mount twice.

use deals_contract::{DealQuery, DealStatus, PageMeta};
use deals_i18n::Msg;
use isao_deals_widget::deal_sort::SortOrder;
use isao_deals_widget::embed::{mount, report_crash};
use isao_deals_widget::key_store::KeyStorage;
use isao_deals_widget::url_state::{DealsView, Screen, Shown, UrlState};
use isao_deals_widget::words::Texts;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

const HELD_BACK_MS: i32 = 1_500;

#[derive(Debug, Clone, Copy)]
enum Write {
    MarkWon,
    MarkLost,
    ChangeStage,
}

impl Write {
    fn start(self, widget: &Widget) {
        match self {
            Write::MarkWon => widget.click("Mark won"),
            Write::MarkLost => widget.click("Mark lost"),
            Write::ChangeStage => {
                widget.fill("New stage", "negotiation");
                widget.click("Change stage");
            }
        }
    }
}

/// Waits until the row of deal `id` shows what the server now holds.
async fn row_agrees_with_server(widget: &Widget, id: &str) {
    let stored = client(RW_KEY).get_deal(id).await.expect("the deal");
    let expected = (
        Texts::english().stage(stored.stage.as_deref()).into_owned(),
        Texts::english().status(stored.status).to_owned(),
    );
    widget
        .wait_until("the row to show the server's state", || {
            let ids = widget.row_ids();
            let Some(index) = ids.iter().position(|row| row == id) else {
                return false;
            };
            (
                widget.column(2)[index].clone(),
                widget.column(5)[index].clone(),
            ) == expected
        })
        .await;
}

fn assert_alive(widget: &Widget) {
    assert!(
        !widget.text().contains(Texts::english().get(Msg::Crashed)),
        "the widget crashed: {}",
        widget.text()
    );
}

// Guards: every write, answered only after the user left the deal by each
// way out, neither traps the widget nor leaves the list disagreeing with the
// server (the write's answer used to call a disposed callback).
#[wasm_bindgen_test]
async fn leaving_a_deal_while_its_change_is_on_its_way_is_safe() {
    for write in [Write::MarkWon, Write::MarkLost, Write::ChangeStage] {
        for leave in ["Back to list", "New deal", "Disconnect"] {
            let deal = create_deal(&unique(&format!("{write:?} then {leave}"))).await;
            let widget = mount_widget();
            widget.connect(RW_KEY).await;
            open_newest(&widget, &deal.title).await;
            let slow = SlowFetch::install_for("PUT", "/status", HELD_BACK_MS);
            write.start(&widget);
            widget.click(leave);
            slow.wait_for_held_back_answers().await;
            drop(slow);
            assert_alive(&widget);
            let stored = client(RW_KEY).get_deal(&deal.id).await.expect("the deal");
            match write {
                Write::MarkWon => assert_eq!(stored.status, DealStatus::Won),
                Write::MarkLost => assert_eq!(stored.status, DealStatus::Lost),
                Write::ChangeStage => assert_eq!(stored.stage.as_deref(), Some("negotiation")),
            }
            match leave {
                "Back to list" => {}
                "New deal" => widget.click("Cancel"),
                _ => widget.connect(RW_KEY).await,
            }
            row_agrees_with_server(&widget, &deal.id).await;
            assert_alive(&widget);
        }
    }
}

// Guards: a create answered after the user cancelled or disconnected traps
// nothing, does not drag the user to the new deal, and the list shows it.
#[wasm_bindgen_test]
async fn leaving_the_form_while_the_deal_is_being_created_is_safe() {
    for leave in ["Cancel", "Disconnect"] {
        let title = unique(&format!("Created then {leave}"));
        let widget = mount_widget();
        widget.connect(RW_KEY).await;
        widget.open_new_deal().await;
        widget.fill("Title", &title);
        widget.fill("Value", "10");
        let slow = SlowFetch::install_for("POST", "/deals", HELD_BACK_MS);
        widget.click("Create deal");
        widget.click(leave);
        slow.wait_for_held_back_answers().await;
        drop(slow);
        assert_alive(&widget);
        if leave == "Disconnect" {
            widget.connect(RW_KEY).await;
        }
        widget
            .wait_until("the created deal first in the list", || {
                widget.column(0).first() == Some(&title)
            })
            .await;
        assert!(widget.find(".deal-detail").is_none(), "stayed on the list");
        assert_alive(&widget);
    }
}

// Guards: keys pasted with invisible characters around them connect; a key
// with one inside is refused before any request, saying where and what,
// and the form stays usable (it used to hang on "Checking the key…").
#[wasm_bindgen_test]
async fn pasted_keys_are_trimmed_and_unsendable_characters_are_named() {
    let widget = mount_widget();
    widget.fill("API key", "isao_demo\u{200B}_rw");
    widget.click("Connect");
    let expected = "Character 10 of the key is an invisible zero-width character: API keys contain only visible ASCII characters. Copy the key again.";
    widget
        .wait_until("the message under the key", || {
            widget.text_of("#isao-api-key-error") == expected
        })
        .await;
    assert_eq!(widget.value_of("API key"), "isao_demo\u{200B}_rw");
    widget.fill("API key", "ключ");
    widget.click("Connect");
    widget
        .wait_until("the message naming the letter", || {
            widget
                .text_of("#isao-api-key-error")
                .starts_with("Character 1 of the key is the non-ASCII character “к”")
        })
        .await;
    assert!(!widget.text().contains("Checking the key"));
    widget
        .connect(&format!("\u{00A0}\u{200B}{RW_KEY}\u{FEFF} "))
        .await;
    assert!(widget.shown_total() > 0);
}

fn url_widget(prefix: &str) -> Widget {
    let mut options = options(KeyStorage::Memory);
    options.config.url_key = Some(prefix.to_owned());
    mount_with(options)
}

// Guards: a page number past the last says so and offers the last page,
// instead of claiming the company has no deals.
#[wasm_bindgen_test]
async fn a_page_past_the_last_offers_the_last_page() {
    let PageMeta { total_pages, .. } = list(RW_KEY, DealQuery::default()).await.meta;
    let _url = PageUrl::set("?p.page=99");
    let widget = url_widget("p");
    widget.fill("API key", RW_KEY);
    widget.click("Connect");
    let expected = format!("Page 99 does not exist: there are {total_pages} pages.");
    widget.wait_for_text(&expected).await;
    assert!(!widget.text().contains("No deals yet."));
    widget.click(&format!("Go to page {total_pages}"));
    widget.wait_for_page(total_pages as u32).await;
    assert!(!widget.row_ids().is_empty());
}

// Guards: filters that match nothing say so and offer to reset them right there.
#[wasm_bindgen_test]
async fn filters_matching_nothing_offer_a_reset() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Stage", "no-such-stage-anywhere");
    widget.wait_for_text("No deals match these filters.").await;
    let reset = widget.find(".empty button").expect("a reset button");
    assert_eq!(reset.text_content().as_deref(), Some("Reset filters"));
    reset.unchecked_ref::<web_sys::HtmlElement>().click();
    widget.wait_for_page(1).await;
    assert_eq!(widget.value_of("Stage"), "");
}

/// Every row's link, as the page would open it.
fn row_links(widget: &Widget) -> Vec<String> {
    widget
        .find_all("tbody tr th a")
        .iter()
        .filter_map(|link| link.get_attribute("href"))
        .collect()
}

// Guards: a row's link carries the current filters, page and page size,
// including rows that were already on screen before the change.
#[wasm_bindgen_test]
async fn row_links_follow_the_query() {
    let _url = PageUrl::set("?");
    let widget = url_widget("q");
    widget.connect(RW_KEY).await;
    widget.fill("Status", "open");
    widget
        .wait_until("links with the status", || {
            let links = row_links(&widget);
            !links.is_empty() && links.iter().all(|link| link.contains("q.status=open"))
        })
        .await;
    widget.fill("Page size", "100");
    widget
        .wait_until("links with the page size", || {
            let links = row_links(&widget);
            links.len() > 50 && links.iter().all(|link| link.contains("q.limit=100"))
        })
        .await;
    widget.click("Next");
    widget.wait_for_page(2).await;
    let links = row_links(&widget);
    assert!(!links.is_empty());
    // The rows share one URL but for the deal, each its own, named once.
    for (link, id) in links.iter().zip(widget.row_ids()) {
        assert!(link.contains("q.page=2"), "{link}");
        assert!(link.contains("q.status=open"), "{link}");
        assert!(link.contains("q.limit=100"), "{link}");
        assert!(link.ends_with(&format!("q.deal={id}")), "{link} for {id}");
        assert_eq!(link.matches("q.deal=").count(), 1, "{link}");
    }
}

fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

// Guards: mounting into an element that holds a widget replaces it, and the
// old handle can no longer remove the new widget.
#[wasm_bindgen_test]
async fn mounting_again_replaces_the_widget_and_the_old_handle_goes_quiet() {
    let first = mount_widget();
    let second = mount(&first.host, options(KeyStorage::Memory)).expect("mount again");
    assert_eq!(first.find_all(".isao-deals-root").len(), 1);
    first.handle.unmount();
    assert!(
        first.find("#isao-api-key").is_some(),
        "the old handle removed the new widget"
    );
    second.unmount();
    assert!(first.find(".isao-deals-root").is_none());
}

// Guards: mounting and unmounting leaves nothing behind: the same DOM, and
// wasm memory that settles (a leaked reactive owner per widget would keep
// it climbing).
#[wasm_bindgen_test]
async fn mount_cycles_leave_the_dom_and_memory_as_they_were() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let cycle = || {
        let handle = mount(&host, options(KeyStorage::Memory)).expect("mount");
        assert!(handle
            .root()
            .query_selector("#isao-api-key")
            .unwrap()
            .is_some());
        handle.unmount();
    };
    // Memory settles once the allocator's and the reactive arena's free lists
    // are filled and answers of earlier tests have landed; a leak of 660 bytes
    // per widget (a fraction of one widget's owner) grows it by a 64 KiB page
    // every round of 100 mounts, so it never settles.
    let mut samples = vec![wasm_memory_bytes()];
    while samples.len() < 2 || samples[samples.len() - 1] > samples[samples.len() - 2] {
        assert!(
            samples.len() <= 10,
            "wasm memory kept growing, 100 mounts apart: {samples:?}"
        );
        for _ in 0..100 {
            cycle();
        }
        sleep(50).await;
        samples.push(wasm_memory_bytes());
    }
    assert_eq!(host.shadow_root().unwrap().inner_html(), "");
    assert_eq!(host.inner_html(), "");
    host.remove();
}

// Guards: the panic hook's report replaces every widget on the page with the
// notice, instead of leaving frozen widgets behind.
#[wasm_bindgen_test]
async fn a_crash_report_replaces_every_widget_with_the_notice() {
    let first = mount_widget();
    let second = mount_widget();
    second.connect(RW_KEY).await;
    report_crash("a test of the crash notice");
    for widget in [&first, &second] {
        assert_eq!(
            widget.text_of("[role=alert]"),
            Texts::english().get(Msg::Crashed)
        );
        assert!(widget.find("input").is_none());
    }
}

// Guards: a deal's link is the URL the browser's own `URLSearchParams` writes
// (the widget writes the links itself, in Rust), whatever the characters of
// the host page's parameters, the widget's prefix, the search and the deal's
// id.
#[wasm_bindgen_test]
fn deal_links_are_written_as_the_browser_writes_urls() {
    let host_search = "?host=a b&x=é&w é%26.status=stale";
    let _url = PageUrl::set(&format!("{host_search}#section"));
    let prefix = "w é&";
    let query = DealQuery {
        page: 2,
        status: Some(DealStatus::Won),
        stage: Some("proposal & review".to_owned()),
        ..DealQuery::default()
    };
    let shown = Shown {
        query,
        search: "Müller & co".to_owned(),
        sort: SortOrder::parse("-value"),
        mine: true,
        idle: true,
        closing_this_month: true,
        view: DealsView::Board,
        screen: Screen::List,
    };
    let links = UrlState::new(Some(prefix.to_owned())).deal_links(&shown);
    let path = web_sys::window()
        .expect("window")
        .location()
        .pathname()
        .expect("path");
    for id in ["deal_7", "x y/é?&=#+", "日本", "a%20b", "🙂"] {
        let params = web_sys::UrlSearchParams::new_with_str(host_search).expect("params");
        params.delete(&format!("{prefix}.status"));
        params.append(&format!("{prefix}.page"), "2");
        params.append(&format!("{prefix}.status"), "won");
        params.append(&format!("{prefix}.stage"), "proposal & review");
        params.append(&format!("{prefix}.q"), "Müller & co");
        params.append(&format!("{prefix}.sort"), "-value");
        params.append(&format!("{prefix}.mine"), "1");
        params.append(&format!("{prefix}.idle"), "1");
        params.append(&format!("{prefix}.closingThisMonth"), "1");
        params.append(&format!("{prefix}.view"), "board");
        params.append(&format!("{prefix}.deal"), id);
        let expected = format!("{path}?{}#section", String::from(params.to_string()));
        assert_eq!(links.to(id), expected, "the link of {id}");
    }
}
