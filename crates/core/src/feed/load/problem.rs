//! What can be wrong with a feed, as data: the kind of problem, where it is (page, item, id,
//! field) and the values that show it (what was found, byte counts, the limit). No prose:
//! [`crate::interface::messages`] says each one in the interface's language, and a host or a test can
//! match on it.

use crate::feed::json::{SyntaxProblem, Value};
use crate::interface::words::truncate;

/// Why a document is not a usable feed at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// The text is not JSON; `line` and `column` are 1-based.
    Syntax { line: usize, column: usize, problem: SyntaxProblem },
    /// The JSON is not an object.
    NotAnObject,
    /// A required top-level field (`version`, `title`, `items`) is missing or unusable.
    Field { field: &'static str, reason: Reason },
    /// The document is larger than [`super::Limits::max_feed_bytes`].
    TooLarge { bytes: usize, limit: usize },
}

/// One item skipped, or one field left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemProblem {
    /// The page of a paged feed it is on, from 1.
    pub page: usize,
    /// 1-based position in `items`; 0 for a field of the feed itself.
    pub position: usize,
    /// The item's id, when it had a usable one.
    pub id: Option<String>,
    /// The field as JSON Feed names it (`date_published`, `_article_reader.chunk`); `item` for
    /// the item as a whole.
    pub field: &'static str,
    pub reason: Reason,
}

/// Why a field (or an item) cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Absent or null.
    Missing,
    /// A string of nothing but white space.
    Blank,
    /// A value of the wrong type.
    WrongType { expected: Shape, found: Found },
    /// A list holding an entry of the wrong type.
    WrongEntry { expected: Shape, found: Found },
    /// An item that is not an object.
    NotAnObject(Found),
    /// `version` is not a JSON Feed version URL.
    NotAVersion(Found),
    /// A string longer than the limit; `nested` when it is inside the field's list or object.
    TooLong { bytes: usize, limit: usize, nested: bool },
    /// Not a date the reader can read; `undated` when the article shows without a date, else
    /// only this date is left out.
    NotADate { text: String, undated: bool },
    /// Not an http(s) or relative URL; `part` is the author's or attachment's member
    /// (`url`, `avatar`) when the field is a list of those.
    NotALink { part: Option<&'static str>, text: String },
    /// An item whose id an earlier item has; `earlier_page` when that item came on an earlier
    /// page of a paged feed. The first one is kept.
    RepeatedId { earlier_page: bool },
    /// Neither `content_html` nor `content_text`: an item needs one.
    NoContent,
    /// An attachment without a `url`; it is left out.
    AttachmentWithoutUrl,
    /// An attachment (at `url`) without a `mime_type`; it is left out.
    AttachmentWithoutType { url: String },
    /// An attachment's `size_in_bytes` or `duration_in_seconds` (`member`) that is a number the
    /// reader cannot read as a whole count (`1.2e3`, `-5`).
    NotACount { member: &'static str, number: String },
    /// An attachment's `size_in_bytes` or `duration_in_seconds` that is not a number.
    NotANumber { member: &'static str, found: Found },
}

/// The type a field should have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    String,
    NonEmptyString,
    Object,
    Array,
    Strings,
    Authors,
    Attachments,
}

/// What a field held instead, enough to recognise it: a string is cut to 40 characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array,
    Object,
}

impl Found {
    pub fn of(value: &Value) -> Found {
        match value {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(n.clone()),
            Value::String(s) => Found::String(truncate(s, 40)),
            Value::Array(_) => Found::Array,
            Value::Object(_) => Found::Object,
        }
    }
}

impl Reason {
    pub fn wrong_type(expected: Shape, value: &Value) -> Reason {
        Reason::WrongType { expected, found: Found::of(value) }
    }
}
