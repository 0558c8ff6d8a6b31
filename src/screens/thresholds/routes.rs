//! The projects by approval route, with counts and budgets.

use crate::components::marks::MarkedHeading;
use crate::components::sentence::MarkedText;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::DelegationOutcome;
use blockvote_present::lang::Lang;
use blockvote_present::screens::sentence::Marked;
use blockvote_present::screens::thresholds::{route_columns, route_rows, RouteRow, ROUTE_HEADING};
use leptos::prelude::*;

#[component]
pub fn RoutesTable(delegation: Memo<Option<DelegationOutcome>>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    // The paper's default scenario's routes, against which the table says whether its
    // figures are still the model's or now the scenario's.
    let baseline = whatif.baseline.get_value().map(|b| b.delegation.clone());
    let base = StoredValue::new(baseline);
    let keys = ["projects-over-ceiling", "projects-in-block", "projects-below-floor"];
    // Each cell works out the (three-row) table it reads.
    let find = move |key: &'static str, pick: fn(&RouteRow, Lang) -> String| {
        move || {
            delegation.with(|d| {
                let d = d.as_ref()?;
                let (rows, total) =
                    state.dataset.with_value(|data| base.with_value(|b| route_rows(data, d, b.as_ref(), lang())));
                let shown = rows.iter().chain([&total]).find(|r| r.key == key).map(|r| pick(r, lang()));
                shown
            })
        }
    };
    let column = move |index: usize| {
        Signal::derive(move || {
            delegation.with(|d| {
                let d = d.as_ref()?;
                base.with_value(|b| route_columns(d, b.as_ref()).into_iter().nth(index))
            })
        })
    };
    // The total count with its own mark where it is not the column's: every project
    // routed is para 7's 254, cited, while the scenario leaves none out.
    let total_count = Signal::derive(move || {
        delegation.with(|d| {
            let Some(d) = d.as_ref() else { return Marked::text(String::new(), None) };
            state.dataset.with_value(|data| {
                base.with_value(|b| {
                    let (_, total) = route_rows(data, d, b.as_ref(), lang());
                    let [column, _] = route_columns(d, b.as_ref());
                    let own = total.count.provenance();
                    Marked::text(total.count.text(lang()), (*own != column.mark).then(|| own.clone()))
                })
            })
        })
    });
    // A scenario's budgets can run to 13 digits: on a phone the table then scrolls in
    // its own region rather than widening the page; its labels wrap as before.
    view! {
        <div class="wide-table" tabindex="0" role="region" aria-label=move || ROUTE_HEADING.get(lang())>
            <table class="data routes" data-testid="routes-table">
                <thead>
                    <tr>
                        <th scope="col">{move || ROUTE_HEADING.get(lang())}</th>
                        <MarkedHeading column=column(0) />
                        <MarkedHeading column=column(1) />
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
                        <td class="num">
                            <MarkedText marked=total_count testid="routes-total-count" />
                        </td>
                        <td class="num">{find("routes-total", |r, l| r.total.text(l))}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
