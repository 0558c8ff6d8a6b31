//! Drawn children keyed by an index `0..count` ([`each_index`]) or by keys of their own
//! ([`each_key`]).
//!
//! A chart's marks and grid lines, and the ticks of a scale, are drawn this way: each
//! child reads its own data through its index, so a change rewrites only the values
//! that moved, and a change of count adds or drops only the children at the end.
//!
//! Every list of this kind, and every list keyed by a key of its own ([`each_key`]),
//! goes through the one `<For>` below. A `<For>` is compiled once for each set of
//! closure and key types it is given (about 2 KB of wasm, and more functions for the
//! browser to compile when the screen first opens), so the keys and the child are taken
//! behind shared function types and one key type instead of each list's own.

use leptos::prelude::*;
use std::any::Any;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// The children `child(0)`, `child(1)`, … `child(count - 1)`, following `count`.
pub fn each_index(count: Memo<usize>, child: impl Fn(usize) -> AnyView + Send + Sync + 'static) -> AnyView {
    each_key(move || (0..count.get()).collect(), child)
}

/// The children `child(key)` of the keys `keys()` gives, in that order, keyed by the key:
/// a change of the keys adds, drops or moves only the children whose keys did, and a
/// child reads its own data through its key (or is drawn from it, when the key is the
/// whole value: a changed value is then a new child).
pub fn each_key<K>(
    keys: impl Fn() -> Vec<K> + Send + Sync + 'static,
    child: impl Fn(K) -> AnyView + Send + Sync + 'static,
) -> AnyView
where
    K: Eq + Hash + Clone + Send + Sync + 'static,
{
    each_item(keys, K::clone, child)
}

/// The children `child(item)` of the items `items()` gives, in that order, keyed by
/// `key_of(item)`: an item whose key stays keeps its child as it was drawn.
pub fn each_item<T, K>(
    items: impl Fn() -> Vec<T> + Send + Sync + 'static,
    key_of: fn(&T) -> K,
    child: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + Send + Sync + 'static,
    K: Eq + Hash + Send + Sync + 'static,
{
    keyed(
        Arc::new(move || {
            items()
                .into_iter()
                .map(|item| Item { key: AnyKey(Arc::new(key_of(&item))), value: Arc::new(item) })
                .collect()
        }),
        Arc::new(move |item: Item| match item.value.downcast_ref::<T>() {
            Some(value) => child(value.clone()),
            // Every item of this list was made above from a `T`.
            None => ().into_any(),
        }),
    )
}

/// An item of any list, with its key: the lists of every item and key type share one
/// `<For>`, instantiated for this type alone.
struct Item {
    key: AnyKey,
    value: Arc<dyn Any + Send + Sync>,
}

/// A key of any type, compared and hashed as a value of that type.
#[derive(Clone)]
struct AnyKey(Arc<dyn ListKey>);

/// What a `<For>` asks of a key, through a vtable.
trait ListKey: Send + Sync {
    fn as_any(&self) -> &dyn Any;
    fn same_as(&self, other: &dyn ListKey) -> bool;
    fn hash_into(&self, state: &mut dyn Hasher);
}

impl<K: Eq + Hash + Send + Sync + 'static> ListKey for K {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn same_as(&self, other: &dyn ListKey) -> bool {
        other.as_any().downcast_ref::<K>() == Some(self)
    }
    fn hash_into(&self, mut state: &mut dyn Hasher) {
        self.hash(&mut state);
    }
}

impl PartialEq for AnyKey {
    fn eq(&self, other: &Self) -> bool {
        self.0.same_as(&*other.0)
    }
}

impl Eq for AnyKey {}

impl Hash for AnyKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash_into(state);
    }
}

/// The items, in the order their children are drawn, and what draws the child of an item.
type Items = Arc<dyn Fn() -> Vec<Item> + Send + Sync>;
type Child = Arc<dyn Fn(Item) -> AnyView + Send + Sync>;

// Never inlined into its callers, which are compiled once each: this is the one place
// the `<For>` is instantiated.
#[inline(never)]
fn keyed(items: Items, child: Child) -> AnyView {
    view! { <For each=move || items() key=|item: &Item| item.key.clone() children=move |item| child(item) /> }
        .into_any()
}
