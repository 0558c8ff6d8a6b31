//! A wide table on a narrow screen: the table scrolls sideways inside its own labelled
//! region (focusable, so a keyboard can scroll it too) with its first column kept in
//! view, and the page itself never scrolls sideways.

use leptos::prelude::*;

/// Wraps a table; `label` names the region for screen readers (e.g. the table's
/// caption or heading).
#[component]
pub fn TableScroll(#[prop(into)] label: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll-x" role="region" tabindex="0" aria-label=move || label.get()>
            {children()}
        </div>
    }
}
