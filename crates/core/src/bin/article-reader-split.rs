//! Writes a JSON Feed in the reader's split form: an index and chunk files (see
//! `article_reader_core::feed::split`).
//!
//! ```sh
//! cargo run --release -p article-reader-core --bin article-reader-split -- feed.json out/ [--per-chunk 50]
//! ```
//!
//! Then point the reader at the index: `index.html?src=out/index.json`.

use std::path::PathBuf;
use std::process::ExitCode;

use article_reader_core::feed::split::{split_feed, DEFAULT_PER_CHUNK};
use article_reader_core::interface::text::Ui;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut positional = Vec::new();
    let mut per_chunk = DEFAULT_PER_CHUNK;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--per-chunk" => match rest.next().and_then(|n| n.parse().ok()).filter(|&n: &usize| n > 0) {
                Some(n) => per_chunk = n,
                None => return fail("--per-chunk needs a whole number above 0"),
            },
            "-h" | "--help" => {
                println!("usage: article-reader-split FEED.json OUT_DIR [--per-chunk N]");
                return ExitCode::SUCCESS;
            }
            _ => positional.push(arg.clone()),
        }
    }
    let [input, out] = positional.as_slice() else {
        return fail("usage: article-reader-split FEED.json OUT_DIR [--per-chunk N]");
    };
    let json = match std::fs::read_to_string(input) {
        Ok(json) => json,
        Err(error) => return fail(&format!("{input}: {error}")),
    };
    let split = match split_feed(&json, per_chunk) {
        Ok(split) => split,
        Err(error) => return fail(&format!("{input}: {}", Ui::default().feed_error(&error))),
    };
    let out = PathBuf::from(out);
    if let Err(error) = std::fs::create_dir_all(out.join("chunks")) {
        return fail(&format!("{}: {error}", out.display()));
    }
    for (name, text) in split.files() {
        let path = out.join(name);
        if let Err(error) = std::fs::write(&path, text) {
            return fail(&format!("{}: {error}", path.display()));
        }
    }
    let count = split.chunks.len() + 1;
    println!("{}: index.json and {} chunk(s) of up to {per_chunk} articles", out.display(), count - 1);
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("article-reader-split: {message}");
    ExitCode::FAILURE
}
