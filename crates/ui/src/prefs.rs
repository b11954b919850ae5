//! What a reader remembers between visits: the tags a person follows, the articles they have
//! read, whether read ones are hidden and how they like their text set, in `localStorage`, per
//! feed; what another tab of the same reader changes there arrives here too (the `storage`
//! event). Storage that is unavailable (private windows, sandboxed frames, a host that blocks
//! it) or full is ignored: the reader then simply forgets.

use std::rc::Rc;

use article_reader_core::typography::Typography;
use article_reader_core::TagKey;
use gloo::events::EventListener;
use yew::prelude::*;

use crate::effect::use_effect_on;

/// Read marks kept per feed; the oldest go first past this.
const MAX_READ: usize = 2000;

// Eq, so that comparing two handles on the same preferences is a pointer comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prefs {
    /// The storage key prefix for this feed; `None` before a feed is loaded.
    scope: Option<String>,
    pub followed: Followed,
    /// Ids of read articles, oldest first.
    pub read: Vec<String>,
    /// The reading settings the person chose.
    pub typography: Typography,
    /// Read articles are left out of the lists.
    pub hide_read: bool,
    /// The read marks as they were before the last "Mark all as read", for its undo; not stored.
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

    /// Adds `key`, or takes it out when it is there.
    fn toggle(&mut self, key: TagKey) {
        match self.0.binary_search(&key) {
            Ok(at) => {
                self.0.remove(at);
            }
            Err(at) => self.0.insert(at, key),
        }
    }
}

pub enum PrefsAction {
    /// Load what is stored for the feed named `scope` (its URL, or "bundled").
    Load(String),
    /// What is stored changed under the reader (another tab): read it again.
    Reload,
    ToggleFollow(TagKey),
    MarkRead(String),
    SetTypography(Typography),
    /// Mark these articles read at once, remembering how it was for an undo.
    MarkAllRead(Vec<String>),
    /// Undo the last "Mark all as read".
    UndoMarkAll,
    SetHideRead(bool),
}

impl Prefs {
    /// What is stored for the feed named `feed` (its URL, or "bundled").
    pub fn load(feed: &str) -> Prefs {
        Self::read_scope(format!("article-reader:{feed}"))
    }

    fn read_scope(scope: String) -> Prefs {
        let item = |name: &str| storage().and_then(|s| s.get_item(&format!("{scope}:{name}")).ok().flatten());
        let lines = |name: &str| -> Vec<String> {
            item(name)
                .map(|text| text.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect())
                .unwrap_or_default()
        };
        let mut followed = Followed::default();
        for key in lines("follow").iter().filter_map(|name| TagKey::new(name)) {
            followed.insert(key);
        }
        Prefs {
            followed,
            read: lines("read"),
            typography: item("reading").map(|text| Typography::from_stored(&text)).unwrap_or_default(),
            hide_read: lines("hide-read").first().is_some_and(|on| on == "1"),
            before_marking: None,
            scope: Some(scope),
        }
    }

    pub fn is_read(&self, id: &str) -> bool {
        self.read.iter().any(|read| read == id)
    }

    /// The storage key prefix, for telling this reader's keys from others'.
    pub fn scope(&self) -> Option<&str> {
        self.scope.as_deref()
    }

    fn store(&self) {
        let (Some(scope), Some(storage)) = (&self.scope, storage()) else { return };
        let followed: Vec<&str> = self.followed.iter().map(TagKey::as_str).collect();
        let _ = storage.set_item(&format!("{scope}:follow"), &followed.join("\n"));
        let _ = storage.set_item(&format!("{scope}:read"), &self.read.join("\n"));
        let _ = storage.set_item(&format!("{scope}:reading"), &self.typography.to_stored());
        let _ = storage.set_item(&format!("{scope}:hide-read"), if self.hide_read { "1" } else { "0" });
    }
}

impl Reducible for Prefs {
    type Action = PrefsAction;

    fn reduce(self: Rc<Self>, action: PrefsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PrefsAction::Load(feed) => return Rc::new(Prefs::load(&feed)),
            PrefsAction::Reload => {
                let Some(scope) = self.scope.clone() else { return self };
                let reloaded = Prefs::read_scope(scope);
                return if (&reloaded.followed, &reloaded.read, reloaded.hide_read)
                    == (&self.followed, &self.read, self.hide_read)
                {
                    self
                } else {
                    Rc::new(reloaded)
                };
            }
            PrefsAction::ToggleFollow(key) => {
                next.followed.toggle(key);
            }
            PrefsAction::MarkRead(id) => {
                if next.is_read(&id) {
                    return self;
                }
                next.read.push(id);
            }
            PrefsAction::SetTypography(typography) => next.typography = typography,
            PrefsAction::MarkAllRead(ids) => {
                next.before_marking = Some(self.read.clone());
                for id in ids {
                    if !next.is_read(&id) {
                        next.read.push(id);
                    }
                }
            }
            PrefsAction::UndoMarkAll => {
                let Some(before) = next.before_marking.take() else { return self };
                next.read = before;
            }
            PrefsAction::SetHideRead(on) => next.hide_read = on,
        }
        let excess = next.read.len().saturating_sub(MAX_READ);
        next.read.drain(..excess);
        next.store();
        Rc::new(next)
    }
}

/// Reloads `prefs` when another tab of the same reader changes what is stored for its feed.
#[hook]
pub fn use_prefs_from_other_tabs(prefs: UseReducerHandle<Prefs>) {
    let scope = prefs.scope().map(str::to_owned);
    let dispatcher = prefs.dispatcher();
    use_effect_on(scope, move |scope| {
        let scope = scope.clone();
        let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
            let key = js_sys::Reflect::get(event, &"key".into()).ok().and_then(|key| key.as_string());
            // A null key is the whole storage cleared.
            if key.is_none_or(|key| scope.as_deref().is_some_and(|scope| key.starts_with(scope))) {
                dispatcher.dispatch(PrefsAction::Reload);
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
