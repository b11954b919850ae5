//! From JSON text to a validated [`Feed`]: parsing, checking every field, and noting what is
//! wrong precisely enough for a person to fix it.
//!
//! A problem with the document as a whole (not JSON, not a JSON Feed, no `items`) is a
//! [`FeedError`]. A problem with one item skips only that item and is listed as an
//! [`ItemProblem`]; every valid item still loads. Both are data ([`problem`]); `messages`
//! says them in words. `fields` reads an item's fields, each as leniently as it can.

mod fields;
mod limits;
pub mod problem;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::rc::Rc;

#[cfg(feature = "native")]
use crate::content::Native;
use crate::content::References;
use crate::feed::json::{self, Value};
use crate::feed::raw::RawFeed;
use crate::model::{sort_newest_first, Feed};
use crate::platform::Platform;
use crate::url::{Base, SafeUrl};
use fields::{article_from_item, authors_field, link_field, optional_text, LeftOut};
pub use limits::Limits;
pub use problem::{FeedError, Found, ItemProblem, Reason, Shape};

/// A feed that loaded, with the items it had to skip and the fields it had to leave out.
#[derive(Debug)]
pub struct LoadedFeed {
    pub feed: Feed,
    pub skipped: Vec<ItemProblem>,
    /// Optional fields that could not be used: each article shows without them. A problem with
    /// the feed's own fields has position 0.
    pub left_out: Vec<ItemProblem>,
    /// How many items were left out because the feed has more than [`Limits::max_items`].
    pub items_over_limit: usize,
}

impl LoadedFeed {
    /// How many items the feed has and how many the reader shows, when the item limit left some
    /// out.
    pub fn over_limit(&self, limits: &Limits) -> Option<(usize, usize)> {
        (self.items_over_limit > 0).then_some((self.items_over_limit + limits.max_items, limits.max_items))
    }
}

/// Parses and validates a JSON Feed 1.0 or 1.1 document with the default [`Limits`], natively.
#[cfg(feature = "native")]
pub fn load_feed(json: &str) -> Result<LoadedFeed, FeedError> {
    load_feed_from(json, &Limits::default(), &Native, None)
}

/// Parses and validates a JSON Feed 1.0 or 1.1 document, natively.
#[cfg(feature = "native")]
pub fn load_feed_with_limits(json: &str, limits: &Limits) -> Result<LoadedFeed, FeedError> {
    load_feed_from(json, limits, &Native, None)
}

/// Parses and validates a JSON Feed 1.0 or 1.1 document; `platform` reads what the core leaves
/// to the platform's own parsers (see [`Platform`]). `feed_url`, the absolute URL the feed came
/// from, is what its relative URLs (an item's `url`, `external_url`, `image`, `banner_image`, an
/// author's `url`) resolve against; without one they stay relative, to the page.
pub fn load_feed_from(
    json: &str,
    limits: &Limits,
    platform: &dyn Platform,
    feed_url: Option<&str>,
) -> Result<LoadedFeed, FeedError> {
    load_feed_value(parse_document(json, limits)?, limits, platform, feed_url)
}

/// The document's JSON tree, once its size is known to be within the limit.
fn parse_document(json: &str, limits: &Limits) -> Result<Value, FeedError> {
    // A byte-order mark says the text is UTF-8, which it is; it is no part of the JSON.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.len() > limits.max_feed_bytes {
        return Err(FeedError::TooLarge { bytes: json.len(), limit: limits.max_feed_bytes });
    }
    json::parse(json).map_err(|error| FeedError::Syntax {
        line: error.line,
        column: error.column,
        problem: error.problem,
    })
}

/// Validates a JSON Feed document already parsed into a [`Value`] tree (by [`json::parse`], or
/// from an object a host page handed over), exactly as [`load_feed_from`] does its text.
pub fn load_feed_value(
    raw: Value,
    limits: &Limits,
    platform: &dyn Platform,
    feed_url: Option<&str>,
) -> Result<LoadedFeed, FeedError> {
    load_value(raw, limits, platform, feed_url, None)
}

/// [`load_feed_from`] for a later page of a paged feed, `earlier` the pages before it: its
/// articles join theirs (an item whose id is loaded already is skipped, the first one kept),
/// and its problems are numbered with `page`.
pub(crate) fn load_page_from(
    json: &str,
    limits: &Limits,
    platform: &dyn Platform,
    page_url: Option<&str>,
    earlier: (&Feed, usize),
) -> Result<LoadedFeed, FeedError> {
    let raw = parse_document(json, limits)?;
    load_value(raw, limits, platform, page_url, Some(earlier))
}

fn load_value(
    raw: Value,
    limits: &Limits,
    platform: &dyn Platform,
    feed_url: Option<&str>,
    earlier: Option<(&Feed, usize)>,
) -> Result<LoadedFeed, FeedError> {
    let page = earlier.map_or(1, |(_, page)| page);
    let base = Base { url: feed_url, platform };
    let Value::Object(raw) = raw else {
        return Err(FeedError::NotAnObject);
    };
    let raw = RawFeed::from_object(raw);

    match &raw.version {
        // JSON Feed 1.0 named itself with http://, 1.1 with https://.
        Value::String(v)
            if v.strip_prefix("https://")
                .or_else(|| v.strip_prefix("http://"))
                .is_some_and(|rest| rest.starts_with("jsonfeed.org/version/1")) => {}
        Value::Null => return Err(field_error("version", Reason::Missing)),
        other => return Err(field_error("version", Reason::NotAVersion(Found::of(other)))),
    }
    let title = match &raw.title {
        Value::String(t) if !t.trim().is_empty() => t.trim().to_owned(),
        Value::Null => return Err(field_error("title", Reason::Missing)),
        other => return Err(field_error("title", Reason::wrong_type(Shape::NonEmptyString, other))),
    };
    let mut items = match raw.items {
        Value::Array(items) => items,
        Value::Null => return Err(field_error("items", Reason::Missing)),
        other => return Err(field_error("items", Reason::wrong_type(Shape::Array, &other))),
    };

    let items_over_limit = items.len().saturating_sub(limits.max_items);
    items.truncate(limits.max_items);

    // The feed's own authors stand for items that name none.
    let mut feed_left_out = LeftOut::default();
    let feed_authors = authors_field(&raw.authors, &raw.author, &base, &mut feed_left_out);
    // The next page of a paged feed, on the feed's own server like its other URLs; whether it
    // is followed is `paging`'s decision.
    let next_url = feed_left_out.text("next_url", &raw.next_url).and_then(|url| {
        let url = link_field(url, SafeUrl::parse_image)
            .map(|url| url.and_then(|url| base.resolve(url, SafeUrl::parse_image)));
        feed_left_out.keep("next_url", url).flatten()
    });
    let mut left_out: Vec<ItemProblem> = feed_left_out
        .0
        .into_iter()
        .map(|(field, reason)| ItemProblem { page, position: 0, id: None, field, reason })
        .collect();

    let mut articles = earlier.map_or_else(Vec::new, |(feed, _)| feed.articles.clone());
    articles.reserve(items.len());
    let mut skipped = Vec::new();
    let mut seen_ids = HashSet::with_capacity(articles.len() + items.len());
    for article in &articles {
        seen_ids.insert(article.id.clone());
    }
    let mut references = References::new(platform);
    for (index, item) in items.into_iter().enumerate() {
        let position = index + 1;
        match article_from_item(item, limits, &base, &mut references) {
            Ok((mut article, fields)) => {
                let id = || Some(article.id.as_str().to_owned());
                left_out.extend(fields.0.into_iter().map(|(field, reason)| ItemProblem {
                    page,
                    position,
                    id: id(),
                    field,
                    reason,
                }));
                if article.authors.is_empty() {
                    article.authors = feed_authors.clone();
                }
                if seen_ids.insert(article.id.clone()) {
                    articles.push(Rc::new(article));
                    continue;
                }
                let earlier_page =
                    earlier.is_some_and(|(feed, _)| feed.article(article.id.as_str()).is_some());
                skipped.push(ItemProblem {
                    page,
                    position,
                    id: Some(article.id.as_str().to_owned()),
                    field: "id",
                    reason: Reason::RepeatedId { earlier_page },
                });
            }
            Err((id, field, reason)) => skipped.push(ItemProblem { page, position, id, field, reason }),
        }
    }
    sort_newest_first(&mut articles);

    Ok(LoadedFeed {
        feed: Feed {
            title,
            description: optional_text(&raw.description),
            home_page_url: raw
                .home_page_url
                .as_str()
                .and_then(SafeUrl::parse)
                .and_then(|url| base.resolve(url, SafeUrl::parse)),
            language: raw.language.as_str().and_then(fields::language_tag),
            expired: matches!(raw.expired, Value::Bool(true)),
            next_url,
            articles,
        },
        skipped,
        left_out,
        items_over_limit,
    })
}

fn field_error(field: &'static str, reason: Reason) -> FeedError {
    FeedError::Field { field, reason }
}
