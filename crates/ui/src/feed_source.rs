//! Where feeds come from: the feed compiled into the wasm, or a JSON Feed fetched from a URL
//! with progress, and the later pages of a paged feed (`next_url`), fetched the same way and
//! added to it, or the copy of a feed kept from an earlier visit. With `retry` (the requests
//! and their tries) and `feed_cache` (the last good copy), the app's network I/O; views only
//! ever see [`FeedData`].

use std::cell::RefCell;
use std::rc::Rc;

use article_reader_core::feed::json::Value;
use article_reader_core::lists::indexed::IndexedFeed;
use article_reader_core::url::Base;
use article_reader_core::{
    load_feed_from, load_feed_value, Article, FeedError, Limits, LoadFailure, LoadedFeed, Progress, SafeUrl,
};

use crate::feed_cache::Kept;
use crate::platform::Browser;
use crate::retry::{fetch_text_retrying, Cancelled};

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
    pub kept: Option<Kept>,
    /// A split feed's chunk files fetched so far, by their URL as written in the index (a
    /// handful, looked up in turn), with their articles: the bodies the index has not.
    chunks: RefCell<Vec<(String, Vec<Rc<Article>>)>>,
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

    /// The whole article `id` from the chunk `chunk`, once fetched: shared, not copied, by
    /// each render of its page.
    pub fn chunk_article(&self, chunk: &SafeUrl, id: &str) -> Option<Rc<Article>> {
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
        chunks.push((chunk.as_str().to_owned(), articles));
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
            let message = article_reader_core::interface::text::Ui::default().over_limit(items, limit);
            crate::platform::warn(&format!("article-reader, {source}: {message}"));
        }
        // In English, for whoever fixes the feed (see `messages`).
        let english = article_reader_core::interface::text::Ui::default();
        let mut report = String::new();
        if !self.skipped.is_empty() {
            report.push_str(&format!(
                "{} item(s) skipped, {} shown:",
                self.skipped.len(),
                self.feed.articles.len()
            ));
            for problem in &self.skipped {
                report.push_str("\n  ");
                report.push_str(&english.item_problem(problem));
            }
        }
        if !self.left_out.is_empty() {
            report.push_str(&format!(
                "\n{} field(s) left out, their articles shown without them:",
                self.left_out.len()
            ));
            for problem in &self.left_out {
                report.push_str("\n  ");
                report.push_str(&english.item_problem(problem));
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
        crate::feed_cache::keep(&resolve(url, None), text);
    }
    Ok(Some(data))
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

/// The copy of the feed at `url` kept from an earlier visit (see `feed_cache`), loaded, with
/// `kept` saying why it shows; `None` when there is none (or it no longer loads).
pub async fn kept(url: &str, limits: &Limits, failure: crate::failure::Failure) -> Option<FeedData> {
    let key = resolve(url, None);
    crate::feed_cache::kept(&key, |text, at| {
        let mut data = FeedData::from_json(text, limits, Some(key.clone())).ok()?;
        data.source = Some(url.to_owned());
        data.kept = Some(Kept { at, failure });
        Some(data)
    })
    .await
}
