//! The root component: gets the feed (bundled, or fetched with progress), owns the navigation
//! state and the remembered preferences, follows the URL fragment or keeps its place in memory,
//! listens for shortcuts, tells the host what happens, and picks the page to show.

use std::cell::Cell;
use std::rc::Rc;

use article_reader_core::text::{direction, Label, Language, Ui};
use article_reader_core::{
    FeedLocation, Limits, Navigation, Progress, ReaderEvent, ReaderOptions, Route, Routing, Theme,
};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::error_view::ErrorView;
use crate::components::help_overlay::HelpOverlay;
use crate::components::loading_view::LoadingView;
use crate::components::masthead::Masthead;
use crate::components::problems_notice::ProblemsNotice;
use crate::context::ReaderContext;
use crate::feed_source::{fetch_feed, Cancelled, FeedData, FeedHandle};
use crate::host_events;
use crate::keyboard::{self, KeyState};
use crate::pages::article_page::ArticlePage;
use crate::pages::feed_page::FeedPage;
use crate::pages::following_page::FollowingPage;
use crate::pages::not_found::NotFound;
use crate::prefs::{Prefs, PrefsAction};
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
        _ => Route::Feed(article_reader_core::FeedQuery::filtered(options.filter.clone())),
    }
}

/// The name a feed's follows and read marks are stored under.
fn prefs_scope(feed: &Result<FeedLocation, String>) -> String {
    match feed {
        Ok(FeedLocation::Url(url)) => url.clone(),
        _ => "bundled".to_owned(),
    }
}

/// The browser's preferred language, for dates and the interface when the host sets none.
fn browser_language() -> String {
    gloo::utils::window().navigator().language().unwrap_or_else(|| "en".to_owned())
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let options = &props.options;
    let feed_state = use_state(|| FeedState::initial(&options.feed, &options.limits));
    let state = use_reducer(|| ReaderState { navigation: Navigation::new(initial_route(options)) });
    let prefs = use_reducer(|| Prefs::load(&prefs_scope(&options.feed)));
    let help_open = use_state(|| false);
    let return_to = use_state(|| None::<String>);
    let id_prefix = use_memo((), |_| next_id_prefix());
    let root = use_node_ref();
    let navigator = Navigator::new(options.routing, state.dispatcher());

    // Hash routing follows the fragment for as long as the reader is mounted.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(options.routing, move |routing| {
            let listeners = (*routing == Routing::Hash).then(|| {
                routing::on_route_change(move |route| dispatcher.dispatch(ReaderAction::Navigated(route)))
            });
            move || drop(listeners)
        });
    }

    // A filter the host sets after mounting (an attribute, or `setFilter`) moves the reader to
    // the feed with that filter. The first run is the initial filter, already in place.
    {
        let navigator = navigator.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(options.filter.clone(), move |filter| {
            if !first.replace(false) {
                navigator.go(Route::Feed(article_reader_core::FeedQuery::filtered(filter.clone())));
            }
        });
    }

    // The feed: fetched when it is a URL; loaded again when the host changes it. Its follows and
    // read marks are remembered per feed.
    {
        let feed_state = feed_state.clone();
        let prefs = prefs.dispatcher();
        let first = use_mut_ref(|| true);
        use_effect_with((options.feed.clone(), options.limits), move |(feed, limits)| {
            let cancelled: Cancelled = Rc::default();
            if !first.replace(false) {
                feed_state.set(FeedState::initial(feed, limits));
                prefs.dispatch(PrefsAction::Load(prefs_scope(feed)));
            }
            if let Ok(FeedLocation::Url(url)) = feed {
                start_fetch(url.clone(), *limits, feed_state, cancelled.clone());
            }
            move || cancelled.set(true)
        });
    }

    // Tell the host what happened (opened articles, filter changes), and remember which article
    // a return to the feed comes from, to give its card the focus again.
    {
        let root = root.clone();
        let previous = use_mut_ref(|| state.navigation.clone());
        let feed_state = feed_state.clone();
        let return_to = return_to.clone();
        use_effect_with(state.navigation.clone(), move |navigation| {
            let before = previous.replace(navigation.clone());
            match (&before.route, &navigation.route) {
                (Route::Article(id), Route::Feed(_)) => return_to.set(Some(id.clone())),
                (_, Route::Article(_)) => return_to.set(None),
                _ => {}
            }
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

    // Shortcuts: page-wide with hash routing, inside the reader when embedded.
    let key_state = use_mut_ref(|| None::<KeyState>);
    {
        let help_open = help_open.clone();
        *key_state.borrow_mut() = Some(KeyState {
            route: state.navigation.route.clone(),
            back: state.navigation.back_to_feed(),
            navigator: navigator.clone(),
            help_open: *help_open,
            set_help: Box::new(move |open| help_open.set(open)),
        });
    }
    {
        let root = root.clone();
        let key_state = key_state.clone();
        use_effect_with(options.routing, move |routing| {
            let target: Option<web_sys::EventTarget> = match routing {
                Routing::Hash => Some(gloo::utils::document().into()),
                Routing::Memory => root.cast::<web_sys::Element>().map(Into::into),
            };
            let listener = target.map(|target| {
                let root = root.clone();
                EventListener::new_with_options(
                    &target,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let (Some(event), Some(root)) =
                            (event.dyn_ref::<web_sys::KeyboardEvent>(), root.cast::<web_sys::Element>())
                        else {
                            return;
                        };
                        if let Some(state) = &*key_state.borrow() {
                            if keyboard::handle(event, &root, state) {
                                event.prevent_default();
                            }
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }

    let theme = match options.theme {
        Theme::Auto => None,
        Theme::Light => Some("ar-theme-light"),
        Theme::Dark => Some("ar-theme-dark"),
    };
    let data = match &*feed_state {
        FeedState::Ready(data) => Some(data.clone()),
        _ => None,
    };
    // The content's language: the host's `lang`, else the feed's; the interface follows it when
    // it has a translation, else the browser's language.
    let content_lang = options.lang.clone().or_else(|| data.as_ref().and_then(|d| d.feed.language.clone()));
    let browser = browser_language();
    let ui = Ui::new(match &options.lang {
        Some(lang) => Language::for_tag(lang),
        None => Language::for_tag(content_lang.as_deref().unwrap_or(&browser)),
    });
    // Dates follow the host's `lang`, else the interface when it is not English (an Arabic page
    // reads Arabic dates), else the browser's locale.
    let locale = match (&options.lang, ui.language) {
        (Some(lang), _) => lang.clone(),
        (None, Language::English) => browser,
        (None, language) => language.tag().to_owned(),
    };
    let context = ReaderContext {
        navigator: navigator.clone(),
        ui,
        locale: locale.into(),
        prefs: prefs.clone(),
        page_size: options.page_size,
        id_prefix: (*id_prefix).clone(),
    };

    let body = match (&*feed_state, &data) {
        (FeedState::Loading { url, progress }, _) => {
            html! { <main class="ar-main"><LoadingView url={url.clone()} progress={*progress} /></main> }
        }
        (FeedState::Failed(message), _) => html! {
            <main class="ar-main">
                <ErrorView title={ui.label(Label::FeedCannotBeShown)} message={message.clone()} />
            </main>
        },
        (_, Some(data)) => page(data, &state.navigation, (*return_to).clone(), ui),
        (FeedState::Ready(_), None) => Html::default(),
    };
    let close_help = {
        let help_open = help_open.clone();
        Callback::from(move |()| help_open.set(false))
    };
    let skip = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| {
            let first = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector("[role=feed] > article, h1[tabindex]").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(first) = first {
                let _ = first.focus();
            }
        })
    };

    html! {
        <ContextProvider<ReaderContext> {context}>
            <div
                class={classes!("ar-app", theme)}
                part="app"
                lang={content_lang.clone()}
                dir={content_lang.as_deref().map(direction)}
                ref={root.clone()}
                onclick={navigator.link_interceptor()}
            >
                <button type="button" class="ar-skip" onclick={skip}>{ ui.label(Label::SkipToArticles) }</button>
                { body }
                if *help_open {
                    <HelpOverlay on_close={close_help} />
                }
            </div>
        </ContextProvider<ReaderContext>>
    }
}

/// The masthead and the page for the current route.
fn page(data: &FeedHandle, navigation: &Navigation, return_to: Option<String>, ui: Ui) -> Html {
    let back = navigation.back_to_feed();
    let (content, following) = match &navigation.route {
        Route::Feed(query) => {
            (html! { <FeedPage data={data.clone()} query={query.clone()} {return_to} /> }, Some(false))
        }
        Route::Following => (html! { <FollowingPage data={data.clone()} /> }, Some(true)),
        Route::Article(id) => match data.feed.position(id) {
            Some(position) => (html! { <ArticlePage data={data.clone()} {position} {back} /> }, None),
            None => (html! { <NotFound what={ui.no_article_with_id(id)} {back} /> }, None),
        },
        Route::NotFound(path) => (html! { <NotFound what={ui.no_such_address(path)} {back} /> }, None),
    };
    html! {
        <>
            <Masthead
                title={data.feed.title.clone()}
                description={data.feed.description.clone()}
                is_page_heading={following == Some(false)}
                {following}
            />
            <main class="ar-main">
                if !data.skipped.is_empty() || !data.left_out.is_empty() || data.over_limit.is_some() {
                    <ProblemsNotice data={data.clone()} />
                }
                { content }
            </main>
        </>
    }
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
