//! The JavaScript boundary, in values: what a host page hands over (an options object, a feed
//! object) is read through serde-wasm-bindgen into the core's JSON [`Value`] tree, and what the
//! reader hands back (event details) is built as plain objects here.
//!
//! Nothing is decided here: the core reads a [`Value`] exactly as it reads the same JSON text,
//! so an option or a feed given as an object means what its JSON would mean, and a wrong-typed
//! field is the core's precise complaint, not a failure of the conversion.

use std::fmt;

use article_reader_core::feed::json::{Object, Value};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// Any JavaScript value that JSON can express, as the core's [`Value`]. `undefined` reads as
/// null; a number keeps the text JSON would write for it.
pub struct Loose(pub Value);

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor).map(Loose)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value JSON can hold")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.to_string()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.to_string()))
    }

    #[allow(clippy::disallowed_types)] // a web API's number, handed over as it is: never formatted or parsed in Rust
    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // As JSON.stringify writes it (NaN and ±Infinity as null), by JavaScript's own number
        // formatting: Rust's would add kilobytes of float formatting to the wasm.
        Ok(match value {
            v if !v.is_finite() => Value::Null,
            v => Value::Number(
                js_sys::Number::from(v).to_string_with_radix(10).map(String::from).unwrap_or_default(),
            ),
        })
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    // Typed arrays arrive as bytes. Without this, serde's default answer would format the
    // unexpected value, which links float formatting (11 KB of wasm) for a case JSON lacks.
    fn visit_bytes<E: serde::de::Error>(self, _: &[u8]) -> Result<Value, E> {
        Err(E::custom("bytes are not JSON"))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut values = Vec::new();
        while let Some(Loose(value)) = seq.next_element()? {
            values.push(value);
        }
        Ok(Value::Array(values))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Vec::new();
        while let Some((key, Loose(value))) = map.next_entry::<String, Loose>()? {
            members.push((key, value));
        }
        Ok(Value::Object(Object(members)))
    }
}

/// `value` as a JavaScript value; `None` when it holds something JSON cannot (a function, a
/// symbol, a cycle), which callers report as a value of the wrong type.
pub fn from_js(value: JsValue) -> Option<Value> {
    serde_wasm_bindgen::from_value::<Loose>(value).ok().map(|Loose(value)| value)
}

/// A plain object's own members, each read on its own, so one member JSON cannot hold (a
/// function) costs that member only. Anything but an object has no members.
pub fn members_of(object: &JsValue) -> Vec<(String, Option<Value>)> {
    if !object.is_object() {
        return Vec::new();
    }
    js_sys::Object::entries(object.unchecked_ref())
        .iter()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.into();
            Some((pair.get(0).as_string()?, from_js(pair.get(1))))
        })
        .collect()
}

/// A plain object with these members, in this order.
pub fn object(members: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new().into();
    for (name, value) in members {
        set_property(&object, name, value);
    }
    object
}

/// A property of a JavaScript object, as `object[name]` reads it (`undefined` when there is
/// none, or `object` has no properties). For the few properties of web APIs the reader reads,
/// one helper rather than a binding each: each binding is glue of its own.
pub fn property(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or_default()
}

/// Sets a property of a JavaScript object (a web API's, an options object's).
pub fn set_property(object: &JsValue, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(name), value);
}

/// A string, or `null` (as JSON writes an absent one).
pub fn text_or_null(text: Option<&str>) -> JsValue {
    text.map_or(JsValue::NULL, JsValue::from_str)
}
