//! The followed tags and their articles, newest first, a page at a time as on the feed.

use std::rc::Rc;

use article_reader_core::interface::text::Label;
use article_reader_core::{FeedQuery, MatchMode, Route, TagFilter};
use yew::prelude::*;

use crate::components::feed_item::{cards, Cards};
use crate::components::show_more::show_more as show_more_button;
use crate::components::tag_list::tag_links;
use crate::components::unread_controls::unread_controls;
use crate::context::ReaderContext;
use crate::feed_source::FeedHandle;

/// The page for the feed `data`, `pages` pages of articles shown, as in the route
/// (`#/following?page=2`). A plain function, not a component: it has no state of its own, and
/// each kind of component costs the wasm its own copy of Yew's lifecycle.
pub fn following_page(cx: &ReaderContext, data: &FeedHandle, pages: usize) -> Html {
    let followed = TagFilter::new(cx.prefs.followed.iter().cloned(), MatchMode::Any);
    let query = FeedQuery::filtered(followed.clone());
    let hiding = cx.prefs.hide_read.then_some(&*cx.read);
    let selection =
        Rc::new(data.selector.select(&query, &data.tags, &data.search.borrow(), hiding, usize::MAX));
    // The followed tags as the feed spells them, including ones this feed no longer has.
    let tags: Vec<article_reader_core::Tag> = followed
        .tags()
        .iter()
        .filter_map(|key| article_reader_core::Tag::new(data.tags.display_name(key)))
        .collect();
    let heading_id = cx.id("following-heading");
    let no_search = article_reader_core::Query::default();
    let setsize = selection.articles.len();
    let shown = setsize.min(cx.page_size.saturating_mul(pages));
    let show_more = {
        let navigator = cx.navigator.clone();
        let more = Route::Following(pages + 1);
        Callback::from(move |_: MouseEvent| navigator.go(more.clone()))
    };
    html! {
        <section class="ar-following" aria-labelledby={heading_id.clone()}>
            <h1 class="ar-following__title" id={heading_id}>{ cx.ui.label(Label::Following) }</h1>
            if followed.is_empty() {
                <p class="ar-empty__message">{ cx.ui.label(Label::FollowNothing) }</p>
            } else {
                { tag_links(cx, &tags, &TagFilter::default(), None, true) }
                <p class="ar-filter__status" role="status">
                    { cx.ui.articles(selection.articles.len()) }
                </p>
                { unread_controls(cx, data, &selection) }
                <div class="ar-feed" part="feed" role="feed" aria-busy="false" aria-label={cx.ui.label(Label::Articles)}>
                    { Html::from_html_unchecked(cards(cx, &Cards {
                        data, shown: &selection.articles[..shown], setsize, query: &query, search: &no_search,
                    })) }
                </div>
                { show_more_button(cx, shown, setsize, show_more) }
            }
        </section>
    }
}
