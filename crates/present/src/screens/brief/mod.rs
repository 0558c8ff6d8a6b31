//! The meeting brief: the scenario on A4, in the reader's language — whose it is, the
//! headline figures beside the paper's and the model baseline's, Annex A, the cash
//! flow (chart and year table), the projects a member would see changed, and every
//! assumption with its source.
//!
//! Two rules hold here, because the brief is printed and quoted away from the app:
//! - **One scenario.** Every figure and every lever listed belong to the scenario the
//!   shown projection was made from (`WhatIf::projected_scenario`). When the scenario
//!   being edited is refused, the brief says so, with the reason, in its printed text,
//!   and lists the scenario it does show.
//! - **Provenance.** The paper's figures are cited; the model baseline is never called
//!   the paper; the marks are explained in print (a hover does not print).

mod assumptions;
mod changed;
mod tables;

pub use assumptions::{assumptions, Assumption, Assumptions};
pub use changed::{changed_projects, ChangedProjects, ChangedRow};
pub use tables::{allocation, cash, headlines, AllocationRow, AllocationTable, CashSection, Headlines};

use crate::lang::{l, Label, Lang};
use crate::refusal::engine_error;
use crate::words::PAPER_TITLE;
use blockvote_model::engine::{EngineError, Projection, Scenario};
use blockvote_model::saved::Store;
use blockvote_model::Dataset;

/// What the brief is made from.
#[derive(Clone, Copy)]
pub struct BriefInput<'a> {
    pub data: &'a Dataset,
    /// The projection shown: the scenario's, or while it is refused, the last one
    /// that could be projected.
    pub projection: &'a Projection,
    /// The model baseline (the paper's own levers).
    pub baseline: &'a Projection,
    /// The scenario `projection` belongs to.
    pub scenario: &'a Scenario,
    /// The saved scenarios, to name the scenario shown.
    pub saved: &'a Store,
    /// Why the scenario being edited was refused, if it was.
    pub refused: Option<&'a EngineError>,
    pub lang: Lang,
}

/// The brief as a member reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Brief {
    pub head: Head,
    pub headlines: Headlines,
    pub allocation: AllocationTable,
    pub cash: CashSection,
    pub changed: ChangedProjects,
    pub assumptions: Assumptions,
}

/// The brief's heading block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub kicker: String,
    pub title: String,
    pub scenario_label: String,
    pub scenario_name: String,
    pub prepared_label: String,
    pub source: String,
    pub rounding: String,
    pub refusal: Option<Refusal>,
}

/// The printed notice that the scenario being edited was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub heading: String,
    pub reason: String,
    /// Which scenario the brief shows instead.
    pub shown: String,
}

/// The brief of `input`.
pub fn brief(input: BriefInput<'_>) -> Brief {
    Brief {
        head: head(input),
        headlines: headlines(input),
        allocation: allocation(input),
        cash: cash(input),
        changed: changed_projects(input),
        assumptions: assumptions(input),
    }
}

pub const PRINT: Label = l("列印／另存為 PDF", "Print / save as PDF");
pub const PRINT_NOTE: Label = l(
    "A4 直向；列印時只會印出以下簡報。語言跟隨目前的選擇。",
    "A4 portrait; only the brief below is printed. It is in the language chosen now.",
);
pub const NOTHING: Label = l("未能計算。", "Nothing to show.");
const KICKER: Label = l("會議簡報", "Meeting brief");
const TITLE: Label = l(
    "總目 710 電腦化計劃分目 A007GX 2018-19 年度整體撥款",
    "Head 710 Computerisation, Subhead A007GX: block allocation 2018-19",
);
const SCENARIO: Label = l("情景：", "Scenario: ");
const PREPARED: Label = l("編製日期：", "Prepared: ");
const SOURCE: Label = l("資料來源：", "Source: ");
const ROUNDING: Label = l(
    "金額單位為百萬港元；每欄以最大餘數法四捨五入至一位小數，使欄內數字相加等於所示總數；現金流量表只以此法處理進行中項目及新項目兩欄，每年的情景總額是該年四捨五入後兩項之和，而 2018-19 年度總額是其準確數字四捨五入至最接近的一位小數，兩欄的其他年度再按此分配；各項目的 2018-19 年度現金亦以此法四捨五入，使相加等於新項目的總額；差額按所示數字計算。",
    "Amounts in HK$ million; each column is rounded to one decimal as a whole (largest remainder) so that it adds up to the total shown; in the cash flow table this is done to the ongoing and the new column, and a year's scenario total is the sum of its rounded parts, with 2018-19's total its exact figure to the nearest tenth and the columns' other years rounded around it; each project's 2018-19 cash is rounded the same way to add up to the new projects' total; changes are worked out from the figures as shown.",
);
const PAPER_NAME: Label = l("文件（未有修改）", "The paper (no changes)");
const UNSAVED: Label = l("未儲存的情景", "Unsaved scenario");
const REFUSED: Label = l("正在編輯的情景無法計算：", "The scenario being edited cannot be worked out:");

/// The name of `scenario`: the paper, a saved scenario's name, or unsaved.
pub fn scenario_name(scenario: &Scenario, saved: &Store, lang: Lang) -> String {
    if *scenario == Scenario::default() {
        return PAPER_NAME.get(lang).to_string();
    }
    saved
        .scenarios
        .iter()
        .find(|s| s.scenario == *scenario)
        .map_or_else(|| UNSAVED.get(lang).to_string(), |s| s.name.clone())
}

fn head(input: BriefInput<'_>) -> Head {
    let lang = input.lang;
    let name = scenario_name(input.scenario, input.saved, lang);
    let refusal = input.refused.map(|error| Refusal {
        heading: REFUSED.get(lang).to_string(),
        reason: engine_error(error).get(lang).to_string(),
        shown: match lang {
            Lang::Zh => format!("本簡報顯示最後一個可計算的情景：「{name}」；所列數字及假設全屬該情景。"),
            Lang::En => format!(
                "This brief shows the last scenario that could be worked out, “{name}”; every figure and assumption listed is that scenario's."
            ),
        },
    });
    Head {
        kicker: KICKER.get(lang).to_string(),
        title: TITLE.get(lang).to_string(),
        scenario_label: SCENARIO.get(lang).to_string(),
        scenario_name: name,
        prepared_label: PREPARED.get(lang).to_string(),
        source: format!("{}{}", SOURCE.get(lang), PAPER_TITLE.get(lang)),
        rounding: ROUNDING.get(lang).to_string(),
        refusal,
    }
}

#[cfg(test)]
pub(crate) mod fixture {
    use super::*;
    use blockvote_model::engine::Engine;

    /// The paper's dataset, the baseline and the projection of `scenario`.
    pub struct Fixture {
        pub data: Dataset,
        pub baseline: Projection,
        pub projection: Projection,
        pub scenario: Scenario,
        pub saved: Store,
    }

    impl Fixture {
        pub fn new(scenario: Scenario) -> Fixture {
            let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
            let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
            let baseline = engine.project(&Scenario::default()).unwrap_or_else(|e| panic!("{e}"));
            let projection = engine.project(&scenario).unwrap_or_else(|e| panic!("{e}"));
            Fixture { data, baseline, projection, scenario, saved: Store::default() }
        }

        pub fn input(&self, lang: Lang) -> BriefInput<'_> {
            BriefInput {
                data: &self.data,
                projection: &self.projection,
                baseline: &self.baseline,
                scenario: &self.scenario,
                saved: &self.saved,
                refused: None,
                lang,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::Fixture;
    use super::*;
    use blockvote_model::engine::LeverError;
    use blockvote_model::saved::SavedScenario;
    use rust_decimal::Decimal;

    #[track_caller]
    fn check(actual: String, expected: &str) {
        assert_eq!(actual, expected);
    }

    #[test]
    fn the_scenario_is_named_by_what_it_is() {
        let dearer = Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() };
        let mut saved = Store::default();
        check(scenario_name(&Scenario::default(), &saved, Lang::En), "The paper (no changes)");
        check(scenario_name(&dearer, &saved, Lang::Zh), "未儲存的情景");
        saved.scenarios.push(SavedScenario::new("s1", "Dearer", dearer.clone(), None));
        check(scenario_name(&dearer, &saved, Lang::En), "Dearer");
    }

    #[test]
    fn a_refused_scenario_is_said_in_print_and_the_brief_lists_the_one_it_shows() {
        // `#view=brief&ceiling=0&cost=50`: the engine refuses it, so the brief shows the
        // paper's baseline, names it, and lists the paper's levers, not 50% and 0.0.
        let fixture = Fixture::new(Scenario::default());
        let error = EngineError::Lever(LeverError::FloorAboveCeiling { floor: "0.2".into(), ceiling: "0.0".into() });
        let input = BriefInput { refused: Some(&error), ..fixture.input(Lang::En) };
        let brief = brief(input);
        check(brief.head.scenario_name.clone(), "The paper (no changes)");
        let refusal = brief.head.refusal.clone().unwrap_or_else(|| panic!("no refusal"));
        check(refusal.heading, "The scenario being edited cannot be worked out:");
        check(refusal.reason, "The floor (HK$0.2M) must not be above the ceiling (HK$0.0M).");
        check(
            refusal.shown,
            "This brief shows the last scenario that could be worked out, “The paper (no changes)”; every figure and assumption listed is that scenario's.",
        );
        let cost = brief.assumptions.rows.iter().find(|a| a.key == "cost-change").map(|a| a.scenario.clone());
        assert_eq!(cost.as_deref(), Some("0.0%"));
        let zh = super::brief(BriefInput { refused: Some(&error), ..fixture.input(Lang::Zh) });
        assert_eq!(zh.head.refusal.map(|r| r.heading).as_deref(), Some("正在編輯的情景無法計算："));
    }
}
