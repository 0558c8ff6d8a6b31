//! Under the cash cap: the fewest projects to defer and the least budget to defer to
//! meet it, each with its projects (collapsible) and "Use this set", and what every
//! deferral rule needs. The search runs in a memo of its input, so a change that
//! leaves the cap's candidates as they were (the language, a threshold) does not
//! search again.

use crate::components::each::each_key;
use crate::components::marks::MarkedHeading;
use crate::components::memo::memo;
use crate::components::sentence::{kept_whole, SentenceText};
use crate::components::words::Words;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_present::screens::cashflow::cap::uncapped_whose;
use blockvote_present::screens::cashflow::deferral_choices::{
    choices_view, rule_columns, Answer, ChoicesView, RuleRow, HEADING, ROW_HEADINGS, RULES_CAPTION, RULE_HEADING,
    USE_SET, USE_SET_NOTE,
};
use blockvote_present::screens::sentence::Sentence;
use leptos::prelude::*;

#[component]
pub fn DeferralChoicesPanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let problem = memo(move |_| {
        whatif.projected_scenario.with(|scenario| {
            whatif.engine.with_value(|engine| {
                engine.as_ref().ok().and_then(|engine| engine.deferral_problem(scenario).ok().flatten())
            })
        })
    });
    let choices = memo(move |_| problem.with(|problem| problem.as_ref().and_then(|p| p.solve().ok())));
    let shown = memo(move |_| {
        let before_whose = whatif.projected_scenario.with(uncapped_whose);
        choices.with(|c| c.as_ref().map(|c| choices_view(c, &data, &before_whose, lang())))
    });
    let said = memo(move |_| {
        shown.with(|view| match view {
            Some(ChoicesView::Said { sentence }) => Some(sentence.clone()),
            _ => None,
        })
    });
    let answer = move |pick: fn(&ChoicesView) -> Option<&Answer>| {
        memo(move |_| shown.with(|view| view.as_ref().and_then(pick).cloned()))
    };
    let fewest = answer(|view| match view {
        ChoicesView::Found(answers) => Some(&answers.fewest),
        ChoicesView::Said { .. } => None,
    });
    let least_budget = answer(|view| match view {
        ChoicesView::Found(answers) => Some(&answers.least_budget),
        ChoicesView::Said { .. } => None,
    });
    let rules = memo(move |_| {
        shown.with(|view| match view {
            Some(ChoicesView::Found(answers)) => answers.rules.clone(),
            _ => Vec::new(),
        })
    });
    let found = memo(move |_| fewest.with(Option::is_some));
    view! {
        <Show when=move || shown.with(Option::is_some)>
            <div class="deferral-choices" data-testid="deferral-choices">
                <h4>
                    <Words label=HEADING />
                </h4>
                {move || {
                    said.get()
                        .map(|sentence| {
                            view! {
                                <p data-testid="deferral-choices-said">
                                    <SentenceText sentence=Signal::stored(sentence) />
                                </p>
                            }
                        })
                }}
                <Show when=move || found.get()>
                    <AnswerBlock answer=fewest testid="fewest-deferrals" />
                    <AnswerBlock answer=least_budget testid="least-budget-deferrals" />
                    <p class="note">
                        <Words label=USE_SET_NOTE />
                    </p>
                    <RulesTable rules=rules />
                </Show>
            </div>
        </Show>
    }
}

/// One answer: its headline, totals and method, its projects and "Use this set".
#[component]
fn AnswerBlock(answer: Memo<Option<Answer>>, testid: &'static str) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let text = move |pick: fn(&Answer) -> String| move || answer.with(|a| a.as_ref().map(pick).unwrap_or_default());
    // The answer's words and sentences, empty while there is no answer (the block is
    // then hidden).
    let sentence = move |pick: fn(&Answer) -> Sentence| {
        Signal::derive(move || answer.with(|a| a.as_ref().map(pick).unwrap_or_default()))
    };
    let headline = sentence(|a| a.headline.clone());
    let totals = sentence(|a| a.totals.clone());
    let summary = text(|a| a.summary.clone());
    let rows = move || answer.with(|a| a.as_ref().map(|a| a.rows.clone()).unwrap_or_default());
    let use_set = move |_| {
        let ids = answer.with_untracked(|a| a.as_ref().map(|a| a.ids.clone()).unwrap_or_default());
        let next = whatif.engine.with_value(|engine| {
            engine.as_ref().ok().map(|engine| whatif.scenario.with_untracked(|s| engine.with_deferred(s, &ids)))
        });
        if let Some(next) = next {
            whatif.scenario.set(next);
        }
    };
    view! {
        <div class="deferral-answer" data-testid=testid>
            <p class="deferral-headline">
                <SentenceText sentence=headline />
            </p>
            <p>
                <SentenceText sentence=totals />
            </p>
            <p class="note">{text(|a| a.method.clone())}</p>
            <details>
                <summary>{summary}</summary>
                <div class="wide-table" tabindex="0" role="region" aria-label=summary>
                    <table class="data compact">
                        <thead>
                            <tr>
                                {ROW_HEADINGS
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, h)| {
                                        let class = if i == 0 || i >= 3 { "num" } else { "" };
                                        view! {
                                            <th scope="col" class=class>
                                                <Words label=h />
                                            </th>
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {each_key(
                                rows,
                                move |row| {
                                    view! {
                                        <tr data-testid=format!("deferral-{}", row.id)>
                                            <td class="num">{row.id}</td>
                                            <td>{row.name}</td>
                                            <td>{row.department}</td>
                                            <td class="num">{row.budget.text(lang())}</td>
                                            <td class="num">{row.moved.text(lang())}</td>
                                        </tr>
                                    }
                                        .into_any()
                                },
                            )}
                        </tbody>
                    </table>
                </div>
                <p class="note">{text(|a| a.unlisted.clone().unwrap_or_default())}</p>
            </details>
            <button type="button" data-testid=format!("{testid}-use") on:click=use_set>
                <Words label=USE_SET />
            </button>
        </div>
    }
}

/// What each deferral rule needs, to set beside the two answers.
#[component]
fn RulesTable(rules: Memo<Vec<RuleRow>>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    view! {
        <div class="wide-table" tabindex="0" role="region" aria-label=move || RULES_CAPTION.get(lang())>
            <table class="data compact" data-testid="deferral-rules">
                <caption>
                    <Words label=RULES_CAPTION />
                </caption>
                <thead>
                    <tr>
                        <th scope="col">
                            <Words label=RULE_HEADING />
                        </th>
                        {rule_columns()
                            .into_iter()
                            .map(|column| view! { <MarkedHeading column=Some(column) /> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {each_key(
                        move || rules.get(),
                        move |row| {
                            view! {
                                <tr data-testid=format!("deferral-rule-{}", row.key)>
                                    <th scope="row">{kept_whole(&row.label)}</th>
                                    <td class="num" data-testid="deferral-rule-count">
                                        {row.count.text(lang())}
                                    </td>
                                    <td class="num">{row.budget.text(lang())}</td>
                                    <td class="num">{row.moved.text(lang())}</td>
                                </tr>
                            }
                                .into_any()
                        },
                    )}
                </tbody>
            </table>
        </div>
    }
}
