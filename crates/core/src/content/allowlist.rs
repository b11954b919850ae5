//! The HTML allowlist: which elements, attributes and URL schemes of a feed's HTML the reader
//! keeps. One list for every reader of feed HTML: the reader's own HTML reader
//! ([`crate::content`]) and URL check ([`crate::url`]) are built on these constants, and the
//! importer (`crates/importer`) feeds them to its sanitiser, so what the importer writes and what
//! the reader renders cannot drift apart. Tests on both sides prove they agree (the reader's in
//! `crates/core/tests/allowlist.rs`).

/// Elements the reader renders: blocks, description lists, table parts, inline formatting and
/// phrases, links, images, players and line breaks. `h1` becomes a level-2 subheading; `i` and
/// `dfn` read as emphasis, `b` as strong, `tt` as code, `strike` as `s`; `source` counts only in
/// a player.
pub const RENDERED_ELEMENTS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "em",
    "i",
    "cite",
    "dfn",
    "var",
    "strong",
    "b",
    "code",
    "kbd",
    "samp",
    "tt",
    "sup",
    "sub",
    "del",
    "ins",
    "s",
    "strike",
    "q",
    "small",
    "mark",
    "abbr",
    "time",
    "a",
    "img",
    "video",
    "audio",
    "source",
    "br",
];

/// Elements the reader renders as nothing but reads as block boundaries: the text on either side
/// of `</div><div>` or `<hr>` goes into separate paragraphs. A sanitiser keeps them (without
/// attributes); unwrapping them would run two paragraphs into one.
pub const BLOCK_BOUNDARY_ELEMENTS: &[&str] = &[
    "div", "section", "article", "main", "header", "footer", "aside", "nav", "details", "summary", "address",
    "center", "hgroup", "hr",
];

/// Elements dropped together with everything inside them: code, styles, frames, foreign content
/// (SVG, MathML), forms, and what browsers never display (`noembed`, `noframes`, `datalist`, a
/// ruby's `rp`). Every other element not listed above is dropped and its text kept: among them
/// `picture`, whose `img` stays, and `noscript`, whose content is read as markup, as a browser
/// without script reads it (the lazy-load pattern's real image is there).
pub const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "template", "iframe", "object", "embed", "svg", "math", "head", "title", "textarea",
    "select", "button", "form", "frameset", "noembed", "noframes", "datalist", "rp", "canvas", "map",
];

/// The only attributes kept, by element, besides [`GLOBAL_ATTRIBUTES`]; every other attribute of
/// every element is dropped. `href`, `src`, `poster` and every URL of `srcset` are checked as
/// the URLs they are.
pub const ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "title", "name"]),
    ("img", &["src", "srcset", "sizes", "width", "height", "alt", "title"]),
    ("abbr", &["title"]),
    ("time", &["datetime"]),
    ("video", &["src", "poster", "width", "height"]),
    ("audio", &["src"]),
    ("source", &["src", "type"]),
];

/// Attributes kept on any element: an `id` is where a link into the article (`#fn1`) leads. The
/// reader renders it under an id of its own, so no feed can name (or clobber) the page's.
pub const GLOBAL_ATTRIBUTES: &[&str] = &["id"];

/// Schemes a link (`<a href>`, an article's `url`) may have; relative URLs are allowed too.
pub const LINK_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Schemes an image (`<img src>`, an article's `image`) may have; relative URLs are allowed too.
pub const IMAGE_SCHEMES: &[&str] = &["http", "https"];
