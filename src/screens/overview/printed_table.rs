//! A table the paper prints (Annex A, Annex B, para 5): each column heading carries
//! the mark citing the paper's own heading, and each cell shows the paper's words for
//! it on hover. A heading's financial years never break at their hyphen (a phone
//! broke "2017-18" across two lines).

use crate::components::marks::ProvenanceMark;
use crate::components::sentence::kept_whole;
use blockvote_present::screens::overview::{PrintedRow, PrintedTable};
use leptos::prelude::*;

/// The table itself, for a panel that frames it.
#[component]
pub fn PrintedTableView(#[prop(into)] table: Signal<PrintedTable>, testid: &'static str) -> impl IntoView {
    let columns = move || {
        table
            .get()
            .columns
            .into_iter()
            .enumerate()
            .map(|(index, column)| {
                let class = if index == 0 { "" } else { "num" };
                view! {
                    <th scope="col" class=class>
                        {kept_whole(&column.label)}
                        {column.mark.map(|provenance| view! { <ProvenanceMark provenance=provenance /> })}
                    </th>
                }
            })
            .collect_view()
    };
    let body = move || table.get().rows.into_iter().map(row).collect_view();
    let total = move || table.get().total.map(row);
    // On a narrow screen the table scrolls sideways inside its panel, not the page.
    view! {
        <div class="table-wide" tabindex="0">
            <table class="data" data-testid=testid>
                <thead>
                    <tr>{columns}</tr>
                </thead>
                <tbody>{body}</tbody>
                <tfoot>{total}</tfoot>
            </table>
        </div>
    }
}

fn row(row: PrintedRow) -> impl IntoView {
    let testid = row.testid.clone();
    let cells = row
        .cells
        .into_iter()
        .enumerate()
        .map(|(index, cell)| {
            view! {
                <td class="num" title=cell.words data-testid=format!("{testid}-{index}")>
                    {kept_whole(&cell.text)}
                </td>
            }
        })
        .collect_view();
    view! {
        <tr data-testid=row.testid class:warn=row.warn>
            <th scope="row">{kept_whole(&row.heading)}</th>
            {cells}
        </tr>
    }
}

/// A printed table in its own panel, with its title (and the title's mark) as heading
/// and the paper's note under it.
#[component]
pub fn PrintedTablePanel(#[prop(into)] table: Signal<PrintedTable>, id: &'static str) -> impl IntoView {
    let (heading_id, labelledby) = (format!("{id}-heading"), format!("{id}-heading"));
    let title = move || table.with(|t| t.title.clone());
    let mark = move || table.with(|t| t.title_mark.clone()).map(|p| view! { <ProvenanceMark provenance=p /> });
    let note = move || table.with(|t| t.note.clone()).map(|note| view! { <p class="note">{note}</p> });
    view! {
        <section class="panel" aria-labelledby=labelledby>
            <h3 id=heading_id>{title} {mark}</h3>
            <PrintedTableView table=table testid=id />
            {note}
        </section>
    }
}
