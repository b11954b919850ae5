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

/// The fixed strings of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
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

/// A message about a number, one template for each [`Plural`] category in its order (zero,
/// one, two, few, many, other); `{0}` is the number. A language uses only the categories its
/// rule gives.
pub type Counted = [&'static str; 6];

/// A [`Counted`] for a language with only "one" and "other" (English, German, …).
pub const fn one_other(one: &'static str, other: &'static str) -> Counted {
    [other, one, other, other, other, other]
}

/// English's plural rule (German's, Spanish's and Urdu's too, for whole numbers): one for 1.
pub fn one_else_other(n: usize) -> Plural {
    if n == 1 {
        Plural::One
    } else {
        Plural::Other
    }
}

/// Arabic's plural rule: zero, one, two, few (`n % 100` from 3 to 10), many (`n % 100` from 11
/// to 99), other. So 3 and 103 articles are "مقالات", 11 and 111 "مقالة".
pub fn arabic_plural(n: usize) -> Plural {
    match (n, n % 100) {
        (0, _) => Plural::Zero,
        (1, _) => Plural::One,
        (2, _) => Plural::Two,
        (_, 3..=10) => Plural::Few,
        (_, 11..=99) => Plural::Many,
        _ => Plural::Other,
    }
}

/// Every label has its text: the languages' tables assert it at build time.
pub const fn all_set(labels: &[&str; LABELS]) -> bool {
    let mut i = 0;
    while i < LABELS {
        if labels[i].is_empty() {
            return false;
        }
        i += 1;
    }
    true
}

/// Everything the interface says in one language. The comment on each template names its
/// values.
#[derive(Debug)]
pub struct Strings {
    /// The BCP 47 tag of the language.
    pub tag: &'static str,
    /// The plural category of a count.
    pub plural: fn(usize) -> Plural,
    /// The fixed strings, in the order of [`Label`].
    pub labels: [&'static str; LABELS],
    /// The words of a byte count.
    pub byte_units: ByteUnits,
    /// "3 articles".
    pub articles: Counted,
    /// The result with no tags and no search: {0} the articles ("Showing all 3 articles").
    pub result_all: &'static str,
    /// The start of a result with nothing in it.
    pub result_none: &'static str,
    /// The start of a result: {0} how many match, {1} the articles in words, {2} their number.
    pub result_some: &'static str,
    /// After the start, the tags: {0} the tags joined by `any_joiner` or `all_joiner`.
    pub result_tagged: &'static str,
    /// After that, the search: {0} its text.
    pub result_matching: &'static str,
    /// Between tags that any article may have.
    pub any_joiner: &'static str,
    /// Between tags that every article must have.
    pub all_joiner: &'static str,
    /// "6 min read": {0} the minutes.
    pub reading_time: Counted,
    /// {0} the date published.
    pub published: &'static str,
    /// {0} the date updated.
    pub updated: &'static str,
    /// Before the last name of a list ("A, B and C").
    pub list_last: &'static str,
    /// Before the other names but the first.
    pub list_next: &'static str,
    /// Between the tags of the link back to the feed.
    pub tag_separator: &'static str,
    /// The link back to a filtered feed: {0} the tags.
    pub back_to_tagged: &'static str,
    /// The link back to a searched feed: {0} the search.
    pub back_to_matching: &'static str,
    /// {0} shown, {1} in all.
    pub show_more: &'static str,
    /// {0} articles not read.
    pub unread: &'static str,
    /// Hours, minutes and seconds after a number.
    pub duration_units: [&'static str; 3],
    /// Between the details of an attachment.
    pub detail_separator: &'static str,
    /// {0} why the next page failed.
    pub page_failed: &'static str,
    /// {0} seconds.
    pub retrying_in: &'static str,
    /// {0} the date the copy was kept.
    pub kept_copy: &'static str,
    /// The toggle of a tag not followed, for its accessible name: {0} the tag.
    pub follow_tag: &'static str,
    /// The same for a followed tag.
    pub unfollow_tag: &'static str,
    /// {0} items skipped.
    pub skipped_items: Counted,
    /// Picked by the items' number: {0} the items' number with its digits grouped, {1} the
    /// limit's.
    pub over_limit: Counted,
    /// {0} fields left out.
    pub left_out_fields: Counted,
    /// {0} bytes received, {1} of how many, {2} the percentage.
    pub progress: &'static str,
    /// {0} problems not listed.
    pub more_problems: &'static str,
    /// {0} the id.
    pub no_article_with_id: &'static str,
    /// {0} the fragment's path.
    pub no_such_address: &'static str,
    /// What went wrong with a feed ([`crate::interface::messages`]).
    pub messages: Messages,
    /// The types a field should have had, in the order of
    /// [`crate::feed::load::Shape`].
    pub shapes: [&'static str; 7],
    /// How a reason names its field: {0} the field in words. Empty where the reason follows
    /// the field's name instead (English: "id is missing").
    pub field_name: &'static str,
    /// A reason with its field: {0} the field's JSON name, {1} the reason.
    pub field_reason: &'static str,
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
#[derive(Debug)]
pub struct Messages {
    /// A field that is not a link: {0} the field in words, {1} the text.
    pub not_a_link: &'static str,
    /// An empty feed address.
    pub address_empty: &'static str,
    /// {0} the address.
    pub address_not_a_link: &'static str,
    /// {0} the feed's address, {1} the browser's words.
    pub network: &'static str,
    /// {0} the address, {1} the status, {2} the server's reason, after a space.
    pub status: &'static str,
    /// {0} the address, {1} what arrived, {2} of how much.
    pub cut_short: &'static str,
    /// {0} the address, {1} the seconds, {2} the seconds in words ([`Strings::seconds`]).
    pub stalled: &'static str,
    /// A CORS refusal: {0} the address.
    pub refused: &'static str,
    /// {0} the address.
    pub offline: &'static str,
    /// {0} the address, {1} its size, {2} the limit.
    pub too_large: &'static str,
    /// {0} the address, {2} the limit.
    pub too_large_unknown: &'static str,
    /// {0} the address, {1} the first byte that is not UTF-8.
    pub not_text: &'static str,
    /// {0} the content type an HTML page came with.
    pub served_as: &'static str,
    /// An HTML page with no content type.
    pub no_content_type: &'static str,
    /// {0} the address, {1} `served_as` or `no_content_type`.
    pub html_page: &'static str,
    /// Not JSON: {0} the problem ([`Strings::syntax`]), {1} the line, {2} the column.
    pub syntax: &'static str,
    /// A document that is not an object.
    pub document_not_an_object: &'static str,
    /// A field of the feed itself: {0} its name, {1} the reason.
    pub feed_field: &'static str,
    /// {0} the feed's size, {1} the limit.
    pub feed_too_large: &'static str,
    /// Where an item is, on a later page: {0} the page.
    pub on_page: &'static str,
    /// The feed itself, where an item would be named.
    pub the_feed: &'static str,
    /// {0} the item's place.
    pub item: &'static str,
    /// {0} the item's id.
    pub with_id: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub version_missing: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub missing: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub blank: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub wrong_type: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub not_strings: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub wrong_entry: &'static str,
    /// What the entries of an array must be.
    pub strings: &'static str,
    /// What the entries of an array must be.
    pub author_objects: &'static str,
    /// What the entries of an array must be.
    pub attachment_objects: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub item_not_an_object: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub not_a_version: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub too_long_nested: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub too_long: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub not_a_date: &'static str,
    /// What `not_a_date` ends with ({4}).
    pub undated: &'static str,
    /// What `not_a_date` ends with ({4}).
    pub date_left_out: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub member_not_a_link: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub repeated_id_earlier_page: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub repeated_id: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub no_content: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub attachment_without_url: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub attachment_without_type: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub not_a_count: &'static str,
    /// A reason a field cannot be used: {0} the field named as [`Strings::field_name`] says, then as its English template has them.
    pub not_a_number: &'static str,
    /// What a field held instead: {0} the value.
    pub found_bool: &'static str,
    /// What a field held instead: {0} the value.
    pub found_number: &'static str,
    /// What a field held instead: {0} the value.
    pub found_string: &'static str,
    /// What a field held instead: {0} the value.
    pub found_array: &'static str,
    /// What a field held instead: {0} the value.
    pub found_object: &'static str,
}
