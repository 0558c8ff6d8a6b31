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
use std::borrow::Cow;
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
    let text = lone_surrogates_replaced(text);
    let repeated = RefCell::new(None);
    let mut reader = serde_json::Deserializer::from_str(&text);
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

/// What can be read of `text`, which [`parse`] refused as not JSON (cut short, say, or
/// one character damaged): the value as far as the damage, keeping only what was
/// written in full before it. Of a top-level list, its items before the damage; of a
/// top-level object, its fields before the damage and, if the damage is inside the
/// list under `list_key`, that list's items before it. Nothing after the damage is
/// guessed at. `None` if the text does not start a list or an object.
pub fn salvage(text: &str, list_key: &str) -> Option<Value> {
    let text = lone_surrogates_replaced(text);
    let partial = RefCell::new(Partial::default());
    let repeated = RefCell::new(None);
    let mut reader = serde_json::Deserializer::from_str(&text);
    // The error is the damage already reported by `parse`; what was read before it is
    // in `partial`.
    let _ = Salvage { partial: &partial, list_key, strict: Strict { repeated: &repeated } }.deserialize(&mut reader);
    let Partial { started, fields, items } = partial.into_inner();
    match started? {
        Started::List => Some(Value::Array(items)),
        Started::Object { in_list } => {
            let mut object = fields;
            if in_list {
                object.insert(list_key.to_string(), Value::Array(items));
            }
            Some(Value::Object(object))
        }
    }
}

/// The escape U+FFFD stands in for, of the same length as the escape it replaces, so
/// that every place a reader names (line, column) is where the text has it.
const REPLACEMENT_ESCAPE: &[u8] = br"\ufffd";

/// The byte offsets of the escapes of lone UTF-16 surrogates in `text`'s strings
/// (`\ud800` not followed by a low one, or a low one alone).
fn lone_surrogates(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    // The UTF-16 unit of the `\uXXXX` escape starting at `at`, if one does.
    let unit = |at: usize| -> Option<u16> {
        let escape = bytes.get(at..at.checked_add(6)?)?;
        let hex = escape.strip_prefix(br"\u")?;
        u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    };
    let is_high = |u: u16| (0xD800..=0xDBFF).contains(&u);
    let is_low = |u: u16| (0xDC00..=0xDFFF).contains(&u);
    let mut lone = Vec::new();
    let (mut at, mut in_string) = (0usize, false);
    while let Some(&byte) = bytes.get(at) {
        let length = match (in_string, byte) {
            (false, b'"') | (true, b'"') => {
                in_string = !in_string;
                1
            }
            (true, b'\\') => match unit(at) {
                Some(high) if is_high(high) && at.checked_add(6).and_then(unit).is_some_and(is_low) => 12,
                Some(half) if is_high(half) || is_low(half) => {
                    lone.push(at);
                    6
                }
                Some(_) => 6,
                // Any other escape is two bytes (an invalid one is the parser's to refuse).
                None => 2,
            },
            _ => 1,
        };
        at = at.saturating_add(length);
    }
    lone
}

/// Where the first escape of a lone surrogate is (its line and column, from 1, as
/// the reader names places), if `text` has one: [`parse`] reads it as U+FFFD, a
/// change to the member's text that the reader names (audit 12: a name read
/// "Bad�Name" without a word).
pub fn first_lone_surrogate(text: &str) -> Option<(usize, usize)> {
    let at = *lone_surrogates(text).first()?;
    let before = text.as_bytes().get(..at)?;
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
    Some((line, column))
}

/// `text` with every escape of a lone UTF-16 surrogate in its strings (`\ud800` not
/// followed by a low one, or a low one alone) written as U+FFFD's. JavaScript's
/// `JSON.stringify` writes such escapes for a string holding half a pair; serde_json
/// refuses them, which made one such name stop the reading of every scenario after it.
/// Read as U+FFFD, as a browser writes half a pair out as text, the rest reads. Text
/// with none is returned as it is, uncopied.
fn lone_surrogates_replaced(text: &str) -> Cow<'_, str> {
    let lone = lone_surrogates(text);
    if lone.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut replaced = text.as_bytes().to_vec();
    for at in lone {
        if let Some(escape) = at.checked_add(REPLACEMENT_ESCAPE.len()).and_then(|end| replaced.get_mut(at..end)) {
            escape.copy_from_slice(REPLACEMENT_ESCAPE);
        }
    }
    // ASCII escapes were written over ASCII escapes only, so the text is still UTF-8.
    String::from_utf8(replaced).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// What a number too large to read stands for in [`too_large_numbers_marked`]'s text:
/// a noncharacter (U+FFFE), which no name, note or lever of a blockvote file holds.
pub const TOO_LARGE: &str = "\u{FFFE}";

/// `text` with each number beyond what a 64-bit float holds (`1e400`, or 310 digits)
/// written over by the text [`TOO_LARGE`] in quotes and spaces up to the number's
/// length, so that the rest still reads, every byte where it was (a place a later
/// problem names is the same in both texts). serde_json refuses the whole text for
/// one such number, so one in a scenario's bookkeeping (its `saved_at`) or in one
/// scenario hid every other scenario of the store; marked, the reader drops such
/// bookkeeping and refuses only the scenario that holds one (`codec`).
pub fn too_large_numbers_marked(text: &str) -> Cow<'_, str> {
    // The marker in quotes: five bytes, no longer than the shortest such number
    // (`1e309`), so it always fits where the number was.
    const MARKER: &[u8] = "\"\u{FFFE}\"".as_bytes();
    let bytes = text.as_bytes();
    let mut marked: Option<Vec<u8>> = None;
    let (mut at, mut in_string) = (0usize, false);
    while let Some(&byte) = bytes.get(at) {
        let length = match (in_string, byte) {
            (_, b'"') => {
                in_string = !in_string;
                1
            }
            // An escape is two bytes at least; `\u` and its four digits hold no quote.
            (true, b'\\') => 2,
            (false, b'-' | b'0'..=b'9') => {
                let length = bytes
                    .get(at..)
                    .map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_digit() || b"+-.eE".contains(b)).count());
                let too_large = bytes.get(at..at.saturating_add(length)).is_some_and(beyond_a_float);
                if too_large && length >= MARKER.len() {
                    let copy = marked.get_or_insert_with(|| bytes.to_vec());
                    if let Some(place) = copy.get_mut(at..at.saturating_add(length)) {
                        let (marker, spaces) = place.split_at_mut(MARKER.len());
                        marker.copy_from_slice(MARKER);
                        spaces.fill(b' ');
                    }
                }
                length.max(1)
            }
            _ => 1,
        };
        at = at.saturating_add(length);
    }
    // Whole numbers were written over with whole UTF-8 characters, so the text is still
    // UTF-8.
    match marked {
        Some(copy) => String::from_utf8(copy).map_or(Cow::Borrowed(text), Cow::Owned),
        None => Cow::Borrowed(text),
    }
}

/// Whether the JSON number `token` is beyond the largest 64-bit float (about
/// 1.7976931348623158e308), told from its digits and exponent: the standard
/// library's float parser would add its tables to the wasm (about 14 KB), which
/// nothing else in it needs. A number within a hair of the largest float may be
/// called beyond it; every field refuses such a number anyway.
fn beyond_a_float(token: &[u8]) -> bool {
    // A number without a sign, an exponent or a point has them all at its end: the
    // sign is nothing, the exponent empty, every digit whole.
    let unsigned = token.strip_prefix(b"-").unwrap_or(token);
    let split = unsigned.iter().position(|b| matches!(b, b'e' | b'E')).unwrap_or(unsigned.len());
    let (mantissa, exponent) = unsigned.split_at(split);
    let point = mantissa.iter().position(|b| *b == b'.').unwrap_or(mantissa.len());
    let digits: Vec<u8> = mantissa.iter().copied().filter(u8::is_ascii_digit).collect();
    let Some(first) = digits.iter().position(|d| *d != b'0') else { return false };
    // The number is 0.D × 10^power, D its digits from the first that is not 0.
    // Lengths past `i64` cannot be (the text is at most MAX_BYTES long); saturated,
    // they still count as huge. No exponent reads as an empty one.
    let whole_digits = i64::try_from(point).unwrap_or(i64::MAX);
    let leading = i64::try_from(first).unwrap_or(i64::MAX);
    let (negative, exponent_digits) = match exponent.get(1..).unwrap_or_default() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    let exponent = exponent_digits
        .iter()
        .filter(|d| d.is_ascii_digit())
        .fold(0i64, |value, d| value.saturating_mul(10).saturating_add(i64::from(d - b'0')));
    let exponent = if negative { -exponent } else { exponent };
    let power = whole_digits.saturating_sub(leading).saturating_add(exponent);
    const LARGEST: &[u8; 17] = b"17976931348623158";
    // The first 17 significant digits, zeros after the last (`first` is an index of
    // `digits`, so the slice is never the empty fallback).
    let mut significant = [b'0'; 17];
    for (slot, digit) in significant.iter_mut().zip(digits.get(first..).unwrap_or_default()) {
        *slot = *digit;
    }
    power > 309 || (power == 309 && significant >= *LARGEST)
}

/// Whether `value` holds a number [`too_large_numbers_marked`] marked, at any depth.
pub fn holds_too_large(value: &Value) -> bool {
    match value {
        Value::String(text) => text == TOO_LARGE,
        Value::Array(items) => items.iter().any(holds_too_large),
        Value::Object(fields) => fields.values().any(holds_too_large),
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}

/// What [`salvage`] has read so far.
#[derive(Default)]
struct Partial {
    started: Option<Started>,
    /// The top-level object's fields read in full.
    fields: Map<String, Value>,
    /// The items read in full of the top-level list, or of the object's `list_key`.
    items: Vec<Value>,
}

#[derive(Clone, Copy)]
enum Started {
    List,
    /// An object; `in_list` once its `list_key` list has begun.
    Object {
        in_list: bool,
    },
}

/// The top level of a text for [`salvage`]: each item and field is kept in
/// `partial` as soon as it is read in full, so that an error later leaves them there.
#[derive(Clone, Copy)]
struct Salvage<'a> {
    partial: &'a RefCell<Partial>,
    list_key: &'a str,
    strict: Strict<'a>,
}

impl<'de> DeserializeSeed<'de> for Salvage<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Salvage<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a list or an object")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, items: A) -> Result<(), A::Error> {
        self.partial.borrow_mut().started = Some(Started::List);
        ItemsInto { partial: self.partial, strict: self.strict }.visit_seq(items)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<(), A::Error> {
        self.partial.borrow_mut().started = Some(Started::Object { in_list: false });
        while let Some(key) = entries.next_key::<String>()? {
            let partial = self.partial.borrow();
            let list_begun = matches!(partial.started, Some(Started::Object { in_list: true }));
            if partial.fields.contains_key(&key) || (key == self.list_key && list_begun) {
                return Err(A::Error::custom(format_args!("the key {key:?} is given twice")));
            }
            drop(partial);
            if key == self.list_key {
                self.partial.borrow_mut().started = Some(Started::Object { in_list: true });
                entries.next_value_seed(ItemsInto { partial: self.partial, strict: self.strict })?;
            } else {
                let value = entries.next_value_seed(self.strict)?;
                self.partial.borrow_mut().fields.insert(key, value);
            }
        }
        Ok(())
    }
}

/// A list whose items [`salvage`] keeps one by one.
#[derive(Clone, Copy)]
struct ItemsInto<'a> {
    partial: &'a RefCell<Partial>,
    strict: Strict<'a>,
}

impl<'de> DeserializeSeed<'de> for ItemsInto<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ItemsInto<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<(), A::Error> {
        while let Some(item) = items.next_element_seed(self.strict)? {
            self.partial.borrow_mut().items.push(item);
        }
        Ok(())
    }
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

    /// A number is beyond a float exactly when the standard library's parser makes
    /// it infinite, but for the hair below the largest float's halfway point.
    #[test]
    fn a_number_beyond_a_float_is_told_from_its_digits() {
        let digits = "9".repeat(310);
        for token in [
            "1e308",
            "1e309",
            "-1e309",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "17976931348623159e292",
            "0.00001e310",
            "0.0001e313",
            "1e-400",
            "0",
            "-0.0",
            "0e999999",
            "123.456",
            "1E+309",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            &digits,
            &digits[1..],
            "000000000000001e308",
            "1.8e308",
        ] {
            let infinite = token.parse::<f64>().is_ok_and(f64::is_infinite);
            assert_eq!(beyond_a_float(token.as_bytes()), infinite, "{token}");
        }
        // Within a hair of the largest float, a number may be called beyond it.
        assert!(beyond_a_float(b"1.79769313486231580e308"));
        let text = r#"{"a":1e400,"b":"1e400 \" 1e999","c":[-2e308,5]}"#;
        assert_eq!(
            too_large_numbers_marked(text),
            "{\"a\":\"\u{FFFE}\",\"b\":\"1e400 \\\" 1e999\",\"c\":[\"\u{FFFE}\" ,5]}"
        );
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

    /// What [`salvage`] reads of `text`, compact, or `-` for nothing.
    #[track_caller]
    fn check_salvage(text: &str, expected: &str) {
        assert!(parse(text).is_err(), "{text} is JSON");
        let found = salvage(text, "rows").map_or_else(|| "-".to_string(), |value| value.to_string());
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn damaged_text_keeps_what_was_written_in_full_before_the_damage() {
        check_salvage(r#"{"v":2,"rows":[{"a":1},{"b":2},{"c":"#, r#"{"rows":[{"a":1},{"b":2}],"v":2}"#);
        check_salvage(r#"{"v":2,"rows":[{"a":1},{"b":"\x"},{"c":3}]}"#, r#"{"rows":[{"a":1}],"v":2}"#);
        check_salvage(r#"{"v":2,"rows":[{"a":1}],"d":[1,"#, r#"{"rows":[{"a":1}],"v":2}"#);
        check_salvage(r#"{"v":2,"ro"#, r#"{"v":2}"#);
        check_salvage(r#"{"v":"#, "{}");
        check_salvage(r#"[{"a":1},{"a":2},{"#, r#"[{"a":1},{"a":2}]"#);
        check_salvage(r#"[{"a":1},{"a":1,"a":2}]x"#, r#"[{"a":1}]"#);
        check_salvage(r#"{"rows":[{"a":1}],"rows":[{"b":2}]}x"#, r#"{"rows":[{"a":1}]}"#);
        check_salvage(r#"{"v":1,"v":2}x"#, r#"{"v":1}"#);
        check_salvage("", "-");
        check_salvage("garbage", "-");
        check_salvage("12 x", "-");
        check_salvage(&format!("[{{\"a\":1}},{}", "[".repeat(200)), r#"[{"a":1}]"#);
    }

    /// Half a UTF-16 pair, as JavaScript writes it, reads as U+FFFD, and the rest of the
    /// text as it is; a whole pair, an escaped backslash before `u` and text outside a
    /// string are left alone.
    #[test]
    fn half_a_surrogate_pair_reads_as_the_replacement_character() {
        check(r#"[{"name":"\ud800lone"},{"name":"next"}]"#, "[{\"name\":\"\u{fffd}lone\"},{\"name\":\"next\"}]");
        check(r#"["\udc00","\ud800\ud800","\ud800\u0041"]"#, "[\"\u{fffd}\",\"\u{fffd}\u{fffd}\",\"\u{fffd}A\"]");
        check(r#"["\ud83d\ude00","\\ud800","\""]"#, r#"["😀","\\ud800","\""]"#);
        check(r#"{"\ud800":1}"#, "{\"\u{fffd}\":1}");
        // Damage is still the parser's to refuse, where it is.
        check(r#"["\ud8"#, "NotJson { line: 1, column: 6 }");
        check(r#"[1,"\ud800"x]"#, "NotJson { line: 1, column: 12 }");
    }

    #[test]
    fn text_that_is_not_json_or_too_deep() {
        check("{", "NotJson { line: 1, column: 1 }");
        check("[1] x", "NotJson { line: 1, column: 5 }");
        check("", "NotJson { line: 1, column: 0 }");
        check(&"[".repeat(200), "TooDeep");
    }
}
