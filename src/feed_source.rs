//! Where feeds come from. Today that is the feed compiled into the wasm; this module is the one
//! place that will also fetch feeds, so the views never do I/O.

use std::rc::Rc;

use article_reader_core::{load_feed, Feed, FeedError, ItemProblem, TagIndex};

/// The default content, `feeds/seed.json`, built into the binary so the reader works with no
/// request at all.
pub const BUNDLED_FEED: &str = include_str!("../feeds/seed.json");

/// A loaded feed with everything derived from it once, shared read-only by every view.
#[derive(Debug)]
pub struct FeedData {
    pub feed: Feed,
    pub tags: TagIndex,
    pub skipped: Vec<ItemProblem>,
}

impl FeedData {
    pub fn from_json(json: &str) -> Result<FeedData, FeedError> {
        let loaded = load_feed(json)?;
        let tags = TagIndex::build(&loaded.feed);
        Ok(FeedData { feed: loaded.feed, tags, skipped: loaded.skipped })
    }

    pub fn bundled() -> Result<FeedData, FeedError> {
        Self::from_json(BUNDLED_FEED)
    }
}

/// A cheap handle on shared feed data for component props: equal only when it is the same
/// load, so a re-render never compares whole feeds.
#[derive(Clone, Debug)]
pub struct FeedHandle(pub Rc<FeedData>);

impl PartialEq for FeedHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for FeedHandle {
    type Target = FeedData;

    fn deref(&self) -> &FeedData {
        &self.0
    }
}
