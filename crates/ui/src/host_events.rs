//! The events a reader sends its host page. All bubble and are composed, so they cross the
//! shadow root of `<article-reader>` and reach listeners on the element and above it. Their
//! `detail`s are the structs below, written out as plain objects (members in the order listed,
//! `null` for an absent one), as JSON would read them.
//!
//! | event | when | `detail` |
//! |---|---|---|
//! | `article-reader-ready` | a feed is on screen (the first, and each one the host gives later) | `{ articles, skipped }` |
//! | `article-reader-error` | the feed cannot be shown | `{ message, kind: "fetch" \| "invalid" \| "too-large", url }` |
//! | `article-reader-open` | before an article opens; cancelable when the reader opens it (a click, a key), not when the page's history does (back, forward) | `{ id, title, url, route }` |
//! | `article-reader-filter` | the feed's tag filter changed, by the reader or the host | `{ tags: [key, …], match: "any" \| "all" }` |

use article_reader_core::{Article, Route, TagFilter};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::interop::{object, text_or_null};

pub const READY: &str = "article-reader-ready";
pub const ERROR: &str = "article-reader-error";
pub const OPEN: &str = "article-reader-open";
pub const FILTER: &str = "article-reader-filter";

pub struct Ready {
    /// Articles shown.
    pub articles: usize,
    /// Items of the feed that could not be shown.
    pub skipped: usize,
}

pub struct Failed<'a> {
    pub message: &'a str,
    pub kind: &'static str,
    /// The feed's address, when it came from one.
    pub url: Option<&'a str>,
    /// The copy of the feed kept from an earlier visit is shown instead.
    pub kept: bool,
}

pub struct Opening<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The article's own address (its `url`), when it has one.
    pub url: Option<&'a str>,
    /// The reader's route to it, such as `#/article/<id>`.
    pub route: String,
}

impl<'a> Opening<'a> {
    pub fn of(article: &'a Article) -> Opening<'a> {
        Opening {
            id: article.id.as_str(),
            title: &article.title,
            url: article.url.as_ref().map(|url| url.as_str()),
            route: Route::Article(article.id.as_str().to_owned()).to_hash(),
        }
    }
}

pub struct Filtered<'a> {
    pub tags: Vec<&'a str>,
    /// `match` in the detail.
    pub mode: &'static str,
}

impl<'a> Filtered<'a> {
    pub fn of(filter: &'a TagFilter) -> Filtered<'a> {
        Filtered {
            tags: filter.tags().iter().map(|key| key.as_str()).collect(),
            mode: filter.mode().as_str(),
        }
    }
}

/// An event's `detail` as the host reads it. (By hand rather than serde's `Serialize` and
/// serde-wasm-bindgen's serializer, which cost the wasm more than these four objects.)
pub trait Detail {
    fn to_js(&self) -> JsValue;
}

impl Detail for Ready {
    fn to_js(&self) -> JsValue {
        object(&[("articles", JsValue::from(self.articles)), ("skipped", JsValue::from(self.skipped))])
    }
}

impl Detail for Failed<'_> {
    fn to_js(&self) -> JsValue {
        object(&[
            ("message", JsValue::from_str(self.message)),
            ("kind", JsValue::from_str(self.kind)),
            ("url", text_or_null(self.url)),
            ("kept", JsValue::from_bool(self.kept)),
        ])
    }
}

impl Detail for Opening<'_> {
    fn to_js(&self) -> JsValue {
        object(&[
            ("id", JsValue::from_str(self.id)),
            ("title", JsValue::from_str(self.title)),
            ("url", text_or_null(self.url)),
            ("route", JsValue::from_str(&self.route)),
        ])
    }
}

impl Detail for Filtered<'_> {
    fn to_js(&self) -> JsValue {
        let tags: js_sys::Array = self.tags.iter().map(|tag| JsValue::from_str(tag)).collect();
        object(&[("tags", tags.into()), ("match", JsValue::from_str(self.mode))])
    }
}

/// Dispatches the event `name` with `detail` from `element`, which is inside the reader.
/// Returns `false` when a cancelable event was cancelled (`preventDefault()`).
pub fn dispatch(element: &Element, name: &str, detail: &dyn Detail, cancelable: bool) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(&detail.to_js());
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => element.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}
