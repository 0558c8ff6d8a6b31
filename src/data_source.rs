//! Which projects the app shows: the paper's Annex C (the default), or a projects CSV
//! the user imported in the same schema (a later year's paper, say). An imported file
//! is kept in `localStorage` so it survives a reload, and an offline copy carries it.
//!
//! Only the projects are replaced; the paper's departments, categories, cohorts and
//! facts stay (see `Dataset::with_projects_csv`). The shell re-renders everything when
//! the source changes, so no screen can keep figures of the other dataset.

use crate::saved::files::download;
use crate::saved::offline::carried_texts;
use crate::saved::storage::{local_storage, set_aside};
use blockvote_model::load::LoadError;
use blockvote_model::offline::{CarriedDataset, CarriedProblem, DATASET_BLOCK_ID};
use blockvote_model::saved::limits::MAX_CARRIED_DATASET_BYTES;
use blockvote_model::saved::set_aside::DATASET_SET_ASIDE_KEY;
use blockvote_model::Dataset;
use blockvote_present::screens::scenarios::files::{spreadsheet_text, CSV_TYPE};
use leptos::prelude::*;

/// Where an imported dataset is kept.
pub const DATASET_KEY: &str = "blockvote.dataset.v1";
/// Where an unreadable stored dataset is moved, so it is never silently lost; `.2`,
/// `.3` … if that is taken (an earlier one is never overwritten; the model's places,
/// `blockvote_model::saved::set_aside`).
pub const DATASET_BACKUP_KEY: &str = DATASET_SET_ASIDE_KEY;

/// Where the shown projects come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Paper,
    Imported(CarriedDataset),
}

/// Something the user should know about the data source, shown as a notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataNotice {
    /// The imported dataset kept in storage could not be used; the paper is shown and
    /// the text was moved to a free [`DATASET_BACKUP_KEY`] (or could not be, and was
    /// left where it was). [`DataSource::set_aside`] offers it for download.
    StoredUnusable { reason: String, moved: bool },
    /// This page (an offline copy) carries a dataset that could not be used.
    CarriedUnusable { reason: String },
    /// The imported dataset could not be kept in storage (it applies for this visit).
    NotStored,
    /// The browser refused to read the stored imported dataset: the paper is shown,
    /// and the stored text is left as it is.
    StoredUnread,
}

/// A stored dataset that no longer loads, set aside rather than deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The key it was copied to, if copying worked.
    pub key: Option<String>,
    /// The stored text.
    pub text: String,
}

impl SetAside {
    /// Offers it for download (see [`download_set_aside_dataset`]). False if the
    /// browser refused.
    pub fn download(&self) -> bool {
        download_set_aside_dataset(&self.text)
    }
}

/// Offers a stored dataset's text set aside for download: the projects CSV under its
/// file's name if the text still reads as a dataset (so it can be fixed and imported
/// again under Project data), else the text exactly as stored. False if the browser
/// refused.
pub fn download_set_aside_dataset(text: &str) -> bool {
    match CarriedDataset::decode(text) {
        Ok(dataset) => {
            let name = if dataset.name.to_ascii_lowercase().ends_with(".csv") {
                dataset.name.clone()
            } else {
                format!("{}.csv", dataset.name)
            };
            download(&name, CSV_TYPE, &spreadsheet_text(&dataset.projects_csv))
        }
        Err(_) => download("blockvote-dataset-unreadable.txt", "text/plain;charset=utf-8", text),
    }
}

/// The data source, provided as context above the shell.
#[derive(Clone, Copy)]
pub struct DataSource {
    pub source: RwSignal<Source>,
    pub notice: RwSignal<Option<DataNotice>>,
    /// The stored dataset set aside at startup, offered for download.
    pub set_aside: RwSignal<Option<SetAside>>,
}

impl DataSource {
    /// The source at startup: a dataset carried by this page (an offline copy) comes
    /// first, then one kept in storage, then the paper.
    pub fn at_startup() -> DataSource {
        let (source, notice, set_aside) = startup_source();
        DataSource { source: RwSignal::new(source), notice: RwSignal::new(notice), set_aside: RwSignal::new(set_aside) }
    }

    /// Shows `imported` from now on and keeps it for later visits.
    pub fn use_imported(&self, imported: CarriedDataset) {
        let stored = local_storage().ok().is_some_and(|s| s.set_item(DATASET_KEY, &imported.encode()).is_ok());
        self.notice.set((!stored).then_some(DataNotice::NotStored));
        self.source.set(Source::Imported(imported));
    }

    /// Goes back to the paper's projects and forgets the stored import, if it is the one
    /// this page shows. An offline copy shows the data it carries, and the browser's own
    /// import (another file, from another visit) is not this page's to forget: removing
    /// it lost a member's data with no question and no copy (audit 27). Nor is an import
    /// another tab stored since.
    pub fn back_to_paper(&self) {
        let shown = self.imported();
        if let (Ok(storage), Some(shown)) = (local_storage(), shown) {
            let stored = storage.get_item(DATASET_KEY).ok().flatten();
            if stored.is_some_and(|text| CarriedDataset::decode(&text).ok().as_ref() == Some(&shown)) {
                let _ = storage.remove_item(DATASET_KEY);
            }
        }
        self.notice.set(None);
        self.source.set(Source::Paper);
    }

    /// The imported dataset, if one is shown (for the offline copy to carry).
    pub fn imported(&self) -> Option<CarriedDataset> {
        match self.source.get_untracked() {
            Source::Paper => None,
            Source::Imported(imported) => Some(imported),
        }
    }
}

/// The dataset of a source.
pub fn dataset_for(source: &Source) -> Result<Dataset, Vec<LoadError>> {
    let paper = Dataset::paper()?;
    match source {
        Source::Paper => Ok(paper),
        Source::Imported(imported) => paper.with_projects_csv(&imported.projects_csv, crate::unicode::nfc),
    }
}

/// Why a carried or stored dataset cannot be shown, in English (the notice adds the
/// Chinese framing; the detail names files, lines and fields).
fn unusable_reason(text: &str) -> Result<CarriedDataset, String> {
    let imported = CarriedDataset::decode(text).map_err(|e: CarriedProblem| e.to_string())?;
    match dataset_for(&Source::Imported(imported.clone())) {
        Ok(_) => Ok(imported),
        Err(errors) => Err(errors.first().map(ToString::to_string).unwrap_or_default()),
    }
}

fn startup_source() -> (Source, Option<DataNotice>, Option<SetAside>) {
    let mut notice = None;
    let carried = carried_texts(DATASET_BLOCK_ID, MAX_CARRIED_DATASET_BYTES).map(|texts| match texts {
        Ok(texts) => match <[String; 1]>::try_from(texts) {
            Ok([text]) => Ok(text),
            Err(texts) => Err(CarriedProblem::ManyDatasets { count: texts.len() }),
        },
        Err(bytes) => Err(CarriedProblem::DatasetTooLarge { bytes }),
    });
    match carried {
        Some(Ok(text)) => match unusable_reason(&text) {
            Ok(imported) => return (Source::Imported(imported), None, None),
            Err(reason) => notice = Some(DataNotice::CarriedUnusable { reason }),
        },
        Some(Err(problem)) => notice = Some(DataNotice::CarriedUnusable { reason: problem.to_string() }),
        None => {}
    }
    let Ok(storage) = local_storage() else { return (Source::Paper, notice, None) };
    let text = match storage.get_item(DATASET_KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return (Source::Paper, notice, None),
        // The paper's projects are shown, and said to be: the member's imported data is
        // there but unread, and figures that silently became the paper's would be
        // mistaken for theirs.
        Err(_) => return (Source::Paper, notice.or(Some(DataNotice::StoredUnread)), None),
    };
    match unusable_reason(&text) {
        Ok(imported) => (Source::Imported(imported), notice, None),
        Err(reason) => {
            // Set aside under a free numbered key rather than deleted or written over
            // an earlier one: the member's file is never lost silently. If it cannot
            // be copied it stays where it is.
            let key = set_aside(&storage, DATASET_BACKUP_KEY, &text).ok();
            if key.is_some() {
                let _ = storage.remove_item(DATASET_KEY);
            }
            let moved = key.is_some();
            let kept = SetAside { key, text };
            (Source::Paper, notice.or(Some(DataNotice::StoredUnusable { reason, moved })), Some(kept))
        }
    }
}

/// The data source provided by [`crate::app::App`]; a paper fallback keeps a stray
/// component from panicking.
pub fn use_data_source() -> DataSource {
    use_context::<DataSource>().unwrap_or_else(|| DataSource {
        source: RwSignal::new(Source::Paper),
        notice: RwSignal::new(None),
        set_aside: RwSignal::new(None),
    })
}
