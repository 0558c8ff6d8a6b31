//! A tornado chart as accessible SVG: one row per lever, sorted by how far it moves
//! the figure (largest first). Each row has two half-height bars drawn from the
//! axis at the base figure: the upper one (hatched) to the figure with the lever at
//! its low setting, the lower one (solid) to the figure at its high setting. Both
//! figures are printed at the ends of the bars.
//!
//! Accessibility: the `<svg>` is a labelled group (`<title>`, `<desc>`) and one Tab
//! stop; every row is a `<g tabindex="-1" role="img">`, reached from it with the arrow
//! keys (`charts::step_between_marks`), whose `aria-label` and `<title>` give the
//! lever, its two settings and the two results, also written under the chart when
//! focused or tapped. Not `role="img"` on the `<svg>`, which would hide the rows from
//! screen readers.
//!
//! The value axis is `blockvote_present::axis`'s, over the base and every result, with
//! its ticks as light gridlines labelled under the rows. Laid out at the width the page
//! gives it (see `charts/mod.rs`): on a narrow screen, or when the longest name would
//! not fit beside the bars, each lever's name and settings go on their own lines above
//! its bars.
//!
//! Printing: the two bars differ by pattern (hatched against solid) and outline, not by
//! colour alone, and every value is printed, so the chart reads in black and white.

use super::{
    field, px, read_focused_mark, step_between_marks, use_chart_width, value_lines, view_box, Hatch, MarkReadout,
    ValueGrid, FONT,
};
use crate::components::each::each_index;
use crate::components::memo::memo;
use blockvote_model::Money;
use blockvote_present::axis::{label_width, nice_axis, ticks_for_length, Axis};
use blockvote_present::charts::{wrap_label, TornadoRow};
use leptos::prelude::*;

/// Room for a printed value beyond the end of a bar.
const VALUE_ROOM: f64 = 62.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 54.0;
const ROW_HEIGHT: f64 = 46.0;
const BAR_HEIGHT: f64 = 15.0;
const AXIS_HEIGHT: f64 = 26.0;
/// Below this width, a lever's name and settings go on a line of their own above its
/// bars, and the bars take the whole width.
const NARROW: f64 = 600.0;

/// The height of a line of a lever's name.
const NAME_LINE: f64 = 14.0;

/// A lever's name in lines that fit a narrow chart of `width`.
fn name_lines_of(name: &str, width: f64) -> Vec<String> {
    wrap_label(name, width - 8.0, FONT + 1.0)
}

/// Everything the chart's geometry depends on, worked out once per width and data.
#[derive(Clone, PartialEq)]
struct Layout {
    width: f64,
    narrow: bool,
    /// Where the bars' area starts and ends.
    left: f64,
    right: f64,
    row_height: f64,
    /// The lines a lever's name takes: more than one only on a narrow screen.
    name_lines: usize,
    axis: Axis,
}

impl Layout {
    /// The x position of `value` on the axis.
    fn x(&self, value: f64) -> f64 {
        self.left + (self.right - self.left) * self.axis.share(value)
    }

    fn height(&self, rows: usize) -> f64 {
        TOP + rows.max(1) as f64 * self.row_height + AXIS_HEIGHT
    }
}

/// `id` must be unique on the page (it names the hatch pattern).
#[component]
pub fn Tornado(
    #[prop(into)] id: String,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] description: Signal<String>,
    /// The figure every bar starts from (the scenario's own).
    #[prop(into)]
    base: Signal<Money>,
    /// The axis label, e.g. `Scenario: 1,060.0`.
    #[prop(into)]
    base_label: Signal<String>,
    #[prop(into)] rows: Signal<Vec<TornadoRow>>,
    /// Legend texts of the low-setting (hatched) and high-setting (solid) bars.
    #[prop(into)]
    low_name: Signal<String>,
    #[prop(into)] high_name: Signal<String>,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let pattern_id = format!("{id}-hatch");
    let hatch = format!("url(#{pattern_id})");
    let node = NodeRef::<leptos::svg::Svg>::new();
    let width = use_chart_width(node, 900.0);
    // The axis covers the base and every result, so every bar fits.
    let layout = memo(move |_| {
        let width = width.get();
        let base = base.get().to_f64_for_geometry();
        let (lo, hi) = rows.with(|rows| {
            rows.iter()
                .flat_map(|r| [r.at_low.to_f64_for_geometry(), r.at_high.to_f64_for_geometry()])
                .fold((base, base), |(lo, hi), value| (lo.min(value), hi.max(value)))
        });
        let labels = rows.with(|rows| {
            rows.iter()
                .map(|r| label_width(&r.name, FONT + 1.0).max(label_width(&r.settings, FONT)))
                .fold(0.0, f64::max)
        });
        // The names go above the bars on a narrow screen, and wherever the longest
        // would not fit in two fifths of the width beside them (its start cut off at
        // the chart's left edge, as a tablet showed in English).
        let narrow = width < NARROW || labels + 16.0 > width * 0.4;
        let left = if narrow { VALUE_ROOM } else { labels + 16.0 + VALUE_ROOM };
        let right = (width - RIGHT - VALUE_ROOM).max(left + 40.0);
        let axis = nice_axis(lo, hi, ticks_for_length(right - left, 90.0));
        // On a narrow screen a long name wraps (to two lines at most, the rest cut).
        let name_lines = if narrow {
            rows.with(|rows| rows.iter().map(|r| name_lines_of(&r.name, width).len()).max().unwrap_or(1)).clamp(1, 2)
        } else {
            1
        };
        let row_height = if narrow { ROW_HEIGHT + 30.0 + (name_lines - 1) as f64 * NAME_LINE } else { ROW_HEIGHT };
        Layout { width, narrow, left, right, row_height, name_lines, axis }
    });
    let height = move || layout.with(|l| l.height(rows.with(Vec::len)));
    let axis_x = move || layout.with(|l| px(l.x(base.get().to_f64_for_geometry())));
    let ticks = memo(move |_| {
        let layout = layout.get();
        let bottom = layout.height(rows.with(Vec::len)) - AXIS_HEIGHT;
        value_lines(&layout.axis, |value| layout.x(value), TOP - 4.0, bottom)
    });
    // One mark per row, each following its own drawing: a new tornado rewrites only
    // the names, lengths and figures that moved (drawing the rows as a fresh list wrote
    // every attribute of the chart again).
    let row_count = memo(move |_| rows.with(Vec::len));
    let bar_hatch = hatch.clone();
    let marks = each_index(row_count, move |index| {
        view! { <TornadoMark layout=layout base=base rows=rows index=index hatch=bar_hatch.clone() /> }.into_any()
    });
    let legend_hatch = hatch.clone();
    // The high setting's legend item follows the low one's text.
    let high_x = move || 24.0 + label_width(&low_name.get(), FONT) + 24.0;
    let readout = RwSignal::new(None);
    view! {
        <svg
            class="chart tornado"
            role="group"
            tabindex="0"
            on:keydown=step_between_marks
            on:focusin=read_focused_mark(readout)
            aria-label=title
            aria-describedby=desc_id.clone()
            node_ref=node
            viewBox=move || view_box(layout.with(|l| l.width), height())
            width="100%"
            data-testid=id.clone()
        >
            <title id=title_id.clone()>{title}</title>
            <desc id=desc_id.clone()>{description}</desc>
            <defs>
                <Hatch id=pattern_id.clone() />
            </defs>
            <g class="legend">
                <rect x="4" y="4" width="14" height="12" fill=legend_hatch stroke="var(--ink)" stroke-width="1"></rect>
                <text x="24" y="14">
                    {low_name}
                </text>
                <rect
                    x=move || px(high_x())
                    y="4"
                    width="14"
                    height="12"
                    fill="var(--series-a)"
                    stroke="var(--ink)"
                    stroke-width="1"
                ></rect>
                <text x=move || px(high_x() + 20.0) y="14">
                    {high_name}
                </text>
            </g>
            <ValueGrid lines=ticks />
            // The base line is drawn under the rows: on a phone a row's name and settings
            // are written across it, over a halo that keeps them clear of its dashes.
            <line
                class="axis"
                x1=axis_x
                x2=axis_x
                y1=px(TOP - 8.0)
                y2=move || px(height() - AXIS_HEIGHT + 2.0)
                stroke="var(--ink)"
                stroke-width="1.5"
                stroke-dasharray="4 2"
            ></line>
            {marks}
            <text class="axis-label" x=axis_x y=px(TOP - 12.0) text-anchor="middle">
                {base_label}
            </text>
        </svg>
        <MarkReadout readout=readout />
    }
}

/// Where one of a row's two bars goes, and its printed value.
#[derive(Clone, PartialEq)]
struct TornadoBar {
    left: f64,
    width: f64,
    y: f64,
    text_x: f64,
    anchor: &'static str,
    value: String,
}

impl TornadoBar {
    fn new(layout: &Layout, x0: f64, value: Money, y: f64) -> TornadoBar {
        let x = layout.x(value.to_f64_for_geometry());
        let (left, width) = if x >= x0 { (x0, x - x0) } else { (x, x0 - x) };
        // A value is printed beyond the bar's end, on the side it points to.
        let (text_x, anchor) = if x >= x0 { (x + 4.0, "start") } else { (x - 4.0, "end") };
        TornadoBar { left, width: width.max(1.0), y, text_x, anchor, value: value.format(1) }
    }
}

/// Where row `index`'s name, settings and bars go.
#[derive(Clone, PartialEq)]
struct MarkDrawing {
    description: String,
    top: f64,
    width: f64,
    hit_height: f64,
    name_x: f64,
    anchor: &'static str,
    name: Vec<String>,
    settings: String,
    settings_y: f64,
    low: TornadoBar,
    high: TornadoBar,
}

impl MarkDrawing {
    fn new(layout: &Layout, x0: f64, row: &TornadoRow, index: usize) -> MarkDrawing {
        let top = TOP + index as f64 * layout.row_height;
        let extra = (layout.name_lines - 1) as f64 * NAME_LINE;
        let (name_x, anchor, bars_top) = if layout.narrow {
            (4.0, "start", top + 38.0 + extra)
        } else {
            (layout.left - VALUE_ROOM - 8.0, "end", top + 4.0)
        };
        let mut name = if layout.narrow { name_lines_of(&row.name, layout.width) } else { vec![row.name.clone()] };
        if name.len() > layout.name_lines {
            name.truncate(layout.name_lines);
            if let Some(last) = name.last_mut() {
                last.push('…');
            }
        }
        // The settings follow the name's own lines; the bars keep one place in every row.
        let settings_y = top + 33.0 + (name.len().max(1) - 1) as f64 * NAME_LINE;
        MarkDrawing {
            description: row.description.clone(),
            top,
            width: layout.width,
            hit_height: layout.row_height - 4.0,
            name_x,
            anchor,
            name,
            settings: row.settings.clone(),
            settings_y,
            low: TornadoBar::new(layout, x0, row.at_low, bars_top),
            high: TornadoBar::new(layout, x0, row.at_high, bars_top + BAR_HEIGHT + 2.0),
        }
    }
}

/// The mark of row `index`: its name, its settings and its bars at the low and high
/// settings.
#[component]
fn TornadoMark(
    layout: Memo<Layout>,
    base: Signal<Money>,
    rows: Signal<Vec<TornadoRow>>,
    index: usize,
    hatch: String,
) -> impl IntoView {
    let drawing = memo(move |_| {
        let x0 = layout.with(|l| l.x(base.get().to_f64_for_geometry()));
        rows.with(|rows| rows.get(index).map(|row| layout.with(|layout| MarkDrawing::new(layout, x0, row, index))))
    });
    let name_count = memo(move |_| drawing.with(|d| d.as_ref().map_or(0, |d| d.name.len())));
    let bar = move |pick: fn(&MarkDrawing) -> &TornadoBar, fill: String, class: &'static str| {
        let low_or_high =
            move |read: fn(&TornadoBar) -> f64| move || drawing.with(|d| d.as_ref().map(|d| px(read(pick(d)))));
        view! {
            <rect
                class=class
                x=low_or_high(|b| b.left)
                y=low_or_high(|b| b.y)
                width=low_or_high(|b| b.width)
                height=px(BAR_HEIGHT)
                fill=fill
                stroke="var(--ink)"
                stroke-width="1"
            ></rect>
            <text
                class="value"
                x=low_or_high(|b| b.text_x)
                y=low_or_high(|b| b.y + BAR_HEIGHT - 3.5)
                text-anchor=move || drawing.with(|d| d.as_ref().map(|d| pick(d).anchor))
            >
                {move || drawing.with(|d| d.as_ref().map(|d| pick(d).value.clone()))}
            </text>
        }
    };
    view! {
        <g class="mark tornado-row" tabindex="-1" role="img" aria-label=field(drawing, |d| d.description.clone())>
            <title>{field(drawing, |d| d.description.clone())}</title>
            <rect
                class="hit"
                x="0"
                y=field(drawing, |d| px(d.top))
                width=field(drawing, |d| px(d.width))
                height=field(drawing, |d| px(d.hit_height))
                fill="transparent"
            ></rect>
            <text
                class="lever-name"
                x=field(drawing, |d| px(d.name_x))
                y=field(drawing, |d| px(d.top + 17.0))
                text-anchor=field(drawing, |d| d.anchor)
            >
                {each_index(
                    name_count,
                    move |line| {
                        view! {
                            <tspan x=field(drawing, |d| px(d.name_x)) dy=px(if line == 0 { 0.0 } else { NAME_LINE })>
                                {move || drawing.with(|d| d.as_ref().and_then(|d| d.name.get(line).cloned()))}
                            </tspan>
                        }
                            .into_any()
                    },
                )}
            </text>
            <text
                class="lever-settings"
                x=field(drawing, |d| px(d.name_x))
                y=field(drawing, |d| px(d.settings_y))
                text-anchor=field(drawing, |d| d.anchor)
            >
                {field(drawing, |d| d.settings.clone())}
            </text>
            {bar(|d| &d.low, hatch, "low")}
            {bar(|d| &d.high, "var(--series-a)".to_string(), "high")}
        </g>
    }
}
