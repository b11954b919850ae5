//! What shows while a feed downloads: where from, and how much has arrived.

use article_reader_core::interface::text::Label;
use article_reader_core::Progress;
use yew::prelude::*;

use crate::context::ReaderContext;

/// The feed at `url` downloading, `progress` of it there, or `retry_in` seconds before the next
/// try. A plain function, as it has no state of its own (and a component would cost the wasm a
/// copy of Yew's lifecycle).
pub fn loading_view(cx: &ReaderContext, url: &str, progress: &Progress, retry_in: Option<u32>) -> Html {
    let percent = progress.percent();
    html! {
        // Only the sentence is a live region: announcing every chunk would drown a screen reader.
        <section class="ar-loading" aria-busy="true">
            <p class="ar-loading__title" role="status">{ cx.ui.label(Label::LoadingFeed) }</p>
            if let Some(seconds) = retry_in {
                <p class="ar-loading__retry">{ cx.ui.retrying_in(seconds) }</p>
            }
            <p class="ar-loading__source">{ url.to_owned() }</p>
            <progress
                class="ar-loading__bar"
                max="100"
                value={percent.map(|p| p.to_string())}
                aria-label={cx.ui.label(Label::FeedDownload)}
            />
            <p class="ar-loading__amount">{ cx.ui.progress(progress) }</p>
        </section>
    }
}
