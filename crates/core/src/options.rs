//! What a host asks of a reader: its feed, limits, initial filter, routing, page size, language
//! and theme, read from the `<article-reader>` element's attributes (or the same names in the
//! JavaScript `mount` options, or the standalone page's query string).
//!
//! Reading is forgiving: a value that cannot be used keeps the default and yields a sentence
//! saying so, except a feed address that cannot be fetched, which the reader shows as its error.

use crate::filter::{MatchMode, TagFilter};
use crate::load::{quote, Limits};
use crate::model::TagKey;
use crate::source::{parse_size, FeedLocation};

/// How a reader keeps its place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Routing {
    /// In memory: the host page's URL is left alone. The default when embedded.
    #[default]
    Memory,
    /// In the URL fragment (`#/article/…`), so views can be linked to and back/forward work.
    Hash,
}

/// The reader's colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    Auto,
    Light,
    Dark,
}

/// Articles shown before "Show more", unless the host says otherwise.
pub const DEFAULT_PAGE_SIZE: usize = 20;
const MAX_PAGE_SIZE: usize = 1000;

/// Everything a host can set. `Default` is the bundled feed, in memory, with no filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderOptions {
    /// The feed, or why the given address cannot be used.
    pub feed: Result<FeedLocation, String>,
    pub limits: Limits,
    /// The filter to show; changing it later moves the reader to the feed with that filter.
    pub filter: TagFilter,
    pub routing: Routing,
    pub page_size: usize,
    /// The language of the reader's content, for `lang`; by default the feed's.
    pub lang: Option<String>,
    pub theme: Theme,
}

impl Default for ReaderOptions {
    fn default() -> Self {
        ReaderOptions {
            feed: Ok(FeedLocation::Bundled),
            limits: Limits::default(),
            filter: TagFilter::default(),
            routing: Routing::default(),
            page_size: DEFAULT_PAGE_SIZE,
            lang: None,
            theme: Theme::default(),
        }
    }
}

/// The attribute names a reader understands, in the order they are documented.
pub const ATTRIBUTES: &[&str] =
    &["src", "tags", "match", "routing", "page-size", "lang", "theme", "max-size"];

impl ReaderOptions {
    /// Reads attribute-style `(name, value)` pairs. Returns the options and, for every value that
    /// could not be used, a sentence saying what was ignored.
    pub fn from_attributes<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (ReaderOptions, Vec<String>) {
        let mut options = ReaderOptions::default();
        let mut ignored = Vec::new();
        let mut tags: Vec<TagKey> = Vec::new();
        let mut mode = MatchMode::Any;
        for (name, value) in pairs {
            let value = value.trim();
            let mut ignore = |expected: &str| {
                ignored.push(format!("{name}={} is not {expected}; it is ignored.", quote(value)));
            };
            match name {
                "src" if value.is_empty() => options.feed = Ok(FeedLocation::Bundled),
                "src" => options.feed = FeedLocation::url(value),
                "tags" => tags = value.split(',').filter_map(TagKey::new).collect(),
                "match" => match value.to_ascii_lowercase().as_str() {
                    "any" | "" => mode = MatchMode::Any,
                    "all" => mode = MatchMode::All,
                    _ => ignore("any or all"),
                },
                "routing" => match value.to_ascii_lowercase().as_str() {
                    "memory" | "" => options.routing = Routing::Memory,
                    "hash" => options.routing = Routing::Hash,
                    _ => ignore("memory or hash"),
                },
                "page-size" => match value.parse::<usize>() {
                    Ok(size) if (1..=MAX_PAGE_SIZE).contains(&size) => options.page_size = size,
                    _ => ignore("a whole number from 1 to 1000"),
                },
                "lang" if value.is_empty() => options.lang = None,
                "lang" if is_language_tag(value) => options.lang = Some(value.to_owned()),
                "lang" => ignore("a language tag such as en or ar-SA"),
                "theme" => match value.to_ascii_lowercase().as_str() {
                    "auto" | "" => options.theme = Theme::Auto,
                    "light" => options.theme = Theme::Light,
                    "dark" => options.theme = Theme::Dark,
                    _ => ignore("light, dark or auto"),
                },
                "max-size" => match parse_size(value) {
                    Ok(bytes) => options.limits.max_feed_bytes = bytes,
                    Err(_) => ignore("a size such as 64MiB"),
                },
                _ => {}
            }
        }
        options.filter = TagFilter::new(tags, mode);
        (options, ignored)
    }

    /// Reads a page's query string (`location.search`, with or without its `?`) as attributes,
    /// so `index.html?src=feed.json&tags=pakistan` works like the attributes would.
    pub fn from_query(search: &str, routing: Routing) -> (ReaderOptions, Vec<String>) {
        let query = search.strip_prefix('?').unwrap_or(search);
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (crate::url::decode_query_value(name), crate::url::decode_query_value(value))
            })
            .filter(|(name, _)| ATTRIBUTES.contains(&name.as_str()) && name != "routing")
            .collect();
        let (mut options, ignored) =
            ReaderOptions::from_attributes(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        options.routing = routing;
        (options, ignored)
    }
}

/// A BCP 47 language tag in its usual shape: letters, digits and hyphens, starting with letters.
fn is_language_tag(text: &str) -> bool {
    text.len() <= 35
        && text.split('-').all(|part| {
            !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
        && text.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(names: &[&str]) -> Vec<TagKey> {
        names.iter().filter_map(|n| TagKey::new(n)).collect()
    }

    #[test]
    fn reads_attributes() {
        let (options, ignored) = ReaderOptions::from_attributes([
            ("src", "feeds/world.json"),
            ("tags", "Pakistan, Imran Khan,, "),
            ("match", "ALL"),
            ("routing", "hash"),
            ("page-size", "5"),
            ("lang", "ar-SA"),
            ("theme", "dark"),
            ("max-size", "2MiB"),
            ("unknown", "x"),
        ]);
        assert_eq!(ignored, Vec::<String>::new());
        assert_eq!(options.feed, Ok(FeedLocation::Url("feeds/world.json".into())));
        assert_eq!(options.filter, TagFilter::new(keys(&["pakistan", "imran khan"]), MatchMode::All));
        assert_eq!(options.routing, Routing::Hash);
        assert_eq!(options.page_size, 5);
        assert_eq!(options.lang.as_deref(), Some("ar-SA"));
        assert_eq!(options.theme, Theme::Dark);
        assert_eq!(options.limits.max_feed_bytes, 2 << 20);
    }

    #[test]
    fn unusable_values_keep_their_defaults_and_say_so() {
        let cases: &[(&str, &str, &str)] = &[
            ("match", "some", "match=\"some\" is not any or all; it is ignored."),
            ("routing", "history", "routing=\"history\" is not memory or hash; it is ignored."),
            ("page-size", "0", "page-size=\"0\" is not a whole number from 1 to 1000; it is ignored."),
            ("page-size", "ten", "page-size=\"ten\" is not a whole number from 1 to 1000; it is ignored."),
            (
                "lang",
                "<script>",
                "lang=\"<script>\" is not a language tag such as en or ar-SA; it is ignored.",
            ),
            ("theme", "blue", "theme=\"blue\" is not light, dark or auto; it is ignored."),
            ("max-size", "huge", "max-size=\"huge\" is not a size such as 64MiB; it is ignored."),
        ];
        for (name, value, message) in cases {
            let (options, ignored) = ReaderOptions::from_attributes([(*name, *value)]);
            assert_eq!(ignored, [*message]);
            let defaults = ReaderOptions::default();
            assert_eq!(
                (options.page_size, options.theme, options.routing),
                (defaults.page_size, defaults.theme, defaults.routing)
            );
        }
    }

    #[test]
    fn a_bad_feed_address_is_an_error_to_show() {
        let cases = [
            ("", Ok(FeedLocation::Bundled)),
            (
                "javascript:alert(1)",
                Err("The feed address \"javascript:alert(1)\" is not an http(s) or relative URL.".to_owned()),
            ),
            ("https://example.com/f.json", Ok(FeedLocation::Url("https://example.com/f.json".into()))),
        ];
        for (src, expected) in cases {
            assert_eq!(ReaderOptions::from_attributes([("src", src)]).0.feed, expected, "{src}");
        }
    }

    #[test]
    fn reads_the_standalone_query() {
        let (options, ignored) = ReaderOptions::from_query(
            "?src=a%20b.json&tags=uk&routing=memory&max-size=1k&x=y",
            Routing::Hash,
        );
        assert!(ignored.is_empty());
        assert_eq!(options.feed, Ok(FeedLocation::Url("a b.json".into())));
        assert_eq!(options.filter, TagFilter::new(keys(&["uk"]), MatchMode::Any));
        assert_eq!(options.routing, Routing::Hash, "the page decides its routing");
        assert_eq!(options.limits.max_feed_bytes, 1024);
        assert_eq!(ReaderOptions::from_query("", Routing::Hash).0.feed, Ok(FeedLocation::Bundled));
    }
}
