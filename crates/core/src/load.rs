//! From JSON text to a validated [`Feed`]: parsing, checking every field, and reporting what is
//! wrong precisely enough for a person to fix it.
//!
//! A problem with the document as a whole (not JSON, not a JSON Feed, no `items`) is a
//! [`FeedError`]. A problem with one item skips only that item and is listed as an
//! [`ItemProblem`]; every valid item still loads.

use std::collections::HashSet;
use std::fmt;

#[cfg(feature = "native")]
use crate::content::Native;
use crate::content::{blocks_from_text, References};
use crate::date::Timestamp;
use crate::json::{self, Value};
use crate::model::{sort_newest_first, Article, ArticleId, Attachment, Author, Body, Feed, Image, Tag};
use crate::platform::Platform;
use crate::raw::{RawExtension, RawFeed, RawItem};
use crate::url::{scheme_of, Base, SafeUrl};

/// Caps that keep a mistaken or hostile feed from exhausting the page. Each one, when hit, is
/// reported in words; none of them makes loading fail silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest document accepted, in bytes (default 64 MiB).
    pub max_feed_bytes: usize,
    /// Items past this many are left out, and the reader says so (default 100,000).
    pub max_items: usize,
    /// The longest `content_html` or `content_text`, in bytes (default 1 MiB).
    pub max_content_bytes: usize,
    /// The longest of any other string in an item (title, summary, tag, URL, …), in bytes
    /// (default 10,000).
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_feed_bytes: 64 * 1024 * 1024,
            max_items: 100_000,
            max_content_bytes: 1024 * 1024,
            max_text_bytes: 10_000,
        }
    }
}

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

    /// The sentence to show when items were left out for the item limit, in English (see
    /// [`crate::text::Ui::over_limit`] for the interface's languages).
    pub fn over_limit_message(&self, limits: &Limits) -> Option<String> {
        let (items, limit) = self.over_limit(limits)?;
        Some(crate::text::Ui::default().over_limit(items, limit))
    }
}

/// Why a document is not a usable feed at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// The text is not JSON; `line` and `column` are 1-based.
    Syntax { line: usize, column: usize, message: String },
    /// The JSON is not an object.
    NotAnObject,
    /// A required top-level field is missing or has the wrong type.
    Field { field: &'static str, reason: String },
    /// The document is larger than [`Limits::max_feed_bytes`].
    TooLarge { bytes: usize, limit: usize },
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::Syntax { line, column, message } => {
                write!(f, "The feed is not valid JSON: {message} (line {line}, column {column}).")
            }
            FeedError::NotAnObject => {
                f.write_str("The feed is not a JSON Feed: the document is not a JSON object.")
            }
            FeedError::Field { field, reason } => write!(f, "The feed's `{field}` {reason}."),
            FeedError::TooLarge { bytes, limit } => write!(
                f,
                "The feed is {}, larger than the {} this reader accepts.",
                human_bytes(*bytes as u64),
                human_bytes(*limit as u64)
            ),
        }
    }
}

impl std::error::Error for FeedError {}

/// One item skipped, or one field left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemProblem {
    /// The page of a paged feed it is on, from 1.
    pub page: usize,
    /// 1-based position in `items`; 0 for a field of the feed itself.
    pub position: usize,
    /// The item's id, when it had a usable one.
    pub id: Option<String>,
    pub field: &'static str,
    pub reason: String,
}

impl fmt::Display for ItemProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.page > 1 {
            write!(f, "page {}, ", self.page)?;
        }
        match self.position {
            0 => f.write_str("the feed")?,
            position => write!(f, "item {position}")?,
        }
        if let Some(id) = &self.id {
            write!(f, " (id {})", quote(&truncate(id, 60)))?;
        }
        write!(f, ": {} {}", self.field, self.reason)
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
        message: error.message.to_owned(),
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
        Value::Null => {
            return Err(field_error(
                "version",
                "is missing; a JSON Feed names its version, such as \"https://jsonfeed.org/version/1.1\"",
            ))
        }
        other => {
            return Err(field_error(
                "version",
                format!(
                    "is {}, not a JSON Feed version URL such as \"https://jsonfeed.org/version/1.1\"",
                    describe(other)
                ),
            ))
        }
    }
    let title = match &raw.title {
        Value::String(t) if !t.trim().is_empty() => t.trim().to_owned(),
        Value::Null => return Err(field_error("title", "is missing")),
        other => {
            return Err(field_error("title", format!("must be a non-empty string, not {}", describe(other))))
        }
    };
    let mut items = match raw.items {
        Value::Array(items) => items,
        Value::Null => return Err(field_error("items", "is missing")),
        other => return Err(field_error("items", format!("must be an array, not {}", describe(&other)))),
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
                    articles.push(article);
                    continue;
                }
                let reason = match earlier {
                    Some((feed, _)) if feed.article(article.id.as_str()).is_some() => {
                        "is an article already loaded from an earlier page; the first one is kept"
                    }
                    _ => "repeats an earlier item's id; the first one is kept",
                };
                skipped.push(ItemProblem {
                    page,
                    position,
                    id: Some(article.id.as_str().to_owned()),
                    field: "id",
                    reason: reason.to_owned(),
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
            language: optional_text(&raw.language),
            expired: matches!(raw.expired, Value::Bool(true)),
            next_url,
            articles,
        },
        skipped,
        left_out,
        items_over_limit,
    })
}

type ItemError = (Option<String>, &'static str, String);

/// The optional fields an item could not use: each is left out, with its field and reason, and
/// the article shows without it.
#[derive(Default)]
struct LeftOut(Vec<(&'static str, String)>);

impl LeftOut {
    /// `value`'s result, or `None` with the reason noted when it has none to give.
    fn keep<T>(&mut self, field: &'static str, value: Result<T, String>) -> Option<T> {
        match value {
            Ok(value) => Some(value),
            Err(reason) => {
                self.0.push((field, reason));
                None
            }
        }
    }

    /// An optional string field: `None` when absent or of another type (noted).
    fn text<'v>(&mut self, field: &'static str, value: &'v Value) -> Option<&'v str> {
        self.keep(field, text_field(value)).flatten()
    }
}

/// The schemes of a `url` that names an article rather than locating it: kept as its identity,
/// never made a link.
const IDENTIFIER_SCHEMES: &[&str] = &["urn", "tag"];

fn is_identifier(url: &str) -> bool {
    scheme_of(url.trim()).is_some_and(|scheme| IDENTIFIER_SCHEMES.contains(&scheme.as_str()))
}

fn article_from_item(
    item: Value,
    limits: &Limits,
    base: &Base,
    references: &mut References,
) -> Result<(Article, LeftOut), ItemError> {
    let link = |url: &str, parse: fn(&str) -> Option<SafeUrl>| {
        link_field(url, parse).map(|url| url.and_then(|url| base.resolve(url, parse)))
    };
    let Value::Object(item) = item else {
        return Err((None, "item", format!("is {}, not an object", describe(&item))));
    };
    let mut raw = RawItem::from_object(item);

    let id = match &raw.id {
        Value::String(s) => ArticleId::new(s.as_str()),
        // JSON Feed says ids are strings; numbers are common in the wild and mean the same.
        Value::Number(n) => ArticleId::new(n.to_string()),
        // Without one, a `urn:` or `tag:` URL is the item's identity.
        Value::Null => {
            raw.url.as_str().filter(|url| is_identifier(url)).and_then(|url| ArticleId::new(url.trim()))
        }
        _ => None,
    };
    let Some(id) = id else {
        let reason = match &raw.id {
            Value::Null => "is missing".to_owned(),
            Value::String(_) => "is blank".to_owned(),
            other => format!("must be a string, not {}", describe(other)),
        };
        return Err((None, "id", reason));
    };
    let fail = |field: &'static str, reason: String| (Some(id.as_str().to_owned()), field, reason);
    check_lengths(&raw, limits).map_err(|(field, reason)| fail(field, reason))?;
    let mut left_out = LeftOut::default();

    let extension = match std::mem::take(&mut raw.extension) {
        Value::Null => RawExtension::default(),
        Value::Object(object) => RawExtension::from_object(object),
        other => {
            left_out.0.push(("_article_reader", format!("must be an object, not {}", describe(&other))));
            RawExtension::default()
        }
    };
    // In a split feed's index the body lives in a chunk file, fetched when the article opens.
    let body_chunk = match text_field(&extension.chunk).map_err(|r| fail("_article_reader.chunk", r))? {
        None => None,
        Some(chunk) => Some(SafeUrl::parse_image(chunk).ok_or_else(|| {
            fail(
                "_article_reader.chunk",
                format!("{} is not an http(s) or relative URL", quote(&truncate(chunk, 60))),
            )
        })?),
    };
    let html = text_field(&raw.content_html).map_err(|r| fail("content_html", r))?;
    let text = text_field(&raw.content_text).map_err(|r| fail("content_text", r))?;
    // HTML is parsed when its article is shown, by the platform's parser (see `Body`).
    let body = match (html, text) {
        (Some(html), _) => Body::Html(html.to_owned()),
        (None, Some(text)) => Body::Blocks(blocks_from_text(text)),
        (None, None) if body_chunk.is_some() => Body::default(),
        (None, None) => {
            return Err(fail(
                "content_html",
                "and content_text are both missing; an item needs one".to_owned(),
            ))
        }
    };

    let summary = left_out.text("summary", &raw.summary).and_then(non_blank);
    let title = left_out.text("title", &raw.title).and_then(non_blank);
    // JSON Feed allows untitled items (microblog posts); the reader still needs a headline.
    let title = match title.or_else(|| summary.as_deref().map(first_words)) {
        Some(title) => title,
        None => first_words(&body.search_text(references)),
    };

    let published =
        left_out.keep("date_published", date_field(&raw.date_published, "the article is undated")).flatten();
    let updated = left_out.keep("date_modified", date_field(&raw.date_modified, "it is left out")).flatten();
    let url = match left_out.text("url", &raw.url) {
        Some(url) if is_identifier(url) => None,
        Some(url) => left_out.keep("url", link(url, SafeUrl::parse)).flatten(),
        None => None,
    };
    let external_url = left_out
        .text("external_url", &raw.external_url)
        .and_then(|url| left_out.keep("external_url", link(url, SafeUrl::parse)).flatten());
    let image = left_out
        .text("image", &raw.image)
        .and_then(|url| left_out.keep("image", link(url, SafeUrl::parse_image)).flatten());
    let banner = left_out
        .text("banner_image", &raw.banner_image)
        .and_then(|url| left_out.keep("banner_image", link(url, SafeUrl::parse_image)).flatten());
    // Without an `image`, the banner is the article's picture in the list too.
    let image_url = image.or_else(|| banner.clone());
    let tags = left_out.keep("tags", tags_field(&raw.tags)).unwrap_or_default();
    let authors = authors_field(&raw.authors, &raw.author, base, &mut left_out);
    let language = left_out.text("language", &raw.language).and_then(non_blank);
    let attachments = attachments_field(&raw.attachments, base, &mut left_out);

    let highlights =
        left_out.keep("_article_reader.highlights", string_list(&extension.highlights)).unwrap_or_default();
    let caption =
        left_out.text("_article_reader.image_caption", &extension.image_caption).and_then(non_blank);
    let credit = left_out.text("_article_reader.image_credit", &extension.image_credit).and_then(non_blank);
    let alt = left_out.text("_article_reader.image_alt", &extension.image_alt).and_then(non_blank);
    let image =
        (image_url.is_some() || caption.is_some()).then_some(Image { url: image_url, alt, caption, credit });

    let article = Article {
        id,
        title,
        summary,
        highlights,
        body,
        body_chunk,
        published,
        updated,
        image,
        banner,
        tags,
        url,
        external_url,
        authors,
        language,
        attachments,
    };
    Ok((article, left_out))
}

/// Checks every string of an item against the length limits before any of it is processed.
fn check_lengths(raw: &RawItem, limits: &Limits) -> Result<(), (&'static str, String)> {
    let content = [("content_html", &raw.content_html), ("content_text", &raw.content_text)];
    for (field, value) in content {
        check_length(field, value, limits.max_content_bytes)?;
    }
    let text = [
        ("id", &raw.id),
        ("url", &raw.url),
        ("external_url", &raw.external_url),
        ("title", &raw.title),
        ("summary", &raw.summary),
        ("image", &raw.image),
        ("banner_image", &raw.banner_image),
        ("date_published", &raw.date_published),
        ("date_modified", &raw.date_modified),
        ("authors", &raw.authors),
        ("author", &raw.author),
        ("tags", &raw.tags),
        ("language", &raw.language),
        ("attachments", &raw.attachments),
        ("_article_reader", &raw.extension),
    ];
    for (field, value) in text {
        check_length(field, value, limits.max_text_bytes)?;
    }
    Ok(())
}

/// Fails when `value`, or any string nested in it, is longer than `max` bytes.
fn check_length(field: &'static str, value: &Value, max: usize) -> Result<(), (&'static str, String)> {
    let longest = longest_string(value);
    if longest > max {
        let what = if value.is_string() { "is" } else { "holds a string of" };
        return Err((
            field,
            format!("{what} {} bytes, over the limit of {}", group_digits(longest), group_digits(max)),
        ));
    }
    Ok(())
}

fn longest_string(value: &Value) -> usize {
    match value {
        Value::String(s) => s.len(),
        Value::Array(values) => values.iter().map(longest_string).max().unwrap_or(0),
        Value::Object(map) => map.iter().map(|(key, v)| key.len().max(longest_string(v))).max().unwrap_or(0),
        _ => 0,
    }
}

/// `1234567` as `1,234,567`.
pub fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A byte count for people: `512 bytes`, `1.5 KiB`, `64 MiB`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} {}", if bytes == 1 { "byte" } else { "bytes" });
    }
    // Integer arithmetic in tenths: no float formatting in the wasm for one decimal place.
    let mut unit = 0;
    let mut divisor: u64 = 1024;
    while bytes / divisor >= 1024 && unit < UNITS.len() - 1 {
        divisor *= 1024;
        unit += 1;
    }
    // (bytes * 10 + divisor / 2) / divisor and (bytes + divisor / 2) / divisor from the quotient
    // and the remainder: exact and without overflow in u64. (u128 arithmetic here and in
    // `source::parse_size` linked 128-bit division and formatting: 1.3 KB brotli of the wasm.)
    let (quotient, remainder) = (bytes / divisor, bytes % divisor);
    let tenths = quotient * 10 + (remainder * 10 + divisor / 2) / divisor;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 || whole >= 100 {
        format!("{} {}", quotient + (remainder + divisor / 2) / divisor, UNITS[unit])
    } else {
        format!("{whole}.{tenth} {}", UNITS[unit])
    }
}

/// Text in double quotes for a message, with quotes, backslashes and control characters
/// escaped so the message shows exactly what the feed holds.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:04x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn field_error(field: &'static str, reason: impl Into<String>) -> FeedError {
    FeedError::Field { field, reason: reason.into() }
}

/// A short description of a JSON value for messages: `the number 5`, `an array`, …
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {}", quote(&truncate(s, 40))),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

fn non_blank(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// A string field, borrowed: bodies are most of a feed's bytes, and copying each one out of the
/// `Value` tree before reading it was a fifth of the loading time's allocation.
fn text_field(value: &Value) -> Result<Option<&str>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        other => Err(format!("must be a string, not {}", describe(other))),
    }
}

fn optional_text(value: &Value) -> Option<String> {
    value.as_str().and_then(non_blank)
}

/// A date field: `consequence` says what happens to the article when nothing reads it.
fn date_field(value: &Value, consequence: &str) -> Result<Option<Timestamp>, String> {
    match text_field(value)? {
        None => Ok(None),
        Some(text) => Timestamp::parse(text).map(Some).ok_or_else(|| {
            format!(
                "{} is not a date the reader can read (RFC 3339 such as \"2024-10-25T09:30:00+05:00\", or RFC 822 such as \"Fri, 25 Oct 2024 09:30:00 +0500\"); {consequence}",
                quote(&truncate(text, 60))
            )
        }),
    }
}

fn link_field(text: &str, parse: fn(&str) -> Option<SafeUrl>) -> Result<Option<SafeUrl>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse(text)
        .map(Some)
        .ok_or_else(|| format!("{} is not an http(s) or relative URL", quote(&truncate(text, 60))))
}

fn string_list(value: &Value) -> Result<Vec<String>, String> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(values) => values
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| format!("must be an array of strings, but holds {}", describe(v)))
            })
            .filter(|r| r.as_ref().map_or(true, |s| !s.trim().is_empty()))
            .map(|r| r.map(|s| s.trim().to_owned()))
            .collect(),
        other => Err(format!("must be an array of strings, not {}", describe(other))),
    }
}

fn tags_field(value: &Value) -> Result<Vec<Tag>, String> {
    let mut tags: Vec<Tag> = Vec::new();
    for name in string_list(value)? {
        if let Some(tag) = Tag::new(&name) {
            if !tags.iter().any(|t| t.key == tag.key) {
                tags.push(tag);
            }
        }
    }
    Ok(tags)
}

/// The authors an item (or the feed) names, leniently: what cannot be used (an entry that is
/// not an author object, an author URL that is not http(s) or relative) is left out and noted.
fn authors_field(authors: &Value, legacy_author: &Value, base: &Base, left_out: &mut LeftOut) -> Vec<Author> {
    let list: Vec<&Value> = match (authors, legacy_author) {
        (Value::Array(values), _) => values.iter().collect(),
        (Value::Null, Value::Null) => Vec::new(),
        (Value::Null, single) => vec![single],
        (other, _) => {
            left_out
                .0
                .push(("authors", format!("must be an array of author objects, not {}", describe(other))));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for value in list {
        let Value::Object(object) = value else {
            left_out.0.push(("authors", format!("must hold author objects, but holds {}", describe(value))));
            continue;
        };
        let name = object.get("name").and_then(Value::as_str).map(str::trim).filter(|n| !n.is_empty());
        let url = object.get("url").and_then(Value::as_str).and_then(|url| {
            left_out
                .keep("authors", link_field(url, SafeUrl::parse).map_err(|r| format!("url {r}")))
                .flatten()
        });
        let url = url.and_then(|url| base.resolve(url, SafeUrl::parse));
        let avatar = object.get("avatar").and_then(Value::as_str).and_then(|avatar| {
            left_out
                .keep("authors", link_field(avatar, SafeUrl::parse_image).map_err(|r| format!("avatar {r}")))
                .flatten()
        });
        let avatar = avatar.and_then(|avatar| base.resolve(avatar, SafeUrl::parse_image));
        // JSON Feed allows an author with only a URL or avatar; a byline needs a name.
        if let Some(name) = name {
            out.push(Author { name: name.to_owned(), url, avatar });
        }
    }
    out
}

/// An item's attachments, leniently: one without a usable `url` (http(s) or relative) or a
/// `mime_type` is left out and noted, as is a size or duration that is not a number (the
/// attachment stays, without it).
fn attachments_field(value: &Value, base: &Base, left_out: &mut LeftOut) -> Vec<Attachment> {
    let list = match value {
        Value::Null => return Vec::new(),
        Value::Array(list) => list,
        other => {
            left_out.0.push((
                "attachments",
                format!("must be an array of attachment objects, not {}", describe(other)),
            ));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for value in list {
        let Value::Object(object) = value else {
            left_out.0.push((
                "attachments",
                format!("must hold attachment objects, but holds {}", describe(value)),
            ));
            continue;
        };
        let text =
            |name: &str| object.get(name).and_then(Value::as_str).map(str::trim).filter(|t| !t.is_empty());
        let url = match text("url") {
            Some(url) => left_out
                .keep("attachments", link_field(url, SafeUrl::parse_image).map_err(|r| format!("url {r}"))),
            None => {
                left_out.0.push(("attachments", "an attachment has no url; it is left out".to_owned()));
                None
            }
        };
        let Some(url) = url.flatten().and_then(|url| base.resolve(url, SafeUrl::parse_image)) else {
            continue;
        };
        let Some(mime_type) = text("mime_type") else {
            left_out
                .0
                .push(("attachments", format!("{} has no mime_type; it is left out", quote(url.as_str()))));
            continue;
        };
        let mut number = |name: &'static str| match object.get(name) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => whole_part(n).or_else(|| {
                left_out.0.push(("attachments", format!("{name} {n} is not a size the reader can read")));
                None
            }),
            Some(other) => {
                left_out.0.push(("attachments", format!("{name} must be a number, not {}", describe(other))));
                None
            }
        };
        let size_in_bytes = number("size_in_bytes");
        let duration_in_seconds = number("duration_in_seconds");
        out.push(Attachment {
            url,
            mime_type: mime_type.to_ascii_lowercase(),
            title: text("title").map(str::to_owned),
            size_in_bytes,
            duration_in_seconds,
        });
    }
    out
}

/// The whole part of a non-negative JSON number (`1234`, `1234.5`, `1.2e3` is not read): no
/// float parsing in the wasm for a size or a duration.
fn whole_part(number: &str) -> Option<u64> {
    let whole = number.split('.').next().unwrap_or(number);
    whole.parse().ok().filter(|_| number[whole.len()..].bytes().skip(1).all(|b| b.is_ascii_digit()))
}

/// About the first 80 characters of `text`, cut at a word, for a headline made from the body.
fn first_words(text: &str) -> String {
    const MAX: usize = 80;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX {
        return if text.is_empty() { "Untitled".to_owned() } else { text };
    }
    let cut = text.char_indices().nth(MAX).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The arithmetic in u64 gives what exact u128 arithmetic gives, at the edges too.
    #[test]
    fn byte_counts_agree_with_exact_arithmetic() {
        let exact = |bytes: u64| -> String {
            const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
            if bytes < 1024 {
                return format!("{bytes} {}", if bytes == 1 { "byte" } else { "bytes" });
            }
            let (mut unit, mut divisor) = (0, 1024u128);
            while u128::from(bytes) / divisor >= 1024 && unit < UNITS.len() - 1 {
                divisor *= 1024;
                unit += 1;
            }
            let tenths = (u128::from(bytes) * 10 + divisor / 2) / divisor;
            if tenths % 10 == 0 || tenths / 10 >= 100 {
                format!("{} {}", (u128::from(bytes) + divisor / 2) / divisor, UNITS[unit])
            } else {
                format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
            }
        };
        let mut samples =
            vec![0, 1, 2, 1023, 1024, 1075, 1076, 1535, 1536, u64::MAX, u64::MAX - 1, u64::MAX / 10];
        for power in 1..=5u32 {
            let unit = 1u64 << (10 * power);
            for near in
                [unit - 1, unit, unit + 1, unit / 20 * 19, unit * 1023, unit * 1024 - 1, unit * 99 + unit / 2]
            {
                samples.extend([near, near.wrapping_mul(3) / 2, near / 7 * 5]);
            }
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            samples.extend([x, x >> (x % 64)]);
        }
        for bytes in samples {
            assert_eq!(human_bytes(bytes), exact(bytes), "{bytes}");
        }
    }
    use crate::url::Base;

    fn feed_with_items(items: &str) -> String {
        format!(r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": {items}}}"#)
    }

    fn load(items: &str) -> LoadedFeed {
        match load_feed(&feed_with_items(items)) {
            Ok(loaded) => loaded,
            Err(error) => panic!("fixture feed failed to load: {error}"),
        }
    }

    #[test]
    fn reads_every_understood_field() {
        let loaded = load(
            r#"[{
                "id": "x", "title": "  Title ", "summary": "Sum", "content_html": "<p>Body</p>",
                "url": "https://e.com/x", "external_url": "https://other.com/",
                "image": "https://e.com/i.jpg", "date_published": "2024-10-24T10:00:00Z",
                "date_modified": "2024-10-25T10:00:00Z", "tags": [" Pakistan ", "pakistan", "US", ""],
                "authors": [{"name": "Desk", "url": "https://e.com/desk", "avatar": "https://e.com/d.png"}, {"avatar": "a.png"}],
                "banner_image": "https://e.com/b.jpg",
                "language": "en",
                "_article_reader": {"highlights": ["One", " "], "image_caption": "Cap", "image_credit": "AFP", "image_alt": "Alt"},
                "_unknown_extension": {"anything": [1, 2, 3]}
            }]"#,
        );
        assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
        let article = &loaded.feed.articles[0];
        assert_eq!(article.title, "Title");
        assert_eq!(article.summary.as_deref(), Some("Sum"));
        assert_eq!(article.body, Body::Html("<p>Body</p>".to_owned()));
        assert_eq!(article.published.as_ref().map(|d| d.long_date()).as_deref(), Some("24 October 2024"));
        assert_eq!(article.updated.as_ref().map(|d| d.long_date()).as_deref(), Some("25 October 2024"));
        let tags: Vec<&str> = article.tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(tags, ["Pakistan", "US"]);
        assert_eq!(article.highlights, ["One"]);
        assert_eq!(
            article.authors,
            vec![Author {
                name: "Desk".into(),
                url: SafeUrl::parse("https://e.com/desk"),
                avatar: SafeUrl::parse_image("https://e.com/d.png"),
            }]
        );
        assert_eq!(article.banner.as_ref().map(SafeUrl::as_str), Some("https://e.com/b.jpg"));
        let image = article.image.as_ref();
        assert_eq!(image.and_then(|i| i.url.as_ref()).map(SafeUrl::as_str), Some("https://e.com/i.jpg"));
        assert_eq!(image.and_then(|i| i.caption.as_deref()), Some("Cap"));
        assert_eq!(image.and_then(|i| i.credit.as_deref()), Some("AFP"));
        assert_eq!(image.and_then(|i| i.alt.as_deref()), Some("Alt"));
        assert_eq!(article.language.as_deref(), Some("en"));
    }

    #[test]
    fn untitled_items_get_a_headline_from_their_text() {
        let long = "word ".repeat(40);
        let cases = [
            (
                r#"{"id": "a", "summary": "From summary", "content_text": "Body"}"#.to_owned(),
                "From summary".to_owned(),
            ),
            (r#"{"id": "a", "content_html": "<p>From <b>body</b></p>"}"#.to_owned(), "From body".to_owned()),
            (
                format!(r#"{{"id": "a", "content_text": "{long}"}}"#),
                format!("{}…", "word ".repeat(16).trim_end()),
            ),
            (r#"{"id": "a", "content_text": ""}"#.to_owned(), "Untitled".to_owned()),
        ];
        for (item, expected) in cases {
            let loaded = load(&format!("[{item}]"));
            assert_eq!(loaded.feed.articles[0].title, expected, "{item}");
        }
    }

    #[test]
    fn orders_newest_first_with_undated_last() {
        let loaded = load(
            r#"[
                {"id": "undated-1", "content_text": "x"},
                {"id": "old", "content_text": "x", "date_published": "2020-01-01T00:00:00Z"},
                {"id": "updated-only", "content_text": "x", "date_modified": "2025-01-01T00:00:00Z"},
                {"id": "undated-2", "content_text": "x"},
                {"id": "new", "content_text": "x", "date_published": "2026-01-01T00:00:00Z"}
            ]"#,
        );
        let ids: Vec<&str> = loaded.feed.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["new", "updated-only", "old", "undated-1", "undated-2"]);
    }

    #[test]
    fn accepts_json_feed_1_0_with_a_single_author() {
        let json = r#"{"version": "https://jsonfeed.org/version/1", "title": "Old", "items": [
            {"id": "1", "content_text": "x", "author": {"name": "Solo"}}]}"#;
        let loaded = load_feed(json).map_err(|e| e.to_string());
        let names: Vec<String> = loaded
            .map(|l| l.feed.articles[0].authors.iter().map(|a| a.name.clone()).collect())
            .unwrap_or_default();
        assert_eq!(names, ["Solo"]);
    }

    #[test]
    fn the_feeds_authors_stand_for_items_that_name_none() {
        let cases = [
            (r#""authors": [{"name": "Desk"}]"#, ["Own", "Desk"]),
            (r#""author": {"name": "Desk"}"#, ["Own", "Desk"]),
        ];
        for (feed_authors, expected) in cases {
            let json = format!(
                r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "T", {feed_authors}, "items": [
                    {{"id": "1", "content_text": "x", "date_published": "2024-01-02T00:00:00Z", "authors": [{{"name": "Own"}}]}},
                    {{"id": "2", "content_text": "x", "date_published": "2024-01-01T00:00:00Z"}}]}}"#
            );
            let loaded = load_feed(&json).map_err(|e| e.to_string());
            let names: Vec<String> = loaded
                .map(|l| {
                    l.feed
                        .articles
                        .iter()
                        .map(|a| a.authors.iter().map(|au| au.name.clone()).collect())
                        .collect()
                })
                .unwrap_or_default();
            assert_eq!(names, expected, "{feed_authors}");
        }
    }

    #[test]
    fn an_identifier_in_url_is_the_articles_identity_never_a_link() {
        let loaded = load(
            r#"[{"id": "a", "content_text": "x", "url": "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427"},
                {"content_text": "x", "url": " TAG:example.com,2024:7 "}]"#,
        );
        assert!(
            loaded.skipped.is_empty() && loaded.left_out.is_empty(),
            "{:?} {:?}",
            loaded.skipped,
            loaded.left_out
        );
        let ids: Vec<&str> = loaded.feed.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "TAG:example.com,2024:7"]);
        assert!(loaded.feed.articles.iter().all(|a| a.url.is_none()));
    }

    #[test]
    fn relative_urls_resolve_against_the_feed_and_a_body_against_its_article() {
        let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "home_page_url": "/", "items": [
            {"id": "1", "content_html": "<p><a href='b.html'>b</a> <a href='#fn1'>1</a> <img src='//cdn.example/i.png'> <span id='fn1'>note</span></p>",
             "url": "2024/post/", "external_url": "../other", "image": "img/a.png",
             "authors": [{"name": "A", "url": "people/a"}]},
            {"id": "2", "content_html": "<p><a href='b.html'>b</a> <img src='/i.png'></p>", "url": "tag:e.com,2024:2",
             "banner_image": "https://elsewhere.example/b.png"}]}"#;
        let feed_url = "https://feeds.example/news/feed.json";
        let loaded = load_feed_from(feed, &Limits::default(), &Native, Some(feed_url))
            .unwrap_or_else(|e| panic!("fixture feed: {e}"));
        let [first, second] = &loaded.feed.articles[..] else { panic!("two articles") };
        let text = |url: Option<&SafeUrl>| url.map(SafeUrl::as_str).unwrap_or("none").to_owned();
        let cases = [
            (text(loaded.feed.home_page_url.as_ref()), "https://feeds.example/"),
            (text(first.url.as_ref()), "https://feeds.example/news/2024/post/"),
            (text(first.external_url.as_ref()), "https://feeds.example/other"),
            (text(first.image.as_ref().and_then(|i| i.url.as_ref())), "https://feeds.example/news/img/a.png"),
            (text(first.authors[0].url.as_ref()), "https://feeds.example/news/people/a"),
            (text(second.url.as_ref()), "none"),
            (text(second.image.as_ref().and_then(|i| i.url.as_ref())), "https://elsewhere.example/b.png"),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
        // A body resolves against its article's own address, else the feed's.
        let links = |article: &Article| -> Vec<String> {
            let base = Base { url: article.body_base(Some(feed_url)), platform: &Native };
            let blocks =
                article.body.blocks_with(|html| crate::content::native::blocks_from_html_with(html, &base));
            let mut urls = Vec::new();
            for block in &blocks {
                let crate::content::Block::Paragraph(inlines) = block else { continue };
                for inline in inlines {
                    match inline {
                        crate::content::Inline::Link { href, .. } => urls.push(href.as_str().to_owned()),
                        crate::content::Inline::Image(image) => urls.push(image.src.as_str().to_owned()),
                        _ => {}
                    }
                }
            }
            urls
        };
        assert_eq!(
            links(first),
            ["https://feeds.example/news/2024/post/b.html", "#fn1", "https://cdn.example/i.png"]
        );
        assert_eq!(links(second), ["https://feeds.example/news/b.html", "https://feeds.example/i.png"]);
    }

    #[test]
    fn authors_keep_safe_avatars_and_the_feed_says_when_it_expired() {
        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "expired": true,
            "authors": [{"name": "Feed desk", "avatar": "img/desk.png"}],
            "items": [
              {"id": "a", "content_text": "x", "authors": [
                {"name": "Ana", "url": "/ana", "avatar": "javascript:alert(1)"},
                {"name": "Bo", "avatar": "data:image/png;base64,AAAA"}]},
              {"id": "b", "content_text": "y"}]}"#;
        let loaded =
            match load_feed_from(json, &Limits::default(), &Native, Some("https://e.example/f/feed.json")) {
                Ok(loaded) => loaded,
                Err(error) => panic!("{error}"),
            };
        assert!(loaded.feed.expired);
        let avatars = |id: &str| -> Vec<Option<String>> {
            loaded.feed.article(id).map_or(Vec::new(), |article| {
                article.authors.iter().map(|a| a.avatar.as_ref().map(|u| u.as_str().to_owned())).collect()
            })
        };
        // A script URL is left out with a note; the author still shows.
        assert_eq!(avatars("a"), [None, None]);
        assert!(loaded.left_out.iter().any(|p| p.field == "authors" && p.reason.starts_with("avatar ")));
        assert_eq!(avatars("b"), [Some("https://e.example/f/img/desk.png".to_owned())]);
        let not_expired = load_feed(&feed_with_items(r#"[{"id": "a", "content_text": "x"}]"#));
        assert!(not_expired.is_ok_and(|loaded| !loaded.feed.expired));
    }

    #[test]
    fn attachments_keep_what_is_usable() {
        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
            {"id": "a", "content_text": "x", "attachments": [
              {"url": "ep1.mp3", "mime_type": "Audio/MPEG", "title": "Episode 1", "size_in_bytes": 42000000, "duration_in_seconds": 2712.5},
              {"url": "javascript:alert(1)", "mime_type": "audio/mpeg"},
              {"url": "ep1.pdf"},
              {"url": "notes.pdf", "mime_type": "application/pdf", "size_in_bytes": "big"},
              "not an object"]}]}"#;
        let loaded = match load_feed_from(
            json,
            &Limits::default(),
            &Native,
            Some("https://e.example/pod/feed.json"),
        ) {
            Ok(loaded) => loaded,
            Err(error) => panic!("{error}"),
        };
        let attachments = &loaded.feed.articles[0].attachments;
        assert_eq!(attachments.len(), 2, "{attachments:?}");
        assert_eq!(attachments[0].url.as_str(), "https://e.example/pod/ep1.mp3");
        assert_eq!(attachments[0].mime_type, "audio/mpeg");
        assert_eq!(
            (attachments[0].size_in_bytes, attachments[0].duration_in_seconds),
            (Some(42_000_000), Some(2712))
        );
        assert_eq!(
            (attachments[1].mime_type.as_str(), attachments[1].size_in_bytes),
            ("application/pdf", None)
        );
        let notes: Vec<&str> =
            loaded.left_out.iter().filter(|p| p.field == "attachments").map(|p| p.reason.as_str()).collect();
        assert_eq!(notes.len(), 4, "{notes:?}");
        assert!(notes[0].starts_with("url \"javascript:alert(1)\""), "{notes:?}");
    }
}
