//! `--embed FILE`: an HTML snippet that shows the imported feed on any page with no request for
//! it, written by the reader's own server renderer (`article_reader::server::snippet`): an
//! `<article-reader>` element whose declarative shadow root holds the reader already rendered
//! and its stylesheet's link, the feed inline, JSON-LD for crawlers, and the module that
//! hydrates it.

pub use article_reader::server::{snippet, EmbedOptions};
