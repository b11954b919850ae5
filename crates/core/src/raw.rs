//! The JSON Feed 1.1 document as it arrives (<https://jsonfeed.org/version/1.1>), plus the
//! reader's `_article_reader` extension. The only serde types in the crate.
//!
//! Every field is a loose [`Value`] on purpose: a field of the wrong type must become a precise
//! problem report about that one item ("`tags` must be an array of strings"), not a serde error
//! that rejects the whole feed. [`crate::load`] does the checking.

use serde::Deserialize;
use serde_json::Value;

/// The top-level object of a JSON Feed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct RawFeed {
    pub version: Value,
    pub title: Value,
    pub home_page_url: Value,
    pub description: Value,
    pub language: Value,
    pub items: Value,
}

/// One element of `items`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct RawItem {
    pub id: Value,
    pub url: Value,
    pub external_url: Value,
    pub title: Value,
    pub content_html: Value,
    pub content_text: Value,
    pub summary: Value,
    pub image: Value,
    pub banner_image: Value,
    pub date_published: Value,
    pub date_modified: Value,
    pub authors: Value,
    /// JSON Feed 1.0's single author, still common in the wild.
    pub author: Value,
    pub tags: Value,
    pub language: Value,
    #[serde(rename = "_article_reader")]
    pub extension: Value,
}

/// The reader's extension object on an item, `"_article_reader": { ... }`, for what JSON Feed
/// has no field for. Documented in `docs/feed-format.md`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct RawExtension {
    pub highlights: Value,
    pub image_caption: Value,
    pub image_credit: Value,
    pub image_alt: Value,
    /// In a split feed's index: the chunk file holding the item's body.
    pub chunk: Value,
}
