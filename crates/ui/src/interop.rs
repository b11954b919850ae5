//! The JavaScript boundary, in values: what a host page hands over (an options object, a feed
//! object) is read into the core's JSON [`Value`] tree, and what the
//! reader hands back (event details) is built as plain objects here.
//!
//! Nothing is decided here: the core reads a [`Value`] exactly as it reads the same JSON text,
//! so an option or a feed given as an object means what its JSON would mean, and a wrong-typed
//! field is the core's precise complaint, not a failure of the conversion.

use article_reader_core::json::{Object, Value, MAX_DEPTH};
use wasm_bindgen::{JsCast, JsValue};

/// `value` as the core's [`Value`]; `None` when it holds something JSON cannot (a function, a
/// symbol, a typed array or another iterable than an array or a `Map`, a key that is not a
/// string, or nesting deeper than JSON text may, as a cycle does), which callers report as a
/// value of the wrong type. `undefined` reads as null; a number keeps the text JavaScript
/// writes for it (`JSON.stringify`'s), NaN and ±Infinity as null.
pub fn from_js(value: JsValue) -> Option<Value> {
    read(&value, 0)
}

fn read(value: &JsValue, depth: usize) -> Option<Value> {
    if value.is_null() || value.is_undefined() {
        return Some(Value::Null);
    }
    if let Some(truth) = value.as_bool() {
        return Some(Value::Bool(truth));
    }
    if let Some(text) = value.as_string() {
        return Some(Value::String(text));
    }
    if value.is_bigint() {
        let number: &js_sys::BigInt = value.unchecked_ref();
        return number.to_string(10).ok().map(|text| Value::Number(text.into()));
    }
    if let Some(number) = value.dyn_ref::<js_sys::Number>() {
        // JavaScript's own number formatting: Rust's would add kilobytes of float formatting.
        return Some(match js_sys::Number::is_finite(value) {
            true => Value::Number(number.to_string_with_radix(10).map(String::from).unwrap_or_default()),
            false => Value::Null,
        });
    }
    if depth >= MAX_DEPTH || !value.is_object() {
        return None;
    }
    if js_sys::Array::is_array(value) {
        let items: &js_sys::Array = value.unchecked_ref();
        return items.iter().map(|item| read(&item, depth + 1)).collect::<Option<_>>().map(Value::Array);
    }
    let entries = match value.dyn_ref::<js_sys::Map>() {
        Some(map) => js_sys::Array::from(map),
        None if js_sys::Reflect::has(value, &js_sys::Symbol::iterator()).unwrap_or(true) => return None,
        None => js_sys::Object::entries(value.unchecked_ref()),
    };
    let members = entries.iter().map(|entry| {
        let pair: js_sys::Array = entry.unchecked_into();
        Some((pair.get(0).as_string()?, read(&pair.get(1), depth + 1)?))
    });
    members.collect::<Option<_>>().map(|members| Value::Object(Object(members)))
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
    let object = js_sys::Object::new();
    for (name, value) in members {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

/// A string, or `null` (as JSON writes an absent one).
pub fn text_or_null(text: Option<&str>) -> JsValue {
    text.map_or(JsValue::NULL, JsValue::from_str)
}
