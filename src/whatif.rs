//! The what-if state: the scenario the user is editing (a signal) and its projection
//! (a memo over the pure engine). Provided as context next to [`crate::state::AppState`].
//!
//! "The last valid scenario stays in effect": fields only write values that parsed and
//! passed their range checks; if the engine still refuses a scenario, the screens keep
//! showing the last projection that worked, and [`WhatIf::error`] says why.
//!
//! The scenario lives here, not in the address: the address carries it only when a
//! link can carry it exactly ([`WhatIf::link`]), and is never read back over it
//! except when it is a different link (see `address.rs`). A scenario a link cannot
//! carry therefore survives every change of screen, and the app can say why.

use crate::after_paint::{after_paint, AfterPaint};
use crate::components::effect::effect;
use crate::components::memo::memo;
use blockvote_model::engine::{Edit, Engine, EngineError, ProjectEdit, Projection, Scenario, SimulationChoices};
use blockvote_model::link::{write, LinkProblem, Written, SCENARIO_KEYS};
use blockvote_model::order::SortedMap;
use blockvote_model::Dataset;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct WhatIf {
    /// The prepared engine, or why the dataset cannot be projected.
    pub engine: StoredValue<Result<Arc<Engine>, EngineError>>,
    /// The scenario being edited.
    pub scenario: RwSignal<Scenario>,
    /// The paper's baseline projection (the default scenario).
    pub baseline: StoredValue<Option<Arc<Projection>>>,
    /// The projection of the current scenario, or the last one that worked.
    pub projection: Memo<Option<Arc<Projection>>>,
    /// [`WhatIf::projection`], caught up once the frame that answers a lever has been
    /// painted (see `after_paint.rs`): for the panels further from the lever, so the
    /// lever's own answer is not held back by drawing them.
    pub projection_after_paint: ReadSignal<Option<Arc<Projection>>>,
    /// Why the current scenario could not be projected, if it could not.
    pub error: Memo<Option<EngineError>>,
    /// The scenario [`WhatIf::projection`] belongs to: the current one, or, while the
    /// current one is refused, the last one that could be projected. A screen that
    /// lists a scenario's levers next to its figures lists this one, so the two never
    /// belong to different scenarios.
    pub projected_scenario: Memo<Scenario>,
    /// The Monte Carlo simulation the address carries: the one a link or a saved
    /// scenario set up, or the member set up on the Risk screen since; `None` sets up
    /// the defaults and writes nothing of the simulation.
    pub link_simulation: RwSignal<Option<SimulationChoices>>,
    /// What the address carries for the scenario and simulation: their pairs when a link
    /// carries them exactly, otherwise a marker that says why (`scenario=too-large`,
    /// or `scenario=not-expressible` for a value a link cannot say; `link::Marker`)
    /// and the reason ([`Written::fit`]), which the share controls say.
    pub link: Memo<Written>,
    /// [`WhatIf::link`] for the links on screen (the navigation, the presenter's, the
    /// share controls' state), written from the scenario as it is after the next paint:
    /// the hrefs are not re-encoded and rewritten inside the frame that answers a
    /// lever. What is copied or written to the address always reads [`WhatIf::link`].
    pub shown_link: Memo<Written>,
    /// Catches [`WhatIf::projection_after_paint`] and [`WhatIf::shown_link`] up at
    /// once; the shell does it before the member can act on what they drew.
    pub after_paint: AfterPaint,
    /// What a link carried that could not be used, shown until dismissed or until a new
    /// link is opened (its own problems then replace these).
    pub link_problems: RwSignal<Vec<LinkProblem>>,
    /// The scenario the browser's Back or Forward, or an address typed, opened in
    /// place of the one on screen (`address::follow`); the shell says so while it is
    /// still the scenario on screen, with the way back (`notices.rs`).
    pub opened_by_address: RwSignal<Option<Scenario>>,
    /// Earlier scenarios, most recent last (undo), and undone ones (redo).
    pub history: RwSignal<History>,
    /// How many times the scenario was replaced as a whole ([`WhatIf::replace`]: undo,
    /// redo, a link, back to the paper, a saved scenario opened, the thresholds reset).
    /// Each time, a field holding an entry it refused drops it and shows the scenario's
    /// value (`components::fields`), so what the fields show is what was brought back.
    pub replaced: RwSignal<u64>,
    /// Entries a field refused, by the field's test id, kept while its screen is
    /// closed: going to another screen and back shows the entry and its message again,
    /// as a language switch does (audit 17: the field showed the last value in effect,
    /// with no word of what was typed). Dropped when the field's entry reads or is
    /// dropped (`components::fields`).
    pub refused_entries: StoredValue<SortedMap<String, RefusedEntry>>,
}

/// An entry a field refused, and what it was refused over: the scenario as it was
/// (the count of [`WhatIf::replaced`]) and the field's value in effect as the field
/// wrote it. If either changed by the time the field is drawn again, the entry is
/// not brought back: the field shows what is in effect now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedEntry {
    pub text: String,
    pub replaced: u64,
    pub in_effect: String,
}

/// The undo and redo stacks. Every change of the scenario, from any screen, is one
/// step; the stacks are bounded so a long session cannot grow without limit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub undo: Vec<Scenario>,
    pub redo: Vec<Scenario>,
    /// The scenario the stacks were last brought up to date with.
    current: Scenario,
    /// Set while an undo or redo is being applied, so it is not recorded as a change.
    restoring: bool,
    /// The field a value was just typed into, and when ([`WhatIf::typed_in`]).
    typing: Option<(String, f64)>,
    /// The field the last recorded step was typed into, and when it was recorded: the
    /// next value typed into the same field before [`TYPING_PAUSE_MS`] continues that
    /// step, so that typing "1000" is one step to undo, not four (audit 17: Undo went
    /// 1000 → 100 → 10 → 1).
    last_typed: Option<(String, f64)>,
    /// The redo steps the newest step set aside when it began, with the number of undo
    /// steps before it: a typing that comes back to where it began, or is put back,
    /// changed nothing, and its Redo is the member's again (it was lost to the typing).
    redo_set_aside: Option<(usize, Vec<Scenario>)>,
}

impl History {
    /// Gives back the redo steps set aside when the undo stack is again as it was
    /// before the step that set them aside, which has gone.
    fn redo_given_back(&mut self) {
        if let Some((depth, redo)) = self.redo_set_aside.take() {
            if self.undo.len() == depth && self.redo.is_empty() {
                self.redo = redo;
            }
        }
    }
}

/// The most steps kept for undo.
pub const MAX_UNDO: usize = 200;

/// The longest pause between keystrokes in one field that still makes one undo step.
const TYPING_PAUSE_MS: f64 = 1_000.0;

/// How soon after a value is typed its change must be recorded to count as typed:
/// the change is recorded by an effect right after the keystroke's task; a value typed
/// that changed nothing must not mark a later change (a button's) as typed.
const TYPED_CHANGE_WITHIN_MS: f64 = 100.0;

impl WhatIf {
    pub fn new(dataset: &Dataset) -> WhatIf {
        let engine = Engine::new(dataset).map(Arc::new);
        let baseline = engine.as_ref().ok().and_then(|e| e.project(&Scenario::default()).ok()).map(Arc::new);
        let engine = StoredValue::new(engine);
        let scenario = RwSignal::new(Scenario::default());
        let projected_baseline = baseline.clone();
        let result = Memo::new_with_compare(
            move |_| {
                let scenario = scenario.get();
                // The default scenario's projection is the baseline, made just above:
                // the start-up (and a reset to the paper) reuses it.
                if let Some(baseline) = projected_baseline.as_ref().filter(|_| scenario == Scenario::default()) {
                    return Ok(Arc::clone(baseline));
                }
                engine.with_value(|engine| match engine {
                    Ok(engine) => engine.project(&scenario).map(Arc::new),
                    Err(error) => Err(error.clone()),
                })
            },
            // A new scenario always means a new projection; comparing deep structures
            // would cost more than it saves.
            |_, _| true,
        );
        let fallback = baseline.clone();
        let projection = Memo::new_with_compare(
            move |previous: Option<&Option<Arc<Projection>>>| match result.get() {
                Ok(projection) => Some(projection),
                Err(_) => previous.cloned().flatten().or_else(|| fallback.clone()),
            },
            |_, _| true,
        );
        let error = memo(move |_| result.with(|r| r.as_ref().err().cloned()));
        let projected_scenario =
            memo(
                move |previous: Option<&Scenario>| {
                    if result.with(Result::is_ok) {
                        scenario.get()
                    } else {
                        previous.cloned().unwrap_or_default()
                    }
                },
            );
        let link_simulation = RwSignal::new(None);
        let link = memo(move |_| scenario.with(|s| link_simulation.with(|m| write(s, m.as_ref()))));
        let later = AfterPaint::new();
        let scenario_after_paint = after_paint(later, scenario, Scenario::eq);
        let shown_link = memo(move |_| scenario_after_paint.with(|s| link_simulation.with(|m| write(s, m.as_ref()))));
        WhatIf {
            engine,
            scenario,
            baseline: StoredValue::new(baseline),
            projection,
            projection_after_paint: after_paint(later, projection, same_projection),
            error,
            projected_scenario,
            link_simulation,
            link,
            shown_link,
            after_paint: later,
            link_problems: RwSignal::new(Vec::new()),
            opened_by_address: RwSignal::new(None),
            history: RwSignal::new(History::default()),
            replaced: RwSignal::new(0),
            refused_entries: StoredValue::new(SortedMap::new()),
        }
    }

    /// Starts recording every scenario change for undo. Called once by the shell,
    /// after a link (if any) has been applied, so the link's scenario is the start.
    pub fn record_history(&self) {
        let history = self.history;
        let scenario = self.scenario;
        history.update(|h| h.current = scenario.get_untracked());
        effect(move |_| {
            let next = scenario.get();
            let now = js_sys::Date::now();
            history.update(|h| {
                let typed =
                    h.typing.take().filter(|(_, at)| now - at <= TYPED_CHANGE_WITHIN_MS).map(|(field, _)| field);
                if h.restoring {
                    h.restoring = false;
                    h.last_typed = None;
                } else if next != h.current {
                    let continues = match (&typed, &h.last_typed) {
                        (Some(field), Some((last_field, at))) => field == last_field && now - at <= TYPING_PAUSE_MS,
                        _ => false,
                    };
                    if !continues {
                        let previous = std::mem::replace(&mut h.current, next.clone());
                        // A step that begins with Redo empty keeps what an earlier
                        // step set aside: a typing paused for over a second is two
                        // steps, and putting it back (the field refused it) goes back
                        // past both to where the first set the Redo aside.
                        let redo = std::mem::take(&mut h.redo);
                        if !redo.is_empty() || h.redo_set_aside.is_none() {
                            h.redo_set_aside = Some((h.undo.len(), redo));
                        }
                        h.undo.push(previous);
                        if h.undo.len() > MAX_UNDO {
                            h.undo.remove(0);
                            // The depth it would come back to is gone with the oldest step.
                            h.redo_set_aside = None;
                        }
                    }
                    if continues && h.undo.last() == Some(&next) {
                        // The typing came back to where its step began (the text typed
                        // back to the value it began from): the step changed nothing and
                        // goes, and the next keystroke starts a step of its own. (A
                        // refused entry's putting back is `put_back`, which is no step.)
                        h.undo.pop();
                        h.redo_given_back();
                        h.last_typed = None;
                    } else {
                        h.last_typed = typed.map(|field| (field, now));
                    }
                }
                h.current = next;
            });
        });
    }

    /// Says that the change about to be made was typed into the field `field` (its
    /// test id): changes typed into one field without a pause are one undo step.
    pub fn typed_in(&self, field: &str) {
        let now = js_sys::Date::now();
        self.history.update_untracked(|h| h.typing = Some((field.to_string(), now)));
    }

    /// The number of undo steps: where a typing began, for [`WhatIf::put_back`].
    pub fn undo_depth(&self) -> usize {
        self.history.with_untracked(|h| h.undo.len())
    }

    /// Puts back `scenario`, in effect when a typing began at `undo_depth` steps, as if
    /// the typing had not happened: its steps go, and putting back is no step. (A full
    /// stack drops its oldest steps, so the step the typing began with may then be the
    /// last one left; it goes too.) Not a replacement: the field keeps its refused text.
    pub fn put_back(&self, scenario: Scenario, undo_depth: usize) {
        self.history.update(|h| {
            h.undo.truncate(undo_depth);
            if h.undo.last() == Some(&scenario) {
                h.undo.pop();
            }
            h.redo_given_back();
            h.restoring = true;
        });
        self.scenario.set(scenario);
    }

    /// Replaces the scenario as a whole (see [`WhatIf::replaced`]).
    pub fn replace(&self, scenario: Scenario) {
        self.replaced.update(|times| *times = times.wrapping_add(1));
        self.scenario.set(scenario);
    }

    pub fn undo(&self) {
        let mut target = None;
        self.history.update(|h| {
            if let Some(previous) = h.undo.pop() {
                h.redo_set_aside = None;
                h.redo.push(h.current.clone());
                h.restoring = true;
                target = Some(previous);
            }
        });
        if let Some(previous) = target {
            self.replace(previous);
        }
    }

    pub fn redo(&self) {
        let mut target = None;
        self.history.update(|h| {
            if let Some(next) = h.redo.pop() {
                h.redo_set_aside = None;
                h.undo.push(h.current.clone());
                h.restoring = true;
                target = Some(next);
            }
        });
        if let Some(next) = target {
            self.replace(next);
        }
    }

    /// Opens a link (the fragment's text, with or without its `#`): a link means
    /// exactly the scenario it carries, so its scenario replaces the one being edited
    /// — the paper's, if it carries none (`#view=overview&lang=en`) — and the one it
    /// replaced is one Undo away. Whatever could not be used is listed for the member,
    /// with what it names that `data` (the data the screens show) does not have
    /// (`blockvote_present::links::open_link`).
    pub fn open_link(&self, fragment: &str, data: &Dataset) {
        let (decoded, problems) = blockvote_present::links::open_link(fragment, data);
        if self.scenario.with_untracked(|s| *s != decoded.scenario) {
            self.replace(decoded.scenario);
        }
        if self.link_simulation.with_untracked(|m| *m != decoded.simulation) {
            self.link_simulation.set(decoded.simulation);
        }
        self.link_problems.set(problems);
    }

    /// The scenario's pairs for the URL fragment (see [`WhatIf::link`]).
    pub fn link_pairs(&self) -> Vec<(String, String)> {
        self.link.with(|written| written.pairs.clone())
    }

    /// True if `params` (a fragment's pairs) hold exactly the scenario pairs the app
    /// writes for the scenario on screen: the address is the app's own, and reading
    /// it back would change nothing — or, for a scenario a link cannot carry, would
    /// replace it with nothing.
    pub fn is_current_link(&self, params: &[(String, String)]) -> bool {
        let scenario_pairs = params.iter().filter(|(key, _)| SCENARIO_KEYS.contains(&key.as_str()));
        self.link.with_untracked(|written| scenario_pairs.eq(written.pairs.iter()))
    }

    /// Changes the scenario in place.
    pub fn update(&self, change: impl FnOnce(&mut Scenario)) {
        self.scenario.update(change);
    }

    /// The edit of one project (empty if none).
    pub fn project_edit(&self, id: u16) -> Edit {
        self.scenario.with(|s| s.projects.iter().rev().find(|p| p.id == id).map(|p| p.edit.clone()).unwrap_or_default())
    }

    /// Replaces the edit of one project; an empty edit removes it.
    pub fn set_project_edit(&self, id: u16, edit: Edit) {
        self.scenario.update(|s| {
            s.projects.retain(|p| p.id != id);
            if edit != Edit::default() {
                s.projects.push(ProjectEdit { id, edit });
                blockvote_model::order::sort_by_key(&mut s.projects, |p| p.id);
            }
        });
    }
}

/// Two projections are the same when they are one value: a new scenario always makes
/// a new projection, and comparing their contents would cost more than it saves.
fn same_projection(a: &Option<Arc<Projection>>, b: &Option<Arc<Projection>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// The what-if state provided by the shell; a fallback over an empty dataset keeps a
/// stray component from panicking.
pub fn use_whatif() -> WhatIf {
    use_context::<WhatIf>().unwrap_or_else(|| WhatIf::new(&Dataset::empty()))
}
