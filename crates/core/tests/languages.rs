//! Every language file (`static/lang/{tag}.json`) against English, the table compiled in: each
//! of its entries there, of its type and not empty, no key English lacks, the same `{0}`, `{1}`
//! … in each template, and a counted message's forms exactly the categories of the language's
//! plural rule. Then each file read as the reader reads it, and said through the interface.

use std::collections::BTreeSet;
use std::path::PathBuf;

use article_reader_core::feed::json::{self, SyntaxProblem, Value};
use article_reader_core::interface::lang::{self, ENGLISH, TRANSLATIONS};
use article_reader_core::interface::strings::{
    Entry, Label, PluralRule, ENTRY_NAMES, LABEL_NAMES, MESSAGE_NAMES, TEXT_NAMES,
};
use article_reader_core::interface::text::Ui;

fn lang_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static/lang")
}

/// The `{n}` of a template.
fn placeholders(template: &str) -> BTreeSet<usize> {
    let mut found = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(n) = rest.find('}').and_then(|close| rest[..close].parse().ok()) {
            found.insert(n);
        }
    }
    found
}

/// A template a language leaves a value out of, because it says it otherwise (Arabic's result
/// names the articles in the count's own form, `{2}`, not `{1}`). A message may always leave a
/// value out (`messages` of `Strings`), and `field_reason` the field where the language's
/// reasons name it themselves (`field_name`).
const LEAVES_OUT: &[(&str, &str)] = &[("ar", "result_some")];

/// Values a template has that English's does not say, each documented on its `Strings` field:
/// Arabic's result counts the articles in their own form, the field named by `field_name`, a
/// stall's seconds in words, the entries an array must hold.
const MORE_VALUES: &[(&str, usize)] =
    &[("result_some", 2), ("field_name", 0), ("messages.stalled", 2), ("messages.not_strings", 1)];

/// What is wrong with the file of `tag`, one line each.
fn problems(tag: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let Ok(Value::Object(file)) = json::parse(text) else { return vec!["not a JSON object".to_owned()] };
    if file.get("tag").and_then(Value::as_str) != Some(tag) {
        problems.push(format!("its tag is not {tag:?}"));
    }
    let Some(rule) = file.get("plural").and_then(Value::as_str).and_then(PluralRule::named) else {
        return vec!["no plural rule the reader knows".to_owned()];
    };
    if !matches!(file.get("isolate"), Some(Value::Bool(_))) {
        problems.push("isolate is not true or false".to_owned());
    }
    let categories: BTreeSet<&str> = rule.categories().iter().map(|c| c.name()).collect();
    let mut known: BTreeSet<(String, String)> =
        ["tag", "plural", "isolate"].iter().map(|k| (String::new(), (*k).to_owned())).collect();
    let names_fields = file.get("field_name").and_then(Value::as_str).is_some_and(|name| !name.is_empty());
    // Every key the table has: the labels, the templates and the messages by their names, then
    // its other entries.
    let labels = LABEL_NAMES.split_whitespace().map(|name| format!("labels.{name}"));
    let texts = TEXT_NAMES.split_whitespace().map(str::to_owned);
    let messages = MESSAGE_NAMES.split_whitespace().map(|name| format!("messages.{name}"));
    let others = ENTRY_NAMES.split_whitespace().map(str::to_owned);
    let names: Vec<String> = labels.chain(texts).chain(messages).chain(others).collect();
    for name in &names {
        let (section, key) = name.split_once('.').unwrap_or(("", name));
        known.insert((String::new(), if section.is_empty() { key } else { section }.to_owned()));
        known.insert((section.to_owned(), key.to_owned()));
    }
    let mut english = ENGLISH;
    let (mut labels, mut texts, mut messages) = (ENGLISH.labels, ENGLISH.texts, ENGLISH.messages.texts);
    let templates = labels.iter_mut().chain(texts.iter_mut()).chain(messages.iter_mut()).map(Entry::Text);
    for (entry, name) in templates.chain(english.entries()).zip(&names) {
        let (section, key) = name.split_once('.').unwrap_or(("", name));
        let holder = match section {
            "" => Some(&file),
            _ => match file.get(section) {
                Some(Value::Object(object)) => Some(object),
                _ => None,
            },
        };
        let Some(value) = holder.and_then(|h| h.get(key)) else {
            problems.push(format!("{name} is missing"));
            continue;
        };
        let check_template = |problems: &mut Vec<String>, form: &str, english: &str, whole: bool| {
            let (theirs, mut ours) = (placeholders(form), placeholders(english));
            let more = MORE_VALUES.iter().filter(|(key, _)| *key == name).map(|(_, n)| *n);
            let allowed: BTreeSet<usize> = ours.iter().copied().chain(more).collect();
            if section == "messages" && names_fields {
                ours.insert(0);
            }
            let extra: Vec<_> = theirs.difference(&allowed).filter(|n| !ours.contains(n)).collect();
            if !extra.is_empty() {
                problems.push(format!("{name} has {extra:?}, which English's {english:?} has not"));
            }
            let left_out =
                LEAVES_OUT.contains(&(tag, name.as_str())) || (name == "field_reason" && names_fields);
            if whole && !left_out && !ours.is_subset(&theirs) {
                problems.push(format!("{name} leaves out some of English's {ours:?}: {form:?}"));
            }
        };
        match (entry, value) {
            (Entry::Text(english), Value::String(text)) => {
                if text.is_empty() && !english.is_empty() {
                    problems.push(format!("{name} is empty"));
                }
                check_template(&mut problems, text, english, section != "messages");
            }
            (Entry::Counted(english), Value::Object(forms)) => {
                let keys: BTreeSet<&str> = forms.iter().map(|(k, _)| k.as_str()).collect();
                if keys != categories {
                    problems.push(format!("{name} has the forms {keys:?}, not {categories:?}"));
                }
                for (category, form) in forms.iter() {
                    match form.as_str() {
                        Some(form) if !form.trim().is_empty() => {
                            check_template(&mut problems, form, english[5], false);
                        }
                        _ => problems.push(format!("{name}.{category} is not a text")),
                    }
                }
            }
            (Entry::Texts(english), Value::Array(texts)) => {
                let all = texts.iter().all(|t| t.as_str().is_some_and(|t| !t.trim().is_empty()));
                if texts.len() != english.len() || !all {
                    problems.push(format!("{name} is not {} texts", english.len()));
                }
            }
            (Entry::List(_), Value::Array(texts)) => {
                let all = texts.iter().all(|t| t.as_str().is_some_and(|t| !t.trim().is_empty()));
                let problems_of_json = SyntaxProblem::TooDeep as usize + 1;
                if !(texts.is_empty() || texts.len() == problems_of_json) || !all {
                    problems.push(format!("{name} is neither empty nor {problems_of_json} texts"));
                }
            }
            (Entry::Pairs(_), Value::Object(pairs)) => {
                if !pairs.iter().all(|(_, words)| words.as_str().is_some_and(|w| !w.trim().is_empty())) {
                    problems.push(format!("{name} has a name without words"));
                }
            }
            (_, other) => problems.push(format!("{name} is of the wrong type: {other:?}")),
        }
    }
    for (key, value) in file.iter() {
        if !known.contains(&(String::new(), key.clone())) {
            problems.push(format!("{key} is not an entry of the table"));
        }
        if let Value::Object(members) = value {
            if ["labels", "byte_units", "messages"].contains(&key.as_str()) {
                for (member, _) in members.iter() {
                    if !known.contains(&(key.clone(), member.clone())) {
                        problems.push(format!("{key}.{member} is not an entry of the table"));
                    }
                }
            }
        }
    }
    problems
}

#[test]
fn every_language_file_has_every_entry_in_its_language_s_shape() {
    let mut files: Vec<String> = std::fs::read_dir(lang_dir())
        .expect("static/lang")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    files.sort();
    let mut expected: Vec<String> = TRANSLATIONS.iter().map(|tag| format!("{tag}.json")).collect();
    expected.sort();
    assert_eq!(files, expected, "static/lang/ holds exactly the files of TRANSLATIONS");
    for tag in TRANSLATIONS {
        let text = std::fs::read_to_string(lang_dir().join(format!("{tag}.json"))).expect("a language file");
        assert_eq!(problems(tag, &text), Vec::<String>::new(), "static/lang/{tag}.json");
    }
}

#[test]
fn the_checks_find_what_a_file_gets_wrong() {
    let text = std::fs::read_to_string(lang_dir().join("fr.json")).expect("fr.json");
    let broken = text
        .replacen("\"Tags\":", "\"Tagz\":", 1)
        .replacen("{0} articles", "{1} articles", 1)
        .replacen("\"plural\": \"zero-or-one\"", "\"plural\": \"arabic\"", 1);
    let found = problems("fr", &broken).join("\n");
    for expected in
        ["labels.Tags is missing", "labels.Tagz is not an entry", "articles has the forms", "has [1]"]
    {
        assert!(found.contains(expected), "{expected:?} in:\n{found}");
    }
}

#[test]
fn each_file_reads_into_the_table_the_interface_speaks_from() {
    for tag in TRANSLATIONS {
        let text = std::fs::read_to_string(lang_dir().join(format!("{tag}.json"))).expect("a language file");
        let strings: &'static _ = Box::leak(Box::new(lang::read(&text).expect("readable")));
        let ui = Ui::new(strings);
        assert_eq!(ui.tag(), tag);
        assert_ne!(ui.label(Label::LoadMore), Ui::default().label(Label::LoadMore), "{tag}");
        assert_eq!(lang::compiled(tag).tag, tag, "compiled in natively");
    }
    assert_eq!(LABEL_NAMES.split_whitespace().count(), article_reader_core::interface::strings::LABELS);
    assert!(lang::read("[]").is_err());
    assert!(lang::read(r#"{"tag": "xx", "plural": "dual"}"#).is_err());
}

#[test]
fn counts_follow_each_language_s_plural_rule() {
    let say = |tag: &str, n: usize| Ui::new(lang::compiled(tag)).articles(n);
    let cases = [
        ("fr", 0, "0 article"),
        ("fr", 1, "1 article"),
        ("fr", 2, "2 articles"),
        ("es", 1, "1 artículo"),
        ("es", 0, "0 artículos"),
        ("de", 1, "1 Artikel"),
        ("de", 5, "5 Artikel"),
        ("ur", 1, "1 مضمون"),
        ("ur", 3, "3 مضامین"),
        ("ar", 11, "11 مقالة"),
        ("ar", 103, "103 مقالات"),
    ];
    for (tag, n, expected) in cases {
        assert_eq!(say(tag, n), expected, "{tag} {n}");
    }
}
