//! What went wrong, in words: a feed that could not be fetched ([`LoadFailure`]), a document that
//! is not a feed ([`FeedError`]), an item skipped or a field left out ([`ItemProblem`]), each said
//! in the interface's language. The problems themselves are data (`load::problem`, `source`);
//! this is the only place they become prose.
//!
//! Each message is a pair of templates, English and Arabic, whose `{0}`, `{1}`, … stand for its
//! values: one `fill` instead of a `format!` per message and language keeps the wasm small
//! (about 2 KB brotli less than the same messages written with `format!`).
//!
//! The reader shows them in its interface's language. The browser console and the host's
//! `article-reader-error` event get the English, for the people who fix feeds and pages, which
//! is also the language of JSON Feed's field names.

use crate::feed::json::SyntaxProblem;
use crate::feed::load::{FeedError, Found, ItemProblem, Reason, Shape};
use crate::feed::source::LoadFailure;
use crate::interface::strings::{arabic_plural, Counted};
use crate::interface::text::{Language, Ui};
use crate::interface::words::{fill, group_digits, human_bytes_in, quote, truncate};

/// One message in each interface language, English then Arabic; `{0}`, `{1}`, … stand for its
/// values, in the order given.
type Words = [&'static str; 2];

/// Seconds in Arabic, for the Arabic of a stalled download ({2} there).
const ARABIC_SECONDS: Counted = ["", "ثانية واحدة", "ثانيتين", "{0} ثوانٍ", "{0} ثانية", "{0} ثانية"];

const NOT_A_LINK: Words =
    ["{1} is not an http(s) or relative URL", "{0}: {1} ليس رابط http(s) ولا رابطًا نسبيًا"];

impl Ui {
    /// A byte count in the interface's units: `1.5 MiB`, `1.5 ميغابايت`.
    pub fn bytes(&self, bytes: u64) -> String {
        human_bytes_in(bytes, &self.strings().byte_units)
    }

    /// Why a feed could not be shown.
    pub fn load_failure(&self, failure: &LoadFailure) -> String {
        let (words, values): (Words, Vec<String>) = match failure {
            LoadFailure::Address { address } if address.is_empty() => {
                (["The feed address is empty.", "عنوان الخلاصة فارغ."], Vec::new())
            }
            LoadFailure::Address { address } => (
                [
                    "The feed address {0} is not an http(s) or relative URL.",
                    "عنوان الخلاصة {0} ليس رابط http(s) ولا رابطًا نسبيًا.",
                ],
                vec![quote(&truncate(address, 80))],
            ),
            // The browser's words for a network error are English, so only the console's
            // message has them.
            LoadFailure::Network { url, detail } => (
                [
                    "The feed at {0} could not be fetched ({1}). The server may be unreachable, or it may not \
                     allow this page to read it (CORS).",
                    "تعذّر جلب الخلاصة من {0}. ربما يتعذّر الوصول إلى الخادم، أو لا يسمح لهذه الصفحة بقراءتها (CORS).",
                ],
                vec![url.clone(), detail.clone()],
            ),
            // So is the server's reason phrase ("Not Found"): the status code says it.
            LoadFailure::Status { url, status, status_text, .. } => (
                [
                    "The feed at {0} could not be loaded: the server answered {1}{2}.",
                    "تعذّر تحميل الخلاصة من {0}: أجاب الخادم بالرمز {1}.",
                ],
                vec![
                    url.clone(),
                    status.to_string(),
                    if status_text.is_empty() { String::new() } else { format!(" {status_text}") },
                ],
            ),
            LoadFailure::CutShort { url, received, expected } => (
                ["The feed at {0} stopped arriving after {1} of {2}.", "توقف وصول الخلاصة من {0} بعد {1} من {2}."],
                vec![url.clone(), self.bytes(*received), self.bytes(*expected)],
            ),
            LoadFailure::Stalled { url, seconds } => (
                [
                    "The feed at {0} stopped arriving: nothing came for {1} seconds.",
                    "توقف وصول الخلاصة من {0}: لم يصل شيء خلال {2}.",
                ],
                vec![
                    url.clone(),
                    seconds.to_string(),
                    fill(ARABIC_SECONDS[arabic_plural(*seconds as usize) as usize], &[&seconds.to_string()]),
                ],
            ),
            LoadFailure::Refused { url } => (
                [
                    "The server of {0} answered, but does not allow this page to read the feed (CORS): it must \
                     send Access-Control-Allow-Origin for this page's origin.",
                    "أجاب خادم {0}، لكنه لا يسمح لهذه الصفحة بقراءة الخلاصة (CORS): عليه أن يرسل \
                     Access-Control-Allow-Origin لأصل هذه الصفحة.",
                ],
                vec![url.clone()],
            ),
            LoadFailure::Offline { url } => (
                [
                    "The feed at {0} could not be fetched: the browser is offline.",
                    "تعذّر جلب الخلاصة من {0}: المتصفح غير متصل بالشبكة.",
                ],
                vec![url.clone()],
            ),
            LoadFailure::TooLarge { url, bytes, limit } => (
                match bytes {
                    Some(_) => [
                        "The feed at {0} is {1}, larger than the {2} this reader accepts.",
                        "حجم الخلاصة في {0} {1}، أكبر من {2} التي يقبلها هذا القارئ.",
                    ],
                    None => [
                        "The feed at {0} is larger than the {2} this reader accepts; loading stopped there.",
                        "الخلاصة في {0} أكبر من {2} التي يقبلها هذا القارئ؛ توقف التحميل عندها.",
                    ],
                },
                vec![url.clone(), bytes.map(|b| self.bytes(b)).unwrap_or_default(), self.bytes(*limit as u64)],
            ),
            LoadFailure::NotText { url, at } => (
                [
                    "The feed at {0} is not UTF-8 text (byte {1} is not valid).",
                    "الخلاصة في {0} ليست نصًا بترميز UTF-8 (البايت {1} غير صالح).",
                ],
                vec![url.clone(), group_digits(*at)],
            ),
            LoadFailure::HtmlPage { url, content_type } => {
                let served = match content_type {
                    Some(content_type) => self.say(["served as {0}", "بنوع المحتوى {0}"], &[quote(content_type)]),
                    None => self.say(["with no content type", "بلا نوع محتوى"], &[]),
                };
                (
                    [
                        "The feed at {0} returned an HTML page, not a JSON Feed ({1}).",
                        "أعاد {0} صفحة HTML، لا خلاصة JSON Feed ({1}).",
                    ],
                    vec![url.clone(), served],
                )
            }
            LoadFailure::Feed(error) => return self.feed_error(error),
        };
        self.say(words, &values)
    }

    /// Why a document is not a usable feed.
    pub fn feed_error(&self, error: &FeedError) -> String {
        let (words, values): (Words, Vec<String>) = match error {
            FeedError::Syntax { line, column, problem } => (
                [
                    "The feed is not valid JSON: {0} (line {1}, column {2}).",
                    "الخلاصة ليست نص JSON صالحًا: {0} (السطر {1}، العمود {2}).",
                ],
                vec![self.syntax(*problem).to_owned(), line.to_string(), column.to_string()],
            ),
            FeedError::NotAnObject => (
                [
                    "The feed is not a JSON Feed: the document is not a JSON object.",
                    "الخلاصة ليست بصيغة JSON Feed: المستند ليس كائنًا.",
                ],
                Vec::new(),
            ),
            FeedError::Field { field, reason } => (
                ["The feed's `{0}` {1}.", "في الخلاصة: {1}."],
                vec![(*field).to_owned(), self.reason(field, reason)],
            ),
            FeedError::TooLarge { bytes, limit } => (
                [
                    "The feed is {0}, larger than the {1} this reader accepts.",
                    "حجم الخلاصة {0}، أكبر من {1} التي يقبلها هذا القارئ.",
                ],
                vec![self.bytes(*bytes as u64), self.bytes(*limit as u64)],
            ),
        };
        self.say(words, &values)
    }

    /// One item skipped or one field left out: where it is, then why.
    pub fn item_problem(&self, problem: &ItemProblem) -> String {
        let mut out = String::new();
        if problem.page > 1 {
            out += &self.say(["page {0}, ", "الصفحة {0}، "], &[problem.page.to_string()]);
        }
        out += &match problem.position {
            0 => self.say(["the feed", "الخلاصة"], &[]),
            position => self.say(["item {0}", "العنصر {0}"], &[position.to_string()]),
        };
        if let Some(id) = &problem.id {
            out += &self.say([" (id {0})", " (المعرّف {0})"], &[quote(&truncate(id, 60))]);
        }
        out += ": ";
        out += &self.field_reason(problem.field, &problem.reason);
        out
    }

    /// Why `field` cannot be used, naming it: "id is missing", "الحقل «المعرّف» مفقود".
    pub fn field_reason(&self, field: &str, reason: &Reason) -> String {
        let reason = self.reason(field, reason);
        if self.arabic() {
            reason
        } else {
            format!("{field} {reason}")
        }
    }

    fn arabic(&self) -> bool {
        self.language == Language::Arabic
    }

    /// `words` in the interface's language, its `{n}` replaced by `values[n]`. In Arabic each
    /// value is isolated (U+2068 … U+2069), so a URL or a quoted id keeps its own direction
    /// inside the right-to-left sentence instead of having its slashes and quotes moved.
    fn say(&self, words: Words, values: &[String]) -> String {
        let isolated: Vec<String>;
        let values: Vec<&str> = if self.arabic() {
            isolated = values
                .iter()
                .map(|v| if v.is_empty() { String::new() } else { format!("\u{2068}{v}\u{2069}") })
                .collect();
            isolated.iter().map(String::as_str).collect()
        } else {
            values.iter().map(String::as_str).collect()
        };
        fill(words[self.arabic() as usize], &values)
    }

    fn syntax(&self, problem: SyntaxProblem) -> &'static str {
        if self.arabic() {
            arabic_syntax(problem)
        } else {
            problem.as_str()
        }
    }

    /// Why `field` cannot be used: in English what follows the field's name ("is missing"), in
    /// Arabic the whole clause, which names the field ("الحقل «المعرّف» مفقود").
    fn reason(&self, field: &str, reason: &Reason) -> String {
        // The Arabic clause names the field; the English one follows the name its caller writes.
        let name =
            if self.arabic() { format!("الحقل «{}»", arabic_field(field)) } else { String::new() };
        let (words, values): (Words, Vec<String>) = match reason {
            Reason::Missing if field == "version" => (
                [
                    "is missing; a JSON Feed names its version, such as \"https://jsonfeed.org/version/1.1\"",
                    "{0} مفقود؛ تذكر خلاصة JSON Feed إصدارها، مثل \"https://jsonfeed.org/version/1.1\"",
                ],
                vec![name],
            ),
            Reason::Missing => (["is missing", "{0} مفقود"], vec![name]),
            Reason::Blank => (["is blank", "{0} فارغ"], vec![name]),
            Reason::WrongType { expected, found } => (
                ["must be {1}, not {2}", "{0} يجب أن يكون {1}، لا {2}"],
                vec![name, self.shape(*expected).to_owned(), self.found(found)],
            ),
            Reason::WrongEntry { expected, found } => {
                let words = match expected {
                    Shape::Strings => ["must be an array of strings, but holds {2}", "{0} يجب أن يضم {1} فقط، لكنه يضم {2}"],
                    _ => ["must hold {1}, but holds {2}", "{0} يجب أن يضم {1} فقط، لكنه يضم {2}"],
                };
                let entries = match expected {
                    Shape::Strings => ["strings", "نصوصًا"],
                    Shape::Authors => ["author objects", "كائنات مؤلفين"],
                    Shape::Attachments => ["attachment objects", "كائنات مرفقات"],
                    other => shape_words(*other),
                };
                (words, vec![name, self.say(entries, &[]), self.found(found)])
            }
            Reason::NotAnObject(found) => (["is {2}, not an object", "العنصر {2}، لا كائن"], vec![name, String::new(), self.found(found)]),
            Reason::NotAVersion(found) => (
                [
                    "is {2}, not a JSON Feed version URL such as \"https://jsonfeed.org/version/1.1\"",
                    "{0} هو {2}، لا رابط إصدار JSON Feed مثل \"https://jsonfeed.org/version/1.1\"",
                ],
                vec![name, String::new(), self.found(found)],
            ),
            Reason::TooLong { bytes, limit, nested } => (
                if *nested {
                    ["holds a string of {1} bytes, over the limit of {2}", "{0} يضم نصًا طوله {1} بايت، فوق الحد البالغ {2} بايت"]
                } else {
                    ["is {1} bytes, over the limit of {2}", "{0} طوله {1} بايت، فوق الحد البالغ {2} بايت"]
                },
                vec![name, group_digits(*bytes), group_digits(*limit)],
            ),
            Reason::NotADate { text, undated } => (
                [
                    "{1} is not a date the reader can read (RFC 3339 such as {2}, or RFC 822 such as {3}); {4}",
                    "{0}: {1} ليس تاريخًا يقرؤه القارئ (RFC 3339 مثل {2}، أو RFC 822 مثل {3})؛ {4}",
                ],
                vec![
                    name,
                    quote(text),
                    "\"2024-10-25T09:30:00+05:00\"".to_owned(),
                    "\"Fri, 25 Oct 2024 09:30:00 +0500\"".to_owned(),
                    if *undated {
                        self.say(["the article is undated", "تُعرض المقالة بلا تاريخ"], &[])
                    } else {
                        self.say(["it is left out", "أُهمل هذا التاريخ"], &[])
                    },
                ],
            ),
            Reason::NotALink { part: None, text } => (NOT_A_LINK, vec![name, quote(text)]),
            Reason::NotALink { part: Some(part), text } => (
                ["{2} {1} is not an http(s) or relative URL", "{0} («{2}»): {1} ليس رابط http(s) ولا رابطًا نسبيًا"],
                vec![name, quote(text), self.member(part)],
            ),
            Reason::RepeatedId { earlier_page: true } => (
                [
                    "is an article already loaded from an earlier page; the first one is kept",
                    "المعرّف لمقالة حُمّلت من صفحة سابقة؛ أُبقي على الأولى",
                ],
                Vec::new(),
            ),
            Reason::RepeatedId { earlier_page: false } => (
                [
                    "repeats an earlier item's id; the first one is kept",
                    "المعرّف يكرر معرّف عنصر سابق؛ أُبقي على الأول",
                ],
                Vec::new(),
            ),
            // Always reported on `content_html`.
            Reason::NoContent => (
                [
                    "and content_text are both missing; an item needs one",
                    "لا «المحتوى المنسّق» في العنصر ولا «المحتوى النصي»؛ يحتاج العنصر أحدهما",
                ],
                Vec::new(),
            ),
            Reason::AttachmentWithoutUrl => {
                (["an attachment has no url; it is left out", "مرفق بلا رابط؛ أُهمل"], Vec::new())
            }
            Reason::AttachmentWithoutType { url } => (
                ["{1} has no mime_type; it is left out", "المرفق {1} بلا نوع MIME؛ أُهمل"],
                vec![name, quote(url)],
            ),
            Reason::NotACount { member, number } => (
                ["{2} {1} is not a size the reader can read", "{0}: «{2}» {1} ليس عددًا يقرؤه القارئ"],
                vec![name, number.clone(), self.member(member)],
            ),
            Reason::NotANumber { member, found } => (
                ["{2} must be a number, not {1}", "{0}: «{2}» يجب أن يكون رقمًا، لا {1}"],
                vec![name, self.found(found), self.member(member)],
            ),
        };
        self.say(words, &values)
    }

    /// An author's or attachment's member (`avatar`, `size_in_bytes`) as the language names it.
    fn member(&self, member: &str) -> String {
        if self.arabic() { arabic_field(member) } else { member }.to_owned()
    }

    fn shape(&self, shape: Shape) -> &'static str {
        shape_words(shape)[self.arabic() as usize]
    }

    fn found(&self, found: &Found) -> String {
        match found {
            // JSON's own word, as the feed has it.
            Found::Null => "null".to_owned(),
            Found::Bool(b) => self.say(["the boolean {0}", "القيمة المنطقية {0}"], &[b.to_string()]),
            Found::Number(n) => self.say(["the number {0}", "الرقم {0}"], std::slice::from_ref(n)),
            Found::String(s) => self.say(["the string {0}", "النص {0}"], &[quote(s)]),
            Found::Array => self.say(["an array", "مصفوفة"], &[]),
            Found::Object => self.say(["an object", "كائن"], &[]),
        }
    }
}

/// The type a field should have had.
fn shape_words(shape: Shape) -> Words {
    match shape {
        Shape::String => ["a string", "نصًا"],
        Shape::NonEmptyString => ["a non-empty string", "نصًا غير فارغ"],
        Shape::Object => ["an object", "كائنًا"],
        Shape::Array => ["an array", "مصفوفة"],
        Shape::Strings => ["an array of strings", "مصفوفة نصوص"],
        Shape::Authors => ["an array of author objects", "مصفوفة من كائنات المؤلفين"],
        Shape::Attachments => ["an array of attachment objects", "مصفوفة من كائنات المرفقات"],
    }
}

/// A JSON Feed field (or an author's or attachment's member) as an Arabic reader knows it.
fn arabic_field(field: &str) -> &str {
    match field {
        "version" => "الإصدار",
        "title" => "العنوان",
        "items" => "العناصر",
        "item" => "العنصر",
        "id" => "المعرّف",
        "url" => "الرابط",
        "external_url" => "الرابط الخارجي",
        "summary" => "الملخّص",
        "content_html" => "المحتوى المنسّق",
        "content_text" => "المحتوى النصي",
        "image" => "الصورة",
        "banner_image" => "صورة الغلاف",
        "date_published" => "تاريخ النشر",
        "date_modified" => "تاريخ التعديل",
        "authors" | "author" => "المؤلفون",
        "avatar" => "الصورة الرمزية",
        "tags" => "الوسوم",
        "language" => "اللغة",
        "attachments" => "المرفقات",
        "size_in_bytes" => "الحجم",
        "duration_in_seconds" => "المدة",
        "next_url" => "رابط الصفحة التالية",
        "_article_reader" => "حقول القارئ",
        "_article_reader.chunk" => "ملف متن المقالة",
        "_article_reader.highlights" => "أبرز النقاط",
        "_article_reader.image_caption" => "تعليق الصورة",
        "_article_reader.image_credit" => "مصدر الصورة",
        "_article_reader.image_alt" => "الوصف البديل للصورة",
        other => other,
    }
}

fn arabic_syntax(problem: SyntaxProblem) -> &'static str {
    use SyntaxProblem::*;
    match problem {
        TrailingCharacters => "أحرف زائدة بعد نهاية المستند",
        EofInValue => "انتهى النص قبل أن تكتمل قيمة",
        ExpectedValue => "كان يُنتظر هنا قيمة",
        ExpectedIdent => "كلمة غير معروفة",
        InvalidNumber => "رقم غير صالح",
        EofInString => "انتهى النص داخل سلسلة نصية",
        ControlCharacter => "محرف تحكم داخل سلسلة نصية",
        InvalidEscape => "تسلسل هروب غير صالح",
        EofInHexEscape => "انتهى تسلسل هروب ست عشري قبل أن يكتمل",
        LoneSurrogate => "نصف زوج بديل منفرد في تسلسل هروب",
        EofInList => "انتهى النص داخل مصفوفة",
        EofInObject => "انتهى النص داخل كائن",
        KeyNotAString => "مفتاح الكائن يجب أن يكون سلسلة نصية",
        ExpectedColon => "كان يُنتظر «:»",
        ExpectedCommaOrBracket => "كان يُنتظر «,» أو «]»",
        ExpectedCommaOrBrace => "كان يُنتظر «,» أو «}»",
        TrailingComma => "فاصلة زائدة",
        TooDeep => "تتداخل المصفوفات والكائنات أكثر من 128 مستوى",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::load::Limits;

    const ARABIC: Ui = Ui { language: Language::Arabic };

    /// The text without its directional isolates.
    fn plain(text: String) -> String {
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    /// Latin-letter words in `text`, leaving out the URL, what the feed holds (quoted), and the
    /// technical names a message may carry (formats, a header), which have no Arabic.
    fn english_words(text: &str, url: &str) -> Vec<String> {
        const NAMES: &[&str] = &[
            "JSON", "Feed", "HTML", "CORS", "UTF", "MIME", "RFC", "http", "null", "true", "false", "Access",
            "Control", "Allow", "Origin",
        ];
        let text = text.replace(url, "");
        let unquoted: String = text.split('"').step_by(2).collect();
        unquoted
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|word| word.len() > 1 && !NAMES.contains(word))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn says_each_failure_in_english() {
        let url = "https://example.com/feed.json".to_owned();
        let cases = [
            (LoadFailure::Status { url: url.clone(), status: 404, status_text: "Not Found".into(), retry_after: None },
             "The feed at https://example.com/feed.json could not be loaded: the server answered 404 Not Found."),
            (LoadFailure::Status { url: url.clone(), status: 500, status_text: String::new(), retry_after: Some(3) },
             "The feed at https://example.com/feed.json could not be loaded: the server answered 500."),
            (LoadFailure::Network { url: url.clone(), detail: "TypeError: Failed to fetch".into() },
             "The feed at https://example.com/feed.json could not be fetched (TypeError: Failed to fetch). The server may be unreachable, or it may not allow this page to read it (CORS)."),
            (LoadFailure::CutShort { url: url.clone(), received: 1024, expected: 4096 },
             "The feed at https://example.com/feed.json stopped arriving after 1 KiB of 4 KiB."),
            (LoadFailure::Stalled { url: url.clone(), seconds: 30 },
             "The feed at https://example.com/feed.json stopped arriving: nothing came for 30 seconds."),
            (LoadFailure::Refused { url: url.clone() },
             "The server of https://example.com/feed.json answered, but does not allow this page to read the feed (CORS): it must send Access-Control-Allow-Origin for this page's origin."),
            (LoadFailure::Offline { url: url.clone() },
             "The feed at https://example.com/feed.json could not be fetched: the browser is offline."),
            (LoadFailure::TooLarge { url: url.clone(), bytes: Some(70 << 20), limit: 64 << 20 },
             "The feed at https://example.com/feed.json is 70 MiB, larger than the 64 MiB this reader accepts."),
            (LoadFailure::TooLarge { url: url.clone(), bytes: None, limit: 64 << 20 },
             "The feed at https://example.com/feed.json is larger than the 64 MiB this reader accepts; loading stopped there."),
            (LoadFailure::NotText { url: url.clone(), at: 12_345 },
             "The feed at https://example.com/feed.json is not UTF-8 text (byte 12,345 is not valid)."),
            (LoadFailure::Feed(FeedError::NotAnObject), "The feed is not a JSON Feed: the document is not a JSON object."),
            (LoadFailure::HtmlPage { url: url.clone(), content_type: Some("text/html; charset=utf-8".into()) },
             "The feed at https://example.com/feed.json returned an HTML page, not a JSON Feed (served as \"text/html; charset=utf-8\")."),
            (LoadFailure::HtmlPage { url: url.clone(), content_type: None },
             "The feed at https://example.com/feed.json returned an HTML page, not a JSON Feed (with no content type)."),
        ];
        for (failure, expected) in cases {
            assert_eq!(Ui::default().load_failure(&failure), expected);
        }
    }

    #[test]
    fn a_feed_that_cannot_be_fetched_is_explained_in_arabic() {
        let url = "https://news.example/missing.json";
        let failures = [
            LoadFailure::Status {
                url: url.into(),
                status: 404,
                status_text: "Not Found".into(),
                retry_after: None,
            },
            LoadFailure::Network { url: url.into(), detail: "TypeError: Failed to fetch".into() },
            LoadFailure::Offline { url: url.into() },
            LoadFailure::Stalled { url: url.into(), seconds: 30 },
            LoadFailure::CutShort { url: url.into(), received: 1536, expected: 4 << 20 },
            LoadFailure::TooLarge { url: url.into(), bytes: Some(80 << 20), limit: 64 << 20 },
            LoadFailure::NotText { url: url.into(), at: 12_345 },
            LoadFailure::HtmlPage { url: url.into(), content_type: None },
            LoadFailure::Address { address: String::new() },
        ];
        for failure in &failures {
            let message = ARABIC.load_failure(failure);
            assert_eq!(english_words(&message, url), Vec::<String>::new(), "{message}");
        }
        assert_eq!(
            plain(ARABIC.load_failure(&failures[0])),
            "تعذّر تحميل الخلاصة من https://news.example/missing.json: أجاب الخادم بالرمز 404."
        );
        assert_eq!(
            plain(ARABIC.load_failure(&failures[4])),
            "توقف وصول الخلاصة من https://news.example/missing.json بعد 1.5 كيلوبايت من 4 ميغابايت."
        );
    }

    #[test]
    fn every_problem_a_feed_can_have_is_explained_in_arabic() {
        let broken = [
            "",
            "[]",
            r#"{"title": "T", "items": []}"#,
            r#"{"version": 5, "title": "T", "items": []}"#,
            r#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#,
            r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": {}}"#,
        ];
        for json in broken {
            let Err(error) = crate::feed::load::load_feed_with_limits(json, &Limits::default()) else {
                panic!("{json:?} loaded")
            };
            let message = ARABIC.load_failure(&LoadFailure::Feed(error));
            assert_eq!(english_words(&message, ""), Vec::<String>::new(), "{message}");
        }
        let items = r#"[null, {}, {"id": " "}, {"id": "a"}, {"id": "b", "content_text": "x",
            "date_published": "yesterday", "url": "javascript:x", "tags": "a", "title": 5,
            "authors": [{"name": "A", "avatar": "javascript:y"}, 7],
            "attachments": [{"url": "a.mp3"}, {"mime_type": "audio/mpeg"}, {"url": "b.mp3", "mime_type": "audio/mpeg", "size_in_bytes": "big", "duration_in_seconds": -5}]},
            {"id": "b", "content_text": "again"}]"#;
        let json =
            format!(r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": {items}}}"#);
        let loaded = match crate::feed::load::load_feed(&json) {
            Ok(loaded) => loaded,
            Err(error) => panic!("{error:?}"),
        };
        assert_eq!((loaded.skipped.len(), loaded.left_out.len()), (5, 10));
        for problem in loaded.skipped.iter().chain(&loaded.left_out) {
            let message = ARABIC.item_problem(problem);
            assert_eq!(english_words(&message, ""), Vec::<String>::new(), "{message}");
        }
        assert_eq!(plain(ARABIC.item_problem(&loaded.skipped[1])), "العنصر 2: الحقل «المعرّف» مفقود");
        assert_eq!(
            ARABIC.item_problem(&loaded.skipped[1]),
            "العنصر \u{2068}2\u{2069}: \u{2068}الحقل «المعرّف»\u{2069} مفقود",
            "each value isolated"
        );
    }

    #[test]
    fn json_syntax_problems_have_arabic_words() {
        for text in
            ["", "[1,]", "{\"a\" 1}", "[\"\\x\"]", "tru", "-", "{1: 2}", "[1 2]", "{\"a\": 1 \"b\"}", "1 2"]
        {
            let Err(error) = crate::feed::json::parse(text) else { panic!("{text:?} parsed") };
            let message = arabic_syntax(error.problem);
            assert!(!message.chars().any(|c| c.is_ascii_alphabetic()), "{text:?}: {message}");
        }
    }
}
