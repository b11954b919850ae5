//! The feed: the tag filter, then the matching articles newest first in a `role="feed"` list,
//! or an explanation when nothing matches.

use article_reader_core::{Route, TagFilter};
use yew::prelude::*;

use crate::components::feed_item::FeedItem;
use crate::components::tag_filter::TagFilterBar;
use crate::feed_source::FeedHandle;

#[derive(Properties, PartialEq)]
pub struct FeedPageProps {
    pub data: FeedHandle,
    pub filter: TagFilter,
    pub id_prefix: AttrValue,
}

#[function_component(FeedPage)]
pub fn feed_page(props: &FeedPageProps) -> Html {
    let matches =
        use_memo((props.data.clone(), props.filter.clone()), |(data, filter)| filter.apply(&data.feed));
    let setsize = matches.len();
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
                <div class="ar-feed" role="feed" aria-busy="false" aria-label="Articles">
                    { for matches.iter().enumerate().map(|(n, &position)| html! {
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
            }
        </>
    }
}
