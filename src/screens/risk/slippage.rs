//! The expected-value slippage lever: switch, share late and delay, and the table of
//! 2018-19's cash need with and without slippage.

use super::glossary::Terms;
use super::{engine_of, set_lever, MarkedSentence};
use crate::components::fields::NumberField;
use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::{Lever, Scenario};
use blockvote_present::cash::shown_budget_year;
use blockvote_present::provenance::{Figure, Provenance};
use blockvote_present::refusal::engine_error;
use blockvote_present::screens::risk::glossary::SLIPPAGE_TERMS;
use blockvote_present::screens::risk::late_share_figure;
use blockvote_present::screens::risk::slippage::{
    annex_b_note, delay_field, para5_slippage, share_field, share_readout, slippage_table, Row, SlippageTable, APPLY,
    EXPLANATION, HEADING, NOTE, USE_PARA5,
};
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn SlippagePanel(steady: Memo<Scenario>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let data = state.data();
    let enabled = move || whatif.scenario.with(|s| s.slippage.enabled);
    // A field's text follows only a real change of its own value (the field compares),
    // so an invalid entry in one field survives typing in another.
    let share = Signal::derive(move || whatif.scenario.with(|s| s.slippage.share));
    let delay = Signal::derive(move || whatif.scenario.with(|s| Decimal::from(s.slippage.quarters)));

    // The scenario with every lever as set but slippage off, projected only when a
    // lever other than slippage changes: slippage's own effect is the difference.
    // Every year's cash is taken as the cash flow's year table shows it
    // (`shown_budget_year`), so this screen never shows a second rounding of it.
    let on_time = memo(move |_| {
        let scenario = steady.get();
        engine_of(&whatif).and_then(|engine| engine.project(&scenario).ok()).map(|p| shown_budget_year(&p))
    });
    let baseline = whatif
        .baseline
        .try_with_value(|b| b.as_ref().map(|b| (b.budget_year_totals.year, shown_budget_year(b))))
        .flatten();
    // Without a baseline (a dataset the engine cannot prepare) there is no table.
    let table = baseline.map(|(year, baseline)| {
        let table = memo(move |_| {
            let scenario = whatif.projected_scenario.get();
            let with_slippage = whatif.projection.with(|p| p.as_ref().map(|p| shown_budget_year(p)));
            slippage_table(&scenario, year, baseline, on_time.get(), with_slippage, lang())
        });
        view! { <FiguresTable table=table year=year.label() /> }
    });
    let note = Signal::derive(move || annex_b_note(&data, lang()).unwrap_or_default());

    view! {
        <section class="panel risk-slippage" aria-labelledby="risk-slippage-heading">
            <h3 id="risk-slippage-heading">
                <Words label=HEADING />
            </h3>
            <Terms terms=&SLIPPAGE_TERMS />
            <p class="note explain" data-testid="slip-explain">
                <Words label=EXPLANATION />
            </p>
            <div class="inline-fields">
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="slip-enabled"
                        prop:checked=enabled
                        on:change=move |ev| {
                            let checked = event_target_checked(&ev);
                            whatif.update(|s| s.slippage.enabled = checked);
                        }
                    />
                    <Words label=APPLY />
                </label>
                <NumberField
                    spec=share_field()
                    testid="slip-share"
                    current=share
                    commit=move |value: Decimal| set_lever(whatif, Lever::SlipShare, value)
                />
                <p class="share-readout" data-testid="slip-share-percent">
                    {move || share_readout(share.get(), lang())}
                    <ProvenanceMark provenance=Signal::derive(move || {
                        late_share_figure(share.get()).provenance().clone()
                    }) />
                </p>
                <NumberField
                    spec=delay_field()
                    testid="slip-delay"
                    current=delay
                    commit=move |value: Decimal| set_lever(whatif, Lever::SlipQuarters, value)
                    narrow=true
                />
                <button
                    type="button"
                    data-testid="slip-para5"
                    on:click=move |_| whatif.update(|s| s.slippage = para5_slippage())
                >
                    <Words label=USE_PARA5 />
                </button>
            </div>
            {move || {
                whatif
                    .error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field-error" role="alert">
                                {move || engine_error(&e).get(lang()).to_string()}
                            </p>
                        }
                    })
            }}
            {table}
            <p class="note" data-testid="slip-annex-b">
                <MarkedSentence sentence=note />
            </p>
            <p class="note">
                <Words label=NOTE />
            </p>
        </section>
    }
}

/// The table: a heading per column with its mark and what it includes of slippage,
/// then the three rows. Each piece follows its own memo, so a lever change rewrites
/// only the figures that changed.
#[component]
fn FiguresTable(table: Memo<SlippageTable>, year: String) -> impl IntoView {
    let heading = move |index: usize| {
        let column = memo(move |_| table.with(|t| t.columns.get(index).cloned()));
        let provenance = Signal::derive(move || {
            column.with(|c| c.as_ref().map(|c| c.provenance.clone())).unwrap_or(Provenance::Scenario)
        });
        view! {
            <th scope="col" class="num">
                {move || column.with(|c| c.as_ref().map(|c| c.heading.clone()))}
                <ProvenanceMark provenance=provenance />
                <span class="slip-note">{move || column.with(|c| c.as_ref().map(|c| c.slippage.clone()))}</span>
            </th>
        }
    };
    let state = use_app_state();
    let cell = move |key: &'static str, testid: String, pick: fn(&Row) -> Option<&Figure>| {
        let text = memo(move |_| {
            table.with(|t| {
                let row = t.rows.iter().find(|row| row.key == key)?;
                pick(row).map(|figure| figure.text(state.lang.get()))
            })
        });
        view! {
            <td class="num" data-testid=testid>
                {text}
            </td>
        }
    };
    let row = move |key: &'static str| {
        let label = move || table.with(|t| t.rows.iter().find(|r| r.key == key).map(|r| r.label.clone()));
        view! {
            <tr>
                <th scope="row">{label}</th>
                {cell(key, format!("risk-baseline-{key}"), |r| Some(&r.baseline))}
                {cell(key, format!("risk-on-time-{key}"), |r| r.on_time.as_ref())}
                {cell(key, format!("risk-{year}-{key}"), |r| r.with_slippage.as_ref())}
                {cell(key, format!("risk-effect-{key}"), |r| r.effect.as_ref())}
            </tr>
        }
    };
    view! {
        <div class="table-wide" tabindex="0">
            <table class="data risk-figures" data-testid="risk-figures">
                <caption>{move || table.with(|t| t.caption.clone())}</caption>
                <thead>
                    <tr>
                        <th scope="col">
                            <span class="visually-hidden">{move || table.with(|t| t.corner.clone())}</span>
                        </th>
                        {(0..4).map(heading).collect_view()}
                    </tr>
                </thead>
                <tbody>{["new", "ongoing", "total"].into_iter().map(row).collect_view()}</tbody>
            </table>
        </div>
    }
}
