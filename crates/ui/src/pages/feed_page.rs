//! The feed: search and tag filter, then the matching articles newest first in a `role="feed"`
//! list, a page at a time with "Show more", or an explanation when nothing matches; once all
//! that is loaded shows, "Load more articles" when the feed has a next page.

use std::rc::Rc;

use article_reader_core::interface::text::Label;
use article_reader_core::{FeedQuery, Route};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::dates::card_date;
use crate::components::feed_item::{cards, Cards};
use crate::components::search_box::search_box;
use crate::components::show_more::{load_more, show_more as show_more_button};
use crate::components::tag_filter::tag_filter_bar;
use crate::components::unread_controls::unread_controls;
use crate::context::ReaderContext;
use crate::effect::use_effect_on;
use crate::feed_source::FeedHandle;
use crate::feed_state::{MorePages, NextPage};
use crate::focus::focus_when_rendered;
use crate::indexing::yield_to_the_event_loop;
use crate::retry::Cancelled;

/// Bytes of article text a search looks through in one task: about 20 ms in Chromium on the
/// 2-core development machine, so a keystroke's task stays under 100 ms on a feed of 100,000
/// articles, where one letter may read 140 MB.
const SEARCH_SLICE: usize = 10_000_000;

#[derive(Properties, PartialEq)]
pub struct FeedPageProps {
    pub data: FeedHandle,
    /// The next page of a paged feed.
    pub more: MorePages,
    pub query: FeedQuery,
    /// The article the person comes back from: its card gets the focus again.
    #[prop_or_default]
    pub return_to: Option<String>,
    /// Whether the feed's search index is complete (see `indexing`): a search typed before
    /// says so, and is answered again when it is.
    pub search_ready: bool,
    /// An article is open over the feed: the feed stays, hidden, so going back shows it as it
    /// was instead of building its hundreds of elements again.
    #[prop_or_default]
    pub hidden: bool,
    /// This render hydrates the server renderer's HTML: its cards are taken as they are.
    #[prop_or_default]
    pub hydrating: bool,
}

/// Puts the dates of the cards the server renderer wrote (in the core's words) in the browser's,
/// in place: the cards' markup, as hydrated, already has them so, and a card is the same node
/// before the wasm and after.
fn browser_dates(feed: &NodeRef, cx: &ReaderContext, data: &FeedHandle) {
    let Some(feed) = feed.cast::<HtmlElement>() else { return };
    let cards = feed.children();
    for index in 0..cards.length() {
        let Some(card) = cards.item(index) else { continue };
        let article = card.get_attribute("data-article").and_then(|id| data.feed.position(&id));
        let Some(article) = article.and_then(|position| data.feed.articles.get(position)) else { continue };
        let time = card.query_selector("time.ar-date").ok().flatten();
        let date = card_date(cx, article.published.as_ref(), article.updated.as_ref());
        if let (Some(time), Some((_, text))) = (time, date) {
            if time.text_content().as_deref() != Some(text.as_str()) {
                time.set_text_content(Some(&text));
            }
        }
    }
}

/// The card at `index` in `feed`, if it is shown.
fn card_at(feed: &NodeRef, index: usize) -> Option<HtmlElement> {
    feed.cast::<HtmlElement>()?.children().item(index as u32)?.dyn_into().ok()
}

/// The card of article `id` in `feed`, if it is shown.
fn card_of(feed: &NodeRef, id: &str) -> Option<HtmlElement> {
    let cards = feed.cast::<HtmlElement>()?.children();
    (0..cards.length())
        .filter_map(|index| cards.item(index))
        .find(|card| card.get_attribute("data-article").as_deref() == Some(id))?
        .dyn_into()
        .ok()
}

#[function_component(FeedPage)]
pub fn feed_page(props: &FeedPageProps) -> Html {
    let feed_ref = use_node_ref();
    let Some(cx) = use_context::<ReaderContext>() else { return Html::default() };
    let hiding = cx.prefs.hide_read.then(|| cx.read.clone());
    // A search with more text to look through than a slice shows what it found in its first,
    // and goes on a slice a task, yielding between them, until it is finished; then the page
    // renders again with the whole answer. Meanwhile the status says more is to come. (A slice
    // is counted in bytes, so a render reads no clock.)
    let (search_done, rerender) = (use_mut_ref(|| 0u32), use_force_update());
    let searches_done = *search_done.borrow();
    let selection = use_memo(
        (
            props.data.clone(),
            props.query.filter.clone(),
            props.query.text.clone(),
            hiding,
            props.search_ready,
            searches_done,
        ),
        |(data, filter, text, hiding, _, _)| {
            data.selector.select(
                &FeedQuery { filter: filter.clone(), text: text.clone(), pages: 1 },
                &data.tags,
                &data.search.borrow(),
                hiding.as_deref(),
                SEARCH_SLICE,
            )
        },
    );
    {
        let data = props.data.clone();
        let unfinished = (selection.search_unfinished)
            .then(|| FeedQuery { text: props.query.text.clone(), ..FeedQuery::default() });
        use_effect_on((searches_done, unfinished), move |(_, unfinished)| {
            let cancelled: Cancelled = Rc::default();
            if let Some(query) = unfinished.clone() {
                let cancelled = cancelled.clone();
                spawn_local(async move {
                    loop {
                        yield_to_the_event_loop().await;
                        if cancelled.get() {
                            return;
                        }
                        if !data.selector.search_further(&query, &data.search.borrow(), SEARCH_SLICE) {
                            break;
                        }
                    }
                    *search_done.borrow_mut() += 1;
                    rerender.force_update();
                });
            }
            move || cancelled.set(true)
        });
    }
    let search = props.query.search();
    // The cards' markup as last written into the list and, while they are the ones the server
    // renderer wrote, the locale their dates are in. The browser's language, known only after
    // hydrating, changes nothing else in them, so their dates are put in its words in place, and
    // the cards stay the nodes a person may already have reached before the wasm came.
    let written = use_mut_ref(|| None::<(AttrValue, Option<AttrValue>)>);
    {
        let (feed_ref, cx, data, written) =
            (feed_ref.clone(), cx.clone(), props.data.clone(), written.clone());
        use_effect_on((props.hydrating, cx.locale.clone()), move |_| {
            if written.borrow().as_ref().is_some_and(|(_, hydrated)| hydrated.is_some()) {
                browser_dates(&feed_ref, &cx, &data);
            }
        });
    }
    let unread = use_memo((props.data.clone(), cx.read.clone()), |(data, read)| {
        (!read.is_empty()).then(|| data.selector.unread_counts(read))
    });
    {
        let feed_ref = feed_ref.clone();
        use_effect_on((props.return_to.clone(), props.hidden), move |(id, hidden)| {
            if let (Some(id), false) = (id, hidden) {
                let (feed_ref, id) = (feed_ref.clone(), id.clone());
                focus_when_rendered(move || card_of(&feed_ref, &id));
            }
        });
    }
    // After "Show more" or "Load more articles", the first new card gets the focus once it is
    // there, so keyboard users continue from it.
    let focus_from = use_mut_ref(|| None::<usize>);
    // `max-items` caps the list itself: the feed's size as announced, and where paging stops.
    let setsize = selection.articles.len().min(cx.max_items.unwrap_or(usize::MAX));
    let shown = setsize.min(cx.page_size.saturating_mul(props.query.pages));
    // Both buttons show a page more of `page-size`; "Load more articles" fetches it first.
    let more_button = |load: Option<Callback<()>>| {
        let (navigator, focus_from) = (cx.navigator.clone(), focus_from.clone());
        let route = Route::Feed(props.query.with_more());
        Callback::from(move |_: MouseEvent| {
            *focus_from.borrow_mut() = Some(shown);
            navigator.go(route.clone());
            if let Some(load) = &load {
                load.emit(());
            }
        })
    };
    let show_more = more_button(None);
    // All that is loaded shows (and `max-items` leaves room): a paged feed offers its next page.
    let offer_next = props.data.next_page.is_some()
        && shown == setsize
        && cx.max_items.is_none_or(|max| selection.articles.len() < max);
    {
        let (feed_ref, focus_from) = (feed_ref.clone(), focus_from.clone());
        use_effect_on(shown, move |shown| {
            if let Some(from) = focus_from.borrow_mut().take().filter(|from| shown > from) {
                let feed_ref = feed_ref.clone();
                focus_when_rendered(move || card_at(&feed_ref, from));
            }
        });
    }
    let list = Cards {
        data: &props.data,
        shown: &selection.articles[..shown],
        setsize,
        query: &props.query,
        search: &search,
    };
    // Under an open article the cards keep the markup they have until they show again. The
    // article's read mark would otherwise write them again at once, and that `innerHTML` made
    // Chromium lay the page out then and there (5 to 12 ms of an open at 10,000 articles, in a
    // trace); the back that shows them writes them for about a millisecond.
    let cards_markup = {
        let mut written = written.borrow_mut();
        let kept = written.as_ref().and_then(|(markup, hydrated)| {
            if props.hidden {
                return Some(markup.clone());
            }
            let as_hydrated = ReaderContext { locale: hydrated.clone()?, ..cx.clone() };
            (cards(&as_hydrated, &list) == *markup).then(|| markup.clone())
        });
        kept.unwrap_or_else(|| {
            let markup = cards(&cx, &list);
            *written = Some((markup.clone(), props.hydrating.then(|| cx.locale.clone())));
            markup
        })
    };
    let loading = props.more.state == NextPage::Loading;
    if matches!(props.more.state, NextPage::Failed(_)) {
        // Nothing new came: the focus stays on the button.
        focus_from.borrow_mut().take();
    }
    let more = if offer_next {
        load_more(&cx, &props.more.state, more_button(Some(props.more.load.clone())))
    } else {
        Html::default()
    };
    let show_all = {
        let navigator = cx.navigator.clone();
        let route = Route::Feed(FeedQuery::filtered(props.query.filter.cleared()));
        Callback::from(move |_: MouseEvent| navigator.go(route.clone()))
    };
    html! {
        <>
            if cx.controls.search || cx.controls.tags {
                <div class="ar-sidebar" hidden={props.hidden}>
                    if cx.controls.search {
                        { search_box(&cx, &props.query) }
                    }
                    if cx.controls.tags {
                        { tag_filter_bar(&cx, &props.data, &props.query, &selection, unread.as_deref()) }
                    }
                    { unread_controls(&cx, &props.data, &selection) }
                </div>
            }
            if selection.articles.is_empty() {
                <div class="ar-empty" part="empty" hidden={props.hidden}>
                    <p class="ar-empty__message">
                        { cx.ui.label(if props.data.feed.articles.is_empty() { Label::NoArticles } else { Label::NothingMatches }) }
                    </p>
                    if !props.query.is_everything() {
                        <button type="button" class="ar-button" onclick={show_all}>{ cx.ui.label(Label::ClearAll) }</button>
                    }
                    { more.clone() }
                </div>
            } else {
                <div class="ar-feed-column" hidden={props.hidden}>
                    // aria-setsize is the whole result, as the feed pattern asks, while only a
                    // page at a time is in the DOM.
                    <div class="ar-feed" part="feed" role="feed" aria-busy={if loading || selection.search_unfinished { "true" } else { "false" }} aria-label={cx.ui.label(Label::Articles)} ref={feed_ref}>
                        { Html::from_html_unchecked(cards_markup) }
                    </div>
                    { show_more_button(&cx, shown, setsize, show_more) }
                    { more }
                </div>
            }
        </>
    }
}
