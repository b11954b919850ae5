//! What the feed view shows and how it is chosen: a loaded feed's indexes, built once, and the
//! answers to a person's query from them.
//!
//! - [`indexed`]: a loaded feed with its indexes (tags, search, the selector);
//! - [`tags`]: each tag with its articles, by count then name;
//! - [`filter`]: the tags a person selects, any or all;
//! - [`search`]: folded text, the query, and the highlights of a match;
//! - [`selection`]: a query answered, with the count every tag would leave;
//! - [`reading`]: reading time, related articles, newer and older neighbours;
//! - [`case`]: lower case from a small table, for tags and search;
//! - `order`: the one sort the wasm carries.

pub mod case;
pub mod filter;
pub mod indexed;
pub(crate) mod order;
pub mod reading;
pub mod search;
pub mod selection;
pub mod tags;
