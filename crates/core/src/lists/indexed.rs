//! A loaded feed with everything the lists derive from it, built once when it loads and again
//! when it gains a page: its tag index, its search index, the selector that answers queries,
//! what was skipped or left out (over every page), the item limit's count, and the next page to
//! offer. The app holds one behind each feed it shows; views only read it.

use std::cell::{OnceCell, RefCell};

use crate::feed::load::{FeedError, ItemProblem, Limits, LoadedFeed};
use crate::feed::paging::Pages;
use crate::lists::order::sorted_positions;
use crate::lists::search::SearchIndex;
use crate::lists::selection::{ReadSet, Selector};
use crate::lists::tags::TagIndex;
use crate::model::Feed;
use crate::platform::Platform;
use crate::url::Base;

/// Feeds of up to this many articles are folded for search as they load (a few milliseconds);
/// a larger one's search index is built after its first page is on screen.
pub const INDEXED_AT_ONCE: usize = 500;

/// A feed and its indexes.
#[derive(Debug)]
pub struct IndexedFeed {
    pub feed: Feed,
    pub tags: TagIndex,
    /// Every article's folded text, for search. A feed of more than [`INDEXED_AT_ONCE`]
    /// articles starts without it, so its first page shows sooner: the app completes it a slice
    /// at a time ([`IndexedFeed::index_more`]) once that page is on screen.
    pub search: RefCell<SearchIndex>,
    /// Each tag's articles as bit sets, for filtering and the tag counts.
    pub selector: Selector,
    /// Items that could not be shown, and why.
    pub skipped: Vec<ItemProblem>,
    /// Fields left out of the articles that show, and why.
    pub left_out: Vec<ItemProblem>,
    /// How many items the feed has and how many show, when the item limit left some out.
    pub over_limit: Option<(usize, usize)>,
    /// The pages of a paged feed loaded so far, and the absolute URL of the next one to offer
    /// (none when there is none, or the loop guard or a limit refuses it).
    pub pages: Pages,
    pub next_page: Option<String>,
    /// Every article's position, ordered by id: read marks (ids) become positions by binary
    /// search. Built the first time they are asked for, once per feed.
    by_id: OnceCell<Vec<usize>>,
}

impl IndexedFeed {
    /// The first page, `loaded` from `feed_url` (absolute, if it came from a URL). `page` is
    /// what a `next_url` still relative resolves against (the page's address), with the
    /// platform's parsers.
    pub fn first(loaded: LoadedFeed, limits: &Limits, feed_url: Option<&str>, page: &Base) -> IndexedFeed {
        IndexedFeed::build(loaded, limits, Pages::first(feed_url), page)
    }

    /// The feed with its next page (`text`, fetched from `url`) added: every index built
    /// again over all pages, and what was skipped, left out and over the item limit counted over
    /// all of them. An error leaves `self` as it is.
    pub fn with_page(
        &self,
        url: &str,
        text: &str,
        limits: &Limits,
        page: &Base,
    ) -> Result<IndexedFeed, FeedError> {
        let (pages, mut loaded) = self.pages.add(&self.feed, url, text, limits, page.platform)?;
        for (all, page) in [(&self.skipped, &mut loaded.skipped), (&self.left_out, &mut loaded.left_out)] {
            *page = [all.as_slice(), page.as_slice()].concat();
        }
        loaded.items_over_limit += self.over_limit.map_or(0, |(items, limit)| items - limit);
        Ok(IndexedFeed::build(loaded, limits, pages, page))
    }

    /// Whether every article can be found by search yet.
    pub fn search_ready(&self) -> bool {
        self.search.borrow().is_complete()
    }

    /// Folds `count` more articles into the search index; returns whether it is complete.
    pub fn index_more(&self, platform: &dyn Platform, count: usize) -> bool {
        self.search.borrow_mut().extend(&self.feed, platform, count)
    }

    fn build(loaded: LoadedFeed, limits: &Limits, pages: Pages, page: &Base) -> IndexedFeed {
        let next_page = pages.next(&loaded.feed, page, limits);
        let over_limit = loaded.over_limit(limits);
        let tags = TagIndex::build(&loaded.feed);
        // Folding a large feed's text would keep its first page off the screen: it waits.
        let search = if loaded.feed.articles.len() > INDEXED_AT_ONCE {
            SearchIndex::empty(&loaded.feed)
        } else {
            SearchIndex::build(&loaded.feed, page.platform)
        };
        let selector = Selector::build(&loaded.feed, &tags);
        IndexedFeed {
            pages,
            next_page,
            feed: loaded.feed,
            tags,
            search: RefCell::new(search),
            selector,
            skipped: loaded.skipped,
            left_out: loaded.left_out,
            over_limit,
            by_id: OnceCell::new(),
        }
    }

    /// The articles of `read` (ids, as the reader stores them) that this feed has. Each mark
    /// opening an article adds costs a binary search per id, where hashing every article's id
    /// cost 20 ms at 100,000 articles; ids the feed lacks (gone, blank) are no article's.
    pub fn read_set(&self, read: &[String]) -> ReadSet {
        let articles = &self.feed.articles;
        let by_id = self.by_id.get_or_init(|| {
            sorted_positions(articles.len(), &|a, b| articles[a].id.as_str().cmp(articles[b].id.as_str()))
        });
        let positions: Vec<usize> = (read.iter())
            .filter_map(|id| {
                let found = by_id.binary_search_by(|&p| articles[p].id.as_str().cmp(id.as_str()));
                found.ok().map(|at| by_id[at])
            })
            .collect();
        ReadSet::at(articles.len(), &positions)
    }
}

#[cfg(all(test, feature = "native"))]
mod tests {
    use super::*;
    use crate::content::Native;
    use crate::feed::load::load_feed_from;
    use crate::lists::search::Query;

    const FEED: &str = "https://example.com/feed.json";

    /// A feed of `items` (id, tags), each dated by its position, the newest last, with
    /// `next_url` and one item that cannot show (no id) when asked.
    fn feed(items: &[(&str, &[&str])], next_url: Option<&str>, bad: bool) -> String {
        let mut written: Vec<String> = (items.iter().enumerate())
            .map(|(at, (id, tags))| {
                let tags: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
                format!(
                    r#"{{"id": "{id}", "title": "Article {id}", "content_text": "About {id}.", "date_published": "2026-01-0{}T00:00:00Z", "tags": [{}]}}"#,
                    at + 1,
                    tags.join(", ")
                )
            })
            .collect();
        if bad {
            written.push(r#"{"title": "No id", "content_text": "x"}"#.to_owned());
        }
        let next = next_url.map(|url| format!(r#""next_url": "{url}","#)).unwrap_or_default();
        format!(
            r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "T", {next} "items": [{}]}}"#,
            written.join(", ")
        )
    }

    fn first(text: &str, limits: &Limits) -> IndexedFeed {
        let loaded = load_feed_from(text, limits, &Native, Some(FEED)).unwrap();
        IndexedFeed::first(loaded, limits, Some(FEED), &Base { url: Some(FEED), platform: &Native })
    }

    #[test]
    fn a_feed_is_indexed_once_as_it_loads() {
        let few = Limits { max_items: 2, ..Limits::default() };
        // (the feed, the limits, then: articles newest first, tags by count, skipped, over the
        // item limit (which keeps the items written first), the next page offered: none past
        // the item limit, none back to the feed itself)
        type Case = (
            String,
            Limits,
            &'static [&'static str],
            &'static [&'static str],
            usize,
            Option<(usize, usize)>,
            Option<&'static str>,
        );
        let cases: Vec<Case> = vec![
            (
                feed(&[("a", &["UK"]), ("b", &["UK", "Tea"])], None, false),
                Limits::default(),
                &["b", "a"],
                &["uk", "tea"],
                0,
                None,
                None,
            ),
            (
                feed(&[("a", &[]), ("b", &[])], Some("page-2.json"), true),
                Limits::default(),
                &["b", "a"],
                &[],
                1,
                None,
                Some("https://example.com/page-2.json"),
            ),
            (
                feed(&[("a", &["x"]), ("b", &["y"]), ("c", &["y"])], Some("page-2.json"), false),
                few,
                &["b", "a"],
                &["x", "y"],
                0,
                Some((3, 2)),
                None,
            ),
            (feed(&[("a", &[])], Some(FEED), false), Limits::default(), &["a"], &[], 0, None, None),
        ];
        for (text, limits, articles, tags, skipped, over_limit, next_page) in cases {
            let indexed = first(&text, &limits);
            let ids: Vec<&str> = indexed.feed.articles.iter().map(|a| a.id.as_str()).collect();
            assert_eq!(ids, articles, "{text}");
            let keys: Vec<&str> = indexed.tags.entries().iter().map(|e| e.tag.key.as_str()).collect();
            assert_eq!(keys, tags, "{text}");
            assert_eq!(indexed.skipped.len(), skipped, "{text}");
            assert_eq!(indexed.over_limit, over_limit, "{text}");
            assert_eq!(indexed.next_page.as_deref(), next_page, "{text}");
            assert!(
                indexed.search.borrow().matches(0, &Query::parse(&format!("about {}", articles[0]))),
                "{text}"
            );
        }
    }

    #[test]
    fn read_marks_become_the_positions_of_the_articles_with_those_ids() {
        // Ids in no order, some sharing a prefix, so the binary search meets every kind of step.
        let ids: Vec<String> = (0..300).map(|n| format!("{}-{n}", ["b", "a", "ab", "c"][n % 4])).collect();
        let items: Vec<(&str, &[&str])> = ids.iter().map(|id| (id.as_str(), &[][..])).collect();
        let indexed = first(&feed(&items, None, false), &Limits::default());
        let marks: Vec<String> =
            (ids.iter().step_by(7).cloned()).chain(["gone", "", " ", "a-1 "].map(str::to_owned)).collect();
        let read = indexed.read_set(&marks);
        for (position, article) in indexed.feed.articles.iter().enumerate() {
            let marked = marks.iter().any(|id| id == article.id.as_str());
            assert_eq!(read.contains(position), marked, "{}", article.id);
        }
        assert!(indexed.read_set(&[]).is_empty());
    }

    #[test]
    fn a_next_page_is_indexed_with_the_first_and_its_problems_counted_over_both() {
        let limits = Limits::default();
        let one = first(&feed(&[("a", &["UK"])], Some("page-2.json"), true), &limits);
        let page = Base { url: Some(FEED), platform: &Native };
        let two = one
            .with_page(
                "https://example.com/page-2.json",
                &feed(&[("b", &["UK"])], None, true),
                &limits,
                &page,
            )
            .unwrap();
        let mut ids: Vec<&str> = two.feed.articles.iter().map(|a| a.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["a", "b"], "both pages' articles");
        assert_eq!(two.tags.entries()[0].articles.len(), 2, "the tag index covers both pages");
        assert_eq!(two.skipped.len(), 2, "one skipped item on each page");
        assert_eq!(two.pages.count(), 2);
        assert_eq!(two.next_page, None);
        assert!(one.with_page("https://example.com/page-2.json", "not json", &limits, &page).is_err());
    }

    #[test]
    fn a_large_feed_is_folded_for_search_after_it_loads_a_slice_at_a_time() {
        let ids: Vec<String> = (0..=INDEXED_AT_ONCE).map(|n| format!("n{n}")).collect();
        let items: Vec<(&str, &[&str])> = ids.iter().map(|id| (id.as_str(), &[][..])).collect();
        let indexed = first(&feed(&items, None, false), &Limits::default());
        assert!(!indexed.search_ready(), "over {INDEXED_AT_ONCE} articles, the index waits");
        let mut slices = 0;
        while !indexed.index_more(&Native, 100) {
            slices += 1;
        }
        assert_eq!(slices, INDEXED_AT_ONCE / 100, "a hundred articles a slice");
        assert!(indexed.search_ready());
        let small = first(&feed(&items[..INDEXED_AT_ONCE], None, false), &Limits::default());
        assert!(small.search_ready(), "up to {INDEXED_AT_ONCE}, folded as it loads");
    }
}
