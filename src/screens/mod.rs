//! One module per screen. `render` picks the screen for the current view.

pub mod overview;
pub mod pending;

use crate::route::View;
use leptos::prelude::*;

pub fn render(view: View) -> AnyView {
    match view {
        View::Overview => view! { <overview::Overview /> }.into_any(),
        other => view! { <pending::Pending view=other /> }.into_any(),
    }
}
