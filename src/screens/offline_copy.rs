//! "Download offline copy": one HTML file of the app with the saved scenarios (and the
//! scenario being edited, if it is not saved) inside, for a laptop with no network or
//! an e-mail to a colleague. Opened from file://, the copy adds them to its own saved
//! scenarios (see `crate::saved::restore_at_startup`).

use crate::data_source::use_data_source;
use crate::saved::offline::{can_copy, download_offline_copy, CopyError};
use crate::saved::Saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::Scenario;
use blockvote_model::saved::{SavedScenario, Store};
use blockvote_present::lang::{l, Lang};
use leptos::prelude::*;

/// The store an offline copy carries: the saved scenarios, plus the one being edited
/// if it is neither the paper nor already saved, so nothing on screen is left behind.
pub fn store_to_carry(saved: &Store, current: &Scenario, seed: Option<u64>, lang: Lang) -> Store {
    let mut store = saved.clone();
    let is_saved = store.scenarios.iter().any(|s| &s.scenario == current);
    if *current != Scenario::default() && !is_saved {
        let name = store.unused_name(l("下載副本時未儲存的情景", "Unsaved when the copy was made").get(lang));
        let id = store.fresh_id();
        store.scenarios.push(SavedScenario { id, name, scenario: current.clone(), seed, ..SavedScenario::default() });
    }
    store
}

#[component]
pub fn OfflineCopy(saved: StoredValue<Saved>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let source = use_data_source();
    let lang = move || state.lang.get();
    let store = RwSignal::from(saved.with_value(|s| s.store.clone()));
    let available = can_copy();
    let outcome: RwSignal<Option<Result<(String, usize), CopyError>>> = RwSignal::new(None);
    let make_copy = move |_| {
        let current = whatif.scenario.get_untracked();
        let carried = store.with_untracked(|s| store_to_carry(s, &current, whatif.link_seed.get_untracked(), lang()));
        let count = carried.scenarios.len();
        let result = download_offline_copy(&carried, source.imported().as_ref()).map(|name| (name, count));
        outcome.set(Some(result));
    };
    let count = move || store.with(|s| s.scenarios.len());
    let result = move || {
        outcome.get().map(|result| {
            let (class, role, text) = match (result, lang()) {
                (Ok((name, n)), Lang::Zh) => ("note", "status", format!("已下載 {name}，內附 {n} 個情景。")),
                (Ok((name, n)), Lang::En) => ("note", "status", format!("Downloaded {name}, carrying {n} scenarios.")),
                (Err(CopyError::NotSingleFile), lang) => ("field-error", "alert", not_single_file(lang).to_string()),
                (Err(CopyError::Page(problem)), Lang::Zh) => {
                    ("field-error", "alert", format!("無法製作副本：{problem}"))
                }
                (Err(CopyError::Page(problem)), Lang::En) => {
                    ("field-error", "alert", format!("The copy could not be made: {problem}"))
                }
                (Err(CopyError::DownloadRefused), Lang::Zh) => {
                    ("field-error", "alert", "瀏覽器拒絕了下載。".to_string())
                }
                (Err(CopyError::DownloadRefused), Lang::En) => {
                    ("field-error", "alert", "The browser refused the download.".to_string())
                }
            };
            view! { <p class=class role=role data-testid="offline-copy-result">{text}</p> }
        })
    };
    view! {
        <div class="panel offline-copy">
            <h3>{move || l("離線副本", "Offline copy")
                .get(lang())}</h3>
            <p>
                {move || match lang() {
                    Lang::Zh => format!(
                        "下載一個 HTML 檔案，內含本工具、文件的資料及你已儲存的 {} 個情景（以及目前未儲存的情景）。可用電郵傳送或存於手提電腦，在任何新式瀏覽器中離線開啟，不需網絡。",
                        count()
                    ),
                    Lang::En => format!(
                        "Download one HTML file holding this tool, the paper's data and your {} saved scenarios (and the current one, if unsaved). E-mail it or keep it on a laptop: it opens offline in any modern browser, with no network.",
                        count()
                    ),
                }}
            </p>
            <button type="button" class="primary" data-testid="offline-copy" disabled=!available on:click=make_copy>
                {move || l("下載離線副本（HTML）", "Download offline copy (HTML)").get(lang())}
            </button>
            {(!available).then(|| view! { <p class="note" data-testid="offline-copy-unavailable">{move || not_single_file(lang())}</p> })}
            {result}
        </div>
    }
}

fn not_single_file(lang: Lang) -> &'static str {
    l(
        "只有單一檔案版本（blockvote.html）可以製作離線副本；此版本由伺服器提供，由多個檔案組成。",
        "Only the one-file version (blockvote.html) can make an offline copy; this version is served as several files.",
    )
    .get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn dearer(pct: i64) -> Scenario {
        Scenario { cost_change_pct: Decimal::from(pct), ..Scenario::default() }
    }

    /// Checks which names the carried store holds for a current scenario.
    #[track_caller]
    fn check(current: Scenario, expected: &[&str]) {
        let saved = Store {
            scenarios: vec![SavedScenario {
                id: "s1".into(),
                name: "Dearer".into(),
                scenario: dearer(10),
                seed: None,
                ..SavedScenario::default()
            }],
            ..Store::default()
        };
        let carried = store_to_carry(&saved, &current, Some(7), Lang::En);
        let names: Vec<&str> = carried.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, expected);
        if let Some(extra) = carried.scenarios.get(1) {
            assert_eq!(extra.scenario, current);
            assert_eq!(extra.seed, Some(7));
            assert_ne!(extra.id, "s1");
        }
    }

    #[test]
    fn the_unsaved_scenario_travels_unless_it_is_the_paper_or_saved() {
        check(Scenario::default(), &["Dearer"]);
        check(dearer(10), &["Dearer"]);
        check(dearer(-20), &["Dearer", "Unsaved when the copy was made"]);
    }
}
