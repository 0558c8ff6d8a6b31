//! Text set aside: a stored entry the reader reported problems on (unreadable, or
//! written by a newer blockvote) is copied to a numbered place before anything
//! overwrites it, and every such place is offered back to the member for download,
//! on every visit, until the member removes it.
//!
//! The places of one kind are `base`, `base.2` … `base.{MAX_SET_ASIDE}`: the writer
//! (the shell's `set_aside`) takes the first free one, the reader
//! ([`set_aside_in`]) lists those that hold text, both by [`slot_key`], so the two
//! never disagree on where set-aside text can be.

use super::limits::MAX_SET_ASIDE;

/// Where unreadable saved-scenarios text is set aside (then `.2`, `.3` …).
pub const SCENARIOS_SET_ASIDE_KEY: &str = "blockvote.scenarios.v1.backup";
/// Where an unusable stored dataset is set aside (then `.2`, `.3` …).
pub const DATASET_SET_ASIDE_KEY: &str = "blockvote.dataset.v1.unreadable";

/// What a text set aside was stored as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SetAsideKind {
    /// The saved scenarios' text: downloads as it was stored, and imports again
    /// through the Scenarios screen's Import.
    Scenarios,
    /// An imported dataset's text: downloads as its projects CSV (for the Project
    /// data import), or as stored if it is no longer a dataset.
    Dataset,
}

impl SetAsideKind {
    /// Both kinds, in the order they are listed.
    pub const ALL: [SetAsideKind; 2] = [SetAsideKind::Scenarios, SetAsideKind::Dataset];

    /// The first place of this kind; the others are numbered after it.
    pub fn base(self) -> &'static str {
        match self {
            SetAsideKind::Scenarios => SCENARIOS_SET_ASIDE_KEY,
            SetAsideKind::Dataset => DATASET_SET_ASIDE_KEY,
        }
    }
}

/// One text set aside: its kind and the storage key it is under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAsideKey {
    pub kind: SetAsideKind,
    pub key: String,
    /// Which place of its kind (1 to [`MAX_SET_ASIDE`]).
    pub slot: usize,
}

/// The key of place `slot` (from 1) of `base`: `base` itself, then `base.2` …
pub fn slot_key(base: &str, slot: usize) -> String {
    if slot <= 1 {
        base.to_string()
    } else {
        format!("{base}.{slot}")
    }
}

/// Every place of `base`, first to last ([`MAX_SET_ASIDE`] of them).
pub fn slot_keys(base: &str) -> impl Iterator<Item = String> + '_ {
    (1..=MAX_SET_ASIDE).map(move |slot| slot_key(base, slot))
}

/// Which place of `base` `key` is, if it is one (exactly as [`slot_key`] writes it:
/// no `base.1`, `base.02`, `base.+2` or places past [`MAX_SET_ASIDE`]).
fn slot_of(base: &str, key: &str) -> Option<usize> {
    if key == base {
        return Some(1);
    }
    let number = key.strip_prefix(base)?.strip_prefix('.')?;
    let slot: usize = number.parse().ok()?;
    ((2..=MAX_SET_ASIDE).contains(&slot) && slot_key(base, slot) == key).then_some(slot)
}

/// The texts set aside among `keys` (the storage's keys, in any order): the saved
/// scenarios' first, then the datasets', each in the order of its places; at most
/// [`MAX_SET_ASIDE`] of each kind, and each key once however often it is given.
pub fn set_aside_in<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<SetAsideKey> {
    let mut taken = [[false; MAX_SET_ASIDE]; SetAsideKind::ALL.len()];
    for key in keys {
        for (places, kind) in taken.iter_mut().zip(SetAsideKind::ALL) {
            if let Some(place) = slot_of(kind.base(), key).and_then(|slot| places.get_mut(slot - 1)) {
                *place = true;
            }
        }
    }
    let mut found = Vec::new();
    for (places, kind) in taken.iter().zip(SetAsideKind::ALL) {
        for (index, _) in places.iter().enumerate().filter(|(_, taken)| **taken) {
            let slot = index + 1;
            found.push(SetAsideKey { kind, key: slot_key(kind.base(), slot), slot });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lists the texts set aside among `keys` and checks their keys, in order.
    #[track_caller]
    fn check(keys: &[&str], expected: &[&str]) {
        let found = set_aside_in(keys.iter().copied());
        let listed: Vec<&str> = found.iter().map(|k| k.key.as_str()).collect();
        assert_eq!(listed, expected, "set aside among {keys:?}");
        for entry in &found {
            assert_eq!(slot_key(entry.kind.base(), entry.slot), entry.key);
        }
    }

    const S: &str = SCENARIOS_SET_ASIDE_KEY;
    const D: &str = DATASET_SET_ASIDE_KEY;

    #[test]
    fn places_are_named_as_the_writer_names_them() {
        let all: Vec<String> = slot_keys(S).collect();
        assert_eq!(all.len(), MAX_SET_ASIDE);
        assert_eq!(all[0], "blockvote.scenarios.v1.backup");
        assert_eq!(all[1], "blockvote.scenarios.v1.backup.2");
        assert_eq!(all[19], "blockvote.scenarios.v1.backup.20");
        assert_eq!(slot_key(D, 3), "blockvote.dataset.v1.unreadable.3");
    }

    #[test]
    fn nothing_set_aside() {
        check(&[], &[]);
        check(&["blockvote.scenarios.v1", "blockvote.dataset.v1", "blockvote.lang", "other"], &[]);
    }

    #[test]
    fn every_place_is_listed_in_order_scenarios_first() {
        check(
            &[
                "blockvote.scenarios.v1.backup.4",
                "blockvote.dataset.v1.unreadable",
                "blockvote.scenarios.v1",
                "blockvote.scenarios.v1.backup.10",
                "blockvote.scenarios.v1.backup",
                "blockvote.scenarios.v1.backup.2",
                "blockvote.dataset.v1.unreadable.3",
            ],
            &[
                "blockvote.scenarios.v1.backup",
                "blockvote.scenarios.v1.backup.2",
                "blockvote.scenarios.v1.backup.4",
                "blockvote.scenarios.v1.backup.10",
                "blockvote.dataset.v1.unreadable",
                "blockvote.dataset.v1.unreadable.3",
            ],
        );
    }

    #[test]
    fn only_the_writers_places_are_listed_each_once() {
        check(
            &[
                "blockvote.scenarios.v1.backup.1",
                "blockvote.scenarios.v1.backup.02",
                "blockvote.scenarios.v1.backup.+3",
                "blockvote.scenarios.v1.backup.21",
                "blockvote.scenarios.v1.backup.0",
                "blockvote.scenarios.v1.backup.",
                "blockvote.scenarios.v1.backupx",
                "blockvote.scenarios.v1.backup.2.2",
                "blockvote.scenarios.v1.backup.99999999999999999999999",
                "blockvote.scenarios.v1.backup.5",
                "blockvote.scenarios.v1.backup.5",
            ],
            &["blockvote.scenarios.v1.backup.5"],
        );
    }

    #[test]
    fn bounded_by_the_places() {
        let mut keys: Vec<String> = (1..=100).map(|slot| slot_key(S, slot)).collect();
        keys.extend((1..=100).map(|slot| slot_key(D, slot)));
        keys.reverse();
        let found = set_aside_in(keys.iter().map(String::as_str));
        assert_eq!(found.len(), 2 * MAX_SET_ASIDE);
        let scenarios: Vec<String> =
            found.iter().filter(|k| k.kind == SetAsideKind::Scenarios).map(|k| k.key.clone()).collect();
        assert_eq!(scenarios, slot_keys(S).collect::<Vec<_>>());
        let datasets: Vec<String> =
            found.iter().filter(|k| k.kind == SetAsideKind::Dataset).map(|k| k.key.clone()).collect();
        assert_eq!(datasets, slot_keys(D).collect::<Vec<_>>());
    }
}
