//! How the new projects' budgets are spread: a histogram in HK$0.5M bands from 0 to
//! the HK$10M ceiling, with the floor and the ceiling marked, so the bunching just under
//! the ceiling (above which a project would need the Finance Committee's own approval)
//! is plain to see. The same figures follow as a table.

use crate::charts::histogram::Histogram;
use crate::screens::projects::total_budget;
use crate::state::use_app_state;
use blockvote_model::{Dataset, Money};
use blockvote_present::charts::{HistogramBin, HistogramMarker};
use blockvote_present::format::projects_count;
use blockvote_present::format::{millions, percent};
use blockvote_present::lang::{l, Lang};
use blockvote_present::route::{fragment_for, View};
use blockvote_present::words::{department_name, project_name};
use leptos::prelude::*;
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

/// The band a budget falls in, or `None` if it is above the last band.
pub fn bin_of(budget: Money) -> Option<usize> {
    if budget.millions() <= Decimal::ZERO {
        return Some(0);
    }
    let bands = budget.millions().checked_div(BIN_WIDTH.millions())?.ceil();
    let index = bands.to_usize()?.checked_sub(1)?;
    (index < BIN_COUNT).then_some(index)
}

/// One band and its projects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    pub index: usize,
    pub lo: Money,
    pub hi: Money,
    /// Indices into `Dataset::projects`, in id order.
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
    let bands = members
        .into_iter()
        .enumerate()
        .map(|(index, projects)| {
            let edge = |k: usize| BIN_WIDTH.checked_mul(Decimal::from(k)).unwrap_or(Money::ZERO);
            let total = total_budget(data, &projects).unwrap_or(Money::ZERO);
            Band { index, lo: edge(index), hi: edge(index + 1), projects, total }
        })
        .collect();
    (bands, above)
}

/// `0.0 to 0.5` / `over 9.5 to 10.0` (HK$M).
pub fn band_range(band: &Band, lang: Lang) -> String {
    let (lo, hi) = (band.lo.format(1), band.hi.format(1));
    match (lang, band.index) {
        (Lang::Zh, 0) => format!("{lo} 至 {hi}"),
        (Lang::Zh, _) => format!("超過 {lo} 至 {hi}"),
        (Lang::En, 0) => format!("{lo} to {hi}"),
        (Lang::En, _) => format!("over {lo} to {hi}"),
    }
}

/// The full description of a band, for the bar's accessible name and tooltip.
pub fn band_label(band: &Band, lang: Lang) -> String {
    let count = projects_count(band.projects.len(), lang);
    match lang {
        Lang::Zh => format!("{} 百萬元：{count}", band_range(band, lang)),
        Lang::En => {
            let (lo, hi) = (band.lo.format(1), band.hi.format(1));
            if band.index == 0 {
                format!("HK${lo}M to HK${hi}M: {count}")
            } else {
                format!("Over HK${lo}M to HK${hi}M: {count}")
            }
        }
    }
}

fn money_text(amount: Money, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 百萬元", amount.format(1)),
        Lang::En => format!("HK${}M", amount.format(1)),
    }
}

/// The figures behind the sentence about the ceiling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CeilingFigures {
    /// HK$0.1M under the ceiling (the paper prints budgets to HK$0.1M).
    pub just_under: Money,
    pub at_just_under: usize,
    /// Above `ceiling − BIN_WIDTH` and not above the ceiling.
    pub near: usize,
    pub above_ceiling: usize,
    pub at_or_below_floor: usize,
    pub total: usize,
}

pub fn ceiling_figures(data: &Dataset) -> CeilingFigures {
    let just_under = data.ceiling.checked_sub(Money::from_thousands(100)).unwrap_or(data.ceiling);
    let band_floor = data.ceiling.checked_sub(BIN_WIDTH).unwrap_or(Money::ZERO);
    let budgets = || data.projects.iter().map(|p| p.budget);
    CeilingFigures {
        just_under,
        at_just_under: budgets().filter(|b| *b == just_under).count(),
        near: budgets().filter(|b| *b > band_floor && *b <= data.ceiling).count(),
        above_ceiling: budgets().filter(|b| *b > data.ceiling).count(),
        at_or_below_floor: budgets().filter(|b| *b <= data.floor).count(),
        total: data.projects.len(),
    }
}

#[component]
pub fn Distribution() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let (band_list, above) = bands(&data);
    let figures = ceiling_figures(&data);
    let selected = RwSignal::new(None::<usize>);
    let tallest = band_list.iter().map(|b| b.projects.len()).max().unwrap_or(0);
    let last_is_tallest =
        band_list.last().is_some_and(|b| b.projects.len() == tallest && tallest > 0) && data.ceiling == last_edge();

    let bins = Signal::derive({
        let band_list = band_list.clone();
        move || {
            let lang = lang();
            band_list
                .iter()
                .map(|b| HistogramBin {
                    lo: b.lo.to_f64_for_geometry(),
                    hi: b.hi.to_f64_for_geometry(),
                    count: b.projects.len(),
                    label: band_label(b, lang),
                })
                .collect::<Vec<_>>()
        }
    });
    let (floor, ceiling) = (data.floor, data.ceiling);
    let markers = Signal::derive(move || {
        let lang = lang();
        vec![
            HistogramMarker {
                at: floor.to_f64_for_geometry(),
                label: match lang {
                    Lang::Zh => format!("{}下限", money_text(floor, lang)),
                    Lang::En => format!("{} floor", money_text(floor, lang)),
                },
                label_left: false,
            },
            HistogramMarker {
                at: ceiling.to_f64_for_geometry(),
                label: match lang {
                    Lang::Zh => format!("{}上限（以上須財委會批准）", money_text(ceiling, lang)),
                    Lang::En => format!("{} ceiling (Finance Committee above)", money_text(ceiling, lang)),
                },
                label_left: true,
            },
        ]
    });
    let domain_max = ceiling.max(last_edge()).to_f64_for_geometry() + BIN_WIDTH.to_f64_for_geometry();

    let total_count = data.projects.len();
    let desc = Signal::derive({
        let band_list = band_list.clone();
        move || {
            let lang = lang();
            let peak =
                band_list.iter().filter(|b| b.projects.len() == tallest && tallest > 0).map(|b| band_label(b, lang));
            let peak = peak.collect::<Vec<_>>().join(lang.pick("；", "; "));
            match lang {
                Lang::Zh => format!(
                    "{total_count} 個新項目的預算分布，以 0.5 百萬元為一組，由 0 至 10 百萬元。最高的一組：{peak}。直線標示 {} 下限及 {} 上限。",
                    money_text(floor, lang),
                    money_text(ceiling, lang)
                ),
                Lang::En => format!(
                    "Budgets of the {total_count} new projects in HK$0.5M bands from HK$0 to HK$10M. Tallest band: {peak}. Vertical lines mark the {} floor and the {} ceiling.",
                    money_text(floor, lang),
                    money_text(ceiling, lang)
                ),
            }
        }
    });

    let statement = {
        let figures = figures.clone();
        move || {
            let lang = lang();
            let share = Decimal::from(figures.near)
                .checked_div(Decimal::from(figures.total.max(1)))
                .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
                .map(percent)
                .unwrap_or_default();
            let at = view! { <strong data-testid="count-at-just-under">{figures.at_just_under}</strong> };
            let near = view! { <strong data-testid="count-near-ceiling">{figures.near}</strong> };
            let band_lo = ceiling.checked_sub(BIN_WIDTH).unwrap_or(Money::ZERO);
            match lang {
                Lang::Zh => view! {
                    {at} " 個項目的預算正好是 " {money_text(figures.just_under, lang)} "，只比 "
                    {money_text(ceiling, lang)} "上限（超過者須由立法會財務委員會另行批准）低 0.1 百萬元；"
                    {near} " 個（佔 " {total_count} " 個的 " {share.clone()} "）超過 "
                    {money_text(band_lo, lang)} "而不多於 " {money_text(ceiling, lang)} "，即在上限之下 0.5 百萬元之內"
                    {last_is_tallest.then_some("，多於其他任何 0.5 百萬元的組別")} "。"
                }
                .into_any(),
                Lang::En => view! {
                    {at} " projects are budgeted at exactly " {money_text(figures.just_under, lang)} ", HK$0.1M under the "
                    {money_text(ceiling, lang)} " ceiling above which a project needs the Finance Committee's own approval; "
                    {near} " (" {share.clone()} " of " {total_count} ") are within HK$0.5M below the ceiling (over "
                    {money_text(band_lo, lang)} ", up to " {money_text(ceiling, lang)} ")"
                    {last_is_tallest.then_some(", more than in any other HK$0.5M band")} "."
                }
                .into_any(),
            }
        }
    };

    let floor_note = {
        let figures = figures.clone();
        move || {
            let lang = lang();
            let above_note = (figures.above_ceiling > 0).then(|| match lang {
                Lang::Zh => format!(" {} 個項目超過上限，不在圖中，見下表。", figures.above_ceiling),
                Lang::En => {
                    format!(" {} above the ceiling are not in the chart; see the table.", figures.above_ceiling)
                }
            });
            let floor_text = match lang {
                Lang::Zh => format!(
                    "文件以 0.1 百萬元列出預算；{} 個項目列為 {}或以下（即下限）。",
                    figures.at_or_below_floor,
                    money_text(floor, lang)
                ),
                Lang::En => format!(
                    "The paper prints budgets to HK$0.1M; {} printed at or below the {} floor.",
                    projects_count(figures.at_or_below_floor, lang),
                    money_text(floor, lang)
                ),
            };
            format!("{floor_text}{}", above_note.unwrap_or_default())
        }
    };

    let bin_projects = {
        let data = data.clone();
        let band_list = band_list.clone();
        move || {
            let band = selected.get().and_then(|k| band_list.get(k))?.clone();
            let data = data.clone();
            let ids = band
                .projects
                .iter()
                .filter_map(|i| data.projects.get(*i))
                .map(|p| p.id.to_string())
                .collect::<Vec<_>>()
                .join(",");
            let count = band.projects.len();
            let link = move || fragment_for(View::Projects, lang(), &[("ids".to_string(), ids.clone())]);
            let rows = band
                .projects
                .iter()
                .filter_map(|i| data.projects.get(*i).cloned())
                .map(|p| {
                    let name = p.clone();
                    let dept_data = data.clone();
                    view! {
                        <tr data-testid=format!("bin-project-{}", p.id)>
                            <td class="num">{p.id}</td>
                            <td>{move || department_name(&dept_data, p.department, lang())}</td>
                            <td>{move || project_name(&name, lang())}</td>
                            <td class="num">{millions(p.budget)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let heading = {
                let band = band.clone();
                move || band_label(&band, lang())
            };
            Some(view! {
                <section class="panel bin-projects" data-testid="bin-projects" aria-labelledby="bin-projects-heading">
                    <h3 id="bin-projects-heading">{heading}</h3>
                    {(count > 0)
                        .then(|| {
                            view! {
                                <p>
                                    <a href=link data-testid="bin-projects-link">
                                        {move || match lang() {
                                            Lang::Zh => format!("在項目表中查看這 {count} 個項目"),
                                            Lang::En => format!("Show these {count} in the projects table"),
                                        }}
                                    </a>
                                </p>
                                <table class="data compact">
                                    <thead>
                                        <tr>
                                            <th scope="col" class="num">{move || l("編號", "No.").get(lang())}</th>
                                            <th scope="col">{move || l("部門", "Department").get(lang())}</th>
                                            <th scope="col">
                                                {move || l("項目名稱", "Project name (unofficial translation)").get(lang())}
                                            </th>
                                            <th scope="col" class="num">{move || l("預算（百萬元）", "Budget (HK$M)").get(lang())}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                    <tfoot>
                                        <tr>
                                            <td></td>
                                            <th scope="row" colspan="2">
                                                {move || l("合計", "Total").get(lang())} " · " {move || projects_count(count, lang())}
                                            </th>
                                            <td class="num" data-testid="bin-projects-total">{millions(band.total)}</td>
                                        </tr>
                                    </tfoot>
                                </table>
                            }
                        })}
                    {(count == 0).then(|| view! { <p>{move || l("這一組沒有項目。", "No project falls in this band.").get(lang())}</p> })}
                </section>
            })
        }
    };

    let all_rows: Vec<usize> = (0..data.projects.len()).collect();
    let grand_total = total_budget(&data, &all_rows).map(millions).unwrap_or_else(|| "—".to_string());
    let above_total = total_budget(&data, &above).unwrap_or(Money::ZERO);
    let above_count = above.len();
    let table_rows = band_list
        .into_iter()
        .map(|band| {
            let range = {
                let band = band.clone();
                move || band_range(&band, lang())
            };
            view! {
                <tr data-testid=format!("histogram-row-{}", band.index)>
                    <td class="num range">{range}</td>
                    <td class="num">{band.projects.len()}</td>
                    <td class="num">{millions(band.total)}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <section class="screen distribution" aria-labelledby="distribution-heading">
            <h2 id="distribution-heading">{move || l("新項目的預算分布", "How the new projects' budgets are spread").get(lang())}</h2>
            <p class="headline ceiling-statement" data-testid="ceiling-statement">{statement}</p>
            <p class="note">{floor_note}</p>
            <figure class="chart-figure">
                <Histogram
                    id="budget-histogram"
                    testid="histogram"
                    title=Signal::derive(move || l("新項目預算的分布（每組 0.5 百萬元）", "Budgets of the new projects, in HK$0.5M bands").get(lang()).to_string())
                    desc=desc
                    x_label=Signal::derive(move || l("項目預算（百萬元）", "Project budget (HK$M)").get(lang()).to_string())
                    y_label=Signal::derive(move || l("項目數目", "Number of projects").get(lang()).to_string())
                    hint=Signal::derive(move || {
                        l(
                            "將滑鼠移到柱上或以 Tab 鍵選取可看數字；按一下或按 Enter 列出該組項目。",
                            "Point at a bar or Tab to it to read it; click or press Enter to list its projects.",
                        )
                            .get(lang())
                            .to_string()
                    })
                    bins=bins
                    markers=markers
                    domain_max=domain_max
                    selected=selected
                />
                <figcaption class="note">
                    {move || {
                        l(
                            "每組包括高於下邊界至等於上邊界的預算（第一組由 0 起）。柱上數字為項目數目。",
                            "Each band holds budgets above its lower edge up to and including its upper edge (the first starts at 0). The number above a bar is its count of projects.",
                        )
                            .get(lang())
                    }}
                </figcaption>
            </figure>
            {bin_projects}
            <h3>{move || l("同一組數字的表格", "The same figures as a table").get(lang())}</h3>
            <table class="data compact histogram-table" data-testid="histogram-table">
                <thead>
                    <tr>
                        <th scope="col" class="num">{move || l("預算範圍（百萬元）", "Budget range (HK$M)").get(lang())}</th>
                        <th scope="col" class="num">{move || l("項目數目", "Projects").get(lang())}</th>
                        <th scope="col" class="num">{move || l("預算合計（百萬元）", "Total budget (HK$M)").get(lang())}</th>
                    </tr>
                </thead>
                <tbody>
                    {table_rows}
                    {(above_count > 0)
                        .then(|| {
                            view! {
                                <tr data-testid="histogram-row-above">
                                    <td class="num range">
                                        {move || match lang() {
                                            Lang::Zh => format!("超過 {}", ceiling.format(1)),
                                            Lang::En => format!("over {}", ceiling.format(1)),
                                        }}
                                    </td>
                                    <td class="num">{above_count}</td>
                                    <td class="num">{millions(above_total)}</td>
                                </tr>
                            }
                        })}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" class="num">{move || l("總計", "Total").get(lang())}</th>
                        <td class="num" data-testid="histogram-table-count">{total_count}</td>
                        <td class="num" data-testid="histogram-table-total">{grand_total}</td>
                    </tr>
                </tfoot>
            </table>
        </section>
    }
}

/// The upper edge of the last band (HK$10M).
fn last_edge() -> Money {
    BIN_WIDTH.checked_mul(Decimal::from(BIN_COUNT)).unwrap_or(Money::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Money {
        Money::parse_millions(text).expect("test input parses")
    }

    #[test]
    fn bands_are_open_below_and_closed_above() {
        assert_eq!(bin_of(m("0")), Some(0));
        assert_eq!(bin_of(m("0.2")), Some(0));
        assert_eq!(bin_of(m("0.5")), Some(0));
        assert_eq!(bin_of(m("0.51")), Some(1));
        assert_eq!(bin_of(m("9.5")), Some(18));
        assert_eq!(bin_of(m("9.9")), Some(19));
        assert_eq!(bin_of(m("10")), Some(19));
        assert_eq!(bin_of(m("10.01")), None);
        assert_eq!(bin_of(m("1000000000")), None);
        assert_eq!(last_edge(), m("10"));
    }

    #[test]
    fn the_paper_bunches_under_the_ceiling() {
        let data = Dataset::paper().expect("the paper's data loads");
        let (bands, above) = bands(&data);
        assert_eq!(bands.len(), BIN_COUNT);
        assert!(above.is_empty());
        assert_eq!(bands.iter().map(|b| b.projects.len()).sum::<usize>(), 254);
        let near = data.projects.iter().filter(|p| p.budget > m("9.5") && p.budget <= m("10")).count();
        assert_eq!(bands[19].projects.len(), near);
        let figures = ceiling_figures(&data);
        assert_eq!(figures.near, near);
        assert_eq!(figures.at_just_under, data.projects.iter().filter(|p| p.budget == m("9.9")).count());
        let total = Money::checked_sum(bands.iter().map(|b| b.total)).expect("no overflow");
        assert_eq!(total.format(1), "1,527.7");
    }
}
