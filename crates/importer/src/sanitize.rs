//! Feed HTML cleaned at import time with ammonia, configured from the reader's own allowlist
//! (`article_reader_core::allowlist`), so the importer keeps exactly what the reader would
//! render and drops the rest before it is ever written down. The reader still reads the result
//! through its allowlist at render time: this is a second wall, not the only one.
//!
//! Relative link and image URLs are made absolute against the item's base when one is known,
//! because the imported feed will be read from somewhere else than the page it came from.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use ammonia::{Builder, UrlRelative};
use article_reader_core::allowlist::{
    ATTRIBUTES, BLOCK_BOUNDARY_ELEMENTS, DROPPED_WITH_CONTENT, LINK_SCHEMES, RENDERED_ELEMENTS,
};
use article_reader_core::SafeUrl;
use url::Url;

/// Cleans `html`, resolving relative URLs against `base` when given (they stay relative
/// otherwise). `None` when cleaning it would take too long (see [`ParseCost`]); no real article
/// comes near that.
pub fn sanitize_html(html: &str, base: Option<&Url>) -> Option<String> {
    ParseCost::of(html).is_affordable().then(|| builder(base).clean(html).to_string())
}

/// An upper estimate, in one pass over the text, of the work html5ever and ammonia do on some
/// HTML, for the two shapes of input the fuzzer found where that work grows with the square of
/// the input (measured: either reaches a tenth of a second at its limit):
/// - `nesting`: start tags times the deepest nesting. The parser looks down the stack of open
///   elements at many start tags: 20,000 unclosed `<div>`s took seconds.
/// - `escapes`: for each run of text that becomes one text node, the `&`s and no-break spaces
///   in it (characters the serialiser escapes) times its length: 100,000 `&amp;`s in one
///   paragraph took a second.
///
/// Stray end tags do not lower the depth, and tags a parser ignores in a body (table parts,
/// `<body>`) do not end a run of text, so neither can hide the cost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseCost {
    pub nesting: u64,
    pub escapes: u64,
}

impl ParseCost {
    /// The most of each the importer hands to the parser. A long real article (100,000 tags,
    /// 30 deep; paragraphs of a few thousand bytes with dozens of `&`s) stays far below.
    pub const MAX: ParseCost = ParseCost { nesting: 20_000_000, escapes: 1_000_000_000 };

    pub fn is_affordable(&self) -> bool {
        self.nesting <= Self::MAX.nesting && self.escapes <= Self::MAX.escapes
    }

    pub fn of(html: &str) -> ParseCost {
        let mut open: HashMap<String, u64> = HashMap::new();
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

fn builder(base: Option<&Url>) -> Builder<'static> {
    let mut builder = Builder::empty();
    builder
        .tags(RENDERED_ELEMENTS.iter().chain(BLOCK_BOUNDARY_ELEMENTS).copied().collect())
        .clean_content_tags(DROPPED_WITH_CONTENT.iter().copied().collect())
        .tag_attributes(tag_attributes())
        .generic_attributes(HashSet::new())
        .url_schemes(LINK_SCHEMES.iter().copied().collect())
        // ammonia adds rel="noopener noreferrer" by default; the reader keeps no `rel` (it sets
        // its own on every link), so it would only be dropped again.
        .link_rel(None)
        .strip_comments(true)
        .url_relative(match base {
            Some(base) => UrlRelative::RewriteWithBase(base.clone()),
            None => UrlRelative::PassThrough,
        })
        // ammonia's scheme check is one list for every URL attribute; the reader's own check
        // also refuses `mailto:` images and reads URLs exactly as a browser would, so a URL it
        // would refuse is never written.
        .attribute_filter(|element, attribute, value| {
            let allowed = match (element, attribute) {
                ("img", "src") => SafeUrl::parse_image(value).is_some(),
                (_, "href" | "src") => SafeUrl::parse(value).is_some(),
                _ => true,
            };
            allowed.then_some(Cow::Borrowed(value))
        });
    builder
}

fn tag_attributes() -> HashMap<&'static str, HashSet<&'static str>> {
    ATTRIBUTES.iter().map(|(element, attributes)| (*element, attributes.iter().copied().collect())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_allowlist_and_nothing_else() {
        let cases = [
            ("<p onclick=\"x()\" style=\"color:red\" class=\"c\" id=\"i\">a</p>", "<p>a</p>"),
            ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
            ("<a href=\"javascript:alert(1)\" title=\"t\">x</a>", "<a title=\"t\">x</a>"),
            ("<a href=\"mailto:desk@example.com\">x</a>", "<a href=\"mailto:desk@example.com\">x</a>"),
            ("<img src=\"mailto:a@b.c\" alt=\"m\">", "<img alt=\"m\">"),
            ("<img src=\"data:image/png;base64,AAAA\" alt=\"d\">", "<img alt=\"d\">"),
            ("<img src=\"/i.png\" srcset=\"x 1x\" alt=\"i\">", "<img src=\"/i.png\" alt=\"i\">"),
            ("<div><span>a</span></div><hr>", "<div>a</div><hr>"),
            ("<svg><a href=\"https://e.com\">x</a></svg>ok", "ok"),
            ("<!-- note -->text", "text"),
        ];
        for (html, expected) in cases {
            assert_eq!(sanitize_html(html, None).as_deref(), Some(expected), "{html}");
        }
    }

    #[test]
    fn resolves_relative_urls_against_the_base() {
        let base = Url::parse("https://example.org/blog/post.html").ok();
        let cases = [
            ("<a href=\"other.html\">x</a>", "<a href=\"https://example.org/blog/other.html\">x</a>"),
            ("<img src=\"/i.png\">", "<img src=\"https://example.org/i.png\">"),
            ("<a href=\"https://elsewhere.net/\">x</a>", "<a href=\"https://elsewhere.net/\">x</a>"),
        ];
        for (html, expected) in cases {
            assert_eq!(sanitize_html(html, base.as_ref()).as_deref(), Some(expected), "{html}");
        }
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

    #[test]
    fn refuses_markup_too_costly_to_parse() {
        let cases = [
            ("<div>".repeat(1_000), true),
            ("<div>".repeat(5_000), false),
            ("<ul><li>".repeat(5_000), false),
            ("<p>x".repeat(200_000), true),
            ("<p>a &amp; b</p>".repeat(20_000), true),
            ("&amp;".repeat(20_000), false),
            ("\u{a0}".repeat(30_000), false),
        ];
        for (html, cleaned) in cases {
            assert_eq!(sanitize_html(&html, None).is_some(), cleaned, "{}…", &html[..20]);
        }
    }
}
