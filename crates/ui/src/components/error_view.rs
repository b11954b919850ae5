//! A message for a problem that stops the reader from showing a feed, announced at once, with
//! "Try again" for a fetched feed; and the notice over a feed's kept copy, shown because the
//! feed could not be fetched.

use article_reader_core::interface::text::{Label, Ui};
use yew::prelude::*;

use crate::context::ReaderContext;
use crate::feed_cache::Kept;

/// The alert, with its `title` and `message`, and a "Try again" button when `retry` is given.
/// A plain function, as it has no state of its own (and a component would cost the wasm a copy
/// of Yew's lifecycle).
pub fn error_view(title: &'static str, message: &str, retry: Option<(Ui, Callback<()>)>) -> Html {
    html! {
        <section class="ar-error" part="error" role="alert">
            <h1 class="ar-error__title">{ title }</h1>
            <p class="ar-error__message">{ message.to_owned() }</p>
            if let Some((ui, retry)) = retry {
                { try_again(ui, retry) }
            }
        </section>
    }
}

fn try_again(ui: Ui, retry: Callback<()>) -> Html {
    html! {
        <button type="button" class="ar-more__button ar-try-again" onclick={retry.reform(|_: MouseEvent| ())}>
            { ui.label(Label::TryAgain) }
        </button>
    }
}

/// Over a kept copy: that the feed could not be updated, when the copy is from, and "Try again".
pub fn kept_notice(cx: &ReaderContext, kept: &Kept, retry: Callback<()>) -> Html {
    let date = js_sys::Date::new(&kept.at.into());
    let when = String::from(date.to_locale_string(&cx.locale, &wasm_bindgen::JsValue::UNDEFINED));
    html! {
        <div class="ar-notice ar-kept" part="notice" role="status">
            <p class="ar-notice__text">{ cx.ui.kept_copy(&when) }</p>
            { try_again(cx.ui, retry) }
        </div>
    }
}
