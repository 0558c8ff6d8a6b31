//! Whether a link carries a scenario exactly, and what to write when it cannot.
//!
//! The address must never hold a different scenario from the one on screen, nor be
//! its only copy when it does not fit: [`write`] gives the pairs for a scenario only
//! when they decode back to exactly that scenario and simulation, and otherwise a marker
//! that says why ([`Marker`]): `scenario=too-large` or `scenario=not-expressible`,
//! with the reason ([`Fit`]) for the app to say so and to offer the scenario as a file
//! instead. The two markers are distinct so that whoever opens the link is told the
//! true reason: a scenario read from a file is not "too large" because a link cannot
//! say one of its values.

use super::{
    decode, encode, fragment_text, MARKER_KEY, MARKER_NOT_EXPRESSIBLE, MARKER_VALUE, MAX_FRAGMENT_CHARS, MAX_ITEMS,
};
use crate::engine::monte_carlo::SimulationChoices;
use crate::engine::Scenario;

/// The longest scenario part of a link, in characters as written: the fragment's
/// limit less room for the shell's own pairs (`view=` and `lang=`), which come first.
pub const MAX_SCENARIO_CHARS: usize = MAX_FRAGMENT_CHARS - 256;

/// How well a link carries a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fit {
    /// The pairs decode back to exactly this scenario and simulation.
    Exact,
    /// The link would be longer than [`MAX_SCENARIO_CHARS`] characters, or a list in
    /// it longer than [`MAX_ITEMS`] items.
    TooLarge { chars: usize, items: usize },
    /// The scenario holds a value a link cannot say (one read from a file: a
    /// department named rather than numbered, a lever outside what a link accepts …).
    NotExpressible,
}

impl Fit {
    /// The marker written in place of the scenario, or `None` when the link carries it.
    pub fn marker(&self) -> Option<Marker> {
        match self {
            Fit::Exact => None,
            Fit::TooLarge { .. } => Some(Marker::TooLarge),
            Fit::NotExpressible => Some(Marker::NotExpressible),
        }
    }
}

/// Why a link carries no scenario: what its marker `scenario=…` says. An opened
/// marker knows only this, not the sizes [`Fit::TooLarge`] had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// `scenario=too-large`: the scenario was too large for a link ([`Fit::TooLarge`]).
    TooLarge,
    /// `scenario=not-expressible`: the scenario held a value a link cannot say
    /// ([`Fit::NotExpressible`]).
    NotExpressible,
}

impl Marker {
    /// The marker's value, after `scenario=`.
    pub fn value(self) -> &'static str {
        match self {
            Marker::TooLarge => MARKER_VALUE,
            Marker::NotExpressible => MARKER_NOT_EXPRESSIBLE,
        }
    }

    /// The marker a `scenario=` value is, if it is one.
    pub fn from_value(value: &str) -> Option<Marker> {
        [Marker::TooLarge, Marker::NotExpressible].into_iter().find(|marker| marker.value() == value)
    }
}

/// What the address carries for a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The scenario's pairs when they carry it exactly, otherwise the marker alone.
    pub pairs: Vec<(String, String)>,
    pub fit: Fit,
}

impl Written {
    /// True if the pairs carry the scenario exactly.
    pub fn fits(&self) -> bool {
        self.fit == Fit::Exact
    }
}

/// The pairs for `scenario` and `simulation`, checked by decoding them again: exactly
/// the scenario's pairs, or the marker and why.
pub fn write(scenario: &Scenario, simulation: Option<&SimulationChoices>) -> Written {
    let pairs = encode(scenario, simulation);
    // The fragment text less its `#`, as the shell writes it.
    let chars = fragment_text(&pairs).chars().count().saturating_sub(1);
    let items = pairs.iter().map(|(_, value)| value.split(';').count()).max().unwrap_or(0);
    let fit = if chars > MAX_SCENARIO_CHARS || items > MAX_ITEMS {
        Fit::TooLarge { chars, items }
    } else {
        let (again, problems) = decode(&pairs);
        if problems.is_empty() && again.scenario == *scenario && again.simulation.as_ref() == simulation {
            Fit::Exact
        } else {
            Fit::NotExpressible
        }
    };
    match fit.marker() {
        None => Written { pairs, fit },
        Some(marker) => Written { pairs: vec![(MARKER_KEY.to_string(), marker.value().to_string())], fit },
    }
}
