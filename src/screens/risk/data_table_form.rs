//! The data table's form: a preset, and for each side a lever with its range and
//! step, and the figure to read. Every field reads with the presentation layer's
//! readers (`present::screens::risk::data_table`) and says no at the field; a side's
//! or the pair's refusal is said under that side.

use crate::components::fields::NumberField;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use blockvote_model::engine::{Lever, Metric};
use blockvote_present::screens::risk::data_table::{
    bound_field, limits_note, metric_choices, step_field, AxisFault, AxisForm, AxisParts, FormErrors, Preset,
    TableForm, COLUMNS, CUSTOM, FIGURE, FROM, LEVER, PRESET_LABEL, ROWS, TO,
};
use blockvote_present::words::{lever_label, metric_label};
use leptos::prelude::*;

/// The key of the preset select's "your own" choice.
const CUSTOM_KEY: &str = "custom";

#[component]
pub fn DataTableForm(form: RwSignal<TableForm>, errors: Memo<FormErrors>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let preset_key = memo(move |_| form.with(|f| f.preset.map(Preset::key).unwrap_or(CUSTOM_KEY)));
    let metric = memo(move |_| form.with(|f| f.metric));
    view! {
        <div class="data-table-form">
            <label class="field">
                <span>
                    <Words label=PRESET_LABEL />
                </span>
                <select
                    data-testid="data-table-preset"
                    on:change=move |ev| {
                        if let Some(preset) = Preset::from_key(&event_target_value(&ev)) {
                            form.set(preset.form());
                        } else {
                            form.update(|f| f.preset = None);
                        }
                    }
                >
                    <option value=CUSTOM_KEY selected=move || preset_key.get() == CUSTOM_KEY>
                        <Words label=CUSTOM />
                    </option>
                    {Preset::ALL
                        .into_iter()
                        .map(|preset| {
                            view! {
                                <option value=preset.key() selected=move || preset_key.get() == preset.key()>
                                    {move || preset.label().get(lang())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <div class="data-table-axes">
                <AxisFields form=form rows=true error=Signal::derive(move || errors.with(|e| e.rows.clone())) />
                <AxisFields form=form rows=false error=Signal::derive(move || errors.with(|e| e.columns.clone())) />
            </div>
            <label class="field">
                <span>
                    <Words label=FIGURE />
                </span>
                <select
                    data-testid="data-table-metric"
                    on:change=move |ev| {
                        if let Some(chosen) = Metric::from_key(&event_target_value(&ev)) {
                            form.update(|f| {
                                f.metric = chosen;
                                f.preset = None;
                            });
                        }
                    }
                >
                    {metric_choices()
                        .into_iter()
                        .map(|choice| {
                            view! {
                                <option value=choice.key() selected=move || metric.get() == choice>
                                    {move || metric_label(choice).get(lang())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            {move || {
                errors
                    .with(|e| e.pair.clone())
                    .map(|error| {
                        view! {
                            <p class="field-error" role="alert" data-testid="data-table-pair-error">
                                {error.get(lang()).to_string()}
                            </p>
                        }
                    })
            }}
            <p class="note">{move || limits_note(lang())}</p>
        </div>
    }
}

/// One side's lever, from, to and step; the fields are made anew when the lever
/// changes, since each reads by its lever.
#[component]
fn AxisFields(form: RwSignal<TableForm>, rows: bool, #[prop(into)] error: Signal<Option<AxisFault>>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let side = if rows { "rows" } else { "columns" };
    let axis = move |f: &TableForm| if rows { f.rows } else { f.columns };
    let lever = memo(move |_| form.with(|f| axis(f).lever));
    let edit = move |change: fn(&mut AxisForm, rust_decimal::Decimal)| {
        move |value| {
            form.update(|f| {
                f.preset = None;
                change(if rows { &mut f.rows } else { &mut f.columns }, value);
            })
        }
    };
    // A field the side's refusal is about points to its words.
    let error_id = format!("data-table-{side}-error");
    let concerned = move |part: fn(&AxisParts) -> bool| {
        let error_id = error_id.clone();
        Signal::derive(move || {
            error.with(|e| e.as_ref().is_some_and(|fault| part(&fault.parts)).then(|| error_id.clone()))
        })
    };
    let (from_concerned, to_concerned, step_concerned) =
        (concerned(|p| p.from), concerned(|p| p.to), concerned(|p| p.step));
    let fields = move || {
        let lever = lever.get();
        let current =
            move |pick: fn(&AxisForm) -> rust_decimal::Decimal| Signal::derive(move || form.with(|f| pick(&axis(f))));
        view! {
            <NumberField
                spec=bound_field(lever, FROM)
                testid=format!("data-table-{side}-from")
                current=current(|a| a.from)
                commit=edit(|a, v| a.from = v)
                narrow=true
                concerned_by=from_concerned
            />
            <NumberField
                spec=bound_field(lever, TO)
                testid=format!("data-table-{side}-to")
                current=current(|a| a.to)
                commit=edit(|a, v| a.to = v)
                narrow=true
                concerned_by=to_concerned
            />
            <NumberField
                spec=step_field(lever)
                testid=format!("data-table-{side}-step")
                current=current(|a| a.step)
                commit=edit(|a, v| a.step = v)
                narrow=true
                concerned_by=step_concerned
            />
        }
    };
    view! {
        <fieldset class="data-table-axis" data-testid=format!("data-table-{side}")>
            <legend>
                <Words label=if rows { ROWS } else { COLUMNS } />
            </legend>
            <label class="field">
                <span>
                    <Words label=LEVER />
                </span>
                <select
                    data-testid=format!("data-table-{side}-lever")
                    on:change=move |ev| {
                        if let Some(chosen) = Lever::from_key(&event_target_value(&ev)) {
                            form.update(|f| *f = f.with_lever(rows, chosen));
                        }
                    }
                >
                    {Lever::ALL
                        .into_iter()
                        .map(|choice| {
                            view! {
                                <option value=choice.key() selected=move || lever.get() == choice>
                                    {move || lever_label(choice).get(lang())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <div class="inline-fields">{fields}</div>
            {move || {
                error
                    .get()
                    .map(|error| {
                        view! {
                            <p
                                class="field-error"
                                role="alert"
                                id=format!("data-table-{side}-error")
                                data-testid=format!("data-table-{side}-error")
                            >
                                {error.words.get(lang()).to_string()}
                            </p>
                        }
                    })
            }}
        </fieldset>
    }
}
