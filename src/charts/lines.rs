//! Lines over quarters (e.g. cumulative spending, the S-curve): one polyline per
//! series, told apart by dash pattern and marker shape as well as colour, each point
//! reached with the arrow keys from the chart (one Tab stop) and its value written
//! under the chart when focused or tapped (`charts::step_between_marks`).
//!
//! Laid out at the width the page gives it (see `charts/mod.rs`): the legend wraps,
//! the value axis has as many nice ticks as fit, and on a narrow screen only every
//! n-th quarter is labelled (each point still names its quarter when focused).

use super::{
    field, grid_lines, legend_text, px, read_focused_mark, step_between_marks, use_chart_width, view_box, Grid,
    MarkReadout, FONT, LINE, ROTATED_FOOTPRINT,
};
use crate::components::each::each_key;
use crate::components::memo::memo;
use blockvote_present::axis::{label_stride, label_width, nice_axis, ticks_for_length, Axis};
use blockvote_present::charts::{legend_layout, LegendItem, LineSeries};
use leptos::prelude::*;

const PLOT_HEIGHT: f64 = 200.0;
const RIGHT: f64 = 12.0;
const SWATCH: f64 = 24.0;
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
    /// Every series' marks, in the same memo as the frame: every memo a lever changes
    /// marks all that depends on it again, so a memo of the marks after a memo of the
    /// frame doubled the times each series was visited.
    series: Vec<SeriesMark>,
}

/// One point of a series, laid out, with its accessible name.
#[derive(Clone, Debug, PartialEq)]
struct PointMark {
    cx: f64,
    cy: f64,
    label: String,
}

/// One series, laid out.
#[derive(Clone, Debug, PartialEq)]
struct SeriesMark {
    index: usize,
    /// The polyline's `points`.
    path: String,
    points: Vec<PointMark>,
    legend: LegendItem,
}

/// One series' elements, made once per shape (its index and number of points). Every
/// attribute reads the series' one memo (tachys writes an attribute only when its value
/// differs), with no memo per point between them: each memo in a chain is marked again
/// by every memo above it that changes, so a memo per point and per label was visited
/// about nine times per lever change.
#[component]
fn SeriesView(layout: Memo<Layout>, index: usize, points: usize) -> impl IntoView {
    let colour = COLOURS.get(index % COLOURS.len()).copied().unwrap_or("currentColor");
    let dash = DASHES.get(index % DASHES.len()).copied().unwrap_or("none");
    let series = memo(move |_| layout.with(|l| l.series.get(index).cloned()));
    let legend = memo(move |_| series.with(|s| s.as_ref().map(|s| s.legend.clone())));
    let point = move |n: usize, pick: fn(&PointMark) -> f64| {
        move || series.with(|s| s.as_ref()?.points.get(n).map(|p| px(pick(p))))
    };
    let markers = (0..points)
        .map(|n| {
            let label = move || series.with(|s| s.as_ref()?.points.get(n).map(|p| p.label.clone()));
            let marker = if index == 0 {
                view! { <circle cx=point(n, |p| p.cx) cy=point(n, |p| p.cy) r="3.5" fill=colour stroke="var(--ink)"></circle> }
                    .into_any()
            } else {
                view! {
                    <rect
                        x=point(n, |p| p.cx - 3.5)
                        y=point(n, |p| p.cy - 3.5)
                        width="7"
                        height="7"
                        fill="white"
                        stroke=colour
                        stroke-width="1.5"
                    ></rect>
                }
                .into_any()
            };
            view! {
                <g class="mark" tabindex="-1" role="img" aria-label=label>
                    <title>{label}</title>
                    {marker}
                </g>
            }
        })
        .collect_view();
    let legend_item = move || {
        legend.get().map(|LegendItem { x, y, lines }| {
            let y = y + 4.0;
            view! {
                <g class="legend-item">
                    <line
                        x1=px(x)
                        x2=px(x + SWATCH)
                        y1=px(y + 6.0)
                        y2=px(y + 6.0)
                        stroke=colour
                        stroke-width="2"
                        stroke-dasharray=dash
                    ></line>
                    {legend_text(x + SWATCH + 6.0, y + 10.0, lines)}
                </g>
            }
        })
    };
    view! {
        <g>
            <polyline
                points=field(series, |s| s.path.clone())
                fill="none"
                stroke=colour
                stroke-width="2"
                stroke-dasharray=dash
            ></polyline>
            {markers}
            {legend_item}
        </g>
    }
}

/// The x of the point at `index` of `count` quarters.
fn x(layout: &Layout, index: usize, count: usize) -> f64 {
    layout.left + (layout.width - layout.left - RIGHT) * (index as f64 + 0.5) / count.max(1) as f64
}

/// The y of `value`.
fn y(layout: &Layout, value: f64) -> f64 {
    layout.top + PLOT_HEIGHT * (1.0 - layout.axis.share(value))
}

/// Every series' marks at `layout`, its points named by the quarters' `names`.
fn series_marks(layout: &Layout, names: &[String], all: &[LineSeries]) -> Vec<SeriesMark> {
    all.iter()
        .enumerate()
        .map(|(series_index, s)| {
            let points: Vec<PointMark> = s
                .points
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let quarter = names.get(i).cloned().unwrap_or_default();
                    PointMark {
                        cx: x(layout, i, names.len()),
                        cy: y(layout, p.to_f64_for_geometry()),
                        label: format!("{} — {quarter}: {}", s.name, p.format(1)),
                    }
                })
                .collect();
            let path = points.iter().map(|p| format!("{},{}", px(p.cx), px(p.cy))).collect::<Vec<_>>().join(" ");
            let legend =
                layout.legend.get(series_index).cloned().unwrap_or(LegendItem { x: 8.0, y: 0.0, lines: Vec::new() });
            SeriesMark { index: series_index, path, points, legend }
        })
        .collect()
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
    let layout = memo(move |_| {
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
        let mut layout = Layout {
            width,
            height: top + PLOT_HEIGHT + longest * std::f64::consts::FRAC_1_SQRT_2 + 18.0,
            left,
            top,
            axis,
            stride: label_stride((width - left - RIGHT) / count, ROTATED_FOOTPRINT),
            legend,
            series: Vec::new(),
        };
        layout.series = labels.with(|names| series.with(|all| series_marks(&layout, names, all)));
        layout
    });
    // The grid, the axis labels and every series are memos of their geometry, compared
    // with `PartialEq`: a lever that moves the lines but not the axis rewrites no grid
    // line or label, and each point writes only its own changed attributes.
    let grid = memo(move |_| layout.with(|l| grid_lines(&l.axis, l.left, l.width - RIGHT, l.top, PLOT_HEIGHT)));
    let axis_marks = memo(move |_| {
        layout.with(|layout| {
            let label_y = layout.top + PLOT_HEIGHT + 14.0;
            labels.with(|labels| {
                labels
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| index % layout.stride.max(1) == 0)
                    .map(|(index, label)| (x(layout, index, labels.len()), label_y, label.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let axis = move || {
        axis_marks
            .get()
            .into_iter()
            .map(|(at, label_y, label)| {
                view! {
                    <text
                        class="axis-label"
                        x=px(at)
                        y=px(label_y)
                        text-anchor="end"
                        transform=format!("rotate(-45 {} {})", px(at), px(label_y))
                    >
                        {label}
                    </text>
                }
            })
            .collect_view()
    };
    let shapes = memo(move |_| layout.with(|l| l.series.iter().map(|s| (s.index, s.points.len())).collect::<Vec<_>>()));
    let lines = move || {
        view! {
            {each_key(
                move || shapes.get(),
                move |shape: (usize, usize)| {
                    view! { <SeriesView layout=layout index=shape.0 points=shape.1 /> }.into_any()
                },
            )}
        }
    };
    let readout = RwSignal::new(None);
    view! {
        <svg
            node_ref=node
            class="chart lines"
            role="group"
            tabindex="0"
            on:keydown=step_between_marks
            on:focusin=read_focused_mark(readout)
            aria-label=title
            aria-describedby=desc_id.clone()
            viewBox=move || layout.with(|l| view_box(l.width, l.height))
            width="100%"
            data-testid=id.clone()
        >
            <title id=title_id.clone()>{title}</title>
            <desc id=desc_id.clone()>{description}</desc>
            <Grid lines=grid />
            {axis}
            {lines}
            <line
                x1=move || layout.with(|l| px(l.left))
                x2=move || layout.with(|l| px(l.width - RIGHT))
                y1=move || layout.with(|l| px(l.top + PLOT_HEIGHT))
                y2=move || layout.with(|l| px(l.top + PLOT_HEIGHT))
                stroke="var(--ink)"
            ></line>
        </svg>
        <MarkReadout readout=readout />
    }
}
