//! The quarter and year tables: `blockvote_present::cash`'s rows, one keyed row per
//! quarter or year, each cell following its own figure.

use crate::components::each::each_key;
use crate::components::marks::MarkedHeading;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::cash::{quarter_table, year_table, CashTable};
use blockvote_present::lang::Label;
use blockvote_present::screens::cashflow::{
    table_note, QUARTER_COLUMN, QUARTER_TABLE_HEADING, YEAR_COLUMN, YEAR_TABLE_HEADING,
};
use leptos::prelude::*;

/// The test id of a row's key: `2018-19 Q1` → `2018-19-Q1`.
fn row_id(key: &str) -> String {
    key.replace(' ', "-")
}

/// A cash table: the heading row, one keyed row per quarter or year, the total row.
#[component]
fn CashTableView(
    table: Memo<Option<CashTable>>,
    /// The first column's heading.
    first: Label,
    /// `quarter` or `year`: the rows' test ids are `{kind}-row-{key}`.
    kind: &'static str,
) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let keys = memo(move |_| {
        table.with(|t| t.as_ref().map(|t| t.rows.iter().map(|r| r.key.clone()).collect::<Vec<_>>()).unwrap_or_default())
    });
    // Each figure column's heading and mark: the mark is the provenance the column's
    // cells have (the model's until the member's levers change the column).
    let column = move |index: usize| {
        Signal::derive(move || table.with(|t| t.as_ref().and_then(|t| t.columns.get(index).cloned())))
    };
    let row = move |key: String, total: bool| {
        // One memo per row holds its cells' words. A cell follows its row alone, not the
        // whole table and the language: every effect that runs again leaves and rejoins
        // the subscriber lists of what it read, at a cost that grows with their length,
        // so a change of the table paid for all its cells in each of them.
        let cells = memo({
            let key = key.clone();
            move |_| {
                let lang = lang();
                table.with(|t| {
                    let t = t.as_ref()?;
                    t.rows.iter().chain([&t.totals]).find(|r| r.key == key).map(|r| r.cells(lang))
                })
            }
        });
        let cell = move |column: usize| move || cells.with(|c| c.as_ref().and_then(|c| c.get(column).cloned()));
        let year_total = (kind == "year").then(|| format!("year-total-{key}"));
        let cells = view! {
            <td class="num">{cell(1)}</td>
            <td class="num">{cell(2)}</td>
            <td class="num" data-testid=year_total>
                {cell(3)}
            </td>
            <td class="num">{cell(4)}</td>
            <td class="num">{cell(5)}</td>
        };
        let testid = (!total).then(|| format!("{kind}-row-{}", row_id(&key)));
        view! {
            <tr data-testid=testid>
                <th scope="row">{cell(0)}</th>
                {cells}
            </tr>
        }
    };
    view! {
        <table class="data cash-table" data-testid=format!("{kind}-table")>
            <thead>
                <tr>
                    <th scope="col">
                        <Words label=first />
                    </th>
                    {(0..5).map(|index| view! { <MarkedHeading column=column(index) /> }).collect_view()}
                </tr>
            </thead>
            <tbody>{each_key(move || keys.get(), move |key| row(key, false).into_any())}</tbody>
            <tfoot>{row("total".to_string(), true)}</tfoot>
        </table>
    }
}

#[component]
pub fn QuarterTable() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let baseline = whatif.baseline.get_value();
    let table = memo(move |_| {
        whatif
            .projection_after_paint
            .with(|p| p.as_ref().zip(baseline.as_ref()).map(|(p, b)| quarter_table(p, b, lang())))
    });
    view! {
        <details class="panel" open=true>
            <summary>
                <h3 class="inline">
                    <Words label=QUARTER_TABLE_HEADING />
                </h3>
            </summary>
            <div class="wide-table" tabindex="0" role="region" aria-label=move || QUARTER_TABLE_HEADING.get(lang())>
                <CashTableView table=table first=QUARTER_COLUMN kind="quarter" />
            </div>
            <p class="note">{move || table_note(&data, lang())}</p>
        </details>
    }
}

#[component]
pub fn YearTable() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let baseline = whatif.baseline.get_value();
    let table = memo(move |_| {
        whatif.projection_after_paint.with(|p| p.as_ref().zip(baseline.as_ref()).map(|(p, b)| year_table(p, b, lang())))
    });
    view! {
        <div class="panel">
            <h3>
                <Words label=YEAR_TABLE_HEADING />
            </h3>
            <div class="wide-table" tabindex="0" role="region" aria-label=move || YEAR_TABLE_HEADING.get(lang())>
                <CashTableView table=table first=YEAR_COLUMN kind="year" />
            </div>
        </div>
    }
}
