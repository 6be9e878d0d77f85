//! The merge itself, on the plan as a tree of values (`serde_json::Value`, the plan's own serde
//! form): so every field of the model merges, also one added later, without code per field.
//!
//! The rules, by the shape of a value:
//! - a struct: field by field (a field a version leaves out, such as an empty per-year map, counts
//!   as empty there);
//! - a per-year map (a map whose keys are years): year by year, an absent year counts as zero;
//! - a list of items with an `id`: item by item, matched by id: added on one side is added,
//!   removed on one side and unchanged on the other is removed, removed on one side and changed on
//!   the other is a conflict; the order is the base order with additions after their predecessor
//!   (or the order of the side that reordered);
//! - a list of plain values (the core tasks of a goal): as a set, additions and removals of both;
//! - an enum with data (`PerYear(..)` / `Rule(..)`): field by field while both keep the variant,
//!   else as one value;
//! - anything else (a text, a decimal, a flag): taken from the side that changed it; changed
//!   differently on both sides is a conflict, decided for the preferred side.

use crate::model::{Conflict, ConflictKey, ConflictKind, ConflictValue, Id, MergeSide};
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Where a value is: the innermost item holding it and the field path below that item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Place {
    pub item: Option<Id>,
    pub field: Vec<String>,
}

impl Place {
    fn child(&self, field: &str) -> Place {
        let mut child = self.clone();
        child.field.push(field.to_string());
        child
    }

    fn item(id: Id) -> Place {
        Place {
            item: Some(id),
            field: Vec::new(),
        }
    }
}

/// What is known of the common version at a place.
#[derive(Debug, Clone, Copy)]
pub(super) enum Base<'a> {
    /// The common version's value (`None`: it had none there).
    Known(Option<&'a Value>),
    /// No common version: values that differ are conflicts, items of one side are kept.
    Unknown,
}

pub(super) struct Engine {
    pub prefer: MergeSide,
    /// The common version is a guess: every change taken from the side not preferred is listed
    /// for review, and nothing is removed by that side.
    pub review: bool,
    pub conflicts: Vec<Conflict>,
    /// Clean changes taken from the side not preferred, as the conflict to raise (holding the
    /// change back) should they break a rule together with the other side's changes.
    pub taken: Vec<Conflict>,
}

impl Engine {
    pub fn new(prefer: MergeSide, review: bool) -> Engine {
        Engine {
            prefer,
            review,
            conflicts: Vec::new(),
            taken: Vec::new(),
        }
    }

    /// Merges one value; `None` means the merged version has no value there.
    pub fn merge(
        &mut self,
        place: &Place,
        key: Option<ConflictKey>,
        yearly: bool,
        base: Base,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if equivalent(ours, theirs, yearly) {
            // The same meaning, maybe not the same notation (`0` or no value): the notation of
            // the side that changed it.
            let ours_is_base = matches!(base, Base::Known(b) if b == ours);
            return if ours_is_base {
                theirs.cloned()
            } else {
                ours.cloned()
            };
        }
        match (ours, theirs) {
            (Some(o @ Value::Object(om)), Some(t @ Value::Object(tm))) if compatible(o, t) => {
                let base_fits = match base {
                    Base::Unknown => true,
                    Base::Known(Some(b)) => b.is_object() && compatible(b, o),
                    Base::Known(None) => false,
                };
                if base_fits {
                    return Some(self.merge_object(place, base, om, tm));
                }
            }
            (Some(Value::Array(o)), Some(Value::Array(t))) => {
                let base_list = match base {
                    Base::Known(Some(Value::Array(b))) => Some(Some(b.as_slice())),
                    Base::Unknown => Some(None),
                    Base::Known(_) => None,
                };
                if let Some(base_list) = base_list {
                    let all = || o.iter().chain(t).chain(base_list.into_iter().flatten());
                    if all().all(|v| item_id(v).is_some()) {
                        return Some(self.merge_list(place, base_list, o, t));
                    }
                    if all().all(|v| !v.is_object() && !v.is_array()) {
                        return Some(self.merge_set(place, base_list, o, t));
                    }
                }
            }
            _ => {}
        }
        self.merge_leaf(place, key, yearly, base, ours, theirs)
    }

    fn merge_leaf(
        &mut self,
        place: &Place,
        key: Option<ConflictKey>,
        yearly: bool,
        base: Base,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        let Base::Known(b) = base else {
            self.conflicts.push(record(
                place,
                key,
                ConflictKind::Differs,
                [None, ours, theirs],
                self.prefer,
            ));
            return self.pick(ours, theirs);
        };
        let ours_changed = !equivalent(b, ours, yearly);
        let theirs_changed = !equivalent(b, theirs, yearly);
        if ours_changed && theirs_changed {
            self.conflicts.push(record(
                place,
                key,
                ConflictKind::BothChanged,
                [b, ours, theirs],
                self.prefer,
            ));
            return self.pick(ours, theirs);
        }
        let from = if ours_changed {
            MergeSide::Ours
        } else {
            MergeSide::Theirs
        };
        self.took(from, place, key, [b, ours, theirs]);
        match from {
            MergeSide::Ours => ours.cloned(),
            MergeSide::Theirs => theirs.cloned(),
        }
    }

    fn pick(&self, ours: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
        match self.prefer {
            MergeSide::Ours => ours.cloned(),
            MergeSide::Theirs => theirs.cloned(),
        }
    }

    /// A clean change taken from `from`; remembered when that is not the preferred side.
    fn took(
        &mut self,
        from: MergeSide,
        place: &Place,
        key: Option<ConflictKey>,
        values: [Option<&Value>; 3],
    ) {
        if from == self.prefer {
            return;
        }
        let change = record(place, key, ConflictKind::BreaksRule, values, from);
        if self.review {
            self.conflicts.push(Conflict {
                kind: ConflictKind::Unconfirmed,
                ..change.clone()
            });
        }
        self.taken.push(change);
    }

    fn merge_object(
        &mut self,
        place: &Place,
        base: Base,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Value {
        let base_map = match base {
            Base::Known(Some(Value::Object(m))) => Some(m),
            _ => None,
        };
        let yearly = is_yearly(ours) || is_yearly(theirs) || base_map.is_some_and(is_yearly);
        let mut keys: Vec<&String> = ours.keys().collect();
        for k in theirs
            .keys()
            .chain(base_map.into_iter().flat_map(|m| m.keys()))
        {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        let empty = Value::Object(Map::new());
        let mut merged = Map::new();
        for k in keys {
            let (b, o, t) = (base_map.and_then(|m| m.get(k)), ours.get(k), theirs.get(k));
            let value = if yearly {
                let year = k.parse::<i32>().unwrap_or_default();
                let key = Some(ConflictKey::Year(year));
                self.merge(place, key, true, child_base(base, b), o, t)
            } else {
                // A field a version leaves out where another has a map (an empty per-year map is
                // not written) is an empty map there.
                let map_elsewhere = [b, o, t]
                    .iter()
                    .any(|v| matches!(v, Some(Value::Object(_))));
                fn fill<'v>(
                    v: Option<&'v Value>,
                    map_elsewhere: bool,
                    empty: &'v Value,
                ) -> Option<&'v Value> {
                    match v {
                        None if map_elsewhere => Some(empty),
                        v => v,
                    }
                }
                let fill = |v| fill(v, map_elsewhere, &empty);
                let base = match base {
                    Base::Known(_) => Base::Known(fill(b)),
                    Base::Unknown => Base::Unknown,
                };
                self.merge(&place.child(k), None, false, base, fill(o), fill(t))
            };
            if let Some(value) = value {
                merged.insert(k.clone(), value);
            }
        }
        Value::Object(merged)
    }

    /// A list of items with ids: item by item, then the order.
    fn merge_list(
        &mut self,
        place: &Place,
        base: Option<&[Value]>,
        ours: &[Value],
        theirs: &[Value],
    ) -> Value {
        let by_id = |list: &[Value]| -> BTreeMap<u64, Value> {
            list.iter()
                .filter_map(|v| item_id(v).map(|id| (id, v.clone())))
                .collect()
        };
        let (b, o, t) = (base.map(by_id), by_id(ours), by_id(theirs));
        let mut ids: Vec<u64> = Vec::new();
        for id in ours
            .iter()
            .chain(theirs)
            .chain(base.into_iter().flatten())
            .filter_map(item_id)
        {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let mut kept: BTreeMap<u64, Value> = BTreeMap::new();
        for id in ids {
            let bi = b.as_ref().and_then(|b| b.get(&id));
            let (oi, ti) = (o.get(&id), t.get(&id));
            let key = Some(ConflictKey::Entry(Id(id)));
            let merged = match (oi, ti) {
                (Some(oi), Some(ti)) => {
                    // Added on both sides under one id: only without a sure common version.
                    let base = match bi {
                        Some(bi) => Base::Known(Some(bi)),
                        None => Base::Unknown,
                    };
                    self.merge(&Place::item(Id(id)), None, false, base, Some(oi), Some(ti))
                }
                (Some(_), None) | (None, Some(_)) => {
                    let (has, present) = match (oi, ti) {
                        (Some(oi), _) => (MergeSide::Ours, oi),
                        (_, Some(ti)) => (MergeSide::Theirs, ti),
                        _ => unreachable!("one side has the item"),
                    };
                    let values = [bi, oi, ti];
                    match bi {
                        // Added by the side that has it (or no common version to tell).
                        None => {
                            self.took(has, place, key, values);
                            Some(present.clone())
                        }
                        // Removed by the other side, unchanged here: removed.
                        Some(bi) if equivalent(Some(bi), Some(present), false) => {
                            let remover = has.other();
                            if self.review && remover != self.prefer {
                                self.conflicts.push(record(
                                    place,
                                    key,
                                    ConflictKind::Unconfirmed,
                                    values,
                                    has,
                                ));
                                Some(present.clone())
                            } else {
                                self.took(remover, place, key, values);
                                None
                            }
                        }
                        // Removed by one side, changed by the other.
                        Some(_) => {
                            self.conflicts.push(record(
                                place,
                                key,
                                ConflictKind::RemovedAndChanged,
                                values,
                                self.prefer,
                            ));
                            (has == self.prefer).then(|| present.clone())
                        }
                    }
                }
                (None, None) => None,
            };
            if let Some(merged) = merged {
                kept.insert(id, merged);
            }
        }
        let order = merged_order(
            base.map(|b| b.iter().filter_map(item_id).collect::<Vec<_>>()),
            &ours.iter().filter_map(item_id).collect::<Vec<_>>(),
            &theirs.iter().filter_map(item_id).collect::<Vec<_>>(),
            &kept.keys().copied().collect(),
            self.prefer,
        );
        Value::Array(
            order
                .into_iter()
                .filter_map(|id| kept.remove(&id))
                .collect(),
        )
    }

    /// A list of plain values, as a set: what one side added is added, what one side removed is
    /// removed. Numbers come out sorted (as the editor keeps them).
    fn merge_set(
        &mut self,
        place: &Place,
        base: Option<&[Value]>,
        ours: &[Value],
        theirs: &[Value],
    ) -> Value {
        let in_base = |v: &Value| base.is_some_and(|b| b.contains(v));
        let mut merged: Vec<Value> = ours
            .iter()
            .filter(|v| theirs.contains(v) || !in_base(v))
            .cloned()
            .collect();
        for v in theirs {
            if !merged.contains(v) && !ours.contains(v) && !in_base(v) {
                merged.push(v.clone());
            }
        }
        if merged.iter().all(Value::is_u64) {
            merged.sort_by_key(|v| v.as_u64());
        }
        let preferred = match self.prefer {
            MergeSide::Ours => ours,
            MergeSide::Theirs => theirs,
        };
        if base.is_some() && merged != preferred {
            let [b, o, t] = [base, Some(ours), Some(theirs)].map(|l| l.map(|l| l.to_vec()));
            let (b, o, t) = (
                b.map(Value::Array),
                o.map(Value::Array),
                t.map(Value::Array),
            );
            self.took(
                self.prefer.other(),
                place,
                None,
                [b.as_ref(), o.as_ref(), t.as_ref()],
            );
        }
        Value::Array(merged)
    }
}

fn child_base<'a>(base: Base<'a>, child: Option<&'a Value>) -> Base<'a> {
    match base {
        Base::Known(_) => Base::Known(child),
        Base::Unknown => Base::Unknown,
    }
}

/// A conflict (or a change taken) at a place with the three values.
fn record(
    place: &Place,
    key: Option<ConflictKey>,
    kind: ConflictKind,
    [base, ours, theirs]: [Option<&Value>; 3],
    kept: MergeSide,
) -> Conflict {
    Conflict {
        item: place.item,
        field: place.field.join("."),
        key,
        kind,
        base: to_conflict_value(base),
        ours: to_conflict_value(ours),
        theirs: to_conflict_value(theirs),
        kept,
    }
}

/// The order of a merged list: the order of the side that reordered the items they share with
/// the base (ours when neither or both did), with the other side's additions after their
/// predecessor (after additions of the first side there).
fn merged_order(
    base: Option<Vec<u64>>,
    ours: &[u64],
    theirs: &[u64],
    kept: &BTreeSet<u64>,
    prefer: MergeSide,
) -> Vec<u64> {
    let reordered = |side: &[u64]| {
        base.as_ref().is_some_and(|base| {
            let a: Vec<u64> = base
                .iter()
                .filter(|id| side.contains(id))
                .copied()
                .collect();
            let b: Vec<u64> = side
                .iter()
                .filter(|id| base.contains(id))
                .copied()
                .collect();
            a != b
        })
    };
    let (first, second) = match (reordered(ours), reordered(theirs)) {
        (false, true) => (theirs, ours),
        (true, true) if prefer == MergeSide::Theirs => (theirs, ours),
        _ => (ours, theirs),
    };
    let is_new_in_first =
        |id: &u64| !second.contains(id) && !base.as_ref().is_some_and(|base| base.contains(id));
    let mut order: Vec<u64> = first
        .iter()
        .filter(|id| kept.contains(id))
        .copied()
        .collect();
    for (i, id) in second.iter().enumerate() {
        if !kept.contains(id) || order.contains(id) {
            continue;
        }
        let mut at = second[..i]
            .iter()
            .rev()
            .find_map(|p| order.iter().position(|o| o == p))
            .map_or(0, |p| p + 1);
        while at < order.len() && is_new_in_first(&order[at]) {
            at += 1;
        }
        order.insert(at, *id);
    }
    order
}

/// The id of a list item (an object with a numeric `id`).
pub(super) fn item_id(value: &Value) -> Option<u64> {
    value.as_object()?.get("id")?.as_u64()
}

/// The variant of an enum with data (`{"Rule": {...}}`): one key, written like a type name.
fn enum_tag(value: &Value) -> Option<&str> {
    let map = value.as_object()?;
    let (tag, _) = map.iter().next()?;
    (map.len() == 1 && tag.starts_with(|c: char| c.is_ascii_uppercase())).then_some(tag.as_str())
}

/// Whether two objects can be merged field by field: the same variant of an enum, or structs.
fn compatible(a: &Value, b: &Value) -> bool {
    a.is_object() && b.is_object() && enum_tag(a) == enum_tag(b)
}

/// A map from year to value.
fn is_yearly(map: &Map<String, Value>) -> bool {
    !map.is_empty() && map.keys().all(|k| k.parse::<i32>().is_ok())
}

fn decimal(value: Option<&Value>) -> Option<Decimal> {
    match value {
        None | Some(Value::Null) => Some(Decimal::ZERO),
        Some(Value::String(s)) => s.parse().ok(),
        _ => None,
    }
}

/// Nothing there: no value, an empty map, or a per-year map of zeros.
fn is_emptyish(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Object(map) => {
            map.is_empty()
                || (is_yearly(map)
                    && map
                        .values()
                        .all(|v| decimal(Some(v)) == Some(Decimal::ZERO)))
        }
        _ => false,
    }
}

/// Whether two values mean the same: an absent year is zero, an absent field is empty.
pub(super) fn equivalent(a: Option<&Value>, b: Option<&Value>, yearly: bool) -> bool {
    if yearly && let (Some(x), Some(y)) = (decimal(a), decimal(b)) {
        return x == y;
    }
    match (a, b) {
        (None, None) => true,
        (None, Some(v)) | (Some(v), None) => is_emptyish(v),
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            let yearly = is_yearly(x) || is_yearly(y);
            x.keys()
                .chain(y.keys())
                .all(|k| equivalent(x.get(k), y.get(k), yearly))
        }
        (Some(Value::Array(x)), Some(Value::Array(y))) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(a, b)| equivalent(Some(a), Some(b), false))
        }
        (Some(x), Some(y)) => x == y,
    }
}

pub(super) fn to_conflict_value(value: Option<&Value>) -> ConflictValue {
    match value {
        None | Some(Value::Null) => ConflictValue::Absent,
        Some(Value::String(s)) => ConflictValue::Text(s.clone()),
        Some(Value::Bool(b)) => ConflictValue::Flag(*b),
        Some(Value::Number(n)) if n.as_i64().is_some() => {
            ConflictValue::Number(n.as_i64().unwrap_or_default())
        }
        Some(other) => ConflictValue::Data(other.to_string()),
    }
}

pub(super) fn from_conflict_value(value: &ConflictValue) -> Result<Option<Value>, String> {
    Ok(match value {
        ConflictValue::Absent => None,
        ConflictValue::Text(s) => Some(Value::String(s.clone())),
        ConflictValue::Number(n) => Some(Value::from(*n)),
        ConflictValue::Flag(b) => Some(Value::Bool(*b)),
        ConflictValue::Data(json) => Some(serde_json::from_str(json).map_err(|e| e.to_string())?),
    })
}

/// One step from a value to a value inside it.
enum Step {
    Key(String),
    Index(usize),
}

/// The way from `root` to the list item with this id.
fn path_to_item(value: &Value, id: u64) -> Option<Vec<Step>> {
    match value {
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let mut path = path_to_item(v, id)?;
            path.insert(0, Step::Key(k.clone()));
            Some(path)
        }),
        Value::Array(list) => list.iter().enumerate().find_map(|(i, v)| {
            if item_id(v) == Some(id) {
                return Some(vec![Step::Index(i)]);
            }
            let mut path = path_to_item(v, id)?;
            path.insert(0, Step::Index(i));
            Some(path)
        }),
        _ => None,
    }
}

/// Whether the plan tree has a list item with this id.
pub(super) fn has_item(root: &Value, id: Id) -> bool {
    path_to_item(root, id.0).is_some()
}

/// Sets (or with `None` removes) the value a conflict is about; `false` when the place is not
/// there (its item is gone, or the field does not exist).
pub(super) fn set_at(
    root: &mut Value,
    item: Option<Id>,
    field: &str,
    key: Option<ConflictKey>,
    value: Option<Value>,
) -> bool {
    let mut node = root;
    if let Some(item) = item {
        let Some(path) = path_to_item(node, item.0) else {
            return false;
        };
        for step in path {
            let next = match step {
                Step::Key(k) => node.get_mut(&k),
                Step::Index(i) => node.get_mut(i),
            };
            let Some(next) = next else {
                return false;
            };
            node = next;
        }
    }
    let mut segments: Vec<&str> = field.split('.').filter(|s| !s.is_empty()).collect();
    let last = match key {
        None => match segments.pop() {
            Some(last) => Some(last),
            None => return false,
        },
        Some(_) => None,
    };
    for segment in segments {
        let Some(map) = node.as_object_mut() else {
            return false;
        };
        if !map.contains_key(segment) {
            if value.is_none() {
                return true;
            }
            map.insert(segment.to_string(), Value::Object(Map::new()));
        }
        node = map.get_mut(segment).expect("inserted above");
    }
    match (key, last) {
        (None, Some(last)) => {
            let Some(map) = node.as_object_mut() else {
                return false;
            };
            match value {
                Some(v) => {
                    map.insert(last.to_string(), v);
                }
                None => {
                    map.shift_remove(last);
                }
            }
        }
        (Some(ConflictKey::Year(year)), _) => {
            let Some(map) = node.as_object_mut() else {
                return false;
            };
            match value {
                Some(v) => {
                    map.insert(year.to_string(), v);
                }
                None => {
                    map.shift_remove(&year.to_string());
                }
            }
        }
        (Some(ConflictKey::Entry(id)), _) => {
            let Some(list) = node.as_array_mut() else {
                return false;
            };
            let at = list.iter().position(|v| item_id(v) == Some(id.0));
            match (value, at) {
                (Some(v), Some(at)) => list[at] = v,
                (Some(v), None) => list.push(v),
                (None, Some(at)) => {
                    list.remove(at);
                }
                (None, None) => {}
            }
        }
        (None, None) => return false,
    }
    true
}

/// Every list item of the tree with the place of its list: (owner item, list field).
pub(super) fn item_places(root: &Value) -> BTreeMap<u64, (Option<u64>, String)> {
    fn walk(
        value: &Value,
        owner: Option<u64>,
        field: &str,
        out: &mut BTreeMap<u64, (Option<u64>, String)>,
    ) {
        match value {
            Value::Object(map) => {
                let owner = item_id(value).or(owner);
                for (k, v) in map {
                    let field = if item_id(value).is_some() || field.is_empty() {
                        k.clone()
                    } else {
                        format!("{field}.{k}")
                    };
                    walk(v, owner, &field, out);
                }
            }
            Value::Array(list) => {
                for v in list {
                    if let Some(id) = item_id(v) {
                        out.insert(id, (owner, field.to_string()));
                        walk(v, Some(id), "", out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    walk(root, None, "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn merge3(b: Value, o: Value, t: Value) -> (Value, Engine) {
        let mut engine = Engine::new(MergeSide::Ours, false);
        let merged = engine.merge(
            &Place::default(),
            None,
            false,
            Base::Known(Some(&b)),
            Some(&o),
            Some(&t),
        );
        (merged.unwrap_or(Value::Null), engine)
    }

    #[test]
    fn fields_and_years_of_both_sides_merge() {
        let b = json!({"title": "A", "fte": {"2021": "1", "2022": "1"}});
        let o = json!({"title": "B", "fte": {"2021": "1", "2022": "1"}});
        let t = json!({"title": "A", "fte": {"2021": "1", "2022": "0.5"}});
        let (m, e) = merge3(b, o, t);
        assert_eq!(
            m,
            json!({"title": "B", "fte": {"2021": "1", "2022": "0.5"}})
        );
        assert!(e.conflicts.is_empty());
        assert_eq!(
            e.taken.len(),
            1,
            "the change taken from theirs is remembered"
        );
    }

    #[test]
    fn an_absent_year_is_zero() {
        let b = json!({"fte": {"2021": "1"}});
        let o = json!({"fte": {"2021": "0"}});
        let t = json!({"fte": {}});
        let (m, e) = merge3(b, o, t);
        assert!(e.conflicts.is_empty());
        assert!(equivalent(Some(&m), Some(&json!({"fte": {}})), false));
    }

    #[test]
    fn the_same_value_changed_differently_is_a_conflict() {
        let b = json!({"fte": {"2025": "0.75"}});
        let o = json!({"fte": {"2025": "0.5"}});
        let t = json!({"fte": {"2025": "0.6"}});
        let (m, e) = merge3(b, o, t);
        assert_eq!(m, json!({"fte": {"2025": "0.5"}}));
        assert_eq!(e.conflicts.len(), 1);
        let c = &e.conflicts[0];
        assert_eq!(c.field, "fte");
        assert_eq!(c.key, Some(ConflictKey::Year(2025)));
        assert_eq!(c.theirs, ConflictValue::Text("0.6".into()));
    }

    #[test]
    fn lists_merge_by_id_with_additions_after_their_predecessor() {
        let b = json!({"l": [{"id": 1}, {"id": 2}, {"id": 3}]});
        let o = json!({"l": [{"id": 1}, {"id": 2}, {"id": 3}, {"id": 10}]});
        let t = json!({"l": [{"id": 1}, {"id": 20}, {"id": 3}, {"id": 21}]});
        let (m, e) = merge3(b, o, t);
        let ids: Vec<u64> = m["l"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(item_id)
            .collect();
        assert_eq!(ids, [1, 20, 3, 10, 21]);
        assert!(e.conflicts.is_empty());
    }

    #[test]
    fn removed_and_changed_is_a_conflict() {
        let b = json!({"l": [{"id": 1, "x": "a"}]});
        let o = json!({"l": []});
        let t = json!({"l": [{"id": 1, "x": "b"}]});
        let (m, e) = merge3(b, o, t);
        assert_eq!(m, json!({"l": []}));
        assert_eq!(e.conflicts[0].kind, ConflictKind::RemovedAndChanged);
        assert_eq!(e.conflicts[0].key, Some(ConflictKey::Entry(Id(1))));
    }

    #[test]
    fn sets_take_additions_and_removals_of_both() {
        let (m, _) = merge3(json!([1, 2, 3]), json!([1, 2, 3, 4]), json!([2, 3, 5]));
        assert_eq!(m, json!([2, 3, 4, 5]));
    }

    #[test]
    fn a_switched_variant_merges_as_one_value() {
        let b = json!({"a": {"PerYear": {"2021": "1"}}});
        let o = json!({"a": {"Rule": {"base": "5"}}});
        let t = json!({"a": {"PerYear": {"2021": "2"}}});
        let (m, e) = merge3(b, o, t);
        assert_eq!(m, json!({"a": {"Rule": {"base": "5"}}}));
        assert_eq!(e.conflicts.len(), 1);
        assert_eq!(e.conflicts[0].field, "a");
    }

    #[test]
    fn set_at_finds_items_fields_and_years() {
        let mut v = json!({"goals": [{"id": 5, "subs": [{"id": 9, "fte": {}}]}]});
        assert!(set_at(
            &mut v,
            Some(Id(9)),
            "fte",
            Some(ConflictKey::Year(2025)),
            Some(json!("0.6"))
        ));
        assert_eq!(v["goals"][0]["subs"][0]["fte"]["2025"], json!("0.6"));
        assert!(set_at(
            &mut v,
            Some(Id(5)),
            "subs",
            Some(ConflictKey::Entry(Id(9))),
            None
        ));
        assert_eq!(v["goals"][0]["subs"], json!([]));
        assert!(!set_at(&mut v, Some(Id(9)), "fte", None, None));
    }
}
