//! Feeds fetched at run time: progress, fatal errors in an alert, skipped items in a notice.

use article_reader::{FeedLocation, ReaderOptions};
use wasm_bindgen_test::*;

use super::support::{blob_url, blob_url_of_type, feed_json, speak, Mounted};

fn item(id: &str, content: bool) -> String {
    if content {
        format!(r#"{{"id": "{id}", "title": "Article {id}", "content_text": "Body of {id}."}}"#)
    } else {
        format!(r#"{{"id": "{id}", "title": "Article {id}"}}"#)
    }
}

#[wasm_bindgen_test]
async fn a_fetched_feed_replaces_the_bundled_one() {
    let json = feed_json(&[item("one", true), item("two", true)]);
    let reader = Mounted::with_feed("#/", &json).await;
    reader.until("the fetched feed shows", |r| r.headlines().len() == 2).await;
    assert_eq!(reader.headlines(), ["Article one", "Article two"]);
    assert_eq!(reader.texts(".ar-masthead__title"), ["Test feed"]);
    assert!(reader.one(".ar-notice").is_none(), "no notice for a clean feed");
}

#[wasm_bindgen_test]
async fn a_fatal_error_is_an_alert_that_says_where() {
    let reader = Mounted::with_feed(
        "#/",
        "{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"title\": \"T\"\n  \"items\": []\n}",
    )
    .await;
    reader.until("an alert shows", |r| r.one("[role=alert]").is_some()).await;
    let alert = reader.texts("[role=alert]").join(" ");
    assert!(alert.contains("This feed cannot be shown"), "{alert}");
    assert!(alert.contains("The feed is not valid JSON: expected `,` or `}` (line 4, column 3)."), "{alert}");
    assert!(reader.one("[role=feed]").is_none());
}

#[wasm_bindgen_test]
async fn an_html_page_where_the_feed_should_be_says_so() {
    let page = "<!DOCTYPE html><html><head><title>Not found</title></head><body>Sorry.</body></html>";
    let url = blob_url_of_type(page, "text/html");
    let options = ReaderOptions { src: Ok(FeedLocation::Url(url.clone())), ..ReaderOptions::default() };
    let reader = Mounted::with_options("#/", options).await;
    reader.until("an alert shows", |r| r.one("[role=alert]").is_some()).await;
    let alert = reader.texts("[role=alert]").join(" ");
    let expected =
        format!("The feed at {url} returned an HTML page, not a JSON Feed (served as \"text/html\").");
    assert!(alert.contains(&expected), "{alert}");
}

#[wasm_bindgen_test]
async fn a_byte_order_mark_before_the_feed_is_skipped() {
    let json = format!("\u{feff}{}", feed_json(&[item("one", true)]));
    let reader = Mounted::with_feed("#/", &json).await;
    reader.until("the feed shows", |r| r.headlines() == ["Article one"]).await;
}

#[wasm_bindgen_test]
async fn a_feed_without_items_is_fatal() {
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T"}"#;
    let reader = Mounted::with_feed("#/", json).await;
    reader.until("an alert shows", |r| r.one("[role=alert]").is_some()).await;
    assert!(reader.texts("[role=alert]").join(" ").contains("The feed's `items` is missing."));
}

#[wasm_bindgen_test]
async fn three_bad_items_of_ten_leave_seven_articles_and_a_dismissible_notice() {
    let items: Vec<String> = (1..=10).map(|n| item(&format!("n{n}"), n % 3 != 0)).collect();
    let reader = Mounted::with_feed("#/", &feed_json(&items)).await;
    reader.until("the feed shows", |r| r.one("[role=feed]").is_some()).await;
    assert_eq!(reader.headlines().len(), 7);
    assert_eq!(reader.texts(".ar-notice__summary"), ["3 items of this feed could not be shown:"]);
    assert_eq!(
        reader.texts(".ar-notice__list li"),
        [3, 6, 9].map(|n| format!(
            "item {n} (id \"n{n}\"): content_html and content_text are both missing; an item needs one"
        ))
    );
    reader.click("button", "Dismiss");
    reader.until("the notice is gone", |r| r.one(".ar-notice").is_none()).await;
    assert_eq!(reader.headlines().len(), 7, "the articles stay");
}

#[wasm_bindgen_test]
async fn a_missing_feed_names_the_status_and_the_url() {
    let options =
        ReaderOptions { src: Ok(FeedLocation::Url("no-such-feed.json".into())), ..ReaderOptions::default() };
    let reader = Mounted::with_options("#/", options).await;
    reader.until("an alert shows", |r| r.one("[role=alert]").is_some()).await;
    let alert = reader.texts("[role=alert]").join(" ");
    assert!(
        alert.contains("The feed at no-such-feed.json could not be loaded: the server answered 404"),
        "{alert}"
    );
}

#[wasm_bindgen_test]
async fn a_feed_over_the_size_limit_is_refused_in_words() {
    let json = feed_json(&[item("one", true)]);
    let mut options =
        ReaderOptions { src: Ok(FeedLocation::Url(blob_url(&json))), ..ReaderOptions::default() };
    options.limits.max_feed_bytes = 50;
    let reader = Mounted::with_options("#/", options).await;
    reader.until("an alert shows", |r| r.one("[role=alert]").is_some()).await;
    let alert = reader.texts("[role=alert]").join(" ");
    assert!(alert.contains("larger than the 50 bytes this reader accepts"), "{alert}");
}

#[wasm_bindgen_test]
async fn the_item_limit_is_told_in_the_interface_language() {
    speak("ar");
    let items: Vec<String> = (1..=3).map(|n| item(&format!("n{n}"), true)).collect();
    let mut options = ReaderOptions {
        src: Ok(FeedLocation::Url(blob_url(&feed_json(&items)))),
        lang: Some("ar".to_owned()),
        ..ReaderOptions::default()
    };
    options.limits.max_items = 2;
    let reader = Mounted::with_options("#/", options).await;
    reader.until("the feed shows", |r| r.headlines().len() == 2).await;
    assert_eq!(
        reader.texts(".ar-notice__summary"),
        ["تضم هذه الخلاصة 3 عناصر؛ يعرض القارئ أول 2 منها، وهذا حدّه."]
    );
}

/// `text` without the directional isolates Arabic messages put around each value.
fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// The Latin-letter words of `text` once the URL and what the feed holds (quoted) are taken out.
fn latin_words(text: &str, url: &str) -> Vec<String> {
    let text = text.replace(url, "");
    let unquoted: String = text.split('"').step_by(2).collect();
    unquoted
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

#[wasm_bindgen_test]
async fn under_an_arabic_interface_a_feed_that_cannot_be_fetched_is_explained_in_arabic() {
    speak("ar");
    let options = ReaderOptions {
        src: Ok(FeedLocation::Url("no-such-feed.json".into())),
        lang: Some("ar".to_owned()),
        ..ReaderOptions::default()
    };
    let reader = Mounted::with_options("#/", options).await;
    reader.until("an alert shows", |r| r.one("[role=alert]").is_some()).await;
    let alert = plain(&reader.texts("[role=alert]").join(" "));
    assert!(alert.contains("لا يمكن عرض هذه الخلاصة"), "{alert}");
    assert!(alert.contains("تعذّر تحميل الخلاصة من no-such-feed.json: أجاب الخادم بالرمز 404."), "{alert}");
    assert_eq!(latin_words(&alert, "no-such-feed.json"), Vec::<String>::new(), "{alert}");
}

#[wasm_bindgen_test]
async fn under_an_arabic_interface_a_skipped_item_is_explained_in_arabic() {
    speak("ar");
    let items =
        [item("one", true), r#"{"title": "No id", "content_text": "x"}"#.to_owned(), item("three", false)];
    let options = ReaderOptions {
        src: Ok(FeedLocation::Url(blob_url(&feed_json(&items)))),
        lang: Some("ar".to_owned()),
        ..ReaderOptions::default()
    };
    let reader = Mounted::with_options("#/", options).await;
    reader.until("the feed shows", |r| r.one("[role=feed]").is_some()).await;
    assert_eq!(reader.headlines(), ["Article one"]);
    assert_eq!(reader.texts(".ar-notice__summary"), ["تعذّر عرض عنصرين من هذه الخلاصة:"]);
    let problems: Vec<String> = reader.texts(".ar-notice__list li").iter().map(|p| plain(p)).collect();
    assert_eq!(
        problems,
        [
            "العنصر 2: الحقل «المعرّف» مفقود",
            "العنصر 3 (المعرّف \"three\"): لا «المحتوى المنسّق» في العنصر ولا «المحتوى النصي»؛ يحتاج العنصر أحدهما",
        ]
    );
    for problem in &problems {
        assert_eq!(latin_words(problem, ""), Vec::<String>::new(), "{problem}");
    }
}

#[wasm_bindgen_test]
async fn a_search_typed_before_a_large_feeds_index_is_ready_says_so_then_answers() {
    // Enough text that folding it takes more than one slice of the event loop.
    let filler = "Talks resumed in the capital as delegates met again. ".repeat(40);
    let items: Vec<String> = (1..=3000)
        .map(|n| {
            let word = if n == 2 || n == 2999 { " zebrafish" } else { "" };
            format!(r#"{{"id": "n{n}", "title": "Article {n}", "content_text": "{filler}{word}"}}"#)
        })
        .collect();
    let options = ReaderOptions {
        src: Ok(FeedLocation::Text(feed_json(&items).into())),
        routing: article_reader::Routing::Hash,
        ..ReaderOptions::default()
    };
    let reader = Mounted::with_options("#/?q=zebrafish", options).await;
    // The feed is on screen at once; its search index is still being built.
    assert_eq!(
        reader.texts(".ar-filter__status"),
        ["Getting search ready: the results so far, more to come…"]
    );
    reader
        .until("the search is answered", |r| {
            r.texts(".ar-filter__status") == ["2 of 3,000 articles matching “zebrafish”"]
        })
        .await;
    assert_eq!(reader.headlines(), ["Article 2", "Article 2999"]);
}
