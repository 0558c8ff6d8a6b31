//! Para 5's record in one sentence, every count cited.

use super::MarkedSentence;
use crate::state::use_app_state;
use blockvote_present::screens::risk::para5_record;
use leptos::prelude::*;

#[component]
pub fn Para5Summary() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let sentence = Signal::derive(move || para5_record(&data, state.lang.get()).unwrap_or_default());
    view! {
        <p class="risk-lead" data-testid="risk-para5">
            <MarkedSentence sentence=sentence />
        </p>
    }
}
