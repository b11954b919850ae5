//! The hand-written fixture feeds (`tests/fixtures/`), one per format, imported as the command
//! line imports them. Each output must load in the reader with nothing skipped and equal its
//! expected document in `tests/fixtures/expected/` (run with `UPDATE_EXPECTED=1` to rewrite
//! those after a deliberate change, then read the diff). A table pins the mapping rules field by
//! field, one line per case.

use std::path::{Path, PathBuf};

use article_reader_core::load_feed;
use article_reader_importer::{import_feed, merge, ImportedFeed, MergeOptions, Merged};
use serde_json::Value;

const FIXTURES: &[&str] =
    &["rss-0.91.xml", "rss-0.92.xml", "rss-1.0.rdf", "rss-2.0.xml", "atom.xml", "feed.json"];

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn import(name: &str) -> ImportedFeed {
    let bytes = std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    import_feed(name, &bytes, None).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

/// Imports `names` together and checks that the reader loads every item written.
fn import_all(names: &[&str], options: &MergeOptions) -> Merged {
    let merged = merge(names.iter().map(|n| import(n)).collect(), options);
    assert!(merged.refused.is_empty(), "{names:?}: refused {:?}", merged.refused);
    let loaded =
        load_feed(&merged.json).unwrap_or_else(|e| panic!("{names:?}: the reader cannot load it: {e:?}"));
    assert!(loaded.skipped.is_empty(), "{names:?}: the reader skipped {:?}", loaded.skipped);
    assert_eq!(loaded.feed.articles.len(), merged.item_count, "{names:?}: every item loads");
    merged
}

fn items(merged: &Merged) -> Vec<Value> {
    let document: Value =
        serde_json::from_str(&merged.json).unwrap_or_else(|e| panic!("output is not JSON: {e:?}"));
    document["items"].as_array().cloned().unwrap_or_default()
}

#[test]
fn each_fixture_imports_to_its_expected_document() {
    for name in FIXTURES {
        let merged = import_all(&[name], &MergeOptions::default());
        let expected_path = fixture_path(&format!("expected/{name}.json"));
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&expected_path, format!("{}\n", merged.json)).unwrap_or_else(|e| panic!("{e:?}"));
        }
        let expected =
            std::fs::read_to_string(&expected_path).unwrap_or_else(|e| panic!("{expected_path:?}: {e:?}"));
        assert_eq!(merged.json, expected.trim_end(), "{name}: output differs from expected/{name}.json");
    }
}

#[test]
fn warnings_name_the_feed_the_position_and_the_item() {
    let cases: &[(&str, &[&str])] = &[
        ("rss-0.91.xml", &["rss-0.91.xml: item 3 (link \"https://wire.example.com/2024/empty\"): has neither a title nor any content; skipped"]),
        ("rss-0.92.xml", &[]),
        ("rss-1.0.rdf", &[]),
        ("rss-2.0.xml", &[]),
        ("atom.xml", &["atom.xml: item 4 (id \"tag:blog.example.org,2024:empty\"): has neither a title nor any content; skipped"]),
        ("feed.json", &[]),
    ];
    for (name, warnings) in cases {
        assert_eq!(import(name).warnings, *warnings, "{name}");
    }
}

/// `field` of the item `id` in the import of `fixture`, as text: strings as they are, arrays of
/// strings (tags) and of authors (names) joined with " | ", absent fields as "-".
fn field(items: &[Value], fixture: &str, id: &str, field: &str) -> String {
    let Some(item) = items.iter().find(|item| item["id"] == id) else {
        panic!("{fixture}: no item {id:?} in {items:#?}");
    };
    let value = field.split('.').fold(item, |value, key| &value[key]);
    match value {
        Value::Null => "-".to_owned(),
        Value::String(text) => text.clone(),
        Value::Array(list) => list
            .iter()
            .map(|v| {
                v.as_str().map(str::to_owned).unwrap_or_else(|| v["name"].as_str().unwrap_or("?").to_owned())
            })
            .collect::<Vec<_>>()
            .join(" | "),
        other => other.to_string(),
    }
}

#[test]
fn maps_each_field_by_the_rules() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str, &str)] = &[
        // Ids: the guid or id, else the link.
        ("rss-2.0.xml", "daily-4711", "url", "https://daily.example.com/world/2024/10/talks-resume"),
        ("rss-0.91.xml", "https://wire.example.com/2024/cafe-prices", "url", "https://wire.example.com/2024/cafe-prices"),
        ("atom.xml", "https://blog.example.org/journal/tea.html", "title", "Tea & biscuits"),
        // Titles: entities decoded, Atom HTML titles read as text; an untitled item has none.
        ("rss-0.91.xml", "https://wire.example.com/2024/cafe-prices", "title", "Café prices rise in Zürich"),
        ("rss-0.92.xml", "https://notes.example.org/bridge", "title", "-"),
        // Bodies: content:encoded over description; Atom html, xhtml and text; JSON text.
        ("rss-1.0.rdf", "https://yoman.example.co.il/a/1", "content_html", "<p>הכנסת אישרה הלילה את תקציב המדינה ברוב של 61 חברי כנסת.</p><p>הדיון נמשך <em>עשר שעות</em>.</p>"),
        ("rss-0.91.xml", "https://wire.example.com/2024/cafe-prices", "content_html", "<p>Prices rose <b>4%</b> in a year, the city said. Owners blamed rent.</p>"),
        ("atom.xml", "https://blog.example.org/journal/tea.html", "content_html", "<p>Tea at <strong>four</strong>. <a href=\"https://blog.example.org/journal/recipes/scones\">Scones</a>.</p>"),
        ("atom.xml", "tag:blog.example.org,2024:desert", "content_text", "مشينا في الصحراء طوال اليوم.\n\nوفي المساء أشعلنا ناراً."),
        ("rss-0.91.xml", "https://wire.example.com/2024/port-strike", "content_text", ""),
        // Summaries: the feed's own, as text, else the first sentences of the body.
        ("rss-2.0.xml", "daily-4711", "summary", "Negotiators met again on Thursday."),
        ("atom.xml", "tag:blog.example.org,2024:valley", "summary", "A day's walk up the valley."),
        ("rss-2.0.xml", "https://daily.example.com/world/briefing", "summary", "A short briefing with no date & no guid."),
        ("rss-0.91.xml", "https://wire.example.com/2024/port-strike", "summary", "-"),
        // Dates: RFC 3339 in UTC; an update equal to the publication is not repeated.
        ("rss-2.0.xml", "daily-4711", "date_published", "2024-10-24T04:30:00Z"),
        ("rss-2.0.xml", "daily-4711", "date_modified", "-"),
        ("rss-1.0.rdf", "https://yoman.example.co.il/a/1", "date_published", "2024-03-14T21:10:00Z"),
        ("atom.xml", "tag:blog.example.org,2024:valley", "date_modified", "2024-11-02T14:00:00Z"),
        ("feed.json", "desk-1", "date_published", "2024-10-28T04:00:00Z"),
        ("rss-2.0.xml", "https://daily.example.com/world/briefing", "date_published", "-"),
        // Authors: names without the email; the feed's author when the entry has none.
        ("rss-2.0.xml", "daily-4711", "authors", "World Desk"),
        ("rss-2.0.xml", "https://daily.example.com/world/2024/10/cairo-museum", "authors", "سارة أحمد"),
        ("atom.xml", "https://blog.example.org/journal/tea.html", "authors", "Ana Field"),
        ("feed.json", "desk-2", "authors", "Kim"),
        // Tags: label else term, trimmed, merged case-insensitively (the first spelling wins).
        ("rss-2.0.xml", "daily-4711", "tags", "Diplomacy | Switzerland"),
        ("atom.xml", "tag:blog.example.org,2024:valley", "tags", "Hiking | photo"),
        ("rss-0.92.xml", "https://notes.example.org/bridge", "tags", "Transport"),
        ("feed.json", "desk-1", "tags", "Markets | Economy"),
        // Language: the content's xml:lang, else the feed's.
        ("atom.xml", "tag:blog.example.org,2024:desert", "language", "ar"),
        ("rss-1.0.rdf", "https://yoman.example.co.il/a/2", "language", "he"),
        // Images: JSON image, media thumbnail, image media content, image enclosure, the logo.
        ("feed.json", "desk-1", "image", "https://desk.example.com/images/markets.jpg"),
        ("feed.json", "desk-2", "image", "https://desk.example.com/banner.jpg"),
        ("rss-2.0.xml", "daily-4711", "image", "https://cdn.daily.example.com/thumbs/geneva.jpg"),
        ("rss-2.0.xml", "https://daily.example.com/world/briefing", "image", "https://daily.example.com/media/briefing.webp"),
        ("rss-2.0.xml", "https://daily.example.com/world/2024/10/cairo-museum", "image", "https://cdn.daily.example.com/cairo.png"),
        ("rss-0.92.xml", "https://notes.example.org/bridge", "image", "https://notes.example.org/img/bridge.jpg"),
        ("atom.xml", "tag:blog.example.org,2024:valley", "image", "https://blog.example.org/journal/2024/11/valley.png"),
        ("atom.xml", "https://blog.example.org/journal/tea.html", "image", "https://blog.example.org/journal/images/logo.png"),
        ("rss-0.91.xml", "https://wire.example.com/2024/cafe-prices", "image", "https://wire.example.com/logo.png"),
        ("rss-1.0.rdf", "https://yoman.example.co.il/a/2", "image", "-"),
        // Captions and credits from media RSS; the reader's own extension passes through.
        ("rss-2.0.xml", "daily-4711", "_article_reader.image_caption", "Delegates arrive at the Palais des Nations."),
        ("rss-2.0.xml", "daily-4711", "_article_reader.image_credit", "Reuters"),
        ("feed.json", "desk-1", "_article_reader.highlights", "Stocks up | Bonds flat"),
        ("feed.json", "desk-1", "_article_reader.image_credit", "AFP"),
        // Relative links: xml:base, the feed's link, the article's address for its body.
        ("atom.xml", "tag:blog.example.org,2024:valley", "url", "https://blog.example.org/journal/2024/11/valley.html"),
        ("atom.xml", "tag:blog.example.org,2024:valley", "content_html", "<p>We walked up the valley. <img src=\"https://blog.example.org/journal/2024/11/photos/ridge.jpg\" alt=\"The ridge\"></p><p><a href=\"https://blog.example.org/journal/map\">Map</a></p>"),
        ("rss-0.91.xml", "https://wire.example.com/2024/port-strike", "url", "https://wire.example.com/2024/port-strike"),
        ("rss-0.92.xml", "https://notes.example.org/sakura-news", "content_html", "<p>東京で桜が満開になった。<a href=\"https://notes.example.org/sakura\">写真</a></p>"),
        ("feed.json", "desk-1", "content_html", "<p>Markets opened higher on Monday.</p><p><img src=\"https://desk.example.com/charts/1.png\" alt=\"Chart\"></p>"),
    ];
    let imported: Vec<(&str, Vec<Value>)> =
        FIXTURES.iter().map(|name| (*name, items(&import_all(&[name], &MergeOptions::default())))).collect();
    for (fixture, id, name, expected) in cases {
        let Some((_, items)) = imported.iter().find(|(n, _)| n == fixture) else {
            panic!("no fixture {fixture}");
        };
        assert_eq!(field(items, fixture, id, name), *expected, "{fixture}, item {id:?}, {name}");
    }
}

#[test]
fn hostile_html_leaves_only_the_allowlist() {
    let merged = import_all(&["rss-2.0.xml"], &MergeOptions::default());
    let html = field(&items(&merged), "rss-2.0.xml", "daily-4711", "content_html");
    let expected = "<p>Negotiators met again on Thursday <a href=\"https://daily.example.com/world/background.html\">after a pause</a>.</p>\n<figure><img src=\"https://daily.example.com/world/2024/10/img/geneva.jpg\" alt=\"The Palais des Nations\"><figcaption>Geneva, <em>Thursday</em></figcaption></figure>\n\n<p>Both sides called the day <strong>constructive</strong>.</p>\n\n<p><a>a trap</a> and <a>another</a></p>";
    assert_eq!(html, expected);
    for banned in [
        "script",
        "iframe",
        "onclick",
        "onerror",
        "style",
        "class",
        "javascript",
        "evil.example",
        "frame text",
    ] {
        assert!(!html.to_ascii_lowercase().contains(banned), "{banned} survived in {html}");
    }
}

#[test]
fn many_feeds_merge_newest_first_without_duplicates() {
    let merged = import_all(FIXTURES, &MergeOptions::default());
    let ids: Vec<String> =
        items(&merged).iter().map(|i| i["id"].as_str().unwrap_or("?").to_owned()).collect();
    assert_eq!(
        ids,
        [
            "tag:blog.example.org,2024:valley",
            "https://blog.example.org/journal/tea.html",
            "tag:blog.example.org,2024:desert",
            "desk-1",
            "desk-2",
            "daily-4711",
            "https://daily.example.com/world/2024/10/cairo-museum",
            "shared-1",
            "https://yoman.example.co.il/a/2",
            "https://yoman.example.co.il/a/1",
            // Undated, in input order.
            "https://wire.example.com/2024/cafe-prices",
            "https://wire.example.com/2024/port-strike",
            "https://notes.example.org/bridge",
            "https://notes.example.org/sakura-news",
            "https://daily.example.com/world/briefing",
        ]
    );
    assert_eq!(
        merged.notes,
        [
            "feed.json: item 3 (id \"shared-1\"): repeats the id of rss-2.0.xml: item 4 (id \"shared-1\"); the first is kept",
            "feed.json: item 4 (id \"desk-3\"): repeats the URL of rss-2.0.xml: item 4 (id \"shared-1\"); the first is kept",
        ]
    );
    let document: Value = serde_json::from_str(&merged.json).unwrap_or_default();
    assert_eq!(
        document["title"],
        "Wire Desk 0.91 · Notes 0.92 · יומן חדשות · The Daily Example · Field Journal · Desk JSON"
    );
    assert_eq!(document["home_page_url"], Value::Null, "no one home page for many feeds");
}

#[test]
fn the_title_and_item_limit_come_from_the_options() {
    let options = MergeOptions { title: Some("  My news  ".to_owned()), max_items: Some(2) };
    let merged = import_all(&["rss-2.0.xml", "atom.xml"], &options);
    let document: Value = serde_json::from_str(&merged.json).unwrap_or_default();
    assert_eq!(document["title"], "My news");
    let ids: Vec<&str> =
        document["items"].as_array().into_iter().flatten().filter_map(|i| i["id"].as_str()).collect();
    assert_eq!(ids, ["tag:blog.example.org,2024:valley", "https://blog.example.org/journal/tea.html"]);
    assert_eq!(merged.notes.len(), 5, "{:?}", merged.notes);
    assert_eq!(
        merged.notes[0],
        "atom.xml: item 3 (id \"tag:blog.example.org,2024:desert\"): past the 2 newest items; left out"
    );
}
