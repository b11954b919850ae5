//! Tag filtering: which tags are selected, and whether an article must carry any or all of them.

use crate::model::TagKey;

/// Whether an article must carry any of the selected tags, or all of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MatchMode {
    #[default]
    Any,
    All,
}

impl MatchMode {
    /// `"any"` or `"all"`, as the `match` option and the URL write it.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchMode::Any => "any",
            MatchMode::All => "all",
        }
    }
}

/// A set of selected tags and how they combine. No tags selected means every article matches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagFilter {
    /// Sorted and unique, so equal selections compare equal and make equal URLs.
    tags: Vec<TagKey>,
    mode: MatchMode,
}

impl TagFilter {
    pub fn new(tags: impl IntoIterator<Item = TagKey>, mode: MatchMode) -> TagFilter {
        let mut tags: Vec<TagKey> = tags.into_iter().collect();
        crate::lists::order::sort_by(&mut tags, TagKey::cmp);
        tags.dedup();
        TagFilter { tags, mode }
    }

    pub fn tags(&self) -> &[TagKey] {
        &self.tags
    }

    pub fn mode(&self) -> MatchMode {
        self.mode
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    pub fn contains(&self, key: &TagKey) -> bool {
        self.tags.binary_search(key).is_ok()
    }

    /// The filter with `key` added, or removed if it was selected.
    pub fn toggled(&self, key: &TagKey) -> TagFilter {
        let mut tags = self.tags.clone();
        match tags.binary_search(key) {
            Ok(at) => {
                tags.remove(at);
            }
            Err(at) => tags.insert(at, key.clone()),
        }
        TagFilter { tags, mode: self.mode }
    }

    /// The filter with only `key` selected: what clicking a tag on an article does.
    pub fn only(&self, key: &TagKey) -> TagFilter {
        TagFilter { tags: vec![key.clone()], mode: self.mode }
    }

    /// The same tags, matched by `mode`.
    pub fn with_mode(&self, mode: MatchMode) -> TagFilter {
        TagFilter { tags: self.tags.clone(), mode }
    }

    /// No tags selected, keeping the match mode.
    pub fn cleared(&self) -> TagFilter {
        TagFilter { tags: Vec::new(), mode: self.mode }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(names: &[&str]) -> Vec<TagKey> {
        names.iter().filter_map(|n| TagKey::new(n)).collect()
    }

    #[test]
    fn toggling_and_clearing() {
        let start = TagFilter::new(keys(&["b"]), MatchMode::All);
        let cases = [
            (start.toggled(&keys(&["a"])[0]), keys(&["a", "b"])),
            (start.toggled(&keys(&["b"])[0]), keys(&[])),
            (start.only(&keys(&["c"])[0]), keys(&["c"])),
            (start.cleared(), keys(&[])),
        ];
        for (filter, expected) in cases {
            assert_eq!(filter.tags(), expected.as_slice());
            assert_eq!(filter.mode(), MatchMode::All, "the mode survives");
        }
        assert_eq!(
            TagFilter::new(keys(&["b", "a", "B"]), MatchMode::Any),
            TagFilter::new(keys(&["a", "b"]), MatchMode::Any)
        );
    }
}
