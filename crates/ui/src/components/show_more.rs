//! "Show more (20 of 45 shown)" under a list of articles that is shown a page at a time: the
//! feed and the Following view; and, once all that is loaded shows, "Load more articles" for a
//! paged feed's next page, with why the last try failed beside it. Plain functions, as the
//! buttons have no state of their own.

use article_reader_core::interface::text::Label;
use yew::prelude::*;

use crate::context::ReaderContext;
use crate::feed_state::NextPage;

/// The button, when fewer than all `setsize` articles are `shown`; nothing otherwise.
pub fn show_more(cx: &ReaderContext, shown: usize, setsize: usize, onclick: Callback<MouseEvent>) -> Html {
    if shown >= setsize {
        return Html::default();
    }
    button(cx.ui.show_more(shown, setsize), None, onclick)
}

/// The button that fetches the next page of the feed: what it does while it loads, and the
/// reason beside it when the last try failed (pressing it again tries again).
pub fn load_more(cx: &ReaderContext, state: &NextPage, onclick: Callback<MouseEvent>) -> Html {
    let label = cx.ui.label(if *state == NextPage::Loading { Label::LoadingMore } else { Label::LoadMore });
    let failed = match state {
        NextPage::Failed(failure) => Some(cx.ui.page_failed(&cx.ui.load_failure(failure))),
        _ => None,
    };
    button(label.to_owned(), failed, onclick)
}

/// Either button (one `::part`, as they stand in the same place), and a failure beside it.
fn button(label: String, failed: Option<String>, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <div class="ar-more">
            <button type="button" class="ar-more__button" part="show-more" {onclick}>{ label }</button>
            if let Some(failed) = failed {
                <p class="ar-more__error" role="alert">{ failed }</p>
            }
        </div>
    }
}
