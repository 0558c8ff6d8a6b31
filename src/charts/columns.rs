//! Quarterly columns: for each quarter, up to two side-by-side columns (e.g. the model
//! baseline and the scenario), each stacked from segments (e.g. ongoing and new
//! projects), with an optional range whisker per quarter (e.g. Monte Carlo P10–P90).
//! Segments are told apart by fill and pattern so the chart reads in black and white;
//! every column names its figures, reached with the arrow keys from the chart (one Tab
//! stop) and written under it when focused or tapped (`charts::step_between_marks`).
//!
//! Laid out at the width the page gives it (see `charts/mod.rs`): the legend wraps,
//! the value axis has as many nice ticks as fit, and on a narrow screen only every
//! n-th quarter is labelled (each column still names its quarter when focused).

use super::{
    field, grid_lines, legend_text, px, read_focused_mark, step_between_marks, use_chart_width, view_box, Grid, Hatch,
    MarkReadout, FONT, LINE, ROTATED_FOOTPRINT,
};
use crate::components::each::each_key;
use crate::components::memo::memo;
use blockvote_model::Money;
use blockvote_present::axis::{label_stride, label_width, nice_axis, ticks_for_length, Axis, LABEL_WIDTH_SLACK};
use blockvote_present::charts::{legend_layout, LegendItem, QuarterColumns};
use leptos::prelude::*;

const PLOT_HEIGHT: f64 = 230.0;
const RIGHT: f64 = 12.0;
const SWATCH: f64 = 14.0;

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

/// The chart's geometry, worked out once per width and data: the frame and, in the
/// same memo, every quarter's marks. One memo, not a memo of the marks after a memo of
/// the frame: every memo a lever changes marks all that depends on it again, so a
/// second one in the chain doubled the times each quarter's marks were visited.
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
    marks: Vec<QuarterMark>,
}

/// One stacked segment of a column, laid out.
#[derive(Clone, Debug, PartialEq)]
struct SegmentMark {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
}

/// One quarter, laid out: its hit area, columns, whisker and label.
#[derive(Clone, Debug, PartialEq)]
struct QuarterMark {
    index: usize,
    hit_x: f64,
    slot: f64,
    top: f64,
    /// Segments by column, bottom first.
    columns: Vec<Vec<SegmentMark>>,
    whisker: Option<Whisker>,
    /// The quarter's axis label, when this quarter is labelled.
    label: Option<AxisLabel>,
    description: String,
}

/// The x, y and text of a quarter's axis label.
type AxisLabel = (f64, f64, String);

/// A whisker's x and the y of its low and high ends.
type Whisker = (f64, f64, f64);

/// A line's x1, x2, y1 and y2.
type LineEnds = (f64, f64, f64, f64);

/// What decides a quarter's elements (as opposed to their attributes).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct MarkShape {
    index: usize,
    segments: Vec<usize>,
    whisker: bool,
    label: bool,
}

impl QuarterMark {
    fn shape(&self) -> MarkShape {
        MarkShape {
            index: self.index,
            segments: self.columns.iter().map(Vec::len).collect(),
            whisker: self.whisker.is_some(),
            label: self.label.is_some(),
        }
    }
}

/// Every quarter's geometry at `layout`.
fn quarter_marks(layout: &Layout, all: &[QuarterColumns]) -> Vec<QuarterMark> {
    let y = |value: f64| layout.top + PLOT_HEIGHT * (1.0 - layout.axis.share(value));
    let count = all.len().max(1) as f64;
    let slot = (layout.width - layout.left - RIGHT) / count;
    let per_quarter = all.iter().map(|q| q.columns.len()).max().unwrap_or(1).max(1) as f64;
    let column_width = (slot * 0.8 / per_quarter).max(1.0);
    let baseline = layout.top + PLOT_HEIGHT;
    all.iter()
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
                    column
                        .segments
                        .iter()
                        .map(|value| {
                            let bottom = running;
                            running += value.to_f64_for_geometry().max(0.0);
                            let (y_top, y_bottom) = (y(running), y(bottom));
                            SegmentMark {
                                x,
                                y: y_top,
                                width: (column_width - 1.0).max(0.5),
                                height: (y_bottom - y_top).max(0.0),
                            }
                        })
                        .collect()
                })
                .collect();
            let whisker = quarter.range.map(|(low, high)| {
                let last = quarter.columns.len().saturating_sub(1) as f64;
                let cx = left + column_width * last + column_width / 2.0;
                (cx, y(low.to_f64_for_geometry()), y(high.to_f64_for_geometry()))
            });
            let label = (index % layout.stride.max(1) == 0)
                .then(|| (left + slot * 0.4, baseline + 14.0, quarter.label.clone()));
            QuarterMark {
                index,
                hit_x: left - slot * 0.1,
                slot,
                top: layout.top,
                columns,
                whisker,
                label,
                description: quarter.description.clone(),
            }
        })
        .collect()
}

/// A reader of one part of a quarter's axis label, as [`field`] is of the whole mark.
fn label_field<T: 'static>(
    mark: Memo<Option<QuarterMark>>,
    pick: fn(&AxisLabel) -> T,
) -> impl Fn() -> Option<T> + Copy {
    move || mark.with(|m| m.as_ref()?.label.as_ref().map(pick))
}

/// One quarter's elements, made once per shape. Every attribute that a lever can move
/// reads the quarter's one memo (tachys writes an attribute only when its value
/// differs), with no memo per segment or label between them: each memo in a chain is
/// marked again by every memo above it that changes, so a memo per segment was visited
/// about ten times per lever change. A segment's fill and outline follow from its place
/// alone (segment and column index) and are written once.
#[component]
fn QuarterMarkView(layout: Memo<Layout>, shape: MarkShape, chart_id: String) -> impl IntoView {
    let index = shape.index;
    let mark = memo(move |_| layout.with(|l| l.marks.get(index).cloned()));
    let segment = move |column: usize, n: usize, pick: fn(&SegmentMark) -> f64| {
        move || mark.with(|m| m.as_ref().and_then(|m| m.columns.get(column)?.get(n)).map(|s| px(pick(s))))
    };
    let columns = shape
        .segments
        .iter()
        .enumerate()
        .map(|(column, count)| {
            let segments = (0..*count)
                .map(|n| {
                    view! {
                        <rect
                            x=segment(column, n, |s| s.x)
                            y=segment(column, n, |s| s.y)
                            width=segment(column, n, |s| s.width)
                            height=segment(column, n, |s| s.height)
                            fill=segment_fill(&chart_id, n)
                            stroke="var(--ink)"
                            stroke-width=if column == 0 { "0.6" } else { "1.2" }
                            stroke-dasharray=if column == 0 { "3 2" } else { "none" }
                        ></rect>
                    }
                })
                .collect_view();
            view! { <g>{segments}</g> }
        })
        .collect_view();
    let whisker = shape.whisker.then(|| {
        // The whisker's stem from low to high, and a cap 8 px wide at each end; each
        // line's ends as (x1, x2, y1, y2) from the quarter's (x, low, high).
        let line = move |ends: fn(Whisker) -> LineEnds| {
            let end =
                move |pick: fn(LineEnds) -> f64| move || mark.with(|m| m.as_ref()?.whisker.map(|w| px(pick(ends(w)))));
            view! {
                <line
                    x1=end(|e| e.0)
                    x2=end(|e| e.1)
                    y1=end(|e| e.2)
                    y2=end(|e| e.3)
                    stroke="var(--focus)"
                    stroke-width="2"
                ></line>
            }
        };
        view! {
            <g class="whisker">
                {line(|(x, low, high)| (x, x, low, high))} {line(|(x, low, _)| (x - 4.0, x + 4.0, low, low))}
                {line(|(x, _, high)| (x - 4.0, x + 4.0, high, high))}
            </g>
        }
    });
    let label = shape.label.then(|| {
        view! {
            <text
                class="axis-label"
                x=label_field(mark, |l| px(l.0))
                y=label_field(mark, |l| px(l.1))
                text-anchor="end"
                transform=label_field(mark, |l| format!("rotate(-45 {} {})", px(l.0), px(l.1)))
            >
                {label_field(mark, |l| l.2.clone())}
            </text>
        }
    });
    view! {
        <g class="mark" tabindex="-1" role="img" aria-label=field(mark, |m| m.description.clone())>
            <title>{field(mark, |m| m.description.clone())}</title>
            <rect
                class="hit"
                x=field(mark, |m| px(m.hit_x))
                y=field(mark, |m| px(m.top))
                width=field(mark, |m| px(m.slot))
                height=px(PLOT_HEIGHT)
                fill="transparent"
            ></rect>
            {columns}
            {whisker}
            {label}
        </g>
    }
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
    let layout = memo(move |_| {
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
        // to the left from its column (with the slack an estimated width needs, so that
        // on a phone its first character is not cut by the chart's edge).
        let ticks = axis.ticks.iter().map(|t| label_width(&t.label, FONT)).fold(0.0_f64, f64::max) + 12.0;
        let left = ticks.max(labels * LABEL_WIDTH_SLACK * std::f64::consts::FRAC_1_SQRT_2 + 2.0);
        let count = quarters.with(|qs| qs.len()).max(1) as f64;
        let slot = (width - left - RIGHT) / count;
        let mut layout = Layout {
            width,
            height: top + PLOT_HEIGHT + labels * std::f64::consts::FRAC_1_SQRT_2 + 18.0,
            left,
            top,
            axis,
            stride: label_stride(slot, ROTATED_FOOTPRINT),
            legend,
            marks: Vec::new(),
        };
        layout.marks = quarters.with(|all| quarter_marks(&layout, all));
        layout
    });
    // The grid and the legend are memos of their geometry, compared with `PartialEq`:
    // a lever that moves the columns but not the axis rewrites neither.
    let grid = memo(move |_| layout.with(|l| grid_lines(&l.axis, l.left, l.width - RIGHT, l.top, PLOT_HEIGHT)));
    // Each quarter is one keyed mark whose attributes follow its own memo: a lever
    // that moves some quarters rewrites only those quarters' changed attributes, and
    // the elements are made again only when the shape of the chart changes.
    let shapes = memo(move |_| layout.with(|l| l.marks.iter().map(QuarterMark::shape).collect::<Vec<_>>()));
    let bars = move || {
        let chart_id = chart_id.clone();
        view! {
            {each_key(
                move || shapes.get(),
                move |shape| {
                    view! { <QuarterMarkView layout=layout shape=shape chart_id=chart_id.clone() /> }.into_any()
                },
            )}
        }
    };
    let legend_id = id.clone();
    let legend_marks = memo(move |_| {
        let swatches: Vec<Swatch> = legend_items().into_iter().map(|(swatch, _)| swatch).collect();
        layout.with(|layout| swatches.into_iter().zip(layout.legend.iter().cloned()).collect::<Vec<_>>())
    });
    let legend = move || {
        legend_marks
            .get()
            .into_iter()
            .map(|(swatch, LegendItem { x, y, lines })| {
                let y = y + 4.0;
                let mark = match swatch {
                    Swatch::Segment(index) => view! {
                        <rect
                            x=px(x)
                            y=px(y)
                            width=px(SWATCH)
                            height="12"
                            fill=segment_fill(&legend_id, index)
                            stroke="var(--ink)"
                            stroke-width="0.75"
                        ></rect>
                    }
                    .into_any(),
                    Swatch::Column(index) => view! {
                        <rect
                            x=px(x)
                            y=px(y)
                            width=px(SWATCH)
                            height="12"
                            fill="none"
                            stroke="var(--ink)"
                            stroke-width=if index == 0 { "0.6" } else { "1.2" }
                            stroke-dasharray=if index == 0 { "3 2" } else { "none" }
                        ></rect>
                    }
                    .into_any(),
                    Swatch::Whisker => view! {
                        <line
                            x1=px(x + 7.0)
                            x2=px(x + 7.0)
                            y1=px(y - 1.0)
                            y2=px(y + 13.0)
                            stroke="var(--focus)"
                            stroke-width="2"
                        ></line>
                    }
                    .into_any(),
                };
                view! { <g class="legend-item">{mark} {legend_text(x + SWATCH + 4.0, y + 10.0, lines)}</g> }
            })
            .collect_view()
    };
    let readout = RwSignal::new(None);
    view! {
        <svg
            node_ref=node
            class="chart columns"
            role="group"
            tabindex="0"
            on:keydown=step_between_marks
            on:focusin=read_focused_mark(readout)
            aria-label=title
            aria-describedby=desc_id.clone()
            viewBox=move || layout.with(|l| view_box(l.width, l.height))
            width="100%"
            data-testid=id.clone()
            data-ticks=move || layout.with(|l| l.axis.ticks.len().to_string())
        >
            <title id=title_id.clone()>{title}</title>
            <desc id=desc_id.clone()>{description}</desc>
            <defs>
                <Hatch id=format!("{id}-hatch") />
            </defs>
            {legend}
            <Grid lines=grid />
            {bars}
            <line
                x1=move || layout.with(|l| px(l.left))
                x2=move || layout.with(|l| px(l.width - RIGHT))
                y1=move || layout.with(|l| px(l.top + PLOT_HEIGHT))
                y2=move || layout.with(|l| px(l.top + PLOT_HEIGHT))
                stroke="var(--ink)"
                stroke-width="1"
            ></line>
        </svg>
        <MarkReadout readout=readout />
    }
}
