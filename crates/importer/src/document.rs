//! The JSON Feed 1.1 document the importer writes: exactly the fields the reader understands
//! (see `docs/feed-format.md`), absent fields left out; and the same feed cut into pages linked
//! by `next_url`.

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
    /// The next page, when the feed is written in pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_url: Option<String>,
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
    /// The feed in pages of at most `page_size` items (at least one page), each named after
    /// `file` (`feed.json`, `feed-2.json`, …) and linking the next by its file name, relative,
    /// as the pages lie side by side.
    pub fn pages(&self, file: &str, page_size: usize) -> Vec<(String, Document)> {
        let chunks: Vec<&[Item]> =
            if self.items.is_empty() { vec![&[]] } else { self.items.chunks(page_size.max(1)).collect() };
        let count = chunks.len();
        chunks
            .into_iter()
            .enumerate()
            .map(|(index, items)| {
                let page = Document {
                    next_url: (index + 1 < count).then(|| page_name(file, index + 2)),
                    items: items.to_vec(),
                    ..self.clone()
                };
                (page_name(file, index + 1), page)
            })
            .collect()
    }

    /// The document as the JSON text the reader loads, indented for people who read it.
    pub fn to_json(&self) -> String {
        // Serializing plain strings, vectors and options cannot fail; an empty document would
        // still be caught by the reader's validator that every output passes through.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The file name of page `number` of the feed written to `file`: `file` itself for the first,
/// then `feed-2.json` beside `feed.json`.
pub fn page_name(file: &str, number: usize) -> String {
    if number <= 1 {
        return file.to_owned();
    }
    match file.rfind('.').filter(|&dot| dot > 0) {
        Some(dot) => format!("{}-{number}{}", &file[..dot], &file[dot..]),
        None => format!("{file}-{number}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(items: usize) -> Document {
        Document {
            version: JSON_FEED_VERSION,
            title: "Paged".to_owned(),
            home_page_url: None,
            description: Some("All of it".to_owned()),
            language: None,
            next_url: None,
            items: (1..=items)
                .map(|n| Item {
                    id: format!("i{n}"),
                    content_text: Some(format!("Item {n}")),
                    ..Item::default()
                })
                .collect(),
        }
    }

    #[test]
    fn pages_are_named_after_the_file() {
        let cases = [
            ("feed.json", 1, "feed.json"),
            ("feed.json", 2, "feed-2.json"),
            ("news.feed.json", 12, "news.feed-12.json"),
            ("feed", 3, "feed-3"),
            (".json", 2, ".json-2"),
        ];
        for (file, number, expected) in cases {
            assert_eq!(page_name(file, number), expected, "{file} {number}");
        }
    }

    #[test]
    fn a_feed_in_pages_links_each_to_the_next() {
        let pages = feed(5).pages("feed.json", 2);
        let seen: Vec<(&str, Vec<&str>, Option<&str>)> = pages
            .iter()
            .map(|(name, page)| {
                (name.as_str(), page.items.iter().map(|i| i.id.as_str()).collect(), page.next_url.as_deref())
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("feed.json", vec!["i1", "i2"], Some("feed-2.json")),
                ("feed-2.json", vec!["i3", "i4"], Some("feed-3.json")),
                ("feed-3.json", vec!["i5"], None),
            ]
        );
        assert!(pages.iter().all(|(_, page)| page.title == "Paged" && page.description.is_some()));
    }

    #[test]
    fn a_small_or_empty_feed_is_one_page() {
        for items in [0, 3] {
            let pages = feed(items).pages("feed.json", 3);
            assert_eq!(pages.len(), 1, "{items} items");
            assert_eq!(pages[0].1, feed(items), "{items} items");
        }
    }

    #[test]
    fn every_page_is_a_feed_the_reader_loads_and_follows() {
        for (name, page) in feed(3).pages("feed.json", 2) {
            let loaded =
                article_reader_core::load_feed(&page.to_json()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert!(loaded.skipped.is_empty() && loaded.left_out.is_empty(), "{name}");
            let next = loaded.feed.next_url.as_ref().map(|url| url.as_str().to_owned());
            assert_eq!(next, page.next_url, "{name}");
        }
    }
}
