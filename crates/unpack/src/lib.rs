//! The one-file build's decoder of raw LZMA (the LZMA1 stream that
//! `xz --format=raw --lzma1=…` writes, with no header).
//!
//! `scripts/single-file.mjs` packs the app's wasm, stylesheet and glue in one LZMA
//! stream (about 9 % smaller than Zstandard's strongest level) and embeds this crate,
//! built for wasm32, in the page in front of it. The loader instantiates this module,
//! copies the stream into its memory, runs the decoder through the exports of `wasm.rs`
//! and compiles what comes out. The decoder is [`decode`] (or [`Decoder`], the same in
//! parts), pure functions over slices, which the native tests check against streams
//! written by `xz`; the wasm bridge only lays out memory.
//!
//! It follows Igor Pavlov's LZMA specification (`LzmaSpec.cpp`, public domain). It never
//! panics, reads or writes out of bounds, or runs longer than the bytes asked for take: a
//! damaged stream is an `Err`, or bytes whose [`adler32`] differs from the packer's,
//! which the bridge refuses as [`Damage::Checksum`].
#![cfg_attr(target_arch = "wasm32", no_std)]

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// Why a stream could not be decoded. Its number is what the wasm bridge returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Damage {
    /// The properties ask for more literal context than [`MAX_LITERAL_BITS`], or a
    /// position or literal position bit count above 4.
    Properties = 1,
    /// The stream is shorter than the range coder's five first bytes, its first byte is
    /// not 0, or its first code is all ones (no stream starts so).
    Start = 2,
    /// A match reaches before the first byte.
    Distance = 3,
    /// A match runs past the number of bytes the stream is said to hold.
    Length = 4,
    /// The stream ended before the bytes it is said to hold were decoded.
    Truncated = 5,
    /// The bytes decoded are not those packed: their Adler-32 differs from the one the
    /// packer recorded (a raw stream has no check of its own, and a changed byte could
    /// otherwise decode to a different program).
    Checksum = 6,
}

/// Adler-32 (RFC 1950) of `bytes`: the check the packer records for the bytes it packs.
pub fn adler32(bytes: &[u8]) -> u32 {
    const MODULUS: u32 = 65_521;
    // The most bytes after which the sums, reduced at the start, still fit in a u32.
    const RUN: usize = 5_552;
    let (mut a, mut b) = (1u32, 0u32);
    for run in bytes.chunks(RUN) {
        for &byte in run {
            a += u32::from(byte);
            b += a;
        }
        a %= MODULUS;
        b %= MODULUS;
    }
    (b << 16) | a
}

/// The most literal context and literal position bits together this decoder takes:
/// the probabilities grow as 0x300 × 2^(lc + lp), and the packer uses lc = 4, lp = 0.
pub const MAX_LITERAL_BITS: u32 = 4;

/// A stream's literal context (lc), literal position (lp) and position (pb) bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Properties {
    pub literal_context: u32,
    pub literal_position: u32,
    pub position: u32,
}

impl Properties {
    /// The properties from LZMA's one-byte form, (pb × 5 + lp) × 9 + lc.
    pub fn from_byte(byte: u8) -> Result<Self, Damage> {
        let byte = u32::from(byte);
        let properties = Self { literal_context: byte % 9, literal_position: (byte / 9) % 5, position: byte / 45 };
        let fits =
            properties.literal_context + properties.literal_position <= MAX_LITERAL_BITS && properties.position <= 4;
        if fits {
            Ok(properties)
        } else {
            Err(Damage::Properties)
        }
    }
}

// The probabilities, in one slice, at these offsets (the specification's names).
const IS_MATCH: usize = 0;
const IS_REP: usize = IS_MATCH + (12 << 4);
const IS_REP_G0: usize = IS_REP + 12;
const IS_REP_G1: usize = IS_REP_G0 + 12;
const IS_REP_G2: usize = IS_REP_G1 + 12;
const IS_REP0_LONG: usize = IS_REP_G2 + 12;
const POS_SLOT: usize = IS_REP0_LONG + (12 << 4);
const POS_SPECIAL: usize = POS_SLOT + (4 << 6);
const ALIGN: usize = POS_SPECIAL + 115;
// A length coder: choice, choice 2, 16 low trees of 8, 16 middle trees of 8, one high
// tree of 256.
const LENGTH_CODER: usize = 2 + (16 << 3) + (16 << 3) + 256;
const LENGTH: usize = ALIGN + 16;
const REP_LENGTH: usize = LENGTH + LENGTH_CODER;
const LITERAL: usize = REP_LENGTH + LENGTH_CODER;
// A probability's start, one half of 2^11.
const HALF: u16 = 1 << 10;

/// The decoder's working space: every probability, for any properties it takes
/// (`LITERAL + 0x300 << MAX_LITERAL_BITS` is 14,134 of them), rounded up to a power of
/// two so that an index masked by `PROBABILITIES - 1` is always in it and the compiler
/// leaves out the bounds check on the hottest path.
pub const PROBABILITIES: usize = 1 << 14;
pub type Probabilities = [u16; PROBABILITIES];
const _: () = assert!(LITERAL + (0x300 << MAX_LITERAL_BITS) <= PROBABILITIES);

/// The range coder: the compressed input, where it reads next, and the coder's range
/// and code.
struct RangeDecoder<'a> {
    input: &'a [u8],
    at: usize,
    range: u32,
    code: u32,
}

impl RangeDecoder<'_> {
    /// The next input byte. Past the end it reads zeros, which a whole stream never
    /// needs: [`RangeDecoder::finished`] says whether it did.
    fn next_byte(&mut self) -> u32 {
        // Past the end: zeros, reported afterwards by `finished`.
        let byte = self.input.get(self.at).copied().unwrap_or(0);
        self.at = self.at.saturating_add(1);
        u32::from(byte)
    }

    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            self.code = (self.code << 8) | self.next_byte();
        }
    }

    /// One bit by the probability at `index`, which it then updates.
    #[inline(always)]
    fn bit(&mut self, probabilities: &mut Probabilities, index: usize) -> u32 {
        // Every index the decoder makes is below 14,134 (see PROBABILITIES), so the mask
        // changes none; it only lets the compiler see that none is out of range.
        let Some(probability) = probabilities.get_mut(index & (PROBABILITIES - 1)) else {
            return 0;
        };
        let p = *probability;
        let bound = (self.range >> 11) * u32::from(p);
        let bit = if self.code < bound {
            self.range = bound;
            *probability = p + ((2048 - p) >> 5);
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            *probability = p - (p >> 5);
            1
        };
        self.normalize();
        bit
    }

    /// A symbol of `bits` bits by the bit tree at `base`, most significant bit first.
    fn tree(&mut self, probabilities: &mut Probabilities, base: usize, bits: u32) -> u32 {
        let mut m = 1u32;
        for _ in 0..bits {
            m = (m << 1) | self.bit(probabilities, base + m as usize);
        }
        m - (1 << bits)
    }

    /// A symbol of `bits` bits by the bit tree at `base`, least significant bit first.
    fn reverse_tree(&mut self, probabilities: &mut Probabilities, base: usize, bits: u32) -> u32 {
        let mut m = 1u32;
        let mut symbol = 0u32;
        for i in 0..bits {
            let bit = self.bit(probabilities, base + m as usize);
            m = (m << 1) | bit;
            symbol |= bit << i;
        }
        symbol
    }

    /// `bits` bits of equal probability.
    fn direct(&mut self, bits: u32) -> u32 {
        let mut result = 0u32;
        for _ in 0..bits {
            self.range >>= 1;
            let bit = u32::from(self.code >= self.range);
            if bit == 1 {
                self.code -= self.range;
            }
            result = (result << 1) | bit;
            self.normalize();
        }
        result
    }

    /// A match length less 2, by the length coder at `base`.
    fn length(&mut self, probabilities: &mut Probabilities, base: usize, position_state: usize) -> u32 {
        if self.bit(probabilities, base) == 0 {
            return self.tree(probabilities, base + 2 + (position_state << 3), 3);
        }
        if self.bit(probabilities, base + 1) == 0 {
            return 8 + self.tree(probabilities, base + 2 + (16 << 3) + (position_state << 3), 3);
        }
        16 + self.tree(probabilities, base + 2 + (32 << 3), 8)
    }
}

/// The state after a literal.
fn after_literal(state: usize) -> usize {
    match state {
        0..=3 => 0,
        4..=9 => state - 3,
        _ => state - 6,
    }
}

/// Decodes `input` into the whole of `output`, which must be exactly the number of bytes
/// the stream holds (a raw stream does not record it). `probabilities` is working space;
/// whatever it holds is overwritten.
pub fn decode(
    input: &[u8],
    output: &mut [u8],
    probabilities: &mut Probabilities,
    properties: Properties,
) -> Result<(), Damage> {
    let mut decoder = Decoder::new(input, probabilities, properties)?;
    decoder.run(input, output, probabilities, output.len())?;
    decoder.finish(input, output)
}

/// A decoding that can stop and go on: [`Decoder::run`] decodes up to a given byte and
/// returns, so that the loader can call it in parts. V8 runs a wasm function with its
/// baseline compiler until a later call finds the optimised code ready, and a single call
/// over the whole stream ran unoptimised throughout (measured: 54–74 ms in a cold page
/// against about 40 warm). A zeroed `Decoder` is a valid one (every field an integer),
/// which the wasm bridge relies on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
pub struct Decoder {
    at: usize,
    range: u32,
    code: u32,
    state: usize,
    reps: [usize; 4],
    pos: usize,
    position_bits: u32,
    literal_position_bits: u32,
    literal_context: u32,
}

impl Decoder {
    /// Starts decoding `input`: reads the range coder's first bytes and resets every
    /// probability.
    pub fn new(input: &[u8], probabilities: &mut Probabilities, properties: Properties) -> Result<Self, Damage> {
        let [0, a, b, c, d, ..] = input else {
            return Err(Damage::Start);
        };
        let code = u32::from_be_bytes([*a, *b, *c, *d]);
        if code == u32::MAX {
            return Err(Damage::Start);
        }
        probabilities.fill(HALF);
        Ok(Self {
            at: 5,
            range: u32::MAX,
            code,
            position_bits: properties.position,
            literal_position_bits: properties.literal_position,
            literal_context: properties.literal_context,
            ..Self::default()
        })
    }

    /// Decodes into `output` until at least `until` bytes of it (or all of it) are
    /// written; a match may run past `until`. `input`, `output` and `probabilities` must
    /// be the same at every call.
    pub fn run(
        &mut self,
        input: &[u8],
        output: &mut [u8],
        probabilities: &mut Probabilities,
        until: usize,
    ) -> Result<(), Damage> {
        let position_mask = (1usize << self.position_bits.min(4)) - 1;
        let literal_position_mask = (1usize << self.literal_position_bits.min(4)) - 1;
        let literal_context = self.literal_context.min(8);
        let mut coder = RangeDecoder { input, at: self.at, range: self.range, code: self.code };
        let size = output.len().min(until);
        let [mut rep0, mut rep1, mut rep2, mut rep3] = self.reps;
        let mut state = self.state;
        let mut pos = self.pos;
        let result = loop {
            if pos >= size {
                break Ok(());
            }
            let position_state = pos & position_mask;
            if coder.bit(probabilities, IS_MATCH + (state << 4) + position_state) == 0 {
                let previous = match pos.checked_sub(1) {
                    // `before` is below `pos`, within `output`: the 0 is never read.
                    Some(before) => output.get(before).copied().unwrap_or(0),
                    // The first byte has no byte before it: its context is zero.
                    None => 0,
                };
                let context = ((pos & literal_position_mask) << literal_context)
                    + (usize::from(previous) >> (8 - literal_context));
                let base = LITERAL + 0x300 * context;
                let mut symbol = 1usize;
                if state >= 7 {
                    let from = rep0.checked_add(1).and_then(|back| pos.checked_sub(back)).ok_or(Damage::Distance)?;
                    let mut match_byte = usize::from(output.get(from).copied().ok_or(Damage::Distance)?);
                    while symbol < 0x100 {
                        let match_bit = (match_byte >> 7) & 1;
                        match_byte <<= 1;
                        let bit = coder.bit(probabilities, base + ((1 + match_bit) << 8) + symbol) as usize;
                        symbol = (symbol << 1) | bit;
                        if match_bit != bit {
                            break;
                        }
                    }
                }
                while symbol < 0x100 {
                    symbol = (symbol << 1) | coder.bit(probabilities, base + symbol) as usize;
                }
                let slot = output.get_mut(pos).ok_or(Damage::Length)?;
                // `symbol` is 0x100 to 0x1FF here, so its low byte is the literal.
                *slot = symbol as u8;
                pos += 1;
                state = after_literal(state);
                continue;
            }
            let length;
            if coder.bit(probabilities, IS_REP + state) != 0 {
                if pos == 0 {
                    break Err(Damage::Distance);
                }
                if coder.bit(probabilities, IS_REP_G0 + state) == 0 {
                    if coder.bit(probabilities, IS_REP0_LONG + (state << 4) + position_state) == 0 {
                        state = if state < 7 { 9 } else { 11 };
                        copy_match(output, pos, rep0, 1)?;
                        pos += 1;
                        continue;
                    }
                } else {
                    let distance;
                    if coder.bit(probabilities, IS_REP_G1 + state) == 0 {
                        distance = rep1;
                    } else {
                        if coder.bit(probabilities, IS_REP_G2 + state) == 0 {
                            distance = rep2;
                        } else {
                            distance = rep3;
                            rep3 = rep2;
                        }
                        rep2 = rep1;
                    }
                    rep1 = rep0;
                    rep0 = distance;
                }
                length = coder.length(probabilities, REP_LENGTH, position_state);
                state = if state < 7 { 8 } else { 11 };
            } else {
                rep3 = rep2;
                rep2 = rep1;
                rep1 = rep0;
                length = coder.length(probabilities, LENGTH, position_state);
                state = if state < 7 { 7 } else { 10 };
                let length_state = length.min(3) as usize;
                let slot = coder.tree(probabilities, POS_SLOT + (length_state << 6), 6);
                rep0 = if slot < 4 {
                    slot as usize
                } else {
                    let bits = (slot >> 1) - 1;
                    // At most 3 × 2^30 plus 2^30 − 1: the end marker, 2^32 − 1, is the
                    // largest, and `copy_match` refuses it like any distance past `pos`.
                    let mut distance = u64::from(2 | (slot & 1)) << bits;
                    if slot < 14 {
                        let base = (POS_SPECIAL as u64 + distance - u64::from(slot)) as usize;
                        distance += u64::from(coder.reverse_tree(probabilities, base, bits));
                    } else {
                        distance += u64::from(coder.direct(bits - 4)) << 4;
                        distance += u64::from(coder.reverse_tree(probabilities, ALIGN, 4));
                    }
                    usize::try_from(distance).map_err(|_| Damage::Distance)?
                };
            }
            let length = length as usize + 2;
            copy_match(output, pos, rep0, length)?;
            pos += length;
        };
        self.at = coder.at;
        self.range = coder.range;
        self.code = coder.code;
        self.reps = [rep0, rep1, rep2, rep3];
        self.state = state;
        self.pos = pos;
        result
    }

    /// Whether the decoding is whole: every byte of `output` written, and no byte read
    /// past the end of `input`.
    pub fn finish(&self, input: &[u8], output: &[u8]) -> Result<(), Damage> {
        if self.pos == output.len() && self.at <= input.len() {
            Ok(())
        } else {
            Err(Damage::Truncated)
        }
    }
}

/// Copies `length` bytes to `pos` from `distance + 1` bytes before it, byte by byte
/// (a match may overlap what it writes).
fn copy_match(output: &mut [u8], pos: usize, distance: usize, length: usize) -> Result<(), Damage> {
    let from = pos.checked_sub(distance).and_then(|p| p.checked_sub(1)).ok_or(Damage::Distance)?;
    let end = pos.checked_add(length).filter(|&end| end <= output.len()).ok_or(Damage::Length)?;
    if distance >= length {
        output.copy_within(from..from + length, pos);
    } else {
        for to in pos..end {
            let byte = output.get(to - distance - 1).copied().ok_or(Damage::Distance)?;
            if let Some(slot) = output.get_mut(to) {
                *slot = byte;
            }
        }
    }
    Ok(())
}
