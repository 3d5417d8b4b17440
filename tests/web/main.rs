//! Component tests: real widgets mounted in a real browser (headless Chromium
//! or Firefox), talking over HTTP to the reference Deals API that the test
//! command starts with its demo data. Nothing here is stubbed.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod support;

mod abort;
mod board;
mod board_batches;
mod board_bulk;
mod browse;
mod connect;
mod deals;
mod drafts;
mod events;
mod export;
mod forecast;
mod format;
mod hanging;
mod host_auth;
mod invisible_text;
mod language;
mod language_list;
mod language_screens;
mod leak;
mod list_selection;
mod live;
mod mine;
mod people;
mod robustness;
mod saved_views;
mod search;
mod shortcuts;
mod undo;

/// Counts the bytes held on the heap, so that a test can tell a leak from
/// the allocator keeping freed pages. Wraps the allocator the release build
/// ships with (`src/main.rs`).
struct CountingAllocator;

static SHIPPED: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub static LIVE_BYTES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

unsafe impl std::alloc::GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(layout.size(), std::sync::atomic::Ordering::Relaxed);
        unsafe { SHIPPED.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        LIVE_BYTES.fetch_sub(layout.size(), std::sync::atomic::Ordering::Relaxed);
        unsafe { SHIPPED.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        LIVE_BYTES.fetch_add(new_size, std::sync::atomic::Ordering::Relaxed);
        LIVE_BYTES.fetch_sub(layout.size(), std::sync::atomic::Ordering::Relaxed);
        unsafe { SHIPPED.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;
