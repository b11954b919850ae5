//! The HTML reader against the parser's own tree, natively: for every input of
//! `support/html_inputs.rs`, the text a person would see of the blocks the reader makes must be
//! the text of html5ever's document with the allowlist's policy applied to it directly (dropped
//! elements, foreign content, `hidden` and template content left out), character for character
//! but for whitespace. The browser tests run the same inputs through the browser's own parser.

#[path = "support/html_inputs.rs"]
mod html_inputs;

use article_reader_core::content::allowlist::DROPPED_WITH_CONTENT;
use article_reader_core::content::blocks_from_html;
use article_reader_core::content::native::with_body;
use html5ever::ns;
use markup5ever_rcdom::{Handle, NodeData};

/// The text of a parsed body as a browser shows it under the allowlist's policy, read straight
/// from html5ever's tree (not through the reader's node trait).
fn policy_text(node: &Handle, out: &mut String) {
    match &node.data {
        NodeData::Text { contents } => out.push_str(&contents.borrow()),
        NodeData::Element { name, attrs, .. } => {
            let hidden = attrs.borrow().iter().any(|attr| &*attr.name.local == "hidden");
            if name.ns != ns!(html) || hidden || DROPPED_WITH_CONTENT.contains(&&*name.local) {
                return;
            }
            // A table's captions show above it, wherever they are in its markup.
            let children = node.children.borrow();
            let is_caption = |child: &&Handle| matches!(&child.data, NodeData::Element { name, .. } if &*name.local == "caption");
            if &*name.local == "table" {
                children.iter().filter(is_caption).for_each(|child| policy_text(child, out));
            }
            for child in children.iter().filter(|child| &*name.local != "table" || !is_caption(child)) {
                policy_text(child, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_reader_shows_the_text_of_the_parsed_document() {
    let inputs = html_inputs::all(3000);
    let mut failures = Vec::new();
    for html in &inputs {
        let shown = html_inputs::shown_text(&blocks_from_html(html));
        let expected = with_body(html, |body| {
            let mut text = String::new();
            if let Some(body) = body {
                policy_text(body, &mut text);
            }
            html_inputs::without_whitespace(&text)
        });
        if shown != expected {
            failures.push(format!("{html:?}\n  reader:   {shown:?}\n  document: {expected:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs differ:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}
