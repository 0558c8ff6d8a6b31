//! The app's words that more than one screen uses: one label per enum value (view,
//! spend profile, deferral rule, approval route, lever, goal-seek metric, theme) and
//! the names of data rows. A screen's own sentences live in its module of this crate;
//! none live in the shell.

use crate::format::{money_with_unit, percent_setting, quarters_count, share_percent};
use crate::lang::{l, Label, Lang};
use crate::route::View;
use blockvote_model::engine::goal_seek::Metric;
use blockvote_model::engine::{DeferralRule, Lever, Profile, Route};
use blockvote_model::money::format_decimal;
use blockvote_model::{Dataset, Money, Project, Theme};
use rust_decimal::Decimal;

pub const APP_TITLE: Label = l("整體撥款預算探索工具", "Block allocation explorer");
pub const PAPER_TITLE: Label = l(
    "基本工程儲備基金總目 710 分目 A007GX 2018-19 年度整體撥款（立法會資訊科技及廣播事務委員會文件，2017 年 11 月 13 日）",
    "CWRF Head 710 Subhead A007GX block allocation 2018-19 (LegCo ITB Panel paper, 13 November 2017)",
);
pub const UNOFFICIAL_TRANSLATION: Label =
    l("英文名稱為本工具的非官方翻譯", "English project names are blockvote's unofficial translation");
pub const UNIT_HKD_M: Label = l("百萬元", "HK$M");
pub const UNIT_PERCENT: Label = l("%", "%");
pub const UNIT_QUARTERS: Label = l("季", "quarters");
pub const TOTAL: Label = l("總計", "Total");

/// The navigation label of each screen.
pub fn view_label(view: View) -> Label {
    match view {
        View::Overview => l("概覽", "Overview"),
        View::Projects => l("項目", "Projects"),
        View::Departments => l("部門", "Departments"),
        View::Distribution => l("預算分布", "Budget distribution"),
        View::Allocation => l("撥款分配", "Allocation"),
        View::Cashflow => l("現金流量", "Cash flow"),
        View::Risk => l("延誤及風險", "Slippage & risk"),
        View::Thresholds => l("審批門檻", "Thresholds"),
        View::Scenarios => l("情景", "Scenarios"),
        View::Brief => l("會議簡報", "Meeting brief"),
        View::Present => l("簡報模式", "Presenter view"),
    }
}

/// The screen's name as the phone's menu button shows it, where the header leaves
/// room for about eight letters: the English of the longer names shortened (the
/// menu it opens, and the screen's heading, give them in full). A Chinese name of two
/// words has a zero-width space between them: on the narrowest phones the button
/// gives it two lines, and the shell breaks lines only there (`word-break: keep-all`),
/// so 現金流量 reads 現金 / 流量, never 現金流 / 量 (audit 30).
pub fn view_short_label(view: View) -> Label {
    match view {
        View::Departments => l("部門", "Depts."),
        View::Distribution => l("預算\u{200b}分布", "Budgets"),
        View::Allocation => l("撥款\u{200b}分配", "Allocation"),
        View::Cashflow => l("現金\u{200b}流量", "Cash flow"),
        View::Risk => l("延誤及\u{200b}風險", "Risk"),
        View::Thresholds => l("審批\u{200b}門檻", "Thresholds"),
        View::Brief => l("會議\u{200b}簡報", "Brief"),
        View::Present => l("簡報\u{200b}模式", "Presenter"),
        other => view_label(other),
    }
}

/// The name of a spend profile.
pub fn profile_label(profile: Profile) -> Label {
    match profile {
        Profile::Calibrated => l("按附件 B 校準（預設）", "Calibrated to Annex B (default)"),
        Profile::Even => l("平均分布", "Even"),
        Profile::FrontLoaded => l("前重後輕", "Front-loaded"),
        Profile::BackLoaded => l("前輕後重", "Back-loaded"),
        Profile::SCurve => l("S 形曲線", "S-curve"),
    }
}

/// How a spend profile spreads a budget over its quarters.
pub fn profile_rule(profile: Profile) -> Label {
    match profile {
        Profile::Calibrated => l(
            "每個項目預算的一個比例 r 在完成季度驗收時支付，其餘由開展至完成平均分布；r 經求解，使基線下新項目 2018-19 年度現金流量等於附件 B 的 243 百萬元。",
            "A share r of each budget is paid in the completion quarter on acceptance, the rest spread evenly from start to completion; r is solved so the baseline's 2018-19 cash for the new projects equals Annex B's HK$243M.",
        ),
        Profile::Even => l("由開展季度至完成季度（包括首尾）每季相同。", "Equal shares in every quarter from start to completion, both included."),
        Profile::FrontLoaded => l("權重 n, n−1, …, 1：大部分開支在早期。", "Weights n, n−1, …, 1: most of the money early."),
        Profile::BackLoaded => l("權重 1, 2, …, n：大部分開支在後期。", "Weights 1, 2, …, n: most of the money late."),
        Profile::SCurve => l("權重 i × (n + 1 − i)：中段最多，累計呈 S 形。", "Weights i × (n + 1 − i): most in the middle, an S-shaped running total."),
    }
}

/// The name of a cash cap's deferral rule.
pub fn rule_label(rule: DeferralRule) -> Label {
    match rule {
        DeferralRule::LatestStartFirst => l("最遲開展的先延後", "Latest start first"),
        DeferralRule::SmallestBudgetFirst => l("預算最小的先延後", "Smallest budget first"),
        DeferralRule::LargestBudgetFirst => l("預算最大的先延後", "Largest budget first"),
        DeferralRule::LargestBudgetYearCashFirst => l("2018-19 現金最多的先延後", "Most 2018-19 cash first"),
        DeferralRule::DepartmentOrder => {
            l("按部門次序（排首的部門先延後）", "Department order (the first department listed first)")
        }
        DeferralRule::HighestIdFirst => l("編號最大的先延後", "Highest number first"),
    }
}

/// The name of an approval route (para 2).
pub fn route_label(route: Route) -> Label {
    match route {
        Route::FinanceCommittee => l("財務委員會審批（個別分目）", "Finance Committee (own subhead)"),
        Route::BlockAllocation => l("整體撥款（政府資訊科技總監審批）", "Block allocation (GCIO approves)"),
        Route::Department => l("局／部門自行審批", "Bureau or department approves"),
    }
}

/// The name of a lever, wherever it is set, solved for or varied.
pub fn lever_label(lever: Lever) -> Label {
    match lever {
        Lever::SlipShare => l("延誤項目比例", "Share of projects late"),
        Lever::OnTimeRate => l("依期完成比率", "On-time rate"),
        Lever::SlipQuarters => l("延誤季數", "Quarters late"),
        Lever::CostChangePct => l("所有新項目成本變動", "Cost change, all new projects"),
        Lever::OngoingAmount => l("進行中項目的 2018-19 現金需求", "Ongoing projects' 2018-19 cash"),
        Lever::Retention => l("校準開支模式的完成時支付比例 r", "Calibrated profile's share paid on completion, r"),
        Lever::Cap => l("2018-19 現金上限", "2018-19 cash cap"),
        Lever::AllocationScale => l("未鎖定開支類別的倍數", "Factor on unlocked categories"),
    }
}

/// A lever's setting in words, e.g. `50.0%`, `4 quarters`, `+10.0%`, `HK$817.0M`.
pub fn lever_value(lever: Lever, value: Decimal, lang: Lang) -> String {
    match lever {
        Lever::SlipShare | Lever::OnTimeRate => share_percent(value),
        Lever::SlipQuarters => {
            let whole = value.trunc();
            if whole == value {
                quarters_count(i64::try_from(whole).unwrap_or(0), lang)
            } else {
                format!("{} {}", value.normalize(), UNIT_QUARTERS.get(lang))
            }
        }
        Lever::CostChangePct => percent_setting(value),
        Lever::OngoingAmount | Lever::Cap => money_with_unit(Money::from_millions(value), lang),
        Lever::Retention => format_decimal(value, 3),
        Lever::AllocationScale => format!("× {}", format_decimal(value, 2)),
    }
}

/// The name of a figure goal seek can aim at or a data table can read.
pub fn metric_label(metric: Metric) -> Label {
    match metric {
        Metric::BudgetYearTotal => l("2018-19 現金需求總額", "2018-19 total cash need"),
        Metric::BudgetYearNew => l("新項目 2018-19 現金需求", "New projects' 2018-19 cash"),
        Metric::TotalBudget => l("新項目預算總額", "New projects' total budget"),
        Metric::AllocationTotal => l("撥款總額（附件 A）", "Allocation total (Annex A)"),
        Metric::BeyondBudgetYear => {
            l("2018-19 年度以後的現金需求（承擔）", "Cash beyond 2018-19 (later years' commitments)")
        }
        Metric::OngoingBudgetYear => l("進行中項目 2018-19 現金需求", "Ongoing projects' 2018-19 cash"),
        Metric::OverCeiling => l(
            "超過審批上限的新項目數目（上限 1,000 萬元，除非已更改）",
            "New projects over the approval ceiling (HK$10M unless changed)",
        ),
    }
}

/// A theme's name as para 7 gives it.
pub fn theme_name(theme: Theme) -> Label {
    Label::new(theme.name_zh(), theme.name_en())
}

/// `(e) 加強資訊科技保安` — a theme with para 7's letter.
pub fn theme_text(theme: Theme, lang: Lang) -> String {
    format!("({}) {}", theme.letter(), theme_name(theme).get(lang))
}

/// A project's name in the reader's language (the English is blockvote's unofficial
/// translation; the Chinese stands in where there is none).
pub fn project_name(project: &Project, lang: Lang) -> String {
    match lang {
        Lang::Zh => project.name_zh.clone(),
        Lang::En if project.name_en.is_empty() => project.name_zh.clone(),
        Lang::En => project.name_en.clone(),
    }
}

/// A department's name in the reader's language ("" for an index the data lacks).
pub fn department_name(data: &Dataset, index: usize, lang: Lang) -> String {
    data.departments.get(index).map(|d| lang.pick(&d.name_zh, &d.name_en).to_string()).unwrap_or_default()
}

/// Under a chart, until one of its marks is focused or tapped (`charts::MarkReadout`).
pub const CHART_READOUT_HINT: Label = l(
    "輕按或用方向鍵選取圖表中的一點，即可在此閱讀其數值。",
    "Tap a point of the chart, or use the arrow keys, to read it here.",
);

/// Said after a 2018-19 cash cap that cannot be met (every new project deferred would
/// still leave 2018-19 above it), wherever the cap is named away from the Cash flow
/// screen, which explains it in full.
pub const CAP_UNMET: Label = l("，無法達到，沒有項目延後", ", which cannot be met: nothing is deferred");

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(actual: String, expected: &str) {
        assert_eq!(actual, expected);
    }

    #[test]
    fn lever_values_in_words() {
        check(lever_value(Lever::SlipShare, Decimal::new(5, 1), Lang::En), "50.0%");
        check(lever_value(Lever::SlipQuarters, Decimal::ONE, Lang::En), "1 quarter");
        check(lever_value(Lever::SlipQuarters, Decimal::from(4), Lang::Zh), "4 季");
        check(lever_value(Lever::CostChangePct, Decimal::TEN, Lang::En), "+10.0%");
        check(lever_value(Lever::OngoingAmount, Decimal::from(817), Lang::En), "HK$817.0M");
        check(lever_value(Lever::AllocationScale, Decimal::new(11, 1), Lang::En), "× 1.10");
    }

    #[test]
    fn every_enum_value_has_words_in_both_languages() {
        for view in View::ALL {
            assert!(!view_label(view).zh.is_empty() && !view_label(view).en.is_empty());
            let short = view_short_label(view);
            assert!(!short.zh.is_empty() && (1..=10).contains(&short.en.len()), "{}", short.en);
            // The short Chinese name is the full one, with a break allowed between its words.
            assert_eq!(short.zh.replace('\u{200b}', ""), view_label(view).zh);
        }
        for lever in Lever::ALL {
            assert_ne!(lever_label(lever).zh, lever_label(lever).en);
        }
        for theme in Theme::ALL {
            assert!(theme_text(theme, Lang::En).starts_with('('));
        }
    }
}
