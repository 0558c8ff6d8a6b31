//! Lines over quarters (e.g. cumulative spending, the S-curve): one polyline per
//! series, told apart by dash pattern and marker shape as well as colour, each point
//! focusable with its value.

use blockvote_present::charts::LineSeries;
use leptos::prelude::*;

const WIDTH: f64 = 920.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 54.0;
const DASHES: [&str; 3] = ["none", "6 4", "2 3"];
const COLOURS: [&str; 3] = ["var(--series-a)", "var(--series-c)", "var(--focus)"];

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
    let top_value = Memo::new(move |_| {
        let max = series.with(|all| {
            all.iter().flat_map(|s| s.points.iter()).map(|p| p.to_f64_for_geometry()).fold(0.0_f64, f64::max)
        });
        if max <= 0.0 {
            1.0
        } else {
            (max / 250.0).ceil() * 250.0
        }
    });
    let count = move || labels.with(|l| l.len()).max(1);
    let x = move |index: usize| {
        let n = count() as f64;
        LEFT + (WIDTH - LEFT - RIGHT) * (index as f64 + 0.5) / n
    };
    let y = move |value: f64| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - (value / top_value.get()).clamp(0.0, 1.0));
    let grid = move || {
        let top = top_value.get();
        (0..=4)
            .map(|k| {
                let value = top * k as f64 / 4.0;
                let at = y(value);
                view! {
                    <g class="grid">
                        <line x1=LEFT x2=WIDTH - RIGHT y1=at y2=at stroke="var(--line)"></line>
                        <text x=LEFT - 6.0 y=at + 4.0 text-anchor="end">{format!("{value:.0}")}</text>
                    </g>
                }
            })
            .collect_view()
    };
    let axis = move || {
        labels
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, label)| {
                let at = x(index);
                view! {
                    <text class="axis-label" x=at y=HEIGHT - BOTTOM + 14.0 text-anchor="end" transform=format!("rotate(-45 {at} {})", HEIGHT - BOTTOM + 14.0)>
                        {label}
                    </text>
                }
            })
            .collect_view()
    };
    let lines = move || {
        let names = labels.get();
        series
            .get()
            .into_iter()
            .enumerate()
            .map(|(series_index, s)| {
                let colour = COLOURS.get(series_index % COLOURS.len()).copied().unwrap_or("currentColor");
                let dash = DASHES.get(series_index % DASHES.len()).copied().unwrap_or("none");
                let path = s
                    .points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.to_f64_for_geometry())))
                    .collect::<Vec<_>>()
                    .join(" ");
                let points = s
                    .points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let label = format!("{} — {}: {}", s.name, names.get(i).cloned().unwrap_or_default(), p.format(1));
                        let (cx, cy) = (x(i), y(p.to_f64_for_geometry()));
                        let marker = if series_index == 0 {
                            view! { <circle cx=cx cy=cy r="3.5" fill=colour stroke="var(--ink)"></circle> }.into_any()
                        } else {
                            view! { <rect x=cx - 3.5 y=cy - 3.5 width="7" height="7" fill="white" stroke=colour stroke-width="1.5"></rect> }.into_any()
                        };
                        view! {
                            <g class="mark" tabindex="0" role="img" aria-label=label.clone()>
                                <title>{label.clone()}</title>
                                {marker}
                            </g>
                        }
                    })
                    .collect_view();
                let legend_x = LEFT + series_index as f64 * 220.0;
                view! {
                    <g>
                        <polyline points=path fill="none" stroke=colour stroke-width="2" stroke-dasharray=dash></polyline>
                        {points}
                        <line x1=legend_x x2=legend_x + 24.0 y1="12" y2="12" stroke=colour stroke-width="2" stroke-dasharray=dash></line>
                        <text x=legend_x + 30.0 y="16">{s.name.clone()}</text>
                    </g>
                }
            })
            .collect_view()
    };
    view! {
        <svg
            class="chart lines"
            role="group"
            aria-labelledby=title_id.clone()
            aria-describedby=desc_id.clone()
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            width="100%"
            data-testid=id.clone()
        >
            <title id=title_id.clone()>{move || title.get()}</title>
            <desc id=desc_id.clone()>{move || description.get()}</desc>
            {grid}
            {axis}
            {lines}
            <line x1=LEFT x2=WIDTH - RIGHT y1=HEIGHT - BOTTOM y2=HEIGHT - BOTTOM stroke="var(--ink)"></line>
        </svg>
    }
}
