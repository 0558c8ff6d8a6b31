//! Loading another projects file in the schema of `data/projects.csv` (a later year's
//! paper, say): read, check every row, show what would change, and only then switch
//! every screen to it. The paper stays one click away.

use crate::data_source::{use_data_source, Source};
use crate::saved::files::{download, read_text, ReadError};
use crate::state::use_app_state;
use blockvote_model::engine::{Engine, Scenario};
use blockvote_model::load::{LoadError, MAX_FILE_BYTES, PAPER_PROJECTS_CSV};
use blockvote_model::offline::CarriedDataset;
use blockvote_model::{Dataset, Money};
use blockvote_present::format::millions;
use blockvote_present::lang::{l, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The most problems listed; the rest are counted.
const MAX_LISTED: usize = 50;

/// A file that loaded and can be projected, waiting for the user's go-ahead.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Preview {
    imported: CarriedDataset,
    projects: usize,
    departments: usize,
    total: Money,
    budget_year: String,
}

/// What reading a chosen file gave.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Checked {
    Ready(Preview),
    /// Row-level problems (file, line, field, reason).
    Problems(Vec<LoadError>),
    /// It loaded, but the engine cannot project it (the reason, in English).
    NotProjectable(String),
    Unreadable(ReadError),
}

/// Checks a projects file against the schema and the engine, exactly as the app will
/// use it.
fn check(name: &str, text: &str) -> Checked {
    let dataset = match Dataset::paper().and_then(|paper| paper.with_projects_csv(text)) {
        Ok(dataset) => dataset,
        Err(errors) => return Checked::Problems(errors),
    };
    if let Err(error) = Engine::new(&dataset).and_then(|engine| engine.project(&Scenario::default())) {
        return Checked::NotProjectable(error.to_string());
    }
    let total = dataset.projects.iter().try_fold(Money::ZERO, |sum, p| sum.checked_add(p.budget));
    let departments: std::collections::BTreeSet<usize> = dataset.projects.iter().map(|p| p.department).collect();
    Checked::Ready(Preview {
        imported: CarriedDataset::new(name, text),
        projects: dataset.projects.len(),
        departments: departments.len(),
        total: total.unwrap_or(Money::ZERO),
        budget_year: dataset.budget_year.label(),
    })
}

#[component]
pub fn DatasetImport() -> impl IntoView {
    let state = use_app_state();
    let source = use_data_source();
    let lang = move || state.lang.get();
    let checked: RwSignal<Option<Checked>> = RwSignal::new(None);
    let download_failed = RwSignal::new(false);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let file = input.files().and_then(|files| files.get(0));
        // Cleared so that choosing the same file again (after fixing it) reads it again.
        input.set_value("");
        let Some(file) = file else { return };
        let name = file.name();
        checked.set(None);
        read_text(&file, MAX_FILE_BYTES, move |result| {
            let outcome = match result {
                Ok(text) => check(&name, &text),
                Err(error) => Checked::Unreadable(error),
            };
            checked.try_set(Some(outcome));
        });
    };
    let template = move |_| {
        download_failed.set(!download("blockvote-projects-template.csv", "text/csv;charset=utf-8", PAPER_PROJECTS_CSV));
    };
    let apply = move |preview: Preview| {
        checked.set(None);
        source.use_imported(preview.imported);
    };

    let current = move || match source.source.get() {
        Source::Paper => l("現正使用：文件附件 C 的 254 個項目。", "In use: the paper's 254 projects (Annex C).")
            .get(lang())
            .to_string(),
        Source::Imported(imported) => match lang() {
            Lang::Zh => format!("現正使用：匯入的「{}」。", imported.name),
            Lang::En => format!("In use: the imported “{}”.", imported.name),
        },
    };
    let outcome = move || {
        checked.get().map(|found| match found {
            Checked::Ready(preview) => {
                let p = preview.clone();
                let summary = move || match lang() {
                    Lang::Zh => format!(
                        "「{}」可以使用：{} 個項目、{} 個部門，預算合共 {} 百萬元，由 {} 年度開始。",
                        p.imported.name, p.projects, p.departments, millions(p.total), p.budget_year
                    ),
                    Lang::En => format!(
                        "“{}” can be used: {} projects in {} departments, HK${}M in all, starting in {}.",
                        p.imported.name, p.projects, p.departments, millions(p.total), p.budget_year
                    ),
                };
                view! {
                    <div class="import-confirm" role="alertdialog" data-testid="dataset-preview" aria-label=move || l("匯入項目資料", "Import project data").get(lang())>
                        <p data-testid="dataset-summary">{summary}</p>
                        <p class="note">
                            {move || l(
                                "使用後，所有畫面會改為顯示這些項目；已儲存的情景會保留。可隨時改回文件的資料。",
                                "Every screen will show these projects instead; saved scenarios are kept. You can go back to the paper's data at any time.",
                            ).get(lang())}
                        </p>
                        <div class="button-row">
                            <button type="button" class="primary" data-testid="dataset-apply" on:click=move |_| apply(preview.clone())>
                                {move || l("使用這些資料", "Use this data").get(lang())}
                            </button>
                            <button type="button" data-testid="dataset-cancel" on:click=move |_| checked.set(None)>
                                {move || l("取消", "Cancel").get(lang())}
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
            Checked::Problems(errors) => {
                let more = errors.len().saturating_sub(MAX_LISTED);
                let total = errors.len();
                let items = errors
                    .into_iter()
                    .take(MAX_LISTED)
                    .enumerate()
                    .map(|(i, e)| {
                        let text = move || if lang() == Lang::Zh { e.zh() } else { e.to_string() };
                        view! { <li data-testid=format!("dataset-problem-{i}")>{text}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="import-problems" role="alert" data-testid="dataset-problems">
                        <p>
                            {move || match lang() {
                                Lang::Zh => format!("檔案有 {total} 個問題，未有使用；資料維持不變："),
                                Lang::En => format!("The file has {total} problems and was not used; the data is unchanged:"),
                            }}
                        </p>
                        <ul>{items}</ul>
                        {(more > 0).then(|| view! {
                            <p>{move || match lang() {
                                Lang::Zh => format!("另有 {more} 個問題未列出。"),
                                Lang::En => format!("{more} more not listed."),
                            }}</p>
                        })}
                    </div>
                }
                .into_any()
            }
            Checked::NotProjectable(reason) => view! {
                <div class="import-problems" role="alert" data-testid="dataset-problems">
                    <p>{move || match lang() {
                        Lang::Zh => format!("檔案格式正確，但無法計算現金流量（{reason}），未有使用。"),
                        Lang::En => format!("The file reads correctly but its cash flow cannot be projected ({reason}); it was not used."),
                    }}</p>
                </div>
            }
            .into_any(),
            Checked::Unreadable(error) => view! {
                <div class="import-problems" role="alert" data-testid="dataset-problems">
                    <p>{move || match (error, lang()) {
                        (ReadError::TooLarge, Lang::Zh) => format!("檔案太大（上限 {MAX_FILE_BYTES} 位元組），未有使用。"),
                        (ReadError::TooLarge, Lang::En) => format!("The file is too large (the limit is {MAX_FILE_BYTES} bytes); it was not used."),
                        (ReadError::Unreadable, lang) => l("無法讀取檔案，未有使用。", "The file could not be read; it was not used.").get(lang).to_string(),
                        (ReadError::NotText(not_text), lang) => blockvote_present::uploads::not_text(&not_text, blockvote_present::uploads::FileKind::Csv).get(lang).to_string(),
                    }}</p>
                </div>
            }
            .into_any(),
        })
    };

    view! {
        <div class="panel dataset-import">
            <h3>{move || l("項目資料", "Project data")
                .get(lang())}</h3>
            <p data-testid="dataset-current">{current}</p>
            <p class="note">
                {move || l(
                    "可匯入另一年度文件的項目表（CSV，欄位與範本相同：id, department_zh, name_zh, name_en, budget_m, start, completion）。每一行都會先檢查，確認後才會使用。",
                    "You can load another year's project list (CSV with the template's columns: id, department_zh, name_zh, name_en, budget_m, start, completion). Every row is checked first, and nothing changes until you confirm.",
                ).get(lang())}
            </p>
            <div class="button-row">
                <button type="button" data-testid="dataset-template" on:click=template>
                    {move || l("下載文件的項目表（CSV 範本）", "Download the paper's projects (CSV template)").get(lang())}
                </button>
                <label class="import-button">
                    <input type="file" class="visually-hidden" accept=".csv,text/csv" data-testid="dataset-file" on:change=on_file />
                    <span>{move || l("匯入項目資料（CSV）…", "Import project data (CSV)…").get(lang())}</span>
                </label>
                {move || (source.source.get() != Source::Paper).then(|| view! {
                    <button type="button" data-testid="dataset-back-to-paper" on:click=move |_| source.back_to_paper()>
                        {move || l("改回文件的資料", "Back to the paper's data").get(lang())}
                    </button>
                })}
            </div>
            {move || download_failed.get().then(|| view! {
                <p class="field-error" role="alert">{move || l("瀏覽器拒絕了下載。", "The browser refused the download.").get(lang())}</p>
            })}
            {outcome}
        </div>
    }
}
