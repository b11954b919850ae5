//! article-reader: an embeddable news reader in Yew. This crate is the browser half: data
//! loading, state, routing glue, the views, and the exports that `<article-reader>` calls.
//! Everything that can be decided without a browser lives in `article_reader_core` and is
//! tested natively there.
//!
//! The views render only from the core's validated types; see `ARCHITECTURE.md` for the map.

pub mod app;
mod components;
mod context;
mod effect;
pub mod embed;
mod feed_cache;
pub mod feed_source;
mod feed_state;
mod focus;
mod host_bridge;
mod host_events;
pub mod html_dom;
mod interop;
mod keyboard;
mod pages;
pub(crate) mod platform;
mod prefs;
mod retry;
pub mod routing;
mod state;

pub use app::{App, AppProps};

// The browser tests name the crate as a caller would.
#[cfg(test)]
extern crate self as article_reader;

/// The browser tests (`tests/browser/`), run by wasm-bindgen-test in headless browsers.
#[cfg(all(test, target_arch = "wasm32"))]
#[path = "../tests/browser/main.rs"]
mod browser_tests;
pub use article_reader_core::{FeedLocation, ReaderOptions, Routing, Theme};
pub use host_events::{
    ERROR as ERROR_EVENT, FILTER as FILTER_EVENT, OPEN as OPEN_EVENT, READY as READY_EVENT,
};

/// Mounts a reader of the bundled feed into `root`, keeping its place in memory; the handle
/// destroys it.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    mount_with_options(root, ReaderOptions::default())
}

/// Mounts a reader into `root` with the given options, embedded.
pub fn mount_with_options(root: web_sys::Element, options: ReaderOptions) -> yew::AppHandle<App> {
    mount_with_props(root, AppProps { options, ..AppProps::default() })
}

/// Mounts a reader into `root` with the given properties (`standalone` for the page's own).
pub fn mount_with_props(root: web_sys::Element, props: AppProps) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root_and_props(root, props).render()
}

/// The allocator of the wasm: smaller than the default and no slower (see Cargo.toml).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
