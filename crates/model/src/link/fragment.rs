//! The fragment's text ⇄ its `key=value` pairs, with percent coding.
//!
//! A link is read whole pair by pair: a pair is either read completely or not at all.
//! Cutting a long link at a fixed length used to cut a value in the middle, and a cut
//! number is often another valid number (`b999999999` became `b99999`); now a pair
//! that does not fit within [`MAX_FRAGMENT_CHARS`] is left unread and named in
//! [`Fragment::unread`], so the decoder reports it: as too long to read if it is
//! longer than the limit by itself, otherwise as beyond the limit.

use super::{problem, shown_text, LinkProblem, LinkReason};

/// The longest fragment read, in characters of its text as written (percent-encoded).
/// Pairs that end beyond it are not read, so a megabyte of text costs one scan and
/// no more than this much memory.
pub const MAX_FRAGMENT_CHARS: usize = 32 * 1024;

/// The most unread keys named; a longer link's further pairs are only counted.
pub const MAX_UNREAD_NAMED: usize = 16;

/// The longest key or value kept for a message about it, in characters.
pub const MAX_SHOWN_CHARS: usize = 40;

/// The characters of the link's text, as written, that always decode to more than
/// [`MAX_SHOWN_CHARS`]: a character is written in at most twelve (four escaped bytes).
const SHOWN_WRITTEN_CHARS: usize = 12 * (MAX_SHOWN_CHARS + 1);

/// A fragment split into pairs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fragment {
    /// The pairs read, in order, percent-decoded.
    pub pairs: Vec<(String, String)>,
    /// The pairs that were not read because the fragment is longer than
    /// [`MAX_FRAGMENT_CHARS`], as problems (at most [`MAX_UNREAD_NAMED`] of them): a
    /// pair longer than the limit by itself, which no link could have read, with its
    /// key and value as [`LinkReason::TooLong`]; any other by its key alone, as
    /// [`LinkReason::Unread`].
    pub unread: Vec<LinkProblem>,
    /// How many pairs were not read, named or not.
    pub unread_count: usize,
    /// The places in `pairs` of those the link gives without `=` (`#cap`, read as
    /// `cap=`), in order: a notice quotes them as the link wrote them
    /// ([`Fragment::quote_as_written`]).
    pub bare: Vec<usize>,
    /// The places in `pairs` of those whose key or value escapes bytes that are not
    /// UTF-8 (`%C3` alone, `%FF`), in order: the escapes are kept as the link wrote
    /// them ([`percent_decode`]), and a notice says the pair is not valid text where
    /// nothing else names it.
    pub not_text: Vec<usize>,
}

impl Fragment {
    /// Marks each problem of a pair with no value to be quoted by its key alone when
    /// the link gives that key with no value only without `=` (`#cap`, never `#cap=`),
    /// so the quote is what the link wrote. A key given both ways is quoted with its
    /// `=`. Worked out once per key named, so the work is bounded by the few keys a
    /// link's problems name, however many pairs it has.
    pub fn quote_as_written(&self, problems: &mut [LinkProblem]) {
        if self.bare.is_empty() {
            return;
        }
        let mut keys: Vec<(String, bool)> = Vec::new();
        for problem in problems.iter_mut().filter(|p| p.value.is_empty() && p.part.is_none() && !p.key_only) {
            let bare = match keys.iter().find(|(key, _)| *key == problem.key) {
                Some((_, bare)) => *bare,
                None => {
                    let mut empty = (0..)
                        .zip(&self.pairs)
                        .filter(|(_, (key, value))| value.trim().is_empty() && shown_text(key) == problem.key);
                    let bare =
                        empty.clone().next().is_some() && empty.all(|(at, _)| self.bare.binary_search(&at).is_ok());
                    keys.push((problem.key.clone(), bare));
                    bare
                }
            };
            problem.key_only |= bare;
        }
    }
}

/// Splits a URL fragment (`#view=projects&p=17:d2`, with or without the `#`) into its
/// `key=value` pairs, in order, percent-decoded. Empty pieces between `&`s are skipped
/// and a piece without `=` is a key with an empty value (and listed in
/// [`Fragment::bare`], so a notice quotes it as written). A pair is read only if it
/// ends within the first [`MAX_FRAGMENT_CHARS`] characters; from the first one that
/// does not, no pair is read and their keys are listed instead. Total: any text gives
/// a [`Fragment`].
pub fn read_fragment(text: &str) -> Fragment {
    let text = text.strip_prefix('#').unwrap_or(text);
    let mut fragment = Fragment::default();
    // Characters used so far, counting the `&` before each piece.
    let mut used = 0usize;
    for piece in text.split('&') {
        // A piece longer than the whole limit is never read, so counting stops there.
        let length = piece.chars().take(MAX_FRAGMENT_CHARS.saturating_add(1)).count();
        used = used.saturating_add(length).saturating_add(1);
        if piece.is_empty() {
            continue;
        }
        let (key, value) = piece.split_once('=').unwrap_or((piece, ""));
        if fragment.unread_count == 0 && used.saturating_sub(1) <= MAX_FRAGMENT_CHARS {
            let ((key, key_text), (value, value_text)) = (decode(key), decode(value));
            if !piece.contains('=') {
                fragment.bare.push(fragment.pairs.len());
            }
            if !(key_text && value_text) {
                fragment.not_text.push(fragment.pairs.len());
            }
            fragment.pairs.push((key, value));
        } else {
            fragment.unread_count = fragment.unread_count.saturating_add(1);
            if fragment.unread.len() < MAX_UNREAD_NAMED {
                // What a quote shows, from a bounded start of the text.
                let start = |text: &str| percent_decode(&text.chars().take(SHOWN_WRITTEN_CHARS).collect::<String>());
                if length > MAX_FRAGMENT_CHARS {
                    fragment.unread.push(problem(&start(key), &start(value), LinkReason::TooLong));
                } else {
                    // A key named once is not named again (a link repeating `cost=5`
                    // thousands of times said the same sentence sixteen times); its
                    // other pairs are among those counted.
                    let key = start(key);
                    if !fragment.unread.iter().any(|named| named.key_only && named.key == key) {
                        fragment.unread.push(LinkProblem { key_only: true, ..problem(&key, "", LinkReason::Unread) });
                    }
                }
            }
        }
    }
    fragment
}

/// The pairs [`read_fragment`] reads (what the shell's router needs).
pub fn parse_fragment(text: &str) -> Vec<(String, String)> {
    read_fragment(text).pairs
}

/// Decodes `%XX` escapes and `+` as space, so decoding never fails: what is not an
/// escape (`%ZZ`, `%4`, `%+1`) is kept as text, and so are the escapes of bytes that
/// are not UTF-8 (`%C3` alone, `%FF`), as the link wrote them, where they once became
/// U+FFFD and the member could not see what the link had.
pub fn percent_decode(text: &str) -> String {
    decode(text).0
}

/// [`percent_decode`], and whether every escaped byte is UTF-8 text.
fn decode(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut is_text = true;
    let mut bytes = Vec::new();
    let mut rest = text;
    loop {
        // The bytes of the escapes `rest` starts with, read as text together: a
        // character's bytes are escaped one by one.
        bytes.clear();
        while let Some(byte) = rest.get(3 * bytes.len()..).and_then(escaped) {
            bytes.push(byte);
        }
        let (escapes, after) = rest.split_at_checked(3 * bytes.len()).unwrap_or(("", rest));
        let mut at = 0;
        for chunk in bytes.utf8_chunks() {
            out.push_str(chunk.valid());
            let start = at + 3 * chunk.valid().len();
            let end = start + 3 * chunk.invalid().len();
            // Bytes that are not UTF-8: their escapes, as written.
            out.push_str(escapes.get(start..end).unwrap_or_default());
            is_text &= start == end;
            at = end;
        }
        let mut chars = after.chars();
        match chars.next() {
            None => return (out, is_text),
            Some('+') => out.push(' '),
            Some(other) => out.push(other),
        }
        rest = chars.as_str();
    }
}

/// The byte escaped at the start of `text`: a `%` and two hexadecimal digits.
fn escaped(text: &str) -> Option<u8> {
    let hex = text.strip_prefix('%')?.get(..2).filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))?;
    u8::from_str_radix(hex, 16).ok()
}

/// Encodes everything but unreserved characters, the three separators of the compact
/// edits (`,` `:` `;`) and the `/` of a typed fraction (`slip=1/3`), which a fragment
/// may hold as they are (RFC 3986), so a link stays short and readable.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b',' | b':' | b';' | b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The fragment text (with its `#`) for `pairs`, as the shell writes it.
pub fn fragment_text(pairs: &[(String, String)]) -> String {
    let written: Vec<String> =
        pairs.iter().map(|(key, value)| format!("{}={}", percent_encode(key), percent_encode(value))).collect();
    format!("#{}", written.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn fragments_split_into_decoded_pairs() {
        assert_eq!(parse_fragment(""), owned(&[]));
        assert_eq!(parse_fragment("#"), owned(&[]));
        assert_eq!(parse_fragment("#view=risk&&lang=en&"), owned(&[("view", "risk"), ("lang", "en")]));
        assert_eq!(parse_fragment("view"), owned(&[("view", "")]));
        assert_eq!(parse_fragment("a=b=c"), owned(&[("a", "b=c")]));
        assert_eq!(parse_fragment("##x=1"), owned(&[("#x", "1")]));
        assert_eq!(parse_fragment("q=%E4%BF%9D%E5%AE%89+x"), owned(&[("q", "保安 x")]));
        assert_eq!(parse_fragment("#%ZZ=%&&&="), owned(&[("%ZZ", "%"), ("", "")]));
    }

    #[test]
    fn a_pair_is_read_whole_or_not_at_all() {
        // A value that ends exactly at the limit is read; one character more and it is
        // not, and nothing after it is either.
        let value = |extra: usize| "9".repeat(MAX_FRAGMENT_CHARS - "#view=risk&p=".len() + 1 + extra);
        let fits = read_fragment(&format!("#view=risk&p={}", value(0)));
        assert_eq!(fits.pairs.len(), 2);
        assert!(fits.unread.is_empty());
        let long = read_fragment(&format!("#view=risk&p={}&lang=en&slip=1", value(1)));
        assert_eq!(long.pairs, owned(&[("view", "risk")]));
        let keys = |fragment: &Fragment| fragment.unread.iter().map(|p| p.key.clone()).collect::<Vec<_>>();
        assert_eq!(keys(&long), ["p", "lang", "slip"]);
        assert_eq!(long.unread_count, 3);
        // A megabyte of pairs names a few and counts the rest.
        let pairs: String = (0..250_000).map(|n| format!("k{n}=v&")).collect();
        let many = read_fragment(&format!("#x={}&{pairs}", "y".repeat(MAX_FRAGMENT_CHARS)));
        assert!(many.pairs.is_empty());
        assert_eq!(many.unread.len(), MAX_UNREAD_NAMED);
        assert_eq!(many.unread_count, 250_001);
        // Unread keys are quoted short, and say so, however they are written.
        let key = read_fragment(&format!("#x={}&{}=1", "y".repeat(MAX_FRAGMENT_CHARS - 10), "k".repeat(500)));
        assert_eq!(keys(&key), [format!("{}…", "k".repeat(MAX_SHOWN_CHARS))]);
        let emoji =
            read_fragment(&format!("#x={}&{}=1", "y".repeat(MAX_FRAGMENT_CHARS - 10), "%F0%9F%98%80".repeat(50)));
        assert_eq!(keys(&emoji), [format!("{}…", "😀".repeat(MAX_SHOWN_CHARS))]);
        // A pair longer than the limit by itself is too long to read; those after it
        // are beyond the limit.
        let reasons = |fragment: &Fragment| fragment.unread.iter().map(|p| p.reason.clone()).collect::<Vec<_>>();
        assert_eq!(reasons(&many).first(), Some(&LinkReason::TooLong));
        assert_eq!(reasons(&long), [LinkReason::Unread, LinkReason::Unread, LinkReason::Unread]);
    }

    #[test]
    fn percent_coding_round_trips() {
        for text in ["保安", "a b&c=d", "%", "100%", "<script>", "", "+", "%2", "p=17:d2,x;42:x"] {
            assert_eq!(percent_decode(&percent_encode(text)), text);
        }
        assert_eq!(percent_decode("%E4%BF%9D"), "保");
        assert_eq!(percent_decode("%FF"), "%FF");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%%41"), "%A");
        assert_eq!(percent_encode("a b"), "a%20b");
        assert_eq!(percent_encode("17:d2,x;42:b5.5"), "17:d2,x;42:b5.5");
        assert_eq!(percent_encode("1/3"), "1/3");
        assert_eq!(percent_decode("17:d2%3B42:x"), "17:d2;42:x", "links written before `;` was kept still read");
    }

    /// Escaped bytes that are not UTF-8 are kept as the link wrote them, where they
    /// once became U+FFFD: a notice (and the search box) shows what the link had.
    #[test]
    fn bytes_that_are_not_text_keep_their_escapes() {
        for (written, decoded) in [
            ("%C3", "%C3"),
            ("%c3", "%c3"),
            ("%FF%FE", "%FF%FE"),
            ("%E4%BF", "%E4%BF"),
            ("%E4%BFx", "%E4%BFx"),
            ("%E4%BF%9D", "保"),
            ("%ff%E4%BF%9D%fe+%C3%A9", "%ff保%fe é"),
            ("%ED%A0%80", "%ED%A0%80"),
            ("%F0%9F%98%80%F0%9F", "😀%F0%9F"),
            // Not an escape at all: kept as text, as before.
            ("%ZZ%4", "%ZZ%4"),
            ("%+1%-1", "% 1%-1"),
        ] {
            assert_eq!(percent_decode(written), decoded, "{written}");
        }
        let read = read_fragment("#view=%C3&q=%E4%BF%9D&%FF=1&q=%25FF");
        assert_eq!(read.pairs, owned(&[("view", "%C3"), ("q", "保"), ("%FF", "1"), ("q", "%FF")]));
        assert_eq!(read.not_text, [0, 2], "only the escapes that are not text");
    }

    #[test]
    fn fragment_text_splits_back_into_its_pairs() {
        let pairs = owned(&[("view", "projects"), ("q", "保安 & 資訊"), ("p", "17:d2;42:x")]);
        assert_eq!(parse_fragment(&fragment_text(&pairs)), pairs);
    }
}
