//! The command line: arguments into a [`Command`], and [`run`], which reads every input,
//! imports what it can, writes the merged feed and says what went wrong in words.
//!
//! Exit status: 0 when every input imported, 1 when any input failed (the others are still
//! written), 2 for a usage mistake or an output that could not be written.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::convert::import_feed;
use crate::document::Document;
use crate::embed::{snippet, EmbedOptions};
use crate::input::{read_source, Source};
use crate::merge::{merge, MergeOptions};
use article_reader_core::interface::options::OPTIONS;

pub const USAGE: &str = "\
Usage: article-reader-import [OPTIONS] INPUT...

Imports RSS 0.9x, 1.0 and 2.0, Atom and JSON Feed into one JSON Feed 1.1 document that
article-reader loads as is: HTML cleaned with the reader's allowlist, relative URLs made
absolute, duplicates dropped, newest first.

Inputs:
  INPUT               a feed file, - for standard input, or an http(s) URL

Options:
  -o, --output FILE   write the feed to FILE (default: standard output)
      --title TEXT    the feed's title (default: the input's own, or the inputs' joined)
      --max-items N   keep only the N newest items
      --page-size N   with -o DIR/feed.json, write the feed in pages of at most N items:
                      feed.json, feed-2.json, ..., each naming the next in next_url
      --split DIR     write the reader's split form into DIR instead (index.json and body
                      chunks fetched when an article opens; for very large feeds)
      --per-chunk N   articles per chunk with --split (default 50)
      --embed FILE    also write an HTML snippet for a host page to FILE: the reader
                      already rendered on the feed (in a declarative shadow root), the
                      feed inline, JSON-LD for crawlers and the module that starts it
      --module URL    where the snippet's page loads article-reader.js from
                      (default ./article-reader.js; reader.css is beside it)
      --attr NAME=VALUE
                      a reader attribute for the snippet's element (layout, max-items,
                      theme, lang, tags, page-size...); repeat for more
  -h, --help          show this help
  -V, --version       show the version

Exit status: 0 when every input imported; 1 when an input failed (the rest are still
written); 2 for a usage mistake or an output that could not be written.
";

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Import {
        inputs: Vec<Source>,
        output: Output,
        options: MergeOptions,
        embed: Option<(PathBuf, EmbedOptions)>,
    },
    Help,
    Version,
}

/// Where the merged feed goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    /// One JSON Feed, to a file or (`None`) standard output.
    Feed(Option<PathBuf>),
    /// The feed in pages of at most `page_size` items: `file`, then `file-2.json`, … beside it,
    /// each naming the next in `next_url`.
    Pages { file: PathBuf, page_size: usize },
    /// The split form, into a folder.
    Split { dir: PathBuf, per_chunk: usize },
}

/// Reads the arguments (without the program name).
pub fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut inputs = Vec::new();
    let mut output = None;
    let mut split: Option<PathBuf> = None;
    let mut per_chunk = article_reader_core::feed::split::DEFAULT_PER_CHUNK;
    let mut page_size = None;
    let mut options = MergeOptions::default();
    let mut embed_file = None;
    let mut embed = EmbedOptions::default();
    let mut rest = args.iter();
    let mut only_inputs = false;
    while let Some(arg) = rest.next() {
        if only_inputs || arg == "-" || !arg.starts_with('-') {
            inputs.push(Source::from_arg(arg));
            continue;
        }
        let (flag, inline_value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline_value
                .clone()
                .or_else(|| rest.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "--" => only_inputs = true,
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "-o" | "--output" => {
                let file = value(flag)?;
                output = (file != "-").then(|| PathBuf::from(file));
            }
            "--title" => options.title = Some(value(flag)?),
            "--embed" => embed_file = Some(PathBuf::from(value(flag)?)),
            "--module" => embed.module = value(flag)?,
            "--attr" => {
                let text = value(flag)?;
                let (name, value) = text
                    .split_once('=')
                    .filter(|(name, _)| !name.is_empty())
                    .ok_or_else(|| format!("--attr needs NAME=VALUE, not {text:?}"))?;
                embed.attributes.push((name.to_owned(), value.to_owned()));
            }
            "--split" => split = Some(PathBuf::from(value(flag)?)),
            "--per-chunk" => {
                let text = value(flag)?;
                per_chunk = text
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| format!("--per-chunk needs a whole number above 0, not {text:?}"))?;
            }
            "--page-size" => {
                let text = value(flag)?;
                let size = text.trim().parse::<usize>().ok().filter(|n| *n > 0);
                page_size = Some(
                    size.ok_or_else(|| format!("--page-size needs a whole number above 0, not {text:?}"))?,
                );
            }
            "--max-items" => {
                let text = value(flag)?;
                let max = text.trim().parse::<usize>().ok().filter(|n| *n > 0);
                options.max_items = Some(
                    max.ok_or_else(|| format!("--max-items needs a whole number above 0, not {text:?}"))?,
                );
            }
            _ => return Err(format!("unknown option {arg:?}")),
        }
    }
    if inputs.is_empty() {
        return Err("no input given: name a feed file, - for standard input, or an http(s) URL".to_owned());
    }
    let output = match (split, output, page_size) {
        (Some(_), Some(_), _) => return Err("--split and --output cannot both be given".to_owned()),
        (Some(_), None, Some(_)) => return Err("--split and --page-size cannot both be given".to_owned()),
        (Some(dir), None, None) => Output::Split { dir, per_chunk },
        (None, None, Some(_)) => {
            return Err("--page-size needs -o FILE: the pages are files beside it".to_owned())
        }
        (None, Some(file), Some(page_size)) => Output::Pages { file, page_size },
        (None, output, None) => Output::Feed(output),
    };
    if embed_file.is_none() && (embed != EmbedOptions::default()) {
        return Err("--module and --attr shape the snippet of --embed FILE, which is not given".to_owned());
    }
    Ok(Command::Import { inputs, output, options, embed: embed_file.map(|file| (file, embed)) })
}

/// Runs the importer with `args` (without the program name); returns the exit status.
pub fn run(args: &[String], stdin: &mut dyn Read, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let command = match parse_args(args) {
        Ok(command) => command,
        Err(message) => {
            let _ = writeln!(stderr, "article-reader-import: {message}\nTry --help for how to use it.");
            return 2;
        }
    };
    let (inputs, output, options, embed) = match command {
        Command::Help => return write_or_fail(stdout, stderr, "standard output", USAGE),
        Command::Version => {
            let version = concat!("article-reader-import ", env!("CARGO_PKG_VERSION"), "\n");
            return write_or_fail(stdout, stderr, "standard output", version);
        }
        Command::Import { inputs, output, options, embed } => (inputs, output, options, embed),
    };

    let mut feeds = Vec::new();
    let mut failed = 0;
    for source in &inputs {
        let name = source.name();
        let imported = read_source(source, stdin).map_err(|error| error.to_string()).and_then(|fetched| {
            import_feed(&name, &fetched.bytes, fetched.url.as_ref()).map_err(|e| e.to_string())
        });
        match imported {
            Ok(feed) => {
                for warning in &feed.warnings {
                    let _ = writeln!(stderr, "warning: {warning}");
                }
                feeds.push(feed);
            }
            Err(reason) => {
                failed += 1;
                let _ = writeln!(stderr, "error: {name}: {reason}");
            }
        }
    }
    if feeds.is_empty() {
        let _ = writeln!(stderr, "error: no input could be imported; nothing written");
        return 1;
    }

    let imported_inputs = feeds.len();
    let merged = merge(feeds, &options);
    for note in &merged.notes {
        let _ = writeln!(stderr, "note: {note}");
    }
    for refusal in &merged.refused {
        let _ = writeln!(stderr, "warning: {refusal}");
    }
    let destination = match &output {
        Output::Feed(None) => "standard output".to_owned(),
        Output::Feed(Some(path)) | Output::Pages { file: path, .. } => path.display().to_string(),
        Output::Split { dir, .. } => dir.display().to_string(),
    };
    let json = format!("{}\n", merged.json);
    let written = match &output {
        Output::Feed(Some(path)) => std::fs::write(path, &json).map_err(|error| error.to_string()),
        Output::Feed(None) => {
            stdout.write_all(json.as_bytes()).and_then(|()| stdout.flush()).map_err(|error| error.to_string())
        }
        Output::Split { dir, per_chunk } => write_split(&json, dir, *per_chunk),
        Output::Pages { file, page_size } => write_pages(&merged.document, file, *page_size),
    };
    if let Err(reason) = written {
        let _ = writeln!(stderr, "error: could not write {destination}: {reason}");
        return 2;
    }
    if let Some((file, embed)) = &embed {
        for (name, _) in &embed.attributes {
            if !OPTIONS.iter().any(|option| option.attribute == Some(name.as_str())) {
                let _ = writeln!(stderr, "note: --attr {name} is not an option of the reader; it is written on the element as it is");
            }
        }
        let (html, warnings) = snippet(&merged.json, embed);
        for warning in warnings {
            let _ = writeln!(stderr, "warning: --attr {warning}");
        }
        if let Err(error) = std::fs::write(file, html) {
            let _ = writeln!(stderr, "error: could not write {}: {error}", file.display());
            return 2;
        }
    }
    let _ = writeln!(
        stderr,
        "imported {} item{} from {imported_inputs} of {} input{} into {destination}",
        merged.item_count,
        if merged.item_count == 1 { "" } else { "s" },
        inputs.len(),
        if inputs.len() == 1 { "" } else { "s" },
    );
    if failed > 0 {
        1
    } else {
        0
    }
}

/// Writes `json` in the reader's split form into `dir`.
fn write_split(json: &str, dir: &std::path::Path, per_chunk: usize) -> Result<(), String> {
    let split = article_reader_core::feed::split::split_feed(json, per_chunk)
        .map_err(|error| article_reader_core::interface::text::Ui::default().feed_error(&error))?;
    std::fs::create_dir_all(dir.join("chunks")).map_err(|error| error.to_string())?;
    for (name, text) in split.files() {
        std::fs::write(dir.join(name), text).map_err(|error| format!("{name}: {error}"))?;
    }
    Ok(())
}

/// Writes `document` in pages of at most `page_size` items: `file`, then `feed-2.json`, …
/// beside it.
fn write_pages(document: &Document, file: &Path, page_size: usize) -> Result<(), String> {
    let name = file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    if name.is_empty() {
        return Err("--page-size needs a file name to name the pages after".to_owned());
    }
    for (name, page) in document.pages(&name, page_size) {
        std::fs::write(file.with_file_name(&name), format!("{}\n", page.to_json()))
            .map_err(|error| format!("{name}: {error}"))?;
    }
    Ok(())
}

fn write_or_fail(out: &mut dyn Write, stderr: &mut dyn Write, name: &str, text: &str) -> i32 {
    match out.write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(error) => {
            let _ = writeln!(stderr, "error: could not write {name}: {error}");
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    fn import(
        inputs: &[&str],
        output: Option<&str>,
        title: Option<&str>,
        max_items: Option<usize>,
    ) -> Command {
        Command::Import {
            inputs: inputs.iter().map(|i| Source::from_arg(i)).collect(),
            output: Output::Feed(output.map(PathBuf::from)),
            options: MergeOptions { title: title.map(str::to_owned), max_items },
            embed: None,
        }
    }

    #[test]
    fn reads_the_command_line() {
        let cases: Vec<(&str, Result<Command, String>)> = vec![
            ("a.xml", Ok(import(&["a.xml"], None, None, None))),
            ("a.xml - https://e.com/f", Ok(import(&["a.xml", "-", "https://e.com/f"], None, None, None))),
            ("-o out.json a.xml", Ok(import(&["a.xml"], Some("out.json"), None, None))),
            ("--output=out.json a.xml -o -", Ok(import(&["a.xml"], None, None, None))),
            ("--title=News --max-items 5 a.xml", Ok(import(&["a.xml"], None, Some("News"), Some(5)))),
            ("a.xml -- -o", Ok(import(&["a.xml", "-o"], None, None, None))),
            ("-h a.xml", Ok(Command::Help)),
            ("--version", Ok(Command::Version)),
            ("", Err("no input given: name a feed file, - for standard input, or an http(s) URL".to_owned())),
            ("a.xml -o", Err("-o needs a value".to_owned())),
            ("a.xml --max-items 0", Err("--max-items needs a whole number above 0, not \"0\"".to_owned())),
            (
                "a.xml --max-items many",
                Err("--max-items needs a whole number above 0, not \"many\"".to_owned()),
            ),
            ("a.xml --colour", Err("unknown option \"--colour\"".to_owned())),
            (
                "-o out/feed.json --page-size 20 a.xml",
                Ok(Command::Import {
                    inputs: vec![Source::from_arg("a.xml")],
                    output: Output::Pages { file: PathBuf::from("out/feed.json"), page_size: 20 },
                    options: MergeOptions::default(),
                    embed: None,
                }),
            ),
            (
                "a.xml --embed s.html --module /r/article-reader.js --attr layout=cards --attr=max-items=5",
                Ok(Command::Import {
                    inputs: vec![Source::from_arg("a.xml")],
                    output: Output::Feed(None),
                    options: MergeOptions::default(),
                    embed: Some((
                        PathBuf::from("s.html"),
                        EmbedOptions {
                            module: "/r/article-reader.js".to_owned(),
                            with_module: true,
                            attributes: vec![
                                ("layout".to_owned(), "cards".to_owned()),
                                ("max-items".to_owned(), "5".to_owned()),
                            ],
                        },
                    )),
                }),
            ),
            ("a.xml --attr layout", Err("--attr needs NAME=VALUE, not \"layout\"".to_owned())),
            (
                "a.xml --attr layout=cards",
                Err("--module and --attr shape the snippet of --embed FILE, which is not given".to_owned()),
            ),
            (
                "a.xml --page-size 20",
                Err("--page-size needs -o FILE: the pages are files beside it".to_owned()),
            ),
            (
                "a.xml -o - --page-size 20",
                Err("--page-size needs -o FILE: the pages are files beside it".to_owned()),
            ),
            ("a.xml --split d --page-size 2", Err("--split and --page-size cannot both be given".to_owned())),
            (
                "a.xml -o f.json --page-size 0",
                Err("--page-size needs a whole number above 0, not \"0\"".to_owned()),
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(parse_args(&args(line)), expected, "{line:?}");
        }
    }
}
