//! What search and headlines see of an HTML body when a feed loads, before anyone opens it.
//!
//! Parsing every body of a large feed with the browser's parser at load time would cost more
//! than the whole load does now, so bodies stay HTML until their article opens
//! ([`crate::model::Body`]) and the search index takes their text from one quick forward scan
//! instead ([`super::scan`]). Exactly what it sees:
//!
//! - the text between tags; comments (`<!-- -->`, and `<!…>` / `<?…>`) are skipped;
//! - the content of `script`, `style`, `textarea`, `title`, `iframe`, `noembed` and `noframes`
//!   is skipped up to that element's end tag; that of `xmp` and, to the end, of `plaintext` is
//!   text as written;
//! - character references are decoded exactly as the HTML parser decodes them in text: the scan
//!   finds each one and the platform's own parser reads it ([`Platform::decode_reference`]),
//!   once per distinct reference in a load;
//! - block elements and line breaks separate words (a newline); inline elements do not;
//! - attribute values, image descriptions (`alt`) included, are not searched.
//!
//! So search can differ from the article view only on markup a browser would reshape: text in
//! an unclosed `<svg>`, say, which the view drops, or a `</script>` that script data's escape
//! states would have kept inside the script. The view itself always comes from the real parser.

use super::scan::{pieces, Piece};
use super::walk::is_block_level;
use crate::platform::Platform;

/// Character references read by the platform, each distinct one once: a feed of thousands of
/// articles holds a few dozen different ones. The first [`References::KEPT`] are kept (a list
/// that short is searched faster than a map is hashed); past them, each is read again.
pub struct References<'a> {
    platform: &'a dyn Platform,
    decoded: Vec<(String, String)>,
}

impl<'a> References<'a> {
    const KEPT: usize = 64;

    pub fn new(platform: &'a dyn Platform) -> Self {
        References { platform, decoded: Vec::new() }
    }

    fn decode(&mut self, reference: &str, out: &mut String) {
        match self.decoded.iter().find(|(known, _)| known == reference) {
            Some((_, text)) => out.push_str(text),
            None => {
                let text = self.platform.decode_reference(reference);
                out.push_str(&text);
                if self.decoded.len() < Self::KEPT {
                    self.decoded.push((reference.to_owned(), text));
                }
            }
        }
    }
}

impl std::fmt::Debug for References<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("References").field("decoded", &self.decoded.len()).finish()
    }
}

/// The text of an HTML body for search, as described in the module docs. One forward pass.
pub fn search_text(html: &str, references: &mut References) -> String {
    let mut out = String::with_capacity(html.len());
    for piece in pieces(html) {
        match piece {
            Piece::Text(mut text) => {
                while let Some(at) = text.find('&') {
                    out.push_str(&text[..at]);
                    let len = reference_len(&text[at..]);
                    references.decode(&text[at..at + len], &mut out);
                    text = &text[at + len..];
                }
                out.push_str(text);
            }
            // Shown as written, without references decoded.
            Piece::Raw { element: "xmp" | "plaintext", text } => out.push_str(text),
            Piece::StartTag { name, .. } | Piece::EndTag { name, .. } if starts_a_line(&name) => {
                out.push('\n')
            }
            _ => {}
        }
    }
    out
}

/// Whether the tags of the element `name` separate words: block elements and line breaks.
fn starts_a_line(name: &str) -> bool {
    name == "br" || is_block_level(name)
}

/// The length of what may be a character reference at the start of `text` (which starts with
/// `&`): `&#` and digits (hexadecimal after `x`), or `&` and letters and digits, with a `;` if
/// one follows; at least the `&`. The parser decides what of it is a reference.
fn reference_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (start, digit): (usize, fn(&u8) -> bool) = match bytes.get(1..3) {
        Some([b'#', b'x' | b'X']) => (3, u8::is_ascii_hexdigit),
        _ if bytes.get(1) == Some(&b'#') => (2, u8::is_ascii_digit),
        _ => (1, u8::is_ascii_alphanumeric),
    };
    // The longest name is 31 characters; numbers past U+10FFFF all read as U+FFFD.
    let len = start + bytes[start.min(bytes.len())..].iter().take(32).take_while(|b| digit(b)).count();
    if len == start {
        return 1;
    }
    len + usize::from(bytes.get(len) == Some(&b';'))
}

// How references are decoded is the platform's: `tests/whatwg_parsing.rs` holds the scan with
// html5ever to the HTML parser's rules. Here the platform reads nothing.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Plain;

    fn scan(html: &str) -> String {
        search_text(html, &mut References::new(&Plain))
    }

    #[test]
    fn reads_the_text_between_tags() {
        let cases = [
            ("<p>One</p><p>Two</p>", "\nOne\n\nTwo\n"),
            ("Pak<em>istan</em>", "Pakistan"),
            ("a<br>b", "a\nb"),
            ("<img alt=\"not searched\" src=x>seen", "seen"),
            ("<a title='a > b' href=x>link</a>", "link"),
            ("one<!-- hidden -->two<!-->three<!--->four<!-- x --!>five", "onetwothreefourfive"),
            ("a<!DOCTYPE html>b<?php x ?>c</ x>d</>e", "abcde"),
            ("a<script>if (1 < 2) x('</p>')</SCRIPT >b", "ab"),
            (
                "a<style>p{}</style>b<textarea><p>t</textarea>c<title>t</title>d<xmp><b>&amp;</xmp>",
                "abcd\n<b>&amp;\n",
            ),
            ("a<plaintext><p>&amp; all text", "a\n<p>&amp; all text"),
            ("1 < 2 and 3 <4", "1 < 2 and 3 <4"),
            ("<p>a<script>never closed", "\na"),
            ("<p>open <!-- comment", "\nopen "),
        ];
        for (html, expected) in cases {
            assert_eq!(scan(html), expected, "{html}");
        }
    }

    #[test]
    fn asks_the_platform_once_per_distinct_reference() {
        use std::cell::Cell;
        struct Counting(Cell<usize>);
        impl Platform for Counting {
            fn decode_reference(&self, reference: &str) -> String {
                self.0.set(self.0.get() + 1);
                reference.to_uppercase()
            }

            fn resolve_url(&self, _: &str, _: &str) -> Option<String> {
                None
            }
        }
        let counting = Counting(Cell::new(0));
        let mut references = References::new(&counting);
        let text = search_text(&"caf&eacute; &amp; &#8217;".repeat(1000), &mut references);
        assert_eq!(text, "caf&EACUTE; &AMP; &#8217;".repeat(1000));
        assert_eq!(counting.0.get(), 3);
    }
}
