//! Loading another projects file in the schema of `data/projects.csv` (a later year's
//! paper, say): read, check every row, show what would change, and only then switch
//! every screen to it. The paper stays one click away.

use crate::format::{count, money_with_unit, projects_count};
use crate::lang::{l, Label, Lang};
use crate::refusal::engine_error;
use crate::screens::risk::data_table::FIGURE;
use crate::uploads::{not_text, FileKind};
use blockvote_model::engine::{Engine, EngineError, Scenario};
use blockvote_model::load::LoadError;
use blockvote_model::nfc::Normalizer;
use blockvote_model::offline::CarriedDataset;
use blockvote_model::text::NotText;
use blockvote_model::{Dataset, Money};

/// The most problems listed; the rest are counted.
pub const MAX_LISTED: usize = 50;

pub const TITLE: Label = l("項目資料", "Project data");
pub const EXPLAIN: Label = l(
    "可匯入另一年度文件的項目表（CSV，欄位與範本相同：id, department_zh, name_zh, name_en, budget_m, start, completion）。每一行都會先檢查，確認後才會使用。",
    "You can load another year's project list (CSV with the template's columns: id, department_zh, name_zh, name_en, budget_m, start, completion). Every row is checked first, and nothing changes until you confirm.",
);
pub const TEMPLATE: Label = l("下載文件的項目表（CSV 範本）", "Download the paper's projects (CSV template)");
pub const TEMPLATE_FILE: &str = "blockvote-projects-template.csv";
pub const IMPORT: Label = l("匯入項目資料（CSV）…", "Import project data (CSV)…");
pub const PREVIEW: Label = l("匯入項目資料", "Import project data");
pub const AFTER_USE: Label = l(
    "使用後，所有畫面會改為顯示這些項目；已儲存的情景會保留。可隨時改回文件的資料。",
    "Every screen will show these projects instead; saved scenarios are kept. You can go back to the paper's data at any time.",
);
pub const USE: Label = l("使用這些資料", "Use this data");
pub const CANCEL: Label = l("取消", "Cancel");

/// A file that loaded and can be projected, waiting for the member's go-ahead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub imported: CarriedDataset,
    pub projects: usize,
    pub departments: usize,
    pub total: Money,
    /// The financial year of the earliest start (`2018-19`, or later).
    pub first_start_year: String,
}

/// What checking a chosen file gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checked {
    Ready(Preview),
    /// Row-level problems (file, line, field, reason).
    Problems(Vec<LoadError>),
    /// It loaded, but the engine cannot project it.
    NotProjectable(EngineError),
    /// The file, of `bytes`, is larger than `limit` bytes and was not read.
    TooLarge {
        bytes: u64,
        limit: usize,
    },
    /// The browser could not read it.
    Unreadable,
    /// It is not UTF-8 text (a Big5 CSV from Excel, say).
    NotText(NotText),
    /// It is a CSV blockvote exported (a scenario's projects, cash flow or allocation,
    /// whose first lines say whose each column of figures is), not project data.
    Export,
}

/// The most characters of a file's name a message quotes.
pub const MAX_SHOWN_FILE_NAME_CHARS: usize = 80;

/// A file's name as every message quotes it and the data in use keeps it: a name
/// comes from outside (an e-mail's attachment), and one holding U+202E read
/// `budget\u{202E}vsc.exe` as "budget.exe.csv" and turned the problems of a file
/// around (audit 24), so its invisible characters are written out and it is cut.
pub fn shown_file_name(name: &str) -> String {
    blockvote_model::text::quoted(name, MAX_SHOWN_FILE_NAME_CHARS)
}

/// Checks a projects file against the schema and the engine, exactly as the app will
/// use it (its text NFC by `normalize`), its name as [`shown_file_name`] writes it.
pub fn check(name: &str, text: &str, normalize: Normalizer) -> Checked {
    let name = shown_file_name(name);
    let name = name.as_str();
    if is_export(text) {
        return Checked::Export;
    }
    let dataset = match Dataset::paper().and_then(|paper| paper.with_projects_csv(text, normalize)) {
        Ok(dataset) => dataset,
        // Each problem names the member's file, not the schema's `projects.csv`.
        Err(errors) => {
            return Checked::Problems(
                errors.into_iter().map(|error| LoadError { file: name.to_string(), ..error }).collect(),
            )
        }
    };
    if let Err(error) = Engine::new(&dataset).and_then(|engine| engine.project(&Scenario::default())) {
        return Checked::NotProjectable(error);
    }
    let total = Money::checked_sum(dataset.projects.iter().map(|p| p.budget)).unwrap_or(Money::ZERO);
    let departments = blockvote_model::order::set_of(dataset.projects.iter().map(|p| p.department));
    Checked::Ready(Preview {
        imported: CarriedDataset::new(name, text),
        projects: dataset.projects.len(),
        departments: departments.len(),
        total,
        first_start_year: dataset.projects.iter().map(|p| p.start.year()).min().unwrap_or(dataset.budget_year).label(),
    })
}

/// Whether `text` is a CSV blockvote exported: it starts (after a byte-order mark) with
/// a line saying whose a column of figures is, in either language (`Figure,…`,
/// `數字,…`; `screens::scenarios::files`). Read as project data, its first line was
/// only said not to be the template's heading (audit 18).
fn is_export(text: &str) -> bool {
    let start = text.trim_start_matches('\u{FEFF}');
    [Lang::Zh, Lang::En]
        .into_iter()
        .any(|lang| start.strip_prefix(FIGURE.get(lang)).is_some_and(|rest| rest.starts_with(',')))
}

/// Which project data every screen shows now: the paper's (`data`), or an imported
/// file's.
pub fn in_use(data: &Dataset, imported: Option<&str>, lang: Lang) -> String {
    let count = data.projects.len();
    // A name stored by an earlier version is written out as a new one is.
    let imported = imported.map(shown_file_name);
    match (imported, lang) {
        (None, Lang::Zh) => format!("現正使用：文件附件 C 的 {count} 個項目。"),
        (None, Lang::En) => format!("In use: the paper's {count} projects (Annex C)."),
        (Some(ref name), Lang::Zh) => format!("現正使用：匯入的「{name}」。"),
        (Some(ref name), Lang::En) => format!("In use: the imported “{name}”."),
    }
}

/// What the preview says about a file that can be used.
pub fn summary(preview: &Preview, lang: Lang) -> String {
    let Preview { imported, projects, departments, total, first_start_year: first } = preview;
    let name = &imported.name;
    let total = money_with_unit(*total, lang);
    let (projects, n) = (projects_count(*projects, lang), count(*departments));
    match lang {
        Lang::Zh => format!("「{name}」可以使用：{projects}、{n} 個部門，預算合共 {total}，由 {first} 年度開始。"),
        Lang::En => {
            let departments = if *departments == 1 { "department" } else { "departments" };
            format!("“{name}” can be used: {projects} in {n} {departments}, {total} in all, starting in {first}.")
        }
    }
}

/// A refused file's problem notice: a heading, the problems listed, and a count of
/// those not listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub heading: String,
    pub problems: Vec<String>,
    pub more: Option<String>,
}

/// Why a file was not used, or `None` if it can be.
pub fn refused(checked: &Checked, lang: Lang) -> Option<Refused> {
    let only = |heading: String| Some(Refused { heading, problems: Vec::new(), more: None });
    match checked {
        Checked::Ready(_) => None,
        Checked::Problems(errors) => {
            let total = errors.len();
            let more = total.saturating_sub(MAX_LISTED);
            Some(Refused {
                heading: match lang {
                    Lang::Zh => format!("檔案有 {total} 個問題，未有使用；資料維持不變："),
                    Lang::En if total == 1 => {
                        "The file has 1 problem and was not used; the data is unchanged:".to_string()
                    }
                    Lang::En => format!("The file has {total} problems and was not used; the data is unchanged:"),
                },
                problems: errors
                    .iter()
                    .take(MAX_LISTED)
                    .map(|e| if lang == Lang::Zh { e.zh() } else { e.to_string() })
                    .collect(),
                more: (more > 0).then(|| match lang {
                    Lang::Zh => format!("另有 {more} 個問題未列出。"),
                    Lang::En => format!("{more} more not listed."),
                }),
            })
        }
        Checked::NotProjectable(error) => {
            let reason = engine_error(error);
            only(match lang {
                Lang::Zh => format!("檔案格式正確，但無法計算現金流量（{}），未有使用。", reason.zh),
                Lang::En => format!(
                    "The file reads correctly but its cash flow cannot be projected ({}); it was not used.",
                    reason.en
                ),
            })
        }
        Checked::TooLarge { bytes, limit } => only(match (lang, count(*bytes), count(*limit)) {
            (Lang::Zh, bytes, limit) => format!("檔案太大（{bytes} 位元組，上限 {limit}），未有使用。"),
            (Lang::En, bytes, limit) => {
                format!("The file is too large ({bytes} bytes; the limit is {limit}); it was not used.")
            }
        }),
        Checked::Unreadable => {
            only(l("無法讀取檔案，未有使用。", "The file could not be read; it was not used.").get(lang).to_string())
        }
        Checked::NotText(error) => only(not_text(error, FileKind::Csv).get(lang).to_string()),
        Checked::Export => only(match lang {
            Lang::Zh => format!(
                "這是 blockvote 匯出的情景數字（CSV），不是項目資料，未有使用。如要匯入項目資料，請由範本開始：「{}」。",
                TEMPLATE.zh
            ),
            Lang::En => format!(
                "This is a CSV of a scenario's figures that blockvote exported, not project data, and was not used. To import project data, start from the template: “{}”.",
                TEMPLATE.en
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::load::PAPER_PROJECTS_CSV;
    use blockvote_model::nfc::nfc;

    #[track_caller]
    fn check_words(name: &str, text: &str, lang: Lang, expected: &str) {
        let checked = check(name, text, nfc);
        let said = match (&checked, refused(&checked, lang)) {
            (Checked::Ready(preview), _) => summary(preview, lang),
            (_, Some(refused)) => [vec![refused.heading], refused.problems].concat().join(" / "),
            (_, None) => String::new(),
        };
        assert_eq!(said, expected);
    }

    #[test]
    fn a_csv_blockvote_exported_is_said_to_be_one_and_not_read_as_project_data() {
        let exported = "\u{FEFF}Figure,paper_budget_m,Annex C — Annex C: “Project budget (HK$M)”\r\nid,paper_budget_m\r\n1,6.6\r\n";
        check_words(
            "blockvote-projects.csv",
            exported,
            Lang::En,
            "This is a CSV of a scenario's figures that blockvote exported, not project data, and was not used. To import project data, start from the template: “Download the paper's projects (CSV template)”.",
        );
        check_words(
            "blockvote-cashflow.csv",
            "數字,ongoing_m,模型\r\n",
            Lang::Zh,
            "這是 blockvote 匯出的情景數字（CSV），不是項目資料，未有使用。如要匯入項目資料，請由範本開始：「下載文件的項目表（CSV 範本）」。",
        );
        // A project file whose first name merely starts with the word is read as one.
        assert!(!is_export("Figures,department_zh\n"));
        assert!(matches!(check("paper.csv", PAPER_PROJECTS_CSV, nfc), Checked::Ready(_)));
    }

    #[test]
    fn a_file_too_large_to_read_is_refused_with_its_size_and_the_limit() {
        // Audit 36: the refusal named the limit alone.
        let too_large = Checked::TooLarge { bytes: 5_000_000, limit: blockvote_model::load::MAX_FILE_BYTES };
        let said = |lang| refused(&too_large, lang).map(|r| r.heading);
        assert_eq!(
            said(Lang::En).as_deref(),
            Some("The file is too large (5,000,000 bytes; the limit is 4,194,304); it was not used.")
        );
        assert_eq!(said(Lang::Zh).as_deref(), Some("檔案太大（5,000,000 位元組，上限 4,194,304），未有使用。"));
    }

    #[test]
    fn a_file_is_checked_and_said_what_it_would_do() {
        let lines: Vec<&str> = PAPER_PROJECTS_CSV.lines().collect();
        let fewer = format!("{}\n", lines.iter().take(lines.len() - 1).copied().collect::<Vec<_>>().join("\n"));
        assert!(matches!(check("next.csv", &fewer, nfc), Checked::Ready(Preview { projects: 253, .. })));
        check_words(
            "bad.csv",
            "id,department_zh,name_zh,name_en,budget_m,start,completion\n1,行政署,測試,Test,lots,2019-20 Q1,2019-20 Q2\n",
            Lang::En,
            "The file has 1 problem and was not used; the data is unchanged: / bad.csv, line 2, field budget_m: \"lots\" is not a number",
        );
        // A project before the paper's budget year is refused at its line; projects all
        // starting later are used, and the preview says when they start.
        let header = "id,department_zh,name_zh,name_en,budget_m,start,completion\n";
        check_words(
            "early.csv",
            &format!("{header}1,行政署,測試,Test,5.5,2010-11 Q1,2019-20 Q2\n"),
            Lang::En,
            "The file has 1 problem and was not used; the data is unchanged: / early.csv, line 2, field start: the start 2010-11 Q1 is before 2018-19 Q1, the first quarter of the year the paper budgets for; a project of the block allocation starts then or later",
        );
        check_words(
            "later.csv",
            &format!("{header}1,行政署,測試,Test,5.5,2019-20 Q1,2019-20 Q2\n"),
            Lang::En,
            "“later.csv” can be used: 1 project in 1 department, HK$5.5M in all, starting in 2019-20.",
        );
        let paper = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        assert_eq!(in_use(&paper, None, Lang::En), "In use: the paper's 254 projects (Annex C).");
        assert_eq!(in_use(&paper, Some("x.csv"), Lang::Zh), "現正使用：匯入的「x.csv」。");
    }

    /// A file's name from an e-mail may hold characters that reorder or hide what is
    /// around them: each message writes them out, and a long name is cut (audit 24).
    #[test]
    fn a_file_s_name_is_quoted_with_its_invisible_characters_written_out() {
        check_words(
            "budget\u{202E}vsc.exe",
            PAPER_PROJECTS_CSV,
            Lang::En,
            "“budget[U+202E]vsc.exe” can be used: 254 projects in 66 departments, HK$1,527.7M in all, starting in 2018-19.",
        );
        check_words(
            "bad\u{202E}csv.txt",
            "id\n1\n",
            Lang::En,
            "The file has 1 problem and was not used; the data is unchanged: / bad[U+202E]csv.txt, line 1: header should be \"id,department_zh,name_zh,name_en,budget_m,start,completion\" but is \"id\"",
        );
        let paper = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        assert_eq!(in_use(&paper, Some("a\u{2066}b.csv"), Lang::En), "In use: the imported “a[U+2066]b.csv”.");
        let long = "n".repeat(200);
        assert_eq!(shown_file_name(&long), format!("{}…", "n".repeat(MAX_SHOWN_FILE_NAME_CHARS)));
        assert_eq!(shown_file_name(&shown_file_name(&long)), shown_file_name(&long), "written out once");
    }

    #[test]
    fn a_file_whose_dates_span_too_many_quarters_is_refused_at_the_upload_in_both_languages() {
        let wide = format!("{}1000,行政署,項目,Project,5.5,1990-91 Q1,2199-00 Q4\n", PAPER_PROJECTS_CSV);
        check_words(
            "wide.csv",
            &wide,
            Lang::En,
            "The file has 1 problem and was not used; the data is unchanged: / wide.csv: the projects span 728 quarters, from 2018-19 Q1 to 2199-00 Q4 (the budget year's first quarter to the last completion); a file may span at most 80 quarters",
        );
        check_words(
            "wide.csv",
            &wide,
            Lang::Zh,
            "檔案有 1 個問題，未有使用；資料維持不變： / wide.csv：項目橫跨 728 個季度，由 2018-19 Q1 至 2199-00 Q4（預算年度第一季至最後完成的季度）；一個檔案最多可橫跨 80 個季度",
        );
    }
}
