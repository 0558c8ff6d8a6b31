//! Cash flow: the quarterly and yearly cash need by cohort, the paper's baseline next
//! to the scenario, the cumulative S-curve, the spend profile and what the calibration
//! means, global levers (cost change, the ongoing cohort, group edits), a breakdown by
//! department or theme, the 2018-19 cash cap and goal seek.

use crate::charts::columns::QuarterlyColumns;
use crate::charts::lines::QuarterLines;
use crate::components::fields::NumberField;
use crate::components::legacy_marks::Source;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::goal_seek::{goal_seek, GoalSeek, GoalSeekError, Metric};
use blockvote_model::engine::lever::Lever;
use blockvote_model::engine::{
    CapOutcome, CashCap, DeferralRule, Edit, GroupEdit, Profile, Projection, Selector, MAX_COST_CHANGE_PCT,
    MAX_SHIFT_QUARTERS, MIN_COST_CHANGE_PCT,
};
use blockvote_model::money::{round_parts_to_total, MAX_INPUT_MILLIONS};
use blockvote_model::{Money, Theme};
use blockvote_present::charts::LineSeries;
use blockvote_present::fields::{decimal_in, int_in, money_in, write_decimal, write_int, write_money, FieldSpec};
use blockvote_present::format::quarter_axis;
use blockvote_present::format::{millions, percent};
use blockvote_present::lang::{l, Lang};
use blockvote_present::words::UNIT_HKD_M;
use blockvote_present::words::{lever_label, metric_label, profile_label, profile_rule, rule_label};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

#[component]
pub fn Cashflow() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let projection = whatif.projection;
    let baseline = whatif.baseline.get_value();

    let budget_year = move || projection.with(|p| p.as_ref().map(|p| p.budget_year_totals));
    let base_year = baseline.as_ref().map(|b| b.budget_year_totals);
    let (base_new, base_total) = base_year.as_ref().map(|y| (y.new, y.total)).unwrap_or_default();

    view! {
        <section class="screen cashflow">
            <h2>{move || l("現金流量", "Cash flow")
                .get(lang())} <Source source="Annex B" /></h2>
            <div class="headline-cards">
                <div class="card">
                    <p class="card-label">{move || l("情景：新項目 2018-19 年度現金需求", "Scenario: new projects' 2018-19 cash").get(lang())}</p>
                    <p class="card-figure" data-testid="cash-2018-19-new">{move || budget_year().map(|y| millions(y.new))}</p>
                    <p class="card-note">{move || format!("{} {}", l("文件（附件 B）：", "Paper (Annex B): ").get(lang()), millions(base_new))}</p>
                </div>
                <div class="card">
                    <p class="card-label">{move || l("情景：2018-19 年度現金需求總額", "Scenario: total 2018-19 cash need").get(lang())}</p>
                    <p class="card-figure" data-testid="cash-2018-19-total">{move || budget_year().map(|y| millions(y.total))}</p>
                    <p class="card-note">
                        {move || format!("{} {}", l("文件（第 6 段）：", "Paper (para 6): ").get(lang()), millions(base_total))}
                        " · "
                        {move || l("持續項目：", "Ongoing: ").get(lang())}
                        <span data-testid="cash-2018-19-ongoing">{move || budget_year().map(|y| millions(y.ongoing))}</span>
                    </p>
                </div>
            </div>
            <ProfilePanel />
            <Charts />
            <QuarterTable />
            <YearTable />
            <Levers />
            <Breakdown />
            <CapPanel />
            <GoalSeekPanel />
        </section>
    }
}

#[component]
fn ProfilePanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let calibration = move || whatif.projection.with(|p| p.as_ref().map(|p| p.calibration.clone()));
    let current = move || whatif.scenario.with(|s| s.default_profile);
    let options = [Profile::Calibrated, Profile::Even, Profile::FrontLoaded, Profile::BackLoaded, Profile::SCurve];
    view! {
        <div class="panel" data-testid="profile-panel">
            <h3>{move || l("開支模式", "Spend profile")
                .get(lang())}</h3>
            <div class="inline-fields">
                <label class="field">
                    <span>{move || l("項目預算如何分布在各季度", "How each budget falls into its quarters").get(lang())}</span>
                    <select
                        data-testid="profile-select"
                        on:change=move |ev| {
                            if let Some(profile) = Profile::from_key(&event_target_value(&ev)) {
                                whatif.update(|s| s.default_profile = profile);
                            }
                        }
                    >
                        {options
                            .into_iter()
                            .map(|profile| view! {
                                <option value=profile.key() selected=move || current() == profile>
                                    {move || profile_label(profile).get(lang())}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <p class="note" data-testid="profile-rule">{move || profile_rule(current()).get(lang())}</p>
            {move || calibration().map(|c| {
                let r = percent(c.retention * Decimal::ONE_HUNDRED);
                view! {
                    <div class="calibration" data-testid="calibration">
                        <p>
                            {match lang() {
                                Lang::Zh => format!(
                                    "若每個新項目的預算平均分布於各季，2018-19 年度需要 {} 百萬元；附件 B 只要求 {} 百萬元。文件因此隱含大部分款項在後期支付。本工具的預設模式假設每個預算的 {r} 在完成季度驗收時支付，其餘平均分布，得出 2018-19 年度 {} 百萬元。",
                                    c.even.format(1), c.target.map(|t| t.format(1)).unwrap_or_default(), c.calibrated.format(1)
                                ),
                                Lang::En => format!(
                                    "Spread evenly over their quarters, the new projects would need HK${}M in 2018-19; Annex B asks for HK${}M. The paper therefore implies heavily back-loaded payment. blockvote's default assumes {r} of each budget is paid on completion and acceptance, the rest spread evenly, which gives HK${}M in 2018-19.",
                                    c.even.format(1), c.target.map(|t| t.format(1)).unwrap_or_default(), c.calibrated.format(1)
                                ),
                            }}
                            " "
                            <cite class="source derived">{l("推算", "derived").get(lang())}</cite>
                        </p>
                        <table class="data compact profile-compare">
                            <caption>{l("新項目 2018-19 年度現金流量（按開支模式，基線）", "New projects' 2018-19 cash by profile (baseline)").get(lang())}</caption>
                            <tbody>
                                <tr><th scope="row">{profile_label(Profile::Even).get(lang())}</th><td class="num" data-testid="profile-even">{millions(c.even)}</td></tr>
                                <tr><th scope="row">{profile_label(Profile::FrontLoaded).get(lang())}</th><td class="num">{millions(c.front_loaded)}</td></tr>
                                <tr><th scope="row">{profile_label(Profile::SCurve).get(lang())}</th><td class="num">{millions(c.s_curve)}</td></tr>
                                <tr><th scope="row">{profile_label(Profile::BackLoaded).get(lang())}</th><td class="num">{millions(c.back_loaded)}</td></tr>
                                <tr><th scope="row">{profile_label(Profile::Calibrated).get(lang())}</th><td class="num" data-testid="profile-calibrated">{millions(c.calibrated)}</td></tr>
                                <tr><th scope="row">{l("附件 B", "Annex B").get(lang())}</th><td class="num">{c.target.map(millions)}</td></tr>
                            </tbody>
                        </table>
                    </div>
                }
            })}
        </div>
    }
}

/// Running totals of the quarterly figures.
fn cumulative(values: impl Iterator<Item = Money>) -> Vec<Money> {
    let mut running = Money::ZERO;
    values
        .map(|value| {
            running = running.checked_add(value).unwrap_or(running);
            running
        })
        .collect()
}

/// The baseline's quarterly totals aligned to the scenario's quarters (zero where the
/// baseline has none).
fn aligned_baseline(projection: &Projection, baseline: Option<&Arc<Projection>>) -> Vec<(Money, Money)> {
    projection
        .quarters
        .iter()
        .map(|q| {
            baseline
                .and_then(|b| b.quarters.iter().find(|bq| bq.quarter == q.quarter))
                .map(|bq| (bq.ongoing, bq.new))
                .unwrap_or_default()
        })
        .collect()
}

#[component]
fn Charts() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let baseline = whatif.baseline.get_value();
    let base = baseline.clone();
    let quarters = Signal::derive(move || {
        let lang = lang();
        whatif.projection.with(|p| {
            p.as_ref()
                .zip(base.as_ref())
                .map(|(p, b)| blockvote_present::cash::quarter_chart(p, b, lang).quarters)
                .unwrap_or_default()
        })
    });
    let base = baseline.clone();
    let lines = Signal::derive(move || {
        let lang = lang();
        whatif.projection.with(|p| {
            p.as_ref()
                .map(|p| {
                    let base = aligned_baseline(p, base.as_ref());
                    vec![
                        LineSeries {
                            name: l("文件基線（累計）", "Paper baseline (cumulative)").get(lang).to_string(),
                            points: cumulative(base.iter().map(|(o, n)| o.checked_add(*n).unwrap_or_default())),
                        },
                        LineSeries {
                            name: l("情景（累計）", "Scenario (cumulative)").get(lang).to_string(),
                            points: cumulative(p.quarters.iter().map(|q| q.total)),
                        },
                    ]
                })
                .unwrap_or_default()
        })
    });
    let labels = Signal::derive(move || {
        whatif.projection.with(|p| {
            p.as_ref().map(|p| p.quarters.iter().map(|q| quarter_axis(q.quarter, lang())).collect()).unwrap_or_default()
        })
    });
    view! {
        <div class="panel">
            <h3>{move || l("每季現金流量", "Quarterly cash flow").get(lang())}</h3>
            <QuarterlyColumns
                id="cash-quarters-chart"
                title=Signal::derive(move || l("每季現金需求：文件基線與情景", "Quarterly cash need: paper baseline and scenario").get(lang()).to_string())
                description=Signal::derive(move || l(
                    "每季兩條柱：左為文件基線（虛線框），右為情景（實線框）；每條柱由持續項目（實心）及新項目（斜線）組成，單位百萬元。數字見下表。",
                    "Two columns a quarter: the paper's baseline (dashed outline) and the scenario (solid outline); each stacks ongoing projects (solid) and new projects (hatched), HK$ million. The table below gives the figures.",
                ).get(lang()).to_string())
                quarters=quarters
                segment_names=Signal::derive(move || vec![l("持續項目", "Ongoing projects").get(lang()).to_string(), l("新項目", "New projects").get(lang()).to_string()])
                column_names=Signal::derive(move || vec![l("文件基線", "Paper baseline").get(lang()).to_string(), l("情景", "Scenario").get(lang()).to_string()])
                range_name=Signal::derive(|| None::<String>)
            />
            <h3>{move || l("累計現金流量（S 曲線）", "Cumulative cash flow (S-curve)").get(lang())}</h3>
            <QuarterLines
                id="cash-cumulative-chart"
                title=Signal::derive(move || l("累計現金需求", "Cumulative cash need").get(lang()).to_string())
                description=Signal::derive(move || l(
                    "由 2018-19 年度第一季起的累計現金需求（持續及新項目），文件基線（實線圓點）與情景（虛線方點），單位百萬元。",
                    "Cumulative cash need from 2018-19 Q1 (ongoing and new projects), paper baseline (solid line, dots) and scenario (dashed line, squares), HK$ million.",
                ).get(lang()).to_string())
                labels=labels
                series=lines
            />
        </div>
    }
}

/// A cash table's five columns (ongoing, new, scenario total, paper baseline, change)
/// as shown: each column rounded as a whole by largest remainder, so it adds up to the
/// total row shown beneath it.
struct ShownColumns {
    columns: [Vec<Money>; 5],
    totals: [Money; 5],
}

impl ShownColumns {
    fn new(ongoing: Vec<Money>, new: Vec<Money>, total: Vec<Money>, base: Vec<Money>) -> ShownColumns {
        let change: Vec<Money> = total.iter().zip(&base).map(|(t, b)| t.checked_sub(*b).unwrap_or_default()).collect();
        let columns = [ongoing, new, total, base, change].map(|column| round_parts_to_total(&column, 1));
        let totals = [0, 1, 2, 3, 4]
            .map(|i| columns.get(i).and_then(|c| Money::checked_sum(c.iter().copied()).ok()).unwrap_or_default());
        ShownColumns { columns, totals }
    }

    /// Row `index` of every column.
    fn row(&self, index: usize) -> [Money; 5] {
        [0, 1, 2, 3, 4].map(|i| self.columns.get(i).and_then(|c| c.get(index)).copied().unwrap_or_default())
    }
}

/// The total row of a cash table.
fn totals_row(totals: [Money; 5], lang: Lang) -> impl IntoView {
    let [ongoing, new, total, base, change] = totals;
    view! {
        <tfoot>
            <tr>
                <th scope="row">{l("總計", "Total").get(lang)}</th>
                <td class="num">{millions(ongoing)}</td>
                <td class="num">{millions(new)}</td>
                <td class="num">{millions(total)}</td>
                <td class="num">{millions(base)}</td>
                <td class="num">{change.format_signed(1)}</td>
            </tr>
        </tfoot>
    }
}

#[component]
fn QuarterTable() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let baseline = whatif.baseline.get_value();
    let rows = move || {
        whatif.projection.with(|p| {
            p.as_ref().map(|p| {
                let base = aligned_baseline(p, baseline.as_ref());
                let shown = ShownColumns::new(
                    p.quarters.iter().map(|q| q.ongoing).collect(),
                    p.quarters.iter().map(|q| q.new).collect(),
                    p.quarters.iter().map(|q| q.total).collect(),
                    base.iter().map(|(o, n)| o.checked_add(*n).unwrap_or_default()).collect(),
                );
                let body = p
                    .quarters
                    .iter()
                    .enumerate()
                    .map(|(index, q)| {
                        let [ongoing, new, total, base, change] = shown.row(index);
                        let (first, last) = q.quarter.months();
                        view! {
                            <tr data-testid=format!("quarter-row-{}", q.quarter.label().replace(' ', "-"))>
                                <th scope="row">
                                    {q.quarter.label()}
                                    <span class="months">{format!(" ({first}–{last})")}</span>
                                </th>
                                <td class="num">{millions(ongoing)}</td>
                                <td class="num">{millions(new)}</td>
                                <td class="num">{millions(total)}</td>
                                <td class="num">{millions(base)}</td>
                                <td class="num">{change.format_signed(1)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                (body, shown.totals)
            })
        })
    };
    view! {
        <details class="panel" open=true>
            <summary><h3 class="inline">{move || l("按季度列表", "By quarter (table)").get(lang())}</h3></summary>
            <table class="data" data-testid="quarter-table">
                <thead>
                    <tr>
                        <th scope="col">{move || l("季度（月份）", "Quarter (months)").get(lang())}</th>
                        <th scope="col" class="num">{move || l("持續項目", "Ongoing").get(lang())}</th>
                        <th scope="col" class="num">{move || l("新項目", "New").get(lang())}</th>
                        <th scope="col" class="num">{move || l("情景總額", "Scenario total").get(lang())}</th>
                        <th scope="col" class="num">{move || l("文件基線", "Paper baseline").get(lang())}</th>
                        <th scope="col" class="num">{move || l("差額", "Change").get(lang())}</th>
                    </tr>
                </thead>
                {move || rows().map(|(body, totals)| view! {
                    <tbody>{body}</tbody>
                    {totals_row(totals, lang())}
                })}
            </table>
            <p class="note">{move || l(
                "單位：百萬元；各欄以最大餘數法四捨五入，使欄內數字相加等於總計。持續項目的 817 百萬元（附件 B）平均分布於 2018-19 年度四季；文件沒有提供其後年度的數字，故以零計。",
                "HK$ million; each column is rounded as a whole (largest remainder) so it adds up to its total. The ongoing projects' HK$817M (Annex B) is spread evenly over the four quarters of 2018-19; the paper gives nothing for later years, so they count as zero.",
            ).get(lang())}</p>
        </details>
    }
}

#[component]
fn YearTable() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let baseline = whatif.baseline.get_value();
    let table = move || {
        whatif.projection.with(|p| {
            p.as_ref().map(|p| {
                let base: Vec<Money> = p
                    .years
                    .iter()
                    .map(|y| {
                        baseline
                            .as_ref()
                            .and_then(|b| b.years.iter().find(|by| by.year == y.year))
                            .map(|by| by.total)
                            .unwrap_or_default()
                    })
                    .collect();
                let shown = ShownColumns::new(
                    p.years.iter().map(|y| y.ongoing).collect(),
                    p.years.iter().map(|y| y.new).collect(),
                    p.years.iter().map(|y| y.total).collect(),
                    base,
                );
                let body = p
                    .years
                    .iter()
                    .enumerate()
                    .map(|(index, y)| {
                        let [ongoing, new, total, base, change] = shown.row(index);
                        let label = y.year.label();
                        view! {
                            <tr data-testid=format!("year-row-{label}")>
                                <th scope="row">{label.clone()}</th>
                                <td class="num">{millions(ongoing)}</td>
                                <td class="num">{millions(new)}</td>
                                <td class="num" data-testid=format!("year-total-{label}")>{millions(total)}</td>
                                <td class="num">{millions(base)}</td>
                                <td class="num">{change.format_signed(1)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <tbody>{body}</tbody>
                    {totals_row(shown.totals, lang())}
                }
            })
        })
    };
    view! {
        <div class="panel">
            <h3>{move || l("按財政年度", "By financial year").get(lang())}</h3>
            <table class="data" data-testid="year-table">
                <thead>
                    <tr>
                        <th scope="col">{move || l("財政年度", "Financial year").get(lang())}</th>
                        <th scope="col" class="num">{move || l("持續項目", "Ongoing").get(lang())}</th>
                        <th scope="col" class="num">{move || l("新項目", "New").get(lang())}</th>
                        <th scope="col" class="num">{move || l("情景總額", "Scenario total").get(lang())}</th>
                        <th scope="col" class="num">{move || l("文件基線", "Paper baseline").get(lang())}</th>
                        <th scope="col" class="num">{move || l("差額", "Change").get(lang())}</th>
                    </tr>
                </thead>
                {table}
            </table>
        </div>
    }
}

/// What a group edit may select, as a form value.
fn selector_from_value(value: &str) -> Option<Selector> {
    if value == "all" {
        return Some(Selector::All);
    }
    if let Some(theme) = value.strip_prefix("theme:").and_then(Theme::from_key) {
        return Some(Selector::Theme { theme });
    }
    value.strip_prefix("dept:").and_then(|i| i.parse().ok()).map(|index| Selector::Department { index })
}

#[component]
fn Levers() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let paper_ongoing = whatif.baseline.get_value().map(|b| b.ongoing.paper_budget_year).unwrap_or_default();
    let cost = Signal::derive(move || whatif.scenario.with(|s| s.cost_change_pct));
    let ongoing = Signal::derive(move || whatif.scenario.with(|s| s.ongoing_budget_year.unwrap_or(paper_ongoing)));
    let group_selector = RwSignal::new("theme:technology_refresh".to_string());
    let group_defer = RwSignal::new(1_i64);
    let departments = data.departments.clone();
    let group_list = move || whatif.scenario.with(|s| s.groups.clone());
    let selector_text = {
        let data = data.clone();
        move |selector: &Selector, lang: Lang| match selector {
            Selector::All => l("所有新項目", "All new projects").get(lang).to_string(),
            Selector::Theme { theme } => lang.pick(theme.name_zh(), theme.name_en()).to_string(),
            Selector::Department { index } => {
                data.departments.get(*index).map(|d| lang.pick(&d.name_zh, &d.name_en).to_string()).unwrap_or_default()
            }
            Selector::DepartmentZh { name } => name.clone(),
        }
    };
    view! {
        <div class="panel" data-testid="global-levers">
            <h3>{move || l("整體調整", "Global levers").get(lang())}</h3>
            <div class="inline-fields">
                <NumberField
                    spec=FieldSpec::new(l("所有新項目成本變動", "Cost change for every new project"), |text: &str| decimal_in(text, Decimal::from(MIN_COST_CHANGE_PCT), Decimal::from(MAX_COST_CHANGE_PCT)), write_decimal).unit(l("%", "%"))
                    testid="cost-change"
                    current=cost
                    commit=move |value: Decimal| whatif.update(|s| s.cost_change_pct = value)
                    narrow=true
                />
                <NumberField
                    spec=FieldSpec::new(l("持續項目 2018-19 現金（附件 B：817）", "Ongoing projects' 2018-19 cash (Annex B: 817)"), |text: &str| money_in(text, Money::ZERO, Money::from_whole_millions(MAX_INPUT_MILLIONS)), write_money).unit(UNIT_HKD_M)
                    testid="ongoing-amount"
                    current=ongoing
                    commit=move |value: Money| whatif.update(|s| s.ongoing_budget_year = (value != paper_ongoing).then_some(value))
                    narrow=true
                />
            </div>
            <h4>{move || l("對一組項目作出調整", "Apply a lever to a group of projects").get(lang())}</h4>
            <div class="inline-fields">
                <label class="field">
                    <span>{move || l("項目組別", "Group").get(lang())}</span>
                    <select data-testid="group-select" on:change=move |ev| group_selector.set(event_target_value(&ev))>
                        <option value="all">{move || l("所有新項目", "All new projects").get(lang())}</option>
                        <optgroup label=move || l("主題", "Theme").get(lang())>
                            {Theme::ALL.into_iter().map(|theme| view! {
                                <option value=format!("theme:{}", theme.key()) selected=theme == Theme::TechnologyRefresh>
                                    {move || lang().pick(theme.name_zh(), theme.name_en()).to_string()}
                                </option>
                            }).collect_view()}
                        </optgroup>
                        <optgroup label=move || l("部門", "Department").get(lang())>
                            {departments.into_iter().enumerate().map(|(index, d)| {
                                let (zh, en) = (d.name_zh.clone(), d.name_en.clone());
                                view! { <option value=format!("dept:{index}")>{move || if lang() == Lang::Zh { zh.clone() } else { en.clone() }}</option> }
                            }).collect_view()}
                        </optgroup>
                    </select>
                </label>
                <NumberField
                    spec=FieldSpec::new(l("延後季數", "Defer by quarters"), |text: &str| int_in(text, 0, i64::from(MAX_SHIFT_QUARTERS)), write_int)
                    testid="group-defer"
                    current=Signal::derive(move || group_defer.get())
                    commit=move |value: i64| group_defer.set(value)
                    narrow=true
                />
                <button
                    type="button"
                    data-testid="group-apply"
                    on:click=move |_| {
                        let Some(select) = selector_from_value(&group_selector.get_untracked()) else { return };
                        let quarters = i32::try_from(group_defer.get_untracked()).unwrap_or(0);
                        whatif.update(|s| s.groups.push(GroupEdit { select, edit: Edit { defer_quarters: Some(quarters), ..Edit::default() } }));
                    }
                >
                    {move || l("延後這組項目", "Defer this group")
                        .get(lang())}
                </button>
            </div>
            <ul class="group-edits" data-testid="group-edits">
                {move || {
                    let selector_text = selector_text.clone();
                    group_list()
                        .into_iter()
                        .enumerate()
                        .map(|(index, group)| {
                            let text = selector_text(&group.select, lang());
                            let quarters = group.edit.defer_quarters.unwrap_or(0);
                            view! {
                                <li>
                                    {match lang() {
                                        Lang::Zh => format!("{text}：延後 {quarters} 季"),
                                        Lang::En => format!("{text}: deferred {quarters} quarter(s)"),
                                    }}
                                    " "
                                    <button type="button" on:click=move |_| whatif.update(|s| { if index < s.groups.len() { s.groups.remove(index); } })>
                                        {move || l("移除", "Remove").get(lang())}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum BreakdownBy {
    None,
    Department,
    Theme,
}

#[component]
fn Breakdown() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let by = RwSignal::new(BreakdownBy::None);
    let table = move || {
        let grouping = by.get();
        if grouping == BreakdownBy::None {
            return None;
        }
        let data = data.clone();
        whatif.projection.with(|p| {
            let p = p.as_ref()?;
            let years: Vec<_> = p.years.iter().map(|y| y.year).collect();
            // Group key and name for each project; sums per group and year.
            let mut groups: Vec<(String, String, Vec<Money>)> = Vec::new();
            for outcome in p.projects.iter().filter(|o| o.included) {
                let Some(project) = data.project(outcome.id) else { continue };
                let (zh, en) = match grouping {
                    BreakdownBy::Department => data
                        .department_of(project)
                        .map(|d| (d.name_zh.clone(), d.name_en.clone()))
                        .unwrap_or_default(),
                    _ => (project.theme.name_zh().to_string(), project.theme.name_en().to_string()),
                };
                let position = match groups.iter().position(|g| g.0 == zh) {
                    Some(position) => position,
                    None => {
                        groups.push((zh, en, vec![Money::ZERO; years.len()]));
                        groups.len() - 1
                    }
                };
                let Some(group) = groups.get_mut(position) else { continue };
                for (offset, amount) in outcome.cash.iter().enumerate() {
                    let Some(quarter) = outcome.cash_start.add_quarters(i32::try_from(offset).unwrap_or(0)) else { continue };
                    if let Some(index) = years.iter().position(|y| *y == quarter.year()) {
                        if let Some(slot) = group.2.get_mut(index) {
                            *slot = slot.checked_add(*amount).unwrap_or(*slot);
                        }
                    }
                }
            }
            let lang = lang();
            Some(view! {
                <table class="data" data-testid="breakdown-table">
                    <thead>
                        <tr>
                            <th scope="col">{match grouping { BreakdownBy::Department => l("部門", "Department"), _ => l("主題", "Theme") }.get(lang)}</th>
                            {years.iter().map(|y| view! { <th scope="col" class="num">{y.label()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {groups.into_iter().map(|(zh, en, sums)| view! {
                            <tr>
                                <th scope="row">{if lang == Lang::Zh { zh } else { en }}</th>
                                {sums.into_iter().map(|s| view! { <td class="num">{millions(s)}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })
        })
    };
    view! {
        <div class="panel">
            <h3>{move || l("新項目現金流量細分", "New projects' cash flow broken down").get(lang())}</h3>
            <div class="inline-fields" role="radiogroup" aria-label=move || l("細分方式", "Break down by").get(lang())>
                <label><input type="radio" name="breakdown" checked=true on:change=move |_| by.set(BreakdownBy::None) /> {move || l("不細分", "No breakdown").get(lang())}</label>
                <label><input type="radio" name="breakdown" data-testid="breakdown-department" on:change=move |_| by.set(BreakdownBy::Department) /> {move || l("按部門", "By department").get(lang())}</label>
                <label><input type="radio" name="breakdown" data-testid="breakdown-theme" on:change=move |_| by.set(BreakdownBy::Theme) /> {move || l("按主題", "By theme").get(lang())}</label>
            </div>
            {table}
        </div>
    }
}

#[component]
fn CapPanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let cap = Signal::derive(move || whatif.scenario.with(|s| s.cap.as_ref().map(|c| c.amount).unwrap_or_default()));
    let rule = move || whatif.scenario.with(|s| s.cap.as_ref().map(|c| c.rule).unwrap_or_default());
    let outcome = move || whatif.projection.with(|p| p.as_ref().and_then(|p| p.cap.clone()));
    let name_of = move |id: u16, lang: Lang| {
        data.project(id)
            .map(|p| if lang == Lang::Zh { p.name_zh.clone() } else { p.name_en.clone() })
            .unwrap_or_default()
    };
    view! {
        <div class="panel" data-testid="cap-panel">
            <h3>{move || l("2018-19 年度現金上限", "2018-19 cash cap").get(lang())}</h3>
            <p class="note">{move || l(
                "設定 2018-19 年度現金需求總額（持續及新項目）的上限，本工具按所選規則把新項目延至下一財政年度第一季開展（保持項目長度），直至總額不超過上限。",
                "Set a cap on 2018-19's total cash need (ongoing and new); blockvote moves new projects' start to the first quarter of the next financial year (keeping their length), in the order of the chosen rule, until the total is within the cap.",
            ).get(lang())}</p>
            <div class="inline-fields">
                <NumberField
                    spec=FieldSpec::new(l("上限", "Cap"), |text: &str| money_in(text, Money::ZERO, Money::from_whole_millions(MAX_INPUT_MILLIONS)), write_money).unit(UNIT_HKD_M)
                    testid="cap-amount"
                    current=cap
                    commit=move |value: Money| whatif.update(|s| {
                        let rule = s.cap.as_ref().map(|c| c.rule).unwrap_or_default();
                        s.cap = Some(CashCap { amount: value, rule });
                    })
                    narrow=true
                />
                <label class="field">
                    <span>{move || l("延後次序", "Deferral rule").get(lang())}</span>
                    <select
                        data-testid="cap-rule"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if let Some(rule) = DeferralRule::ALL.into_iter().find(|r| format!("{r:?}") == value) {
                                whatif.update(|s| if let Some(cap) = s.cap.as_mut() { cap.rule = rule; });
                            }
                        }
                    >
                        {DeferralRule::ALL.into_iter().map(|r| view! {
                            <option value=format!("{r:?}") selected=move || rule() == r>{move || rule_label(r).get(lang())}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="cap-clear" on:click=move |_| whatif.update(|s| s.cap = None)>
                    {move || l("取消上限", "Remove the cap").get(lang())}
                </button>
            </div>
            {move || outcome().map(|outcome| match outcome {
                CapOutcome::Met { cap, before, after, deferred, years, rule } => {
                    let name_of = name_of.clone();
                    view! {
                        <div data-testid="cap-met">
                            <p>{match lang() {
                                Lang::Zh => format!("按「{}」延後 {} 個項目後，2018-19 年度總額由 {} 降至 {} 百萬元（上限 {}）。", rule_label(rule).get(lang()), deferred.len(), before.format(1), after.format(1), cap.format(1)),
                                Lang::En => format!("Deferring {} projects ({}) brings 2018-19 from HK${}M to HK${}M (cap HK${}M).", deferred.len(), rule_label(rule).get(lang()).to_lowercase(), before.format(1), after.format(1), cap.format(1)),
                            }}</p>
                            <table class="data" data-testid="cap-deferred">
                                <thead><tr>
                                    <th scope="col" class="num">{l("編號", "No.").get(lang())}</th>
                                    <th scope="col">{l("項目", "Project").get(lang())}</th>
                                    <th scope="col">{l("開展：由", "Start: from").get(lang())}</th>
                                    <th scope="col">{l("至", "to").get(lang())}</th>
                                    <th scope="col" class="num">{l("移出 2018-19（百萬元）", "Out of 2018-19 (HK$M)").get(lang())}</th>
                                    <th scope="col" class="num">{l("之後的 2018-19 總額", "2018-19 total after").get(lang())}</th>
                                </tr></thead>
                                <tbody>
                                    {deferred.into_iter().map(|d| view! {
                                        <tr data-testid=format!("cap-deferred-{}", d.id)>
                                            <td class="num">{d.id}</td>
                                            <td>{name_of(d.id, lang())}</td>
                                            <td>{d.from_start.label()}</td>
                                            <td>{d.to_start.label()}</td>
                                            <td class="num">{millions(d.budget_year_amount)}</td>
                                            <td class="num">{millions(d.total_after)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <table class="data compact" data-testid="cap-years">
                                <caption>{l("對各年度的影響", "Effect on each year").get(lang())}</caption>
                                <thead><tr>
                                    <th scope="col">{l("財政年度", "Year").get(lang())}</th>
                                    <th scope="col" class="num">{l("之前", "Before").get(lang())}</th>
                                    <th scope="col" class="num">{l("之後", "After").get(lang())}</th>
                                    <th scope="col" class="num">{l("變動", "Change").get(lang())}</th>
                                </tr></thead>
                                <tbody>
                                    {years.into_iter().map(|y| view! {
                                        <tr>
                                            <th scope="row">{y.year.label()}</th>
                                            <td class="num">{millions(y.before)}</td>
                                            <td class="num">{millions(y.after)}</td>
                                            <td class="num">{y.change.format_signed(1)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
                CapOutcome::Infeasible { cap, before, minimum_reachable, .. } => view! {
                    <p class="field-error" role="alert" data-testid="cap-infeasible">{match lang() {
                        Lang::Zh => format!("無法達到上限 {} 百萬元：即使把所有新項目延後，2018-19 年度仍需 {} 百萬元（現為 {}）。沒有項目被延後。", cap.format(1), minimum_reachable.format(1), before.format(1)),
                        Lang::En => format!("The cap of HK${}M cannot be met: even with every new project deferred, 2018-19 still needs HK${}M (now HK${}M). Nothing was deferred.", cap.format(1), minimum_reachable.format(1), before.format(1)),
                    }}</p>
                }.into_any(),
            })}
        </div>
    }
}

#[component]
fn GoalSeekPanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let lever = RwSignal::new(Lever::CostChangePct);
    let metric = RwSignal::new(Metric::BudgetYearTotal);
    let target = RwSignal::new(Money::from_whole_millions(1000));
    let result = RwSignal::new(None::<Result<blockvote_model::engine::goal_seek::GoalSeekResult, GoalSeekError>>);
    let solve = move || {
        let scenario = whatif.scenario.get_untracked();
        let goal =
            GoalSeek { lever: lever.get_untracked(), metric: metric.get_untracked(), target: target.get_untracked() };
        let outcome = whatif.engine.with_value(|engine| match engine {
            Ok(engine) => goal_seek(engine, &scenario, &goal),
            Err(error) => Err(GoalSeekError::Engine { error: error.clone() }),
        });
        result.set(Some(outcome));
    };
    let apply = move |value: Decimal| {
        let chosen = lever.get_untracked();
        let mut scenario = whatif.scenario.get_untracked();
        let ok = whatif
            .engine
            .with_value(|engine| engine.as_ref().ok().map(|e| chosen.apply(e, &mut scenario, value).is_ok()));
        if ok == Some(true) {
            whatif.scenario.set(scenario);
        }
    };
    view! {
        <div class="panel" data-testid="goal-seek">
            <h3>{move || l("目標求解", "Goal seek")
                .get(lang())}</h3>
            <p class="note">{move || l(
                "選擇一個調整項目和目標，本工具以二分法求出達到目標所需的數值（其他調整保持不變）。",
                "Choose a lever and a target; blockvote finds by bisection the lever value that reaches it (other levers stay as they are).",
            ).get(lang())}</p>
            <div class="inline-fields">
                <label class="field">
                    <span>{move || l("目標數字", "Figure").get(lang())}</span>
                    <select data-testid="goal-metric" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(m) = [Metric::BudgetYearTotal, Metric::BudgetYearNew, Metric::TotalBudget, Metric::AllocationTotal].into_iter().find(|m| format!("{m:?}") == v) { metric.set(m); }
                    }>
                        {[Metric::BudgetYearTotal, Metric::BudgetYearNew, Metric::TotalBudget, Metric::AllocationTotal].into_iter().map(|m| view! {
                            <option value=format!("{m:?}") selected=move || metric.get() == m>{move || metric_label(m).get(lang())}</option>
                        }).collect_view()}
                    </select>
                </label>
                <NumberField
                    spec=FieldSpec::new(l("目標", "Target"), |text: &str| money_in(text, Money::ZERO, Money::from_whole_millions(MAX_INPUT_MILLIONS)), write_money).unit(UNIT_HKD_M)
                    testid="goal-target"
                    current=Signal::derive(move || target.get())
                    commit=move |value: Money| target.set(value)
                    narrow=true
                />
                <label class="field">
                    <span>{move || l("調整項目", "Lever").get(lang())}</span>
                    <select data-testid="goal-lever" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(found) = Lever::ALL.into_iter().find(|x| format!("{x:?}") == v) { lever.set(found); }
                    }>
                        {Lever::ALL.into_iter().map(|x| view! {
                            <option value=format!("{x:?}") selected=move || lever.get() == x>{move || lever_label(x).get(lang())}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="goal-solve" on:click=move |_| solve()>{move || l("求解", "Solve").get(lang())}</button>
            </div>
            {move || result.get().map(|outcome| match outcome {
                Ok(found) => {
                    let value = found.value;
                    view! {
                        <p data-testid="goal-result">
                            {match lang() {
                                Lang::Zh => format!("{} = {}，得出 {} 百萬元（目標 {}，相差 {}）。", lever_label(found.lever).get(lang()), value.round_dp(4).normalize(), found.achieved.format(1), found.target.format(1), found.residual.format_signed(3)),
                                Lang::En => format!("{} = {} gives HK${}M (target HK${}M, off by {}).", lever_label(found.lever).get(lang()), value.round_dp(4).normalize(), found.achieved.format(1), found.target.format(1), found.residual.format_signed(3)),
                            }}
                            " "
                            <button type="button" data-testid="goal-apply" on:click=move |_| apply(value)>{move || l("套用到情景", "Apply to the scenario").get(lang())}</button>
                        </p>
                    }.into_any()
                }
                Err(GoalSeekError::Unreachable { lowest, highest }) => view! {
                    <p class="field-error" role="alert" data-testid="goal-unreachable">{match lang() {
                        Lang::Zh => format!("此調整項目無法達到目標：在其範圍內，該數字只可介乎 {} 至 {} 百萬元。", lowest.format(1), highest.format(1)),
                        Lang::En => format!("No value of this lever reaches the target: across its range the figure only spans HK${}M to HK${}M.", lowest.format(1), highest.format(1)),
                    }}</p>
                }.into_any(),
                Err(other) => view! { <p class="field-error" role="alert">{other.to_string()}</p> }.into_any(),
            })}
        </div>
    }
}
