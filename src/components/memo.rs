//! Memos through one instantiation of Leptos' `Memo::new` per value type.
//!
//! `Memo::new` wraps its function in a closure that compares the new value with the
//! last, compiled once for each function type it is given; every memo of the app goes
//! through [`memo`], which takes the function behind one function type, so that
//! closure is compiled once per type of value instead.

use leptos::prelude::*;

/// A memo of `compute`, as `Memo::new` makes it: worked out when read after what it
/// read changed, and a change only when the value is not equal to the last. It must be
/// read (`with`, `get`) to be followed: a memo only `track()`ed and never read is never
/// worked out, so it hears no change and an effect tracking it alone never runs again.
pub fn memo<T>(compute: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    shared_memo(Box::new(compute))
}

/// A memo's function, given its last value.
type Compute<T> = Box<dyn Fn(Option<&T>) -> T + Send + Sync>;

// Never inlined into `memo`, which is compiled once per caller.
#[inline(never)]
fn shared_memo<T>(compute: Compute<T>) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    Memo::new(compute)
}
