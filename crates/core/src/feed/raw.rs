//! The JSON Feed 1.1 document as it arrives (<https://jsonfeed.org/version/1.1>), plus the
//! reader's `_article_reader` extension: the fields the reader looks at, picked out of a parsed
//! [`Value`] tree.
//!
//! Every field is a loose [`Value`] on purpose: a field of the wrong type must become a precise
//! problem report about that one item ("`tags` must be an array of strings"), not an error that
//! rejects the whole feed. [`crate::feed::load`] does the checking. Members the reader does not know are
//! dropped; a member written twice counts once, the last time.

use crate::feed::json::{Object, Value};

/// The top-level object of a JSON Feed.
#[derive(Default)]
pub(crate) struct RawFeed {
    pub version: Value,
    pub title: Value,
    pub home_page_url: Value,
    pub description: Value,
    pub language: Value,
    pub expired: Value,
    /// The feed's authors, for items that name none (and JSON Feed 1.0's single `author`).
    pub authors: Value,
    pub author: Value,
    /// The next page of a feed that comes in pages.
    pub next_url: Value,
    pub items: Value,
}

/// One element of `items`.
#[derive(Default)]
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
    pub attachments: Value,
    /// `"_article_reader"`.
    pub extension: Value,
}

/// The reader's extension object on an item, `"_article_reader": { ... }`, for what JSON Feed
/// has no field for. Documented in `docs/feed-format.md`.
#[derive(Default)]
pub(crate) struct RawExtension {
    pub highlights: Value,
    pub image_caption: Value,
    pub image_credit: Value,
    pub image_alt: Value,
    /// In a split feed's index: the chunk file holding the item's body.
    pub chunk: Value,
}

impl RawFeed {
    pub fn from_object(object: Object) -> Self {
        let mut feed = Self::default();
        for (key, value) in object.0 {
            let slot = match key.as_str() {
                "version" => &mut feed.version,
                "title" => &mut feed.title,
                "home_page_url" => &mut feed.home_page_url,
                "description" => &mut feed.description,
                "language" => &mut feed.language,
                "expired" => &mut feed.expired,
                "authors" => &mut feed.authors,
                "author" => &mut feed.author,
                "items" => &mut feed.items,
                "next_url" => &mut feed.next_url,
                _ => continue,
            };
            *slot = value;
        }
        feed
    }
}

impl RawItem {
    pub fn from_object(object: Object) -> Self {
        let mut item = Self::default();
        for (key, value) in object.0 {
            let slot = match key.as_str() {
                "id" => &mut item.id,
                "url" => &mut item.url,
                "external_url" => &mut item.external_url,
                "title" => &mut item.title,
                "content_html" => &mut item.content_html,
                "content_text" => &mut item.content_text,
                "summary" => &mut item.summary,
                "image" => &mut item.image,
                "banner_image" => &mut item.banner_image,
                "date_published" => &mut item.date_published,
                "date_modified" => &mut item.date_modified,
                "authors" => &mut item.authors,
                "author" => &mut item.author,
                "tags" => &mut item.tags,
                "language" => &mut item.language,
                "attachments" => &mut item.attachments,
                "_article_reader" => &mut item.extension,
                _ => continue,
            };
            *slot = value;
        }
        item
    }
}

impl RawExtension {
    pub fn from_object(object: Object) -> Self {
        let mut extension = Self::default();
        for (key, value) in object.0 {
            let slot = match key.as_str() {
                "highlights" => &mut extension.highlights,
                "image_caption" => &mut extension.image_caption,
                "image_credit" => &mut extension.image_credit,
                "image_alt" => &mut extension.image_alt,
                "chunk" => &mut extension.chunk,
                _ => continue,
            };
            *slot = value;
        }
        extension
    }
}
