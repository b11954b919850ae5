//! The app's state: where the reader is. A thin Yew [`Reducible`] over the core's
//! [`Navigation`], which holds the logic and is tested natively.

use std::rc::Rc;

use article_reader_core::{Navigation, Route};
use yew::Reducible;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ReaderState {
    pub navigation: Navigation,
}

pub enum ReaderAction {
    /// The URL now shows `Route`.
    Navigated(Route),
}

impl Reducible for ReaderState {
    type Action = ReaderAction;

    fn reduce(self: Rc<Self>, action: ReaderAction) -> Rc<Self> {
        match action {
            ReaderAction::Navigated(route) if route == self.navigation.route => self,
            ReaderAction::Navigated(route) => {
                Rc::new(ReaderState { navigation: self.navigation.navigate(route) })
            }
        }
    }
}
