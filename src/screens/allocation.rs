//! Annex A as an editable table: each category's amount, a lock, the change against
//! 2017-18 and against the paper; a target total with pro-rata scaling of the unlocked
//! categories; a balance bar; a chart of paper against scenario.

use crate::charts::bars::GroupedBars;
use crate::components::fields::NumberField;
use crate::components::legacy_marks::Source;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::{AllocationError, CategoryEdit};
use blockvote_model::money::MAX_INPUT_MILLIONS;
use blockvote_model::Money;
use blockvote_present::charts::Series;
use blockvote_present::fields::{money_in, write_money, FieldSpec};
use blockvote_present::format::{millions, percent_signed};
use blockvote_present::lang::{l, Lang};
use blockvote_present::words::UNIT_HKD_M;
use leptos::prelude::*;

/// The largest amount a category or target may be typed as: far above any real
/// allocation, small enough to keep every sum exact.
fn max_amount() -> Money {
    Money::from_whole_millions(MAX_INPUT_MILLIONS)
}

fn allocation_error_text(error: &AllocationError, lang: Lang) -> String {
    match (error, lang) {
        (AllocationError::TargetBelowLocked { target, locked }, Lang::Zh) => format!(
            "目標總額 {} 百萬元低於已鎖定類別的總和 {} 百萬元；請提高目標或解除鎖定。",
            target.format(1),
            locked.format(1)
        ),
        (AllocationError::TargetBelowLocked { target, locked }, Lang::En) => format!(
            "The target HK${}M is below the locked categories' HK${}M; raise the target or unlock a category.",
            target.format(1),
            locked.format(1)
        ),
        (AllocationError::NothingToScale { .. }, Lang::Zh) => {
            "沒有未鎖定而金額大於零的類別可按比例調整；請解除最少一個類別的鎖定。".to_string()
        }
        (AllocationError::NothingToScale { .. }, Lang::En) => {
            "No unlocked category has an amount to scale; unlock at least one category.".to_string()
        }
        (other, Lang::Zh) => format!("無法按比例調整：{other}"),
        (other, Lang::En) => format!("Cannot scale: {other}"),
    }
}

#[component]
pub fn Allocation() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let outcome = Memo::new(move |_| whatif.projection.with(|p| p.as_ref().map(|p| p.allocation.clone())));
    let paper_total = data.facts.money("para6.allocation_2018_19_m").unwrap_or_default();

    let set_category = move |id: u8, change: &dyn Fn(&mut CategoryEdit)| {
        whatif.update(|s| {
            let position = s.allocation.categories.iter().position(|c| c.id == id);
            let index = match position {
                Some(index) => index,
                None => {
                    s.allocation.categories.push(CategoryEdit { id, amount: None, locked: false });
                    s.allocation.categories.len() - 1
                }
            };
            if let Some(edit) = s.allocation.categories.get_mut(index) {
                change(edit);
            }
            s.allocation.categories.retain(|c| c.amount.is_some() || c.locked);
        });
    };

    let rows = data
        .categories
        .clone()
        .into_iter()
        .map(|category| {
            let id = category.id;
            let zh = category.name_zh.clone();
            let en = category.name_en.clone();
            let row = Memo::new(move |_| {
                outcome.with(|o| o.as_ref().and_then(|o| o.categories.iter().find(|c| c.id == id).cloned()))
            });
            let amount = Signal::derive(move || row.with(|r| r.as_ref().map(|r| r.amount).unwrap_or_default()));
            let locked = move || row.with(|r| r.as_ref().is_some_and(|r| r.locked));
            let name = move || if lang() == Lang::Zh { zh.clone() } else { en.clone() };
            view! {
                <tr
                    data-testid=format!("allocation-row-{id}")
                    class:changed=move || row.with(|r| r.as_ref().is_some_and(|r| r.change_vs_paper != Money::ZERO))
                >
                    <th scope="row">{id}". " {name.clone()}</th>
                    <td class="num">{millions(category.proposed)}</td>
                    <td class="num">{millions(category.approved_prior)}</td>
                    <td class="num input-cell">
                        <NumberField
                            spec=FieldSpec::new(l("情景金額", "Scenario amount"), move |text: &str| money_in(text, Money::ZERO, max_amount()), write_money)
                            testid=format!("allocation-amount-{id}")
                            current=amount
                            commit=move |value: Money| set_category(id, &|edit| edit.amount = Some(value))
                            narrow=true
                        />
                    </td>
                    <td class="center">
                        <input
                            type="checkbox"
                            data-testid=format!("allocation-lock-{id}")
                            aria-label=move || format!("{} {}", l("鎖定", "Lock").get(lang()), name())
                            prop:checked=locked
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                set_category(id, &|edit| edit.locked = checked);
                            }
                        />
                    </td>
                    <td class="num">{move || row.with(|r| r.as_ref().map(|r| r.change_vs_prior.format_signed(1)))}</td>
                    <td class="num">
                        {move || row.with(|r| r.as_ref().and_then(|r| r.change_vs_prior_pct).map(percent_signed))}
                    </td>
                    <td class="num">{move || row.with(|r| r.as_ref().map(|r| r.change_vs_paper.format_signed(1)))}</td>
                </tr>
            }
        })
        .collect_view();

    let total = move || outcome.with(|o| o.as_ref().map(|o| o.total.clone()));
    let target = Signal::derive(move || whatif.scenario.with(|s| s.allocation.scale_to.unwrap_or(paper_total)));
    // A target typed before scaling is asked for waits here until the button is
    // pressed, so typing a target alone does not rescale the categories.
    let pending_target: RwSignal<Option<Money>> = RwSignal::new(None);
    let scaling = move || outcome.with(|o| o.as_ref().and_then(|o| o.scaling.clone()));

    let chart_data = data.clone();
    let groups = Signal::derive(move || {
        chart_data
            .categories
            .iter()
            .map(|c| if lang() == Lang::Zh { c.name_zh.clone() } else { c.name_en.clone() })
            .collect()
    });
    let series = Signal::derive(move || {
        let outcome = outcome.get();
        let categories = outcome.map(|o| o.categories).unwrap_or_default();
        vec![
            Series {
                name: l("文件 2018-19", "Paper 2018-19").get(lang()).to_string(),
                values: categories.iter().map(|c| c.paper_amount).collect(),
            },
            Series {
                name: l("情景", "Scenario").get(lang()).to_string(),
                values: categories.iter().map(|c| c.amount).collect(),
            },
        ]
    });

    view! {
        <section class="screen allocation">
            <h2>
                {move || l("撥款分配（按開支類別）", "Allocation by expenditure category").get(lang())}
                <Source source="Annex A" />
            </h2>
            <p class="note">
                {move || l(
                    "在「情景金額」輸入新數字即時重新計算；鎖定的類別在按比例調整時保持不變。",
                    "Type a new scenario amount and every figure updates; locked categories stay as they are when scaling pro rata.",
                ).get(lang())}
            </p>
            <table class="data allocation-table" data-testid="allocation-table">
                <thead>
                    <tr>
                        <th scope="col">{move || l("開支類別", "Category").get(lang())}</th>
                        <th scope="col" class="num">{move || l("文件 2018-19（百萬元）", "Paper 2018-19 (HK$M)").get(lang())}</th>
                        <th scope="col" class="num">{move || l("2017-18 核准（百萬元）", "2017-18 approved (HK$M)").get(lang())}</th>
                        <th scope="col" class="num">{move || l("情景（百萬元）", "Scenario (HK$M)").get(lang())}</th>
                        <th scope="col" class="center">{move || l("鎖定", "Lock").get(lang())}</th>
                        <th scope="col" class="num">{move || l("較 2017-18（百萬元）", "vs 2017-18 (HK$M)").get(lang())}</th>
                        <th scope="col" class="num">{move || l("較 2017-18（%）", "vs 2017-18 (%)").get(lang())}</th>
                        <th scope="col" class="num">{move || l("較文件（百萬元）", "vs paper (HK$M)").get(lang())}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{move || l("總計", "Total").get(lang())}</th>
                        <td class="num">{move || total().map(|t| millions(t.paper_amount))}</td>
                        <td class="num">{move || total().map(|t| millions(t.prior_amount))}</td>
                        <td class="num" data-testid="allocation-total">{move || total().map(|t| millions(t.amount))}</td>
                        <td></td>
                        <td class="num">{move || total().map(|t| t.change_vs_prior.format_signed(1))}</td>
                        <td class="num">{move || total().and_then(|t| t.change_vs_prior_pct).map(percent_signed)}</td>
                        <td class="num" data-testid="allocation-vs-paper">{move || total().map(|t| t.change_vs_paper.format_signed(1))}</td>
                    </tr>
                </tfoot>
            </table>

            <div class="panel scale-panel">
                <h3>{move || l("按比例調整至目標總額", "Scale to a target total").get(lang())}</h3>
                <div class="inline-fields">
                    <NumberField
                        spec=FieldSpec::new(l("目標總額", "Target total"), move |text: &str| money_in(text, Money::ZERO, max_amount()), write_money).unit(UNIT_HKD_M)
                        testid="allocation-target"
                        current=target
                        commit=move |value: Money| {
                            if whatif.scenario.with_untracked(|s| s.allocation.scale_to.is_some()) {
                                whatif.update(|s| s.allocation.scale_to = Some(value));
                            } else {
                                pending_target.set(Some(value));
                            }
                        }
                    />
                    <button
                        type="button"
                        data-testid="allocation-scale"
                        on:click=move |_| {
                            let value = pending_target.get_untracked().unwrap_or_else(|| target.get_untracked());
                            pending_target.set(None);
                            whatif.update(|s| s.allocation.scale_to = Some(value));
                        }
                    >
                        {move || l("按比例調整未鎖定類別", "Scale unlocked categories pro rata").get(lang())}
                    </button>
                    <button
                        type="button"
                        data-testid="allocation-reset"
                        on:click=move |_| whatif.update(|s| s.allocation = Default::default())
                    >
                        {move || l("還原為文件數字", "Reset to the paper").get(lang())}
                    </button>
                </div>
                {move || {
                    scaling()
                        .map(|scaling| match scaling.error {
                            Some(error) => view! {
                                <p class="field-error" role="alert" data-testid="allocation-scale-error">
                                    {allocation_error_text(&error, lang())}
                                </p>
                            }
                            .into_any(),
                            None => view! {
                                <p class="note" data-testid="allocation-scale-note">
                                    {match lang() {
                                        Lang::Zh => format!(
                                            "已把未鎖定類別（原合共 {} 百萬元）按比例調整，使總額正好為 {} 百萬元；鎖定類別合共 {} 百萬元不變。金額以 0.1 百萬元為單位，餘數按最大餘數法分配。",
                                            scaling.unlocked_before.format(1), scaling.target.format(1), scaling.locked.format(1)
                                        ),
                                        Lang::En => format!(
                                            "The unlocked categories (HK${}M before) are scaled pro rata so the total is exactly HK${}M; the locked HK${}M is untouched. Amounts are in steps of HK$0.1M, remainders by largest remainder.",
                                            scaling.unlocked_before.format(1), scaling.target.format(1), scaling.locked.format(1)
                                        ),
                                    }}
                                </p>
                            }
                            .into_any(),
                        })
                }}
            </div>

            <BalanceBar paper_total=paper_total />

            <GroupedBars
                id="allocation-chart"
                title=Signal::derive(move || l("開支類別：文件與情景", "Categories: paper against scenario").get(lang()).to_string())
                description=Signal::derive(move || l(
                    "每個開支類別在文件中的 2018-19 金額（實心）及情景金額（斜線），單位百萬元；數字見上表。",
                    "Each category's 2018-19 amount in the paper (solid) and in the scenario (hatched), HK$ million; the table above gives the figures.",
                ).get(lang()).to_string())
                groups=groups
                series=series
            />
        </section>
    }
}

/// The scenario's allocation total against the paper's HK$1,060M and against the
/// scenario's 2018-19 cash need (and its cash cap, if one is set).
#[component]
fn BalanceBar(paper_total: Money) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let figures = Memo::new(move |_| {
        whatif
            .projection
            .with(|p| p.as_ref().map(|p| (p.allocation.total.amount, p.allocation.cash_need, p.allocation.surplus)))
    });
    let cap = move || whatif.scenario.with(|s| s.cap.as_ref().map(|c| c.amount));
    let width = move |value: Money| {
        let (total, need, _) = figures.get().unwrap_or_default();
        let max = [total, need, paper_total, cap().unwrap_or_default()].into_iter().max().unwrap_or(paper_total);
        let share = if max.is_zero() { 0.0 } else { value.to_f64_for_geometry() / max.to_f64_for_geometry() };
        format!("{:.2}%", (share * 100.0).clamp(0.0, 100.0))
    };
    view! {
        <div class="panel balance" data-testid="balance">
            <h3>{move || l("收支平衡", "Balance").get(lang())}</h3>
            <dl class="balance-rows">
                <div class="balance-row">
                    <dt>{move || l("情景撥款總額", "Scenario allocation").get(lang())}</dt>
                    <dd>
                        <span class="bar scenario" style:width=move || width(figures.get().map(|f| f.0).unwrap_or_default())></span>
                        <span class="num">{move || figures.get().map(|f| millions(f.0))}</span>
                    </dd>
                </div>
                <div class="balance-row">
                    <dt>{move || l("文件建議（第 6 段）", "Paper (para 6)").get(lang())}</dt>
                    <dd>
                        <span class="bar paper" style:width=move || width(paper_total)></span>
                        <span class="num">{millions(paper_total)}</span>
                    </dd>
                </div>
                <div class="balance-row">
                    <dt>{move || l("情景 2018-19 現金需求", "Scenario 2018-19 cash need").get(lang())}</dt>
                    <dd>
                        <span class="bar need" style:width=move || width(figures.get().map(|f| f.1).unwrap_or_default())></span>
                        <span class="num" data-testid="balance-cash-need">{move || figures.get().map(|f| millions(f.1))}</span>
                    </dd>
                </div>
                {move || cap().map(|cap| view! {
                    <div class="balance-row">
                        <dt>{move || l("2018-19 現金上限", "2018-19 cash cap").get(lang())}</dt>
                        <dd>
                            <span class="bar cap" style:width=move || width(cap)></span>
                            <span class="num">{millions(cap)}</span>
                        </dd>
                    </div>
                })}
            </dl>
            <p data-testid="balance-surplus" class:warn-text=move || figures.get().is_some_and(|f| f.2.is_negative())>
                {move || {
                    let Some((_, _, surplus)) = figures.get() else { return String::new() };
                    if surplus.round_to(1).is_zero() {
                        return l(
                            "撥款與 2018-19 現金需求相等（準確至 0.1 百萬元）。",
                            "The allocation matches the 2018-19 cash need (to HK$0.1M).",
                        )
                        .get(lang())
                        .to_string();
                    }
                    match (lang(), surplus.is_negative()) {
                        (Lang::Zh, false) => format!("撥款較現金需求多 {} 百萬元。", surplus.format(1)),
                        (Lang::Zh, true) => format!("撥款較現金需求少 {} 百萬元。", Money::ZERO.checked_sub(surplus).unwrap_or_default().format(1)),
                        (Lang::En, false) => format!("The allocation exceeds the cash need by HK${}M.", surplus.format(1)),
                        (Lang::En, true) => format!("The allocation falls short of the cash need by HK${}M.", Money::ZERO.checked_sub(surplus).unwrap_or_default().format(1)),
                    }
                }}
            </p>
        </div>
    }
}
