//! The interface's languages. English (`english.rs`) is compiled in: the default, the fallback,
//! and what a reader says with no network. Every other language is a file of data beside the
//! reader, `static/lang/{tag}.json` (its tag in [`TRANSLATIONS`]), which the app fetches only when
//! its interface speaks that language, and [`read`] turns into a
//! [`crate::interface::strings::Strings`] table. So a language costs the wasm nothing: adding one
//! is a file and its tag here.
//!
//! A language file is a JSON object: `"tag"`, `"plural"` (a
//! [`crate::interface::strings::PluralRule`]'s name), `"isolate"`; the labels under `"labels"`,
//! the templates at the top and the messages about a feed under `"messages"`, each by its name
//! ([`crate::interface::strings::Label`], [`crate::interface::strings::Text`],
//! [`crate::interface::strings::Message`]); then the table's other entries
//! ([`crate::interface::strings::Strings::entries`]) under their keys, at the top or in
//! `"byte_units"`: a counted message as an object of the rule's CLDR categories (`{"one": …,
//! "other": …}`), a list of texts as an array, the feed's fields in words as an object of JSON
//! names to words.

use crate::feed::json::{self, Object, Value};
use crate::interface::strings::{
    Entry, Plural, PluralRule, Strings, ENTRY_NAMES, LABEL_NAMES, MESSAGE_NAMES, TEXT_NAMES,
};

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

/// Templates in the order of their enum ([`crate::interface::strings::Text`] or
/// [`crate::interface::strings::Message`]), from `name: "text"` pairs in any order, as
/// [`labels!`] does for labels.
macro_rules! templates_of {
    ($enum:ident, $count:ident; $($name:ident: $text:expr),* $(,)?) => {{
        let mut texts = [""; crate::interface::strings::$count];
        $(texts[crate::interface::strings::$enum::$name as usize] = $text;)*
        texts
    }};
}

mod english;

pub use english::ENGLISH;

/// The languages with a file of their own (`static/lang/{tag}.json`), by their BCP 47 primary
/// subtag: Arabic, Urdu, French, Spanish, German.
pub const TRANSLATIONS: [&str; 5] = ["ar", "ur", "fr", "es", "de"];

/// A language's table from the text of its file. An entry the file lacks, or holds as another
/// type, keeps its English (the native tests hold every file to having them all); a file that is
/// not JSON, or names no tag or no known plural rule, is an error.
///
/// Every text is leaked into a `&'static str`: the table is read once per language and page
/// and kept for as long as the page (the app holds each one it reads), and `'static` text lets
/// a loaded table be the same type as the compiled English one, which views hand around freely.
pub fn read(text: &str) -> Result<Strings, &'static str> {
    let document = json::parse(text).map_err(|error| error.problem.as_str())?;
    let Value::Object(root) = document else { return Err("not a JSON object") };
    let text_of = |value: Option<&Value>| value.and_then(Value::as_str).map(leak);
    let mut strings = ENGLISH;
    strings.tag = text_of(root.get("tag")).ok_or("no tag")?;
    strings.plural =
        root.get("plural").and_then(Value::as_str).and_then(PluralRule::named).ok_or("no plural rule")?;
    strings.isolate = matches!(root.get("isolate"), Some(Value::Bool(true)));
    let section = |name: &str| match root.get(name) {
        Some(Value::Object(object)) => Some(object),
        _ => None,
    };
    read_texts(section("labels"), LABEL_NAMES, &mut strings.labels);
    read_texts(Some(&root), TEXT_NAMES, &mut strings.texts);
    read_texts(section("messages"), MESSAGE_NAMES, &mut strings.messages.texts);
    for (entry, name) in strings.entries().into_iter().zip(ENTRY_NAMES.split(' ')) {
        let value = match name.split_once('.') {
            Some((name, key)) => section(name).and_then(|object| object.get(key)),
            None => root.get(name),
        };
        match (entry, value) {
            (Entry::Text(slot), Some(Value::String(text))) => *slot = leak(text),
            (Entry::Counted(slot), Some(Value::Object(forms))) => {
                let other = forms.get(Plural::Other.name());
                for (slot, category) in slot.iter_mut().zip(Plural::ALL) {
                    if let Some(form) = text_of(forms.get(category.name()).or(other)) {
                        *slot = form;
                    }
                }
            }
            (Entry::Texts(slots), Some(Value::Array(texts))) => {
                for (slot, text) in slots.iter_mut().zip(texts) {
                    if let Some(text) = text.as_str() {
                        *slot = leak(text);
                    }
                }
            }
            (Entry::List(slot), Some(Value::Array(texts))) => {
                *slot = texts.iter().filter_map(Value::as_str).map(leak).collect::<Vec<_>>().leak();
            }
            (Entry::Pairs(slot), Some(Value::Object(Object(pairs)))) => {
                let pairs =
                    pairs.iter().filter_map(|(name, words)| Some((leak(name), leak(words.as_str()?))));
                *slot = pairs.collect::<Vec<_>>().leak();
            }
            _ => {}
        }
    }
    Ok(strings)
}

/// The table of the language `tag` (a primary subtag), one of the [`TRANSLATIONS`] read from its
/// file compiled in, else English: natively every language is at hand (the server renderer and the prerender write pages in
/// any of them, and the tests read them), where the wasm fetches all but English.
#[cfg(feature = "native")]
pub fn compiled(tag: &str) -> &'static Strings {
    use std::sync::OnceLock;
    static FILES: [&str; TRANSLATIONS.len()] = [
        include_str!("../../../../../static/lang/ar.json"),
        include_str!("../../../../../static/lang/ur.json"),
        include_str!("../../../../../static/lang/fr.json"),
        include_str!("../../../../../static/lang/es.json"),
        include_str!("../../../../../static/lang/de.json"),
    ];
    static READ: OnceLock<Vec<Strings>> = OnceLock::new();
    let read = READ.get_or_init(|| FILES.iter().map(|text| read(text).unwrap_or(ENGLISH)).collect());
    let position = TRANSLATIONS.iter().position(|&translation| translation == tag);
    position.and_then(|position| read.get(position)).unwrap_or(&ENGLISH)
}

/// Sets each of `slots` to the text its name (in `names`, each followed by a space) has in
/// `object`, where it has one.
fn read_texts(object: Option<&Object>, names: &str, slots: &mut [&'static str]) {
    let Some(object) = object else { return };
    for (slot, name) in slots.iter_mut().zip(names.split(' ')) {
        if let Some(Value::String(text)) = object.get(name) {
            *slot = leak(text);
        }
    }
}

fn leak(text: &str) -> &'static str {
    text.to_owned().leak()
}
