//! The root component: gets the feed (bundled, or fetched with progress), owns the navigation
//! state and the remembered preferences, follows the URL fragment or keeps its place in memory,
//! listens for shortcuts, tells the host what happens, and picks the page to show.

use std::cell::Cell;
use std::rc::Rc;

use article_reader_core::text::{direction, Label, Language, Ui};
use article_reader_core::{
    Controls, FailureKind, FeedLocation, Layout, Limits, Navigation, Progress, ReaderEvent, ReaderOptions,
    Route, Routing, Theme,
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
use crate::host_events::{self, Failed, Filtered, Opening, Ready};
use crate::keyboard::{self, KeyState};
use crate::pages::article_page::ArticlePage;
use crate::pages::feed_page::FeedPage;
use crate::pages::following_page::FollowingPage;
use crate::pages::not_found::NotFound;
use crate::prefs::{Prefs, PrefsAction};
use crate::routing::{self, Navigator, OpeningGuard};
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
    /// Counts the host's writes of the filter (`tags`, `match`, `setFilter`): each one moves the
    /// reader to the feed with the filter, even an unchanged one; other options never move it.
    #[prop_or_default]
    pub filter_version: u32,
    /// The reader is the page (the standalone page): its shortcuts work anywhere on it.
    #[prop_or_default]
    pub standalone: bool,
}

/// Where getting the feed stands.
#[derive(Clone, PartialEq)]
enum FeedState {
    Loading { url: String, progress: Progress },
    Ready(FeedHandle),
    Failed { message: String, kind: FailureKind, url: Option<String> },
}

impl FeedState {
    /// The state a feed starts in: the bundled feed is parsed at once, so it shows in the
    /// first render with no loading flash; a URL starts loading.
    fn initial(feed: &Result<FeedLocation, String>, limits: &Limits) -> FeedState {
        let (loaded, source) = match feed {
            Err(message) => {
                return FeedState::Failed { message: message.clone(), kind: FailureKind::Invalid, url: None }
            }
            Ok(FeedLocation::Url(url)) => {
                return FeedState::Loading { url: url.clone(), progress: Progress::default() }
            }
            Ok(FeedLocation::Bundled) => (FeedData::bundled(limits), "bundled feed"),
            Ok(FeedLocation::Text(text)) => (FeedData::from_json(text, limits), "inline feed"),
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
}

/// Where a reader starts: with hash routing, the fragment when it is one of the reader's own
/// and not empty; else the feed with the host's filter.
fn initial_route(options: &ReaderOptions) -> Route {
    let own = (options.routing == Routing::Hash)
        .then(|| gloo::utils::window().location().hash().unwrap_or_default())
        .filter(|hash| !hash.is_empty() && hash != "#")
        .and_then(|hash| Route::from_own_hash(&hash));
    own.unwrap_or_else(|| Route::Feed(article_reader_core::FeedQuery::filtered(options.filter.clone())))
}

/// The name a feed's follows and read marks are stored under.
fn prefs_scope(feed: &Result<FeedLocation, String>) -> String {
    match feed {
        Ok(FeedLocation::Url(url)) => url.clone(),
        Ok(FeedLocation::Text(_) | FeedLocation::Object(_)) => "given".to_owned(),
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
    let feed = options.feed();
    let feed_state = use_state(|| FeedState::initial(&feed, &options.limits));
    let state = use_reducer(|| ReaderState { navigation: Navigation::new(initial_route(options)) });
    let prefs = use_reducer(|| Prefs::load(&prefs_scope(&feed)));
    let help_open = use_state(|| false);
    let return_to = use_state(|| None::<String>);
    let id_prefix = use_memo((), |_| next_id_prefix());
    let root = use_node_ref();
    // The feed on screen, for what happens between renders (the host's answer to an opening).
    let shown = use_mut_ref(|| None::<FeedHandle>);
    *shown.borrow_mut() = match &*feed_state {
        FeedState::Ready(data) => Some(data.clone()),
        _ => None,
    };
    let opening: OpeningGuard = {
        let (root, shown) = (root.clone(), shown.clone());
        Rc::new(move |id: &str| announce_opening(&root, &shown, id, true))
    };
    let navigator = Navigator::new(options.routing, state.dispatcher(), opening);

    // Hash routing follows the fragment for as long as the reader is mounted. An article opened
    // by the page's history (back, forward) is announced, but it has already happened.
    {
        let dispatcher = state.dispatcher();
        let (root, shown) = (root.clone(), shown.clone());
        use_effect_with(options.routing, move |routing| {
            let listeners = (*routing == Routing::Hash).then(|| {
                routing::on_route_change(move |route| {
                    if let Route::Article(id) = &route {
                        announce_opening(&root, &shown, id, false);
                    }
                    dispatcher.dispatch(ReaderAction::Navigated(route));
                })
            });
            move || drop(listeners)
        });
    }

    // Each write of the filter by the host (an attribute, an option, `setFilter`) after mounting
    // moves the reader to the feed with that filter; the last write wins. The first run is the
    // initial filter, already in place.
    {
        let navigator = navigator.clone();
        let filter = options.filter.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(props.filter_version, move |_| {
            if !first.replace(false) {
                navigator.go(Route::Feed(article_reader_core::FeedQuery::filtered(filter)));
            }
        });
    }

    // The feed: fetched when it is a URL; loaded again when the host changes it. Its follows and
    // read marks are remembered per feed.
    {
        let feed_state = feed_state.clone();
        let prefs = prefs.dispatcher();
        let first = use_mut_ref(|| true);
        use_effect_with((feed.clone(), options.limits), move |(feed, limits)| {
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

    // Tell the host the filter changed, and remember which article a return to the feed comes
    // from, to give its card the focus again. (Openings are announced before they happen.)
    {
        let root = root.clone();
        let previous = use_mut_ref(|| state.navigation.clone());
        let return_to = return_to.clone();
        use_effect_with(state.navigation.clone(), move |navigation| {
            let before = previous.replace(navigation.clone());
            match (&before.route, &navigation.route) {
                (Route::Article(id), Route::Feed(_)) => return_to.set(Some(id.clone())),
                (_, Route::Article(_)) => return_to.set(None),
                _ => {}
            }
            if let Some(element) = root.cast::<web_sys::Element>() {
                for event in before.events_to(navigation) {
                    if let ReaderEvent::FilterChanged { filter } = &event {
                        host_events::dispatch(&element, host_events::FILTER, &Filtered::of(filter), false);
                    }
                }
            }
        });
    }

    // Tell the host when a feed is on screen, or cannot be.
    {
        let root = root.clone();
        use_effect_with(feed_state.clone(), move |feed_state| {
            let Some(element) = root.cast::<web_sys::Element>() else { return };
            match &**feed_state {
                FeedState::Ready(data) => {
                    let ready = Ready { articles: data.feed.articles.len(), skipped: data.skipped.len() };
                    host_events::dispatch(&element, host_events::READY, &ready, false);
                }
                FeedState::Failed { message, kind, url } => {
                    let failed = Failed { message, kind: kind.as_str(), url: url.as_deref() };
                    host_events::dispatch(&element, host_events::ERROR, &failed, false);
                }
                FeedState::Loading { .. } => {}
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
            single_keys: options.keyboard,
        });
    }
    {
        let root = root.clone();
        let key_state = key_state.clone();
        use_effect_with(props.standalone, move |standalone| {
            let target: Option<web_sys::EventTarget> = match standalone {
                true => Some(gloo::utils::document().into()),
                false => root.cast::<web_sys::Element>().map(Into::into),
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
        max_items: options.max_items,
        layout: options.layout,
        controls: options.controls(),
        open: options.open,
        id_prefix: (*id_prefix).clone(),
    };
    let controls = context.controls;

    let body = match (&*feed_state, &data) {
        (FeedState::Loading { url, progress }, _) => {
            html! { <main class="ar-main"><LoadingView url={url.clone()} progress={*progress} /></main> }
        }
        (FeedState::Failed { message, .. }, _) => html! {
            <main class="ar-main">
                <ErrorView title={ui.label(Label::FeedCannotBeShown)} message={message.clone()} />
            </main>
        },
        (_, Some(data)) => page(data, &state.navigation, (*return_to).clone(), ui, controls),
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
                class={classes!("ar-app", theme, layout_class(options.layout))}
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

/// The class a layout other than the full one adds to the reader's root.
fn layout_class(layout: Layout) -> Option<&'static str> {
    match layout {
        Layout::Full => None,
        Layout::List => Some("ar-layout-list"),
        Layout::Cards => Some("ar-layout-cards"),
        Layout::Compact => Some("ar-layout-compact"),
    }
}

/// The masthead (when the host shows it) and the page for the current route.
fn page(
    data: &FeedHandle,
    navigation: &Navigation,
    return_to: Option<String>,
    ui: Ui,
    controls: Controls,
) -> Html {
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
            if controls.masthead {
                <Masthead
                    title={data.feed.title.clone()}
                    description={data.feed.description.clone()}
                    is_page_heading={following == Some(false)}
                    following={following.filter(|_| controls.following)}
                    views={controls.following}
                />
            }
            <main class="ar-main">
                if !data.skipped.is_empty() || data.over_limit.is_some() {
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
                FeedState::Failed { message: failure.to_string(), kind: failure.kind(), url: Some(url) }
            }
        });
    });
}

/// Tells the host that article `id` is about to open; `false` when the host cancelled it
/// (only a `cancelable` announcement can be).
fn announce_opening(
    root: &NodeRef,
    shown: &Rc<std::cell::RefCell<Option<FeedHandle>>>,
    id: &str,
    cancelable: bool,
) -> bool {
    let (Some(element), Some(data)) = (root.cast::<web_sys::Element>(), shown.borrow().clone()) else {
        return true;
    };
    match data.feed.article(id) {
        Some(article) => {
            host_events::dispatch(&element, host_events::OPEN, &Opening::of(article), cancelable)
        }
        None => true,
    }
}
