//! Lines over quarters (e.g. cumulative spending, the S-curve): one polyline per
//! series, told apart by dash pattern and marker shape as well as colour, each point
//! focusable with its value.
//!
//! Laid out at the width the page gives it (see `charts/mod.rs`): the legend wraps,
//! the value axis has as many nice ticks as fit, and on a narrow screen only every
//! n-th quarter is labelled (each point still names its quarter when focused).

use super::{legend_text, use_chart_width, FONT, LINE};
use blockvote_present::axis::{label_stride, label_width, nice_axis, ticks_for_length, Axis};
use blockvote_present::charts::{legend_layout, LegendItem, LineSeries};
use leptos::prelude::*;

const PLOT_HEIGHT: f64 = 200.0;
const RIGHT: f64 = 12.0;
const SWATCH: f64 = 24.0;
const ROTATED_FOOTPRINT: f64 = FONT * 1.5;
const DASHES: [&str; 3] = ["none", "6 4", "2 3"];
const COLOURS: [&str; 3] = ["var(--series-a)", "var(--series-c)", "var(--focus)"];

/// Everything the chart's geometry depends on, worked out once per width and data.
#[derive(Clone, PartialEq)]
struct Layout {
    width: f64,
    height: f64,
    left: f64,
    top: f64,
    axis: Axis,
    stride: usize,
    legend: Vec<LegendItem>,
}

#[component]
pub fn QuarterLines(
    #[prop(into)] id: String,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] description: Signal<String>,
    #[prop(into)] labels: Signal<Vec<String>>,
    #[prop(into)] series: Signal<Vec<LineSeries>>,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let node = NodeRef::<leptos::svg::Svg>::new();
    let width = use_chart_width(node, 920.0);
    let layout = Memo::new(move |_| {
        let width = width.get();
        let max = series.with(|all| {
            all.iter().flat_map(|s| s.points.iter()).map(|p| p.to_f64_for_geometry()).fold(0.0_f64, f64::max)
        });
        let names: Vec<String> = series.with(|all| all.iter().map(|s| s.name.clone()).collect());
        let (legend, legend_height) = legend_layout(&names, SWATCH + 6.0, 8.0, width - RIGHT, FONT, LINE);
        let top = 4.0 + legend_height + 12.0;
        let axis = nice_axis(0.0, max, ticks_for_length(PLOT_HEIGHT, 36.0));
        // Room for the value labels, and for the first quarter's label, which slants down
        // to the left from its point.
        let longest = labels.with(|l| l.iter().map(|t| label_width(t, FONT)).fold(0.0_f64, f64::max));
        let ticks = axis.ticks.iter().map(|t| label_width(&t.label, FONT)).fold(0.0_f64, f64::max) + 12.0;
        let left = ticks.max(longest * std::f64::consts::FRAC_1_SQRT_2 - 10.0);
        let (count, longest) =
            labels.with(|l| (l.len().max(1) as f64, l.iter().map(|t| label_width(t, FONT)).fold(0.0_f64, f64::max)));
        Layout {
            width,
            height: top + PLOT_HEIGHT + longest * std::f64::consts::FRAC_1_SQRT_2 + 18.0,
            left,
            top,
            axis,
            stride: label_stride((width - left - RIGHT) / count, ROTATED_FOOTPRINT),
            legend,
        }
    });
    let count = move || labels.with(|l| l.len()).max(1);
    let x = move |layout: &Layout, index: usize| {
        layout.left + (layout.width - layout.left - RIGHT) * (index as f64 + 0.5) / count() as f64
    };
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
                        <line x1=layout.left x2=layout.width - RIGHT y1=at y2=at stroke="var(--line)"></line>
                        <text x=layout.left - 6.0 y=at + 4.0 text-anchor="end">
                            {tick.label.clone()}
                        </text>
                    </g>
                }
            })
            .collect_view()
    };
    let axis = move || {
        let layout = layout.get();
        let label_y = layout.top + PLOT_HEIGHT + 14.0;
        labels
            .get()
            .into_iter()
            .enumerate()
            .filter(|(index, _)| index % layout.stride == 0)
            .map(|(index, label)| {
                let at = x(&layout, index);
                view! {
                    <text
                        class="axis-label"
                        x=at
                        y=label_y
                        text-anchor="end"
                        transform=format!("rotate(-45 {at} {label_y})")
                    >
                        {label}
                    </text>
                }
            })
            .collect_view()
    };
    let lines = move || {
        let layout = layout.get();
        let names = labels.get();
        series
            .get()
            .into_iter()
            .enumerate()
            .map(|(series_index, s)| {
                let colour = COLOURS.get(series_index % COLOURS.len()).copied().unwrap_or("currentColor");
                let dash = DASHES.get(series_index % DASHES.len()).copied().unwrap_or("none");
                let path = s
                    .points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| format!("{:.1},{:.1}", x(&layout, i), y(&layout, p.to_f64_for_geometry())))
                    .collect::<Vec<_>>()
                    .join(" ");
                let points = s
                    .points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let label = format!("{} — {}: {}", s.name, names.get(i).cloned().unwrap_or_default(), p.format(1));
                        let (cx, cy) = (x(&layout, i), y(&layout, p.to_f64_for_geometry()));
                        let marker = if series_index == 0 {
                            view! { <circle cx=cx cy=cy r="3.5" fill=colour stroke="var(--ink)"></circle> }.into_any()
                        } else {
                            view! { <rect x=cx - 3.5 y=cy - 3.5 width="7" height="7" fill="white" stroke=colour stroke-width="1.5"></rect> }.into_any()
                        };
                        view! {
                            <g class="mark" tabindex="0" role="img" aria-label=label.clone()>
                                <title>{label.clone()}</title>
                                {marker}
                            </g>
                        }
                    })
                    .collect_view();
                let LegendItem { x: legend_x, y: legend_y, lines: legend_lines } =
                    layout.legend.get(series_index).cloned().unwrap_or(LegendItem { x: 8.0, y: 0.0, lines: Vec::new() });
                let legend_y = legend_y + 4.0;
                view! {
                    <g>
                        <polyline
                            points=path
                            fill="none"
                            stroke=colour
                            stroke-width="2"
                            stroke-dasharray=dash
                        ></polyline>
                        {points}
                        <g class="legend-item">
                            <line
                                x1=legend_x
                                x2=legend_x + SWATCH
                                y1=legend_y + 6.0
                                y2=legend_y + 6.0
                                stroke=colour
                                stroke-width="2"
                                stroke-dasharray=dash
                            ></line>
                            {legend_text(legend_x + SWATCH + 6.0, legend_y + 10.0, legend_lines)}
                        </g>
                    </g>
                }
            })
            .collect_view()
    };
    view! {
        <svg
            node_ref=node
            class="chart lines"
            role="group"
            aria-labelledby=title_id.clone()
            aria-describedby=desc_id.clone()
            viewBox=move || layout.with(|l| format!("0 0 {} {:.0}", l.width, l.height))
            width="100%"
            data-testid=id.clone()
        >
            <title id=title_id.clone()>{move || title.get()}</title>
            <desc id=desc_id.clone()>{move || description.get()}</desc>
            {grid}
            {axis}
            {lines}
            <line
                x1=move || layout.with(|l| l.left)
                x2=move || layout.with(|l| l.width - RIGHT)
                y1=move || layout.with(|l| l.top + PLOT_HEIGHT)
                y2=move || layout.with(|l| l.top + PLOT_HEIGHT)
                stroke="var(--ink)"
            ></line>
        </svg>
    }
}
