//! Quarterly columns: for each quarter, up to two side-by-side columns (e.g. the model
//! baseline and the scenario), each stacked from segments (e.g. ongoing and new
//! projects), with an optional range whisker per quarter (e.g. Monte Carlo P10–P90).
//! Segments are told apart by fill and pattern so the chart reads in black and white;
//! every column is focusable and names its figures.
//!
//! Laid out at the width the page gives it (see `charts/mod.rs`): the legend wraps,
//! the value axis has as many nice ticks as fit, and on a narrow screen only every
//! n-th quarter is labelled (each column still names its quarter when focused).

use super::{legend_text, use_chart_width, FONT, LINE};
use blockvote_model::Money;
use blockvote_present::axis::{label_stride, label_width, nice_axis, ticks_for_length, Axis};
use blockvote_present::charts::{legend_layout, LegendItem, QuarterColumns};
use leptos::prelude::*;

const PLOT_HEIGHT: f64 = 230.0;
const RIGHT: f64 = 12.0;
const SWATCH: f64 = 14.0;
/// Room along the axis a label rotated by 45° needs: about a line of text.
const ROTATED_FOOTPRINT: f64 = FONT * 1.5;

/// Fills for stacked segments, by segment index; column index picks the outline style.
fn segment_fill(id: &str, segment: usize) -> String {
    match segment {
        0 => "var(--series-a)".to_string(),
        1 => format!("url(#{id}-hatch)"),
        _ => "var(--series-c)".to_string(),
    }
}

/// What a legend item's swatch looks like.
#[derive(Clone, Copy, PartialEq)]
enum Swatch {
    Segment(usize),
    Column(usize),
    Whisker,
}

/// Everything the chart's geometry depends on, worked out once per width and data.
#[derive(Clone, PartialEq)]
struct Layout {
    width: f64,
    height: f64,
    left: f64,
    top: f64,
    axis: Axis,
    /// Label every n-th quarter.
    stride: usize,
    legend: Vec<LegendItem>,
}

#[component]
pub fn QuarterlyColumns(
    #[prop(into)] id: String,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] description: Signal<String>,
    #[prop(into)] quarters: Signal<Vec<QuarterColumns>>,
    /// Names of the segments (legend), bottom first.
    #[prop(into)]
    segment_names: Signal<Vec<String>>,
    /// Names of the columns in each quarter (legend), left first.
    #[prop(into)]
    column_names: Signal<Vec<String>>,
    /// Name of the whisker, if any.
    #[prop(into)]
    range_name: Signal<Option<String>>,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let chart_id = id.clone();
    let node = NodeRef::<leptos::svg::Svg>::new();
    let width = use_chart_width(node, 920.0);
    let legend_items = move || {
        let mut items: Vec<(Swatch, String)> = Vec::new();
        items.extend(segment_names.get().into_iter().enumerate().map(|(i, name)| (Swatch::Segment(i), name)));
        items.extend(column_names.get().into_iter().enumerate().map(|(i, name)| (Swatch::Column(i), name)));
        items.extend(range_name.get().map(|name| (Swatch::Whisker, name)));
        items
    };
    let layout = Memo::new(move |_| {
        let width = width.get();
        let (max, labels) = quarters.with(|qs| {
            let max = qs
                .iter()
                .flat_map(|q| {
                    let stacks = q.columns.iter().map(|c| {
                        Money::checked_sum(c.segments.iter().copied()).unwrap_or_default().to_f64_for_geometry()
                    });
                    stacks.chain(q.range.map(|(_, hi)| hi.to_f64_for_geometry()))
                })
                .fold(0.0_f64, f64::max);
            let labels = qs.iter().map(|q| label_width(&q.label, FONT)).fold(0.0_f64, f64::max);
            (max, labels)
        });
        let names: Vec<String> = legend_items().into_iter().map(|(_, name)| name).collect();
        let (legend, legend_height) = legend_layout(&names, SWATCH + 4.0, 8.0, width - RIGHT, FONT, LINE);
        let top = 4.0 + legend_height + 12.0;
        let axis = nice_axis(0.0, max, ticks_for_length(PLOT_HEIGHT, 36.0));
        // Room for the value labels, and for the first quarter's label, which slants down
        // to the left from its column.
        let ticks = axis.ticks.iter().map(|t| label_width(&t.label, FONT)).fold(0.0_f64, f64::max) + 12.0;
        let left = ticks.max(labels * std::f64::consts::FRAC_1_SQRT_2 - 4.0);
        let count = quarters.with(|qs| qs.len()).max(1) as f64;
        let slot = (width - left - RIGHT) / count;
        Layout {
            width,
            height: top + PLOT_HEIGHT + labels * std::f64::consts::FRAC_1_SQRT_2 + 18.0,
            left,
            top,
            axis,
            stride: label_stride(slot, ROTATED_FOOTPRINT),
            legend,
        }
    });
    let y = move |layout: &Layout, value: f64| layout.top + PLOT_HEIGHT * (1.0 - layout.axis.share(value));
    let grid = move || {
        let layout = layout.get();
        layout
            .axis
            .ticks
            .iter()
            .map(|tick| {
                let at = y(&layout, tick.value);
                view! {
                    <g class="grid">
                        <line
                            x1=layout.left
                            x2=layout.width - RIGHT
                            y1=at
                            y2=at
                            stroke="var(--line)"
                            stroke-width="1"
                        ></line>
                        <text x=layout.left - 6.0 y=at + 4.0 text-anchor="end">
                            {tick.label.clone()}
                        </text>
                    </g>
                }
            })
            .collect_view()
    };
    let bars = move || {
        let layout = layout.get();
        let all = quarters.get();
        let count = all.len().max(1) as f64;
        let slot = (layout.width - layout.left - RIGHT) / count;
        let per_quarter = all.iter().map(|q| q.columns.len()).max().unwrap_or(1).max(1) as f64;
        let column_width = (slot * 0.8 / per_quarter).max(1.0);
        let chart_id = chart_id.clone();
        let baseline = layout.top + PLOT_HEIGHT;
        all.into_iter()
            .enumerate()
            .map(|(index, quarter)| {
                let left = layout.left + slot * index as f64 + slot * 0.1;
                let columns = quarter
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(column_index, column)| {
                        let x = left + column_width * column_index as f64;
                        let mut running = 0.0;
                        let segments = column
                            .segments
                            .iter()
                            .enumerate()
                            .map(|(segment_index, value)| {
                                let bottom = running;
                                running += value.to_f64_for_geometry().max(0.0);
                                let (y_top, y_bottom) = (y(&layout, running), y(&layout, bottom));
                                view! {
                                    <rect
                                        x=x
                                        y=y_top
                                        width=(column_width - 1.0).max(0.5)
                                        height=(y_bottom - y_top).max(0.0)
                                        fill=segment_fill(&chart_id, segment_index)
                                        stroke="var(--ink)"
                                        stroke-width=if column_index == 0 { "0.6" } else { "1.2" }
                                        stroke-dasharray=if column_index == 0 { "3 2" } else { "none" }
                                    ></rect>
                                }
                            })
                            .collect_view();
                        view! { <g>{segments}</g> }
                    })
                    .collect_view();
                let whisker = quarter.range.map(|(low, high)| {
                    let last = quarter.columns.len().saturating_sub(1) as f64;
                    let cx = left + column_width * last + column_width / 2.0;
                    let (y_low, y_high) =
                        (y(&layout, low.to_f64_for_geometry()), y(&layout, high.to_f64_for_geometry()));
                    view! {
                        <g class="whisker">
                            <line x1=cx x2=cx y1=y_low y2=y_high stroke="var(--focus)" stroke-width="2"></line>
                            <line
                                x1=cx - 4.0
                                x2=cx + 4.0
                                y1=y_low
                                y2=y_low
                                stroke="var(--focus)"
                                stroke-width="2"
                            ></line>
                            <line
                                x1=cx - 4.0
                                x2=cx + 4.0
                                y1=y_high
                                y2=y_high
                                stroke="var(--focus)"
                                stroke-width="2"
                            ></line>
                        </g>
                    }
                });
                let label_x = left + slot * 0.4;
                let label_y = baseline + 14.0;
                let label = (index % layout.stride == 0).then(|| {
                    view! {
                        <text
                            class="axis-label"
                            x=label_x
                            y=label_y
                            text-anchor="end"
                            transform=format!("rotate(-45 {label_x} {label_y})")
                        >
                            {quarter.label.clone()}
                        </text>
                    }
                });
                let description = quarter.description.clone();
                view! {
                    <g class="mark" tabindex="0" role="img" aria-label=description.clone()>
                        <title>{description.clone()}</title>
                        <rect
                            class="hit"
                            x=left - slot * 0.1
                            y=layout.top
                            width=slot
                            height=PLOT_HEIGHT
                            fill="transparent"
                        ></rect>
                        {columns}
                        {whisker}
                        {label}
                    </g>
                }
            })
            .collect_view()
    };
    let legend_id = id.clone();
    let legend = move || {
        let layout = layout.get();
        legend_items()
            .into_iter()
            .zip(layout.legend)
            .map(|((swatch, _), LegendItem { x, y, lines })| {
                let y = y + 4.0;
                let mark = match swatch {
                    Swatch::Segment(index) => view! {
                        <rect
                            x=x
                            y=y
                            width=SWATCH
                            height="12"
                            fill=segment_fill(&legend_id, index)
                            stroke="var(--ink)"
                            stroke-width="0.75"
                        ></rect>
                    }
                    .into_any(),
                    Swatch::Column(index) => view! {
                        <rect
                            x=x
                            y=y
                            width=SWATCH
                            height="12"
                            fill="none"
                            stroke="var(--ink)"
                            stroke-width=if index == 0 { "0.6" } else { "1.2" }
                            stroke-dasharray=if index == 0 { "3 2" } else { "none" }
                        ></rect>
                    }
                    .into_any(),
                    Swatch::Whisker => view! { <line x1=x + 7.0 x2=x + 7.0 y1=y - 1.0 y2=y + 13.0 stroke="var(--focus)" stroke-width="2"></line> }
                    .into_any(),
                };
                view! { <g class="legend-item">{mark} {legend_text(x + SWATCH + 4.0, y + 10.0, lines)}</g> }
            })
            .collect_view()
    };
    view! {
        <svg
            node_ref=node
            class="chart columns"
            role="group"
            aria-labelledby=title_id.clone()
            aria-describedby=desc_id.clone()
            viewBox=move || layout.with(|l| format!("0 0 {} {:.0}", l.width, l.height))
            width="100%"
            data-testid=id.clone()
            data-ticks=move || layout.with(|l| l.axis.ticks.len().to_string())
        >
            <title id=title_id.clone()>{move || title.get()}</title>
            <desc id=desc_id.clone()>{move || description.get()}</desc>
            <defs>
                <pattern
                    id=format!("{id}-hatch")
                    patternUnits="userSpaceOnUse"
                    width="5"
                    height="5"
                    patternTransform="rotate(45)"
                >
                    <rect width="5" height="5" fill="var(--series-b)"></rect>
                    <line x1="0" y1="0" x2="0" y2="5" stroke="var(--ink)" stroke-width="1.5"></line>
                </pattern>
            </defs>
            {legend}
            {grid}
            {bars}
            <line
                x1=move || layout.with(|l| l.left)
                x2=move || layout.with(|l| l.width - RIGHT)
                y1=move || layout.with(|l| l.top + PLOT_HEIGHT)
                y2=move || layout.with(|l| l.top + PLOT_HEIGHT)
                stroke="var(--ink)"
                stroke-width="1"
            ></line>
        </svg>
    }
}
