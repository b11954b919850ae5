//! Plain text from feed text: whitespace folded, HTML read the way the reader reads it, and the
//! short summary a card shows when a feed gives none.

use article_reader_core::content::{block_text, blocks_from_html};

/// About how long a summary made from an article's text is, in characters.
pub const SUMMARY_CHARS: usize = 200;

/// A feed's own summary is kept whole up to this many characters; a longer one (many feeds put
/// the whole article in `description`) is shortened like a made one.
pub const OWN_SUMMARY_CHARS: usize = 500;

/// `text` with every run of whitespace made one space, and trimmed.
pub fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The visible text of some HTML as the reader would show it, blocks joined by spaces.
pub fn text_of_html(html: &str) -> String {
    let blocks = blocks_from_html(html);
    let parts: Vec<String> = blocks.iter().map(block_text).collect();
    fold_whitespace(&parts.join(" "))
}

/// A summary of `text` of at most about `max_chars` characters: the whole text when it fits,
/// else its first sentences when they fill at least half of it, else the text cut at the last
/// word that fits, with an ellipsis. `None` for blank text.
pub fn summarize(text: &str, max_chars: usize) -> Option<String> {
    let text = fold_whitespace(text);
    if text.is_empty() {
        return None;
    }
    let Some((limit, _)) = text.char_indices().nth(max_chars) else {
        return Some(text);
    };
    let head = &text[..limit];
    let sentence_end = head
        .char_indices()
        .filter(|(at, c)| is_sentence_end(*c) && text[at + c.len_utf8()..].starts_with(' '))
        .map(|(at, c)| at + c.len_utf8())
        .next_back();
    if let Some(end) = sentence_end.filter(|end| head[..*end].chars().count() >= max_chars / 2) {
        return Some(head[..end].to_owned());
    }
    let cut = match head.rfind(' ') {
        Some(space) if space > 0 => &head[..space],
        _ => head, // One long word (or a script written without spaces): cut inside it.
    };
    let cut =
        cut.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—'));
    Some(format!("{cut}…"))
}

/// Full stops, question and exclamation marks of the scripts feeds are written in: Latin,
/// Arabic (`؟`, `۔`), CJK (`。`, `！`, `？`), Devanagari (`।`) and an ellipsis.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '؟' | '۔' | '。' | '！' | '？' | '।')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_whitespace() {
        let cases = [("  a \n\t b  ", "a b"), ("", ""), ("\u{a0}x\u{2003}y", "x y")];
        for (text, expected) in cases {
            assert_eq!(fold_whitespace(text), expected, "{text:?}");
        }
    }

    #[test]
    fn reads_html_into_text() {
        let cases = [
            ("<p>One</p><p>Two <b>bold</b></p>", "One Two bold"),
            ("a &amp; b &lt;c&gt;", "a & b <c>"),
            ("<script>x()</script>seen", "seen"),
            ("<ul><li>a</li><li>b</li></ul>", "a b"),
            ("", ""),
        ];
        for (html, expected) in cases {
            assert_eq!(text_of_html(html), expected, "{html}");
        }
    }

    #[test]
    fn summarizes_at_sentences_else_at_words() {
        let sentence = "Each of these sentences ends in a full stop.";
        let three = format!("{sentence} {sentence} {sentence}");
        let five = format!("{three} {sentence} {sentence}");
        let long_sentence = "word ".repeat(60);
        let arabic = format!("هذه جملة عربية قصيرة تنتهي بعلامة استفهام؟ {}", "كلمة ".repeat(60));
        let cases: Vec<(&str, usize, Option<String>)> = vec![
            ("", 200, None),
            ("   ", 200, None),
            ("Short.", 200, Some("Short.".to_owned())),
            (&three, 200, Some(three.clone())),
            (&five, 200, Some(format!("{sentence} {sentence} {sentence} {sentence}"))),
            (&long_sentence, 200, Some(format!("{}…", "word ".repeat(40).trim_end()))),
            (
                "Hi. And then a run of words that goes on past the limit",
                20,
                Some("Hi. And then a run…".to_owned()),
            ),
            ("ababababababab", 5, Some("ababa…".to_owned())),
            ("one, two, three, four", 10, Some("one, two…".to_owned())),
            (&arabic, 60, Some("هذه جملة عربية قصيرة تنتهي بعلامة استفهام؟".to_owned())),
        ];
        for (text, max, expected) in cases {
            assert_eq!(summarize(text, max), expected, "{text:?} at {max}");
        }
    }
}
