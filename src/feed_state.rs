//! Where getting a reader's feed stands (loading with progress, ready, failed), and the hook
//! that keeps it: the bundled, inline or handed-over feed is read at once, so it shows in the
//! first render with no loading flash; a URL is fetched in the background; a new feed from the
//! host starts again, cancelling the fetch before it. Follows and read marks are kept per feed.

use std::rc::Rc;

use article_reader_core::{FailureKind, FeedLocation, Limits, Progress};
use wasm_bindgen::JsValue;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::feed_source::{fetch_feed, Cancelled, FeedData, FeedHandle};
use crate::prefs::PrefsAction;

#[derive(Clone, PartialEq)]
pub enum FeedState {
    Loading { url: String, progress: Progress },
    Ready(FeedHandle),
    Failed { message: String, kind: FailureKind, url: Option<String> },
}

impl FeedState {
    /// The state a feed starts in: read at once when it is at hand, loading when it is a URL.
    pub fn initial(feed: &Result<FeedLocation, String>, limits: &Limits) -> FeedState {
        let (loaded, source) = match feed {
            Err(message) => {
                return FeedState::Failed { message: message.clone(), kind: FailureKind::Invalid, url: None }
            }
            Ok(FeedLocation::Url(url)) => {
                return FeedState::Loading { url: url.clone(), progress: Progress::default() }
            }
            Ok(FeedLocation::Bundled) => (FeedData::bundled(limits), "bundled feed"),
            Ok(FeedLocation::Text(text)) => (FeedData::from_json(text, limits, None), "inline feed"),
            Ok(FeedLocation::Object(value)) => {
                (FeedData::from_value((**value).clone(), limits), "feed object")
            }
        };
        match loaded {
            Ok(data) => {
                data.report_to_console(source);
                FeedState::Ready(FeedHandle(Rc::new(data)))
            }
            Err(error) => {
                let message = error.to_string();
                web_sys::console::error_1(&JsValue::from_str(&format!(
                    "article-reader, {source}: {message}"
                )));
                FeedState::Failed { message, kind: FailureKind::of_feed_error(&error), url: None }
            }
        }
    }

    pub fn ready(&self) -> Option<&FeedHandle> {
        match self {
            FeedState::Ready(data) => Some(data),
            _ => None,
        }
    }
}

/// The name a feed's follows and read marks are stored under.
pub fn prefs_scope(feed: &Result<FeedLocation, String>) -> String {
    match feed {
        Ok(FeedLocation::Url(url)) => url.clone(),
        Ok(FeedLocation::Text(_) | FeedLocation::Object(_)) => "given".to_owned(),
        _ => "bundled".to_owned(),
    }
}

/// The reader's feed, kept as `feed` and `limits` change; `prefs` loads what is remembered for
/// each new one.
#[hook]
pub fn use_feed(
    feed: Result<FeedLocation, String>,
    limits: Limits,
    prefs: UseReducerDispatcher<crate::prefs::Prefs>,
) -> UseStateHandle<FeedState> {
    let state = use_state(|| FeedState::initial(&feed, &limits));
    {
        let state = state.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((feed, limits), move |(feed, limits)| {
            let cancelled: Cancelled = Rc::default();
            if !first.replace(false) {
                state.set(FeedState::initial(feed, limits));
                prefs.dispatch(PrefsAction::Load(prefs_scope(feed)));
            }
            if let Ok(FeedLocation::Url(url)) = feed {
                start_fetch(url.clone(), *limits, state, cancelled.clone());
            }
            move || cancelled.set(true)
        });
    }
    state
}

/// Fetches the feed at `url` in the background, showing progress, until done or cancelled.
fn start_fetch(url: String, limits: Limits, feed_state: UseStateHandle<FeedState>, cancelled: Cancelled) {
    spawn_local(async move {
        let progress_state = feed_state.clone();
        let progress_url = url.clone();
        let on_progress =
            move |progress| progress_state.set(FeedState::Loading { url: progress_url.clone(), progress });
        let result = fetch_feed(&url, &limits, &cancelled, on_progress).await;
        if cancelled.get() {
            return;
        }
        feed_state.set(match result {
            Ok(Some(data)) => {
                data.report_to_console(&url);
                FeedState::Ready(FeedHandle(Rc::new(data)))
            }
            Ok(None) => return,
            Err(failure) => {
                web_sys::console::error_1(&JsValue::from_str(&format!("article-reader: {failure}")));
                FeedState::Failed { message: failure.to_string(), kind: failure.kind(), url: Some(url) }
            }
        });
    });
}
