//! The reader in real browsers. Each test mounts a fresh reader into its own element, drives it
//! the way a person would (clicks, links, the address bar) and reads the DOM.
//!
//! Compiled into the library's own test binary (see `src/lib.rs`), so the app is compiled and
//! loaded once per browser; `scripts/test.sh` runs it in headless Chromium, headless Firefox and
//! WebKit.

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod embedding;
mod feed_loading;
mod hostile_content;
mod html_differential;
mod reading;
mod seed_reader;
mod support;
