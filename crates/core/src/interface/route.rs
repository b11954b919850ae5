//! The reader's routes and their URL form, the one route table of the app.
//!
//! | URL fragment                          | route                                        |
//! |---------------------------------------|----------------------------------------------|
//! | `#/` (or nothing)                     | the feed                                     |
//! | `#/?tag=A&tag=B&match=all&q=w&page=2` | the feed with tags A and B, searched, 2 pages |
//! | `#/article/<percent-encoded id>`      | one article                                  |
//! | `#/following` (`?page=2`)             | the articles of the followed tags, 2 pages   |
//! | anything else                         | not found                                    |
//!
//! Parsing is total: every string maps to some route, so a hand-edited URL never breaks the page.

use crate::lists::filter::{MatchMode, TagFilter};
use crate::lists::selection::FeedQuery;
use crate::model::TagKey;
use crate::url::{decode_component, decode_query_value, encode_component};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Feed(FeedQuery),
    Article(String),
    /// The followed tags' articles, this many pages of them.
    Following(usize),
    NotFound(String),
}

impl Default for Route {
    fn default() -> Self {
        Route::Feed(FeedQuery::default())
    }
}

impl Route {
    /// Reads a URL fragment, with or without its leading `#`.
    pub fn from_hash(hash: &str) -> Route {
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        match path {
            "" | "/" => Route::Feed(feed_query_from(query)),
            "/following" => Route::Following(feed_query_from(query).pages),
            _ => match path.strip_prefix("/article/") {
                Some(id) if !id.is_empty() && !id.contains('/') => Route::Article(decode_component(id)),
                _ => Route::NotFound(decode_component(fragment)),
            },
        }
    }

    /// Reads a fragment under hash routing on a page the reader shares: only an empty
    /// fragment and those starting with `#/` are the reader's; any other (`#main`, a footnote's
    /// `#fn1`) is the host page's own, and `None` leaves the reader where it is.
    pub fn from_own_hash(hash: &str) -> Option<Route> {
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        (fragment.is_empty() || fragment.starts_with('/')).then(|| Route::from_hash(fragment))
    }

    /// Where a reader starts: with hash routing (`fragment` given), the fragment when it is one
    /// of the reader's own and not empty; else the feed with the host's `filter`.
    pub fn initial(fragment: Option<&str>, filter: &TagFilter) -> Route {
        fragment
            .filter(|hash| !matches!(*hash, "" | "#"))
            .and_then(Route::from_own_hash)
            .unwrap_or_else(|| Route::Feed(FeedQuery::filtered(filter.clone())))
    }

    /// The URL fragment for this route, with its leading `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Feed(query) => {
                let filter = &query.filter;
                let mut params: Vec<String> = filter
                    .tags()
                    .iter()
                    .map(|key| format!("tag={}", encode_component(key.as_str())))
                    .collect();
                if filter.mode() == MatchMode::All {
                    params.push("match=all".to_owned());
                }
                if !query.text.trim().is_empty() {
                    params.push(format!("q={}", encode_component(query.text.trim())));
                }
                if query.pages > 1 {
                    params.push(format!("page={}", query.pages));
                }
                if params.is_empty() {
                    "#/".to_owned()
                } else {
                    format!("#/?{}", params.join("&"))
                }
            }
            Route::Article(id) => format!("#/article/{}", encode_component(id)),
            Route::Following(1) => "#/following".to_owned(),
            Route::Following(pages) => format!("#/following?page={pages}"),
            Route::NotFound(path) => format!("#{path}"),
        }
    }
}

/// Pages past this are read as this many, so a hand-edited URL cannot ask for millions.
const MAX_PAGES: usize = 10_000;

fn feed_query_from(query: &str) -> FeedQuery {
    let mut tags = Vec::new();
    let mut mode = MatchMode::Any;
    let mut text = String::new();
    let mut pages = 1;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode_query_value(value);
        match name {
            "tag" => tags.extend(TagKey::new(&value)),
            "match" if value.eq_ignore_ascii_case("all") => mode = MatchMode::All,
            "q" => text = value,
            "page" => pages = value.parse::<usize>().unwrap_or(1).clamp(1, MAX_PAGES),
            // Unknown parameters are ignored so that newer links still open in older readers.
            _ => {}
        }
    }
    FeedQuery { filter: TagFilter::new(tags, mode), text, pages }
}

/// Where the reader is and where "back to the feed" leads: the feed as the person last saw it,
/// filter, search and pages included, even after opening several articles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Navigation {
    pub route: Route,
    pub feed: FeedQuery,
}

impl Navigation {
    pub fn new(route: Route) -> Navigation {
        Navigation::default().navigate(route)
    }

    pub fn navigate(&self, route: Route) -> Navigation {
        let feed = match &route {
            Route::Feed(query) => query.clone(),
            Route::Article(_) | Route::Following(_) | Route::NotFound(_) => self.feed.clone(),
        };
        Navigation { route, feed }
    }

    /// The route of the feed as last seen.
    pub fn back_to_feed(&self) -> Route {
        Route::Feed(self.feed.clone())
    }
}

/// What a host hears about: an article opened, or the feed's filter changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReaderEvent {
    ArticleOpened { id: String },
    FilterChanged { filter: TagFilter },
}

impl Navigation {
    /// The events that moving from `self` to `next` makes: opening an article (also by back or
    /// forward), and a change of the feed's filter.
    pub fn events_to(&self, next: &Navigation) -> Vec<ReaderEvent> {
        let mut events = Vec::new();
        if self.feed.filter != next.feed.filter {
            events.push(ReaderEvent::FilterChanged { filter: next.feed.filter.clone() });
        }
        if let Route::Article(id) = &next.route {
            if self.route != next.route {
                events.push(ReaderEvent::ArticleOpened { id: id.clone() });
            }
        }
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(tags: &[&str], mode: MatchMode) -> Route {
        Route::Feed(FeedQuery::filtered(TagFilter::new(tags.iter().filter_map(|t| TagKey::new(t)), mode)))
    }

    fn searched(text: &str, pages: usize) -> Route {
        Route::Feed(FeedQuery { text: text.to_owned(), pages, ..FeedQuery::default() })
    }

    #[test]
    fn a_reader_starts_at_its_own_fragment_or_at_the_hosts_filter() {
        let uk = TagFilter::new(TagKey::new("UK"), MatchMode::Any);
        let host_feed = Route::Feed(FeedQuery::filtered(uk.clone()));
        let cases: &[(Option<&str>, Route)] = &[
            (None, host_feed.clone()),
            (Some(""), host_feed.clone()),
            (Some("#"), host_feed.clone()),
            (Some("#main"), host_feed.clone()),
            (Some("#/article/a"), Route::Article("a".into())),
            (Some("#/?tag=pakistan"), Route::from_hash("#/?tag=pakistan")),
            (Some("#/"), Route::default()),
        ];
        for (fragment, expected) in cases {
            assert_eq!(&Route::initial(*fragment, &uk), expected, "{fragment:?}");
        }
    }

    #[test]
    fn only_fragments_starting_with_a_slash_are_the_readers() {
        let cases: &[(&str, Option<Route>)] = &[
            ("", Some(Route::default())),
            ("#", Some(Route::default())),
            ("#/", Some(Route::default())),
            ("#/following", Some(Route::Following(1))),
            ("#/article/a", Some(Route::Article("a".into()))),
            ("#/nowhere", Some(Route::NotFound("/nowhere".into()))),
            ("#main", None),
            ("#fn1", None),
            ("#article/a", None),
        ];
        for (hash, expected) in cases {
            assert_eq!(&Route::from_own_hash(hash), expected, "{hash}");
        }
    }

    #[test]
    fn parses_hashes() {
        let cases = [
            ("", feed(&[], MatchMode::Any)),
            ("#", feed(&[], MatchMode::Any)),
            ("#/", feed(&[], MatchMode::Any)),
            ("/", feed(&[], MatchMode::Any)),
            ("#/?tag=Pakistan", feed(&["pakistan"], MatchMode::Any)),
            ("#/?tag=b&tag=a&tag=A", feed(&["a", "b"], MatchMode::Any)),
            ("#/?tag=imran%20khan&match=all", feed(&["imran khan"], MatchMode::All)),
            ("#/?tag=human+rights", feed(&["human rights"], MatchMode::Any)),
            ("#/?tag=&tag=%20&x=1&&match=bogus", feed(&[], MatchMode::Any)),
            ("#/article/seed-1", Route::Article("seed-1".to_owned())),
            ("#/article/a%2Fb%20c", Route::Article("a/b c".to_owned())),
            ("#/article/%E6%9D%B1", Route::Article("東".to_owned())),
            ("#/?q=imran+khan&page=3", searched("imran khan", 3)),
            ("#/?q=%D8%B3%D9%84%D8%A7%D9%85&page=0", searched("سلام", 1)),
            ("#/?page=99999999999999999999", searched("", 1)),
            ("#/?page=20000", searched("", 10_000)),
            ("#/following", Route::Following(1)),
            ("#/following?page=3", Route::Following(3)),
            ("#/article/", Route::NotFound("/article/".to_owned())),
            ("#/article/a/b", Route::NotFound("/article/a/b".to_owned())),
            ("#/settings", Route::NotFound("/settings".to_owned())),
            ("#top", Route::NotFound("top".to_owned())),
        ];
        for (hash, expected) in cases {
            assert_eq!(Route::from_hash(hash), expected, "{hash:?}");
        }
    }

    #[test]
    fn formats_hashes_that_parse_back() {
        let cases = [
            (feed(&[], MatchMode::Any), "#/"),
            (feed(&[], MatchMode::All), "#/?match=all"),
            (feed(&["UK", "Imran Khan"], MatchMode::Any), "#/?tag=imran%20khan&tag=uk"),
            (feed(&["a&b=c"], MatchMode::All), "#/?tag=a%26b%3Dc&match=all"),
            (Route::Article("a/b c?#".to_owned()), "#/article/a%2Fb%20c%3F%23"),
            (Route::Article("東京".to_owned()), "#/article/%E6%9D%B1%E4%BA%AC"),
            (searched("a&b c", 2), "#/?q=a%26b%20c&page=2"),
            (
                Route::Feed(FeedQuery {
                    filter: TagFilter::new(TagKey::new("uk"), MatchMode::All),
                    text: "talks".into(),
                    pages: 4,
                }),
                "#/?tag=uk&match=all&q=talks&page=4",
            ),
            (Route::Following(1), "#/following"),
            (Route::Following(2), "#/following?page=2"),
        ];
        for (route, expected) in cases {
            assert_eq!(route.to_hash(), expected);
            assert_eq!(Route::from_hash(expected), route, "round trip of {expected}");
        }
    }

    #[test]
    fn moves_make_events_for_the_host() {
        let uk = TagFilter::new(TagKey::new("uk"), MatchMode::Any);
        let opened = |id: &str| ReaderEvent::ArticleOpened { id: id.to_owned() };
        let filtered = |f: &TagFilter| ReaderEvent::FilterChanged { filter: f.clone() };
        let start = Navigation::default();
        let uk_feed = Route::Feed(FeedQuery::filtered(uk.clone()));
        let uk_searched = Route::Feed(FeedQuery { text: "words".into(), ..FeedQuery::filtered(uk.clone()) });
        let steps = [
            (uk_feed.clone(), vec![filtered(&uk)]),
            (uk_searched, vec![]),
            (uk_feed.clone(), vec![]),
            (Route::Article("a".into()), vec![opened("a")]),
            (Route::Article("a".into()), vec![]),
            (Route::Article("b".into()), vec![opened("b")]),
            (uk_feed.clone(), vec![]),
            (Route::default(), vec![filtered(&TagFilter::default())]),
            (Route::NotFound("x".into()), vec![]),
        ];
        let mut navigation = start;
        for (route, expected) in steps {
            let next = navigation.navigate(route.clone());
            assert_eq!(navigation.events_to(&next), expected, "to {route:?}");
            navigation = next;
        }
    }

    #[test]
    fn back_to_feed_keeps_the_last_filter_search_and_pages() {
        let filtered = Route::Feed(FeedQuery {
            text: "talks".into(),
            pages: 2,
            ..FeedQuery::filtered(TagFilter::new(TagKey::new("uk"), MatchMode::Any))
        });
        let steps = [
            (filtered.clone(), filtered.clone()),
            (Route::Article("a".into()), filtered.clone()),
            (Route::Article("b".into()), filtered.clone()),
            (Route::NotFound("x".into()), filtered.clone()),
            (Route::Following(1), filtered.clone()),
            (Route::default(), Route::default()),
        ];
        let mut navigation = Navigation::default();
        for (route, expected_back) in steps {
            navigation = navigation.navigate(route);
            assert_eq!(navigation.back_to_feed(), expected_back);
        }
        assert_eq!(Navigation::new(Route::Article("a".into())).back_to_feed(), Route::default());
    }
}
