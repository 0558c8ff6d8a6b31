//! A histogram as accessible SVG: vertical bars over a numeric axis, with optional
//! labelled marker lines (thresholds).
//!
//! Accessibility: the `<svg>` is a labelled group (`<title>` and `<desc>`, referenced by
//! `aria-labelledby` / `aria-describedby`) and every bar is a focusable
//! `<g tabindex="0" role="button">` whose `aria-label` and `<title>` give its range and
//! count. The SVG is deliberately not `role="img"`: ARIA makes an image's children
//! presentational, which would hide the focusable bars from screen readers. A bar's
//! value is always printed above it, and the bar under the pointer or keyboard focus is
//! described in full in a read-out line at the top of the chart. Enter, Space or a
//! click selects a bar (`selected`), which the caller uses to list the bar's rows.
//!
//! Printing: bars have a light fill, a dark diagonal hatch and a black outline, and all
//! text is dark, so the chart reads the same in black and white.

use blockvote_present::charts::{HistogramBin, HistogramMarker};
use leptos::prelude::*;

const WIDTH: f64 = 900.0;
const HEIGHT: f64 = 390.0;
const MARGIN_LEFT: f64 = 56.0;
const MARGIN_RIGHT: f64 = 20.0;
const MARGIN_TOP: f64 = 62.0;
const MARGIN_BOTTOM: f64 = 58.0;
const PLOT_WIDTH: f64 = WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
const PLOT_HEIGHT: f64 = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
const BASELINE: f64 = MARGIN_TOP + PLOT_HEIGHT;

/// A "nice" step for about five gridlines up to `max` (1, 2, 5 × 10^k).
fn nice_step(max: usize) -> usize {
    let mut magnitude = 1usize;
    loop {
        for factor in [1usize, 2, 5] {
            let step = factor.saturating_mul(magnitude);
            if max / step.max(1) <= 5 {
                return step.max(1);
            }
        }
        if magnitude > usize::MAX / 10 {
            return usize::MAX;
        }
        magnitude *= 10;
    }
}

/// The top of the y axis: a multiple of the step with headroom for the value labels.
fn y_top(max: usize, step: usize) -> usize {
    let wanted = max.saturating_add(max / 10).saturating_add(1);
    wanted.div_ceil(step.max(1)).saturating_mul(step.max(1)).max(step.max(1))
}

fn fmt(value: f64) -> String {
    format!("{value:.1}")
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
    domain_max: f64,
    /// The bar chosen by click, Enter or Space.
    selected: RwSignal<Option<usize>>,
) -> impl IntoView {
    let domain_max = if domain_max.is_finite() && domain_max > 0.0 { domain_max } else { 1.0 };
    let x = move |value: f64| MARGIN_LEFT + value.clamp(0.0, domain_max) / domain_max * PLOT_WIDTH;
    // The bar under the pointer or keyboard focus, for the read-out line.
    let active = RwSignal::new(None::<usize>);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let hatch_id = format!("{id}-hatch");
    let hatch_url = format!("url(#{hatch_id})");
    let (svg_labelledby, svg_describedby, svg_testid) = (title_id.clone(), desc_id.clone(), testid.clone());

    let scale = Memo::new(move |_| {
        let max = bins.with(|bins| bins.iter().map(|b| b.count).max().unwrap_or(0));
        let step = nice_step(max);
        (step, y_top(max, step))
    });
    let y = move |count: usize, top: usize| BASELINE - (count as f64) / (top.max(1) as f64) * PLOT_HEIGHT;

    let gridlines = move || {
        let (step, top) = scale.get();
        (0..=top / step.max(1))
            .map(|k| {
                let value = k.saturating_mul(step);
                let gy = y(value, top);
                view! {
                    <g class="hist-grid" aria-hidden="true">
                        <line x1=MARGIN_LEFT x2=MARGIN_LEFT + PLOT_WIDTH y1=gy y2=gy />
                        <text x=MARGIN_LEFT - 6.0 y=gy + 4.0 text-anchor="end" class="value">
                            {value.to_string()}
                        </text>
                    </g>
                }
            })
            .collect_view()
    };

    let x_ticks = move || {
        // Whole numbers along the axis; a short tick at every bin edge.
        let whole = (0..=(domain_max.floor() as usize)).map(|v| {
            let tx = x(v as f64);
            view! {
                <g aria-hidden="true">
                    <line class="hist-tick" x1=tx x2=tx y1=BASELINE y2=BASELINE + 6.0 />
                    <text x=tx y=BASELINE + 20.0 text-anchor="middle" class="value">
                        {v.to_string()}
                    </text>
                </g>
            }
        });
        whole.collect_view()
    };

    let bars = move || {
        let (_, top) = scale.get();
        bins.get()
            .into_iter()
            .enumerate()
            .map(|(index, bin)| {
                let left = x(bin.lo);
                let right = x(bin.hi);
                let width = (right - left - 2.0).max(1.0);
                let top_y = y(bin.count, top);
                let height = (BASELINE - top_y).max(0.0);
                let center = (left + right) / 2.0;
                let label = bin.label.clone();
                let hatch_url = hatch_url.clone();
                let is_selected = move || selected.get() == Some(index);
                let choose = move || selected.set(Some(index));
                view! {
                    <g
                        class=move || if is_selected() { "hist-bar selected" } else { "hist-bar" }
                        tabindex="0"
                        role="button"
                        aria-label=label.clone()
                        aria-pressed=move || is_selected().to_string()
                        data-testid=format!("{testid}-bar-{index}")
                        data-count=bin.count.to_string()
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
                        <title>{label.clone()}</title>
                        // The whole column reacts to the pointer, so short bars are easy to hit.
                        <rect class="hist-hit" x=left y=MARGIN_TOP width=right - left height=PLOT_HEIGHT />
                        <rect class="hist-fill" x=left + 1.0 y=top_y width=width height=height />
                        <rect class="hist-hatch" x=left + 1.0 y=top_y width=width height=height fill=hatch_url />
                        <text class="hist-count value" x=center y=top_y - 5.0 text-anchor="middle">
                            {bin.count.to_string()}
                        </text>
                    </g>
                }
            })
            .collect_view()
    };

    let marker_lines = move || {
        markers
            .get()
            .into_iter()
            .map(|marker| {
                let mx = x(marker.at);
                let (lx, anchor) = if marker.label_left { (mx - 5.0, "end") } else { (mx + 5.0, "start") };
                view! {
                    <g class="hist-marker" aria-hidden="true">
                        <line x1=mx x2=mx y1=MARGIN_TOP - 22.0 y2=BASELINE + 6.0 />
                        <text x=lx y=MARGIN_TOP - 12.0 text-anchor=anchor>
                            {marker.label}
                        </text>
                    </g>
                }
            })
            .collect_view()
    };

    let readout = move || {
        let shown = active.get().or_else(|| selected.get());
        bins.with(|bins| shown.and_then(|i| bins.get(i)).map(|b| b.label.clone())).unwrap_or_else(|| hint.get())
    };

    view! {
        <svg
            class="chart histogram"
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            width=WIDTH
            height=HEIGHT
            role="group"
            aria-labelledby=svg_labelledby
            aria-describedby=svg_describedby
            data-testid=svg_testid
            data-domain-max=fmt(domain_max)
        >
            <title id=title_id>{move || title.get()}</title>
            <desc id=desc_id>{move || desc.get()}</desc>
            <defs>
                <pattern
                    id=hatch_id
                    patternUnits="userSpaceOnUse"
                    width="6"
                    height="6"
                    patternTransform="rotate(45)"
                >
                    <line class="hist-hatch-line" x1="0" y1="0" x2="0" y2="6" />
                </pattern>
            </defs>
            <text class="hist-readout" x=MARGIN_LEFT y="18" aria-hidden="true">
                {readout}
            </text>
            {gridlines}
            {marker_lines}
            <line class="hist-axis" x1=MARGIN_LEFT x2=MARGIN_LEFT + PLOT_WIDTH y1=BASELINE y2=BASELINE aria-hidden="true" />
            {x_ticks}
            <text class="hist-axis-title" x=MARGIN_LEFT + PLOT_WIDTH / 2.0 y=HEIGHT - 12.0 text-anchor="middle" aria-hidden="true">
                {move || x_label.get()}
            </text>
            <text
                class="hist-axis-title"
                transform=format!("translate(16 {}) rotate(-90)", MARGIN_TOP + PLOT_HEIGHT / 2.0)
                text-anchor="middle"
                aria-hidden="true"
            >
                {move || y_label.get()}
            </text>
            {bars}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_and_tops_are_round() {
        assert_eq!(nice_step(0), 1);
        assert_eq!(nice_step(5), 1);
        assert_eq!(nice_step(59), 10);
        assert_eq!(y_top(59, 10), 70);
        assert_eq!(y_top(0, 1), 1);
        assert!(nice_step(usize::MAX) > 0);
    }
}
