//! The paper's data prepared before the build: `paper_data/tables.rs` holds every row
//! of `data/*.csv` as the loader reads them (names as written, amounts as exact
//! decimals, themes already assigned), so [`Dataset::paper`] builds the dataset by
//! copying constants instead of parsing CSV text, deriving themes and checking every
//! field again in the browser at start-up.
//!
//! The tables are written by `tests/paper_data.rs` from what [`Dataset::from_csv`]
//! makes of the data files, and that test fails whenever they differ from what it would
//! write (it then rewrites them, so a rerun passes): the same loader that checks an
//! imported file checks the paper's own data, and the tables can never drift from
//! `data/`. Nothing here parses: numbers are constants, and text is only split at the
//! separators its writer put between fields.

use crate::dataset::{Category, Cohort, CohortId, Dataset, Department, Fact, Facts, Project, ProjectsOrigin};
use crate::load::{LoadError, LoadErrorKind};
use crate::money::Money;
use crate::quarter::{FiscalQuarter, FiscalYear};
use crate::themes::{Theme, ThemeSource};
use rust_decimal::Decimal;

// Generated code keeps the layout its writer gives it.
#[rustfmt::skip]
mod tables;

/// An exact decimal as its integer mantissa and its number of decimal places
/// (`6.6` is `(66, 1)`): the scale is kept, so `6.60` stays `6.60`.
type Exact = (i64, u32);

/// A quarter as its financial year (the calendar year it starts in) and 1..=4.
type Quarter = (i32, u8);

/// Separates the text fields in the tables' strings (`DEPARTMENT_TEXT`, `PROJECT_TEXT`,
/// `FACT_TEXT`): U+001E, the record separator, which no field of the paper holds (the
/// writer checks). Text kept in one string per table, rather than a `&str` per field,
/// spares the wasm a pointer and a length for each of some two thousand fields.
const SEPARATOR: char = '\u{1e}';

/// A department's text fields in `DEPARTMENT_TEXT`: name_zh, name_en, abbrev_en.
const DEPARTMENT_FIELDS: usize = 3;
/// A project's text fields in `PROJECT_TEXT`: name_zh, name_en, and the keyword rule
/// that gave its theme (empty for one of para 7's examples).
const PROJECT_FIELDS: usize = 3;
/// A fact's text fields in `FACT_TEXT`: key, value, unit, source, label_zh, label_en.
const FACT_FIELDS: usize = 6;

struct RawProject {
    id: u16,
    department: usize,
    budget: Exact,
    start: Quarter,
    completion: Quarter,
    theme: Theme,
    /// Para 7's example number (1..=3) if the paper names the project's theme;
    /// otherwise the theme is the keyword rule's, named in `PROJECT_TEXT`.
    example: Option<u8>,
}

struct RawCategory {
    id: u8,
    name_zh: &'static str,
    name_en: &'static str,
    proposed: Exact,
    approved_prior: Exact,
    printed_difference: Exact,
    printed_difference_pct: Exact,
    source: &'static str,
}

struct RawCohort {
    id: CohortId,
    name_zh: &'static str,
    name_en: &'static str,
    project_count: u32,
    cash_budget_year: Exact,
    source: &'static str,
}

/// The paper's dataset from the prepared tables. A value the types refuse (possible
/// only if someone edits `tables.rs` by hand) is reported as a load error naming it,
/// as the loader would, rather than replaced.
pub(crate) fn dataset() -> Result<Dataset, Vec<LoadError>> {
    let mut errors = Vec::new();
    let department_text = text_rows::<DEPARTMENT_FIELDS>(
        "departments",
        tables::DEPARTMENT_TEXT,
        tables::DEPARTMENT_ORDERS.len(),
        &mut errors,
    );
    let departments = tables::DEPARTMENT_ORDERS
        .iter()
        .zip(department_text)
        .map(|(order, [name_zh, name_en, abbrev_en])| Department {
            order: *order,
            name_zh: name_zh.to_string(),
            name_en: name_en.to_string(),
            abbrev_en: abbrev_en.to_string(),
        })
        .collect();
    let project_text =
        text_rows::<PROJECT_FIELDS>("projects", tables::PROJECT_TEXT, tables::PROJECTS.len(), &mut errors);
    let mut projects = Vec::with_capacity(tables::PROJECTS.len());
    for (p, [name_zh, name_en, rule]) in tables::PROJECTS.iter().zip(project_text) {
        let (Some(start), Some(completion)) = (quarter(p.start), quarter(p.completion)) else {
            errors.push(refused("projects.start/completion", format!("{:?} {:?}", p.start, p.completion)));
            continue;
        };
        projects.push(Project {
            id: p.id,
            department: p.department,
            name_zh: name_zh.to_string(),
            name_en: name_en.to_string(),
            budget: money(&mut errors, "projects.budget", p.budget),
            start,
            completion,
            theme: p.theme,
            theme_source: match p.example {
                Some(example) => ThemeSource::Paper { example },
                None => ThemeSource::Derived { rule: rule.to_string() },
            },
        });
    }
    let categories = tables::CATEGORIES
        .iter()
        .map(|c| Category {
            id: c.id,
            name_zh: c.name_zh.to_string(),
            name_en: c.name_en.to_string(),
            proposed: money(&mut errors, "categories.proposed", c.proposed),
            approved_prior: money(&mut errors, "categories.approved_prior", c.approved_prior),
            printed_difference: money(&mut errors, "categories.printed_difference", c.printed_difference),
            printed_difference_pct: exact(&mut errors, "categories.printed_difference_pct", c.printed_difference_pct),
            source: c.source.to_string(),
        })
        .collect();
    let cohorts = tables::COHORTS
        .iter()
        .map(|c| Cohort {
            id: c.id,
            name_zh: c.name_zh.to_string(),
            name_en: c.name_en.to_string(),
            project_count: c.project_count,
            cash_budget_year: money(&mut errors, "cohorts.cash_budget_year", c.cash_budget_year),
            source: c.source.to_string(),
        })
        .collect();
    let fact_text = text_rows::<FACT_FIELDS>("facts", tables::FACT_TEXT, tables::FACT_COUNT, &mut errors);
    let facts = Facts {
        rows: fact_text
            .into_iter()
            .map(|[key, value, unit, source, label_zh, label_en]| Fact {
                key: key.to_string(),
                value: value.to_string(),
                unit: unit.to_string(),
                source: source.to_string(),
                label_zh: label_zh.to_string(),
                label_en: label_en.to_string(),
            })
            .collect(),
    };
    let ceiling = money(&mut errors, "ceiling", tables::CEILING);
    let floor = money(&mut errors, "floor", tables::FLOOR);
    let Some(budget_year) = FiscalYear::new(tables::BUDGET_YEAR) else {
        errors.push(refused("budget_year", tables::BUDGET_YEAR.to_string()));
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Dataset {
        departments,
        projects,
        categories,
        cohorts,
        facts,
        budget_year,
        ceiling,
        floor,
        projects_origin: ProjectsOrigin::Paper,
    })
}

/// A table's text fields, `N` to a row, for `rows` rows. A count that does not match
/// (possible only if someone edits `tables.rs` by hand) is a load error, and no row.
fn text_rows<const N: usize>(
    table: &str,
    text: &'static str,
    rows: usize,
    errors: &mut Vec<LoadError>,
) -> Vec<[&'static str; N]> {
    let fields: Vec<&'static str> = if rows == 0 { Vec::new() } else { text.split(SEPARATOR).collect() };
    if fields.len() != N * rows {
        errors.push(refused(table, format!("{} text fields for {rows} rows of {N}", fields.len())));
        return Vec::new();
    }
    fields.chunks_exact(N).filter_map(|row| <[&'static str; N]>::try_from(row).ok()).collect()
}

fn exact(errors: &mut Vec<LoadError>, what: &str, (mantissa, scale): Exact) -> Decimal {
    Decimal::try_new(mantissa, scale).unwrap_or_else(|_| {
        errors.push(refused(what, format!("{mantissa}e-{scale}")));
        Decimal::ZERO
    })
}

fn money(errors: &mut Vec<LoadError>, what: &str, amount: Exact) -> Money {
    Money::from_millions(exact(errors, what, amount))
}

fn quarter((year, quarter): Quarter) -> Option<FiscalQuarter> {
    FiscalQuarter::new(year, quarter)
}

fn refused(field: &str, value: String) -> LoadError {
    LoadError {
        file: "paper_data/tables.rs".to_string(),
        line: 0,
        field: Some(field.to_string()),
        kind: LoadErrorKind::OutOfRange { value, rule: crate::load::RangeRule::PaperValue },
    }
}
