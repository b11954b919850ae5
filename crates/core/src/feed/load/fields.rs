//! An item's fields, each read as leniently as it can be: a required field that is unusable
//! skips the item, an optional one is left out (noted in [`LeftOut`]) and the article shows
//! without it.

use std::rc::Rc;

use crate::content::{blocks_from_text, References};
use crate::date::Timestamp;
use crate::feed::json::Value;
use crate::feed::raw::{RawExtension, RawItem};
use crate::interface::words::truncate;
use crate::model::{Article, ArticleId, Attachment, Author, Body, Image, Tag};
use crate::url::{scheme_of, Base, SafeUrl};

use super::limits::Limits;
use super::problem::{Found, Reason, Shape};

type ItemError = (Option<String>, &'static str, Reason);

/// The optional fields an item could not use: each is left out, with its field and reason, and
/// the article shows without it.
#[derive(Default)]
pub(super) struct LeftOut(pub(super) Vec<(&'static str, Reason)>);

impl LeftOut {
    /// `value`'s result, or `None` with the reason noted when it has none to give.
    pub(super) fn keep<T>(&mut self, field: &'static str, value: Result<T, Reason>) -> Option<T> {
        match value {
            Ok(value) => Some(value),
            Err(reason) => {
                self.0.push((field, reason));
                None
            }
        }
    }

    /// An optional string field: `None` when absent or of another type (noted).
    pub(super) fn text<'v>(&mut self, field: &'static str, value: &'v Value) -> Option<&'v str> {
        self.keep(field, text_field(value)).flatten()
    }
}

/// The schemes of a `url` that names an article rather than locating it: kept as its identity,
/// never made a link.
const IDENTIFIER_SCHEMES: &[&str] = &["urn", "tag"];

fn is_identifier(url: &str) -> bool {
    scheme_of(url.trim()).is_some_and(|scheme| IDENTIFIER_SCHEMES.contains(&scheme.as_str()))
}

pub(super) fn article_from_item(
    item: Value,
    limits: &Limits,
    base: &Base,
    references: &mut References,
) -> Result<(Article, LeftOut), ItemError> {
    let link = |url: &str, parse: fn(&str) -> Option<SafeUrl>| {
        link_field(url, parse).map(|url| url.and_then(|url| base.resolve(url, parse)))
    };
    let Value::Object(item) = item else {
        return Err((None, "item", Reason::NotAnObject(Found::of(&item))));
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
            Value::Null => Reason::Missing,
            Value::String(_) => Reason::Blank,
            other => Reason::wrong_type(Shape::String, other),
        };
        return Err((None, "id", reason));
    };
    let fail = |field: &'static str, reason: Reason| (Some(id.as_str().to_owned()), field, reason);
    check_lengths(&raw, limits).map_err(|(field, reason)| fail(field, reason))?;
    let mut left_out = LeftOut::default();

    let extension = match std::mem::take(&mut raw.extension) {
        Value::Null => RawExtension::default(),
        Value::Object(object) => RawExtension::from_object(object),
        other => {
            left_out.0.push(("_article_reader", Reason::wrong_type(Shape::Object, &other)));
            RawExtension::default()
        }
    };
    // In a split feed's index the body lives in a chunk file, fetched when the article opens.
    let body_chunk = match text_field(&extension.chunk).map_err(|r| fail("_article_reader.chunk", r))? {
        None => None,
        Some(chunk) => Some(SafeUrl::parse_image(chunk).ok_or_else(|| {
            fail("_article_reader.chunk", Reason::NotALink { part: None, text: truncate(chunk, 60) })
        })?),
    };
    let html = text_field(&raw.content_html).map_err(|r| fail("content_html", r))?;
    let text = text_field(&raw.content_text).map_err(|r| fail("content_text", r))?;
    // HTML is parsed when its article is shown, by the platform's parser (see `Body`).
    let body = match (html, text) {
        (Some(html), _) => Body::Html(html.to_owned()),
        (None, Some(text)) => Body::Blocks(Rc::new(blocks_from_text(text))),
        (None, None) if body_chunk.is_some() => Body::default(),
        (None, None) => return Err(fail("content_html", Reason::NoContent)),
    };

    let summary = left_out.text("summary", &raw.summary).and_then(non_blank);
    let title = left_out.text("title", &raw.title).and_then(non_blank);
    // JSON Feed allows untitled items (microblog posts); the reader still needs a headline.
    let title = match title.or_else(|| summary.as_deref().map(first_words)) {
        Some(title) => title,
        None => first_words(&body.search_text(references)),
    };

    let published = left_out.keep("date_published", date_field(&raw.date_published, true)).flatten();
    let updated = left_out.keep("date_modified", date_field(&raw.date_modified, false)).flatten();
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
    let language = left_out.text("language", &raw.language).and_then(language_tag);
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
fn check_lengths(raw: &RawItem, limits: &Limits) -> Result<(), (&'static str, Reason)> {
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
fn check_length(field: &'static str, value: &Value, max: usize) -> Result<(), (&'static str, Reason)> {
    let longest = longest_string(value);
    if longest > max {
        return Err((field, Reason::TooLong { bytes: longest, limit: max, nested: !value.is_string() }));
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

/// A `language` as a BCP 47 tag: "en_US", as POSIX locales and some feeds write it, is the
/// "en-US" it means, which `lang`, hyphenation and `Intl` understand.
pub(super) fn language_tag(text: &str) -> Option<String> {
    non_blank(text).map(|tag| tag.replace('_', "-"))
}

fn non_blank(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// A string field, borrowed: bodies are most of a feed's bytes, and copying each one out of the
/// `Value` tree before reading it was a fifth of the loading time's allocation.
fn text_field(value: &Value) -> Result<Option<&str>, Reason> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        other => Err(Reason::wrong_type(Shape::String, other)),
    }
}

pub(super) fn optional_text(value: &Value) -> Option<String> {
    value.as_str().and_then(non_blank)
}

/// A date field: `undated` when the article has no date without it (else only this date is
/// left out).
fn date_field(value: &Value, undated: bool) -> Result<Option<Timestamp>, Reason> {
    match text_field(value)? {
        None => Ok(None),
        Some(text) => Timestamp::parse(text)
            .map(Some)
            .ok_or_else(|| Reason::NotADate { text: truncate(text, 60), undated }),
    }
}

pub(super) fn link_field(text: &str, parse: fn(&str) -> Option<SafeUrl>) -> Result<Option<SafeUrl>, Reason> {
    member_link(None, text, parse)
}

/// [`link_field`] for the member `part` (`url`, `avatar`) of an author or attachment.
fn member_link(
    part: Option<&'static str>,
    text: &str,
    parse: fn(&str) -> Option<SafeUrl>,
) -> Result<Option<SafeUrl>, Reason> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse(text).map(Some).ok_or_else(|| Reason::NotALink { part, text: truncate(text, 60) })
}

fn string_list(value: &Value) -> Result<Vec<String>, Reason> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(values) => values
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| Reason::WrongEntry { expected: Shape::Strings, found: Found::of(v) })
            })
            .filter(|r| r.as_ref().map_or(true, |s| !s.trim().is_empty()))
            .map(|r| r.map(|s| s.trim().to_owned()))
            .collect(),
        other => Err(Reason::wrong_type(Shape::Strings, other)),
    }
}

fn tags_field(value: &Value) -> Result<Vec<Tag>, Reason> {
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
pub(super) fn authors_field(
    authors: &Value,
    legacy_author: &Value,
    base: &Base,
    left_out: &mut LeftOut,
) -> Vec<Author> {
    let list: Vec<&Value> = match (authors, legacy_author) {
        (Value::Array(values), _) => values.iter().collect(),
        (Value::Null, Value::Null) => Vec::new(),
        (Value::Null, single) => vec![single],
        (other, _) => {
            left_out.0.push(("authors", Reason::wrong_type(Shape::Authors, other)));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for value in list {
        let Value::Object(object) = value else {
            left_out
                .0
                .push(("authors", Reason::WrongEntry { expected: Shape::Authors, found: Found::of(value) }));
            continue;
        };
        let name = object.get("name").and_then(Value::as_str).map(str::trim).filter(|n| !n.is_empty());
        let mut link = |part: &'static str, parse: fn(&str) -> Option<SafeUrl>| {
            let text = object.get(part).and_then(Value::as_str)?;
            let url = left_out.keep("authors", member_link(Some(part), text, parse)).flatten()?;
            base.resolve(url, parse)
        };
        let url = link("url", SafeUrl::parse);
        let avatar = link("avatar", SafeUrl::parse_image);
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
            left_out.0.push(("attachments", Reason::wrong_type(Shape::Attachments, other)));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for value in list {
        let Value::Object(object) = value else {
            left_out.0.push((
                "attachments",
                Reason::WrongEntry { expected: Shape::Attachments, found: Found::of(value) },
            ));
            continue;
        };
        let text =
            |name: &str| object.get(name).and_then(Value::as_str).map(str::trim).filter(|t| !t.is_empty());
        let url = match text("url") {
            Some(url) => left_out.keep("attachments", member_link(Some("url"), url, SafeUrl::parse_image)),
            None => {
                left_out.0.push(("attachments", Reason::AttachmentWithoutUrl));
                None
            }
        };
        let Some(url) = url.flatten().and_then(|url| base.resolve(url, SafeUrl::parse_image)) else {
            continue;
        };
        let Some(mime_type) = text("mime_type") else {
            left_out.0.push(("attachments", Reason::AttachmentWithoutType { url: url.as_str().to_owned() }));
            continue;
        };
        let mut number = |member: &'static str| match object.get(member) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => whole_part(n).or_else(|| {
                left_out.0.push(("attachments", Reason::NotACount { member, number: n.clone() }));
                None
            }),
            Some(other) => {
                left_out.0.push(("attachments", Reason::NotANumber { member, found: Found::of(other) }));
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
pub(super) fn first_words(text: &str) -> String {
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
