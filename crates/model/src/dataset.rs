//! The paper's data as typed values: departments, the 254 new projects (Annex C),
//! the expenditure categories (Annex A), the cash-flow cohorts (Annex B) and the
//! paper's other facts (paras 2, 5, 6 and 7).
//!
//! The data files in `data/` are compiled in with `include_str!` ([`Dataset::paper`]);
//! the same loader ([`Dataset::from_csv`]) reads user-imported files, so it never panics
//! on bad text: every problem becomes a [`LoadError`] naming the file, line and field.

use crate::money::Money;
use crate::quarter::{FiscalQuarter, FiscalYear};
use crate::themes::{Theme, ThemeSource};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A bureau, department or office heading in Annex C, in the paper's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// 1-based position in the paper.
    pub order: u16,
    pub name_zh: String,
    /// Official English name as of late 2017.
    pub name_en: String,
    /// Usual English abbreviation (may be empty).
    pub abbrev_en: String,
}

/// A new project of Annex C.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    /// 編號 in Annex C, 1..=254.
    pub id: u16,
    /// Index into [`Dataset::departments`].
    pub department: usize,
    pub name_zh: String,
    /// Unofficial English translation (blockvote's own).
    pub name_en: String,
    pub budget: Money,
    pub start: FiscalQuarter,
    pub completion: FiscalQuarter,
    pub theme: Theme,
    pub theme_source: ThemeSource,
}

impl Project {
    /// Quarters from start to completion inclusive (at least 1).
    pub fn duration_quarters(&self) -> i32 {
        self.start.quarters_until(self.completion) + 1
    }
}

/// An expenditure category of Annex A.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// 1..=6 in the printed order.
    pub id: u8,
    pub name_zh: String,
    pub name_en: String,
    /// 2018-19 proposed block allocation.
    pub proposed: Money,
    /// 2017-18 approved block allocation.
    pub approved_prior: Money,
    /// The difference as printed (HK$M).
    pub printed_difference: Money,
    /// The percentage difference as printed.
    pub printed_difference_pct: Decimal,
    pub source: String,
}

/// Which cohort of Annex B a project or amount belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CohortId {
    /// Projects started in or before 2017-18 (541, HK$817M in 2018-19).
    Ongoing,
    /// Projects to start in 2018-19 (254, HK$243M in 2018-19).
    New,
}

/// A cohort row of Annex B.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort {
    pub id: CohortId,
    pub name_zh: String,
    pub name_en: String,
    pub project_count: u32,
    /// Provisional 2018-19 cash flow.
    pub cash_budget_year: Money,
    pub source: String,
}

/// One figure the paper states, with its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub key: String,
    pub value: String,
    pub unit: String,
    /// `para 5`, `Annex A` …
    pub source: String,
    pub label_zh: String,
    pub label_en: String,
}

/// The paper's facts, looked up by key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub rows: Vec<Fact>,
}

impl Facts {
    pub fn get(&self, key: &str) -> Option<&Fact> {
        self.rows.iter().find(|fact| fact.key == key)
    }

    /// A fact's value as money (HK$M), if present and numeric.
    pub fn money(&self, key: &str) -> Option<Money> {
        self.get(key).and_then(|fact| Money::parse_millions(&fact.value).ok())
    }

    /// A fact's value as a decimal, if present and numeric.
    pub fn decimal(&self, key: &str) -> Option<Decimal> {
        self.get(key).and_then(|fact| fact.value.trim().parse().ok())
    }

    /// A fact's value as a whole number, if present and numeric.
    pub fn count(&self, key: &str) -> Option<u32> {
        self.get(key).and_then(|fact| fact.value.trim().parse().ok())
    }
}

/// Everything the paper holds, typed and validated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    pub departments: Vec<Department>,
    /// Sorted by id.
    pub projects: Vec<Project>,
    pub categories: Vec<Category>,
    pub cohorts: Vec<Cohort>,
    pub facts: Facts,
    /// The financial year the paper budgets for (2018-19).
    pub budget_year: FiscalYear,
    /// The approval ceiling of the block allocation (para 2: HK$10M).
    pub ceiling: Money,
    /// The floor below which departments approve themselves (para 2: HK$0.2M).
    pub floor: Money,
    /// Whether the projects are the paper's Annex C or a file the member imported:
    /// only the paper's figures may be cited as the paper's.
    #[serde(default)]
    pub projects_origin: ProjectsOrigin,
}

/// Where a dataset's projects come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectsOrigin {
    /// Annex C of the paper, as transcribed in `data/projects.csv`.
    #[default]
    Paper,
    /// A projects CSV the member imported (a later year's paper, say).
    Imported,
}

impl Dataset {
    /// A dataset with no rows and the paper's thresholds: what a screen falls back to
    /// when it has nothing else, so it can render without panicking.
    pub fn empty() -> Dataset {
        Dataset {
            departments: Vec::new(),
            projects: Vec::new(),
            categories: Vec::new(),
            cohorts: Vec::new(),
            facts: Facts::default(),
            budget_year: FiscalYear::new(2018).unwrap_or(FiscalYear::MIN),
            ceiling: Money::from_whole_millions(10),
            floor: Money::from_thousands(200),
            projects_origin: ProjectsOrigin::Paper,
        }
    }

    pub fn department_of(&self, project: &Project) -> Option<&Department> {
        self.departments.get(project.department)
    }

    pub fn project(&self, id: u16) -> Option<&Project> {
        self.projects.binary_search_by_key(&id, |p| p.id).ok().and_then(|i| self.projects.get(i))
    }

    pub fn cohort(&self, id: CohortId) -> Option<&Cohort> {
        self.cohorts.iter().find(|c| c.id == id)
    }
}
