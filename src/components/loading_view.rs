//! What shows while a feed downloads: where from, and how much has arrived.

use article_reader_core::text::Label;
use article_reader_core::Progress;
use yew::prelude::*;

use crate::context::ReaderContext;

#[derive(Properties, PartialEq)]
pub struct LoadingViewProps {
    pub url: AttrValue,
    pub progress: Progress,
}

#[function_component(LoadingView)]
pub fn loading_view(props: &LoadingViewProps) -> Html {
    let Some(cx) = use_context::<ReaderContext>() else { return Html::default() };
    let percent = props.progress.percent();
    html! {
        // Only the sentence is a live region: announcing every chunk would drown a screen reader.
        <section class="ar-loading" aria-busy="true">
            <p class="ar-loading__title" role="status">{ cx.ui.label(Label::LoadingFeed) }</p>
            <p class="ar-loading__source">{ props.url.clone() }</p>
            <progress
                class="ar-loading__bar"
                max="100"
                value={percent.map(|p| p.to_string())}
                aria-label={cx.ui.label(Label::FeedDownload)}
            />
            <p class="ar-loading__amount">{ cx.ui.progress(&props.progress) }</p>
        </section>
    }
}
