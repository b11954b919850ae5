//! What a host and a person ask of a reader, and what it says back.
//!
//! - [`options`]: what a host asks (attributes, properties, the query string), read and checked;
//! - [`route`]: the URL fragment's routes, and [`fragment`]: which of a page's readers keeps
//!   its place there;
//! - [`shortcuts`]: what a key does where;
//! - [`listen`]: an article read aloud: its sentences, the player's states, the voice and speed;
//! - [`prefs`]: what a reader remembers of a feed, as a state machine, and [`prefs_merge`]: what
//!   two tabs remember, merged;
//! - [`typography`]: the reading settings;
//! - [`text`]: every string of the interface, in its languages, each language a table of data
//!   ([`strings`] its shape, `lang/` one file per language); [`messages`]: what went wrong with
//!   a feed, in the same; [`words`]: the pieces both write with.

pub mod fragment;
pub mod lang;
pub mod listen;
pub mod messages;
pub mod options;
pub mod prefs;
pub mod prefs_merge;
pub mod route;
pub mod shortcuts;
pub mod strings;
pub mod text;
pub mod typography;
pub mod words;
