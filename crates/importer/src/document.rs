//! The JSON Feed 1.1 document the importer writes: exactly the fields the reader understands
//! (see `docs/feed-format.md`), absent fields left out.

use serde::Serialize;

pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Document {
    pub version: &'static str,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_page_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Item {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(rename = "_article_reader", skip_serializing_if = "Extension::is_empty")]
    pub extension: Extension,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Author {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The reader's `_article_reader` item extension (docs/feed-format.md).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Extension {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_credit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_alt: Option<String>,
}

impl Extension {
    pub fn is_empty(&self) -> bool {
        *self == Extension::default()
    }
}

impl Document {
    /// The document as the JSON text the reader loads, indented for people who read it.
    pub fn to_json(&self) -> String {
        // Serializing plain strings, vectors and options cannot fail; an empty document would
        // still be caught by the reader's validator that every output passes through.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
