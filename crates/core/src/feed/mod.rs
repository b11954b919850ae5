//! Reading a feed: from the text a server sent (or a host handed over) to a validated
//! [`Feed`](crate::model::Feed) and what it skipped, page by page, and what can go wrong on the
//! way.
//!
//! - [`json`]: the JSON reader (serde_json's messages and limits, in a forward pass);
//! - `raw`: the JSON Feed fields the reader reads, picked out of a JSON object;
//! - [`load`]: the document and each item checked, the problems as data;
//! - [`paging`]: a feed in pages (`next_url`), with its loop guard;
//! - [`split`]: a large feed written as an index and body chunks;
//! - [`source`]: where a feed comes from, and the failures of fetching it;
//! - [`retry`]: which of those failures to try again, and when.

pub mod json;
pub mod load;
pub mod paging;
pub(crate) mod raw;
pub mod retry;
pub mod source;
pub mod split;
