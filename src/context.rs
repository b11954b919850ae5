//! What every component of a reader may need, handed down once through a Yew context: how to
//! move, the interface language, the locale for dates, the remembered preferences, the page
//! size and the reader's element-id prefix.

use article_reader_core::text::Ui;
use yew::prelude::*;

use crate::prefs::{Prefs, PrefsAction};
use crate::routing::Navigator;

#[derive(Clone, PartialEq)]
pub struct ReaderContext {
    pub navigator: Navigator,
    pub ui: Ui,
    /// A BCP 47 tag for `Intl.DateTimeFormat`: the reader's `lang`, else the browser's.
    pub locale: AttrValue,
    pub prefs: UseReducerHandle<Prefs>,
    /// Articles per page of the feed.
    pub page_size: usize,
    /// Unique per reader, for element ids.
    pub id_prefix: AttrValue,
}

impl ReaderContext {
    pub fn dispatch(&self, action: PrefsAction) {
        self.prefs.dispatch(action);
    }

    /// An element id unique to this reader.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.id_prefix)
    }
}
