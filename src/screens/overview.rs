//! The paper at a glance: the allocation against last year (para 6), Annex A, Annex B,
//! para 5's performance table and para 2's thresholds, each figure with its source;
//! then findings derived from the data, each linking to the projects behind it.

use crate::charts::bars::GroupedBars;
use crate::components::legacy_marks::{Derived, Source};
use crate::state::use_app_state;
use blockvote_model::findings::{findings, LONG_PROJECT_QUARTERS};
use blockvote_model::money::{format_decimal, percent_change};
use blockvote_model::{CohortId, Dataset, Money};
use blockvote_present::charts::Series;
use blockvote_present::format::{millions, percent, percent_signed};
use blockvote_present::lang::{l, Lang};
use blockvote_present::route::{fragment_for, View};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

fn ids_link(ids: &[u16], lang: Lang) -> String {
    let list = ids.iter().map(u16::to_string).collect::<Vec<_>>().join(",");
    fragment_for(View::Projects, lang, &[("ids".to_string(), list)])
}

#[component]
pub fn Overview() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let proposed = data.facts.money("para6.allocation_2018_19_m").unwrap_or_default();
    let prior = data.facts.money("para6.allocation_2017_18_m").unwrap_or_default();
    let increase = proposed.checked_sub(prior).unwrap_or_default();
    let change = percent_change(proposed, prior).map(percent_signed).unwrap_or_default();

    view! {
        <section class="screen overview">
            <h2>{move || l("文件重點", "The paper at a glance").get(lang())}</h2>
            <div class="headline-cards">
                <div class="card">
                    <p class="card-label">{move || l("2018-19 年度整體撥款", "2018-19 block allocation").get(lang())}</p>
                    <p class="card-figure" data-testid="headline-allocation">
                        {money_unit(proposed)} <Source source="para 6" />
                    </p>
                    <p class="card-note">
                        {move || l("2017-18 年度：", "2017-18: ").get(lang())} {money_unit(prior)} " · "
                        <span data-testid="headline-change">{format!("+{} ({change})", millions(increase))}</span>
                    </p>
                </div>
                <CohortCard data=data.clone() />
            </div>
            <AnnexA data=data.clone() />
            <Performance data=data.clone() />
            <Thresholds data=data.clone() />
            <FindingsList data=data.clone() />
        </section>
    }
}

fn money_unit(amount: Money) -> impl IntoView {
    let state = use_app_state();
    move || blockvote_present::format::money_with_unit(amount, state.lang.get())
}

#[component]
fn CohortCard(data: Arc<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let rows: Vec<_> = data.cohorts.clone();
    let total_projects: u32 = rows.iter().map(|c| c.project_count).sum();
    let total_cash = Money::checked_sum(rows.iter().map(|c| c.cash_budget_year)).unwrap_or_default();
    view! {
        <div class="card">
            <p class="card-label">
                {move || l("2018-19 年度現金流量（按項目組別）", "2018-19 cash flow by cohort").get(lang())}
                <Source source="Annex B" />
            </p>
            <table class="data compact" data-testid="annex-b">
                <thead>
                    <tr>
                        <th scope="col">{move || l("項目組別", "Cohort").get(lang())}</th>
                        <th scope="col" class="num">{move || l("項目數量", "Projects").get(lang())}</th>
                        <th scope="col" class="num">{move || l("現金流量（百萬元）", "Cash (HK$M)").get(lang())}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|cohort| {
                            let zh = cohort.name_zh.clone();
                            let en = cohort.name_en.clone();
                            let testid = match cohort.id {
                                CohortId::Ongoing => "cohort-ongoing",
                                CohortId::New => "cohort-new",
                            };
                            view! {
                                <tr data-testid=testid>
                                    <th scope="row">{move || if lang() == Lang::Zh { zh.clone() } else { en.clone() }}</th>
                                    <td class="num">{cohort.project_count}</td>
                                    <td class="num">{millions(cohort.cash_budget_year)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{move || l("總計", "Total").get(lang())}</th>
                        <td class="num" data-testid="cohort-total-projects">{total_projects}</td>
                        <td class="num" data-testid="cohort-total-cash">{millions(total_cash)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

#[component]
fn AnnexA(data: Arc<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let categories = data.categories.clone();
    let proposed = Money::checked_sum(categories.iter().map(|c| c.proposed)).unwrap_or_default();
    let prior = Money::checked_sum(categories.iter().map(|c| c.approved_prior)).unwrap_or_default();
    let total_diff = proposed.checked_sub(prior).unwrap_or_default();
    let total_pct = percent_change(proposed, prior).map(percent_signed).unwrap_or_default();
    let chart_categories = categories.clone();
    let groups = Signal::derive(move || {
        chart_categories
            .iter()
            .map(|c| if lang() == Lang::Zh { c.name_zh.clone() } else { c.name_en.clone() })
            .collect()
    });
    let series_categories = categories.clone();
    let series = Signal::derive(move || {
        vec![
            Series {
                name: l("2018-19 建議", "2018-19 proposed").get(lang()).to_string(),
                values: series_categories.iter().map(|c| c.proposed).collect(),
            },
            Series {
                name: l("2017-18 核准", "2017-18 approved").get(lang()).to_string(),
                values: series_categories.iter().map(|c| c.approved_prior).collect(),
            },
        ]
    });
    view! {
        <section class="panel" aria-labelledby="annex-a-heading">
            <h3 id="annex-a-heading">
                {move || l("按開支類別劃分的整體撥款", "Block allocation by expenditure category").get(lang())}
                <Source source="Annex A" />
            </h3>
            <div class="stack">
                <table class="data" data-testid="annex-a">
                    <thead>
                        <tr>
                            <th scope="col">{move || l("開支類別", "Category").get(lang())}</th>
                            <th scope="col" class="num">{move || l("2018-19 建議（百萬元）", "2018-19 proposed (HK$M)").get(lang())}</th>
                            <th scope="col" class="num">{move || l("2017-18 核准（百萬元）", "2017-18 approved (HK$M)").get(lang())}</th>
                            <th scope="col" class="num">{move || l("差額（百萬元）", "Difference (HK$M)").get(lang())}</th>
                            <th scope="col" class="num">{move || l("差額百分比", "Difference (%)").get(lang())}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {categories
                            .into_iter()
                            .map(|c| {
                                let zh = c.name_zh.clone();
                                let en = c.name_en.clone();
                                view! {
                                    <tr data-testid=format!("annex-a-row-{}", c.id)>
                                        <th scope="row">{c.id}". " {move || if lang() == Lang::Zh { zh.clone() } else { en.clone() }}</th>
                                        <td class="num">{millions(c.proposed)}</td>
                                        <td class="num">{millions(c.approved_prior)}</td>
                                        <td class="num">{c.printed_difference.format_signed(1)}</td>
                                        <td class="num">{percent_signed(c.printed_difference_pct)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{move || l("總計", "Total").get(lang())}</th>
                            <td class="num" data-testid="annex-a-total-proposed">{millions(proposed)}</td>
                            <td class="num" data-testid="annex-a-total-prior">{millions(prior)}</td>
                            <td class="num">{total_diff.format_signed(1)}</td>
                            <td class="num">{total_pct}</td>
                        </tr>
                    </tfoot>
                </table>
                <GroupedBars
                    id="annex-a-chart"
                    title=Signal::derive(move || l("開支類別：2018-19 與 2017-18", "Categories: 2018-19 against 2017-18").get(lang()).to_string())
                    description=Signal::derive(move || l(
                        "每個開支類別的 2018-19 建議撥款（實心）及 2017-18 核准撥款（斜線），單位百萬元；數字見左表。",
                        "Each category's 2018-19 proposed amount (solid) and 2017-18 approved amount (hatched), HK$ million; the table gives the figures.",
                    ).get(lang()).to_string())
                    groups=groups
                    series=series
                />
            </div>
        </section>
    }
}

#[component]
fn Performance(data: Arc<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let indicators = [
        ("budget", l("按財政預算完成", "Completed within budget")),
        ("specification", l("符合協定規格", "Met agreed specifications")),
        ("schedule", l("依期完成", "Completed on schedule")),
        ("benefits", l("取得預期效益", "Achieved expected benefits")),
    ];
    let reports = data.facts.count("para5.reports").unwrap_or(0);
    let note = data.facts.get("para5.schedule.note").cloned();
    let rows = indicators
        .into_iter()
        .map(|(key, label)| {
            let met = data.facts.count(&format!("para5.{key}.met")).unwrap_or(0);
            let not_met = data.facts.count(&format!("para5.{key}.not_met")).unwrap_or(0);
            let rate = data.facts.decimal(&format!("para5.{key}.rate_pct")).unwrap_or_default();
            view! {
                <tr data-testid=format!("para5-{key}") class:warn=key == "schedule">
                    <th scope="row">{move || label.get(lang())}</th>
                    <td class="num">{met}</td>
                    <td class="num">{not_met}</td>
                    <td class="num">{percent(rate)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="para5-heading">
            <h3 id="para5-heading">
                {move || {
                    format!(
                        "{} {reports} {}",
                        l("2016 年", "Performance reported in 2016's").get(lang()),
                        l("份「項目推行後部門報表」所匯報的表現", "post-implementation departmental returns").get(lang()),
                    )
                }}
                <Source source="para 5" />
            </h3>
            <table class="data" data-testid="para5">
                <thead>
                    <tr>
                        <th scope="col">{move || l("表現指標", "Indicator").get(lang())}</th>
                        <th scope="col" class="num">{move || l("達標", "Met").get(lang())}</th>
                        <th scope="col" class="num">{move || l("未達標", "Not met").get(lang())}</th>
                        <th scope="col" class="num">{move || l("達標率", "Rate").get(lang())}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {note
                .map(|note| {
                    view! {
                        <p class="note">
                            {move || l("註：", "Note: ").get(lang())}
                            {move || if lang() == Lang::Zh { note.label_zh.clone() } else { note.label_en.clone() }}
                        </p>
                    }
                })}
        </section>
    }
}

#[component]
fn Thresholds(data: Arc<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let floor = data.floor.format(1);
    let ceiling = data.ceiling.format(1);
    let (floor_a, floor_b, ceiling_a, ceiling_b) = (floor.clone(), floor.clone(), ceiling.clone(), ceiling.clone());
    view! {
        <section class="panel" aria-labelledby="thresholds-heading">
            <h3 id="thresholds-heading">
                {move || l("審批門檻", "Approval thresholds").get(lang())} <Source source="para 2" />
            </h3>
            <table class="data" data-testid="thresholds-table">
                <thead>
                    <tr>
                        <th scope="col">{move || l("每項計劃所需費用", "Cost of each project").get(lang())}</th>
                        <th scope="col">{move || l("審批及撥款", "Approval and funding").get(lang())}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <td>{move || match lang() {
                            Lang::Zh => format!("不超過 {floor_a} 百萬元"),
                            Lang::En => format!("Up to HK${floor_a}M"),
                        }}</td>
                        <td>{move || l("由局／部門批准，從其運作開支撥款", "Approved by the bureau or department; paid from its operating expenditure").get(lang())}</td>
                    </tr>
                    <tr>
                        <td>{move || match lang() {
                            Lang::Zh => format!("{floor_b} 百萬元以上至 {ceiling_a} 百萬元"),
                            Lang::En => format!("Over HK${floor_b}M up to HK${ceiling_a}M"),
                        }}</td>
                        <td>{move || l("政府資訊科技總監獲轉授權力批准，由總目 710 分目 A007GX 整體撥款支付", "Approved by the Government Chief Information Officer under delegated authority; paid from the block allocation, Head 710 Subhead A007GX").get(lang())}</td>
                    </tr>
                    <tr>
                        <td>{move || match lang() {
                            Lang::Zh => format!("超過 {ceiling_b} 百萬元"),
                            Lang::En => format!("Over HK${ceiling_b}M"),
                        }}</td>
                        <td>{move || l("須獲立法會財務委員會批准，由總目 710 個別分目支付", "Needs approval by the Legislative Council's Finance Committee; paid from its own subhead of Head 710").get(lang())}</td>
                    </tr>
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn FindingsList(data: Arc<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    let found = findings(&data);
    let pct = |value: Decimal| format_decimal(value, 1);
    let department_name = {
        let data = data.clone();
        move |index: usize, lang: Lang| {
            data.departments
                .get(index)
                .map(|d| if lang == Lang::Zh { d.name_zh.clone() } else { d.name_en.clone() })
                .unwrap_or_default()
        }
    };

    let (top_budget, at_top) = found.at_top_budget.clone();
    let near = found.near_ceiling.clone();
    let near_total = found.near_ceiling_total;
    let long = found.long_projects.clone();
    let longest = found.longest_quarters;
    let completing = found.completing_in_budget_year.clone();
    let total = found.total_budget;
    let count = found.project_count;
    let cash_pct = found.budget_year_cash_percent.map(pct).unwrap_or_default();
    let beyond = found.committed_beyond_budget_year.unwrap_or_default();
    let late_projects = found.expected_late_projects.map(|d| format_decimal(d, 0)).unwrap_or_default();
    let late_budget = found.expected_late_budget.unwrap_or_default();
    let security = found.themes.iter().find(|t| t.theme == blockvote_model::Theme::ItSecurity).cloned();
    let refresh = found.themes.iter().find(|t| t.theme == blockvote_model::Theme::TechnologyRefresh).cloned();
    let departments = found.top_departments.clone();

    let item = move |testid: &'static str, text: Signal<String>, ids: Vec<u16>, how: Signal<String>| {
        let n = ids.len();
        view! {
            <li data-testid=testid>
                <span>{move || text.get()}</span>
                " "
                <Derived how=how />
                " "
                <a href=move || ids_link(&ids, state.lang.get()) class="rows-link">
                    {move || match state.lang.get() {
                        Lang::Zh => format!("查看這 {n} 個項目"),
                        Lang::En => format!("show these {n} projects"),
                    }}
                </a>
            </li>
        }
    };

    let dept_rows = departments
        .into_iter()
        .map(|d| {
            let name = department_name.clone();
            let ids = d.project_ids.clone();
            view! {
                <li>
                    {move || format!("{} — {} ({} {})", name(d.department, lang()), blockvote_present::format::money_with_unit(d.total, lang()), d.projects, l("個項目", "projects").get(lang()))}
                    " "
                    <a href=move || ids_link(&ids, state.lang.get()) class="rows-link">{move || l("查看", "show").get(lang())}</a>
                </li>
            }
        })
        .collect_view();

    view! {
        <section class="panel findings" aria-labelledby="findings-heading" data-testid="findings">
            <h3 id="findings-heading">{move || l("值得提問的發現", "Findings worth asking about").get(lang())}</h3>
            <p class="note">
                {move || l(
                    "以下數字由本工具根據附件 C 的資料推算，並非文件原文；按連結可查看有關項目。",
                    "These figures are derived by blockvote from Annex C, not stated in the paper; each link shows the projects behind it.",
                ).get(lang())}
            </p>
            <ul class="finding-list">
                {item(
                    "finding-ceiling",
                    Signal::derive(move || match lang() {
                        Lang::Zh => format!(
                            "{} 個項目的預算正好是 {} 百萬元，即低於須提交財委會審批的 1,000 萬元上限一步之遙；在上限以下 50 萬元內的共有 {} 個，合共 {} 百萬元。",
                            at_top.len(), top_budget.format(1), near.len(), near_total.format(1)
                        ),
                        Lang::En => format!(
                            "{} projects are budgeted at exactly HK${}M, one step below the HK$10M above which Finance Committee approval is needed; {} lie within HK$0.5M of the ceiling, HK${}M in all.",
                            at_top.len(), top_budget.format(1), near.len(), near_total.format(1)
                        ),
                    }),
                    found.near_ceiling.clone(),
                    Signal::derive(move || l("附件 C 預算 ≥ 9.5 百萬元的項目", "Annex C budgets ≥ HK$9.5M").get(lang()).to_string()),
                )}
                {item(
                    "finding-commitment",
                    Signal::derive(move || match lang() {
                        Lang::Zh => format!(
                            "254 個新項目的預算合共 {} 百萬元，但附件 B 只為它們預留 2018-19 年度 243 百萬元（{cash_pct}%）；其餘 {} 百萬元是往後年度的承擔。",
                            total.format(1), beyond.format(1)
                        ),
                        Lang::En => format!(
                            "The {count} new projects are budgeted at HK${}M in all, but Annex B provides HK$243M for them in 2018-19 ({cash_pct}%); the other HK${}M is committed to later years.",
                            total.format(1), beyond.format(1)
                        ),
                    }),
                    (1..=u16::try_from(count).unwrap_or(0)).collect(),
                    Signal::derive(move || l("附件 C 預算總和減附件 B 新項目現金流量", "Sum of Annex C budgets less Annex B's new-project cash flow").get(lang()).to_string()),
                )}
                {item(
                    "finding-late",
                    Signal::derive(move || match lang() {
                        Lang::Zh => format!(
                            "按第 5 段 2016 年的依期完成率（67.1%，210 個中有 69 個延誤），254 個新項目預計約有 {late_projects} 個會延誤，涉及預算約 {} 百萬元。",
                            late_budget.format(1)
                        ),
                        Lang::En => format!(
                            "At para 5's 2016 on-time rate (67.1%: 69 of 210 late), about {late_projects} of the 254 new projects would be late, carrying about HK${}M of budget.",
                            late_budget.format(1)
                        ),
                    }),
                    (1..=u16::try_from(count).unwrap_or(0)).collect(),
                    Signal::derive(move || l("254 × 69 ÷ 210；預算總和 × 69 ÷ 210", "254 × 69 ÷ 210; total budget × 69 ÷ 210").get(lang()).to_string()),
                )}
                {item(
                    "finding-long",
                    Signal::derive(move || match lang() {
                        Lang::Zh => format!(
                            "{} 個項目為期四年或以上（開展至完成 {} 季或以上），最長的為 {longest} 季。",
                            long.len(), LONG_PROJECT_QUARTERS
                        ),
                        Lang::En => format!(
                            "{} projects run four years or more ({} quarters or more from start to completion); the longest runs {longest} quarters.",
                            long.len(), LONG_PROJECT_QUARTERS
                        ),
                    }),
                    found.long_projects.clone(),
                    Signal::derive(move || l("開展季度至完成季度（包括首尾）", "Start quarter to completion quarter, both included").get(lang()).to_string()),
                )}
                {item(
                    "finding-completing",
                    Signal::derive(move || match lang() {
                        Lang::Zh => format!("{} 個項目預計在 2018-19 年度內完成。", completing.len()),
                        Lang::En => format!("{} projects are due to complete within 2018-19.", completing.len()),
                    }),
                    found.completing_in_budget_year.clone(),
                    Signal::derive(move || l("附件 C 預計完成日期", "Annex C completion dates").get(lang()).to_string()),
                )}
                {security.map(|t| {
                    let n = t.projects;
                    let share = pct(t.budget_percent);
                    let amount = t.total;
                    item(
                        "finding-security",
                        Signal::derive(move || match lang() {
                            Lang::Zh => format!("資訊科技保安項目 {n} 個，預算 {} 百萬元，佔新項目預算 {share}%。", amount.format(1)),
                            Lang::En => format!("{n} projects are about IT security: HK${}M, {share}% of the new projects' budget.", amount.format(1)),
                        }),
                        t.project_ids.clone(),
                        Signal::derive(move || l("第 7 段的例子加上按項目名稱關鍵詞歸類", "Para 7's examples plus a keyword rule on project names").get(lang()).to_string()),
                    )
                })}
                {refresh.map(|t| {
                    let n = t.projects;
                    let share = pct(t.budget_percent);
                    let amount = t.total;
                    item(
                        "finding-refresh",
                        Signal::derive(move || match lang() {
                            Lang::Zh => format!("系統技術更新項目 {n} 個，預算 {} 百萬元，佔新項目預算 {share}%。", amount.format(1)),
                            Lang::En => format!("{n} projects are technology refreshes: HK${}M, {share}% of the new projects' budget.", amount.format(1)),
                        }),
                        t.project_ids.clone(),
                        Signal::derive(move || l("第 7 段的例子加上按項目名稱關鍵詞歸類", "Para 7's examples plus a keyword rule on project names").get(lang()).to_string()),
                    )
                })}
            </ul>
            <h4>{move || l("新項目預算最多的部門", "Departments with the most new spending").get(lang())}</h4>
            <ol class="top-departments" data-testid="finding-departments">{dept_rows}</ol>
        </section>
    }
}
