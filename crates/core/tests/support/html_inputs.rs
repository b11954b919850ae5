//! HTML inputs for the differential tests: hand-written cases for each rule of the WHATWG
//! parsing algorithm that decides what a reader sees, and thousands generated from fragments of
//! the same kinds (character references, tables, misnested formatting, foreign content,
//! comments, raw text, lazy-load and picture markup), joined and cut at random places.
//!
//! Shared by `crates/core/tests/html_differential.rs` (through html5ever) and the browser tests
//! (`tests/browser/html_differential.rs`, through the browser's own parser), by `#[path]`.
//! Deterministic: the same inputs on every run, in every engine.

/// Markup written by hand, one rule each.
pub const HAND_WRITTEN: &[&str] = &[
    // Named references: all of HTML's table, legacy ones without their semicolon, and not in
    // an attribute value when `=` or an alphanumeric follows.
    "<p>&Eacute;cole, &ouml;l, Stra&szlig;e, ma&ntilde;ana, &bdquo;Zitat&ldquo;</p>",
    "<p>soft&shy;hyphen, &lrm;ltr&rlm;, &zwnj;&zwj;, a&colon;b, &NotNestedGreaterGreater; &fjlig;</p>",
    "<p>&eacute &copy 2024 &notit; &notin; &ampx &AMP &nbspx &lt3</p>",
    "<p><a href=\"?a=1&copy=2&eacute;=3&lang=en\" title=\"&copy2024 &copy; &eacutex\">attr</a></p>",
    "<p><img src=\"/i.png?x=1&not=2\" alt=\"&amp &lt; &notit; &copy=\">x</p>",
    // Numeric references: the Windows-1252 remap, out of range, surrogates, zero.
    "<p>don&#146;t &#128; &#x80;&#x8A;&#149;&#x9F; &#x81;</p>",
    "<p>&#0; &#xD800; &#xDFFF; &#x110000; &#99999999999; &#x; &#; &#65 &#x41g &#X42;</p>",
    "<p>&#x1F600; &#128512; &#xFFFE; &#x0D; &#9;tab</p>",
    // NUL.
    "<p>a\u{0}b</p><p title=\"t\u{0}\">c\u{0}</p>",
    "<textarea>\u{0}</textarea><p>after\u{0}</p>",
    // Implied end tags.
    "<p>one<p>two<div>three</div>four",
    "<ul><li>a<li>b<ol><li>c</ul>d",
    "<dl><dt>term<dd>def<dt>term2<dd>def2</dl>",
    "<p>para<h2>heading</h2>after",
    "<p>a<table><tr><td>cell</table>b",
    "<h1>one<h2>two</h1>three",
    "<li>stray<li>items",
    "<p>x</p></p></div></span>y",
    // Foster parenting out of tables.
    "<table>fostered<tr><td>cell</td></tr></table>",
    "<table><tr>row text<td>cell</td>more</tr></table>",
    "<table><b>bold<tr><td>cell</b>after</td></tr></table>",
    "<table><tr><td>a<table><tr><td>inner</table>b</td></tr></table>",
    "<table><caption>cap<p>in caption</table>after",
    "<table><colgroup><col>text<tr><td>c</table>",
    "<table><p>p in table</p><tr><td>c</td></tr></table>",
    "<table><tbody>x<tr>y<td>z",
    // The adoption agency: misnested formatting.
    "<b>1<p>2</b>3</p>",
    "<a href=\"/x\">1<p>2</a>3</p>",
    "<i><b>x</i>y</b>z",
    "<em><div>x</em>y</div>z",
    "<b><b><b><b>deep</b></b></b></b>",
    "<a href=\"/1\">one<a href=\"/2\">two</a>three",
    "<p><b><i><u>x</p>y",
    "<b>a<table><tr><td>b</b>c</td></tr></table>d",
    // RCDATA, RAWTEXT, script data and its escape states.
    "<p>a<script>if (a<b) x('</p>')</script>b</p>",
    "<script><!--<script>x</script>y</script>z",
    "<script><!--</script>after",
    "<script><!-- <script> </script> --></script>after",
    "<style><p>not a paragraph</p></style>after",
    "<textarea>&amp;<b>not bold</b></textarea>after",
    "<title>&lt;title&gt;</title><p>body",
    "<xmp><b>as written</b> &amp;</xmp>",
    "<iframe><p>fallback</p></iframe>after",
    "<noembed><p>x</p></noembed>after",
    "<noframes><p>x</p></noframes>after",
    "<p>before<plaintext><b>all &amp; text</b></plaintext>",
    "<listing>\nlisted</listing>",
    "<pre>\n\nfirst line kept</pre>",
    // Foreign content: where svg and math end, and what breaks out of them.
    "<svg><circle r=1>text in svg</svg>after",
    "<svg><p>breaks out</p>after",
    "<svg><b>breaks out too</b>",
    "<svg><font color=red>breaks</font><font>stays</font></svg>x",
    "<svg><foreignObject><p>html inside</p></foreignObject></svg>after",
    "<svg><title>svg title</title><desc>d</desc></svg>after",
    "<svg>unclosed <g><text>t",
    "<math><mi>x</mi><mtext><b>y</b></mtext></math>after",
    "<math><annotation-xml encoding=\"text/html\"><p>in annotation</p></annotation-xml></math>z",
    "<math>unclosed <mi>x",
    "<p>a<svg><script>alert(1)</script></svg>b</p>",
    // Comments and bogus comments.
    "a<!-->b<!--->c<!-- x -- y -->d<!--x--!>e",
    "a<!x>b<?php echo 1 ?>c</ x>d</3>e</>f",
    "<p>open <!-- comment <p>never",
    "<!---->a<!-- -->b<!--<!-- -->c",
    "<![CDATA[cdata in html]]>after",
    // Lazy-load and picture markup.
    "<img class=\"lazy\" data-src=\"/real.jpg\" src=\"data:image/gif;base64,R0lGOD\"><noscript><img src=\"/real.jpg\" alt=\"the real one\"></noscript>",
    "<figure><noscript><img src=\"/a.jpg\" alt=\"a\"></noscript><figcaption>caption</figcaption></figure>",
    "<picture><source srcset=\"/a.webp\" type=\"image/webp\"><img src=\"/a.jpg\" alt=\"pic\"></picture>",
    "<p>x<picture><source srcset=\"/b.avif 2x\"><img src=\"/b.png\" srcset=\"/b@2x.png 2x\" alt=\"b\"></picture>y</p>",
    "<noscript><p>for readers without script</p></noscript>",
    // Inline styles and event handlers, which the reader takes out before the browser parses.
    "<p style=\"color:red\" onclick=\"x()\">styled</p><style>p{}</style>after",
    "<p>a<style>x</style>b</p><table><style>td{}</style><tr><td>c</td></tr></table>",
    "<svg><style>a{}</style><a onclick=x>in svg</a></svg>after<select><style>s</style></select>z",
    "<p title=\"a style=b onclick=c\" style>t</p><p/style=x>u<STYLE>v</Style >w",
    "<img src=\"/i.png\" alt=\"i\" onerror=\"x\" style=\"width:1px\"><p style=\"open",
    // Other structure.
    "<p>10<sup>6</sup> H<sub>2</sub>O <del>old</del><ins>new</ins> <s>struck</s> <q>quote</q> <abbr title=\"HyperText\">HTML</abbr></p>",
    "<p><small>small</small> <mark>marked</mark> <kbd>Ctrl</kbd> <samp>out</samp> <var>x</var> <cite>c</cite> <time datetime=\"2024-01-01\">new year</time></p>",
    "<p hidden>hidden</p><p>shown <span hidden>not</span></p>",
    "<details><summary>sum</summary>detail</details>",
    "<blockquote>q<p>p</p>tail</blockquote>",
    "<figure><figcaption>cap</figcaption><img src=\"/f.png\" alt=\"f\">loose</figure>",
    "<p>a<br>b<br/>c</p><hr>d",
    "<div><div><div><p>nested</p></div></div></div>",
    "<html><head><title>t</title></head><body><p>whole document</p></body></html>",
    "<body class=x><p>body tag</p>",
    "<frameset><frame src=x></frameset>text",
    "<form><input value=v><button>b</button>text in form</form>after",
    "<select><option>o</select>after",
    "<p>مرحبا <b>بالعالم</b>، سلام‌علیکم</p>",
    "<p>東京 <ruby>漢<rt>kan</rt></ruby></p>",
];

/// Fragments the generator joins, by kind.
const FRAGMENTS: &[&[&str]] = &[
    // Character references.
    &[
        "&amp;",
        "&lt;",
        "&gt",
        "&eacute;",
        "&Eacute",
        "&szlig;",
        "&nbsp;",
        "&shy;",
        "&lrm;",
        "&rlm;",
        "&zwnj;",
        "&colon;",
        "&bdquo;",
        "&hellip;",
        "&rsquo;",
        "&notit;",
        "&notin;",
        "&copy",
        "&ampx",
        "&#146;",
        "&#x80;",
        "&#x9d;",
        "&#0;",
        "&#xD800;",
        "&#x110000;",
        "&#65;",
        "&#x42",
        "&#;",
        "&#x;",
        "&bogus;",
        "&",
        "&&",
        "&Aacute;",
        "&nbsp",
        "&NotNestedGreaterGreater;",
        "&fjlig;",
        "&frac12",
        "&#128512;",
    ],
    // Tables.
    &[
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th>",
        "<tbody>",
        "<thead>",
        "<caption>",
        "</caption>",
        "<colgroup>",
        "<col>",
        "fostered ",
        "<table><tr><td>",
    ],
    // Misnested formatting.
    &[
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<em>",
        "</em>",
        "<strong>",
        "</strong>",
        "<a href=\"/x\">",
        "</a>",
        "<u>",
        "</u>",
        "<s>",
        "<font>",
        "</font>",
    ],
    // Blocks.
    &[
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<ul>",
        "</ul>",
        "<ol>",
        "<li>",
        "</li>",
        "<dl>",
        "<dt>",
        "<dd>",
        "<h2>",
        "</h2>",
        "<blockquote>",
        "</blockquote>",
        "<pre>",
        "</pre>",
        "<br>",
        "<hr>",
        "<figure>",
        "<figcaption>",
        "</figure>",
        "<section>",
    ],
    // Foreign content.
    &[
        "<svg>",
        "</svg>",
        "<math>",
        "</math>",
        "<mi>",
        "<mtext>",
        "<foreignObject>",
        "</foreignObject>",
        "<g>",
        "<title>",
        "<desc>",
        "<annotation-xml encoding=\"text/html\">",
        "<font color=x>",
    ],
    // Comments.
    &["<!--", "-->", "--!>", "<!-->", "<!--->", "<!x>", "<?p?>", "</ x>", "<![CDATA[", "]]>"],
    // Raw text.
    &[
        "<script>",
        "</script>",
        "<!--<script>",
        "<style>",
        "</style>",
        "<textarea>",
        "</textarea>",
        "<title>",
        "</title>",
        "<xmp>",
        "</xmp>",
        "<iframe>",
        "</iframe>",
        "<noembed>",
        "<noframes>",
        "<template>",
        "</template>",
    ],
    // Lazy-load and picture markup.
    &[
        "<noscript>",
        "</noscript>",
        "<img src=\"/i.jpg\" alt=\"i\">",
        "<img src=\"data:image/gif;base64,R0\">",
        "<picture>",
        "</picture>",
        "<source srcset=\"/s.webp\">",
        "<img data-src=\"/lazy.jpg\" alt=\"lazy\">",
        "<img src=\"javascript:x\" alt=\"js\">",
    ],
    // Text.
    &[
        "word ",
        "two words",
        " ",
        "\n",
        "\t",
        "a",
        "1 < 2",
        "x>y",
        "\"quoted\"",
        "مرحبا",
        "سلام\u{200c}علیکم",
        "東京",
        "é",
        "\u{0}",
        "\r\n",
        "<",
        ">",
        "</",
    ],
];

/// A small deterministic generator (xorshift64*), so every engine sees the same inputs.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// `count` generated inputs: 2 to 14 fragments of 1 to 3 kinds each, some cut short.
pub fn generated(count: usize) -> Vec<String> {
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    (0..count)
        .map(|_| {
            let kinds: Vec<usize> = (0..1 + random.below(3)).map(|_| random.below(FRAGMENTS.len())).collect();
            let mut html = String::new();
            for _ in 0..2 + random.below(13) {
                let kind =
                    if random.below(3) == 0 { FRAGMENTS.len() - 1 } else { kinds[random.below(kinds.len())] };
                html.push_str(FRAGMENTS[kind][random.below(FRAGMENTS[kind].len())]);
            }
            if random.below(5) == 0 {
                let cut = random.below(html.len());
                let cut = (0..=cut).rev().find(|&at| html.is_char_boundary(at)).unwrap_or(0);
                html.truncate(cut);
            }
            html
        })
        .collect()
}

/// Every input: the hand-written ones, then `generated` more.
pub fn all(generated_count: usize) -> Vec<String> {
    HAND_WRITTEN.iter().map(|html| (*html).to_owned()).chain(generated(generated_count)).collect()
}

/// The text a person sees of some blocks, in order, without whitespace (where a browser breaks
/// lines and how it collapses spaces is the renderer's business, not the parser's): image
/// descriptions are not shown text.
pub fn shown_text(content_blocks: &[article_reader_core::content::Block]) -> String {
    use article_reader_core::content::{Block, Inline};
    fn inlines(content: &[Inline], out: &mut String) {
        for inline in content {
            match inline {
                Inline::Text(text) | Inline::Code(text) => out.push_str(text),
                Inline::Emphasis(content)
                | Inline::Strong(content)
                | Inline::Span(_, content)
                | Inline::Link { content, .. } => inlines(content, out),
                Inline::Image(_) | Inline::Media(_) | Inline::Anchor(_) | Inline::LineBreak => {}
            }
        }
    }
    fn blocks(content: &[Block], out: &mut String) {
        for block in content {
            match block {
                Block::Paragraph(content) | Block::Heading { content, .. } => inlines(content, out),
                Block::List { items, .. } => items.iter().for_each(|item| inlines(item, out)),
                Block::Definitions(parts) => parts.iter().for_each(|part| inlines(&part.content, out)),
                Block::Quote(content) => blocks(content, out),
                Block::Preformatted(text) => out.push_str(text),
                Block::Figure { content, caption, caption_above: true } => {
                    inlines(caption, out);
                    blocks(content, out);
                }
                Block::Figure { content, caption, caption_above: false } => {
                    blocks(content, out);
                    inlines(caption, out);
                }
                Block::Table { caption, rows } => {
                    inlines(caption, out);
                    rows.iter().flatten().for_each(|cell| inlines(&cell.content, out));
                }
            }
        }
    }
    let mut out = String::new();
    blocks(content_blocks, &mut out);
    without_whitespace(&out)
}

/// `text` without any whitespace.
pub fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
