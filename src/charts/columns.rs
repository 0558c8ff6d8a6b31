//! Quarterly columns: for each quarter, up to two side-by-side columns (e.g. the
//! paper's baseline and the scenario), each stacked from segments (e.g. ongoing and
//! new projects), with an optional range whisker per quarter (e.g. Monte Carlo P10–P90).
//! Segments are told apart by fill and pattern so the chart reads in black and white;
//! every column is focusable and names its figures.

use blockvote_model::Money;
use blockvote_present::charts::QuarterColumns;
use leptos::prelude::*;

const WIDTH: f64 = 920.0;
const HEIGHT: f64 = 340.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 36.0;
const BOTTOM: f64 = 54.0;

/// The approximate width of a legend label at the chart's font size: CJK characters
/// are about twice as wide as Latin ones.
fn text_width(text: &str) -> f64 {
    text.chars().map(|c| if c >= '\u{2E80}' { 12.0 } else { 6.5 }).sum()
}

/// Fills for stacked segments, by segment index; column index picks the outline style.
fn segment_fill(id: &str, segment: usize) -> String {
    match segment {
        0 => "var(--series-a)".to_string(),
        1 => format!("url(#{id}-hatch)"),
        _ => "var(--series-c)".to_string(),
    }
}

/// The axis top and gridline step: a step of 1, 2, 2.5 or 5 × 10^k giving at most six
/// gridlines.
fn nice_max(value: f64) -> (f64, f64) {
    if value <= 0.0 || !value.is_finite() {
        return (1.0, 0.25);
    }
    let magnitude = 10f64.powf((value / 6.0).log10().floor());
    for factor in [1.0, 2.0, 2.5, 5.0, 10.0] {
        let step = factor * magnitude;
        let top = (value / step).ceil() * step;
        if top / step <= 6.0 {
            return (top, step);
        }
    }
    (value, value / 4.0)
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
    let hatch = format!("{id}-hatch");
    let chart_id = id.clone();
    let scale = Memo::new(move |_| {
        let max = quarters.with(|qs| {
            qs.iter()
                .flat_map(|q| {
                    let stacks = q.columns.iter().map(|c| {
                        Money::checked_sum(c.segments.iter().copied()).unwrap_or_default().to_f64_for_geometry()
                    });
                    stacks.chain(q.range.map(|(_, hi)| hi.to_f64_for_geometry()))
                })
                .fold(0.0_f64, f64::max)
        });
        nice_max(max)
    });
    let y = move |value: f64| {
        let (top, _) = scale.get();
        TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - (value / top).clamp(0.0, 1.0))
    };
    let grid = move || {
        let (top, step) = scale.get();
        let lines = (top / step).round() as usize;
        (0..=lines)
            .map(|k| {
                let value = step * k as f64;
                let at = y(value);
                view! {
                    <g class="grid">
                        <line x1=LEFT x2=WIDTH - RIGHT y1=at y2=at stroke="var(--line)" stroke-width="1"></line>
                        <text x=LEFT - 6.0 y=at + 4.0 text-anchor="end">{format!("{value:.0}")}</text>
                    </g>
                }
            })
            .collect_view()
    };
    let bars = move || {
        let all = quarters.get();
        let count = all.len().max(1) as f64;
        let slot = (WIDTH - LEFT - RIGHT) / count;
        let per_quarter = all.iter().map(|q| q.columns.len()).max().unwrap_or(1).max(1) as f64;
        let column_width = (slot * 0.8 / per_quarter).max(1.0);
        let chart_id = chart_id.clone();
        all.into_iter()
            .enumerate()
            .map(|(index, quarter)| {
                let left = LEFT + slot * index as f64 + slot * 0.1;
                let columns = quarter
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(column_index, column)| {
                        let x = left + column_width * column_index as f64;
                        let mut running = 0.0;
                        let segments = column
                            .segments
                            .iter()
                            .enumerate()
                            .map(|(segment_index, value)| {
                                let bottom = running;
                                running += value.to_f64_for_geometry().max(0.0);
                                let (y_top, y_bottom) = (y(running), y(bottom));
                                view! {
                                    <rect
                                        x=x
                                        y=y_top
                                        width=column_width - 1.0
                                        height=(y_bottom - y_top).max(0.0)
                                        fill=segment_fill(&chart_id, segment_index)
                                        stroke="var(--ink)"
                                        stroke-width=if column_index == 0 { "0.6" } else { "1.2" }
                                        stroke-dasharray=if column_index == 0 { "3 2" } else { "none" }
                                    ></rect>
                                }
                            })
                            .collect_view();
                        view! { <g>{segments}</g> }
                    })
                    .collect_view();
                let whisker = quarter.range.map(|(low, high)| {
                    let last = quarter.columns.len().saturating_sub(1) as f64;
                    let cx = left + column_width * last + column_width / 2.0;
                    let (y_low, y_high) = (y(low.to_f64_for_geometry()), y(high.to_f64_for_geometry()));
                    view! {
                        <g class="whisker">
                            <line x1=cx x2=cx y1=y_low y2=y_high stroke="var(--focus)" stroke-width="2"></line>
                            <line x1=cx - 4.0 x2=cx + 4.0 y1=y_low y2=y_low stroke="var(--focus)" stroke-width="2"></line>
                            <line x1=cx - 4.0 x2=cx + 4.0 y1=y_high y2=y_high stroke="var(--focus)" stroke-width="2"></line>
                        </g>
                    }
                });
                let label_x = left + slot * 0.4;
                let description = quarter.description.clone();
                view! {
                    <g class="mark" tabindex="0" role="img" aria-label=description.clone()>
                        <title>{description.clone()}</title>
                        <rect class="hit" x=left - slot * 0.1 y=TOP width=slot height=HEIGHT - TOP - BOTTOM fill="transparent"></rect>
                        {columns}
                        {whisker}
                        <text
                            class="axis-label"
                            x=label_x
                            y=HEIGHT - BOTTOM + 14.0
                            text-anchor="end"
                            transform=format!("rotate(-45 {label_x} {})", HEIGHT - BOTTOM + 14.0)
                        >
                            {quarter.label}
                        </text>
                    </g>
                }
            })
            .collect_view()
    };
    let legend = move || {
        let mut items: Vec<AnyView> = Vec::new();
        let mut x = LEFT;
        for (index, name) in segment_names.get().into_iter().enumerate() {
            let fill = segment_fill(&hatch.replace("-hatch", ""), index);
            items.push(
                view! {
                    <g>
                        <rect x=x y="6" width="14" height="12" fill=fill stroke="var(--ink)" stroke-width="0.75"></rect>
                        <text x=x + 18.0 y="16">{name.clone()}</text>
                    </g>
                }
                .into_any(),
            );
            x += 26.0 + text_width(&name);
        }
        for (index, name) in column_names.get().into_iter().enumerate() {
            let dash = if index == 0 { "3 2" } else { "none" };
            let width = if index == 0 { "0.6" } else { "1.2" };
            items.push(
                view! {
                    <g>
                        <rect x=x y="6" width="14" height="12" fill="none" stroke="var(--ink)" stroke-width=width stroke-dasharray=dash></rect>
                        <text x=x + 18.0 y="16">{name.clone()}</text>
                    </g>
                }
                .into_any(),
            );
            x += 26.0 + text_width(&name);
        }
        if let Some(name) = range_name.get() {
            items.push(
                view! {
                    <g>
                        <line x1=x + 7.0 x2=x + 7.0 y1="5" y2="19" stroke="var(--focus)" stroke-width="2"></line>
                        <text x=x + 18.0 y="16">{name}</text>
                    </g>
                }
                .into_any(),
            );
        }
        items
    };
    view! {
        <svg
            class="chart columns"
            role="group"
            aria-labelledby=title_id.clone()
            aria-describedby=desc_id.clone()
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            width="100%"
            data-testid=id.clone()
        >
            <title id=title_id.clone()>{move || title.get()}</title>
            <desc id=desc_id.clone()>{move || description.get()}</desc>
            <defs>
                <pattern id=format!("{id}-hatch") patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
                    <rect width="5" height="5" fill="var(--series-b)"></rect>
                    <line x1="0" y1="0" x2="0" y2="5" stroke="var(--ink)" stroke-width="1.5"></line>
                </pattern>
            </defs>
            {legend}
            {grid}
            {bars}
            <line x1=LEFT x2=WIDTH - RIGHT y1=HEIGHT - BOTTOM y2=HEIGHT - BOTTOM stroke="var(--ink)" stroke-width="1"></line>
        </svg>
    }
}
