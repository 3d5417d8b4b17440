//! Component tests: real widgets mounted in a real browser (headless Chromium
//! or Firefox), talking over HTTP to the reference Deals API that the test
//! command starts with its demo data. Nothing here is stubbed.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod support;

mod browse;
mod connect;
mod deals;
mod robustness;
