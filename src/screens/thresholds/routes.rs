//! The projects by approval route, with counts and budgets.

use crate::state::use_app_state;
use blockvote_model::engine::DelegationOutcome;
use blockvote_present::lang::Lang;
use blockvote_present::screens::thresholds::{route_rows, RouteRow, ROUTE_HEADINGS};
use leptos::prelude::*;

#[component]
pub fn RoutesTable(delegation: Memo<Option<DelegationOutcome>>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let keys = ["projects-over-ceiling", "projects-in-block", "projects-below-floor"];
    // Each cell works out the (three-row) table it reads.
    let find = move |key: &'static str, pick: fn(&RouteRow, Lang) -> String| {
        move || {
            delegation.with(|d| {
                let (rows, total) = route_rows(d.as_ref()?, lang());
                let shown = rows.iter().chain([&total]).find(|r| r.key == key).map(|r| pick(r, lang()));
                shown
            })
        }
    };
    let heading = move |index: usize| ROUTE_HEADINGS.get(index).map(|h| h.get(lang())).unwrap_or_default();
    view! {
        <table class="data routes" data-testid="routes-table">
            <thead>
                <tr>
                    <th scope="col">{move || heading(0)}</th>
                    <th scope="col" class="num">
                        {move || heading(1)}
                    </th>
                    <th scope="col" class="num">
                        {move || heading(2)}
                    </th>
                </tr>
            </thead>
            <tbody>
                {keys
                    .into_iter()
                    .map(|key| {
                        view! {
                            <tr data-testid=format!("route-{key}")>
                                <th scope="row">{find(key, |r, _| r.label.clone())}</th>
                                <td class="num" data-testid=key>
                                    {find(key, |r, l| r.count.text(l))}
                                </td>
                                <td class="num" data-testid=format!("{key}-total")>
                                    {find(key, |r, l| r.total.text(l))}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
            <tfoot>
                <tr>
                    <th scope="row">{find("routes-total", |r, _| r.label.clone())}</th>
                    <td class="num">{find("routes-total", |r, l| r.count.text(l))}</td>
                    <td class="num">{find("routes-total", |r, l| r.total.text(l))}</td>
                </tr>
            </tfoot>
        </table>
    }
}
