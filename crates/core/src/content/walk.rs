//! The allowlist walk: a parsed HTML document read through the allowlist into [`Block`]s.
//!
//! The reader does not parse HTML itself. A parser that follows the WHATWG algorithm builds the
//! tree (in the browser its own `DOMParser`, an inert document in which nothing runs or loads;
//! natively html5ever, [`super::native`]) and hands over the document's `body` as an
//! [`HtmlNode`] ([`super::node`]). Whatever a browser would make of broken markup (implied end
//! tags, text moved out of tables, misnested formatting, character references, where `<svg>`
//! ends) is therefore exactly what the walk sees. The walk is the same code for both parsers:
//!
//! 1. [`import`] keeps what the allowlist ([`crate::content::allowlist`]) allows: HTML elements, their
//!    listed attributes (a `srcset`'s candidates checked by [`super::srcset`]) and their text. Elements dropped with their content (`script`, `style`,
//!    `template`, …), anything outside the HTML namespace (SVG and MathML, whose text is dropped
//!    by policy), elements a browser never displays (`hidden`) and comments go; every other
//!    element stays for the next step to render or unwrap. Nesting deeper than [`MAX_DEPTH`] is
//!    flattened into its text, without recursion.
//! 2. [`collect_blocks`] shapes the kept tree into the block model: paragraphs from loose text,
//!    lists, tables, figures, inline formatting, links and images whose URLs pass [`SafeUrl`].

use crate::content::allowlist::{
    ATTRIBUTES, BLOCK_BOUNDARY_ELEMENTS, DROPPED_WITH_CONTENT, GLOBAL_ATTRIBUTES,
};
use crate::url::{Base, SafeUrl};

use super::blocks::{Block, BodyImage, Definition, Inline, Media, Span, TableCell};
use super::node::{HtmlNode, NodeKind};
use super::srcset::srcset;
use super::whitespace::normalize_whitespace;

/// Nesting deeper than this is flattened into its text, so a hostile document of a million
/// nested `<div>`s neither overflows the stack here nor in the renderer.
pub(crate) const MAX_DEPTH: usize = 48;

/// Reads the children of a parsed document's `body` into blocks; relative link and image URLs
/// resolve against `base`.
pub fn blocks_from_body<N: HtmlNode>(body: &N, base: &Base) -> Vec<Block> {
    let nodes = import_children(body, 0, base);
    let mut blocks = Vec::new();
    collect_blocks(&nodes, &mut blocks);
    blocks
}

// ---------------------------------------------------------------------------------------------
// Step 1: the allowlist.

/// A node the allowlist kept: an HTML element with its allowed attributes, or text.
#[derive(Debug)]
enum Node {
    Element { name: String, attrs: Vec<(&'static str, String)>, children: Vec<Node> },
    Text(String),
}

impl Node {
    fn attr(&self, wanted: &str) -> Option<&str> {
        match self {
            Node::Element { attrs, .. } => {
                attrs.iter().find(|(name, _)| *name == wanted).map(|(_, v)| v.as_str())
            }
            Node::Text(_) => None,
        }
    }
}

fn import_children<N: HtmlNode>(parent: &N, depth: usize, base: &Base) -> Vec<Node> {
    parent.children().iter().filter_map(|child| import(child, depth, base)).collect()
}

/// One node through the allowlist; `None` for what it drops.
fn import<N: HtmlNode>(node: &N, depth: usize, base: &Base) -> Option<Node> {
    match node.kind() {
        NodeKind::Text(text) => Some(Node::Text(text)),
        NodeKind::Foreign | NodeKind::Other => None,
        NodeKind::Element(name) => {
            if is_dropped(&name, node) {
                return None;
            }
            if depth >= MAX_DEPTH {
                return Some(Node::Text(flattened_text(node)));
            }
            let attrs = allowed_attributes(&name)
                .iter()
                .filter_map(|attribute| {
                    let value = node.attribute(attribute)?;
                    let value = match *attribute {
                        "srcset" => srcset(&value, base)?,
                        url if URL_ATTRIBUTES.contains(&url) => resolved(value, base),
                        _ => value,
                    };
                    Some((*attribute, value))
                })
                .collect();
            let mut children = import_children(node, depth + 1, base);
            // Where a link into the article may lead: the element's id (an old-style `<a name>`
            // too), as a first child the shaping step turns into an anchor.
            let id = GLOBAL_ATTRIBUTES.iter().find_map(|attribute| node.attribute(attribute)).or_else(|| {
                if name == "a" {
                    node.attribute("name")
                } else {
                    None
                }
            });
            if let Some(id) = id.filter(|id| !id.is_empty() && id.len() <= 200) {
                children.insert(
                    0,
                    Node::Element { name: ANCHOR.to_owned(), attrs: vec![("id", id)], children: Vec::new() },
                );
            }
            Some(Node::Element { name, attrs, children })
        }
    }
}

/// Whether the element goes with everything inside it: the allowlist's dropped elements, and
/// elements a browser never displays (`hidden`).
fn is_dropped<N: HtmlNode>(name: &str, node: &N) -> bool {
    DROPPED_WITH_CONTENT.contains(&name) || node.attribute("hidden").is_some()
}

/// The kept attributes that hold a URL (`srcset` holds several, checked on their own).
const URL_ATTRIBUTES: &[&str] = &["href", "src", "poster"];

/// The name of the node the allowlist step puts first in an element with an `id`.
const ANCHOR: &str = "#anchor";

/// A URL attribute's value resolved against `base` when it is safe and relative; the shaping
/// step checks it again either way.
fn resolved(value: String, base: &Base) -> String {
    match SafeUrl::parse(&value).and_then(|url| base.resolve(url, SafeUrl::parse)) {
        Some(url) => url.as_str().to_owned(),
        None => value,
    }
}

fn allowed_attributes(element: &str) -> &'static [&'static str] {
    ATTRIBUTES.iter().find(|(name, _)| *name == element).map_or(&[], |(_, attributes)| attributes)
}

/// The text of a subtree too deep to keep as elements, read with a stack of its own.
fn flattened_text<N: HtmlNode>(node: &N) -> String {
    let mut out = String::new();
    let mut pending = node.children();
    pending.reverse();
    while let Some(next) = pending.pop() {
        match next.kind() {
            NodeKind::Text(text) => out.push_str(&text),
            NodeKind::Element(name) if !is_dropped(&name, &next) => {
                if name == "br" || is_block_level(&name) {
                    out.push(' ');
                }
                let mut children = next.children();
                children.reverse();
                pending.extend(children);
            }
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Step 2: the kept tree into blocks.

/// Rendered elements that hold blocks (figures, tables and their parts); the allowlist's
/// block-boundary elements (`div`, `section`, …) hold blocks too.
const BLOCK_CONTAINERS: &[&str] =
    &["figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"];

/// Whether `name` is an element a browser lays out as a block (or a list item): text on either
/// side of it is not one paragraph.
pub(super) fn is_block_level(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "listing"
            | "plaintext"
            | "xmp"
            | "hr"
            | "ul"
            | "ol"
            | "menu"
            | "dir"
            | "li"
            | "dl"
            | "dt"
            | "dd"
    ) || BLOCK_CONTAINERS.contains(&name)
        || BLOCK_BOUNDARY_ELEMENTS.contains(&name)
}

fn element_children(node: &Node) -> &[Node] {
    match node {
        Node::Element { children, .. } => children,
        Node::Text(_) => &[],
    }
}

fn collect_blocks(nodes: &[Node], out: &mut Vec<Block>) {
    collect_blocks_from(nodes.iter(), out);
}

/// Rows of a table, through `thead`, `tbody` and `tfoot`; a table inside a cell is read as the
/// cell's text.
fn collect_table_rows(nodes: &[Node], rows: &mut Vec<Vec<TableCell>>) {
    for node in nodes {
        let Node::Element { name, children, .. } = node else { continue };
        match name.as_str() {
            "thead" | "tbody" | "tfoot" => collect_table_rows(children, rows),
            "tr" => {
                let cells: Vec<TableCell> = children
                    .iter()
                    .filter_map(|cell| match cell {
                        Node::Element { name, children, .. } if name == "td" || name == "th" => {
                            Some(TableCell {
                                header: name == "th",
                                content: normalize_whitespace(inlines_of(children)),
                            })
                        }
                        _ => None,
                    })
                    .collect();
                if !cells.is_empty() {
                    rows.push(cells);
                }
            }
            _ => {}
        }
    }
}

fn collect_blocks_from<'a>(nodes: impl Iterator<Item = &'a Node>, out: &mut Vec<Block>) {
    let mut pending: Vec<Inline> = Vec::new();
    for node in nodes {
        let Node::Element { name, children, .. } = node else {
            collect_inline(node, &mut pending);
            continue;
        };
        let name = name.as_str();
        if !is_block_level(name) {
            collect_inline(node, &mut pending);
            continue;
        }
        flush_paragraph(&mut pending, out);
        match name {
            "p" => push_paragraph(inlines_of(children), out),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse::<u8>().unwrap_or(2).max(2);
                let content = normalize_whitespace(inlines_of(children));
                if !content.is_empty() {
                    out.push(Block::Heading { level, content });
                }
            }
            "ul" | "ol" | "menu" | "dir" => {
                let items: Vec<Vec<Inline>> = children
                    .iter()
                    .filter_map(|child| match child {
                        Node::Element { name, children, .. } if name == "li" => Some(inlines_of(children)),
                        Node::Text(t) if t.trim().is_empty() => None,
                        Node::Element { name, .. } if name == ANCHOR => None,
                        other => Some(inlines_of(std::slice::from_ref(other))),
                    })
                    .map(normalize_whitespace)
                    .filter(|item| !item.is_empty())
                    .collect();
                if !items.is_empty() {
                    out.push(Block::List { ordered: name == "ol", items });
                }
            }
            "dl" => {
                let mut parts = Vec::new();
                collect_definitions(children, &mut parts);
                if !parts.is_empty() {
                    out.push(Block::Definitions(parts));
                }
            }
            "blockquote" => {
                let mut inner = Vec::new();
                collect_blocks(children, &mut inner);
                if !inner.is_empty() {
                    out.push(Block::Quote(inner));
                }
            }
            // The parser has already dropped the newline that may follow the start tag.
            "pre" | "listing" | "plaintext" | "xmp" => {
                let text = text_content(children);
                let text = text.trim_end();
                if !text.is_empty() {
                    out.push(Block::Preformatted(text.to_owned()));
                }
            }
            "hr" => {}
            "figure" => {
                let is_caption =
                    |node: &Node| matches!(node, Node::Element { name, .. } if name == "figcaption");
                let caption_above = children
                    .iter()
                    .find(|child| match child {
                        Node::Text(text) => !text.trim().is_empty(),
                        Node::Element { name, .. } => name != ANCHOR,
                    })
                    .is_some_and(is_caption);
                let (captions, rest): (Vec<&Node>, Vec<&Node>) =
                    children.iter().partition(|child| is_caption(child));
                let mut content = Vec::new();
                collect_blocks_from(rest.into_iter(), &mut content);
                let caption = normalize_whitespace(
                    captions.into_iter().flat_map(|c| inlines_of(element_children(c))).collect(),
                );
                if !content.is_empty() || !caption.is_empty() {
                    out.push(Block::Figure { content, caption, caption_above });
                }
            }
            "table" => {
                let mut rows = Vec::new();
                collect_table_rows(children, &mut rows);
                // Captions show above the table wherever its markup puts them.
                let caption = normalize_whitespace(
                    children
                        .iter()
                        .filter(|c| matches!(c, Node::Element { name, .. } if name == "caption"))
                        .flat_map(|c| inlines_of(element_children(c)))
                        .collect(),
                );
                if !rows.is_empty() {
                    out.push(Block::Table { caption, rows });
                } else if !caption.is_empty() {
                    out.push(Block::Paragraph(caption));
                }
            }
            // A stray <li> outside a list, and every container: read what is inside.
            _ => collect_blocks(children, out),
        }
    }
    flush_paragraph(&mut pending, out);
}

/// The terms and descriptions of a `dl`, through the `div`s HTML allows to group them; anything
/// else a `dl` holds shows as a description, as a browser shows it.
fn collect_definitions(nodes: &[Node], parts: &mut Vec<Definition>) {
    for node in nodes {
        let (term, content) = match node {
            Node::Element { name, children, .. } if name == "div" => {
                collect_definitions(children, parts);
                continue;
            }
            Node::Element { name, children, .. } if name == "dt" || name == "dd" => {
                (name == "dt", inlines_of(children))
            }
            other => (false, inlines_of(std::slice::from_ref(other))),
        };
        let content = normalize_whitespace(content);
        if !content.is_empty() {
            parts.push(Definition { term, content });
        }
    }
}

fn flush_paragraph(pending: &mut Vec<Inline>, out: &mut Vec<Block>) {
    if !pending.is_empty() {
        push_paragraph(std::mem::take(pending), out);
    }
}

fn push_paragraph(inlines: Vec<Inline>, out: &mut Vec<Block>) {
    let content = normalize_whitespace(inlines);
    if !content.is_empty() {
        out.push(Block::Paragraph(content));
    }
}

fn inlines_of(nodes: &[Node]) -> Vec<Inline> {
    let mut out = Vec::new();
    for node in nodes {
        collect_inline(node, &mut out);
    }
    out
}

fn collect_inline(node: &Node, out: &mut Vec<Inline>) {
    let (name, children) = match node {
        Node::Text(text) => {
            out.push(Inline::Text(text.clone()));
            return;
        }
        Node::Element { name, children, .. } => (name.as_str(), children),
    };
    let span = |kind: Span| Inline::Span(kind, inlines_of(children));
    match name {
        "em" | "i" | "dfn" => out.push(Inline::Emphasis(inlines_of(children))),
        "strong" | "b" => out.push(Inline::Strong(inlines_of(children))),
        "code" | "tt" => out.push(Inline::Code(text_content(children))),
        "sup" => out.push(span(Span::Superscript)),
        "sub" => out.push(span(Span::Subscript)),
        "del" => out.push(span(Span::Deleted)),
        "ins" => out.push(span(Span::Inserted)),
        "s" | "strike" => out.push(span(Span::Struck)),
        "q" => out.push(span(Span::Quoted)),
        "small" => out.push(span(Span::Small)),
        "mark" => out.push(span(Span::Marked)),
        "kbd" => out.push(span(Span::Keyboard)),
        "samp" => out.push(span(Span::Sample)),
        "var" => out.push(span(Span::Variable)),
        "cite" => out.push(span(Span::Citation)),
        "abbr" => out.push(span(Span::Abbreviation { title: title_of(node) })),
        "time" => {
            let datetime = node.attr("datetime").map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned);
            out.push(span(Span::Time { datetime }))
        }
        "br" => out.push(Inline::LineBreak),
        ANCHOR => out.extend(node.attr("id").map(|id| Inline::Anchor(id.to_owned()))),
        "a" => {
            let content = inlines_of(children);
            match node.attr("href").and_then(SafeUrl::parse) {
                Some(href) => out.push(Inline::Link { href, title: title_of(node), content }),
                None => out.extend(content),
            }
        }
        "img" => {
            if let Some(src) = node.attr("src").and_then(SafeUrl::parse_image) {
                out.push(Inline::Image(Box::new(BodyImage {
                    src,
                    srcset: node.attr("srcset").map(str::to_owned),
                    sizes: node
                        .attr("sizes")
                        .map(str::trim)
                        .filter(|s| !s.is_empty() && s.len() <= 500)
                        .map(str::to_owned),
                    width: dimension(node.attr("width")),
                    height: dimension(node.attr("height")),
                    alt: node.attr("alt").unwrap_or_default().trim().to_owned(),
                    title: title_of(node),
                })));
            }
        }
        "video" | "audio" => {
            // A player's sources are its own `src` and its `<source>` children; the rest of its
            // content is for browsers without players, which show nothing of it otherwise.
            let own = node.attr("src").map(|src| (src, None));
            let children = children.iter().filter_map(|child| match child {
                Node::Element { name, .. } if name == "source" => {
                    Some((child.attr("src")?, child.attr("type")))
                }
                _ => None,
            });
            let sources: Vec<(SafeUrl, Option<String>)> = own
                .into_iter()
                .chain(children)
                .filter_map(|(src, kind)| {
                    Some((SafeUrl::parse_image(src)?, kind.map(|k| k.trim().to_owned())))
                })
                .collect();
            if !sources.is_empty() {
                out.push(Inline::Media(Box::new(Media {
                    video: name == "video",
                    sources,
                    poster: node.attr("poster").and_then(SafeUrl::parse_image),
                    width: dimension(node.attr("width")),
                    height: dimension(node.attr("height")),
                })));
            }
        }
        // Block content met inside inline context (a <p> inside <a>, say): keep its text.
        _ => {
            let separated = is_block_level(name);
            if separated {
                out.push(Inline::Text(" ".to_owned()));
            }
            out.extend(inlines_of(children));
            if separated {
                out.push(Inline::Text(" ".to_owned()));
            }
        }
    }
}

/// A `width` or `height` in CSS pixels: digits, not zero, at most 10,000.
fn dimension(value: Option<&str>) -> Option<u32> {
    value?.trim().parse::<u32>().ok().filter(|n| (1..=10_000).contains(n))
}

fn title_of(node: &Node) -> Option<String> {
    let title = node.attr("title")?.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some(title)
}

fn text_content(nodes: &[Node]) -> String {
    let mut out = String::new();
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element { name, children, .. } => {
                if name == "br" {
                    out.push('\n');
                }
                out.push_str(&text_content(children));
            }
        }
    }
    out
}
