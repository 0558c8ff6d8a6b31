//! The 2018-19 cash cap: its field, the deferral rule, what the cap did, and under it
//! the fewest deferrals that would meet it ([`super::deferral_choices`]).

use super::deferral_choices::DeferralChoicesPanel;
use crate::components::effect::effect;
use crate::components::fields::NumberField;
use crate::components::focus::{by_test_id, focus_after_render};
use crate::components::marks::{MarkedHeading, ProvenanceMark};
use crate::components::memo::memo;
use crate::components::sentence::{kept_whole, SentenceText};
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::{CashCap, DeferralRule};
use blockvote_model::Money;
use blockvote_present::provenance::Provenance;
use blockvote_present::screens::cashflow::cap::{
    cap_field, cap_view, rule_options, uncapped_whose, CapView, CLEAR, DEFERRED_HEADINGS, HEADING, NOTE, RULE_LABEL,
    YEARS_CAPTION, YEAR_HEADING,
};
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn CapPanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let cap = Signal::derive(move || whatif.scenario.with(|s| s.cap.as_ref().map(|c| c.amount.millions())));
    // The rule the select shows: the cap's while there is one (a link or an undo may
    // change it), and before a cap is typed the one the member chose, which the cap
    // then takes. The select's value is set as a property, so what it shows is always
    // this rule, never a choice the scenario does not hold.
    let scenario_rule = memo(move |_| whatif.scenario.with(|s| s.cap.as_ref().map(|c| c.rule)));
    let chosen_rule = RwSignal::new(scenario_rule.get_untracked().unwrap_or_default());
    effect(move |_| {
        if let Some(rule) = scenario_rule.get() {
            chosen_rule.set(rule);
        }
    });
    // A cap typed takes the rule in effect (the cap's, or the one chosen before it);
    // the field emptied removes the cap.
    let set_cap = move |value: Option<Decimal>| {
        whatif.update(|s| {
            let rule = s.cap.as_ref().map(|c| c.rule).unwrap_or(chosen_rule.get_untracked());
            s.cap = value.map(|amount| CashCap { amount: Money::from_millions(amount), rule });
        })
    };
    let shown = memo(move |_| {
        let before_whose = whatif.projected_scenario.with(uncapped_whose);
        let baseline = whatif.baseline.get_value();
        whatif
            .projection
            .with(|p| p.as_ref().and_then(|p| cap_view(p, baseline.as_deref(), &data, &before_whose, lang())))
    });
    view! {
        <div class="panel" data-testid="cap-panel">
            <h3>
                <Words label=HEADING />
            </h3>
            <p class="note">
                <Words label=NOTE />
            </p>
            <div class="inline-fields">
                <NumberField spec=cap_field() testid="cap-amount" current=cap commit=set_cap narrow=true />
                <label class="field">
                    <span>
                        <Words label=RULE_LABEL />
                    </span>
                    <select
                        data-testid="cap-rule"
                        prop:value=move || chosen_rule.get().key()
                        on:change=move |ev| {
                            if let Some(rule) = DeferralRule::from_key(&event_target_value(&ev)) {
                                chosen_rule.set(rule);
                                whatif
                                    .update(|s| {
                                        if let Some(cap) = s.cap.as_mut() {
                                            cap.rule = rule;
                                        }
                                    });
                            }
                        }
                    >
                        {rule_options()
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option value=option.key selected=chosen_rule.get_untracked() == option.rule>
                                        <Words label=option.label />
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button
                    type="button"
                    data-testid="cap-clear"
                    disabled=move || cap.with(Option::is_none)
                    on:click=move |_| {
                        whatif.update(|s| s.cap = None);
                        focus_after_render(by_test_id("cap-amount"));
                    }
                >
                    <Words label=CLEAR />
                </button>
            </div>
            {move || {
                shown
                    .get()
                    .map(|view| match view {
                        CapView::Met { sentence, deferred, unlisted, list_note, years, year_columns } => {
                            let moved_any = !deferred.is_empty();
                            let deferred_table = move || {
                                // A cap the total already meets moves nothing: the sentence
                                // says so, without an empty list and a table of zeros.
                                view! {
                                    <div class="wide-table" tabindex="0" role="region" aria-label=HEADING.get(lang())>
                                        <table class="data" data-testid="cap-deferred">
                                            <thead>
                                                <tr>
                                                    {DEFERRED_HEADINGS
                                                        .into_iter()
                                                        .enumerate()
                                                        .map(|(i, h)| {
                                                            let class = if i == 0 || i >= 4 { "num" } else { "" };
                                                            let mark = (i >= 4)
                                                                .then(|| {
                                                                    // The two columns of figures are the member's:
                                                                    // the cap is their lever.
                                                                    view! {
                                                                        " "
                                                                        <ProvenanceMark provenance=Provenance::Scenario />
                                                                    }
                                                                });
                                                            view! {
                                                                <th scope="col" class=class>
                                                                    {kept_whole(h.get(lang()))}
                                                                    {mark}
                                                                </th>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {deferred
                                                    .into_iter()
                                                    .map(|d| {
                                                        view! {
                                                            <tr data-testid=format!("cap-deferred-{}", d.id)>
                                                                <td class="num">{d.id}</td>
                                                                <td>{d.name}</td>
                                                                <td class="quarter">{d.from}</td>
                                                                <td class="quarter">{d.to}</td>
                                                                <td class="num">{d.moved.text(lang())}</td>
                                                                <td class="num">{d.total_after.text(lang())}</td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                }
                            };
                            let years_table = move || {
                                view! {
                                    <div
                                        class="wide-table"
                                        tabindex="0"
                                        role="region"
                                        aria-label=YEARS_CAPTION.get(lang())
                                    >
                                        <table class="data compact" data-testid="cap-years">
                                            <caption>{YEARS_CAPTION.get(lang())}</caption>
                                            <thead>
                                                <tr>
                                                    <th scope="col">{YEAR_HEADING.get(lang())}</th>
                                                    {year_columns
                                                        .into_iter()
                                                        .map(|column| {
                                                            view! { <MarkedHeading column=Some(column) /> }
                                                        })
                                                        .collect_view()}
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {years
                                                    .into_iter()
                                                    .map(|y| {
                                                        view! {
                                                            <tr data-testid=format!("cap-year-{}", y.key)>
                                                                <th scope="row">{kept_whole(&y.label)}</th>
                                                                <td class="num">{y.before.text(lang())}</td>
                                                                <td class="num">{y.after.text(lang())}</td>
                                                                <td class="num">{y.change.text(lang())}</td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                }
                            };
                            view! {
                                <div data-testid="cap-met">
                                    <p>
                                        <SentenceText sentence=Signal::stored(sentence) />
                                    </p>
                                    {moved_any.then(deferred_table)}
                                    {unlisted.map(|note| view! { <p class="note">{note}</p> })}
                                    {moved_any
                                        .then(|| {
                                            view! {
                                                <p class="note" data-testid="cap-list-note">
                                                    {list_note}
                                                </p>
                                            }
                                        })}
                                    {moved_any.then(years_table)}
                                </div>
                            }
                                .into_any()
                        }
                        CapView::Infeasible { sentence } => {
                            view! {
                                // A status, not an alert: it follows each keystroke of the
                                // cap (1, 10, 100, 1000), and three alerts interrupted the
                                // typing (audit 28).
                                <p class="field-error" role="status" data-testid="cap-infeasible">
                                    <SentenceText sentence=Signal::stored(sentence) />
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
            <DeferralChoicesPanel />
        </div>
    }
}
