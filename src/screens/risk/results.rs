//! A finished simulation: its stamp, whether it is out of date, whether it repeats
//! the previous run, 2018-19 in words and against the allocation, the table of
//! percentiles beside the deterministic scenario, and the quarterly chart with the
//! simulated range.

use super::memory::use_risk_memory;
use super::MarkedSentence;
use crate::charts::columns::QuarterlyColumns;
use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::format::decimals;
use blockvote_present::lang::Lang;
use blockvote_present::provenance::Figure;
use blockvote_present::screens::risk::results::{
    against_allocation, determinism, percentiles_in_words, results_table, risk_chart, stamp, ResultRow, ResultsTable,
    EMPTY, STALE,
};
use leptos::prelude::*;

#[component]
pub fn SimulationResults(stale: Memo<bool>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let memory = use_risk_memory();
    let lang = move || state.lang.get();
    let data = state.data();
    let result = memory.result;

    let stamp_text = move || result.with(|r| r.as_ref().map(|r| stamp(r, lang())));
    let determinism = move || {
        let text = result.with(|r| memory.previous.with(|p| Some(determinism(r.as_ref()?, p.as_ref()?, lang()))))?;
        Some(view! {
            <p class="note" data-testid="mc-determinism">
                {text}
            </p>
        })
    };
    let words = move || {
        let sentences = result
            .with(|r| r.as_ref().map(|r| (percentiles_in_words(r, lang()), against_allocation(r, &data, lang()))));
        sentences.map(|(percentiles, allocation)| {
            view! {
                <div class="mc-words">
                    <p data-testid="mc-in-words">
                        <MarkedSentence sentence=percentiles />
                    </p>
                    {allocation
                        .map(|sentence| {
                            view! {
                                <p data-testid="mc-against-allocation">
                                    <MarkedSentence sentence=sentence />
                                </p>
                            }
                        })}
                </div>
            }
        })
    };
    let table = memo(move |_| {
        result.with(|r| {
            let r = r.as_ref()?;
            let scenario = whatif.projected_scenario.get();
            let baseline = whatif.baseline.get_value();
            Some(whatif.projection.with(|p| results_table(r, &scenario, p.as_deref(), baseline.as_deref(), lang())))
        })
    });
    let chart =
        memo(move |_| {
            let projection = whatif.projection.get()?;
            let baseline = whatif.baseline.try_get_value().flatten()?;
            Some(result.with(|r| {
                risk_chart(&projection, &baseline, r.as_ref().map(|r| r.summary.as_ref()), stale.get(), lang())
            }))
        });
    let chart_part = move |pick: fn(&blockvote_present::cash::QuarterChart) -> String| {
        Signal::derive(move || chart.with(|c| c.as_ref().map(|c| pick(&c.chart)).unwrap_or_default()))
    };

    view! {
        <div
            class="mc-results"
            class:stale=move || stale.get()
            data-testid="mc-results"
            data-stale=move || stale.get().to_string()
        >
            <p
                class="mc-stamp"
                data-testid="mc-stamp"
                data-seed=move || result.with(|r| r.as_ref().map(|r| r.summary.seed.to_string()))
                data-run=move || result.with(|r| r.as_ref().map(|r| r.number.to_string()))
                data-ms=move || result.with(|r| r.as_ref().map(|r| decimals(r.elapsed_ms, 0)))
                data-longest-chunk-ms=move || result.with(|r| r.as_ref().map(|r| decimals(r.longest_slice_ms, 1)))
            >
                {stamp_text}
            </p>
            {move || {
                stale
                    .get()
                    .then(|| {
                        view! {
                            <p class="stale-banner" role="status" data-testid="mc-stale">
                                <Words label=STALE />
                            </p>
                        }
                    })
            }}
            {determinism}
            {words}
            {move || match table.get() {
                Some(table) => view! { <ResultsTableView table=table lang=lang() /> }.into_any(),
                None => {
                    view! {
                        <p class="note" data-testid="mc-empty">
                            <Words label=EMPTY />
                        </p>
                    }
                        .into_any()
                }
            }}
            <QuarterlyColumns
                id="risk-quarters"
                title=chart_part(|c| c.title.clone())
                description=chart_part(|c| c.description.clone())
                quarters=Signal::derive(move || {
                    chart.with(|c| c.as_ref().map(|c| c.chart.quarters.clone()).unwrap_or_default())
                })
                segment_names=Signal::derive(move || {
                    chart.with(|c| c.as_ref().map(|c| c.chart.segment_names.clone()).unwrap_or_default())
                })
                column_names=Signal::derive(move || {
                    chart.with(|c| c.as_ref().map(|c| c.chart.column_names.clone()).unwrap_or_default())
                })
                range_name=Signal::derive(move || chart.with(|c| c.as_ref().and_then(|c| c.range_name.clone())))
            />
        </div>
    }
}

/// The table of one result; redrawn when the result, the scenario or the language
/// changes (a handful of rows).
#[component]
fn ResultsTableView(table: ResultsTable, lang: Lang) -> impl IntoView {
    let simulated = table.simulated_provenance.clone();
    let body = table.rows.iter().map(|row| year_row(row, false, lang)).collect_view();
    let new_projects = year_row(&table.new_projects, true, lang);
    let [p10, p50, p90, mean] = table.percentiles.clone();
    view! {
        <div class="table-wide" tabindex="0">
            <table class="data mc-table" data-testid="mc-table">
                <caption>{table.caption.clone()} <ProvenanceMark provenance=simulated.clone() /></caption>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">
                            {table.year.clone()}
                        </th>
                        <th scope="col" class="num" rowspan="2">
                            {table.deterministic.text.clone()}
                            <ProvenanceMark provenance=table.deterministic_provenance.clone() />
                            <span class="slip-note">{table.deterministic.slippage.clone()}</span>
                        </th>
                        <th scope="colgroup" colspan="4" class="simulated-note">
                            {table.simulated.clone()}
                        </th>
                    </tr>
                    <tr>
                        <th scope="col" class="num">
                            {p10}
                        </th>
                        <th scope="col" class="num">
                            {p50}
                        </th>
                        <th scope="col" class="num">
                            {p90}
                        </th>
                        <th scope="col" class="num">
                            {mean}
                        </th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
                <tfoot>{new_projects}</tfoot>
            </table>
        </div>
        <p class="note mc-figure" data-testid="mc-late-mean">
            {table.late_mean.clone()}
        </p>
    }
}

fn year_row(row: &ResultRow, new_projects: bool, lang: Lang) -> impl IntoView {
    let key = row.key.clone();
    let text = |figure: &Figure| figure.text(lang);
    let testid = |what: &str| format!("mc-{what}-{key}");
    view! {
        <tr data-testid=if new_projects { "mc-row-new".to_string() } else { format!("mc-row-{key}") }>
            <th scope="row">{row.label.clone()}</th>
            <td class="num">{row.deterministic.as_ref().map(text)}</td>
            <td class="num mc-figure" data-testid=testid("p10")>
                {text(&row.p10)}
            </td>
            <td class="num mc-figure" data-testid=testid("p50")>
                {text(&row.p50)}
            </td>
            <td class="num mc-figure" data-testid=testid("p90")>
                {text(&row.p90)}
            </td>
            <td class="num mc-figure" data-testid=testid("mean")>
                {text(&row.mean)}
            </td>
        </tr>
    }
}
