//! The importer's sanitiser (ammonia) and the reader's HTML reader keep the same things: both
//! are built from `article_reader_core::content::allowlist`. Each case runs hostile HTML through ammonia
//! and then the reader, and through the reader alone; the article bodies must be equal. Where
//! the two HTML parsers read broken markup differently (mutation-XSS shapes), ammonia's output
//! must still hold nothing but allowlisted elements, attributes and URLs.

use article_reader_core::content::allowlist::{
    ATTRIBUTES, BLOCK_BOUNDARY_ELEMENTS, DROPPED_WITH_CONTENT, GLOBAL_ATTRIBUTES, RENDERED_ELEMENTS,
};
use article_reader_core::content::blocks_from_html;
use article_reader_core::SafeUrl;
use article_reader_importer::sanitize::sanitize_html;

/// Hostile attributes put on every element of the agreement cases.
const NOISE: &str = r#" onclick="alert(1)" style="color:red" class="c" id="clobber" name="n" title="kept""#;

/// `name` in a context where HTML allows it, wrapped in text on both sides.
fn snippet(name: &str) -> String {
    let element = |inner: &str| format!("<{name}{NOISE}>{inner}</{name}>");
    match name {
        "li" => format!("<ul>{}</ul>", element("x")),
        "ul" | "ol" => element("<li>x</li>"),
        "table" => element("<tr><td>x</td></tr>"),
        "thead" | "tbody" | "tfoot" => format!("<table>{}</table>", element("<tr><td>x</td></tr>")),
        "tr" => format!("<table><tbody>{}</tbody></table>", element("<td>x</td>")),
        "td" | "th" => format!("<table><tbody><tr>{}</tr></tbody></table>", element("x")),
        "caption" => format!("<table>{}<tbody><tr><td>x</td></tr></tbody></table>", element("c")),
        "figcaption" => format!("<figure><p>x</p>{}</figure>", element("c")),
        "a" => format!(r#"<p>a <a href="https://example.com/"{NOISE}>x</a> b</p>"#),
        "img" => format!(r#"<p>a <img src="https://example.com/i.png" alt="i"{NOISE}> b</p>"#),
        "br" | "hr" => format!("<p>a<{name}{NOISE}>b</p>"),
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre" | "figure" => {
            format!("<p>before</p>{}<p>after</p>", element("x"))
        }
        _ if BLOCK_BOUNDARY_ELEMENTS.contains(&name) => format!("{}{}", element("a"), element("b")),
        _ => format!("<p>a {} b</p>", element("x")),
    }
}

fn assert_agree(html: &str) {
    let cleaned = sanitize_html(html, None).unwrap_or_else(|| panic!("{html}: too deep to clean"));
    assert_eq!(blocks_from_html(&cleaned), blocks_from_html(html), "{html}\nammonia made: {cleaned}");
}

#[test]
fn every_allowed_element_reads_the_same_after_sanitising() {
    for name in RENDERED_ELEMENTS.iter().chain(BLOCK_BOUNDARY_ELEMENTS) {
        assert_agree(&snippet(name));
    }
}

#[test]
fn every_dropped_element_goes_with_its_content_in_both() {
    // `head` and `frameset` are left out: an HTML parser ignores those tags inside a body
    // (keeping their text), while the reader drops them with everything inside. Both are safe.
    for name in DROPPED_WITH_CONTENT.iter().filter(|name| !matches!(**name, "head" | "frameset")) {
        // `<embed>` is a void element: it has no content to drop. A `<div>`, unlike a `<p>`, is
        // not closed by the `<form>` inside it. `<q>`, unlike `<b>`, does not break out of
        // `<svg>` and `<math>` in an HTML parser.
        let html = match *name {
            "embed" => "<div>a<embed src=\"x\">b</div>".to_owned(),
            _ => format!("<div>a<{name}>hidden <q>x</q></{name}>b</div>"),
        };
        assert_agree(&html);
    }
}

#[test]
fn links_images_and_attributes_agree() {
    let cases = [
        r#"<p><a href="https://example.com/a?b=c#d" title=" T ">https</a></p>"#,
        r#"<p><a href="http://example.com/">http</a></p>"#,
        r#"<p><a href="mailto:desk@example.com">mail</a></p>"#,
        r#"<p><a href="/relative/path">relative</a> <a href="page.html#top">page</a></p>"#,
        r#"<p><a href="javascript:alert(1)">js</a></p>"#,
        r#"<p><a href="JaVaScRiPt:alert(1)">JS</a></p>"#,
        r#"<p><a href="java&#x09;script:alert(1)">tab</a></p>"#,
        r#"<p><a href="&#106;avascript:alert(1)">entity</a></p>"#,
        r#"<p><a href="  javascript:alert(1)">space</a></p>"#,
        r#"<p><a href="vbscript:msgbox(1)">vb</a></p>"#,
        r#"<p><a href="data:text/html,<script>alert(1)</script>">data</a></p>"#,
        r#"<p><a href="file:///etc/passwd">file</a></p>"#,
        r#"<p><a>no href</a></p>"#,
        r#"<p><img src="https://example.com/i.png" alt=" A picture " title="T"></p>"#,
        r#"<p><img src="/relative.png" alt="rel"></p>"#,
        r#"<p><img src="mailto:a@b.c" alt="mail"></p>"#,
        r#"<p><img src="data:image/png;base64,AAAA" alt="data"></p>"#,
        r#"<p><img src="javascript:alert(1)"></p>"#,
        r#"<p><img srcset="https://evil.example/x 1x" src="/ok.png" alt="srcset"></p>"#,
        r#"<p><img alt="no src"></p>"#,
        r#"<p><a href="https://example.com/" target="_blank" rel="opener" ping="https://evil.example/">target</a></p>"#,
        r#"<blockquote cite="javascript:alert(1)"><p>quote</p></blockquote>"#,
        r#"<p>a &amp; b &lt;c&gt; &#8217; &nbsp;x</p>"#,
        "<p>whitespace \n\t collapses</p><pre>  but\n  not here</pre>",
        "<ul><li>a<ul><li>nested</li></ul></li><li>b</li></ul>",
        "<figure><img src=\"/f.jpg\" alt=\"F\"><figcaption>The <em>caption</em></figcaption></figure>",
        "<table><caption>Votes</caption><thead><tr><th>Party</th><th>Seats</th></tr></thead><tbody><tr><td>A</td><td>93</td></tr></tbody></table>",
        "<div><section><article><p>deep</p></article></section></div><aside>side</aside>",
        "<h1>Title</h1><h6>Small</h6>",
        "<p>a<span>b</span><font color=red>c</font><u>d</u><small>e</small></p>",
        "<p><code>a<b>c</b></code> <kbd>k</kbd> <samp>s</samp> <tt>t</tt> <var>v</var> <dfn>d</dfn> <cite>c</cite></p>",
        "<p>one<!-- a comment -->two</p>",
        "<p>x<script>alert(1)</script>y<style>p{}</style>z</p>",
        "<p>a<iframe src=\"javascript:alert(1)\">fallback</iframe>b</p>",
        "<p>a<svg><script>alert(1)</script><a href=\"https://e.com\">in svg</a></svg>b</p>",
        "<p>a<math><mi>x</mi></math>b</p>",
        "<p>a<object data=x><param name=a value=b>text</object>b</p>",
        "<p>a<video src=x><track src=y>no video</video>b</p>",
        "<div>a<form action=x><input value=v><button>go</button></form>b</div>",
        "<p>a<template><img src=x onerror=alert(1)></template>b</p>",
        "<p>مرحبا <b>بالعالم</b></p><p dir=\"rtl\">שלום <i>עולם</i></p>",
        "<p>東京 <a href=\"https://例え.jp/パス\">リンク</a></p>",
        "<picture><source srcset=\"/a.webp\"><img src=\"/a.jpg\" srcset=\"/a.jpg 1x, javascript:x 2x, /b.jpg 2x\" sizes=\"100vw\" width=\"640\" height=\"360\" alt=\"A\"></picture>",
        "<video src=\"https://e.com/v.mp4\" poster=\"https://e.com/p.jpg\" autoplay width=\"640\">fallback</video><audio><source src=\"/a.ogg\" type=\"audio/ogg\"><source src=\"data:audio/x,y\"></audio>",
        "<dl><dt>Term</dt><dd>Description <abbr title=\"HyperText\">HTML</abbr> <time datetime=\"2024-10-25\">today</time></dd></dl>",
        "<p>Text<sup id=\"r1\"><a href=\"#fn1\">1</a></sup> H<sub>2</sub>O <del>a</del><ins>b</ins> <q>q</q> <mark>m</mark> <small>s</small></p><ol><li id=\"fn1\">Note <a href=\"#r1\">back</a></li></ol>",
    ];
    for html in cases {
        assert_agree(html);
    }
}

/// Broken markup that two HTML parsers may read differently (mutation-XSS shapes): ammonia's
/// output alone must already be harmless.
#[test]
fn ammonia_alone_keeps_nothing_outside_the_allowlist() {
    let cases = [
        "<img src=x onerror=alert(1)//",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>x</text></a></svg>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<iframe srcdoc=\"<script>parent.alert(1)</script>\"></iframe>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
        "<img src=\"`<javascript:alert(1)>`\">",
        "<p><a href=\"x\" id=\"__proto__\" name=\"location\">clobber</a></p>",
        "<head><title>t</title><script>alert(1)</script></head><body onload=alert(1)>b",
        "<frameset onload=alert(1)><frame src=javascript:alert(1)></frameset>",
        "<table><td><select><option><style></option></select><img src=x onerror=alert(1)>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<![CDATA[<img src=x onerror=alert(1)>]]>",
        "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\">",
        "<a href=\"https://example.com/\"><a href=\"javascript:alert(1)\">nested</a></a>",
    ];
    let allowed: Vec<&str> = RENDERED_ELEMENTS.iter().chain(BLOCK_BOUNDARY_ELEMENTS).copied().collect();
    for html in cases {
        let cleaned = sanitize_html(html, None).unwrap_or_else(|| panic!("{html}: too deep to clean"));
        for (element, attributes) in tags_of(&cleaned) {
            assert!(allowed.contains(&element.as_str()), "{html}\n<{element}> survived in {cleaned}");
            let permitted = ATTRIBUTES.iter().find(|(e, _)| *e == element).map_or(&[][..], |(_, a)| *a);
            for (name, value) in attributes {
                assert!(
                    permitted.contains(&name.as_str()) || GLOBAL_ATTRIBUTES.contains(&name.as_str()),
                    "{html}\n{name} on <{element}> survived in {cleaned}"
                );
                let safe = match name.as_str() {
                    "href" => SafeUrl::parse(&value).is_some(),
                    "src" | "poster" => SafeUrl::parse_image(&value).is_some(),
                    "srcset" => value
                        .split(',')
                        .all(|c| SafeUrl::parse_image(c.split_whitespace().next().unwrap_or("")).is_some()),
                    _ => true,
                };
                assert!(safe, "{html}\nunsafe {name}={value:?} survived in {cleaned}");
            }
        }
    }
}

/// The start tags of ammonia's output with their attributes. Its output is serialised HTML:
/// text and attribute values are escaped, so every `<` starts a tag.
fn tags_of(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut tags = Vec::new();
    for piece in html.split('<').skip(1) {
        if piece.starts_with('/') {
            continue;
        }
        let tag = piece.split('>').next().unwrap_or_default();
        let name_end = tag.find([' ', '/']).unwrap_or(tag.len());
        let mut attributes = Vec::new();
        let mut rest = &tag[name_end..];
        while let Some(eq) = rest.find("=\"") {
            let name = rest[..eq].trim().to_owned();
            let value_end = rest[eq + 2..].find('"').map_or(rest.len(), |end| eq + 2 + end);
            let value = rest[eq + 2..value_end].replace("&amp;", "&").replace("&quot;", "\"");
            attributes.push((name, value));
            rest = rest.get(value_end + 1..).unwrap_or_default();
        }
        tags.push((tag[..name_end].to_owned(), attributes));
    }
    tags
}
