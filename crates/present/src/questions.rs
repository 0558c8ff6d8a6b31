//! Questions to raise: each finding as a draft question in both languages, citing the
//! paragraph or annex and the figures; the member's list of questions (drafts picked
//! or edited, and their own) as the Brief's panel shows it and as the brief prints it.
//!
//! Every figure in a draft is a [`Figure`] and is written with its mark right after
//! it — `HK$10.0M [para 2]`, `35 [model]`, `HK$1,061.2M [scenario]` — so a question
//! read aloud or printed away from the app still says whose each figure is: only
//! what `Printed` reads is the paper's; what blockvote works out is marked model,
//! what follows from the levers scenario. The figures are worked out again from the
//! data and the scenario each time; only what the member typed is stored
//! (`blockvote_model::saved::questions`).

use crate::format::{count, money_with_unit, quarter_text};
use crate::lang::{l, Bilingual, Label, Lang};
use crate::paper::{AnnexBColumn, Indicator, Para5Column, Printed};
use crate::provenance::{Basis, Figure, PaperPlace, Provenance, Value};
use crate::words::{department_name, project_name};
use blockvote_model::engine::{Projection, Scenario};
use blockvote_model::findings::{
    findings, near_ceiling_edge, paper_candidates, same_department_under_ceiling, CeilingCandidate,
    SameDepartmentUnderCeiling, JUST_UNDER_CEILING_PERCENT,
};
use blockvote_model::nfc::Normalizer;
use blockvote_model::saved::{Question, QuestionProblem, MAX_QUESTIONS};
use blockvote_model::{CohortId, Dataset, Money};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The most projects one split-project draft lists by name; the rest are counted.
pub const MAX_PROJECTS_LISTED: usize = 8;

/// What the drafts are made from: the data, the scenario and its projection, and the
/// model baseline (the paper's own levers).
#[derive(Clone, Copy)]
pub struct DraftInput<'a> {
    pub data: &'a Dataset,
    pub projection: &'a Projection,
    pub baseline: &'a Projection,
    pub scenario: &'a Scenario,
}

/// A draft question made from a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Stable: the key a picked or edited question is stored under.
    pub key: String,
    /// What it is about, in a few words.
    pub topic: Bilingual,
    pub text: Bilingual,
    /// Whose its figures are, each kind and place once, in the order they appear.
    pub cites: Vec<Provenance>,
}

/// A figure as a question writes it: the value (with its unit) and its mark,
/// `HK$10M [para 2]` / `10 百萬元〔第 2 段〕` (a paper figure as the paper prints it).
pub fn said(figure: &Figure, lang: Lang) -> String {
    // `-HK$12.1M` / `-12.1 百萬元`: the sign before the unit, as it is read; a paper
    // figure as the paper prints it (`HK$10M [para 2]`).
    let value = figure.text_with_unit(lang);
    let mark = figure.provenance().mark(lang);
    match lang {
        Lang::Zh => format!("{value}〔{mark}〕"),
        Lang::En => format!("{value} [{mark}]"),
    }
}

/// A draft's figures, collected as they are written.
struct Citing {
    cites: Vec<Provenance>,
}

impl Citing {
    fn new() -> Citing {
        Citing { cites: Vec::new() }
    }

    /// The figure in both languages, its provenance noted.
    fn say(&mut self, figure: &Figure) -> Bilingual {
        // Each place in the paper once: a draft listing several of Annex C's projects
        // cites Annex C once, with the first project's words on hover. Each basis of
        // the model once.
        let place = |p: &Provenance| match p {
            Provenance::Paper(citation) => Some(citation.place()),
            _ => None,
        };
        let provenance = figure.provenance();
        let cited = self.cites.iter().any(|c| c == provenance || (place(c).is_some() && place(c) == place(provenance)));
        if !cited {
            self.cites.push(figure.provenance().clone());
        }
        Bilingual::new(said(figure, Lang::Zh), said(figure, Lang::En))
    }

    fn draft(self, key: impl Into<String>, topic: Bilingual, text: Bilingual) -> Draft {
        Draft { key: key.into(), topic, text, cites: self.cites }
    }
}

fn counted(n: usize, place: PaperPlace) -> Figure {
    Figure::model(Value::Count(u64::try_from(n).unwrap_or(u64::MAX)), Basis::Arithmetic(place))
}

fn amount(money: Money, basis: Basis) -> Figure {
    Figure::model(Value::Millions(money), basis)
}

/// Every draft for the data and scenario shown: the four findings about the paper,
/// the scenario's effect (when it changes anything), then one per department with
/// projects just under the ceiling that together exceed it.
pub fn drafts(input: DraftInput<'_>) -> Vec<Draft> {
    let mut list = Vec::new();
    list.extend(ceiling_bunching(input.data));
    list.extend(commitment(input.data));
    list.extend(lateness(input.data));
    list.extend(calibration(input.data, input.baseline));
    list.extend(scenario_effect(input));
    list.extend(same_department(input));
    list
}

/// Bunching under the HK$10M ceiling.
fn ceiling_bunching(data: &Dataset) -> Option<Draft> {
    let found = findings(data);
    let (_, at_top) = &found.at_top_budget;
    let mut c = Citing::new();
    let ceiling = c.say(&Printed::Ceiling.figure(data)?);
    let total = c.say(&Printed::NewProjectCount.figure(data)?);
    let top = c.say(&Printed::TopProjectBudget.figure(data)?);
    let n_top = c.say(&counted(at_top.len(), PaperPlace::AnnexC));
    let n_near = c.say(&counted(found.near_ceiling.len(), PaperPlace::AnnexC));
    let near_total = c.say(&amount(found.near_ceiling_total, Basis::Arithmetic(PaperPlace::AnnexC)));
    let margin = data.ceiling.checked_sub(near_ceiling_edge(data.ceiling)).ok()?;
    let (margin_zh, margin_en) = (money_with_unit(margin, Lang::Zh), money_with_unit(margin, Lang::En));
    let text = Bilingual::new(
        format!(
            "第 2 段訂明，每項需費超過 {}的電腦化計劃須獲財委會批准。附件 C 所列 {}個新項目中，有 {}個的預算正好是 {}，而在上限之下 {margin_zh}之內（blockvote 所指的「接近上限」）的共有 {}個，合共 {}。政府可否解釋為何這麼多項目的預算剛好低於上限，以及如何確保項目的規模不是為了留在轉授權力範圍內而訂定？",
            ceiling.zh, total.zh, n_top.zh, top.zh, n_near.zh, near_total.zh
        ),
        format!(
            "Para 2 requires the Finance Committee's approval for a computerisation project costing over {}. Of the {} new projects in Annex C, {} are budgeted at exactly {}, and {} lie within {margin_en} below it (blockvote's band “near the ceiling”), {} in all. Will the Administration explain why so many projects are budgeted just below the ceiling, and how it makes sure that projects are not sized to stay within delegated authority?",
            ceiling.en, total.en, n_top.en, top.en, n_near.en, near_total.en
        ),
    );
    Some(c.draft("ceiling-bunching", l("預算集中在上限之下", "Bunching under the ceiling").into(), text))
}

/// What the new projects commit beyond 2018-19.
fn commitment(data: &Dataset) -> Option<Draft> {
    let found = findings(data);
    let mut c = Citing::new();
    let count = c.say(&Printed::NewProjectCount.figure(data)?);
    let total = c.say(&amount(found.total_budget, Basis::Arithmetic(PaperPlace::AnnexC)));
    let cash = c.say(&Printed::Cohort { cohort: CohortId::New, column: AnnexBColumn::Cash }.figure(data)?);
    let beyond = c.say(&amount(
        found.committed_beyond_budget_year?,
        Basis::ArithmeticAcross(PaperPlace::AnnexC, PaperPlace::AnnexB),
    ));
    let text = Bilingual::new(
        format!(
            "{}個新項目的預算合共 {}，附件 B 只為它們預留 2018-19 年度 {}；其餘 {}會落在往後年度。政府可否按年列出這些項目在 2018-19 年度以後所需的現金流量，以及資金從何而來？",
            count.zh, total.zh, cash.zh, beyond.zh
        ),
        format!(
            "The {} new projects are budgeted at {} in all, while Annex B provides {} for them in 2018-19; the other {} falls to later years. Will the Administration set out, year by year, the cash these projects will need after 2018-19, and how it will be provided?",
            count.en, total.en, cash.en, beyond.en
        ),
    );
    Some(c.draft("commitment", l("2018-19 年度以後的承擔", "Commitments beyond 2018-19").into(), text))
}

/// Para 5's lateness applied to the new projects.
fn lateness(data: &Dataset) -> Option<Draft> {
    let found = findings(data);
    let schedule = |column| Printed::Performance { indicator: Indicator::Schedule, column }.figure(data);
    let mut c = Citing::new();
    let late = c.say(&schedule(Para5Column::NotMet)?);
    let returns = c.say(&Printed::Returns.figure(data)?);
    let count = c.say(&Printed::NewProjectCount.figure(data)?);
    let whole = found.expected_late_projects?.round().to_u64()?;
    let expected = c.say(&Figure::model(Value::Count(whole), Basis::Para5Record));
    let budget = c.say(&amount(found.expected_late_budget?.round_to(1), Basis::Para5Record));
    let text = Bilingual::new(
        format!(
            "第 5 段指出，2016 年 {}份「項目推行後部門報表」中，有 {}份匯報項目未能依期完成。若 {}個新項目的表現相同，約 {}個會延誤，涉及預算約 {}。政府自 2016 年以來採取了甚麼措施改善項目進度，2018-19 年度的現金流量又如何顧及延誤的項目？",
            returns.zh, late.zh, count.zh, expected.zh, budget.zh
        ),
        format!(
            "Para 5 reports that of 2016's {} post-implementation departmental returns, {} reported projects not completed on schedule. If the {} new projects fared the same, about {} would be late, carrying about {} of budget. What has the Administration done since 2016 to keep projects on schedule, and how does the 2018-19 cash flow allow for late projects?",
            returns.en, late.en, count.en, expected.en, budget.en
        ),
    );
    Some(c.draft("lateness", l("第 5 段的延誤紀錄", "Para 5's lateness").into(), text))
}

/// What Annex B's HK$243M implies about how the new projects are paid.
fn calibration(data: &Dataset, baseline: &Projection) -> Option<Draft> {
    let report = &baseline.calibration;
    let mut c = Citing::new();
    let cash = c.say(&Printed::Cohort { cohort: CohortId::New, column: AnnexBColumn::Cash }.figure(data)?);
    let total = c.say(&amount(findings(data).total_budget, Basis::Arithmetic(PaperPlace::AnnexC)));
    let even = c.say(&amount(report.even.round_to(1), Basis::SpendProfile));
    let share = report.retention.checked_mul(Decimal::ONE_HUNDRED)?;
    let retention = c.say(&Figure::model(Value::Percent(share), Basis::CalibratedProfile));
    let text = Bilingual::new(
        format!(
            "附件 B 為預算合共 {}的新項目預留 2018-19 年度 {}。若每個項目的預算平均分布於開展至完成的各季，2018-19 年度約需 {}；要與附件 B 的數字相符，blockvote 的模型須假設每個預算有 {}在完成時才支付。政府可否解釋這筆款項是如何估算的，以及假設了怎樣的付款模式？",
            total.zh, cash.zh, even.zh, retention.zh
        ),
        format!(
            "Annex B provides {} in 2018-19 for new projects budgeted at {} in all. Spreading each budget evenly over its quarters would need about {} in 2018-19; to match Annex B, blockvote's model has to assume that {} of each budget is paid only on completion. Will the Administration explain how this sum was estimated, and what pattern of payments it assumes?",
            cash.en, total.en, even.en, retention.en
        ),
    );
    Some(c.draft("calibration", l("附件 B 款額所隱含的假設", "What Annex B's sum implies").into(), text))
}

/// The scenario's effect on the 2018-19 cash, when it changes anything.
fn scenario_effect(input: DraftInput<'_>) -> Option<Draft> {
    if *input.scenario == Scenario::default() {
        return None;
    }
    // The 2018-19 totals as the brief's cash table shows them, not a second rounding.
    let shown = crate::cash::shown_budget_year(input.projection).total;
    let base = crate::cash::shown_budget_year(input.baseline).total;
    let mut c = Citing::new();
    let scenario = c.say(&Figure::scenario(Value::Millions(shown)));
    let baseline = c.say(&amount(base, Basis::CalibratedProfile));
    let allocation = c.say(&Printed::AllocationProposed.figure(input.data)?);
    let change = c.say(&Figure::scenario(Value::MillionsChange(shown.checked_sub(base).ok()?)));
    let text = Bilingual::new(
        format!(
            "按本簡報所列情景的假設，2018-19 年度所需現金為 {}，而 blockvote 的模型基線（按附件 B 校準）為 {}，差額 {}；建議的整體撥款為{}。政府有否評估這些假設成真時對 2018-19 年度撥款的影響，以及撥款是否仍然足夠？",
            scenario.zh,
            baseline.zh,
            change.zh,
            // The allocation is the paper's "about" HK$1,060M (約 1,060 百萬元): a space
            // goes between Chinese and a number, not between two Chinese words.
            allocation.zh
        ),
        format!(
            "Under the assumptions of the scenario in this brief, 2018-19 would need {} in cash, against {} in blockvote's model baseline (calibrated to Annex B), a change of {}; the proposed block allocation is {}. Has the Administration assessed how the 2018-19 allocation would be affected if these assumptions held, and whether it would still suffice?",
            scenario.en, baseline.en, change.en, allocation.en
        ),
    );
    Some(c.draft("scenario-effect", l("情景的影響", "This scenario's effect").into(), text))
}

/// The scenario's included projects, with its budgets and schedules.
fn scenario_candidates(projection: &Projection, data: &Dataset) -> Vec<CeilingCandidate> {
    projection
        .projects
        .iter()
        .filter(|o| o.included)
        .filter_map(|o| {
            Some(CeilingCandidate {
                id: o.id,
                department: data.project(o.id)?.department,
                budget: o.budget,
                start: o.start,
                completion: o.completion,
            })
        })
        .collect()
}

/// One draft per department with projects just under the ceiling that together
/// exceed it, under the scenario's ceiling and budgets.
fn same_department(input: DraftInput<'_>) -> Vec<Draft> {
    let ceiling = input.projection.delegation.ceiling;
    let candidates = scenario_candidates(input.projection, input.data);
    let paper_ceiling = ceiling == input.projection.delegation.paper_ceiling;
    // The groups Annex C's own figures make under the paper's ceiling, found once for
    // all the drafts (once a draft, they took seconds for 300 departments).
    let paper_groups =
        if paper_ceiling { same_department_under_ceiling(&paper_candidates(input.data), ceiling) } else { Vec::new() };
    same_department_under_ceiling(&candidates, ceiling)
        .iter()
        .filter_map(|group| same_department_draft(input, group, ceiling, &paper_groups))
        .collect()
}

/// The draft about `group`; `paper_groups` are the groups Annex C's own figures make
/// under the paper's ceiling (none when the scenario's ceiling is another).
fn same_department_draft(
    input: DraftInput<'_>,
    group: &SameDepartmentUnderCeiling,
    ceiling: Money,
    paper_groups: &[SameDepartmentUnderCeiling],
) -> Option<Draft> {
    let data = input.data;
    let department = data.departments.get(group.department)?;
    let paper_ceiling = ceiling == input.projection.delegation.paper_ceiling;
    let mut c = Citing::new();
    let ceiling_said =
        c.say(&if paper_ceiling { Printed::Ceiling.figure(data)? } else { Figure::scenario(Value::Millions(ceiling)) });
    // A budget is Annex C's while the scenario leaves it as printed (a moved schedule
    // leaves it so).
    let budget_as_printed = |candidate: &CeilingCandidate| {
        data.project(candidate.id).is_some_and(|project| project.budget == candidate.budget)
    };
    // Annex C "lists" the group only when it is the group its own figures make, under
    // its ceiling: the same projects at the budgets and dates it prints. Leaving one
    // out or budgeting it otherwise changes the group (with No. 16 left out, the draft
    // said Annex C lists 2 projects of the Architectural Services Department; it lists 3).
    let paper_group = paper_groups.iter().find(|paper| paper.department == group.department);
    let annex_c_group = paper_ceiling && paper_group.is_some_and(|paper| paper.projects == group.projects);
    // Their sum is worked out from Annex C while every budget in it is as printed.
    let budgets_as_printed = group.projects.iter().all(budget_as_printed);
    let mut listed = (Vec::new(), Vec::new());
    for candidate in group.projects.iter().take(MAX_PROJECTS_LISTED) {
        let project = data.project(candidate.id)?;
        let as_printed = budget_as_printed(candidate);
        // A budget the scenario changed is written with every decimal it has (HK$9.68M,
        // not 9.7), as the Thresholds screen writes it: rounded, the parts said could
        // disagree with their sum (9.7 + 9.4 + 9.5 beside "together 28.5"), and a
        // budget just under the ceiling could read as the ceiling itself (9.96 as 10.0).
        let budget = c.say(&match Printed::ProjectBudget(candidate.id).figure(data).filter(|_| as_printed) {
            Some(figure) => figure,
            None => Figure::scenario(Value::MillionsExact(candidate.budget)),
        });
        let (zh_name, en_name) = (project_name(project, Lang::Zh), project_name(project, Lang::En));
        let (start_zh, end_zh) =
            (quarter_text(candidate.start, Lang::Zh), quarter_text(candidate.completion, Lang::Zh));
        let (start_en, end_en) =
            (quarter_text(candidate.start, Lang::En), quarter_text(candidate.completion, Lang::En));
        listed.0.push(format!("第 {} 項「{zh_name}」，{}，{start_zh} 至 {end_zh}", candidate.id, budget.zh));
        listed.1.push(format!("No. {} “{en_name}”, {}, {start_en} to {end_en}", candidate.id, budget.en));
    }
    let more = group.projects.len().saturating_sub(MAX_PROJECTS_LISTED);
    if more > 0 {
        listed.0.push(format!("及另外 {more} 個"));
        listed.1.push(format!("and {more} more"));
    }
    let combined = c.say(&if budgets_as_printed && Printed::NewProjectCount.figure(data).is_some() {
        amount(group.combined, Basis::Arithmetic(PaperPlace::AnnexC))
    } else {
        Figure::scenario(Value::MillionsExact(group.combined))
    });
    let n = group.projects.len();
    let (zh_department, en_department) =
        (department_name(data, group.department, Lang::Zh), department_name(data, group.department, Lang::En));
    // Annex C is named only for its own group (above): a scenario's group (a cost rise
    // puts other projects just under the ceiling) is said to be the scenario's, and the
    // question put about it is about the scenario.
    let (zh_opening, en_opening) = if annex_c_group {
        (("附件 C 列出", "的"), ("Annex C lists", ","))
    } else {
        (("在所示情景下，", "有"), ("In the scenario shown,", " are"))
    };
    let text = Bilingual::new(
        format!(
            "{}{zh_department}{} {n} 個項目，每個的預算都剛好低於 {}的上限（達上限的 {JUST_UNDER_CEILING_PERCENT}% 或以上，這是 blockvote 用以界定「剛好低於」的門檻）：{}。這些項目合共 {}，超過上限。這是值得查詢的模式，並非指有任何不當：政府可否確認這些是各自獨立的項目；若彼此相關，為何沒有作為一個項目提交財委會審批？",
            zh_opening.0,
            zh_opening.1,
            ceiling_said.zh,
            listed.0.join("；"),
            combined.zh
        ),
        format!(
            "{} {n} projects of the {en_department}{} each budgeted just under the {} ceiling (at {JUST_UNDER_CEILING_PERCENT}% of it or more, blockvote's threshold for “just under”): {}. Together they come to {}, above the ceiling. This is a pattern to ask about, not a finding of anything wrong: will the Administration confirm that these are separate projects, and if they are related, why they were not put to the Finance Committee as one?",
            en_opening.0,
            en_opening.1,
            ceiling_said.en,
            listed.1.join("; "),
            combined.en
        ),
    );
    let topic = Bilingual::new(
        format!("同一部門的項目剛好低於上限：{zh_department}"),
        format!(
            "One department, just under the ceiling: {}",
            if department.abbrev_en.is_empty() { en_department } else { department.abbrev_en.clone() }
        ),
    );
    Some(c.draft(format!("split-{}", department.order), topic, text))
}

// ---------------------------------------------------------------------------------
// The member's list: the panel's rows, the printed section, and the changes
// ---------------------------------------------------------------------------------

pub const HEADING: Label = l("要提出的問題", "Questions to raise");
pub const PANEL_NOTE: Label = l(
    "每項發現都可成為問題的草稿。勾選要提出的問題，可修改字眼（只改動目前語言的版本，另一語言的草稿保持不變），或加入自己的問題。勾選的問題會按次序印在簡報上，並隨情景一同儲存（亦載於情景檔案及離線副本）；連結不會帶上問題。",
    "Each finding can become a draft question. Tick the ones to raise, change their words (only the version in the language shown; the other language's draft stays as it is), or add your own. The ticked questions are printed in the brief, in this order, and saved with the scenario (and carried by its file and the offline copy); a link does not carry them.",
);
pub const MARKS_NOTE: Label = l(
    "方括號標示每個數字的來源：〔第 n 段〕、〔附件 X〕為文件所載；〔模型〕為 blockvote 按文件推算，並非文件原文；〔情景〕按所示情景的調節計算。",
    "The brackets say whose each figure is: [para n] and [Annex X] are printed in the paper; [model] is worked out by blockvote from the paper, not printed in it; [scenario] follows from the levers of the scenario shown.",
);
pub const CITES: Label = l("引用：", "Cites: ");
pub const OWN_TOPIC: Label = l("你的問題", "Your question");
pub const RAISE: Label = l("提出", "Raise");
pub const ADD_OWN: Label = l("加入自己的問題", "Add a question of your own");
pub const MOVE_UP: Label = l("上移", "Move up");
pub const MOVE_DOWN: Label = l("下移", "Move down");
pub const REMOVE: Label = l("移除", "Remove");
pub const EDITED: Label = l("已修改", "edited");
pub const GONE: Label = l(
    "這份草稿不再適用於所示的資料或情景；只會保留你寫的字眼。",
    "This draft no longer applies to the data or scenario shown; only the words you wrote are kept.",
);
pub const NONE_PICKED: Label = l(
    "未有勾選要提出的問題；勾選後會印在簡報上。",
    "No question is ticked yet; ticked questions are printed in the brief.",
);
pub const TEXT_LABEL: Label = l("問題的字眼", "Wording of the question");
pub const LEFT_OUT: Label = l(
    "此分頁保存的問題有部分未能讀取，已略去；原文按原樣保留，可下載。",
    "Some of the questions this tab kept could not be read and are left out; their text is kept as it was, to download.",
);
pub const DOWNLOAD_LEFT_OUT: Label = l("下載原文", "Download the text");
/// The file a kept draft that did not all read downloads as.
pub const LEFT_OUT_FILE: &str = "blockvote-questions-unreadable.json";
pub const YOURS: Label = l("你的問題", "Your questions");
pub const DRAFTS: Label = l("由發現而來的草稿", "Drafts from the findings");

/// The words of a problem with the questions, said at the field or button.
pub fn problem(problem: &QuestionProblem) -> Bilingual {
    match problem {
        QuestionProblem::TooMany { max } => Bilingual::new(
            format!("每個情景最多可保留 {max} 條問題；請先移除一條。"),
            format!("A scenario can keep at most {max} questions; remove one first."),
        ),
        QuestionProblem::TooLong { max } => Bilingual::new(
            format!("每條問題不可超過 {} 字；請刪減後才會保留修改。", count(*max)),
            format!("A question can have at most {} characters; shorten it for the change to be kept.", count(*max)),
        ),
        QuestionProblem::BadKey => l("此問題無法使用。", "That question cannot be used.").into(),
    }
}

/// A question's text in `lang`: what the member typed in it, else the draft's, else
/// (a question of their own, or a draft that no longer applies) what they typed in
/// the other language; empty if there is nothing.
pub fn question_text(question: &Question, draft: Option<&Draft>, lang: Lang) -> String {
    let (mine, other) = match lang {
        Lang::Zh => (&question.zh, &question.en),
        Lang::En => (&question.en, &question.zh),
    };
    mine.clone().or_else(|| draft.map(|d| d.text.get(lang).to_string())).or_else(|| other.clone()).unwrap_or_default()
}

/// A row of the panel: a question in the member's list, or a draft not yet in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelRow {
    pub key: String,
    pub topic: String,
    /// In the member's list (editable, movable); otherwise a draft offered.
    pub listed: bool,
    pub picked: bool,
    pub text: String,
    /// The text shown is the member's own words in this language.
    pub edited: bool,
    pub cites: Vec<Provenance>,
    /// Its draft no longer applies (the data or the scenario changed).
    pub gone: bool,
}

/// The panel: the member's list in their order, then every draft not in it.
pub fn panel_rows(drafts: &[Draft], questions: &[Question], lang: Lang) -> Vec<PanelRow> {
    let draft = |key: &str| drafts.iter().find(|d| d.key == key);
    let listed = questions.iter().map(|question| {
        let found = draft(&question.key);
        let mine = match lang {
            Lang::Zh => &question.zh,
            Lang::En => &question.en,
        };
        PanelRow {
            key: question.key.clone(),
            topic: found.map_or_else(|| OWN_TOPIC.get(lang).to_string(), |d| d.topic.get(lang).to_string()),
            listed: true,
            picked: question.picked,
            text: question_text(question, found, lang),
            edited: mine.is_some() && !question.is_own(),
            cites: found.map(|d| d.cites.clone()).unwrap_or_default(),
            gone: found.is_none() && !question.is_own(),
        }
    });
    let offered = drafts.iter().filter(|d| !questions.iter().any(|q| q.key == d.key)).map(|d| PanelRow {
        key: d.key.clone(),
        topic: d.topic.get(lang).to_string(),
        listed: false,
        picked: false,
        text: d.text.get(lang).to_string(),
        edited: false,
        cites: d.cites.clone(),
        gone: false,
    });
    listed.chain(offered).collect()
}

/// The brief's "Questions to raise": the ticked questions, numbered, in the member's
/// order, each in the language of the brief.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedQuestions {
    pub title: String,
    /// `(number, text)`.
    pub items: Vec<(usize, String)>,
    /// How the marks in brackets read.
    pub note: String,
}

pub fn printed(drafts: &[Draft], questions: &[Question], lang: Lang) -> PrintedQuestions {
    let items: Vec<(usize, String)> = questions
        .iter()
        .filter(|q| q.picked)
        .map(|q| question_text(q, drafts.iter().find(|d| d.key == q.key), lang))
        .filter(|text| !text.is_empty())
        .enumerate()
        .map(|(index, text)| (index + 1, text))
        .collect();
    PrintedQuestions { title: HEADING.get(lang).to_string(), items, note: MARKS_NOTE.get(lang).to_string() }
}

/// Ticks or unticks a question; a draft not yet in the list joins it at the end.
pub fn set_picked(questions: &mut Vec<Question>, key: &str, picked: bool) -> Result<(), QuestionProblem> {
    if let Some(question) = questions.iter_mut().find(|q| q.key == key) {
        question.picked = picked;
        return Ok(());
    }
    if !picked {
        return Ok(());
    }
    if questions.len() >= MAX_QUESTIONS {
        return Err(QuestionProblem::TooMany { max: MAX_QUESTIONS });
    }
    questions.push(Question { key: key.to_string(), picked: true, ..Question::default() });
    Ok(())
}

/// The member's words for a question in `lang` (empty: the draft's again). Refused,
/// and nothing changed, past `MAX_QUESTION_CHARS`. The text is made NFC by `normalize`.
pub fn set_text(
    questions: &mut [Question],
    key: &str,
    lang: Lang,
    text: &str,
    normalize: Normalizer,
) -> Result<(), QuestionProblem> {
    let cleaned = blockvote_model::saved::clean_question_text(text, normalize)?;
    if let Some(question) = questions.iter_mut().find(|q| q.key == key) {
        match lang {
            Lang::Zh => question.zh = cleaned,
            Lang::En => question.en = cleaned,
        }
    }
    Ok(())
}

/// Adds an empty, ticked question of the member's own at the end; returns its key.
pub fn add_own(questions: &mut Vec<Question>) -> Result<String, QuestionProblem> {
    if questions.len() >= MAX_QUESTIONS {
        return Err(QuestionProblem::TooMany { max: MAX_QUESTIONS });
    }
    let key = blockvote_model::saved::questions::new_own_key(questions);
    questions.push(Question { key: key.clone(), picked: true, ..Question::default() });
    Ok(key)
}

/// Moves a question one place up (`up`) or down in the list.
pub fn move_question(questions: &mut [Question], key: &str, up: bool) {
    let Some(at) = questions.iter().position(|q| q.key == key) else { return };
    let to = if up { at.checked_sub(1) } else { Some(at + 1).filter(|to| *to < questions.len()) };
    if let Some(to) = to {
        questions.swap(at, to);
    }
}

/// Removes a question from the list (a draft is offered again, unticked).
pub fn remove(questions: &mut Vec<Question>, key: &str) {
    questions.retain(|q| q.key != key);
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::engine::Engine;
    use blockvote_model::nfc::nfc;

    struct Fixture {
        data: Dataset,
        baseline: Projection,
        projection: Projection,
        scenario: Scenario,
    }

    fn fixture(scenario: Scenario) -> Fixture {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let engine = Engine::new(&data).unwrap_or_else(|e| panic!("{e}"));
        let baseline = engine.project(&Scenario::default()).unwrap_or_else(|e| panic!("{e}"));
        let projection = engine.project(&scenario).unwrap_or_else(|e| panic!("{e}"));
        Fixture { data, baseline, projection, scenario }
    }

    fn drafts_of(f: &Fixture) -> Vec<Draft> {
        drafts(DraftInput { data: &f.data, projection: &f.projection, baseline: &f.baseline, scenario: &f.scenario })
    }

    /// The text of the draft `key` in `lang`, for `scenario`.
    #[track_caller]
    fn check(scenario: &Scenario, key: &str, lang: Lang, expected: &str) {
        let drafts = drafts_of(&fixture(scenario.clone()));
        let text = drafts.iter().find(|d| d.key == key).map(|d| d.text.get(lang).to_string());
        assert_eq!(text.as_deref(), Some(expected), "{key} in {lang:?}");
    }

    fn paper() -> Scenario {
        Scenario::default()
    }

    #[test]
    fn the_paper_gives_four_drafts_and_twenty_departments_just_under_the_ceiling() {
        let keys: Vec<String> = drafts_of(&fixture(paper())).into_iter().map(|d| d.key).collect();
        assert_eq!(keys.len(), 24);
        assert_eq!(keys[..5], ["ceiling-bunching", "commitment", "lateness", "calibration", "split-3"]);
        assert!(keys.contains(&"split-17".to_string()), "Department of Justice");
    }

    #[test]
    fn each_draft_reads_in_both_languages_with_its_figures_marked() {
        let p = paper();
        check(&p, "ceiling-bunching", Lang::En, "Para 2 requires the Finance Committee's approval for a computerisation project costing over HK$10M [para 2]. Of the 254 [para 7] new projects in Annex C, 35 [model] are budgeted at exactly HK$9.9M [Annex C], and 59 [model] lie within HK$0.5M below it (blockvote's band “near the ceiling”), HK$580.2M [model] in all. Will the Administration explain why so many projects are budgeted just below the ceiling, and how it makes sure that projects are not sized to stay within delegated authority?");
        check(&p, "ceiling-bunching", Lang::Zh, "第 2 段訂明，每項需費超過 10 百萬元〔第 2 段〕的電腦化計劃須獲財委會批准。附件 C 所列 254〔第 7 段〕個新項目中，有 35〔模型〕個的預算正好是 9.9 百萬元〔附件 C〕，而在上限之下 0.5 百萬元之內（blockvote 所指的「接近上限」）的共有 59〔模型〕個，合共 580.2 百萬元〔模型〕。政府可否解釋為何這麼多項目的預算剛好低於上限，以及如何確保項目的規模不是為了留在轉授權力範圍內而訂定？");
        check(&p, "commitment", Lang::En, "The 254 [para 7] new projects are budgeted at HK$1,527.7M [model] in all, while Annex B provides HK$243M [Annex B] for them in 2018-19; the other HK$1,284.7M [model] falls to later years. Will the Administration set out, year by year, the cash these projects will need after 2018-19, and how it will be provided?");
        check(&p, "commitment", Lang::Zh, "254〔第 7 段〕個新項目的預算合共 1,527.7 百萬元〔模型〕，附件 B 只為它們預留 2018-19 年度 243 百萬元〔附件 B〕；其餘 1,284.7 百萬元〔模型〕會落在往後年度。政府可否按年列出這些項目在 2018-19 年度以後所需的現金流量，以及資金從何而來？");
        check(&p, "lateness", Lang::En, "Para 5 reports that of 2016's 210 [para 5] post-implementation departmental returns, 69 [para 5] reported projects not completed on schedule. If the 254 [para 7] new projects fared the same, about 83 [model] would be late, carrying about HK$502.0M [model] of budget. What has the Administration done since 2016 to keep projects on schedule, and how does the 2018-19 cash flow allow for late projects?");
        check(&p, "lateness", Lang::Zh, "第 5 段指出，2016 年 210〔第 5 段〕份「項目推行後部門報表」中，有 69〔第 5 段〕份匯報項目未能依期完成。若 254〔第 7 段〕個新項目的表現相同，約 83〔模型〕個會延誤，涉及預算約 502.0 百萬元〔模型〕。政府自 2016 年以來採取了甚麼措施改善項目進度，2018-19 年度的現金流量又如何顧及延誤的項目？");
        check(&p, "calibration", Lang::En, "Annex B provides HK$243M [Annex B] in 2018-19 for new projects budgeted at HK$1,527.7M [model] in all. Spreading each budget evenly over its quarters would need about HK$839.1M [model] in 2018-19; to match Annex B, blockvote's model has to assume that 84.3% [model] of each budget is paid only on completion. Will the Administration explain how this sum was estimated, and what pattern of payments it assumes?");
        check(&p, "calibration", Lang::Zh, "附件 B 為預算合共 1,527.7 百萬元〔模型〕的新項目預留 2018-19 年度 243 百萬元〔附件 B〕。若每個項目的預算平均分布於開展至完成的各季，2018-19 年度約需 839.1 百萬元〔模型〕；要與附件 B 的數字相符，blockvote 的模型須假設每個預算有 84.3%〔模型〕在完成時才支付。政府可否解釋這筆款項是如何估算的，以及假設了怎樣的付款模式？");
        check(&p, "split-17", Lang::En, "Annex C lists 2 projects of the Department of Justice, each budgeted just under the HK$10M [para 2] ceiling (at 90% of it or more, blockvote's threshold for “just under”): No. 69 “Migration of client-server systems to web-based platform”, HK$9.9M [Annex C], 2018-19 Q1 to 2019-20 Q4; No. 70 “Upgrade of operating systems and office automation software”, HK$9.9M [Annex C], 2018-19 Q1 to 2020-21 Q2. Together they come to HK$19.8M [model], above the ceiling. This is a pattern to ask about, not a finding of anything wrong: will the Administration confirm that these are separate projects, and if they are related, why they were not put to the Finance Committee as one?");
        check(&p, "split-17", Lang::Zh, "附件 C 列出律政司的 2 個項目，每個的預算都剛好低於 10 百萬元〔第 2 段〕的上限（達上限的 90% 或以上，這是 blockvote 用以界定「剛好低於」的門檻）：第 69 項「遷移客戶端伺服器系統至網上平台」，9.9 百萬元〔附件 C〕，2018-19 年度第一季 至 2019-20 年度第四季；第 70 項「提升操作系統及辦公室自動化軟件」，9.9 百萬元〔附件 C〕，2018-19 年度第一季 至 2020-21 年度第二季。這些項目合共 19.8 百萬元〔模型〕，超過上限。這是值得查詢的模式，並非指有任何不當：政府可否確認這些是各自獨立的項目；若彼此相關，為何沒有作為一個項目提交財委會審批？");
    }

    #[test]
    fn a_model_figure_is_marked_model_never_the_paper_s() {
        for draft in drafts_of(&fixture(paper())) {
            let marks: Vec<String> = draft.cites.iter().map(|c| c.mark(Lang::En)).collect();
            for cite in &draft.cites {
                let tag = format!("[{}]", cite.mark(Lang::En));
                assert!(draft.text.en.contains(&tag), "{}: {tag} cited but not said", draft.key);
            }
            // Every bracket in the text is one of the cited marks.
            for tag in draft.text.en.split('[').skip(1).filter_map(|rest| rest.split(']').next()) {
                assert!(marks.iter().any(|m| m == tag), "{}: [{tag}] not cited", draft.key);
            }
            let model = draft.cites.iter().any(|c| matches!(c, Provenance::Model(_)));
            assert_eq!(model, draft.text.en.contains("[model]"), "{}", draft.key);
            assert_eq!(model, draft.text.zh.contains("〔模型〕"), "{}", draft.key);
        }
    }

    #[test]
    fn the_scenario_s_ceiling_and_budgets_are_the_scenario_s() {
        use blockvote_model::engine::{Edit, ProjectEdit};
        // The ceiling lowered to HK$9.5M: the split drafts follow it, and say it is the
        // scenario's, while the budgets Annex C prints stay the paper's.
        let mut lower = Scenario::default();
        lower.delegation.ceiling = Money::parse_millions("9.5").ok();
        let f = fixture(lower.clone());
        let drafts = drafts_of(&f);
        let isd = drafts.iter().find(|d| d.key == "split-38").map(|d| d.text.en.clone()).unwrap_or_default();
        assert!(isd.contains("just under the HK$9.5M [scenario] ceiling"), "{isd}");
        assert!(isd.contains("HK$9.0M [Annex C]") && isd.contains("HK$18.4M [model]"), "{isd}");
        // The Department of Justice's two HK$9.9M projects are over a HK$9.5M ceiling.
        assert!(!drafts.iter().any(|d| d.key == "split-17"));
        let effect = drafts.iter().find(|d| d.key == "scenario-effect").map(|d| d.text.en.clone());
        assert!(effect.is_some_and(|text| text.contains("[scenario]") && text.contains("HK$1,060M [para 6]")));
        let effect = drafts.iter().find(|d| d.key == "scenario-effect").map(|d| d.text.zh.clone()).unwrap_or_default();
        assert!(effect.contains("建議的整體撥款為約 1,060 百萬元〔第 6 段〕。"), "{effect}");
        // A budget the scenario changed is the scenario's, and so is the sum.
        let cut = Scenario {
            projects: vec![ProjectEdit {
                id: 70,
                edit: Edit { budget: Money::parse_millions("9.2").ok(), ..Edit::default() },
            }],
            ..Scenario::default()
        };
        // Annex C prints no such pair (No. 70 is HK$8.8M there): the draft says whose they are.
        check(&cut, "split-17", Lang::En, "In the scenario shown, 2 projects of the Department of Justice are each budgeted just under the HK$10M [para 2] ceiling (at 90% of it or more, blockvote's threshold for “just under”): No. 69 “Migration of client-server systems to web-based platform”, HK$9.9M [Annex C], 2018-19 Q1 to 2019-20 Q4; No. 70 “Upgrade of operating systems and office automation software”, HK$9.2M [scenario], 2018-19 Q1 to 2020-21 Q2. Together they come to HK$19.1M [scenario], above the ceiling. This is a pattern to ask about, not a finding of anything wrong: will the Administration confirm that these are separate projects, and if they are related, why they were not put to the Finance Committee as one?");
        check(&cut, "split-17", Lang::Zh, "在所示情景下，律政司有 2 個項目，每個的預算都剛好低於 10 百萬元〔第 2 段〕的上限（達上限的 90% 或以上，這是 blockvote 用以界定「剛好低於」的門檻）：第 69 項「遷移客戶端伺服器系統至網上平台」，9.9 百萬元〔附件 C〕，2018-19 年度第一季 至 2019-20 年度第四季；第 70 項「提升操作系統及辦公室自動化軟件」，9.2 百萬元〔情景〕，2018-19 年度第一季 至 2020-21 年度第二季。這些項目合共 19.1 百萬元〔情景〕，超過上限。這是值得查詢的模式，並非指有任何不當：政府可否確認這些是各自獨立的項目；若彼此相關，為何沒有作為一個項目提交財委會審批？");
        // Budgets a cost rise changed are written with every decimal, so that the parts
        // said add up to the sum said (audit 15: 9.7 + 9.4 + 9.5 beside 28.5).
        let risen = blockvote_model::link::decode_link("cost=10&p=55:b12&cap=1050").0.scenario;
        let lands = drafts_of(&fixture(risen))
            .iter()
            .map(|d| d.text.en.clone())
            .find(|text| text.contains("projects of the Lands Department"))
            .unwrap_or_default();
        for said in [
            "HK$9.68M [scenario]",
            "HK$9.35M [scenario]",
            "HK$9.46M [scenario]",
            "Together they come to HK$28.49M [scenario]",
        ] {
            assert!(lands.contains(said), "{said}: {lands}");
        }
        // A project of the group left out, or budgeted below it: the group is the
        // scenario's, though the budgets listed are Annex C's (it lists Nos. 14-16).
        for link in ["p=16:x", "p=16:b5"] {
            let drafts = drafts_of(&fixture(blockvote_model::link::decode_link(link).0.scenario));
            let text = drafts
                .iter()
                .map(|d| d.text.en.clone())
                .find(|text| text.contains("Architectural Services Department"))
                .unwrap_or_default();
            assert!(
                text.starts_with("In the scenario shown, 2 projects of the Architectural Services Department"),
                "{link}: {text}"
            );
            assert!(text.contains("HK$9.9M [Annex C]") && text.contains("HK$19.8M [model]"), "{link}: {text}");
        }
        // As Annex C prints them, the draft cites it.
        let printed = drafts_of(&fixture(paper()));
        let text = printed.iter().find(|d| d.key == "split-17").map(|d| (d.text.zh.clone(), d.text.en.clone()));
        assert!(
            text.as_ref().is_some_and(|(zh, en)| zh.starts_with("附件 C 列出律政司的 2 個項目，")
                && en.starts_with("Annex C lists 2 projects of the Department of Justice, each")),
            "{text:?}"
        );
    }

    fn question(key: &str, picked: bool, zh: Option<&str>, en: Option<&str>) -> Question {
        Question { key: key.into(), picked, zh: zh.map(str::to_string), en: en.map(str::to_string) }
    }

    #[test]
    fn the_panel_lists_the_member_s_questions_then_the_drafts_offered() {
        let drafts = drafts_of(&fixture(paper()));
        let mine = vec![
            question("lateness", true, None, Some("Why late?")),
            question("own-1", true, Some("自己的問題"), None),
            question("split-999", false, None, None),
        ];
        let rows = panel_rows(&drafts, &mine, Lang::En);
        assert_eq!(rows.len(), 3 + 23);
        let first = rows.first().cloned().unwrap_or_else(|| panic!("no rows"));
        assert_eq!(
            (first.topic.as_str(), first.text.as_str(), first.edited, first.listed),
            ("Para 5's lateness", "Why late?", true, true)
        );
        // Their own question, typed in Chinese only, shows that text in English too.
        let own = rows.get(1).cloned().unwrap_or_else(|| panic!("no own row"));
        assert_eq!(
            (own.topic.as_str(), own.text.as_str(), own.edited, own.gone),
            ("Your question", "自己的問題", false, false)
        );
        assert!(rows.get(2).is_some_and(|r| r.gone), "a draft that no longer applies");
        assert!(rows.get(3).is_some_and(|r| r.key == "ceiling-bunching" && !r.listed && !r.picked));
        // In Chinese, the lateness draft's Chinese text: the English edit replaced only
        // the English.
        let zh = panel_rows(&drafts, &mine, Lang::Zh);
        assert!(zh.first().is_some_and(|r| r.text.starts_with("第 5 段指出") && !r.edited));
    }

    #[test]
    fn the_brief_prints_only_the_ticked_questions_numbered_in_order() {
        let drafts = drafts_of(&fixture(paper()));
        let mine = vec![
            question("own-1", true, None, Some("Mine first.")),
            question("commitment", false, None, None),
            question("own-2", true, None, None),
            question("calibration", true, None, None),
        ];
        let printed_en = printed(&drafts, &mine, Lang::En);
        let items: Vec<(usize, &str)> = printed_en.items.iter().map(|(n, t)| (*n, &t[..t.len().min(20)])).collect();
        assert_eq!(items, [(1, "Mine first."), (2, "Annex B provides HK$")]);
        assert_eq!(printed_en.title, "Questions to raise");
        assert_eq!(
            printed(&drafts, &mine, Lang::Zh).items.get(1).map(|(n, t)| (*n, t.starts_with("附件 B 為"))),
            Some((2, true))
        );
        assert!(printed(&drafts, &[], Lang::Zh).items.is_empty());
    }

    #[test]
    fn the_member_picks_edits_adds_moves_and_removes() {
        let mut mine: Vec<Question> = Vec::new();
        assert_eq!(set_picked(&mut mine, "lateness", true), Ok(()));
        assert_eq!(set_picked(&mut mine, "commitment", false), Ok(()), "unticking a draft not listed adds nothing");
        assert_eq!(set_text(&mut mine, "lateness", Lang::En, " Edited \r\n", nfc), Ok(()));
        assert_eq!(set_text(&mut mine, "lateness", Lang::Zh, "已修改", nfc), Ok(()));
        let long = "x".repeat(blockvote_model::saved::MAX_QUESTION_CHARS + 1);
        assert_eq!(
            set_text(&mut mine, "lateness", Lang::En, &long, nfc),
            Err(QuestionProblem::TooLong { max: blockvote_model::saved::MAX_QUESTION_CHARS })
        );
        assert_eq!(add_own(&mut mine), Ok("own-1".to_string()));
        assert_eq!(
            mine,
            [question("lateness", true, Some("已修改"), Some("Edited")), question("own-1", true, None, None)]
        );
        move_question(&mut mine, "own-1", true);
        move_question(&mut mine, "own-1", true);
        assert_eq!(mine.iter().map(|q| q.key.as_str()).collect::<Vec<_>>(), ["own-1", "lateness"]);
        set_picked(&mut mine, "lateness", false).unwrap_or_default();
        assert_eq!(mine.get(1).map(|q| (q.picked, q.en.clone())), Some((false, Some("Edited".to_string()))));
        remove(&mut mine, "lateness");
        assert_eq!(mine.len(), 1);
        while mine.len() < MAX_QUESTIONS {
            add_own(&mut mine).unwrap_or_default();
        }
        assert_eq!(add_own(&mut mine), Err(QuestionProblem::TooMany { max: MAX_QUESTIONS }));
        assert_eq!(set_picked(&mut mine, "calibration", true), Err(QuestionProblem::TooMany { max: MAX_QUESTIONS }));
    }

    #[test]
    fn a_figure_is_said_with_its_unit_and_mark() {
        let change = Figure::scenario(Value::MillionsChange(Money::from_whole_millions(-12)));
        assert_eq!(said(&change, Lang::En), "-HK$12.0M [scenario]");
        assert_eq!(said(&change, Lang::Zh), "-12.0 百萬元〔情景〕");
        let count = Figure::model(Value::Count(35), Basis::Arithmetic(PaperPlace::AnnexC));
        assert_eq!(said(&count, Lang::En), "35 [model]");
        assert_eq!(said(&count, Lang::Zh), "35〔模型〕");
    }

    #[test]
    fn problems_are_said_in_both_languages() {
        let said = problem(&QuestionProblem::TooLong { max: 2_000 });
        assert_eq!(said.en, "A question can have at most 2,000 characters; shorten it for the change to be kept.");
        assert_eq!(said.zh, "每條問題不可超過 2,000 字；請刪減後才會保留修改。");
        assert_eq!(
            problem(&QuestionProblem::TooMany { max: 40 }).en,
            "A scenario can keep at most 40 questions; remove one first."
        );
    }
}
