//! The filter controls above the projects table. Each control reads its value from
//! the address (through the `Filters` memo, and the grouping through the screen's
//! `grouped` memo: the present layer's one reading of each) and writes back to it; a
//! budget bound that cannot be used stays in its field, marked, while the last valid
//! bound applies.

use crate::address::set_params;
use crate::components::effect::effect;
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use blockvote_present::route::{param, View};
use blockvote_present::screens::projects::filters::{
    department_options, done_options, parse_bound, search_shown, start_options, theme_options, ControlValues,
    FilterOption, Filters, CHANGED_ONLY, CHANGED_ONLY_VALUE, FILTER_KEYS, MAX_SEARCH_CHARS,
};
use blockvote_present::screens::projects::table::{GROUPED_VALUE, GROUP_KEY};
use blockvote_present::screens::projects::{
    bound_error, ALL, BUDGET, CLEAR, COMPLETION_YEAR, CROSSED, DEPARTMENT, FILTERS, FROM, GROUP, SEARCH,
    SEARCH_EXAMPLE, START, THEME, TO,
};
use leptos::prelude::*;

/// A `<select>` of a filter: "all", then the options; the one in force is selected.
#[component]
fn FilterSelect(
    id: &'static str,
    testid: &'static str,
    key: &'static str,
    #[prop(into)] options: Signal<Vec<FilterOption>>,
    #[prop(into)] current: Signal<Option<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let options_view = move || {
        options
            .get()
            .into_iter()
            .map(|option| {
                let value = option.value.clone();
                view! {
                    <option
                        value=option.value
                        prop:selected=move || current.with(|c| c.as_deref() == Some(value.as_str()))
                    >
                        {option.text}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <select
            id=id
            data-testid=testid
            on:change=move |ev| set_params(state, View::Projects, &[(key, Some(event_target_value(&ev)))])
        >
            <option value="" prop:selected=move || current.with(Option::is_none)>
                <Words label=ALL />
            </option>
            {options_view}
        </select>
    }
}

/// A budget bound's typing: the bound in the address when it began (`Some(None)`: no
/// bound), and whether the address's next change is the field's own putting back.
#[derive(Clone, Default)]
struct BoundTyping {
    began: Option<Option<String>>,
    own_change: bool,
}

impl BoundTyping {
    /// The address's bound changed: true (and forgotten) if the field made the change.
    fn heard_own(&mut self) -> bool {
        std::mem::take(&mut self.own_change)
    }
}

#[component]
pub fn FilterControls(filters: Memo<Filters>, grouped: Memo<bool>) -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let set = move |changes: &[(&str, Option<String>)]| set_params(state, View::Projects, changes);
    let param_of = move |key: &'static str| memo(move |_| state.params.with(|p| param(p, key)).unwrap_or_default());
    // The search as the filter reads it, control characters left out (a link's `%00`);
    // no `q=` is an empty box.
    let q_value = memo(move |_| state.params.with(|p| param(p, "q")).map(|q| search_shown(&q)).unwrap_or_default());
    let changed_only = memo(move |_| filters.with(|f| f.changed_only));
    let values = memo({
        let data = data.clone();
        move |_| filters.with(|f| ControlValues::of(f, &data))
    });
    let value = move |pick: fn(&ControlValues) -> Option<String>| Signal::derive(move || values.with(pick));

    // Budget bounds: what the field shows is the address's value unless the person has
    // typed something the filter cannot use (a draft), which stays in the field, marked.
    let min_param = param_of("min");
    let max_param = param_of("max");
    let min_draft = RwSignal::new(None::<String>);
    let max_draft = RwSignal::new(None::<String>);
    // As a number field does, a bound the filter cannot use puts back the bound the
    // typing began from (since the field last lost the focus), so no part of it (the 12
    // of "12a") filters the table while the field says it is refused (audit 31). That
    // change of the address is the field's own, and keeps the refused text.
    let min_typing = StoredValue::new(BoundTyping::default());
    let max_typing = StoredValue::new(BoundTyping::default());
    effect(move |_| {
        min_param.track();
        // A field whose values are gone (its screen taken down) made no change.
        if !min_typing.try_update_value(BoundTyping::heard_own).unwrap_or(false) {
            min_draft.set(None);
        }
    });
    effect(move |_| {
        max_param.track();
        // A field whose values are gone (its screen taken down) made no change.
        if !max_typing.try_update_value(BoundTyping::heard_own).unwrap_or(false) {
            max_draft.set(None);
        }
    });
    let min_text = Signal::derive(move || min_draft.get().unwrap_or_else(|| min_param.get()));
    let max_text = Signal::derive(move || max_draft.get().unwrap_or_else(|| max_param.get()));
    let min_error = Signal::derive(move || parse_bound(&min_text.get()).err());
    let max_error = Signal::derive(move || parse_bound(&max_text.get()).err());
    let crossed = Signal::derive(move || filters.with(Filters::crossed));
    let on_bound =
        move |key: &'static str, draft: RwSignal<Option<String>>, typing: StoredValue<BoundTyping>, text: String| {
            let now = state.params.with_untracked(|p| param(p, key));
            typing.update_value(|t| {
                if t.began.is_none() {
                    t.began = Some(now.clone());
                }
            });
            if parse_bound(&text).is_ok() {
                draft.set(None);
                set(&[(key, Some(text))]);
            } else {
                draft.set(Some(text));
                let began = typing.with_value(|t| t.began.clone()).flatten();
                if began != now {
                    typing.update_value(|t| t.own_change = true);
                    set(&[(key, began)]);
                }
            }
        };
    let clear = move |_| {
        min_draft.set(None);
        max_draft.set(None);
        let changes: Vec<(&str, Option<String>)> = FILTER_KEYS.iter().map(|k| (*k, None)).collect();
        set(&changes);
    };

    let (d1, d2, d3) = (data.clone(), data.clone(), data);
    view! {
        <div class="filters" role="search" aria-label=move || FILTERS.get(lang())>
            <div class="field search">
                <label for="pf-q">
                    <Words label=SEARCH />
                </label>
                <input
                    id="pf-q"
                    type="search"
                    data-testid="search"
                    autocomplete="off"
                    maxlength=MAX_SEARCH_CHARS.to_string()
                    placeholder=move || SEARCH_EXAMPLE.get(lang())
                    prop:value=move || q_value.get()
                    on:input=move |ev| set(&[("q", Some(event_target_value(&ev)))])
                />
            </div>
            <div class="field">
                <label for="pf-dept">
                    <Words label=DEPARTMENT />
                </label>
                <FilterSelect
                    id="pf-dept"
                    testid="filter-department"
                    key="dept"
                    options=Signal::derive(move || department_options(&d1, lang()))
                    current=value(|v| v.department.clone())
                />
            </div>
            <div class="field">
                <label for="pf-theme">
                    <Words label=THEME />
                </label>
                <FilterSelect
                    id="pf-theme"
                    testid="filter-theme"
                    key="theme"
                    options=Signal::derive(move || theme_options(lang()))
                    current=value(|v| v.theme.clone())
                />
            </div>
            <div class="field">
                <label for="pf-start">
                    <Words label=START />
                </label>
                <FilterSelect
                    id="pf-start"
                    testid="filter-start"
                    key="start"
                    options=Signal::derive(move || start_options(&d2, lang()))
                    current=value(|v| v.start.clone())
                />
            </div>
            <div class="field">
                <label for="pf-done">
                    <Words label=COMPLETION_YEAR />
                </label>
                <FilterSelect
                    id="pf-done"
                    testid="filter-done"
                    key="done"
                    options=Signal::derive(move || done_options(&d3, lang()))
                    current=value(|v| v.done.clone())
                />
            </div>
            <fieldset class="field budget-range">
                <legend>
                    <Words label=BUDGET />
                </legend>
                <div class="bounds">
                    <label for="pf-min">
                        <Words label=FROM />
                    </label>
                    <input
                        id="pf-min"
                        type="text"
                        inputmode="decimal"
                        size="6"
                        data-testid="filter-min"
                        aria-invalid=move || min_error.with(Option::is_some).to_string()
                        aria-describedby="pf-min-error"
                        prop:value=move || min_text.get()
                        on:input=move |ev| on_bound("min", min_draft, min_typing, event_target_value(&ev))
                        on:blur=move |_| {
                            let _ = min_typing.try_update_value(|t| t.began = None);
                        }
                    />
                    <label for="pf-max">
                        <Words label=TO />
                    </label>
                    <input
                        id="pf-max"
                        type="text"
                        inputmode="decimal"
                        size="6"
                        data-testid="filter-max"
                        aria-invalid=move || max_error.with(Option::is_some).to_string()
                        aria-describedby="pf-max-error"
                        prop:value=move || max_text.get()
                        on:input=move |ev| on_bound("max", max_draft, max_typing, event_target_value(&ev))
                        on:blur=move |_| {
                            let _ = max_typing.try_update_value(|t| t.began = None);
                        }
                    />
                </div>
                <p class="field-error" id="pf-min-error" data-testid="filter-min-error" aria-live="polite">
                    {move || min_error.get().map(|e| bound_error(false, e.get(lang()), lang()))}
                </p>
                <p class="field-error" id="pf-max-error" data-testid="filter-max-error" aria-live="polite">
                    {move || max_error.get().map(|e| bound_error(true, e.get(lang()), lang()))}
                    {move || crossed.get().then(|| CROSSED.get(lang()))}
                </p>
            </fieldset>
            <div class="field actions">
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="group-by-department"
                        prop:checked=move || grouped.get()
                        on:change=move |ev| {
                            set(&[(GROUP_KEY, event_target_checked(&ev).then(|| GROUPED_VALUE.to_string()))])
                        }
                    />
                    <Words label=GROUP />
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="filter-changed"
                        prop:checked=move || changed_only.get()
                        on:change=move |ev| {
                            set(&[("changed", event_target_checked(&ev).then(|| CHANGED_ONLY_VALUE.to_string()))])
                        }
                    />
                    <Words label=CHANGED_ONLY />
                </label>
                <button type="button" data-testid="clear-filters" on:click=clear>
                    <Words label=CLEAR />
                </button>
            </div>
        </div>
    }
}
