//! Every limit on saved scenarios and on what an offline copy carries, in one place.
//!
//! The writer (storage, the export file, an offline copy), the reader (storage, an
//! imported file, an offline copy's blocks, text set aside) and the member's changes
//! all use these constants, so the app never writes what it will not read back:
//!
//! - a change that would make the stored store larger than [`MAX_WRITE_BYTES`] or hold
//!   more than [`MAX_SCENARIOS`] is refused, with a message naming what was not added;
//! - every reader accepts up to [`MAX_BYTES`], eight times the writer's limit and more
//!   than a browser's storage can hold, so whatever any version of blockvote stored or
//!   set aside can be read (and imported) again;
//! - an offline copy is refused if its scenarios are over [`MAX_WRITE_BYTES`] or
//!   [`MAX_SCENARIOS`], or its dataset over [`MAX_CARRIED_DATASET_BYTES`], which is what
//!   the copy's reader accepts; every dataset the importer accepts fits.
//!
//! `docs/storage.md` lists them for people.

use crate::load::MAX_FILE_BYTES;

/// The largest store text any reader accepts, in UTF-8 bytes (16 MiB). Chromium and
/// Firefox keep at most about 5 million UTF-16 units in one origin's storage (at most
/// 15 MiB of UTF-8), so a store any blockvote ever wrote, or a corrupt entry it set
/// aside, is never refused as too large, and an older blockvote's pretty-printed store
/// can be imported again.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// The largest store the app writes, in UTF-8 bytes of its compact JSON (2 MiB),
/// bookkeeping included. A change that would go over it is refused. Well under
/// [`MAX_BYTES`], and under the storage quota with room left for an imported dataset.
pub const MAX_WRITE_BYTES: usize = 2 * 1024 * 1024;

/// The most scenarios a store holds. Saving, duplicating, undoing a delete, importing
/// and opening an offline copy never go past it; what does not fit is named. Two tabs
/// adding at the same moment can together go past it: nothing is dropped then, and
/// further additions are refused until some are deleted.
pub const MAX_SCENARIOS: usize = 200;

/// The most rows a reader reads from one store text (ten times [`MAX_SCENARIOS`]): a
/// store that tabs grew past [`MAX_SCENARIOS`] still reads whole, and a hostile file
/// cannot make the app build millions of scenarios. Further rows are reported, not
/// read.
pub const MAX_READ_SCENARIOS: usize = 10 * MAX_SCENARIOS;

/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 1_000;

/// The most questions one scenario keeps (drafts picked or edited, and the member's
/// own): every draft blockvote makes for the paper (25) and room for the member's.
pub const MAX_QUESTIONS: usize = 40;

/// The longest question, in characters, in each language.
pub const MAX_QUESTION_CHARS: usize = 2_000;

/// The longest key of a question, in characters.
pub const MAX_QUESTION_KEY_CHARS: usize = 40;

/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 40;

/// The longest revision stamp, in characters.
pub const MAX_STAMP_CHARS: usize = 40;

/// How many revision stamps a scenario keeps (its own first, then those it was made
/// from). Merging two tabs' stores tells an edit from a conflicting edit with them; a
/// longer gap than this is treated as a conflict, which keeps both versions.
pub const MAX_HISTORY: usize = 12;

/// How many deletions a store remembers, so another tab's older copy of the store does
/// not bring a deleted scenario back. The oldest are forgotten first.
pub const MAX_TOMBSTONES: usize = 500;

/// How long a deletion is remembered, in milliseconds (90 days): far longer than any
/// tab stays open with unsaved state.
pub const TOMBSTONE_MS: u64 = 90 * 24 * 60 * 60 * 1000;

/// How many offline-copy scenarios a store remembers having brought in, so deleting
/// one does not make it come back the next time the copy is opened.
pub const MAX_ABSORBED: usize = 2_000;

/// The longest name of an imported dataset (its file name), in characters.
pub const MAX_DATASET_NAME_CHARS: usize = 200;

/// The largest carried (or stored) dataset text, in UTF-8 bytes. JSON writes any
/// character in at most six bytes (`\u003c` for `<`, `\u0001` for a control
/// character), so every projects CSV the importer accepts ([`MAX_FILE_BYTES`]) with
/// any name fits: an offline copy carrying an imported dataset is never refused for
/// its size, and always opens with it.
pub const MAX_CARRIED_DATASET_BYTES: usize = 6 * (MAX_FILE_BYTES + 4 * MAX_DATASET_NAME_CHARS) + 1024;

/// How many texts of one kind (saved scenarios, project data) the app keeps set aside:
/// the places `base`, `base.2` … `base.20` (`saved::set_aside`). The writer takes the
/// first free place, the reader lists every one of them, so whatever was set aside is
/// always offered; when all are taken nothing more is set aside (and the scenarios'
/// unreadable text is not overwritten either) until the member removes one.
pub const MAX_SET_ASIDE: usize = 20;
