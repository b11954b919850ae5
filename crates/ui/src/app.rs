//! The root component: puts together the reader's parts (the feed, `feed_state`; what the host
//! hears, `host_bridge`; the keys, `keyboard`; the focus, `focus`), owns the navigation state
//! and the remembered preferences, follows the URL fragment or keeps its place in memory, and
//! picks the page to show.

use std::cell::Cell;
use std::rc::Rc;

use article_reader_core::interface::text::{direction, Label, Languages};
use article_reader_core::{FeedQuery, Layout, Navigation, ReadSet, ReaderOptions, Route, Routing};
use yew::prelude::*;

use crate::components::attachments::use_media_places;
use crate::components::error_view::{error_view, kept_notice};
use crate::components::help_overlay::{help_overlay, use_help_dialog};
use crate::components::loading_view::loading_view;
use crate::components::masthead::{masthead, MastheadProps};
use crate::components::problems_notice::problems_notice;
use crate::context::ReaderContext;
use crate::effect::use_effect_on;
use crate::feed_source::FeedHandle;
use crate::feed_state::{prefs_scope, use_feed, FeedState, MorePages};
use crate::focus::{skip_to_content, use_return_to};
use crate::host_bridge::{
    announce_opening, use_host_commands, use_host_events, use_opening_guard, HostCommands,
};
use crate::keyboard::{use_shortcuts, KeyState};
use crate::languages::use_interface;
use crate::pages::article_page::ArticlePage;
use crate::pages::feed_page::FeedPage;
use crate::pages::following_page::following_page;
use crate::pages::not_found::not_found;
use crate::prefs::{use_prefs_from_other_tabs, Prefs, PrefsAction};
use crate::routing::{self, Navigator};
use crate::start::{prerender_key, BrowserState, Start};
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
    /// What the host's writes ask of the mounted reader (the core's `Command`s: a write of the
    /// filter moves it to the feed with that filter).
    #[prop_or_default]
    pub commands: HostCommands,
    /// The reader is the page (the standalone page): its shortcuts work anywhere on it.
    #[prop_or_default]
    pub standalone: bool,
    /// How the first render begins: what it knows of the browser, or that it is (or attaches
    /// to) the server renderer's HTML. Read by the first render only, so later props need not
    /// carry it again.
    #[prop_or_default]
    pub start: Start,
    /// Unique per reader on a page (see `next_id_prefix`); the server renderer's readers each
    /// have a page, or a shadow root, of their own.
    #[prop_or_default]
    pub id_prefix: Option<AttrValue>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let options = &props.options;
    let feed = options.feed();
    let start = &props.start;
    let prefs = use_reducer(|| match start {
        Start::Fresh(browser) => browser.prefs.clone(),
        Start::Hydrate { .. } | Start::Server { .. } => Prefs::default(),
    });
    use_prefs_from_other_tabs(prefs.clone());
    let (feed_state, load_more, retry) = use_feed(feed, options.limits, prefs.dispatcher());
    // The read articles as positions, and how many of the followed tags' are not read (for the
    // masthead), once per change of the feed or the preferences.
    let reading = use_memo((feed_state.ready().cloned(), prefs.clone()), |(data, prefs)| {
        let Some(data) = data else { return (Rc::new(ReadSet::default()), None) };
        let read = data.indexed.read_set(&prefs.read);
        let followed = prefs.followed.iter().filter_map(|key| data.tags.slot(key));
        let unread = data.selector.unread_among(followed, &read);
        (Rc::new(read), Some(unread))
    });
    let (read, unread_following) = (reading.0.clone(), reading.1);
    let state = use_reducer(|| {
        let fragment = match start {
            Start::Fresh(BrowserState { fragment, .. }) | Start::Server { fragment, .. } => {
                fragment.as_deref()
            }
            Start::Hydrate { .. } => None,
        };
        ReaderState { navigation: Navigation::new(Route::initial(fragment, &options.filter)) }
    });
    let browser_language = use_state(|| start.language().to_owned());
    let help_open = use_state(|| false);
    let help_dialog = use_help_dialog(*help_open);
    let notice_dismissed = use_state(|| false);
    // The lists' reading settings open; closed again when an article opens (which has its own),
    // so the feed gone back to shows them as a fresh page would.
    let settings_open = use_state_eq(|| false);
    {
        let settings_open = settings_open.clone();
        let on_article = matches!(state.navigation.route, Route::Article(_));
        use_effect_on(on_article, move |&on_article| {
            if on_article {
                settings_open.set(false);
            }
        });
    }
    // The feed view has been on screen: an article opened from it keeps it, hidden. (A reader
    // that starts on an article, the server's included, does not build a feed nobody saw.)
    let feed_shown = use_mut_ref(|| false);
    // The render that hydrates the server renderer's HTML: the feed's cards are taken as they
    // are, then their dates put in the browser's words (see `FeedPage`).
    let hydrating = use_state(|| matches!(start, Start::Hydrate { .. }));
    if matches!(state.navigation.route, Route::Feed(_)) {
        *feed_shown.borrow_mut() = true;
    }
    let id_prefix = use_memo((), |_| props.id_prefix.clone().unwrap_or_else(next_id_prefix));

    // After a hydration, the next render applies what only the browser knows: the remembered
    // preferences, the browser's language, and the route the URL (or a click on the
    // prerendered HTML) asks for.
    {
        let (prefs, dispatcher) = (prefs.dispatcher(), state.dispatcher());
        let (browser_language, hydrating) = (browser_language.clone(), hydrating.clone());
        let (routing, filter) = (options.routing, options.filter.clone());
        // Hydrating: the route a click on the prerendered HTML asked for, and the feed's scope.
        let hydrated = match start {
            Start::Hydrate { route, .. } => Some((route.clone(), prefs_scope(&options.feed()))),
            Start::Fresh(_) | Start::Server { .. } => None,
        };
        use_effect_on((), move |()| {
            if let Some((route, scope)) = hydrated {
                hydrating.set(false);
                prefs.dispatch(PrefsAction::Replace(Prefs::load(&scope).0));
                browser_language.set(crate::start::browser_language());
                let fragment = match routing {
                    Routing::Hash => routing::current_route().map(|route| route.to_hash()),
                    Routing::Memory => None,
                };
                if let Some(hash) = route.as_deref().or(fragment.as_deref()) {
                    dispatcher.dispatch(ReaderAction::Navigated(Route::initial(Some(hash), &filter)));
                }
            }
        });
    }
    let root = use_node_ref();
    let (opening, shown) = use_opening_guard(root.clone(), &feed_state);
    let navigator = Navigator::new(options.routing, state.dispatcher(), opening);

    // Hash routing follows the fragment for as long as the reader is mounted. An article opened
    // by the page's history (back, forward) is announced, but it has already happened.
    {
        let dispatcher = state.dispatcher();
        let root = root.clone();
        use_effect_on(options.routing, move |routing| {
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

    use_host_commands(&props.commands, &navigator);
    use_media_places(root.clone(), prefs.clone());

    // The languages of the content, the interface and the dates; the reader shows its feed
    // once the interface's table is here (English at once, another as its file arrives).
    let data = feed_state.ready().cloned();
    let feed_language = data.as_ref().and_then(|d| d.feed.language.clone());
    let languages = Languages::choose(options.lang.as_deref(), feed_language.as_deref(), &browser_language);
    let interface = use_interface(languages.interface);
    let speaking = interface.is_some();
    let ui = interface.unwrap_or_default();
    use_host_events(root.clone(), feed_state.clone(), state.navigation.clone(), speaking);
    let return_to = use_return_to(state.navigation.clone());
    {
        let help_open = help_open.clone();
        let keys = KeyState {
            route: state.navigation.route.clone(),
            back: state.navigation.back_to_feed(),
            navigator: navigator.clone(),
            help_open: *help_open,
            set_help: Box::new(move |open| help_open.set(open)),
            single_keys: options.keyboard,
        };
        use_shortcuts(root.clone(), props.standalone, keys);
    }

    // The person's reading settings over the host's.
    let typography = prefs.typography.over(options.typography).classes();
    let interface_tag = languages.interface.tag();
    let context = ReaderContext {
        navigator: navigator.clone(),
        ui,
        locale: languages.dates.into(),
        lang: languages.content.clone().map(AttrValue::from),
        prefs: prefs.clone(),
        read: read.clone(),
        page_size: options.page_size,
        max_items: options.max_items,
        layout: options.layout,
        controls: options.controls(),
        open: options.open,
        standalone: props.standalone,
        id_prefix: (*id_prefix).clone(),
        typography: options.typography,
    };

    // The page's main landmark is the standalone reader's; an embedded one is part of its
    // host's page, which has its own.
    let main = props.standalone.then_some("main");
    let body = match (&*feed_state, &data) {
        // Its language's table is on its way: nothing to say yet, in any language.
        _ if !speaking => html! { <div class="ar-main" role={main} aria-busy="true"></div> },
        (FeedState::Loading { url, progress, retry_in }, _) => {
            html! { <div class="ar-main" role={main}>{ loading_view(&context, url, progress, *retry_in) }</div> }
        }
        (FeedState::Failed { failure, url }, _) => html! {
            <div class="ar-main" role={main}>
                { error_view(ui.label(Label::FeedCannotBeShown), &ui.load_failure(failure), url.as_ref().map(|_| (ui, retry))) }
            </div>
        },
        (FeedState::Ready(_, next), Some(data)) => {
            let more = MorePages { state: next.clone(), load: load_more };
            let around = Around {
                main,
                unread_following,
                notice_dismissed: &notice_dismissed,
                settings_open: &settings_open,
                feed_shown: *feed_shown.borrow(),
                hydrating: *hydrating,
            };
            html! { <>
                if let Some(kept) = &data.kept { { kept_notice(&context, kept, retry) } }
                { page(data, more, &state.navigation, return_to, &context, around) }
            </> }
        }
        (FeedState::Ready(..), None) => Html::default(),
    };
    let close_help = {
        let help_open = help_open.clone();
        Callback::from(move |()| help_open.set(false))
    };
    let content_lang = languages.content;
    let help = help_open.then(|| help_overlay(&context, help_dialog, &close_help)).unwrap_or_default();

    html! {
        <ContextProvider<ReaderContext> {context}>
            <div
                class={classes!("ar-app", typography, layout_class(options.layout), server_class(start))}
                part="app"
                lang={content_lang.clone()}
                dir={content_lang.as_deref().map(direction)}
                ref={root.clone()}
                onclick={navigator.link_interceptor()}
                data-ar-prerender={server_mark(start, options, interface_tag)}
            >
                <button type="button" class="ar-skip" onclick={skip_to_content(root.clone())}>{ ui.label(Label::SkipToArticles) }</button>
                { body }
                { help }
            </div>
        </ContextProvider<ReaderContext>>
    }
}

/// The class that makes the controls needing the wasm look unusable in the server renderer's
/// HTML; the hydrating render leaves it out, which makes them usable.
fn server_class(start: &Start) -> Option<&'static str> {
    matches!(start, Start::Server { .. }).then_some("ar-prerendered")
}

/// What the server renderer writes on its reader's root for a hydration to check: the HTML's
/// key and language (see [`crate::start::prerender_key`]), and its interface's language, whose
/// table a hydration needs at hand.
fn server_mark(start: &Start, options: &ReaderOptions, interface: &str) -> Option<String> {
    match start {
        Start::Server { language, .. } => {
            Some(format!("{} {language} {interface}", prerender_key(options, language)))
        }
        Start::Fresh(_) | Start::Hydrate { .. } => None,
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

/// What the page around the current route shows besides it.
struct Around<'a> {
    /// The role of the page's main part (the standalone page's main landmark), if any.
    main: Option<&'static str>,
    /// Unread articles of the followed tags, for the masthead.
    unread_following: Option<usize>,
    /// The person dismissed the notice of the feed's problems.
    notice_dismissed: &'a UseStateHandle<bool>,
    /// The lists' reading settings are open.
    settings_open: &'a UseStateHandle<bool>,
    /// The feed view has been shown: it stays, hidden, under an article.
    feed_shown: bool,
    /// This render hydrates the server renderer's HTML.
    hydrating: bool,
}

/// The masthead (when the host shows it) and the page for the current route.
fn page(
    data: &FeedHandle,
    more: MorePages,
    navigation: &Navigation,
    return_to: Option<String>,
    cx: &ReaderContext,
    around: Around,
) -> Html {
    let Around { main, unread_following, notice_dismissed, settings_open, feed_shown, hydrating } = around;
    let (ui, controls) = (cx.ui, cx.controls);
    let back = navigation.back_to_feed();
    // The feed view stays mounted under an article opened from it, hidden (keyed, so the same
    // component is kept): going back unhides it instead of building it again.
    let feed_page = |query: &FeedQuery, hidden: bool| {
        html! {
            <FeedPage key="feed" data={data.clone()} more={more.clone()} query={query.clone()} return_to={return_to.clone()}
                search_ready={data.search_ready()} {hidden} {hydrating} />
        }
    };
    let (content, following) = match &navigation.route {
        Route::Feed(query) => (html! { <>{ feed_page(query, false) }</> }, Some(false)),
        Route::Following(pages) => (following_page(cx, data, *pages), Some(true)),
        Route::Article(id) => match data.feed.position(id) {
            Some(position) if feed_shown => (
                html! { <>{ feed_page(&navigation.feed, true) }<ArticlePage key="article" data={data.clone()} {position} {back} /></> },
                None,
            ),
            Some(position) => (html! { <ArticlePage data={data.clone()} {position} {back} /> }, None),
            None => (not_found(cx, &ui.no_article_with_id(id), &back), None),
        },
        Route::NotFound(path) => (not_found(cx, &ui.no_such_address(path), &back), None),
    };
    html! {
        <>
            if controls.masthead {
                { masthead(cx, MastheadProps {
                    title: data.feed.title.clone().into(),
                    description: data.feed.description.clone().map(AttrValue::from),
                    lang: cx.lang_of(None, data.feed.language.as_deref()).map(AttrValue::from),
                    is_page_heading: following == Some(false),
                    expired: data.feed.expired,
                    following: following.filter(|_| controls.following),
                    settings: following.map(|_| settings_open.clone()),
                    views: controls.following,
                    unread_following,
                }) }
            }
            <div class="ar-main" role={main}>
                if !data.skipped.is_empty() || !data.left_out.is_empty() || data.over_limit.is_some() {
                    { problems_notice(cx, data, notice_dismissed) }
                }
                { content }
            </div>
        </>
    }
}
