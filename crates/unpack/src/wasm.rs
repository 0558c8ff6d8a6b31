//! The module the one-file build's loader runs (`scripts/single-file.mjs`): it lays out
//! the decoder, the stream, the bytes and the probabilities in memory it grows for them,
//! and runs a [`Decoder`] over them. Nothing else is in it, so it stays a few kilobytes.
//!
//! The loader calls [`reserve`] with the stream's and the bytes' lengths and writes the
//! stream at the address it returns; then [`begin`] with the stream's properties byte,
//! [`step`] with ever larger byte counts up to the whole, and [`end`] with the bytes'
//! Adler-32; and, when each returned 0, reads the bytes that follow the stream.

use core::sync::atomic::{AtomicUsize, Ordering};

use crate::{adler32, Damage, Decoder, Probabilities, Properties, PROBABILITIES};

const PAGE: usize = 65_536;
/// Where the region [`reserve`] grew starts (0 before it has), and the lengths of the
/// stream and of the bytes it holds.
static START: AtomicUsize = AtomicUsize::new(0);
static INPUT_LEN: AtomicUsize = AtomicUsize::new(0);
static OUTPUT_LEN: AtomicUsize = AtomicUsize::new(0);
/// The decoder's state, then the stream: room for a `Decoder`, kept aligned.
const DECODER_BYTES: usize = 64;
const _: () = assert!(core::mem::size_of::<Decoder>() <= DECODER_BYTES);

/// Grows the memory by a region for the decoder, a stream of `input_len` bytes, the
/// `output_len` bytes it holds and the probabilities, and returns where the stream goes;
/// 0 when the memory cannot grow that far.
#[no_mangle]
pub extern "C" fn reserve(input_len: usize, output_len: usize) -> usize {
    let Some(total) =
        input_len.checked_add(output_len).and_then(|n| n.checked_add(DECODER_BYTES + 1 + PROBABILITIES * 2))
    else {
        return 0;
    };
    let previous = core::arch::wasm32::memory_grow(0, total.div_ceil(PAGE));
    if previous == usize::MAX {
        return 0;
    }
    let start = previous * PAGE;
    START.store(start, Ordering::Relaxed);
    INPUT_LEN.store(input_len, Ordering::Relaxed);
    OUTPUT_LEN.store(output_len, Ordering::Relaxed);
    start + DECODER_BYTES
}

/// The region's parts, or `None` before [`reserve`] made it.
fn parts() -> Option<(&'static mut Decoder, &'static [u8], &'static mut [u8], &'static mut Probabilities)> {
    let start = START.load(Ordering::Relaxed);
    let input_len = INPUT_LEN.load(Ordering::Relaxed);
    let output_len = OUTPUT_LEN.load(Ordering::Relaxed);
    if start == 0 {
        return None;
    }
    let input_at = start + DECODER_BYTES;
    // The probabilities start on an even address after the bytes.
    let probabilities_at = (input_at + input_len + output_len + 1) & !1;
    // SAFETY: `reserve` grew the memory by DECODER_BYTES + input_len + output_len + 1 +
    // 2 × PROBABILITIES bytes from `start` (a page boundary), which nothing else in this
    // module uses: it has no allocator, and its stack and statics lie below the memory
    // it had before growing. The four parts do not overlap and are aligned for their
    // types; grown memory is zeroed, and a zeroed `Decoder` or u16 is a valid one. The
    // loader calls one export at a time and none keeps a part past its call, so no two
    // live references to a part exist at once.
    unsafe {
        Some((
            &mut *(start as *mut Decoder),
            core::slice::from_raw_parts(input_at as *const u8, input_len),
            core::slice::from_raw_parts_mut((input_at + input_len) as *mut u8, output_len),
            &mut *(probabilities_at as *mut Probabilities),
        ))
    }
}

/// The status an export returns: 0, or the [`Damage`]'s number.
fn status(result: Result<(), Damage>) -> u32 {
    match result {
        Ok(()) => 0,
        Err(damage) => damage as u32,
    }
}

/// Starts decoding the stream written at the address [`reserve`] returned.
#[no_mangle]
pub extern "C" fn begin(properties: u32) -> u32 {
    let Some((decoder, input, _, probabilities)) = parts() else {
        return Damage::Start as u32;
    };
    let started = u8::try_from(properties)
        .map_err(|_| Damage::Properties)
        .and_then(Properties::from_byte)
        .and_then(|properties| Decoder::new(input, probabilities, properties));
    status(started.map(|started| *decoder = started))
}

/// Decodes until at least `until` of the bytes are written.
#[no_mangle]
pub extern "C" fn step(until: usize) -> u32 {
    let Some((decoder, input, output, probabilities)) = parts() else {
        return Damage::Start as u32;
    };
    status(decoder.run(input, output, probabilities, until))
}

/// Whether the decoding is whole and its bytes have the Adler-32 `checksum`.
#[no_mangle]
pub extern "C" fn end(checksum: u32) -> u32 {
    let Some((decoder, input, output, _)) = parts() else {
        return Damage::Start as u32;
    };
    status(decoder.finish(input, output).and_then(|()| {
        if adler32(output) == checksum {
            Ok(())
        } else {
            Err(Damage::Checksum)
        }
    }))
}

/// The handler a `no_std` module must have. No input reaches a panic: the decoder
/// indexes only through `get`, and returns every failure as a `Damage` (the fuzz target
/// `lzma_unpack` drives it with any bytes). Were one to happen, only this decoder's
/// module traps, before the app exists, and the loader reports the copy as damaged
/// (a `WebAssembly.RuntimeError` from it is caught as such).
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
