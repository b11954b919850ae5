//! Feed HTML cleaned at import time with ammonia, configured from the reader's own allowlist
//! (`article_reader_core::content::allowlist`), so the importer keeps exactly what the reader would
//! render and drops the rest before it is ever written down. The reader still reads the result
//! through its allowlist at render time: this is a second wall, not the only one.
//!
//! Relative link and image URLs are made absolute against the item's base when one is known,
//! because the imported feed will be read from somewhere else than the page it came from.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use ammonia::{Builder, UrlRelative};
use article_reader_core::content::allowlist::{
    ATTRIBUTES, BLOCK_BOUNDARY_ELEMENTS, DROPPED_WITH_CONTENT, GLOBAL_ATTRIBUTES, LINK_SCHEMES,
    RENDERED_ELEMENTS,
};
use article_reader_core::content::native::ParseCost;
use article_reader_core::content::srcset;
use article_reader_core::content::Native;
use article_reader_core::url::Base;
use article_reader_core::SafeUrl;
use url::Url;

/// Cleans `html`, resolving relative URLs against `base` when given (they stay relative
/// otherwise). `None` when cleaning it would take too long (see [`ParseCost`]); no real article
/// comes near that.
pub fn sanitize_html(html: &str, base: Option<&Url>) -> Option<String> {
    let cost = ParseCost::of(html);
    (cost.is_affordable() && cost.escapes <= MAX_ESCAPES).then(|| builder(base).clean(html).to_string())
}

/// The most escapes (see [`ParseCost::escapes`]) handed to ammonia: 100,000 `&amp;`s in one
/// paragraph took its serialiser a second. Paragraphs of a few thousand bytes with dozens of
/// `&`s stay far below.
const MAX_ESCAPES: u64 = 1_000_000_000;

fn builder(base: Option<&Url>) -> Builder<'static> {
    let base_text = base.map(Url::to_string);
    let mut builder = Builder::empty();
    builder
        .tags(RENDERED_ELEMENTS.iter().chain(BLOCK_BOUNDARY_ELEMENTS).copied().collect())
        // ammonia's parser reads `<noscript>` as a browser with script does, its content as
        // text; the reader reads it as markup (the lazy-load pattern's real image), which
        // ammonia cannot, so the importer drops it whole rather than write that text out.
        .clean_content_tags(DROPPED_WITH_CONTENT.iter().copied().chain(["noscript"]).collect())
        .tag_attributes(tag_attributes())
        .generic_attributes(GLOBAL_ATTRIBUTES.iter().copied().collect())
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
        .attribute_filter(move |element, attribute, value| {
            let allowed = match (element, attribute) {
                // ammonia knows no `srcset`: each of its URLs is checked and resolved here.
                (_, "srcset") => {
                    let base = Base { url: base_text.as_deref(), platform: &Native };
                    return srcset(value, &base).map(Cow::Owned);
                }
                ("img" | "video" | "audio" | "source", "src") | (_, "poster") => {
                    SafeUrl::parse_image(value).is_some()
                }
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
            ("<p onclick=\"x()\" style=\"color:red\" class=\"c\" id=\"i\">a</p>", "<p id=\"i\">a</p>"),
            ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
            ("<a href=\"javascript:alert(1)\" title=\"t\">x</a>", "<a title=\"t\">x</a>"),
            ("<a href=\"mailto:desk@example.com\">x</a>", "<a href=\"mailto:desk@example.com\">x</a>"),
            ("<img src=\"mailto:a@b.c\" alt=\"m\">", "<img alt=\"m\">"),
            ("<img src=\"data:image/png;base64,AAAA\" alt=\"d\">", "<img alt=\"d\">"),
            (
                "<img src=\"/i.png\" srcset=\"x 1x, javascript:y 2x\" alt=\"i\">",
                "<img src=\"/i.png\" srcset=\"x 1x\" alt=\"i\">",
            ),
            (
                "<video src=\"javascript:x\" poster=\"data:x\" autoplay><source src=\"/v.mp4\"></video>",
                "<video><source src=\"/v.mp4\"></video>",
            ),
            ("<p>a<noscript><img src=\"/i.png\"></noscript>b</p>", "<p>ab</p>"),
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
