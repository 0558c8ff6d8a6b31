//! Annex C in one table: all new projects with search, filters, sorting, grouping and
//! the per-project levers. The address holds the filters (`q`, `dept`, `theme`,
//! `start`, `done`, `min`, `max`, `ids`, `changed`) and the presentation (`sort`,
//! `dir`, `group`), so a finding elsewhere can link to exactly the rows it talks about;
//! `state.params` is the one source of truth. What is shown — rows, order, headings,
//! totals, words — comes from `blockvote_present::screens::projects`; this module and
//! its panels draw it: the filters (`filters.rs`), the table (`table.rs`) and the
//! lever panel (`levers.rs`).

mod filters;
mod levers;
mod table;

use crate::address::set_params;
use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::memo::memo;
use crate::components::sentence::{kept_whole, SentenceText};
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::lang::Lang;
use blockvote_present::route::View;
use blockvote_present::screens::projects::filters::{
    changed_ids, ids_note, link_with_filters, selected, Filters, Offered, SearchIndex,
};
use blockvote_present::screens::projects::table::{
    body, is_grouped, order, summary, ScenarioRows, Sort, SortKey, ROWS_PER_STEP, SORT_KEYS,
};
use blockvote_present::screens::projects::{unofficial_note, BY_DEPARTMENT, HEADING, NOTE, SHOW_ALL_NUMBERS};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
#[inline(never)]
pub fn Projects() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let index = Arc::new(SearchIndex::new(&data, crate::unicode::lowercase));
    let lang = move || state.lang.get();

    let offered = Offered::of(&data);
    let filters = memo(move |_| {
        state.params.with(|p| Filters::from_params(p, &offered, crate::unicode::nfc, crate::unicode::lowercase))
    });
    let sort = memo(move |_| state.params.with(|p| Sort::from_params(p, SORT_KEYS)));
    let grouped = memo(move |_| state.params.with(|p| is_grouped(p)));
    let changed = memo(move |_| whatif.projection.with(|p| changed_ids(p.as_deref())));
    let rows = memo({
        let data = data.clone();
        move |_| {
            // Only sorting by name depends on the language.
            let order_lang = if sort.get().key == SortKey::Name { lang() } else { Lang::Zh };
            let mut rows = filters.with(|f| changed.with(|c| selected(&data, &index, f, c)));
            order(&data, &index, &mut rows, sort.get(), grouped.get(), order_lang);
            rows
        }
    });
    // How many rows the table draws: more only when the member asks (a long imported
    // file would otherwise take the page seconds to lay out).
    let row_limit = RwSignal::new(ROWS_PER_STEP);
    // Each new body keeps the rows of the last one whose inputs are the same (`body`),
    // so a lever formats only the rows it changes and the keyed rows compare by pointer.
    let table_body = memo({
        let data = data.clone();
        move |previous| {
            rows.with(|r| {
                changed.with(|changed| {
                    whatif.projection.with(|p| {
                        let scenario = ScenarioRows { projection: p.as_deref(), changed };
                        body(&data, r, grouped.get(), row_limit.get(), scenario, lang(), previous)
                    })
                })
            })
        }
    });
    let all_count = data.projects.len();
    let visible_summary = Signal::derive(move || table_body.with(|b| summary(b, all_count, lang())));
    // The project whose levers are open above the table.
    let editing: RwSignal<Option<u16>> = RwSignal::new(None);

    let ids_filter = move || {
        filters.with(|f| f.ids.clone()).map(|ids| {
            view! {
                <p class="ids-filter" data-testid="ids-filter">
                    {move || ids_note(&ids, lang())}
                    " "
                    <button
                        type="button"
                        data-testid="ids-filter-clear"
                        on:click=move |_| {
                            set_params(state, View::Projects, &[("ids", None)]);
                            focus_after_render(by_test_id("search"));
                        }
                    >
                        <Words label=SHOW_ALL_NUMBERS />
                    </button>
                </p>
            }
        })
    };
    let by_department = move || {
        filters.with(Filters::is_active).then(|| {
            view! {
                <p class="table-link">
                    <a
                        data-testid="projects-by-department"
                        href=move || state.params.with(|p| link_with_filters(View::Departments, p, lang()))
                    >
                        <Words label=BY_DEPARTMENT />
                    </a>
                </p>
            }
        })
    };

    view! {
        <section class="screen projects" aria-labelledby="projects-heading">
            // Its year kept whole: "2018-" / "19" ended a phone's line.
            <h2 id="projects-heading">{move || kept_whole(HEADING.get(state.lang.get()))}</h2>
            <p class="note">
                <Words label=NOTE />
            </p>
            {move || {
                unofficial_note(lang())
                    .map(|note| {
                        view! {
                            <p class="note unofficial" data-testid="unofficial-note">
                                {note}
                            </p>
                        }
                    })
            }}
            <filters::FilterControls filters=filters grouped=grouped />
            {ids_filter}
            <levers::ProjectLevers selected=editing />
            <p class="visible-summary" role="status" data-testid="visible-summary">
                <SentenceText sentence=visible_summary />
            </p>
            {by_department}
            <table::ProjectsTable body=table_body sort=sort editing=editing />
            <table::RowsNotDrawn body=table_body row_limit=row_limit />
        </section>
    }
}
