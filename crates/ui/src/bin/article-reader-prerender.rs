//! Writes readers' first views into built pages, rendered natively by the server renderer, for
//! the wasm to hydrate instead of rendering anew. Run by the trunk build
//! (scripts/trunk-post-build.sh):
//!
//!     article-reader-prerender dist/index.html dist/demo.html
//!
//! In each page:
//! - the standalone page's mount point (`<div id="article-reader">`) gets the bundled feed's feed
//!   view, in the page's language (`<html lang>`);
//! - each `<article-reader prerender src="FILE">` (a feed file beside the page) becomes an
//!   importer's snippet without its module script (the page loads it): the reader rendered in a
//!   declarative shadow root, with its feed inline, and the element's other attributes.

use std::process::ExitCode;

use std::ops::Range;
use std::path::Path;

use article_reader::server::{render, snippet, EmbedOptions, Prerender};

/// An element's attributes, names and values, in order.
type Attributes = Vec<(String, String)>;

const MOUNT_POINT: &str = "<div id=\"article-reader\">";

fn main() -> ExitCode {
    let pages: Vec<String> = std::env::args().skip(1).collect();
    if pages.is_empty() {
        eprintln!("usage: article-reader-prerender PAGE.html...");
        return ExitCode::from(2);
    }
    for path in &pages {
        if let Err(message) = prerender_page(Path::new(path)) {
            eprintln!("article-reader-prerender: {path}: {message}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn prerender_page(path: &Path) -> Result<(), String> {
    let mut page = std::fs::read_to_string(path).map_err(|error| error.to_string())?;
    let mut rendered = 0;
    if let Some(at) = page.find(MOUNT_POINT) {
        let start = at + MOUNT_POINT.len();
        let end = start + page[start..].find("</div>").ok_or("the mount point is not closed")?;
        if page[start..end].contains('<') {
            return Err("the mount point already holds markup (rendered twice?)".to_owned());
        }
        let reader = Prerender { standalone: true, language: page_language(&page), ..Prerender::default() };
        page.replace_range(start..end, &render(reader));
        rendered += 1;
    }
    let folder = path.parent().unwrap_or(Path::new("."));
    while let Some((range, attributes)) = element_to_prerender(&page) {
        let src = (attributes.iter().find(|(name, _)| name == "src"))
            .map(|(_, src)| src.clone())
            .ok_or("an <article-reader prerender> without src=\"FILE\"")?;
        let feed = std::fs::read_to_string(folder.join(&src)).map_err(|error| format!("{src}: {error}"))?;
        let options = EmbedOptions {
            module: "article-reader.js".to_owned(),
            with_module: false,
            attributes: attributes
                .into_iter()
                .filter(|(name, _)| name != "src" && name != "prerender")
                .collect(),
        };
        let (html, warnings) = snippet(&feed, &options);
        if let Some(warning) = warnings.first() {
            return Err(format!("<article-reader src=\"{src}\">: {warning}"));
        }
        page.replace_range(range, html.trim_end());
        rendered += 1;
    }
    if rendered == 0 {
        return Err("nothing to prerender: no <div id=\"article-reader\"> and no <article-reader prerender>"
            .to_owned());
    }
    std::fs::write(path, page).map_err(|error| error.to_string())
}

/// The first `<article-reader prerender …></article-reader>` of `page`: where it stands, and its
/// attributes (written as `name="value"` or a bare `name`).
fn element_to_prerender(page: &str) -> Option<(Range<usize>, Attributes)> {
    let mut from = 0;
    while let Some(at) = page[from..].find("<article-reader ").map(|at| at + from) {
        let open_end = at + page[at..].find('>')?;
        let attributes = attributes_of(&page[at + "<article-reader".len()..open_end]);
        if attributes.iter().any(|(name, _)| name == "prerender") {
            let close = "</article-reader>";
            let end = open_end + page[open_end..].find(close)? + close.len();
            return Some((at..end, attributes));
        }
        from = open_end;
    }
    None
}

fn attributes_of(mut text: &str) -> Attributes {
    let mut attributes = Vec::new();
    loop {
        text = text.trim_start();
        let name_end = text.find(|c: char| c.is_whitespace() || c == '=').unwrap_or(text.len());
        if name_end == 0 {
            return attributes;
        }
        let name = text[..name_end].to_ascii_lowercase();
        text = &text[name_end..];
        let value = match text.strip_prefix("=\"") {
            Some(rest) => {
                let end = rest.find('"').unwrap_or(rest.len());
                let value = rest[..end].replace("&quot;", "\"").replace("&lt;", "<").replace("&amp;", "&");
                text = rest.get(end + 1..).unwrap_or_default();
                value
            }
            None => String::new(),
        };
        attributes.push((name, value));
    }
}

/// The page's `<html lang="…">`, else English.
fn page_language(page: &str) -> String {
    let Some(at) = page.find("<html lang=\"") else { return "en".to_owned() };
    let rest = &page[at + "<html lang=\"".len()..];
    rest.split('"').next().filter(|lang| !lang.is_empty()).unwrap_or("en").to_owned()
}
