//! Validated input fields. The user types text; the field parses it on every
//! keystroke. A valid value is handed on at once (so figures update as the user
//! types); an invalid one is marked at the field with a message in the current
//! language and handed on to nobody, so the last valid scenario stays in effect.

use crate::i18n::{l, Label, Lang};
use crate::state::use_app_state;
use blockvote_model::entry::{self, EntryError};
use blockvote_model::Money;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Why a typed value was refused, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub zh: String,
    pub en: String,
}

impl FieldError {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> FieldError {
        FieldError { zh: zh.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// The message for text longer than a number field reads.
fn too_long() -> FieldError {
    FieldError::new("輸入太長", "That is too long for a number")
}

/// Parses an amount in HK$M within `min..=max` (see `blockvote_model::entry`).
pub fn parse_money_in(text: &str, min: Money, max: Money) -> Result<Money, FieldError> {
    entry::money_in(text, min, max).map_err(|error| match error {
        EntryError::TooLong => too_long(),
        EntryError::NotANumber | EntryError::NotWhole => {
            FieldError::new("請輸入數字，例如 12.5", "Enter a number, e.g. 12.5")
        }
        EntryError::OutOfRange { min, max } => FieldError::new(
            format!("須介乎 {} 至 {} 百萬元", min.format(1), max.format(1)),
            format!("Must be between {} and {} (HK$M)", min.format(1), max.format(1)),
        ),
    })
}

/// Parses a decimal (a percentage, a share) within `min..=max`.
pub fn parse_decimal_in(text: &str, min: Decimal, max: Decimal) -> Result<Decimal, FieldError> {
    entry::decimal_in(text, min, max).map_err(|error| match error {
        EntryError::TooLong => too_long(),
        EntryError::NotANumber | EntryError::NotWhole => FieldError::new("請輸入數字", "Enter a number"),
        EntryError::OutOfRange { min, max } => {
            FieldError::new(format!("須介乎 {min} 至 {max}"), format!("Must be between {min} and {max}"))
        }
    })
}

/// Parses a whole number within `min..=max`.
pub fn parse_int_in(text: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    entry::int_in(text, min, max).map_err(|error| match error {
        EntryError::TooLong => too_long(),
        EntryError::NotANumber | EntryError::NotWhole => FieldError::new("請輸入整數", "Enter a whole number"),
        EntryError::OutOfRange { min, max } => {
            FieldError::new(format!("須介乎 {min} 至 {max}"), format!("Must be between {min} and {max}"))
        }
    })
}

/// A text field bound to a value of type `T`.
///
/// `current` is the value in effect (from the scenario); when it changes from outside
/// (undo, reset, a link), the text follows. `parse` turns text into a value or an
/// error; `commit` receives each valid value.
#[component]
pub fn NumberField<T, P, C>(
    /// Label in both languages.
    label: Label,
    /// The `data-testid` of the input.
    #[prop(into)]
    testid: String,
    /// The value in effect, shown when it changes from outside.
    #[prop(into)]
    current: Signal<T>,
    /// How a value is written in the field.
    format: fn(&T) -> String,
    parse: P,
    commit: C,
    /// Unit shown after the field.
    #[prop(optional)]
    unit: Option<Label>,
    /// Extra help under the field.
    #[prop(optional)]
    help: Option<Label>,
    /// Narrow field for short numbers.
    #[prop(optional)]
    narrow: bool,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    P: Fn(&str) -> Result<T, FieldError> + Send + Sync + 'static,
    C: Fn(T) + Send + Sync + 'static,
{
    let state = use_app_state();
    let parse = std::sync::Arc::new(parse);
    let parse_for_effect = parse.clone();
    let text = RwSignal::new(current.with_untracked(format));
    let error: RwSignal<Option<FieldError>> = RwSignal::new(None);
    // Following outside changes (undo, reset, a link): only when the value in effect
    // really changed since the last run, and only if the text does not already say it,
    // so typing "1." is not rewritten to "1" and an invalid entry in this field is not
    // wiped because some other field changed the scenario.
    Effect::new(move |previous: Option<T>| {
        let value = current.get();
        if previous.as_ref() != Some(&value) {
            let typed = text.get_untracked();
            if parse_for_effect(&typed).ok().as_ref() != Some(&value) {
                text.set(format(&value));
                error.set(None);
            }
        }
        value
    });
    let id = format!("field-{testid}");
    let error_id = format!("{id}-error");
    let describedby = error_id.clone();
    view! {
        <div class="field" class:narrow=narrow>
            <label for=id.clone()>{move || label.get(state.lang.get())}</label>
            <span class="field-input">
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    data-testid=testid
                    prop:value=move || text.get()
                    aria-invalid=move || error.with(|e| e.is_some()).to_string()
                    aria-describedby=move || error.with(|e| e.is_some()).then(|| describedby.clone())
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        text.set(typed.clone());
                        match parse(&typed) {
                            Ok(value) => {
                                error.set(None);
                                commit(value);
                            }
                            Err(e) => error.set(Some(e)),
                        }
                    }
                />
                {unit.map(|unit| view! { <span class="unit">{move || unit.get(state.lang.get())}</span> })}
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
            {help.map(|help| view! { <p class="field-help">{move || help.get(state.lang.get())}</p> })}
        </div>
    }
}

/// How an amount is written into a field: HK$M with one decimal, no separators, so
/// it can be edited and parsed back.
pub fn field_money(value: &Money) -> String {
    value.format(1).replace(',', "")
}

/// How a decimal (a percentage, a share) is written into a field.
pub fn field_decimal(value: &Decimal) -> String {
    value.normalize().to_string()
}

/// How a whole number is written into a field.
pub fn field_int(value: &i64) -> String {
    value.to_string()
}

/// The label "HK$M" / 「百萬元」 for units.
pub const UNIT_HKD_M: Label = l("百萬元", "HK$M");
/// The label "%".
pub const UNIT_PERCENT: Label = l("%", "%");
/// The label "quarters" / 「季」.
pub const UNIT_QUARTERS: Label = l("季", "quarters");
