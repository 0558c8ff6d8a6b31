//! The slides of the presenter view, in order: the scenario on screen, then every
//! saved scenario as the Scenarios screen lists them.

use crate::components::memo::memo;
use crate::saved::{last_saved, use_saved};
use crate::whatif::use_whatif;
use blockvote_model::engine::Scenario;
use blockvote_model::saved::Store;
use blockvote_present::screens::presenter::SlideSource;
use leptos::prelude::*;

/// One slide's scenario and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeckEntry {
    /// The saved scenario's id, or `on-screen`.
    pub key: String,
    pub name: String,
    pub scenario: Scenario,
    pub source: SlideSource,
}

/// The deck, recomputed only when the scenario on screen or the store changes.
pub fn use_deck() -> Memo<Vec<DeckEntry>> {
    let whatif = use_whatif();
    let store: RwSignal<Store> = RwSignal::from(use_saved().store);
    memo(move |_| {
        let on_screen = whatif.scenario.get();
        let unchanged = on_screen == Scenario::default();
        let first = DeckEntry {
            key: "on-screen".to_string(),
            name: String::new(),
            scenario: on_screen,
            source: SlideSource::OnScreen { unchanged },
        };
        let saved = store.with(|store| {
            store
                .scenarios
                .iter()
                .map(|saved| DeckEntry {
                    key: saved.id.clone(),
                    name: saved.name.clone(),
                    scenario: saved.scenario.clone(),
                    source: SlideSource::Saved { name: saved.name.clone(), saved_on: last_saved(saved.saved_at) },
                })
                .collect::<Vec<_>>()
        });
        std::iter::once(first).chain(saved).collect()
    })
}
