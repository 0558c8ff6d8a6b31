#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Every invariant the paper offers, checked against the transcribed data. One wrong
//! digit in `data/` fails one of these.

use blockvote_model::load::{DataFiles, LoadErrorKind};
use blockvote_model::money::percent_change;
use blockvote_model::nfc::nfc;
use blockvote_model::{CohortId, Dataset, FiscalQuarter, Money, Theme, ThemeSource};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeSet;

fn paper() -> Dataset {
    match Dataset::paper() {
        Ok(dataset) => dataset,
        Err(errors) => panic!("the paper's data must load: {errors:?}"),
    }
}

fn m(text: &str) -> Money {
    Money::parse_millions(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn sum(amounts: impl IntoIterator<Item = Money>) -> Money {
    Money::checked_sum(amounts).unwrap_or_else(|e| panic!("sum overflowed: {e}"))
}

/// The paper prints percentages to one decimal, rounded half away from zero.
fn one_decimal(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
}

#[track_caller]
fn check<T: PartialEq + std::fmt::Debug>(what: &str, actual: T, expected: T) {
    assert_eq!(actual, expected, "{what}");
}

#[test]
fn annex_c_has_254_projects_numbered_1_to_254() {
    let data = paper();
    check("project count", data.projects.len(), 254);
    let ids: Vec<u16> = data.projects.iter().map(|p| p.id).collect();
    check("ids", ids, (1..=254).collect::<Vec<u16>>());
    check("para 7 count", data.facts.count("annexC.project_count"), Some(254));
    check("Annex B new cohort count", data.cohort(CohortId::New).map(|c| c.project_count), Some(254));
}

#[test]
fn annex_c_totals() {
    let data = paper();
    check("total budget", sum(data.projects.iter().map(|p| p.budget)), m("1527.7"));
    check("projects at 9.9", data.projects.iter().filter(|p| p.budget == m("9.9")).count(), 35);
    check("departments", data.departments.len(), 66);
}

#[test]
fn annex_a_columns_sum_and_printed_differences_follow() {
    let data = paper();
    check("six categories", data.categories.len(), 6);
    let proposed = sum(data.categories.iter().map(|c| c.proposed));
    let prior = sum(data.categories.iter().map(|c| c.approved_prior));
    check("2018-19 column", proposed, m("1060"));
    check("2017-18 column", prior, m("990"));
    check("Annex A printed total 2018-19", data.facts.money("annexA.total_2018_19_m"), Some(proposed));
    check("Annex A printed total 2017-18", data.facts.money("annexA.total_2017_18_m"), Some(prior));
    for category in &data.categories {
        let difference = category.proposed.checked_sub(category.approved_prior).ok();
        check(&format!("category {} difference", category.id), difference, Some(category.printed_difference));
        let pct = percent_change(category.proposed, category.approved_prior).map(one_decimal);
        check(&format!("category {} percentage", category.id), pct, Some(category.printed_difference_pct));
    }
    let total_pct = percent_change(proposed, prior).map(one_decimal);
    check("total percentage", total_pct, data.facts.decimal("annexA.total_difference_pct"));
    check("para 6 percentage", total_pct, data.facts.decimal("para6.increase_pct"));
    check("para 6 increase", proposed.checked_sub(prior).ok(), data.facts.money("para6.increase_m"));
    check("para 6 allocation", data.facts.money("para6.allocation_2018_19_m"), Some(proposed));
    check("para 6 prior allocation", data.facts.money("para6.allocation_2017_18_m"), Some(prior));
}

#[test]
fn annex_b_cohorts_sum_to_the_allocation() {
    let data = paper();
    let ongoing = data.cohort(CohortId::Ongoing).map(|c| (c.project_count, c.cash_budget_year));
    let new = data.cohort(CohortId::New).map(|c| (c.project_count, c.cash_budget_year));
    check("ongoing cohort", ongoing, Some((541, m("817"))));
    check("new cohort", new, Some((254, m("243"))));
    let projects: u32 = data.cohorts.iter().map(|c| c.project_count).sum();
    check("795 projects", Some(projects), data.facts.count("annexB.total_projects"));
    let cash = sum(data.cohorts.iter().map(|c| c.cash_budget_year));
    check("cash 1,060", Some(cash), data.facts.money("annexB.total_cash_m"));
    check("Annex B equals para 6", Some(cash), data.facts.money("para6.allocation_2018_19_m"));
}

#[test]
fn para_5_rows_sum_to_210_and_rates_follow() {
    let data = paper();
    let reports = data.facts.count("para5.reports");
    check("210 reports", reports, Some(210));
    for (indicator, met, not_met, rate) in [
        ("budget", 210, 0, "100.0"),
        ("specification", 210, 0, "100.0"),
        ("schedule", 141, 69, "67.1"),
        ("benefits", 206, 4, "98.1"),
    ] {
        let got_met = data.facts.count(&format!("para5.{indicator}.met"));
        let got_not = data.facts.count(&format!("para5.{indicator}.not_met"));
        check(&format!("{indicator} met"), got_met, Some(met));
        check(&format!("{indicator} not met"), got_not, Some(not_met));
        check(&format!("{indicator} sums to 210"), Some(met + not_met), reports);
        let printed = data.facts.decimal(&format!("para5.{indicator}.rate_pct"));
        let derived = one_decimal(Decimal::from(met * 100) / Decimal::from(met + not_met));
        check(&format!("{indicator} rate printed"), printed, Decimal::from_str_exact(rate).ok());
        check(&format!("{indicator} rate follows"), printed, Some(derived));
    }
}

#[test]
fn every_project_completes_after_it_starts_within_the_timeline() {
    let data = paper();
    let first = FiscalQuarter::parse("2018-19 Q1").ok();
    let last = FiscalQuarter::parse("2022-23 Q1").ok();
    for project in &data.projects {
        assert!(project.completion >= project.start, "project {} ends before it starts", project.id);
        check(&format!("project {} starts in 2018-19", project.id), project.start.year(), data.budget_year);
    }
    check("first start", data.projects.iter().map(|p| p.start).min(), first);
    check("last completion", data.projects.iter().map(|p| p.completion).max(), last);
}

#[test]
fn every_budget_is_in_the_block_allocation_range() {
    // Para 2: the block allocation funds projects above HK$0.2M and up to HK$10M.
    // Annex C prints budgets rounded to HK$0.1M, so two projects costing a little over
    // HK$0.2M are printed as 0.2; a printed budget may equal the floor, never fall below.
    let data = paper();
    check("ceiling", data.ceiling, m("10"));
    check("floor", data.floor, m("0.2"));
    for project in &data.projects {
        assert!(project.budget >= data.floor && project.budget <= data.ceiling, "project {} budget", project.id);
    }
    let at_floor: Vec<u16> = data.projects.iter().filter(|p| p.budget == data.floor).map(|p| p.id).collect();
    check("printed at the floor", at_floor, vec![163, 211]);
}

#[test]
fn para_7_examples_match_their_projects() {
    let data = paper();
    let expected: [(Theme, [u16; 3]); 5] = [
        (Theme::EGovernment, [253, 92, 121]),
        (Theme::OpenDataAi, [176, 204, 83]),
        (Theme::InternalEfficiency, [178, 134, 222]),
        (Theme::TechnologyRefresh, [55, 235, 64]),
        (Theme::ItSecurity, [165, 87, 43]),
    ];
    for (theme, ids) in expected {
        for (index, id) in ids.into_iter().enumerate() {
            let project = data.project(id);
            check(&format!("example {id} theme"), project.map(|p| p.theme), Some(theme));
            let example = u8::try_from(index + 1).ok();
            check(
                &format!("example {id} source"),
                project.map(|p| p.theme_source.clone()),
                example.map(|example| ThemeSource::Paper { example }),
            );
        }
    }
    let examples = data.projects.iter().filter(|p| matches!(p.theme_source, ThemeSource::Paper { .. })).count();
    check("15 examples", examples, 15);
    // The example's name in para 7 matches the project's name in Annex C (para 7 adds the
    // department in brackets; the project name is its start).
    for (id, name_start) in [
        (83, "更新 1823 網站及推行智能聊天機器人服務"),
        (204, "網絡風險資訊共享平台"),
        (87, "提升資訊科技保安基建設施"),
    ] {
        let name = data.project(id).map(|p| p.name_zh.clone()).unwrap_or_default();
        assert!(name.starts_with(name_start), "project {id} is {name}");
    }
}

#[test]
fn theme_c_has_one_name_the_paper_s() {
    // Para 7 (c) 「提升政府內部運作效率」: the filter and the paper's facts name it alike,
    // in both languages.
    let data = paper();
    let fact = data.facts.get("theme.internal_efficiency");
    check(
        "theme (c)",
        fact.map(|f| (f.label_zh.as_str(), f.label_en.as_str())),
        Some((Theme::InternalEfficiency.name_zh(), Theme::InternalEfficiency.name_en())),
    );
    check(
        "theme (c) in English",
        Theme::InternalEfficiency.name_en(),
        "Enhancing the efficiency of internal government operations",
    );
}

#[test]
fn departments_are_in_the_papers_order() {
    let data = paper();
    let orders: Vec<u16> = data.departments.iter().map(|d| d.order).collect();
    check("orders are 1..=66", orders, (1..=66).collect::<Vec<u16>>());
    // Projects are listed department by department, so department indices never go back.
    let mut last = 0;
    for project in &data.projects {
        assert!(project.department >= last, "project {} breaks the department order", project.id);
        last = project.department;
    }
    let used: BTreeSet<usize> = data.projects.iter().map(|p| p.department).collect();
    check("every department has projects", used.len(), data.departments.len());
    let names: Vec<&str> = data.departments.iter().take(4).map(|d| d.name_zh.as_str()).collect();
    check("first departments", names, vec!["行政署", "漁農自然護理署", "建築署", "醫療輔助隊"]);
}

#[test]
fn names_are_nfc_with_no_stray_spaces() {
    let data = paper();
    for project in &data.projects {
        let name = &project.name_zh;
        assert_eq!(name, &blockvote_model::load::normalize_text(name, nfc), "project {} not NFC", project.id);
        assert!(!name.chars().any(|c| ('\u{F900}'..='\u{FAFF}').contains(&c)), "project {}", project.id);
        let chars: Vec<char> = name.chars().collect();
        for window in chars.windows(3) {
            let cjk = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
            assert!(
                !(cjk(window[0]) && window[1] == ' ' && cjk(window[2])),
                "stray space in project {}: {name}",
                project.id
            );
        }
        assert!(!project.name_en.is_empty(), "project {} has no English name", project.id);
    }
    check("project 7", data.project(7).map(|p| p.name_zh.as_str()), Some("提升電郵系統及軟件資產管理系統"));
}

#[track_caller]
fn check_load_error(projects_csv: &str, line: u64, field: Option<&str>) {
    let files = DataFiles { projects: projects_csv, ..DataFiles::PAPER };
    match Dataset::from_csv(files, nfc) {
        Ok(_) => panic!("{projects_csv:?} should not load"),
        Err(errors) => {
            let first = &errors[0];
            check("file", first.file.as_str(), "projects.csv");
            check("line", first.line, line);
            check("field", first.field.as_deref(), field);
        }
    }
}

#[test]
fn bad_rows_are_reported_with_file_line_and_field() {
    let header = "id,department_zh,name_zh,name_en,budget_m,start,completion\n";
    let good = "1,行政署,甲,A,1.0,2018-19 Q1,2018-19 Q4\n";
    check_load_error(&format!("{header}{good}2,行政署,乙,B,abc,2018-19 Q1,2018-19 Q2\n"), 3, Some("budget_m"));
    check_load_error(&format!("{header}{good}2,行政署,乙,B,1,2018-19 Q5,2018-19 Q2\n"), 3, Some("start"));
    check_load_error(&format!("{header}2,行政署,乙,B,1,2019-20 Q1,2018-19 Q2\n"), 2, Some("completion"));
    check_load_error(&format!("{header}{good}1,行政署,乙,B,1,2018-19 Q1,2018-19 Q2\n"), 3, Some("id"));
    check_load_error(&format!("{header}{good}3,行政署,,B,1,2018-19 Q1,2018-19 Q2\n"), 3, Some("name_zh"));
    check_load_error(&format!("{header}{good}4,行政署,乙,B,-1,2018-19 Q1,2018-19 Q2\n"), 3, Some("budget_m"));
    check_load_error("id,name\n1,x\n", 1, None);
    check_load_error(&format!("{header}{good}5,行政署,\"unterminated\n"), 3, None);
    let errors = Dataset::from_csv(DataFiles { projects: "", ..DataFiles::PAPER }, nfc).err().unwrap_or_default();
    assert!(errors.iter().any(|e| matches!(e.kind, LoadErrorKind::WrongHeader { .. } | LoadErrorKind::Malformed(_))));
}

/// `Dataset::paper()` reads the embedded files as written, without a normaliser: they
/// are NFC already, so through the real one they give the very same dataset.
#[test]
fn the_paper_loads_the_same_through_the_normaliser() {
    check("paper through NFC", Dataset::from_csv(DataFiles::PAPER, nfc).ok(), Some(paper()));
}

#[test]
fn compatibility_ideographs_are_normalised_on_load() {
    let header = "id,department_zh,name_zh,name_en,budget_m,start,completion\n";
    let text = format!("{header}1,行政署,管\u{F9E4},x,1.0,2018-19 Q1,2018-19 Q4\n");
    let loaded = Dataset::from_csv(DataFiles { projects: &text, ..DataFiles::PAPER }, nfc);
    let name = loaded.ok().and_then(|d| d.projects.first().map(|p| p.name_zh.clone()));
    check("NFC name", name.as_deref(), Some("管理"));
}

#[test]
fn findings_on_the_paper() {
    let data = paper();
    let found = blockvote_model::findings::findings(&data);
    check("total", found.total_budget, m("1527.7"));
    check("top budget", found.at_top_budget.0, m("9.9"));
    check("at 9.9", found.at_top_budget.1.len(), 35);
    let near = data.projects.iter().filter(|p| p.budget > m("9.5") && p.budget <= m("10")).count();
    check("above 9.5 up to the ceiling", found.near_ceiling.len(), near);
    check("near the ceiling", near, 59);
    check("longest", found.longest_quarters, 17);
    let long = data.projects.iter().filter(|p| p.duration_quarters() >= 16).count();
    check("long projects", found.long_projects.len(), long);
    check("completing in 2018-19", found.completing_in_budget_year.len(), 37);
    check("committed beyond 2018-19", found.committed_beyond_budget_year, Some(m("1284.7")));
    check("expected late", found.expected_late_projects.map(|d| d.round_dp(1)), Decimal::from_str_exact("83.5").ok());
    let theme_total = sum(found.themes.iter().map(|t| t.total));
    check("themes cover everything", theme_total, found.total_budget);
    let top_totals: Vec<Money> = found.top_departments.iter().map(|d| d.total).collect();
    let mut sorted = top_totals.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    check("departments ranked", top_totals, sorted);
}
