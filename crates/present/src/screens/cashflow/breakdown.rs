//! The new projects' cash broken down by department or by theme, per financial year:
//! each year's column rounded as a whole to the new projects' cash the year table
//! shows for that year, so the groups shown add up to the total row shown and the
//! total row is the year table's figure (audit 37: rounded on its own, 2019-20 read
//! 924.7 here and 924.6 there).

use crate::cash::shown_years_of;
use crate::format::year_text;
use crate::lang::{l, Label, Lang};
use crate::provenance::{Basis, Figure, Provenance, Value};
use crate::words::{department_name, theme_name, TOTAL};
use blockvote_model::engine::Projection;
use blockvote_model::money::{round_parts_to, round_parts_to_total};
use blockvote_model::{Dataset, FiscalYear, Money, Theme};

pub const HEADING: Label = l("新項目現金流量細分", "New projects' cash flow broken down");
pub const CHOICE_LABEL: Label = l("細分方式", "Break down by");
/// Said instead of the table when the scenario includes no new project (every one
/// excluded): a table of no rows and a total of 0.0 for one year said nothing.
pub const NO_PROJECT_INCLUDED: Label = l(
    "此情景沒有納入任何新項目，所以沒有新項目的現金可供細分。",
    "This scenario includes no new project, so there is no new projects' cash to break down.",
);

/// How the breakdown groups the new projects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BreakdownBy {
    None,
    Department,
    Theme,
}

impl BreakdownBy {
    pub const ALL: [BreakdownBy; 3] = [BreakdownBy::None, BreakdownBy::Department, BreakdownBy::Theme];

    /// The stable name, for the radio's test id.
    pub fn key(self) -> &'static str {
        match self {
            BreakdownBy::None => "none",
            BreakdownBy::Department => "department",
            BreakdownBy::Theme => "theme",
        }
    }

    pub fn label(self) -> Label {
        match self {
            BreakdownBy::None => l("不細分", "No breakdown"),
            BreakdownBy::Department => l("按部門", "By department"),
            BreakdownBy::Theme => l("按主題", "By theme"),
        }
    }

    fn heading(self) -> Label {
        match self {
            BreakdownBy::Theme => l("主題", "Theme"),
            _ => l("部門", "Department"),
        }
    }
}

/// A group's row: its name and its cash in each year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BreakdownRow {
    pub key: String,
    pub name: String,
    pub cells: Vec<Figure>,
}

/// The breakdown table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BreakdownTable {
    pub group_heading: String,
    /// Whose the grouping is: themes are para 7's examples and blockvote's keyword
    /// rule for the other projects; departments are Annex C's own, unmarked.
    pub group_mark: Option<Provenance>,
    pub years: Vec<String>,
    /// Whose every year's figures are, said once in each year's heading: the model's
    /// while they are the model baseline's own, the scenario's once the levers change
    /// them, as the Cash flow screen's other tables mark their columns (an audit found
    /// this table the one without a mark).
    pub mark: Provenance,
    pub rows: Vec<BreakdownRow>,
    pub total_label: String,
    pub totals: Vec<Figure>,
}

/// The breakdown of `projection`'s new projects by `by`, its marks read against
/// `baseline`'s; `None` for no breakdown.
pub fn breakdown(
    projection: &Projection,
    baseline: &Projection,
    data: &Dataset,
    by: BreakdownBy,
    lang: Lang,
) -> Option<BreakdownTable> {
    // The groups in a fixed order: departments in the paper's order, themes in para 7's.
    let groups: Vec<(String, String)> = match by {
        BreakdownBy::None => return None,
        BreakdownBy::Department => (0..data.departments.len())
            .map(|index| (format!("dept-{index}"), department_name(data, index, lang)))
            .collect(),
        BreakdownBy::Theme => {
            Theme::ALL.into_iter().map(|t| (t.key().to_string(), theme_name(t).get(lang).to_string())).collect()
        }
    };
    let shown = rounded_columns(projection, Some(baseline), data, by, groups.len());
    let changed = shown != rounded_columns(baseline, None, data, by, groups.len());
    let mark = Provenance::worked_out(Basis::CalibratedProfile, changed);
    let Columns { years, shown, columns } = shown;
    let cell = |y: usize, i: usize| columns.get(y).and_then(|c| c.get(i)).copied().unwrap_or_default();
    let rows = shown
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let (key, name) = groups.get(*g)?.clone();
            let cells =
                (0..years.len()).map(|y| Figure::model_or_scenario(Value::Millions(cell(y, i)), &mark)).collect();
            Some(BreakdownRow { key, name, cells })
        })
        .collect();
    let totals = columns
        .iter()
        .map(|c| {
            Figure::model_or_scenario(Value::Millions(Money::checked_sum(c.iter().copied()).unwrap_or_default()), &mark)
        })
        .collect();
    Some(BreakdownTable {
        group_heading: by.heading().get(lang).to_string(),
        group_mark: (by == BreakdownBy::Theme).then_some(Provenance::Model(Basis::ThemeKeywords)),
        years: years.iter().map(|y| year_text(*y, lang)).collect(),
        mark,
        rows,
        total_label: TOTAL.get(lang).to_string(),
        totals,
    })
}

/// A breakdown's figures before they are written: its years, the groups it shows
/// (those with a project) and each year's column over them, rounded as a whole to the
/// year table's new projects' cash of `projection` against `baseline` (`None` for the
/// baseline's own table).
#[derive(PartialEq)]
struct Columns {
    years: Vec<FiscalYear>,
    shown: Vec<usize>,
    columns: Vec<Vec<Money>>,
}

fn rounded_columns(
    projection: &Projection,
    baseline: Option<&Projection>,
    data: &Dataset,
    by: BreakdownBy,
    group_count: usize,
) -> Columns {
    let years: Vec<_> = projection.years.iter().map(|y| y.year).collect();
    let year_table = shown_years_of(projection, baseline);
    let mut sums = vec![vec![Money::ZERO; years.len()]; group_count];
    let mut used = vec![false; group_count];
    for outcome in projection.projects.iter().filter(|o| o.included) {
        let Some(project) = data.project(outcome.id) else { continue };
        let group = match by {
            BreakdownBy::Department => Some(project.department),
            _ => Theme::ALL.iter().position(|t| *t == project.theme),
        };
        let Some(group) = group else { continue };
        if let Some(flag) = used.get_mut(group) {
            *flag = true;
        }
        let Some(row) = sums.get_mut(group) else { continue };
        for (offset, amount) in outcome.cash.iter().enumerate() {
            let quarter = outcome.cash_start.add_quarters(i32::try_from(offset).unwrap_or(i32::MAX));
            let Some(index) = quarter.and_then(|q| years.iter().position(|y| *y == q.year())) else { continue };
            if let Some(slot) = row.get_mut(index) {
                *slot = slot.checked_add(*amount).unwrap_or(*slot);
            }
        }
    }
    // Each year's column is rounded as a whole, over the groups shown, to the year
    // table's figure (or, for a year it does not show, to its own rounded sum).
    let shown: Vec<usize> = (0..group_count).filter(|g| used.get(*g).copied().unwrap_or(false)).collect();
    let columns: Vec<Vec<Money>> = years
        .iter()
        .enumerate()
        .map(|(y, year)| {
            let column: Vec<Money> =
                shown.iter().map(|g| sums.get(*g).and_then(|r| r.get(y)).copied().unwrap_or_default()).collect();
            match year_table.iter().find(|(shown_year, _)| shown_year == year) {
                Some((_, cash)) => round_parts_to(&column, 1, cash.new),
                None => round_parts_to_total(&column, 1),
            }
        })
        .collect();
    Columns { years, shown, columns }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::cashflow::tests::{paper, project};
    use blockvote_model::engine::Scenario;

    /// The total row and the row of group `key`, as `name: cells`.
    #[track_caller]
    fn check(by: BreakdownBy, key: &str, expected: &str) {
        let data = paper();
        let projection = project(&data, &Scenario::default());
        let table = breakdown(&projection, &projection, &data, by, Lang::En).unwrap_or_else(|| panic!("no table"));
        let text = |name: &str, cells: &[Figure]| {
            format!("{name}: {}", cells.iter().map(|c| c.text(Lang::En)).collect::<Vec<_>>().join(" | "))
        };
        let row = table.rows.iter().find(|r| r.key == key).map(|r| text(&r.name, &r.cells));
        assert_eq!(row.as_deref(), Some(expected));
        // Every column adds up to its total, and the 2018-19 total is Annex B's 243.
        for (y, total) in table.totals.iter().enumerate() {
            let sum = Money::checked_sum(table.rows.iter().filter_map(|r| r.cells.get(y)?.money()));
            assert_eq!(sum.ok(), total.money());
        }
        assert_eq!(table.totals.first().map(|t| t.text(Lang::En)).as_deref(), Some("243.0"));
    }

    #[test]
    fn groups_add_up_to_the_new_projects_cash() {
        check(
            BreakdownBy::Theme,
            "technology_refresh",
            "System technology refresh: 119.3 | 597.0 | 211.3 | 12.6 | 8.4",
        );
        check(BreakdownBy::Department, "dept-0", "Administration Wing: 2.4 | 21.5 | 0.5 | 0.0 | 0.0");
        let data = paper();
        let baseline = project(&data, &Scenario::default());
        assert_eq!(breakdown(&baseline, &baseline, &data, BreakdownBy::None, Lang::En), None);
    }

    /// Under a link's scenario, each year's total row is the new projects' cash the
    /// year table shows for that year (audit 37 found 924.7 against 924.6 for 2019-20
    /// under `p=1:b8`), and the groups still add up to it.
    #[track_caller]
    fn check_totals(link: &str) {
        let data = paper();
        let baseline = project(&data, &Scenario::default());
        let projection = project(&data, &blockvote_model::link::decode_link(link).0.scenario);
        let year_table: Vec<(String, Money)> = crate::cash::shown_years_of(&projection, Some(&baseline))
            .into_iter()
            .map(|(year, cash)| (year_text(year, Lang::En), cash.new))
            .collect();
        for by in [BreakdownBy::Department, BreakdownBy::Theme] {
            let table = breakdown(&projection, &baseline, &data, by, Lang::En).unwrap_or_else(|| panic!("no table"));
            let totals: Vec<(String, Money)> = table
                .years
                .iter()
                .cloned()
                .zip(table.totals.iter().map(|t| t.money().unwrap_or_else(|| panic!("{link}: no amount"))))
                .collect();
            assert_eq!(totals, year_table, "{link} by {by:?}");
            for (y, total) in totals.iter().enumerate() {
                let sum = Money::checked_sum(table.rows.iter().filter_map(|r| r.cells.get(y)?.money()));
                assert_eq!(sum.ok(), Some(total.1), "{link} by {by:?}, {}", total.0);
            }
        }
    }

    #[test]
    fn each_total_is_the_year_tables_new_cash() {
        for link in [
            "",
            "p=1:b8",
            "cost=-50",
            "cost=0.05",
            "slip=1&delay=8",
            "ceiling=5&floor=0.5&cost=33",
            "p=17:d2;18:x",
            "g=all:x",
            "g=theme.internal_efficiency:d2&cost=15",
            "profile=s_curve&cap=1000&rule=largest",
            "cost=3.7&p=5:b3.33;9:b0.19",
            "cost=25&slip=0.329&delay=2&cap=1000&rule=smallest&p=17:d2;18:x;1:b8&g=dept.3:d1&target=1050&cat=2:200,L&ceiling=20",
        ] {
            check_totals(link);
        }
        // With every project excluded there is no group to show (the screen says so).
        let data = paper();
        let none = project(&data, &blockvote_model::link::decode_link("g=all:x").0.scenario);
        let table = breakdown(&none, &project(&data, &Scenario::default()), &data, BreakdownBy::Theme, Lang::En);
        assert_eq!(table.map(|t| t.rows.len()), Some(0));
    }

    /// The year columns are the model's under the paper's levers and the member's once
    /// a lever changes their figures; a theme is blockvote's keyword rule.
    #[test]
    fn the_years_and_the_themes_say_whose_they_are() {
        let data = paper();
        let baseline = project(&data, &Scenario::default());
        let dearer = project(&data, &Scenario { cost_change_pct: rust_decimal::Decimal::TEN, ..Scenario::default() });
        let marks = |projection, by| {
            breakdown(projection, &baseline, &data, by, Lang::En)
                .map(|t| (t.mark.mark(Lang::En), t.group_mark.map(|m| m.mark(Lang::En))))
        };
        assert_eq!(marks(&baseline, BreakdownBy::Department), Some(("model".to_string(), None)));
        assert_eq!(marks(&dearer, BreakdownBy::Theme), Some(("scenario".to_string(), Some("model".to_string()))));
        let table = breakdown(&baseline, &baseline, &data, BreakdownBy::Theme, Lang::En);
        assert!(table.is_some_and(|t| t
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .all(|c| c.provenance().mark(Lang::En) == "model")));
    }
}
