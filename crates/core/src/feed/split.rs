//! The split form of a feed, for feeds too large to ship as one file (100,000 articles of 3 KB
//! are 300 MB of JSON): an index that the feed view, the filter and the search need, and the
//! bodies in chunk files fetched when an article opens.
//!
//! Both parts are JSON Feed 1.1 documents, so each can be read by the same validator:
//! - `index.json`: every item without its body, highlights, authors, URLs and caption,
//!   and with `"_article_reader": { "chunk": "chunks/0007.json" }` naming its chunk (relative to
//!   the index). Search in a split feed covers what the index holds: titles, summaries and tags.
//! - `chunks/NNNN.json`: a feed of `per_chunk` complete items (ids, bodies, highlights), in the
//!   index's order.

use crate::feed::json::{self, Object, Value};

use crate::feed::load::{load_feed_from, FeedError, Limits};
use crate::platform::Plain;

/// Articles per chunk file unless told otherwise: about 200 KB of JSON for 3 KB bodies. Opening an
/// article fetches and reads its whole chunk, so this is a trade of file count for the time to
/// the body: with 100 an article of the benchmark's 100,000 took 76 to 100 ms, against a target
/// of 100 ms; with 50, 2,000 files.
pub const DEFAULT_PER_CHUNK: usize = 50;

/// A feed in split form: the index's JSON, and each chunk's file name (relative to the index)
/// with its JSON.
#[derive(Debug)]
pub struct SplitFeed {
    pub index: String,
    pub chunks: Vec<(String, String)>,
}

/// Splits a JSON Feed into an index and chunks of `per_chunk` items. The feed is validated first,
/// so only items the reader accepts are split; the ones it would skip are left out of both parts.
/// The whole feed may be as large as it likes (that is why it is split); each item keeps the
/// reader's limits.
pub fn split_feed(json: &str, per_chunk: usize) -> Result<SplitFeed, FeedError> {
    let limits = Limits { max_feed_bytes: usize::MAX, max_items: usize::MAX, ..Limits::default() };
    let loaded = load_feed_from(json, &limits, &Plain, None)?;
    let kept: std::collections::HashSet<&str> = loaded.feed.articles.iter().map(|a| a.id.as_str()).collect();
    let Ok(Value::Object(mut document)) = json::parse(json) else {
        return Err(FeedError::NotAnObject);
    };
    let items = match document.remove("items") {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    let per_chunk = per_chunk.max(1);
    let mut index_items = Vec::with_capacity(items.len());
    let mut chunk_items: Vec<Vec<Value>> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for item in items {
        let Value::Object(full) = item else { continue };
        let id = match full.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.clone(),
            _ => continue,
        };
        if !kept.contains(id.as_str()) || !seen.insert(id) {
            continue;
        }
        let chunk = index_items.len() / per_chunk;
        let name = chunk_name(chunk);
        // The index keeps what a feed card, the filter and the search need; the article view's
        // extras (body, highlights, authors, links, caption) come with the chunk. Every byte of
        // the index is read before the first card: the URLs alone were an eighth of it.
        let mut entry = full.clone();
        for field in ["content_html", "content_text", "authors", "author", "url", "external_url"] {
            entry.remove(field);
        }
        entry.remove("_article_reader");
        let extension = Object(vec![("chunk".to_owned(), Value::String(name))]);
        entry.insert("_article_reader", Value::Object(extension));
        index_items.push(Value::Object(entry));
        if chunk_items.len() <= chunk {
            chunk_items.push(Vec::new());
        }
        chunk_items[chunk].push(Value::Object(full));
    }
    let with_items = |items: Vec<Value>| {
        let mut doc = document.clone();
        doc.insert("items", Value::Array(items));
        json::to_string(&Value::Object(doc))
    };
    let chunks =
        chunk_items.into_iter().enumerate().map(|(n, items)| (chunk_name(n), with_items(items))).collect();
    Ok(SplitFeed { index: with_items(index_items), chunks })
}

impl SplitFeed {
    /// Every file of the split form, as (path relative to the output folder, contents):
    /// `index.json` first, then the chunks.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        std::iter::once(("index.json", self.index.as_str()))
            .chain(self.chunks.iter().map(|(name, json)| (name.as_str(), json.as_str())))
    }
}

fn chunk_name(n: usize) -> String {
    format!("chunks/{n:04}.json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::load::load_feed;

    fn feed(n: usize) -> String {
        let items: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"id": "a{i}", "title": "T{i}", "url": "https://news.example/a{i}", "content_html": "<p>Body {i}</p>", "date_published": "2025-01-{:02}T00:00:00Z", "tags": ["x"], "_article_reader": {{"highlights": ["h"], "image_caption": "c"}}}}"#,
                    1 + i % 28
                )
            })
            .collect();
        format!(
            r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [{}, {{"id": ""}}]}}"#,
            items.join(",")
        )
    }

    #[test]
    fn splits_into_an_index_and_chunks_that_both_load() {
        let split = split_feed(&feed(5), 2).unwrap_or_else(|e| panic!("{e:?}"));
        let names: Vec<&str> = split.chunks.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["chunks/0000.json", "chunks/0001.json", "chunks/0002.json"]);

        let index = load_feed(&split.index).unwrap_or_else(|e| panic!("index: {e:?}"));
        assert!(index.skipped.is_empty(), "{:?}", index.skipped);
        assert_eq!(index.feed.articles.len(), 5, "the item without an id is left out");
        for article in &index.feed.articles {
            assert!(article.body.is_empty() && article.highlights.is_empty(), "no bodies in the index");
            assert!(article.image.is_none(), "captions come with the chunk");
            assert!(article.url.is_none(), "links come with the chunk");
            let n: usize = article.id.as_str()[1..].parse().unwrap_or(usize::MAX);
            assert_eq!(
                article.body_chunk.as_ref().map(|u| u.as_str().to_owned()),
                Some(format!("chunks/{:04}.json", n / 2))
            );
        }
        let chunk = load_feed(&split.chunks[2].1).unwrap_or_else(|e| panic!("chunk: {e:?}"));
        let ids: Vec<&str> = chunk.feed.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a4"]);
        assert_eq!(chunk.feed.articles[0].highlights, ["h"]);
        assert_eq!(chunk.feed.articles[0].url.as_ref().map(|u| u.as_str()), Some("https://news.example/a4"));
        assert!(!chunk.feed.articles[0].body.is_empty());
    }

    #[test]
    fn refuses_what_the_reader_would_refuse() {
        assert!(split_feed("{", 10).is_err());
        assert!(split_feed(r#"{"version": "https://jsonfeed.org/version/1.1", "title": "F"}"#, 10).is_err());
    }
}
