//! The sensitivity panel: the data table of any figure over any two levers
//! (`data_table.rs`), and the tornado of the levers that move 2018-19 most, computed
//! in slices (`crate::tasks`) after the figures a lever changes have been painted.

use super::data_table::DataTablePanel;
use super::engine_of;
use super::glossary::Terms;
use crate::charts::tornado::Tornado;
use crate::components::each::each_key;
use crate::components::effect::effect;
use crate::components::marks::MarkedHeading;
use crate::components::memo::memo;
use crate::components::sentence::kept_whole;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::tasks::{ChunkedWork, Pace, Task, TaskSlot};
use crate::whatif::use_whatif;
use blockvote_model::engine::Tornado;
use blockvote_present::format::decimals;
use blockvote_present::provenance::MarkedColumn;
use blockvote_present::screens::risk::glossary::SENSITIVITY_TERMS;
use blockvote_present::screens::risk::sensitivity::{
    tornado_base_label, tornado_figure_columns, tornado_lines, tornado_rows, TornadoLine, TornadoWork, HEADING, HIGH,
    LEVER_HEADING, LOW, TORNADO_CAPTION, TORNADO_DESCRIPTION, TORNADO_EXPLANATION, TORNADO_HEADING,
    TORNADO_SETTING_COLUMNS, TORNADO_TITLE,
};
use leptos::prelude::*;

/// Tornado pieces per slice (the base, then a lever of two projections each).
const TORNADO_PACE: Pace = Pace { first: 2, min: 1, max: 6 };

impl ChunkedWork for TornadoWork {
    type Output = Option<Tornado>;

    fn step(&mut self, units: u32) -> u32 {
        self.compute(units)
    }

    fn progress(&self) -> (u32, u32) {
        TornadoWork::progress(self)
    }

    fn finish(&mut self) -> Option<Tornado> {
        self.tornado()
    }
}

#[component]
pub fn SensitivityPanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();

    // The tornado follows every lever, the slippage lever included, so it too runs
    // after the figures a lever changes have been painted; the last one stays drawn
    // until the next is ready.
    // The marks of its columns of figures come with it, worked out from the scenario
    // it was computed from, so they change when its figures do.
    let tornado_result: RwSignal<(Option<Tornado>, f64)> = RwSignal::new((None, 0.0));
    let figure_columns: RwSignal<Option<[MarkedColumn; 3]>> = RwSignal::new(None);
    let tornado_busy = RwSignal::new(true);
    let tornado_slot = TaskSlot::new();
    effect(move |_| {
        let scenario = whatif.scenario.get();
        let Some(engine) = engine_of(&whatif) else { return };
        tornado_busy.set(true);
        let columns = tornado_figure_columns(&scenario);
        Task::new(TornadoWork::new(engine, scenario), TORNADO_PACE)
            .on_finish(move |tornado, report| {
                let shown = tornado.is_some().then_some(columns);
                tornado_result.try_set((tornado, report.busy_ms));
                if figure_columns.try_with_untracked(|now| *now != shown) == Some(true) {
                    figure_columns.try_set(shown);
                }
                tornado_busy.try_set(false);
            })
            .start(tornado_slot);
    });

    let tornado_rows_signal = Signal::derive(move || {
        tornado_result.with(|(t, _)| t.as_ref().map(|t| tornado_rows(t, lang())).unwrap_or_default())
    });
    let tornado_base =
        Signal::derive(move || tornado_result.with(|(t, _)| t.as_ref().map(|t| t.base).unwrap_or_default()));
    // One row per lever, keyed by it: a new tornado moves the rows into the new order
    // and rewrites only the figures that changed.
    let tornado_lines_shown =
        memo(move |_| tornado_result.with(|(t, _)| t.as_ref().map(|t| tornado_lines(t, lang()))).unwrap_or_default());
    let tornado_keys = memo(move |_| tornado_lines_shown.with(|lines| lines.iter().map(|l| l.key).collect::<Vec<_>>()));
    let tornado_table = view! {
        {each_key(
            move || tornado_keys.get(),
            move |key| view! { <TornadoTableRow lines=tornado_lines_shown key=key /> }.into_any(),
        )}
    };
    let [low, high] = TORNADO_SETTING_COLUMNS.map(|column| Signal::stored(Some(column)));
    let figure_head = move |index: usize| {
        let column = Signal::derive(move || figure_columns.with(|c| c.as_ref().and_then(|c| c.get(index).cloned())));
        view! { <MarkedHeading column=column /> }
    };

    view! {
        <section
            class="panel risk-sensitivity"
            aria-labelledby="risk-sens-heading"
            data-tornado-ms=move || tornado_result.with(|(_, ms)| decimals(*ms, 1))
            data-testid="risk-sensitivity"
        >
            <h3 id="risk-sens-heading">
                <Words label=HEADING />
            </h3>
            <Terms terms=&SENSITIVITY_TERMS />
            <DataTablePanel />

            <h4>
                <Words label=TORNADO_HEADING />
            </h4>
            <p class="note explain">
                <Words label=TORNADO_EXPLANATION />
            </p>
            <Tornado
                id="risk-tornado"
                title=Signal::derive(move || TORNADO_TITLE.get(lang()).to_string())
                description=Signal::derive(move || TORNADO_DESCRIPTION.get(lang()).to_string())
                base=tornado_base
                base_label=Signal::derive(move || tornado_base_label(tornado_base.get(), lang()))
                rows=tornado_rows_signal
                low_name=Signal::derive(move || LOW.get(lang()).to_string())
                high_name=Signal::derive(move || HIGH.get(lang()).to_string())
            />
            // Focusable, so a keyboard can scroll the table on a narrow screen (it holds
            // nothing else that takes focus).
            <div class="table-wide" tabindex="0">
                <table
                    class="data tornado-table"
                    data-testid="tornado-table"
                    aria-busy=move || tornado_busy.get().to_string()
                >
                    <caption>
                        <Words label=TORNADO_CAPTION />
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">
                                <Words label=LEVER_HEADING />
                            </th>
                            <MarkedHeading column=low />
                            {figure_head(0)}
                            <MarkedHeading column=high />
                            {figure_head(1)}
                            {figure_head(2)}
                        </tr>
                    </thead>
                    <tbody>{tornado_table}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The tornado table's row for lever `key`, following it.
#[component]
fn TornadoTableRow(lines: Memo<Vec<TornadoLine>>, key: &'static str) -> impl IntoView {
    let cells = memo(move |_| lines.with(|lines| lines.iter().find(|l| l.key == key).map(|l| l.cells.clone())));
    let cell = move |at: usize| move || cells.with(|c| c.as_ref().and_then(|c| c.get(at).cloned()));
    view! {
        <tr data-testid=format!("tornado-row-{key}")>
            // The lever's name keeps its years whole ("2018-" / "19" at every width).
            <th scope="row">{move || cell(0)().map(|name| kept_whole(&name))}</th>
            <td class="num">{cell(1)}</td>
            <td class="num">{cell(2)}</td>
            <td class="num">{cell(3)}</td>
            <td class="num">{cell(4)}</td>
            <td class="num">{cell(5)}</td>
        </tr>
    }
}
