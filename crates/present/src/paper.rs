//! The figures the paper prints, by name. This is the one place a figure is cited as
//! the paper's (see `provenance.rs`): [`Printed::figure`] reads the value from the
//! dataset and pairs it with the paper's place and words for it, so the value and the
//! citation cannot disagree, and nothing the paper does not print can be cited.
//!
//! The words are the paper's own, verbatim: the row and column headings of para 5's
//! table and of Annex A, B and C as printed (joined by "——", one heading after the
//! other), and for the paragraphs the paper's sentence. The English beside them is
//! blockvote's faithful rendering. A test checks every Chinese quote against the
//! paper's text (`data/paper-zh.txt`, the text extracted from the Chinese PDF).

use crate::format::money_with_unit;
use crate::lang::{Bilingual, Lang};
use crate::provenance::{Citation, Figure, PaperPlace, Printing, Provenance, Value};
use blockvote_model::{CohortId, Dataset, Money, ProjectsOrigin, ThemeSource};

/// A column of Annex A.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnnexAColumn {
    /// 2018-19 建議整體撥款 (百萬元).
    Proposed,
    /// 2017-18 核准整體撥款 (百萬元).
    ApprovedPrior,
    /// 差額 (百萬元).
    Difference,
    /// 差額百分比 (%).
    DifferencePct,
}

impl AnnexAColumn {
    /// The column's headings as printed, top row first (the year stands above the
    /// words in Annex A's two-row heading).
    fn heading(self) -> Vec<Bilingual> {
        match self {
            AnnexAColumn::Proposed => vec![
                Bilingual::new("2018-19", "2018-19"),
                Bilingual::new("建議整體撥款 (百萬元)", "proposed block allocation (HK$M)"),
            ],
            AnnexAColumn::ApprovedPrior => vec![
                Bilingual::new("2017-18", "2017-18"),
                Bilingual::new("核准整體撥款 (百萬元)", "approved block allocation (HK$M)"),
            ],
            AnnexAColumn::Difference => vec![Bilingual::new("差額 (百萬元)", "Difference (HK$M)")],
            AnnexAColumn::DifferencePct => vec![Bilingual::new("差額百分比 (%)", "Percentage difference (%)")],
        }
    }

    /// The provenance of the whole column, for the mark in a table's column heading.
    pub fn provenance(self) -> Provenance {
        column_provenance(PaperPlace::AnnexA, self.heading(), self.printing())
    }

    /// How Annex A prints the column: whole HK$ millions (`238`, `+36`), percentages
    /// to one decimal (`+17.8`).
    fn printing(self) -> Printing {
        match self {
            AnnexAColumn::Proposed | AnnexAColumn::ApprovedPrior | AnnexAColumn::Difference => WHOLE,
            AnnexAColumn::DifferencePct => ONE_DECIMAL,
        }
    }
}

/// A column of Annex B.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnnexBColumn {
    /// 項目數量.
    Projects,
    /// 2018-19 年度暫定所需的現金流量 (百萬元).
    Cash,
}

impl AnnexBColumn {
    fn heading(self) -> Vec<Bilingual> {
        match self {
            AnnexBColumn::Projects => vec![Bilingual::new("項目數量", "Number of projects")],
            AnnexBColumn::Cash => vec![Bilingual::new(
                "2018-19 年度暫定所需的現金流量 (百萬元)",
                "Provisional cash flow requirement for 2018-19 (HK$M)",
            )],
        }
    }

    /// The provenance of the whole column, for the mark in a table's column heading.
    pub fn provenance(self) -> Provenance {
        column_provenance(PaperPlace::AnnexB, self.heading(), WHOLE)
    }
}

/// A column of Annex C.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnnexCColumn {
    /// 項目預算 (百萬元).
    Budget,
    /// 預計開展日期 (2018-19 年度).
    Start,
    /// 預計完成日期.
    Completion,
}

impl AnnexCColumn {
    fn heading(self) -> Bilingual {
        match self {
            AnnexCColumn::Budget => Bilingual::new("項目預算 (百萬元)", "Project budget (HK$M)"),
            AnnexCColumn::Start => Bilingual::new("預計開展日期 (2018-19 年度)", "Expected start date (2018-19)"),
            AnnexCColumn::Completion => Bilingual::new("預計完成日期", "Expected completion date"),
        }
    }

    /// The provenance of a whole column of Annex C, for the mark in a table's column
    /// heading: every cell below it is the paper's figure, cited once. `None` for
    /// projects the member imported, which are not the paper's.
    pub fn provenance(self, data: &Dataset) -> Option<Provenance> {
        (data.projects_origin == ProjectsOrigin::Paper)
            .then(|| column_provenance(PaperPlace::AnnexC, vec![self.heading()], ONE_DECIMAL))
    }
}

/// An indicator of para 5's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Indicator {
    Budget,
    Specification,
    Schedule,
    Benefits,
}

impl Indicator {
    /// The indicator's row heading in para 5's table.
    fn heading(self) -> Bilingual {
        match self {
            Indicator::Budget => Bilingual::new("按財政預算完成", "Completed within budget"),
            Indicator::Specification => Bilingual::new("符合協定規格", "Met agreed specifications"),
            Indicator::Schedule => Bilingual::new("依期完成", "Completed on schedule"),
            Indicator::Benefits => Bilingual::new("取得預期效益", "Achieved expected benefits"),
        }
    }

    pub const ALL: [Indicator; 4] =
        [Indicator::Budget, Indicator::Specification, Indicator::Schedule, Indicator::Benefits];

    /// The key of the indicator in `data/facts.csv` (`para5.<key>.met`).
    pub fn key(self) -> &'static str {
        match self {
            Indicator::Budget => "budget",
            Indicator::Specification => "specification",
            Indicator::Schedule => "schedule",
            Indicator::Benefits => "benefits",
        }
    }
}

/// A column of para 5's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Para5Column {
    Met,
    NotMet,
    RatePct,
}

impl Para5Column {
    /// The column's headings as printed: "met" and "not met" stand under the heading
    /// for the number of returns.
    fn heading(self) -> Vec<Bilingual> {
        let returns =
            Bilingual::new("「項目推行後部門報表」數目", "Number of post-implementation departmental returns");
        match self {
            Para5Column::Met => vec![returns, Bilingual::new("達標", "met")],
            Para5Column::NotMet => vec![returns, Bilingual::new("未達標", "not met")],
            Para5Column::RatePct => vec![Bilingual::new("達標率", "Rate met")],
        }
    }

    /// The provenance of the whole column, for the mark in a table's column heading.
    pub fn provenance(self) -> Provenance {
        column_provenance(PaperPlace::Para(5), self.heading(), ONE_DECIMAL)
    }

    fn key(self) -> &'static str {
        match self {
            Para5Column::Met => "met",
            Para5Column::NotMet => "not_met",
            Para5Column::RatePct => "rate_pct",
        }
    }
}

/// A figure the paper prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Printed {
    /// Para 6: the 2018-19 block allocation, about HK$1,060M.
    AllocationProposed,
    /// Para 6: the 2017-18 allocation, HK$990M.
    AllocationPrior,
    /// Para 6: the increase, about HK$70M.
    AllocationIncrease,
    /// Para 6: the increase, about 7.1%.
    AllocationIncreasePct,
    /// A cell of Annex A.
    Category { id: u8, column: AnnexAColumn },
    /// Annex A's total row.
    CategoryTotal(AnnexAColumn),
    /// A cell of Annex B.
    Cohort { cohort: CohortId, column: AnnexBColumn },
    /// Annex B's total row.
    CohortTotal(AnnexBColumn),
    /// A cell of para 5's table.
    Performance { indicator: Indicator, column: Para5Column },
    /// Para 5: the number of post-implementation departmental returns (210).
    Returns,
    /// Para 2 (a)(i): the ceiling above which the Finance Committee approves (HK$10M).
    Ceiling,
    /// Para 2 (a)(ii): the band the block allocation pays for, over the floor up to the
    /// ceiling; its figure is the ceiling (HK$10M), up to which the Government Chief
    /// Information Officer approves under delegated authority.
    DelegatedLimit,
    /// Para 2 (b): the floor at or below which the department approves (HK$0.2M).
    Floor,
    /// Para 7: the number of new projects in Annex C (254).
    NewProjectCount,
    /// Para 7: a project the paper names as an example of a theme; the figure is the
    /// theme.
    ThemeExample(u16),
    /// Annex C: a project's budget.
    ProjectBudget(u16),
    /// Annex C: the largest budget, which the paper prints for every project at it (35
    /// projects at HK$9.9M): cited by its column, since no one cell holds what a
    /// sentence about all of them says (audit 35 found it cited as No. 14's cell).
    TopProjectBudget,
    /// Annex C: a project's expected start.
    ProjectStart(u16),
    /// Annex C: a project's expected completion.
    ProjectCompletion(u16),
    /// Annex C: a project's expected start and completion, side by side.
    ProjectSchedule(u16),
}

impl Printed {
    /// The figure, read from `data`, with its citation; `None` if the dataset does not
    /// hold it, or if it is an Annex C figure of projects the member imported (those
    /// are not the paper's).
    pub fn figure(self, data: &Dataset) -> Option<Figure> {
        let (value, place, words) = self.read(data)?;
        Some(Figure::printed(value, Citation::new(place, words, self.printing())))
    }

    /// The figure as the paper prints it, cited, when `worked_out` is the same amount
    /// or count (blockvote's sum of Annex C's 254 projects is para 7's 254); else
    /// `worked_out`. The values are compared, not the texts, because the paper prints
    /// some figures with fewer decimals than blockvote writes (`1,060`, `1,060.0`).
    pub fn or_worked_out(self, data: &Dataset, worked_out: Figure) -> Figure {
        match self.figure(data) {
            Some(printed) if printed.value() == worked_out.value() => printed,
            _ => worked_out,
        }
    }

    /// The figure with its unit as the paper prints it (`HK$10M`, `HK$0.2M`), for a
    /// sentence that names it; `amount`, to one decimal, when `data` does not hold the
    /// printed figure.
    pub fn text_with_unit_or(self, data: &Dataset, amount: Money, lang: Lang) -> String {
        self.figure(data).map_or_else(|| money_with_unit(amount, lang), |figure| figure.text_with_unit(lang))
    }

    /// How the paper prints the figure, read off the paper itself: para 6 in whole
    /// millions and "about" (「約為 10 億 6,000 萬元」, 「增加約 7,000 萬元（約 7.1%）」;
    /// the 2017-18 allocation, 「9 億 9,000 萬元」, without it), Annex A and Annex B in
    /// whole HK$ millions (`238 202 +36`, `541 817`) with percentages to one decimal
    /// (`+17.8`), para 2's ceiling as 1,000 萬元 (HK$10M) and its floor as 20 萬元
    /// (HK$0.2M), para 5's rates and Annex C's budgets to one decimal (`67.1%`, `6.6`).
    /// Counts, quarters and themes have no decimals to print.
    fn printing(self) -> Printing {
        match self {
            Printed::AllocationProposed | Printed::AllocationIncrease => Printing::new(0, true),
            Printed::AllocationIncreasePct => Printing::new(1, true),
            Printed::AllocationPrior => WHOLE,
            Printed::Category { column, .. } | Printed::CategoryTotal(column) => column.printing(),
            Printed::Cohort { .. } | Printed::CohortTotal(_) => WHOLE,
            Printed::Ceiling | Printed::DelegatedLimit => WHOLE,
            Printed::Floor => ONE_DECIMAL,
            Printed::Performance { .. } => ONE_DECIMAL,
            Printed::ProjectBudget(_) | Printed::TopProjectBudget => ONE_DECIMAL,
            Printed::Returns
            | Printed::NewProjectCount
            | Printed::ThemeExample(_)
            | Printed::ProjectStart(_)
            | Printed::ProjectCompletion(_)
            | Printed::ProjectSchedule(_) => WHOLE,
        }
    }

    fn read(self, data: &Dataset) -> Option<(Value, PaperPlace, Bilingual)> {
        let money_fact = |key: &str| data.facts.money(key).map(Value::Millions);
        match self {
            Printed::AllocationProposed => {
                Some((money_fact("para6.allocation_2018_19_m")?, PaperPlace::Para(6), quote(self)?))
            }
            Printed::AllocationPrior => {
                Some((money_fact("para6.allocation_2017_18_m")?, PaperPlace::Para(6), quote(self)?))
            }
            Printed::AllocationIncrease => {
                Some((Value::MillionsChange(data.facts.money("para6.increase_m")?), PaperPlace::Para(6), quote(self)?))
            }
            Printed::AllocationIncreasePct => Some((
                Value::PercentChange(data.facts.decimal("para6.increase_pct")?),
                PaperPlace::Para(6),
                quote(self)?,
            )),
            Printed::Category { id, column } => {
                let category = data.categories.iter().find(|c| c.id == id)?;
                let value = match column {
                    AnnexAColumn::Proposed => Value::Millions(category.proposed),
                    AnnexAColumn::ApprovedPrior => Value::Millions(category.approved_prior),
                    AnnexAColumn::Difference => Value::MillionsChange(category.printed_difference),
                    AnnexAColumn::DifferencePct => Value::PercentChange(category.printed_difference_pct),
                };
                let row = Bilingual::new(
                    format!("{}. {}", category.id, category.name_zh),
                    format!("{}. {}", category.id, category.name_en),
                );
                Some((value, PaperPlace::AnnexA, cell_words(row, column.heading())))
            }
            Printed::CategoryTotal(column) => {
                let key = match column {
                    AnnexAColumn::Proposed => "annexA.total_2018_19_m",
                    AnnexAColumn::ApprovedPrior => "annexA.total_2017_18_m",
                    AnnexAColumn::Difference => "annexA.total_difference_m",
                    AnnexAColumn::DifferencePct => "annexA.total_difference_pct",
                };
                let value = match column {
                    AnnexAColumn::Proposed | AnnexAColumn::ApprovedPrior => Value::Millions(data.facts.money(key)?),
                    AnnexAColumn::Difference => Value::MillionsChange(data.facts.money(key)?),
                    AnnexAColumn::DifferencePct => Value::PercentChange(data.facts.decimal(key)?),
                };
                let row = Bilingual::new("總計", "Total");
                Some((value, PaperPlace::AnnexA, cell_words(row, column.heading())))
            }
            Printed::Cohort { cohort, column } => {
                let row = data.cohort(cohort)?;
                let value = match column {
                    AnnexBColumn::Projects => Value::Count(u64::from(row.project_count)),
                    AnnexBColumn::Cash => Value::Millions(row.cash_budget_year),
                };
                let name = Bilingual::new(row.name_zh.clone(), row.name_en.clone());
                Some((value, PaperPlace::AnnexB, cell_words(name, column.heading())))
            }
            Printed::CohortTotal(column) => {
                let value = match column {
                    AnnexBColumn::Projects => Value::Count(u64::from(data.facts.count("annexB.total_projects")?)),
                    AnnexBColumn::Cash => Value::Millions(data.facts.money("annexB.total_cash_m")?),
                };
                let row = Bilingual::new("總計", "Total");
                Some((value, PaperPlace::AnnexB, cell_words(row, column.heading())))
            }
            Printed::Performance { indicator, column } => {
                let key = format!("para5.{}.{}", indicator.key(), column.key());
                let value = match column {
                    Para5Column::Met | Para5Column::NotMet => Value::Count(u64::from(data.facts.count(&key)?)),
                    Para5Column::RatePct => Value::Percent(data.facts.decimal(&key)?),
                };
                Some((value, PaperPlace::Para(5), cell_words(indicator.heading(), column.heading())))
            }
            Printed::Returns => {
                Some((Value::Count(u64::from(data.facts.count("para5.reports")?)), PaperPlace::Para(5), quote(self)?))
            }
            Printed::Ceiling | Printed::DelegatedLimit => {
                Some((money_fact("threshold.ceiling_m")?, PaperPlace::Para(2), quote(self)?))
            }
            Printed::Floor => Some((money_fact("threshold.floor_m")?, PaperPlace::Para(2), quote(self)?)),
            Printed::NewProjectCount => {
                if data.projects_origin != ProjectsOrigin::Paper {
                    return None;
                }
                let count = data.facts.count("annexC.project_count")?;
                Some((Value::Count(u64::from(count)), PaperPlace::Para(7), quote(self)?))
            }
            Printed::ThemeExample(id) => {
                let project = data.project(id).filter(|_| data.projects_origin == ProjectsOrigin::Paper)?;
                let ThemeSource::Paper { example } = project.theme_source else { return None };
                let theme = project.theme;
                let example_key = format!("theme.{}.example.{example}", theme.key());
                let example_words = data.facts.get(&example_key)?;
                let numeral = roman_numeral(example);
                let words = cell_words(
                    Bilingual::new(
                        format!("({}) {}", theme.letter(), theme.name_zh()),
                        format!("({}) {}", theme.letter(), theme.name_en()),
                    ),
                    vec![Bilingual::new(
                        format!("({numeral}) {}", example_words.label_zh),
                        format!("({numeral}) {}", example_words.label_en),
                    )],
                );
                Some((Value::Theme(theme), PaperPlace::Para(7), words))
            }
            Printed::TopProjectBudget => {
                if data.projects_origin != ProjectsOrigin::Paper {
                    return None;
                }
                let top = data.projects.iter().map(|p| p.budget).max()?;
                Some((Value::Millions(top), PaperPlace::AnnexC, AnnexCColumn::Budget.heading()))
            }
            Printed::ProjectBudget(id)
            | Printed::ProjectStart(id)
            | Printed::ProjectCompletion(id)
            | Printed::ProjectSchedule(id) => {
                if data.projects_origin != ProjectsOrigin::Paper {
                    return None;
                }
                let project = data.project(id)?;
                let (value, columns) = match self {
                    Printed::ProjectBudget(_) => (Value::Millions(project.budget), vec![AnnexCColumn::Budget]),
                    Printed::ProjectStart(_) => (Value::Quarter(project.start), vec![AnnexCColumn::Start]),
                    Printed::ProjectCompletion(_) => {
                        (Value::Quarter(project.completion), vec![AnnexCColumn::Completion])
                    }
                    _ => (
                        Value::Schedule { start: project.start, completion: project.completion },
                        vec![AnnexCColumn::Start, AnnexCColumn::Completion],
                    ),
                };
                let row = Bilingual::new(
                    format!("{} {}", project.id, project.name_zh),
                    format!("{} {}", project.id, project.name_en),
                );
                let headings = columns.into_iter().map(AnnexCColumn::heading).collect();
                Some((value, PaperPlace::AnnexC, cell_words(row, headings)))
            }
        }
    }
}

/// The paper's sentence for a figure printed in a paragraph, verbatim, with
/// blockvote's English rendering; `None` for table cells and para 7's examples, which
/// are cited by their headings instead.
fn quote(printed: Printed) -> Option<Bilingual> {
    let (zh, en) = match printed {
        Printed::AllocationProposed => (
            "估計基本工程儲備基金總目 710 分目 A007GX 在 2018-19 年度所需的整體撥款額約為 10 億 6,000 萬元",
            "the block allocation required under Capital Works Reserve Fund Head 710 Subhead A007GX in 2018-19 is estimated at about HK$1,060 million",
        ),
        Printed::AllocationPrior => ("較 2017-18 年度的 9 億 9,000 萬元撥款額", "compared with the allocation of HK$990 million for 2017-18"),
        Printed::AllocationIncrease => (
            "較 2017-18 年度的 9 億 9,000 萬元撥款額增加約 7,000 萬元",
            "an increase of about HK$70 million over the allocation of HK$990 million for 2017-18",
        ),
        Printed::AllocationIncreasePct => ("增加約 7,000 萬元（約 7.1%）", "an increase of about HK$70 million (about 7.1%)"),
        Printed::Returns => (
            "2016 年的 210 份「項目推行後部門報表」所匯報的項目表現撮錄如下",
            "the performance of the projects reported in the 210 post-implementation departmental returns of 2016 is summarised below",
        ),
        Printed::Ceiling => (
            "(i) 每項需費超過 1,000 萬元的電腦化計劃－須獲立法會財務委員會（下稱「財委會」）批准，所需費用由基本工程儲備基金總目 710 項下的個別分目支付",
            "(i) computerisation projects costing over HK$10 million each: require the approval of the Finance Committee of the Legislative Council (the FC), and are funded under separate subheads of Capital Works Reserve Fund Head 710",
        ),
        Printed::DelegatedLimit => (
            "(ii) 每項需費 20 萬元以上但不超過 1,000 萬元的電腦化計劃－所需費用由基本工程儲備基金總目 710 分目 A007GX 項下的整體撥款（下稱「整體撥款」）支付。財政司司長已轉授權力予政府資訊科技總監，讓他批准這些計劃和整體撥款項下的開支",
            "(ii) computerisation projects costing over HK$200,000 but not more than HK$10 million each: funded from the block allocation under Capital Works Reserve Fund Head 710 Subhead A007GX (the block allocation). The Financial Secretary has delegated to the Government Chief Information Officer the authority to approve these projects and the spending under the block allocation",
        ),
        Printed::Floor => (
            "(b) 20 萬元或以下的電腦化計劃 由有關局／部門批准，而所需費用由政府一般收入帳目內有關局／部門的運作開支分目項下支付",
            "(b) computerisation projects of HK$200,000 or less: approved by the bureau or department concerned, and paid from its operating expenditure subheads under the General Revenue Account",
        ),
        Printed::NewProjectCount => (
            "所有將在 2018-19 年度開展的 254 項新項目載列於附件 C",
            "all the 254 new projects to start in 2018-19 are listed in Annex C",
        ),
        // Table cells and para 7's examples are cited by their headings, not by a sentence.
        Printed::Category { .. }
        | Printed::CategoryTotal(_)
        | Printed::Cohort { .. }
        | Printed::CohortTotal(_)
        | Printed::Performance { .. }
        | Printed::ThemeExample(_)
        | Printed::ProjectBudget(_)
        | Printed::TopProjectBudget
        | Printed::ProjectStart(_)
        | Printed::ProjectCompletion(_)
        | Printed::ProjectSchedule(_) => return None,
    };
    Some(Bilingual::new(zh, en))
}

/// A figure the paper prints in whole numbers and does not call approximate.
const WHOLE: Printing = Printing::new(0, false);

/// A figure the paper prints to one decimal and does not call approximate.
const ONE_DECIMAL: Printing = Printing::new(1, false);

/// `i`, `ii`, `iii`: para 7 numbers its examples in lower-case Roman numerals.
fn roman_numeral(example: u8) -> &'static str {
    match example {
        1 => "i",
        2 => "ii",
        3 => "iii",
        4 => "iv",
        _ => "?",
    }
}

/// A whole column of a printed table, cited by its headings: every cell below it is
/// the paper's figure, so a table may carry the mark once, in the column's heading.
fn column_provenance(place: PaperPlace, headings: Vec<Bilingual>, printing: Printing) -> Provenance {
    let join = |pick: fn(&Bilingual) -> &str, joiner: &str| headings.iter().map(pick).collect::<Vec<_>>().join(joiner);
    let words = Bilingual::new(join(|h| h.zh.as_str(), "——"), join(|h| h.en.as_str(), " — "));
    Provenance::Paper(Citation::new(place, words, printing))
}

/// The words of a table cell: its row heading, then its column's headings as printed,
/// joined by "——" (blockvote's joiner; each piece is the paper's own).
fn cell_words(row: Bilingual, column: Vec<Bilingual>) -> Bilingual {
    let pieces: Vec<Bilingual> = std::iter::once(row).chain(column).collect();
    Bilingual::new(
        pieces.iter().map(|p| p.zh.as_str()).collect::<Vec<_>>().join("——"),
        pieces.iter().map(|p| p.en.as_str()).collect::<Vec<_>>().join(" — "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provenance::Provenance;
    use blockvote_model::nfc::nfc;

    fn paper() -> Dataset {
        Dataset::paper().unwrap_or_else(|_| Dataset::empty())
    }

    /// Checks the text and the mark of a printed figure.
    #[track_caller]
    fn check(printed: Printed, lang: Lang, expected: &str) {
        let data = paper();
        let shown = printed.figure(&data).map(|f| format!("{} [{}]", f.text(lang), f.provenance().mark(lang)));
        assert_eq!(shown.as_deref(), Some(expected), "{printed:?}");
    }

    #[test]
    fn printed_figures_read_from_the_paper() {
        check(Printed::AllocationProposed, Lang::En, "about 1,060 [para 6]");
        check(Printed::AllocationPrior, Lang::Zh, "990 [第 6 段]");
        check(Printed::AllocationIncrease, Lang::En, "about +70 [para 6]");
        check(Printed::AllocationIncreasePct, Lang::En, "about +7.1% [para 6]");
        check(Printed::Category { id: 1, column: AnnexAColumn::Proposed }, Lang::En, "238 [Annex A]");
        check(Printed::Category { id: 1, column: AnnexAColumn::DifferencePct }, Lang::En, "+17.8% [Annex A]");
        check(Printed::CategoryTotal(AnnexAColumn::ApprovedPrior), Lang::En, "990 [Annex A]");
        check(Printed::Cohort { cohort: CohortId::New, column: AnnexBColumn::Cash }, Lang::En, "243 [Annex B]");
        check(Printed::Cohort { cohort: CohortId::Ongoing, column: AnnexBColumn::Projects }, Lang::En, "541 [Annex B]");
        check(Printed::CohortTotal(AnnexBColumn::Cash), Lang::Zh, "1,060 [附件 B]");
        check(
            Printed::Performance { indicator: Indicator::Schedule, column: Para5Column::RatePct },
            Lang::En,
            "67.1% [para 5]",
        );
        check(Printed::Returns, Lang::En, "210 [para 5]");
        check(Printed::Ceiling, Lang::En, "10 [para 2]");
        check(Printed::Floor, Lang::En, "0.2 [para 2]");
        check(Printed::NewProjectCount, Lang::En, "254 [para 7]");
        check(Printed::ProjectBudget(1), Lang::En, "6.6 [Annex C]");
        check(Printed::ProjectCompletion(1), Lang::Zh, "2019-20 年度第一季 [附件 C]");
        check(Printed::ProjectSchedule(17), Lang::En, "2018-19 Q1 → 2019-20 Q3 [Annex C]");
    }

    /// Every kind of printed amount and percentage, in both languages, is written with
    /// the decimals the paper prints it with: para 6, Annex A and Annex B in whole
    /// millions, para 2's ceiling in whole millions and its floor to one decimal,
    /// Annex C's budgets and every percentage to one decimal.
    #[test]
    fn a_paper_figure_is_written_as_the_paper_prints_it() {
        let cases: [(Printed, &str, &str); 17] = [
            (Printed::AllocationProposed, "about 1,060 [para 6]", "約 1,060 [第 6 段]"),
            (Printed::AllocationPrior, "990 [para 6]", "990 [第 6 段]"),
            (Printed::AllocationIncrease, "about +70 [para 6]", "約 +70 [第 6 段]"),
            (Printed::AllocationIncreasePct, "about +7.1% [para 6]", "約 +7.1% [第 6 段]"),
            (Printed::Category { id: 1, column: AnnexAColumn::Proposed }, "238 [Annex A]", "238 [附件 A]"),
            (Printed::Category { id: 1, column: AnnexAColumn::ApprovedPrior }, "202 [Annex A]", "202 [附件 A]"),
            (Printed::Category { id: 1, column: AnnexAColumn::Difference }, "+36 [Annex A]", "+36 [附件 A]"),
            (Printed::Category { id: 1, column: AnnexAColumn::DifferencePct }, "+17.8% [Annex A]", "+17.8% [附件 A]"),
            (Printed::CategoryTotal(AnnexAColumn::Proposed), "1,060 [Annex A]", "1,060 [附件 A]"),
            (Printed::CategoryTotal(AnnexAColumn::Difference), "+70 [Annex A]", "+70 [附件 A]"),
            (Printed::CategoryTotal(AnnexAColumn::DifferencePct), "+7.1% [Annex A]", "+7.1% [附件 A]"),
            (
                Printed::Cohort { cohort: CohortId::Ongoing, column: AnnexBColumn::Cash },
                "817 [Annex B]",
                "817 [附件 B]",
            ),
            (Printed::CohortTotal(AnnexBColumn::Cash), "1,060 [Annex B]", "1,060 [附件 B]"),
            (Printed::Ceiling, "10 [para 2]", "10 [第 2 段]"),
            (Printed::DelegatedLimit, "10 [para 2]", "10 [第 2 段]"),
            (Printed::Floor, "0.2 [para 2]", "0.2 [第 2 段]"),
            (Printed::ProjectBudget(1), "6.6 [Annex C]", "6.6 [附件 C]"),
        ];
        for (printed, en, zh) in cases {
            check(printed, Lang::En, en);
            check(printed, Lang::Zh, zh);
        }
    }

    /// Checks a printed figure as a headline writes it: with its unit, and with the
    /// paper's "about" where the paper says it.
    #[track_caller]
    fn check_headline(printed: Printed, lang: Lang, expected: &str) {
        let shown = printed.figure(&paper()).map(|f| f.text_with_unit(lang));
        assert_eq!(shown.as_deref(), Some(expected), "{printed:?}");
    }

    #[test]
    fn para_6_s_approximate_figures_say_about_and_no_other_does() {
        check_headline(Printed::AllocationProposed, Lang::En, "about HK$1,060M");
        check_headline(Printed::AllocationProposed, Lang::Zh, "約 1,060 百萬元");
        check_headline(Printed::AllocationIncrease, Lang::En, "about +HK$70M");
        check_headline(Printed::AllocationIncreasePct, Lang::Zh, "約 +7.1%");
        check_headline(Printed::AllocationPrior, Lang::En, "HK$990M");
        check_headline(Printed::AllocationPrior, Lang::Zh, "990 百萬元");
        check_headline(Printed::CategoryTotal(AnnexAColumn::Proposed), Lang::En, "HK$1,060M");
        check_headline(Printed::Floor, Lang::En, "HK$0.2M");
        check_headline(Printed::Ceiling, Lang::Zh, "10 百萬元");
        let data = paper();
        let about: Vec<Printed> =
            every_printed(&data).into_iter().filter(|p| p.figure(&data).is_some_and(|f| f.about())).collect();
        assert_eq!(about, [Printed::AllocationProposed, Printed::AllocationIncrease, Printed::AllocationIncreasePct]);
    }

    #[test]
    fn the_paper_s_words_are_shown_beside_the_mark() {
        let data = paper();
        let figure = Printed::Category { id: 1, column: AnnexAColumn::Proposed }.figure(&data);
        let explanation = figure.map(|f| f.provenance().explanation(Lang::En)).unwrap_or_default();
        assert_eq!(
            explanation,
            "Annex A: “1. Hardware — 2018-19 — proposed block allocation (HK$M)” — 1. 硬件——2018-19——建議整體撥款 (百萬元)"
        );
        assert!(matches!(Printed::Returns.figure(&data).map(|f| f.provenance().clone()), Some(Provenance::Paper(_))));
    }

    /// Every printed figure of the paper's dataset, each variant listed once in
    /// `variant_listed` so that a new variant cannot be left out of the quote check.
    fn every_printed(data: &Dataset) -> Vec<Printed> {
        let mut all = vec![
            Printed::AllocationProposed,
            Printed::AllocationPrior,
            Printed::AllocationIncrease,
            Printed::AllocationIncreasePct,
            Printed::Returns,
            Printed::Ceiling,
            Printed::DelegatedLimit,
            Printed::Floor,
            Printed::NewProjectCount,
            Printed::TopProjectBudget,
        ];
        let annex_a = [
            AnnexAColumn::Proposed,
            AnnexAColumn::ApprovedPrior,
            AnnexAColumn::Difference,
            AnnexAColumn::DifferencePct,
        ];
        for column in annex_a {
            all.extend(data.categories.iter().map(|c| Printed::Category { id: c.id, column }));
            all.push(Printed::CategoryTotal(column));
        }
        for column in [AnnexBColumn::Projects, AnnexBColumn::Cash] {
            all.extend(data.cohorts.iter().map(|c| Printed::Cohort { cohort: c.id, column }));
            all.push(Printed::CohortTotal(column));
        }
        for indicator in Indicator::ALL {
            for column in [Para5Column::Met, Para5Column::NotMet, Para5Column::RatePct] {
                all.push(Printed::Performance { indicator, column });
            }
        }
        for project in &data.projects {
            all.extend([
                Printed::ProjectBudget(project.id),
                Printed::ProjectStart(project.id),
                Printed::ProjectCompletion(project.id),
                Printed::ProjectSchedule(project.id),
            ]);
            if matches!(project.theme_source, ThemeSource::Paper { .. }) {
                all.push(Printed::ThemeExample(project.id));
            }
        }
        assert!(all.iter().all(|p| variant_listed(*p)));
        all
    }

    /// Fails to compile when a variant is added, until it is listed in `every_printed`.
    fn variant_listed(printed: Printed) -> bool {
        match printed {
            Printed::AllocationProposed
            | Printed::AllocationPrior
            | Printed::AllocationIncrease
            | Printed::AllocationIncreasePct
            | Printed::Category { .. }
            | Printed::CategoryTotal(_)
            | Printed::Cohort { .. }
            | Printed::CohortTotal(_)
            | Printed::Performance { .. }
            | Printed::Returns
            | Printed::Ceiling
            | Printed::DelegatedLimit
            | Printed::Floor
            | Printed::NewProjectCount
            | Printed::ThemeExample(_)
            | Printed::ProjectBudget(_)
            | Printed::TopProjectBudget
            | Printed::ProjectStart(_)
            | Printed::ProjectCompletion(_)
            | Printed::ProjectSchedule(_) => true,
        }
    }

    /// The paper's text with every space and line break taken out (the extracted text
    /// has a space between characters), NFC-normalised like the dataset.
    fn without_spaces(text: &str) -> String {
        blockvote_model::load::normalize_text(&text.chars().filter(|c| !c.is_whitespace()).collect::<String>(), nfc)
    }

    /// Where the paper's text breaks a quote across a page (its footnote and the
    /// repeated table heading stand between): project 175's name runs on from "(第" on
    /// one page to "3 期)" on the next.
    const PAGE_BREAKS: [&str; 1] = ["(第"];

    /// Whether `piece` occurs in `source`, whole or split at a known page break.
    fn occurs(source: &str, piece: &str) -> bool {
        source.contains(piece)
            || PAGE_BREAKS.iter().any(|at| {
                piece.split_once(at).is_some_and(|(head, tail)| {
                    let head = format!("{head}{at}");
                    source.find(&head).is_some_and(|start| source[start + head.len()..].contains(tail))
                })
            })
    }

    #[test]
    fn every_chinese_quote_is_the_paper_s_own_words() {
        let data = paper();
        let source = without_spaces(include_str!("../../../data/paper-zh.txt"));
        let mut missing = Vec::new();
        let printed = every_printed(&data);
        assert!(printed.len() > 800, "{} printed figures", printed.len());
        for printed in printed {
            let Some(Provenance::Paper(citation)) = printed.figure(&data).map(|f| f.provenance().clone()) else {
                missing.push(format!("{printed:?}: no paper figure"));
                continue;
            };
            // "——" joins a table cell's headings; each heading is the paper's own.
            for piece in citation.words().zh.split("——") {
                if !occurs(&source, &without_spaces(piece)) {
                    missing.push(format!("{printed:?}: {piece}"));
                }
            }
            assert!(!citation.words().en.is_empty());
        }
        let mut columns: Vec<Provenance> = [AnnexCColumn::Budget, AnnexCColumn::Start, AnnexCColumn::Completion]
            .into_iter()
            .filter_map(|c| c.provenance(&data))
            .collect();
        columns.extend(
            [
                AnnexAColumn::Proposed,
                AnnexAColumn::ApprovedPrior,
                AnnexAColumn::Difference,
                AnnexAColumn::DifferencePct,
            ]
            .map(AnnexAColumn::provenance),
        );
        columns.extend([AnnexBColumn::Projects, AnnexBColumn::Cash].map(AnnexBColumn::provenance));
        columns.extend([Para5Column::Met, Para5Column::NotMet, Para5Column::RatePct].map(Para5Column::provenance));
        for column in columns {
            let Provenance::Paper(citation) = &column else { continue };
            for piece in citation.words().zh.split("——") {
                if !occurs(&source, &without_spaces(piece)) {
                    missing.push(format!("{column:?}: {piece}"));
                }
            }
        }
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn the_top_budget_is_cited_by_its_column_not_by_one_project_s_cell() {
        let data = paper();
        check_words(
            Printed::TopProjectBudget.figure(&data),
            Lang::En,
            "9.9 [Annex C] Annex C: “Project budget (HK$M)” — 項目預算 (百萬元)",
        );
        check_words(Printed::TopProjectBudget.figure(&data), Lang::Zh, "9.9 [附件 C] 附件 C：「項目預算 (百萬元)」");
    }

    #[test]
    fn para_7_examples_are_cited_with_their_theme() {
        let data = paper();
        let figure = Printed::ThemeExample(165).figure(&data);
        check_words(figure, Lang::Zh, "(e) 加強資訊科技保安 [第 7 段] 第 7 段：「(e) 加強資訊科技保安——(i) 加強就業服務系統的資訊保安管理（勞工處）」");
        assert_eq!(Printed::ThemeExample(1).figure(&data), None, "project 1 is not an example");
        let column = AnnexCColumn::Start.provenance(&data).map(|p| p.explanation(Lang::En));
        assert_eq!(column.as_deref(), Some("Annex C: “Expected start date (2018-19)” — 預計開展日期 (2018-19 年度)"));
    }

    #[track_caller]
    fn check_words(figure: Option<Figure>, lang: Lang, expected: &str) {
        let shown = figure
            .map(|f| format!("{} [{}] {}", f.text(lang), f.provenance().mark(lang), f.provenance().explanation(lang)));
        assert_eq!(shown.as_deref(), Some(expected));
    }

    #[test]
    fn imported_projects_are_not_the_paper_s() {
        let data = paper();
        let text = "id,department_zh,name_zh,name_en,budget_m,start,completion\n1,行政署,測試,Test,1.0,2019-20 Q1,2019-20 Q2\n";
        let imported = data.with_projects_csv(text, nfc).unwrap_or_else(|_| Dataset::empty());
        assert_eq!(imported.projects.len(), 1);
        assert_eq!(Printed::ProjectBudget(1).figure(&imported), None);
        assert_eq!(Printed::TopProjectBudget.figure(&imported), None);
        assert_eq!(Printed::NewProjectCount.figure(&imported), None);
        assert_eq!(AnnexCColumn::Budget.provenance(&imported), None);
        assert!(Printed::AllocationProposed.figure(&imported).is_some());
    }
}
