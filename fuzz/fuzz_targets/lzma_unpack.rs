//! Any bytes as an LZMA stream → `blockvote_unpack`, the one-file build's decoder.
//! What it reads is the file a member opens; a copy damaged on its way (a changed,
//! lost or added byte) must stop with an error, never panic, overrun or loop.
//!
//! Input: two bytes for the number of bytes to decode (0 to 65,535), a byte for the
//! properties (any: the decoder refuses those it has no room for), a byte for how many
//! parts to decode in (1 to 16), then the stream.
//!
//! Asserts, besides "no panic":
//! - decoding in parts (`Decoder::run` up to ever larger byte counts) gives exactly
//!   what decoding in one go gives: the same bytes, or the same error;
//! - an error is one the properties or the stream explain: `Properties` only for a
//!   properties byte `Properties::from_byte` refuses, `Start` only for a stream that is
//!   shorter than five bytes, starts with a byte other than 0 or whose code is all ones.
#![no_main]

use blockvote_unpack::{decode, Damage, Decoder, Probabilities, Properties, PROBABILITIES};
use libfuzzer_sys::fuzz_target;

fn in_parts(stream: &[u8], size: usize, properties: Properties, parts: usize) -> Result<Vec<u8>, Damage> {
    let mut probabilities: Box<Probabilities> = Box::new([0; PROBABILITIES]);
    let mut output = vec![0; size];
    let mut decoder = Decoder::new(stream, &mut probabilities, properties)?;
    for part in 1..=parts {
        decoder.run(stream, &mut output, &mut probabilities, size * part / parts)?;
    }
    decoder.finish(stream, &output).map(|()| output)
}

fuzz_target!(|bytes: &[u8]| {
    let [size_low, size_high, properties_byte, parts, stream @ ..] = bytes else {
        return;
    };
    let size = usize::from(u16::from_le_bytes([*size_low, *size_high]));
    let parts = usize::from(parts % 16) + 1;
    let properties = match Properties::from_byte(*properties_byte) {
        Ok(properties) => properties,
        Err(damage) => {
            assert_eq!(damage, Damage::Properties);
            assert!(properties_byte % 9 + (properties_byte / 9) % 5 > 4 || properties_byte / 45 > 4);
            return;
        }
    };
    let mut probabilities: Box<Probabilities> = Box::new([0; PROBABILITIES]);
    let mut output = vec![0; size];
    let whole = decode(stream, &mut output, &mut probabilities, properties).map(|()| output);
    let starts = matches!(stream, [0, a, b, c, d, ..] if [*a, *b, *c, *d] != [0xff; 4]);
    assert_eq!(whole == Err(Damage::Start), !starts, "Start only for a stream that cannot start");
    assert_eq!(in_parts(stream, size, properties, parts), whole, "{parts} parts");
});
