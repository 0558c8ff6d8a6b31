//! Why the engine refused a scenario, in words a member can act on, in both
//! languages. The shell shows this on every screen while the scenario stands, and the
//! screens keep showing the last scenario that could be projected, saying so.

use crate::lang::{Bilingual, Lang};
use blockvote_model::engine::{DataError, EngineError, LeverError, ScheduleError};

/// The engine's refusal, worded for the member.
pub fn engine_error(error: &EngineError) -> Bilingual {
    match error {
        EngineError::Data(data) => data_error(data),
        EngineError::Lever(LeverError::OutOfRange { field, value, min, max }) => Bilingual::new(
            format!("調節「{field}」為 {value}，須介乎 {min} 至 {max}。"),
            format!("The lever {field} is {value}; it must be between {min} and {max}."),
        ),
        EngineError::Lever(LeverError::FloorAboveCeiling { floor, ceiling }) => Bilingual::new(
            format!("下限（{floor} 百萬元）不可高於上限（{ceiling} 百萬元）。"),
            format!("The floor (HK${floor}M) must not be above the ceiling (HK${ceiling}M)."),
        ),
        EngineError::Lever(LeverError::NotWhole { field, value }) => Bilingual::new(
            format!("調節「{field}」為 {value}，須為整數。"),
            format!("The lever {field} is {value}; it must be a whole number."),
        ),
        EngineError::Schedule(ScheduleError::OutOfRange { id }) => Bilingual::new(
            format!("項目 {id} 會被移出本工具支援的年份（1990-91 至 2199-00 年度）。"),
            format!("Project {id} would move outside the supported years (1990-91 to 2199-00)."),
        ),
        EngineError::Apportion(error) => Bilingual::new(
            format!("無法把一個金額分配至各季：{error}。"),
            format!("An amount could not be split into quarters: {error}."),
        ),
        EngineError::MonteCarlo(setting) => Bilingual::new(
            format!("模擬設定「{}」不可用：{}。", setting.field, setting.problem),
            format!("The simulation setting {} cannot be used: {}.", setting.field, setting.problem),
        ),
        EngineError::Sensitivity(setting) => Bilingual::new(
            format!("敏感度表設定「{}」不可用：{}。", setting.field, setting.problem),
            format!("The sensitivity setting {} cannot be used: {}.", setting.field, setting.problem),
        ),
        EngineError::Overflow { what } => Bilingual::new(
            format!("數字太大，無法計算（{what}）。"),
            format!("The figures are too large to compute ({what})."),
        ),
    }
}

fn data_error(error: &DataError) -> Bilingual {
    match error {
        DataError::BudgetOutOfRange { id, budget } => Bilingual::new(
            format!("項目 {id} 的預算為 {budget}，超出 0 至 1,000,000,000 百萬元。"),
            format!("Project {id} has a budget of {budget}, outside 0 to HK$1,000,000,000M."),
        ),
        DataError::CompletionBeforeStart { id } => Bilingual::new(
            format!("項目 {id} 的完成日期早於開展日期。"),
            format!("Project {id} completes before it starts."),
        ),
        DataError::StartsBeforeBudgetYear { id } => Bilingual::new(
            format!("項目 {id} 在預算年度之前開展。"),
            format!("Project {id} starts before the budget year."),
        ),
        DataError::DuplicateId { id } => {
            Bilingual::new(format!("有兩個項目的編號同為 {id}。"), format!("Two projects have the number {id}."))
        }
        DataError::AmountOutOfRange { what, amount } => Bilingual::new(
            format!("{what} 為 {amount}，超出 0 至 1,000,000,000 百萬元。"),
            format!("{what} is {amount}, outside 0 to HK$1,000,000,000M."),
        ),
    }
}

/// The sentence that heads the refusal on every screen.
pub fn refused_heading(lang: Lang) -> &'static str {
    lang.pick(
        "此情景無法計算，下列數字仍是上一個可計算情景的結果：",
        "This scenario cannot be worked out, so the figures below are still those of the last scenario that could be:",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(error: EngineError, expected: &str) {
        assert_eq!(engine_error(&error).en, expected);
    }

    #[test]
    fn refusals_in_words() {
        check(
            EngineError::Lever(LeverError::FloorAboveCeiling { floor: "50.0".into(), ceiling: "0.0".into() }),
            "The floor (HK$50.0M) must not be above the ceiling (HK$0.0M).",
        );
        check(
            EngineError::Schedule(ScheduleError::OutOfRange { id: 7 }),
            "Project 7 would move outside the supported years (1990-91 to 2199-00).",
        );
        check(EngineError::Overflow { what: "a total" }, "The figures are too large to compute (a total).");
    }
}
