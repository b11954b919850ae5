//! Where feeds come from: the feed compiled into the wasm, or a JSON Feed fetched from a URL
//! with progress, and the later pages of a paged feed (`next_url`), fetched the same way and
//! added to it. With `retry` (the tries) and `feed_cache` (the last good copy), the app's
//! network I/O; views only ever see [`FeedData`].

use std::cell::RefCell;
use std::rc::Rc;

use article_reader_core::indexed::IndexedFeed;
use article_reader_core::json::Value;
use article_reader_core::url::Base;
use article_reader_core::{
    load_feed_from, load_feed_value, Article, FeedError, Limits, LoadFailure, LoadedFeed, Progress, SafeUrl,
};
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, ReadableStreamReadResult, Response};

use crate::platform::Browser;
use crate::retry::fetch_text_retrying;

/// The default content, `feeds/seed.json`, built into the binary so the reader works with no
/// request at all.
pub const BUNDLED_FEED: &str = include_str!("../../../feeds/seed.json");

/// A loaded feed with everything derived from it once (the core's [`IndexedFeed`], which it
/// derefs to), where it came from, and its fetches; shared read-only by every view.
#[derive(Debug)]
pub struct FeedData {
    pub indexed: IndexedFeed,
    /// The URL the feed came from, as given; a split feed's chunks are relative to it.
    pub source: Option<String>,
    /// That URL made absolute: what the feed's relative URLs resolve against.
    pub base: Option<String>,
    /// Set when this is the copy kept from an earlier visit, shown because the feed could not be
    /// fetched: when it was kept (milliseconds since 1970) and why it is shown.
    pub kept: Option<crate::feed_cache::Kept>,
    /// Bodies fetched from a split feed's chunk files, by chunk URL as written in the index.
    /// A split feed's chunks fetched so far, by their URL as given: a handful, looked up in turn
    /// (a `HashMap` of its own would cost the wasm another copy of the hash table code).
    chunks: RefCell<Vec<(String, Rc<Vec<Article>>)>>,
    /// What stops the feed's fetches (its next page, its chunks) when the reader is destroyed or
    /// given another feed.
    cancel: Cancelled,
}

impl FeedData {
    /// The feed in `json`; `base` is the absolute URL it came from, if it came from one.
    pub fn from_json(json: &str, limits: &Limits, base: Option<String>) -> Result<FeedData, FeedError> {
        let browser = Browser::new();
        let loaded = load_feed_from(json, limits, &browser, base.as_deref())?;
        Ok(Self::from_loaded(loaded, limits, &browser, base))
    }

    /// A feed a host page handed over as an object, read into the core's tree. Its relative
    /// URLs stay relative, to the page.
    pub fn from_value(value: Value, limits: &Limits) -> Result<FeedData, FeedError> {
        let browser = Browser::new();
        Ok(Self::from_loaded(load_feed_value(value, limits, &browser, None)?, limits, &browser, None))
    }

    fn from_loaded(loaded: LoadedFeed, limits: &Limits, browser: &Browser, base: Option<String>) -> FeedData {
        // A next_url still relative (a feed from no URL) is relative to the page.
        let page = crate::platform::page_url();
        let page = Base { url: page.as_deref(), platform: browser };
        Self::with_indexed(IndexedFeed::first(loaded, limits, base.as_deref(), &page), base)
    }

    fn with_indexed(indexed: IndexedFeed, base: Option<String>) -> FeedData {
        FeedData {
            indexed,
            source: None,
            base,
            chunks: RefCell::default(),
            kept: None,
            cancel: Cancelled::default(),
        }
    }

    pub fn bundled(limits: &Limits) -> Result<FeedData, FeedError> {
        Self::from_json(BUNDLED_FEED, limits, None)
    }

    /// The whole article `id` from the chunk `chunk`, once fetched.
    pub fn chunk_article(&self, chunk: &SafeUrl, id: &str) -> Option<Article> {
        let chunks = self.chunks.borrow();
        let (_, articles) = chunks.iter().find(|(url, _)| url == chunk.as_str())?;
        articles.iter().find(|a| a.id.as_str() == id).cloned()
    }

    /// Fetches a split feed's chunk file (once) and keeps its articles.
    pub async fn fetch_chunk(&self, chunk: &SafeUrl, limits: &Limits) -> Result<(), LoadFailure> {
        if self.chunks.borrow().iter().any(|(url, _)| url == chunk.as_str()) {
            return Ok(());
        }
        let url = resolve(chunk.as_str(), self.source.as_deref());
        // A chunk only lends its bodies: no tag or search index is built for it.
        let fetched = fetch_text_retrying(&url, limits, &self.cancel, &|_| {}, &|_| {}).await?;
        let Some((text, content_type)) = fetched else {
            return Ok(());
        };
        let articles = load_feed_from(&text, limits, &Browser::new(), Some(&url))
            .map_err(|error| LoadFailure::of_document(&url, content_type.as_deref(), &text, error))?
            .feed
            .articles;
        let mut chunks = self.chunks.borrow_mut();
        // Another fetch of the same chunk may have finished meanwhile: the later one is kept.
        chunks.retain(|(url, _)| url != chunk.as_str());
        chunks.push((chunk.as_str().to_owned(), Rc::new(articles)));
        Ok(())
    }

    /// The feed with its next page (`text`, fetched from `url`, which is `self.next_page`)
    /// added, indexed again by the core (a split feed's chunks are fetched again as needed). A
    /// `next_url` still relative (a feed from no URL) is relative to the page.
    fn with_page(&self, url: &str, text: &str, limits: &Limits) -> Result<FeedData, FeedError> {
        let (browser, page) = (Browser::new(), crate::platform::page_url());
        let page = Base { url: page.as_deref(), platform: &browser };
        Ok(FeedData::with_indexed(self.indexed.with_page(url, text, limits, &page)?, self.base.clone()))
    }

    /// Tells the browser console what was skipped, for the person fixing the feed.
    pub fn report_to_console(&self, source: &str) {
        if let Some((items, limit)) = self.over_limit {
            let message = article_reader_core::text::Ui::default().over_limit(items, limit);
            crate::platform::warn(&format!("article-reader, {source}: {message}"));
        }
        let mut report = String::new();
        if !self.skipped.is_empty() {
            report.push_str(&format!(
                "{} item(s) skipped, {} shown:",
                self.skipped.len(),
                self.feed.articles.len()
            ));
            for problem in &self.skipped {
                report.push_str("\n  ");
                report.push_str(&problem.to_string());
            }
        }
        if !self.left_out.is_empty() {
            report.push_str(&format!(
                "\n{} field(s) left out, their articles shown without them:",
                self.left_out.len()
            ));
            for problem in &self.left_out {
                report.push_str("\n  ");
                report.push_str(&problem.to_string());
            }
        }
        if !report.is_empty() {
            crate::platform::warn(&format!("article-reader, {source}: {}", report.trim_start()));
        }
    }
}

impl std::ops::Deref for FeedData {
    type Target = IndexedFeed;

    fn deref(&self) -> &IndexedFeed {
        &self.indexed
    }
}

/// A cheap handle on shared feed data for component props: equal only when it is the same
/// load, so a re-render never compares whole feeds.
#[derive(Clone, Debug)]
pub struct FeedHandle(pub Rc<FeedData>);

impl PartialEq for FeedHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for FeedHandle {
    type Target = FeedData;

    fn deref(&self) -> &FeedData {
        &self.0
    }
}

/// Set by whoever started a fetch to stop it: the reader unmounted or wants another feed.
pub type Cancelled = Rc<crate::retry::Cancel>;

/// Fetches the feed at `url` and builds its indexes, or, given the feed `onto`, its next page
/// (at `url`) and the feed with it added; `Ok(None)` means the fetch was cancelled. Transient
/// failures are tried again (`on_wait` hears the seconds before each next try); a first page
/// that loads is kept as the feed's last good copy.
pub async fn fetch_feed(
    url: &str,
    limits: &Limits,
    cancelled: &Cancelled,
    on_progress: &dyn Fn(Progress),
    on_wait: &dyn Fn(u32),
    onto: Option<&FeedData>,
) -> Result<Option<FeedData>, LoadFailure> {
    let Some((text, content_type)) =
        fetch_text_retrying(url, limits, cancelled, on_progress, on_wait).await?
    else {
        return Ok(None);
    };
    let data = match onto {
        Some(feed) => feed.with_page(url, &text, limits),
        None => FeedData::from_json(&text, limits, Some(resolve(url, None))),
    };
    let mut data =
        data.map_err(|error| LoadFailure::of_document(url, content_type.as_deref(), &text, error))?;
    // Of a paged feed, what all its pages have skipped so far.
    data.report_to_console(url);
    data.source = onto.map_or_else(|| Some(url.to_owned()), |feed| feed.source.clone());
    data.cancel = cancelled.clone();
    if onto.is_none() {
        crate::feed_cache::keep(url, text);
    }
    Ok(Some(data))
}

/// Fetches the text at `url` and the content type it was served as, reading the body in chunks
/// so `on_progress` can show how much has arrived, and stopping as soon as it outgrows
/// `limits.max_feed_bytes`. `Ok(None)` means the fetch was cancelled. (`on_progress` is a
/// `dyn`, so the feed, its pages and its chunks share one copy of this future in the wasm.)
pub(crate) async fn fetch_text(
    url: &str,
    limits: &Limits,
    cancelled: &Cancelled,
    on_progress: &dyn Fn(Progress),
) -> Result<Option<(String, Option<String>)>, LoadFailure> {
    if crate::retry::offline() {
        return Err(LoadFailure::Offline { url: url.to_owned() });
    }
    // Aborted when cancelled, or when nothing arrives for 30 s.
    let attempt = crate::retry::Attempt::start(cancelled);
    let network = |error: JsValue| attempt.failed(url, &error);
    let request = gloo::utils::window().fetch_with_str_and_init(url, &attempt.init());
    let response: Response = match JsFuture::from(request).await {
        Ok(response) => response.unchecked_into(),
        Err(error) => return Err(attempt.request_failed(url, &error).await),
    };
    attempt.progressed();
    let header = |name: &str| response.headers().get(name).ok().flatten();
    if !response.ok() {
        return Err(LoadFailure::Status {
            url: url.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
            retry_after: header("retry-after")
                .as_deref()
                .and_then(article_reader_core::retry::parse_retry_after),
        });
    }
    let content_type = response.headers().get("content-type").ok().flatten();
    let total = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|length| length.trim().parse::<u64>().ok());
    // A compressed response announces its compressed size, so only a total over the limit
    // that the body cannot undercut is final; otherwise the limit is checked as bytes arrive.
    if let Some(bytes) = total.filter(|&t| t > limits.max_feed_bytes as u64) {
        return Err(LoadFailure::TooLarge {
            url: url.to_owned(),
            bytes: Some(bytes),
            limit: limits.max_feed_bytes,
        });
    }

    let mut body: Vec<u8> = Vec::with_capacity(total.unwrap_or(0).min(limits.max_feed_bytes as u64) as usize);
    let mut progress = Progress { received: 0, total };
    on_progress(progress);
    if let Some(stream) = response.body() {
        let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
        loop {
            let chunk: ReadableStreamReadResult =
                JsFuture::from(reader.read()).await.map_err(network)?.unchecked_into();
            if cancelled.get() {
                let _ = reader.cancel();
                return Ok(None);
            }
            if chunk.get_done().unwrap_or(true) {
                break;
            }
            // A fetch body's chunks are Uint8Arrays; `Uint8Array::new` would copy each one first.
            let bytes: Uint8Array = chunk.get_value().unchecked_into();
            if body.len() + bytes.length() as usize > limits.max_feed_bytes {
                let _ = reader.cancel();
                return Err(LoadFailure::TooLarge {
                    url: url.to_owned(),
                    bytes: None,
                    limit: limits.max_feed_bytes,
                });
            }
            let start = body.len();
            body.resize(start + bytes.length() as usize, 0);
            bytes.copy_to(&mut body[start..]);
            progress.received = body.len() as u64;
            attempt.progressed();
            on_progress(progress);
        }
    }
    // A body shorter than announced was cut off (browsers mostly say so as a network error).
    // Only where the body is not compressed: a compressed one announces its compressed size.
    if let Some(expected) = total.filter(|&t| progress.received < t) {
        if response.type_() == web_sys::ResponseType::Basic && header("content-encoding").is_none() {
            return Err(LoadFailure::CutShort { url: url.to_owned(), received: progress.received, expected });
        }
    }
    String::from_utf8(body)
        .map(|text| Some((text, content_type)))
        .map_err(|error| LoadFailure::NotText { url: url.to_owned(), at: error.utf8_error().valid_up_to() })
}

/// `url` resolved against the feed's own URL (itself relative to the page), as a browser would.
pub(crate) fn resolve(url: &str, feed: Option<&str>) -> String {
    let page = gloo::utils::window().location().href().unwrap_or_default();
    let base = feed
        .and_then(|feed| web_sys::Url::new_with_base(feed, &page).ok())
        .map(|feed| feed.href())
        .unwrap_or(page);
    web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_owned())
}
