//! Goal seek: the figure to aim at and the lever to move (both by stable key), the
//! target field, and the answer in words: the lever's value, the figure it gives and
//! how far from the target, or why no value of the lever reaches it.

use crate::fields::{money_field, FieldSpec};
use crate::format::{millions_signed, money_with_unit};
use crate::lang::{l, Label, Lang};
use crate::refusal::engine_error;
use crate::words::{lever_label, lever_value, metric_label};
use blockvote_model::engine::{GoalSeekError, GoalSeekResult, Lever, Metric};
use blockvote_model::money::MAX_INPUT_MILLIONS;
use blockvote_model::Money;
use rust_decimal::Decimal;

pub const HEADING: Label = l("目標求解", "Goal seek");
pub const NOTE: Label = l(
    "選擇一個調節和目標，blockvote 以二分法求出達到目標所需的數值（其他調節保持不變）。套用前，目標和所選調節只在本頁開啟期間保留，連結和已儲存的情景不會帶上。",
    "Choose a lever and a target; blockvote finds by bisection the lever value that reaches it (other levers stay as they are). Until it is applied, the target and the lever chosen last while this page is open; a link and a saved scenario do not carry them.",
);
pub const METRIC_LABEL: Label = l("目標數字", "Figure");
pub const LEVER_LABEL: Label = l("調節", "Lever");
pub const SOLVE: Label = l("求解", "Solve");
pub const APPLY: Label = l("套用到情景", "Apply to the scenario");

/// The target the solver starts with: HK$1,000M.
pub const DEFAULT_TARGET: i64 = 1000;

/// The target, in HK$M.
pub fn target_field() -> FieldSpec<Money> {
    money_field(l("目標", "Target"), Money::ZERO, Money::from_whole_millions(MAX_INPUT_MILLIONS))
}

/// A choice in a select: its stable key (the form value) and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice<T> {
    pub value: T,
    pub key: &'static str,
    pub label: Label,
}

pub fn metric_options() -> Vec<Choice<Metric>> {
    Metric::GOAL_SEEK.into_iter().map(|value| Choice { value, key: value.key(), label: metric_label(value) }).collect()
}

pub fn lever_options() -> Vec<Choice<Lever>> {
    Lever::ALL.into_iter().map(|value| Choice { value, key: value.key(), label: lever_label(value) }).collect()
}

/// The answer of a goal seek, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalAnswer {
    /// The lever's value reaches the target; `value` is what "apply" sets.
    Found { sentence: String, value: Decimal },
    /// No value reaches it, or the scenario cannot be projected.
    Refused { sentence: String },
}

/// The answer of `outcome` in the reader's language.
pub fn answer(outcome: &Result<GoalSeekResult, GoalSeekError>, lang: Lang) -> GoalAnswer {
    match outcome {
        Ok(found) => {
            let lever = lever_label(found.lever).get(lang);
            let value = lever_value(found.lever, found.value, lang);
            let (achieved, target) = (money_with_unit(found.achieved, lang), money_with_unit(found.target, lang));
            let off = millions_signed(found.residual);
            let sentence = match lang {
                Lang::Zh => format!("{lever} = {value}，得出 {achieved}（目標 {target}，相差 {off}）。"),
                Lang::En => format!("{lever} = {value} gives {achieved} (target {target}, off by {off})."),
            };
            GoalAnswer::Found { sentence, value: found.value }
        }
        Err(GoalSeekError::Unreachable { lowest, highest }) => GoalAnswer::Refused {
            sentence: match lang {
                Lang::Zh => format!(
                    "此調節無法達到目標：在其範圍內，該數字只可介乎 {} 至 {}。",
                    money_with_unit(*lowest, lang),
                    money_with_unit(*highest, lang)
                ),
                Lang::En => format!(
                    "No value of this lever reaches the target: across its range the figure only spans {} to {}.",
                    money_with_unit(*lowest, lang),
                    money_with_unit(*highest, lang)
                ),
            },
        },
        Err(GoalSeekError::Engine { error }) => {
            GoalAnswer::Refused { sentence: engine_error(error).get(lang).to_string() }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::cashflow::tests::paper;
    use blockvote_model::engine::{goal_seek, Engine, GoalSeek, Scenario};

    #[track_caller]
    fn check(lever: &str, metric: &str, target: i64, lang: Lang, expected: &str) {
        let data = paper();
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let (Some(lever), Some(metric)) = (Lever::from_key(lever), Metric::from_key(metric)) else { panic!("keys") };
        let goal = GoalSeek { lever, metric, target: Money::from_whole_millions(target) };
        let shown = match answer(&goal_seek(&engine, &Scenario::default(), &goal), lang) {
            GoalAnswer::Found { sentence, .. } | GoalAnswer::Refused { sentence } => sentence,
        };
        assert_eq!(shown, expected);
    }

    #[test]
    fn answers_in_words() {
        check(
            "cost_change_pct",
            "budget_year_total",
            1050,
            Lang::En,
            "Cost change, all new projects = -4.1152% gives HK$1,050.0M (target HK$1,050.0M, off by 0.0).",
        );
        check(
            "cost_change_pct",
            "budget_year_total",
            10,
            Lang::En,
            "No value of this lever reaches the target: across its range the figure only spans HK$817.0M to HK$3,490.0M.",
        );
        assert!(metric_options().iter().all(|o| Metric::from_key(o.key) == Some(o.value)));
        assert!(lever_options().iter().all(|o| Lever::from_key(o.key) == Some(o.value)));
    }
}
