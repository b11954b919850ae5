//! The bridge between the reader's [`Route`]s and the browser's URL fragment. The route table
//! itself lives in the core (`article_reader_core::route`); this module only reads and writes
//! `location.hash` and listens for it to change.

use article_reader_core::Route;
use gloo::events::EventListener;

/// The route the address bar shows now.
pub fn current_route() -> Route {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    Route::from_hash(&hash)
}

/// Navigates to `route` by setting the fragment, which adds a history entry and fires
/// `hashchange`; the listener from [`on_route_change`] then updates the app.
pub fn go(route: &Route) {
    let _ = gloo::utils::window().location().set_hash(&route.to_hash());
}

/// Calls `on_change` with the new route whenever the fragment changes (links, back, forward,
/// typing in the address bar). Dropping the listener unsubscribes.
pub fn on_route_change(on_change: impl Fn(Route) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "hashchange", move |_| on_change(current_route()))
}
