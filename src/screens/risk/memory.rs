//! What the risk screen keeps while the member visits other screens: the simulation's
//! settings and its last two results, and the data table's choice (so a member who
//! checks a cell on the cash-flow screen comes back to the same table). Provided once by the shell (`app.rs`), so it
//! lives as long as the dataset does; a run in progress belongs to the screen and
//! stops when the member leaves it.

use blockvote_model::engine::DataTableSpec;
use blockvote_present::screens::risk::data_table::TableForm;
use blockvote_present::screens::risk::results::SimulationRun;
use blockvote_present::screens::risk::simulation::SimulationInputs;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct RiskMemory {
    pub inputs: RwSignal<SimulationInputs>,
    /// The last completed run, and the one before it (to show that a run repeats).
    pub result: RwSignal<Option<SimulationRun>>,
    pub previous: RwSignal<Option<SimulationRun>>,
    /// The data table's preset, levers, ranges and figure.
    pub data_table: RwSignal<TableForm>,
    /// The last table the form asked for without being refused: the one shown while
    /// the form is refused, also when the member comes back to a form they left refused.
    pub data_table_made: StoredValue<Option<DataTableSpec>>,
    /// How many runs were started in this visit: each run is numbered.
    runs_started: StoredValue<u64>,
}

impl RiskMemory {
    pub fn new() -> RiskMemory {
        RiskMemory {
            inputs: RwSignal::new(SimulationInputs::default()),
            result: RwSignal::new(None),
            previous: RwSignal::new(None),
            data_table: RwSignal::new(TableForm::default()),
            data_table_made: StoredValue::new(None),
            runs_started: StoredValue::new(0),
        }
    }

    /// The number of the run being started.
    pub fn next_run_number(&self) -> u64 {
        let next = self.runs_started.get_value().wrapping_add(1);
        self.runs_started.set_value(next);
        next
    }

    /// Keeps a finished run as the latest, the latest before it as the previous.
    pub fn keep(&self, run: SimulationRun) {
        let before = self.result.try_get_untracked().flatten();
        self.previous.try_set(before);
        self.result.try_set(Some(run));
    }
}

impl Default for RiskMemory {
    fn default() -> Self {
        RiskMemory::new()
    }
}

/// The memory the shell provides; without it (a screen drawn on its own, in a test),
/// one that lasts as long as the screen.
pub fn use_risk_memory() -> RiskMemory {
    use_context::<RiskMemory>().unwrap_or_default()
}
