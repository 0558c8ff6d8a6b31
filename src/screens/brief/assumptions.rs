//! Every assumption of the scenario shown, beside the paper's or the model
//! baseline's, with its source.

use crate::components::sentence::kept_whole;
use crate::components::table_head::{Column, TableHead};
use blockvote_present::screens::brief::Brief;
use leptos::prelude::*;

#[component]
pub fn Assumptions(brief: Memo<Option<Brief>>) -> impl IntoView {
    move || {
        brief.with(|b| b.as_ref().map(|b| b.assumptions.clone())).map(|a| {
            let [item, baseline, scenario, source] = a.heads;
            let rows = a
                .rows
                .into_iter()
                .map(|r| {
                    // Each cell names its column for the phone's stacked layout (see
                    // tables.rs).
                    view! {
                        <tr class:differs=r.differs data-testid=format!("brief-assumption-{}", r.key)>
                            <th scope="row">{kept_whole(&r.label)}</th>
                            <td data-head=baseline.clone()>{r.baseline}</td>
                            <td data-head=scenario.clone()>{r.scenario}</td>
                            <td class="source" data-head=source.clone()>
                                {r.source}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section class="brief-section" tabindex="0" aria-label=a.title.clone()>
                    <h3>{a.title.clone()}</h3>
                    <table class="data compact brief-assumptions stacked-on-phone" data-testid="brief-assumptions">
                        <TableHead columns=vec![
                            Column::row_labels(item, "w-label"),
                            Column::text(baseline, "w-value"),
                            Column::text(scenario, "w-value"),
                            Column::text(source, "w-source"),
                        ] />
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            }
        })
    }
}
