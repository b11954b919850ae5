//! What went wrong, in words: a feed that could not be fetched ([`LoadFailure`]), a document that
//! is not a feed ([`FeedError`]), an item skipped or a field left out ([`ItemProblem`]), each said
//! in the interface's language. The problems themselves are data (`load::problem`, `source`);
//! this is the only place they become prose.
//!
//! Each message is a template of the language's table (`messages` of
//! [`crate::interface::strings::Strings`], one file per language in `lang/`) whose `{0}`, `{1}`,
//! … stand for its values: one `fill` instead of a `format!` per message and language keeps the
//! wasm small (about 2 KB brotli less than the same messages written with `format!`), and a
//! language is data, not code.
//!
//! The reader shows them in its interface's language. The browser console and the host's
//! `article-reader-error` event get the English, for the people who fix feeds and pages, which
//! is also the language of JSON Feed's field names.

use crate::feed::json::SyntaxProblem;
use crate::feed::load::{FeedError, Found, ItemProblem, Reason, Shape};
use crate::feed::source::LoadFailure;
use crate::interface::text::Ui;
use crate::interface::words::{fill, group_digits_in, human_bytes_in, quote, truncate};

impl Ui {
    /// A byte count in the interface's units: `1.5 MiB`, `1.5 ميغابايت`.
    pub fn bytes(&self, bytes: u64) -> String {
        human_bytes_in(bytes, &self.strings().byte_units, self.strings().decimal_mark())
    }

    /// A count with its digits grouped as the interface's language groups them.
    pub fn grouped(&self, n: usize) -> String {
        group_digits_in(n, self.strings().group_mark())
    }

    /// Why a feed could not be shown.
    pub fn load_failure(&self, failure: &LoadFailure) -> String {
        let m = &self.strings().messages;
        let (words, values): (&str, Vec<String>) = match failure {
            LoadFailure::Address { address } if address.is_empty() => (m.address_empty(), Vec::new()),
            LoadFailure::Address { address } => (m.address_not_a_link(), vec![quote(&truncate(address, 80))]),
            // The browser's words for a network error are English, so only the console's
            // message has them.
            LoadFailure::Network { url, detail } => (m.network(), vec![url.clone(), detail.clone()]),
            // So is the server's reason phrase ("Not Found"): the status code says it.
            LoadFailure::Status { url, status, status_text, .. } => (
                m.status(),
                vec![
                    url.clone(),
                    status.to_string(),
                    if status_text.is_empty() { String::new() } else { format!(" {status_text}") },
                ],
            ),
            LoadFailure::CutShort { url, received, expected } => {
                (m.cut_short(), vec![url.clone(), self.bytes(*received), self.bytes(*expected)])
            }
            LoadFailure::Stalled { url, seconds } => (
                m.stalled(),
                vec![
                    url.clone(),
                    seconds.to_string(),
                    self.counted(&self.strings().seconds, *seconds as usize, &[&seconds.to_string()]),
                ],
            ),
            LoadFailure::Refused { url } => (m.refused(), vec![url.clone()]),
            LoadFailure::Offline { url } => (m.offline(), vec![url.clone()]),
            LoadFailure::TooLarge { url, bytes, limit } => (
                match bytes {
                    Some(_) => m.too_large(),
                    None => m.too_large_unknown(),
                },
                vec![
                    url.clone(),
                    bytes.map(|b| self.bytes(b)).unwrap_or_default(),
                    self.bytes(*limit as u64),
                ],
            ),
            LoadFailure::NotText { url, at } => (m.not_text(), vec![url.clone(), self.grouped(*at)]),
            LoadFailure::HtmlPage { url, content_type } => {
                let served = match content_type {
                    Some(content_type) => self.say(m.served_as(), &[quote(content_type)]),
                    None => self.say(m.no_content_type(), &[]),
                };
                (m.html_page(), vec![url.clone(), served])
            }
            LoadFailure::Feed(error) => return self.feed_error(error),
        };
        self.say(words, &values)
    }

    /// Why a document is not a usable feed.
    pub fn feed_error(&self, error: &FeedError) -> String {
        let m = &self.strings().messages;
        let (words, values): (&str, Vec<String>) = match error {
            FeedError::Syntax { line, column, problem } => {
                (m.syntax(), vec![self.syntax(*problem).to_owned(), line.to_string(), column.to_string()])
            }
            FeedError::NotAnObject => (m.document_not_an_object(), Vec::new()),
            FeedError::Field { field, reason } => {
                (m.feed_field(), vec![(*field).to_owned(), self.reason(field, reason)])
            }
            FeedError::TooLarge { bytes, limit } => {
                (m.feed_too_large(), vec![self.bytes(*bytes as u64), self.bytes(*limit as u64)])
            }
        };
        self.say(words, &values)
    }

    /// One item skipped or one field left out: where it is, then why.
    pub fn item_problem(&self, problem: &ItemProblem) -> String {
        let m = &self.strings().messages;
        let mut out = String::new();
        if problem.page > 1 {
            out += &self.say(m.on_page(), &[problem.page.to_string()]);
        }
        out += &match problem.position {
            0 => self.say(m.the_feed(), &[]),
            position => self.say(m.item(), &[position.to_string()]),
        };
        if let Some(id) = &problem.id {
            out += &self.say(m.with_id(), &[quote(&truncate(id, 60))]);
        }
        out += ": ";
        out += &self.field_reason(problem.field, &problem.reason);
        out
    }

    /// Why `field` cannot be used, naming it: "id is missing", "الحقل «المعرّف» مفقود".
    pub fn field_reason(&self, field: &str, reason: &Reason) -> String {
        let reason = self.reason(field, reason);
        fill(self.strings().field_reason(), &[field, &reason])
    }

    /// `template`, its `{n}` replaced by `values[n]`, each isolated where the language says so
    /// ([`crate::interface::strings::Strings::isolate`]).
    fn say(&self, template: &str, values: &[String]) -> String {
        let isolated: Vec<String>;
        let values: Vec<&str> = if self.strings().isolate {
            isolated = values
                .iter()
                .map(|v| if v.is_empty() { String::new() } else { format!("\u{2068}{v}\u{2069}") })
                .collect();
            isolated.iter().map(String::as_str).collect()
        } else {
            values.iter().map(String::as_str).collect()
        };
        fill(template, &values)
    }

    fn syntax(&self, problem: SyntaxProblem) -> &'static str {
        self.strings().syntax.get(problem as usize).copied().unwrap_or(problem.as_str())
    }

    /// Why `field` cannot be used: in English what follows the field's name ("is missing"), in
    /// Arabic the whole clause, which names the field ("الحقل «المعرّف» مفقود").
    fn reason(&self, field: &str, reason: &Reason) -> String {
        // The Arabic clause names the field; the English one follows the name its caller writes.
        let (strings, m) = (self.strings(), &self.strings().messages);
        let name = match strings.field_name {
            "" => String::new(),
            template => fill(template, &[&self.member(field)]),
        };
        let (words, values): (&str, Vec<String>) = match reason {
            Reason::Missing if field == "version" => (m.version_missing(), vec![name]),
            Reason::Missing => (m.missing(), vec![name]),
            Reason::Blank => (m.blank(), vec![name]),
            Reason::WrongType { expected, found } => {
                (m.wrong_type(), vec![name, self.shape(*expected).to_owned(), self.found(found)])
            }
            Reason::WrongEntry { expected, found } => {
                let words = match expected {
                    Shape::Strings => m.not_strings(),
                    _ => m.wrong_entry(),
                };
                let entries = match expected {
                    Shape::Strings => m.strings(),
                    Shape::Authors => m.author_objects(),
                    Shape::Attachments => m.attachment_objects(),
                    other => self.shape(*other),
                };
                (words, vec![name, self.say(entries, &[]), self.found(found)])
            }
            Reason::NotAnObject(found) => {
                (m.item_not_an_object(), vec![name, String::new(), self.found(found)])
            }
            Reason::NotAVersion(found) => (m.not_a_version(), vec![name, String::new(), self.found(found)]),
            Reason::TooLong { bytes, limit, nested } => (
                if *nested { m.too_long_nested() } else { m.too_long() },
                vec![name, self.grouped(*bytes), self.grouped(*limit)],
            ),
            Reason::NotADate { text, undated } => (
                m.not_a_date(),
                vec![
                    name,
                    quote(text),
                    "\"2024-10-25T09:30:00+05:00\"".to_owned(),
                    "\"Fri, 25 Oct 2024 09:30:00 +0500\"".to_owned(),
                    if *undated { self.say(m.undated(), &[]) } else { self.say(m.date_left_out(), &[]) },
                ],
            ),
            Reason::NotALink { part: None, text } => (m.not_a_link(), vec![name, quote(text)]),
            Reason::NotALink { part: Some(part), text } => {
                (m.member_not_a_link(), vec![name, quote(text), self.member(part)])
            }
            Reason::RepeatedId { earlier_page: true } => (m.repeated_id_earlier_page(), Vec::new()),
            Reason::RepeatedId { earlier_page: false } => (m.repeated_id(), Vec::new()),
            // Always reported on `content_html`.
            Reason::NoContent => (m.no_content(), Vec::new()),
            Reason::AttachmentWithoutUrl => (m.attachment_without_url(), Vec::new()),
            Reason::AttachmentWithoutType { url } => (m.attachment_without_type(), vec![name, quote(url)]),
            Reason::NotACount { member, number } => {
                (m.not_a_count(), vec![name, number.clone(), self.member(member)])
            }
            Reason::NotANumber { member, found } => {
                (m.not_a_number(), vec![name, self.found(found), self.member(member)])
            }
        };
        self.say(words, &values)
    }

    /// An author's or attachment's member (`avatar`, `size_in_bytes`) as the language names it.
    fn member(&self, member: &str) -> String {
        let names = self.strings().field_names;
        names.iter().find(|(name, _)| *name == member).map_or(member, |(_, words)| words).to_owned()
    }

    fn shape(&self, shape: Shape) -> &'static str {
        self.strings().shapes[shape as usize]
    }

    fn found(&self, found: &Found) -> String {
        let m = &self.strings().messages;
        match found {
            // JSON's own word, as the feed has it.
            Found::Null => "null".to_owned(),
            Found::Bool(b) => self.say(m.found_bool(), &[b.to_string()]),
            Found::Number(n) => self.say(m.found_number(), std::slice::from_ref(n)),
            Found::String(s) => self.say(m.found_string(), &[quote(s)]),
            Found::Array => self.say(m.found_array(), &[]),
            Found::Object => self.say(m.found_object(), &[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::load::Limits;
    use crate::interface::lang::compiled;

    fn arabic() -> Ui {
        Ui::new(compiled("ar"))
    }

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
            let message = arabic().load_failure(failure);
            assert_eq!(english_words(&message, url), Vec::<String>::new(), "{message}");
        }
        assert_eq!(
            plain(arabic().load_failure(&failures[0])),
            "تعذّر تحميل الخلاصة من https://news.example/missing.json: أجاب الخادم بالرمز 404."
        );
        assert_eq!(
            plain(arabic().load_failure(&failures[4])),
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
            let message = arabic().load_failure(&LoadFailure::Feed(error));
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
            let message = arabic().item_problem(problem);
            assert_eq!(english_words(&message, ""), Vec::<String>::new(), "{message}");
        }
        assert_eq!(plain(arabic().item_problem(&loaded.skipped[1])), "العنصر 2: الحقل «المعرّف» مفقود");
        assert_eq!(
            arabic().item_problem(&loaded.skipped[1]),
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
            let message = arabic().syntax(error.problem);
            assert!(!message.chars().any(|c| c.is_ascii_alphabetic()), "{text:?}: {message}");
        }
    }
}
