//! What an unknown address shows: what was not found, and the way back to the feed.

use article_reader_core::interface::text::Label;
use article_reader_core::Route;
use yew::prelude::*;

use crate::context::ReaderContext;

/// The page, with `what`, one sentence saying what was asked for and not found, and a link
/// `back`. A plain function, as it has no state of its own (and a component would cost the wasm
/// a copy of Yew's lifecycle).
pub fn not_found(cx: &ReaderContext, what: &str, back: &Route) -> Html {
    let title_id = cx.id("not-found-title");
    html! {
        <section class="ar-not-found" aria-labelledby={title_id.clone()}>
            <h1 class="ar-not-found__title" id={title_id}>{ cx.ui.label(Label::ArticleNotFound) }</h1>
            <p>{ what.to_owned() }</p>
            <p>{ cx.ui.label(Label::MaybeRemoved) }</p>
            <a class="ar-button" href={back.to_hash()}>{ cx.ui.label(Label::BackToArticles) }</a>
        </section>
    }
}
