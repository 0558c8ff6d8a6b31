//! Sorting a table by its column headings: which column and which way, kept in the
//! address under the table's own keys, the `aria-sort` and arrow of each heading, and
//! what pressing a heading does (ascending first, a second press reverses).

use crate::route::param;

/// A column a table can be sorted by.
pub trait Column: Copy + Eq + Default + 'static {
    /// Every column, in the table's order.
    const ALL: &'static [Self];

    /// The column's value in the address.
    fn key(self) -> &'static str;

    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key.trim())
    }
}

/// The address keys a table keeps its sort under (`sort`/`dir` for the projects).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SortKeys {
    pub column: &'static str,
    pub direction: &'static str,
}

/// The sort in force: a column and a direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort<K> {
    pub key: K,
    pub descending: bool,
}

impl<K: Column> Sort<K> {
    pub fn from_params(params: &[(String, String)], keys: SortKeys) -> Sort<K> {
        let key = param(params, keys.column).and_then(|k| K::from_key(&k)).unwrap_or_default();
        let descending = param(params, keys.direction).is_some_and(|d| d.trim() == "desc");
        Sort { key, descending }
    }

    /// The `aria-sort` of `key`'s heading: only the sorted column has one.
    pub fn aria(self, key: K) -> Option<&'static str> {
        (self.key == key).then_some(if self.descending { "descending" } else { "ascending" })
    }

    /// The arrow in `key`'s heading.
    pub fn arrow(self, key: K) -> &'static str {
        match (self.key == key, self.descending) {
            (true, false) => "▲",
            (true, true) => "▼",
            (false, _) => "↕",
        }
    }

    /// The address after pressing `key`'s heading: ascending first, a second press
    /// reverses. The default (the first column, ascending) leaves the address clean.
    pub fn pressed(self, key: K, keys: SortKeys) -> [(&'static str, Option<String>); 2] {
        let descending = self.key == key && !self.descending;
        let column = (key != K::default() || descending).then(|| key.key().to_string());
        [(keys.column, column), (keys.direction, descending.then(|| "desc".to_string()))]
    }
}
