//! What the Cash flow screen shows, as plain data: the headline cards (the scenario's
//! 2018-19 cash beside what the paper prints), the chart and table words (the tables
//! and the quarterly chart themselves are [`crate::cash`]'s, shared with the Risk
//! screen and the brief), and one module per panel: the spend profile and what the
//! calibration means, the global and group levers, the breakdown by department or
//! theme, the 2018-19 cash cap (with the fewest deferrals to meet it) and goal seek.

pub mod breakdown;
pub mod cap;
pub mod deferral_choices;
pub mod goal_seek;
pub mod levers;
pub mod profile;

use crate::cash::{baseline_provenance, column_headings, quarters_of_either, shown_budget_year};
use crate::format::quarter_axis;
use crate::lang::{l, Label, Lang};
use crate::paper::{AnnexBColumn, Printed};
use crate::provenance::{Basis, Figure, Provenance, Value};
use blockvote_model::engine::Projection;
use blockvote_model::{CohortId, Dataset, Money};

pub const TITLE: Label = l("現金流量", "Cash flow");
pub const QUARTERLY_HEADING: Label = l("每季現金流量", "Quarterly cash flow");
pub const CUMULATIVE_HEADING: Label = l("累計現金流量（S 曲線）", "Cumulative cash flow (S-curve)");
pub const CUMULATIVE_TITLE: Label =
    l("累計現金需求：模型基線與情景", "Cumulative cash need: model baseline and scenario");
pub const CUMULATIVE_DESCRIPTION: Label = l(
    "由 2018-19 年度第一季起的累計現金需求（進行中及新項目）：模型基線（按附件 B 校準；實線圓點）與情景（虛線方點），單位百萬元。文件沒有按季的數字。",
    "Cumulative cash need from 2018-19 Q1 (ongoing and new projects): the model baseline (calibrated to Annex B; solid line, dots) and the scenario (dashed line, squares), HK$ million. The paper gives no quarterly figures.",
);
pub const QUARTER_TABLE_HEADING: Label = l("按季度列表", "By quarter (table)");
pub const YEAR_TABLE_HEADING: Label = l("按財政年度", "By financial year");
pub const QUARTER_COLUMN: Label = l("季度（月份）", "Quarter (months)");
pub const YEAR_COLUMN: Label = l("財政年度", "Financial year");

/// A headline card: the scenario's figure and, beside it, what the paper prints for
/// the same thing (cited), never the model's baseline called "the paper".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub label: String,
    pub figure: Figure,
    /// What the paper prints for it, if the dataset holds it.
    pub printed: Option<Figure>,
}

/// The two headline cards and the ongoing projects' share of the total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    pub new: Card,
    pub total: Card,
    pub ongoing: Figure,
}

/// The words before a printed figure on a card: `In the paper:`.
pub const PRINTED_LABEL: Label = l("文件所載：", "In the paper: ");
/// The words before the ongoing projects' figure on the total card.
pub const ONGOING_LABEL: Label = l("其中進行中項目：", "Of which ongoing: ");

/// The headline cards of `projection`. Their figures are the 2018-19 row of the year
/// table below them ([`shown_budget_year`]), so the screen never shows two roundings of
/// the same figure and the ongoing and new figures add up to the total card. Each is
/// marked as that table marks its column: the model's while it is the `baseline`'s own
/// figure, the scenario's once the member's levers have changed it.
pub fn headline(projection: &Projection, baseline: &Projection, data: &Dataset, lang: Lang) -> Headline {
    let year = shown_budget_year(projection);
    let base = shown_budget_year(baseline);
    let figure = |amount: Money, base: Money| {
        let whose = Provenance::worked_out(Basis::CalibratedProfile, amount != base);
        Figure::model_or_scenario(Value::Millions(amount), &whose)
    };
    Headline {
        new: Card {
            label: l("新項目 2018-19 年度現金需求", "New projects' 2018-19 cash").get(lang).to_string(),
            figure: figure(year.new, base.new),
            printed: Printed::Cohort { cohort: CohortId::New, column: AnnexBColumn::Cash }.figure(data),
        },
        total: Card {
            label: l("2018-19 年度現金需求總額", "Total 2018-19 cash need").get(lang).to_string(),
            figure: figure(year.total, base.total),
            printed: Printed::CohortTotal(AnnexBColumn::Cash).figure(data),
        },
        ongoing: figure(year.ongoing, base.ongoing),
    }
}

/// The quarters along the cumulative chart's axis (`18-19 Q1` …).
pub fn quarter_labels(projection: &Projection, baseline: &Projection, lang: Lang) -> Vec<String> {
    quarters_of_either(projection, baseline).into_iter().map(|quarter| quarter_axis(quarter, lang)).collect()
}

/// The note under the quarter table: units, the rounding rule of both cash tables
/// ([`crate::cash::shown_cash`]), and how the ongoing projects' printed amount is spread.
pub fn table_note(data: &Dataset, lang: Lang) -> String {
    let ongoing = Printed::Cohort { cohort: CohortId::Ongoing, column: AnnexBColumn::Cash }
        .figure(data)
        .map(|f| f.text(lang))
        .unwrap_or_default();
    let baseline = baseline_provenance().series_name(lang);
    // The rule is said with the columns' own headings, so the note cannot drift from
    // the table it describes.
    let [ongoing_column, new_column, total_column, _, _] = column_headings(lang);
    match lang {
        Lang::Zh => format!(
            "單位：百萬元；「{ongoing_column}」及「{new_column}」兩欄各以最大餘數法整欄四捨五入至一位小數，使欄內數字相加等於總計；每行的「{total_column}」是該行四捨五入後兩項之和，差額按所示數字計算，所以每行、每欄都相加等於所示總數。2018-19 年度總額是其準確數字四捨五入至最接近的一位小數（與上限及撥款比較的正是這個數字），兩欄的其他年度再按此分配。進行中項目的 2018-19 年度現金（附件 B 為 {ongoing} 百萬元，或情景所設的數額）平均分布於 2018-19 年度四季；文件沒有其後年度的數字，故以零計。「{baseline}」一欄是 blockvote 的模型，並非文件所載。"
        ),
        Lang::En => format!(
            "HK$ million; the columns “{ongoing_column}” and “{new_column}” are each rounded to one decimal as a whole (largest remainder), so each adds up to its total; a row's “{total_column}” is the sum of its rounded parts and the change is worked out from the figures as shown, so every row and every column adds up to the totals shown. 2018-19's total, the figure set against a cap and the allocation, is its exact figure to the nearest tenth, and the columns' other years are rounded around it. The ongoing projects' 2018-19 cash (HK${ongoing}M in Annex B, or the amount the scenario sets) is spread evenly over the four quarters of 2018-19; the paper gives nothing for later years, so they count as zero. The column “{baseline}” is blockvote's model, not a figure of the paper."
        ),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use blockvote_model::engine::{Engine, Scenario};

    pub(crate) fn paper() -> Dataset {
        Dataset::paper().unwrap_or_else(|_| Dataset::empty())
    }

    pub(crate) fn project(data: &Dataset, scenario: &Scenario) -> Projection {
        let engine = Engine::new(data).unwrap_or_else(|e| panic!("{e}"));
        engine.project(scenario).unwrap_or_else(|e| panic!("{e}"))
    }

    /// A figure as a member reads it: `text [mark]`.
    pub(crate) fn read(figure: &Figure, lang: Lang) -> String {
        format!("{} [{}]", figure.text(lang), figure.provenance().mark(lang))
    }

    #[track_caller]
    fn check(card: &Card, lang: Lang, expected: &str) {
        let printed = card.printed.as_ref().map(|f| read(f, lang)).unwrap_or_default();
        assert_eq!(format!("{}: {} | {}", card.label, read(&card.figure, lang), printed), expected);
    }

    #[test]
    fn the_cards_set_the_scenario_beside_what_the_paper_prints() {
        let data = paper();
        let dearer = Scenario { cost_change_pct: rust_decimal::Decimal::TEN, ..Scenario::default() };
        let baseline = project(&data, &Scenario::default());
        let headline = headline(&project(&data, &dearer), &baseline, &data, Lang::En);
        check(&headline.new, Lang::En, "New projects' 2018-19 cash: 267.3 [scenario] | 243 [Annex B]");
        check(&headline.total, Lang::En, "Total 2018-19 cash need: 1,084.3 [scenario] | 1,060 [Annex B]");
        // The cost change leaves the ongoing projects' cash as the model has it.
        assert_eq!(read(&headline.ongoing, Lang::En), "817.0 [model]");
        // With no lever moved every figure is the model's.
        let zh = super::headline(&baseline, &baseline, &data, Lang::Zh);
        check(&zh.new, Lang::Zh, "新項目 2018-19 年度現金需求: 243.0 [模型] | 243 [附件 B]");
        check(&zh.total, Lang::Zh, "2018-19 年度現金需求總額: 1,060.0 [模型] | 1,060 [附件 B]");
    }

    #[test]
    fn the_cards_are_the_year_table_s_2018_19_row() {
        let data = paper();
        let baseline = project(&data, &blockvote_model::engine::Scenario::default());
        for (name, scenario) in crate::cash::tests::scenarios() {
            let projection = project(&data, &scenario);
            let cards = headline(&projection, &baseline, &data, Lang::En);
            let table = crate::cash::year_table(&projection, &baseline, Lang::En);
            let row = table.rows.iter().find(|r| r.key == "2018-19").map(|r| r.cells(Lang::En));
            let [_, ongoing, new, total, _, _] = row.unwrap_or_else(|| panic!("{name}: no 2018-19 row"));
            let shown = [&cards.ongoing, &cards.new.figure, &cards.total.figure].map(|f| f.text(Lang::En));
            assert_eq!(shown, [ongoing, new, total], "{name}");
        }
    }

    #[test]
    fn the_table_note_names_the_model_baseline() {
        let data = paper();
        let note = table_note(&data, Lang::En);
        assert!(note.contains("(HK$817M in Annex B, or the amount the scenario sets)"), "{note}");
        assert!(note.contains("The column “Model baseline (calibrated to Annex B)” is blockvote's model"), "{note}");
    }
}
