//! The bundled feed is the reader's default content: it must load cleanly and carry every part
//! of the two seed articles.

use article_reader_core::{load_feed, Block, Inline, TagIndex, TagKey};

const SEED: &str = include_str!("../../../feeds/seed.json");

fn block_text(block: &Block) -> String {
    assert!(
        matches!(block, Block::Paragraph(_) | Block::Heading { .. }),
        "the seed body holds only paragraphs and subheadings, found {block:?}"
    );
    article_reader_core::content::block_text(block)
}

#[test]
fn the_seed_feed_loads_without_problems() {
    let loaded = load_feed(SEED).unwrap_or_else(|error| panic!("seed feed: {error:?}"));
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    assert_eq!(loaded.feed.articles.len(), 2);
}

#[test]
fn the_seed_articles_are_transcribed_whole() {
    let Ok(loaded) = load_feed(SEED) else { panic!("seed feed does not load") };
    let articles = &loaded.feed.articles;
    // (id, updated, highlights, body blocks, first words of the first and last block, subheadings)
    let cases = [
        (
            "pakistan-uk-regional-security-talks",
            "20 January 2026",
            2,
            7,
            "ISLAMABAD: Pakistani and British officials",
            "Both sides held the second round",
            vec![],
        ),
        (
            "pakistan-us-lawmakers-letter-khan-release",
            "25 October 2024",
            2,
            13,
            "ISLAMABAD: Pakistan’s foreign office spokesperson",
            "The American lawmakers also asked",
            vec!["‘HISTORIC LEVEL OF IRREGULARITIES’"],
        ),
    ];
    assert_eq!(articles.len(), cases.len());
    for (article, (id, updated, highlights, blocks, first, last, subheadings)) in articles.iter().zip(cases) {
        assert_eq!(article.id.as_str(), id, "newest first");
        assert_eq!(article.updated.as_ref().map(|d| d.long_date()).as_deref(), Some(updated), "{id}");
        assert_eq!(article.highlights.len(), highlights, "{id}");
        let body = article.body.blocks();
        assert_eq!(body.len(), blocks, "{id}");
        assert!(body.first().map(block_text).is_some_and(|t| t.starts_with(first)), "{id}");
        assert!(body.last().map(block_text).is_some_and(|t| t.starts_with(last)), "{id}");
        let found: Vec<String> =
            body.iter().filter(|b| matches!(b, Block::Heading { .. })).map(block_text).collect();
        assert_eq!(found, subheadings, "{id}");
        assert!(body.iter().all(
            |b| !matches!(b, Block::Paragraph(i) if i.iter().any(|x| matches!(x, Inline::Link { .. })))
        ));
    }
    let image = articles[1].image.as_ref();
    assert!(image
        .and_then(|i| i.caption.as_deref())
        .is_some_and(|c| c.starts_with("Police cammandos escort")));
    assert_eq!(image.and_then(|i| i.credit.as_deref()), Some("AFP/File"));
}

#[test]
fn the_seed_tags_are_shared_and_distinct() {
    let Ok(loaded) = load_feed(SEED) else { panic!("seed feed does not load") };
    let index = TagIndex::build(&loaded.feed);
    let count = |name: &str| TagKey::new(name).and_then(|k| index.get(&k)).map_or(0, |e| e.count());
    assert_eq!(count("Pakistan"), 2, "a tag on both");
    let single: Vec<&str> =
        index.entries().iter().filter(|e| e.count() == 1).map(|e| e.tag.name.as_str()).collect();
    assert!(single.len() >= 4, "tags on one article only: {single:?}");
    assert_eq!(count("Imran Khan"), 1);
    assert_eq!(count("United Kingdom"), 1);
}
