//! The node trait every HTML parser implements for the allowlist walk ([`super::walk`]): the
//! browser's `DOMParser` in the app (`crates/ui/src/html_dom.rs`), html5ever natively
//! ([`super::native`]). What a parser hands over is only this: what a node is, an element's
//! attributes, and its children.

/// A node of a parsed HTML document, as the walk reads it: the one thing each parser
/// implements.
pub trait HtmlNode: Sized {
    /// What the node is.
    fn kind(&self) -> NodeKind;
    /// The value of the attribute `name` (lower case) of an element.
    fn attribute(&self, name: &str) -> Option<String>;
    /// The node's children, in order (a `<template>`'s content is not among them).
    fn children(&self) -> Vec<Self>;
}

/// The kinds of node the walk tells apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// An element in the HTML namespace, by its local name (lower case, as the parser made it).
    Element(String),
    /// An element of another namespace: SVG, MathML.
    Foreign,
    /// A text node.
    Text(String),
    /// A comment, doctype or processing instruction.
    Other,
}
