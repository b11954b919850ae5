//! What a host asks of a reader: its feed, limits, filter, routing, paging, language, theme,
//! layout and behaviour.
//!
//! Every option has an attribute name (`page-size`) and a JavaScript name (`pageSize`), both in
//! [`OPTIONS`]. The element's attributes, the options object of `mount()` and `update()`, and
//! the standalone page's query string are all read here by [`ReaderOptions::set`], so the three
//! mean exactly the same. Values arrive as JSON [`Value`]s: an attribute or a query parameter is
//! always a string, read the way the attribute is documented; JavaScript may also give the
//! natural type (an array of tag names, a number, a boolean, a feed object). `null` returns an
//! option to its default.
//!
//! Reading is forgiving: a value that cannot be used leaves the option as it was and yields one
//! sentence naming the option, the value and what was expected, except a feed address that
//! cannot be fetched, which the reader shows as its error.

use std::rc::Rc;

use crate::feed::json::{self, Value};
use crate::feed::load::Limits;
use crate::feed::source::{parse_size, FeedLocation, UnusableAddress};
use crate::interface::route::Route;
pub use crate::interface::typography::Theme;
use crate::interface::typography::{self, Choice, Typography};
use crate::interface::words::quote;
use crate::lists::filter::{MatchMode, TagFilter};
use crate::lists::selection::FeedQuery;
use crate::model::TagKey;

/// How a reader keeps its place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Routing {
    /// In memory: the host page's URL is left alone. The default when embedded.
    #[default]
    Memory,
    /// In the URL fragment (`#/article/…`), so views can be linked to and back/forward work.
    Hash,
}

impl Routing {
    /// The option's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Routing::Memory => "memory",
            Routing::Hash => "hash",
        }
    }
}

/// How the list of articles is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Cards with headline, dates, summary and tags, beside the tag filter.
    #[default]
    Full,
    /// Headline, date and summary, one article under the other.
    List,
    /// A responsive grid of cards with their lead images.
    Cards,
    /// Headline and date, for a sidebar or a footer.
    Compact,
}

impl Layout {
    /// The option's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Full => "full",
            Layout::List => "list",
            Layout::Cards => "cards",
            Layout::Compact => "compact",
        }
    }
}

/// What a headline does when it is followed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OpenMode {
    /// The reader shows the article itself.
    #[default]
    Inline,
    /// The page goes to the article's own address.
    Link,
    /// The article's own address opens in a new tab.
    NewTab,
}

impl OpenMode {
    /// The option's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            OpenMode::Inline => "inline",
            OpenMode::Link => "link",
            OpenMode::NewTab => "new-tab",
        }
    }
}

/// The parts of the reader's chrome around the articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Controls {
    pub masthead: bool,
    pub search: bool,
    pub tags: bool,
    pub following: bool,
}

impl Controls {
    pub const ALL: Controls = Controls { masthead: true, search: true, tags: true, following: true };
    pub const NONE: Controls = Controls { masthead: false, search: false, tags: false, following: false };
    const NAMES: [&'static str; 4] = ["masthead", "search", "tags", "following"];

    /// `"masthead search"`, `"none"`: the words of the `controls` attribute.
    fn parse<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<Controls> {
        let mut controls = Controls::NONE;
        for word in words {
            match word.to_ascii_lowercase().as_str() {
                "masthead" => controls.masthead = true,
                "search" => controls.search = true,
                "tags" => controls.tags = true,
                "following" => controls.following = true,
                "none" => {}
                _ => return None,
            }
        }
        Some(controls)
    }

    fn words(self) -> String {
        let on = [self.masthead, self.search, self.tags, self.following];
        let words: Vec<&str> = Self::NAMES.iter().zip(on).filter(|(_, on)| *on).map(|(n, _)| *n).collect();
        if words.is_empty() {
            "none".to_owned()
        } else {
            words.join(" ")
        }
    }
}

/// Articles shown before "Show more", unless the host says otherwise.
pub const DEFAULT_PAGE_SIZE: usize = 20;
const MAX_PAGE_SIZE: usize = 1000;

/// Everything a host can set. `Default` is the bundled feed, in memory, with no filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderOptions {
    /// The feed named by `src`, or why the given address cannot be used.
    pub src: Result<FeedLocation, UnusableAddress>,
    /// A feed the host handed over as an object (the `feed` option), which takes the place of
    /// everything else.
    pub given: Option<FeedLocation>,
    /// The JSON text of the element's own `<script type="application/feed+json">`, read when
    /// it connects; it takes the place of `src`. Not an option: the element's content.
    pub inline: Option<Rc<str>>,
    pub limits: Limits,
    /// The filter to show; writing it again later moves the reader to the feed with it.
    pub filter: TagFilter,
    pub routing: Routing,
    pub page_size: usize,
    /// The language of the reader's content, for `lang`; by default the feed's.
    pub lang: Option<String>,
    /// Text size, font, width, spacing and theme, as the host sets them (a person's own choice
    /// wins over these).
    pub typography: Typography,
    pub layout: Layout,
    /// The chrome to show; `None` is the layout's own choice (see [`ReaderOptions::controls`]).
    pub controls: Option<Controls>,
    pub open: OpenMode,
    /// Single-key shortcuts (`j`, `k`, `/`, `?`); off for pages where they would get in the way.
    pub keyboard: bool,
    /// At most this many articles in all, whatever the paging.
    pub max_items: Option<usize>,
}

impl Default for ReaderOptions {
    fn default() -> Self {
        ReaderOptions {
            src: Ok(FeedLocation::Bundled),
            given: None,
            inline: None,
            limits: Limits::default(),
            filter: TagFilter::default(),
            routing: Routing::default(),
            page_size: DEFAULT_PAGE_SIZE,
            lang: None,
            typography: Typography::default(),
            layout: Layout::default(),
            controls: None,
            open: OpenMode::default(),
            keyboard: true,
            max_items: None,
        }
    }
}

/// One option, as a host names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionSpec {
    /// The attribute of `<article-reader>`; `None` for an option only JavaScript can give.
    pub attribute: Option<&'static str>,
    /// The name in `mount()`'s options and the element's property.
    pub property: &'static str,
    /// What a usable value is, in words, for the warning about one that is not.
    pub expected: &'static str,
}

const fn spec(attribute: &'static str, property: &'static str, expected: &'static str) -> OptionSpec {
    OptionSpec { attribute: Some(attribute), property, expected }
}

/// Every option, in the order they are documented.
pub const OPTIONS: &[OptionSpec] = &[
    spec("src", "src", "a feed address"),
    OptionSpec { attribute: None, property: "feed", expected: "a JSON Feed object" },
    spec("tags", "tags", "a list of tag names"),
    spec("match", "match", "any or all"),
    spec("routing", "routing", "memory or hash"),
    spec("page-size", "pageSize", "a whole number from 1 to 1000"),
    spec("lang", "lang", "a language tag such as en or ar-SA"),
    spec("theme", "theme", "light, sepia, dark or auto"),
    spec("max-size", "maxSize", "a size such as 64MiB"),
    spec("layout", "layout", "full, list, cards or compact"),
    spec("controls", "controls", "none, or some of masthead search tags following"),
    spec("open", "open", "inline, link or new-tab"),
    spec("keyboard", "keyboard", "on or off"),
    spec("max-items", "maxItems", "a whole number of at least 1"),
    spec("text-size", "textSize", "a percentage from 50% to 300%"),
    spec("font", "font", "serif, sans or mono"),
    spec("width", "width", "narrow, normal or wide"),
    spec("spacing", "spacing", "tight, normal or loose"),
];

/// What [`ReaderOptions::apply`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// One sentence for every value that could not be used.
    pub warnings: Vec<String>,
    /// What a mounted reader does now, besides holding the new options.
    pub command: Option<Command>,
}

/// What a host's write asks of a mounted reader besides holding the new options. A reader
/// that has not started yet has no use for one: it starts where its options say. A later
/// command takes the place of one not yet carried out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Move to this route. A write of the filter (`tags`, `match`, `setFilter`) moves the
    /// reader to the feed with the filter written last, even when it is the one it had.
    Go(Route),
}

impl ReaderOptions {
    /// The feed to show: an object the host handed over, else the element's inline feed, else
    /// `src`'s, else the bundled one.
    pub fn feed(&self) -> Result<FeedLocation, UnusableAddress> {
        match (&self.given, &self.inline) {
            (Some(given), _) => Ok(given.clone()),
            (None, Some(text)) => Ok(FeedLocation::Text(text.clone())),
            (None, None) => self.src.clone(),
        }
    }

    /// The chrome to show: the host's choice, else all of it, but none for `compact`.
    pub fn controls(&self) -> Controls {
        self.controls.unwrap_or(if self.layout == Layout::Compact { Controls::NONE } else { Controls::ALL })
    }

    /// Sets the option `name` (its attribute or its JavaScript name) to `value`. `Err` is the
    /// sentence saying why the value was ignored; the option then keeps its value.
    pub fn set(&mut self, name: &str, value: &Value) -> Result<(), String> {
        let Some(spec) = OPTIONS.iter().find(|o| o.property == name || o.attribute == Some(name)) else {
            return Err(format!("{name} is not an option of the reader; it is ignored."));
        };
        let text = value.as_str().map(str::trim);
        let word = text.map(str::to_ascii_lowercase);
        let done = if matches!(value, Value::Null) || text == Some("") {
            self.reset(spec.property);
            Some(())
        } else {
            self.set_value(spec.property, value, text, word.as_deref())
        };
        done.ok_or_else(|| {
            let shown = match text {
                Some(text) => quote(text),
                None => json::to_string(value).chars().take(80).collect(),
            };
            format!("{name}={shown} is not {}; it is ignored.", spec.expected)
        })
    }

    /// Returns the option `property` to its default. Tags and match each leave the other alone.
    fn reset(&mut self, property: &str) {
        let defaults = ReaderOptions::default();
        match property {
            "src" => self.src = defaults.src,
            "feed" => self.given = None,
            "tags" => self.filter = TagFilter::new([], self.filter.mode()),
            "match" => self.filter = TagFilter::new(self.filter.tags().iter().cloned(), MatchMode::Any),
            "routing" => self.routing = defaults.routing,
            "pageSize" => self.page_size = defaults.page_size,
            "lang" => self.lang = None,
            _ if typography::PROPERTIES.contains(&property) => self.typography.reset(property),
            "maxSize" => self.limits.max_feed_bytes = defaults.limits.max_feed_bytes,
            "layout" => self.layout = defaults.layout,
            "controls" => self.controls = None,
            "open" => self.open = defaults.open,
            "keyboard" => self.keyboard = defaults.keyboard,
            _ => self.max_items = None,
        }
    }

    /// Sets the option `property` from a value that is not a reset; `None` when it is unusable.
    /// `text` is a string value trimmed, `word` the same in lower case.
    fn set_value(
        &mut self,
        property: &str,
        value: &Value,
        text: Option<&str>,
        word: Option<&str>,
    ) -> Option<()> {
        use {Layout::*, MatchMode::*, OpenMode::*, Routing::*};
        match property {
            "src" => self.src = FeedLocation::url(text?),
            "feed" => {
                if !value.is_object() {
                    return None;
                }
                self.given = Some(FeedLocation::Object(Rc::new(value.clone())));
            }
            "tags" => {
                let tags: Vec<TagKey> = match value {
                    Value::String(text) => text.split(',').filter_map(TagKey::new).collect(),
                    Value::Array(names) => names
                        .iter()
                        .map(Value::as_str)
                        .collect::<Option<Vec<_>>>()?
                        .into_iter()
                        .filter_map(TagKey::new)
                        .collect(),
                    _ => return None,
                };
                self.filter = TagFilter::new(tags, self.filter.mode());
            }
            "match" => {
                let mode = pick(word, &[("any", Any), ("all", All)])?;
                self.filter = TagFilter::new(self.filter.tags().iter().cloned(), mode);
            }
            "routing" => self.routing = pick(word, &[("memory", Memory), ("hash", Hash)])?,
            "pageSize" => self.page_size = whole_number(value).filter(|n| (1..=MAX_PAGE_SIZE).contains(n))?,
            "lang" => self.lang = Some(text.filter(|lang| is_language_tag(lang))?.to_owned()),
            _ if typography::PROPERTIES.contains(&property) => self.typography.set(property, value)?,
            "maxSize" => {
                self.limits.max_feed_bytes = match value {
                    Value::String(text) => parse_size(text).ok(),
                    _ => whole_number(value).filter(|&bytes| bytes > 0),
                }?
            }
            "layout" => {
                self.layout =
                    pick(word, &[("full", Full), ("list", List), ("cards", Cards), ("compact", Compact)])?
            }
            "controls" => {
                self.controls = Some(match value {
                    Value::String(text) => Controls::parse(text.split_whitespace()),
                    Value::Array(words) => {
                        Controls::parse(words.iter().map(Value::as_str).collect::<Option<Vec<_>>>()?)
                    }
                    _ => None,
                }?)
            }
            "open" => self.open = pick(word, &[("inline", Inline), ("link", Link), ("new-tab", NewTab)])?,
            "keyboard" => {
                self.keyboard = match value {
                    Value::Bool(on) => Some(*on),
                    _ => pick(word, &[("on", true), ("true", true), ("off", false), ("false", false)]),
                }?
            }
            _ => self.max_items = Some(whole_number(value).filter(|&count| count >= 1)?),
        }
        Some(())
    }

    /// Sets every named option in order (a partial update: options not named keep their
    /// values). Returns the sentences about values that were ignored, and the command the
    /// writes give a mounted reader.
    pub fn apply<'a>(&mut self, options: impl IntoIterator<Item = (&'a str, &'a Value)>) -> Applied {
        let mut applied = Applied::default();
        let mut filter_written = false;
        for (name, value) in options {
            match self.set(name, value) {
                Ok(()) => filter_written |= matches!(name, "tags" | "match"),
                Err(warning) => applied.warnings.push(warning),
            }
        }
        if filter_written {
            applied.command = Some(Command::Go(Route::Feed(FeedQuery::filtered(self.filter.clone()))));
        }
        applied
    }

    /// Reads attribute-style `(name, value)` pairs onto the defaults. Returns the options and,
    /// for every value that could not be used, a sentence saying what was ignored.
    pub fn from_attributes<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (ReaderOptions, Vec<String>) {
        let values: Vec<(&str, Value)> =
            pairs.into_iter().map(|(name, text)| (name, Value::String(text.to_owned()))).collect();
        let mut options = ReaderOptions::default();
        let applied = options.apply(values.iter().map(|(name, value)| (*name, value)));
        (options, applied.warnings)
    }

    /// Reads a page's query string (`location.search`, with or without its `?`) as attributes,
    /// so `index.html?src=feed.json&tags=pakistan` works like the attributes would. Parameters
    /// that are not attributes are left to the page; the page decides its own routing.
    pub fn from_query(search: &str, routing: Routing) -> (ReaderOptions, Vec<String>) {
        let query = search.strip_prefix('?').unwrap_or(search);
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (crate::url::decode_query_value(name), crate::url::decode_query_value(value))
            })
            .filter(|(name, _)| {
                name != "routing" && OPTIONS.iter().any(|o| o.attribute == Some(name.as_str()))
            })
            .collect();
        let (mut options, ignored) =
            ReaderOptions::from_attributes(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        options.routing = routing;
        (options, ignored)
    }

    /// Every option's value now, by JavaScript name, typed as JavaScript reads it back (the
    /// element's properties): `src` the address given (`null` for the bundled feed), `tags`
    /// the filter's tag keys, numbers as numbers, unset ones `null`.
    pub fn values(&self) -> Vec<(&'static str, Value)> {
        let text = |s: &str| Value::String(s.to_owned());
        let number = |n: usize| Value::Number(n.to_string());
        let src = match &self.src {
            Ok(FeedLocation::Url(url)) => text(url),
            _ => Value::Null,
        };
        let feed = match &self.given {
            Some(FeedLocation::Object(object)) => (**object).clone(),
            _ => Value::Null,
        };
        let tags = Value::Array(self.filter.tags().iter().map(|key| text(key.as_str())).collect());
        vec![
            ("src", src),
            ("feed", feed),
            ("tags", tags),
            ("match", text(self.filter.mode().as_str())),
            ("routing", text(self.routing.as_str())),
            ("pageSize", number(self.page_size)),
            ("lang", self.lang.as_deref().map_or(Value::Null, text)),
            ("theme", text(self.typography.theme.unwrap_or_default().as_str())),
            ("maxSize", number(self.limits.max_feed_bytes)),
            ("layout", text(self.layout.as_str())),
            ("controls", text(&self.controls().words())),
            ("open", text(self.open.as_str())),
            ("keyboard", Value::Bool(self.keyboard)),
            ("maxItems", self.max_items.map_or(Value::Null, number)),
            ("textSize", self.typography.text_size.map_or(Value::Null, |size| number(usize::from(size)))),
            ("font", self.typography.font.map_or(Value::Null, |c| text(c.word()))),
            ("width", self.typography.width.map_or(Value::Null, |c| text(c.word()))),
            ("spacing", self.typography.spacing.map_or(Value::Null, |c| text(c.word()))),
        ]
    }
}

/// The choice named by `word`.
fn pick<T: Copy>(word: Option<&str>, choices: &[(&str, T)]) -> Option<T> {
    let word = word?;
    choices.iter().find(|(name, _)| *name == word).map(|&(_, choice)| choice)
}

/// A whole number from a JSON number or its text (`5`, `"5"`); `None` for anything else,
/// fractions and negatives included.
fn whole_number(value: &Value) -> Option<usize> {
    match value {
        Value::Number(text) | Value::String(text) => text.trim().parse().ok(),
        _ => None,
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

    fn js(text: &str) -> Value {
        json::parse(text).unwrap()
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
            ("layout", "Cards"),
            ("controls", "search  tags"),
            ("open", "new-tab"),
            ("keyboard", "off"),
            ("max-items", "5"),
        ]);
        assert_eq!(ignored, Vec::<String>::new());
        assert_eq!(options.feed(), Ok(FeedLocation::Url("feeds/world.json".into())));
        assert_eq!(options.filter, TagFilter::new(keys(&["pakistan", "imran khan"]), MatchMode::All));
        assert_eq!(options.routing, Routing::Hash);
        assert_eq!(options.page_size, 5);
        assert_eq!(options.lang.as_deref(), Some("ar-SA"));
        assert_eq!(options.typography.theme, Some(Theme::Dark));
        assert_eq!(options.limits.max_feed_bytes, 2 << 20);
        assert_eq!(options.layout, Layout::Cards);
        assert_eq!(options.controls(), Controls { search: true, tags: true, ..Controls::NONE });
        assert_eq!(options.open, OpenMode::NewTab);
        assert!(!options.keyboard);
        assert_eq!(options.max_items, Some(5));
    }

    #[test]
    fn javascript_values_mean_what_their_attributes_mean() {
        let cases: &[(&str, &str, &str)] = &[
            ("tags", r#"["a, b", "C"]"#, r#""a, b""#),
            ("pageSize", "5", r#""5""#),
            ("maxSize", "1024", r#""1KiB""#),
            ("keyboard", "false", r#""off""#),
            ("maxItems", "3", r#""3""#),
            ("controls", r#"["masthead", "search"]"#, r#""masthead search""#),
        ];
        for (name, typed, text) in cases {
            let mut from_js = ReaderOptions::default();
            let mut from_text = ReaderOptions::default();
            assert_eq!(from_js.set(name, &js(typed)), Ok(()), "{name}={typed}");
            assert_eq!(from_text.set(name, &js(text)), Ok(()), "{name}={text}");
            if *name != "tags" {
                assert_eq!(from_js, from_text, "{name}: {typed} and {text}");
            }
        }
        let mut options = ReaderOptions::default();
        options.set("tags", &js(r#"["Tea, coffee", "Cake"]"#)).unwrap();
        assert_eq!(options.filter.tags(), keys(&["cake", "tea, coffee"]), "a tag may hold a comma");
    }

    #[test]
    fn an_update_merges_and_null_returns_an_option_to_its_default() {
        let (mut options, _) =
            ReaderOptions::from_attributes([("src", "world.json"), ("tags", "uk"), ("theme", "dark")]);
        let update = js(r#"{"theme": "light", "pageSize": 3}"#);
        let Value::Object(update) = update else { unreachable!() };
        let applied = options.apply(update.iter().map(|(k, v)| (k.as_str(), v)));
        assert_eq!(applied, Applied::default(), "no warning, and no command: the filter was not written");
        assert_eq!(options.src, Ok(FeedLocation::Url("world.json".into())), "src keeps its value");
        assert_eq!(options.filter.tags(), keys(&["uk"]), "tags keep their value");
        assert_eq!((options.typography.theme, options.page_size), (Some(Theme::Light), 3));

        let applied = options.apply([("src", &Value::Null), ("tags", &Value::Null)]);
        assert_eq!(applied.command, Some(Command::Go(Route::default())), "to the whole feed");
        assert_eq!(options.src, Ok(FeedLocation::Bundled));
        assert!(options.filter.is_empty());
        assert_eq!(options.page_size, 3, "options not named stay");
    }

    #[test]
    fn a_wrong_value_is_one_warning_and_the_others_still_apply() {
        let mut options = ReaderOptions::default();
        let update =
            js(r#"{"pageSize": true, "theme": "dark", "tags": ["a", 3], "keyboard": "maybe", "colour": 1}"#);
        let Value::Object(update) = update else { unreachable!() };
        let applied = options.apply(update.iter().map(|(k, v)| (k.as_str(), v)));
        assert_eq!(
            applied.warnings,
            [
                "pageSize=true is not a whole number from 1 to 1000; it is ignored.",
                "tags=[\"a\",3] is not a list of tag names; it is ignored.",
                "keyboard=\"maybe\" is not on or off; it is ignored.",
                "colour is not an option of the reader; it is ignored.",
            ]
        );
        assert_eq!(options.typography.theme, Some(Theme::Dark));
        assert_eq!(options.page_size, DEFAULT_PAGE_SIZE);
        assert_eq!(applied.command, None, "a refused tags value writes no filter");
    }

    #[test]
    fn unusable_attribute_values_keep_their_defaults_and_say_so() {
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
            ("theme", "blue", "theme=\"blue\" is not light, sepia, dark or auto; it is ignored."),
            ("max-size", "huge", "max-size=\"huge\" is not a size such as 64MiB; it is ignored."),
            ("layout", "grid", "layout=\"grid\" is not full, list, cards or compact; it is ignored."),
            (
                "controls",
                "search ads",
                "controls=\"search ads\" is not none, or some of masthead search tags following; it is ignored.",
            ),
            ("open", "popup", "open=\"popup\" is not inline, link or new-tab; it is ignored."),
            ("max-items", "0", "max-items=\"0\" is not a whole number of at least 1; it is ignored."),
        ];
        for (name, value, message) in cases {
            let (options, ignored) = ReaderOptions::from_attributes([(*name, *value)]);
            assert_eq!(ignored, [*message]);
            assert_eq!(options, ReaderOptions::default(), "{name}={value}");
        }
    }

    #[test]
    fn compact_hides_the_chrome_unless_asked() {
        let (compact, _) = ReaderOptions::from_attributes([("layout", "compact")]);
        assert_eq!(compact.controls(), Controls::NONE);
        let (with_search, _) =
            ReaderOptions::from_attributes([("layout", "compact"), ("controls", "search")]);
        assert_eq!(with_search.controls(), Controls { search: true, ..Controls::NONE });
        assert_eq!(ReaderOptions::default().controls(), Controls::ALL);
    }

    #[test]
    fn a_bad_feed_address_is_an_error_to_show() {
        let cases = [
            ("", Ok(FeedLocation::Bundled)),
            ("javascript:alert(1)", Err(UnusableAddress { address: "javascript:alert(1)".to_owned() })),
            ("https://example.com/f.json", Ok(FeedLocation::Url("https://example.com/f.json".into()))),
        ];
        for (src, expected) in cases {
            assert_eq!(ReaderOptions::from_attributes([("src", src)]).0.src, expected, "{src}");
        }
    }

    #[test]
    fn a_feed_handed_over_comes_before_src() {
        let mut options = ReaderOptions::from_attributes([("src", "world.json")]).0;
        let feed = js(r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}"#);
        options.set("feed", &feed).unwrap();
        assert_eq!(options.feed(), Ok(FeedLocation::Object(Rc::new(feed))));
        assert_eq!(
            options.set("feed", &js("[]")),
            Err("feed=[] is not a JSON Feed object; it is ignored.".to_owned())
        );
        options.set("feed", &Value::Null).unwrap();
        assert_eq!(options.feed(), Ok(FeedLocation::Url("world.json".into())));
    }

    #[test]
    fn reads_the_standalone_query() {
        let (options, ignored) = ReaderOptions::from_query(
            "?src=a%20b.json&tags=uk&routing=memory&max-size=1k&x=y&layout=list",
            Routing::Hash,
        );
        assert!(ignored.is_empty());
        assert_eq!(options.src, Ok(FeedLocation::Url("a b.json".into())));
        assert_eq!(options.filter, TagFilter::new(keys(&["uk"]), MatchMode::Any));
        assert_eq!(options.routing, Routing::Hash, "the page decides its routing");
        assert_eq!(options.limits.max_feed_bytes, 1024);
        assert_eq!(options.layout, Layout::List);
        assert_eq!(ReaderOptions::from_query("", Routing::Hash).0.src, Ok(FeedLocation::Bundled));
    }

    #[test]
    fn writes_of_the_filter_move_the_reader_to_the_feed_with_the_last_one() {
        let feed = |tags: &[&str], mode| {
            Some(Command::Go(Route::Feed(FeedQuery::filtered(TagFilter::new(keys(tags), mode)))))
        };
        // (the options the reader has, the update, the command it gives)
        let cases: Vec<(&str, &str, Option<Command>)> = vec![
            ("{}", r#"{"theme": "dark", "pageSize": 3}"#, None),
            ("{}", r#"{"tags": ["uk"]}"#, feed(&["uk"], MatchMode::Any)),
            (r#"{"tags": "uk"}"#, r#"{"tags": "uk"}"#, feed(&["uk"], MatchMode::Any)),
            (r#"{"tags": "uk"}"#, r#"{"match": "all"}"#, feed(&["uk"], MatchMode::All)),
            ("{}", r#"{"tags": "a", "match": "all", "tags": "b"}"#, feed(&["b"], MatchMode::All)),
            (r#"{"tags": "uk"}"#, r#"{"tags": null}"#, feed(&[], MatchMode::Any)),
            (r#"{"tags": "uk"}"#, r#"{"tags": 3}"#, None),
            (r#"{"tags": "uk"}"#, r#"{"match": "some", "layout": "list"}"#, None),
        ];
        for (before, update, command) in cases {
            let mut options = ReaderOptions::default();
            let Value::Object(before_members) = js(before) else { unreachable!() };
            options.apply(before_members.iter().map(|(k, v)| (k.as_str(), v)));
            let Value::Object(members) = js(update) else { unreachable!() };
            let applied = options.apply(members.iter().map(|(k, v)| (k.as_str(), v)));
            assert_eq!(applied.command, command, "{before} then {update}");
        }
    }

    #[test]
    fn values_read_back_typed() {
        let (options, _) =
            ReaderOptions::from_attributes([("tags", "UK"), ("page-size", "5"), ("open", "new-tab")]);
        let values = options.values();
        let value = |name: &str| values.iter().find(|(n, _)| *n == name).map(|(_, v)| json::to_string(v));
        assert_eq!(value("tags").as_deref(), Some(r#"["uk"]"#));
        assert_eq!(value("pageSize").as_deref(), Some("5"));
        assert_eq!(value("open").as_deref(), Some(r#""new-tab""#));
        assert_eq!(value("src").as_deref(), Some("null"));
        assert_eq!(value("keyboard").as_deref(), Some("true"));
        assert_eq!(values.len(), OPTIONS.len(), "every option reads back");
    }
}
