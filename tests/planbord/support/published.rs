//! The published tables of section 8.2 of the Socius Beleidsplan 2021-2025
//! (shared/seeds/000_326606f3a9c7201d.txt), row by row as printed, with the Planbord figure each
//! row is. One list for every test that checks Planbord against the publication (the
//! calculations in `socius`, the exports in `export`).

use planbord::calc::{GoalFigures, Series, Summary};
use rust_decimal::Decimal;

/// A table of section 8.2 as printed.
pub struct PublishedTable {
    /// The section number, e.g. `8.2.1.2`.
    pub section: &'static str,
    /// The table's heading as printed.
    pub title: &'static str,
    pub rows: &'static [PublishedRow],
}

/// One printed row: its label, the Planbord figure it is, and its values as printed
/// (`1.362.093 1.412.010 ...`, `0,7 ...`; `-` where the cell is left blank).
pub struct PublishedRow {
    pub label: &'static str,
    pub figure: Figure,
    pub values: &'static str,
}

/// Where a printed row lives in Planbord's [`Summary`].
#[derive(Debug, Clone, Copy)]
pub enum Figure {
    /// FTE of a strategic or operational goal, by code.
    GoalFte(&'static str),
    GoalSalaryCost(&'static str),
    /// Operating cost charged to the year (without the fund-financed part).
    GoalOperating(&'static str),
    /// FTE of a generic service line or support role, by name.
    StaffFte(&'static str),
    StaffCost(&'static str),
    Overhead(&'static str),
    Income(&'static str),
    FteGeneric,
    FteService,
    FteSupport,
    PersonnelGeneric,
    PersonnelService,
    PersonnelSupport,
    PersonnelTotal,
    OperatingTotal,
    FundFinanced,
    OverheadTotal,
    OperatingAndOverhead,
    ExpensesTotal,
    IncomeTotal,
    Balance,
    Carryover,
    Result,
    /// An income row of the multi-year budget, by its label: a line, or the lines of a printed
    /// group as one row (8.2.4 prints "Inkomsten verhuur en financiën" for two lines of 8.2.3).
    BudgetIncome(&'static str),
}

impl Figure {
    /// The yearly values of this figure in `summary`.
    pub fn series(self, s: &Summary) -> Series {
        let goal = |code: &str| -> &GoalFigures {
            s.goals
                .iter()
                .flat_map(|sd| std::iter::once(sd).chain(sd.operational.iter()))
                .find(|g| g.code == code)
                .unwrap_or_else(|| panic!("goal {code} missing"))
        };
        let line = |rows: &[planbord::calc::Row], label: &str| -> Series {
            rows.iter()
                .find(|r| r.label == label)
                .unwrap_or_else(|| panic!("line {label} missing"))
                .values
                .clone()
        };
        match self {
            Figure::GoalFte(code) => goal(code).fte.clone(),
            Figure::GoalSalaryCost(code) => goal(code).salary_cost.clone(),
            Figure::GoalOperating(code) => goal(code).operating.clone(),
            Figure::StaffFte(name) => line(&s.staff_lines_fte, name),
            Figure::StaffCost(name) => line(&s.staff_lines_cost, name),
            Figure::Overhead(name) => line(&s.overhead, name),
            Figure::Income(name) => line(&s.income, name),
            Figure::FteGeneric => s.fte_generic.clone(),
            Figure::FteService => s.fte_service.clone(),
            Figure::FteSupport => s.fte_support.clone(),
            Figure::PersonnelGeneric => s.personnel_generic.clone(),
            Figure::PersonnelService => s.personnel_service.clone(),
            Figure::PersonnelSupport => s.personnel_support.clone(),
            Figure::PersonnelTotal => s.personnel_total.clone(),
            Figure::OperatingTotal => s.operating_total.clone(),
            Figure::FundFinanced => s.fund_financed_total.clone(),
            Figure::OverheadTotal => s.overhead_total.clone(),
            Figure::OperatingAndOverhead => s.operating_and_overhead.clone(),
            Figure::ExpensesTotal => s.expenses_total.clone(),
            Figure::IncomeTotal => s.income_total.clone(),
            Figure::Balance => s.balance.clone(),
            Figure::Carryover => s.carryover.clone(),
            Figure::Result => s.result.clone(),
            Figure::BudgetIncome(label) => s
                .income_printed
                .iter()
                .find(|r| r.label == label)
                .unwrap_or_else(|| panic!("multi-year budget row {label} missing"))
                .values
                .clone(),
        }
    }
}

/// The printed cells of a row: `None` where the cell is blank.
pub fn printed(values: &str) -> Vec<Option<Decimal>> {
    values
        .split_whitespace()
        .map(|cell| {
            (cell != "-")
                .then(|| planbord::numfmt::parse(cell).unwrap_or_else(|e| panic!("{cell}: {e}")))
        })
        .collect()
}

/// The number of printed (non-blank) cells in all tables.
pub fn published_cell_count() -> usize {
    PUBLISHED_8_2
        .iter()
        .flat_map(|t| t.rows)
        .map(|r| printed(r.values).iter().flatten().count())
        .sum()
}

const fn row(label: &'static str, figure: Figure, values: &'static str) -> PublishedRow {
    PublishedRow {
        label,
        figure,
        values,
    }
}

use Figure::*;

pub const PUBLISHED_8_2: &[PublishedTable] = &[
    PublishedTable {
        section: "8.2.1.2",
        title: "Personeelsinzet 2021-2025: primaire dienstverlening",
        rows: &[
            row("Personeelsinzet SD1", GoalFte("SD1"), "4,5 5 4,2 4,3 4,5"),
            row("Personeelsinzet SD2", GoalFte("SD2"), "2,4 2,6 3,3 3,5 2,4"),
            row("Personeelsinzet SD3", GoalFte("SD3"), "1,2 0,7 0,8 0,1 1"),
            row("Personeelsinzet SD4", GoalFte("SD4"), "2,3 2,3 2,3 2,3 2,3"),
            row(
                "Andere personeelsinzet gelinkt aan primaire dienstverlening",
                FteGeneric,
                "2,2 2 2 2,4 2,4",
            ),
            row(
                "Totaal personeelsinzet dienstverlening",
                FteService,
                "12,6 12,6 12,6 12,6 12,6",
            ),
        ],
    },
    PublishedTable {
        section: "8.2.1.2",
        title: "Evolutie personeelskost naar strategische en operationele doelen 2021-2025",
        rows: &[
            row(
                "SD1.OD1",
                GoalSalaryCost("SD1.OD1"),
                "124.628 147.952 66.675 69.307 71.036",
            ),
            row(
                "SD1.OD2",
                GoalSalaryCost("SD1.OD2"),
                "26.706 27.741 28.575 29.703 30.444",
            ),
            row(
                "SD1.OD3",
                GoalSalaryCost("SD1.OD3"),
                "44.510 46.235 47.625 49.505 76.110",
            ),
            row(
                "SD1.OD4",
                GoalSalaryCost("SD1.OD4"),
                "26.706 27.741 28.575 29.703 30.444",
            ),
            row(
                "SD1.OD5",
                GoalSalaryCost("SD1.OD5"),
                "53.412 55.482 57.150 59.406 60.888",
            ),
            row(
                "SD1.OD6",
                GoalSalaryCost("SD1.OD6"),
                "71.216 73.976 47.625 79.208 81.184",
            ),
            row(
                "SD1.OD7",
                GoalSalaryCost("SD1.OD7"),
                "8.902 36.988 76.200 59.406 30.444",
            ),
            row(
                "SD1.OD8",
                GoalSalaryCost("SD1.OD8"),
                "44.510 46.235 47.625 49.505 76.110",
            ),
            row(
                "Subtotaal SD1",
                GoalSalaryCost("SD1"),
                "400.590 462.350 400.050 425.743 456.660",
            ),
            row(
                "SD2.OD1",
                GoalSalaryCost("SD2.OD1"),
                "0 18.494 66.675 49.505 0",
            ),
            row(
                "SD2.OD2",
                GoalSalaryCost("SD2.OD2"),
                "213.648 221.928 247.650 297.030 243.552",
            ),
            row(
                "Subtotaal SD2",
                GoalSalaryCost("SD2"),
                "213.648 240.422 314.325 346.535 243.552",
            ),
            row(
                "SD3.OD1",
                GoalSalaryCost("SD3.OD1"),
                "89.020 46.235 47.625 0 101.480",
            ),
            row(
                "SD3.OD2",
                GoalSalaryCost("SD3.OD2"),
                "17.804 18.494 28.575 9.901 0",
            ),
            row(
                "Subtotaal SD3",
                GoalSalaryCost("SD3"),
                "106.824 64.729 76.200 9.901 101.480",
            ),
            row(
                "SD4.OD1",
                GoalSalaryCost("SD4.OD1"),
                "17.804 18.494 19.050 19.802 20.296",
            ),
            row(
                "SD4.OD2",
                GoalSalaryCost("SD4.OD2"),
                "26.706 27.741 28.575 29.703 30.444",
            ),
            row(
                "SD4.OD3",
                GoalSalaryCost("SD4.OD3"),
                "133.530 138.705 142.875 148.515 152.220",
            ),
            row(
                "SD4.OD4",
                GoalSalaryCost("SD4.OD4"),
                "26.706 27.741 28.575 29.703 30.444",
            ),
            row(
                "Subtotaal SD4",
                GoalSalaryCost("SD4"),
                "204.746 212.681 219.075 227.723 233.404",
            ),
            row(
                "Stakeholdersbetrokkenheid",
                StaffCost("Stakeholdersbetrokkenheid"),
                "62.314 46.235 47.625 49.505 50.740",
            ),
            row(
                "Beleidsplanning Socius",
                StaffCost("Beleidsplanning Socius"),
                "0 0 0 39.604 40.592",
            ),
            row(
                "Administratieve ondersteuning initiatieven",
                StaffCost("Administratieve ondersteuning initiatieven"),
                "99.345 105.390 91.785 95.160 98.820",
            ),
            row(
                "Subtotaal generiek",
                PersonnelGeneric,
                "161.659 151.625 139.410 184.269 190.152",
            ),
            row(
                "Totaal personeelskost dienstverlening",
                PersonnelService,
                "1.087.467 1.131.807 1.149.060 1.194.171 1.225.248",
            ),
        ],
    },
    PublishedTable {
        section: "8.2.1.3",
        title: "Evolutie personeelsinzet voorwaardenscheppend 2021-2025",
        rows: &[
            row("Directie", StaffFte("Directie"), "0,7 0,7 0,7 0,7 0,7"),
            row(
                "Coördinatie financiën en administratie",
                StaffFte("Coördinatie financiën en administratie"),
                "1 1 1 1 1",
            ),
            row(
                "Administratie Socius",
                StaffFte("Administratie Socius"),
                "1,1 1,1 1,1 1,1 1,1",
            ),
            row("Logistiek", StaffFte("Logistiek"), "0,5 0,5 0,5 0,5 0,5"),
            row(
                "Totaal personeelsinzet voorwaardenscheppend",
                FteSupport,
                "3,3 3,3 3,3 3,3 3,3",
            ),
        ],
    },
    PublishedTable {
        section: "8.2.1.3",
        title: "Evolutie personeelskost voorwaardenscheppend 2021-2025",
        rows: &[
            // The table prints one merged amount for the four support roles on the Directie line.
            row(
                "Directie (samen met coördinatie, administratie en logistiek)",
                PersonnelSupport,
                "274.626 280.203 279.411 287.529 297.396",
            ),
            row(
                "Totaal personeelskost voorwaardenscheppend",
                PersonnelSupport,
                "274.626 280.203 279.411 287.529 297.396",
            ),
        ],
    },
    PublishedTable {
        section: "8.2.1.4",
        title: "Overzicht evolutie personeelskost 2021-2025: dienstverlening en voorwaardenscheppend",
        rows: &[
            row(
                "Subtotaal SD1",
                GoalSalaryCost("SD1"),
                "400.590 462.350 400.050 425.743 456.660",
            ),
            row(
                "Subtotaal SD2",
                GoalSalaryCost("SD2"),
                "213.648 240.422 314.325 346.535 243.552",
            ),
            row(
                "Subtotaal SD3",
                GoalSalaryCost("SD3"),
                "106.824 64.729 76.200 9.901 101.480",
            ),
            row(
                "Subtotaal SD4",
                GoalSalaryCost("SD4"),
                "204.746 212.681 219.075 227.723 233.404",
            ),
            row(
                "Subtotaal generiek",
                PersonnelGeneric,
                "161.659 151.625 139.410 184.269 190.152",
            ),
            row(
                "Totaal kost dienstverlening",
                PersonnelService,
                "1.087.467 1.131.807 1.149.060 1.194.171 1.225.248",
            ),
            row(
                "Directie (samen met coördinatie, administratie en logistiek)",
                PersonnelSupport,
                "274.626 280.203 279.411 287.529 297.396",
            ),
            row(
                "Totaal kost voorwaardenscheppend",
                PersonnelSupport,
                "274.626 280.203 279.411 287.529 297.396",
            ),
            row(
                "Algemeen totaal kost personeel",
                PersonnelTotal,
                "1.362.093 1.412.010 1.428.471 1.481.700 1.522.644",
            ),
        ],
    },
    PublishedTable {
        section: "8.2.2.1",
        title: "Werkingskost dienstverlening",
        rows: &[
            row(
                "Subtotaal SD1",
                GoalOperating("SD1"),
                "77.500 77.500 77.500 77.500 77.500",
            ),
            row(
                "Subtotaal SD2",
                GoalOperating("SD2"),
                "70.000 70.000 70.000 70.000 70.000",
            ),
            row(
                "Subtotaal SD3",
                GoalOperating("SD3"),
                "2.500 2.500 2.500 2.500 2.500",
            ),
            row(
                "Subtotaal SD4",
                GoalOperating("SD4"),
                "20.000 20.000 20.000 20.000 20.000",
            ),
            row(
                "Totaal werkingskost dienstverlening",
                OperatingTotal,
                "170.000 170.000 170.000 170.000 170.000",
            ),
            row(
                "Financiering uit bestemd fonds",
                FundFinanced,
                "- 60.000 120.000 - -",
            ),
        ],
    },
    PublishedTable {
        section: "8.2.2.2",
        title: "Evolutie overheadkosten 2021-2025",
        rows: &[
            row(
                "Huisvesting",
                Overhead("Huisvesting"),
                "79.820 81.535 83.280 85.060 86.855",
            ),
            row(
                "Secretariaatskosten",
                Overhead("Secretariaatskosten"),
                "34.425 34.915 35.405 35.920 36.445",
            ),
            row(
                "Organisatiekosten",
                Overhead("Organisatiekosten"),
                "17.700 17.846 18.005 18.165 18.315",
            ),
            row(
                "Opleiding, informatie, documentatie, abonnementen",
                Overhead("Opleiding, informatie, documentatie, abonnementen"),
                "1.500 1.500 1.500 1.500 1.500",
            ),
            row(
                "Sociaal-culturele werking",
                Overhead("Sociaal-culturele werking"),
                "32.050 12.080 2.120 2.160 2.200",
            ),
            row(
                "Vergoedingen aan derden",
                Overhead("Vergoedingen aan derden"),
                "16.710 17.025 17.340 17.650 17.975",
            ),
            row(
                "Afschrijvingen",
                Overhead("Afschrijvingen"),
                "25.000 25.000 25.000 25.000 25.000",
            ),
            row(
                "Bedrijfsbelastingen",
                Overhead("Bedrijfsbelastingen"),
                "700 700 700 700 700",
            ),
            row(
                "Financiële kosten",
                Overhead("Financiële kosten"),
                "60 60 60 60 60",
            ),
            row(
                "Kosten verbonden aan personeelskosten",
                Overhead("Kosten verbonden aan personeelskosten"),
                "15.200 17.360 15.520 15.680 15.845",
            ),
            row(
                "Totaal",
                OverheadTotal,
                "223.165 208.021 198.930 201.895 204.895",
            ),
        ],
    },
    PublishedTable {
        section: "8.2.2.3",
        title: "Evolutie werkingskosten en overheadkosten 2021-2025",
        rows: &[
            row(
                "Overheadkosten",
                OverheadTotal,
                "223.165 208.021 198.930 201.895 204.895",
            ),
            row(
                "Werkingskosten",
                OperatingTotal,
                "170.000 170.000 170.000 170.000 170.000",
            ),
            row(
                "Totaal",
                OperatingAndOverhead,
                "393.165 378.021 368.930 371.895 374.895",
            ),
        ],
    },
    PublishedTable {
        section: "8.2.3",
        title: "Evolutie inkomsten 2021-2025",
        rows: &[
            row(
                "Subsidies",
                Income("Subsidies"),
                "1.529.210 1.547.560 1.566.130 1.584.925 1.603.945",
            ),
            row(
                "Inkomsten externe verhuur",
                Income("Inkomsten externe verhuur"),
                "8.000 8.000 8.000 8.000 8.000",
            ),
            row(
                "Financiële opbrengsten",
                Income("Financiële opbrengsten"),
                "250 250 250 250 250",
            ),
            row(
                "Recuperatie personeelskosten",
                Income("Recuperatie personeelskosten"),
                "125.564 135.350 136.890 135.620 137.380",
            ),
            row(
                "Werking",
                Income("Werking"),
                "110.000 110.000 110.000 110.000 110.000",
            ),
            row(
                "Totaal",
                IncomeTotal,
                "1.773.024 1.801.160 1.821.270 1.838.795 1.859.575",
            ),
        ],
    },
    PublishedTable {
        section: "8.2.4",
        title: "Meerjarenbegroting 2021-2025",
        rows: &[
            row(
                "Personeelskosten",
                PersonnelTotal,
                "1.362.093 1.412.010 1.428.471 1.481.700 1.522.644",
            ),
            row(
                "Werkingskosten en overheadkosten",
                OperatingAndOverhead,
                "393.165 378.021 368.930 371.895 374.895",
            ),
            row(
                "Totaal uitgaven",
                ExpensesTotal,
                "1.755.258 1.790.031 1.797.401 1.853.595 1.897.539",
            ),
            row(
                "Subsidies",
                BudgetIncome("Subsidies"),
                "1.529.210 1.547.560 1.566.130 1.584.925 1.603.945",
            ),
            row(
                "Inkomsten verhuur en financiën",
                BudgetIncome("Inkomsten verhuur en financiën"),
                "8.250 8.250 8.250 8.250 8.250",
            ),
            row(
                "Recuperatie personeelskosten",
                BudgetIncome("Recuperatie personeelskosten"),
                "125.564 135.350 136.890 135.620 137.380",
            ),
            row(
                "Werking",
                BudgetIncome("Werking"),
                "110.000 110.000 110.000 110.000 110.000",
            ),
            row(
                "Totaal inkomsten",
                IncomeTotal,
                "1.773.024 1.801.160 1.821.270 1.838.795 1.859.575",
            ),
            row("Saldo", Balance, "+17.766 +11.129 +23.869 -14.800 -37.964"),
            row(
                "Overdracht",
                Carryover,
                "-17.766 -11.129 -23.869 14.800 37.964",
            ),
            row("Resultaat", Result, "0 0 0 0 0"),
        ],
    },
];
