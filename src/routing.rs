//! The bridge between the reader's [`Route`]s and where a reader keeps its place: the URL
//! fragment (hash routing, the standalone page) or its own memory (embedded, leaving the host's
//! URL alone). The route table itself lives in the core (`article_reader_core::route`); this is
//! the only module that reads or writes `location.hash`.

use article_reader_core::{Route, Routing};
use gloo::events::EventListener;
use yew::prelude::*;

use crate::state::{ReaderAction, ReaderState};

/// The route the address bar shows now.
pub fn current_route() -> Route {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    Route::from_hash(&hash)
}

/// Calls `on_change` with the new route whenever the fragment changes (links, back, forward,
/// typing in the address bar). Dropping the listener unsubscribes.
pub fn on_route_change(on_change: impl Fn(Route) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "hashchange", move |_| on_change(current_route()))
}

/// How components move the reader: shared through a Yew context so no view needs to know which
/// routing the host chose.
#[derive(Clone)]
pub struct Navigator {
    pub routing: Routing,
    dispatcher: UseReducerDispatcher<ReaderState>,
}

impl PartialEq for Navigator {
    fn eq(&self, other: &Self) -> bool {
        self.routing == other.routing
    }
}

impl Navigator {
    pub fn new(routing: Routing, dispatcher: UseReducerDispatcher<ReaderState>) -> Navigator {
        Navigator { routing, dispatcher }
    }

    /// Goes to `route`. With hash routing this sets the fragment, which adds a history entry;
    /// the `hashchange` listener then updates the app. In memory it updates the app directly.
    pub fn go(&self, route: Route) {
        match self.routing {
            Routing::Hash => {
                let _ = gloo::utils::window().location().set_hash(&route.to_hash());
            }
            Routing::Memory => self.dispatcher.dispatch(ReaderAction::Navigated(route)),
        }
    }

    /// A click handler for the reader's root: in memory, a plain click on one of the reader's
    /// own `#/…` links moves the reader instead of the host page's URL.
    pub fn link_interceptor(&self) -> Callback<MouseEvent> {
        let navigator = self.clone();
        Callback::from(move |event: MouseEvent| {
            if navigator.routing != Routing::Memory
                || event.button() != 0
                || event.ctrl_key()
                || event.meta_key()
                || event.shift_key()
                || event.alt_key()
            {
                return;
            }
            use wasm_bindgen::JsCast;
            let href = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("a[href^='#/']").ok().flatten())
                .and_then(|link| link.get_attribute("href"));
            if let Some(href) = href {
                event.prevent_default();
                navigator.go(Route::from_hash(&href));
            }
        })
    }
}
