//! The balance panel: the scenario's allocation total against the paper's (para 6)
//! and against the scenario's 2018-19 cash need (and its cash cap, if one is set), as
//! bars drawn to scale. Each bar's length is its share of one axis that starts at 0
//! and runs to a nice round figure above the largest bar, so HK$1,000M is drawn
//! shorter than HK$1,060M by exactly 60/1,060 of the axis, and the scale is stated
//! with the axis's ticks.

use crate::axis::nice_axis;
use crate::cash::shown_budget_year;
use crate::format::money_with_unit;
use crate::lang::{l, Label, Lang};
use crate::paper::Printed;
use crate::provenance::{Basis, Figure, Provenance, Value};
use crate::screens::sentence::Sentence;
use blockvote_model::engine::Projection;
use blockvote_model::{Dataset, Money};

pub const HEADING: Label = l("收支平衡", "Balance");

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct BalanceBar {
    /// A stable key (`scenario`, `paper`, `need`, `cap`) for the bar's class and test id.
    pub key: &'static str,
    pub label: String,
    pub figure: Figure,
    /// The bar's length as a share of the axis, from 0 to 1.
    pub length: f64,
}

/// A tick of the scale under the bars: its label and where it sits (0 to 1).
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleTick {
    pub label: String,
    pub at: f64,
}

/// The balance panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Balance {
    pub bars: Vec<BalanceBar>,
    pub ticks: Vec<ScaleTick>,
    /// The scale in words: where the axis starts and ends, and the gridlines' step.
    pub scale: String,
    /// The allocation against the cash need, in a sentence, its gap marked.
    pub surplus: Sentence,
    /// True when the allocation falls short of the cash need.
    pub short: bool,
}

/// The ticks a balance axis has at most: few, so their labels fit on a phone.
const BALANCE_TICKS: usize = 7;

/// The balance of `outcome`, with the scenario's cap if it sets one.
/// Each figure reads as it does beside it: the allocation as the table's total row
/// ([`super::shown_total`]), the cash need as the cash tables' 2018-19 total
/// ([`shown_budget_year`]), and the gap between them is of those two figures. Each bar
/// is marked as those tables mark it: the allocation as the total row does
/// ([`super::difference_mark`]), the cash need the model's while it is the `baseline`'s
/// own figure and the scenario's once a lever changes it.
pub fn balance(
    projection: &Projection,
    baseline: &Projection,
    cap: Option<Money>,
    data: &Dataset,
    lang: Lang,
) -> Balance {
    let outcome = &projection.allocation;
    let allocation = super::shown_total(outcome);
    let (need, base_need) = (shown_budget_year(projection).total, shown_budget_year(baseline).total);
    let (allocation_whose, need_whose) =
        (super::difference_mark(outcome), Provenance::worked_out(Basis::CalibratedProfile, need != base_need));
    let mut bars = vec![(
        "scenario",
        l("情景撥款總額", "Scenario allocation"),
        Figure::model_or_scenario(Value::Millions(allocation), &allocation_whose),
    )];
    if let Some(paper) = Printed::AllocationProposed.figure(data) {
        bars.push(("paper", l("文件建議撥款", "The paper's allocation"), paper));
    }
    bars.push((
        "need",
        l("情景 2018-19 現金需求", "Scenario 2018-19 cash need"),
        Figure::model_or_scenario(Value::Millions(need), &need_whose),
    ));
    if let Some(cap) = cap {
        bars.push(("cap", l("2018-19 現金上限", "2018-19 cash cap"), Figure::scenario(Value::Millions(cap))));
    }
    let largest = bars.iter().filter_map(|(_, _, f)| f.money()).map(Money::to_f64_for_geometry).fold(0.0, f64::max);
    let axis = nice_axis(0.0, largest, BALANCE_TICKS);
    let bars: Vec<BalanceBar> = bars
        .into_iter()
        .map(|(key, label, figure)| {
            let length = axis.share(figure.money().map(Money::to_f64_for_geometry).unwrap_or_default());
            BalanceBar { key, label: label.get(lang).to_string(), figure, length }
        })
        .collect();
    let ticks = axis.ticks.iter().map(|t| ScaleTick { label: t.label.clone(), at: axis.share(t.value) }).collect();
    let (end, step) =
        (axis.ticks.last().map(|t| t.label.clone()).unwrap_or_default(), crate::axis::tick_label(axis.step, 0));
    let scale = match lang {
        Lang::Zh => format!("各棒按同一比例繪畫：由 0 至 {end} 百萬元，格線相隔 {step} 百萬元。"),
        Lang::En => {
            format!("The bars are drawn to one scale, from HK$0 to HK${end}M, with gridlines HK${step}M apart.")
        }
    };
    // The gap is of the two figures beside it: the model's while both are, else the
    // member's.
    let members = [&allocation_whose, &need_whose].into_iter().any(|whose| *whose == Provenance::Scenario);
    let gap_whose = Provenance::worked_out(Basis::CalibratedProfile, members);
    let surplus = allocation.checked_sub(need).unwrap_or_default();
    let short = surplus.round_to(1).is_negative();
    let gap = money_with_unit(
        if surplus.is_negative() { Money::ZERO.checked_sub(surplus).unwrap_or_default() } else { surplus },
        lang,
    );
    // One shape whatever the gap (words, a figure, its mark, words), so that a lever
    // moving the gap rewrites words, never makes the sentence anew.
    let (lead, figure, end) = if surplus.round_to(1).is_zero() {
        (
            lang.pick("撥款與 2018-19 現金需求相等，同為 ", "The allocation matches the 2018-19 cash need, "),
            money_with_unit(need, lang),
            lang.pick("（準確至 0.1 百萬元）。", " (to HK$0.1M)."),
        )
    } else {
        let lead = match (lang, short) {
            (Lang::Zh, false) => "撥款較現金需求多 ",
            (Lang::Zh, true) => "撥款較現金需求少 ",
            (Lang::En, false) => "The allocation exceeds the cash need by ",
            (Lang::En, true) => "The allocation falls short of the cash need by ",
        };
        (lead, gap, lang.pick("。", "."))
    };
    let surplus = Sentence::new().text(lead).text(figure).mark(Some(gap_whose)).text(end);
    Balance { bars, ticks, scale, surplus, short }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::allocation::tests::{paper, project};
    use crate::screens::allocation::{edit_category, target_field};
    use blockvote_model::engine::Scenario;

    /// Each bar as `key value [mark] length%`, then the scale and the surplus.
    #[track_caller]
    fn check(scenario: &Scenario, lang: Lang, expected: &[&str]) {
        let data = paper();
        let cap = scenario.cap.as_ref().map(|c| c.amount);
        let baseline = project(&data, &Scenario::default());
        let shown = balance(&project(&data, scenario), &baseline, cap, &data, lang);
        let mut lines: Vec<String> = shown
            .bars
            .iter()
            .map(|b| {
                let mark = b.figure.provenance().mark(lang);
                format!("{} {} [{mark}] {:.2}%", b.key, b.figure.text(lang), b.length * 100.0)
            })
            .collect();
        lines.push(shown.ticks.iter().map(|t| format!("{}@{:.2}", t.label, t.at)).collect::<Vec<_>>().join(" "));
        lines.push(shown.scale);
        lines.push(shown.surplus.read(lang));
        assert_eq!(lines, expected);
    }

    /// The cash need reads as the cash tables' 2018-19 total (the sum of its rounded
    /// ongoing and new parts, the nearest tenth of the exact total), and the gap is of
    /// the two figures shown.
    #[test]
    fn the_need_and_the_gap_read_as_the_cash_tables_do() {
        let data = paper();
        let scenario = blockvote_model::link::decode_link("cost=13.7&profile=s_curve&ongoing=800.04").0.scenario;
        let projection = project(&data, &scenario);
        let shown = balance(&projection, &project(&data, &Scenario::default()), None, &data, Lang::En);
        let need = shown.bars.iter().find(|bar| bar.key == "need").map(|bar| bar.figure.text(Lang::En));
        assert_eq!(need.as_deref(), Some("1,751.3"));
        assert_eq!(crate::cash::shown_budget_year(&projection).total.format(1), "1,751.3");
        assert_eq!(projection.budget_year_totals.total.round_to(1).format(1), "1,751.3");
        assert_eq!(shown.surplus.plain(), "The allocation falls short of the cash need by HK$691.3M.");
    }

    #[test]
    fn bars_are_drawn_to_one_scale() {
        let mut scaled = Scenario::default();
        scaled.allocation.scale_to = (target_field().read)("1000").ok();
        check(
            &scaled,
            Lang::En,
            &[
                "scenario 1,000.0 [scenario] 83.33%",
                "paper about 1,060 [para 6] 88.33%",
                "need 1,060.0 [model] 88.33%",
                "0@0.00 200@0.17 400@0.33 600@0.50 800@0.67 1,000@0.83 1,200@1.00",
                "The bars are drawn to one scale, from HK$0 to HK$1,200M, with gridlines HK$200M apart.",
                "The allocation falls short of the cash need by HK$60.0M [scenario].",
            ],
        );
    }

    #[test]
    fn a_cap_gets_its_own_bar_and_matching_totals_say_so() {
        let mut capped = Scenario {
            cap: Some(blockvote_model::engine::CashCap {
                amount: Money::from_whole_millions(2000),
                rule: Default::default(),
            }),
            ..Scenario::default()
        };
        edit_category(&mut capped, 1, |edit| edit.locked = true);
        check(
            &capped,
            Lang::Zh,
            &[
                "scenario 1,060.0 [模型] 53.00%",
                "paper 約 1,060 [第 6 段] 53.00%",
                "need 1,060.0 [模型] 53.00%",
                "cap 2,000.0 [情景] 100.00%",
                "0@0.00 500@0.25 1,000@0.50 1,500@0.75 2,000@1.00",
                "各棒按同一比例繪畫：由 0 至 2,000 百萬元，格線相隔 500 百萬元。",
                "撥款與 2018-19 現金需求相等，同為 1,060.0 百萬元 [模型]（準確至 0.1 百萬元）。",
            ],
        );
    }
}
