//! The presenter view: one scenario per screen in large type for the committee room —
//! the scenario on screen first, then every saved scenario in the store's order. Each
//! slide's figures are the comparison's (`crate::compare`), so a slide never shows a
//! figure the Scenarios screen would show differently.

use crate::compare::{comparison, global_levers, Compared, Direction, RowKind};
use crate::format::count;
use crate::lang::{l, Bilingual, Label, Lang};
use crate::provenance::Figure;
use blockvote_model::exports::Summary;
use blockvote_model::Dataset;

pub const HEADING: Label = l("簡報模式", "Presenter view");
pub const PREVIOUS: Label = l("上一個情景", "Previous scenario");
pub const NEXT: Label = l("下一個情景", "Next scenario");
pub const SWITCH_LANGUAGE: Label = l("English", "中文");
pub const BOTH_LANGUAGES: Label = l("中英並列", "Both languages");
pub const PRINT: Label = l("列印全部情景", "Print every scenario");
pub const LEAVE: Label = l("離開簡報模式", "Leave presenter view");
pub const OPEN: Label = l("簡報模式（全螢幕顯示各情景）", "Presenter view (each scenario full screen)");
pub const KEYS: Label = l(
    "← → 切換情景；L 切換語言；B 中英並列；P 列印；Esc 離開",
    "← → move between scenarios; L switches language; B shows both languages; P prints; Esc leaves",
);
pub const CONTROLS: Label = l("簡報控制", "Presenter controls");
pub const NO_SAVED: Label = l(
    "在「情景」畫面儲存情景後，可在這裏逐一展示。",
    "Save scenarios on the Scenarios screen to present them here one after another.",
);
pub const CHANGE_NOTE: Label = l(
    "括號內為與模型基線（按附件 B 校準）的差額；「文件」為文件所印的數字。",
    "In brackets, the change from the model baseline (calibrated to Annex B); “Paper” is the figure the paper prints.",
);
pub const PAPER_PREFIX: Label = l("文件：", "Paper: ");
pub const CHART_HEADING: Label = l("每季現金流量（百萬元）", "Cash flow by quarter (HK$M)");
pub const NO_LEVERS: Label = l("沒有套用於所有項目的調節。", "No lever applied to every project alike.");

const ON_SCREEN: Label = l("目前畫面上的情景", "The scenario on screen");
const THE_PAPERS_PLAN: Label = l("文件的方案", "The paper's plan");
const NOT_SAVED: Label = l("未儲存", "not saved");
const THE_PAPERS_LEVERS: Label =
    l("未改動任何調節：模型基線（按附件 B 校準）", "No lever moved: the model baseline (calibrated to Annex B)");
const SAVED: Label = l("已儲存的情景", "Saved scenario");

/// The figures a slide shows, by the comparison's row keys, the first in large type.
/// Rows the comparison names by year (`year-2018-19-ongoing`) are matched by their end.
const CARD_ROWS: [&str; 6] =
    ["budget-year-total", "-ongoing", "-new", "allocation-less-cash", "new-included", "projects-changed"];

/// Which slide this is, for its title and subtitle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlideSource {
    /// The scenario being edited; `unchanged` when it is the paper's plan.
    OnScreen { unchanged: bool },
    /// A saved scenario: its name and when it was last saved, as the Scenarios
    /// screen words it.
    Saved { name: String, saved_on: Bilingual },
}

/// One figure of a slide.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Card {
    /// The comparison row's key, for test ids.
    pub key: String,
    pub label: String,
    /// The scenario's figure; `None` when the engine refused the scenario.
    pub scenario: Option<Figure>,
    /// The figure the paper prints, when it prints one.
    pub paper: Option<Figure>,
    /// The change from the model baseline, as shown; `None` when there is none.
    pub change: Option<Figure>,
    pub direction: Direction,
}

/// A slide as a member reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slide {
    pub title: String,
    pub subtitle: String,
    pub cards: Vec<Card>,
    /// The levers applied to every project alike, one sentence each.
    pub levers: Vec<String>,
    /// Why the engine refused the scenario, if it did.
    pub problem: Option<String>,
}

/// "2 of 5" / "第 2 個，共 5 個".
pub fn position(index: usize, total: usize, lang: Lang) -> String {
    let (shown, total) = (count(index.saturating_add(1)), count(total));
    match lang {
        Lang::Zh => format!("第 {shown} 個，共 {total} 個"),
        Lang::En => format!("{shown} of {total}"),
    }
}

/// The slide of `compared` (projected by the caller), with its figures beside the
/// paper's and the model baseline's.
pub fn slide(data: &Dataset, baseline: &Summary, compared: &Compared, source: &SlideSource, lang: Lang) -> Slide {
    let table = comparison(data, baseline, std::slice::from_ref(compared), lang);
    let cards = CARD_ROWS
        .iter()
        .filter_map(|wanted| {
            table.rows.iter().find(|row| {
                row.kind == RowKind::Headline
                    && (row.key == *wanted || (wanted.starts_with('-') && row.key.ends_with(wanted)))
            })
        })
        .map(|row| {
            let cell = row.scenarios.first();
            Card {
                key: row.key.clone(),
                label: row.label.trim_start_matches('\u{3000}').to_string(),
                scenario: cell.and_then(|c| c.figure.clone()),
                paper: row.paper.clone(),
                change: cell.and_then(|c| c.change.clone()),
                direction: cell.map_or(Direction::Same, |c| c.direction),
            }
        })
        .collect();
    let (title, subtitle) = match source {
        SlideSource::OnScreen { unchanged: true } => {
            (THE_PAPERS_PLAN.get(lang).to_string(), THE_PAPERS_LEVERS.get(lang).to_string())
        }
        SlideSource::OnScreen { unchanged: false } => {
            (ON_SCREEN.get(lang).to_string(), NOT_SAVED.get(lang).to_string())
        }
        SlideSource::Saved { name, saved_on } => {
            (name.clone(), format!("{}{}{}", SAVED.get(lang), lang.pick("：", ": "), saved_on.get(lang)))
        }
    };
    // A lever applies to the projects the scenario includes, as the slide counts them.
    let projects = compared.summary.as_ref().map_or(data.projects.len(), |s| s.included);
    let mut levers: Vec<String> =
        global_levers(&compared.scenario).iter().map(|lever| lever.sentence(projects, lang)).collect();
    if levers.is_empty() {
        levers.push(NO_LEVERS.get(lang).to_string());
    }
    Slide { title, subtitle, cards, levers, problem: table.problems.first().cloned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::engine::{Engine, Scenario};
    use blockvote_model::exports::summarize;
    use rust_decimal::Decimal;

    /// The cards of `scenario`'s slide as `key: scenario text (whose) [paper text]
    /// (change)`.
    #[track_caller]
    fn check(scenario: Scenario, lang: Lang, expected: &[&str]) {
        let data = Dataset::paper().expect("the paper loads");
        let engine = Engine::new(&data).expect("the engine builds");
        let baseline = summarize(&engine.project(&Scenario::default()).expect("baseline"));
        let compared = Compared::project(Ok(&engine), "A", &scenario);
        let source = SlideSource::OnScreen { unchanged: scenario == Scenario::default() };
        let shown: Vec<String> = slide(&data, &baseline, &compared, &source, lang)
            .cards
            .iter()
            .map(|card| {
                let text = |f: &Option<Figure>| f.as_ref().map(|f| f.text(lang)).unwrap_or_default();
                let whose = card.scenario.as_ref().map(|f| f.provenance().mark(lang)).unwrap_or_default();
                let (scenario, paper, change) = (text(&card.scenario), text(&card.paper), text(&card.change));
                format!("{}: {scenario} ({whose}) [{paper}] ({change})", card.key)
            })
            .collect();
        assert_eq!(shown, expected);
    }

    #[test]
    fn the_papers_plan_shows_the_model_s_figures_beside_the_paper_s() {
        check(
            Scenario::default(),
            Lang::En,
            &[
                "budget-year-total: 1,060.0 (model) [1,060] ()",
                "year-2018-19-ongoing: 817.0 (model) [817] ()",
                "year-2018-19-new: 243.0 (model) [243] ()",
                "allocation-less-cash: 0.0 (model) [] ()",
                "new-included: 254 (para 7) [254] ()",
                "projects-changed: 0 (model) [] ()",
            ],
        );
    }

    #[test]
    fn a_cost_change_shows_its_change_from_the_baseline() {
        let scenario = Scenario { cost_change_pct: Decimal::TEN, ..Scenario::default() };
        check(
            scenario,
            Lang::En,
            &[
                "budget-year-total: 1,084.3 (scenario) [1,060] (+24.3)",
                // What the cost change leaves as it was is the model's.
                "year-2018-19-ongoing: 817.0 (model) [817] ()",
                "year-2018-19-new: 267.3 (scenario) [243] (+24.3)",
                "allocation-less-cash: -24.3 (scenario) [] (-24.3)",
                "new-included: 254 (para 7) [254] ()",
                // Every budget changes, the five of HK$0.2M too (to HK$0.22M).
                "projects-changed: 254 (scenario) [] (+254)",
            ],
        );
    }

    #[test]
    fn slides_are_titled_by_where_they_come_from() {
        let data = Dataset::paper().expect("the paper loads");
        let engine = Engine::new(&data).expect("the engine builds");
        let baseline = summarize(&engine.project(&Scenario::default()).expect("baseline"));
        let compared = Compared::project(Ok(&engine), "Tight year", &Scenario::default());
        let saved =
            SlideSource::Saved { name: "Tight year".into(), saved_on: l("2026年12月2日", "2 Dec 2026").into() };
        let titled = |source: &SlideSource, lang| {
            let s = slide(&data, &baseline, &compared, source, lang);
            format!("{} — {}", s.title, s.subtitle)
        };
        assert_eq!(titled(&saved, Lang::En), "Tight year — Saved scenario: 2 Dec 2026");
        assert_eq!(titled(&saved, Lang::Zh), "Tight year — 已儲存的情景：2026年12月2日");
        assert_eq!(titled(&SlideSource::OnScreen { unchanged: false }, Lang::En), "The scenario on screen — not saved");
        assert_eq!(position(1, 5, Lang::En), "2 of 5");
        assert_eq!(position(1, 5, Lang::Zh), "第 2 個，共 5 個");
    }
}
