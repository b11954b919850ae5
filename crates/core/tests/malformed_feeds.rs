//! A table of broken feeds: for each, the exact message a person sees and which articles
//! survive. One line per case; `ok(...)` cases list surviving ids, then the skipped-item reports;
//! `kept(...)` cases list surviving ids, then the reports of fields left out of them.

use article_reader_core::interface::text::Ui;
use article_reader_core::{load_feed, load_feed_with_limits, Limits};

enum Expected {
    Fatal(&'static str),
    Loads {
        ids: &'static [&'static str],
        skipped: &'static [&'static str],
        left_out: &'static [&'static str],
    },
}
use Expected::*;

const fn ok(ids: &'static [&'static str], skipped: &'static [&'static str]) -> Expected {
    Loads { ids, skipped, left_out: &[] }
}

const fn kept(ids: &'static [&'static str], left_out: &'static [&'static str]) -> Expected {
    Loads { ids, skipped: &[], left_out }
}

/// A feed whose items are `items` (a JSON array's inside).
fn feed(items: &str) -> String {
    format!(r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{items}]}}"#)
}

fn check(
    case: &str,
    json: &str,
    loaded: Result<article_reader_core::LoadedFeed, article_reader_core::FeedError>,
    expected: &Expected,
) {
    match (loaded, expected) {
        (Err(error), Fatal(message)) => assert_eq!(Ui::default().feed_error(&error), *message, "{case}"),
        (Ok(loaded), Loads { ids, skipped, left_out }) => {
            let got_ids: Vec<&str> = loaded.feed.articles.iter().map(|a| a.id.as_str()).collect();
            assert_eq!(got_ids, *ids, "{case}: surviving ids");
            let got: Vec<String> = loaded.skipped.iter().map(|p| Ui::default().item_problem(p)).collect();
            assert_eq!(got, *skipped, "{case}: skipped items");
            let got: Vec<String> = loaded.left_out.iter().map(|p| Ui::default().item_problem(p)).collect();
            assert_eq!(got, *left_out, "{case}: fields left out");
        }
        (Err(error), Loads { .. }) => panic!("{case}: expected to load, failed with {error:?}\n{json}"),
        (Ok(_), Fatal(message)) => panic!("{case}: expected {message:?}, but it loaded\n{json}"),
    }
}

#[test]
fn document_level_problems() {
    let v = r#""version": "https://jsonfeed.org/version/1.1""#;
    let cases: Vec<(&str, String, Expected)> = vec![
        ("empty", "".into(), Fatal("The feed is not valid JSON: EOF while parsing a value (line 1, column 0).")),
        ("whitespace", "  \n ".into(), Fatal("The feed is not valid JSON: EOF while parsing a value (line 2, column 1).")),
        ("truncated", format!("{{{v}, \"title\": \"T\", \"items\": [")
            , Fatal("The feed is not valid JSON: EOF while parsing a list (line 1, column 72).")),
        ("trailing comma", format!("{{{v}, \"title\": \"T\", \"items\": [],}}"), Fatal("The feed is not valid JSON: trailing comma (line 1, column 75).")),
        ("single quotes", "{'version': 1}".into(), Fatal("The feed is not valid JSON: key must be a string (line 1, column 2).")),
        ("html instead of json", "<!doctype html><title>404</title>".into(), Fatal("The feed is not valid JSON: expected value (line 1, column 1).")),
        ("trailing garbage", format!("{{{v}, \"title\": \"T\", \"items\": []}} x"), Fatal("The feed is not valid JSON: trailing characters (line 1, column 76).")),
        ("array at top", "[]".into(), Fatal("The feed is not a JSON Feed: the document is not a JSON object.")),
        ("string at top", "\"feed\"".into(), Fatal("The feed is not a JSON Feed: the document is not a JSON object.")),
        ("null at top", "null".into(), Fatal("The feed is not a JSON Feed: the document is not a JSON object.")),
        ("no version", r#"{"title": "T", "items": []}"#.into(), Fatal("The feed's `version` is missing; a JSON Feed names its version, such as \"https://jsonfeed.org/version/1.1\".")),
        ("numeric version", r#"{"version": 1.1, "title": "T", "items": []}"#.into(), Fatal("The feed's `version` is the number 1.1, not a JSON Feed version URL such as \"https://jsonfeed.org/version/1.1\".")),
        ("JSON Feed 1.0's own version URL", r#"{"version": "http://jsonfeed.org/version/1", "title": "T", "items": []}"#.into(), ok(&[], &[])),
        ("a byte-order mark first", format!("\u{feff}{{{v}, \"title\": \"T\", \"items\": []}}"), ok(&[], &[])),
        ("another version URL", r#"{"version": "https://example.com/feed/1", "title": "T", "items": []}"#.into(), Fatal("The feed's `version` is the string \"https://example.com/feed/1\", not a JSON Feed version URL such as \"https://jsonfeed.org/version/1.1\".")),
        ("no title", format!("{{{v}, \"items\": []}}"), Fatal("The feed's `title` is missing.")),
        ("blank title", format!("{{{v}, \"title\": \"  \", \"items\": []}}"), Fatal("The feed's `title` must be a non-empty string, not the string \"  \".")),
        ("array title", format!("{{{v}, \"title\": [\"T\"], \"items\": []}}"), Fatal("The feed's `title` must be a non-empty string, not an array.")),
        ("no items", format!("{{{v}, \"title\": \"T\"}}"), Fatal("The feed's `items` is missing.")),
        ("null items", format!("{{{v}, \"title\": \"T\", \"items\": null}}"), Fatal("The feed's `items` is missing.")),
        ("items object", format!("{{{v}, \"title\": \"T\", \"items\": {{}}}}"), Fatal("The feed's `items` must be an array, not an object.")),
        ("deep nesting", format!("{{{v}, \"title\": \"T\", \"items\": [], \"x\": {}{}}}", "[".repeat(200), "]".repeat(200)), Fatal("The feed is not valid JSON: arrays and objects nest more than 128 levels deep (line 1, column 207).")),
        ("empty items", feed(""), ok(&[], &[])),
    ];
    for (case, json, expected) in &cases {
        check(case, json, load_feed(json), expected);
    }
}

#[test]
fn item_level_problems() {
    let good = r#"{"id": "good", "content_text": "Fine."}"#;
    let cases: Vec<(&str, String, Expected)> = vec![
        ("null item", feed(&format!("null, {good}")), ok(&["good"], &["item 1: item is null, not an object"])),
        ("string item", feed(&format!(r#""x", {good}"#)), ok(&["good"], &["item 1: item is the string \"x\", not an object"])),
        ("array item", feed(&format!("[], {good}")), ok(&["good"], &["item 1: item is an array, not an object"])),
        ("empty object", feed(&format!("{{}}, {good}")), ok(&["good"], &["item 1: id is missing"])),
        ("blank id", feed(r#"{"id": " ", "content_text": "x"}"#), ok(&[], &["item 1: id is blank"])),
        ("empty id", feed(r#"{"id": "", "content_text": "x"}"#), ok(&[], &["item 1: id is blank"])),
        ("null id", feed(r#"{"id": null, "content_text": "x"}"#), ok(&[], &["item 1: id is missing"])),
        ("object id", feed(r#"{"id": {"a": 1}, "content_text": "x"}"#), ok(&[], &["item 1: id must be a string, not an object"])),
        ("number id coerced", feed(r#"{"id": 42, "content_text": "x"}, {"id": 4.5, "content_text": "y"}"#), ok(&["42", "4.5"], &[])),
        ("duplicate ids", feed(r#"{"id": "a", "content_text": "1"}, {"id": "b", "content_text": "2"}, {"id": "a", "content_text": "3"}, {"id": 7, "content_text": "4"}, {"id": "7", "content_text": "5"}"#),
            ok(&["a", "b", "7"], &["item 3 (id \"a\"): id repeats an earlier item's id; the first one is kept", "item 5 (id \"7\"): id repeats an earlier item's id; the first one is kept"])),
        ("no content", feed(r#"{"id": "a", "title": "Only a title"}"#), ok(&[], &["item 1 (id \"a\"): content_html and content_text are both missing; an item needs one"])),
        ("numeric content", feed(r#"{"id": "a", "content_html": 5}"#), ok(&[], &["item 1 (id \"a\"): content_html must be a string, not the number 5"])),
        ("object title", feed(r#"{"id": "a", "content_text": "x", "title": {"en": "T"}}"#), kept(&["a"], &["item 1 (id \"a\"): title must be a string, not an object"])),
        ("bad date", feed(r#"{"id": "a-12", "content_text": "x", "date_published": "yesterday"}"#), kept(&["a-12"], &["item 1 (id \"a-12\"): date_published \"yesterday\" is not a date the reader can read (RFC 3339 such as \"2024-10-25T09:30:00+05:00\", or RFC 822 such as \"Fri, 25 Oct 2024 09:30:00 +0500\"); the article is undated"])),
        ("date without zone", feed(r#"{"id": "a", "content_text": "x", "date_modified": "2024-10-25T10:00:00"}"#), kept(&["a"], &["item 1 (id \"a\"): date_modified \"2024-10-25T10:00:00\" is not a date the reader can read (RFC 3339 such as \"2024-10-25T09:30:00+05:00\", or RFC 822 such as \"Fri, 25 Oct 2024 09:30:00 +0500\"); it is left out"])),
        ("rfc 822 date", feed(r#"{"id": "a", "content_text": "x", "date_published": "Fri, 25 Oct 2024 10:00:00 GMT"}"#), ok(&["a"], &[])),
        ("numeric date", feed(r#"{"id": "a", "content_text": "x", "date_published": 1729850000}"#), kept(&["a"], &["item 1 (id \"a\"): date_published must be a string, not the number 1729850000"])),
        ("tags string", feed(r#"{"id": "a", "content_text": "x", "tags": "a,b"}"#), kept(&["a"], &["item 1 (id \"a\"): tags must be an array of strings, not the string \"a,b\""])),
        ("non-string tag", feed(r#"{"id": "a", "content_text": "x", "tags": ["a", null]}"#), kept(&["a"], &["item 1 (id \"a\"): tags must be an array of strings, but holds null"])),
        ("blank tags dropped", feed(r#"{"id": "a", "content_text": "x", "tags": ["", "  "]}"#), ok(&["a"], &[])),
        ("authors object", feed(r#"{"id": "a", "content_text": "x", "authors": {"name": "A"}}"#), kept(&["a"], &["item 1 (id \"a\"): authors must be an array of author objects, not an object"])),
        ("author string", feed(r#"{"id": "a", "content_text": "x", "authors": ["A", {"name": "B"}]}"#), kept(&["a"], &["item 1 (id \"a\"): authors must hold author objects, but holds the string \"A\""])),
        ("author url", feed(r#"{"id": "a", "content_text": "x", "authors": [{"name": "B", "url": "javascript:x", "avatar": "javascript:y"}]}"#), kept(&["a"], &["item 1 (id \"a\"): authors url \"javascript:x\" is not an http(s) or relative URL", "item 1 (id \"a\"): authors avatar \"javascript:y\" is not an http(s) or relative URL"])),
        ("javascript url", feed(r#"{"id": "a", "content_text": "x", "url": " JAVASCRIPT:alert(1)"}"#), kept(&["a"], &["item 1 (id \"a\"): url \" JAVASCRIPT:alert(1)\" is not an http(s) or relative URL"])),
        ("urn url is an identity", feed(r#"{"id": "a", "content_text": "x", "url": "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427"}, {"content_text": "y", "url": "tag:example.com,2024:post-7"}"#), ok(&["a", "tag:example.com,2024:post-7"], &[])),
        ("data image", feed(r#"{"id": "a", "content_text": "x", "image": "data:image/svg+xml,<svg/onload=alert(1)>"}"#), kept(&["a"], &["item 1 (id \"a\"): image \"data:image/svg+xml,<svg/onload=alert(1)>\" is not an http(s) or relative URL"])),
        ("bad image, good banner", feed(r#"{"id": "a", "content_text": "x", "image": "javascript:x", "banner_image": "https://e.com/b.png"}"#), kept(&["a"], &["item 1 (id \"a\"): image \"javascript:x\" is not an http(s) or relative URL"])),
        ("vbscript external url", feed(r#"{"id": "a", "content_text": "x", "external_url": "vbscript:x"}"#), kept(&["a"], &["item 1 (id \"a\"): external_url \"vbscript:x\" is not an http(s) or relative URL"])),
        ("control characters quoted", feed("{\"id\": \"a\\u0007b\", \"content_text\": \"x\", \"date_published\": \"\\n\"}"), kept(&["a\u{7}b"], &["item 1 (id \"a\\u{0007}b\"): date_published \"\\n\" is not a date the reader can read (RFC 3339 such as \"2024-10-25T09:30:00+05:00\", or RFC 822 such as \"Fri, 25 Oct 2024 09:30:00 +0500\"); the article is undated"])),
        ("extension wrong type", feed(r#"{"id": "a", "content_text": "x", "_article_reader": "x"}"#), kept(&["a"], &["item 1 (id \"a\"): _article_reader must be an object, not the string \"x\""])),
        ("unknown extensions ignored", feed(r#"{"id": "a", "content_text": "x", "_other": [1, {"b": null}], "unknown": true}"#), ok(&["a"], &[])),
        ("three bad of ten", feed(&(1..=10).map(|n| if n % 3 == 0 { format!(r#"{{"id": "n{n}"}}"#) } else { format!(r#"{{"id": "n{n}", "content_text": "x"}}"#) }).collect::<Vec<_>>().join(",")),
            ok(&["n1", "n2", "n4", "n5", "n7", "n8", "n10"], &[
                "item 3 (id \"n3\"): content_html and content_text are both missing; an item needs one",
                "item 6 (id \"n6\"): content_html and content_text are both missing; an item needs one",
                "item 9 (id \"n9\"): content_html and content_text are both missing; an item needs one",
            ])),
    ];
    assert!(cases.len() >= 25);
    for (case, json, expected) in &cases {
        check(case, json, load_feed(json), expected);
    }
}

#[test]
fn limits_are_reported_in_words() {
    let small = Limits { max_feed_bytes: 400, max_items: 2, max_content_bytes: 20, max_text_bytes: 8 };
    let long_tag = feed(r#"{"id": "a", "content_text": "x", "tags": ["short", "far too long"]}"#);
    let cases: Vec<(&str, String, Expected)> = vec![
        (
            "document too large",
            format!("{}{}", feed(""), " ".repeat(400)),
            Fatal("The feed is 474 bytes, larger than the 400 bytes this reader accepts."),
        ),
        (
            "content too long",
            feed(r#"{"id": "a", "content_html": "<p>twenty-one bytes</p>"}"#),
            ok(&[], &["item 1 (id \"a\"): content_html is 23 bytes, over the limit of 20"]),
        ),
        (
            "title too long",
            feed(r#"{"id": "a", "content_text": "x", "title": "123456789"}"#),
            ok(&[], &["item 1 (id \"a\"): title is 9 bytes, over the limit of 8"]),
        ),
        (
            "tag too long",
            long_tag,
            ok(&[], &["item 1 (id \"a\"): tags holds a string of 12 bytes, over the limit of 8"]),
        ),
        (
            "id too long",
            feed(r#"{"id": "123456789", "content_text": "x"}"#),
            ok(&[], &["item 1 (id \"123456789\"): id is 9 bytes, over the limit of 8"]),
        ),
        (
            "items over the limit",
            feed(
                r#"{"id": "a", "content_text": "x"}, {"id": "b", "content_text": "x"}, {"id": "c", "content_text": "x"}"#,
            ),
            ok(&["a", "b"], &[]),
        ),
    ];
    for (case, json, expected) in &cases {
        check(case, json, load_feed_with_limits(json, &small), expected);
    }
    let three = feed(
        r#"{"id": "a", "content_text": "x"}, {"id": "b", "content_text": "x"}, {"id": "c", "content_text": "x"}"#,
    );
    let loaded = load_feed_with_limits(&three, &small).ok();
    let over = loaded.and_then(|l| l.over_limit(&small));
    let message = over.map(|(items, limit)| Ui::default().over_limit(items, limit));
    assert_eq!(message.as_deref(), Some("This feed has 3 items; the reader shows the first 2, its limit."));
    assert_eq!(Limits::default().max_feed_bytes, 64 * 1024 * 1024);
}

#[test]
fn sizes_and_numbers_read_well() {
    let cases = [
        (0, "0 bytes"),
        (1, "1 byte"),
        (1023, "1023 bytes"),
        (1024, "1 KiB"),
        (1536, "1.5 KiB"),
        (64 * 1024 * 1024, "64 MiB"),
        (70_000_000, "66.8 MiB"),
    ];
    for (bytes, expected) in cases {
        assert_eq!(article_reader_core::human_bytes(bytes), expected);
    }
    let cases = [(0, "0"), (999, "999"), (1000, "1,000"), (100_000, "100,000"), (1_234_567, "1,234,567")];
    for (n, expected) in cases {
        assert_eq!(article_reader_core::group_digits(n), expected);
    }
}
