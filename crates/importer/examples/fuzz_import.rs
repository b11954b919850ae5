//! A dependency-free fuzzer for the importer's whole path: bytes through feed-rs, the mapping,
//! ammonia and the merge, into a document the reader's validator must load with nothing
//! skipped.
//!
//! ```sh
//! cargo run --release -p article-reader-importer --example fuzz_import -- 1000000      # inputs to try
//! cargo run --release -p article-reader-importer --example fuzz_import -- 1000000 7    # ... from seed 7
//! ```
//!
//! Inputs are random bytes; well-formed feeds in each format whose every field is a hostile or
//! mutated value (they get past the parser, so the mapping and the sanitiser see the worst);
//! and the hand-written fixture feeds (RSS 0.91, 0.92, 1.0 and 2.0, Atom, JSON Feed) mutated by
//! byte flips, insertions, deletions, duplications and splices of XML, feed and JSON tokens. A panic, or an output the reader would not load whole, prints the
//! input (and writes it to `fuzz-crash.bin`) and ends the run. Deterministic: the same count and
//! seed try the same inputs. The harness is the core fuzzer's (`support/fuzzing.rs`).

#[path = "../../core/examples/support/fuzzing.rs"]
mod fuzzing;

use article_reader_core::load_feed;
use article_reader_importer::{import_feed, merge, MergeOptions};
use url::Url;

const FIXTURES: &[&str] = &[
    include_str!("../tests/fixtures/rss-0.91.xml"),
    include_str!("../tests/fixtures/rss-0.92.xml"),
    include_str!("../tests/fixtures/rss-1.0.rdf"),
    include_str!("../tests/fixtures/rss-2.0.xml"),
    include_str!("../tests/fixtures/atom.xml"),
    include_str!("../tests/fixtures/feed.json"),
];

const TOKENS: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "\"",
    "'",
    "=",
    "&",
    "&amp;",
    "&lt;",
    "&#",
    "&#x",
    "&#0;",
    "&#xD800;",
    ";",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
    "<!DOCTYPE x [<!ENTITY e \"&e;&e;\">]>",
    "<item>",
    "</item>",
    "<entry>",
    "</entry>",
    "<title>",
    "</title>",
    "<link>",
    "<link href=\"",
    "<guid>",
    "<id>",
    "<description>",
    "<content:encoded>",
    "<content type=\"xhtml\">",
    "<content type=\"html\">",
    "<content src=\"",
    "<summary type=\"html\">",
    "<author>",
    "<author>—desk@example.com</author>",
    "<author>desk@example.com—Desk</author>",
    "<dc:creator>",
    "<category>",
    "<category term=\"",
    " label=\"",
    "<pubDate>",
    "<updated>",
    "<published>",
    "<dc:date>",
    "Thu, 24 Oct 2024 09:30:00 +0500",
    "2024-02-29T23:59:60Z",
    "99999-12-31T23:59:59Z",
    "-0001-01-01T00:00:00Z",
    " xml:base=\"",
    " xml:lang=\"",
    "<media:thumbnail url=\"",
    "<media:content url=\"",
    "<media:group>",
    "<media:description>",
    "<media:credit>",
    " duration=\"99999999999999999999\"",
    "<itunes:duration xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">99999999999999999999:00:00</itunes:duration>",
    "<itunes:duration xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">٣:٠٠:٠٠</itunes:duration>",
    "<itunes:duration xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">18446744073709551615.999</itunes:duration>",
    " time=\"5124095576030431:00:00.5\"",
    "<enclosure url=\"",
    " type=\"image/png\"",
    " type=\"",
    "<rss version=\"2.0\">",
    "<rss version=\"0.91\">",
    "<rdf:RDF>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "null",
    "1e999",
    "\\u0000",
    "\\ud800",
    "\"id\":",
    "\"url\":",
    "\"image\":",
    "\"content_html\":",
    "\"authors\":[{\"name\":",
    "\"_article_reader\":",
    "<script>",
    "<svg>",
    "<img src=",
    "<a href=",
    "javascript:",
    "java\tscript:",
    "data:",
    "mailto:",
    "//evil.example/",
    "../",
    "http://[::1",
    "%",
    "\u{0}",
    "\u{feff}",
    "é",
    "—",
    "東",
    "ש",
    "ع",
    "\u{202e}",
    "\u{10ffff}",
];

/// Values a synthetic feed's fields are drawn from (and then, often, mutated): hostile HTML,
/// odd dates, unsafe and relative URLs, names and tags in several scripts.
const VALUES: &[&str] = &[
    "",
    " ",
    "Plain words",
    "<p>Para <b>bold</b> <a href=\"/rel\">rel</a> <img src=\"img.png\" alt=\"i\"></p>",
    "<script>alert(1)</script><p onclick=\"x()\">text</p>",
    "<a href=\"javascript:alert(1)\">x</a><img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
    "<svg><foreignObject><p>in svg</p></foreignObject></svg><math><mi>x</mi></math>",
    "<table><tr><td>a<td>b</table><ul><li>one<li>two</ul><figure><img src=x><figcaption>c</figcaption></figure>",
    "<div><div><div><p>deep</p></div></div></div><hr><pre>  pre\n  text</pre>",
    "<style>p{}</style><iframe src=x>f</iframe><noscript><p>n</p></noscript><template><p>t</p></template>",
    "&amp;lt;b&amp;gt;double escaped&amp;lt;/b&amp;gt;",
    "Thu, 24 Oct 2024 09:30:00 +0500",
    "2024-10-24T09:30:00Z",
    "2024-02-30T00:00:00Z",
    "99999-01-01T00:00:00Z",
    "yesterday",
    "https://example.com/a",
    "/relative/path",
    "../up",
    "//protocol.relative/x",
    "javascript:alert(1)",
    "mailto:desk@example.com",
    "http://[::1",
    "Desk Editor",
    "desk@example.com (Desk)",
    "—ana@example.com",
    "Politics",
    " politics ",
    "مصر",
    "עברית",
    "東京",
    "\u{202e}reversed",
];

/// The shape of a synthetic feed: its start, its item templates (one is picked per item) and
/// its end, where every `§` becomes a value escaped for the format.
struct Template {
    head: &'static str,
    items: &'static [&'static str],
    separator: &'static str,
    tail: &'static str,
    json: bool,
}

const TEMPLATES: &[Template] = &[
    Template {
        head: r#"<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>§</title><link>§</link>"#,
        items: &[
            r#"<item><title>§</title><link>§</link><guid>§</guid><pubDate>§</pubDate><author>§</author><dc:creator>§</dc:creator><category>§</category><category>§</category><description>§</description><content:encoded>§</content:encoded><media:thumbnail url="§"/><media:content url="§" type="image/jpeg"><media:description>§</media:description><media:credit>§</media:credit></media:content><enclosure url="§" type="image/png"/></item>"#,
        ],
        separator: "",
        tail: "</channel></rss>",
        json: false,
    },
    Template {
        head: r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="§"><title>§</title><link href="§"/>"#,
        items: &[
            r#"<entry xml:base="§"><id>§</id><title type="html">§</title><link href="§"/><link rel="enclosure" type="image/png" href="§"/><published>§</published><updated>§</updated><author><name>§</name><uri>§</uri></author><category term="§" label="§"/><summary type="html">§</summary><content type="html" xml:lang="§">§</content></entry>"#,
            r#"<entry><id>§</id><title>§</title><link href="§"/><updated>§</updated><content type="text">§</content></entry>"#,
            r#"<entry><id>§</id><link href="§"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p><a href="§">a</a></div></content></entry>"#,
        ],
        separator: "",
        tail: "</feed>",
        json: false,
    },
    Template {
        head: r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>§</title><link>§</link></channel>"#,
        items: &[
            r#"<item><title>§</title><link>§</link><description>§</description><content:encoded>§</content:encoded><dc:date>§</dc:date><dc:creator>§</dc:creator></item>"#,
        ],
        separator: "",
        tail: "</rdf:RDF>",
        json: false,
    },
    Template {
        head: r#"<rss version="0.91"><channel><title>§</title><link>§</link>"#,
        items: &["<item><title>§</title><link>§</link><description>§</description></item>"],
        separator: "",
        tail: "</channel></rss>",
        json: false,
    },
    Template {
        head: r#"{"version": "https://jsonfeed.org/version/1.1", "title": §, "home_page_url": §, "items": ["#,
        items: &[
            r#"{"id": §, "url": §, "title": §, "content_html": §, "content_text": §, "summary": §, "image": §, "banner_image": §, "date_published": §, "date_modified": §, "tags": [§, §], "authors": [{"name": §, "url": §}], "_article_reader": {"highlights": [§], "image_caption": §}}"#,
        ],
        separator: ",",
        tail: "]}",
        json: true,
    },
];

/// A well-formed feed in one of the formats, whose fields are drawn from [`VALUES`], most of
/// them mutated: it gets past the parser, so the mapping, the sanitiser and the reader's
/// validator see hostile values in every field.
fn synthetic_feed(rng: &mut fuzzing::Rng) -> Vec<u8> {
    let template = &TEMPLATES[rng.below(TEMPLATES.len())];
    let mut out = String::new();
    fill(&mut out, template.head, template.json, rng);
    for n in 0..rng.below(6) {
        if n > 0 {
            out.push_str(template.separator);
        }
        fill(&mut out, template.items[rng.below(template.items.len())], template.json, rng);
    }
    out.push_str(template.tail);
    out.into_bytes()
}

/// Appends `template` with each `§` replaced by a value, escaped as JSON or XML text.
fn fill(out: &mut String, template: &str, json: bool, rng: &mut fuzzing::Rng) {
    let mut pieces = template.split('§');
    out.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        let base = VALUES[rng.below(VALUES.len())].as_bytes();
        let bytes = if rng.below(3) == 0 { base.to_vec() } else { fuzzing::mutate(rng, base, TOKENS) };
        let value = String::from_utf8_lossy(&bytes);
        if json {
            out.push_str(&serde_json::to_string(&value).unwrap_or_default());
        } else {
            // Characters XML forbids would only make the document fail to parse.
            let allowed = |c: &char| {
                matches!(c, '\t' | '\n' | '\r') || (*c >= ' ' && !matches!(c, '\u{fffe}' | '\u{ffff}'))
            };
            for c in value.chars().filter(allowed) {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    c => out.push(c),
                }
            }
        }
        out.push_str(piece);
    }
}

/// Imports `input` with and without a base URL and merges what imported; returns how many
/// items the merged feed has, or `None` when the input was not a feed.
fn exercise(input: &[u8]) -> Option<usize> {
    let fetched_from = Url::parse("https://feeds.example.com/path/feed.xml").ok();
    let with_base = import_feed("fuzz-a", input, fetched_from.as_ref());
    let without_base = import_feed("fuzz-b", input, None);
    let feeds: Vec<_> = [with_base, without_base].into_iter().filter_map(Result::ok).collect();
    if feeds.is_empty() {
        return None;
    }
    let merged = merge(feeds, &MergeOptions { title: None, max_items: Some(50) });
    // Every output must load in the reader whole: a refusal here is an importer bug.
    assert!(merged.refused.is_empty(), "the reader refused imported items: {:?}", merged.refused);
    match load_feed(&merged.json) {
        Ok(loaded) => assert!(loaded.skipped.is_empty(), "the reader skipped {:?}", loaded.skipped),
        Err(error) => panic!("the reader cannot load the import: {error:?}"),
    }
    Some(merged.item_count)
}

fn main() {
    let (count, seed) = fuzzing::count_and_seed();
    let bases: Vec<String> = FIXTURES.iter().map(|f| (*f).to_owned()).collect();
    let next_input = |rng: &mut fuzzing::Rng| match rng.below(8) {
        0 => fuzzing::random_bytes(rng),
        1..=3 => synthetic_feed(rng),
        _ => {
            let base = &bases[rng.below(bases.len())];
            fuzzing::mutated(rng, base.as_bytes(), TOKENS)
        }
    };
    let (mut feeds, mut items) = (0u64, 0u64);
    fuzzing::run(count, seed, next_input, |input| {
        if let Some(count) = exercise(input) {
            feeds += 1;
            items += count as u64;
        }
    });
    println!(
        "fuzz: {feeds} of {count} inputs were feeds; the reader loaded all {items} items imported from them"
    );
}
