//! Sorting a table by its column headings: which column and which way, kept in the
//! address under the table's own keys, the `aria-sort` and arrow of each heading, and
//! what pressing a heading does (ascending first, a second press reverses).

use crate::route::param;
use blockvote_model::link::LinkReason;

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

/// The `dir=` value of a descending sort, as a heading writes it.
pub const DESCENDING: &str = "desc";
/// The `dir=` value of an ascending sort, which a heading leaves out.
pub const ASCENDING: &str = "asc";

/// Reads a column's address value: the column, the first one for an empty value, or
/// why not, with the values the table takes.
pub fn read_column<K: Column>(value: &str) -> Result<K, LinkReason> {
    if value.trim().is_empty() {
        return Ok(K::default());
    }
    K::from_key(value).ok_or_else(|| LinkReason::NotOneOf { accepted: K::ALL.iter().map(|c| c.key()).collect() })
}

/// Reads a direction's address value: whether it is descending (an empty value is
/// ascending), or why not, with the values it takes.
pub fn read_direction(value: &str) -> Result<bool, LinkReason> {
    match value.trim() {
        "" | ASCENDING => Ok(false),
        DESCENDING => Ok(true),
        _ => Err(LinkReason::NotOneOf { accepted: vec![ASCENDING, DESCENDING] }),
    }
}

impl SortKeys {
    /// Why the pair `key=value` is not read as this table's sort, if it is one of its
    /// keys and is not: the same reading as [`Sort::from_params`], for a link's
    /// problems.
    pub fn problem<K: Column>(self, key: &str, value: &str) -> Option<LinkReason> {
        if key == self.column {
            read_column::<K>(value).err()
        } else if key == self.direction {
            read_direction(value).err()
        } else {
            None
        }
    }
}

/// The sort in force: a column and a direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort<K> {
    pub key: K,
    pub descending: bool,
}

impl<K: Column> Sort<K> {
    pub fn from_params(params: &[(String, String)], keys: SortKeys) -> Sort<K> {
        // A value the table does not take is ignored (and named among the link's
        // problems by `SortKeys::problem`).
        let key = param(params, keys.column).and_then(|k| read_column(&k).ok()).unwrap_or_default();
        let descending = param(params, keys.direction).and_then(|d| read_direction(&d).ok()).unwrap_or(false);
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
        [(keys.column, column), (keys.direction, descending.then(|| DESCENDING.to_string()))]
    }
}
