//! Chunked tasks: work too long for one browser task (a 100,000-run simulation, a
//! table of two dozen projections) done a slice at a time, one slice per task queued
//! with `setTimeout(0)`, so the page keeps answering input and painting in between.
//!
//! One runner serves every such piece of work. The work says how to do `n` more units
//! ([`ChunkedWork`]); the runner times each slice and sizes the next one to take
//! about [`SLICE_BUDGET_MS`], well inside a 16 ms frame, reports progress after every
//! slice and the result at the end, and stops quietly when the task is cancelled,
//! superseded by a newer task in the same [`TaskSlot`], or when the slot's owner (the
//! component that made it) is disposed.

use leptos::prelude::*;
use std::time::Duration;

/// The time one slice of work should take, in ms.
pub const SLICE_BUDGET_MS: f64 = 6.0;

/// Work done in slices. The runner sizes a slice by the time a unit took in the last
/// one, so a unit should cost about the same throughout; work whose parts cost
/// differently weighs them in units (as the Monte Carlo does its summary's columns).
pub trait ChunkedWork: 'static {
    type Output: 'static;

    /// Does at most `units` more units of work and returns how many it did; zero only
    /// when nothing is left.
    fn step(&mut self, units: u32) -> u32;

    /// `(units done, units in all)`.
    fn progress(&self) -> (u32, u32);

    /// The result, once every unit is done (timed as a slice of its own).
    fn finish(&mut self) -> Self::Output;
}

/// How many units the first slice does, and the bounds of every later one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pace {
    pub first: u32,
    pub min: u32,
    pub max: u32,
}

/// What a task has done so far, for progress bars and for measuring responsiveness.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TaskReport {
    pub done: u32,
    pub total: u32,
    /// From the start (or the preparation) to now, in ms, pauses between slices
    /// included.
    pub elapsed_ms: f64,
    /// The longest single slice, in ms: the longest the page had to wait.
    pub longest_slice_ms: f64,
    /// The time spent working, in ms: the slices' sum.
    pub busy_ms: f64,
}

/// Where an owner runs its tasks, one at a time: starting a task supersedes the one
/// before, [`TaskSlot::cancel`] stops it, and disposing of the owner that made the
/// slot stops it too (its generation can no longer be read).
#[derive(Clone, Copy)]
pub struct TaskSlot {
    generation: StoredValue<u64>,
}

impl TaskSlot {
    /// A slot owned by the current reactive owner (the component calling this).
    pub fn new() -> TaskSlot {
        TaskSlot { generation: StoredValue::new(0) }
    }

    /// Stops the task running in this slot, if any, before its next slice.
    pub fn cancel(&self) {
        self.next_generation();
    }

    fn next_generation(&self) -> Option<u64> {
        let next = self.generation.try_get_value()?.wrapping_add(1);
        self.generation.try_set_value(next);
        Some(next)
    }

    /// True while `generation` is the slot's current task and its owner lives.
    fn is_current(&self, generation: u64) -> bool {
        self.generation.try_get_value() == Some(generation)
    }
}

impl Default for TaskSlot {
    fn default() -> Self {
        TaskSlot::new()
    }
}

type OnSlice<W> = Box<dyn Fn(&W, &TaskReport)>;
type OnFinish<W> = Box<dyn FnOnce(<W as ChunkedWork>::Output, TaskReport)>;

/// A task being set up: the work, its pace, and what to do after each slice and at
/// the end. [`Task::start`] runs it in a slot.
pub struct Task<W: ChunkedWork> {
    work: W,
    pace: Pace,
    slice: u32,
    started_ms: f64,
    report: TaskReport,
    on_slice: Option<OnSlice<W>>,
    on_finish: Option<OnFinish<W>>,
}

impl<W: ChunkedWork> Task<W> {
    pub fn new(work: W, pace: Pace) -> Task<W> {
        let (done, total) = work.progress();
        Task {
            work,
            pace,
            slice: pace.first,
            started_ms: now_ms(),
            report: TaskReport { done, total, ..TaskReport::default() },
            on_slice: None,
            on_finish: None,
        }
    }

    /// Counts the time since `started_ms` (when preparing the work began) as the
    /// task's first slice, since the page waited for it too.
    pub fn prepared_since(mut self, started_ms: f64) -> Task<W> {
        let preparation = (now_ms() - started_ms).max(0.0);
        self.started_ms = started_ms;
        self.report.longest_slice_ms = self.report.longest_slice_ms.max(preparation);
        self.report.busy_ms += preparation;
        self
    }

    /// Called after every slice of work, with the work as it stands.
    pub fn on_slice(mut self, callback: impl Fn(&W, &TaskReport) + 'static) -> Task<W> {
        self.on_slice = Some(Box::new(callback));
        self
    }

    /// Called once with the result.
    pub fn on_finish(mut self, callback: impl FnOnce(W::Output, TaskReport) + 'static) -> Task<W> {
        self.on_finish = Some(Box::new(callback));
        self
    }

    /// Runs the task in `slot`, superseding whatever ran there; the first slice runs
    /// in the next browser task.
    pub fn start(self, slot: TaskSlot) {
        if let Some(generation) = slot.next_generation() {
            schedule(self, slot, generation);
        }
    }

    /// Sizes the next slice from this one: twice as many units when the slice was too
    /// quick to time, else as many as fit in the budget at this slice's pace.
    fn adapt(&mut self, units: u32, spent_ms: f64) {
        let next = if spent_ms < 1.0 {
            self.slice.saturating_mul(2)
        } else {
            let per_unit = spent_ms / f64::from(units.max(1));
            // A float-to-int cast saturates; the clamp below bounds it anyway.
            (SLICE_BUDGET_MS / per_unit) as u32
        };
        self.slice = next.clamp(self.pace.min.max(1), self.pace.max.max(1));
    }

    fn record(&mut self, spent_ms: f64) {
        let (done, total) = self.work.progress();
        self.report.done = done;
        self.report.total = total;
        self.report.busy_ms += spent_ms;
        self.report.longest_slice_ms = self.report.longest_slice_ms.max(spent_ms);
        self.report.elapsed_ms = now_ms() - self.started_ms;
    }
}

fn schedule<W: ChunkedWork>(task: Task<W>, slot: TaskSlot, generation: u64) {
    set_timeout(move || run_slice(task, slot, generation), Duration::ZERO);
}

/// One browser task's worth: a slice of work, or, once every unit is done, the
/// result (a slice of its own). Nothing at all if the task was cancelled, superseded
/// or its owner is gone.
fn run_slice<W: ChunkedWork>(mut task: Task<W>, slot: TaskSlot, generation: u64) {
    if !slot.is_current(generation) {
        return;
    }
    let (done, total) = task.work.progress();
    if done < total {
        let start = now_ms();
        let units = task.work.step(task.slice);
        let spent = now_ms() - start;
        if units > 0 {
            task.adapt(units, spent);
            task.record(spent);
            if let Some(callback) = &task.on_slice {
                callback(&task.work, &task.report);
            }
            schedule(task, slot, generation);
            return;
        }
    }
    let start = now_ms();
    let output = task.work.finish();
    let spent = now_ms() - start;
    task.record(spent);
    if let Some(callback) = task.on_finish.take() {
        callback(output, task.report);
    }
}

/// The page's clock, in ms (0 where there is none).
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map(|performance| performance.now()).unwrap_or(0.0)
}
