//! A dependency-free fuzzer for everything in the core that reads untrusted text: the feed
//! loader, the HTML reader, routes, URLs and dates.
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
//! Deterministic: the same count and seed try the same inputs.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use article_reader_core::content::{blocks_from_html, blocks_from_text};
use article_reader_core::{load_feed, Route, SafeUrl, Timestamp};

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

thread_local! {
    static CURRENT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// xorshift64*: small, fast and reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

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

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut data = base.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 => data.insert(at, rng.next() as u8),
            2 if !data.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                data.drain(at.min(end)..end);
            }
            3 if !data.is_empty() => {
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(256)).min(data.len());
                let copy = data[start..end].to_vec();
                let most = if rng.below(50) == 0 { 2000 } else { 4 };
                let times = 1 + rng.below(most);
                for _ in 0..times {
                    data.splice(at..at, copy.iter().copied());
                }
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, token.iter().copied());
            }
        }
    }
    data
}

fn exercise(input: &[u8]) {
    let text = String::from_utf8_lossy(input);
    let _ = load_feed(&text);
    let _ = blocks_from_html(&text);
    let _ = blocks_from_text(&text);
    let probe = &text[..text.char_indices().nth(200).map_or(text.len(), |(i, _)| i)];
    let _ = Route::from_hash(probe).to_hash();
    let _ = SafeUrl::parse(probe);
    let _ = Timestamp::parse_rfc3339(probe).map(|t| t.long_date());
}

fn main() {
    let mut args = std::env::args().skip(1);
    let count: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);

    std::panic::set_hook(Box::new(|info| {
        CURRENT.with(|current| {
            let input = current.borrow();
            let _ = std::fs::write("fuzz-crash.bin", &*input);
            eprintln!(
                "PANIC: {info}\ninput ({} bytes, saved to fuzz-crash.bin):\n{:?}",
                input.len(),
                String::from_utf8_lossy(&input)
            );
        });
    }));

    let bases = [SEED_FEED.to_owned(), synthetic_feed()];
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let started = Instant::now();
    let mut slowest = (Duration::ZERO, 0usize);
    let mut bytes_total = 0u64;
    for n in 0..count {
        let input = match rng.below(4) {
            0 => (0..rng.below(512)).map(|_| rng.next() as u8).collect(),
            choice => {
                let base = bases[choice % bases.len()].as_bytes();
                let mut data = mutate(&mut rng, base);
                // Now and then, mutate a mutant: deeper breakage of the same shape.
                if rng.below(4) == 0 {
                    data = mutate(&mut rng, &data);
                }
                data
            }
        };
        bytes_total += input.len() as u64;
        CURRENT.with(|current| current.replace(input.clone()));
        let one = Instant::now();
        exercise(&input);
        let took = one.elapsed();
        if took > slowest.0 {
            slowest = (took, input.len());
            let _ = std::fs::write(std::env::temp_dir().join("fuzz-slowest.bin"), &input);
        }
        if (n + 1) % 100_000 == 0 {
            eprintln!("{} inputs, {:.0?}", n + 1, started.elapsed());
        }
    }
    println!(
        "fuzz: {count} inputs ({:.1} MB) from seed {seed} in {:.1?}, no panics; slowest input {:.1?} ({} bytes)",
        bytes_total as f64 / 1e6,
        started.elapsed(),
        slowest.0,
        slowest.1
    );
}
