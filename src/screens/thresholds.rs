//! The delegation thresholds of para 2 as levers: change the HK$10M ceiling (the
//! Finance Committee raised it to HK$20M in January 2021) or the HK$0.2M floor and see
//! which projects change approval route, with counts and sums, on the histogram of
//! budgets with the two lines.

use crate::charts::histogram::Histogram;
use crate::components::fields::NumberField;
use crate::components::legacy_marks::Source;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::Route;
use blockvote_model::money::MAX_INPUT_MILLIONS;
use blockvote_model::Money;
use blockvote_present::charts::{HistogramBin, HistogramMarker};
use blockvote_present::fields::{money_in, write_money, FieldSpec};
use blockvote_present::format::millions;
use blockvote_present::lang::{l, Lang};
use blockvote_present::route::{fragment_for, View};
use blockvote_present::words::route_label;
use blockvote_present::words::UNIT_HKD_M;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Bin width of the histogram: HK$0.5M, as on the budget distribution screen.
const BIN_WIDTH_THOUSANDS: i64 = 500;
/// The most bins drawn; wider bins are used when budgets reach further.
const MAX_BINS: i64 = 60;

/// Histogram bins over `budgets`, HK$0.5M wide (or a multiple when budgets reach far),
/// covering 0 to at least `reach`. Each bin is `(lo, hi]`, so a budget exactly at a
/// threshold sits in the bin that ends there.
pub fn bins(budgets: &[Money], reach: Money) -> Vec<(Money, Money, Vec<usize>)> {
    let top = budgets.iter().copied().max().unwrap_or(Money::ZERO).max(reach);
    let base = Money::from_thousands(BIN_WIDTH_THOUSANDS);
    let needed = top.ratio(base).ok().map(|r| r.ceil()).unwrap_or(Decimal::ONE);
    let multiple = (needed / Decimal::from(MAX_BINS)).ceil().max(Decimal::ONE);
    let width = base.checked_mul(multiple).unwrap_or(base);
    let count = top.ratio(width).ok().map(|r| r.ceil()).unwrap_or(Decimal::ONE).max(Decimal::ONE);
    let count = usize::try_from(count.mantissa()).unwrap_or(1).clamp(1, 1000);
    let mut result: Vec<(Money, Money, Vec<usize>)> = (0..count)
        .map(|k| {
            let lo = width.checked_mul(Decimal::from(k)).unwrap_or(Money::ZERO);
            let hi = width.checked_mul(Decimal::from(k + 1)).unwrap_or(Money::ZERO);
            (lo, hi, Vec::new())
        })
        .collect();
    for (index, budget) in budgets.iter().enumerate() {
        let position = result.iter().position(|(lo, hi, _)| budget > lo && budget <= hi).unwrap_or(0);
        if let Some(bin) = result.get_mut(position) {
            bin.2.push(index);
        }
    }
    result
}

#[component]
pub fn Thresholds() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang = move || state.lang.get();
    let delegation = Memo::new(move |_| whatif.projection.with(|p| p.as_ref().map(|p| p.delegation.clone())));
    let paper_ceiling = data.ceiling;
    let paper_floor = data.floor;
    let ceiling = Signal::derive(move || whatif.scenario.with(|s| s.delegation.ceiling.unwrap_or(paper_ceiling)));
    let floor = Signal::derive(move || whatif.scenario.with(|s| s.delegation.floor.unwrap_or(paper_floor)));
    let max = Money::from_whole_millions(MAX_INPUT_MILLIONS);
    let set_ceiling = move |value: Money| {
        whatif.update(|s| s.delegation.ceiling = (value != paper_ceiling).then_some(value));
    };
    let set_floor = move |value: Money| {
        whatif.update(|s| s.delegation.floor = (value != paper_floor).then_some(value));
    };

    // The budgets in effect (after cost changes and overrides), for the histogram.
    let budgets = Memo::new(move |_| {
        whatif.projection.with(|p| {
            p.as_ref().map(|p| p.projects.iter().filter(|o| o.included).map(|o| (o.id, o.budget)).collect::<Vec<_>>())
        })
    });
    let selected = RwSignal::new(None::<usize>);
    let binned = Memo::new(move |_| {
        let list = budgets.get().unwrap_or_default();
        let amounts: Vec<Money> = list.iter().map(|(_, b)| *b).collect();
        bins(&amounts, ceiling.get())
            .into_iter()
            .map(|(lo, hi, members)| {
                (lo, hi, members.iter().filter_map(|i| list.get(*i).map(|(id, _)| *id)).collect::<Vec<u16>>())
            })
            .collect::<Vec<_>>()
    });
    let histogram_bins = Signal::derive(move || {
        let lang = lang();
        binned
            .get()
            .iter()
            .map(|(lo, hi, ids)| HistogramBin {
                lo: lo.to_f64_for_geometry(),
                hi: hi.to_f64_for_geometry(),
                count: ids.len(),
                label: match lang {
                    Lang::Zh => format!("{} 至 {} 百萬元：{} 個項目", lo.format(1), hi.format(1), ids.len()),
                    Lang::En => format!("HK${}M – {}M: {} projects", lo.format(1), hi.format(1), ids.len()),
                },
            })
            .collect::<Vec<_>>()
    });
    let markers = Signal::derive(move || {
        let lang = lang();
        vec![
            HistogramMarker {
                at: floor.get().to_f64_for_geometry(),
                label: match lang {
                    Lang::Zh => format!("下限 {} 百萬元", floor.get().format(1)),
                    Lang::En => format!("floor HK${}M", floor.get().format(1)),
                },
                label_left: false,
            },
            HistogramMarker {
                at: ceiling.get().to_f64_for_geometry(),
                label: match lang {
                    Lang::Zh => format!("上限 {} 百萬元", ceiling.get().format(1)),
                    Lang::En => format!("ceiling HK${}M", ceiling.get().format(1)),
                },
                label_left: true,
            },
        ]
    });
    let domain_max = Signal::derive(move || {
        binned
            .with(|b| b.last().map(|(_, hi, _)| hi.to_f64_for_geometry()).unwrap_or(10.0))
            .max(ceiling.get().to_f64_for_geometry())
            + 0.5
    });

    let route_rows = move || {
        delegation.get().map(|d| {
            d.routes
                .iter()
                .map(|summary| {
                    let route = summary.route;
                    let testid = match route {
                        Route::FinanceCommittee => "projects-over-ceiling",
                        Route::BlockAllocation => "projects-in-block",
                        Route::Department => "projects-below-floor",
                    };
                    view! {
                        <tr data-testid=format!("route-{testid}")>
                            <th scope="row">{move || route_label(route).get(lang())}</th>
                            <td class="num" data-testid=testid>{summary.count}</td>
                            <td class="num" data-testid=format!("{testid}-total")>{millions(summary.total)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let route_total = move || {
        delegation.get().map(|d| {
            let count: u32 = d.routes.iter().map(|r| r.count).sum();
            let total = Money::checked_sum(d.routes.iter().map(|r| r.total)).unwrap_or_default();
            (count, total)
        })
    };
    let changed = move || delegation.with(|d| d.as_ref().map(|d| d.changed.clone()).unwrap_or_default());
    let data_for_names = data.clone();
    let name_of = move |id: u16, lang: Lang| {
        data_for_names
            .project(id)
            .map(|p| if lang == Lang::Zh { p.name_zh.clone() } else { p.name_en.clone() })
            .unwrap_or_default()
    };

    view! {
        <section class="screen thresholds">
            <h2>{move || l("審批門檻", "Approval thresholds").get(lang())} <Source source="para 2" /></h2>
            <p class="note">
                {move || l(
                    "第 2 段：每項需費超過 1,000 萬元的計劃須獲財委會批准；20 萬元以上至 1,000 萬元由整體撥款支付；20 萬元或以下由局／部門批准。財委會於 2021 年 1 月把上限提高至 2,000 萬元。附件 C 的預算四捨五入至 0.1 百萬元，列為 0.2 的兩個項目實際略高於 20 萬元，故本工具只把低於下限的預算歸入部門審批。",
                    "Para 2: projects costing over HK$10M need Finance Committee approval; over HK$0.2M up to HK$10M are paid from the block allocation; HK$0.2M or less are approved by the department. The Finance Committee raised the ceiling to HK$20M in January 2021. Annex C rounds budgets to HK$0.1M: the two projects printed at 0.2 cost a little over HK$0.2M, so blockvote routes to the department only budgets below the floor.",
                ).get(lang())}
            </p>
            <div class="inline-fields">
                <NumberField
                    spec=FieldSpec::new(l("上限（財委會審批以上）", "Ceiling (Finance Committee above)"), move |text: &str| money_in(text, Money::ZERO, max), write_money).unit(UNIT_HKD_M)
                    testid="ceiling"
                    current=ceiling
                    commit=set_ceiling
                />
                <NumberField
                    spec=FieldSpec::new(l("下限（低於此由部門自行審批）", "Floor (department approves below)"), move |text: &str| money_in(text, Money::ZERO, max), write_money).unit(UNIT_HKD_M)
                    testid="floor"
                    current=floor
                    commit=set_floor
                />
                <button type="button" data-testid="ceiling-20" on:click=move |_| set_ceiling(Money::from_whole_millions(20))>
                    {move || l("上限 2,000 萬元（2021 年 1 月）", "Ceiling HK$20M (January 2021)").get(lang())}
                </button>
                <button
                    type="button"
                    data-testid="thresholds-reset"
                    on:click=move |_| whatif.update(|s| s.delegation = Default::default())
                >
                    {move || l("還原為文件門檻", "Reset to the paper's thresholds").get(lang())}
                </button>
            </div>
            {move || whatif.error.get().map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}

            <table class="data routes" data-testid="routes-table">
                <thead>
                    <tr>
                        <th scope="col">{move || l("審批途徑", "Approval route").get(lang())}</th>
                        <th scope="col" class="num">{move || l("項目數目", "Projects").get(lang())}</th>
                        <th scope="col" class="num">{move || l("預算（百萬元）", "Budget (HK$M)").get(lang())}</th>
                    </tr>
                </thead>
                <tbody>{route_rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{move || l("總計", "Total").get(lang())}</th>
                        <td class="num">{move || route_total().map(|t| t.0)}</td>
                        <td class="num">{move || route_total().map(|t| millions(t.1))}</td>
                    </tr>
                </tfoot>
            </table>

            {move || {
                // The axis reaches as far as the budgets and the ceiling, so the chart is
                // redrawn when either moves past it.
                let domain = domain_max.get();
                view! {
            <Histogram
                id="thresholds-histogram"
                testid="thresholds-histogram"
                title=Signal::derive(move || l("情景中的項目預算分布", "Project budgets in the scenario").get(lang()).to_string())
                desc=Signal::derive(move || l(
                    "每組 0.5 百萬元的項目數目；直線標示情景的下限及上限。",
                    "Projects per HK$0.5M band; vertical lines mark the scenario's floor and ceiling.",
                ).get(lang()).to_string())
                x_label=Signal::derive(move || l("項目預算（百萬元）", "Project budget (HK$M)").get(lang()).to_string())
                y_label=Signal::derive(move || l("項目數目", "Projects").get(lang()).to_string())
                hint=Signal::derive(move || l("把指標移到棒上或按 Tab 查看數字", "Point at a bar or Tab to it for its figures").get(lang()).to_string())
                bins=histogram_bins
                markers=markers
                domain_max=domain
                selected=selected
            />
                }
            }}

            <h3>
                {move || match lang() {
                    Lang::Zh => format!("改變審批途徑的項目（{} 個）", changed().len()),
                    Lang::En => format!("Projects that change approval route ({})", changed().len()),
                }}
            </h3>
            <table class="data" data-testid="route-changes">
                <thead>
                    <tr>
                        <th scope="col" class="num">{move || l("編號", "No.").get(lang())}</th>
                        <th scope="col">{move || l("項目", "Project").get(lang())}</th>
                        <th scope="col" class="num">{move || l("預算（百萬元）", "Budget (HK$M)").get(lang())}</th>
                        <th scope="col">{move || l("按文件門檻", "Under the paper").get(lang())}</th>
                        <th scope="col">{move || l("按情景門檻", "Under the scenario").get(lang())}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let name_of = name_of.clone();
                        changed()
                            .into_iter()
                            .map(|change| {
                                view! {
                                    <tr data-testid=format!("route-change-{}", change.id)>
                                        <td class="num">{change.id}</td>
                                        <td>{name_of(change.id, lang())}</td>
                                        <td class="num">{millions(change.budget)}</td>
                                        <td>{route_label(change.paper_route).get(lang())}</td>
                                        <td>{route_label(change.route).get(lang())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            {move || {
                let ids: Vec<String> = changed().iter().map(|c| c.id.to_string()).collect();
                (!ids.is_empty()).then(|| {
                    let link = fragment_for(View::Projects, lang(), &[("ids".to_string(), ids.join(","))]);
                    view! { <p><a href=link>{move || l("在項目表中查看", "Show them in the projects table").get(lang())}</a></p> }
                })
            }}
        </section>
    }
}
