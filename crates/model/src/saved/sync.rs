//! Two tabs' stores made one ([`merge`]).
//!
//! Every tab keeps the saved scenarios in memory and writes them to the one storage
//! key. Before each write it reads what is stored and merges, and it merges again
//! whenever another tab writes, so no tab overwrites another's work. The rule, scenario
//! by scenario (by id):
//!
//! 1. A version a remembered deletion covers (the deleted version, or one it was made
//!    from) is gone: a tab that had not heard of the delete cannot bring it back.
//! 2. A version only one side has is kept (new in that tab, or the other side never
//!    had it).
//! 3. Of two versions, one made from the other (its stamps include the other's) wins:
//!    a rename in one tab is kept over the older version the other tab still shows.
//! 4. Two versions made independently — both tabs changed the same scenario — are a
//!    conflict, and both are kept: the later saved keeps the id and name, the other
//!    becomes a new scenario named `name (label)`, so the member can choose. An edit
//!    made while another tab deleted the scenario is such a version too, and is kept.
//!
//! A change typed into a field (a rename, a note) is made on the version the field
//! opened on ([`commit_edit`]), and a save under a scenario's name on the version the
//! tab's member worked from ([`WorkedFrom`]), so another tab's change heard meanwhile
//! is kept too: made into one version with it, or, if both changed the same, a conflict.
//!
//! Nothing a side kept is lost: each of its scenarios is in the result with the same
//! levers, seed and note, or was changed later by a tab that had seen it, or was
//! deleted by a tab that had seen it. The result does not depend on which side is
//! "ours" (apart from order), and merging it again with either side changes nothing,
//! so tabs agree after one exchange. Property tests and the `store_merge` fuzz target
//! hold these.

use super::edit::{commit, Writer};
use super::limits::{MAX_HISTORY, MAX_NAME_CHARS};
use super::problem::Refusal;
use super::{clean_name, SavedScenario, Store, Tombstone};
use crate::nfc::Normalizer;
use crate::order::{set_of, SortedMap, SortedSet};
use std::cmp::Reverse;

/// A scenario changed in two tabs at once, kept twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The name of the version kept under the scenario's id (the later saved).
    pub kept: String,
    /// The name of the other version, added as a new scenario.
    pub copy: String,
}

/// The merged store and the conflicts found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub store: Store,
    pub conflicts: Vec<Conflict>,
}

/// Merges this tab's store (`ours`) with the stored one (`theirs`, written by another
/// tab); see the module's rule. `conflict_label` names the second version of a
/// conflict (`name (label)`); it should be the same in every tab (bilingual, fixed),
/// so that two tabs finding the same conflict make the same scenario.
pub fn merge(ours: &Store, theirs: &Store, conflict_label: &str) -> Merged {
    let deleted: Vec<Tombstone> = theirs.deleted.iter().chain(&ours.deleted).cloned().collect();
    let mut deletions: SortedMap<&str, Vec<&Tombstone>> = SortedMap::new();
    for tombstone in &deleted {
        deletions.update(tombstone.id.as_str(), Vec::new, |list| list.push(tombstone));
    }
    let covered = |version: &SavedScenario| {
        deletions.get(&version.id.as_str()).is_some_and(|list| list.iter().any(|t| t.covers(version)))
    };
    let rows: Vec<&SavedScenario> = ours.scenarios.iter().chain(&theirs.scenarios).collect();

    let theirs_by_id = first_by_id(&theirs.scenarios);
    let ours_by_id = first_by_id(&ours.scenarios);
    let mut conflicts = Vec::new();
    let mut resolved: SortedMap<&str, Vec<SavedScenario>> = SortedMap::new();
    for id in theirs.scenarios.iter().chain(&ours.scenarios).map(|s| s.id.as_str()) {
        if resolved.contains_key(&id) {
            continue;
        }
        let mine = ours_by_id.get(&id).copied().filter(|v| !covered(v));
        let other = theirs_by_id.get(&id).copied().filter(|v| !covered(v));
        let kept = match (mine, other) {
            (None, None) => Vec::new(),
            (Some(only), None) | (None, Some(only)) => vec![only.clone()],
            (Some(a), Some(b)) => resolve(a, b, conflict_label, &rows, &deleted, &mut conflicts),
        };
        resolved.insert(id, kept);
    }

    // Storage's order first; each of this tab's own follows the one before it here
    // that storage has too (those before any such go before the first, or at the end).
    let mut groups: Vec<(&str, Vec<SavedScenario>)> = Vec::new();
    for row in &theirs.scenarios {
        if let Some(kept) = resolved.remove(&row.id.as_str()).filter(|kept| !kept.is_empty()) {
            groups.push((row.id.as_str(), kept));
        }
    }
    let placed: SortedSet<&str> = set_of(groups.iter().map(|(id, _)| *id));
    let mut followers: SortedMap<&str, Vec<SavedScenario>> = SortedMap::new();
    let (mut leading, mut anchor, mut first_anchor) = (Vec::new(), None, None);
    for row in &ours.scenarios {
        let id = row.id.as_str();
        if placed.contains(&id) {
            anchor = Some(id);
            first_anchor = first_anchor.or(Some(id));
        } else if let Some(kept) = resolved.remove(&id) {
            match anchor {
                Some(anchor) => followers.update(anchor, Vec::new, |list| list.extend(kept)),
                None => leading.extend(kept),
            }
        }
    }
    let mut scenarios: Vec<SavedScenario> = Vec::new();
    for (id, kept) in groups {
        if Some(id) == first_anchor {
            scenarios.append(&mut leading);
        }
        scenarios.extend(kept);
        scenarios.extend(followers.remove(&id).unwrap_or_default());
    }
    scenarios.append(&mut leading);
    unique_ids(&mut scenarios);

    let mut store =
        Store { scenarios, deleted, absorbed: theirs.absorbed.iter().chain(&ours.absorbed).cloned().collect() };
    store.tidy_bookkeeping(None);
    Merged { store, conflicts }
}

/// Makes and keeps ([`commit`]) a change the member began on one scenario as it was
/// then (`began_on`: the version shown when its field opened), in a tab that may since
/// have heard of a newer version another tab made. Returns the change's result and the
/// store to keep, with the conflict found, if any.
///
/// With no `began_on`, or the scenario still as it was, or gone, it is [`commit`] of
/// the change made on `before`. Otherwise the change is made on the version the member
/// saw, and:
/// - if the other tab changed none of what this change changes (a rename here, the
///   levers or the note there), both changes are made into one version, made from the
///   newer: nothing is lost and there is nothing to choose;
/// - if it changed the same (both renamed it, or both wrote its note, differently),
///   the version made here and the newer one are two versions made independently, and
///   [`merge`] keeps both as for any conflict (the later saved keeps the id, the other
///   becomes `name (label)`) and reports it, as if the tabs had not heard each other.
///
/// Without this, a rename typed while the other tab's rename arrived would be made on
/// that rename and replace it as if the member had seen it.
pub fn commit_edit<R>(
    before: &Store,
    began_on: Option<&SavedScenario>,
    writer: &mut Writer,
    conflict_label: &str,
    change: impl FnOnce(&mut Store, &mut Writer) -> Result<R, Refusal>,
) -> Result<(R, Merged), Refusal> {
    commit_on(before, began_on, false, writer, conflict_label, change)
}

/// What a save under a name is made on ([`WorkedFrom::for_save`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOn {
    /// No scenario has the name (the save adds one), or the name cannot be saved (the
    /// save is refused).
    Nothing,
    /// The version of the scenario of that name this tab's member worked from.
    WorkedFrom(SavedScenario),
    /// The scenario of that name as shown, which this tab's member never worked from:
    /// another tab made it, or gave it that name, since this tab started.
    Unseen(SavedScenario),
}

/// Makes and keeps a save under a name (`change`, which saves) as [`SaveOn`] says:
/// - on nothing, it is [`commit`];
/// - on the version the member worked from, it is [`commit_edit`] of that version, but
///   a save always sets the levers: levers another tab saved meanwhile are kept beside
///   the member's (a conflict) even when the member saves the very levers worked from,
///   unless both are the same;
/// - on a scenario the member never worked from, the member's levers are a version
///   made apart from it, and [`merge`] keeps both (a conflict: the member's, saved
///   later, keeps the name), unless both are the same.
///
/// So a save never replaces levers another tab saved that this tab's member has not
/// opened, heard of or not: only opening them (or saving them from this tab) makes
/// them what a save replaces.
pub fn commit_save<R>(
    before: &Store,
    on: &SaveOn,
    writer: &mut Writer,
    conflict_label: &str,
    change: impl FnOnce(&mut Store, &mut Writer) -> Result<R, Refusal>,
) -> Result<(R, Merged), Refusal> {
    match on {
        SaveOn::Nothing => commit_on(before, None, true, writer, conflict_label, change),
        SaveOn::WorkedFrom(base) => commit_on(before, Some(base), true, writer, conflict_label, change),
        SaveOn::Unseen(shown) => {
            // Made on the scenario as shown, but with no stamp of it, so neither version
            // is made from the other: the merge keeps both, or makes one if they agree.
            let mut seen = before.clone();
            if let Some(row) = seen.scenarios.iter_mut().find(|s| s.id == shown.id) {
                row.history.clear();
            }
            let mut after = seen.clone();
            let result = change(&mut after, writer)?;
            let kept = commit(&seen, after, writer)?;
            Ok((result, merge(&kept, before, conflict_label)))
        }
    }
}

/// [`commit_edit`], where `saves_levers` says the change sets the levers (a save):
/// then they count as changed here even when they are the version's own.
fn commit_on<R>(
    before: &Store,
    began_on: Option<&SavedScenario>,
    saves_levers: bool,
    writer: &mut Writer,
    conflict_label: &str,
    change: impl FnOnce(&mut Store, &mut Writer) -> Result<R, Refusal>,
) -> Result<(R, Merged), Refusal> {
    let moved_on = began_on.and_then(|base| before.by_id(&base.id).filter(|now| *now != base).map(|now| (base, now)));
    let Some((base, newer)) = moved_on else {
        let mut after = before.clone();
        let result = change(&mut after, writer)?;
        let store = commit(before, after, writer)?;
        return Ok((result, Merged { store, conflicts: Vec::new() }));
    };
    let mut seen = before.clone();
    if let Some(row) = seen.scenarios.iter_mut().find(|s| s.id == base.id) {
        *row = base.clone();
    }
    let mut after = seen.clone();
    let result = change(&mut after, writer)?;
    let onto_newer = after.by_id(&base.id).and_then(|edited| made_onto(base, newer, edited, saves_levers));
    if let Some(one) = onto_newer {
        if let Some(row) = after.scenarios.iter_mut().find(|s| s.id == base.id) {
            *row = one;
        }
        let store = commit(before, after, writer)?;
        return Ok((result, Merged { store, conflicts: Vec::new() }));
    }
    let kept = commit(&seen, after, writer)?;
    Ok((result, merge(&kept, before, conflict_label)))
}

/// The version of each scenario this tab's member last worked from: as the tab read
/// it at startup, as the member opened it, or as this tab last changed it. A scenario
/// another tab made, and another tab's change to one this tab knew, are heard (and
/// shown) but are not what the member worked from.
///
/// A save under a scenario's name is a change to that version ([`commit_save`]), so a
/// version another tab saved meanwhile, heard or not, is kept beside the member's (or
/// made into one with it) rather than replaced unseen. Without this, a tab that had
/// heard another tab's save replaced it as if its member had seen it, while a tab that
/// had not heard kept both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkedFrom {
    versions: SortedMap<String, SavedScenario>,
}

impl WorkedFrom {
    /// The tab read `store` at startup: each scenario in it is worked from as it is.
    pub fn started_with(store: &Store) -> WorkedFrom {
        WorkedFrom { versions: SortedMap::of_first(store.scenarios.iter().map(|row| (row.id.clone(), row.clone()))) }
    }

    /// The tab heard `store` (another tab's write merged in): what is no longer in it
    /// is forgotten, so what is kept never outgrows the store. What is new in it is
    /// another tab's, not worked from.
    pub fn heard(&mut self, store: &Store) {
        self.versions.retain(|id, _| store.by_id(id).is_some());
    }

    /// This tab's own change made `before` into `after`: every scenario it changed
    /// (or made) is now worked from as it is in `after`.
    pub fn changed(&mut self, before: &Store, after: &Store) {
        for row in &after.scenarios {
            if before.by_id(&row.id) != Some(row) {
                self.versions.insert(row.id.clone(), row.clone());
            }
        }
        self.heard(after);
    }

    /// The member opened `version`: its levers are the ones being edited now.
    pub fn opened(&mut self, version: &SavedScenario) {
        self.versions.insert(version.id.clone(), version.clone());
    }

    /// What a save under `name` (as the member typed it) is made on: the version this
    /// tab worked from of the scenario that name now names, if it was named so then
    /// too; the scenario as shown if it was not (another tab made it, or gave it that
    /// name); nothing if no scenario has the name or it cannot be saved.
    pub fn for_save(&self, store: &Store, name: &str, normalize: Normalizer) -> SaveOn {
        let Ok(name) = clean_name(name, normalize) else { return SaveOn::Nothing };
        let Some(now) = store.by_name(&name) else { return SaveOn::Nothing };
        match self.versions.get(&now.id).filter(|version| version.name == name) {
            Some(version) => SaveOn::WorkedFrom(version.clone()),
            None => SaveOn::Unseen(now.clone()),
        }
    }
}

/// `newer` (made from `base` in another tab) with what `edited` (made from `base` in
/// this one) changed, unless the other tab changed any of that too, to something else.
fn made_onto(
    base: &SavedScenario,
    newer: &SavedScenario,
    edited: &SavedScenario,
    saves_levers: bool,
) -> Option<SavedScenario> {
    // Every field named, so a field added later must be decided here.
    let SavedScenario { id: _, name, note, scenario, simulation, saved_at, questions, history: _ } = edited;
    let mut row = newer.clone();
    let mut changed = false;
    let mut take = |here: bool, there: bool, same: bool, set: &mut dyn FnMut(&mut SavedScenario)| {
        if !here || same {
            return true;
        }
        if there {
            return false;
        }
        set(&mut row);
        changed = true;
        true
    };
    let fits = take(*name != base.name, newer.name != base.name, *name == newer.name, &mut |r| {
        r.name.clone_from(name);
    }) && take(*note != base.note, newer.note != base.note, *note == newer.note, &mut |r| {
        r.note.clone_from(note);
    }) && take(
        saves_levers || (scenario, simulation) != (&base.scenario, &base.simulation),
        (&newer.scenario, &newer.simulation) != (&base.scenario, &base.simulation),
        (scenario, simulation) == (&newer.scenario, &newer.simulation),
        &mut |r| {
            r.scenario = scenario.clone();
            r.simulation.clone_from(simulation);
        },
    ) && take(
        *questions != base.questions,
        newer.questions != base.questions,
        *questions == newer.questions,
        &mut |r| {
            r.questions.clone_from(questions);
        },
    );
    if !fits {
        return None;
    }
    if changed {
        row.saved_at = *saved_at;
    }
    Some(row)
}

fn first_by_id(rows: &[SavedScenario]) -> SortedMap<&str, &SavedScenario> {
    SortedMap::of_first(rows.iter().map(|row| (row.id.as_str(), row)))
}

impl Tombstone {
    /// Whether this deletion covers a version: the same id, and the version is the
    /// deleted one or one it was made from (the first version of a scenario from
    /// version 1, with no stamp, is one every version was made from).
    pub fn covers(&self, version: &SavedScenario) -> bool {
        self.id == version.id && (version.history.is_empty() || self.history.iter().any(|s| s == version.stamp()))
    }
}

impl SavedScenario {
    /// Whether this version was made from `earlier` (a version of the same id): its
    /// stamps include `earlier`'s.
    pub fn made_from(&self, earlier: &SavedScenario) -> bool {
        if earlier.history.is_empty() {
            return !self.history.is_empty();
        }
        self.history.iter().skip(1).any(|stamp| stamp == earlier.stamp())
    }
}

/// The order in which the later-saved version of two is chosen: by date, then by
/// stamp, then by what the member sees, so every tab chooses the same.
fn rank(version: &SavedScenario) -> (Option<u64>, &str, String) {
    (version.saved_at, version.stamp(), version.content_text())
}

/// The stamps of `versions`, in order, each once, at most `MAX_HISTORY`: the first
/// version's own stamp stays first.
fn joined_history(versions: &[&SavedScenario]) -> Vec<String> {
    let mut history: Vec<String> = Vec::new();
    for stamp in versions.iter().flat_map(|v| v.history.iter()) {
        if history.len() < MAX_HISTORY && !history.contains(stamp) {
            history.push(stamp.clone());
        }
    }
    history
}

fn resolve(
    a: &SavedScenario,
    b: &SavedScenario,
    label: &str,
    rows: &[&SavedScenario],
    deleted: &[Tombstone],
    conflicts: &mut Vec<Conflict>,
) -> Vec<SavedScenario> {
    if a == b {
        return vec![a.clone()];
    }
    let later_first = || if rank(a) >= rank(b) { (a, b) } else { (b, a) };
    // Two versions without stamps (written before stamps, or by hand) are not one
    // version for having the same empty stamp: what differs between them is a conflict.
    if !a.history.is_empty() && a.stamp() == b.stamp() {
        // One version: kept once with both pasts, the longer first, so that merging
        // again changes nothing.
        let a_first = (a.history.len(), Reverse(&a.history)) >= (b.history.len(), Reverse(&b.history));
        let (first, second) = if a_first { (a, b) } else { (b, a) };
        let same = a.same_content(b) && a.saved_at == b.saved_at;
        let mut row = if same { a.clone() } else { later_first().0.clone() };
        row.history = joined_history(&[first, second]);
        return vec![row];
    }
    if a.made_from(b) {
        return vec![a.clone()];
    }
    if b.made_from(a) {
        return vec![b.clone()];
    }
    let (later, earlier) = later_first();
    if a.same_content(b) {
        // The same change made in two tabs: one version, named by the later's stamp.
        let mut row = later.clone();
        row.history = joined_history(&[later, earlier]);
        return vec![row];
    }
    // A conflict. The later keeps the id, now known to include the other version, so
    // any tab still showing that version takes the later one. Two versions without
    // stamps have none to join: the later is kept as it is, and merging the earlier
    // again finds the copy made below and adds nothing.
    let mut kept = later.clone();
    if !later.history.is_empty() {
        let both =
            SavedScenario { history: vec![later.stamp().to_string(), earlier.stamp().to_string()], ..later.clone() };
        kept.history = joined_history(&[&both, later, earlier]);
    }
    let copy = conflict_copy(earlier, label, rows);
    let already = rows.iter().any(|s| s.id == copy.id && (s.same_levers(&copy) || s.made_from(&copy)))
        || deleted.iter().any(|t| t.covers(&copy));
    if already {
        // An earlier merge made this copy; it is kept (or was deleted) on its own.
        return vec![kept];
    }
    conflicts.push(Conflict { kept: kept.name.clone(), copy: copy.name.clone() });
    vec![kept, copy]
}

/// The other version of a conflict as a scenario of its own. Its id and stamp come
/// from the version itself, so two tabs finding the same conflict make the same copy.
/// Its name is `name (label)`, or `name (label) 2`, 3 … if a scenario of the stores
/// merged (`rows`) has that name already (an earlier conflict's copy): a name is how
/// the member tells scenarios apart, and how a save finds the one it replaces. The
/// name depends only on the stores merged, not on which side is whose.
fn conflict_copy(version: &SavedScenario, label: &str, rows: &[&SavedScenario]) -> SavedScenario {
    let print = fingerprint(&format!(
        "{}|{}|{}",
        version.id,
        version.stamp(),
        serde_json::to_string(version).unwrap_or_default()
    ));
    let id = format!("c{print}");
    let taken = |name: &str| rows.iter().any(|row| row.name == name && row.id != id);
    let named = |suffix: String| {
        let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
        let stem: String = version.name.chars().take(room).collect();
        format!("{}{suffix}", stem.trim_end())
    };
    let first = named(format!(" ({label})"));
    let name = if taken(&first) {
        (2..=rows.len() + 1).map(|n| named(format!(" ({label}) {n}"))).find(|name| !taken(name)).unwrap_or(first)
    } else {
        first
    };
    SavedScenario { history: vec![id.clone()], id, name, ..version.clone() }
}

/// A 64-bit FNV-1a hash as 16 hex digits: stable across builds and platforms.
pub(crate) fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Makes ids unique (a repeat gets `-2`, `-3` …), which only text written by hand or
/// a 64-bit hash meeting another can need.
fn unique_ids(rows: &mut [SavedScenario]) {
    let mut seen: SortedSet<String> = SortedSet::new();
    for row in rows.iter_mut() {
        if seen.insert(row.id.clone()) {
            continue;
        }
        let stem: String = row.id.chars().take(30).collect();
        let fresh = (2u32..).map(|n| format!("{stem}-{n}")).find(|id| !seen.contains(id));
        if let Some(fresh) = fresh {
            seen.insert(fresh.clone());
            row.id = fresh;
        }
    }
}
