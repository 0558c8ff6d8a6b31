//! Stable sorting through one compiled sort.
//!
//! The standard library's `sort_by` is generic over the element type and the
//! comparison, so every call site with its own closure compiles a copy of the whole
//! sort (driftsort with its small-sort networks): about 3.6 KB of wasm each. Here each
//! caller's comparison reaches one sort of positions as a `&dyn Fn`, so that sort is
//! compiled once; what a caller still costs is two small closures (its comparison and
//! its swap). Moving 19 call sites here took the release wasm's sorting code from
//! 101,879 to 41,727 bytes (the single file 10.6 KiB smaller). `sort_unstable` is no
//! cheaper: each element type compiles its own pattern-defeating quicksort, and moving
//! the last three (the engine's ids at start, the findings' departments, the
//! fewest-deferrals search's positions) here took 2.4 KB off the single file.
//!
//! The order is the standard library's: stable, so equal elements keep their order.
//! The two inner loops that sort a few elements hundreds of times per lever change
//! (`engine::apportion`, per project of a projection, and
//! `money::round_parts_to_total`, per row of a table) keep the standard sort: an
//! allocation and a call through a pointer per comparison would cost them more than
//! the bytes are worth. `tests/tidy.rs` holds everything else to this module,
//! including sets: [`SortedSet`] is a sorted list, built by [`set_of`] through this sort.

use std::borrow::Borrow;
use std::cmp::Ordering;

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

/// The set of `items`, sorted through this module's one sort.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> SortedSet<T> {
    let mut items: Vec<T> = items.into_iter().collect();
    sort_by(&mut items, T::cmp);
    items.dedup();
    SortedSet(items)
}

/// A set kept as a sorted list without repeats: the sets the app holds are small (a
/// dataset's projects, departments, years; the rows a member opened), and a `BTreeSet`
/// compiles its tree (insert, remove, rebalancing, iteration, drop) once per element
/// type, about 5 KB of wasm each, where this is a binary search over a `Vec`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SortedSet<T>(Vec<T>);

impl<T> Default for SortedSet<T> {
    fn default() -> SortedSet<T> {
        SortedSet(Vec::new())
    }
}

impl<T: Ord> SortedSet<T> {
    /// The empty set.
    pub fn new() -> SortedSet<T> {
        SortedSet(Vec::new())
    }

    /// Whether `item` is in the set; a set of `String`s is asked with a `&str`.
    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|known| known.borrow().cmp(item)).is_ok()
    }

    /// Adds `item`; false if it was there already.
    pub fn insert(&mut self, item: T) -> bool {
        match self.0.binary_search(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, item);
                true
            }
        }
    }

    /// Takes `item` out; false if it was not there.
    pub fn remove(&mut self, item: &T) -> bool {
        match self.0.binary_search(item) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }
}

impl<T> SortedSet<T> {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn first(&self) -> Option<&T> {
        self.0.first()
    }

    pub fn last(&self) -> Option<&T> {
        self.0.last()
    }
}

/// A map kept as a list sorted by key, for the same reason as [`SortedSet`]: each
/// `BTreeMap` key and value type compiles a tree of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> SortedMap<K, V> {
        SortedMap(Vec::new())
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// The empty map.
    pub fn new() -> SortedMap<K, V> {
        SortedMap(Vec::new())
    }

    /// The map of `pairs`, made by one sort rather than an insertion each; of a key
    /// given twice the first value is kept.
    pub fn of_first(pairs: impl IntoIterator<Item = (K, V)>) -> SortedMap<K, V> {
        let mut pairs: Vec<(K, V)> = pairs.into_iter().collect();
        sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        // The sort is stable, so of equal keys the first given comes first, and
        // `dedup_by` drops the ones after it.
        pairs.dedup_by(|later, first| later.0 == first.0);
        SortedMap(pairs)
    }

    /// Where `key` is, or would go; a map keyed by `String` is asked with a `&str`.
    fn at<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.at(key).is_ok()
    }

    /// Keeps only the entries `keep` says to.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &V) -> bool) {
        self.0.retain(|(key, value)| keep(key, value));
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.at(key).ok().and_then(|at| self.0.get(at)).map(|(_, value)| value)
    }

    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        self.at(key).ok().and_then(|at| self.0.get_mut(at)).map(|(_, value)| value)
    }

    /// Sets `key`'s value, replacing any it had.
    pub fn insert(&mut self, key: K, value: V) {
        match self.at(&key) {
            Ok(at) => {
                if let Some(slot) = self.0.get_mut(at) {
                    slot.1 = value;
                }
            }
            Err(at) => self.0.insert(at, (key, value)),
        }
    }

    /// Changes `key`'s value by `change`, starting from `fresh()` if it has none.
    pub fn update(&mut self, key: K, fresh: impl FnOnce() -> V, change: impl FnOnce(&mut V)) {
        match self.at(&key) {
            Ok(at) => {
                if let Some((_, value)) = self.0.get_mut(at) {
                    change(value);
                }
            }
            Err(at) => {
                let mut value = fresh();
                change(&mut value);
                self.0.insert(at, (key, value));
            }
        }
    }

    /// Takes `key` out, with its value.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        self.at(key).ok().map(|at| self.0.remove(at).1)
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(key, _)| key)
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
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
        let mut set = set_of([5, 1]);
        assert!(set.insert(3) && !set.insert(3));
        assert!(set.contains(&3) && !set.contains(&4));
        assert!(set.remove(&1) && !set.remove(&1));
        assert_eq!(set.iter().copied().collect::<Vec<_>>(), vec![3, 5]);
        assert_eq!((set.first(), set.last(), set.len()), (Some(&3), Some(&5), 2));
        let mut map = SortedMap::new();
        map.insert(7, "seven");
        map.insert(2, "two");
        map.insert(7, "SEVEN");
        assert_eq!(map.keys().copied().collect::<Vec<_>>(), vec![2, 7]);
        assert_eq!((map.get(&7), map.get(&3)), (Some(&"SEVEN"), None));
        assert_eq!((map.remove(&2), map.remove(&2)), (Some("two"), None));
        let mut totals = SortedMap::new();
        for (year, amount) in [(2019, 5), (2018, 1), (2019, 2)] {
            totals.update(year, || 0, |total| *total += amount);
        }
        assert_eq!((totals.get(&2018), totals.get(&2019)), (Some(&1), Some(&7)));
        if let Some(total) = totals.get_mut(&2018) {
            *total = 10;
        }
        assert_eq!(totals.get(&2018), Some(&10));
        // Made by one sort, the first value of a key kept, as `entry().or_insert` keeps it.
        let mut first = SortedMap::of_first([("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)]);
        assert_eq!(first.keys().copied().collect::<Vec<_>>(), vec!["a", "b", "c"]);
        assert_eq!((first.get(&"a"), first.get(&"b"), first.contains_key(&"d")), (Some(&2), Some(&1), false));
        first.retain(|key, value| *key != "c" && *value > 1);
        assert_eq!(first.keys().copied().collect::<Vec<_>>(), vec!["a"]);
        // A set of owned text is asked with borrowed text.
        let names = set_of(["b".to_string(), "a".to_string()]);
        assert!(names.contains("a") && !names.contains("c"));
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
