//! Article HTML parsed natively: html5ever builds the document by the WHATWG algorithm
//! (markup5ever_rcdom holds it) and the allowlist walk of [`super::walk`] reads it, so the
//! importer, the tests and the fuzzers see exactly what the browser's own parser gives the
//! reader in the app. Only with the `native` feature (on by default); the wasm build leaves it
//! out and parses with the browser.
//!
//! The document is parsed as the reader parses it in the browser: as a whole document in
//! no-quirks mode (a `<!DOCTYPE html>` in front), with scripting disabled, so `<noscript>`
//! content is markup, as a browser without script reads it.

use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{local_name, ns, ParseOpts, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use super::blocks::{blocks_from_text, Block};
use super::inline_code::without_inline_code;
use super::node::{HtmlNode, NodeKind};
use super::search_text::{search_text, References};
use super::walk::blocks_from_body;
use crate::platform::Platform;
use crate::url::Base;

/// The native platform: character references read by html5ever, URLs resolved by the url
/// crate, as the HTML and URL standards say browsers do.
#[derive(Clone, Copy, Debug, Default)]
pub struct Native;

impl Platform for Native {
    fn decode_reference(&self, reference: &str) -> String {
        text_of_rcdata(reference)
    }

    fn resolve_url(&self, reference: &str, base: &str) -> Option<String> {
        url::Url::parse(base).ok()?.join(reference).ok().map(String::from)
    }
}

/// Reads an article's `content_html` into blocks, relative URLs left relative.
pub fn blocks_from_html(html: &str) -> Vec<Block> {
    blocks_from_html_with(html, &Base::none(&Native))
}

/// Reads an article's `content_html` into blocks, relative URLs resolved against `base`.
///
/// html5ever looks down its stack of open elements at many start tags, so markup nested
/// thousands deep takes it time that grows with the square of the input (browsers cap the depth
/// instead). Such markup, which no real article comes near, is read as text
/// ([`ParseCost`]).
pub fn blocks_from_html_with(html: &str, base: &Base) -> Vec<Block> {
    if !ParseCost::of(html).is_affordable() {
        return blocks_from_text(&search_text(html, &mut References::new(&Native)));
    }
    with_body(html, |body| body.map(|body| blocks_from_body(body, base)).unwrap_or_default())
}

/// Parses `html` as a document and hands its `body` element to `read` (`None` for a frameset
/// document). The tree lives only as long as `read` runs: markup5ever_rcdom takes the whole
/// tree apart when its document goes.
pub fn with_body<T>(html: &str, read: impl FnOnce(Option<&Handle>) -> T) -> T {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts { scripting_enabled: false, ..TreeBuilderOpts::default() },
        ..ParseOpts::default()
    };
    // As in the browser (`src/html_dom.rs`), so both parsers read the same markup.
    let html = without_inline_code(html);
    let mut document = String::with_capacity(html.len() + 15);
    document.push_str("<!DOCTYPE html>");
    document.push_str(&html);
    let dom = html5ever::parse_document(RcDom::default(), opts).one(document);
    let children = dom.document.children.borrow();
    let root = children.iter().find(|node| is_element(node, "html"));
    let root_children = root.map(|root| root.children.borrow());
    let body = root_children.as_ref().and_then(|nodes| nodes.iter().find(|node| is_element(node, "body")));
    read(body)
}

/// `text` read as the content of a `<textarea>` (RCDATA): its character references decoded as
/// the parser decodes them in text, nothing else changed.
pub fn text_of_rcdata(text: &str) -> String {
    let context = QualName::new(None, ns!(html), local_name!("textarea"));
    let dom = html5ever::parse_fragment(RcDom::default(), ParseOpts::default(), context, Vec::new(), false)
        .one(text);
    let mut out = String::new();
    let mut pending = vec![dom.document.clone()];
    while let Some(node) = pending.pop() {
        if let NodeData::Text { contents } = &node.data {
            out.push_str(&contents.borrow());
        }
        pending.extend(node.children.borrow().iter().rev().cloned());
    }
    out
}

fn is_element(node: &Handle, wanted: &str) -> bool {
    matches!(&node.data, NodeData::Element { name, .. } if name.ns == ns!(html) && &*name.local == wanted)
}

#[cfg(test)]
thread_local! {
    /// The walk's reads of html5ever's tree on this thread, each weighed by what it copies (a
    /// text node's bytes, a node's children): the linear-work test bounds it (a count, not a
    /// time).
    static WALKED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts one read of the tree that copies `units` (bytes, children).
#[cfg(test)]
fn walked(units: usize) {
    WALKED.with(|walked| walked.set(walked.get() + 1 + units as u64));
}

impl HtmlNode for Handle {
    fn kind(&self) -> NodeKind {
        #[cfg(test)]
        walked(match &self.data {
            NodeData::Text { contents } => contents.borrow().len(),
            _ => 0,
        });
        match &self.data {
            NodeData::Element { name, .. } if name.ns == ns!(html) => {
                NodeKind::Element(name.local.to_string())
            }
            NodeData::Element { .. } => NodeKind::Foreign,
            NodeData::Text { contents } => NodeKind::Text(contents.borrow().to_string()),
            _ => NodeKind::Other,
        }
    }

    fn attribute(&self, wanted: &str) -> Option<String> {
        let NodeData::Element { attrs, .. } = &self.data else { return None };
        let attrs = attrs.borrow();
        #[cfg(test)]
        walked(attrs.len());
        attrs
            .iter()
            .find(|attr| attr.name.ns == ns!() && &*attr.name.local == wanted)
            .map(|attr| attr.value.to_string())
    }

    fn children(&self) -> Vec<Handle> {
        // A template's children live in its content, which the walk never enters.
        if matches!(&self.data, NodeData::Element { name, .. } if name.local == local_name!("template")) {
            return Vec::new();
        }
        let children = self.children.borrow().clone();
        #[cfg(test)]
        walked(children.len());
        children
    }
}

/// An upper estimate, in one pass over the text, of the work html5ever does on some HTML, for
/// the shape of input on which that work grows with the square of the input: start tags times
/// the deepest nesting (the parser looks down the stack of open elements at many start tags;
/// 20,000 unclosed `<div>`s took seconds). Stray end tags do not lower the depth, so they cannot
/// hide the cost.
///
/// The importer adds the other shape its serialiser (ammonia) is slow on: many escaped
/// characters in one text node.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseCost {
    /// Start tags times the deepest nesting.
    pub nesting: u64,
    /// For each run of text that becomes one text node, the `&`s and no-break spaces in it
    /// times its length.
    pub escapes: u64,
}

impl ParseCost {
    /// The most nesting handed to html5ever. A long real article (100,000 tags, 30 deep) stays
    /// far below.
    pub const MAX_NESTING: u64 = 20_000_000;

    /// Whether html5ever may read the input.
    pub fn is_affordable(&self) -> bool {
        self.nesting <= Self::MAX_NESTING
    }

    pub fn of(html: &str) -> ParseCost {
        let mut open: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
        let (mut depth, mut deepest, mut start_tags) = (0u64, 0u64, 0u64);
        let (mut escapes, mut run_escapes, mut run_start) = (0u64, 0u64, 0usize);
        let bytes = html.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'&' => run_escapes += 1,
                // The second byte of U+00A0 (no-break space) in UTF-8.
                0xA0 if at > 0 && bytes[at - 1] == 0xC2 => run_escapes += 1,
                b'<' => {
                    let closing = bytes.get(at + 1) == Some(&b'/');
                    let name_start = at + 1 + usize::from(closing);
                    let name_len = bytes[name_start.min(bytes.len())..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric())
                        .count();
                    if name_len > 0 && bytes[name_start].is_ascii_alphabetic() {
                        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
                        if closing {
                            if let Some(count) = open.get_mut(&name).filter(|count| **count > 0) {
                                *count -= 1;
                                depth = depth.saturating_sub(1);
                            }
                        } else {
                            start_tags += 1;
                            if !IGNORED_IN_BODY.contains(&name.as_str()) {
                                escapes = escapes
                                    .saturating_add(run_escapes.saturating_mul((at - run_start) as u64));
                                (run_escapes, run_start) = (0, at);
                            }
                            if !SELF_CLOSING.contains(&name.as_str()) {
                                *open.entry(name).or_default() += 1;
                                depth += 1;
                                deepest = deepest.max(depth);
                            }
                        }
                        at = name_start + name_len;
                        continue;
                    }
                }
                _ => {}
            }
            at += 1;
        }
        escapes = escapes.saturating_add(run_escapes.saturating_mul((bytes.len() - run_start) as u64));
        ParseCost { nesting: start_tags.saturating_mul(deepest.max(1)), escapes }
    }
}

/// Elements a parser closes by itself when the next one starts (`<li>`, `<p>`, table parts),
/// or that have no content: they do not deepen the tree.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
    "colgroup", "rb", "rt", "rp", "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr", "param",
];

/// Start tags an HTML parser ignores inside a body outside a table: they add no node, so the
/// text on both sides of them is one text node.
const IGNORED_IN_BODY: &[&str] = &[
    "html", "head", "body", "frameset", "frame", "caption", "col", "colgroup", "tbody", "thead", "tfoot",
    "tr", "td", "th",
];
#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::scan;
    use crate::content::{plain_text, Inline, TableCell};
    use crate::test_support::{image, para, text, url};

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
            ("<p><img src=\"/i.png\" alt=\" pic \"></p>", vec![image("/i.png", "pic", None)]),
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
                    content: vec![Block::Paragraph(vec![image("/a.jpg", "A", None)])],
                    caption: vec![text("The "), Inline::Emphasis(vec![text("caption")])],
                    caption_above: false,
                }],
            ),
            ("<figure><figcaption>Only words</figcaption></figure>", vec![Block::Figure { content: vec![], caption: vec![text("Only words")], caption_above: true }]),
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
        // An id is kept only as an anchor, which the renderer names with the reader's own prefix.
        let html = "<p><a href=\"/x\" title=\" A  link \" onclick=\"x()\" style=\"color:red\" id=\"clobber\">t</a><img src=\"/i\" srcset=\"javascript:x 1x\" title=\"T\" name=\"n\"></p>";
        let expected = vec![Block::Paragraph(vec![
            Inline::Link {
                href: url("/x"),
                title: Some("A link".to_owned()),
                content: vec![Inline::Anchor("clobber".to_owned()), text("t")],
            },
            image("/i", "", Some("T")),
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
    fn hostile_shapes_take_linear_work() {
        // Each of these was quadratic in an earlier version of the reader. What is bounded is
        // work counted, not time: the bytes the scan's searches pass over (`scan::SEARCHED`:
        // hiding inline code, and search's text, which reads what is too deep to parse), the
        // walk's reads of the tree (`WALKED`), and html5ever's own looking down its stack of
        // open elements, as `ParseCost` estimates it, when it is given the input at all.
        // Linear: twice the input is at most about twice the work, and the work is a small
        // multiple of the input.
        let work = |html: &str| {
            scan::SEARCHED.set(0);
            WALKED.set(0);
            let cost = ParseCost::of(html);
            let _ = blocks_from_html(html);
            let parsed = if cost.is_affordable() { cost.nesting } else { 0 };
            [scan::SEARCHED.get(), WALKED.get(), parsed]
        };
        type Shape = (&'static str, fn(usize) -> String);
        let shapes: [Shape; 9] = [
            ("unclosed svg", |n| "<svg>".repeat(n)),
            ("nested svg", |n| format!("{}{}", "<svg>".repeat(n), "</svg>".repeat(n))),
            ("unclosed script", |n| "<script>".repeat(n)),
            ("styles", |n| "<style>x</style>".repeat(n)),
            ("divs and stray end tags", |n| format!("{}{}", "<div>".repeat(n), "</span>".repeat(n))),
            ("nested formatting", |n| format!("{}{}", "<b>".repeat(n), "</b>".repeat(n))),
            ("links in paragraphs", |n| "<p><a href=x>".repeat(n)),
            ("references without semicolons", |n| "&amp".repeat(n)),
            ("unclosed comments", |n| "<!--".repeat(n)),
        ];
        let n = 50_000;
        for (name, shape) in shapes {
            let (once, twice) = (shape(n), shape(2 * n));
            let (at_n, at_2n) = (work(&once), work(&twice));
            let (total_n, total_2n) = (at_n.iter().sum::<u64>(), at_2n.iter().sum::<u64>());
            let what =
                format!("{name}: work [searched, walked, parse] {at_n:?} at {n}, {at_2n:?} at {}", 2 * n);
            assert!(total_2n <= total_n * 21 / 10 + 1_000, "{what}: grows faster than the input");
            assert!(total_2n <= 40 * twice.len() as u64, "{what}: more than 40 units a byte");
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
    fn estimates_the_cost_of_parsing() {
        let cost = |nesting, escapes| ParseCost { nesting, escapes };
        let cases: Vec<(String, ParseCost)> = vec![
            ("<p>a</p><p>b</p>".to_owned(), cost(2, 0)),
            ("<div><p>a<b>b</b></p></div>".to_owned(), cost(3 * 2, 0)),
            ("<ul><li>a<li>b<li>c</ul>".to_owned(), cost(4, 0)),
            ("<p>1 < 2 and a<3</p>".to_owned(), cost(1, 0)),
            ("<div></span></x></div><div>".to_owned(), cost(2, 0)),
            ("<div>".repeat(1000), cost(1000 * 1000, 0)),
            ("<div></span>".repeat(1000), cost(1000 * 1000, 0)),
            ("<p>x</p>".repeat(100_000), cost(100_000, 0)),
            ("a &amp; b".to_owned(), cost(0, 9)),
            ("<p>a &amp; b</p><p>c\u{a0}d &amp; e</p>".to_owned(), cost(2, 16 + 2 * 19)),
            ("&amp;</x>".repeat(1000), cost(0, 1000 * 9000)),
            ("&amp;<td>".repeat(1000), cost(1000, 1000 * 9000)),
            ("&amp;<b>".repeat(1000), cost(1000 * 1000, 5 + 999 * 8)),
        ];
        for (html, expected) in cases {
            assert_eq!(ParseCost::of(&html), expected, "{}", &html[..html.len().min(40)]);
        }
    }
}
