//! The spend-profile panel: the choice of profile (by its stable key), the rule of
//! each, and what the calibration means: spread evenly, the new projects would need
//! several times what Annex B prints for 2018-19, so the paper implies heavily
//! back-loaded payment. Each profile's 2018-19 figure is the model's, under its
//! profile; Annex B's is the paper's, cited.

use crate::format::share_percent;
use crate::lang::{l, Label, Lang};
use crate::paper::{AnnexBColumn, Printed};
use crate::provenance::{Basis, Figure, Provenance, Value};
use crate::words::profile_label;
use blockvote_model::engine::calibration::CalibrationReport;
use blockvote_model::engine::Profile;
use blockvote_model::{CohortId, Dataset, Money};

pub const HEADING: Label = l("開支模式", "Spend profile");
pub const SELECT_LABEL: Label = l("項目預算如何分布在各季度", "How each budget falls into its quarters");
pub const COMPARE_CAPTION: Label =
    l("新項目 2018-19 年度現金流量（按開支模式，基線）", "New projects' 2018-19 cash by profile (baseline)");

/// A choice in the profile select: its stable key (the form value) and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfileOption {
    pub profile: Profile,
    pub key: &'static str,
    pub label: Label,
}

/// Every profile, in the order the select lists them.
pub fn options() -> Vec<ProfileOption> {
    Profile::ALL
        .into_iter()
        .map(|profile| ProfileOption { profile, key: profile.key(), label: profile_label(profile) })
        .collect()
}

/// A row of the comparison table: a profile's (or Annex B's) 2018-19 figure for the
/// new projects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileRow {
    /// A stable key (`even`, `calibrated`, `annex-b`), for the row's test id.
    pub key: &'static str,
    pub label: String,
    pub figure: Figure,
}

/// What the calibration means, in a sentence, and the comparison table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calibration {
    pub sentence: String,
    /// The sentence is the model's, under the calibrated profile.
    pub provenance: Provenance,
    pub rows: Vec<ProfileRow>,
}

/// The calibration of `report` (the engine's, independent of the scenario).
pub fn calibration(report: &CalibrationReport, data: &Dataset, lang: Lang) -> Calibration {
    let printed = Printed::Cohort { cohort: CohortId::New, column: AnnexBColumn::Cash }.figure(data);
    let target = printed.as_ref().map(|f| f.text(lang)).or_else(|| report.target.map(crate::format::millions));
    let target = target.unwrap_or_default();
    let even = crate::format::millions(report.even);
    let calibrated = crate::format::millions(report.calibrated);
    let r = share_percent(report.retention);
    let sentence = match lang {
        Lang::Zh => format!(
            "若每個新項目的預算平均分布於各季，2018-19 年度需要 {even} 百萬元；附件 B 只要求 {target} 百萬元。文件因此隱含大部分款項在後期支付。blockvote 的預設模式假設每個預算的 {r} 在完成季度驗收時支付，其餘平均分布，得出 2018-19 年度 {calibrated} 百萬元。"
        ),
        Lang::En => format!(
            "Spread evenly over their quarters, the new projects would need HK${even}M in 2018-19; Annex B asks for HK${target}M. The paper therefore implies heavily back-loaded payment. blockvote's default assumes {r} of each budget is paid on completion and acceptance, the rest spread evenly, which gives HK${calibrated}M in 2018-19."
        ),
    };
    let modelled = |key, profile: Profile, amount: Money, basis| ProfileRow {
        key,
        label: profile_label(profile).get(lang).to_string(),
        figure: Figure::model(Value::Millions(amount), basis),
    };
    let mut rows = vec![
        modelled("even", Profile::Even, report.even, Basis::SpendProfile),
        modelled("front_loaded", Profile::FrontLoaded, report.front_loaded, Basis::SpendProfile),
        modelled("s_curve", Profile::SCurve, report.s_curve, Basis::SpendProfile),
        modelled("back_loaded", Profile::BackLoaded, report.back_loaded, Basis::SpendProfile),
        modelled("calibrated", Profile::Calibrated, report.calibrated, Basis::CalibratedProfile),
    ];
    if let Some(figure) = printed {
        rows.push(ProfileRow { key: "annex-b", label: l("附件 B", "Annex B").get(lang).to_string(), figure });
    }
    Calibration { sentence, provenance: Provenance::Model(Basis::CalibratedProfile), rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::cashflow::tests::{paper, project, read};
    use blockvote_model::engine::Scenario;

    #[track_caller]
    fn check(lang: Lang, key: &str, expected: &str) {
        let data = paper();
        let report = project(&data, &Scenario::default()).calibration;
        let shown = calibration(&report, &data, lang);
        let row = shown.rows.iter().find(|r| r.key == key).map(|r| format!("{}: {}", r.label, read(&r.figure, lang)));
        assert_eq!(row.as_deref(), Some(expected));
    }

    #[test]
    fn each_profile_is_the_model_s_and_annex_b_is_the_paper_s() {
        check(Lang::En, "calibrated", "Calibrated to Annex B (default): 243.0 [model]");
        check(Lang::En, "annex-b", "Annex B: 243 [Annex B]");
        check(Lang::Zh, "annex-b", "附件 B: 243 [附件 B]");
        check(Lang::En, "even", "Even: 839.1 [model]");
        let data = paper();
        let report = project(&data, &Scenario::default()).calibration;
        let sentence = calibration(&report, &data, Lang::En).sentence;
        assert!(sentence.contains("Annex B asks for HK$243M"), "{sentence}");
        assert_eq!(options().iter().map(|o| o.key).collect::<Vec<_>>().len(), Profile::ALL.len());
    }
}
