//! The shape of one interface language as data: [`Strings`], which each language fills in one
//! file of its own (`lang/`), and the fixed strings' names ([`Label`]). A language is a table,
//! not code: [`crate::interface::text`] fills the same templates whatever the language, so a
//! translation adds a file and no logic, and the wasm holds each sentence once per language
//! instead of a `format!` per sentence and language.
//!
//! A template's `{0}`, `{1}`, … stand for the values its method documents
//! ([`crate::interface::words::fill`]). A [`Counted`] message has one template for each CLDR
//! plural category, picked by the language's own rule ([`Strings::plural`]).

use crate::interface::words::ByteUnits;

/// The [`Label`] enum, and [`LABEL_NAMES`] from the same list, so a label's key in a language
/// file is its name.
macro_rules! label_enum {
    ($($(#[$doc:meta])* $label:ident,)*) => {
        /// The fixed strings of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Label {
            $($(#[$doc])* $label,)*
        }

        /// The names of the [`Label`]s in their order, each followed by a space: their keys in a
        /// language file's `labels`.
        pub const LABEL_NAMES: &str = concat!($(stringify!($label), " ",)*);
    };
}

label_enum! {
    FilterByTag,
    Tags,
    ClearFilter,
    ClearAll,
    MatchAny,
    MatchAll,
    MatchLegend,
    Search,
    SearchPlaceholder,
    NothingMatches,
    NoArticles,
    AllArticles,
    Following,
    Highlights,
    Photo,
    Tagged,
    ReadAtSource,
    Related,
    Newer,
    Older,
    CopyLink,
    LinkCopied,
    /// The control that opens the browser's share sheet, where it has one.
    Share,
    Follow,
    Unfollow,
    FollowNothing,
    Read,
    ArticleNotFound,
    MaybeRemoved,
    BackToArticles,
    LoadingFeed,
    LoadingArticle,
    FeedDownload,
    FeedCannotBeShown,
    FeedProblems,
    Dismiss,
    SkipToArticles,
    KeyboardShortcuts,
    Close,
    KeyNext,
    KeyOpen,
    KeyBack,
    KeySearch,
    KeyHelp,
    ArticleNavigation,
    Articles,
    /// The newer and older articles beside the one open.
    NeighbourArticles,
    /// Before the authors' names.
    By,
    /// The article's own page, beside "Read at the source" (its `external_url`).
    OriginalArticle,
    /// An `expired` feed.
    NoLongerUpdated,
    ReadingSettings,
    TextSize,
    SmallerText,
    LargerText,
    Font,
    FontSerif,
    FontSans,
    FontMono,
    Width,
    WidthNarrow,
    WidthNormal,
    WidthWide,
    Spacing,
    SpacingTight,
    SpacingNormal,
    SpacingLoose,
    Theme,
    ThemeAuto,
    ThemeLight,
    ThemeSepia,
    ThemeDark,
    ResetSettings,
    Attachments,
    Download,
    MarkAllRead,
    UndoMarkAllRead,
    HideRead,
    /// The button that fetches a paged feed's next page (not "Show more", which shows more of
    /// what is loaded).
    LoadMore,
    LoadingMore,
    /// The button that fetches a feed again after the reader gave up on it.
    TryAgain,
    /// The control that reads the article aloud (and names the group of its controls).
    Listen,
    PauseReading,
    ResumeReading,
    StopReading,
    PreviousParagraph,
    NextParagraph,
    ReadingSpeed,
    Voice,
    /// Said politely as reading aloud starts, pauses and stops.
    NowReading,
    ReadingPaused,
    ReadingStopped,
    KeyListen,
    /// The status while a large feed's search index is still being built (the last label:
    /// [`LABELS`] counts up to it).
    SearchGettingReady,
}

/// How many [`Label`]s there are: the length of [`Strings::labels`].
pub const LABELS: usize = Label::SearchGettingReady as usize + 1;

/// A CLDR plural category, as an index into a [`Counted`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    /// Every category, in the order of a [`Counted`].
    pub const ALL: [Plural; 6] =
        [Plural::Zero, Plural::One, Plural::Two, Plural::Few, Plural::Many, Plural::Other];

    /// The category's CLDR name: a counted message's key in a language file.
    pub fn name(self) -> &'static str {
        ["zero", "one", "two", "few", "many", "other"][self as usize]
    }
}

/// A message about a number, one template for each [`Plural`] category in its order (zero,
/// one, two, few, many, other); `{0}` is the number. A language uses only the categories its
/// [`PluralRule`] gives; the others hold its "other".
pub type Counted = [&'static str; 6];

/// A [`Counted`] for a language with only "one" and "other" (English, German, …).
pub const fn one_other(one: &'static str, other: &'static str) -> Counted {
    [other, one, other, other, other, other]
}

/// Which CLDR plural categories a language uses for whole numbers, and which number takes
/// which: data of the language's table (`"plural"` in its file), not code of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralRule {
    /// `"one"`: one for 1, other for the rest (English, German, Spanish, Urdu). CLDR 42 gives
    /// Spanish a "many" too, for large round numbers (a million, `1e6`); the reader's counts
    /// of articles, minutes and items take "other" there, which reads as well.
    One,
    /// `"zero-or-one"`: one for 0 and 1, other for the rest (French).
    ZeroOrOne,
    /// `"arabic"`: zero, one, two, few (`n % 100` from 3 to 10), many (`n % 100` from 11 to
    /// 99), other. So 3 and 103 articles are "مقالات", 11 and 111 "مقالة".
    Arabic,
}

impl PluralRule {
    /// The rule a language file names.
    pub fn named(name: &str) -> Option<PluralRule> {
        match name {
            "one" => Some(PluralRule::One),
            "zero-or-one" => Some(PluralRule::ZeroOrOne),
            "arabic" => Some(PluralRule::Arabic),
            _ => None,
        }
    }

    /// The categories the rule gives, which a language file's counted messages hold.
    pub fn categories(self) -> &'static [Plural] {
        match self {
            PluralRule::One | PluralRule::ZeroOrOne => &[Plural::One, Plural::Other],
            PluralRule::Arabic => &Plural::ALL,
        }
    }

    /// The plural category of `n`.
    pub fn category(self, n: usize) -> Plural {
        match (self, n, n % 100) {
            (PluralRule::One, 1, _) | (PluralRule::ZeroOrOne, 0 | 1, _) => Plural::One,
            (PluralRule::One | PluralRule::ZeroOrOne, _, _) => Plural::Other,
            (PluralRule::Arabic, 0, _) => Plural::Zero,
            (PluralRule::Arabic, 1, _) => Plural::One,
            (PluralRule::Arabic, 2, _) => Plural::Two,
            (PluralRule::Arabic, _, 3..=10) => Plural::Few,
            (PluralRule::Arabic, _, 11..=99) => Plural::Many,
            (PluralRule::Arabic, _, _) => Plural::Other,
        }
    }
}

/// Every label (or template) has its text: English's table asserts it at build time.
pub const fn all_set<const N: usize>(labels: &[&str; N]) -> bool {
    let mut i = 0;
    while i < N {
        if labels[i].is_empty() {
            return false;
        }
        i += 1;
    }
    true
}

/// Everything the interface says in one language. The comment on each template names its
/// values. `Copy`, as every entry is: a language file is read onto a copy of English, which
/// copies in one move rather than entry by entry.
#[derive(Clone, Copy, Debug)]
pub struct Strings {
    /// The BCP 47 tag of the language.
    pub tag: &'static str,
    /// Which plural category a count takes.
    pub plural: PluralRule,
    /// The fixed strings, in the order of [`Label`].
    pub labels: [&'static str; LABELS],
    /// The templates, in the order of [`Text`]; read through their methods (`result_all()`, …).
    pub texts: [&'static str; TEXTS],
    /// The words of a byte count.
    pub byte_units: ByteUnits,
    /// "3 articles".
    pub articles: Counted,
    /// "6 min read": {0} the minutes.
    pub reading_time: Counted,
    /// Hours, minutes and seconds after a number.
    pub duration_units: [&'static str; 3],
    /// {0} items skipped.
    pub skipped_items: Counted,
    /// Picked by the items' number: {0} the items' number with its digits grouped, {1} the
    /// limit's.
    pub over_limit: Counted,
    /// {0} fields left out.
    pub left_out_fields: Counted,
    /// What went wrong with a feed ([`crate::interface::messages`]).
    pub messages: Messages,
    /// The types a field should have had, in the order of
    /// [`crate::feed::load::Shape`].
    pub shapes: [&'static str; 7],
    /// How a reason names its field: {0} the field in words. Empty where the reason follows
    /// the field's name instead (English: "id is missing").
    pub field_name: &'static str,
    /// A feed's fields (and an author's or attachment's members) in words, as `(JSON name,
    /// words)`; a field not listed is its JSON name.
    pub field_names: &'static [(&'static str, &'static str)],
    /// JSON's syntax problems in words, in the order of
    /// [`crate::feed::json::SyntaxProblem`]; empty for the parser's own (English) words.
    pub syntax: &'static [&'static str],
    /// Seconds, for `messages.stalled`'s {2}.
    pub seconds: Counted,
    /// Each value of a message is isolated (U+2068 … U+2069), so a URL or a quoted id keeps its
    /// own direction inside a right-to-left sentence instead of having its slashes and quotes
    /// moved.
    pub isolate: bool,
}

/// What went wrong with a feed, in one language: the templates `messages.rs` fills, each with
/// the values its English template names (`{0}`, `{1}`, …). A template may leave out a value
/// its language does not say.
#[derive(Clone, Copy, Debug)]
pub struct Messages {
    /// The templates, in the order of [`Message`]; read through their methods (`not_a_link()`, …).
    pub texts: [&'static str; MESSAGES],
}

/// One entry of a [`Strings`] table, as [`Strings::entries`] hands it out to be read or set.
#[derive(Debug)]
pub enum Entry<'a> {
    /// A template.
    Text(&'a mut &'static str),
    /// A message with a template per plural category.
    Counted(&'a mut Counted),
    /// A fixed number of texts, in order (the byte units, the duration units, the shapes).
    Texts(&'a mut [&'static str]),
    /// Any number of texts, in order (JSON's syntax problems; none for the parser's own words).
    List(&'a mut &'static [&'static str]),
    /// Names and their words, in order (the feed's fields).
    Pairs(&'a mut &'static [(&'static str, &'static str)]),
}

/// [`Strings::entries`] and [`ENTRY_NAMES`] from one list of the table's fields, so an entry's
/// key in a language file is its field's name (`section.field` in a section). An array of
/// entries rather than a call per field: the wasm reads a language file with a loop over data,
/// not with code for each entry.
macro_rules! entries {
    ($($kind:ident $first:ident $(. $field:ident)?),* $(,)?) => {
        /// The number of [`Strings::entries`].
        pub const ENTRIES: usize = [$(stringify!($first)),*].len();

        /// The keys of [`Strings::entries`] in their order, each followed by a space: a field's
        /// name, or `section.name` for a field in a section of the file.
        pub const ENTRY_NAMES: &str = concat!($(stringify!($first), $(".", stringify!($field),)? " ",)*);

        impl Strings {
            /// Every entry of the table but its tag, plural rule, `isolate` and labels, in the
            /// order of [`ENTRY_NAMES`]: what reading a language file
            /// ([`crate::interface::lang::read`]) and checking one go through.
            pub fn entries(&mut self) -> [Entry<'_>; ENTRIES] {
                [$(Entry::$kind(&mut self.$first $(.$field)?)),*]
            }
        }
    };
}

entries! {
    Text byte_units.byte,
    Text byte_units.bytes,
    Texts byte_units.larger,
    Counted articles,
    Counted reading_time,
    Texts duration_units,
    Counted skipped_items,
    Counted over_limit,
    Counted left_out_fields,
    Texts shapes,
    Text field_name,
    Pairs field_names,
    List syntax,
    Counted seconds
}

/// An enum of templates, its count and its names (each followed by a space: their keys in a
/// language file), and a method on their holder for each, which returns its text: one list,
/// so a template's key is its name, and reading a file is a loop over the names.
macro_rules! templates {
    ($enum:ident, $count:ident, $names:ident, $holder:ident: $($(#[$doc:meta])* $name:ident,)*) => {
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $enum {
            $($(#[$doc])* $name,)*
        }

        pub const $count: usize = [$(stringify!($name)),*].len();

        pub const $names: &str = concat!($(stringify!($name), " ",)*);

        impl $holder {
            $($(#[$doc])* pub fn $name(&self) -> &'static str {
                self.texts[$enum::$name as usize]
            })*
        }
    };
}

templates! { Text, TEXTS, TEXT_NAMES, Strings:
    /// The result with no tags and no search: {0} the articles ("Showing all 3 articles").
    result_all,
    /// The start of a result with nothing in it.
    result_none,
    /// The start of a result: {0} how many match, {1} the articles in words, {2} their number.
    result_some,
    /// After the start, the tags: {0} the tags joined by `any_joiner` or `all_joiner`.
    result_tagged,
    /// After that, the search: {0} its text.
    result_matching,
    /// Between tags that any article may have.
    any_joiner,
    /// Between tags that every article must have.
    all_joiner,
    /// {0} the date published.
    published,
    /// {0} the date updated.
    updated,
    /// Before the last name of a list ("A, B and C").
    list_last,
    /// Before the other names but the first.
    list_next,
    /// Between the tags of the link back to the feed.
    tag_separator,
    /// The link back to a filtered feed: {0} the tags.
    back_to_tagged,
    /// The link back to a searched feed: {0} the search.
    back_to_matching,
    /// {0} shown, {1} in all.
    show_more,
    /// {0} articles not read.
    unread,
    /// Between the details of an attachment.
    detail_separator,
    /// {0} why the next page failed.
    page_failed,
    /// {0} seconds.
    retrying_in,
    /// {0} the date the copy was kept.
    kept_copy,
    /// The toggle of a tag not followed, for its accessible name: {0} the tag.
    follow_tag,
    /// The same for a followed tag.
    unfollow_tag,
    /// {0} bytes received, {1} of how many, {2} the percentage.
    progress,
    /// {0} problems not listed.
    more_problems,
    /// {0} the id.
    no_article_with_id,
    /// {0} the fragment's path.
    no_such_address,
    /// A reason with its field: {0} the field's JSON name, {1} the reason.
    field_reason,
    /// The decimal mark, as `Intl.NumberFormat` writes it in the language (`1.5`, `1,5`).
    decimal_mark,
    /// The mark between groups of three digits, as `Intl.NumberFormat` writes it (`150,000`,
    /// `150 000`, `150.000`).
    group_mark,
}

templates! { Message, MESSAGES, MESSAGE_NAMES, Messages:
    /// A field that is not a link: {0} the field in words, {1} the text.
    not_a_link,
    /// An empty feed address.
    address_empty,
    /// {0} the address.
    address_not_a_link,
    /// {0} the feed's address, {1} the browser's words.
    network,
    /// {0} the address, {1} the status, {2} the server's reason, after a space.
    status,
    /// {0} the address, {1} what arrived, {2} of how much.
    cut_short,
    /// {0} the address, {1} the seconds, {2} the seconds in words ([`Strings::seconds`]).
    stalled,
    /// A CORS refusal: {0} the address.
    refused,
    /// {0} the address.
    offline,
    /// {0} the address, {1} its size, {2} the limit.
    too_large,
    /// {0} the address, {2} the limit.
    too_large_unknown,
    /// {0} the address, {1} the first byte that is not UTF-8.
    not_text,
    /// {0} the content type an HTML page came with.
    served_as,
    /// An HTML page with no content type.
    no_content_type,
    /// {0} the address, {1} `served_as` or `no_content_type`.
    html_page,
    /// Not JSON: {0} the problem ([`Strings::syntax`]), {1} the line, {2} the column.
    syntax,
    /// A document that is not an object.
    document_not_an_object,
    /// A field of the feed itself: {0} its name, {1} the reason.
    feed_field,
    /// {0} the feed's size, {1} the limit.
    feed_too_large,
    /// Where an item is, on a later page: {0} the page.
    on_page,
    /// The feed itself, where an item would be named.
    the_feed,
    /// {0} the item's place.
    item,
    /// {0} the item's id.
    with_id,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    version_missing,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    missing,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    blank,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    wrong_type,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    not_strings,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    wrong_entry,
    /// What the entries of an array must be.
    strings,
    /// What the entries of an array must be.
    author_objects,
    /// What the entries of an array must be.
    attachment_objects,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    item_not_an_object,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    not_a_version,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    too_long_nested,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    too_long,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    not_a_date,
    /// What `not_a_date` ends with ({4}).
    undated,
    /// What `not_a_date` ends with ({4}).
    date_left_out,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    member_not_a_link,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    repeated_id_earlier_page,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    repeated_id,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    no_content,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    attachment_without_url,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    attachment_without_type,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    not_a_count,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    not_a_number,
    /// What a field held instead: {0} the value.
    found_bool,
    /// What a field held instead: {0} the value.
    found_number,
    /// What a field held instead: {0} the value.
    found_string,
    /// What a field held instead: {0} the value.
    found_array,
    /// What a field held instead: {0} the value.
    found_object,
}
