//! The meeting brief: the current scenario against the paper on A4, in the chosen
//! language — headline figures, Annex A's allocation, the cash flow (chart and table),
//! the changed projects and every assumption with its source. The screen is the print
//! view: `@media print` in style/main.css hides the app around it and sets A4 pages.
//!
//! Every table's columns are rounded as a whole (largest remainder), so the parts
//! shown add up to the totals shown, as on the other screens.

use crate::charts::columns::QuarterlyColumns;
use crate::components::words::Words;
use crate::saved::offline::today;
use crate::saved::use_saved;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::{ProjectOutcome, Projection, Route, Scenario};
use blockvote_model::exports::project_changed;
use blockvote_model::money::round_parts_to_total;
use blockvote_model::{Dataset, Money};
use blockvote_present::format::millions;
use blockvote_present::lang::{l, Lang};
use blockvote_present::words::PAPER_TITLE;
use blockvote_present::words::{profile_label, route_label, rule_label};
use leptos::prelude::*;
use std::sync::Arc;

/// The most changed projects listed; the rest are counted (the projects CSV has all).
const MAX_CHANGED_LISTED: usize = 25;

/// A headline row: label, paper, scenario, source.
struct Headline {
    key: &'static str,
    label: String,
    paper: Figure,
    scenario: Figure,
    source: String,
}

#[derive(Clone, Copy)]
enum Figure {
    Amount(Money),
    Count(u32),
}

impl Figure {
    fn text(self) -> String {
        match self {
            Figure::Amount(m) => millions(m),
            Figure::Count(n) => n.to_string(),
        }
    }

    fn change(self, paper: Figure) -> String {
        match (self, paper) {
            (Figure::Amount(a), Figure::Amount(b)) => a.checked_sub(b).map(|d| d.format_signed(1)).unwrap_or_default(),
            (Figure::Count(a), Figure::Count(b)) => {
                let d = i64::from(a) - i64::from(b);
                if d > 0 {
                    format!("+{d}")
                } else {
                    d.to_string()
                }
            }
            _ => String::new(),
        }
    }
}

fn route_count(p: &Projection, route: Route) -> u32 {
    p.delegation.routes.iter().find(|r| r.route == route).map_or(0, |r| r.count)
}

/// Where a fact of the paper comes from, e.g. `para 2`.
fn source_of(dataset: &Dataset, key: &str) -> String {
    dataset.facts.get(key).map(|f| f.source.clone()).unwrap_or_default()
}

fn headlines(dataset: &Dataset, p: &Projection, base: &Projection, lang: Lang) -> Vec<Headline> {
    let t = |zh: &'static str, en: &'static str| l(zh, en).get(lang).to_string();
    let derived = t("推算：", "derived: ");
    let year = dataset.budget_year.label();
    vec![
        Headline {
            key: "allocation",
            label: format!("{year} {}", t("整體撥款", "block allocation")),
            paper: Figure::Amount(base.allocation.total.amount),
            scenario: Figure::Amount(p.allocation.total.amount),
            source: t("附件 A；第 6 段", "Annex A; para 6"),
        },
        Headline {
            key: "cash-total",
            label: format!("{year} {}", t("現金需求總額", "total cash need")),
            paper: Figure::Amount(base.budget_year_totals.total),
            scenario: Figure::Amount(p.budget_year_totals.total),
            source: format!("{} {derived}{}", t("附件 B；", "Annex B;"), t("持續＋新項目", "ongoing + new projects")),
        },
        Headline {
            key: "cash-ongoing",
            label: t("　其中：持續項目", "   of which ongoing projects"),
            paper: Figure::Amount(base.budget_year_totals.ongoing),
            scenario: Figure::Amount(p.budget_year_totals.ongoing),
            source: t("附件 B（541 個項目）", "Annex B (541 projects)"),
        },
        Headline {
            key: "cash-new",
            label: t("　其中：新項目", "   of which new projects"),
            paper: Figure::Amount(base.budget_year_totals.new),
            scenario: Figure::Amount(p.budget_year_totals.new),
            source: format!(
                "{} {derived}{}",
                t("附件 B；", "Annex B;"),
                t(
                    "附件 C 各項目按開支模式計算的季度現金總和",
                    "sum of Annex C projects' quarterly cash under the spending profile"
                )
            ),
        },
        Headline {
            key: "surplus",
            label: t("撥款減現金需求", "Allocation less cash need"),
            paper: Figure::Amount(base.allocation.surplus),
            scenario: Figure::Amount(p.allocation.surplus),
            source: format!("{derived}{}", t("撥款總額 − 現金需求總額", "allocation total − total cash need")),
        },
        Headline {
            key: "new-included",
            label: t("納入的新項目", "New projects included"),
            paper: Figure::Count(base.new_projects.count.saturating_sub(base.new_projects.excluded)),
            scenario: Figure::Count(p.new_projects.count.saturating_sub(p.new_projects.excluded)),
            source: t("附件 C", "Annex C"),
        },
        Headline {
            key: "finance-committee",
            label: route_label(Route::FinanceCommittee).get(lang).to_string(),
            paper: Figure::Count(route_count(base, Route::FinanceCommittee)),
            scenario: Figure::Count(route_count(p, Route::FinanceCommittee)),
            source: format!(
                "{}{}{derived}{}",
                source_of(dataset, "threshold.ceiling_m"),
                t("；", "; "),
                t("按上限分類", "by the ceiling")
            ),
        },
    ]
}

/// The projects whose budget, timing, inclusion or budget-year cash differ from the
/// paper, largest change in budget-year cash first.
fn changed_projects<'a>(
    p: &'a Projection,
    base: &'a Projection,
) -> Vec<(&'a ProjectOutcome, Option<&'a ProjectOutcome>)> {
    let mut changed: Vec<_> =
        p.projects.iter().filter(|o| project_changed(o, base)).map(|o| (o, base.project(o.id))).collect();
    let change = |(o, b): &(&ProjectOutcome, Option<&ProjectOutcome>)| {
        o.budget_year.checked_sub(b.map_or(Money::ZERO, |b| b.budget_year)).unwrap_or_default()
    };
    changed.sort_by(|x, y| change(y).millions().abs().cmp(&change(x).millions().abs()).then(x.0.id.cmp(&y.0.id)));
    changed
}

/// One assumption: what it is, the paper's value, the scenario's, and the source.
struct Assumption {
    label: String,
    paper: String,
    scenario: String,
    source: String,
}

fn assumptions(dataset: &Dataset, s: &Scenario, p: &Projection, lang: Lang) -> Vec<Assumption> {
    let t = |zh: &'static str, en: &'static str| l(zh, en).get(lang).to_string();
    let paper = Scenario::default();
    let on_off = |on: bool| if on { t("有", "on") } else { t("沒有", "off") };
    let slip = |x: &Scenario| {
        if x.slippage.enabled {
            format!(
                "{}% {} {} {}",
                (x.slippage.share * rust_decimal::Decimal::ONE_HUNDRED).round_dp(1),
                t("延誤", "late by"),
                x.slippage.quarters,
                t("季", "quarter(s)")
            )
        } else {
            on_off(false)
        }
    };
    let money_or = |m: Option<Money>, fallback: Option<Money>| m.or(fallback).map(millions).unwrap_or_default();
    let ceiling = dataset.facts.money("threshold.ceiling_m");
    let floor = dataset.facts.money("threshold.floor_m");
    let edited_categories = s.allocation.categories.iter().filter(|c| c.amount.is_some() || c.locked).count();
    vec![
        Assumption {
            label: t("新項目的開支模式", "New projects' spending profile"),
            paper: profile_label(paper.default_profile).get(lang).to_string(),
            scenario: profile_label(s.default_profile).get(lang).to_string(),
            source: format!(
                "{} r = {}",
                t(
                    "附件 B（新項目 2018-19 年度 243 百萬元）；校準：完成季度支付預算的",
                    "Annex B (new projects HK$243M in 2018-19); calibrated: share paid in the completion quarter"
                ),
                p.calibration.retention.round_dp(6)
            ),
        },
        Assumption {
            label: t("延誤（確定性）", "Slippage (deterministic)"),
            paper: slip(&paper),
            scenario: slip(s),
            source: t(
                "第 5 段：210 份報表中 69 份未能依期完成（依期 67.1%）",
                "para 5: 69 of 210 returns not on schedule (67.1% on time)",
            ),
        },
        Assumption {
            label: t("新項目成本變動", "Cost change of new projects"),
            paper: "0%".to_string(),
            scenario: format!("{}%", s.cost_change_pct.normalize()),
            source: t("假設（使用者設定）", "assumption (set by the user)"),
        },
        Assumption {
            label: t("財委會審批上限（百萬元）", "Finance Committee ceiling (HK$M)"),
            paper: money_or(None, ceiling),
            scenario: money_or(s.delegation.ceiling, ceiling),
            source: source_of(dataset, "threshold.ceiling_m"),
        },
        Assumption {
            label: t("部門自行審批下限（百萬元）", "Departmental floor (HK$M)"),
            paper: money_or(None, floor),
            scenario: money_or(s.delegation.floor, floor),
            source: source_of(dataset, "threshold.floor_m"),
        },
        Assumption {
            label: t("持續項目 2018-19 年度現金（百萬元）", "Ongoing projects' 2018-19 cash (HK$M)"),
            paper: millions(p.ongoing.paper_budget_year),
            scenario: millions(p.ongoing.budget_year),
            source: t("附件 B（541 個項目）", "Annex B (541 projects)"),
        },
        Assumption {
            label: t("2018-19 年度現金上限", "2018-19 cash cap"),
            paper: on_off(false),
            scenario: s
                .cap
                .as_ref()
                .map(|c| format!("{} ({})", millions(c.amount), rule_label(c.rule).get(lang)))
                .unwrap_or_else(|| on_off(false)),
            source: t("假設（使用者設定）", "assumption (set by the user)"),
        },
        Assumption {
            label: t("撥款類別的修改", "Edits of Annex A categories"),
            paper: "0".to_string(),
            scenario: match s.allocation.scale_to {
                Some(target) => {
                    format!("{edited_categories}; {} {}", t("按比例調整至", "scaled pro rata to"), millions(target))
                }
                None => edited_categories.to_string(),
            },
            source: t("附件 A", "Annex A"),
        },
        Assumption {
            label: t("個別項目及組別的修改", "Edits of single projects and groups"),
            paper: "0".to_string(),
            scenario: format!("{} + {}", s.projects.len(), s.groups.len()),
            source: t("附件 C", "Annex C"),
        },
    ]
}

#[component]
pub fn Brief() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let saved = use_saved();
    let store = saved.store;
    let data = state.data();
    let baseline = whatif.baseline.get_value();
    // Which scenario this is: a saved one's name, the paper, or unsaved.
    let scenario_name = move || {
        let current = whatif.scenario.get();
        if current == Scenario::default() {
            return l("文件（未有修改）", "The paper (no changes)").get(lang()).to_string();
        }
        store
            .with(|s| s.scenarios.iter().find(|x| x.scenario == current).map(|x| x.name.clone()))
            .unwrap_or_else(|| l("未儲存的情景", "Unsaved scenario").get(lang()).to_string())
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let body = move || {
        let lang = lang();
        let (Some(p), Some(base)) = (whatif.projection.get(), baseline.clone()) else {
            return view! { <p class="note">{l("未能計算。", "Nothing to show.").get(lang)}</p> }.into_any();
        };
        let scenario = whatif.scenario.get();
        view! {
            <HeadlineTable dataset=data.clone() p=p.clone() base=base.clone() lang=lang />
            <AllocationTable dataset=data.clone() p=p.clone() lang=lang />
            <CashSection p=p.clone() base=base.clone() lang=lang />
            <ChangedProjects dataset=data.clone() p=p.clone() base=base.clone() lang=lang />
            <Assumptions dataset=data.clone() scenario=scenario p=p lang=lang />
        }
        .into_any()
    };
    view! {
        <section class="screen brief" data-testid="brief">
            <div class="brief-actions">
                <button type="button" class="primary" data-testid="brief-print" on:click=print>
                    {move || l("列印／另存為 PDF", "Print / save as PDF").get(lang())}
                </button>
                <p class="note">{move || l(
                    "A4 直向；列印時只會印出以下簡報。語言跟隨目前的選擇。",
                    "A4 portrait; only the brief below is printed. It is in the language chosen now.",
                ).get(lang())}</p>
            </div>
            <article class="brief-page" data-testid="brief-page">
                <header class="brief-head">
                    <p class="brief-kicker">{move || l("會議簡報", "Meeting brief").get(lang())}</p>
                    <h2>{move || l(
                        "總目 710 電腦化計劃分目 A007GX 2018-19 年度整體撥款",
                        "Head 710 Computerisation, Subhead A007GX: block allocation 2018-19",
                    ).get(lang())}</h2>
                    <p>
                        <strong>{move || l("情景：", "Scenario: ").get(lang())}</strong>
                        <span data-testid="brief-scenario">{scenario_name}</span>
                        " · "
                        {move || l("編製日期：", "Prepared: ").get(lang())}
                        {today()}
                        " · blockvote"
                    </p>
                    <p class="note">{move || l("資料來源：", "Source: ").get(lang())}<Words label=PAPER_TITLE /></p>
                    <p class="note">{move || l(
                        "金額單位為百萬港元；每欄以最大餘數法四捨五入至一位小數，使欄內數字相加等於所示總數。",
                        "Amounts in HK$ million; each column is rounded to one decimal as a whole (largest remainder) so that it adds up to the total shown.",
                    ).get(lang())}</p>
                </header>
                {body}
            </article>
        </section>
    }
}

#[component]
fn HeadlineTable(dataset: Arc<Dataset>, p: Arc<Projection>, base: Arc<Projection>, lang: Lang) -> impl IntoView {
    let rows = headlines(&dataset, &p, &base, lang)
        .into_iter()
        .map(|h| {
            let changed = h.scenario.text() != h.paper.text();
            view! {
                <tr data-testid=format!("brief-headline-{}", h.key) class:differs=changed>
                    <th scope="row">{h.label}</th>
                    <td class="num">{h.paper.text()}</td>
                    <td class="num" data-testid=format!("brief-headline-{}-scenario", h.key)>{h.scenario.text()}</td>
                    <td class="num">{h.scenario.change(h.paper)}</td>
                    <td class="source">{h.source}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="brief-section">
            <h3>{l("主要數字", "Headline figures").get(lang)}</h3>
            <table class="data compact" data-testid="brief-headlines">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{l("項目", "Item").get(lang)}</span></th>
                        <th scope="col" class="num">{l("文件", "Paper").get(lang)}</th>
                        <th scope="col" class="num">{l("情景", "Scenario").get(lang)}</th>
                        <th scope="col" class="num">{l("差額", "Change").get(lang)}</th>
                        <th scope="col">{l("來源／推算", "Source / derivation").get(lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[component]
fn AllocationTable(dataset: Arc<Dataset>, p: Arc<Projection>, lang: Lang) -> impl IntoView {
    let cats = &p.allocation.categories;
    let prior = round_parts_to_total(&cats.iter().map(|c| c.prior_amount).collect::<Vec<_>>(), 1);
    let paper = round_parts_to_total(&cats.iter().map(|c| c.paper_amount).collect::<Vec<_>>(), 1);
    let scenario = round_parts_to_total(&cats.iter().map(|c| c.amount).collect::<Vec<_>>(), 1);
    let change: Vec<Money> = cats.iter().map(|c| c.amount.checked_sub(c.paper_amount).unwrap_or_default()).collect();
    let change = round_parts_to_total(&change, 1);
    let sum = |column: &[Money]| Money::checked_sum(column.iter().copied()).unwrap_or_default();
    let rows = cats
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = dataset
                .categories
                .iter()
                .find(|k| k.id == c.id)
                .map(|k| if lang == Lang::Zh { k.name_zh.clone() } else { k.name_en.clone() })
                .unwrap_or_default();
            let at = |column: &[Money]| column.get(i).copied().unwrap_or_default();
            view! {
                <tr data-testid=format!("brief-category-{}", c.id) class:differs=c.amount != c.paper_amount>
                    <th scope="row">{format!("{}. {name}", c.id)}</th>
                    <td class="num">{millions(at(&prior))}</td>
                    <td class="num">{millions(at(&paper))}</td>
                    <td class="num">{millions(at(&scenario))}</td>
                    <td class="num">{at(&change).format_signed(1)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="brief-section">
            <h3>{l("按開支類別的撥款（附件 A）", "Allocation by expenditure category (Annex A)").get(lang)}</h3>
            <table class="data compact" data-testid="brief-allocation">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{l("項目", "Item").get(lang)}</span></th>
                        <th scope="col" class="num">{l("2017-18 核准", "2017-18 approved")
                            .get(lang)}</th>
                        <th scope="col" class="num">{l("2018-19 文件", "2018-19 paper").get(lang)}</th>
                        <th scope="col" class="num">{l("2018-19 情景", "2018-19 scenario").get(lang)}</th>
                        <th scope="col" class="num">{l("差額", "Change").get(lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{l("總計", "Total").get(lang)}</th>
                        <td class="num">{millions(sum(&prior))}</td>
                        <td class="num">{millions(sum(&paper))}</td>
                        <td class="num" data-testid="brief-allocation-total">{millions(sum(&scenario))}</td>
                        <td class="num">{sum(&change).format_signed(1)}</td>
                    </tr>
                </tfoot>
            </table>
        </section>
    }
}

#[component]
fn CashSection(p: Arc<Projection>, base: Arc<Projection>, lang: Lang) -> impl IntoView {
    let quarters = blockvote_present::cash::quarter_chart(&p, &base, lang).quarters;
    let base_total = |year| base.years.iter().find(|b| b.year == year).map(|b| b.total).unwrap_or_default();
    let ongoing = round_parts_to_total(&p.years.iter().map(|y| y.ongoing).collect::<Vec<_>>(), 1);
    let new = round_parts_to_total(&p.years.iter().map(|y| y.new).collect::<Vec<_>>(), 1);
    let total = round_parts_to_total(&p.years.iter().map(|y| y.total).collect::<Vec<_>>(), 1);
    let paper = round_parts_to_total(&p.years.iter().map(|y| base_total(y.year)).collect::<Vec<_>>(), 1);
    let change: Vec<Money> =
        p.years.iter().map(|y| y.total.checked_sub(base_total(y.year)).unwrap_or_default()).collect();
    let change = round_parts_to_total(&change, 1);
    let sum = |column: &[Money]| Money::checked_sum(column.iter().copied()).unwrap_or_default();
    let rows = p
        .years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let at = |column: &[Money]| column.get(i).copied().unwrap_or_default();
            let label = y.year.label();
            view! {
                <tr data-testid=format!("brief-year-{label}")>
                    <th scope="row">{label.clone()}</th>
                    <td class="num">{millions(at(&ongoing))}</td>
                    <td class="num">{millions(at(&new))}</td>
                    <td class="num" data-testid=format!("brief-year-{label}-total")>{millions(at(&total))}</td>
                    <td class="num">{millions(at(&paper))}</td>
                    <td class="num">{at(&change).format_signed(1)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="brief-section">
            <h3>{l("現金流量", "Cash flow").get(lang)}</h3>
            <QuarterlyColumns
                id="brief-cash-chart"
                title=l("每季現金需求：文件與情景", "Quarterly cash need: paper and scenario").get(lang).to_string()
                description=l(
                    "每季兩條柱：左為文件，右為情景；每條柱由持續項目（實心）及新項目（斜線）組成，單位百萬元。數字見下表。",
                    "Two columns a quarter: the paper (left) and the scenario (right), each stacking ongoing (solid) and new projects (hatched), HK$ million. The table gives the figures.",
                ).get(lang).to_string()
                quarters=quarters
                segment_names=vec![l("持續項目", "Ongoing projects").get(lang).to_string(), l("新項目", "New projects").get(lang).to_string()]
                column_names=vec![l("文件", "Paper").get(lang).to_string(), l("情景", "Scenario").get(lang).to_string()]
                range_name=Signal::derive(|| None::<String>)
            />
            <table class="data compact" data-testid="brief-years">
                <thead>
                    <tr>
                        <th scope="col">{l("財政年度", "Financial year").get(lang)}</th>
                        <th scope="col" class="num">{l("持續項目", "Ongoing").get(lang)}</th>
                        <th scope="col" class="num">{l("新項目", "New").get(lang)}</th>
                        <th scope="col" class="num">{l("情景總額", "Scenario total").get(lang)}</th>
                        <th scope="col" class="num">{l("文件", "Paper").get(lang)}</th>
                        <th scope="col" class="num">{l("差額", "Change").get(lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{l("總計", "Total").get(lang)}</th>
                        <td class="num">{millions(sum(&ongoing))}</td>
                        <td class="num">{millions(sum(&new))}</td>
                        <td class="num">{millions(sum(&total))}</td>
                        <td class="num">{millions(sum(&paper))}</td>
                        <td class="num">{sum(&change).format_signed(1)}</td>
                    </tr>
                </tfoot>
            </table>
        </section>
    }
}

#[component]
fn ChangedProjects(dataset: Arc<Dataset>, p: Arc<Projection>, base: Arc<Projection>, lang: Lang) -> impl IntoView {
    let changed = changed_projects(&p, &base);
    let count = changed.len();
    let more = count.saturating_sub(MAX_CHANGED_LISTED);
    let rows = changed
        .iter()
        .take(MAX_CHANGED_LISTED)
        .map(|(o, b)| {
            let project = dataset.projects.iter().find(|x| x.id == o.id);
            let department = project.and_then(|x| dataset.departments.get(x.department));
            let name = project.map(|x| if lang == Lang::Zh { x.name_zh.clone() } else { x.name_en.clone() });
            let department = department.map(|d| if lang == Lang::Zh { d.name_zh.clone() } else { d.name_en.clone() });
            let timing = if b.is_some_and(|b| b.start == o.start && b.completion == o.completion) {
                format!("{} – {}", o.start.label(), o.completion.label())
            } else {
                format!(
                    "{} – {} → {} – {}",
                    o.paper_start.label(),
                    o.paper_completion.label(),
                    o.start.label(),
                    o.completion.label()
                )
            };
            let status = if !o.included {
                l("剔除", "excluded").get(lang).to_string()
            } else if o.deferred_by_cap.is_some() {
                l("因現金上限延後", "deferred by the cap").get(lang).to_string()
            } else {
                String::new()
            };
            view! {
                <tr data-testid=format!("brief-project-{}", o.id)>
                    <td class="num">{o.id}</td>
                    <td>{name.unwrap_or_default()}<span class="department">{department.unwrap_or_default()}</span></td>
                    <td class="num">{millions(o.paper_budget)}" → "{millions(o.budget)}</td>
                    <td>{timing}</td>
                    <td class="num">{millions(b.map_or(Money::ZERO, |b| b.budget_year))}" → "{millions(o.budget_year)}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    let year = p.budget_year.label();
    view! {
        <section class="brief-section">
            <h3>{match lang {
                Lang::Zh => format!("與文件不同的項目（{count} 個）"),
                Lang::En => format!("Projects changed from the paper ({count})"),
            }}</h3>
            {if count == 0 {
                view! { <p data-testid="brief-no-changes">{l("沒有項目與文件不同。", "No project differs from the paper.").get(lang)}</p> }.into_any()
            } else {
                view! {
                    <table class="data compact brief-projects" data-testid="brief-projects">
                        <colgroup>
                            <col class="w-id" />
                            <col class="w-name" />
                            <col class="w-budget" />
                            <col class="w-timing" />
                            <col class="w-cash" />
                            <col class="w-status" />
                        </colgroup>
                        <thead>
                            <tr>
                                <th scope="col" class="num">{l("編號", "No.").get(lang)}</th>
                                <th scope="col">{l("項目（部門）", "Project (department)").get(lang)}</th>
                                <th scope="col" class="num">{l("預算（文件 → 情景）", "Budget (paper → scenario)").get(lang)}</th>
                                <th scope="col">{l("開始 – 完成", "Start – completion").get(lang)}</th>
                                <th scope="col" class="num">{format!("{year} {}", l("現金", "cash").get(lang))}</th>
                                <th scope="col">{l("狀況", "Status").get(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {(more > 0).then(|| view! {
                        <p class="note" data-testid="brief-projects-more">{match lang {
                            Lang::Zh => format!("另有 {more} 個項目未列出（按 {year} 年度現金變動由大至小排列）；全部項目見「情景」畫面的項目 CSV。"),
                            Lang::En => format!("{more} more not listed (sorted by the change in {year} cash, largest first); the projects CSV on the Scenarios screen has them all."),
                        }}</p>
                    })}
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn Assumptions(dataset: Arc<Dataset>, scenario: Scenario, p: Arc<Projection>, lang: Lang) -> impl IntoView {
    let rows = assumptions(&dataset, &scenario, &p, lang)
        .into_iter()
        .map(|a| {
            let changed = a.paper != a.scenario;
            view! {
                <tr class:differs=changed>
                    <th scope="row">{a.label}</th>
                    <td>{a.paper}</td>
                    <td>{a.scenario}</td>
                    <td class="source">{a.source}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="brief-section">
            <h3>{l("假設及來源", "Assumptions and sources").get(lang)}</h3>
            <table class="data compact" data-testid="brief-assumptions">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{l("項目", "Item").get(lang)}</span></th>
                        <th scope="col">{l("文件", "Paper").get(lang)}</th>
                        <th scope="col">{l("情景", "Scenario").get(lang)}</th>
                        <th scope="col">{l("來源", "Source").get(lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
