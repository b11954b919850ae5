//! The notice that some of the feed's items could not be shown, or some of their fields, naming
//! each one and why, until the person dismisses it. A plain function, not a component: its one
//! piece of state (dismissed) is the reader's, and each kind of component costs the wasm its own
//! copy of Yew's lifecycle (see `tag_list::tag_links`).

use article_reader_core::interface::text::{direction, Label, Ui};
use article_reader_core::ItemProblem;
use yew::prelude::*;

use crate::context::ReaderContext;
use crate::feed_source::FeedHandle;

/// More than this many problems are counted rather than listed; the console has them all.
const LISTED: usize = 20;

/// The notice for `data`, until `dismissed` is set.
pub fn problems_notice(cx: &ReaderContext, data: &FeedHandle, dismissed: &UseStateHandle<bool>) -> Html {
    if **dismissed {
        return Html::default();
    }
    let skipped = &data.skipped;
    let left_out = &data.left_out;
    let dismiss = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: MouseEvent| dismissed.set(true))
    };
    html! {
        <section class="ar-notice" part="notice" aria-label={cx.ui.label(Label::FeedProblems)}>
            <div class="ar-notice__text">
                if let Some((items, limit)) = data.over_limit {
                    <p class="ar-notice__summary">{ cx.ui.over_limit(items, limit) }</p>
                }
                { problems(cx.ui.skipped_items(skipped.len()), skipped, &cx.ui) }
                { problems(cx.ui.left_out_fields(left_out.len()), left_out, &cx.ui) }
            </div>
            <button type="button" class="ar-notice__dismiss" onclick={dismiss}>{ cx.ui.label(Label::Dismiss) }</button>
        </section>
    }
}

/// One kind of problem: its summary line, then the first few reports.
fn problems(summary: String, list: &[ItemProblem], ui: &Ui) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <p class="ar-notice__summary">{ summary }</p>
            // In the interface's language, which may not be the content's.
            <ul class="ar-notice__list" lang={ui.tag()} dir={direction(ui.tag())}>
                { for list.iter().take(LISTED).map(|problem| html! { <li>{ ui.item_problem(problem) }</li> }) }
            </ul>
            if list.len() > LISTED {
                <p class="ar-notice__more">{ ui.more_problems(list.len() - LISTED) }</p>
            }
        </>
    }
}
