//! What leaves the app as a spreadsheet, and the comparison of scenarios: the CSV
//! exports of a projection (projects, cash flow, allocation; RFC 4180, with a guard
//! against formula injection) and the per-scenario summary the comparison reads.

use crate::dataset::Dataset;
use crate::engine::{CapOutcome, ProjectOutcome, Projection, Route, YearTotals};
use crate::money::Money;

/// One CSV field, quoted by RFC 4180 when it holds a comma, quote, CR or LF (quotes
/// doubled). A field starting with `=`, `+`, `-` or `@` that is not a plain decimal
/// number gets a leading `'` so spreadsheet programs do not run it as a formula.
pub fn csv_field(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@']) && !is_plain_decimal(text);
    let text = if risky { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A sign, digits and at most one decimal point, with a digit somewhere, and perhaps a
/// percent sign after them: the numbers the exports write (`-1.5`, `+24.300000`,
/// `-10.0%`), which a spreadsheet reads as numbers, never as formulas, so every export
/// writes them alike, unguarded. Checked by hand rather than by parsing a float, so
/// the wasm carries no float parser for it; `-inf` or `+1e5` count as text.
fn is_plain_decimal(text: &str) -> bool {
    let number = text.strip_suffix('%').unwrap_or(text);
    let digits = number.strip_prefix(['+', '-']).unwrap_or(number);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    !(whole.is_empty() && fraction.is_empty()) && all_digits(whole) && all_digits(fraction)
}

/// One CSV record (RFC 4180, CRLF-terminated), each field through [`csv_field`].
pub fn csv_line(fields: &[String]) -> String {
    let mut line = fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// An amount of the data as given, to its own decimals only (`238` for Annex A's
/// HK$238M, which it prints whole): a paper's figure is written as printed, never with
/// a decimal it does not have.
pub fn csv_as_given(amount: Money) -> String {
    amount.millions().normalize().to_string()
}

/// An amount for a CSV cell as the screens write it in a field or the projects table:
/// HK$ millions with every decimal it has and one at least (`6.6`, `0.22`, `1060.0`),
/// exact to the dollar, without separators so a spreadsheet reads a number.
pub fn csv_money(amount: Money) -> String {
    let places = amount.millions().normalize().scale().clamp(1, 6);
    amount.format(places).replace(',', "")
}

/// The places of a million to which a project's 2018-19 cash is written: blockvote's
/// spread of a budget over quarters is exact to the dollar, but a figure finer than the
/// screen's would read as more precise than the model behind it.
const CASH_PLACES: u32 = 1;

fn route_key(route: Route) -> &'static str {
    match route {
        Route::FinanceCommittee => "finance_committee",
        Route::BlockAllocation => "block_allocation",
        Route::Department => "department",
    }
}

/// The projects under the scenario: id, department, names, paper and scenario budget,
/// start, completion, 2018-19 cash and approval route (none for a project the scenario
/// leaves out), then the paper's start and completion, so that a date the scenario
/// moved is never the only date given. `cash` holds each project's 2018-19 cash as it
/// is shown, row by row (the screens round the column to add up to the year table's
/// figure); a project without one has its own written, to a tenth.
pub fn projects_csv(dataset: &Dataset, projection: &Projection, cash: &[(u16, Money)]) -> String {
    let mut out = csv_line(
        &[
            "id",
            "department_zh",
            "department_en",
            "name_zh",
            "name_en",
            "paper_budget_m",
            "scenario_budget_m",
            "included",
            "start",
            "completion",
            "cash_budget_year_m",
            "route",
            "paper_start",
            "paper_completion",
        ]
        .map(String::from),
    );
    for (index, outcome) in projection.projects.iter().enumerate() {
        let project = dataset.projects.iter().find(|p| p.id == outcome.id);
        let shown_cash = match cash.get(index) {
            Some((id, shown)) if *id == outcome.id => *shown,
            _ => outcome.budget_year,
        };
        let department = project.and_then(|p| dataset.departments.get(p.department));
        out.push_str(&csv_line(&[
            outcome.id.to_string(),
            department.map(|d| d.name_zh.clone()).unwrap_or_default(),
            department.map(|d| d.name_en.clone()).unwrap_or_default(),
            project.map(|p| p.name_zh.clone()).unwrap_or_default(),
            project.map(|p| p.name_en.clone()).unwrap_or_default(),
            csv_money(outcome.paper_budget),
            csv_money(outcome.budget),
            outcome.included.to_string(),
            outcome.start.label(),
            outcome.completion.label(),
            shown_cash.format(CASH_PLACES),
            if outcome.included { route_key(outcome.route) } else { "" }.to_string(),
            outcome.paper_start.label(),
            outcome.paper_completion.label(),
        ]));
    }
    out
}

/// The quarterly cash flow by cohort.
pub fn cashflow_csv(projection: &Projection) -> String {
    let mut out = csv_line(&["quarter", "ongoing_m", "new_m", "total_m"].map(String::from));
    for q in &projection.quarters {
        out.push_str(&csv_line(&[q.quarter.label(), csv_money(q.ongoing), csv_money(q.new), csv_money(q.total)]));
    }
    out
}

/// The allocation CSV's columns, in the Allocation table's order.
pub const ALLOCATION_COLUMNS: [&str; 10] = [
    "id",
    "name_zh",
    "name_en",
    "paper_m",
    "approved_2017_18_m",
    "scenario_m",
    "locked",
    "change_vs_2017_18_m",
    "change_vs_2017_18_pct",
    "change_vs_paper_m",
];

/// Annex A's categories under the scenario, with every column the Allocation table
/// shows: Annex A's 2018-19 and 2017-18 amounts as printed, the scenario's amount and
/// its differences from 2017-18 (in HK$M and in per cent, to the screen's one decimal)
/// and from the paper.
pub fn allocation_csv(dataset: &Dataset, projection: &Projection) -> String {
    let mut out = csv_line(&ALLOCATION_COLUMNS.map(String::from));
    // No percentage of a 2017-18 amount of zero: the cell is left empty, as the
    // Allocation table leaves it.
    // A change is signed as the screen signs it (`+36`, `-202.0`, `0.0`), as the cash
    // flow's CSV writes its changes (audit 25: this file alone wrote `36`).
    let signed = |text: String| {
        if text.starts_with('-') || text.trim_start_matches(['0', '.']).is_empty() {
            text
        } else {
            format!("+{text}")
        }
    };
    let pct = |pct: Option<rust_decimal::Decimal>| {
        pct.map(|p| signed(crate::money::format_decimal(p, 1).replace(',', ""))).unwrap_or_default()
    };
    // While no category is changed the differences from 2017-18 are those Annex A
    // prints, written as printed (`36`, as `paper_m` is `238`); once one is, the
    // column is the scenario's, every row in its form (`+15.0`), as the Allocation
    // table shows it (audit 35: an unchanged row wrote `+15` under a scenario mark).
    let as_printed = projection.allocation.categories.iter().all(|c| c.amount == c.paper_amount);
    let vs_prior = |change: Money| signed(if as_printed { csv_as_given(change) } else { csv_money(change) });
    for c in &projection.allocation.categories {
        let category = dataset.categories.iter().find(|k| k.id == c.id);
        out.push_str(&csv_line(&[
            c.id.to_string(),
            category.map(|k| k.name_zh.clone()).unwrap_or_default(),
            category.map(|k| k.name_en.clone()).unwrap_or_default(),
            csv_as_given(c.paper_amount),
            csv_as_given(c.prior_amount),
            csv_money(c.amount),
            c.locked.to_string(),
            vs_prior(c.change_vs_prior),
            pct(c.change_vs_prior_pct),
            signed(csv_money(c.change_vs_paper)),
        ]));
    }
    let total = &projection.allocation.total;
    out.push_str(&csv_line(&[
        "total".to_string(),
        "總計".to_string(),
        "Total".to_string(),
        csv_as_given(total.paper_amount),
        csv_as_given(total.prior_amount),
        csv_money(total.amount),
        String::new(),
        vs_prior(total.change_vs_prior),
        pct(total.change_vs_prior_pct),
        signed(csv_money(total.change_vs_paper)),
    ]));
    out
}

// ---- Comparison ---------------------------------------------------------------------

/// The places of a million to which Annex C prints budgets (HK$0.1M), and so the
/// precision at which a member reads a project's budget on every screen.
pub const BUDGET_PLACES: u32 = 1;

/// The figures of one scenario that the comparison and the saved-scenario list read:
/// small enough to keep for every saved scenario, unlike a whole [`Projection`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub allocation_total: Money,
    /// Annex A's categories by id, in the dataset's order.
    pub categories: Vec<(u8, Money)>,
    /// Cash per financial year, from the budget year on.
    pub years: Vec<YearTotals>,
    /// The same before the cash cap deferred anything ([`Projection::years_before_cap`]),
    /// so the comparison rounds the years as the year table does.
    pub years_before_cap: Option<Vec<YearTotals>>,
    /// The budget year's row of `years`.
    pub budget_year: YearTotals,
    /// The new projects of the dataset.
    pub projects: usize,
    /// Those of them the scenario includes.
    pub included: usize,
    /// Projects a member sees changed (see [`project_changed`]).
    pub projects_changed: usize,
    /// Projects per approval route, in [`Route::ALL`] order.
    pub routes: Vec<(Route, u32)>,
    /// True when the scenario's 2018-19 cash cap cannot be met, so that it defers
    /// nothing.
    pub cap_unmet: bool,
}

/// Whether a project is changed from the paper: left out, its budget, start or
/// completion different, exactly, or a spend profile of its own (an edit of it or of
/// its group, other than the scenario's default). A budget is compared exactly, not at
/// Annex C's precision: a 10% cost change makes a HK$0.2M project HK$0.22M, a change
/// the member made, and the projects table writes such a budget with the decimals that
/// show it (`0.22 (paper: 0.2)`). Cash moved by a lever applied to every project alike
/// (slippage, the default spend profile) is not a change of the project: it shows in
/// the cash figures and is reported as that lever, not as hundreds of projects whose
/// rows read the same as the paper's.
pub fn project_changed(outcome: &ProjectOutcome) -> bool {
    !outcome.included
        || outcome.budget != outcome.paper_budget
        || outcome.start != outcome.paper_start
        || outcome.completion != outcome.paper_completion
        || outcome.own_profile
}

/// Summarises `projection` for the comparison and the saved-scenario list.
pub fn summarize(projection: &Projection) -> Summary {
    Summary {
        allocation_total: projection.allocation.total.amount,
        categories: projection.allocation.categories.iter().map(|c| (c.id, c.amount)).collect(),
        years: projection.years.clone(),
        years_before_cap: projection.years_before_cap(),
        budget_year: projection.budget_year_totals,
        projects: projection.projects.len(),
        included: projection.projects.iter().filter(|p| p.included).count(),
        projects_changed: projection.projects.iter().filter(|p| project_changed(p)).count(),
        routes: Route::ALL
            .iter()
            .map(|route| {
                let count = projection.delegation.routes.iter().find(|r| r.route == *route).map_or(0, |r| r.count);
                (*route, count)
            })
            .collect(),
        cap_unmet: matches!(projection.cap, Some(CapOutcome::Infeasible { .. })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Engine, Profile, Scenario};

    #[test]
    fn csv_quoting_follows_rfc_4180() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("-1.5"), "-1.5");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("+24.300000"), "+24.300000");
        assert_eq!(csv_field("-.5"), "-.5");
        assert_eq!(csv_field("-"), "'-");
        assert_eq!(csv_field("-."), "'-.");
        assert_eq!(csv_field("-1.2.3"), "'-1.2.3");
        assert_eq!(csv_field("-inf"), "'-inf");
        assert_eq!(csv_field("+1e5"), "'+1e5");
        assert_eq!(csv_field("-1+2"), "'-1+2");
        assert_eq!(csv_field("-10.0%"), "-10.0%");
        assert_eq!(csv_field("+7.5%"), "+7.5%");
        assert_eq!(csv_field("-%"), "'-%");
        assert_eq!(csv_field("-10%%"), "'-10%%");
        assert_eq!(csv_field("-%5"), "'-%5");
    }

    #[test]
    fn csv_amounts_are_written_as_the_screens_write_them() {
        let m = |text: &str| Money::from_millions(text.parse().unwrap_or_default());
        for (amount, written) in [
            ("1060", "1060.0"),
            ("0.22", "0.22"),
            ("-21.15", "-21.15"),
            ("1234567.654321", "1234567.654321"),
            ("6.600", "6.6"),
            ("0", "0.0"),
        ] {
            assert_eq!(csv_money(m(amount)), written, "{amount}");
        }
    }

    #[test]
    fn exports_and_summary_of_the_paper() {
        let dataset = Dataset::paper().expect("the paper loads");
        let engine = Engine::new(&dataset).expect("engine");
        let paper = engine.project(&Scenario::default()).expect("projects");
        let projects = projects_csv(&dataset, &paper, &[]);
        assert_eq!(projects.lines().count(), dataset.projects.len() + 1);
        assert!(projects.starts_with("id,department_zh,"));
        let cash = cashflow_csv(&paper);
        assert_eq!(cash.lines().count(), paper.quarters.len() + 1);
        let allocation = allocation_csv(&dataset, &paper);
        assert_eq!(allocation.lines().last(), Some("total,總計,Total,1060,990,1060.0,,+70,+7.1,0.0"));
        assert_eq!(
            projects.lines().nth(1).map(|l| l.split(',').skip(5).collect::<Vec<_>>().join(",")).as_deref(),
            Some("6.6,6.6,true,2018-19 Q1,2019-20 Q1,0.8,block_allocation,2018-19 Q1,2019-20 Q1")
        );
        let summary = summarize(&paper);
        assert_eq!(summary.projects_changed, 0);
        assert_eq!(summary.projects, 254);
        assert_eq!(summary.allocation_total, Money::from_whole_millions(1060));
        assert_eq!(summary.budget_year.total.round_to(1), Money::from_whole_millions(1060));
    }

    /// The number of projects a member sees changed under `scenario`.
    #[track_caller]
    fn check_changed(scenario: Scenario, expected: usize) {
        let dataset = Dataset::paper().expect("the paper loads");
        let engine = Engine::new(&dataset).expect("engine");
        let projection = engine.project(&scenario).expect("projects");
        assert_eq!(summarize(&projection).projects_changed, expected);
    }

    #[test]
    fn a_project_changes_when_what_a_member_reads_of_it_changes() {
        use crate::engine::{Edit, ProjectEdit, Slippage};
        // Slippage moves cash, not a project's budget or dates: no project reads differently.
        check_changed(
            Scenario { slippage: Slippage { enabled: true, ..Slippage::default() }, ..Scenario::default() },
            0,
        );
        // A cost change changes every budget, the smallest too (HK$0.2M by 1% is
        // HK$0.202M), though a budget moved by less than HK$0.05M reads the same at
        // Annex C's one decimal.
        check_changed(Scenario { cost_change_pct: 1.into(), ..Scenario::default() }, 254);
        check_changed(Scenario { cost_change_pct: 10.into(), ..Scenario::default() }, 254);
        let defer = |id| ProjectEdit { id, edit: Edit { defer_quarters: Some(1), ..Edit::default() } };
        let exclude = |id| ProjectEdit { id, edit: Edit { exclude: Some(true), ..Edit::default() } };
        check_changed(Scenario { projects: vec![defer(17), exclude(3)], ..Scenario::default() }, 2);
        // A project's own spend profile changes it (audit 9: No. 7 set to an even
        // spread moved its 2018-19 cash from 0.7 to 4.5 and was not counted); the
        // default profile applies to every project alike and changes none, and an own
        // profile equal to the default is no change.
        let profile = |id, profile| ProjectEdit { id, edit: Edit { profile: Some(profile), ..Edit::default() } };
        check_changed(Scenario { projects: vec![profile(7, Profile::Even)], ..Scenario::default() }, 1);
        check_changed(Scenario { default_profile: Profile::Even, ..Scenario::default() }, 0);
        let even = Scenario { default_profile: Profile::Even, ..Scenario::default() };
        check_changed(Scenario { projects: vec![profile(7, Profile::Even)], ..even.clone() }, 0);
        check_changed(Scenario { projects: vec![profile(7, Profile::Calibrated)], ..even }, 1);
    }
}
