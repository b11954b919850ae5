//! Readers embedded in a host page: several at once, each with its own state; in memory they
//! leave the host's URL alone; they tell the host what happens; the host can change them live
//! and destroy them; and all of it works inside a shadow root.

use std::cell::RefCell;
use std::rc::Rc;

use article_reader::{ReaderOptions, Theme};
use article_reader_core::interface::typography::Typography;
use article_reader_core::{MatchMode, TagFilter, TagKey};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use super::support::{set_hash, Mounted};

const US_TITLE: &str =
    "Pakistan says US lawmakers’ letter calling for ex-PM Khan’s release ‘counterproductive’";

fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Collects the `detail` of every `name` event that reaches `reader`'s root, as JSON text.
fn record(reader: &Mounted, name: &'static str) -> (Rc<RefCell<Vec<String>>>, EventListener) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = seen.clone();
    let listener = EventListener::new(&reader.root, name, move |event| {
        let detail = event.dyn_ref::<web_sys::CustomEvent>().map(|e| e.detail()).unwrap_or_default();
        let text = js_sys::JSON::stringify(&detail).ok().and_then(|s| s.as_string()).unwrap_or_default();
        log.borrow_mut().push(text);
    });
    (seen, listener)
}

#[wasm_bindgen_test]
async fn two_readers_keep_their_own_state_and_leave_the_url_alone() {
    set_hash("#/host-route").await;
    let first = Mounted::with_options("#/host-route", ReaderOptions::default()).await;
    let second = Mounted::with_options("#/host-route", ReaderOptions::default()).await;
    assert_eq!(first.headlines().len(), 2, "memory routing ignores the host's fragment");

    first.click("button[aria-pressed]", "Imran Khan");
    first.until("the first reader filters", |r| r.headlines().len() == 1).await;
    assert_eq!(second.headlines().len(), 2, "the second reader is unchanged");

    first.click("[role=feed] h2 a", "US lawmakers");
    first.until("the first reader opens the article", |r| r.one("h1.ar-article__title").is_some()).await;
    assert_eq!(second.headlines().len(), 2);
    assert_eq!(hash(), "#/host-route", "the host's URL is untouched");

    first.click("a.ar-back", "Imran Khan");
    first.until("back keeps the filter", |r| r.headlines().len() == 1).await;
    let ids: Vec<String> =
        first.all("[id]").iter().chain(second.all("[id]").iter()).map(|e| e.id()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "no element id is shared between the readers");
}

#[wasm_bindgen_test]
async fn destroying_one_reader_removes_it_and_leaves_the_other_working() {
    let mut first = Mounted::with_options("#/", ReaderOptions::default()).await;
    let second = Mounted::with_options("#/", ReaderOptions::default()).await;
    first.destroy();
    yew::scheduler::flush().await;
    assert_eq!(first.root.child_element_count(), 0, "the destroyed reader's DOM is gone");

    set_hash("#/?tag=pakistan").await; // A leaked hash listener would act on this.
    second.click("button[aria-pressed]", "United Kingdom");
    second.until("the other reader still filters", |r| r.headlines().len() == 1).await;
    assert_eq!(first.root.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn the_host_hears_when_an_article_opens_and_the_filter_changes() {
    let reader = Mounted::with_options("#/", ReaderOptions::default()).await;
    let (opened, _open_listener) = record(&reader, article_reader::OPEN_EVENT);
    let (filtered, _filter_listener) = record(&reader, article_reader::FILTER_EVENT);

    reader.click("button[aria-pressed]", "Imran Khan");
    reader.until("the filter event", |_| filtered.borrow().len() == 1).await;
    assert_eq!(filtered.borrow()[0], r#"{"tags":["imran khan"],"match":"any"}"#);

    reader.click("[role=feed] h2 a", "US lawmakers");
    reader.until("the open event", |_| opened.borrow().len() == 1).await;
    let expected = format!(
        r##"{{"id":"pakistan-us-lawmakers-letter-khan-release","title":"{US_TITLE}","url":null,"route":"#/article/pakistan-us-lawmakers-letter-khan-release"}}"##
    );
    assert_eq!(opened.borrow()[0], expected);
    assert_eq!(filtered.borrow().len(), 1, "opening an article is not a filter change");
}

#[wasm_bindgen_test]
async fn options_changed_after_mounting_take_effect() {
    let mut reader = Mounted::with_options("#/", ReaderOptions::default()).await;
    let (filtered, _listener) = record(&reader, article_reader::FILTER_EVENT);
    let uk = TagFilter::new(TagKey::new("United Kingdom"), MatchMode::Any);
    reader
        .update(ReaderOptions {
            filter: uk,
            typography: Typography { theme: Some(Theme::Dark), ..Typography::default() },
            ..ReaderOptions::default()
        })
        .await;
    reader.until("the new filter applies", |r| r.headlines().len() == 1).await;
    assert!(reader.one(".ar-app.ar-theme-dark").is_some(), "the theme applies");
    assert_eq!(filtered.borrow().len(), 1, "a host's filter change is announced too");

    reader.update(ReaderOptions { page_size: 1, ..ReaderOptions::default() }).await;
    reader.until("the filter is cleared", |r| r.one("button.ar-more__button").is_some()).await;
    assert_eq!(reader.headlines().len(), 1, "one article a page");
    reader.click("button", "Show more");
    reader.until("the second page shows", |r| r.headlines().len() == 2).await;
    assert!(reader.one("button.ar-more__button").is_none());
}

#[wasm_bindgen_test]
async fn a_reader_in_a_shadow_root_handles_clicks_and_sends_events_out() {
    let reader = Mounted::in_shadow_root(ReaderOptions::default()).await;
    let outer = reader.root.get_root_node().dyn_into::<web_sys::ShadowRoot>().unwrap().host();
    let seen = Rc::new(RefCell::new(0));
    let count = seen.clone();
    let _listener =
        EventListener::new(&outer, article_reader::FILTER_EVENT, move |_| *count.borrow_mut() += 1);

    reader.click("button[aria-pressed]", "Afghanistan");
    reader.until("the reader filters inside the shadow root", |r| r.headlines().len() == 1).await;
    assert_eq!(*seen.borrow(), 1, "the event crossed the shadow boundary");
    reader.click("[role=feed] h2 a", "UK discuss");
    reader.until("a link works inside the shadow root", |r| r.one("h1.ar-article__title").is_some()).await;
}
