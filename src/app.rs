//! The root component: gets the feed (bundled, or fetched with progress), owns the navigation
//! state, follows the URL fragment and picks the page to show.

use std::cell::Cell;
use std::rc::Rc;

use article_reader_core::{FeedLocation, Navigation, Progress, Route, StartOptions};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::error_view::ErrorView;
use crate::components::loading_view::LoadingView;
use crate::components::masthead::Masthead;
use crate::components::problems_notice::ProblemsNotice;
use crate::feed_source::{fetch_feed, Cancelled, FeedData, FeedHandle};
use crate::pages::article_page::ArticlePage;
use crate::pages::feed_page::FeedPage;
use crate::pages::not_found::NotFound;
use crate::routing;
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

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    /// What the page asked for, or why what it asked for cannot be done.
    #[prop_or(Ok(StartOptions::default()))]
    pub options: Result<StartOptions, String>,
}

/// Where getting the feed stands.
#[derive(Clone, PartialEq)]
enum FeedState {
    Loading { url: String, progress: Progress },
    Ready(FeedHandle),
    Failed(String),
}

impl FeedState {
    /// The state a reader starts in: the bundled feed is parsed at once, so it shows in the
    /// first render with no loading flash; a URL starts loading.
    fn initial(options: &Result<StartOptions, String>) -> FeedState {
        match options {
            Err(message) => FeedState::Failed(message.clone()),
            Ok(StartOptions { feed: FeedLocation::Url(url), .. }) => {
                FeedState::Loading { url: url.clone(), progress: Progress::default() }
            }
            Ok(StartOptions { feed: FeedLocation::Bundled, limits }) => match FeedData::bundled(limits) {
                Ok(data) => {
                    data.report_to_console("bundled feed");
                    FeedState::Ready(FeedHandle(Rc::new(data)))
                }
                Err(error) => FeedState::Failed(error.to_string()),
            },
        }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let feed_state = use_state(|| FeedState::initial(&props.options));
    let state = use_reducer(|| ReaderState { navigation: Navigation::new(routing::current_route()) });
    let id_prefix = use_memo((), |_| next_id_prefix());
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener =
                routing::on_route_change(move |route| dispatcher.dispatch(ReaderAction::Navigated(route)));
            move || drop(listener)
        });
    }
    {
        let feed_state = feed_state.clone();
        use_effect_with(props.options.clone(), move |options| {
            let cancelled: Cancelled = Rc::default();
            if let Ok(StartOptions { feed: FeedLocation::Url(url), limits }) = options.clone() {
                let cancelled = cancelled.clone();
                spawn_local(async move {
                    let progress_state = feed_state.clone();
                    let progress_url = url.clone();
                    let on_progress = move |progress| {
                        progress_state.set(FeedState::Loading { url: progress_url.clone(), progress })
                    };
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
                            web_sys::console::error_1(&format!("article-reader: {failure}").into());
                            FeedState::Failed(failure.to_string())
                        }
                    });
                });
            }
            move || cancelled.set(true)
        });
    }

    let data = match &*feed_state {
        FeedState::Ready(data) => data.clone(),
        FeedState::Loading { url, progress } => {
            return html! {
                <div class="ar-app">
                    <main class="ar-main">
                        <LoadingView url={url.clone()} progress={*progress} />
                    </main>
                </div>
            }
        }
        FeedState::Failed(message) => {
            return html! {
                <div class="ar-app">
                    <main class="ar-main">
                        <ErrorView title="This feed cannot be shown" message={message.clone()} />
                    </main>
                </div>
            }
        }
    };
    let navigation = &state.navigation;
    let id_prefix = (*id_prefix).clone();
    let on_feed = matches!(navigation.route, Route::Feed(_));
    let page = match &navigation.route {
        Route::Feed(filter) => html! {
            <FeedPage data={data.clone()} filter={filter.clone()} id_prefix={id_prefix.clone()} />
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

    html! {
        <div class="ar-app">
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
        </div>
    }
}
