//! An article body from the core's safe block tree. Every node is built as a virtual DOM node;
//! no feed text ever reaches `innerHTML`, so markup in a feed can only ever show as text.

use std::rc::Rc;

use article_reader_core::content::TableCell;
use article_reader_core::{Block, Inline};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub blocks: Rc<Vec<Block>>,
}

#[function_component(ArticleBody)]
pub fn article_body(props: &ArticleBodyProps) -> Html {
    html! { <div class="ar-body">{ for props.blocks.iter().map(block) }</div> }
}

fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph(content) => html! { <p>{ inlines(content) }</p> },
        Block::Heading { level, content } => {
            let tag = match level {
                0..=2 => "h2",
                3 => "h3",
                4 => "h4",
                5 => "h5",
                _ => "h6",
            };
            html! { <@{tag} class="ar-body__subheading">{ inlines(content) }</@> }
        }
        Block::List { ordered: true, items } => {
            html! { <ol>{ for items.iter().map(|item| list_item(item)) }</ol> }
        }
        Block::List { ordered: false, items } => {
            html! { <ul>{ for items.iter().map(|item| list_item(item)) }</ul> }
        }
        Block::Quote(blocks) => html! { <blockquote>{ for blocks.iter().map(self::block) }</blockquote> },
        Block::Preformatted(text) => html! { <pre>{ text.clone() }</pre> },
        Block::Figure { content, caption, caption_above } => {
            let caption =
                (!caption.is_empty()).then(|| html! { <figcaption>{ inlines(caption) }</figcaption> });
            html! {
                <figure class="ar-body__figure">
                    if *caption_above { { caption.clone() } }
                    { for content.iter().map(self::block) }
                    if !*caption_above { { caption } }
                </figure>
            }
        }
        Block::Table { caption, rows } => html! {
            // The wrapper scrolls a wide table sideways instead of widening the page.
            <div class="ar-body__table">
                <table>
                    if !caption.is_empty() {
                        <caption>{ inlines(caption) }</caption>
                    }
                    <tbody>
                        { for rows.iter().map(|row| html! { <tr>{ for row.iter().map(table_cell) }</tr> }) }
                    </tbody>
                </table>
            </div>
        },
    }
}

fn table_cell(cell: &TableCell) -> Html {
    if cell.header {
        html! { <th>{ inlines(&cell.content) }</th> }
    } else {
        html! { <td>{ inlines(&cell.content) }</td> }
    }
}

fn list_item(content: &[Inline]) -> Html {
    html! { <li>{ inlines(content) }</li> }
}

fn inlines(content: &[Inline]) -> Html {
    content.iter().map(inline).collect()
}

fn inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(text) => html! { text.clone() },
        Inline::Emphasis(content) => html! { <em>{ inlines(content) }</em> },
        Inline::Strong(content) => html! { <strong>{ inlines(content) }</strong> },
        Inline::Code(text) => html! { <code>{ text.clone() }</code> },
        Inline::Link { href, title, content } => html! {
            <a href={href.as_str().to_owned()} title={title.clone()} rel="noopener noreferrer nofollow" target="_blank">
                { inlines(content) }
            </a>
        },
        Inline::Image { src, alt, title } => html! {
            <img
                src={src.as_str().to_owned()}
                alt={alt.clone()}
                title={title.clone()}
                loading="lazy"
                decoding="async"
                referrerpolicy="no-referrer"
            />
        },
        Inline::LineBreak => html! { <br /> },
    }
}
