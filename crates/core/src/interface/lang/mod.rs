//! The interface's languages, one file each, every one a
//! [`crate::interface::strings::Strings`] table of data and nothing else: English (`english.rs`)
//! and Arabic (`arabic.rs`). A new language is a new file here and a variant of
//! [`crate::interface::text::Language`].

/// Labels in the order of [`crate::interface::strings::Label`], from `Label: "text"` pairs in
/// any order; each table asserts at build time that none is left out
/// ([`crate::interface::strings::all_set`]).
macro_rules! labels {
    ($($label:ident: $text:expr),* $(,)?) => {{
        let mut labels = [""; crate::interface::strings::LABELS];
        $(labels[crate::interface::strings::Label::$label as usize] = $text;)*
        labels
    }};
}

mod arabic;
mod english;

pub use arabic::ARABIC;
pub use english::ENGLISH;
