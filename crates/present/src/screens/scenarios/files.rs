//! Scenarios and projections in and out as files: the export buttons, the JSON
//! import (asking about names already used) and what an import did.

use crate::cash::quarter_table;
use crate::lang::{l, Label, Lang};
use crate::paper::{AnnexAColumn, AnnexCColumn};
use crate::provenance::{Basis, Figure, Provenance};
use crate::screens::allocation::{difference_columns, difference_mark};
use crate::screens::risk::data_table::FIGURE;
use crate::screens::scenarios::dataset;
use crate::storage::import_result;
use crate::uploads::{not_text, FileKind};
use blockvote_model::engine::Projection;
use blockvote_model::exports::csv_line;
use blockvote_model::saved::{ImportReport, SavedScenario, Store};
use blockvote_model::text::NotText;
use blockvote_model::Dataset;

pub const TITLE: Label = l("匯出及匯入", "Export and import");
pub const EXPORT_JSON: Label = l("下載全部情景（JSON）", "Download all scenarios (JSON)");
pub const EXPORT_PROJECTS: Label = l("目前情景的項目（CSV）", "Current scenario's projects (CSV)");
pub const EXPORT_CASHFLOW: Label = l("目前情景的季度現金流量（CSV）", "Current scenario's quarterly cash flow (CSV)");
pub const EXPORT_ALLOCATION: Label = l("目前情景的撥款分配（CSV）", "Current scenario's allocation (CSV)");
pub const IMPORT: Label = l("匯入情景檔案（JSON）…", "Import a scenarios file (JSON)…");
pub const SAME_NAMES: Label = l("同名情景", "Scenarios with the same name");
pub const SAME_NAMES_INTRO: Label =
    l("以下匯入的情景與已儲存的情景同名：", "These imported scenarios have the same names as saved ones: ");
pub const REPLACE: Label = l("取代已儲存的", "Replace the saved ones");
pub const KEEP_BOTH: Label = l("兩者都保留（匯入的改名）", "Keep both (rename the imported ones)");
pub const CANCEL_IMPORT: Label = l("取消匯入", "Cancel the import");
pub const UNUSABLE_PARTS: Label = l("檔案中以下部分未能使用：", "These parts of the file could not be used:");

pub const JSON_FILE: &str = "blockvote-scenarios.json";
pub const PROJECTS_FILE: &str = "blockvote-projects.csv";
pub const CASHFLOW_FILE: &str = "blockvote-cashflow.csv";
pub const ALLOCATION_FILE: &str = "blockvote-allocation.csv";
pub const CSV_TYPE: &str = "text/csv;charset=utf-8";

/// A CSV file's text as downloaded: a UTF-8 byte-order mark first, so spreadsheet
/// programs read the Chinese names as UTF-8.
pub fn spreadsheet_text(csv: &str) -> String {
    format!("\u{feff}{csv}")
}

/// Whose the figures of a CSV export are, one line per column of figures, written as
/// the Risk screen's data-table CSV writes its line ([`Provenance::csv_line`]), so an
/// exported figure says whose it is as the screen's mark does.
fn provenance_lines(columns: &[(&str, Provenance)], lang: Lang) -> String {
    columns.iter().map(|(name, provenance)| provenance.csv_line(FIGURE.get(lang), name, lang)).collect()
}

/// The quarterly cash flow CSV: a provenance line for each column of figures, then
/// `quarter,ongoing_m,new_m,total_m,baseline_m,change_m`, one line per quarter and the
/// total line, each figure as the Cash flow screen's quarter table shows it (the same
/// rows, the same rounding, one decimal, without thousands separators so a spreadsheet
/// reads numbers) and with the same provenance: the export carries what the table
/// shows, the model baseline and the change included.
pub fn cashflow_csv(projection: &Projection, baseline: &Projection, lang: Lang) -> String {
    let table = quarter_table(projection, baseline, lang);
    let mark = |index: usize| table.columns.get(index).map_or(Provenance::Scenario, |c| c.mark.clone());
    let names = ["ongoing_m", "new_m", "total_m", "baseline_m", "change_m"];
    let marks: Vec<(&str, Provenance)> = names.iter().enumerate().map(|(index, name)| (*name, mark(index))).collect();
    let mut out = provenance_lines(&marks, lang);
    out.push_str(&csv_line(&["quarter", "ongoing_m", "new_m", "total_m", "baseline_m", "change_m"].map(String::from)));
    // A change is written with an ASCII minus, as a spreadsheet reads it.
    let plain = |figure: &Figure| figure.text(lang).replace(',', "").replace('\u{2212}', "-");
    for row in table.rows.iter().chain(std::iter::once(&table.totals)) {
        let figures = [&row.ongoing, &row.new, &row.total, &row.baseline, &row.change];
        out.push_str(&csv_line(&std::iter::once(row.key.clone()).chain(figures.map(plain)).collect::<Vec<_>>()));
    }
    out
}

/// The projects CSV: a provenance line for each column of figures and dates (the
/// paper's budget and dates as Annex C's, when the projects are the paper's; the
/// scenario's budget; the 2018-19 cash, the model's under the calibrated profile until
/// the member's levers change it; the dates, Annex C's until the scenario moves one;
/// the approval route, para 2's thresholds applied by blockvote until the scenario
/// changes one), then the projects as `blockvote_model::exports::projects_csv` writes
/// them.
pub fn projects_csv(data: &Dataset, projection: &Projection, baseline: &Projection, lang: Lang) -> String {
    let cash_changed = projection.projects.len() != baseline.projects.len()
        || projection
            .projects
            .iter()
            .zip(&baseline.projects)
            .any(|(p, b)| p.id != b.id || p.budget_year != b.budget_year);
    let dates_moved =
        projection.projects.iter().any(|p| p.start != p.paper_start || p.completion != p.paper_completion);
    let routes_changed = projection.projects.iter().any(|p| !p.included || p.route != p.paper_route);
    let mut columns = Vec::new();
    if let Some(paper) = AnnexCColumn::Budget.provenance(data) {
        columns.push(("paper_budget_m", paper));
    }
    // The budgets: Annex C's while the scenario changes none, else the scenario's (the
    // paper's own are in `paper_budget_m` whatever the scenario does), as the dates.
    let budgets_changed = projection.projects.iter().any(|p| p.budget != p.paper_budget);
    match AnnexCColumn::Budget.provenance(data) {
        Some(paper) if !budgets_changed => columns.push(("scenario_budget_m", paper)),
        _ => columns.push(("scenario_budget_m", Provenance::Scenario)),
    }
    columns.push(("cash_budget_year_m", Provenance::worked_out(Basis::CalibratedProfile, cash_changed)));
    // The dates: Annex C's while the scenario moves none, else the scenario's; the
    // paper's own are in the last two columns whatever the scenario does.
    for (date, paper_date, column) in
        [("start", "paper_start", AnnexCColumn::Start), ("completion", "paper_completion", AnnexCColumn::Completion)]
    {
        let paper = column.provenance(data);
        match (&paper, dates_moved) {
            (_, true) => columns.push((date, Provenance::Scenario)),
            (Some(paper), false) => columns.push((date, paper.clone())),
            (None, false) => {}
        }
        if let Some(paper) = paper {
            columns.push((paper_date, paper));
        }
    }
    columns.push(("route", Provenance::worked_out(Basis::Para2Thresholds, routes_changed)));
    let mut out = provenance_lines(&columns, lang);
    out.push_str(&blockvote_model::exports::projects_csv(
        data,
        projection,
        &crate::cash::shown_project_cash(projection),
    ));
    out
}

/// The allocation CSV: a provenance line for each column of figures, each marked as
/// the Allocation table marks it (Annex A's 2018-19 and 2017-18 amounts; the
/// differences from 2017-18, Annex A's own while no category is changed; the
/// scenario's amounts and their change from the paper, the model's arithmetic on
/// Annex A until the member changes a category), then the categories as
/// `blockvote_model::exports::allocation_csv` writes them, every column the table has.
pub fn allocation_csv(data: &Dataset, projection: &Projection, _baseline: &Projection, lang: Lang) -> String {
    let whose = difference_mark(&projection.allocation);
    let [vs_paper, vs_prior, vs_prior_pct] = difference_columns(&projection.allocation, data).map(|c| c.mark);
    let columns = [
        ("paper_m", AnnexAColumn::Proposed.provenance()),
        ("approved_2017_18_m", AnnexAColumn::ApprovedPrior.provenance()),
        ("scenario_m", whose),
        ("change_vs_2017_18_m", vs_prior),
        ("change_vs_2017_18_pct", vs_prior_pct),
        ("change_vs_paper_m", vs_paper),
    ];
    let mut out = provenance_lines(&columns, lang);
    out.push_str(&blockvote_model::exports::allocation_csv(data, projection));
    out
}

/// The imported scenarios whose names are already saved, joined for the question. One
/// saved already as it is (its name and levers) is not among them: the import leaves
/// it out whatever the answer, so asking "Replace or keep both?" about it asked nothing
/// (audit 33: a file of scenarios all saved already was asked about, name by name).
pub fn same_names(store: &Store, incoming: &[SavedScenario]) -> Vec<String> {
    incoming
        .iter()
        .filter(|i| store.by_name(&i.name).is_some())
        .filter(|i| !store.holds_as_is(i))
        .map(|i| i.name.clone())
        .collect()
}

/// The saved scenarios of `names`, as the import's question shows them: "Replace"
/// replaces these versions only. If any has changed when the member answers (another
/// tab saved new levers under the name meanwhile), the question is asked again rather
/// than those levers replaced unseen (audit 27).
pub fn asked_about(store: &Store, names: &[String]) -> Vec<SavedScenario> {
    store.scenarios.iter().filter(|saved| names.contains(&saved.name)).cloned().collect()
}

/// Said above the import's question when it is asked again.
pub const CHANGED_SINCE_ASKED: Label = l(
    "自你看到這個問題後，另一個分頁更改了其中一個同名的已儲存情景。請再選擇一次：",
    "Another tab changed a saved scenario of one of these names since this question was asked. Choose again:",
);

/// The names of [`same_names`] in one line.
pub fn names_line(names: &[String], lang: Lang) -> String {
    names.join(lang.pick("、", ", "))
}

/// What the last import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// What was added, replaced and (named) not added.
    Done(ImportReport),
    Cancelled,
    /// The file was read but held no usable scenario.
    NothingUsable,
    /// The file, of `bytes`, is larger than `limit` bytes and was not read.
    TooLarge {
        bytes: u64,
        limit: usize,
    },
    /// The browser could not read the file.
    Unreadable,
    /// The file is not UTF-8 text.
    NotText(NotText),
    /// The file is project data ([`is_project_data`]), which loads under Project data,
    /// not here: it was said to be "not valid JSON" (audit 24).
    ProjectData,
}

/// True for a projects CSV: its first line (after a byte-order mark) is the
/// template's header.
pub fn is_project_data(text: &str) -> bool {
    let first = text.trim_start_matches('\u{FEFF}').lines().next().unwrap_or_default();
    first.split(',').map(str::trim).eq(blockvote_model::load::PROJECT_COLUMNS)
}

/// The outcome in words.
pub fn import_outcome(outcome: &ImportOutcome, lang: Lang) -> String {
    match (outcome, lang) {
        (ImportOutcome::Done(report), lang) => import_result(report).get(lang).to_string(),
        (ImportOutcome::NotText(error), lang) => not_text(error, FileKind::Json).get(lang).to_string(),
        (ImportOutcome::Cancelled, _) => l("已取消匯入。", "The import was cancelled.").get(lang).to_string(),
        (ImportOutcome::NothingUsable, _) => {
            l("檔案中沒有可用的情景，未有匯入。", "The file has no usable scenario; nothing was imported.")
                .get(lang)
                .to_string()
        }
        // The limit written as every count is (16,777,216), not as the raw number.
        (ImportOutcome::TooLarge { bytes, limit }, Lang::Zh) => {
            format!(
                "檔案太大（{} 位元組，上限 {}），未有匯入。",
                crate::format::count(*bytes),
                crate::format::count(*limit)
            )
        }
        (ImportOutcome::TooLarge { bytes, limit }, Lang::En) => format!(
            "The file is too large ({} bytes; the limit is {}); nothing was imported.",
            crate::format::count(*bytes),
            crate::format::count(*limit)
        ),
        (ImportOutcome::Unreadable, _) => {
            l("無法讀取檔案，未有匯入。", "The file could not be read; nothing was imported.").get(lang).to_string()
        }
        (ImportOutcome::ProjectData, Lang::Zh) => format!(
            "這是項目資料（CSV），不是情景檔案，未有匯入。請在下方「{}」選「{}」。",
            dataset::TITLE.get(lang),
            dataset::IMPORT.get(lang)
        ),
        (ImportOutcome::ProjectData, Lang::En) => format!(
            "This is project data (CSV), not a scenarios file, and was not imported. Load it under {} below: “{}”.",
            dataset::TITLE.get(lang),
            dataset::IMPORT.get(lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::engine::Scenario;
    use blockvote_model::Money;

    /// A projects CSV chosen as a scenarios file is said to be project data, with where
    /// it loads, in both languages; a scenarios file and text that is neither are not.
    #[test]
    fn project_data_chosen_as_scenarios_says_where_it_loads() {
        let template = blockvote_model::load::projects_template(&Dataset::paper().unwrap_or_else(|_| Dataset::empty()));
        assert!(is_project_data(&template));
        assert!(is_project_data(&format!("\u{FEFF}{}", template.replace('\n', "\r\n"))));
        assert!(is_project_data("id, department_zh ,name_zh,name_en,budget_m,start,completion"));
        assert!(!is_project_data(r#"{"format":"blockvote-scenarios","version":2,"scenarios":[]}"#));
        assert!(!is_project_data("id,department_zh,name_zh"));
        assert!(!is_project_data(""));
        assert_eq!(
            import_outcome(&ImportOutcome::ProjectData, Lang::En),
            "This is project data (CSV), not a scenarios file, and was not imported. Load it under Project data below: “Import project data (CSV)…”."
        );
        assert_eq!(
            import_outcome(&ImportOutcome::ProjectData, Lang::Zh),
            "這是項目資料（CSV），不是情景檔案，未有匯入。請在下方「項目資料」選「匯入項目資料（CSV）…」。"
        );
    }

    fn projections(scenario: &Scenario) -> (Dataset, Projection, Projection) {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let engine = blockvote_model::engine::Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let baseline = engine.project(&Scenario::default()).unwrap_or_else(|e| panic!("{e}"));
        let projection = engine.project(scenario).unwrap_or_else(|e| panic!("{e}"));
        (data, projection, baseline)
    }

    /// The first `lines` lines of the CSV `make` writes under `scenario` in `lang`,
    /// each provenance line cut after its mark (the explanation after it is the
    /// screen's, tested with the marks).
    #[track_caller]
    fn check(
        make: fn(&Dataset, &Projection, &Projection, Lang) -> String,
        scenario: &Scenario,
        lang: Lang,
        expected: &[&str],
    ) {
        let (data, projection, baseline) = projections(scenario);
        let text = make(&data, &projection, &baseline, lang);
        let shown: Vec<String> = text
            .split("\r\n")
            .take(expected.len())
            .map(|line| line.split_once(" — ").map_or(line.to_string(), |(head, _)| head.to_string()))
            .collect();
        assert_eq!(shown, expected);
        // Every provenance line explains its mark after it, as the screen's mark does.
        let provenance = text.split("\r\n").take_while(|line| line.starts_with(FIGURE.get(lang)));
        assert!(provenance.clone().count() > 0 && provenance.clone().all(|line| line.contains(" — ")), "{text}");
    }

    fn cash(_: &Dataset, projection: &Projection, baseline: &Projection, lang: Lang) -> String {
        cashflow_csv(projection, baseline, lang)
    }

    #[test]
    fn the_cash_flow_csv_says_whose_its_figures_are_and_reads_as_the_table() {
        check(
            cash,
            &Scenario::default(),
            Lang::En,
            &[
                "Figure,ongoing_m,\"model",
                "Figure,new_m,\"model",
                "Figure,total_m,\"model",
                "Figure,baseline_m,\"model",
                "Figure,change_m,\"model",
                "quarter,ongoing_m,new_m,total_m,baseline_m,change_m",
                "2018-19 Q1,204.3,25.1,229.4,229.4,0.0",
            ],
        );
        // The last line is the table's total row.
        let (_, projection, baseline) = projections(&Scenario::default());
        let text = cashflow_csv(&projection, &baseline, Lang::En);
        assert!(text.ends_with("total,817.0,1527.7,2344.7,2344.7,0.0\r\n"), "{text}");
        let dearer = Scenario { cost_change_pct: rust_decimal::Decimal::TEN, ..Scenario::default() };
        check(
            cash,
            &dearer,
            Lang::Zh,
            &[
                "數字,ongoing_m,模型",
                "數字,new_m,情景",
                "數字,total_m,情景",
                "數字,baseline_m,模型",
                "數字,change_m,情景",
                "quarter,ongoing_m,new_m,total_m,baseline_m,change_m",
                "2018-19 Q1,204.3,27.6,231.9,229.4,+2.5",
            ],
        );
    }

    #[test]
    fn the_projects_csv_says_whose_its_figures_are() {
        check(
            projects_csv,
            &Scenario::default(),
            Lang::En,
            &[
                "Figure,paper_budget_m,Annex C",
                // No lever changes a budget: Annex C's, as the Projects screen marks them.
                "Figure,scenario_budget_m,Annex C",
                "Figure,cash_budget_year_m,\"model",
                "Figure,start,Annex C",
                "Figure,paper_start,Annex C",
                "Figure,completion,Annex C",
                "Figure,paper_completion,Annex C",
                "Figure,route,model",
                "id,department_zh,department_en,name_zh,name_en,paper_budget_m,scenario_budget_m,included,start,completion,cash_budget_year_m,route,paper_start,paper_completion",
            ],
        );
        let dearer = Scenario { cost_change_pct: rust_decimal::Decimal::TEN, ..Scenario::default() };
        check(
            projects_csv,
            &dearer,
            Lang::Zh,
            &["數字,paper_budget_m,附件 C", "數字,scenario_budget_m,情景", "數字,cash_budget_year_m,情景"],
        );
        // A project moved, and one left out: the dates and the routes are the
        // scenario's, the paper's dates are still given as Annex C's, and the project
        // left out has no route (`p=5:d2;10:x`); no budget changed, so they are still
        // Annex C's.
        let moved = blockvote_model::link::decode_link("p=5:d2;10:x").0.scenario;
        check(
            projects_csv,
            &moved,
            Lang::En,
            &[
                "Figure,paper_budget_m,Annex C",
                "Figure,scenario_budget_m,Annex C",
                "Figure,cash_budget_year_m,scenario",
                "Figure,start,scenario",
                "Figure,paper_start,Annex C",
                "Figure,completion,scenario",
                "Figure,paper_completion,Annex C",
                "Figure,route,scenario",
            ],
        );
        let (data, projection, baseline) = projections(&moved);
        let text = projects_csv(&data, &projection, &baseline, Lang::En);
        // The last nine fields, after the names (which may hold commas).
        let line = |id: &str| {
            text.lines().find(|l| l.starts_with(&format!("{id},"))).map(|l| {
                let mut fields: Vec<&str> = l.rsplit(',').take(9).collect();
                fields.reverse();
                fields.join(",")
            })
        };
        assert_eq!(
            line("5").as_deref(),
            Some("0.6,0.6,true,2018-19 Q3,2020-21 Q3,0.0,block_allocation,2018-19 Q1,2020-21 Q1")
        );
        assert_eq!(line("10").as_deref(), Some("4.9,4.9,false,2018-19 Q3,2020-21 Q3,0.0,,2018-19 Q3,2020-21 Q3"));
    }

    /// The 2018-19 cash column adds up to the new projects' 2018-19 cash as the year
    /// table shows it: rounded row by row it added up to 243.3 beside 243.0 (the
    /// paper), 840.2 beside 839.1 (even profile) and 268.2 beside 267.3 (cost +10%).
    #[test]
    fn the_projects_csv_cash_adds_up_to_the_year_table_s() {
        for (link, expected) in [
            ("", "243.0"),
            ("profile=even", "839.1"),
            ("cost=10", "267.3"),
            ("cost=-5", "230.9"),
            ("cap=1000&rule=most_cash", "178.3"),
            ("slip=0.2&delay=1", "223.5"),
        ] {
            let scenario = blockvote_model::link::decode_link(link).0.scenario;
            let (data, projection, baseline) = projections(&scenario);
            assert_eq!(crate::cash::shown_budget_year(&projection).new.format(1), expected, "{link}");
            let text = projects_csv(&data, &projection, &baseline, Lang::En);
            // The cash is the fourth field from the end (the names before may hold commas).
            let cash = text
                .split("\r\n")
                .skip_while(|line| !line.starts_with("id,"))
                .skip(1)
                .filter(|line| !line.is_empty())
                .map(|line| line.rsplit(',').nth(3).and_then(|cell| Money::parse_millions(cell).ok()));
            let sum = cash.collect::<Option<Vec<Money>>>().and_then(|cells| Money::checked_sum(cells).ok());
            assert_eq!(sum.map(|sum| sum.format(1)).as_deref(), Some(expected), "{link}");
        }
    }

    #[test]
    fn the_allocation_csv_says_whose_its_figures_are() {
        let header = "id,name_zh,name_en,paper_m,approved_2017_18_m,scenario_m,locked,change_vs_2017_18_m,change_vs_2017_18_pct,change_vs_paper_m";
        check(
            allocation_csv,
            &Scenario::default(),
            Lang::En,
            // The columns as the Allocation screen marks them: the amounts the model's
            // until a category is changed, the differences from 2017-18 Annex A's own.
            &[
                "Figure,paper_m,Annex A",
                "Figure,approved_2017_18_m,Annex A",
                "Figure,scenario_m,\"model",
                "Figure,change_vs_2017_18_m,Annex A",
                "Figure,change_vs_2017_18_pct,Annex A",
                "Figure,change_vs_paper_m,\"model",
                header,
                "1,硬件,Hardware,238,202,238.0,false,+36,+17.8,0.0",
            ],
        );
        let mut edited = Scenario::default();
        crate::screens::allocation::edit_category(&mut edited, 1, |c| c.amount = Some(blockvote_model::Money::ZERO));
        check(
            allocation_csv,
            &edited,
            Lang::Zh,
            &[
                "數字,paper_m,附件 A",
                "數字,approved_2017_18_m,附件 A",
                "數字,scenario_m,情景",
                "數字,change_vs_2017_18_m,情景",
                "數字,change_vs_2017_18_pct,情景",
                "數字,change_vs_paper_m,情景",
                header,
                "1,硬件,Hardware,238,202,0.0,false,-202.0,-100.0,-238.0",
                // A category left as it was is written as the table shows it under the
                // scenario's mark (audit 35: `+15`).
                "2,軟件,Software,166,151,166.0,false,+15.0,+9.9,0.0",
            ],
        );
    }

    fn saved(name: &str) -> SavedScenario {
        SavedScenario::new(&name.to_lowercase(), name, Scenario::default(), None)
    }

    #[test]
    fn imports_are_reported_in_words() {
        assert_eq!(
            import_outcome(&ImportOutcome::Done(ImportReport { added: 2, ..ImportReport::default() }), Lang::En),
            "Imported: 2 added, 0 replaced."
        );
        assert_eq!(
            import_outcome(&ImportOutcome::TooLarge { bytes: 12, limit: 10 }, Lang::Zh),
            "檔案太大（12 位元組，上限 10），未有匯入。"
        );
        assert_eq!(
            import_outcome(&ImportOutcome::TooLarge { bytes: 17_000_000, limit: 16 << 20 }, Lang::En),
            "The file is too large (17,000,000 bytes; the limit is 16,777,216); nothing was imported."
        );
        let store = Store::of(vec![saved("Mine"), saved("Kept")]);
        let changed = |name: &str| SavedScenario { note: "other levers".to_string(), ..saved(name) };
        let names = same_names(&store, &[changed("Mine"), saved("Other"), saved("Kept")]);
        assert_eq!(names_line(&names, Lang::En), "Mine", "Kept is saved already as it is: not asked about");
        // The versions the question shows are those of its names only.
        let shown = asked_about(&Store::of(vec![saved("Mine"), saved("Else")]), &names);
        assert_eq!(shown.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Mine"]);
        assert_eq!(spreadsheet_text("a,b\r\n"), "\u{feff}a,b\r\n");
    }
}
