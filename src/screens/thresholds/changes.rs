//! The projects that change approval route, with their departments, or why none does.

use crate::components::each::each_key;
use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use blockvote_model::engine::DelegationOutcome;
use blockvote_model::Money;
use blockvote_present::lang::Lang;
use blockvote_present::provenance::Provenance;
use blockvote_present::screens::thresholds::changes::{changes, ChangeRow, Changes, HEADINGS, SHOW_IN_TABLE};
use leptos::prelude::*;

#[component]
pub fn RouteChanges(delegation: Memo<Option<DelegationOutcome>>, budgets: Memo<Option<Vec<Money>>>) -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let shown = memo(move |_| {
        let delegation = delegation.get()?;
        budgets.with(|b| b.as_ref().map(|b| changes(&delegation, b, &data, lang())))
    });
    let part = move |pick: fn(&Changes) -> Option<String>| move || shown.with(|s| s.as_ref().and_then(pick));
    let ids = memo(move |_| {
        shown.with(|s| s.as_ref().map(|s| s.rows.iter().map(|r| r.id).collect::<Vec<_>>())).unwrap_or_default()
    });
    let any = memo(move |_| ids.with(|ids| !ids.is_empty()));
    let has_reason = memo(move |_| shown.with(|s| s.as_ref().is_some_and(|s| s.none_because.is_some())));
    let heading = move |index: usize| move || HEADINGS.get(index).map(|h| h.get(lang())).unwrap_or_default();
    view! {
        <h3 data-testid="route-changes-heading">{part(|s| Some(s.heading.clone()))}</h3>
        // The paragraph stays while there is a reason; a new reason rewrites its text.
        {move || {
            has_reason
                .get()
                .then(|| {
                    view! {
                        <p class="headline" data-testid="route-changes-none">
                            {part(|s| s.none_because.clone())}
                        </p>
                    }
                })
        }}
        <div
            class="wide-table"
            tabindex="0"
            role="region"
            aria-label=part(|s| Some(s.heading.clone()))
            prop:hidden=move || !any.get()
        >
            <table class="data" data-testid="route-changes">
                <thead>
                    <tr>
                        <th scope="col" class="num">
                            {heading(0)}
                        </th>
                        <th scope="col">{heading(1)}</th>
                        <th scope="col">{heading(2)}</th>
                        <th scope="col" class="num">
                            {heading(3)}
                        </th>
                        <th scope="col">{heading(4)}</th>
                        <th scope="col">{heading(5)}</th>
                    </tr>
                </thead>
                <tbody>
                    {each_key(
                        move || ids.get(),
                        move |id: u16| view! { <ChangeRowView shown=shown id=id /> }.into_any(),
                    )}
                </tbody>
            </table>
        </div>
        {move || {
            part(|s| s.link.clone())()
                .map(|link| {
                    view! {
                        <p>
                            <a href=link data-testid="route-changes-link">
                                <Words label=SHOW_IN_TABLE />
                            </a>
                        </p>
                    }
                })
        }}
    }
}

/// One project's row, following its own figures.
#[component]
fn ChangeRowView(shown: Memo<Option<Changes>>, id: u16) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let row = memo(move |_| shown.with(|s| s.as_ref().and_then(|s| s.rows.iter().find(|r| r.id == id).cloned())));
    let cell = move |pick: fn(&ChangeRow, Lang) -> String| move || row.with(|r| r.as_ref().map(|r| pick(r, lang())));
    let provenance = Signal::derive(move || {
        row.with(|r| r.as_ref().map(|r| r.budget.provenance().clone())).unwrap_or(Provenance::Scenario)
    });
    view! {
        <tr data-testid=format!("route-change-{id}")>
            <td class="num">{id}</td>
            <td>{cell(|r, _| r.name.clone())}</td>
            <td class="department">{cell(|r, _| r.department.clone())}</td>
            <td class="num">{cell(|r, l| r.budget.text(l))} " " <ProvenanceMark provenance=provenance /></td>
            <td>{cell(|r, _| r.paper_route.clone())}</td>
            <td>{cell(|r, _| r.route.clone())}</td>
        </tr>
    }
}
