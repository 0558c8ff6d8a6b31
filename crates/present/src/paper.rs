//! The figures the paper prints, by name. This is the one place a figure is cited as
//! the paper's (see `provenance.rs`): [`Printed::figure`] reads the value from the
//! dataset and pairs it with the paper's place and words for it, so the value and the
//! citation cannot disagree, and nothing the paper does not print can be cited.
//!
//! The words are the paper's own: the row and column headings of Annex A, B and C as
//! printed, and for the paragraphs the sentence `data/facts.csv` transcribes. The
//! English beside them is blockvote's rendering.

use crate::lang::Bilingual;
#[cfg(test)]
use crate::lang::Lang;
use crate::provenance::{Citation, Figure, PaperPlace, Value};
use blockvote_model::{CohortId, Dataset, ProjectsOrigin};

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
    fn heading(self) -> Bilingual {
        match self {
            AnnexAColumn::Proposed => {
                Bilingual::new("2018-19 建議整體撥款 (百萬元)", "2018-19 proposed block allocation (HK$M)")
            }
            AnnexAColumn::ApprovedPrior => {
                Bilingual::new("2017-18 核准整體撥款 (百萬元)", "2017-18 approved block allocation (HK$M)")
            }
            AnnexAColumn::Difference => Bilingual::new("差額 (百萬元)", "Difference (HK$M)"),
            AnnexAColumn::DifferencePct => Bilingual::new("差額百分比 (%)", "Percentage difference (%)"),
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
    fn heading(self) -> Bilingual {
        match self {
            AnnexBColumn::Projects => Bilingual::new("項目數量", "Number of projects"),
            AnnexBColumn::Cash => Bilingual::new(
                "2018-19 年度暫定所需的現金流量 (百萬元)",
                "Provisional cash flow requirement for 2018-19 (HK$M)",
            ),
        }
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
    /// Para 2: the ceiling above which the Finance Committee approves (HK$10M).
    Ceiling,
    /// Para 2: the floor at or below which the department approves (HK$0.2M).
    Floor,
    /// Para 7: the number of new projects in Annex C (254).
    NewProjectCount,
    /// Annex C: a project's budget.
    ProjectBudget(u16),
    /// Annex C: a project's expected start.
    ProjectStart(u16),
    /// Annex C: a project's expected completion.
    ProjectCompletion(u16),
}

impl Printed {
    /// The figure, read from `data`, with its citation; `None` if the dataset does not
    /// hold it, or if it is an Annex C figure of projects the member imported (those
    /// are not the paper's).
    pub fn figure(self, data: &Dataset) -> Option<Figure> {
        let (value, place, words) = self.read(data)?;
        Some(Figure::printed(value, Citation::new(place, words)))
    }

    fn read(self, data: &Dataset) -> Option<(Value, PaperPlace, Bilingual)> {
        let fact = |key: &str| data.facts.get(key);
        let fact_words = |key: &str| fact(key).map(|f| Bilingual::new(f.label_zh.clone(), f.label_en.clone()));
        let money_fact = |key: &str, place| Some((Value::Millions(data.facts.money(key)?), place, fact_words(key)?));
        match self {
            Printed::AllocationProposed => money_fact("para6.allocation_2018_19_m", PaperPlace::Para(6)),
            Printed::AllocationPrior => money_fact("para6.allocation_2017_18_m", PaperPlace::Para(6)),
            Printed::AllocationIncrease => {
                let key = "para6.increase_m";
                Some((Value::MillionsChange(data.facts.money(key)?), PaperPlace::Para(6), fact_words(key)?))
            }
            Printed::AllocationIncreasePct => {
                let key = "para6.increase_pct";
                Some((Value::PercentChange(data.facts.decimal(key)?), PaperPlace::Para(6), fact_words(key)?))
            }
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
                Some((value, PaperPlace::AnnexA, cell_words(&row, &column.heading())))
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
                Some((value, PaperPlace::AnnexA, cell_words(&row, &column.heading())))
            }
            Printed::Cohort { cohort, column } => {
                let row = data.cohort(cohort)?;
                let value = match column {
                    AnnexBColumn::Projects => Value::Count(u64::from(row.project_count)),
                    AnnexBColumn::Cash => Value::Millions(row.cash_budget_year),
                };
                let name = Bilingual::new(row.name_zh.clone(), row.name_en.clone());
                Some((value, PaperPlace::AnnexB, cell_words(&name, &column.heading())))
            }
            Printed::CohortTotal(column) => {
                let value = match column {
                    AnnexBColumn::Projects => Value::Count(u64::from(data.facts.count("annexB.total_projects")?)),
                    AnnexBColumn::Cash => Value::Millions(data.facts.money("annexB.total_cash_m")?),
                };
                let row = Bilingual::new("總計", "Total");
                Some((value, PaperPlace::AnnexB, cell_words(&row, &column.heading())))
            }
            Printed::Performance { indicator, column } => {
                let key = format!("para5.{}.{}", indicator.key(), column.key());
                let value = match column {
                    Para5Column::Met | Para5Column::NotMet => Value::Count(u64::from(data.facts.count(&key)?)),
                    Para5Column::RatePct => Value::Percent(data.facts.decimal(&key)?),
                };
                Some((value, PaperPlace::Para(5), fact_words(&key)?))
            }
            Printed::Returns => {
                let key = "para5.reports";
                Some((Value::Count(u64::from(data.facts.count(key)?)), PaperPlace::Para(5), fact_words(key)?))
            }
            Printed::Ceiling => money_fact("threshold.ceiling_m", PaperPlace::Para(2)),
            Printed::Floor => money_fact("threshold.floor_m", PaperPlace::Para(2)),
            Printed::NewProjectCount => {
                if data.projects_origin != ProjectsOrigin::Paper {
                    return None;
                }
                let key = "annexC.project_count";
                Some((Value::Count(u64::from(data.facts.count(key)?)), PaperPlace::Para(7), fact_words(key)?))
            }
            Printed::ProjectBudget(id) | Printed::ProjectStart(id) | Printed::ProjectCompletion(id) => {
                if data.projects_origin != ProjectsOrigin::Paper {
                    return None;
                }
                let project = data.project(id)?;
                let (value, heading) = match self {
                    Printed::ProjectBudget(_) => {
                        (Value::Millions(project.budget), Bilingual::new("項目預算 (百萬元)", "Project budget (HK$M)"))
                    }
                    Printed::ProjectStart(_) => (
                        Value::Quarter(project.start),
                        Bilingual::new("預計開展日期 (2018-19 年度)", "Expected start (2018-19)"),
                    ),
                    _ => (Value::Quarter(project.completion), Bilingual::new("預計完成日期", "Expected completion")),
                };
                let row = Bilingual::new(
                    format!("{} {}", project.id, project.name_zh),
                    format!("{} {}", project.id, project.name_en),
                );
                Some((value, PaperPlace::AnnexC, cell_words(&row, &heading)))
            }
        }
    }
}

/// The words of a table cell: its row and column headings as printed.
fn cell_words(row: &Bilingual, column: &Bilingual) -> Bilingual {
    Bilingual::new(format!("{}——{}", row.zh, column.zh), format!("{} — {}", row.en, column.en))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provenance::Provenance;

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
        check(Printed::AllocationProposed, Lang::En, "1,060.0 [para 6]");
        check(Printed::AllocationPrior, Lang::Zh, "990.0 [第 6 段]");
        check(Printed::AllocationIncrease, Lang::En, "+70.0 [para 6]");
        check(Printed::AllocationIncreasePct, Lang::En, "+7.1% [para 6]");
        check(Printed::Category { id: 1, column: AnnexAColumn::Proposed }, Lang::En, "238.0 [Annex A]");
        check(Printed::Category { id: 1, column: AnnexAColumn::DifferencePct }, Lang::En, "+17.8% [Annex A]");
        check(Printed::CategoryTotal(AnnexAColumn::ApprovedPrior), Lang::En, "990.0 [Annex A]");
        check(Printed::Cohort { cohort: CohortId::New, column: AnnexBColumn::Cash }, Lang::En, "243.0 [Annex B]");
        check(Printed::Cohort { cohort: CohortId::Ongoing, column: AnnexBColumn::Projects }, Lang::En, "541 [Annex B]");
        check(Printed::CohortTotal(AnnexBColumn::Cash), Lang::Zh, "1,060.0 [附件 B]");
        check(
            Printed::Performance { indicator: Indicator::Schedule, column: Para5Column::RatePct },
            Lang::En,
            "67.1% [para 5]",
        );
        check(Printed::Returns, Lang::En, "210 [para 5]");
        check(Printed::Ceiling, Lang::En, "10.0 [para 2]");
        check(Printed::Floor, Lang::En, "0.2 [para 2]");
        check(Printed::NewProjectCount, Lang::En, "254 [para 7]");
        check(Printed::ProjectBudget(1), Lang::En, "6.6 [Annex C]");
        check(Printed::ProjectCompletion(1), Lang::Zh, "2019-20 年度第一季 [附件 C]");
    }

    #[test]
    fn the_paper_s_words_are_shown_beside_the_mark() {
        let data = paper();
        let figure = Printed::Category { id: 1, column: AnnexAColumn::Proposed }.figure(&data);
        let explanation = figure.map(|f| f.provenance().explanation(Lang::En)).unwrap_or_default();
        assert_eq!(
            explanation,
            "Annex A: “1. Hardware — 2018-19 proposed block allocation (HK$M)” — 1. 硬件——2018-19 建議整體撥款 (百萬元)"
        );
        assert!(matches!(Printed::Returns.figure(&data).map(|f| f.provenance().clone()), Some(Provenance::Paper(_))));
    }

    #[test]
    fn imported_projects_are_not_the_paper_s() {
        let data = paper();
        let text = "id,department_zh,name_zh,name_en,budget_m,start,completion\n1,行政署,測試,Test,1.0,2019-20 Q1,2019-20 Q2\n";
        let imported = data.with_projects_csv(text).unwrap_or_else(|_| Dataset::empty());
        assert_eq!(imported.projects.len(), 1);
        assert_eq!(Printed::ProjectBudget(1).figure(&imported), None);
        assert_eq!(Printed::NewProjectCount.figure(&imported), None);
        assert!(Printed::AllocationProposed.figure(&imported).is_some());
    }
}
