//! Named scenarios: save the current levers under a name, open, rename, duplicate and
//! delete them (a delete can be undone), compare two to four side by side against the
//! paper, and move them in and out as files (JSON of all scenarios; CSV of the current
//! scenario's projects, cash flow and allocation). Saved scenarios live in the
//! browser's storage (see `crate::saved` and `docs/storage.md`).

use crate::components::focus::{by_test_id, focus_after_render};
use crate::saved::files::{download, read_text, ReadError};
use crate::saved::storage::StorageIssue;
use crate::saved::{use_saved, Saved};
use crate::screens::dataset_import::DatasetImport;
use crate::screens::offline_copy::OfflineCopy;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::{Route, Scenario};
use blockvote_model::exports::{allocation_csv, cashflow_csv, csv_line, csv_money, projects_csv, summarize, Summary};
use blockvote_model::saved::{decode_lenient, encode, SavedScenario, StoreProblem, MAX_BYTES};
use blockvote_model::{Dataset, FiscalYear, Money};
use blockvote_present::format::millions;
use blockvote_present::lang::{l, Lang};
use blockvote_present::words::route_label;
use leptos::prelude::*;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;

/// The most scenarios compared at once (besides the paper).
const MAX_COMPARED: usize = 4;

fn problem_text(problem: &StoreProblem, lang: Lang) -> String {
    match lang {
        Lang::Zh => problem.zh(),
        Lang::En => problem.en(),
    }
}

#[component]
pub fn Scenarios() -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let saved = StoredValue::new(use_saved());
    // Which saved scenarios (by id) are compared.
    let selected: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    view! {
        <section class="screen scenarios">
            <h2>{move || l("情景", "Scenarios").get(lang())}</h2>
            <p class="intro">
                {move || l(
                    "把目前的假設以名稱儲存，之後再開啟、比較或匯出。情景只儲存在此瀏覽器內，不會傳送到任何地方。",
                    "Save the current levers under a name to open, compare or export later. Scenarios are kept in this browser only and sent nowhere.",
                ).get(lang())}
            </p>
            <StorageNotice saved=saved />
            <SaveForm saved=saved />
            <ScenarioList saved=saved selected=selected />
            <Compare saved=saved selected=selected />
            <ExportImport saved=saved />
            <OfflineCopy saved=saved />
            <DatasetImport />
        </section>
    }
}

#[component]
fn StorageNotice(saved: StoredValue<Saved>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let issue = RwSignal::from(saved.with_value(|s| s.issue.clone()));
    let problems = RwSignal::from(saved.with_value(|s| s.problems.clone()));
    let backup = RwSignal::from(saved.with_value(|s| s.backup.clone()));
    let download_failed = RwSignal::new(false);
    let shown = move || issue.with(Option::is_some) || backup.with(Option::is_some);
    move || {
        shown().then(|| {
            let issue_text = move || {
                issue.get().map(|issue| match issue {
                    StorageIssue::Unavailable | StorageIssue::WriteRefused => l(
                        "儲存已關閉：此瀏覽器不讓 blockvote 保存情景（可能是私人瀏覽視窗，或儲存空間已滿）。其他功能照常運作；現在儲存的情景只保留至關閉此頁，請下載以保留。",
                        "Saving is off: this browser does not let blockvote keep scenarios (a private window, or storage is full). Everything else works; scenarios saved now last until this page is closed — download them to keep them.",
                    )
                    .get(lang()),
                    StorageIssue::BackupFailed => l(
                        "儲存已關閉：已儲存的情景未能全部讀取，而無法讀取的內容也未能另存備份，所以不會覆寫它。請下載下面的副本。",
                        "Saving is off: the saved scenarios could not all be read, and the unreadable text could not be set aside, so it is not overwritten. Download the copy below.",
                    )
                    .get(lang()),
                })
            };
            let backup_part = move || {
                backup.get().map(|backup| {
                    let key = backup.key.clone();
                    let problem_items = move || {
                        problems.with(|list| {
                            list.iter()
                                .take(20)
                                .map(|p| view! { <li>{problem_text(p, lang())}</li> })
                                .collect_view()
                        })
                    };
                    let text = backup.text.clone();
                    view! {
                        <p>
                            {move || l(
                                "部分已儲存的情景未能讀取。下面列出能讀取的情景；無法讀取的原文已另存",
                                "Some saved scenarios could not be read. Those that could are listed below; the unreadable text was set aside",
                            ).get(lang())}
                            {key.map(|key| view! { " (" <code data-testid="storage-backup-key">{key}</code> ")" })}
                            {move || l("，可下載保存。", ", and can be downloaded.").get(lang())}
                        </p>
                        <ul class="problems">{problem_items}</ul>
                        <button
                            type="button"
                            data-testid="storage-backup-download"
                            on:click=move |_| download_failed.set(!download("blockvote-scenarios-unreadable.txt", "text/plain;charset=utf-8", &text))
                        >
                            {move || l("下載無法讀取的原文", "Download the unreadable text").get(lang())}
                        </button>
                    }
                })
            };
            view! {
                <div class="storage-notice" role="status" data-testid="storage-notice">
                    <p>{issue_text}</p>
                    {backup_part}
                    {move || download_failed.get().then(|| view! {
                        <p class="field-error">{move || l("瀏覽器拒絕了下載。", "The browser refused the download.").get(lang())}</p>
                    })}
                </div>
            }
        })
    }
}

#[component]
fn SaveForm(saved: StoredValue<Saved>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let name = RwSignal::new(String::new());
    let error: RwSignal<Option<StoreProblem>> = RwSignal::new(None);
    let done: RwSignal<Option<String>> = RwSignal::new(None);
    let save = move || {
        let scenario = whatif.scenario.get_untracked();
        let seed = whatif.link_seed.get_untracked();
        let text = name.get_untracked();
        match saved.with_value(|s| s.save_as(&text, scenario, seed)) {
            Ok(_) => {
                error.set(None);
                done.set(Some(text.trim().to_string()));
                name.set(String::new());
            }
            Err(problem) => {
                done.set(None);
                error.set(Some(problem));
            }
        }
    };
    let error_text = move || {
        error.get().map(|problem| match problem {
            StoreProblem::Row { reason: blockvote_model::saved::RowReason::TooLong { max }, .. } => match lang() {
                Lang::Zh => format!("名稱不可超過 {max} 字"),
                Lang::En => format!("The name can have at most {max} characters"),
            },
            _ => l("請輸入名稱", "Enter a name").get(lang()).to_string(),
        })
    };
    view! {
        <div class="panel save-form">
            <h3>{move || l("把目前的情景另存為…", "Save current as…").get(lang())}</h3>
            <div class="inline-fields">
                <label class="field">
                    <span>{move || l("名稱", "Name").get(lang())}</span>
                    <input
                        type="text"
                        data-testid="scenario-name"
                        maxlength="200"
                        prop:value=move || name.get()
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                save();
                            }
                        }
                    />
                </label>
                <button type="button" class="primary" data-testid="scenario-save" on:click=move |_| save()>
                    {move || l("儲存", "Save").get(lang())}
                </button>
            </div>
            {move || error_text().map(|text| view! { <p class="field-error" role="alert" data-testid="scenario-name-error">{text}</p> })}
            {move || done.get().map(|saved_name| view! {
                <p class="note" role="status" data-testid="scenario-saved">
                    {move || l("已儲存：", "Saved: ").get(lang())}{saved_name}
                </p>
            })}
        </div>
    }
}

#[component]
fn ScenarioList(saved: StoredValue<Saved>, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let store = RwSignal::from(saved.with_value(|s| s.store.clone()));
    let deleted = RwSignal::from(saved.with_value(|s| s.deleted.clone()));
    // The id being renamed and the text typed so far.
    let renaming: RwSignal<Option<String>> = RwSignal::new(None);
    let rename_text = RwSignal::new(String::new());
    let rename_error = RwSignal::new(false);

    let in_use = move |scenario: &Scenario| whatif.scenario.with(|current| current == scenario);
    let paper_in_use = move || in_use(&Scenario::default());

    let rows = move || {
        store.with(|store| {
            store
                .scenarios
                .iter()
                .enumerate()
                .map(|(index, entry)| {
                    let n = index + 1;
                    let id = entry.id.clone();
                    let scenario = entry.scenario.clone();
                    let seed = entry.seed;
                    let name = entry.name.clone();
                    let current = {
                        let scenario = scenario.clone();
                        move || in_use(&scenario)
                    };
                    let is_renaming = {
                        let id = id.clone();
                        move || renaming.with(|r| r.as_deref() == Some(id.as_str()))
                    };
                    let name_cell = {
                        let id = id.clone();
                        let name = name.clone();
                        let is_renaming = is_renaming.clone();
                        move || {
                            if is_renaming() {
                                let id = id.clone();
                                let commit = move || {
                                    let text = rename_text.get_untracked();
                                    match saved.with_value(|s| s.rename(&id, &text)) {
                                        Ok(()) => {
                                            rename_error.set(false);
                                            renaming.set(None);
                                        }
                                        Err(_) => rename_error.set(true),
                                    }
                                };
                                let commit_key = commit.clone();
                                view! {
                                    <span class="rename">
                                        <input
                                            type="text"
                                            data-testid=format!("scenario-rename-input-{n}")
                                            aria-label=move || l("新名稱", "New name").get(lang())
                                            aria-invalid=move || rename_error.get().to_string()
                                            prop:value=move || rename_text.get()
                                            on:input=move |ev| rename_text.set(event_target_value(&ev))
                                            on:keydown=move |ev| match ev.key().as_str() {
                                                "Enter" => {
                                                    ev.prevent_default();
                                                    commit_key();
                                                }
                                                "Escape" => renaming.set(None),
                                                _ => {}
                                            }
                                        />
                                        <button type="button" class="small" data-testid=format!("scenario-rename-ok-{n}") on:click=move |_| commit()>
                                            {move || l("確定", "OK").get(lang())}
                                        </button>
                                        <button type="button" class="small" on:click=move |_| renaming.set(None)>
                                            {move || l("取消", "Cancel").get(lang())}
                                        </button>
                                        {move || rename_error.get().then(|| view! {
                                            <span class="field-error">{move || l("名稱須為 1 至 80 字", "A name has 1 to 80 characters").get(lang())}</span>
                                        })}
                                    </span>
                                }
                                .into_any()
                            } else {
                                view! { <span class="scenario-name" data-testid=format!("scenario-label-{n}")>{name.clone()}</span> }.into_any()
                            }
                        }
                    };
                    let checked = {
                        let id = id.clone();
                        move || selected.with(|s| s.contains(&id))
                    };
                    let full = {
                        let checked = checked.clone();
                        move || !checked() && selected.with(|s| s.len() >= MAX_COMPARED)
                    };
                    let toggle = {
                        let id = id.clone();
                        move |on: bool| {
                            selected.update(|s| {
                                s.retain(|x| x != &id);
                                if on && s.len() < MAX_COMPARED {
                                    s.push(id.clone());
                                }
                            })
                        }
                    };
                    let open = move |_| {
                        whatif.scenario.set(scenario.clone());
                        whatif.link_seed.set(seed);
                    };
                    let start_rename = {
                        let id = id.clone();
                        let name = name.clone();
                        move |_| {
                            rename_text.set(name.clone());
                            rename_error.set(false);
                            renaming.set(Some(id.clone()));
                        }
                    };
                    let duplicate = {
                        let id = id.clone();
                        move |_| saved.with_value(|s| s.duplicate(&id))
                    };
                    let delete = {
                        let id = id.clone();
                        move |_| {
                            selected.update(|s| s.retain(|x| x != &id));
                            saved.with_value(|s| s.delete(&id));
                            // The row and its button are gone; the undo button is where
                            // the work continues for a keyboard user.
                            focus_after_render(by_test_id("scenario-undo-delete"));
                        }
                    };
                    let current_class = current.clone();
                    let label_for_check = name.clone();
                    view! {
                        <tr data-testid=format!("scenario-row-{n}") class:current=current_class>
                            <td class="center">
                                <input
                                    type="checkbox"
                                    data-testid=format!("scenario-compare-{n}")
                                    aria-label=move || format!("{} {}", l("比較", "Compare").get(lang()), label_for_check)
                                    prop:checked=checked
                                    disabled=full
                                    on:change=move |ev| toggle(event_target_checked(&ev))
                                />
                            </td>
                            <th scope="row">
                                {name_cell}
                                {move || current().then(|| view! { <span class="changed-mark" data-testid=format!("scenario-in-use-{n}")>{move || l("使用中", "in use").get(lang())}</span> })}
                            </th>
                            <td class="actions">
                                <button type="button" class="small" data-testid=format!("scenario-open-{n}") on:click=open>
                                    {move || l("開啟", "Open").get(lang())}
                                </button>
                                <button type="button" class="small" data-testid=format!("scenario-rename-{n}") on:click=start_rename>
                                    {move || l("重新命名", "Rename").get(lang())}
                                </button>
                                <button type="button" class="small" data-testid=format!("scenario-duplicate-{n}") on:click=duplicate>
                                    {move || l("複製", "Duplicate").get(lang())}
                                </button>
                                <button type="button" class="small danger" data-testid=format!("scenario-delete-{n}") on:click=delete>
                                    {move || l("刪除", "Delete").get(lang())}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <div class="panel scenario-list">
            <h3>{move || l("已儲存的情景", "Saved scenarios").get(lang())}</h3>
            {move || deleted.get().map(|d| view! {
                <p class="undo-bar" role="status">
                    {move || l("已刪除：", "Deleted: ").get(lang())}
                    <span>{d.scenario.name.clone()}</span>
                    " "
                    <button type="button" class="small" data-testid="scenario-undo-delete" on:click=move |_| {
                        saved.with_value(Saved::undo_delete);
                        focus_after_render(by_test_id("scenario-name"));
                    }>
                        {move || l("復原刪除", "Undo delete").get(lang())}
                    </button>
                </p>
            })}
            <table class="data scenarios-table" data-testid="scenario-table">
                <thead>
                    <tr>
                        <th scope="col">{move || l("比較", "Compare").get(lang())}</th>
                        <th scope="col">{move || l("名稱", "Name").get(lang())}</th>
                        <th scope="col">{move || l("操作", "Actions").get(lang())}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr data-testid="scenario-row-0" class="baseline" class:current=paper_in_use>
                        <td class="center">{move || l("基準", "baseline").get(lang())}</td>
                        <th scope="row">
                            <span class="scenario-name">{move || l("文件", "The paper").get(lang())}</span>
                            <span class="read-only">{move || l("（唯讀）", " (read-only)").get(lang())}</span>
                            {move || paper_in_use().then(|| view! { <span class="changed-mark" data-testid="scenario-in-use-0">{move || l("使用中", "in use").get(lang())}</span> })}
                        </th>
                        <td class="actions">
                            <button
                                type="button"
                                class="small"
                                data-testid="scenario-open-0"
                                on:click=move |_| {
                                    whatif.scenario.set(Scenario::default());
                                    whatif.link_seed.set(None);
                                }
                            >
                                {move || l("開啟", "Open").get(lang())}
                            </button>
                        </td>
                    </tr>
                    {rows}
                </tbody>
            </table>
            {move || store.with(|s| s.scenarios.is_empty()).then(|| view! {
                <p class="note" data-testid="scenario-empty">{move || l("尚未儲存任何情景。", "No scenarios saved yet.").get(lang())}</p>
            })}
        </div>
    }
}

/// A figure in the comparison: an amount or a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Figure {
    Amount(Money),
    Count(i64),
}

impl Figure {
    /// The figure for a CSV cell: amounts exact to the dollar, in HK$M, no separators.
    fn csv(self) -> String {
        match self {
            Figure::Amount(m) => csv_money(m),
            Figure::Count(n) => n.to_string(),
        }
    }

    fn text(self) -> String {
        match self {
            Figure::Amount(m) => millions(m),
            Figure::Count(n) => n.to_string(),
        }
    }

    /// The difference from `base`, signed, and its sign (−1, 0, 1).
    fn diff(self, base: Figure) -> Option<(String, i8)> {
        match (self, base) {
            (Figure::Amount(a), Figure::Amount(b)) => {
                let d = a.checked_sub(b).ok()?;
                let shown = d.round_to(1);
                let sign = if shown > Money::ZERO {
                    1
                } else if shown < Money::ZERO {
                    -1
                } else {
                    0
                };
                Some((d.format_signed(1), sign))
            }
            (Figure::Count(a), Figure::Count(b)) => {
                let d = a - b;
                Some((if d > 0 { format!("+{d}") } else { d.to_string() }, d.signum() as i8))
            }
            _ => None,
        }
    }
}

struct CompareRow {
    key: String,
    label: String,
    /// Column 0 is the paper.
    values: Vec<Option<Figure>>,
    /// A heading row above this one.
    section: Option<String>,
}

/// The comparison as CSV: one row per figure, the paper's column, then each compared
/// scenario's value and its difference from the paper (both exact, HK$M or counts).
fn compare_csv(rows: &[CompareRow], names: &[String], lang: Lang) -> String {
    let mut head = vec![l("項目", "Figure").get(lang).to_string(), l("文件", "The paper").get(lang).to_string()];
    for name in names {
        head.push(name.clone());
        head.push(format!("{name} {}", l("與文件的差額", "difference from the paper").get(lang)));
    }
    let mut out = csv_line(&head);
    for row in rows {
        let base = row.values.first().copied().flatten();
        let mut fields = vec![row.label.clone(), base.map(Figure::csv).unwrap_or_default()];
        for value in row.values.iter().skip(1) {
            fields.push(value.map(Figure::csv).unwrap_or_default());
            let diff = match (*value, base) {
                (Some(Figure::Amount(a)), Some(Figure::Amount(b))) => a.checked_sub(b).ok().map(csv_money),
                (Some(Figure::Count(a)), Some(Figure::Count(b))) => Some((a - b).to_string()),
                _ => None,
            };
            fields.push(diff.unwrap_or_default());
        }
        out.push_str(&csv_line(&fields));
    }
    out
}

fn route_key(route: Route) -> &'static str {
    match route {
        Route::FinanceCommittee => "fc",
        Route::BlockAllocation => "block",
        Route::Department => "dept",
    }
}

fn compare_rows(dataset: &Dataset, columns: &[Option<&Summary>], lang: Lang) -> Vec<CompareRow> {
    let mut rows = Vec::new();
    let amount = |f: &dyn Fn(&Summary) -> Option<Money>| -> Vec<Option<Figure>> {
        columns.iter().map(|c| c.and_then(f).map(Figure::Amount)).collect()
    };
    rows.push(CompareRow {
        key: "allocation-total".into(),
        label: l("撥款總額（附件 A）", "Allocation total (Annex A)").get(lang).into(),
        values: amount(&|s| Some(s.allocation_total)),
        section: Some(l("撥款分配（百萬元）", "Allocation (HK$M)").get(lang).into()),
    });
    for category in &dataset.categories {
        let id = category.id;
        rows.push(CompareRow {
            key: format!("category-{id}"),
            label: format!("{id}. {}", if lang == Lang::Zh { &category.name_zh } else { &category.name_en }),
            values: amount(&|s| s.categories.iter().find(|(c, _)| *c == id).map(|(_, m)| *m)),
            section: None,
        });
    }
    rows.push(CompareRow {
        key: "budget-year-total".into(),
        label: l("2018-19 年度現金需求總額", "2018-19 total cash need").get(lang).into(),
        values: amount(&|s| Some(s.budget_year_total)),
        section: Some(l("現金流量（百萬元）", "Cash flow (HK$M)").get(lang).into()),
    });
    let years: BTreeSet<FiscalYear> =
        columns.iter().flatten().flat_map(|s| s.years.iter().map(|(year, _, _)| *year)).collect();
    for year in years {
        let label = year.label();
        let find = move |s: &Summary| s.years.iter().find(|(y, _, _)| *y == year).map(|(_, t, n)| (*t, *n));
        // The budget year's total is the row above.
        if year != dataset.budget_year {
            rows.push(CompareRow {
                key: format!("year-{label}-total"),
                label: format!("{label} {}", l("總額", "total").get(lang)),
                values: amount(&|s| Some(find(s).map_or(Money::ZERO, |(t, _)| t))),
                section: None,
            });
        }
        rows.push(CompareRow {
            key: format!("year-{label}-new"),
            label: format!("{label} {}", l("新項目", "new projects").get(lang)),
            values: amount(&|s| Some(find(s).map_or(Money::ZERO, |(_, n)| n))),
            section: None,
        });
    }
    rows.push(CompareRow {
        key: "projects-changed".into(),
        label: l("與文件不同的項目數目", "Projects changed from the paper").get(lang).into(),
        values: columns.iter().map(|c| c.map(|s| Figure::Count(s.projects_changed as i64))).collect(),
        section: Some(l("項目及審批途徑", "Projects and approval routes").get(lang).into()),
    });
    for route in Route::ALL {
        rows.push(CompareRow {
            key: format!("route-{}", route_key(route)),
            label: route_label(route).get(lang).into(),
            values: columns
                .iter()
                .map(|c| {
                    c.map(|s| {
                        Figure::Count(s.routes.iter().find(|(r, _)| *r == route).map_or(0, |(_, n)| i64::from(*n)))
                    })
                })
                .collect(),
            section: None,
        });
    }
    rows
}

#[component]
fn Compare(saved: StoredValue<Saved>, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let store = RwSignal::from(saved.with_value(|s| s.store.clone()));
    let baseline = whatif.baseline.get_value();
    let base_summary = baseline.as_ref().map(|b| summarize(b, b));
    // Each compared scenario: its name and its summary (or why it cannot be projected).
    let compared = Memo::new(move |_| {
        let ids = selected.get();
        let entries: Vec<SavedScenario> =
            store.with(|s| ids.iter().filter_map(|id| s.scenarios.iter().find(|x| &x.id == id).cloned()).collect());
        let baseline = whatif.baseline.get_value();
        whatif.engine.with_value(|engine| {
            entries
                .into_iter()
                .map(|entry| {
                    let summary = match (engine, baseline.as_ref()) {
                        (Ok(engine), Some(base)) => {
                            engine.project(&entry.scenario).map(|p| summarize(&p, base)).map_err(|e| e.to_string())
                        }
                        (Err(e), _) => Err(e.to_string()),
                        (_, None) => Err("no baseline".to_string()),
                    };
                    (entry.name, summary)
                })
                .collect::<Vec<_>>()
        })
    });
    let data = state.data();
    let export_failed = RwSignal::new(false);
    let table = move || {
        let compared = compared.get();
        if compared.len() < 2 {
            return view! {
                <p class="note" data-testid="compare-hint">
                    {move || l(
                        "在上表勾選 2 至 4 個情景，即可與文件並列比較。",
                        "Tick 2 to 4 scenarios above to compare them side by side with the paper.",
                    ).get(lang())}
                </p>
            }
            .into_any();
        }
        let lang = lang();
        let mut columns: Vec<Option<&Summary>> = vec![base_summary.as_ref()];
        columns.extend(compared.iter().map(|(_, s)| s.as_ref().ok()));
        let rows = compare_rows(&data, &columns, lang);
        let names: Vec<String> = compared.iter().map(|(name, _)| name.clone()).collect();
        let csv = compare_csv(&rows, &names, lang);
        let export = move |_| {
            export_failed.set(!download("blockvote-compare.csv", "text/csv;charset=utf-8", &format!("\u{feff}{csv}")));
        };
        let heads = compared
            .iter()
            .enumerate()
            .map(|(i, (name, _))| view! { <th scope="col" class="num" data-testid=format!("compare-head-{}", i + 1)>{name.clone()}</th> })
            .collect_view();
        let errors = compared
            .iter()
            .filter_map(|(name, s)| s.as_ref().err().map(|e| view! { <li>{format!("{name}: {e}")}</li> }))
            .collect_view();
        let ncols = columns.len() + 1;
        let body = rows
            .into_iter()
            .map(|row| {
                let section = row.section.map(|title| view! { <tr class="section"><th colspan=ncols.to_string() scope="colgroup">{title}</th></tr> });
                let base_value = row.values.first().copied().flatten();
                let cells = row
                    .values
                    .iter()
                    .enumerate()
                    .map(|(col, value)| {
                        let testid = format!("compare-{}-{col}", row.key);
                        match value {
                            None => view! { <td class="num" data-testid=testid>"—"</td> }.into_any(),
                            Some(value) => {
                                let diff = if col == 0 { None } else { base_value.and_then(|b| value.diff(b)) };
                                let sign = diff.as_ref().map_or(0, |(_, s)| *s);
                                let class = match sign {
                                    1 => "num differs diff-up",
                                    -1 => "num differs diff-down",
                                    _ => "num",
                                };
                                let diff_view = diff.filter(|(_, s)| *s != 0).map(|(text, _)| {
                                    view! { <span class="diff" data-testid=format!("{testid}-diff")>" (" {text} ")"</span> }
                                });
                                view! { <td class=class data-testid=testid.clone()><span class="value">{value.text()}</span>{diff_view}</td> }
                                    .into_any()
                            }
                        }
                    })
                    .collect_view();
                view! {
                    {section}
                    <tr data-testid=format!("compare-row-{}", row.key)>
                        <th scope="row">{row.label}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <ul class="problems">{errors}</ul>
            <div class="button-row">
                <button type="button" data-testid="compare-export-csv" on:click=export>
                    {l("下載比較表（CSV）", "Download the comparison (CSV)").get(lang)}
                </button>
            </div>
            {move || export_failed.get().then(|| view! {
                <p class="field-error" role="alert">{l("瀏覽器拒絕了下載。", "The browser refused the download.").get(lang)}</p>
            })}
            <div class="compare-scroll">
                <table class="data compact compare-table" data-testid="compare-table">
                    <caption>
                        {l("與文件比較；括號內為與文件的差額（+ 較多，− 較少）。", "Against the paper; in brackets, the difference from the paper (+ more, − less).").get(lang)}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col"></th>
                            <th scope="col" class="num" data-testid="compare-head-0">{l("文件", "The paper").get(lang)}</th>
                            {heads}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="panel compare">
            <h3>{move || l("並列比較", "Compare side by side").get(lang())}</h3>
            {table}
        </div>
    }
}

/// An import waiting for the user to decide about scenarios with names already used.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PendingImport {
    incoming: Vec<SavedScenario>,
    conflicts: Vec<String>,
}

/// What the last import did.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ImportOutcome {
    Done { added: usize, replaced: usize },
    Failed,
    Cancelled,
}

#[component]
fn ExportImport(saved: StoredValue<Saved>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let store = RwSignal::from(saved.with_value(|s| s.store.clone()));
    let download_failed = RwSignal::new(false);
    let problems: RwSignal<Vec<StoreProblem>> = RwSignal::new(Vec::new());
    let pending: RwSignal<Option<PendingImport>> = RwSignal::new(None);
    let outcome: RwSignal<Option<ImportOutcome>> = RwSignal::new(None);
    let read_error: RwSignal<Option<ReadError>> = RwSignal::new(None);

    let offer = move |name: &str, mime: &str, text: String| download_failed.set(!download(name, mime, &text));
    let export_json = move |_| offer("blockvote-scenarios.json", "application/json", store.with(encode));
    let data = state.data();
    let data_projects = data.clone();
    let export_projects = move |_| {
        if let Some(p) = whatif.projection.get_untracked() {
            offer(
                "blockvote-projects.csv",
                "text/csv;charset=utf-8",
                format!("\u{feff}{}", projects_csv(&data_projects, &p)),
            );
        }
    };
    let export_cash = move |_| {
        if let Some(p) = whatif.projection.get_untracked() {
            offer("blockvote-cashflow.csv", "text/csv;charset=utf-8", format!("\u{feff}{}", cashflow_csv(&p)));
        }
    };
    let export_allocation = move |_| {
        if let Some(p) = whatif.projection.get_untracked() {
            offer(
                "blockvote-allocation.csv",
                "text/csv;charset=utf-8",
                format!("\u{feff}{}", allocation_csv(&data, &p)),
            );
        }
    };

    let finish = move |incoming: Vec<SavedScenario>, replace: bool| {
        let mut counts = (0, 0);
        saved.with_value(|s| s.change(|store| counts = store.merge(incoming, replace)));
        outcome.try_set(Some(ImportOutcome::Done { added: counts.0, replaced: counts.1 }));
    };
    let on_text = move |result: Result<String, ReadError>| {
        let text = match result {
            Ok(text) => text,
            Err(error) => {
                read_error.try_set(Some(error));
                outcome.try_set(Some(ImportOutcome::Failed));
                return;
            }
        };
        let (incoming, found) = decode_lenient(&text);
        let nothing = incoming.scenarios.is_empty();
        problems.try_set(found);
        if nothing {
            outcome.try_set(Some(ImportOutcome::Failed));
            return;
        }
        let conflicts: Vec<String> = store
            .try_with_untracked(|s| {
                incoming.scenarios.iter().filter(|i| s.by_name(&i.name).is_some()).map(|i| i.name.clone()).collect()
            })
            .unwrap_or_default();
        if conflicts.is_empty() {
            finish(incoming.scenarios, false);
        } else {
            pending.try_set(Some(PendingImport { incoming: incoming.scenarios, conflicts }));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let file = input.files().and_then(|files| files.get(0));
        // Cleared so that choosing the same file again reads it again.
        input.set_value("");
        let Some(file) = file else { return };
        problems.set(Vec::new());
        pending.set(None);
        outcome.set(None);
        read_error.set(None);
        read_text(&file, MAX_BYTES, on_text);
    };
    let decide = move |replace: Option<bool>| {
        let Some(import) = pending.get_untracked() else { return };
        pending.set(None);
        match replace {
            Some(replace) => finish(import.incoming, replace),
            None => outcome.set(Some(ImportOutcome::Cancelled)),
        }
    };

    view! {
        <div class="panel export-import">
            <h3>{move || l("匯出及匯入", "Export and import")
                .get(lang())}</h3>
            <div class="button-row">
                <button type="button" data-testid="export-json" on:click=export_json>
                    {move || l("下載全部情景（JSON）", "Download all scenarios (JSON)").get(lang())}
                </button>
                <button type="button" data-testid="export-projects-csv" on:click=export_projects>
                    {move || l("目前情景的項目（CSV）", "Current scenario's projects (CSV)").get(lang())}
                </button>
                <button type="button" data-testid="export-cashflow-csv" on:click=export_cash>
                    {move || l("目前情景的季度現金流量（CSV）", "Current scenario's quarterly cash flow (CSV)").get(lang())}
                </button>
                <button type="button" data-testid="export-allocation-csv" on:click=export_allocation>
                    {move || l("目前情景的撥款分配（CSV）", "Current scenario's allocation (CSV)").get(lang())}
                </button>
            </div>
            {move || download_failed.get().then(|| view! {
                <p class="field-error" role="alert">{move || l("瀏覽器拒絕了下載。", "The browser refused the download.").get(lang())}</p>
            })}
            // The file input is hidden behind a label styled as a button, so the
            // browser's own "Choose file" text (in its language, not ours) is not shown.
            <label class="import-button">
                <input type="file" class="visually-hidden" accept=".json,application/json" data-testid="import-file" on:change=on_file />
                <span>{move || l("匯入情景檔案（JSON）…", "Import a scenarios file (JSON)…").get(lang())}</span>
            </label>
            {move || pending.get().map(|import| {
                let names = import.conflicts.join("、");
                view! {
                    <div class="import-confirm" role="alertdialog" data-testid="import-confirm" aria-label=move || l("同名情景", "Scenarios with the same name").get(lang())>
                        <p>
                            {move || l("以下匯入的情景與已儲存的情景同名：", "These imported scenarios have the same names as saved ones: ").get(lang())}
                            <span class="names">{names.clone()}</span>
                        </p>
                        <div class="button-row">
                            <button type="button" data-testid="import-replace" on:click=move |_| decide(Some(true))>
                                {move || l("取代已儲存的", "Replace the saved ones").get(lang())}
                            </button>
                            <button type="button" data-testid="import-keep-both" on:click=move |_| decide(Some(false))>
                                {move || l("兩者都保留（匯入的改名）", "Keep both (rename the imported ones)").get(lang())}
                            </button>
                            <button type="button" data-testid="import-cancel" on:click=move |_| decide(None)>
                                {move || l("取消匯入", "Cancel the import").get(lang())}
                            </button>
                        </div>
                    </div>
                }
            })}
            {move || outcome.get().map(|o| {
                let text = move || match (&o, lang()) {
                    (ImportOutcome::Done { added, replaced }, Lang::Zh) => format!("已匯入：新增 {added} 個，取代 {replaced} 個。"),
                    (ImportOutcome::Done { added, replaced }, Lang::En) => format!("Imported: {added} added, {replaced} replaced."),
                    (ImportOutcome::Cancelled, _) => l("已取消匯入。", "The import was cancelled.").get(lang()).to_string(),
                    (ImportOutcome::Failed, _) => match read_error.get() {
                        Some(ReadError::TooLarge) => match lang() {
                            Lang::Zh => format!("檔案太大（上限 {MAX_BYTES} 位元組），未有匯入。"),
                            Lang::En => format!("The file is too large (the limit is {MAX_BYTES} bytes); nothing was imported."),
                        },
                        Some(ReadError::Unreadable) => l("無法讀取檔案，未有匯入。", "The file could not be read; nothing was imported.").get(lang()).to_string(),
                        Some(ReadError::NotText(not_text)) => blockvote_present::uploads::not_text(&not_text, blockvote_present::uploads::FileKind::Json).get(lang()).to_string(),
                        None => l("檔案中沒有可用的情景，未有匯入。", "The file has no usable scenario; nothing was imported.").get(lang()).to_string(),
                    },
                };
                view! { <p class="note" role="status" data-testid="import-result">{text}</p> }
            })}
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| {
                    let items = list
                        .iter()
                        .enumerate()
                        .map(|(i, p)| {
                            let p = p.clone();
                            view! { <li data-testid=format!("import-problem-{i}")>{move || problem_text(&p, lang())}</li> }
                        })
                        .collect_view();
                    view! {
                        <div class="import-problems" role="alert" data-testid="import-problems">
                            <p>{move || l("檔案中以下部分未能使用：", "These parts of the file could not be used:").get(lang())}</p>
                            <ul>{items}</ul>
                        </div>
                    }
                })
            }}
        </div>
    }
}
