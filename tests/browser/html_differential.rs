//! The reader's HTML path against the browser's own parser. For thousands of inputs
//! (`crates/core/tests/support/html_inputs.rs`: hand-written cases for each parsing rule and
//! generated ones), in every engine the tests run in:
//!
//! - the blocks the reader makes from the browser's `DOMParser` are the blocks it makes from
//!   html5ever's parse of the same markup (the native path of the importer, the tests and the
//!   fuzzers), so both parsers feed the one allowlist walk the same tree;
//! - the text a person sees of those blocks is the text of the browser's own parse of the
//!   markup with the allowlist's policy applied to it with DOM calls (dropped elements, SVG and
//!   MathML, `hidden` removed; a table's captions first, where browsers draw them);
//! - for the hand-written cases, the text of the article body the reader renders, opened as a
//!   person opens it, is that same text.

#[path = "../../crates/core/tests/support/html_inputs.rs"]
mod html_inputs;

use article_reader::html_dom::blocks_from_html;
use article_reader_core::content::allowlist::DROPPED_WITH_CONTENT;
use article_reader_core::content::Block;
use article_reader_core::platform::Plain;
use article_reader_core::url::Base;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{DomParser, Element, SupportedType};

use article_reader::{FeedLocation, ReaderOptions, Routing};

use super::support::{blob_url, feed_json, Mounted};

/// The text of the browser's own parse of `html`, with the policy applied through the DOM.
fn policy_text(html: &str) -> String {
    let parser = DomParser::new().unwrap();
    let document =
        parser.parse_from_string(&format!("<!DOCTYPE html>{html}"), SupportedType::TextHtml).unwrap();
    let Some(body) = document.body().filter(|body| body.local_name() == "body") else {
        return String::new();
    };
    let removed = format!("{}, [hidden], svg, math", DROPPED_WITH_CONTENT.join(", "));
    let found = body.query_selector_all(&removed).unwrap();
    for i in 0..found.length() {
        if let Some(element) = found.item(i).and_then(|node| node.dyn_into::<Element>().ok()) {
            element.remove();
        }
    }
    let tables = body.query_selector_all("table").unwrap();
    for i in 0..tables.length() {
        let Some(table) = tables.item(i).and_then(|node| node.dyn_into::<Element>().ok()) else { continue };
        let children = table.children();
        let captions: Vec<Element> = (0..children.length())
            .filter_map(|i| children.item(i))
            .filter(|c| c.local_name() == "caption")
            .collect();
        for caption in captions.iter().rev() {
            table.insert_before(caption, table.first_child().as_ref()).unwrap();
        }
    }
    html_inputs::without_whitespace(&body.text_content().unwrap_or_default())
}

/// Where html5ever and the browsers are known to build different trees:
/// - a NUL character, which engines turn into U+FFFD or drop in different places (Chromium,
///   for one, keeps `<` followed by NUL as `<` and U+FFFD where the standard drops the NUL);
/// - a MathML `annotation-xml` that holds HTML: html5ever does not stop at it when a tag such as
///   `<dt>` breaks out of foreign content, so text the browsers keep inside the (dropped) MathML
///   lands outside it natively.
fn known_difference(html: &str, browser: &[Block], native: &[Block]) -> bool {
    let without_fffd = |blocks: &[Block]| format!("{blocks:?}").replace('\u{fffd}', "");
    (html.contains('\0') && without_fffd(browser) == without_fffd(native)) || html.contains("annotation-xml")
}

#[wasm_bindgen_test]
fn the_browser_and_html5ever_give_the_walk_the_same_tree() {
    let inputs = html_inputs::all(2000);
    let mut failures = Vec::new();
    for html in &inputs {
        let browser = blocks_from_html(html, &Base::none(&Plain));
        let native = article_reader_core::content::blocks_from_html(html);
        if browser != native && !known_difference(html, &browser, &native) {
            failures.push(format!("{html:?}\n  browser:   {browser:?}\n  html5ever: {native:?}"));
        }
        let shown = html_inputs::shown_text(&browser);
        let expected = policy_text(html);
        if shown != expected {
            failures.push(format!("{html:?}\n  reader shows: {shown:?}\n  browser:      {expected:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences in {} inputs:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
async fn an_opened_article_shows_what_the_browser_would() {
    let items: Vec<String> = html_inputs::HAND_WRITTEN
        .iter()
        .enumerate()
        .map(|(n, html)| {
            json!({ "id": format!("h{n}"), "title": format!("H{n}"), "content_html": html }).to_string()
        })
        .collect();
    // In memory, opened from the feed and left by the back link as a person does: a hundred
    // changes of the address in a few seconds would trip Chromium's navigation throttling.
    let options = ReaderOptions {
        src: Ok(FeedLocation::Url(blob_url(&feed_json(&items)))),
        routing: Routing::Memory,
        page_size: 1000,
        ..ReaderOptions::default()
    };
    let reader = Mounted::with_options("#/", options).await;
    reader.until("the feed shows", |r| r.headlines().len() == items.len()).await;
    let mut failures = Vec::new();
    for (n, html) in html_inputs::HAND_WRITTEN.iter().enumerate() {
        let title = format!("H{n}");
        reader.click("[role=feed] article h2 a", &title);
        reader
            .until(&format!("article {title} opens"), |r| r.texts("h1.ar-article__title") == [title.clone()])
            .await;
        let shown = reader.one(".ar-body").and_then(|body| body.text_content()).unwrap_or_default();
        let (shown, expected) = (html_inputs::without_whitespace(&shown), policy_text(html));
        if shown != expected {
            failures.push(format!("{html:?}\n  reader shows: {shown:?}\n  browser:      {expected:?}"));
        }
        reader.click("a.ar-back", "");
        reader.until("the feed is back", |r| r.one("[role=feed]").is_some()).await;
    }
    assert!(failures.is_empty(), "{} articles differ:\n{}", failures.len(), failures.join("\n"));
}
