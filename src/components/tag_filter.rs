//! The tag filter bar: a toggle button per tag with its article count, a control that clears
//! the filter, and the polite live region that announces how many articles match.

use article_reader_core::{Route, TagFilter};
use yew::prelude::*;

use crate::feed_source::FeedHandle;
use crate::routing::Navigator;

#[derive(Properties, PartialEq)]
pub struct TagFilterProps {
    pub data: FeedHandle,
    pub filter: TagFilter,
    /// How many articles the filter leaves.
    pub result_count: usize,
    pub id_prefix: AttrValue,
}

#[function_component(TagFilterBar)]
pub fn tag_filter_bar(props: &TagFilterProps) -> Html {
    let navigator = use_context::<Navigator>();
    let go = move |route: Route| {
        if let Some(navigator) = &navigator {
            navigator.go(route);
        }
    };
    let heading_id = format!("{}-filter-heading", props.id_prefix);
    let entries = props.data.tags.entries();
    let status =
        props.filter.describe_result(props.result_count, props.data.feed.articles.len(), &props.data.tags);
    let clear = {
        let cleared = Route::Feed(props.filter.cleared());
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go(cleared.clone()))
    };
    html! {
        <section class="ar-filter" part="filter" aria-labelledby={heading_id.clone()}>
            <h2 class="ar-filter__heading" id={heading_id}>{ "Filter by tag" }</h2>
            if !entries.is_empty() {
                <div class="ar-filter__tags" role="group" aria-label="Tags">
                    { for entries.iter().map(|entry| {
                        let pressed = props.filter.contains(&entry.tag.key);
                        let toggled = Route::Feed(props.filter.toggled(&entry.tag.key));
                        let go = go.clone();
                        let onclick = Callback::from(move |_: MouseEvent| go(toggled.clone()));
                        html! {
                            <button
                                key={entry.tag.key.as_str().to_owned()}
                                type="button"
                                class="ar-toggle"
                                part="tag-toggle"
                                aria-pressed={if pressed { "true" } else { "false" }}
                                {onclick}
                            >
                                <span class="ar-toggle__name">{ entry.tag.name.clone() }</span>
                                <span class="ar-toggle__count">
                                    { entry.count() }
                                    <span class="ar-visually-hidden">{ if entry.count() == 1 { " article" } else { " articles" } }</span>
                                </span>
                            </button>
                        }
                    }) }
                </div>
            }
            <div class="ar-filter__status-row">
                <p class="ar-filter__status" role="status" aria-live="polite">{ status }</p>
                if !props.filter.is_empty() {
                    <button type="button" class="ar-clear" part="clear-filter" onclick={clear}>{ "Clear filter" }</button>
                }
            </div>
        </section>
    }
}
