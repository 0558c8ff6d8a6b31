//! The words of the risk screen a member may not know, each with a short explanation
//! in both languages. The shell lists them all in a glossary that opens on a tap or a
//! key, and marks their first use on the screen with the same explanation at hand.

use crate::lang::{l, Label};

/// A term the screen uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Term {
    ExpectedValue,
    Deterministic,
    MonteCarlo,
    Seed,
    Percentiles,
    CalibratedProfile,
    RetentionShare,
    Tornado,
}

/// The glossary's heading (the summary a member opens).
pub const GLOSSARY_HEADING: Label = l("本頁用語解釋", "What the terms on this screen mean");

/// Before the terms a panel uses, each explained on hover, focus or a tap.
pub const TERMS: Label = l("用語：", "Terms:");

/// The terms each panel uses, shown under its heading.
pub const SLIPPAGE_TERMS: [Term; 2] = [Term::ExpectedValue, Term::CalibratedProfile];
pub const SIMULATION_TERMS: [Term; 4] = [Term::MonteCarlo, Term::Seed, Term::Percentiles, Term::Deterministic];
pub const SENSITIVITY_TERMS: [Term; 2] = [Term::Tornado, Term::RetentionShare];

impl Term {
    /// In the order the screen uses them.
    pub const ALL: [Term; 8] = [
        Term::ExpectedValue,
        Term::Deterministic,
        Term::MonteCarlo,
        Term::Seed,
        Term::Percentiles,
        Term::CalibratedProfile,
        Term::RetentionShare,
        Term::Tornado,
    ];

    /// A stable name, for test ids.
    pub fn key(self) -> &'static str {
        match self {
            Term::ExpectedValue => "expected-value",
            Term::Deterministic => "deterministic",
            Term::MonteCarlo => "monte-carlo",
            Term::Seed => "seed",
            Term::Percentiles => "percentiles",
            Term::CalibratedProfile => "calibrated-profile",
            Term::RetentionShare => "retention-share",
            Term::Tornado => "tornado",
        }
    }

    /// The term as the screen writes it.
    pub fn name(self) -> Label {
        match self {
            Term::ExpectedValue => l("期望值", "Expected value"),
            Term::Deterministic => l("確定值", "Deterministic"),
            Term::MonteCarlo => l("蒙地卡羅模擬", "Monte Carlo simulation"),
            Term::Seed => l("種子", "Seed"),
            Term::Percentiles => l("P10、P50、P90（百分位）", "P10, P50, P90 (percentiles)"),
            Term::CalibratedProfile => l("校準開支模式", "Calibrated profile"),
            Term::RetentionShare => l("完成時支付比例 r", "Retention share, r"),
            Term::Tornado => l("龍捲風圖", "Tornado chart"),
        }
    }

    /// What it means, in a sentence or two.
    pub fn explanation(self) -> Label {
        match self {
            Term::ExpectedValue => l(
                "不指定哪些項目延誤，而是每個項目都按延誤比例 s 計入延誤：例如 s 為三分之一時，每個項目有三分之一的現金按延誤的時間表支付。數字因此隨 s 平滑變動。",
                "Instead of picking which projects are late, every project carries the share s of lateness: with s at one third, a third of each project's cash follows the late schedule. So the figures move smoothly with s.",
            ),
            Term::Deterministic => l(
                "按調節直接計算一次，不涉及隨機抽樣：相同的調節必定得出相同的數字。模擬則以隨機方式多次抽出延誤。",
                "Worked out once from the levers, with no chance involved: the same levers always give the same figure. The simulation, by contrast, draws lateness at random many times over.",
            ),
            Term::MonteCarlo => l(
                "模擬很多個年度：每次隨機抽出每個新項目是否延誤及延誤多久，再計算現金需求。結果的分布顯示數字有多不確定。",
                "Many simulated years: in each, every new project is drawn late or on time at random, and by how much, and the cash need is added up. The spread of the results shows how uncertain the figure is.",
            ),
            Term::Seed => l(
                "模擬隨機抽樣的起始數字。相同的種子及設定必定得出完全相同的結果，任何人都可以核對；換一個種子會得出另一組同樣合理的抽樣。",
                "The number the simulation's random draws start from. The same seed with the same settings always gives exactly the same results, so anyone can check them; another seed gives another, equally fair, set of draws.",
            ),
            Term::Percentiles => l(
                "模擬年度由小至大排列後的位置：每 10 個模擬年度有 9 個不超過 P90；P50 是中位數，一半年度不超過它；每 10 個有 1 個不超過 P10。",
                "Positions among the simulated years, smallest first: 9 in 10 simulated years need no more than P90; P50 is the median, which half of them do not exceed; 1 in 10 needs no more than P10.",
            ),
            Term::CalibratedProfile => l(
                "本工具預設的開支模式：每個新項目預算的一個比例 r 在完成季度支付，其餘由開展至完成平均分布；r 經求解，使新項目 2018-19 年度的現金流量等於附件 B 的 243 百萬元。文件本身沒有按季的數字。",
                "blockvote's default spend profile: a share r of each new project's budget is paid in its completion quarter and the rest spread evenly from start to completion, with r solved so the new projects' 2018-19 cash equals Annex B's HK$243M. The paper itself gives no quarterly figures.",
            ),
            Term::RetentionShare => l(
                "校準開支模式在完成季度（驗收時）支付的預算比例 r。r 越大，每個項目越多現金留待完成時才支付。",
                "The share r of a budget the calibrated profile pays in the completion quarter, on acceptance. The larger r, the more of each project's cash waits until it is finished.",
            ),
            Term::Tornado => l(
                "每次只把一項調節由低設定移至高設定，其他按情景不變，看 2018-19 年度的數字移動多少；影響最大的排最前，棒由長至短，形如龍捲風。",
                "One lever at a time moves from a low to a high setting, the others held as in the scenario, to see how far 2018-19's figure moves; the lever that moves it most comes first, so the bars narrow like a tornado.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn every_term_is_explained_in_both_languages() {
        for term in Term::ALL {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!term.name().get(lang).is_empty(), "{term:?}");
                assert!(term.explanation().get(lang).chars().count() > 20, "{term:?} in {lang:?}");
            }
            assert_ne!(term.explanation().zh, term.explanation().en, "{term:?}");
        }
        let keys = blockvote_model::order::set_of(Term::ALL.iter().map(|term| term.key()));
        assert_eq!(keys.len(), Term::ALL.len(), "every key is different");
    }
}
