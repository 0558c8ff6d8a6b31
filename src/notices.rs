//! The notices under the navigation: what a link carried that could not be used, the
//! scenarios an offline copy brought in, and which data the screens show when it is
//! not the paper's. Each says what happened and what the user can do, in the chosen
//! language, and none of them blocks the app.

use crate::components::focus::focus_after_render;
use crate::data_source::{use_data_source, DataNotice, Source};
use crate::saved::use_saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::lang::{l, Lang};
use blockvote_present::refusal::{engine_error, refused_heading};
use blockvote_present::route::{fragment_for, View};
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    view! {
        <ScenarioRefused />
        <LinkProblems />
        <CarriedScenarios />
        <ImportedData />
    }
}

/// Shown on every screen while the engine refuses the scenario being edited: why,
/// and that the figures are still the last projectable scenario's. Undo goes back.
#[component]
fn ScenarioRefused() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    move || {
        whatif.error.get().map(|error| {
            let reason = engine_error(&error);
            view! {
                <div class="scenario-refused" role="alert" data-testid="engine-error">
                    <p>
                        <strong>{move || refused_heading(state.lang.get())}</strong>
                        " "
                        {move || reason.get(state.lang.get()).to_string()}
                    </p>
                    <button type="button" data-testid="engine-error-undo" on:click=move |_| whatif.undo()>
                        {move || l("↶ 復原上一步", "↶ Undo the last change").get(state.lang.get())}
                    </button>
                </div>
            }
        })
    }
}

#[component]
fn LinkProblems() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    move || {
        let problems = whatif.link_problems.get();
        (!problems.is_empty()).then(|| {
            let lines = problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view();
            view! {
                <div class="link-problems" role="alert" data-testid="link-problems">
                    <p>
                        {move || l(
                            "連結中有部分內容無法使用，已略過；其餘已套用。",
                            "Parts of this link could not be used and were skipped; the rest was applied.",
                        ).get(state.lang.get())}
                    </p>
                    <ul>{lines}</ul>
                    <button type="button" on:click=move |_| {
                        whatif.link_problems.set(Vec::new());
                        // The notice and its button are gone: focus goes to the screen.
                        focus_after_render("#main".to_string());
                    }>
                        {move || l("關閉", "Dismiss").get(state.lang.get())}
                    </button>
                </div>
            }
        })
    }
}

/// Shown when this page is an offline copy that carried scenarios in.
#[component]
fn CarriedScenarios() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let carried = use_saved().carried;
    let dismissed = RwSignal::new(false);
    move || {
        let info = carried.get()?;
        if dismissed.get() {
            return None;
        }
        let report = info.report;
        let unreadable = info.problems.len();
        let text = move || match state.lang.get() {
            Lang::Zh => format!(
                "此離線副本附有 {} 個情景：新增 {} 個至「情景」，{} 個已經儲存。{}",
                report.carried,
                report.added,
                report.already_saved,
                if unreadable > 0 { format!("另有 {unreadable} 處無法讀取。") } else { String::new() }
            ),
            Lang::En => format!(
                "This offline copy carries {} scenarios: {} added to Scenarios, {} already saved.{}",
                report.carried,
                report.added,
                report.already_saved,
                if unreadable > 0 { format!(" {unreadable} parts could not be read.") } else { String::new() }
            ),
        };
        let href = move || fragment_for(View::Scenarios, state.lang.get(), &whatif.link_pairs());
        Some(view! {
            <div class="notice carried" role="status" data-testid="carried-notice">
                <p>{text}</p>
                <a href=href data-testid="carried-open">{move || l("查看情景", "Open Scenarios").get(state.lang.get())}</a>
                " "
                <button type="button" class="small" on:click=move |_| dismissed.set(true)>
                    {move || l("關閉", "Dismiss").get(state.lang.get())}
                </button>
            </div>
        })
    }
}

/// Says, on every screen, when the projects are not the paper's, and any problem with
/// a stored or carried dataset.
#[component]
fn ImportedData() -> impl IntoView {
    let state = use_app_state();
    let source = use_data_source();
    let lang = move || state.lang.get();
    let imported = move || match source.source.get() {
        Source::Paper => None,
        Source::Imported(imported) => {
            let name = imported.name.clone();
            let count = state.data().projects.len();
            let text = move || {
                match lang() {
                Lang::Zh => format!(
                    "現正顯示匯入的項目資料「{name}」（{count} 個項目），並非文件附件 C。文件的其他數字（附件 A、B，第 5 段）維持不變。"
                ),
                Lang::En => format!(
                    "Showing imported project data “{name}” ({count} projects), not the paper's Annex C. The paper's other figures (Annexes A and B, para 5) are unchanged."
                ),
            }
            };
            Some(view! {
                <div class="notice imported-data" role="status" data-testid="imported-data">
                    <p>{text}</p>
                    <button type="button" class="small" data-testid="back-to-paper-data" on:click=move |_| source.back_to_paper()>
                        {move || l("改回文件的資料", "Back to the paper's data").get(lang())}
                    </button>
                </div>
            })
        }
    };
    let problem = move || {
        let notice = source.notice.get()?;
        let text = move || match (&notice, lang()) {
            (DataNotice::StoredUnusable { reason, moved }, Lang::Zh) => format!(
                "早前匯入並儲存的項目資料無法使用（{reason}），現顯示文件的資料。{}",
                if *moved { "該資料已另存於瀏覽器，未被刪除。" } else { "" }
            ),
            (DataNotice::StoredUnusable { reason, moved }, Lang::En) => format!(
                "The project data imported earlier could not be used ({reason}); the paper's data is shown.{}",
                if *moved { " The stored text was set aside in this browser, not deleted." } else { "" }
            ),
            (DataNotice::CarriedUnusable { reason }, Lang::Zh) => {
                format!("此檔案附帶的項目資料無法使用（{reason}），現顯示文件的資料。")
            }
            (DataNotice::CarriedUnusable { reason }, Lang::En) => {
                format!("The project data this file carries could not be used ({reason}); the paper's data is shown.")
            }
            (DataNotice::NotStored, Lang::Zh) => "瀏覽器不允許儲存，匯入的資料只在今次瀏覽期間使用。".to_string(),
            (DataNotice::NotStored, Lang::En) => {
                "This browser does not allow saving, so the imported data applies for this visit only.".to_string()
            }
        };
        Some(view! {
            <div class="notice data-problem" role="alert" data-testid="data-notice">
                <p>{text}</p>
                <button type="button" class="small" on:click=move |_| source.notice.set(None)>
                    {move || l("關閉", "Dismiss").get(lang())}
                </button>
            </div>
        })
    };
    view! {
        {imported}
        {problem}
    }
}
