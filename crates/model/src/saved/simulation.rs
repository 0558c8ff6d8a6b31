//! A saved scenario's simulation as its row writes it: the seed as `seed`, where every
//! version of blockvote has read it, and the other settings, those that are not the
//! defaults, in a `simulation` object beside it. A row with neither has no simulation.

use crate::engine::monte_carlo::{
    OverrunSettings, SimulationChoices, DEFAULT_DELAY_WEIGHTS, DEFAULT_RUNS, DEFAULT_SEED, MAX_DELAY_QUARTERS,
};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

/// The `simulation` object: each setting absent when it is the default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(super) struct Settings {
    #[serde(skip_serializing_if = "is_default_runs")]
    runs: u32,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::entry::write_optional_share")]
    late_probability: Option<Decimal>,
    #[serde(skip_serializing_if = "is_default_weights")]
    delay_weights: [u32; MAX_DELAY_QUARTERS],
    #[serde(skip_serializing_if = "Option::is_none")]
    overrun: Option<OverrunSettings>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { runs: DEFAULT_RUNS, late_probability: None, delay_weights: DEFAULT_DELAY_WEIGHTS, overrun: None }
    }
}

fn is_default_runs(runs: &u32) -> bool {
    *runs == DEFAULT_RUNS
}

fn is_default_weights(weights: &[u32; MAX_DELAY_QUARTERS]) -> bool {
    *weights == DEFAULT_DELAY_WEIGHTS
}

/// The simulation a row's `seed` and `simulation` give: none when it has neither, and
/// the defaults for what it leaves out. Its settings are not checked here
/// ([`SimulationChoices::fault`] is, by the reader).
pub(super) fn choices(seed: Option<u64>, settings: Option<Settings>) -> Option<SimulationChoices> {
    if seed.is_none() && settings.is_none() {
        return None;
    }
    let Settings { runs, late_probability, delay_weights, overrun } = settings.unwrap_or_default();
    Some(SimulationChoices { seed: seed.unwrap_or(DEFAULT_SEED), runs, late_probability, delay_weights, overrun })
}

/// A row's `seed` and `simulation` for `simulation`: none for none; the seed alone for
/// the default settings.
pub(super) fn fields(simulation: &Option<SimulationChoices>) -> (Option<u64>, Option<Settings>) {
    let Some(simulation) = simulation else {
        return (None, None);
    };
    let settings = Settings {
        runs: simulation.runs,
        late_probability: simulation.late_probability,
        delay_weights: simulation.delay_weights,
        overrun: simulation.overrun.clone(),
    };
    (Some(simulation.seed), (settings != Settings::default()).then_some(settings))
}

/// Reads a row's `simulation` object (its settings, unchecked; a setting left out is
/// the default), or `None` when a setting is not of its type. Read by hand, as the
/// rest of a row is: serde's readers for this one object cost more code than this.
pub(super) fn settings(value: &Map<String, Value>) -> Option<Settings> {
    let mut settings = Settings::default();
    if let Some(runs) = given(value, "runs") {
        // More runs than a `u32` holds are more than `MAX_RUNS` too, and refused as out
        // of range by the reader, as 1,000,000,000 is: never "could not be read".
        settings.runs = runs.as_u64().map(|runs| u32::try_from(runs).unwrap_or(u32::MAX))?;
    }
    if let Some(late) = given(value, "late_probability") {
        settings.late_probability = Some(decimal(late)?);
    }
    if let Some(weights) = given(value, "delay_weights") {
        let weights = weights.as_array()?;
        if weights.len() != MAX_DELAY_QUARTERS {
            return None;
        }
        for (weight, given) in settings.delay_weights.iter_mut().zip(weights) {
            *weight = given.as_u64().and_then(|w| u32::try_from(w).ok())?;
        }
    }
    if let Some(overrun) = given(value, "overrun") {
        let overrun = overrun.as_object()?;
        let percent = |key: &str| given(overrun, key).map(|p| p.as_u64().and_then(|p| u32::try_from(p).ok()));
        let defaults = OverrunSettings::default();
        settings.overrun = Some(OverrunSettings {
            probability: given(overrun, "probability").map_or(Some(defaults.probability), decimal)?,
            min_pct: percent("min_pct").unwrap_or(Some(defaults.min_pct))?,
            max_pct: percent("max_pct").unwrap_or(Some(defaults.max_pct))?,
        });
    }
    Some(settings)
}

/// A field of `object` that holds something (`null` is left out, as serde reads it).
fn given<'a>(object: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    object.get(key).filter(|value| !value.is_null())
}

/// A share as a row writes it: a string, a decimal (`"0.4"`) or a fraction
/// (`"1/3"`), as a scenario's shares are (`entry::write_share`).
fn decimal(value: &Value) -> Option<Decimal> {
    crate::entry::read_share(value).ok()
}

/// The settings beyond the seed as JSON, when they are not the defaults.
pub(super) fn settings_text(simulation: &Option<SimulationChoices>) -> Option<String> {
    fields(simulation).1.and_then(|settings| serde_json::to_string(&settings).ok())
}
