//! The widget's wasm heap over many page and filter changes. Counted by the
//! test binary's allocator (see `main.rs`): live bytes, not memory pages, so
//! the measure is exact and needs no timing.

use std::sync::atomic::Ordering;

use deals_contract::DealStatus;
use isao_deals_widget::words::Texts;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;
use crate::LIVE_BYTES;

/// What the browser side may legitimately keep per hundred changes (a
/// formatter cached, a stage learnt); a leak of one reactive subscription per
/// change is about 4.8 KB per hundred, of the old pager about 42 KB.
const ALLOWED_GROWTH_BYTES: usize = 1024;

// Guards: turning pages and changing filters gives back every byte it takes,
// and every JavaScript object it held.
// A reactive closure rebuilt with each page that read the long-lived query
// (the pager's buttons, the table's busy mark) left a subscription behind
// every time: +420 bytes a change, for as long as the page stayed open.
#[wasm_bindgen_test]
async fn page_and_filter_changes_give_back_their_memory() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let changes = |count: usize| {
        let widget = &widget;
        async move {
            for done in 0..count {
                match done % 4 {
                    0 => {
                        widget.click("Next");
                        widget.wait_for_page(2).await;
                    }
                    1 => {
                        widget.click("Previous");
                        widget.wait_for_page(1).await;
                    }
                    2 => {
                        widget.fill("Status", "won");
                        widget
                            .wait_until("won deals", || {
                                widget.column(5).iter().all(|status| {
                                    status == Texts::english().status(DealStatus::Won)
                                })
                            })
                            .await;
                        widget.wait_for_page(1).await;
                    }
                    _ => {
                        widget.fill("Status", "");
                        widget
                            .wait_until("every status", || {
                                widget.column(5).iter().any(|status| {
                                    status != Texts::english().status(DealStatus::Won)
                                })
                            })
                            .await;
                        widget.wait_for_page(1).await;
                    }
                }
            }
        }
    };
    changes(40).await;
    let warm = LIVE_BYTES.load(Ordering::Relaxed);
    let warm_refs = wasm_bindgen::externref_heap_live_count();
    changes(100).await;
    let after = LIVE_BYTES.load(Ordering::Relaxed);
    let after_refs = wasm_bindgen::externref_heap_live_count();
    assert!(
        after <= warm + ALLOWED_GROWTH_BYTES,
        "the heap grew by {} bytes over 100 changes",
        after.saturating_sub(warm)
    );
    assert_eq!(
        after_refs, warm_refs,
        "JavaScript objects held by the widget (listeners, formatters, nodes)"
    );
}
