//! The brief's tables of figures: the headline figures (the comparison's headline rows
//! for this one scenario), Annex A's allocation and the cash flow by year.

use super::BriefInput;
use crate::cash::{quarter_chart, year_table, CashTable, QuarterChart};
use crate::compare::{comparison, Compared, RowKind};
use crate::lang::{l, Label, Lang};
use crate::paper::{AnnexAColumn, Printed};
use crate::provenance::{Basis, Figure, Provenance, Value, MODEL_BASELINE};
use crate::words::TOTAL;
use blockvote_model::exports::summarize;
use blockvote_model::Money;

/// The headline figures: the paper's, the model baseline's and the scenario's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headlines {
    pub title: String,
    /// Item (for screen readers), paper, model baseline, scenario, change.
    pub heads: [String; 5],
    pub rows: Vec<HeadlineRow>,
    /// What the marks in the table mean, for the printed page.
    pub legend: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadlineRow {
    pub key: String,
    pub label: String,
    pub paper: Option<Figure>,
    pub baseline: Option<Figure>,
    pub scenario: Option<Figure>,
    /// The scenario less the model baseline, as shown.
    pub change: Option<Figure>,
    pub differs: bool,
}

const HEADLINES: Label = l("主要數字", "Headline figures");
const ITEM: Label = l("項目", "Item");
const PAPER: Label = l("文件", "Paper");
const SCENARIO: Label = l("情景", "Scenario");
const CHANGE: Label = l("與模型基線的差額", "Change from the model baseline");
const PAPER_MARKS: Label =
    l("第 … 段、附件 A／B：文件在該處印出的數字。", "para …, Annex A / B: a figure the paper prints at that place.");

/// The headline rows of the comparison, for this one scenario.
pub fn headlines(input: BriefInput<'_>) -> Headlines {
    let lang = input.lang;
    let compared =
        Compared { name: String::new(), scenario: input.scenario.clone(), summary: Ok(summarize(input.projection)) };
    let table = comparison(input.data, &summarize(input.baseline), &[compared], lang);
    let rows: Vec<HeadlineRow> = table
        .rows
        .into_iter()
        .filter(|row| row.kind == RowKind::Headline)
        .map(|row| {
            let cell = row.scenarios.into_iter().next();
            let scenario = cell.as_ref().and_then(|c| c.figure.clone());
            let change = cell.and_then(|c| c.change).or_else(|| row.baseline.as_ref().map(no_change));
            let differs = change.as_ref().is_some_and(|c| c.text(lang) != no_change(c).text(lang));
            HeadlineRow {
                key: row.key,
                label: row.label,
                paper: row.paper,
                baseline: row.baseline,
                scenario,
                change,
                differs,
            }
        })
        .collect();
    let mut legend = vec![PAPER_MARKS.get(lang).to_string()];
    let mut models: Vec<&Provenance> = Vec::new();
    for provenance in rows.iter().filter_map(|r| r.baseline.as_ref().map(Figure::provenance)) {
        if matches!(provenance, Provenance::Model(_)) && !models.contains(&provenance) {
            models.push(provenance);
        }
    }
    legend.extend(
        models.iter().map(|p| format!("{}{}{}", p.series_name(lang), lang.pick("：", ": "), p.explanation(lang))),
    );
    // The change column is the scenario's once a lever changes a headline figure, and
    // the model's (the baseline less itself) until then; audit 19 found it unmarked.
    let change = Provenance::worked_out(Basis::CalibratedProfile, rows.iter().any(|row| row.differs));
    Headlines {
        title: HEADLINES.get(lang).to_string(),
        heads: [
            ITEM.get(lang).to_string(),
            PAPER.get(lang).to_string(),
            MODEL_BASELINE.get(lang).to_string(),
            SCENARIO.get(lang).to_string(),
            marked_head(CHANGE.get(lang), &change, lang),
        ],
        rows,
        legend,
    }
}

/// A change of nothing, of the kind of `figure`.
fn no_change(figure: &Figure) -> Figure {
    match figure.value() {
        Value::Count(_) | Value::CountChange(_) => Figure::scenario(Value::CountChange(0)),
        _ => Figure::scenario(Value::MillionsChange(Money::ZERO)),
    }
}

/// Annex A under the scenario: the 2017-18 and 2018-19 amounts the paper prints, the
/// scenario's amounts and the change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllocationTable {
    pub title: String,
    /// Item (for screen readers), 2017-18 approved, 2018-19 paper, 2018-19 scenario, change.
    pub heads: [String; 5],
    pub rows: Vec<AllocationRow>,
    pub total: AllocationRow,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllocationRow {
    pub key: String,
    pub label: String,
    pub prior: Option<Figure>,
    pub paper: Option<Figure>,
    pub scenario: Figure,
    /// The scenario as shown less the paper's figure.
    pub change: Figure,
    pub differs: bool,
}

const ALLOCATION: Label = l("按開支類別的撥款（附件 A）", "Allocation by expenditure category (Annex A)");
const PRIOR: Label = l("2017-18 核准", "2017-18 approved");
const PROPOSED: Label = l("2018-19 文件", "2018-19 paper");
const PROPOSED_SCENARIO: Label = l("2018-19 情景", "2018-19 scenario");
const CHANGE_FROM_PAPER: Label = l("與文件的差額", "Change from the paper");

/// Annex A's table; the scenario's column and total as the Allocation screen shows
/// them (rounded as a whole, so it adds up).
pub fn allocation(input: BriefInput<'_>) -> AllocationTable {
    use crate::screens::allocation::{difference_mark, shown_amounts, shown_total};
    let lang = input.lang;
    let outcome = &input.projection.allocation;
    // Annex A's amounts until the member changes one, as on the Allocation screen.
    let whose = difference_mark(outcome);
    let row = |key: String, label: String, prior: Printed, paper: Printed, scenario: Money| {
        let paper = paper.figure(input.data);
        let base = paper.as_ref().and_then(Figure::money).unwrap_or_default();
        let change = scenario.checked_sub(base).unwrap_or_default();
        AllocationRow {
            key,
            label,
            prior: prior.figure(input.data),
            paper,
            scenario: Figure::model_or_scenario(Value::Millions(scenario), &whose),
            change: Figure::model_or_scenario(Value::MillionsChange(change), &whose),
            differs: !change.is_zero(),
        }
    };
    let rows = shown_amounts(outcome)
        .into_iter()
        .map(|(id, amount)| {
            let name = input.data.categories.iter().find(|k| k.id == id).map(|k| lang.pick(&k.name_zh, &k.name_en));
            row(
                format!("category-{id}"),
                format!("{id}. {}", name.unwrap_or_default()),
                Printed::Category { id, column: AnnexAColumn::ApprovedPrior },
                Printed::Category { id, column: AnnexAColumn::Proposed },
                amount,
            )
        })
        .collect();
    let total = row(
        "total".to_string(),
        TOTAL.get(lang).to_string(),
        Printed::CategoryTotal(AnnexAColumn::ApprovedPrior),
        Printed::CategoryTotal(AnnexAColumn::Proposed),
        shown_total(outcome),
    );
    AllocationTable {
        title: ALLOCATION.get(lang).to_string(),
        heads: [
            ITEM.get(lang).to_string(),
            PRIOR.get(lang).to_string(),
            PROPOSED.get(lang).to_string(),
            marked_head(PROPOSED_SCENARIO.get(lang), &whose, lang),
            marked_head(CHANGE_FROM_PAPER.get(lang), &whose, lang),
        ],
        rows,
        total,
    }
}

/// A column heading with the mark its cells share, written out (`Ongoing [model]`,
/// 「進行中〔模型〕」): the brief's columns of plain figures say whose they are in print.
fn marked_head(heading: &str, mark: &Provenance, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{heading}〔{}〕", mark.mark(lang)),
        Lang::En => format!("{heading} [{}]", mark.mark(lang)),
    }
}

/// The cash flow: the quarterly chart and the year table, shared with the Cash flow
/// screen (`crate::cash`), so the brief's figures are the screen's.
#[derive(Clone, Debug, PartialEq)]
pub struct CashSection {
    pub title: String,
    pub chart: QuarterChart,
    /// Financial year, then the cash table's columns.
    pub heads: [String; 6],
    pub table: CashTable,
}

const CASH: Label = l("現金流量", "Cash flow");
const YEAR: Label = l("財政年度", "Financial year");

pub fn cash(input: BriefInput<'_>) -> CashSection {
    let lang = input.lang;
    let table = year_table(input.projection, input.baseline, lang);
    // Every column says whose its figures are, the model baseline's too, though its name
    // says it: a reader who looks for the mark finds it on each (audit 23 found the
    // baseline's the one column of the brief without one).
    let [ongoing, new, total, baseline, change] =
        table.columns.clone().map(|column| marked_head(column.heading.get(lang), &column.mark, lang));
    CashSection {
        title: CASH.get(lang).to_string(),
        chart: quarter_chart(input.projection, input.baseline, lang),
        heads: [YEAR.get(lang).to_string(), ongoing, new, total, baseline, change],
        table,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;
    use crate::lang::Lang;
    use blockvote_model::engine::{AllocationLevers, CategoryEdit, Scenario};
    use rust_decimal::Decimal;

    fn mark(figure: &Option<Figure>, lang: Lang) -> String {
        figure.as_ref().map_or("—".to_string(), |f| match f.provenance() {
            Provenance::Scenario => f.text(lang),
            other => format!("{} [{}]", f.text(lang), other.mark(lang)),
        })
    }

    /// A headline row as printed: `label | paper | baseline | scenario | change`.
    #[track_caller]
    fn check(scenario: Scenario, lang: Lang, key: &str, expected: &str) {
        let fixture = Fixture::new(scenario);
        let table = headlines(fixture.input(lang));
        let row = table.rows.iter().find(|r| r.key == key).map(|r| {
            [
                r.label.trim().to_string(),
                mark(&r.paper, lang),
                mark(&r.baseline, lang),
                mark(&r.scenario, lang),
                mark(&r.change, lang),
            ]
            .join(" | ")
        });
        assert_eq!(row.as_deref(), Some(expected));
    }

    fn dearer() -> Scenario {
        Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() }
    }

    #[test]
    fn headlines_put_the_paper_beside_the_model_baseline_never_for_it() {
        check(
            dearer(),
            Lang::En,
            "budget-year-total",
            "2018-19 total cash need | 1,060 [Annex B] | 1,060.0 [model] | 1,084.3 | +24.3",
        );
        check(
            dearer(),
            Lang::En,
            "allocation-total",
            // No lever changes it: the model's, as on every other screen.
            "Allocation total (Annex A) | 1,060 [Annex A] | 1,060 [Annex A] | 1,060 [Annex A] | 0.0",
        );
        check(dearer(), Lang::En, "route-fc", "Finance Committee (own subhead) | — | 0 [model] | 72 | +72");
        check(dearer(), Lang::Zh, "year-2018-19-new", "其中：新項目 | 243 [附件 B] | 243.0 [模型] | 267.3 | +24.3");
        let fixture = Fixture::new(dearer());
        let table = headlines(fixture.input(Lang::En));
        assert!(table.rows.iter().all(|r| !r.key.starts_with("category-")), "Annex A has its own table");
        // The paper, the model baseline, Annex C's counts and para 2's routes.
        assert_eq!(table.legend.len(), 4, "{:?}", table.legend);
        assert!(table
            .legend
            .iter()
            .any(|l| l.starts_with("Model baseline (calibrated to Annex B): blockvote's model: a share r")));
    }

    /// The change column says whose its figures are: the model's (the baseline less
    /// itself) while no lever changes a headline figure, the scenario's once one does
    /// (audit 19: the column had no mark).
    #[test]
    fn the_change_column_is_marked() {
        let change_head =
            |scenario: Scenario, lang: Lang| headlines(Fixture::new(scenario).input(lang)).heads[4].clone();
        assert_eq!(change_head(Scenario::default(), Lang::En), "Change from the model baseline [model]");
        assert_eq!(change_head(dearer(), Lang::En), "Change from the model baseline [scenario]");
        assert_eq!(change_head(dearer(), Lang::Zh), "與模型基線的差額〔情景〕");
    }

    #[test]
    fn annex_a_adds_up_and_cites_the_paper() {
        let edited = Scenario {
            allocation: AllocationLevers {
                categories: vec![CategoryEdit { id: 1, amount: Some(Money::from_whole_millions(300)), locked: false }],
                scale_to: None,
            },
            ..Scenario::default()
        };
        let fixture = Fixture::new(edited);
        let table = allocation(fixture.input(Lang::En));
        let read = |row: &AllocationRow| {
            format!(
                "{} | {} | {} | {} | {}",
                row.label,
                mark(&row.prior, Lang::En),
                mark(&row.paper, Lang::En),
                row.scenario.text(Lang::En),
                row.change.text(Lang::En)
            )
        };
        assert_eq!(
            table.rows.first().map(read).as_deref(),
            Some("1. Hardware | 202 [Annex A] | 238 [Annex A] | 300.0 | +62.0")
        );
        assert_eq!(read(&table.total), "Total | 990 [Annex A] | 1,060 [Annex A] | 1,122.0 | +62.0");
        let sum = Money::checked_sum(table.rows.iter().filter_map(|r| r.scenario.money())).ok();
        assert_eq!(sum, table.total.scenario.money());
    }

    #[test]
    fn the_cash_section_names_the_model_baseline_and_labels_axes_in_the_reader_s_language() {
        let fixture = Fixture::new(dearer());
        let zh = cash(fixture.input(Lang::Zh));
        assert_eq!(zh.chart.quarters.first().map(|q| q.label.as_str()), Some("18-19 第一季"));
        assert_eq!(zh.heads.get(4).map(String::as_str), Some("模型基線（按附件 B 校準）〔模型〕"));
        let en = cash(fixture.input(Lang::En));
        assert_eq!(en.chart.column_names, vec!["Model baseline (calibrated to Annex B)", "Scenario"]);
        // Each column of plain figures says whose they are in its heading, as the Cash
        // flow screen's marks do: a dearer scenario changes the new projects' cash, not
        // the ongoing projects'.
        let heads: Vec<&str> = en.heads.iter().map(String::as_str).collect();
        assert_eq!(heads.get(1..3), Some(&["Ongoing [model]", "New [scenario]"][..]), "{heads:?}");
        assert_eq!(heads.get(5).copied().map(|h| h.ends_with("[scenario]")), Some(true), "{heads:?}");
    }
}
