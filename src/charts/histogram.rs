//! A histogram as accessible SVG: vertical bars over a numeric axis, with optional
//! labelled marker lines (thresholds).
//!
//! Accessibility: the `<svg>` is a labelled group (its `<title>` given again as its
//! `aria-label`, since Chromium reads an `aria-labelledby` to an SVG `<title>` as no name
//! at all, and its `<desc>` by `aria-describedby`) and every bar is a focusable
//! `<g tabindex="0" role="button">` whose `aria-label` and `<title>` give its range and
//! count. The SVG is deliberately not `role="img"`: ARIA makes an image's children
//! presentational, which would hide the focusable bars from screen readers. A bar's
//! value is printed above it wherever it fits (on a phone a narrow bar leaves it to its
//! name), and the bar under the pointer or keyboard focus is described in full in a
//! read-out line at the top of the chart. Enter, Space or a
//! click selects a bar (`selected`), which the caller uses to list the bar's rows.
//!
//! Axes: both come from `blockvote_present::axis` (whole steps for the counts), with
//! as many ticks as their labels leave room for, so a domain of HK$1,000,000M draws a
//! handful of ticks, not a million. Marker labels that would overlap stack in rows.
//!
//! Printing: bars have a light fill, a dark diagonal hatch and a black outline, and all
//! text is dark, so the chart reads the same in black and white.

use super::{field, px, use_chart_width, view_box, FONT};
use crate::components::each::each_index;
use crate::components::memo::memo;
use blockvote_present::axis::{label_width, nice_axis, ticks_for_length, whole_axis, Axis};
use blockvote_present::charts::{
    label_rows, place_marker_label, wrap_label, HistogramBin, HistogramMarker, MarkerLabel,
};
use blockvote_present::format::decimals;
use leptos::prelude::*;

const HEIGHT_PLOT: f64 = 270.0;
const MARGIN_RIGHT: f64 = 20.0;
const MARGIN_BOTTOM: f64 = 58.0;
/// The read-out's font and line height; it takes at most `READOUT_LINES` lines.
const READOUT_FONT: f64 = 13.0;
const READOUT_LINE: f64 = 16.0;
const READOUT_LINES: usize = 3;
const MARKER_ROW: f64 = 15.0;
/// Bars narrower than this (px) print their counts in the smaller `DENSE_FONT`.
const DENSE_SLOT: f64 = 18.0;
const DENSE_FONT: f64 = 9.0;

/// Everything the chart's geometry depends on, worked out once per width and data.
#[derive(Clone, PartialEq)]
struct Layout {
    width: f64,
    left: f64,
    top: f64,
    domain_max: f64,
    x_axis: Axis,
    y_axis: Axis,
    /// Each marker's label: its words, where it is anchored, and its row (0 nearest
    /// the plot).
    marker_labels: Vec<MarkerLabel>,
    marker_rows: Vec<usize>,
    /// The lines the read-out may take: up to three where the hint needs them (a phone).
    readout_lines: usize,
}

impl Layout {
    fn plot_width(&self) -> f64 {
        (self.width - self.left - MARGIN_RIGHT).max(1.0)
    }

    fn baseline(&self) -> f64 {
        self.top + HEIGHT_PLOT
    }

    fn height(&self) -> f64 {
        self.baseline() + MARGIN_BOTTOM
    }

    fn x(&self, value: f64) -> f64 {
        let share = if value.is_finite() { (value / self.domain_max).clamp(0.0, 1.0) } else { 0.0 };
        self.left + share * self.plot_width()
    }

    fn y(&self, count: usize) -> f64 {
        self.baseline() - self.y_axis.share(count as f64) * HEIGHT_PLOT
    }
}

/// Renders the histogram. `id` must be unique on the page (it names the title,
/// description and hatch pattern); `testid` names the SVG and, with `-bar-{index}`,
/// each bar.
#[component]
pub fn Histogram(
    #[prop(into)] id: String,
    #[prop(into)] testid: String,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] desc: Signal<String>,
    #[prop(into)] x_label: Signal<String>,
    #[prop(into)] y_label: Signal<String>,
    /// Shown in the read-out line when no bar is under the pointer or focus.
    #[prop(into)]
    hint: Signal<String>,
    #[prop(into)] bins: Signal<Vec<HistogramBin>>,
    #[prop(into)] markers: Signal<Vec<HistogramMarker>>,
    /// The right end of the x axis (the left end is 0).
    #[prop(into)]
    domain_max: Signal<f64>,
    /// The bar chosen by click, Enter or Space.
    selected: RwSignal<Option<usize>>,
) -> impl IntoView {
    // The bar under the pointer or keyboard focus, for the read-out line.
    let active = RwSignal::new(None::<usize>);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let hatch_id = format!("{id}-hatch");
    let hatch_url = format!("url(#{hatch_id})");
    let (svg_describedby, svg_testid) = (desc_id.clone(), testid.clone());
    let node = NodeRef::<leptos::svg::Svg>::new();
    let width = use_chart_width(node, 900.0);

    let layout = memo(move |_| {
        let width = width.get();
        let domain_max = domain_max.get();
        let domain_max = if domain_max.is_finite() && domain_max > 0.0 { domain_max } else { 1.0 };
        let max = bins.with(|bins| bins.iter().map(|b| b.count).max().unwrap_or(0));
        // Headroom above the tallest bar for its count.
        let y_axis = whole_axis(0.0, max as f64 * 1.1 + 1.0, ticks_for_length(HEIGHT_PLOT, 40.0));
        let left = y_axis.ticks.iter().map(|t| label_width(&t.label, FONT)).fold(0.0_f64, f64::max) + 34.0;
        let plot = (width - left - MARGIN_RIGHT).max(1.0);
        // Ticks as far apart as their widest label needs, within the domain.
        let rough = nice_axis(0.0, domain_max, ticks_for_length(plot, 56.0));
        let widest = rough.ticks.iter().map(|t| label_width(&t.label, FONT)).fold(0.0_f64, f64::max);
        let x_axis = nice_axis(0.0, domain_max, ticks_for_length(plot, (widest + 18.0).max(40.0)));
        let at = |value: f64| left + (value / domain_max).clamp(0.0, 1.0) * plot;
        let marker_labels: Vec<MarkerLabel> = markers.with(|markers| {
            markers
                .iter()
                .map(|m| {
                    let (full, short) = (label_width(&m.label, FONT), label_width(&m.short_label, FONT));
                    place_marker_label(at(m.at), width, full, short, m.label_left)
                })
                .collect()
        });
        let extents: Vec<(f64, f64)> = marker_labels.iter().map(|l| l.span).collect();
        let marker_rows = label_rows(&extents);
        let rows = marker_rows.iter().map(|r| r + 1).max().unwrap_or(0) as f64;
        let readout_lines =
            hint.with(|hint| wrap_label(hint, width - left - 8.0, READOUT_FONT).len()).clamp(1, READOUT_LINES);
        let top = 14.0 + readout_lines as f64 * READOUT_LINE + rows * MARKER_ROW + 12.0;
        Layout { width, left, top, domain_max, x_axis, y_axis, marker_labels, marker_rows, readout_lines }
    });

    // Grid lines, ticks, bars and markers are each drawn once per index and follow
    // their own drawing, so a lever that moves the bins or a marker rewrites only the
    // coordinates and words that moved (drawing them as fresh lists wrote every
    // attribute of the chart again on each keystroke).
    let grid_count = memo(move |_| layout.with(|l| l.y_axis.ticks.len()));
    let gridlines =
        each_index(grid_count, move |index| view! { <HistogramGridLine layout=layout index=index /> }.into_any());
    let tick_count = memo(move |_| layout.with(|l| l.x_axis.ticks.len()));
    let x_ticks = each_index(tick_count, move |index| view! { <HistogramTick layout=layout index=index /> }.into_any());
    let bin_count = memo(move |_| bins.with(Vec::len));
    let bars = each_index(bin_count, move |index| {
        view! {
            <HistogramBar
                layout=layout
                bins=bins
                index=index
                testid=testid.clone()
                hatch_url=hatch_url.clone()
                selected=selected
                active=active
            />
        }
        .into_any()
    });
    let marker_count = memo(move |_| markers.with(Vec::len));
    let marker_lines = each_index(marker_count, move |index| {
        view! { <HistogramMarkerLine layout=layout markers=markers index=index /> }.into_any()
    });

    // The read-out, in as many lines as the layout gives it (a longer text is cut, its
    // last line ending in "…"; the bar's own name still has all of it).
    let readout_lines = memo(move |_| {
        let shown = active.get().or_else(|| selected.get());
        let text =
            bins.with(|bins| shown.and_then(|i| bins.get(i)).map(|b| b.label.clone())).unwrap_or_else(|| hint.get());
        layout.with(|layout| {
            let mut lines = wrap_label(&text, layout.width - layout.left - 8.0, READOUT_FONT);
            if lines.len() > layout.readout_lines {
                lines.truncate(layout.readout_lines);
                if let Some(last) = lines.last_mut() {
                    last.push('…');
                }
            }
            lines
        })
    });
    // Each line of the read-out keeps its element; pointing at another bar rewrites
    // only the words.
    let readout_count = memo(move |_| readout_lines.with(Vec::len));
    let readout = each_index(readout_count, move |index| {
        view! {
            <tspan x=move || layout.with(|l| px(l.left)) dy=px(if index == 0 { 0.0 } else { READOUT_LINE })>
                {move || readout_lines.with(|lines| lines.get(index).cloned())}
            </tspan>
        }
        .into_any()
    });

    view! {
        <svg
            node_ref=node
            class="chart histogram"
            viewBox=move || layout.with(|l| view_box(l.width, l.height()))
            width="100%"
            role="group"
            aria-label=title
            aria-describedby=svg_describedby
            data-testid=svg_testid
            data-domain-max=move || layout.with(|l| decimals(l.domain_max, 1))
            data-ticks=move || layout.with(|l| l.x_axis.ticks.len().to_string())
        >
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            <defs>
                <pattern id=hatch_id patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                    <line class="hist-hatch-line" x1="0" y1="0" x2="0" y2="6" />
                </pattern>
            </defs>
            <text class="hist-readout" x=move || layout.with(|l| px(l.left)) y="18" aria-hidden="true">
                {readout}
            </text>
            {gridlines}
            {marker_lines}
            <line
                class="hist-axis"
                x1=move || layout.with(|l| px(l.left))
                x2=move || layout.with(|l| px(l.left + l.plot_width()))
                y1=move || layout.with(|l| px(l.baseline()))
                y2=move || layout.with(|l| px(l.baseline()))
                aria-hidden="true"
            />
            {x_ticks}
            <text
                class="hist-axis-title"
                x=move || layout.with(|l| px(l.left + l.plot_width() / 2.0))
                y=move || layout.with(|l| px(l.height() - 12.0))
                text-anchor="middle"
                aria-hidden="true"
            >
                {x_label}
            </text>
            <text
                class="hist-axis-title"
                transform=move || {
                    layout.with(|l| format!("translate(16 {}) rotate(-90)", px(l.top + HEIGHT_PLOT / 2.0)))
                }
                text-anchor="middle"
                aria-hidden="true"
            >
                {y_label}
            </text>
            {bars}
        </svg>
    }
}

/// Where grid line `index` of the count axis and its label go.
#[derive(Clone, PartialEq)]
struct GridDrawing {
    left: f64,
    right: f64,
    y: f64,
    label: String,
}

#[component]
fn HistogramGridLine(layout: Memo<Layout>, index: usize) -> impl IntoView {
    let drawing = memo(move |_| {
        layout.with(|layout| {
            let tick = layout.y_axis.ticks.get(index)?;
            Some(GridDrawing {
                left: layout.left,
                right: layout.left + layout.plot_width(),
                y: layout.baseline() - layout.y_axis.share(tick.value) * HEIGHT_PLOT,
                label: tick.label.clone(),
            })
        })
    });
    view! {
        <g class="hist-grid" aria-hidden="true">
            <line
                x1=field(drawing, |d| px(d.left))
                x2=field(drawing, |d| px(d.right))
                y1=field(drawing, |d| px(d.y))
                y2=field(drawing, |d| px(d.y))
            />
            <text
                x=field(drawing, |d| px(d.left - 6.0))
                y=field(drawing, |d| px(d.y + 4.0))
                text-anchor="end"
                class="value"
            >
                {field(drawing, |d| d.label.clone())}
            </text>
        </g>
    }
}

/// Where tick `index` of the value axis and its label go; none beyond the domain.
#[derive(Clone, PartialEq)]
struct TickDrawing {
    x: f64,
    baseline: f64,
    label: String,
}

#[component]
fn HistogramTick(layout: Memo<Layout>, index: usize) -> impl IntoView {
    let drawing = memo(move |_| {
        layout.with(|layout| {
            let tick = layout.x_axis.ticks.get(index)?;
            (tick.value <= layout.domain_max * (1.0 + 1e-9)).then(|| TickDrawing {
                x: layout.x(tick.value),
                baseline: layout.baseline(),
                label: tick.label.clone(),
            })
        })
    });
    let shown = memo(move |_| drawing.with(Option::is_some));
    move || {
        shown.get().then(|| {
            view! {
                <g aria-hidden="true">
                    <line
                        class="hist-tick"
                        x1=field(drawing, |d| px(d.x))
                        x2=field(drawing, |d| px(d.x))
                        y1=field(drawing, |d| px(d.baseline))
                        y2=field(drawing, |d| px(d.baseline + 6.0))
                    />
                    <text
                        x=field(drawing, |d| px(d.x))
                        y=field(drawing, |d| px(d.baseline + 20.0))
                        text-anchor="middle"
                        class="value"
                    >
                        {field(drawing, |d| d.label.clone())}
                    </text>
                </g>
            }
        })
    }
}

/// Where bar `index` goes: its column, its bar and its count (if the count fits).
#[derive(Clone, PartialEq)]
struct BarDrawing {
    left: f64,
    column_top: f64,
    column_width: f64,
    top: f64,
    width: f64,
    height: f64,
    center: f64,
    count: usize,
    /// The count as printed above the bar, with its class; none where it does not fit.
    printed: Option<(&'static str, String)>,
    label: String,
}

#[component]
fn HistogramBar(
    layout: Memo<Layout>,
    bins: Signal<Vec<HistogramBin>>,
    index: usize,
    testid: String,
    hatch_url: String,
    selected: RwSignal<Option<usize>>,
    active: RwSignal<Option<usize>>,
) -> impl IntoView {
    let drawing = memo(move |_| {
        let bin = bins.with(|bins| bins.get(index).cloned())?;
        layout.with(|layout| {
            let left = layout.x(bin.lo);
            let right = layout.x(bin.hi);
            let top = layout.y(bin.count);
            let count = bin.count.to_string();
            // On a narrow screen counts are set smaller; one still wider than its bar
            // (bold digits run about a tenth wider than plain ones) would run into its
            // neighbours', and is left to the bar's name and the read-out line.
            let slot = right - left;
            let (class, font) =
                if slot < DENSE_SLOT { ("hist-count value dense", DENSE_FONT) } else { ("hist-count value", FONT) };
            let printed = (label_width(&count, font) * 1.1 <= slot - 1.0).then_some((class, count));
            Some(BarDrawing {
                left,
                column_top: layout.top,
                column_width: slot.max(1.0),
                top,
                width: (slot - 2.0).max(1.0),
                height: (layout.baseline() - top).max(0.0),
                center: (left + right) / 2.0,
                count: bin.count,
                printed,
                label: bin.label,
            })
        })
    });
    let printed = memo(move |_| drawing.with(|d| d.as_ref().is_some_and(|d| d.printed.is_some())));
    let is_selected = move || selected.get() == Some(index);
    let choose = move || selected.set(Some(index));
    view! {
        <g
            class=move || if is_selected() { "hist-bar selected" } else { "hist-bar" }
            tabindex="0"
            role="button"
            aria-label=field(drawing, |d| d.label.clone())
            aria-pressed=move || is_selected().to_string()
            data-testid=format!("{testid}-bar-{index}")
            data-count=field(drawing, |d| d.count.to_string())
            on:click=move |_| choose()
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                let key = ev.key();
                if key == "Enter" || key == " " || key == "Spacebar" {
                    ev.prevent_default();
                    choose();
                }
            }
            on:mouseenter=move |_| active.set(Some(index))
            on:mouseleave=move |_| active.set(None)
            on:focus=move |_| active.set(Some(index))
            on:blur=move |_| active.set(None)
        >
            <title>{field(drawing, |d| d.label.clone())}</title>
            // The whole column reacts to the pointer, so short bars are easy to hit.
            <rect
                class="hist-hit"
                x=field(drawing, |d| px(d.left))
                y=field(drawing, |d| px(d.column_top))
                width=field(drawing, |d| px(d.column_width))
                height=px(HEIGHT_PLOT)
            />
            <rect
                class="hist-fill"
                x=field(drawing, |d| px(d.left + 1.0))
                y=field(drawing, |d| px(d.top))
                width=field(drawing, |d| px(d.width))
                height=field(drawing, |d| px(d.height))
            />
            <rect
                class="hist-hatch"
                x=field(drawing, |d| px(d.left + 1.0))
                y=field(drawing, |d| px(d.top))
                width=field(drawing, |d| px(d.width))
                height=field(drawing, |d| px(d.height))
                fill=hatch_url
            />
            {move || {
                printed
                    .get()
                    .then(|| {
                        let printed = move |pick: fn(&(&'static str, String)) -> String| {
                            move || drawing.with(|d| d.as_ref().and_then(|d| d.printed.as_ref().map(pick)))
                        };
                        view! {
                            <text
                                class=printed(|p| p.0.to_string())
                                x=field(drawing, |d| px(d.center))
                                y=field(drawing, |d| px(d.top - 5.0))
                                text-anchor="middle"
                            >
                                {printed(|p| p.1.clone())}
                            </text>
                        }
                    })
            }}
        </g>
    }
}

/// Where marker `index` and its label go.
#[derive(Clone, PartialEq)]
struct MarkerDrawing {
    x: f64,
    label_x: f64,
    anchor: &'static str,
    label_y: f64,
    baseline: f64,
    label: String,
}

#[component]
fn HistogramMarkerLine(layout: Memo<Layout>, markers: Signal<Vec<HistogramMarker>>, index: usize) -> impl IntoView {
    let drawing = memo(move |_| {
        let marker = markers.with(|markers| markers.get(index).cloned())?;
        layout.with(|layout| {
            let placed = layout.marker_labels.get(index)?;
            let row = layout.marker_rows.get(index).copied().unwrap_or(0) as f64;
            Some(MarkerDrawing {
                x: layout.x(marker.at),
                label_x: placed.x,
                anchor: placed.anchor,
                label_y: layout.top - 10.0 - row * MARKER_ROW,
                baseline: layout.baseline(),
                label: if placed.short { marker.short_label } else { marker.label },
            })
        })
    });
    view! {
        <g class="hist-marker" aria-hidden="true">
            <line
                x1=field(drawing, |d| px(d.x))
                x2=field(drawing, |d| px(d.x))
                y1=field(drawing, |d| px(d.label_y - 10.0))
                y2=field(drawing, |d| px(d.baseline + 6.0))
            />
            <text
                x=field(drawing, |d| px(d.label_x))
                y=field(drawing, |d| px(d.label_y))
                text-anchor=field(drawing, |d| d.anchor)
            >
                {field(drawing, |d| d.label.clone())}
            </text>
        </g>
    }
}
