use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable identifier of anything in a plan (goal, activity, line, profile ...).
///
/// One counter serves the whole plan, so an id names exactly one thing and is never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub u64);

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}
