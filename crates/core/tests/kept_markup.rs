//! What authors mean that the reader keeps: phrase elements (`sup`, `del`, `abbr` with its
//! title, …), description lists, the image of a `<picture>` with its `srcset`, `sizes` and size,
//! the real image of the `<noscript>` lazy-load pattern, native players for audio and video, and
//! links into the article itself with the anchors they lead to.

use article_reader_core::content::{blocks_from_html, Block, BodyImage, Definition, Inline, Media, Span};

#[path = "support/fixtures.rs"]
mod fixtures;
use fixtures::{image, text, url};

fn span(kind: Span, t: &str) -> Inline {
    Inline::Span(kind, vec![text(t)])
}

#[test]
fn phrase_elements_keep_their_meaning() {
    let cases: Vec<(&str, Vec<Inline>)> = vec![
        (
            "10<sup>6</sup> H<sub>2</sub>O",
            vec![text("10"), span(Span::Superscript, "6"), text(" H"), span(Span::Subscript, "2"), text("O")],
        ),
        (
            "<del>old</del><ins>new</ins><s>gone</s><strike>too</strike>",
            vec![
                span(Span::Deleted, "old"),
                span(Span::Inserted, "new"),
                span(Span::Struck, "gone"),
                span(Span::Struck, "too"),
            ],
        ),
        (
            "<q>said</q> <small>print</small> <mark>this</mark>",
            vec![
                span(Span::Quoted, "said"),
                text(" "),
                span(Span::Small, "print"),
                text(" "),
                span(Span::Marked, "this"),
            ],
        ),
        (
            "<kbd>Ctrl</kbd><samp>out</samp><var>x</var><cite>Book</cite>",
            vec![
                span(Span::Keyboard, "Ctrl"),
                span(Span::Sample, "out"),
                span(Span::Variable, "x"),
                span(Span::Citation, "Book"),
            ],
        ),
        (
            "<abbr title=\" HyperText  Markup \">HTML</abbr><abbr>A</abbr>",
            vec![
                span(Span::Abbreviation { title: Some("HyperText Markup".into()) }, "HTML"),
                span(Span::Abbreviation { title: None }, "A"),
            ],
        ),
        (
            "<time datetime=\"2024-10-25T09:30+05:00\">Friday</time>",
            vec![span(Span::Time { datetime: Some("2024-10-25T09:30+05:00".into()) }, "Friday")],
        ),
    ];
    for (html, expected) in cases {
        assert_eq!(blocks_from_html(&format!("<p>{html}</p>")), vec![Block::Paragraph(expected)], "{html}");
    }
    let dl = "<dl><dt>Term</dt><dd>One</dd><div><dt>Grouped</dt><dd>Two</dd></div></dl>";
    let part = |term, t: &str| Definition { term, content: vec![text(t)] };
    assert_eq!(
        blocks_from_html(dl),
        vec![Block::Definitions(vec![
            part(true, "Term"),
            part(false, "One"),
            part(true, "Grouped"),
            part(false, "Two")
        ])]
    );
}

#[test]
fn images_keep_their_sources_and_size() {
    let picture = "<picture><source srcset=\"/a.webp\" type=\"image/webp\"><img src=\"/a.jpg\" srcset=\"/a.jpg 1x, javascript:x 2x, /a@2x.jpg 2x, data:image/png,x 3x, /w.jpg 640w\" sizes=\"(max-width: 600px) 100vw, 600px\" width=\"640\" height=\"360\" alt=\"A\"></picture>";
    let expected = BodyImage {
        srcset: Some("/a.jpg 1x, /a@2x.jpg 2x, /w.jpg 640w".into()),
        sizes: Some("(max-width: 600px) 100vw, 600px".into()),
        width: Some(640),
        height: Some(360),
        ..image("/a.jpg", "A")
    };
    let cases: Vec<(&str, Vec<BodyImage>)> = vec![
        (picture, vec![expected]),
        // The lazy-load pattern: the placeholder goes (a data: URL), the real image stays.
        ("<img class=\"lazy\" data-src=\"/real.jpg\" src=\"data:image/gif;base64,R0lGOD\"><noscript><img src=\"/real.jpg\" alt=\"Real\"></noscript>", vec![image("/real.jpg", "Real")]),
        ("<img src=\"/i.png\" srcset=\"javascript:x 1x\" width=\"0\" height=\"big\">", vec![image("/i.png", "")]),
        // A comma inside a URL is part of it, as the standard reads a srcset; one at its end
        // ends the candidate.
        ("<img src=\"/i.png\" srcset=\"/a.jpg,/b.jpg 2x\">", vec![BodyImage { srcset: Some("/a.jpg,/b.jpg 2x".into()), ..image("/i.png", "") }]),
        ("<img src=\"/i.png\" srcset=\"/a.jpg, /b.jpg 2x\">", vec![BodyImage { srcset: Some("/a.jpg, /b.jpg 2x".into()), ..image("/i.png", "") }]),
    ];
    for (html, expected) in cases {
        let images: Vec<BodyImage> = match &blocks_from_html(html)[..] {
            [Block::Paragraph(inlines)] => inlines
                .iter()
                .filter_map(|i| match i {
                    Inline::Image(image) => Some((**image).clone()),
                    _ => None,
                })
                .collect(),
            other => panic!("{html}: expected one paragraph, got {other:?}"),
        };
        assert_eq!(images, expected, "{html}");
    }
}

#[test]
fn audio_and_video_become_players_with_safe_sources() {
    let media = |video: bool, sources: &[(&str, Option<&str>)], poster: Option<&str>| {
        Inline::Media(Box::new(Media {
            video,
            sources: sources.iter().map(|(s, t)| (url(s), t.map(str::to_owned))).collect(),
            poster: poster.map(url),
            width: None,
            height: None,
        }))
    };
    let cases: Vec<(&str, Vec<Block>)> = vec![
        (
            "<video src=\"https://e.com/v.mp4\" poster=\"https://e.com/p.jpg\" autoplay loop muted>Your browser cannot play this.</video>",
            vec![Block::Paragraph(vec![media(true, &[("https://e.com/v.mp4", None)], Some("https://e.com/p.jpg"))])],
        ),
        (
            "<audio controls><source src=\"/a.ogg\" type=\"audio/ogg\"><source src=\"data:audio/mpeg,x\"><source src=\"javascript:x\"></audio>",
            vec![Block::Paragraph(vec![media(false, &[("/a.ogg", Some("audio/ogg"))], None)])],
        ),
        ("<p>a<video src=\"javascript:x\" poster=\"/p.jpg\">fallback</video>b</p>", vec![Block::Paragraph(vec![text("ab")])]),
    ];
    for (html, expected) in cases {
        assert_eq!(blocks_from_html(html), expected, "{html}");
    }
}

#[test]
fn links_into_the_article_keep_their_anchors() {
    // Every id is an anchor and every fragment link stays one, as in a browser: a link to a
    // fragment the article lacks leads nowhere there either.
    let html = "<p>Claim<sup id=\"ref1\"><a href=\"#fn1\">1</a></sup> and <a href=\"#nowhere\">nothing</a>.</p>\
                <ol><li id=\"fn1\">The note. <a href=\"#ref1\">back</a></li></ol><p><a name=\"old\"></a><a href=\"#old\">old</a></p>";
    let link = |href: &str, t: &str| Inline::Link { href: url(href), title: None, content: vec![text(t)] };
    let anchor = |id: &str| Inline::Anchor(id.to_owned());
    let expected = vec![
        Block::Paragraph(vec![
            text("Claim"),
            Inline::Span(Span::Superscript, vec![anchor("ref1"), link("#fn1", "1")]),
            text(" and "),
            link("#nowhere", "nothing"),
            text("."),
        ]),
        Block::List {
            ordered: true,
            items: vec![vec![anchor("fn1"), text("The note. "), link("#ref1", "back")]],
        },
        Block::Paragraph(vec![anchor("old"), link("#old", "old")]),
    ];
    assert_eq!(blocks_from_html(html), expected);
    assert_eq!(
        blocks_from_html("<div id=\"x\"><p>text</p></div>"),
        vec![Block::Paragraph(vec![anchor("x")]), Block::Paragraph(vec![text("text")])]
    );
}
