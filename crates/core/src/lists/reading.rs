//! What the article view adds around an article: how long it takes to read, and its neighbours
//! in the feed. (The articles related to it are the `Selector`'s, which has the tags' bits.)

use crate::content::{block_text, Block};

/// Reading speed for words of alphabetic scripts.
const WORDS_PER_MINUTE: usize = 230;
/// Reading speed for Chinese, Japanese and Korean, counted in characters, which carry roughly
/// half a word each.
const CJK_CHARS_PER_MINUTE: usize = 500;

fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x2FFFF) // CJK Extensions B and later
}

/// Whether `c` makes a run of text a word rather than punctuation (`—`, `…`, `«`): an ASCII
/// letter or digit, or any other character outside the punctuation and symbol blocks. Close
/// enough for an estimate, without the Unicode tables `char::is_alphanumeric` costs the bundle
/// (1.9 KB of brotli).
fn is_wordlike(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || !(c.is_ascii()
            || matches!(u32::from(c), 0x80..=0xBF | 0x2000..=0x2BFF | 0x3000..=0x303F | 0xFE30..=0xFE6F))
}

/// Whole minutes to read `text`, at least one: words at 230 a minute, CJK characters (which
/// are not separated by spaces) at 500 a minute.
pub fn reading_minutes_of(text: &str) -> usize {
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    let words =
        text.split(|c: char| c.is_whitespace() || is_cjk(c)).filter(|w| w.chars().any(is_wordlike)).count();
    // words / 230 + cjk / 500, rounded up, over a common denominator.
    let work = words * CJK_CHARS_PER_MINUTE + cjk * WORDS_PER_MINUTE;
    work.div_ceil(WORDS_PER_MINUTE * CJK_CHARS_PER_MINUTE).max(1)
}

/// Minutes to read an article's highlights and its body (as shown: parsed into blocks).
pub fn reading_minutes(highlights: &[String], body: &[Block]) -> usize {
    let mut text = highlights.join(" ");
    for block in body {
        text.push(' ');
        text.push_str(&block_text(block));
    }
    reading_minutes_of(&text)
}

/// The articles before and after `position` in `order` (the list the person came from): the
/// newer one and the older one; `None` when `position` is not in the list.
pub fn neighbours(order: &[usize], position: usize) -> Option<(Option<usize>, Option<usize>)> {
    let at = order.iter().position(|&p| p == position)?;
    Some((at.checked_sub(1).map(|i| order[i]), order.get(at + 1).copied()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_alone_is_no_word() {
        let words = |text: &str| text.split_whitespace().filter(|w| w.chars().any(is_wordlike)).count();
        let cases =
            [("Ein Wort — ein zweites …", 4), ("« Ça » va", 2), ("١٢ مقالة، ثم", 3), ("Ελλάδα · 2024", 2)];
        for (text, expected) in cases {
            assert_eq!(words(text), expected, "{text}");
        }
    }

    #[test]
    fn counts_reading_time() {
        let words = |n: usize| "word ".repeat(n);
        let cases = [
            (String::new(), 1),
            (words(10), 1),
            (words(230), 1),
            (words(231), 2),
            (words(1000), 5),
            ("東".repeat(500), 1),
            ("東".repeat(501), 2),
            (format!("{}{}", words(230), "字".repeat(500)), 2),
            ("— – … 42".to_owned(), 1),
            ("كلمة ".repeat(460), 2),
        ];
        for (text, minutes) in cases {
            assert_eq!(reading_minutes_of(&text), minutes, "{} chars", text.chars().count());
        }
    }

    #[test]
    fn finds_neighbours_in_the_list_shown() {
        let order = [4, 2, 7];
        let cases = [
            (4, Some((None, Some(2)))),
            (2, Some((Some(4), Some(7)))),
            (7, Some((Some(2), None))),
            (5, None),
        ];
        for (position, expected) in cases {
            assert_eq!(neighbours(&order, position), expected);
        }
    }
}
