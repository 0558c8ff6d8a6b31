//! Stable sorting through one compiled sort.
//!
//! The standard library's `sort_by` is generic over the element type and the
//! comparison, so every call site with its own closure compiles a copy of the whole
//! sort (driftsort with its small-sort networks): about 3.6 KB of wasm each. Here each
//! caller's comparison reaches one sort of positions as a `&dyn Fn`, so that sort is
//! compiled once; what a caller still costs is two small closures (its comparison and
//! its swap). Moving 19 call sites here took the release wasm's sorting code from
//! 101,879 to 41,727 bytes (the single file 10.6 KiB smaller).
//!
//! The order is the standard library's: stable, so equal elements keep their order.
//! The two inner loops that sort a few elements hundreds of times per lever change
//! (`engine::apportion`, per project of a projection, and
//! `money::round_parts_to_total`, per row of a table) keep the standard sort: an
//! allocation and a call through a pointer per comparison would cost them more than
//! the bytes are worth. `tests/tidy.rs` holds everything else to this module,
//! including sets: [`set_of`] builds a `BTreeSet` without the sort `collect` would add.

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let positions = {
        let items: &[T] = items;
        sorted_positions(items.len(), &|a, b| match (items.get(a), items.get(b)) {
            (Some(a), Some(b)) => compare(a, b),
            // Positions come from `0..len`, so both are always there.
            _ => a.cmp(&b),
        })
    };
    permute(positions, &mut |a, b| items.swap(a, b));
}

/// Sorts `items` by the key `key` gives each, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The set of `items`. `collect()` into a `BTreeSet` sorts its input with the standard
/// stable sort first, a copy of that sort per element type; inserting one by one needs
/// none.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// The positions `0..len` in the order `compare` gives them, ties in position order.
/// Not generic: the one copy of the standard sort the callers of this module share.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Moves the element at `positions[i]` to `i`, for every `i`, through `swap`: one
/// cycle of the permutation at a time, one swap per element out of place. `positions` is a
/// permutation of `0..len` (as `sorted_positions` makes it); each visited entry is
/// overwritten with its own index to mark it done.
fn permute(mut positions: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..positions.len() {
        let mut at = start;
        while let Some(slot) = positions.get_mut(at) {
            let from = std::mem::replace(slot, at);
            if from == start || from == at {
                break;
            }
            // The element for `at` comes from `from`; what was at `at` moves on to
            // `from`, whose own element is fetched next.
            swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sorts `input` by its first field with this module and with the standard
    /// library, and checks both give `expected` (the second field shows stability).
    fn check(input: &[(i32, char)], expected: &[(i32, char)]) {
        let mut ours = input.to_vec();
        sort_by_key(&mut ours, |pair| pair.0);
        let mut standard = input.to_vec();
        standard.sort_by_key(|pair| pair.0);
        assert_eq!(ours, expected);
        assert_eq!(standard, expected);
    }

    #[test]
    fn sorts_stably_like_the_standard_library() {
        check(&[], &[]);
        check(&[(1, 'a')], &[(1, 'a')]);
        check(&[(2, 'a'), (1, 'b')], &[(1, 'b'), (2, 'a')]);
        check(&[(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')], &[(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')]);
        check(&[(3, 'a'), (3, 'b'), (3, 'c')], &[(3, 'a'), (3, 'b'), (3, 'c')]);
    }

    #[test]
    fn a_set_holds_each_item_once_in_order() {
        assert_eq!(set_of([3, 1, 3, 2]).into_iter().collect::<Vec<_>>(), vec![1, 2, 3]);
        assert!(set_of(Vec::<u8>::new()).is_empty());
    }

    #[test]
    fn sorts_long_lists_of_owned_values_like_the_standard_library() {
        // Strings (owned, dropped when moved wrongly) in a scrambled order with many ties.
        let input: Vec<String> = (0..500_u32).map(|n| format!("{}-{n}", (n * 7919) % 37)).collect();
        let mut ours = input.clone();
        sort_by(&mut ours, |a, b| a.split('-').next().cmp(&b.split('-').next()).then(b.len().cmp(&a.len())));
        let mut standard = input;
        standard.sort_by(|a, b| a.split('-').next().cmp(&b.split('-').next()).then(b.len().cmp(&a.len())));
        assert_eq!(ours, standard);
    }
}
