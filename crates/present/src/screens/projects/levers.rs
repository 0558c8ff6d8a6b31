//! The per-project lever panel of the projects table: exclude, defer, extend, a budget
//! of its own and a spend profile, with the effect on 2018-19 shown at once.
//!
//! Whose each figure is, said plainly: the project's budget and dates are the paper's
//! (Annex C); its 2018-19 cash before any lever is blockvote's model under the
//! calibrated profile (the paper prints no per-project cash), never "the paper"; the
//! figures under the levers are the scenario's.

use crate::cash::ShownCash;
use crate::fields::{int_field, money_field, FieldSpec};
use crate::format::count;
use crate::format::{quarter_text, quarters_count};
use crate::lang::Bilingual;
use crate::lang::{l, Label, Lang};
use crate::paper::Printed;
use crate::provenance::{Basis, Figure, Value};
use crate::screens::sentence::Marked;
use crate::words::{project_name, UNIT_QUARTERS};
use blockvote_model::engine::{Edit, Profile, ProjectEdit, ProjectOutcome, Projection, Scenario, MAX_SHIFT_QUARTERS};
use blockvote_model::money::MAX_INPUT_MILLIONS;
use blockvote_model::text::quoted;
use blockvote_model::{Dataset, Money, Project};

pub const EXCLUDE: Label = l("剔除此項目", "Exclude this project");
pub const PROFILE: Label = l("開支模式", "Spend profile");
pub const PROFILE_AS_ALL: Label = l("跟隨整體設定", "As for all projects");
pub const RESET: Label = l("還原此項目", "Reset this project");
pub const CLOSE: Label = l("關閉", "Close");
pub const BEFORE: Label = l("未調整", "Before your levers");
pub const AFTER: Label = l("你的情景", "Your scenario");
/// The heading of the effect table's first column, for a screen reader.
pub const FIGURE: Label = l("數字", "Figure");

/// The profiles a project may be given, in the order offered.
pub const PROFILES: [Profile; 5] =
    [Profile::Calibrated, Profile::Even, Profile::FrontLoaded, Profile::BackLoaded, Profile::SCurve];

/// Defer: start and completion move by this many quarters.
pub fn defer_field() -> FieldSpec<i64> {
    let most = i64::from(MAX_SHIFT_QUARTERS);
    int_field(l("延後（開展及完成一併移後）", "Defer (start and completion move)"), -most, most, UNIT_QUARTERS)
}

/// Extend: only the completion moves.
pub fn extend_field() -> FieldSpec<i64> {
    let most = i64::from(MAX_SHIFT_QUARTERS);
    int_field(l("延長（只移後完成）", "Extend (completion moves)"), -most, most, UNIT_QUARTERS)
}

/// A budget of the project's own, in HK$M.
/// Left empty, it is the paper's budget `paper` again: a member who clears the field
/// to undo a budget gets the paper's, where "Enter a number" left the old budget in
/// force.
pub fn budget_field(paper: Money) -> FieldSpec<Money> {
    let field = money_field(l("預算", "Budget"), Money::ZERO, Money::from_whole_millions(MAX_INPUT_MILLIONS));
    let read = field.read;
    FieldSpec {
        read: Box::new(move |text: &str| if text.trim().is_empty() { Ok(paper) } else { read(text) }),
        help: Some(PAPER_BUDGET_HELP),
        ..field
    }
}

pub const PAPER_BUDGET_HELP: Label = l("留空即用文件所載的預算。", "Leave empty for the paper's budget.");

/// `Levers for project 17: …`.
pub fn heading(project: &Project, lang: Lang) -> String {
    let id = project.id;
    match lang {
        Lang::Zh => format!("調整項目 {id}：{}", project_name(project, lang)),
        Lang::En => format!("Levers for project {id}: {}", project_name(project, lang)),
    }
}

/// A printed figure of `data`, or, for projects the member imported, the same value
/// without a mark.
fn paper_figure(printed: Printed, data: &Dataset, value: Value, lang: Lang) -> Marked {
    match printed.figure(data) {
        Some(figure) => Marked::text(figure.text(lang), Some(figure.provenance().clone())),
        None => Marked::text(value.unmarked_text(lang), None),
    }
}

/// The project as the paper has it: `budget 6.7 [Annex C] · 2018-19 Q1 → 2019-20 Q3
/// [Annex C]`, with the words before each.
pub fn paper_line(data: &Dataset, project: &Project, lang: Lang) -> Vec<(String, Marked)> {
    let id = project.id;
    let schedule = Value::Schedule { start: project.start, completion: project.completion };
    vec![
        (
            l("文件所載預算（百萬元）", "The paper's budget (HK$M)").get(lang).to_string(),
            paper_figure(Printed::ProjectBudget(id), data, Value::Millions(project.budget), lang),
        ),
        (
            l("預計開展 → 完成", "Expected start → completion").get(lang).to_string(),
            paper_figure(Printed::ProjectSchedule(id), data, schedule, lang),
        ),
    ]
}

/// A row of the effect table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EffectRow {
    pub label: String,
    pub before: Marked,
    pub after: Option<Marked>,
    /// The `data-testid` of the scenario's figure.
    pub testid: &'static str,
}

/// What the panel shows of a project and the budget year before and under the levers.
pub struct Effect<'a> {
    pub project: &'a Project,
    /// The project under the model baseline (no levers) and under the scenario.
    pub baseline: Option<&'a ProjectOutcome>,
    pub outcome: Option<&'a ProjectOutcome>,
    /// The project's 2018-19 cash as every screen shows it
    /// ([`crate::cash::shown_cash_of_project`]), under the baseline and the scenario.
    pub baseline_cash: Option<Money>,
    pub cash: Option<Money>,
    /// The budget year's cash as the cash flow's year table shows it
    /// ([`crate::cash::shown_budget_year`]).
    pub baseline_totals: Option<ShownCash>,
    pub totals: Option<ShownCash>,
}

/// The effect table: the project's 2018-19 cash (the model's, then the scenario's),
/// its dates (the paper's, then the scenario's), and the new projects' and the total
/// 2018-19 cash need.
pub fn effect_rows(data: &Dataset, effect: &Effect, lang: Lang) -> Vec<EffectRow> {
    let model = |amount: Money| Marked::figure(&Figure::model(Value::Millions(amount), Basis::CalibratedProfile), lang);
    let scenario = |value: Value| Some(Marked::figure(&Figure::scenario(value), lang));
    let dash = || Marked::text("—", None);
    let project = effect.project;
    vec![
        EffectRow {
            label: l("此項目 2018-19 現金", "This project's 2018-19 cash").get(lang).to_string(),
            before: effect.baseline_cash.map(model).unwrap_or_else(dash),
            after: effect.cash.and_then(|cash| scenario(Value::Millions(cash))),
            testid: "lever-project-2018-19",
        },
        EffectRow {
            label: l("此項目開展 → 完成", "This project's start → completion").get(lang).to_string(),
            before: paper_figure(
                Printed::ProjectSchedule(project.id),
                data,
                Value::Schedule { start: project.start, completion: project.completion },
                lang,
            ),
            after: effect.outcome.and_then(|o| scenario(Value::Schedule { start: o.start, completion: o.completion })),
            testid: "lever-schedule",
        },
        EffectRow {
            label: l("新項目 2018-19 現金", "New projects' 2018-19 cash").get(lang).to_string(),
            before: effect.baseline_totals.map(|t| model(t.new)).unwrap_or_else(dash),
            after: effect.totals.and_then(|t| scenario(Value::Millions(t.new))),
            testid: "lever-new-2018-19",
        },
        EffectRow {
            label: l("2018-19 現金需求總額", "Total 2018-19 cash need").get(lang).to_string(),
            before: effect.baseline_totals.map(|t| model(t.total)).unwrap_or_else(dash),
            after: effect.totals.and_then(|t| scenario(Value::Millions(t.total))),
            testid: "lever-total-2018-19",
        },
    ]
}

/// What the project's move did where it asked for more than its dates allow, said at
/// the fields: a project starts no earlier than the budget year's first quarter and
/// lasts at least a quarter, so the engine shortens a move past either (`plan.rs`). A
/// member who asked to bring a 2018-19 Q1 project forward 3 quarters saw nothing happen
/// and no word why (audit 24). Empty when each move is as asked.
pub fn move_limits(edit: &Edit, outcome: &ProjectOutcome, lang: Lang) -> Vec<String> {
    let mut limits = Vec::new();
    // The cash cap moves the whole project later on its own account, after the edit.
    let moved = outcome.paper_start.quarters_until(outcome.start) - outcome.deferred_by_cap.unwrap_or(0);
    if let Some(asked) = edit.defer_quarters.filter(|asked| *asked < 0 && moved > *asked) {
        let (done, asked) = (quarters_count(i64::from((-moved).max(0)), lang), quarters_count(i64::from(-asked), lang));
        // `moved` is the distance between two quarters the engine laid out, so the sum
        // is one of them; the fallback, the project's start, is never taken.
        let first = quarter_text(outcome.paper_start.add_quarters(moved).unwrap_or(outcome.start), lang);
        limits.push(match lang {
            Lang::Zh => format!("項目最早於{first}開展：此項目只提前 {done}，而非 {asked}。"),
            Lang::En => {
                format!("A project starts in {first} at the earliest: this one moves forward {done}, not {asked}.")
            }
        });
    }
    let lengthened =
        outcome.start.quarters_until(outcome.completion) - outcome.paper_start.quarters_until(outcome.paper_completion);
    if let Some(asked) = edit.extend_quarters.filter(|asked| *asked < 0 && lengthened > *asked) {
        let done = quarters_count(i64::from((-lengthened).max(0)), lang);
        let asked = quarters_count(i64::from(-asked), lang);
        limits.push(match lang {
            Lang::Zh => format!("項目最少為期一季：此項目只縮短 {done}，而非 {asked}。"),
            Lang::En => format!("A project lasts at least one quarter: this one is shortened by {done}, not {asked}."),
        });
    }
    limits
}

/// Above the list of [`moves_cut_short`].
pub const MOVES_CUT_SHORT_HEADING: Label = l(
    "此情景有部分項目的移動少於所要求，因為項目的日期不容許：",
    "Some projects of this scenario move less than asked, because their dates do not allow it:",
);

/// The scenario's own project edits whose move its dates cut short, a line each in both
/// languages: the project, then [`move_limits`]' words, the ones its lever panel shows.
/// A link, a saved scenario or an imported file can carry such an edit (`p=1:d-3`), and
/// the member who opens it sees no panel, so the screens say it (audit 24). The first
/// `max_named` are named, the rest counted in a last line; empty when every move is as
/// asked.
pub fn moves_cut_short(
    data: &Dataset,
    scenario: &Scenario,
    projection: &Projection,
    max_named: usize,
) -> Vec<Bilingual> {
    let mut lines = Vec::new();
    let mut more = 0usize;
    for ProjectEdit { id, edit } in &scenario.projects {
        let (Some(project), Some(outcome)) = (data.project(*id), projection.project(*id)) else { continue };
        let [zh, en] = [Lang::Zh, Lang::En].map(|lang| move_limits(edit, outcome, lang).join(" "));
        if zh.is_empty() {
            continue;
        }
        if lines.len() == max_named {
            more += 1;
            continue;
        }
        let (name_zh, name_en) = (project_name(project, Lang::Zh), project_name(project, Lang::En));
        lines.push(Bilingual::new(
            format!("項目 {id}（{}）：{zh}", quoted(&name_zh, MAX_NAME_CHARS)),
            format!("Project {id} ({}): {en}", quoted(&name_en, MAX_NAME_CHARS)),
        ));
    }
    if more > 0 {
        let more = count(more);
        lines.push(Bilingual::new(
            format!("另有 {more} 個項目的移動少於所要求。"),
            format!("{more} more projects move less than asked."),
        ));
    }
    lines
}

/// How much of a project's name a notice line quotes.
const MAX_NAME_CHARS: usize = 120;

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::engine::{Engine, ProjectEdit, Scenario};

    /// The effect table for project `id` under `edit`, a row per line:
    /// `label: before [mark] | after [mark]`.
    #[track_caller]
    fn check(id: u16, edit: Edit, lang: Lang, expected: &[&str]) {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let engine = Engine::new(&data).unwrap_or_else(|_| unreachable!());
        let baseline = engine.project(&Scenario::default()).ok();
        let scenario = Scenario { projects: vec![ProjectEdit { id, edit }], ..Scenario::default() };
        let projection = engine.project(&scenario).ok();
        let project = data.project(id).cloned().unwrap_or_else(|| unreachable!());
        let effect = Effect {
            project: &project,
            baseline: baseline.as_ref().and_then(|b| b.project(id)),
            outcome: projection.as_ref().and_then(|p| p.project(id)),
            baseline_cash: baseline.as_ref().and_then(|b| crate::cash::shown_cash_of_project(b, id)),
            cash: projection.as_ref().and_then(|p| crate::cash::shown_cash_of_project(p, id)),
            baseline_totals: baseline.as_ref().map(crate::cash::shown_budget_year),
            totals: projection.as_ref().map(crate::cash::shown_budget_year),
        };
        let cell = |c: &Marked| format!("{} [{}]", c.text, c.mark.as_ref().map(|m| m.mark(lang)).unwrap_or_default());
        let shown: Vec<String> = effect_rows(&data, &effect, lang)
            .iter()
            .map(|row| {
                format!("{}: {} | {}", row.label, cell(&row.before), row.after.as_ref().map(cell).unwrap_or_default())
            })
            .collect();
        assert_eq!(shown, expected);
    }

    #[test]
    fn the_project_s_cash_is_the_model_s_and_its_dates_the_paper_s() {
        let defer = Edit { defer_quarters: Some(4), ..Edit::default() };
        check(
            17,
            defer,
            Lang::En,
            &[
                "This project's 2018-19 cash: 0.6 [model] | 0.0 [scenario]",
                "This project's start → completion: 2018-19 Q1 → 2019-20 Q3 [Annex C] | 2019-20 Q1 → 2020-21 Q3 [scenario]",
                "New projects' 2018-19 cash: 243.0 [model] | 242.4 [scenario]",
                "Total 2018-19 cash need: 1,060.0 [model] | 1,059.4 [scenario]",
            ],
        );
        check(
            17,
            Edit::default(),
            Lang::Zh,
            &[
                "此項目 2018-19 現金: 0.6 [模型] | 0.6 [情景]",
                "此項目開展 → 完成: 2018-19 年度第一季 → 2019-20 年度第三季 [附件 C] | 2018-19 年度第一季 → 2019-20 年度第三季 [情景]",
                "新項目 2018-19 現金: 243.0 [模型] | 243.0 [情景]",
                "2018-19 現金需求總額: 1,060.0 [模型] | 1,060.0 [情景]",
            ],
        );
    }

    /// The limits said of project `id` (2018-19 Q1 → 2019-20 Q3 for 17; 2018-19 Q3 →
    /// 2019-20 Q4 for another) under `edit`.
    #[track_caller]
    fn check_limits(id: u16, edit: Edit, lang: Lang, expected: &[&str]) {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let engine = Engine::new(&data).unwrap_or_else(|_| unreachable!());
        let scenario = Scenario { projects: vec![ProjectEdit { id, edit: edit.clone() }], ..Scenario::default() };
        let projection = engine.project(&scenario).unwrap_or_else(|e| panic!("{e:?}"));
        let outcome = projection.project(id).unwrap_or_else(|| panic!("project {id}"));
        assert_eq!(move_limits(&edit, outcome, lang), expected);
    }

    /// The lines of [`moves_cut_short`] when each of these projects is deferred by its
    /// quarters (brought forward when negative), at most `max_named` named.
    fn cut_short_lines(edits: &[(u16, i32)], max_named: usize) -> Vec<Bilingual> {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let engine = Engine::new(&data).unwrap_or_else(|_| unreachable!());
        let projects = edits
            .iter()
            .map(|(id, quarters)| ProjectEdit {
                id: *id,
                edit: Edit { defer_quarters: Some(*quarters), ..Edit::default() },
            })
            .collect();
        let scenario = Scenario { projects, ..Scenario::default() };
        let projection = engine.project(&scenario).unwrap_or_else(|e| panic!("{e:?}"));
        moves_cut_short(&data, &scenario, &projection, max_named)
    }

    #[track_caller]
    fn check_cut_short(edits: &[(u16, i32)], max_named: usize, lang: Lang, expected: &[&str]) {
        let lines = cut_short_lines(edits, max_named);
        let shown: Vec<&str> = lines.iter().map(|line| line.get(lang)).collect();
        assert_eq!(shown, expected);
    }

    #[test]
    fn the_screens_name_each_project_whose_move_was_cut_short() {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let name = |id: u16, lang: Lang| data.project(id).map(|p| project_name(p, lang)).unwrap_or_default();
        check_cut_short(
            &[(17, -3), (18, 2)],
            3,
            Lang::En,
            &[&format!(
                "Project 17 ({}): A project starts in 2018-19 Q1 at the earliest: this one moves forward 0 quarters, not 3 quarters.",
                name(17, Lang::En)
            )],
        );
        check_cut_short(
            &[(17, -1)],
            3,
            Lang::Zh,
            &[&format!(
                "項目 17（{}）：項目最早於2018-19 年度第一季開展：此項目只提前 0 季，而非 1 季。",
                name(17, Lang::Zh)
            )],
        );
        check_cut_short(&[(17, 2)], 3, Lang::En, &[]);
        // Past the named ones, the rest are counted.
        let first: Vec<(u16, i32)> =
            data.projects.iter().filter(|p| p.start.quarter() == 1).take(3).map(|p| (p.id, -2)).collect();
        assert_eq!(first.len(), 3);
        let lines = cut_short_lines(&first, 1);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].get(Lang::En), "2 more projects move less than asked.");
        assert_eq!(lines[1].get(Lang::Zh), "另有 2 個項目的移動少於所要求。");
    }

    #[test]
    fn a_move_the_dates_cut_short_is_said_and_one_made_in_full_is_not() {
        let defer = |quarters| Edit { defer_quarters: Some(quarters), ..Edit::default() };
        let extend = |quarters| Edit { extend_quarters: Some(quarters), ..Edit::default() };
        check_limits(
            17,
            defer(-3),
            Lang::En,
            &["A project starts in 2018-19 Q1 at the earliest: this one moves forward 0 quarters, not 3 quarters."],
        );
        check_limits(17, defer(-1), Lang::Zh, &["項目最早於2018-19 年度第一季開展：此項目只提前 0 季，而非 1 季。"]);
        check_limits(
            17,
            extend(-40),
            Lang::En,
            &["A project lasts at least one quarter: this one is shortened by 6 quarters, not 40 quarters."],
        );
        check_limits(17, extend(-6), Lang::En, &[]);
        check_limits(17, defer(2), Lang::En, &[]);
        check_limits(17, Edit::default(), Lang::En, &[]);
        // A later project moves forward as far as the budget year's first quarter.
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let later = data.projects.iter().find(|p| p.start.quarter() == 3).map(|p| p.id).unwrap_or_default();
        check_limits(later, defer(-1), Lang::En, &[]);
        check_limits(
            later,
            defer(-5),
            Lang::En,
            &["A project starts in 2018-19 Q1 at the earliest: this one moves forward 2 quarters, not 5 quarters."],
        );
    }

    #[test]
    fn the_panel_writes_quarters_as_the_table_does() {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let project = data.project(17).cloned().unwrap_or_else(|| unreachable!());
        let line = paper_line(&data, &project, Lang::Zh);
        let schedule = line.get(1).map(|(_, cell)| cell.text.clone()).unwrap_or_default();
        assert!(schedule.starts_with(&quarter_text(project.start, Lang::Zh)), "{schedule}");
        assert_eq!(line.first().map(|(_, c)| c.text.as_str()), Some("6.7"));
        assert_eq!(heading(&project, Lang::En).split(':').next(), Some("Levers for project 17"));
        assert!(defer_field().unit.is_some() && (budget_field(Money::ZERO).read)("-3").is_err());
    }

    /// An empty budget field is the paper's budget; anything else reads as an amount.
    #[test]
    fn an_empty_budget_is_the_papers() {
        let paper = Money::from_millions(rust_decimal::Decimal::new(67, 1));
        let read = |text: &str| (budget_field(paper).read)(text).map_err(|e| e.get(Lang::En).to_string());
        assert_eq!(read(""), Ok(paper));
        assert_eq!(read("  "), Ok(paper));
        assert_eq!(read("12.5"), Ok(Money::from_millions(rust_decimal::Decimal::new(125, 1))));
        assert_eq!(read("x"), Err("Enter a number, e.g. 12.5".to_string()));
        assert_eq!(budget_field(paper).help.map(|h| h.en), Some("Leave empty for the paper's budget."));
    }
}
