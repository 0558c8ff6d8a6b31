//! Tabs over one stored store, driven by a script of bytes, and the properties of
//! their merge. Shared by the property tests (`tests/saved_sync.rs`) and the
//! `store_merge` fuzz target (`fuzz/fuzz_targets/store_merge.rs`, which includes this
//! file by path), so both check one thing.
//!
//! A tab does what the shell does: a change is made on its copy of the store and
//! committed (a save under a scenario's name on the version the tab worked from,
//! `WorkedFrom`); a write merges with what is stored and stores the result; hearing
//! the storage event merges what is stored into the tab. Tabs act on stale copies as
//! often as the script says, as when two tabs change things before either hears of
//! the other.
#![allow(dead_code)] // Each includer uses its part.

use blockvote_model::engine::monte_carlo::SimulationChoices;
use blockvote_model::engine::Scenario;
use blockvote_model::nfc::nfc;
use blockvote_model::saved::limits::MAX_HISTORY;
use blockvote_model::saved::{
    commit, commit_save, decode, decode_lenient, encode_stored, merge, SaveOn, SavedScenario, Store, WorkedFrom, Writer,
};
use rust_decimal::Decimal;

/// The label of a conflict's second version, as the shell passes it.
pub const LABEL: &str = "另一版本 other version";

/// The most script steps [`check_stores_and_script`] runs: a longer script only
/// repeats changes.
const MAX_STEPS: usize = 120;

/// The `store_merge` fuzz target's check of one input, which the native tests also
/// run over its seeds (`fuzz/seeds/store_merge`). The input is three parts split at
/// the first two NUL bytes: the text of store A, the text of store B (each read as
/// the browser's storage would hand it over, with `decode_lenient`), and a script of
/// change bytes ([`Tabs::run`]). Merging A and B keeps [`check_merge`]'s properties
/// and the result reads back as written; then two tabs over A's scenarios run the
/// script, every merge checked, and agree after one exchange.
pub fn check_stores_and_script(data: &[u8]) {
    let mut parts = data.splitn(3, |byte| *byte == 0);
    let (first, second, script) =
        (parts.next().unwrap_or_default(), parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    let (a, _) = decode_lenient(&String::from_utf8_lossy(first), nfc);
    let (b, _) = decode_lenient(&String::from_utf8_lossy(second), nfc);

    let merged = merge(&a, &b, LABEL).store;
    check_merge(&a, &b, &merged);
    let written = encode_stored(&merged);
    let read = decode(&written, nfc).unwrap_or_else(|problems| panic!("{problems:?} reading {written:?}"));
    assert_eq!(content(&read), content(&merged), "written as {written:?}");

    // Two tabs over A's scenarios. Its stamps and deletions are dropped: every stamp
    // then comes from the tabs' own writers, as in the browser, where a stamp names
    // one version only.
    let base = Store::of(a.scenarios.into_iter().map(|s| SavedScenario { history: Vec::new(), ..s }).collect());
    let mut tabs = Tabs::new(base);
    tabs.run(script.get(..MAX_STEPS * 2).unwrap_or(script));
    tabs.settle();
}

/// Two tabs and the stored store.
pub struct Tabs {
    pub stored: Store,
    pub tabs: Vec<(Store, Writer)>,
    /// Each tab's last deletion, for its undo.
    pub deleted: Vec<Option<(usize, SavedScenario)>>,
    /// The version of each scenario each tab's member worked from.
    pub worked: Vec<WorkedFrom>,
    /// Counts saves, so each saves different levers.
    saves: i64,
}

impl Tabs {
    /// Two tabs that have both read `base`.
    pub fn new(base: Store) -> Tabs {
        let tabs = (0..2u64)
            .map(|n| {
                let mut writer = Writer::new(0x5eed_0000 + n, nfc);
                writer.at(1_000);
                (base.clone(), writer)
            })
            .collect();
        let worked = WorkedFrom::started_with(&base);
        Tabs { stored: base, tabs, deleted: vec![None, None], worked: vec![worked.clone(), worked], saves: 0 }
    }

    /// Runs `script`: each step is an operation byte and its argument byte.
    pub fn run(&mut self, script: &[u8]) {
        for step in script.chunks(2) {
            let (op, arg) = match step {
                [op, arg] => (*op, *arg),
                [op] => (*op, 0),
                _ => continue,
            };
            self.step(usize::from(op & 1), (op >> 1) % 11, arg);
        }
    }

    /// Runs `script` in one tab alone, which never writes nor hears: each step is a
    /// change byte and its argument byte.
    pub fn run_apart(&mut self, tab: usize, script: &[u8]) {
        for step in script.chunks(2) {
            let (op, arg) = match step {
                [op, arg] => (*op, *arg),
                [op] => (*op, 0),
                _ => continue,
            };
            self.step(tab, 2 + op % 8, arg);
        }
    }

    fn step(&mut self, tab: usize, kind: u8, arg: u8) {
        let pick = |store: &Store| store.scenarios.get(usize::from(arg) % store.scenarios.len().max(1)).cloned();
        match kind {
            0 => self.hear(tab),
            1 => self.write(tab),
            2 => {
                self.saves += 1;
                let levers = Scenario { cost_change_pct: Decimal::from(self.saves), ..Scenario::default() };
                self.save(tab, &format!("N{}", arg % 6), levers);
            }
            3 => {
                let Some(target) = pick(&self.tabs[tab].0) else { return };
                self.change(tab, |store, writer| {
                    let _ = store.rename(writer, &target.id, &format!("R{}", arg % 5));
                });
            }
            4 => {
                let Some(target) = pick(&self.tabs[tab].0) else { return };
                self.change(tab, |store, writer| {
                    let _ = store.set_note(writer, &target.id, &format!("note {arg}"));
                });
            }
            5 => {
                let Some(target) = pick(&self.tabs[tab].0) else { return };
                self.change(tab, |store, writer| {
                    let _ = store.duplicate(writer, &target.id);
                });
            }
            6 => {
                let Some(target) = pick(&self.tabs[tab].0) else { return };
                let removed = self.change(tab, |store, _| store.delete(&target.id));
                self.deleted[tab] = removed;
            }
            7 => {
                let Some((position, scenario)) = self.deleted[tab].take() else { return };
                self.change(tab, |store, writer| {
                    let _ = store.restore(writer, position, scenario);
                });
            }
            8 => {
                self.saves += 1;
                let levers = Scenario { cost_change_pct: Decimal::from(self.saves), ..Scenario::default() };
                let incoming = vec![SavedScenario::new("", &format!("N{}", arg % 6), levers, None)];
                self.change(tab, |store, writer| {
                    let _ = store.import(writer, incoming, arg & 1 == 1);
                });
            }
            9 => {
                let (_, writer) = &mut self.tabs[tab];
                let now = writer.now() + u64::from(arg) * 60_000;
                writer.at(now);
            }
            _ => {
                // Both tabs change at once, neither having heard of the other.
                self.change(0, |store, writer| {
                    let _ = store.save(
                        writer,
                        "Shared",
                        Scenario { cost_change_pct: Decimal::ONE, ..Scenario::default() },
                        None,
                    );
                });
                self.change(1, |store, writer| {
                    let _ = store.save(
                        writer,
                        "Shared",
                        Scenario { cost_change_pct: Decimal::TWO, ..Scenario::default() },
                        None,
                    );
                });
            }
        }
    }

    /// A change in one tab, committed there (not yet written).
    pub fn change<R>(&mut self, tab: usize, op: impl FnOnce(&mut Store, &mut Writer) -> R) -> R {
        let (mine, writer) = &mut self.tabs[tab];
        let now = writer.now() + 1;
        writer.at(now);
        let mut after = mine.clone();
        let result = op(&mut after, writer);
        if let Ok(kept) = commit(mine, after, writer) {
            self.worked[tab].changed(mine, &kept);
            *mine = kept;
        }
        result
    }

    /// A save under `name` in one tab, as the shell makes it ([`commit_save`] on what
    /// the tab's member worked from; not yet written). Levers the tab shows under that
    /// name that its member did not work from (another tab's, heard) are never
    /// replaced: they stay in the tab's store (the save made into one version with
    /// them, or both kept).
    pub fn save(&mut self, tab: usize, name: &str, levers: Scenario) {
        let (mine, writer) = &mut self.tabs[tab];
        let now = writer.now() + 1;
        writer.at(now);
        let on = self.worked[tab].for_save(mine, name, nfc);
        let shown = mine.by_name(name).cloned();
        let save = |store: &mut Store, writer: &mut Writer| store.save(writer, name, levers.clone(), None).map(drop);
        let Ok(((), kept)) = commit_save(mine, &on, writer, LABEL, save) else { return };
        let not_worked_from = match &on {
            SaveOn::WorkedFrom(base) => shown.as_ref().is_some_and(|shown| shown.scenario != base.scenario),
            SaveOn::Unseen(_) => true,
            SaveOn::Nothing => false,
        };
        // Within the documented limit only (see `past_history_limit`).
        let within_limit = !past_history_limit(mine) && !past_history_limit(&kept.store);
        if let Some(shown) = shown.filter(|_| not_worked_from && within_limit) {
            let still = kept.store.scenarios.iter().any(|s| s.scenario == shown.scenario);
            assert!(still, "a save replaced levers heard from another tab: {shown:?} in {:?}", kept.store);
        }
        self.worked[tab].changed(mine, &kept.store);
        *mine = kept.store;
    }

    /// The tab writes: merges with what is stored, stores that, and keeps it.
    pub fn write(&mut self, tab: usize) {
        let (mine, _) = &mut self.tabs[tab];
        let merged = merge(mine, &self.stored, LABEL).store;
        check_merge(mine, &self.stored, &merged);
        self.stored = merged.clone();
        self.worked[tab].heard(&merged);
        *mine = merged;
    }

    /// The tab hears of what is stored.
    pub fn hear(&mut self, tab: usize) {
        let (mine, _) = &mut self.tabs[tab];
        let merged = merge(mine, &self.stored, LABEL).store;
        check_merge(mine, &self.stored, &merged);
        self.worked[tab].heard(&merged);
        *mine = merged;
    }

    /// Both tabs write and hear until they agree; checks they agree with the store.
    pub fn settle(&mut self) {
        self.write(0);
        self.write(1);
        self.hear(0);
        assert_eq!(content(&self.tabs[0].0), content(&self.tabs[1].0), "the tabs agree after one exchange");
        assert_eq!(content(&self.tabs[0].0), content(&self.stored), "and agree with what is stored");
    }
}

/// One scenario as the member sees it: id, name, note, levers, simulation, date saved.
pub type Shown<'a> = (&'a str, &'a str, &'a str, &'a Scenario, Option<&'a SimulationChoices>, Option<u64>);

/// What a store shows, by id (for comparing stores whose order or bookkeeping may
/// differ; ids are unique in a store).
pub fn content(store: &Store) -> Vec<Shown<'_>> {
    let mut rows: Vec<_> = store
        .scenarios
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str(), s.note.as_str(), &s.scenario, s.simulation.as_ref(), s.saved_at))
        .collect();
    rows.sort_by(|a, b| a.0.cmp(b.0));
    rows
}

/// The id `saved::merge` gives the copy a conflict keeps of `version`: `c` and the
/// 64-bit FNV-1a hash of its id, stamp and JSON, written out here again so that the
/// oracle does not take the merge's word for it.
fn conflict_copy_id(version: &SavedScenario) -> String {
    let json = serde_json::to_string(version).unwrap_or_default();
    let text = format!("{}|{}|{}", version.id, version.stamp(), json);
    let hash = text
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
    format!("c{hash:016x}")
}

/// Whether `version` is accounted for in `merged`: it is there (same levers, seed and
/// note, under its name or as the second version of a conflict), or the other side
/// holds a version made from it (an edit by a tab that had seen it, itself checked),
/// or a deletion of a version made from it covers it, or a conflict's copy of it was
/// changed or deleted by a tab that showed the copy.
fn accounted(version: &SavedScenario, other: &Store, merged: &Store) -> bool {
    // A conflict kept it as a copy, which a tab that showed the copy has since changed
    // (a version whose stamps include the copy's, which is its id) or deleted.
    let copy = conflict_copy_id(version);
    let copy_changed = merged.scenarios.iter().any(|s| s.id == copy && s.history.contains(&copy));
    let copy_deleted = merged.deleted.iter().chain(&other.deleted).any(|t| t.id == copy);
    let second = format!("({LABEL})");
    // A conflict's copy is `name (label)`, numbered (`name (label) 2`) if taken.
    let is_copy = |name: &str| {
        name.ends_with(&second)
            || name.rsplit_once(&format!("{second} ")).is_some_and(|(_, n)| n.parse::<usize>().is_ok())
    };
    merged.scenarios.iter().any(|s| s.same_levers(version) && (s.name == version.name || is_copy(&s.name)))
        || other.scenarios.iter().any(|o| o.id == version.id && o.made_from(version))
        || merged.deleted.iter().any(|t| t.covers(version))
        || copy_changed
        || copy_deleted
}

/// Whether a store holds stamps past the documented limit of what the merge
/// remembers: a scenario or a deletion whose stamps reached `MAX_HISTORY`, so that it
/// may have forgotten a version another tab still shows.
pub fn past_history_limit(store: &Store) -> bool {
    store.scenarios.iter().any(|s| s.history.len() >= MAX_HISTORY)
        || store.deleted.iter().any(|t| t.history.len() >= MAX_HISTORY)
}

/// Whether two versions carry the same stamp: both have one (a version without any
/// is not the same version as another for that).
fn same_stamp(a: &SavedScenario, b: &SavedScenario) -> bool {
    !a.history.is_empty() && !b.history.is_empty() && a.stamp() == b.stamp()
}

/// The properties of `merged = merge(ours, theirs)` for any two stores: ids unique;
/// nothing a side kept is lost (each of its scenarios is accounted for, except one
/// whose stamp the other side uses for different content, which only text written by
/// hand can hold; versions without stamps are not one version for that); what a
/// deletion of either side covers is gone; merging the result again with either side,
/// or the sides the other way round, gives the same content.
pub fn check_merge(ours: &Store, theirs: &Store, merged: &Store) {
    let mut ids: Vec<&str> = merged.scenarios.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "ids are unique in {merged:?}");

    let sides = [ours, theirs];
    // The documented limit (docs/storage.md): once a scenario's stamps or a deletion's
    // reach MAX_HISTORY, a version they forgot is kept twice, or a deletion of it
    // brought back, and whether a version was lost no oracle can tell. The other
    // properties hold whatever the stamps.
    let within_limit = ![ours, theirs, merged].into_iter().any(past_history_limit);
    for (side, other) in [(ours, theirs), (theirs, ours)].into_iter().filter(|_| within_limit) {
        for version in &side.scenarios {
            let ambiguous = other
                .scenarios
                .iter()
                .any(|o| o.id == version.id && same_stamp(o, version) && !o.same_content(version));
            let repeated = side.scenarios.iter().filter(|s| s.id == version.id).count() > 1;
            if ambiguous || repeated {
                continue;
            }
            assert!(
                accounted(version, other, merged),
                "lost {version:?}\nfrom {side:?}\nand {other:?}\ngiving {merged:?}"
            );
        }
    }
    for version in merged.scenarios.iter() {
        let deleted = sides.iter().flat_map(|s| s.deleted.iter()).any(|t| t.covers(version));
        assert!(!deleted, "a deleted version came back: {version:?}");
    }
    let flipped = merge(theirs, ours, LABEL).store;
    assert_eq!(content(&flipped), content(merged), "the same either way round");
    for side in sides {
        let again = merge(merged, side, LABEL).store;
        assert_eq!(content(&again), content(merged), "merging again changes nothing");
        let reversed = merge(side, merged, LABEL).store;
        assert_eq!(content(&reversed), content(merged), "nor the other way round");
    }
}
