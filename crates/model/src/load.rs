//! Reading the data files into a [`Dataset`].
//!
//! One loader serves both the paper's embedded files and files a user imports, so it
//! treats all text as untrusted: it never panics, it reports every bad row (not just
//! the first) as a [`LoadError`] naming the file, the line and the field, and it
//! NFC-normalises every name so that compatibility ideographs from PDF fonts (e.g.
//! U+F9E4) match what a person types into search.

use crate::dataset::{Category, Cohort, CohortId, Dataset, Department, Fact, Facts, Project, ProjectsOrigin};
use crate::money::Money;
use crate::nfc::Normalizer;
use crate::order::{sort_by, SortedMap, SortedSet};
use crate::quarter::{FiscalQuarter, FiscalYear};
use crate::themes::{derive_theme, Theme, ThemeSource};
use rust_decimal::Decimal;
use std::fmt;

/// The paper's files, compiled into the binary: nothing is fetched at run time.
pub const PAPER_PROJECTS_CSV: &str = include_str!("../../../data/projects.csv");
pub const PAPER_DEPARTMENTS_CSV: &str = include_str!("../../../data/departments.csv");
pub const PAPER_CATEGORIES_CSV: &str = include_str!("../../../data/categories.csv");
pub const PAPER_COHORTS_CSV: &str = include_str!("../../../data/cohorts.csv");
pub const PAPER_FACTS_CSV: &str = include_str!("../../../data/facts.csv");

/// The largest file the loader accepts, in bytes; a guard against pasted megabytes.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// The most rows one file may have.
pub const MAX_ROWS: usize = 20_000;
/// The most departments a dataset may name, the paper's 66 included. The government
/// has fewer than a hundred bureaux and departments, and the screens list every one
/// (a table row, a filter's option): a file naming thousands would take the page
/// seconds to draw.
pub const MAX_DEPARTMENTS: usize = 300;
/// The most quarters a file's projects may span together: from the first quarter of
/// the budget year (the financial year the earliest project starts in, which the
/// ongoing cohort's cash fills) to the last completion, as the projection lays out its
/// timeline. Every per-quarter piece of work (the projection's quarters and years, the
/// cash-flow chart and table, the risk simulation's results per quarter) grows with
/// it, and quarters are read from 1990-91 to 2199-00 (840 of them). The paper's
/// projects span 17 quarters (2018-19 Q1 to 2022-23 Q1) and an IT programme plans
/// a few years ahead; twenty years leaves any plausible programme room while keeping
/// the per-quarter work within a few times the paper's (the levers' deferral and
/// slippage, each at most `MAX_SHIFT_QUARTERS`, add the same to either).
pub const MAX_TIMELINE_QUARTERS: usize = 80;
/// The most quarters a file's projects may span in all: each project's quarters from
/// its start to its completion, added up over the rows. The engine spreads each budget
/// over its quarters (one cash vector per project, five in the risk simulation), so
/// its work grows with this sum, not only with the rows. The paper's 254 projects span
/// 1,656 quarters (6.5 each) and a 20,000-row file like them about 130,000; the limit,
/// an average of five years a project at [`MAX_ROWS`], is about three times that, and
/// 20,000 rows of [`MAX_TIMELINE_QUARTERS`] each (1,600,000) cannot pass.
pub const MAX_PROJECT_QUARTERS: usize = 20 * MAX_ROWS;
/// The most characters one value of a file may have. The paper's longest is a
/// project's English name of 171 characters (its longest Chinese name has 48); every
/// name is shown in a table cell, a lever panel, a brief and a chart's label, where a
/// name of thousands of characters (audit 33: bounded only by the file's size) would
/// bury the rest. Numbers, quarters and ids are far shorter.
pub const MAX_VALUE_CHARS: usize = 400;

/// The text of each data file.
#[derive(Clone, Copy, Debug)]
pub struct DataFiles<'a> {
    pub projects: &'a str,
    pub departments: &'a str,
    pub categories: &'a str,
    pub cohorts: &'a str,
    pub facts: &'a str,
}

impl DataFiles<'static> {
    /// The paper's own files.
    pub const PAPER: DataFiles<'static> = DataFiles {
        projects: PAPER_PROJECTS_CSV,
        departments: PAPER_DEPARTMENTS_CSV,
        categories: PAPER_CATEGORIES_CSV,
        cohorts: PAPER_COHORTS_CSV,
        facts: PAPER_FACTS_CSV,
    };
}

/// One problem in one place of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// `projects.csv` …
    pub file: String,
    /// 1-based line number in the file (the header is line 1); 0 for the whole file.
    pub line: u64,
    /// The column, when one is to blame.
    pub field: Option<String>,
    pub kind: LoadErrorKind,
}

/// What went wrong, as data so that the UI can say it in either language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    TooManyRows {
        limit: usize,
    },
    /// The projects name more departments (with the paper's) than [`MAX_DEPARTMENTS`].
    TooManyDepartments {
        named: usize,
        limit: usize,
    },
    /// The projects' timeline, from the budget year's first quarter `first` to the last
    /// completion `last`, is longer than [`MAX_TIMELINE_QUARTERS`].
    TimelineTooLong {
        quarters: usize,
        first: FiscalQuarter,
        last: FiscalQuarter,
        limit: usize,
    },
    /// The projects' quarters, each from its start to its completion, add up to more
    /// than [`MAX_PROJECT_QUARTERS`].
    TooManyProjectQuarters {
        quarters: usize,
        limit: usize,
    },
    /// A project starts (`start`) before `first`, the first quarter of the year the
    /// paper budgets for: a projects file read over the paper describes the new
    /// projects of that year or later ones, and the engine lays out its quarters from
    /// `first` (the paper's Annex B, the calibration and every "2018-19" figure are of
    /// that year).
    BeforeBudgetYear {
        start: FiscalQuarter,
        first: FiscalQuarter,
    },
    /// An amount given finer than a dollar (more than
    /// [`AMOUNT_DECIMALS`](crate::entry::AMOUNT_DECIMALS) decimals of HK$ millions),
    /// refused as a field and a link refuse it: rounded, `9.9999999` read as 10 and
    /// went through the block allocation's route rather than its own.
    FinerThanADollar(String),
    /// The header row is not what the schema asks for.
    WrongHeader {
        expected: String,
        found: String,
    },
    /// The CSV itself is broken (unbalanced quotes, wrong number of fields …).
    Malformed(CsvFault),
    Empty,
    NotANumber(String),
    /// A number in scientific notation (`1e3`), which no field and no file reads: said
    /// with words of its own, so the member writes it out (`1000`) rather than looking
    /// for what is wrong with a number.
    Exponent(String),
    NotAQuarter(String),
    NotAYear(String),
    MissingValue,
    OutOfRange {
        value: String,
        rule: RangeRule,
    },
    Duplicate(String),
    UnknownReference(String),
    /// Rows are not in the required order.
    OutOfOrder(String),
    /// The value holds U+FFFD, the character that stands in for bytes that could not
    /// be read: the file lost characters when it was converted from another encoding
    /// (Big5, say), so the names in it are not the names that were typed.
    LostCharacters(String),
    /// A value has `chars` characters, more than [`MAX_VALUE_CHARS`].
    TooLong {
        chars: usize,
        limit: usize,
    },
}

/// What is wrong with a file as CSV, in the member's words: the CSV reader's own
/// message ("CSV error: record 1 (line: 2, byte: 59): found record with 4 fields …")
/// was English in the Chinese interface, counted records from 0 beside the app's line
/// from 1, and said nothing of the quotation mark left open that caused it (audit 24).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvFault {
    /// A row holds `found` values where the header has `expected`: a comma inside a
    /// value not in quotation marks, or a quotation mark never closed (which runs the
    /// value on to the end of the file).
    Values { found: u64, expected: u64 },
    /// A value runs on past the end of its line: a quotation mark opened and closed
    /// only on a later line, which made one row of the lines between (audit 33: rows 2
    /// to 17 of a projects file read as one project's name, without a word). No value
    /// of the data holds a line break, so such a value is always this mistake.
    ValueOverLines,
    /// Anything else the CSV reader refuses.
    Unreadable,
}

impl CsvFault {
    fn of(error: &csv::Error) -> CsvFault {
        match error.kind() {
            csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                CsvFault::Values { found: *len, expected: *expected_len }
            }
            _ => CsvFault::Unreadable,
        }
    }

    fn words(&self) -> (String, String) {
        match self {
            CsvFault::Values { found, expected } => (
                format!("此行有 {found} 個值，但標題列有 {expected} 個：含逗號的值須以引號括起，而開了的引號須要關上"),
                format!(
                    "this line has {found} values where the header has {expected}: a value holding a comma needs quotation marks around it, and a quotation mark opened must be closed"
                ),
            ),
            CsvFault::ValueOverLines => (
                "此值延續至下一行：開了的引號須在同一行內關上".to_string(),
                "this value runs on past the end of its line: a quotation mark opened must be closed on the same line"
                    .to_string(),
            ),
            CsvFault::Unreadable => ("無法讀作 CSV".to_string(), "it cannot be read as CSV".to_string()),
        }
    }
}

/// The range a value of a file lies outside, said in both languages (the Chinese
/// message once carried the English rule: 「超出範圍：ids start at 1」).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RangeRule {
    /// A project's id is a whole number from 1 to 65,535 (`0`, `70000`, `-1`).
    Id,
    /// A budget below zero.
    NegativeBudget,
    /// A budget above [`MAX_INPUT_MILLIONS`](crate::money::MAX_INPUT_MILLIONS).
    BudgetTooLarge,
    /// A completion before the project's start.
    BeforeStart(FiscalQuarter),
    /// A value of the paper's prepared tables that its types cannot hold.
    PaperValue,
}

impl RangeRule {
    /// The rule in Chinese and in English, side by side so the two say the same.
    fn words(&self) -> (String, String) {
        let grouped = |n: i64| crate::money::format_decimal(Decimal::from(n), 0);
        match self {
            RangeRule::Id => {
                let most = grouped(i64::from(u16::MAX));
                (format!("編號須為 1 至 {most} 的整數"), format!("an id is a whole number from 1 to {most}"))
            }
            RangeRule::NegativeBudget => ("預算不可為負數".to_string(), "a budget cannot be negative".to_string()),
            RangeRule::BudgetTooLarge => {
                let most = grouped(crate::money::MAX_INPUT_MILLIONS);
                (format!("預算最多為 {most} 百萬元"), format!("a budget can be at most HK${most}M"))
            }
            RangeRule::BeforeStart(start) => {
                (format!("早於開展季度 {start}"), format!("it is before the start {start}"))
            }
            RangeRule::PaperValue => {
                ("須為文件資料可容納的數值".to_string(), "a value the paper's data can hold".to_string())
            }
        }
    }

    /// The rule in English.
    pub fn en(&self) -> String {
        self.words().1
    }

    /// The rule in Chinese.
    pub fn zh(&self) -> String {
        self.words().0
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ", line {}", self.line)?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field {field}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl fmt::Display for LoadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadErrorKind::TooLarge { bytes, limit } => {
                write!(f, "the file is {} bytes; the limit is {}", grouped(*bytes), grouped(*limit))
            }
            LoadErrorKind::TooManyRows { limit } => write!(f, "the file has more than {} rows", grouped(*limit)),
            LoadErrorKind::TooManyDepartments { named, limit } => {
                write!(f, "the projects name {named} departments (with the paper's); the limit is {limit}")
            }
            LoadErrorKind::TimelineTooLong { quarters, first, last, limit } => write!(
                f,
                "the projects span {quarters} quarters, from {first} to {last} (the budget year's first quarter to the last completion); a file may span at most {limit} quarters"
            ),
            LoadErrorKind::TooManyProjectQuarters { quarters, limit } => write!(
                f,
                "the projects' quarters, each from its start to its completion, add up to {quarters}; a file may have at most {limit} in all"
            ),
            LoadErrorKind::BeforeBudgetYear { start, first } => write!(
                f,
                "the start {start} is before {first}, the first quarter of the year the paper budgets for; a project of the block allocation starts then or later"
            ),
            LoadErrorKind::FinerThanADollar(v) => write!(
                f,
                "{v:?} has more than {} decimals: amounts are in whole dollars",
                crate::entry::AMOUNT_DECIMALS
            ),
            LoadErrorKind::WrongHeader { expected, found } => {
                write!(f, "header should be {expected:?} but is {found:?}")
            }
            LoadErrorKind::Malformed(fault) => write!(f, "not valid CSV: {}", fault.words().1),
            LoadErrorKind::Empty => write!(f, "the file has no data rows"),
            LoadErrorKind::NotANumber(v) => write!(f, "{v:?} is not a number"),
            LoadErrorKind::Exponent(v) => {
                write!(f, "{v:?} is written with an exponent: write the number out, as 1000 for 1e3")
            }
            LoadErrorKind::NotAQuarter(v) => write!(f, "{v:?} is not a quarter like \"2018-19 Q1\""),
            LoadErrorKind::NotAYear(v) => write!(f, "{v:?} is not a financial year like \"2018-19\""),
            LoadErrorKind::MissingValue => write!(f, "value is missing"),
            LoadErrorKind::OutOfRange { value, rule } => write!(f, "{value:?} is out of range: {}", rule.en()),
            LoadErrorKind::Duplicate(v) => write!(f, "{v:?} appears more than once"),
            LoadErrorKind::UnknownReference(v) => write!(f, "{v:?} is not defined"),
            LoadErrorKind::OutOfOrder(v) => write!(f, "out of order: {v}"),
            LoadErrorKind::LostCharacters(v) => write!(
                f,
                "{v:?} holds \u{FFFD}, which stands for characters lost when the file was converted from another encoding (such as Big5); save the original as UTF-8 and load that"
            ),
            LoadErrorKind::TooLong { chars, limit } => {
                write!(f, "the value has {chars} characters; a value can have at most {limit}")
            }
        }
    }
}

impl LoadError {
    /// The message in Chinese (the `Display` text is the English one).
    pub fn zh(&self) -> String {
        let mut out = self.file.clone();
        if self.line > 0 {
            out.push_str(&format!("，第 {} 行", self.line));
        }
        if let Some(field) = &self.field {
            out.push_str(&format!("，欄位 {field}"));
        }
        out.push('：');
        out.push_str(&self.kind.zh());
        out
    }
}

impl LoadErrorKind {
    /// The reason in Chinese.
    pub fn zh(&self) -> String {
        match self {
            LoadErrorKind::TooLarge { bytes, limit } => {
                format!("檔案有 {} 位元組，上限為 {}", grouped(*bytes), grouped(*limit))
            }
            LoadErrorKind::TooManyRows { limit } => format!("檔案超過 {} 行", grouped(*limit)),
            LoadErrorKind::TooManyDepartments { named, limit } => {
                format!("項目共涉及 {named} 個部門（連同文件的部門），上限為 {limit} 個")
            }
            LoadErrorKind::TimelineTooLong { quarters, first, last, limit } => format!(
                "項目橫跨 {quarters} 個季度，由 {first} 至 {last}（預算年度第一季至最後完成的季度）；一個檔案最多可橫跨 {limit} 個季度"
            ),
            LoadErrorKind::TooManyProjectQuarters { quarters, limit } => {
                format!("各項目由開始至完成的季度數合共 {quarters} 個；一個檔案合共最多 {limit} 個")
            }
            LoadErrorKind::BeforeBudgetYear { start, first } => {
                format!("開展季度 {start} 早於文件預算年度的第一季 {first}；整體撥款的項目須在該季或以後開展")
            }
            LoadErrorKind::FinerThanADollar(v) => {
                format!("{v:?} 超過 {} 位小數：金額以元為單位", crate::entry::AMOUNT_DECIMALS)
            }
            LoadErrorKind::WrongHeader { expected, found } => format!("標題列應為 {expected:?}，但為 {found:?}"),
            LoadErrorKind::Malformed(fault) => format!("不是有效的 CSV：{}", fault.words().0),
            LoadErrorKind::Empty => "檔案沒有資料列".to_string(),
            LoadErrorKind::NotANumber(v) => format!("{v:?} 不是數字"),
            LoadErrorKind::Exponent(v) => format!("{v:?} 以指數寫成：請把數字完整寫出，例如 1e3 寫作 1000"),
            LoadErrorKind::NotAQuarter(v) => format!("{v:?} 不是季度（例如 \"2018-19 Q1\"）"),
            LoadErrorKind::NotAYear(v) => format!("{v:?} 不是財政年度（例如 \"2018-19\"）"),
            LoadErrorKind::MissingValue => "欠缺數值".to_string(),
            LoadErrorKind::OutOfRange { value, rule } => format!("{value:?} 超出範圍：{}", rule.zh()),
            LoadErrorKind::Duplicate(v) => format!("{v:?} 重複出現"),
            LoadErrorKind::UnknownReference(v) => format!("{v:?} 未有定義"),
            LoadErrorKind::OutOfOrder(v) => format!("次序不符：{v}"),
            LoadErrorKind::LostCharacters(v) => format!(
                "{v:?} 含有 \u{FFFD}，代表檔案由其他編碼（例如 Big5）轉換時遺失了的字元；請把原來的檔案另存為 UTF-8 再載入"
            ),
            LoadErrorKind::TooLong { chars, limit } => format!("此值有 {chars} 個字元；一個值最多可有 {limit} 個"),
        }
    }
}

impl std::error::Error for LoadError {}

/// A count written with its thousands grouped (`20,000`), as the screens write counts.
fn grouped(n: usize) -> String {
    crate::money::format_decimal(Decimal::from(n), 0)
}

/// Trims a text field and NFC-normalises it with `normalize`.
pub fn normalize_text(text: &str, normalize: Normalizer) -> String {
    normalize(text.trim())
}

/// The columns of names, kept as a scenario's name is: without the characters that
/// would reorder or hide the words shown around them ([`crate::saved::visible_text`]).
/// A project named `加強\u{202E}網絡` in an imported file was shown reversed in the
/// table and the lever panel (audit 24). The others are read as written and refused
/// if they are not what their column takes.
const WORD_COLUMNS: [&str; 3] = ["department_zh", "name_zh", "name_en"];

/// One parsed CSV file: its rows as (line number, fields by column name).
struct Table {
    file: &'static str,
    rows: Vec<(u64, Vec<String>)>,
    columns: Vec<&'static str>,
}

impl Table {
    /// Reads `text` and checks its header is exactly `columns`.
    fn read(
        file: &'static str,
        text: &str,
        columns: &[&'static str],
        normalize: Normalizer,
        errors: &mut Vec<LoadError>,
    ) -> Table {
        let mut table = Table { file, rows: Vec::new(), columns: columns.to_vec() };
        let whole_file = |kind| LoadError { file: file.to_string(), line: 0, field: None, kind };
        if text.len() > MAX_FILE_BYTES {
            errors.push(whole_file(LoadErrorKind::TooLarge { bytes: text.len(), limit: MAX_FILE_BYTES }));
            return table;
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(text.as_bytes());
        let header: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
            Err(e) => {
                errors.push(whole_file(LoadErrorKind::Malformed(CsvFault::of(&e))));
                return table;
            }
        };
        if header != columns {
            errors.push(LoadError {
                file: file.to_string(),
                line: 1,
                field: None,
                kind: LoadErrorKind::WrongHeader { expected: columns.join(","), found: header.join(",") },
            });
            return table;
        }
        for record in reader.records() {
            match record {
                Ok(record) => {
                    let line = record.position().map_or(0, |p| p.line());
                    if record.iter().all(|f| f.trim().is_empty()) {
                        continue;
                    }
                    if table.rows.len() >= MAX_ROWS {
                        errors.push(whole_file(LoadErrorKind::TooManyRows { limit: MAX_ROWS }));
                        return table;
                    }
                    // A value over more than one line is refused at the line it starts
                    // on, with the rows it swallowed.
                    let over_lines = record.iter().zip(columns).find(|(value, _)| value.contains(['\n', '\r']));
                    if let Some((_, column)) = over_lines {
                        errors.push(LoadError {
                            file: file.to_string(),
                            line,
                            field: Some((*column).to_string()),
                            kind: LoadErrorKind::Malformed(CsvFault::ValueOverLines),
                        });
                        continue;
                    }
                    // A value with lost characters is refused at its line: a name
                    // of question-mark diamonds is not the name that was typed.
                    let lost = record.iter().zip(columns).find(|(value, _)| value.contains('\u{FFFD}'));
                    if let Some((value, column)) = lost {
                        errors.push(LoadError {
                            file: file.to_string(),
                            line,
                            field: Some((*column).to_string()),
                            kind: LoadErrorKind::LostCharacters(value.chars().take(40).collect()),
                        });
                        continue;
                    }
                    // A value longer than any the screens can show beside the others is
                    // refused at its line, its length said (not the value).
                    let too_long = record.iter().zip(columns).find_map(|(value, column)| {
                        let chars = value.trim().chars().count();
                        (chars > MAX_VALUE_CHARS).then_some((chars, column))
                    });
                    if let Some((chars, column)) = too_long {
                        errors.push(LoadError {
                            file: file.to_string(),
                            line,
                            field: Some((*column).to_string()),
                            kind: LoadErrorKind::TooLong { chars, limit: MAX_VALUE_CHARS },
                        });
                        continue;
                    }
                    let values = record.iter().zip(columns).map(|(value, column)| {
                        if WORD_COLUMNS.contains(column) {
                            normalize_text(&crate::saved::visible_text(value), normalize)
                        } else {
                            normalize_text(value, normalize)
                        }
                    });
                    table.rows.push((line, values.collect()));
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    errors.push(LoadError {
                        file: file.to_string(),
                        line,
                        field: None,
                        kind: LoadErrorKind::Malformed(CsvFault::of(&e)),
                    });
                }
            }
        }
        if table.rows.is_empty() && errors.iter().all(|e| e.file != file) {
            errors.push(whole_file(LoadErrorKind::Empty));
        }
        table
    }
}

/// A cursor over one row that records errors against the right file, line and field.
struct Row<'t> {
    table: &'t Table,
    line: u64,
    fields: &'t [String],
}

impl<'t> Row<'t> {
    fn error(&self, column: &str, kind: LoadErrorKind) -> LoadError {
        LoadError { file: self.table.file.to_string(), line: self.line, field: Some(column.to_string()), kind }
    }

    /// The row's value in `column` (empty when the row has none), borrowed from the
    /// table, so it outlives the row.
    fn field(&self, column: &str) -> &'t str {
        self.table.columns.iter().position(|c| *c == column).and_then(|i| self.fields.get(i)).map_or("", String::as_str)
    }

    fn text(&self, column: &str) -> String {
        self.field(column).to_string()
    }

    fn required(&self, column: &str) -> Result<String, LoadError> {
        let value = self.text(column);
        if value.is_empty() {
            Err(self.error(column, LoadErrorKind::MissingValue))
        } else {
            Ok(value)
        }
    }

    fn number<T: std::str::FromStr>(&self, column: &str) -> Result<T, LoadError> {
        let value = self.required(column)?;
        value.parse().map_err(|_| self.error(column, LoadErrorKind::NotANumber(value)))
    }

    fn money(&self, column: &str) -> Result<Money, LoadError> {
        let value = self.required(column)?;
        Money::parse_millions(&value).map_err(|_| self.error(column, LoadErrorKind::NotANumber(value)))
    }

    fn decimal(&self, column: &str) -> Result<Decimal, LoadError> {
        let value = self.required(column)?;
        Money::parse_millions(&value)
            .map(Money::millions)
            .map_err(|_| self.error(column, LoadErrorKind::NotANumber(value)))
    }

    fn quarter(&self, column: &str) -> Result<FiscalQuarter, LoadError> {
        let value = self.required(column)?;
        FiscalQuarter::parse(&value).map_err(|_| self.error(column, LoadErrorKind::NotAQuarter(value)))
    }
}

fn rows(table: &Table) -> impl Iterator<Item = Row<'_>> {
    table.rows.iter().map(move |(line, fields)| Row { table, line: *line, fields })
}

/// Collects a row's result, keeping the error.
fn keep<T>(result: Result<T, LoadError>, errors: &mut Vec<LoadError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

/// The projects of `dataset` as a file in the schema of `data/projects.csv`: the
/// template a member downloads to prepare an import. For the paper's dataset it is
/// that file byte for byte (a test checks), so the wasm need not carry the file's text.
pub fn projects_template(dataset: &Dataset) -> String {
    let mut out = PROJECT_COLUMNS.join(",");
    out.push('\n');
    for project in &dataset.projects {
        let department = dataset.department_of(project).map_or("", |d| d.name_zh.as_str());
        let fields = [
            project.id.to_string(),
            department.to_string(),
            project.name_zh.clone(),
            project.name_en.clone(),
            project.budget.millions().to_string(),
            project.start.label(),
            project.completion.label(),
        ];
        out.push_str(&fields.iter().map(|field| crate::exports::csv_field(field)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

pub const PROJECT_COLUMNS: [&str; 7] = ["id", "department_zh", "name_zh", "name_en", "budget_m", "start", "completion"];
pub const DEPARTMENT_COLUMNS: [&str; 4] = ["department_zh", "department_en", "abbrev_en", "order"];
pub const CATEGORY_COLUMNS: [&str; 8] = [
    "id",
    "name_zh",
    "name_en",
    "proposed_2018_19_m",
    "approved_2017_18_m",
    "printed_difference_m",
    "printed_difference_pct",
    "source",
];
pub const COHORT_COLUMNS: [&str; 6] = ["id", "name_zh", "name_en", "project_count", "cash_2018_19_m", "source"];
pub const FACT_COLUMNS: [&str; 6] = ["key", "value", "unit", "source", "label_zh", "label_en"];

fn load_departments(text: &str, normalize: Normalizer, errors: &mut Vec<LoadError>) -> Vec<Department> {
    let table = Table::read("departments.csv", text, &DEPARTMENT_COLUMNS, normalize, errors);
    let mut departments: Vec<Department> = Vec::new();
    for row in rows(&table) {
        let parsed = (|| {
            let department = Department {
                name_zh: row.required("department_zh")?,
                name_en: row.required("department_en")?,
                abbrev_en: row.text("abbrev_en"),
                order: row.number("order")?,
            };
            if departments.iter().any(|d| d.name_zh == department.name_zh) {
                return Err(row.error("department_zh", LoadErrorKind::Duplicate(department.name_zh)));
            }
            Ok(department)
        })();
        departments.extend(keep(parsed, errors));
    }
    crate::order::sort_by_key(&mut departments, |d| d.order);
    departments
}

fn load_facts(text: &str, normalize: Normalizer, errors: &mut Vec<LoadError>) -> Facts {
    let table = Table::read("facts.csv", text, &FACT_COLUMNS, normalize, errors);
    let mut facts = Facts::default();
    for row in rows(&table) {
        let parsed = (|| {
            let fact = Fact {
                key: row.required("key")?,
                value: row.text("value"),
                unit: row.text("unit"),
                source: row.required("source")?,
                label_zh: row.text("label_zh"),
                label_en: row.text("label_en"),
            };
            if facts.get(&fact.key).is_some() {
                return Err(row.error("key", LoadErrorKind::Duplicate(fact.key)));
            }
            Ok(fact)
        })();
        facts.rows.extend(keep(parsed, errors));
    }
    facts
}

fn load_categories(text: &str, normalize: Normalizer, errors: &mut Vec<LoadError>) -> Vec<Category> {
    let table = Table::read("categories.csv", text, &CATEGORY_COLUMNS, normalize, errors);
    let mut categories = Vec::new();
    for row in rows(&table) {
        let parsed = (|| {
            Ok(Category {
                id: row.number("id")?,
                name_zh: row.required("name_zh")?,
                name_en: row.required("name_en")?,
                proposed: row.money("proposed_2018_19_m")?,
                approved_prior: row.money("approved_2017_18_m")?,
                printed_difference: row.money("printed_difference_m")?,
                printed_difference_pct: row.decimal("printed_difference_pct")?,
                source: row.required("source")?,
            })
        })();
        categories.extend(keep(parsed, errors));
    }
    categories
}

fn load_cohorts(text: &str, normalize: Normalizer, errors: &mut Vec<LoadError>) -> Vec<Cohort> {
    let table = Table::read("cohorts.csv", text, &COHORT_COLUMNS, normalize, errors);
    let mut cohorts = Vec::new();
    for row in rows(&table) {
        let parsed = (|| {
            let id_text = row.required("id")?;
            let id = match id_text.as_str() {
                "ongoing" => CohortId::Ongoing,
                "new" => CohortId::New,
                _ => return Err(row.error("id", LoadErrorKind::UnknownReference(id_text))),
            };
            Ok(Cohort {
                id,
                name_zh: row.required("name_zh")?,
                name_en: row.required("name_en")?,
                project_count: row.number("project_count")?,
                cash_budget_year: row.money("cash_2018_19_m")?,
                source: row.required("source")?,
            })
        })();
        cohorts.extend(keep(parsed, errors));
    }
    cohorts
}

/// Reads projects in the schema of `data/projects.csv`. A department not yet in
/// `departments` is added at the end with its Chinese name as its English name, so a
/// later year's paper with new departments still loads. Given the `budget_year` of
/// the paper the projects are read over, a project starting before it is refused
/// ([`LoadErrorKind::BeforeBudgetYear`]) and the timeline is measured from its first
/// quarter; the paper's own projects (`None`) set the budget year by their earliest
/// start.
pub fn load_projects(
    text: &str,
    departments: &mut Vec<Department>,
    facts: &Facts,
    budget_year: Option<FiscalYear>,
    normalize: Normalizer,
    errors: &mut Vec<LoadError>,
) -> Vec<Project> {
    let table = Table::read("projects.csv", text, &PROJECT_COLUMNS, normalize, errors);
    let paper_examples = theme_examples(facts);
    let mut projects: Vec<Project> = Vec::new();
    // The ids the rows have given so far: a flag for each id a row can have (64 KiB),
    // so each of up to MAX_ROWS rows is checked at once.
    let mut seen = vec![false; usize::from(u16::MAX) + 1];
    // Each department's index by its Chinese name, and the order number the next new
    // department takes: a file may name thousands of departments, and searching the
    // list for each row would take time in proportion to rows × departments.
    let mut department_index: SortedMap<String, usize> = SortedMap::new();
    for (index, department) in departments.iter().enumerate() {
        department_index.insert(department.name_zh.clone(), index);
    }
    let mut next_order = departments.iter().map(|d| d.order).max().unwrap_or(0).saturating_add(1);
    // A file naming more than MAX_DEPARTMENTS is refused whole, with the number it
    // names, so the member knows how far over it is: every row's department counts,
    // whether or not the row has another problem. The rows are read once; once the
    // names pass the limit the rest are only counted, so no more departments or
    // projects are made than a file within the limit would make (the set of names
    // holds at most one per row, and a table holds at most MAX_ROWS rows).
    let given = departments.len();
    let errors_before_rows = errors.len();
    let mut new_names: SortedSet<String> = SortedSet::new();
    // The names a file gives past the limit are only counted, once, at the end: a
    // sorted insertion each would take time in proportion to rows × names.
    let mut names_past_limit: Vec<&str> = Vec::new();
    let mut over_limit = false;
    // Likewise the quarters the rows ask for (MAX_TIMELINE_QUARTERS,
    // MAX_PROJECT_QUARTERS): every row with a readable start and completion counts,
    // whatever else is wrong with it, in three numbers kept as the rows are read.
    let origin = budget_year.map(FiscalYear::first_quarter);
    let mut span = Span { origin, ..Span::default() };
    for row in rows(&table) {
        let name = row.field("department_zh");
        if !name.is_empty() && !department_index.contains_key(name) && !new_names.contains(name) {
            if over_limit {
                names_past_limit.push(name);
            } else {
                new_names.insert(name.to_string());
                over_limit = given.saturating_add(new_names.len()) > MAX_DEPARTMENTS;
            }
        }
        if over_limit {
            continue;
        }
        if let (Ok(start), Ok(completion)) =
            (FiscalQuarter::parse(row.field("start")), FiscalQuarter::parse(row.field("completion")))
        {
            span.add(start, completion);
        }
        let parsed = (|| {
            // A whole number outside 1 to 65,535 is out of range, not "not a number".
            let written = row.field("id").trim();
            let whole = written.strip_prefix(['-', '+']).unwrap_or(written);
            let whole = !whole.is_empty() && whole.chars().all(|c| c.is_ascii_digit());
            let id = match written.parse::<i64>().map(u16::try_from) {
                Ok(Ok(id)) if id > 0 => id,
                _ if whole => {
                    let value = written.to_string();
                    return Err(row.error("id", LoadErrorKind::OutOfRange { value, rule: RangeRule::Id }));
                }
                _ => row.number("id")?,
            };
            if seen.get_mut(usize::from(id)).is_some_and(|seen| std::mem::replace(seen, true)) {
                return Err(row.error("id", LoadErrorKind::Duplicate(id.to_string())));
            }
            let department_zh = row.required("department_zh")?;
            let name_zh = row.required("name_zh")?;
            let name_en = row.text("name_en");
            let written = row.field("budget_m").trim();
            // A budget written plainly but too large for a `Decimal` (`1` and 31 zeros)
            // is out of range, and `1e308` is written with an exponent: neither is "not
            // a number" (audit 22), as a field says of the same text.
            let budget = match row.money("budget_m") {
                Ok(budget) => budget,
                Err(_) if crate::entry::plain_number(written) => {
                    let value = written.to_string();
                    let rule =
                        if written.starts_with('-') { RangeRule::NegativeBudget } else { RangeRule::BudgetTooLarge };
                    return Err(row.error("budget_m", LoadErrorKind::OutOfRange { value, rule }));
                }
                Err(_) if crate::entry::with_exponent(written) => {
                    return Err(row.error("budget_m", LoadErrorKind::Exponent(written.to_string())));
                }
                Err(error) => return Err(error),
            };
            if crate::entry::finer_than_a_dollar(written) {
                return Err(row.error("budget_m", LoadErrorKind::FinerThanADollar(written.to_string())));
            }
            // A refused budget is quoted as the file wrote it, like every other refused
            // value, so the member finds it there (`-5`, not `-5.0`).
            if budget.is_negative() {
                return Err(row.error(
                    "budget_m",
                    LoadErrorKind::OutOfRange { value: written.to_string(), rule: RangeRule::NegativeBudget },
                ));
            }
            if budget.millions() > Decimal::from(crate::money::MAX_INPUT_MILLIONS) {
                return Err(row.error(
                    "budget_m",
                    LoadErrorKind::OutOfRange { value: written.to_string(), rule: RangeRule::BudgetTooLarge },
                ));
            }
            let start = row.quarter("start")?;
            if let Some(first) = origin.filter(|first| start < *first) {
                return Err(row.error("start", LoadErrorKind::BeforeBudgetYear { start, first }));
            }
            let completion = row.quarter("completion")?;
            if completion < start {
                return Err(row.error(
                    "completion",
                    LoadErrorKind::OutOfRange { value: completion.label(), rule: RangeRule::BeforeStart(start) },
                ));
            }
            let department = match department_index.get(&department_zh) {
                Some(index) => *index,
                None => {
                    departments.push(Department {
                        order: next_order,
                        name_zh: department_zh.clone(),
                        name_en: department_zh.clone(),
                        abbrev_en: String::new(),
                    });
                    next_order = next_order.saturating_add(1);
                    department_index.insert(department_zh, departments.len() - 1);
                    departments.len() - 1
                }
            };
            let (theme, theme_source) = match paper_examples.get(&id) {
                Some((theme, example)) => (*theme, ThemeSource::Paper { example: *example }),
                None => {
                    let (theme, rule) = derive_theme(&name_zh);
                    (theme, ThemeSource::Derived { rule: rule.to_string() })
                }
            };
            Ok(Project { id, department, name_zh, name_en, budget, start, completion, theme, theme_source })
        })();
        projects.extend(keep(parsed, errors));
    }
    if over_limit {
        // Refused whole: the problems of the rows read before the limit was passed
        // and the departments they added are taken back, so the refusal is the
        // file's one problem and the departments are those given.
        errors.truncate(errors_before_rows);
        departments.truncate(given);
        sort_by(&mut names_past_limit, |a, b| a.cmp(b));
        names_past_limit.dedup();
        errors.push(LoadError {
            file: table.file.to_string(),
            line: 0,
            field: Some("department_zh".to_string()),
            kind: LoadErrorKind::TooManyDepartments {
                named: given.saturating_add(new_names.len()).saturating_add(names_past_limit.len()),
                limit: MAX_DEPARTMENTS,
            },
        });
        return Vec::new();
    }
    let too_much = span.problems();
    if !too_much.is_empty() {
        // Refused whole, as for too many departments: the limits are the file's
        // problems, and it adds no department.
        errors.truncate(errors_before_rows);
        departments.truncate(given);
        errors.extend(too_much.into_iter().map(|kind| LoadError {
            file: table.file.to_string(),
            line: 0,
            field: None,
            kind,
        }));
        return Vec::new();
    }
    crate::order::sort_by_key(&mut projects, |p| p.id);
    projects
}

/// What a file's rows ask of the timeline: the earliest start, the last completion
/// and the quarters of every project added up.
#[derive(Default)]
struct Span {
    /// The budget year's first quarter, where the timeline starts, if the rows are
    /// read over a paper; otherwise the earliest start's year sets it.
    origin: Option<FiscalQuarter>,
    first_start: Option<FiscalQuarter>,
    last_completion: Option<FiscalQuarter>,
    project_quarters: usize,
}

impl Span {
    /// Counts one row's project (nothing if it completes before it starts, a problem
    /// reported at its line).
    fn add(&mut self, start: FiscalQuarter, completion: FiscalQuarter) {
        let Ok(quarters) = usize::try_from(start.quarters_until(completion)) else {
            return;
        };
        self.first_start = Some(self.first_start.map_or(start, |first| first.min(start)));
        self.last_completion = Some(self.last_completion.map_or(completion, |last| last.max(completion)));
        self.project_quarters = self.project_quarters.saturating_add(quarters.saturating_add(1));
    }

    /// The limits the rows pass, as problems of the whole file.
    fn problems(&self) -> Vec<LoadErrorKind> {
        let mut problems = Vec::new();
        if let (Some(start), Some(completion)) = (self.first_start, self.last_completion) {
            // As the projection lays out its timeline: from the budget year's Q1 to
            // the last completion, and at least the budget year's four quarters.
            let first = self.origin.unwrap_or_else(|| start.year().first_quarter());
            let last = completion.max(first.saturating_add_quarters(3));
            let quarters = usize::try_from(first.quarters_until(last)).unwrap_or(usize::MAX).saturating_add(1);
            if quarters > MAX_TIMELINE_QUARTERS {
                problems.push(LoadErrorKind::TimelineTooLong { quarters, first, last, limit: MAX_TIMELINE_QUARTERS });
            }
        }
        if self.project_quarters > MAX_PROJECT_QUARTERS {
            problems.push(LoadErrorKind::TooManyProjectQuarters {
                quarters: self.project_quarters,
                limit: MAX_PROJECT_QUARTERS,
            });
        }
        problems
    }
}

/// Para 7's examples from `facts.csv`: project id → (theme, example number 1..=3).
fn theme_examples(facts: &Facts) -> SortedMap<u16, (Theme, u8)> {
    let mut examples = SortedMap::new();
    for fact in &facts.rows {
        let Some(rest) = fact.key.strip_prefix("theme.") else { continue };
        let Some((theme_key, number)) = rest.split_once(".example.") else { continue };
        let (Some(theme), Ok(number), Ok(id)) =
            (Theme::from_key(theme_key), number.parse::<u8>(), fact.value.trim().parse::<u16>())
        else {
            continue;
        };
        examples.insert(id, (theme, number));
    }
    examples
}

impl Dataset {
    /// Loads and validates a whole dataset, every text field NFC by `normalize`.
    /// Returns every problem found.
    pub fn from_csv(files: DataFiles<'_>, normalize: Normalizer) -> Result<Dataset, Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut departments = load_departments(files.departments, normalize, &mut errors);
        let facts = load_facts(files.facts, normalize, &mut errors);
        let categories = load_categories(files.categories, normalize, &mut errors);
        let cohorts = load_cohorts(files.cohorts, normalize, &mut errors);
        let projects = load_projects(files.projects, &mut departments, &facts, None, normalize, &mut errors);
        let fact_error =
            |key: &str, kind| LoadError { file: "facts.csv".to_string(), line: 0, field: Some(key.to_string()), kind };
        let ceiling = facts.money("threshold.ceiling_m");
        let floor = facts.money("threshold.floor_m");
        if ceiling.is_none() {
            errors.push(fact_error("threshold.ceiling_m", LoadErrorKind::MissingValue));
        }
        if floor.is_none() {
            errors.push(fact_error("threshold.floor_m", LoadErrorKind::MissingValue));
        }
        let budget_year = projects.iter().map(|p| p.start.year()).min().or_else(|| FiscalYear::new(2018));
        match (ceiling, floor, budget_year) {
            (Some(ceiling), Some(floor), Some(budget_year)) if errors.is_empty() => Ok(Dataset {
                departments,
                projects,
                categories,
                cohorts,
                facts,
                budget_year,
                ceiling,
                floor,
                projects_origin: ProjectsOrigin::Paper,
            }),
            _ => {
                if errors.is_empty() {
                    errors.push(fact_error("budget_year", LoadErrorKind::MissingValue));
                }
                Err(errors)
            }
        }
    }

    /// The paper's dataset, from the tables prepared before the build
    /// (`paper_data.rs`): what [`Dataset::from_csv`] makes of the files in `data/`,
    /// copied from constants rather than parsed at start-up. The tests prove the two
    /// equal, so the `Err` arm is only reachable if someone edits the tables by hand and
    /// ignores the tests; the app still handles it with a message.
    pub fn paper() -> Result<Dataset, Vec<LoadError>> {
        crate::paper_data::dataset()
    }

    /// A copy of this dataset with its projects replaced by those of a user-imported
    /// file in the schema of `data/projects.csv` (e.g. a later year's paper), every
    /// text field NFC by `normalize`.
    pub fn with_projects_csv(&self, text: &str, normalize: Normalizer) -> Result<Dataset, Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut departments = self.departments.clone();
        let projects =
            load_projects(text, &mut departments, &self.facts, Some(self.budget_year), normalize, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        // The budget year stays the paper's: every "2018-19" figure, Annex B's cash and
        // the calibration are of that year, and the projects start in it or later.
        Ok(Dataset { departments, projects, projects_origin: ProjectsOrigin::Imported, ..self.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{decode_upload, LikelyEncoding, NotText};

    const HEADER: &str = "id,department_zh,name_zh,name_en,budget_m,start,completion\n";

    /// The problems of a projects file loaded over the paper: (line, field, kind).
    fn problems(text: &str) -> Vec<(u64, Option<String>, LoadErrorKind)> {
        let paper = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        match paper.with_projects_csv(text, crate::nfc::nfc) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|e| (e.line, e.field, e.kind)).collect(),
        }
    }

    /// A row that is not CSV is said so in the member's words, in both languages, at
    /// the line it starts on: a quotation mark left open runs its value on to the end.
    #[test]
    fn a_broken_row_is_said_in_words_at_its_line() {
        let open =
            format!("{HEADER}1,行政署,\"甲,A,1.0,2018-19 Q1,2018-19 Q4\n2,行政署,乙,B,1.0,2018-19 Q1,2018-19 Q4\n");
        let fault = LoadErrorKind::Malformed(CsvFault::Values { found: 3, expected: 7 });
        assert_eq!(problems(&open), [(2, None, fault.clone())]);
        let error = LoadError { file: "mine.csv".into(), line: 2, field: None, kind: fault };
        assert_eq!(
            error.to_string(),
            "mine.csv, line 2: not valid CSV: this line has 3 values where the header has 7: a value holding a comma needs quotation marks around it, and a quotation mark opened must be closed"
        );
        assert_eq!(
            error.zh(),
            "mine.csv，第 2 行：不是有效的 CSV：此行有 3 個值，但標題列有 7 個：含逗號的值須以引號括起，而開了的引號須要關上"
        );
        // Closed on a later line, the quotation mark makes one row of the lines between.
        let closed_later = format!(
            "{HEADER}1,行政署,\"甲,A,1.0,2018-19 Q1,2018-19 Q4\n2,行政署,乙\",B,1.0,2018-19 Q1,2018-19 Q4\n3,行政署,丙,C,1.0,2018-19 Q1,2018-19 Q4\n"
        );
        let fault = LoadErrorKind::Malformed(CsvFault::ValueOverLines);
        assert_eq!(problems(&closed_later), [(2, Some("name_zh".to_string()), fault.clone())]);
        let error = LoadError { file: "mine.csv".into(), line: 2, field: Some("name_zh".into()), kind: fault };
        assert_eq!(
            error.to_string(),
            "mine.csv, line 2, field name_zh: not valid CSV: this value runs on past the end of its line: a quotation mark opened must be closed on the same line"
        );
        let commas = format!("{HEADER}{}\n", ",".repeat(1_000));
        assert_eq!(
            problems(&commas),
            [(2, None, LoadErrorKind::Malformed(CsvFault::Values { found: 1_001, expected: 7 }))]
        );
    }

    /// A name holding characters that reorder or hide the words around it is kept
    /// without them, as a scenario's name is: `\u{202E}Evil name` was shown reversed
    /// (audit 24). A budget is read as written, and one holding them is refused.
    #[test]
    fn names_lose_the_characters_that_would_reorder_them() {
        let paper = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let text =
            format!("{HEADER}1,行政\u{2066}署,加強\u{202E}網絡,\u{202E}Evil name\u{200B},1.0,2018-19 Q1,2018-19 Q4\n");
        let data = paper.with_projects_csv(&text, crate::nfc::nfc).expect("the file loads");
        let project = data.projects.first().expect("a project");
        assert_eq!((project.name_zh.as_str(), project.name_en.as_str()), ("加強網絡", "Evil name"));
        assert_eq!(data.departments.get(project.department).map(|d| d.name_zh.as_str()), Some("行政署"));
        let budget = format!("{HEADER}1,行政署,甲,A,1\u{202E}0,2018-19 Q1,2018-19 Q4\n");
        assert_eq!(problems(&budget).len(), 1, "{:?}", problems(&budget));
    }

    #[test]
    fn new_departments_follow_the_paper_s_in_the_order_they_are_first_named() {
        let paper = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let mut text = HEADER.to_string();
        for id in 1..=400_u16 {
            text.push_str(&format!("{id},新部門{},甲,A,1.0,2018-19 Q1,2018-19 Q4\n", id % 200));
        }
        text.push_str("401,行政署,乙,B,1.0,2018-19 Q1,2018-19 Q4\n");
        let data = paper.with_projects_csv(&text, crate::nfc::nfc).expect("the file loads");
        let last_paper_order = paper.departments.iter().map(|d| d.order).max().unwrap_or(0);
        let added: Vec<(u16, &str)> =
            data.departments.iter().skip(paper.departments.len()).map(|d| (d.order, d.name_zh.as_str())).collect();
        let expected: Vec<(u16, String)> =
            (1..=200_u16).map(|n| (last_paper_order + n, format!("新部門{}", n % 200))).collect();
        assert_eq!(added, expected.iter().map(|(order, name)| (*order, name.as_str())).collect::<Vec<_>>());
        let department_of = |id: u16| data.projects.iter().find(|p| p.id == id).map(|p| p.department);
        assert_eq!(department_of(201), department_of(1));
        assert_eq!(department_of(401), paper.departments.iter().position(|d| d.name_zh == "行政署"));
    }

    #[test]
    fn a_file_naming_more_departments_than_the_screens_can_list_is_refused_whole() {
        let paper = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let file = |new_departments: usize| {
            let mut text = HEADER.to_string();
            for n in 0..new_departments {
                text.push_str(&format!("{},部門{n},甲,A,1.0,2018-19 Q1,2018-19 Q4\n", n + 1));
            }
            text
        };
        let room = MAX_DEPARTMENTS - paper.departments.len();
        assert_eq!(problems(&file(room)), []);
        let named = MAX_DEPARTMENTS + 1;
        let refused = [(
            0,
            Some("department_zh".to_string()),
            LoadErrorKind::TooManyDepartments { named, limit: MAX_DEPARTMENTS },
        )];
        assert_eq!(problems(&file(room + 1)), refused);
        assert_eq!(problems(&file(5_000)).len(), 1);
    }

    #[test]
    fn the_refusal_counts_every_distinct_department_any_row_names_and_reports_nothing_else() {
        let paper = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let room = MAX_DEPARTMENTS - paper.departments.len();
        let refused = |named| {
            vec![(
                0,
                Some("department_zh".to_string()),
                LoadErrorKind::TooManyDepartments { named, limit: MAX_DEPARTMENTS },
            )]
        };
        // (what the rows name, the problems): a department is counted once however
        // many rows name it, the paper's are counted among the limit's already, an
        // empty name is no department, and a row with another problem (here its id)
        // still names its department. A refused file reports no other problem.
        let row = |id: &str, department: &str| format!("{id},{department},甲,A,1.0,2018-19 Q1,2018-19 Q4\n");
        let mut within = HEADER.to_string();
        let mut beyond = HEADER.to_string();
        for n in 0..room {
            within.push_str(&row(&(n + 1).to_string(), &format!("部門{n}")));
            beyond.push_str(&row(&(n + 1).to_string(), &format!("部門{n}")));
        }
        for text in [&mut within, &mut beyond] {
            text.push_str(&row("1000", "部門0"));
            text.push_str(&row("1001", "行政署"));
            text.push_str(&row("1002", ""));
        }
        beyond.push_str(&row("x", "只在壞行的部門"));
        beyond.push_str(&row("y", "只在壞行的部門"));
        let many = |n: usize| {
            let mut text = HEADER.to_string();
            for i in 0..n {
                text.push_str(&row(&(i + 1).to_string(), &format!("部門{i}")));
            }
            text
        };
        let missing =
            (u64::try_from(room + 4).unwrap_or(0), Some("department_zh".to_string()), LoadErrorKind::MissingValue);
        let cases = [
            (within, vec![missing]),
            (beyond.clone(), refused(MAX_DEPARTMENTS + 1)),
            (many(5_000), refused(paper.departments.len() + 5_000)),
            (many(MAX_ROWS), refused(paper.departments.len() + MAX_ROWS)),
        ];
        for (text, expected) in cases {
            assert_eq!(problems(&text), expected);
        }
        // A refused file adds no department to those it was given.
        let mut departments = paper.departments.clone();
        let mut errors = Vec::new();
        let projects = load_projects(&beyond, &mut departments, &paper.facts, None, crate::nfc::nfc, &mut errors);
        assert_eq!((projects.len(), departments, errors.len()), (0, paper.departments.clone(), 1));
    }

    fn quarter(label: &str) -> FiscalQuarter {
        FiscalQuarter::parse(label).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_file_whose_projects_span_more_than_the_timeline_limit_is_refused_whole() {
        let row = |id: &str, start: &str, completion: &str| format!("{id},行政署,甲,A,5.5,{start},{completion}\n");
        let refused = |quarters, first: &str, last: &str| {
            vec![(
                0,
                None,
                LoadErrorKind::TimelineTooLong {
                    quarters,
                    first: quarter(first),
                    last: quarter(last),
                    limit: MAX_TIMELINE_QUARTERS,
                },
            )]
        };
        // The audit's row: every year the loader reads, counted from the paper's budget
        // year, where the timeline starts (a start before it is refused too, but the
        // limit is the file's one problem).
        let widest = format!("{HEADER}{}", row("1", "1990-91 Q1", "2199-00 Q4"));
        assert_eq!(problems(&widest), refused(728, "2018-19 Q1", "2199-00 Q4"));
        // One such row among ordinary ones, and one with another problem: the limit is
        // the file's one problem.
        let mut one_among_many = HEADER.to_string();
        for id in 1..=300 {
            one_among_many.push_str(&row(&id.to_string(), "2018-19 Q1", "2019-20 Q1"));
        }
        one_among_many.push_str(&row("x", "2018-19 Q1", "2019-20 Q1"));
        one_among_many.push_str(&row("301", "2018-19 Q3", "2199-00 Q4"));
        assert_eq!(problems(&one_among_many), refused(728, "2018-19 Q1", "2199-00 Q4"));
        // At the limit, counted from the paper's budget year's Q1 whatever the earliest
        // start: accepted; a quarter more is refused. Twenty years starting in 2040-41
        // were once counted from 2040-41.
        assert_eq!(
            problems(&format!("{HEADER}{}", row("1", "2040-41 Q1", "2059-60 Q4"))),
            refused(168, "2018-19 Q1", "2059-60 Q4")
        );
        for (start, completion) in [("2018-19 Q3", "2037-38 Q4"), ("2018-19 Q1", "2018-19 Q1")] {
            let at_limit = format!("{HEADER}{}{}", row("1", start, start), row("2", completion, completion));
            assert_eq!(problems(&at_limit), [], "{start} to {completion}");
        }
        let beyond =
            format!("{HEADER}{}{}", row("1", "2018-19 Q3", "2018-19 Q4"), row("2", "2038-39 Q1", "2038-39 Q1"));
        assert_eq!(problems(&beyond), refused(MAX_TIMELINE_QUARTERS + 1, "2018-19 Q1", "2038-39 Q1"));
        // A refused file adds no department.
        let paper = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let mut departments = paper.departments.clone();
        let mut errors = Vec::new();
        let new_department = format!("{HEADER}1,新部門,甲,A,1.0,1990-91 Q1,2199-00 Q4\n");
        let projects =
            load_projects(&new_department, &mut departments, &paper.facts, None, crate::nfc::nfc, &mut errors);
        assert_eq!((projects.len(), departments, errors.len()), (0, paper.departments.clone(), 1));
        // The paper's own projects are well within.
        assert_eq!(problems(PAPER_PROJECTS_CSV), []);
    }

    #[test]
    fn a_file_whose_projects_add_up_to_too_many_quarters_is_refused_whole() {
        // MAX_ROWS rows of 20 quarters each (2018-19 Q1 to 2022-23 Q4): the limit
        // exactly, accepted; one row a quarter longer is refused.
        let file = |first_completion: &str| {
            let mut text = HEADER.to_string();
            for id in 1..=MAX_ROWS {
                let completion = if id == 1 { first_completion } else { "2022-23 Q4" };
                text.push_str(&format!("{id},行政署,甲,A,5.5,2018-19 Q1,{completion}\n"));
            }
            text
        };
        assert_eq!(MAX_ROWS * 20, MAX_PROJECT_QUARTERS);
        assert_eq!(problems(&file("2022-23 Q4")), []);
        let refused = [(
            0,
            None,
            LoadErrorKind::TooManyProjectQuarters { quarters: MAX_PROJECT_QUARTERS + 1, limit: MAX_PROJECT_QUARTERS },
        )];
        assert_eq!(problems(&file("2023-24 Q1")), refused);
        // The audit's file, 20,000 rows of 840 quarters: both limits named.
        let mut widest = HEADER.to_string();
        for id in 1..=MAX_ROWS {
            widest.push_str(&format!("{id},行政署,項目{id},Project {id},5.5,1990-91 Q1,2199-00 Q4\n"));
        }
        let kinds: Vec<LoadErrorKind> = problems(&widest).into_iter().map(|(_, _, kind)| kind).collect();
        assert_eq!(
            kinds,
            [
                LoadErrorKind::TimelineTooLong {
                    quarters: 728,
                    first: quarter("2018-19 Q1"),
                    last: quarter("2199-00 Q4"),
                    limit: MAX_TIMELINE_QUARTERS
                },
                LoadErrorKind::TooManyProjectQuarters { quarters: 840 * MAX_ROWS, limit: MAX_PROJECT_QUARTERS },
            ]
        );
    }

    /// A projects file read over the paper keeps its budget year, 2018-19: a project
    /// starting earlier is refused at its line, in both languages, and projects that
    /// all start later leave the budget year as it is (their 2018-19 cash is nil).
    #[test]
    fn a_project_starting_before_the_paper_s_budget_year_is_refused_at_its_line() {
        let file = |start: &str| {
            format!("{HEADER}1,行政署,甲,A,5.5,2018-19 Q2,2019-20 Q1\n2,行政署,乙,B,1.0,{start},2019-20 Q1\n")
        };
        let first = quarter("2018-19 Q1");
        assert_eq!(
            problems(&file("2017-18 Q4")),
            [(3, Some("start".to_string()), LoadErrorKind::BeforeBudgetYear { start: quarter("2017-18 Q4"), first })]
        );
        assert_eq!(problems(&file("2018-19 Q1")), []);
        let paper = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let later = format!("{HEADER}1,行政署,甲,A,5.5,2019-20 Q1,2020-21 Q1\n");
        let dataset = paper.with_projects_csv(&later, crate::nfc::nfc);
        assert_eq!(dataset.map(|d| d.budget_year.label()), Ok("2018-19".to_string()));
        let error = LoadError {
            file: "projects.csv".into(),
            line: 3,
            field: Some("start".into()),
            kind: LoadErrorKind::BeforeBudgetYear { start: quarter("2010-11 Q1"), first },
        };
        assert_eq!(
            error.to_string(),
            "projects.csv, line 3, field start: the start 2010-11 Q1 is before 2018-19 Q1, the first quarter of the year the paper budgets for; a project of the block allocation starts then or later"
        );
        assert_eq!(
            error.zh(),
            "projects.csv，第 3 行，欄位 start：開展季度 2010-11 Q1 早於文件預算年度的第一季 2018-19 Q1；整體撥款的項目須在該季或以後開展"
        );
    }

    /// An id outside 1 to 65,535 is out of range, in both languages, not "not a
    /// number"; text that is no number is still said so.
    #[test]
    fn an_id_out_of_range_is_said_so_in_both_languages() {
        let file = |id: &str| format!("{HEADER}{id},行政署,甲,A,1.0,2018-19 Q2,2019-20 Q1\n");
        let range = |value: &str| LoadErrorKind::OutOfRange { value: value.to_string(), rule: RangeRule::Id };
        for id in ["0", "70000", "-1", "99999999999999999999"] {
            assert_eq!(problems(&file(id)), [(2, Some("id".to_string()), range(id))], "{id}");
        }
        assert_eq!(problems(&file("x1")), [(2, Some("id".to_string()), LoadErrorKind::NotANumber("x1".into()))]);
        assert_eq!(problems(&file("65535")), []);
        let error = LoadError { file: "mine.csv".into(), line: 2, field: Some("id".into()), kind: range("70000") };
        assert_eq!(
            error.to_string(),
            "mine.csv, line 2, field id: \"70000\" is out of range: an id is a whole number from 1 to 65,535"
        );
        assert_eq!(error.zh(), "mine.csv，第 2 行，欄位 id：\"70000\" 超出範圍：編號須為 1 至 65,535 的整數");
    }

    /// A budget finer than a dollar is refused at its line, as a field refuses it,
    /// never rounded: `9.9999999` once read as HK$10M, at the ceiling.
    #[test]
    fn a_budget_finer_than_a_dollar_is_refused() {
        let file = |budget: &str| format!("{HEADER}1,行政署,甲,A,{budget},2018-19 Q2,2019-20 Q1\n");
        for budget in ["9.9999999", "10.0000004", "0.1999999"] {
            assert_eq!(
                problems(&file(budget)),
                [(2, Some("budget_m".to_string()), LoadErrorKind::FinerThanADollar(budget.to_string()))]
            );
        }
        for budget in ["9.999999", "9.9999990", "10", "\"1,000.5\""] {
            assert_eq!(problems(&file(budget)), [], "{budget}");
        }
    }

    /// A budget below 0 or above the largest accepted is quoted as the file wrote it.
    #[test]
    fn a_budget_out_of_range_is_quoted_as_written() {
        let file = |budget: &str| format!("{HEADER}1,行政署,甲,A,{budget},2018-19 Q2,2019-20 Q1\n");
        let refused = |value: &str, rule| {
            [(2, Some("budget_m".to_string()), LoadErrorKind::OutOfRange { value: value.to_string(), rule })]
        };
        assert_eq!(problems(&file("-5")), refused("-5", RangeRule::NegativeBudget));
        assert_eq!(problems(&file(" -0.25")), refused("-0.25", RangeRule::NegativeBudget));
        assert_eq!(problems(&file("\"2,000,000,000\"")), refused("2,000,000,000", RangeRule::BudgetTooLarge));
        // Beyond what a `Decimal` holds: still a number, and still out of range.
        let huge = format!("1{}", "0".repeat(31));
        assert_eq!(problems(&file(&huge)), refused(&huge, RangeRule::BudgetTooLarge));
        let below = format!("-{huge}");
        assert_eq!(problems(&file(&below)), refused(&below, RangeRule::NegativeBudget));
    }

    /// A budget in scientific notation is said to be one, in both languages, not "not
    /// a number" (audit 22 found `1e308` called that); text that is no number still is.
    #[test]
    fn a_budget_with_an_exponent_is_said_so() {
        let file = |budget: &str| format!("{HEADER}1,行政署,甲,A,{budget},2018-19 Q2,2019-20 Q1\n");
        let budget = |kind| [(2, Some("budget_m".to_string()), kind)];
        for written in ["1e308", "2.5E-1", "1e+3"] {
            assert_eq!(problems(&file(written)), budget(LoadErrorKind::Exponent(written.to_string())), "{written}");
        }
        assert_eq!(problems(&file("lots")), budget(LoadErrorKind::NotANumber("lots".to_string())));
        let error = LoadError {
            file: "mine.csv".into(),
            line: 2,
            field: Some("budget_m".into()),
            kind: LoadErrorKind::Exponent("1e308".into()),
        };
        assert_eq!(
            error.to_string(),
            "mine.csv, line 2, field budget_m: \"1e308\" is written with an exponent: write the number out, as 1000 for 1e3"
        );
        assert_eq!(
            error.zh(),
            "mine.csv，第 2 行，欄位 budget_m：\"1e308\" 以指數寫成：請把數字完整寫出，例如 1e3 寫作 1000"
        );
    }

    #[test]
    fn the_quarter_limits_are_said_in_both_languages() {
        let error = |kind| LoadError { file: "projects.csv".into(), line: 0, field: None, kind };
        let timeline = error(LoadErrorKind::TimelineTooLong {
            quarters: 840,
            first: quarter("1990-91 Q1"),
            last: quarter("2199-00 Q4"),
            limit: MAX_TIMELINE_QUARTERS,
        });
        assert_eq!(
            timeline.to_string(),
            "projects.csv: the projects span 840 quarters, from 1990-91 Q1 to 2199-00 Q4 (the budget year's first quarter to the last completion); a file may span at most 80 quarters"
        );
        assert_eq!(
            timeline.zh(),
            "projects.csv：項目橫跨 840 個季度，由 1990-91 Q1 至 2199-00 Q4（預算年度第一季至最後完成的季度）；一個檔案最多可橫跨 80 個季度"
        );
        let total = error(LoadErrorKind::TooManyProjectQuarters { quarters: 16_800_000, limit: MAX_PROJECT_QUARTERS });
        assert_eq!(
            total.to_string(),
            "projects.csv: the projects' quarters, each from its start to its completion, add up to 16800000; a file may have at most 400000 in all"
        );
        assert_eq!(total.zh(), "projects.csv：各項目由開始至完成的季度數合共 16800000 個；一個檔案合共最多 400000 個");
    }

    #[test]
    fn a_value_with_lost_characters_is_a_problem_at_its_line() {
        let text = format!("{HEADER}1,行政署,甲,A,1.0,2018-19 Q1,2018-19 Q4\n2,行政署,\u{FFFD}\u{FFFD}系統,B,1.0,2018-19 Q1,2018-19 Q4\n");
        assert_eq!(
            problems(&text),
            [(3, Some("name_zh".to_string()), LoadErrorKind::LostCharacters("\u{FFFD}\u{FFFD}系統".to_string()))]
        );
        let error = LoadError {
            file: "projects.csv".into(),
            line: 3,
            field: Some("name_zh".into()),
            kind: LoadErrorKind::LostCharacters("\u{FFFD}".into()),
        };
        assert!(error.to_string().contains("converted from another encoding (such as Big5)"), "{error}");
        assert!(error.zh().contains("另存為 UTF-8"), "{}", error.zh());
    }

    #[test]
    fn the_file_limits_are_said_with_their_counts_grouped() {
        let error = |kind| LoadError { file: "projects.csv".into(), line: 0, field: None, kind };
        let rows = error(LoadErrorKind::TooManyRows { limit: MAX_ROWS });
        assert_eq!(rows.to_string(), "projects.csv: the file has more than 20,000 rows");
        assert_eq!(rows.zh(), "projects.csv：檔案超過 20,000 行");
        let large = error(LoadErrorKind::TooLarge { bytes: 5_000_000, limit: MAX_FILE_BYTES });
        assert_eq!(large.to_string(), "projects.csv: the file is 5,000,000 bytes; the limit is 4,194,304");
        assert_eq!(large.zh(), "projects.csv：檔案有 5,000,000 位元組，上限為 4,194,304");
    }

    #[test]
    fn a_value_longer_than_the_limit_is_refused_at_its_line_with_its_length() {
        let name = |n: usize| "名".repeat(n);
        let row = |id: u32, name: &str| format!("{id},行政署,{name},A,1.0,2018-19 Q1,2018-19 Q4\n");
        let text = format!("{HEADER}{}{}", row(1, &name(MAX_VALUE_CHARS)), row(2, &name(MAX_VALUE_CHARS + 1)));
        let refused = LoadErrorKind::TooLong { chars: MAX_VALUE_CHARS + 1, limit: MAX_VALUE_CHARS };
        assert_eq!(problems(&text), [(3, Some("name_zh".to_string()), refused.clone())]);
        let error = LoadError { file: "projects.csv".into(), line: 3, field: Some("name_zh".into()), kind: refused };
        assert_eq!(
            error.to_string(),
            "projects.csv, line 3, field name_zh: the value has 401 characters; a value can have at most 400"
        );
        assert_eq!(error.zh(), "projects.csv，第 3 行，欄位 name_zh：此值有 401 個字元；一個值最多可有 400 個");
    }

    #[test]
    fn a_big5_projects_file_is_refused_before_the_loader_and_its_utf8_twin_loads() {
        // The paper's own projects file in Big5, as Excel in Hong Kong saves "CSV":
        // every Chinese character is two bytes that are not UTF-8. The refusal comes
        // from the reader, on the first line with Chinese (the first project).
        let big5: Vec<u8> = PAPER_PROJECTS_CSV
            .lines()
            .flat_map(|line| {
                let mut bytes: Vec<u8> =
                    line.chars().flat_map(|c| if c.is_ascii() { vec![c as u8] } else { vec![0xA4, 0xA4] }).collect();
                bytes.push(b'\n');
                bytes
            })
            .collect();
        assert_eq!(decode_upload(&big5), Err(NotText { line: 2, likely: LikelyEncoding::Big5 }));
        let utf8 = decode_upload(PAPER_PROJECTS_CSV.as_bytes()).unwrap_or_default();
        assert_eq!(problems(&utf8), []);
    }
}
