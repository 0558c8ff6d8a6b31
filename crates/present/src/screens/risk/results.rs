//! What a finished simulation shows: its stamp (seed, runs, settings, time), whether
//! it repeats the previous run exactly, the table of percentiles per year beside the
//! deterministic scenario, the percentiles in words, the chance that 2018-19 needs
//! less or more than the allocation the paper proposes, and the quarterly chart with
//! the simulated range.

use super::slippage::lever_words;
use super::{percent_shares, scenario_provenance, Sentence};
use crate::cash::{quarter_chart, quarters_of_either, QuarterChart};
use crate::charts::{Column, QuarterColumns};
use crate::format::{count, millions, quarter_axis, quarter_text, seconds, share_percent, year_text};
use crate::lang::{l, Label, Lang};
use crate::paper::Printed;
use crate::provenance::{Basis, Figure, Provenance, Value};
use blockvote_model::engine::{MonteCarloSettings, MonteCarloSummary, Projection, Scenario, Stats};
use blockvote_model::money::format_decimal;
use blockvote_model::{Dataset, FiscalYear, Money};
use std::sync::Arc;

/// A finished simulation and what produced it.
#[derive(Clone, Debug, PartialEq)]
pub struct SimulationRun {
    pub summary: Arc<MonteCarloSummary>,
    pub settings: MonteCarloSettings,
    /// The scenario simulated, without its slippage lever (see
    /// [`super::without_slippage_levers`]).
    pub scenario: Scenario,
    /// Which run this was in this visit: it grows with every run started.
    pub number: u64,
    /// From preparation to summary, in ms.
    pub elapsed_ms: f64,
    /// The longest single slice of work (runs, summary or preparation), in ms: the
    /// longest the page waited.
    pub longest_slice_ms: f64,
}

impl SimulationRun {
    /// True when the scenario (without its slippage lever) or the settings changed
    /// after this run, so its figures are not the current settings' figures.
    pub fn is_stale(&self, scenario: &Scenario, settings: &MonteCarloSettings) -> bool {
        self.scenario != *scenario || self.settings != *settings
    }
}

pub const EMPTY: Label = l(
    "按「執行模擬」以填入下表及圖中的 P10 至 P90 範圍。",
    "Press Run to fill the table and the P10–P90 range on the chart.",
);

pub const STALE: Label = l(
    "已過時：執行後情景或模擬設定已改變，以下數字並非目前設定的結果。請再按「執行模擬」。",
    "Out of date: the scenario or the settings changed after this run, so these figures are not for the current settings. Press Run again.",
);

/// `Seed 12345 · 2,000 runs · probability late 32.9% · weights 4 : 3 : 2 : 1 · no overruns · took 0.12 s`.
pub fn stamp(run: &SimulationRun, lang: Lang) -> String {
    let settings = &run.settings;
    let overrun = match (&settings.overrun, lang) {
        (None, Lang::Zh) => "不計超支".to_string(),
        (None, Lang::En) => "no overruns".to_string(),
        (Some(o), Lang::Zh) => format!("超支機率 {}，{}% 至 {}%", share_percent(o.probability), o.min_pct, o.max_pct),
        (Some(o), Lang::En) => {
            format!("overruns {} likely, {}% to {}%", share_percent(o.probability), o.min_pct, o.max_pct)
        }
    };
    let weights = settings.delay_weights.iter().map(u32::to_string).collect::<Vec<_>>().join(" : ");
    let (seed, runs, late) = (run.summary.seed, count(run.summary.runs_done), share_percent(settings.late_probability));
    let took = seconds(run.elapsed_ms, lang);
    match lang {
        Lang::Zh => format!("種子 {seed} · {runs} 次模擬 · 延誤機率 {late} · 權重 {weights} · {overrun} · 用時 {took}"),
        Lang::En => {
            format!("Seed {seed} · {runs} runs · probability late {late} · weights {weights} · {overrun} · took {took}")
        }
    }
}

/// How this run compares with the previous one: identical when the inputs were, as
/// they must be; otherwise the previous run's 2018-19 P50 and P90 for reference.
pub fn determinism(current: &SimulationRun, previous: &SimulationRun, lang: Lang) -> String {
    let same_inputs = previous.settings == current.settings && previous.scenario == current.scenario;
    let seed = current.summary.seed;
    if same_inputs && previous.summary == current.summary {
        return match lang {
            Lang::Zh => format!("與上一次以相同種子（{seed}）及設定執行的結果完全相同。"),
            Lang::En => {
                format!("Identical, figure for figure, to the previous run with the same seed ({seed}) and settings.")
            }
        };
    }
    if same_inputs {
        return l(
            "與上一次相同設定的結果不同（不應發生，請報告）。",
            "Differs from the previous run with the same settings (this should not happen; please report it).",
        )
        .get(lang)
        .to_string();
    }
    let by = previous.summary.budget_year_total;
    let (seed, runs) = (previous.summary.seed, count(previous.summary.runs_done));
    match lang {
        Lang::Zh => format!(
            "上一次（種子 {seed}，{runs} 次）：2018-19 年度 P50 {}、P90 {}。",
            millions(by.p50),
            millions(by.p90)
        ),
        Lang::En => format!(
            "Previous run (seed {seed}, {runs} runs): 2018-19 P50 {}, P90 {}.",
            millions(by.p50),
            millions(by.p90)
        ),
    }
}

/// A column heading, with what the column includes of slippage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub text: String,
    pub slippage: String,
}

/// One row of the results: a year (or 2018-19's new projects alone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultRow {
    /// `2018-19` … for a year, `new` for 2018-19's new projects.
    pub key: String,
    pub label: String,
    /// The scenario's deterministic figure (`None` while it cannot be projected).
    pub deterministic: Option<Figure>,
    pub p10: Figure,
    pub p50: Figure,
    pub p90: Figure,
    pub mean: Figure,
}

/// The table of simulated percentiles beside the deterministic scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsTable {
    pub caption: String,
    pub year: String,
    pub deterministic: Heading,
    pub deterministic_provenance: Provenance,
    /// What the four simulated columns include of slippage (one note over all four).
    pub simulated: String,
    /// Whose the simulated figures are ([`simulation_provenance`]).
    pub simulated_provenance: Provenance,
    /// P10, P50 (median), P90, mean.
    pub percentiles: [String; 4],
    pub rows: Vec<ResultRow>,
    pub new_projects: ResultRow,
    /// `On average 83.5 of the 254 new projects were late per run.`
    pub late_mean: String,
}

/// Whose a run's figures are: the model's for the paper's scenario simulated with the
/// settings blockvote starts with (para 5's share late, its delays, seed and runs),
/// the member's once their levers or settings moved them (a 10 % cost rise took the
/// simulated 2018-19 from HK$1,032.5M to HK$953.7M, still marked "model").
pub fn simulation_provenance(run: &SimulationRun) -> Provenance {
    let changed = run.scenario != Scenario::default() || run.settings != MonteCarloSettings::default();
    Provenance::worked_out(Basis::Simulation, changed)
}

/// A figure of a run whose figures are `whose`'s ([`simulation_provenance`]).
fn simulated(value: Value, whose: &Provenance) -> Figure {
    Figure::model_or_scenario(value, whose)
}

fn row(
    key: String,
    label: String,
    deterministic: Option<Money>,
    stats: &Stats,
    provenance: &Provenance,
    whose: &Provenance,
) -> ResultRow {
    let simulated = |amount: Money| simulated(Value::Millions(amount), whose);
    ResultRow {
        key,
        label,
        deterministic: deterministic.map(|amount| Figure::model_or_scenario(Value::Millions(amount), provenance)),
        p10: simulated(stats.p10),
        p50: simulated(stats.p50),
        p90: simulated(stats.p90),
        mean: simulated(stats.mean),
    }
}

/// The results table of `run`, beside `projection` of `scenario` (the scenario as
/// set, its slippage lever included).
pub fn results_table(
    run: &SimulationRun,
    scenario: &Scenario,
    projection: Option<&Projection>,
    baseline: Option<&Projection>,
    lang: Lang,
) -> ResultsTable {
    let provenance = scenario_provenance(scenario);
    let whose = simulation_provenance(run);
    // Each year's deterministic figure as the cash flow's year table shows it
    // (`shown_years`), never a second rounding of the same figure.
    let shown_years = projection.map(|p| crate::cash::shown_years_of(p, baseline));
    let year_total = |year: FiscalYear| {
        shown_years
            .as_ref()
            .map(|years| years.iter().find(|(y, _)| *y == year).map(|(_, shown)| shown.total).unwrap_or(Money::ZERO))
    };
    let rows = run
        .summary
        .years
        .iter()
        .map(|y| row(y.year.label(), year_text(y.year, lang), year_total(y.year), &y.stats, &provenance, &whose))
        .collect();
    let new_projects = row(
        "new".to_string(),
        l("2018-19 年度：只計新項目", "2018-19, new projects only").get(lang).to_string(),
        projection.map(|p| crate::cash::shown_budget_year(p).new),
        &run.summary.budget_year_new,
        &provenance,
        &whose,
    );
    let includes = match (scenario.slippage.enabled, lang) {
        (true, Lang::Zh) => format!("計入延誤調節：{}（期望值）", lever_words(&scenario.slippage, lang)),
        (true, Lang::En) => {
            format!("with the slippage lever: {} (expected value)", lever_words(&scenario.slippage, lang))
        }
        (false, _) => l("不計延誤（延誤調節關閉）", "no slippage (the lever is off)").get(lang).to_string(),
    };
    let p = share_percent(run.settings.late_probability);
    let summary = &run.summary;
    ResultsTable {
        caption: l("每年現金需求（進行中 + 新項目，百萬元）", "Cash need per year (ongoing + new, HK$M)")
            .get(lang)
            .to_string(),
        year: l("財政年度", "Financial year").get(lang).to_string(),
        deterministic: Heading {
            text: l("情景（確定值）", "Scenario (deterministic)").get(lang).to_string(),
            slippage: includes,
        },
        deterministic_provenance: provenance,
        simulated_provenance: whose,
        simulated: match lang {
            Lang::Zh => format!("模擬抽出的延誤：每個項目以機率 {p} 延誤 1 至 4 季"),
            Lang::En => format!("simulated lateness: each project late with probability {p}, by 1 to 4 quarters"),
        },
        percentiles: [
            "P10".to_string(),
            l("P50（中位數）", "P50 (median)").get(lang).to_string(),
            "P90".to_string(),
            l("平均", "Mean").get(lang).to_string(),
        ],
        rows,
        new_projects,
        late_mean: match lang {
            Lang::Zh => format!(
                "每次模擬平均有 {} 個（共 {} 個）新項目延誤。",
                format_decimal(summary.mean_late_projects, 1),
                summary.project_count
            ),
            Lang::En => format!(
                "On average {} of the {} new projects were late per run.",
                format_decimal(summary.mean_late_projects, 1),
                summary.project_count
            ),
        },
    }
}

/// 2018-19's percentiles in words: "in 9 of 10 simulated years 2018-19 needs no more
/// than HK$…".
pub fn percentiles_in_words(run: &SimulationRun, lang: Lang) -> Sentence {
    let whose = simulation_provenance(run);
    let by = run.summary.budget_year_total;
    let template = lang.pick(
        "每 10 個模擬年度中，有 9 個 2018-19 年度所需不超過 {$}（P90）；一半不超過 {$}（P50，中位數）；只有 1 個不超過 {$}（P10）。",
        "In 9 of 10 simulated years 2018-19 needs no more than {$} (P90); in half of them no more than {$} (P50, the median); in 1 of 10, no more than {$} (P10).",
    );
    Sentence::fill(template, [by.p90, by.p50, by.p10].map(|amount| simulated(Value::Millions(amount), &whose)))
}

/// The figure the simulation counts 2018-19 against: the allocation para 6 prints.
pub fn allocation(data: &Dataset) -> Option<Money> {
    Printed::AllocationProposed.figure(data).and_then(|figure| figure.money())
}

/// The chance that 2018-19 needs less than the allocation the paper proposes (part of
/// it left unspent) and more, from the same runs, counted exactly; `None` if the runs were not
/// counted against this dataset's allocation.
pub fn against_allocation(run: &SimulationRun, data: &Dataset, lang: Lang) -> Option<Sentence> {
    let (summary, whose) = (&run.summary, simulation_provenance(run));
    let voted = Printed::AllocationProposed.figure(data)?;
    let counts = summary.budget_year_against.filter(|counts| Some(counts.threshold) == voted.money())?;
    let runs = count(summary.runs_done);
    let shares = percent_shares(&[u64::from(counts.below), u64::from(counts.equal), u64::from(counts.above)]);
    // `percent_shares` gives one share per count, so the three indices below are
    // always there; the zero is never shown.
    let share = |index: usize| simulated(Value::Percent(shares.get(index).copied().unwrap_or_default()), &whose);
    let runs_figure = |n: u32| simulated(Value::Count(u64::from(n)), &whose);
    let mean = summary.budget_year_total.mean.round_to(1);
    let gap = counts.threshold.round_to(1).checked_sub(mean).unwrap_or_default();
    let gap_figure = simulated(Value::Millions(Money::from_millions(gap.millions().abs())), &whose);
    let template = match lang {
        Lang::Zh => format!(
            "與文件建議的 2018-19 年度整體撥款 {{$}} 比較：{runs} 個模擬年度中，有 {{}} 個（{{}}）所需少於撥款，即部分撥款不會用完；有 {{}} 個（{{}}）所需多於撥款。"
        ),
        Lang::En => format!(
            "Against the 2018-19 block allocation the paper proposes, {{$}}: in {{}} of the {runs} simulated years ({{}}) the year needs less, so part of the allocation would be left unspent; in {{}} ({{}}) it needs more than the allocation."
        ),
    };
    let mut sentence =
        Sentence::fill(&template, [voted, runs_figure(counts.below), share(0), runs_figure(counts.above), share(2)]);
    if counts.equal > 0 {
        let exactly = lang.pick("剛好等於撥款的有 {} 個（{}）。", " Exactly the allocation: {} ({}).");
        sentence = sentence.then(Sentence::fill(exactly, [runs_figure(counts.equal), share(1)]));
    }
    let mean_words = match (lang, gap.is_negative()) {
        (Lang::Zh, false) => "模擬平均所需 {$}，比撥款少 {$}。",
        (Lang::Zh, true) => "模擬平均所需 {$}，比撥款多 {$}。",
        (Lang::En, false) => " On average the simulated year needs {$}, {$} less than the allocation.",
        (Lang::En, true) => " On average the simulated year needs {$}, {$} more than the allocation.",
    };
    Some(sentence.then(Sentence::fill(mean_words, [simulated(Value::Millions(mean), &whose), gap_figure])))
}

/// The quarterly chart: the model baseline and the scenario per quarter (shared with
/// the cash flow screen), with the simulated P10–P90 range over the scenario's column.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskChart {
    pub chart: QuarterChart,
    /// The whisker's legend name, when there is a simulation to draw.
    pub range_name: Option<String>,
}

pub fn risk_chart(
    projection: &Projection,
    baseline: &Projection,
    summary: Option<&MonteCarloSummary>,
    stale: bool,
    lang: Lang,
) -> RiskChart {
    let mut chart = quarter_chart(projection, baseline, lang);
    chart.title = l(
        "每季現金需求：模型基線、情景及模擬範圍",
        "Cash need per quarter: model baseline, scenario and simulated range",
    )
    .get(lang)
    .to_string();
    chart.description = l(
        "每季兩條柱：模型基線（按附件 B 校準，不計延誤；虛線框）及情景（計入已開啟的延誤調節；實線框），各分為進行中項目（實心）及新項目（斜線）；直線為模擬的 P10 至 P90 範圍，單位百萬元。文件沒有按季的數字。",
        "Two columns a quarter: the model baseline (calibrated to Annex B, no slippage; dashed outline) and the scenario (with the slippage lever, if on; solid outline), each split into ongoing (solid) and new projects (hatched); the vertical line is the simulated P10–P90 range, HK$ million. The paper gives no quarterly figures.",
    )
    .get(lang)
    .to_string();
    let Some(summary) = summary else {
        return RiskChart { chart, range_name: None };
    };
    let range_text = |(low, high): (Money, Money)| match lang {
        Lang::Zh => format!("；模擬 P10 至 P90：{} 至 {}", millions(low), millions(high)),
        Lang::En => format!("; simulated P10–P90: {} to {}", millions(low), millions(high)),
    };
    let shown = quarters_of_either(projection, baseline);
    for (quarter, columns) in shown.iter().zip(chart.quarters.iter_mut()) {
        let range = summary.quarters.iter().find(|q| q.quarter == *quarter).map(|q| (q.stats.p10, q.stats.p90));
        if let Some(range) = range {
            columns.description.push_str(&range_text(range));
            columns.range = Some(range);
        }
    }
    // A late project can reach past the scenario's last quarter: those quarters have
    // no deterministic cash, only the simulated range.
    for q in summary.quarters.iter().filter(|q| !shown.contains(&q.quarter)) {
        let range = (q.stats.p10, q.stats.p90);
        let zero = || Column { segments: vec![Money::ZERO, Money::ZERO] };
        chart.quarters.push(QuarterColumns {
            label: quarter_axis(q.quarter, lang),
            description: match lang {
                Lang::Zh => {
                    format!("{}：模型基線及情景均為 0.0{}（百萬元）", quarter_text(q.quarter, lang), range_text(range))
                }
                Lang::En => format!(
                    "{}: model baseline and scenario 0.0{} (HK$M)",
                    quarter_text(q.quarter, lang),
                    range_text(range)
                ),
            },
            columns: vec![zero(), zero()],
            range: Some(range),
        });
    }
    let range_name = if stale {
        l("模擬 P10–P90（已過時）", "Simulated P10–P90 (out of date)")
    } else {
        l("模擬 P10–P90", "Simulated P10–P90")
    };
    RiskChart { chart, range_name: Some(range_name.get(lang).to_string()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::risk::tests::{engine, paper, project};
    use crate::screens::risk::without_slippage_levers;
    use blockvote_model::engine::{MonteCarlo, OverrunSettings, Slippage};
    use rust_decimal::Decimal;

    fn run(scenario: &Scenario, settings: MonteCarloSettings) -> SimulationRun {
        let engine = engine();
        let threshold = allocation(&paper()).unwrap_or_default();
        let summary = MonteCarlo::with_engine(&engine, scenario, &settings)
            .map(|simulation| simulation.comparing_budget_year_with(threshold).finish())
            .unwrap_or_else(|error| panic!("{error}"));
        SimulationRun {
            summary: Arc::new(summary),
            settings,
            scenario: without_slippage_levers(scenario),
            number: 1,
            elapsed_ms: 1234.0,
            longest_slice_ms: 6.0,
        }
    }

    fn small(runs: u32, seed: u64) -> MonteCarloSettings {
        MonteCarloSettings { runs, seed, ..MonteCarloSettings::default() }
    }

    #[track_caller]
    fn check(actual: String, expected: &str) {
        assert_eq!(actual, expected);
    }

    #[test]
    fn the_default_simulation_in_words() {
        let result = run(&Scenario::default(), MonteCarloSettings::default());
        check(
            stamp(&result, Lang::En),
            "Seed 710 · 10,000 runs · probability late 32.9% · weights 4 : 3 : 2 : 1 · no overruns · took 1.23 s",
        );
        check(
            stamp(&result, Lang::Zh),
            "種子 710 · 10,000 次模擬 · 延誤機率 32.9% · 權重 4 : 3 : 2 : 1 · 不計超支 · 用時 1.23 秒",
        );
        check(
            percentiles_in_words(&result, Lang::En).read(Lang::En),
            "In 9 of 10 simulated years 2018-19 needs no more than HK$1,032.5M [model] (P90); in half of them no \
             more than HK$1,018.1M [model] (P50, the median); in 1 of 10, no more than HK$1,002.3M [model] (P10).",
        );
        check(
            percentiles_in_words(&result, Lang::Zh).read(Lang::Zh),
            "每 10 個模擬年度中，有 9 個 2018-19 年度所需不超過 1,032.5 百萬元 [模型]（P90）；一半不超過 1,018.1 百萬元 \
             [模型]（P50，中位數）；只有 1 個不超過 1,002.3 百萬元 [模型]（P10）。",
        );
        // The status says the run finished, and a screen reader hears the percentiles.
        let status = crate::screens::risk::simulation::SimulationStatus::finished(&result);
        check(status.text(Lang::En), "Finished: 10,000 runs; the results are below.");
        check(
            status.spoken(Lang::En).to_string(),
            "In 9 of 10 simulated years 2018-19 needs no more than HK$1,032.5M (P90); in half of them no more than \
             HK$1,018.1M (P50, the median); in 1 of 10, no more than HK$1,002.3M (P10).",
        );
        check(status.text(Lang::Zh), "模擬完成：10,000 次；結果見下。");
        check(
            status.spoken(Lang::Zh).to_string(),
            "每 10 個模擬年度中，有 9 個 2018-19 年度所需不超過 1,032.5 百萬元（P90）；一半不超過 1,018.1 百萬元（P50，中位數）；\
             只有 1 個不超過 1,002.3 百萬元（P10）。",
        );
        check(
            against_allocation(&result, &paper(), Lang::En).map(|s| s.read(Lang::En)).unwrap_or_default(),
            "Against the 2018-19 block allocation the paper proposes, about HK$1,060M [para 6]: in 10,000 [model] of \
             the 10,000 simulated years (100.0% [model]) the year needs less, so part of the allocation would be left \
             unspent; in 0 [model] (0.0% [model]) it needs more than the allocation. On average the simulated year needs \
             HK$1,017.7M [model], HK$42.3M [model] less than the allocation.",
        );
    }

    /// A run of the member's scenario, or with their settings, gives their figures: the
    /// same words, marked scenario, in the sentences and the table alike.
    #[test]
    fn a_run_of_the_members_scenario_or_settings_is_theirs() {
        let marks = |result: &SimulationRun| {
            let table = results_table(result, &result.scenario, None, None, Lang::En);
            let words = percentiles_in_words(result, Lang::En).read(Lang::En);
            let kinds =
                [&table.simulated_provenance, table.rows[0].p50.provenance(), table.new_projects.mean.provenance()]
                    .map(|provenance| provenance.mark(Lang::En));
            (kinds.join(" "), words.matches("[scenario]").count(), words.matches("[model]").count())
        };
        let paper = run(&Scenario::default(), small(200, 1));
        let dearer = run(&Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() }, small(200, 1));
        assert_eq!(marks(&paper).0, "scenario scenario scenario", "200 runs are the member's setting");
        let default = run(&Scenario::default(), MonteCarloSettings::default());
        assert_eq!(marks(&default).0, "model model model");
        assert!(simulation_provenance(&default).explanation(Lang::En).contains("simulation"));
        assert_eq!(marks(&dearer), ("scenario scenario scenario".to_string(), 3, 0));
    }

    #[test]
    fn overruns_can_make_2018_19_need_more_than_the_allocation() {
        let overruns = MonteCarloSettings {
            overrun: Some(OverrunSettings { probability: Decimal::new(9, 1), min_pct: 20, max_pct: 60 }),
            ..small(2_000, 7)
        };
        let result = run(&Scenario::default(), overruns);
        let counts = result.summary.budget_year_against.unwrap_or_else(|| panic!("counted"));
        assert_eq!(counts.below + counts.equal + counts.above, 2_000);
        assert!(counts.above > 0, "{counts:?}");
        let sentence = against_allocation(&result, &paper(), Lang::Zh).map(|s| s.read(Lang::Zh)).unwrap_or_default();
        // Overruns are the member's setting, so the figures are theirs.
        let above = format!("有 {} [情景] 個（", count(counts.above));
        assert!(sentence.contains(&above), "{sentence}");
        // The shares shown add up to 100%: 1,917 of 2,000 is 95.85%, and the half
        // tenth goes to the earlier share (83 of 2,000, 4.15%).
        assert_eq!((counts.below, counts.above), (83, 1_917));
        assert!(sentence.contains("（4.2% [情景]）") && sentence.contains("（95.8% [情景]）"), "{sentence}");
    }

    #[test]
    fn the_table_says_which_columns_include_slippage() {
        let result = run(&Scenario::default(), small(500, 1));
        let engine = engine();
        let scenario = Scenario { slippage: Slippage { enabled: true, ..Slippage::default() }, ..Scenario::default() };
        let projection = project(&engine, &scenario);
        let table = results_table(&result, &scenario, Some(&projection), None, Lang::En);
        check(
            table.deterministic.slippage.clone(),
            "with the slippage lever: 32.9% late by 1 quarter, after para 5's record: 69 of 210 returns late (expected value)",
        );
        check(
            table.simulated.clone(),
            "simulated lateness: each project late with probability 32.9%, by 1 to 4 quarters",
        );
        // Para 5's slippage is a lever the member set: the scenario's, as on the
        // cash-flow screen.
        check(table.deterministic_provenance.mark(Lang::En), "scenario");
        let first = table.rows.first().unwrap_or_else(|| panic!("a year"));
        check(first.key.clone(), "2018-19");
        check(first.deterministic.as_ref().map(|f| f.text(Lang::En)).unwrap_or_default(), "1,028.0");
        // 500 runs are the member's setting: the simulated figures are theirs too.
        check(first.p50.provenance().mark(Lang::En), "scenario");
        let off = results_table(&result, &Scenario::default(), Some(&projection), None, Lang::Zh);
        check(off.deterministic.slippage, "不計延誤（延誤調節關閉）");
        assert!(table.late_mean.starts_with("On average "), "{}", table.late_mean);
    }

    #[test]
    fn a_run_repeats_exactly_and_goes_stale_when_its_inputs_change() {
        let first = run(&Scenario::default(), small(300, 42));
        let again = SimulationRun { number: 2, ..run(&Scenario::default(), small(300, 42)) };
        check(
            determinism(&again, &first, Lang::En),
            "Identical, figure for figure, to the previous run with the same seed (42) and settings.",
        );
        let other = run(&Scenario::default(), small(300, 43));
        assert!(determinism(&other, &first, Lang::En).starts_with("Previous run (seed 42, 300 runs): 2018-19 P50 "));
        assert!(!first.is_stale(&Scenario::default(), &small(300, 42)));
        assert!(first.is_stale(&Scenario::default(), &small(300, 43)));
        let dearer = Scenario { cost_change_pct: Decimal::ONE, ..Scenario::default() };
        assert!(first.is_stale(&dearer, &small(300, 42)));
    }

    #[test]
    fn the_chart_draws_the_simulated_range_over_every_quarter_it_reaches() {
        let engine = engine();
        let baseline = project(&engine, &Scenario::default());
        let result = run(&Scenario::default(), small(300, 5));
        let chart = risk_chart(&baseline, &baseline, Some(&result.summary), false, Lang::En);
        assert_eq!(chart.chart.quarters.len(), result.summary.quarters.len());
        assert!(chart.chart.quarters.iter().all(|q| q.range.is_some()));
        assert_eq!(chart.chart.column_names, ["Model baseline (calibrated to Annex B)", "Scenario"]);
        check(chart.range_name.unwrap_or_default(), "Simulated P10–P90");
        let first = chart.chart.quarters.first().map(|q| q.description.clone()).unwrap_or_default();
        assert!(first.contains("; simulated P10–P90: "), "{first}");
        let stale = risk_chart(&baseline, &baseline, Some(&result.summary), true, Lang::Zh);
        check(stale.range_name.unwrap_or_default(), "模擬 P10–P90（已過時）");
        assert_eq!(risk_chart(&baseline, &baseline, None, false, Lang::En).range_name, None);
    }
}
