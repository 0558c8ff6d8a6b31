//! What the Allocation screen shows, as plain data: Annex A as an editable table (the
//! paper's columns cited from Annex A, the scenario's worked out from the member's
//! amounts), the scaling to a target total in words, the balance of the allocation
//! against the cash need (drawn to scale, [`balance`]) and the chart of the paper
//! against the scenario.

pub mod balance;

use crate::charts::Series;
use crate::fields::{money_field, money_in, write_money, FieldError, FieldSpec};
use crate::format::{exact_money_with_unit, money_with_unit};
use crate::lang::{l, Label, Lang};
use crate::paper::{AnnexAColumn, Printed};
use crate::provenance::{Basis, Figure, MarkedColumn, PaperPlace, Provenance, Value};
use crate::words::TOTAL;
use blockvote_model::engine::{
    AllocationError, AllocationOutcome, CategoryEdit, ScalingOutcome, Scenario, ALLOCATION_STEP,
};
use blockvote_model::money::{format_decimal, percent_change, round_parts_to_total, MAX_INPUT_MILLIONS};
use blockvote_model::{Dataset, Money};
use rust_decimal::Decimal;

pub const TITLE: Label = l("撥款分配（按開支類別）", "Allocation by expenditure category");
pub const NOTE: Label = l(
    "在「情景金額」輸入新數字即時重新計算；鎖定的類別在按比例調整時保持不變。",
    "Type a new scenario amount and every figure updates; locked categories stay as they are when scaling pro rata.",
);
/// The headings of the table's columns of amounts, in order: the label, the paper's
/// amount, the member's and its lock, then (after the difference from the paper, the
/// first of [`difference_columns`]) 2017-18's amount, and the two differences from it.
/// The amounts a member edits stand next to the label and the paper's, where a phone
/// shows them without a swipe (audit 21 found them off-screen behind 2017-18).
pub const HEADINGS: [Label; 5] = [
    l("開支類別", "Category"),
    l("文件 2018-19（百萬元）", "Paper 2018-19 (HK$M)"),
    l("情景（百萬元）", "Scenario (HK$M)"),
    l("鎖定", "Lock"),
    l("2017-18 核准（百萬元）", "2017-18 approved (HK$M)"),
];
/// The headings of the columns of differences, in the order of [`difference_columns`].
const DIFFERENCE_HEADINGS: [Label; 3] = [
    l("較文件（百萬元）", "vs paper (HK$M)"),
    l("較 2017-18（百萬元）", "vs 2017-18 (HK$M)"),
    l("較 2017-18（%）", "vs 2017-18 (%)"),
];

/// Whose the differences are (against 2017-18 and against the paper, in every row
/// and the total): while every category keeps Annex A's amount they are arithmetic on
/// Annex A's figures, which equal the differences the paper prints, so they are the
/// model's; once the member changes an amount they are the scenario's.
pub fn difference_mark(outcome: &AllocationOutcome) -> Provenance {
    let changed = outcome.categories.iter().any(|c| c.amount != c.paper_amount);
    Provenance::worked_out(Basis::Arithmetic(PaperPlace::AnnexA), changed)
}

/// The three columns of differences (from the paper, then from 2017-18 in HK$M and
/// in %), each with the provenance of its cells: the two
/// against 2017-18 cite Annex A's columns while no category is changed (their cells
/// are the figures Annex A prints, [`as_printed_while_unchanged`]), and otherwise
/// each is marked with [`difference_mark`].
pub fn difference_columns(outcome: &AllocationOutcome, data: &Dataset) -> [MarkedColumn; 3] {
    let mark = difference_mark(outcome);
    let cited = |column: AnnexAColumn| match (&mark, Printed::CategoryTotal(column).figure(data)) {
        (Provenance::Model(_), Some(_)) => column.provenance(),
        _ => mark.clone(),
    };
    let [vs_paper, vs_prior, vs_prior_pct] = DIFFERENCE_HEADINGS;
    [
        MarkedColumn { heading: vs_paper, mark: mark.clone() },
        MarkedColumn { heading: vs_prior, mark: cited(AnnexAColumn::Difference) },
        MarkedColumn { heading: vs_prior_pct, mark: cited(AnnexAColumn::DifferencePct) },
    ]
}

pub const LOCK: Label = l("鎖定", "Lock");
pub const SCALE_HEADING: Label = l("按比例調整至目標總額", "Scale to a target total");
pub const SCALE_BUTTON: Label = l("按比例調整未鎖定類別", "Scale unlocked categories pro rata");
pub const RESET: Label = l("還原為文件數字", "Reset to the paper");
pub const CHART_TITLE: Label = l("開支類別：文件與情景", "Categories: paper against scenario");
pub const CHART_DESCRIPTION: Label = l(
    "每個開支類別在文件（附件 A）中的 2018-19 金額（實心）及情景金額（斜線），單位百萬元；數字見上表。",
    "Each category's 2018-19 amount in the paper (Annex A; solid) and in the scenario (hatched), HK$ million; the table above gives the figures.",
);

/// The largest amount a category or a target may be typed as: far above any real
/// allocation, small enough to keep every sum exact.
fn max_amount() -> Money {
    Money::from_whole_millions(MAX_INPUT_MILLIONS)
}

/// A category's scenario amount (in a table cell under a heading that gives the unit,
/// so the field shows none).
pub fn amount_field() -> FieldSpec<Money> {
    FieldSpec::new(
        l("情景金額", "Scenario amount"),
        |text: &str| money_in(text, Money::ZERO, max_amount()),
        write_money,
    )
}

/// The target total to scale to.
pub fn target_field() -> FieldSpec<Money> {
    money_field(l("目標總額", "Target total"), Money::ZERO, max_amount())
}

/// The target field as the Allocation screen reads it: a target below the locked
/// categories' sum in effect (`locked`) is refused at the field, so it never enters
/// the scenario. It used to be applied, the engine refused the scaling, and the table
/// fell back to the unscaled amounts instead of the last target that worked.
pub fn target_field_above_locked(locked: impl Fn() -> Money + Send + Sync + 'static) -> FieldSpec<Money> {
    target_field().refusing(locked, |target, locked| target_below_locked(*target, locked))
}

/// A target below the locked categories' sum `locked`, refused.
fn target_below_locked(target: Money, locked: Money) -> Option<FieldError> {
    (target < locked).then(|| {
        FieldError::new(
            format!("不可低於已鎖定類別的總和（{}）；請提高目標或解除鎖定", money_with_unit(locked, Lang::Zh)),
            format!(
                "Must not be below the locked categories' {}; raise the target or unlock a category",
                money_with_unit(locked, Lang::En)
            ),
        )
    })
}

/// The locked categories' sum in `outcome`.
pub fn locked_total(outcome: &AllocationOutcome) -> Money {
    Money::checked_sum(outcome.categories.iter().filter(|c| c.locked).map(|c| c.amount)).unwrap_or_default()
}

/// Annex A's 2018-19 total (para 6's HK$1,060M), the target until the member types one.
pub fn paper_total(data: &Dataset) -> Money {
    Printed::CategoryTotal(AnnexAColumn::Proposed).figure(data).and_then(|f| f.money()).unwrap_or_default()
}

/// A category's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryRow {
    pub id: u8,
    pub name: String,
    /// Annex A's 2018-19 and 2017-18 amounts, cited.
    pub paper: Option<Figure>,
    pub prior: Option<Figure>,
    /// The scenario's amount, as its field shows it.
    pub amount: Money,
    pub locked: bool,
    pub vs_prior: Figure,
    pub vs_prior_pct: Option<Figure>,
    pub vs_paper: Figure,
    /// True when the scenario's amount differs from the paper's.
    pub changed: bool,
}

/// The categories' amounts as the brief, the comparison and the differences of the
/// Allocation table count them: each to one decimal, by largest remainder to the
/// total to one decimal, the one rounding rule for parts beside their total. A
/// category's differences are worked out from its amount so rounded, and the total
/// row's from their sum, so the columns add up and read as the brief reads: with a
/// target of 1,000.05 one category's HK$351.95M made its differences -11.1 and -21.1
/// beside the brief's 352.0 (-21.0), and the vs-2017-18 column added to +10.0 under
/// a total of +10.1.
pub(crate) fn shown_amounts(outcome: &AllocationOutcome) -> Vec<(u8, Money)> {
    let amounts: Vec<Money> = outcome.categories.iter().map(|c| c.amount).collect();
    outcome.categories.iter().map(|c| c.id).zip(round_parts_to_total(&amounts, 1)).collect()
}

/// The allocation's total as the table's total row shows it: the sum of the amounts
/// shown.
pub fn shown_total(outcome: &AllocationOutcome) -> Money {
    Money::checked_sum(shown_amounts(outcome).into_iter().map(|(_, m)| m)).unwrap_or(outcome.total.amount)
}

/// An amount's differences from 2017-18 (in HK$M and in %) and from the paper: in
/// HK$M from the amount `shown`, so that the columns add up; in % from the `exact`
/// amount, as a reader works it out from the amount typed (audit 20: HK$250.35M read
/// +24.0 % from the 250.4 shown, where 48.35 / 202 is 23.9 %, as the export said).
fn differences(shown: Money, exact: Money, prior: Money, paper: Money) -> (Money, Option<Decimal>, Money) {
    // Both amounts are bounded by the input limit, so the differences cannot overflow.
    let change = |from: Money| shown.checked_sub(from).unwrap_or_default();
    (change(prior), percent_change(exact, prior), change(paper))
}

/// A difference from 2017-18 as Annex A prints it (`+36 [Annex A]`) while no category
/// is changed, where the arithmetic on Annex A's amounts gives the very figure the
/// paper prints beside them; `worked_out` once the member changes one (audit 10: the
/// column read "+36.0 [model]" beside the paper's own "+36").
fn as_printed_while_unchanged(mark: &Provenance, printed: Option<Figure>, worked_out: Figure) -> Figure {
    match (mark, printed) {
        (Provenance::Model(_), Some(printed)) => printed,
        _ => worked_out,
    }
}

/// A row's two differences from 2017-18 (in HK$M and in %) as figures, each cited
/// from Annex A's column (`printed`) while no category is changed.
fn from_prior(
    mark: &Provenance,
    printed: impl Fn(AnnexAColumn) -> Option<Figure>,
    vs_prior: Money,
    vs_prior_pct: Option<Decimal>,
) -> (Figure, Option<Figure>) {
    let cite = |column, worked_out| as_printed_while_unchanged(mark, printed(column), worked_out);
    (
        cite(AnnexAColumn::Difference, Figure::model_or_scenario(Value::MillionsChange(vs_prior), mark)),
        vs_prior_pct
            .map(|p| cite(AnnexAColumn::DifferencePct, Figure::model_or_scenario(Value::PercentChange(p), mark))),
    )
}

/// The row of category `id`.
pub fn row(outcome: &AllocationOutcome, data: &Dataset, id: u8, lang: Lang) -> Option<CategoryRow> {
    let category = outcome.categories.iter().find(|c| c.id == id)?;
    let shown = shown_amounts(outcome).into_iter().find(|(c, _)| *c == id).map_or(category.amount, |(_, m)| m);
    let (vs_prior, vs_prior_pct, vs_paper) =
        differences(shown, category.amount, category.prior_amount, category.paper_amount);
    let name = data
        .categories
        .iter()
        .find(|c| c.id == id)
        .map(|c| format!("{id}. {}", lang.pick(&c.name_zh, &c.name_en)))
        .unwrap_or_default();
    let mark = difference_mark(outcome);
    let printed = |column| Printed::Category { id, column }.figure(data);
    let (vs_prior, vs_prior_pct) = from_prior(&mark, printed, vs_prior, vs_prior_pct);
    Some(CategoryRow {
        id,
        name,
        paper: printed(AnnexAColumn::Proposed),
        prior: printed(AnnexAColumn::ApprovedPrior),
        amount: category.amount,
        locked: category.locked,
        vs_prior,
        vs_prior_pct,
        vs_paper: Figure::model_or_scenario(Value::MillionsChange(vs_paper), &mark),
        changed: category.change_vs_paper != Money::ZERO,
    })
}

/// The total row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotalRow {
    pub label: String,
    pub paper: Option<Figure>,
    pub prior: Option<Figure>,
    pub amount: Figure,
    pub vs_prior: Figure,
    pub vs_prior_pct: Option<Figure>,
    pub vs_paper: Figure,
}

pub fn total_row(outcome: &AllocationOutcome, data: &Dataset, lang: Lang) -> TotalRow {
    let total = &outcome.total;
    let mark = difference_mark(outcome);
    let shown = shown_total(outcome);
    let (vs_prior, vs_prior_pct, vs_paper) = differences(shown, total.amount, total.prior_amount, total.paper_amount);
    let printed = |column| Printed::CategoryTotal(column).figure(data);
    let (vs_prior, vs_prior_pct) = from_prior(&mark, printed, vs_prior, vs_prior_pct);
    TotalRow {
        label: TOTAL.get(lang).to_string(),
        paper: Printed::CategoryTotal(AnnexAColumn::Proposed).figure(data),
        prior: Printed::CategoryTotal(AnnexAColumn::ApprovedPrior).figure(data),
        // Annex A's total while no category is changed (arithmetic on its rows), the
        // scenario's once one is: whose, as the differences beside it.
        amount: Figure::model_or_scenario(Value::Millions(shown), &mark),
        vs_prior,
        vs_prior_pct,
        vs_paper: Figure::model_or_scenario(Value::MillionsChange(vs_paper), &mark),
    }
}

/// Changes category `id`'s edit on `scenario` (adding the edit if there is none) and
/// drops edits that no longer change anything.
pub fn edit_category(scenario: &mut Scenario, id: u8, change: impl FnOnce(&mut CategoryEdit)) {
    let edits = &mut scenario.allocation.categories;
    if !edits.iter().any(|c| c.id == id) {
        edits.push(CategoryEdit { id, amount: None, locked: false });
    }
    if let Some(edit) = edits.iter_mut().find(|c| c.id == id) {
        change(edit);
    }
    edits.retain(|c| c.amount.is_some() || c.locked);
}

/// A category's amount as the member types it into the table (`shown`: the outcome
/// the table shows). While a target total holds, an unlocked category's amount typed
/// lets the target go, the scaled amounts shown becoming the categories' own, so the
/// amount typed is the amount kept: the target scaled every unlocked category, the one
/// being typed into too, and the field was rewritten under the member's typing (`2`
/// showed `2.7`, then `25` showed `3.7`). Pressing Scale again scales them all, as
/// before any target. A locked category is never scaled: its amount typed keeps the
/// target, and the unlocked ones are scaled around it, which is what the lock is for.
pub fn type_category_amount(scenario: &mut Scenario, shown: Option<&AllocationOutcome>, id: u8, amount: Money) {
    let locked = scenario.allocation.categories.iter().any(|edit| edit.id == id && edit.locked);
    if !locked && scenario.allocation.scale_to.take().is_some() {
        for scaled in shown.iter().flat_map(|o| &o.categories).filter(|c| c.scaled) {
            edit_category(scenario, scaled.id, |edit| edit.amount = Some(scaled.amount));
        }
    }
    edit_category(scenario, id, |edit| edit.amount = Some(amount));
}

/// What the scaling did, or why it could not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScalingText {
    Done(String),
    Refused(String),
}

pub fn scaling_text(scaling: &ScalingOutcome, lang: Lang) -> ScalingText {
    let money = |amount| money_with_unit(amount, lang);
    if let Some(error) = &scaling.error {
        return ScalingText::Refused(allocation_error_text(error, lang));
    }
    let mut said = match lang {
        Lang::Zh => format!(
            "已把未鎖定類別（原合共 {}）按比例調整，使總額正好為 {}；鎖定類別合共 {} 不變。金額以 0.1 百萬元為單位，餘數按最大餘數法分配。",
            money(scaling.unlocked_before),
            exact_money_with_unit(scaling.target, lang),
            money(scaling.locked)
        ),
        Lang::En => format!(
            "The unlocked categories ({} before) are scaled pro rata so the total is exactly {}; the locked {} is untouched. Amounts are in steps of HK$0.1M, remainders by largest remainder.",
            money(scaling.unlocked_before),
            exact_money_with_unit(scaling.target, lang),
            money(scaling.locked)
        ),
    };
    // The engine gives what is finer than a step to the largest unlocked category
    // (`engine::categories`): said, so "in steps of HK$0.1M" is never untrue of it.
    if let Some(leftover) = finer_than_a_step(scaling) {
        said.push_str(&match lang {
            Lang::Zh => format!("不足 0.1 百萬元的 {leftover} 百萬元撥歸最大的未鎖定類別，使總額準確。"),
            Lang::En => {
                format!(" The HK${leftover}M finer than a step goes to the largest unlocked category, so the total is exact.")
            }
        });
    }
    ScalingText::Done(said)
}

/// What of the target less the locked sum is finer than a step of HK$0.1M, written
/// with its own decimals (`0.0333`), or `None` when there is none.
fn finer_than_a_step(scaling: &ScalingOutcome) -> Option<String> {
    let to_share = scaling.target.checked_sub(scaling.locked).ok()?.millions();
    let leftover = to_share.checked_rem(ALLOCATION_STEP.millions())?.normalize();
    (!leftover.is_zero()).then(|| format_decimal(leftover, leftover.scale()))
}

/// Why a scaling target a scenario made elsewhere gives cannot be reached (a link's
/// or an imported file's), in words to follow the target, and what is shown: the
/// categories unscaled, as this screen shows them.
pub fn target_out_of_reach(refusal: &AllocationError) -> (String, String) {
    match refusal {
        AllocationError::TargetBelowLocked { locked, .. } => (
            format!(
                "低於已鎖定類別的總和（{}），無法按比例調整；各類別按未調整的金額顯示",
                money_with_unit(*locked, Lang::Zh)
            ),
            format!(
                "is below the locked categories' {}, so the categories cannot be scaled to it; they are shown unscaled",
                money_with_unit(*locked, Lang::En)
            ),
        ),
        AllocationError::NothingToScale { .. } => (
            "無法達到：沒有未鎖定而金額大於零的類別可按比例調整；各類別按未調整的金額顯示".to_string(),
            "cannot be reached: no unlocked category has an amount to scale, so the categories are shown unscaled"
                .to_string(),
        ),
        other => (
            format!("無法按比例調整（{other}）；各類別按未調整的金額顯示"),
            format!("cannot be reached ({other}); the categories are shown unscaled"),
        ),
    }
}

fn allocation_error_text(error: &AllocationError, lang: Lang) -> String {
    let money = |amount| money_with_unit(amount, lang);
    // The target as the member typed it, every decimal kept: HK$0.000001M read
    // "HK$0.0M" (audit 17).
    let target_text = |amount| exact_money_with_unit(amount, lang);
    match (error, lang) {
        (AllocationError::TargetBelowLocked { target, locked }, Lang::Zh) => {
            format!("目標總額 {} 低於已鎖定類別的總和 {}；請提高目標或解除鎖定。", target_text(*target), money(*locked))
        }
        (AllocationError::TargetBelowLocked { target, locked }, Lang::En) => format!(
            "The target {} is below the locked categories' {}; raise the target or unlock a category.",
            target_text(*target),
            money(*locked)
        ),
        (AllocationError::NothingToScale { .. }, Lang::Zh) => {
            "沒有未鎖定而金額大於零的類別可按比例調整；請解除最少一個類別的鎖定。".to_string()
        }
        (AllocationError::NothingToScale { .. }, Lang::En) => {
            "No unlocked category has an amount to scale; unlock at least one category.".to_string()
        }
        (other, Lang::Zh) => format!("無法按比例調整：{other}"),
        (other, Lang::En) => format!("Cannot scale: {other}"),
    }
}

/// The chart's groups (the categories' names) and its two series: the paper's
/// amounts (named after their citation) and the scenario's.
pub fn chart(outcome: &AllocationOutcome, data: &Dataset, lang: Lang) -> (Vec<String>, Vec<Series>) {
    let groups = data.categories.iter().map(|c| lang.pick(&c.name_zh, &c.name_en).to_string()).collect();
    let paper_name = Printed::CategoryTotal(AnnexAColumn::Proposed)
        .figure(data)
        .map(|f| f.provenance().series_name(lang))
        .unwrap_or_default();
    let scenario_name = crate::provenance::Provenance::Scenario.series_name(lang);
    // The paper's bars carry Annex A's figures, written as Annex A prints them; a
    // category the paper does not print keeps its amount, to one decimal.
    let paper_texts = outcome.categories.iter().map(|c| {
        let printed = Printed::Category { id: c.id, column: AnnexAColumn::Proposed }.figure(data);
        printed.map_or_else(|| crate::format::millions(c.paper_amount), |f| f.text(lang))
    });
    let series = vec![
        Series {
            name: paper_name,
            values: outcome.categories.iter().map(|c| c.paper_amount).collect(),
            texts: paper_texts.collect(),
        },
        Series::amounts(scenario_name, outcome.categories.iter().map(|c| c.amount).collect()),
    ];
    (groups, series)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use blockvote_model::engine::{Engine, Projection};

    pub(crate) fn paper() -> Dataset {
        Dataset::paper().unwrap_or_else(|_| Dataset::empty())
    }

    pub(crate) fn project(data: &Dataset, scenario: &Scenario) -> Projection {
        let engine = Engine::new(data).unwrap_or_else(|e| panic!("{e}"));
        engine.project(scenario).unwrap_or_else(|e| panic!("{e}"))
    }

    fn read(figure: Option<&Figure>, lang: Lang) -> String {
        figure.map(|f| format!("{} [{}]", f.text(lang), f.provenance().mark(lang))).unwrap_or_default()
    }

    /// The categories' amounts and total under the scenario of `link` once `typed` is
    /// typed into category `id`'s amount, and whether a target still holds.
    #[track_caller]
    fn check_typed(link: &str, id: u8, typed: &str, expected: (&str, bool)) {
        let data = paper();
        let mut scenario = blockvote_model::link::decode_link(link).0.scenario;
        let shown = project(&data, &scenario).allocation;
        let amount = (amount_field().read)(typed).unwrap_or_else(|e| panic!("{typed}: {e:?}"));
        type_category_amount(&mut scenario, Some(&shown), id, amount);
        let after = project(&data, &scenario).allocation;
        let amounts: Vec<String> = after.categories.iter().map(|c| c.amount.format(1)).collect();
        let said = format!("{} = {}", amounts.join(" + "), after.total.amount.format(1));
        assert_eq!((said.as_str(), scenario.allocation.scale_to.is_some()), expected, "{link}, {id} = {typed}");
    }

    #[test]
    fn an_amount_typed_under_a_target_is_the_amount_kept() {
        // Scaled to 1,100: 247.0 + 172.3 + 387.1 + 172.2 + 69.5 + 51.9. Typing 2 into
        // Hardware keeps 2 and the others as scaled; the target is let go.
        check_typed("target=1100", 1, "2", ("2.0 + 172.3 + 387.1 + 172.2 + 69.5 + 51.9 = 855.0", false));
        // A locked category is not scaled, and is kept as it was.
        check_typed("target=1100&cat=2:,L", 1, "250", ("250.0 + 166.0 + 389.7 + 173.4 + 70.0 + 52.2 = 1,101.3", false));
        // With no target, an amount typed is the one change.
        check_typed("", 3, "400", ("238.0 + 166.0 + 400.0 + 166.0 + 67.0 + 50.0 = 1,087.0", false));
        // A locked category typed keeps the target: the others are scaled around it.
        check_typed("target=1100&cat=2:,L", 2, "200", ("239.6 + 200.0 + 375.5 + 167.1 + 67.5 + 50.3 = 1,100.0", true));
        // A target the locked categories exceed scales nothing: the paper's amounts stay.
        check_typed("target=100&cat=3:,L", 1, "200", ("200.0 + 166.0 + 373.0 + 166.0 + 67.0 + 50.0 = 1,022.0", false));
    }

    /// The audit's target: a category's HK$351.95M. The differences are worked out
    /// from the amounts as the brief rounds them, so each column adds up to its total
    /// and the total's difference from the paper is its amount less HK$1,060M.
    #[test]
    fn the_differences_add_up_whatever_the_decimals_of_the_amounts() {
        let data = paper();
        let scenario = blockvote_model::link::decode_link("target=1000.05").0.scenario;
        let outcome = project(&data, &scenario).allocation;
        let money = |figure: &Figure| figure.money().unwrap_or_default();
        let rows: Vec<CategoryRow> =
            data.categories.iter().filter_map(|c| row(&outcome, &data, c.id, Lang::En)).collect();
        let total = total_row(&outcome, &data, Lang::En);
        let sum = |pick: fn(&CategoryRow) -> &Figure| Money::checked_sum(rows.iter().map(|r| money(pick(r)))).ok();
        assert_eq!(sum(|r| &r.vs_prior), Some(money(&total.vs_prior)));
        assert_eq!(sum(|r| &r.vs_paper), Some(money(&total.vs_paper)));
        assert_eq!(
            [total.amount.text(Lang::En), total.vs_prior.text(Lang::En), total.vs_paper.text(Lang::En)],
            ["1,000.1", "+10.1", "-59.9"]
        );
        assert!(rows
            .iter()
            .any(|r| r.amount == Money::parse_millions("351.95").unwrap_or_default()
                && r.vs_paper.text(Lang::En) == "-21.0"));
    }

    /// The percentage change from 2017-18 is worked out from the amount typed, as the
    /// export writes it, not from the tenth shown (audit 20: 250.35 read +24.0 % from
    /// 250.4, where 48.35 / 202 is 23.9 %; 50.04 read +6.4 % where 3.04 / 47 is 6.5 %).
    #[test]
    fn the_percentage_change_is_worked_out_from_the_amount_typed() {
        let data = paper();
        let scenario = blockvote_model::link::decode_link("cat=1:250.35;6:50.04").0.scenario;
        let outcome = project(&data, &scenario).allocation;
        let pct = |id| row(&outcome, &data, id, Lang::En).and_then(|r| r.vs_prior_pct.map(|p| p.text(Lang::En)));
        assert_eq!((pct(1), pct(6)), (Some("+23.9%".to_string()), Some("+6.5%".to_string())));
        // The total's: (1,060 + 12.35 + 0.04 - 990) / 990 = 8.32 %.
        let total = total_row(&outcome, &data, Lang::En).vs_prior_pct.map(|p| p.text(Lang::En));
        assert_eq!(total.as_deref(), Some("+8.3%"));
    }

    /// A target below the locked categories is refused at the field, in both
    /// languages, where it used to be applied and the scaling refused by the engine
    /// (`target=100&cat=1:300,L`).
    #[test]
    fn a_target_below_the_locked_categories_is_refused_at_the_field() {
        let data = paper();
        let scenario = blockvote_model::link::decode_link("cat=1:300,L").0.scenario;
        let locked = locked_total(&project(&data, &scenario).allocation);
        assert_eq!(locked, Money::from_whole_millions(300));
        let field = target_field_above_locked(move || locked);
        let read = |text: &str| match (field.read)(text) {
            Ok(value) => value.format(1),
            Err(error) => format!("{} / {}", error.get(Lang::En), error.get(Lang::Zh)),
        };
        assert_eq!(
            read("100"),
            "Must not be below the locked categories' HK$300.0M; raise the target or unlock a category / 不可低於已鎖定類別的總和（300.0 百萬元）；請提高目標或解除鎖定"
        );
        assert_eq!(read("300"), "300.0");
        assert_eq!(read("1000"), "1,000.0");
    }

    /// Category `id` of the paper with its amount set to `amount`: the row as read.
    #[track_caller]
    fn check(id: u8, amount: i64, lang: Lang, expected: &str) {
        let data = paper();
        let mut scenario = Scenario::default();
        edit_category(&mut scenario, id, |edit| edit.amount = Some(Money::from_whole_millions(amount)));
        let outcome = project(&data, &scenario).allocation;
        // A heading as a member reads it: its words and its mark.
        let headings: Vec<String> = difference_columns(&outcome, &data)
            .iter()
            .map(|c| format!("{} [{}]", c.heading.get(lang), c.mark.mark(lang)))
            .collect();
        let shown = row(&outcome, &data, id, lang).map(|r| {
            format!(
                "{} | {} | {} | {} | {} | {} | {} | headings: {}",
                r.name,
                read(r.paper.as_ref(), lang),
                r.amount.format(1),
                read(Some(&r.vs_paper), lang),
                read(r.prior.as_ref(), lang),
                read(Some(&r.vs_prior), lang),
                read(r.vs_prior_pct.as_ref(), lang),
                headings.join(", ")
            )
        });
        assert_eq!(shown.as_deref(), Some(expected));
    }

    #[test]
    fn the_paper_s_columns_cite_annex_a_and_the_scenario_s_are_the_scenario_s() {
        check(
            1,
            300,
            Lang::En,
            "1. Hardware | 238 [Annex A] | 300.0 | +62.0 [scenario] | 202 [Annex A] | +98.0 [scenario] | +48.5% [scenario] \
             | headings: vs paper (HK$M) [scenario], vs 2017-18 (HK$M) [scenario], vs 2017-18 (%) [scenario]",
        );
        check(
            1,
            238,
            Lang::Zh,
            "1. 硬件 | 238 [附件 A] | 238.0 | 0.0 [模型] | 202 [附件 A] | +36 [附件 A] | +17.8% [附件 A] \
             | headings: 較文件（百萬元） [模型], 較 2017-18（百萬元） [附件 A], 較 2017-18（%） [附件 A]",
        );
        check(
            1,
            238,
            Lang::En,
            "1. Hardware | 238 [Annex A] | 238.0 | 0.0 [model] | 202 [Annex A] | +36 [Annex A] | +17.8% [Annex A] \
             | headings: vs paper (HK$M) [model], vs 2017-18 (HK$M) [Annex A], vs 2017-18 (%) [Annex A]",
        );
        check(
            2,
            1,
            Lang::Zh,
            "2. 軟件 | 166 [附件 A] | 1.0 | -165.0 [情景] | 151 [附件 A] | -150.0 [情景] | -99.3% [情景] \
             | headings: 較文件（百萬元） [情景], 較 2017-18（百萬元） [情景], 較 2017-18（%） [情景]",
        );
        let default = project(&paper(), &Scenario::default()).allocation;
        assert_eq!(
            difference_mark(&default).explanation(Lang::En),
            "Worked out by blockvote from the figures printed in Annex A (a sum, difference or count); the paper does not print this figure itself."
        );
        let data = paper();
        let total = total_row(&project(&data, &Scenario::default()).allocation, &data, Lang::En);
        assert_eq!(read(total.paper.as_ref(), Lang::En), "1,060 [Annex A]");
        assert_eq!(read(Some(&total.amount), Lang::En), "1,060.0 [model]");
        // Annex A prints the differences from 2017-18 too, so while no category is
        // changed the column cites them (audit 10).
        assert_eq!(read(Some(&total.vs_prior), Lang::En), "+70 [Annex A]");
        assert_eq!(read(total.vs_prior_pct.as_ref(), Lang::En), "+7.1% [Annex A]");
        assert_eq!(read(Some(&total.vs_paper), Lang::En), "0.0 [model]");
        assert_eq!(paper_total(&data), Money::from_whole_millions(1060));
    }

    #[test]
    fn edits_that_change_nothing_are_dropped() {
        let mut scenario = Scenario::default();
        edit_category(&mut scenario, 2, |edit| edit.locked = true);
        assert_eq!(scenario.allocation.categories.len(), 1);
        edit_category(&mut scenario, 2, |edit| edit.locked = false);
        assert!(scenario.allocation.categories.is_empty());
    }

    #[test]
    fn scaling_says_what_it_did_or_why_not() {
        let data = paper();
        let mut scenario = Scenario::default();
        edit_category(&mut scenario, 1, |edit| edit.locked = true);
        scenario.allocation.scale_to = Some(Money::from_whole_millions(200));
        let refused = project(&data, &scenario).allocation.scaling.map(|s| scaling_text(&s, Lang::En));
        assert_eq!(
            refused,
            Some(ScalingText::Refused(
                "The target HK$200.0M is below the locked categories' HK$238.0M; raise the target or unlock a category."
                    .to_string()
            ))
        );
        // What is finer than a step is said to go to the largest unlocked category: the
        // screen said "in steps of HK$0.1M" beside a category of 317.8333.
        let finer = blockvote_model::link::decode_link("cat=1:300,L&target=1000.3333").0.scenario;
        let outcome = project(&data, &finer).allocation;
        let said = |lang| match outcome.scaling.as_ref().map(|s| scaling_text(s, lang)) {
            Some(ScalingText::Done(text)) => text,
            other => panic!("{other:?}"),
        };
        assert!(said(Lang::En).ends_with(
            "remainders by largest remainder. The HK$0.0333M finer than a step goes to the largest unlocked category, so the total is exact."
        ));
        assert!(said(Lang::Zh).ends_with("不足 0.1 百萬元的 0.0333 百萬元撥歸最大的未鎖定類別，使總額準確。"));
        // The target is said with every decimal it has, as it is met exactly.
        assert!(said(Lang::En).contains("so the total is exactly HK$1,000.3333M;"), "{}", said(Lang::En));
        assert!(said(Lang::Zh).contains("使總額正好為 1,000.3333 百萬元；"), "{}", said(Lang::Zh));
        assert_eq!(outcome.total.amount, Money::parse_millions("1000.3333").unwrap_or_default());
        assert!(
            !said(Lang::En).contains("finer") || outcome.categories.iter().any(|c| c.amount.millions().scale() > 1)
        );
        let whole = blockvote_model::link::decode_link("cat=1:300,L&target=1000").0.scenario;
        let whole_said = project(&data, &whole).allocation.scaling.map(|s| scaling_text(&s, Lang::En));
        assert!(matches!(whole_said, Some(ScalingText::Done(text)) if !text.contains("finer")));
        let (groups, series) = chart(&project(&data, &Scenario::default()).allocation, &data, Lang::En);
        assert_eq!(groups.len(), series.first().map(|s| s.values.len()).unwrap_or_default());
        assert_eq!(series.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), vec!["Paper (Annex A)", "Scenario"]);
    }
}
