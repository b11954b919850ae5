//! The search field. Every keystroke updates the feed in place (one history step for the whole
//! search, not one per key); `/` anywhere in the reader focuses it.

use article_reader_core::interface::text::Label;
use article_reader_core::{FeedQuery, Route};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::context::ReaderContext;

/// The field for the feed's `query`. A plain function, not a component: it has no state of its
/// own, and each kind of component costs the wasm its own copy of Yew's lifecycle.
pub fn search_box(cx: &ReaderContext, query: &FeedQuery) -> Html {
    let input_id = cx.id("search");
    let oninput = {
        let navigator = cx.navigator.clone();
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            navigator.replace(Route::Feed(query.with_text(&text)));
        })
    };
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    let label_id = cx.id("search-label");
    html! {
        <form
            class="ar-search"
            part="search"
            role="search"
            aria-labelledby={cx.named_after_title().map(|title| format!("{title} {label_id}"))}
            {onsubmit}
        >
            <label class="ar-visually-hidden" for={input_id.clone()} id={label_id.clone()}>{ cx.ui.label(Label::Search) }</label>
            <input
                class="ar-search__input"
                id={input_id}
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder={cx.ui.label(Label::SearchPlaceholder)}
                value={query.text.clone()}
                {oninput}
            />
            <kbd class="ar-search__key" aria-hidden="true">{ "/" }</kbd>
        </form>
    }
}
