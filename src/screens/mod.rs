//! One module per screen. `render` picks the screen for the current view.
//!
//! Each screen's component is marked `#[inline(never)]` (checked by `tests/tidy.rs`).
//! The browser compiles a wasm function the first time it runs, whole; with every
//! screen inlined into `render`, opening the app compiled all eleven screens' code
//! (about 50 KB) to draw one. Apart, each screen's code is compiled when it first opens.

pub mod allocation;
pub mod brief;
pub mod cashflow;
pub mod departments;
pub mod distribution;
pub mod overview;
pub mod presenter;
pub mod projects;
pub mod risk;
pub mod scenarios;
pub mod thresholds;

use blockvote_present::route::View;
use leptos::prelude::*;

pub fn render(view: View) -> AnyView {
    match view {
        View::Overview => view! { <overview::Overview /> }.into_any(),
        View::Projects => view! { <projects::Projects /> }.into_any(),
        View::Departments => view! { <departments::Departments /> }.into_any(),
        View::Distribution => view! { <distribution::Distribution /> }.into_any(),
        View::Allocation => view! { <allocation::Allocation /> }.into_any(),
        View::Thresholds => view! { <thresholds::Thresholds /> }.into_any(),
        View::Cashflow => view! { <cashflow::Cashflow /> }.into_any(),
        View::Risk => view! { <risk::Risk /> }.into_any(),
        View::Scenarios => view! { <scenarios::Scenarios /> }.into_any(),
        View::Brief => view! { <brief::Brief /> }.into_any(),
        View::Present => view! { <presenter::Presenter /> }.into_any(),
    }
}
