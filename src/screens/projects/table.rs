//! The projects table: sortable column headings (the paper's columns cited once in
//! their heading), the keyed rows — each drawn once per language, its figures
//! rewritten in place when its own change — with the scenario's figures beside the
//! paper's, the department headings when grouped, and the total of the rows shown.

use crate::address::set_params;
use crate::components::each::each_item;
use crate::components::effect::effect;
use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use blockvote_model::order::SortedMap;
use blockvote_present::provenance::Provenance;
use blockvote_present::route::View;
use blockvote_present::screens::projects::table::{
    heading_explanation, rows_not_drawn, show_more_rows, text_or_dash, total_heading, GroupHeading, Line, ProjectRow,
    RowCell, Sort, SortKey, TableBody, ROWS_PER_STEP, SORT_KEYS,
};
use blockvote_present::screens::projects::{CAPTION, LEVERS_COLUMN, NO_ROWS, SCROLLABLE};
use blockvote_present::screens::sorting::Column;
use blockvote_present::words::UNOFFICIAL_TRANSLATION;
use leptos::prelude::*;
use std::sync::Arc;

/// Columns before the budget, and after it, in a row.
const COLUMNS_BEFORE_BUDGET: usize = 4;
const COLUMNS_AFTER_BUDGET: usize = 4;

#[component]
fn SortHeading(key: SortKey, sort: Memo<Sort>) -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let class = if key.numeric() { "num" } else { "" };
    let mark = key.heading_mark(&data);
    // The heading carries the column's name as data-label too: print shows it from
    // there, as Chromium's repeated heading rows leave a button's words out.
    view! {
        <th
            scope="col"
            class=class
            aria-sort=move || sort.get().aria(key)
            data-sort-key=key.key()
            data-label=move || key.label().get(lang())
        >
            <button
                type="button"
                class="sort"
                data-testid=format!("sort-{}", key.key())
                on:click=move |_| set_params(state, View::Projects, &sort.get_untracked().pressed(key, SORT_KEYS))
            >
                <span>{move || key.label().get(lang())}</span>
                {move || {
                    key.translated(lang())
                        .then(|| {
                            view! {
                                <span class="unofficial-mark" title=UNOFFICIAL_TRANSLATION.en>
                                    "†"
                                </span>
                            }
                        })
                }}
                <span class="sort-arrow" aria-hidden="true">
                    {move || sort.get().arrow(key)}
                </span>
            </button>
            {mark.map(|provenance| view! { <ProvenanceMark provenance=provenance explain=heading_explanation /> })}
        </th>
    }
}

/// The rows on screen, by project number: the row each was last given, and the
/// signals its figures follow.
type DrawnRows = StoredValue<SortedMap<u16, (Arc<ProjectRow>, LiveRow)>>;

/// What a drawn row follows: each cell and badge its own signal, which the table sets
/// only when its value changes. So a new budget rewrites the budget's text node alone:
/// the other cells, the marks and the badges are neither rerun nor rebuilt (rebuilding
/// an element writes every attribute of it again).
#[derive(Clone, Copy, PartialEq)]
struct LiveRow {
    budget: LiveCell,
    start: LiveCell,
    completion: LiveCell,
    duration: LiveCell,
    changed: RwSignal<bool>,
    excluded: RwSignal<bool>,
}

impl LiveRow {
    fn new(row: &ProjectRow) -> LiveRow {
        LiveRow {
            budget: LiveCell::new(&row.budget),
            start: LiveCell::new(&row.start),
            completion: LiveCell::new(&row.completion),
            duration: LiveCell::new(&row.duration),
            changed: RwSignal::new(row.changed),
            excluded: RwSignal::new(row.excluded),
        }
    }

    fn show(&self, row: &ProjectRow) {
        self.budget.show(&row.budget);
        self.start.show(&row.start);
        self.completion.show(&row.completion);
        self.duration.show(&row.duration);
        set_if_changed(self.changed, &row.changed);
        set_if_changed(self.excluded, &row.excluded);
    }
}

/// A drawn cell: its figure, and what is beside it (the paper's figure and the
/// scenario's mark), apart, so that a new figure beside the same paper's figure and
/// mark rewrites only the figure.
#[derive(Clone, Copy, PartialEq)]
struct LiveCell {
    text: RwSignal<String>,
    beside: RwSignal<(Option<String>, Option<Provenance>)>,
}

impl LiveCell {
    fn new(cell: &RowCell) -> LiveCell {
        LiveCell { text: RwSignal::new(cell.text.clone()), beside: RwSignal::new(beside(cell)) }
    }

    fn show(&self, cell: &RowCell) {
        set_if_changed(self.text, &cell.text);
        set_if_changed(self.beside, &beside(cell));
    }
}

fn beside(cell: &RowCell) -> (Option<String>, Option<Provenance>) {
    (cell.paper.clone(), cell.mark.clone())
}

/// Sets `signal` to `value` unless it holds it already: setting wakes every view that
/// reads the signal, equal or not.
fn set_if_changed<T: PartialEq + Clone + Send + Sync + 'static>(signal: RwSignal<T>, value: &T) {
    if signal.try_with_untracked(|shown| shown != value) == Some(true) {
        signal.set(value.clone());
    }
}

/// A cell's figure, with the paper's beside it and the scenario's mark when they differ.
fn live_cell(cell: LiveCell) -> impl IntoView {
    view! {
        <span class="cell-figure">{move || cell.text.get()}</span>
        {move || {
            cell.beside
                .get()
                .0
                .map(|paper| {
                    view! {
                        " "
                        <span class="paper-beside">{paper}</span>
                    }
                })
        }}
        {move || { cell.beside.get().1.map(|provenance| view! { <ProvenanceMark provenance=provenance /> }) }}
    }
}

/// A project's row. Its words are drawn once, from `row` (the row's key holds the
/// project and the language, so they cannot change while it is on screen); its figures,
/// marks and badges follow `live`.
fn project_row(row: &ProjectRow, live: LiveRow, editing: RwSignal<Option<u16>>) -> AnyView {
    let id = row.id;
    let theme = row.theme.provenance().clone();
    let changed_text = row.changed_text.clone();
    let changed_profile = row.changed_profile.clone();
    let excluded_text = row.excluded_text.clone();
    view! {
        <tr
            data-testid=format!("project-row-{id}")
            data-budget=row.paper_budget.clone()
            class:changed=live.changed
            class:excluded=live.excluded
        >
            <td class="num">{id}</td>
            <td class="dept">{row.department.clone()}</td>
            <td class="name">{row.name.clone()}</td>
            <td class="theme" title=row.theme_rule.clone()>
                <span>{row.theme_text.clone()}</span>
                <ProvenanceMark provenance=theme />
            </td>
            <td class="num budget">{live_cell(live.budget)}</td>
            <td class="quarter" data-testid=format!("start-{id}")>
                {live_cell(live.start)}
            </td>
            <td class="quarter" data-testid=format!("completion-{id}")>
                {live_cell(live.completion)}
            </td>
            <td class="num">{live_cell(live.duration)}</td>
            <td class="levers">
                <button
                    type="button"
                    class="small"
                    data-testid=format!("edit-project-{id}")
                    aria-label=row.edit_label.clone()
                    on:click=move |_| {
                        editing.set(Some(id));
                        focus_after_render(by_test_id("lever-exclude"));
                    }
                >
                    {row.edit.clone()}
                </button>
                {move || {
                    live.changed
                        .get()
                        .then(|| {
                            view! {
                                <span class="changed-mark" data-testid=format!("changed-{id}")>
                                    {changed_text.clone()}
                                    {changed_profile
                                        .clone()
                                        .map(|profile| view! { <span class="changed-why">{profile}</span> })}
                                </span>
                            }
                        })
                }}
                {move || {
                    live.excluded
                        .get()
                        .then(|| view! { <span class="changed-mark excluded-mark">{excluded_text.clone()}</span> })
                }}
            </td>
        </tr>
    }
    .into_any()
}

fn group_heading(heading: GroupHeading) -> AnyView {
    let mark = heading.subtotal_mark().cloned();
    view! {
        <tr class="group-heading" data-testid=format!("group-heading-{}", heading.order)>
            <th scope="colgroup" colspan=COLUMNS_BEFORE_BUDGET>
                {heading.name}
                <span class="group-count" data-testid="group-count">
                    " · "
                    {heading.count}
                </span>
            </th>
            <td class="num budget">
                <span class="cell-figure" data-testid="group-total">
                    {heading.subtotal_text}
                </span>
                {mark.map(|provenance| view! { <ProvenanceMark provenance=provenance /> })}
            </td>
            <td colspan=COLUMNS_AFTER_BUDGET></td>
        </tr>
    }
    .into_any()
}

#[component]
pub fn ProjectsTable(body: Memo<TableBody>, sort: Memo<Sort>, editing: RwSignal<Option<u16>>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let count = move || body.with(|b| b.count);
    // A new body reaches the rows already drawn through their signals: only a row whose
    // figures changed (a new `Arc`: `body` keeps the others) is compared, and only the
    // signals whose values changed are set.
    let drawn: DrawnRows = StoredValue::new(SortedMap::new());
    // The total's text and mark, each its own memo: a new total rewrites the text
    // alone, and the mark is drawn anew only when it changes (the paper's sum becoming
    // the scenario's).
    let total_text = memo(move |_| body.with(|b| text_or_dash(b.total.as_ref(), lang())));
    let total_mark = memo(move |_| body.with(|b| b.total_mark.clone()));
    // The total's mark is made once and then follows its provenance in place (the
    // model's becoming the scenario's), so its unchanged attributes are not written
    // again; the stand-in provenance is never shown, since no mark is drawn without one.
    let has_total_mark = memo(move |_| total_mark.with(Option::is_some));
    let total_provenance = Signal::derive(move || total_mark.get().unwrap_or(Provenance::Scenario));
    effect(move |_| {
        body.with(|b| {
            drawn.update_value(|drawn| {
                for line in &b.lines {
                    let Line::Row(row) = line else { continue };
                    let Some((shown, live)) = drawn.get_mut(&row.id) else { continue };
                    if !Arc::ptr_eq(shown, row) {
                        live.show(row);
                        *shown = Arc::clone(row);
                    }
                }
            })
        })
    });
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || SCROLLABLE.get(lang())>
            <table class="data projects-table" data-testid="projects-table">
                <caption class="visually-hidden">
                    <Words label=CAPTION />
                </caption>
                <thead>
                    <tr>
                        {SortKey::ALL.iter().map(|key| view! { <SortHeading key=*key sort=sort /> }).collect_view()}
                        <th scope="col">
                            <Words label=LEVERS_COLUMN />
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {each_item(
                        move || body.with(|b| b.lines.clone()),
                        Line::key,
                        move |line| match line {
                            Line::Row(row) => {
                                let id = row.id;
                                let live = LiveRow::new(&row);
                                drawn
                                    .update_value(|drawn| {
                                        drawn.insert(id, (Arc::clone(&row), live));
                                    });
                                on_cleanup(move || {
                                    drawn
                                        .try_update_value(|drawn| {
                                            if drawn.get(&id).is_some_and(|(_, drawn)| *drawn == live) {
                                                drawn.remove(&id);
                                            }
                                        });
                                });
                                project_row(&row, live, editing).into_any()
                            }
                            Line::Heading(heading) => group_heading(heading).into_any(),
                        },
                    )}
                </tbody>
                <tfoot>
                    <tr data-testid="projects-total">
                        <td></td>
                        <th scope="row" colspan=COLUMNS_BEFORE_BUDGET - 1>
                            {move || body.with(|b| total_heading(b, lang()))}
                        </th>
                        <td class="num budget">
                            <span class="cell-figure">{total_text}</span>
                            {move || {
                                has_total_mark.get().then(|| view! { <ProvenanceMark provenance=total_provenance /> })
                            }}
                        </td>
                        <td colspan=COLUMNS_AFTER_BUDGET></td>
                    </tr>
                </tfoot>
            </table>
            {move || {
                (count() == 0)
                    .then(|| {
                        view! {
                            <p class="empty" data-testid="no-rows">
                                {NO_ROWS.get(lang())}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// Under a table that draws only its first rows: which, and a button that draws more.
/// The paragraph stays while some rows are not drawn, so the button keeps the focus
/// from one press to the next.
#[component]
pub fn RowsNotDrawn(body: Memo<TableBody>, row_limit: RwSignal<usize>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let some_not_drawn = memo(move |_| body.with(|b| b.drawn < b.count));
    move || {
        some_not_drawn.get().then(|| {
            view! {
                <p class="rows-not-drawn" data-testid="rows-not-drawn">
                    <span>{move || body.with(|b| rows_not_drawn(b, lang())).unwrap_or_default()}</span>
                    " "
                    <button
                        type="button"
                        data-testid="show-more-rows"
                        on:click=move |_| row_limit.update(|limit| *limit = limit.saturating_add(ROWS_PER_STEP))
                    >
                        {move || body.with(|b| show_more_rows(b, lang()))}
                    </button>
                </p>
            }
        })
    }
}
