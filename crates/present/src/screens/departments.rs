//! What the Departments screen shows: Annex C by bureau or department, one row per
//! department with its number of new projects, their total budget and its share of
//! the total shown, each row opening to list its projects.
//!
//! The table follows the Projects screen's filters (the same address keys), so a link
//! to "the 35 at HK$9.9M" shows which departments they belong to and how many each;
//! the screen says which filters apply and offers to clear them. Every column sorts.
//! Counts, sums and shares are the model's arithmetic on Annex C; the shares are
//! rounded so that those shown add up to the 100.0% shown.

use crate::format::{count as count_text, projects_count, quarter_text};
use crate::lang::{l, Label, Lang};
use crate::paper::Printed;
use crate::provenance::{Basis, Figure, PaperPlace, Provenance, Value};
use crate::route::{fragment_for, View};
use crate::screens::projects::filters::{describe, filter_params, Filters};
use crate::screens::projects::table::{annex_c_sum, text_or_dash, total_budget, ROWS_PER_STEP};
use crate::screens::sorting::{Column, Sort, SortKeys};
use crate::words::{department_name, project_name};
use blockvote_model::money::round_parts_to_total;
use blockvote_model::{Dataset, Money};
use rust_decimal::Decimal;
use std::cmp::Ordering;

pub const HEADING: Label = l("按局／部門劃分的新項目", "New projects by bureau and department");
pub const NOTE: Label = l(
    "預設按文件附件 C 的次序排列；按欄標題可排序。按部門名稱可列出其項目。百分比為佔所顯示項目預算總額的比例，已調整使各項相加等於 100.0%，因此預算相同的部門，顯示的百分比可相差 0.1。",
    "In the order of Annex C unless you sort by a column heading. Press a department's name to list its projects. Shares are of the total budget of the projects shown, rounded so that the shares shown add up to 100.0%; so two departments with the same budget can show shares 0.1 apart.",
);
pub const EXPAND_ALL: Label = l("全部展開", "Expand all");
pub const COLLAPSE_ALL: Label = l("全部收起", "Collapse all");
pub const CAPTION: Label = l(
    "各局／部門的新項目數目及預算；按欄標題的按鈕可排序",
    "Number and budget of new projects by department; the buttons in the column headings sort the table",
);
pub const CLEAR_FILTER: Label = l("清除篩選", "Clear the filter");
pub const OPEN_IN_PROJECTS: Label = l("在項目表中查看及排序", "Open in the projects table to sort and filter");
pub const SHOW_FILTERED_PROJECTS: Label = l("在項目表中查看這些項目", "Show these projects in the projects table");
pub const PROJECT_NO: Label = l("編號", "No.");
pub const PROJECT_NAME: Label = l("項目名稱", "Project name (unofficial translation)");
pub const PROJECT_BUDGET: Label = l("預算（百萬元）", "Budget (HK$M)");
pub const PROJECT_START: Label = l("預計開展", "Start");
pub const PROJECT_COMPLETION: Label = l("預計完成", "Completion");

/// A sortable column of the departments table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DepartmentColumn {
    /// The paper's order of departments.
    #[default]
    Order,
    Name,
    Projects,
    Budget,
    Share,
}

impl Column for DepartmentColumn {
    const ALL: &'static [DepartmentColumn] = &[
        DepartmentColumn::Order,
        DepartmentColumn::Name,
        DepartmentColumn::Projects,
        DepartmentColumn::Budget,
        DepartmentColumn::Share,
    ];

    fn key(self) -> &'static str {
        match self {
            DepartmentColumn::Order => "order",
            DepartmentColumn::Name => "name",
            DepartmentColumn::Projects => "projects",
            DepartmentColumn::Budget => "budget",
            DepartmentColumn::Share => "share",
        }
    }
}

impl DepartmentColumn {
    pub fn label(self) -> Label {
        match self {
            DepartmentColumn::Order => l("次序", "No."),
            DepartmentColumn::Name => l("局／部門", "Bureau or department"),
            DepartmentColumn::Projects => l("項目數目", "Projects"),
            DepartmentColumn::Budget => l("預算（百萬元）", "Budget (HK$M)"),
            DepartmentColumn::Share => l("佔總額", "Share"),
        }
    }

    /// Number-like columns are right-aligned.
    pub fn numeric(self) -> bool {
        self != DepartmentColumn::Name
    }

    /// The mark in the column's heading: the provenance every cell of a column of
    /// figures has (counts, sums and shares of Annex C's budgets, the model's
    /// arithmetic); `None` for the order and the names, which are not figures.
    pub fn heading_mark(self) -> Option<Provenance> {
        match self {
            DepartmentColumn::Order | DepartmentColumn::Name => None,
            DepartmentColumn::Projects | DepartmentColumn::Budget | DepartmentColumn::Share => {
                Some(Provenance::Model(BASIS))
            }
        }
    }
}

/// The basis of every figure of the table: arithmetic on Annex C's budgets.
const BASIS: Basis = Basis::Arithmetic(PaperPlace::AnnexC);

/// The address keys of the departments table's sort, apart from the projects'.
pub const SORT_KEYS: SortKeys = SortKeys { column: "dsort", direction: "ddir" };

/// A project listed under its department.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DepartmentProject {
    pub id: u16,
    pub name: String,
    pub budget: String,
    pub start: String,
    pub completion: String,
}

/// Under a department's list that leaves `unlisted` of its projects out: how many, and
/// where they are. `None` when the list holds them all.
pub fn unlisted_note(unlisted: usize, lang: Lang) -> Option<String> {
    (unlisted > 0).then(|| {
        let more = count_text(unlisted);
        match (lang, unlisted) {
            (Lang::Zh, _) => format!("另有 {more} 個項目未列出，全部見項目表。"),
            (Lang::En, 1) => "1 more project is not listed here; the Projects table has them all.".to_string(),
            (Lang::En, _) => format!("{more} more projects are not listed here; the Projects table has them all."),
        }
    })
}

/// A department's row.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DepartmentRow {
    /// The paper's order number, the row's stable key.
    pub order: u16,
    pub name: String,
    pub projects: Figure,
    pub budget: Figure,
    pub share: Figure,
    /// Its first projects shown, in number order: at most [`ROWS_PER_STEP`], the rest
    /// are in the Projects table (`link`).
    pub list: Vec<DepartmentProject>,
    /// How many of its projects shown are not in `list`.
    pub unlisted: usize,
    /// The projects table with this department (and the other filters in force).
    pub link: String,
}

/// The whole table: its rows in order and its total row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartmentsTable {
    pub rows: Vec<DepartmentRow>,
    pub total_label: String,
    pub total_projects: Figure,
    pub total_budget: Option<Figure>,
    pub total_share: Figure,
    /// `66 bureaux and departments, 254 new projects, total budget HK$1,527.7M.`
    pub headline: String,
    /// Which of the Projects screen's filters apply, when any do.
    pub filter: Option<String>,
    /// The projects table with the same filters, when any apply.
    pub filtered_link: Option<String>,
}

fn arithmetic(value: Value) -> Figure {
    Figure::model(value, BASIS)
}

fn count(n: usize) -> Figure {
    arithmetic(Value::Count(u64::try_from(n).unwrap_or(u64::MAX)))
}

/// The departments table for the projects `selected` (indices into
/// `Dataset::projects`) under `filters`, sorted by `sort`. `params` are the address's,
/// for links that keep the filters.
pub fn table(
    data: &Dataset,
    selected: &[usize],
    filters: &Filters,
    params: &[(String, String)],
    sort: Sort<DepartmentColumn>,
    lang: Lang,
) -> DepartmentsTable {
    // Each department's projects among those selected, in the paper's order, in one
    // pass over them (an imported file may name thousands of departments).
    let mut by_department: Vec<Vec<usize>> = vec![Vec::new(); data.departments.len()];
    for i in selected {
        if let Some(rows) = data.projects.get(*i).and_then(|p| by_department.get_mut(p.department)) {
            rows.push(*i);
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> =
        by_department.into_iter().enumerate().filter(|(_, rows)| !rows.is_empty() || !filters.is_active()).collect();
    blockvote_model::order::sort_by_key(&mut groups, |(department, _)| {
        data.departments.get(*department).map(|d| d.order)
    });
    let totals: Vec<Money> = groups.iter().map(|(_, rows)| total_budget(data, rows).unwrap_or_default()).collect();
    let grand = Money::checked_sum(totals.iter().copied()).ok();
    let shares = shares_shown(&totals, grand);
    let other_filters: Vec<(String, String)> = filter_params(params).into_iter().filter(|(k, _)| k != "dept").collect();
    let mut rows: Vec<DepartmentRow> = groups
        .iter()
        .zip(totals.iter().zip(&shares))
        .map(|((department, rows), (total, share))| {
            let order = data.departments.get(*department).map(|d| d.order).unwrap_or(0);
            let mut link_params = other_filters.clone();
            link_params.push(("dept".to_string(), order.to_string()));
            DepartmentRow {
                order,
                name: department_name(data, *department, lang),
                projects: count(rows.len()),
                budget: annex_c_sum(*total),
                share: arithmetic(Value::Percent(*share)),
                list: rows
                    .iter()
                    .take(ROWS_PER_STEP)
                    .filter_map(|i| data.projects.get(*i))
                    .map(|p| DepartmentProject {
                        id: p.id,
                        name: project_name(p, lang),
                        budget: Value::Millions(p.budget).unmarked_text(lang),
                        start: quarter_text(p.start, lang),
                        completion: quarter_text(p.completion, lang),
                    })
                    .collect(),
                unlisted: rows.len().saturating_sub(ROWS_PER_STEP),
                link: fragment_for(View::Projects, lang, &link_params),
            }
        })
        .collect();
    sort_rows(&mut rows, sort, lang);
    let shown_projects: usize = groups.iter().map(|(_, rows)| rows.len()).sum();
    let departments = rows.len();
    let grand_text = text_or_dash(grand.map(annex_c_sum).as_ref(), lang);
    let active = filters.is_active();
    DepartmentsTable {
        total_label: match lang {
            Lang::Zh => format!("總計 · {departments} 個局／部門"),
            Lang::En => format!("Total · {departments} departments"),
        },
        // All of Annex C's projects shown: para 7's 254, cited (audit 10).
        total_projects: Printed::NewProjectCount.or_worked_out(data, count(shown_projects)),
        total_budget: grand.map(annex_c_sum),
        total_share: arithmetic(Value::Percent(shares.iter().copied().sum())),
        headline: headline(departments, shown_projects, &grand_text, active, lang),
        filter: active.then(|| filter_note(filters, data, lang)),
        filtered_link: active.then(|| fragment_for(View::Projects, lang, &filter_params(params))),
        rows,
    }
}

/// Each total's share of `grand` in per cent, rounded to one decimal so the shares
/// shown add up to the 100.0% shown (all zero if there is nothing to share).
fn shares_shown(totals: &[Money], grand: Option<Money>) -> Vec<Decimal> {
    let Some(grand) = grand.filter(|g| !g.is_zero()) else { return vec![Decimal::ZERO; totals.len()] };
    // Shares are percentages, not money, but the largest-remainder rule that keeps
    // money parts adding up to their total is unit-free, so it is reused here.
    let exact: Vec<Money> = totals
        .iter()
        .map(|total| {
            total
                .ratio(grand)
                .ok()
                .and_then(|s| s.checked_mul(Decimal::ONE_HUNDRED))
                .map(Money::from_millions)
                .unwrap_or(Money::ZERO)
        })
        .collect();
    round_parts_to_total(&exact, 1).into_iter().map(Money::millions).collect()
}

fn sort_rows(rows: &mut [DepartmentRow], sort: Sort<DepartmentColumn>, lang: Lang) {
    let by = |a: &DepartmentRow, b: &DepartmentRow| -> Ordering {
        match sort.key {
            DepartmentColumn::Order => a.order.cmp(&b.order),
            DepartmentColumn::Name => match lang {
                Lang::Zh => a.name.cmp(&b.name),
                // English department names are the paper's (ASCII) or, for a department
                // only an imported file names, its Chinese name: no case beyond ASCII.
                Lang::En => a.name.to_ascii_lowercase().cmp(&b.name.to_ascii_lowercase()),
            },
            DepartmentColumn::Projects => (a.list.len() + a.unlisted).cmp(&(b.list.len() + b.unlisted)),
            // The shares follow the budgets, so both sort by the exact budget.
            DepartmentColumn::Budget | DepartmentColumn::Share => a.budget.money().cmp(&b.budget.money()),
        }
    };
    blockvote_model::order::sort_by(rows, |a, b| {
        let primary = by(a, b);
        let primary = if sort.descending { primary.reverse() } else { primary };
        primary.then(a.order.cmp(&b.order))
    });
}

fn headline(departments: usize, projects: usize, budget: &str, filtered: bool, lang: Lang) -> String {
    match (lang, filtered) {
        (Lang::Zh, false) => format!("{departments} 個局／部門，{projects} 個新項目，預算合計 {budget} 百萬元。"),
        (Lang::En, false) => {
            format!("{departments} bureaux and departments, {projects} new projects, total budget HK${budget}M.")
        }
        (Lang::Zh, true) => format!(
            "篩選所得的 {} 分屬 {departments} 個局／部門，預算合計 {budget} 百萬元。",
            projects_count(projects, lang)
        ),
        (Lang::En, true) => format!(
            "The {} the filter selects belong to {departments} bureaux and departments, total budget HK${budget}M.",
            projects_count(projects, lang)
        ),
    }
}

/// `Following the Projects filter: search “保安”; theme (e) Strengthening IT security.`
fn filter_note(filters: &Filters, data: &Dataset, lang: Lang) -> String {
    let words = describe(filters, data, lang);
    match lang {
        Lang::Zh => format!("按項目表的篩選條件顯示：{}。", words.join("；")),
        Lang::En => format!("Following the filter set on the projects table: {}.", words.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::projects::filters::{selected, Offered, SearchIndex};
    use blockvote_model::nfc::nfc;
    use blockvote_model::order::SortedSet;

    fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn shown(pairs: &[(&str, &str)], lang: Lang) -> DepartmentsTable {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let address = params(pairs);
        let filters = Filters::from_params(&address, &Offered::of(&data), nfc, str::to_lowercase);
        let rows = selected(&data, &SearchIndex::new(&data, str::to_lowercase), &filters, &SortedSet::new());
        table(&data, &rows, &filters, &address, Sort::from_params(&address, SORT_KEYS), lang)
    }

    /// The first rows of the table for an address, `name count budget share`, and the
    /// total row.
    #[track_caller]
    fn check(pairs: &[(&str, &str)], lang: Lang, first: usize, expected: &str) {
        let table = shown(pairs, lang);
        let mut lines: Vec<String> = table
            .rows
            .iter()
            .take(first)
            .map(|r| format!("{} {} {} {}", r.name, r.projects.text(lang), r.budget.text(lang), r.share.text(lang)))
            .collect();
        lines.push(format!(
            "{} {} {} {}",
            table.total_label,
            table.total_projects.text(lang),
            text_or_dash(table.total_budget.as_ref(), lang),
            table.total_share.text(lang)
        ));
        assert_eq!(lines.join(" / "), expected);
    }

    /// The headings of the table for an address as a member reads them, each figure
    /// column's with its mark; every row's figure has its column's mark.
    #[track_caller]
    fn check_marks(pairs: &[(&str, &str)], lang: Lang, expected: &str) {
        let table = shown(pairs, lang);
        let heading = |key: DepartmentColumn| {
            let mark = key.heading_mark().map(|m| format!(" [{}]", m.mark(lang))).unwrap_or_default();
            format!("{}{mark}", key.label().get(lang))
        };
        let headings: Vec<String> = DepartmentColumn::ALL.iter().map(|key| heading(*key)).collect();
        assert_eq!(headings.join(" | "), expected);
        for row in &table.rows {
            let cells = [
                (DepartmentColumn::Projects, &row.projects),
                (DepartmentColumn::Budget, &row.budget),
                (DepartmentColumn::Share, &row.share),
            ];
            for (key, figure) in cells {
                assert_eq!(key.heading_mark().as_ref(), Some(figure.provenance()), "{} {key:?}", row.name);
            }
        }
    }

    #[test]
    fn each_column_of_figures_says_whose_they_are() {
        check_marks(
            &[],
            Lang::En,
            "No. | Bureau or department | Projects [model] | Budget (HK$M) [model] | Share [model]",
        );
        check_marks(
            &[("q", "system")],
            Lang::Zh,
            "次序 | 局／部門 | 項目數目 [模型] | 預算（百萬元） [模型] | 佔總額 [模型]",
        );
    }

    #[test]
    fn rows_add_up_to_the_total_and_shares_to_100() {
        let table = shown(&[], Lang::En);
        assert_eq!(table.rows.len(), 66);
        assert_eq!(table.filter, None);
        assert_eq!(table.headline, "66 bureaux and departments, 254 new projects, total budget HK$1,527.7M.");
        let shares: Decimal = table
            .rows
            .iter()
            .filter_map(|r| match r.share.value() {
                Value::Percent(p) => Some(*p),
                _ => None,
            })
            .sum();
        assert_eq!(shares, Decimal::ONE_HUNDRED);
        check(&[], Lang::En, 1, "Administration Wing 6 24.4 1.6% / Total · 66 departments 254 1,527.7 100.0%");
    }

    #[test]
    fn every_column_sorts_both_ways() {
        let total = "Total · 66 departments 254 1,527.7 100.0%";
        // Ties (HK$79.1M twice) keep the paper's order.
        check(
            &[("dsort", "budget"), ("ddir", "desc")],
            Lang::En,
            2,
            &format!("Inland Revenue Department 10 79.1 5.2% / Lands Department 11 79.1 5.2% / {total}"),
        );
        check(
            &[("dsort", "projects"), ("ddir", "desc")],
            Lang::En,
            1,
            &format!("Lands Department 11 79.1 5.2% / {total}"),
        );
        check(&[("dsort", "name")], Lang::En, 1, &format!("Administration Wing 6 24.4 1.6% / {total}"));
        check(
            &[("dsort", "order"), ("ddir", "desc")],
            Lang::En,
            1,
            &format!("Working Family and Student Financial Assistance Agency 7 29.7 1.9% / {total}"),
        );
        let smallest = "Joint Secretariat for the Advisory Bodies on Civil Service and Judicial Salaries and Conditions of Service";
        check(&[("dsort", "share")], Lang::En, 1, &format!("{smallest} 1 0.2 0.0% / {total}"));
    }

    #[test]
    fn a_long_list_of_a_department_s_projects_lists_the_first_and_says_how_many_more() {
        let paper = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let mut text = "id,department_zh,name_zh,name_en,budget_m,start,completion\n".to_string();
        for id in 1..=(ROWS_PER_STEP + 2) {
            text.push_str(&format!("{id},新部門,甲,A,1.0,2018-19 Q1,2018-19 Q4\n"));
        }
        text.push_str(&format!("{},行政署,乙,B,1.0,2018-19 Q1,2018-19 Q4\n", ROWS_PER_STEP + 3));
        let data = paper.with_projects_csv(&text, nfc).expect("the file loads");
        let address = params(&[("dsort", "projects"), ("ddir", "desc")]);
        let filters = Filters::from_params(&address, &Offered::of(&data), nfc, str::to_lowercase);
        let rows = selected(&data, &SearchIndex::new(&data, str::to_lowercase), &filters, &SortedSet::new());
        let table = table(&data, &rows, &filters, &address, Sort::from_params(&address, SORT_KEYS), Lang::En);
        let listed: Vec<(String, usize, usize, Option<String>)> = table
            .rows
            .iter()
            .take(2)
            .map(|row| (row.name.clone(), row.list.len(), row.unlisted, unlisted_note(row.unlisted, Lang::En)))
            .collect();
        let more = Some("2 more projects are not listed here; the Projects table has them all.".to_string());
        assert_eq!(
            listed,
            [("新部門".to_string(), ROWS_PER_STEP, 2, more), ("Administration Wing".to_string(), 1, 0, None)]
        );
        let first = table.rows.first().expect("a row");
        assert_eq!(unlisted_note(first.unlisted, Lang::Zh).as_deref(), Some("另有 2 個項目未列出，全部見項目表。"));
    }

    #[test]
    fn the_note_under_a_department_s_list_counts_as_every_count_is() {
        // A department of 301 projects leaves one out; one of the importer's 20,000
        // leaves 19,700, written with a thousands separator as every other count.
        let cases: [((usize, Lang), Option<&str>); 6] = [
            ((0, Lang::En), None),
            ((0, Lang::Zh), None),
            ((1, Lang::En), Some("1 more project is not listed here; the Projects table has them all.")),
            ((1, Lang::Zh), Some("另有 1 個項目未列出，全部見項目表。")),
            ((19_700, Lang::En), Some("19,700 more projects are not listed here; the Projects table has them all.")),
            ((19_700, Lang::Zh), Some("另有 19,700 個項目未列出，全部見項目表。")),
        ];
        for ((unlisted, lang), expected) in cases {
            assert_eq!(unlisted_note(unlisted, lang).as_deref(), expected, "{unlisted} in {lang:?}");
        }
    }

    #[test]
    fn the_table_follows_the_projects_filter_and_says_so() {
        let pairs = [("min", "9.9"), ("max", "9.9")];
        let table = shown(&pairs, Lang::En);
        assert_eq!(table.rows.iter().map(|r| r.list.len()).sum::<usize>(), 35);
        assert_eq!(
            table.filter.as_deref(),
            Some("Following the filter set on the projects table: budget at least HK$9.9M; budget at most HK$9.9M.")
        );
        assert_eq!(
            table.headline,
            "The 35 projects the filter selects belong to 30 bureaux and departments, total budget HK$346.5M."
        );
        assert_eq!(table.filtered_link.as_deref(), Some("#view=projects&lang=en&min=9.9&max=9.9"));
        assert_eq!(table.rows.first().map(|r| r.link.as_str()), Some("#view=projects&lang=en&min=9.9&max=9.9&dept=3"));
        let zh = shown(&[("ids", "14,15,16")], Lang::Zh);
        assert_eq!(zh.filter.as_deref(), Some("按項目表的篩選條件顯示：連結所選的 3 個編號。"));
        check(&[("ids", "14,15,16")], Lang::Zh, 2, "建築署 3 29.6 100.0% / 總計 · 1 個局／部門 3 29.6 100.0%");
        check(&[("q", "nothing like this")], Lang::En, 1, "Total · 0 departments 0 0.0 0.0%");
    }
}
