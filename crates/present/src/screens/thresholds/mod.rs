//! What the Thresholds screen shows, as plain data: the fields of the two thresholds
//! of para 2 (and the paper's, cited), the projects by approval route, the histogram
//! of budgets with the two lines ([`histogram`]), and the projects that change route
//! with their departments, or, when none does, why not ([`changes`]).

pub mod changes;
pub mod histogram;

use crate::fields::{money_field, FieldError, FieldSpec};
use crate::lang::{l, Label, Lang};
use crate::paper::Printed;
use crate::provenance::{Basis, Figure, MarkedColumn, Provenance, Value};
use crate::words::{route_label, TOTAL};
use blockvote_model::engine::{DelegationOutcome, Route};
use blockvote_model::money::MAX_INPUT_MILLIONS;
use blockvote_model::{Dataset, Money};

pub const TITLE: Label = l("審批門檻", "Approval thresholds");
pub const NOTE: Label = l(
    "第 2 段：每項需費超過 1,000 萬元的計劃須獲財委會批准；20 萬元以上至 1,000 萬元由整體撥款支付；20 萬元或以下由局／部門批准。（以下不是文件的內容。）文件發表後，財委會於 2021 年 1 月把上限提高至 2,000 萬元。blockvote 的處理：附件 C 的預算四捨五入至 0.1 百萬元，而第 2 段把 20 萬元或以下的項目交由局／部門批准，因此列為 0.2 的兩個項目（第 163 及 211 項）既列入整體撥款，實際應略高於 20 萬元，故 blockvote 只把低於下限的預算歸入部門審批。審批途徑只是把門檻套用於各項目的預算：一個在情景下超過上限的項目，實際會由其個別分目支付，但 blockvote 仍把它的現金計入本整體撥款 2018-19 年度的現金需求，所以現金流量、撥款差額及簡報的數字都包括這些項目。",
    "Para 2: projects costing over HK$10M need Finance Committee approval; over HK$0.2M up to HK$10M are paid from the block allocation; HK$0.2M or less are approved by the department. (What follows is not in the paper.) After the paper, the Finance Committee raised the ceiling to HK$20M in January 2021. blockvote's reading: Annex C rounds budgets to HK$0.1M, and para 2 leaves projects of HK$0.2M or less to the department, so the two projects printed at 0.2 (Nos. 163 and 211), being in the block allocation, must cost a little over HK$0.2M; blockvote therefore routes to the department only budgets below the floor. The routes only apply the thresholds to each project's budget: a project a scenario takes over the ceiling would in fact be paid from its own subhead, but blockvote still counts its cash in this block allocation's 2018-19 cash need, so the cash flow, the allocation's gap and the brief include it.",
);
pub const PAPER_CEILING: Label = l("文件的上限：", "The paper's ceiling: ");
pub const PAPER_FLOOR: Label = l("文件的下限：", "The paper's floor: ");
pub const CEILING_2021: Label =
    l("上限 2,000 萬元（2021 年 1 月，文件以後）", "Ceiling HK$20M (January 2021, after the paper)");
pub const RESET: Label = l("還原為文件門檻", "Reset to the paper's thresholds");
/// The heading of the routes table's first column; its figure columns are
/// [`route_columns`], each with its mark.
pub const ROUTE_HEADING: Label = l("審批途徑", "Approval route");
const ROUTE_FIGURE_HEADINGS: [Label; 2] = [l("項目數目", "Projects"), l("預算（百萬元）", "Budget (HK$M)")];

/// Whose the routes table's counts and budgets are. While they are those of the
/// paper's default scenario (`baseline`: Annex C's budgets under para 2's thresholds)
/// they are the model's, each project's route read off para 2's thresholds, and the
/// basis says so (the routes are not in Annex C, only the budgets they are read from);
/// once the member's thresholds or budgets change them they are the scenario's.
/// Without a baseline to compare with, they are said to be the scenario's.
pub fn route_mark(delegation: &DelegationOutcome, baseline: Option<&DelegationOutcome>) -> Provenance {
    let changed = baseline.is_none_or(|b| b.routes != delegation.routes);
    Provenance::worked_out(Basis::Para2Thresholds, changed)
}

/// The routes table's two figure columns, each marked with [`route_mark`], which is
/// also the provenance of their cells.
pub fn route_columns(delegation: &DelegationOutcome, baseline: Option<&DelegationOutcome>) -> [MarkedColumn; 2] {
    ROUTE_FIGURE_HEADINGS.map(|heading| MarkedColumn { heading, mark: route_mark(delegation, baseline) })
}

/// A figure of the routes table, of `mark`'s provenance.
fn route_figure(value: Value, mark: &Provenance) -> Figure {
    match mark {
        Provenance::Model(basis) => Figure::model(value, *basis),
        Provenance::Paper(_) | Provenance::Scenario => Figure::scenario(value),
    }
}

/// The ceiling the Finance Committee set in January 2021: HK$20M.
pub const CEILING_2021_MILLIONS: i64 = 20;

fn max_amount() -> Money {
    Money::from_whole_millions(MAX_INPUT_MILLIONS)
}

/// A threshold as written in a sentence: `HK$10.0M`, or with every decimal it has
/// (`HK$0.15M`), so a threshold typed to the dollar is not shown rounded to another.
pub fn threshold_text(amount: Money, lang: Lang) -> String {
    let places = amount.millions().normalize().scale().clamp(1, 6);
    match lang {
        Lang::Zh => format!("{} 百萬元", amount.format(places)),
        Lang::En => format!("HK${}M", amount.format(places)),
    }
}

/// The ceiling: above it, the Finance Committee approves. `floor` is the floor in
/// effect when the ceiling is typed (the shell passes its signal's value): a ceiling
/// below it is refused at the field ([`ceiling_below_floor`]).
pub fn ceiling_field(floor: impl Fn() -> Money + Send + Sync + 'static) -> FieldSpec<Money> {
    money_field(l("上限（財委會審批以上）", "Ceiling (Finance Committee above)"), Money::ZERO, max_amount())
        .refusing(floor, |ceiling, floor| ceiling_below_floor(*ceiling, floor))
}

/// The floor: below it, the department approves. `ceiling` is the ceiling in effect
/// when the floor is typed: a floor above it is refused at the field
/// ([`floor_above_ceiling`]).
pub fn floor_field(ceiling: impl Fn() -> Money + Send + Sync + 'static) -> FieldSpec<Money> {
    money_field(l("下限（低於此由部門自行審批）", "Floor (department approves below)"), Money::ZERO, max_amount())
        .refusing(ceiling, |floor, ceiling| floor_above_ceiling(*floor, ceiling))
}

/// A ceiling typed below the floor in effect, refused at the ceiling's field. The
/// model refuses a scenario whose floor is above its ceiling as a whole, so the field
/// keeps the last valid ceiling in effect and says why where the member typed, rather
/// than every figure of the screen giving way to one error at its top.
fn ceiling_below_floor(ceiling: Money, floor: Money) -> Option<FieldError> {
    (ceiling < floor).then(|| {
        FieldError::new(
            format!("不可低於下限（{}）", threshold_text(floor, Lang::Zh)),
            format!("Must not be below the floor ({})", threshold_text(floor, Lang::En)),
        )
    })
}

/// A floor typed above the ceiling in effect, refused at the floor's field, for the
/// reason [`ceiling_below_floor`] gives.
fn floor_above_ceiling(floor: Money, ceiling: Money) -> Option<FieldError> {
    (floor > ceiling).then(|| {
        FieldError::new(
            format!("不可高於上限（{}）", threshold_text(ceiling, Lang::Zh)),
            format!("Must not be above the ceiling ({})", threshold_text(ceiling, Lang::En)),
        )
    })
}

/// Para 2's ceiling and floor, cited.
pub fn paper_thresholds(data: &Dataset) -> (Option<Figure>, Option<Figure>) {
    (Printed::Ceiling.figure(data), Printed::Floor.figure(data))
}

/// A row of the routes table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteRow {
    /// The row's test id: `projects-over-ceiling`, `projects-in-block`, `projects-below-floor`.
    pub key: &'static str,
    pub label: String,
    pub count: Figure,
    pub total: Figure,
}

/// The test id of a route's row.
fn route_key(route: Route) -> &'static str {
    match route {
        Route::FinanceCommittee => "projects-over-ceiling",
        Route::BlockAllocation => "projects-in-block",
        Route::Department => "projects-below-floor",
    }
}

/// The routes table: one row per route and the total row. Each route's budgets are
/// summed exactly and written with every decimal the sum has, as the projects table
/// writes budgets, so the rows add up to the total and a budget edited to a hair over
/// the ceiling (10.000001) is not written as the ceiling itself (audit 10: the
/// Finance Committee's one project read "10.0" beside "only budgets over HK$10M").
pub fn route_rows(
    data: &Dataset,
    delegation: &DelegationOutcome,
    baseline: Option<&DelegationOutcome>,
    lang: Lang,
) -> (Vec<RouteRow>, RouteRow) {
    let mark = route_mark(delegation, baseline);
    let totals: Vec<Money> = delegation.routes.iter().map(|r| r.total).collect();
    let rows: Vec<RouteRow> = delegation
        .routes
        .iter()
        .zip(&totals)
        .map(|(summary, total)| RouteRow {
            key: route_key(summary.route),
            label: route_label(summary.route).get(lang).to_string(),
            count: route_figure(Value::Count(u64::from(summary.count)), &mark),
            total: route_figure(Value::MillionsExact(*total), &mark),
        })
        .collect();
    let count: u64 = delegation.routes.iter().map(|r| u64::from(r.count)).sum();
    let total = RouteRow {
        key: "routes-total",
        label: TOTAL.get(lang).to_string(),
        // Every project routed: para 7's 254, cited, while the scenario leaves none out
        // (audit 10). The route sums add up without overflow (each budget is at most
        // the input limit), so the zero a failed sum would give is never shown.
        count: Printed::NewProjectCount.or_worked_out(data, route_figure(Value::Count(count), &mark)),
        total: route_figure(Value::MillionsExact(Money::checked_sum(totals).unwrap_or_default()), &mark),
    };
    (rows, total)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use blockvote_model::engine::{Engine, Projection, Scenario};

    pub(crate) fn paper() -> Dataset {
        Dataset::paper().unwrap_or_else(|_| Dataset::empty())
    }

    /// The paper's projection with the ceiling and floor typed as `ceiling` / `floor`.
    pub(crate) fn project(data: &Dataset, ceiling: &str, floor: &str) -> Projection {
        let mut scenario = Scenario::default();
        scenario.delegation.ceiling = (ceiling_field(|| Money::ZERO).read)(ceiling).ok();
        scenario.delegation.floor = (floor_field(|| Money::from_whole_millions(MAX_INPUT_MILLIONS)).read)(floor).ok();
        let engine = Engine::new(data).unwrap_or_else(|e| panic!("{e}"));
        engine.project(&scenario).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The routes table under the ceiling `ceiling` (typed), in `lang`: its headings
    /// and its rows, each figure with its mark.
    #[track_caller]
    fn check_in(ceiling: &str, lang: Lang, expected: &[&str]) {
        let data = paper();
        let baseline = project(&data, "10", "0.2").delegation;
        let delegation = project(&data, ceiling, "0.2").delegation;
        let (rows, total) = route_rows(&data, &delegation, Some(&baseline), lang);
        let read = |f: &Figure| format!("{} [{}]", f.text(lang), f.provenance().mark(lang));
        let headings = route_columns(&delegation, Some(&baseline))
            .map(|c| format!("{} [{}]", c.heading.get(lang), c.mark.mark(lang)))
            .join(" | ");
        let shown: Vec<String> = std::iter::once(format!("{}: {headings}", ROUTE_HEADING.get(lang)))
            .chain(rows.iter().chain([&total]).map(|r| format!("{}: {} | {}", r.label, read(&r.count), read(&r.total))))
            .collect();
        assert_eq!(shown, expected);
    }

    /// What a threshold's field (`field`, given the other threshold in effect) says of
    /// `typed` beside `other`, in both languages: the value it takes, or why not.
    #[track_caller]
    fn check_pair(field: fn(Money) -> FieldSpec<Money>, typed: &str, other: &str, expected: Result<&str, [&str; 2]>) {
        let other = Money::from_millions(other.parse().unwrap_or_else(|e| panic!("{other}: {e}")));
        let said = (field(other).read)(typed)
            .map(|value| value.format(6))
            .map_err(|e| [e.get(Lang::Zh).to_string(), e.get(Lang::En).to_string()]);
        assert_eq!(said, expected.map(String::from).map_err(|pair| pair.map(String::from)));
    }

    #[test]
    fn a_threshold_that_would_cross_the_other_is_refused_at_its_field() {
        let ceiling = |floor: Money| ceiling_field(move || floor);
        let floor = |ceiling: Money| floor_field(move || ceiling);
        check_pair(
            ceiling,
            "0.15",
            "0.2",
            Err(["不可低於下限（0.2 百萬元）", "Must not be below the floor (HK$0.2M)"]),
        );
        check_pair(ceiling, "0.2", "0.2", Ok("0.200000"));
        check_pair(ceiling, "10", "0.2", Ok("10.000000"));
        check_pair(
            ceiling,
            "0",
            "0.000001",
            Err(["不可低於下限（0.000001 百萬元）", "Must not be below the floor (HK$0.000001M)"]),
        );
        check_pair(ceiling, "x", "0.2", Err(["請輸入數字，例如 12.5", "Enter a number, e.g. 12.5"]));
        check_pair(floor, "12", "10", Err(["不可高於上限（10.0 百萬元）", "Must not be above the ceiling (HK$10.0M)"]));
        check_pair(floor, "10", "10", Ok("10.000000"));
        check_pair(floor, "0.5", "10", Ok("0.500000"));
    }

    #[track_caller]
    fn check(ceiling: &str, expected: &[&str]) {
        check_in(ceiling, Lang::En, expected);
    }

    #[test]
    fn routes_add_up() {
        check(
            "5",
            &[
                "Approval route: Projects [scenario] | Budget (HK$M) [scenario]",
                "Finance Committee (own subhead): 154 [scenario] | 1,287.5 [scenario]",
                "Block allocation (GCIO approves): 100 [scenario] | 240.2 [scenario]",
                "Bureau or department approves: 0 [scenario] | 0.0 [scenario]",
                "Total: 254 [para 7] | 1,527.7 [scenario]",
            ],
        );
        check_in(
            "10",
            Lang::Zh,
            &[
                "審批途徑: 項目數目 [模型] | 預算（百萬元） [模型]",
                "財務委員會審批（個別分目）: 0 [模型] | 0.0 [模型]",
                "整體撥款（政府資訊科技總監審批）: 254 [模型] | 1,527.7 [模型]",
                "局／部門自行審批: 0 [模型] | 0.0 [模型]",
                "總計: 254 [第 7 段] | 1,527.7 [模型]",
            ],
        );
        // Dearer budgets at the paper's thresholds: the budgets are the scenario's.
        let engine = Engine::new(&paper()).unwrap_or_else(|e| panic!("{e}"));
        let at = |scenario: &Scenario| engine.project(scenario).unwrap_or_else(|e| panic!("{e}")).delegation;
        let dearer = Scenario { cost_change_pct: rust_decimal::Decimal::TEN, ..Scenario::default() };
        let baseline = at(&Scenario::default());
        assert_eq!(route_mark(&at(&dearer), Some(&baseline)), Provenance::Scenario);
        assert_eq!(route_mark(&baseline, None), Provenance::Scenario);
        let data = paper();
        let (ceiling, floor) = paper_thresholds(&data);
        assert_eq!(ceiling.map(|f| f.provenance().mark(Lang::En)).as_deref(), Some("para 2"));
        assert_eq!(floor.map(|f| f.text(Lang::En)).as_deref(), Some("0.2"));
    }

    /// A budget a hair over the ceiling or under the floor keeps its decimals in its
    /// route's sum (audit 10: "Finance Committee 1 · 10.0" beside "only budgets over
    /// HK$10M"), and the rows still add up to the total as written.
    #[test]
    fn a_route_s_budget_is_written_with_every_decimal_it_has() {
        let data = paper();
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let scenario = blockvote_model::link::decode_link("p=14:b10;15:b10.000001;13:b0.199999;36:b0.2").0.scenario;
        let delegation = engine.project(&scenario).unwrap_or_else(|e| panic!("{e}")).delegation;
        let (rows, total) = route_rows(&data, &delegation, None, Lang::En);
        let read: Vec<String> = rows
            .iter()
            .chain([&total])
            .map(|r| format!("{} · {}", r.count.text(Lang::En), r.total.text(Lang::En)))
            .collect();
        assert_eq!(read.first().map(String::as_str), Some("1 · 10.000001"));
        assert_eq!(read.get(2).map(String::as_str), Some("1 · 0.199999"));
        let sum = rows.iter().filter_map(|r| r.total.money()).try_fold(Money::ZERO, |sum, m| sum.checked_add(m).ok());
        assert_eq!(sum, total.total.money());
    }
}
