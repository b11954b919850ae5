//! The keyboard shortcuts as a table: a key and where the reader stands in, what it does.
//! `j`/`k` move between the cards of a list, Enter or `o` opens the focused one, Escape goes back
//! to the feed, `/` searches, `n` starts or stops reading the article aloud, `?` shows the shortcuts (and `?` or Escape hides them). Nothing
//! fires while the person types in a field or holds a modifier; `keyboard="off"` turns the
//! single-key shortcuts off (WCAG 2.1.4), and Enter and Escape stay. The app reads the context
//! from the page and does what the action says.

/// Where the reader stands when a key is pressed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyContext {
    /// Ctrl, Meta or Alt is held, or the page has already handled the key.
    pub taken: bool,
    /// The key went to a field (the reader's or the host's).
    pub typing: bool,
    /// The single-key shortcuts are on.
    pub single_keys: bool,
    /// The shortcuts' help is open.
    pub help_open: bool,
    /// An article or "not found" is shown: Escape goes back to the feed.
    pub away_from_feed: bool,
    /// How many cards the list on screen has.
    pub cards: usize,
    /// The card that holds the focus.
    pub focused_card: Option<usize>,
    /// The focus is on a link, which Enter follows itself.
    pub on_link: bool,
    /// The search box is there.
    pub search: bool,
    /// The article on screen can be read aloud.
    pub listen: bool,
}

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// Opens (`true`) or closes the shortcuts' help.
    Help(bool),
    FocusSearch,
    /// Moves the focus to this card.
    FocusCard(usize),
    /// Opens this card's article, as a click on its headline would.
    OpenCard(usize),
    /// Back to the feed.
    Back,
    /// Starts reading the article aloud, or stops.
    Listen,
}

/// What `key` (as `KeyboardEvent.key` names it) does in `cx`; `None` when it is not a shortcut
/// there, and the key is left to the page.
pub fn shortcut(key: &str, cx: &KeyContext) -> Option<KeyAction> {
    if cx.taken || cx.typing || (!cx.single_keys && key.chars().count() == 1) {
        return None;
    }
    if cx.help_open {
        return matches!(key, "Escape" | "?").then_some(KeyAction::Help(false));
    }
    match key {
        "?" => Some(KeyAction::Help(true)),
        "/" => cx.search.then_some(KeyAction::FocusSearch),
        "j" | "k" if cx.cards > 0 => Some(KeyAction::FocusCard(match (cx.focused_card, key) {
            (None, _) => 0,
            (Some(i), "j") => (i + 1).min(cx.cards - 1),
            (Some(i), _) => i.saturating_sub(1),
        })),
        "Enter" | "o" if !(key == "Enter" && cx.on_link) => cx.focused_card.map(KeyAction::OpenCard),
        "Escape" if cx.away_from_feed => Some(KeyAction::Back),
        "n" => cx.listen.then_some(KeyAction::Listen),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::KeyAction::*;
    use super::*;

    #[test]
    fn a_key_in_its_context_is_one_action_or_none() {
        let feed = KeyContext { single_keys: true, cards: 3, search: true, ..KeyContext::default() };
        let on = |card| KeyContext { focused_card: Some(card), ..feed };
        let article = KeyContext { away_from_feed: true, cards: 0, ..feed };
        let listen = KeyContext { listen: true, ..article };
        let help = KeyContext { help_open: true, ..feed };
        let off = KeyContext { single_keys: false, ..on(1) };
        let cases: &[(&str, KeyContext, Option<KeyAction>)] = &[
            ("j", feed, Some(FocusCard(0))),
            ("k", feed, Some(FocusCard(0))),
            ("j", on(0), Some(FocusCard(1))),
            ("j", on(2), Some(FocusCard(2))),
            ("k", on(2), Some(FocusCard(1))),
            ("k", on(0), Some(FocusCard(0))),
            ("j", article, None),
            ("Enter", on(1), Some(OpenCard(1))),
            ("o", on(1), Some(OpenCard(1))),
            ("Enter", feed, None),
            ("Enter", KeyContext { on_link: true, ..on(1) }, None),
            ("o", KeyContext { on_link: true, ..on(1) }, Some(OpenCard(1))),
            ("/", feed, Some(FocusSearch)),
            ("/", KeyContext { search: false, ..feed }, None),
            ("?", feed, Some(Help(true))),
            ("?", help, Some(Help(false))),
            ("Escape", help, Some(Help(false))),
            ("j", help, None),
            ("Escape", article, Some(Back)),
            ("Escape", feed, None),
            ("j", KeyContext { typing: true, ..on(0) }, None),
            ("Escape", KeyContext { typing: true, ..article }, None),
            ("j", KeyContext { taken: true, ..on(0) }, None),
            ("j", off, None),
            ("?", off, None),
            ("/", off, None),
            ("Enter", off, Some(OpenCard(1))),
            ("Escape", KeyContext { single_keys: false, ..article }, Some(Back)),
            ("n", listen, Some(Listen)),
            ("n", article, None),
            ("n", KeyContext { typing: true, ..listen }, None),
            ("n", KeyContext { single_keys: false, ..listen }, None),
            ("n", KeyContext { help_open: true, ..listen }, None),
            ("x", on(0), None),
            ("ArrowDown", on(0), None),
        ];
        for (key, cx, action) in cases {
            assert_eq!(shortcut(key, cx), *action, "{key} in {cx:?}");
        }
    }
}
