//! An article body from the core's safe block tree, written as markup ([`crate::markup`]) for
//! the browser's parser to build in one call. Feed text only ever reaches it escaped, and element
//! and attribute names are the reader's own, so markup in a feed can only ever show as text.
//!
//! A link into the article (`#fn1`) scrolls to its anchor within the reader instead of leaving
//! it: anchors carry ids of the reader's own (`ar1-fn-fn1`), so no feed names an element of the
//! page, and the click is handled here, since the address belongs to the host or to routing.

use std::rc::Rc;

use article_reader_core::content::{BodyImage, Media, Span};
use article_reader_core::interface::text::direction;
use article_reader_core::url::encode_component;
use article_reader_core::{Block, Inline};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::context::ReaderContext;
use crate::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub blocks: Rc<Vec<Block>>,
    /// The article's language, when it names one: the body reads in it, and in its direction.
    #[prop_or_default]
    pub lang: Option<String>,
}

/// What writing needs beyond the blocks: the reader's id prefix for anchors.
struct Body {
    prefix: AttrValue,
}

#[function_component(ArticleBody)]
pub fn article_body(props: &ArticleBodyProps) -> Html {
    let prefix = use_context::<ReaderContext>().map(|cx| cx.id_prefix).unwrap_or_default();
    let markup = use_memo((props.blocks.clone(), prefix), |(blocks, prefix)| {
        let mut m = Markup::with_capacity(4 * 1024);
        Body { prefix: prefix.clone() }.blocks(&mut m, blocks);
        AttrValue::from(m.into_string())
    });
    let dir = props.lang.as_deref().map(direction);
    html! { <div class="ar-body" onclick={follow_anchor} lang={props.lang.clone()} dir={dir}>{ Html::from_html_unchecked((*markup).clone()) }</div> }
}

impl Body {
    /// The reader's id for the article's anchor `id`.
    fn anchor_id(&self, id: &str) -> String {
        format!("{}-fn-{}", self.prefix, encode_component(id))
    }

    fn blocks(&self, m: &mut Markup, blocks: &[Block]) {
        for block in blocks {
            self.block(m, block);
        }
    }

    fn block(&self, m: &mut Markup, block: &Block) {
        match block {
            // A paragraph that holds only anchors (an `id` on a `div`, say) is no paragraph.
            Block::Paragraph(content) if content.iter().all(|i| matches!(i, Inline::Anchor(_))) => {
                self.inlines(m, content);
            }
            Block::Paragraph(content) => self.wrapped(m, "p", content),
            Block::Heading { level, content } => {
                let tag = ["h2", "h3", "h4", "h5", "h6"][usize::from(level.clamp(&2, &6) - 2)];
                m.start(tag).attr("class", "ar-body__subheading").end_start();
                self.inlines(m, content);
                m.end(tag);
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                m.start(tag).end_start();
                for item in items {
                    self.wrapped(m, "li", item);
                }
                m.end(tag);
            }
            Block::Definitions(parts) => {
                m.start("dl").end_start();
                for part in parts {
                    self.wrapped(m, if part.term { "dt" } else { "dd" }, &part.content);
                }
                m.end("dl");
            }
            Block::Quote(blocks) => {
                m.start("blockquote").end_start();
                self.blocks(m, blocks);
                m.end("blockquote");
            }
            Block::Preformatted(text) => {
                m.start("pre").end_start();
                // The parser drops a newline just after `<pre>`: one of the text's own must stay.
                if text.starts_with('\n') {
                    m.text("\n");
                }
                m.text(text).end("pre");
            }
            Block::Figure { content, caption, caption_above } => {
                m.start("figure").attr("class", "ar-body__figure").end_start();
                if *caption_above && !caption.is_empty() {
                    self.wrapped(m, "figcaption", caption);
                }
                self.blocks(m, content);
                if !*caption_above && !caption.is_empty() {
                    self.wrapped(m, "figcaption", caption);
                }
                m.end("figure");
            }
            Block::Table { caption, rows } => {
                // The wrapper scrolls a wide table sideways instead of widening the page.
                m.start("div").attr("class", "ar-body__table").end_start();
                m.start("table").end_start();
                if !caption.is_empty() {
                    self.wrapped(m, "caption", caption);
                }
                m.start("tbody").end_start();
                for row in rows {
                    m.start("tr").end_start();
                    for cell in row {
                        self.wrapped(m, if cell.header { "th" } else { "td" }, &cell.content);
                    }
                    m.end("tr");
                }
                m.end("tbody").end("table").end("div");
            }
        }
    }

    /// `<tag>content</tag>`.
    fn wrapped(&self, m: &mut Markup, tag: &'static str, content: &[Inline]) {
        m.start(tag).end_start();
        self.inlines(m, content);
        m.end(tag);
    }

    fn inlines(&self, m: &mut Markup, content: &[Inline]) {
        for inline in content {
            self.inline(m, inline);
        }
    }

    fn inline(&self, m: &mut Markup, inline: &Inline) {
        match inline {
            Inline::Text(text) => {
                m.text(text);
            }
            Inline::Emphasis(content) => self.wrapped(m, "em", content),
            Inline::Strong(content) => self.wrapped(m, "strong", content),
            Inline::Span(span, content) => {
                let tag = match span {
                    Span::Superscript => "sup",
                    Span::Subscript => "sub",
                    Span::Deleted => "del",
                    Span::Inserted => "ins",
                    Span::Struck => "s",
                    Span::Quoted => "q",
                    Span::Small => "small",
                    Span::Marked => "mark",
                    Span::Keyboard => "kbd",
                    Span::Sample => "samp",
                    Span::Variable => "var",
                    Span::Citation => "cite",
                    Span::Abbreviation { title } => {
                        m.start("abbr").attr_some("title", title.as_deref());
                        return self.close_and_fill(m, "abbr", content);
                    }
                    Span::Time { datetime } => {
                        m.start("time").attr_some("datetime", datetime.as_deref());
                        return self.close_and_fill(m, "time", content);
                    }
                };
                self.wrapped(m, tag, content);
            }
            Inline::Code(text) => {
                m.element("code", &[], text);
            }
            Inline::Link { href, title, content } => {
                m.start("a");
                match href.as_str().strip_prefix('#') {
                    Some(fragment) => {
                        let target = self.anchor_id(&article_reader_core::url::decode_component(fragment));
                        m.attr("href", &format!("#{target}")).attr_some("title", title.as_deref());
                    }
                    None => {
                        m.attr("href", href.as_str())
                            .attr_some("title", title.as_deref())
                            .attr("rel", "noopener noreferrer nofollow")
                            .attr("target", "_blank");
                    }
                }
                self.close_and_fill(m, "a", content);
            }
            Inline::Image(image) => picture(m, image),
            Inline::Media(media) => player(m, media),
            Inline::Anchor(id) => {
                m.element(
                    "span",
                    &[("class", "ar-body__anchor"), ("id", &self.anchor_id(id)), ("tabindex", "-1")],
                    "",
                );
            }
            Inline::LineBreak => {
                m.start("br").end_start();
            }
        }
    }

    /// Ends a start tag already begun, then writes `content` and the end tag.
    fn close_and_fill(&self, m: &mut Markup, tag: &'static str, content: &[Inline]) {
        m.end_start();
        self.inlines(m, content);
        m.end(tag);
    }
}

/// A click on a link into the article (`href="#…"`, always one of the reader's anchor ids):
/// scrolls that anchor of this reader into view and moves the focus there, leaving the address
/// alone.
fn follow_anchor(event: MouseEvent) {
    let link = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("a[href^='#']").ok().flatten());
    let Some(link) = link else { return };
    let Some(target) = link.get_attribute("href").and_then(|href| href.strip_prefix('#').map(str::to_owned))
    else {
        return;
    };
    event.prevent_default();
    // The anchor is in the same root as the link: the page, or the reader's shadow root.
    let found = match link.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.get_element_by_id(&target),
        Err(root) => root.dyn_into::<web_sys::Document>().ok().and_then(|d| d.get_element_by_id(&target)),
    };
    if let Some(anchor) = found {
        anchor.scroll_into_view();
        if let Some(anchor) = anchor.dyn_ref::<HtmlElement>() {
            let _ = anchor.focus();
        }
    }
}

fn picture(m: &mut Markup, image: &BodyImage) {
    m.start("img")
        .attr("src", image.src.as_str())
        .attr_some("srcset", image.srcset.as_deref())
        .attr_some("sizes", image.sizes.as_deref())
        .attr_some("width", image.width.map(|n| n.to_string()).as_deref())
        .attr_some("height", image.height.map(|n| n.to_string()).as_deref())
        .attr("alt", &image.alt)
        .attr_some("title", image.title.as_deref())
        .attr("loading", "lazy")
        .attr("decoding", "async")
        .attr("referrerpolicy", "no-referrer")
        .end_start();
}

/// A native player: controls, nothing fetched before a person presses play, never autoplay.
fn player(m: &mut Markup, media: &Media) {
    let tag = if media.video { "video" } else { "audio" };
    m.start(tag).attr("class", "ar-body__media").attr("controls", "").attr("preload", "none");
    if media.video {
        m.attr("playsinline", "")
            .attr_some("poster", media.poster.as_ref().map(|p| p.as_str()))
            .attr_some("width", media.width.map(|n| n.to_string()).as_deref())
            .attr_some("height", media.height.map(|n| n.to_string()).as_deref());
    }
    m.end_start();
    for (src, kind) in &media.sources {
        m.start("source").attr("src", src.as_str()).attr_some("type", kind.as_deref()).end_start();
    }
    m.end(tag);
}

/// The markup, read back by a browser's parser (html5ever natively), is the same blocks: what a
/// person sees of the body is what the allowlist kept, and no text turns into markup on the way.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use article_reader_core::content::native::blocks_from_html;

    use super::*;

    fn written(blocks: &[Block]) -> String {
        let mut m = Markup::default();
        Body { prefix: AttrValue::Static("ar1") }.blocks(&mut m, blocks);
        m.into_string()
    }

    #[test]
    fn the_parser_reads_back_the_blocks_written() {
        let bodies = [
            "<p>Plain, with &amp; &lt;b&gt; &quot;quotes&quot; and a\u{a0}no-break space.</p>",
            "<p>a <em>b <strong>c</strong></em> <code>&lt;script&gt;</code> <sup>1</sup> <abbr title=\"x&quot;y\">XY</abbr></p>",
            "<h1>Top</h1><h3>Third</h3><h6>Sixth</h6>",
            "<ul><li>one<li>two <a href=\"https://example.com/?a=1&amp;b=\">link</a></ul><ol><li>first</ol>",
            "<dl><dt>Term<dd>Definition</dl>",
            "<blockquote><p>Quoted</p><blockquote><p>deeper</p></blockquote></blockquote>",
            "<pre>\n\nleading newlines\n  kept &lt;tags&gt;</pre><pre>none</pre>",
            "<figure><img src=\"https://example.com/a.jpg\" alt=\"A &quot;cat&quot;\" width=\"10\" height=\"20\" srcset=\"https://example.com/b.jpg 2x\"><figcaption>Caption <em>here</em></figcaption></figure>",
            "<table><caption>Cap</caption><tr><th>h</th><td>d &amp; e</td></tr></table>",
            "<p>line<br>break</p><video src=\"https://example.com/v.mp4\" poster=\"https://example.com/p.jpg\"></video>",
            "<audio><source src=\"https://example.com/a.mp3\" type=\"audio/mpeg\"></audio>",
            "<p><time datetime=\"2024-10-25\">25 October</time> <del>old</del><ins>new</ins> <q>q</q></p>",
            "<img src=x onerror=alert(1)><script>alert(1)</script><p title=\"</p><script>\">&lt;/p&gt;&lt;script&gt;</p>",
            "<svg><style><img src=x onerror=alert(1)></style></svg><math><mtext><table><mglyph><style><img src=x>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        ];
        for html in bodies {
            let blocks = blocks_from_html(html);
            let markup = written(&blocks);
            assert!(!markup.contains("<script") && !markup.contains("onerror"), "{markup}");
            assert_eq!(blocks_from_html(&markup), blocks, "{html}\nwritten as {markup}");
        }
    }

    #[test]
    fn links_into_the_article_go_to_the_readers_own_anchors() {
        let blocks = blocks_from_html("<p><a href=\"#fn1\">1</a></p><p id=\"fn1\">Note &amp; more</p>");
        let markup = written(&blocks);
        assert!(markup.contains("href=\"#ar1-fn-fn1\""), "{markup}");
        assert!(markup.contains("id=\"ar1-fn-fn1\""), "{markup}");
    }
}
