//! The loader's own cases: what each field becomes, and what is noted when it cannot be used.
//! The table of broken feeds and their messages is `tests/malformed_feeds.rs`.

use super::*;
use crate::interface::text::Ui;
use crate::model::{Article, Author, Body};
use crate::url::SafeUrl;

use crate::url::Base;

fn feed_with_items(items: &str) -> String {
    format!(r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": {items}}}"#)
}

fn load(items: &str) -> LoadedFeed {
    match load_feed(&feed_with_items(items)) {
        Ok(loaded) => loaded,
        Err(error) => panic!("fixture feed failed to load: {error:?}"),
    }
}

#[test]
fn reads_every_understood_field() {
    let loaded = load(
        r#"[{
            "id": "x", "title": "  Title ", "summary": "Sum", "content_html": "<p>Body</p>",
            "url": "https://e.com/x", "external_url": "https://other.com/",
            "image": "https://e.com/i.jpg", "date_published": "2024-10-24T10:00:00Z",
            "date_modified": "2024-10-25T10:00:00Z", "tags": [" Pakistan ", "pakistan", "US", ""],
            "authors": [{"name": "Desk", "url": "https://e.com/desk", "avatar": "https://e.com/d.png"}, {"avatar": "a.png"}],
            "banner_image": "https://e.com/b.jpg",
            "language": "en",
            "_article_reader": {"highlights": ["One", " "], "image_caption": "Cap", "image_credit": "AFP", "image_alt": "Alt"},
            "_unknown_extension": {"anything": [1, 2, 3]}
        }]"#,
    );
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    let article = &loaded.feed.articles[0];
    assert_eq!(article.title, "Title");
    assert_eq!(article.summary.as_deref(), Some("Sum"));
    assert_eq!(article.body, Body::Html("<p>Body</p>".to_owned()));
    assert_eq!(article.published.as_ref().map(|d| d.long_date()).as_deref(), Some("24 October 2024"));
    assert_eq!(article.updated.as_ref().map(|d| d.long_date()).as_deref(), Some("25 October 2024"));
    let tags: Vec<&str> = article.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tags, ["Pakistan", "US"]);
    assert_eq!(article.highlights, ["One"]);
    assert_eq!(
        article.authors,
        vec![Author {
            name: "Desk".into(),
            url: SafeUrl::parse("https://e.com/desk"),
            avatar: SafeUrl::parse_image("https://e.com/d.png"),
        }]
    );
    assert_eq!(article.banner.as_ref().map(SafeUrl::as_str), Some("https://e.com/b.jpg"));
    let image = article.image.as_ref();
    assert_eq!(image.and_then(|i| i.url.as_ref()).map(SafeUrl::as_str), Some("https://e.com/i.jpg"));
    assert_eq!(image.and_then(|i| i.caption.as_deref()), Some("Cap"));
    assert_eq!(image.and_then(|i| i.credit.as_deref()), Some("AFP"));
    assert_eq!(image.and_then(|i| i.alt.as_deref()), Some("Alt"));
    assert_eq!(article.language.as_deref(), Some("en"));
}

#[test]
fn a_language_written_as_a_posix_locale_is_its_bcp_47_tag() {
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "language": " en_GB ",
        "items": [{"id": "a", "content_text": "x", "language": "pt_BR"}, {"id": "b", "content_text": "y", "language": "  "}]}"#;
    let loaded = load_feed(json).unwrap_or_else(|error| panic!("{error:?}"));
    assert_eq!(loaded.feed.language.as_deref(), Some("en-GB"));
    let language =
        |id: &str| loaded.feed.articles.iter().find(|a| a.id.as_str() == id).and_then(|a| a.language.clone());
    assert_eq!(language("a").as_deref(), Some("pt-BR"));
    assert_eq!(language("b"), None);
}

#[test]
fn untitled_items_get_a_headline_from_their_text() {
    let long = "word ".repeat(40);
    let cases = [
        (
            r#"{"id": "a", "summary": "From summary", "content_text": "Body"}"#.to_owned(),
            "From summary".to_owned(),
        ),
        (r#"{"id": "a", "content_html": "<p>From <b>body</b></p>"}"#.to_owned(), "From body".to_owned()),
        (
            format!(r#"{{"id": "a", "content_text": "{long}"}}"#),
            format!("{}…", "word ".repeat(16).trim_end()),
        ),
        (r#"{"id": "a", "content_text": ""}"#.to_owned(), "Untitled".to_owned()),
    ];
    for (item, expected) in cases {
        let loaded = load(&format!("[{item}]"));
        assert_eq!(loaded.feed.articles[0].title, expected, "{item}");
    }
}

#[test]
fn orders_newest_first_with_undated_last() {
    let loaded = load(
        r#"[
            {"id": "undated-1", "content_text": "x"},
            {"id": "old", "content_text": "x", "date_published": "2020-01-01T00:00:00Z"},
            {"id": "updated-only", "content_text": "x", "date_modified": "2025-01-01T00:00:00Z"},
            {"id": "undated-2", "content_text": "x"},
            {"id": "new", "content_text": "x", "date_published": "2026-01-01T00:00:00Z"}
        ]"#,
    );
    let ids: Vec<&str> = loaded.feed.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["new", "updated-only", "old", "undated-1", "undated-2"]);
}

#[test]
fn accepts_json_feed_1_0_with_a_single_author() {
    let json = r#"{"version": "https://jsonfeed.org/version/1", "title": "Old", "items": [
        {"id": "1", "content_text": "x", "author": {"name": "Solo"}}]}"#;
    let loaded = load_feed(json).map_err(|e| Ui::default().feed_error(&e));
    let names: Vec<String> = loaded
        .map(|l| l.feed.articles[0].authors.iter().map(|a| a.name.clone()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["Solo"]);
}

#[test]
fn the_feeds_authors_stand_for_items_that_name_none() {
    let cases = [
        (r#""authors": [{"name": "Desk"}]"#, ["Own", "Desk"]),
        (r#""author": {"name": "Desk"}"#, ["Own", "Desk"]),
    ];
    for (feed_authors, expected) in cases {
        let json = format!(
            r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "T", {feed_authors}, "items": [
                {{"id": "1", "content_text": "x", "date_published": "2024-01-02T00:00:00Z", "authors": [{{"name": "Own"}}]}},
                {{"id": "2", "content_text": "x", "date_published": "2024-01-01T00:00:00Z"}}]}}"#
        );
        let loaded = load_feed(&json).map_err(|e| Ui::default().feed_error(&e));
        let names: Vec<String> = loaded
            .map(|l| {
                l.feed.articles.iter().map(|a| a.authors.iter().map(|au| au.name.clone()).collect()).collect()
            })
            .unwrap_or_default();
        assert_eq!(names, expected, "{feed_authors}");
    }
}

#[test]
fn an_identifier_in_url_is_the_articles_identity_never_a_link() {
    let loaded = load(
        r#"[{"id": "a", "content_text": "x", "url": "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427"},
            {"content_text": "x", "url": " TAG:example.com,2024:7 "}]"#,
    );
    assert!(
        loaded.skipped.is_empty() && loaded.left_out.is_empty(),
        "{:?} {:?}",
        loaded.skipped,
        loaded.left_out
    );
    let ids: Vec<&str> = loaded.feed.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "TAG:example.com,2024:7"]);
    assert!(loaded.feed.articles.iter().all(|a| a.url.is_none()));
}

#[test]
fn relative_urls_resolve_against_the_feed_and_a_body_against_its_article() {
    let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "home_page_url": "/", "items": [
        {"id": "1", "content_html": "<p><a href='b.html'>b</a> <a href='#fn1'>1</a> <img src='//cdn.example/i.png'> <span id='fn1'>note</span></p>",
         "url": "2024/post/", "external_url": "../other", "image": "img/a.png",
         "authors": [{"name": "A", "url": "people/a"}]},
        {"id": "2", "content_html": "<p><a href='b.html'>b</a> <img src='/i.png'></p>", "url": "tag:e.com,2024:2",
         "banner_image": "https://elsewhere.example/b.png"}]}"#;
    let feed_url = "https://feeds.example/news/feed.json";
    let loaded = load_feed_from(feed, &Limits::default(), &Native, Some(feed_url))
        .unwrap_or_else(|e| panic!("fixture feed: {e:?}"));
    let [first, second] = &loaded.feed.articles[..] else { panic!("two articles") };
    let text = |url: Option<&SafeUrl>| url.map(SafeUrl::as_str).unwrap_or("none").to_owned();
    let cases = [
        (text(loaded.feed.home_page_url.as_ref()), "https://feeds.example/"),
        (text(first.url.as_ref()), "https://feeds.example/news/2024/post/"),
        (text(first.external_url.as_ref()), "https://feeds.example/other"),
        (text(first.image.as_ref().and_then(|i| i.url.as_ref())), "https://feeds.example/news/img/a.png"),
        (text(first.authors[0].url.as_ref()), "https://feeds.example/news/people/a"),
        (text(second.url.as_ref()), "none"),
        (text(second.image.as_ref().and_then(|i| i.url.as_ref())), "https://elsewhere.example/b.png"),
    ];
    for (got, expected) in cases {
        assert_eq!(got, expected);
    }
    // A body resolves against its article's own address, else the feed's.
    let links = |article: &Article| -> Vec<String> {
        let base = Base { url: article.body_base(Some(feed_url)), platform: &Native };
        let blocks =
            article.body.blocks_with(|html| crate::content::native::blocks_from_html_with(html, &base));
        let mut urls = Vec::new();
        for block in blocks.iter() {
            let crate::content::Block::Paragraph(inlines) = block else { continue };
            for inline in inlines {
                match inline {
                    crate::content::Inline::Link { href, .. } => urls.push(href.as_str().to_owned()),
                    crate::content::Inline::Image(image) => urls.push(image.src.as_str().to_owned()),
                    _ => {}
                }
            }
        }
        urls
    };
    assert_eq!(
        links(first),
        ["https://feeds.example/news/2024/post/b.html", "#fn1", "https://cdn.example/i.png"]
    );
    assert_eq!(links(second), ["https://feeds.example/news/b.html", "https://feeds.example/i.png"]);
}

#[test]
fn authors_keep_safe_avatars_and_the_feed_says_when_it_expired() {
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "expired": true,
        "authors": [{"name": "Feed desk", "avatar": "img/desk.png"}],
        "items": [
          {"id": "a", "content_text": "x", "authors": [
            {"name": "Ana", "url": "/ana", "avatar": "javascript:alert(1)"},
            {"name": "Bo", "avatar": "data:image/png;base64,AAAA"}]},
          {"id": "b", "content_text": "y"}]}"#;
    let loaded =
        match load_feed_from(json, &Limits::default(), &Native, Some("https://e.example/f/feed.json")) {
            Ok(loaded) => loaded,
            Err(error) => panic!("{error:?}"),
        };
    assert!(loaded.feed.expired);
    let avatars = |id: &str| -> Vec<Option<String>> {
        loaded.feed.article(id).map_or(Vec::new(), |article| {
            article.authors.iter().map(|a| a.avatar.as_ref().map(|u| u.as_str().to_owned())).collect()
        })
    };
    // A script URL is left out with a note; the author still shows.
    assert_eq!(avatars("a"), [None, None]);
    assert!(loaded
        .left_out
        .iter()
        .any(|p| p.field == "authors" && matches!(p.reason, Reason::NotALink { part: Some("avatar"), .. })));
    assert_eq!(avatars("b"), [Some("https://e.example/f/img/desk.png".to_owned())]);
    let not_expired = load_feed(&feed_with_items(r#"[{"id": "a", "content_text": "x"}]"#));
    assert!(not_expired.is_ok_and(|loaded| !loaded.feed.expired));
}

#[test]
fn attachments_keep_what_is_usable() {
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
        {"id": "a", "content_text": "x", "attachments": [
          {"url": "ep1.mp3", "mime_type": "Audio/MPEG", "title": "Episode 1", "size_in_bytes": 42000000, "duration_in_seconds": 2712.5},
          {"url": "javascript:alert(1)", "mime_type": "audio/mpeg"},
          {"url": "ep1.pdf"},
          {"url": "notes.pdf", "mime_type": "application/pdf", "size_in_bytes": "big"},
          "not an object"]}]}"#;
    let loaded =
        match load_feed_from(json, &Limits::default(), &Native, Some("https://e.example/pod/feed.json")) {
            Ok(loaded) => loaded,
            Err(error) => panic!("{error:?}"),
        };
    let attachments = &loaded.feed.articles[0].attachments;
    assert_eq!(attachments.len(), 2, "{attachments:?}");
    assert_eq!(attachments[0].url.as_str(), "https://e.example/pod/ep1.mp3");
    assert_eq!(attachments[0].mime_type, "audio/mpeg");
    assert_eq!(
        (attachments[0].size_in_bytes, attachments[0].duration_in_seconds),
        (Some(42_000_000), Some(2712))
    );
    assert_eq!((attachments[1].mime_type.as_str(), attachments[1].size_in_bytes), ("application/pdf", None));
    let notes: Vec<&Reason> =
        loaded.left_out.iter().filter(|p| p.field == "attachments").map(|p| &p.reason).collect();
    assert_eq!(notes.len(), 4, "{notes:?}");
    assert_eq!(
        notes[0],
        &Reason::NotALink { part: Some("url"), text: "javascript:alert(1)".to_owned() },
        "{notes:?}"
    );
}
