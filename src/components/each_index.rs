//! One drawn child per index `0..count`, keyed by its index.
//!
//! A chart's marks and grid lines, and the ticks of a scale, are drawn this way: each
//! child reads its own data through its index, so a change rewrites only the values
//! that moved, and a change of count adds or drops only the children at the end.
//!
//! Every list of this kind goes through the one `<For>` below. A `<For>` is compiled
//! once for each set of closure types it is given (about 2 KB of wasm, and more
//! functions for the browser to compile when the screen first opens), so the child is
//! taken behind one shared function type instead of a closure type per list.

use leptos::prelude::*;
use std::sync::Arc;

/// What draws the child at an index.
type Child = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;

/// The children `child(0)`, `child(1)`, … `child(count - 1)`, following `count`.
pub fn each_index(count: Memo<usize>, child: impl Fn(usize) -> AnyView + Send + Sync + 'static) -> AnyView {
    keyed_by_index(count, Arc::new(child))
}

// Never inlined into `each_index`, which is compiled once per caller: this is the one
// place the `<For>` is instantiated.
#[inline(never)]
fn keyed_by_index(count: Memo<usize>, child: Child) -> AnyView {
    view! { <For each=move || 0..count.get() key=|index| *index children=move |index| child(index) /> }.into_any()
}
