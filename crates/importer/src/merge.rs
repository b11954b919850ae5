//! Many imported feeds into one document: duplicates dropped (by id, then by URL), newest
//! first, cut to the item limit, titled, and checked by the reader's own validator so that the
//! reader loads every item written.

use std::collections::HashSet;

use article_reader_core::interface::text::Ui;
use article_reader_core::load_feed;

use crate::convert::{ImportedFeed, ImportedItem, Origin};
use crate::document::{Document, JSON_FEED_VERSION};

/// What the command line asks of the merged feed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// The feed's title; by default the input's own (or the inputs' titles joined).
    pub title: Option<String>,
    /// Keep only this many of the newest items.
    pub max_items: Option<usize>,
}

/// The merged feed as the JSON text to write, with what happened on the way.
#[derive(Debug)]
pub struct Merged {
    pub json: String,
    /// The document `json` writes.
    pub document: Document,
    pub item_count: usize,
    /// Items left out, one sentence each (duplicates, items over the limit, items the reader
    /// would refuse).
    pub notes: Vec<String>,
    /// Items the reader's validator refused: a bug in the importer if ever non-empty, reported
    /// as warnings.
    pub refused: Vec<String>,
}

/// The title used when neither the command line nor any input gives one.
pub const FALLBACK_TITLE: &str = "Imported articles";

/// Merges `feeds` (in the order they were given) into one validated document.
pub fn merge(feeds: Vec<ImportedFeed>, options: &MergeOptions) -> Merged {
    let mut notes = Vec::new();
    let title = options.title.clone().filter(|t| !t.trim().is_empty()).map(|t| t.trim().to_owned());
    let title = title.unwrap_or_else(|| default_title(&feeds));
    let single = (feeds.len() == 1).then(|| &feeds[0]);
    let home_page_url = single.and_then(|f| f.home_page_url.clone());
    let description = single.and_then(|f| f.description.clone());
    let mut languages: Vec<&str> = feeds.iter().filter_map(|f| f.language.as_deref()).collect();
    languages.dedup();
    let language =
        (languages.len() == 1 && feeds.iter().all(|f| f.language.is_some())).then(|| languages[0].to_owned());

    let mut items = deduplicate(feeds.into_iter().flat_map(|f| f.items), &mut notes);
    // Newest first; the sort is stable, so undated items keep their input order, last.
    items.sort_by_key(|item| std::cmp::Reverse(item.sort_key.map_or(i128::MIN, i128::from)));
    if let Some(max) = options.max_items {
        for dropped in items.drain(max.min(items.len())..) {
            notes.push(format!("{}: past the {max} newest items; left out", dropped.origin));
        }
    }

    let mut document = Document {
        version: JSON_FEED_VERSION,
        title,
        home_page_url,
        description,
        language,
        next_url: None,
        items: Vec::new(),
    };
    let (origins, entries): (Vec<Origin>, Vec<_>) = items.into_iter().map(|i| (i.origin, i.item)).unzip();
    document.items = entries;
    let refused = drop_what_the_reader_refuses(&mut document, &origins);
    Merged { json: document.to_json(), item_count: document.items.len(), document, notes, refused }
}

fn default_title(feeds: &[ImportedFeed]) -> String {
    let mut titles: Vec<&str> = Vec::new();
    for title in feeds.iter().filter_map(|f| f.title.as_deref()) {
        if !titles.contains(&title) {
            titles.push(title);
        }
    }
    if titles.is_empty() {
        FALLBACK_TITLE.to_owned()
    } else {
        titles.join(" · ")
    }
}

/// Keeps the first item of each id, then the first of each URL, noting the rest.
fn deduplicate(items: impl Iterator<Item = ImportedItem>, notes: &mut Vec<String>) -> Vec<ImportedItem> {
    let mut kept: Vec<ImportedItem> = Vec::new();
    let mut ids = HashSet::new();
    let mut urls = HashSet::new();
    for item in items {
        let same_id = ids.contains(&item.item.id);
        let same_url = item.item.url.as_ref().is_some_and(|url| urls.contains(url));
        if same_id || same_url {
            let what = if same_id { "id" } else { "URL" };
            let first = kept
                .iter()
                .find(|k| if same_id { k.item.id == item.item.id } else { k.item.url == item.item.url })
                .map_or_else(String::new, |k| format!(" of {}", k.origin));
            notes.push(format!("{}: repeats the {what}{first}; the first is kept", item.origin));
            continue;
        }
        ids.insert(item.item.id.clone());
        if let Some(url) = &item.item.url {
            urls.insert(url.clone());
        }
        kept.push(item);
    }
    kept
}

/// Loads the document with the reader's validator and removes any item it would skip, so the
/// output loads with nothing skipped. Returns a warning per removed item.
fn drop_what_the_reader_refuses(document: &mut Document, origins: &[Origin]) -> Vec<String> {
    let loaded = match load_feed(&document.to_json()) {
        Ok(loaded) => loaded,
        // The document is built from typed fields, so this is a bug, not bad input: say so.
        Err(error) => {
            return vec![format!(
                "the reader cannot load the imported feed: {}",
                Ui::default().feed_error(&error)
            )]
        }
    };
    let mut refused: Vec<(usize, String)> = loaded
        .skipped
        .iter()
        .map(|problem| {
            let origin = origins
                .get(problem.position.saturating_sub(1))
                .map_or_else(|| format!("item {}", problem.position), ToString::to_string);
            (
                problem.position.saturating_sub(1),
                format!(
                    "{origin}: the reader would refuse it: {}; skipped",
                    Ui::default().field_reason(problem.field, &problem.reason)
                ),
            )
        })
        .collect();
    refused.sort_by_key(|(index, _)| std::cmp::Reverse(*index));
    for (index, _) in &refused {
        if *index < document.items.len() {
            document.items.remove(*index);
        }
    }
    refused.into_iter().rev().map(|(_, message)| message).collect()
}
