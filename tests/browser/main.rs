//! The reader in real browsers. Each test mounts a fresh reader into its own element, drives it
//! the way a person would (clicks, links, the address bar) and reads the DOM.
//!
//! One test binary of the ui crate (`crates/ui`, test `browser`), so the app is compiled and
//! loaded once per browser; `scripts/test.sh` runs it in headless Chromium, headless Firefox and
//! WebKit.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod embedding;
mod feed_loading;
mod hostile_content;
mod html_differential;
mod listening;
mod reading;
mod seed_reader;
mod support;
