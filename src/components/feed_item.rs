//! One article in the feed: an `<article>` of the WAI-ARIA feed pattern with its headline (a
//! link to the article), date, summary, tags and image.

use article_reader_core::{Route, TagFilter};
use yew::prelude::*;

use crate::components::dates::{Dates, DatesProps};
use crate::components::tag_list::TagList;
use crate::feed_source::FeedHandle;

#[derive(Properties, PartialEq)]
pub struct FeedItemProps {
    pub data: FeedHandle,
    /// The article's position in the feed.
    pub position: usize,
    /// 1-based position among the articles shown, and how many are shown.
    pub posinset: usize,
    pub setsize: usize,
    pub filter: TagFilter,
    pub id_prefix: AttrValue,
}

#[function_component(FeedItem)]
pub fn feed_item(props: &FeedItemProps) -> Html {
    let Some(article) = props.data.feed.articles.get(props.position) else {
        return Html::default();
    };
    let headline_id = format!("{}-headline-{}", props.id_prefix, props.posinset);
    let summary_id = format!("{}-summary-{}", props.id_prefix, props.posinset);
    let href = Route::Article(article.id.as_str().to_owned()).to_hash();
    let image = article.image.as_ref().and_then(|image| image.url.as_ref());
    html! {
        <article
            class={classes!("ar-card", image.is_some().then_some("ar-card--with-image"))}
            part="card"
            aria-posinset={props.posinset.to_string()}
            aria-setsize={props.setsize.to_string()}
            aria-labelledby={headline_id.clone()}
            aria-describedby={article.summary.is_some().then(|| summary_id.clone())}
            tabindex="-1"
        >
            if let Some(url) = image {
                <img class="ar-card__image" src={url.as_str().to_owned()} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />
            }
            <div class="ar-card__text">
                <h2 class="ar-card__title" part="card-title" id={headline_id}>
                    <a class="ar-card__link" {href}>{ article.title.clone() }</a>
                </h2>
                <Dates ..DatesProps::of(article, true) />
                if let Some(summary) = &article.summary {
                    <p class="ar-card__summary" id={summary_id}>{ summary.clone() }</p>
                }
                <TagList tags={article.tags.clone()} filter={props.filter.clone()} />
            </div>
        </article>
    }
}
