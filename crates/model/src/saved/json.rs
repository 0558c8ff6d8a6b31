//! JSON text → `serde_json::Value`, as every reader of saved scenarios and questions
//! takes it: like `serde_json::from_str`, except that an object giving one key twice
//! is refused, named by that key.
//!
//! serde_json keeps the last of a repeated key without a word. A stored text of the
//! form `{…"scenarios":[…the member's scenarios…],"scenarios":[]}` then read as an
//! empty list, with nothing set aside, and the next save wrote that empty list over
//! the scenarios; an imported row with `"cost_change_pct":"10","cost_change_pct":"0"`
//! was read as 0. Refused, the text is one the reader reports, so the app's storage
//! sets it aside before writing again and an import says which key, where.

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// Why text could not be read as JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON at all, at this place.
    NotJson { line: usize, column: usize },
    /// Nested past serde_json's recursion limit.
    TooDeep,
    /// A number beyond what a 64-bit float holds (`1e400`): JSON, but not readable.
    NumberTooLarge { line: usize, column: usize },
    /// An object gives `key` twice; `line` and `column` are where the second key ends.
    RepeatedKey { key: String, line: usize, column: usize },
}

/// Reads `text` as one JSON value, refusing a key given twice in one object.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let repeated = RefCell::new(None);
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = Strict { repeated: &repeated }.deserialize(&mut reader).and_then(|value| {
        reader.end()?;
        Ok(value)
    });
    value.map_err(|error| match repeated.into_inner() {
        Some(key) => JsonError::RepeatedKey { key, line: error.line(), column: error.column() },
        // serde_json tells nesting past its limit only by its message.
        None if error.to_string().starts_with("recursion limit exceeded") => JsonError::TooDeep,
        None if error.to_string().starts_with("number out of range") => {
            JsonError::NumberTooLarge { line: error.line(), column: error.column() }
        }
        None => JsonError::NotJson { line: error.line(), column: error.column() },
    })
}

/// Builds the `Value` serde_json's own visitor builds, noting in `repeated` the first
/// key an object gives twice (and stopping there).
#[derive(Clone, Copy)]
struct Strict<'a> {
    repeated: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut list = Vec::new();
        while let Some(item) = items.next_element_seed(self)? {
            list.push(item);
        }
        Ok(Value::Array(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = entries.next_key::<String>()? {
            if object.contains_key(&key) {
                let error = A::Error::custom(format_args!("the key {key:?} is given twice"));
                *self.repeated.borrow_mut() = Some(key);
                return Err(error);
            }
            let value = entries.next_value_seed(self)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `text` reads as: the value, compact, or the error.
    #[track_caller]
    fn check(text: &str, expected: &str) {
        let found = match parse(text) {
            Ok(value) => value.to_string(),
            Err(error) => format!("{error:?}"),
        };
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a":[1,-2,3.5,1e300,true,null,"x\u00e9"],"b":{"c":{}}}"#,
            "18446744073709551615",
            "-9223372036854775808",
            " [ ] ",
            r#""\ud83d\ude00""#,
        ] {
            let expected = serde_json::from_str::<Value>(text).map(|v| v.to_string()).unwrap_or_default();
            check(text, &expected);
        }
    }

    #[test]
    fn a_key_given_twice_is_named_at_any_depth() {
        check(
            r#"{"format":"blockvote-scenarios","scenarios":[{"name":"a"}],"scenarios":[]}"#,
            r#"RepeatedKey { key: "scenarios", line: 1, column: 70 }"#,
        );
        check(
            "[{\"scenario\":{\n\"cost_change_pct\":\"10\",\n\"cost_change_pct\":\"0\"}}]",
            r#"RepeatedKey { key: "cost_change_pct", line: 3, column: 17 }"#,
        );
        // The same key in two objects is not repeated; escapes are read first.
        check(r#"[{"a":1},{"a":2}]"#, r#"[{"a":1},{"a":2}]"#);
        check(r#"{"a":1,"\u0061":2}"#, r#"RepeatedKey { key: "a", line: 1, column: 15 }"#);
    }

    #[test]
    fn text_that_is_not_json_or_too_deep() {
        check("{", "NotJson { line: 1, column: 1 }");
        check("[1] x", "NotJson { line: 1, column: 5 }");
        check("", "NotJson { line: 1, column: 0 }");
        check(&"[".repeat(200), "TooDeep");
    }
}
