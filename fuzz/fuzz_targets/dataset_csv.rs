//! An imported projects file (the schema of `data/projects.csv`) → a dataset → the
//! engine → the paper's scenario projected over it: the path of the app's "import a
//! dataset CSV".
//!
//! Asserts, for any text:
//! - nothing on that path panics (a refusal is a list of `LoadError`s, an engine that
//!   cannot be prepared or a scenario it cannot project is an `EngineError`);
//! - a refusal names at least one problem, each naming `projects.csv`;
//! - a dataset that loads keeps the loader's promises: projects sorted by unique ids
//!   from 1, budgets from 0 to `MAX_INPUT_MILLIONS`, completion not before start,
//!   every department index valid, and the budget year the earliest start;
//! - a projection, if there is one, has one outcome per project.
#![no_main]

use blockvote_model::engine::{Engine, Scenario};
use blockvote_model::money::MAX_INPUT_MILLIONS;
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
    // The browser's FileReader decodes the file as UTF-8, bad bytes becoming U+FFFD.
    let text = String::from_utf8_lossy(data);
    let dataset = match paper.with_projects_csv(&text) {
        Ok(dataset) => dataset,
        Err(errors) => {
            assert!(!errors.is_empty(), "a refusal must say why");
            assert!(errors.iter().all(|e| e.file == "projects.csv"), "{errors:?}");
            return;
        }
    };

    let max = Money::from_whole_millions(MAX_INPUT_MILLIONS);
    let mut previous = 0;
    for project in &dataset.projects {
        assert!(project.id > previous, "ids sorted, unique, from 1: {} after {previous}", project.id);
        previous = project.id;
        assert!(!project.budget.is_negative() && project.budget <= max, "budget {:?}", project.budget);
        assert!(project.start <= project.completion, "project {}", project.id);
        assert!(project.duration_quarters() >= 1, "project {}", project.id);
        assert!(dataset.department_of(project).is_some(), "project {}", project.id);
        assert!(dataset.budget_year <= project.start.year(), "project {}", project.id);
        assert_eq!(dataset.project(project.id).map(|p| p.id), Some(project.id));
    }

    if let Ok(engine) = Engine::new(&dataset) {
        if let Ok(projection) = engine.project(&Scenario::default()) {
            assert_eq!(projection.projects.len(), dataset.projects.len());
        }
    }
});
