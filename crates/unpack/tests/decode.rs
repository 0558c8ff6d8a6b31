#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! The decoder against streams `xz --format=raw --lzma1=preset=9e,…` wrote
//! (`tests/fixtures/*.lzma`, each named after what it packs and its lc, lp and pb), and
//! against damaged ones: it gives back exactly the bytes packed, or an error, never a
//! panic and never bytes that pass the packer's check.

use blockvote_unpack::{adler32, decode, Damage, Decoder, Probabilities, Properties, PROBABILITIES};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn paper_file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../../data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// 70,000 × 'a', every byte value 40 times over, then "ab" 9,000 times: long matches
/// that overlap what they copy, the longest match length (273) and repeated distances.
fn runs() -> Vec<u8> {
    let mut bytes = vec![b'a'; 70_000];
    for _ in 0..40 {
        bytes.extend(0..=255u8);
    }
    for _ in 0..9_000 {
        bytes.extend_from_slice(b"ab");
    }
    bytes
}

fn properties(lc: u8, lp: u8, pb: u8) -> Properties {
    Properties::from_byte((pb * 5 + lp) * 9 + lc).unwrap()
}

/// What decoding `stream` into `size` bytes gives.
fn decoded(stream: &[u8], size: usize, properties: Properties) -> Result<Vec<u8>, Damage> {
    let mut probabilities: Box<Probabilities> = Box::new([0; PROBABILITIES]);
    let mut output = vec![0; size];
    decode(stream, &mut output, &mut probabilities, properties).map(|()| output)
}

fn check(stream: &str, properties: Properties, expected: &[u8]) {
    assert_eq!(decoded(&fixture(stream), expected.len(), properties).as_deref(), Ok(expected), "{stream}");
}

#[test]
fn decodes_what_xz_packed_with_any_properties_it_takes() {
    check("paper-zh.txt.lc4-lp0-pb0.lzma", properties(4, 0, 0), &paper_file("paper-zh.txt"));
    check("projects.csv.lc3-lp0-pb2.lzma", properties(3, 0, 2), &paper_file("projects.csv"));
    check("projects.csv.lc0-lp4-pb4.lzma", properties(0, 4, 4), &paper_file("projects.csv"));
    check("random.bin.lc4-lp0-pb0.lzma", properties(4, 0, 0), &fixture("random.bin"));
    check("runs.bin.lc4-lp0-pb0.lzma", properties(4, 0, 0), &runs());
    check("empty.bin.lc4-lp0-pb0.lzma", properties(4, 0, 0), &[]);
}

#[test]
fn refuses_properties_beyond_what_it_holds_room_for() {
    // lc + lp above 4 would need more probabilities than PROBABILITIES; pb at most 4;
    // a byte above (4 × 5 + 4) × 9 + 8 = 224 names no properties.
    for byte in [5u8, 8, 9 * 4 + 1, 225, 255] {
        assert_eq!(Properties::from_byte(byte), Err(Damage::Properties), "{byte}");
    }
    assert_eq!(Properties::from_byte(4).map(|p| (p.literal_context, p.literal_position, p.position)), Ok((4, 0, 0)));
    assert_eq!(Properties::from_byte(216).map(|p| (p.literal_context, p.literal_position, p.position)), Ok((0, 4, 4)));
}

#[test]
fn a_stream_cut_short_or_asked_for_more_bytes_than_it_holds_is_an_error() {
    let stream = fixture("paper-zh.txt.lc4-lp0-pb0.lzma");
    let paper = paper_file("paper-zh.txt");
    let lc4 = properties(4, 0, 0);
    // Cut short, the decoder reads zeros past the end, which make an impossible match
    // or run out: an error either way.
    assert!(decoded(&stream[..stream.len() / 2], paper.len(), lc4).is_err());
    assert!(decoded(&stream[..stream.len() - 8], paper.len(), lc4).is_err());
    assert_eq!(decoded(&stream[..4], paper.len(), lc4), Err(Damage::Start));
    assert_eq!(decoded(&[], 0, lc4), Err(Damage::Start));
    // Past its end marker the stream has nothing more to give.
    assert!(decoded(&stream, paper.len() + 1, lc4).is_err());
    // Fewer bytes than it holds: an error where a match runs past them, otherwise the
    // first ones, exactly (the loader always asks for the number the packer recorded).
    for size in [1_000, 1_001, 20_000] {
        let fewer = decoded(&stream, size, lc4);
        assert!(fewer == Err(Damage::Length) || fewer.as_deref() == Ok(&paper[..size]), "{size}");
    }
}

#[test]
fn a_changed_byte_anywhere_gives_an_error_or_bytes_the_check_refuses() {
    let stream = fixture("projects.csv.lc3-lp0-pb2.lzma");
    let projects = paper_file("projects.csv");
    let packed = adler32(&projects);
    // Every 13th byte (every one takes 20 s unoptimised), with three changes each.
    for at in (0..stream.len()).step_by(13) {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut damaged = stream.clone();
            damaged[at] ^= flip;
            if let Ok(bytes) = decoded(&damaged, projects.len(), properties(3, 0, 2)) {
                // A change in the last bytes may leave the output as it was (they can be
                // the end marker's, which the decoder never reads).
                assert!(bytes == projects || adler32(&bytes) != packed, "byte {at} ^ {flip:#x}");
            }
        }
    }
}

#[test]
fn adler32_is_rfc_1950_s() {
    // Reference values from Python's zlib.adler32.
    for (bytes, expected) in [
        (b"".to_vec(), 0x0000_0001),
        (b"Wikipedia".to_vec(), 0x11e6_0398),
        (vec![0xff; 100_000], 0x149a_302c),
        (fixture("random.bin"), 0x02d1_073f),
        (paper_file("paper-zh.txt"), 0x96ae_36d4),
    ] {
        assert_eq!(adler32(&bytes), expected, "{} bytes", bytes.len());
    }
}

#[test]
fn decoding_in_parts_gives_the_same_bytes_as_in_one_go() {
    let stream = fixture("paper-zh.txt.lc4-lp0-pb0.lzma");
    let paper = paper_file("paper-zh.txt");
    for parts in [2, 3, 16, 1_000] {
        let mut probabilities: Box<Probabilities> = Box::new([0; PROBABILITIES]);
        let mut output = vec![0; paper.len()];
        let mut decoder = Decoder::new(&stream, &mut probabilities, properties(4, 0, 0)).unwrap();
        for part in 1..=parts {
            decoder.run(&stream, &mut output, &mut probabilities, paper.len() * part / parts).unwrap();
        }
        assert_eq!(decoder.finish(&stream, &output), Ok(()), "{parts} parts");
        assert!(output == paper, "{parts} parts");
    }
    // Stopped before the end, it is not finished.
    let mut probabilities: Box<Probabilities> = Box::new([0; PROBABILITIES]);
    let mut output = vec![0; paper.len()];
    let mut decoder = Decoder::new(&stream, &mut probabilities, properties(4, 0, 0)).unwrap();
    decoder.run(&stream, &mut output, &mut probabilities, paper.len() / 2).unwrap();
    assert_eq!(decoder.finish(&stream, &output), Err(Damage::Truncated));
}
