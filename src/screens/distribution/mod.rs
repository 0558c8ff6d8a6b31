//! How the new projects' budgets are spread: a histogram in HK$0.5M bands from 0 to
//! the HK$10M ceiling with the floor and the ceiling marked, the sentence on the
//! bunching under the ceiling, the chosen band's projects (`band.rs`) and the same
//! figures as a table (`table.rs`). All of it comes from
//! `blockvote_present::screens::distribution`.

mod band;
mod table;

use crate::charts::histogram::Histogram;
use crate::components::budgets_as_printed::BudgetsAsPrintedNote;
use crate::components::effect::effect;
use crate::components::focus::reveal_after_render;
use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::components::sentence::SentenceText;
use crate::components::words::Words;
use crate::state::use_app_state;
use blockvote_present::provenance::ANNEX_C_SUMS;
use blockvote_present::screens::distribution::{
    bands, chart_description, domain_max, floor_note, histogram_bins, markers, statement, CAPTION, CHART_TITLE,
    HEADING, HINT, X_LABEL, Y_LABEL,
};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
#[inline(never)]
pub fn Distribution() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let (band_list, above) = bands(&data);
    let band_list = Arc::new(band_list);
    let selected = RwSignal::new(None::<usize>);
    // A band chosen on the chart lists its projects under the chart, which on a phone
    // is below the screen's edge: the list's heading is scrolled just into view, so the
    // member sees that it opened.
    effect(move |first_run| {
        if selected.with(Option::is_some) && !first_run {
            reveal_after_render("#bin-projects-heading".to_string());
        }
    });
    let said = memo({
        let (data, band_list) = (data.clone(), band_list.clone());
        move |_| statement(&data, &band_list, lang())
    });
    let bins = Signal::derive({
        let band_list = band_list.clone();
        move || histogram_bins(&band_list, lang())
    });
    let lines = Signal::derive({
        let data = data.clone();
        move || markers(&data, lang())
    });
    let desc = Signal::derive({
        let (data, band_list) = (data.clone(), band_list.clone());
        move || chart_description(&data, &band_list, lang())
    });
    let note = {
        let data = data.clone();
        move || floor_note(&data, lang())
    };
    let text = |label: blockvote_present::lang::Label| Signal::derive(move || label.get(lang()).to_string());
    view! {
        <section class="screen distribution" aria-labelledby="distribution-heading">
            <h2 id="distribution-heading">
                <Words label=HEADING />
            </h2>
            <p class="headline ceiling-statement" data-testid="ceiling-statement">
                <SentenceText sentence=said />
            </p>
            <BudgetsAsPrintedNote />
            <p class="note">{note} " " <ProvenanceMark provenance=ANNEX_C_SUMS /></p>
            <figure class="chart-figure">
                <Histogram
                    id="budget-histogram"
                    testid="histogram"
                    title=text(CHART_TITLE)
                    desc=desc
                    x_label=text(X_LABEL)
                    y_label=text(Y_LABEL)
                    hint=text(HINT)
                    bins=bins
                    markers=lines
                    domain_max=domain_max(&data)
                    selected=selected
                />
                <figcaption class="note">
                    <Words label=CAPTION />
                </figcaption>
            </figure>
            <band::ChosenBandPanel bands=band_list.clone() selected=selected />
            <table::BandTable bands=band_list above=above selected=selected />
        </section>
    }
}
