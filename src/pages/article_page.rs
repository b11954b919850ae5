//! One article in full: headline, dates, highlights, lead image with caption, body, tags, and a
//! way back to the feed as it was left.

use article_reader_core::{Route, TagFilter};
use yew::prelude::*;

use crate::components::article_body::ArticleBody;
use crate::components::dates::{Dates, DatesProps};
use crate::components::tag_list::TagList;
use crate::feed_source::FeedHandle;

#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    pub data: FeedHandle,
    pub position: usize,
    /// The feed route "back" leads to, with the filter the person left it with.
    pub back: Route,
    pub id_prefix: AttrValue,
}

#[function_component(ArticlePage)]
pub fn article_page(props: &ArticlePageProps) -> Html {
    let heading = use_node_ref();
    {
        // Move focus to the headline on open, so keyboard and screen-reader users start reading
        // the article rather than staying on a link that no longer exists.
        let heading = heading.clone();
        use_effect_with(props.position, move |_| {
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let Some(article) = props.data.feed.articles.get(props.position) else {
        return Html::default();
    };
    let title_id = format!("{}-article-title", props.id_prefix);
    let back_filter = match &props.back {
        Route::Feed(filter) => filter.clone(),
        _ => TagFilter::default(),
    };
    let back_label = if back_filter.is_empty() {
        "All articles".to_owned()
    } else {
        let names: Vec<&str> = back_filter.tags().iter().map(|k| props.data.tags.display_name(k)).collect();
        format!("Articles tagged {}", names.join(", "))
    };

    html! {
        <article class="ar-article" part="article" aria-labelledby={title_id.clone()}>
            <nav class="ar-article__nav" aria-label="Article">
                <a class="ar-back" part="back-link" href={props.back.to_hash()}>
                    <span aria-hidden="true">{ "←" }</span>{ back_label }
                </a>
            </nav>
            <header class="ar-article__header">
                <h1 class="ar-article__title" part="article-title" id={title_id} tabindex="-1" ref={heading}>{ article.title.clone() }</h1>
                <Dates ..DatesProps::of(article, false) />
                if !article.authors.is_empty() {
                    <p class="ar-article__byline">
                        { format!("By {}", article.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ")) }
                    </p>
                }
            </header>
            if !article.highlights.is_empty() {
                <ul class="ar-highlights" aria-label="Highlights">
                    { for article.highlights.iter().map(|h| html! { <li>{ h.clone() }</li> }) }
                </ul>
            }
            if let Some(image) = &article.image {
                <figure class={classes!("ar-figure", image.url.is_none().then_some("ar-figure--caption-only"))}>
                    if let Some(url) = &image.url {
                        <img class="ar-figure__image" src={url.as_str().to_owned()}
                             alt={image.alt.clone().unwrap_or_default()} decoding="async" referrerpolicy="no-referrer" />
                    }
                    if image.caption.is_some() || image.credit.is_some() {
                        <figcaption class="ar-figure__caption">
                            { image.caption.clone().unwrap_or_default() }
                            if let Some(credit) = &image.credit {
                                { " " }<span class="ar-figure__credit">{ format!("({credit})") }</span>
                            }
                        </figcaption>
                    }
                </figure>
            }
            <ArticleBody blocks={article.body.clone()} />
            <footer class="ar-article__footer">
                <TagList tags={article.tags.clone()} filter={back_filter} label="Tagged" />
                if let Some(url) = &article.url {
                    <p><a class="ar-source" href={url.as_str().to_owned()} rel="noopener noreferrer" target="_blank">{ "Read at the source" }</a></p>
                }
            </footer>
        </article>
    }
}
