//! A message for a problem that stops the reader from showing a feed, announced at once.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    pub title: AttrValue,
    pub message: AttrValue,
}

#[function_component(ErrorView)]
pub fn error_view(props: &ErrorViewProps) -> Html {
    html! {
        <section class="ar-error" part="error" role="alert">
            <h1 class="ar-error__title">{ props.title.clone() }</h1>
            <p class="ar-error__message">{ props.message.clone() }</p>
        </section>
    }
}
