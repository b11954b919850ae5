//! Where the focus goes when the view changes under a keyboard user: back to the card of the
//! article they return from, and, from the skip link, to the first article or the article's
//! title; and when a view's focus is moved (once the reader has rendered the change).

use article_reader_core::{Navigation, Route};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::effect::use_effect_on;

/// The feed's cards a person can see: not those of the feed kept hidden under an open article.
pub const VISIBLE_CARDS: &str = ":not([hidden]) > [role=feed] > article";

/// The article a return to the feed comes from, whose card should get the focus again.
#[hook]
pub fn use_return_to(navigation: Navigation) -> Option<String> {
    let return_to = use_state(|| None::<String>);
    {
        let return_to = return_to.clone();
        let previous = use_mut_ref(|| navigation.clone());
        use_effect_on(navigation, move |navigation| {
            let before = previous.replace(navigation.clone());
            match (&before.route, &navigation.route) {
                (Route::Article(id), Route::Feed(_)) => return_to.set(Some(id.clone())),
                (_, Route::Article(_)) => return_to.set(None),
                _ => {}
            }
        });
    }
    (*return_to).clone()
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
