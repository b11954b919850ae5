//! One article in full: headline, dates, reading time, highlights, lead image with caption,
//! body, tags to filter by and follow, related articles, the newer and older ones, a way to share
//! it (or copy its link), a way to listen to it (`listen.rs`), and a way back to the feed as it
//! was left.

use article_reader_core::interface::text::{direction, Label};
use article_reader_core::lists::reading::{neighbours, reading_minutes};
use std::rc::Rc;

use article_reader_core::url::Base;
use article_reader_core::{Article, Block, FeedQuery, Limits, Route, Routing};

use crate::failure::Failure;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::article_body::ArticleBody;
use crate::components::attachments::attachments;
use crate::components::reading_settings::reading_settings;
use crate::components::tag_list::tag_links;
use crate::context::ReaderContext;
use crate::effect::use_effect_on;
use crate::feed_source::{FeedData, FeedHandle};
use crate::focus::focus_when_rendered;
use crate::html_dom::blocks_from_html;
use crate::listen;
use crate::pages::article_parts::{self, Elsewhere};
use crate::platform::Browser;
use crate::prefs::PrefsAction;
use crate::routing::page_url_with;
use crate::share;

#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    pub data: FeedHandle,
    pub position: usize,
    /// The feed route "back" leads to, with the filter and search the person left it with.
    pub back: Route,
}

/// The body of the article at `position` as blocks, once it is here (a split feed's article
/// waits for its chunk): its HTML is parsed now, when the article is shown.
fn body_blocks(data: &FeedData, position: usize) -> Rc<Vec<Block>> {
    let Some(indexed) = data.feed.articles.get(position) else { return Rc::default() };
    let browser = Browser::new();
    let read = |article: &Article| {
        let base = Base { url: article.body_base(data.base.as_deref()), platform: &browser };
        article.body.blocks_with(|html| blocks_from_html(html, &base))
    };
    match &indexed.body_chunk {
        Some(chunk) => {
            data.chunk_article(chunk, indexed.id.as_str()).map(|article| read(&article)).unwrap_or_default()
        }
        None => read(indexed),
    }
}

/// Fetching the body of an article of a split feed.
#[derive(Clone, PartialEq)]
enum BodyState {
    Here,
    Loading,
    Failed(Failure),
}

#[function_component(ArticlePage)]
pub fn article_page(props: &ArticlePageProps) -> Html {
    let heading = use_node_ref();
    // After "Copy link" (or a share that fell back to it): copied, or the link to copy by hand.
    let copied = use_state_eq(|| None::<Result<(), String>>);
    // Whether the browser has a share sheet, known once mounted (the server's render has none).
    let can_share = use_state_eq(|| false);
    let body_state = use_state(|| BodyState::Here);
    let settings_open = use_state(|| false);
    let cx = use_context::<ReaderContext>();
    let back_query = match &props.back {
        Route::Feed(query) => query.clone(),
        _ => FeedQuery::default(),
    };
    // Newer and older in the list the person came from (or the whole feed), and related
    // articles: both scan the feed, so once per article opened, not on every render (an open
    // renders three or four times: focus, read mark, a split feed's body arriving).
    let surroundings =
        use_memo((props.data.clone(), props.position, back_query.clone()), |(data, position, back)| {
            let came_from =
                data.selector.select(back, &data.tags, &data.search.borrow(), None, usize::MAX).articles;
            let (newer, older) = neighbours(&came_from, *position).unwrap_or_else(|| {
                // Not in that list: the whole feed, in its own order, the articles on either side.
                let older = position + 1;
                (position.checked_sub(1), (older < data.feed.articles.len()).then_some(older))
            });
            (newer, older, data.selector.related(&data.feed, &data.tags, *position, 3))
        });
    // Parsed once per article shown, and again when a split feed's body arrives.
    let blocks =
        use_memo((props.data.clone(), props.position, (*body_state).clone()), |(data, position, _)| {
            body_blocks(data, *position)
        });
    {
        // A split feed's article fetches its chunk the first time it opens.
        let data = props.data.clone();
        let body_state = body_state.clone();
        let position = props.position;
        use_effect_on(position, move |_| {
            let Some(article) = data.feed.articles.get(position) else { return };
            let Some(chunk) = article.body_chunk.clone() else { return };
            if data.chunk_article(&chunk, article.id.as_str()).is_some() {
                body_state.set(BodyState::Here);
                return;
            }
            body_state.set(BodyState::Loading);
            spawn_local(async move {
                body_state.set(match data.fetch_chunk(&chunk, &Limits::default()).await {
                    Ok(()) => BodyState::Here,
                    Err(failure) => BodyState::Failed(Failure::new(failure)),
                });
            });
        });
    }
    let listen = use_node_ref();
    {
        // Move focus to the headline on open, so keyboard and screen-reader users start reading
        // the article rather than staying on a link that no longer exists; mark it read; and
        // offer to read it aloud, until it closes.
        let heading = heading.clone();
        let listen = listen.clone();
        let copied = copied.clone();
        let can_share = can_share.clone();
        let cx = cx.clone();
        let id = props.data.feed.articles.get(props.position).map(|a| a.id.as_str().to_owned());
        use_effect_on(props.position, move |_| {
            copied.set(None);
            can_share.set(share::can_share());
            let headline = heading.clone();
            focus_when_rendered(move || headline.cast());
            if let (Some(cx), Some(id)) = (&cx, id) {
                cx.dispatch(PrefsAction::MarkRead(id));
            }
            let reading = listen::start(&heading, &listen, cx);
            move || drop(reading)
        });
    }
    let Some(cx) = cx else { return Html::default() };
    let Some(indexed) = props.data.feed.articles.get(props.position) else {
        return Html::default();
    };
    // In a split feed the index has no body or highlights; the chunk's article has them.
    let fetched =
        indexed.body_chunk.as_ref().and_then(|chunk| props.data.chunk_article(chunk, indexed.id.as_str()));
    let article = fetched.as_deref().unwrap_or(indexed);
    let awaiting_body = indexed.body_chunk.is_some() && fetched.is_none();
    let ui = cx.ui;
    let feed = &props.data.feed;
    let title_id = cx.id("article-title");
    let back_names: Vec<String> =
        back_query.filter.tags().iter().map(|k| props.data.tags.display_name(k).to_owned()).collect();
    let back_label = ui.back_to(&back_names, &back_query.text);

    let (newer, older, related) = &*surroundings;
    let share = {
        let copied = copied.clone();
        let (routing, url, id) = (cx.navigator.routing, article.url.clone(), article.id.as_str().to_owned());
        let title = article.title.clone();
        Callback::from(move |_: MouseEvent| {
            // The reader's link: this page's address at the article (read from the page when asked).
            let reader_link = || {
                let origin = gloo::utils::window().location().origin().unwrap_or_default();
                format!("{origin}{}", page_url_with(&Route::Article(id.clone())))
            };
            // Shared: the article's own address, else the reader's link. Copied: its own address
            // when the reader keeps its place in memory, else the reader's link.
            let shared = url.as_ref().map_or_else(reader_link, |url| url.as_str().to_owned());
            let link = match (routing, &url) {
                (Routing::Memory, Some(url)) => url.as_str().to_owned(),
                _ => reader_link(),
            };
            let outcome = share::share(&title, &shared, link);
            let copied = copied.clone();
            spawn_local(async move { copied.set(outcome.await) });
        })
    };
    let lang = cx.lang_of(article.language.as_deref(), feed.language.as_deref()).map(str::to_owned);
    let dir = lang.as_deref().map(direction);
    // The parts without controls, as markup (see `article_parts`): raw HTML for Yew, none when
    // a part has nothing to show.
    let raw = |html: String| match html.is_empty() {
        true => Html::default(),
        false => Html::from_html_unchecked(AttrValue::from(html)),
    };
    let elsewhere = Elsewhere { related, newer: *newer, older: *older };

    // The article's language is its content's: the headline, highlights, figure and body. The
    // page around them (back link, dates, actions, tags, pager) speaks the interface's language
    // and runs in its direction, so an English article under the Urdu interface keeps its
    // chrome right to left.
    html! {
        <article class="ar-article" part="article" aria-labelledby={title_id.clone()}>
            <nav class="ar-article__nav" aria-label={ui.label(Label::ArticleNavigation)}>
                <a class="ar-back" part="back-link" href={props.back.to_hash()}>
                    <span class="ar-back__arrow" aria-hidden="true">{ "←" }</span>{ back_label }
                </a>
            </nav>
            if let Some(banner) = &article.banner {
                <img class="ar-banner" part="banner" src={banner.as_str().to_owned()} alt="" decoding="async" referrerpolicy="no-referrer" />
            }
            <header class="ar-article__header">
                <h1 class="ar-article__title" part="article-title" id={title_id} tabindex="-1" ref={heading} lang={lang.clone()} dir={dir}>{ article.title.clone() }</h1>
                <div class="ar-article__meta">{ raw(article_parts::meta(&cx, article, reading_minutes(&article.highlights, &blocks))) }</div>
                if !article.authors.is_empty() {
                    <p class="ar-article__byline">{ raw(article_parts::byline(&cx, article)) }</p>
                }
                <div class="ar-article__actions">
                    <button type="button" class="ar-action" part="share" onclick={share}>
                        { ui.label(if *can_share { Label::Share } else { Label::CopyLink }) }
                    </button>
                    <div class="ar-listen" ref={listen}></div>
                    { reading_settings(&cx, &settings_open) }
                    <span class="ar-action__result" role="status">
                        { match &*copied {
                            Some(Ok(())) => html! { ui.label(Label::LinkCopied) },
                            Some(Err(link)) => html! { <input class="ar-action__link" readonly=true value={link.clone()} aria-label={ui.label(Label::CopyLink)} /> },
                            None => Html::default(),
                        } }
                    </span>
                </div>
            </header>
            { raw(article_parts::lead(&cx, article, lang.as_deref())) }
            if awaiting_body {
                { match &*body_state {
                    BodyState::Failed(failure) => html! { <p class="ar-body-status" role="alert">{ cx.ui.load_failure(failure) }</p> },
                    _ => html! { <p class="ar-body-status" role="status">{ ui.label(Label::LoadingArticle) }</p> },
                } }
            } else {
                <ArticleBody blocks={(*blocks).clone()} lang={lang} />
            }
            { raw(attachments(&cx, &article.attachments)) }
            <footer class="ar-article__footer">
                { tag_links(&cx, &article.tags, &back_query.filter, Some(ui.label(Label::Tagged).into()), true) }
                { raw(article_parts::elsewhere(&cx, feed, article, elsewhere)) }
            </footer>
        </article>
    }
}
