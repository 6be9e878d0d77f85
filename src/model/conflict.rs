//! Conflicts a merge could not decide, kept in the plan until someone picks a side (see
//! [`crate::merge`]). They are data like the rest of the plan: saved with it, shown in the
//! editor's Conflicts panel, resolved by an undoable edit.

use super::Id;
use serde::{Deserialize, Serialize};

/// The two versions a merge brings together: ours (the file being merged into) and theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MergeSide {
    Ours,
    Theirs,
}

impl MergeSide {
    pub fn other(self) -> MergeSide {
        match self {
            MergeSide::Ours => MergeSide::Theirs,
            MergeSide::Theirs => MergeSide::Ours,
        }
    }
}

/// Below a field: the year of a value per year, or the entry of a list (an item one side removed
/// or added).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ConflictKey {
    Year(i32),
    Entry(Id),
}

/// Why a value could not be merged by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictKind {
    /// Both sides changed the value, differently.
    BothChanged,
    /// The values differ and there is no common version to tell who changed what.
    Differs,
    /// One side removed an item the other side changed (or still uses).
    RemovedAndChanged,
    /// Each change is fine alone, but together they break a rule of the plan (e.g. more financed
    /// from a fund than the operating budget); the change of the side not preferred was held back.
    BreaksRule,
    /// Taken from the other version, but the common version was only a guess (a synced folder's
    /// conflict copy): check it.
    Unconfirmed,
}

/// A value as a merge saw it. Numbers of the plan (FTE, euros) are decimal strings, as in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictValue {
    /// No value: an item that is not there, an empty year, an option that is not set.
    Absent,
    Text(String),
    Number(i64),
    Flag(bool),
    /// A compound value (a whole item, a growth rule, a target) in JSON notation.
    Data(String),
}

/// One value two versions disagree on, with what the plan holds now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The item the value belongs to; `None` for the plan itself (title, mission, available FTE).
    #[serde(default)]
    pub item: Option<Id>,
    /// The field of the item, with sub-fields after dots: `fte`, `meta.title`, `target.value`,
    /// `amounts.Rule.base`, or a list (`operational_goals`) for an entry conflict.
    pub field: String,
    #[serde(default)]
    pub key: Option<ConflictKey>,
    pub kind: ConflictKind,
    pub base: ConflictValue,
    pub ours: ConflictValue,
    pub theirs: ConflictValue,
    /// The side whose value the plan holds now.
    pub kept: MergeSide,
}

impl Conflict {
    pub fn value(&self, side: MergeSide) -> &ConflictValue {
        match side {
            MergeSide::Ours => &self.ours,
            MergeSide::Theirs => &self.theirs,
        }
    }

    /// Whether two conflicts are about the same value.
    pub fn same_place(&self, other: &Conflict) -> bool {
        self.item == other.item && self.field == other.field && self.key == other.key
    }

    /// The year, for a value per year.
    pub fn year(&self) -> Option<i32> {
        match self.key {
            Some(ConflictKey::Year(year)) => Some(year),
            _ => None,
        }
    }

    /// The list entry, for a conflict about a whole item.
    pub fn entry(&self) -> Option<Id> {
        match self.key {
            Some(ConflictKey::Entry(id)) => Some(id),
            _ => None,
        }
    }
}
