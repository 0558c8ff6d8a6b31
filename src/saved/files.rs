//! Files in and out, without the network: a download is a `Blob` behind an object URL
//! clicked through an `<a download>`; an import is read as bytes with `FileReader` and
//! decoded by the model (`blockvote_model::text`), which refuses what is not UTF-8
//! (or UTF-16 with a byte-order mark) instead of replacing it. Every `JsValue` error
//! is caught and returned.

use blockvote_model::text::{decode_upload, NotText};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys;

/// Offers `text` as a file named `filename`. Returns false if the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> bool {
    offer(filename, mime, &JsValue::from_str(text)).is_ok()
}

/// Offers `bytes` as a download named `filename`, for a file whose bytes are not the
/// UTF-8 of a text (the offline copy, in windows-1252); whether the browser took it.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> bool {
    offer(filename, mime, &js_sys::Uint8Array::from(bytes)).is_ok()
}

/// Offers a file of one part (a string, written as UTF-8, or a `Uint8Array`).
fn offer(filename: &str, mime: &str, part: &JsValue) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.set_attribute("hidden", "")?;
    let body = document.body().ok_or(JsValue::NULL)?;
    body.append_child(&anchor)?;
    anchor.click();
    let _ = body.remove_child(&anchor);
    // Revoked a moment later: revoking at once can cancel the download in some browsers.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Why an imported file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The file's size in bytes, past the limit.
    TooLarge(u64),
    Unreadable,
    /// The bytes are not UTF-8 (nor UTF-16 with a byte-order mark): the line and the
    /// likely encoding, worded by `blockvote_present::uploads::not_text`.
    NotText(NotText),
}

/// Reads a chosen file as bytes, decodes them as text (see the module's note) and
/// hands the result to `done` (once). Files larger than `max_bytes` are refused
/// before reading.
pub fn read_text(file: &web_sys::File, max_bytes: usize, done: impl FnOnce(Result<String, ReadError>) + 'static) {
    if file.size() > max_bytes as f64 {
        // A size is a whole number of bytes, far below 2^53; a cast from a float
        // saturates, so even a size no file has gives a number, never a trap.
        done(Err(ReadError::TooLarge(file.size() as u64)));
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        done(Err(ReadError::Unreadable));
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |result: Result<String, ReadError>| {
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        }
    };
    let on_load = {
        let reader = reader.clone();
        let finish = finish.clone();
        Closure::once_into_js(move || {
            let result = match reader.result() {
                Ok(buffer) if buffer.is_instance_of::<js_sys::ArrayBuffer>() => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    decode_upload(&bytes).map_err(ReadError::NotText)
                }
                _ => Err(ReadError::Unreadable),
            };
            finish(result);
        })
    };
    let on_error = Closure::once_into_js(move || finish(Err(ReadError::Unreadable)));
    reader.set_onload(Some(on_load.unchecked_ref()));
    reader.set_onerror(Some(on_error.unchecked_ref()));
    if reader.read_as_array_buffer(file).is_err() {
        if let Some(done) = done.borrow_mut().take() {
            done(Err(ReadError::Unreadable));
        }
    }
}
