//! The reader's JSON parser (`article_reader_core::feed::json`) against serde_json, which the feed's
//! error messages were first written around: on tens of thousands of documents, mangled from
//! real feeds one byte at a time, both must accept the same ones with the same values, and refuse
//! the rest with the same message at the same line and column.

use article_reader_core::feed::json::{self, Value};

/// A small deterministic generator (xorshift), so a failure repeats.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const SIGNIFICANT: &[u8] = b"{}[],:\"\\ \n\t0123456789.eE+-tfnulrsabx/";

fn mangle(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(3) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len());
        match rng.below(4) {
            0 => bytes.truncate(at),
            1 => bytes[at] = SIGNIFICANT[rng.below(SIGNIFICANT.len())],
            2 => bytes.insert(at, SIGNIFICANT[rng.below(SIGNIFICANT.len())]),
            _ => {
                bytes.remove(at);
            }
        }
    }
    // Byte edits can split a multi-byte character; such texts are not `&str`s and never reach
    // the parser.
    String::from_utf8_lossy(&bytes).into_owned()
}

fn same_value(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        // serde_json's default float reading may be off by an ulp; the reader keeps the text.
        (Value::Number(text), serde_json::Value::Number(n)) => match (text.parse::<f64>(), n.as_f64()) {
            (Ok(a), Some(b)) => (a - b).abs() <= 4.0 * f64::EPSILON * a.abs().max(b.abs()),
            _ => false,
        },
        (Value::String(a), serde_json::Value::String(b)) => a == b,
        (Value::Array(a), serde_json::Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_value(x, y))
        }
        (Value::Object(a), serde_json::Value::Object(b)) => {
            let mut keys: Vec<&String> = a.iter().map(|(k, _)| k).collect();
            keys.sort();
            keys.dedup();
            keys.len() == b.len()
                && b.iter().all(|(key, value)| a.get(key).is_some_and(|ours| same_value(ours, value)))
        }
        _ => false,
    }
}

fn check(text: &str) {
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (json::parse(text), theirs) {
        (Ok(ours), Ok(theirs)) => assert!(same_value(&ours, &theirs), "different values for {text:?}"),
        (Err(ours), Err(theirs)) => {
            let message = theirs.to_string();
            let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
            let message = if message == "recursion limit exceeded" {
                json::SyntaxProblem::TooDeep.as_str()
            } else {
                message
            };
            assert_eq!(
                (ours.problem.as_str(), ours.line, ours.column),
                (message, theirs.line(), theirs.column()),
                "different errors for {text:?}"
            );
        }
        // serde_json reads numbers as f64 and refuses what overflows; the reader keeps a
        // number's text and never computes with it.
        (Ok(_), Err(theirs)) if theirs.to_string().starts_with("number out of range") => {}
        (ours, theirs) => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

#[test]
fn agrees_on_mangled_feeds() {
    let seed = include_str!("../../../feeds/seed.json");
    let small = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T\u00e9 \ud83d\ude00", "items": [{"id": 1, "n": -0.5e-3, "ok": true, "no": false, "x": null, "s": "a\"\\\/\b\f\n\r\t"}], "a": {}, "b": []}"#;
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..20_000 {
        check(&mangle(&mut rng, small));
    }
    for _ in 0..2_000 {
        check(&mangle(&mut rng, seed));
    }
    check(seed);
    check(small);
}

#[test]
fn agrees_on_nesting_at_the_limit() {
    for depth in [126, 127, 128, 129, 200] {
        check(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        check(&format!("{}1{}", "{\"a\":[".repeat(depth / 2), "]}".repeat(depth / 2)));
    }
}
