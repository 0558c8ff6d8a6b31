//! The data table: the form, then the table of the chosen figure over the two chosen
//! levers, filled in slices (`crate::tasks`) as it is computed, with its heat scale,
//! the scenario's own cell outlined, refused cells explained, and its CSV download.
//! A new choice (or a new scenario) supersedes the table being computed.

use super::data_table_form::DataTableForm;
use super::engine_of;
use super::memory::use_risk_memory;
use crate::components::download_button::{DownloadButton, DownloadFile};
use crate::components::effect::effect;
use crate::components::marks::{FigureText, ProvenanceMark};
use crate::components::memo::memo;
use crate::components::sentence::MarkedSentence;
use crate::components::table_scroll::TableScroll;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::tasks::{ChunkedWork, Pace, Task, TaskSlot};
use crate::whatif::use_whatif;
use blockvote_model::engine::{DataTable, DataTableSpec};
use blockvote_present::format::decimals;
use blockvote_present::provenance::{Basis, Provenance};
use blockvote_present::screens::risk::data_table::{
    csv, para5_cell_note, progress_text, table_scenario, table_view, Cell, DataTableWork, Heading, TableView,
    EXPLANATION, EXPORT, EXPORT_FAILED, FILE, HEADING, LEGEND, MARKED, NOT_MARKED, REFUSED_HEADING,
};
use blockvote_present::screens::scenarios::files::{spreadsheet_text, CSV_TYPE};
use leptos::prelude::*;

/// Cells per slice: each is a projection of a millisecond or more, so one at first.
const PACE: Pace = Pace { first: 1, min: 1, max: 24 };

impl ChunkedWork for DataTableWork {
    type Output = DataTable;

    fn step(&mut self, units: u32) -> u32 {
        self.compute(units)
    }

    fn progress(&self) -> (u32, u32) {
        DataTableWork::progress(self)
    }

    fn finish(&mut self) -> DataTable {
        self.table().clone()
    }
}

#[component]
pub fn DataTablePanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let data = state.data();
    let note_data = data.clone();
    // The paper's data always has para 5's rate; imported projects keep the paper's
    // facts, so the empty sentence is never shown.
    let para5_note = Signal::derive(move || para5_cell_note(&note_data, lang()).unwrap_or_default());

    let memory = use_risk_memory();
    let form = memory.data_table;
    let made = memory.data_table_made;
    let errors = memo(move |_| form.with(|f| f.spec().err().map(|errors| *errors).unwrap_or_default()));
    // The table the form asks for; while the form is refused, the last one it made,
    // which the risk memory keeps, so that a form left refused on another visit still
    // shows the table it last made rather than none.
    let spec: Memo<Option<DataTableSpec>> = memo(move |_| match form.with(|f| f.spec().ok()) {
        Some(spec) => {
            made.set_value(Some(spec.clone()));
            Some(spec)
        }
        None => made.get_value(),
    });
    // The scenario the cells start from (a table setting all of slippage leaves out
    // the member's slippage lever, so that lever alone does not recompute it).
    let base = memo(move |_| {
        spec.with(|spec| spec.as_ref().map(|spec| whatif.projected_scenario.with(|s| table_scenario(spec, s))))
    });
    let marked = memo(move |_| {
        let engine = engine_of(&whatif)?;
        spec.with(|spec| whatif.projected_scenario.with(|s| spec.as_ref()?.scenario_cell(&engine, s)))
    });

    let table: RwSignal<Option<DataTable>> = RwSignal::new(None);
    // The scenario the table on screen was computed from, set with it: its figures'
    // provenance follows the table shown, not `base`, which a lever moves before the new
    // table's first cell is ready.
    let computed_from: RwSignal<Option<blockvote_model::engine::Scenario>> = RwSignal::new(None);
    let progress = RwSignal::new((0_u32, 0_u32));
    let busy_ms: RwSignal<Option<f64>> = RwSignal::new(None);
    let slot = TaskSlot::new();
    effect(move |_| {
        let (Some(spec), Some(scenario)) = (spec.get(), base.get()) else { return };
        let Some(engine) = engine_of(&whatif) else { return };
        busy_ms.set(None);
        computed_from.set(Some(scenario.clone()));
        let work = DataTableWork::new(engine, scenario, spec);
        progress.set(work.progress());
        table.set(Some(work.table().clone()));
        Task::new(work, PACE)
            .on_slice(move |work, report| {
                table.try_set(Some(work.table().clone()));
                progress.try_set((report.done, report.total));
            })
            .on_finish(move |done, report| {
                table.try_set(Some(done));
                busy_ms.try_set(Some(report.busy_ms));
            })
            .start(slot);
    });

    let shown: Memo<Option<TableView>> = memo(move |_| {
        computed_from.with(|base| {
            let base = base.as_ref()?;
            table.with(|t| t.as_ref().map(|t| table_view(&data, t, base, marked.get(), lang())))
        })
    });
    let computing = memo(move |_| busy_ms.with(Option::is_none));
    let caption = Signal::derive(move || shown.with(|v| v.as_ref().map(|v| v.caption.clone()).unwrap_or_default()));
    // Before the table has its first figures the caption is empty and its mark, the
    // model's, stands for no figure yet.
    let table_provenance = memo(move |_| {
        shown.with(|v| v.as_ref().map(|v| v.provenance.clone()).unwrap_or(Provenance::Model(Basis::TwoLeverTable)))
    });

    let file = move || {
        shown.with_untracked(|v| {
            v.as_ref().map(|v| DownloadFile { name: FILE, mime: CSV_TYPE, text: spreadsheet_text(&csv(v, lang())) })
        })
    };

    view! {
        <div
            class="data-table-panel"
            data-testid="data-table"
            data-table-ms=move || busy_ms.get().map(|ms| decimals(ms, 1))
        >
            <h4>
                <Words label=HEADING />
            </h4>
            <p class="note explain">
                <Words label=EXPLANATION />
            </p>
            <DataTableForm form=form errors=errors />
            <p class="data-table-progress" data-testid="data-table-progress" aria-live="polite">
                {move || {
                    computing
                        .get()
                        .then(|| {
                            let (done, total) = progress.get();
                            let text = progress_text(done, total, lang());
                            view! {
                                <progress max=total value=done aria-label=text.clone()></progress>
                                " "
                                {text}
                            }
                        })
                }}
            </p>
            <TableScroll label=caption>
                <table class="data data-table" data-testid="sens-table" aria-busy=move || computing.get().to_string()>
                    <caption>{caption} <ProvenanceMark provenance=table_provenance /></caption>
                    <Grid shown=shown />
                </table>
            </TableScroll>
            <Legend shown=shown />
            <p class="note" id="data-table-marked-note" data-testid="data-table-marked-note">
                {move || {
                    let marked = shown.with(|v| v.as_ref().is_some_and(|v| v.marked.is_some()));
                    if marked { MARKED.get(lang()) } else { NOT_MARKED.get(lang()) }
                }}
                {move || {
                    shown
                        .with(|v| v.as_ref().is_some_and(|v| v.has_para5_cell))
                        .then(|| {
                            // Chinese runs one sentence on from the last without a space.
                            view! {
                                {lang().pick("", " ")}
                                <MarkedSentence sentence=para5_note />
                            }
                        })
                }}
            </p>
            <Refusals shown=shown />
            <DownloadButton
                testid="data-table-export"
                label=EXPORT
                refused=EXPORT_FAILED
                file=file
                class="actions"
                disabled=computing
            />
        </div>
    }
}

/// The headings and cells. The table's shape (its headings) is drawn anew when it
/// changes; each cell follows its own memo, so a slice rewrites only the cells it
/// computed (and those whose shade moved).
#[component]
fn Grid(shown: Memo<Option<TableView>>) -> impl IntoView {
    let shape = memo(move |_| {
        shown.with(|v| v.as_ref().map(|v| (v.corner.clone(), v.columns.clone(), v.rows.clone())).unwrap_or_default())
    });
    let head = move || {
        let (corner, columns, _) = shape.get();
        view! {
            <tr>
                <th scope="col">{corner}</th>
                {columns
                    .into_iter()
                    .map(|heading| {
                        view! {
                            <th scope="col" class="num">
                                {heading_label(heading)}
                            </th>
                        }
                    })
                    .collect_view()}
            </tr>
        }
    };
    let body = move || {
        let (_, columns, rows) = shape.get();
        let width = columns.len();
        rows.into_iter()
            .enumerate()
            .map(|(row, heading)| {
                let label = heading_label(heading);
                let cells =
                    (0..width).map(|column| view! { <GridCell shown=shown row=row column=column /> }).collect_view();
                let para5 = move || {
                    shown.with(|v| v.as_ref().is_some_and(|v| v.rows.get(row).is_some_and(|h| h.cited.is_some())))
                };
                view! {
                    <tr class:para5-row=para5>
                        <th scope="row" class="num">
                            {label}
                        </th>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <thead>{head}</thead>
        <tbody>{body}</tbody>
    }
}

/// A row's or column's heading: with its mark when the paper prints it (para 5's
/// 67.1%), as its words otherwise.
fn heading_label(heading: Heading) -> AnyView {
    match heading.cited {
        Some(figure) => view! { <FigureText figure=figure /> }.into_any(),
        None => heading.text.into_any(),
    }
}

#[component]
fn GridCell(shown: Memo<Option<TableView>>, row: usize, column: usize) -> impl IntoView {
    let cell: Memo<Option<Cell>> =
        memo(move |_| shown.with(|v| v.as_ref().and_then(|v| v.cells.get(row)?.get(column).cloned())));
    // One class string (number, shade, para 5's cell, the scenario's cell), so that no
    // toggle is overwritten when the shade changes.
    let class = move || {
        cell.with(|c| {
            let Some(c) = c else { return "num heat".to_string() };
            let mut class = "num heat".to_string();
            if let Some(bucket) = c.bucket {
                class.push_str(&format!(" heat-{bucket}"));
            }
            if c.para5 {
                class.push_str(" para5-cell");
            }
            if c.marked {
                class.push_str(" marked-cell");
            }
            class
        })
    };
    let marked = move || cell.with(|c| c.as_ref().is_some_and(|c| c.marked));
    view! {
        <td
            class=class
            aria-current=move || marked().then_some("true")
            aria-describedby=move || marked().then_some("data-table-marked-note")
            title=move || cell.with(|c| c.as_ref().and_then(|c| c.refusal.as_ref().map(|r| r.1.clone())))
            data-testid=format!("data-table-cell-{row}-{column}")
        >
            {move || cell.with(|c| c.as_ref().map(|c| c.text.clone()).unwrap_or_default())}
            {move || {
                cell.with(|c| c.as_ref().and_then(|c| c.refusal.as_ref().map(|r| r.0)))
                    .map(|number| view! { <sup class="refusal-note">{number}</sup> })
            }}
        </td>
    }
}

/// The shades and the figures each covers.
#[component]
fn Legend(shown: Memo<Option<TableView>>) -> impl IntoView {
    let entries = memo(move |_| shown.with(|v| v.as_ref().map(|v| v.legend.clone()).unwrap_or_default()));
    view! {
        <div class="heat-legend" data-testid="data-table-legend">
            <span class="heat-legend-title">
                <Words label=LEGEND />
            </span>
            <ul>
                {move || {
                    entries
                        .get()
                        .into_iter()
                        .map(|entry| {
                            view! {
                                <li>
                                    <span class=format!("heat-swatch heat-{}", entry.bucket) aria-hidden="true"></span>
                                    {entry.text}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// The numbered reasons of the refused cells, if any.
#[component]
fn Refusals(shown: Memo<Option<TableView>>) -> impl IntoView {
    let reasons = memo(move |_| shown.with(|v| v.as_ref().map(|v| v.refusals.clone()).unwrap_or_default()));
    move || {
        let reasons = reasons.get();
        (!reasons.is_empty()).then(|| {
            view! {
                <div class="data-table-refusals" data-testid="data-table-refusals">
                    <p>
                        <Words label=REFUSED_HEADING />
                    </p>
                    <ol>{reasons.into_iter().map(|reason| view! { <li>{reason}</li> }).collect_view()}</ol>
                </div>
            }
        })
    }
}
