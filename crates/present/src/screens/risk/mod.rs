//! What the slippage & risk screen shows, as plain data: para 5's record, the
//! expected-value slippage lever and its table ([`slippage`]), the Monte Carlo's
//! settings ([`simulation`]) and results ([`results`]), the sensitivity table and the
//! tornado ([`sensitivity`]), and the words a member may not know ([`glossary`]).
//!
//! Every figure is a [`Figure`] with its provenance: para 5's counts are the paper's
//! (cited through `paper.rs`), the expected-value slippage and the baseline are the
//! model's under their basis, the simulated figures are the model's under
//! [`Basis::Simulation`](crate::provenance::Basis::Simulation), and what follows from
//! the member's levers is the scenario's. The shell's `src/screens/risk/` draws
//! exactly what these functions return.

pub mod data_table;
pub mod glossary;
pub mod results;
pub mod sensitivity;
pub mod simulation;
pub mod slippage;

use crate::lang::{l, Label, Lang};
use crate::paper::{Indicator, Para5Column, Printed};
use crate::provenance::{Basis, Figure, PaperPlace, Provenance, Value};
use blockvote_model::engine::{para5_late_share, Scenario, Slippage};
use blockvote_model::Dataset;
use rust_decimal::Decimal;

/// The screen's heading.
pub const HEADING: Label = l("延誤及風險", "Slippage and risk");

/// A piece of a sentence: words, or a figure drawn with its provenance mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Text(String),
    /// A figure as written: `1,060.0`, `67.1%`, `210` (a paper figure as the paper
    /// prints it: `1,060`).
    Figure(Figure),
    /// An amount with its unit, so the mark follows the whole amount:
    /// `HK$1,060.0M` / `1,060.0 百萬元` (a paper figure as the paper prints it:
    /// `HK$1,060M`).
    Amount(Figure),
}

impl Part {
    /// The figure's text and provenance, for a figure; `None` for words.
    pub fn figure(&self, lang: Lang) -> Option<(String, &Provenance)> {
        match self {
            Part::Text(_) => None,
            Part::Figure(figure) => Some((figure.text(lang), figure.provenance())),
            Part::Amount(figure) => Some((figure.text_with_unit(lang), figure.provenance())),
        }
    }
}

/// A sentence whose figures keep their provenance, so the shell can mark each one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence(pub Vec<Part>);

impl Sentence {
    /// `template` with each placeholder taken, in order, by the next of `figures`:
    /// `{}` writes the figure as it is, `{$}` an amount with its unit. One template
    /// per language keeps each sentence whole and readable.
    pub fn fill(template: &str, figures: impl IntoIterator<Item = Figure>) -> Sentence {
        let mut figures = figures.into_iter();
        let mut parts = Vec::new();
        let mut rest = template;
        while let Some(at) = rest.find('{') {
            let (before, from) = rest.split_at(at);
            let (part, length): (fn(Figure) -> Part, usize) = if from.starts_with("{$}") {
                (Part::Amount, 3)
            } else if from.starts_with("{}") {
                (Part::Figure, 2)
            } else {
                // A brace that is no placeholder is words.
                let next = from.char_indices().nth(1).map_or(from.len(), |(index, _)| index);
                parts.push(Part::Text(format!("{before}{}", from.get(..next).unwrap_or_default())));
                rest = from.get(next..).unwrap_or_default();
                continue;
            };
            if !before.is_empty() {
                parts.push(Part::Text(before.to_string()));
            }
            parts.extend(figures.next().map(part));
            rest = from.get(length..).unwrap_or_default();
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_string()));
        }
        Sentence(parts)
    }

    /// This sentence followed by `more`.
    pub fn then(mut self, more: Sentence) -> Sentence {
        self.0.extend(more.0);
        self
    }

    /// The sentence's words and figures without their marks: for a status a screen
    /// reader hears, whose words say whose the figures are.
    pub fn plain(&self, lang: Lang) -> String {
        self.0
            .iter()
            .map(|part| match (part, part.figure(lang)) {
                (_, Some((text, _))) => text,
                (Part::Text(text), None) => text.clone(),
                (_, None) => String::new(),
            })
            .collect()
    }

    /// The sentence as read aloud, each figure followed by its mark in brackets
    /// (`67.1% [para 5]`): how the tests read what a member sees.
    pub fn read(&self, lang: Lang) -> String {
        self.0
            .iter()
            .map(|part| match (part, part.figure(lang)) {
                (_, Some((text, provenance))) => format!("{text} [{}]", provenance.mark(lang)),
                (Part::Text(text), None) => text.clone(),
                (_, None) => String::new(),
            })
            .collect()
    }
}

/// Para 5's record in one sentence, every count cited: of the 210 returns, 141 report
/// projects completed on schedule (67.1%), 69 not, all 210 within budget. Para 5
/// counts returns (「項目推行後部門報表」), not projects, and the sentence says so.
/// `None` if the dataset lacks one.
pub fn para5_record(data: &Dataset, lang: Lang) -> Option<Sentence> {
    let schedule = |column| Printed::Performance { indicator: Indicator::Schedule, column }.figure(data);
    let returns = Printed::Returns.figure(data)?;
    let met = schedule(Para5Column::Met)?;
    let rate = schedule(Para5Column::RatePct)?;
    let late = schedule(Para5Column::NotMet)?;
    let budget = Printed::Performance { indicator: Indicator::Budget, column: Para5Column::Met }.figure(data)?;
    let template = lang.pick(
        "2016 年的 {} 份「項目推行後部門報表」中，{} 份匯報項目依期完成（{}），{} 份未能依期完成；全部 {} 份均匯報項目按財政預算完成。",
        "Of 2016's {} post-implementation departmental returns, {} reported projects completed on schedule ({}) and {} did not; all {} reported projects completed within budget.",
    );
    Some(Sentence::fill(template, [returns, met, rate, late, budget]))
}

/// The scenario as the simulation and the sensitivity table see it: both set
/// slippage themselves, so the scenario's own slippage lever does not change them.
pub fn without_slippage_levers(scenario: &Scenario) -> Scenario {
    Scenario { slippage: Slippage::default(), ..scenario.clone() }
}

/// Whose the figures of `scenario` are: with nothing set they are the model
/// baseline's; with any lever set they are the member's scenario, as on every other
/// screen. Slippage at para 5's share is a lever the member set too (its words say it
/// uses para 5's record; see `slippage::lever_words`).
pub fn scenario_provenance(scenario: &Scenario) -> Provenance {
    if *scenario == Scenario::default() {
        Provenance::Model(Basis::CalibratedProfile)
    } else {
        Provenance::Scenario
    }
}

/// A share of projects late as a figure: para 5's 69/210 is worked out from para 5's
/// counts; any other share is the member's.
pub fn late_share_figure(share: Decimal) -> Figure {
    let percent = Value::Percent(share.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default());
    if share == para5_late_share() {
        Figure::model(percent, Basis::Arithmetic(PaperPlace::Para(5)))
    } else {
        Figure::scenario(percent)
    }
}

/// Shares of `counts` in percent to one decimal, adding up to exactly 100.0% (largest
/// remainder on tenths of a percent, ties to the earlier part); all zero when the
/// counts are.
pub fn percent_shares(counts: &[u64]) -> Vec<Decimal> {
    let total: u128 = counts.iter().map(|count| u128::from(*count)).sum();
    if total == 0 {
        return vec![Decimal::ZERO; counts.len()];
    }
    let exact: Vec<(u128, u128)> =
        counts.iter().map(|count| (u128::from(*count) * 1_000 / total, u128::from(*count) * 1_000 % total)).collect();
    let mut tenths: Vec<u128> = exact.iter().map(|(floor, _)| *floor).collect();
    let mut remainders: Vec<Option<u128>> = exact.iter().map(|(_, remainder)| Some(*remainder)).collect();
    // Each missing tenth goes to the largest remainder not yet served (the earliest on
    // a tie); there are fewer missing tenths than parts.
    for _ in 0..1_000_u128.saturating_sub(tenths.iter().sum()) {
        let largest = remainders.iter().enumerate().filter_map(|(index, r)| r.map(|r| (r, index))).fold(
            None,
            |best: Option<(u128, usize)>, (r, index)| match best {
                Some((best_r, _)) if best_r >= r => best,
                _ => Some((r, index)),
            },
        );
        let Some((_, index)) = largest else { break };
        if let (Some(tenth), Some(served)) = (tenths.get_mut(index), remainders.get_mut(index)) {
            *tenth += 1;
            *served = None;
        }
    }
    tenths.into_iter().map(|tenth| Decimal::from_i128_with_scale(i128::try_from(tenth).unwrap_or(0), 1)).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::format::percent;
    use blockvote_model::engine::{Engine, Projection};
    use std::sync::Arc;

    pub(crate) fn paper() -> Dataset {
        Dataset::paper().unwrap_or_else(|_| Dataset::empty())
    }

    pub(crate) fn engine() -> Arc<Engine> {
        Arc::new(Engine::new(&paper()).unwrap_or_else(|error| panic!("{error}")))
    }

    pub(crate) fn project(engine: &Engine, scenario: &Scenario) -> Projection {
        engine.project(scenario).unwrap_or_else(|error| panic!("{error}"))
    }

    #[track_caller]
    fn check(actual: String, expected: &str) {
        assert_eq!(actual, expected);
    }

    #[test]
    fn a_template_takes_its_figures_in_order() {
        let figure = |n| Figure::scenario(Value::Count(n));
        check(Sentence::fill("{} of {}", [figure(1), figure(2)]).read(Lang::En), "1 [scenario] of 2 [scenario]");
        check(Sentence::fill("{}{}.", [figure(1)]).read(Lang::En), "1 [scenario].");
        check(Sentence::fill("none", [figure(1)]).read(Lang::En), "none");
        let joined = Sentence::fill("a {}", [figure(3)]).then(Sentence::fill(" b", []));
        check(joined.read(Lang::Zh), "a 3 [情景] b");
        let amount = || Figure::scenario(Value::Millions(blockvote_model::Money::from_whole_millions(1_060)));
        check(Sentence::fill("{$} voted", [amount()]).read(Lang::En), "HK$1,060.0M [scenario] voted");
        check(Sentence::fill("撥款 {$}。", [amount()]).read(Lang::Zh), "撥款 1,060.0 百萬元 [情景]。");
        check(Sentence::fill("{x} {", []).read(Lang::En), "{x} {");
    }

    #[test]
    fn para5_s_record_is_the_paper_s_in_both_languages() {
        let data = paper();
        let read = |lang| para5_record(&data, lang).map(|s| s.read(lang)).unwrap_or_default();
        check(
            read(Lang::En),
            "Of 2016's 210 [para 5] post-implementation departmental returns, 141 [para 5] reported projects \
             completed on schedule (67.1% [para 5]) and 69 [para 5] did not; all 210 [para 5] reported projects \
             completed within budget.",
        );
        check(
            read(Lang::Zh),
            "2016 年的 210 [第 5 段] 份「項目推行後部門報表」中，141 [第 5 段] 份匯報項目依期完成（67.1% [第 5 段]），\
             69 [第 5 段] 份未能依期完成；全部 210 [第 5 段] 份均匯報項目按財政預算完成。",
        );
    }

    #[test]
    fn para5_s_share_is_worked_out_from_para5_and_any_other_is_the_member_s() {
        let read = |share: Decimal| {
            let figure = late_share_figure(share);
            format!("{} [{}]", figure.text(Lang::En), figure.provenance().mark(Lang::En))
        };
        check(read(para5_late_share()), "32.9% [model]");
        check(read(Decimal::new(5, 1)), "50.0% [scenario]");
        let explanation = late_share_figure(para5_late_share()).provenance().explanation(Lang::En);
        assert!(explanation.contains("para 5"), "{explanation}");
    }

    #[test]
    fn a_scenario_s_figures_are_the_model_s_only_while_it_is_the_model_s() {
        let read = |scenario: &Scenario| scenario_provenance(scenario).mark(Lang::En);
        check(read(&Scenario::default()), "model");
        // Para 5's slippage is a lever the member set: its figures are the scenario's.
        let para5 = Scenario { slippage: Slippage { enabled: true, ..Slippage::default() }, ..Scenario::default() };
        assert_eq!(scenario_provenance(&para5), Provenance::Scenario);
        check(scenario_provenance(&para5).mark(Lang::Zh), "情景");
        let half =
            Scenario { slippage: Slippage { enabled: true, share: Decimal::new(5, 1), quarters: 1 }, ..para5.clone() };
        check(read(&half), "scenario");
        check(read(&Scenario { cost_change_pct: Decimal::ONE, ..para5 }), "scenario");
    }

    #[test]
    fn percent_shares_add_up_to_a_hundred() {
        let read = |counts: &[u64]| percent_shares(counts).into_iter().map(percent).collect::<Vec<_>>().join(" ");
        check(read(&[4, 3, 2, 1]), "40.0% 30.0% 20.0% 10.0%");
        check(read(&[1, 1, 1]), "33.4% 33.3% 33.3%");
        check(read(&[2, 1]), "66.7% 33.3%");
        check(read(&[0, 0]), "0.0% 0.0%");
        check(read(&[9_999, 1]), "100.0% 0.0%");
        check(read(&[u64::MAX, u64::MAX]), "50.0% 50.0%");
    }

    #[test]
    fn the_simulation_and_the_table_ignore_the_slippage_lever() {
        let mut scenario = Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() };
        scenario.slippage = Slippage { enabled: true, share: Decimal::ONE, quarters: 3 };
        let seen = without_slippage_levers(&scenario);
        assert_eq!(seen.slippage, Slippage::default());
        assert_eq!(seen.cost_change_pct, Decimal::TEN);
    }
}
