//! Every string the reader shows, in English and Arabic, and the writing direction of a
//! language. One table, so a translation is one `match` arm away and no view carries prose.
//!
//! What went wrong with a feed is said by [`crate::interface::messages`], in the same languages.

use crate::feed::source::Progress;
use crate::interface::words::group_digits;
use crate::lists::filter::MatchMode;

/// The interface languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    #[default]
    English,
    Arabic,
}

impl Language {
    /// The interface language for a BCP 47 tag (`ar`, `ar-SA`, `en-GB`, …): Arabic for Arabic,
    /// English otherwise.
    pub fn for_tag(tag: &str) -> Language {
        match primary_subtag(tag).as_str() {
            "ar" => Language::Arabic,
            _ => Language::English,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Arabic => "ar",
        }
    }
}

fn primary_subtag(tag: &str) -> String {
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

/// `n` of something in Arabic, in the form its CLDR plural category takes: `forms` are the
/// zero, one, two, few (`n % 100` from 3 to 10), many (`n % 100` from 11 to 99) and other forms,
/// `#` standing for the number. So 3 and 103 articles are "مقالات", 11 and 111 "مقالة".
pub(crate) fn arabic_count(n: usize, forms: [&str; 6]) -> String {
    let form = match (n, n % 100) {
        (0, _) => forms[0],
        (1, _) => forms[1],
        (2, _) => forms[2],
        (_, 3..=10) => forms[3],
        (_, 11..=99) => forms[4],
        _ => forms[5],
    };
    form.replace('#', &n.to_string())
}

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
    /// The status while a large feed's search index is still being built.
    SearchGettingReady,
}

/// The interface in one language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ui {
    pub language: Language,
}

impl Ui {
    pub fn new(language: Language) -> Ui {
        Ui { language }
    }

    pub fn label(&self, label: Label) -> &'static str {
        use Label::*;
        let arabic = self.language == Language::Arabic;
        let (en, ar) = match label {
            FilterByTag => ("Filter by tag", "تصفية حسب الوسم"),
            Tags => ("Tags", "الوسوم"),
            ClearFilter => ("Clear filter", "مسح التصفية"),
            ClearAll => ("Show all articles", "عرض كل المقالات"),
            MatchAny => ("Any tag", "أي وسم"),
            MatchAll => ("All tags", "كل الوسوم"),
            MatchLegend => ("Show articles with", "عرض المقالات التي تحمل"),
            Search => ("Search articles", "البحث في المقالات"),
            SearchPlaceholder => ("Search", "بحث"),
            NothingMatches => {
                ("No article matches this filter and search.", "لا توجد مقالة تطابق هذه التصفية وهذا البحث.")
            }
            NoArticles => ("This feed has no articles yet.", "لا توجد مقالات في هذه الخلاصة بعد."),
            AllArticles => ("All articles", "كل المقالات"),
            Following => ("Following", "المتابَعة"),
            Highlights => ("Highlights", "أبرز النقاط"),
            Photo => ("Photo", "صورة"),
            Tagged => ("Tagged", "الوسوم"),
            ReadAtSource => ("Read at the source", "اقرأ في المصدر"),
            Related => ("Related articles", "مقالات ذات صلة"),
            Newer => ("Newer", "الأحدث"),
            Older => ("Older", "الأقدم"),
            CopyLink => ("Copy link", "نسخ الرابط"),
            LinkCopied => ("Link copied", "تم نسخ الرابط"),
            Share => ("Share", "مشاركة"),
            Follow => ("Follow", "متابعة"),
            Unfollow => ("Following", "تتابعه"),
            FollowNothing => (
                "You follow no tags yet. Open an article and choose Follow beside a tag.",
                "لا تتابع أي وسم بعد. افتح مقالة واختر «متابعة» بجانب أحد الوسوم.",
            ),
            Read => ("Read", "مقروءة"),
            ArticleNotFound => ("Article not found", "المقالة غير موجودة"),
            MaybeRemoved => (
                "It may have been removed from the feed, or the link may be incomplete.",
                "ربما حُذفت من الخلاصة، أو أن الرابط غير مكتمل.",
            ),
            BackToArticles => ("Back to the articles", "العودة إلى المقالات"),
            LoadingFeed => ("Loading the feed…", "جارٍ تحميل الخلاصة…"),
            LoadingArticle => ("Loading the article…", "جارٍ تحميل المقالة…"),
            FeedDownload => ("Feed download", "تنزيل الخلاصة"),
            FeedCannotBeShown => ("This feed cannot be shown", "لا يمكن عرض هذه الخلاصة"),
            FeedProblems => ("Problems with this feed", "مشكلات في هذه الخلاصة"),
            Dismiss => ("Dismiss", "إغلاق"),
            SkipToArticles => ("Skip to articles", "انتقل إلى المقالات"),
            KeyboardShortcuts => ("Keyboard shortcuts", "اختصارات لوحة المفاتيح"),
            Close => ("Close", "إغلاق"),
            KeyNext => ("next or previous article", "المقالة التالية أو السابقة"),
            KeyOpen => ("open the article", "فتح المقالة"),
            KeyBack => ("back to the list", "العودة إلى القائمة"),
            KeySearch => ("search", "البحث"),
            KeyHelp => ("show this help", "عرض هذه المساعدة"),
            ArticleNavigation => ("Article", "المقالة"),
            Articles => ("Articles", "المقالات"),
            NeighbourArticles => ("Newer and older articles", "المقالات الأحدث والأقدم"),
            By => ("By", "بقلم"),
            OriginalArticle => ("Original article", "المقالة الأصلية"),
            NoLongerUpdated => ("This feed is no longer updated.", "لم تعد هذه الخلاصة تُحدَّث."),
            ReadingSettings => ("Reading settings", "إعدادات القراءة"),
            TextSize => ("Text size", "حجم النص"),
            SmallerText => ("Smaller text", "نص أصغر"),
            LargerText => ("Larger text", "نص أكبر"),
            Font => ("Font", "الخط"),
            FontSerif => ("Serif", "مذيَّل"),
            FontSans => ("Sans-serif", "غير مذيَّل"),
            FontMono => ("Monospace", "ثابت العرض"),
            Width => ("Width", "العرض"),
            WidthNarrow => ("Narrow", "ضيّق"),
            WidthNormal | SpacingNormal => ("Normal", "عادي"),
            WidthWide => ("Wide", "عريض"),
            Spacing => ("Line spacing", "تباعد الأسطر"),
            SpacingTight => ("Tight", "متقارب"),
            SpacingLoose => ("Loose", "متباعد"),
            Theme => ("Theme", "المظهر"),
            ThemeAuto => ("Auto", "تلقائي"),
            ThemeLight => ("Light", "فاتح"),
            ThemeSepia => ("Sepia", "بنّي فاتح"),
            ThemeDark => ("Dark", "داكن"),
            ResetSettings => ("Reset", "إعادة الضبط"),
            Attachments => ("Attachments", "المرفقات"),
            Download => ("Download", "تنزيل"),
            MarkAllRead => ("Mark all as read", "تعليم الكل كمقروء"),
            UndoMarkAllRead => ("Undo", "تراجع"),
            HideRead => ("Hide read", "إخفاء المقروء"),
            LoadMore => ("Load more articles", "تحميل مزيد من المقالات"),
            LoadingMore => ("Loading more articles…", "جارٍ تحميل مزيد من المقالات…"),
            TryAgain => ("Try again", "حاول مرة أخرى"),
            SearchGettingReady => (
                "Getting search ready: the results so far, more to come…",
                "جارٍ تجهيز البحث: هذه نتائج حتى الآن، وتتبعها أخرى…",
            ),
        };
        if arabic {
            ar
        } else {
            en
        }
    }

    /// "1 article", "3 articles"; in Arabic with its dual and plural forms.
    pub fn articles(&self, n: usize) -> String {
        match self.language {
            Language::English if n == 1 => "1 article".to_owned(),
            Language::English => format!("{n} articles"),
            Language::Arabic => {
                arabic_count(n, ["لا مقالات", "مقالة واحدة", "مقالتان", "# مقالات", "# مقالة", "# مقالة"])
            }
        }
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
        let arabic = self.language == Language::Arabic;
        let joiner = match (mode, arabic) {
            (MatchMode::Any, false) => " or ",
            (MatchMode::All, false) => " and ",
            (MatchMode::Any, true) => " أو ",
            (MatchMode::All, true) => " و",
        };
        let tag_list = tags.join(joiner);
        let search = search.trim();
        match (arabic, tags.is_empty(), search.is_empty()) {
            (false, true, true) => format!("Showing all {}", self.articles(total)),
            (false, _, _) => {
                let mut sentence = if count == 0 {
                    "No articles".to_owned()
                } else {
                    format!("{count} of {}", self.articles(total))
                };
                if !tags.is_empty() {
                    sentence.push_str(&format!(" tagged {tag_list}"));
                }
                if !search.is_empty() {
                    sentence.push_str(&format!(" matching “{search}”"));
                }
                sentence
            }
            (true, true, true) => format!("عرض {}", self.articles(total)),
            (true, _, _) => {
                let mut sentence = if count == 0 {
                    "لا توجد مقالات".to_owned()
                } else {
                    format!("{count} من أصل {total}")
                };
                if !tags.is_empty() {
                    sentence.push_str(&format!(" بوسم {tag_list}"));
                }
                if !search.is_empty() {
                    sentence.push_str(&format!(" تطابق «{search}»"));
                }
                sentence
            }
        }
    }

    /// "6 min read".
    pub fn reading_time(&self, minutes: usize) -> String {
        match self.language {
            Language::English => format!("{minutes} min read"),
            Language::Arabic => format!(
                "قراءة في {}",
                arabic_count(minutes.max(1), ["", "دقيقة واحدة", "دقيقتين", "# دقائق", "# دقيقة", "# دقيقة"])
            ),
        }
    }

    /// "Published 24 October 2024", "Updated …", with the date already formatted.
    pub fn dated(&self, updated: bool, date: &str) -> String {
        match (self.language, updated) {
            (Language::English, false) => format!("Published {date}"),
            (Language::English, true) => format!("Updated {date}"),
            (Language::Arabic, false) => format!("نُشرت في {date}"),
            (Language::Arabic, true) => format!("حُدّثت في {date}"),
        }
    }

    /// What goes before the name at `n` (from 0; nothing before the first) in a list of
    /// `count`: "A, B and C"; in Arabic "A وB وC". As CLDR's conjunction lists (`Intl.ListFormat`)
    /// have it.
    pub fn list_joiner(&self, n: usize, count: usize) -> &'static str {
        match self.language {
            _ if n == 0 => "",
            Language::English if n + 1 == count => " and ",
            Language::English => ", ",
            Language::Arabic => " و",
        }
    }

    /// The back link from an article: to the whole feed or to the filtered one.
    pub fn back_to(&self, tags: &[String], search: &str) -> String {
        let search = search.trim();
        match (self.language, tags.is_empty(), search.is_empty()) {
            (_, true, true) => self.label(Label::AllArticles).to_owned(),
            (Language::English, false, true) => format!("Articles tagged {}", tags.join(", ")),
            (Language::English, _, false) => format!("Articles matching “{search}”"),
            (Language::Arabic, false, true) => format!("المقالات بوسم {}", tags.join("، ")),
            (Language::Arabic, _, false) => format!("المقالات المطابقة لـ«{search}»"),
        }
    }

    pub fn show_more(&self, shown: usize, total: usize) -> String {
        match self.language {
            Language::English => format!("Show more ({shown} of {total} shown)"),
            Language::Arabic => format!("عرض المزيد (معروض {shown} من {total})"),
        }
    }

    /// How many articles of a tag, or of the followed tags, are not read yet.
    pub fn unread(&self, n: usize) -> String {
        match self.language {
            Language::English => format!("{n} unread"),
            Language::Arabic => format!("{n} غير مقروءة"),
        }
    }

    /// How long an episode lasts: "1 h 5 min", "12 min", "45 s".
    pub fn duration(&self, seconds: u64) -> String {
        let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
        let [hours, minutes, secs] = match self.language {
            Language::English => ["h", "min", "s"],
            Language::Arabic => ["س", "د", "ث"],
        };
        match (h, m) {
            (0, 0) => format!("{s} {secs}"),
            (0, _) => format!("{m} {minutes}"),
            _ if m == 0 => format!("{h} {hours}"),
            _ => format!("{h} {hours} {m} {minutes}"),
        }
    }

    /// What an attachment is, in words: its kind or title, how long, how large.
    pub fn attachment_details(&self, parts: &[String]) -> String {
        parts.join(if self.language == Language::Arabic { "، " } else { " · " })
    }

    /// Beside "Load more articles" when the next page failed: why, and that it can be tried
    /// again.
    pub fn page_failed(&self, reason: &str) -> String {
        match self.language {
            Language::English => format!("The next page could not be loaded. {reason} Try again."),
            Language::Arabic => format!("تعذّر تحميل الصفحة التالية. {reason} حاول مجددًا."),
        }
    }

    /// The loading view between two tries of a feed: "Retrying in 3 s…".
    pub fn retrying_in(&self, seconds: u32) -> String {
        match self.language {
            Language::English => format!("Retrying in {seconds} s…"),
            Language::Arabic => format!("إعادة المحاولة خلال {seconds} ث…"),
        }
    }

    /// The notice over a feed kept from an earlier visit, shown because this one could not be
    /// fetched; `date` is when it was kept, in the reader's locale.
    pub fn kept_copy(&self, date: &str) -> String {
        match self.language {
            Language::English => {
                format!("This feed could not be updated. You are reading the copy kept on {date}.")
            }
            Language::Arabic => format!("تعذّر تحديث هذه الخلاصة. تقرأ النسخة المحفوظة في {date}."),
        }
    }

    pub fn following_count(&self, n: usize) -> String {
        format!("{} ({n})", self.label(Label::Following))
    }

    /// The toggle that follows a tag, for its accessible name: "Follow Pakistan".
    pub fn follow_tag(&self, following: bool, tag: &str) -> String {
        let verb = self.label(if following { Label::Unfollow } else { Label::Follow });
        format!("{verb} {tag}")
    }

    pub fn skipped_items(&self, n: usize) -> String {
        match (self.language, n) {
            (Language::English, 1) => "1 item of this feed could not be shown:".to_owned(),
            (Language::English, _) => format!("{n} items of this feed could not be shown:"),
            (Language::Arabic, _) => format!(
                "تعذّر عرض {} من هذه الخلاصة:",
                arabic_count(n, ["", "عنصر واحد", "عنصرين", "# عناصر", "# عنصرًا", "# عنصر"])
            ),
        }
    }

    /// How much of the feed has arrived: "1.5 MiB of 4 MiB (37%)", or "1.5 MiB" when the total
    /// is unknown.
    pub fn progress(&self, progress: &Progress) -> String {
        let (received, percent) = (self.bytes(progress.received), progress.percent());
        match (self.language, percent, progress.total) {
            (Language::English, Some(percent), Some(total)) => {
                format!("{received} of {} ({percent}%)", self.bytes(total))
            }
            (Language::Arabic, Some(percent), Some(total)) => {
                format!("{received} من {} ({percent}٪)", self.bytes(total))
            }
            _ => received,
        }
    }

    /// The notice that the item limit left items out.
    pub fn over_limit(&self, items: usize, limit: usize) -> String {
        let (items_text, limit_text) = (group_digits(items), group_digits(limit));
        match self.language {
            Language::English => {
                format!(
                    "This feed has {items_text} items; the reader shows the first {limit_text}, its limit."
                )
            }
            Language::Arabic => format!(
                "تضم هذه الخلاصة {}؛ يعرض القارئ أول {limit_text} منها، وهذا حدّه.",
                arabic_count(items, ["", "عنصرًا واحدًا", "عنصرين", "# عناصر", "# عنصرًا", "# عنصر"])
                    .replace(&items.to_string(), &items_text)
            ),
        }
    }

    /// The notice's line over the fields left out of articles that still show.
    pub fn left_out_fields(&self, n: usize) -> String {
        match (self.language, n) {
            (Language::English, 1) => {
                "1 field of this feed was left out; its article shows without it:".to_owned()
            }
            (Language::English, _) => {
                format!("{n} fields of this feed were left out; their articles show without them:")
            }
            (Language::Arabic, _) => format!(
                "أُهمل من هذه الخلاصة {}، وتُعرض مقالاتها من دونها:",
                arabic_count(n, ["", "حقل واحد", "حقلان", "# حقول", "# حقلًا", "# حقل"])
            ),
        }
    }

    pub fn more_problems(&self, n: usize) -> String {
        match self.language {
            Language::English => format!("…and {n} more; the browser console lists them all."),
            Language::Arabic => format!("…و{n} غيرها؛ تجدها كلها في وحدة تحكم المتصفح."),
        }
    }

    pub fn no_article_with_id(&self, id: &str) -> String {
        match self.language {
            Language::English => format!("There is no article with the id “{id}” in this feed."),
            Language::Arabic => format!("لا توجد في هذه الخلاصة مقالة بالمعرّف «{id}»."),
        }
    }

    pub fn no_such_address(&self, path: &str) -> String {
        match self.language {
            Language::English => format!("The address “#{path}” does not lead to a page of this reader."),
            Language::Arabic => format!("العنوان «#{path}» لا يؤدي إلى صفحة في هذا القارئ."),
        }
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
    /// English). Dates follow the host's `lang`, else the interface when it is not English (an
    /// Arabic feed reads Arabic dates in any browser), else the browser's locale.
    pub fn choose(host: Option<&str>, feed: Option<&str>, browser: &str) -> Languages {
        let content = host.or(feed).map(str::to_owned);
        let interface = Language::for_tag(host.or(feed).unwrap_or(browser));
        let dates = match (host, interface) {
            (Some(host), _) => host.to_owned(),
            (None, Language::English) => browser.to_owned(),
            (None, language) => language.tag().to_owned(),
        };
        Languages { content, interface, dates }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chooses_the_content_interface_and_date_languages() {
        // (host's lang, feed's, browser's) and what they give (content, interface, dates).
        type Case<'a> = (Option<&'a str>, Option<&'a str>, &'a str, (Option<&'a str>, Language, &'a str));
        let cases: &[Case] = &[
            (None, None, "en-GB", (None, Language::English, "en-GB")),
            (None, None, "ar-EG", (None, Language::Arabic, "ar")),
            (None, Some("ar"), "en-GB", (Some("ar"), Language::Arabic, "ar")),
            (None, Some("fr"), "en-GB", (Some("fr"), Language::English, "en-GB")),
            (Some("en-US"), Some("ar"), "ar-EG", (Some("en-US"), Language::English, "en-US")),
            (Some("ar-SA"), None, "en-GB", (Some("ar-SA"), Language::Arabic, "ar-SA")),
            (Some("de"), Some("ar"), "en-GB", (Some("de"), Language::English, "de")),
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
            ("en", Language::English, "ltr"),
            ("en-GB", Language::English, "ltr"),
            ("ar", Language::Arabic, "rtl"),
            ("ar-SA", Language::Arabic, "rtl"),
            ("AR_eg", Language::Arabic, "rtl"),
            ("he", Language::English, "rtl"),
            ("fa-IR", Language::English, "rtl"),
            ("ur", Language::English, "rtl"),
            ("fr", Language::English, "ltr"),
            ("", Language::English, "ltr"),
        ];
        for (tag, language, dir) in cases {
            assert_eq!((Language::for_tag(tag), direction(tag)), (language, dir), "{tag}");
        }
    }

    #[test]
    fn network_trouble_in_both_languages() {
        let (en, ar) = (Ui::new(Language::English), Ui::new(Language::Arabic));
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
        let en = Ui::new(Language::English);
        let ar = Ui::new(Language::Arabic);
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
            (1003, "1003 articles", "1003 مقالات"),
        ];
        for (n, english, arabic) in cases {
            assert_eq!((en.articles(n), ar.articles(n)), (english.to_owned(), arabic.to_owned()));
        }
    }

    #[test]
    fn announces_results() {
        let en = Ui::new(Language::English);
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
        let ar = Ui::new(Language::Arabic);
        assert_eq!(ar.result(1, 2, &tags(&["باكستان"]), MatchMode::Any, ""), "1 من أصل 2 بوسم باكستان");
    }

    #[test]
    fn arabic_counts_follow_the_cldr_plural_rules() {
        let ar = Ui::new(Language::Arabic);
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
        let (en, ar) = (Ui::new(Language::English), Ui::new(Language::Arabic));
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
    fn durations_in_words() {
        let en = Ui::new(Language::English);
        assert_eq!(en.duration(45), "45 s");
        assert_eq!(en.duration(12 * 60 + 30), "12 min");
        assert_eq!(en.duration(3600), "1 h");
        assert_eq!(en.duration(3900), "1 h 5 min");
        assert_eq!(Ui::new(Language::Arabic).duration(3900), "1 س 5 د");
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
        let (english, arabic) = (Ui::new(Language::English), Ui::new(Language::Arabic));
        assert_eq!(list(english, &["A"]), "A");
        assert_eq!(list(english, &["A", "B"]), "A and B");
        assert_eq!(list(english, &["A", "B", "C"]), "A, B and C");
        assert_eq!(list(arabic, &["أ", "ب", "ج"]), "أ وب وج");
    }

    #[test]
    fn load_more_is_not_show_more_in_both_languages() {
        let (en, ar) = (Ui::new(Language::English), Ui::new(Language::Arabic));
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
