//! What an unknown address shows: what was not found, and the way back to the feed.

use article_reader_core::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// One sentence saying what was asked for and not found.
    pub what: AttrValue,
    pub back: Route,
}

#[function_component(NotFound)]
pub fn not_found(props: &NotFoundProps) -> Html {
    html! {
        <section class="ar-not-found" aria-labelledby="ar-not-found-title">
            <h1 class="ar-not-found__title" id="ar-not-found-title">{ "Article not found" }</h1>
            <p>{ props.what.clone() }</p>
            <p>{ "It may have been removed from the feed, or the link may be incomplete." }</p>
            <a class="ar-button" href={props.back.to_hash()}>{ "Back to the articles" }</a>
        </section>
    }
}
