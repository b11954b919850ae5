//! What every component of a reader may need, handed down once through a Yew context: how to
//! move, the interface language, the locale for dates, the remembered preferences, how the host
//! wants the articles laid out, and the reader's element-id prefix.

use std::rc::Rc;

use article_reader_core::interface::text::Ui;
use article_reader_core::interface::typography::Typography;
use article_reader_core::{Controls, Layout, OpenMode, ReadSet};
use yew::prelude::*;

use crate::prefs::{Prefs, PrefsAction};
use crate::routing::Navigator;

#[derive(Clone, PartialEq)]
pub struct ReaderContext {
    pub navigator: Navigator,
    pub ui: Ui,
    /// A BCP 47 tag for `Intl.DateTimeFormat`: the reader's `lang`, else the browser's.
    pub locale: AttrValue,
    /// The language the reader's root declares for its content (the host's `lang`, else the
    /// feed's): an article in another one says so on its own elements.
    pub lang: Option<AttrValue>,
    pub prefs: UseReducerHandle<Prefs>,
    /// The read articles of the feed on screen, as positions.
    pub read: Rc<ReadSet>,
    /// Articles per page of the feed.
    pub page_size: usize,
    /// At most this many articles in all.
    pub max_items: Option<usize>,
    pub layout: Layout,
    /// The chrome shown around the articles.
    pub controls: Controls,
    /// What following a headline does.
    pub open: OpenMode,
    /// The reader is the page (the standalone page), not a part of a host's.
    pub standalone: bool,
    /// Unique per reader, for element ids.
    pub id_prefix: AttrValue,
    /// The reading settings the host set, under the person's own.
    pub typography: Typography,
}

impl ReaderContext {
    pub fn dispatch(&self, action: PrefsAction) {
        self.prefs.dispatch(action);
    }

    /// The language to declare on what an author wrote: its own, else its feed's, when the
    /// reader's root declares another (`None` when it is the root's, or unknown).
    pub fn lang_of<'a>(&self, own: Option<&'a str>, feed: Option<&'a str>) -> Option<&'a str> {
        own.or(feed).filter(|&lang| Some(lang) != self.lang.as_deref())
    }

    /// An element id unique to this reader.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.id_prefix)
    }

    /// For an embedded reader, the id of its masthead's title, which its landmarks add to their
    /// names ("Latest news Search"), so two readers on one page never share a landmark's name.
    /// `None` for the standalone page, the only reader there.
    pub fn named_after_title(&self) -> Option<String> {
        (!self.standalone).then(|| self.id("masthead-title"))
    }
}
