//! The interface's language tables as a page holds them. English is compiled in (the core's
//! `ENGLISH`). In the browser every other language's table is fetched from its file,
//! `{tag}.json` in the folder the module names ([`set_files_at`]: `lang/` beside it), the
//! first time a reader on the page speaks it, read by the core (`lang::read`) and held for as
//! long as the page: one fetch and one table per language, however many readers speak it.
//! Natively (the server renderer, the prerender) every language is compiled in, so a page
//! prerendered in Arabic is Arabic.
//!
//! A table that cannot be had (offline with nothing cached, a 404, a broken file) leaves the
//! interface in English: the console says why, the reader nothing.

use article_reader_core::interface::strings::Strings;
use article_reader_core::interface::text::{Language, Ui};
use yew::prelude::*;

use crate::effect::use_effect_on;

/// The interface in `language` once its table is held: English at once, and in place of a
/// table that cannot be had. While a first table loads, `None` (the reader waits, as for its
/// feed); while another loads, the one shown so far, until it is here.
#[hook]
pub fn use_interface(language: Language) -> Option<Ui> {
    let update = use_force_update();
    let shown = use_mut_ref(|| None::<Ui>);
    use_effect_on(language, move |language| {
        if table(*language).is_none() {
            request(*language, Callback::from(move |()| update.force_update()));
        }
    });
    if let Some(strings) = table(language) {
        *shown.borrow_mut() = Some(Ui::new(strings));
    }
    let ui = *shown.borrow();
    ui
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
#[cfg(target_arch = "wasm32")]
pub use page::*;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use article_reader_core::interface::lang;

    /// Every table is compiled in natively.
    pub fn table(language: Language) -> Option<&'static Strings> {
        Some(lang::compiled(language.tag()))
    }

    /// Nothing to fetch natively: every table is at hand at once.
    pub(crate) fn request(_: Language, then: Callback<()>) {
        then.emit(());
    }

    /// The files are the wasm's business.
    pub fn set_files_at(_: String) {}
}

#[cfg(target_arch = "wasm32")]
mod page {
    use std::cell::RefCell;

    use article_reader_core::interface::lang::{self, ENGLISH};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::Response;

    use super::*;

    /// A language's table on this page.
    enum Table {
        /// Being fetched: who to tell when it is here.
        Loading(Vec<Callback<()>>),
        /// Held for the page; English's when the file could not be had.
        Held(&'static Strings),
    }

    thread_local! {
        /// The folder of the language files, set by the module that started the wasm.
        static FILES_AT: RefCell<String> = RefCell::new("lang/".to_owned());
        static TABLES: RefCell<Vec<(Language, Table)>> = const { RefCell::new(Vec::new()) };
    }

    /// Where the language files are: a folder's URL ending in `/`, which `static/boot.js` and
    /// `static/article-reader.js` build from their own (`lang/` beside them), so any path and
    /// origin work. Until it is set, `lang/` beside the page.
    pub fn set_files_at(folder: String) {
        FILES_AT.with(|at| *at.borrow_mut() = folder);
    }

    /// Holds the table of a language file's `text` for the page (as if fetched): for Rust
    /// callers that have it at hand, and the browser tests. Returns its language.
    pub fn hold(text: &str) -> Result<Language, &'static str> {
        let strings = lang::read(text)?;
        let language = Language::for_tag(strings.tag);
        settle(language, Box::leak(Box::new(strings)));
        Ok(language)
    }

    /// The table of `language` when the page holds it: English's always.
    pub fn table(language: Language) -> Option<&'static Strings> {
        if language.is_english() {
            return Some(&ENGLISH);
        }
        TABLES.with(|tables| match tables.borrow().iter().find(|(l, _)| *l == language) {
            Some((_, Table::Held(strings))) => Some(*strings),
            _ => None,
        })
    }

    /// Fetches `language`'s table unless the page holds it (English always) or is fetching it;
    /// `then` runs when it is held (or English stands in for it): at once when it is.
    pub(crate) fn request(language: Language, then: Callback<()>) {
        if table(language).is_some() {
            return then.emit(());
        }
        let fetch = TABLES.with(|tables| {
            let mut tables = tables.borrow_mut();
            match tables.iter_mut().find(|(l, _)| *l == language) {
                Some((_, Table::Loading(waiting))) => {
                    waiting.push(then);
                    false
                }
                Some((_, Table::Held(_))) => false,
                None => {
                    tables.push((language, Table::Loading(vec![then])));
                    true
                }
            }
        });
        if fetch {
            spawn_local(async move {
                let url = FILES_AT.with(|at| [at.borrow().as_str(), language.tag(), ".json"].concat());
                let strings = match fetch_table(&url).await {
                    Ok(strings) => Box::leak(Box::new(strings)),
                    Err(why) => {
                        let (said, url, why) = (
                            "article-reader: the interface stays in English:".into(),
                            url.into(),
                            why.into(),
                        );
                        web_sys::console::warn_3(&said, &url, &why);
                        &ENGLISH
                    }
                };
                settle(language, strings);
            });
        }
    }

    /// Holds `strings` as `language`'s table and tells whoever waited for it.
    fn settle(language: Language, strings: &'static Strings) {
        let waiting = TABLES.with(|tables| {
            let mut tables = tables.borrow_mut();
            let held = Table::Held(strings);
            match tables.iter_mut().find(|(l, _)| *l == language) {
                Some((_, table)) => match std::mem::replace(table, held) {
                    Table::Loading(waiting) => waiting,
                    Table::Held(_) => Vec::new(),
                },
                None => {
                    tables.push((language, held));
                    Vec::new()
                }
            }
        });
        for then in waiting {
            then.emit(());
        }
    }

    async fn fetch_table(url: &str) -> Result<Strings, &'static str> {
        let response = JsFuture::from(gloo::utils::window().fetch_with_str(url)).await;
        let response: Response = response.ok().and_then(|r| r.dyn_into().ok()).ok_or("no answer")?;
        if !response.ok() {
            return Err("not found, or the server refused it");
        }
        let text = response.text().map_err(|_| "no text")?;
        let text = JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or("no text")?;
        lang::read(&text)
    }
}
