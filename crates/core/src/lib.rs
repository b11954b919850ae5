//! The pure core of article-reader: everything the reader knows that is not about a browser.
//!
//! Its rooms, by job:
//!
//! - [`feed`]: reading a feed. [`json`](feed::json) parses, [`load`](feed::load) turns JSON
//!   Feed text into a validated [`Feed`] and lists what it skipped as data,
//!   [`paging`](feed::paging) adds a paged feed's later pages, [`split`](feed::split) writes a
//!   large feed as an index and chunks, [`source`](feed::source) says where a feed comes from
//!   and what can go wrong fetching it, and [`retry`](feed::retry) which of those failures to
//!   try again, and when;
//! - [`content`]: an article's body, the safe tree a feed's HTML or text becomes, the
//!   [`allowlist`](content::allowlist) of what it keeps, and the
//!   [`attachments`](content::attachments) that become players;
//! - [`lists`]: what the feed view shows: [`tags`](lists::tags) indexed,
//!   [`filter`](lists::filter) and [`search`](lists::search) selecting,
//!   [`selection`](lists::selection) answering a query with its counts,
//!   [`indexed`](lists::indexed) building a loaded feed's indexes once, and
//!   [`reading`](lists::reading) (reading time, related articles, neighbours);
//! - [`interface`]: what a host and a person ask of a reader and what it says back:
//!   [`options`](interface::options), [`route`](interface::route) and
//!   [`fragment`](interface::fragment), [`shortcuts`](interface::shortcuts),
//!   [`prefs`](interface::prefs) and [`prefs_merge`](interface::prefs_merge), the reading
//!   settings ([`typography`](interface::typography)), and every string it shows:
//!   [`text`](interface::text), [`messages`](interface::messages) (what went wrong) and
//!   [`words`](interface::words);
//! - and the leaves every room uses: [`model`] (the domain types), [`date`] and [`url`] (the
//!   small parsers), and [`platform`] (what the core asks of the platform's own parsers).
//!
//! Architecture invariant: this crate knows nothing of Yew, web-sys or wasm-bindgen, and builds
//! and tests natively with plain `cargo test`. In the wasm build it has no dependencies (JSON is
//! read by [`feed::json`]; see there why); natively its `native` feature, on by default, adds
//! html5ever, markup5ever_rcdom and url, the parsers the importer, the tests and the fuzzers read
//! HTML and URLs with ([`content::native`]).

#![deny(missing_debug_implementations)]
// The size rules (clippy.toml), for the code the shipped wasm is built from: off in native
// builds and tests, which may use the standard library freely.
#![cfg_attr(
    all(target_arch = "wasm32", not(test)),
    warn(clippy::disallowed_methods, clippy::disallowed_types)
)]

pub mod content;
pub mod date;
pub mod feed;
pub mod interface;
pub mod lists;
pub mod model;
pub mod platform;
pub mod url;

pub use content::{Block, Inline};
pub use date::Timestamp;
#[cfg(feature = "native")]
pub use feed::load::{load_feed, load_feed_with_limits};
pub use feed::load::{
    load_feed_from, load_feed_value, FeedError, Found, ItemProblem, Limits, LoadedFeed, Reason, Shape,
};
pub use feed::paging::{Pages, MAX_PAGES};
pub use feed::source::{FailureKind, FeedLocation, LoadFailure, Progress, UnusableAddress};
pub use interface::options::{
    Applied, Command, Controls, Layout, OpenMode, OptionSpec, ReaderOptions, Routing, Theme, OPTIONS,
};
pub use interface::route::{Navigation, ReaderEvent, Route};
pub use interface::words::{group_digits, human_bytes, quote};
pub use lists::filter::{MatchMode, TagFilter};
pub use lists::search::{Query, SearchIndex};
pub use lists::selection::{FeedQuery, ReadSet, Selection, Selector};
pub use lists::tags::{TagEntry, TagIndex};
pub use model::{Article, ArticleId, Attachment, Author, Body, Feed, Image, Tag, TagKey};
pub use platform::Platform;
pub use url::SafeUrl;

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
                Some(std::rc::Rc::new(Article {
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
                }))
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
