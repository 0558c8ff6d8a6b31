//! The projects table: its columns and their sorting, the order of the rows, the
//! department headings when grouped (each with its count and budget subtotal), and
//! each row as the member reads it under the scenario.
//!
//! A row shows the paper's budget, start and completion (Annex C, cited once in the
//! column heading) until the scenario changes them; then it shows the scenario's,
//! marked as the scenario's, with the paper's beside it: `2019-20 Q1 (paper: 2018-19
//! Q1)`. So a deferral by a project's own lever, a group lever or the cash cap shows
//! in the row itself, not only as a badge.

use super::filters::SearchIndex;
use crate::format::{count, exact_millions, projects_count};
use crate::lang::{l, Label, Lang};
use crate::paper::{AnnexCColumn, Printed};
use crate::provenance::{Basis, Figure, PaperPlace, Provenance, Value};
use crate::route::param;
use crate::screens::sorting::{self, Column, SortKeys};
use crate::words::{department_name, profile_label, project_name};
use blockvote_model::engine::{Profile, ProjectOutcome, Projection};
use blockvote_model::link::LinkReason;
use blockvote_model::order::{SortedMap, SortedSet};
use blockvote_model::{Dataset, FiscalQuarter, Money, Project, ProjectsOrigin, ThemeSource};
use std::cmp::Ordering;
use std::sync::Arc;

/// A sortable column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    Id,
    Department,
    Name,
    Theme,
    Budget,
    Start,
    Completion,
    Duration,
}

impl Column for SortKey {
    const ALL: &'static [SortKey] = &[
        SortKey::Id,
        SortKey::Department,
        SortKey::Name,
        SortKey::Theme,
        SortKey::Budget,
        SortKey::Start,
        SortKey::Completion,
        SortKey::Duration,
    ];

    /// The `sort=` value.
    fn key(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Department => "dept",
            SortKey::Name => "name",
            SortKey::Theme => "theme",
            SortKey::Budget => "budget",
            SortKey::Start => "start",
            SortKey::Completion => "done",
            SortKey::Duration => "dur",
        }
    }
}

impl SortKey {
    pub fn label(self) -> Label {
        match self {
            SortKey::Id => l("編號", "No."),
            SortKey::Department => l("部門", "Department"),
            SortKey::Name => l("項目名稱", "Project name"),
            SortKey::Theme => l("主題", "Theme"),
            SortKey::Budget => l("預算（百萬元）", "Budget (HK$M)"),
            SortKey::Start => l("預計開展", "Start"),
            SortKey::Completion => l("預計完成", "Completion"),
            SortKey::Duration => l("為期（季）", "Quarters"),
        }
    }

    /// Number-like columns are right-aligned.
    pub fn numeric(self) -> bool {
        matches!(self, SortKey::Id | SortKey::Budget | SortKey::Duration)
    }

    /// The paper's column whose figures this column shows, cited in its heading.
    pub fn paper_column(self) -> Option<AnnexCColumn> {
        match self {
            SortKey::Budget => Some(AnnexCColumn::Budget),
            SortKey::Start => Some(AnnexCColumn::Start),
            SortKey::Completion => Some(AnnexCColumn::Completion),
            _ => None,
        }
    }

    /// The mark in the column's heading: for a column of Annex C its citation; for
    /// the quarters, a count worked out from Annex C's dates, the model's arithmetic
    /// (a row whose dates the scenario changed marks its own count as the scenario's).
    /// `None` for the other columns and for projects the member imported.
    pub fn heading_mark(self, data: &Dataset) -> Option<Provenance> {
        match self {
            SortKey::Duration => {
                AnnexCColumn::Start.provenance(data).map(|_| Provenance::Model(Basis::Arithmetic(PaperPlace::AnnexC)))
            }
            _ => self.paper_column().and_then(|column| column.provenance(data)),
        }
    }

    /// Whether the heading carries the English names' "unofficial translation" mark.
    pub fn translated(self, lang: Lang) -> bool {
        self == SortKey::Name && lang == Lang::En
    }
}

/// What a paper column's heading mark says on hover and focus: the paper's words for
/// the column, and that its cells are the paper's figures except those marked as the
/// scenario's. A cell the member's levers changed is marked in the cell, so the
/// heading alone must not claim the whole column is the paper's.
pub fn heading_explanation(mark: &Provenance, lang: Lang) -> String {
    let explanation = mark.explanation(lang);
    if let Provenance::Model(_) = mark {
        return match lang {
            Lang::Zh => format!("{explanation}（本欄標示「情景」的數字是你的情景，按你設定的調節計算。）"),
            Lang::En => format!(
                "{explanation} (A figure marked scenario in this column is yours, worked out from the levers you set.)"
            ),
        };
    }
    let Provenance::Paper(citation) = mark else { return explanation };
    let place = citation.place().cite(lang);
    match lang {
        Lang::Zh => format!("{explanation}（本欄中文件的數字取自{place}；標示「情景」的數字是你的情景，按你設定的調節計算。）"),
        Lang::En => format!(
            "{explanation} (The paper's figures in this column are {place}'s; a figure marked scenario is yours, worked out from the levers you set.)"
        ),
    }
}

/// The address keys of the projects table's sort.
pub const SORT_KEYS: SortKeys = SortKeys { column: "sort", direction: "dir" };

/// The projects table's sort.
pub type Sort = sorting::Sort<SortKey>;

/// The address key of the table's grouping by department.
pub const GROUP_KEY: &str = "group";

/// The value of `group=` that groups the rows by department, as the control writes it.
pub const GROUPED_VALUE: &str = "1";

/// Reads `group=`: [`GROUPED_VALUE`] to group the rows by department, an empty value
/// not to; any other value is named, with what the key takes, and leaves the rows
/// ungrouped. The one reading, for the table, its control and a link's problems.
pub fn parse_group(value: &str) -> Result<bool, LinkReason> {
    match value.trim() {
        "" => Ok(false),
        GROUPED_VALUE => Ok(true),
        _ => Err(LinkReason::NotOneOf { accepted: vec![GROUPED_VALUE] }),
    }
}

/// Whether an address's `params` group the table by department ([`parse_group`]).
pub fn is_grouped(params: &[(String, String)]) -> bool {
    param(params, GROUP_KEY).is_some_and(|value| parse_group(&value).unwrap_or(false))
}

fn compare(data: &Dataset, index: &SearchIndex, a: usize, b: usize, key: SortKey, lang: Lang) -> Ordering {
    let (Some(pa), Some(pb)) = (data.projects.get(a), data.projects.get(b)) else { return Ordering::Equal };
    match key {
        SortKey::Id => pa.id.cmp(&pb.id),
        SortKey::Department => pa.department.cmp(&pb.department),
        SortKey::Name => match lang {
            Lang::Zh => pa.name_zh.cmp(&pb.name_zh),
            Lang::En => index.names_en.get(a).cmp(&index.names_en.get(b)),
        },
        SortKey::Theme => pa.theme.cmp(&pb.theme),
        SortKey::Budget => pa.budget.cmp(&pb.budget),
        SortKey::Start => pa.start.cmp(&pb.start),
        SortKey::Completion => pa.completion.cmp(&pb.completion),
        SortKey::Duration => pa.duration_quarters().cmp(&pb.duration_quarters()),
    }
}

/// Puts `rows` (indices into `Dataset::projects`) in `sort` order; ties are settled by
/// number, ascending, so the order is stable. With `grouped`, rows are first ordered
/// by department in the paper's order. Sorting is by the paper's figures.
pub fn order(data: &Dataset, index: &SearchIndex, rows: &mut [usize], sort: Sort, grouped: bool, lang: Lang) {
    blockvote_model::order::sort_by(rows, |&a, &b| {
        let group = if grouped { compare(data, index, a, b, SortKey::Department, lang) } else { Ordering::Equal };
        let primary = compare(data, index, a, b, sort.key, lang);
        let primary = if sort.descending { primary.reverse() } else { primary };
        group.then(primary).then_with(|| compare(data, index, a, b, SortKey::Id, lang))
    });
}

/// The exact sum of the paper's budgets of `rows` (`None` only on an overflow the
/// loader's limits make impossible).
pub fn total_budget(data: &Dataset, rows: &[usize]) -> Option<Money> {
    Money::checked_sum(rows.iter().filter_map(|i| data.projects.get(*i)).map(|p| p.budget)).ok()
}

/// A sum of Annex C's budgets, as the model's arithmetic, with every decimal it has
/// (one for the paper's own, whose budgets have one).
pub fn annex_c_sum(amount: Money) -> Figure {
    Figure::model(Value::MillionsExact(amount), Basis::Arithmetic(PaperPlace::AnnexC))
}

/// The budgets the rows show: the scenario's where it has an outcome for a project,
/// else the paper's.
#[derive(Clone, Copy)]
struct ShownBudgets<'a> {
    data: &'a Dataset,
    outcomes: &'a SortedMap<u16, &'a ProjectOutcome>,
}

impl ShownBudgets<'_> {
    /// What the row of `data.projects[i]` adds to the total, and whether it is the
    /// paper's budget: its budget, or nothing if the scenario excludes the project (its
    /// row is struck through, and every other screen leaves it out too).
    fn of(&self, i: usize) -> Option<(Money, bool)> {
        let project = self.data.projects.get(i)?;
        match self.outcomes.get(&project.id) {
            Some(outcome) if !outcome.included => Some((Money::ZERO, false)),
            Some(outcome) => Some((outcome.budget, outcome.budget == project.budget)),
            None => Some((project.budget, true)),
        }
    }

    /// Whether any of `rows` is excluded by the scenario.
    fn any_excluded(&self, rows: &[usize]) -> bool {
        rows.iter()
            .filter_map(|i| self.data.projects.get(*i))
            .any(|p| self.outcomes.get(&p.id).is_some_and(|o| !o.included))
    }

    /// The exact sum of the budgets `rows` show, and whether every one is the paper's
    /// (`None` only on an overflow the loader's limits make impossible).
    fn sum(&self, rows: &[usize]) -> Option<(Money, bool)> {
        let shown: Vec<(Money, bool)> = rows.iter().filter_map(|i| self.of(*i)).collect();
        let sum = Money::checked_sum(shown.iter().map(|(amount, _)| *amount)).ok()?;
        Some((sum, shown.iter().all(|(_, paper)| *paper)))
    }
}

/// A sum of budgets shown: of Annex C's, the model's arithmetic; of any the scenario
/// changed, the scenario's. Written exactly, as the rows are, so the column adds up to
/// it as written: rounded to one decimal, the 254 rows of a 7.3% cost change read
/// 1,638.74 beside a total of 1,639.2.
fn budget_sum(amount: Money, all_paper: bool) -> Figure {
    if all_paper {
        annex_c_sum(amount)
    } else {
        Figure::scenario(Value::MillionsExact(amount))
    }
}

/// The mark of a sum of budgets shown: the scenario's holds for any projects, but a
/// sum of the budgets as printed is the model's arithmetic on Annex C only for the
/// paper's own projects; of projects the member imported it claims none.
fn sum_mark(data: &Dataset, sum: &Figure) -> Option<Provenance> {
    match sum.provenance() {
        Provenance::Scenario => Some(Provenance::Scenario),
        _ if data.projects_origin == ProjectsOrigin::Paper => Some(sum.provenance().clone()),
        _ => None,
    }
}

/// A figure's text, or a dash where there is none.
pub fn text_or_dash(figure: Option<&Figure>, lang: Lang) -> String {
    figure.map(|f| f.text(lang)).unwrap_or_else(|| "—".to_string())
}

/// A cell of a project's row: the scenario's figure, and the paper's beside it when
/// they differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowCell {
    pub text: String,
    /// `(paper: 2018-19 Q1)` when the scenario's figure differs from the paper's.
    pub paper: Option<String>,
    /// The mark drawn in the cell: the scenario's, when the figure is the scenario's.
    /// The paper's figures are cited once, in the column heading, not on every row.
    pub mark: Option<Provenance>,
}

impl RowCell {
    fn new(paper: &Value, scenario: &Value, lang: Lang) -> RowCell {
        // A budget is written exactly (every decimal it has, one at least), so the
        // column adds up to its total as written and a change a lever made never reads
        // as no change (9.999999 and 10.000001 are not both "10.0").
        let written = |value: &Value| match value {
            Value::Millions(amount) => exact_millions(*amount),
            _ => value.unmarked_text(lang),
        };
        if paper == scenario {
            return RowCell { text: written(paper), paper: None, mark: None };
        }
        let (text, paper_text) = (written(scenario), written(paper));
        RowCell {
            text,
            paper: Some(match lang {
                Lang::Zh => format!("（文件：{paper_text}）"),
                Lang::En => format!("(paper: {paper_text})"),
            }),
            mark: Some(Provenance::Scenario),
        }
    }
}

/// What a project's row is made from besides the project itself: the figures the
/// scenario gives it, whether the scenario changes or excludes it, and the language. Rows
/// of one project made from equal inputs are equal, so a new table body keeps the rows
/// whose inputs did not change (see [`body`]) instead of writing their words again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowInputs {
    budget: Money,
    start: FiscalQuarter,
    completion: FiscalQuarter,
    excluded: bool,
    changed: bool,
    /// The spend profile an edit gives the project, other than the scenario's default.
    own_profile: Option<Profile>,
    lang: Lang,
}

impl RowInputs {
    /// The inputs of `project`'s row under the scenario's `outcome` (`None`: as in the
    /// paper).
    fn of(project: &Project, outcome: Option<&ProjectOutcome>, changed: bool, lang: Lang) -> RowInputs {
        let (budget, start, completion) =
            outcome.map_or((project.budget, project.start, project.completion), |o| (o.budget, o.start, o.completion));
        let excluded = outcome.is_some_and(|o| !o.included);
        let own_profile = outcome.and_then(|o| o.own_profile.then_some(o.profile));
        RowInputs { budget, start, completion, excluded, changed, own_profile, lang }
    }
}

/// One project's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectRow {
    pub id: u16,
    pub inputs: RowInputs,
    /// The paper's budget, exact (the row's `data-budget`).
    pub paper_budget: String,
    pub department: String,
    pub name: String,
    /// The project's theme: para 7's example (the paper's) or blockvote's keyword rule
    /// (the model's), with its mark.
    pub theme: Figure,
    /// Why the keyword rule chose the theme, for the cell's hover text.
    pub theme_rule: Option<String>,
    pub budget: RowCell,
    pub start: RowCell,
    pub completion: RowCell,
    pub duration: RowCell,
    /// The scenario changes this project (by the model's one rule; see
    /// `filters::changed_ids`).
    pub changed: bool,
    pub excluded: bool,
    /// The Edit button's words and accessible name.
    pub edit: String,
    pub edit_label: String,
    /// The badges' words.
    pub changed_text: String,
    /// The spend profile of its own that changes the project, said under the changed
    /// badge (`spend profile: Even`): it changes none of the row's cells.
    pub changed_profile: Option<String>,
    pub excluded_text: String,
    /// The theme as written.
    pub theme_text: String,
}

/// A row hashes as its project's number alone: equal rows are of one project, so this
/// agrees with `Eq`, and a keyed list of 254 rows hashes 254 numbers per change instead
/// of every row's dozen strings.
impl std::hash::Hash for ProjectRow {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

const CHANGED: Label = l("已改", "changed");
const EXCLUDED: Label = l("已剔除", "excluded");

fn duration(start: FiscalQuarter, completion: FiscalQuarter) -> u64 {
    u64::try_from(start.quarters_until(completion).saturating_add(1)).unwrap_or(0)
}

/// Why the keyword rule gave a project its theme.
fn theme_rule(project: &Project, lang: Lang) -> Option<String> {
    match &project.theme_source {
        ThemeSource::Paper { .. } => None,
        ThemeSource::Derived { rule } if rule == "fallback" => Some(
            l(
                "名稱不含任何關鍵詞，歸入最廣泛的主題（blockvote 推算）",
                "No keyword in the name, so the broadest theme (blockvote's reading)",
            )
            .get(lang)
            .to_string(),
        ),
        ThemeSource::Derived { rule } => Some(match lang {
            Lang::Zh => format!("按名稱中的關鍵詞「{rule}」歸類（blockvote 推算）"),
            Lang::En => format!("From the keyword “{rule}” in the Chinese name (blockvote's reading)"),
        }),
    }
}

/// A project's theme as a figure: the paper's for para 7's examples, else the model's.
pub fn theme_figure(data: &Dataset, project: &Project) -> Figure {
    Printed::ThemeExample(project.id)
        .figure(data)
        .unwrap_or_else(|| Figure::model(Value::Theme(project.theme), Basis::ThemeKeywords))
}

/// The row of `project` under the scenario's `outcome` (`None`: as in the paper);
/// `changed` if the scenario changes it.
pub fn project_row(
    data: &Dataset,
    project: &Project,
    outcome: Option<&ProjectOutcome>,
    changed: bool,
    lang: Lang,
) -> ProjectRow {
    let id = project.id;
    let inputs = RowInputs::of(project, outcome, changed, lang);
    let RowInputs { budget, start, completion, excluded, own_profile, .. } = inputs;
    let paper_duration = u64::try_from(project.duration_quarters()).unwrap_or(0);
    let theme = theme_figure(data, project);
    ProjectRow {
        id,
        inputs,
        paper_budget: project.budget.to_string(),
        department: department_name(data, project.department, lang),
        name: project_name(project, lang),
        theme_rule: theme_rule(project, lang),
        budget: RowCell::new(&Value::Millions(project.budget), &Value::Millions(budget), lang),
        start: RowCell::new(&Value::Quarter(project.start), &Value::Quarter(start), lang),
        completion: RowCell::new(&Value::Quarter(project.completion), &Value::Quarter(completion), lang),
        duration: RowCell::new(&Value::Count(paper_duration), &Value::Count(duration(start, completion)), lang),
        changed,
        excluded,
        edit: l("調整", "Edit").get(lang).to_string(),
        edit_label: match lang {
            Lang::Zh => format!("調整項目 {id}"),
            Lang::En => format!("Edit project {id}"),
        },
        changed_text: CHANGED.get(lang).to_string(),
        // A profile of its own changes no cell of the row, so the badge names it.
        changed_profile: own_profile.map(|profile| {
            format!("{}{}", lang.pick("開支模式：", "spend profile: "), profile_label(profile).get(lang))
        }),
        excluded_text: EXCLUDED.get(lang).to_string(),
        theme_text: theme.text(lang),
        theme,
    }
}

/// A department's heading when the table is grouped: its name, its count of rows
/// shown and their budget subtotal (the subtotals shown add up to the total shown).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GroupHeading {
    pub order: u16,
    pub name: String,
    pub count: String,
    pub subtotal: Figure,
    pub subtotal_text: String,
    /// Whether the subtotal is drawn with its mark, by the total's rule (see
    /// [`sum_mark`], whose mark is always the figure's own provenance; a flag keeps the
    /// heading, a list key, small).
    subtotal_marked: bool,
}

impl GroupHeading {
    /// The subtotal's mark, drawn beside it: its own provenance, by the total's rule.
    pub fn subtotal_mark(&self) -> Option<&Provenance> {
        self.subtotal_marked.then(|| self.subtotal.provenance())
    }
}

/// One line of the table body.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Line {
    Heading(GroupHeading),
    /// Shared, not boxed: a keyed list clones every line twice on each change (the list
    /// and its keys), and a row holds a dozen strings.
    Row(Arc<ProjectRow>),
}

/// The key of a line in a keyed list. A row is drawn once per project and language, and
/// its figures follow the scenario in place: a lever on one project rewrites a few
/// texts of one row, where drawing the row anew cost the frame its style, layout and
/// hover hit test. A department's heading is drawn anew when its words change.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LineKey {
    Row { id: u16, lang: Lang },
    Heading(GroupHeading),
}

impl Line {
    pub fn key(&self) -> LineKey {
        match self {
            Line::Row(row) => LineKey::Row { id: row.id, lang: row.inputs.lang },
            Line::Heading(heading) => LineKey::Heading(heading.clone()),
        }
    }
}

/// The table's body and its total, for `rows` already in display order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableBody {
    pub lines: Vec<Line>,
    /// The rows that match the filters: the total and the subtotals are of all of them.
    pub count: usize,
    /// Of those, the rows drawn (the first ones, in display order): at most the limit
    /// the member has asked for, [`ROWS_PER_STEP`] more each time.
    pub drawn: usize,
    pub total: Option<Figure>,
    /// The total's mark, drawn in the total cell and after the total above the table
    /// (see [`sum_mark`]).
    pub total_mark: Option<Provenance>,
    /// Whether some of the rows are of projects the scenario excludes, which the total
    /// and the subtotals leave out.
    pub excluded_left_out: bool,
}

/// The rows the table draws at first, and how many more each "show more" draws. An
/// imported file may hold up to `MAX_ROWS` projects (20,000), and a browser takes
/// seconds to lay out a table of that many rows (some 380,000 elements), during which
/// the page does not answer; the paper's 254 projects are drawn whole.
pub const ROWS_PER_STEP: usize = 300;

/// The scenario as the table shows it: its projection and the projects it changes.
#[derive(Clone, Copy)]
pub struct ScenarioRows<'a> {
    pub projection: Option<&'a Projection>,
    pub changed: &'a SortedSet<u16>,
}

/// The body of the table for `rows` (in display order) under `scenario`, drawing the
/// first `limit` of them (with the headings of their departments when `grouped`); the
/// total and the subtotals are of all `rows`. `previous` is the body last made from the
/// same `data`, if any: its row of a project is kept (shared, not made again) when the
/// row's inputs are the same, so a lever that changes one project formats one row, and
/// the rows kept compare equal by pointer.
pub fn body(
    data: &Dataset,
    rows: &[usize],
    grouped: bool,
    limit: usize,
    scenario: ScenarioRows,
    lang: Lang,
    previous: Option<&TableBody>,
) -> TableBody {
    // Maps built by insertion, not collected: collecting sorts first (order::set_of).
    let mut outcomes: SortedMap<u16, &ProjectOutcome> = SortedMap::new();
    for outcome in scenario.projection.map_or(&[][..], |p| &p.projects[..]) {
        outcomes.insert(outcome.id, outcome);
    }
    let mut kept: SortedMap<u16, &Arc<ProjectRow>> = SortedMap::new();
    for line in previous.map_or(&[][..], |b| &b.lines[..]) {
        if let Line::Row(row) = line {
            kept.insert(row.id, row);
        }
    }
    let row = |i: &usize| {
        data.projects.get(*i).map(|p| {
            let changed = scenario.changed.contains(&p.id);
            let outcome = outcomes.get(&p.id).copied();
            match kept.get(&p.id) {
                Some(row) if row.inputs == RowInputs::of(p, outcome, changed, lang) => Line::Row(Arc::clone(row)),
                _ => Line::Row(Arc::new(project_row(data, p, outcome, changed, lang))),
            }
        })
    };
    // The total and the subtotals are of the budgets the rows show, so the column adds
    // up whatever the scenario changed.
    let budgets = ShownBudgets { data, outcomes: &outcomes };
    let total = budgets.sum(rows).map(|(sum, all_paper)| budget_sum(sum, all_paper));
    let total_mark = total.as_ref().and_then(|total| sum_mark(data, total));
    let excluded_left_out = budgets.any_excluded(rows);
    let drawn = rows.len().min(limit);
    if !grouped {
        let lines = rows.iter().take(drawn).filter_map(row).collect();
        return TableBody { lines, count: rows.len(), drawn, total, total_mark, excluded_left_out };
    }
    let groups = department_runs(data, rows);
    let exact: Vec<(Money, bool)> =
        groups.iter().map(|(_, group)| budgets.sum(group).unwrap_or((Money::ZERO, true))).collect();
    let mut lines = Vec::with_capacity(drawn + groups.len());
    let mut to_draw = drawn;
    for ((department, group), (subtotal, all_paper)) in groups.into_iter().zip(exact) {
        if to_draw == 0 {
            break;
        }
        let subtotal = budget_sum(subtotal, all_paper);
        lines.push(Line::Heading(GroupHeading {
            order: data.departments.get(department).map(|d| d.order).unwrap_or(0),
            name: department_name(data, department, lang),
            count: projects_count(group.len(), lang),
            subtotal_text: subtotal.text(lang),
            subtotal_marked: sum_mark(data, &subtotal).as_ref() == Some(subtotal.provenance()),
            subtotal,
        }));
        lines.extend(group.iter().take(to_draw).filter_map(row));
        to_draw = to_draw.saturating_sub(group.len());
    }
    TableBody { lines, count: rows.len(), drawn, total, total_mark, excluded_left_out }
}

/// Under a table that draws only some of its rows: which ones, and that the total is
/// of them all. `None` when every row is drawn.
pub fn rows_not_drawn(body: &TableBody, lang: Lang) -> Option<String> {
    (body.drawn < body.count).then(|| {
        let (drawn, count) = (count(body.drawn), count(body.count));
        match lang {
            Lang::Zh => format!("只列出首 {drawn} 個項目（共 {count} 個）；合計包括全部 {count} 個。"),
            Lang::En => format!("The first {drawn} of {count} projects are listed; the total is of all {count}."),
        }
    })
}

/// The button that draws [`ROWS_PER_STEP`] more rows (or the rest, if fewer).
pub fn show_more_rows(body: &TableBody, lang: Lang) -> String {
    let more = count(body.count.saturating_sub(body.drawn).min(ROWS_PER_STEP));
    match lang {
        Lang::Zh => format!("再列出 {more} 個"),
        Lang::En => format!("List {more} more"),
    }
}

/// `rows` cut into runs of one department each (rows are grouped, so each department
/// makes one run).
fn department_runs<'a>(data: &Dataset, rows: &'a [usize]) -> Vec<(usize, &'a [usize])> {
    let department = |i: &usize| data.projects.get(*i).map_or(usize::MAX, |p| p.department);
    let mut runs = Vec::new();
    let mut rest = rows;
    while let Some(first) = rest.first() {
        let current = department(first);
        let end = rest.iter().position(|i| department(i) != current).unwrap_or(rest.len());
        let (run, next) = rest.split_at(end);
        runs.push((current, run));
        rest = next;
    }
    runs
}

/// Said of a count of projects whose sum leaves out the budgets of excluded ones,
/// which are listed (struck through) and counted.
const EXCLUDED_LEFT_OUT: Label = l("已剔除項目的預算不計算在內", "excluded projects' budgets not counted");

/// `Showing 35 of 254 projects, total budget HK$346.5M`, with the count and the
/// total as figures, and the total's mark after its unit; when excluded projects are
/// among those counted, that their budgets are not in the total (audit 25 read
/// "Showing 254 of 254 projects, total budget HK$9.6M" of two projects left in).
pub fn summary(body: &TableBody, all: usize, lang: Lang) -> crate::screens::sentence::Sentence {
    use crate::screens::sentence::Sentence;
    let total = text_or_dash(body.total.as_ref(), lang);
    // Counts group their thousands as every other count does (`20,000`).
    let (count, all) = (count(body.count), count(all));
    let sentence = match lang {
        Lang::Zh => Sentence::new()
            .text("顯示 ")
            .figure("visible-count", count)
            .text(format!(" 個項目（共 {all} 個），預算合計 "))
            .figure("visible-total", total)
            .text(" 百萬元")
            .mark(body.total_mark.clone()),
        Lang::En => Sentence::new()
            .text("Showing ")
            .figure("visible-count", count)
            .text(format!(" of {all} projects, total budget HK$"))
            .figure("visible-total", total)
            .text("M")
            .mark(body.total_mark.clone()),
    };
    if !body.excluded_left_out {
        return sentence;
    }
    match lang {
        Lang::Zh => sentence.text(format!("（{}）", EXCLUDED_LEFT_OUT.zh)),
        Lang::En => sentence.text(format!(" ({})", EXCLUDED_LEFT_OUT.en)),
    }
}

/// The total row's heading: `Total of the projects shown · 35 projects`.
pub fn total_heading(body: &TableBody, lang: Lang) -> String {
    let heading = format!(
        "{} · {}",
        l("顯示項目合計", "Total of the projects shown").get(lang),
        projects_count(body.count, lang)
    );
    if body.excluded_left_out {
        // The rows of excluded projects are shown, and counted, struck out; only their
        // budgets are left out of the sums (audit 10 read "254 projects · excluded
        // projects not counted" as a contradiction).
        format!("{heading} · {}", EXCLUDED_LEFT_OUT.get(lang))
    } else {
        heading
    }
}

#[cfg(test)]
mod tests {
    use super::super::filters::{selected, Filters, Offered};
    use super::*;
    use crate::screens::projects::filters::changed_ids;
    use blockvote_model::engine::{Edit, Engine, ProjectEdit, Scenario};
    use blockvote_model::nfc::nfc;

    fn paper() -> Dataset {
        Dataset::paper().unwrap_or_else(|_| Dataset::empty())
    }

    fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    /// The ids shown for an address, in order.
    fn shown(data: &Dataset, pairs: &[(&str, &str)]) -> Vec<u16> {
        let p = params(pairs);
        let index = SearchIndex::new(data, str::to_lowercase);
        let mut rows = selected(
            data,
            &index,
            &Filters::from_params(&p, &Offered::of(data), nfc, str::to_lowercase),
            &SortedSet::new(),
        );
        order(data, &index, &mut rows, Sort::from_params(&p, SORT_KEYS), false, Lang::En);
        rows.iter().filter_map(|i| data.projects.get(*i)).map(|p| p.id).collect()
    }

    /// A row's cells as a member reads them: `budget | start | completion | quarters`,
    /// each with the paper's beside it when the scenario differs.
    #[track_caller]
    fn check(scenario: &Scenario, id: u16, lang: Lang, expected: &str) {
        let data = paper();
        let engine = Engine::new(&data).ok();
        let projection = engine.as_ref().and_then(|e| e.project(scenario).ok());
        let changed = changed_ids(projection.as_ref()).contains(&id);
        let project = data.project(id).cloned().unwrap_or_else(|| unreachable!());
        let outcome = projection.as_ref().and_then(|p| p.project(id));
        let row = project_row(&data, &project, outcome, changed, lang);
        let cell = |c: &RowCell| format!("{}{}", c.text, c.paper.clone().unwrap_or_default());
        let marks =
            [&row.budget, &row.start, &row.completion, &row.duration].iter().filter(|c| c.mark.is_some()).count();
        let shown = format!(
            "{} | {} | {} | {} | {} marks{}",
            cell(&row.budget),
            cell(&row.start),
            cell(&row.completion),
            cell(&row.duration),
            marks,
            if row.changed { " | changed" } else { "" }
        );
        assert_eq!(shown, expected);
    }

    fn edited(id: u16, edit: Edit) -> Scenario {
        Scenario { projects: vec![ProjectEdit { id, edit }], ..Scenario::default() }
    }

    fn deferred(id: u16, quarters: i32) -> Scenario {
        edited(id, Edit { defer_quarters: Some(quarters), ..Edit::default() })
    }

    #[test]
    fn a_row_shows_the_scenario_s_dates_with_the_paper_s_beside_them() {
        check(&Scenario::default(), 17, Lang::En, "6.7 | 2018-19 Q1 | 2019-20 Q3 | 7 | 0 marks");
        check(
            &deferred(17, 4),
            17,
            Lang::En,
            "6.7 | 2019-20 Q1(paper: 2018-19 Q1) | 2020-21 Q3(paper: 2019-20 Q3) | 7 | 2 marks | changed",
        );
        check(&deferred(17, 4), 17, Lang::Zh, "6.7 | 2019-20 年度第一季（文件：2018-19 年度第一季） | 2020-21 年度第三季（文件：2019-20 年度第三季） | 7 | 2 marks | changed");
        let longer = Edit { extend_quarters: Some(2), budget: Some(Money::from_whole_millions(5)), ..Edit::default() };
        check(
            &edited(17, longer),
            17,
            Lang::En,
            "5.0(paper: 6.7) | 2018-19 Q1 | 2020-21 Q1(paper: 2019-20 Q3) | 9(paper: 7) | 3 marks | changed",
        );
    }

    /// A spend profile of its own changes no cell of a row, so its badge names it
    /// (audit 9: No. 7 set to an even spread was not marked changed at all).
    #[test]
    fn a_row_changed_by_its_own_profile_says_so_in_its_badge() {
        let even = edited(7, Edit { profile: Some(Profile::Even), ..Edit::default() });
        check(&even, 7, Lang::En, "9.1 | 2018-19 Q1 | 2019-20 Q4 | 8 | 0 marks | changed");
        let data = paper();
        let projection = Engine::new(&data).ok().and_then(|e| e.project(&even).ok());
        let badge = |id: u16, lang| {
            let project = data.project(id).cloned().unwrap_or_else(|| unreachable!());
            let outcome = projection.as_ref().and_then(|p| p.project(id));
            let row = project_row(&data, &project, outcome, true, lang);
            format!("{} {}", row.changed_text, row.changed_profile.unwrap_or_default())
        };
        assert_eq!(badge(7, Lang::En), "changed spend profile: Even");
        assert_eq!(badge(7, Lang::Zh), "已改 開支模式：平均分布");
        assert_eq!(badge(17, Lang::En), "changed ", "a row without a profile of its own");
    }

    /// A budget is written exactly, so a change never reads as no change and the column
    /// adds up to its total as written.
    #[test]
    fn a_changed_budget_is_written_with_every_decimal_it_has() {
        let dearer = |pct: i64| Scenario { cost_change_pct: rust_decimal::Decimal::from(pct), ..Scenario::default() };
        check(&dearer(10), 163, Lang::En, "0.22(paper: 0.2) | 2018-19 Q2 | 2018-19 Q4 | 3 | 1 marks | changed");
        check(
            &dearer(10),
            211,
            Lang::Zh,
            "0.22（文件：0.2） | 2018-19 年度第一季 | 2018-19 年度第三季 | 3 | 1 marks | changed",
        );
        check(&dearer(1), 163, Lang::En, "0.202(paper: 0.2) | 2018-19 Q2 | 2018-19 Q4 | 3 | 1 marks | changed");
        check(&dearer(10), 1, Lang::En, "7.26(paper: 6.6) | 2018-19 Q1 | 2019-20 Q1 | 5 | 1 marks | changed");
    }

    #[test]
    fn a_group_lever_and_the_cash_cap_show_in_the_rows_too() {
        use blockvote_model::engine::{CashCap, DeferralRule, GroupEdit, Selector};
        let group = Scenario {
            groups: vec![GroupEdit {
                select: Selector::Department { index: 0 },
                edit: Edit { defer_quarters: Some(1), ..Edit::default() },
            }],
            ..Scenario::default()
        };
        check(
            &group,
            1,
            Lang::En,
            "6.6 | 2018-19 Q2(paper: 2018-19 Q1) | 2019-20 Q2(paper: 2019-20 Q1) | 5 | 2 marks | changed",
        );
        let cap = Scenario {
            cap: Some(CashCap { amount: Money::from_whole_millions(1_050), rule: DeferralRule::HighestIdFirst }),
            ..Scenario::default()
        };
        check(&cap, 254, Lang::Zh, "0.9 | 2019-20 年度第一季（文件：2018-19 年度第二季） | 2020-21 年度第一季（文件：2019-20 年度第二季） | 5 | 2 marks | changed");
    }

    #[test]
    fn sorting_is_stable_by_number_and_toggles_direction() {
        let data = paper();
        let down = shown(&data, &[("sort", "budget"), ("dir", "desc")]);
        let first = data.project(down[0]).map(|p| p.budget.format(1));
        assert_eq!(first.as_deref(), Some("9.9"));
        let ties: Vec<u16> = down.iter().copied().take(35).collect();
        assert!(ties.windows(2).all(|w| w[0] < w[1]), "ties are in number order");
        assert_eq!(shown(&data, &[]), (1..=254).collect::<Vec<u16>>());
        let sort = Sort::from_params(&params(&[("sort", "budget")]), SORT_KEYS);
        assert_eq!(
            (sort.aria(SortKey::Budget), sort.aria(SortKey::Id), sort.arrow(SortKey::Budget)),
            (Some("ascending"), None, "▲")
        );
        let pressed = |sort: Sort, key| sort.pressed(key, SORT_KEYS);
        assert_eq!(
            pressed(sort, SortKey::Budget),
            [("sort", Some("budget".to_string())), ("dir", Some("desc".to_string()))]
        );
        assert_eq!(
            pressed(Sort::default(), SortKey::Id),
            [("sort", Some("id".to_string())), ("dir", Some("desc".to_string()))]
        );
        assert_eq!(pressed(sort, SortKey::Id), [("sort", None), ("dir", None)]);
    }

    /// The total row and the summary under `scenario`, grouped or not: the total's
    /// text with its mark, the summary with its mark, and the subtotals' marks.
    fn totals_under(scenario: &Scenario, grouped: bool) -> (String, String, Vec<Provenance>) {
        let data = paper();
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let projection = engine.project(scenario).unwrap_or_else(|e| panic!("{e:?}"));
        let index = SearchIndex::new(&data, str::to_lowercase);
        let mut rows: Vec<usize> = (0..data.projects.len()).collect();
        order(&data, &index, &mut rows, Sort::default(), grouped, Lang::En);
        let none = SortedSet::new();
        let table = body(
            &data,
            &rows,
            grouped,
            ROWS_PER_STEP,
            ScenarioRows { projection: Some(&projection), changed: &none },
            Lang::En,
            None,
        );
        let marks = table
            .lines
            .iter()
            .filter_map(|l| if let Line::Heading(h) = l { h.subtotal_mark().cloned() } else { None })
            .collect();
        let total_mark = table.total_mark.as_ref().map_or("none".to_string(), |m| m.mark(Lang::En));
        let total = format!("{} [{total_mark}]", text_or_dash(table.total.as_ref(), Lang::En));
        (total, summary(&table, 254, Lang::En).read(Lang::En), marks)
    }

    #[test]
    fn the_budget_total_is_of_the_budgets_the_rows_show() {
        // The paper's levers: Annex C's sum, the model's arithmetic.
        let (total, sentence, marks) = totals_under(&Scenario::default(), true);
        assert_eq!(total, "1,527.7 [model]");
        assert_eq!(sentence, "Showing 254 of 254 projects, total budget HK$1,527.7M [model]");
        assert_eq!(marks.len(), 66, "every department's subtotal is drawn with its mark");
        assert!(marks.iter().all(|m| matches!(m, Provenance::Model(_))));
        // Every new project 10 % dearer: the rows show the dearer budgets, and so do the
        // total, the summary and every subtotal, as the scenario's.
        let dearer = Scenario { cost_change_pct: rust_decimal::Decimal::TEN, ..Scenario::default() };
        let (total, sentence, marks) = totals_under(&dearer, true);
        assert_eq!(total, "1,680.47 [scenario]");
        assert_eq!(sentence, "Showing 254 of 254 projects, total budget HK$1,680.47M [scenario]");
        // The rows as written add up to the total as written, under any cost change.
        for pct in [-90, 7, 13] {
            let scenario =
                Scenario { cost_change_pct: rust_decimal::Decimal::new(pct * 10 + 3, 1), ..Scenario::default() };
            let data = paper();
            let projection = Engine::new(&data).and_then(|e| e.project(&scenario)).unwrap_or_else(|e| panic!("{e}"));
            let rows: Vec<usize> = (0..data.projects.len()).collect();
            let changed = SortedSet::new();
            let view = ScenarioRows { projection: Some(&projection), changed: &changed };
            let body = body(&data, &rows, false, usize::MAX, view, Lang::En, None);
            let written = |text: &str| Money::parse_millions(&text.replace(',', "")).unwrap_or_default();
            let sum = Money::checked_sum(body.lines.iter().filter_map(|line| match line {
                Line::Row(row) => Some(written(&row.budget.text)),
                Line::Heading(_) => None,
            }));
            assert_eq!(sum.ok(), body.total.as_ref().map(|t| written(&t.text(Lang::En))), "{pct}.3%");
        }
        assert!(marks.iter().all(|m| *m == Provenance::Scenario));
        // Every project excluded: the rows are struck through and nothing is counted, as
        // on every other screen, and the total row says so.
        let none = Scenario {
            groups: vec![blockvote_model::engine::GroupEdit {
                select: blockvote_model::engine::Selector::All,
                edit: Edit { exclude: Some(true), ..Edit::default() },
            }],
            ..Scenario::default()
        };
        let (total, sentence, _) = totals_under(&none, false);
        assert_eq!(total, "0.0 [scenario]");
        assert_eq!(
            sentence,
            "Showing 254 of 254 projects, total budget HK$0.0M [scenario] (excluded projects' budgets not counted)"
        );
        // One project's budget edited: only its department's subtotal is the scenario's.
        let edit = Edit { budget: Some(Money::from_whole_millions(20)), ..Edit::default() };
        let one = Scenario { projects: vec![ProjectEdit { id: 1, edit }], ..Scenario::default() };
        let (total, _, marks) = totals_under(&one, false);
        assert_eq!(total, "1,541.1 [scenario]");
        assert!(marks.is_empty());
        let (_, _, marks) = totals_under(&one, true);
        assert_eq!(marks.iter().filter(|m| **m == Provenance::Scenario).count(), 1);
    }

    #[test]
    fn the_total_of_imported_projects_claims_no_annex_c_arithmetic() {
        let text = "id,department_zh,name_zh,name_en,budget_m,start,completion\n1,行政署,測試,Test,1.0,2019-20 Q1,2019-20 Q2\n";
        let data = paper().with_projects_csv(text, nfc).unwrap_or_else(|_| Dataset::empty());
        let none = SortedSet::new();
        let table =
            body(&data, &[0], false, ROWS_PER_STEP, ScenarioRows { projection: None, changed: &none }, Lang::Zh, None);
        assert_eq!(table.total_mark, None);
        assert_eq!(summary(&table, 1, Lang::Zh).read(Lang::Zh), "顯示 1 個項目（共 1 個），預算合計 1.0 百萬元");
        let paper_table = body(
            &paper(),
            &[0],
            false,
            ROWS_PER_STEP,
            ScenarioRows { projection: None, changed: &none },
            Lang::Zh,
            None,
        );
        assert_eq!(
            summary(&paper_table, 254, Lang::Zh).read(Lang::Zh),
            "顯示 1 個項目（共 254 個），預算合計 6.6 百萬元 [模型]"
        );
    }

    #[test]
    fn grouped_headings_carry_a_count_and_subtotals_that_add_up_to_the_total() {
        let data = paper();
        let index = SearchIndex::new(&data, str::to_lowercase);
        let mut rows: Vec<usize> = (0..data.projects.len()).collect();
        order(&data, &index, &mut rows, Sort::default(), true, Lang::Zh);
        let none = SortedSet::new();
        let table = body(
            &data,
            &rows,
            true,
            ROWS_PER_STEP,
            super::ScenarioRows { projection: None, changed: &none },
            Lang::En,
            None,
        );
        let headings: Vec<&GroupHeading> =
            table.lines.iter().filter_map(|l| if let Line::Heading(h) = l { Some(h) } else { None }).collect();
        assert_eq!(headings.len(), 66);
        let sum = Money::checked_sum(headings.iter().filter_map(|h| h.subtotal.money())).unwrap_or_default();
        assert_eq!(Some(annex_c_sum(sum)), table.total);
        assert_eq!(text_or_dash(table.total.as_ref(), Lang::En), "1,527.7");
        let lands = headings
            .iter()
            .find(|h| h.name == "Lands Department")
            .map(|h| format!("{} · {}", h.count, h.subtotal.text(Lang::En)));
        assert_eq!(lands.as_deref(), Some("11 projects · 79.1"));
        assert_eq!(summary(&table, 254, Lang::En).plain(), "Showing 254 of 254 projects, total budget HK$1,527.7M");
        // Of an imported file's many projects: the count groups its thousands.
        assert_eq!(
            summary(&table, 20_000, Lang::En).plain(),
            "Showing 254 of 20,000 projects, total budget HK$1,527.7M"
        );
        assert_eq!(
            summary(&table, 20_000, Lang::Zh).plain(),
            "顯示 254 個項目（共 20,000 個），預算合計 1,527.7 百萬元"
        );
        assert_eq!(
            summary(
                &body(
                    &data,
                    &[],
                    true,
                    ROWS_PER_STEP,
                    super::ScenarioRows { projection: None, changed: &none },
                    Lang::Zh,
                    None
                ),
                254,
                Lang::Zh
            )
            .plain(),
            "顯示 0 個項目（共 254 個），預算合計 0.0 百萬元"
        );
    }

    #[test]
    fn a_long_table_draws_its_first_rows_and_totals_them_all() {
        let data = paper();
        let index = SearchIndex::new(&data, str::to_lowercase);
        let none = SortedSet::new();
        let full = |grouped| {
            let mut rows: Vec<usize> = (0..data.projects.len()).collect();
            order(&data, &index, &mut rows, Sort::default(), grouped, Lang::Zh);
            body(&data, &rows, grouped, usize::MAX, ScenarioRows { projection: None, changed: &none }, Lang::En, None)
        };
        // For a limit: the rows and headings drawn, the note under the table and the
        // button's words (English, then Chinese).
        let check = |grouped: bool, limit: usize, expected: (usize, usize, Option<&str>, &str, &str)| {
            let mut rows: Vec<usize> = (0..data.projects.len()).collect();
            order(&data, &index, &mut rows, Sort::default(), grouped, Lang::Zh);
            let scenario = ScenarioRows { projection: None, changed: &none };
            let table = body(&data, &rows, grouped, limit, scenario, Lang::En, None);
            let drawn_rows = table.lines.iter().filter(|l| matches!(l, Line::Row(_))).count();
            let headings = table.lines.len() - drawn_rows;
            let got = (
                drawn_rows,
                headings,
                rows_not_drawn(&table, Lang::En),
                show_more_rows(&table, Lang::En),
                show_more_rows(&table, Lang::Zh),
            );
            let expected = (
                expected.0,
                expected.1,
                expected.2.map(str::to_string),
                expected.3.to_string(),
                expected.4.to_string(),
            );
            assert_eq!(got, expected, "grouped {grouped}, limit {limit}");
            assert_eq!((table.count, table.drawn), (254, drawn_rows));
            // The total, and each heading drawn, are those of the whole table.
            let whole = full(grouped);
            assert_eq!(table.total, whole.total);
            assert!(table.lines.iter().all(|line| match line {
                Line::Heading(heading) => whole.lines.contains(&Line::Heading(heading.clone())),
                Line::Row(_) => true,
            }));
        };
        let note = Some("The first 10 of 254 projects are listed; the total is of all 254.");
        check(false, 10, (10, 0, note, "List 244 more", "再列出 244 個"));
        check(true, 10, (10, 2, note, "List 244 more", "再列出 244 個"));
        check(
            false,
            0,
            (
                0,
                0,
                Some("The first 0 of 254 projects are listed; the total is of all 254."),
                "List 254 more",
                "再列出 254 個",
            ),
        );
        check(
            false,
            253,
            (
                253,
                0,
                Some("The first 253 of 254 projects are listed; the total is of all 254."),
                "List 1 more",
                "再列出 1 個",
            ),
        );
        check(false, 254, (254, 0, None, "List 0 more", "再列出 0 個"));
        check(true, ROWS_PER_STEP, (254, DEPARTMENTS, None, "List 0 more", "再列出 0 個"));
        let zh = {
            let mut rows: Vec<usize> = (0..data.projects.len()).collect();
            order(&data, &index, &mut rows, Sort::default(), false, Lang::Zh);
            body(&data, &rows, false, 10, ScenarioRows { projection: None, changed: &none }, Lang::Zh, None)
        };
        assert_eq!(
            rows_not_drawn(&zh, Lang::Zh).as_deref(),
            Some("只列出首 10 個項目（共 254 個）；合計包括全部 254 個。")
        );
    }

    #[test]
    fn the_counts_under_a_long_table_are_written_as_every_count_is() {
        // (rows drawn, rows in all, language) → the note under the table and the
        // button's words: at the importer's limit of 20,000 rows the counts carry
        // thousands separators, as every other count the app writes.
        let cases = [
            (
                (300, 20_000, Lang::En),
                (Some("The first 300 of 20,000 projects are listed; the total is of all 20,000."), "List 300 more"),
            ),
            (
                (300, 20_000, Lang::Zh),
                (Some("只列出首 300 個項目（共 20,000 個）；合計包括全部 20,000 個。"), "再列出 300 個"),
            ),
            (
                (19_800, 20_000, Lang::En),
                (Some("The first 19,800 of 20,000 projects are listed; the total is of all 20,000."), "List 200 more"),
            ),
            (
                (19_800, 20_000, Lang::Zh),
                (Some("只列出首 19,800 個項目（共 20,000 個）；合計包括全部 20,000 個。"), "再列出 200 個"),
            ),
            ((20_000, 20_000, Lang::En), (None, "List 0 more")),
            (
                (1_000, 2_500, Lang::Zh),
                (Some("只列出首 1,000 個項目（共 2,500 個）；合計包括全部 2,500 個。"), "再列出 300 個"),
            ),
        ];
        for ((drawn, count, lang), (note, button)) in cases {
            let table =
                TableBody { lines: Vec::new(), count, drawn, total: None, total_mark: None, excluded_left_out: false };
            assert_eq!(
                (rows_not_drawn(&table, lang).as_deref(), show_more_rows(&table, lang).as_str()),
                (note, button),
                "{drawn} of {count} in {lang:?}"
            );
        }
    }

    /// The rows of `after`'s body, made with `before`'s as the previous body: for each
    /// row, its number and whether it was kept (shared) or made again; and whether the
    /// body equals one made without a previous body.
    /// The rows made again from `before` to `after`, whether the body is the one made
    /// afresh, and how many lines' keys changed (drawn anew by the keyed list) out of
    /// how many.
    fn kept_rows(before: &Scenario, after: &Scenario, lang_after: Lang) -> (Vec<u16>, bool, (usize, usize)) {
        let data = paper();
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let rows: Vec<usize> = (0..data.projects.len()).collect();
        let make = |scenario: &Scenario, lang, previous| {
            let projection = engine.project(scenario).unwrap_or_else(|e| panic!("{e:?}"));
            let changed = changed_ids(Some(&projection));
            body(
                &data,
                &rows,
                true,
                ROWS_PER_STEP,
                ScenarioRows { projection: Some(&projection), changed: &changed },
                lang,
                previous,
            )
        };
        let first = make(before, Lang::En, None);
        let second = make(after, lang_after, Some(&first));
        let fresh = make(after, lang_after, None);
        let made_again = second
            .lines
            .iter()
            .zip(&first.lines)
            .filter_map(|pair| match pair {
                (Line::Row(new), Line::Row(old)) if !Arc::ptr_eq(new, old) => Some(new.id),
                _ => None,
            })
            .collect();
        let new_keys = second.lines.iter().zip(&first.lines).filter(|(new, old)| new.key() != old.key()).count();
        (made_again, second == fresh, (new_keys, second.lines.len()))
    }

    /// The departments with new projects in Annex C (data/projects.csv): one heading
    /// each when grouped.
    const DEPARTMENTS: usize = 66;

    #[test]
    fn a_new_body_makes_again_only_the_rows_whose_inputs_changed() {
        let budget =
            |millions| edited(1, Edit { budget: Some(Money::from_whole_millions(millions)), ..Edit::default() });
        // One project's budget: that row alone, and the body is the one made afresh. The
        // row keeps its key (it is rewritten in place); only the department's heading,
        // whose subtotal changed, gets a new one.
        assert_eq!(kept_rows(&budget(7), &budget(8), Lang::En), (vec![1], true, (1, 254 + DEPARTMENTS)));
        // The same scenario again: every row kept.
        assert_eq!(kept_rows(&budget(7), &budget(7), Lang::En), (vec![], true, (0, 254 + DEPARTMENTS)));
        // Deferring project 17 changes its dates and marks it changed.
        assert_eq!(
            kept_rows(&Scenario::default(), &deferred(17, 4), Lang::En),
            (vec![17], true, (0, 254 + DEPARTMENTS))
        );
        // Another language: every row made again, in its words, under a new key.
        let (made_again, same, keys) = kept_rows(&budget(7), &budget(7), Lang::Zh);
        assert_eq!((made_again.len(), same, keys), (254, true, (254 + DEPARTMENTS, 254 + DEPARTMENTS)));
        // Every budget dearer: every row made again.
        let dearer = Scenario { cost_change_pct: rust_decimal::Decimal::TEN, ..Scenario::default() };
        assert_eq!(kept_rows(&Scenario::default(), &dearer, Lang::En).0.len(), 254);
    }

    #[test]
    fn a_paper_column_s_heading_says_its_scenario_cells_are_the_member_s() {
        let data = paper();
        let read = |key: SortKey, lang| {
            key.heading_mark(&data).map(|mark| format!("{} — {}", mark.mark(lang), heading_explanation(&mark, lang)))
        };
        assert_eq!(
            read(SortKey::Budget, Lang::En).as_deref(),
            Some(
                "Annex C — Annex C: “Project budget (HK$M)” — 項目預算 (百萬元) (The paper's figures in this column are \
                 Annex C's; a figure marked scenario is yours, worked out from the levers you set.)"
            )
        );
        assert_eq!(
            read(SortKey::Start, Lang::Zh).as_deref(),
            Some(
                "附件 C — 附件 C：「預計開展日期 (2018-19 年度)」（本欄中文件的數字取自附件 C；標示「情景」的數字是你的情景，\
                 按你設定的調節計算。）"
            )
        );
        assert!(read(SortKey::Completion, Lang::En).is_some_and(|t| t.contains("a figure marked scenario is yours")));
        assert_eq!(
            read(SortKey::Duration, Lang::En).as_deref(),
            Some(
                "model — Worked out by blockvote from the figures printed in Annex C (a sum, difference or count); the \
                 paper does not print this figure itself. (A figure marked scenario in this column is yours, worked out \
                 from the levers you set.)"
            )
        );
        assert_eq!(
            read(SortKey::Duration, Lang::Zh).as_deref(),
            Some(
                "模型 — blockvote 按附件 C 所載數字計算（加減或點算），文件本身沒有印出這個數字。（本欄標示「情景」的數字是你的情景，\
                 按你設定的調節計算。）"
            )
        );
        assert_eq!(read(SortKey::Name, Lang::Zh), None);
    }

    #[test]
    fn themes_say_whose_they_are() {
        let data = paper();
        let row = |id| {
            data.project(id).map(|p| project_row(&data, p, None, false, Lang::En)).unwrap_or_else(|| unreachable!())
        };
        let example = row(165);
        assert_eq!(example.theme.provenance().mark(Lang::En), "para 7");
        assert_eq!(example.theme_rule, None);
        let derived = row(1);
        assert_eq!(derived.theme.provenance(), &Provenance::Model(Basis::ThemeKeywords));
        assert!(derived.theme_rule.is_some_and(|r| r.starts_with("From the keyword")));
    }
}
