//! Article bodies: the small, safe document tree the reader renders, and the ways a feed's
//! `content_html` or `content_text` becomes one.
//!
//! The reader never hands feed HTML to the browser's document. A WHATWG parser builds an inert
//! tree of it (the browser's `DOMParser` in the app, html5ever natively), and one allowlist walk
//! over that tree ([`walk`]) keeps paragraphs, headings, lists, description lists, quotes,
//! preformatted text, figures with captions, tables, emphasis, code and the phrase elements
//! (`sup`, `del`, `abbr`, …), links, images with their candidates and size, audio and video
//! players, anchors for links into the article, and line breaks, with only the attributes the
//! allowlist names; every other element is dropped, keeping its text, and elements that carry
//! code or foreign content (`script`, `style`, `iframe`, `svg`, …) are dropped with everything
//! inside them. Link and image URLs pass through
//! [`SafeUrl`](crate::url::SafeUrl), so no attribute a feed writes can run script. The lists
//! themselves live in [`crate::content::allowlist`], shared with the importer's sanitiser.
//!
//! - [`allowlist`]: the elements, attributes and URL schemes kept (shared with the importer);
//! - [`attachments`]: an item's attachments as players and downloads;
//! - [`blocks`]: the block model ([`Block`], [`Inline`]), its text, and plain text read into
//!   paragraphs;
//! - [`node`]: the node trait every parser implements;
//! - [`walk`]: the allowlist walk over it, from a parsed `body` to blocks;
//! - `srcset`: an image's candidates read and checked;
//! - `inline_code`: event handlers and styles taken out of markup before a parser reads it;
//! - [`native`]: html5ever behind that trait, and the native
//!   [`Platform`](crate::platform::Platform) (the `native` feature, on by default);
//! - [`whitespace`]: whitespace collapsed as a browser renders it;
//! - [`search_text`]: the quick scan that gives search a body's text at load, over the pieces of
//!   `scan`.

pub mod allowlist;
pub mod attachments;
pub mod blocks;
mod inline_code;
#[cfg(feature = "native")]
pub mod native;
pub mod node;
mod scan;
pub mod search_text;
mod srcset;
pub mod walk;
mod whitespace;

pub use blocks::{
    block_text, blocks_from_text, plain_text, Block, BodyImage, Definition, Inline, Media, Span, TableCell,
};
pub use inline_code::without_inline_code;
#[cfg(feature = "native")]
pub use native::{blocks_from_html, Native};
pub use node::{HtmlNode, NodeKind};
pub use search_text::{search_text, References};
pub use srcset::srcset;
pub use walk::blocks_from_body;
