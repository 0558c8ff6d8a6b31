//! The Unicode NFC normaliser the shell passes to the model (a
//! `blockvote_model::nfc::Normalizer`): in the browser, the browser's own
//! `String.prototype.normalize("NFC")`, so the wasm carries no normalisation tables.
//! Natively (the shell's own tests) it is the model's, from `unicode-normalization`.

/// `text` in Unicode NFC, by the browser. ASCII text is NFC already: most fields of a
/// loaded CSV file are, and they skip the copy into JavaScript and back.
#[cfg(target_arch = "wasm32")]
pub fn nfc(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    js_sys::JsString::from(text).normalize("NFC").into()
}

#[cfg(not(target_arch = "wasm32"))]
pub use blockvote_model::nfc::nfc;
