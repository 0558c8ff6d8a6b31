//! What the Overview shows: the paper at a glance, every figure the paper's own and
//! cited — the allocation against last year (para 6), Annex B's cash by cohort, Annex
//! A's categories, para 5's performance table and para 2's thresholds — and then the
//! findings blockvote derives from the data, each marked as the model's with its
//! basis and each linking to exactly the projects it counts.

use crate::charts::Series;
use crate::format::{millions, money_with_unit, projects_count};
use crate::lang::{l, Label, Lang};
use crate::paper::{AnnexAColumn, AnnexBColumn, Indicator, Para5Column, Printed};
use crate::provenance::{Basis, Figure, PaperPlace, Provenance, Value, ANNEX_C_SUMS};
use crate::route::{fragment_for, View};
use crate::screens::projects::filters::ids_link;
use crate::screens::risk::{Part, Sentence};
use crate::screens::sentence::Marked;
use crate::words::{department_name, theme_name, TOTAL};
use blockvote_model::findings::{findings, Findings, LONG_PROJECT_QUARTERS};
use blockvote_model::money::format_decimal;
use blockvote_model::{CohortId, Dataset, Theme};

pub const HEADING: Label = l("文件重點", "The paper at a glance");

// ---------------------------------------------------------------------------------
// The allocation (para 6)
// ---------------------------------------------------------------------------------

/// The headline card: the 2018-19 allocation and the change from 2017-18.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    pub label: String,
    /// `about HK$1,060M [para 6]`: as para 6 prints it, with its "about".
    pub allocation: Option<Marked>,
    /// `2017-18: `.
    pub prior_label: String,
    pub prior: Option<Marked>,
    /// `about +HK$70M (about +7.1%) [para 6]`, as para 6 says it (「增加約 7,000 萬元（約 7.1%）」).
    pub change: Option<Marked>,
}

fn with_unit(printed: Printed, data: &Dataset, lang: Lang) -> Option<Marked> {
    let figure = printed.figure(data)?;
    Some(Marked::text(figure.text_with_unit(lang), Some(figure.provenance().clone())))
}

pub fn headline(data: &Dataset, lang: Lang) -> Headline {
    let change = Printed::AllocationIncrease.figure(data).zip(Printed::AllocationIncreasePct.figure(data)).map(
        // Para 6 prints both in one phrase ("增加約 7,000 萬元（約 7.1%）"), so the
        // percentage's citation, whose words hold both, marks them together.
        |(amount, pct)| {
            let text = format!("{} ({})", amount.text_with_unit(lang), pct.text(lang));
            Marked::text(text, Some(pct.provenance().clone()))
        },
    );
    Headline {
        label: l("2018-19 年度整體撥款", "2018-19 block allocation").get(lang).to_string(),
        allocation: with_unit(Printed::AllocationProposed, data, lang),
        prior_label: l("2017-18 年度：", "2017-18: ").get(lang).to_string(),
        prior: with_unit(Printed::AllocationPrior, data, lang),
        change,
    }
}

// ---------------------------------------------------------------------------------
// Printed tables: Annex B, Annex A, para 5
// ---------------------------------------------------------------------------------

/// A column heading of a printed table, with the mark citing the paper's heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedColumn {
    pub label: String,
    pub mark: Option<Provenance>,
}

/// A cell of a printed table: its text and, on hover, the paper's words for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedCell {
    pub text: String,
    pub words: String,
}

fn cell(printed: Printed, data: &Dataset, lang: Lang) -> PrintedCell {
    match printed.figure(data) {
        Some(figure) => PrintedCell { text: figure.text(lang), words: figure.provenance().explanation(lang) },
        None => PrintedCell { text: "—".to_string(), words: String::new() },
    }
}

/// A row of a printed table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedRow {
    /// The `data-testid` of the row.
    pub testid: String,
    pub heading: String,
    pub cells: Vec<PrintedCell>,
    /// Para 5's schedule row is the one the paper footnotes; it is drawn as a warning.
    pub warn: bool,
}

/// A printed table: a title, its columns (the first heads the row headings), rows and
/// the total row if the paper prints one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedTable {
    pub title: String,
    pub title_mark: Option<Provenance>,
    pub columns: Vec<PrintedColumn>,
    pub rows: Vec<PrintedRow>,
    pub total: Option<PrintedRow>,
    pub note: Option<String>,
}

fn column(label: Label, mark: Provenance, lang: Lang) -> PrintedColumn {
    PrintedColumn { label: label.get(lang).to_string(), mark: Some(mark) }
}

fn row_heading_column(label: Label, lang: Lang) -> PrintedColumn {
    PrintedColumn { label: label.get(lang).to_string(), mark: None }
}

/// Annex B: the 2018-19 cash flow by cohort.
pub fn annex_b(data: &Dataset, lang: Lang) -> PrintedTable {
    let columns = [AnnexBColumn::Projects, AnnexBColumn::Cash];
    let rows = data
        .cohorts
        .iter()
        .map(|cohort| PrintedRow {
            testid: match cohort.id {
                CohortId::Ongoing => "cohort-ongoing".to_string(),
                CohortId::New => "cohort-new".to_string(),
            },
            heading: lang.pick(&cohort.name_zh, &cohort.name_en).to_string(),
            cells: columns
                .iter()
                .map(|&column| cell(Printed::Cohort { cohort: cohort.id, column }, data, lang))
                .collect(),
            warn: false,
        })
        .collect();
    PrintedTable {
        title: l("2018-19 年度現金流量（按項目組別）", "2018-19 cash flow by cohort").get(lang).to_string(),
        title_mark: None,
        columns: vec![
            row_heading_column(l("項目組別", "Cohort"), lang),
            column(l("項目數量", "Projects"), AnnexBColumn::Projects.provenance(), lang),
            column(l("現金流量（百萬元）", "Cash (HK$M)"), AnnexBColumn::Cash.provenance(), lang),
        ],
        rows,
        total: Some(PrintedRow {
            testid: "cohort-total".to_string(),
            heading: TOTAL.get(lang).to_string(),
            cells: columns.iter().map(|&column| cell(Printed::CohortTotal(column), data, lang)).collect(),
            warn: false,
        }),
        note: None,
    }
}

const ANNEX_A_COLUMNS: [AnnexAColumn; 4] =
    [AnnexAColumn::Proposed, AnnexAColumn::ApprovedPrior, AnnexAColumn::Difference, AnnexAColumn::DifferencePct];

/// Annex A: the allocation by expenditure category, as printed.
pub fn annex_a(data: &Dataset, lang: Lang) -> PrintedTable {
    let rows = data
        .categories
        .iter()
        .map(|category| PrintedRow {
            testid: format!("annex-a-row-{}", category.id),
            heading: format!("{}. {}", category.id, lang.pick(&category.name_zh, &category.name_en)),
            cells: ANNEX_A_COLUMNS
                .iter()
                .map(|&column| cell(Printed::Category { id: category.id, column }, data, lang))
                .collect(),
            warn: false,
        })
        .collect();
    let labels = [
        l("2018-19 建議（百萬元）", "2018-19 proposed (HK$M)"),
        l("2017-18 核准（百萬元）", "2017-18 approved (HK$M)"),
        l("差額（百萬元）", "Difference (HK$M)"),
        l("差額百分比", "Difference (%)"),
    ];
    let mut columns = vec![row_heading_column(l("開支類別", "Category"), lang)];
    columns.extend(labels.into_iter().zip(ANNEX_A_COLUMNS).map(|(label, c)| column(label, c.provenance(), lang)));
    PrintedTable {
        title: l("按開支類別劃分的整體撥款", "Block allocation by expenditure category").get(lang).to_string(),
        title_mark: None,
        columns,
        rows,
        total: Some(PrintedRow {
            testid: "annex-a-total".to_string(),
            heading: TOTAL.get(lang).to_string(),
            cells: ANNEX_A_COLUMNS.iter().map(|&column| cell(Printed::CategoryTotal(column), data, lang)).collect(),
            warn: false,
        }),
        note: None,
    }
}

/// The chart beside Annex A: each category's 2018-19 and 2017-18 amounts.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnexAChart {
    pub title: String,
    pub description: String,
    pub groups: Vec<String>,
    pub series: Vec<Series>,
}

pub fn annex_a_chart(data: &Dataset, lang: Lang) -> AnnexAChart {
    AnnexAChart {
        title: l("開支類別：2018-19 與 2017-18", "Categories: 2018-19 against 2017-18").get(lang).to_string(),
        description: l(
            "每個開支類別的 2018-19 建議撥款（實心）及 2017-18 核准撥款（斜線），單位百萬元；數字見左表（附件 A）。",
            "Each category's 2018-19 proposed amount (solid) and 2017-18 approved amount (hatched), HK$ million; the table gives the figures (Annex A).",
        )
        .get(lang)
        .to_string(),
        groups: data.categories.iter().map(|c| lang.pick(&c.name_zh, &c.name_en).to_string()).collect(),
        series: vec![
            Series::figures(
                l("2018-19 建議", "2018-19 proposed").get(lang).to_string(),
                &annex_a_column(data, AnnexAColumn::Proposed),
                lang,
            ),
            Series::figures(
                l("2017-18 核准", "2017-18 approved").get(lang).to_string(),
                &annex_a_column(data, AnnexAColumn::ApprovedPrior),
                lang,
            ),
        ],
    }
}

/// A column of Annex A's categories as the paper prints them, one figure a category.
fn annex_a_column(data: &Dataset, column: AnnexAColumn) -> Vec<crate::provenance::Figure> {
    data.categories.iter().filter_map(|c| Printed::Category { id: c.id, column }.figure(data)).collect()
}

/// Para 5: the performance reported in 2016's post-implementation returns.
pub fn performance(data: &Dataset, lang: Lang) -> PrintedTable {
    let returns = Printed::Returns.figure(data);
    let count = returns.as_ref().map(|f| f.text(lang)).unwrap_or_default();
    let columns = [Para5Column::Met, Para5Column::NotMet, Para5Column::RatePct];
    let rows = Indicator::ALL
        .into_iter()
        .map(|indicator| PrintedRow {
            testid: format!("para5-{}", indicator.key()),
            heading: indicator_label(indicator).get(lang).to_string(),
            cells: columns.iter().map(|&column| cell(Printed::Performance { indicator, column }, data, lang)).collect(),
            warn: indicator == Indicator::Schedule,
        })
        .collect();
    PrintedTable {
        title: match lang {
            Lang::Zh => format!("2016 年 {count} 份「項目推行後部門報表」所匯報的表現"),
            Lang::En => format!("Performance reported in 2016's {count} post-implementation departmental returns"),
        },
        title_mark: returns.map(|f| f.provenance().clone()),
        columns: vec![
            row_heading_column(l("表現指標", "Indicator"), lang),
            column(l("達標", "Met"), Para5Column::Met.provenance(), lang),
            column(l("未達標", "Not met"), Para5Column::NotMet.provenance(), lang),
            column(l("達標率", "Rate"), Para5Column::RatePct.provenance(), lang),
        ],
        rows,
        total: None,
        note: data
            .facts
            .get("para5.schedule.note")
            .map(|note| format!("{}{}", l("註：", "Note: ").get(lang), lang.pick(&note.label_zh, &note.label_en))),
    }
}

fn indicator_label(indicator: Indicator) -> Label {
    match indicator {
        Indicator::Budget => l("按財政預算完成", "Completed within budget"),
        Indicator::Specification => l("符合協定規格", "Met agreed specifications"),
        Indicator::Schedule => l("依期完成", "Completed on schedule"),
        Indicator::Benefits => l("取得預期效益", "Achieved expected benefits"),
    }
}

// ---------------------------------------------------------------------------------
// The thresholds (para 2)
// ---------------------------------------------------------------------------------

/// A row of the thresholds table: the cost band (with the paper's words for it) and
/// who approves and pays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThresholdRow {
    pub cost: Marked,
    pub approval: String,
}

pub const THRESHOLDS: Label = l("審批門檻", "Approval thresholds");
pub const COST_COLUMN: Label = l("每項計劃所需費用", "Cost of each project");
pub const APPROVAL_COLUMN: Label = l("審批及撥款", "Approval and funding");

pub fn thresholds(data: &Dataset, lang: Lang) -> Vec<ThresholdRow> {
    // Para 2's thresholds as the paper prints them (HK$0.2M, HK$10M); the dataset's
    // own amounts, to one decimal, only if it lacks them.
    let floor = Printed::Floor.text_with_unit_or(data, data.floor, lang);
    let ceiling = Printed::Ceiling.text_with_unit_or(data, data.ceiling, lang);
    let mark = |printed: Printed| printed.figure(data).map(|f| f.provenance().clone());
    let zh = lang == Lang::Zh;
    vec![
        ThresholdRow {
            cost: Marked::text(if zh { format!("不超過 {floor}") } else { format!("Up to {floor}") }, mark(Printed::Floor)),
            approval: l("由局／部門批准，從其運作開支撥款", "Approved by the bureau or department; paid from its operating expenditure")
                .get(lang)
                .to_string(),
        },
        ThresholdRow {
            cost: Marked::text(
                if zh { format!("{floor}以上至 {ceiling}") } else { format!("Over {floor} up to {ceiling}") },
                mark(Printed::DelegatedLimit),
            ),
            approval: l(
                "政府資訊科技總監獲轉授權力批准，由總目 710 分目 A007GX 整體撥款支付",
                "Approved by the Government Chief Information Officer under delegated authority; paid from the block allocation, Head 710 Subhead A007GX",
            )
            .get(lang)
            .to_string(),
        },
        ThresholdRow {
            cost: Marked::text(if zh { format!("超過 {ceiling}") } else { format!("Over {ceiling}") }, mark(Printed::Ceiling)),
            approval: l(
                "須獲立法會財務委員會批准，由總目 710 個別分目支付",
                "Needs approval by the Legislative Council's Finance Committee; paid from its own subhead of Head 710",
            )
            .get(lang)
            .to_string(),
        },
    ]
}

// ---------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------

pub const FINDINGS: Label = l("值得提問的發現", "Findings worth asking about");
pub const FINDINGS_NOTE: Label = l(
    "以下數字大多由本工具根據文件的資料推算，並非文件原文（標記「模型」，可查看推算方法）；文件所載的數字在句中標明出處。每個連結開啟的正是句中所數的項目。",
    "Most of these figures are worked out by blockvote from the paper's data, not stated in the paper (marked “model”; the mark says how); a figure the paper prints is marked with its place in the sentence. Each link opens exactly the projects the sentence counts.",
);
pub const TOP_DEPARTMENTS: Label = l("新項目預算最多的部門", "Departments with the most new spending");

/// A link to rows of the projects table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RowsLink {
    pub text: String,
    pub href: String,
    /// How many projects it opens.
    pub count: usize,
}

fn rows_link(ids: &[u16], lang: Lang) -> RowsLink {
    let count = ids.len();
    RowsLink {
        text: match lang {
            Lang::Zh => format!("查看這 {count} 個項目"),
            Lang::En => format!("show these {count} projects"),
        },
        href: ids_link(ids, lang),
        count,
    }
}

/// All the new projects: the table without a filter.
fn all_projects_link(count: usize, lang: Lang) -> RowsLink {
    RowsLink {
        text: match lang {
            Lang::Zh => format!("查看全部 {count} 個項目"),
            Lang::En => format!("show all {count} projects"),
        },
        href: fragment_for(View::Projects, lang, &[]),
        count,
    }
}

/// A finding: its sentence (each figure the paper prints in it marked with its place,
/// through `Printed::figure`), the marks of the model's bases it rests on, and its
/// links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub testid: &'static str,
    pub text: Sentence,
    pub marks: Vec<Provenance>,
    pub links: Vec<RowsLink>,
}

/// A department among those with the most new spending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopDepartment {
    pub text: String,
    pub link: RowsLink,
}

/// A finding's sentence of words alone: every figure in it is the model's, marked
/// after the sentence.
fn words(text: String) -> Sentence {
    Sentence(vec![Part::Text(text)])
}

pub fn findings_list(data: &Dataset, lang: Lang) -> Vec<Finding> {
    let found = findings(data);
    let zh = lang == Lang::Zh;
    let mut list: Vec<Finding> = ceiling_finding(data, &found, lang).into_iter().collect();
    list.extend(commitment_finding(data, &found, lang));
    list.extend(lateness_finding(data, &found, lang));
    let long = found.long_projects.len();
    list.push(Finding {
        testid: "finding-long",
        text: words(if zh {
            format!("{long} 個項目為期四年或以上（開展至完成 {LONG_PROJECT_QUARTERS} 季或以上，包括首尾），最長的為 {} 季。", found.longest_quarters)
        } else {
            format!(
                "{long} projects run four years or more ({LONG_PROJECT_QUARTERS} quarters or more from start to completion, both included); the longest runs {} quarters.",
                found.longest_quarters
            )
        }),
        marks: vec![ANNEX_C_SUMS],
        links: vec![rows_link(&found.long_projects, lang)],
    });
    let completing = found.completing_in_budget_year.len();
    list.push(Finding {
        testid: "finding-completing",
        text: words(if zh {
            format!("{completing} 個項目預計在 2018-19 年度內完成。")
        } else {
            format!("{completing} projects are due to complete within 2018-19.")
        }),
        marks: vec![ANNEX_C_SUMS],
        links: vec![rows_link(&found.completing_in_budget_year, lang)],
    });
    for (theme, testid) in [(Theme::ItSecurity, "finding-security"), (Theme::TechnologyRefresh, "finding-refresh")] {
        let Some(share) = found.themes.iter().find(|t| t.theme == theme) else { continue };
        let (n, amount, pct) = (share.projects, millions(share.total), format_decimal(share.budget_percent, 1));
        let text = match (lang, theme) {
            (Lang::Zh, _) => {
                format!("「{}」項目 {n} 個，預算 {amount} 百萬元，佔新項目預算 {pct}%。", theme_name(theme).zh)
            }
            (Lang::En, Theme::ItSecurity) => {
                format!("{n} projects are about IT security: HK${amount}M, {pct}% of the new projects' budget.")
            }
            (Lang::En, _) => {
                format!("{n} projects are technology refreshes: HK${amount}M, {pct}% of the new projects' budget.")
            }
        };
        list.push(Finding {
            testid,
            text: words(text),
            marks: vec![Provenance::Model(Basis::ThemeKeywords)],
            links: vec![rows_link(&share.project_ids, lang)],
        });
    }
    list
}

/// The bunching under the ceiling: the projects at the top budget, with their own
/// link, and those near the ceiling (the model's one definition), with theirs. Each
/// figure is marked where it stands (audit 29: two marks after the sentence left the
/// reader to guess which figure para 2's was, and Annex C's top budget had none): the
/// top budget as Annex C prints it, the ceiling as para 2 prints it, the counts and
/// the total as the model's sums of Annex C. The band's edges are the model's
/// definition, said in words.
fn ceiling_finding(data: &Dataset, found: &Findings, lang: Lang) -> Option<Finding> {
    let (_, at_top) = &found.at_top_budget;
    let top = Printed::TopProjectBudget.figure(data)?;
    let ceiling_printed = Printed::Ceiling.figure(data)?;
    let sum = |value| Figure::model(value, Basis::Arithmetic(PaperPlace::AnnexC));
    let count = |n: usize| sum(Value::Count(u64::try_from(n).unwrap_or(u64::MAX)));
    let (n_top, n_near) = (count(at_top.len()), count(found.near_ceiling.len()));
    let near_total = sum(Value::Millions(found.near_ceiling_total));
    let edge = millions(blockvote_model::findings::near_ceiling_edge(data.ceiling));
    let ceiling = millions(data.ceiling);
    let template = match lang {
        Lang::Zh => format!(
            "{{}} 個項目的預算正好是 {{$}}，即低於須提交財委會審批的 {{$}}上限一步之遙；在上限之下 0.5 百萬元之內（超過 {edge} 百萬元而不多於 {ceiling} 百萬元）的共有 {{}} 個，合共 {{$}}。"
        ),
        Lang::En => format!(
            "{{}} projects are budgeted at exactly {{$}}, one step below the {{$}} above which Finance Committee approval is needed; {{}} lie within HK$0.5M below the ceiling (over HK${edge}M, up to and including HK${ceiling}M), {{$}} in all."
        ),
    };
    let near = RowsLink {
        text: match lang {
            Lang::Zh => format!("查看上限附近的 {} 個項目", found.near_ceiling.len()),
            Lang::En => format!("show the {} near the ceiling", found.near_ceiling.len()),
        },
        ..rows_link(&found.near_ceiling, lang)
    };
    Some(Finding {
        testid: "finding-ceiling",
        text: Sentence::fill(&template, [n_top, top, ceiling_printed, n_near, near_total]),
        marks: Vec::new(),
        links: vec![rows_link(at_top, lang), near],
    })
}

/// What the new projects commit beyond 2018-19: Annex C's budgets less Annex B's cash.
/// Each figure is marked where it stands: Annex B's cash for the new projects as the
/// paper's, the budgets' total as the model's sum of Annex C, and the share and the
/// rest as the model's arithmetic on Annex C's budgets and Annex B's cash (two marks side by side after the
/// sentence read as one figure marked twice).
fn commitment_finding(data: &Dataset, found: &Findings, lang: Lang) -> Option<Finding> {
    let cash = Printed::Cohort { cohort: CohortId::New, column: AnnexBColumn::Cash }.figure(data)?;
    // Both need Annex C's budgets, which Annex B does not print.
    let on_annex_c_and_b = || Basis::ArithmeticAcross(PaperPlace::AnnexC, PaperPlace::AnnexB);
    let share = Figure::model(Value::Percent(found.budget_year_cash_percent?), on_annex_c_and_b());
    let beyond = Figure::model(Value::Millions(found.committed_beyond_budget_year?), on_annex_c_and_b());
    let total = Figure::model(Value::Millions(found.total_budget), Basis::Arithmetic(PaperPlace::AnnexC));
    let count = found.project_count;
    let template = match lang {
        Lang::Zh => format!(
            "{count} 個新項目的預算合共 {{$}}，但附件 B 只為它們預留 2018-19 年度 {{$}}（{{}}）；其餘 {{$}}是往後年度的承擔。"
        ),
        Lang::En => format!(
            "The {count} new projects are budgeted at {{$}} in all, but Annex B provides {{$}} for them in 2018-19 ({{}}); the other {{$}} is committed to later years."
        ),
    };
    Some(Finding {
        testid: "finding-commitment",
        text: Sentence::fill(&template, [total, cash, share, beyond]),
        marks: Vec::new(),
        links: vec![all_projects_link(count, lang)],
    })
}

/// Para 5's 2016 record applied to the new projects as an expected value. Para 5's
/// figures are the paper's, cited in place, and its counts are of returns
/// (「項目推行後部門報表」), not projects; the expected figures are the model's.
fn lateness_finding(data: &Dataset, found: &Findings, lang: Lang) -> Option<Finding> {
    let schedule = |column| Printed::Performance { indicator: Indicator::Schedule, column }.figure(data);
    let rate = schedule(Para5Column::RatePct)?;
    let late = schedule(Para5Column::NotMet)?;
    let returns = Printed::Returns.figure(data)?;
    let projects = format_decimal(found.expected_late_projects?, 0);
    let budget = millions(found.expected_late_budget?);
    let count = found.project_count;
    let text = match lang {
        Lang::Zh => Sentence::fill(
            &format!(
                "按第 5 段 2016 年的依期完成率（{{}}，{{}} 份報表中有 {{}} 份未能依期完成），{count} 個新項目預計約有 {projects} 個會延誤，涉及預算約 {budget} 百萬元。"
            ),
            [rate, returns, late],
        ),
        Lang::En => Sentence::fill(
            &format!(
                "At para 5's 2016 on-time rate ({{}}: {{}} of {{}} returns late), about {projects} of the {count} new projects would be late, carrying about HK${budget}M of budget."
            ),
            [rate, late, returns],
        ),
    };
    Some(Finding {
        testid: "finding-late",
        text,
        marks: vec![Provenance::Model(Basis::Para5Record)],
        links: vec![all_projects_link(count, lang)],
    })
}

/// The departments with the most new spending, each linking to its projects.
pub fn top_departments(data: &Dataset, lang: Lang) -> Vec<TopDepartment> {
    findings(data)
        .top_departments
        .into_iter()
        .map(|d| {
            let order = data.departments.get(d.department).map(|x| x.order).unwrap_or(0);
            TopDepartment {
                text: format!(
                    "{} — {} ({})",
                    department_name(data, d.department, lang),
                    money_with_unit(d.total, lang),
                    projects_count(d.projects, lang)
                ),
                link: RowsLink {
                    text: l("查看", "show").get(lang).to_string(),
                    href: fragment_for(View::Projects, lang, &[("dept".to_string(), order.to_string())]),
                    count: d.projects,
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::{param, route};
    use crate::screens::projects::filters::parse_ids;

    fn paper() -> Dataset {
        Dataset::paper().unwrap_or_else(|_| Dataset::empty())
    }

    /// A finding as a member reads it: its sentence, its marks, and each link's words
    /// with the number of projects its address opens.
    #[track_caller]
    fn check(testid: &str, lang: Lang, expected: &str) {
        let data = paper();
        let finding = findings_list(&data, lang).into_iter().find(|f| f.testid == testid);
        let shown = finding.map(|f| {
            let marks: Vec<String> = f.marks.iter().map(|m| m.mark(lang)).collect();
            let text = f.text.read(lang);
            let links: Vec<String> = f
                .links
                .iter()
                .map(|link| {
                    let opened = param(&route(&link.href).params, "ids").map_or(254, |ids| parse_ids(&ids).ids.len());
                    format!("{} → {opened}", link.text)
                })
                .collect();
            let marks = if marks.is_empty() { String::new() } else { format!(" [{}]", marks.join(", ")) };
            format!("{text}{marks} {}", links.join(" | "))
        });
        assert_eq!(shown.as_deref(), Some(expected));
    }

    #[test]
    fn the_ceiling_finding_opens_exactly_the_projects_it_counts() {
        check(
            "finding-ceiling",
            Lang::En,
            "35 [model] projects are budgeted at exactly HK$9.9M [Annex C], one step below the HK$10M [para 2] above which Finance Committee approval is needed; 59 [model] lie within HK$0.5M below the ceiling (over HK$9.5M, up to and including HK$10.0M), HK$580.2M [model] in all. show these 35 projects → 35 | show the 59 near the ceiling → 59",
        );
        check(
            "finding-ceiling",
            Lang::Zh,
            "35 [模型] 個項目的預算正好是 9.9 百萬元 [附件 C]，即低於須提交財委會審批的 10 百萬元 [第 2 段]上限一步之遙；在上限之下 0.5 百萬元之內（超過 9.5 百萬元而不多於 10.0 百萬元）的共有 59 [模型] 個，合共 580.2 百萬元 [模型]。 查看這 35 個項目 → 35 | 查看上限附近的 59 個項目 → 59",
        );
        let data = paper();
        let found = findings(&data);
        let at_top = ids_link(&found.at_top_budget.1, Lang::En);
        assert!(data
            .projects
            .iter()
            .filter(|p| at_top.contains(&format!(",{},", p.id)))
            .all(|p| p.budget.format(1) == "9.9"));
    }

    #[test]
    fn every_finding_takes_its_figures_from_the_data_and_says_whose_they_are() {
        check(
            "finding-commitment",
            Lang::En,
            "The 254 new projects are budgeted at HK$1,527.7M [model] in all, but Annex B provides HK$243M [Annex B] for them in 2018-19 (15.9% [model]); the other HK$1,284.7M [model] is committed to later years. show all 254 projects → 254",
        );
        check(
            "finding-commitment",
            Lang::Zh,
            "254 個新項目的預算合共 1,527.7 百萬元 [模型]，但附件 B 只為它們預留 2018-19 年度 243 百萬元 [附件 B]（15.9% [模型]）；其餘 1,284.7 百萬元 [模型]是往後年度的承擔。 查看全部 254 個項目 → 254",
        );
        check(
            "finding-late",
            Lang::En,
            "At para 5's 2016 on-time rate (67.1% [para 5]: 69 [para 5] of 210 [para 5] returns late), about 83 of the 254 new projects would be late, carrying about HK$502.0M of budget. [model] show all 254 projects → 254",
        );
        check(
            "finding-late",
            Lang::Zh,
            "按第 5 段 2016 年的依期完成率（67.1% [第 5 段]，210 [第 5 段] 份報表中有 69 [第 5 段] 份未能依期完成），254 個新項目預計約有 83 個會延誤，涉及預算約 502.0 百萬元。 [模型] 查看全部 254 個項目 → 254",
        );
        check("finding-completing", Lang::Zh, "37 個項目預計在 2018-19 年度內完成。 [模型] 查看這 37 個項目 → 37");
        check(
            "finding-security",
            Lang::En,
            "45 projects are about IT security: HK$164.9M, 10.8% of the new projects' budget. [model] show these 45 projects → 45",
        );
    }

    #[test]
    fn the_printed_tables_are_the_paper_s() {
        let data = paper();
        let shown = |table: PrintedTable, lang| {
            let rows: Vec<String> = table
                .rows
                .iter()
                .chain(table.total.as_ref())
                .map(|r| {
                    format!("{}: {}", r.heading, r.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" "))
                })
                .collect();
            let marks: Vec<String> =
                table.columns.iter().filter_map(|c| c.mark.as_ref()).map(|m| m.mark(lang)).collect();
            format!("{} [{}] {}", table.title, marks.join(" "), rows.join("; "))
        };
        assert_eq!(
            shown(annex_b(&data, Lang::En), Lang::En),
            "2018-19 cash flow by cohort [Annex B Annex B] Projects started in or before 2017-18 and projects to be started in 2017-18: 541 817; New projects to be started in 2018-19: 254 243; Total: 795 1,060"
        );
        assert_eq!(
            shown(annex_a(&data, Lang::Zh), Lang::Zh),
            "按開支類別劃分的整體撥款 [附件 A 附件 A 附件 A 附件 A] 1. 硬件: 238 202 +36 +17.8%; 2. 軟件: 166 151 +15 +9.9%; 3. 推行服務: 373 363 +10 +2.8%; 4. 合約員工: 166 161 +5 +3.1%; 5. 應急費用: 67 66 +1 +1.5%; 6. 其他: 50 47 +3 +6.4%; 總計: 1,060 990 +70 +7.1%"
        );
        assert_eq!(
            shown(performance(&data, Lang::En), Lang::En),
            "Performance reported in 2016's 210 post-implementation departmental returns [para 5 para 5 para 5] Completed within budget: 210 0 100.0%; Met agreed specifications: 210 0 100.0%; Completed on schedule: 141 69 67.1%; Achieved expected benefits: 206 4 98.1%"
        );
        let head = headline(&data, Lang::En);
        let marked = |m: Option<Marked>| {
            m.map(|m| format!("{} [{}]", m.text, m.mark.map(|p| p.mark(Lang::En)).unwrap_or_default()))
        };
        assert_eq!(
            [marked(head.allocation), marked(head.prior), marked(head.change)],
            [
                Some("about HK$1,060M [para 6]".to_string()),
                Some("HK$990M [para 6]".to_string()),
                Some("about +HK$70M (about +7.1%) [para 6]".to_string())
            ]
        );
        let rows: Vec<String> = thresholds(&data, Lang::Zh)
            .into_iter()
            .map(|r| format!("{} [{}]", r.cost.text, r.cost.mark.map(|m| m.mark(Lang::Zh)).unwrap_or_default()))
            .collect();
        assert_eq!(
            rows,
            ["不超過 0.2 百萬元 [第 2 段]", "0.2 百萬元以上至 10 百萬元 [第 2 段]", "超過 10 百萬元 [第 2 段]"]
        );
        let words = thresholds(&data, Lang::En)
            .into_iter()
            .filter_map(|r| r.cost.mark)
            .map(|m| m.explanation(Lang::Zh))
            .collect::<Vec<_>>();
        assert!(words.iter().all(|w| w.starts_with("第 2 段：「(")), "{words:?}");
    }

    #[test]
    fn top_departments_link_to_their_projects() {
        let data = paper();
        let top = top_departments(&data, Lang::En);
        assert_eq!(top.first().map(|d| d.text.as_str()), Some("Inland Revenue Department — HK$79.1M (10 projects)"));
        assert_eq!(top.first().map(|d| d.link.href.as_str()), Some("#view=projects&lang=en&dept=39"));
    }
}
