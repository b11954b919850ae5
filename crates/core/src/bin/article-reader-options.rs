//! Prints the reader's options (`article_reader_core::OPTIONS`) as JSON, one object each with
//! its attribute, property, TypeScript type and what a usable value is: what the tests of
//! `static/article-reader.d.ts` and `static/custom-elements.json` hold those files to.
//!
//! The TypeScript types live here, not in the core's table, which the shipped wasm carries.

use std::process::ExitCode;

use article_reader_core::feed::json::{self, Object, Value};
use article_reader_core::OPTIONS;

/// Each option's value in JavaScript, as TypeScript writes it.
const TYPES: &[(&str, &str)] = &[
    ("src", "string"),
    ("feed", "JsonFeed"),
    ("tags", "string[]"),
    ("match", "\"any\" | \"all\""),
    ("routing", "\"memory\" | \"hash\""),
    ("pageSize", "number"),
    ("lang", "string"),
    ("theme", "\"auto\" | \"light\" | \"sepia\" | \"dark\""),
    ("maxSize", "number | string"),
    ("layout", "\"full\" | \"list\" | \"cards\" | \"compact\""),
    ("controls", "string"),
    ("open", "\"inline\" | \"link\" | \"new-tab\""),
    ("keyboard", "boolean"),
    ("maxItems", "number"),
    ("textSize", "number"),
    ("font", "\"serif\" | \"sans\" | \"mono\""),
    ("width", "\"narrow\" | \"normal\" | \"wide\""),
    ("spacing", "\"tight\" | \"normal\" | \"loose\""),
];

fn main() -> ExitCode {
    let text = |s: &str| Value::String(s.to_owned());
    let mut options = Vec::new();
    for option in OPTIONS {
        let Some((_, kind)) = TYPES.iter().find(|(property, _)| *property == option.property) else {
            eprintln!("article-reader-options: no TypeScript type for the option {}", option.property);
            return ExitCode::FAILURE;
        };
        options.push(Value::Object(Object(vec![
            ("attribute".to_owned(), option.attribute.map_or(Value::Null, text)),
            ("property".to_owned(), text(option.property)),
            ("kind".to_owned(), text(kind)),
            ("expected".to_owned(), text(option.expected)),
        ])));
    }
    println!("{}", json::to_string(&Value::Array(options)));
    ExitCode::SUCCESS
}
