//! The Unicode text functions the shell passes to the model and to `blockvote_present`:
//! in the browser, the browser's own (`String.prototype.normalize("NFC")`,
//! `String.prototype.toLowerCase()`), so the wasm carries neither's tables. Natively
//! (the shell's own tests) they are the Rust ones.

/// `text` in Unicode NFC, by the browser (a `blockvote_model::nfc::Normalizer`). ASCII
/// text is NFC already: most fields of a loaded CSV file are, and they skip the copy
/// into JavaScript and back.
#[cfg(target_arch = "wasm32")]
pub fn nfc(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    js_sys::JsString::from(text).normalize("NFC").into()
}

#[cfg(not(target_arch = "wasm32"))]
pub use blockvote_model::nfc::nfc;

/// `text` in Unicode lower case, by the browser (a
/// `blockvote_present::screens::projects::filters::Lowercase`), for the search.
#[cfg(target_arch = "wasm32")]
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    js_sys::JsString::from(text).to_lower_case().into()
}

/// `text` in Unicode lower case, natively.
#[cfg(not(target_arch = "wasm32"))]
pub fn lowercase(text: &str) -> String {
    text.to_lowercase()
}
