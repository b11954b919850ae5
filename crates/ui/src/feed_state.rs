//! Where getting a reader's feed stands (loading with progress, ready, failed), and the hook
//! that keeps it: the bundled, inline or handed-over feed is read at once, so it shows in the
//! first render with no loading flash; a URL is fetched in the background; a new feed from the
//! host starts again, cancelling the fetch before it. Follows and read marks are kept per feed.
//! A paged feed's next page is fetched when asked (`MorePages::load`), and the feed with it
//! replaces the one shown; a page that fails leaves the feed as it was, to try again.

use std::cell::Cell;
use std::rc::Rc;

use article_reader_core::interface::text::Ui;
use article_reader_core::{FailureKind, FeedLocation, Limits, LoadFailure, Progress, UnusableAddress};
use gloo::events::EventListener;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::effect::use_effect_on;
use crate::failure::Failure;
use crate::feed_source::{fetch_feed, FeedData, FeedHandle};
use crate::prefs::PrefsAction;
use crate::retry::Cancelled;

#[derive(Clone, PartialEq)]
pub enum FeedState {
    Loading {
        url: String,
        progress: Progress,
        /// Seconds before the next try, while waiting after a transient failure.
        retry_in: Option<u32>,
    },
    /// The feed on screen, and where fetching its next page stands.
    Ready(FeedHandle, NextPage),
    /// Why the feed cannot be shown, and its URL when it was fetched (it can be tried again).
    Failed { failure: Failure, url: Option<String> },
}

impl FeedState {
    /// The state a feed starts in: read at once when it is at hand, loading when it is a URL.
    pub fn initial(feed: &Result<FeedLocation, UnusableAddress>, limits: &Limits) -> FeedState {
        let (loaded, source) = match feed {
            Err(unusable) => return FeedState::Failed { failure: Failure::new(unusable.into()), url: None },
            Ok(FeedLocation::Url(url)) => {
                return FeedState::Loading { url: url.clone(), progress: Progress::default(), retry_in: None }
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
                FeedState::Ready(FeedHandle(Rc::new(data)), NextPage::Idle)
            }
            Err(error) => {
                let message = Ui::default().feed_error(&error);
                crate::platform::error(&format!("article-reader, {source}: {message}"));
                FeedState::Failed { failure: Failure::new(LoadFailure::Feed(error)), url: None }
            }
        }
    }

    pub fn ready(&self) -> Option<&FeedHandle> {
        match self {
            FeedState::Ready(data, _) => Some(data),
            _ => None,
        }
    }
}

/// Where fetching a paged feed's next page stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum NextPage {
    #[default]
    Idle,
    Loading,
    /// Why the last try failed.
    Failed(Failure),
}

/// What the feed view needs to offer the next page: where it stands, and how to ask for it.
#[derive(Clone, PartialEq)]
pub struct MorePages {
    pub state: NextPage,
    pub load: Callback<()>,
}

/// The name a feed's follows and read marks are stored under.
pub fn prefs_scope(feed: &Result<FeedLocation, UnusableAddress>) -> String {
    match feed {
        Ok(FeedLocation::Url(url)) => url.clone(),
        Ok(FeedLocation::Text(_) | FeedLocation::Object(_)) => "given".to_owned(),
        _ => "bundled".to_owned(),
    }
}

/// The reader's feed, kept as `feed` and `limits` change; `prefs` loads what is remembered for
/// each new one. Returns the state, what loads the next page, and what fetches a fetched feed
/// again ("Try again", and by itself when the browser comes back online).
#[hook]
pub fn use_feed(
    feed: Result<FeedLocation, UnusableAddress>,
    limits: Limits,
    prefs: UseReducerDispatcher<crate::prefs::Prefs>,
) -> (UseStateHandle<FeedState>, Callback<()>, Callback<()>) {
    let state = use_state(|| FeedState::initial(&feed, &limits));
    // Stops the fetches of the feed shown (its first page and the next) when another replaces it.
    let current = use_mut_ref(Cancelled::default);
    let retry = {
        let (state, current, feed) = (state.clone(), current.clone(), feed.clone());
        Callback::from(move |()| {
            let Ok(FeedLocation::Url(url)) = &feed else { return };
            let cancelled: Cancelled = Rc::default();
            current.replace(cancelled.clone()).set(true);
            state.set(FeedState::Loading { url: url.clone(), progress: Progress::default(), retry_in: None });
            start_fetch(url.clone(), limits, state.clone(), cancelled, None);
        })
    };
    // Back online, a feed that could not be fetched (or shows its kept copy) is fetched again.
    {
        let retry = retry.clone();
        let wanted = matches!(&*state, FeedState::Failed { failure, url: Some(_) } if failure.kind() == FailureKind::Fetch)
            || state.ready().is_some_and(|data| data.kept.is_some());
        use_effect_on(wanted, move |wanted| {
            let listener =
                wanted.then(|| EventListener::new(&gloo::utils::window(), "online", move |_| retry.emit(())));
            move || drop(listener)
        });
    }
    {
        let state = state.clone();
        let current = current.clone();
        let first = use_mut_ref(|| true);
        use_effect_on((feed, limits), move |(feed, limits)| {
            let cancelled: Cancelled = Rc::default();
            *current.borrow_mut() = cancelled.clone();
            if !first.replace(false) {
                state.set(FeedState::initial(feed, limits));
                prefs.dispatch(PrefsAction::Replace(crate::prefs::Prefs::load(&prefs_scope(feed)).0));
            }
            if let Ok(FeedLocation::Url(url)) = feed {
                start_fetch(url.clone(), *limits, state, cancelled.clone(), None);
            }
            // Whatever fetch is current then: a "Try again" may have replaced this one.
            move || current.borrow().set(true)
        });
    }
    // A large feed's search index is completed once its first page is on screen; the reader
    // renders again when it is, so a search typed meanwhile is answered.
    {
        let rerender = use_force_update();
        let pending = state.ready().filter(|data| !data.search_ready()).cloned();
        use_effect_on(pending, move |pending| {
            let cancelled: Cancelled = Rc::default();
            if let Some(data) = pending.clone() {
                let cancelled = cancelled.clone();
                spawn_local(async move {
                    if crate::indexing::finish_search_index(&data, &cancelled).await {
                        rerender.force_update();
                    }
                });
            }
            move || cancelled.set(true)
        });
    }
    // Fetches the next page of the feed on screen, unless it is on its way.
    let load = {
        let state = state.clone();
        let current = current.clone();
        Callback::from(move |()| {
            if let FeedState::Ready(data, NextPage::Idle | NextPage::Failed(_)) = &*state {
                if let Some(url) = &data.next_page {
                    let cancelled = current.borrow().clone();
                    start_fetch(url.clone(), limits, state.clone(), cancelled, Some(data.clone()));
                }
            }
        })
    };
    (state, load, retry)
}

/// Fetches the feed at `url` in the background, showing progress, until done or cancelled; or,
/// `onto` a feed, its next page, which shows beside the feed until it has come (or failed).
fn start_fetch(
    url: String,
    limits: Limits,
    feed_state: UseStateHandle<FeedState>,
    cancelled: Cancelled,
    onto: Option<FeedHandle>,
) {
    spawn_local(async move {
        // The loading view is drawn again at most every 100 ms (a next page's, once): a large
        // feed arrives in hundreds of chunks, and each drawing re-renders the reader.
        let drawn_at = Cell::new(None::<u64>);
        let on_progress = |progress| {
            let now = crate::platform::now();
            match drawn_at.get() {
                Some(at) if onto.is_some() || now.saturating_sub(at) < 100 => return,
                _ => drawn_at.set(Some(now)),
            }
            feed_state.set(match &onto {
                Some(data) => FeedState::Ready(data.clone(), NextPage::Loading),
                None => FeedState::Loading { url: url.clone(), progress, retry_in: None },
            })
        };
        // Between tries of a first page, the loading view counts down.
        let on_wait = |seconds: u32| {
            if onto.is_none() {
                let retry_in = (seconds > 0).then_some(seconds);
                feed_state.set(FeedState::Loading {
                    url: url.clone(),
                    progress: Progress::default(),
                    retry_in,
                });
            }
        };
        let result = fetch_feed(&url, &limits, &cancelled, &on_progress, &on_wait, onto.as_deref()).await;
        if cancelled.get() {
            return;
        }
        feed_state.set(match result {
            Ok(Some(data)) => FeedState::Ready(FeedHandle(Rc::new(data)), NextPage::Idle),
            Ok(None) => return,
            Err(failure) => {
                let failure = Failure::new(failure);
                crate::platform::error(&format!("article-reader: {}", Ui::default().load_failure(&failure)));
                // A feed that cannot be fetched shows its copy from the last visit, if kept.
                let kept = match (&onto, failure.kind()) {
                    (None, FailureKind::Fetch) => {
                        crate::feed_source::kept(&url, &limits, failure.clone()).await
                    }
                    _ => None,
                };
                if cancelled.get() {
                    return;
                }
                match (onto, kept) {
                    (Some(data), _) => FeedState::Ready(data, NextPage::Failed(failure)),
                    (None, Some(kept)) => FeedState::Ready(FeedHandle(Rc::new(kept)), NextPage::Idle),
                    (None, None) => FeedState::Failed { failure, url: Some(url) },
                }
            }
        });
    });
}
