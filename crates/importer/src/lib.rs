//! article-reader's importer: RSS 0.9x, 1.0 and 2.0, Atom and JSON Feed in, the JSON Feed 1.1
//! document the reader loads out. A native command-line tool (`article-reader-import`); it
//! shares the reader's model, validator and HTML allowlist through `article-reader-core` and is
//! never part of the wasm build.
//!
//! The path of one run, module by module:
//! - [`cli`] reads the arguments and drives the rest, reporting in words;
//! - [`input`] reads each input's bytes (file, standard input, http(s));
//! - [`convert`] parses them with feed-rs and maps each entry to an output item, using
//!   [`sanitize`] (ammonia with the reader's allowlist) for HTML, [`text`] for plain text and
//!   summaries, and [`json_extras`] for JSON Feed fields feed-rs does not keep;
//! - [`merge`] joins the inputs, drops duplicates, orders newest first and checks the result
//!   with the reader's own validator;
//! - [`document`] is the JSON Feed written;
//! - [`embed`] writes, with `--embed`, an HTML snippet holding the reader prerendered on that feed.
//!
//! Invariant: no input, however malformed, makes the importer panic (the fuzzer,
//! `examples/fuzz_import.rs`, checks it); a bad input is an error naming it, a bad item a warning.

#![deny(missing_debug_implementations)]

pub mod cli;
pub mod convert;
pub mod document;
pub mod embed;
pub mod input;
pub mod json_extras;
pub mod merge;
pub mod sanitize;
pub mod text;

pub use cli::run;
pub use convert::{import_feed, ImportedFeed, ImportedItem, NotAFeed, Origin};
pub use merge::{merge, MergeOptions, Merged};
