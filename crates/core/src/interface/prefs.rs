//! What a reader remembers of a feed, as a state machine: the tags a person follows, the
//! articles they have read, whether read ones are hidden, their reading settings, the speed and
//! voice they listen at in each language, and the undo of "Mark all as read". [`Prefs::reduce`] takes an action and the time it happens and gives
//! the next state; every change is an entry of the [`PrefsDoc`] the fields are read from, so
//! that tabs merge instead of overwrite (`prefs_merge`). Storage is the app's: it reads the
//! document, hands it over, and stores what it becomes.

use crate::interface::listen::Listening;
use crate::interface::prefs_merge::{Kind, PrefsDoc, HIDE_READ};
use crate::interface::typography::Typography;
use crate::model::TagKey;

/// What a reader remembers of one feed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prefs {
    /// The storage key prefix for this feed; `None` before a feed is loaded.
    scope: Option<String>,
    /// Everything remembered, with when it was set: what the fields below are read from.
    doc: PrefsDoc,
    pub followed: Followed,
    /// Ids of read articles.
    pub read: Vec<String>,
    /// The reading settings the person chose.
    pub typography: Typography,
    /// Read articles are left out of the lists.
    pub hide_read: bool,
    /// The articles the last "Mark all as read" marked, for its undo; not stored.
    pub before_marking: Option<Vec<String>>,
}

/// The followed tags, in order and each once: a sorted `Vec` where a `BTreeSet` would cost the
/// wasm its own copy of the B-tree code and of the sort its `collect` runs (the app's other
/// B-tree is Yew's scheduler, on other types).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Followed(Vec<TagKey>);

impl Followed {
    pub fn contains(&self, key: &TagKey) -> bool {
        self.0.binary_search(key).is_ok()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, TagKey> {
        self.0.iter()
    }

    /// Adds `key` where it sorts, unless it is there already.
    fn insert(&mut self, key: TagKey) {
        if let Err(at) = self.0.binary_search(&key) {
            self.0.insert(at, key);
        }
    }
}

/// What changes the preferences.
#[derive(Debug)]
pub enum PrefsAction {
    /// What is remembered for another feed, read from storage by the caller.
    Replace(Prefs),
    /// What another tab stored (or storage holds after a write): merged in.
    Merge(PrefsDoc),
    ToggleFollow(TagKey),
    MarkRead(String),
    SetTypography(Typography),
    /// Mark these articles read at once, remembering which were not, for an undo.
    MarkAllRead(Vec<String>),
    /// Undo the last "Mark all as read".
    UndoMarkAll,
    SetHideRead(bool),
    /// The speed and voice to read this language (a BCP 47 tag) aloud with.
    SetListening(String, Listening),
}

impl Prefs {
    /// The preferences stored as `doc` under `scope`.
    pub fn stored(scope: String, doc: PrefsDoc) -> Prefs {
        Prefs { scope: Some(scope), ..Prefs::default() }.with_doc(doc)
    }

    /// The preferences read from `doc`, keeping the scope and the undo.
    fn with_doc(mut self, doc: PrefsDoc) -> Prefs {
        let mut followed = Followed::default();
        for key in doc.on(Kind::Follow).iter().filter_map(|name| TagKey::new(name)) {
            followed.insert(key);
        }
        self.followed = followed;
        self.read = doc.on(Kind::Read);
        self.typography = Typography::from_stored(&doc.reading());
        self.hide_read = doc.get(Kind::Setting, HIDE_READ) == Some("1");
        self.doc = doc;
        self
    }

    pub fn is_read(&self, id: &str) -> bool {
        self.read.iter().any(|read| read == id)
    }

    /// The speed and voice remembered for reading `lang` aloud.
    pub fn listening(&self, lang: &str) -> Listening {
        let [rate, voice] = Listening::keys(lang);
        Listening::from_stored(self.doc.get(Kind::Setting, &rate), self.doc.get(Kind::Setting, &voice))
    }

    /// The storage key prefix, for telling this reader's keys from others'.
    pub fn scope(&self) -> Option<&str> {
        self.scope.as_deref()
    }

    /// Everything remembered, as storage keeps it.
    pub fn doc(&self) -> &PrefsDoc {
        &self.doc
    }

    /// The preferences after `action`, taken at `now` (milliseconds since 1970, the stamp of a
    /// change); `None` when nothing changes.
    pub fn reduce(&self, action: PrefsAction, now: u64) -> Option<Prefs> {
        let mut doc = self.doc.clone();
        let mut before_marking = self.before_marking.clone();
        match action {
            PrefsAction::Replace(prefs) => return Some(prefs),
            PrefsAction::Merge(stored) => {
                let merged = doc.merge(&stored);
                if merged == doc {
                    return None;
                }
                doc = merged;
            }
            PrefsAction::ToggleFollow(key) => {
                let on = if self.followed.contains(&key) { "" } else { "1" };
                doc.set(Kind::Follow, key.as_str(), on, now);
            }
            PrefsAction::MarkRead(id) => {
                if self.is_read(&id) {
                    return None;
                }
                doc.set(Kind::Read, &id, "1", now);
            }
            PrefsAction::SetTypography(typography) => {
                let current = self.typography.values();
                for ((name, value), (_, was)) in typography.values().into_iter().zip(current) {
                    if value != was {
                        doc.set(Kind::Setting, name, value.as_deref().unwrap_or_default(), now);
                    }
                }
            }
            PrefsAction::MarkAllRead(ids) => {
                let unread: Vec<String> = ids.into_iter().filter(|id| !self.is_read(id)).collect();
                doc.set_all(Kind::Read, &unread, "1", now);
                before_marking = Some(unread);
            }
            PrefsAction::UndoMarkAll => {
                let marked = before_marking.take()?;
                doc.set_all(Kind::Read, &marked, "", now);
            }
            PrefsAction::SetHideRead(on) => doc.set(Kind::Setting, HIDE_READ, if on { "1" } else { "" }, now),
            PrefsAction::SetListening(lang, listening) => {
                // Only what changed is set, so that another tab's choice of the other merges in.
                let (was, values) = (self.listening(&lang).values(), listening.values());
                if was == values {
                    return None;
                }
                for ((key, value), was) in Listening::keys(&lang).iter().zip(&values).zip(&was) {
                    if value != was {
                        doc.set(Kind::Setting, key, value, now);
                    }
                }
            }
        }
        let next = Prefs { scope: self.scope.clone(), before_marking, ..Prefs::default() };
        Some(next.with_doc(doc))
    }
}

#[cfg(test)]
mod tests {
    use super::PrefsAction::*;
    use super::*;

    fn tag(name: &str) -> TagKey {
        TagKey::new(name).unwrap()
    }

    fn ids(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| (*id).to_owned()).collect()
    }

    /// A feed's preferences after `actions`, one a millisecond from 1000.
    fn after(actions: Vec<PrefsAction>) -> Prefs {
        let mut prefs = Prefs::stored("article-reader:feed".to_owned(), PrefsDoc::default());
        for (at, action) in actions.into_iter().enumerate() {
            prefs = prefs.reduce(action, 1000 + at as u64).unwrap_or(prefs);
        }
        prefs
    }

    #[test]
    fn each_action_changes_what_it_says() {
        // (the actions, then what is followed, read, hidden, and the undo)
        type Case = (
            Vec<PrefsAction>,
            &'static [&'static str],
            &'static [&'static str],
            bool,
            Option<&'static [&'static str]>,
        );
        let cases: Vec<Case> = vec![
            (vec![], &[], &[], false, None),
            (vec![ToggleFollow(tag("UK"))], &["uk"], &[], false, None),
            (vec![ToggleFollow(tag("UK")), ToggleFollow(tag("uk"))], &[], &[], false, None),
            (vec![ToggleFollow(tag("b")), ToggleFollow(tag("a"))], &["a", "b"], &[], false, None),
            (vec![MarkRead("x".into()), MarkRead("x".into())], &[], &["x"], false, None),
            (
                vec![MarkRead("x".into()), MarkAllRead(ids(&["x", "y", "z"]))],
                &[],
                &["x", "y", "z"],
                false,
                Some(&["y", "z"]),
            ),
            (
                vec![MarkRead("x".into()), MarkAllRead(ids(&["x", "y"])), UndoMarkAll],
                &[],
                &["x"],
                false,
                None,
            ),
            (vec![UndoMarkAll], &[], &[], false, None),
            (vec![SetHideRead(true)], &[], &[], true, None),
            (vec![SetHideRead(true), SetHideRead(false)], &[], &[], false, None),
        ];
        for (actions, followed, read, hide_read, undo) in cases {
            let shown = format!("{actions:?}");
            let prefs = after(actions);
            let followed: Vec<&str> = followed.to_vec();
            assert_eq!(prefs.followed.iter().map(TagKey::as_str).collect::<Vec<_>>(), followed, "{shown}");
            assert_eq!(prefs.read, read, "{shown}");
            assert_eq!(prefs.hide_read, hide_read, "{shown}");
            assert_eq!(prefs.before_marking.as_deref(), undo.map(ids).as_deref(), "{shown}");
            assert_eq!(prefs.scope(), Some("article-reader:feed"), "{shown}: the scope stays");
        }
    }

    #[test]
    fn an_action_that_changes_nothing_gives_nothing() {
        let read = after(vec![MarkRead("x".into())]);
        assert_eq!(read.reduce(MarkRead("x".into()), 5000), None);
        assert_eq!(read.reduce(UndoMarkAll, 5000), None);
        assert_eq!(read.reduce(Merge(read.doc().clone()), 5000), None, "what it has already");
        assert_eq!(read.reduce(Merge(PrefsDoc::default()), 5000), None);
    }

    #[test]
    fn the_reading_settings_store_only_what_changed() {
        let bigger = Typography::from_stored("textSize=130");
        let prefs = after(vec![SetTypography(bigger)]);
        assert_eq!(prefs.typography, bigger);
        assert_eq!(prefs.doc().reading(), "textSize=130");
        let back = prefs.reduce(SetTypography(Typography::default()), 5000).unwrap();
        assert_eq!(back.typography, Typography::default());
        assert_eq!(back.doc().reading(), "", "unset again");
    }

    #[test]
    fn the_speed_and_voice_are_remembered_per_language_and_merge_across_tabs() {
        let fast = Listening { rate: Some(150), voice: None };
        let british = Listening { rate: None, voice: Some("gb".into()) };
        let arabic = Listening { rate: Some(75), voice: Some("ar".into()) };
        let here = after(vec![SetListening("en-GB".into(), fast.clone())]);
        assert_eq!(here.listening("en"), fast, "per language, whatever the region");
        assert_eq!(here.listening("ar"), Listening::default());
        assert_eq!(here.reduce(SetListening("en".into(), fast.clone()), 5000), None, "nothing changes");
        // Another tab chooses a voice for English, then an Arabic speed and voice.
        let there = after(vec![
            SetListening("en".into(), british.clone()),
            SetListening("ar".into(), arabic.clone()),
        ]);
        let merged = here.reduce(Merge(there.doc().clone()), 5000).unwrap();
        // Field by field: the speed chosen here, the voice chosen there.
        assert_eq!(merged.listening("en"), Listening { rate: Some(150), voice: Some("gb".into()) });
        assert_eq!(merged.listening("ar"), arabic);
        let both = there.reduce(Merge(here.doc().clone()), 5000).unwrap();
        assert_eq!(both.doc(), merged.doc(), "whichever tab merges");
        assert_eq!(merged.typography, Typography::default(), "the reading settings stay as they were");
    }

    #[test]
    fn another_tabs_changes_merge_in_and_replace_takes_another_feeds() {
        let here = after(vec![ToggleFollow(tag("uk"))]);
        let there = after(vec![MarkRead("x".into()), SetHideRead(true)]);
        let merged = here.reduce(Merge(there.doc().clone()), 5000).unwrap();
        assert_eq!(
            (merged.followed.len(), merged.read.as_slice(), merged.hide_read),
            (1, &ids(&["x"])[..], true)
        );
        let other = Prefs::stored("article-reader:other".to_owned(), PrefsDoc::default());
        assert_eq!(merged.reduce(Replace(other.clone()), 5000), Some(other));
    }
}
