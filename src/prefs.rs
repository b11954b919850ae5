//! What a reader remembers between visits: the tags a person follows, the articles they have
//! read and how they like their text set, in `localStorage`, per feed. Storage that is unavailable (private windows, sandboxed
//! frames, a host that blocks it) or full is ignored: the reader then simply forgets.

use std::collections::BTreeSet;
use std::rc::Rc;

use article_reader_core::typography::Typography;
use article_reader_core::TagKey;
use yew::Reducible;

/// Read marks kept per feed; the oldest go first past this.
const MAX_READ: usize = 2000;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prefs {
    /// The storage key prefix for this feed; `None` before a feed is loaded.
    scope: Option<String>,
    pub followed: BTreeSet<TagKey>,
    /// Ids of read articles, oldest first.
    pub read: Vec<String>,
    /// The reading settings the person chose.
    pub typography: Typography,
}

pub enum PrefsAction {
    /// Load what is stored for the feed named `scope` (its URL, or "bundled").
    Load(String),
    ToggleFollow(TagKey),
    MarkRead(String),
    SetTypography(Typography),
}

impl Prefs {
    /// What is stored for the feed named `feed` (its URL, or "bundled").
    pub fn load(feed: &str) -> Prefs {
        let scope = format!("article-reader:{feed}");
        let item = |name: &str| storage().and_then(|s| s.get_item(&format!("{scope}:{name}")).ok().flatten());
        let lines = |name: &str| -> Vec<String> {
            item(name)
                .map(|text| text.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect())
                .unwrap_or_default()
        };
        Prefs {
            followed: lines("follow").iter().filter_map(|name| TagKey::new(name)).collect(),
            read: lines("read"),
            typography: item("reading").map(|text| Typography::from_stored(&text)).unwrap_or_default(),
            scope: Some(scope),
        }
    }

    pub fn is_read(&self, id: &str) -> bool {
        self.read.iter().any(|read| read == id)
    }

    fn store(&self) {
        let (Some(scope), Some(storage)) = (&self.scope, storage()) else { return };
        let followed: Vec<&str> = self.followed.iter().map(TagKey::as_str).collect();
        let _ = storage.set_item(&format!("{scope}:follow"), &followed.join("\n"));
        let _ = storage.set_item(&format!("{scope}:read"), &self.read.join("\n"));
        let _ = storage.set_item(&format!("{scope}:reading"), &self.typography.to_stored());
    }
}

impl Reducible for Prefs {
    type Action = PrefsAction;

    fn reduce(self: Rc<Self>, action: PrefsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PrefsAction::Load(feed) => return Rc::new(Prefs::load(&feed)),
            PrefsAction::ToggleFollow(key) => {
                if !next.followed.remove(&key) {
                    next.followed.insert(key);
                }
            }
            PrefsAction::MarkRead(id) => {
                if next.is_read(&id) {
                    return self;
                }
                next.read.push(id);
                let excess = next.read.len().saturating_sub(MAX_READ);
                next.read.drain(..excess);
            }
            PrefsAction::SetTypography(typography) => next.typography = typography,
        }
        next.store();
        Rc::new(next)
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Reading `localStorage` itself throws in some sandboxed frames; treat that as none.
    gloo::utils::window().local_storage().ok().flatten()
}
