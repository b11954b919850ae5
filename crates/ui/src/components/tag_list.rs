//! An article's tags as links that filter the feed by that tag, optionally each with a toggle
//! to follow it.

use article_reader_core::interface::text::Label;
use article_reader_core::{FeedQuery, Route, Tag, TagFilter};
use yew::prelude::*;

use crate::context::ReaderContext;
use crate::markup::Markup;
use crate::prefs::PrefsAction;

/// Where a link to `tag` leads: the feed filtered by it alone, in `filter`'s match mode.
fn tag_href(tag: &Tag, filter: &TagFilter) -> String {
    Route::Feed(FeedQuery::filtered(filter.only(&tag.key))).to_hash()
}

/// A feed card's link to `tag`, as markup (see `feed_item`), marked active when `filter` holds it.
pub fn tag_link_markup(m: &mut Markup, tag: &Tag, filter: &TagFilter) {
    let class = if filter.contains(&tag.key) { "ar-tag ar-tag--active" } else { "ar-tag" };
    m.element("a", &[("part", "tag"), ("href", &tag_href(tag, filter)), ("class", class)], &tag.name);
}

/// The list of `tags`. `filter` is the feed's current filter: following a tag keeps its match
/// mode, and the tags it holds are marked as active. `label` is the list's accessible name
/// ("Tags" by default); `follow` shows a Follow toggle beside each tag.
///
/// A plain function, not a component: it has no state of its own, and each kind of component
/// costs the wasm its own copy of Yew's lifecycle.
pub fn tag_links(
    cx: &ReaderContext,
    tags: &[Tag],
    filter: &TagFilter,
    label: Option<AttrValue>,
    follow: bool,
) -> Html {
    if tags.is_empty() {
        return Html::default();
    }
    let label = label.unwrap_or_else(|| AttrValue::from(cx.ui.label(Label::Tags)));
    html! {
        <ul class={classes!("ar-tags", follow.then_some("ar-tags--follow"))} aria-label={label}>
            // Keyed by place: another article's tags rewrite the links already there.
            { for tags.iter().enumerate().map(|(place, tag)| {
                let href = tag_href(tag, filter);
                let active = filter.contains(&tag.key);
                html! {
                    <li key={place}>
                        <a class={classes!("ar-tag", active.then_some("ar-tag--active"))} part="tag" {href}>
                            { tag.name.clone() }
                        </a>
                        if follow {
                            { follow_button(cx, tag) }
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

fn follow_button(cx: &ReaderContext, tag: &Tag) -> Html {
    let following = cx.prefs.followed.contains(&tag.key);
    let toggle = {
        let cx = cx.clone();
        let key = tag.key.clone();
        Callback::from(move |_: MouseEvent| cx.dispatch(PrefsAction::ToggleFollow(key.clone())))
    };
    html! {
        <button
            type="button"
            class="ar-follow"
            part="follow"
            aria-pressed={if following { "true" } else { "false" }}
            aria-label={cx.ui.follow_tag(following, &tag.name)}
            onclick={toggle}
        >
            { cx.ui.label(if following { Label::Unfollow } else { Label::Follow }) }
        </button>
    }
}
