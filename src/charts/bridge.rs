//! The bridge ("where the change comes from") as an accessible SVG waterfall, with
//! its words and its table: `blockvote_present::bridge`'s bars drawn, one row per
//! bar. The paper's figure and the scenario's are levels (a thick mark at their
//! value, no bar from an axis that does not start at zero); every step is a bar from
//! the running total before it to the one after it, its amount printed beside it,
//! and a dashed connector joins each bar's end to the next bar's start.
//!
//! The bridge is worked out only when the scenario changes ([`BridgeChart`] keeps a
//! memo over the scenario, compared with `PartialEq`), with the app's one prepared
//! engine; a change of language only rewords it.
//!
//! Accessibility: the `<svg>` is `role="img"`, named by its `<title>` and described by
//! its `<desc>` (from where to where, by how much); the same figures are in the table
//! beneath it, with their provenance marks. Laid out at the width the page gives it
//! (see `charts/mod.rs`): on a narrow screen each bar's name goes on its own line
//! above the bar. Printing: up and down bars differ by pattern as well as colour.
//!
//! Stable hooks: the container `data-testid={testid}` (default `bridge`), each bar's
//! amount `{testid}-step-<key>` (`calibration`, `spend_profile`, `cost_change`,
//! `slippage`, `group_edits`, `project_edits`, `cap`, `ongoing`) and the whole change
//! `{testid}-total`: `bridge-step-cost_change` and `bridge-total` by default.

use super::{field, px, use_chart_width, value_lines, view_box, Hatch, ValueGrid, FONT};
use crate::components::download_button::{DownloadButton, DownloadFile};
use crate::components::each::each_key;
use crate::components::effect::effect;
use crate::components::marks::{not_drawn, FigureText};
use crate::components::memo::memo;
use crate::components::table_scroll::TableScroll;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::engine::Scenario;
use blockvote_present::axis::{label_width, ticks_for_length, Axis};
use blockvote_present::bridge::{
    compute, csv, view, BridgeBar, BridgeView, Direction, EXPORT, EXPORT_FAILED, FILE, RECALCULATING, UNAVAILABLE,
};
use blockvote_present::charts::wrap_label_within;
use blockvote_present::lang::Lang;
use blockvote_present::screens::scenarios::files::{spreadsheet_text, CSV_TYPE};
use leptos::prelude::*;

const TOP: f64 = 8.0;
const ROW_HEIGHT: f64 = 28.0;
const BAR_HEIGHT: f64 = 16.0;
const AXIS_HEIGHT: f64 = 24.0;
const RIGHT: f64 = 12.0;
/// Room for a printed amount beyond the end of a bar.
const VALUE_ROOM: f64 = 56.0;
/// Below this width a bar's name goes on its own line above it.
const NARROW: f64 = 600.0;
/// The height of a bar's name line on a narrow screen.
const NAME_LINE: f64 = 15.0;
/// The most lines a bar's name takes on a narrow screen: a name longer than one line
/// ("Model calibration (baseline less the paper)") was cut to its first.
const NAME_LINES: usize = 2;

/// Everything the geometry depends on, worked out once per width and data.
#[derive(Clone, PartialEq)]
struct Layout {
    width: f64,
    narrow: bool,
    left: f64,
    right: f64,
    row_height: f64,
    /// The lines every bar's name has room for above its bar (narrow screens).
    name_lines: usize,
    axis: Axis,
}

impl Layout {
    fn new(width: f64, shown: &BridgeView) -> Layout {
        let narrow = width < NARROW;
        let labels = shown.bars.iter().map(|bar| label_width(&bar.label, FONT)).fold(0.0, f64::max);
        let left = if narrow { 24.0 } else { (labels + 16.0).min(width * 0.42) };
        let right = (width - RIGHT - VALUE_ROOM).max(left + 40.0);
        let axis = shown.axis(ticks_for_length(right - left, 80.0));
        let name_lines = if narrow {
            let lines = |bar: &BridgeBar| wrap_label_within(&bar.label, width - 8.0, FONT, NAME_LINES).len();
            shown.bars.iter().map(lines).max().unwrap_or(1).max(1)
        } else {
            1
        };
        let row_height = if narrow { ROW_HEIGHT + NAME_LINE * name_lines as f64 } else { ROW_HEIGHT };
        Layout { width, narrow, left, right, row_height, name_lines, axis }
    }

    fn x(&self, value: f64) -> f64 {
        self.left + (self.right - self.left) * self.axis.share(value)
    }

    /// The top of row `index`'s bar.
    fn bar_top(&self, index: usize) -> f64 {
        let row = TOP + index as f64 * self.row_height;
        if self.narrow {
            // Clear of the last name line's descenders.
            row + NAME_LINE * self.name_lines as f64 + 3.0
        } else {
            row + (ROW_HEIGHT - BAR_HEIGHT) / 2.0
        }
    }

    fn height(&self, rows: usize) -> f64 {
        TOP + rows.max(1) as f64 * self.row_height + AXIS_HEIGHT
    }
}

/// The bridge of `scenario`: its words, the waterfall, the whole change and the
/// table. `id` must be unique on the page (it names the chart's title, description
/// and patterns); `testid` names the container.
/// How long the bridge waits after the scenario changes before working out the shares.
const BRIDGE_PAUSE: std::time::Duration = std::time::Duration::from_millis(200);

#[component]
pub fn BridgeChart(
    #[prop(into)] id: String,
    /// The scenario whose bridge is drawn (the one being edited, a saved one …).
    #[prop(into)]
    scenario: Signal<Scenario>,
    #[prop(optional, into)] testid: Option<String>,
    /// Shows the table open; otherwise it is a closed `<details>` (which does not
    /// print: the chart prints every amount).
    #[prop(optional)]
    table_open: bool,
    /// The language to draw it in when it is not the app's (the presenter view shows
    /// both languages side by side).
    #[prop(optional, into)]
    lang: Option<Signal<Lang>>,
) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let data = state.data();
    let lang: Signal<Lang> = lang.unwrap_or_else(|| Signal::derive(move || state.lang.get()));
    let scenario = memo(move |_| scenario.get());
    // The Shapley shares take one projection per set of the lever groups the scenario
    // moves: two for a cost change alone, up to 128 (a few hundred ms with a cap that
    // defers many projects). They are worked out once the member pauses, so typing in
    // a lever stays quick; meanwhile the bars are marked as the last scenario's.
    let settled = RwSignal::new(scenario.get_untracked());
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let cancel_pending = move || {
        if let Some(timer) = pending.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    };
    effect(move |first_run: bool| {
        let next = scenario.get();
        if first_run {
            return;
        }
        cancel_pending();
        let timer = set_timeout_with_handle(
            move || {
                settled.try_set(next);
            },
            BRIDGE_PAUSE,
        )
        .ok();
        pending.set_value(timer);
    });
    on_cleanup(cancel_pending);
    let stale = memo(move |_| scenario.with(|now| settled.with(|done| now != done)));
    let exact_data = data.clone();
    let exact = memo(move |_| {
        let scenario = settled.get();
        whatif.engine.with_value(|engine| {
            let engine = engine.as_ref().ok()?;
            compute(engine, &exact_data, &scenario)
        })
    });
    let shown = memo(move |_| {
        let lang = lang.get();
        exact.with(|exact| exact.as_ref().and_then(|r| r.as_ref().ok()).and_then(|b| view(b, &data, lang)))
    });
    let refused = memo(move |_| exact.with(|exact| matches!(exact, Some(Err(_)))));
    // The chart is built once there is a bridge and kept while there is one: its parts
    // follow `shown` themselves, so a new bridge rewrites only what changed (reading
    // `shown` here rebuilt the whole chart and its table each time it settled).
    let has_bridge = memo(move |_| shown.with(Option::is_some));
    let testid = testid.unwrap_or_else(|| "bridge".to_string());
    let hooks = testid.clone();
    view! {
        <div
            class="bridge"
            class:stale=move || stale.get()
            aria-busy=move || stale.get().to_string()
            data-testid=testid
        >
            <p class="note bridge-status" role="status">
                {move || {
                    if refused.get() {
                        UNAVAILABLE.get(lang.get())
                    } else if stale.get() {
                        RECALCULATING.get(lang.get())
                    } else {
                        ""
                    }
                }}
            </p>
            {move || {
                has_bridge
                    .get()
                    .then(|| {
                        view! {
                            <Shown id=id.clone() shown=shown table_open=table_open lang=lang hooks=hooks.clone() />
                        }
                    })
            }}
        </div>
    }
}

/// The bridge once there is one to show.
#[component]
fn Shown(
    id: String,
    shown: Memo<Option<BridgeView>>,
    table_open: bool,
    lang: Signal<Lang>,
    /// The container's test id, which the total's and each bar's test ids start with.
    hooks: String,
) -> impl IntoView {
    let text = move |pick: fn(&BridgeView) -> String| move || shown.with(|s| s.as_ref().map(pick)).unwrap_or_default();
    let total = Signal::derive(move || shown.with(|s| s.as_ref().map(|s| s.total.clone())).unwrap_or_else(not_drawn));
    view! {
        <p class="note bridge-rule">{text(|s| s.rule.clone())}</p>
        <Waterfall id=id shown=shown lang=lang hooks=hooks.clone() />
        <p class="bridge-total">
            {text(|s| s.total_label.clone())} <FigureText figure=total testid=format!("{hooks}-total") lang=lang />
        </p>
        <p class="note">{text(|s| s.notes.clone())}</p>
        <BridgeTable shown=shown open=table_open lang=lang hooks=hooks />
    }
}

/// The SVG waterfall.
#[component]
fn Waterfall(id: String, shown: Memo<Option<BridgeView>>, lang: Signal<Lang>, hooks: String) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let hatch_id = format!("{id}-down");
    let hatch = format!("url(#{hatch_id})");
    let node = NodeRef::<leptos::svg::Svg>::new();
    let width = use_chart_width(node, 900.0);
    let layout = memo(move |_| {
        let width = width.get();
        shown.with(|s| s.as_ref().map(|s| Layout::new(width, s)))
    });
    let rows = memo(move |_| shown.with(|s| s.as_ref().map_or(0, |s| s.bars.len())));
    let height = move || layout.with(|l| l.as_ref().map_or(0.0, |l| l.height(rows.get())));
    let keys = memo(move |_| {
        shown.with(|s| s.as_ref().map(|s| s.bars.iter().map(|b| b.key).collect::<Vec<_>>()).unwrap_or_default())
    });
    let ticks = memo(move |_| {
        let Some(layout) = layout.get() else { return Vec::new() };
        value_lines(&layout.axis, |value| layout.x(value), TOP, layout.height(rows.get()) - AXIS_HEIGHT)
    });
    view! {
        <svg
            class="chart bridge-chart"
            role="img"
            aria-label=move || shown.with(|s| s.as_ref().map(|s| s.title.clone()))
            aria-describedby=desc_id.clone()
            node_ref=node
            viewBox=move || view_box(layout.with(|l| l.as_ref().map_or(900.0, |l| l.width)), height())
            width="100%"
        >
            <title id=title_id.clone()>{move || shown.with(|s| s.as_ref().map(|s| s.title.clone()))}</title>
            <desc id=desc_id.clone()>{move || shown.with(|s| s.as_ref().map(|s| s.description.clone()))}</desc>
            <defs>
                <Hatch id=hatch_id.clone() />
            </defs>
            <ValueGrid lines=ticks />
            {each_key(
                move || keys.get(),
                move |key| {
                    view! {
                        <BarRow key=key shown=shown layout=layout hatch=hatch.clone() lang=lang hooks=hooks.clone() />
                    }
                        .into_any()
                },
            )}
        </svg>
    }
}

/// One bar's row as drawn: every attribute and text of its `<g>`, plain data compared
/// as a whole, so that a redraw (the bridge settling after a pause, a new width, a
/// change of language) writes only the attributes whose values changed. Drawing the row
/// from one closure instead rebuilt every element of every bar, which rewrote about 280
/// attributes with the values they already had each time the bridge settled.
#[derive(Clone, PartialEq)]
struct BarDrawing {
    class: String,
    description: String,
    name: String,
    /// The name's second line on a narrow screen, empty when it has one.
    name_more: String,
    name_x: f64,
    name_y: f64,
    anchor: &'static str,
    rect_x: f64,
    top: f64,
    rect_width: f64,
    fill: String,
    value_x: f64,
    value_y: f64,
    amount: String,
    /// The dashed line down to the next bar's start: its x and its two ends' y.
    connector: Option<(f64, f64, f64)>,
}

impl BarDrawing {
    fn new(layout: &Layout, index: usize, bar: &BridgeBar, has_next: bool, hatch: &str, lang: Lang) -> BarDrawing {
        let top = layout.bar_top(index);
        let (x0, x1) = (layout.x(bar.start.to_f64_for_geometry()), layout.x(bar.end.to_f64_for_geometry()));
        let (left, right) = (x0.min(x1), x0.max(x1));
        let fill = match bar.direction {
            Direction::Down => hatch.to_string(),
            Direction::Up => "var(--series-a)".to_string(),
            Direction::Level => "var(--ink)".to_string(),
            Direction::Flat => "var(--line)".to_string(),
        };
        let (rect_x, rect_width) =
            if bar.direction == Direction::Level { (left - 2.0, 4.0) } else { (left, (right - left).max(1.5)) };
        let (name, name_more) = if layout.narrow {
            // What does not fit two lines stays on the second, which the chart's width
            // then cuts, rather than being dropped.
            let mut lines = wrap_label_within(&bar.label, layout.width - 8.0, FONT, NAME_LINES).into_iter();
            (lines.next().unwrap_or_default(), lines.next().unwrap_or_default())
        } else {
            (bar.label.clone(), String::new())
        };
        // On a narrow screen the name's last line sits just above its bar.
        let (name_x, name_y, anchor) = if layout.narrow {
            let above = if name_more.is_empty() { 0.0 } else { NAME_LINE };
            (4.0, top - 6.0 - above, "start")
        } else {
            (layout.left - 8.0, top + BAR_HEIGHT - 4.0, "end")
        };
        BarDrawing {
            class: format!("mark bridge-bar {}", bar.direction.class()),
            description: bar.description.clone(),
            name,
            name_more,
            name_x,
            name_y,
            anchor,
            rect_x,
            top,
            rect_width,
            fill,
            value_x: right + 5.0,
            value_y: top + BAR_HEIGHT - 4.0,
            amount: bar.change.as_ref().unwrap_or(&bar.running).text(lang),
            connector: has_next.then(|| (x1, top + BAR_HEIGHT, layout.bar_top(index + 1))),
        }
    }
}

/// One bar's row, following its own bar in `shown` by its key.
#[component]
fn BarRow(
    key: &'static str,
    shown: Memo<Option<BridgeView>>,
    layout: Memo<Option<Layout>>,
    hatch: String,
    lang: Signal<Lang>,
    hooks: String,
) -> impl IntoView {
    let drawing = memo(move |_| {
        let lang = lang.get();
        let placed = shown.with(|s| {
            let s = s.as_ref()?;
            let index = s.bars.iter().position(|bar| bar.key == key)?;
            let bar = s.bars.get(index)?.clone();
            Some((index, bar, index + 1 < s.bars.len()))
        });
        let (index, bar, has_next) = placed?;
        layout.with(|layout| Some(BarDrawing::new(layout.as_ref()?, index, &bar, has_next, &hatch, lang)))
    });
    let connector = memo(move |_| drawing.with(|d| d.as_ref().and_then(|d| d.connector)));
    let has_connector = memo(move |_| connector.with(Option::is_some));
    let testid = (key != "paper" && key != "scenario").then(|| format!("{hooks}-step-{key}"));
    view! {
        <g class=field(drawing, |d| d.class.clone())>
            <title>{field(drawing, |d| d.description.clone())}</title>
            <text
                class="bridge-name"
                x=field(drawing, |d| px(d.name_x))
                y=field(drawing, |d| px(d.name_y))
                text-anchor=field(drawing, |d| d.anchor)
            >
                {field(drawing, |d| d.name.clone())}
            </text>
            <text class="bridge-name" x=field(drawing, |d| px(d.name_x)) y=field(drawing, |d| px(d.name_y + NAME_LINE))>
                {field(drawing, |d| d.name_more.clone())}
            </text>
            <rect
                x=field(drawing, |d| px(d.rect_x))
                y=field(drawing, |d| px(d.top))
                width=field(drawing, |d| px(d.rect_width))
                height=px(BAR_HEIGHT)
                fill=field(drawing, |d| d.fill.clone())
                stroke="var(--ink)"
                stroke-width="1"
            ></rect>
            <text
                class="value"
                x=field(drawing, |d| px(d.value_x))
                y=field(drawing, |d| px(d.value_y))
                data-testid=testid
            >
                {field(drawing, |d| d.amount.clone())}
            </text>
            // Drawn while there is a next bar; its ends follow the bars without the line
            // being made again.
            {move || {
                has_connector
                    .get()
                    .then(|| {
                        view! {
                            <line
                                class="bridge-connector"
                                x1=field(connector, |c| px(c.0))
                                x2=field(connector, |c| px(c.0))
                                y1=field(connector, |c| px(c.1))
                                y2=field(connector, |c| px(c.2))
                                stroke="var(--ink)"
                                stroke-width="1"
                                stroke-dasharray="2 2"
                            ></line>
                        }
                    })
            }}
        </g>
    }
}

/// The same figures as a table, each with its provenance mark.
#[component]
fn BridgeTable(shown: Memo<Option<BridgeView>>, open: bool, lang: Signal<Lang>, hooks: String) -> impl IntoView {
    // The CSV holds what the table shows, in the language it is shown in.
    let file = move || {
        shown.with_untracked(|s| {
            s.as_ref().map(|s| DownloadFile {
                name: FILE,
                mime: CSV_TYPE,
                text: spreadsheet_text(&csv(s, lang.get_untracked())),
            })
        })
    };
    let caption = Signal::derive(move || shown.with(|s| s.as_ref().map(|s| s.caption.clone())).unwrap_or_default());
    let heading = move |index: usize| {
        move || shown.with(|s| s.as_ref().and_then(|s| s.headings.get(index).cloned())).unwrap_or_default()
    };
    let keys = memo(move |_| {
        shown.with(|s| s.as_ref().map(|s| s.bars.iter().map(|b| b.key).collect::<Vec<_>>()).unwrap_or_default())
    });
    let row = move |key: &'static str| {
        let bar = memo(move |_| shown.with(|s| s.as_ref().and_then(|s| s.bars.iter().find(|b| b.key == key).cloned())));
        let change = memo(move |_| bar.with(|b| b.as_ref().and_then(|b| b.change.clone())));
        // The two levels have no change; every other row keeps its figure's elements
        // and only rewrites what changed when the bridge settles.
        let has_change = memo(move |_| change.with(Option::is_some));
        let running =
            Signal::derive(move || bar.with(|b| b.as_ref().map(|b| b.running.clone())).unwrap_or_else(not_drawn));
        view! {
            <tr>
                <th scope="row">{move || bar.with(|b| b.as_ref().map(|b| b.label.clone()))}</th>
                <td class="num">
                    {move || {
                        has_change
                            .get()
                            .then(|| {
                                let figure = Signal::derive(move || change.get().unwrap_or_else(not_drawn));
                                view! { <FigureText figure=figure lang=lang /> }
                            })
                    }}
                </td>
                <td class="num">
                    <FigureText figure=running lang=lang />
                </td>
            </tr>
        }
    };
    view! {
        <details class="bridge-table" open=open>
            <summary>{caption}</summary>
            <TableScroll label=caption>
                <table class="data compact">
                    <caption class="visually-hidden">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{heading(0)}</th>
                            <th scope="col" class="num">
                                {heading(1)}
                            </th>
                            <th scope="col" class="num">
                                {heading(2)}
                            </th>
                        </tr>
                    </thead>
                    <tbody>{each_key(move || keys.get(), move |key| row(key).into_any())}</tbody>
                </table>
            </TableScroll>
            <DownloadButton
                testid=format!("{hooks}-export")
                label=EXPORT
                refused=EXPORT_FAILED
                file=file
                class="actions"
                lang=lang
            />
        </details>
    }
}
