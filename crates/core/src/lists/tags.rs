//! The tag index: every tag of a feed with the articles that carry it. Built once per feed and
//! read on every render, so filtering never rescans tags.

use std::collections::HashMap;

use crate::model::{Feed, Tag, TagKey};

/// One tag and the positions (in [`Feed::articles`]) of the articles tagged with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagEntry {
    /// The tag as the newest article tagged with it spells it.
    pub tag: Tag,
    /// Ascending, so newest first.
    pub articles: Vec<usize>,
}

impl TagEntry {
    pub fn count(&self) -> usize {
        self.articles.len()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagIndex {
    /// Most articles first, then by name, case-insensitively.
    entries: Vec<TagEntry>,
    by_key: HashMap<TagKey, usize>,
}

impl TagIndex {
    pub fn build(feed: &Feed) -> TagIndex {
        let mut entries: Vec<TagEntry> = Vec::new();
        let mut by_key: HashMap<TagKey, usize> = HashMap::new();
        for (position, article) in feed.articles.iter().enumerate() {
            for tag in &article.tags {
                match by_key.get(&tag.key) {
                    Some(&slot) => entries[slot].articles.push(position),
                    None => {
                        by_key.insert(tag.key.clone(), entries.len());
                        entries.push(TagEntry { tag: tag.clone(), articles: vec![position] });
                    }
                }
            }
        }
        crate::lists::order::sort_by(&mut entries, |a, b| {
            b.count().cmp(&a.count()).then_with(|| a.tag.key.cmp(&b.tag.key))
        });
        let by_key = entries.iter().enumerate().map(|(slot, e)| (e.tag.key.clone(), slot)).collect();
        TagIndex { entries, by_key }
    }

    pub fn entries(&self) -> &[TagEntry] {
        &self.entries
    }

    /// The entry's place in [`TagIndex::entries`].
    pub fn slot(&self, key: &TagKey) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    pub fn get(&self, key: &TagKey) -> Option<&TagEntry> {
        self.by_key.get(key).map(|&slot| &self.entries[slot])
    }

    /// The name to show for a key: the feed's spelling when the feed has the tag.
    pub fn display_name<'a>(&'a self, key: &'a TagKey) -> &'a str {
        self.get(key).map_or(key.as_str(), |entry| entry.tag.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::feed_of;

    #[test]
    fn counts_and_orders_tags() {
        let feed = feed_of(&[
            ("a", &["News", "Pakistan"]),
            ("b", &["pakistan", "UK"]),
            ("c", &["uk", "Zed", "Alpha"]),
        ]);
        let index = TagIndex::build(&feed);
        let listed: Vec<(&str, usize)> =
            index.entries().iter().map(|e| (e.tag.name.as_str(), e.count())).collect();
        assert_eq!(listed, [("Pakistan", 2), ("UK", 2), ("Alpha", 1), ("News", 1), ("Zed", 1)]);
        let cases = [
            ("pakistan", Some(vec![0, 1])),
            ("PAKISTAN", Some(vec![0, 1])),
            ("uk", Some(vec![1, 2])),
            ("missing", None),
        ];
        for (name, expected) in cases {
            let key = TagKey::new(name);
            let found = key.as_ref().and_then(|k| index.get(k)).map(|e| e.articles.clone());
            assert_eq!(found, expected, "{name}");
        }
    }

    #[test]
    fn display_name_falls_back_to_the_key() {
        let feed = feed_of(&[("a", &["Imran Khan"])]);
        let index = TagIndex::build(&feed);
        let cases = [("imran khan", "Imran Khan"), ("unknown tag", "unknown tag")];
        for (name, expected) in cases {
            let Some(key) = TagKey::new(name) else { panic!("fixture tag {name:?} is blank") };
            assert_eq!(index.display_name(&key), expected);
        }
    }

    #[test]
    fn an_untagged_feed_has_an_empty_index() {
        let index = TagIndex::build(&feed_of(&[("a", &[]), ("b", &[])]));
        assert!(index.entries().is_empty());
    }
}
