//! The events a reader sends its host page. All bubble and are composed, so they cross the
//! shadow root of `<article-reader>` and reach listeners on the element and above it. Their
//! `detail`s are the structs below, written out through serde-wasm-bindgen.
//!
//! | event | when | `detail` |
//! |---|---|---|
//! | `article-reader-ready` | a feed is on screen (the first, and each one the host gives later) | `{ articles, skipped }` |
//! | `article-reader-error` | the feed cannot be shown | `{ message, kind: "fetch" \| "invalid" \| "too-large", url }` |
//! | `article-reader-open` | before an article opens; cancelable when the reader opens it (a click, a key), not when the page's history does (back, forward) | `{ id, title, url, route }` |
//! | `article-reader-filter` | the feed's tag filter changed, by the reader or the host | `{ tags: [key, …], match: "any" \| "all" }` |

use article_reader_core::{Article, Route, TagFilter};
use serde::Serialize;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::interop::to_js;

pub const READY: &str = "article-reader-ready";
pub const ERROR: &str = "article-reader-error";
pub const OPEN: &str = "article-reader-open";
pub const FILTER: &str = "article-reader-filter";

#[derive(Serialize)]
pub struct Ready {
    /// Articles shown.
    pub articles: usize,
    /// Items of the feed that could not be shown.
    pub skipped: usize,
}

#[derive(Serialize)]
pub struct Failed<'a> {
    pub message: &'a str,
    pub kind: &'static str,
    /// The feed's address, when it came from one.
    pub url: Option<&'a str>,
}

#[derive(Serialize)]
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

#[derive(Serialize)]
pub struct Filtered<'a> {
    pub tags: Vec<&'a str>,
    #[serde(rename = "match")]
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

/// Dispatches the event `name` with `detail` from `element`, which is inside the reader.
/// Returns `false` when a cancelable event was cancelled (`preventDefault()`).
pub fn dispatch<T: Serialize>(element: &Element, name: &str, detail: &T, cancelable: bool) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(&to_js(detail));
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => element.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}
