//! What a reader remembers between visits: the tags a person follows, the articles they have
//! read, whether read ones are hidden and how they like their text set, in `localStorage`, per
//! feed, as one document (`{scope}:prefs`) that tabs merge rather than overwrite (the rules are
//! the core's `prefs_merge`). The state machine is the core's (`prefs`): the reducer here only
//! gives it the time, and storage is read and written by [`use_prefs_from_other_tabs`]: after every change it merges the freshest stored
//! document in and writes the union back, and what another tab stores arrives through the
//! `storage` event and is merged, never put in place. What the reader stored before this (one
//! key per list) is read when there is no document yet. Storage that is unavailable (private
//! windows, sandboxed frames, a host that blocks it), full or cleared is ignored: the reader
//! then simply forgets, and keeps working with what it has in memory.

use std::ops::Deref;
use std::rc::Rc;

pub use article_reader_core::interface::prefs::PrefsAction;
use article_reader_core::interface::prefs_merge::PrefsDoc;
use gloo::events::EventListener;
use yew::prelude::*;

use crate::effect::use_effect_on;

/// The core's preferences (`article_reader_core::interface::prefs`), as the app's reducer holds them.
// Eq, so that comparing two handles on the same preferences is a pointer comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prefs(pub article_reader_core::interface::prefs::Prefs);

impl Deref for Prefs {
    type Target = article_reader_core::interface::prefs::Prefs;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Prefs {
    /// What is stored for the feed named `feed` (its URL, or "bundled").
    pub fn load(feed: &str) -> Prefs {
        let scope = format!("article-reader:{feed}");
        let doc = storage().map(|storage| stored_doc(&storage, &scope)).unwrap_or_default();
        Prefs(article_reader_core::interface::prefs::Prefs::stored(scope, doc))
    }

    /// Merges the freshest stored document into this one and stores the union when storage
    /// lacks something of it; returns what was stored when this reader lacks something of it.
    fn sync(&self) -> Option<PrefsDoc> {
        let (Some(scope), Some(storage)) = (self.scope(), storage()) else { return None };
        let stored = stored_doc(&storage, scope);
        let merged = self.doc().merge(&stored);
        if merged != stored {
            // Full, or gone: what cannot be stored is simply not remembered.
            let _ = storage.set_item(&format!("{scope}:prefs"), &merged.to_text());
        }
        (merged != *self.doc()).then_some(stored)
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

impl Reducible for Prefs {
    type Action = PrefsAction;

    fn reduce(self: Rc<Self>, action: PrefsAction) -> Rc<Self> {
        match self.0.reduce(action, crate::platform::now()) {
            Some(next) => Rc::new(Prefs(next)),
            None => self,
        }
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
            let get = |name: &str| crate::interop::property(event, name).as_string();
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
        Some(format!("{}:media:{url}", self.scope()?))
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
