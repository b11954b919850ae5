//! The bridge between the reader's [`Route`]s and where a reader keeps its place: the URL
//! fragment (hash routing, the standalone page) or its own memory (embedded, leaving the host's
//! URL alone). The route table itself lives in the core (`article_reader_core::interface::route`); this is
//! the only module that reads or writes the page's URL.

use std::rc::Rc;

use article_reader_core::{Route, Routing};
use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::state::{ReaderAction, ReaderState};

/// The reader's route in the address bar now; `None` when the fragment is the host page's own
/// (see [`Route::from_own_hash`]).
pub fn current_route() -> Option<Route> {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    Route::from_own_hash(&hash)
}

/// Calls `on_change` with the new route whenever the fragment changes under the reader to one
/// of its own (back, forward, a typed address, another script); the host page's own fragments
/// are left to it. Dropping the listeners unsubscribes.
pub fn on_route_change(on_change: impl Fn(Route) + 'static) -> [EventListener; 2] {
    let on_change = Rc::new(move || {
        if let Some(route) = current_route() {
            on_change(route);
        }
    });
    let window = gloo::utils::window();
    let again = on_change.clone();
    [
        EventListener::new(&window, "hashchange", move |_| on_change()),
        EventListener::new(&window, "popstate", move |_| again()),
    ]
}

/// This page's address with `route` as its fragment.
pub fn page_url_with(route: &Route) -> String {
    let location = gloo::utils::window().location();
    format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        route.to_hash()
    )
}

/// Asked before the reader opens an article itself, with the article's id: `false` keeps the
/// reader where it is (the host cancelled `article-reader-open`).
pub type OpeningGuard = Rc<dyn Fn(&str) -> bool>;

/// How components move the reader: shared through the reader's context so no view needs to know
/// which routing the host chose.
#[derive(Clone)]
pub struct Navigator {
    pub routing: Routing,
    dispatcher: UseReducerDispatcher<ReaderState>,
    opening: OpeningGuard,
}

impl PartialEq for Navigator {
    fn eq(&self, other: &Self) -> bool {
        self.routing == other.routing
    }
}

impl Navigator {
    pub fn new(
        routing: Routing,
        dispatcher: UseReducerDispatcher<ReaderState>,
        opening: OpeningGuard,
    ) -> Navigator {
        Navigator { routing, dispatcher, opening }
    }

    /// Goes to `route`, as a new step of history with hash routing.
    pub fn go(&self, route: Route) {
        self.move_to(route, false);
    }

    /// Goes to `route` in place of the current step (a search being typed is one step, not one
    /// per keystroke).
    pub fn replace(&self, route: Route) {
        self.move_to(route, true);
    }

    fn move_to(&self, route: Route, replace: bool) {
        if let Route::Article(id) = &route {
            if !(self.opening)(id) {
                return;
            }
        }
        if self.routing == Routing::Hash {
            // pushState and replaceState fire no event, so the app is told at once below: a
            // route never arrives late, after a newer one (fast typing in the search box).
            if let Ok(history) = gloo::utils::window().history() {
                let url = page_url_with(&route);
                let _ = if replace {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                } else {
                    history.push_state_with_url(&JsValue::NULL, "", Some(&url))
                };
            }
        }
        self.dispatcher.dispatch(ReaderAction::Navigated(route));
    }

    /// A click handler for the reader's root: a plain click on one of the reader's own `#/…`
    /// links moves the reader through [`Navigator::go`] (which, in memory, leaves the host's
    /// URL alone); a headline that leads to the article's own address (`open="link"`) asks the
    /// host first, and a cancelled opening stays where it is.
    pub fn link_interceptor(&self) -> Callback<MouseEvent> {
        let navigator = self.clone();
        Callback::from(move |event: MouseEvent| {
            if event.button() != 0
                || event.ctrl_key()
                || event.meta_key()
                || event.shift_key()
                || event.alt_key()
            {
                return;
            }
            use wasm_bindgen::JsCast;
            let link = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("a[href]").ok().flatten());
            if let Some(id) = link.as_ref().and_then(|link| link.get_attribute("data-opens")) {
                if !(navigator.opening)(&id) {
                    event.prevent_default();
                }
                return;
            }
            let href = link.and_then(|link| link.get_attribute("href")).filter(|href| href.starts_with("#/"));
            if let Some(href) = href {
                event.prevent_default();
                navigator.go(Route::from_hash(&href));
            }
        })
    }
}
