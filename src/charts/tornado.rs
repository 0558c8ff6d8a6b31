//! A tornado chart as accessible SVG: one row per lever, sorted by how far it moves
//! the figure (largest first). Each row has two half-height bars drawn from the
//! axis at the base figure: the upper one (hatched) to the figure with the lever at
//! its low setting, the lower one (solid) to the figure at its high setting. Both
//! figures are printed at the ends of the bars.
//!
//! Accessibility: the `<svg>` is a labelled group (`<title>`, `<desc>`); every row is a
//! focusable `<g tabindex="0" role="img">` whose `aria-label` and `<title>` give the
//! lever, its two settings and the two results. Not `role="img"` on the `<svg>`, which
//! would hide the rows from screen readers.
//!
//! Printing: the two bars differ by pattern (hatched against solid) and outline, not by
//! colour alone, and every value is printed, so the chart reads in black and white.

use blockvote_model::Money;
use blockvote_present::charts::TornadoRow;
use leptos::prelude::*;

const WIDTH: f64 = 900.0;
const LABEL_WIDTH: f64 = 290.0;
/// Room for a printed value beyond the end of a bar.
const VALUE_ROOM: f64 = 70.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 54.0;
const ROW_HEIGHT: f64 = 46.0;
const BAR_HEIGHT: f64 = 15.0;
const BOTTOM: f64 = 10.0;

/// The x position of `value` on a scale whose domain is `[lo, hi]`.
fn position(value: f64, lo: f64, hi: f64) -> f64 {
    let left = LABEL_WIDTH + VALUE_ROOM;
    let right = WIDTH - RIGHT - VALUE_ROOM;
    if hi - lo <= f64::EPSILON || !(hi - lo).is_finite() {
        return (left + right) / 2.0;
    }
    left + (right - left) * ((value - lo) / (hi - lo)).clamp(0.0, 1.0)
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
    let height = move || TOP + rows.with(|r| r.len().max(1)) as f64 * ROW_HEIGHT + BOTTOM;
    // The domain covers the base and every result, so every bar fits.
    let domain = Memo::new(move |_| {
        let base = base.get().to_f64_for_geometry();
        rows.with(|rows| {
            rows.iter()
                .flat_map(|r| [r.at_low.to_f64_for_geometry(), r.at_high.to_f64_for_geometry()])
                .fold((base, base), |(lo, hi), value| (lo.min(value), hi.max(value)))
        })
    });
    let axis_x = move || {
        let (lo, hi) = domain.get();
        position(base.get().to_f64_for_geometry(), lo, hi)
    };
    let bar_hatch = hatch.clone();
    let marks = move || {
        let (lo, hi) = domain.get();
        let x0 = position(base.get().to_f64_for_geometry(), lo, hi);
        let hatch = bar_hatch.clone();
        rows.get()
            .into_iter()
            .enumerate()
            .map(|(index, row)| {
                let top = TOP + index as f64 * ROW_HEIGHT;
                let bar = |value: Money, y: f64, fill: String, class: &'static str| {
                    let x = position(value.to_f64_for_geometry(), lo, hi);
                    let (left, width) = if x >= x0 { (x0, x - x0) } else { (x, x0 - x) };
                    // A value is printed beyond the bar's end, on the side it points to.
                    let (text_x, anchor) = if x >= x0 { (x + 4.0, "start") } else { (x - 4.0, "end") };
                    view! {
                        <rect
                            class=class
                            x=left
                            y=y
                            width=width.max(1.0)
                            height=BAR_HEIGHT
                            fill=fill
                            stroke="var(--ink)"
                            stroke-width="1"
                        ></rect>
                        <text class="value" x=text_x y=y + BAR_HEIGHT - 3.5 text-anchor=anchor>
                            {value.format(1)}
                        </text>
                    }
                };
                let description = row.description.clone();
                view! {
                    <g class="mark tornado-row" tabindex="0" role="img" aria-label=description.clone()>
                        <title>{description.clone()}</title>
                        <rect class="hit" x="0" y=top width=WIDTH height=ROW_HEIGHT - 4.0 fill="transparent"></rect>
                        <text class="lever-name" x=LABEL_WIDTH - 8.0 y=top + 17.0 text-anchor="end">
                            {row.name.clone()}
                        </text>
                        <text class="lever-settings" x=LABEL_WIDTH - 8.0 y=top + 33.0 text-anchor="end">
                            {row.settings.clone()}
                        </text>
                        {bar(row.at_low, top + 4.0, hatch.clone(), "low")}
                        {bar(row.at_high, top + 4.0 + BAR_HEIGHT + 2.0, "var(--series-a)".to_string(), "high")}
                    </g>
                }
            })
            .collect_view()
    };
    let legend_hatch = hatch.clone();
    view! {
        <svg
            class="chart tornado"
            role="group"
            aria-labelledby=title_id.clone()
            aria-describedby=desc_id.clone()
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
            <g class="legend">
                <rect x=LABEL_WIDTH y="4" width="14" height="12" fill=legend_hatch stroke="var(--ink)" stroke-width="1"></rect>
                <text x=LABEL_WIDTH + 20.0 y="14">{move || low_name.get()}</text>
                <rect x=LABEL_WIDTH + 250.0 y="4" width="14" height="12" fill="var(--series-a)" stroke="var(--ink)" stroke-width="1"></rect>
                <text x=LABEL_WIDTH + 270.0 y="14">{move || high_name.get()}</text>
            </g>
            {marks}
            <line
                class="axis"
                x1=axis_x
                x2=axis_x
                y1=TOP - 8.0
                y2=move || height() - BOTTOM + 2.0
                stroke="var(--ink)"
                stroke-width="1.5"
                stroke-dasharray="4 2"
            ></line>
            <text class="axis-label" x=axis_x y=TOP - 12.0 text-anchor="middle">{move || base_label.get()}</text>
        </svg>
    }
}
