//! The 2018-19 cash cap: its field (the model's `Lever::Cap`), the deferral rules by
//! stable key, and what the cap did, in words and tables: the projects deferred (in
//! the order the rule deferred them) and each year's total before and after, or why
//! the cap cannot be met.

use crate::cash::{shown_years, shown_years_keeping, ShownYears};
use crate::fields::{write_decimal, FieldSpec};
use crate::format::{
    count, exact_money_with_unit, money_with_unit, money_with_unit_as_precise_as, quarter_text, year_text,
};
use crate::lang::{l, Label, Lang};
use crate::levers::lever_field;
use crate::provenance::{Basis, Figure, MarkedColumn, Provenance, Value};
use crate::screens::projects::table::ROWS_PER_STEP;
use crate::screens::sentence::Sentence;
use crate::words::{project_name, rule_label};
use blockvote_model::engine::{CapOutcome, DeferralRule, Lever, Projection, Scenario};
use blockvote_model::{Dataset, FiscalYear, Money};
use rust_decimal::Decimal;

pub const HEADING: Label = l("2018-19 年度現金上限", "2018-19 cash cap");
pub const NOTE: Label = l(
    "設定 2018-19 年度現金需求總額（進行中及新項目）的上限，blockvote 按所選規則把新項目延至下一財政年度第一季開展（保持項目長度），直至總額不超過上限。",
    "Set a cap on 2018-19's total cash need (ongoing and new); blockvote moves new projects' start to the first quarter of the next financial year (keeping their length), in the order of the chosen rule, until the total is within the cap.",
);
pub const RULE_LABEL: Label = l("延後次序", "Deferral rule");
pub const CLEAR: Label = l("取消上限", "Remove the cap");
pub const DEFERRED_HEADINGS: [Label; 6] = [
    l("編號", "No."),
    l("項目", "Project"),
    l("開展：由", "Start: from"),
    l("至", "to"),
    l("移出 2018-19（百萬元）", "Out of 2018-19 (HK$M)"),
    l("之後的 2018-19 總額", "2018-19 total after"),
];
pub const YEARS_CAPTION: Label = l("對各年度的影響", "Effect on each year");
/// The heading of the cap's year table's first column; its figure columns are
/// [`CapView::Met`]'s `year_columns`, each with its mark.
pub const YEAR_HEADING: Label = l("財政年度", "Year");
const BEFORE: Label = l("之前", "Before");
const AFTER: Label = l("之後", "After");
const CHANGE: Label = l("變動", "Change");

/// The cap, in HK$M: empty while there is no cap (so no cap never reads as a cap of
/// zero, which would defer every new project), and emptied to remove it; a number
/// is read as `Lever::Cap` reads it.
pub fn cap_field() -> FieldSpec<Option<Decimal>> {
    let FieldSpec { label, unit, read, full_keyboard, .. } = lever_field(Lever::Cap);
    FieldSpec {
        label,
        unit,
        full_keyboard,
        help: Some(NO_CAP_HELP),
        read: Box::new(move |text: &str| if text.trim().is_empty() { Ok(None) } else { read(text).map(Some) }),
        write: |cap: &Option<Decimal>| cap.as_ref().map(write_decimal).unwrap_or_default(),
    }
}

pub const NO_CAP_HELP: Label = l("留空即不設上限。", "Leave empty for no cap.");

/// A choice in the deferral-rule select: its stable key (the form value) and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleOption {
    pub rule: DeferralRule,
    pub key: &'static str,
    pub label: Label,
}

pub fn rule_options() -> Vec<RuleOption> {
    DeferralRule::ALL.into_iter().map(|rule| RuleOption { rule, key: rule.key(), label: rule_label(rule) }).collect()
}

/// A deferred project's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeferredRow {
    pub id: u16,
    pub name: String,
    pub from: String,
    pub to: String,
    pub moved: Figure,
    pub total_after: Figure,
}

/// A year's row: its total before and after the cap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearRow {
    pub key: String,
    pub label: String,
    pub before: Figure,
    pub after: Figure,
    pub change: Figure,
}

/// What the cap did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CapView {
    /// `deferred` holds the first [`ROWS_PER_STEP`] deferred projects; `unlisted` says
    /// how many more the cap defers, when it defers more (a 20,000-project file under
    /// a cap listed 20,000 rows and blocked the page for seconds).
    Met {
        /// What the cap did, each figure marked.
        sentence: Sentence,
        deferred: Vec<DeferredRow>,
        unlisted: Option<String>,
        /// How the list's figures are rounded, said under it (audit 25: two projects
        /// that move the same HK$10.67M read 10.6 and 10.7).
        list_note: String,
        years: Vec<YearRow>,
        /// The year table's figure columns, before, after and change, each marked as
        /// its cells are: before the cap the model's or the member's
        /// ([`uncapped_whose`]), after it and the change the member's (audit 13: the
        /// three columns were unmarked).
        /// (Boxed: the variant without it is a sentence alone.)
        year_columns: Box<[MarkedColumn; 3]>,
    },
    /// Why the cap cannot be met, each figure marked (audit 13: none was).
    Infeasible { sentence: Sentence },
}

/// Under the list of deferred projects: each amount moved is the fall in the running
/// total as shown, so that every line reads as its own subtraction; and, where a total
/// reads as the cap before the last deferral, why another project follows.
fn deferral_list_note(reads_met_early: bool, lang: Lang) -> String {
    let mut note = lang
        .pick(
            "每個移出的金額是累計總額（各以 0.1 百萬元計）的減幅，因此每行的數字可以相加；個別項目本身的 2018-19 年度現金可能與此相差 0.1 百萬元（見其調整面板）。",
            "Each amount moved is the fall in the running total, both rounded to HK$0.1M, so that each line adds up; a project's own 2018-19 cash may differ from it by HK$0.1M (its lever panel shows it).",
        )
        .to_string();
    if reads_met_early {
        note.push_str(lang.pick(
            "累計總額顯示為上限時，實際仍高於上限（少於 0.1 百萬元），因此下一個項目仍須延後。",
            " A running total that reads as the cap is still above it by less than HK$0.1M, so the next project is deferred too.",
        ));
    }
    note
}

/// Whose 2018-19's total before the cap is: the model baseline's while the scenario
/// without its cap is the paper's default, the member's otherwise. Every other figure
/// of the cap follows from the member's cap, so is theirs.
pub fn uncapped_whose(scenario: &Scenario) -> Provenance {
    // The paper's default with this cap, compared whole: no copy of the scenario's
    // edits is made on each lever change.
    let default_but_the_cap = Scenario { cap: scenario.cap.clone(), ..Scenario::default() };
    Provenance::worked_out(Basis::CalibratedProfile, *scenario != default_but_the_cap)
}

/// What the cap of `projection` did, in the reader's language (`None` without a cap);
/// `before_whose` is [`uncapped_whose`] of its scenario, and `baseline` the model
/// baseline the year table sets it against.
///
/// Every figure reads with the figures beside it: a year's total after the cap is its
/// total in the year table ([`shown_years`]); the totals before are rounded together
/// by the same rule; each change is after less before, as shown; and down the list of
/// deferred projects, each "total after" is the one before it less what moved, as
/// shown, ending at the year table's 2018-19. Rounded one by one, 2019-20 read 923.4 →
/// 874.1 with a change of −49.3 beside the table's 874.2 and −49.2, and a deferral
/// list step read 1,058.8 − 0.5 = 1,058.2.
pub fn cap_view(
    projection: &Projection,
    baseline: Option<&Projection>,
    data: &Dataset,
    before_whose: &Provenance,
    lang: Lang,
) -> Option<CapView> {
    let money = |amount| money_with_unit(amount, lang);
    // The cap as the member gave it, every decimal kept: HK$1 (0.000001) was "HK$0.0M".
    let cap_text = |amount| exact_money_with_unit(amount, lang);
    Some(match projection.cap.as_ref()? {
        CapOutcome::Met { cap, rule, before: exact_before, after: _, deferred, years } => {
            let budget_year = projection.budget_year_totals.year;
            // The totals after read as the year table with the cap does, which keeps
            // the cells of the table without it that the cap left as they were; those
            // before as the table without the cap, keeping the cells after it of the
            // years the cap did not touch (the same cells, whenever the year table
            // could keep them), so a year the cap did not touch shows no change.
            let years_before = projection.years_before_cap();
            let shown_after = shown_years(
                &projection.years,
                budget_year,
                years_before.as_deref(),
                baseline.map(|base| base.years.as_slice()),
            );
            let shown_before = match years_before.as_deref() {
                Some(before) => {
                    shown_years_keeping(before, budget_year, Some((&projection.years, shown_after.as_slice())))
                }
                None => shown_after.clone(),
            };
            let shown_total = |shown: &ShownYears, year: FiscalYear| {
                shown.iter().find(|(y, _)| *y == year).map_or(Money::ZERO, |(_, cash)| cash.total)
            };
            let shown_years: Vec<(FiscalYear, Money, Money)> = years
                .iter()
                .map(|y| (y.year, shown_total(&shown_before, y.year), shown_total(&shown_after, y.year)))
                .collect();
            let (before, after) = shown_years
                .iter()
                .find(|(year, ..)| *year == budget_year)
                .map(|(_, before, after)| (*before, *after))
                .unwrap_or_default();
            // The running totals as shown: each rounded, the last the year table's.
            let mut totals: Vec<Money> = deferred.iter().map(|d| d.total_after.round_to(1)).collect();
            if let Some(last) = totals.last_mut() {
                *last = after;
            }
            let moved = std::iter::once(before).chain(totals.iter().copied()).zip(totals.iter().copied());
            let moved: Vec<Money> = moved.map(|(from, to)| from.checked_sub(to).unwrap_or_default()).collect();
            let rule = rule_label(*rule).get(lang);
            let member = || Some(Provenance::Scenario);
            // The totals before the cap are the model's while the scenario without its
            // cap is the paper's default, else the member's (a paper figure is never
            // one of them: `uncapped_whose` is a worked-out provenance).
            let before_mark = match before_whose {
                Provenance::Model(basis) => Provenance::Model(*basis),
                Provenance::Paper(_) | Provenance::Scenario => Provenance::Scenario,
            };
            let before_whose = Some(before_whose.clone());
            let sentence = if deferred.is_empty() {
                // The cap is met before any project moves: nothing "brings" the total
                // anywhere. The need to the cap's own precision, so it reads within it.
                Sentence::new()
                    .text(lang.pick("2018-19 年度需 ", "2018-19 needs "))
                    .text(money_with_unit_as_precise_as(*exact_before, *cap, lang))
                    .mark(before_whose)
                    .text(lang.pick("，未超過上限 ", ", already within the cap of "))
                    .text(cap_text(*cap))
                    .mark(member())
                    .text(lang.pick("：毋須延後任何項目。", ": no project is deferred."))
            } else {
                // The mark follows the count with its measure word: "44 個項目", not
                // "44 [scenario] 個項目" (audit 13).
                let (lead, count) = match lang {
                    Lang::Zh => (format!("按「{rule}」延後 "), format!("{} 個項目", count(deferred.len()))),
                    Lang::En => ("Deferring ".to_string(), crate::format::projects_count(deferred.len(), lang)),
                };
                let sentence = Sentence::new().text(lead).text(count).mark(member());
                match lang {
                    Lang::Zh => sentence.text("後，2018-19 年度總額由 "),
                    Lang::En => sentence.text(format!(" (rule: {}) brings 2018-19 from ", rule.to_ascii_lowercase())),
                }
                .text(money(before))
                .mark(before_whose)
                .text(lang.pick(" 降至 ", " to "))
                .text(money(after))
                .mark(member())
                .text(lang.pick("（上限 ", " (cap "))
                .text(cap_text(*cap))
                .mark(member())
                .text(lang.pick("）。", ")."))
            };
            let unlisted = deferred.len().saturating_sub(ROWS_PER_STEP);
            let unlisted = (unlisted > 0).then(|| match (lang, unlisted) {
                (Lang::Zh, n) => format!("……另有 {} 個延後的項目未有列出；下表的年度總額已計及全部。", count(n)),
                (Lang::En, 1) => "… 1 more deferred project is not listed here; the year table counts it.".to_string(),
                (Lang::En, n) => {
                    format!(
                        "… {} more deferred projects are not listed here; the year table counts them all.",
                        count(n)
                    )
                }
            });
            // A running total that reads as the cap (or under it) while the exact total
            // is still above it, so that another project follows.
            let reads_met_early = deferred
                .iter()
                .zip(&totals)
                .rev()
                .skip(1)
                .any(|(d, shown)| d.total_after > *cap && *shown <= cap.round_to(1));
            let list_note = deferral_list_note(reads_met_early, lang);
            let deferred = deferred
                .iter()
                .take(ROWS_PER_STEP)
                .zip(moved.into_iter().zip(totals))
                .map(|(d, (moved, total_after))| DeferredRow {
                    id: d.id,
                    name: data.project(d.id).map(|p| project_name(p, lang)).unwrap_or_default(),
                    from: quarter_text(d.from_start, lang),
                    to: quarter_text(d.to_start, lang),
                    moved: Figure::scenario(Value::Millions(moved)),
                    total_after: Figure::scenario(Value::Millions(total_after)),
                })
                .collect();
            let years = shown_years
                .into_iter()
                .map(|(year, before, after)| YearRow {
                    key: year.label(),
                    label: year_text(year, lang),
                    before: Figure::model_or_scenario(Value::Millions(before), &before_mark),
                    after: Figure::scenario(Value::Millions(after)),
                    change: Figure::scenario(Value::MillionsChange(after.checked_sub(before).unwrap_or_default())),
                })
                .collect();
            let year_columns = Box::new([
                MarkedColumn { heading: BEFORE, mark: before_mark },
                MarkedColumn { heading: AFTER, mark: Provenance::Scenario },
                MarkedColumn { heading: CHANGE, mark: Provenance::Scenario },
            ]);
            CapView::Met { sentence, deferred, unlisted, list_note, years, year_columns }
        }
        CapOutcome::Infeasible { cap, before, minimum_reachable, .. } => {
            // What 2018-19 needs is worked out from the scenario without its cap, so
            // is the model's or the member's as the total before the cap is; the cap
            // is the member's.
            let uncapped = || Some(before_whose.clone());
            CapView::Infeasible {
                sentence: Sentence::new()
                    .text(lang.pick("無法達到上限 ", "The cap of "))
                    .text(cap_text(*cap))
                    .mark(Some(Provenance::Scenario))
                    .text(lang.pick(
                        "：即使把所有新項目延後，2018-19 年度仍需 ",
                        " cannot be met: even with every new project deferred, 2018-19 still needs ",
                    ))
                    .text(money(*minimum_reachable))
                    .mark(uncapped())
                    .text(lang.pick("（現為 ", " (now "))
                    .text(money(*before))
                    .mark(uncapped())
                    .text(lang.pick("）。沒有項目被延後。", "). Nothing was deferred.")),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provenance::Figure;
    use crate::screens::cashflow::tests::{paper, project};
    use blockvote_model::engine::{CashCap, Scenario};
    use blockvote_model::Money;

    /// The note under the list of deferred projects for the scenario of `link`.
    #[track_caller]
    fn check_list_note(link: &str, lang: Lang, expected: &str) {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let scenario = blockvote_model::link::decode_link(link).0.scenario;
        let Some(CapView::Met { list_note, .. }) =
            cap_view(&project(&data, &scenario), None, &data, &uncapped_whose(&scenario), lang)
        else {
            panic!("{link}: the cap is met")
        };
        assert_eq!(list_note, expected, "{link}");
    }

    #[test]
    fn the_list_says_how_its_amounts_are_rounded_and_why_a_total_at_the_cap_defers_one_more() {
        let rounding = "Each amount moved is the fall in the running total, both rounded to HK$0.1M, so that each line adds up; a project's own 2018-19 cash may differ from it by HK$0.1M (its lever panel shows it).";
        // Audit 25: after project 179 the total read 1,000.0 (exactly 1,000.04) and
        // project 71 followed.
        check_list_note(
            "cost=10&cap=1000&rule=most_cash",
            Lang::En,
            &format!("{rounding} A running total that reads as the cap is still above it by less than HK$0.1M, so the next project is deferred too."),
        );
        check_list_note("cost=10&cap=1050", Lang::En, rounding);
        check_list_note(
            "cost=10&cap=1050",
            Lang::Zh,
            "每個移出的金額是累計總額（各以 0.1 百萬元計）的減幅，因此每行的數字可以相加；個別項目本身的 2018-19 年度現金可能與此相差 0.1 百萬元（見其調整面板）。",
        );
    }

    #[test]
    fn the_cap_field_is_empty_without_a_cap_and_emptied_to_remove_it() {
        let spec = cap_field();
        let read = |text: &str| (spec.read)(text).map_err(|e| e.get(Lang::En).to_string());
        assert_eq!(read(""), Ok(None));
        assert_eq!(read("  "), Ok(None));
        assert_eq!(read("1000"), Ok(Some(Decimal::from(1000))));
        assert_eq!(read("0"), Ok(Some(Decimal::ZERO)));
        assert_eq!(read("-1"), Err("Must be between 0.0 and 1,000,000,000.0 (HK$M)".to_string()));
        assert_eq!((spec.write)(&None), "");
        assert_eq!((spec.write)(&Some(Decimal::new(9805, 1))), "980.5");
    }

    /// The fewest-deferrals panel's answer for a scenario with a cap.
    fn choices_for(data: &Dataset, scenario: &Scenario) -> blockvote_model::engine::DeferralChoices {
        let engine = blockvote_model::engine::Engine::new(data).unwrap_or_else(|e| panic!("{e}"));
        let problem = engine.deferral_problem(scenario).unwrap_or_else(|e| panic!("{e}"));
        problem.map(|p| p.solve().unwrap_or_else(|e| panic!("{e}"))).unwrap_or_else(|| panic!("a cap"))
    }

    /// The fewest-deferrals panel's two answers for a scenario whose cap can be met.
    fn answers_for(
        data: &Dataset,
        scenario: &Scenario,
        lang: Lang,
    ) -> Box<crate::screens::cashflow::deferral_choices::Answers> {
        let choices = choices_for(data, scenario);
        match crate::screens::cashflow::deferral_choices::choices_view(&choices, data, &uncapped_whose(scenario), lang)
        {
            crate::screens::cashflow::deferral_choices::ChoicesView::Found(answers) => answers,
            crate::screens::cashflow::deferral_choices::ChoicesView::Said { .. } => panic!("answers"),
        }
    }

    #[track_caller]
    fn check(cap: Decimal, lang: Lang, expected: &str) {
        let data = paper();
        let scenario = Scenario {
            cap: Some(CashCap { amount: Money::from_millions(cap), rule: DeferralRule::LargestBudgetYearCashFirst }),
            ..Scenario::default()
        };
        let projection = project(&data, &scenario);
        let view = cap_view(&projection, None, &data, &uncapped_whose(&scenario), lang);
        let shown = match view {
            Some(CapView::Met { sentence, deferred, years, .. }) => {
                let first = deferred.first().map(|d| format!("{} {} → {}", d.id, d.from, d.to)).unwrap_or_default();
                let year = years.first().map(|y| format!("{}: {}", y.label, y.change.text(lang))).unwrap_or_default();
                format!("{} | {first} | {year}", sentence.plain())
            }
            Some(CapView::Infeasible { sentence }) => sentence.plain(),
            None => String::new(),
        };
        assert_eq!(shown, expected);
    }

    /// A cap the total already meets, a hundredth above it: the panel and the
    /// fewest-deferrals answer say 2018-19's exact HK$1,040.541M to the cap's own
    /// precision and the cap as given, in both languages. 2018-19 read 1,040.6 (its
    /// tenth left to the year table's columns), "from HK$1,040.6M to HK$1,040.6M" when
    /// nothing moved, and the cap "HK$1,040.6M" beside it. With HK$1,060.054M under a
    /// cap of 1,060.06, the need said to one decimal (1,060.1) read above the cap.
    #[test]
    fn a_cap_already_met_names_the_nearest_total_and_the_cap_as_given() {
        let data = paper();
        let scenario = blockvote_model::link::decode_link("slip=0.2&delay=1&cap=1040.55").0.scenario;
        let projection = project(&data, &scenario);
        assert_eq!(projection.budget_year_totals.total.format(3), "1,040.541");
        let choices = choices_for(&data, &scenario);
        for (lang, panel, answer) in [
            (
                Lang::En,
                "2018-19 needs HK$1,040.54M, already within the cap of HK$1,040.55M: no project is deferred.",
                "2018-19 needs HK$1,040.54M, already within the cap of HK$1,040.55M: nothing to defer.",
            ),
            (
                Lang::Zh,
                "2018-19 年度需 1,040.54 百萬元，未超過上限 1,040.55 百萬元：毋須延後任何項目。",
                "2018-19 年度需 1,040.54 百萬元，未超過上限 1,040.55 百萬元：毋須延後任何項目。",
            ),
        ] {
            let Some(CapView::Met { sentence, deferred, .. }) =
                cap_view(&projection, None, &data, &uncapped_whose(&scenario), lang)
            else {
                panic!("the cap is met")
            };
            assert_eq!((sentence.plain().as_str(), deferred.len()), (panel, 0));
            let said = match crate::screens::cashflow::deferral_choices::choices_view(
                &choices,
                &data,
                &uncapped_whose(&scenario),
                lang,
            ) {
                crate::screens::cashflow::deferral_choices::ChoicesView::Said { sentence } => sentence.plain(),
                crate::screens::cashflow::deferral_choices::ChoicesView::Found(_) => String::new(),
            };
            assert_eq!(said, answer);
        }
        let scenario = blockvote_model::link::decode_link("ongoing=817.054&cap=1060.06").0.scenario;
        let Some(CapView::Met { sentence, .. }) =
            cap_view(&project(&data, &scenario), None, &data, &uncapped_whose(&scenario), Lang::En)
        else {
            panic!("the cap is met")
        };
        let sentence = sentence.plain();
        assert!(
            sentence.starts_with("2018-19 needs HK$1,060.05M, already within the cap of HK$1,060.06M"),
            "{sentence}"
        );
        // A cap that defers: the fewest-deferrals answers give it as typed too, not as
        // "HK$1,040.6M".
        let scenario = blockvote_model::link::decode_link("cap=1040.55").0.scenario;
        let answers = answers_for(&data, &scenario, Lang::En);
        for totals in [&answers.fewest.totals, &answers.least_budget.totals] {
            assert!(totals.plain().ends_with("(cap HK$1,040.55M)."), "{}", totals.plain());
        }
    }

    /// A year the cap left as it was reads the same before and after it, with no
    /// change, under every rule: audit 9's link showed 2021-22's exact 34.05 as 34.1 →
    /// 34.0 (a change of −0.1), and the HK$14.85M moved into 2019-20 as −14.8 out of
    /// 2018-19 but +14.9 into 2019-20, as the two years the cap moved took the
    /// tie-breaking tenths from the years it did not.
    #[test]
    fn a_year_the_cap_leaves_alone_shows_no_change() {
        #[track_caller]
        fn check(link: &str, expected: &[&str]) {
            let data = paper();
            let scenario = blockvote_model::link::decode_link(link).0.scenario;
            let projection = project(&data, &scenario);
            let Some(CapView::Met { years, .. }) =
                cap_view(&projection, None, &data, &uncapped_whose(&scenario), Lang::En)
            else {
                panic!("{link}: the cap is met")
            };
            let shown: Vec<String> = years
                .iter()
                .map(|y| {
                    format!(
                        "{} {} → {} {}",
                        y.label,
                        y.before.text(Lang::En),
                        y.after.text(Lang::En),
                        y.change.text(Lang::En)
                    )
                })
                .collect();
            assert_eq!(shown, expected, "{link}");
        }
        check(
            "retention=1&cost=50&cap=1000&rule=latest_start",
            &[
                "2018-19 1,014.7 → 999.9 -14.8",
                "2019-20 1,477.8 → 1,492.6 +14.8",
                "2020-21 567.2 → 567.2 0.0",
                "2021-22 34.1 → 34.1 0.0",
                "2022-23 14.8 → 14.8 0.0",
            ],
        );
        // Audit 13: the year table could not keep 2022-23's 8.9 (the one year the cap
        // moved cash into would have read 979.9 for an exact 980.006); the years
        // before the cap keep the year table's cells instead.
        check(
            "cost=5&ongoing=808.4&cap=1057&rule=most_cash",
            &[
                "2018-19 1,063.6 → 1,053.2 -10.4",
                "2019-20 969.6 → 980.0 +10.4",
                "2020-21 349.4 → 349.4 0.0",
                "2021-22 21.1 → 21.1 0.0",
                "2022-23 8.8 → 8.8 0.0",
            ],
        );
        let data = paper();
        for rule in DeferralRule::ALL {
            for link in [
                "retention=1&cost=50&cap=1000",
                "cap=1000",
                "slip=0.3&delay=2&cap=900",
                "cost=-20&cap=950",
                "cost=5&ongoing=808.4&cap=1057",
                "cost=7.99&ongoing=811.13&cap=1059.11",
                "cost=5&ongoing=816.3&cap=1054",
            ] {
                let link = format!("{link}&rule={}", rule.key());
                let scenario = blockvote_model::link::decode_link(&link).0.scenario;
                let projection = project(&data, &scenario);
                let Some(CapOutcome::Met { years: exact, .. }) = projection.cap.as_ref() else { continue };
                let Some(CapView::Met { years, .. }) =
                    cap_view(&projection, None, &data, &uncapped_whose(&scenario), Lang::En)
                else {
                    panic!("{link}: the cap is met")
                };
                for (exact, shown) in exact.iter().zip(&years) {
                    if exact.before == exact.after {
                        assert_eq!(shown.before.value(), shown.after.value(), "{link} {}", shown.key);
                    }
                }
            }
        }
    }

    /// The audit's cap: every figure of the panel reads with those beside it and with
    /// the year table, under each rule.
    #[test]
    fn the_cap_panel_s_figures_add_up_and_agree_with_the_year_table() {
        let data = paper();
        let parse = |figure: &Figure| figure.money().unwrap_or_default();
        for rule in DeferralRule::ALL {
            let scenario = Scenario {
                cap: Some(CashCap { amount: Money::from_whole_millions(1_050), rule }),
                ..Scenario::default()
            };
            let projection = project(&data, &scenario);
            let baseline = project(&data, &Scenario::default());
            let table = crate::cash::year_table(&projection, &baseline, Lang::En);
            let Some(CapView::Met { deferred, years, .. }) =
                cap_view(&projection, None, &data, &uncapped_whose(&scenario), Lang::En)
            else {
                panic!("{rule:?}: the cap is met")
            };
            for year in &years {
                let row = table.rows.iter().find(|r| r.key == year.key).map(|r| parse(&r.total));
                assert_eq!(Some(parse(&year.after)), row, "{rule:?} {}", year.key);
                assert_eq!(
                    parse(&year.after).checked_sub(parse(&year.before)).ok(),
                    Some(parse(&year.change)),
                    "{rule:?}"
                );
            }
            let first_before = years.first().map(|y| parse(&y.before)).unwrap_or_default();
            let mut total = first_before;
            for row in &deferred {
                total = total.checked_sub(parse(&row.moved)).unwrap_or_default();
                assert_eq!(total, parse(&row.total_after), "{rule:?} No. {}", row.id);
            }
            assert_eq!(Some(total), years.first().map(|y| parse(&y.after)), "{rule:?}");
        }
        // Each year's total before is the year table's figure for the same scenario with
        // no cap: rounded on their own, 2018-19 once read here otherwise than on the Cash
        // flow screen without the cap.
        let uncapped = blockvote_model::link::decode_link("cost=13.7&profile=s_curve&ongoing=800.04").0.scenario;
        let without = project(&data, &uncapped);
        let without_table = crate::cash::year_table(&without, &without, Lang::En);
        let capped = Scenario {
            cap: Some(CashCap { amount: Money::from_whole_millions(1_000), rule: DeferralRule::SmallestBudgetFirst }),
            ..uncapped
        };
        let Some(CapView::Met { years, sentence, .. }) =
            cap_view(&project(&data, &capped), None, &data, &uncapped_whose(&capped), Lang::En)
        else {
            panic!("the cap is met")
        };
        for year in &years {
            let row = without_table.rows.iter().find(|r| r.key == year.key).map(|r| parse(&r.total));
            assert_eq!(Some(parse(&year.before)), row.or(Some(Money::ZERO)), "{}", year.key);
        }
        // Before the cap, the member's levers made 2018-19's total: theirs.
        assert!(sentence.read(Lang::En).contains("from HK$1,751.3M [scenario] to"), "{}", sentence.read(Lang::En));
    }

    #[test]
    fn the_department_order_defers_the_first_department_first_as_its_name_says() {
        let data = paper();
        let cap = CashCap { amount: Money::from_whole_millions(1_050), rule: DeferralRule::DepartmentOrder };
        let projection = project(&data, &Scenario { cap: Some(cap), ..Scenario::default() });
        let Some(CapView::Met { deferred, .. }) = cap_view(&projection, None, &data, &Provenance::Scenario, Lang::En)
        else {
            panic!("the cap is met")
        };
        let first_department = data.projects.iter().map(|p| p.department).min();
        let deferred_first = deferred.first().and_then(|d| data.project(d.id)).map(|p| p.department);
        assert_eq!(deferred_first, first_department);
        assert_eq!(
            rule_label(DeferralRule::DepartmentOrder).en,
            "Department order (the first department listed first)"
        );
    }

    #[test]
    fn the_cap_says_what_it_deferred_or_why_it_cannot() {
        check(
            Decimal::from(1000),
            Lang::En,
            "Deferring 7 projects (rule: most 2018-19 cash first) brings 2018-19 from HK$1,060.0M to HK$995.3M (cap HK$1,000.0M). | 22 2018-19 Q1 → 2019-20 Q1 | 2018-19: -64.7",
        );
        check(
            Decimal::from(500),
            Lang::En,
            "The cap of HK$500.0M cannot be met: even with every new project deferred, 2018-19 still needs HK$817.0M (now HK$1,060.0M). Nothing was deferred.",
        );
        // The cap as given, every decimal kept: HK$1 is not "HK$0.0M".
        check(
            Decimal::new(1, 6),
            Lang::Zh,
            "無法達到上限 0.000001 百萬元：即使把所有新項目延後，2018-19 年度仍需 817.0 百萬元（現為 1,060.0 百萬元）。沒有項目被延後。",
        );
        assert_eq!(rule_options().len(), DeferralRule::ALL.len());
        assert!(rule_options().iter().all(|o| DeferralRule::from_key(o.key) == Some(o.rule)));
    }

    /// A cap that defers more projects than the list shows lists the first
    /// [`ROWS_PER_STEP`] and counts the rest (3,000 projects: the paper's, over and over).
    #[test]
    fn a_cap_deferring_hundreds_lists_the_first_and_counts_the_rest() {
        let paper_csv = include_str!("../../../../../data/projects.csv");
        let mut lines = paper_csv.lines();
        let mut csv = format!("{}\n", lines.next().unwrap_or_default());
        let rows: Vec<&str> = lines.filter(|line| !line.trim().is_empty()).collect();
        for id in 1..=3_000_usize {
            let row = rows.get((id - 1) % rows.len()).copied().unwrap_or_default();
            let rest = row.split_once(',').map(|(_, rest)| rest).unwrap_or_default();
            csv.push_str(&format!("{id},{rest}\n"));
        }
        let data = paper().with_projects_csv(&csv, blockvote_model::nfc::nfc).unwrap_or_else(|e| panic!("{e:?}"));
        let scenario = Scenario {
            cap: Some(CashCap { amount: Money::from_whole_millions(900), rule: DeferralRule::LatestStartFirst }),
            ..Scenario::default()
        };
        let Some(CapView::Met { deferred, unlisted, .. }) =
            cap_view(&project(&data, &scenario), None, &data, &uncapped_whose(&scenario), Lang::En)
        else {
            panic!("the cap is met");
        };
        assert_eq!(deferred.len(), ROWS_PER_STEP);
        let note = unlisted.unwrap_or_default();
        assert!(
            note.ends_with("more deferred projects are not listed here; the year table counts them all."),
            "{note}"
        );
    }

    /// Every figure of the cap's sentences is marked: 2018-19 before the cap is the
    /// model baseline's while the cap is the only lever, and the rest follows from the
    /// member's cap (audit 8: none of these sentences carried a mark).
    #[test]
    fn the_cap_s_sentences_mark_their_figures() {
        let data = paper();
        let scenario = blockvote_model::link::decode_link("cap=1000&rule=most_cash").0.scenario;
        let projection = project(&data, &scenario);
        let Some(CapView::Met { sentence, .. }) =
            cap_view(&projection, None, &data, &uncapped_whose(&scenario), Lang::En)
        else {
            panic!("the cap is met")
        };
        assert_eq!(
            sentence.read(Lang::En),
            "Deferring 7 projects [scenario] (rule: most 2018-19 cash first) brings 2018-19 from HK$1,060.0M [model] to HK$995.3M [scenario] (cap HK$1,000.0M [scenario])."
        );
        let answers = answers_for(&data, &scenario, Lang::Zh);
        // A count's mark follows its measure word (audit 13: "延後 44 情景 個項目後").
        assert_eq!(answers.fewest.headline.read(Lang::Zh), "最少須延後的項目數目：7 個 [情景]");
        let Some(CapView::Met { sentence, .. }) =
            cap_view(&projection, None, &data, &uncapped_whose(&scenario), Lang::Zh)
        else {
            panic!("the cap is met")
        };
        assert!(
            sentence.read(Lang::Zh).starts_with("按「2018-19 現金最多的先延後」延後 7 個項目 [情景]後，"),
            "{}",
            sentence.read(Lang::Zh)
        );
        assert!(
            answers.fewest.totals.read(Lang::Zh).contains("由 1,060.0 百萬元 [模型] 降至"),
            "{}",
            answers.fewest.totals.read(Lang::Zh)
        );
        assert_eq!(
            uncapped_whose(&blockvote_model::link::decode_link("cost=5&cap=1000").0.scenario),
            Provenance::Scenario
        );
        // The year table's columns are marked as their cells are, and a cap that cannot
        // be met marks its figures (audit 13: neither was marked).
        let marks = |link: &str| {
            let scenario = blockvote_model::link::decode_link(link).0.scenario;
            match cap_view(&project(&data, &scenario), None, &data, &uncapped_whose(&scenario), Lang::En) {
                Some(CapView::Met { year_columns, years, .. }) => {
                    let mut marks: Vec<String> = year_columns.iter().map(|c| c.mark.mark(Lang::En)).collect();
                    marks.extend(years.first().map(|y| y.before.provenance().mark(Lang::En)));
                    marks.join(" ")
                }
                Some(CapView::Infeasible { sentence }) => sentence.read(Lang::En),
                None => String::new(),
            }
        };
        // The rule table says what its rule moves as the panel does (audit 14: 10.4
        // beside the panel's 10.3 for the same project; since the amounts are read at whole HK$
        // thousands, 10.4 in both).
        let scenario = blockvote_model::link::decode_link("cost=5&ongoing=808.4&cap=1057&rule=most_cash").0.scenario;
        let answers = answers_for(&data, &scenario, Lang::En);
        let rule = answers.rules.iter().find(|r| r.key == "most_cash").map(|r| r.moved.text(Lang::En));
        assert_eq!(rule.as_deref(), Some("10.4"));
        assert!(
            answers.fewest.totals.plain().contains("moves HK$10.4M out of 2018-19"),
            "{}",
            answers.fewest.totals.plain()
        );
        assert_eq!(marks("cap=1000"), "model scenario scenario model");
        assert_eq!(marks("cost=5&cap=1000"), "scenario scenario scenario scenario");
        assert_eq!(
            marks("cap=800"),
            "The cap of HK$800.0M [scenario] cannot be met: even with every new project deferred, 2018-19 still needs HK$817.0M [model] (now HK$1,060.0M [model]). Nothing was deferred."
        );
    }
}
