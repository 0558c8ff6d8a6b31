//! The side-by-side comparison of the ticked scenarios with the paper and the model
//! baseline, and its CSV. The table and the CSV are one model
//! (`blockvote_present::compare`), so the file holds exactly the figures shown.

use crate::charts::bridge::BridgeChart;
use crate::components::download_button::{DownloadButton, DownloadFile};
use crate::components::each::each_key;
use crate::components::marks::ProvenanceMark;
use crate::components::memo::memo;
use crate::components::sentence::kept_whole;
use crate::components::words::Words;
use crate::saved::Saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::exports::summarize;
use blockvote_model::saved::Store;
use blockvote_present::bridge::{COMPARE_CHOICE, HEADING as BRIDGE_HEADING};
use blockvote_present::compare::{comparison, csv, ticked, Compared, Comparison, Row};
use blockvote_present::provenance::Figure;
use blockvote_present::screens::scenarios::files::{spreadsheet_text, CSV_TYPE};
use blockvote_present::screens::scenarios::{COMPARE_CSV, COMPARE_FILE, COMPARE_HINT, COMPARE_TITLE};
use blockvote_present::storage::DOWNLOAD_REFUSED;
use leptos::prelude::*;

#[component]
pub fn Compare(saved: StoredValue<Saved>, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let store: RwSignal<Store> = RwSignal::from(saved.with_value(|s| s.store.clone()));
    let baseline = whatif.baseline.get_value().map(|b| summarize(&b));
    // Each ticked scenario with what the engine made of it.
    let compared = memo(move |_| {
        let ticked = selected.with(|ids| store.with(|s| ticked(s, ids)));
        whatif.engine.with_value(|engine| {
            ticked
                .iter()
                .map(|(name, scenario)| Compared::project(engine.as_ref().map(|e| e.as_ref()), name, scenario))
                .collect::<Vec<_>>()
        })
    });
    let data = state.data();
    let table: Memo<Option<Comparison>> = memo(move |_| {
        let baseline = baseline.as_ref()?;
        compared.with(|compared| (!compared.is_empty()).then(|| comparison(&data, baseline, compared, lang())))
    });
    let file = move || {
        table.with_untracked(|t| {
            t.as_ref().map(|t| DownloadFile {
                name: COMPARE_FILE,
                mime: CSV_TYPE,
                text: spreadsheet_text(&csv(t, lang())),
            })
        })
    };
    let drawn = move || {
        if table.with(Option::is_none) {
            return view! {
                <p class="note" data-testid="compare-hint">
                    <Words label=COMPARE_HINT />
                </p>
            }
            .into_any();
        }
        let part = |pick: fn(&Comparison) -> String| move || table.with(|t| t.as_ref().map(pick).unwrap_or_default());
        let heads = move || table.with(|t| t.as_ref().map(|t| t.scenario_heads.clone()).unwrap_or_default());
        let rows = move || table.with(|t| t.as_ref().map(|t| t.rows.clone()).unwrap_or_default());
        let problems = move || table.with(|t| t.as_ref().map(|t| t.problems.clone()).unwrap_or_default());
        let levers = move || table.with(|t| t.as_ref().map(|t| t.levers.clone()));
        let columns = memo(move |_| table.with(|t| t.as_ref().map_or(0, |t| t.scenario_heads.len())));
        view! {
            <ul class="problems">{move || problems().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            <DownloadButton
                testid="compare-export-csv"
                label=COMPARE_CSV
                refused=DOWNLOAD_REFUSED
                file=file
                class="button-row"
            />
            <div class="compare-scroll">
                <table class="data compact compare-table" data-testid="compare-table">
                    <caption>{part(|t| t.caption.clone())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{part(|t| t.label_head.clone())}</th>
                            {move || {
                                heads()
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, name)| {
                                        view! {
                                            <th scope="col" class="num" data-testid=format!("compare-head-{}", i + 1)>
                                                {name}
                                            </th>
                                        }
                                    })
                                    .collect_view()
                            }}
                            <th scope="col" class="num" data-testid="compare-head-baseline">
                                {part(|t| t.baseline_head.clone())}
                            </th>
                            <th scope="col" class="num" data-testid="compare-head-paper">
                                {part(|t| t.paper_head.clone())}
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        {each_key(rows, move |row| view! { <CompareRow row=row columns=columns /> }.into_any())}
                        {move || {
                            levers()
                                .map(|rows| {
                                    rows.into_iter()
                                        .map(|row| {
                                            let key = row.key;
                                            view! {
                                                <tr class="levers" data-testid=format!("compare-row-{key}")>
                                                    <th scope="row">{kept_whole(&row.label)}</th>
                                                    {row
                                                        .scenarios
                                                        .into_iter()
                                                        .enumerate()
                                                        .map(|(i, text)| {
                                                            view! {
                                                                <td data-testid=format!(
                                                                    "compare-{key}-{}",
                                                                    i + 1,
                                                                )>{text}</td>
                                                            }
                                                        })
                                                        .collect_view()}
                                                    <td data-testid=format!(
                                                        "compare-{key}-baseline",
                                                    )>{row.baseline}</td>
                                                    <td></td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })
                        }}
                    </tbody>
                </table>
            </div>
            <CompareBridge compared=compared />
        }
        .into_any()
    };
    view! {
        <div class="panel compare">
            <h3>
                <Words label=COMPARE_TITLE />
            </h3>
            {drawn}
        </div>
    }
}

/// One row: a section heading above it if it opens one, then its label, each
/// scenario's figure with its change from the model baseline, the baseline's figure
/// and the paper's. The scenarios come first, so a phone shows them beside the label
/// without a swipe (audit 21 found only the paper's and the baseline's there).
#[component]
fn CompareRow(row: Row, columns: Memo<usize>) -> impl IntoView {
    let key = row.key.clone();
    let section = row.section.clone().map(|title| {
        view! {
            <tr class="section">
                <th colspan=move || (columns.get() + 3).to_string() scope="colgroup">
                    <span class="section-title">{title}</span>
                </th>
            </tr>
        }
    });
    let cells = row
        .scenarios
        .iter()
        .enumerate()
        .map(|(index, cell)| {
            let testid = format!("compare-{key}-{}", index + 1);
            let change = cell.change.clone().map(|change| {
                let lang = use_app_state().lang;
                view! {
                    <span class="diff" data-testid=format!("{testid}-diff")>
                        " ("
                        {move || change.text(lang.get())}
                        ")"
                    </span>
                }
            });
            view! {
                <td class=cell.direction.class() data-testid=testid.clone()>
                    // Marked as the paper's and the baseline's cells are: a scenario
                    // that moves no lever shows the model's figures.
                    <FigureValue figure=cell.figure.clone() />
                    {change}
                </td>
            }
        })
        .collect_view();
    view! {
        {section}
        <tr data-testid=format!("compare-row-{key}")>
            <th scope="row">{kept_whole(&row.label)}</th>
            {cells}
            <td class="num" data-testid=format!("compare-{key}-baseline")>
                <FigureValue figure=row.baseline />
            </td>
            <td class="num" data-testid=format!("compare-{key}-paper")>
                <FigureValue figure=row.paper />
            </td>
        </tr>
    }
}

/// A figure's text (or a dash when there is none), with its provenance mark.
#[component]
fn FigureValue(figure: Option<Figure>) -> impl IntoView {
    let lang = use_app_state().lang;
    match figure {
        None => view! { <span class="value">"—"</span> }.into_any(),
        Some(figure) => {
            let provenance = figure.provenance().clone();
            view! {
                <span class="value">{move || figure.text(lang.get())}</span>
                <ProvenanceMark provenance=provenance />
            }
            .into_any()
        }
    }
}

/// The bridge of one compared scenario (the first, or the one chosen): one bridge
/// at a time keeps the comparison readable on a phone.
#[component]
fn CompareBridge(compared: Memo<Vec<Compared>>) -> impl IntoView {
    let chosen = RwSignal::new(0_usize);
    let names = memo(move |_| compared.with(|c| c.iter().map(|c| c.name.clone()).collect::<Vec<_>>()));
    let scenario = Signal::derive(move || {
        compared.with(|c| c.get(chosen.get()).or(c.first()).map(|c| c.scenario.clone()).unwrap_or_default())
    });
    view! {
        <div class="compare-bridge" data-testid="compare-bridge-panel">
            <h4>
                <Words label=BRIDGE_HEADING />
            </h4>
            <label class="field">
                <span>
                    <Words label=COMPARE_CHOICE />
                </span>
                <select
                    data-testid="compare-bridge-choice"
                    on:change=move |ev| {
                        if let Ok(index) = event_target_value(&ev).parse::<usize>() {
                            chosen.set(index);
                        }
                    }
                >
                    {move || {
                        names
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(index, name)| {
                                view! {
                                    <option value=index.to_string() selected=move || chosen.get() == index>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <BridgeChart id="compare-bridge" scenario=scenario />
        </div>
    }
}
