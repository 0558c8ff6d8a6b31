//! What the Budget distribution screen shows: the new projects' budgets in HK$0.5M
//! bands from 0 to the HK$10M ceiling, with the floor and the ceiling marked, so the
//! bunching just under the ceiling (above which a project needs the Finance
//! Committee's own approval) is plain to see; the sentence that says it, a band's
//! projects when one is chosen, and the same figures as a table.
//!
//! "Near the ceiling" is the model's one definition (`findings::is_near_ceiling`:
//! above HK$9.5M up to HK$10.0M), which is exactly the last band, so the sentence,
//! the last bar and the Overview's finding count the same projects.

use crate::charts::{HistogramBin, HistogramMarker};
use crate::format::{money_with_unit, percent, projects_count};
use crate::lang::{l, Label, Lang};
use crate::paper::Printed;
use crate::provenance::{Basis, Figure, MarkedColumn, PaperPlace, Provenance, Value, ANNEX_C_SUMS};
use crate::screens::projects::filters::ids_link;
use crate::screens::projects::table::{annex_c_sum, total_budget};
use crate::screens::sentence::Sentence;
use crate::words::{department_name, project_name};
use blockvote_model::findings::{is_near_ceiling, near_ceiling_edge};
use blockvote_model::{Dataset, Money};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The width of a histogram band: HK$0.5M.
pub const BIN_WIDTH: Money = Money::from_millions(Decimal::from_parts(5, 0, 0, false, 1));

/// The number of bands: 20 × HK$0.5M covers HK$0 to HK$10M, the block allocation's
/// ceiling. Band `k` holds the budgets above `k × 0.5` up to and including
/// `(k + 1) × 0.5` (HK$M); band 0 also holds a budget of exactly 0. So a budget of
/// exactly HK$10M falls in the last band, below the ceiling line, as the paper's rule
/// ("not exceeding HK$10M") puts it; a budget above HK$10M would fall in no band and is
/// counted separately.
pub const BIN_COUNT: usize = 20;

pub const HEADING: Label = l("新項目的預算分布", "How the new projects' budgets are spread");
pub const CHART_TITLE: Label =
    l("新項目預算的分布（每組 0.5 百萬元）", "Budgets of the new projects, in HK$0.5M bands");
pub const X_LABEL: Label = l("項目預算（百萬元）", "Project budget (HK$M)");
pub const Y_LABEL: Label = l("項目數目", "Number of projects");
pub const HINT: Label = l(
    "輕按或按一下柱（或以 Tab 鍵選取後按 Enter）可看數字並列出該組項目。",
    "Tap or click a bar (or Tab to it and press Enter) to read it and list its projects.",
);
pub const CAPTION: Label = l(
    "每組包括高於下邊界至等於上邊界的預算（第一組由 0 起）。柱上數字為項目數目。",
    "Each band holds budgets above its lower edge up to and including its upper edge (the first starts at 0). The number above a bar is its count of projects.",
);
pub const TABLE_HEADING: Label = l("同一組數字的表格", "The same figures as a table");
pub const RANGE: Label = l("預算範圍（百萬元）", "Budget range (HK$M)");
pub const PROJECTS: Label = l("項目數目", "Projects");
pub const TOTAL_BUDGET: Label = l("預算合計（百萬元）", "Total budget (HK$M)");
pub const NO: Label = l("編號", "No.");
pub const DEPARTMENT: Label = l("部門", "Department");
pub const PROJECT_NAME: Label = l("項目名稱", "Project name (unofficial translation)");
pub const BUDGET: Label = l("預算（百萬元）", "Budget (HK$M)");
pub const EMPTY_BAND: Label = l("這一組沒有項目。", "No project falls in this band.");

/// The band a budget falls in, or `None` if it is above the last band.
pub fn bin_of(budget: Money) -> Option<usize> {
    if budget.millions() <= Decimal::ZERO {
        return Some(0);
    }
    let bands = budget.millions().checked_div(BIN_WIDTH.millions())?.ceil();
    let index = bands.to_usize()?.checked_sub(1)?;
    (index < BIN_COUNT).then_some(index)
}

/// The upper edge of the last band (HK$10M).
fn last_edge() -> Money {
    BIN_WIDTH.checked_mul(Decimal::from(BIN_COUNT)).unwrap_or(Money::ZERO)
}

/// One band and its projects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    pub index: usize,
    pub lo: Money,
    pub hi: Money,
    /// Indices into `Dataset::projects`, in number order.
    pub projects: Vec<usize>,
    pub total: Money,
}

/// The bands, and the projects above the last band.
pub fn bands(data: &Dataset) -> (Vec<Band>, Vec<usize>) {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); BIN_COUNT];
    let mut above = Vec::new();
    for (i, project) in data.projects.iter().enumerate() {
        match bin_of(project.budget).and_then(|k| members.get_mut(k)) {
            Some(band) => band.push(i),
            None => above.push(i),
        }
    }
    let edge = |k: usize| BIN_WIDTH.checked_mul(Decimal::from(k)).unwrap_or(Money::ZERO);
    let bands = members
        .into_iter()
        .enumerate()
        .map(|(index, projects)| {
            let total = total_budget(data, &projects).unwrap_or(Money::ZERO);
            Band { index, lo: edge(index), hi: edge(index + 1), projects, total }
        })
        .collect();
    (bands, above)
}

/// `0.0 to 0.5` / `over 9.5 to 10.0` (HK$M), for the table.
pub fn band_range(band: &Band, lang: Lang) -> String {
    let (lo, hi) = (band.lo.format(1), band.hi.format(1));
    match (lang, band.index) {
        (Lang::Zh, 0) => format!("{lo} 至 {hi}"),
        (Lang::Zh, _) => format!("超過 {lo} 至 {hi}"),
        (Lang::En, 0) => format!("{lo} to {hi}"),
        (Lang::En, _) => format!("over {lo} to {hi}"),
    }
}

/// The full description of a band, for the bar's accessible name and tooltip:
/// `Over HK$9.5M to HK$10.0M: 59 projects`.
pub fn band_label(band: &Band, lang: Lang) -> String {
    let count = projects_count(band.projects.len(), lang);
    let (lo, hi) = (money_with_unit(band.lo, lang), money_with_unit(band.hi, lang));
    match (lang, band.index) {
        (Lang::Zh, 0) => format!("{lo}至{hi}：{count}"),
        (Lang::Zh, _) => format!("超過 {lo}至{hi}：{count}"),
        (Lang::En, 0) => format!("{lo} to {hi}: {count}"),
        (Lang::En, _) => format!("Over {lo} to {hi}: {count}"),
    }
}

/// The chart's bars.
pub fn histogram_bins(bands: &[Band], lang: Lang) -> Vec<HistogramBin> {
    bands
        .iter()
        .map(|b| HistogramBin {
            lo: b.lo.to_f64_for_geometry(),
            hi: b.hi.to_f64_for_geometry(),
            count: b.projects.len(),
            label: band_label(b, lang),
        })
        .collect()
}

/// The floor and ceiling lines (para 2), named as para 2 prints them.
pub fn markers(data: &Dataset, lang: Lang) -> Vec<HistogramMarker> {
    let (floor, ceiling) = para_2_thresholds(data, lang);
    vec![
        HistogramMarker {
            at: data.floor.to_f64_for_geometry(),
            label: match lang {
                Lang::Zh => format!("{floor}下限"),
                Lang::En => format!("{floor} floor"),
            },
            short_label: match lang {
                Lang::Zh => format!("{floor}下限"),
                Lang::En => format!("{floor} floor"),
            },
            label_left: false,
        },
        HistogramMarker {
            at: data.ceiling.to_f64_for_geometry(),
            label: match lang {
                Lang::Zh => format!("{ceiling}上限（以上須財委會批准）"),
                Lang::En => format!("{ceiling} ceiling (Finance Committee above)"),
            },
            short_label: match lang {
                Lang::Zh => format!("{ceiling}上限"),
                Lang::En => format!("{ceiling} ceiling"),
            },
            label_left: true,
        },
    ]
}

/// The right end of the chart's x axis: half a band past the ceiling or the last band.
pub fn domain_max(data: &Dataset) -> f64 {
    data.ceiling.max(last_edge()).to_f64_for_geometry() + BIN_WIDTH.to_f64_for_geometry()
}

/// The chart's description: what it shows and its tallest band.
pub fn chart_description(data: &Dataset, bands: &[Band], lang: Lang) -> String {
    let tallest = bands.iter().map(|b| b.projects.len()).max().unwrap_or(0);
    let peak: Vec<String> =
        bands.iter().filter(|b| b.projects.len() == tallest && tallest > 0).map(|b| band_label(b, lang)).collect();
    let peak = peak.join(lang.pick("；", "; "));
    let total = data.projects.len();
    let (floor, ceiling) = para_2_thresholds(data, lang);
    match lang {
        Lang::Zh => format!(
            "{total} 個新項目的預算分布，以 0.5 百萬元為一組，由 0 至 10 百萬元。最高的一組：{peak}。直線標示 {floor} 下限及 {ceiling} 上限。"
        ),
        Lang::En => format!(
            "Budgets of the {total} new projects in HK$0.5M bands from HK$0 to HK$10M. Tallest band: {peak}. Vertical lines mark the {floor} floor and the {ceiling} ceiling."
        ),
    }
}

/// The figures behind the sentence about the ceiling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CeilingFigures {
    /// HK$0.1M under the ceiling (the paper prints budgets to HK$0.1M).
    pub just_under: Money,
    pub at_just_under: usize,
    /// Near the ceiling by the model's one definition.
    pub near: usize,
    pub above_ceiling: usize,
    pub at_or_below_floor: usize,
    pub total: usize,
}

pub fn ceiling_figures(data: &Dataset) -> CeilingFigures {
    let just_under = data.ceiling.checked_sub(Money::from_thousands(100)).unwrap_or(data.ceiling);
    let budgets = || data.projects.iter().map(|p| p.budget);
    CeilingFigures {
        just_under,
        at_just_under: budgets().filter(|b| *b == just_under).count(),
        near: budgets().filter(|b| is_near_ceiling(*b, data.ceiling)).count(),
        above_ceiling: budgets().filter(|b| *b > data.ceiling).count(),
        at_or_below_floor: budgets().filter(|b| *b <= data.floor).count(),
        total: data.projects.len(),
    }
}

/// The sentence about the ceiling, with the two counts as figures, each mark where its
/// figure stands (audit 29: two marks after the sentence left the reader to guess which
/// figure was para 2's): the counts are the model's arithmetic on Annex C; the ceiling
/// is para 2's. The band's edges and the share are the model's words about those counts.
pub fn statement(data: &Dataset, bands: &[Band], lang: Lang) -> Sentence {
    let figures = ceiling_figures(data);
    let share = Decimal::from(figures.near)
        .checked_div(Decimal::from(figures.total.max(1)))
        .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
        .map(percent)
        .unwrap_or_default();
    let tallest = bands.iter().map(|b| b.projects.len()).max().unwrap_or(0);
    let last_is_tallest =
        bands.last().is_some_and(|b| b.projects.len() == tallest && tallest > 0) && data.ceiling == last_edge();
    let total = figures.total;
    let (just_under, ceiling) = (money_with_unit(figures.just_under, lang), money_with_unit(data.ceiling, lang));
    // The ceiling named as para 2 prints it, with its mark; the band's edges, the
    // model's, stay to one decimal.
    let (_, printed_ceiling) = para_2_thresholds(data, lang);
    let ceiling_mark = Printed::Ceiling.figure(data).map(|f| f.provenance().clone());
    let count_mark = || Some(ANNEX_C_SUMS);
    let edge = money_with_unit(near_ceiling_edge(data.ceiling), lang);
    match lang {
        Lang::Zh => Sentence::new()
            .figure("count-at-just-under", figures.at_just_under.to_string())
            .mark(count_mark())
            .text(format!(" 個項目的預算正好是 {just_under}，只比 {printed_ceiling}"))
            .mark(ceiling_mark)
            .text("上限（超過者須由立法會財務委員會另行批准）低 0.1 百萬元；")
            .figure("count-near-ceiling", figures.near.to_string())
            .mark(count_mark())
            .text(format!(" 個（佔 {total} 個的 {share}）在上限之下 0.5 百萬元之內，即超過 {edge}而不多於 {ceiling}"))
            .text(if last_is_tallest { "，多於其他任何 0.5 百萬元的組別。" } else { "。" }),
        Lang::En => Sentence::new()
            .figure("count-at-just-under", figures.at_just_under.to_string())
            .mark(count_mark())
            .text(format!(" projects are budgeted at exactly {just_under}, HK$0.1M under the {printed_ceiling}"))
            .mark(ceiling_mark)
            .text(" ceiling above which a project needs the Finance Committee's own approval; ")
            .figure("count-near-ceiling", figures.near.to_string())
            .mark(count_mark())
            .text(format!(" ({share} of {total}) are within HK$0.5M below the ceiling: over {edge}, up to and including {ceiling}"))
            .text(if last_is_tallest { ", more than in any other HK$0.5M band." } else { "." }),
    }
}

/// Para 2's floor and ceiling with their unit, as the paper prints them (`HK$0.2M`,
/// `HK$10M`).
fn para_2_thresholds(data: &Dataset, lang: Lang) -> (String, String) {
    (
        Printed::Floor.text_with_unit_or(data, data.floor, lang),
        Printed::Ceiling.text_with_unit_or(data, data.ceiling, lang),
    )
}

/// The note on the paper's precision, the floor and any budget above the ceiling.
pub fn floor_note(data: &Dataset, lang: Lang) -> String {
    let figures = ceiling_figures(data);
    let (floor, _) = para_2_thresholds(data, lang);
    let floor_text = match lang {
        Lang::Zh => {
            format!("文件以 0.1 百萬元列出預算；{} 個項目列為 {floor}或以下（即下限）。", figures.at_or_below_floor)
        }
        Lang::En => format!(
            "The paper prints budgets to HK$0.1M; {} printed at or below the {floor} floor.",
            projects_count(figures.at_or_below_floor, lang)
        ),
    };
    let above = match (lang, figures.above_ceiling) {
        (_, 0) => String::new(),
        (Lang::Zh, n) => format!(" {n} 個項目超過上限，不在圖中，見下表。"),
        (Lang::En, n) => format!(" {n} above the ceiling are not in the chart; see the table."),
    };
    format!("{floor_text}{above}")
}

/// A row of the table under the chart.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BandRow {
    /// The `data-testid` suffix: the band's index, or `above`.
    pub key: String,
    pub range: String,
    pub count: Figure,
    pub total: Figure,
}

/// The provenance of every count and budget of the table: counts and sums of Annex
/// C's budgets, the model's arithmetic.
fn table_mark() -> Provenance {
    Provenance::Model(Basis::Arithmetic(PaperPlace::AnnexC))
}

/// The table's two columns of figures (its count and its total budget), each marked
/// with the provenance its cells have.
pub fn figure_columns() -> [MarkedColumn; 2] {
    [PROJECTS, TOTAL_BUDGET].map(|heading| MarkedColumn { heading, mark: table_mark() })
}

/// A count of projects in the table.
fn band_count(n: usize) -> Figure {
    Figure::model(Value::Count(u64::try_from(n).unwrap_or(u64::MAX)), Basis::Arithmetic(PaperPlace::AnnexC))
}

/// The table's rows (every band, then any budgets above the ceiling) and its total row.
pub fn table(data: &Dataset, bands: &[Band], above: &[usize], lang: Lang) -> (Vec<BandRow>, BandRow) {
    let mut rows: Vec<BandRow> = bands
        .iter()
        .map(|band| BandRow {
            key: band.index.to_string(),
            range: band_range(band, lang),
            count: band_count(band.projects.len()),
            total: annex_c_sum(band.total),
        })
        .collect();
    if !above.is_empty() {
        rows.push(BandRow {
            key: "above".to_string(),
            range: match lang {
                Lang::Zh => format!("超過 {}", data.ceiling.format(1)),
                Lang::En => format!("over {}", data.ceiling.format(1)),
            },
            count: band_count(above.len()),
            total: annex_c_sum(total_budget(data, above).unwrap_or_default()),
        });
    }
    let all: Vec<usize> = (0..data.projects.len()).collect();
    let total = BandRow {
        key: "total".to_string(),
        range: crate::words::TOTAL.get(lang).to_string(),
        count: band_count(data.projects.len()),
        total: annex_c_sum(total_budget(data, &all).unwrap_or_default()),
    };
    (rows, total)
}

/// A project of the chosen band.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BandProject {
    pub id: u16,
    pub department: String,
    pub name: String,
    pub budget: String,
}

/// The chosen band's projects, with a link to them in the projects table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChosenBand {
    pub heading: String,
    pub projects: Vec<BandProject>,
    /// `Show these 59 in the projects table`, and where it goes.
    pub link_text: String,
    pub link: String,
    pub total_label: String,
    pub total: String,
}

pub fn chosen_band(data: &Dataset, band: &Band, lang: Lang) -> ChosenBand {
    let projects: Vec<BandProject> = band
        .projects
        .iter()
        .filter_map(|i| data.projects.get(*i))
        .map(|p| BandProject {
            id: p.id,
            department: department_name(data, p.department, lang),
            name: project_name(p, lang),
            budget: Value::Millions(p.budget).unmarked_text(lang),
        })
        .collect();
    let ids: Vec<u16> = projects.iter().map(|p| p.id).collect();
    let count = ids.len();
    ChosenBand {
        heading: band_label(band, lang),
        link_text: match lang {
            Lang::Zh => format!("在項目表中查看這 {count} 個項目"),
            Lang::En => format!("Show these {count} in the projects table"),
        },
        link: ids_link(&ids, lang),
        total_label: format!("{} · {}", l("合計", "Total").get(lang), projects_count(count, lang)),
        total: annex_c_sum(band.total).text(lang),
        projects,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::findings::findings;

    fn m(text: &str) -> Money {
        Money::parse_millions(text).unwrap_or(Money::ZERO)
    }

    fn paper() -> Dataset {
        Dataset::paper().unwrap_or_else(|_| Dataset::empty())
    }

    #[track_caller]
    fn check(budget: &str, band: Option<usize>) {
        assert_eq!(bin_of(m(budget)), band, "{budget}");
    }

    #[test]
    fn bands_are_open_below_and_closed_above() {
        check("0", Some(0));
        check("0.2", Some(0));
        check("0.5", Some(0));
        check("0.51", Some(1));
        check("9.5", Some(18));
        check("9.9", Some(19));
        check("10", Some(19));
        check("10.01", None);
        check("1000000000", None);
        assert_eq!(last_edge(), m("10"));
    }

    #[test]
    fn the_sentence_the_last_bar_and_the_overview_count_the_same_projects() {
        let data = paper();
        let (bands, above) = bands(&data);
        assert!(above.is_empty());
        assert_eq!(bands.iter().map(|b| b.projects.len()).sum::<usize>(), 254);
        let last = bands.last().map(|b| b.projects.len());
        assert_eq!(last, Some(59));
        assert_eq!(ceiling_figures(&data).near, 59);
        assert_eq!(findings(&data).near_ceiling.len(), 59);
        let sentence = statement(&data, &bands, Lang::En);
        assert_eq!(
            sentence.plain(),
            "35 projects are budgeted at exactly HK$9.9M, HK$0.1M under the HK$10M ceiling above which a project needs the Finance Committee's own approval; 59 (23.2% of 254) are within HK$0.5M below the ceiling: over HK$9.5M, up to and including HK$10.0M, more than in any other HK$0.5M band."
        );
        // Each mark stands after its figure.
        assert_eq!(
            sentence.read(Lang::En),
            "35 [model] projects are budgeted at exactly HK$9.9M, HK$0.1M under the HK$10M [para 2] ceiling above which a project needs the Finance Committee's own approval; 59 [model] (23.2% of 254) are within HK$0.5M below the ceiling: over HK$9.5M, up to and including HK$10.0M, more than in any other HK$0.5M band."
        );
        let zh = statement(&data, &bands, Lang::Zh);
        assert!(zh.plain().contains("即超過 9.5 百萬元而不多於 10.0 百萬元"), "{}", zh.plain());
    }

    #[test]
    fn the_table_adds_up_and_a_chosen_band_links_to_its_projects() {
        let data = paper();
        let (bands, above) = bands(&data);
        let (rows, total) = table(&data, &bands, &above, Lang::En);
        let sum = Money::checked_sum(rows.iter().filter_map(|r| r.total.money())).unwrap_or_default();
        assert_eq!(
            (sum.format(1), total.total.text(Lang::En), total.count.text(Lang::En)),
            ("1,527.7".to_string(), "1,527.7".to_string(), "254".to_string())
        );
        // Every count and budget has the mark its column's heading shows.
        for lang in [Lang::En, Lang::Zh] {
            let (rows, total) = table(&data, &bands, &above, lang);
            let [count_column, total_column] = figure_columns();
            for row in rows.iter().chain([&total]) {
                assert_eq!(row.count.provenance(), &count_column.mark, "{}", row.key);
                assert_eq!(row.total.provenance(), &total_column.mark, "{}", row.key);
            }
        }
        let read =
            |lang| figure_columns().map(|c| format!("{} [{}]", c.heading.get(lang), c.mark.mark(lang))).join(" | ");
        assert_eq!(read(Lang::En), "Projects [model] | Total budget (HK$M) [model]");
        assert_eq!(read(Lang::Zh), "項目數目 [模型] | 預算合計（百萬元） [模型]");
        assert_eq!(rows.last().map(|r| r.range.as_str()), Some("over 9.5 to 10.0"));
        let chosen = bands.last().map(|b| chosen_band(&data, b, Lang::En)).unwrap_or_else(|| unreachable!());
        assert_eq!(chosen.heading, "Over HK$9.5M to HK$10.0M: 59 projects");
        assert_eq!(chosen.link_text, "Show these 59 in the projects table");
        assert_eq!(chosen.link.matches(',').count(), 58);
        assert_eq!(
            band_label(&bands[0], Lang::Zh),
            format!("0.0 百萬元至0.5 百萬元：{}", projects_count(bands[0].projects.len(), Lang::Zh))
        );
        assert_eq!(
            floor_note(&data, Lang::En),
            "The paper prints budgets to HK$0.1M; 2 projects printed at or below the HK$0.2M floor."
        );
    }
}
