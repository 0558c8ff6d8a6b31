//! The projects changed from the paper (left out, a budget, start or completion that
//! differs, or a spend profile of its own; `exports::project_changed`), each budget written with the decimals
//! that show its change (`format::exact_millions`), and the levers applied to every
//! project alike, reported once as themselves.

use super::BriefInput;
use crate::compare::global_levers;
use crate::format::{exact_millions, millions, quarter_text};
use crate::lang::{l, Label, Lang};
use crate::words::{department_name, profile_label, project_name};
use blockvote_model::engine::ProjectOutcome;
use blockvote_model::exports::project_changed;
use blockvote_model::FiscalQuarter;

/// The most changed projects listed; the rest are counted (the projects CSV has all).
pub const MAX_LISTED: usize = 25;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedProjects {
    pub title: String,
    /// The levers applied to every project, one sentence each.
    pub levers: Vec<String>,
    /// No., project (department), budget, start – completion, budget-year cash, status.
    pub heads: [String; 6],
    pub rows: Vec<ChangedRow>,
    /// How many more there are, when not all are listed.
    pub more: Option<String>,
    /// Said when no project is changed.
    pub none: Option<String>,
}

/// One changed project, each cell as printed: `paper → scenario` where it changed,
/// the one value where it did not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedRow {
    pub id: u16,
    pub name: String,
    pub department: String,
    pub budget: String,
    pub timing: String,
    pub cash: String,
    pub status: String,
}

const NO: Label = l("編號", "No.");
const PROJECT: Label = l("項目（部門）", "Project (department)");
const BUDGET: Label = l("預算（文件 → 情景）", "Budget (paper → scenario)");
const TIMING: Label = l("開始 – 完成", "Start – completion");
const STATUS: Label = l("狀況", "Status");
const EXCLUDED: Label = l("剔除", "excluded");
const DEFERRED: Label = l("因現金上限延後", "deferred by the cap");
const NONE: Label = l(
    "沒有項目的納入與否、預算、開展或完成日期或開支模式與文件不同。",
    "No project's inclusion, budget, start, completion or spend profile differs from the paper.",
);

pub fn changed_projects(input: BriefInput<'_>) -> ChangedProjects {
    let lang = input.lang;
    let (projection, baseline) = (input.projection, input.baseline);
    let year = projection.budget_year.label();
    // Each project's 2018-19 cash as every screen shows it (`shown_project_cash`), so
    // the column reads as the projects CSV and the project's lever panel do.
    let shown = |projection| blockvote_model::order::SortedMap::of_first(crate::cash::shown_project_cash(projection));
    let (shown_cash, shown_baseline) = (shown(projection), shown(baseline));
    let scenario_cash = |o: &ProjectOutcome| shown_cash.get(&o.id).copied().unwrap_or_default();
    let baseline_cash = |o: &ProjectOutcome| shown_baseline.get(&o.id).copied().unwrap_or_default();
    let cash_change = |o: &ProjectOutcome| scenario_cash(o).checked_sub(baseline_cash(o)).unwrap_or_default();
    // Each project's change worked out once, not once per comparison.
    let mut changed: Vec<(rust_decimal::Decimal, &ProjectOutcome)> = projection
        .projects
        .iter()
        .filter(|o| project_changed(o))
        .map(|o| (cash_change(o).millions().abs(), o))
        .collect();
    blockvote_model::order::sort_by(&mut changed, |(a_change, a), (b_change, b)| {
        b_change.cmp(a_change).then(a.id.cmp(&b.id))
    });
    let changed: Vec<&ProjectOutcome> = changed.into_iter().map(|(_, o)| o).collect();
    let count = changed.len();
    let rows = changed
        .iter()
        .take(MAX_LISTED)
        .map(|o| {
            let project = input.data.project(o.id);
            ChangedRow {
                id: o.id,
                name: project.map(|p| project_name(p, lang)).unwrap_or_default(),
                department: project.map(|p| department_name(input.data, p.department, lang)).unwrap_or_default(),
                // Written exactly, as the Projects table writes them.
                budget: from_to(exact_millions(o.paper_budget), exact_millions(o.budget)),
                timing: from_to(timing(o.paper_start, o.paper_completion, lang), timing(o.start, o.completion, lang)),
                cash: from_to(millions(baseline_cash(o)), millions(scenario_cash(o))),
                status: status(o, lang),
            }
        })
        .collect();
    let more = count.saturating_sub(MAX_LISTED);
    // A lever applies to the projects the scenario includes: "all 254" read beside an
    // exclusion, where the brief counts 253.
    let projects = projection.projects.iter().filter(|p| p.included).count();
    ChangedProjects {
        title: match lang {
            Lang::Zh => format!("與文件不同的項目（{count} 個）"),
            Lang::En => format!("Projects changed from the paper ({count})"),
        },
        levers: global_levers(input.scenario).iter().map(|g| g.sentence(projects, lang)).collect(),
        heads: [
            NO.get(lang).to_string(),
            PROJECT.get(lang).to_string(),
            BUDGET.get(lang).to_string(),
            TIMING.get(lang).to_string(),
            match lang {
                Lang::Zh => format!("{year} 現金（模型基線 → 情景）"),
                Lang::En => format!("{year} cash (model baseline → scenario)"),
            },
            STATUS.get(lang).to_string(),
        ],
        rows,
        more: (more > 0).then(|| match lang {
            Lang::Zh => format!(
                "另有 {more} 個項目未列出（按 {year} 年度現金變動由大至小排列）；全部項目見「情景」畫面的項目 CSV。"
            ),
            Lang::En => format!(
                "{more} more not listed (sorted by the change in {year} cash, largest first); the projects CSV on the Scenarios screen has them all."
            ),
        }),
        none: (count == 0).then(|| NONE.get(lang).to_string()),
    }
}

/// What else the row says of the project: left out, or deferred by the cap and with a
/// spend profile of its own, each as a phrase (`deferred by the cap; own spend profile:
/// Even`).
fn status(outcome: &ProjectOutcome, lang: Lang) -> String {
    if !outcome.included {
        return EXCLUDED.get(lang).to_string();
    }
    let deferred = outcome.deferred_by_cap.map(|_| DEFERRED.get(lang).to_string());
    let profile = outcome.own_profile.then(|| match lang {
        Lang::Zh => format!("自訂開支模式：{}", profile_label(outcome.profile).get(lang)),
        Lang::En => format!("own spend profile: {}", profile_label(outcome.profile).get(lang)),
    });
    [deferred, profile].into_iter().flatten().collect::<Vec<_>>().join(lang.pick("；", "; "))
}

/// `before → after`, or the one value when they read the same.
fn from_to(before: String, after: String) -> String {
    if before == after {
        after
    } else {
        format!("{before} → {after}")
    }
}

fn timing(start: FiscalQuarter, completion: FiscalQuarter, lang: Lang) -> String {
    format!("{} – {}", quarter_text(start, lang), quarter_text(completion, lang))
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;
    use blockvote_model::engine::{Edit, ProjectEdit, Scenario, Slippage};
    use blockvote_model::Money;
    use rust_decimal::Decimal;

    fn read(row: &ChangedRow) -> String {
        format!("{} | {} | {} | {} | {}", row.id, row.budget, row.timing, row.cash, row.status)
    }

    /// The changed projects of `scenario`: the title, the lever sentences, then the rows.
    #[track_caller]
    fn check(scenario: Scenario, lang: Lang, expected: &[&str]) {
        let fixture = Fixture::new(scenario);
        let changed = changed_projects(fixture.input(lang));
        let mut lines = vec![changed.title.clone()];
        lines.extend(changed.levers.iter().cloned());
        lines.extend(changed.rows.iter().map(read));
        lines.extend(changed.none.iter().cloned());
        assert_eq!(lines, expected);
    }

    fn edit(id: u16, edit: Edit) -> ProjectEdit {
        ProjectEdit { id, edit }
    }

    #[test]
    fn global_slippage_changes_no_project_and_is_said_once() {
        check(
            Scenario { slippage: Slippage { enabled: true, ..Slippage::default() }, ..Scenario::default() },
            Lang::En,
            &[
                "Projects changed from the paper (0)",
                "Slippage applied to all 254 projects: 32.9% late by 1 quarter, as an expected value (their start and completion stay as in the paper; only the cash moves).",
                "No project's inclusion, budget, start, completion or spend profile differs from the paper.",
            ],
        );
    }

    /// A project's own spend profile is a change of it, listed with its cash and said
    /// in its status (audit 9: No. 7 set to an even spread was left out of the list).
    #[test]
    fn a_project_s_own_spend_profile_is_listed() {
        let even = Edit { profile: Some(blockvote_model::engine::Profile::Even), ..Edit::default() };
        let scenario = Scenario { projects: vec![edit(7, even)], ..Scenario::default() };
        let expected = [
            "Projects changed from the paper (1)",
            "7 | 9.1 | 2018-19 Q1 – 2019-20 Q4 | 0.7 → 4.5 | own spend profile: Even",
        ];
        check(scenario.clone(), Lang::En, &expected);
        let zh = changed_projects(Fixture::new(scenario).input(Lang::Zh));
        assert_eq!(zh.rows.first().map(|r| r.status.as_str()), Some("自訂開支模式：平均分布"));
    }

    #[test]
    fn only_what_reads_differently_is_listed_and_as_it_reads() {
        let scenario = Scenario {
            projects: vec![
                edit(17, Edit { defer_quarters: Some(4), ..Edit::default() }),
                edit(3, Edit { exclude: Some(true), ..Edit::default() }),
                // 6.6 → 6.64 reads 6.6 at one decimal: listed, with the decimals that show it.
                edit(1, Edit { budget: Some(Money::from_millions(Decimal::new(664, 2))), ..Edit::default() }),
            ],
            ..Scenario::default()
        };
        check(
            scenario.clone(),
            Lang::En,
            &[
                "Projects changed from the paper (3)",
                "17 | 6.7 | 2018-19 Q1 – 2019-20 Q3 → 2019-20 Q1 – 2020-21 Q3 | 0.6 → 0.0 | ",
                "3 | 6.1 | 2018-19 Q1 – 2019-20 Q3 | 0.5 → 0.0 | excluded",
                "1 | 6.6 → 6.64 | 2018-19 Q1 – 2019-20 Q1 | 0.8 | ",
            ],
        );
        let fixture = Fixture::new(scenario);
        let zh = changed_projects(fixture.input(Lang::Zh));
        assert_eq!(
            zh.rows.first().map(|r| r.timing.as_str()),
            Some("2018-19 年度第一季 – 2019-20 年度第三季 → 2019-20 年度第一季 – 2020-21 年度第三季")
        );
        assert_eq!(zh.heads.get(4).map(String::as_str), Some("2018-19 現金（模型基線 → 情景）"));
    }

    #[test]
    fn a_long_list_is_cut_and_counted() {
        let fixture = Fixture::new(Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() });
        let changed = changed_projects(fixture.input(Lang::En));
        assert_eq!(changed.rows.len(), MAX_LISTED);
        assert_eq!(
            changed.levers,
            vec!["Cost change +10.0% applied to all 254 projects (except budgets set one by one)."]
        );
        assert!(changed.more.as_deref().is_some_and(|m| m.starts_with("229 more not listed")), "{:?}", changed.more);
        assert!(changed.rows.iter().all(|r| r.budget.contains('→')));
        // A lever applies to the projects included: 253 once one is left out.
        let excluded = ProjectEdit { id: 17, edit: Edit { exclude: Some(true), ..Edit::default() } };
        let fixture =
            Fixture::new(Scenario { cost_change_pct: Decimal::TEN, projects: vec![excluded], ..Scenario::default() });
        assert_eq!(
            changed_projects(fixture.input(Lang::En)).levers,
            vec!["Cost change +10.0% applied to all 253 projects (except budgets set one by one)."]
        );
    }
}
