//! The brief's tables of figures: the headline figures with the paper's and the model
//! baseline's marks (and a printed legend of the marks), Annex A, and the cash flow's
//! chart and year table.

use crate::charts::columns::QuarterlyColumns;
use crate::components::marks::FigureText;
use crate::components::sentence::kept_whole;
use crate::components::table_head::{Column, TableHead};
use crate::state::use_app_state;
use blockvote_present::provenance::Figure;
use blockvote_present::screens::brief::{AllocationRow, Brief};
use leptos::prelude::*;

/// A figure with its mark, or a dash.
fn marked(figure: Option<Figure>) -> AnyView {
    match figure {
        Some(figure) => view! { <FigureText figure=figure /> }.into_any(),
        None => view! { "—" }.into_any(),
    }
}

/// A figure's text, without a mark (its column says whose it is), or a dash.
fn plain(figure: Option<Figure>) -> AnyView {
    let lang = use_app_state().lang;
    match figure {
        Some(figure) => view! { {move || figure.text(lang.get())} }.into_any(),
        None => view! { "—" }.into_any(),
    }
}

#[component]
pub fn HeadlineTable(brief: Memo<Option<Brief>>) -> impl IntoView {
    move || {
        brief.with(|b| b.as_ref().map(|b| b.headlines.clone())).map(|h| {
            let [item, paper, baseline, scenario, change] = h.heads;
            let rows = h
                .rows
                .into_iter()
                .map(|row| {
                    let key = row.key;
                    // Each cell names its column (`data-head`) for the phone's stacked
                    // layout, where the heading row is out of sight (style/main.css).
                    view! {
                        <tr data-testid=format!("brief-headline-{key}") class:differs=row.differs>
                            <th scope="row">{kept_whole(&row.label)}</th>
                            <td class="num" data-head=paper.clone()>
                                {marked(row.paper)}
                            </td>
                            <td class="num" data-head=baseline.clone()>
                                {marked(row.baseline)}
                            </td>
                            // Marked per cell: what no lever changed is the model's.
                            <td
                                class="num"
                                data-head=scenario.clone()
                                data-testid=format!("brief-headline-{key}-scenario")
                            >
                                {marked(row.scenario)}
                            </td>
                            <td class="num" data-head=change.clone()>
                                {plain(row.change)}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section class="brief-section" tabindex="0" aria-label=h.title.clone()>
                    <h3>{h.title.clone()}</h3>
                    <table class="data compact brief-headlines stacked-on-phone" data-testid="brief-headlines">
                        <TableHead columns=vec![
                            Column::row_labels(item, "w-label"),
                            Column::figures(paper, "w-figure"),
                            Column::figures(baseline, "w-figure"),
                            Column::figures(scenario, "w-figure"),
                            Column::figures(change, "w-figure"),
                        ] />
                        <tbody>{rows}</tbody>
                    </table>
                    <ul class="brief-legend" data-testid="brief-legend">
                        {h.legend.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

#[component]
pub fn AllocationTable(brief: Memo<Option<Brief>>) -> impl IntoView {
    move || {
        brief.with(|b| b.as_ref().map(|b| b.allocation.clone())).map(|t| {
            let [item, prior, paper, scenario, change] = t.heads;
            let heads = [prior.clone(), paper.clone(), scenario.clone(), change.clone()];
            let row = move |row: AllocationRow, testid: String| {
                let [prior, paper, scenario, change] = heads.clone();
                view! {
                    <th scope="row">{kept_whole(&row.label)}</th>
                    <td class="num" data-head=prior>
                        {marked(row.prior)}
                    </td>
                    <td class="num" data-head=paper>
                        {marked(row.paper)}
                    </td>
                    <td class="num" data-head=scenario data-testid=testid>
                        {plain(Some(row.scenario))}
                    </td>
                    <td class="num" data-head=change>
                        {plain(Some(row.change))}
                    </td>
                }
            };
            let rows = t
                .rows
                .into_iter()
                .map(|r| {
                    let (key, differs) = (r.key.clone(), r.differs);
                    view! {
                        <tr data-testid=format!("brief-{key}") class:differs=differs>
                            {row(r, String::new())}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section class="brief-section" tabindex="0" aria-label=t.title.clone()>
                    <h3>{t.title.clone()}</h3>
                    <table class="data compact brief-allocation stacked-on-phone" data-testid="brief-allocation">
                        <TableHead columns=vec![
                            Column::row_labels(item, "w-label"),
                            Column::figures(prior, "w-figure"),
                            Column::figures(paper, "w-figure"),
                            Column::figures(scenario, "w-figure"),
                            Column::figures(change, "w-figure"),
                        ] />
                        <tbody>{rows}</tbody>
                        <tfoot>
                            <tr>{row(t.total, "brief-allocation-total".to_string())}</tr>
                        </tfoot>
                    </table>
                </section>
            }
        })
    }
}

#[component]
pub fn CashSection(brief: Memo<Option<Brief>>) -> impl IntoView {
    move || {
        brief.with(|b| b.as_ref().map(|b| b.cash.clone())).map(|c| {
            let chart = c.chart;
            let [year, ongoing, new, total, baseline, change] = c.heads;
            let heads = [ongoing.clone(), new.clone(), total.clone(), baseline.clone(), change.clone()];
            let row = move |r: blockvote_present::cash::CashRow, total_testid: String| {
                let [ongoing, new, total, baseline, change] = heads.clone();
                view! {
                    <th scope="row">{kept_whole(&r.label)}</th>
                    <td class="num" data-head=ongoing>
                        {plain(Some(r.ongoing))}
                    </td>
                    <td class="num" data-head=new>
                        {plain(Some(r.new))}
                    </td>
                    <td class="num" data-head=total data-testid=total_testid>
                        {plain(Some(r.total))}
                    </td>
                    <td class="num" data-head=baseline>
                        {plain(Some(r.baseline))}
                    </td>
                    <td class="num" data-head=change>
                        {plain(Some(r.change))}
                    </td>
                }
            };
            let rows = c
                .table
                .rows
                .into_iter()
                .map(|r| {
                    let key = r.key.clone();
                    view! { <tr data-testid=format!("brief-year-{key}")>{row(r, format!("brief-year-{key}-total"))}</tr> }
                })
                .collect_view();
            view! {
                <section class="brief-section" tabindex="0" aria-label=c.title.clone()>
                    <h3>{c.title.clone()}</h3>
                    <QuarterlyColumns
                        id="brief-cash-chart"
                        title=chart.title
                        description=chart.description
                        quarters=chart.quarters
                        segment_names=chart.segment_names
                        column_names=chart.column_names
                        range_name=Signal::derive(|| None::<String>)
                    />
                    <table class="data compact brief-years stacked-on-phone" data-testid="brief-years">
                        <TableHead columns=vec![
                            Column::text(year, "w-year"),
                            Column::figures(ongoing, "w-cash"),
                            Column::figures(new, "w-cash"),
                            Column::figures(total, "w-cash"),
                            Column::figures(baseline, "w-cash"),
                            Column::figures(change, "w-cash"),
                        ] />
                        <tbody>{rows}</tbody>
                        <tfoot>
                            <tr>{row(c.table.totals, "brief-years-total".to_string())}</tr>
                        </tfoot>
                    </table>
                </section>
            }
        })
    }
}
