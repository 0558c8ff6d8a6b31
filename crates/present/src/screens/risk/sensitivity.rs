//! The sensitivity panel: the two-way table of 2018-19's total against the on-time
//! rate and the delay, computed cell by cell so the shell can spread it over several
//! browser tasks ([`SensitivityGrid`]), and the tornado of the levers that move
//! 2018-19 most.

use crate::charts::TornadoRow;
use crate::format::{millions, share_percent};
use crate::lang::{l, Label, Lang};
use crate::paper::{Indicator, Para5Column, Printed};
use crate::provenance::{Figure, Provenance};
use crate::refusal::engine_error;
use crate::words::{lever_label, lever_value};
use blockvote_model::engine::{
    default_tornado, para5_late_share, tornado_bar, two_way, Engine, EngineError, Lever, Scenario, Tornado, TornadoBar,
    TornadoSetting,
};
use blockvote_model::{Dataset, Money};
use rust_decimal::Decimal;
use std::sync::Arc;

pub const HEADING: Label = l("敏感度", "Sensitivity");

pub const EXPLANATION: Label = l(
    "下表每格是在該依期完成比率及延誤季數下（以期望值計算延誤），情景的 2018-19 年度現金需求總額；其他調節按情景不變，上面延誤調節的設定則由每格自己的比率及延誤取代。突出顯示的一格為第 5 段的依期比率（67.1%）配合延誤 1 季（本工具預設）。",
    "Each cell is the scenario's 2018-19 total cash need with slippage (as an expected value) at that on-time rate and delay: every other lever stays as in the scenario, and the cell's own rate and delay take the place of the slippage lever above. The highlighted cell is para 5's on-time rate (67.1%) with a one-quarter delay (blockvote's default).",
);

pub const CAPTION: Label =
    l("2018-19 年度現金需求總額（百萬元），每格均計入延誤", "2018-19 total cash need (HK$M), every cell with slippage");

pub const CORNER: Label = l("依期完成比率 ＼ 延誤", "On-time rate \\ delay");

pub const TORNADO_HEADING: Label = l("哪些調節最影響 2018-19 年度", "Which levers move 2018-19 most");

pub const TORNADO_EXPLANATION: Label = l(
    "每次只把一項調節由低設定移至高設定，其他按情景不變（包括上面已開啟的延誤調節），顯示 2018-19 年度現金需求總額的變化；按影響大小排列。延誤比例 0 至 50%（第 5 段約 33%）；延誤 1 至 4 季；成本 −10% 至 +10%；進行中項目現金 ±10%；保留比例 ±0.1。",
    "One lever at a time moves from a low to a high setting, everything else as in the scenario (the slippage lever above included, if on), and the bars show where the 2018-19 total lands; the largest swing comes first. Share late 0 to 50% (para 5 saw about 33%); delay 1 to 4 quarters; cost −10% to +10%; ongoing projects' cash ±10%; retention share ±0.1.",
);

pub const TORNADO_TITLE: Label = l("2018-19 年度現金需求的龍捲風圖", "Tornado of the 2018-19 cash need");

pub const TORNADO_DESCRIPTION: Label = l(
    "每行一項調節：斜線棒為低設定的結果，實心棒為高設定的結果，由情景的 2018-19 年度總額（虛線）量起；單位百萬元，數字見下表。",
    "One row per lever: the hatched bar is the result at the low setting, the solid bar at the high setting, both measured from the scenario's 2018-19 total (dashed line); HK$ million, figures in the table below.",
);

pub const LOW: Label = l("低設定", "Low setting");
pub const HIGH: Label = l("高設定", "High setting");
pub const TORNADO_CAPTION: Label = l("龍捲風圖的數字（百萬元）", "The tornado's figures (HK$M)");

/// The tornado table's column headings.
pub fn tornado_headings(lang: Lang) -> [String; 6] {
    [
        l("調節", "Lever"),
        LOW,
        l("2018-19（低）", "2018-19 at low"),
        HIGH,
        l("2018-19（高）", "2018-19 at high"),
        l("相差", "Swing"),
    ]
    .map(|label| label.get(lang).to_string())
}

/// The on-time rates of the table's rows; the third is para 5's 141/210.
pub fn rates() -> Vec<Decimal> {
    vec![
        Decimal::new(5, 1),
        Decimal::new(6, 1),
        Decimal::ONE - para5_late_share(),
        Decimal::new(8, 1),
        Decimal::new(9, 1),
        Decimal::ONE,
    ]
}

/// The delays of the table's columns, in quarters.
pub fn delays() -> Vec<Decimal> {
    (1..=4).map(Decimal::from).collect()
}

/// A row heading: the on-time rate, para 5's cited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateHeading {
    pub text: String,
    /// Para 5's printed rate, for the para 5 row.
    pub para5: Option<Figure>,
}

pub fn rate_headings(data: &Dataset, lang: Lang) -> Vec<RateHeading> {
    let para5 = Decimal::ONE - para5_late_share();
    let printed = Printed::Performance { indicator: Indicator::Schedule, column: Para5Column::RatePct }.figure(data);
    rates()
        .into_iter()
        .map(|rate| match (rate == para5, &printed) {
            (true, Some(figure)) => RateHeading { text: figure.text(lang), para5: Some(figure.clone()) },
            _ => RateHeading { text: share_percent(rate), para5: None },
        })
        .collect()
}

pub fn delay_headings(lang: Lang) -> Vec<String> {
    delays().into_iter().map(|delay| lever_value(Lever::SlipQuarters, delay, lang)).collect()
}

/// True for para 5's cell: its on-time rate with blockvote's default one quarter.
pub fn is_para5_cell(row: usize, column: usize) -> bool {
    row == 2 && column == 0
}

/// A cell as written: the amount, or `…` until it is computed.
pub fn cell_text(cell: Option<Money>) -> String {
    cell.map(millions).unwrap_or_else(|| "…".to_string())
}

/// Whose the cells are: each is the scenario with a slippage the member did not set,
/// so they are the member's scenario figures.
pub fn cells_provenance() -> Provenance {
    Provenance::Scenario
}

/// The table's cells as far as they are computed, and why the engine refused the
/// table, if it did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GridCells {
    /// `cells[row][column]`, `None` until computed.
    pub cells: Vec<Vec<Option<Money>>>,
    pub error: Option<EngineError>,
}

impl GridCells {
    /// A table with no cell computed yet.
    pub fn empty() -> GridCells {
        GridCells { cells: vec![vec![None; delays().len()]; rates().len()], error: None }
    }

    pub fn cell(&self, row: usize, column: usize) -> Option<Money> {
        self.cells.get(row).and_then(|cells| cells.get(column)).copied().flatten()
    }

    /// Why the engine refused the table, in words.
    pub fn error_text(&self, lang: Lang) -> Option<String> {
        self.error.as_ref().map(|error| match lang {
            Lang::Zh => format!("無法計算此表：{}", engine_error(error).get(lang)),
            Lang::En => format!("This table could not be computed: {}", engine_error(error).get(lang)),
        })
    }
}

/// The two-way table computed one cell (one projection) at a time, so the shell can
/// spread it over several browser tasks.
pub struct SensitivityGrid {
    engine: Arc<Engine>,
    scenario: Scenario,
    rates: Vec<Decimal>,
    delays: Vec<Decimal>,
    table: GridCells,
    next: usize,
}

impl SensitivityGrid {
    /// The table of `scenario` (whose own slippage lever the cells replace).
    pub fn new(engine: Arc<Engine>, scenario: Scenario) -> SensitivityGrid {
        SensitivityGrid { engine, scenario, rates: rates(), delays: delays(), table: GridCells::empty(), next: 0 }
    }

    fn total(&self) -> usize {
        self.rates.len() * self.delays.len()
    }

    /// Computes up to `units` more cells (each a projection); returns how many it did.
    /// A refusal of the engine ends the table.
    pub fn compute(&mut self, units: u32) -> u32 {
        let mut done = 0;
        while done < units && self.next < self.total() && self.table.error.is_none() {
            let (row, column) = (self.next / self.delays.len(), self.next % self.delays.len());
            let (Some(rate), Some(delay)) = (self.rates.get(row), self.delays.get(column)) else { break };
            match two_way(&self.engine, &self.scenario, Lever::OnTimeRate, &[*rate], Lever::SlipQuarters, &[*delay]) {
                Ok(table) => {
                    let value = table.cells.first().and_then(|cells| cells.first()).copied();
                    if let Some(slot) = self.table.cells.get_mut(row).and_then(|cells| cells.get_mut(column)) {
                        *slot = value;
                    }
                }
                Err(error) => self.table.error = Some(error),
            }
            self.next += 1;
            done += 1;
        }
        done
    }

    /// `(cells done, cells in all)`; a refused table counts as done.
    pub fn progress(&self) -> (u32, u32) {
        let total = u32::try_from(self.total()).unwrap_or(u32::MAX);
        let done = if self.table.error.is_some() { total } else { u32::try_from(self.next).unwrap_or(u32::MAX) };
        (done, total)
    }

    /// The cells so far.
    pub fn table(&self) -> &GridCells {
        &self.table
    }
}

/// The tornado computed a piece at a time, so the shell can keep it off the path
/// from a lever to the figures painted: the scenario's own total first, then one lever
/// (two projections) per unit.
pub struct TornadoWork {
    engine: Arc<Engine>,
    scenario: Scenario,
    settings: Vec<TornadoSetting>,
    base: Option<Money>,
    bars: Vec<TornadoBar>,
    error: Option<EngineError>,
}

impl TornadoWork {
    /// The tornado of `scenario` with the engine's default settings.
    pub fn new(engine: Arc<Engine>, scenario: Scenario) -> TornadoWork {
        let settings = default_tornado(&engine, &scenario);
        TornadoWork { engine, scenario, settings, base: None, bars: Vec::new(), error: None }
    }

    fn done(&self) -> usize {
        usize::from(self.base.is_some()) + self.bars.len()
    }

    /// Computes up to `units` more pieces; returns how many it did. A refusal of the
    /// engine ends the work (and the tornado is then not shown).
    pub fn compute(&mut self, units: u32) -> u32 {
        let mut done = 0;
        while done < units && self.error.is_none() && self.done() < self.settings.len() + 1 {
            let outcome = match self.base {
                None => self.engine.project(&self.scenario).map(|p| self.base = Some(p.budget_year_totals.total)),
                Some(_) => match self.settings.get(self.bars.len()) {
                    Some(setting) => tornado_bar(&self.engine, &self.scenario, setting).map(|bar| self.bars.push(bar)),
                    None => break,
                },
            };
            if let Err(error) = outcome {
                self.error = Some(error);
            }
            done += 1;
        }
        done
    }

    /// `(pieces done, pieces in all)`; a refused tornado counts as done.
    pub fn progress(&self) -> (u32, u32) {
        let total = u32::try_from(self.settings.len() + 1).unwrap_or(u32::MAX);
        let done = if self.error.is_some() { total } else { u32::try_from(self.done()).unwrap_or(u32::MAX) };
        (done, total)
    }

    /// The tornado, once every piece is done and none was refused.
    pub fn tornado(&self) -> Option<Tornado> {
        let complete = self.error.is_none() && self.bars.len() == self.settings.len();
        self.base.filter(|_| complete).map(|base| Tornado::from_bars(base, self.bars.clone()))
    }
}

/// The tornado's rows for the chart, in the reader's language.
pub fn tornado_rows(tornado: &Tornado, lang: Lang) -> Vec<TornadoRow> {
    tornado
        .bars
        .iter()
        .map(|bar| {
            let name = lever_label(bar.lever).get(lang).to_string();
            let low = lever_value(bar.lever, bar.low, lang);
            let high = lever_value(bar.lever, bar.high, lang);
            let (at_low, at_high, swing) = (millions(bar.at_low), millions(bar.at_high), millions(bar.swing));
            let description = match lang {
                Lang::Zh => format!(
                    "{name}：低設定 {low} 時 2018-19 年度為 {at_low}，高設定 {high} 時為 {at_high}（百萬元；相差 {swing}）"
                ),
                Lang::En => format!(
                    "{name}: at the low setting, {low}, 2018-19 needs {at_low}; at the high setting, {high}, {at_high} (HK$M; swing {swing})"
                ),
            };
            TornadoRow { name, settings: format!("{low} → {high}"), at_low: bar.at_low, at_high: bar.at_high, description }
        })
        .collect()
}

/// A row of the tornado's table, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TornadoLine {
    /// The lever's key, for the row's test id.
    pub key: &'static str,
    pub cells: [String; 6],
}

pub fn tornado_lines(tornado: &Tornado, lang: Lang) -> Vec<TornadoLine> {
    tornado
        .bars
        .iter()
        .map(|bar| TornadoLine {
            key: bar.lever.key(),
            cells: [
                lever_label(bar.lever).get(lang).to_string(),
                lever_value(bar.lever, bar.low, lang),
                millions(bar.at_low),
                lever_value(bar.lever, bar.high, lang),
                millions(bar.at_high),
                millions(bar.swing),
            ],
        })
        .collect()
}

/// The axis label at the scenario's own figure: `Scenario 1,060.0`.
pub fn tornado_base_label(base: Money, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("情景 {}", millions(base)),
        Lang::En => format!("Scenario {}", millions(base)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::risk::tests::{engine, paper, project};
    use crate::screens::risk::without_slippage_levers;
    use blockvote_model::engine::{tornado, Slippage};

    #[test]
    fn the_grid_in_slices_is_the_engine_s_two_way_table() {
        let engine = engine();
        let scenario = Scenario { cost_change_pct: Decimal::new(5, 0), ..Scenario::default() };
        let whole = two_way(&engine, &scenario, Lever::OnTimeRate, &rates(), Lever::SlipQuarters, &delays())
            .unwrap_or_else(|error| panic!("{error}"));
        let mut grid = SensitivityGrid::new(engine.clone(), scenario);
        assert_eq!(grid.progress(), (0, 24));
        assert_eq!(grid.compute(5), 5);
        assert_eq!(grid.progress(), (5, 24));
        assert_eq!(grid.table().cell(0, 1), whole.cells.first().and_then(|r| r.get(1)).copied());
        assert_eq!(grid.table().cell(1, 1), None, "not yet");
        while grid.compute(7) > 0 {}
        assert_eq!(grid.progress(), (24, 24));
        let cells: Vec<Vec<Money>> =
            grid.table().cells.iter().map(|row| row.iter().map(|c| c.unwrap_or_default()).collect()).collect();
        assert_eq!(cells, whole.cells);
        assert_eq!(grid.table().error_text(Lang::En), None);
    }

    #[test]
    fn para5_s_cell_is_the_slippage_lever_at_para5() {
        let engine = engine();
        let mut grid = SensitivityGrid::new(engine.clone(), Scenario::default());
        grid.compute(24);
        let para5 = Scenario { slippage: Slippage { enabled: true, ..Slippage::default() }, ..Scenario::default() };
        let lever = project(&engine, &para5).budget_year_totals.total;
        assert!(is_para5_cell(2, 0));
        assert_eq!(cell_text(grid.table().cell(2, 0)), millions(lever));
        assert_eq!(cell_text(None), "…");
        // The cells replace the scenario's own slippage lever.
        let mut with_lever = SensitivityGrid::new(engine, without_slippage_levers(&para5));
        with_lever.compute(24);
        assert_eq!(with_lever.table(), grid.table());
    }

    #[test]
    fn a_refused_table_says_why_and_counts_as_done() {
        let scenario = Scenario { cost_change_pct: Decimal::from(5_000), ..Scenario::default() };
        let mut grid = SensitivityGrid::new(engine(), scenario);
        assert_eq!(grid.compute(3), 1);
        assert_eq!(grid.progress(), (24, 24));
        assert_eq!(grid.compute(3), 0);
        let text = grid.table().error_text(Lang::En).unwrap_or_default();
        assert!(text.starts_with("This table could not be computed: "), "{text}");
    }

    #[test]
    fn headings_cite_para5_s_rate() {
        let headings: Vec<String> = rate_headings(&paper(), Lang::En)
            .into_iter()
            .map(|h| match h.para5 {
                Some(figure) => format!("{} [{}]", h.text, figure.provenance().mark(Lang::En)),
                None => h.text,
            })
            .collect();
        assert_eq!(headings, ["50.0%", "60.0%", "67.1% [para 5]", "80.0%", "90.0%", "100.0%"]);
        assert_eq!(delay_headings(Lang::Zh), ["1 季", "2 季", "3 季", "4 季"]);
        assert_eq!(delay_headings(Lang::En).first().map(String::as_str), Some("1 quarter"));
    }

    #[test]
    fn the_tornado_piece_by_piece_is_the_engine_s() {
        let engine = engine();
        let scenario = Scenario { slippage: Slippage { enabled: true, ..Slippage::default() }, ..Scenario::default() };
        let whole = tornado(&engine, &scenario, &default_tornado(&engine, &scenario)).unwrap_or_else(|e| panic!("{e}"));
        let mut work = TornadoWork::new(engine, scenario);
        assert_eq!(work.progress(), (0, 6));
        assert_eq!(work.compute(2), 2);
        assert_eq!(work.tornado(), None, "not until every lever is done");
        while work.compute(1) > 0 {}
        assert_eq!(work.progress(), (6, 6));
        assert_eq!(work.tornado(), Some(whole));
        let mut refused = TornadoWork::new(
            super::super::tests::engine(),
            Scenario { cost_change_pct: Decimal::from(5_000), ..Scenario::default() },
        );
        assert_eq!(refused.compute(6), 1);
        assert_eq!((refused.progress(), refused.tornado()), ((6, 6), None));
    }

    #[test]
    fn the_tornado_in_words() {
        let engine = engine();
        let scenario = Scenario::default();
        let result =
            tornado(&engine, &scenario, &default_tornado(&engine, &scenario)).unwrap_or_else(|e| panic!("{e}"));
        let lines = tornado_lines(&result, Lang::En);
        assert_eq!(lines.len(), 5);
        let first = lines.first().unwrap_or_else(|| panic!("a bar"));
        assert_eq!(first.key, result.bars.first().map(|bar| bar.lever.key()).unwrap_or_default());
        let rows = tornado_rows(&result, Lang::Zh);
        assert!(rows.iter().all(|row| row.description.contains("百萬元")));
        assert_eq!(tornado_base_label(result.base, Lang::En), "Scenario 1,060.0");
        assert_eq!(tornado_headings(Lang::En)[5], "Swing");
    }
}
