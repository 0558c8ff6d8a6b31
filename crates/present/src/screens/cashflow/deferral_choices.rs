//! The two answers a member asks of a cash cap, beside what the rules defer: the
//! fewest projects to defer, and the least budget to defer, to bring 2018-19 within
//! the cap (the model's [`DeferralChoices`]), each with its method in one sentence,
//! its projects, and the rules compared. Every figure follows from the member's cap,
//! so each is the scenario's.

use crate::format::{count, exact_money_with_unit, money_with_unit, money_with_unit_as_precise_as, projects_count};
use crate::lang::{l, Label, Lang};
use crate::provenance::{Figure, MarkedColumn, Provenance, Value};
use crate::screens::projects::table::ROWS_PER_STEP;
use crate::screens::sentence::Sentence;
use crate::words::{department_name, project_name, rule_label};
use blockvote_model::engine::{ChoiceOutcome, DeferralChoices, DeferralSet, RuleDeferrals};
use blockvote_model::{Dataset, Money};

pub const HEADING: Label = l("最少延後多少項目才能符合上限？", "What is the least to defer to meet the cap?");
pub const ROW_HEADINGS: [Label; 5] = [
    l("編號", "No."),
    l("項目", "Project"),
    l("部門", "Department"),
    l("預算（百萬元）", "Budget (HK$M)"),
    l("移出 2018-19（百萬元）", "Out of 2018-19 (HK$M)"),
];
pub const RULES_CAPTION: Label = l("各延後次序所需", "What each deferral rule needs");
pub const RULE_HEADING: Label = l("延後次序", "Deferral rule");

/// The rule table's figure columns, each marked: every figure follows from the
/// member's cap, so is theirs (audit 13: the columns were unmarked).
pub fn rule_columns() -> [MarkedColumn; 3] {
    [
        MarkedColumn { heading: l("項目數目", "Projects"), mark: Provenance::Scenario },
        MarkedColumn { heading: l("預算（百萬元）", "Budget (HK$M)"), mark: Provenance::Scenario },
        MarkedColumn {
            heading: l("移出 2018-19（百萬元）", "Out of 2018-19 (HK$M)"), mark: Provenance::Scenario
        },
    ]
}
pub const USE_SET: Label = l("採用這組項目", "Use this set");
pub const USE_SET_NOTE: Label = l(
    "「採用這組項目」為每個項目加上一項編輯，把開展移至下一財政年度第一季（與上限的延後相同）；上限保留，可按「復原」撤銷。",
    "“Use this set” adds an edit to each project moving its start to the first quarter of the next financial year (as the cap defers); the cap stays, and Undo takes it back.",
);

/// One project of a chosen set.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ChoiceRow {
    pub id: u16,
    pub name: String,
    pub department: String,
    pub budget: Figure,
    pub moved: Figure,
}

/// One of the two answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// `Fewest projects to defer: 7`, its figures findable by test id.
    pub headline: Sentence,
    /// What deferring the set moves and leaves, each figure marked.
    pub totals: Sentence,
    /// How the set was found, in one sentence.
    pub method: String,
    /// The list's summary line: `The 7 projects`.
    pub summary: String,
    /// The first [`ROWS_PER_STEP`] projects of the set, in id order (the number the
    /// projects table draws at a time): a set from a 20,000-project file may hold
    /// thousands, and listing them all blocked the page for seconds.
    pub rows: Vec<ChoiceRow>,
    /// What the list leaves out, when the set holds more than [`ROWS_PER_STEP`]
    /// projects: `… 1,204 more projects are not listed here; "Use this set" defers them too.`
    pub unlisted: Option<String>,
    /// The projects' ids, for "Use this set".
    pub ids: Vec<u16>,
}

/// A rule's row in the comparison.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RuleRow {
    pub key: &'static str,
    pub label: String,
    pub count: Figure,
    pub budget: Figure,
    pub moved: Figure,
}

/// The two answers and the rules compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers {
    pub fewest: Answer,
    pub least_budget: Answer,
    pub rules: Vec<RuleRow>,
}

/// What the panel shows for a cap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChoicesView {
    /// Nothing to defer, or no deferral can meet the cap.
    Said {
        sentence: Sentence,
    },
    Found(Box<Answers>),
}

/// What `choices` mean, in the reader's language. `before` is whose 2018-19's total
/// before any deferral is ([`super::cap::uncapped_whose`]); every other figure follows
/// from the member's cap, so is the scenario's.
pub fn choices_view(choices: &DeferralChoices, data: &Dataset, before_whose: &Provenance, lang: Lang) -> ChoicesView {
    let money = |amount| money_with_unit(amount, lang);
    let member = Some(Provenance::Scenario);
    // The cap as the member gave it, every decimal kept, as the cap's own sentence
    // shows it: HK$1,040.55M was "HK$1,040.6M" here, beside 2018-19's HK$1,040.5M.
    let cap = exact_money_with_unit(choices.cap, lang);
    let before = money_with_unit_as_precise_as(choices.before, choices.cap, lang);
    let before_whose = Some(before_whose.clone());
    match &choices.outcome {
        ChoiceOutcome::WithinCap => ChoicesView::Said {
            sentence: match lang {
                Lang::Zh => {
                    Sentence::new().text("2018-19 年度需 ").text(before).mark(before_whose).text("，未超過上限 ")
                }
                Lang::En => Sentence::new()
                    .text("2018-19 needs ")
                    .text(before)
                    .mark(before_whose)
                    .text(", already within the cap of "),
            }
            .text(cap)
            .mark(member)
            .text(lang.pick("：毋須延後任何項目。", ": nothing to defer.")),
        },
        ChoiceOutcome::Unreachable { minimum_reachable } => ChoicesView::Said {
            sentence: Sentence::new()
                .text(lang.pick(
                    "即使延後所有在 2018-19 年度有現金需求的新項目，2018-19 年度仍需 ",
                    "Even deferring every new project with 2018-19 cash leaves ",
                ))
                .text(money(*minimum_reachable))
                // Worked out from the scenario without its cap, as the cap panel marks
                // it (audit 14: "model" there, "scenario" here, for the same 817.0).
                .mark(before_whose.clone())
                .text(lang.pick("，高於上限 ", ", above the cap of "))
                .text(cap)
                .mark(member)
                .text(lang.pick("：沒有任何延後組合能符合上限。", ": no set of deferrals meets it.")),
        },
        ChoiceOutcome::Found { fewest, least_budget, rules } => ChoicesView::Found(Box::new(Answers {
            fewest: fewest_answer(fewest, &Asked { choices, data, before_whose: before_whose.clone(), lang }),
            least_budget: least_budget_answer(least_budget, &Asked { choices, data, before_whose, lang }),
            rules: rules.iter().map(|rule| rule_row(rule, choices.before, lang)).collect(),
        })),
    }
}

/// What an answer is asked of: the choices it is one of, the data shown, whose
/// 2018-19's total before any deferral is, and the reader's language.
struct Asked<'a> {
    choices: &'a DeferralChoices,
    data: &'a Dataset,
    before_whose: Option<Provenance>,
    lang: Lang,
}

fn fewest_answer(set: &DeferralSet, asked: &Asked) -> Answer {
    let lang = asked.lang;
    let count = Figure::scenario(Value::Count(u64::try_from(set.projects.len()).unwrap_or(u64::MAX)));
    let member = Some(count.provenance().clone());
    let headline = match lang {
        Lang::Zh => Sentence::new()
            .text("最少須延後的項目數目：")
            .figure("fewest-count", count.text(lang))
            // The mark after the measure word, which belongs with the count.
            .text(" 個")
            .mark(member),
        Lang::En => {
            Sentence::new().text("Fewest projects to defer: ").figure("fewest-count", count.text(lang)).mark(member)
        }
    };
    let method = match lang {
        Lang::Zh => "方法：每延後一個項目，移出的正是該項目本身的 2018-19 年度現金，不受其他項目影響；故由現金最多的項目起延後，所需項目最少（「2018-19 現金最多的先延後」延後的正是這組）。",
        Lang::En => "Method: deferring a project moves out exactly its own 2018-19 cash, whatever else is deferred, so taking the projects with the most 2018-19 cash first needs the fewest (the rule “Most 2018-19 cash first” defers this same set).",
    };
    answer(set, asked, headline, method.to_string())
}

fn least_budget_answer(set: &DeferralSet, asked: &Asked) -> Answer {
    let lang = asked.lang;
    let member = || Some(Provenance::Scenario);
    let budget = money_with_unit(set.budget, lang);
    let count = projects_count(set.projects.len(), lang);
    let headline = match (lang, set.proven) {
        (Lang::Zh, true) => Sentence::new().text("最少須延後的預算：").figure("least-budget-amount", budget),
        (Lang::Zh, false) => {
            Sentence::new().text("須延後的預算（找到的最佳組合，未證明為最少）：").figure("least-budget-amount", budget)
        }
        (Lang::En, true) => Sentence::new().text("Least budget to defer: ").figure("least-budget-amount", budget),
        (Lang::En, false) => Sentence::new()
            .text("Budget to defer (best found, not proven least): ")
            .figure("least-budget-amount", budget),
    };
    let headline =
        headline.mark(member()).text(lang.pick("，共 ", " over ")).figure("least-budget-count", count).mark(member());
    let method = match (lang, set.proven) {
        (Lang::Zh, true) => "方法：精確搜尋（0/1 背包問題的動態規劃，或分支定界）檢視所有組合，找出移出的 2018-19 年度現金足以符合上限而預算總額最小的一組；如有相同，取移出現金較多、項目較少、編號較小者。".to_string(),
        (Lang::En, true) => "Method: an exact search over every combination (a 0/1 knapsack by dynamic programming, or branch and bound) finds the smallest total budget whose 2018-19 cash brings the total within the cap; ties go to more cash moved, then fewer projects, then lower numbers.".to_string(),
        (Lang::Zh, false) => "方法：精確搜尋在步數上限內未能完成；這是找到的最佳組合，符合上限，但未證明預算為最少。".to_string(),
        (Lang::En, false) => "Method: the exact search stopped at its step limit before finishing; this is the best set it found, which meets the cap but is not proven the least budget.".to_string(),
    };
    answer(set, asked, headline, method)
}

fn answer(set: &DeferralSet, asked: &Asked, headline: Sentence, method: String) -> Answer {
    let (choices, data, before_whose, lang) = (asked.choices, asked.data, &asked.before_whose, asked.lang);
    let money = |amount| money_with_unit(amount, lang);
    // What moves is the difference of the two totals as written, so that the sentence
    // adds up: rounded on its own, "moves HK$628.5M … from HK$1,626.1M to HK$997.7M".
    let (before, after) = (choices.before.round_to(1), set.after.round_to(1));
    let moved = moved_as_written(choices.before, set.after, set.moved);
    let member = || Some(Provenance::Scenario);
    let totals = Sentence::new()
        .text(lang.pick("延後的項目預算共 ", "Deferring projects budgeted at "))
        .text(money(set.budget))
        .mark(member())
        .text(lang.pick("，從 2018-19 年度移出 ", " moves "))
        .text(money(moved))
        .mark(member())
        .text(lang.pick("，該年度總額由 ", " out of 2018-19, from "))
        .text(money(before))
        .mark(before_whose.clone())
        .text(lang.pick(" 降至 ", " to "))
        .text(money(after))
        .mark(member())
        .text(lang.pick("（上限 ", " (cap "))
        .text(exact_money_with_unit(choices.cap, lang))
        .mark(member())
        .text(lang.pick("）。", ")."));
    let summary = match lang {
        Lang::Zh => format!("這 {} 個項目", set.projects.len()),
        Lang::En => format!("The {}", projects_count(set.projects.len(), lang)),
    };
    let unlisted = set.projects.len().saturating_sub(ROWS_PER_STEP);
    let unlisted = (unlisted > 0).then(|| match (lang, unlisted) {
        (Lang::Zh, n) => format!("……另有 {} 個項目未有列出；「採用這組項目」會把它們一併延後。", count(n)),
        (Lang::En, 1) => "… 1 more project is not listed here; “Use this set” defers it too.".to_string(),
        (Lang::En, n) => format!("… {} more projects are not listed here; “Use this set” defers them too.", count(n)),
    });
    let rows = set
        .projects
        .iter()
        .take(ROWS_PER_STEP)
        .map(|chosen| {
            let project = data.project(chosen.id);
            ChoiceRow {
                id: chosen.id,
                name: project.map(|p| project_name(p, lang)).unwrap_or_default(),
                department: project.map(|p| department_name(data, p.department, lang)).unwrap_or_default(),
                budget: Figure::scenario(Value::Millions(chosen.budget)),
                moved: Figure::scenario(Value::Millions(chosen.moved)),
            }
        })
        .collect();
    Answer {
        headline,
        totals,
        method,
        summary,
        rows,
        unlisted,
        ids: set.projects.iter().map(|chosen| chosen.id).collect(),
    }
}

/// What deferrals move out of 2018-19 as the totals before and after them are written
/// (each to a tenth): their difference, so that a sentence or a row reads `before −
/// moved = after` as shown. `exact` is what moves, which stands in should the sum
/// overflow (amounts within the engine's range never do).
fn moved_as_written(before: Money, after: Money, exact: Money) -> Money {
    before.round_to(1).checked_sub(after.round_to(1)).unwrap_or(exact)
}

/// A rule's row. What it moves out of 2018-19 is the difference of the totals as
/// written, before (`before`, the budget year's total before any deferral) and after,
/// as the cap panel and the answers above write it: rounded on its own, the rule the
/// cap applied read 10.4 beside the panel's 10.3 for the same project (audit 14).
fn rule_row(rule: &RuleDeferrals, before: Money, lang: Lang) -> RuleRow {
    // A rule moves at most the total before it, so the subtraction never fails.
    let moved = before.checked_sub(rule.moved).map_or(rule.moved, |after| moved_as_written(before, after, rule.moved));
    RuleRow {
        key: rule.rule.key(),
        label: rule_label(rule.rule).get(lang).to_string(),
        count: Figure::scenario(Value::Count(u64::try_from(rule.count).unwrap_or(u64::MAX))),
        budget: Figure::scenario(Value::Millions(rule.budget)),
        moved: Figure::scenario(Value::Millions(moved)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::cashflow::tests::{paper, read};
    use blockvote_model::engine::{CashCap, ChosenProject, DeferralRule, Engine, Scenario, SearchLimits};
    use blockvote_model::Money;

    /// The panel at a cap of `millions`, as a reader reads it, in lines.
    #[track_caller]
    fn check(millions: i64, lang: Lang, expected: &[&str]) {
        let data = paper();
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let scenario = Scenario {
            cap: Some(CashCap { amount: Money::from_whole_millions(millions), rule: DeferralRule::LatestStartFirst }),
            ..Scenario::default()
        };
        let problem = engine.deferral_problem(&scenario).unwrap_or_else(|e| panic!("{e}"));
        let choices = problem.map(|p| p.solve().unwrap_or_else(|e| panic!("{e}"))).unwrap_or_else(|| panic!("a cap"));
        let shown = match choices_view(&choices, &data, &crate::screens::cashflow::cap::uncapped_whose(&scenario), lang)
        {
            ChoicesView::Said { sentence } => vec![sentence.plain()],
            ChoicesView::Found(answers) => {
                let Answers { fewest, least_budget, rules } = *answers;
                let mut lines = Vec::new();
                for answer in [fewest, least_budget] {
                    lines.push(answer.headline.plain());
                    lines.push(answer.totals.plain());
                    lines.push(answer.method);
                    lines.push(answer.summary);
                    if let Some(row) = answer.rows.first() {
                        lines.push(format!(
                            "{} {} | {} | {} | {}",
                            row.id,
                            row.name,
                            row.department,
                            read(&row.budget, lang),
                            read(&row.moved, lang)
                        ));
                    }
                }
                lines.extend(rules.iter().take(2).map(|rule| {
                    format!(
                        "{}: {} {} {}",
                        rule.label,
                        read(&rule.count, lang),
                        rule.budget.text(lang),
                        rule.moved.text(lang)
                    )
                }));
                lines
            }
        };
        assert_eq!(shown, expected);
    }

    #[test]
    fn the_two_answers_at_the_papers_cap() {
        check(1000, Lang::En, &[
            "Fewest projects to defer: 7",
            "Deferring projects budgeted at HK$64.7M moves HK$64.7M out of 2018-19, from HK$1,060.0M to HK$995.3M (cap HK$1,000.0M).",
            "Method: deferring a project moves out exactly its own 2018-19 cash, whatever else is deferred, so taking the projects with the most 2018-19 cash first needs the fewest (the rule “Most 2018-19 cash first” defers this same set).",
            "The 7 projects",
            "22 Implementation of digital repository (Government Records Service) | Chief Secretary for Administration's Office | 9.9 [scenario] | 9.9 [scenario]",
            "Least budget to defer: HK$60.0M over 7 projects",
            "Deferring projects budgeted at HK$60.0M moves HK$60.0M out of 2018-19, from HK$1,060.0M to HK$1,000.0M (cap HK$1,000.0M).",
            "Method: an exact search over every combination (a 0/1 knapsack by dynamic programming, or branch and bound) finds the smallest total budget whose 2018-19 cash brings the total within the cap; ties go to more cash moved, then fewer projects, then lower numbers.",
            "The 7 projects",
            "22 Implementation of digital repository (Government Records Service) | Chief Secretary for Administration's Office | 9.9 [scenario] | 9.9 [scenario]",
            "Latest start first: 105 [scenario] 584.9 60.3",
            "Smallest budget first: 90 [scenario] 191.6 62.8",
        ]);
        check(1000, Lang::Zh, &[
            "最少須延後的項目數目：7 個",
            "延後的項目預算共 64.7 百萬元，從 2018-19 年度移出 64.7 百萬元，該年度總額由 1,060.0 百萬元 降至 995.3 百萬元（上限 1,000.0 百萬元）。",
            "方法：每延後一個項目，移出的正是該項目本身的 2018-19 年度現金，不受其他項目影響；故由現金最多的項目起延後，所需項目最少（「2018-19 現金最多的先延後」延後的正是這組）。",
            "這 7 個項目",
            "22 推行數碼儲存庫(政府檔案處) | 政務司司長辦公室 | 9.9 [情景] | 9.9 [情景]",
            "最少須延後的預算：60.0 百萬元，共 7 個項目",
            "延後的項目預算共 60.0 百萬元，從 2018-19 年度移出 60.0 百萬元，該年度總額由 1,060.0 百萬元 降至 1,000.0 百萬元（上限 1,000.0 百萬元）。",
            "方法：精確搜尋（0/1 背包問題的動態規劃，或分支定界）檢視所有組合，找出移出的 2018-19 年度現金足以符合上限而預算總額最小的一組；如有相同，取移出現金較多、項目較少、編號較小者。",
            "這 7 個項目",
            "22 推行數碼儲存庫(政府檔案處) | 政務司司長辦公室 | 9.9 [情景] | 9.9 [情景]",
            "最遲開展的先延後: 105 [情景] 584.9 60.3",
            "預算最小的先延後: 90 [情景] 191.6 62.8",
        ]);
    }

    #[test]
    fn a_set_not_proven_least_says_so() {
        let data = paper();
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let scenario = Scenario {
            cap: Some(CashCap { amount: Money::from_whole_millions(1000), rule: DeferralRule::LatestStartFirst }),
            ..Scenario::default()
        };
        let problem = engine.deferral_problem(&scenario).ok().flatten().unwrap_or_else(|| panic!("a cap"));
        let one_step = SearchLimits { cell_updates: 0, table_entries: 0, nodes: 1 };
        let choices = problem.solve_within(one_step).unwrap_or_else(|e| panic!("{e}"));
        let ChoicesView::Found(answers) = choices_view(&choices, &data, &Provenance::Scenario, Lang::En) else {
            panic!("the cap can be met")
        };
        let least_budget = answers.least_budget;
        assert_eq!(
            least_budget.headline.plain(),
            "Budget to defer (best found, not proven least): HK$64.7M over 7 projects"
        );
        assert!(least_budget.method.contains("not proven the least budget"), "{}", least_budget.method);
    }

    #[test]
    fn nothing_to_defer_or_no_way_to_meet_the_cap() {
        check(1060, Lang::En, &["2018-19 needs HK$1,060.0M, already within the cap of HK$1,060.0M: nothing to defer."]);
        check(500, Lang::Zh, &[
            "即使延後所有在 2018-19 年度有現金需求的新項目，2018-19 年度仍需 817.0 百萬元，高於上限 500.0 百萬元：沒有任何延後組合能符合上限。",
        ]);
    }

    /// A set larger than the list is cut at [`ROWS_PER_STEP`] rows and says how many it
    /// leaves out; "Use this set" still defers them all.
    #[test]
    fn a_set_of_thousands_lists_its_first_rows_and_counts_the_rest() {
        let data = paper();
        let quarter = blockvote_model::FiscalQuarter::new(2018, 1).unwrap_or_else(|| panic!("a quarter"));
        let projects: Vec<_> = (1..=1_504_u16)
            .map(|id| ChosenProject { id, budget: Money::ZERO, moved: Money::ZERO, start: quarter })
            .collect();
        let set = DeferralSet { projects, budget: Money::ZERO, moved: Money::ZERO, after: Money::ZERO, proven: true };
        let choices = DeferralChoices { cap: Money::ZERO, before: Money::ZERO, outcome: ChoiceOutcome::WithinCap };
        let asked = |lang| Asked { choices: &choices, data: &data, before_whose: None, lang };
        let shown = answer(&set, &asked(Lang::En), Sentence::new(), String::new());
        assert_eq!(shown.rows.len(), ROWS_PER_STEP);
        assert_eq!(shown.ids.len(), 1_504);
        assert_eq!(
            shown.unlisted.as_deref(),
            Some("… 1,204 more projects are not listed here; “Use this set” defers them too.")
        );
        let shown = answer(&set, &asked(Lang::Zh), Sentence::new(), String::new());
        assert_eq!(shown.unlisted.as_deref(), Some("……另有 1,204 個項目未有列出；「採用這組項目」會把它們一併延後。"));
    }
}
