//! A message for a problem that stops the reader from showing a feed, announced at once.

use yew::prelude::*;

/// The alert, with its `title` and `message`. A plain function, as it has no state of its own
/// (and a component would cost the wasm a copy of Yew's lifecycle).
pub fn error_view(title: &'static str, message: &str) -> Html {
    html! {
        <section class="ar-error" part="error" role="alert">
            <h1 class="ar-error__title">{ title }</h1>
            <p class="ar-error__message">{ message.to_owned() }</p>
        </section>
    }
}
