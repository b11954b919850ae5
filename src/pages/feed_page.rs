//! The feed: the tag filter, then the matching articles newest first in a `role="feed"` list, a
//! page at a time with "Show more", or an explanation when nothing matches.

use article_reader_core::{Route, TagFilter};
use yew::prelude::*;

use crate::components::feed_item::FeedItem;
use crate::components::tag_filter::TagFilterBar;
use crate::feed_source::FeedHandle;

#[derive(Properties, PartialEq)]
pub struct FeedPageProps {
    pub data: FeedHandle,
    pub filter: TagFilter,
    /// Articles per page.
    pub page_size: usize,
    pub id_prefix: AttrValue,
}

#[function_component(FeedPage)]
pub fn feed_page(props: &FeedPageProps) -> Html {
    let matches =
        use_memo((props.data.clone(), props.filter.clone()), |(data, filter)| filter.apply(&data.feed));
    let pages = use_state(|| 1usize);
    {
        // A new filter starts again from the first page.
        let pages = pages.clone();
        use_effect_with((props.data.clone(), props.filter.clone()), move |_| pages.set(1));
    }
    let setsize = matches.len();
    let shown = setsize.min(props.page_size.saturating_mul(*pages));
    let show_more = {
        let pages = pages.clone();
        Callback::from(move |_: MouseEvent| pages.set(*pages + 1))
    };
    html! {
        <>
            <TagFilterBar
                data={props.data.clone()}
                filter={props.filter.clone()}
                result_count={setsize}
                id_prefix={props.id_prefix.clone()}
            />
            if matches.is_empty() {
                <div class="ar-empty">
                    <p class="ar-empty__message">
                        { if props.data.feed.articles.is_empty() {
                            "This feed has no articles yet."
                        } else {
                            "No article carries the selected tags."
                        } }
                    </p>
                    if !props.filter.is_empty() {
                        <a class="ar-button" href={Route::Feed(props.filter.cleared()).to_hash()}>{ "Show all articles" }</a>
                    }
                </div>
            } else {
                <div class="ar-feed-column">
                    // aria-setsize is the whole result, as the feed pattern asks, while only a
                    // page at a time is in the DOM.
                    <div class="ar-feed" part="feed" role="feed" aria-busy="false" aria-label="Articles">
                        { for matches.iter().take(shown).enumerate().map(|(n, &position)| html! {
                            <FeedItem
                                key={position}
                                data={props.data.clone()}
                                {position}
                                posinset={n + 1}
                                {setsize}
                                filter={props.filter.clone()}
                                id_prefix={props.id_prefix.clone()}
                            />
                        }) }
                    </div>
                    if shown < setsize {
                        <div class="ar-more">
                            <button type="button" class="ar-more__button" part="show-more" onclick={show_more}>
                                { format!("Show more ({} of {setsize} shown)", shown) }
                            </button>
                        </div>
                    }
                </div>
            }
        </>
    }
}
