//! Horizontal grouped bars: one group per row (e.g. an Annex A category), one bar per
//! series (e.g. 2018-19 and 2017-18). Series are told apart by fill *and* pattern so
//! the chart survives black-and-white printing.
//!
//! Every bar starts at 0 on one axis (`blockvote_present::axis`), whose ticks are
//! drawn as light gridlines and labelled under the chart, so lengths compare truly and
//! the scale is stated. Laid out at the width the page gives it (see `charts/mod.rs`):
//! on a narrow screen each group's name sits on its own line above its bars.

use super::{legend_text, use_chart_width, value_lines, Hatch, ValueGrid, FONT, LINE};
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
    let layout = Memo::new(move |_| {
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
    let bar_pattern = pattern_ref.clone();
    let bars = move || {
        let layout = layout.get();
        let pattern_ref = bar_pattern.clone();
        let all_series = series.get();
        groups
            .get()
            .into_iter()
            .enumerate()
            .map(|(group_index, group_name)| {
                let top = layout.top + group_index as f64 * layout.per_group;
                let (name_x, name_y, anchor, bars_top) = if layout.narrow {
                    (layout.start, top + ROW_HEIGHT - 4.0, "start", top + ROW_HEIGHT)
                } else {
                    (layout.start - 6.0, top + ROW_HEIGHT - 3.0, "end", top)
                };
                let marks = all_series
                    .iter()
                    .enumerate()
                    .filter_map(|(series_index, s)| {
                        let value = *s.values.get(group_index)?;
                        let y = bars_top + series_index as f64 * ROW_HEIGHT;
                        let width = (layout.axis.share(value.to_f64_for_geometry()) * layout.length).max(0.5);
                        let label = format!("{group_name} — {}: {}", s.name, value.format(1));
                        let fill =
                            if series_index % 2 == 0 { "var(--series-a)".to_string() } else { pattern_ref.clone() };
                        Some(view! {
                            <g class="mark" tabindex="0" role="img" aria-label=label.clone()>
                                <title>{label.clone()}</title>
                                <rect
                                    x=layout.start
                                    y=y + 1.0
                                    width=width
                                    height=ROW_HEIGHT - 3.0
                                    fill=fill
                                    stroke="var(--ink)"
                                    stroke-width="0.75"
                                ></rect>
                                <text class="value" x=layout.start + width + 4.0 y=y + ROW_HEIGHT - 4.0>
                                    {value.format(0)}
                                </text>
                            </g>
                        })
                    })
                    .collect_view();
                view! {
                    <g class="group">
                        <text class="group-label" x=name_x y=name_y text-anchor=anchor>
                            {group_name.clone()}
                        </text>
                        {marks}
                    </g>
                }
            })
            .collect_view()
    };
    let axis = Memo::new(move |_| {
        let layout = layout.get();
        let x = |value| layout.start + layout.axis.share(value) * layout.length;
        value_lines(&layout.axis, x, layout.top, layout.height - AXIS_HEIGHT)
    });
    let legend = move || {
        let layout = layout.get();
        let pattern_ref = pattern_ref.clone();
        series
            .get()
            .into_iter()
            .zip(layout.legend)
            .enumerate()
            .map(|(index, (_, LegendItem { x, y, lines }))| {
                let y = y + 4.0;
                let fill = if index % 2 == 0 { "var(--series-a)".to_string() } else { pattern_ref.clone() };
                view! {
                    <g class="legend-item">
                        <rect x=x y=y width="14" height="12" fill=fill stroke="var(--ink)" stroke-width="0.75"></rect>
                        {legend_text(x + 20.0, y + 10.0, lines)}
                    </g>
                }
            })
            .collect_view()
    };
    view! {
        <svg
            node_ref=node
            class="chart grouped-bars"
            role="img"
            aria-labelledby=format!("{title_id} {desc_id}")
            viewBox=move || layout.with(|l| format!("0 0 {} {:.0}", l.width, l.height))
            width="100%"
            data-testid=id.clone()
        >
            <title id=title_id.clone()>{move || title.get()}</title>
            <desc id=desc_id.clone()>{move || description.get()}</desc>
            <defs>
                <Hatch id=pattern_id.clone() />
            </defs>
            {legend}
            <ValueGrid lines=axis />
            {bars}
        </svg>
    }
}
