//! One article in the feed: an `<article>` of the WAI-ARIA feed pattern with its headline (a
//! link to the article), date, summary, play control, tags and image, as many of them as the
//! layout shows; search matches marked; read articles shown as read.
//!
//! The cards are written as markup ([`crate::markup`]) and the list handed to the browser's parser
//! whole ([`cards`]): a list that has not changed costs a string comparison, one that has one
//! `innerHTML`, where as virtual nodes each card cost about twenty to build and diff and a dozen
//! DOM calls. Nothing in a card needs a listener of its own: headline and tag links are the
//! root's (see `Navigator::link_interceptor`), the player's the reader's
//! (`attachments::use_media_places`).

use article_reader_core::interface::text::Label;
use article_reader_core::lists::search::highlight;
use article_reader_core::{FeedQuery, Layout, OpenMode, Query, Route};
use yew::prelude::*;

use crate::components::attachments::play_control;
use crate::components::dates::card_date;
use crate::components::tag_list::tag_link_markup;
use crate::context::ReaderContext;
use crate::feed_source::FeedHandle;
use crate::markup::Markup;

/// The cards of a list: which articles, and what they show.
pub struct Cards<'a> {
    pub data: &'a FeedHandle,
    /// The articles shown, by position in the feed, in order.
    pub shown: &'a [usize],
    /// How many articles the list has in all (`aria-setsize`).
    pub setsize: usize,
    pub query: &'a FeedQuery,
    /// The search, parsed once for all the cards.
    pub search: &'a Query,
}

/// One card: the article's position in the feed and its 1-based place in the list.
struct Card {
    position: usize,
    posinset: usize,
}

/// The cards, in order, as the markup of the feed's list. The list is one node for Yew
/// (`Html::from_html_unchecked`): when anything in it changes, it is parsed again in one
/// `innerHTML` (see `vendor/yew/PATCHES.md`), which costs less than patching twenty cards node by
/// node.
pub fn cards(cx: &ReaderContext, list: &Cards) -> AttrValue {
    let mut m = Markup::with_capacity(16 * 1024);
    for (n, &position) in list.shown.iter().enumerate() {
        feed_item(cx, &mut m, list, Card { position, posinset: n + 1 });
    }
    AttrValue::from(m.into_string())
}

/// Writes one card.
fn feed_item(cx: &ReaderContext, m: &mut Markup, props: &Cards, card: Card) {
    let Some(article) = props.data.feed.articles.get(card.position) else { return };
    let headline_id = cx.id(&format!("headline-{}", card.posinset));
    let summary_id = cx.id(&format!("summary-{}", card.posinset));
    // With `open="link"` or `"new-tab"` the headline is the article's own address, when it has
    // one; `data-opens` lets the reader ask the host first (`article-reader-open`).
    // `data-url` is that address whatever the headline opens: a printed list gives it.
    let own_url = article.url.as_ref().or(article.external_url.as_ref());
    let (href, opens, target) = match own_url.filter(|_| cx.open != OpenMode::Inline) {
        Some(url) => (
            url.as_str().to_owned(),
            Some(article.id.as_str()),
            (cx.open == OpenMode::NewTab).then_some("_blank"),
        ),
        None => (Route::Article(article.id.as_str().to_owned()).to_hash(), None, None),
    };
    let layout = cx.layout;
    let image = article
        .image
        .as_ref()
        .and_then(|image| image.url.as_ref())
        .filter(|_| matches!(layout, Layout::Full | Layout::Cards));
    let summary = article.summary.as_ref().filter(|_| layout != Layout::Compact);
    let read = cx.prefs.is_read(article.id.as_str());
    let lang = cx.lang_of(article.language.as_deref(), props.data.feed.language.as_deref());

    // Attributes in the order the server renderer writes a virtual `<article>`'s, class last.
    m.start("article")
        .attr("part", "card")
        .attr("data-article", article.id.as_str())
        .attr("aria-posinset", &card.posinset.to_string())
        .attr("aria-setsize", &props.setsize.to_string())
        .attr("aria-labelledby", &headline_id)
        .attr_some("aria-describedby", summary.map(|_| summary_id.as_str()))
        .attr("tabindex", "-1")
        .lang(lang);
    m.attr(
        "class",
        match (image.is_some(), read) {
            (false, false) => "ar-card",
            (true, false) => "ar-card ar-card--with-image",
            (false, true) => "ar-card ar-card--read",
            (true, true) => "ar-card ar-card--with-image ar-card--read",
        },
    )
    .end_start();
    if let Some(url) = image {
        m.start("img")
            .attr("src", url.as_str())
            .attr("alt", "")
            .attr("loading", "lazy")
            .attr("decoding", "async")
            .attr("referrerpolicy", "no-referrer")
            .attr("class", "ar-card__image")
            .end_start();
    }
    m.start("div").attr("class", "ar-card__text").end_start();
    m.start("h2")
        .attr("part", "card-title")
        .attr("id", &headline_id)
        .attr("class", "ar-card__title")
        .end_start();
    m.start("a")
        .attr("href", &href)
        .attr_some("data-opens", opens)
        .attr_some("data-url", own_url.map(|url| url.as_str()))
        .attr_some("target", target)
        .attr_some("rel", target.map(|_| "noopener"))
        .attr("class", "ar-card__link")
        .end_start();
    marked(m, &article.title, props.search);
    m.end("a").end("h2");
    // The date and the read mark are the interface's words: a card in another language keeps
    // them in the dates' language and direction.
    m.start("div").attr("class", "ar-card__meta");
    if lang.is_some() {
        m.lang(Some(&cx.locale));
    }
    m.end_start();
    if let Some((date, text)) = card_date(cx, article.published.as_ref(), article.updated.as_ref()) {
        m.start("p").attr("class", "ar-dates").end_start();
        m.element("time", &[("datetime", date.as_rfc3339()), ("class", "ar-date")], &text);
        m.end("p");
    }
    if read {
        m.element("span", &[("class", "ar-card__read")], cx.ui.label(Label::Read));
    }
    m.end("div");
    if let Some(summary) = summary {
        m.start("p").attr("id", &summary_id).attr("class", "ar-card__summary").end_start();
        marked(m, summary, props.search);
        m.end("p");
    }
    if layout != Layout::Compact {
        play_control(m, &article.attachments);
    }
    if layout == Layout::Full && !article.tags.is_empty() {
        m.start("ul").attr("aria-label", cx.ui.label(Label::Tags)).attr("class", "ar-tags").end_start();
        for tag in &article.tags {
            m.start("li").end_start();
            tag_link_markup(m, tag, &props.query.filter);
            m.end("li");
        }
        m.end("ul");
    }
    m.end("div").end("article");
}

/// `text` with the runs that match `query` in `<mark>`.
fn marked(m: &mut Markup, text: &str, query: &Query) {
    if query.is_empty() {
        m.text(text);
        return;
    }
    for (run, hit) in highlight(text, query) {
        if hit {
            m.element("mark", &[("class", "ar-mark")], run);
        } else {
            m.text(run);
        }
    }
}
