//! Effects through one shared instantiation of Leptos' `Effect::new`.
//!
//! `Effect::new` compiles its task (an async loop that waits for a change of what the
//! effect read and runs it again) once for each closure type it is given, about 1 KB of
//! wasm each. Every effect of the app that keeps no value from one run to the next goes
//! through [`effect`], which takes the closure behind one function type.

use leptos::prelude::*;

/// Runs `run` after the render that calls it and again whenever a signal it read
/// changes, as `Effect::new` does; `run` is told whether this is its first run.
pub fn effect(run: impl FnMut(bool) + 'static) {
    shared_effect(Box::new(run));
}

// Never inlined into `effect`, which is compiled once per caller: this is the one place
// `Effect::new` is instantiated for these effects.
#[inline(never)]
fn shared_effect(mut run: Box<dyn FnMut(bool)>) {
    Effect::new(move |previous: Option<()>| run(previous.is_none()));
}
