//! The cash flow as a member reads it, shared by the Cash flow and Risk screens and
//! the meeting brief: the quarter and year tables (ongoing, new, scenario total, the
//! model baseline and the change) and the quarterly chart.
//!
//! Two rules hold here:
//! - **Provenance.** The baseline is blockvote's model under the calibrated profile
//!   (`Basis::CalibratedProfile`), named "model baseline (calibrated to Annex B)",
//!   never "the paper": the paper prints no quarterly figure and none after 2018-19.
//! - **Parts add up.** Each column is rounded to one decimal as a whole (largest
//!   remainder), so the rows shown add up to the total row shown; the change is the
//!   difference of the shown scenario and baseline, so it adds up too and every row
//!   reads `scenario − baseline = change` exactly.

use crate::charts::{Column, LineSeries, QuarterColumns};
use crate::format::{millions, quarter_axis, quarter_text, year_text};
use crate::lang::{l, Label, Lang};
use crate::provenance::{Basis, Figure, Provenance, Value, MODEL_BASELINE};
use blockvote_model::engine::Projection;
use blockvote_model::money::round_parts_to_total;
use blockvote_model::{FiscalQuarter, FiscalYear, Money};

/// A row of a cash table: a quarter or a financial year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashRow {
    /// A stable key for the row (`2018-19 Q1`, `2019-20`, `total`).
    pub key: String,
    /// The row's heading in the reader's language.
    pub label: String,
    pub ongoing: Figure,
    pub new: Figure,
    pub total: Figure,
    pub baseline: Figure,
    pub change: Figure,
}

impl CashRow {
    /// The row's cells as the table shows them, in column order: its heading, then
    /// ongoing, new, scenario total, model baseline and change.
    pub fn cells(&self, lang: Lang) -> [String; 6] {
        [
            self.label.clone(),
            self.ongoing.text(lang),
            self.new.text(lang),
            self.total.text(lang),
            self.baseline.text(lang),
            self.change.text(lang),
        ]
    }
}

/// A cash table: its rows and the total row, each column adding up to its total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashTable {
    pub rows: Vec<CashRow>,
    pub totals: CashRow,
}

/// The column headings of a cash table, in order.
pub fn column_headings(lang: Lang) -> [String; 5] {
    [
        ONGOING.get(lang).to_string(),
        NEW.get(lang).to_string(),
        SCENARIO_TOTAL.get(lang).to_string(),
        MODEL_BASELINE.get(lang).to_string(),
        CHANGE.get(lang).to_string(),
    ]
}

const ONGOING: Label = l("進行中項目", "Ongoing");
const NEW: Label = l("新項目", "New");
const SCENARIO_TOTAL: Label = l("情景總額", "Scenario total");
const CHANGE: Label = l("與模型基線的差額", "Change from the model baseline");

/// The provenance of the baseline column: the model, under the calibrated profile.
pub fn baseline_provenance() -> Provenance {
    Provenance::Model(Basis::CalibratedProfile)
}

/// The baseline's (ongoing, new) for each of `quarters` (zero where it has none).
fn baseline_quarters(baseline: &Projection, quarters: &[FiscalQuarter]) -> Vec<(Money, Money)> {
    quarters
        .iter()
        .map(|quarter| {
            baseline.quarters.iter().find(|q| q.quarter == *quarter).map(|q| (q.ongoing, q.new)).unwrap_or_default()
        })
        .collect()
}

/// Builds a table from the exact columns: rounds each column as a whole and derives
/// the change from the shown figures.
fn table(
    keys: Vec<(String, String)>,
    ongoing: &[Money],
    new: &[Money],
    total: &[Money],
    baseline: &[Money],
    lang: Lang,
) -> CashTable {
    let [ongoing, new, total, baseline] = [ongoing, new, total, baseline].map(|column| round_parts_to_total(column, 1));
    let sum = |column: &[Money]| Money::checked_sum(column.iter().copied()).unwrap_or_default();
    let at = |column: &[Money], index: usize| column.get(index).copied().unwrap_or_default();
    let row = |key: String, label: String, o: Money, n: Money, t: Money, b: Money| CashRow {
        key,
        label,
        ongoing: Figure::scenario(Value::Millions(o)),
        new: Figure::scenario(Value::Millions(n)),
        total: Figure::scenario(Value::Millions(t)),
        baseline: Figure::model(Value::Millions(b), Basis::CalibratedProfile),
        change: Figure::scenario(Value::MillionsChange(t.checked_sub(b).unwrap_or_default())),
    };
    let rows = keys
        .into_iter()
        .enumerate()
        .map(|(index, (key, label))| {
            row(key, label, at(&ongoing, index), at(&new, index), at(&total, index), at(&baseline, index))
        })
        .collect();
    let totals = row(
        "total".to_string(),
        crate::words::TOTAL.get(lang).to_string(),
        sum(&ongoing),
        sum(&new),
        sum(&total),
        sum(&baseline),
    );
    CashTable { rows, totals }
}

/// The quarter table: every quarter of the scenario's projection.
pub fn quarter_table(projection: &Projection, baseline: &Projection, lang: Lang) -> CashTable {
    let quarters: Vec<FiscalQuarter> = projection.quarters.iter().map(|q| q.quarter).collect();
    let base = baseline_quarters(baseline, &quarters);
    let keys = projection
        .quarters
        .iter()
        .map(|q| {
            let (first, last) = q.quarter.months();
            (q.quarter.label(), format!("{} ({first}–{last})", quarter_text(q.quarter, lang)))
        })
        .collect();
    let column = |pick: fn(&blockvote_model::engine::QuarterTotals) -> Money| -> Vec<Money> {
        projection.quarters.iter().map(pick).collect()
    };
    let base_total: Vec<Money> = base.iter().map(|(o, n)| o.checked_add(*n).unwrap_or_default()).collect();
    table(keys, &column(|q| q.ongoing), &column(|q| q.new), &column(|q| q.total), &base_total, lang)
}

/// The year table: every financial year of the scenario's projection.
pub fn year_table(projection: &Projection, baseline: &Projection, lang: Lang) -> CashTable {
    let base_total =
        |year: FiscalYear| baseline.years.iter().find(|y| y.year == year).map(|y| y.total).unwrap_or_default();
    let keys = projection.years.iter().map(|y| (y.year.label(), year_text(y.year, lang))).collect();
    let ongoing: Vec<Money> = projection.years.iter().map(|y| y.ongoing).collect();
    let new: Vec<Money> = projection.years.iter().map(|y| y.new).collect();
    let total: Vec<Money> = projection.years.iter().map(|y| y.total).collect();
    let base: Vec<Money> = projection.years.iter().map(|y| base_total(y.year)).collect();
    table(keys, &ongoing, &new, &total, &base, lang)
}

/// The quarterly chart: for each quarter, the model baseline's column and the
/// scenario's, each stacked from ongoing and new projects.
#[derive(Clone, Debug, PartialEq)]
pub struct QuarterChart {
    pub title: String,
    pub description: String,
    /// Legend names of the two stacked segments, bottom first.
    pub segment_names: Vec<String>,
    /// Legend names of the two columns, left first: the model baseline, the scenario.
    pub column_names: Vec<String>,
    pub quarters: Vec<QuarterColumns>,
}

/// The quarterly chart of `projection` against the model baseline.
pub fn quarter_chart(projection: &Projection, baseline: &Projection, lang: Lang) -> QuarterChart {
    let quarters: Vec<FiscalQuarter> = projection.quarters.iter().map(|q| q.quarter).collect();
    let base = baseline_quarters(baseline, &quarters);
    let base_name = baseline_provenance().series_name(lang);
    let scenario_name = Provenance::Scenario.series_name(lang);
    let columns = projection
        .quarters
        .iter()
        .zip(base)
        .map(|(q, (base_ongoing, base_new))| {
            let base_total = base_ongoing.checked_add(base_new).unwrap_or_default();
            let description = match lang {
                Lang::Zh => format!(
                    "{}：情景 {}（進行中 {}，新項目 {}）；{} {}（百萬元）",
                    quarter_text(q.quarter, lang),
                    millions(q.total),
                    millions(q.ongoing),
                    millions(q.new),
                    base_name,
                    millions(base_total)
                ),
                Lang::En => format!(
                    "{}: scenario {} (ongoing {}, new {}); {} {} (HK$M)",
                    quarter_text(q.quarter, lang),
                    millions(q.total),
                    millions(q.ongoing),
                    millions(q.new),
                    lower_first(&base_name),
                    millions(base_total)
                ),
            };
            QuarterColumns {
                label: quarter_axis(q.quarter, lang),
                description,
                columns: vec![
                    Column { segments: vec![base_ongoing, base_new] },
                    Column { segments: vec![q.ongoing, q.new] },
                ],
                range: None,
            }
        })
        .collect();
    QuarterChart {
        title: l("每季現金需求：模型基線與情景", "Quarterly cash need: model baseline and scenario").get(lang).to_string(),
        description: l(
            "每季兩條柱：左為模型基線（按附件 B 校準，虛線框），右為情景（實線框）；每條柱由進行中項目（實心）及新項目（斜線）組成，單位百萬元。文件沒有按季的數字。",
            "Two columns a quarter: the model baseline (calibrated to Annex B; dashed outline) and the scenario (solid outline); each stacks ongoing projects (solid) and new projects (hatched), HK$ million. The paper gives no quarterly figures.",
        )
        .get(lang)
        .to_string(),
        segment_names: vec![ONGOING.get(lang).to_string(), NEW.get(lang).to_string()],
        column_names: vec![base_name, scenario_name],
        quarters: columns,
    }
}

/// `text` with its first letter in lower case, for a name inside a sentence ("model
/// baseline (calibrated to Annex B)"; lower-casing all of it would write "annex b").
/// The name is blockvote's own English, so ASCII.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_lowercase()).chain(chars).collect(),
        None => String::new(),
    }
}

/// The cumulative S-curves of the model baseline and the scenario.
pub fn cumulative_lines(projection: &Projection, baseline: &Projection, lang: Lang) -> Vec<LineSeries> {
    let quarters: Vec<FiscalQuarter> = projection.quarters.iter().map(|q| q.quarter).collect();
    let base = baseline_quarters(baseline, &quarters);
    let running = |values: Vec<Money>| {
        let mut sum = Money::ZERO;
        values
            .into_iter()
            .map(|value| {
                sum = sum.checked_add(value).unwrap_or(sum);
                sum
            })
            .collect()
    };
    vec![
        LineSeries {
            name: match lang {
                Lang::Zh => format!("{}（累計）", baseline_provenance().series_name(lang)),
                Lang::En => format!("{} (cumulative)", baseline_provenance().series_name(lang)),
            },
            points: running(base.iter().map(|(o, n)| o.checked_add(*n).unwrap_or_default()).collect()),
        },
        LineSeries {
            name: l("情景（累計）", "Scenario (cumulative)").get(lang).to_string(),
            points: running(projection.quarters.iter().map(|q| q.total).collect()),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::engine::{Engine, Scenario};
    use blockvote_model::Dataset;
    use rust_decimal::Decimal;

    fn projections(scenario: &Scenario) -> (Projection, Projection) {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let baseline = engine.project(&Scenario::default()).unwrap_or_else(|e| panic!("{e}"));
        let projection = engine.project(scenario).unwrap_or_else(|e| panic!("{e}"));
        (projection, baseline)
    }

    /// One row as a member reads it, from the cells the table shows:
    /// `label: ongoing | new | total | baseline [mark] | change`.
    fn read(row: &CashRow, lang: Lang) -> String {
        let [label, ongoing, new, total, baseline, change] = row.cells(lang);
        let mark = row.baseline.provenance().mark(lang);
        format!("{label}: {ongoing} | {new} | {total} | {baseline} [{mark}] | {change}")
    }

    #[track_caller]
    fn check(table: &CashTable, key: &str, lang: Lang, expected: &str) {
        let row = table.rows.iter().chain(std::iter::once(&table.totals)).find(|r| r.key == key);
        assert_eq!(row.map(|r| read(r, lang)).as_deref(), Some(expected), "row {key}");
    }

    #[test]
    fn the_baseline_is_the_model_s_and_the_paper_s_total_still_shows() {
        let (projection, baseline) = projections(&Scenario::default());
        let years = year_table(&projection, &baseline, Lang::En);
        check(&years, "2018-19", Lang::En, "2018-19: 817.0 | 243.0 | 1,060.0 | 1,060.0 [model] | 0.0");
        let years_zh = year_table(&projection, &baseline, Lang::Zh);
        check(&years_zh, "2018-19", Lang::Zh, "2018-19 年度: 817.0 | 243.0 | 1,060.0 | 1,060.0 [模型] | 0.0");
        let chart = quarter_chart(&projection, &baseline, Lang::En);
        assert_eq!(chart.column_names, vec!["Model baseline (calibrated to Annex B)", "Scenario"]);
        assert!(chart.quarters.iter().all(|q| !q.description.contains("paper")));
        let first = chart.quarters.first().map(|q| q.description.as_str());
        assert_eq!(
            first,
            Some("2018-19 Q1: scenario 229.4 (ongoing 204.3, new 25.1); model baseline (calibrated to Annex B) 229.4 (HK$M)")
        );
        let chart_zh = quarter_chart(&projection, &baseline, Lang::Zh);
        assert_eq!(chart_zh.quarters.first().map(|q| q.label.as_str()), Some("18-19 第一季"));
    }

    #[test]
    fn every_column_adds_up_to_its_total_and_rows_to_their_change() {
        let scenario = Scenario { cost_change_pct: Decimal::new(333, 1), ..Scenario::default() };
        let (projection, baseline) = projections(&scenario);
        for table in [quarter_table(&projection, &baseline, Lang::En), year_table(&projection, &baseline, Lang::En)] {
            let sum = |pick: fn(&CashRow) -> &Figure| {
                Money::checked_sum(table.rows.iter().map(|r| pick(r).money().unwrap_or_default())).unwrap_or_default()
            };
            assert_eq!(Some(sum(|r| &r.ongoing)), table.totals.ongoing.money());
            assert_eq!(Some(sum(|r| &r.new)), table.totals.new.money());
            assert_eq!(Some(sum(|r| &r.total)), table.totals.total.money());
            assert_eq!(Some(sum(|r| &r.baseline)), table.totals.baseline.money());
            assert_eq!(Some(sum(|r| &r.change)), table.totals.change.money());
            for row in table.rows.iter().chain(std::iter::once(&table.totals)) {
                let (total, base, change) = (row.total.money(), row.baseline.money(), row.change.money());
                assert_eq!(total.zip(base).and_then(|(t, b)| t.checked_sub(b).ok()), change, "{}", row.key);
            }
        }
    }
}
