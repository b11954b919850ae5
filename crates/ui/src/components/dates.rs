//! An article's dates as `<time>` elements ("Published 24 October 2024", "Updated …"), in the
//! reader's locale through `Intl.DateTimeFormat`, machine-readable in `datetime`. Natively (the
//! server renderer) the core writes the date; hydration replaces that text with the browser's.

use article_reader_core::Timestamp;
use yew::prelude::*;

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
    use js_sys::{Array, Date, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        /// The last `Intl.DateTimeFormat` made, with its locale: making one costs more than
        /// formatting, and every card of the feed formats a date in the same locale.
        static FORMATTER: RefCell<Option<(String, Function)>> = const { RefCell::new(None) };
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
            let options = Object::new();
            let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
            let _ = Reflect::set(&options, &"timeZone".into(), &"UTC".into());
            let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
            let constructor: Function =
                Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.dyn_into().ok()?;
            let args = Array::of2(&Array::of1(&JsValue::from_str(locale)), &options);
            let instance = Reflect::construct(&constructor, &args).ok()?;
            // `format` is a getter returning a function bound to its formatter.
            let format: Function = Reflect::get(&instance, &"format".into()).ok()?.dyn_into().ok()?;
            *cached.borrow_mut() = Some((locale.to_owned(), format.clone()));
            Some(format)
        })
    }

    /// The calendar date the feed wrote, in `locale` ("25 October 2024", "25 أكتوبر 2024"). Formats
    /// in UTC from the date's own year, month and day, so no time zone moves it to another day.
    #[allow(clippy::disallowed_types)] // a web API's number, handed over as it is: never formatted or parsed in Rust
    pub fn local_date(date: &Timestamp, locale: &str) -> String {
        let (year, month, day) = date.calendar_date();
        let millis = Date::utc(f64::from(year), f64::from(month) - 1.0);
        let at = Date::new(&JsValue::from_f64(millis + (f64::from(day) - 1.0) * 86_400_000.0));
        formatter(locale)
            .and_then(|format| format.call1(&JsValue::NULL, &at).ok())
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| date.long_date())
    }
}

/// The dates as a paragraph of `<time>`s; `compact` (a feed card) shows only the date the feed
/// is ordered by. A plain function, not a component: see `tag_list::tag_links` for why.
pub fn dates_of(
    cx: &ReaderContext,
    published: Option<&Timestamp>,
    updated: Option<&Timestamp>,
    compact: bool,
) -> Html {
    let time = |updated: bool, date: &Timestamp, labelled: bool| {
        let text = local_date(date, &cx.locale);
        let text = if labelled || updated { cx.ui.dated(updated, &text) } else { text };
        html! { <time class="ar-date" datetime={date.as_rfc3339().to_owned()}>{ text }</time> }
    };
    let shown: Vec<Html> = match (published, updated) {
        (Some(published), _) if compact => vec![time(false, published, false)],
        (Some(published), Some(updated)) if updated > published => {
            vec![time(false, published, true), time(true, updated, true)]
        }
        (Some(published), _) => vec![time(false, published, true)],
        (None, Some(updated)) => vec![time(true, updated, true)],
        (None, None) => return Html::default(),
    };
    html! { <p class="ar-dates">{ for shown }</p> }
}
