//! Every string the reader shows, in its languages, and the writing direction of a language:
//! [`Ui`] says what a view asks for by filling the templates of its language's table
//! (`interface/lang/`, one file of data per language, shaped by
//! [`crate::interface::strings::Strings`]), so no view carries prose and a translation adds no
//! code.
//!
//! What went wrong with a feed is said by [`crate::interface::messages`], in the same languages.

use crate::feed::source::Progress;
use crate::interface::lang::{ENGLISH, TRANSLATIONS};
pub use crate::interface::strings::Label;
use crate::interface::strings::{Counted, Strings};
use crate::interface::words::fill;
use crate::lists::filter::MatchMode;

/// An interface language: English, or one of the [`TRANSLATIONS`], by its tag. Which one a
/// reader speaks is decided here; its table (English's compiled in, the others read from their
/// files) is the app's to get.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language(&'static str);

impl Default for Language {
    fn default() -> Language {
        Language::ENGLISH
    }
}

impl Language {
    pub const ENGLISH: Language = Language("en");

    /// The interface language for a BCP 47 tag (`ar`, `ur-PK`, `fr-CA`, `en-GB`, …): the
    /// translation of its primary subtag, English when there is none.
    pub fn for_tag(tag: &str) -> Language {
        let primary = primary_subtag(tag);
        TRANSLATIONS.iter().find(|&&t| t == primary).map_or(Language::ENGLISH, |&t| Language(t))
    }

    /// Its tag: a primary subtag, which names its file.
    pub fn tag(self) -> &'static str {
        self.0
    }

    pub fn is_english(self) -> bool {
        self == Language::ENGLISH
    }
}

pub(crate) fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// Whether text in the language `tag` runs right to left (Arabic, Hebrew, Persian, Urdu and
/// the other scripts written that way).
pub fn is_right_to_left(tag: &str) -> bool {
    matches!(
        primary_subtag(tag).as_str(),
        "ar" | "he" | "iw" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "ckb" | "dv" | "ku"
    )
}

/// `dir` for an element whose content is in the language `tag`.
pub fn direction(tag: &str) -> &'static str {
    if is_right_to_left(tag) {
        "rtl"
    } else {
        "ltr"
    }
}

/// The interface in one language: its table, English's or one read from a language's file,
/// held for the page (so a `Ui` is a reference, and two are the same when their tables are).
#[derive(Clone, Copy, Debug)]
pub struct Ui {
    strings: &'static Strings,
}

impl Default for Ui {
    fn default() -> Ui {
        Ui { strings: &ENGLISH }
    }
}

impl PartialEq for Ui {
    fn eq(&self, other: &Ui) -> bool {
        std::ptr::eq(self.strings, other.strings)
    }
}

impl Ui {
    /// The interface in the language of `strings`.
    pub fn new(strings: &'static Strings) -> Ui {
        Ui { strings }
    }

    /// The table it speaks from.
    pub(crate) fn strings(&self) -> &'static Strings {
        self.strings
    }

    /// Its language's BCP 47 tag, for `lang` on what it writes.
    pub fn tag(&self) -> &'static str {
        self.strings.tag
    }

    pub fn label(&self, label: Label) -> &'static str {
        self.strings().labels[label as usize]
    }

    /// The form of `message` for `n`'s plural category, filled with `values` (`{0}` is `n` as
    /// the message writes it).
    pub(crate) fn counted(&self, message: &Counted, n: usize, values: &[&str]) -> String {
        fill(message[self.strings().plural.category(n) as usize], values)
    }

    /// "1 article", "3 articles"; in Arabic with its dual and plural forms.
    pub fn articles(&self, n: usize) -> String {
        self.counted(&self.strings().articles, n, &[&self.grouped(n)])
    }

    /// The sentence that announces a result: how many articles, with which tags and words.
    pub fn result(
        &self,
        count: usize,
        total: usize,
        tags: &[String],
        mode: MatchMode,
        search: &str,
    ) -> String {
        let strings = self.strings();
        let search = search.trim();
        if tags.is_empty() && search.is_empty() {
            return fill(strings.result_all(), &[&self.articles(total)]);
        }
        let mut sentence = if count == 0 {
            strings.result_none().to_owned()
        } else {
            fill(strings.result_some(), &[&self.grouped(count), &self.articles(total), &self.grouped(total)])
        };
        if !tags.is_empty() {
            let joiner = match mode {
                MatchMode::Any => strings.any_joiner(),
                MatchMode::All => strings.all_joiner(),
            };
            sentence.push_str(&fill(strings.result_tagged(), &[&tags.join(joiner)]));
        }
        if !search.is_empty() {
            sentence.push_str(&fill(strings.result_matching(), &[search]));
        }
        sentence
    }

    /// "6 min read".
    pub fn reading_time(&self, minutes: usize) -> String {
        self.counted(&self.strings().reading_time, minutes, &[&self.grouped(minutes)])
    }

    /// "Published 24 October 2024", "Updated …", with the date already formatted.
    pub fn dated(&self, updated: bool, date: &str) -> String {
        let strings = self.strings();
        fill(if updated { strings.updated() } else { strings.published() }, &[date])
    }

    /// What goes before the name at `n` (from 0; nothing before the first) in a list of
    /// `count`: "A, B and C"; in Arabic "A وB وC". As CLDR's conjunction lists (`Intl.ListFormat`)
    /// have it.
    pub fn list_joiner(&self, n: usize, count: usize) -> &'static str {
        match n {
            0 => "",
            _ if n + 1 == count => self.strings().list_last(),
            _ => self.strings().list_next(),
        }
    }

    /// The back link from an article: to the whole feed or to the filtered one.
    pub fn back_to(&self, tags: &[String], search: &str) -> String {
        let (strings, search) = (self.strings(), search.trim());
        match (tags.is_empty(), search.is_empty()) {
            (true, true) => self.label(Label::AllArticles).to_owned(),
            (false, true) => fill(strings.back_to_tagged(), &[&tags.join(strings.tag_separator())]),
            (_, false) => fill(strings.back_to_matching(), &[search]),
        }
    }

    pub fn show_more(&self, shown: usize, total: usize) -> String {
        fill(self.strings().show_more(), &[&self.grouped(shown), &self.grouped(total)])
    }

    /// How many articles of a tag, or of the followed tags, are not read yet.
    pub fn unread(&self, n: usize) -> String {
        fill(self.strings().unread(), &[&self.grouped(n)])
    }

    /// How long an episode lasts: "1 h 5 min", "12 min", "45 s".
    pub fn duration(&self, seconds: u64) -> String {
        let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
        let units = self.strings().duration_units;
        let part = |value: u64, unit: &str| fill("{0} {1}", &[&value.to_string(), unit]);
        match (h, m) {
            (0, 0) => part(s, units[2]),
            (0, _) => part(m, units[1]),
            _ if m == 0 => part(h, units[0]),
            _ => part(h, units[0]) + " " + &part(m, units[1]),
        }
    }

    /// What an attachment is, in words: its kind or title, how long, how large.
    pub fn attachment_details(&self, parts: &[String]) -> String {
        parts.join(self.strings().detail_separator())
    }

    /// Beside "Load more articles" when the next page failed: why, and that it can be tried
    /// again.
    pub fn page_failed(&self, reason: &str) -> String {
        fill(self.strings().page_failed(), &[reason])
    }

    /// The loading view between two tries of a feed: "Retrying in 3 s…".
    pub fn retrying_in(&self, seconds: u32) -> String {
        fill(self.strings().retrying_in(), &[&seconds.to_string()])
    }

    /// The notice over a feed kept from an earlier visit, shown because this one could not be
    /// fetched; `date` is when it was kept, in the reader's locale.
    pub fn kept_copy(&self, date: &str) -> String {
        fill(self.strings().kept_copy(), &[date])
    }

    pub fn following_count(&self, n: usize) -> String {
        fill("{0} ({1})", &[self.label(Label::Following), &self.grouped(n)])
    }

    /// The toggle that follows a tag, for its accessible name: "Follow Pakistan".
    pub fn follow_tag(&self, following: bool, tag: &str) -> String {
        let strings = self.strings();
        fill(if following { strings.unfollow_tag() } else { strings.follow_tag() }, &[tag])
    }

    pub fn skipped_items(&self, n: usize) -> String {
        self.counted(&self.strings().skipped_items, n, &[&self.grouped(n)])
    }

    /// How much of the feed has arrived: "1.5 MiB of 4 MiB (37%)", or "1.5 MiB" when the total
    /// is unknown.
    pub fn progress(&self, progress: &Progress) -> String {
        let received = self.bytes(progress.received);
        match (progress.percent(), progress.total) {
            (Some(percent), Some(total)) => {
                fill(self.strings().progress(), &[&received, &self.bytes(total), &percent.to_string()])
            }
            _ => received,
        }
    }

    /// The notice that the item limit left items out.
    pub fn over_limit(&self, items: usize, limit: usize) -> String {
        self.counted(&self.strings().over_limit, items, &[&self.grouped(items), &self.grouped(limit)])
    }

    /// The notice's line over the fields left out of articles that still show.
    pub fn left_out_fields(&self, n: usize) -> String {
        self.counted(&self.strings().left_out_fields, n, &[&self.grouped(n)])
    }

    pub fn more_problems(&self, n: usize) -> String {
        fill(self.strings().more_problems(), &[&self.grouped(n)])
    }

    pub fn no_article_with_id(&self, id: &str) -> String {
        fill(self.strings().no_article_with_id(), &[id])
    }

    pub fn no_such_address(&self, path: &str) -> String {
        fill(self.strings().no_such_address(), &[path])
    }
}

/// The languages a reader speaks: its content's (for `lang` and `dir`), its interface's, and
/// its dates' (a BCP 47 tag for `Intl.DateTimeFormat`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Languages {
    pub content: Option<String>,
    pub interface: Language,
    pub dates: String,
}

impl Languages {
    /// The content's language is the host's `lang`, else the feed's. The interface speaks the
    /// host's `lang`, else the content's, else the browser's, when it has a translation (else
    /// English). Dates and numbers (`Intl`) follow the host's `lang`, else the interface when it
    /// is not English (an Arabic feed reads Arabic dates in any browser), else the browser's
    /// locale.
    pub fn choose(host: Option<&str>, feed: Option<&str>, browser: &str) -> Languages {
        let content = host.or(feed).map(str::to_owned);
        let interface = Language::for_tag(host.or(feed).unwrap_or(browser));
        let dates = match (host, interface) {
            (Some(host), _) => host.to_owned(),
            (None, language) if language.is_english() => browser.to_owned(),
            (None, language) => language.tag().to_owned(),
        };
        Languages { content, interface, dates }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interface::lang::compiled;

    fn arabic() -> Ui {
        Ui::new(compiled("ar"))
    }

    const ARABIC: Language = Language("ar");

    #[test]
    fn chooses_the_content_interface_and_date_languages() {
        // (host's lang, feed's, browser's) and what they give (content, interface, dates).
        type Case<'a> = (Option<&'a str>, Option<&'a str>, &'a str, (Option<&'a str>, Language, &'a str));
        let cases: &[Case] = &[
            (None, None, "en-GB", (None, Language::ENGLISH, "en-GB")),
            (None, None, "ar-EG", (None, ARABIC, "ar")),
            (None, Some("ar"), "en-GB", (Some("ar"), ARABIC, "ar")),
            (None, Some("fr"), "en-GB", (Some("fr"), Language("fr"), "fr")),
            (None, Some("ja"), "en-GB", (Some("ja"), Language::ENGLISH, "en-GB")),
            (Some("en-US"), Some("ar"), "ar-EG", (Some("en-US"), Language::ENGLISH, "en-US")),
            (Some("ar-SA"), None, "en-GB", (Some("ar-SA"), ARABIC, "ar-SA")),
            (Some("de"), Some("ar"), "en-GB", (Some("de"), Language("de"), "de")),
            (Some("ur-PK"), None, "en-GB", (Some("ur-PK"), Language("ur"), "ur-PK")),
        ];
        for &(host, feed, browser, (content, interface, dates)) in cases {
            let chosen = Languages::choose(host, feed, browser);
            assert_eq!(
                (chosen.content.as_deref(), chosen.interface, chosen.dates.as_str()),
                (content, interface, dates),
                "host {host:?}, feed {feed:?}, browser {browser}"
            );
        }
    }

    #[test]
    fn picks_language_and_direction_from_tags() {
        let cases = [
            ("en", Language::ENGLISH, "ltr"),
            ("en-GB", Language::ENGLISH, "ltr"),
            ("ar", ARABIC, "rtl"),
            ("ar-SA", ARABIC, "rtl"),
            ("AR_eg", ARABIC, "rtl"),
            ("he", Language::ENGLISH, "rtl"),
            ("fa-IR", Language::ENGLISH, "rtl"),
            ("ur", Language("ur"), "rtl"),
            ("fr", Language("fr"), "ltr"),
            ("", Language::ENGLISH, "ltr"),
        ];
        for (tag, language, dir) in cases {
            assert_eq!((Language::for_tag(tag), direction(tag)), (language, dir), "{tag}");
        }
    }

    #[test]
    fn network_trouble_in_both_languages() {
        let (en, ar) = (Ui::default(), arabic());
        assert_eq!(en.retrying_in(3), "Retrying in 3 s…");
        assert_eq!(ar.retrying_in(3), "إعادة المحاولة خلال 3 ث…");
        assert_eq!(en.label(Label::TryAgain), "Try again");
        assert_eq!(ar.label(Label::TryAgain), "حاول مرة أخرى");
        assert_eq!(
            en.kept_copy("7 Dec 2026"),
            "This feed could not be updated. You are reading the copy kept on 7 Dec 2026."
        );
        assert_eq!(ar.kept_copy("7 Dec 2026"), "تعذّر تحديث هذه الخلاصة. تقرأ النسخة المحفوظة في 7 Dec 2026.");
    }

    #[test]
    fn counts_articles_in_both_languages() {
        let en = Ui::default();
        let ar = arabic();
        let cases = [
            (0, "0 articles", "لا مقالات"),
            (1, "1 article", "مقالة واحدة"),
            (2, "2 articles", "مقالتان"),
            (7, "7 articles", "7 مقالات"),
            (11, "11 articles", "11 مقالة"),
            (100, "100 articles", "100 مقالة"),
            (102, "102 articles", "102 مقالة"),
            (103, "103 articles", "103 مقالات"),
            (110, "110 articles", "110 مقالات"),
            (111, "111 articles", "111 مقالة"),
            (199, "199 articles", "199 مقالة"),
            (1003, "1,003 articles", "1,003 مقالات"),
        ];
        for (n, english, arabic) in cases {
            assert_eq!((en.articles(n), ar.articles(n)), (english.to_owned(), arabic.to_owned()));
        }
    }

    #[test]
    fn announces_results() {
        let en = Ui::default();
        let tags = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let cases = [
            (2, 2, tags(&[]), MatchMode::Any, "", "Showing all 2 articles"),
            (1, 2, tags(&["Imran Khan"]), MatchMode::Any, "", "1 of 2 articles tagged Imran Khan"),
            (
                2,
                2,
                tags(&["Imran Khan", "UK"]),
                MatchMode::Any,
                "",
                "2 of 2 articles tagged Imran Khan or UK",
            ),
            (0, 2, tags(&["A", "B"]), MatchMode::All, "", "No articles tagged A and B"),
            (1, 1, tags(&[]), MatchMode::Any, " khan ", "1 of 1 article matching “khan”"),
            (0, 9, tags(&["UK"]), MatchMode::Any, "x", "No articles tagged UK matching “x”"),
        ];
        for (count, total, names, mode, search, expected) in cases {
            assert_eq!(en.result(count, total, &names, mode, search), expected);
        }
        let ar = arabic();
        assert_eq!(ar.result(1, 2, &tags(&["باكستان"]), MatchMode::Any, ""), "1 من أصل 2 بوسم باكستان");
    }

    #[test]
    fn arabic_counts_follow_the_cldr_plural_rules() {
        let ar = arabic();
        let cases = [
            (1, "قراءة في دقيقة واحدة", "تعذّر عرض عنصر واحد من هذه الخلاصة:"),
            (2, "قراءة في دقيقتين", "تعذّر عرض عنصرين من هذه الخلاصة:"),
            (5, "قراءة في 5 دقائق", "تعذّر عرض 5 عناصر من هذه الخلاصة:"),
            (12, "قراءة في 12 دقيقة", "تعذّر عرض 12 عنصرًا من هذه الخلاصة:"),
            (100, "قراءة في 100 دقيقة", "تعذّر عرض 100 عنصر من هذه الخلاصة:"),
            (103, "قراءة في 103 دقائق", "تعذّر عرض 103 عناصر من هذه الخلاصة:"),
            (111, "قراءة في 111 دقيقة", "تعذّر عرض 111 عنصرًا من هذه الخلاصة:"),
        ];
        for (n, minutes, items) in cases {
            assert_eq!(
                (ar.reading_time(n), ar.skipped_items(n)),
                (minutes.to_owned(), items.to_owned()),
                "{n}"
            );
        }
        assert_eq!(ar.reading_time(0), "قراءة في دقيقة واحدة");
        assert_eq!(ar.left_out_fields(103), "أُهمل من هذه الخلاصة 103 حقول، وتُعرض مقالاتها من دونها:");
    }

    #[test]
    fn progress_and_the_item_limit_in_both_languages() {
        let (en, ar) = (Ui::default(), arabic());
        let progress = Progress { received: 1 << 20, total: Some(4 << 20) };
        assert_eq!(en.progress(&progress), "1 MiB of 4 MiB (25%)");
        assert_eq!(ar.progress(&progress), "1 ميغابايت من 4 ميغابايت (25٪)");
        assert_eq!(ar.progress(&Progress { received: 1536, total: None }), "1.5 كيلوبايت");
        assert_eq!(en.progress(&Progress { received: 1536, total: None }), "1.5 KiB");
        assert_eq!(en.progress(&Progress { received: 0, total: Some(0) }), "0 bytes");
        assert_eq!(en.progress(&Progress { received: 5 << 20, total: Some(4 << 20) }), "5 MiB");
        assert_eq!(
            en.over_limit(150_000, 100_000),
            "This feed has 150,000 items; the reader shows the first 100,000, its limit."
        );
        assert_eq!(
            ar.over_limit(150_000, 100_000),
            "تضم هذه الخلاصة 150,000 عنصر؛ يعرض القارئ أول 100,000 منها، وهذا حدّه."
        );
        assert_eq!(ar.over_limit(103, 100), "تضم هذه الخلاصة 103 عناصر؛ يعرض القارئ أول 100 منها، وهذا حدّه.");
    }

    #[test]
    fn numbers_take_the_marks_of_the_interface_s_language() {
        let fr = Ui::new(compiled("fr"));
        assert_eq!(fr.progress(&Progress { received: 1536, total: None }), "1,5 Kio");
        assert_eq!(
            fr.over_limit(150_000, 100_000),
            "Ce flux compte 150\u{202f}000 éléments\u{202f}; le lecteur affiche les 100\u{202f}000 premiers, sa limite."
        );
        assert_eq!(Ui::new(compiled("de")).grouped(1_234_567), "1.234.567");
        assert_eq!(Ui::default().grouped(1_234_567), "1,234,567");
        assert_eq!(Ui::default().progress(&Progress { received: 1536, total: None }), "1.5 KiB");
    }

    #[test]
    fn durations_in_words() {
        let en = Ui::default();
        assert_eq!(en.duration(45), "45 s");
        assert_eq!(en.duration(12 * 60 + 30), "12 min");
        assert_eq!(en.duration(3600), "1 h");
        assert_eq!(en.duration(3900), "1 h 5 min");
        assert_eq!(arabic().duration(3900), "1 س 5 د");
        assert_eq!(en.attachment_details(&["audio/mpeg".into(), "45 s".into()]), "audio/mpeg · 45 s");
    }

    #[test]
    fn lists_names_as_each_language_does() {
        let list = |ui: Ui, names: &[&str]| -> String {
            let mut out = String::new();
            for (n, name) in names.iter().enumerate() {
                out.push_str(ui.list_joiner(n, names.len()));
                out.push_str(name);
            }
            out
        };
        let (english, arabic) = (Ui::default(), arabic());
        assert_eq!(list(english, &["A"]), "A");
        assert_eq!(list(english, &["A", "B"]), "A and B");
        assert_eq!(list(english, &["A", "B", "C"]), "A, B and C");
        assert_eq!(list(arabic, &["أ", "ب", "ج"]), "أ وب وج");
    }

    #[test]
    fn load_more_is_not_show_more_in_both_languages() {
        let (en, ar) = (Ui::default(), arabic());
        assert_eq!(en.label(Label::LoadMore), "Load more articles");
        assert_ne!(en.label(Label::LoadMore), en.show_more(20, 40));
        assert_eq!(ar.label(Label::LoadMore), "تحميل مزيد من المقالات");
        assert_eq!(
            en.page_failed("The server answered 404."),
            "The next page could not be loaded. The server answered 404. Try again."
        );
        assert!(ar.page_failed("x").starts_with("تعذّر تحميل الصفحة التالية."));
    }
}
