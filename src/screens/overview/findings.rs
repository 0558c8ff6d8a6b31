//! The findings worth asking about: each sentence, with the paper's figures in it
//! marked in place, the marks of the model's bases it rests on, and links that open
//! exactly the projects it counts.

use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::components::sentence::MarkedSentence;
use crate::components::words::Words;
use crate::state::use_app_state;
use blockvote_present::provenance::ANNEX_C_SUMS;
use blockvote_present::screens::overview::{
    findings_list, top_departments, RowsLink, FINDINGS, FINDINGS_NOTE, TOP_DEPARTMENTS,
};
use leptos::prelude::*;

fn link(link: RowsLink) -> impl IntoView {
    view! {
        " "
        <a href=link.href class="rows-link" data-count=link.count>
            {link.text}
        </a>
    }
}

#[component]
pub fn Findings() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let top_data = data.clone();
    let lang = move || state.lang.get();
    let list = memo(move |_| findings_list(&data, lang()));
    let top = memo(move |_| top_departments(&top_data, lang()));
    let items = move || {
        list.get()
            .into_iter()
            .map(|finding| {
                let marks = finding
                    .marks
                    .into_iter()
                    .map(|provenance| view! { <ProvenanceMark provenance=provenance /> })
                    .collect_view();
                let links = finding.links.into_iter().map(link).collect_view();
                view! {
                    <li data-testid=finding.testid>
                        <span>
                            <MarkedSentence sentence=finding.text />
                        </span>
                        {marks}
                        {links}
                    </li>
                }
            })
            .collect_view()
    };
    let departments = move || {
        top.get()
            .into_iter()
            .map(|department| view! { <li>{department.text} {link(department.link)}</li> })
            .collect_view()
    };
    view! {
        <section class="panel findings" aria-labelledby="findings-heading" data-testid="findings">
            <h3 id="findings-heading">
                <Words label=FINDINGS />
            </h3>
            <p class="note">
                <Words label=FINDINGS_NOTE />
            </p>
            <ul class="finding-list">{items}</ul>
            // Blockvote's sums of Annex C, marked once for the whole list.
            <h4>
                <Words label=TOP_DEPARTMENTS />
                " "
                <ProvenanceMark provenance=ANNEX_C_SUMS />
            </h4>
            <ol class="top-departments" data-testid="finding-departments">
                {departments}
            </ol>
        </section>
    }
}
