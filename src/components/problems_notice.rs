//! The notice that some of the feed's items could not be shown, naming each one and why, until
//! the person dismisses it.

use yew::prelude::*;

use crate::feed_source::FeedHandle;

/// More than this many problems are counted rather than listed; the console has them all.
const LISTED: usize = 20;

#[derive(Properties, PartialEq)]
pub struct ProblemsNoticeProps {
    pub data: FeedHandle,
}

#[function_component(ProblemsNotice)]
pub fn problems_notice(props: &ProblemsNoticeProps) -> Html {
    let dismissed = use_state(|| false);
    if *dismissed {
        return Html::default();
    }
    let skipped = &props.data.skipped;
    let dismiss = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: MouseEvent| dismissed.set(true))
    };
    let summary = match skipped.len() {
        0 => None,
        1 => Some("1 item of this feed could not be shown:".to_owned()),
        n => Some(format!("{n} items of this feed could not be shown:")),
    };
    html! {
        <section class="ar-notice" part="notice" aria-label="Problems with this feed">
            <div class="ar-notice__text">
                if let Some(message) = &props.data.over_limit {
                    <p class="ar-notice__summary">{ message.clone() }</p>
                }
                if let Some(summary) = summary {
                    <p class="ar-notice__summary">{ summary }</p>
                    <ul class="ar-notice__list">
                        { for skipped.iter().take(LISTED).map(|problem| html! { <li>{ problem.to_string() }</li> }) }
                    </ul>
                    if skipped.len() > LISTED {
                        <p class="ar-notice__more">
                            { format!("…and {} more; the browser console lists them all.", skipped.len() - LISTED) }
                        </p>
                    }
                }
            </div>
            <button type="button" class="ar-notice__dismiss" onclick={dismiss}>{ "Dismiss" }</button>
        </section>
    }
}
