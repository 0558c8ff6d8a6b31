//! Horizontal grouped bars: one group per row (e.g. an Annex A category), one bar per
//! series (e.g. 2018-19 and 2017-18). Series are told apart by fill *and* pattern so
//! the chart survives black-and-white printing.

use blockvote_present::charts::Series;
use leptos::prelude::*;

const ROW_HEIGHT: f64 = 16.0;
const GROUP_GAP: f64 = 10.0;
const LABEL_WIDTH: f64 = 150.0;
const VALUE_WIDTH: f64 = 64.0;
const WIDTH: f64 = 640.0;
const LEGEND_HEIGHT: f64 = 24.0;

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
    let height = move || {
        let rows = groups.with(|g| g.len()) as f64;
        let per_group = series.with(|s| s.len().max(1)) as f64 * ROW_HEIGHT + GROUP_GAP;
        LEGEND_HEIGHT + rows * per_group + 4.0
    };
    let max_value = move || {
        series.with(|all| {
            all.iter().flat_map(|s| s.values.iter()).map(|v| v.to_f64_for_geometry()).fold(0.0_f64, f64::max)
        })
    };
    let bar_pattern = pattern_ref.clone();
    let bars = move || {
        let pattern_ref = bar_pattern.clone();
        let max = max_value();
        let scale = if max > 0.0 { (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / max } else { 0.0 };
        let all_series = series.get();
        let per_group = all_series.len().max(1) as f64 * ROW_HEIGHT + GROUP_GAP;
        groups
            .get()
            .into_iter()
            .enumerate()
            .map(|(group_index, group_name)| {
                let top = LEGEND_HEIGHT + group_index as f64 * per_group;
                let marks = all_series
                    .iter()
                    .enumerate()
                    .filter_map(|(series_index, s)| {
                        let value = *s.values.get(group_index)?;
                        let y = top + series_index as f64 * ROW_HEIGHT;
                        let width = (value.to_f64_for_geometry().max(0.0) * scale).max(0.5);
                        let label = format!("{group_name} — {}: {}", s.name, value.format(1));
                        let fill =
                            if series_index % 2 == 0 { "var(--series-a)".to_string() } else { pattern_ref.clone() };
                        Some(view! {
                            <g class="mark" tabindex="0" role="img" aria-label=label.clone()>
                                <title>{label.clone()}</title>
                                <rect
                                    x=LABEL_WIDTH
                                    y=y + 1.0
                                    width=width
                                    height=ROW_HEIGHT - 3.0
                                    fill=fill
                                    stroke="var(--ink)"
                                    stroke-width="0.75"
                                ></rect>
                                <text class="value" x=LABEL_WIDTH + width + 4.0 y=y + ROW_HEIGHT - 4.0>
                                    {value.format(0)}
                                </text>
                            </g>
                        })
                    })
                    .collect_view();
                view! {
                    <g class="group">
                        <text class="group-label" x=LABEL_WIDTH - 6.0 y=top + ROW_HEIGHT - 3.0 text-anchor="end">
                            {group_name.clone()}
                        </text>
                        {marks}
                    </g>
                }
            })
            .collect_view()
    };
    let legend = move || {
        let pattern_ref = pattern_ref.clone();
        series
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, s)| {
                let x = LABEL_WIDTH + index as f64 * 160.0;
                let fill = if index % 2 == 0 { "var(--series-a)".to_string() } else { pattern_ref.clone() };
                view! {
                    <g class="legend-item">
                        <rect x=x y="4" width="14" height="12" fill=fill stroke="var(--ink)" stroke-width="0.75"></rect>
                        <text x=x + 20.0 y="14">{s.name}</text>
                    </g>
                }
            })
            .collect_view()
    };
    view! {
        <svg
            class="chart grouped-bars"
            role="img"
            aria-labelledby=format!("{title_id} {desc_id}")
            viewBox=move || format!("0 0 {WIDTH} {}", height())
            width="100%"
            data-testid=id.clone()
        >
            <title id=title_id.clone()>{move || title.get()}</title>
            <desc id=desc_id.clone()>{move || description.get()}</desc>
            <defs>
                <pattern id=pattern_id.clone() patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
                    <rect width="5" height="5" fill="var(--series-b)"></rect>
                    <line x1="0" y1="0" x2="0" y2="5" stroke="var(--ink)" stroke-width="1.5"></line>
                </pattern>
            </defs>
            {legend}
            {bars}
        </svg>
    }
}
