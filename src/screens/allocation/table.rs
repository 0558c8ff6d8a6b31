//! Annex A as an editable table: one keyed row per category.

use crate::components::fields::NumberField;
use crate::components::marks::{MarkedHeading, ProvenanceMark};
use crate::components::memo::memo;
use crate::components::sentence::kept_whole;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::AllocationOutcome;
use blockvote_model::Money;
use blockvote_present::lang::Lang;
use blockvote_present::paper::{AnnexAColumn, Printed};
use blockvote_present::provenance::{Figure, Provenance};
use blockvote_present::screens::allocation::{
    amount_field, difference_columns, difference_mark, edit_category, row, total_row, type_category_amount, HEADINGS,
    LOCK, TITLE,
};
use leptos::prelude::*;

/// A figure's text, or nothing.
fn text(figure: Option<&Figure>, lang: Lang) -> String {
    figure.map(|f| f.text(lang)).unwrap_or_default()
}

/// The columns are in the order of `HEADINGS`, the difference from the paper after
/// the lock and the differences from 2017-18 after its amount.
#[component]
pub fn CategoryTable(outcome: Memo<Option<AllocationOutcome>>) -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    // The marks of the paper's columns, in the headings, cite the column as Annex A
    // prints it (the total's cell is one figure of it), as the Overview's table does;
    // none while the data shown is not the paper's.
    let column_mark = |column: AnnexAColumn| Printed::CategoryTotal(column).figure(&data).map(|_| column.provenance());
    let (paper_mark, prior_mark) = (column_mark(AnnexAColumn::Proposed), column_mark(AnnexAColumn::ApprovedPrior));
    let heading = move |index: usize| HEADINGS.get(index).map(|h| h.get(lang())).unwrap_or_default();
    // The columns of differences, each with the mark its cells share (the model's
    // arithmetic on Annex A until the member changes an amount, then the scenario's).
    let columns_data = data.clone();
    let difference_column = move |index: usize| {
        let data = columns_data.clone();
        Signal::derive(move || {
            outcome.with(|o| o.as_ref().and_then(|o| difference_columns(o, &data).into_iter().nth(index)))
        })
    };
    // The amounts column is marked as its total row is: Annex A's amounts, worked into
    // that total, while no category is changed; the member's once one is.
    let amounts_mark =
        Signal::derive(move || outcome.with(|o| o.as_ref().map_or(Provenance::Scenario, difference_mark)));
    let ids: Vec<u8> = data.categories.iter().map(|c| c.id).collect();
    let total_data = data.clone();
    // Each total cell works out the (small) total row it reads.
    let total_cell = move |pick: fn(&blockvote_present::screens::allocation::TotalRow, Lang) -> String| {
        let data = total_data.clone();
        move || outcome.with(|o| o.as_ref().map(|o| pick(&total_row(o, &data, lang()), lang())))
    };
    view! {
        <div class="wide-table" tabindex="0" role="region" aria-label=move || TITLE.get(lang())>
            <table class="data allocation-table" data-testid="allocation-table">
                <thead>
                    <tr>
                        <th scope="col">{move || kept_whole(heading(0))}</th>
                        <th scope="col" class="num">
                            {move || kept_whole(heading(1))}
                            {paper_mark
                                .map(|p| {
                                    view! {
                                        " "
                                        <ProvenanceMark provenance=p />
                                    }
                                })}
                        </th>
                        <th scope="col" class="num">
                            {move || kept_whole(heading(2))}
                            " "
                            <ProvenanceMark provenance=amounts_mark />
                        </th>
                        // One word (鎖定 broke into 鎖 / 定 on a 360 px phone): kept whole.
                        <th scope="col" class="center">
                            <span class="whole">{move || heading(3)}</span>
                        </th>
                        <MarkedHeading column=difference_column(0) />
                        <th scope="col" class="num">
                            {move || kept_whole(heading(4))}
                            {prior_mark
                                .map(|p| {
                                    view! {
                                        " "
                                        <ProvenanceMark provenance=p />
                                    }
                                })}
                        </th>
                        <MarkedHeading column=difference_column(1) />
                        <MarkedHeading column=difference_column(2) />
                    </tr>
                </thead>
                <tbody>
                    {ids.into_iter().map(|id| view! { <CategoryRow outcome=outcome id=id /> }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{total_cell(|t, _| t.label.clone())}</th>
                        <td class="num">{total_cell(|t, l| text(t.paper.as_ref(), l))}</td>
                        <td class="num" data-testid="allocation-total">
                            {total_cell(|t, l| t.amount.text(l))}
                        </td>
                        <td></td>
                        <td class="num" data-testid="allocation-vs-paper">
                            {total_cell(|t, l| t.vs_paper.text(l))}
                        </td>
                        <td class="num">{total_cell(|t, l| text(t.prior.as_ref(), l))}</td>
                        <td class="num">{total_cell(|t, l| t.vs_prior.text(l))}</td>
                        <td class="num">{total_cell(|t, l| text(t.vs_prior_pct.as_ref(), l))}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// One category's row: its cells follow the row's own memo, so editing one category
/// rewrites only the cells that changed.
#[component]
fn CategoryRow(outcome: Memo<Option<AllocationOutcome>>, id: u8) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let shown = memo(move |_| outcome.with(|o| o.as_ref().and_then(|o| row(o, &data, id, lang()))));
    let cell = move |pick: fn(&blockvote_present::screens::allocation::CategoryRow, Lang) -> String| {
        move || shown.with(|r| r.as_ref().map(|r| pick(r, lang())))
    };
    let amount = Signal::derive(move || shown.with(|r| r.as_ref().map(|r| r.amount).unwrap_or_default()));
    let locked = move || shown.with(|r| r.as_ref().is_some_and(|r| r.locked));
    let name = move || shown.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default());
    let set = move |change: Box<dyn FnOnce(&mut blockvote_model::engine::CategoryEdit)>| {
        whatif.update(|s| edit_category(s, id, change));
    };
    view! {
        <tr
            data-testid=format!("allocation-row-{id}")
            class:changed=move || shown.with(|r| r.as_ref().is_some_and(|r| r.changed))
        >
            <th scope="row">{name}</th>
            <td class="num">{cell(|r, l| text(r.paper.as_ref(), l))}</td>
            <td class="num input-cell">
                <NumberField
                    spec=amount_field()
                    testid=format!("allocation-amount-{id}")
                    current=amount
                    commit=move |value: Money| {
                        let shown = outcome.get_untracked();
                        whatif.update(|s| type_category_amount(s, shown.as_ref(), id, value));
                    }
                    narrow=true
                />
            </td>
            <td class="center">
                // The label around the box is where a finger lands: 44 px on a touch
                // screen, where the box alone is 24.
                <label class="check-cell">
                    <input
                        type="checkbox"
                        data-testid=format!("allocation-lock-{id}")
                        aria-label=move || format!("{} {}", LOCK.get(lang()), name())
                        prop:checked=locked
                        on:change=move |ev| {
                            let checked = event_target_checked(&ev);
                            set(Box::new(move |edit| edit.locked = checked));
                        }
                    />
                </label>
            </td>
            <td class="num">{cell(|r, l| r.vs_paper.text(l))}</td>
            <td class="num">{cell(|r, l| text(r.prior.as_ref(), l))}</td>
            <td class="num">{cell(|r, l| r.vs_prior.text(l))}</td>
            <td class="num">{cell(|r, l| text(r.vs_prior_pct.as_ref(), l))}</td>
        </tr>
    }
}
