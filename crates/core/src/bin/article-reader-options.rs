//! Prints the reader's options (`article_reader_core::OPTIONS`) as JSON, one object each with
//! its attribute, property, TypeScript type and what a usable value is: what the tests of
//! `static/article-reader.d.ts` and `static/custom-elements.json` hold those files to.

use article_reader_core::json::{self, Object, Value};
use article_reader_core::OPTIONS;

fn main() {
    let text = |s: &str| Value::String(s.to_owned());
    let options = OPTIONS
        .iter()
        .map(|option| {
            Value::Object(Object(vec![
                ("attribute".to_owned(), option.attribute.map_or(Value::Null, text)),
                ("property".to_owned(), text(option.property)),
                ("kind".to_owned(), text(option.kind)),
                ("expected".to_owned(), text(option.expected)),
            ]))
        })
        .collect();
    println!("{}", json::to_string(&Value::Array(options)));
}
