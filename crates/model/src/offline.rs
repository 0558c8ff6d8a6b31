//! The offline copy: the one-file app with the user's saved scenarios (and an imported
//! dataset, if one is in use) carried inside it, so a colleague who opens the file
//! from an e-mail or a USB stick sees them with no network and no import step.
//!
//! The page's source comes from the single-file loader (which keeps a copy of the page
//! as it was before the app started). The data travels in inert
//! `<script type="application/json">` blocks: the browser never runs them, so the
//! page's Content-Security-Policy, which allows one script by its hash, still holds,
//! and the loader's hash is unchanged.
//!
//! Everything here is text in, text out; reading the page and offering the download
//! are the app's effects.

use crate::dataset::Dataset;
use crate::engine::monte_carlo::SimulationChoices;
use crate::engine::Scenario;
use crate::nfc::Normalizer;
use crate::saved::limits::{
    MAX_BYTES, MAX_CARRIED_DATASET_BYTES, MAX_DATASET_NAME_CHARS, MAX_SCENARIOS, MAX_WRITE_BYTES,
};
use crate::saved::sync::fingerprint;
use crate::saved::{encode, NotAdded, SavedScenario, Store, StoreProblem, Writer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The id of the block that carries the saved scenarios (the JSON store format).
pub const SCENARIOS_BLOCK_ID: &str = "blockvote-carried-scenarios";
/// The id of the one-file page's block that holds the packed wasm, one byte a
/// character of the page's windows-1252 (scripts/single-file.mjs).
pub const WASM_BLOCK_ID: &str = "blockvote-wasm";
/// The id of the block that carries an imported dataset.
pub const DATASET_BLOCK_ID: &str = "blockvote-carried-dataset";
/// The `format` field of a carried (or stored) dataset.
pub const DATASET_FORMAT: &str = "blockvote-dataset";
/// The version of the carried dataset format this code writes and reads.
pub const DATASET_VERSION: u64 = 1;

/// An imported dataset as it is stored and carried: the projects CSV (in the schema
/// of `data/projects.csv`) and the name of the file it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedDataset {
    pub format: String,
    pub version: u64,
    /// The file name the user imported, shown in the "imported data" notice.
    pub name: String,
    pub projects_csv: String,
}

impl CarriedDataset {
    /// A dataset to keep and carry; the name is cut to `MAX_DATASET_NAME_CHARS`.
    pub fn new(name: &str, projects_csv: &str) -> CarriedDataset {
        CarriedDataset {
            format: DATASET_FORMAT.to_string(),
            version: DATASET_VERSION,
            name: kept_name(name),
            projects_csv: projects_csv.to_string(),
        }
    }

    /// The dataset as JSON text, with `<` escaped so it can sit in an HTML block.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).map(|text| text.replace('<', "\\u003c")).unwrap_or_default()
    }

    /// Reads a stored or carried dataset; refuses text over
    /// `MAX_CARRIED_DATASET_BYTES`, other formats and newer versions.
    pub fn decode(text: &str) -> Result<CarriedDataset, CarriedProblem> {
        if text.len() > MAX_CARRIED_DATASET_BYTES {
            return Err(CarriedProblem::DatasetTooLarge { bytes: text.len() });
        }
        let dataset: CarriedDataset = serde_json::from_str(text).map_err(|_| CarriedProblem::NotADataset)?;
        if dataset.format != DATASET_FORMAT {
            return Err(CarriedProblem::NotADataset);
        }
        if dataset.version > DATASET_VERSION {
            return Err(CarriedProblem::FutureVersion { found: dataset.version });
        }
        // A name written by hand past the limit is cut as an import cuts it: shown
        // whole, 100,000 characters filled the notice naming the data.
        Ok(CarriedDataset { name: kept_name(&dataset.name), ..dataset })
    }
}

/// A dataset's name as it is kept: its first `MAX_DATASET_NAME_CHARS` characters.
fn kept_name(name: &str) -> String {
    name.chars().take(MAX_DATASET_NAME_CHARS).collect()
}

/// Why an offline copy could not be made, or a carried block could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CarriedProblem {
    /// The page has no `</body>` to put the blocks before.
    NoBody,
    /// The page already holds a script end tag inside a carried block's text, which
    /// would end the block early (cannot happen with [`encode`], checked anyway).
    UnsafeText,
    /// The text is not a carried dataset.
    NotADataset,
    /// Written by a newer blockvote.
    FutureVersion { found: u64 },
    /// More scenarios to carry (`count`, the saved ones and the one being edited)
    /// than a store holds (`MAX_SCENARIOS`): the copy would not open them all.
    TooManyScenarios { count: usize },
    /// The scenarios to carry take `bytes`, more than `MAX_WRITE_BYTES`.
    ScenariosTooLarge { bytes: usize },
    /// The dataset to carry takes `bytes`, more than `MAX_CARRIED_DATASET_BYTES`.
    DatasetTooLarge { bytes: usize },
    /// The page carries `count` dataset blocks (joined by hand): only one set of
    /// projects can be shown, and none is chosen over the others without a word.
    ManyDatasets { count: usize },
    /// The page's wasm block holds a character no windows-1252 byte makes (the page
    /// was re-saved in another encoding), so the copy could not be written byte for
    /// byte.
    DamagedPage,
}

impl fmt::Display for CarriedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CarriedProblem::NoBody => write!(f, "the page has no </body>"),
            CarriedProblem::DamagedPage => write!(f, "the page's wasm block is not windows-1252 text"),
            CarriedProblem::UnsafeText => write!(f, "the carried text would end its block early"),
            CarriedProblem::NotADataset => write!(f, "not a blockvote dataset"),
            CarriedProblem::FutureVersion { found } => write!(f, "written by a newer blockvote (version {found})"),
            CarriedProblem::TooManyScenarios { count } => write!(
                f,
                "{count} scenarios to carry, more than the {MAX_SCENARIOS} a copy opens; delete some, or save the current one over a saved one"
            ),
            CarriedProblem::ScenariosTooLarge { bytes } => write!(
                f,
                "the scenarios to carry take {bytes} bytes, more than the {MAX_WRITE_BYTES} a copy opens; delete some"
            ),
            CarriedProblem::DatasetTooLarge { bytes } => {
                write!(f, "the project data takes {bytes} bytes, more than the {MAX_CARRIED_DATASET_BYTES} a copy opens")
            }
            CarriedProblem::ManyDatasets { count } => {
                write!(f, "it carries {count} sets of project data, and only one can be shown")
            }
        }
    }
}

/// The store an offline copy carries: the saved scenarios, plus the one being edited
/// (`current`, with `seed`) under `unsaved_name` if it is neither the paper nor saved,
/// so nothing on screen is left behind. Without the store's bookkeeping.
pub fn store_to_carry(
    saved: &Store,
    current: &Scenario,
    simulation: Option<&SimulationChoices>,
    unsaved_name: &str,
    writer: &mut Writer,
) -> Store {
    let mut store = saved.scenarios_only();
    let is_saved = store.scenarios.iter().any(|s| &s.scenario == current);
    if *current != Scenario::default() && !is_saved {
        let name = store.unused_name(unsaved_name);
        let id = writer.new_id(&store);
        store.scenarios.push(SavedScenario {
            id,
            name,
            scenario: current.clone(),
            simulation: simulation.cloned(),
            saved_at: Some(writer.now()),
            ..SavedScenario::default()
        });
    }
    store
}

/// The page with `store` (and `dataset`, if given) carried inside it. Blocks the page
/// already carries are replaced, so a copy of a copy carries only the latest data.
/// Refused, saying why, if the copy could not open everything it carries: more than
/// `MAX_SCENARIOS` scenarios, scenarios over `MAX_WRITE_BYTES` or a dataset over
/// `MAX_CARRIED_DATASET_BYTES` (the limits the copy reads with).
pub fn offline_copy(page: &str, store: &Store, dataset: Option<&CarriedDataset>) -> Result<String, CarriedProblem> {
    if store.scenarios.len() > MAX_SCENARIOS {
        return Err(CarriedProblem::TooManyScenarios { count: store.scenarios.len() });
    }
    let scenarios = encode(store);
    if scenarios.len() > MAX_WRITE_BYTES {
        return Err(CarriedProblem::ScenariosTooLarge { bytes: scenarios.len() });
    }
    let dataset = dataset.map(|dataset| ascii_json(&dataset.encode()));
    if let Some(bytes) = dataset.as_ref().map(String::len).filter(|bytes| *bytes > MAX_CARRIED_DATASET_BYTES) {
        return Err(CarriedProblem::DatasetTooLarge { bytes });
    }
    let mut page = remove_block(page, SCENARIOS_BLOCK_ID);
    page = remove_block(&page, DATASET_BLOCK_ID);
    let mut blocks = block(SCENARIOS_BLOCK_ID, &ascii_json(&scenarios))?;
    if let Some(dataset) = dataset {
        blocks.push_str(&block(DATASET_BLOCK_ID, &dataset)?);
    }
    let at = page.rfind("</body>").ok_or(CarriedProblem::NoBody)?;
    page.insert_str(at, &blocks);
    Ok(page)
}

// A store within the write limit stays within the read limit once its JSON is ASCII:
// an escape (`\uXXXX`, six bytes) stands for at least two bytes of UTF-8.
const _: () = assert!(3 * MAX_WRITE_BYTES <= MAX_BYTES);

/// JSON text in ASCII, every other character written as `\uXXXX` escapes (two for a
/// character beyond the Basic Multilingual Plane), which JSON reads back as the same
/// character. Outside strings JSON is ASCII already, so this is valid anywhere.
pub fn ascii_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// The characters windows-1252 gives the bytes 0x80 to 0x9F, in order (the WHATWG
/// Encoding Standard's index; 0x81, 0x8D, 0x8F, 0x90 and 0x9D stand for themselves).
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2c6}', '\u{2030}',
    '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}',
    '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}',
    '\u{17e}', '\u{178}',
];

/// The windows-1252 byte that shows as `c`, if there is one.
fn windows_1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        code @ (0..=0x7f | 0xa0..=0xff) => u8::try_from(code).ok(),
        _ => WINDOWS_1252_HIGH.iter().position(|high| *high == c).and_then(|index| u8::try_from(0x80 + index).ok()),
    }
}

/// The bytes of the file for a page's text, as the one-file page declares itself
/// (windows-1252, scripts/single-file.mjs): the wasm block's text byte for byte, and
/// everything else in ASCII, any other character as an HTML character reference (the
/// page has such characters only in element text and attribute values, where a
/// reference reads back as the character). A page without a wasm block is all
/// ASCII and references. Refused if the wasm block holds a character no byte makes.
pub fn page_bytes(page: &str) -> Result<Vec<u8>, CarriedProblem> {
    let (outside_before, wasm, outside_after) = match wasm_block(page) {
        Some((start, end)) => (
            page.get(..start).unwrap_or_default(),
            page.get(start..end).unwrap_or_default(),
            page.get(end..).unwrap_or_default(),
        ),
        None => (page, "", ""),
    };
    let mut bytes = Vec::with_capacity(page.len());
    push_ascii(&mut bytes, outside_before);
    for c in wasm.chars() {
        bytes.push(windows_1252_byte(c).ok_or(CarriedProblem::DamagedPage)?);
    }
    push_ascii(&mut bytes, outside_after);
    Ok(bytes)
}

/// Where the text of the page's wasm block starts and ends.
fn wasm_block(page: &str) -> Option<(usize, usize)> {
    let tag = page.find(&format!("id=\"{WASM_BLOCK_ID}\""))?;
    let start = tag + page.get(tag..)?.find('>')? + 1;
    let end = start + page.get(start..)?.find("</script>")?;
    Some((start, end))
}

fn push_ascii(bytes: &mut Vec<u8>, text: &str) {
    for c in text.chars() {
        match u8::try_from(c).ok().filter(u8::is_ascii) {
            Some(byte) => bytes.push(byte),
            None => bytes.extend_from_slice(format!("&#x{:x};", u32::from(c)).as_bytes()),
        }
    }
}

fn opening_tag(id: &str) -> String {
    format!("<script type=\"application/json\" id=\"{id}\">")
}

/// One inert data block. The JSON encoders here escape every `<`, so the text cannot
/// contain `</script` or `<!--` (which would change how the HTML parser reads the
/// block); the check keeps that true if an encoder ever changes.
fn block(id: &str, json: &str) -> Result<String, CarriedProblem> {
    if json.contains('<') {
        return Err(CarriedProblem::UnsafeText);
    }
    Ok(format!("{}{json}</script>\n", opening_tag(id)))
}

/// The page without the block of that id (and without its trailing newline).
fn remove_block(page: &str, id: &str) -> String {
    let open = opening_tag(id);
    let Some(start) = page.find(&open) else { return page.to_string() };
    let Some(length) = page.get(start..).and_then(|rest| rest.find("</script>")) else { return page.to_string() };
    let mut end = start + length + "</script>".len();
    if page.get(end..).is_some_and(|rest| rest.starts_with('\n')) {
        end += 1;
    }
    format!("{}{}", page.get(..start).unwrap_or_default(), page.get(end..).unwrap_or_default())
}

/// Reads the scenarios a copy carries (the text of its [`SCENARIOS_BLOCK_ID`] block)
/// on `data`, the data the copy shows, keeping every one that can be used and listing
/// the problems; names, notes and questions are made NFC by `normalize`. Read as an
/// import is ([`crate::saved::decode_import`]): the copy's scenarios are added to the
/// saved ones as an imported file's are, so a scenario whose levers the engine will
/// refuse, or an edit of a project, a department or a category `data` does not have,
/// is named when the copy is opened, in the import's words, and carried in all the
/// same, instead of being found (or not) only when the member opens it. An empty list
/// is no problem here: a copy made with nothing saved carries one.
pub fn read_carried_scenarios(text: &str, normalize: Normalizer, data: &Dataset) -> (Store, Vec<StoreProblem>) {
    crate::saved::codec::decode_carried(text, normalize, data)
}

/// What happened when a file's carried scenarios were added to the saved ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CarriedReport {
    /// Scenarios the file carries (that could be read).
    pub carried: usize,
    /// Of those, how many were new and were added.
    pub added: usize,
    /// Of those, how many were already saved (same levers, same name or the
    /// `name (2)` it was given).
    pub already_saved: usize,
    /// Of those, how many this browser brought in from a copy before and has since
    /// deleted or changed: not added again.
    pub brought_before: usize,
    /// Those that did not fit (`MAX_SCENARIOS`, `MAX_WRITE_BYTES`), named.
    pub not_added: Vec<NotAdded>,
}

/// What identifies a carried scenario's content: its name, note, levers and
/// simulation.
fn carried_fingerprint(saved: &SavedScenario) -> String {
    fingerprint(&saved.content_text())
}

impl Store {
    /// Adds a file's carried scenarios to this store. A scenario already here (same
    /// levers and seed, under the same name or the "name (2)" it was given when it was
    /// first added) is not added again, nor is one this store brought in from a copy
    /// before (remembered by fingerprint, so deleting it keeps it deleted); one whose
    /// name is taken by different levers is added under an unused name, so nothing
    /// saved is ever overwritten. What does not fit is named, and not remembered, so
    /// it is added when the copy is opened again with room.
    pub fn absorb_carried(&mut self, writer: &mut Writer, carried: Store) -> CarriedReport {
        let mut report = CarriedReport { carried: carried.scenarios.len(), ..CarriedReport::default() };
        let mut fresh = Vec::new();
        let mut remembered = Vec::new();
        for incoming in carried.scenarios {
            let print = carried_fingerprint(&incoming);
            let renamed = format!("{} (", incoming.name);
            let here = self.scenarios.iter().any(|s| {
                s.scenario == incoming.scenario
                    && s.simulation == incoming.simulation
                    && (s.name == incoming.name || s.name.starts_with(&renamed))
            });
            if here {
                report.already_saved += 1;
                remembered.push(print);
            } else if self.absorbed.contains(&print) {
                report.brought_before += 1;
            } else {
                fresh.push((print, incoming));
            }
        }
        let (prints, rows): (Vec<String>, Vec<SavedScenario>) = fresh.into_iter().unzip();
        let now = writer.now();
        let (imported, added) = self.import_rows(rows, false, Some(now), &mut |store| writer.new_id(store));
        report.added = imported.added;
        report.not_added = imported.not_added;
        remembered.extend(added.into_iter().filter_map(|index| prints.get(index).cloned()));
        for print in remembered {
            if !self.absorbed.contains(&print) {
                self.absorbed.push(print);
            }
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{GroupEdit, Selector};
    use crate::load::MAX_FILE_BYTES;
    use crate::nfc::nfc;
    use crate::saved::{decode_import, decode_lenient, NotAddedWhy, Writer};
    use rust_decimal::Decimal;

    /// The paper's data, which the app shows unless a member imported other data.
    fn paper() -> Dataset {
        Dataset::paper().unwrap()
    }

    const PAGE: &str = "<!DOCTYPE html>\n<html><head><script type=\"module\">boot()</script></head><body>\n<div id=\"app\"></div>\n</body>\n</html>\n";

    fn saved(id: &str, name: &str, cost: i64) -> SavedScenario {
        SavedScenario::new(id, name, Scenario { cost_change_pct: Decimal::from(cost), ..Scenario::default() }, None)
    }

    fn store(rows: &[(&str, &str, i64)]) -> Store {
        Store::of(rows.iter().map(|(id, name, cost)| saved(id, name, *cost)).collect())
    }

    fn writer() -> Writer {
        let mut writer = Writer::new(42, nfc);
        writer.at(1_000);
        writer
    }

    /// The text of the block with `id` in `page`, if any.
    fn block_text<'a>(page: &'a str, id: &str) -> Option<&'a str> {
        let open = opening_tag(id);
        let start = page.find(&open)? + open.len();
        let length = page[start..].find("</script>")?;
        Some(&page[start..start + length])
    }

    #[test]
    fn carries_the_store_before_the_body_ends_and_reads_back() {
        let mut store = store(&[("s1", "Dearer </script><script>alert(1)</script>", 10), ("s2", "Cheaper", -5)]);
        store.scenarios[0].note = "a <b>note</b>".into();
        store.deleted.push(crate::saved::Tombstone { id: "s9".into(), ..Default::default() });
        let copy = offline_copy(PAGE, &store, None).unwrap();
        assert!(copy.starts_with("<!DOCTYPE html>\n<html><head><script type=\"module\">boot()</script>"));
        let text = block_text(&copy, SCENARIOS_BLOCK_ID).unwrap();
        assert!(!text.contains('<'), "no tag can start inside the block: {text}");
        let (read, problems) = decode_lenient(text, nfc);
        assert_eq!(problems, vec![]);
        assert_eq!(read, store.scenarios_only(), "the scenarios with their notes, not the bookkeeping");
        assert!(copy.find(SCENARIOS_BLOCK_ID).unwrap() < copy.rfind("</body>").unwrap());
        assert!(block_text(&copy, DATASET_BLOCK_ID).is_none());
    }

    #[test]
    fn a_copy_of_a_copy_carries_only_the_latest_blocks() {
        let dataset = CarriedDataset::new("2019-20.csv", "id,department\n1,<b>\n");
        let first = offline_copy(PAGE, &store(&[("s1", "One", 1)]), Some(&dataset)).unwrap();
        let second = offline_copy(&first, &store(&[("s1", "Two", 2)]), None).unwrap();
        assert_eq!(second.matches(SCENARIOS_BLOCK_ID).count(), 1);
        assert_eq!(second.matches(DATASET_BLOCK_ID).count(), 0);
        let (read, _) = decode_lenient(block_text(&second, SCENARIOS_BLOCK_ID).unwrap(), nfc);
        assert_eq!(read.scenarios[0].name, "Two");
        // Removing the blocks again gives back the original page exactly.
        assert_eq!(remove_block(&second, SCENARIOS_BLOCK_ID), PAGE);
    }

    #[test]
    fn a_carried_dataset_reads_back_and_hostile_text_is_refused() {
        let dataset = CarriedDataset::new("next year.csv", "id,name\n1,\"a </script> b\"\n");
        let copy = offline_copy(PAGE, &Store::default(), Some(&dataset)).unwrap();
        let text = block_text(&copy, DATASET_BLOCK_ID).unwrap();
        assert_eq!(CarriedDataset::decode(text), Ok(dataset));
        assert_eq!(CarriedDataset::decode("{}"), Err(CarriedProblem::NotADataset));
        assert_eq!(
            CarriedDataset::decode(r#"{"format":"blockvote-scenarios","version":1,"name":"x","projects_csv":""}"#),
            Err(CarriedProblem::NotADataset)
        );
        assert_eq!(
            CarriedDataset::decode(r#"{"format":"blockvote-dataset","version":9,"name":"x","projects_csv":""}"#),
            Err(CarriedProblem::FutureVersion { found: 9 })
        );
        assert_eq!(offline_copy("<html>no body", &Store::default(), None), Err(CarriedProblem::NoBody));
        // A name longer than an import keeps is cut on reading, as the import cuts it.
        let long = format!(
            r#"{{"format":"blockvote-dataset","version":1,"name":"{}","projects_csv":""}}"#,
            "n".repeat(100_000)
        );
        let read = CarriedDataset::decode(&long).map(|d| d.name.chars().count());
        assert_eq!(read, Ok(MAX_DATASET_NAME_CHARS));
    }

    #[test]
    fn every_dataset_the_importer_takes_is_carried_and_read_back() {
        // The worst case for JSON: every character written as six bytes.
        for fill in ['<', '\u{1}'] {
            let csv: String = std::iter::repeat_n(fill, MAX_FILE_BYTES).collect();
            let name: String = std::iter::repeat_n(fill, MAX_DATASET_NAME_CHARS + 50).collect();
            let dataset = CarriedDataset::new(&name, &csv);
            assert!(dataset.encode().len() <= MAX_CARRIED_DATASET_BYTES);
            let copy = offline_copy(PAGE, &Store::default(), Some(&dataset)).unwrap();
            assert_eq!(CarriedDataset::decode(block_text(&copy, DATASET_BLOCK_ID).unwrap()), Ok(dataset));
        }
        // A 3.3 MB dataset (the size that went missing) opens with the copy.
        let csv = "1,項目,".repeat(3_300_000 / 10);
        let dataset = CarriedDataset::new("big.csv", &csv);
        let copy = offline_copy(PAGE, &Store::default(), Some(&dataset)).unwrap();
        assert_eq!(CarriedDataset::decode(block_text(&copy, DATASET_BLOCK_ID).unwrap()), Ok(dataset));
        // Text over the limit (a hand-made file) is refused, saying why.
        let over = "x".repeat(MAX_CARRIED_DATASET_BYTES + 1);
        assert_eq!(CarriedDataset::decode(&over), Err(CarriedProblem::DatasetTooLarge { bytes: over.len() }));
    }

    #[test]
    fn a_copy_that_could_not_open_everything_is_refused() {
        let many = Store::of((0..=MAX_SCENARIOS).map(|n| saved(&format!("s{n}"), &format!("S{n}"), 1)).collect());
        assert_eq!(offline_copy(PAGE, &many, None), Err(CarriedProblem::TooManyScenarios { count: MAX_SCENARIOS + 1 }));
        let big = Scenario {
            groups: vec![GroupEdit {
                select: Selector::DepartmentZh { name: "部".repeat(MAX_WRITE_BYTES / 3 + 1) },
                ..GroupEdit::default()
            }],
            ..Scenario::default()
        };
        let large = Store::of(vec![SavedScenario::new("s1", "Big", big, None)]);
        let Err(CarriedProblem::ScenariosTooLarge { bytes }) = offline_copy(PAGE, &large, None) else {
            panic!("a store over the limit is refused")
        };
        assert!(bytes > MAX_WRITE_BYTES);
        assert!(CarriedProblem::ScenariosTooLarge { bytes }.to_string().contains("delete some"));
        assert_eq!(
            CarriedProblem::ManyDatasets { count: 2 }.to_string(),
            "it carries 2 sets of project data, and only one can be shown"
        );
    }

    #[test]
    fn the_unsaved_scenario_travels_unless_it_is_the_paper_or_saved() {
        let check = |current: Scenario, expected: &[&str]| {
            let mut saved = store(&[("s1", "Dearer", 10)]);
            saved.absorbed.push("ab".into());
            let simulation = SimulationChoices { runs: 500, ..SimulationChoices::with_seed(7) };
            let carried =
                store_to_carry(&saved, &current, Some(&simulation), "Unsaved when the copy was made", &mut writer());
            let names: Vec<&str> = carried.scenarios.iter().map(|s| s.name.as_str()).collect();
            assert_eq!(names, expected);
            assert!(carried.absorbed.is_empty());
            if let Some(extra) = carried.scenarios.get(1) {
                assert_eq!(
                    (&extra.scenario, &extra.simulation, extra.saved_at),
                    (&current, &Some(simulation), Some(1_000))
                );
                assert_ne!(extra.id, "s1");
            }
        };
        check(Scenario::default(), &["Dearer"]);
        check(Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() }, &["Dearer"]);
        check(
            Scenario { cost_change_pct: Decimal::from(-20), ..Scenario::default() },
            &["Dearer", "Unsaved when the copy was made"],
        );
    }

    #[test]
    fn absorbing_twice_adds_once_and_never_overwrites() {
        let mut mine = store(&[("s1", "Dearer", 10)]);
        let carried = store(&[("s7", "Dearer", 10), ("s8", "Dearer", 20), ("s9", "New", 3)]);
        let report = mine.absorb_carried(&mut writer(), carried.clone());
        assert_eq!(report, CarriedReport { carried: 3, added: 2, already_saved: 1, ..CarriedReport::default() });
        let names: Vec<&str> = mine.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Dearer", "Dearer (2)", "New"]);
        assert_eq!(mine.scenarios[0].scenario.cost_change_pct, Decimal::from(10));
        // The same file opened again adds nothing, the renamed one included.
        let again = mine.absorb_carried(&mut writer(), carried);
        assert_eq!(again, CarriedReport { carried: 3, added: 0, already_saved: 3, ..CarriedReport::default() });
        assert_eq!(mine.scenarios.len(), 3);
    }

    #[test]
    fn a_carried_scenario_deleted_here_stays_deleted() {
        let carried = store(&[("s1", "From the copy", 5), ("s2", "Kept", 6)]);
        let mut mine = Store::default();
        mine.absorb_carried(&mut writer(), carried.clone());
        mine.delete(&mine.scenarios[0].id.clone());
        let report = mine.absorb_carried(&mut writer(), carried.clone());
        assert_eq!(
            report,
            CarriedReport { carried: 2, already_saved: 1, brought_before: 1, ..CarriedReport::default() }
        );
        assert_eq!(mine.scenarios.len(), 1);
        // Renamed or edited here: not brought back either.
        mine.scenarios[0].name = "Mine now".into();
        let report = mine.absorb_carried(&mut writer(), carried);
        assert_eq!((report.added, report.brought_before), (0, 2));
    }

    #[test]
    fn what_does_not_fit_is_named_and_added_once_there_is_room() {
        let mut mine =
            Store::of((0..MAX_SCENARIOS - 1).map(|n| saved(&format!("s{n}"), &format!("S{n}"), 1)).collect());
        let carried = store(&[("c1", "First", 5), ("c2", "Second", 6)]);
        let report = mine.absorb_carried(&mut writer(), carried.clone());
        assert_eq!(report.added, 1);
        assert_eq!(report.not_added, vec![NotAdded { name: "Second".into(), why: NotAddedWhy::Full }]);
        mine.delete("s0");
        let report = mine.absorb_carried(&mut writer(), carried);
        assert_eq!((report.added, report.already_saved), (1, 1));
    }

    #[test]
    fn page_bytes_writes_the_wasm_block_byte_for_byte_and_the_rest_in_ascii() {
        fn check(page: &str, expected: Result<&[u8], CarriedProblem>) {
            assert_eq!(page_bytes(page).as_deref().map_err(Clone::clone), expected, "{page}");
        }
        let wasm = |text: &str| {
            format!(
                "<script type=\"application/octet-stream\" id=\"{WASM_BLOCK_ID}\" data-length=\"5\">{text}</script>"
            )
        };
        check("<title>總目 · Head 710</title>", Ok(b"<title>&#x7e3d;&#x76ee; &#xb7; Head 710</title>"));
        check("<p>😀</p>", Ok(b"<p>&#x1f600;</p>"));
        check(
            &format!("<b>·</b>{}<i>€</i>", wasm("\u{20ac}\u{81}\u{ff}\u{178}a·")),
            Ok(&[
                b"<b>&#xb7;</b>".as_slice(),
                wasm("").split("</script>").next().unwrap().as_bytes(),
                &[0x80, 0x81, 0xff, 0x9f, b'a', 0xb7],
                b"</script><i>&#x20ac;</i>",
            ]
            .concat()),
        );
        // A character no windows-1252 byte makes: a page re-saved in another encoding.
        check(&wasm("ab總"), Err(CarriedProblem::DamagedPage));
        check(&wasm("\u{80}"), Err(CarriedProblem::DamagedPage));
    }

    #[test]
    fn every_windows_1252_byte_comes_back_from_its_character() {
        // The characters a windows-1252 page shows for the bytes 0x00 to 0xFF.
        let shown: String = (0..=255u8)
            .map(|byte| match byte {
                0x80..=0x9f => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
                _ => char::from(byte),
            })
            .collect();
        let page = format!("<script id=\"{WASM_BLOCK_ID}\">{shown}</script>");
        let bytes = page_bytes(&page).unwrap();
        let start = bytes.iter().position(|b| *b == b'>').unwrap() + 1;
        assert_eq!(&bytes[start..start + 256], (0..=255u8).collect::<Vec<_>>().as_slice());
    }

    #[test]
    fn ascii_json_escapes_every_other_character_and_reads_back_the_same() {
        fn check(json: &str, expected: &str) {
            assert_eq!(ascii_json(json), expected);
            let back: serde_json::Value = serde_json::from_str(expected).unwrap();
            assert_eq!(back, serde_json::from_str::<serde_json::Value>(json).unwrap());
        }
        check(r#"{"name":"Plain"}"#, r#"{"name":"Plain"}"#);
        check(r#"{"name":"較貴 · é"}"#, r#"{"name":"\u8f03\u8cb4 \u00b7 \u00e9"}"#);
        check(r#"["😀"]"#, r#"["\ud83d\ude00"]"#);
    }

    #[test]
    fn a_carried_scenario_with_a_lever_out_of_range_is_named_as_at_an_import_and_carried_all_the_same() {
        use crate::saved::ScenarioAt;
        // A scenario the engine will refuse reaches a store through an import (which
        // keeps it, as written, for the member to change), and a copy carries it on.
        let mut carried = store(&[("s1", "Fine", 10), ("s2", "Too dear", 5_000), ("s3", "Fine too", -5)]);
        carried.scenarios[2].scenario.retention = Some(Decimal::new(15, 1));
        let copy = offline_copy(PAGE, &carried, None).unwrap();
        let text = block_text(&copy, SCENARIOS_BLOCK_ID).unwrap();
        let (read, problems) = read_carried_scenarios(text, nfc, &paper());
        let out = |index: usize, name: &str, scenario: &Scenario| StoreProblem::LeverOutOfRange {
            scenario: ScenarioAt { index, name: name.into() },
            error: Box::new(scenario.check_ranges().unwrap_err()),
        };
        let expected = vec![
            out(1, "Too dear", &carried.scenarios[1].scenario),
            out(2, "Fine too", &carried.scenarios[2].scenario),
        ];
        assert_eq!(problems, expected);
        assert_eq!(read, carried.scenarios_only(), "every scenario is carried in, as it was written");
        // The same text imported names the same problems (and so the same words:
        // `blockvote_present::storage` words them).
        assert_eq!(decode_import(text, nfc, &paper()).1, problems);
        // Within range, a copy reads back without a word.
        let fine = store(&[("s1", "Fine", 10)]);
        let copy = offline_copy(PAGE, &fine, None).unwrap();
        assert_eq!(
            read_carried_scenarios(block_text(&copy, SCENARIOS_BLOCK_ID).unwrap(), nfc, &paper()),
            (fine.scenarios_only(), vec![])
        );
    }

    #[test]
    fn a_carried_edit_of_what_the_data_shown_does_not_have_is_named_and_carried_all_the_same() {
        use crate::engine::{CategoryEdit, Edit, ProjectEdit};
        use crate::known::NotInData;
        use crate::saved::ScenarioAt;
        // A copy made on a colleague's imported data may edit projects the paper does
        // not have; opened where the paper's data is shown, each such edit is named.
        let mut carried = store(&[("s1", "Theirs", 10)]);
        let scenario = &mut carried.scenarios[0].scenario;
        scenario.projects = vec![
            ProjectEdit { id: 17, edit: Edit { defer_quarters: Some(1), ..Edit::default() } },
            ProjectEdit { id: 9_999, edit: Edit { defer_quarters: Some(1), ..Edit::default() } },
        ];
        scenario.groups = vec![GroupEdit { select: Selector::Department { index: 999 }, edit: Edit::default() }];
        scenario.allocation.categories = vec![CategoryEdit { id: 9, amount: None, locked: true }];
        let copy = offline_copy(PAGE, &carried, None).unwrap();
        let text = block_text(&copy, SCENARIOS_BLOCK_ID).unwrap();
        let at = || ScenarioAt { index: 0, name: "Theirs".into() };
        let absent = |group: Option<usize>, what: NotInData| StoreProblem::NotInData { scenario: at(), group, what };
        assert_eq!(
            read_carried_scenarios(text, nfc, &paper()),
            (
                carried.scenarios_only(),
                vec![
                    absent(None, NotInData::Project { id: 9_999 }),
                    absent(Some(0), NotInData::Department { index: 999 }),
                    absent(None, NotInData::Category { id: 9 }),
                ]
            ),
            "named, and carried in as written"
        );
        // A copy made with nothing saved carries an empty list, which is no problem;
        // a file imported with nothing in it is said to hold nothing.
        let copy = offline_copy(PAGE, &Store::default(), None).unwrap();
        let text = block_text(&copy, SCENARIOS_BLOCK_ID).unwrap();
        assert_eq!(read_carried_scenarios(text, nfc, &paper()), (Store::default(), vec![]));
        assert_eq!(decode_import(text, nfc, &paper()).1, vec![StoreProblem::Empty { bare_list: false }]);
    }

    #[test]
    fn a_copy_carries_chinese_names_in_ascii_and_reads_them_back() {
        let store = store(&[("s1", "較貴的方案 😀", 10)]);
        let copy = offline_copy(PAGE, &store, None).unwrap();
        let text = block_text(&copy, SCENARIOS_BLOCK_ID).unwrap();
        assert!(text.is_ascii(), "{text}");
        let (read, problems) = decode_lenient(text, nfc);
        assert_eq!(problems, vec![]);
        assert_eq!(read.scenarios[0].name, "較貴的方案 😀");
        assert!(page_bytes(&copy).unwrap().is_ascii());
    }
}
