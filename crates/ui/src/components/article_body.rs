//! An article body from the core's safe block tree. Every node is built as a virtual DOM node;
//! no feed text ever reaches `innerHTML`, so markup in a feed can only ever show as text.
//!
//! A link into the article (`#fn1`) scrolls to its anchor within the reader instead of leaving
//! it: anchors carry ids of the reader's own (`ar1-fn-fn1`), so no feed names an element of the
//! page, and the click is handled here, since the address belongs to the host or to routing.

use std::rc::Rc;

use article_reader_core::content::{BodyImage, Media, Span};
use article_reader_core::url::encode_component;
use article_reader_core::{Block, Inline};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::context::ReaderContext;

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub blocks: Rc<Vec<Block>>,
}

/// What rendering needs beyond the blocks: the reader's id prefix for anchors.
struct Body {
    prefix: AttrValue,
}

#[function_component(ArticleBody)]
pub fn article_body(props: &ArticleBodyProps) -> Html {
    let prefix = use_context::<ReaderContext>().map(|cx| cx.id_prefix).unwrap_or_default();
    let body = Body { prefix };
    html! { <div class="ar-body">{ for props.blocks.iter().map(|b| body.block(b)) }</div> }
}

impl Body {
    /// The reader's id for the article's anchor `id`.
    fn anchor_id(&self, id: &str) -> String {
        format!("{}-fn-{}", self.prefix, encode_component(id))
    }

    fn block(&self, block: &Block) -> Html {
        match block {
            // A paragraph that holds only anchors (an `id` on a `div`, say) is no paragraph.
            Block::Paragraph(content) if content.iter().all(|i| matches!(i, Inline::Anchor(_))) => {
                self.inlines(content)
            }
            Block::Paragraph(content) => html! { <p>{ self.inlines(content) }</p> },
            Block::Heading { level, content } => {
                let tag = ["h2", "h3", "h4", "h5", "h6"][usize::from(level.clamp(&2, &6) - 2)];
                html! { <@{tag} class="ar-body__subheading">{ self.inlines(content) }</@> }
            }
            Block::List { ordered, items } => {
                let items = items.iter().map(|item| html! { <li>{ self.inlines(item) }</li> });
                html! { <@{if *ordered { "ol" } else { "ul" }}>{ for items }</@> }
            }
            Block::Definitions(parts) => {
                let parts = parts.iter().map(|part| {
                    html! { <@{if part.term { "dt" } else { "dd" }}>{ self.inlines(&part.content) }</@> }
                });
                html! { <dl>{ for parts }</dl> }
            }
            Block::Quote(blocks) => html! { <blockquote>{ self.blocks(blocks) }</blockquote> },
            Block::Preformatted(text) => html! { <pre>{ text.clone() }</pre> },
            Block::Figure { content, caption, caption_above } => {
                let caption = (!caption.is_empty())
                    .then(|| html! { <figcaption>{ self.inlines(caption) }</figcaption> });
                html! {
                    <figure class="ar-body__figure">
                        if *caption_above { { caption.clone() } }
                        { self.blocks(content) }
                        if !*caption_above { { caption } }
                    </figure>
                }
            }
            Block::Table { caption, rows } => html! {
                // The wrapper scrolls a wide table sideways instead of widening the page.
                <div class="ar-body__table">
                    <table>
                        if !caption.is_empty() {
                            <caption>{ self.inlines(caption) }</caption>
                        }
                        <tbody>
                            { for rows.iter().map(|row| html! {
                                <tr>{ for row.iter().map(|cell| html! {
                                    <@{if cell.header { "th" } else { "td" }}>{ self.inlines(&cell.content) }</@>
                                }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            },
        }
    }

    fn blocks(&self, blocks: &[Block]) -> Html {
        blocks.iter().map(|b| self.block(b)).collect()
    }

    fn inlines(&self, content: &[Inline]) -> Html {
        content.iter().map(|i| self.inline(i)).collect()
    }

    fn inline(&self, inline: &Inline) -> Html {
        match inline {
            Inline::Text(text) => html! { text.clone() },
            Inline::Emphasis(content) => html! { <em>{ self.inlines(content) }</em> },
            Inline::Strong(content) => html! { <strong>{ self.inlines(content) }</strong> },
            Inline::Span(span, content) => {
                let content = self.inlines(content);
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
                        return html! { <abbr title={title.clone()}>{ content }</abbr> }
                    }
                    Span::Time { datetime } => {
                        return html! { <time datetime={datetime.clone()}>{ content }</time> }
                    }
                };
                html! { <@{tag}>{ content }</@> }
            }
            Inline::Code(text) => html! { <code>{ text.clone() }</code> },
            Inline::Link { href, title, content } => match href.as_str().strip_prefix('#') {
                Some(fragment) => {
                    let target = self.anchor_id(&article_reader_core::url::decode_component(fragment));
                    let onclick = Callback::from(scroll_to(target.clone()));
                    html! {
                        <a href={format!("#{target}")} title={title.clone()} onclick={onclick}>{ self.inlines(content) }</a>
                    }
                }
                None => html! {
                    <a href={href.as_str().to_owned()} title={title.clone()} rel="noopener noreferrer nofollow" target="_blank">
                        { self.inlines(content) }
                    </a>
                },
            },
            Inline::Image(image) => picture(image),
            Inline::Media(media) => player(media),
            Inline::Anchor(id) => {
                html! { <span class="ar-body__anchor" id={self.anchor_id(id)} tabindex="-1"></span> }
            }
            Inline::LineBreak => html! { <br /> },
        }
    }
}

fn size(value: Option<u32>) -> Option<String> {
    value.map(|n| n.to_string())
}

/// Scrolls the anchor `target` of this reader into view and moves the focus there, leaving the
/// address alone.
fn scroll_to(target: String) -> impl Fn(MouseEvent) {
    move |event: MouseEvent| {
        event.prevent_default();
        // The anchor is in the same root as the link: the page, or the reader's shadow root.
        let root = event.target().and_then(|t| t.dyn_into::<Element>().ok()).map(|link| link.get_root_node());
        let found = root.and_then(|root| match root.dyn_into::<web_sys::ShadowRoot>() {
            Ok(shadow) => shadow.get_element_by_id(&target),
            Err(root) => root.dyn_into::<web_sys::Document>().ok()?.get_element_by_id(&target),
        });
        if let Some(anchor) = found {
            anchor.scroll_into_view();
            if let Some(anchor) = anchor.dyn_ref::<HtmlElement>() {
                let _ = anchor.focus();
            }
        }
    }
}

fn picture(image: &BodyImage) -> Html {
    html! {
        <img
            src={image.src.as_str().to_owned()}
            srcset={image.srcset.clone()}
            sizes={image.sizes.clone()}
            width={size(image.width)}
            height={size(image.height)}
            alt={image.alt.clone()}
            title={image.title.clone()}
            loading="lazy"
            decoding="async"
            referrerpolicy="no-referrer"
        />
    }
}

/// A native player: controls, nothing fetched before a person presses play, never autoplay.
fn player(media: &Media) -> Html {
    let sources = media
        .sources
        .iter()
        .map(|(src, kind)| html! { <source src={src.as_str().to_owned()} type={kind.clone()} /> })
        .collect::<Html>();
    if media.video {
        html! {
            <video class="ar-body__media" controls=true preload="none" playsinline=true
                poster={media.poster.as_ref().map(|p| p.as_str().to_owned())}
                width={size(media.width)} height={size(media.height)}>
                { sources }
            </video>
        }
    } else {
        html! { <audio class="ar-body__media" controls=true preload="none">{ sources }</audio> }
    }
}
