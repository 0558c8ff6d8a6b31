//! The histogram of the scenario's budgets with the floor and ceiling drawn as lines.
//!
//! Nothing here grows with the numbers a member types, links or imports: there are
//! at most [`MAX_BINS`] bands, each budget finds its band by one division, and the
//! chart's axis is [`crate::axis`]'s. A ceiling of HK$1,000,000M or a budget typed
//! 1500000 gives the same number of bands as the paper does.
//!
//! What the chart spans: the budgets, and each threshold that lies within
//! [`REACH`] times the larger of the largest budget and the paper's ceiling. A
//! threshold beyond that is drawn at the right edge, its label saying it lies off the
//! chart, so a far-away ceiling does not squash every budget into the first band.

use crate::charts::{HistogramBin, HistogramMarker};
use crate::format::projects_count;
use crate::lang::Lang;
use crate::screens::thresholds::threshold_text;
use blockvote_model::{Dataset, Money};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The most bands the histogram has, whatever the budgets and thresholds.
pub const MAX_BINS: usize = 40;

/// A threshold up to `REACH` times the larger of the largest budget and the paper's
/// ceiling is drawn where it is; one further out, at the chart's right edge.
pub const REACH: i64 = 4;

/// The narrowest band: HK$0.5M, as on the budget distribution screen.
fn narrowest() -> Decimal {
    Decimal::new(5, 1)
}

/// The next band width after `width` in the sequence 0.5, 1, 2, 5, 10, 20, 50, …
fn wider(width: Decimal) -> Decimal {
    // The leading digit of 0.5, 1, 2, 5, 10, 20, …: 2 is followed by 5, the others double.
    let mut leading = width.normalize().mantissa();
    for _ in 0..40 {
        if leading % 10 != 0 {
            break;
        }
        leading /= 10;
    }
    let factor = if leading == 2 { Decimal::new(25, 1) } else { Decimal::TWO };
    width.checked_mul(factor).unwrap_or(Decimal::MAX)
}

/// The band width for budgets reaching `reach`: the narrowest of 0.5, 1, 2, 5, … × 10^k
/// that needs at most [`MAX_BINS`] bands.
fn band_width(reach: Decimal) -> Decimal {
    let mut width = narrowest();
    // Each step at least doubles the width, so a few dozen steps cover any amount a
    // Money can hold; the bound makes that plain.
    for _ in 0..128 {
        if reach <= width * Decimal::from(MAX_BINS as u64) {
            break;
        }
        width = wider(width);
    }
    width
}

/// The histogram as the chart draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct ThresholdHistogram {
    pub bins: Vec<HistogramBin>,
    pub markers: Vec<HistogramMarker>,
    /// The right end of the x axis (HK$M).
    pub domain_max: f64,
    pub title: String,
    pub description: String,
    pub x_label: String,
    pub y_label: String,
    pub hint: String,
}

/// The histogram of `budgets` (the included projects' budgets in the scenario) with
/// the scenario's `floor` and `ceiling`.
pub fn histogram(budgets: &[Money], floor: Money, ceiling: Money, data: &Dataset, lang: Lang) -> ThresholdHistogram {
    let largest = budgets.iter().copied().max().unwrap_or_default().max(Money::ZERO).millions();
    let near = largest.max(data.ceiling.millions()).checked_mul(Decimal::from(REACH)).unwrap_or(Decimal::MAX);
    let shown = |threshold: Money| threshold.millions() <= near;
    let mut reach = largest;
    for threshold in [floor, ceiling] {
        if shown(threshold) {
            reach = reach.max(threshold.millions());
        }
    }
    let width = band_width(reach);
    let count = (reach / width).ceil().to_usize().unwrap_or(1).clamp(1, MAX_BINS);
    let mut counts = vec![0usize; count];
    for budget in budgets {
        let index = (budget.millions() / width).ceil().to_usize().unwrap_or(0).saturating_sub(1).min(count - 1);
        if let Some(slot) = counts.get_mut(index) {
            *slot += 1;
        }
    }
    let edge = |k: usize| Money::from_millions(width * Decimal::from(k as u64));
    let bins = counts
        .iter()
        .enumerate()
        .map(|(k, n)| {
            let (lo, hi) = (edge(k), edge(k + 1));
            let label = match lang {
                Lang::Zh => format!("{} 至 {} 百萬元：{}", lo.format(1), hi.format(1), projects_count(*n, lang)),
                Lang::En => format!("HK${}M – {}M: {}", lo.format(1), hi.format(1), projects_count(*n, lang)),
            };
            HistogramBin { lo: lo.to_f64_for_geometry(), hi: hi.to_f64_for_geometry(), count: *n, label }
        })
        .collect();
    let domain = edge(count);
    let marker = |threshold: Money, zh: &str, en: &str, label_left: bool| {
        let within = shown(threshold);
        let amount = threshold_text(threshold, lang);
        let label = match (lang, within) {
            (Lang::Zh, true) => format!("{zh} {amount}"),
            (Lang::En, true) => format!("{en} {amount}"),
            (Lang::Zh, false) => format!("{zh} {amount}（在圖表以外）→"),
            (Lang::En, false) => format!("{en} {amount} (off the chart) →"),
        };
        let at = if within { threshold } else { domain };
        let short_label = match lang {
            Lang::Zh => format!("{zh} {amount}"),
            Lang::En => format!("{en} {amount}"),
        };
        HistogramMarker { at: at.to_f64_for_geometry(), label, short_label, label_left: label_left || !within }
    };
    let band = crate::format::money_with_unit(Money::from_millions(width), lang);
    ThresholdHistogram {
        bins,
        markers: vec![marker(floor, "下限", "floor", false), marker(ceiling, "上限", "ceiling", true)],
        domain_max: domain.to_f64_for_geometry(),
        title: lang.pick("情景中的項目預算分布", "Project budgets in the scenario").to_string(),
        description: match lang {
            Lang::Zh => format!("每組 {band} 的項目數目；直線標示情景的下限及上限。"),
            Lang::En => format!("Projects per {band} band; vertical lines mark the scenario's floor and ceiling."),
        },
        x_label: lang.pick("項目預算（百萬元）", "Project budget (HK$M)").to_string(),
        y_label: lang.pick("項目數目", "Projects").to_string(),
        hint: lang
            .pick("輕按、按一下或以 Tab 鍵選取柱可看數字", "Tap, click or Tab to a bar for its figures")
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::thresholds::tests::{paper, project};

    /// The histogram with `ceiling` typed: bands, the last band, the markers.
    #[track_caller]
    fn check(ceiling: &str, budgets: Option<&[Money]>, expected: &[&str]) {
        let data = paper();
        let projection = project(&data, ceiling, "0.2");
        let scenario: Vec<Money> = projection.projects.iter().filter(|o| o.included).map(|o| o.budget).collect();
        let budgets = budgets.unwrap_or(&scenario);
        let d = &projection.delegation;
        let chart = histogram(budgets, d.floor, d.ceiling, &data, Lang::En);
        let last = chart.bins.last().map(|b| b.label.clone()).unwrap_or_default();
        let mut shown = vec![format!("{} bands to {}", chart.bins.len(), chart.domain_max), last];
        shown.extend(chart.markers.iter().map(|m| format!("{} at {}", m.label, m.at)));
        shown.push(chart.description);
        assert_eq!(shown, expected);
        assert_eq!(chart.bins.iter().map(|b| b.count).sum::<usize>(), budgets.len());
    }

    #[test]
    fn the_paper_s_budgets_fall_in_half_million_bands() {
        check(
            "10",
            None,
            &[
                "20 bands to 10",
                "HK$9.5M – 10.0M: 59 projects",
                "floor HK$0.2M at 0.2",
                "ceiling HK$10.0M at 10",
                "Projects per HK$0.5M band; vertical lines mark the scenario's floor and ceiling.",
            ],
        );
        check(
            "20",
            None,
            &[
                "40 bands to 20",
                "HK$19.5M – 20.0M: 0 projects",
                "floor HK$0.2M at 0.2",
                "ceiling HK$20.0M at 20",
                "Projects per HK$0.5M band; vertical lines mark the scenario's floor and ceiling.",
            ],
        );
    }

    #[test]
    fn a_far_ceiling_or_a_typo_in_a_budget_gives_a_bounded_chart() {
        check(
            "1000000",
            None,
            &[
                "20 bands to 10",
                "HK$9.5M – 10.0M: 59 projects",
                "floor HK$0.2M at 0.2",
                "ceiling HK$1,000,000.0M (off the chart) → at 10",
                "Projects per HK$0.5M band; vertical lines mark the scenario's floor and ceiling.",
            ],
        );
        check(
            "1000000000",
            None,
            &[
                "20 bands to 10",
                "HK$9.5M – 10.0M: 59 projects",
                "floor HK$0.2M at 0.2",
                "ceiling HK$1,000,000,000.0M (off the chart) → at 10",
                "Projects per HK$0.5M band; vertical lines mark the scenario's floor and ceiling.",
            ],
        );
        let typo = [Money::from_whole_millions(1_500_000), Money::from_whole_millions(3)];
        check(
            "10",
            Some(&typo),
            &[
                "30 bands to 1500000",
                "HK$1,450,000.0M – 1,500,000.0M: 1 project",
                "floor HK$0.2M at 0.2",
                "ceiling HK$10.0M at 10",
                "Projects per HK$50,000.0M band; vertical lines mark the scenario's floor and ceiling.",
            ],
        );
        let most = [Money::from_whole_millions(1_000_000_000).checked_mul(Decimal::from(11)).unwrap_or_default()];
        let data = paper();
        let chart = histogram(&most, Money::ZERO, Money::ZERO, &data, Lang::En);
        assert!(chart.bins.len() <= MAX_BINS && chart.bins.iter().map(|b| b.count).sum::<usize>() == 1);
    }

    #[test]
    fn band_widths_step_1_2_5() {
        let widths: Vec<String> = [0, 20, 21, 40, 41, 80, 81, 200, 201, 400, 401, 800, 801]
            .into_iter()
            .map(|reach| band_width(Decimal::from(reach)).normalize().to_string())
            .collect();
        assert_eq!(widths, ["0.5", "0.5", "1", "1", "2", "2", "5", "5", "10", "10", "20", "20", "50"]);
    }
}
