//! What the host page hears of a reader, and when: a feed on screen or failed, the filter
//! changed, an article about to open (asked before, so the host can cancel it). The events
//! themselves are `host_events`; this module decides when each is due. The other way, the
//! core's [`Command`]s a host's writes give a mounted reader reach it through [`HostCommands`].

use std::cell::RefCell;
use std::rc::Rc;

use article_reader_core::interface::text::Ui;
use article_reader_core::{Command, Navigation, ReaderEvent};
use yew::prelude::*;

use crate::effect::use_effect_on;
use crate::feed_source::FeedHandle;
use crate::feed_state::{FeedState, NextPage};
use crate::host_events::{self, Failed, Filtered, Opening, Ready};
use crate::routing::{Navigator, OpeningGuard};

/// How the host's commands reach a mounted reader: the embedding's handle sends them, and
/// `App` hands over the navigator they move it with at each render. One per reader, shared
/// through its props, so it compares by identity.
#[derive(Clone, Default)]
pub struct HostCommands(Rc<RefCell<Link>>);

#[derive(Default)]
struct Link {
    navigator: Option<Navigator>,
    /// The command sent before the reader's first render, carried out once it has rendered.
    waiting: Option<Command>,
}

impl PartialEq for HostCommands {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl HostCommands {
    /// Carries out `command` now, or once the reader has rendered. The link stays borrowed
    /// (shared) meanwhile: a host that answers the move with another write sends again, and
    /// the app's render, the only writer, comes later.
    pub fn send(&self, command: Command) {
        let link = self.0.borrow();
        match &link.navigator {
            Some(navigator) => carry_out(navigator, command),
            None => {
                drop(link);
                self.0.borrow_mut().waiting = Some(command);
            }
        }
    }
}

fn carry_out(navigator: &Navigator, command: Command) {
    match command {
        Command::Go(route) => navigator.go(route),
    }
}

/// Lets the host's commands reach the reader through `navigator` from now on.
#[hook]
pub fn use_host_commands(commands: &HostCommands, navigator: &Navigator) {
    commands.0.borrow_mut().navigator = Some(navigator.clone());
    // A command sent before the first render is carried out after it, not during it.
    let commands = commands.clone();
    use_effect_on((), move |()| {
        let waiting = commands.0.borrow_mut().waiting.take();
        if let (Some(command), Some(navigator)) = (waiting, &commands.0.borrow().navigator) {
            carry_out(navigator, command);
        }
    });
}

/// The feed on screen, kept between renders for the host's answer to an opening.
pub type Shown = Rc<RefCell<Option<FeedHandle>>>;

/// Tells the host that article `id` is about to open; `false` when the host cancelled it (only a
/// `cancelable` announcement can be).
pub fn announce_opening(root: &NodeRef, shown: &Shown, id: &str, cancelable: bool) -> bool {
    let (Some(element), Some(data)) = (root.cast::<web_sys::Element>(), shown.borrow().clone()) else {
        return true;
    };
    match data.feed.article(id) {
        Some(article) => {
            host_events::dispatch(&element, host_events::OPEN, &Opening::of(article), cancelable)
        }
        None => true,
    }
}

/// Keeps `shown` the feed on screen, and returns what the navigator asks before it opens an
/// article itself (cancelable).
#[hook]
pub fn use_opening_guard(root: NodeRef, feed_state: &FeedState) -> (OpeningGuard, Shown) {
    let shown = use_mut_ref(|| None::<FeedHandle>);
    *shown.borrow_mut() = feed_state.ready().cloned();
    let guard: OpeningGuard = {
        let shown = shown.clone();
        Rc::new(move |id: &str| announce_opening(&root, &shown, id, true))
    };
    (guard, shown)
}

/// Tells the host when a feed is on screen or cannot be (which waits for the interface's
/// language, `speaking`, as the view does), and when the feed's filter changes.
#[hook]
pub fn use_host_events(
    root: NodeRef,
    feed_state: UseStateHandle<FeedState>,
    navigation: Navigation,
    speaking: bool,
) {
    {
        let root = root.clone();
        // Nothing is on screen before the interface's language is: the feed waits for it.
        use_effect_on((feed_state, speaking), move |(feed_state, speaking)| {
            let Some(element) = root.cast::<web_sys::Element>().filter(|_| *speaking) else { return };
            match &**feed_state {
                // A kept copy shown for a feed that could not be fetched: an error, flagged.
                FeedState::Ready(data, NextPage::Idle) if data.kept.is_some() => {
                    let (Some(kept), url) = (&data.kept, data.source.as_deref()) else { return };
                    let message = Ui::default().load_failure(&kept.failure);
                    let failed =
                        Failed { message: &message, kind: kept.failure.kind().as_str(), url, kept: true };
                    host_events::dispatch(&element, host_events::ERROR, &failed, false);
                }
                // A paged feed's later pages add to the feed on screen: it is ready once.
                FeedState::Ready(data, NextPage::Idle) if data.pages.count() == 1 => {
                    let ready = Ready { articles: data.feed.articles.len(), skipped: data.skipped.len() };
                    host_events::dispatch(&element, host_events::READY, &ready, false);
                }
                FeedState::Failed { failure, url } => {
                    let message = Ui::default().load_failure(failure);
                    let failed = Failed {
                        message: &message,
                        kind: failure.kind().as_str(),
                        url: url.as_deref(),
                        kept: false,
                    };
                    host_events::dispatch(&element, host_events::ERROR, &failed, false);
                }
                _ => {}
            }
        });
    }
    let previous = use_mut_ref(|| navigation.clone());
    use_effect_on(navigation, move |navigation| {
        let before = previous.replace(navigation.clone());
        let Some(element) = root.cast::<web_sys::Element>() else { return };
        for event in before.events_to(navigation) {
            if let ReaderEvent::FilterChanged { filter } = &event {
                host_events::dispatch(&element, host_events::FILTER, &Filtered::of(filter), false);
            }
        }
    });
}
