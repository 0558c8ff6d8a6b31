//! Export (all scenarios as JSON; the current scenario's projects, cash flow and
//! allocation as CSV) and import of a scenarios file, asking what to do about names
//! already saved.

use crate::components::file_picker::FilePicker;
use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::words::Words;
use crate::saved::files::{download, read_text, ReadError};
use crate::saved::Saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::Projection;
use blockvote_model::saved::{decode_import, encode, SavedScenario, StoreProblem, MAX_BYTES};
use blockvote_present::lang::Lang;
use blockvote_present::screens::scenarios::files::{
    allocation_csv, asked_about, cashflow_csv, import_outcome, is_project_data, names_line, projects_csv, same_names,
    spreadsheet_text, ImportOutcome, ALLOCATION_FILE, CANCEL_IMPORT, CASHFLOW_FILE, CHANGED_SINCE_ASKED, CSV_TYPE,
    EXPORT_ALLOCATION, EXPORT_CASHFLOW, EXPORT_JSON, EXPORT_PROJECTS, IMPORT, JSON_FILE, KEEP_BOTH, PROJECTS_FILE,
    REPLACE, SAME_NAMES, SAME_NAMES_INTRO, TITLE, UNUSABLE_PARTS,
};
use blockvote_present::screens::scenarios::CHANGE_KEPT_ON_THIS_PAGE_ONLY;
use blockvote_present::storage::{more_problems, problem, DOWNLOAD_REFUSED, MAX_PROBLEMS_LISTED};
use leptos::prelude::*;

/// An import waiting for the member to decide about scenarios with names already used.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PendingImport {
    incoming: Vec<SavedScenario>,
    conflicts: Vec<String>,
    /// The saved scenarios of those names as the question shows them (`asked_about`).
    shown: Vec<SavedScenario>,
    /// Whether the question is asked again, one of them having changed meanwhile.
    asked_again: bool,
}

#[component]
pub fn ExportImport(saved: StoredValue<Saved>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let store = RwSignal::from(saved.with_value(|s| s.store.clone()));
    let download_failed = RwSignal::new(false);
    let problems: RwSignal<Vec<StoreProblem>> = RwSignal::new(Vec::new());
    let pending: RwSignal<Option<PendingImport>> = RwSignal::new(None);
    let outcome: RwSignal<Option<ImportOutcome>> = RwSignal::new(None);
    let kept_here_only = RwSignal::new(false);

    let offer = move |name: &str, mime: &str, text: String| download_failed.set(!download(name, mime, &text));
    let export_json = move |_| offer(JSON_FILE, "application/json", store.with(encode));
    let data = state.data();
    // Each export is of the current projection, in the reader's language, and says
    // whose its figures are against the paper's default scenario (the baseline).
    type Make = fn(&blockvote_model::Dataset, &Projection, &Projection, Lang) -> String;
    let baseline = whatif.baseline.get_value();
    let export_csv = move |file: &'static str, make: Make| {
        if let Some((p, b)) = whatif.projection.get_untracked().zip(baseline.as_ref()) {
            offer(file, CSV_TYPE, spreadsheet_text(&make(&data, &p, b, state.lang.get_untracked())));
        }
    };
    let export_csv = StoredValue::new(export_csv);
    let export_projects = move |_| export_csv.with_value(|f| f(PROJECTS_FILE, projects_csv));
    let export_cash = move |_| export_csv.with_value(|f| f(CASHFLOW_FILE, |_, p, b, lang| cashflow_csv(p, b, lang)));
    let export_allocation = move |_| export_csv.with_value(|f| f(ALLOCATION_FILE, allocation_csv));

    // A large file is read after the member may have left the screen, and with it the
    // handle on the store: then nothing is imported (as when the data shown changed).
    let finish = move |incoming: Vec<SavedScenario>, replace: bool| {
        let Some((report, stored)) = saved.try_with_value(|s| (s.import(incoming, replace), s.is_stored())) else {
            return;
        };
        // What the import added or replaced but the browser did not store (its storage
        // full) is said where the import reports, as a save says it at its field.
        kept_here_only.try_set((report.added > 0 || report.replaced > 0) && !stored);
        outcome.try_set(Some(ImportOutcome::Done(report)));
    };
    let on_text = move |result: Result<String, ReadError>| {
        let text = match result {
            Ok(text) => text,
            Err(ReadError::TooLarge(bytes)) => {
                outcome.try_set(Some(ImportOutcome::TooLarge { bytes, limit: MAX_BYTES }));
                return;
            }
            Err(ReadError::Unreadable) => {
                outcome.try_set(Some(ImportOutcome::Unreadable));
                return;
            }
            Err(ReadError::NotText(error)) => {
                outcome.try_set(Some(ImportOutcome::NotText(error)));
                return;
            }
        };
        if is_project_data(&text) {
            outcome.try_set(Some(ImportOutcome::ProjectData));
            return;
        }
        // The file is read against the data shown when it arrives, as a link is: an
        // edit of a project, a department or a category that data does not have is
        // named. The screen may be gone by then (the data source changed), and with it
        // the data it showed: then nothing is imported into it.
        let Some(data) = state.dataset.try_get_value() else { return };
        let (incoming, found) = decode_import(&text, crate::unicode::nfc, &data);
        problems.try_set(found);
        if incoming.scenarios.is_empty() {
            outcome.try_set(Some(ImportOutcome::NothingUsable));
            return;
        }
        let conflicts = store.try_with_untracked(|s| same_names(s, &incoming.scenarios)).unwrap_or_default();
        if conflicts.is_empty() {
            finish(incoming.scenarios, false);
        } else {
            // The store goes only with the screen, and then the question below is not set
            // either: the empty fallback is never shown.
            let shown = store.try_with_untracked(|s| asked_about(s, &conflicts)).unwrap_or_default();
            pending.try_set(Some(PendingImport { incoming: incoming.scenarios, conflicts, shown, asked_again: false }));
            // A question: focus moves into it, on the answer that replaces nothing.
            focus_after_render(by_test_id("import-keep-both"));
        }
    };
    let on_file = move |file: web_sys::File| {
        problems.set(Vec::new());
        pending.set(None);
        outcome.set(None);
        read_text(&file, MAX_BYTES, on_text);
    };
    let decide = move |replace: Option<bool>| {
        let Some(import) = pending.get_untracked() else { return };
        if replace == Some(true) {
            // Replace only the versions the question showed: one another tab changed
            // meanwhile (heard now, if not yet) is asked about again.
            saved.with_value(Saved::hear_other_tabs);
            let now = store.with_untracked(|s| asked_about(s, &import.conflicts));
            if now != import.shown {
                let conflicts = store.with_untracked(|s| same_names(s, &import.incoming));
                let shown = store.with_untracked(|s| asked_about(s, &conflicts));
                if !conflicts.is_empty() {
                    pending.set(Some(PendingImport { conflicts, shown, asked_again: true, ..import }));
                    focus_after_render(by_test_id("import-keep-both"));
                    return;
                }
            }
        }
        pending.set(None);
        match replace {
            Some(replace) => finish(import.incoming, replace),
            None => outcome.set(Some(ImportOutcome::Cancelled)),
        }
        // The panel and its focused button go: focus moves to what the import did.
        focus_after_render(by_test_id("import-result"));
    };

    view! {
        <div class="panel export-import">
            <h3>
                <Words label=TITLE />
            </h3>
            <div class="button-row">
                <button type="button" data-testid="export-json" on:click=export_json>
                    <Words label=EXPORT_JSON />
                </button>
                <button type="button" data-testid="export-projects-csv" on:click=export_projects>
                    <Words label=EXPORT_PROJECTS />
                </button>
                <button type="button" data-testid="export-cashflow-csv" on:click=export_cash>
                    <Words label=EXPORT_CASHFLOW />
                </button>
                <button type="button" data-testid="export-allocation-csv" on:click=export_allocation>
                    <Words label=EXPORT_ALLOCATION />
                </button>
            </div>
            {move || {
                download_failed
                    .get()
                    .then(|| {
                        view! {
                            <p class="field-error" role="alert">
                                <Words label=DOWNLOAD_REFUSED />
                            </p>
                        }
                    })
            }}
            <FilePicker accept=".json,application/json" testid="import-file" label=IMPORT on_file=on_file />
            {move || {
                pending
                    .get()
                    .map(|import| {
                        view! {
                            <div
                                class="import-confirm"
                                role="alertdialog"
                                data-testid="import-confirm"
                                aria-label=move || SAME_NAMES.get(lang())
                                on:keydown=move |ev| {
                                    if ev.key() == "Escape" {
                                        ev.prevent_default();
                                        decide(None);
                                    }
                                }
                            >
                                {import
                                    .asked_again
                                    .then(|| {
                                        view! {
                                            <p class="field-error" data-testid="import-asked-again">
                                                <Words label=CHANGED_SINCE_ASKED />
                                            </p>
                                        }
                                    })}
                                <p>
                                    <Words label=SAME_NAMES_INTRO />
                                    <span class="names">{move || names_line(&import.conflicts, lang())}</span>
                                </p>
                                <div class="button-row">
                                    <button
                                        type="button"
                                        data-testid="import-replace"
                                        on:click=move |_| decide(Some(true))
                                    >
                                        <Words label=REPLACE />
                                    </button>
                                    <button
                                        type="button"
                                        data-testid="import-keep-both"
                                        on:click=move |_| decide(Some(false))
                                    >
                                        <Words label=KEEP_BOTH />
                                    </button>
                                    <button type="button" data-testid="import-cancel" on:click=move |_| decide(None)>
                                        <Words label=CANCEL_IMPORT />
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
            {move || {
                outcome
                    .get()
                    .map(|o| {
                        let done = matches!(o, ImportOutcome::Done(_));
                        view! {
                            <p class="note" role="status" data-testid="import-result" tabindex="-1">
                                {move || import_outcome(&o, lang())}
                                {move || {
                                    (done && kept_here_only.get())
                                        .then(|| {
                                            view! {
                                                " "
                                                <Words label=CHANGE_KEPT_ON_THIS_PAGE_ONLY />
                                            }
                                        })
                                }}
                            </p>
                        }
                    })
            }}
            {move || {
                let list = problems.get();
                (!list.is_empty())
                    .then(|| {
                        let more = list.len().saturating_sub(MAX_PROBLEMS_LISTED);
                        let items = list
                            .into_iter()
                            .take(MAX_PROBLEMS_LISTED)
                            .enumerate()
                            .map(|(i, p)| {
                                view! {
                                    <li data-testid=format!(
                                        "import-problem-{i}",
                                    )>{move || problem(&p).get(lang()).to_string()}</li>
                                }
                            })
                            .collect_view();
                        view! {
                            <div class="import-problems" role="alert" data-testid="import-problems">
                                <p>
                                    <Words label=UNUSABLE_PARTS />
                                </p>
                                <ul>{items}</ul>
                                {(more > 0)
                                    .then(|| {
                                        view! {
                                            <p class="note">{move || more_problems(more).get(lang()).to_string()}</p>
                                        }
                                    })}
                            </div>
                        }
                    })
            }}
        </div>
    }
}
