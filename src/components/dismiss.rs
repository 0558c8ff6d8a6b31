//! The "Dismiss" button of a notice. A dismissed notice takes its button with it, and
//! the browser would drop keyboard focus to `<body>`; this button moves it to the main
//! content instead, for every notice alike.

use crate::components::focus::focus_after_render;
use crate::components::words::Words;
use blockvote_present::lang::Label;
use blockvote_present::storage::DISMISS;
use leptos::prelude::*;

/// Runs `on_dismiss` (which clears the notice), then focuses `#main` once the notice
/// is gone. `testid` names the button for the end-to-end tests, where one needs it;
/// `label` is "Dismiss" unless the notice words its refusal otherwise.
#[component]
pub fn DismissButton(
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(default = DISMISS)] label: Label,
    on_dismiss: Callback<()>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="small"
            data-testid=testid
            on:click=move |_| {
                on_dismiss.run(());
                focus_after_render("#main".to_string());
            }
        >
            <Words label=label />
        </button>
    }
}
