//! Start-up of the shipped bundle: mount every widget the page declares.

fn main() {
    isao_deals_widget::embed::mount_declared();
}

// The component tests wrap the same allocator (tests/web/main.rs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
