//! The keyboard shortcuts in the page: what a key does is the core's table
//! (`article_reader_core::interface::shortcuts`); this module reads its context from the page (a field
//! typed into, judged by the event's real target inside any shadow root; the cards and the one
//! focused; a modifier) and does what it says. The standalone page hears the keys anywhere on
//! it; an embedded reader, whatever its routing, only while the focus is inside it, so it never
//! takes keys from its host.

use article_reader_core::interface::shortcuts::{shortcut, KeyAction, KeyContext};
use article_reader_core::Route;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::effect::use_effect_on;
use crate::focus::VISIBLE_CARDS;
use crate::routing::Navigator;

/// What a key press needs to know, refreshed on every render.
pub struct KeyState {
    pub route: Route,
    pub back: Route,
    pub navigator: Navigator,
    pub help_open: bool,
    pub set_help: Box<dyn Fn(bool)>,
    /// The single-key shortcuts are on.
    pub single_keys: bool,
}

/// The key went to a field. Not `event.target`: a listener outside a shadow root sees the
/// shadow host there, and a field inside it would pass for the page.
fn is_typing(event: &KeyboardEvent) -> bool {
    let target = event.composed_path().get(0);
    let Ok(target) = target.dyn_into::<Element>() else { return false };
    let tag = target.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || target.closest("[contenteditable]:not([contenteditable='false'])").ok().flatten().is_some()
}

fn cards(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(VISIBLE_CARDS) else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
}

/// The focused element, looking into the reader's shadow root when it has one.
pub(crate) fn active_element(root: &Element) -> Option<Element> {
    match root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => gloo::utils::document().active_element(),
    }
}

/// The card holding the focus, if any.
fn focused_card(root: &Element) -> Option<HtmlElement> {
    let card = active_element(root)?.closest("[role=feed] > article").ok().flatten()?;
    card.dyn_into::<HtmlElement>().ok().filter(|card| root.contains(Some(card)))
}

/// Handles one key press inside `root`; `true` when it was a shortcut.
pub fn handle(event: &KeyboardEvent, root: &Element, state: &KeyState) -> bool {
    let cards = cards(root);
    let focused = focused_card(root);
    // Not the feed kept hidden under an open article.
    let search = root
        .query_selector(".ar-sidebar:not([hidden]) .ar-search__input")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok());
    // Reading aloud's control: Stop while reading, else Listen (offered only with a voice).
    let listen = root
        .query_selector(".ar-listen__more:not([hidden]) > .ar-listen__stop, .ar-listen__play:has(+ [hidden])")
        .ok()
        .flatten()
        .map(JsCast::unchecked_into::<HtmlElement>);
    let cx = KeyContext {
        taken: event.default_prevented() || event.ctrl_key() || event.meta_key() || event.alt_key(),
        typing: is_typing(event),
        single_keys: state.single_keys,
        help_open: state.help_open,
        away_from_feed: matches!(state.route, Route::Article(_) | Route::NotFound(_)),
        cards: cards.len(),
        focused_card: focused.and_then(|card| cards.iter().position(|c| *c == card)),
        on_link: active_element(root).is_some_and(|a| a.tag_name() == "A"),
        search: search.is_some(),
        listen: listen.is_some(),
    };
    let focus = |element: Option<&HtmlElement>| element.is_some_and(|e| e.focus().is_ok());
    match shortcut(&event.key(), &cx) {
        None => false,
        Some(KeyAction::Help(open)) => {
            (state.set_help)(open);
            true
        }
        Some(KeyAction::FocusSearch) => focus(search.as_ref()),
        Some(KeyAction::FocusCard(i)) => focus(cards.get(i)),
        // As a click on its headline: the reader opens it, or the host's page goes to its own
        // address, whichever `open` says, the host asked first either way.
        Some(KeyAction::OpenCard(i)) => {
            let link = cards.get(i).and_then(|card| card.query_selector("a.ar-card__link").ok().flatten());
            let Some(link) = link.and_then(|link| link.dyn_into::<HtmlElement>().ok()) else { return false };
            link.click();
            true
        }
        Some(KeyAction::Listen) => listen.is_some_and(|button| {
            button.click();
            true
        }),
        Some(KeyAction::Back) => {
            state.navigator.go(state.back.clone());
            true
        }
    }
}

/// Listens for shortcuts for as long as the reader is mounted: on the whole page for the
/// standalone page, inside `root` for an embedded reader. `state` is refreshed every render.
#[hook]
pub fn use_shortcuts(root: NodeRef, standalone: bool, state: KeyState) {
    let key_state = use_mut_ref(|| None::<KeyState>);
    *key_state.borrow_mut() = Some(state);
    use_effect_on(standalone, move |standalone| {
        let target: Option<web_sys::EventTarget> = match standalone {
            true => Some(gloo::utils::document().into()),
            false => root.cast::<Element>().map(Into::into),
        };
        let listener = target.map(|target| {
            EventListener::new_with_options(
                &target,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let (Some(event), Some(root)) =
                        (event.dyn_ref::<KeyboardEvent>(), root.cast::<Element>())
                    else {
                        return;
                    };
                    if let Some(state) = &*key_state.borrow() {
                        if handle(event, &root, state) {
                            event.prevent_default();
                        }
                    }
                },
            )
        });
        move || drop(listener)
    });
}
