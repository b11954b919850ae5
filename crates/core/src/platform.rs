//! What the core asks of the platform it runs on: the readers a browser has and the core does
//! not carry. The app implements [`Platform`] with the browser's own (`crates/ui/src/platform.rs`);
//! natively `content::native::Native` uses html5ever and the url crate. This module is a leaf:
//! the trait names what is asked, and the parsers that answer live beside their libraries. So the core holds no table of HTML's
//! 2,231 named character references and no URL parser, and reads both exactly as the browser
//! that shows the article does.

/// The platform's parsers.
pub trait Platform {
    /// The text a character reference in running text stands for, as the platform's HTML
    /// parser reads it: `"&eacute;"` is `"é"`, `"&#146;"` is `"’"`, `"&notit;"` is `"¬it;"`, and
    /// what is no reference stays as written.
    fn decode_reference(&self, reference: &str) -> String;

    /// `reference` resolved against the absolute URL `base`, as the WHATWG URL parser does
    /// (`"../a.png"` against `"https://e.com/news/feed.json"` is `"https://e.com/a.png"`);
    /// `None` when it cannot be (a base that is no hierarchical URL, such as `blob:`).
    fn resolve_url(&self, reference: &str, base: &str) -> Option<String>;
}

/// A platform that reads nothing: character references stay as written, relative URLs
/// relative.
#[derive(Clone, Copy, Debug, Default)]
pub struct Plain;

impl Platform for Plain {
    fn decode_reference(&self, reference: &str) -> String {
        reference.to_owned()
    }

    fn resolve_url(&self, _reference: &str, _base: &str) -> Option<String> {
        None
    }
}
