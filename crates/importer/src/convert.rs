//! One input's bytes into items of the reader's JSON Feed: feed-rs parses RSS 0.9x/1.0/2.0,
//! Atom and JSON Feed into one model, and this module maps that model onto the reader's fields
//! (ids, titles, bodies, summaries, dates, authors, tags, language, lead image), resolving
//! relative URLs and sanitising HTML on the way.
//!
//! Relative URLs resolve against, in order: `xml:base` (feed-rs applies it while parsing), the
//! feed's own link (its home page), and the URL the feed was fetched from. An article body's
//! URLs resolve against the article's own address first, since that is the page they were
//! written for.

use std::collections::HashSet;
use std::fmt;

use article_reader_core::content::{block_text, blocks_from_html};
use article_reader_core::{group_digits, quote, Limits, SafeUrl, TagKey, Timestamp};
use chrono::{DateTime, SecondsFormat, Utc};
use feed_rs::model::{Entry, Feed, Link, MediaObject, Person, Text};
use url::Url;

use crate::document::{Author, Extension, Item};
use crate::json_extras::{self, ItemExtras};
use crate::sanitize::sanitize_html;
use crate::text::{fold_whitespace, summarize, text_of_html, OWN_SUMMARY_CHARS, SUMMARY_CHARS};

/// What one input contributed.
#[derive(Debug)]
pub struct ImportedFeed {
    /// The input's name, as messages show it.
    pub name: String,
    pub title: Option<String>,
    pub home_page_url: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub items: Vec<ImportedItem>,
    /// Items left out, and why, one sentence each.
    pub warnings: Vec<String>,
}

/// One item ready for the output, with where it came from and its date for ordering.
#[derive(Clone, Debug)]
pub struct ImportedItem {
    pub item: Item,
    pub origin: Origin,
    /// Seconds since the Unix epoch of `date_published`, else `date_modified`.
    pub sort_key: Option<i64>,
}

/// Where an item came from: its input and its 1-based position there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub feed: String,
    pub position: usize,
    /// The item's id or, lacking one, its link, as the input wrote it: `id "a-1"`.
    pub label: Option<String>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: item {}", self.feed, self.position)?;
        match &self.label {
            Some(label) => write!(f, " ({label})"),
            None => Ok(()),
        }
    }
}

/// Why an input is not a feed at all.
#[derive(Debug)]
pub struct NotAFeed(pub String);

impl fmt::Display for NotAFeed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a feed: {}", self.0)
    }
}

/// Parses one input and maps its entries. `name` is how messages name the input; `fetched_from`
/// is the URL its bytes came from, if any.
pub fn import_feed(name: &str, bytes: &[u8], fetched_from: Option<&Url>) -> Result<ImportedFeed, NotAFeed> {
    let mut feed = parse(bytes, fetched_from)?;
    let mut base = fetched_from.cloned();
    // The feed's own link is a better base than the address it was fetched from: parse again
    // with it, so that relative enclosure and media URLs (which feed-rs drops when it cannot
    // resolve them) and links resolve against the site.
    if let Some(home) = home_link(&feed.links, fetched_from) {
        if base.as_ref() != Some(&home) {
            feed = parse(bytes, Some(&home))?;
            base = Some(home);
        }
    }
    let extras = json_extras::read(bytes);
    let feed_image =
        feed.logo.iter().chain(&feed.icon).find_map(|image| resolve_image(&image.uri, base.as_ref()));

    let mut items = Vec::with_capacity(feed.entries.len());
    let mut warnings = Vec::new();
    for (index, entry) in feed.entries.iter().enumerate() {
        let context = FeedContext { feed: &feed, base: base.as_ref(), feed_image: feed_image.as_deref() };
        let origin = Origin { feed: name.to_owned(), position: index + 1, label: label_of(entry) };
        let mut changes = Vec::new();
        match convert_entry(entry, extras.get(index), &context, &mut changes) {
            Ok((item, sort_key)) => {
                warnings.extend(changes.iter().map(|change| format!("{origin}: {change}")));
                items.push(ImportedItem { item, origin, sort_key });
            }
            Err(reason) => warnings.push(format!("{origin}: {reason}; skipped")),
        }
    }

    Ok(ImportedFeed {
        name: name.to_owned(),
        title: feed.title.as_ref().map(plain_text).filter(|t| !t.is_empty()),
        home_page_url: base.as_ref().filter(|b| Some(*b) != fetched_from).map(Url::to_string),
        description: feed.description.as_ref().map(plain_text).filter(|t| !t.is_empty()),
        language: feed.language.as_deref().map(fold_whitespace).filter(|l| !l.is_empty()),
        items,
        warnings,
    })
}

fn parse(bytes: &[u8], base: Option<&Url>) -> Result<Feed, NotAFeed> {
    feed_rs::parser::Builder::new()
        .base_uri(base.map(Url::as_str))
        // Sanitising is ours (with the reader's allowlist), and ids are ours (stable ones).
        .sanitize_content(false)
        .id_generator(|_, _, _| String::new())
        .build()
        .parse(bytes)
        .map_err(|error| NotAFeed(error.to_string()))
}

/// The feed's home page: its first link that is not `self`, `hub`, an enclosure or the like,
/// as an absolute http(s) URL.
fn home_link(links: &[Link], base: Option<&Url>) -> Option<Url> {
    links
        .iter()
        .filter(|link| link.rel.as_deref().is_none_or(|rel| rel.eq_ignore_ascii_case("alternate")))
        .find_map(|link| absolute_http(&link.href, base))
}

struct FeedContext<'a> {
    feed: &'a Feed,
    base: Option<&'a Url>,
    feed_image: Option<&'a str>,
}

/// The entry as an output item and its sort key, or why it cannot be one. What was changed to
/// make it fit goes to `changes`, one phrase each.
fn convert_entry(
    entry: &Entry,
    extras: Option<&ItemExtras>,
    context: &FeedContext,
    changes: &mut Vec<String>,
) -> Result<(Item, Option<i64>), String> {
    let url = entry_link(entry).and_then(|href| resolve_link(href, context.base));
    // An article's own address is the base its body was written against, unless the feed
    // names another for the body itself (Atom's xml:base on <content>, RSS content's xml:base).
    let body_base = content_base(entry, url.as_deref(), context.base).or_else(|| context.base.cloned());
    let title = entry.title.as_ref().map(plain_text).filter(|t| !t.is_empty());

    let own_summary = entry.content.as_ref().and(entry.summary.as_ref());
    let body = entry
        .content
        .as_ref()
        .and_then(|content| Some((content.body.as_deref()?, kind_of(content.content_type.as_ref()))))
        .or_else(|| {
            entry
                .summary
                .as_ref()
                .map(|summary| (summary.content.as_str(), kind_of(summary.content_type.as_ref())))
        })
        .and_then(|(body, kind)| match kind {
            Kind::Html => Some(match sanitize_html(body, body_base.as_ref()) {
                Some(html) => Body::Html(html),
                None => {
                    changes.push("its HTML would take too long to clean (nested thousands deep, or thousands of escapes in one run of text); its text is kept as plain text".to_owned());
                    Body::Text(blocks_from_html(body).iter().map(block_text).collect::<Vec<_>>().join("\n\n"))
                }
            }),
            Kind::Text => Some(Body::Text(body.trim().to_owned())),
            Kind::Other => None,
        })
        .filter(|body| !body.is_blank());
    if title.is_none() && body.is_none() {
        return Err("has neither a title nor any content".to_owned());
    }

    let summary = match own_summary.map(plain_text).filter(|s| !s.is_empty()) {
        Some(own) => summarize(&own, OWN_SUMMARY_CHARS),
        None => body.as_ref().and_then(|body| summarize(&body.text(), SUMMARY_CHARS)),
    };
    let (content_html, content_text) = match body {
        Some(Body::Html(html)) => (Some(html), None),
        Some(Body::Text(text)) => (None, Some(text)),
        // A headline alone (an RSS 0.91 link item): an empty body, the link says the rest.
        None => (None, Some(String::new())),
    };

    let published = entry.published.as_ref().and_then(rfc3339);
    let updated =
        entry.updated.as_ref().and_then(rfc3339).filter(|updated| Some(updated) != published.as_ref());
    let sort_key = entry.published.or(entry.updated).map(|date| date.timestamp());

    let (image, extension) = lead_image(entry, extras, body_base.as_ref(), context);
    let mut item = Item {
        id: stable_id(
            entry,
            url.as_deref(),
            title.as_deref(),
            content_html.as_deref().or(content_text.as_deref()),
        ),
        url,
        title,
        content_html,
        content_text,
        summary,
        image,
        date_published: published,
        date_modified: updated,
        authors: authors(if entry.authors.is_empty() { &context.feed.authors } else { &entry.authors }),
        tags: tags(entry),
        language: entry
            .language
            .as_deref()
            .or(context.feed.language.as_deref())
            .map(fold_whitespace)
            .filter(|l| !l.is_empty()),
        extension,
    };
    fit_to_reader_limits(&mut item)?;
    Ok((item, sort_key))
}

/// Keeps the item within the reader's limits (`Limits::default()`), which would otherwise
/// skip it: an over-long id becomes a hash, an over-long title is shortened, and over-long
/// URLs, tags, names and captions (junk, at that length) are left out. Only a body over the
/// content limit makes the item unusable.
fn fit_to_reader_limits(item: &mut Item) -> Result<(), String> {
    let limits = Limits::default();
    for (field, content) in [("content_html", &item.content_html), ("content_text", &item.content_text)] {
        if let Some(content) = content.as_deref().filter(|c| c.len() > limits.max_content_bytes) {
            return Err(format!(
                "its {field} is {} bytes, over the reader's limit of {}",
                group_digits(content.len()),
                group_digits(limits.max_content_bytes)
            ));
        }
    }
    let max = limits.max_text_bytes;
    let fits = |text: &String| text.len() <= max;
    if !fits(&item.id) {
        item.id = hashed_id(&[&item.id]);
    }
    if let Some(title) = item.title.take() {
        item.title = if fits(&title) { Some(title) } else { summarize(&title, SUMMARY_CHARS) };
    }
    item.url = item.url.take().filter(fits);
    item.image = item.image.take().filter(fits);
    item.language = item.language.take().filter(fits);
    item.tags.retain(fits);
    item.authors.retain(|author| fits(&author.name));
    for author in &mut item.authors {
        author.url = author.url.take().filter(fits);
    }
    let extension = &mut item.extension;
    extension.highlights.retain(fits);
    for field in [&mut extension.image_caption, &mut extension.image_credit, &mut extension.image_alt] {
        *field = field.take().filter(fits);
    }
    Ok(())
}

enum Kind {
    Html,
    Text,
    Other,
}

fn kind_of(media_type: &str) -> Kind {
    let essence = media_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    match essence.as_str() {
        "text/html" | "application/xhtml+xml" | "application/xhtml" | "html" | "xhtml" => Kind::Html,
        "text/plain" | "text" => Kind::Text,
        _ => Kind::Other,
    }
}

enum Body {
    Html(String),
    Text(String),
}

impl Body {
    fn text(&self) -> String {
        match self {
            Body::Html(html) => text_of_html(html),
            Body::Text(text) => text.clone(),
        }
    }

    fn is_blank(&self) -> bool {
        match self {
            Body::Html(html) | Body::Text(html) => html.trim().is_empty(),
        }
    }
}

/// A feed text as plain text: HTML read the way the reader reads it, whitespace folded.
fn plain_text(text: &Text) -> String {
    match kind_of(text.content_type.as_ref()) {
        Kind::Html => text_of_html(&text.content),
        Kind::Text | Kind::Other => fold_whitespace(&text.content),
    }
}

/// How messages name an entry: its id, else its link.
fn label_of(entry: &Entry) -> Option<String> {
    let id =
        Some(entry.id.trim()).filter(|id| !id.is_empty()).map(|id| format!("id {}", quote(&shorten(id))));
    id.or_else(|| entry_link(entry).map(|link| format!("link {}", quote(&shorten(link.trim())))))
}

/// At most 100 characters of `text`, for a message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(100) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// The article's own page: the first link that is the entry itself (no `rel`, or `alternate`),
/// not its comments, an enclosure or a `self` link.
fn entry_link(entry: &Entry) -> Option<&str> {
    entry
        .links
        .iter()
        .filter(|link| link.target.is_none())
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel.eq_ignore_ascii_case("alternate")))
        .map(|link| link.href.as_str())
        .filter(|href| !href.trim().is_empty())
}

/// An explicit base for the body, when the feed names one: Atom's `xml:base` on `<content>`
/// (relative to the article's address), or the `xml:base` feed-rs hands over with RSS content.
fn content_base(entry: &Entry, article_url: Option<&str>, feed_base: Option<&Url>) -> Option<Url> {
    let article = article_url.and_then(|u| Url::parse(u).ok());
    let relative_to = article.as_ref().or(feed_base);
    if let Some(base) = entry.base.as_deref().and_then(|b| absolute_http(b, relative_to)) {
        return Some(base);
    }
    let explicit = entry.content.as_ref().filter(|c| c.body.is_some()).and_then(|c| c.src.as_ref());
    explicit.and_then(|src| absolute_http(&src.href, None)).filter(|b| Some(b) != feed_base).or(article)
}

/// The id: the feed's guid or id, else the article's link, else a hash of what the item says,
/// so the same item gets the same id on every import.
fn stable_id(entry: &Entry, url: Option<&str>, title: Option<&str>, body: Option<&str>) -> String {
    let id = entry.id.trim();
    if !id.is_empty() {
        return id.to_owned();
    }
    if let Some(url) = url {
        return url.to_owned();
    }
    let date = entry.published.or(entry.updated).map(|date| date.to_rfc3339()).unwrap_or_default();
    hashed_id(&[title.unwrap_or_default(), body.unwrap_or_default(), &date])
}

/// An id made from a hash of `parts`: the same parts give the same id on every run.
fn hashed_id(parts: &[&str]) -> String {
    let mut hash = Fnv1a::default();
    for part in parts {
        hash.write(part.as_bytes());
        hash.write(&[0]);
    }
    format!("urn:article-reader:{:016x}", hash.0)
}

/// FNV-1a, 64 bits: stable across runs, platforms and Rust versions, unlike std's hasher.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// A date as RFC 3339 in UTC (feed-rs keeps the instant, not the offset it was written with),
/// if the reader can read it back: years outside 0000–9999 cannot be written in RFC 3339.
fn rfc3339(date: &DateTime<Utc>) -> Option<String> {
    let text = date.to_rfc3339_opts(SecondsFormat::Secs, true);
    Timestamp::parse_rfc3339(&text).map(|_| text)
}

fn authors(people: &[Person]) -> Vec<Author> {
    let mut authors: Vec<Author> = Vec::new();
    for person in people {
        // RSS writes `desk@example.com (World Desk)`; feed-rs keeps the parentheses.
        let name = person.name.as_deref().map(|n| {
            let name = fold_whitespace(n);
            match name.strip_prefix('(').and_then(|n| n.strip_suffix(')')) {
                Some(inner) => inner.trim().to_owned(),
                None => name,
            }
        });
        let Some(name) = name.filter(|n| !n.is_empty()) else {
            continue;
        };
        if authors.iter().any(|a| a.name == name) {
            continue;
        }
        let url = person.uri.as_deref().and_then(|uri| absolute_http(uri, None)).map(String::from);
        authors.push(Author { name, url });
    }
    authors
}

/// Tags from categories: the label when there is one, else the term; trimmed, and merged when
/// they differ only in case (the first spelling wins), exactly as the reader merges them.
fn tags(entry: &Entry) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut tags = Vec::new();
    for category in &entry.categories {
        let name = category.label.as_deref().filter(|l| !l.trim().is_empty()).unwrap_or(&category.term);
        let name = fold_whitespace(name);
        if let Some(key) = TagKey::new(&name) {
            if seen.insert(key) {
                tags.push(name);
            }
        }
    }
    tags
}

/// The lead image and what the feed says about it: JSON Feed's `image`, else a media thumbnail,
/// else media content, an enclosure or an attachment of an image type, else the feed's logo.
fn lead_image(
    entry: &Entry,
    extras: Option<&ItemExtras>,
    base: Option<&Url>,
    context: &FeedContext,
) -> (Option<String>, Extension) {
    let mut extension = extras.map(|e| e.extension.clone()).unwrap_or_default();
    if let Some(image) = extras.and_then(|e| e.image.as_deref()).and_then(|src| resolve_image(src, base)) {
        return (Some(image), extension);
    }
    for media in &entry.media {
        let thumbnail = media.thumbnails.iter().find_map(|t| resolve_image(&t.image.uri, base));
        let content = || {
            media
                .content
                .iter()
                .filter(|c| {
                    is_image(c.content_type.as_ref().map(AsRef::as_ref), c.url.as_ref().map(Url::path))
                })
                .find_map(|c| c.url.as_ref().and_then(|u| resolve_image(u.as_str(), base)))
        };
        if let Some(image) = thumbnail.or_else(content) {
            describe_media(media, &mut extension);
            return (Some(image), extension);
        }
    }
    let enclosure = entry
        .links
        .iter()
        .filter(|link| link.rel.as_deref().is_none_or(|rel| rel.eq_ignore_ascii_case("enclosure")))
        .filter(|link| link.media_type.as_deref().is_some_and(|t| is_image(Some(t), None)))
        .find_map(|link| resolve_image(&link.href, base));
    (enclosure.or_else(|| context.feed_image.map(str::to_owned)), extension)
}

fn is_image(media_type: Option<&str>, path: Option<&str>) -> bool {
    match media_type {
        Some(media_type) => media_type.trim().to_ascii_lowercase().starts_with("image/"),
        None => path.is_some_and(|path| {
            let path = path.to_ascii_lowercase();
            [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"].iter().any(|ext| path.ends_with(ext))
        }),
    }
}

/// A media object's description and credit as the image's caption and credit, unless the feed
/// set them through the reader's own extension.
fn describe_media(media: &MediaObject, extension: &mut Extension) {
    if extension.image_caption.is_none() {
        extension.image_caption = media.description.as_ref().map(plain_text).filter(|c| !c.is_empty());
    }
    if extension.image_credit.is_none() {
        extension.image_credit =
            media.credits.iter().map(|c| fold_whitespace(&c.entity)).find(|c| !c.is_empty());
    }
}

/// `href` made absolute against `base` when it is relative and a base is known; `None` when it
/// is not a URL the reader would follow.
fn resolve_link(href: &str, base: Option<&Url>) -> Option<String> {
    resolve(href, base).filter(|url| SafeUrl::parse(url).is_some())
}

/// Like [`resolve_link`], for an image (no `mailto:`).
fn resolve_image(src: &str, base: Option<&Url>) -> Option<String> {
    resolve(src, base).filter(|url| SafeUrl::parse_image(url).is_some())
}

fn resolve(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    match (Url::parse(href), base) {
        (Ok(url), _) => Some(url.to_string()),
        (Err(url::ParseError::RelativeUrlWithoutBase), Some(base)) => base.join(href).ok().map(String::from),
        (Err(url::ParseError::RelativeUrlWithoutBase), None) => Some(href.to_owned()),
        (Err(_), _) => None,
    }
}

/// `href` as an absolute http(s) URL, resolved against `base` if relative.
fn absolute_http(href: &str, base: Option<&Url>) -> Option<Url> {
    let href = href.trim();
    let url = match (Url::parse(href), base) {
        (Ok(url), _) => url,
        (Err(url::ParseError::RelativeUrlWithoutBase), Some(base)) => base.join(href).ok()?,
        _ => return None,
    };
    matches!(url.scheme(), "http" | "https").then_some(url)
}
