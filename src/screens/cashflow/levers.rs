//! The global levers (cost change, the ongoing projects' 2018-19 cash) and the group
//! edits.

use crate::components::fields::NumberField;
use crate::components::marks::FigureText;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::Money;
use blockvote_present::screens::cashflow::levers::{
    cost_field, defer_field, defer_group, group_edit_text, group_options, ongoing_field, ongoing_printed,
    selector_from_key, DEFAULT_GROUP, DEFER_BUTTON, DEPARTMENTS, GROUP_HEADING, GROUP_LABEL, HEADING, ONGOING_PRINTED,
    REMOVE, THEMES,
};
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn Levers() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let paper_ongoing = whatif.baseline.get_value().map(|b| b.ongoing.paper_budget_year).unwrap_or_default();
    let cost = Signal::derive(move || whatif.scenario.with(|s| s.cost_change_pct));
    let ongoing =
        Signal::derive(move || whatif.scenario.with(|s| s.ongoing_budget_year.unwrap_or(paper_ongoing).millions()));
    let printed = ongoing_printed(&data);
    view! {
        <div class="panel" data-testid="global-levers">
            <h3>
                <Words label=HEADING />
            </h3>
            <div class="inline-fields">
                <NumberField
                    spec=cost_field()
                    testid="cost-change"
                    current=cost
                    commit=move |value: Decimal| whatif.update(|s| s.cost_change_pct = value)
                    narrow=true
                />
                <NumberField
                    spec=ongoing_field()
                    testid="ongoing-amount"
                    current=ongoing
                    commit=move |value: Decimal| {
                        let amount = Money::from_millions(value);
                        whatif.update(|s| s.ongoing_budget_year = (amount != paper_ongoing).then_some(amount));
                    }
                    narrow=true
                />
                {printed
                    .map(|figure| {
                        view! {
                            <p class="note field-aside">
                                <Words label=ONGOING_PRINTED />
                                <FigureText figure=figure testid="ongoing-printed" />
                            </p>
                        }
                    })}
            </div>
            <h4>
                <Words label=GROUP_HEADING />
            </h4>
            <GroupLevers />
        </div>
    }
}

/// Defer a theme, a department or every new project, and the list of such edits.
#[component]
fn GroupLevers() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let chosen = RwSignal::new(DEFAULT_GROUP.to_string());
    let quarters = RwSignal::new(1_i64);
    let options_data = data.clone();
    let options = move || group_options(&options_data, lang());
    let edits = memo(move |_| {
        let lang = lang();
        whatif.scenario.with(|s| s.groups.iter().map(|g| group_edit_text(g, &data, lang)).collect::<Vec<_>>())
    });
    let option = move |key: String, label: String| {
        let selected = key == chosen.get_untracked();
        view! {
            <option value=key selected=selected>
                {label}
            </option>
        }
    };
    view! {
        <div class="inline-fields">
            <label class="field">
                <span>
                    <Words label=GROUP_LABEL />
                </span>
                <select data-testid="group-select" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {move || {
                        let options = options();
                        view! {
                            {option(options.all.key, options.all.label)}
                            <optgroup label=THEMES
                                .get(
                                    lang(),
                                )>{options.themes.into_iter().map(|o| option(o.key, o.label)).collect_view()}</optgroup>
                            <optgroup label=DEPARTMENTS
                                .get(
                                    lang(),
                                )>
                                {options.departments.into_iter().map(|o| option(o.key, o.label)).collect_view()}
                            </optgroup>
                        }
                    }}
                </select>
            </label>
            <NumberField
                spec=defer_field()
                testid="group-defer"
                current=Signal::derive(move || quarters.get())
                commit=move |value: i64| quarters.set(value)
                narrow=true
            />
            <button
                type="button"
                data-testid="group-apply"
                on:click=move |_| {
                    let Some(selector) = selector_from_key(&chosen.get_untracked()) else { return };
                    let edit = defer_group(selector, quarters.get_untracked());
                    whatif.update(|s| s.groups.push(edit));
                }
            >
                <Words label=DEFER_BUTTON />
            </button>
        </div>
        <ul class="group-edits" data-testid="group-edits">
            {move || {
                edits
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, text)| {
                        view! {
                            <li>
                                {text} " "
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        whatif
                                            .update(|s| {
                                                if index < s.groups.len() {
                                                    s.groups.remove(index);
                                                }
                                            })
                                    }
                                >
                                    <Words label=REMOVE />
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
