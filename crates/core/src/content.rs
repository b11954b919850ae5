//! Article bodies as a small, safe document tree, and the conversion from a feed's
//! `content_html` or `content_text` into it.
//!
//! The reader never hands feed HTML to the browser. It reads the HTML here into [`Block`]s and
//! [`Inline`]s built from an allowlist (paragraphs, headings, lists, quotes, preformatted text,
//! figures with captions, simple tables, emphasis, code, links, images, line breaks) keeping only
//! `href`, `src`, `alt` and `title`; every other element is dropped, keeping its text, and
//! elements that carry code or foreign content (`script`, `style`, `iframe`, `svg`, …) are
//! dropped with everything inside them. Link and image URLs pass through [`SafeUrl`], so no
//! attribute a feed writes can run script. The lists themselves live in [`crate::allowlist`],
//! shared with the importer's sanitiser.

use std::collections::HashMap;

use crate::allowlist::{BLOCK_BOUNDARY_ELEMENTS, DROPPED_WITH_CONTENT};
use crate::url::SafeUrl;

/// A block of an article body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph of running text.
    Paragraph(Vec<Inline>),
    /// A subheading; `level` is 2 to 6 because the article title is the page's level 1.
    Heading { level: u8, content: Vec<Inline> },
    /// A bulleted (`ordered: false`) or numbered list.
    List { ordered: bool, items: Vec<Vec<Inline>> },
    /// A quotation made of blocks.
    Quote(Vec<Block>),
    /// Preformatted text shown as written.
    Preformatted(String),
    /// A figure: its content (usually an image) and its caption.
    Figure { content: Vec<Block>, caption: Vec<Inline> },
    /// A table of text: rows of cells, with an optional caption.
    Table { caption: Vec<Inline>, rows: Vec<Vec<TableCell>> },
}

/// A table cell; header cells are `<th>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableCell {
    pub header: bool,
    pub content: Vec<Inline>,
}

/// Inline content of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    Link { href: SafeUrl, title: Option<String>, content: Vec<Inline> },
    Image { src: SafeUrl, alt: String, title: Option<String> },
    LineBreak,
}

/// Nesting deeper than this is flattened, so a hostile document of a million nested `<div>`s
/// neither overflows the stack here nor in the renderer.
const MAX_DEPTH: usize = 48;

/// Elements whose content is raw text up to the matching end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed"];

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "param",
];

/// Rendered elements that hold blocks (figures, tables and their parts), and the document's own
/// `html` and `body`; the allowlist's block-boundary elements (`div`, `section`, …) hold blocks
/// too.
const BLOCK_CONTAINERS: &[&str] = &[
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "body",
    "html",
];

/// Reads HTML into blocks. Never fails: whatever cannot be understood is dropped or kept as text.
pub fn blocks_from_html(html: &str) -> Vec<Block> {
    let tree = parse_tree(html);
    let mut blocks = Vec::new();
    collect_blocks(&tree, &mut blocks);
    blocks
}

/// Reads plain text into paragraphs: blank lines separate paragraphs, single newlines are kept
/// as line breaks.
pub fn blocks_from_text(text: &str) -> Vec<Block> {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in normalized.split('\n').chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !lines.is_empty() {
                let mut content = Vec::new();
                for (i, l) in lines.drain(..).enumerate() {
                    if i > 0 {
                        content.push(Inline::LineBreak);
                    }
                    content.push(Inline::Text(l.trim().to_owned()));
                }
                blocks.push(Block::Paragraph(content));
            }
        } else {
            lines.push(line);
        }
    }
    blocks
}

/// All visible text of some inlines, for word counts, search and accessible names.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    append_plain_text(inlines, &mut out);
    out
}

/// All visible text of a block, its parts separated by spaces.
pub fn block_text(block: &Block) -> String {
    let join = |parts: Vec<String>| parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ");
    match block {
        Block::Paragraph(inlines) | Block::Heading { content: inlines, .. } => plain_text(inlines),
        Block::List { items, .. } => join(items.iter().map(|item| plain_text(item)).collect()),
        Block::Quote(blocks) => join(blocks.iter().map(block_text).collect()),
        Block::Preformatted(text) => text.clone(),
        Block::Figure { content, caption } => {
            join(content.iter().map(block_text).chain([plain_text(caption)]).collect())
        }
        Block::Table { caption, rows } => join(
            std::iter::once(plain_text(caption))
                .chain(rows.iter().flatten().map(|cell| plain_text(&cell.content)))
                .collect(),
        ),
    }
}

fn append_plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                append_plain_text(c, out)
            }
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::LineBreak => out.push(' '),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A forgiving HTML reader: tokens into a shallow tree, enough of the HTML parsing rules to read
// what feeds contain (unclosed <p> and <li>, stray end tags, uppercase names, entities).

#[derive(Debug)]
enum Node {
    Element { name: String, attrs: Vec<(String, String)>, children: Vec<Node> },
    Text(String),
}

impl Node {
    fn attr(&self, wanted: &str) -> Option<&str> {
        match self {
            Node::Element { attrs, .. } => {
                attrs.iter().find(|(name, _)| name == wanted).map(|(_, v)| v.as_str())
            }
            Node::Text(_) => None,
        }
    }
}

struct OpenElement {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

struct TreeBuilder {
    stack: Vec<OpenElement>,
    /// How many start tags of each name were ignored because the tree was already
    /// [`MAX_DEPTH`] deep; as many end tags of that name are ignored too, so the content joins
    /// the deepest open element.
    ignored_depth: HashMap<String, usize>,
}

impl TreeBuilder {
    fn new() -> Self {
        TreeBuilder {
            stack: vec![OpenElement { name: String::new(), attrs: Vec::new(), children: Vec::new() }],
            ignored_depth: HashMap::new(),
        }
    }

    fn push_node(&mut self, node: Node) {
        if let Some(top) = self.stack.last_mut() {
            top.children.push(node);
        }
    }

    fn text(&mut self, text: String) {
        if let Some(Node::Text(previous)) = self.stack.last_mut().and_then(|top| top.children.last_mut()) {
            previous.push_str(&text);
        } else {
            self.push_node(Node::Text(text));
        }
    }

    fn is_open(&self, name: &str) -> bool {
        self.stack.iter().skip(1).any(|e| e.name == name)
    }

    fn start(&mut self, name: String, attrs: Vec<(String, String)>) {
        // The parts of HTML's implied end tags that feeds rely on.
        let closes_paragraph = is_block_level(&name) || matches!(name.as_str(), "li" | "ul" | "ol");
        if closes_paragraph && self.is_open("p") {
            self.end("p");
        }
        match name.as_str() {
            "li" => self.close_open_within(&["li"], &["ul", "ol"]),
            "td" | "th" => self.close_open_within(&["td", "th"], &["tr", "table"]),
            "tr" => self.close_open_within(&["tr"], &["table", "thead", "tbody", "tfoot"]),
            "thead" | "tbody" | "tfoot" => self.close_open_within(&["thead", "tbody", "tfoot"], &["table"]),
            _ => {}
        }
        if VOID.contains(&name.as_str()) {
            self.push_node(Node::Element { name, attrs, children: Vec::new() });
            return;
        }
        if self.stack.len() > MAX_DEPTH {
            *self.ignored_depth.entry(name).or_default() += 1;
            return;
        }
        self.stack.push(OpenElement { name, attrs, children: Vec::new() });
    }

    /// Closes the nearest open element named in `names`, unless an element named in `within`
    /// is nearer: a new `<li>` ends the previous item of its own list, not of an outer one.
    fn close_open_within(&mut self, names: &[&str], within: &[&str]) {
        let found = self.stack.iter().skip(1).rev().find_map(|element| {
            let name = element.name.as_str();
            if names.contains(&name) {
                Some(Some(name.to_owned()))
            } else if within.contains(&name) {
                Some(None)
            } else {
                None
            }
        });
        if let Some(Some(name)) = found {
            self.end(&name);
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(count) = self.ignored_depth.get_mut(name).filter(|count| **count > 0) {
            *count -= 1;
            return;
        }
        let Some(position) = self.stack.iter().skip(1).rposition(|e| e.name == name) else {
            return; // A stray end tag: ignore it, as browsers do.
        };
        while self.stack.len() > position + 1 {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        if let Some(element) = self.stack.pop() {
            let node = Node::Element { name: element.name, attrs: element.attrs, children: element.children };
            self.push_node(node);
        }
    }

    fn finish(mut self) -> Vec<Node> {
        while self.stack.len() > 1 {
            self.pop();
        }
        self.stack.pop().map(|root| root.children).unwrap_or_default()
    }
}

fn is_block_level(name: &str) -> bool {
    matches!(name, "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre" | "hr")
        || BLOCK_CONTAINERS.contains(&name)
        || BLOCK_BOUNDARY_ELEMENTS.contains(&name)
}

fn parse_tree(html: &str) -> Vec<Node> {
    let mut builder = TreeBuilder::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            builder.text(decode_entities(rest));
            break;
        };
        if lt > 0 {
            builder.text(decode_entities(&rest[..lt]));
            rest = &rest[lt..];
        }
        let after = &rest[1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
        } else if after.starts_with('!') || after.starts_with('?') {
            rest = after.find('>').map_or("", |end| &after[end + 1..]);
        } else if let Some(end_tag) = after.strip_prefix('/') {
            let (name, _, remaining) = read_tag(end_tag);
            if !name.is_empty() {
                builder.end(&name);
            }
            rest = remaining;
        } else if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (name, attrs, remaining) = read_tag(after);
            rest = remaining;
            if DROPPED_WITH_CONTENT.contains(&name.as_str()) {
                // A void element (`<embed>`) has no content: skipping to its end tag, which
                // never comes, would drop the rest of the article.
                if !VOID.contains(&name.as_str()) {
                    rest = skip_element(&name, rest);
                }
            } else if RAW_TEXT.contains(&name.as_str()) {
                let end = find_end_tag(rest, &name);
                builder.start(name.clone(), attrs);
                builder.text(rest[..end.0].to_owned());
                builder.end(&name);
                rest = &rest[end.1..];
            } else {
                builder.start(name, attrs);
            }
        } else {
            builder.text("<".to_owned());
            rest = after;
        }
    }
    builder.finish()
}

/// Reads a tag after its `<` (and `/`): the lower-cased name, the attributes and the text
/// after its `>`.
fn read_tag(text: &str) -> (String, Vec<(String, String)>, &str) {
    let name_len = text.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(text.len());
    let name = text[..name_len].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut rest = &text[name_len..];
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return (name, attrs, rest);
        }
        if let Some(after) = rest.strip_prefix('>') {
            return (name, attrs, after);
        }
        let key_len = rest
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(rest.len())
            .max(1);
        let key = rest[..key_len.min(rest.len())].to_ascii_lowercase();
        rest = rest[key_len.min(rest.len())..].trim_start_matches(|c: char| c.is_ascii_whitespace());
        let mut value = String::new();
        if let Some(after_eq) = rest.strip_prefix('=') {
            let after_eq = after_eq.trim_start_matches(|c: char| c.is_ascii_whitespace());
            if let Some(quote) = after_eq.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let body = &after_eq[1..];
                let end = body.find(quote).unwrap_or(body.len());
                value = decode_entities(&body[..end]);
                rest = body.get(end + 1..).unwrap_or("");
            } else {
                let end =
                    after_eq.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(after_eq.len());
                value = decode_entities(&after_eq[..end]);
                rest = &after_eq[end..];
            }
        }
        if !attrs.iter().any(|(k, _)| *k == key) {
            attrs.push((key, value));
        }
    }
}

/// Byte range of the end tag `</name ...>` in `text`: (start, just past it). Case-insensitive;
/// without one, the element runs to the end of the text.
fn find_end_tag(text: &str, name: &str) -> (usize, usize) {
    match find_tag(text, name, true) {
        Some(at) => (at, text[at..].find('>').map_or(text.len(), |i| at + i + 1)),
        None => (text.len(), text.len()),
    }
}

/// Skips a dropped element's content, counting nested elements of the same name so that
/// `<svg><svg></svg></svg>` is skipped whole. One forward pass, so hostile input cannot make
/// it quadratic.
fn skip_element<'a>(name: &str, text: &'a str) -> &'a str {
    if RAW_TEXT.contains(&name) {
        return &text[find_end_tag(text, name).1..];
    }
    let mut depth = 1usize;
    let mut position = 0;
    while let Some(lt) = text[position..].find('<').map(|i| position + i) {
        if let Some(after) = tag_name_end(text, lt, name, true) {
            depth -= 1;
            position = text[after..].find('>').map_or(text.len(), |i| after + i + 1);
            if depth == 0 {
                return &text[position..];
            }
        } else if tag_name_end(text, lt, name, false).is_some() {
            depth += 1;
            position = lt + 1;
        } else {
            position = lt + 1;
        }
    }
    ""
}

/// The first `<name` (or `</name` when `closing`) followed by a tag boundary.
fn find_tag(text: &str, name: &str, closing: bool) -> Option<usize> {
    let mut position = 0;
    while let Some(lt) = text[position..].find('<').map(|i| position + i) {
        if tag_name_end(text, lt, name, closing).is_some() {
            return Some(lt);
        }
        position = lt + 1;
    }
    None
}

/// When `text[lt..]` starts a tag named `name` (case-insensitively), the index just after the
/// name.
fn tag_name_end(text: &str, lt: usize, name: &str, closing: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = lt + 1;
    if closing {
        if bytes.get(at) != Some(&b'/') {
            return None;
        }
        at += 1;
    }
    let candidate = bytes.get(at..at + name.len())?;
    if !candidate.eq_ignore_ascii_case(name.as_bytes()) {
        return None;
    }
    let after = at + name.len();
    match bytes.get(after) {
        None => Some(after),
        Some(c) if c.is_ascii_whitespace() || *c == b'>' || *c == b'/' => Some(after),
        Some(_) => None,
    }
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|i| i + 1);
        let entity_len = end.unwrap_or(rest.len());
        let name = &rest[1..entity_len];
        let decoded = decode_entity(name);
        match decoded {
            Some(c) => {
                out.push(c);
                let consumed = if rest[entity_len..].starts_with(';') { entity_len + 1 } else { entity_len };
                rest = &rest[consumed..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        return Some(match char::from_u32(value) {
            Some('\0') | None => '\u{fffd}',
            Some(c) => c,
        });
    }
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "middot" => '·',
        "bull" => '•',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "eacute" => 'é',
        "times" => '×',
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// The tree into blocks.

fn collect_blocks(nodes: &[Node], out: &mut Vec<Block>) {
    collect_blocks_from(nodes.iter(), out);
}

fn element_children(node: &Node) -> &[Node] {
    match node {
        Node::Element { children, .. } => children,
        Node::Text(_) => &[],
    }
}

/// Rows of a table, through `thead`, `tbody` and `tfoot`; nested tables are not entered.
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
        let is_block = is_block_level(name) || matches!(name, "ul" | "ol" | "li");
        if !is_block {
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
            "ul" | "ol" => {
                let items: Vec<Vec<Inline>> = children
                    .iter()
                    .filter_map(|child| match child {
                        Node::Element { name, children, .. } if name == "li" => Some(inlines_of(children)),
                        Node::Text(t) if t.trim().is_empty() => None,
                        other => Some(inlines_of(std::slice::from_ref(other))),
                    })
                    .map(normalize_whitespace)
                    .filter(|item| !item.is_empty())
                    .collect();
                if !items.is_empty() {
                    out.push(Block::List { ordered: name == "ol", items });
                }
            }
            "blockquote" => {
                let mut inner = Vec::new();
                collect_blocks(children, &mut inner);
                if !inner.is_empty() {
                    out.push(Block::Quote(inner));
                }
            }
            "pre" => {
                let text = text_content(children);
                let text = text.strip_prefix('\n').unwrap_or(&text).trim_end().to_owned();
                if !text.is_empty() {
                    out.push(Block::Preformatted(text));
                }
            }
            "hr" => {}
            "figure" => {
                let (captions, rest): (Vec<&Node>, Vec<&Node>) = children
                    .iter()
                    .partition(|child| matches!(child, Node::Element { name, .. } if name == "figcaption"));
                let mut content = Vec::new();
                collect_blocks_from(rest.into_iter(), &mut content);
                let caption = normalize_whitespace(
                    captions.into_iter().flat_map(|c| inlines_of(element_children(c))).collect(),
                );
                if !content.is_empty() || !caption.is_empty() {
                    out.push(Block::Figure { content, caption });
                }
            }
            "table" => {
                let mut rows = Vec::new();
                collect_table_rows(children, &mut rows);
                let caption = children
                    .iter()
                    .find(|c| matches!(c, Node::Element { name, .. } if name == "caption"))
                    .map(|c| normalize_whitespace(inlines_of(element_children(c))))
                    .unwrap_or_default();
                if !rows.is_empty() {
                    out.push(Block::Table { caption, rows });
                }
            }
            // A stray <li> outside a list, and every container: read what is inside.
            _ => collect_blocks(children, out),
        }
    }
    flush_paragraph(&mut pending, out);
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
    match name {
        "em" | "i" | "cite" | "dfn" | "var" => out.push(Inline::Emphasis(inlines_of(children))),
        "strong" | "b" => out.push(Inline::Strong(inlines_of(children))),
        "code" | "kbd" | "samp" | "tt" => out.push(Inline::Code(text_content(children))),
        "br" => out.push(Inline::LineBreak),
        "a" => {
            let content = inlines_of(children);
            match node.attr("href").and_then(SafeUrl::parse) {
                Some(href) => out.push(Inline::Link { href, title: title_of(node), content }),
                None => out.extend(content),
            }
        }
        "img" => {
            if let Some(src) = node.attr("src").and_then(SafeUrl::parse_image) {
                let alt = node.attr("alt").unwrap_or_default().trim().to_owned();
                out.push(Inline::Image { src, alt, title: title_of(node) });
            }
        }
        // Block content met inside inline context (a <p> inside <a>, say): keep its text.
        _ => {
            let separated = is_block_level(name) || matches!(name, "ul" | "ol" | "li");
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

/// Collapses HTML whitespace the way a browser renders it, trims the ends of the block, and
/// drops formatting that ends up empty.
fn normalize_whitespace(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut previous_space = true; // At block start, leading whitespace disappears.
    let mut out = collapse(inlines, &mut previous_space);
    trim_trailing_space(&mut out);
    out
}

fn collapse(inlines: Vec<Inline>, previous_space: &mut bool) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Text(text) => {
                // Most text needs nothing collapsed: keep it whole rather than copy it char by char.
                let bytes = text.as_bytes();
                let needs_collapsing = bytes.iter().any(|b| matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
                    || bytes.windows(2).any(|w| w == b"  ")
                    || (*previous_space && bytes.first() == Some(&b' '));
                if !needs_collapsing {
                    if let Some(&last) = bytes.last() {
                        *previous_space = last == b' ';
                        match out.last_mut() {
                            Some(Inline::Text(previous)) => previous.push_str(&text),
                            _ => out.push(Inline::Text(text)),
                        }
                    }
                    continue;
                }
                let mut collapsed = String::with_capacity(text.len());
                for c in text.chars() {
                    if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                        if !*previous_space {
                            collapsed.push(' ');
                            *previous_space = true;
                        }
                    } else {
                        collapsed.push(c);
                        *previous_space = false;
                    }
                }
                if !collapsed.is_empty() {
                    if let Some(Inline::Text(previous)) = out.last_mut() {
                        previous.push_str(&collapsed);
                    } else {
                        out.push(Inline::Text(collapsed));
                    }
                }
            }
            Inline::Emphasis(children) => {
                push_nonempty(&mut out, Inline::Emphasis, collapse(children, previous_space))
            }
            Inline::Strong(children) => {
                push_nonempty(&mut out, Inline::Strong, collapse(children, previous_space))
            }
            Inline::Link { href, title, content } => {
                let content = collapse(content, previous_space);
                if !content.is_empty() {
                    out.push(Inline::Link { href, title, content });
                }
            }
            Inline::LineBreak => {
                trim_trailing_space(&mut out);
                out.push(Inline::LineBreak);
                *previous_space = true;
            }
            other @ (Inline::Code(_) | Inline::Image { .. }) => {
                out.push(other);
                *previous_space = false;
            }
        }
    }
    out
}

fn push_nonempty(out: &mut Vec<Inline>, wrap: fn(Vec<Inline>) -> Inline, children: Vec<Inline>) {
    if !children.is_empty() {
        out.push(wrap(children));
    }
}

fn trim_trailing_space(inlines: &mut Vec<Inline>) {
    loop {
        match inlines.last_mut() {
            Some(Inline::Text(text)) => {
                let trimmed_len = text.trim_end_matches(' ').len();
                text.truncate(trimmed_len);
                if text.is_empty() {
                    inlines.pop();
                    continue;
                }
            }
            Some(Inline::Emphasis(children) | Inline::Strong(children)) => {
                trim_trailing_space(children);
                if children.is_empty() {
                    inlines.pop();
                    continue;
                }
            }
            Some(Inline::Link { content, .. }) => trim_trailing_space(content),
            _ => {}
        }
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text(t.to_owned())
    }

    fn para(t: &str) -> Block {
        Block::Paragraph(vec![text(t)])
    }

    fn url(u: &str) -> SafeUrl {
        SafeUrl::parse(u).unwrap_or_else(|| panic!("fixture URL {u} is unsafe"))
    }

    #[test]
    fn reads_html_into_blocks() {
        let cases: Vec<(&str, Vec<Block>)> = vec![
            ("<p>One</p><p>Two</p>", vec![para("One"), para("Two")]),
            ("<p>One<p>Two", vec![para("One"), para("Two")]),
            ("Loose text", vec![para("Loose text")]),
            ("<P CLASS=x>Upper</P>", vec![para("Upper")]),
            ("<p>  spaced \n\t out  </p>", vec![para("spaced out")]),
            ("<h1>Top</h1>", vec![Block::Heading { level: 2, content: vec![text("Top")] }]),
            ("<h3>Sub</h3>", vec![Block::Heading { level: 3, content: vec![text("Sub")] }]),
            (
                "<ul><li>a<li>b</ul>",
                vec![Block::List { ordered: false, items: vec![vec![text("a")], vec![text("b")]] }],
            ),
            ("<ol><li>x</li></ol>", vec![Block::List { ordered: true, items: vec![vec![text("x")]] }]),
            ("<blockquote><p>Q</p></blockquote>", vec![Block::Quote(vec![para("Q")])]),
            ("<pre>\n  a\n  b\n</pre>", vec![Block::Preformatted("  a\n  b".to_owned())]),
            ("<div><p>In</p>out</div>", vec![para("In"), para("out")]),
            (
                "<p>a &amp; b &lt;c&gt; &#8217; &#x2019; &nbsp;x &bogus; &</p>",
                vec![para("a & b <c> ’ ’ \u{a0}x &bogus; &")],
            ),
            ("<p>1 < 2</p>", vec![para("1 < 2")]),
            ("<!-- hidden --><p>seen</p>", vec![para("seen")]),
            ("<!DOCTYPE html><p>doc</p>", vec![para("doc")]),
            ("<p></p><p>   </p>", vec![]),
            ("</p></div>stray", vec![para("stray")]),
        ];
        for (html, expected) in cases {
            assert_eq!(blocks_from_html(html), expected, "{html}");
        }
    }

    #[test]
    fn keeps_inline_formatting_and_safe_links() {
        let cases: Vec<(&str, Vec<Inline>)> = vec![
            (
                "<p>a <em>b</em> <strong>c</strong></p>",
                vec![
                    text("a "),
                    Inline::Emphasis(vec![text("b")]),
                    text(" "),
                    Inline::Strong(vec![text("c")]),
                ],
            ),
            (
                "<p><a href=\"https://e.com\">link</a></p>",
                vec![Inline::Link { href: url("https://e.com"), title: None, content: vec![text("link")] }],
            ),
            ("<p><a href=javascript:alert(1)>x</a></p>", vec![text("x")]),
            ("<p><a href=\"  JaVa&#x09;Script:alert(1)\">x</a></p>", vec![text("x")]),
            ("<p>a<br>b</p>", vec![text("a"), Inline::LineBreak, text("b")]),
            (
                "<p><img src=\"/i.png\" alt=\" pic \"></p>",
                vec![Inline::Image { src: url("/i.png"), alt: "pic".to_owned(), title: None }],
            ),
            ("<p><code>a<b>c</b></code></p>", vec![Inline::Code("ac".to_owned())]),
            ("<p><span onclick=\"x()\">kept</span></p>", vec![text("kept")]),
        ];
        for (html, expected) in cases {
            assert_eq!(blocks_from_html(html), vec![Block::Paragraph(expected)], "{html}");
        }
    }

    #[test]
    fn reads_figures_and_tables() {
        let cell = |header: bool, t: &str| TableCell { header, content: vec![text(t)] };
        let cases: Vec<(&str, Vec<Block>)> = vec![
            (
                "<figure><img src=\"/a.jpg\" alt=\"A\"><figcaption> The <em>caption</em> </figcaption></figure>",
                vec![Block::Figure {
                    content: vec![Block::Paragraph(vec![Inline::Image {
                        src: url("/a.jpg"),
                        alt: "A".to_owned(),
                        title: None,
                    }])],
                    caption: vec![text("The "), Inline::Emphasis(vec![text("caption")])],
                }],
            ),
            ("<figure><figcaption>Only words</figcaption></figure>", vec![Block::Figure { content: vec![], caption: vec![text("Only words")] }]),
            ("<figure></figure>", vec![]),
            (
                "<table><caption>Votes</caption><thead><tr><th>Party<th>Seats</thead><tbody><tr><td>A</td><td>93</td></tr></tbody></table>",
                vec![Block::Table {
                    caption: vec![text("Votes")],
                    rows: vec![vec![cell(true, "Party"), cell(true, "Seats")], vec![cell(false, "A"), cell(false, "93")]],
                }],
            ),
            ("<table><tr><td>bare row</td></tr></table>", vec![Block::Table { caption: vec![], rows: vec![vec![cell(false, "bare row")]] }]),
            ("<table></table>", vec![]),
        ];
        for (html, expected) in cases {
            assert_eq!(blocks_from_html(html), expected, "{html}");
        }
    }

    #[test]
    fn keeps_titles_and_nothing_else_of_the_attributes() {
        let html = "<p><a href=\"/x\" title=\" A  link \" onclick=\"x()\" style=\"color:red\" id=\"clobber\">t</a><img src=\"/i\" srcset=\"javascript:x 1x\" title=\"T\" name=\"n\"></p>";
        let expected = vec![Block::Paragraph(vec![
            Inline::Link { href: url("/x"), title: Some("A link".to_owned()), content: vec![text("t")] },
            Inline::Image { src: url("/i"), alt: String::new(), title: Some("T".to_owned()) },
        ])];
        assert_eq!(blocks_from_html(html), expected);
    }

    #[test]
    fn refuses_unsafe_image_sources() {
        let cases = [
            "<p><img src=\"data:image/svg+xml,<svg onload=alert(1)>\"></p>",
            "<p><img src=javascript:x></p>",
            "<p><img></p>",
        ];
        for html in cases {
            assert_eq!(blocks_from_html(html), vec![], "{html}");
        }
    }

    #[test]
    fn drops_active_content_with_its_text() {
        let cases = [
            "<p>a<script>alert(1)</script>b</p>",
            "<p>a<SCRIPT type=x>if (1 < 2) alert('</p>')</SCRIPT >b</p>",
            "<p>a<style>p { color: red }</style>b</p>",
            "<p>a<iframe src=\"javascript:alert(1)\">fallback</iframe>b</p>",
            "<p>a<svg><svg><script>alert(1)</script></svg></svg>b</p>",
            "<p>a<object data=x><embed src=y></object>b</p>",
            "<p>a<template><img src=x onerror=alert(1)></template>b</p>",
        ];
        for html in cases {
            assert_eq!(blocks_from_html(html), vec![para("ab")], "{html}");
        }
    }

    #[test]
    fn a_dropped_void_element_drops_only_itself() {
        assert_eq!(blocks_from_html("<p>a<embed src=\"x.swf\">b</p><p>c</p>"), vec![para("ab"), para("c")]);
    }

    #[test]
    fn unterminated_active_content_swallows_the_rest() {
        assert_eq!(blocks_from_html("<p>a</p><script>alert(1)"), vec![para("a")]);
        assert_eq!(blocks_from_html("<p>a</p><svg><g>"), vec![para("a")]);
        assert_eq!(blocks_from_html("<p>a</p><!-- open"), vec![para("a")]);
    }

    #[test]
    fn deep_nesting_is_flattened_not_fatal() {
        let depth = 100_000;
        let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(blocks_from_html(&html), vec![para("deep")]);
        let html = format!("<p>{}x{}</p>", "<em>".repeat(depth), "</em>".repeat(depth));
        assert_eq!(
            plain_text(match &blocks_from_html(&html)[..] {
                [Block::Paragraph(inlines)] => inlines,
                other => panic!("expected one paragraph, got {other:?}"),
            }),
            "x"
        );
    }

    #[test]
    fn hostile_shapes_take_linear_time() {
        // Each of these was quadratic in an earlier version of the reader; at this size a
        // quadratic pass takes minutes, a linear one milliseconds.
        let n = 100_000;
        let cases = [
            "<svg>".repeat(n),
            format!("{}{}", "<svg>".repeat(n), "</svg>".repeat(n)),
            "<script>".repeat(n),
            "<style>x</style>".repeat(n),
            format!("{}{}", "<div>".repeat(n), "</span>".repeat(n)),
            format!("{}{}", "<b>".repeat(n), "</b>".repeat(n)),
            "<p><a href=x>".repeat(n),
            "&amp".repeat(n),
            "<!--".repeat(n),
        ];
        for html in &cases {
            let _ = blocks_from_html(html);
        }
    }

    #[test]
    fn malformed_markup_never_panics() {
        let cases = [
            "<",
            "<a",
            "<a href=",
            "<a href='x",
            "</",
            "<>",
            "&#xFFFFFFFF;",
            "&#0;",
            "<p>é<",
            "<a\u{0}>",
            "<ul><li><ul><li>x",
            "<é>",
        ];
        for html in cases {
            let _ = blocks_from_html(html);
        }
    }

    #[test]
    fn nested_lists_keep_both_levels_of_text() {
        let blocks = blocks_from_html("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>");
        let Some(Block::List { items, .. }) = blocks.first() else {
            panic!("expected a list, got {blocks:?}");
        };
        let texts: Vec<String> = items.iter().map(|item| plain_text(item)).collect();
        assert_eq!(texts, ["a b", "c"]);
    }

    #[test]
    fn reads_plain_text_into_paragraphs() {
        let cases: Vec<(&str, Vec<Block>)> = vec![
            ("One.\n\nTwo.", vec![para("One."), para("Two.")]),
            (
                "One\nline two\r\n\r\n\r\nThree",
                vec![Block::Paragraph(vec![text("One"), Inline::LineBreak, text("line two")]), para("Three")],
            ),
            ("   \n\n  ", vec![]),
            ("<b>not html</b>", vec![para("<b>not html</b>")]),
        ];
        for (input, expected) in cases {
            assert_eq!(blocks_from_text(input), expected, "{input:?}");
        }
    }
}
