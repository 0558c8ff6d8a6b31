//! Annex C by department: one row per bureau or department with its number of new
//! projects, their total budget and its share, each row opening to list its projects.
//! It follows the Projects screen's filters (the same address keys) and says which
//! apply, with a button to clear them; every column sorts. The table and its words
//! come from `blockvote_present::screens::departments`; `table.rs` draws it.

mod table;

use crate::address::set_params;
use crate::components::budgets_as_printed::BudgetsAsPrintedNote;
use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::order::SortedSet;
use blockvote_present::provenance::ANNEX_C_SUMS;
use blockvote_present::route::View;
use blockvote_present::screens::departments::{
    self as present, DepartmentColumn, CLEAR_FILTER, COLLAPSE_ALL, EXPAND_ALL, HEADING, NOTE, SHOW_FILTERED_PROJECTS,
    SORT_KEYS,
};
use blockvote_present::screens::projects::filters::{
    changed_ids, selected, Filters, Offered, SearchIndex, FILTER_KEYS,
};
use blockvote_present::screens::sorting::Sort;
use leptos::prelude::*;

#[component]
#[inline(never)]
pub fn Departments() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let index = SearchIndex::new(&data, crate::unicode::lowercase);
    let lang = move || state.lang.get();
    let offered = Offered::of(&data);
    let filters = memo(move |_| {
        state.params.with(|p| Filters::from_params(p, &offered, crate::unicode::nfc, crate::unicode::lowercase))
    });
    let sort = memo(move |_| state.params.with(|p| Sort::<DepartmentColumn>::from_params(p, SORT_KEYS)));
    let changed = memo(move |_| whatif.projection.with(|p| changed_ids(p.as_deref())));
    let chosen = memo({
        let data = data.clone();
        move |_| filters.with(|f| changed.with(|c| selected(&data, &index, f, c)))
    });
    let shown = memo(move |_| {
        chosen
            .with(|rows| filters.with(|f| state.params.with(|p| present::table(&data, rows, f, p, sort.get(), lang()))))
    });
    // The departments whose projects are listed, by their order number.
    let expanded = RwSignal::new(SortedSet::<u16>::new());
    let clear = move |_| {
        let changes: Vec<(&str, Option<String>)> = FILTER_KEYS.iter().map(|k| (*k, None)).collect();
        set_params(state, View::Departments, &changes);
        // The note and its focused button go: focus moves to the table's first heading.
        focus_after_render(by_test_id("dsort-order"));
    };
    let filter_note = move || {
        shown.with(|t| t.filter.clone().zip(t.filtered_link.clone())).map(|(note, link)| {
            view! {
                <p class="ids-filter" data-testid="departments-filter">
                    <span data-testid="departments-filter-words">{note}</span>
                    " "
                    <a href=link data-testid="departments-filter-projects">
                        <Words label=SHOW_FILTERED_PROJECTS />
                    </a>
                    " "
                    <button type="button" data-testid="departments-filter-clear" on:click=clear>
                        <Words label=CLEAR_FILTER />
                    </button>
                </p>
            }
        })
    };
    let all_orders = move || shown.with(|t| blockvote_model::order::set_of(t.rows.iter().map(|r| r.order)));

    view! {
        <section class="screen departments" aria-labelledby="departments-heading">
            <h2 id="departments-heading">
                <Words label=HEADING />
            </h2>
            <p class="headline" data-testid="departments-headline">
                {move || shown.with(|t| t.headline.clone())}
                " "
                <ProvenanceMark provenance=ANNEX_C_SUMS />
            </p>
            {filter_note}
            <BudgetsAsPrintedNote />
            <p class="note">
                <Words label=NOTE />
            </p>
            <div class="table-actions">
                <button type="button" data-testid="expand-all" on:click=move |_| expanded.set(all_orders())>
                    <Words label=EXPAND_ALL />
                </button>
                <button type="button" data-testid="collapse-all" on:click=move |_| expanded.set(SortedSet::new())>
                    <Words label=COLLAPSE_ALL />
                </button>
            </div>
            <table::DepartmentsTable table=shown sort=sort expanded=expanded />
        </section>
    }
}
