//! The root component: gets the feed (bundled, or fetched with progress), owns the navigation
//! state, follows the URL fragment or keeps its place in memory, tells the host what happens,
//! and picks the page to show.

use std::cell::Cell;
use std::rc::Rc;

use article_reader_core::{
    FeedLocation, Limits, Navigation, Progress, ReaderEvent, ReaderOptions, Route, Routing, Theme,
};
use wasm_bindgen::JsValue;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::error_view::ErrorView;
use crate::components::loading_view::LoadingView;
use crate::components::masthead::Masthead;
use crate::components::problems_notice::ProblemsNotice;
use crate::feed_source::{fetch_feed, Cancelled, FeedData, FeedHandle};
use crate::host_events;
use crate::pages::article_page::ArticlePage;
use crate::pages::feed_page::FeedPage;
use crate::pages::not_found::NotFound;
use crate::routing::{self, Navigator};
use crate::state::{ReaderAction, ReaderState};

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
}

/// A prefix for element ids, unique per mounted reader, so two readers on one page never
/// point `aria-labelledby` at each other's headings.
fn next_id_prefix() -> AttrValue {
    let n = NEXT_INSTANCE.with(|next| next.replace(next.get() + 1));
    AttrValue::from(format!("ar{n}"))
}

#[derive(Properties, Clone, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub options: ReaderOptions,
}

/// Where getting the feed stands.
#[derive(Clone, PartialEq)]
enum FeedState {
    Loading { url: String, progress: Progress },
    Ready(FeedHandle),
    Failed(String),
}

impl FeedState {
    /// The state a feed starts in: the bundled feed is parsed at once, so it shows in the
    /// first render with no loading flash; a URL starts loading.
    fn initial(feed: &Result<FeedLocation, String>, limits: &Limits) -> FeedState {
        match feed {
            Err(message) => FeedState::Failed(message.clone()),
            Ok(FeedLocation::Url(url)) => {
                FeedState::Loading { url: url.clone(), progress: Progress::default() }
            }
            Ok(FeedLocation::Bundled) => match FeedData::bundled(limits) {
                Ok(data) => {
                    data.report_to_console("bundled feed");
                    FeedState::Ready(FeedHandle(Rc::new(data)))
                }
                Err(error) => FeedState::Failed(error.to_string()),
            },
        }
    }
}

/// Where a reader starts: the fragment with hash routing (unless it is empty and the host asked
/// for a filter), else the feed with the host's filter.
fn initial_route(options: &ReaderOptions) -> Route {
    match options.routing {
        Routing::Hash if !gloo::utils::window().location().hash().unwrap_or_default().is_empty() => {
            routing::current_route()
        }
        _ => Route::Feed(options.filter.clone()),
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let options = &props.options;
    let feed_state = use_state(|| FeedState::initial(&options.feed, &options.limits));
    let state = use_reducer(|| ReaderState { navigation: Navigation::new(initial_route(options)) });
    let id_prefix = use_memo((), |_| next_id_prefix());
    let root = use_node_ref();
    let navigator = Navigator::new(options.routing, state.dispatcher());

    // Hash routing follows the fragment for as long as the reader is mounted.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(options.routing, move |routing| {
            let listener = (*routing == Routing::Hash).then(|| {
                routing::on_route_change(move |route| dispatcher.dispatch(ReaderAction::Navigated(route)))
            });
            move || drop(listener)
        });
    }

    // A filter the host sets after mounting (an attribute, or `setFilter`) moves the reader to
    // the feed with that filter. The first run is the initial filter, already in place.
    {
        let navigator = navigator.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(options.filter.clone(), move |filter| {
            if !first.replace(false) {
                navigator.go(Route::Feed(filter.clone()));
            }
        });
    }

    // The feed: fetched when it is a URL; loaded again when the host changes it.
    {
        let feed_state = feed_state.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((options.feed.clone(), options.limits), move |(feed, limits)| {
            let cancelled: Cancelled = Rc::default();
            let is_first = first.replace(false);
            if !is_first {
                feed_state.set(FeedState::initial(feed, limits));
            }
            if let Ok(FeedLocation::Url(url)) = feed {
                start_fetch(url.clone(), *limits, feed_state, cancelled.clone());
            }
            move || cancelled.set(true)
        });
    }

    // Tell the host what happened: opened articles and filter changes, as DOM events.
    {
        let root = root.clone();
        let previous = use_mut_ref(|| state.navigation.clone());
        let feed_state = feed_state.clone();
        use_effect_with(state.navigation.clone(), move |navigation| {
            let before = previous.replace(navigation.clone());
            if let (Some(element), FeedState::Ready(data)) = (root.cast::<web_sys::Element>(), &*feed_state) {
                for event in before.events_to(navigation) {
                    if matches!(&event, ReaderEvent::ArticleOpened { id } if data.feed.article(id).is_none())
                    {
                        continue;
                    }
                    host_events::dispatch(&element, &event, data);
                }
            }
        });
    }

    let theme = match options.theme {
        Theme::Auto => None,
        Theme::Light => Some("ar-theme-light"),
        Theme::Dark => Some("ar-theme-dark"),
    };
    let frame = |lang: Option<String>, content: Html| {
        html! {
            <ContextProvider<Navigator> context={navigator.clone()}>
                <div
                    class={classes!("ar-app", theme)}
                    part="app"
                    lang={lang}
                    ref={root.clone()}
                    onclick={navigator.link_interceptor()}
                >
                    { content }
                </div>
            </ContextProvider<Navigator>>
        }
    };

    let data = match &*feed_state {
        FeedState::Ready(data) => data.clone(),
        FeedState::Loading { url, progress } => {
            return frame(
                options.lang.clone(),
                html! { <main class="ar-main"><LoadingView url={url.clone()} progress={*progress} /></main> },
            )
        }
        FeedState::Failed(message) => {
            return frame(
                options.lang.clone(),
                html! {
                    <main class="ar-main">
                        <ErrorView title="This feed cannot be shown" message={message.clone()} />
                    </main>
                },
            )
        }
    };
    let navigation = &state.navigation;
    let id_prefix = (*id_prefix).clone();
    let on_feed = matches!(navigation.route, Route::Feed(_));
    let page = match &navigation.route {
        Route::Feed(filter) => html! {
            <FeedPage
                data={data.clone()}
                filter={filter.clone()}
                page_size={options.page_size}
                id_prefix={id_prefix.clone()}
            />
        },
        Route::Article(id) => match data.feed.position(id) {
            Some(position) => html! {
                <ArticlePage
                    data={data.clone()}
                    {position}
                    back={navigation.back_to_feed()}
                    id_prefix={id_prefix.clone()}
                />
            },
            None => html! {
                <NotFound
                    what={format!("There is no article with the id “{id}” in this feed.")}
                    back={navigation.back_to_feed()}
                />
            },
        },
        Route::NotFound(path) => html! {
            <NotFound
                what={format!("The address “#{path}” does not lead to a page of this reader.")}
                back={navigation.back_to_feed()}
            />
        },
    };

    frame(
        options.lang.clone().or_else(|| data.feed.language.clone()),
        html! {
            <>
                <Masthead
                    title={data.feed.title.clone()}
                    description={data.feed.description.clone()}
                    is_page_heading={on_feed}
                />
                <main class="ar-main">
                    if !data.skipped.is_empty() || data.over_limit.is_some() {
                        <ProblemsNotice data={data.clone()} />
                    }
                    { page }
                </main>
            </>
        },
    )
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
                FeedState::Failed(failure.to_string())
            }
        });
    });
}
