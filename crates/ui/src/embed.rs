//! Every export the JavaScript side calls: `static/article-reader.js` (the `<article-reader>`
//! element and `mount()`) and `static/boot.js` (the standalone page).
//!
//! Options arrive as plain objects, read member by member through serde-wasm-bindgen into the
//! core's JSON values (see `interop`) and set by the core, which reads an attribute's string
//! and a typed JavaScript value alike; so the element, the JavaScript API and the page's query
//! string mean exactly the same thing. An update names only what changes: the other options
//! keep their values, and `null` returns an option to its default.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use article_reader_core::feed::json::{self, Object, Value};
use article_reader_core::interface::fragment::{FragmentOwner, Grant, ReaderId};
use article_reader_core::interface::text::Language;
use article_reader_core::{Command, ReaderOptions, Routing};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::Callback;

use crate::app::{App, AppProps};
use crate::host_bridge::HostCommands;
use crate::interop;
use crate::languages;
use crate::start::{prerender_key, BrowserState, Start};

thread_local! {
    /// The page's readers, as the core's rule of who routes by the URL fragment knows them:
    /// the fragment is one per page, and so is this.
    static FRAGMENT: Cell<FragmentOwner> = const { Cell::new(FragmentOwner::EMPTY) };
}

/// Where a reader's app stands.
enum Mount {
    /// Waiting for its interface's language to hydrate the server renderer's HTML, which is
    /// in that language: the props it will hydrate with.
    Waiting(Box<AppProps>),
    Mounted(yew::AppHandle<App>),
    Gone,
}

/// A mounted reader, as JavaScript holds it.
#[wasm_bindgen]
pub struct ReaderHandle {
    app: Rc<RefCell<Mount>>,
    /// The options as the host has set them so far.
    options: ReaderOptions,
    /// Where the core's commands for the mounted reader go.
    commands: HostCommands,
    standalone: bool,
    /// This reader, to [`FRAGMENT`].
    id: ReaderId,
    /// It asked for the fragment and was told another reader has it; its host heard so once.
    refused: bool,
}

#[wasm_bindgen]
impl ReaderHandle {
    /// Applies the options named in `options` (an object of option names, JavaScript's or the
    /// attributes', to values); the others keep their values, and `null` resets one.
    pub fn update(&mut self, options: &JsValue) {
        let read = read_onto(&mut self.options, options);
        self.written(read);
    }

    /// Shows the feed filtered by `tags` (an array of tag names), matching `"any"` (the
    /// default) or `"all"` of them. Like writing the `tags` attribute, the last write wins.
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(&mut self, tags: JsValue, match_mode: JsValue) {
        let tags = interop::from_js(tags);
        let mode = interop::from_js(match_mode).filter(|mode| *mode != Value::Null);
        let any = Value::String("any".to_owned());
        let read = read_members(
            &mut self.options,
            [("tags", tags.as_ref()), ("match", Some(mode.as_ref().unwrap_or(&any)))],
        );
        self.written(read);
    }

    /// Every option's current value, typed (`pageSize` a number, `tags` an array), as JSON
    /// text: what the element's properties read. Text, not an object: the core already writes
    /// JSON, and building the object here would add 0.9 KB (brotli) of serialisation to the wasm.
    #[wasm_bindgen(js_name = optionsJson)]
    pub fn options_json(&self) -> String {
        values_json(&self.options)
    }

    /// Unmounts the reader: its DOM and every listener it added are gone.
    pub fn destroy(&mut self) {
        if let Mount::Mounted(app) = self.app.replace(Mount::Gone) {
            app.destroy();
        }
        let id = self.id;
        fragment(|page| page.release(id));
    }
}

impl ReaderHandle {
    /// Mounts a reader into `root`: hydrating the server renderer's HTML when `root` holds
    /// HTML written for exactly these options, else rendering anew. `early_route` is a reader's
    /// fragment that a click on prerendered HTML asked for before the wasm came.
    fn mount(
        root: Element,
        options: ReaderOptions,
        standalone: bool,
        early_route: Option<String>,
    ) -> ReaderHandle {
        let mut handle = ReaderHandle {
            app: Rc::new(RefCell::new(Mount::Gone)),
            options,
            commands: HostCommands::default(),
            standalone,
            id: fragment(FragmentOwner::join),
            refused: false,
        };
        let mut props = handle.props();
        match prerendered_language(&root, &props.options) {
            #[cfg(feature = "hydration")]
            Some((language, interface)) => {
                props.start = Start::Hydrate { language, route: early_route };
                handle.app.replace(Mount::Waiting(Box::new(props)));
                // At once when the page holds the table (English always), else when it comes;
                // until then the server's HTML stays as it is.
                let app = handle.app.clone();
                languages::request(
                    interface,
                    Callback::from(move |()| {
                        if let Mount::Waiting(props) = app.replace(Mount::Gone) {
                            let root = root.clone();
                            app.replace(Mount::Mounted(
                                yew::Renderer::<App>::with_root_and_props(root, *props).hydrate(),
                            ));
                        }
                    }),
                );
            }
            _ => {
                props.start = Start::Fresh(BrowserState::read(&props.options));
                let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
                handle.app.replace(Mount::Mounted(app));
            }
        }
        handle
    }

    fn props(&mut self) -> AppProps {
        let mut options = self.options.clone();
        options.routing = self.routing();
        AppProps {
            options,
            commands: self.commands.clone(),
            standalone: self.standalone,
            // Only the first render reads how it began (see `AppProps::start`).
            start: Start::default(),
            id_prefix: None,
        }
    }

    /// The routing this reader gets (see the core's `fragment`), with one warning when it is
    /// refused the fragment.
    fn routing(&mut self) -> Routing {
        let (asked, id) = (self.options.routing, self.id);
        let grant = fragment(|page| page.claim(id, asked));
        if grant == Grant::Refused && !self.refused {
            warn(&["another reader on this page already keeps its place in the URL fragment; this one \
                    keeps it in memory (routing=\"memory\")."
                .to_owned()]);
        }
        self.refused = grant == Grant::Refused;
        grant.routing()
    }

    /// After a write: warns of the values that cannot be used, renders the options as they are
    /// now, then carries out the write's command.
    fn written(&mut self, (warnings, command): (Vec<String>, Option<Command>)) {
        warn(&warnings);
        let props = self.props();
        match &mut *self.app.borrow_mut() {
            Mount::Mounted(app) => app.update(props),
            Mount::Waiting(waiting) => waiting.options = props.options,
            Mount::Gone => {}
        }
        if let Some(command) = command {
            self.commands.send(command);
        }
    }
}

/// Runs `change` on the page's [`FRAGMENT`] record.
fn fragment<T>(change: impl FnOnce(&mut FragmentOwner) -> T) -> T {
    let mut page = FRAGMENT.get();
    let out = change(&mut page);
    FRAGMENT.set(page);
    out
}

/// Mounts a reader into `root` (an element, usually inside a shadow root) with `options`, an
/// object of option names to values, and `inline_feed`, the JSON text of the element's own
/// `<script type="application/feed+json">` if it has one. Embedded readers keep their place in
/// memory unless `routing` is `"hash"`. A `root` holding a prerendered reader (an importer's
/// snippet) is hydrated; `early_route` is where a click on it asked to go before the wasm came.
#[wasm_bindgen(js_name = mountReader)]
pub fn mount_reader(
    root: Element,
    options: &JsValue,
    inline_feed: Option<String>,
    early_route: Option<String>,
) -> ReaderHandle {
    let mut initial = ReaderOptions { inline: inline_feed.map(Rc::from), ..ReaderOptions::default() };
    // A reader that has not started has no use for a command: it starts where its options say.
    warn(&read_onto(&mut initial, options).0);
    ReaderHandle::mount(root, initial, false, early_route)
}

/// Every option's value, typed as the element's properties read them (JSON text, as
/// [`ReaderHandle::options_json`]), for `options` (an object of option names to values) read
/// onto the defaults: what an element's properties read before its reader has started. Values
/// that cannot be used are left out silently here; the reader warns of them when it starts.
#[wasm_bindgen(js_name = optionValues)]
pub fn option_values(options: &JsValue) -> String {
    let mut read = ReaderOptions::default();
    let _ = read_onto(&mut read, options);
    values_json(&read)
}

/// Reads `options` (an object of option names to values) onto `onto`, in order; returns a
/// sentence for each value that cannot be used, and the core's command for a mounted reader.
fn read_onto(onto: &mut ReaderOptions, options: &JsValue) -> (Vec<String>, Option<Command>) {
    let members = interop::members_of(options);
    read_members(onto, members.iter().map(|(name, value)| (name.as_str(), value.as_ref())))
}

/// [`read_onto`] for members already read; `None` is a value JSON cannot hold.
fn read_members<'a>(
    onto: &mut ReaderOptions,
    members: impl IntoIterator<Item = (&'a str, Option<&'a Value>)>,
) -> (Vec<String>, Option<Command>) {
    let mut warnings = Vec::new();
    let readable: Vec<(&str, &Value)> = members
        .into_iter()
        .filter_map(|(name, value)| {
            if value.is_none() {
                warnings.push(format!("{name}: a value JSON cannot hold is ignored."));
            }
            Some((name, value?))
        })
        .collect();
    let applied = onto.apply(readable);
    warnings.extend(applied.warnings);
    (warnings, applied.command)
}

/// Every option's current value, typed, as JSON text.
fn values_json(options: &ReaderOptions) -> String {
    let values = options.values();
    let object = Object(values.into_iter().map(|(name, value)| (name.to_owned(), value)).collect());
    json::to_string(&Value::Object(object))
}

/// The standalone page: reads the query string (`?src=…&tags=…`) and routes by the fragment.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(root: Element) -> ReaderHandle {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let (options, ignored) = ReaderOptions::from_query(&search, Routing::Hash);
    warn(&ignored);
    ReaderHandle::mount(root, options, true, None)
}

/// The language of the prerendered reader in `root` (and its interface's) when its HTML was
/// written for exactly `options` (the server renderer's mark, see [`prerender_key`]); `None`
/// when `root` holds none, or one for other options or another feed.
fn prerendered_language(root: &Element, options: &ReaderOptions) -> Option<(String, Language)> {
    let mark = root.first_element_child()?.get_attribute("data-ar-prerender")?;
    let mut parts = mark.split(' ');
    let (key, language) = (parts.next()?, parts.next()?);
    let interface = Language::for_tag(parts.next().unwrap_or_default());
    (prerender_key(options, language) == key).then(|| (language.to_owned(), interface))
}

/// Where the interface's language files are (`{tag}.json`): a folder's URL ending in `/`, which
/// the module that starts the wasm builds from its own URL (`lang/` beside it).
#[wasm_bindgen(js_name = languageFiles)]
pub fn language_files(folder: String) {
    languages::set_files_at(folder);
}

fn warn(messages: &[String]) {
    for message in messages {
        web_sys::console::warn_1(&JsValue::from_str(&format!("article-reader: {message}")));
    }
}
