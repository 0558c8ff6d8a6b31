//! The expected-value slippage lever and its table: 2018-19's cash need for the new
//! projects, the ongoing ones and in total, as the model baseline, as the scenario
//! with every project on time, and as the scenario with slippage, with slippage's own
//! effect. Each column says whether it includes slippage.

use super::{scenario_provenance, without_slippage_levers, Sentence};
use crate::cash::ShownCash;
use crate::fields::{share_in, write_share, FieldSpec};
use crate::format::{quarters_count, share_percent, year_text};
use crate::lang::{l, Label, Lang};
use crate::levers::lever_field;
use crate::paper::{AnnexBColumn, Printed};
use crate::provenance::{Basis, Figure, Provenance, Value, MODEL_BASELINE};
use blockvote_model::engine::{para5_late_share, Lever, Scenario, Slippage};
use blockvote_model::{CohortId, Dataset, FiscalYear, Money};
use rust_decimal::Decimal;

pub const HEADING: Label = l("延誤（期望值）", "Slippage as an expected value");

pub const EXPLANATION: Label = l(
    "文件沒有預計 2018-19 年度有多少項目會延誤；這裏以第 5 段的紀錄作假設。延誤以期望值計算：每個新項目的現金流 = (1 − s) × 依期的開支時間表 + s × 延遲 d 季完成的同一時間表，s 為延誤比例，d 為延誤季數；各季合計仍等於項目預算。本工具不會指定哪個項目延誤，而是每個項目都按比例 s 計入延誤，因此數字會平滑變動。文件沒有延誤長度，預設 1 季是本工具的假設。",
    "The paper does not say how many 2018-19 projects will be late; this screen borrows para 5's record as an assumption. Slippage is applied as an expected value: each new project's cash is (1 − s) × its on-time schedule + s × the same schedule finishing d quarters later, where s is the share late and d the delay; the quarters still add up to the project's budget. No project is picked as the late one: every project carries the share s of lateness, so the figures move smoothly. The paper gives no length of delay; one quarter is blockvote's default.",
);

pub const APPLY: Label = l("計入延誤", "Apply slippage");

/// Para 5 prints the share late, not how late: the quarter is said to be blockvote's
/// (audit 29: "1 quarter late" beside para 5 read as the paper's).
pub const USE_PARA5: Label = l(
    "採用第 5 段的延誤比例 69/210（延誤 1 季為本工具預設）",
    "Use para 5's share late, 69/210 (1 quarter late: blockvote's default)",
);

/// What the two columns compare. A cash cap answers each of them with deferrals of its
/// own, so the difference is slippage's effect with the cap's answer included, which
/// can differ from slippage's share in the Cash flow screen's bridge (audit 9:
/// -73.5 here, -79.2 and -3.8 for the cap there, in one scenario).
pub const NOTE: Label = l(
    "「情景（全部依期）」已計入其他畫面設定的調節（例如成本變動），但不計延誤；兩者之差即在這些調節下延誤的影響。設有現金上限時，兩者各按上限延後不同的項目，差額包括上限的回應，因此可與「現金流量」畫面「變動從何而來」中延誤所佔的份額不同（該處把變動分給各項調節）。延誤把現金推遲至較後年度，不會改變項目總預算。",
    "\"Scenario, all on time\" includes the levers set on other screens (a cost change, say) but no slippage; the difference is slippage's effect with those levers in place. With a cash cap, each column has the cap's own deferrals, so the difference includes the cap's response and can differ from slippage's share in the Cash flow screen's \"Where the change comes from\", which shares the change out among the levers. Slippage moves cash into later years; it does not change any project's budget.",
);

/// The share-late field: a decimal, a percentage or a fraction such as 69/210.
pub fn share_field() -> FieldSpec<Decimal> {
    FieldSpec::new(l("延誤項目比例 s（0 至 1）", "Share late, s (0 to 1)"), share_in, write_share)
        .full_keyboard(true)
        .help(l("可輸入 0.33、33% 或 69/210；輸入即計入延誤", "Type 0.33, 33% or 69/210; typing turns slippage on"))
}

/// The delay field: the lever's own field, named as the formula above names it.
pub fn delay_field() -> FieldSpec<Decimal> {
    FieldSpec { label: l("延誤季數 d", "Delay, d"), ..lever_field(Lever::SlipQuarters) }
}

/// `= 32.9% late, 67.1% on time`.
pub fn share_readout(share: Decimal, lang: Lang) -> String {
    let (late, on_time) = (share_percent(share), share_percent(Decimal::ONE - share));
    match lang {
        Lang::Zh => format!("= {late} 延誤，{on_time} 依期"),
        Lang::En => format!("= {late} late, {on_time} on time"),
    }
}

/// What "Use para 5" sets: 69/210 late by one quarter, on.
pub fn para5_slippage() -> Slippage {
    Slippage { enabled: true, ..Slippage::default() }
}

/// The slippage lever in words: `32.9% late by 1 quarter`, saying so when the share
/// is para 5's record (the figures are still the member's scenario: they set the
/// lever), or that it is off.
pub fn lever_words(slippage: &Slippage, lang: Lang) -> String {
    let delay = quarters_count(i64::from(slippage.quarters), lang);
    let share = share_percent(slippage.share);
    let para5 = slippage.share == para5_late_share();
    match (slippage.enabled, lang) {
        (true, Lang::Zh) if para5 => format!("{share} 延誤 {delay}，按第 5 段紀錄：210 份報表中 69 份未能依期完成"),
        (true, Lang::En) if para5 => format!("{share} late by {delay}, after para 5's record: 69 of 210 returns late"),
        (true, Lang::Zh) => format!("{share} 延誤 {delay}"),
        (true, Lang::En) => format!("{share} late by {delay}"),
        (false, Lang::Zh) => "延誤調節關閉".to_string(),
        (false, Lang::En) => "the slippage lever is off".to_string(),
    }
}

/// A column's heading, what it includes of slippage, and whose its figures are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub heading: String,
    pub slippage: String,
    pub provenance: Provenance,
}

/// A row: new projects, ongoing ones, or the total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// `new`, `ongoing` or `total`.
    pub key: &'static str,
    pub label: String,
    pub baseline: Figure,
    pub on_time: Option<Figure>,
    pub with_slippage: Option<Figure>,
    pub effect: Option<Figure>,
}

/// The table of the budget year's cash need with and without slippage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlippageTable {
    pub caption: String,
    /// The hidden heading of the row headings' column.
    pub corner: String,
    /// The model baseline, the scenario all on time, the scenario with slippage, the
    /// effect of slippage.
    pub columns: [Column; 4],
    pub rows: Vec<Row>,
}

/// (new, ongoing, total) as the cash flow's year table shows that year
/// ([`crate::cash::shown_budget_year`]): rounded here on its own, the same year read
/// 899.1 on this screen and 899.0 on the Cash flow screen.
fn shown(cash: ShownCash) -> [Money; 3] {
    [cash.new, cash.ongoing, cash.total]
}

/// The table of `year`'s cash. Each figure is the year as the cash flow's year table
/// shows it ([`crate::cash::shown_budget_year`] of its projection): `baseline` the model
/// baseline's; `on_time` the scenario's with its slippage lever off; `with_slippage`
/// the scenario's as set (`None` while a figure cannot be projected).
pub fn slippage_table(
    scenario: &Scenario,
    year: FiscalYear,
    baseline: ShownCash,
    on_time: Option<ShownCash>,
    with_slippage: Option<ShownCash>,
    lang: Lang,
) -> SlippageTable {
    let on_time_provenance = scenario_provenance(&without_slippage_levers(scenario));
    let slippage_provenance = scenario_provenance(scenario);
    let slippage = &scenario.slippage;
    let figure = Figure::model_or_scenario;
    let base = shown(baseline);
    let on_time = on_time.map(shown);
    let with_slippage = with_slippage.map(shown);
    let labels = [
        // No citation: the rows hold the model's and the scenario's figures (the
        // ongoing projects' cash is a lever), which Annex B need not print.
        l("新項目", "New projects"),
        l("進行中項目", "Ongoing projects"),
        l("總額", "Total"),
    ];
    let rows = ["new", "ongoing", "total"]
        .into_iter()
        .zip(labels)
        .enumerate()
        .map(|(index, (key, label))| {
            let pick = |figures: Option<[Money; 3]>| figures.and_then(|f| f.get(index).copied());
            let (before, after) = (pick(on_time), pick(with_slippage));
            Row {
                key,
                label: label.get(lang).to_string(),
                baseline: Figure::model(
                    Value::Millions(pick(Some(base)).unwrap_or_default()),
                    Basis::CalibratedProfile,
                ),
                on_time: before.map(|m| figure(Value::Millions(m), &on_time_provenance)),
                with_slippage: after.map(|m| figure(Value::Millions(m), &slippage_provenance)),
                effect: before
                    .zip(after)
                    .and_then(|(before, after)| after.checked_sub(before).ok())
                    .map(|change| figure(Value::MillionsChange(change), &slippage_provenance)),
            }
        })
        .collect();
    let none = l("不計延誤", "no slippage").get(lang).to_string();
    let includes = match (slippage.enabled, lang) {
        (true, Lang::Zh) => format!("計入延誤：{}", lever_words(slippage, lang)),
        (true, Lang::En) => format!("includes slippage: {}", lever_words(slippage, lang)),
        (false, _) => l("不計延誤（延誤調節關閉）", "no slippage (the lever is off)").get(lang).to_string(),
    };
    let effect = match (slippage.enabled, lang) {
        (true, _) => l("計入與不計延誤之差", "with slippage minus all on time").get(lang).to_string(),
        (false, _) => l("延誤調節關閉時為 0", "0 while the lever is off").get(lang).to_string(),
    };
    SlippageTable {
        caption: match lang {
            Lang::Zh => format!("{}現金需求（百萬元）", year_text(year, lang)),
            Lang::En => format!("{} cash need (HK$M)", year_text(year, lang)),
        },
        corner: l("項目類別", "Projects").get(lang).to_string(),
        columns: [
            Column {
                heading: MODEL_BASELINE.get(lang).to_string(),
                slippage: none.clone(),
                provenance: Provenance::Model(Basis::CalibratedProfile),
            },
            Column {
                heading: l("情景（全部依期）", "Scenario, all on time").get(lang).to_string(),
                slippage: none,
                provenance: on_time_provenance,
            },
            Column {
                heading: l("情景（計入延誤）", "Scenario with slippage").get(lang).to_string(),
                slippage: includes,
                provenance: slippage_provenance.clone(),
            },
            Column {
                heading: l("延誤的影響", "Effect of slippage").get(lang).to_string(),
                slippage: effect,
                provenance: slippage_provenance,
            },
        ],
        rows,
    }
}

/// The paper's own 2018-19 figures, which the model baseline is calibrated to:
/// Annex B's 243 / 817 / 1,060, cited.
pub fn annex_b_note(data: &Dataset, lang: Lang) -> Option<Sentence> {
    let cohort = |cohort| Printed::Cohort { cohort, column: AnnexBColumn::Cash }.figure(data);
    let (new, ongoing) = (cohort(CohortId::New)?, cohort(CohortId::Ongoing)?);
    let total = Printed::CohortTotal(AnnexBColumn::Cash).figure(data)?;
    let template = lang.pick(
        "文件只印出 2018-19 年度的總數：新項目 {$}、進行中項目 {$}、合共 {$}。模型基線按這些數字校準，文件沒有按季或以後年度的數字。",
        "The paper prints only 2018-19's totals: new projects {$}, ongoing {$}, in all {$}. The model baseline is calibrated to them; the paper has no quarterly or later figures.",
    );
    Some(Sentence::fill(template, [new, ongoing, total]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A share is typed as 0.33, 33% or 69/210: its fields offer the keyboard that has
    /// the per cent sign and the slash (audit 21: the decimal keypad opened).
    #[test]
    fn a_share_field_offers_the_keys_its_hint_asks_for() {
        use crate::screens::risk::simulation::{late_field, overrun_probability_field};
        for spec in [share_field(), late_field(), overrun_probability_field()] {
            assert!(spec.full_keyboard, "{}", spec.label.get(crate::lang::Lang::En));
            assert_eq!((spec.read)("33%").ok(), (spec.read)("0.33").ok());
        }
    }
    use crate::screens::risk::tests::{engine, paper, project};
    use blockvote_model::engine::para5_late_share;

    /// The table as a member reads it: one line per row, `label: baseline | on time |
    /// with slippage | effect`, and a line of the columns' marks.
    fn read(table: &SlippageTable, lang: Lang) -> Vec<String> {
        let text = |figure: &Option<Figure>| figure.as_ref().map(|f| f.text(lang)).unwrap_or_else(|| "—".into());
        let mut lines: Vec<String> = table
            .rows
            .iter()
            .map(|row| {
                let cells =
                    [Some(row.baseline.clone()), row.on_time.clone(), row.with_slippage.clone(), row.effect.clone()];
                format!("{}: {}", row.label, cells.iter().map(text).collect::<Vec<_>>().join(" | "))
            })
            .collect();
        lines.push(table.columns.iter().map(|c| c.provenance.mark(lang)).collect::<Vec<_>>().join(" | "));
        lines
    }

    #[track_caller]
    fn check(scenario: &Scenario, lang: Lang, expected: &[&str]) {
        let engine = engine();
        let shown = |scenario: &Scenario| crate::cash::shown_budget_year(&project(&engine, scenario));
        let baseline = project(&engine, &Scenario::default());
        let on_time = shown(&Scenario { slippage: Slippage::default(), ..scenario.clone() });
        let table = slippage_table(
            scenario,
            baseline.budget_year_totals.year,
            crate::cash::shown_budget_year(&baseline),
            Some(on_time),
            Some(shown(scenario)),
            lang,
        );
        assert_eq!(read(&table, lang), expected);
    }

    #[test]
    fn para5_s_slippage_is_the_member_s_scenario_and_adds_up() {
        check(
            &Scenario::default(),
            Lang::En,
            &[
                "New projects: 243.0 | 243.0 | 243.0 | 0.0",
                "Ongoing projects: 817.0 | 817.0 | 817.0 | 0.0",
                "Total: 1,060.0 | 1,060.0 | 1,060.0 | 0.0",
                "model | model | model | model",
            ],
        );
        let para5 = Scenario { slippage: para5_slippage(), ..Scenario::default() };
        check(
            &para5,
            Lang::En,
            &[
                "New projects: 243.0 | 243.0 | 211.0 | -32.0",
                "Ongoing projects: 817.0 | 817.0 | 817.0 | 0.0",
                "Total: 1,060.0 | 1,060.0 | 1,028.0 | -32.0",
                "model | model | scenario | scenario",
            ],
        );
        check(
            &para5,
            Lang::Zh,
            &[
                "新項目: 243.0 | 243.0 | 211.0 | -32.0",
                "進行中項目: 817.0 | 817.0 | 817.0 | 0.0",
                "總額: 1,060.0 | 1,060.0 | 1,028.0 | -32.0",
                "模型 | 模型 | 情景 | 情景",
            ],
        );
    }

    #[test]
    fn other_levers_make_the_figures_the_scenario_s() {
        let mut scenario = Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() };
        scenario.slippage = Slippage { enabled: true, share: Decimal::new(5, 1), quarters: 2 };
        check(
            &scenario,
            Lang::Zh,
            &[
                "新項目: 243.0 | 267.3 | 189.6 | -77.7",
                "進行中項目: 817.0 | 817.0 | 817.0 | 0.0",
                "總額: 1,060.0 | 1,084.3 | 1,006.6 | -77.7",
                "模型 | 情景 | 情景 | 情景",
            ],
        );
    }

    /// The scenario with slippage reads, year and parts, as the cash flow's year table
    /// shows the same year: rounded here on its own, an audit's scenario read 899.1
    /// (new 82.1) on this screen and 899.0 (new 82.0) on the Cash flow screen.
    #[test]
    fn the_year_reads_as_the_cash_flow_s_year_table_shows_it() {
        let engine = engine();
        let baseline = project(&engine, &Scenario::default());
        for link in [
            "slip=23/70&delay=2&cost=12.5&ceiling=20&cap=900&rule=latest_start&cat=1:300&p=17:b9.5",
            "slip=69/210&delay=1&cost=-7.3",
            "",
        ] {
            let scenario = blockvote_model::link::decode_link(link).0.scenario;
            let projection = project(&engine, &scenario);
            let cash_flow = crate::cash::year_table(&projection, &baseline, Lang::En);
            let Some(year) = cash_flow.rows.iter().find(|row| row.key == "2018-19") else {
                panic!("{link}: no 2018-19 row");
            };
            let shown = crate::cash::shown_budget_year(&projection);
            let table = slippage_table(
                &scenario,
                projection.budget_year_totals.year,
                crate::cash::shown_budget_year(&baseline),
                Some(shown),
                Some(shown),
                Lang::En,
            );
            let risk: Vec<String> = table
                .rows
                .iter()
                .map(|row| row.with_slippage.as_ref().map(|f| f.text(Lang::En)).unwrap_or_default())
                .collect();
            let expected = [&year.new, &year.ongoing, &year.total].map(|f| f.text(Lang::En));
            assert_eq!(risk, expected, "{link}");
        }
    }

    #[test]
    fn the_columns_say_what_they_include_of_slippage() {
        let engine = engine();
        let baseline = project(&engine, &Scenario::default());
        let (year, shown) = (baseline.budget_year_totals.year, crate::cash::shown_budget_year(&baseline));
        let headings = |scenario: &Scenario, lang| {
            slippage_table(scenario, year, shown, None, None, lang)
                .columns
                .iter()
                .map(|c| format!("{} ({})", c.heading, c.slippage))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            headings(&Scenario { slippage: para5_slippage(), ..Scenario::default() }, Lang::En),
            [
                "Model baseline (calibrated to Annex B) (no slippage)",
                "Scenario, all on time (no slippage)",
                "Scenario with slippage (includes slippage: 32.9% late by 1 quarter, after para 5's record: 69 of 210 returns late)",
                "Effect of slippage (with slippage minus all on time)",
            ]
        );
        assert_eq!(headings(&Scenario::default(), Lang::Zh)[2], "情景（計入延誤） (不計延誤（延誤調節關閉）)");
        assert_eq!(
            headings(&Scenario { slippage: para5_slippage(), ..Scenario::default() }, Lang::Zh)[2],
            "情景（計入延誤） (計入延誤：32.9% 延誤 1 季，按第 5 段紀錄：210 份報表中 69 份未能依期完成)"
        );
        let half = Slippage { enabled: true, share: Decimal::new(5, 1), quarters: 2 };
        assert_eq!(lever_words(&half, Lang::En), "50.0% late by 2 quarters");
    }

    #[test]
    fn the_paper_s_2018_19_figures_are_cited_from_annex_b() {
        let read = |lang| annex_b_note(&paper(), lang).map(|s| s.read(lang)).unwrap_or_default();
        assert_eq!(
            read(Lang::En),
            "The paper prints only 2018-19's totals: new projects HK$243M [Annex B], ongoing HK$817M [Annex B], in \
             all HK$1,060M [Annex B]. The model baseline is calibrated to them; the paper has no quarterly or later \
             figures."
        );
        assert!(read(Lang::Zh).contains("243 百萬元 [附件 B]"));
    }

    #[test]
    fn fields_read_shares_and_whole_quarters() {
        let read = |spec: FieldSpec<Decimal>, text: &str| match (spec.read)(text) {
            Ok(value) => (spec.write)(&value),
            Err(error) => format!("error: {}", error.get(Lang::En)),
        };
        assert_eq!(read(share_field(), "69/210"), "69/210");
        assert_eq!(read(share_field(), "40%"), "0.4");
        assert_eq!(read(delay_field(), "2"), "2");
        assert_eq!(read(delay_field(), "1.5"), "error: Enter a whole number");
        assert_eq!(delay_field().label.en, "Delay, d");
        assert_eq!(share_readout(Decimal::new(5, 1), Lang::En), "= 50.0% late, 50.0% on time");
        assert_eq!(share_readout(para5_late_share(), Lang::Zh), "= 32.9% 延誤，67.1% 依期");
    }
}
