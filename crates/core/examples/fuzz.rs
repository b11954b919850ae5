//! A dependency-free fuzzer for everything in the core that reads untrusted text: the feed
//! loader, the HTML reader (html5ever and the allowlist walk, the path the importer and the
//! tests share with the browser's parser), search's quick scan of HTML, routes, URLs and dates.
//!
//! ```sh
//! cargo run --release -p article-reader-core --example fuzz -- 1000000        # inputs to try
//! cargo run --release -p article-reader-core --example fuzz -- 1000000 7      # ... from seed 7
//! ```
//!
//! Inputs are random bytes, and valid feeds (the bundled one and a synthetic one full of HTML)
//! mutated by byte flips, insertions, deletions, duplications and splices of JSON and HTML
//! tokens. A panic prints the input (and writes it to `fuzz-crash.bin`) before the process ends;
//! the run also reports the slowest input (kept in the temp folder as `fuzz-slowest.bin`), so a
//! quadratic path shows up as a number.
//! Deterministic: the same count and seed try the same inputs. The harness (random numbers,
//! mutations, the run loop) is `support/fuzzing.rs`, shared with the importer's fuzzer.

mod support {
    pub mod fuzzing;
}

use article_reader_core::content::Native;
use article_reader_core::content::{blocks_from_html, blocks_from_text, search_text, References};
use article_reader_core::{load_feed, Route, SafeUrl, SearchIndex, Timestamp};
use support::fuzzing;

const SEED_FEED: &str = include_str!("../../../feeds/seed.json");

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "true",
    "1e999",
    "-0",
    "\\u0000",
    "\\ud800",
    "\\\"",
    "\"id\":",
    "\"items\":",
    "\"tags\":",
    "\"content_html\":",
    "\"date_published\":",
    "\"_article_reader\":",
    "<",
    ">",
    "</",
    "/>",
    "<p>",
    "</p>",
    "<script>",
    "</script>",
    "<svg>",
    "</svg>",
    "<a href=",
    "<img src=",
    "<li>",
    "<ul>",
    "<table>",
    "<!--",
    "-->",
    "<!--<script>",
    "<noscript>",
    "<picture>",
    "<plaintext>",
    "<textarea>",
    "<caption>",
    "<math>",
    "<annotation-xml encoding=\"text/html\">",
    "<foreignObject>",
    "&#146;",
    "&notit;",
    "&eacute",
    "<![CDATA[",
    "&",
    "&#",
    "&#x",
    ";",
    "&amp;",
    "&nbsp",
    "javascript:",
    "java\tscript:",
    "data:",
    "%",
    "%2F",
    "#/article/",
    "?tag=",
    "&tag=",
    "T",
    "Z",
    "+05:00",
    "2024-02-29T23:59:60Z",
    "\u{0}",
    "\u{feff}",
    "é",
    "東",
    "\u{202e}",
    "\u{10ffff}",
];

fn synthetic_feed() -> String {
    let items: Vec<String> = (0..6)
        .map(|n| {
            format!(
                r#"{{"id": "{n}", "title": "Item {n} &amp; <b>co</b>", "summary": "S", "content_html": "<h2>Sub</h2><p>Text <a href=\"https://e.com/{n}\">link</a> <em>em <strong>both</strong></em><br>line</p><ul><li>a<li>b</ul><blockquote><p>q</p></blockquote><pre>code</pre><img src=\"/i.png\" alt=\"i\">", "date_published": "2024-10-2{n}T10:00:00+05:00", "tags": ["A", "b", " a "], "authors": [{{"name": "N"}}], "image": "https://e.com/i.jpg", "_article_reader": {{"highlights": ["h"], "image_caption": "c", "image_credit": "r"}}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "Synthetic", "items": [{}]}}"#,
        items.join(",")
    )
}

fn exercise(input: &[u8]) {
    let text = String::from_utf8_lossy(input);
    // Bodies stay HTML when a feed loads; each is read (html5ever and the allowlist walk) as its
    // article would be when opened, and search reads them all with its quick scan.
    if let Ok(loaded) = load_feed(&text) {
        for article in &loaded.feed.articles {
            let _ = article.body.blocks();
        }
        let _ = SearchIndex::build(&loaded.feed, &Native);
    }
    let _ = blocks_from_html(&text);
    let _ = search_text(&text, &mut References::new(&Native));
    let _ = blocks_from_text(&text);
    let probe = &text[..text.char_indices().nth(200).map_or(text.len(), |(i, _)| i)];
    let _ = Route::from_hash(probe).to_hash();
    let _ = SafeUrl::parse(probe);
    let _ = Timestamp::parse_rfc3339(probe).map(|t| t.long_date());
}

fn main() {
    let (count, seed) = fuzzing::count_and_seed();
    let bases = [SEED_FEED.to_owned(), synthetic_feed()];
    let next_input = |rng: &mut fuzzing::Rng| match rng.below(4) {
        0 => fuzzing::random_bytes(rng),
        choice => fuzzing::mutated(rng, bases[choice % bases.len()].as_bytes(), TOKENS),
    };
    fuzzing::run(count, seed, next_input, exercise);
}
