//! Values that catch up after the next paint: what a lever changes first is drawn in
//! the frame that answers it, and everything further from the lever follows one frame
//! later.
//!
//! A lever on Cash flow changes the headline cards, two charts, three tables, the
//! breakdown and the navigation's eleven links. Drawing them all before the browser
//! could paint made the member wait for every panel, most of them below the fold,
//! before seeing any answer. [`after_paint`] gives those panels a copy of a value that
//! is brought up to date by a task queued once the frame has been painted, so the
//! first frame carries the lever's own answer and the rest follow in the next. Several
//! changes inside one frame (typing) are caught up once, with the latest value.
//!
//! The copy never holds a value the source did not hold, and it always ends on the
//! source's latest value: a catch-up reads the source when it runs, not when it was
//! queued. Before the member can act on anything a copy drew (a link followed, a
//! button pressed), the shell catches every copy up at once ([`AfterPaint::catch_up`]
//! on `pointerdown` and `focusin`), so no click can act on a value one change old.

use leptos::prelude::*;
use std::time::Duration;

/// The signal that tells every [`after_paint`] copy to catch up now.
#[derive(Clone, Copy)]
pub struct AfterPaint {
    now: Trigger,
}

impl AfterPaint {
    pub fn new() -> AfterPaint {
        AfterPaint { now: Trigger::new() }
    }

    /// Brings every copy up to date now, without waiting for the next paint.
    pub fn catch_up(&self) {
        self.now.notify();
    }
}

impl Default for AfterPaint {
    fn default() -> AfterPaint {
        AfterPaint::new()
    }
}

/// A copy of `source` that follows it after the next paint, or at once when `after`
/// says so. `same` says when two values are the same, so the copy does not wake its
/// readers for nothing.
pub fn after_paint<S, T>(after: AfterPaint, source: S, same: fn(&T, &T) -> bool) -> ReadSignal<T>
where
    S: Track + GetUntracked<Value = T> + Copy + Send + Sync + 'static,
    T: Send + Sync + 'static,
{
    let copy = RwSignal::new(source.get_untracked());
    // True while a catch-up is queued, so a burst of changes queues one.
    let queued = StoredValue::new(false);
    let catch_up = move || {
        queued.try_set_value(false);
        let Some(latest) = source.try_get_untracked() else {
            return;
        };
        if copy.try_with_untracked(|held| !same(held, &latest)) == Some(true) {
            copy.try_set(latest);
        }
    };
    Effect::new(move |_| {
        source.track();
        if queued.try_get_value() != Some(false) {
            return;
        }
        queued.set_value(true);
        // A task queued from an animation frame callback runs after that frame has
        // been painted.
        request_animation_frame(move || set_timeout(catch_up, Duration::ZERO));
    });
    Effect::new(move |_| {
        after.now.track();
        catch_up();
    });
    copy.read_only()
}
