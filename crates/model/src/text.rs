//! Uploaded bytes → text, or why they are not text blockvote can read.
//!
//! Every file a member loads (a projects CSV, a scenarios JSON) is read as bytes and
//! decoded here, never by the browser's lenient `FileReader.readAsText`, which turns
//! every byte it cannot read into U+FFFD and so accepts a Big5 file with every Chinese
//! name replaced. Accepted: UTF-8 (with or without a byte-order mark) and UTF-16 with a
//! byte-order mark (what "Unicode text" exports write). Anything else is refused
//! with the line it goes wrong on and the encoding it most likely is, so the member
//! can be told how to save the file again; a Big5 file is the likely case in Hong
//! Kong (Excel's "CSV (Comma delimited)" writes the system's code page).
//!
//! Big5 is recognised, not decoded: a GBK file is also valid Big5 byte by byte, so
//! decoding a guess could turn every name into other characters without a word.

use std::fmt;

/// The encoding a file that is not UTF-8 most likely uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LikelyEncoding {
    /// Traditional Chinese double-byte text (Big5, Big5-HKSCS): Excel's "CSV" in Hong
    /// Kong and Taiwan.
    Big5,
    /// Simplified Chinese double-byte text (GBK, GB 18030): holds byte pairs Big5 has
    /// no character for.
    Gbk,
    /// A one-byte Western encoding (Windows-1252, Latin-1): accented letters alone.
    Western,
    /// UTF-16 without its byte-order mark: NUL bytes in every other place, as mostly
    /// ASCII text (a CSV's commas and digits, a JSON's keys) has in UTF-16.
    Utf16WithoutBom,
    /// Not text at all (an image, an `.xlsx` workbook, a PDF): NUL bytes that do not
    /// fall as UTF-16's do.
    Binary,
    /// Nothing recognisable.
    Unknown,
    /// A blockvote page (the app itself, or an offline copy of it, which carries its
    /// scenarios and data): opened in the browser, not imported.
    BlockvotePage,
    /// Another web page (HTML).
    WebPage,
}

/// Why a file's bytes are not text blockvote reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotText {
    /// The 1-based line of the first byte that could not be read.
    pub line: u64,
    pub likely: LikelyEncoding,
}

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let likely = match self.likely {
            LikelyEncoding::Big5 => "it looks like Big5 (traditional Chinese)",
            LikelyEncoding::Gbk => "it looks like GBK or GB 18030 (simplified Chinese)",
            LikelyEncoding::Western => "it looks like a Western encoding such as Windows-1252",
            LikelyEncoding::Utf16WithoutBom => "it looks like UTF-16 without a byte-order mark",
            LikelyEncoding::Binary => return write!(f, "the file is not a text file (line {})", self.line),
            LikelyEncoding::BlockvotePage => return write!(f, "the file is a blockvote page, opened in a browser"),
            LikelyEncoding::WebPage => return write!(f, "the file is a web page (HTML)"),
            LikelyEncoding::Unknown => "its encoding is not recognised",
        };
        write!(f, "the file is not UTF-8 text (line {}); {likely}", self.line)
    }
}

impl std::error::Error for NotText {}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

/// Decodes an uploaded file: UTF-8 (a byte-order mark is dropped) or UTF-16 with a
/// byte-order mark. Text holding a NUL character is refused too: no CSV or JSON of
/// blockvote's holds one, and UTF-16 read as anything else, or a file that is not
/// text, is full of them. A web page is refused before it is decoded: no CSV or JSON
/// starts like one, and blockvote's own page (an offline copy, chosen by mistake) is
/// bytes in windows-1252 that would otherwise be taken for Chinese text in GBK.
pub fn decode_upload(bytes: &[u8]) -> Result<String, NotText> {
    if let Some(page) = web_page(bytes) {
        return Err(NotText { line: 1, likely: page });
    }
    let text = if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(UTF16_LE_BOM) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(UTF16_BE_BOM) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        utf8(bytes)?
    };
    let Some(at) = text.find('\0') else { return Ok(text) };
    let likely = with_nul_bytes(bytes);
    // JSON text with a NUL character where UTF-16 would not put one (a name damaged in
    // storage, set aside and downloaded as it was) is read on: the JSON reader says
    // where the damage is and keeps what was written before it, as it does for the
    // same text in storage. A CSV never starts like JSON, and is refused.
    let json = text.trim_start().starts_with(['{', '[']);
    if json && likely == LikelyEncoding::Binary {
        return Ok(text);
    }
    Err(NotText { line: line_at(text.as_bytes(), at), likely })
}

/// Whether `bytes` are a web page, and if so whether blockvote's: they start, after a
/// UTF-8 byte-order mark and white space, with `<!DOCTYPE html` or `<html` in any case;
/// blockvote's page says its name in its title near the top.
fn web_page(bytes: &[u8]) -> Option<LikelyEncoding> {
    // Without a byte-order mark, the bytes as they are; all white space, nothing.
    let start = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let first = start.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(start.len());
    let opening = start.get(first..).unwrap_or_default();
    let starts_with = |prefix: &[u8]| opening.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix));
    if !starts_with(b"<!doctype html") && !starts_with(b"<html") {
        return None;
    }
    // A page shorter than the head read is read whole.
    let head = opening.get(..8 * 1024).unwrap_or(opening);
    let title = b"<title>blockvote";
    let blockvote = head.windows(title.len()).any(|window| window == title);
    Some(if blockvote { LikelyEncoding::BlockvotePage } else { LikelyEncoding::WebPage })
}

fn utf8(bytes: &[u8]) -> Result<String, NotText> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => {
            let at = error.valid_up_to();
            let rest = bytes.get(at..).unwrap_or_default();
            // A NUL byte anywhere, before the first byte that is not UTF-8 too: a file
            // with NUL bytes is UTF-16 or not text, whatever its high bytes look like.
            let likely = if bytes.contains(&0) { with_nul_bytes(bytes) } else { likely_encoding(rest) };
            Err(NotText { line: line_at(bytes, at), likely })
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, NotText> {
    let pairs = bytes.chunks_exact(2);
    // An odd byte at the end: not UTF-16.
    let odd = !pairs.remainder().is_empty();
    let units = pairs.filter_map(|pair| <[u8; 2]>::try_from(pair).ok()).map(unit);
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut line = 1u64;
    for decoded in char::decode_utf16(units) {
        let Ok(c) = decoded else {
            return Err(NotText { line, likely: LikelyEncoding::Unknown });
        };
        if c == '\n' {
            line = line.saturating_add(1);
        }
        text.push(c);
    }
    if odd {
        return Err(NotText { line, likely: LikelyEncoding::Unknown });
    }
    Ok(text)
}

/// The 1-based line of byte `at`.
fn line_at(bytes: &[u8], at: usize) -> u64 {
    let newlines = bytes.get(..at).unwrap_or(bytes).iter().filter(|b| **b == b'\n').count();
    u64::try_from(newlines).unwrap_or(u64::MAX).saturating_add(1)
}

/// What a file with NUL bytes most likely is, from its first 64 KiB: UTF-16 without a
/// byte-order mark when its two-byte units, counted from the file's start, are mostly
/// an ASCII character and a NUL, always in the same order (a quarter of the units or
/// more, as in a CSV or JSON even of Chinese text, whose commas, digits and keys are
/// ASCII), with few units of any other kind with a NUL; otherwise not text. A PNG's
/// `89 50 4E 47 0D 0A 1A 0A 00 00 00 0D` has NUL bytes on both sides of its units.
fn with_nul_bytes(file: &[u8]) -> LikelyEncoding {
    let sample = file.get(..64 * 1024).unwrap_or(file);
    let (mut little_endian, mut big_endian, mut other_nul) = (0usize, 0usize, 0usize);
    let units = sample.chunks_exact(2);
    let count = units.len();
    for unit in units {
        match unit {
            [1..=0x7F, 0] => little_endian += 1,
            [0, 1..=0x7F] => big_endian += 1,
            [0, _] | [_, 0] => other_nul += 1,
            _ => {}
        }
    }
    let ascii = little_endian.max(big_endian);
    let unlike = little_endian.min(big_endian).saturating_add(other_nul);
    if ascii > 0 && ascii.saturating_mul(4) >= count && unlike.saturating_mul(10) <= ascii {
        LikelyEncoding::Utf16WithoutBom
    } else {
        LikelyEncoding::Binary
    }
}

/// Guesses the encoding of bytes that are not UTF-8, from the first undecodable byte
/// on: how the bytes of 0x80 and above pair up.
///
/// - Big5: a lead byte 0x81–0xFE, then a trail byte 0x40–0x7E or 0xA1–0xFE.
/// - GBK: the same lead bytes, with trail bytes 0x80–0xA0 as well, which Big5 never
///   has; GB 18030's four-byte forms have a digit second.
/// - Western: high bytes standing alone, followed by ASCII that cannot be a trail
///   (`é,` in "Café,").
fn likely_encoding(bytes: &[u8]) -> LikelyEncoding {
    // Pairs valid in Big5, pairs only GBK has, and bytes standing alone. A sample is
    // enough to tell, so a large file costs no more than its first 64 KiB.
    let (mut big5, mut gbk, mut single) = (0usize, 0usize, 0usize);
    let sample = bytes.get(..64 * 1024).unwrap_or(bytes);
    let mut index = 0;
    while let Some(&byte) = sample.get(index) {
        let next = sample.get(index + 1).copied();
        let step = match (byte, next) {
            (0x00..=0x7F, _) => 1,
            (0x81..=0xFE, Some(0x30..=0x39))
                if matches!(sample.get(index + 2..index + 4), Some([0x81..=0xFE, 0x30..=0x39])) =>
            {
                gbk += 1;
                4
            }
            (0x81..=0xFE, Some(0x40..=0x7E | 0xA1..=0xFE)) => {
                big5 += 1;
                2
            }
            (0x81..=0xFE, Some(0x80..=0xA0)) => {
                gbk += 1;
                2
            }
            _ => {
                single += 1;
                1
            }
        };
        index += step;
    }
    let (alone, beside_another) = high_bytes_alone(sample);
    if big5 + gbk == 0 && single == 0 {
        LikelyEncoding::Unknown
    } else if single > big5 + gbk || alone > beside_another {
        LikelyEncoding::Western
    } else if gbk > 0 {
        LikelyEncoding::Gbk
    } else {
        LikelyEncoding::Big5
    }
}

/// How many bytes of 0x80 and above stand between ASCII bytes, and how many have such
/// a byte beside them. An accented letter of a Western encoding is one byte in an ASCII
/// word (`Montr\xE9al`, `N\xB01`), which Big5's and GBK's pairs also match byte by byte;
/// Chinese text has its high bytes side by side, character after character.
fn high_bytes_alone(sample: &[u8]) -> (usize, usize) {
    let high = |at: Option<usize>| at.and_then(|at| sample.get(at)).is_some_and(|byte| *byte >= 0x80);
    let (mut alone, mut beside_another) = (0, 0);
    for (index, byte) in sample.iter().enumerate() {
        if *byte < 0x80 {
            continue;
        }
        if high(index.checked_sub(1)) || high(index.checked_add(1)) {
            beside_another += 1;
        } else {
            alone += 1;
        }
    }
    (alone, beside_another)
}

/// Text from outside (a link, a file, a file's name) as a message quotes it: its first
/// `max` characters, each
/// control character, line or paragraph separator, bidirectional control or other
/// invisible formatting character written as `[U+…]`, its code point as the Unicode
/// standard writes it (`[U+202E]`, `[U+0000]`; it was `\u{202E}`, Rust's escape, which
/// a member does not read). Shown raw, such a character from outside could reorder
/// the message's words around it (U+202E), hide text (U+200B) or break its lines;
/// written out, the member sees that it is there and which it is. Every other
/// character is kept. A quote holds at most `max` characters of the
/// text, each written in at most ten (a run of one such character once, with its
/// count: `[U+202E ×40]`), and ends with "…" when the text goes on
/// beyond them (and only then), so a cut value never reads as the whole of it.
pub fn quoted(text: &str, max: usize) -> String {
    let mut shown = String::new();
    let mut chars = text.chars();
    let mut quoted = chars.by_ref().take(max).peekable();
    while let Some(c) = quoted.next() {
        if is_invisible(c) {
            // A run of one such character is written once, with its count: sixty
            // U+202E in a row filled more than a phone's screen.
            let mut run = 1usize;
            while quoted.next_if_eq(&c).is_some() {
                run += 1;
            }
            match run {
                1 => shown.push_str(&format!("[U+{:04X}]", u32::from(c))),
                _ => shown.push_str(&format!("[U+{:04X} ×{run}]", u32::from(c))),
            }
        } else {
            shown.push(c);
        }
    }
    if chars.next().is_some() {
        shown.push('…');
    }
    shown
}

/// True for a character a message must not show raw: the controls (Unicode's Cc:
/// U+0000–U+001F, U+007F–U+009F), the line and paragraph separators (Zl, Zp), the
/// format characters (Cf: the soft hyphen, the bidirectional controls and marks,
/// the zero-width characters, the byte-order mark, the tags …) and the rest of
/// Unicode's default-ignorable code points (the variation selectors, the Hangul
/// fillers …), which draw nothing. A fixed list (Unicode 15), since the model carries
/// no Unicode tables.
fn is_invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0000..=0x001F
            | 0x007F..=0x009F
            | 0x00AD
            | 0x034F
            | 0x0600..=0x0605
            | 0x061C
            | 0x06DD
            | 0x070F
            | 0x0890..=0x0891
            | 0x08E2
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x2028..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(bytes: &[u8], expected: Result<&str, (u64, LikelyEncoding)>) {
        let found = decode_upload(bytes);
        let expected = expected.map(str::to_string).map_err(|(line, likely)| NotText { line, likely });
        assert_eq!(found, expected, "{bytes:02X?}");
    }

    /// "id,name_zh\n1,中文\n" with the name in Big5.
    const BIG5: &[u8] = b"id,name_zh\n1,\xA4\xA4\xA4\xE5\n2,\xB8\xEA\xB0\x54\xAC\xEC\xA7\xDE\n";
    /// The same names in GBK: 中文 and 資訊科技 (in simplified form, 资讯科技).
    const GBK: &[u8] = b"id,name_zh\n1,\xD6\xD0\xCE\xC4\n2,\xD7\xCA\xD1\xB6\xBF\xC6\xBC\xBC\n3,\x81\x80\n";

    #[test]
    fn utf8_and_utf16_with_a_byte_order_mark_are_read() {
        check(b"id,name\n1,a\n", Ok("id,name\n1,a\n"));
        check("id,名稱\n".as_bytes(), Ok("id,名稱\n"));
        check(b"\xEF\xBB\xBFid\n", Ok("id\n"));
        check(b"", Ok(""));
        check(b"\xEF\xBB\xBF", Ok(""));
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("id,名\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        check(&le, Ok("id,名\n"));
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("id,名\n".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        check(&be, Ok("id,名\n"));
        // Characters beyond the Basic Multilingual Plane, as surrogate pairs.
        let astral: Vec<u8> = [0xFF, 0xFE].into_iter().chain("𠀀".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        check(&astral, Ok("𠀀"));
    }

    #[test]
    fn chinese_in_another_encoding_is_refused_with_its_likely_name() {
        check(BIG5, Err((2, LikelyEncoding::Big5)));
        check(GBK, Err((2, LikelyEncoding::Gbk)));
    }

    #[test]
    fn other_bytes_are_refused_with_the_line_they_are_on() {
        // Windows-1252 "Café," on the third line.
        check(b"id,name\n1,a\n2,Caf\xE9,x\n", Err((3, LikelyEncoding::Western)));
        // Accented letters inside words and "N°1", whose bytes alone match Big5's pairs
        // (é then a) and the start of GB 18030's four-byte form (° then 1).
        check(b"id,name_en\n1,Montr\xE9al N\xB01\n2,S\xE3o Paulo\n", Err((2, LikelyEncoding::Western)));
        // UTF-8 cut in the middle of a character.
        check(b"id\n\xE4\xB8", Err((2, LikelyEncoding::Big5)));
        check(b"\xFF", Err((1, LikelyEncoding::Western)));
        // UTF-16 without its byte-order mark reads as text full of NUL characters.
        let bare: Vec<u8> = "id\nx".encode_utf16().flat_map(u16::to_le_bytes).collect();
        check(&bare, Err((1, LikelyEncoding::Utf16WithoutBom)));
        check(b"a\nb\0", Err((2, LikelyEncoding::Utf16WithoutBom)));
        let big_endian: Vec<u8> = "[{\"name\":\"中文\"}]".encode_utf16().flat_map(u16::to_be_bytes).collect();
        check(&big_endian, Err((1, LikelyEncoding::Utf16WithoutBom)));
        // Broken UTF-16: an odd byte at the end, a lone surrogate on line 2.
        check(b"\xFF\xFEa\x00b", Err((1, LikelyEncoding::Unknown)));
        check(b"\xFF\xFEa\x00\n\x00\x00\xD8", Err((2, LikelyEncoding::Unknown)));
    }

    #[test]
    fn a_web_page_is_named_as_one_and_blockvote_s_own_page_as_blockvote_s() {
        // An offline copy is windows-1252 bytes, which read as GBK byte pairs.
        let offline_copy = b"<!DOCTYPE html>\n<html lang=\"zh-Hant\"><head>\n<meta charset=\"windows-1252\">\n<title>blockvote &#x2014; Head 710</title>\n\x8a\xf1\xfe\x00";
        check(offline_copy, Err((1, LikelyEncoding::BlockvotePage)));
        check(b"\xEF\xBB\xBF \n<html><title>blockvote</title>", Err((1, LikelyEncoding::BlockvotePage)));
        check(b"<!doctype HTML><title>Another page</title>", Err((1, LikelyEncoding::WebPage)));
        check(b"  <HTML>", Err((1, LikelyEncoding::WebPage)));
        // Text that merely starts with a tag-like word is text.
        check(b"<htm", Ok("<htm"));
        check(b"id,name\n1,<html>\n", Ok("id,name\n1,<html>\n"));
    }

    #[test]
    fn json_with_a_nul_character_is_left_to_the_json_reader_and_a_csv_with_one_is_refused() {
        let stored = "{\"scenarios\":[{\"name\":\"Good\0one\"}]}";
        check(stored.as_bytes(), Ok(stored));
        check(b" [{\"name\":\"a\0b\"}]", Ok(" [{\"name\":\"a\0b\"}]"));
        check(b"id,name\n1,a\0b\n", Err((2, LikelyEncoding::Binary)));
        // UTF-16 without a byte-order mark is still called so, though it starts with `{`.
        let bare: Vec<u8> = "{\"a\":1}".encode_utf16().flat_map(u16::to_le_bytes).collect();
        check(&bare, Err((1, LikelyEncoding::Utf16WithoutBom)));
    }

    #[test]
    fn a_file_that_is_not_text_is_not_taken_for_utf16() {
        // A PNG image, a zip (an .xlsx workbook), a PDF with binary streams: NUL bytes,
        // but not in UTF-16's pattern.
        check(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", Err((1, LikelyEncoding::Binary)));
        check(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00b\xee\x9dh", Err((1, LikelyEncoding::Binary)));
        check(b"%PDF-1.7\n%\xb5\xb5\xb5\xb5\n1 0 obj\n\x00\x00\x00\x00\x00", Err((2, LikelyEncoding::Binary)));
        // Valid UTF-8 with NUL bytes in both places of its units.
        check(b"ab\0\0\0\0cd\0\0", Err((1, LikelyEncoding::Binary)));
        assert_eq!(
            NotText { line: 1, likely: LikelyEncoding::Binary }.to_string(),
            "the file is not a text file (line 1)"
        );
    }

    #[test]
    fn a_large_file_costs_no_more_than_its_sample() {
        let mut bytes = b"id\n".to_vec();
        bytes.extend(std::iter::repeat_n(0xA4, 8 * 1024 * 1024));
        assert_eq!(decode_upload(&bytes).map_err(|e| e.likely), Err(LikelyEncoding::Big5));
    }

    #[test]
    fn the_message_names_the_line_and_the_encoding() {
        let error = NotText { line: 2, likely: LikelyEncoding::Big5 };
        assert_eq!(error.to_string(), "the file is not UTF-8 text (line 2); it looks like Big5 (traditional Chinese)");
    }
}
