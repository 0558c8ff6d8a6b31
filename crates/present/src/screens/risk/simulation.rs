//! The Monte Carlo's settings as a member sets them, and the words around them.
//!
//! One source of truth for lateness: the simulation's probability that a project is
//! late starts from the share late of the slippage lever above it, and follows it,
//! until the member types another probability into the simulation's own field. Then
//! the screen says the two differ and offers to make them the same again.

use super::results::{percentiles_in_words, SimulationRun};
use super::{late_share_figure, Sentence};
use crate::fields::{int_in, runs_in, seed_in, share_in, write_share, FieldError, FieldSpec};
use crate::format::{count, percent, quarters_count, share_percent};
use crate::lang::{l, Bilingual, Label, Lang};
use crate::paper::{Indicator, Para5Column, Printed};
use crate::refusal::engine_error;
use crate::words::UNIT_PERCENT;
use blockvote_model::engine::monte_carlo::{MAX_DELAY_QUARTERS, MAX_OVERRUN_PCT};
use blockvote_model::engine::{EngineError, MonteCarloSettings, OverrunSettings, SimulationChoices, Slippage};
use blockvote_model::money::format_decimal;
use blockvote_model::Dataset;
use rust_decimal::Decimal;

pub const HEADING: Label = l("蒙地卡羅模擬", "Monte Carlo simulation");

pub const EXPLANATION: Label = l(
    "模擬則逐個項目抽樣：每次模擬中，每個新項目以機率 p 延誤。p 預設為上面延誤調節的延誤比例 s（第 5 段為 69/210），兩者一致；你亦可在下面另設 p。延誤的項目按下列權重延遲 1 至 4 季完成，開始日期不變，預算分攤至較長的期間。亦可選擇加入成本超支；第 5 段顯示全部 210 份報表均匯報項目按預算完成，故預設不計超支。模擬多次後，列出每季及每年現金需求的第 10、50（中位數）及 90 百分位。同一種子必定得出相同結果，因此結果可完全重現。模擬以情景的時間表為起點，但不計上面的期望值延誤（模擬自行抽樣延誤）。",
    "The simulation draws lateness project by project instead: in each run every new project is late with probability p. p starts as the share late s of the slippage lever above (para 5's 69/210 by default), so the two agree; you may set another p below. A late project finishes 1 to 4 quarters later, drawn with the weights below; it keeps its start and its budget is spread over the longer time. Cost overruns can be added; all 210 of para 5's returns report their projects completed within budget, so they are off by default. After many runs, the 10th, 50th (median) and 90th percentiles of each quarter's and each year's cash need show the range. The same seed always gives the same runs, so a result can be reproduced exactly. The simulation starts from the scenario's schedules without the expected-value slippage above (it draws lateness itself).",
);

pub const SETTINGS: Label = l("模擬設定", "Settings");
pub const WEIGHTS: Label = l("延誤季數的相對權重", "Relative weights of the delay");
pub const ADD_OVERRUNS: Label = l("加入成本超支", "Add cost overruns");
pub const RUN: Label = l("執行模擬", "Run");
pub const CANCEL: Label = l("取消", "Cancel");
pub const DEFAULTS: Label = l("還原預設設定", "Default settings");
pub const PROGRESS: Label = l("模擬進度", "Simulation progress");

/// What the member set for the simulation. Kept while they visit other screens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimulationInputs {
    pub seed: u64,
    pub runs: u32,
    /// The probability that a project is late, if the member typed one here; `None`
    /// follows the slippage lever's share late.
    pub late_probability: Option<Decimal>,
    pub delay_weights: [u32; MAX_DELAY_QUARTERS],
    pub overrun_on: bool,
    /// Kept while overruns are off, so switching them back on restores them.
    pub overrun: OverrunSettings,
}

impl Default for SimulationInputs {
    fn default() -> Self {
        let settings = MonteCarloSettings::default();
        SimulationInputs {
            seed: settings.seed,
            runs: settings.runs,
            late_probability: None,
            delay_weights: settings.delay_weights,
            overrun_on: false,
            overrun: OverrunSettings::default(),
        }
    }
}

impl SimulationInputs {
    /// The probability the simulation uses: the member's own, or the lever's share.
    pub fn late_probability(&self, lever: &Slippage) -> Decimal {
        self.late_probability.unwrap_or(lever.share)
    }

    /// Sets the simulation's own probability; the lever's share itself means
    /// "follow the lever" again.
    pub fn set_late_probability(&mut self, probability: Decimal, lever: &Slippage) {
        self.late_probability = (probability != lever.share).then_some(probability);
    }

    /// True while the probability is not the lever's share.
    pub fn differs_from_lever(&self, lever: &Slippage) -> bool {
        self.late_probability(lever) != lever.share
    }

    /// The engine's settings for these inputs under the slippage lever `lever`.
    pub fn settings(&self, lever: &Slippage) -> MonteCarloSettings {
        self.choices().settings(lever.share)
    }

    /// The simulation these inputs set up, as a link and a saved scenario carry it:
    /// the overrun's settings only while overruns are on.
    pub fn choices(&self) -> SimulationChoices {
        SimulationChoices {
            seed: self.seed,
            runs: self.runs,
            late_probability: self.late_probability,
            delay_weights: self.delay_weights,
            overrun: self.overrun_on.then(|| self.overrun.clone()),
        }
    }

    /// The inputs that set up `choices`, or the defaults for none (a link or a saved
    /// scenario that sets up no simulation). Overruns turned off keep the settings
    /// the member last gave them, so turning them on again restores those.
    pub fn set_up(&self, choices: Option<&SimulationChoices>) -> SimulationInputs {
        let Some(choices) = choices else {
            return SimulationInputs { overrun: self.overrun.clone(), ..SimulationInputs::default() };
        };
        SimulationInputs {
            seed: choices.seed,
            runs: choices.runs,
            late_probability: choices.late_probability,
            delay_weights: choices.delay_weights,
            overrun_on: choices.overrun.is_some(),
            overrun: choices.overrun.clone().unwrap_or_else(|| self.overrun.clone()),
        }
    }
}

/// The simulation's probability-late field.
pub fn late_field() -> FieldSpec<Decimal> {
    FieldSpec::new(l("延誤機率 p（0 至 1）", "Probability late, p (0 to 1)"), share_in, write_share)
        .full_keyboard(true)
        .help(l("預設跟隨上面的延誤比例 s；在此輸入可另設", "Follows the share late s above; type here to set another"))
}

pub fn runs_field() -> FieldSpec<u32> {
    FieldSpec::new(l("模擬次數", "Runs"), runs_in, |runs: &u32| runs.to_string())
        .help(l("1 至 100,000", "1 to 100,000"))
}

pub fn seed_field() -> FieldSpec<u64> {
    FieldSpec::new(l("種子", "Seed"), seed_in, |seed: &u64| seed.to_string()).help(l(
        "預設 710（基本工程儲備基金總目 710）；同一種子，同一結果",
        "Default 710 (CWRF Head 710); same seed, same result",
    ))
}

/// The weight of a delay of `index + 1` quarters; `others` gives the sum of the other
/// weights now, since at least one weight must stay above zero.
pub fn weight_field(index: usize, others: impl Fn() -> u32 + Send + Sync + 'static) -> FieldSpec<u32> {
    let label = match index {
        0 => l("延誤 1 季", "1 quarter late"),
        1 => l("延誤 2 季", "2 quarters late"),
        2 => l("延誤 3 季", "3 quarters late"),
        _ => l("延誤 4 季", "4 quarters late"),
    };
    let read = |text: &str| Ok(whole(int_in(text, 0, 1_000, None)?));
    FieldSpec::new(label, read, |weight: &u32| weight.to_string()).refusing(others, |weight, others| {
        (*weight == 0 && others == 0)
            .then(|| FieldError::new("至少一個權重須大於 0", "At least one weight must be above 0"))
    })
}

pub fn overrun_probability_field() -> FieldSpec<Decimal> {
    FieldSpec::new(l("超支機率（0 至 1）", "Probability of an overrun (0 to 1)"), share_in, write_share)
        .full_keyboard(true)
}

/// The smallest overrun in %, which may not exceed the largest (`upper`, read now).
pub fn overrun_min_field(upper: impl Fn() -> u32 + Send + Sync + 'static) -> FieldSpec<u32> {
    FieldSpec::new(l("超支最少", "Overrun from"), overrun_pct, |value: &u32| value.to_string())
        .unit(UNIT_PERCENT)
        .refusing(upper, |value, upper| {
            (*value > upper).then(|| FieldError::new("不可大於最多超支", "Cannot exceed the upper end"))
        })
}

/// The largest overrun in %, which may not be below the smallest (`lower`, read now).
pub fn overrun_max_field(lower: impl Fn() -> u32 + Send + Sync + 'static) -> FieldSpec<u32> {
    FieldSpec::new(l("超支最多", "Overrun up to"), overrun_pct, |value: &u32| value.to_string())
        .unit(UNIT_PERCENT)
        .refusing(lower, |value, lower| {
            (*value < lower).then(|| FieldError::new("不可小於最少超支", "Cannot be below the lower end"))
        })
}

/// An overrun in whole per cent, up to the engine's largest.
fn overrun_pct(text: &str) -> Result<u32, FieldError> {
    Ok(whole(int_in(text, 0, i64::from(MAX_OVERRUN_PCT), Some(UNIT_PERCENT))?))
}

/// A whole number the reader already bounded to `0..=1,000`.
fn whole(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

/// Where the simulation's probability comes from, and whether it differs from the
/// slippage lever's share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LateSource {
    pub sentence: Sentence,
    pub differs: bool,
    /// The button that makes the simulation follow the lever again.
    pub follow_lever: String,
    /// The button that sets the lever to the simulation's probability.
    pub set_lever: String,
}

pub fn late_source(inputs: &SimulationInputs, lever: &Slippage, lang: Lang) -> LateSource {
    let p = inputs.late_probability(lever);
    let differs = inputs.differs_from_lever(lever);
    let (p_figure, s_figure) = (late_share_figure(p), late_share_figure(lever.share));
    let template = match (differs, lever.enabled) {
        (false, true) => lang.pick("= {}，即上面延誤調節的延誤比例 s。", "= {}, the share late s of the slippage lever above."),
        (false, false) => lang.pick(
            "= {}，即上面延誤調節的延誤比例 s（調節現時關閉，確定值不計延誤；模擬仍會抽出延誤）。",
            "= {}, the share late s of the slippage lever above (the lever is off, so the deterministic figures assume no slippage; the simulation still draws lateness).",
        ),
        (true, _) => lang.pick(
            "= {}，與上面延誤調節的延誤比例 s（{}）不同：模擬與確定值假設的延誤並不一樣。",
            "= {}, not the share late s of the slippage lever above ({}): the simulated and the deterministic figures assume different lateness.",
        ),
    };
    let sentence = Sentence::fill(template, [p_figure, s_figure]);
    let (p_text, s_text) = (share_percent(p), share_percent(lever.share));
    LateSource {
        sentence,
        differs,
        follow_lever: match lang {
            Lang::Zh => format!("改用延誤調節的 {s_text}"),
            Lang::En => format!("Use the lever's {s_text} here"),
        },
        set_lever: match lang {
            Lang::Zh => format!("把延誤調節設為 {p_text}"),
            Lang::En => format!("Set the lever to {p_text}"),
        },
    }
}

/// `= 40.0% : 30.0% : 20.0% : 10.0%`, adding up to 100%.
pub fn weight_shares(weights: &[u32; MAX_DELAY_QUARTERS]) -> String {
    let counts: Vec<u64> = weights.iter().map(|weight| u64::from(*weight)).collect();
    let shares = super::percent_shares(&counts);
    format!("= {}", shares.into_iter().map(percent).collect::<Vec<_>>().join(" : "))
}

/// The delay distribution in words, compared with the slippage lever's one delay of
/// `lever_quarters`.
pub fn delay_words(weights: &[u32; MAX_DELAY_QUARTERS], lever_quarters: u32, lang: Lang) -> String {
    let counts: Vec<u64> = weights.iter().map(|weight| u64::from(*weight)).collect();
    let shares = super::percent_shares(&counts);
    let parts: Vec<String> = shares
        .iter()
        .zip(1_i64..)
        .filter(|(share, _)| !share.is_zero())
        .map(|(share, quarters)| match lang {
            Lang::Zh => format!("{} 佔 {}", quarters_count(quarters, lang), percent(*share)),
            Lang::En => format!("{} in {}", quarters_count(quarters, lang), percent(*share)),
        })
        .collect();
    let total: u64 = counts.iter().sum();
    let weighted: u64 = counts.iter().zip(1_u64..).map(|(weight, quarters)| weight * quarters).sum();
    let mean = if total == 0 { Decimal::ZERO } else { Decimal::from(weighted) / Decimal::from(total) };
    let mean = format_decimal(mean, 1);
    let default = *weights == MonteCarloSettings::default().delay_weights;
    let lever_delay = quarters_count(i64::from(lever_quarters), lang);
    match lang {
        Lang::Zh => format!(
            "延誤的項目：{}；平均延誤 {mean} 季。{}上面的延誤調節則假設每個延誤項目都延誤 {lever_delay}。",
            parts.join("、"),
            if default {
                "文件沒有延誤分布，4 : 3 : 2 : 1 是本工具的假設：短延誤較常見。"
            } else {
                "文件沒有延誤分布；這些權重由你設定（本工具預設 4 : 3 : 2 : 1）。"
            },
        ),
        Lang::En => format!(
            "A late project is late by {}: {mean} quarters on average. {}The slippage lever above puts every late project {lever_delay} late.",
            join_english(&parts),
            if default {
                "The paper gives no distribution; 4 : 3 : 2 : 1 is blockvote's assumption that short delays are more common. "
            } else {
                "The paper gives no distribution; these weights are yours (blockvote's default is 4 : 3 : 2 : 1). "
            },
        ),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_english(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Why overruns are off by default, citing para 5.
pub fn overrun_note(data: &Dataset, lang: Lang) -> Option<Sentence> {
    let within = Printed::Performance { indicator: Indicator::Budget, column: Para5Column::Met }.figure(data)?;
    let template = lang.pick(
        "（預設不計：第 5 段全部 {} 份報表均匯報項目按預算完成）",
        "(off by default: all {} of para 5's returns report projects within budget)",
    );
    Some(Sentence::fill(template, [within]))
}

/// `2,000 / 10,000`.
pub fn progress_text(done: u32, total: u32) -> String {
    format!("{} / {}", count(done), count(total))
}

/// Where a simulation stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SimulationStatus {
    #[default]
    Idle,
    Running,
    Cancelled {
        done: u32,
        total: u32,
    },
    Failed(Bilingual),
    /// A run finished: how many runs, and its 2018-19 percentiles in words, which a
    /// screen reader hears (the screen shows them in the results below).
    Finished {
        runs: u32,
        spoken: Bilingual,
    },
}

impl SimulationStatus {
    /// The engine refused the settings or the scenario.
    pub fn refused(error: &EngineError) -> SimulationStatus {
        SimulationStatus::Failed(engine_error(error))
    }

    /// The dataset could not be prepared, so there is nothing to simulate.
    pub fn no_engine() -> SimulationStatus {
        SimulationStatus::Failed(Bilingual::new(
            "資料無法計算，因此不能模擬。",
            "The data cannot be projected, so there is nothing to simulate.",
        ))
    }

    /// A run finished: said with its percentiles, so that a member who cannot see
    /// the results appear below hears them.
    pub fn finished(run: &SimulationRun) -> SimulationStatus {
        let spoken = |lang| percentiles_in_words(run, lang).plain(lang);
        SimulationStatus::Finished {
            runs: run.summary.runs_done,
            spoken: Bilingual::new(spoken(Lang::Zh), spoken(Lang::En)),
        }
    }

    /// The status line (empty when idle).
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (SimulationStatus::Idle, _) => String::new(),
            (SimulationStatus::Finished { runs, .. }, Lang::Zh) => format!("模擬完成：{} 次；結果見下。", count(*runs)),
            (SimulationStatus::Finished { runs, .. }, Lang::En) => {
                format!("Finished: {} runs; the results are below.", count(*runs))
            }
            (SimulationStatus::Running, Lang::Zh) => "模擬進行中；頁面仍可使用。".to_string(),
            (SimulationStatus::Running, Lang::En) => "Running; the page stays usable meanwhile.".to_string(),
            (SimulationStatus::Cancelled { done, total }, Lang::Zh) => {
                format!("已於 {} 次取消；下列仍為上一次完成的結果。", progress_text(*done, *total))
            }
            (SimulationStatus::Cancelled { done, total }, Lang::En) => format!(
                "Cancelled at {}; the results below are still the last completed run's.",
                progress_text(*done, *total)
            ),
            (SimulationStatus::Failed(reason), Lang::Zh) => format!("無法執行模擬：{}", reason.get(lang)),
            (SimulationStatus::Failed(reason), Lang::En) => {
                format!("The simulation could not run: {}", reason.get(lang))
            }
        }
    }

    /// The state's name, for the page (`data-state`) and its tests.
    pub fn key(&self) -> &'static str {
        match self {
            SimulationStatus::Idle => "idle",
            SimulationStatus::Running => "running",
            SimulationStatus::Cancelled { .. } => "cancelled",
            SimulationStatus::Failed(_) => "failed",
            SimulationStatus::Finished { .. } => "finished",
        }
    }

    /// What a screen reader hears after the status line, which the screen shows
    /// elsewhere (a finished run's percentiles); empty otherwise.
    pub fn spoken(&self, lang: Lang) -> &str {
        match self {
            SimulationStatus::Finished { spoken, .. } => spoken.get(lang),
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the panel sets up is what a link carries, and a link's simulation sets
    /// the panel up again, whatever was in it before.
    #[test]
    fn the_inputs_set_up_what_a_link_carries_and_back() {
        let check = |change: fn(&mut SimulationInputs), expected: SimulationChoices| {
            let mut inputs = SimulationInputs::default();
            change(&mut inputs);
            assert_eq!(inputs.choices(), expected);
            let before = SimulationInputs { runs: 7, overrun_on: true, ..SimulationInputs::default() };
            assert_eq!(before.set_up(Some(&expected)).choices(), expected);
        };
        check(|_| {}, SimulationChoices::default());
        check(|i| i.seed = 42, SimulationChoices::with_seed(42));
        // Overruns turned off carry nothing of their settings.
        check(|i| i.overrun.max_pct = 30, SimulationChoices::default());
        check(
            |i| {
                i.runs = 500;
                i.late_probability = Some(Decimal::new(5, 1));
                i.delay_weights = [7, 3, 2, 1];
                i.overrun_on = true;
            },
            SimulationChoices {
                runs: 500,
                late_probability: Some(Decimal::new(5, 1)),
                delay_weights: [7, 3, 2, 1],
                overrun: Some(OverrunSettings::default()),
                ..SimulationChoices::default()
            },
        );
        // No simulation sets up the defaults, keeping the overrun settings put away.
        let put_away = OverrunSettings { max_pct: 30, ..OverrunSettings::default() };
        let before = SimulationInputs { runs: 7, overrun: put_away.clone(), ..SimulationInputs::default() };
        assert_eq!(before.set_up(None), SimulationInputs { overrun: put_away, ..SimulationInputs::default() });
    }
    use crate::screens::risk::tests::paper;
    use blockvote_model::engine::para5_late_share;

    #[track_caller]
    fn check(actual: String, expected: &str) {
        assert_eq!(actual, expected);
    }

    fn lever(enabled: bool, share: Decimal, quarters: u32) -> Slippage {
        Slippage { enabled, share, quarters }
    }

    #[test]
    fn the_simulation_follows_the_lever_until_told_otherwise() {
        let mut inputs = SimulationInputs::default();
        let para5 = lever(true, para5_late_share(), 1);
        assert_eq!(inputs.settings(&para5), MonteCarloSettings::default());
        let half = lever(true, Decimal::new(5, 1), 1);
        assert_eq!(inputs.settings(&half).late_probability, Decimal::new(5, 1), "follows the lever");
        inputs.set_late_probability(Decimal::new(4, 1), &half);
        assert_eq!(inputs.settings(&half).late_probability, Decimal::new(4, 1));
        assert!(inputs.differs_from_lever(&half));
        // Typing the lever's own share follows the lever again.
        inputs.set_late_probability(Decimal::new(5, 1), &half);
        assert_eq!(inputs.late_probability, None);
        inputs.overrun_on = true;
        assert_eq!(inputs.settings(&half).overrun, Some(OverrunSettings::default()));
    }

    #[test]
    fn the_screen_says_where_p_comes_from_and_when_it_differs() {
        let mut inputs = SimulationInputs::default();
        let para5 = lever(true, para5_late_share(), 1);
        let read =
            |inputs: &SimulationInputs, lever: &Slippage, lang| late_source(inputs, lever, lang).sentence.read(lang);
        check(read(&inputs, &para5, Lang::En), "= 32.9% [model], the share late s of the slippage lever above.");
        check(read(&inputs, &para5, Lang::Zh), "= 32.9% [模型]，即上面延誤調節的延誤比例 s。");
        let off = lever(false, para5_late_share(), 1);
        assert!(read(&inputs, &off, Lang::En).contains("the lever is off"));
        inputs.set_late_probability(Decimal::new(4, 1), &para5);
        let source = late_source(&inputs, &para5, Lang::En);
        assert!(source.differs);
        check(
            source.sentence.read(Lang::En),
            "= 40.0% [scenario], not the share late s of the slippage lever above (32.9% [model]): the simulated \
             and the deterministic figures assume different lateness.",
        );
        check(source.follow_lever, "Use the lever's 32.9% here");
        check(source.set_lever, "Set the lever to 40.0%");
        check(late_source(&inputs, &para5, Lang::Zh).set_lever, "把延誤調節設為 40.0%");
    }

    #[test]
    fn the_delay_distribution_in_words() {
        let para5 = lever(true, para5_late_share(), 1);
        check(
            delay_words(&[4, 3, 2, 1], para5.quarters, Lang::En),
            "A late project is late by 1 quarter in 40.0%, 2 quarters in 30.0%, 3 quarters in 20.0% and 4 quarters \
             in 10.0%: 2.0 quarters on average. The paper gives no distribution; 4 : 3 : 2 : 1 is blockvote's \
             assumption that short delays are more common. The slippage lever above puts every late project 1 \
             quarter late.",
        );
        check(
            delay_words(&[0, 1, 0, 0], 3, Lang::Zh),
            "延誤的項目：2 季 佔 100.0%；平均延誤 2.0 季。文件沒有延誤分布；這些權重由你設定（本工具預設 4 : 3 : 2 : 1）。\
             上面的延誤調節則假設每個延誤項目都延誤 3 季。",
        );
        check(weight_shares(&[1, 1, 1, 0]), "= 33.4% : 33.3% : 33.3% : 0.0%");
    }

    #[test]
    fn fields_refuse_what_the_engine_would() {
        let read = |spec: FieldSpec<u32>, text: &str| match (spec.read)(text) {
            Ok(value) => (spec.write)(&value),
            Err(error) => format!("error: {}", error.get(Lang::En)),
        };
        check(read(weight_field(0, || 0), "0"), "error: At least one weight must be above 0");
        check(read(weight_field(0, || 3), "0"), "0");
        check(read(weight_field(3, || 3), "1001"), "error: Must be between 0 and 1,000");
        check(read(overrun_min_field(|| 20), "25"), "error: Cannot exceed the upper end");
        check(read(overrun_max_field(|| 5), "4"), "error: Cannot be below the lower end");
        check(read(runs_field(), "2,000"), "2000");
        let seed = seed_field();
        check(
            (seed.read)("12x").err().map(|e| e.get(Lang::En).to_string()).unwrap_or_default(),
            "The seed must be a whole number from 0 to 18,446,744,073,709,551,615",
        );
    }

    #[test]
    fn status_lines_in_both_languages() {
        check(SimulationStatus::Idle.text(Lang::En), "");
        check(
            SimulationStatus::Cancelled { done: 1_234, total: 100_000 }.text(Lang::En),
            "Cancelled at 1,234 / 100,000; the results below are still the last completed run's.",
        );
        check(SimulationStatus::Running.text(Lang::Zh), "模擬進行中；頁面仍可使用。");
        let note = overrun_note(&paper(), Lang::En).map(|s| s.read(Lang::En)).unwrap_or_default();
        check(note, "(off by default: all 210 [para 5] of para 5's returns report projects within budget)");
        let note = overrun_note(&paper(), Lang::Zh).map(|s| s.read(Lang::Zh)).unwrap_or_default();
        check(note, "（預設不計：第 5 段全部 210 [第 5 段] 份報表均匯報項目按預算完成）");
    }
}
