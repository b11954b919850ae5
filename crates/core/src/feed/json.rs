//! JSON text to a loose [`Value`] tree and back: the reader's only JSON code.
//!
//! Why not serde_json: the reader needs one thing from JSON, a tree of loose values that
//! [`crate::feed::load`] checks field by field, and serde's derive, serde_json's generic deserializer
//! and its `BTreeMap` objects cost 17 KB of the wasm (brotli; the whole is about 155 KB). This
//! reader is one forward pass over the bytes, keeps objects as written (in order, repeated keys
//! included; a lookup takes the last, as serde_json's map did), and stops at the same nesting
//! depth (128) so no document can exhaust the stack.
//!
//! Its messages and positions follow serde_json's (`EOF while parsing a list`, line and column
//! of the byte that gave the error away), which the feed's error messages were written around.

/// A JSON value. Numbers keep the text they were written as (`42`, `1.5e3`): the reader only
/// ever shows them or uses them as ids, never computes with them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Object),
}

/// A JSON object's members in document order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Object(pub Vec<(String, Value)>);

impl Object {
    /// The value of `key`; the last one when the object repeats it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Takes every member named `key` out, returning the last one's value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let mut found = None;
        let mut i = 0;
        while i < self.0.len() {
            if self.0[i].0 == key {
                found = Some(self.0.remove(i).1);
            } else {
                i += 1;
            }
        }
        found
    }

    /// Sets `key` to `value`, replacing every earlier member of that name.
    pub fn insert(&mut self, key: &str, value: Value) {
        self.remove(key);
        self.0.push((key.to_owned(), value));
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl Value {
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Why a text is not JSON, and where: `line` from 1, `column` in bytes from the start of that
/// line up to and including the byte that gave the error away (0 when the line is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub problem: SyntaxProblem,
    pub line: usize,
    pub column: usize,
}

/// What gave a text away as not JSON. Data, not prose: [`SyntaxProblem::as_str`] is serde_json's
/// wording, and [`crate::interface::messages`] says it in the interface's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxProblem {
    TrailingCharacters,
    EofInValue,
    ExpectedValue,
    ExpectedIdent,
    InvalidNumber,
    EofInString,
    ControlCharacter,
    InvalidEscape,
    EofInHexEscape,
    LoneSurrogate,
    EofInList,
    EofInObject,
    KeyNotAString,
    ExpectedColon,
    ExpectedCommaOrBracket,
    ExpectedCommaOrBrace,
    TrailingComma,
    /// Arrays and objects nest deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl SyntaxProblem {
    /// serde_json's words for the problem (its "recursion limit exceeded" is said plainly).
    pub fn as_str(self) -> &'static str {
        use SyntaxProblem::*;
        match self {
            TrailingCharacters => "trailing characters",
            EofInValue => "EOF while parsing a value",
            ExpectedValue => "expected value",
            ExpectedIdent => "expected ident",
            InvalidNumber => "invalid number",
            EofInString => "EOF while parsing a string",
            ControlCharacter => "control character (\\u0000-\\u001F) found while parsing a string",
            InvalidEscape => "invalid escape",
            EofInHexEscape => "unexpected end of hex escape",
            LoneSurrogate => "lone leading surrogate in hex escape",
            EofInList => "EOF while parsing a list",
            EofInObject => "EOF while parsing an object",
            KeyNotAString => "key must be a string",
            ExpectedColon => "expected `:`",
            ExpectedCommaOrBracket => "expected `,` or `]`",
            ExpectedCommaOrBrace => "expected `,` or `}`",
            TrailingComma => "trailing comma",
            TooDeep => "arrays and objects nest more than 128 levels deep",
        }
    }
}

/// Containers may nest this deep, as in serde_json.
pub const MAX_DEPTH: usize = 128;

/// Reads one JSON document (surrounding whitespace allowed).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader { text, at: 0, depth_left: MAX_DEPTH };
    let value = reader.value()?;
    reader.skip_whitespace();
    if reader.at < text.len() {
        return Err(reader.error_at_next(SyntaxProblem::TrailingCharacters));
    }
    Ok(value)
}

/// Reads `text` byte by byte. It stops only at ASCII bytes, so every position it slices `text`
/// at is a character boundary (and `slice` finding none is out of the question).
struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth_left: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// An error located just past the next byte (the one that gave it away), or at the end.
    fn error_at_next(&self, problem: SyntaxProblem) -> SyntaxError {
        self.error_at((self.at + 1).min(self.bytes().len()), problem)
    }

    fn error_at(&self, end: usize, problem: SyntaxProblem) -> SyntaxError {
        let before = &self.bytes()[..end];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        SyntaxError { problem, line, column: end - line_start }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error_at_next(SyntaxProblem::EofInValue)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'"') => {
                self.at += 1;
                self.string().map(Value::String)
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            Some(_) => Err(self.error_at_next(SyntaxProblem::ExpectedValue)),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, SyntaxError>) -> Result<Value, SyntaxError> {
        self.depth_left -= 1;
        if self.depth_left == 0 {
            return Err(self.error_at_next(SyntaxProblem::TooDeep));
        }
        self.at += 1;
        let value = read(self);
        self.depth_left += 1;
        value
    }

    fn word(&mut self, word: &'static str, value: Value) -> Result<Value, SyntaxError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                None => return Err(self.error_at_next(SyntaxProblem::EofInValue)),
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err(self.error_at_next(SyntaxProblem::ExpectedIdent)),
            }
        }
        Ok(value)
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error_at_next(SyntaxProblem::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            None => return Err(self.error_at_next(SyntaxProblem::EofInValue)),
            Some(_) => return Err(self.error_at_next(SyntaxProblem::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.require_digit()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.require_digit()?;
        }
        Ok(Value::Number(self.slice(start, self.at).to_owned()))
    }

    fn require_digit(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            None => Err(self.error_at_next(SyntaxProblem::EofInValue)),
            Some(_) => Err(self.error_at_next(SyntaxProblem::InvalidNumber)),
        }
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or_default()
    }

    /// Moves to the next quote, backslash or control character (or the end).
    fn skip_plain_text(&mut self) {
        let rest = &self.bytes()[self.at..];
        self.at += rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
    }

    /// The rest of a string whose opening quote has been read.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let start = self.at;
        self.skip_plain_text();
        // Most strings have no escapes: one copy, of exactly the right size.
        if self.peek() == Some(b'"') {
            self.at += 1;
            return Ok(self.slice(start, self.at - 1).to_owned());
        }
        let mut out = self.slice(start, self.at).to_owned();
        loop {
            match self.peek() {
                None => return Err(self.error_at_next(SyntaxProblem::EofInString)),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error_at_next(SyntaxProblem::ControlCharacter)),
            }
            let run_start = self.at;
            self.skip_plain_text();
            out.push_str(self.slice(run_start, self.at));
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error_at_next(SyntaxProblem::EofInString));
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.error_at(self.at, SyntaxProblem::InvalidEscape)),
        };
        out.push(c);
        Ok(())
    }

    /// The character of a `\uXXXX` escape (after the `u`), joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        const LONE: SyntaxProblem = SyntaxProblem::LoneSurrogate;
        let first = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(self.error_at(self.at, LONE));
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            return Ok(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        for expected in [b'\\', b'u'] {
            match self.peek() {
                None => return Err(self.error_at(self.at, SyntaxProblem::EofInString)),
                Some(b) => {
                    self.at += 1;
                    if b != expected {
                        return Err(self.error_at(self.at, SyntaxProblem::EofInHexEscape));
                    }
                }
            }
        }
        let second = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&second) {
            return Err(self.error_at(self.at, LONE));
        }
        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    /// Four hex digits, taken whole before they are checked.
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let Some(digits) = self.bytes().get(self.at..self.at + 4) else {
            self.at = self.bytes().len();
            return Err(self.error_at(self.at, SyntaxProblem::EofInString));
        };
        self.at += 4;
        let mut code = 0;
        for &b in digits {
            let digit = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(self.error_at(self.at, SyntaxProblem::InvalidEscape)),
            };
            code = code * 16 + u32::from(digit);
        }
        Ok(code)
    }

    /// The rest of an array whose `[` has been read.
    fn array(&mut self) -> Result<Value, SyntaxError> {
        let mut values = Vec::new();
        self.skip_whitespace();
        match self.peek() {
            None => return Err(self.error_at_next(SyntaxProblem::EofInList)),
            Some(b']') => {
                self.at += 1;
                return Ok(Value::Array(values));
            }
            Some(_) => {}
        }
        loop {
            values.push(self.value()?);
            if self.separator(b']', SyntaxProblem::EofInList, SyntaxProblem::ExpectedCommaOrBracket)? {
                return Ok(Value::Array(values));
            }
        }
    }

    /// The rest of an object whose `{` has been read.
    fn object(&mut self) -> Result<Value, SyntaxError> {
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Object(members)));
        }
        loop {
            match self.peek() {
                None => return Err(self.error_at_next(SyntaxProblem::EofInObject)),
                Some(b'"') => self.at += 1,
                Some(_) => return Err(self.error_at_next(SyntaxProblem::KeyNotAString)),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.peek() {
                None => return Err(self.error_at_next(SyntaxProblem::EofInObject)),
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.error_at_next(SyntaxProblem::ExpectedColon)),
            }
            let value = self.value()?;
            members.push((key, value));
            if self.separator(b'}', SyntaxProblem::EofInObject, SyntaxProblem::ExpectedCommaOrBrace)? {
                return Ok(Value::Object(Object(members)));
            }
        }
    }

    /// After a member of an array or object: `true` at the closing bracket (read past), `false`
    /// after a comma with another member to come.
    fn separator(
        &mut self,
        close: u8,
        eof: SyntaxProblem,
        expected: SyntaxProblem,
    ) -> Result<bool, SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error_at_next(eof)),
            Some(b) if b == close => {
                self.at += 1;
                Ok(true)
            }
            Some(b',') => {
                self.at += 1;
                self.skip_whitespace();
                match self.peek() {
                    None => Err(self.error_at_next(SyntaxProblem::EofInValue)),
                    Some(b) if b == close => Err(self.error_at_next(SyntaxProblem::TrailingComma)),
                    Some(_) => Ok(false),
                }
            }
            Some(_) => Err(self.error_at_next(expected)),
        }
    }
}

/// Compact JSON text for `value`, members in order.
pub fn to_string(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, &mut out);
    out
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(text) => out.push_str(text),
        Value::String(text) => write_string(text, out),
        Value::Array(values) => {
            out.push('[');
            for (i, value) in values.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(value, out);
            }
            out.push(']');
        }
        Value::Object(object) => {
            out.push('{');
            for (i, (key, value)) in object.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_value(value, out);
            }
            out.push('}');
        }
    }
}

fn write_string(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let code = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[code >> 4]));
                out.push(char::from(HEX[code & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (SyntaxProblem, usize, usize) {
        match parse(text) {
            Ok(value) => panic!("{text:?} parsed as {value:?}"),
            Err(e) => (e.problem, e.line, e.column),
        }
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value = parse(
            r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "a": {}} "#,
        );
        let Ok(Value::Object(object)) = value else { panic!("{value:?}") };
        assert_eq!(object.get("a"), Some(&Value::Object(Object::default())), "the last repeat wins");
        assert_eq!(object.get("b").and_then(Value::as_str), Some("x\"\\/\u{8}\u{c}\n\r\té😀"));
        let Value::Array(values) = &object.0[0].1 else { panic!() };
        assert_eq!(
            values,
            &[
                Value::Number("1".into()),
                Value::Number("-2.5e3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ]
        );
    }

    #[test]
    fn writes_what_it_reads() {
        let text = r#"{"z":1,"a":["\u0001\"é",{"k":null}],"n":-0.5E+2,"t":true}"#;
        let value = parse(text).unwrap_or_default();
        assert_eq!(to_string(&value), text);
        assert_eq!(parse(&to_string(&value)), Ok(value));
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        let cases: &[(&str, SyntaxProblem, usize, usize)] = &[
            ("", SyntaxProblem::EofInValue, 1, 0),
            ("[1,", SyntaxProblem::EofInValue, 1, 3),
            ("[", SyntaxProblem::EofInList, 1, 1),
            ("[1 2]", SyntaxProblem::ExpectedCommaOrBracket, 1, 4),
            ("[1,]", SyntaxProblem::TrailingComma, 1, 4),
            ("{\"a\" 1}", SyntaxProblem::ExpectedColon, 1, 6),
            ("{\"a\":1 \"b\":2}", SyntaxProblem::ExpectedCommaOrBrace, 1, 8),
            ("{\"a\":1,}", SyntaxProblem::TrailingComma, 1, 8),
            ("{1:2}", SyntaxProblem::KeyNotAString, 1, 2),
            ("{\"a\":1", SyntaxProblem::EofInObject, 1, 6),
            ("\"abc", SyntaxProblem::EofInString, 1, 4),
            ("\"a\tb\"", SyntaxProblem::ControlCharacter, 1, 3),
            ("\"\\x\"", SyntaxProblem::InvalidEscape, 1, 3),
            ("\"\\ud800x\"", SyntaxProblem::EofInHexEscape, 1, 8),
            ("\"\\ud800\\u0041\"", SyntaxProblem::LoneSurrogate, 1, 13),
            ("\"\\udc00\"", SyntaxProblem::LoneSurrogate, 1, 7),
            ("\"\\u12x4\"", SyntaxProblem::InvalidEscape, 1, 7),
            ("01", SyntaxProblem::InvalidNumber, 1, 2),
            ("tru", SyntaxProblem::EofInValue, 1, 3),
            ("trux", SyntaxProblem::ExpectedIdent, 1, 4),
            ("-", SyntaxProblem::EofInValue, 1, 1),
            ("-x", SyntaxProblem::InvalidNumber, 1, 2),
            ("1.", SyntaxProblem::EofInValue, 1, 2),
            ("1.e3", SyntaxProblem::InvalidNumber, 1, 3),
            ("{}\n x", SyntaxProblem::TrailingCharacters, 2, 2),
            ("<html>", SyntaxProblem::ExpectedValue, 1, 1),
        ];
        for &(text, message, line, column) in cases {
            assert_eq!(error(text), (message, line, column), "{text:?}");
        }
    }

    #[test]
    fn stops_at_the_nesting_limit() {
        let deep_enough = format!("{}{}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
        assert!(parse(&deep_enough).is_ok());
        let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(error(&too_deep), (SyntaxProblem::TooDeep, 1, MAX_DEPTH));
    }
}
