//! What a reader remembers between visits: the tags a person follows, the articles they have
//! read, whether read ones are hidden and how they like their text set, in `localStorage`, per
//! feed, as one document (`{scope}:prefs`) that tabs merge rather than overwrite (the rules are
//! the core's `prefs_merge`). The reducer only changes the document in memory; storage is read
//! and written by [`use_prefs_from_other_tabs`]: after every change it merges the freshest stored
//! document in and writes the union back, and what another tab stores arrives through the
//! `storage` event and is merged, never put in place. What the reader stored before this (one
//! key per list) is read when there is no document yet. Storage that is unavailable (private
//! windows, sandboxed frames, a host that blocks it), full or cleared is ignored: the reader
//! then simply forgets, and keeps working with what it has in memory.

use std::rc::Rc;

use article_reader_core::prefs_merge::{Kind, PrefsDoc, HIDE_READ};
use article_reader_core::typography::Typography;
use article_reader_core::TagKey;
use gloo::events::EventListener;
use yew::prelude::*;

use crate::effect::use_effect_on;

// Eq, so that comparing two handles on the same preferences is a pointer comparison.
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
}

impl Prefs {
    /// What is stored for the feed named `feed` (its URL, or "bundled").
    pub fn load(feed: &str) -> Prefs {
        let scope = format!("article-reader:{feed}");
        let doc = storage().map(|storage| stored_doc(&storage, &scope)).unwrap_or_default();
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

    /// The storage key prefix, for telling this reader's keys from others'.
    pub fn scope(&self) -> Option<&str> {
        self.scope.as_deref()
    }

    /// Merges the freshest stored document into this one and stores the union when storage
    /// lacks something of it; returns what was stored when this reader lacks something of it.
    fn sync(&self) -> Option<PrefsDoc> {
        let (Some(scope), Some(storage)) = (&self.scope, storage()) else { return None };
        let stored = stored_doc(&storage, scope);
        let merged = self.doc.merge(&stored);
        if merged != stored {
            // Full, or gone: what cannot be stored is simply not remembered.
            let _ = storage.set_item(&format!("{scope}:prefs"), &merged.to_text());
        }
        (merged != self.doc).then_some(stored)
    }
}

/// The document stored under `scope`, or, before there was one, what the reader kept before
/// (one key per list), read as the oldest changes.
fn stored_doc(storage: &web_sys::Storage, scope: &str) -> PrefsDoc {
    let item = |name: &str| storage.get_item(&format!("{scope}:{name}")).ok().flatten();
    match item("prefs") {
        Some(text) => PrefsDoc::parse(&text),
        None => PrefsDoc::migrate(
            item("follow").as_deref(),
            item("read").as_deref(),
            item("reading").as_deref(),
            item("hide-read").as_deref(),
        ),
    }
}

/// Now, in milliseconds since 1970: the stamp of a change.
fn now() -> u64 {
    js_sys::Date::now() as u64
}

impl Reducible for Prefs {
    type Action = PrefsAction;

    fn reduce(self: Rc<Self>, action: PrefsAction) -> Rc<Self> {
        let mut doc = self.doc.clone();
        let mut before_marking = self.before_marking.clone();
        match action {
            PrefsAction::Replace(prefs) => return Rc::new(prefs),
            PrefsAction::Merge(stored) => {
                let merged = doc.merge(&stored);
                if merged == doc {
                    return self;
                }
                doc = merged;
            }
            PrefsAction::ToggleFollow(key) => {
                let on = if self.followed.contains(&key) { "" } else { "1" };
                doc.set(Kind::Follow, key.as_str(), on, now());
            }
            PrefsAction::MarkRead(id) => {
                if self.is_read(&id) {
                    return self;
                }
                doc.set(Kind::Read, &id, "1", now());
            }
            PrefsAction::SetTypography(typography) => {
                let now = now();
                let current = self.typography.values();
                for ((name, value), (_, was)) in typography.values().into_iter().zip(current) {
                    if value != was {
                        doc.set(Kind::Setting, name, value.as_deref().unwrap_or_default(), now);
                    }
                }
            }
            PrefsAction::MarkAllRead(ids) => {
                let unread: Vec<String> = ids.into_iter().filter(|id| !self.is_read(id)).collect();
                doc.set_all(Kind::Read, &unread, "1", now());
                before_marking = Some(unread);
            }
            PrefsAction::UndoMarkAll => {
                let Some(marked) = before_marking.take() else { return self };
                doc.set_all(Kind::Read, &marked, "", now());
            }
            PrefsAction::SetHideRead(on) => {
                doc.set(Kind::Setting, HIDE_READ, if on { "1" } else { "" }, now())
            }
        }
        let next = Prefs { scope: self.scope.clone(), before_marking, ..Prefs::default() };
        Rc::new(next.with_doc(doc))
    }
}

/// Keeps `prefs` and storage in step: after each change, the freshest stored document is merged
/// in and the union stored (a read-modify-write at every write); when another tab of the same
/// reader stores its document, it is merged in. A cleared storage (a null key) changes nothing
/// here: what the reader has is stored again at its next change.
#[hook]
pub fn use_prefs_from_other_tabs(prefs: UseReducerHandle<Prefs>) {
    let scope = prefs.scope().map(str::to_owned);
    let dispatcher = prefs.dispatcher();
    {
        let dispatcher = dispatcher.clone();
        use_effect_on(prefs.clone(), move |prefs| {
            if let Some(stored) = prefs.sync() {
                dispatcher.dispatch(PrefsAction::Merge(stored));
            }
        });
    }
    use_effect_on(scope, move |scope| {
        let key = scope.as_ref().map(|scope| format!("{scope}:prefs"));
        let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
            let get = |name: &str| js_sys::Reflect::get(event, &name.into()).ok().and_then(|v| v.as_string());
            if key.is_some() && get("key") == key {
                let stored = get("newValue").map(|text| PrefsDoc::parse(&text)).unwrap_or_default();
                dispatcher.dispatch(PrefsAction::Merge(stored));
            }
        });
        move || drop(listener)
    });
}

/// Where a person left an attachment of this feed: the position in tenths of a second and the
/// playback speed in percent, kept as whole numbers (no float parsing or formatting in the
/// wasm).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MediaPlace {
    pub tenths: u64,
    pub speed_percent: u32,
}

impl Prefs {
    fn media_key(&self, url: &str) -> Option<String> {
        Some(format!("{}:media:{url}", self.scope.as_ref()?))
    }

    /// Where the attachment at `url` was left, if anywhere.
    pub fn media_place(&self, url: &str) -> Option<MediaPlace> {
        let text = storage()?.get_item(&self.media_key(url)?).ok().flatten()?;
        let (tenths, speed) = text.split_once(' ')?;
        Some(MediaPlace { tenths: tenths.parse().ok()?, speed_percent: speed.parse().ok()? })
    }

    pub fn store_media_place(&self, url: &str, place: MediaPlace) {
        if let (Some(key), Some(storage)) = (self.media_key(url), storage()) {
            let _ = storage.set_item(&key, &format!("{} {}", place.tenths, place.speed_percent));
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Reading `localStorage` itself throws in some sandboxed frames; treat that as none.
    gloo::utils::window().local_storage().ok().flatten()
}
