//! The meeting brief: the scenario on A4, in the chosen language. The screen is the
//! print view: `@media print` in style/main.css hides the app around it and sets A4
//! pages. Everything on it comes from `blockvote_present::screens::brief`, built from
//! the shown projection and the scenario it belongs to (`WhatIf::projected_scenario`),
//! so a refused scenario's levers are never listed beside another scenario's figures;
//! the refusal itself is printed. The brief is one memo: a new scenario or language
//! changes nearly every section, and the sections read their part of it.

mod assumptions;
mod bridge;
mod changed;
mod questions;
mod tables;

use crate::components::memo::memo;
use crate::components::words::Words;
use crate::saved::offline::today;
use crate::saved::use_saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::screens::brief::{brief, Brief, BriefInput, NOTHING, PRINT, PRINT_NOTE};
use leptos::prelude::*;

#[component]
#[inline(never)]
pub fn Brief() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let store = use_saved().store;
    let data = state.data();
    let baseline = whatif.baseline.get_value();
    let contents: Memo<Option<Brief>> = memo(move |_| {
        let projection = whatif.projection.get()?;
        let baseline = baseline.clone()?;
        let scenario = whatif.projected_scenario.get();
        let refused = whatif.error.get();
        store.with(|saved| {
            Some(brief(BriefInput {
                data: &data,
                projection: &projection,
                baseline: &baseline,
                scenario: &scenario,
                saved,
                refused: refused.as_ref(),
                lang: lang(),
            }))
        })
    });
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let drafts = questions::use_drafts();
    let prepared = today();
    let has_contents = memo(move |_| contents.with(Option::is_some));
    let body = move || {
        if !has_contents.get() {
            return view! {
                <p class="note">
                    <Words label=NOTHING />
                </p>
            }
            .into_any();
        }
        view! {
            <tables::HeadlineTable brief=contents />
            <tables::AllocationTable brief=contents />
            <tables::CashSection brief=contents />
            <bridge::BridgeSection />
            <changed::ChangedProjects brief=contents />
            <assumptions::Assumptions brief=contents />
            <questions::PrintedSection drafts=drafts />
        }
        .into_any()
    };
    let text = move |pick: fn(&blockvote_present::screens::brief::Head) -> String| {
        move || contents.with(|b| b.as_ref().map(|b| pick(&b.head)).unwrap_or_default())
    };
    view! {
        <section class="screen brief" data-testid="brief">
            <div class="brief-actions">
                <button type="button" class="primary" data-testid="brief-print" on:click=print>
                    <Words label=PRINT />
                </button>
                <p class="note">
                    <Words label=PRINT_NOTE />
                </p>
            </div>
            <article class="brief-page" data-testid="brief-page">
                <header class="brief-head">
                    <p class="brief-kicker">{text(|h| h.kicker.clone())}</p>
                    <h2>{text(|h| h.title.clone())}</h2>
                    <p>
                        <strong>{text(|h| h.scenario_label.clone())}</strong>
                        <span data-testid="brief-scenario">{text(|h| h.scenario_name.clone())}</span>
                        " · "
                        {text(|h| h.prepared_label.clone())}
                        {prepared}
                        " · blockvote"
                    </p>
                    {move || {
                        contents
                            .with(|b| b.as_ref().and_then(|b| b.head.refusal.clone()))
                            .map(|refusal| {
                                view! {
                                    <div class="brief-refused" role="alert" data-testid="brief-refused">
                                        <p>
                                            <strong>{refusal.heading}</strong>
                                            " "
                                            {refusal.reason}
                                        </p>
                                        <p>{refusal.shown}</p>
                                    </div>
                                }
                            })
                    }}
                    <p class="note">{text(|h| h.source.clone())}</p>
                    <p class="note">{text(|h| h.rounding.clone())}</p>
                </header>
                {body}
            </article>
            <questions::QuestionsPanel drafts=drafts />
        </section>
    }
}
