//! Annex C by department: one row per bureau or department in the paper's order, with
//! its number of new projects, their total budget and its share of the total, each
//! row opening to list its projects. The grand total is the exact sum of the rows.

use crate::screens::projects::total_budget;
use crate::state::use_app_state;
use blockvote_model::money::round_parts_to_total;
use blockvote_model::{Dataset, Money};
use blockvote_present::format::quarter_text;
use blockvote_present::format::{millions, percent};
use blockvote_present::lang::{l, Lang};
use blockvote_present::route::{fragment_for, View};
use blockvote_present::words::{department_name, project_name};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// One department's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartmentSummary {
    /// Index into `Dataset::departments`.
    pub index: usize,
    pub order: u16,
    /// Indices of its projects, in id order.
    pub projects: Vec<usize>,
    pub total: Money,
    /// Share of the grand total in per cent, rounded to one decimal so that the
    /// shares shown add up to the 100.0% shown.
    pub share_shown: Decimal,
}

/// The departments in the paper's order with their projects, totals and shares, and
/// the grand total (`None` only on an overflow real data cannot reach).
pub fn summarise(data: &Dataset) -> (Vec<DepartmentSummary>, Option<Money>) {
    let mut rows: Vec<DepartmentSummary> = data
        .departments
        .iter()
        .enumerate()
        .map(|(index, d)| {
            let projects: Vec<usize> =
                data.projects.iter().enumerate().filter(|(_, p)| p.department == index).map(|(i, _)| i).collect();
            let total = total_budget(data, &projects).unwrap_or(Money::ZERO);
            DepartmentSummary { index, order: d.order, projects, total, share_shown: Decimal::ZERO }
        })
        .collect();
    rows.sort_by_key(|r| r.order);
    let grand = Money::checked_sum(rows.iter().map(|r| r.total)).ok();
    if let Some(grand) = grand.filter(|g| !g.is_zero()) {
        // Shares are percentages, not money, but the largest-remainder rule that keeps
        // money parts adding up to their total is unit-free, so it is reused here.
        let exact: Vec<Money> = rows
            .iter()
            .map(|r| {
                r.total
                    .ratio(grand)
                    .ok()
                    .and_then(|s| s.checked_mul(Decimal::ONE_HUNDRED))
                    .map(Money::from_millions)
                    .unwrap_or(Money::ZERO)
            })
            .collect();
        for (row, share) in rows.iter_mut().zip(round_parts_to_total(&exact, 1)) {
            row.share_shown = share.millions();
        }
    }
    (rows, grand)
}

#[component]
pub fn Departments() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let (rows, grand) = summarise(&data);
    let grand_count: usize = rows.iter().map(|r| r.projects.len()).sum();
    let share_sum = rows.iter().map(|r| r.share_shown).sum::<Decimal>();
    let department_count = rows.len();
    let expanded = RwSignal::new(BTreeSet::<u16>::new());
    let all_orders: BTreeSet<u16> = rows.iter().map(|r| r.order).collect();

    let body = rows
        .into_iter()
        .map(|row| {
            let data = data.clone();
            let order = row.order;
            let is_open = move || expanded.with(|e| e.contains(&order));
            let toggle = move |_| {
                expanded.update(|e| {
                    if !e.remove(&order) {
                        e.insert(order);
                    }
                })
            };
            let name_data = data.clone();
            let index = row.index;
            let count = row.projects.len();
            let projects = row.projects.clone();
            let list_id = format!("department-{order}-projects");
            let detail = move || {
                is_open().then(|| {
                    let items = projects
                        .iter()
                        .filter_map(|i| data.projects.get(*i))
                        .map(|p| {
                            let p = p.clone();
                            let name = p.clone();
                            view! {
                                <tr data-testid=format!("department-project-{}", p.id)>
                                    <td class="num">{p.id}</td>
                                    <td>{move || project_name(&name, lang())}</td>
                                    <td class="num">{millions(p.budget)}</td>
                                    <td class="quarter">{move || quarter_text(p.start, lang())}</td>
                                    <td class="quarter">{move || quarter_text(p.completion, lang())}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr class="department-projects" id=list_id.clone()>
                            <td></td>
                            <td colspan="4">
                                <table class="data compact nested">
                                    <thead>
                                        <tr>
                                            <th scope="col" class="num">{move || l("編號", "No.").get(lang())}</th>
                                            <th scope="col">
                                                {move || l("項目名稱", "Project name (unofficial translation)").get(lang())}
                                            </th>
                                            <th scope="col" class="num">{move || l("預算（百萬元）", "Budget (HK$M)").get(lang())}</th>
                                            <th scope="col">{move || l("預計開展", "Start").get(lang())}</th>
                                            <th scope="col">{move || l("預計完成", "Completion").get(lang())}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{items}</tbody>
                                </table>
                                <p class="table-link">
                                    <a href=move || {
                                        fragment_for(View::Projects, lang(), &[("dept".to_string(), order.to_string())])
                                    }>
                                        {move || l("在項目表中查看及排序", "Open in the projects table to sort and filter").get(lang())}
                                    </a>
                                </p>
                            </td>
                        </tr>
                    }
                })
            };
            view! {
                <tr data-testid=format!("department-row-{order}") class="department-row">
                    <td class="num">{order}</td>
                    <th scope="row">
                        <button
                            type="button"
                            class="disclosure"
                            aria-expanded=move || is_open().to_string()
                            aria-controls=format!("department-{order}-projects")
                            data-testid=format!("department-toggle-{order}")
                            on:click=toggle
                        >
                            <span class="disclosure-mark" aria-hidden="true">{move || if is_open() { "▾" } else { "▸" }}</span>
                            {move || department_name(&name_data, index, lang())}
                        </button>
                    </th>
                    <td class="num" data-testid="department-count">{count}</td>
                    <td class="num" data-testid="department-total">{millions(row.total)}</td>
                    <td class="num">{percent(row.share_shown)}</td>
                </tr>
                {detail}
            }
        })
        .collect_view();

    let grand_text = grand.map(millions).unwrap_or_else(|| "—".to_string());
    let headline = {
        let grand_text = grand_text.clone();
        move || match lang() {
            Lang::Zh => {
                format!("{department_count} 個局／部門，{grand_count} 個新項目，預算合計 {grand_text} 百萬元。")
            }
            Lang::En => format!(
                "{department_count} bureaux and departments, {grand_count} new projects, total budget HK${grand_text}M."
            ),
        }
    };

    view! {
        <section class="screen departments" aria-labelledby="departments-heading">
            <h2 id="departments-heading">{move || l("按局／部門劃分的新項目", "New projects by bureau and department").get(lang())}</h2>
            <p class="headline" data-testid="departments-headline">{headline}</p>
            <p class="note">
                {move || {
                    l(
                        "按文件附件 C 的次序排列。按部門名稱可列出其項目。百分比為佔新項目預算總額的比例，已調整使各項相加等於 100.0%。",
                        "In the order of Annex C. Press a department's name to list its projects. Shares are of the total budget of the new projects, rounded so that the shares shown add up to 100.0%.",
                    )
                        .get(lang())
                }}
            </p>
            <div class="table-actions">
                <button type="button" data-testid="expand-all" on:click=move |_| expanded.set(all_orders.clone())>
                    {move || l("全部展開", "Expand all").get(lang())}
                </button>
                <button type="button" data-testid="collapse-all" on:click=move |_| expanded.set(BTreeSet::new())>
                    {move || l("全部收起", "Collapse all").get(lang())}
                </button>
            </div>
            <div class="table-wide">
                <table class="data departments-table" data-testid="departments-table">
                    <caption class="visually-hidden">
                        {move || l("各局／部門的新項目數目及預算", "Number and budget of new projects by department").get(lang())}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col" class="num">{move || l("次序", "No.").get(lang())}</th>
                            <th scope="col">{move || l("局／部門", "Bureau or department").get(lang())}</th>
                            <th scope="col" class="num">{move || l("項目數目", "Projects").get(lang())}</th>
                            <th scope="col" class="num">{move || l("預算（百萬元）", "Budget (HK$M)").get(lang())}</th>
                            <th scope="col" class="num">{move || l("佔總額", "Share").get(lang())}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                    <tfoot>
                        <tr data-testid="departments-total">
                            <td></td>
                            <th scope="row">
                                {move || l("總計", "Total").get(lang())} " · "
                                {move || {
                                    match lang() {
                                        Lang::Zh => format!("{department_count} 個局／部門"),
                                        Lang::En => format!("{department_count} departments"),
                                    }
                                }}
                            </th>
                            <td class="num" data-testid="departments-total-count">{grand_count}</td>
                            <td class="num" data-testid="departments-total-budget">{grand_text}</td>
                            <td class="num">{percent(share_sum)}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_add_up_to_the_total_and_shares_to_100() {
        let data = Dataset::paper().expect("the paper's data loads");
        let (rows, grand) = summarise(&data);
        assert_eq!(rows.len(), 66);
        assert_eq!(rows.iter().map(|r| r.projects.len()).sum::<usize>(), 254);
        assert_eq!(grand.map(millions).as_deref(), Some("1,527.7"));
        assert_eq!(rows.iter().map(|r| r.share_shown).sum::<Decimal>(), Decimal::ONE_HUNDRED);
        assert!(rows.windows(2).all(|w| w[0].order < w[1].order));
        assert!(summarise(&Dataset::empty()).0.is_empty());
    }
}
