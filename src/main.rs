//! Start-up of the shipped bundle: the panic hook, before anything can
//! panic. The widgets are mounted by the loader once the page is parsed
//! (`mountDeclared`, `mount` and the `<isao-deals>` element,
//! embed/isao-deals.js), or by the demo page's start script.

fn main() {
    isao_deals_widget::embed::install_panic_hook();
}

// The component tests wrap the same allocator (tests/web/main.rs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
