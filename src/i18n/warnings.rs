//! The consistency warnings ([`crate::calc::Warning`]) in words, one line each, in the user's
//! language.

use crate::calc::Warning;
use crate::i18n::{Lang, tr};
use crate::model::{PrintedTotal, Side};
use crate::numfmt;
use rust_decimal::Decimal;

/// An amount with its cents when it has any: `1.234,56`, `1.235`.
fn amount(value: Decimal) -> String {
    numfmt::format(value, 2, true)
}

/// One line per consistency warning, in the user's language.
pub fn describe_warning(warning: &Warning, lang: Lang) -> String {
    let en = lang == Lang::En;
    match warning {
        Warning::FteWithoutCost {
            owner,
            profile,
            year,
        } => {
            if en {
                format!(
                    "{owner}: FTE in {year} but the salary profile '{profile}' has no cost for {year}: its salary cost is 0"
                )
            } else {
                format!(
                    "{owner}: VTE in {year} maar het loonprofiel '{profile}' heeft geen kost voor {year}: de loonkost is 0"
                )
            }
        }
        Warning::NoFteAvailable { year, allocated } => {
            let a = numfmt::fte(*allocated);
            if en {
                format!("{year}: {a} FTE allocated but 0 FTE available on the payroll")
            } else {
                format!("{year}: {a} VTE ingezet maar 0 VTE beschikbaar op de loonlijst")
            }
        }
        Warning::YearWithoutCosts { year } => {
            if en {
                format!("{year}: income but no costs; is the year missing from the budget?")
            } else {
                format!("{year}: inkomsten maar geen kosten; ontbreekt het jaar in de begroting?")
            }
        }
        Warning::YearWithoutIncome { year } => {
            if en {
                format!("{year}: costs but no income; is the year missing from the income?")
            } else {
                format!("{year}: kosten maar geen inkomsten; ontbreekt het jaar bij de inkomsten?")
            }
        }
        Warning::NoSubsidyLine => {
            if en {
                "no income line is marked as subsidy: the requested subsidy is 0".to_string()
            } else {
                "geen inkomstenlijn is als subsidie aangeduid: de gevraagde subsidie is 0"
                    .to_string()
            }
        }
        Warning::ProfileWithoutCost { profile } => {
            if en {
                format!("salary profile '{profile}' has no cost per FTE yet: fill in its amounts")
            } else {
                format!(
                    "loonprofiel '{profile}' heeft nog geen loonkost per VTE: vul de bedragen in"
                )
            }
        }
        Warning::FteMismatch {
            year,
            allocated,
            available,
            difference,
        } => {
            let (a, b, d) = (
                numfmt::fte(*allocated),
                numfmt::fte(*available),
                numfmt::fte(*difference),
            );
            if en {
                format!("{year}: {a} FTE allocated, {b} FTE available (difference {d})")
            } else {
                format!("{year}: {a} VTE ingezet, {b} VTE beschikbaar (verschil {d})")
            }
        }
        Warning::ActivityOutsidePeriod {
            goal_code,
            description,
            first_year,
            last_year,
            ..
        } => {
            if en {
                format!(
                    "{goal_code}: activity '{description}' ({first_year}-{last_year}) lies outside the plan period"
                )
            } else {
                format!(
                    "{goal_code}: activiteit '{description}' ({first_year}-{last_year}) valt buiten de planperiode"
                )
            }
        }
        Warning::GoalWithoutIndicators { goal_code, .. } => {
            if en {
                format!("{goal_code}: goal without indicators")
            } else {
                format!("{goal_code}: doel zonder indicatoren")
            }
        }
        Warning::BalanceNotClosed { total } => {
            let total = numfmt::signed_euros(*total);
            if en {
                format!("the budget does not close over the period: the balances sum to {total}")
            } else {
                format!("de begroting sluit niet over de periode: som van de saldi {total}")
            }
        }
        Warning::ReserveNegative {
            name,
            year,
            balance,
            ..
        } => {
            let balance = numfmt::euros(*balance);
            if en {
                format!("{year}: reserve '{name}' is negative ({balance})")
            } else {
                format!("{year}: reserve '{name}' staat negatief ({balance})")
            }
        }
        Warning::DuplicateAccountCode {
            section_name, code, ..
        } => {
            if en {
                format!(
                    "section '{section_name}': account {code} appears more than once; merge the lines or give one another code"
                )
            } else {
                format!(
                    "rubriek '{section_name}': rekening {code} staat er meer dan eens in; voeg de lijnen samen of geef er één een andere code"
                )
            }
        }
        Warning::AccountOnWrongSide {
            code, name, side, ..
        } => match (side, en) {
            (Side::Income, true) => format!(
                "account {code} '{name}' is a cost account (class 6) but is on the income side"
            ),
            (Side::Income, false) => format!(
                "rekening {code} '{name}' is een kostenrekening (klasse 6) maar staat bij de opbrengsten"
            ),
            (Side::Cost, true) => format!(
                "account {code} '{name}' is an income account (class 7) but is on the cost side"
            ),
            (Side::Cost, false) => format!(
                "rekening {code} '{name}' is een opbrengstenrekening (klasse 7) maar staat bij de kosten"
            ),
        },
        Warning::EmptyAccountCode {
            section_name, name, ..
        } => {
            if en {
                format!("section '{section_name}': account '{name}' has no code")
            } else {
                format!("rubriek '{section_name}': rekening '{name}' heeft geen code")
            }
        }
        Warning::NegativeAccountLine {
            code,
            name,
            year,
            amount: value,
            ..
        } => {
            let value = amount(*value);
            if en {
                format!("{year}: account {code} '{name}' is negative ({value})")
            } else {
                format!("{year}: rekening {code} '{name}' is negatief ({value})")
            }
        }
        Warning::PrintedTotalMismatch {
            section_name,
            side,
            year,
            printed,
            computed,
            ..
        } => {
            let difference = *printed - *computed;
            let sign = if difference > Decimal::ZERO { "+" } else { "" };
            let (p, c, d) = (amount(*printed), amount(*computed), amount(difference));
            match (side, en) {
                (Side::Cost, true) => format!(
                    "{year}: section '{section_name}': printed cost total {p}, the lines sum to {c} (difference {sign}{d})"
                ),
                (Side::Income, true) => format!(
                    "{year}: section '{section_name}': printed income total {p}, the lines sum to {c} (difference {sign}{d})"
                ),
                (Side::Cost, false) => format!(
                    "{year}: rubriek '{section_name}': gedrukt totaal kosten {p}, som van de lijnen {c} (verschil {sign}{d})"
                ),
                (Side::Income, false) => format!(
                    "{year}: rubriek '{section_name}': gedrukt totaal opbrengsten {p}, som van de lijnen {c} (verschil {sign}{d})"
                ),
            }
        }
        Warning::ActualPrintedTotalMismatch {
            year,
            total,
            printed,
            computed,
        } => {
            let difference = *printed - *computed;
            let sign = if difference > Decimal::ZERO { "+" } else { "" };
            let (p, c, d) = (amount(*printed), amount(*computed), amount(difference));
            let what = match (total, en) {
                (PrintedTotal::Cost, true) => "printed total costs",
                (PrintedTotal::Income, true) => "printed total income",
                (PrintedTotal::Result, true) => "printed result",
                (PrintedTotal::Cost, false) => "gedrukt totaal kosten",
                (PrintedTotal::Income, false) => "gedrukt totaal inkomsten",
                (PrintedTotal::Result, false) => "gedrukt resultaat",
            };
            if en {
                format!(
                    "{year} actuals: {what} {p}, the result lines give {c} (difference {sign}{d}); correct the lines or the printed figure"
                )
            } else {
                format!(
                    "realisatie {year}: {what} {p}, de resultaatlijnen geven {c} (verschil {sign}{d}); verbeter de lijnen of het gedrukte cijfer"
                )
            }
        }
        Warning::ActualPartsMismatch {
            year,
            kind,
            label,
            total,
            parts,
            ..
        } => {
            let name = tr(lang).act.output_name(*kind, label);
            let (t, p) = (amount(*total), amount(*parts));
            if en {
                format!(
                    "{year} actuals: {name} is {t}, but its target groups add up to {p}; complete the groups or correct the total"
                )
            } else {
                format!(
                    "realisatie {year}: {name} is {t}, maar de doelgroepen tellen op tot {p}; vul de doelgroepen aan of verbeter het totaal"
                )
            }
        }
        Warning::ActualPercentagesNotHundred {
            year,
            kind,
            label,
            sum,
            ..
        } => {
            let name = tr(lang).act.output_name(*kind, label);
            let sum = amount(*sum);
            if en {
                format!(
                    "{year} actuals: the percentages of the target groups of {name} add up to {sum} %, not 100 %"
                )
            } else {
                format!(
                    "realisatie {year}: de percentages van de doelgroepen van {name} tellen op tot {sum} %, niet 100 %"
                )
            }
        }
        Warning::ActualPercentMismatch {
            year,
            kind,
            label,
            group,
            percent,
            count,
            whole,
            computed,
            ..
        } => {
            let name = tr(lang).act.output_name(*kind, label);
            let (p, n, w) = (amount(*percent), amount(*count), amount(*whole));
            let c = numfmt::format(*computed, 1, true);
            match (group, en) {
                (Some(group), true) => format!(
                    "{year} actuals: {name}, target group '{group}': {p} % printed, but {n} of {w} is {c} %"
                ),
                (Some(group), false) => format!(
                    "realisatie {year}: {name}, doelgroep '{group}': {p} % gedrukt, maar {n} van {w} is {c} %"
                ),
                (None, true) => {
                    format!("{year} actuals: {name}: {p} % printed, but {n} of {w} is {c} %")
                }
                (None, false) => {
                    format!("realisatie {year}: {name}: {p} % gedrukt, maar {n} van {w} is {c} %")
                }
            }
        }
        Warning::ActualAvailableAbovePayroll {
            year,
            name,
            payroll,
            available,
            ..
        } => {
            let (p, a) = (numfmt::fte(*payroll), numfmt::fte(*available));
            if en {
                format!(
                    "{year} actuals: '{name}' has {a} FTE effectively available but only {p} FTE on the payroll"
                )
            } else {
                format!(
                    "realisatie {year}: '{name}' heeft {a} VTE effectief beschikbaar maar slechts {p} VTE op de loonlijst"
                )
            }
        }
    }
}
