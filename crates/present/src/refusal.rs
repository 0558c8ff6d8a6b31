//! Why the engine refused a scenario, in words a member can act on, in both
//! languages. The shell shows this on every screen while the scenario stands, and the
//! screens keep showing the last scenario that could be projected, saying so.

use crate::format::{count, percent_signed_to, percent_to, quarters_count, with_money_unit};
use crate::lang::{capitalised, l, Bilingual, Label, Lang};
use crate::storage::not_in_data;
use crate::words::{lever_label, UNIT_QUARTERS};
use blockvote_model::engine::monte_carlo::{MAX_OVERRUN_PCT, MAX_RUNS};
use blockvote_model::engine::sensitivity::MAX_TABLE_VALUES;
use blockvote_model::engine::{
    ApportionError, DataError, EngineError, EngineWarning, Lever, LeverError, ScheduleError, SettingError,
};
use blockvote_model::known::{NotInData, MAX_NAMED_ABSENT};
use blockvote_model::money::format_decimal;
use rust_decimal::Decimal;

/// The engine's refusal, worded for the member.
pub fn engine_error(error: &EngineError) -> Bilingual {
    match error {
        EngineError::Data(data) => data_error(data),
        EngineError::Lever(lever) => {
            let said = lever_error(lever);
            Bilingual::new(format!("{}。", said.zh), format!("{}.", capitalised(&said.en)))
        }
        EngineError::Schedule(ScheduleError::OutOfRange { id }) => Bilingual::new(
            format!("項目 {id} 會被移出本工具支援的年份（1990-91 至 2199-00 年度）。"),
            format!("Project {id} would move outside the supported years (1990-91 to 2199-00)."),
        ),
        EngineError::Apportion(error) => {
            let reason = match error {
                ApportionError::NegativeAmount => "金額為負數",
                ApportionError::NoWeights => "沒有可按其分配的比例",
                ApportionError::Overflow => "金額太大",
            };
            Bilingual::new(
                format!("無法把一個金額分配至各季：{reason}。"),
                format!("An amount could not be split into quarters: {error}."),
            )
        }
        EngineError::MonteCarlo(setting) | EngineError::Sensitivity(setting) => setting_error(*setting),
        // `what` names the total in the engine's English; the Chinese says no less
        // than that a total overflowed, and keeps English out of a Chinese sentence.
        EngineError::Overflow { what } => Bilingual::new(
            "數字太大，無法計算（某個總數超出可計算範圍）。".to_string(),
            format!("The figures are too large to compute ({what})."),
        ),
    }
}

/// A simulation or sensitivity setting the engine refused. The screens' fields refuse
/// these before the engine sees them, so the member meets them only through a tool
/// asked for more than it allows or a scenario too large to simulate.
fn setting_error(error: SettingError) -> Bilingual {
    let (zh, en): (String, String) = match error {
        SettingError::Runs => (
            format!("模擬次數須介乎 1 至 {}。", count(MAX_RUNS)),
            format!("The number of runs must be between 1 and {}.", count(MAX_RUNS)),
        ),
        SettingError::LateProbability => {
            ("延誤機率 p 須介乎 0 至 1。".into(), "The probability late, p, must be between 0 and 1.".into())
        }
        SettingError::NoDelayWeight => (
            "延誤季數的相對權重最少要有一個大於 0。".into(),
            "At least one of the delay's relative weights must be above 0.".into(),
        ),
        SettingError::OverrunRange => (
            format!("超支幅度須由低至高，最多 {MAX_OVERRUN_PCT}%。"),
            format!("The overrun's range must run from low to high, up to {MAX_OVERRUN_PCT}%."),
        ),
        SettingError::OverrunProbability => {
            ("超支機率須介乎 0 至 1。".into(), "The probability of an overrun must be between 0 and 1.".into())
        }
        SettingError::TooLargeToSimulate => {
            ("此情景的金額太大，無法模擬。".into(), "This scenario's amounts are too large to simulate.".into())
        }
        SettingError::TableValues { .. } | SettingError::TornadoLevers => (
            format!("敏感度表每邊須有 1 至 {MAX_TABLE_VALUES} 個數值。"),
            format!("A sensitivity table needs 1 to {MAX_TABLE_VALUES} values on each side."),
        ),
        SettingError::CellOutsideTable => {
            ("所選的格不在敏感度表內。".into(), "The chosen cell is outside the sensitivity table.".into())
        }
        SettingError::CountAsGoal => (
            "目標值只可以是金額，不可以是項目數目。".into(),
            "A goal seek's target must be an amount, not a count.".into(),
        ),
    };
    Bilingual::new(zh, en)
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

/// A lever the engine refused, as a clause (the English in lower case, no full stop),
/// for the refusal on screen and for a scenario an import or an offline copy brought:
/// the lever named as the member knows it ([`scenario_part`]), its value and range in
/// the member's units ([`Unit`]).
pub fn lever_error(error: &LeverError) -> Bilingual {
    match error {
        LeverError::OutOfRange { field, value, min, max } => {
            let (name, unit) = lever_named(field);
            let (value, range) = (unit.text(value), unit.between(min, max));
            Bilingual::new(
                format!("{}為 {}，{}", name.zh, value.zh, range.zh),
                format!("{} is {}; {}", name.en, value.en, range.en),
            )
        }
        LeverError::FloorAboveCeiling { floor, ceiling } => {
            let [floor, ceiling] = [floor, ceiling].map(|amount| Unit::Money.text(amount));
            Bilingual::new(
                format!("下限（{}）不可高於上限（{}）", floor.zh, ceiling.zh),
                format!("the floor ({}) must not be above the ceiling ({})", floor.en, ceiling.en),
            )
        }
        LeverError::NotWhole { field, value } => {
            let (name, unit) = lever_named(field);
            let value = unit.text(value);
            Bilingual::new(
                format!("{}為 {}，須為整數", name.zh, value.zh),
                format!("{} is {}; it must be a whole number", name.en, value.en),
            )
        }
    }
}

/// `調節「延誤項目比例」` / `the lever “Share of projects late”`, and how its values
/// are written; a path [`scenario_part`] does not know is "one of the levers".
fn lever_named(path: &str) -> (Bilingual, Unit) {
    match scenario_part(path) {
        Some((name, unit)) => {
            (Bilingual::new(format!("調節「{}」", name.zh), format!("the lever “{}”", name.en)), unit)
        }
        None => (l("其中一項調節", "one of the scenario's levers").into(), Unit::Number),
    }
}

/// How a lever's value is written: in the member's units, with the decimals the app
/// writes, or more when the value has more (a refused `-0.0000001` is not `-0.0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// HK$ millions: `-HK$1.0M` / `-1.0 百萬元`.
    Money,
    /// A signed percentage: `+5,000.0%`.
    Percent,
    /// A share from 0 to 1, as a percentage: `150.0%`.
    Share,
    /// `41 quarters` / `41 季`.
    Quarters,
    /// A plain number: `1.5`.
    Number,
}

impl Unit {
    fn of(lever: Lever) -> Unit {
        match lever {
            Lever::SlipShare | Lever::OnTimeRate => Unit::Share,
            Lever::SlipQuarters => Unit::Quarters,
            Lever::CostChangePct => Unit::Percent,
            Lever::OngoingAmount | Lever::Cap => Unit::Money,
            Lever::Retention | Lever::AllocationScale => Unit::Number,
        }
    }

    /// `value` written in this unit, in both languages.
    pub fn write(self, value: Decimal) -> Bilingual {
        // At least `usual` decimals, more only when the value has more.
        let places = |value: Decimal, usual: u32| value.normalize().scale().max(usual);
        let same = |text: String| Bilingual::new(text.clone(), text);
        match self {
            Unit::Money => {
                let amount = format_decimal(value, places(value, 1));
                Bilingual::new(with_money_unit(&amount, Lang::Zh), with_money_unit(&amount, Lang::En))
            }
            Unit::Percent => same(percent_signed_to(value, places(value, 1))),
            Unit::Share => {
                let percent = value.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(value);
                same(percent_to(percent, places(percent, 1)))
            }
            Unit::Quarters => match i64::try_from(value) {
                Ok(whole) if Decimal::from(whole) == value => {
                    Bilingual::new(quarters_count(whole, Lang::Zh), quarters_count(whole, Lang::En))
                }
                _ => {
                    let number = format_decimal(value, places(value, 0));
                    Bilingual::new(format!("{number} {}", UNIT_QUARTERS.zh), format!("{number} {}", UNIT_QUARTERS.en))
                }
            },
            Unit::Number => same(format_decimal(value, places(value, 0))),
        }
    }

    /// A number the engine gave as text (`-1.000000`, `1,000,000,000`) written in
    /// this unit; text that is not a number as it is.
    fn text(self, text: &str) -> Bilingual {
        match text.replace(',', "").parse::<Decimal>() {
            Ok(value) => self.write(value),
            Err(_) => Bilingual::new(text, text),
        }
    }

    /// The range a value must be in, from `min` to `max` as the engine gives them
    /// (`-40`, `1,000,000,000`), as a clause: `須介乎 0 至 40 季` / `it must be between
    /// 0 and 40 quarters` (a count of quarters says its unit once, after the second).
    pub fn between(self, min: &str, max: &str) -> Bilingual {
        let low = match self {
            Unit::Quarters => Bilingual::new(min, min),
            _ => self.text(min),
        };
        let high = self.text(max);
        Bilingual::new(
            format!("須介乎 {} 至 {}", low.zh, high.zh),
            format!("it must be between {} and {}", low.en, high.en),
        )
    }
}

/// The lists of a scenario, whose items a path names by place (`groups[0]`), what
/// the member calls an item, and, for a list whose items edit one project or
/// category, what the member calls that project or category, which a path names by
/// its id where it can (`projects[id=17]`, `blockvote_model::engine::item_by_id`).
const LISTS: [(&str, Label, Option<Label>); 3] = [
    ("groups", l("組別調整", "group edit"), None),
    ("projects", l("個別項目調整", "project edit"), Some(PROJECT_NUMBER)),
    ("allocation.categories", l("開支類別調整", "category edit"), Some(CATEGORY)),
];

/// What a project is called by its number, before the number: `項目編號 17` /
/// `project No. 17`, wherever a message names one project.
pub const PROJECT_NUMBER: Label = l("項目編號", "project No.");
/// What an Annex A category is called by its id, before the id: `類別 2` / `category
/// 2`, as a link's problems name it.
pub const CATEGORY: Label = l("類別", "category");

/// The parts of a scenario that are not one of the model's [`Lever`]s, by their path
/// (in an item of a list, by their path in the item, `edit.` left out), named as the
/// screens name them.
const PARTS: [(&str, Label, Unit); 18] = [
    ("delegation.ceiling", l("財委會審批上限", "Finance Committee ceiling"), Unit::Money),
    ("delegation.floor", l("部門自行審批下限", "Departmental floor"), Unit::Money),
    ("delegation", l("審批門檻", "Thresholds"), Unit::Number),
    ("allocation.scale_to", l("按比例調整的目標總額", "Target total to scale to"), Unit::Money),
    ("allocation", l("撥款分配", "Allocation"), Unit::Number),
    ("slippage.enabled", l("延誤開關", "Slippage on or off"), Unit::Number),
    ("slippage", l("延誤", "Slippage"), Unit::Number),
    ("cap.rule", l("延後次序", "Deferral rule"), Unit::Number),
    ("default_profile", l("開支模式", "Spend profile"), Unit::Number),
    ("profile", l("開支模式", "Spend profile"), Unit::Number),
    ("defer_quarters", l("延後季數", "Deferral"), Unit::Quarters),
    ("extend_quarters", l("延長季數", "Extension"), Unit::Quarters),
    ("budget", l("預算", "Budget"), Unit::Money),
    ("amount", l("金額", "Amount"), Unit::Money),
    ("exclude", l("剔除", "Left out"), Unit::Number),
    ("select", l("項目組別", "Selection"), Unit::Number),
    ("locked", l("鎖定", "Lock"), Unit::Number),
    ("id", l("編號", "Number"), Unit::Number),
];

/// A part of a scenario named by its path (as the engine names levers and the reader
/// names a value it refused: `cost_change_pct`, `groups[0].edit.defer_quarters`,
/// `projects[id=17].edit.budget`, `allocation.categories[id=2].amount`) or by a
/// [`Lever`]'s key, in the member's words, with the unit its values are written in:
/// 「所有新項目成本變動」 / “Cost change, all new projects”, 「第 1 項組別調整的延後季數」
/// / “Deferral of group edit 1”, 「項目編號 17 的延後季數」 / “Deferral of project No.
/// 17”. An edit of a project or a category is named by the project or category where
/// the path gives its id, by its place in the list otherwise. `None` for a path it
/// does not know.
pub fn scenario_part(path: &str) -> Option<(Bilingual, Unit)> {
    for (list, item, edited) in LISTS {
        let Some(rest) = path.strip_prefix(list) else { continue };
        if rest.is_empty() {
            // The list itself.
            return Some((Bilingual::new(item.zh, format!("{}s", capitalised(item.en))), Unit::Number));
        }
        let (within, rest) = rest.strip_prefix('[')?.split_once(']')?;
        // What the member calls the item (the English in lower case), and how its part
        // is joined to it in Chinese.
        let by_id = within.strip_prefix("id=");
        let (zh, en, of) = match (by_id, edited) {
            (Some(id), Some(edited)) => {
                let id = id.parse::<u64>().ok()?;
                (format!("{} {id}", edited.zh), format!("{} {id}", edited.en), " 的")
            }
            (Some(_), None) => return None,
            (None, _) => {
                let n = within.parse::<usize>().ok()?.checked_add(1)?;
                (format!("第 {n} 項{}", item.zh), format!("{} {n}", item.en), "的")
            }
        };
        let rest = rest.strip_prefix(".edit").unwrap_or(rest);
        if rest.is_empty() {
            // The item itself: an edit named by what it edits is "the edit of" it.
            let name = match by_id {
                Some(_) => Bilingual::new(format!("{zh}{of}調整"), format!("Edit of {en}")),
                None => Bilingual::new(zh, capitalised(&en)),
            };
            return Some((name, Unit::Number));
        }
        let (part, unit) = named(rest.strip_prefix('.')?)?;
        return Some((Bilingual::new(format!("{zh}{of}{}", part.zh), format!("{} of {en}", part.en)), unit));
    }
    named(path).map(|(label, unit)| (label.into(), unit))
}

/// A field of a scenario, or of an item of its lists, by its path there.
fn named(path: &str) -> Option<(Label, Unit)> {
    let lever = match path {
        "slippage.share" => Lever::SlipShare,
        "slippage.quarters" => Lever::SlipQuarters,
        "ongoing_budget_year" => Lever::OngoingAmount,
        "cap.amount" | "cap" => Lever::Cap,
        key => match Lever::from_key(key) {
            Some(lever) => lever,
            None => return PARTS.iter().find(|(part, ..)| *part == path).map(|(_, label, unit)| (*label, *unit)),
        },
    };
    Some((lever_label(lever), Unit::of(lever)))
}

/// The sentence that heads the refusal on every screen.
pub fn refused_heading(lang: Lang) -> &'static str {
    lang.pick(
        "此情景無法計算，下列數字仍是上一個可計算情景的結果：",
        "This scenario cannot be worked out, so the figures below are still those of the last scenario that could be:",
    )
}

/// Above the list of the scenario's edits that change nothing on the data shown.
pub const EDITS_WITHOUT_EFFECT_HEADING: Label = Label::new(
    "此情景有部分修改在顯示現時的資料時不會改變任何數字，因為資料中沒有它們所適用的內容。這些修改仍保留在情景中，在有這些內容的資料上會再次生效：",
    "Some edits of this scenario change nothing while this data is shown, because the data has nothing they apply to. They stay in the scenario, and apply again on data that has what they name:",
);

/// The edits of the scenario shown that change nothing on the data shown, a line
/// each, as the engine warned of them (a scenario saved on other data, opened here):
/// the first `MAX_NAMED_ABSENT` named, the rest counted in a last line. Empty when
/// every edit has an effect.
pub fn edits_without_effect(warnings: &[EngineWarning]) -> Vec<Bilingual> {
    let mut lines: Vec<Bilingual> = warnings
        .iter()
        .take(MAX_NAMED_ABSENT)
        .map(|warning| {
            let (group, what) = NotInData::warned(warning);
            let said = not_in_data(group, &what);
            Bilingual::new(format!("此情景{}。", said.zh), format!("{}.", capitalised(&said.en)))
        })
        .collect();
    let more = warnings.len().saturating_sub(MAX_NAMED_ABSENT);
    if more > 0 {
        let more = count(more);
        lines.push(Bilingual::new(
            format!("另有 {more} 項修改在顯示現時的資料時不會改變任何數字。"),
            format!("{more} more edits change nothing while this data is shown."),
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(error: EngineError, zh: &str, en: &str) {
        let said = engine_error(&error);
        assert_eq!((said.zh.as_str(), said.en.as_str()), (zh, en));
    }

    fn out(field: &str, value: &str, min: &str, max: &str) -> EngineError {
        EngineError::Lever(LeverError::OutOfRange {
            field: field.into(),
            value: value.into(),
            min: min.into(),
            max: max.into(),
        })
    }

    #[test]
    fn refusals_in_words() {
        check(
            EngineError::Lever(LeverError::FloorAboveCeiling { floor: "50.0".into(), ceiling: "0.0".into() }),
            "下限（50.0 百萬元）不可高於上限（0.0 百萬元）。",
            "The floor (HK$50.0M) must not be above the ceiling (HK$0.0M).",
        );
        check(
            EngineError::Schedule(ScheduleError::OutOfRange { id: 7 }),
            "項目 7 會被移出本工具支援的年份（1990-91 至 2199-00 年度）。",
            "Project 7 would move outside the supported years (1990-91 to 2199-00).",
        );
        check(
            EngineError::Overflow { what: "a total" },
            "數字太大，無法計算（某個總數超出可計算範圍）。",
            "The figures are too large to compute (a total).",
        );
    }

    #[test]
    fn a_refused_setting_is_worded_whole_in_each_language() {
        check(
            EngineError::MonteCarlo(SettingError::TooLargeToSimulate),
            "此情景的金額太大，無法模擬。",
            "This scenario's amounts are too large to simulate.",
        );
        check(
            EngineError::MonteCarlo(SettingError::Runs),
            "模擬次數須介乎 1 至 100,000。",
            "The number of runs must be between 1 and 100,000.",
        );
        check(
            EngineError::Sensitivity(SettingError::TableValues { axis: "rows" }),
            "敏感度表每邊須有 1 至 101 個數值。",
            "A sensitivity table needs 1 to 101 values on each side.",
        );
        check(
            EngineError::Apportion(ApportionError::NoWeights),
            "無法把一個金額分配至各季：沒有可按其分配的比例。",
            "An amount could not be split into quarters: there is nothing to split the amount by.",
        );
    }

    #[test]
    fn a_lever_out_of_range_is_named_as_the_screens_name_it_in_the_member_s_units() {
        // The engine's paths, as its range check gives them.
        check(
            out("cost_change_pct", "-150", "-100", "1000"),
            "調節「所有新項目成本變動」為 -150.0%，須介乎 -100.0% 至 +1,000.0%。",
            "The lever “Cost change, all new projects” is -150.0%; it must be between -100.0% and +1,000.0%.",
        );
        check(
            out("groups[0].edit.defer_quarters", "41", "-40", "40"),
            "調節「第 1 項組別調整的延後季數」為 41 季，須介乎 -40 至 40 季。",
            "The lever “Deferral of group edit 1” is 41 quarters; it must be between -40 and 40 quarters.",
        );
        check(
            out("projects[11].edit.extend_quarters", "-41", "-40", "40"),
            "調節「第 12 項個別項目調整的延長季數」為 -41 季，須介乎 -40 至 40 季。",
            "The lever “Extension of project edit 12” is -41 quarters; it must be between -40 and 40 quarters.",
        );
        // An edit of a project or a category is named by the project or category, as
        // the engine's path gives its id, not by its place in a list the member never
        // sees.
        check(
            out("projects[id=17].edit.defer_quarters", "41", "-40", "40"),
            "調節「項目編號 17 的延後季數」為 41 季，須介乎 -40 至 40 季。",
            "The lever “Deferral of project No. 17” is 41 quarters; it must be between -40 and 40 quarters.",
        );
        check(
            out("allocation.categories[id=2].amount", "-5.000000", "0", "1,000,000,000"),
            "調節「類別 2 的金額」為 -5.0 百萬元，須介乎 0.0 百萬元 至 1,000,000,000.0 百萬元。",
            "The lever “Amount of category 2” is -HK$5.0M; it must be between HK$0.0M and HK$1,000,000,000.0M.",
        );
        // A negative amount has its sign before the unit, as every amount the app writes.
        check(
            out("delegation.ceiling", "-1.000000", "0", "1,000,000,000"),
            "調節「財委會審批上限」為 -1.0 百萬元，須介乎 0.0 百萬元 至 1,000,000,000.0 百萬元。",
            "The lever “Finance Committee ceiling” is -HK$1.0M; it must be between HK$0.0M and HK$1,000,000,000.0M.",
        );
        check(
            out("slippage.share", "1.5", "0", "1"),
            "調節「延誤項目比例」為 150.0%，須介乎 0.0% 至 100.0%。",
            "The lever “Share of projects late” is 150.0%; it must be between 0.0% and 100.0%.",
        );
        check(
            out("slippage.quarters", "41", "0", "40"),
            "調節「延誤季數」為 41 季，須介乎 0 至 40 季。",
            "The lever “Quarters late” is 41 quarters; it must be between 0 and 40 quarters.",
        );
        check(
            out("allocation.scale_to", "-3.000000", "0", "1,000,000,000"),
            "調節「按比例調整的目標總額」為 -3.0 百萬元，須介乎 0.0 百萬元 至 1,000,000,000.0 百萬元。",
            "The lever “Target total to scale to” is -HK$3.0M; it must be between HK$0.0M and HK$1,000,000,000.0M.",
        );
        // A lever the goal seek or a table set, named by its key.
        check(
            out("on_time_rate", "1.2", "0", "1"),
            "調節「依期完成比率」為 120.0%，須介乎 0.0% 至 100.0%。",
            "The lever “On-time rate” is 120.0%; it must be between 0.0% and 100.0%.",
        );
        check(
            EngineError::Lever(LeverError::NotWhole { field: "slip_quarters".into(), value: "1.5".into() }),
            "調節「延誤季數」為 1.5 季，須為整數。",
            "The lever “Quarters late” is 1.5 quarters; it must be a whole number.",
        );
        // A path it does not know is never shown: the lever is "one of the levers".
        for unknown in
            ["mystery", "groups[x].edit.budget", "groups[0].edit.colour", "projects7", "", "groups[id=3].edit.budget"]
        {
            check(
                out(unknown, "5", "0", "1"),
                "其中一項調節為 5，須介乎 0 至 1。",
                "One of the scenario's levers is 5; it must be between 0 and 1.",
            );
        }
    }
}

#[cfg(test)]
mod edits_without_effect_tests {
    use super::edits_without_effect;
    use blockvote_model::engine::{
        AllocationLevers, CategoryEdit, Edit, Engine, GroupEdit, ProjectEdit, Scenario, Selector,
    };
    use blockvote_model::Dataset;

    /// The notice's lines for `scenario` projected on the paper's data, as (Chinese,
    /// English) pairs; none when every edit has an effect.
    #[track_caller]
    fn check(scenario: Scenario, expected: &[(&str, &str)]) {
        let data = Dataset::paper().expect("the paper's data loads");
        let projection = Engine::new(&data).expect("engine").project(&scenario).expect("projection");
        let lines = edits_without_effect(&projection.warnings);
        let said: Vec<(&str, &str)> = lines.iter().map(|line| (line.zh.as_str(), line.en.as_str())).collect();
        assert_eq!(said, expected);
    }

    fn excluded(id: u16) -> ProjectEdit {
        ProjectEdit { id, edit: Edit { exclude: Some(true), ..Edit::default() } }
    }

    fn group(select: Selector) -> GroupEdit {
        GroupEdit { select, edit: Edit { exclude: Some(true), ..Edit::default() } }
    }

    #[test]
    fn every_edit_that_changes_nothing_is_named_and_one_that_does_is_not() {
        check(Scenario { projects: vec![excluded(1)], ..Scenario::default() }, &[]);
        // A name is cut at 40 characters, as a refused value is.
        let cut = format!("沒有這個部門{}…", "門".repeat(34));
        check(
            Scenario {
                projects: vec![excluded(1), excluded(9_999)],
                groups: vec![
                    group(Selector::DepartmentZh { name: format!("沒有這個部門{}", "門".repeat(100)) }),
                    group(Selector::Department { index: 999 }),
                ],
                allocation: AllocationLevers {
                    categories: vec![CategoryEdit { id: 42, amount: None, locked: true }],
                    scale_to: None,
                },
                ..Scenario::default()
            },
            &[
                (
                    &format!("此情景有一項修改所指的部門「{cut}」不在現時顯示的資料中。"),
                    &format!("An edit names the department “{cut}”, which the data shown does not have."),
                ),
                (
                    "此情景有一項修改所指的第 1,000 個部門不在現時顯示的資料中。",
                    "An edit names the 1,000th department, which the data shown does not have.",
                ),
                (
                    "此情景有一項修改所指的項目編號 9999 不在現時顯示的資料中。",
                    "An edit names project No. 9999, which the data shown does not have.",
                ),
                (
                    "此情景有一項修改所指的類別 42 不在現時顯示的資料中。",
                    "An edit names category 42, which the data shown does not have.",
                ),
            ],
        );
    }

    #[test]
    fn past_sixteen_the_rest_are_counted() {
        let scenario = Scenario { projects: (5_001..=5_020).map(excluded).collect(), ..Scenario::default() };
        let mut expected: Vec<(String, String)> = (5_001..=5_016)
            .map(|id| {
                (
                    format!("此情景有一項修改所指的項目編號 {id} 不在現時顯示的資料中。"),
                    format!("An edit names project No. {id}, which the data shown does not have."),
                )
            })
            .collect();
        expected.push((
            "另有 4 項修改在顯示現時的資料時不會改變任何數字。".into(),
            "4 more edits change nothing while this data is shown.".into(),
        ));
        let expected: Vec<(&str, &str)> = expected.iter().map(|(zh, en)| (zh.as_str(), en.as_str())).collect();
        check(scenario, &expected);
    }
}
