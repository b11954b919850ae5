//! Article HTML parsed by the browser itself: `DOMParser` builds an inert document (its scripting
//! is disabled, so nothing in it runs, loads or reaches the page), and the core's allowlist walk
//! reads its `body` through [`HtmlNode`]. What the reader keeps is therefore judged on exactly the
//! tree the browser would build from the same markup. The only code of the app that parses HTML.
//!
//! Natively (the server renderer) html5ever, which parses as the HTML standard says browsers do,
//! builds the tree instead.

use article_reader_core::content::Block;
#[cfg(target_arch = "wasm32")]
use article_reader_core::content::{blocks_from_body, without_inline_code, HtmlNode, NodeKind};
use article_reader_core::url::Base;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;
#[cfg(target_arch = "wasm32")]
use web_sys::{DomParser, Element, Node, SupportedType};

/// Reads an article's `content_html` into blocks as html5ever parses it (natively, for the
/// server renderer), its relative URLs resolved against `base`.
#[cfg(not(target_arch = "wasm32"))]
pub fn blocks_from_html(html: &str, base: &Base) -> Vec<Block> {
    article_reader_core::content::native::blocks_from_html_with(html, base)
}

#[cfg(target_arch = "wasm32")]
const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Reads an article's `content_html` into blocks, its relative URLs resolved against `base`, as
/// the browser parses it: a whole document in
/// no-quirks mode (a `<!DOCTYPE html>` in front, as the page that shows it has), with scripting
/// disabled, so `<noscript>` content is markup, as a browser without script reads it. Inline
/// event handlers and styles are taken out first ([`without_inline_code`]): Chromium checks them
/// against the page's Content-Security-Policy, and reports each one, even in this document.
#[cfg(target_arch = "wasm32")]
pub fn blocks_from_html(html: &str, base: &Base) -> Vec<Block> {
    let html = without_inline_code(html);
    let mut document = String::with_capacity(html.len() + 15);
    document.push_str("<!DOCTYPE html>");
    document.push_str(&html);
    let parsed =
        DomParser::new().and_then(|parser| parser.parse_from_string(&document, SupportedType::TextHtml));
    match parsed.ok().and_then(|document| document.body()) {
        // A frameset document's `body` is its frameset, which the allowlist drops.
        Some(body) if body.local_name() == "body" => blocks_from_body(&DomNode(body.into()), base),
        _ => Vec::new(),
    }
}

/// A node of a document `DOMParser` made.
#[cfg(target_arch = "wasm32")]
struct DomNode(Node);

#[cfg(target_arch = "wasm32")]
impl HtmlNode for DomNode {
    fn kind(&self) -> NodeKind {
        match self.0.node_type() {
            Node::ELEMENT_NODE => match self.0.dyn_ref::<Element>() {
                Some(element) if element.namespace_uri().as_deref() == Some(HTML_NAMESPACE) => {
                    NodeKind::Element(element.local_name())
                }
                _ => NodeKind::Foreign,
            },
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                NodeKind::Text(self.0.node_value().unwrap_or_default())
            }
            _ => NodeKind::Other,
        }
    }

    fn attribute(&self, name: &str) -> Option<String> {
        self.0.dyn_ref::<Element>()?.get_attribute(name)
    }

    fn children(&self) -> Vec<DomNode> {
        // A <template>'s children are in its content fragment, which is not among these.
        let mut children = Vec::new();
        let mut next = self.0.first_child();
        while let Some(child) = next {
            next = child.next_sibling();
            children.push(DomNode(child));
        }
        children
    }
}
