//! Loading another projects file (a later year's paper, say): every row checked, a
//! preview of what would change, and only on confirmation every screen switched to
//! it. The paper stays one click away.

use crate::components::file_picker::FilePicker;
use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::words::Words;
use crate::data_source::{use_data_source, Source};
use crate::saved::files::{download, read_text, ReadError};
use crate::state::use_app_state;
use blockvote_model::load::{projects_template, MAX_FILE_BYTES};
use blockvote_model::Dataset;
use blockvote_present::screens::scenarios::dataset::{
    check, in_use, refused, summary, Checked, Preview, AFTER_USE, CANCEL, EXPLAIN, IMPORT, PREVIEW, TEMPLATE,
    TEMPLATE_FILE, TITLE, USE,
};
use blockvote_present::screens::scenarios::files::{spreadsheet_text, CSV_TYPE};
use blockvote_present::storage::{BACK_TO_PAPER, DOWNLOAD_REFUSED};
use leptos::prelude::*;

#[component]
pub fn DatasetImport() -> impl IntoView {
    let state = use_app_state();
    let source = use_data_source();
    let lang = move || state.lang.get();
    let checked: RwSignal<Option<Checked>> = RwSignal::new(None);
    let download_failed = RwSignal::new(false);

    let on_file = move |file: web_sys::File| {
        let name = file.name();
        checked.set(None);
        read_text(&file, MAX_FILE_BYTES, move |result| {
            let outcome = match result {
                Ok(text) => check(&name, &text, crate::unicode::nfc),
                Err(ReadError::TooLarge(bytes)) => Checked::TooLarge { bytes, limit: MAX_FILE_BYTES },
                Err(ReadError::Unreadable) => Checked::Unreadable,
                Err(ReadError::NotText(error)) => Checked::NotText(error),
            };
            // A preview is a question: focus moves into it, on its main action.
            if matches!(outcome, Checked::Ready(_)) {
                focus_after_render(by_test_id("dataset-apply"));
            }
            checked.try_set(Some(outcome));
        });
    };
    // The panel and its focused button go: focus moves to the words saying which data is
    // in use (after Use, or Back to the paper's data) or back to the file button
    // (after Cancel), never to the top of the page.
    let cancel = move || {
        checked.set(None);
        focus_after_render(by_test_id("dataset-file"));
    };
    // The paper's projects, whatever set is in use: the template shows the schema with
    // the rows a member knows. It starts with a byte-order mark, as every CSV blockvote
    // writes, so that a spreadsheet reads its Chinese names as UTF-8 (audit 29); the
    // reader of project data skips it.
    let template = move |_| {
        let written = Dataset::paper()
            .is_ok_and(|paper| download(TEMPLATE_FILE, CSV_TYPE, &spreadsheet_text(&projects_template(&paper))));
        download_failed.set(!written);
    };
    let apply = move |preview: Preview| {
        checked.set(None);
        source.use_imported(preview.imported);
        focus_after_render(by_test_id("dataset-current"));
    };
    let current = move || {
        let imported = match source.source.get() {
            Source::Paper => None,
            Source::Imported(imported) => Some(imported.name),
        };
        in_use(&state.data(), imported.as_deref(), lang())
    };
    let outcome = move || {
        checked.get().map(|found| match found {
            Checked::Ready(preview) => {
                let said = preview.clone();
                view! {
                    <div
                        class="import-confirm"
                        role="alertdialog"
                        data-testid="dataset-preview"
                        aria-label=move || PREVIEW.get(lang())
                        aria-describedby="dataset-summary"
                        on:keydown=move |ev| {
                            if ev.key() == "Escape" {
                                ev.prevent_default();
                                cancel();
                            }
                        }
                    >
                        <p id="dataset-summary" data-testid="dataset-summary">
                            {move || summary(&said, lang())}
                        </p>
                        <p class="note">
                            <Words label=AFTER_USE />
                        </p>
                        <div class="button-row">
                            <button
                                type="button"
                                class="primary"
                                data-testid="dataset-apply"
                                on:click=move |_| apply(preview.clone())
                            >
                                <Words label=USE />
                            </button>
                            <button type="button" data-testid="dataset-cancel" on:click=move |_| cancel()>
                                <Words label=CANCEL />
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
            other => {
                let notice = move || refused(&other, lang());
                view! {
                    <div class="import-problems" role="alert" data-testid="dataset-problems">
                        {move || {
                            notice()
                                .map(|notice| {
                                    view! {
                                        <p>{notice.heading}</p>
                                        {(!notice.problems.is_empty())
                                            .then(|| {
                                                view! {
                                                    <ul>
                                                        {notice
                                                            .problems
                                                            .into_iter()
                                                            .enumerate()
                                                            .map(|(i, text)| {
                                                                view! {
                                                                    <li data-testid=format!("dataset-problem-{i}")>{text}</li>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </ul>
                                                }
                                            })}
                                        {notice.more.map(|more| view! { <p>{more}</p> })}
                                    }
                                })
                        }}
                    </div>
                }
                .into_any()
            }
        })
    };

    view! {
        <div class="panel dataset-import">
            <h3>
                <Words label=TITLE />
            </h3>
            <p data-testid="dataset-current" tabindex="-1">
                {current}
            </p>
            <p class="note">
                <Words label=EXPLAIN />
            </p>
            <div class="button-row">
                <button type="button" data-testid="dataset-template" on:click=template>
                    <Words label=TEMPLATE />
                </button>
                <FilePicker accept=".csv,text/csv" testid="dataset-file" label=IMPORT on_file=on_file />
                {move || {
                    (source.source.get() != Source::Paper)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    data-testid="dataset-back-to-paper"
                                    on:click=move |_| {
                                        source.back_to_paper();
                                        focus_after_render(by_test_id("dataset-current"));
                                    }
                                >
                                    <Words label=BACK_TO_PAPER />
                                </button>
                            }
                        })
                }}
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
            {outcome}
        </div>
    }
}
