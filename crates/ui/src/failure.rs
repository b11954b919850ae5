//! A failure to show a feed, its next page or an article's body, as the states and views hold
//! it: shared, and compared by identity. A leaf, so every state can hold one.

use std::rc::Rc;

use article_reader_core::LoadFailure;

/// Why a feed (or its next page, or an article's body) could not be shown, shared by the states
/// and views that hold it and compared by identity: each failure is a new one. (Comparing and
/// cloning every kind of `LoadFailure` field by field cost the wasm 0.8 KB brotli.)
#[derive(Clone, Debug)]
pub struct Failure(Rc<LoadFailure>);

impl Failure {
    pub fn new(failure: LoadFailure) -> Failure {
        Failure(Rc::new(failure))
    }
}

impl std::ops::Deref for Failure {
    type Target = LoadFailure;
    fn deref(&self) -> &LoadFailure {
        &self.0
    }
}

impl PartialEq for Failure {
    fn eq(&self, other: &Failure) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
