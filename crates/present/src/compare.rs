//! The comparison of scenarios: one model for the Scenarios screen's table, its CSV
//! and the meeting brief's headline figures.
//!
//! Its columns say whose each figure is:
//! - **the paper** — only what the paper prints, cited (Annex A's allocation, Annex B's
//!   2018-19 cash of HK$1,060M = 817 + 243, para 7's 254 new projects); nothing else;
//! - **the model baseline (calibrated to Annex B)** — blockvote's projection of the
//!   paper's own levers: the cash after 2018-19, the approval routes and every other
//!   figure the paper does not print. Where the model takes the paper's figure as
//!   printed (Annex A, Annex B's ongoing projects) it shows the printed figure, cited;
//! - **each scenario** — what follows from its levers, with its change from the model
//!   baseline.
//!
//! Every column is rounded as it is shown (parts adding up to the totals shown), and
//! a change is the difference of the figures as shown, so every row reads
//! `scenario − baseline = change` on the screen, in the CSV and in the brief alike.

use crate::cash::ShownCash;
use crate::format::{exact_money_with_unit, percent_setting, projects_count, quarters_count, share_percent, year_text};
use crate::lang::{l, Label, Lang};
use crate::paper::{AnnexAColumn, AnnexBColumn, Printed};
use crate::provenance::{Basis, Figure, PaperPlace, Value, MODEL_BASELINE};
use crate::refusal::engine_error;
use crate::words::{profile_label, route_label, rule_label, CAP_UNMET};
use blockvote_model::engine::{Engine, EngineError, Profile, Route, Scenario, YearTotals};
use blockvote_model::exports::{csv_line, summarize, Summary};
use blockvote_model::money::{format_decimal, round_parts_to_total};
use blockvote_model::order::SortedSet;
use blockvote_model::saved::Store;
use blockvote_model::{CohortId, Dataset, FiscalYear, Money};
use rust_decimal::Decimal;

/// The most scenarios compared at once (besides the paper and the model baseline).
pub const MAX_COMPARED: usize = 4;

/// One scenario in the comparison: its name, its levers and what the engine made of
/// them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compared {
    pub name: String,
    pub scenario: Scenario,
    /// The scenario's figures, or why the engine refused it.
    pub summary: Result<Summary, EngineError>,
}

impl Compared {
    /// Projects `scenario` with `engine` (or says why the dataset has no engine).
    pub fn project(engine: Result<&Engine, &EngineError>, name: &str, scenario: &Scenario) -> Compared {
        let summary = match engine {
            Ok(engine) => engine.project(scenario).map(|p| summarize(&p)),
            Err(error) => Err(error.clone()),
        };
        Compared { name: name.to_string(), scenario: scenario.clone(), summary }
    }
}

/// The ticked scenarios, by id, in the order they were ticked: each one's name and
/// levers (an id no longer saved is left out).
pub fn ticked(store: &Store, ids: &[String]) -> Vec<(String, Scenario)> {
    ids.iter()
        .filter_map(|id| store.scenarios.iter().find(|saved| &saved.id == id))
        .map(|saved| (saved.name.clone(), saved.scenario.clone()))
        .collect()
}

/// Where a row belongs: the brief shows the headline rows only (it has its own
/// Annex A and year tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKind {
    Headline,
    Category,
    LaterYear,
}

/// Which way a scenario's figure moved from the model baseline, as shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Up,
    Down,
    Same,
}

impl Direction {
    fn of(sign: i8) -> Direction {
        match sign {
            1 => Direction::Up,
            -1 => Direction::Down,
            _ => Direction::Same,
        }
    }

    /// The cell's CSS classes: a change is marked by class and by its sign, never by
    /// colour alone.
    pub fn class(self) -> &'static str {
        match self {
            Direction::Up => "num differs diff-up",
            Direction::Down => "num differs diff-down",
            Direction::Same => "num",
        }
    }
}

/// A scenario's figure in a row, and its change from the model baseline.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ScenarioCell {
    /// `None` when the engine refused the scenario.
    pub figure: Option<Figure>,
    /// The shown figure less the baseline's shown figure; `None` when they are equal.
    pub change: Option<Figure>,
    pub direction: Direction,
}

/// One row of figures. Rows are keyed by their whole content, so a row whose figures
/// did not change is not redrawn.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    /// Stable, for test ids and keyed rows (`budget-year-total`, `category-1` …).
    pub key: String,
    pub kind: RowKind,
    /// The heading of the section this row opens, if it opens one.
    pub section: Option<String>,
    pub label: String,
    /// The figure the paper prints, if it prints one.
    pub paper: Option<Figure>,
    pub baseline: Option<Figure>,
    pub scenarios: Vec<ScenarioCell>,
}

/// A row of levers: those each column applies to every project alike (see
/// [`GlobalLever`]), or its others ([`other_levers`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeverRow {
    /// `levers` or `other-levers`.
    pub key: &'static str,
    pub label: String,
    pub baseline: String,
    pub scenarios: Vec<String>,
}

/// The comparison as a member reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub caption: String,
    pub label_head: String,
    pub paper_head: String,
    pub baseline_head: String,
    /// The compared scenarios' names, in order.
    pub scenario_heads: Vec<String>,
    pub rows: Vec<Row>,
    /// The levers each column applies to every project alike, then its other levers
    /// (the cash cap, the thresholds, Annex A …), each row in a few words a column.
    pub levers: Vec<LeverRow>,
    /// The scenarios the engine refused, each with the reason.
    pub problems: Vec<String>,
}

const PAPER_HEAD: Label = l("文件", "The paper");
const LABEL_HEAD: Label = l("項目", "Figure");
const CAPTION: Label = l(
    "文件欄只列文件印出的數字（附註為段落或附件）；模型基線是 blockvote 在沒有改動任何調節時的推算，並按附件 B 校準；括號內為各情景與模型基線的差額（+ 較多，− 較少），按所示數字計算。",
    "The paper's column holds only figures the paper prints (marked with their paragraph or annex); the model baseline is blockvote's projection with no lever moved, calibrated to Annex B. In brackets, each scenario's change from the model baseline (+ more, − less), from the figures as shown.",
);
const SECTION_ALLOCATION: Label = l("撥款分配（百萬元）", "Allocation (HK$M)");
const SECTION_CASH: Label = l("現金流量（百萬元）", "Cash flow (HK$M)");
const SECTION_PROJECTS: Label = l("項目及審批途徑", "Projects and approval routes");
const ALLOCATION_TOTAL: Label = l("撥款總額（附件 A）", "Allocation total (Annex A)");
const CASH_TOTAL: Label = l("2018-19 年度現金需求總額", "2018-19 total cash need");
const CASH_ONGOING: Label = l("　其中：進行中項目", "of which ongoing projects");
const CASH_NEW: Label = l("　其中：新項目", "of which new projects");
const SURPLUS: Label = l("撥款減 2018-19 年度現金需求", "Allocation less 2018-19 cash need");
const INCLUDED: Label = l("納入的新項目", "New projects included");
const CHANGED: Label = l("與文件不同的項目", "Projects changed from the paper");
const LEVERS: Label = l("套用於所有項目的調節", "Levers applied to every project");
const OTHER_LEVERS: Label = l("其他調節", "Other levers");
const NONE: Label = l("沒有", "none");

/// The comparison of `compared` with the paper and the model `baseline`.
pub fn comparison(data: &Dataset, baseline: &Summary, compared: &[Compared], lang: Lang) -> Comparison {
    let years: SortedSet<FiscalYear> = blockvote_model::order::set_of(
        std::iter::once(baseline)
            .chain(compared.iter().filter_map(|c| c.summary.as_ref().ok()))
            .flat_map(|s| s.years.iter().map(|y| y.year))
            .filter(|year| *year > baseline.budget_year.year),
    );
    let mut rows = Rows {
        base: Shown::of(baseline, &years, None),
        shown: compared
            .iter()
            .map(|c| c.summary.as_ref().ok().map(|s| Shown::of(s, &years, Some(&baseline.years))))
            .collect(),
        rows: Vec::new(),
        lang,
    };
    let calibrated = |amount: Amount| amount.figure(|v| Figure::model(v, Basis::CalibratedProfile));
    let counted = |amount: Amount| amount.figure(|v| Figure::model(v, Basis::Arithmetic(PaperPlace::AnnexC)));
    // A route's count is read off para 2's thresholds, not counted in Annex C.
    let routed = |amount: Amount| amount.figure(|v| Figure::model(v, Basis::Para2Thresholds));
    let annex_a = Basis::Arithmetic(PaperPlace::AnnexA);

    let total = Printed::CategoryTotal(AnnexAColumn::Proposed);
    rows.push(
        RowHead::new("allocation-total", RowKind::Headline, ALLOCATION_TOTAL.get(lang)).opens(SECTION_ALLOCATION),
        total.figure(data),
        &|s| Amount::Money(s.allocation_total),
        &|a| as_printed(data, total, a, annex_a),
    );
    for category in &data.categories {
        let id = category.id;
        let printed = Printed::Category { id, column: AnnexAColumn::Proposed };
        let label = format!("{id}. {}", lang.pick(&category.name_zh, &category.name_en));
        rows.push(
            RowHead::new(&format!("category-{id}"), RowKind::Category, &label),
            printed.figure(data),
            &|s| Amount::Money(s.categories.iter().find(|(c, _)| *c == id).map_or(Money::ZERO, |(_, m)| *m)),
            &|a| as_printed(data, printed, a, annex_a),
        );
    }
    rows.push(
        RowHead::new("budget-year-total", RowKind::Headline, CASH_TOTAL.get(lang)).opens(SECTION_CASH),
        Printed::CohortTotal(AnnexBColumn::Cash).figure(data),
        &|s| Amount::Money(s.budget_year.total),
        &calibrated,
    );
    let budget_year = baseline.budget_year.year.label();
    let ongoing = Printed::Cohort { cohort: CohortId::Ongoing, column: AnnexBColumn::Cash };
    rows.push(
        RowHead::new(&format!("year-{budget_year}-ongoing"), RowKind::Headline, CASH_ONGOING.get(lang)).projected(),
        ongoing.figure(data),
        &|s| Amount::Money(s.budget_year.ongoing),
        &|a| as_printed(data, ongoing, a, Basis::CalibratedProfile),
    );
    rows.push(
        RowHead::new(&format!("year-{budget_year}-new"), RowKind::Headline, CASH_NEW.get(lang)),
        Printed::Cohort { cohort: CohortId::New, column: AnnexBColumn::Cash }.figure(data),
        &|s| Amount::Money(s.budget_year.new),
        &calibrated,
    );
    rows.push(
        RowHead::new("allocation-less-cash", RowKind::Headline, SURPLUS.get(lang)),
        None,
        &|s| Amount::Change(s.surplus),
        &calibrated,
    );
    for (index, year) in years.iter().enumerate() {
        rows.push(
            RowHead::new(&format!("year-{}-total", year.label()), RowKind::LaterYear, &later_year_label(*year, lang)),
            None,
            &|s| Amount::Money(s.later_years.get(index).copied().unwrap_or_default()),
            &calibrated,
        );
    }
    rows.push(
        RowHead::new("new-included", RowKind::Headline, INCLUDED.get(lang)).opens(SECTION_PROJECTS),
        Printed::NewProjectCount.figure(data),
        &|s| Amount::Count(s.included),
        &|a| as_printed(data, Printed::NewProjectCount, a, Basis::Arithmetic(PaperPlace::AnnexC)),
    );
    rows.push(
        RowHead::new("projects-changed", RowKind::Headline, CHANGED.get(lang)),
        None,
        &|s| Amount::Count(s.changed),
        &counted,
    );
    for (index, route) in Route::ALL.iter().enumerate() {
        rows.push(
            RowHead::new(&format!("route-{}", route.key()), RowKind::Headline, route_label(*route).get(lang)),
            None,
            &|s| Amount::Count(s.routes.get(index).copied().unwrap_or_default()),
            &routed,
        );
    }
    let none = NONE.get(lang).to_string();
    let joined = |said: Vec<String>| if said.is_empty() { none.clone() } else { said.join(lang.pick("；", "; ")) };
    let levers = vec![
        LeverRow {
            key: "levers",
            label: LEVERS.get(lang).to_string(),
            baseline: none.clone(),
            scenarios: compared
                .iter()
                .map(|c| joined(global_levers(&c.scenario).iter().map(|g| g.short(lang)).collect()))
                .collect(),
        },
        LeverRow {
            key: "other-levers",
            label: OTHER_LEVERS.get(lang).to_string(),
            baseline: none.clone(),
            scenarios: compared
                .iter()
                .map(|c| {
                    let cap_unmet = c.summary.as_ref().is_ok_and(|summary| summary.cap_unmet);
                    joined(other_levers(&c.scenario, cap_unmet, lang))
                })
                .collect(),
        },
    ];
    let problems = compared
        .iter()
        .filter_map(|c| {
            let reason = c.summary.as_ref().err()?;
            Some(format!("{}{}{}", c.name, lang.pick("：", ": "), engine_error(reason).get(lang)))
        })
        .collect();
    Comparison {
        caption: CAPTION.get(lang).to_string(),
        label_head: LABEL_HEAD.get(lang).to_string(),
        paper_head: PAPER_HEAD.get(lang).to_string(),
        baseline_head: MODEL_BASELINE.get(lang).to_string(),
        scenario_heads: compared.iter().map(|c| c.name.clone()).collect(),
        rows: rows.rows,
        levers,
        problems,
    }
}

/// What a row is, before its figures.
struct RowHead {
    key: String,
    kind: RowKind,
    section: Option<Label>,
    label: String,
    /// A row of cash the model projects under the calibrated profile, whose baseline
    /// may quote the paper (Annex B's 817) but whose scenario cells are the model's
    /// projection even where no lever moved them, as the Cash flow screen's year
    /// table marks them.
    projected: bool,
}

impl RowHead {
    fn new(key: &str, kind: RowKind, label: &str) -> RowHead {
        RowHead { key: key.to_string(), kind, section: None, label: label.to_string(), projected: false }
    }

    fn opens(self, section: Label) -> RowHead {
        RowHead { section: Some(section), ..self }
    }

    fn projected(self) -> RowHead {
        RowHead { projected: true, ..self }
    }
}

/// The rows being built, with every column's figures as shown.
struct Rows {
    base: Shown,
    shown: Vec<Option<Shown>>,
    rows: Vec<Row>,
    lang: Lang,
}

impl Rows {
    /// Adds a row: the paper's figure, the baseline's (`pick`ed and given its
    /// provenance by `baseline`) and each scenario's with its change.
    fn push(
        &mut self,
        head: RowHead,
        paper: Option<Figure>,
        pick: &dyn Fn(&Shown) -> Amount,
        baseline: &dyn Fn(Amount) -> Figure,
    ) {
        let base = pick(&self.base);
        // A figure no lever changed (every figure of a scenario that moves none) is the
        // baseline's own, marked as the baseline column marks it: the paper's where the
        // paper prints it (Annex A's 1,060, para 7's 254), the model's with the row's
        // basis otherwise; a projected row's is the model's projection, as on the Cash
        // flow screen. Annex A's total and para 7's count were "the model's under the
        // calibrated profile" beside the baseline's paper mark (audit 10).
        let projected = |amount: Amount| amount.figure(|v| Figure::model(v, Basis::CalibratedProfile));
        let unchanged: &dyn Fn(Amount) -> Figure = if head.projected { &projected } else { baseline };
        let scenarios = self.shown.iter().map(|shown| {
            shown.as_ref().map_or_else(ScenarioCell::refused, |s| ScenarioCell::new(pick(s), base, unchanged))
        });
        self.rows.push(Row {
            key: head.key,
            kind: head.kind,
            section: head.section.map(|s| s.get(self.lang).to_string()),
            label: head.label,
            paper,
            baseline: Some(baseline(base)),
            scenarios: scenarios.collect(),
        });
    }
}

/// `2019-20 cash need (new projects)`: after the budget year only the new projects
/// need cash (Annex B's ongoing projects are the budget year's).
fn later_year_label(year: FiscalYear, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}現金需求（新項目）", year_text(year, lang)),
        Lang::En => format!("{} cash need (new projects)", year.label()),
    }
}

/// A figure of the model baseline that the model takes as the paper prints it: shown
/// as the paper's, cited and written as the paper prints it, when the printed figure
/// is the same amount; otherwise (an imported dataset, say) as the model's, under
/// `basis`. The amounts are compared, not the texts, because the paper prints some
/// figures with fewer decimals than the model writes (`1,060` against `1,060.0`).
fn as_printed(data: &Dataset, printed: Printed, amount: Amount, basis: Basis) -> Figure {
    printed.or_worked_out(data, amount.figure(|v| Figure::model(v, basis)))
}

/// A figure of a row before its provenance: an amount, a signed amount or a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Amount {
    Money(Money),
    Change(Money),
    Count(u64),
}

impl Amount {
    fn value(self) -> Value {
        match self {
            Amount::Money(m) => Value::Millions(m),
            Amount::Change(m) => Value::MillionsChange(m),
            Amount::Count(n) => Value::Count(n),
        }
    }

    fn figure(self, make: impl Fn(Value) -> Figure) -> Figure {
        make(self.value())
    }

    /// `self − base`, as a change, and its sign.
    fn change_from(self, base: Amount) -> Option<(Value, i8)> {
        match (self, base) {
            (Amount::Money(a) | Amount::Change(a), Amount::Money(b) | Amount::Change(b)) => {
                let change = a.checked_sub(b).ok()?;
                let sign = if change > Money::ZERO {
                    1
                } else if change < Money::ZERO {
                    -1
                } else {
                    0
                };
                Some((Value::MillionsChange(change), sign))
            }
            (Amount::Count(a), Amount::Count(b)) => {
                let change = i64::try_from(a).ok()?.checked_sub(i64::try_from(b).ok()?)?;
                Some((Value::CountChange(change), change.signum() as i8))
            }
            _ => None,
        }
    }
}

impl ScenarioCell {
    /// The cell of `amount` against the baseline's `base`: the scenario's figure and its
    /// change where a lever changed it, else the `unchanged` figure and no change.
    fn new(amount: Amount, base: Amount, unchanged: &dyn Fn(Amount) -> Figure) -> ScenarioCell {
        match amount.change_from(base) {
            Some((value, sign)) if sign != 0 => ScenarioCell {
                figure: Some(amount.figure(Figure::scenario)),
                change: Some(Figure::scenario(value)),
                direction: Direction::of(sign),
            },
            _ => ScenarioCell { figure: Some(unchanged(amount)), change: None, direction: Direction::Same },
        }
    }

    fn refused() -> ScenarioCell {
        ScenarioCell { figure: None, change: None, direction: Direction::Same }
    }
}

/// One column's figures as shown: each group rounded to one decimal as a whole, so
/// the parts shown add up to the totals shown.
struct Shown {
    allocation_total: Money,
    categories: Vec<(u8, Money)>,
    budget_year: BudgetYear,
    surplus: Money,
    /// One per year of the comparison after the budget year (zero where this column
    /// has none).
    later_years: Vec<Money>,
    included: u64,
    changed: u64,
    /// In [`Route::ALL`] order.
    routes: Vec<u64>,
}

struct BudgetYear {
    ongoing: Money,
    new: Money,
    total: Money,
}

impl Shown {
    /// The figures of `summary` as shown, its years set against the model baseline's
    /// (`baseline`; `None` for the baseline itself) as the year table sets them.
    fn of(summary: &Summary, years: &SortedSet<FiscalYear>, baseline: Option<&[YearTotals]>) -> Shown {
        let sum = |parts: &[Money]| Money::checked_sum(parts.iter().copied()).unwrap_or_default();
        let amounts: Vec<Money> = summary.categories.iter().map(|(_, m)| *m).collect();
        let rounded = round_parts_to_total(&amounts, 1);
        let categories: Vec<(u8, Money)> =
            summary.categories.iter().map(|(id, _)| *id).zip(rounded.iter().copied()).collect();
        let allocation_total = if categories.is_empty() { summary.allocation_total.round_to(1) } else { sum(&rounded) };
        // The years' cash as the scenario's year table shows it, so a year reads the
        // same here, on the slides and in the brief as on the Cash flow screen.
        let shown_years = crate::cash::shown_years(
            &summary.years,
            summary.budget_year.year,
            summary.years_before_cap.as_deref(),
            baseline,
        );
        let shown_year = |year: FiscalYear| shown_years.iter().find(|(y, _)| *y == year).map(|(_, c)| *c);
        let ShownCash { ongoing, new, total } = crate::cash::shown_budget_year_in(&summary.years, &summary.budget_year);
        let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
        Shown {
            allocation_total,
            categories,
            budget_year: BudgetYear { ongoing, new, total },
            surplus: allocation_total.checked_sub(total).unwrap_or_default(),
            later_years: years.iter().map(|year| shown_year(*year).map_or(Money::ZERO, |c| c.total)).collect(),
            included: count(summary.included),
            changed: count(summary.projects_changed),
            routes: Route::ALL
                .iter()
                .map(|route| summary.routes.iter().find(|(r, _)| r == route).map_or(0, |(_, n)| u64::from(*n)))
                .collect(),
        }
    }
}

// ---- Levers applied to every project ------------------------------------------------

/// A lever that applies to every project alike. Its effect is on the cash, not on
/// what a member reads of any one project, so it is reported as itself ("slippage
/// applied to all 254 projects"), never as hundreds of changed projects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GlobalLever {
    /// The spend profile of every project without its own.
    Profile(Profile),
    /// The calibrated profile's share paid on completion.
    Retention(Decimal),
    /// A uniform cost change, in %.
    CostChange(Decimal),
    /// A share of projects late by some quarters, as an expected value.
    Slippage { share: Decimal, quarters: u32 },
}

/// The levers `scenario` applies to every project alike, in a fixed order.
pub fn global_levers(scenario: &Scenario) -> Vec<GlobalLever> {
    let mut levers = Vec::new();
    if scenario.slippage.enabled {
        levers.push(GlobalLever::Slippage { share: scenario.slippage.share, quarters: scenario.slippage.quarters });
    }
    if !scenario.cost_change_pct.is_zero() {
        levers.push(GlobalLever::CostChange(scenario.cost_change_pct));
    }
    if scenario.default_profile != Profile::default() {
        levers.push(GlobalLever::Profile(scenario.default_profile));
    }
    if let Some(r) = scenario.retention {
        levers.push(GlobalLever::Retention(r));
    }
    levers
}

/// The levers `scenario` sets that are not applied to every project alike, in a few
/// words each and a fixed order: the 2018-19 cash cap, the approval thresholds, the
/// ongoing projects' 2018-19 cash, Annex A's edits and scaling, and how many groups
/// and single projects it edits. A comparison once read "none" for a scenario with a
/// HK$900M cap, as if it changed nothing. A cap that cannot be met (`cap_unmet`) is
/// said to defer nothing.
pub fn other_levers(scenario: &Scenario, cap_unmet: bool, lang: Lang) -> Vec<String> {
    // Each lever as the member typed it, every decimal kept, as the brief and the
    // Cash flow screen write it: a cap of HK$1,059.99M read "HK$1,060.0M" beside a
    // baseline of 1,060.0 that it had made defer a project (audit 13).
    let money = |amount: Money| exact_money_with_unit(amount, lang);
    let mut said = Vec::new();
    if let Some(cap) = &scenario.cap {
        let unmet = if cap_unmet { CAP_UNMET.get(lang) } else { "" };
        said.push(match lang {
            Lang::Zh => {
                format!("2018-19 年度現金上限 {}（{}）{unmet}", money(cap.amount), rule_label(cap.rule).get(lang))
            }
            Lang::En => format!("2018-19 cash cap {} ({}){unmet}", money(cap.amount), rule_label(cap.rule).get(lang)),
        });
    }
    if let Some(ceiling) = scenario.delegation.ceiling {
        said.push(lang.pick("財委會審批上限 ", "Finance Committee ceiling ").to_string() + &money(ceiling));
    }
    if let Some(floor) = scenario.delegation.floor {
        said.push(lang.pick("部門自行審批下限 ", "departmental approval floor ").to_string() + &money(floor));
    }
    if let Some(ongoing) = scenario.ongoing_budget_year {
        said.push(
            lang.pick("進行中項目 2018-19 年度現金 ", "ongoing projects' 2018-19 cash ").to_string() + &money(ongoing),
        );
    }
    let edited = scenario.allocation.categories.iter().filter(|c| c.amount.is_some() || c.locked).count();
    if edited > 0 {
        said.push(match lang {
            Lang::Zh => format!("附件 A：修改 {edited} 個類別"),
            Lang::En if edited == 1 => "Annex A: 1 category edited".to_string(),
            Lang::En => format!("Annex A: {edited} categories edited"),
        });
    }
    if let Some(target) = scenario.allocation.scale_to {
        // The target as the member typed it, every decimal kept: HK$1,000.05M was
        // "scaled pro rata to HK$1,000.1M".
        said.push(lang.pick("按比例調整至 ", "scaled pro rata to ").to_string() + &exact_money_with_unit(target, lang));
    }
    if !scenario.groups.is_empty() {
        let groups = scenario.groups.len();
        said.push(match lang {
            Lang::Zh => format!("{groups} 項組別調整"),
            Lang::En if groups == 1 => "1 group edit".to_string(),
            Lang::En => format!("{groups} group edits"),
        });
    }
    if !scenario.projects.is_empty() {
        let projects = projects_count(scenario.projects.len(), lang);
        said.push(match lang {
            Lang::Zh => format!("個別調整 {projects}"),
            Lang::En => format!("{projects} edited one by one"),
        });
    }
    said
}

impl GlobalLever {
    /// The lever in a few words, for a table cell: `Slippage: 32.9% late by 1 quarter`.
    pub fn short(&self, lang: Lang) -> String {
        match (self, lang) {
            (GlobalLever::Slippage { share, quarters }, Lang::Zh) => {
                format!("延誤：{} 的項目遲 {}", share_percent(*share), quarters_count(i64::from(*quarters), lang))
            }
            (GlobalLever::Slippage { share, quarters }, Lang::En) => {
                format!("Slippage: {} late by {}", share_percent(*share), quarters_count(i64::from(*quarters), lang))
            }
            (GlobalLever::CostChange(pct), Lang::Zh) => format!("成本變動 {}", percent_setting(*pct)),
            (GlobalLever::CostChange(pct), Lang::En) => format!("Cost change {}", percent_setting(*pct)),
            (GlobalLever::Profile(profile), Lang::Zh) => format!("開支模式：{}", profile_label(*profile).get(lang)),
            (GlobalLever::Profile(profile), Lang::En) => {
                format!("Spend profile: {}", profile_label(*profile).get(lang))
            }
            (GlobalLever::Retention(r), Lang::Zh) => format!("完成時支付比例 r = {}", format_decimal(*r, 3)),
            (GlobalLever::Retention(r), Lang::En) => format!("Share paid on completion r = {}", format_decimal(*r, 3)),
        }
    }

    /// The lever as a sentence naming how many projects it applies to.
    pub fn sentence(&self, projects: usize, lang: Lang) -> String {
        let all = projects_count(projects, lang);
        match (self, lang) {
            (GlobalLever::Slippage { share, quarters }, Lang::Zh) => format!(
                "延誤套用於全部 {all}：{} 的項目遲 {}，按期望值計算（項目的開展及完成日期維持文件所載，只有現金流量改變）。",
                share_percent(*share),
                quarters_count(i64::from(*quarters), lang)
            ),
            (GlobalLever::Slippage { share, quarters }, Lang::En) => format!(
                "Slippage applied to all {all}: {} late by {}, as an expected value (their start and completion stay as in the paper; only the cash moves).",
                share_percent(*share),
                quarters_count(i64::from(*quarters), lang)
            ),
            (GlobalLever::CostChange(pct), Lang::Zh) => {
                format!("成本變動 {} 套用於全部 {all}（個別設定預算的項目除外）。", percent_setting(*pct))
            }
            (GlobalLever::CostChange(pct), Lang::En) => {
                format!("Cost change {} applied to all {all} (except budgets set one by one).", percent_setting(*pct))
            }
            (GlobalLever::Profile(profile), Lang::Zh) => {
                format!("開支模式「{}」套用於全部 {all}（另有設定的項目除外）。", profile_label(*profile).get(lang))
            }
            (GlobalLever::Profile(profile), Lang::En) => format!(
                "Spend profile “{}” applied to all {all} (except those given their own).",
                profile_label(*profile).get(lang)
            ),
            (GlobalLever::Retention(r), Lang::Zh) => {
                format!("完成時支付比例 r = {} 套用於全部 {all}中使用校準開支模式的項目。", format_decimal(*r, 3))
            }
            (GlobalLever::Retention(r), Lang::En) => format!(
                "Share paid on completion r = {} applied to all {all} on the calibrated profile.",
                format_decimal(*r, 3)
            ),
        }
    }
}

// ---- CSV ----------------------------------------------------------------------------

const CSV_PAPER: Label = l("文件（所印數字）", "The paper (as printed)");
const CSV_PAPER_SOURCE: Label = l("文件出處", "Where the paper prints it");
const CSV_MARK: Label = l("標示", "mark");
const CSV_CHANGE: Label = l("與模型基線的差額", "change from the model baseline");
const CSV_UNIT: Label = l("單位", "Unit");
const UNIT_MILLIONS: Label = l("百萬元", "HK$M");
const UNIT_PROJECTS: Label = l("項目", "projects");

/// The comparison as CSV (RFC 4180): exactly the figures the table shows, rounded as
/// shown, where the paper prints each figure in a column of its own, and beside the
/// baseline's and each scenario's figures a column of the mark each cell has on
/// screen (`Annex A`, `model`, `scenario`): a column mixes them (the baseline's
/// allocation total is Annex A's, its cash the model's; a scenario's untouched cells
/// are the model's), so no header can say it for the whole column.
pub fn csv(comparison: &Comparison, lang: Lang) -> String {
    let of = |name: &str, what: Label| format!("{name}{}{}", lang.pick("：", ": "), what.get(lang));
    let baseline = MODEL_BASELINE.get(lang);
    let mut head = vec![
        comparison.label_head.clone(),
        CSV_UNIT.get(lang).to_string(),
        CSV_PAPER.get(lang).to_string(),
        CSV_PAPER_SOURCE.get(lang).to_string(),
        baseline.to_string(),
        of(baseline, CSV_MARK),
    ];
    for name in &comparison.scenario_heads {
        head.push(name.clone());
        head.push(of(name, CSV_MARK));
        head.push(of(name, CSV_CHANGE));
    }
    let mut out = csv_line(&head);
    // A scenario the engine refused has no figures: its cells and their marks are
    // left empty, as the table leaves them (the refusal is said below it).
    let cell = |figure: Option<&Figure>| figure.map(|f| csv_number(f, lang)).unwrap_or_default();
    let mark = |figure: Option<&Figure>| figure.map(|f| f.provenance().mark(lang)).unwrap_or_default();
    for row in &comparison.rows {
        let unit = match row.baseline.as_ref().map(Figure::value) {
            Some(Value::Count(_) | Value::CountChange(_)) => UNIT_PROJECTS,
            _ => UNIT_MILLIONS,
        };
        let source = row.paper.as_ref().map(|f| f.provenance().mark(lang)).unwrap_or_default();
        let mut fields = vec![
            row.label.trim().to_string(),
            unit.get(lang).to_string(),
            cell(row.paper.as_ref()),
            source,
            cell(row.baseline.as_ref()),
            mark(row.baseline.as_ref()),
        ];
        for scenario in &row.scenarios {
            fields.push(cell(scenario.figure.as_ref()));
            fields.push(mark(scenario.figure.as_ref()));
            let change = match (&scenario.figure, &scenario.change) {
                (Some(_), Some(change)) => csv_number(change, lang),
                (Some(figure), None) => zero_change(figure),
                (None, _) => String::new(),
            };
            fields.push(change);
        }
        out.push_str(&csv_line(&fields));
    }
    for row in &comparison.levers {
        let mut fields =
            vec![row.label.clone(), String::new(), String::new(), String::new(), row.baseline.clone(), String::new()];
        for text in &row.scenarios {
            fields.extend([text.clone(), String::new(), String::new()]);
        }
        out.push_str(&csv_line(&fields));
    }
    out
}

/// A figure as the table writes it, without thousands separators (a spreadsheet reads
/// `1060.0` as a number; `1,060.0` is text).
fn csv_number(figure: &Figure, lang: Lang) -> String {
    figure.text(lang).replace(',', "")
}

/// The change written when the shown figures are equal.
fn zero_change(figure: &Figure) -> String {
    match figure.value() {
        Value::Count(_) | Value::CountChange(_) => "0".to_string(),
        _ => "0.0".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::engine::{Edit, ProjectEdit, Slippage};

    fn paper() -> Dataset {
        Dataset::paper().unwrap_or_else(|_| Dataset::empty())
    }

    fn compare(scenarios: &[(&str, Scenario)], lang: Lang) -> Comparison {
        let data = paper();
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let baseline = summarize(&engine.project(&Scenario::default()).unwrap_or_else(|e| panic!("{e}")));
        let compared: Vec<Compared> =
            scenarios.iter().map(|(name, scenario)| Compared::project(Ok(&engine), name, scenario)).collect();
        comparison(&data, &baseline, &compared, lang)
    }

    fn mark(figure: &Figure, lang: Lang) -> String {
        format!("{} [{}]", figure.text(lang), figure.provenance().mark(lang))
    }

    /// A row as a member reads it: `label | paper [mark] | baseline [mark] | scenario (change) …`.
    fn read(row: &Row, lang: Lang) -> String {
        let mut cells = vec![
            row.label.trim().to_string(),
            row.paper.as_ref().map_or("—".to_string(), |f| mark(f, lang)),
            row.baseline.as_ref().map_or("—".to_string(), |f| mark(f, lang)),
        ];
        for cell in &row.scenarios {
            let figure = cell.figure.as_ref().map_or("—".to_string(), |f| f.text(lang));
            cells.push(match &cell.change {
                Some(change) => format!("{figure} ({})", change.text(lang)),
                None => figure,
            });
        }
        cells.join(" | ")
    }

    #[track_caller]
    fn check(scenarios: &[(&str, Scenario)], lang: Lang, key: &str, expected: &str) {
        let comparison = compare(scenarios, lang);
        let row = comparison.rows.iter().find(|r| r.key == key);
        assert_eq!(row.map(|r| read(r, lang)).as_deref(), Some(expected), "row {key}");
    }

    fn dearer() -> Scenario {
        Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() }
    }

    #[test]
    fn every_year_reads_as_the_scenario_s_year_table_shows_it() {
        let data = paper();
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let project = |scenario: &Scenario| engine.project(scenario).unwrap_or_else(|e| panic!("{e}"));
        let baseline = project(&Scenario::default());
        for (name, scenario) in crate::cash::tests::scenarios() {
            let comparison = compare(&[(name, scenario.clone())], Lang::En);
            let table = crate::cash::year_table(&project(&scenario), &baseline, Lang::En);
            for row in &table.rows {
                let [_, ongoing, new, total, base, _] = row.cells(Lang::En);
                let mut expected = vec![(format!("year-{}-total", row.key), total.clone(), base.clone())];
                if row.key == "2018-19" {
                    expected = vec![
                        ("budget-year-total".to_string(), total, base),
                        (format!("year-{}-ongoing", row.key), ongoing, String::new()),
                        (format!("year-{}-new", row.key), new, String::new()),
                    ];
                }
                for (key, shown, base) in expected {
                    let compared = comparison.rows.iter().find(|r| r.key == key);
                    let cell = compared.and_then(|r| r.scenarios.first()?.figure.as_ref()).map(|f| f.text(Lang::En));
                    assert_eq!(cell.as_deref(), Some(shown.as_str()), "{name}: {key}");
                    if !base.is_empty() {
                        let baseline = compared.and_then(|r| r.baseline.as_ref()).map(|f| f.text(Lang::En));
                        assert_eq!(baseline.as_deref(), Some(base.as_str()), "{name}: {key}, the baseline");
                    }
                }
            }
        }
    }

    fn slipping() -> Scenario {
        Scenario { slippage: Slippage { enabled: true, ..Slippage::default() }, ..Scenario::default() }
    }

    #[test]
    fn the_paper_column_holds_only_what_the_paper_prints() {
        let d = [("Dearer", dearer())];
        check(
            &d,
            Lang::En,
            "allocation-total",
            "Allocation total (Annex A) | 1,060 [Annex A] | 1,060 [Annex A] | 1,060",
        );
        check(&d, Lang::En, "category-1", "1. Hardware | 238 [Annex A] | 238 [Annex A] | 238");
        check(
            &d,
            Lang::En,
            "budget-year-total",
            "2018-19 total cash need | 1,060 [Annex B] | 1,060.0 [model] | 1,084.3 (+24.3)",
        );
        check(
            &d,
            Lang::En,
            "year-2018-19-ongoing",
            "of which ongoing projects | 817 [Annex B] | 817 [Annex B] | 817.0",
        );
        check(
            &d,
            Lang::En,
            "year-2018-19-new",
            "of which new projects | 243 [Annex B] | 243.0 [model] | 267.3 (+24.3)",
        );
        check(
            &d,
            Lang::En,
            "year-2019-20-total",
            "2019-20 cash need (new projects) | — | 923.4 [model] | 1,015.8 (+92.4)",
        );
        check(&d, Lang::En, "new-included", "New projects included | 254 [para 7] | 254 [para 7] | 254");
        check(&d, Lang::En, "route-fc", "Finance Committee (own subhead) | — | 0 [model] | 72 (+72)");
        check(
            &d,
            Lang::Zh,
            "budget-year-total",
            "2018-19 年度現金需求總額 | 1,060 [附件 B] | 1,060.0 [模型] | 1,084.3 (+24.3)",
        );
        check(
            &d,
            Lang::Zh,
            "year-2019-20-total",
            "2019-20 年度現金需求（新項目） | — | 923.4 [模型] | 1,015.8 (+92.4)",
        );
        let heads = compare(&d, Lang::En);
        assert_eq!(
            (heads.paper_head.as_str(), heads.baseline_head.as_str(), heads.scenario_heads.clone()),
            ("The paper", "Model baseline (calibrated to Annex B)", vec!["Dearer".to_string()])
        );
    }

    /// The levers not applied to every project are named too: an audit compared a
    /// HK$900M cap with a HK$20M ceiling and read "none" for both.
    #[test]
    fn the_other_levers_are_named_in_a_few_words() {
        let scenario = |link: &str| blockvote_model::link::decode_link(link).0.scenario;
        let s = [
            ("Capped", scenario("cap=900&rule=smallest")),
            ("Thresholds", scenario("ongoing=700&ceiling=20&floor=1")),
            ("Edits", scenario("cat=1:300,L&target=1000&p=17:b9.5;18:d2&g=theme.it_security:d1")),
        ];
        let other = |lang| compare(&s, lang).levers.get(1).map(|row| (row.label.clone(), row.scenarios.clone()));
        assert_eq!(
            other(Lang::En),
            Some((
                "Other levers".to_string(),
                vec![
                    "2018-19 cash cap HK$900.0M (Smallest budget first)".to_string(),
                    "Finance Committee ceiling HK$20.0M; departmental approval floor HK$1.0M; ongoing projects' 2018-19 cash HK$700.0M".to_string(),
                    "Annex A: 1 category edited; scaled pro rata to HK$1,000.0M; 1 group edit; 2 projects edited one by one".to_string(),
                ]
            ))
        );
        assert_eq!(
            other(Lang::Zh).map(|(_, said)| said),
            Some(vec![
                "2018-19 年度現金上限 900.0 百萬元（預算最小的先延後）".to_string(),
                "財委會審批上限 20.0 百萬元；部門自行審批下限 1.0 百萬元；進行中項目 2018-19 年度現金 700.0 百萬元"
                    .to_string(),
                "附件 A：修改 1 個類別；按比例調整至 1,000.0 百萬元；1 項組別調整；個別調整 2 個項目".to_string(),
            ])
        );
        // Each lever as typed, every decimal kept (audit 13: "HK$1,060.0M" for 1,059.99).
        let typed = [("Typed", scenario("cap=1059.99&rule=highest_id&ongoing=811.13&ceiling=10.000001"))];
        assert_eq!(
            compare(&typed, Lang::En).levers.get(1).map(|row| row.scenarios.clone()),
            Some(vec![
                "2018-19 cash cap HK$1,059.99M (Highest number first); Finance Committee ceiling HK$10.000001M; ongoing projects' 2018-19 cash HK$811.13M".to_string()
            ])
        );
        // A cap that cannot be met says that it defers nothing (audit 9).
        let unmet = [("Unmet", scenario("cost=1000&cap=0&rule=largest"))];
        let other = |lang| compare(&unmet, lang).levers.get(1).map(|row| row.scenarios.clone());
        assert_eq!(
            other(Lang::En),
            Some(vec![
                "2018-19 cash cap HK$0.0M (Largest budget first), which cannot be met: nothing is deferred".to_string()
            ])
        );
        assert_eq!(
            other(Lang::Zh),
            Some(vec!["2018-19 年度現金上限 0.0 百萬元（預算最大的先延後），無法達到，沒有項目延後".to_string()])
        );
    }

    #[test]
    fn slippage_changes_the_cash_not_the_projects_and_is_reported_as_one_lever() {
        let s = [("Late", slipping())];
        check(&s, Lang::En, "projects-changed", "Projects changed from the paper | — | 0 [model] | 0");
        let comparison = compare(&s, Lang::En);
        let every_project = comparison.levers.first().map(|row| (row.baseline.as_str(), row.scenarios.clone()));
        assert_eq!(every_project, Some(("none", vec!["Slippage: 32.9% late by 1 quarter".to_string()])));
        assert_eq!(
            GlobalLever::Slippage { share: Decimal::new(5, 1), quarters: 2 }.sentence(254, Lang::En),
            "Slippage applied to all 254 projects: 50.0% late by 2 quarters, as an expected value (their start and completion stay as in the paper; only the cash moves)."
        );
        let defer = Scenario {
            projects: vec![ProjectEdit { id: 17, edit: Edit { defer_quarters: Some(4), ..Edit::default() } }],
            ..Scenario::default()
        };
        check(
            &[("Defer", defer)],
            Lang::En,
            "projects-changed",
            "Projects changed from the paper | — | 0 [model] | 1 (+1)",
        );
    }

    #[test]
    fn parts_shown_add_up_to_the_totals_shown_and_changes_read_exactly() {
        let scaled = Scenario {
            allocation: blockvote_model::engine::AllocationLevers {
                scale_to: Some(Money::from_millions(Decimal::new(10001, 1))),
                ..Default::default()
            },
            ..dearer()
        };
        let comparison = compare(&[("Scaled", scaled), ("Late", slipping())], Lang::En);
        for column in 0..2 {
            let money = |key: &str| {
                comparison
                    .rows
                    .iter()
                    .find(|r| r.key == key)
                    .and_then(|r| r.scenarios.get(column)?.figure.as_ref()?.money())
            };
            let categories: Vec<Money> = (1..=6).filter_map(|id| money(&format!("category-{id}"))).collect();
            assert_eq!(Money::checked_sum(categories).ok(), money("allocation-total"), "column {column}");
            let parts = [money("year-2018-19-ongoing"), money("year-2018-19-new")];
            assert_eq!(Money::checked_sum(parts.into_iter().flatten()).ok(), money("budget-year-total"));
        }
        for row in &comparison.rows {
            let base = row.baseline.as_ref().and_then(Figure::money);
            for cell in &row.scenarios {
                let (Some(shown), Some(base)) = (cell.figure.as_ref().and_then(Figure::money), base) else { continue };
                let change = cell.change.as_ref().and_then(Figure::money).unwrap_or(Money::ZERO);
                assert_eq!(shown.checked_sub(base).ok(), Some(change), "{}", row.key);
            }
        }
    }

    #[test]
    fn the_ticked_scenarios_come_in_the_order_ticked() {
        use blockvote_model::saved::SavedScenario;
        let saved = |id: &str, pct: i64| {
            let scenario = Scenario { cost_change_pct: Decimal::from(pct), ..Scenario::default() };
            SavedScenario::new(id, &id.to_uppercase(), scenario, None)
        };
        let store = Store::of(vec![saved("a", 1), saved("b", 2)]);
        let names: Vec<String> =
            ticked(&store, &["b".into(), "gone".into(), "a".into()]).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, vec!["B", "A"]);
    }

    #[test]
    fn a_refused_scenario_has_no_figures_and_says_why() {
        let refused = Scenario {
            delegation: blockvote_model::engine::DelegationLevers {
                ceiling: Some(Money::ZERO),
                floor: Some(Money::from_whole_millions(1)),
            },
            ..Scenario::default()
        };
        check(
            &[("Bad", refused.clone())],
            Lang::En,
            "budget-year-total",
            "2018-19 total cash need | 1,060 [Annex B] | 1,060.0 [model] | —",
        );
        let comparison = compare(&[("Bad", refused)], Lang::En);
        assert_eq!(comparison.problems, vec!["Bad: The floor (HK$1.0M) must not be above the ceiling (HK$0.0M)."]);
    }

    /// The CSV lines starting with `prefix`.
    #[track_caller]
    fn check_csv(scenarios: &[(&str, Scenario)], lang: Lang, prefix: &str, expected: &str) {
        let text = csv(&compare(scenarios, lang), lang);
        let line = text.split("\r\n").find(|line| line.starts_with(prefix));
        assert_eq!(line, Some(expected), "{text}");
    }

    #[test]
    fn the_csv_shows_the_figures_as_shown_with_each_cell_s_mark() {
        let s = [("Dearer, \"ten\"", dearer()), ("Late", slipping())];
        check_csv(
            &s,
            Lang::En,
            "Figure,",
            "Figure,Unit,The paper (as printed),Where the paper prints it,Model baseline (calibrated to Annex B),Model baseline (calibrated to Annex B): mark,\"Dearer, \"\"ten\"\"\",\"Dearer, \"\"ten\"\": mark\",\"Dearer, \"\"ten\"\": change from the model baseline\",Late,Late: mark,Late: change from the model baseline",
        );
        check_csv(
            &s,
            Lang::En,
            "2018-19 total",
            "2018-19 total cash need,HK$M,1060,Annex B,1060.0,model,1084.3,scenario,+24.3,1028.0,scenario,-32.0",
        );
        check_csv(
            &s,
            Lang::En,
            "of which new",
            "of which new projects,HK$M,243,Annex B,243.0,model,267.3,scenario,+24.3,211.0,scenario,-32.0",
        );
        // A column mixes marks: the baseline's total is Annex A's, and no scenario
        // changes it, so theirs is the model's, as on screen.
        check_csv(
            &s,
            Lang::En,
            "Allocation total",
            "Allocation total (Annex A),HK$M,1060,Annex A,1060,Annex A,1060,Annex A,0.0,1060,Annex A,0.0",
        );
        check_csv(
            &s,
            Lang::En,
            "Projects changed",
            "Projects changed from the paper,projects,,,0,model,254,scenario,+254,0,model,0",
        );
        check_csv(
            &s,
            Lang::En,
            "Levers",
            "Levers applied to every project,,,,none,,Cost change +10.0%,,,Slippage: 32.9% late by 1 quarter,,",
        );
        check_csv(&s, Lang::En, "Other levers", "Other levers,,,,none,,none,,,none,,");
        check_csv(
            &s,
            Lang::Zh,
            "2018-19 年度現金需求總額",
            "2018-19 年度現金需求總額,百萬元,1060,附件 B,1060.0,模型,1084.3,情景,+24.3,1028.0,情景,-32.0",
        );
        let text = csv(&compare(&s, Lang::En), Lang::En);
        assert!(!text.contains("999999"), "no calibration residue: {text}");
    }
}
