//! Who keeps its place in the page's URL fragment when several readers share a page.
//!
//! The fragment is one per page, so at most one reader routes by it: the first that asks for
//! hash routing gets it and keeps it until it asks for memory routing or is removed. Any other
//! that asks meanwhile keeps its place in memory instead (and its host hears why, once), and
//! gets the fragment when it asks again after the owner let it go.

use crate::interface::options::Routing;

/// A reader on the page, as [`FragmentOwner`] knows it.
pub type ReaderId = u32;

/// The page's one record of which reader routes by the fragment, and of the readers it has
/// named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FragmentOwner {
    owner: Option<ReaderId>,
    named: ReaderId,
}

/// The routing a reader gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grant {
    /// It asked for memory routing.
    Memory,
    /// It asked for hash routing and owns the fragment.
    Hash,
    /// It asked for hash routing, but another reader owns the fragment: it routes in memory.
    Refused,
}

impl Grant {
    /// The routing the reader uses.
    pub fn routing(self) -> Routing {
        match self {
            Grant::Hash => Routing::Hash,
            Grant::Memory | Grant::Refused => Routing::Memory,
        }
    }
}

impl FragmentOwner {
    /// A page with no readers yet.
    pub const EMPTY: FragmentOwner = FragmentOwner { owner: None, named: 0 };

    /// A name for a new reader on the page.
    pub fn join(&mut self) -> ReaderId {
        self.named += 1;
        self.named
    }

    /// The routing `reader` gets when it asks for `asked`: see the module's rule.
    pub fn claim(&mut self, reader: ReaderId, asked: Routing) -> Grant {
        match asked {
            Routing::Memory => {
                self.release(reader);
                Grant::Memory
            }
            Routing::Hash => match self.owner {
                Some(owner) if owner != reader => Grant::Refused,
                _ => {
                    self.owner = Some(reader);
                    Grant::Hash
                }
            },
        }
    }

    /// `reader` is gone: if it owned the fragment, nobody does now.
    pub fn release(&mut self, reader: ReaderId) {
        if self.owner == Some(reader) {
            self.owner = None;
        }
    }

    /// The reader that routes by the fragment, if any.
    pub fn owner(&self) -> Option<ReaderId> {
        self.owner
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Routing::{Hash, Memory};

    #[test]
    fn one_reader_at_a_time_owns_the_fragment() {
        // (the owner before, the reader, what it asks for, what it gets, the owner after)
        type Case = (Option<ReaderId>, ReaderId, Routing, Grant, Option<ReaderId>);
        let cases: &[Case] = &[
            (None, 1, Hash, Grant::Hash, Some(1)),
            (None, 1, Memory, Grant::Memory, None),
            (Some(1), 1, Hash, Grant::Hash, Some(1)),
            (Some(1), 2, Hash, Grant::Refused, Some(1)),
            (Some(1), 2, Memory, Grant::Memory, Some(1)),
            (Some(1), 1, Memory, Grant::Memory, None),
        ];
        for &(before, reader, asked, grant, after) in cases {
            let mut page = FragmentOwner { owner: before, named: 2 };
            assert_eq!(page.claim(reader, asked), grant, "{before:?}: reader {reader} asks for {asked:?}");
            assert_eq!(page.owner(), after, "{before:?}: reader {reader} asks for {asked:?}");
        }
    }

    #[test]
    fn a_refused_reader_gets_the_fragment_once_the_owner_lets_it_go() {
        let mut page = FragmentOwner::EMPTY;
        let (first, second) = (page.join(), page.join());
        assert_ne!(first, second);
        assert_eq!(page.claim(first, Hash), Grant::Hash);
        assert_eq!(page.claim(second, Hash), Grant::Refused);
        assert_eq!(Grant::Refused.routing(), Memory);
        page.release(second);
        assert_eq!(page.owner(), Some(first), "only the owner's removal frees it");
        page.release(first);
        assert_eq!(page.claim(second, Hash), Grant::Hash);
        assert_eq!(page.claim(first, Hash), Grant::Refused);
    }
}
