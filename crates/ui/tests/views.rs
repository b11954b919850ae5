//! The views rendered natively by the server renderer: the HTML a reader shows, read with no
//! browser. Each case is a reader (options, feed, language, route) and what its HTML must hold
//! and must not. Every render here also proves the invariant that render functions touch no
//! web API: natively, any call into the browser panics.
#![cfg(feature = "ssr")]

use article_reader::server::{render, Prerender};

const UK_TALKS: &str = r##"<a href="#/article/pakistan-uk-regional-security-talks" class="ar-card__link">"##;
const KHAN_LETTER: &str =
    r##"<a href="#/article/pakistan-us-lawmakers-letter-khan-release" class="ar-card__link">"##;

/// A feed of one Arabic article, inline.
const ARABIC_FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"أخبار","language":"ar",
  "items":[{"id":"a1","title":"محادثات في إسلام آباد","content_text":"نص المقالة.","date_published":"2024-10-25T00:00:00Z","tags":["باكستان"]}]}"#;

fn standalone(fragment: Option<&str>) -> Prerender {
    Prerender {
        standalone: true,
        language: "en".to_owned(),
        fragment: fragment.map(str::to_owned),
        ..Prerender::default()
    }
}

fn embedded(attributes: &[(&str, &str)], inline_feed: Option<&str>) -> Prerender {
    Prerender {
        attributes: attributes.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect(),
        inline_feed: inline_feed.map(str::to_owned),
        language: "en".to_owned(),
        ..Prerender::default()
    }
}

#[test]
fn views_render_natively() {
    // (what, the reader, what its HTML holds, what it must not)
    let cases: Vec<(&str, Prerender, Vec<&str>, Vec<&str>)> = vec![
        (
            "the feed: both headlines and the tags as links, in the feed, marked for hydration",
            standalone(None),
            vec![
                r#"role="feed""#,
                UK_TALKS,
                KHAN_LETTER,
                r##"<a part="tag" href="#/?tag=imran%20khan" class="ar-tag">Imran Khan</a>"##,
                "Showing all 2 articles",
                r#"role="main""#,
                "ar-prerendered",
                "data-ar-prerender=",
                "20 January 2026",
            ],
            vec!["role=\"alert\""],
        ),
        (
            "a filtered feed: only the articles with the tag",
            embedded(&[("tags", "Imran Khan")], None),
            vec![KHAN_LETTER, "1 of 2 articles tagged Imran Khan", r#"aria-pressed="true""#],
            vec![UK_TALKS, r#"role="main""#],
        ),
        (
            "an article: its headline as the page's heading and its body",
            standalone(Some("#/article/pakistan-uk-regional-security-talks")),
            vec![
                "<h1",
                "Pakistan, UK discuss regional security, cross-border attacks as senior official visits Islamabad",
                "ISLAMABAD: Pakistani and British officials have discussed regional security challenges",
                r##"<a part="back-link" href="#/" class="ar-back">"##,
            ],
            vec![r#"role="feed""#],
        ),
        (
            "not found: an id the feed does not have",
            standalone(Some("#/article/no-such-article")),
            vec!["There is no article with the id “no-such-article” in this feed."],
            vec![r#"role="feed""#],
        ),
        (
            "the error view: a feed that is not JSON",
            embedded(&[], Some("{\"items\": [")),
            vec![r#"role="alert""#, "This feed cannot be shown"],
            vec![r#"role="feed""#],
        ),
        (
            "an Arabic feed: right to left, the interface and dates in Arabic",
            embedded(&[], Some(ARABIC_FEED)),
            vec![
                r#"lang="ar" dir="rtl""#,
                "محادثات في إسلام آباد",
                r##"href="#/article/a1""##,
                "المقالات",
                "25 أكتوبر 2024",
            ],
            vec!["Showing all", "Articles"],
        ),
        (
            "the Arabic interface on an English feed, from the host's lang",
            embedded(&[("lang", "ar")], None),
            vec![r#"dir="rtl""#, "انتقل إلى المقالات", KHAN_LETTER],
            vec!["Skip to articles"],
        ),
        (
            "the Urdu interface, its table compiled in natively",
            embedded(&[("lang", "ur")], None),
            vec![r#"lang="ur" dir="rtl""#, "مضامین پر جائیں", r#"placeholder="تلاش""#],
            vec!["Skip to articles"],
        ),
        (
            "the French interface, from the host's lang",
            embedded(&[("lang", "fr")], None),
            vec![r#"lang="fr" dir="ltr""#, "Aller aux articles", r#"placeholder="Rechercher""#],
            vec!["Skip to articles"],
        ),
    ];
    for (what, reader, holds, lacks) in cases {
        let html = render(reader);
        for needle in holds {
            assert!(html.contains(needle), "{what}: no {needle:?} in\n{html}");
        }
        for needle in lacks {
            assert!(!html.contains(needle), "{what}: {needle:?} should not be in\n{html}");
        }
    }
}

#[test]
fn the_mark_names_the_options_and_the_language() {
    let mark = |reader: Prerender| {
        let html = render(reader);
        let at = html.find("data-ar-prerender=\"").map(|at| at + 19).expect("a mark");
        html[at..].split('"').next().map(str::to_owned).unwrap_or_default()
    };
    // The key, the language taken for the browser's, the interface's language (whose table a
    // hydration needs).
    let plain = mark(embedded(&[], None));
    assert!(plain.ends_with(" en en"), "{plain}");
    assert_eq!(plain, mark(embedded(&[], None)), "the same reader, the same mark");
    assert_ne!(plain, mark(embedded(&[("layout", "cards")], None)), "other options, another mark");
    assert_ne!(plain, mark(embedded(&[], Some(ARABIC_FEED))), "another feed, another mark");
    let arabic = Prerender { language: "ar".to_owned(), ..embedded(&[], None) };
    assert_eq!(mark(arabic).split(' ').nth(1), Some("ar"));
    let french = mark(embedded(&[("lang", "fr-CA")], None));
    assert!(french.ends_with(" en fr"), "{french}");
}

#[test]
fn an_article_keeps_its_language_and_the_page_around_it_the_interfaces() {
    let urdu = Prerender {
        fragment: Some("#/article/pakistan-uk-regional-security-talks".to_owned()),
        ..embedded(&[("lang", "ur")], None)
    };
    let html = render(urdu);
    // The start tag that holds `needle`.
    let tag = |needle: &str| {
        let at = html.find(needle).unwrap_or_else(|| panic!("no {needle:?} in\n{html}"));
        let start = html[..at].rfind('<').unwrap_or_default();
        html[start..].split('>').next().unwrap_or_default().to_owned()
    };
    let article = tag("class=\"ar-article\"");
    assert!(!article.contains("dir="), "the article's frame takes the interface's direction: {article}");
    for content in ["class=\"ar-article__title\"", "class=\"ar-body\"", "class=\"ar-highlights\""] {
        let found = tag(content);
        assert!(found.contains(r#"lang="en""#) && found.contains(r#"dir="ltr""#), "{content}: {found}");
    }
    let pager = tag("class=\"ar-pager__title\"");
    assert!(pager.contains(r#"lang="en""#), "another article's title in its language: {pager}");
    let back = tag("class=\"ar-back\"");
    assert!(!back.contains("lang="), "{back}");
    assert!(html.contains(r#"lang="ur" dir="rtl""#), "the reader's root in Urdu");

    // The feed view: each card of an English article says so, under a root that is Urdu.
    let feed = render(embedded(&[("lang", "ur")], None));
    let card = feed.find("part=\"card\"").map(|at| &feed[at..]).unwrap_or_default();
    let card = card.split('>').next().unwrap_or_default();
    assert!(card.contains(r#"lang="en""#) && card.contains(r#"dir="ltr""#), "a card: {card}");
    let meta = feed.find("class=\"ar-card__meta\"").map(|at| &feed[at..]).unwrap_or_default();
    let meta = meta.split('>').next().unwrap_or_default();
    assert!(
        meta.contains(r#"lang="ur""#) && meta.contains(r#"dir="rtl""#),
        "a card's date in the interface's words: {meta}"
    );
    let title = feed.find("class=\"ar-masthead__title\"").and_then(|at| feed[..at].rfind('<'));
    let title = title.map(|at| &feed[at..]).unwrap_or_default().split('>').next().unwrap_or_default();
    assert!(title.contains(r#"lang="en""#) && title.contains(r#"dir="ltr""#), "the feed's title: {title}");
    let english = render(embedded(&[], None));
    let card = english.find("part=\"card\"").map(|at| &english[at..]).unwrap_or_default();
    assert!(
        !card.split('>').next().unwrap_or_default().contains("lang="),
        "in the root's language, nothing to say"
    );

    // An item without a language of its own is in its feed's.
    const ENGLISH_FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Notes","language":"en",
      "items":[{"id":"n1","title":"A note","content_text":"Text."}]}"#;
    let feed = render(embedded(&[("lang", "ur")], Some(ENGLISH_FEED)));
    let card = feed.find("part=\"card\"").map(|at| &feed[at..]).unwrap_or_default();
    let card = card.split('>').next().unwrap_or_default();
    assert!(
        card.contains(r#"lang="en""#) && card.contains(r#"dir="ltr""#),
        "an item in its feed's language: {card}"
    );
}
