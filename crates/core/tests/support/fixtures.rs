//! The pieces of an article body the tests of what the reader keeps expect, written short.

use article_reader_core::content::{BodyImage, Inline};
use article_reader_core::SafeUrl;

/// A run of text.
pub fn text(t: &str) -> Inline {
    Inline::Text(t.to_owned())
}

/// A URL a test knows to be safe.
pub fn url(u: &str) -> SafeUrl {
    SafeUrl::parse(u).unwrap_or_else(|| panic!("fixture URL {u} is unsafe"))
}

/// An image with only a source and a description.
pub fn image(src: &str, alt: &str) -> BodyImage {
    BodyImage {
        src: url(src),
        srcset: None,
        sizes: None,
        width: None,
        height: None,
        alt: alt.to_owned(),
        title: None,
    }
}
