//! The per-project levers, shown above the projects table for the project chosen with
//! a row's "Edit" button: exclude, defer, extend, budget override and spend profile,
//! with the effect on 2018-19 shown at once.

use crate::components::fields::NumberField;
use crate::components::focus::{by_test_id, focus_after_render};
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::{Edit, Profile, MAX_SHIFT_QUARTERS};
use blockvote_model::money::MAX_INPUT_MILLIONS;
use blockvote_model::Money;
use blockvote_present::fields::{int_in, money_in, write_int, write_money, FieldSpec};
use blockvote_present::format::millions;
use blockvote_present::lang::{l, Lang};
use blockvote_present::words::profile_label;
use blockvote_present::words::{UNIT_HKD_M, UNIT_QUARTERS};
use leptos::prelude::*;

/// True if the scenario edits this project, directly or through a group.
pub fn is_changed(id: u16) -> bool {
    let whatif = use_whatif();
    whatif.projection.with(|p| p.as_ref().and_then(|p| p.project(id)).is_some_and(|o| o.edited))
}

#[component]
pub fn ProjectLevers(selected: RwSignal<Option<u16>>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    move || {
        let id = selected.get()?;
        let project = data.project(id)?.clone();
        let edit = Signal::derive(move || whatif.project_edit(id));
        let change = move |f: &dyn Fn(&mut Edit)| {
            let mut next = whatif.project_edit(id);
            f(&mut next);
            whatif.set_project_edit(id, next);
        };
        let outcome = Memo::new(move |_| whatif.projection.with(|p| p.as_ref().and_then(|p| p.project(id).cloned())));
        let base = whatif.baseline.get_value().and_then(|b| b.project(id).cloned());
        let totals = Memo::new(move |_| whatif.projection.with(|p| p.as_ref().map(|p| p.budget_year_totals)));
        let base_totals = whatif.baseline.get_value().map(|b| b.budget_year_totals);
        let (name_zh, name_en) = (project.name_zh.clone(), project.name_en.clone());
        let paper_budget = project.budget;
        Some(view! {
            <section class="panel project-levers" data-testid="project-levers" aria-labelledby="levers-heading">
                <h3 id="levers-heading">
                    {move || match lang() {
                        Lang::Zh => format!("調整項目 {id}："),
                        Lang::En => format!("Levers for project {id}: "),
                    }}
                    {move || if lang() == Lang::Zh { name_zh.clone() } else { name_en.clone() }}
                </h3>
                <p class="note">
                    {move || match lang() {
                        Lang::Zh => format!("文件：預算 {} 百萬元，{} 開展，{} 完成（附件 C）。", paper_budget.format(1), project.start.label(), project.completion.label()),
                        Lang::En => format!("Paper: budget HK${}M, starts {}, completes {} (Annex C).", paper_budget.format(1), project.start.label(), project.completion.label()),
                    }}
                </p>
                <div class="inline-fields">
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid="lever-exclude"
                            prop:checked=move || edit.get().exclude == Some(true)
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                change(&|e| e.exclude = checked.then_some(true));
                            }
                        />
                        {move || l("剔除此項目", "Exclude this project").get(lang())}
                    </label>
                    <NumberField
                        spec=FieldSpec::new(l("延後（開展及完成一併移後）", "Defer (start and completion move)"), |text: &str| int_in(text, -i64::from(MAX_SHIFT_QUARTERS), i64::from(MAX_SHIFT_QUARTERS)), write_int).unit(UNIT_QUARTERS)
                        testid="lever-defer"
                        current=Signal::derive(move || i64::from(edit.get().defer_quarters.unwrap_or(0)))
                        commit=move |value: i64| change(&|e| e.defer_quarters = (value != 0).then_some(i32::try_from(value).unwrap_or(0)))
                        narrow=true
                    />
                    <NumberField
                        spec=FieldSpec::new(l("延長（只移後完成）", "Extend (completion moves)"), |text: &str| int_in(text, -i64::from(MAX_SHIFT_QUARTERS), i64::from(MAX_SHIFT_QUARTERS)), write_int).unit(UNIT_QUARTERS)
                        testid="lever-extend"
                        current=Signal::derive(move || i64::from(edit.get().extend_quarters.unwrap_or(0)))
                        commit=move |value: i64| change(&|e| e.extend_quarters = (value != 0).then_some(i32::try_from(value).unwrap_or(0)))
                        narrow=true
                    />
                    <NumberField
                        spec=FieldSpec::new(l("預算", "Budget"), |text: &str| money_in(text, Money::ZERO, Money::from_whole_millions(MAX_INPUT_MILLIONS)), write_money).unit(UNIT_HKD_M)
                        testid="lever-budget"
                        current=Signal::derive(move || edit.get().budget.unwrap_or(paper_budget))
                        commit=move |value: Money| change(&|e| e.budget = (value != paper_budget).then_some(value))
                        narrow=true
                    />
                    <label class="field">
                        <span>{move || l("開支模式", "Spend profile").get(lang())}</span>
                        <select
                            data-testid="lever-profile"
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                let profile = Profile::from_key(&value);
                                change(&|e| e.profile = profile);
                            }
                        >
                            <option value="" selected=move || edit.get().profile.is_none()>
                                {move || l("跟隨整體設定", "As for all projects").get(lang())}
                            </option>
                            {[Profile::Calibrated, Profile::Even, Profile::FrontLoaded, Profile::BackLoaded, Profile::SCurve]
                                .into_iter()
                                .map(|profile| view! {
                                    <option value=profile.key() selected=move || edit.get().profile == Some(profile)>
                                        {move || profile_label(profile).get(lang())}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </label>
                    <button type="button" data-testid="lever-reset" on:click=move |_| whatif.set_project_edit(id, Edit::default())>
                        {move || l("還原此項目", "Reset this project").get(lang())}
                    </button>
                    <button
                        type="button"
                        data-testid="lever-close"
                        on:click=move |_| {
                            selected.set(None);
                            // The panel goes, and the focused Close button with it: focus
                            // returns to the row's Edit button the panel was opened from.
                            focus_after_render(by_test_id(&format!("edit-project-{id}")));
                        }
                    >
                        {move || l("關閉", "Close").get(lang())}
                    </button>
                </div>
                <table class="data compact lever-effect" data-testid="lever-effect">
                    <thead>
                        <tr>
                            <th scope="col"></th>
                            <th scope="col" class="num">{move || l("文件", "Paper").get(lang())}</th>
                            <th scope="col" class="num">{move || l("情景", "Scenario").get(lang())}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">{move || l("此項目 2018-19 現金", "This project's 2018-19 cash").get(lang())}</th>
                            <td class="num">{base.as_ref().map(|b| millions(b.budget_year))}</td>
                            <td class="num" data-testid="lever-project-2018-19">{move || outcome.get().map(|o| millions(o.budget_year))}</td>
                        </tr>
                        <tr>
                            <th scope="row">{move || l("此項目開展 → 完成", "This project's start → completion").get(lang())}</th>
                            <td class="num">{base.as_ref().map(|b| format!("{} → {}", b.start.label(), b.completion.label()))}</td>
                            <td class="num" data-testid="lever-schedule">{move || outcome.get().map(|o| format!("{} → {}", o.start.label(), o.completion.label()))}</td>
                        </tr>
                        <tr>
                            <th scope="row">{move || l("新項目 2018-19 現金", "New projects' 2018-19 cash").get(lang())}</th>
                            <td class="num">{base_totals.map(|t| millions(t.new))}</td>
                            <td class="num" data-testid="lever-new-2018-19">{move || totals.get().map(|t| millions(t.new))}</td>
                        </tr>
                        <tr>
                            <th scope="row">{move || l("2018-19 現金需求總額", "Total 2018-19 cash need").get(lang())}</th>
                            <td class="num">{base_totals.map(|t| millions(t.total))}</td>
                            <td class="num" data-testid="lever-total-2018-19">{move || totals.get().map(|t| millions(t.total))}</td>
                        </tr>
                    </tbody>
                </table>
                {move || whatif.error.get().map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}
            </section>
        })
    }
}
