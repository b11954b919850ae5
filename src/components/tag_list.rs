//! An article's tags as links that filter the feed by that tag.

use article_reader_core::{Route, Tag, TagFilter};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TagListProps {
    pub tags: Vec<Tag>,
    /// The feed's current filter: following a tag keeps its match mode, and the tags it holds
    /// are marked as active.
    pub filter: TagFilter,
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[function_component(TagList)]
pub fn tag_list(props: &TagListProps) -> Html {
    if props.tags.is_empty() {
        return Html::default();
    }
    let label = props.label.clone().unwrap_or_else(|| AttrValue::from("Tags"));
    html! {
        <ul class="ar-tags" aria-label={label}>
            { for props.tags.iter().map(|tag| {
                let href = Route::Feed(props.filter.only(&tag.key)).to_hash();
                let active = props.filter.contains(&tag.key);
                html! {
                    <li key={tag.key.as_str().to_owned()}>
                        <a class={classes!("ar-tag", active.then_some("ar-tag--active"))} part="tag" {href}
                           title={format!("Show articles tagged {}", tag.name)}>
                            { tag.name.clone() }
                        </a>
                    </li>
                }
            }) }
        </ul>
    }
}
