//! The offline copy's effects: reading the page text the single-file loader kept, the
//! data blocks a copy carries, and offering the new copy as a download. Building the
//! copy is the model's (`blockvote_model::offline`).

use super::files::download_bytes;
use blockvote_model::offline::{
    offline_copy, page_bytes, read_carried_scenarios, CarriedDataset, CarriedProblem, SCENARIOS_BLOCK_ID,
};
use blockvote_model::saved::{Store, StoreProblem, MAX_BYTES};
use blockvote_model::Dataset;
use blockvote_present::lang::Bilingual;
use blockvote_present::storage::{copy_done, copy_problem, DOWNLOAD_REFUSED, NOT_SINGLE_FILE};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys;

/// The property of `window` where the single-file loader (scripts/single-file.mjs)
/// keeps the page's text.
const PAGE_SOURCE: &str = "__blockvoteSource";

/// The page text kept by the single-file loader, or `None` in a served build (which
/// is several files and cannot copy itself).
pub fn page_source() -> Option<String> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str(PAGE_SOURCE)).ok()?.as_string()
}

/// Whether this page can write an offline copy of itself. It asks only whether the
/// loader kept the page: reading the text would write out the whole file and copy it
/// into the wasm's memory each time the Scenarios screen is drawn.
pub fn can_copy() -> bool {
    web_sys::window()
        .is_some_and(|window| js_sys::Reflect::has(&window, &JsValue::from_str(PAGE_SOURCE)).unwrap_or(false))
}

/// The selector for every element whose id is `id`. A page edited by hand can hold
/// several blocks with one id, and `getElementById` finds only the first.
pub fn every_block_with_id(id: &str) -> String {
    format!("[id=\"{id}\"]")
}

/// The texts of every carried data block with `id`, in page order: `None` if the page
/// has none, `Err(bytes)` once together they take more than `max_bytes` (a copy this
/// app made never does: see `blockvote_model::saved::limits`; a hand-edited file
/// could). A block's length is read before its text is copied into the wasm's memory,
/// so a huge block costs no more than its length.
pub fn carried_texts(id: &str, max_bytes: usize) -> Option<Result<Vec<String>, usize>> {
    let document = web_sys::window()?.document()?;
    let blocks = document.query_selector_all(&every_block_with_id(id)).ok()?;
    let mut texts = Vec::new();
    let mut bytes = 0usize;
    for index in 0..blocks.length() {
        let Some(block) = blocks.item(index) else { continue };
        let Ok(text) = js_sys::Reflect::get(&block, &JsValue::from_str("textContent")) else { continue };
        let Ok(text) = text.dyn_into::<js_sys::JsString>() else { continue };
        // UTF-8 takes at least a byte for every UTF-16 unit.
        let at_least = bytes.saturating_add(text.length() as usize);
        if at_least > max_bytes {
            return Some(Err(at_least));
        }
        let text = String::from(text);
        bytes = bytes.saturating_add(text.len());
        if bytes > max_bytes {
            return Some(Err(bytes));
        }
        texts.push(text);
    }
    if texts.is_empty() {
        None
    } else {
        Some(Ok(texts))
    }
}

/// The scenarios this page carries, with whatever in them could not be read (all of
/// it, said so, if the block is too large to read), each scenario whose levers the
/// engine will refuse and each edit of what `data` (the data shown) does not have, as
/// an import names them (see `blockvote_model::offline::read_carried_scenarios`).
///
/// A page with more than one such block (joined by hand, or saved by a program that
/// kept an old one) carries the scenarios of all of them, read in order: none is
/// dropped without a word. Together they are held to the one block's limit.
pub fn carried_scenarios(data: &Dataset) -> Option<(Store, Vec<StoreProblem>)> {
    let texts = match carried_texts(SCENARIOS_BLOCK_ID, MAX_BYTES)? {
        Ok(texts) => texts,
        Err(bytes) => return Some((Store::default(), vec![StoreProblem::TooLarge { bytes }])),
    };
    let mut carried = Store::default();
    let mut problems = Vec::new();
    for text in texts {
        let (store, found) = read_carried_scenarios(&text, crate::unicode::nfc, data);
        carried.scenarios.extend(store.scenarios);
        problems.extend(found);
    }
    Some((carried, problems))
}

/// Why no offline copy was offered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyError {
    /// A served build: only the one-file app can copy itself.
    NotSingleFile,
    /// The page text could not take the data (see the model's error).
    Page(CarriedProblem),
    /// The browser refused the download.
    DownloadRefused,
}

impl CopyError {
    /// What the member reads.
    pub fn message(&self) -> Bilingual {
        match self {
            CopyError::NotSingleFile => NOT_SINGLE_FILE.into(),
            CopyError::Page(problem) => copy_problem(problem),
            CopyError::DownloadRefused => DOWNLOAD_REFUSED.into(),
        }
    }
}

/// What making an offline copy did, in words: the file and how many scenarios it
/// carries, or why it was not made.
pub fn copy_outcome(outcome: &Result<(String, usize), CopyError>) -> Bilingual {
    match outcome {
        Ok((name, count)) => copy_done(name, *count),
        Err(error) => error.message(),
    }
}

/// Writes the offline copy of this page carrying `store` (and `dataset`) and offers it
/// as `blockvote-offline-<date>.html`. Refused, saying why, if the copy could not open
/// everything it carries (see `blockvote_model::offline::offline_copy`).
pub fn download_offline_copy(store: &Store, dataset: Option<&CarriedDataset>) -> Result<String, CopyError> {
    let page = page_source().ok_or(CopyError::NotSingleFile)?;
    let copy = offline_copy(&page, store, dataset).and_then(|copy| page_bytes(&copy)).map_err(CopyError::Page)?;
    let name = format!("blockvote-offline-{}.html", today());
    if download_bytes(&name, "text/html;charset=windows-1252", &copy) {
        Ok(name)
    } else {
        Err(CopyError::DownloadRefused)
    }
}

/// Today's date as `YYYY-MM-DD`, from the browser's clock (for file names and the
/// brief's "prepared" line; never for a figure).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}
