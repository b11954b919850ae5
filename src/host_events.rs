//! The events a reader sends its host page. Both bubble and are composed, so they cross the
//! shadow root of `<article-reader>` and reach listeners on the element and above it.
//!
//! | event | when | `detail` |
//! |---|---|---|
//! | `article-reader-open` | an article opens (a link, back or forward) | `{ id, title, url }` |
//! | `article-reader-filter` | the feed's tag filter changes, by the reader or the host | `{ tags: [key, …], match: "any" \| "all" }` |

use article_reader_core::{MatchMode, ReaderEvent, Route};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::feed_source::FeedData;

pub const OPEN: &str = "article-reader-open";
pub const FILTER: &str = "article-reader-filter";

/// Dispatches `event` from `element`, which is inside the reader.
pub fn dispatch(element: &Element, event: &ReaderEvent, data: &FeedData) {
    let detail = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&detail, &JsValue::from_str(key), &value);
    };
    let name = match event {
        ReaderEvent::ArticleOpened { id } => {
            set("id", JsValue::from_str(id));
            if let Some(article) = data.feed.article(id) {
                set("title", JsValue::from_str(&article.title));
            }
            set("url", JsValue::from_str(&Route::Article(id.clone()).to_hash()));
            OPEN
        }
        ReaderEvent::FilterChanged { filter } => {
            let tags: Array = filter.tags().iter().map(|key| JsValue::from_str(key.as_str())).collect();
            set("tags", tags.into());
            let mode = match filter.mode() {
                MatchMode::Any => "any",
                MatchMode::All => "all",
            };
            set("match", JsValue::from_str(mode));
            FILTER
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(custom) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = element.dispatch_event(&custom);
    }
}
