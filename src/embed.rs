//! Every export the JavaScript side calls: `static/article-reader.js` (the `<article-reader>`
//! element and `mount()`) and `static/boot.js` (the standalone page). Options arrive as plain
//! objects of attribute names to strings and are read by the core, so the element, the
//! JavaScript API and the page's query string mean exactly the same thing.

use article_reader_core::{options::ATTRIBUTES, ReaderOptions, Routing};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::app::{App, AppProps};

/// A mounted reader, as JavaScript holds it.
#[wasm_bindgen]
pub struct ReaderHandle {
    app: Option<yew::AppHandle<App>>,
    options: ReaderOptions,
}

#[wasm_bindgen]
impl ReaderHandle {
    /// Applies new options (an object of attribute names to strings), as after an attribute
    /// change. Options left out return to their defaults, as a removed attribute does.
    pub fn update(&mut self, options: &JsValue) {
        self.options = read_options(options, self.options.routing);
        self.render();
    }

    /// Shows the feed filtered by `tags` (tag names), matching any or all of them.
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(&mut self, tags: Vec<String>, match_mode: Option<String>) {
        let joined = tags.join(",");
        let mode = match_mode.unwrap_or_else(|| "any".to_owned());
        let (parsed, ignored) =
            ReaderOptions::from_attributes([("tags", joined.as_str()), ("match", mode.as_str())]);
        warn(&ignored);
        self.options.filter = parsed.filter;
        self.render();
    }

    /// Unmounts the reader: its DOM and every listener it added are gone.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }

    fn render(&mut self) {
        if let Some(app) = &mut self.app {
            app.update(AppProps { options: self.options.clone() });
        }
    }
}

/// Mounts a reader into `root` (an element, usually inside a shadow root) with `options`, an
/// object of attribute names to strings. Embedded readers keep their place in memory unless
/// `routing` is `"hash"`.
#[wasm_bindgen(js_name = mountReader)]
pub fn mount_reader(root: Element, options: &JsValue) -> ReaderHandle {
    let options = read_options(options, Routing::Memory);
    let app = yew::Renderer::<App>::with_root_and_props(root, AppProps { options: options.clone() }).render();
    ReaderHandle { app: Some(app), options }
}

/// The standalone page: reads the query string (`?src=…&tags=…`) and routes by the fragment.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(root: Element) -> ReaderHandle {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let (options, ignored) = ReaderOptions::from_query(&search, Routing::Hash);
    warn(&ignored);
    let app = yew::Renderer::<App>::with_root_and_props(root, AppProps { options: options.clone() }).render();
    ReaderHandle { app: Some(app), options }
}

fn read_options(options: &JsValue, default_routing: Routing) -> ReaderOptions {
    let object: Option<&Object> = options.dyn_ref::<Object>();
    let pairs: Vec<(&str, String)> = ATTRIBUTES
        .iter()
        .filter_map(|&name| {
            let value = Reflect::get(object?, &JsValue::from_str(name)).ok()?.as_string()?;
            Some((name, value))
        })
        .collect();
    let has_routing = pairs.iter().any(|(name, _)| *name == "routing");
    let (mut parsed, ignored) = ReaderOptions::from_attributes(pairs.iter().map(|(n, v)| (*n, v.as_str())));
    warn(&ignored);
    if !has_routing {
        parsed.routing = default_routing;
    }
    parsed
}

fn warn(messages: &[String]) {
    for message in messages {
        web_sys::console::warn_1(&JsValue::from_str(&format!("article-reader: {message}")));
    }
}
