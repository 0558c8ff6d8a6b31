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

use crate::saved::{encode, Store};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The id of the block that carries the saved scenarios (the JSON store format).
pub const SCENARIOS_BLOCK_ID: &str = "blockvote-carried-scenarios";
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
    pub fn new(name: &str, projects_csv: &str) -> CarriedDataset {
        CarriedDataset {
            format: DATASET_FORMAT.to_string(),
            version: DATASET_VERSION,
            name: name.to_string(),
            projects_csv: projects_csv.to_string(),
        }
    }

    /// The dataset as JSON text, with `<` escaped so it can sit in an HTML block.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).map(|text| text.replace('<', "\\u003c")).unwrap_or_default()
    }

    /// Reads a stored or carried dataset; refuses other formats and newer versions.
    pub fn decode(text: &str) -> Result<CarriedDataset, CarriedProblem> {
        let dataset: CarriedDataset = serde_json::from_str(text).map_err(|_| CarriedProblem::NotADataset)?;
        if dataset.format != DATASET_FORMAT {
            return Err(CarriedProblem::NotADataset);
        }
        if dataset.version > DATASET_VERSION {
            return Err(CarriedProblem::FutureVersion { found: dataset.version });
        }
        Ok(dataset)
    }
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
}

impl fmt::Display for CarriedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CarriedProblem::NoBody => write!(f, "the page has no </body>"),
            CarriedProblem::UnsafeText => write!(f, "the carried text would end its block early"),
            CarriedProblem::NotADataset => write!(f, "not a blockvote dataset"),
            CarriedProblem::FutureVersion { found } => write!(f, "written by a newer blockvote (version {found})"),
        }
    }
}

/// The page with `store` (and `dataset`, if given) carried inside it. Blocks the page
/// already carries are replaced, so a copy of a copy carries only the latest data.
pub fn offline_copy(page: &str, store: &Store, dataset: Option<&CarriedDataset>) -> Result<String, CarriedProblem> {
    let mut page = remove_block(page, SCENARIOS_BLOCK_ID);
    page = remove_block(&page, DATASET_BLOCK_ID);
    let mut blocks = block(SCENARIOS_BLOCK_ID, &encode(store))?;
    if let Some(dataset) = dataset {
        blocks.push_str(&block(DATASET_BLOCK_ID, &dataset.encode())?);
    }
    let at = page.rfind("</body>").ok_or(CarriedProblem::NoBody)?;
    page.insert_str(at, &blocks);
    Ok(page)
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
    let Some(length) = page[start..].find("</script>") else { return page.to_string() };
    let mut end = start + length + "</script>".len();
    if page[end..].starts_with('\n') {
        end += 1;
    }
    format!("{}{}", &page[..start], &page[end..])
}

/// What happened when a file's carried scenarios were added to the saved ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CarriedReport {
    /// Scenarios the file carries (that could be read).
    pub carried: usize,
    /// Of those, how many were new and were added.
    pub added: usize,
    /// Of those, how many were already saved (same name, same levers).
    pub already_saved: usize,
}

impl Store {
    /// Adds a file's carried scenarios to this store. A scenario already here (same
    /// levers and seed, under the same name or the "name (2)" it was given when it was
    /// first added) is not added again, so opening the same copy twice changes
    /// nothing; one whose name is taken by different levers is added under an unused
    /// name, so nothing saved is ever overwritten.
    pub fn absorb_carried(&mut self, carried: Store) -> CarriedReport {
        let mut report = CarriedReport { carried: carried.scenarios.len(), ..CarriedReport::default() };
        let mut fresh = Vec::new();
        for incoming in carried.scenarios {
            let renamed = format!("{} (", incoming.name);
            let known = self.scenarios.iter().any(|s| {
                s.scenario == incoming.scenario
                    && s.seed == incoming.seed
                    && (s.name == incoming.name || s.name.starts_with(&renamed))
            });
            if known {
                report.already_saved += 1;
            } else {
                fresh.push(incoming);
            }
        }
        let (added, _) = self.merge(fresh, false);
        report.added = added;
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Scenario;
    use crate::saved::{decode_lenient, SavedScenario};
    use rust_decimal::Decimal;

    const PAGE: &str = "<!DOCTYPE html>\n<html><head><script type=\"module\">boot()</script></head><body>\n<div id=\"app\"></div>\n</body>\n</html>\n";

    fn saved(id: &str, name: &str, cost: i64) -> SavedScenario {
        SavedScenario {
            id: id.into(),
            name: name.into(),
            scenario: Scenario { cost_change_pct: Decimal::from(cost), ..Scenario::default() },
            seed: None,
        }
    }

    fn store(rows: &[(&str, &str, i64)]) -> Store {
        Store { scenarios: rows.iter().map(|(id, name, cost)| saved(id, name, *cost)).collect() }
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
        let store = store(&[("s1", "Dearer </script><script>alert(1)</script>", 10), ("s2", "Cheaper", -5)]);
        let copy = offline_copy(PAGE, &store, None).unwrap();
        assert!(copy.starts_with("<!DOCTYPE html>\n<html><head><script type=\"module\">boot()</script>"));
        let text = block_text(&copy, SCENARIOS_BLOCK_ID).unwrap();
        assert!(!text.contains('<'), "no tag can start inside the block: {text}");
        let (read, problems) = decode_lenient(text);
        assert_eq!(problems, vec![]);
        assert_eq!(read, store);
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
        let (read, _) = decode_lenient(block_text(&second, SCENARIOS_BLOCK_ID).unwrap());
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
    }

    #[test]
    fn absorbing_twice_adds_once_and_never_overwrites() {
        let mut mine = store(&[("s1", "Dearer", 10)]);
        let carried = store(&[("s7", "Dearer", 10), ("s8", "Dearer", 20), ("s9", "New", 3)]);
        let report = mine.absorb_carried(carried.clone());
        assert_eq!(report, CarriedReport { carried: 3, added: 2, already_saved: 1 });
        let names: Vec<&str> = mine.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Dearer", "Dearer (2)", "New"]);
        assert_eq!(mine.scenarios[0].scenario.cost_change_pct, Decimal::from(10));
        // The same file opened again adds nothing, the renamed one included.
        let again = mine.absorb_carried(carried);
        assert_eq!(again, CarriedReport { carried: 3, added: 0, already_saved: 3 });
        assert_eq!(mine.scenarios.len(), 3);
    }
}
