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
//! Nothing a side kept is lost: each of its scenarios is in the result with the same
//! levers, seed and note, or was changed later by a tab that had seen it, or was
//! deleted by a tab that had seen it. The result does not depend on which side is
//! "ours" (apart from order), and merging it again with either side changes nothing,
//! so tabs agree after one exchange. Property tests and the `store_merge` fuzz target
//! hold these.

use super::limits::{MAX_HISTORY, MAX_NAME_CHARS};
use super::{SavedScenario, Store, Tombstone};
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

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
    let mut deletions: HashMap<&str, Vec<&Tombstone>> = HashMap::new();
    for tombstone in &deleted {
        deletions.entry(tombstone.id.as_str()).or_default().push(tombstone);
    }
    let covered = |version: &SavedScenario| {
        deletions.get(version.id.as_str()).is_some_and(|list| list.iter().any(|t| t.covers(version)))
    };
    let rows: Vec<&SavedScenario> = ours.scenarios.iter().chain(&theirs.scenarios).collect();

    let theirs_by_id = first_by_id(&theirs.scenarios);
    let ours_by_id = first_by_id(&ours.scenarios);
    let mut conflicts = Vec::new();
    let mut resolved: HashMap<&str, Vec<SavedScenario>> = HashMap::new();
    for id in theirs.scenarios.iter().chain(&ours.scenarios).map(|s| s.id.as_str()) {
        if resolved.contains_key(id) {
            continue;
        }
        let mine = ours_by_id.get(id).copied().filter(|v| !covered(v));
        let other = theirs_by_id.get(id).copied().filter(|v| !covered(v));
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
        if let Some(kept) = resolved.remove(row.id.as_str()).filter(|kept| !kept.is_empty()) {
            groups.push((row.id.as_str(), kept));
        }
    }
    let placed: HashSet<&str> = groups.iter().map(|(id, _)| *id).collect();
    let mut followers: HashMap<&str, Vec<SavedScenario>> = HashMap::new();
    let (mut leading, mut anchor, mut first_anchor) = (Vec::new(), None, None);
    for row in &ours.scenarios {
        let id = row.id.as_str();
        if placed.contains(id) {
            anchor = Some(id);
            first_anchor = first_anchor.or(Some(id));
        } else if let Some(kept) = resolved.remove(id) {
            match anchor {
                Some(anchor) => followers.entry(anchor).or_default().extend(kept),
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
        scenarios.extend(followers.remove(id).unwrap_or_default());
    }
    scenarios.append(&mut leading);
    unique_ids(&mut scenarios);

    let mut store =
        Store { scenarios, deleted, absorbed: theirs.absorbed.iter().chain(&ours.absorbed).cloned().collect() };
    store.tidy_bookkeeping(None);
    Merged { store, conflicts }
}

fn first_by_id(rows: &[SavedScenario]) -> HashMap<&str, &SavedScenario> {
    let mut by_id = HashMap::new();
    for row in rows {
        by_id.entry(row.id.as_str()).or_insert(row);
    }
    by_id
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
    let content = (&version.name, &version.note, &version.scenario, version.seed);
    (version.saved_at, version.stamp(), serde_json::to_string(&content).unwrap_or_default())
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
    if a.stamp() == b.stamp() {
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
    // any tab still showing that version takes the later one.
    let mut kept = later.clone();
    let both = SavedScenario { history: vec![later.stamp().to_string(), earlier.stamp().to_string()], ..later.clone() };
    kept.history = joined_history(&[&both, later, earlier]);
    let copy = conflict_copy(earlier, label);
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
fn conflict_copy(version: &SavedScenario, label: &str) -> SavedScenario {
    let print = fingerprint(&format!(
        "{}|{}|{}",
        version.id,
        version.stamp(),
        serde_json::to_string(version).unwrap_or_default()
    ));
    let suffix = format!(" ({label})");
    let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
    let stem: String = version.name.chars().take(room).collect();
    SavedScenario {
        id: format!("c{print}"),
        name: format!("{}{suffix}", stem.trim_end()),
        history: vec![format!("c{print}")],
        ..version.clone()
    }
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
    let mut seen: HashSet<String> = HashSet::new();
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
