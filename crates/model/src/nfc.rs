//! Unicode NFC, passed in by whoever calls the model.
//!
//! Saved names, notes and questions, and every text field of a loaded CSV file, are
//! kept in NFC, so a name typed with a combining accent and the same name typed
//! precomposed are one name, and a PDF's compatibility ideographs match what a member
//! types. The model carries no Unicode tables for this: each function that normalises
//! takes a [`Normalizer`]. The shell passes the browser's
//! `String.prototype.normalize("NFC")`, so the wasm holds no tables (about 113 KB);
//! natively (tests, fuzz targets, benches) it is [`nfc`], from the
//! `unicode-normalization` crate, a dependency for targets other than wasm32 only.

/// A function that returns its text in Unicode NFC.
pub type Normalizer = fn(&str) -> String;

/// Text and its NFC, which every normaliser passed to the model must agree on: checked
/// for [`nfc`] natively (below) and for the browser's in the browser
/// (`tests/web_saved.rs`).
pub const EXAMPLES: [(&str, &str); 7] = [
    // A Latin letter and a combining accent compose.
    ("e\u{301}", "\u{e9}"),
    ("Cafe\u{301} 咖啡", "Caf\u{e9} 咖啡"),
    ("A\u{30A}ngstro\u{308}m", "\u{c5}ngstr\u{f6}m"),
    // A singleton (the Angstrom sign) becomes the letter.
    ("\u{212B}", "\u{c5}"),
    // A CJK compatibility ideograph (as PDF text extraction leaves them) becomes the
    // unified one a member types.
    ("管\u{F9E4}", "管理"),
    // Hangul jamo compose into their syllable.
    ("\u{1100}\u{1161}", "\u{AC00}"),
    ("already NFC 已正規化", "already NFC 已正規化"),
];

/// NFC by the `unicode-normalization` crate: the normaliser natively.
#[cfg(not(target_arch = "wasm32"))]
pub fn nfc(text: &str) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    // Most text is already NFC (the paper's files always are: tests/paper.rs checks),
    // and the quick check is far cheaper than normalising.
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::{nfc, EXAMPLES};

    #[test]
    fn the_native_normaliser_gives_every_example() {
        for (input, expected) in EXAMPLES {
            assert_eq!(nfc(input), expected, "NFC of {input:?}");
        }
    }
}
