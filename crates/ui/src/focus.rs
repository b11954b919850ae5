//! Where the focus goes when the view changes under a keyboard user: back to the card of the
//! article they return from, and, from the skip link, to the first article or the article's
//! title; and when a view's focus is moved (once the reader has rendered the change).

use article_reader_core::{Navigation, Route};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The feed's cards a person can see: not those of the feed kept hidden under an open article.
pub const VISIBLE_CARDS: &str = ":not([hidden]) > [role=feed] > article";

/// The article a return to the feed comes from, whose card should get the focus again: found
/// in the render that changes the route, from the route before it. (Set as state by an effect,
/// it cost every open and every back a second render of the whole app.)
#[hook]
pub fn use_return_to(navigation: Navigation) -> Option<String> {
    let seen = use_mut_ref(|| (navigation.clone(), None::<String>));
    let mut seen = seen.borrow_mut();
    if seen.0 != navigation {
        match (&seen.0.route, &navigation.route) {
            (Route::Article(id), Route::Feed(_)) => seen.1 = Some(id.clone()),
            (_, Route::Article(_)) => seen.1 = None,
            _ => {}
        }
        seen.0 = navigation;
    }
    seen.1.clone()
}

/// Focuses the element `find` returns, once the reader has rendered all that the change being
/// rendered asked for. An effect runs between the renders of one pass: an article's open effect
/// marks it read and learns whether the browser can share, and each renders again. `focus()`
/// lays the page out at once, so a focus from the effect laid it out before that render and
/// again after it; queued behind the pass, the page is laid out once (ARCHITECTURE.md, "Where
/// the time goes", has the trace and the figures). The element is found then too: a render may
/// have replaced it.
pub fn focus_when_rendered(find: impl FnOnce() -> Option<web_sys::HtmlElement> + 'static) {
    focus_found_when_rendered(Box::new(find));
}

/// [`focus_when_rendered`] for one type of task, whoever asks.
fn focus_found_when_rendered(find: Box<dyn FnOnce() -> Option<web_sys::HtmlElement>>) {
    // Yew renders in a task of this queue; one spawned from inside its pass runs after it.
    yew::platform::spawn_local(async move {
        if let Some(element) = find() {
            let _ = element.focus();
        }
    });
}

/// The skip link's click: the focus to the first article of the feed, or the article's title.
pub fn skip_to_content(root: NodeRef) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let first = root
            .cast::<web_sys::Element>()
            .and_then(|r| r.query_selector(&format!("{VISIBLE_CARDS}, h1[tabindex]")).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(first) = first {
            let _ = first.focus();
        }
    })
}
