//! An imported projects file (the schema of `data/projects.csv`), as bytes → text
//! (`text::decode_upload`) → a dataset → the engine → the paper's scenario projected
//! over it: the path of the app's "import a dataset CSV".
//!
//! Asserts, for any bytes:
//! - the reader refuses exactly what is not UTF-8 or UTF-16 with a byte-order mark (or
//!   holds a NUL), and what it accepts is the bytes' own text;
//! - nothing on that path panics (a refusal is a list of `LoadError`s, an engine that
//!   cannot be prepared or a scenario it cannot project is an `EngineError`);
//! - a refusal names at least one problem, each naming `projects.csv`;
//! - a dataset that loads keeps the loader's promises: no name holds U+FFFD (lost
//!   characters are refused at their line), projects sorted by unique ids
//!   from 1, budgets from 0 to `MAX_INPUT_MILLIONS`, completion not before start,
//!   every department index valid, budgets to at most six decimals (whole dollars),
//!   and the paper's budget year kept, every project starting in it or later;
//! - a projection, if there is one, has one outcome per project.
#![no_main]

use blockvote_model::nfc::nfc;
use blockvote_model::engine::{Engine, Scenario};
use blockvote_model::money::MAX_INPUT_MILLIONS;
use blockvote_model::text::{decode_upload, LikelyEncoding};
use blockvote_model::{Dataset, Money};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// The paper's dataset, loaded once: the app loads it once and imports over it.
fn paper() -> Option<&'static Dataset> {
    static PAPER: OnceLock<Option<Dataset>> = OnceLock::new();
    PAPER.get_or_init(|| Dataset::paper().ok()).as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Some(paper) = paper() else { return };
    // The app reads the file as bytes and decodes them itself.
    let utf16 = data.starts_with(b"\xFF\xFE") || data.starts_with(b"\xFE\xFF");
    let text = match decode_upload(data) {
        Ok(text) => {
            if !utf16 {
                let plain = std::str::from_utf8(data).map(|t| t.strip_prefix('\u{feff}').unwrap_or(t));
                assert_eq!(plain, Ok(text.as_str()), "UTF-8 is read as it is");
            }
            // A NUL character is let through only in what starts like JSON (for the
            // JSON reader to place); a CSV never does.
            assert!(!text.contains('\0') || text.trim_start().starts_with(['{', '[']));
            text
        }
        Err(refused) => {
            // UTF-8 is refused only with a NUL character, or as a web page.
            let page = matches!(refused.likely, LikelyEncoding::BlockvotePage | LikelyEncoding::WebPage);
            assert!(utf16 || page || std::str::from_utf8(data).map_or(true, |t| t.contains('\0')), "refused UTF-8");
            if page {
                let start = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
                let start = start.trim_ascii_start().to_ascii_lowercase();
                assert!(start.starts_with(b"<!doctype html") || start.starts_with(b"<html"), "a web page starts as one");
            }
            return;
        }
    };
    let dataset = match paper.with_projects_csv(&text, nfc) {
        Ok(dataset) => dataset,
        Err(errors) => {
            assert!(!errors.is_empty(), "a refusal must say why");
            assert!(errors.iter().all(|e| e.file == "projects.csv"), "{errors:?}");
            return;
        }
    };

    assert_eq!(dataset.budget_year, paper.budget_year, "the paper's budget year is kept");
    let max = Money::from_whole_millions(MAX_INPUT_MILLIONS);
    let mut previous = 0;
    for project in &dataset.projects {
        assert!(!project.name_zh.contains('\u{FFFD}') && !project.name_en.contains('\u{FFFD}'), "project {}", project.id);
        assert!(project.id > previous, "ids sorted, unique, from 1: {} after {previous}", project.id);
        previous = project.id;
        assert!(!project.budget.is_negative() && project.budget <= max, "budget {:?}", project.budget);
        assert!(project.start <= project.completion, "project {}", project.id);
        assert!(project.duration_quarters() >= 1, "project {}", project.id);
        assert!(dataset.department_of(project).is_some(), "project {}", project.id);
        assert!(dataset.budget_year <= project.start.year(), "project {}", project.id);
        assert!(project.budget.millions().normalize().scale() <= 6, "budget {:?}", project.budget);
        assert_eq!(dataset.project(project.id).map(|p| p.id), Some(project.id));
    }

    if let Ok(engine) = Engine::new(&dataset) {
        if let Ok(projection) = engine.project(&Scenario::default()) {
            assert_eq!(projection.projects.len(), dataset.projects.len());
        }
    }
});
