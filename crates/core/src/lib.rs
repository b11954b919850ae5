//! The pure core of article-reader: everything the reader knows that is not about a browser.
//!
//! - [`load`] turns JSON Feed text into a validated [`Feed`], listing skipped items as data, and
//!   [`paging`] adds the later pages of a feed that comes in pages;
//! - [`text`] holds every string of the interface in its languages, [`messages`] says what went
//!   wrong with a feed in them, [`words`] the pieces both write with;
//! - [`model`] holds the domain types, [`content`] the safe article body tree, [`allowlist`]
//!   the HTML elements, attributes and URL schemes it keeps;
//! - [`tags`] indexes tags, [`filter`] selects articles by tag, [`search`] by words, and
//!   [`indexed`] builds a loaded feed's indexes once;
//! - [`route`] maps URL fragments to routes and back, and [`fragment`] says which of a page's
//!   readers routes by its fragment;
//! - [`source`] says where a feed comes from and what can go wrong fetching it;
//!   [`retry`] which of those failures to try again, and when;
//! - [`options`] reads what a host asks of a reader (attributes, query string), and
//!   [`shortcuts`] what a key does;
//! - [`prefs`] is what a reader remembers of a feed, as a state machine, and [`prefs_merge`]
//!   merges what two tabs remember of it (follows, read marks, settings);
//! - [`json`], [`date`] and [`url`] are the small parsers those need, and [`platform`] what the
//!   core asks of the platform's own (HTML character references).
//!
//! Architecture invariant: this crate knows nothing of Yew, web-sys or wasm-bindgen, and builds
//! and tests natively with plain `cargo test`. In the wasm build it has no dependencies (JSON is
//! read by [`json`]; see there why); natively its `native` feature, on by default, adds
//! html5ever, markup5ever_rcdom and url, the parsers the importer, the tests and the fuzzers read
//! HTML and URLs with ([`content::native`]).

#![deny(missing_debug_implementations)]
// The size rules (clippy.toml), for the code the shipped wasm is built from: off in native
// builds and tests, which may use the standard library freely.
#![cfg_attr(
    all(target_arch = "wasm32", not(test)),
    warn(clippy::disallowed_methods, clippy::disallowed_types)
)]

pub mod allowlist;
pub mod attachments;
pub mod case;
pub mod content;
pub mod date;
pub mod filter;
pub mod fragment;
pub mod indexed;
pub mod json;
pub mod load;
pub mod messages;
pub mod model;
pub mod options;
mod order;
pub mod paging;
pub mod platform;
pub mod prefs;
pub mod prefs_merge;
mod raw;
pub mod reading;
pub mod retry;
pub mod route;
pub mod search;
pub mod selection;
pub mod shortcuts;
pub mod source;
pub mod split;
pub mod tags;
pub mod text;
pub mod typography;
pub mod url;
pub mod words;

pub use content::{Block, Inline};
pub use date::Timestamp;
pub use filter::{MatchMode, TagFilter};
#[cfg(feature = "native")]
pub use load::{load_feed, load_feed_with_limits};
pub use load::{
    load_feed_from, load_feed_value, FeedError, Found, ItemProblem, Limits, LoadedFeed, Reason, Shape,
};
pub use model::{Article, ArticleId, Attachment, Author, Body, Feed, Image, Tag, TagKey};
pub use options::{
    Applied, Command, Controls, Layout, OpenMode, OptionSpec, ReaderOptions, Routing, Theme, OPTIONS,
};
pub use paging::{Pages, MAX_PAGES};
pub use platform::Platform;
pub use route::{Navigation, ReaderEvent, Route};
pub use search::{Query, SearchIndex};
pub use selection::{FeedQuery, ReadSet, Selection, Selector};
pub use source::{FailureKind, FeedLocation, LoadFailure, Progress, UnusableAddress};
pub use tags::{TagEntry, TagIndex};
pub use url::SafeUrl;
pub use words::{group_digits, human_bytes, quote};

#[cfg(test)]
pub(crate) mod test_support {
    use crate::content::{Block, Inline};
    use crate::model::{Article, ArticleId, Body, Feed, Tag};

    pub fn text(t: &str) -> Inline {
        Inline::Text(t.to_owned())
    }

    /// A paragraph of one run of text.
    pub fn para(t: &str) -> Block {
        Block::Paragraph(vec![text(t)])
    }

    /// An image with only a source, a description and perhaps a title.
    pub fn image(src: &str, alt: &str, title: Option<&str>) -> Inline {
        Inline::Image(Box::new(crate::content::BodyImage {
            src: url(src),
            srcset: None,
            sizes: None,
            width: None,
            height: None,
            alt: alt.to_owned(),
            title: title.map(str::to_owned),
        }))
    }

    /// A URL a test knows to be safe.
    pub fn url(u: &str) -> crate::url::SafeUrl {
        crate::url::SafeUrl::parse(u).unwrap_or_else(|| panic!("fixture URL {u} is unsafe"))
    }

    /// A feed of untitled, undated articles with the given ids and tags, in that order.
    pub fn feed_of(articles: &[(&str, &[&str])]) -> Feed {
        let articles = articles
            .iter()
            .filter_map(|(id, tags)| {
                Some(Article {
                    id: ArticleId::new(*id)?,
                    title: id.to_string(),
                    summary: None,
                    highlights: Vec::new(),
                    body: Body::default(),
                    body_chunk: None,
                    published: None,
                    updated: None,
                    image: None,
                    banner: None,
                    tags: tags.iter().filter_map(|t| Tag::new(t)).collect(),
                    url: None,
                    external_url: None,
                    authors: Vec::new(),
                    language: None,
                    attachments: Vec::new(),
                })
            })
            .collect();
        Feed {
            title: "Test".to_owned(),
            description: None,
            home_page_url: None,
            language: None,
            expired: false,
            next_url: None,
            articles,
        }
    }
}
