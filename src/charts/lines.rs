//! Lines over quarters (e.g. cumulative spending, the S-curve): one polyline per
//! series, told apart by dash pattern and marker shape as well as colour, each point
//! focusable with its value.
//!
//! Laid out at the width the page gives it (see `charts/mod.rs`): the legend wraps,
//! the value axis has as many nice ticks as fit, and on a narrow screen only every
//! n-th quarter is labelled (each point still names its quarter when focused).

use super::{grid_lines, legend_text, use_chart_width, Grid, FONT, LINE, ROTATED_FOOTPRINT};
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
}

/// One point of a series, laid out, with its accessible name.
#[derive(Clone, Debug, Default, PartialEq)]
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

/// One series' elements, made once per shape (its index and number of points); every
/// attribute reads the series' memo, so only values that changed are written.
#[component]
fn SeriesView(marks: Memo<Vec<SeriesMark>>, index: usize, points: usize) -> impl IntoView {
    let colour = COLOURS.get(index % COLOURS.len()).copied().unwrap_or("currentColor");
    let dash = DASHES.get(index % DASHES.len()).copied().unwrap_or("none");
    let path = Memo::new(move |_| marks.with(|all| all.get(index).map(|s| s.path.clone()).unwrap_or_default()));
    let legend = Memo::new(move |_| marks.with(|all| all.get(index).map(|s| s.legend.clone())));
    let markers = (0..points)
        .map(|n| {
            let point = Memo::new(move |_| {
                marks.with(|all| all.get(index).and_then(|s| s.points.get(n)).cloned().unwrap_or_default())
            });
            let (cx, cy) = (move || point.with(|p| p.cx), move || point.with(|p| p.cy));
            let marker = if index == 0 {
                view! { <circle cx=cx cy=cy r="3.5" fill=colour stroke="var(--ink)"></circle> }.into_any()
            } else {
                view! {
                    <rect
                        x=move || cx() - 3.5
                        y=move || cy() - 3.5
                        width="7"
                        height="7"
                        fill="white"
                        stroke=colour
                        stroke-width="1.5"
                    ></rect>
                }
                .into_any()
            };
            let label = Memo::new(move |_| point.with(|p| p.label.clone()));
            view! {
                <g class="mark" tabindex="0" role="img" aria-label=move || label.get()>
                    <title>{move || label.get()}</title>
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
                        x1=x
                        x2=x + SWATCH
                        y1=y + 6.0
                        y2=y + 6.0
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
                points=move || path.get()
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
    // The grid, the axis labels and every series are memos of their geometry, compared
    // with `PartialEq`: a lever that moves the lines but not the axis rewrites no grid
    // line or label, and each point writes only its own changed attributes.
    let grid = Memo::new(move |_| layout.with(|l| grid_lines(&l.axis, l.left, l.width - RIGHT, l.top, PLOT_HEIGHT)));
    let axis_marks = Memo::new(move |_| {
        layout.with(|layout| {
            let label_y = layout.top + PLOT_HEIGHT + 14.0;
            labels.with(|labels| {
                labels
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| index % layout.stride.max(1) == 0)
                    .map(|(index, label)| (x(layout, index), label_y, label.clone()))
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
    let marks = Memo::new(move |_| {
        layout.with(|layout| {
            labels.with(|names| {
                series.with(|all| {
                    all.iter()
                        .enumerate()
                        .map(|(series_index, s)| {
                            let at = |i: usize, p: &blockvote_model::Money| {
                                (x(layout, i), y(layout, p.to_f64_for_geometry()))
                            };
                            let path = s
                                .points
                                .iter()
                                .enumerate()
                                .map(|(i, p)| {
                                    let (px, py) = at(i, p);
                                    format!("{px:.1},{py:.1}")
                                })
                                .collect::<Vec<_>>()
                                .join(" ");
                            let points = s
                                .points
                                .iter()
                                .enumerate()
                                .map(|(i, p)| {
                                    let (cx, cy) = at(i, p);
                                    let quarter = names.get(i).cloned().unwrap_or_default();
                                    PointMark { cx, cy, label: format!("{} — {quarter}: {}", s.name, p.format(1)) }
                                })
                                .collect();
                            let legend = layout.legend.get(series_index).cloned().unwrap_or(LegendItem {
                                x: 8.0,
                                y: 0.0,
                                lines: Vec::new(),
                            });
                            SeriesMark { index: series_index, path, points, legend }
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let shapes =
        Memo::new(move |_| marks.with(|all| all.iter().map(|s| (s.index, s.points.len())).collect::<Vec<_>>()));
    let lines = move || {
        view! {
            <For each=move || shapes.get() key=|shape| *shape let:shape>
                <SeriesView marks=marks index=shape.0 points=shape.1 />
            </For>
        }
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
            <Grid lines=grid />
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
