//! Slippage and risk: para 5's record (141 of 210 projects on time, 69 late) applied
//! to the 2018-19 projects in three ways.
//!
//! 1. **Expected-value slippage** (the scenario's `slippage` lever): a share of every
//!    project's cash moves later; the 2018-19 figures update as the user types.
//! 2. **Monte Carlo**: lateness drawn project by project, run in chunks from
//!    `setTimeout(0)` callbacks (each chunk sized to about 6 ms of work) so the page
//!    stays responsive; the result is stamped with its seed and run count and marked
//!    stale when the scenario or the settings change after it.
//! 3. **Sensitivity**: a two-way table (on-time rate × delay → 2018-19 total) and a
//!    tornado of the levers that move 2018-19 most, both from the engine's
//!    deterministic tools, recomputed as the scenario changes.

use crate::charts::columns::QuarterlyColumns;
use crate::charts::tornado::Tornado;
use crate::components::fields::NumberField;
use crate::components::legacy_marks::{Derived, Source};
use crate::state::use_app_state;
use crate::whatif::{use_whatif, WhatIf};
use blockvote_model::engine::monte_carlo::{MAX_DELAY_QUARTERS, MAX_OVERRUN_PCT};
use blockvote_model::engine::{
    default_tornado, para5_late_share, tornado, two_way, Engine, Lever, MonteCarlo, MonteCarloSettings,
    MonteCarloSummary, OverrunSettings, Scenario, Slippage, YearTotals, MAX_SHIFT_QUARTERS,
};
use blockvote_model::money::format_decimal;
use blockvote_model::quarter::{FiscalQuarter, FiscalYear};
use blockvote_model::Money;
use blockvote_present::charts::TornadoRow;
use blockvote_present::charts::{Column, QuarterColumns};
use blockvote_present::fields::{int_in, runs_in, seed_in, share_in, write_share, FieldError, FieldSpec};
use blockvote_present::format::{
    count, millions, percent, quarter_axis, quarter_text, seconds, share_percent, year_text,
};
use blockvote_present::lang::{l, Label, Lang};
use blockvote_present::words::UNIT_QUARTERS;
use blockvote_present::words::{lever_label, lever_value};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

// ---------------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------------

/// The on-time rate of para 5: 141 / 210, exactly one minus the engine's late share.
pub fn para5_on_time_rate() -> Decimal {
    Decimal::ONE - para5_late_share()
}

fn format_u32(value: &u32) -> String {
    value.to_string()
}

fn format_u64(value: &u64) -> String {
    value.to_string()
}

/// The scenario as the simulation and the two-way table see it: both set slippage
/// themselves, so the scenario's own slippage lever does not change their results.
pub fn without_slippage_levers(scenario: &Scenario) -> Scenario {
    let mut copy = scenario.clone();
    copy.slippage = Slippage::default();
    copy
}

/// The on-time rates of the sensitivity table; the third is para 5's.
pub fn sensitivity_rates() -> Vec<Decimal> {
    vec![
        Decimal::new(5, 1),
        Decimal::new(6, 1),
        para5_on_time_rate(),
        Decimal::new(8, 1),
        Decimal::new(9, 1),
        Decimal::ONE,
    ]
}

/// The delays of the sensitivity table, in quarters.
pub fn sensitivity_delays() -> Vec<Decimal> {
    (1..=4).map(Decimal::from).collect()
}

/// A legend name for the quarterly chart, whose legend spaces items by about 7 px a
/// character: Chinese characters are twice as wide, so Chinese names get trailing
/// spaces (which SVG does not draw) to make room.
fn legend_name(label: Label, lang: Lang) -> String {
    let text = label.get(lang);
    match lang {
        Lang::En => text.to_string(),
        Lang::Zh => format!("{text}{}", " ".repeat(text.chars().count())),
    }
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

fn engine_of(whatif: &WhatIf) -> Option<Arc<Engine>> {
    whatif.engine.try_with_value(|e| e.as_ref().ok().cloned()).flatten()
}

// ---------------------------------------------------------------------------------
// Monte Carlo state
// ---------------------------------------------------------------------------------

/// A finished simulation and what produced it.
#[derive(Clone, Debug, PartialEq)]
pub struct McResult {
    pub summary: Arc<MonteCarloSummary>,
    pub settings: MonteCarloSettings,
    /// The scenario simulated, without its slippage levers (see
    /// [`without_slippage_levers`]).
    pub scenario: Scenario,
    /// Wall-clock time from preparation to summary, in ms.
    pub elapsed_ms: f64,
    /// Which run this was: a number that grows with every run started in this visit.
    pub run: u64,
    /// The longest single chunk (runs or summary), in ms: what the page waited at most.
    pub longest_chunk_ms: f64,
}

#[derive(Clone, Debug, PartialEq)]
enum McStatus {
    Idle,
    Running,
    Cancelled { done: u32, total: u32 },
    Failed(String),
}

/// The simulation being run, between chunks.
struct Running {
    simulation: MonteCarlo,
    generation: u64,
    /// Runs per chunk, adapted after every chunk to about [`CHUNK_TARGET_MS`].
    chunk: u32,
    started: f64,
    longest_chunk_ms: f64,
    settings: MonteCarloSettings,
    scenario: Scenario,
}

/// The work one chunk should take, well inside a 16 ms frame.
const CHUNK_TARGET_MS: f64 = 6.0;
const FIRST_CHUNK: u32 = 200;
const MIN_CHUNK: u32 = 10;
const MAX_CHUNK: u32 = 20_000;

enum Tick {
    Continue(u32, u32),
    Finished(Box<McResult>),
    Stop,
}

#[derive(Clone, Copy)]
struct McHandles {
    running: StoredValue<Option<Running>>,
    status: RwSignal<McStatus>,
    progress: RwSignal<(u32, u32)>,
    result: RwSignal<Option<McResult>>,
    previous: RwSignal<Option<McResult>>,
}

fn schedule(handles: McHandles, generation: u64) {
    set_timeout(move || tick(handles, generation), Duration::ZERO);
}

/// One chunk of runs, or, once every run is done, the summary (a chunk of its own).
/// Stops quietly when the run was cancelled, replaced, or the screen was left (its
/// stored value is then disposed).
fn tick(handles: McHandles, generation: u64) {
    let outcome = handles
        .running
        .try_update_value(|slot| {
            let Some(running) = slot.as_mut() else { return Tick::Stop };
            if running.generation != generation || current_run() != generation {
                return Tick::Stop;
            }
            if !running.simulation.is_done() {
                let start = now_ms();
                let ran = running.simulation.step(running.chunk);
                let elapsed = now_ms() - start;
                running.chunk = if elapsed < 1.0 {
                    running.chunk.saturating_mul(2)
                } else {
                    let per_run = elapsed / f64::from(ran.max(1));
                    (CHUNK_TARGET_MS / per_run) as u32
                }
                .clamp(MIN_CHUNK, MAX_CHUNK);
                running.longest_chunk_ms = running.longest_chunk_ms.max(elapsed);
                let (done, total) = running.simulation.progress();
                return Tick::Continue(done, total);
            }
            let start = now_ms();
            let summary = Arc::new(running.simulation.summary());
            let summary_ms = now_ms() - start;
            match slot.take() {
                Some(finished) => Tick::Finished(Box::new(McResult {
                    summary,
                    settings: finished.settings,
                    scenario: finished.scenario,
                    elapsed_ms: now_ms() - finished.started,
                    run: finished.generation,
                    longest_chunk_ms: finished.longest_chunk_ms.max(summary_ms),
                })),
                None => Tick::Stop,
            }
        })
        .unwrap_or(Tick::Stop);
    match outcome {
        Tick::Continue(done, total) => {
            handles.progress.try_set((done, total));
            schedule(handles, generation);
        }
        Tick::Finished(result) => {
            let before = handles.result.try_get_untracked().flatten();
            handles.previous.try_set(before);
            handles.result.try_set(Some(*result));
            handles.status.try_set(McStatus::Idle);
        }
        Tick::Stop => {}
    }
}

/// What the screen keeps when the user goes to another screen and comes back: the
/// settings and the last results (a run in progress is cancelled by leaving).
#[derive(Clone)]
struct Saved {
    base: MonteCarloSettings,
    overrun_on: bool,
    overrun: OverrunSettings,
    result: Option<McResult>,
    previous: Option<McResult>,
}

thread_local! {
    static SAVED: RefCell<Option<Saved>> = const { RefCell::new(None) };
    /// Numbers the runs (and tells a chunk of a cancelled or replaced run to stop).
    static RUN_COUNTER: Cell<u64> = const { Cell::new(0) };
}

fn next_run() -> u64 {
    RUN_COUNTER.with(|counter| {
        let next = counter.get().wrapping_add(1);
        counter.set(next);
        next
    })
}

fn current_run() -> u64 {
    RUN_COUNTER.with(Cell::get)
}

fn saved() -> Option<Saved> {
    SAVED.with(|cell| cell.try_borrow().ok().and_then(|s| s.clone()))
}

fn save(value: Saved) {
    SAVED.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(value);
        }
    });
}

// ---------------------------------------------------------------------------------
// The screen
// ---------------------------------------------------------------------------------

#[component]
pub fn Risk() -> impl IntoView {
    let state = use_app_state();
    let lang = move || state.lang.get();
    view! {
        <section class="screen risk">
            <h2>{move || l("延誤及風險", "Slippage and risk").get(lang())} <Source source="para 5" /></h2>
            <Para5Summary />
            <SlippagePanel />
            <MonteCarloPanel />
            <SensitivityPanel />
        </section>
    }
}

/// Para 5's record in one line, with its source.
#[component]
fn Para5Summary() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let lang = move || state.lang.get();
    let met = data.facts.count("para5.schedule.met").unwrap_or(141);
    let not_met = data.facts.count("para5.schedule.not_met").unwrap_or(69);
    let reports = data.facts.count("para5.reports").unwrap_or(210);
    let rate = data.facts.decimal("para5.schedule.rate_pct").unwrap_or_else(|| Decimal::new(671, 1));
    view! {
        <p class="risk-lead" data-testid="risk-para5">
            {move || match lang() {
                Lang::Zh => format!(
                    "2016 年的 {reports} 份「項目推行後部門報表」中，{met} 個項目依期完成（{}），{not_met} 個未能依期完成；全部 {reports} 個項目均按財政預算完成。",
                    percent(rate),
                ),
                Lang::En => format!(
                    "Of the {reports} projects in 2016's post-implementation departmental returns, {met} were completed on schedule ({}) and {not_met} were not; all {reports} were completed within budget.",
                    percent(rate),
                ),
            }}
            <Source source="para 5" />
        </p>
    }
}

// ---------------------------------------------------------------------------------
// 1. Expected-value slippage
// ---------------------------------------------------------------------------------

#[component]
fn SlippagePanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let enabled = move || whatif.scenario.with(|s| s.slippage.enabled);
    // Memos, not derived signals: a field's text follows only a real change of its own
    // value, so an invalid entry in one field survives typing in another.
    let share = Memo::new(move |_| whatif.scenario.with(|s| s.slippage.share));
    let delay = Memo::new(move |_| whatif.scenario.with(|s| s.slippage.quarters));

    // The scenario with every lever as set but slippage off, to show slippage's own
    // effect apart from the levers set on other screens.
    let on_time = Memo::new(move |_| {
        let mut scenario = whatif.scenario.get();
        scenario.slippage.enabled = false;
        engine_of(&whatif).and_then(|engine| engine.project(&scenario).ok()).map(|p| p.budget_year_totals)
    });
    let with_slippage = Memo::new(move |_| whatif.projection.with(|p| p.as_ref().map(|p| p.budget_year_totals)));
    let baseline: Option<YearTotals> =
        whatif.baseline.try_with_value(|b| b.as_ref().map(|b| b.budget_year_totals)).flatten();
    let year = baseline.map(|b| b.year.label()).unwrap_or_else(|| "2018-19".to_string());

    let row = move |label: Label, key: &'static str, pick: fn(&YearTotals) -> Money| {
        let testid = format!("risk-{}-{key}", year.clone());
        let base = baseline.map(|b| millions(pick(&b)));
        let effect = move || match (on_time.get(), with_slippage.get()) {
            (Some(before), Some(after)) => pick(&after).checked_sub(pick(&before)).ok().map(|d| d.format_signed(1)),
            _ => None,
        };
        view! {
            <tr>
                <th scope="row">{move || label.get(lang())}</th>
                <td class="num" data-testid=format!("risk-baseline-{key}")>{base}</td>
                <td class="num" data-testid=format!("risk-on-time-{key}")>{move || on_time.get().map(|t| millions(pick(&t)))}</td>
                <td class="num scenario-figure" data-testid=testid>{move || with_slippage.get().map(|t| millions(pick(&t)))}</td>
                <td class="num" data-testid=format!("risk-effect-{key}")>{effect}</td>
            </tr>
        }
    };
    let year_heading = baseline.map(|b| b.year);
    let set_share = move |value: Decimal| {
        whatif.update(|s| {
            s.slippage.share = value;
            s.slippage.enabled = true;
        })
    };
    let set_delay = move |value: u32| {
        whatif.update(|s| {
            s.slippage.quarters = value;
            s.slippage.enabled = true;
        })
    };

    view! {
        <section class="panel risk-slippage" aria-labelledby="risk-slippage-heading">
            <h3 id="risk-slippage-heading">{move || l("延誤（期望值）", "Slippage as an expected value").get(lang())}</h3>
            <p class="note explain" data-testid="slip-explain">
                {move || l(
                    "文件沒有預計 2018-19 年度有多少項目會延誤；這裏以第 5 段的紀錄作假設。延誤以期望值計算：每個新項目的現金流 = (1 − s) × 依期的開支時間表 + s × 延遲 d 季完成的同一時間表，s 為延誤比例，d 為延誤季數；各季合計仍等於項目預算。本工具不會指定哪個項目延誤，而是每個項目都按比例 s 計入延誤，因此數字會平滑變動。文件沒有延誤長度，預設 1 季是本工具的假設。",
                    "The paper does not say how many 2018-19 projects will be late; this screen borrows para 5's record as an assumption. Slippage is applied as an expected value: each new project's cash is (1 − s) × its on-time schedule + s × the same schedule finishing d quarters later, where s is the share late and d the delay; the quarters still add up to the project's budget. No project is picked as the late one: every project carries the share s of lateness, so the figures move smoothly. The paper gives no length of delay; one quarter is blockvote's default.",
                ).get(lang())}
            </p>
            <div class="inline-fields">
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="slip-enabled"
                        prop:checked=enabled
                        on:change=move |ev| {
                            let checked = event_target_checked(&ev);
                            whatif.update(|s| s.slippage.enabled = checked);
                        }
                    />
                    {move || l("計入延誤", "Apply slippage").get(lang())}
                </label>
                <NumberField
                    spec=FieldSpec::new(l("延誤項目比例 s（0 至 1）", "Share late, s (0 to 1)"), share_in, write_share).help(l("可輸入 0.33、33% 或 69/210；輸入即計入延誤", "Type 0.33, 33% or 69/210; typing turns slippage on"))
                    testid="slip-share"
                    current=share
                    commit=set_share
                />
                <p class="share-readout" data-testid="slip-share-percent">
                    {move || {
                        let s = share.get();
                        match lang() {
                            Lang::Zh => format!("= {} 延誤，{} 依期", share_percent(s), share_percent(Decimal::ONE - s)),
                            Lang::En => format!("= {} late, {} on time", share_percent(s), share_percent(Decimal::ONE - s)),
                        }
                    }}
                </p>
                <NumberField
                    spec=FieldSpec::new(l("延誤季數 d", "Delay, d"), move |text: &str| {
                        int_in(text, 0, i64::from(MAX_SHIFT_QUARTERS))
                            .map(|v| u32::try_from(v).unwrap_or(0))
                    }, format_u32).unit(UNIT_QUARTERS)
                    testid="slip-delay"
                    current=delay
                    commit=set_delay
                    narrow=true
                />
                <button
                    type="button"
                    data-testid="slip-para5"
                    on:click=move |_| {
                        whatif.update(|s| s.slippage = Slippage { enabled: true, ..Slippage::default() })
                    }
                >
                    {move || l("採用第 5 段（69/210，延誤 1 季）", "Use para 5 (69/210, 1 quarter late)").get(lang())}
                </button>
            </div>
            {move || whatif.error.get().map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}
            <table class="data risk-figures" data-testid="risk-figures">
                <caption>
                    {move || match (lang(), year_heading) {
                        (Lang::Zh, Some(year)) => format!("{}現金需求（百萬元）", year_text(year, Lang::Zh)),
                        (Lang::En, Some(year)) => format!("{} cash need (HK$M)", year.label()),
                        (lang, None) => l("現金需求（百萬元）", "Cash need (HK$M)").get(lang).to_string(),
                    }}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">
                            <span class="visually-hidden">{move || l("項目類別", "Projects").get(lang())}</span>
                        </th>
                        <th scope="col" class="num">{move || l("文件基線", "Paper baseline").get(lang())} <Source source="Annex B" /></th>
                        <th scope="col" class="num">
                            {move || l("情景（全部依期）", "Scenario, all on time").get(lang())}
                        </th>
                        <th scope="col" class="num">
                            {move || l("情景（計入延誤）", "Scenario with slippage").get(lang())}
                            <Derived how=Signal::derive(move || l(
                                "以引擎按上述期望值公式計算",
                                "Computed by the engine with the expected-value formula above",
                            ).get(lang()).to_string()) />
                        </th>
                        <th scope="col" class="num">{move || l("延誤的影響", "Effect of slippage").get(lang())}</th>
                    </tr>
                </thead>
                <tbody>
                    {row(l("新項目（附件 C）", "New projects (Annex C)"), "new", |t| t.new)}
                    {row(l("進行中項目（附件 B）", "Ongoing projects (Annex B)"), "ongoing", |t| t.ongoing)}
                    {row(l("總額", "Total"), "total", |t| t.total)}
                </tbody>
            </table>
            <p class="note">
                {move || l(
                    "「情景（全部依期）」已計入其他畫面設定的調節（例如成本變動），但不計延誤；兩者之差即延誤本身的影響。延誤把現金推遲至較後年度，不會改變項目總預算。",
                    "\"Scenario, all on time\" includes the levers set on other screens (a cost change, say) but no slippage; the difference is slippage's own effect. Slippage moves cash into later years; it does not change any project's budget.",
                ).get(lang())}
            </p>
        </section>
    }
}

// ---------------------------------------------------------------------------------
// 2. Monte Carlo
// ---------------------------------------------------------------------------------

#[component]
fn MonteCarloPanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();

    let restored = saved();
    // A seed named by the link (`seed=`) wins, so a shared link reproduces its runs.
    let mut initial = restored.as_ref().map(|s| s.base.clone()).unwrap_or_default();
    if let Some(seed) = whatif.link_seed.get_untracked() {
        initial.seed = seed;
    }
    let base = RwSignal::new(initial);
    let overrun_on = RwSignal::new(restored.as_ref().is_some_and(|s| s.overrun_on));
    let overrun = RwSignal::new(restored.as_ref().map(|s| s.overrun.clone()).unwrap_or_default());
    let settings = Memo::new(move |_| {
        let mut settings = base.get();
        settings.overrun = overrun_on.get().then(|| overrun.get());
        settings
    });
    let handles = McHandles {
        running: StoredValue::new(None),
        status: RwSignal::new(McStatus::Idle),
        progress: RwSignal::new(
            restored
                .as_ref()
                .and_then(|s| s.result.as_ref())
                .map(|r| (r.summary.runs_done, r.summary.runs_total))
                .unwrap_or((0, 0)),
        ),
        result: RwSignal::new(restored.as_ref().and_then(|s| s.result.clone())),
        previous: RwSignal::new(restored.and_then(|s| s.previous)),
    };
    Effect::new(move |_| {
        save(Saved {
            base: base.get(),
            overrun_on: overrun_on.get(),
            overrun: overrun.get(),
            result: handles.result.get(),
            previous: handles.previous.get(),
        })
    });

    let simulated_scenario = Memo::new(move |_| whatif.scenario.with(without_slippage_levers));
    let stale = Memo::new(move |_| {
        handles
            .result
            .with(|r| r.as_ref().map(|r| r.scenario != simulated_scenario.get() || r.settings != settings.get()))
            .unwrap_or(false)
    });
    let running = move || handles.status.with(|s| *s == McStatus::Running);
    // The same, read in event handlers, which track nothing.
    let running_now = move || handles.status.with_untracked(|s| *s == McStatus::Running);

    let start = move || {
        let started = now_ms();
        let Some(engine) = engine_of(&whatif) else {
            handles.status.set(McStatus::Failed("the engine is not available".to_string()));
            return;
        };
        let scenario = whatif.scenario.get_untracked();
        let settings = settings.get_untracked();
        match MonteCarlo::with_engine(&engine, &scenario, &settings) {
            Ok(simulation) => {
                let preparation_ms = now_ms() - started;
                let generation = next_run();
                let total = settings.runs;
                handles.running.set_value(Some(Running {
                    simulation,
                    generation,
                    chunk: FIRST_CHUNK,
                    started,
                    longest_chunk_ms: preparation_ms,
                    settings,
                    scenario: without_slippage_levers(&scenario),
                }));
                handles.progress.set((0, total));
                handles.status.set(McStatus::Running);
                schedule(handles, generation);
            }
            Err(error) => handles.status.set(McStatus::Failed(error.to_string())),
        }
    };
    let cancel = move || {
        next_run();
        handles.running.set_value(None);
        let (done, total) = handles.progress.get_untracked();
        handles.status.set(McStatus::Cancelled { done, total });
    };

    let weight_field = move |index: usize| {
        let current = Memo::new(move |_| base.with(|s| s.delay_weights.get(index).copied().unwrap_or(0)));
        let label = match index {
            0 => l("延誤 1 季", "1 quarter late"),
            1 => l("延誤 2 季", "2 quarters late"),
            2 => l("延誤 3 季", "3 quarters late"),
            _ => l("延誤 4 季", "4 quarters late"),
        };
        view! {
            <NumberField
                spec=FieldSpec::new(label, move |text: &str| {
                    let value = int_in(text, 0, 1_000).map(|v| u32::try_from(v).unwrap_or(0))?;
                    let others: u32 = base.with_untracked(|s| {
                        s.delay_weights.iter().enumerate().filter(|(i, _)| *i != index).map(|(_, w)| *w).sum()
                    });
                    if value == 0 && others == 0 {
                        return Err(FieldError::new("至少一個權重須大於 0", "At least one weight must be above 0"));
                    }
                    Ok(value)
                }, format_u32)
                testid=format!("mc-weight-{}", index + 1)
                current=current
                commit=move |value: u32| {
                    base.update(|s| {
                        if let Some(slot) = s.delay_weights.get_mut(index) {
                            *slot = value;
                        }
                    })
                }
                narrow=true
            />
        }
    };
    let weight_shares = move || {
        let weights = base.with(|s| s.delay_weights);
        let sum: u32 = weights.iter().sum();
        weights
            .iter()
            .map(|w| {
                if sum == 0 {
                    "—".to_string()
                } else {
                    percent(Decimal::from(*w) * Decimal::ONE_HUNDRED / Decimal::from(sum))
                }
            })
            .collect::<Vec<_>>()
            .join(" : ")
    };

    view! {
        <section class="panel risk-mc" aria-labelledby="risk-mc-heading">
            <h3 id="risk-mc-heading">{move || l("蒙地卡羅模擬", "Monte Carlo simulation").get(lang())}</h3>
            <p class="note explain" data-testid="mc-explain">
                {move || l(
                    "模擬則逐個項目抽樣：每次模擬中，每個新項目以機率 p 延誤（預設 69/210，第 5 段）；延誤的項目按下列權重延遲 1 至 4 季完成（文件沒有延誤分布，預設 4 : 3 : 2 : 1 是本工具假設短延誤較常見），開始日期不變，預算分攤至較長的期間。亦可選擇加入成本超支；第 5 段顯示全部 210 個項目均按預算完成，故預設不計超支。模擬多次後，列出每季及每年現金需求的第 10、50（中位數）及 90 百分位：十次中有八次落在 P10 至 P90 之間。同一種子必定得出相同結果，因此結果可完全重現。模擬以情景的時間表為起點，但不計上面的期望值延誤（模擬自行抽樣延誤）。",
                    "The simulation draws lateness project by project instead: in each run every new project is late with probability p (default 69/210, para 5); a late project finishes 1 to 4 quarters later, drawn with the weights below (the paper gives no distribution: 4 : 3 : 2 : 1 is blockvote's assumption that short delays are more common); it keeps its start and its budget is spread over the longer time. Cost overruns can be added; para 5 reports all 210 projects completed within budget, so they are off by default. After many runs, the 10th, 50th (median) and 90th percentiles of each quarter's and each year's cash need show the range: in eight runs out of ten the figure lies between P10 and P90. The same seed always gives the same runs, so a result can be reproduced exactly. The simulation starts from the scenario's schedules without the expected-value slippage above (it draws lateness itself).",
                ).get(lang())}
            </p>
            <fieldset class="mc-settings">
                <legend>{move || l("模擬設定", "Settings").get(lang())}</legend>
                <div class="inline-fields">
                    <NumberField
                        spec=FieldSpec::new(l("延誤機率 p（0 至 1）", "Probability late, p (0 to 1)"), share_in, write_share).help(l("預設 69/210（第 5 段）", "Default 69/210 (para 5)"))
                        testid="mc-late"
                        current=Memo::new(move |_| base.with(|s| s.late_probability))
                        commit=move |value: Decimal| base.update(|s| s.late_probability = value)
                    />
                    <p class="share-readout" data-testid="mc-late-percent">
                        {move || format!("= {}", share_percent(base.with(|s| s.late_probability)))}
                        {move || (base.with(|s| s.late_probability) == para5_late_share()).then(|| view! { <Source source="para 5" /> })}
                    </p>
                    <NumberField
                        spec=FieldSpec::new(l("模擬次數", "Runs"), runs_in, format_u32).help(l("1 至 100,000", "1 to 100,000"))
                        testid="mc-runs"
                        current=Memo::new(move |_| base.with(|s| s.runs))
                        commit=move |value: u32| base.update(|s| s.runs = value)
                        narrow=true
                    />
                    <NumberField
                        spec=FieldSpec::new(l("種子", "Seed"), seed_in, format_u64).help(l("預設 710（基本工程儲備基金總目 710）；同一種子，同一結果", "Default 710 (CWRF Head 710); same seed, same result"))
                        testid="mc-seed"
                        current=Memo::new(move |_| base.with(|s| s.seed))
                        commit=move |value: u64| {
                            base.update(|s| s.seed = value);
                            whatif.link_seed.set(Some(value));
                        }
                        narrow=true
                    />
                </div>
                <div class="weights" role="group" aria-labelledby="mc-weights-label">
                    <p id="mc-weights-label" class="weights-label">
                        {move || l("延誤季數的相對權重", "Relative weights of the delay").get(lang())}
                        <Derived how=Signal::derive(move || l(
                            "文件沒有延誤分布；預設 4 : 3 : 2 : 1 是本工具的假設",
                            "The paper gives no distribution of delays; the default 4 : 3 : 2 : 1 is blockvote's assumption",
                        ).get(lang()).to_string()) />
                    </p>
                    <div class="inline-fields">
                        {(0..MAX_DELAY_QUARTERS).map(weight_field).collect_view()}
                        <p class="share-readout" data-testid="mc-weight-shares">{move || format!("= {}", weight_shares())}</p>
                    </div>
                </div>
                <div class="overrun">
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid="mc-overrun"
                            prop:checked=move || overrun_on.get()
                            on:change=move |ev| overrun_on.set(event_target_checked(&ev))
                        />
                        {move || l("加入成本超支", "Add cost overruns").get(lang())}
                    </label>
                    <span class="note">
                        {move || l("（預設不計：第 5 段全部 210 個項目均按預算完成）", "(off by default: para 5 reports all 210 projects within budget)").get(lang())}
                        <Source source="para 5" />
                    </span>
                    <Show when=move || overrun_on.get()>
                        <div class="inline-fields">
                            <NumberField
                                spec=FieldSpec::new(l("超支機率（0 至 1）", "Probability of an overrun (0 to 1)"), share_in, write_share)
                                testid="mc-overrun-p"
                                current=Memo::new(move |_| overrun.with(|o| o.probability))
                                commit=move |value: Decimal| overrun.update(|o| o.probability = value)
                            />
                            <NumberField
                                spec=FieldSpec::new(l("超支最少", "Overrun from"), move |text: &str| {
                                    let value = int_in(text, 0, i64::from(MAX_OVERRUN_PCT)).map(|v| u32::try_from(v).unwrap_or(0))?;
                                    if value > overrun.with_untracked(|o| o.max_pct) {
                                        return Err(FieldError::new("不可大於最多超支", "Cannot exceed the upper end"));
                                    }
                                    Ok(value)
                                }, format_u32).unit(l("%", "%"))
                                testid="mc-overrun-min"
                                current=Memo::new(move |_| overrun.with(|o| o.min_pct))
                                commit=move |value: u32| overrun.update(|o| o.min_pct = value)
                                narrow=true
                            />
                            <NumberField
                                spec=FieldSpec::new(l("超支最多", "Overrun up to"), move |text: &str| {
                                    let value = int_in(text, 0, i64::from(MAX_OVERRUN_PCT)).map(|v| u32::try_from(v).unwrap_or(0))?;
                                    if value < overrun.with_untracked(|o| o.min_pct) {
                                        return Err(FieldError::new("不可小於最少超支", "Cannot be below the lower end"));
                                    }
                                    Ok(value)
                                }, format_u32).unit(l("%", "%"))
                                testid="mc-overrun-max"
                                current=Memo::new(move |_| overrun.with(|o| o.max_pct))
                                commit=move |value: u32| overrun.update(|o| o.max_pct = value)
                                narrow=true
                            />
                        </div>
                    </Show>
                </div>
                <div class="mc-actions">
                    // Run and Cancel are marked unavailable with aria-disabled rather than
                    // `disabled`: a disabled button loses keyboard focus to <body>, so
                    // pressing Run (or Cancel) from the keyboard would drop the user at
                    // the top of the page. Each handler ignores presses while unavailable.
                    <button
                        type="button"
                        class="primary"
                        data-testid="mc-run"
                        aria-disabled=move || running().to_string()
                        on:click=move |_| {
                            if !running_now() {
                                start();
                            }
                        }
                    >
                        {move || l("執行模擬", "Run").get(lang())}
                    </button>
                    <button
                        type="button"
                        data-testid="mc-cancel"
                        aria-disabled=move || (!running()).to_string()
                        on:click=move |_| {
                            if running_now() {
                                cancel();
                            }
                        }
                    >
                        {move || l("取消", "Cancel").get(lang())}
                    </button>
                    <button
                        type="button"
                        data-testid="mc-defaults"
                        disabled=running
                        on:click=move |_| {
                            base.set(MonteCarloSettings::default());
                            overrun_on.set(false);
                            overrun.set(OverrunSettings::default());
                        }
                    >
                        {move || l("還原預設設定", "Default settings").get(lang())}
                    </button>
                    <span class="mc-progress">
                        <progress
                            data-testid="mc-progress"
                            max=move || handles.progress.get().1.max(1)
                            value=move || handles.progress.get().0
                            aria-label=move || l("模擬進度", "Simulation progress").get(lang())
                        ></progress>
                        <span class="num" data-testid="mc-progress-text">
                            {move || {
                                let (done, total) = handles.progress.get();
                                format!("{} / {}", count(u64::from(done)), count(u64::from(total)))
                            }}
                        </span>
                    </span>
                </div>
                <p class="mc-status" role="status" data-testid="mc-status">
                    {move || match (handles.status.get(), lang()) {
                        (McStatus::Idle, _) => String::new(),
                        (McStatus::Running, Lang::Zh) => "模擬進行中；頁面仍可使用。".to_string(),
                        (McStatus::Running, Lang::En) => "Running; the page stays usable meanwhile.".to_string(),
                        (McStatus::Cancelled { done, total }, Lang::Zh) => {
                            format!("已於 {} / {} 次取消；下列仍為上一次完成的結果。", count(u64::from(done)), count(u64::from(total)))
                        }
                        (McStatus::Cancelled { done, total }, Lang::En) => {
                            format!("Cancelled at {} / {}; the results below are still the last completed run's.", count(u64::from(done)), count(u64::from(total)))
                        }
                        (McStatus::Failed(error), Lang::Zh) => format!("無法執行模擬：{error}"),
                        (McStatus::Failed(error), Lang::En) => format!("The simulation could not run: {error}"),
                    }}
                </p>
            </fieldset>
            <McResults handles=handles stale=stale />
        </section>
    }
}

#[component]
fn McResults(handles: McHandles, stale: Memo<bool>) -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();
    let result = handles.result;

    let stamp = move || {
        result.get().map(|r| {
            let lang = lang();
            let overrun = match (&r.settings.overrun, lang) {
                (None, Lang::Zh) => "不計超支".to_string(),
                (None, Lang::En) => "no overruns".to_string(),
                (Some(o), Lang::Zh) => {
                    format!("超支機率 {}，{}% 至 {}%", share_percent(o.probability), o.min_pct, o.max_pct)
                }
                (Some(o), Lang::En) => {
                    format!("overruns {} likely, {}% to {}%", share_percent(o.probability), o.min_pct, o.max_pct)
                }
            };
            let weights = r.settings.delay_weights.iter().map(u32::to_string).collect::<Vec<_>>().join(" : ");
            match lang {
                Lang::Zh => format!(
                    "種子 {} · {} 次模擬 · 延誤機率 {} · 權重 {} · {} · 用時 {}",
                    r.summary.seed,
                    count(u64::from(r.summary.runs_done)),
                    share_percent(r.settings.late_probability),
                    weights,
                    overrun,
                    seconds(r.elapsed_ms, lang)
                ),
                Lang::En => format!(
                    "Seed {} · {} runs · probability late {} · weights {} · {} · took {}",
                    r.summary.seed,
                    count(u64::from(r.summary.runs_done)),
                    share_percent(r.settings.late_probability),
                    weights,
                    overrun,
                    seconds(r.elapsed_ms, lang)
                ),
            }
        })
    };
    let determinism = move || {
        let current = result.get()?;
        let previous = handles.previous.get()?;
        let same_inputs = previous.settings == current.settings && previous.scenario == current.scenario;
        let lang = lang();
        let text = if same_inputs && previous.summary == current.summary {
            match lang {
                Lang::Zh => format!("與上一次以相同種子（{}）及設定執行的結果完全相同。", current.summary.seed),
                Lang::En => format!(
                    "Identical, figure for figure, to the previous run with the same seed ({}) and settings.",
                    current.summary.seed
                ),
            }
        } else if same_inputs {
            match lang {
                Lang::Zh => "與上一次相同設定的結果不同（不應發生，請報告）。".to_string(),
                Lang::En => {
                    "Differs from the previous run with the same settings (this should not happen; please report it)."
                        .to_string()
                }
            }
        } else {
            let by = previous.summary.budget_year_total;
            match lang {
                Lang::Zh => format!(
                    "上一次（種子 {}，{} 次）：2018-19 年度 P50 {}、P90 {}。",
                    previous.summary.seed,
                    count(u64::from(previous.summary.runs_done)),
                    millions(by.p50),
                    millions(by.p90)
                ),
                Lang::En => format!(
                    "Previous run (seed {}, {} runs): 2018-19 P50 {}, P90 {}.",
                    previous.summary.seed,
                    count(u64::from(previous.summary.runs_done)),
                    millions(by.p50),
                    millions(by.p90)
                ),
            }
        };
        Some(view! { <p class="note" data-testid="mc-determinism">{text}</p> })
    };

    let deterministic_year = move |year: FiscalYear| {
        whatif.projection.with(|p| {
            p.as_ref().map(|p| p.years.iter().find(|y| y.year == year).map(|y| y.total).unwrap_or(Money::ZERO))
        })
    };
    let table = move || {
        let Some(r) = result.get() else {
            return view! {
                <p class="note" data-testid="mc-empty">
                    {move || l("按「執行模擬」以填入下表及圖中的 P10 至 P90 範圍。", "Press Run to fill the table and the P10–P90 range on the chart.").get(lang())}
                </p>
            }
            .into_any();
        };
        let rows = r
            .summary
            .years
            .iter()
            .map(|y| {
                let key = y.year.label();
                let year = y.year;
                let stats = y.stats;
                view! {
                    <tr data-testid=format!("mc-row-{key}")>
                        <th scope="row">{move || year_text(year, lang())}</th>
                        <td class="num">{move || deterministic_year(year).map(millions)}</td>
                        <td class="num mc-figure" data-testid=format!("mc-p10-{key}")>{millions(stats.p10)}</td>
                        <td class="num mc-figure" data-testid=format!("mc-p50-{key}")>{millions(stats.p50)}</td>
                        <td class="num mc-figure" data-testid=format!("mc-p90-{key}")>{millions(stats.p90)}</td>
                        <td class="num mc-figure" data-testid=format!("mc-mean-{key}")>{millions(stats.mean)}</td>
                    </tr>
                }
            })
            .collect_view();
        let new_stats = r.summary.budget_year_new;
        let mean_late = r.summary.mean_late_projects;
        let projects = r.summary.project_count;
        view! {
            <table class="data mc-table" data-testid="mc-table">
                <caption>
                    {move || l("每年現金需求（進行中 + 新項目，百萬元）", "Cash need per year (ongoing + new, HK$M)").get(lang())}
                    <Derived how=Signal::derive(move || l(
                        "模擬所得；百分位按最近秩法，取整至元",
                        "Simulated; percentiles by nearest rank, rounded to whole HK$",
                    ).get(lang()).to_string()) />
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{move || l("財政年度", "Financial year").get(lang())}</th>
                        <th scope="col" class="num">{move || l("情景（確定值）", "Scenario (deterministic)").get(lang())}</th>
                        <th scope="col" class="num">"P10"</th>
                        <th scope="col" class="num">{move || l("P50（中位數）", "P50 (median)").get(lang())}</th>
                        <th scope="col" class="num">"P90"</th>
                        <th scope="col" class="num">{move || l("平均", "Mean").get(lang())}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr data-testid="mc-row-new">
                        <th scope="row">{move || l("2018-19 年度：只計新項目", "2018-19, new projects only").get(lang())}</th>
                        <td class="num">
                            {move || whatif.projection.with(|p| p.as_ref().map(|p| millions(p.budget_year_totals.new)))}
                        </td>
                        <td class="num mc-figure">{millions(new_stats.p10)}</td>
                        <td class="num mc-figure" data-testid="mc-p50-new">{millions(new_stats.p50)}</td>
                        <td class="num mc-figure">{millions(new_stats.p90)}</td>
                        <td class="num mc-figure">{millions(new_stats.mean)}</td>
                    </tr>
                </tfoot>
            </table>
            <p class="note mc-figure" data-testid="mc-late-mean">
                {move || match lang() {
                    Lang::Zh => format!("每次模擬平均有 {} 個（共 {projects} 個）新項目延誤。", format_decimal(mean_late, 1)),
                    Lang::En => format!("On average {} of the {projects} new projects were late per run.", format_decimal(mean_late, 1)),
                }}
            </p>
        }
        .into_any()
    };

    // The chart: the paper's baseline and the scenario per quarter, with the simulated
    // P10–P90 range over the scenario's column.
    let quarters = Signal::derive(move || {
        let lang = lang();
        let projection = whatif.projection.get();
        let baseline = whatif.baseline.try_get_value().flatten();
        let summary = result.with(|r| r.as_ref().map(|r| r.summary.clone()));
        let mut all: BTreeSet<FiscalQuarter> = BTreeSet::new();
        all.extend(projection.iter().flat_map(|p| p.quarters.iter().map(|q| q.quarter)));
        all.extend(baseline.iter().flat_map(|p| p.quarters.iter().map(|q| q.quarter)));
        all.extend(summary.iter().flat_map(|s| s.quarters.iter().map(|q| q.quarter)));
        all.into_iter()
            .map(|quarter| {
                let pick = |p: &Option<Arc<blockvote_model::engine::Projection>>| {
                    p.as_ref()
                        .and_then(|p| p.quarters.iter().find(|q| q.quarter == quarter))
                        .map(|q| (q.ongoing, q.new, q.total))
                        .unwrap_or_default()
                };
                let paper = pick(&baseline);
                let scenario = pick(&projection);
                let range = summary
                    .as_ref()
                    .and_then(|s| s.quarters.iter().find(|q| q.quarter == quarter))
                    .map(|q| (q.stats.p10, q.stats.p90));
                let range_text = range.map(|(lo, hi)| match lang {
                    Lang::Zh => format!("；模擬 P10 至 P90：{} 至 {}", millions(lo), millions(hi)),
                    Lang::En => format!("; simulated P10–P90: {} to {}", millions(lo), millions(hi)),
                });
                let description = match lang {
                    Lang::Zh => format!(
                        "{}：文件 {}；情景 {}（進行中 {}，新項目 {}）{}（百萬元）",
                        quarter_text(quarter, lang),
                        millions(paper.2),
                        millions(scenario.2),
                        millions(scenario.0),
                        millions(scenario.1),
                        range_text.unwrap_or_default()
                    ),
                    Lang::En => format!(
                        "{}: paper {}; scenario {} (ongoing {}, new {}){} (HK$M)",
                        quarter_text(quarter, lang),
                        millions(paper.2),
                        millions(scenario.2),
                        millions(scenario.0),
                        millions(scenario.1),
                        range_text.unwrap_or_default()
                    ),
                };
                QuarterColumns {
                    label: quarter_axis(quarter, lang),
                    description,
                    columns: vec![
                        Column { segments: vec![paper.0, paper.1] },
                        Column { segments: vec![scenario.0, scenario.1] },
                    ],
                    range,
                }
            })
            .collect::<Vec<_>>()
    });

    view! {
        <div class="mc-results" class:stale=move || stale.get() data-testid="mc-results" data-stale=move || stale.get().to_string()>
            <p
                class="mc-stamp"
                data-testid="mc-stamp"
                data-seed=move || result.with(|r| r.as_ref().map(|r| r.summary.seed.to_string()))
                data-run=move || result.with(|r| r.as_ref().map(|r| r.run.to_string()))
                data-ms=move || result.with(|r| r.as_ref().map(|r| format!("{:.0}", r.elapsed_ms)))
                data-longest-chunk-ms=move || result.with(|r| r.as_ref().map(|r| format!("{:.1}", r.longest_chunk_ms)))
            >
                {stamp}
            </p>
            {move || stale.get().then(|| view! {
                <p class="stale-banner" role="status" data-testid="mc-stale">
                    {move || l(
                        "已過時：執行後情景或模擬設定已改變，以下數字並非目前設定的結果。請再按「執行模擬」。",
                        "Out of date: the scenario or the settings changed after this run, so these figures are not for the current settings. Press Run again.",
                    ).get(lang())}
                </p>
            })}
            {determinism}
            {table}
            <QuarterlyColumns
                id="risk-quarters"
                title=Signal::derive(move || l("每季現金需求：文件、情景及模擬範圍", "Cash need per quarter: paper, scenario and simulated range").get(lang()).to_string())
                description=Signal::derive(move || l(
                    "每季兩條柱：文件基線（虛線框）及情景（實線框），各分為進行中項目（實心）及新項目（斜線）；直線為模擬的 P10 至 P90 範圍，單位百萬元。",
                    "Two columns a quarter: the paper's baseline (dashed outline) and the scenario (solid outline), each split into ongoing (solid) and new projects (hatched); the vertical line is the simulated P10–P90 range, HK$ million.",
                ).get(lang()).to_string())
                quarters=quarters
                segment_names=Signal::derive(move || vec![
                    legend_name(l("進行中項目", "Ongoing"), lang()),
                    legend_name(l("新項目", "New projects"), lang()),
                ])
                column_names=Signal::derive(move || vec![
                    legend_name(l("文件基線", "Paper baseline"), lang()),
                    legend_name(l("情景", "Scenario"), lang()),
                ])
                range_name=Signal::derive(move || {
                    result.with(|r| r.is_some()).then(|| {
                        if stale.get() {
                            l("模擬 P10–P90（已過時）", "Simulated P10–P90 (out of date)").get(lang()).to_string()
                        } else {
                            l("模擬 P10–P90", "Simulated P10–P90").get(lang()).to_string()
                        }
                    })
                })
            />
        </div>
    }
}

// ---------------------------------------------------------------------------------
// 3. Sensitivity
// ---------------------------------------------------------------------------------

/// The two-way table as it is filled in, cell by cell.
#[derive(Clone, Debug, Default, PartialEq)]
struct Grid {
    /// `cells[r][c]`, `None` until computed.
    cells: Vec<Vec<Option<Money>>>,
    error: Option<String>,
    /// The time spent computing so far, in ms (the sum of the chunks).
    ms: f64,
    done: bool,
}

/// The work one chunk of the table should take.
const GRID_CHUNK_MS: f64 = 6.0;

/// Computes cells of the two-way table from `next` on until about
/// [`GRID_CHUNK_MS`] have passed, then yields to the browser and goes on in the next
/// task. A full table takes about 70 ms in a release build (24 projections with
/// slippage), too long for one task. Stops when a newer table was started or the
/// screen was left.
fn grid_tick(
    whatif: WhatIf,
    grid: RwSignal<Grid>,
    job: StoredValue<u64>,
    generation: u64,
    scenario: Arc<Scenario>,
    next: usize,
) {
    if job.try_get_value() != Some(generation) {
        return;
    }
    let Some(engine) = engine_of(&whatif) else { return };
    let rates = sensitivity_rates();
    let delays = sensitivity_delays();
    let total = rates.len() * delays.len();
    let start = now_ms();
    let mut index = next;
    let mut computed = Vec::new();
    let mut error = None;
    while index < total && (index == next || now_ms() - start < GRID_CHUNK_MS) {
        let (r, c) = (index / delays.len(), index % delays.len());
        let (Some(rate), Some(delay)) = (rates.get(r), delays.get(c)) else { break };
        match two_way(&engine, &scenario, Lever::OnTimeRate, &[*rate], Lever::SlipQuarters, &[*delay]) {
            Ok(table) => {
                if let Some(cell) = table.cells.first().and_then(|row| row.first()) {
                    computed.push((r, c, *cell));
                }
            }
            Err(e) => {
                error = Some(e.to_string());
                break;
            }
        }
        index += 1;
    }
    let elapsed = now_ms() - start;
    let finished = index >= total || error.is_some();
    grid.try_update(|g| {
        for (r, c, cell) in computed {
            if let Some(slot) = g.cells.get_mut(r).and_then(|row| row.get_mut(c)) {
                *slot = Some(cell);
            }
        }
        g.ms += elapsed;
        g.error = error;
        g.done = finished;
    });
    if !finished {
        set_timeout(move || grid_tick(whatif, grid, job, generation, scenario, index), Duration::ZERO);
    }
}

#[component]
fn SensitivityPanel() -> impl IntoView {
    let state = use_app_state();
    let whatif = use_whatif();
    let lang = move || state.lang.get();

    // The table sets slippage itself, so it only depends on the other levers: typing a
    // slip share does not recompute it.
    let table_scenario = Memo::new(move |_| whatif.scenario.with(without_slippage_levers));
    let rates = sensitivity_rates();
    let delays = sensitivity_delays();
    let grid = RwSignal::new(Grid::default());
    let job = StoredValue::new(0_u64);
    let (row_count, column_count) = (rates.len(), delays.len());
    Effect::new(move |_| {
        let scenario = Arc::new(table_scenario.get());
        let generation = job.get_value().wrapping_add(1);
        job.set_value(generation);
        grid.set(Grid { cells: vec![vec![None; column_count]; row_count], ..Grid::default() });
        grid_tick(whatif, grid, job, generation, scenario, 0);
    });
    let tornado_result = Memo::new(move |_| {
        let scenario = whatif.scenario.get();
        let start = now_ms();
        let result = engine_of(&whatif).and_then(|engine| {
            let settings = default_tornado(&engine, &scenario);
            tornado(&engine, &scenario, &settings).ok()
        });
        (result, now_ms() - start)
    });

    let para5 = para5_on_time_rate();
    let head = delays
        .iter()
        .map(|c| {
            let c = *c;
            view! { <th scope="col" class="num">{move || lever_value(Lever::SlipQuarters, c, lang())}</th> }
        })
        .collect_view();
    let body = rates
        .iter()
        .enumerate()
        .map(|(r, rate)| {
            let rate = *rate;
            let is_para5 = rate == para5;
            let cells = delays
                .iter()
                .enumerate()
                .map(|(c, delay)| {
                    let highlight = is_para5 && *delay == Decimal::ONE;
                    let cell = move || grid.with(|g| g.cells.get(r).and_then(|row| row.get(c)).copied().flatten());
                    view! {
                        <td class="num" class:para5-cell=highlight data-testid=format!("sens-cell-{r}-{c}")>
                            {move || cell().map(millions).unwrap_or_else(|| "…".to_string())}
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr class:para5-row=is_para5>
                    <th scope="row" class="num">
                        {share_percent(rate)}
                        {is_para5.then(|| view! { <Source source="para 5" /> })}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let table_view = view! {
        <table
            class="data sens-table"
            data-testid="sens-table"
            aria-busy=move || (!grid.with(|g| g.done)).to_string()
        >
            <caption>
                {move || l("2018-19 年度現金需求總額（百萬元）", "2018-19 total cash need (HK$M)").get(lang())}
                <Derived how=Signal::derive(move || l(
                    "每格均以引擎按該依期比率及延誤季數重新計算情景（計入延誤的期望值）",
                    "Each cell is the scenario projected by the engine with slippage at that on-time rate and delay (expected value)",
                ).get(lang()).to_string()) />
            </caption>
            <thead>
                <tr>
                    <th scope="col">{move || l("依期完成比率 ＼ 延誤", "On-time rate \\ delay").get(lang())}</th>
                    {head}
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
        {move || grid.with(|g| g.error.clone()).map(|e| view! {
            <p class="field-error" role="alert">{move || l("無法計算此表：", "This table could not be computed: ").get(lang())} {e}</p>
        })}
    };

    let tornado_rows = Signal::derive(move || {
        let lang = lang();
        tornado_result
            .get()
            .0
            .map(|t| {
                t.bars
                    .iter()
                    .map(|bar| {
                        let name = lever_label(bar.lever).get(lang).to_string();
                        let low = lever_value(bar.lever, bar.low, lang);
                        let high = lever_value(bar.lever, bar.high, lang);
                        let description = match lang {
                            Lang::Zh => format!(
                                "{name}：低設定 {low} 時 2018-19 年度為 {}，高設定 {high} 時為 {}（百萬元；相差 {}）",
                                millions(bar.at_low),
                                millions(bar.at_high),
                                millions(bar.swing)
                            ),
                            Lang::En => format!(
                                "{name}: at the low setting, {low}, 2018-19 needs {}; at the high setting, {high}, {} (HK$M; swing {})",
                                millions(bar.at_low),
                                millions(bar.at_high),
                                millions(bar.swing)
                            ),
                        };
                        TornadoRow {
                            name,
                            settings: format!("{low} → {high}"),
                            at_low: bar.at_low,
                            at_high: bar.at_high,
                            description,
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let tornado_base = Signal::derive(move || tornado_result.get().0.map(|t| t.base).unwrap_or_default());
    let tornado_table = move || {
        tornado_result.get().0.map(|t| {
            t.bars
                .iter()
                .map(|bar| {
                    let bar = *bar;
                    view! {
                        <tr data-testid=format!("tornado-row-{}", format!("{:?}", bar.lever).to_lowercase())>
                            <th scope="row">{move || lever_label(bar.lever).get(lang())}</th>
                            <td class="num">{move || lever_value(bar.lever, bar.low, lang())}</td>
                            <td class="num">{millions(bar.at_low)}</td>
                            <td class="num">{move || lever_value(bar.lever, bar.high, lang())}</td>
                            <td class="num">{millions(bar.at_high)}</td>
                            <td class="num">{millions(bar.swing)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section
            class="panel risk-sensitivity"
            aria-labelledby="risk-sens-heading"
            data-table-ms=move || grid.with(|g| g.done.then(|| format!("{:.1}", g.ms)))
            data-tornado-ms=move || format!("{:.1}", tornado_result.get().1)
            data-testid="risk-sensitivity"
        >
            <h3 id="risk-sens-heading">{move || l("敏感度", "Sensitivity").get(lang())}</h3>
            <p class="note explain">
                {move || l(
                    "下表每格是在該依期完成比率及延誤季數下（以期望值計算延誤），情景的 2018-19 年度現金需求總額；其他調節按情景不變。突出顯示的一格為第 5 段的依期比率（67.1%）配合延誤 1 季（本工具預設）。",
                    "Each cell is the scenario's 2018-19 total cash need with slippage (as an expected value) at that on-time rate and delay; every other lever stays as in the scenario. The highlighted cell is para 5's on-time rate (67.1%) with a one-quarter delay (blockvote's default).",
                ).get(lang())}
            </p>
            <div class="table-wide">{table_view}</div>

            <h4>{move || l("哪些調節最影響 2018-19 年度", "Which levers move 2018-19 most").get(lang())}</h4>
            <p class="note explain">
                {move || l(
                    "每次只把一項調節由低設定移至高設定，其他按情景不變，顯示 2018-19 年度現金需求總額的變化；按影響大小排列。延誤比例 0 至 50%（第 5 段約 33%）；延誤 1 至 4 季；成本 −10% 至 +10%；進行中項目現金 ±10%；保留比例 ±0.1。",
                    "One lever at a time moves from a low to a high setting, everything else as in the scenario, and the bars show where the 2018-19 total lands; the largest swing comes first. Share late 0 to 50% (para 5 saw about 33%); delay 1 to 4 quarters; cost −10% to +10%; ongoing projects' cash ±10%; retention share ±0.1.",
                ).get(lang())}
            </p>
            <Tornado
                id="risk-tornado"
                title=Signal::derive(move || l("2018-19 年度現金需求的龍捲風圖", "Tornado of the 2018-19 cash need").get(lang()).to_string())
                description=Signal::derive(move || l(
                    "每行一項調節：斜線棒為低設定的結果，實心棒為高設定的結果，由情景的 2018-19 年度總額（虛線）量起；單位百萬元，數字見下表。",
                    "One row per lever: the hatched bar is the result at the low setting, the solid bar at the high setting, both measured from the scenario's 2018-19 total (dashed line); HK$ million, figures in the table below.",
                ).get(lang()).to_string())
                base=tornado_base
                base_label=Signal::derive(move || match lang() {
                    Lang::Zh => format!("情景 {}", millions(tornado_base.get())),
                    Lang::En => format!("Scenario {}", millions(tornado_base.get())),
                })
                rows=tornado_rows
                low_name=Signal::derive(move || l("低設定", "Low setting").get(lang()).to_string())
                high_name=Signal::derive(move || l("高設定", "High setting").get(lang()).to_string())
            />
            <table class="data tornado-table" data-testid="tornado-table">
                <caption>{move || l("龍捲風圖的數字（百萬元）", "The tornado's figures (HK$M)").get(lang())}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || l("調節", "Lever").get(lang())}</th>
                        <th scope="col" class="num">{move || l("低設定", "Low setting").get(lang())}</th>
                        <th scope="col" class="num">{move || l("2018-19（低）", "2018-19 at low").get(lang())}</th>
                        <th scope="col" class="num">{move || l("高設定", "High setting").get(lang())}</th>
                        <th scope="col" class="num">{move || l("2018-19（高）", "2018-19 at high").get(lang())}</th>
                        <th scope="col" class="num">{move || l("相差", "Swing").get(lang())}</th>
                    </tr>
                </thead>
                <tbody>{tornado_table}</tbody>
            </table>
        </section>
    }
}
