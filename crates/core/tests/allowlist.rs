//! The allowlist (`article_reader_core::content::allowlist`) held to the walk that applies it: every
//! element it renders means something to the reader, its block boundaries part paragraphs, what
//! it drops goes with its content, and the URL checks follow its scheme lists. Here, not beside
//! the lists, because the walk and `SafeUrl` read the lists: the lists' own file needs neither.

use article_reader_core::content::allowlist::{
    BLOCK_BOUNDARY_ELEMENTS, DROPPED_WITH_CONTENT, IMAGE_SCHEMES, LINK_SCHEMES, RENDERED_ELEMENTS,
};
use article_reader_core::content::{blocks_from_html, Block, Definition, Inline, Media, Span, TableCell};
use article_reader_core::SafeUrl;

#[path = "support/fixtures.rs"]
mod fixtures;
use fixtures::{image, text, url};

/// Every rendered element, with a snippet using it and what the reader makes of it: proof
/// that the list names exactly what the HTML reader understands.
#[test]
fn every_rendered_element_means_something_to_the_reader() {
    let para = |inlines: Vec<Inline>| vec![Block::Paragraph(inlines)];
    let heading = |level: u8| vec![Block::Heading { level, content: vec![text("x")] }];
    let list = |ordered: bool| vec![Block::List { ordered, items: vec![vec![text("x")]] }];
    let cell = |header: bool| TableCell { header, content: vec![text("x")] };
    let table =
        |caption: Vec<Inline>, header: bool| vec![Block::Table { caption, rows: vec![vec![cell(header)]] }];
    let emphasis = para(vec![Inline::Emphasis(vec![text("x")])]);
    let strong = para(vec![Inline::Strong(vec![text("x")])]);
    let code = para(vec![Inline::Code("x".to_owned())]);
    let image = Inline::Image(Box::new(image("/i.png", "x")));
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
        ("abbr", "<abbr title=\" T \">x</abbr>", span(Span::Abbreviation { title: Some("T".to_owned()) })),
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
        let html =
            if *name == "hr" { "a<hr>b".to_owned() } else { format!("<{name}>a</{name}><{name}>b</{name}>") };
        let expected = vec![Block::Paragraph(vec![text("a")]), Block::Paragraph(vec![text("b")])];
        assert_eq!(blocks_from_html(&html), expected, "{html}");
    }
    assert_eq!(blocks_from_html("<span>a</span><span>b</span>"), vec![Block::Paragraph(vec![text("ab")])]);
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
