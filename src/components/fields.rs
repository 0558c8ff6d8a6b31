//! The number field: draws a [`FieldSpec`] from the presentation layer. The user types
//! text; the field reads it on every keystroke with the spec's reader. A valid value
//! is handed on at once (so figures update as the user types); an invalid one is
//! marked at the field with the reader's message in the current language and handed
//! on to nobody, and what was in effect when the member began typing into the field is
//! put back, so that no part of a mistyped number (the 999 of `99999` %, the 12 of
//! `12a`) is left in the figures, the link or a save while the field says the entry is
//! refused.

use crate::components::effect::effect;
use crate::components::focus::{by_test_id, focus_after_render, reveal_beside_focus_after_render};
use crate::components::memo::memo;
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::{use_whatif, RefusedEntry, WhatIf};
use blockvote_model::engine::Scenario;
use blockvote_present::fields::{FieldError, FieldSpec};
use blockvote_present::lang::Label;
use leptos::prelude::*;

/// A text field bound to a value of type `T`.
///
/// `current` is the value in effect (from the scenario); when it changes from outside
/// (undo, reset, a link), the text follows. The spec's reader turns text into a value
/// or an error; `commit` receives each valid value.
#[component]
pub fn NumberField<T>(
    /// The field's words, reader and writer.
    spec: FieldSpec<T>,
    /// The `data-testid` of the input.
    #[prop(into)]
    testid: String,
    /// The value in effect, shown when it changes from outside.
    #[prop(into)]
    current: Signal<T>,
    /// Receives every value the reader accepts. A callback, not a type parameter: each
    /// screen's closure would otherwise compile a copy of the whole field.
    #[prop(into)]
    commit: Callback<T>,
    /// Narrow field for short numbers.
    #[prop(optional)]
    narrow: bool,
    /// The id of a message said elsewhere about this field's value together with
    /// others' (a data table's step giving too many values), when there is one: the
    /// field is then marked invalid and points to it, as to its own.
    #[prop(optional, into)]
    concerned_by: Option<Signal<Option<String>>>,
    /// What a refused entry is kept under while the field is not drawn, when its test
    /// id names the field of more than one thing (the lever panel's, of whichever
    /// project is open): the entry then comes back only to the field of the same thing.
    #[prop(optional, into)]
    kept_as: Option<String>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let FieldSpec { label, unit, help, read, write, full_keyboard } = spec;
    // A phone's decimal keypad (iOS) has no minus sign, per cent sign or slash: a field
    // whose reader takes one offers the full keyboard.
    let inputmode = if full_keyboard { "text" } else { "decimal" };
    let read = std::sync::Arc::new(read);
    let read_for_effect = read.clone();
    let read_again = read.clone();
    let write = std::sync::Arc::new(write);
    let write_again = write.clone();
    let write_for_entry = write.clone();
    let whatif = use_whatif();
    let refused_entries = whatif.refused_entries;
    // An entry this field refused before its screen closed comes back with its
    // message, unless the scenario was replaced or the value in effect changed since.
    let in_effect = current.with_untracked(|value| write(value));
    // A field of one thing keeps its entry under its test id.
    let kept_as = kept_as.unwrap_or_else(|| testid.clone());
    let kept = refused_entries
        .with_value(|entries| entries.get(&kept_as).cloned())
        .filter(|entry| entry.replaced == whatif.replaced.get_untracked() && entry.in_effect == in_effect);
    let error: RwSignal<Option<FieldError>> = RwSignal::new(kept.as_ref().and_then(|entry| read(&entry.text).err()));
    // No entry kept: the field shows the value in effect.
    let text = RwSignal::new(kept.map_or(in_effect, |entry| entry.text));
    // Following outside changes (undo, reset, a link): only when the value in effect
    // really changed since the last run, and only if the text does not already say it,
    // so typing "1." is not rewritten to "1" and an invalid entry in this field is not
    // wiped because some other field changed the scenario.
    // The value the field was drawn with: the first run changes nothing, so an entry
    // brought back above stays.
    let previous: StoredValue<Option<T>> = StoredValue::new(Some(current.get_untracked()));
    // What was in effect when the member began typing here (since the field last lost
    // the focus or followed an outside change): what a refused entry puts back.
    let began_with: StoredValue<Option<Began<T>>> = StoredValue::new(None);
    effect(move |_| {
        let value = current.get();
        if previous.with_value(|previous| previous.as_ref() != Some(&value)) {
            let typed = text.get_untracked();
            if read_for_effect(&typed).ok().as_ref() != Some(&value) {
                text.set(write(&value));
                error.set(None);
                began_with.set_value(None);
            }
        }
        previous.set_value(Some(value));
    });
    // An entry this field refused is not part of any scenario. When the scenario is
    // replaced as a whole (undo, redo, a link, a reset) the entry is dropped and the
    // field shows the value brought back. A reader may also depend on other values in
    // effect (the floor's on the ceiling): when one of those moves, the entry is read
    // again, so its message never names a value no longer in effect, and an entry
    // that now reads is applied, as the field shows it. One effect does both, so an
    // undo never applies an entry (which would be a new step, and lose the redo).
    let replaced = whatif.replaced;
    // The entry refused is kept by the field's test id (or `kept_as`) while it stands,
    // for when the field is drawn again; an entry that reads or is dropped is forgotten.
    let key = kept_as;
    effect(move |_| {
        let refused = error.with(Option::is_some).then(|| RefusedEntry {
            text: text.get(),
            replaced: replaced.get_untracked(),
            in_effect: current.with_untracked(|value| write_for_entry(value)),
        });
        refused_entries.update_value(|entries| match refused {
            Some(entry) => entries.insert(key.clone(), entry),
            None => {
                entries.remove(&key);
            }
        });
    });
    let mut replaced_before: Option<u64> = None;
    effect(move |_| {
        let replaced_now = replaced.get();
        let result = read_again(&text.get_untracked());
        if replaced_before.is_some() && error.with_untracked(Option::is_some) {
            if replaced_before != Some(replaced_now) {
                text.set(current.with_untracked(|value| write_again(value)));
                error.set(None);
                began_with.set_value(None);
            } else {
                match result {
                    Ok(value) => {
                        error.set(None);
                        commit.run(value);
                    }
                    Err(e) => error.set(Some(e)),
                }
            }
        }
        replaced_before = Some(replaced_now);
    });
    // Typing reads the text and commits what reads. The rest is drawn by a component
    // that knows no `T`, so the markup is compiled once, not once per type of value.
    let typing_key = testid.clone();
    let typed = Callback::new(move |typed: String| {
        if began_with.with_value(Option::is_none) {
            began_with.set_value(Some(Began::now(current.get_untracked(), &whatif)));
        }
        text.set(typed.clone());
        match read(&typed) {
            Ok(value) => {
                error.set(None);
                // Something else changed the scenario since this field's last value (a
                // floor the ceiling's typing let in): the typing goes on from there, so a
                // refused entry never takes that change away unseen.
                let moved = began_with.with_value(|began| {
                    began.as_ref().is_some_and(|b| whatif.scenario.with_untracked(|now| b.after_own != *now))
                });
                if moved {
                    began_with.set_value(Some(Began::now(current.get_untracked(), &whatif)));
                }
                whatif.typed_in(&typing_key);
                commit.run(value);
                let after_own = whatif.scenario.get_untracked();
                began_with.update_value(|began| {
                    if let Some(began) = began {
                        began.committed = true;
                        began.after_own = after_own;
                    }
                });
            }
            Err(e) => {
                error.set(Some(e));
                let Some(began) = began_with.get_value().filter(|began| began.committed) else { return };
                let now_is = |scenario: &Scenario| whatif.scenario.with_untracked(|now| now == scenario);
                if !now_is(&began.scenario) {
                    // A lever: the scenario as it was, with all its commit changed
                    // besides the value (slippage switched on, an edit of a category at
                    // the paper's amount), and so one that was worked out before; the
                    // typing's undo steps go with it. If the scenario changed otherwise
                    // since this field's last value (a floor the ceiling's typing let in),
                    // that change is not undone unseen: the last value stays, and the
                    // field says why the entry is refused.
                    if now_is(&began.after_own) {
                        began_with.update_value(|began| began.iter_mut().for_each(|b| b.committed = false));
                        // The field is told the value is its own, so its refused text stays.
                        previous.set_value(Some(began.value.clone()));
                        whatif.put_back(began.scenario, began.undo_depth);
                    }
                } else {
                    // A setting kept outside the scenario (a simulation's, a target
                    // before it is applied): its value as it was.
                    began_with.update_value(|began| began.iter_mut().for_each(|b| b.committed = false));
                    previous.set_value(Some(began.value.clone()));
                    commit.run(began.value);
                }
            }
        }
    });
    // The focus leaves a field also as its screen is taken down, after this field's
    // values are gone: nothing is written then.
    let left = Callback::new(move |()| {
        let _ = began_with.try_set_value(None);
    });
    // A field no other message concerns points to its own alone.
    let concerned_by = concerned_by.unwrap_or_else(|| Signal::stored(None));
    view! { <FieldView label unit help inputmode testid text error typed left narrow concerned_by /> }
}

/// Whether a field whose test id `concerns` accepts holds an entry it refused; if one
/// does, it is given the focus, so its message is read out again. An action that
/// reads such fields' values (Scale, Solve, Run) asks this first and, when it is so,
/// does nothing: it would otherwise act on the value in effect, which a field showing
/// its refused entry no longer shows.
pub fn refused_entry_focused(whatif: &WhatIf, concerns: impl Fn(&str) -> bool) -> bool {
    let refused = whatif.refused_entries.with_value(|entries| entries.keys().find(|key| concerns(key)).cloned());
    let Some(testid) = refused else { return false };
    focus_after_render(by_test_id(&testid));
    true
}

/// What was in effect when the member began typing into a field (or when something
/// else last changed the scenario during the typing): its value, the scenario and the
/// number of undo steps; whether the typing has committed a value since, and the
/// scenario right after its last one.
#[derive(Clone)]
struct Began<T> {
    value: T,
    scenario: Scenario,
    undo_depth: usize,
    committed: bool,
    after_own: Scenario,
}

impl<T> Began<T> {
    /// Typing begins (or goes on) from `value` and what is in effect now.
    fn now(value: T, whatif: &WhatIf) -> Began<T> {
        let scenario = whatif.scenario.get_untracked();
        Began { value, after_own: scenario.clone(), scenario, undo_depth: whatif.undo_depth(), committed: false }
    }
}

/// What [`NumberField`] draws: the label, the input showing `text`, the unit, the
/// message of `error` and the help. `typed` receives each text typed, `left` the
/// field's losing the focus.
#[component]
fn FieldView(
    label: Label,
    unit: Option<Label>,
    help: Option<Label>,
    inputmode: &'static str,
    testid: String,
    text: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
    typed: Callback<String>,
    left: Callback<()>,
    narrow: bool,
    concerned_by: Signal<Option<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let id = format!("field-{testid}");
    let error_id = format!("{id}-error");
    let own = error_id.clone();
    // A message that appears as the member types is brought into view. It is done
    // from the typing itself, not by an effect on the message: that would be one more
    // effect made for every field of a screen as it is drawn.
    let (revealed, beside) = (error_id.clone(), id.clone());
    let on_input = move |ev: web_sys::Event| {
        typed.run(event_target_value(&ev));
        if error.with_untracked(Option::is_some) {
            reveal_beside_focus_after_render(revealed.clone(), beside.clone());
        }
    };
    // The field's own message first, then one elsewhere that concerns it.
    let describedby = memo(move |_| {
        let own = error.with(|e| e.is_some()).then(|| own.clone());
        let ids: Vec<String> = own.into_iter().chain(concerned_by.get()).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    });
    view! {
        <div class="field" class:narrow=narrow>
            <label for=id.clone()>
                <Words label=label />
            </label>
            <span class="field-input">
                <input
                    id=id
                    type="text"
                    inputmode=inputmode
                    autocomplete="off"
                    spellcheck="false"
                    data-testid=testid
                    prop:value=move || text.get()
                    aria-invalid=move || describedby.with(Option::is_some).to_string()
                    aria-describedby=move || describedby.get()
                    on:input=on_input
                    on:blur=move |_| {
                        let _ = left.try_run(());
                    }
                />
                {unit
                    .map(|unit| {
                        view! {
                            <span class="unit">
                                <Words label=unit />
                            </span>
                        }
                    })}
            </span>
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field-error" id=error_id.clone() role="alert">
                                {e.get(state.lang.get()).to_string()}
                            </p>
                        }
                    })
            }}
            {help
                .map(|help| {
                    view! {
                        <p class="field-help">
                            <Words label=help />
                        </p>
                    }
                })}
        </div>
    }
}
