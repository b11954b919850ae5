//! The validated domain types: a [`Feed`] of [`Article`]s. Nothing here knows JSON; these are
//! built only by [`crate::feed::load`] from the raw input, so their invariants (non-empty ids, unique
//! ids, clean tags, safe URLs, newest-first order) hold everywhere else.

use std::fmt;
use std::rc::Rc;

use crate::content::{block_text, search_text, Block, References};
use crate::date::Timestamp;
use crate::url::SafeUrl;

/// An article's identifier, unique within its feed and never empty.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleId(String);

impl ArticleId {
    /// `None` for an id that is empty or only whitespace.
    pub fn new(id: impl Into<String>) -> Option<ArticleId> {
        let id = id.into();
        (!id.trim().is_empty()).then_some(ArticleId(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The identity of a tag: its name, trimmed and lower-cased, so "Pakistan" and " pakistan "
/// are one tag (and a Greek final `ς` is `σ`, so `ΟΔΟΣ` and `οδος` are one too).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TagKey(String);

impl TagKey {
    /// `None` for a name that is empty after trimming.
    pub fn new(name: &str) -> Option<TagKey> {
        let trimmed = name.trim();
        (!trimmed.is_empty()).then(|| TagKey(crate::lists::case::lowercase(trimmed).replace('ς', "σ")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A tag as an article carries it: the name to show and the key to match on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub key: TagKey,
}

impl Tag {
    /// `None` for a name that is empty after trimming.
    pub fn new(name: &str) -> Option<Tag> {
        TagKey::new(name).map(|key| Tag { name: name.trim().to_owned(), key })
    }
}

/// The article's lead image. The URL may be missing while a caption is known (a feed written
/// from print, or an image that could not be carried over); the caption still shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub url: Option<SafeUrl>,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub url: Option<SafeUrl>,
    /// A square picture of the author, checked like any image.
    pub avatar: Option<SafeUrl>,
}

/// A file that goes with an article (JSON Feed's `attachments`): an episode of a podcast, a
/// video, a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub url: SafeUrl,
    /// `audio/mpeg`, `video/mp4`, `application/pdf`: lower case, as written otherwise.
    pub mime_type: String,
    /// Attachments that share a title are alternates of one another (formats of one episode).
    pub title: Option<String>,
    pub size_in_bytes: Option<u64>,
    pub duration_in_seconds: Option<u64>,
}

impl Attachment {
    /// Audio or video, played in the reader; anything else is a download.
    pub fn is_audio(&self) -> bool {
        self.mime_type.starts_with("audio/")
    }

    pub fn is_video(&self) -> bool {
        self.mime_type.starts_with("video/")
    }
}

/// An article's body as the reader keeps it until the article is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// `content_html` as the feed wrote it. It is read into blocks by the platform's HTML parser
    /// when the article is shown (in the browser its own, natively html5ever); until then search
    /// sees it through [`search_text`].
    Html(String),
    /// `content_text`, read into paragraphs when the feed loaded; empty in a split feed's index,
    /// whose bodies are in the chunks. Shared, not copied, by the views that show it and by
    /// the feed with its next page.
    Blocks(Rc<Vec<Block>>),
}

impl Default for Body {
    fn default() -> Self {
        Body::Blocks(Rc::default())
    }
}

impl Body {
    /// The body as blocks, reading HTML with `parse` (the platform's parser and the allowlist
    /// walk).
    pub fn blocks_with(&self, parse: impl FnOnce(&str) -> Vec<Block>) -> Rc<Vec<Block>> {
        match self {
            Body::Html(html) => Rc::new(parse(html)),
            Body::Blocks(blocks) => blocks.clone(),
        }
    }

    /// The body as blocks, HTML read by html5ever.
    #[cfg(feature = "native")]
    pub fn blocks(&self) -> Rc<Vec<Block>> {
        self.blocks_with(crate::content::blocks_from_html)
    }

    /// The body's text for search and for a headline made from it, without parsing HTML (see
    /// [`search_text`] for exactly what it holds).
    pub fn search_text(&self, references: &mut References) -> String {
        match self {
            Body::Html(html) => search_text(html, references),
            Body::Blocks(blocks) => blocks.iter().map(block_text).collect::<Vec<_>>().join("\n"),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Body::Html(html) => html.trim().is_empty(),
            Body::Blocks(blocks) => blocks.is_empty(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    pub summary: Option<String>,
    /// Key points shown as bullets above the body.
    pub highlights: Vec<String>,
    pub body: Body,
    /// Where the body is when it is not here: a split feed's chunk file, relative to the index.
    pub body_chunk: Option<SafeUrl>,
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    pub image: Option<Image>,
    /// `banner_image`: the picture at the top of the article's own view.
    pub banner: Option<SafeUrl>,
    /// Unique by key, in the feed's order.
    pub tags: Vec<Tag>,
    /// The article's own page.
    pub url: Option<SafeUrl>,
    /// A page the article is about (a link post's target).
    pub external_url: Option<SafeUrl>,
    pub authors: Vec<Author>,
    pub language: Option<String>,
    /// In the feed's order.
    pub attachments: Vec<Attachment>,
}

impl Article {
    /// The date the article is ordered by: first published, else last updated.
    pub fn sort_date(&self) -> Option<&Timestamp> {
        self.published.as_ref().or(self.updated.as_ref())
    }

    /// What the relative URLs of the article's body resolve against: its own address when that
    /// is an absolute http(s) URL (a body is written for its page), else the feed's.
    pub fn body_base<'a>(&'a self, feed_url: Option<&'a str>) -> Option<&'a str> {
        let own = self.url.as_ref().map(SafeUrl::as_str).filter(|url| {
            crate::url::scheme_of(url).is_some_and(|scheme| scheme == "http" || scheme == "https")
        });
        own.or(feed_url)
    }

    pub fn has_tag(&self, key: &TagKey) -> bool {
        self.tags.iter().any(|tag| &tag.key == key)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    pub title: String,
    pub description: Option<String>,
    pub home_page_url: Option<SafeUrl>,
    pub language: Option<String>,
    /// `expired`: the feed says it is no longer updated.
    pub expired: bool,
    /// The next page of a feed that comes in pages (of the last page loaded): absolute when the
    /// feed came from a URL, else as written.
    pub next_url: Option<SafeUrl>,
    /// Newest first (see [`Article::sort_date`]); undated articles last, in feed order. Shared
    /// (`Rc`), so that the feed with its next page holds the same articles as before, not copies.
    pub articles: Vec<Rc<Article>>,
}

impl Feed {
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().map(Rc::as_ref).find(|article| article.id.as_str() == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|article| article.id.as_str() == id)
    }
}

/// Sorts newest first, keeping feed order among equal and missing dates.
pub(crate) fn sort_newest_first(articles: &mut [Rc<Article>]) {
    crate::lists::order::sort_by(articles, |a, b| match (a.sort_date(), b.sort_date()) {
        (Some(a), Some(b)) => b.cmp(a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}
