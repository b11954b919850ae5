//! What an unknown address shows: what was not found, and the way back to the feed.

use article_reader_core::text::Label;
use article_reader_core::Route;
use yew::prelude::*;

use crate::context::ReaderContext;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// One sentence saying what was asked for and not found.
    pub what: AttrValue,
    pub back: Route,
}

#[function_component(NotFound)]
pub fn not_found(props: &NotFoundProps) -> Html {
    let Some(cx) = use_context::<ReaderContext>() else { return Html::default() };
    let title_id = cx.id("not-found-title");
    html! {
        <section class="ar-not-found" aria-labelledby={title_id.clone()}>
            <h1 class="ar-not-found__title" id={title_id}>{ cx.ui.label(Label::ArticleNotFound) }</h1>
            <p>{ props.what.clone() }</p>
            <p>{ cx.ui.label(Label::MaybeRemoved) }</p>
            <a class="ar-button" href={props.back.to_hash()}>{ cx.ui.label(Label::BackToArticles) }</a>
        </section>
    }
}
