//! Reading the way people do: searching, any/all tags with live counts, state in the URL,
//! pages, the article's extras, sharing an article (the browser's share sheet, and copying its
//! link where there is none), following tags and read marks that survive a reload, the
//! keyboard, and right-to-left feeds.

use article_reader::{FeedLocation, ReaderOptions, Routing};
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

use super::support::{blob_url, feed_json, press, seed_options, settled, speak, Mounted};

const US: &str = "pakistan-us-lawmakers-letter-khan-release";
const UK: &str = "pakistan-uk-regional-security-talks";

fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Types `text` into the reader's search field, as a person would.
fn type_search(reader: &Mounted, text: &str) {
    let input: HtmlInputElement = reader.one(".ar-search__input").unwrap().dyn_into().unwrap();
    input.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

fn focused_article() -> Option<String> {
    gloo::utils::document().active_element().and_then(|e| e.get_attribute("data-article"))
}

fn forget_preferences() {
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        let _ = storage.remove_item("article-reader:bundled:follow");
        let _ = storage.remove_item("article-reader:bundled:read");
        let _ = storage.remove_item("article-reader:bundled:prefs");
    }
}

#[wasm_bindgen_test]
async fn searching_narrows_the_feed_marks_the_words_and_lives_in_the_url() {
    let reader = Mounted::at("#/").await;
    type_search(&reader, "LAWMAKÉRS letter");
    reader.until("the search narrows the feed", |r| r.headlines().len() == 1).await;
    assert_eq!(reader.texts("[role=feed] h2 mark"), ["lawmakers", "letter"]);
    assert_eq!(hash(), "#/?q=LAWMAK%C3%89RS%20letter");
    assert_eq!(
        reader.one("[aria-live=polite]").unwrap().text_content().unwrap(),
        "1 of 2 articles matching “LAWMAKÉRS letter”"
    );

    type_search(&reader, "lawmakers nowhere-to-be-found");
    reader.until("nothing matches", |r| r.one(".ar-empty").is_some()).await;
    reader.click(".ar-empty button", "Show all articles");
    reader.until("the search is cleared", |r| r.headlines().len() == 2).await;
    assert_eq!(hash(), "#/");

    // The same address opened cold shows the same view.
    drop(reader);
    let reader = Mounted::at("#/?tag=pakistan&q=khan").await;
    assert_eq!(reader.headlines().len(), 1);
    let input: HtmlInputElement = reader.one(".ar-search__input").unwrap().dyn_into().unwrap();
    assert_eq!(input.value(), "khan");
}

#[wasm_bindgen_test]
async fn any_or_all_tags_with_counts_of_what_each_tag_would_leave() {
    let reader = Mounted::at("#/?tag=imran%20khan").await;
    let toggle = |r: &Mounted, name: &str| {
        r.all("button.ar-toggle")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().starts_with(name))
            .unwrap()
    };
    let count = |r: &Mounted, name: &str| {
        toggle(r, name)
            .query_selector(".ar-toggle__count")
            .unwrap()
            .unwrap()
            .first_child()
            .unwrap()
            .text_content()
            .unwrap()
    };
    // Any: pressing United Kingdom as well would show both articles.
    assert_eq!(count(&reader, "United Kingdom"), "2");
    reader.click("label.ar-mode__option", "All tags");
    reader.until("the all switch applies", |_| hash() == "#/?tag=imran%20khan&match=all").await;
    // All: no article has both, so that button is disabled, not hidden.
    assert_eq!(count(&reader, "United Kingdom"), "0");
    assert!(toggle(&reader, "United Kingdom").has_attribute("disabled"));
    assert_eq!(count(&reader, "Pakistan"), "1");
    reader.click("button.ar-toggle", "Pakistan");
    reader.until("two tags, all of them", |_| hash() == "#/?tag=imran%20khan&tag=pakistan&match=all").await;
    assert_eq!(reader.headlines().len(), 1);
}

#[wasm_bindgen_test]
async fn pages_of_articles_and_the_page_in_the_url() {
    let options = ReaderOptions { routing: Routing::Hash, page_size: 1, ..seed_options() };
    let reader = Mounted::with_options("#/", options).await;
    assert_eq!(reader.headlines().len(), 1);
    reader.click("button.ar-more__button", "Show more");
    reader.until("the second page", |r| r.headlines().len() == 2).await;
    assert_eq!(hash(), "#/?page=2");
}

/// Stands in for the browser's `navigator.share` until dropped, whichever the browser has.
struct ShareSheet;

impl ShareSheet {
    /// `share` as `navigator.share`: a function, or `undefined` for a browser without one.
    fn stand_in(share: &JsValue) -> ShareSheet {
        let descriptor = Object::new();
        Reflect::set(&descriptor, &"value".into(), share).unwrap();
        Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
        Object::define_property(&gloo::utils::window().navigator(), &"share".into(), &descriptor);
        ShareSheet
    }

    /// A share sheet that keeps what it is given (see [`shared`]) and answers with `answer`, a
    /// JavaScript expression of a promise: what a person's choice in the sheet comes to.
    fn answering(answer: &str) -> ShareSheet {
        let body = format!("(globalThis.arShared ??= []).push([data.title, data.url]); return {answer};");
        Self::stand_in(&js_sys::Function::new_with_args("data", &body))
    }
}

impl Drop for ShareSheet {
    fn drop(&mut self) {
        let _ = Reflect::delete_property(&gloo::utils::window().navigator(), &"share".into());
        let _ = Reflect::delete_property(&js_sys::global(), &"arShared".into());
    }
}

/// The title and the address of each share the sheet was asked for.
fn shared() -> Vec<(String, String)> {
    let all = Reflect::get(&js_sys::global(), &"arShared".into()).unwrap();
    let Some(all) = all.dyn_ref::<js_sys::Array>() else { return Vec::new() };
    all.iter()
        .map(|share| {
            let share: js_sys::Array = share.dyn_into().unwrap();
            (share.get(0).as_string().unwrap_or_default(), share.get(1).as_string().unwrap_or_default())
        })
        .collect()
}

/// Waits for "Copy link" to have done its work: the link copied, or given to copy by hand.
async fn link_copied_or_shown(reader: &Mounted, article: &str) {
    reader
        .until("the link is copied or shown", |r| {
            !r.texts(".ar-action__result").join("").is_empty() || r.one(".ar-action__link").is_some()
        })
        .await;
    match reader.one(".ar-action__link") {
        // Without clipboard permission the link is shown to copy by hand.
        Some(field) => {
            let value = field.dyn_into::<HtmlInputElement>().unwrap().value();
            assert!(value.ends_with(&format!("#/article/{article}")), "{value}");
        }
        None => assert_eq!(reader.texts(".ar-action__result"), ["Link copied"]),
    }
}

#[wasm_bindgen_test]
async fn share_opens_the_browsers_share_sheet_and_a_cancelled_share_says_nothing() {
    let sheet = ShareSheet::answering("Promise.resolve()");
    let reader = Mounted::at(&format!("#/article/{US}")).await;
    reader.until("the control offers to share", |r| r.texts("button[part=share]") == ["Share"]).await;
    reader.click("button", "Share");
    reader.until("the share sheet opens", |_| shared().len() == 1).await;
    // The bundled article has no address of its own: the reader's link to it.
    let (title, url) = shared().remove(0);
    assert!(title.starts_with("Pakistan says US lawmakers"), "{title}");
    assert!(url.starts_with("http") && url.ends_with(&format!("#/article/{US}")), "{url}");
    settled().await;
    assert_eq!(reader.texts(".ar-action__result"), [""], "a share says nothing more");
    drop(sheet);

    // Cancelled in the sheet: no error, and nothing copied instead.
    let sheet = ShareSheet::answering("Promise.reject(new DOMException('Share canceled', 'AbortError'))");
    reader.click("button", "Share");
    reader.until("the share sheet opens", |_| shared().len() == 1).await;
    settled().await;
    assert_eq!(reader.texts(".ar-action__result"), [""], "a cancelled share says nothing");
    assert!(reader.one(".ar-action__link").is_none());
    drop(sheet);

    // Refused by the browser: the link is copied instead.
    let _sheet = ShareSheet::answering("Promise.reject(new DOMException('Not allowed', 'NotAllowedError'))");
    reader.click("button", "Share");
    link_copied_or_shown(&reader, US).await;
    assert_eq!(shared().len(), 1);
}

#[wasm_bindgen_test]
async fn an_article_with_an_address_of_its_own_is_shared_with_it() {
    let _sheet = ShareSheet::answering("Promise.resolve()");
    let item = r#"{"id": "own", "title": "An address of its own", "url": "https://news.example/own", "content_text": "Body."}"#;
    let reader = Mounted::with_feed("#/article/own", &feed_json(&[item.to_owned()])).await;
    reader.until("the control offers to share", |r| r.texts("button[part=share]") == ["Share"]).await;
    reader.click("button", "Share");
    reader.until("the share sheet opens", |_| shared().len() == 1).await;
    assert_eq!(shared(), [("An address of its own".to_owned(), "https://news.example/own".to_owned())]);
}

#[wasm_bindgen_test]
async fn the_article_has_reading_time_related_articles_neighbours_and_a_link_to_copy() {
    // A browser without a share sheet: the control copies the link.
    let _sheet = ShareSheet::stand_in(&JsValue::UNDEFINED);
    let reader = Mounted::at(&format!("#/article/{US}")).await;
    assert_eq!(reader.texts(".ar-article__reading"), ["3 min read"]);
    assert_eq!(reader.texts(".ar-related a").len(), 1, "the UK article shares Pakistan and Diplomacy");
    assert_eq!(reader.texts(".ar-pager__label"), ["Newer"]);
    settled().await;
    assert_eq!(reader.texts("button[part=share]"), ["Copy link"]);
    reader.click("button", "Copy link");
    link_copied_or_shown(&reader, US).await;
    reader.click(".ar-pager a", "Newer");
    reader.until("the newer article opens", |r| r.texts("h1").iter().any(|t| t.contains("UK discuss"))).await;
}

#[wasm_bindgen_test]
async fn follows_and_read_marks_survive_a_reload() {
    forget_preferences();
    let reader = Mounted::at(&format!("#/article/{UK}")).await;
    let follow = reader
        .all("button.ar-follow")
        .into_iter()
        .find(|b| b.get_attribute("aria-label").as_deref() == Some("Follow Afghanistan"))
        .unwrap();
    follow.dyn_into::<HtmlElement>().unwrap().click();
    reader
        .until("the tag is followed", |r| r.texts(".ar-views__link").iter().any(|t| t == "Following (1)"))
        .await;
    drop(reader);

    let reader = Mounted::at("#/").await;
    let read: Vec<String> =
        reader.all(".ar-card--read").iter().filter_map(|c| c.get_attribute("data-article")).collect();
    assert_eq!(read, [UK], "the opened article is marked read");
    assert!(reader.texts(".ar-views__link").iter().any(|t| t == "Following (1)"));
    reader.click("a.ar-views__link", "Following");
    reader.until("the following view", |r| r.one(".ar-following").is_some()).await;
    assert_eq!(
        reader.headlines(),
        ["Pakistan, UK discuss regional security, cross-border attacks as senior official visits Islamabad"]
    );
    forget_preferences();
}

#[wasm_bindgen_test]
async fn the_keyboard_reads_the_feed() {
    let reader = Mounted::at("#/").await;
    press("j");
    assert_eq!(focused_article().as_deref(), Some(UK));
    press("j");
    assert_eq!(focused_article().as_deref(), Some(US));
    press("k");
    press("j");
    press("Enter");
    reader.until("Enter opens the focused article", |r| r.one("h1.ar-article__title").is_some()).await;
    assert_eq!(gloo::utils::document().active_element().map(|e| e.tag_name()).as_deref(), Some("H1"));
    press("Escape");
    reader.until("Escape returns to the feed", |r| r.headlines().len() == 2).await;
    reader.until("focus is back on the card", |_| focused_article().as_deref() == Some(US)).await;

    press("?");
    reader.until("the help opens", |r| r.one("dialog[open]").is_some()).await;
    assert!(reader.texts("dialog[open] dd").iter().any(|t| t == "next or previous article"));
    press("Escape");
    reader.until("Escape closes the help", |r| r.one("dialog[open]").is_none()).await;

    press("/");
    let active = gloo::utils::document().active_element().unwrap();
    assert!(active.class_list().contains("ar-search__input"), "/ focuses the search");
    press("j");
    settled().await;
    assert!(
        gloo::utils::document().active_element().unwrap().class_list().contains("ar-search__input"),
        "no shortcut while typing"
    );
}

#[wasm_bindgen_test]
async fn an_arabic_feed_reads_right_to_left_with_an_arabic_interface() {
    speak("ar");
    let item = r#"{"id": "1", "title": "باكستان وبريطانيا تبحثان الأمن الإقليمي", "summary": "زيارة المبعوث البريطاني", "content_text": "إسلام آباد: بحث مسؤولون باكستانيون وبريطانيون التحديات الأمنية.", "date_published": "2026-01-20T10:00:00+05:00", "tags": ["باكستان", "المملكة المتحدة"]}"#;
    let json = feed_json(&[item.to_owned()])
        .replace(r#""title": "Test feed""#, r#""title": "أخبار", "language": "ar""#);
    let options = ReaderOptions {
        src: Ok(FeedLocation::Url(blob_url(&json))),
        routing: Routing::Hash,
        ..ReaderOptions::default()
    };
    let reader = Mounted::with_options("#/", options).await;
    reader.until("the feed shows", |r| r.headlines().len() == 1).await;
    let app = reader.one(".ar-app").unwrap();
    assert_eq!(app.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(app.get_attribute("lang").as_deref(), Some("ar"));
    let direction = gloo::utils::window()
        .get_computed_style(&app)
        .unwrap()
        .unwrap()
        .get_property_value("direction")
        .unwrap();
    assert_eq!(direction, "rtl");
    let placeholder = reader.one(".ar-search__input").unwrap().get_attribute("placeholder");
    assert_eq!(placeholder.as_deref(), Some("بحث"));
    assert_eq!(reader.one("[aria-live=polite]").unwrap().text_content().unwrap(), "عرض مقالة واحدة");
    type_search(&reader, "اسلام اباد");
    reader
        .until("Arabic search ignores the hamza forms", |r| {
            r.headlines().len() == 1
                && r.one(".ar-filter__status")
                    .is_some_and(|s| s.text_content().unwrap_or_default().contains("1 من"))
        })
        .await;
}

#[wasm_bindgen_test]
async fn a_footnote_link_moves_within_the_article_and_leaves_the_address_alone() {
    let body = "<p>A claim.<sup id=\"ref1\"><a href=\"#fn1\">1</a></sup></p>\
                <p>H<sub>2</sub>O, <abbr title=\"HyperText Markup Language\">HTML</abbr>, <del>old</del> <ins>new</ins>.</p>\
                <ol><li id=\"fn1\">The note. <a href=\"#ref1\">back</a></li></ol>\
                <video src=\"https://media.example/clip.mp4\" autoplay muted>No player.</video>";
    let item = serde_json::json!({ "id": "noted", "title": "Noted", "content_html": body }).to_string();
    let reader = Mounted::with_feed("#/article/noted", &feed_json(&[item])).await;
    reader.until("the article opens", |r| r.one(".ar-body sup a").is_some()).await;
    reader.click(".ar-body sup a", "1");
    let active =
        || gloo::utils::document().active_element().and_then(|e| e.get_attribute("id")).unwrap_or_default();
    reader.until("the note has the focus", |_| active().ends_with("-fn-fn1")).await;
    assert_eq!(gloo::utils::window().location().hash().unwrap(), "#/article/noted", "the address stays");
    reader.click(".ar-body li a", "back");
    reader.until("the claim has the focus again", |_| active().ends_with("-fn-ref1")).await;
    assert_eq!(reader.texts(".ar-body sub"), ["2"]);
    assert_eq!(
        reader.one(".ar-body abbr").and_then(|a| a.get_attribute("title")).as_deref(),
        Some("HyperText Markup Language")
    );
    let video = reader.one(".ar-body video").expect("a player");
    assert!(video.has_attribute("controls") && !video.has_attribute("autoplay"));
    assert_eq!(video.get_attribute("preload").as_deref(), Some("none"));
}

/// One dated article, for the interface's languages.
fn dated_feed() -> String {
    let item = r#"{"id": "1", "title": "Talks resume", "content_text": "Delegates met again.", "date_published": "2026-01-20T10:00:00Z", "tags": ["Pakistan"]}"#;
    feed_json(&[item.to_owned()])
}

#[wasm_bindgen_test]
async fn french_and_urdu_interfaces_from_the_host_s_lang_with_dates_in_their_language() {
    speak("fr");
    speak("ur");
    // (lang, the search's placeholder, the result, a word of the date, the direction)
    let cases = [
        ("fr", "Rechercher", "Tout est affiché\u{202f}: 1 article", "janvier", "ltr"),
        ("ur", "تلاش", "تمام 1 مضمون دکھائے جا رہے ہیں", "جنوری", "rtl"),
    ];
    for (lang, placeholder, result, month, dir) in cases {
        let options = ReaderOptions {
            src: Ok(FeedLocation::Url(blob_url(&dated_feed()))),
            lang: Some(lang.to_owned()),
            ..ReaderOptions::default()
        };
        let reader = Mounted::with_options("#/", options).await;
        reader.until("the feed shows", |r| r.headlines().len() == 1).await;
        let app = reader.one(".ar-app").unwrap();
        assert_eq!(app.get_attribute("lang").as_deref(), Some(lang));
        assert_eq!(app.get_attribute("dir").as_deref(), Some(dir));
        let search = reader.one(".ar-search__input").unwrap().get_attribute("placeholder");
        assert_eq!(search.as_deref(), Some(placeholder), "{lang}");
        assert_eq!(reader.one("[aria-live=polite]").unwrap().text_content().unwrap(), result);
        let date = reader.texts(".ar-date").join(" ");
        assert!(date.contains(month), "{lang}: {date}");
    }
}

#[wasm_bindgen_test]
async fn an_interface_language_whose_file_cannot_be_had_is_english_with_dates_in_that_language() {
    // No server here serves `lang/de.json`: the reader asks for it, hears 404, speaks English.
    let options = ReaderOptions {
        src: Ok(FeedLocation::Url(blob_url(&dated_feed()))),
        lang: Some("de".to_owned()),
        ..ReaderOptions::default()
    };
    let reader = Mounted::with_options("#/", options).await;
    reader.until("the feed shows", |r| r.headlines().len() == 1).await;
    let search = reader.one(".ar-search__input").unwrap().get_attribute("placeholder");
    assert_eq!(search.as_deref(), Some("Search"));
    assert_eq!(reader.one("[aria-live=polite]").unwrap().text_content().unwrap(), "Showing all 1 article");
    let date = reader.texts(".ar-date").join(" ");
    assert!(date.contains("Januar"), "{date}");
}
