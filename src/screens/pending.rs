//! Screens that are not built yet say so plainly instead of pretending.

use crate::app::view_label;
use crate::i18n::l;
use crate::route::View;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn Pending(view: View) -> impl IntoView {
    let state = use_app_state();
    view! {
        <section class="screen pending">
            <h2>{move || view_label(view).get(state.lang.get())}</h2>
            <p>{move || l("此畫面尚在建造中。", "This screen is still being built.").get(state.lang.get())}</p>
        </section>
    }
}
