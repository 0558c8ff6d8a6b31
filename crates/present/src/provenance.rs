//! Where every figure comes from, as a type.
//!
//! A member quotes figures in a committee; each one must say truthfully whose it is:
//!
//! - **the paper's** — printed in the paper, at a paragraph or annex, with the paper's
//!   own words for it;
//! - **the model's** — derived by blockvote from the paper under a named [`Basis`]
//!   (a sum of Annex C, the calibrated spend profile, para 5's record applied as an
//!   expected value, …);
//! - **the scenario's** — what follows from the member's own levers.
//!
//! A [`Figure`] cannot exist without its [`Provenance`], and a paper provenance cannot
//! be written by hand: [`Citation`] has no public constructor, and inside this crate
//! only `paper.rs` makes one, reading the value from the dataset by the name of the
//! printed figure (a tidy test holds that rule). So a modelled quarter, a baseline or
//! a scenario total can never be labelled "the paper's": there is no way to write it.

use crate::format::{percent_signed_to, percent_to, quarter_text, with_money_unit};
use crate::lang::{l, Bilingual, Label, Lang};
use blockvote_model::{FiscalQuarter, Money, Theme};
use rust_decimal::Decimal;

/// A place in the paper that prints figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaperPlace {
    Cover,
    Para(u8),
    AnnexA,
    AnnexB,
    AnnexC,
}

impl PaperPlace {
    /// `para 6` / `第 6 段`, `Annex B` / `附件 B`.
    pub fn cite(self, lang: Lang) -> String {
        match (self, lang) {
            (PaperPlace::Cover, Lang::Zh) => "封面".to_string(),
            (PaperPlace::Cover, Lang::En) => "cover".to_string(),
            (PaperPlace::Para(n), Lang::Zh) => format!("第 {n} 段"),
            (PaperPlace::Para(n), Lang::En) => format!("para {n}"),
            (PaperPlace::AnnexA, Lang::Zh) => "附件 A".to_string(),
            (PaperPlace::AnnexA, Lang::En) => "Annex A".to_string(),
            (PaperPlace::AnnexB, Lang::Zh) => "附件 B".to_string(),
            (PaperPlace::AnnexB, Lang::En) => "Annex B".to_string(),
            (PaperPlace::AnnexC, Lang::Zh) => "附件 C".to_string(),
            (PaperPlace::AnnexC, Lang::En) => "Annex C".to_string(),
        }
    }
}

/// Where the paper prints a figure, and the paper's own words for it: the Chinese
/// text (the paper's language) and blockvote's English rendering beside it.
///
/// Made only by `paper.rs`, from the name of a printed figure.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Citation {
    place: PaperPlace,
    words: Bilingual,
    printing: Printing,
}

/// How the paper prints a figure: to how many decimals, and whether it calls the figure
/// approximate (para 6's 「約」, "about").
///
/// A member quotes a paper figure as the paper prints it, so a figure called the
/// paper's must not gain a decimal the paper does not print (`1,060`, not `1,060.0`).
/// Only `paper.rs`, the one place that knows the paper, decides it for each printed
/// figure, and it travels in the figure's [`Citation`], so [`Figure::text`] cannot
/// write a paper figure any other way and no model or scenario figure can carry it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Printing {
    decimals: u32,
    about: bool,
}

impl Printing {
    /// Only `paper.rs` calls this, for a figure as the paper prints it.
    pub(crate) const fn new(decimals: u32, about: bool) -> Printing {
        Printing { decimals, about }
    }

    /// The number of decimals the paper prints the figure with.
    pub fn decimals(self) -> u32 {
        self.decimals
    }

    /// Whether the paper says the figure is approximate (「約」, "about").
    pub fn about(self) -> bool {
        self.about
    }
}

impl Citation {
    /// Only `paper.rs` calls this (checked by the tidy test): a citation is made from
    /// the name of a figure the paper prints, never from a value at hand.
    pub(crate) fn new(place: PaperPlace, words: Bilingual, printing: Printing) -> Citation {
        Citation { place, words, printing }
    }

    pub fn place(&self) -> PaperPlace {
        self.place
    }

    /// The paper's own words for the figure: `zh` is the paper's text, `en` is
    /// blockvote's rendering of it.
    pub fn words(&self) -> &Bilingual {
        &self.words
    }

    /// How the paper prints the figure (or the column) cited.
    pub fn printing(&self) -> Printing {
        self.printing
    }
}

/// The assumption under which blockvote derives a figure from the paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Arithmetic on figures the paper prints at `place` (a sum, a difference, a
    /// count, a share) and nothing else.
    Arithmetic(PaperPlace),
    /// The same on figures printed at two places (Annex C's budgets less Annex B's
    /// cash), named both.
    ArithmeticAcross(PaperPlace, PaperPlace),
    /// The calibrated spend profile: a share r of each budget paid on completion, the
    /// rest spread evenly, r solved so the new projects' 2018-19 cash equals Annex B's
    /// HK$243M; the ongoing projects' HK$817M spread evenly over 2018-19's quarters.
    CalibratedProfile,
    /// Another spend profile (even, front-loaded, back-loaded, S-curve): each new
    /// project's budget spread over its quarters by the profile's weights, shown next
    /// to the calibrated one to say what the paper's HK$243M implies.
    SpendProfile,
    /// Para 5's 2016 record (69 of 210 returns late) applied as an expected value.
    Para5Record,
    /// Para 7's fifteen examples, and for the other projects blockvote's keyword rule
    /// on their names.
    ThemeKeywords,
    /// A seeded Monte Carlo simulation of lateness.
    Simulation,
    /// Para 2's thresholds applied to each project's budget: its approval route.
    Para2Thresholds,
    /// The low and high settings the tornado moves each lever between: blockvote's
    /// choice, fixed or around the scenario's own value.
    TornadoSettings,
    /// The calibrated model with one lever at a time at its tornado setting.
    OneLeverAtATime,
    /// The calibrated model with two levers at a data table's row and column values.
    TwoLeverTable,
}

impl Basis {
    /// How the figure was derived, in a sentence.
    pub fn explanation(self, lang: Lang) -> String {
        match self {
            Basis::Arithmetic(place) => match lang {
                Lang::Zh => {
                    format!("blockvote 按{}所載數字計算（加減或點算），文件本身沒有印出這個數字。", cite_before_zh(place))
                }
                Lang::En => format!(
                    "Worked out by blockvote from the figures printed in {} (a sum, difference or count); the paper does not print this figure itself.",
                    place.cite(lang)
                ),
            },
            Basis::ArithmeticAcross(first, second) => match lang {
                Lang::Zh => format!(
                    "blockvote 按{}及{}所載數字計算（加減或點算），文件本身沒有印出這個數字。",
                    cite_before_zh(first),
                    cite_before_zh(second)
                ),
                Lang::En => format!(
                    "Worked out by blockvote from the figures printed in {} and {} (a sum, difference or count); the paper does not print this figure itself.",
                    first.cite(lang),
                    second.cite(lang)
                ),
            },
            Basis::CalibratedProfile => CALIBRATED_EXPLANATION.get(lang).to_string(),
            Basis::SpendProfile => l(
                "blockvote 的模型：每個新項目的預算按所示開支模式的權重分布於其開展至完成的各季；文件沒有按季的數字，只有附件 B 的 2018-19 年度總額。",
                "blockvote's model: each new project's budget spread over its quarters from start to completion by the weights of the spend profile shown; the paper gives no quarterly figures, only Annex B's 2018-19 total.",
            )
            .get(lang)
            .to_string(),
            Basis::Para5Record => l(
                "blockvote 以第 5 段 2016 年的紀錄（210 份報表中 69 份未能依期完成）作假設，按期望值計算；文件沒有預計 2018-19 年度的延誤。",
                "blockvote's model: para 5's 2016 record (69 of 210 returns not on schedule) taken as an assumption and applied as an expected value; the paper forecasts no lateness for 2018-19.",
            )
            .get(lang)
            .to_string(),
            Basis::ThemeKeywords => l(
                "第 7 段列出的 15 個例子，其餘項目按名稱中的關鍵詞由 blockvote 歸類；文件沒有把每個項目歸入主題。",
                "Para 7's fifteen examples; the other projects are placed by blockvote's keyword rule on their names. The paper does not assign every project to a theme.",
            )
            .get(lang)
            .to_string(),
            Basis::Simulation => l(
                "blockvote 的模擬：按所示種子及設定，逐個項目抽取延誤，重複多次；並非文件所載。",
                "blockvote's simulation: lateness drawn project by project, many times over, with the seed and settings shown; not in the paper.",
            )
            .get(lang)
            .to_string(),
            Basis::Para2Thresholds => l(
                "blockvote 把第 2 段的審批門檻套用於每個項目的預算；文件沒有列出每個項目的審批途徑。",
                "blockvote applies para 2's approval thresholds to each project's budget; the paper does not give each project's route.",
            )
            .get(lang)
            .to_string(),
            Basis::TornadoSettings => l(
                "blockvote 為比較各調節的影響而選的低、高設定：延誤比例 0 至 50%；延誤 1 至 4 季；成本 −10% 至 +10%；進行中項目現金為情景數字的 ±10%；保留比例為情景數字 ±0.1。並非文件所載。",
                "blockvote's choice of a low and a high setting for each lever, to compare how far each moves 2018-19: share late 0 to 50%; delay 1 to 4 quarters; cost −10% to +10%; the ongoing projects' cash ±10% of the scenario's; the retention share ±0.1 around the scenario's. Not in the paper.",
            )
            .get(lang)
            .to_string(),
            Basis::OneLeverAtATime => l(
                "blockvote 的模型（按附件 B 校準），每次只把一項調節放在所示的低或高設定，其他按情景不變；文件沒有這些數字。",
                "blockvote's model, calibrated to Annex B, with one lever at a time at the low or high setting shown and every other lever as in the scenario; the paper gives no such figures.",
            )
            .get(lang)
            .to_string(),
            Basis::TwoLeverTable => l(
                "blockvote 的模型（按附件 B 校準）：每格把兩項調節設為該行及該列所示的數值，其他調節按情景不變（未設定任何調節時即模型基線）；文件沒有這些數字。",
                "blockvote's model, calibrated to Annex B: each cell sets two levers to its row's and its column's values, every other lever as in the scenario (the model baseline while none is set); the paper gives no such figures.",
            )
            .get(lang)
            .to_string(),
        }
    }
}

// It does not repeat the series' own name, "model baseline (calibrated to Annex B)",
// which a legend puts before it: the brief's legend read the name twice.
const CALIBRATED_EXPLANATION: Label = l(
    "blockvote 的模型：每個新項目預算的一個比例 r 在完成季度驗收時支付，其餘由開展至完成平均分布，r 經求解使新項目 2018-19 年度現金流量等於附件 B 的 243 百萬元；進行中項目的 817 百萬元平均分布於 2018-19 年度四季。文件沒有按季或 2018-19 年度以後的數字。",
    "blockvote's model: a share r of each new project's budget is paid in its completion quarter, the rest spread evenly from start to completion, with r solved so the new projects' 2018-19 cash equals Annex B's HK$243M; the ongoing projects' HK$817M is spread evenly over 2018-19's quarters. The paper gives no quarterly figures and none after 2018-19.",
);

/// Whose a figure is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Provenance {
    /// Printed in the paper.
    Paper(Citation),
    /// Derived by blockvote from the paper.
    Model(Basis),
    /// Follows from the member's levers.
    Scenario,
}

impl Provenance {
    /// The short mark shown beside a figure: `para 6`, `model`, `scenario`.
    pub fn mark(&self, lang: Lang) -> String {
        match self {
            Provenance::Paper(citation) => citation.place.cite(lang),
            Provenance::Model(_) => l("模型", "model").get(lang).to_string(),
            Provenance::Scenario => l("情景", "scenario").get(lang).to_string(),
        }
    }

    /// What the mark says on hover and focus: for the paper, its own words (the
    /// paper's Chinese, with the English beside it when reading in English); for the
    /// model, its basis; for a scenario, that it follows from the member's levers.
    pub fn explanation(&self, lang: Lang) -> String {
        match self {
            Provenance::Paper(citation) => match lang {
                Lang::Zh => format!("{}：「{}」", citation.place.cite(lang), citation.words.zh),
                Lang::En => {
                    format!("{}: “{}” — {}", citation.place.cite(lang), citation.words.en, citation.words.zh)
                }
            },
            Provenance::Model(basis) => basis.explanation(lang),
            Provenance::Scenario => l(
                "你的情景：按你設定的調節計算，並非文件所載。",
                "Your scenario: worked out from the levers you set; not in the paper.",
            )
            .get(lang)
            .to_string(),
        }
    }

    /// The CSS class of the mark, so the three kinds look different.
    pub fn class(&self) -> &'static str {
        match self {
            Provenance::Paper(_) => "prov prov-paper",
            Provenance::Model(_) => "prov prov-model",
            Provenance::Scenario => "prov prov-scenario",
        }
    }

    /// The name of a series or a column of this provenance, e.g. in a chart legend:
    /// the wording follows the kind, so a modelled baseline is never called the paper.
    pub fn series_name(&self, lang: Lang) -> String {
        match self {
            Provenance::Paper(citation) => match lang {
                Lang::Zh => format!("文件（{}）", citation.place.cite(lang)),
                Lang::En => format!("Paper ({})", citation.place.cite(lang)),
            },
            Provenance::Model(Basis::CalibratedProfile) => MODEL_BASELINE.get(lang).to_string(),
            Provenance::Model(basis) => match lang {
                Lang::Zh => format!("模型（{}）", basis_short(*basis, lang)),
                Lang::En => format!("Model ({})", basis_short(*basis, lang)),
            },
            Provenance::Scenario => l("情景", "Scenario").get(lang).to_string(),
        }
    }
}

impl Provenance {
    /// The provenance of figures blockvote works out from the paper under `basis`
    /// that the member's levers may change: the model's while they are as the paper's
    /// default scenario makes them, the scenario's once the levers have changed them.
    pub fn worked_out(basis: Basis, changed: bool) -> Provenance {
        if changed {
            Provenance::Scenario
        } else {
            Provenance::Model(basis)
        }
    }

    /// The line of a CSV export that says whose the figures of `what` are: the words
    /// `label` (`Figure`), `what`, then the mark and its explanation, as the screen's
    /// mark says them. Every export says provenance through this one line.
    pub fn csv_line(&self, label: &str, what: &str, lang: Lang) -> String {
        blockvote_model::exports::csv_line(&[
            label.to_string(),
            what.to_string(),
            format!("{} — {}", self.mark(lang), self.explanation(lang)),
        ])
    }
}

/// A table's column of figures that all share one provenance, said once by the mark in
/// its heading. A screen draws such a column's heading only from this, so it cannot
/// draw the column without saying whose its figures are; the table that makes it takes
/// `mark` from the same provenance its cells have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkedColumn {
    pub heading: Label,
    pub mark: Provenance,
}

/// A place cited in Chinese before Chinese words: `附件 C ` with a space after the
/// Latin letter (「按附件 C 計算」, as `MODEL_BASELINE` writes 「按附件 B 校準」), and
/// `第 5 段` as it is, since Chinese follows Chinese without one.
fn cite_before_zh(place: PaperPlace) -> String {
    let cited = place.cite(Lang::Zh);
    if cited.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        format!("{cited} ")
    } else {
        cited
    }
}

/// Blockvote's counts and sums of Annex C's rows (departments, projects, budgets):
/// the paper prints the rows, not these.
pub const ANNEX_C_SUMS: Provenance = Provenance::Model(Basis::Arithmetic(PaperPlace::AnnexC));

/// The modelled baseline's name wherever it is shown: never "the paper".
pub const MODEL_BASELINE: Label = l("模型基線（按附件 B 校準）", "Model baseline (calibrated to Annex B)");

fn basis_short(basis: Basis, lang: Lang) -> String {
    match basis {
        Basis::Arithmetic(place) => match lang {
            Lang::Zh => format!("按{}計算", cite_before_zh(place)),
            Lang::En => format!("worked out from {}", place.cite(lang)),
        },
        Basis::ArithmeticAcross(first, second) => match lang {
            Lang::Zh => format!("按{}及{}計算", cite_before_zh(first), cite_before_zh(second)),
            Lang::En => format!("worked out from {} and {}", first.cite(lang), second.cite(lang)),
        },
        Basis::CalibratedProfile => l("按附件 B 校準", "calibrated to Annex B").get(lang).to_string(),
        Basis::SpendProfile => l("開支模式", "spend profile").get(lang).to_string(),
        Basis::Para5Record => l("第 5 段紀錄", "para 5's record").get(lang).to_string(),
        Basis::ThemeKeywords => l("關鍵詞歸類", "keyword rule").get(lang).to_string(),
        Basis::Simulation => l("模擬", "simulated").get(lang).to_string(),
        Basis::Para2Thresholds => l("按第 2 段門檻", "para 2's thresholds").get(lang).to_string(),
        Basis::TornadoSettings => l("blockvote 的設定", "blockvote's settings").get(lang).to_string(),
        Basis::OneLeverAtATime => l("一次一項調節", "one lever at a time").get(lang).to_string(),
        Basis::TwoLeverTable => l("兩項調節的表", "two levers in a table").get(lang).to_string(),
    }
}

/// What a figure says, and how it is written. Amounts and percentages are written to
/// one decimal, except a paper figure's, which [`Figure::text`] writes as the paper
/// prints it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// HK$ millions to one decimal: `1,060.0` (a paper figure as printed: `1,060`).
    Millions(Money),
    /// A change in HK$ millions, signed: `+70.0` (a paper figure as printed: `+70`).
    MillionsChange(Money),
    /// HK$ millions with every decimal the amount has, one at least: `7.26`, `1,060.0`.
    /// For a sum of budgets a lever changed, so that it reads as the sum of its parts.
    MillionsExact(Money),
    /// A whole count: `254`.
    Count(u64),
    /// A change in a count, signed: `+3` / `-2` / `0`.
    CountChange(i64),
    /// A percentage to one decimal: `67.1%`.
    Percent(Decimal),
    /// A signed percentage change: `+7.1%`.
    PercentChange(Decimal),
    /// A quarter: `2018-19 Q1`.
    Quarter(FiscalQuarter),
    /// One of para 7's themes: `(e) Strengthening IT security`.
    Theme(Theme),
    /// A project's start and completion: `2018-19 Q1 → 2019-20 Q3`.
    Schedule { start: FiscalQuarter, completion: FiscalQuarter },
}

impl Value {
    /// The value as written where it is not a figure of its own: an imported project's
    /// budget, or a table cell whose column heading carries the mark. Amounts and
    /// percentages are written to one decimal, which is also how Annex C prints its
    /// budgets; a figure the paper prints is written through [`Figure::text`], which
    /// knows the paper's own decimals.
    pub fn unmarked_text(&self, lang: Lang) -> String {
        self.text(lang, ONE_DECIMAL)
    }

    /// The value written with `decimals` for an amount or a percentage. Private: a
    /// figure is written through [`Figure::text`], which takes the decimals from the
    /// paper for a paper figure and one decimal otherwise.
    fn text(&self, lang: Lang, decimals: u32) -> String {
        match self {
            Value::Millions(amount) => amount.format(decimals),
            Value::MillionsExact(amount) => crate::format::exact_millions(*amount),
            Value::MillionsChange(amount) => amount.format_signed(decimals),
            Value::Count(n) => crate::format::count(*n),
            Value::CountChange(n) => crate::format::count_signed(*n),
            Value::Percent(p) => percent_to(*p, decimals),
            Value::PercentChange(p) => percent_signed_to(*p, decimals),
            Value::Quarter(q) => quarter_text(*q, lang),
            Value::Theme(theme) => crate::words::theme_text(*theme, lang),
            Value::Schedule { start, completion } => {
                format!("{} → {}", quarter_text(*start, lang), quarter_text(*completion, lang))
            }
        }
    }
}

/// The decimals of an amount or a percentage that is not the paper's.
const ONE_DECIMAL: u32 = 1;

/// A figure as a member reads it: a value with its provenance. There is no way to
/// make one without saying whose it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Figure {
    value: Value,
    provenance: Provenance,
}

impl Figure {
    /// A figure the paper prints. Only `paper.rs` calls this (checked by the tidy
    /// test), with the value it read from the dataset for that printed figure.
    pub(crate) fn printed(value: Value, citation: Citation) -> Figure {
        Figure { value, provenance: Provenance::Paper(citation) }
    }

    /// A figure blockvote derives from the paper under `basis`.
    pub fn model(value: Value, basis: Basis) -> Figure {
        Figure { value, provenance: Provenance::Model(basis) }
    }

    /// A figure that follows from the member's scenario.
    pub fn scenario(value: Value) -> Figure {
        Figure { value, provenance: Provenance::Scenario }
    }

    /// A model or scenario figure of `provenance`, for a column whose figures are all
    /// one or the other. A paper provenance is never one of these (only `Printed` makes
    /// a paper figure), so it falls back to the scenario's.
    pub fn model_or_scenario(value: Value, provenance: &Provenance) -> Figure {
        match provenance {
            Provenance::Model(basis) => Figure::model(value, *basis),
            Provenance::Paper(_) | Provenance::Scenario => Figure::scenario(value),
        }
    }

    pub fn value(&self) -> &Value {
        &self.value
    }

    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }

    /// How the paper prints this figure; `None` for a model or scenario figure.
    pub fn printing(&self) -> Option<Printing> {
        match &self.provenance {
            Provenance::Paper(citation) => Some(citation.printing),
            Provenance::Model(_) | Provenance::Scenario => None,
        }
    }

    /// Whether the paper calls this figure approximate (para 6's 「約」, "about"); never
    /// true of a model or scenario figure, which has no paper to say so.
    pub fn about(&self) -> bool {
        self.printing().is_some_and(Printing::about)
    }

    /// The figure as written: a paper figure as the paper prints it (`1,060`, `6.6`,
    /// `+7.1%`), any other amount or percentage to one decimal (`1,060.0`). A figure the
    /// paper calls approximate carries the paper's "about" (`about 1,060`, `約 1,060`)
    /// wherever it is written, so a member never quotes para 6's rounded figure as exact.
    pub fn text(&self, lang: Lang) -> String {
        let number = self.value.text(lang, self.printing().map_or(ONE_DECIMAL, Printing::decimals));
        format!("{}{number}", self.about_prefix(lang))
    }

    /// An amount with its unit, written as [`Figure::text`] writes it: `HK$1,060M` /
    /// `1,060 百萬元` for the paper's, `HK$1,060.0M` for the model's, a change with its
    /// sign before the unit as it is read (`-HK$12.1M` / `-12.1 百萬元`); any other
    /// figure as its text.
    pub fn text_with_unit(&self, lang: Lang) -> String {
        let number = self.value.text(lang, self.printing().map_or(ONE_DECIMAL, Printing::decimals));
        let text = match self.value {
            Value::Millions(_) | Value::MillionsChange(_) | Value::MillionsExact(_) => with_money_unit(&number, lang),
            _ => number,
        };
        format!("{}{text}", self.about_prefix(lang))
    }

    /// The paper's "about" and a space (`約 ` / `about `) when the paper calls this
    /// figure approximate; empty otherwise, and always for a model or scenario figure.
    fn about_prefix(&self, lang: Lang) -> &'static str {
        match (self.about(), lang) {
            (true, Lang::Zh) => "約 ",
            (true, Lang::En) => "about ",
            (false, _) => "",
        }
    }

    /// The amount, if the figure is one in HK$ millions (for charts and sums).
    pub fn money(&self) -> Option<Money> {
        match self.value {
            Value::Millions(amount) | Value::MillionsChange(amount) | Value::MillionsExact(amount) => Some(amount),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(actual: String, expected: &str) {
        assert_eq!(actual, expected);
    }

    #[test]
    fn a_place_in_chinese_is_spaced_from_the_words_after_it() {
        let cases = [
            (Basis::Arithmetic(PaperPlace::AnnexC), Lang::Zh, "模型（按附件 C 計算）"),
            (Basis::Arithmetic(PaperPlace::AnnexA), Lang::Zh, "模型（按附件 A 計算）"),
            (Basis::Arithmetic(PaperPlace::Para(5)), Lang::Zh, "模型（按第 5 段計算）"),
            (Basis::Arithmetic(PaperPlace::AnnexC), Lang::En, "Model (worked out from Annex C)"),
            (
                Basis::ArithmeticAcross(PaperPlace::AnnexC, PaperPlace::AnnexB),
                Lang::Zh,
                "模型（按附件 C 及附件 B 計算）",
            ),
            (
                Basis::ArithmeticAcross(PaperPlace::AnnexC, PaperPlace::AnnexB),
                Lang::En,
                "Model (worked out from Annex C and Annex B)",
            ),
        ];
        for (basis, lang, expected) in cases {
            check(Provenance::Model(basis).series_name(lang), expected);
        }
        check(
            Basis::Arithmetic(PaperPlace::AnnexB).explanation(Lang::Zh),
            "blockvote 按附件 B 所載數字計算（加減或點算），文件本身沒有印出這個數字。",
        );
        check(
            Basis::ArithmeticAcross(PaperPlace::AnnexC, PaperPlace::AnnexB).explanation(Lang::Zh),
            "blockvote 按附件 C 及附件 B 所載數字計算（加減或點算），文件本身沒有印出這個數字。",
        );
        check(
            Basis::Arithmetic(PaperPlace::Para(6)).explanation(Lang::Zh),
            "blockvote 按第 6 段所載數字計算（加減或點算），文件本身沒有印出這個數字。",
        );
        // Para 5's counts are of returns, in both languages.
        check(
            Basis::Para5Record.explanation(Lang::Zh),
            "blockvote 以第 5 段 2016 年的紀錄（210 份報表中 69 份未能依期完成）作假設，按期望值計算；文件沒有預計 2018-19 年度的延誤。",
        );
        assert!(Basis::Para5Record.explanation(Lang::En).contains("(69 of 210 returns not on schedule)"));
    }

    #[test]
    fn the_wording_follows_the_kind() {
        let model = Figure::model(Value::Millions(Money::from_whole_millions(923)), Basis::CalibratedProfile);
        check(model.text(Lang::En), "923.0");
        check(model.provenance().mark(Lang::En), "model");
        check(model.provenance().mark(Lang::Zh), "模型");
        check(model.provenance().series_name(Lang::En), "Model baseline (calibrated to Annex B)");
        check(model.provenance().series_name(Lang::Zh), "模型基線（按附件 B 校準）");
        let scenario = Figure::scenario(Value::MillionsChange(Money::from_whole_millions(-3)));
        check(scenario.text(Lang::En), "-3.0");
        check(scenario.provenance().mark(Lang::En), "scenario");
        check(Provenance::Model(Basis::Para5Record).series_name(Lang::En), "Model (para 5's record)");
        check(PaperPlace::Para(2).cite(Lang::Zh), "第 2 段");
        check(PaperPlace::AnnexB.cite(Lang::En), "Annex B");
    }

    /// A model or scenario figure keeps one decimal even when its amount is one the
    /// paper prints (Annex B's 243, para 2's 10): it is blockvote's, not the paper's,
    /// and it never carries the paper's "about".
    #[test]
    fn a_figure_that_is_not_the_paper_s_keeps_one_decimal() {
        let cash = Money::from_whole_millions(243);
        let model = Figure::model(Value::Millions(cash), Basis::CalibratedProfile);
        check(model.text(Lang::En), "243.0");
        check(model.text(Lang::Zh), "243.0");
        check(model.text_with_unit(Lang::En), "HK$243.0M");
        check(model.text_with_unit(Lang::Zh), "243.0 百萬元");
        let scenario = Figure::scenario(Value::Millions(Money::from_whole_millions(10)));
        check(scenario.text_with_unit(Lang::En), "HK$10.0M");
        let change = Figure::scenario(Value::MillionsChange(Money::from_whole_millions(-70)));
        check(change.text_with_unit(Lang::En), "-HK$70.0M");
        check(change.text_with_unit(Lang::Zh), "-70.0 百萬元");
        let share = Figure::model(Value::PercentChange(Decimal::new(71, 1)), Basis::Arithmetic(PaperPlace::AnnexA));
        check(share.text(Lang::En), "+7.1%");
        assert!(!model.about() && !scenario.about() && !share.about());
        assert_eq!(model.printing(), None);
        check(Value::Millions(cash).unmarked_text(Lang::En), "243.0");
    }
}
