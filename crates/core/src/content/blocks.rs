//! The block model: an article body as a small tree of [`Block`]s and [`Inline`]s that only
//! holds what the reader renders, plus the text of that tree for word counts and headlines, and
//! plain text read into paragraphs.

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
    /// A description list (`dl`): terms and their descriptions, in order.
    Definitions(Vec<Definition>),
    /// A quotation made of blocks.
    Quote(Vec<Block>),
    /// Preformatted text shown as written.
    Preformatted(String),
    /// A figure: its content (usually an image) and its caption, shown above the content when
    /// the figure's markup has it first.
    Figure { content: Vec<Block>, caption: Vec<Inline>, caption_above: bool },
    /// A table of text: rows of cells, with an optional caption.
    Table { caption: Vec<Inline>, rows: Vec<Vec<TableCell>> },
}

/// A part of a description list: a term (`dt`) or a description (`dd`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    pub term: bool,
    pub content: Vec<Inline>,
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
    /// Text that means something of its own: a superscript, a deletion, an abbreviation, ….
    Span(Span, Vec<Inline>),
    Code(String),
    /// A link; one whose `href` is a fragment alone (`#fn1`) points into the article itself.
    Link {
        href: SafeUrl,
        title: Option<String>,
        content: Vec<Inline>,
    },
    Image(Box<BodyImage>),
    /// A native audio or video player.
    Media(Box<Media>),
    /// Where a link into the article (`#fn1`) leads: the `id` the article's markup gave it.
    Anchor(String),
    LineBreak,
}

/// The phrase elements the reader renders as themselves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    Superscript,
    Subscript,
    Deleted,
    Inserted,
    Struck,
    Quoted,
    Small,
    Marked,
    Keyboard,
    Sample,
    Variable,
    Citation,
    Abbreviation { title: Option<String> },
    Time { datetime: Option<String> },
}

/// An image of an article's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyImage {
    pub src: SafeUrl,
    /// Candidates for other screens (`srcset`), each URL checked like `src`, and the widths it
    /// is laid out at (`sizes`).
    pub srcset: Option<String>,
    pub sizes: Option<String>,
    /// The size the markup gives, so the page does not shift as the image loads.
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub alt: String,
    pub title: Option<String>,
}

/// A player for an article's audio or video.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Media {
    pub video: bool,
    /// The sources, in the markup's order, each with its media type when given.
    pub sources: Vec<(SafeUrl, Option<String>)>,
    pub poster: Option<SafeUrl>,
    pub width: Option<u32>,
    pub height: Option<u32>,
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
        Block::Definitions(parts) => join(parts.iter().map(|part| plain_text(&part.content)).collect()),
        Block::Quote(blocks) => join(blocks.iter().map(block_text).collect()),
        Block::Preformatted(text) => text.clone(),
        Block::Figure { content, caption, .. } => {
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
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Span(_, c)
            | Inline::Link { content: c, .. } => append_plain_text(c, out),
            Inline::Image(image) => out.push_str(&image.alt),
            Inline::LineBreak => out.push(' '),
            Inline::Media(_) | Inline::Anchor(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{para, text};

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
