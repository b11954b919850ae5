//! The tag filter: a toggle per tag showing how many articles pressing it would leave (disabled
//! when none) and, once something is read, how many of the tag's are unread; the any/all
//! switch, a control that clears filter and search, and the polite live region that announces
//! the result.

use article_reader_core::interface::text::Label;
use article_reader_core::{FeedQuery, MatchMode, Route, Selection};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::context::ReaderContext;
use crate::feed_source::FeedHandle;

/// The bar for `query` on the feed `data`, with the counts of `selection` (the query's answer)
/// and each tag's `unread` articles (in the order of the tag index; `None` until something is
/// read).
/// A plain function, not a component: it has no state of its own, and each kind of component
/// costs the wasm its own copy of Yew's lifecycle.
pub fn tag_filter_bar(
    cx: &ReaderContext,
    data: &FeedHandle,
    query: &FeedQuery,
    selection: &Selection,
    unread: Option<&[usize]>,
) -> Html {
    let ui = cx.ui;
    let filter = &query.filter;
    let go = {
        let navigator = cx.navigator.clone();
        move |route: Route| navigator.go(route)
    };
    let heading_id = cx.id("filter-heading");
    let entries = data.tags.entries();
    let names: Vec<String> = filter.tags().iter().map(|k| data.tags.display_name(k).to_owned()).collect();
    // A search on a large feed whose index is still being built, or that is still looking
    // through its text, has found only part of what it will.
    let status = if !query.search().is_empty() && (!data.search_ready() || selection.search_unfinished) {
        ui.label(Label::SearchGettingReady).to_owned()
    } else {
        ui.result(selection.articles.len(), data.feed.articles.len(), &names, filter.mode(), &query.text)
    };

    let clear = {
        let go = go.clone();
        let cleared = Route::Feed(FeedQuery::filtered(filter.cleared()));
        Callback::from(move |_: MouseEvent| go(cleared.clone()))
    };
    // One listener for the whole group, reading which toggle from `data-slot`: a callback per
    // toggle meant 40 routes built and 40 listeners replaced on every render, for one click.
    let on_toggle = {
        let go = go.clone();
        let query = query.clone();
        let data = data.clone();
        Callback::from(move |event: MouseEvent| {
            let slot = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| {
                    element.closest("button.ar-toggle[data-slot]:not([disabled])").ok().flatten()
                })
                .and_then(|button| button.get_attribute("data-slot"))
                .and_then(|slot| slot.parse::<usize>().ok());
            if let Some(entry) = slot.and_then(|slot| data.tags.entries().get(slot)) {
                go(Route::Feed(query.with_filter(query.filter.toggled(&entry.tag.key))));
            }
        })
    };
    let mode_switch = |mode: MatchMode, label: Label| {
        let go = go.clone();
        let route = Route::Feed(query.with_filter(filter.with_mode(mode)));
        let onchange = Callback::from(move |_: Event| go(route.clone()));
        html! {
            <label class="ar-mode__option">
                <input type="radio" name={cx.id("match")} checked={filter.mode() == mode} {onchange} />
                <span>{ ui.label(label) }</span>
            </label>
        }
    };
    html! {
        <section
            class="ar-filter"
            part="filter"
            aria-labelledby={match cx.named_after_title() {
                Some(title) => format!("{heading_id} {title}"),
                None => heading_id.clone(),
            }}
        >
            <h2 class="ar-filter__heading" id={heading_id}>{ ui.label(Label::FilterByTag) }</h2>
            if !entries.is_empty() {
                <div class="ar-filter__tags" role="group" aria-label={ui.label(Label::Tags)} onclick={on_toggle}>
                    { for entries.iter().enumerate().map(|(slot, entry)| {
                        let pressed = filter.contains(&entry.tag.key);
                        let count = selection.tag_counts.get(slot).copied().unwrap_or(0);
                        // The count shows, and the words around it ("articles") are for a screen
                        // reader: "1,234" then " articles".
                        let shown = ui.grouped(count);
                        let words = ui.articles(count);
                        let words = format!(" {}", words.strip_prefix(shown.as_str()).unwrap_or(&words).trim());
                        html! {
                            <button
                                key={slot}
                                type="button"
                                class="ar-toggle"
                                part="tag-toggle"
                                data-slot={slot.to_string()}
                                aria-pressed={if pressed { "true" } else { "false" }}
                                disabled={count == 0 && !pressed}
                            >
                                <span class="ar-toggle__name">{ entry.tag.name.clone() }</span>
                                <span class="ar-toggle__count">
                                    { shown }
                                    <span class="ar-visually-hidden">{ words }</span>
                                </span>
                                // Only where some of the tag's articles are read: "3 unread" of 3 says nothing.
                                if let Some(unread) = unread.and_then(|u| u.get(slot)).filter(|&&n| n > 0 && n < entry.count()) {
                                    <span class="ar-unread">{ ui.unread(*unread) }</span>
                                }
                            </button>
                        }
                    }) }
                </div>
                <fieldset class="ar-mode">
                    <legend class="ar-mode__legend">{ ui.label(Label::MatchLegend) }</legend>
                    { mode_switch(MatchMode::Any, Label::MatchAny) }
                    { mode_switch(MatchMode::All, Label::MatchAll) }
                </fieldset>
            }
            <div class="ar-filter__status-row">
                <p class="ar-filter__status" role="status" aria-live="polite">{ status }</p>
                if !query.is_everything() {
                    <button type="button" class="ar-clear" part="clear-filter" onclick={clear}>
                        { ui.label(Label::ClearFilter) }
                    </button>
                }
            </div>
        </section>
    }
}
