//! The Monte Carlo panel: the settings (the probability late following the slippage
//! lever unless the member sets another), Run and Cancel, progress, and the results
//! below. The simulation runs in slices (`crate::tasks`), so the page stays usable.

use super::glossary::Terms;
use super::memory::use_risk_memory;
use super::results::SimulationResults;
use super::{engine_of, set_lever, MarkedSentence};
use crate::components::effect::effect;
use crate::components::fields::{refused_entry_focused, NumberField};
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::tasks::{ChunkedWork, Pace, Task, TaskSlot};
use crate::whatif::use_whatif;
use blockvote_model::engine::monte_carlo::{SimulationChoices, MAX_DELAY_QUARTERS};
use blockvote_model::engine::{Lever, MonteCarlo, MonteCarloSummary, Scenario};
use blockvote_present::screens::risk::glossary::SIMULATION_TERMS;
use blockvote_present::screens::risk::results::{allocation, SimulationRun};
use blockvote_present::screens::risk::simulation::{
    delay_words, late_field, late_source, overrun_max_field, overrun_min_field, overrun_note,
    overrun_probability_field, progress_text, runs_field, seed_field, weight_field, weight_shares, SimulationInputs,
    SimulationStatus, ADD_OVERRUNS, CANCEL, DEFAULTS, EXPLANATION, HEADING, PROGRESS, RUN, SETTINGS, WEIGHTS,
};
use blockvote_present::screens::risk::without_slippage_levers;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

/// Runs per slice: the first slice's, and the bounds the runner adapts within. One
/// run to start with and at the least: a run of a 20,000-project file with cost
/// overruns takes about 0.2 s, and slices of at least 10 runs (200 to start) blocked
/// the page for seconds at a time. On the paper's data (8 µs a run) the slices double
/// from one run to the budget within a few tasks.
const PACE: Pace = Pace { first: 1, min: 1, max: 20_000 };

/// A simulation as chunked work: its runs, then its summary column by column. A
/// column sorts every run's value, so it weighs as much as about one run in 500 of
/// the simulation's (measured in Chromium: a run of the paper takes about 8 µs, a
/// column of 100,000 runs about 1.7 ms); weighing it so keeps each slice near the
/// budget when the work moves from runs to columns.
struct SimulationWork {
    simulation: MonteCarlo,
    column_weight: u32,
}

impl SimulationWork {
    fn new(simulation: MonteCarlo) -> SimulationWork {
        let (_, runs) = simulation.progress();
        SimulationWork { simulation, column_weight: (runs / 500).max(1) }
    }
}

impl ChunkedWork for SimulationWork {
    type Output = MonteCarloSummary;

    fn step(&mut self, units: u32) -> u32 {
        if !self.simulation.is_done() {
            return self.simulation.step(units);
        }
        let columns = (units / self.column_weight).max(1);
        self.simulation.summarise(columns).saturating_mul(self.column_weight)
    }

    fn progress(&self) -> (u32, u32) {
        let (runs_done, runs) = self.simulation.progress();
        let (columns_done, columns) = self.simulation.summary_progress();
        let weigh = |columns: u32| columns.saturating_mul(self.column_weight);
        (runs_done.saturating_add(weigh(columns_done)), runs.saturating_add(weigh(columns)))
    }

    fn finish(&mut self) -> MonteCarloSummary {
        self.simulation.summary()
    }
}

#[component]
pub fn MonteCarloPanel(steady: Memo<Scenario>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let memory = use_risk_memory();
    let lang = move || state.lang.get();
    let data = state.data();
    let inputs = memory.inputs;

    // The simulation the address carries (a link, a saved scenario opened, the
    // address edited by hand) sets the panel up, and what the member sets up here is
    // carried by the address, so that whoever opens the link, or the saved scenario,
    // runs the very same simulation. Each side is written only when it differs from
    // the other, so neither change comes back.
    let set_up_from_address = move || {
        let carried = whatif.link_simulation.get_untracked();
        if inputs.with_untracked(|i| i.choices() != carried.clone().unwrap_or_default()) {
            inputs.update(|i| *i = i.set_up(carried.as_ref()));
        }
    };
    set_up_from_address();
    // The choices this panel last wrote for the address, until they come back: its own
    // write is not set up again, since the inputs may have moved since in the same turn
    // (a refused weight read again once another weight moved), and setting them up from
    // the older write would undo that.
    let written: StoredValue<Option<SimulationChoices>> = StoredValue::new(None);
    effect(move |_| {
        whatif.link_simulation.track();
        let own = whatif.link_simulation.with_untracked(|carried| written.with_value(|w| w.is_some() && w == carried));
        written.set_value(None);
        if !own {
            set_up_from_address();
        }
    });
    effect(move |_| {
        let choices = inputs.with(SimulationInputs::choices);
        if whatif.link_simulation.with_untracked(|m| m.clone().unwrap_or_default() != choices) {
            written.set_value(Some(choices.clone()));
            whatif.link_simulation.set(Some(choices));
        }
    });
    let lever = memo(move |_| whatif.scenario.with(|s| s.slippage.clone()));
    let settings = memo(move |_| inputs.with(|i| i.settings(&lever.get())));
    let status = RwSignal::new(SimulationStatus::Idle);
    let progress = RwSignal::new(
        memory
            .result
            .with_untracked(|r| r.as_ref().map(|r| (r.summary.runs_done, r.summary.runs_total)))
            .unwrap_or((0, 0)),
    );
    let slot = TaskSlot::new();
    let stale = memo(move |_| {
        memory.result.with(|r| r.as_ref().is_some_and(|r| steady.with(|s| settings.with(|t| r.is_stale(s, t)))))
    });
    let running = move || status.with(|s| *s == SimulationStatus::Running);
    // The same, read in event handlers, which track nothing.
    let running_now = move || status.with_untracked(|s| *s == SimulationStatus::Running);
    let threshold = allocation(&data);

    let start = move || {
        let began = crate::tasks::now_ms();
        let Some(engine) = engine_of(&whatif) else {
            status.set(SimulationStatus::no_engine());
            return;
        };
        let scenario = whatif.scenario.get_untracked();
        let settings = settings.get_untracked();
        let simulation = match MonteCarlo::with_engine(&engine, &scenario, &settings) {
            Ok(simulation) => simulation,
            Err(error) => {
                status.set(SimulationStatus::refused(&error));
                return;
            }
        };
        let simulation = match threshold {
            Some(threshold) => simulation.comparing_budget_year_with(threshold),
            None => simulation,
        };
        let number = memory.next_run_number();
        progress.set((0, settings.runs));
        status.set(SimulationStatus::Running);
        let scenario = without_slippage_levers(&scenario);
        Task::new(SimulationWork::new(simulation), PACE)
            .prepared_since(began)
            .on_slice(move |work, _| {
                progress.try_set(work.simulation.progress());
            })
            .on_finish(move |summary, report| {
                progress.try_set((summary.runs_done, summary.runs_total));
                let run = SimulationRun {
                    summary: Arc::new(summary),
                    settings,
                    scenario,
                    number,
                    elapsed_ms: report.elapsed_ms,
                    longest_slice_ms: report.longest_slice_ms,
                };
                status.try_set(SimulationStatus::finished(&run));
                memory.keep(run);
            })
            .start(slot);
    };
    let cancel = move || {
        slot.cancel();
        let (done, total) = progress.get_untracked();
        status.set(SimulationStatus::Cancelled { done, total });
    };

    let late = Signal::derive(move || inputs.with(|i| i.late_probability(&lever.get())));
    let source = memo(move |_| inputs.with(|i| late_source(i, &lever.get(), lang())));
    let weight = move |index: usize| {
        let current = Signal::derive(move || inputs.with(|i| i.delay_weights.get(index).copied().unwrap_or(0)));
        // Read tracked: a field whose entry was refused over the others' weights reads
        // it again when one of them moves (its message never names weights no longer
        // in effect, and an entry that now reads is applied, as the field shows it).
        let others = move || {
            inputs.with(|i| {
                i.delay_weights.iter().enumerate().filter(|(other, _)| *other != index).map(|(_, w)| *w).sum()
            })
        };
        view! {
            <NumberField
                spec=weight_field(index, others)
                testid=format!("mc-weight-{}", index + 1)
                current=current
                commit=move |value: u32| {
                    inputs
                        .update(|i| {
                            if let Some(slot) = i.delay_weights.get_mut(index) {
                                *slot = value;
                            }
                        })
                }
                narrow=true
            />
        }
    };
    let overrun_on = move || inputs.with(|i| i.overrun_on);
    let overrun_note = Signal::derive(move || overrun_note(&data, lang()).unwrap_or_default());

    view! {
        <section class="panel risk-mc" aria-labelledby="risk-mc-heading">
            <h3 id="risk-mc-heading">
                <Words label=HEADING />
            </h3>
            <Terms terms=&SIMULATION_TERMS />
            <p class="note explain" data-testid="mc-explain">
                <Words label=EXPLANATION />
            </p>
            <fieldset class="mc-settings">
                <legend>
                    <Words label=SETTINGS />
                </legend>
                <div class="inline-fields">
                    <NumberField
                        spec=late_field()
                        testid="mc-late"
                        current=late
                        commit=move |value: Decimal| {
                            inputs.update(|i| i.set_late_probability(value, &lever.get_untracked()))
                        }
                    />
                    <NumberField
                        spec=runs_field()
                        testid="mc-runs"
                        current=Signal::derive(move || inputs.with(|i| i.runs))
                        commit=move |value: u32| inputs.update(|i| i.runs = value)
                        narrow=true
                    />
                    <NumberField
                        spec=seed_field()
                        testid="mc-seed"
                        current=Signal::derive(move || inputs.with(|i| i.seed))
                        commit=move |value: u64| inputs.update(|i| i.seed = value)
                        narrow=true
                    />
                </div>
                <div
                    class="late-source"
                    class:differs=move || source.with(|s| s.differs)
                    data-testid="mc-late-source"
                    data-differs=move || source.with(|s| s.differs).to_string()
                >
                    <p class="share-readout" data-testid="mc-late-percent">
                        <MarkedSentence sentence=Signal::derive(move || source.with(|s| s.sentence.clone())) />
                    </p>
                    <Show when=move || source.with(|s| s.differs)>
                        <div class="same-buttons">
                            <button
                                type="button"
                                data-testid="mc-late-follow"
                                on:click=move |_| inputs.update(|i| i.late_probability = None)
                            >
                                {move || source.with(|s| s.follow_lever.clone())}
                            </button>
                            <button
                                type="button"
                                data-testid="mc-late-set-lever"
                                on:click=move |_| {
                                    set_lever(whatif, Lever::SlipShare, late.get_untracked());
                                    inputs.update(|i| i.late_probability = None);
                                }
                            >
                                {move || source.with(|s| s.set_lever.clone())}
                            </button>
                        </div>
                    </Show>
                </div>
                <div class="weights" role="group" aria-labelledby="mc-weights-label">
                    <p id="mc-weights-label" class="weights-label">
                        <Words label=WEIGHTS />
                    </p>
                    <div class="inline-fields">
                        {(0..MAX_DELAY_QUARTERS).map(weight).collect_view()}
                        <p class="share-readout" data-testid="mc-weight-shares">
                            {move || inputs.with(|i| weight_shares(&i.delay_weights))}
                        </p>
                    </div>
                    <p class="note" data-testid="mc-delay-words">
                        {move || inputs.with(|i| delay_words(&i.delay_weights, lever.with(|l| l.quarters), lang()))}
                    </p>
                </div>
                <div class="overrun">
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid="mc-overrun"
                            prop:checked=overrun_on
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                inputs.update(|i| i.overrun_on = checked);
                            }
                        />
                        <Words label=ADD_OVERRUNS />
                    </label>
                    <span class="note">
                        <MarkedSentence sentence=overrun_note />
                    </span>
                    <Show when=overrun_on>
                        <div class="inline-fields">
                            <NumberField
                                spec=overrun_probability_field()
                                testid="mc-overrun-p"
                                current=Signal::derive(move || inputs.with(|i| i.overrun.probability))
                                commit=move |value: Decimal| inputs.update(|i| i.overrun.probability = value)
                            />
                            // The ends are read tracked, as the weights are.
                            <NumberField
                                spec=overrun_min_field(move || inputs.with(|i| i.overrun.max_pct))
                                testid="mc-overrun-min"
                                current=Signal::derive(move || inputs.with(|i| i.overrun.min_pct))
                                commit=move |value: u32| inputs.update(|i| i.overrun.min_pct = value)
                                narrow=true
                            />
                            <NumberField
                                spec=overrun_max_field(move || inputs.with(|i| i.overrun.min_pct))
                                testid="mc-overrun-max"
                                current=Signal::derive(move || inputs.with(|i| i.overrun.max_pct))
                                commit=move |value: u32| inputs.update(|i| i.overrun.max_pct = value)
                                narrow=true
                            />
                        </div>
                    </Show>
                </div>
                <div class="mc-actions">
                    // Run and Cancel are marked unavailable with aria-disabled rather than
                    // `disabled`: a disabled button loses keyboard focus to <body>, so
                    // pressing Run (or Cancel) from the keyboard would drop the user at
                    // the top of the page. Each handler ignores presses while unavailable.
                    <button
                        type="button"
                        class="primary"
                        data-testid="mc-run"
                        aria-disabled=move || running().to_string()
                        on:click=move |_| {
                            if !running_now() && !refused_entry_focused(&whatif, |testid| testid.starts_with("mc-")) {
                                start();
                            }
                        }
                    >
                        <Words label=RUN />
                    </button>
                    <button
                        type="button"
                        data-testid="mc-cancel"
                        aria-disabled=move || (!running()).to_string()
                        on:click=move |_| {
                            if running_now() {
                                cancel();
                            }
                        }
                    >
                        <Words label=CANCEL />
                    </button>
                    <button
                        type="button"
                        data-testid="mc-defaults"
                        disabled=running
                        on:click=move |_| inputs.set(SimulationInputs::default())
                    >
                        <Words label=DEFAULTS />
                    </button>
                    <span class="mc-progress">
                        <progress
                            data-testid="mc-progress"
                            max=move || progress.get().1.max(1)
                            value=move || progress.get().0
                            aria-label=move || PROGRESS.get(lang())
                        ></progress>
                        <span class="num" data-testid="mc-progress-text">
                            {move || {
                                let (done, total) = progress.get();
                                progress_text(done, total)
                            }}
                        </span>
                    </span>
                </div>
                <p
                    class="mc-status"
                    role="status"
                    data-testid="mc-status"
                    data-state=move || status.with(SimulationStatus::key)
                >
                    {move || status.with(|s| s.text(lang()))}
                    " "
                    <span class="visually-hidden" data-testid="mc-status-spoken">
                        {move || status.with(|s| s.spoken(lang()).to_string())}
                    </span>
                </p>
            </fieldset>
            <SimulationResults stale=stale />
        </section>
    }
}
