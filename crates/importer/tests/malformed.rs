//! Inputs that are broken, hostile or strange: each imports to the exact result listed, or fails
//! with the exact reason, and none panics. Several made feed-rs 3.0.0 panic before the fixes in
//! `vendor/feed-rs` (see its PATCHES.md); they stay here as regressions.

use article_reader_importer::{import_feed, ImportedFeed};

/// An RSS 2.0 document whose channel holds `items`, declaring the common namespaces.
fn rss(items: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>{items}</channel></rss>"#
    )
}

enum Expected {
    /// Imports; the items' (id, author names) in order, and the warnings.
    Items(&'static [(&'static str, &'static [&'static str])], &'static [&'static str]),
    /// Is not a feed, for this reason.
    NotAFeed(&'static str),
}
use Expected::*;

fn summary(feed: &ImportedFeed) -> Vec<(String, Vec<String>)> {
    feed.items
        .iter()
        .map(|i| (i.item.id.clone(), i.item.authors.iter().map(|a| a.name.clone()).collect()))
        .collect()
}

#[test]
fn malformed_inputs_import_or_fail_in_words() {
    let long_declaration = format!(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"{}?><rss version=\"2.0\"><channel><title>T</title><item><guid>g</guid><title>x</title></item></channel></rss>",
        " ".repeat(80)
    );
    let cases: Vec<(&str, String, Expected)> = vec![
        ("empty", String::new(), NotAFeed("not a feed: unable to parse feed: no root element")),
        ("plain text", "hello".to_owned(), NotAFeed("not a feed: unable to parse feed: no root element")),
        ("HTML page", "<!doctype html><html><body>hi</body></html>".to_owned(), NotAFeed("not a feed: unable to parse feed: no root element")),
        ("truncated XML", rss("<item><title>x</title>").replace("</channel></rss>", ""), NotAFeed("not a feed: unable to parse XML: Parser error: syntax error: tag not closed: `>` not found before end of input")),
        ("JSON, not a feed", "{\"a\": 1}".to_owned(), NotAFeed("not a feed: unable to parse JSON: missing field `version` at line 1 column 8")),
        ("JSON Feed, wrong version", r#"{"version": "2", "title": "T", "items": []}"#.to_owned(), NotAFeed("not a feed: unsupported version: 2")),
        ("no items", rss(""), Items(&[], &[])),
        ("an empty item", rss("<item></item>"), Items(&[], &["input: item 1: has neither a title nor any content; skipped"])),
        // feed-rs 3.0.0 cut names at a byte, not a character, next to an email address.
        ("em dash before an email", rss("<item><guid>a</guid><title>x</title><author>—desk@example.com</author></item>"), Items(&[("a", &[])], &[])),
        ("name after an email and a dash", rss("<item><guid>a</guid><title>x</title><author>desk@example.com—Desk</author></item>"), Items(&[("a", &["Desk"])], &[])),
        ("quote before an email", rss("<item><guid>a</guid><title>x</title><author>Ana ”ana@example.com</author></item>"), Items(&[("a", &["Ana"])], &[])),
        ("RSS author form", rss("<item><guid>a</guid><title>x</title><author>desk@example.com (World Desk)</author></item>"), Items(&[("a", &["World Desk"])], &[])),
        // feed-rs 3.0.0 switched decoders at any XML declaration, which quick-xml refuses with a panic.
        ("a second declaration", rss("<item><guid>a</guid><title>x<?xml version=\"1.0\" encoding=\"UTF-16\"?></title></item>"), Items(&[("a", &[])], &[])),
        ("a long first declaration", long_declaration, Items(&[("g", &[])], &[])),
        // feed-rs 3.0.0 parsed durations with unwrap() on any Unicode digits and unchecked sums.
        ("Arabic-Indic digits in a duration", rss("<item><guid>a</guid><title>x</title><itunes:duration>٣:٠٠:٠٠</itunes:duration></item>"), Items(&[("a", &[])], &[])),
        ("a duration past u64", rss("<item><guid>a</guid><title>x</title><itunes:duration>99999999999999999999:00:00</itunes:duration></item>"), Items(&[("a", &[])], &[])),
        ("hours that overflow when made seconds", rss("<item><guid>a</guid><title>x</title><itunes:duration>5124095576030432:00:00</itunes:duration></item>"), Items(&[("a", &[])], &[])),
        ("seconds at the end of time", rss("<item><guid>a</guid><title>x</title><itunes:duration>18446744073709551615.999</itunes:duration></item>"), Items(&[("a", &[])], &[])),
        ("a thumbnail time past u64", rss("<item><guid>a</guid><title>x</title><media:thumbnail url=\"https://e.com/i.jpg\" time=\"99999999999999999999:00:00\"/></item>"), Items(&[("a", &[])], &[])),
        ("a date in year 99999", rss("<item><guid>a</guid><title>x</title><pubDate>Thu, 24 Oct 99999 09:30:00 +0000</pubDate></item>"), Items(&[("a", &[])], &[])),
        ("an over-long id", rss(&format!("<item><guid>{}</guid><title>x</title></item>", "i".repeat(20_000))), Items(&[("urn:article-reader:48ef16d95c9ab4ff", &[])], &[])),
        // html5ever takes time in the square of the nesting: 20,000 unclosed <div>s took seconds.
        ("HTML nested 5,000 deep", rss(&format!("<item><guid>deep</guid><description>{}text</description></item>", "&lt;div&gt;".repeat(5_000))), Items(&[("deep", &[])], &["input: item 1 (id \"deep\"): its HTML would take too long to clean (nested thousands deep, or thousands of escapes in one run of text); its text is kept as plain text"])),
        // ammonia takes time in the square of the `&`s in one text node: 100,000 took a second.
        ("50,000 escapes in one paragraph", rss(&format!("<item><guid>amp</guid><description>{}</description></item>", "&amp;amp;".repeat(50_000))), Items(&[("amp", &[])], &["input: item 1 (id \"amp\"): its HTML would take too long to clean (nested thousands deep, or thousands of escapes in one run of text); its text is kept as plain text"])),
        ("XML nested past the parser's limit", rss(&format!("<item><title>x</title>{}{}</item>", "<x>".repeat(70_000), "</x>".repeat(70_000))), NotAFeed("not a feed: unable to parse XML: Parser error: document nests elements deeper than the supported limit of 65535")),
        ("XHTML content nested 60,000 deep", format!("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><id>x</id><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">{}deep{}</div></content></entry></feed>", "<div>".repeat(60_000), "</div>".repeat(60_000)), Items(&[("x", &[])], &["input: item 1 (id \"x\"): its HTML would take too long to clean (nested thousands deep, or thousands of escapes in one run of text); its text is kept as plain text"])),
        ("a body over the reader's limit", rss(&format!("<item><guid>big</guid><description>{}</description></item>", "x".repeat(1_100_000))), Items(&[], &["input: item 1 (id \"big\"): its content_html is 1,100,000 bytes, over the reader's limit of 1,048,576; skipped"])),
    ];
    for (case, input, expected) in cases {
        let imported = import_feed("input", input.as_bytes(), None);
        match (imported, expected) {
            (Ok(feed), Items(items, warnings)) => {
                let expected: Vec<(String, Vec<String>)> = items
                    .iter()
                    .map(|(id, names)| ((*id).to_owned(), names.iter().map(|n| (*n).to_owned()).collect()))
                    .collect();
                assert_eq!(summary(&feed), expected, "{case}: items");
                assert_eq!(feed.warnings, *warnings, "{case}: warnings");
            }
            (Err(error), NotAFeed(reason)) => assert_eq!(error.to_string(), reason, "{case}"),
            (Ok(feed), NotAFeed(reason)) => {
                panic!("{case}: expected {reason:?}, imported {:?}", summary(&feed))
            }
            (Err(error), Items(..)) => panic!("{case}: expected to import, failed: {error}"),
        }
    }
}
