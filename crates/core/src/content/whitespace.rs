//! Whitespace in running text, collapsed the way a browser renders it (CSS `white-space:
//! normal`): runs of spaces, tabs and newlines become one space, spaces at the start and end of
//! a block go, and formatting left empty by that goes too.

use super::blocks::Inline;

/// Collapses HTML whitespace the way a browser renders it, trims the ends of the block, and
/// drops formatting that ends up empty.
pub(crate) fn normalize_whitespace(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut previous_space = true; // At block start, leading whitespace disappears.
    let mut out = collapse(inlines, &mut previous_space);
    trim_trailing_space(&mut out);
    out
}

fn collapse(inlines: Vec<Inline>, previous_space: &mut bool) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Text(text) => {
                // Most text needs nothing collapsed: keep it whole rather than copy it char by char.
                let bytes = text.as_bytes();
                let needs_collapsing = bytes.iter().any(|b| matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
                    || bytes.windows(2).any(|w| w == b"  ")
                    || (*previous_space && bytes.first() == Some(&b' '));
                if !needs_collapsing {
                    if let Some(&last) = bytes.last() {
                        *previous_space = last == b' ';
                        match out.last_mut() {
                            Some(Inline::Text(previous)) => previous.push_str(&text),
                            _ => out.push(Inline::Text(text)),
                        }
                    }
                    continue;
                }
                let mut collapsed = String::with_capacity(text.len());
                for c in text.chars() {
                    if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                        if !*previous_space {
                            collapsed.push(' ');
                            *previous_space = true;
                        }
                    } else {
                        collapsed.push(c);
                        *previous_space = false;
                    }
                }
                if !collapsed.is_empty() {
                    if let Some(Inline::Text(previous)) = out.last_mut() {
                        previous.push_str(&collapsed);
                    } else {
                        out.push(Inline::Text(collapsed));
                    }
                }
            }
            Inline::Emphasis(children) => {
                push_nonempty(&mut out, Inline::Emphasis, collapse(children, previous_space))
            }
            Inline::Strong(children) => {
                push_nonempty(&mut out, Inline::Strong, collapse(children, previous_space))
            }
            Inline::Span(span, children) => {
                let children = collapse(children, previous_space);
                if !children.is_empty() {
                    out.push(Inline::Span(span, children));
                }
            }
            Inline::Link { href, title, content } => {
                let content = collapse(content, previous_space);
                if !content.is_empty() {
                    out.push(Inline::Link { href, title, content });
                }
            }
            Inline::LineBreak => {
                trim_trailing_space(&mut out);
                out.push(Inline::LineBreak);
                *previous_space = true;
            }
            anchor @ Inline::Anchor(_) => out.push(anchor),
            other @ (Inline::Code(_) | Inline::Image(_) | Inline::Media(_)) => {
                out.push(other);
                *previous_space = false;
            }
        }
    }
    out
}

fn push_nonempty(out: &mut Vec<Inline>, wrap: fn(Vec<Inline>) -> Inline, children: Vec<Inline>) {
    if !children.is_empty() {
        out.push(wrap(children));
    }
}

fn trim_trailing_space(inlines: &mut Vec<Inline>) {
    loop {
        match inlines.last_mut() {
            Some(Inline::Text(text)) => {
                let trimmed_len = text.trim_end_matches(' ').len();
                text.truncate(trimmed_len);
                if text.is_empty() {
                    inlines.pop();
                    continue;
                }
            }
            Some(Inline::Emphasis(children) | Inline::Strong(children) | Inline::Span(_, children)) => {
                trim_trailing_space(children);
                if children.is_empty() {
                    inlines.pop();
                    continue;
                }
            }
            Some(Inline::Link { content, .. }) => trim_trailing_space(content),
            _ => {}
        }
        return;
    }
}
