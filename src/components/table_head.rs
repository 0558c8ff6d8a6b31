//! A table's `<colgroup>` and `<thead>` from a list of columns, so that every table
//! states its columns once: heading, width and how the cells read.

use crate::components::sentence::kept_whole;
use leptos::prelude::*;

/// How a column's heading and cells read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// The row labels: the heading is read out but not shown (the rows say what they are).
    RowLabels,
    /// Words, aligned to the start.
    Text,
    /// Figures, aligned to the end (`num`), so their digits line up.
    Figures,
}

/// One column of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub head: String,
    /// Its width class in the stylesheet (`w-label`, `w-figure` …).
    pub width: &'static str,
    pub kind: ColumnKind,
}

impl Column {
    pub fn row_labels(head: String, width: &'static str) -> Column {
        Column { head, width, kind: ColumnKind::RowLabels }
    }

    pub fn text(head: String, width: &'static str) -> Column {
        Column { head, width, kind: ColumnKind::Text }
    }

    pub fn figures(head: String, width: &'static str) -> Column {
        Column { head, width, kind: ColumnKind::Figures }
    }
}

/// The `<colgroup>` and `<thead>` of `columns`, in order.
#[component]
pub fn TableHead(columns: Vec<Column>) -> impl IntoView {
    let widths = columns.iter().map(|column| view! { <col class=column.width /> }).collect_view();
    let heads = columns
        .into_iter()
        .map(|column| match column.kind {
            ColumnKind::RowLabels => view! {
                <th scope="col">
                    <span class="visually-hidden">{column.head}</span>
                </th>
            }
            .into_any(),
            ColumnKind::Text => view! { <th scope="col">{kept_whole(&column.head)}</th> }.into_any(),
            ColumnKind::Figures => view! {
                <th scope="col" class="num">
                    {kept_whole(&column.head)}
                </th>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <colgroup>{widths}</colgroup>
        <thead>
            <tr>{heads}</tr>
        </thead>
    }
}
