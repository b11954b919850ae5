//! Which articles the feed shows: a tag filter and a search together ([`FeedQuery`]), the
//! articles they select, and for every tag how many articles pressing it would leave
//! (Pagefind's idea), so the filter never leads somewhere empty without saying so.

use std::cell::RefCell;

use crate::lists::filter::{MatchMode, TagFilter};
use crate::lists::search::{Query, SearchIndex};
use crate::lists::tags::TagIndex;
use crate::model::Feed;

/// The feed view's state: tags, any/all, search text and how many pages are shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedQuery {
    pub filter: TagFilter,
    /// The search as typed; [`FeedQuery::search`] is its folded form.
    pub text: String,
    /// Pages of articles shown, from 1.
    pub pages: usize,
}

impl Default for FeedQuery {
    fn default() -> Self {
        FeedQuery { filter: TagFilter::default(), text: String::new(), pages: 1 }
    }
}

impl FeedQuery {
    pub fn filtered(filter: TagFilter) -> FeedQuery {
        FeedQuery { filter, ..FeedQuery::default() }
    }

    pub fn search(&self) -> Query {
        Query::parse(&self.text)
    }

    /// The same view with another filter, from the first page.
    pub fn with_filter(&self, filter: TagFilter) -> FeedQuery {
        FeedQuery { filter, text: self.text.clone(), pages: 1 }
    }

    /// The same view with other search text, from the first page.
    pub fn with_text(&self, text: &str) -> FeedQuery {
        FeedQuery { filter: self.filter.clone(), text: text.to_owned(), pages: 1 }
    }

    /// The same view with another page shown.
    pub fn with_more(&self) -> FeedQuery {
        FeedQuery { pages: self.pages + 1, ..self.clone() }
    }

    /// Nothing narrowed: no tags, no search.
    pub fn is_everything(&self) -> bool {
        self.filter.is_empty() && self.search().is_empty()
    }
}

/// A set of article positions, as bits: tag and search sets combine in a few word operations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(len: usize) -> Bits {
        Bits(vec![0; len.div_ceil(64)])
    }

    fn full(len: usize) -> Bits {
        let mut bits = Bits(vec![u64::MAX; len.div_ceil(64)]);
        if !len.is_multiple_of(64) {
            if let Some(last) = bits.0.last_mut() {
                *last = (1u64 << (len % 64)) - 1;
            }
        }
        bits
    }

    fn of(len: usize, positions: &[usize]) -> Bits {
        let mut bits = Bits::empty(len);
        for &p in positions {
            bits.0[p / 64] |= 1 << (p % 64);
        }
        bits
    }

    /// Keeps what both hold; words `other` lacks count as empty (so [`EMPTY`] clears).
    fn and(&mut self, other: &Bits) {
        for (i, word) in self.0.iter_mut().enumerate() {
            *word &= other.0.get(i).copied().unwrap_or(0);
        }
    }

    /// Keeps what `other` does not hold.
    fn and_not(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= !b);
    }

    fn or(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a |= b);
    }

    fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    fn positions(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.count());
        for (i, &word) in self.0.iter().enumerate() {
            let mut w = word;
            while w != 0 {
                out.push(i * 64 + w.trailing_zeros() as usize);
                w &= w - 1;
            }
        }
        out
    }
}

/// The articles a person has read, as positions in the feed: built once per change of the
/// read marks (ids, as the reader stores them), so that unread counts and "Hide read" cost a
/// few word operations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadSet(Bits);

impl ReadSet {
    /// The read articles at `positions` of a feed of `len` articles.
    pub fn at(len: usize, positions: &[usize]) -> ReadSet {
        ReadSet(Bits::of(len, positions))
    }

    pub fn contains(&self, position: usize) -> bool {
        self.0 .0.get(position / 64).is_some_and(|word| word & (1 << (position % 64)) != 0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.count() == 0
    }
}

/// The feed with what selecting needs, built once per feed: each tag's articles as bits, and
/// the last search's result.
#[derive(Debug)]
pub struct Selector {
    len: usize,
    tag_bits: Vec<Bits>,
    /// The last search and the articles it matched. A person types a search a letter at a time,
    /// and every word of a longer query still contains the shorter one's, so the next search
    /// only has to look among these.
    last_search: RefCell<Option<LastSearch>>,
}

#[derive(Debug)]
struct LastSearch {
    query: Query,
    /// The positions it matched, ascending.
    matched: Vec<usize>,
    /// For a query of one word, where that word first appears in each matched article's folded
    /// text: the word with one more letter typed can only appear there or later, so a feed's
    /// text is read about once while a word is typed (at 100,000 articles a keystroke that read
    /// every match from its start took 55 ms).
    first_at: Vec<usize>,
    /// A search that ran out of its time: the articles it has still to look at (position, and
    /// where in its text to look from) from `next` on. Empty once it is finished.
    rest: Vec<(usize, usize)>,
    next: usize,
}

impl LastSearch {
    fn finished(&self) -> bool {
        self.next >= self.rest.len()
    }
}

/// The result of a [`FeedQuery`]: the articles, and each tag's count if pressed next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Positions in [`Feed::articles`], newest first.
    pub articles: Vec<usize>,
    /// For each entry of the [`TagIndex`], in its order: how many articles there would be if
    /// that tag were pressed (or released, when selected).
    pub tag_counts: Vec<usize>,
    /// The search ran out of its time before it had looked at every article: these are the
    /// matches so far, and the same query selected again goes on from where it stopped.
    pub search_unfinished: bool,
}

impl Selector {
    pub fn build(feed: &Feed, tags: &TagIndex) -> Selector {
        let len = feed.articles.len();
        let tag_bits = tags.entries().iter().map(|entry| Bits::of(len, &entry.articles)).collect();
        Selector { len, tag_bits, last_search: RefCell::new(None) }
    }

    /// The articles `query` selects and every tag's count if pressed; with `hiding`, the read
    /// articles are left out of both. A search stops once it has looked through `text_budget`
    /// bytes of the articles' text (at least one article's) and says it is unfinished; selecting
    /// the same query again goes on from there, so the search of a large feed can be spread over
    /// several tasks. A budget in bytes rather than time keeps a render free of the clock, and
    /// the same state gives the same view on the server and in the browser.
    pub fn select(
        &self,
        query: &FeedQuery,
        tags: &TagIndex,
        search: &SearchIndex,
        hiding: Option<&ReadSet>,
        text_budget: usize,
    ) -> Selection {
        let words = query.search();
        let (mut searched, search_unfinished) = if words.is_empty() {
            (Bits::full(self.len), false)
        } else {
            self.search(&words, search, text_budget)
        };
        if let Some(read) = hiding {
            searched.and_not(&read.0);
        }
        let result = |filter: &TagFilter| -> Bits {
            let mut bits = searched.clone();
            let selected: Vec<&Bits> = filter
                .tags()
                .iter()
                .map(|key| tags.slot(key).and_then(|slot| self.tag_bits.get(slot)))
                .map(|bits| bits.unwrap_or(&EMPTY))
                .collect();
            if selected.is_empty() {
                return bits;
            }
            match filter.mode() {
                MatchMode::All => selected.iter().for_each(|tag| bits.and(tag)),
                MatchMode::Any => {
                    let mut any = Bits::empty(self.len);
                    selected.iter().for_each(|tag| any.or(tag));
                    bits.and(&any);
                }
            }
            bits
        };
        let articles = result(&query.filter).positions();
        let tag_counts = tags
            .entries()
            .iter()
            .map(|entry| result(&query.filter.toggled(&entry.tag.key)).count())
            .collect();
        Selection { articles, tag_counts, search_unfinished }
    }
}

impl Selector {
    /// Looks a `text_budget` further into a search left unfinished (see [`Selector::select`]),
    /// without selecting: whether it is still unfinished.
    pub fn search_further(&self, query: &FeedQuery, search: &SearchIndex, text_budget: usize) -> bool {
        let words = query.search();
        !words.is_empty() && self.search(&words, search, text_budget).1
    }

    /// The articles whose text has every word of `words`, and whether the search is unfinished.
    fn search(&self, words: &Query, search: &SearchIndex, text_budget: usize) -> (Bits, bool) {
        let mut last = self.last_search.borrow_mut();
        let single = match words.words() {
            [word] => Some(word.as_str()),
            _ => None,
        };
        // The same search again (a tag pressed, an article read) is its answer as it was.
        if let Some(done) = last.as_ref().filter(|done| done.finished() && done.query == *words) {
            return (Bits::of(self.len, &done.matched), false);
        }
        // Where to look: on from where this search stopped; else among the last search's
        // matches and what it had still to look at, when these words narrow it (a word typed
        // on, from where the shorter one first appeared); else every article.
        let (mut matched, mut first_at, rest, mut next) = match last.take() {
            Some(unfinished) if !unfinished.finished() && unfinished.query == *words => {
                (unfinished.matched, unfinished.first_at, unfinished.rest, unfinished.next)
            }
            Some(previous) if words.narrows(&previous.query) => {
                // Its matches and, if it was not finished, what it had still to look at.
                let typed_on = matches!(
                    (single, previous.query.words()),
                    (Some(word), [typed]) if word.starts_with(typed.as_str())
                );
                let from = |at: usize| if typed_on { at } else { 0 };
                let matches = (previous.matched.iter().enumerate())
                    .map(|(i, &position)| (position, from(previous.first_at.get(i).copied().unwrap_or(0))));
                let not_looked_at = (previous.rest.get(previous.next..).unwrap_or_default().iter())
                    .map(|&(position, at)| (position, from(at)));
                (Vec::new(), Vec::new(), matches.chain(not_looked_at).collect(), 0)
            }
            _ => (Vec::new(), Vec::new(), (0..self.len).map(|position| (position, 0)).collect(), 0),
        };
        // Articles not folded yet are no work to look at, and a search over a partial index
        // starts again once it is complete: only a complete index's search is spread out.
        let started = next;
        let mut looked = 0;
        while let Some(&(position, from)) = rest.get(next) {
            if next > started && looked >= text_budget && search.is_complete() {
                break;
            }
            // What looking costs: the text read up to the match, or to the end.
            looked += match single {
                Some(word) => match search.find_from(position, word, from) {
                    Some(at) => {
                        matched.push(position);
                        first_at.push(at);
                        at + word.len() - from
                    }
                    None => search.text_len(position).saturating_sub(from),
                },
                None => {
                    if search.matches(position, words) {
                        matched.push(position);
                    }
                    search.text_len(position)
                }
            };
            next += 1;
        }
        let bits = Bits::of(self.len, &matched);
        let unfinished = next < rest.len();
        let rest = if unfinished { rest } else { Vec::new() };
        let next = if unfinished { next } else { 0 };
        // A partial index's answer is no base for narrowing the next one.
        *last =
            search.is_complete().then(|| LastSearch { query: words.clone(), matched, first_at, rest, next });
        (bits, unfinished)
    }

    /// How many articles carry at least one of the tags in `slots` (of the [`TagIndex`]) and are
    /// not `read`: a pass over the bits, not over the articles.
    pub fn unread_among(&self, slots: impl Iterator<Item = usize>, read: &ReadSet) -> usize {
        let mut any = Bits::empty(self.len);
        slots.filter_map(|slot| self.tag_bits.get(slot)).for_each(|tag| any.or(tag));
        any.and_not(&read.0);
        any.count()
    }

    /// Up to `max` articles that share the most tags with the one at `position`, newest first
    /// among equals. Word by word over the bits of its tags, so a feed of 100,000 articles costs
    /// a pass over 1,600 words rather than a comparison of every article's tags.
    pub fn related(&self, feed: &Feed, tags: &TagIndex, position: usize, max: usize) -> Vec<usize> {
        let Some(article) = feed.articles.get(position) else { return Vec::new() };
        let sets: Vec<&Bits> = (article.tags.iter())
            .filter_map(|tag| tags.slot(&tag.key).and_then(|slot| self.tag_bits.get(slot)))
            .collect();
        // (shared tags, position), best first.
        let mut best: Vec<(usize, usize)> = Vec::with_capacity(max + 1);
        let words = sets.iter().map(|set| set.0.len()).max().unwrap_or(0);
        for word in 0..words {
            let mut candidates = sets.iter().fold(0, |any, set| any | set.0.get(word).copied().unwrap_or(0));
            while candidates != 0 {
                let bit = candidates.trailing_zeros() as usize;
                candidates &= candidates - 1;
                let other = word * 64 + bit;
                if other == position {
                    continue;
                }
                let shared =
                    sets.iter().filter(|set| set.0.get(word).is_some_and(|w| w >> bit & 1 == 1)).count();
                // Positions come in ascending order, so a later one only enters with more tags.
                let at = best.iter().position(|&(more, _)| more < shared).unwrap_or(best.len());
                if at < max {
                    best.insert(at, (shared, other));
                    best.truncate(max);
                }
            }
            // Nothing later can share more than all of them.
            if best.len() == max && best.iter().all(|&(shared, _)| shared == sets.len()) {
                break;
            }
        }
        best.into_iter().map(|(_, other)| other).collect()
    }

    /// For each entry of the [`TagIndex`], in its order: how many of its articles are unread.
    pub fn unread_counts(&self, read: &ReadSet) -> Vec<usize> {
        self.tag_bits
            .iter()
            .map(|tag| {
                let mut unread = tag.clone();
                unread.and_not(&read.0);
                unread.count()
            })
            .collect()
    }
}

/// A tag the feed does not have matches nothing: or-ing it adds nothing, and-ing it clears.
static EMPTY: Bits = Bits(Vec::new());

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TagKey;
    use crate::test_support::feed_of;

    #[test]
    fn relates_articles_by_shared_tags_then_recency() {
        let feed = feed_of(&[
            ("a", &["x", "y", "z"]),
            ("b", &["x"]),
            ("c", &["x", "y"]),
            ("d", &["q"]),
            ("e", &["y", "z"]),
            ("f", &["z"]),
        ]);
        let tags = TagIndex::build(&feed);
        let selector = Selector::build(&feed, &tags);
        let ids = |positions: Vec<usize>| {
            positions.into_iter().map(|p| feed.articles[p].id.to_string()).collect::<Vec<_>>()
        };
        let cases: &[(usize, usize, &[&str])] = &[
            (0, 3, &["c", "e", "b"]),
            (0, 10, &["c", "e", "b", "f"]),
            (3, 3, &[]),
            (1, 3, &["a", "c"]),
            (99, 3, &[]),
        ];
        for (position, max, expected) in cases {
            assert_eq!(
                ids(selector.related(&feed, &tags, *position, *max)),
                *expected,
                "related to {position}"
            );
        }
    }

    /// The bits give what the definition gives: sort every other article by tags shared (none
    /// shared: not related), then by position, and keep the first `max`.
    #[test]
    fn related_by_bits_is_related_by_definition() {
        let names = ["a", "b", "c", "d", "e"];
        let mut state = 7u32;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        };
        let spec: Vec<(String, Vec<&str>)> = (0..300)
            .map(|n| (format!("n{n}"), names.iter().copied().filter(|_| next() % 3 == 0).collect()))
            .collect();
        let spec: Vec<(&str, &[&str])> =
            spec.iter().map(|(id, tags)| (id.as_str(), tags.as_slice())).collect();
        let feed = feed_of(&spec);
        let tags = TagIndex::build(&feed);
        let selector = Selector::build(&feed, &tags);
        for position in 0..feed.articles.len() {
            let article = &feed.articles[position];
            let mut scored: Vec<(usize, usize)> = (feed.articles.iter().enumerate())
                .filter(|&(other, _)| other != position)
                .map(|(other, o)| (other, o.tags.iter().filter(|t| article.has_tag(&t.key)).count()))
                .filter(|&(_, shared)| shared > 0)
                .collect();
            scored.sort_by_key(|&(_, shared)| std::cmp::Reverse(shared));
            for max in [1, 3, 7] {
                let expected: Vec<usize> = scored.iter().take(max).map(|&(other, _)| other).collect();
                assert_eq!(selector.related(&feed, &tags, position, max), expected, "{position}, {max}");
            }
        }
    }

    fn query(tags: &[&str], mode: MatchMode, text: &str) -> FeedQuery {
        FeedQuery {
            filter: TagFilter::new(tags.iter().filter_map(|t| TagKey::new(t)), mode),
            text: text.into(),
            pages: 1,
        }
    }

    #[test]
    fn filters_by_any_or_all_tags() {
        let feed = feed_of(&[("a", &["x", "y"]), ("b", &["y"]), ("c", &["z"]), ("d", &[])]);
        let cases: &[(&[&str], MatchMode, &[&str])] = &[
            (&[], MatchMode::Any, &["a", "b", "c", "d"]),
            (&[], MatchMode::All, &["a", "b", "c", "d"]),
            (&["y"], MatchMode::Any, &["a", "b"]),
            (&["Y"], MatchMode::Any, &["a", "b"]),
            (&["x", "z"], MatchMode::Any, &["a", "c"]),
            (&["x", "y"], MatchMode::All, &["a"]),
            (&["x", "z"], MatchMode::All, &[]),
            (&["nowhere"], MatchMode::Any, &[]),
            (&["nowhere"], MatchMode::All, &[]),
            (&["x", "nowhere"], MatchMode::Any, &["a"]),
            (&["x", "nowhere"], MatchMode::All, &[]),
        ];
        // The filter's semantics (`TagFilter`), through the Selector that applies them.
        let index = TagIndex::build(&feed);
        let selector = Selector::build(&feed, &index);
        let search = SearchIndex::build(&feed, &crate::platform::Plain);
        for (tags, mode, expected) in cases {
            let articles =
                selector.select(&query(tags, *mode, ""), &index, &search, None, usize::MAX).articles;
            let ids: Vec<&str> = articles.into_iter().map(|i| feed.articles[i].id.as_str()).collect();
            assert_eq!(ids, *expected, "{tags:?} {mode:?}");
        }
    }

    #[test]
    fn selects_by_tags_and_words_with_counts_for_every_tag() {
        // Titles are the ids, so the search matches ids here.
        let feed = feed_of(&[
            ("alpha news", &["x", "y"]),
            ("beta news", &["y"]),
            ("gamma", &["z"]),
            ("delta news", &["x", "z"]),
        ]);
        let tags = TagIndex::build(&feed);
        let names: Vec<&str> = tags.entries().iter().map(|e| e.tag.name.as_str()).collect();
        assert_eq!(names, ["x", "y", "z"]);
        let selector = Selector::build(&feed, &tags);
        let search = SearchIndex::build(&feed, &crate::platform::Plain);
        // (tags, mode, search, articles, counts for x, y, z if pressed)
        type Case<'a> = (&'a [&'a str], MatchMode, &'a str, &'a [usize], &'a [usize]);
        let cases: &[Case] = &[
            (&[], MatchMode::Any, "", &[0, 1, 2, 3], &[2, 2, 2]),
            (&["x"], MatchMode::Any, "", &[0, 3], &[4, 3, 3]),
            (&["x"], MatchMode::All, "", &[0, 3], &[4, 1, 1]),
            (&["x", "y"], MatchMode::All, "", &[0], &[2, 2, 0]),
            (&[], MatchMode::Any, "news", &[0, 1, 3], &[2, 2, 1]),
            (&["z"], MatchMode::Any, "NEWS", &[3], &[2, 3, 3]),
            (&[], MatchMode::Any, "nothing", &[], &[0, 0, 0]),
            (&["ghost"], MatchMode::Any, "", &[], &[2, 2, 2]),
            (&["ghost"], MatchMode::All, "", &[], &[0, 0, 0]),
            (&["x", "ghost"], MatchMode::All, "", &[], &[0, 0, 0]),
        ];
        for (tags_on, mode, text, articles, counts) in cases {
            let selection = selector.select(&query(tags_on, *mode, text), &tags, &search, None, usize::MAX);
            assert_eq!(selection.articles, *articles, "{tags_on:?} {mode:?} {text:?}");
            assert_eq!(selection.tag_counts, *counts, "{tags_on:?} {mode:?} {text:?}");
        }
    }

    #[test]
    fn a_search_typed_letter_by_letter_finds_what_a_fresh_one_finds() {
        let feed = feed_of(&[("world news", &[]), ("worldly", &[]), ("word", &[]), ("other world", &[])]);
        let tags = TagIndex::build(&feed);
        let search = SearchIndex::build(&feed, &crate::platform::Plain);
        let typing = Selector::build(&feed, &tags);
        for text in ["w", "wo", "wor", "worl", "world", "world n", "world", "wo", "word", "other wor"] {
            let fresh = Selector::build(&feed, &tags);
            let q = query(&[], MatchMode::Any, text);
            assert_eq!(
                typing.select(&q, &tags, &search, None, usize::MAX).articles,
                fresh.select(&q, &tags, &search, None, usize::MAX).articles,
                "{text:?}"
            );
        }
    }

    #[test]
    fn typing_on_from_where_the_shorter_word_first_appeared_finds_every_later_match() {
        // Titles of a two-letter alphabet, so each word typed on has matches before, at and
        // after where the shorter word first appeared; typed, extended, cut back and joined by
        // a second word, always against a fresh selector.
        let mut seed = 7u32;
        let mut next = move || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            seed >> 16
        };
        let titles: Vec<String> =
            (0..200).map(|_| (0..30).map(|_| ['a', 'b', 'b', ' '][next() as usize % 4]).collect()).collect();
        let items: Vec<(&str, &[&str])> = titles.iter().map(|t| (t.as_str(), &[][..])).collect();
        let feed = feed_of(&items);
        let tags = TagIndex::build(&feed);
        let search = SearchIndex::build(&feed, &crate::platform::Plain);
        let typing = Selector::build(&feed, &tags);
        for word in ["abba", "bab", "bbab", "abab"] {
            let typed: Vec<&str> = (1..=word.len()).map(|n| &word[..n]).collect();
            for text in typed.iter().copied().chain([&word[..2], word, "ab ba", word]) {
                let fresh = Selector::build(&feed, &tags);
                let q = query(&[], MatchMode::Any, text);
                let expected = fresh.select(&q, &tags, &search, None, usize::MAX).articles;
                assert_eq!(
                    typing.select(&q, &tags, &search, None, usize::MAX).articles,
                    expected,
                    "{text:?}"
                );
                let oracle: Vec<usize> = (0..feed.articles.len())
                    .filter(|&p| {
                        q.search().words().iter().all(|w| feed.articles[p].title.contains(w.as_str()))
                    })
                    .collect();
                assert_eq!(expected, oracle, "{text:?}");
            }
        }
    }

    #[test]
    fn a_search_spread_over_several_calls_finds_what_one_call_finds() {
        // A budget of a few articles' text a call. Each text is typed on
        // (and cut back) both when the last search finished and while it is still unfinished.
        const BUDGET: usize = 200;
        let titles: Vec<String> =
            (0..500).map(|n| format!("t{n} {}", ["abba", "bab", "abab b", "ba"][n % 4])).collect();
        let items: Vec<(&str, &[&str])> = titles.iter().map(|t| (t.as_str(), &[][..])).collect();
        let feed = feed_of(&items);
        let tags = TagIndex::build(&feed);
        let search = SearchIndex::build(&feed, &crate::platform::Plain);
        let fresh = |text: &str| {
            let q = query(&[], MatchMode::Any, text);
            Selector::build(&feed, &tags).select(&q, &tags, &search, None, usize::MAX)
        };
        // Typed on after each search finished, a few calls each.
        let sliced = Selector::build(&feed, &tags);
        for text in ["a", "ab", "abb", "ab", "abab", "abab t1", "b", "ba"] {
            let q = query(&[], MatchMode::Any, text);
            let mut selection = sliced.select(&q, &tags, &search, None, BUDGET);
            let mut calls = 1;
            while selection.search_unfinished {
                let partial = selection.articles.clone();
                selection = sliced.select(&q, &tags, &search, None, BUDGET);
                assert!(partial.iter().all(|p| selection.articles.contains(p)), "{text:?}: it only adds");
                calls += 1;
            }
            assert_eq!(selection, fresh(text), "{text:?}");
            assert!(calls > 1, "{text:?}: spread over calls");
        }
        // Typed on while the last search is unfinished (itself narrowed from a finished one):
        // the next text is answered from its matches and what it had still to look at.
        let texts = ["a", "ab", "abb", "ab", "abab", "abab t1", "b", "ba", "bab"];
        for typed in texts.windows(3) {
            let unfinished = Selector::build(&feed, &tags);
            let q = |text: &str| query(&[], MatchMode::Any, text);
            unfinished.select(&q(typed[0]), &tags, &search, None, usize::MAX);
            let stopped = unfinished.select(&q(typed[1]), &tags, &search, None, BUDGET);
            assert!(stopped.search_unfinished, "{typed:?}");
            assert_eq!(
                unfinished.select(&q(typed[2]), &tags, &search, None, usize::MAX),
                fresh(typed[2]),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn a_search_on_an_index_still_being_built_finds_only_what_is_folded_and_is_not_narrowed_from() {
        let feed = feed_of(&[("world news", &[]), ("worldly", &[]), ("word", &[]), ("other world", &[])]);
        let tags = TagIndex::build(&feed);
        let selector = Selector::build(&feed, &tags);
        let mut search = SearchIndex::empty(&feed);
        let world = query(&[], MatchMode::Any, "world");
        assert!(!search.extend(&feed, &crate::platform::Plain, 2), "two of four");
        assert_eq!(selector.select(&world, &tags, &search, None, usize::MAX).articles, [0, 1]);
        assert!(search.extend(&feed, &crate::platform::Plain, 2), "all four");
        // "world" again, or narrowed to "world n", is answered from the whole index.
        assert_eq!(selector.select(&world, &tags, &search, None, usize::MAX).articles, [0, 1, 3]);
        let narrower = query(&[], MatchMode::Any, "worl");
        assert_eq!(selector.select(&narrower, &tags, &search, None, usize::MAX).articles, [0, 1, 3]);
        assert_eq!(search, SearchIndex::build(&feed, &crate::platform::Plain));
    }

    #[test]
    fn bit_sets_hold_any_length() {
        for len in [0, 1, 63, 64, 65, 130] {
            assert_eq!(Bits::full(len).count(), len);
            assert_eq!(Bits::full(len).positions(), (0..len).collect::<Vec<_>>());
            let some: Vec<usize> = (0..len).step_by(7).collect();
            assert_eq!(Bits::of(len, &some).positions(), some);
        }
    }

    #[test]
    fn read_articles_leave_the_unread_counts_and_can_be_hidden() {
        let feed = feed_of(&[("a", &["x", "y"]), ("b", &["x"]), ("c", &["y"]), ("d", &[])]);
        let tags = TagIndex::build(&feed);
        let search = SearchIndex::build(&feed, &crate::platform::Plain);
        let selector = Selector::build(&feed, &tags);
        let read = ReadSet::at(feed.articles.len(), &[0]);
        assert!(read.contains(0) && !read.contains(1) && !read.is_empty());
        let slot = |key: &str| TagKey::new(key).and_then(|key| tags.slot(&key));
        assert_eq!(selector.unread_among(slot("x").into_iter(), &read), 1, "b");
        assert_eq!(selector.unread_among(slot("x").into_iter().chain(slot("y")), &read), 2, "b and c");
        assert_eq!(selector.unread_among(std::iter::empty(), &read), 0);
        let names: Vec<&str> = tags.entries().iter().map(|e| e.tag.key.as_str()).collect();
        let unread: Vec<(&str, usize)> = names.iter().copied().zip(selector.unread_counts(&read)).collect();
        assert_eq!(unread, [("x", 1), ("y", 1)]);
        let everything = FeedQuery::default();
        assert_eq!(selector.select(&everything, &tags, &search, Some(&read), usize::MAX).articles, [1, 2, 3]);
        let x = query(&["x"], MatchMode::Any, "");
        let hidden = selector.select(&x, &tags, &search, Some(&read), usize::MAX);
        assert_eq!((hidden.articles, hidden.tag_counts), (vec![1], vec![3, 2]));
        assert_eq!(
            selector.select(&x, &tags, &search, None, usize::MAX).articles,
            [0, 1],
            "nothing hidden without it"
        );
    }
}
