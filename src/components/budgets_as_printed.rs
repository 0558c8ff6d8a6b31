//! The note of the screens that count Annex C's budgets as printed (Departments,
//! Budget distribution), shown while the scenario changes budgets or leaves projects
//! out, so that their totals are not read as the scenario's. The rule is the
//! presentation layer's (`screens::budgets_as_printed_note`).

use crate::components::memo::memo;
use crate::components::words::Words;
use crate::whatif::use_whatif;
use blockvote_present::screens::budgets_as_printed_note;
use leptos::prelude::*;

/// The note, while the scenario on screen calls for it.
#[component]
pub fn BudgetsAsPrintedNote() -> impl IntoView {
    let whatif = use_whatif();
    let note = memo(move |_| whatif.scenario.with(budgets_as_printed_note));
    move || {
        note.get().map(|label| {
            view! {
                <p class="note" data-testid="budgets-as-printed">
                    <Words label=label />
                </p>
            }
        })
    }
}
