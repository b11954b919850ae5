//! How a reader's first render begins, and what it knows of the browser then.
//!
//! Render functions touch no web API (ARCHITECTURE.md's invariant): what only the browser knows
//! (the remembered preferences, the URL fragment, the browser's language) reaches the reader as a
//! [`Start`] in its props, read by the code that mounts it, or, after a hydration, in an effect.
//! So the server renderer runs every render natively, and a hydrating reader's first render is
//! exactly the server's.

use article_reader_core::feed::json::{self, Object, Value};
use article_reader_core::{FeedLocation, ReaderOptions, Routing};

use crate::feed_source::BUNDLED_FEED;
use crate::feed_state::prefs_scope;
use crate::prefs::Prefs;

/// What the browser knew when a reader was mounted into an empty element.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BrowserState {
    /// The browser's preferred language (`navigator.language`).
    pub language: String,
    /// The URL fragment, for a reader routing by it.
    pub fragment: Option<String>,
    /// What is remembered for the reader's feed.
    pub prefs: Prefs,
}

impl BrowserState {
    /// Reads the browser's state for a reader with `options`.
    pub fn read(options: &ReaderOptions) -> BrowserState {
        let window = gloo::utils::window();
        BrowserState {
            language: browser_language(),
            fragment: (options.routing == Routing::Hash)
                .then(|| window.location().hash().unwrap_or_default()),
            prefs: Prefs::load(&prefs_scope(&options.feed())),
        }
    }
}

/// The browser's preferred language, for dates and the interface when the host sets none.
pub fn browser_language() -> String {
    gloo::utils::window().navigator().language().unwrap_or_else(|| "en".to_owned())
}

#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    /// Into an empty element, with what the browser knew then.
    Fresh(BrowserState),
    /// Attaching to the HTML the server renderer wrote for a page in `language`: the first
    /// render is the server's, and what the browser knows follows in the next one. `route` is a
    /// reader's fragment (`#/article/…`) that a click on that HTML asked for before the wasm came.
    Hydrate { language: String, route: Option<String> },
    /// The server renderer, writing HTML for a page in `language` at the reader's `fragment`
    /// (none: where the reader starts), for before the wasm (or without it): the controls that
    /// need the wasm look unusable until it hydrates.
    Server { language: String, fragment: Option<String> },
}

impl Default for Start {
    fn default() -> Start {
        Start::Fresh(BrowserState::default())
    }
}

impl Start {
    /// The language the reader takes for the browser's in its first render.
    pub fn language(&self) -> &str {
        match self {
            Start::Fresh(browser) => &browser.language,
            Start::Hydrate { language, .. } | Start::Server { language, .. } => language,
        }
    }
}

/// A key for what a reader's first render shows: its options (the inline feed and, for the
/// bundled feed, its text among them) and the language it takes for the browser's. The server
/// renderer writes it on its HTML; a reader hydrates that HTML only when its own key is the same,
/// so a page that changed (a stale cache, other options) is rendered anew, never mismatched.
pub fn prerender_key(options: &ReaderOptions, language: &str) -> String {
    let values = options.values().into_iter().map(|(name, value)| (name.to_owned(), value)).collect();
    let mut hash = Fnv::default();
    hash.write(json::to_string(&Value::Object(Object(values))).as_bytes());
    hash.write(language.as_bytes());
    match options.feed() {
        Ok(FeedLocation::Bundled) => hash.write(BUNDLED_FEED.as_bytes()),
        Ok(FeedLocation::Text(text)) => hash.write(text.as_bytes()),
        _ => hash.write(options.inline.as_deref().unwrap_or_default().as_bytes()),
    }
    format!("{:016x}", hash.0)
}

/// FNV-1a, 64 bits: enough to tell one page's HTML from another's, and a few lines.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes.iter().chain([0xff].iter()) {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
