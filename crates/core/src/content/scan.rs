//! A quick forward scan of HTML into tags and text, for the two jobs that happen before (or
//! instead of) a real parse: search's text of a body at load ([`super::search_text`]) and hiding
//! inline code from the browser's parser ([`super::inline_code::without_inline_code`]).
//!
//! It is not a parser: it knows tags with their attributes (quoted values included), comments
//! and the elements whose content is raw text, and nothing of tree construction. Both users are
//! safe against its mistakes: search only reads text, and the parser still reads whatever the
//! scan passes on.

use std::ops::Range;

#[cfg(test)]
thread_local! {
    /// The bytes the scan's searches have passed over on this thread. Every other step of the
    /// scan moves forward over the piece it returns, so this is the work that could grow faster
    /// than the input; `native`'s linear-work test bounds it (a count, not a time).
    pub(crate) static SEARCHED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Where `c` first is in `text` (`str::find`); in tests, the bytes passed over to get there
/// are counted in [`SEARCHED`].
fn find_char(text: &str, c: char) -> Option<usize> {
    let found = text.find(c);
    #[cfg(test)]
    searched(text, found);
    found
}

/// Where `pattern` first starts in `text`, counted as [`find_char`] is.
fn find_str(text: &str, pattern: &str) -> Option<usize> {
    let found = text.find(pattern);
    #[cfg(test)]
    searched(text, found);
    found
}

#[cfg(test)]
fn searched(text: &str, found: Option<usize>) {
    SEARCHED.with(|searched| searched.set(searched.get() + found.map_or(text.len(), |at| at + 1) as u64));
}

/// Elements whose content is not markup (raw text or RCDATA), up to their end tag; after
/// `<plaintext>` everything is text.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// A piece of HTML, borrowed from it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Text between tags, character references not decoded.
    Text(&'a str),
    /// The content of a raw-text element (`element`), up to its end tag.
    Raw { element: &'a str, text: &'a str },
    /// A start tag: its lower-cased name, its whole text (`<` to `>`) and each attribute's name
    /// and byte range in that text (from the space before its name to the end of its value).
    StartTag { name: String, text: &'a str, attributes: Vec<(&'a str, Range<usize>)> },
    /// An end tag and its lower-cased name.
    EndTag { name: String, text: &'a str },
    /// A comment, doctype, processing instruction or bogus comment, or a tag the end of the
    /// text cuts short.
    Other(&'a str),
}

impl<'a> Piece<'a> {
    /// The piece's text, exactly as in the HTML.
    pub(crate) fn text(&self) -> &'a str {
        match self {
            Piece::Text(text) | Piece::Other(text) => text,
            Piece::Raw { text, .. } | Piece::StartTag { text, .. } | Piece::EndTag { text, .. } => text,
        }
    }
}

/// The pieces of `html`, in order; together they are all of it.
pub(crate) fn pieces(html: &str) -> Pieces<'_> {
    Pieces { rest: html, raw: None, raw_text: true }
}

/// The pieces of `html` read as if no element had raw text: what a parser would see of it were
/// it markup (in foreign content, say, where `<style>` holds elements).
pub(crate) fn pieces_as_markup(html: &str) -> Pieces<'_> {
    Pieces { rest: html, raw: None, raw_text: false }
}

#[derive(Clone)]
pub(crate) struct Pieces<'a> {
    rest: &'a str,
    /// The raw-text element whose content comes next.
    raw: Option<&'static str>,
    /// Whether raw-text elements are told apart at all.
    raw_text: bool,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let rest = self.rest;
        if rest.is_empty() {
            return None;
        }
        if let Some(element) = self.raw.take() {
            let len = if element == "plaintext" { rest.len() } else { end_tag_at(rest, element) };
            self.rest = &rest[len..];
            return Some(Piece::Raw { element, text: &rest[..len] });
        }
        let (piece, len) = match find_char(rest, '<') {
            Some(0) => self.markup(rest),
            Some(at) => (Piece::Text(&rest[..at]), at),
            None => (Piece::Text(rest), rest.len()),
        };
        self.rest = &rest[len..];
        Some(piece)
    }
}

impl<'a> Pieces<'a> {
    /// The piece at `text`, which starts with `<`, and its length.
    fn markup(&mut self, text: &'a str) -> (Piece<'a>, usize) {
        let after = &text[1..];
        let to_gt = |from: usize| find_char(&text[from..], '>').map_or(text.len(), |end| from + end + 1);
        if let Some(comment) = after.strip_prefix("!--") {
            let len = text.len() - skip_comment(comment).len();
            return (Piece::Other(&text[..len]), len);
        }
        if after.starts_with(['!', '?']) {
            let len = to_gt(1);
            return (Piece::Other(&text[..len]), len);
        }
        if let Some(end_tag) = after.strip_prefix('/') {
            if !end_tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
                // `</>` is dropped; `</ x>` and `</3>` are bogus comments.
                let len = to_gt(2);
                return (Piece::Other(&text[..len]), len);
            }
            let Some((name, len, _)) = tag(text, 2) else { return (Piece::Other(text), text.len()) };
            return (Piece::EndTag { name, text: &text[..len] }, len);
        }
        if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return (Piece::Text(&text[..1]), 1);
        }
        let Some((name, len, attributes)) = tag(text, 1) else { return (Piece::Other(text), text.len()) };
        self.raw = RAW_TEXT.iter().find(|raw| self.raw_text && **raw == name).copied();
        (Piece::StartTag { name, text: &text[..len], attributes }, len)
    }
}

/// The tag at the start of `text`, its name starting at `name_start`: the lower-cased name, the
/// tag's length and its attributes, or `None` when the text ends inside it (a parser drops such a
/// tag).
#[allow(clippy::type_complexity)]
fn tag(text: &str, name_start: usize) -> Option<(String, usize, Vec<(&str, Range<usize>)>)> {
    let bytes = text.as_bytes();
    let is_space = |b: u8| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    let mut at = name_start;
    while at < bytes.len() && !is_space(bytes[at]) && !matches!(bytes[at], b'/' | b'>') {
        at += 1;
    }
    let name = text[name_start..at].to_ascii_lowercase();
    let mut attributes = Vec::new();
    loop {
        let start = at;
        while at < bytes.len() && (is_space(bytes[at]) || bytes[at] == b'/') {
            at += 1;
        }
        match bytes.get(at)? {
            b'>' => return Some((name, at + 1, attributes)),
            _ => {
                // A name runs to a space, `/`, `>` or `=` (an `=` first is part of it).
                let name_start = at;
                at += 1;
                while at < bytes.len() && !is_space(bytes[at]) && !matches!(bytes[at], b'/' | b'>' | b'=') {
                    at += 1;
                }
                let attribute = &text[name_start..at];
                let mut value_end = at;
                while value_end < bytes.len() && is_space(bytes[value_end]) {
                    value_end += 1;
                }
                if bytes.get(value_end) == Some(&b'=') {
                    value_end += 1;
                    while value_end < bytes.len() && is_space(bytes[value_end]) {
                        value_end += 1;
                    }
                    match bytes.get(value_end) {
                        Some(&quote @ (b'"' | b'\'')) => {
                            value_end += 1 + find_char(&text[value_end + 1..], char::from(quote))? + 1;
                        }
                        _ => {
                            while value_end < bytes.len()
                                && !is_space(bytes[value_end])
                                && bytes[value_end] != b'>'
                            {
                                value_end += 1;
                            }
                        }
                    }
                    at = value_end;
                }
                attributes.push((attribute, start..at));
            }
        }
    }
}

/// After `<!--`: the text following the comment. `<!-->` and `<!--->` are empty comments;
/// `-->` or `--!>` end the others; without an end, the comment runs to the end.
fn skip_comment(comment: &str) -> &str {
    if let Some(after) = comment.strip_prefix('>').or_else(|| comment.strip_prefix("->")) {
        return after;
    }
    let mut position = 0;
    while let Some(dashes) = find_str(&comment[position..], "--").map(|i| position + i) {
        let tail = &comment[dashes + 2..];
        if let Some(after) = tail.strip_prefix('>').or_else(|| tail.strip_prefix("!>")) {
            return after;
        }
        position = dashes + 1;
    }
    ""
}

/// Where the end tag `</name` (case-insensitive, then a space, `/` or `>`) starts in `text`, or
/// its length when there is none.
fn end_tag_at(text: &str, name: &str) -> usize {
    let bytes = text.as_bytes();
    let mut position = 0;
    while let Some(lt) = find_str(&text[position..], "</").map(|i| position + i) {
        let start = lt + 2;
        let candidate = bytes.get(start..start + name.len());
        let boundary =
            bytes.get(start + name.len()).is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'));
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) && boundary {
            return lt;
        }
        position = start;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_html_into_pieces_that_make_it_whole() {
        let cases = [
            "<p class=\"a > b\" title='c' data-x=y hidden>text</p>",
            "a<!-- c --><!x><?p?></ x></>b",
            "<script>if (a < b) x('</p>')</SCRIPT >after",
            "<p/style=x>",
            "<p a=\"1\"onclick=\"x\"b=2 =c>",
            "1 < 2 <3",
            "<plaintext><b>all",
            "<p title=\"open",
        ];
        for html in cases {
            let joined: String = pieces(html).map(|piece| piece.text()).collect();
            assert_eq!(joined, html);
        }
    }

    #[test]
    fn reads_tags_and_their_attributes() {
        let names = |html: &str| -> Vec<(String, Vec<String>)> {
            pieces(html)
                .filter_map(|piece| match piece {
                    Piece::StartTag { name, text, attributes } => Some((
                        name,
                        attributes.into_iter().map(|(n, r)| format!("{n}@{}", &text[r])).collect(),
                    )),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            names("<P Class=\"a > b\" title='c' data-x=y hidden>"),
            [(
                "p".to_owned(),
                vec![
                    "Class@ Class=\"a > b\"".to_owned(),
                    "title@ title='c'".to_owned(),
                    "data-x@ data-x=y".to_owned(),
                    "hidden@ hidden".to_owned()
                ]
            )]
        );
        assert_eq!(names("<p/style=x>"), [("p".to_owned(), vec!["style@/style=x".to_owned()])]);
        assert_eq!(
            names("<p a=\"1\"onclick=\"x\"b=2 =c>"),
            [(
                "p".to_owned(),
                vec![
                    "a@ a=\"1\"".to_owned(),
                    "onclick@onclick=\"x\"".to_owned(),
                    "b@b=2".to_owned(),
                    "=c@ =c".to_owned()
                ]
            )]
        );
        assert_eq!(
            pieces("<style>p { a: '</p>' }</style>x").collect::<Vec<_>>()[1],
            Piece::Raw { element: "style", text: "p { a: '</p>' }" }
        );
    }
}
