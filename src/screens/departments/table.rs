//! The departments table: sortable headings (click or keyboard, with `aria-sort`),
//! keyed rows that open to list their projects, and the total row with its marks.

use crate::address::set_params;
use crate::components::each::each_key;
use crate::components::marks::ProvenanceMark;
use crate::components::sentence::MarkedText;
use crate::components::words::Words;
use crate::state::use_app_state;
use blockvote_model::order::SortedSet;
use blockvote_present::route::View;
use blockvote_present::screens::departments::{
    unlisted_note, DepartmentColumn, DepartmentRow, DepartmentsTable as Table, CAPTION, OPEN_IN_PROJECTS,
    PROJECT_BUDGET, PROJECT_COMPLETION, PROJECT_NAME, PROJECT_NO, PROJECT_START, SORT_KEYS,
};
use blockvote_present::screens::sentence::Marked;
use blockvote_present::screens::sorting::{Column, Sort};
use leptos::prelude::*;

#[component]
fn SortHeading(key: DepartmentColumn, sort: Memo<Sort<DepartmentColumn>>) -> impl IntoView {
    let state = use_app_state();
    let class = if key.numeric() { "num" } else { "" };
    // The heading carries the column's name as data-label too: print shows it from
    // there, as Chromium's repeated heading rows leave a button's words out.
    view! {
        <th
            scope="col"
            class=class
            aria-sort=move || sort.get().aria(key)
            data-sort-key=key.key()
            data-label=move || key.label().get(state.lang.get())
        >
            <button
                type="button"
                class="sort"
                data-testid=format!("dsort-{}", key.key())
                on:click=move |_| {
                    set_params(state, View::Departments, &sort.get_untracked().pressed(key, SORT_KEYS))
                }
            >
                <span>{move || key.label().get(state.lang.get())}</span>
                <span class="sort-arrow" aria-hidden="true">
                    {move || sort.get().arrow(key)}
                </span>
            </button>
            {key.heading_mark().map(|provenance| view! { <ProvenanceMark provenance=provenance /> })}
        </th>
    }
}

fn department_row(row: DepartmentRow, expanded: RwSignal<SortedSet<u16>>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let order = row.order;
    let is_open = move || expanded.with(|e| e.contains(&order));
    let toggle = move |_| {
        expanded.update(|e| {
            if !e.remove(&order) {
                e.insert(order);
            }
        })
    };
    let list_id = format!("department-{order}-projects");
    let (list, link, unlisted) = (row.list, row.link, row.unlisted);
    let detail = move || {
        is_open().then(|| {
            let items = list
                .iter()
                .cloned()
                .map(|p| {
                    view! {
                        <tr data-testid=format!("department-project-{}", p.id)>
                            <td class="num">{p.id}</td>
                            <td>{p.name}</td>
                            <td class="num">{p.budget}</td>
                            <td class="quarter">{p.start}</td>
                            <td class="quarter">{p.completion}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tr class="department-projects" id=list_id.clone()>
                    <td colspan="5">
                        <table class="data compact nested">
                            <thead>
                                <tr>
                                    <th scope="col" class="num">
                                        <Words label=PROJECT_NO />
                                    </th>
                                    <th scope="col">
                                        <Words label=PROJECT_NAME />
                                    </th>
                                    <th scope="col" class="num">
                                        <Words label=PROJECT_BUDGET />
                                    </th>
                                    <th scope="col">
                                        <Words label=PROJECT_START />
                                    </th>
                                    <th scope="col">
                                        <Words label=PROJECT_COMPLETION />
                                    </th>
                                </tr>
                            </thead>
                            <tbody>{items}</tbody>
                        </table>
                        {move || {
                            unlisted_note(unlisted, lang())
                                .map(|note| {
                                    view! {
                                        <p class="note" data-testid="department-unlisted">
                                            {note}
                                        </p>
                                    }
                                })
                        }}
                        <p class="table-link">
                            <a href=link.clone()>
                                <Words label=OPEN_IN_PROJECTS />
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
                    <span class="disclosure-mark" aria-hidden="true">
                        {move || if is_open() { "▾" } else { "▸" }}
                    </span>
                    {row.name}
                </button>
            </th>
            <td class="num" data-testid="department-count">
                {row.projects.text(lang())}
            </td>
            <td class="num" data-testid="department-total">
                {row.budget.text(lang())}
            </td>
            <td class="num" data-testid="department-share">
                {row.share.text(lang())}
            </td>
        </tr>
        {detail}
    }
}

#[component]
pub fn DepartmentsTable(
    table: Memo<Table>,
    sort: Memo<Sort<DepartmentColumn>>,
    expanded: RwSignal<SortedSet<u16>>,
) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let total = move |pick: fn(&Table) -> Option<blockvote_present::provenance::Figure>, testid: &'static str| {
        move || {
            table.with(pick).map(|figure| view! { <MarkedText marked=Marked::figure(&figure, lang()) testid=testid /> })
        }
    };
    view! {
        <div class="table-wide departments-scroll" tabindex="0">
            <table class="data departments-table" data-testid="departments-table">
                <caption class="visually-hidden">
                    <Words label=CAPTION />
                </caption>
                <thead>
                    <tr>
                        {DepartmentColumn::ALL
                            .iter()
                            .map(|key| view! { <SortHeading key=*key sort=sort /> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {each_key(
                        move || table.with(|t| t.rows.clone()),
                        move |row| department_row(row, expanded).into_any(),
                    )}
                </tbody>
                <tfoot>
                    <tr data-testid="departments-total">
                        <td></td>
                        <th scope="row">{move || table.with(|t| t.total_label.clone())}</th>
                        <td class="num">{total(|t| Some(t.total_projects.clone()), "departments-total-count")}</td>
                        <td class="num">{total(|t| t.total_budget.clone(), "departments-total-budget")}</td>
                        <td class="num">{total(|t| Some(t.total_share.clone()), "departments-total-share")}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
