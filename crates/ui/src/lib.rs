//! article-reader: an embeddable news reader in Yew. This crate is the app: data loading, state,
//! routing glue, the views, and the exports that `<article-reader>` calls. Everything that can be
//! decided without a browser lives in `article_reader_core` and is tested natively there.
//!
//! The same components run three ways (its features): rendered into the DOM (`csr`), attached to
//! HTML the server renderer wrote (`hydration`, the shipped wasm), and rendered to HTML natively
//! (`ssr`: [`server`], for the prerendered page, the importer's snippets and the view tests).
//! Render functions touch no web API (see [`start`]). The views render only from the core's
//! validated types; see `ARCHITECTURE.md` for the map.

// The size rules (clippy.toml), for the code the shipped wasm is built from: off in native
// builds and tests, which may use the standard library freely.
#![cfg_attr(
    all(target_arch = "wasm32", not(test)),
    warn(clippy::disallowed_methods, clippy::disallowed_types)
)]

pub mod app;
mod components;
mod context;
mod effect;
#[cfg(feature = "csr")]
pub mod embed;
mod failure;
mod feed_cache;
pub mod feed_source;
mod feed_state;
mod focus;
mod host_bridge;
mod host_events;
pub mod html_dom;
mod indexing;
// Its readers of JavaScript values serve only the exports of `embed`, which the server renderer has not.
#[cfg_attr(not(feature = "csr"), allow(dead_code))]
mod interop;
mod keyboard;
pub mod languages;
mod listen;
mod markup;
mod pages;
pub(crate) mod platform;
mod prefs;
mod retry;
pub mod routing;
#[cfg(feature = "ssr")]
pub mod server;
mod share;
pub mod start;
mod state;

pub use app::{App, AppProps};
pub use host_bridge::HostCommands;
pub use start::{BrowserState, Start};

pub use article_reader_core::{Command, FeedLocation, ReaderOptions, Routing, Theme};
pub use host_events::{
    ERROR as ERROR_EVENT, FILTER as FILTER_EVENT, OPEN as OPEN_EVENT, READY as READY_EVENT,
};

#[cfg(feature = "csr")]
/// Mounts a reader of the bundled feed into `root`, keeping its place in memory; the handle
/// destroys it.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    mount_with_options(root, ReaderOptions::default())
}

#[cfg(feature = "csr")]
/// Mounts a reader into `root` with the given options, embedded.
pub fn mount_with_options(root: web_sys::Element, options: ReaderOptions) -> yew::AppHandle<App> {
    mount_with_props(root, AppProps { options, ..AppProps::default() })
}

#[cfg(feature = "csr")]
/// Mounts a reader into `root` with the given properties (`standalone` for the page's own),
/// starting from what the browser knows now.
pub fn mount_with_props(root: web_sys::Element, mut props: AppProps) -> yew::AppHandle<App> {
    props.start = Start::Fresh(BrowserState::read(&props.options));
    yew::Renderer::<App>::with_root_and_props(root, props).render()
}
