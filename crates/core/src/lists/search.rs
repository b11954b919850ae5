//! Full-text search over title, summary and body: case- and diacritics-insensitive, every word
//! of the query must appear, and the matched words can be highlighted in the original text.
//!
//! Text is "folded" for matching: lower-cased, with diacritics removed (é → e, Ä → a, Vietnamese
//! tones, Greek tonos, the Arabic short vowels and tatweel dropped), letters people write two
//! ways made one (ß and ss, æ and ae, œ and oe, þ and th, ð and d, ș and ş, ț and ţ, ё and е, the
//! alef forms, Persian ی and ک with Arabic ي and ك). Folding works char by char,
//! so a match in folded text maps back to the original characters for highlighting.

use crate::content::References;
use crate::model::Feed;
use crate::platform::Platform;

/// Appends the folded form of `c` to `out`.
fn fold_char(c: char, out: &mut String) {
    let code = u32::from(c);
    let is_mark = matches!(code,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        // Arabic harakat, Quranic marks, superscript alef, tatweel.
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0640
        // Hebrew points.
        | 0x0591..=0x05C7);
    if is_mark {
        return;
    }
    // Letters that fold to two.
    let pair = match c {
        'ß' | 'ẞ' => Some("ss"),
        'Æ' | 'æ' => Some("ae"),
        'Œ' | 'œ' => Some("oe"),
        'Þ' | 'þ' => Some("th"),
        _ => None,
    };
    if let Some(pair) = pair {
        out.push_str(pair);
        return;
    }
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => 'a',
        'Ç' | 'ç' | 'Ć'..='č' => 'c',
        'Ď'..='đ' | 'Ð' | 'ð' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => 'e',
        'Ĝ'..='ģ' => 'g',
        'Ĥ'..='ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => 'i',
        'Ĵ' | 'ĵ' => 'j',
        'Ķ' | 'ķ' => 'k',
        'Ĺ'..='ł' => 'l',
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => 'o',
        'Ŕ'..='ř' => 'r',
        'Ś'..='š' | 'Ș' | 'ș' => 's',
        'Ţ'..='ŧ' | 'Ț' | 'ț' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' | 'Ư' | 'ư' => 'u',
        'Ơ' | 'ơ' => 'o',
        // Vietnamese letters with their tone marks, precomposed.
        '\u{1EA0}'..='\u{1EB7}' => 'a',
        '\u{1EB8}'..='\u{1EC7}' => 'e',
        '\u{1EC8}'..='\u{1ECB}' => 'i',
        '\u{1ECC}'..='\u{1EE3}' => 'o',
        '\u{1EE4}'..='\u{1EF1}' => 'u',
        '\u{1EF2}'..='\u{1EF9}' => 'y',
        // Greek vowels with tonos or dialytika, and the final sigma.
        'Ά' | 'ά' => 'α',
        'Έ' | 'έ' => 'ε',
        'Ή' | 'ή' => 'η',
        'Ί' | 'ί' | 'Ϊ' | 'ϊ' | 'ΐ' => 'ι',
        'Ό' | 'ό' => 'ο',
        'Ύ' | 'ύ' | 'Ϋ' | 'ϋ' | 'ΰ' => 'υ',
        'Ώ' | 'ώ' => 'ω',
        'ς' => 'σ',
        // Cyrillic ё, written е as often as not.
        'Ё' | 'ё' => 'е',
        'Ŵ' | 'ŵ' => 'w',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => 'y',
        'Ź'..='ž' => 'z',
        // Arabic letters written several ways in practice.
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        // Persian yeh and keheh, and the Arabic forms people type for them.
        'ى' | 'ی' => 'ي',
        'ک' => 'ك',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        // Typographic quotes and dashes match their plain forms.
        '‘' | '’' | '‛' | 'ʼ' => '\'',
        '“' | '”' | '„' => '"',
        '‐' | '‑' | '–' | '—' => '-',
        _ => {
            crate::lists::case::push_lowercase(c, out);
            return;
        }
    };
    out.push(base);
}

/// `text` folded for matching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends `text` folded to `out`. Runs of ASCII, most of most feeds, take a fast path: the
/// search index folds every article's whole text when a feed loads.
fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        if ascii > 0 {
            let start = out.len();
            out.push_str(&rest[..ascii]);
            out[start..].make_ascii_lowercase();
            rest = &rest[ascii..];
            continue;
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_char(c, out);
        }
        rest = chars.as_str();
    }
}

/// What the person typed, as folded words. Empty when there is nothing to search for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let mut words: Vec<String> = fold(text)
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '"'))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        crate::lists::order::sort_by(&mut words, String::cmp);
        words.dedup();
        // A word inside another one adds nothing: "pak pakistan" is "pakistan".
        let all = words.clone();
        words.retain(|w| !all.iter().any(|other| other != w && other.contains(w.as_str())));
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Whether every article this query matches is also matched by `broader`: each of
    /// `broader`'s words is inside one of this query's words.
    pub fn narrows(&self, broader: &Query) -> bool {
        broader.words.iter().all(|word| self.words.iter().any(|mine| mine.contains(word.as_str())))
    }

    /// Whether every word appears in `folded` (text already folded).
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.words.iter().all(|word| find(folded, word).is_some())
    }
}

/// Every article's searchable text, folded once. A large feed's index is built a slice at a
/// time after its first page is on screen ([`SearchIndex::extend`]); until it is complete, only
/// the articles folded so far can match, and [`SearchIndex::is_complete`] says so.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    texts: Vec<String>,
    /// How many articles the feed has, so the index knows when it holds them all.
    articles: usize,
}

impl SearchIndex {
    /// Folds every article's text at once; bodies through [`crate::content::search_text`],
    /// whose character references `platform` reads.
    pub fn build(feed: &Feed, platform: &dyn Platform) -> SearchIndex {
        let mut index = SearchIndex::empty(feed);
        index.extend(feed, platform, usize::MAX);
        index
    }

    /// An index of `feed` with nothing folded yet.
    pub fn empty(feed: &Feed) -> SearchIndex {
        SearchIndex { texts: Vec::with_capacity(feed.articles.len()), articles: feed.articles.len() }
    }

    /// Folds the text of up to `count` more of `feed`'s articles (the feed the index was made
    /// for), in order. Returns whether the index is now complete.
    pub fn extend(&mut self, feed: &Feed, platform: &dyn Platform, count: usize) -> bool {
        let mut references = References::new(platform);
        let start = self.texts.len();
        let next = feed.articles.iter().skip(start).take(count).map(|article| {
            let mut text = String::new();
            fold_into(&article.title, &mut text);
            for part in article.summary.iter().chain(&article.highlights) {
                text.push('\n');
                fold_into(part, &mut text);
            }
            text.push('\n');
            fold_into(&article.body.search_text(&mut references), &mut text);
            text.shrink_to_fit();
            text
        });
        self.texts.extend(next);
        self.is_complete()
    }

    /// Whether every article's text is in: until then a search may miss articles.
    pub fn is_complete(&self) -> bool {
        self.texts.len() >= self.articles
    }

    /// Whether the article at `position` matches `query` (every article matches an empty one;
    /// one not folded yet matches no words).
    pub fn matches(&self, position: usize, query: &Query) -> bool {
        query.is_empty() || self.texts.get(position).is_some_and(|text| query.matches_folded(text))
    }

    /// How long the article at `position`'s folded text is, in bytes: what looking through it
    /// costs.
    pub fn text_len(&self, position: usize) -> usize {
        self.texts.get(position).map_or(0, String::len)
    }

    /// Where `word` (folded) first appears in the article at `position`, looking from byte
    /// `from` of its folded text on; `None` for an article not folded yet.
    pub fn find_from(&self, position: usize, word: &str, from: usize) -> Option<usize> {
        let text = self.texts.get(position)?;
        find(text.get(from..)?, word).map(|at| from + at)
    }
}

/// Where `needle` first appears in `haystack`, in bytes: `str::find`, eight bytes a step.
///
/// A keystroke on a large feed reads much of its folded text: the letter that first leaves most
/// articles out reads each article that had the shorter word to its end (140 MB at 100,000
/// articles). The standard library's two-way search goes a byte a step in wasm (its SIMD path is
/// x86's), and `memchr`'s portable `memchr` a `usize`, four bytes. This looks for the needle's
/// first byte in a `u64` at a time (the zero-byte test: a lane of `word ^ first` is zero where
/// they match) and compares the rest where it is. Measured in Node 22 on a wasm32 build at
/// opt-level "z", 25,000 texts of 5,600 bytes with no match: two-way 190–210 ms, `memchr` then a
/// compare 140 ms, this 100–110 ms. A match of a whole UTF-8 needle in UTF-8 text always starts
/// at a character boundary, so bytes are enough.
fn find(haystack: &str, needle: &str) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else { return Some(0) };
    let last = haystack.len().checked_sub(needle.len())?;
    let firsts = u64::from_ne_bytes([first; 8]);
    let matches_at = |at: usize| haystack.get(at + 1..at + needle.len()) == Some(rest);
    let mut at = 0;
    while let Some(window) = haystack.get(at..at + 8) {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(window);
        let lanes = u64::from_le_bytes(bytes) ^ firsts;
        let zero_lanes = lanes.wrapping_sub(ONES) & !lanes & HIGHS;
        if zero_lanes == 0 {
            at += 8;
            continue;
        }
        // The lowest flagged lane is a true match of the first byte (a borrow only runs upward).
        let candidate = at + (zero_lanes.trailing_zeros() / 8) as usize;
        if candidate > last {
            return None;
        }
        if matches_at(candidate) {
            return Some(candidate);
        }
        at = candidate + 1;
    }
    (at..=last).find(|&candidate| haystack.get(candidate) == Some(&first) && matches_at(candidate))
}

/// `text` cut into runs, each marked when it matches a word of `query`, for `<mark>`.
pub fn highlight<'a>(text: &'a str, query: &Query) -> Vec<(&'a str, bool)> {
    if query.is_empty() || text.is_empty() {
        return vec![(text, false)];
    }
    // Fold char by char, remembering where in `text` each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<usize> = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let before = folded.len();
        fold_char(c, &mut folded);
        origin.extend(std::iter::repeat_n(at, folded.len() - before));
    }
    origin.push(text.len());
    let mut marked = vec![false; text.len()];
    for word in query.words() {
        let mut from = 0;
        while let Some(found) = folded[from..].find(word.as_str()) {
            let start = origin[from + found];
            let end = origin[from + found + word.len()];
            // Extend to the end of the last char matched (a folded char may have come from a
            // longer one, or from a char followed by dropped marks).
            let end = if end == start {
                text[start..].chars().next().map_or(start, |c| start + c.len_utf8())
            } else {
                end
            };
            marked[start..end].iter_mut().for_each(|m| *m = true);
            from += found + word.len().max(1);
        }
    }
    let mut runs: Vec<(&str, bool)> = Vec::new();
    let mut run_start = 0;
    for (at, _) in text.char_indices().skip(1).chain(std::iter::once((text.len(), ' '))) {
        if at == text.len() || marked[at] != marked[run_start] {
            runs.push((&text[run_start..at], marked[run_start]));
            run_start = at;
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_finds_what_str_find_finds() {
        // Texts of every length around the eight-byte steps, over a small alphabet (so that
        // first bytes recur, and needles end at the text's end), with two- and three-byte chars.
        let alphabet = ['a', 'b', 'é', 'a', '€', 'b', 'a'];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |below: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % below as u64) as usize
        };
        for _ in 0..20_000 {
            let text: String = (0..next(40)).map(|_| alphabet[next(alphabet.len())]).collect();
            let needle: String = (0..next(5)).map(|_| alphabet[next(alphabet.len())]).collect();
            assert_eq!(find(&text, &needle), text.find(needle.as_str()), "{needle:?} in {text:?}");
        }
        assert_eq!(find("abcdefgh", "h"), Some(7));
        assert_eq!(find("abcdefghi", "hi"), Some(7));
        assert_eq!(find("abcdefgh", "hi"), None);
        assert_eq!(find("", ""), Some(0));
        assert_eq!(find("", "a"), None);
    }

    #[test]
    fn folds_case_and_diacritics() {
        let cases = [
            ("Pakistan", "pakistan"),
            ("Ça Été Über ÅNGSTRÖM", "ca ete uber angstrom"),
            ("Łódź Şırnak", "lodz sirnak"),
            ("e\u{301}cole", "ecole"),
            ("إسلام آباد", "اسلام اباد"),
            ("مُحَمَّد", "محمد"),
            ("مدرسة", "مدرسه"),
            ("Khan’s ‘letter’ — “quote”", "khan's 'letter' - \"quote\""),
            ("東京", "東京"),
            ("ΑΘΗΝΑ", "αθηνα"),
            ("Straße STRAẞE", "strasse strasse"),
            ("Ærø Œuvre cœur", "aero oeuvre coeur"),
            ("Þórður Ðiðrik", "thordur didrik"),
            ("București Ştefan Țară ţară", "bucuresti stefan tara tara"),
            ("Tiếng Việt Hồ Chí Minh Đà Nẵng phở ƯƠ", "tieng viet ho chi minh da nang pho uo"),
            ("Ελλάδα Αθήνα οδός ΆΈΉΊΌΎΏ ϊϋΐΰ", "ελλαδα αθηνα οδοσ αεηιουω ιυιυ"),
            ("Ёлка ёж", "елка еж"),
            ("ایران کتاب", "ايران كتاب"),
        ];
        for (text, expected) in cases {
            assert_eq!(fold(text), expected, "{text}");
        }
    }

    #[test]
    fn every_word_must_match() {
        let text = fold("Pakistan’s foreign office spokesperson criticized a letter");
        let cases = [
            ("", true),
            ("pakistan", true),
            ("PAKISTAN LETTER", true),
            ("pakistan's", true),
            ("pakistan brazil", false),
            ("critic", true),
            ("spokésperson", true),
            ("  office   ", true),
            ("letters", false),
        ];
        for (query, expected) in cases {
            assert_eq!(Query::parse(query).matches_folded(&text), expected, "{query:?}");
        }
    }

    #[test]
    fn parses_queries_into_distinct_words() {
        let cases: [(&str, &[&str]); 4] = [
            ("Pak pakistan", &["pakistan"]),
            ("b a b", &["a", "b"]),
            (" \"UK\", talks ", &["talks", "uk"]),
            ("", &[]),
        ];
        for (text, words) in cases {
            assert_eq!(Query::parse(text).words(), words, "{text:?}");
        }
    }

    #[test]
    fn highlights_matches_in_the_original_text() {
        let marks = |text: &str, query: &str| -> Vec<String> {
            highlight(text, &Query::parse(query))
                .into_iter()
                .map(|(run, hit)| if hit { format!("[{run}]") } else { run.to_owned() })
                .collect()
        };
        let cases: [(&str, &str, &[&str]); 8] = [
            ("Pakistan, UK discuss", "uk pak", &["[Pak]", "istan, ", "[UK]", " discuss"]),
            ("Café crème", "cafe creme", &["[Café]", " ", "[crème]"]),
            ("e\u{301}cole", "ecole", &["[e\u{301}cole]"]),
            ("no match here", "zebra", &["no match here"]),
            ("aaa", "aa", &["[aa]", "a"]),
            ("إسلام آباد", "اباد", &["إسلام ", "[آباد]"]),
            ("Die Straße", "strasse", &["Die ", "[Straße]"]),
            ("کتاب", "كتاب", &["[کتاب]"]),
        ];
        for (text, query, expected) in cases {
            assert_eq!(marks(text, query), expected, "{text:?} / {query:?}");
        }
    }
}
