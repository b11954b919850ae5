//! The parts of an article page that hold no control of their own, written as markup
//! ([`crate::markup`]) for the browser's parser: the dates and reading time, the byline, the
//! highlights and lead figure, and the footer's sources, related articles and pager.
//!
//! Why: as virtual nodes these cost an open of an article about a hundred nodes to build and
//! diff and as many calls out of the wasm to create; as markup, one `innerHTML` each, and a
//! re-render that changes nothing in them (an open renders three or four times) costs a string
//! comparison. Their links need no listener: the reader's root handles every link
//! (`Navigator::link_interceptor`).

use article_reader_core::interface::text::Label;
use article_reader_core::{Article, Feed, Route, Timestamp};

use crate::components::dates::date_text;
use crate::context::ReaderContext;
use crate::markup::Markup;

/// An article's dates and reading time: the content of its meta line. Dates are the browser's
/// words for them, so a hydration rewrites the server renderer's.
pub fn meta(cx: &ReaderContext, article: &Article, minutes: usize) -> String {
    let mut m = Markup::with_capacity(256);
    let shown: &[(&Timestamp, bool)] = match (article.published.as_ref(), article.updated.as_ref()) {
        (Some(published), Some(updated)) if updated > published => &[(published, false), (updated, true)],
        (Some(published), _) => &[(published, false)],
        (None, Some(updated)) => &[(updated, true)],
        (None, None) => &[],
    };
    if !shown.is_empty() {
        m.start("p").attr("class", "ar-dates").end_start();
        for &(date, updated) in shown {
            let text = date_text(cx, date, updated, true);
            m.element("time", &[("class", "ar-date"), ("datetime", date.as_rfc3339())], &text);
        }
        m.end("p");
    }
    m.element("span", &[("class", "ar-article__reading")], &cx.ui.reading_time(minutes));
    m.into_string()
}

/// "By" and the authors, each with a picture and a link where the feed gives them: the content
/// of the byline paragraph.
pub fn byline(cx: &ReaderContext, article: &Article) -> String {
    let (ui, authors) = (cx.ui, &article.authors);
    let mut m = Markup::with_capacity(256);
    m.text(ui.label(Label::By)).text(" ");
    for (n, author) in authors.iter().enumerate() {
        m.text(ui.list_joiner(n, authors.len()));
        m.start("span").attr("class", "ar-author").end_start();
        if let Some(avatar) = &author.avatar {
            m.start("img")
                .attr("class", "ar-author__avatar")
                .attr("src", avatar.as_str())
                .attr("alt", "")
                .attr("width", "32")
                .attr("height", "32")
                .attr("loading", "lazy")
                .attr("decoding", "async")
                .attr("referrerpolicy", "no-referrer")
                .end_start();
        }
        match &author.url {
            Some(url) => m.element(
                "a",
                &[
                    ("class", "ar-author__name"),
                    ("href", url.as_str()),
                    ("rel", "author noopener noreferrer"),
                    ("target", "_blank"),
                ],
                &author.name,
            ),
            None => m.element("span", &[("class", "ar-author__name")], &author.name),
        };
        m.end("span");
    }
    m.into_string()
}

/// The highlights and the lead figure (unless it is the banner with nothing to say of it), in
/// the article's language (`lang`, when the root declares another): what comes between the
/// header and the body. Empty when there are neither.
pub fn lead(cx: &ReaderContext, article: &Article, lang: Option<&str>) -> String {
    let mut m = Markup::default();
    if !article.highlights.is_empty() {
        m.start("ul").attr("class", "ar-highlights").attr("aria-label", cx.ui.label(Label::Highlights));
        m.lang(lang).end_start();
        for highlight in &article.highlights {
            m.element("li", &[], highlight);
        }
        m.end("ul");
    }
    let banner = article.banner.as_ref();
    let image = article
        .image
        .as_ref()
        .filter(|image| image.url.as_ref() != banner || image.caption.is_some() || image.credit.is_some());
    if let Some(image) = image {
        let picture = image.url.as_ref().filter(|&url| Some(url) != banner);
        let class = if picture.is_some() { "ar-figure" } else { "ar-figure ar-figure--caption-only" };
        m.start("figure").attr("class", class);
        m.lang(lang).end_start();
        if let Some(url) = picture {
            m.start("img")
                .attr("class", "ar-figure__image")
                .attr("src", url.as_str())
                .attr("alt", image.alt.as_deref().unwrap_or_default())
                .attr("decoding", "async")
                .attr("referrerpolicy", "no-referrer")
                .end_start();
        }
        if image.caption.is_some() || image.credit.is_some() {
            m.start("figcaption")
                .attr("class", "ar-figure__caption")
                .attr("data-label", cx.ui.label(Label::Photo))
                .end_start()
                .text(image.caption.as_deref().unwrap_or_default());
            if let Some(credit) = &image.credit {
                m.text(" ").start("span").attr("class", "ar-figure__credit").end_start();
                m.text("(").text(credit).text(")").end("span");
            }
            m.end("figcaption");
        }
        m.end("figure");
    }
    m.into_string()
}

/// The other articles an article's footer links to, by position in the feed.
pub struct Elsewhere<'a> {
    /// Articles that share the most tags with it, newest first among equals.
    pub related: &'a [usize],
    /// Its neighbours in the list the person came from.
    pub newer: Option<usize>,
    pub older: Option<usize>,
}

/// Where else to read: the article's own page and the page it links to, related articles, and
/// the newer and older ones. The footer's part after the tags; empty when there is none.
pub fn elsewhere(cx: &ReaderContext, feed: &Feed, article: &Article, at: Elsewhere) -> String {
    let ui = cx.ui;
    let mut m = Markup::with_capacity(1024);
    // A link post's `external_url` is where it reads "at the source", beside its own page.
    let external = article.external_url.as_ref().filter(|&url| Some(url) != article.url.as_ref());
    if article.url.is_some() || external.is_some() {
        m.start("p").attr("class", "ar-sources").end_start();
        let source = |m: &mut Markup, class: &'static str, url: &str, label: Label| {
            m.element(
                "a",
                &[("class", class), ("href", url), ("rel", "noopener noreferrer"), ("target", "_blank")],
                ui.label(label),
            );
        };
        if let Some(url) = &article.url {
            let label = if external.is_some() { Label::OriginalArticle } else { Label::ReadAtSource };
            source(&mut m, "ar-source", url.as_str(), label);
        }
        if let Some(url) = external {
            source(&mut m, "ar-source ar-source--external", url.as_str(), Label::ReadAtSource);
        }
        m.end("p");
    }
    let link = |position: usize| {
        feed.articles
            .get(position)
            .map(|other| (Route::Article(other.id.as_str().to_owned()).to_hash(), other))
    };
    // Another article's title, in its language where the root declares another.
    let title = |m: &mut Markup, attrs: &[(&'static str, &str)], name: &'static str, other: &Article| {
        let lang = cx.lang_of(other.language.as_deref(), feed.language.as_deref());
        m.start(name);
        for (attr, value) in attrs {
            m.attr(attr, value);
        }
        m.lang(lang).end_start().text(&other.title).end(name);
    };
    if !at.related.is_empty() {
        let heading = cx.id("related-heading");
        m.start("section").attr("class", "ar-related").attr("aria-labelledby", &heading).end_start();
        m.element("h2", &[("class", "ar-related__heading"), ("id", &heading)], ui.label(Label::Related));
        m.start("ul").attr("class", "ar-related__list").end_start();
        for (href, other) in at.related.iter().filter_map(|&p| link(p)) {
            m.start("li").end_start();
            title(&mut m, &[("href", &href)], "a", other);
            m.end("li");
        }
        m.end("ul").end("section");
    }
    if at.newer.is_some() || at.older.is_some() {
        m.start("nav")
            .attr("class", "ar-pager")
            .attr("aria-label", ui.label(Label::NeighbourArticles))
            .end_start();
        let pages = [(at.newer, Label::Newer, "prev"), (at.older, Label::Older, "next")];
        for (href, other, label, rel) in
            pages.into_iter().filter_map(|(p, label, rel)| p.and_then(link).map(|(h, o)| (h, o, label, rel)))
        {
            let class = if rel == "prev" {
                "ar-pager__link ar-pager__link--prev"
            } else {
                "ar-pager__link ar-pager__link--next"
            };
            m.start("a").attr("class", class).attr("rel", rel).attr("href", &href).end_start();
            m.element("span", &[("class", "ar-pager__label")], ui.label(label));
            title(&mut m, &[("class", "ar-pager__title")], "span", other);
            m.end("a");
        }
        m.end("nav");
    }
    m.into_string()
}
