//! Horizontal grouped bars: one group per row (e.g. an Annex A category), one bar per
//! series (e.g. 2018-19 and 2017-18). Series are told apart by fill *and* pattern so
//! the chart survives black-and-white printing.
//!
//! Every bar starts at 0 on one axis (`blockvote_present::axis`), whose ticks are
//! drawn as light gridlines and labelled under the chart, so lengths compare truly and
//! the scale is stated. Laid out at the width the page gives it (see `charts/mod.rs`):
//! on a narrow screen each group's name sits on its own line above its bars.

use super::{
    field, legend_text, px, read_focused_mark, step_between_marks, use_chart_width, value_lines, view_box, Hatch,
    MarkReadout, ValueGrid, FONT, LINE,
};
use crate::components::each::each_index;
use crate::components::memo::memo;
use blockvote_present::axis::{label_width, nice_axis, ticks_for_length, Axis};
use blockvote_present::charts::{legend_layout, LegendItem, Series};
use leptos::prelude::*;

const ROW_HEIGHT: f64 = 16.0;
const GROUP_GAP: f64 = 10.0;
const VALUE_WIDTH: f64 = 48.0;
const AXIS_HEIGHT: f64 = 22.0;
/// Below this width, group names go on their own line.
const NARROW: f64 = 520.0;

/// Everything the chart's geometry depends on, worked out once per width and data.
#[derive(Clone, PartialEq)]
struct Layout {
    width: f64,
    /// Where the bars start (x of 0).
    start: f64,
    /// The length of the whole axis.
    length: f64,
    narrow: bool,
    top: f64,
    per_group: f64,
    height: f64,
    axis: Axis,
    legend: Vec<LegendItem>,
}

/// `id` must be unique on the page (it names the SVG patterns).
#[component]
pub fn GroupedBars(
    #[prop(into)] id: String,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] description: Signal<String>,
    #[prop(into)] groups: Signal<Vec<String>>,
    #[prop(into)] series: Signal<Vec<Series>>,
) -> impl IntoView {
    let pattern_id = format!("{id}-hatch");
    let pattern_ref = format!("url(#{pattern_id})");
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let node = NodeRef::<leptos::svg::Svg>::new();
    let width = use_chart_width(node, 640.0);
    let layout = memo(move |_| {
        let width = width.get();
        let narrow = width < NARROW;
        let label_room = groups.with(|g| g.iter().map(|name| label_width(name, FONT)).fold(0.0_f64, f64::max)) + 8.0;
        let start = if narrow { 4.0 } else { label_room.min(width * 0.4) };
        let length = (width - start - VALUE_WIDTH).max(40.0);
        let max = series.with(|all| {
            all.iter().flat_map(|s| s.values.iter()).map(|v| v.to_f64_for_geometry()).fold(0.0_f64, f64::max)
        });
        let rough = nice_axis(0.0, max, ticks_for_length(length, 60.0));
        let widest = rough.ticks.iter().map(|t| label_width(&t.label, FONT)).fold(0.0_f64, f64::max);
        let axis = nice_axis(0.0, max, ticks_for_length(length, (widest + 16.0).max(40.0)));
        let names: Vec<String> = series.with(|all| all.iter().map(|s| s.name.clone()).collect());
        let (legend, legend_height) = legend_layout(&names, 20.0, start, width - 4.0, FONT, LINE);
        let top = 4.0 + legend_height + 6.0;
        let bars = series.with(|s| s.len().max(1)) as f64 * ROW_HEIGHT;
        let per_group = bars + GROUP_GAP + if narrow { ROW_HEIGHT } else { 0.0 };
        let count = groups.with(|g| g.len()) as f64;
        Layout {
            width,
            start,
            length,
            narrow,
            top,
            per_group,
            height: top + count * per_group + AXIS_HEIGHT,
            axis,
            legend,
        }
    });
    // One group per row and one mark per series, each following its own drawing: a
    // lever change rewrites only the lengths, positions and words that moved (drawing
    // them as a fresh list wrote every attribute of every bar again).
    let group_count = memo(move |_| groups.with(Vec::len));
    let series_count = memo(move |_| series.with(Vec::len));
    let bar_pattern = pattern_ref.clone();
    let bars = each_index(group_count, move |group| {
        view! {
            <BarGroup
                layout=layout
                groups=groups
                series=series
                series_count=series_count
                group=group
                pattern_ref=bar_pattern.clone()
            />
        }
        .into_any()
    });
    let axis = memo(move |_| {
        let layout = layout.get();
        let x = |value| layout.start + layout.axis.share(value) * layout.length;
        value_lines(&layout.axis, x, layout.top, layout.height - AXIS_HEIGHT)
    });
    // The legend follows the series' names and the width, not their values.
    let legend_items = memo(move |_| layout.with(|l| l.legend.clone()));
    let legend = move || {
        legend_items
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, LegendItem { x, y, lines })| {
                let y = y + 4.0;
                let fill = series_fill(index, &pattern_ref);
                view! {
                    <g class="legend-item">
                        <rect
                            x=px(x)
                            y=px(y)
                            width="14"
                            height="12"
                            fill=fill
                            stroke="var(--ink)"
                            stroke-width="0.75"
                        ></rect>
                        {legend_text(x + 20.0, y + 10.0, lines)}
                    </g>
                }
            })
            .collect_view()
    };
    let readout = RwSignal::new(None);
    view! {
        <svg
            node_ref=node
            class="chart grouped-bars"
            role="group"
            aria-label=title
            aria-describedby=desc_id.clone()
            tabindex="0"
            on:keydown=step_between_marks
            on:focusin=read_focused_mark(readout)
            viewBox=move || layout.with(|l| view_box(l.width, l.height))
            width="100%"
            data-testid=id.clone()
        >
            <title id=title_id.clone()>{title}</title>
            <desc id=desc_id.clone()>{description}</desc>
            <defs>
                <Hatch id=pattern_id.clone() />
            </defs>
            {legend}
            <ValueGrid lines=axis />
            {bars}
        </svg>
        <MarkReadout readout=readout />
    }
}

/// The fill of series `index`'s bars and legend swatch: solid and hatched in turn, so
/// the series differ in black and white too.
fn series_fill(index: usize, pattern_ref: &str) -> String {
    if index.is_multiple_of(2) {
        "var(--series-a)".to_string()
    } else {
        pattern_ref.to_string()
    }
}

/// Where a group's name goes.
#[derive(Clone, PartialEq)]
struct GroupDrawing {
    name: String,
    name_x: f64,
    name_y: f64,
    anchor: &'static str,
}

/// Where one bar and its value go, and what it says.
#[derive(Clone, PartialEq)]
struct MarkDrawing {
    label: String,
    x: f64,
    y: f64,
    width: f64,
    fill: String,
    value_x: f64,
    value_y: f64,
    value: String,
}

/// The top of group `group`'s row, and the top of its first bar.
fn group_tops(layout: &Layout, group: usize) -> (f64, f64) {
    let top = layout.top + group as f64 * layout.per_group;
    (top, if layout.narrow { top + ROW_HEIGHT } else { top })
}

/// The group at `group` of `groups`: its name and its bars, one per series.
#[component]
fn BarGroup(
    layout: Memo<Layout>,
    groups: Signal<Vec<String>>,
    series: Signal<Vec<Series>>,
    series_count: Memo<usize>,
    group: usize,
    pattern_ref: String,
) -> impl IntoView {
    let drawing = memo(move |_| {
        let name = groups.with(|g| g.get(group).cloned())?;
        let (top, _) = layout.with(|layout| group_tops(layout, group));
        let (name_x, name_y, anchor) = layout.with(|layout| {
            if layout.narrow {
                (layout.start, top + ROW_HEIGHT - 4.0, "start")
            } else {
                (layout.start - 6.0, top + ROW_HEIGHT - 3.0, "end")
            }
        });
        Some(GroupDrawing { name, name_x, name_y, anchor })
    });
    view! {
        <g class="group">
            <text
                class="group-label"
                x=field(drawing, |d| px(d.name_x))
                y=field(drawing, |d| px(d.name_y))
                text-anchor=field(drawing, |d| d.anchor)
            >
                {field(drawing, |d| d.name.clone())}
            </text>
            {each_index(
                series_count,
                move |index| {
                    view! {
                        <BarMark
                            layout=layout
                            groups=groups
                            series=series
                            group=group
                            index=index
                            pattern_ref=pattern_ref.clone()
                        />
                    }
                        .into_any()
                },
            )}
        </g>
    }
}

/// The bar of series `index` in group `group`; none where the series has no value there.
#[component]
fn BarMark(
    layout: Memo<Layout>,
    groups: Signal<Vec<String>>,
    series: Signal<Vec<Series>>,
    group: usize,
    index: usize,
    pattern_ref: String,
) -> impl IntoView {
    let drawing = memo(move |_| {
        let group_name = groups.with(|g| g.get(group).cloned())?;
        let (name, value, text) = series.with(|all| {
            all.get(index).and_then(|s| Some((s.name.clone(), *s.values.get(group)?, s.texts.get(group)?.clone())))
        })?;
        layout.with(|layout| {
            let (_, bars_top) = group_tops(layout, group);
            let y = bars_top + index as f64 * ROW_HEIGHT;
            let width = (layout.axis.share(value.to_f64_for_geometry()) * layout.length).max(0.5);
            Some(MarkDrawing {
                // The value beside the bar is written as its label is: a paper figure
                // as printed, any other to one decimal, as the table beside it (audit
                // 25: the scenario's 317.6 read 318 on its bar).
                value: text.clone(),
                label: format!("{group_name} — {name}: {text}"),
                x: layout.start,
                y: y + 1.0,
                width,
                fill: series_fill(index, &pattern_ref),
                value_x: layout.start + width + 4.0,
                value_y: y + ROW_HEIGHT - 4.0,
            })
        })
    });
    let has_bar = memo(move |_| drawing.with(Option::is_some));
    move || {
        has_bar.get().then(|| {
            view! {
                <g class="mark" tabindex="-1" role="img" aria-label=field(drawing, |d| d.label.clone())>
                    <title>{field(drawing, |d| d.label.clone())}</title>
                    <rect
                        x=field(drawing, |d| px(d.x))
                        y=field(drawing, |d| px(d.y))
                        width=field(drawing, |d| px(d.width))
                        height=px(ROW_HEIGHT - 3.0)
                        fill=field(drawing, |d| d.fill.clone())
                        stroke="var(--ink)"
                        stroke-width="0.75"
                    ></rect>
                    <text class="value" x=field(drawing, |d| px(d.value_x)) y=field(drawing, |d| px(d.value_y))>
                        {field(drawing, |d| d.value.clone())}
                    </text>
                </g>
            }
        })
    }
}
