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
//! on `pointerdown` and `focusin`), so no click can act on a value one change old; it
//! does the same after opening the page's link, so the first frame never shows the
//! paper's scenario in a panel and the link's in the rest.

use crate::components::effect::effect;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// A copy's catch-up: brings it up to date with its source.
type CatchUp = Arc<dyn Fn() + Send + Sync>;

/// The copies made with one [`AfterPaint`], so they can be caught up together. It lives
/// as long as its copies (the what-if state's live as long as the app).
#[derive(Clone, Copy)]
pub struct AfterPaint {
    copies: StoredValue<Vec<CatchUp>>,
}

impl AfterPaint {
    pub fn new() -> AfterPaint {
        AfterPaint { copies: StoredValue::new(Vec::new()) }
    }

    /// Brings every copy up to date now, before this call returns.
    pub fn catch_up(&self) {
        // Taken out of the store first: setting a copy may run code that makes another.
        let copies = self.copies.try_get_value().unwrap_or_default();
        for copy in copies {
            copy();
        }
    }
}

impl Default for AfterPaint {
    fn default() -> AfterPaint {
        AfterPaint::new()
    }
}

/// A copy of `source` that follows it after the next paint, or at once when `after` is
/// asked to catch up. `same` says when two values are the same, so the copy does not wake its
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
    effect(move |_| {
        source.track();
        if queued.try_get_value() != Some(false) {
            return;
        }
        queued.set_value(true);
        // A task queued from an animation frame callback runs after that frame has
        // been painted.
        request_animation_frame(move || set_timeout(catch_up, Duration::ZERO));
    });
    after.copies.update_value(|copies| copies.push(Arc::new(catch_up)));
    copy.read_only()
}
