//! The HTML allowlist: which elements, attributes and URL schemes of a feed's HTML the reader
//! keeps. One list for every reader of feed HTML: the reader's own HTML reader
//! ([`crate::content`]) and URL check ([`crate::url`]) are built on these constants, and the
//! importer (`crates/importer`) feeds them to its sanitiser, so what the importer writes and what
//! the reader renders cannot drift apart. Tests on both sides prove they agree.

/// Elements the reader renders: blocks, description lists, table parts, inline formatting and
/// phrases, links, images, players and line breaks. `h1` becomes a level-2 subheading; `i` and
/// `dfn` read as emphasis, `b` as strong, `tt` as code, `strike` as `s`; `source` counts only in
/// a player.
pub const RENDERED_ELEMENTS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
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
    "em",
    "i",
    "cite",
    "dfn",
    "var",
    "strong",
    "b",
    "code",
    "kbd",
    "samp",
    "tt",
    "sup",
    "sub",
    "del",
    "ins",
    "s",
    "strike",
    "q",
    "small",
    "mark",
    "abbr",
    "time",
    "a",
    "img",
    "video",
    "audio",
    "source",
    "br",
];

/// Elements the reader renders as nothing but reads as block boundaries: the text on either side
/// of `</div><div>` or `<hr>` goes into separate paragraphs. A sanitiser keeps them (without
/// attributes); unwrapping them would run two paragraphs into one.
pub const BLOCK_BOUNDARY_ELEMENTS: &[&str] = &[
    "div", "section", "article", "main", "header", "footer", "aside", "nav", "details", "summary", "address",
    "center", "hgroup", "hr",
];

/// Elements dropped together with everything inside them: code, styles, frames, foreign content
/// (SVG, MathML), forms, and what browsers never display (`noembed`, `noframes`, `datalist`, a
/// ruby's `rp`). Every other element not listed above is dropped and its text kept: among them
/// `picture`, whose `img` stays, and `noscript`, whose content is read as markup, as a browser
/// without script reads it (the lazy-load pattern's real image is there).
pub const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "template", "iframe", "object", "embed", "svg", "math", "head", "title", "textarea",
    "select", "button", "form", "frameset", "noembed", "noframes", "datalist", "rp", "canvas", "map",
];

/// The only attributes kept, by element, besides [`GLOBAL_ATTRIBUTES`]; every other attribute of
/// every element is dropped. `href`, `src`, `poster` and every URL of `srcset` are checked as
/// the URLs they are.
pub const ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "title", "name"]),
    ("img", &["src", "srcset", "sizes", "width", "height", "alt", "title"]),
    ("abbr", &["title"]),
    ("time", &["datetime"]),
    ("video", &["src", "poster", "width", "height"]),
    ("audio", &["src"]),
    ("source", &["src", "type"]),
];

/// Attributes kept on any element: an `id` is where a link into the article (`#fn1`) leads. The
/// reader renders it under an id of its own, so no feed can name (or clobber) the page's.
pub const GLOBAL_ATTRIBUTES: &[&str] = &["id"];

/// Schemes a link (`<a href>`, an article's `url`) may have; relative URLs are allowed too.
pub const LINK_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Schemes an image (`<img src>`, an article's `image`) may have; relative URLs are allowed too.
pub const IMAGE_SCHEMES: &[&str] = &["http", "https"];

#[cfg(all(test, feature = "native"))]
mod tests {
    use super::*;
    use crate::content::{blocks_from_html, Block, Definition, Inline, Media, Span, TableCell};
    use crate::test_support::{image, text, url};
    use crate::url::SafeUrl;

    /// Every rendered element, with a snippet using it and what the reader makes of it: proof
    /// that the list names exactly what the HTML reader understands.
    #[test]
    fn every_rendered_element_means_something_to_the_reader() {
        let para = |inlines: Vec<Inline>| vec![Block::Paragraph(inlines)];
        let heading = |level: u8| vec![Block::Heading { level, content: vec![text("x")] }];
        let list = |ordered: bool| vec![Block::List { ordered, items: vec![vec![text("x")]] }];
        let cell = |header: bool| TableCell { header, content: vec![text("x")] };
        let table = |caption: Vec<Inline>, header: bool| {
            vec![Block::Table { caption, rows: vec![vec![cell(header)]] }]
        };
        let emphasis = para(vec![Inline::Emphasis(vec![text("x")])]);
        let strong = para(vec![Inline::Strong(vec![text("x")])]);
        let code = para(vec![Inline::Code("x".to_owned())]);
        let image = image("/i.png", "x", None);
        let span = |kind: Span| para(vec![Inline::Span(kind, vec![text("x")])]);
        let media = |video: bool, sources: &[&str]| {
            Inline::Media(Box::new(Media {
                video,
                sources: sources.iter().map(|src| (url(src), None)).collect(),
                poster: None,
                width: None,
                height: None,
            }))
        };
        let cases: Vec<(&str, &str, Vec<Block>)> = vec![
            ("p", "<p>x</p>", para(vec![text("x")])),
            ("h1", "<h1>x</h1>", heading(2)),
            ("h2", "<h2>x</h2>", heading(2)),
            ("h3", "<h3>x</h3>", heading(3)),
            ("h4", "<h4>x</h4>", heading(4)),
            ("h5", "<h5>x</h5>", heading(5)),
            ("h6", "<h6>x</h6>", heading(6)),
            ("ul", "<ul><li>x</ul>", list(false)),
            ("ol", "<ol><li>x</ol>", list(true)),
            ("li", "<ol><li>x</li></ol>", list(true)),
            (
                "dl",
                "<dl>x</dl>",
                vec![Block::Definitions(vec![Definition { term: false, content: vec![text("x")] }])],
            ),
            (
                "dt",
                "<dl><dt>x</dl>",
                vec![Block::Definitions(vec![Definition { term: true, content: vec![text("x")] }])],
            ),
            (
                "dd",
                "<dl><dd>x</dl>",
                vec![Block::Definitions(vec![Definition { term: false, content: vec![text("x")] }])],
            ),
            ("blockquote", "<blockquote>x</blockquote>", vec![Block::Quote(para(vec![text("x")]))]),
            ("pre", "<pre>x</pre>", vec![Block::Preformatted("x".to_owned())]),
            (
                "figure",
                "<figure>x</figure>",
                vec![Block::Figure { content: para(vec![text("x")]), caption: vec![], caption_above: false }],
            ),
            (
                "figcaption",
                "<figure><figcaption>x</figcaption></figure>",
                vec![Block::Figure { content: vec![], caption: vec![text("x")], caption_above: true }],
            ),
            ("table", "<table><tr><td>x</table>", table(vec![], false)),
            ("thead", "<table><thead><tr><td>x</thead></table>", table(vec![], false)),
            ("tbody", "<table><tbody><tr><td>x</tbody></table>", table(vec![], false)),
            ("tfoot", "<table><tfoot><tr><td>x</tfoot></table>", table(vec![], false)),
            ("tr", "<table><tr><td>x</tr></table>", table(vec![], false)),
            ("td", "<table><tr><td>x</td></tr></table>", table(vec![], false)),
            ("th", "<table><tr><th>x</th></tr></table>", table(vec![], true)),
            ("caption", "<table><caption>c</caption><tr><th>x</table>", table(vec![text("c")], true)),
            ("em", "<em>x</em>", emphasis.clone()),
            ("i", "<i>x</i>", emphasis.clone()),
            ("cite", "<cite>x</cite>", span(Span::Citation)),
            ("dfn", "<dfn>x</dfn>", emphasis.clone()),
            ("var", "<var>x</var>", span(Span::Variable)),
            ("strong", "<strong>x</strong>", strong.clone()),
            ("b", "<b>x</b>", strong),
            ("code", "<code>x</code>", code.clone()),
            ("kbd", "<kbd>x</kbd>", span(Span::Keyboard)),
            ("samp", "<samp>x</samp>", span(Span::Sample)),
            ("tt", "<tt>x</tt>", code),
            ("sup", "<sup>x</sup>", span(Span::Superscript)),
            ("sub", "<sub>x</sub>", span(Span::Subscript)),
            ("del", "<del>x</del>", span(Span::Deleted)),
            ("ins", "<ins>x</ins>", span(Span::Inserted)),
            ("s", "<s>x</s>", span(Span::Struck)),
            ("strike", "<strike>x</strike>", span(Span::Struck)),
            ("q", "<q>x</q>", span(Span::Quoted)),
            ("small", "<small>x</small>", span(Span::Small)),
            ("mark", "<mark>x</mark>", span(Span::Marked)),
            (
                "abbr",
                "<abbr title=\" T \">x</abbr>",
                span(Span::Abbreviation { title: Some("T".to_owned()) }),
            ),
            (
                "time",
                "<time datetime=\"2024-10-25\">x</time>",
                span(Span::Time { datetime: Some("2024-10-25".to_owned()) }),
            ),
            (
                "a",
                "<a href=\"/x\">x</a>",
                para(vec![Inline::Link { href: url("/x"), title: None, content: vec![text("x")] }]),
            ),
            ("img", "<img src=\"/i.png\" alt=\"x\">", para(vec![image])),
            ("video", "<video src=\"/v.mp4\">x</video>", para(vec![media(true, &["/v.mp4"])])),
            ("audio", "<audio src=\"/a.mp3\"></audio>", para(vec![media(false, &["/a.mp3"])])),
            (
                "source",
                "<audio><source src=\"/a.ogg\"><source src=\"/a.mp3\"></audio>",
                para(vec![media(false, &["/a.ogg", "/a.mp3"])]),
            ),
            ("br", "a<br>b", para(vec![text("a"), Inline::LineBreak, text("b")])),
        ];
        let covered: Vec<&str> = cases.iter().map(|(name, ..)| *name).collect();
        assert_eq!(covered, RENDERED_ELEMENTS, "one case per rendered element, in the list's order");
        for (name, html, expected) in cases {
            assert_eq!(blocks_from_html(html), expected, "<{name}>: {html}");
        }
    }

    #[test]
    fn block_boundaries_separate_paragraphs_and_unknown_elements_do_not() {
        for name in BLOCK_BOUNDARY_ELEMENTS {
            let html = if *name == "hr" {
                "a<hr>b".to_owned()
            } else {
                format!("<{name}>a</{name}><{name}>b</{name}>")
            };
            let expected = vec![Block::Paragraph(vec![text("a")]), Block::Paragraph(vec![text("b")])];
            assert_eq!(blocks_from_html(&html), expected, "{html}");
        }
        assert_eq!(
            blocks_from_html("<span>a</span><span>b</span>"),
            vec![Block::Paragraph(vec![text("ab")])]
        );
    }

    #[test]
    fn dropped_elements_take_their_content_with_them() {
        // A parser never makes a `head` or `frameset` inside a body: it ignores those tags
        // there and keeps their text, as browsers show it.
        for name in DROPPED_WITH_CONTENT.iter().filter(|name| !matches!(**name, "head" | "frameset")) {
            // `<embed>` is void: it has no content, and what follows it stays. A `<div>`, unlike
            // a `<p>`, is not closed by the `<form>` inside it.
            let html = match *name {
                "embed" => "<div>a<embed src=\"x\">b</div>".to_owned(),
                _ => format!("<div>a<{name}>hidden</{name}>b</div>"),
            };
            assert_eq!(blocks_from_html(&html), vec![Block::Paragraph(vec![text("ab")])], "{html}");
        }
    }

    #[test]
    fn url_checks_follow_the_scheme_lists() {
        for scheme in LINK_SCHEMES {
            assert!(SafeUrl::parse(&format!("{scheme}:x")).is_some(), "{scheme}");
        }
        for scheme in IMAGE_SCHEMES {
            assert!(SafeUrl::parse_image(&format!("{scheme}://e.com/i.png")).is_some(), "{scheme}");
        }
        assert!(SafeUrl::parse_image("mailto:a@b.c").is_none());
    }
}
