//! The app's shared state, provided once as context. Inputs are signals; everything
//! computed from them is a memo, so a screen never holds a copy that can go stale.

use blockvote_model::Dataset;
use blockvote_present::lang::Lang;
use blockvote_present::route::{route, View};
use leptos::prelude::*;
use std::sync::Arc;

/// The key under which the chosen language is remembered.
const LANG_STORAGE_KEY: &str = "blockvote.lang";

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub view: RwSignal<View>,
    /// The fragment's other `key=value` pairs (filters, levers).
    pub params: RwSignal<Vec<(String, String)>>,
    /// The paper's data (or, later, an imported dataset).
    pub dataset: StoredValue<Arc<Dataset>>,
    /// The header's pop-up opened last on a narrow screen: the navigation menu and
    /// sharing (its menu or its panel) open in one place under the header, so each
    /// closes when the other opens.
    pub popup: RwSignal<Popup>,
    /// The screen the presenter view was opened from, which leaving it goes back to
    /// (audit 19: it went to Scenarios whatever the member came from); Scenarios when
    /// the page opened on the presenter view. Kept by the shell (`app.rs`).
    pub presenter_opened_from: RwSignal<View>,
}

/// A pop-up of the header (see [`AppState::popup`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Popup {
    #[default]
    None,
    Navigation,
    Share,
}

impl AppState {
    /// Builds the state from the address's `fragment` (the shell reads it through
    /// `crate::address`), stored preferences and the browser's language, in that
    /// order of precedence.
    pub fn new(dataset: Dataset, fragment: &str) -> AppState {
        let initial = route(fragment);
        let lang = initial.lang.or_else(stored_lang).unwrap_or_else(browser_lang);
        AppState {
            lang: RwSignal::new(lang),
            view: RwSignal::new(initial.view),
            params: RwSignal::new(initial.params),
            dataset: StoredValue::new(Arc::new(dataset)),
            popup: RwSignal::new(Popup::None),
            presenter_opened_from: RwSignal::new(View::Scenarios),
        }
    }

    /// The dataset the screens show.
    pub fn data(&self) -> Arc<Dataset> {
        self.dataset.get_value()
    }

    /// Remembers the language choice; storage may be unavailable (private windows,
    /// some file:// setups), in which case the choice lasts for this visit only.
    pub fn remember_lang(lang: Lang) {
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(LANG_STORAGE_KEY, lang.code());
        }
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn stored_lang() -> Option<Lang> {
    local_storage().and_then(|s| s.get_item(LANG_STORAGE_KEY).ok().flatten()).and_then(|code| Lang::from_code(&code))
}

fn browser_lang() -> Lang {
    let tag = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
    Lang::from_browser_language(&tag)
}

/// The state provided by [`crate::app::App`]. Every screen is rendered inside the
/// app, so the context is always there; the fallback (an empty dataset) keeps a stray
/// component from panicking if that ever changes.
pub fn use_app_state() -> AppState {
    use_context::<AppState>().unwrap_or_else(|| AppState::new(Dataset::empty(), ""))
}
