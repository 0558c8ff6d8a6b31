//! Every assumption of the scenario shown, beside the paper's (or, where the paper
//! prints none, the model baseline's), with where it comes from. The paper's values
//! are read from the paper and cited in the reader's language.

use super::BriefInput;
use crate::format::{millions, percent_setting, quarters_count, share_percent};
use crate::lang::{l, Label, Lang};
use crate::paper::{AnnexBColumn, Indicator, Para5Column, Printed};
use crate::provenance::Figure;
use crate::words::{lever_value, profile_label, rule_label, CAP_UNMET};
use blockvote_model::engine::{CapOutcome, Lever, Profile, Scenario, Slippage};
use blockvote_model::{CohortId, Money};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumptions {
    pub title: String,
    /// Item (for screen readers), paper / model baseline, scenario, source.
    pub heads: [String; 4],
    pub rows: Vec<Assumption>,
}

/// One assumption: what it is, its value in the paper (or the model baseline) and
/// in the scenario, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumption {
    pub key: &'static str,
    pub label: String,
    pub baseline: String,
    pub scenario: String,
    pub source: String,
    pub differs: bool,
}

const TITLE: Label = l("假設及來源", "Assumptions and sources");
const ITEM: Label = l("項目", "Item");
const BASELINE: Label = l("文件／模型基線", "Paper / model baseline");
const SCENARIO: Label = l("情景", "Scenario");
const SOURCE: Label = l("來源", "Source");
const OFF: Label = l("沒有", "off");
const CALIBRATED_WITH_MEMBERS_R: Label =
    l("校準模式，r 由使用者設定（不再符合附件 B）", "Calibrated profile with the user's r (no longer Annex B's)");
const RETENTION: Label = l(
    "校準開支模式在完成季度支付預算的比例 r",
    "Share of the budget paid in the completion quarter (calibrated profile), r",
);
const RETENTION_SOURCE: Label = l(
    "blockvote 的模型：求解使新項目 2018-19 年度現金等於附件 B 的數字",
    "blockvote's model: solved so the new projects' 2018-19 cash equals Annex B's",
);
const SET_BY_MEMBER: Label = l("假設（使用者設定）", "assumption (set by the user)");
/// Added to the source of a row whose scenario value is not the paper's (or the
/// baseline's): the source names where the baseline's comes from, not the member's.
const SCENARIO_SET_BY_MEMBER: Label = l("；情景的數值由使用者設定", "; the scenario's, set by the user");
/// Added to the source of the slippage when it is on with the delay it starts with:
/// para 5 gives the share late, not how late.
const DELAY_IS_DEFAULT: Label = l(
    "；遲 1 季為 blockvote 的預設（文件沒有說明延誤多久）",
    "; the delay of 1 quarter is blockvote's default (the paper gives no length)",
);

pub fn assumptions(input: BriefInput<'_>) -> Assumptions {
    let lang = input.lang;
    let data = input.data;
    let (s, p) = (input.scenario, input.projection);
    let paper = Scenario::default();
    let t = |label: Label| label.get(lang).to_string();
    let cited = |printed: Printed| printed.figure(data).map(|f| f.provenance().mark(lang)).unwrap_or_default();
    let value = |printed: Printed| printed.figure(data).map(|f| f.text(lang)).unwrap_or_default();
    let row = |key, label: Label, baseline: String, scenario: String, source: String| Assumption {
        key,
        label: t(label),
        differs: baseline != scenario,
        baseline,
        scenario,
        source,
    };
    // A paper amount beside the scenario's: the paper's as the paper prints it (`10`),
    // the scenario's to one decimal (`10.0`) or, when the scenario leaves it, the
    // paper's. Whether they differ is decided on the amounts, since the texts of one
    // amount can differ in their decimals.
    let amount_row = |key, label: Label, printed: Printed, scenario: Option<Money>, source: String| {
        let paper = printed.figure(data);
        let baseline = paper.as_ref().map(|f| f.text(lang)).unwrap_or_default();
        let paper_amount = paper.as_ref().and_then(Figure::money);
        Assumption {
            key,
            label: t(label),
            differs: scenario.is_some_and(|amount| Some(amount) != paper_amount),
            scenario: scenario.map_or_else(|| baseline.clone(), millions),
            baseline,
            source,
        }
    };
    let new_cash = Printed::Cohort { cohort: CohortId::New, column: AnnexBColumn::Cash };
    // The calibrated profile's share r as the levers' tables write it (`0.843`), not to
    // the solver's six decimals, which read as a residue the model cannot support
    // (audit 29).
    let solved_r = lever_value(Lever::Retention, p.calibration.retention, lang);
    let calibration = match lang {
        Lang::Zh => format!(
            "{}（新項目 2018-19 年度 {}）；校準：完成季度支付預算的比例 r = {}",
            cited(new_cash),
            value(new_cash),
            solved_r
        ),
        Lang::En => format!(
            "{} (new projects {} in 2018-19); calibrated: share paid in the completion quarter r = {}",
            cited(new_cash),
            value(new_cash),
            solved_r
        ),
    };
    let schedule = |column| Printed::Performance { indicator: Indicator::Schedule, column };
    let lateness = match lang {
        Lang::Zh => format!(
            "{}：{} 份報表中 {} 份未能依期完成（依期 {}）",
            cited(Printed::Returns),
            value(Printed::Returns),
            value(schedule(Para5Column::NotMet)),
            value(schedule(Para5Column::RatePct))
        ),
        Lang::En => format!(
            "{}: {} of {} returns not on schedule ({} on time)",
            cited(Printed::Returns),
            value(schedule(Para5Column::NotMet)),
            value(Printed::Returns),
            value(schedule(Para5Column::RatePct))
        ),
    };
    let ongoing_count = Printed::Cohort { cohort: CohortId::Ongoing, column: AnnexBColumn::Projects };
    let ongoing_source = match lang {
        Lang::Zh => format!("{}（{} 個項目）", cited(ongoing_count), value(ongoing_count)),
        Lang::En => format!("{} ({} projects)", cited(ongoing_count), value(ongoing_count)),
    };
    let ongoing = Printed::Cohort { cohort: CohortId::Ongoing, column: AnnexBColumn::Cash };
    let edited_categories = s.allocation.categories.iter().filter(|c| c.amount.is_some() || c.locked).count();
    // A cap and a target as the member typed them, every decimal kept (one at least):
    // a target of 1,000.05 read "scaled pro rata to 1,000.1".
    let exact = |amount: Money| amount.format(amount.millions().normalize().scale().max(1));
    // A cap that cannot be met defers nothing, which the row says beside it: the brief
    // read "0.0 (Largest budget first)" beside a need of 3,490.0 (audit 9).
    let infeasible = matches!(p.cap, Some(CapOutcome::Infeasible { .. }));
    let cap = s.cap.as_ref().map_or_else(
        || t(OFF),
        |c| {
            let unmet = if infeasible { CAP_UNMET.get(lang) } else { "" };
            let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
            format!("{}{open}{}{close}{unmet}", exact(c.amount), rule_label(c.rule).get(lang))
        },
    );
    // The calibrated profile's share r: solved from the paper (written as above), or the
    // member's as typed (`0.5`, not `0.500`).
    let solved = solved_r.clone();
    let retention = s.retention.map_or_else(|| solved.clone(), |r| r.normalize().to_string());
    // A scaling the engine refused (a target below the locked categories) left the
    // amounts unscaled: the brief says so, where it once said "scaled pro rata to 100.0"
    // beside an allocation of 1,122.0.
    let refused = p.allocation.scaling.as_ref().is_some_and(|scaling| scaling.error.is_some());
    let categories = match (s.allocation.scale_to, refused) {
        (Some(target), false) => match lang {
            Lang::Zh => format!("{edited_categories}；按比例調整至 {}", exact(target)),
            Lang::En => format!("{edited_categories}; scaled pro rata to {}", exact(target)),
        },
        (Some(target), true) => match lang {
            Lang::Zh => format!("{edited_categories}；按比例調整至 {} 不可行，未有調整", exact(target)),
            Lang::En => format!(
                "{edited_categories}; scaling pro rata to {} could not be done, so none was made",
                exact(target)
            ),
        },
        (None, _) => edited_categories.to_string(),
    };
    let rows = vec![
        row(
            "profile",
            l("新項目的開支模式", "New projects' spending profile"),
            t(profile_label(paper.default_profile)),
            // The calibrated profile with an r of the member's no longer reproduces
            // Annex B, so it is not named "calibrated to Annex B" (audit 11).
            match (s.default_profile, s.retention) {
                (Profile::Calibrated, Some(_)) => t(CALIBRATED_WITH_MEMBERS_R),
                (profile, _) => t(profile_label(profile)),
            },
            calibration,
        ),
        row("retention", RETENTION, solved, retention, t(RETENTION_SOURCE)),
        row(
            "slippage",
            l("延誤（確定性）", "Slippage (deterministic)"),
            slippage(&paper.slippage, lang),
            slippage(&s.slippage, lang),
            lateness,
        ),
        row(
            "cost-change",
            l("新項目成本變動", "Cost change of new projects"),
            percent_setting(paper.cost_change_pct),
            percent_setting(s.cost_change_pct),
            t(SET_BY_MEMBER),
        ),
        amount_row(
            "ceiling",
            l("財委會審批上限（百萬元）", "Finance Committee ceiling (HK$M)"),
            Printed::Ceiling,
            s.delegation.ceiling,
            cited(Printed::Ceiling),
        ),
        amount_row(
            "floor",
            l("部門自行審批下限（百萬元）", "Departmental floor (HK$M)"),
            Printed::Floor,
            s.delegation.floor,
            cited(Printed::Floor),
        ),
        amount_row(
            "ongoing",
            l("進行中項目 2018-19 年度現金（百萬元）", "Ongoing projects' 2018-19 cash (HK$M)"),
            ongoing,
            Some(p.ongoing.budget_year),
            ongoing_source,
        ),
        row("cap", l("2018-19 年度現金上限（百萬元）", "2018-19 cash cap (HK$M)"), t(OFF), cap, t(SET_BY_MEMBER)),
        row(
            "categories",
            l("撥款類別的修改", "Edits of Annex A categories"),
            "0".to_string(),
            categories,
            Printed::CategoryTotal(crate::paper::AnnexAColumn::Proposed)
                .figure(data)
                .map(|f: Figure| f.provenance().mark(lang))
                .unwrap_or_default(),
        ),
        row(
            "edits",
            l("個別項目及組別的修改", "Edits of single projects and groups"),
            "0 + 0".to_string(),
            format!("{} + {}", s.projects.len(), s.groups.len()),
            t(SET_BY_MEMBER),
        ),
    ];
    let member = t(SET_BY_MEMBER);
    let rows = rows
        .into_iter()
        .map(|mut row| {
            if row.key == "slippage" && s.slippage.enabled && s.slippage.quarters == Slippage::default().quarters {
                row.source.push_str(DELAY_IS_DEFAULT.get(lang));
            }
            if row.differs && row.source != member {
                row.source.push_str(SCENARIO_SET_BY_MEMBER.get(lang));
            }
            row
        })
        .collect();
    Assumptions { title: t(TITLE), heads: [t(ITEM), t(BASELINE), t(SCENARIO), t(SOURCE)], rows }
}

/// `32.9% late by 1 quarter`, or `off`.
fn slippage(slippage: &Slippage, lang: Lang) -> String {
    if !slippage.enabled {
        return OFF.get(lang).to_string();
    }
    let quarters = quarters_count(i64::from(slippage.quarters), lang);
    match lang {
        Lang::Zh => format!("{} 的項目遲 {quarters}", share_percent(slippage.share)),
        Lang::En => format!("{} late by {quarters}", share_percent(slippage.share)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;
    use blockvote_model::engine::DelegationLevers;
    use rust_decimal::Decimal;

    /// An assumption as printed: `label | baseline | scenario | source`.
    #[track_caller]
    fn check(scenario: Scenario, lang: Lang, key: &str, expected: &str) {
        let fixture = Fixture::new(scenario);
        let table = assumptions(fixture.input(lang));
        let row = table
            .rows
            .iter()
            .find(|r| r.key == key)
            .map(|r| format!("{} | {} | {} | {}", r.label, r.baseline, r.scenario, r.source));
        assert_eq!(row.as_deref(), Some(expected));
    }

    #[test]
    fn every_assumption_cites_the_paper_in_the_reader_s_language() {
        let s = Scenario {
            cost_change_pct: Decimal::TEN,
            slippage: Slippage { enabled: true, ..Slippage::default() },
            delegation: DelegationLevers { ceiling: Some(Money::from_whole_millions(5)), floor: None },
            ..Scenario::default()
        };
        check(
            s.clone(),
            Lang::En,
            "cost-change",
            "Cost change of new projects | 0.0% | +10.0% | assumption (set by the user)",
        );
        check(s.clone(), Lang::En, "slippage", "Slippage (deterministic) | off | 32.9% late by 1 quarter | para 5: 69 of 210 returns not on schedule (67.1% on time); the delay of 1 quarter is blockvote's default (the paper gives no length); the scenario's, set by the user");
        check(
            s.clone(),
            Lang::Zh,
            "slippage",
            "延誤（確定性） | 沒有 | 32.9% 的項目遲 1 季 | 第 5 段：210 份報表中 69 份未能依期完成（依期 67.1%）；遲 1 季為 blockvote 的預設（文件沒有說明延誤多久）；情景的數值由使用者設定",
        );
        check(
            s.clone(),
            Lang::En,
            "ceiling",
            "Finance Committee ceiling (HK$M) | 10 | 5.0 | para 2; the scenario's, set by the user",
        );
        check(s.clone(), Lang::Zh, "ceiling", "財委會審批上限（百萬元） | 10 | 5.0 | 第 2 段；情景的數值由使用者設定");
        check(s.clone(), Lang::Zh, "floor", "部門自行審批下限（百萬元） | 0.2 | 0.2 | 第 2 段");
        check(s, Lang::En, "ongoing", "Ongoing projects' 2018-19 cash (HK$M) | 817 | 817.0 | Annex B (541 projects)");
        let ongoing = blockvote_model::link::decode_link("ongoing=800").0.scenario;
        check(
            ongoing.clone(),
            Lang::En,
            "ongoing",
            "Ongoing projects' 2018-19 cash (HK$M) | 817 | 800.0 | Annex B (541 projects); the scenario's, set by the user",
        );
        // Two quarters late is the member's, not blockvote's default.
        let later = blockvote_model::link::decode_link("slip=23/70&delay=2").0.scenario;
        check(later, Lang::En, "slippage", "Slippage (deterministic) | off | 32.9% late by 2 quarters | para 5: 69 of 210 returns not on schedule (67.1% on time); the scenario's, set by the user");
    }

    /// The share r the calibrated profile pays in the completion quarter has a row of
    /// its own (audit 9: `retention=0` moved the new projects' 2018-19 cash from 243 to
    /// 839.1 and the brief's assumptions read as the paper's).
    #[test]
    fn the_retention_share_is_an_assumption_of_its_own() {
        let with = |link: &str| blockvote_model::link::decode_link(link).0.scenario;
        let solved = "Share of the budget paid in the completion quarter (calibrated profile), r | 0.843 | ";
        let source = "blockvote's model: solved so the new projects' 2018-19 cash equals Annex B's";
        check(Scenario::default(), Lang::En, "retention", &format!("{solved}0.843 | {source}"));
        check(
            with("retention=0"),
            Lang::En,
            "retention",
            &format!("{solved}0 | {source}; the scenario's, set by the user"),
        );
        check(
            with("retention=0.5"),
            Lang::Zh,
            "retention",
            "校準開支模式在完成季度支付預算的比例 r | 0.843 | 0.5 | blockvote 的模型：求解使新項目 2018-19 年度現金等於附件 B 的數字；情景的數值由使用者設定",
        );
        // The profile with the member's r is not called calibrated to Annex B.
        let table = assumptions(Fixture::new(with("retention=0.5")).input(Lang::En));
        let profile = table.rows.iter().find(|r| r.key == "profile").map(|r| (r.scenario.as_str(), r.differs));
        assert_eq!(profile, Some(("Calibrated profile with the user's r (no longer Annex B's)", true)));
    }

    /// A cap that cannot be met says so beside its amount (audit 9).
    #[test]
    fn a_cap_that_cannot_be_met_says_so() {
        let with = |link: &str| blockvote_model::link::decode_link(link).0.scenario;
        check(
            with("cost=1000&cap=0&rule=largest"),
            Lang::En,
            "cap",
            "2018-19 cash cap (HK$M) | off | 0.0 (Largest budget first), which cannot be met: nothing is deferred | assumption (set by the user)",
        );
        check(
            with("cap=1000&rule=largest"),
            Lang::Zh,
            "cap",
            "2018-19 年度現金上限（百萬元） | 沒有 | 1,000.0（預算最大的先延後） | 假設（使用者設定）",
        );
    }

    /// A scaling the engine refused is said to have been refused: the brief said
    /// "scaled pro rata to 100.0" beside an allocation of 1,122.0 (`target=100&cat=1:300,L`).
    #[test]
    fn a_scaling_the_engine_refused_is_not_said_to_be_made() {
        let scaled =
            |target: &str| blockvote_model::link::decode_link(&format!("target={target}&cat=1:300,L")).0.scenario;
        check(
            scaled("1000"),
            Lang::En,
            "categories",
            "Edits of Annex A categories | 0 | 1; scaled pro rata to 1,000.0 | Annex A; the scenario's, set by the user",
        );
        check(
            scaled("100"),
            Lang::En,
            "categories",
            "Edits of Annex A categories | 0 | 1; scaling pro rata to 100.0 could not be done, so none was made | Annex A; the scenario's, set by the user",
        );
        check(
            scaled("100"),
            Lang::Zh,
            "categories",
            "撥款類別的修改 | 0 | 1；按比例調整至 100.0 不可行，未有調整 | 附件 A；情景的數值由使用者設定",
        );
    }
}
