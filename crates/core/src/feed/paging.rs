//! Feeds that come in pages (JSON Feed's `next_url`): whether the reader offers the next page,
//! and a page loaded and added to what is already there.
//!
//! The loop guard lives here: a `next_url` that leads back to the feed's own URL or to any page
//! already loaded (compared as absolute URLs, without their fragment) is not followed, and no
//! more than [`MAX_PAGES`] pages load. A page is validated as a whole feed is, its articles
//! join the others newest first, an id already loaded keeps its first article (the later one is
//! reported as skipped), and [`Limits::max_items`] counts the articles of every page together.

use crate::feed::load::{load_page_from, FeedError, Limits, LoadedFeed};
use crate::model::Feed;
use crate::platform::Platform;
use crate::url::{Base, SafeUrl};

/// The most pages of one feed a reader loads, the first included.
pub const MAX_PAGES: usize = 50;

/// The pages of a feed loaded so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pages {
    /// Each loaded page's absolute URL without its fragment (the first page's only when the
    /// feed came from a URL).
    urls: Vec<String>,
    count: usize,
}

impl Pages {
    /// A feed's first page, fetched from `url` (absolute) or, without one, bundled or handed
    /// over.
    pub fn first(url: Option<&str>) -> Pages {
        Pages { urls: url.map(without_fragment).into_iter().collect(), count: 1 }
    }

    /// How many pages are loaded.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The absolute URL of the page to load after `feed` (the pages loaded so far), or `None`
    /// when there is none to follow: no `next_url`, one that leads back to a page already
    /// loaded, the page limit reached, or the item limit full. A `next_url` still relative (in
    /// a feed that came from no URL) resolves against `page`, the page the reader is on.
    pub fn next(&self, feed: &Feed, page: &Base, limits: &Limits) -> Option<String> {
        if self.count >= MAX_PAGES || feed.articles.len() >= limits.max_items {
            return None;
        }
        let next = page.resolve(feed.next_url.clone()?, SafeUrl::parse_image)?;
        let key = without_fragment(next.as_str());
        (!self.urls.contains(&key)).then(|| next.as_str().to_owned())
    }

    /// The page at `url` (as [`Pages::next`] gave it) read from `json` and added to `feed`:
    /// the pages with it, and the whole feed with this page's skipped items and fields left out
    /// (numbered with the page) and the items the item limit left out of it. `feed` is left as
    /// it was; a page that is not a feed is an error and changes nothing.
    pub fn add(
        &self,
        feed: &Feed,
        url: &str,
        json: &str,
        limits: &Limits,
        platform: &dyn Platform,
    ) -> Result<(Pages, LoadedFeed), FeedError> {
        // The item limit is for all pages together.
        let room = Limits { max_items: limits.max_items.saturating_sub(feed.articles.len()), ..*limits };
        let mut pages = self.clone();
        pages.count += 1;
        pages.urls.push(without_fragment(url));
        let mut page = load_page_from(json, &room, platform, Some(url), (feed, pages.count))?;
        // The feed is the first page's: its title, description, home page and language.
        page.feed.title.clone_from(&feed.title);
        page.feed.description.clone_from(&feed.description);
        page.feed.home_page_url.clone_from(&feed.home_page_url);
        page.feed.language.clone_from(&feed.language);
        Ok((pages, page))
    }
}

/// `url` without its fragment, which names no other document.
fn without_fragment(url: &str) -> String {
    url.split('#').next().unwrap_or(url).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Native;
    use crate::Timestamp;

    const FEED: &str = "https://news.example/feed.json";

    fn page(next: Option<&str>, ids: &[(&str, &str)]) -> String {
        let items: Vec<String> = ids
            .iter()
            .map(|(id, date)| {
                format!(
                    r#"{{"id": "{id}", "content_text": "Body of {id}", "tags": ["T{id}"], "date_published": "{date}"}}"#
                )
            })
            .collect();
        let next = next.map_or_else(String::new, |n| format!(r#""next_url": "{n}","#));
        format!(
            r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "Paged", {next} "items": [{}]}}"#,
            items.join(",")
        )
    }

    fn first(json: &str, url: Option<&str>) -> (Pages, Feed) {
        let loaded = crate::feed::load::load_feed_from(json, &Limits::default(), &Native, url)
            .unwrap_or_else(|error| panic!("{error:?}"));
        (Pages::first(url), loaded.feed)
    }

    fn ids(feed: &Feed) -> Vec<&str> {
        feed.articles.iter().map(|a| a.id.as_str()).collect()
    }

    const NOWHERE: Base = Base { url: None, platform: &Native };

    #[test]
    fn a_next_url_resolves_against_its_page_and_is_offered() {
        let (pages, feed) = first(&page(Some("feed-2.json"), &[("a", "2024-01-02")]), Some(FEED));
        assert_eq!(
            pages.next(&feed, &NOWHERE, &Limits::default()).as_deref(),
            Some("https://news.example/feed-2.json")
        );
        let (pages, feed) = first(&page(None, &[("a", "2024-01-02")]), Some(FEED));
        assert_eq!(pages.next(&feed, &NOWHERE, &Limits::default()), None, "no next_url");
    }

    #[test]
    fn a_feed_from_no_url_resolves_against_the_page_it_is_on() {
        let (pages, feed) = first(&page(Some("more/feed-2.json"), &[("a", "2024-01-02")]), None);
        let here = Base { url: Some("https://host.example/news/index.html"), platform: &Native };
        assert_eq!(
            pages.next(&feed, &here, &Limits::default()).as_deref(),
            Some("https://host.example/news/more/feed-2.json")
        );
        assert_eq!(pages.next(&feed, &NOWHERE, &Limits::default()).as_deref(), Some("more/feed-2.json"));
    }

    #[test]
    fn unsafe_next_urls_are_left_out_and_reported() {
        for next in
            ["javascript:alert(1)", "data:application/json,{}", "mailto:a@b.c", "file:///etc/feed.json"]
        {
            let loaded = crate::feed::load::load_feed_from(
                &page(Some(next), &[("a", "2024-01-02")]),
                &Limits::default(),
                &Native,
                Some(FEED),
            )
            .unwrap_or_else(|error| panic!("{error:?}"));
            assert_eq!(loaded.feed.next_url, None, "{next}");
            assert_eq!(loaded.left_out.len(), 1, "{next}");
            assert_eq!(loaded.left_out[0].field, "next_url", "{next}");
            let problem = &loaded.left_out[0];
            assert_eq!((problem.position, problem.field), (0, "next_url"), "{next}");
        }
    }

    #[test]
    fn the_loop_guard_refuses_the_feed_itself_and_every_page_loaded() {
        let limits = Limits::default();
        for own in ["feed.json", "https://news.example/feed.json", "./feed.json#top", "/feed.json"] {
            let (pages, feed) = first(&page(Some(own), &[("a", "2024-01-02")]), Some(FEED));
            assert_eq!(pages.next(&feed, &NOWHERE, &limits), None, "next_url {own:?} is the feed itself");
        }
        let (pages, feed) = first(&page(Some("feed-2.json"), &[("a", "2024-01-03")]), Some(FEED));
        let second = "https://news.example/feed-2.json";
        for back in ["feed.json", "feed-2.json", "https://news.example/feed-2.json#again"] {
            let (pages, loaded) = pages
                .add(&feed, second, &page(Some(back), &[("b", "2024-01-02")]), &limits, &Native)
                .unwrap_or_else(|error| panic!("{error:?}"));
            assert_eq!(pages.count(), 2);
            assert_eq!(pages.next(&loaded.feed, &NOWHERE, &limits), None, "{back:?} was loaded");
        }
        let (pages, loaded) = pages
            .add(&feed, second, &page(Some("feed-3.json"), &[("b", "2024-01-02")]), &limits, &Native)
            .unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(
            pages.next(&loaded.feed, &NOWHERE, &limits).as_deref(),
            Some("https://news.example/feed-3.json")
        );
    }

    #[test]
    fn no_more_than_the_page_limit_load() {
        let limits = Limits::default();
        let (mut pages, mut feed) = first(&page(Some("feed-2.json"), &[("a1", "2024-01-01")]), Some(FEED));
        let mut loaded = 1;
        while let Some(url) = pages.next(&feed, &NOWHERE, &limits) {
            loaded += 1;
            let json =
                page(Some(&format!("feed-{}.json", loaded + 1)), &[(&format!("a{loaded}"), "2023-01-01")]);
            let (more, page) =
                pages.add(&feed, &url, &json, &limits, &Native).unwrap_or_else(|e| panic!("{e:?}"));
            (pages, feed) = (more, page.feed);
            assert!(loaded <= MAX_PAGES, "past the limit");
        }
        assert_eq!(loaded, MAX_PAGES);
        assert_eq!(feed.articles.len(), MAX_PAGES);
        assert!(feed.next_url.is_some(), "the last page still names a next one");
    }

    #[test]
    fn a_page_joins_the_feed_newest_first_and_repeated_ids_keep_the_first() {
        let limits = Limits::default();
        let (pages, feed) =
            first(&page(Some("feed-2.json"), &[("a", "2024-03-01"), ("b", "2024-02-01")]), Some(FEED));
        let second = page(None, &[("b", "2025-01-01"), ("c", "2024-01-01"), ("d", "2024-02-15")]);
        let (pages, loaded) = pages
            .add(&feed, "https://news.example/feed-2.json", &second, &limits, &Native)
            .unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(ids(&loaded.feed), ["a", "d", "b", "c"]);
        let b = loaded.feed.article("b").and_then(|b| b.published.as_ref()).map(Timestamp::calendar_date);
        assert_eq!(b, Some((2024, 2, 1)), "the first page's b is kept");
        assert_eq!(loaded.skipped.len(), 1);
        assert_eq!(
            loaded.skipped[0],
            crate::ItemProblem {
                page: 2,
                position: 1,
                id: Some("b".to_owned()),
                field: "id",
                reason: crate::Reason::RepeatedId { earlier_page: true }
            }
        );
        assert_eq!(loaded.feed.title, "Paged");
        assert_eq!(loaded.feed.next_url, None, "the last page's next_url");
        assert_eq!(pages.next(&loaded.feed, &NOWHERE, &limits), None);
        assert_eq!(ids(&feed), ["a", "b"], "the feed given is unchanged");
    }

    #[test]
    fn a_page_that_is_not_a_feed_is_an_error_and_changes_nothing() {
        let (pages, feed) = first(&page(Some("feed-2.json"), &[("a", "2024-03-01")]), Some(FEED));
        let url = "https://news.example/feed-2.json";
        for bad in ["<html>", r#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#] {
            assert!(pages.add(&feed, url, bad, &Limits::default(), &Native).is_err(), "{bad}");
        }
        assert_eq!(pages.count(), 1);
        assert_eq!(pages.next(&feed, &NOWHERE, &Limits::default()).as_deref(), Some(url));
    }

    #[test]
    fn the_item_limit_counts_every_page() {
        let limits = Limits { max_items: 3, ..Limits::default() };
        let (pages, feed) =
            first(&page(Some("feed-2.json"), &[("a", "2024-03-01"), ("b", "2024-02-01")]), Some(FEED));
        let second =
            page(Some("feed-3.json"), &[("c", "2024-01-03"), ("d", "2024-01-02"), ("e", "2024-01-01")]);
        let (pages, loaded) = pages
            .add(&feed, "https://news.example/feed-2.json", &second, &limits, &Native)
            .unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(ids(&loaded.feed), ["a", "b", "c"]);
        assert_eq!(loaded.items_over_limit, 2);
        assert_eq!(pages.next(&loaded.feed, &NOWHERE, &limits), None, "the limit is full");
    }
}
