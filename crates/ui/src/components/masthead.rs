//! The reader's title bar: the feed's name, and the way between all articles and the followed
//! ones. On the feed page the name is the page's `<h1>`; elsewhere the article title is.

use article_reader_core::interface::text::{direction, Label};
use article_reader_core::Route;
use yew::prelude::*;

use crate::components::reading_settings::reading_settings;
use crate::context::ReaderContext;

/// What the masthead shows.
pub struct MastheadProps {
    pub title: AttrValue,
    pub description: Option<AttrValue>,
    /// The feed's language, where it is not the one the reader's root declares: its title and
    /// description are in it.
    pub lang: Option<AttrValue>,
    pub is_page_heading: bool,
    /// The feed says it is no longer updated.
    pub expired: bool,
    /// Which view is shown: the feed (`false`) or the followed tags (`true`); `None` elsewhere.
    pub following: Option<bool>,
    /// The reading settings, and whether they are open (on the lists; an article has them
    /// beside its actions).
    pub settings: Option<UseStateHandle<bool>>,
    /// Show the way between all articles and the followed ones.
    pub views: bool,
    /// How many of the followed tags' articles are unread.
    pub unread_following: Option<usize>,
}

/// The masthead. A plain function, not a component: it has no state of its own, and each kind
/// of component costs the wasm its own copy of Yew's lifecycle.
pub fn masthead(cx: &ReaderContext, props: MastheadProps) -> Html {
    let (lang, dir) = (props.lang.clone(), props.lang.as_deref().map(direction));
    let title =
        html! { <a class="ar-masthead__link" href={Route::default().to_hash()}>{ props.title.clone() }</a> };
    let current = |on: bool| on.then_some("page");
    html! {
        <header class="ar-masthead" part="masthead">
            <div class="ar-masthead__text">
                if props.is_page_heading {
                    <h1 class="ar-masthead__title" id={cx.id("masthead-title")} lang={lang.clone()} dir={dir}>{ title }</h1>
                } else {
                    <p class="ar-masthead__title" id={cx.id("masthead-title")} lang={lang.clone()} dir={dir}>{ title }</p>
                }
                if let Some(description) = &props.description {
                    <p class="ar-masthead__description" lang={lang} dir={dir}>{ description.clone() }</p>
                }
                if props.expired {
                    <p class="ar-masthead__expired">{ cx.ui.label(Label::NoLongerUpdated) }</p>
                }
            </div>
            if props.views {
            <nav class="ar-views" aria-label={cx.ui.label(Label::Articles)} aria-labelledby={cx.named_after_title()}>
                <a class="ar-views__link" href={Route::default().to_hash()} aria-current={current(props.following == Some(false))}>
                    { cx.ui.label(Label::AllArticles) }
                </a>
                <a class="ar-views__link" href={Route::Following(1).to_hash()} aria-current={current(props.following == Some(true))}>
                    { cx.ui.following_count(cx.prefs.followed.len()) }
                    if let Some(unread) = props.unread_following.filter(|&n| n > 0 && !cx.read.is_empty()) {
                        <span class="ar-unread">{ cx.ui.unread(unread) }</span>
                    }
                </a>
            </nav>
            }
            if let Some(open) = &props.settings {
                { reading_settings(cx, open) }
            }
        </header>
    }
}
