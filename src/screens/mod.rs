//! One module per screen. `render` picks the screen for the current view.

pub mod departments;
pub mod distribution;
pub mod overview;
pub mod pending;
pub mod projects;

use crate::route::View;
use leptos::prelude::*;

pub fn render(view: View) -> AnyView {
    match view {
        View::Overview => view! { <overview::Overview /> }.into_any(),
        View::Projects => view! { <projects::Projects /> }.into_any(),
        View::Departments => view! { <departments::Departments /> }.into_any(),
        View::Distribution => view! { <distribution::Distribution /> }.into_any(),
        other => view! { <pending::Pending view=other /> }.into_any(),
    }
}
