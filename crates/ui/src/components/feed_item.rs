//! One article in the feed: an `<article>` of the WAI-ARIA feed pattern with its headline (a
//! link to the article), date, summary, tags and image, as many of them as the layout shows;
//! search matches marked; read articles shown as read.

use article_reader_core::interface::text::{direction, Label};
use article_reader_core::{FeedQuery, Layout, OpenMode, Route};
use yew::prelude::*;

use crate::components::attachments::play_control;
use crate::components::dates::dates_of;
use crate::components::highlighted::highlighted;
use crate::components::tag_list::tag_links;
use crate::context::ReaderContext;
use crate::feed_source::FeedHandle;

/// Where a card is and what it shows.
pub struct FeedItemProps<'a> {
    pub data: &'a FeedHandle,
    /// The article's position in the feed.
    pub position: usize,
    /// 1-based position among the articles shown, and how many there are in all.
    pub posinset: usize,
    pub setsize: usize,
    pub query: &'a FeedQuery,
}

/// The card, keyed by its slot in the list (`posinset`): a new filter rewrites the cards already
/// there. A plain function, not a component: the list re-renders its cards on every filter
/// change anyway, and each kind of component costs the wasm its own copy of Yew's lifecycle.
pub fn feed_item(cx: &ReaderContext, props: FeedItemProps) -> Html {
    let Some(article) = props.data.feed.articles.get(props.position) else {
        return Html::default();
    };
    let headline_id = cx.id(&format!("headline-{}", props.posinset));
    let summary_id = cx.id(&format!("summary-{}", props.posinset));
    // With `open="link"` or `"new-tab"` the headline is the article's own address, when it has
    // one; `data-opens` lets the reader ask the host first (`article-reader-open`).
    // `data-url` is that address whatever the headline opens: a printed list gives it.
    let own_url = article.url.as_ref().or(article.external_url.as_ref());
    let (href, opens, target) = match own_url.filter(|_| cx.open != OpenMode::Inline) {
        Some(url) => (
            url.as_str().to_owned(),
            Some(article.id.as_str().to_owned()),
            (cx.open == OpenMode::NewTab).then_some("_blank"),
        ),
        None => (Route::Article(article.id.as_str().to_owned()).to_hash(), None, None),
    };
    let rel = target.map(|_| "noopener");
    let layout = cx.layout;
    let image = article
        .image
        .as_ref()
        .and_then(|image| image.url.as_ref())
        .filter(|_| matches!(layout, Layout::Full | Layout::Cards));
    let summary = article.summary.as_ref().filter(|_| layout != Layout::Compact);
    let read = cx.prefs.is_read(article.id.as_str());
    let search = props.query.search();
    let lang = article.language.clone().filter(|l| Some(l) != props.data.feed.language.as_ref());
    let dir = lang.as_deref().map(direction);
    html! {
        <article
            key={props.posinset}
            class={classes!("ar-card", image.is_some().then_some("ar-card--with-image"), read.then_some("ar-card--read"))}
            part="card"
            data-article={article.id.as_str().to_owned()}
            aria-posinset={props.posinset.to_string()}
            aria-setsize={props.setsize.to_string()}
            aria-labelledby={headline_id.clone()}
            aria-describedby={summary.is_some().then(|| summary_id.clone())}
            tabindex="-1"
            {lang}
            {dir}
        >
            if let Some(url) = image {
                <img class="ar-card__image" src={url.as_str().to_owned()} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />
            }
            <div class="ar-card__text">
                <h2 class="ar-card__title" part="card-title" id={headline_id}>
                    <a class="ar-card__link" {href} data-opens={opens} data-url={own_url.map(|url| url.as_str().to_owned())} {target} {rel}>{ highlighted(&article.title, &search) }</a>
                </h2>
                <div class="ar-card__meta">
                    { dates_of(cx, article.published.as_ref(), article.updated.as_ref(), true) }
                    if read {
                        <span class="ar-card__read">{ cx.ui.label(Label::Read) }</span>
                    }
                </div>
                if let Some(summary) = summary {
                    <p class="ar-card__summary" id={summary_id}>{ highlighted(summary, &search) }</p>
                }
                if layout != Layout::Compact {
                    { play_control(cx, &article.attachments) }
                }
                if layout == Layout::Full {
                    { tag_links(cx, &article.tags, &props.query.filter, None, false) }
                }
            </div>
        </article>
    }
}
