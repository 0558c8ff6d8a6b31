//! The sensitivity panel's tornado of the levers that move 2018-19 most, computed a
//! piece at a time so the shell can spread it over several browser tasks. The panel's
//! table of any figure over any two levers is [`super::data_table`].

use crate::charts::TornadoRow;
use crate::format::millions;
use crate::lang::{l, Label, Lang};
use crate::provenance::{Basis, MarkedColumn, Provenance};
use crate::words::{lever_label, lever_value};
use blockvote_model::engine::{
    default_tornado, tornado_bar_read_by, Engine, EngineError, Projection, Scenario, Tornado, TornadoBar,
    TornadoSetting,
};
use blockvote_model::Money;
use std::sync::Arc;

pub const HEADING: Label = l("敏感度", "Sensitivity");

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

/// The heading of the tornado table's column of levers.
pub const LEVER_HEADING: Label = l("調節", "Lever");

/// The tornado table's columns of settings, its low and its high: blockvote's choice
/// whatever the scenario (an audit found them unmarked), so they are the model's.
pub const TORNADO_SETTING_COLUMNS: [MarkedColumn; 2] = [
    MarkedColumn { heading: LOW, mark: Provenance::Model(Basis::TornadoSettings) },
    MarkedColumn { heading: HIGH, mark: Provenance::Model(Basis::TornadoSettings) },
];

/// The tornado table's columns of 2018-19 figures (at the low setting, at the high
/// setting, the swing), each marked: projections with one lever at a time at its
/// setting, so the model's while the scenario they start from is the paper's default,
/// and the scenario's once the member's levers have changed it, as the Cash flow screen
/// marks its figures.
pub fn tornado_figure_columns(scenario: &Scenario) -> [MarkedColumn; 3] {
    let mark = Provenance::worked_out(Basis::OneLeverAtATime, *scenario != Scenario::default());
    [l("2018-19（低）", "2018-19 at low"), l("2018-19（高）", "2018-19 at high"), l("相差", "Swing")]
        .map(|heading| MarkedColumn { heading, mark: mark.clone() })
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

/// The budget year's total as the cash flow's year table shows it: the tornado's base
/// and the ends of its bars read as the Cash flow screen's figure for the same scenario.
fn shown_total(projection: &Projection) -> Money {
    crate::cash::shown_budget_year(projection).total
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
                None => self.engine.project(&self.scenario).map(|p| self.base = Some(shown_total(&p))),
                Some(_) => match self.settings.get(self.bars.len()) {
                    Some(setting) => tornado_bar_read_by(&self.engine, &self.scenario, setting, shown_total)
                        .map(|bar| self.bars.push(bar)),
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
    use crate::screens::risk::tests::engine;
    use blockvote_model::engine::{tornado, Lever, Slippage};
    use rust_decimal::Decimal;

    /// The tornado piece by piece is the engine's, each total as the cash flow's year
    /// table shows it: read exactly and rounded on its own, para 5's end read 1,011.4
    /// beside the Cash flow screen's 1,011.3.
    #[test]
    fn the_tornado_piece_by_piece_is_the_engine_s() {
        let engine = engine();
        let scenario = Scenario { slippage: Slippage { enabled: true, ..Slippage::default() }, ..Scenario::default() };
        let exact = tornado(&engine, &scenario, &default_tornado(&engine, &scenario)).unwrap_or_else(|e| panic!("{e}"));
        let bars = default_tornado(&engine, &scenario)
            .iter()
            .map(|setting| tornado_bar_read_by(&engine, &scenario, setting, shown_total))
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("{e}"));
        let base = engine.project(&scenario).map(|p| shown_total(&p)).unwrap_or_else(|e| panic!("{e}"));
        let whole = Tornado::from_bars(base, bars);
        // The same levers in the same order, each end within 0.1 of the exact figure.
        let levers = |t: &Tornado| t.bars.iter().map(|bar| bar.lever).collect::<Vec<_>>();
        assert_eq!(levers(&whole), levers(&exact));
        for (shown, exact) in whole.bars.iter().zip(&exact.bars) {
            for (a, b) in [(shown.at_low, exact.at_low), (shown.at_high, exact.at_high)] {
                let gap = a.checked_sub(b).map(|g| g.millions().abs()).unwrap_or_default();
                assert!(gap <= Decimal::new(1, 1), "{a:?} against {b:?}");
            }
        }
        assert_eq!(
            whole.bars.iter().find(|bar| bar.lever == Lever::SlipShare).map(|bar| bar.at_high.format(1)),
            Some("1,011.4".to_string())
        );
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
    }

    /// The marks of the tornado's columns of figures under `scenario`: `heading [mark]`.
    #[track_caller]
    fn check_columns(scenario: &Scenario, expected: [&str; 3]) {
        let shown = tornado_figure_columns(scenario)
            .map(|column| format!("{} [{}]", column.heading.get(Lang::En), column.mark.mark(Lang::En)));
        assert_eq!(shown, expected);
    }

    #[test]
    fn the_tornado_s_settings_are_blockvote_s_whatever_the_scenario() {
        let shown = TORNADO_SETTING_COLUMNS
            .map(|column| format!("{} [{}]", column.heading.get(Lang::En), column.mark.mark(Lang::En)));
        assert_eq!(shown, ["Low setting [model]", "High setting [model]"]);
        let [low, _] = TORNADO_SETTING_COLUMNS;
        assert!(low.mark.explanation(Lang::En).starts_with("blockvote's choice of a low and a high setting"));
        assert!(low.mark.explanation(Lang::Zh).starts_with("blockvote 為比較各調節的影響而選的低、高設定"));
    }

    #[test]
    fn the_tornado_s_figures_are_the_model_s_until_a_lever_moves() {
        check_columns(&Scenario::default(), ["2018-19 at low [model]", "2018-19 at high [model]", "Swing [model]"]);
        let dearer = Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() };
        check_columns(&dearer, ["2018-19 at low [scenario]", "2018-19 at high [scenario]", "Swing [scenario]"]);
    }
}
