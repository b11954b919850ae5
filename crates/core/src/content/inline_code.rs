//! Markup rewritten before a parser reads it: event handlers and styles taken out, so that the
//! browser's parser has nothing to report against the page's Content-Security-Policy. It works
//! on the text, over the pieces of [`super::scan`], and changes nothing else.

use std::borrow::Cow;

use super::scan::{pieces, pieces_as_markup, Piece};

/// `html` without what would make the browser's parser report a Content-Security-Policy
/// violation, for a parser to read: event-handler attributes (`on…`) and `style` attributes are
/// taken out of every start tag, and `style` elements become `noframes` (also raw text, also
/// dropped with its content, and placed by tree construction as `style` is, wherever that shows).
/// The allowlist drops all of them anyway, but Chromium checks them against the page's policy,
/// and reports them, even in an inert document that never applies or runs them. Nothing else
/// changes; `tests/browser/html_differential.rs` holds the parse of the result to the browser's
/// own parse of `html`.
pub fn without_inline_code(html: &str) -> Cow<'_, str> {
    strip_inline_code(html, pieces(html), true)
}

/// [`without_inline_code`] over the pieces of `html`. The content of a raw-text element that is
/// dropped anyway is read again as markup, since in foreign content, or without its end tag
/// where a browser would not see one, it may hold elements; `xmp` and `plaintext` content is
/// shown, and stays as written. Read again, `style` tags are not renamed (`rename_style`): a
/// `</style>` inside a `noframes` would end it early.
fn strip_inline_code<'a>(
    html: &'a str,
    pieces: impl Iterator<Item = Piece<'a>> + Clone,
    rename_style: bool,
) -> Cow<'a, str> {
    let is_inline_code = |name: &str| {
        name.eq_ignore_ascii_case("style") || name.get(..2).is_some_and(|on| on.eq_ignore_ascii_case("on"))
    };
    let needs_change = |piece: &Piece| match piece {
        Piece::StartTag { name, attributes, .. } => {
            (rename_style && name == "style")
                || attributes.iter().any(|(attribute, _)| is_inline_code(attribute))
        }
        Piece::EndTag { name, .. } => rename_style && name == "style",
        _ => false,
    };
    let as_markup = |text: &'a str| strip_inline_code(text, pieces_as_markup(text), false);
    let changes = |piece: &Piece<'a>| match piece {
        Piece::Raw { element: "xmp" | "plaintext", .. } => false,
        Piece::Raw { text, .. } => matches!(as_markup(text), Cow::Owned(_)),
        _ => needs_change(piece),
    };
    if !pieces.clone().any(|piece| changes(&piece)) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    for piece in pieces {
        match piece {
            Piece::StartTag { name, text, attributes } => {
                let mut at = 0;
                if rename_style && name == "style" {
                    out.push_str("<noframes");
                    at = 1 + name.len();
                }
                for (_, range) in attributes.iter().filter(|(attribute, _)| is_inline_code(attribute)) {
                    out.push_str(&text[at..range.start]);
                    out.push(' ');
                    at = range.end;
                }
                out.push_str(&text[at..]);
            }
            Piece::EndTag { name, text } if rename_style && name == "style" => {
                out.push_str("</noframes");
                out.push_str(&text[2 + name.len()..]);
            }
            Piece::Raw { element, text } if element != "xmp" && element != "plaintext" => {
                out.push_str(&as_markup(text));
            }
            other => out.push_str(other.text()),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_inline_code_out_of_the_markup_and_nothing_else() {
        let cases = [
            ("<p>plain</p>", "<p>plain</p>"),
            ("<img src=x onerror=alert(1)>", "<img src=x >"),
            (
                "<P STYLE=\"color:red\" OnClick='x()' title=\"on style\">t</P>",
                "<P   title=\"on style\">t</P>",
            ),
            ("<p a=\"1\"onclick=\"x\"b=2>", "<p a=\"1\" b=2>"),
            ("<p/style=x>", "<p >"),
            ("<svg onload=x><animate onbegin=y></svg>", "<svg ><animate ></svg>"),
            ("<style>p { x: '</p>' }</style>a", "<noframes>p { x: '</p>' }</noframes>a"),
            ("<STYLE media=x>p{}</Style >", "<noframes media=x>p{}</noframes >"),
            (
                "<textarea><p style=x></textarea><xmp><b onclick=x></xmp>",
                "<textarea><p ></textarea><xmp><b onclick=x></xmp>",
            ),
            ("<math><mglyph><style></math><img src onerror=x>", "<math><mglyph><noframes></math><img src >"),
            (
                "<script>var s = \"<p title='\";</script><p style=x>",
                "<script>var s = \"<p title='\";</script><p >",
            ),
            ("<!-- <p style=x> --><p title='a style=b'>", "<!-- <p style=x> --><p title='a style=b'>"),
            ("<p style=\"open", "<p style=\"open"),
        ];
        for (html, expected) in cases {
            assert_eq!(without_inline_code(html), expected, "{html}");
        }
    }
}
