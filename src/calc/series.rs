//! A value per plan year with its total over the period, computed once when the series is made
//! (per revision of the plan), so no table or chart ever adds up numbers itself.

use rust_decimal::Decimal;
use std::ops::Deref;

/// One value per plan year, aligned with [`super::Summary::years`], and their sum.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Series {
    values: Vec<Decimal>,
    total: Decimal,
}

impl Series {
    pub fn new(values: Vec<Decimal>) -> Series {
        let total = values.iter().sum();
        Series { values, total }
    }

    pub fn zeros(n: usize) -> Series {
        Series::new(vec![Decimal::ZERO; n])
    }

    /// The sum over the period (for flows: costs, income, balance ...).
    pub fn total(&self) -> Decimal {
        self.total
    }

    /// The values, one per year.
    pub fn values(&self) -> &[Decimal] {
        &self.values
    }

    /// Adds `other` year by year.
    pub fn add(&mut self, other: &[Decimal]) {
        for (t, v) in self.values.iter_mut().zip(other) {
            *t += *v;
        }
        self.total = self.values.iter().sum();
    }

    /// Each value with its sign turned.
    pub fn negated(&self) -> Series {
        self.values.iter().map(|v| -v).collect()
    }
}

impl Deref for Series {
    type Target = [Decimal];

    fn deref(&self) -> &[Decimal] {
        &self.values
    }
}

impl FromIterator<Decimal> for Series {
    fn from_iter<I: IntoIterator<Item = Decimal>>(iter: I) -> Series {
        Series::new(iter.into_iter().collect())
    }
}

impl From<Vec<Decimal>> for Series {
    fn from(values: Vec<Decimal>) -> Series {
        Series::new(values)
    }
}

impl<'a> IntoIterator for &'a Series {
    type Item = &'a Decimal;
    type IntoIter = std::slice::Iter<'a, Decimal>;

    fn into_iter(self) -> Self::IntoIter {
        self.values.iter()
    }
}

impl PartialEq<Vec<Decimal>> for Series {
    fn eq(&self, other: &Vec<Decimal>) -> bool {
        &self.values == other
    }
}

impl PartialEq<Series> for Vec<Decimal> {
    fn eq(&self, other: &Series) -> bool {
        self == &other.values
    }
}
