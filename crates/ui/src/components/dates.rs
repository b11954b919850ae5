//! An article's dates as `<time>` elements ("Published 24 October 2024", "Updated …"), in the
//! reader's locale through `Intl.DateTimeFormat`, machine-readable in `datetime`. Natively (the
//! server renderer) the core writes the date; hydration replaces that text with the browser's.

use article_reader_core::Timestamp;

use crate::context::ReaderContext;

#[cfg(target_arch = "wasm32")]
pub use intl::local_date;

/// The calendar date the feed wrote, in `locale`, as the core writes it (natively, where there
/// is no `Intl`).
#[cfg(not(target_arch = "wasm32"))]
pub fn local_date(date: &Timestamp, locale: &str) -> String {
    date.long_date_in(locale)
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use std::cell::RefCell;

    use article_reader_core::Timestamp;
    use js_sys::{Array, Date, Function, Reflect};

    use crate::interop::{object, property};
    use wasm_bindgen::{JsCast, JsValue};

    /// How many formatted dates are kept.
    const KEPT: usize = 64;

    thread_local! {
        /// The last `Intl.DateTimeFormat` made, with its locale: making one costs more than
        /// formatting, and every card of the feed formats a date in the same locale.
        static FORMATTER: RefCell<Option<(String, Function)>> = const { RefCell::new(None) };
        /// The last dates formatted in that locale, by the date as the feed wrote it: the feed's
        /// twenty cards are written again on every filter change, and each would cost calls out
        /// of the wasm. A page of cards or two; a list, as a map's code would cost more than it
        /// saves.
        static FORMATTED: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    }

    /// A function formatting a `Date` as a long date in UTC in `locale`; `None` when the browser
    /// rejects the locale (a RangeError, answered here rather than thrown through wasm).
    fn formatter(locale: &str) -> Option<Function> {
        FORMATTER.with(|cached| {
            if let Some((cached_locale, format)) = &*cached.borrow() {
                if cached_locale == locale {
                    return Some(format.clone());
                }
            }
            let options = object(&[("dateStyle", "long".into()), ("timeZone", "UTC".into())]);
            let constructor: Function =
                property(&property(&js_sys::global(), "Intl"), "DateTimeFormat").dyn_into().ok()?;
            let args = Array::of2(&Array::of1(&JsValue::from_str(locale)), &options);
            let instance = Reflect::construct(&constructor, &args).ok()?;
            // `format` is a getter returning a function bound to its formatter.
            let format: Function = property(&instance, "format").dyn_into().ok()?;
            *cached.borrow_mut() = Some((locale.to_owned(), format.clone()));
            FORMATTED.with(|formatted| formatted.borrow_mut().clear());
            Some(format)
        })
    }

    /// The calendar date the feed wrote, in `locale` ("25 October 2024", "25 أكتوبر 2024"). Formats
    /// in UTC from the date's own year, month and day, so no time zone moves it to another day.
    #[allow(clippy::disallowed_types)] // a web API's number, handed over as it is: never formatted or parsed in Rust
    pub fn local_date(date: &Timestamp, locale: &str) -> String {
        let (year, month, day) = date.calendar_date();
        let Some(format) = formatter(locale) else { return date.long_date() };
        let key = date.as_rfc3339();
        let known = FORMATTED.with(|formatted| {
            formatted.borrow().iter().find(|(date, _)| date == key).map(|(_, text)| text.clone())
        });
        if let Some(text) = known {
            return text;
        }
        let millis = Date::utc(f64::from(year), f64::from(month) - 1.0);
        let at = Date::new(&JsValue::from_f64(millis + (f64::from(day) - 1.0) * 86_400_000.0));
        let text = format.call1(&JsValue::NULL, &at).ok().and_then(|text| text.as_string());
        let Some(text) = text else { return date.long_date() };
        FORMATTED.with(|formatted| {
            let mut formatted = formatted.borrow_mut();
            if formatted.len() == KEPT {
                formatted.remove(0);
            }
            formatted.push((key.to_owned(), text.clone()));
        });
        text
    }
}

/// A date as the reader shows it, "Updated" before it when `updated`, "Published" when
/// `labelled`.
pub fn date_text(cx: &ReaderContext, date: &Timestamp, updated: bool, labelled: bool) -> String {
    let text = local_date(date, &cx.locale);
    if labelled || updated {
        cx.ui.dated(updated, &text)
    } else {
        text
    }
}

/// A feed card's one date, the one the feed is ordered by, and its text: the publication date,
/// else the update, labelled as one.
pub fn card_date<'a>(
    cx: &ReaderContext,
    published: Option<&'a Timestamp>,
    updated: Option<&'a Timestamp>,
) -> Option<(&'a Timestamp, String)> {
    match (published, updated) {
        (Some(published), _) => Some((published, date_text(cx, published, false, false))),
        (None, Some(updated)) => Some((updated, date_text(cx, updated, true, true))),
        (None, None) => None,
    }
}
