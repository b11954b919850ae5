//! "Show more (20 of 45 shown)" under a list of articles that is shown a page at a time: the
//! feed and the Following view. A plain function, as the button has no state of its own.

use yew::prelude::*;

use crate::context::ReaderContext;

/// The button, when fewer than all `setsize` articles are `shown`; nothing otherwise.
pub fn show_more(cx: &ReaderContext, shown: usize, setsize: usize, onclick: Callback<MouseEvent>) -> Html {
    if shown >= setsize {
        return Html::default();
    }
    html! {
        <div class="ar-more">
            <button type="button" class="ar-more__button" part="show-more" {onclick}>
                { cx.ui.show_more(shown, setsize) }
            </button>
        </div>
    }
}
