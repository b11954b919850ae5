//! What the reader shows for markup whose meaning the WHATWG parsing algorithm decides, one
//! rule a line: character references (all 2,231 names, the legacy ones without their semicolon
//! but not inside an attribute value before `=` or a letter or digit; numbers with the
//! Windows-1252 remap, out-of-range values and surrogates as U+FFFD), NUL, implied end tags,
//! foster parenting, the adoption agency, raw text and script data with its escape states,
//! `plaintext`, and where foreign content ends. Each expectation is what a browser shows.

use article_reader_core::content::{blocks_from_html, search_text, Block, Inline, Native, References};
use article_reader_core::SafeUrl;

fn text(t: &str) -> Inline {
    Inline::Text(t.to_owned())
}

fn para(t: &str) -> Block {
    Block::Paragraph(vec![text(t)])
}

fn strong(t: &str) -> Inline {
    Inline::Strong(vec![text(t)])
}

fn link(href: &str, title: Option<&str>, content: &str) -> Block {
    let href = SafeUrl::parse(href).unwrap_or_else(|| panic!("fixture URL {href} is unsafe"));
    Block::Paragraph(vec![Inline::Link {
        href,
        title: title.map(str::to_owned),
        content: vec![text(content)],
    }])
}

#[test]
fn character_references_read_as_a_browser_reads_them() {
    let cases: Vec<(&str, Vec<Block>)> = vec![
        (
            "&Eacute;cole &ouml;l Stra&szlig;e ma&ntilde;ana &bdquo;x&ldquo;",
            vec![para("École öl Straße mañana „x“")],
        ),
        ("a&shy;b &lrm;c&rlm; d&zwnj;e f&colon;g", vec![para("a\u{ad}b \u{200e}c\u{200f} d\u{200c}e f:g")]),
        ("&NotNestedGreaterGreater; &fjlig; &CounterClockwiseContourIntegral;", vec![para("⪢\u{338} fj ∳")]),
        ("&eacute &copy 2024 &notit; &notin; &ampx &AMP &lt3", vec![para("é © 2024 ¬it; ∉ &x & <3")]),
        ("&bogus; &; & &unknownname", vec![para("&bogus; &; & &unknownname")]),
        ("don&#146;t &#128;&#x8A;&#149;&#x9F; &#x81;", vec![para("don’t €Š•Ÿ \u{81}")]),
        (
            "&#0;&#xD800;&#xDFFF;&#x110000;&#99999999999;",
            vec![para("\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}")],
        ),
        ("&#65&#x42;&#X43 &#x; &#;", vec![para("ABC &#x; &#;")]),
        ("a\u{0}b", vec![para("ab")]),
    ];
    for (html, expected) in cases {
        assert_eq!(blocks_from_html(html), expected, "{html}");
    }
}

#[test]
fn search_text_decodes_references_as_the_parser_does() {
    // What search sees of a body (`content::search_text`, a scan, not a parse) with the native
    // platform's reader of references.
    let scan = |html: &str| search_text(html, &mut References::new(&Native));
    let cases = [
        ("&amp; &lt;&gt; &quot;", "& <> \""),
        ("caf&eacute; &Eacute; &ouml; &szlig; &ntilde; a&colon;b", "café É ö ß ñ a:b"),
        ("&rsquo;&mdash;&hellip;&euro;&bdquo;&lrm;&rlm;&zwnj;&shy;", "’—…€„\u{200e}\u{200f}\u{200c}\u{ad}"),
        ("&eacute &copy 2024 &notit; &AMP &nbspx &fjlig;", "é © 2024 ¬it; & \u{a0}x fj"),
        ("&#8217; &#x2019; &#X2019 &#146; &#x80; &#x81;", "’ ’ ’ ’ € \u{81}"),
        ("&#0; &#xD800; &#x110000; &#99999999999999999999;", "\u{fffd} \u{fffd} \u{fffd} \u{fffd}"),
        ("&bogus; &; & &# &#x; &", "&bogus; &; & &# &#x; &"),
    ];
    for (html, expected) in cases {
        assert_eq!(scan(html), expected, "{html}");
    }
}

#[test]
fn references_in_attribute_values_follow_the_attribute_rules() {
    let cases: Vec<(&str, Vec<Block>)> = vec![
        ("<a href=\"/s?a=1&copy=2&lang=en\">x</a>", vec![link("/s?a=1&copy=2&lang=en", None, "x")]),
        ("<a href=\"/s?x&amp;y\" title=\"&copy2024\">x</a>", vec![link("/s?x&y", Some("&copy2024"), "x")]),
        (
            "<a href=\"/s\" title=\"&copy 2024 &eacute;t&eacute;\">x</a>",
            vec![link("/s", Some("© 2024 été"), "x")],
        ),
        ("<a href=\"/s\" title=\"&notit; &copy;=\">x</a>", vec![link("/s", Some("&notit; ©="), "x")]),
    ];
    for (html, expected) in cases {
        assert_eq!(blocks_from_html(html), expected, "{html}");
    }
}

#[test]
fn tree_construction_puts_text_where_a_browser_does() {
    let cell = |t: &str| article_reader_core::content::TableCell { header: false, content: vec![text(t)] };
    let table = |rows: Vec<Vec<&str>>| Block::Table {
        caption: vec![],
        rows: rows.into_iter().map(|row| row.into_iter().map(cell).collect()).collect(),
    };
    let cases: Vec<(&str, Vec<Block>)> = vec![
        // Implied end tags.
        ("<p>one<div>two</div>three", vec![para("one"), para("two"), para("three")]),
        ("<p>a<table><tr><td>c</table>b", vec![para("a"), table(vec![vec!["c"]]), para("b")]),
        // Foster parenting: text in a table but outside a cell goes before the table.
        ("<table>fostered<tr><td>cell</td></tr></table>", vec![para("fostered"), table(vec![vec!["cell"]])]),
        ("<table><tr>row<td>cell</td>end</tr></table>", vec![para("rowend"), table(vec![vec!["cell"]])]),
        (
            "<table><caption>cap</caption><tr><td>c</td></tr></table>",
            vec![Block::Table { caption: vec![text("cap")], rows: vec![vec![cell("c")]] }],
        ),
        // The adoption agency: misnested formatting.
        (
            "<b>1<p>2</b>3</p>",
            vec![Block::Paragraph(vec![strong("1")]), Block::Paragraph(vec![strong("2"), text("3")])],
        ),
        (
            "<p><b>1<i>2</b>3</i></p>",
            vec![Block::Paragraph(vec![
                Inline::Strong(vec![text("1"), Inline::Emphasis(vec![text("2")])]),
                Inline::Emphasis(vec![text("3")]),
            ])],
        ),
        // Raw text, RCDATA and script data with its escape states.
        ("<script><!--<script>x</script>y</script>z", vec![para("z")]),
        ("<script><!--</script>after", vec![para("after")]),
        ("a<textarea><p>t</textarea>b<title>&lt;p&gt;</title>c<style><p>s</style>d", vec![para("abcd")]),
        (
            "<xmp><b>as written</b> &amp;</xmp>",
            vec![Block::Preformatted("<b>as written</b> &amp;".to_owned())],
        ),
        (
            "<p>before<plaintext><b>all &amp; text</b></plaintext>",
            vec![para("before"), Block::Preformatted("<b>all &amp; text</b></plaintext>".to_owned())],
        ),
        ("<pre>\n\nsecond line</pre>", vec![Block::Preformatted("\nsecond line".to_owned())]),
        // Foreign content ends where a browser ends it; its own text is dropped by policy.
        ("<svg><circle r=1>in svg</svg>after", vec![para("after")]),
        ("<svg><p>breaks out</p>after", vec![para("breaks out"), para("after")]),
        (
            "<p>a<svg><b>bold</b></svg>c</p>",
            vec![Block::Paragraph(vec![text("a"), strong("bold"), text("c")])],
        ),
        ("<math><mi>x</mi></math>after", vec![para("after")]),
        ("<svg>unclosed<g>", vec![]),
        // Comments, including the short forms.
        ("a<!-->b<!--->c<!-- x --!>d", vec![para("abcd")]),
    ];
    for (html, expected) in cases {
        assert_eq!(blocks_from_html(html), expected, "{html}");
    }
}
