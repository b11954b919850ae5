//! article-reader: an embeddable news reader in Yew. This crate is the browser half: data
//! loading, state, routing glue and the views. Everything that can be decided without a browser
//! lives in `article_reader_core` and is tested natively there.
//!
//! The views render only from the core's validated types; see `ARCHITECTURE.md` for the map.

pub mod app;
mod components;
pub mod feed_source;
mod pages;
pub mod routing;
mod state;

pub use app::{App, AppProps};
pub use article_reader_core::{FeedLocation, StartOptions};

/// Mounts a reader of the bundled feed into `root`; the handle destroys it.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    mount_with_options(root, StartOptions::default())
}

/// Mounts a reader into `root` with the given feed and limits.
pub fn mount_with_options(root: web_sys::Element, options: StartOptions) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root_and_props(root, AppProps { options: Ok(options) }).render()
}
