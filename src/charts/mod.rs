//! Charts drawn as plain, accessible SVG written here: no chart library, no canvas, so
//! every chart prints, scales and can be read by a screen reader.
//!
//! Every chart is laid out at the width its page gives it ([`use_chart_width`]): its
//! `viewBox` is that many units wide and its `width` is 100%, so one unit is one CSS
//! pixel and text keeps its size on a phone, where the chart shows fewer axis labels
//! and wraps its legend instead of shrinking everything to a few pixels. Every axis
//! comes from `blockvote_present::axis`: a bounded number of nice ticks, whatever the
//! range, so no number a member types or imports makes a chart draw in proportion to
//! it.
//!
//! A chart's `<svg>` is a group named by its `aria-label`, the text of its `<title>`:
//! Chromium reads an `aria-labelledby` that points at an SVG `<title>` as no name, and
//! then names the focused chart from everything in it, 2,500 characters of ticks and
//! marks (audit 28).

pub mod bars;
pub mod bridge;
pub mod columns;
pub mod histogram;
pub mod lines;
pub mod tornado;

use crate::components::each::each_index;
use crate::components::effect::effect;
use crate::components::memo::memo;
use blockvote_present::axis::Axis;
use blockvote_present::format::decimals;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::js_sys;

/// The font size of chart text, in px (`svg.chart` in the stylesheet).
pub const FONT: f64 = 11.0;

/// Room along the axis a label rotated by 45° needs so that it does not touch the
/// next one: its neighbour's baseline lies `slot × sin 45°` away, which must clear a
/// line of text (a Chinese quarter's label is a full em high) and a little space.
pub const ROTATED_FOOTPRINT: f64 = FONT * 1.7;

/// The narrowest layout a chart draws (a 320 px phone's page, less its padding).
const NARROWEST: f64 = 260.0;

/// The widest layout a chart draws; a wider page shows it scaled up.
const WIDEST: f64 = 1200.0;

/// The width a chart's SVG is drawn at, in CSS pixels, so the chart is laid out at
/// 1:1. Until it is measured (or while it is hidden, e.g. in a closed `<details>`),
/// `fallback`.
///
/// A `ResizeObserver` measures it: the browser reports the size after its own layout,
/// so drawing a chart never forces a layout of the page (reading the size at mount,
/// chart after chart, cost some 50 ms at start-up), and it also reports a closed
/// `<details>` opening and the window resizing.
pub fn use_chart_width(node: NodeRef<leptos::svg::Svg>, fallback: f64) -> Signal<f64> {
    let width = RwSignal::new(fallback);
    let take = move |measured: f64| {
        if measured.is_finite() && measured >= 1.0 {
            let measured = measured.round().clamp(NARROWEST, WIDEST);
            if (measured - width.get_untracked()).abs() >= 1.0 {
                width.set(measured);
            }
        }
    };
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // One element is observed; the last entry is its newest size.
        let newest =
            entries.iter().filter_map(|entry| entry.dyn_into::<web_sys::ResizeObserverEntry>().ok()).next_back();
        if let Some(entry) = newest {
            take(entry.content_rect().width());
        }
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    let kept = StoredValue::new_local(observer.map(|observer| (observer, on_resize)));
    effect(move |_| {
        let Some(svg) = node.get() else { return };
        let observed = kept.with_value(|kept| kept.as_ref().map(|(observer, _)| observer.observe(&svg)).is_some());
        if !observed {
            // A browser without ResizeObserver: measured once, as mounted.
            take(svg.get_bounding_client_rect().width());
        }
    });
    on_cleanup(move || {
        if let Some((observer, _)) = kept.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    });
    width.into()
}

/// The decimals of the coordinates and lengths a chart writes: a hundredth of a CSS
/// pixel, finer than any screen draws.
const PLACES: u32 = 2;

/// A coordinate or length as an attribute's text (`12.35`), with [`PLACES`] decimals.
/// Every number a chart writes goes through it (or through [`view_box`]), and so
/// through `format::decimals`: an `f64` given to Leptos as it is would be written with
/// `{}`, which brings the standard library's float formatting back into the wasm.
pub fn px(value: f64) -> String {
    decimals(value, PLACES)
}

/// A chart's `viewBox`, from the origin to `width` by `height`, in whole px (the width
/// is whole already: see [`use_chart_width`]).
pub fn view_box(width: f64, height: f64) -> String {
    format!("0 0 {} {}", decimals(width, 0), decimals(height, 0))
}

/// The height of a line of legend text, in px.
pub const LINE: f64 = 13.0;

/// A legend item's name, one `<tspan>` per line, its first baseline at `y`.
pub fn legend_text(x: f64, y: f64, lines: Vec<String>) -> impl IntoView {
    let x = px(x);
    view! {
        <text x=x.clone() y=px(y)>
            {lines
                .into_iter()
                .enumerate()
                .map(|(index, line)| {
                    view! {
                        <tspan x=x.clone() dy=px(if index == 0 { 0.0 } else { LINE })>
                            {line}
                        </tspan>
                    }
                })
                .collect_view()}
        </text>
    }
}

/// One horizontal grid line of a value axis and its label, laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct GridLine {
    left: f64,
    right: f64,
    at: f64,
    label: String,
}

/// The grid lines of `axis` across a plot from `left` to `right` whose top is `top`
/// and which is `height` high.
pub fn grid_lines(axis: &Axis, left: f64, right: f64, top: f64, height: f64) -> Vec<GridLine> {
    axis.ticks
        .iter()
        .map(|tick| GridLine {
            left,
            right,
            at: top + height * (1.0 - axis.share(tick.value)),
            label: tick.label.clone(),
        })
        .collect()
}

/// The grid lines and their labels, drawn again only when they change.
#[component]
pub fn Grid(lines: Memo<Vec<GridLine>>) -> impl IntoView {
    move || {
        lines
            .get()
            .into_iter()
            .map(|GridLine { left, right, at, label }| {
                view! {
                    <g class="grid">
                        <line x1=px(left) x2=px(right) y1=px(at) y2=px(at) stroke="var(--line)" stroke-width="1"></line>
                        <text x=px(left - 6.0) y=px(at + 4.0) text-anchor="end">
                            {label}
                        </text>
                    </g>
                }
            })
            .collect_view()
    }
}

/// One vertical grid line of a horizontal chart's value axis (bars, tornado, bridge),
/// from `top` to `bottom`, labelled under the plot.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueLine {
    x: f64,
    top: f64,
    bottom: f64,
    label: String,
}

/// The vertical grid lines of `axis`, each at `x(value)`, from `top` to `bottom`.
pub fn value_lines(axis: &Axis, x: impl Fn(f64) -> f64, top: f64, bottom: f64) -> Vec<ValueLine> {
    axis.ticks.iter().map(|tick| ValueLine { x: x(tick.value), top, bottom, label: tick.label.clone() }).collect()
}

/// The vertical grid lines and their labels (16 px under the plot). Each line keeps its
/// elements while the axis changes and writes only the coordinates and the label that
/// moved: drawing them as a fresh list rewrote every line's fixed attributes (class,
/// stroke, anchor) whenever the scale changed.
#[component]
pub fn ValueGrid(lines: Memo<Vec<ValueLine>>) -> impl IntoView {
    let count = memo(move |_| lines.with(Vec::len));
    each_index(count, move |index| view! { <GridLine lines=lines index=index /> }.into_any())
}

/// A reader of one field of a mark's drawing (a bar, a grid line), for an attribute or
/// a text. Taking the field as a function pointer keeps one closure type per mark and
/// field type, not one per field, so a mark's many fine-grained bindings add little code.
pub fn field<S: Send + Sync + 'static, T: 'static>(
    drawing: Memo<Option<S>>,
    pick: fn(&S) -> T,
) -> impl Fn() -> Option<T> + Copy {
    move || drawing.with(|d| d.as_ref().map(pick))
}

/// The grid line at `index` of `lines`, following it.
#[component]
fn GridLine(lines: Memo<Vec<ValueLine>>, index: usize) -> impl IntoView {
    let line = memo(move |_| lines.with(|lines| lines.get(index).cloned()));
    let x = field(line, |l| px(l.x));
    let top = field(line, |l| px(l.top));
    let bottom = field(line, |l| px(l.bottom));
    let label_y = field(line, |l| px(l.bottom + 16.0));
    let label = field(line, |l| l.label.clone());
    view! {
        <g class="grid" aria-hidden="true">
            <line x1=x x2=x y1=top y2=bottom stroke="var(--line)" stroke-width="1"></line>
            <text class="value" x=x y=label_y text-anchor="middle">
                {label}
            </text>
        </g>
    }
}

/// The hatch that tells new projects (or a low setting) from the solid series in black
/// and white: light fill, dark diagonal lines. Referred to as `url(#id)`.
#[component]
pub fn Hatch(#[prop(into)] id: String) -> impl IntoView {
    view! {
        <pattern id=id patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
            <rect width="5" height="5" fill="var(--series-b)"></rect>
            <line x1="0" y1="0" x2="0" y2="5" stroke="var(--ink)" stroke-width="1.5"></line>
        </pattern>
    }
}

/// A chart is one Tab stop: the chart itself (a labelled group), from which the arrow
/// keys, Home and End move between its marks (each `.mark`, focusable only from
/// there, `tabindex="-1"`). A chart of 34 points was 34 Tab stops on the way to the
/// next field. What the mark focused says is written under the chart
/// ([`MarkReadout`]), so a member on a phone, who has no pointer to hover with, reads
/// a point by tapping it.
pub fn step_between_marks(event: web_sys::KeyboardEvent) {
    let key = event.key();
    if !matches!(key.as_str(), "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" | "Home" | "End") {
        return;
    }
    let element = |target: Option<web_sys::EventTarget>| target.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let (Some(focused), Some(chart)) = (element(event.target()), element(event.current_target())) else { return };
    let Ok(marks) = chart.query_selector_all(".mark") else { return };
    let Some(last) = marks.length().checked_sub(1) else { return };
    let at = (0..=last).find(|&i| marks.get(i).is_some_and(|mark| mark.is_same_node(Some(&focused))));
    let next = match (key.as_str(), at) {
        // From the chart itself, forward goes to its first mark and back to its last.
        ("Home", _) | ("ArrowRight" | "ArrowDown", None) => 0,
        ("ArrowRight" | "ArrowDown", Some(at)) => at.saturating_add(1).min(last),
        ("ArrowLeft" | "ArrowUp", Some(at)) => at.saturating_sub(1),
        _ => last,
    };
    if let Some(mark) = marks.get(next).and_then(|node| node.dyn_into::<web_sys::SvgElement>().ok()) {
        event.prevent_default();
        let _ = mark.focus();
    }
}

/// Keeps `readout` on what the chart's focused mark says (its `aria-label`), for
/// [`MarkReadout`]: a `focusin` handler for the chart.
pub fn read_focused_mark(readout: RwSignal<Option<String>>) -> impl Fn(web_sys::FocusEvent) + Copy {
    move |event| {
        let mark = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|target| target.closest(".mark").ok().flatten());
        if let Some(said) = mark.and_then(|mark| mark.get_attribute("aria-label")) {
            readout.set(Some(said));
        }
    }
}

/// The line under a chart that shows what its focused mark says, or how to read one.
/// Hidden from screen readers, which read the mark itself as it takes focus.
#[component]
pub fn MarkReadout(readout: RwSignal<Option<String>>) -> impl IntoView {
    let state = crate::state::use_app_state();
    // Until a mark is focused or tapped, how to read one.
    let shown = move || {
        readout.get().unwrap_or_else(|| blockvote_present::words::CHART_READOUT_HINT.get(state.lang.get()).to_string())
    };
    view! {
        <p class="chart-readout" aria-hidden="true" class:hint=move || readout.with(Option::is_none)>
            {shown}
        </p>
    }
}
