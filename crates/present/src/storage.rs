//! What the app says about saving, importing, offline copies and data set aside, in
//! both languages: each refusal names what was not saved and why, each report says
//! what was added and what was not, and each notice says what happened and what the
//! member can do. The shell draws these; the numbers in them come from the model's
//! limits (`blockvote_model::saved::limits`).

use crate::format::{count, ordinal, scenarios_count};
use crate::lang::{capitalised, l, Bilingual, Label, Lang};
use crate::refusal::{lever_error, scenario_part, Unit, CATEGORY, PROJECT_NUMBER};
use crate::screens::allocation::target_out_of_reach;
use blockvote_model::known::NotInData;
use blockvote_model::offline::{CarriedProblem, CarriedReport};
use blockvote_model::saved::limits::{
    MAX_BYTES, MAX_CARRIED_DATASET_BYTES, MAX_READ_SCENARIOS, MAX_SCENARIOS, MAX_SET_ASIDE, MAX_WRITE_BYTES,
};
use blockvote_model::saved::{
    Conflict, Expected, ImportReport, NotAdded, NotAddedWhy, Refusal, RowReason, SetAsideKind, StorageIssue, Store,
    StoreProblem, MAX_JSON_DEPTH, VERSION,
};

/// The second version of a scenario changed in two tabs at once is saved as
/// `name (另一版本 other version)`. Part of a stored name, so the same in every tab
/// and language: two tabs finding the same conflict must make the same scenario.
/// The most problems of a stored or imported text listed; the rest are counted.
pub const MAX_PROBLEMS_LISTED: usize = 20;

pub const CONFLICT_LABEL: &str = "另一版本 other version";

/// The name an offline copy gives the scenario being edited when it is not saved.
pub const UNSAVED_WHEN_COPIED: Label = l("下載副本時未儲存的情景", "Unsaved when the copy was made");

/// Column and field labels of a saved scenario's note and date.
pub const NOTE: Label = l("備註", "Note");
pub const LAST_SAVED: Label = l("最後儲存", "Last saved");
pub const SAVE_NOTE: Label = l("儲存備註", "Save note");
pub const DOWNLOAD_UNREADABLE: Label = l("下載無法讀取的原文", "Download the unreadable text");
pub const DOWNLOAD_SET_ASIDE_DATA: Label = l("下載另存的項目資料", "Download the set-aside project data");
pub const BACK_TO_PAPER: Label = l("改回文件的資料", "Back to the paper's data");
pub const DISMISS: Label = l("關閉", "Dismiss");
pub const OPEN_SCENARIOS: Label = l("查看情景", "Open Scenarios");
pub const DOWNLOAD_REFUSED: Label = l("瀏覽器拒絕了下載。", "The browser refused the download.");
pub const NOT_SINGLE_FILE: Label = l(
    "只有單一檔案版本（blockvote.html）可以製作離線副本；此版本由伺服器提供，由多個檔案組成。",
    "Only the one-file version (blockvote.html) can make an offline copy; this version is served as several files.",
);
/// Said when the imported data could not be written to storage. The browser does not
/// say why: saving may be off (a private window), or the data may not fit in what this
/// browser keeps for the page beside the saved scenarios (a file of 4 MB whose names are
/// full of quotation marks takes twice that once stored; audit 27 was told saving was
/// not allowed, and then saved a scenario). An offline copy carries the data whatever
/// the storage holds.
pub const DATASET_NOT_STORED: Label = l(
    "匯入的資料未能存入此瀏覽器（可能是儲存空間已滿或資料太大，或瀏覽器不允許儲存），只在今次瀏覽期間使用，重新載入後便會消失。離線副本會連同資料一併帶走。",
    "The imported data could not be kept in this browser (its storage may be full or the data too large, or saving may be off), so it applies for this visit only and is gone after a reload. An offline copy carries the data with it.",
);

pub const DATASET_NOT_READ: Label = l(
    "此瀏覽器不讓 blockvote 讀取早前匯入的項目資料，所以現在顯示文件的 254 個項目；匯入的資料仍保留在瀏覽器內，沒有被覆寫。重新載入此頁可再試。",
    "This browser does not let blockvote read the project data imported before, so the paper's 254 projects are shown; the imported data is still kept in this browser, not written over. Reload the page to try again.",
);

/// A reader's problem with a store (a stored entry, a file, a copy's block), as a
/// clause (the English in lower case, no full stop). A lever or a value in a scenario
/// is named as the screens name it, never by its path in the file; a value the reader
/// refused is said by what it had to be, never in the reader's own English.
pub fn problem(problem: &StoreProblem) -> Bilingual {
    let (zh, en) = match problem {
        StoreProblem::TooLarge { bytes } => {
            let (bytes, limit) = (count(*bytes), count(MAX_BYTES));
            (
                format!("檔案太大（{bytes} 位元組，上限 {limit}）"),
                format!("the file is too large ({bytes} bytes; the limit is {limit})"),
            )
        }
        // Where nothing at all was read: an empty file, said so.
        StoreProblem::NotJson { line: 1, column: 0 } => ("檔案是空的".to_string(), "the file is empty".to_string()),
        StoreProblem::NotJson { line, column } => (
            format!("不是有效的 JSON（第 {line} 行第 {column} 字）"),
            format!("not valid JSON (line {line}, column {column})"),
        ),
        StoreProblem::NumberTooLarge { line, column } => (
            format!("檔案中有一個數字太大，無法讀取（第 {line} 行第 {column} 字）"),
            format!("the file holds a number too large to read (line {line}, column {column})"),
        ),
        StoreProblem::HalfCharacter { line, column } => (
            format!("檔案中有半個字元（第 {line} 行第 {column} 字），已改為「�」顯示，其餘照讀"),
            format!("the file holds half of a character (line {line}, column {column}); it is shown as “�” and the rest was read"),
        ),
        StoreProblem::RepeatedKey { key, line, column } => (
            format!("檔案中同一組資料兩次列出「{key}」（第 {line} 行第 {column} 字），無法分辨哪一個才對，所以整個檔案未有讀取"),
            format!("the file gives “{key}” twice in one place (line {line}, column {column}), so which was meant cannot be told and none of it was read"),
        ),
        StoreProblem::TooDeep => (
            format!("檔案內容層層相套超過 {MAX_JSON_DEPTH} 層，無法讀取（blockvote 情景檔案只有數層）"),
            format!("the file is nested more than {MAX_JSON_DEPTH} levels deep, too deep to read (a blockvote scenarios file has a few)"),
        ),
        StoreProblem::NotAStore => (
            "這不是 blockvote 情景檔案（檔案只有單一個值，沒有情景）".to_string(),
            "this is not a blockvote scenarios file (it holds a single value, not scenarios)".to_string(),
        ),
        StoreProblem::WrongFormat => (
            "這不是 blockvote 情景檔案（檔案沒有註明是 blockvote 情景檔案）".to_string(),
            "this is not a blockvote scenarios file (it does not say it is one)".to_string(),
        ),
        StoreProblem::BadVersion { found: None, .. } => (
            "此情景檔案沒有註明由哪個版本的 blockvote 寫成，因此無法讀取".to_string(),
            "this scenarios file does not say which version of blockvote wrote it, so it cannot be read".to_string(),
        ),
        StoreProblem::BadVersion { found: Some(found), as_text: true } => (
            format!("此情景檔案把版本寫成文字「{found}」，而不是整數，因此無法讀取"),
            format!("this scenarios file gives its version as the text “{found}”, not as a whole number, so it cannot be read"),
        ),
        StoreProblem::BadVersion { found: Some(found), as_text: false } => (
            format!("此情景檔案的版本 {found} 不是由 0 起的整數，因此無法讀取"),
            format!("this scenarios file gives its version as {found}, which is not a whole number from 0, so it cannot be read"),
        ),
        StoreProblem::FutureVersion { found } => (
            format!("此檔案由較新版本的 blockvote 寫成（版本 {found}；本版本只讀到版本 {VERSION}），請用較新版本開啟"),
            format!("this file was written by a newer blockvote (version {found}; this one reads up to version {VERSION}); open it with a newer copy"),
        ),
        StoreProblem::NoScenarios => {
            ("此情景檔案沒有情景清單".to_string(), "this scenarios file holds no list of scenarios".to_string())
        }
        StoreProblem::Empty { bare_list: true } => (
            "檔案只是一個空的清單，不是 blockvote 情景檔案，當中沒有情景".to_string(),
            "the file is an empty list, not a blockvote scenarios file, and holds no scenario".to_string(),
        ),
        StoreProblem::Empty { bare_list: false } => {
            ("檔案中沒有情景".to_string(), "the file holds no scenario".to_string())
        }
        StoreProblem::TooMany { count } => (
            format!("情景太多（{count} 個），只讀取首 {MAX_READ_SCENARIOS} 個"),
            format!("too many scenarios ({count}); only the first {MAX_READ_SCENARIOS} are read"),
        ),
        StoreProblem::Row { index, name, field, reason } => {
            let why = row_reason(reason);
            let (field_zh, field_en) = ROW_FIELDS
                .iter()
                .find(|(name, ..)| name == field)
                .map_or((*field, *field), |(_, zh, en)| (*zh, *en));
            let (named_zh, named_en) = name.as_ref().map_or((String::new(), String::new()), |name| {
                (format!("（{name}）"), format!(" ({name})"))
            });
            (
                format!("第 {} 個情景{named_zh}的{field_zh}{}，已略過此情景", index + 1, why.zh),
                format!("scenario {}{named_en}: the {field_en} {}; that scenario is skipped", index + 1, why.en),
            )
        }
        // A field is quoted as the file wrote it, so the member can find it there.
        StoreProblem::UnknownField { scenario: None, field } => (
            format!("檔案中的「{field}」是此版本 blockvote 不認識的項目，已略過"),
            format!("the file's “{field}” is something this version of blockvote does not know; it was ignored"),
        ),
        StoreProblem::UnknownField { scenario: Some(at), field } => (
            format!("第 {} 個情景（{}）中的「{field}」是此版本 blockvote 不認識的項目，已略過", at.index + 1, at.name),
            format!(
                "scenario {} ({}): “{field}” is something this version of blockvote does not know; it was ignored",
                at.index + 1,
                at.name
            ),
        ),
        StoreProblem::NotInData { scenario: at, group, what } => {
            let named = not_in_data(*group, what);
            let kept = l(
                "該修改已隨情景保留，但在顯示現時的資料時不會改變任何數字",
                "the edit is kept with the scenario, but changes nothing while this data is shown",
            );
            (
                format!("第 {} 個情景（{}）{}；{}", at.index + 1, at.name, named.zh, kept.zh),
                format!("scenario {} ({}): {}; {}", at.index + 1, at.name, named.en, kept.en),
            )
        }
        StoreProblem::ScalingRefused { scenario: at, refusal } => {
            let (zh, en) = target_out_of_reach(refusal);
            (
                format!("第 {} 個情景（{}）的按比例調整目標總額{zh}", at.index + 1, at.name),
                format!("scenario {} ({}): its target total to scale to {en}", at.index + 1, at.name),
            )
        }
        StoreProblem::MoreNotInData { scenario: at, count: more } => {
            let more = count(*more);
            (
                format!(
                    "第 {} 個情景（{}）另有 {more} 項修改所指的項目、部門或類別不在現時顯示的資料中；這些修改已隨情景保留，但在顯示現時的資料時不會改變任何數字",
                    at.index + 1,
                    at.name
                ),
                format!(
                    "scenario {} ({}): {more} more edits name projects, departments or categories the data shown does not have; they are kept with the scenario, but change nothing while this data is shown",
                    at.index + 1,
                    at.name
                ),
            )
        }
        StoreProblem::LeverOutOfRange { scenario: at, error } => {
            let said = lever_error(error);
            (
                format!("第 {} 個情景（{}）的{}；已匯入，但須先修改才能開啟", at.index + 1, at.name, said.zh),
                format!(
                    "scenario {} ({}): {}; imported, but it will not open until that is changed",
                    at.index + 1,
                    at.name,
                    said.en
                ),
            )
        }
        StoreProblem::Unreadable { scenario: at, at: path, value, expected } => {
            let (part, unit) = match scenario_part(path) {
                Some((name, unit)) => (Bilingual::new(format!("「{}」", name.zh), format!("“{}”", name.en)), unit),
                None => (l("其中一項調節", "one of its levers").into(), Unit::Number),
            };
            let (zh_value, en_value) =
                if value.is_empty() { (String::new(), String::new()) } else { (format!("（{value}）"), format!(" ({value})")) };
            // What is wrong with the value, after the part's name: a number is never
            // said not to be one.
            let said = match expected {
                Expected::NumberAsText => Bilingual::new(
                    format!("寫成了數字 {value}，但 blockvote 檔案須把它寫成加上引號的文字 \"{value}\""),
                    format!(" is written as the number {value}, but a blockvote file writes it as text in quotes, \"{value}\""),
                ),
                Expected::WholeNumberNotText => Bilingual::new(
                    format!("寫成了文字 \"{value}\"，但 blockvote 檔案須把它寫成不加引號的數字 {value}"),
                    format!(" is written as the text \"{value}\", but a blockvote file writes it as a number without quotes, {value}"),
                ),
                Expected::WholeNumberPlain => Bilingual::new(
                    format!("寫成了帶小數點或指數的數字，但 blockvote 檔案須把整數寫成不帶小數點的數字 {value}"),
                    format!(" is written with a decimal point or an exponent, but a blockvote file writes a whole number without one, {value}"),
                ),
                Expected::Exact => Bilingual::new(
                    format!("{zh_value}的位數多於 blockvote 能準確保存的（約 28 位），讀取便要改為相近的另一個數"),
                    format!("{en_value} has more digits than blockvote keeps exactly (about 28), so it would be read as a number next to it"),
                ),
                Expected::Within { min, max } => {
                    let range = unit.between(min, max);
                    Bilingual::new(
                        format!("{zh_value}超出範圍，{}", range.zh),
                        format!("{en_value} is out of range: {}", range.en),
                    )
                }
                other => {
                    let why = match other {
                        Expected::Number if unit == Unit::Money => l("不是有效的金額", "is not a valid amount"),
                        Expected::Number => l("不是有效的數字", "is not a valid number"),
                        Expected::WholeNumber => l("不是有效的整數", "is not a valid whole number"),
                        Expected::YesOrNo => l("須為 true 或 false", "must be true or false"),
                        Expected::Choice => l("不是 blockvote 認識的選項", "is not a choice blockvote knows"),
                        Expected::Text => l("須為文字", "must be text"),
                        Expected::List => l("須為清單", "must be a list"),
                        _ => l("無法讀取", "could not be read"),
                    };
                    Bilingual::new(format!("{zh_value}{}", why.zh), format!("{en_value} {}", why.en))
                }
            };
            (
                format!("第 {} 個情景（{}）的{}{}，已略過此情景", at.index + 1, at.name, part.zh, said.zh),
                format!("scenario {} ({}): {}{}; that scenario is skipped", at.index + 1, at.name, part.en, said.en),
            )
        }
    };
    Bilingual::new(zh, en)
}

/// The fields of a saved scenario's row, by their names in the file, as the member
/// names them.
const ROW_FIELDS: [(&str, &str, &str); 11] = [
    ("name", "名稱", "name"),
    ("note", "備註", "note"),
    ("id", "識別碼", "identifier"),
    ("scenario", "調節設定", "set of levers"),
    ("seed", "模擬種子", "simulation seed"),
    ("simulation", "模擬設定", "simulation settings"),
    ("simulation.runs", "模擬次數", "number of simulation runs"),
    ("simulation.late_probability", "模擬的延誤機率", "simulation's probability late"),
    ("simulation.delay_weights", "延誤季數的權重", "delay weights"),
    ("simulation.overrun", "成本超支設定", "cost overrun settings"),
    ("questions", "問題清單", "list of questions"),
];

/// An edit naming what the data shown does not have, as a clause after a scenario's
/// name (the Chinese joined to it as it reads there): a project or a category by its
/// number, a group edit by its place (from 1, as the screens number them) and the
/// department it names by its place in the data's list of departments (`the 1,000th
/// department`) or by its name.
pub(crate) fn not_in_data(group: Option<usize>, what: &NotInData) -> Bilingual {
    // A place in a list held in memory, so one more never overflows.
    let group = group.map(|index| count(index.saturating_add(1)));
    let (zh, en) = match what {
        NotInData::Project { id } => PROJECT_NUMBER.numbered(id),
        NotInData::Category { id } => CATEGORY.numbered(id),
        NotInData::Department { index } => {
            (format!("{} 個部門", ordinal(*index, Lang::Zh)), format!("the {} department", ordinal(*index, Lang::En)))
        }
        NotInData::DepartmentNamed { name } => (format!("部門「{name}」"), format!("the department “{name}”")),
        NotInData::MatchesNoProject => {
            let (zh, en) = match &group {
                Some(number) => (format!("的第 {number} 項組別調整"), format!("group edit {number}")),
                None => ("有一項組別調整".to_string(), "a group edit".to_string()),
            };
            return Bilingual::new(
                format!("{zh}與現時顯示的資料中任何項目都不相符"),
                format!("{en} matches no project in the data shown"),
            );
        }
    };
    // A number in Chinese text has a space on either side.
    let zh = if zh.ends_with(|c: char| c.is_ascii_digit()) { format!("{zh} ") } else { zh };
    match group {
        Some(number) => Bilingual::new(
            format!("的第 {number} 項組別調整所指的{zh}不在現時顯示的資料中"),
            format!("group edit {number} names {en}, which the data shown does not have"),
        ),
        None => Bilingual::new(
            format!("有一項修改所指的{zh}不在現時顯示的資料中"),
            format!("an edit names {en}, which the data shown does not have"),
        ),
    }
}

/// Why a row's field could not be used.
fn row_reason(reason: &RowReason) -> Bilingual {
    match reason {
        RowReason::Missing => l("缺少", "is missing").into(),
        RowReason::WrongType { expected } => {
            let zh = match *expected {
                "object" => "物件",
                "text" => "文字",
                "whole number" => "整數",
                "list" => "清單",
                other => other,
            };
            Bilingual::new(format!("類型不符（應為{zh}）"), format!("has the wrong type (expected {expected})"))
        }
        RowReason::Empty => l("是空的", "is empty").into(),
        RowReason::TooLong { max } => {
            let max = crate::format::count(*max);
            Bilingual::new(format!("超過 {max} 字"), format!("is longer than {max} characters"))
        }
        RowReason::TooMany { max } => Bilingual::new(format!("超過 {max} 項"), format!("has more than {max} entries")),
        RowReason::Invalid => l("無法讀取", "could not be read").into(),
        // Said of a field of any number ("the simulation settings"), so no verb that
        // agrees with it (audit 14: "the simulation settings holds").
        RowReason::NumberTooLarge => {
            l("無法讀取：當中有一個數字太大", "cannot be read: a number in it is too large").into()
        }
        RowReason::OutOfRange { min, max } => {
            let (min, max) = (count(*min), count(*max));
            Bilingual::new(format!("須為 {min} 至 {max} 的整數"), format!("must be a whole number from {min} to {max}"))
        }
    }
}

/// The problems beyond [`MAX_PROBLEMS_LISTED`], counted.
pub fn more_problems(more: usize) -> Bilingual {
    let more = count(more);
    Bilingual::new(format!("另有 {more} 個問題未列出。"), format!("{more} more not listed."))
}

/// A size in megabytes to one decimal (`2.1 MB`), for limits a member can compare.
pub fn megabytes(bytes: usize) -> String {
    let tenths = bytes.saturating_add(50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Names in quotes, at most ten, then how many more: `“A”, “B” and 3 more`.
fn quoted(names: &[String]) -> Bilingual {
    const SHOWN: usize = 10;
    let zh: Vec<String> = names.iter().take(SHOWN).map(|name| format!("「{name}」")).collect();
    let en: Vec<String> = names.iter().take(SHOWN).map(|name| format!("“{name}”")).collect();
    let more = names.len().saturating_sub(SHOWN);
    let (mut zh, mut en) = (zh.join("、"), en.join(", "));
    if more > 0 {
        let more = count(more);
        zh.push_str(&format!("及另外 {more} 個"));
        en.push_str(&format!(" and {more} more"));
    }
    Bilingual::new(zh, en)
}

/// Why a change to the saved scenarios was not made.
pub fn refusal(refusal: &Refusal) -> Bilingual {
    let kept = l("目前的情景仍在畫面上，未有儲存。", "The current scenario is still on screen, unsaved.");
    match refusal {
        Refusal::Name(RowReason::TooLong { max }) => {
            let max = crate::format::count(*max);
            Bilingual::new(format!("名稱不可超過 {max} 字。"), format!("A name can have at most {max} characters."))
        }
        Refusal::Name(_) => l("請輸入名稱。", "Enter a name.").into(),
        Refusal::Note(RowReason::TooLong { max }) => {
            // Written as every count is (1,000, as the questions' 2,000).
            let max = crate::format::count(*max);
            Bilingual::new(format!("備註不可超過 {max} 字。"), format!("A note can have at most {max} characters."))
        }
        Refusal::Note(_) => l("此備註無法使用。", "That note cannot be used.").into(),
        Refusal::Questions(problem) => crate::questions::problem(problem),
        // A list longer than blockvote ever writes (read from a store something else
        // wrote) says how many must go before one more can be added.
        Refusal::Full { not_added, held } if *held > MAX_SCENARIOS => {
            let names = quoted(not_added);
            let (count, over) = (
                crate::format::count(*held),
                crate::format::count(held.saturating_sub(MAX_SCENARIOS).saturating_add(1)),
            );
            Bilingual::new(
                format!(
                    "未有加入{}：情景清單有 {count} 個，多於 blockvote 可儲存的 {MAX_SCENARIOS} 個。請先刪除至少 {over} 個情景。{}",
                    names.zh, kept.zh
                ),
                format!(
                    "{} not added: the list holds {count} scenarios, more than the {MAX_SCENARIOS} blockvote can save. Delete at least {over} first. {}",
                    capitalised(&names.en),
                    kept.en
                ),
            )
        }
        Refusal::Full { not_added, .. } => {
            let names = quoted(not_added);
            Bilingual::new(
                format!(
                    "未有加入{}：已儲存的情景已達上限 {MAX_SCENARIOS} 個。請先刪除一些情景。{}",
                    names.zh, kept.zh
                ),
                format!(
                    "{} not added: the store already holds the most scenarios it can ({MAX_SCENARIOS}). Delete some first. {}",
                    capitalised(&names.en),
                    kept.en
                ),
            )
        }
        Refusal::TooLarge { bytes, not_added } => {
            let names = quoted(not_added);
            let (size, limit) = (megabytes(*bytes), megabytes(MAX_WRITE_BYTES));
            Bilingual::new(
                format!(
                    "未有儲存{}：儲存後的情景會佔 {size}，超過此瀏覽器保存的上限 {limit}（再大的話，重新載入後便無法讀回）。請刪除一些情景，或先下載保存。{}",
                    names.zh, kept.zh
                ),
                format!(
                    "{} not saved: the saved scenarios would take {size}, more than the {limit} this browser keeps (more could not be read back after a reload). Delete some, or download them first. {}",
                    capitalised(&names.en),
                    kept.en
                ),
            )
        }
        Refusal::Gone => l(
            "此情景已不在已儲存的情景中（可能已在另一分頁刪除）。",
            "That scenario is no longer saved (it may have been deleted in another tab).",
        )
        .into(),
        Refusal::NameTaken { name } => Bilingual::new(
            format!("已有另一個情景名為「{name}」，請另選名稱。"),
            format!("Another saved scenario is already called “{name}”; choose another name."),
        ),
    }
}

/// What was not added, grouped by why: ` Not added: “A” (the store holds at most 200
/// scenarios); “B” (too large to keep).` Empty when everything was added.
fn not_added(list: &[NotAdded]) -> Bilingual {
    let named =
        |why: NotAddedWhy| -> Vec<String> { list.iter().filter(|n| n.why == why).map(|n| n.name.clone()).collect() };
    let (full, large) = (named(NotAddedWhy::Full), named(NotAddedWhy::TooLarge));
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if !full.is_empty() {
        let names = quoted(&full);
        zh.push(format!("{}（已儲存的情景已達上限 {MAX_SCENARIOS} 個）", names.zh));
        en.push(format!("{} (the store holds at most {MAX_SCENARIOS} scenarios)", names.en));
    }
    if !large.is_empty() {
        let names = quoted(&large);
        let limit = megabytes(MAX_WRITE_BYTES);
        zh.push(format!("{}（加入後會超過此瀏覽器保存的上限 {limit}）", names.zh));
        en.push(format!("{} (adding it would pass the {limit} this browser keeps)", names.en));
    }
    if zh.is_empty() {
        return Bilingual::new("", "");
    }
    Bilingual::new(
        format!("未有加入：{}。請刪除一些情景後再試。", zh.join("；")),
        format!(" Not added: {}. Delete some scenarios and try again.", en.join("; ")),
    )
}

/// What an import did.
pub fn import_result(report: &ImportReport) -> Bilingual {
    let rest = not_added(&report.not_added);
    let (zh_same, en_same) = match report.already_saved {
        0 => (String::new(), String::new()),
        n => (format!("，{n} 個已經儲存（未再加入）"), format!(", {n} already saved (not added again)")),
    };
    Bilingual::new(
        format!("已匯入：新增 {} 個，取代 {} 個{zh_same}。{}", report.added, report.replaced, rest.zh),
        format!("Imported: {} added, {} replaced{en_same}.{}", report.added, report.replaced, rest.en),
    )
}

/// What opening an offline copy did with the scenarios it carries; `problems` lists
/// what in the copy's block could not be read, the scenarios whose levers the engine
/// will refuse and the edits of what the data shown does not have.
pub fn carried_notice(report: &CarriedReport, problems: &[StoreProblem]) -> Bilingual {
    let (added, already_saved) = (count(report.added), count(report.already_saved));
    let mut zh = format!(
        "此離線副本附有 {}：新增 {added} 個至「情景」，{already_saved} 個已經儲存。",
        scenarios_count(report.carried, Lang::Zh)
    );
    let mut en = format!(
        "This offline copy carries {}: {added} added to Scenarios, {already_saved} already saved.",
        scenarios_count(report.carried, Lang::En)
    );
    if report.brought_before > 0 {
        let n = count(report.brought_before);
        zh.push_str(&format!("另有 {n} 個早前已從副本加入、其後在此刪除或修改，不再加入。"));
        en.push_str(&format!(
            " {n} this browser brought in from a copy before and has since deleted or changed: not added again."
        ));
    }
    let rest = not_added(&report.not_added);
    zh.push_str(&rest.zh);
    en.push_str(&rest.en);
    // A scenario with a lever out of range, or with an edit of what the data shown
    // does not have, was read, and is added like the others, so it is not counted
    // among the parts that could not be read: each is named in the import's words,
    // which say which scenario to change before it will open, or which edit changes
    // nothing here.
    let (levers, unreadable): (Vec<&StoreProblem>, Vec<&StoreProblem>) = problems.iter().partition(|problem| {
        matches!(
            problem,
            StoreProblem::LeverOutOfRange { .. }
                | StoreProblem::NotInData { .. }
                | StoreProblem::MoreNotInData { .. }
                | StoreProblem::ScalingRefused { .. }
        )
    });
    if let Some(first) = unreadable.first() {
        let n = count(unreadable.len());
        let first = problem(first);
        zh.push_str(&format!("另有 {n} 處無法讀取，例如：{}。", first.zh));
        let parts = if unreadable.len() == 1 { "part" } else { "parts" };
        en.push_str(&format!(" {n} {parts} could not be read, such as: {}.", first.en));
    }
    for lever in levers.iter().take(MAX_PROBLEMS_LISTED) {
        let said = problem(lever);
        zh.push_str(&format!("{}。", said.zh));
        en.push_str(&format!(" {}.", capitalised(&said.en)));
    }
    let more = levers.len().saturating_sub(MAX_PROBLEMS_LISTED);
    if more > 0 {
        let words = more_problems(more);
        zh.push_str(&words.zh);
        en.push_str(&format!(" {}", words.en));
    }
    Bilingual::new(zh, en)
}

/// An offline copy was made and offered for download.
pub fn copy_done(file_name: &str, scenarios: usize) -> Bilingual {
    Bilingual::new(
        format!("已下載 {file_name}，內附 {}。", scenarios_count(scenarios, Lang::Zh)),
        format!("Downloaded {file_name}, carrying {}.", scenarios_count(scenarios, Lang::En)),
    )
}

/// Why an offline copy was not made (it would not open everything it carries), or a
/// carried block could not be used.
pub fn copy_problem(problem: &CarriedProblem) -> Bilingual {
    let why = match problem {
        CarriedProblem::NoBody | CarriedProblem::UnsafeText | CarriedProblem::DamagedPage => {
            l("此頁的內容無法放入資料。", "this page's text cannot take the data.").into()
        }
        CarriedProblem::NotADataset => l("附帶的資料不是 blockvote 項目資料。", "the data is not blockvote project data.").into(),
        CarriedProblem::FutureVersion { found } => Bilingual::new(
            format!("資料由較新版本的 blockvote 寫成（版本 {found}）。"),
            format!("the data was written by a newer blockvote (version {found})."),
        ),
        CarriedProblem::TooManyScenarios { count } => Bilingual::new(
            format!(
                "要附上的情景有 {count} 個（已儲存的及目前未儲存的一個），超過副本可開啟的上限 {MAX_SCENARIOS} 個。請刪除一些，或把目前的情景儲存在其中一個之上。"
            ),
            format!(
                "it would carry {count} scenarios (the saved ones and the current unsaved one), more than the {MAX_SCENARIOS} a copy opens. Delete some, or save the current one over a saved one."
            ),
        ),
        CarriedProblem::ScenariosTooLarge { bytes } => {
            let (size, limit) = (megabytes(*bytes), megabytes(MAX_WRITE_BYTES));
            Bilingual::new(
                format!("要附上的情景會佔 {size}，超過副本可開啟的上限 {limit}。請刪除一些情景。"),
                format!("the scenarios would take {size}, more than the {limit} a copy opens. Delete some."),
            )
        }
        CarriedProblem::DatasetTooLarge { bytes } => {
            let (size, limit) = (megabytes(*bytes), megabytes(MAX_CARRIED_DATASET_BYTES));
            Bilingual::new(
                format!("項目資料佔 {size}，超過副本可開啟的上限 {limit}。"),
                format!("the project data takes {size}, more than the {limit} a copy opens."),
            )
        }
        CarriedProblem::ManyDatasets { count } => Bilingual::new(
            format!("此頁附帶 {count} 組項目資料，只能顯示一組。"),
            format!("this page carries {count} sets of project data, and only one can be shown."),
        ),
    };
    Bilingual::new(format!("未有製作副本：{}", why.zh), format!("The copy was not made: {}", why.en))
}

/// Adds the conflicts a merge found to those the notice names, each once: the same
/// conflict heard again (another tab's write read twice) does not repeat its sentence.
pub fn note_conflicts(named: &mut Vec<Conflict>, found: Vec<Conflict>) {
    for conflict in found {
        if !named.contains(&conflict) {
            named.push(conflict);
        }
    }
}

/// How many conflicts the notice names one by one; it counts the rest.
const CONFLICTS_NAMED: usize = 5;

/// Scenarios changed in two tabs at once, each kept twice, as long as `store` still
/// holds both versions: once either is deleted (here or in another tab) the member has
/// chosen, and "both versions are kept" would no longer be true (audit 24 found it said
/// in the tab whose version another tab had deleted). `None` when none is left.
pub fn conflicts_notice(conflicts: &[Conflict], store: &Store) -> Option<Bilingual> {
    let held = |name: &str| store.scenarios.iter().any(|scenario| scenario.name == name);
    let conflicts: Vec<&Conflict> =
        conflicts.iter().filter(|conflict| held(&conflict.kept) && held(&conflict.copy)).collect();
    if conflicts.is_empty() {
        return None;
    }
    let (mut zh, mut en) = (String::new(), String::new());
    for conflict in conflicts.iter().take(CONFLICTS_NAMED) {
        let (kept, copy) = (&conflict.kept, &conflict.copy);
        zh.push_str(&format!("「{kept}」同時在兩個分頁被修改，兩個版本都已保留：「{kept}」（較後儲存）及「{copy}」。"));
        en.push_str(&format!(
            "“{kept}” was changed in two tabs at once; both versions are kept: “{kept}” (saved later) and “{copy}”. "
        ));
    }
    let more = conflicts.len().saturating_sub(CONFLICTS_NAMED);
    if more > 0 {
        let (more, one) = (count(more), more == 1);
        zh.push_str(&format!("另有 {more} 個情景同樣保留了兩個版本（見情景清單）。"));
        en.push_str(&format!(
            "{more} more {} kept twice in the same way (see the list of scenarios). ",
            if one { "scenario was" } else { "scenarios were" }
        ));
    }
    zh.push_str("請開啟或比較兩者，再刪除不要的一個。");
    en.push_str("Open or compare them, then delete the one you do not want.");
    Some(Bilingual::new(zh, en))
}

/// When a scenario was last saved, in the member's local time (`offset_minutes` east
/// of UTC at that moment, from the browser): `2025年3月4日 14:05` / `4 Mar 2025,
/// 14:05`. Scenarios saved before blockvote kept dates have none.
pub fn saved_on(saved_at: Option<u64>, offset_minutes: i32) -> Bilingual {
    let Some(millis) = saved_at else { return l("未有記錄", "not recorded").into() };
    let local = i64::try_from(millis / 60_000).unwrap_or(i64::MAX).saturating_add(i64::from(offset_minutes));
    let (days, minute_of_day) = (local.div_euclid(1_440), local.rem_euclid(1_440));
    let (year, month, day) = civil_from_days(days);
    let (hour, minute) = (minute_of_day / 60, minute_of_day % 60);
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month_name = usize::try_from(month - 1).ok().and_then(|m| MONTHS.get(m)).copied().unwrap_or("");
    Bilingual::new(
        format!("{year}年{month}月{day}日 {hour:02}:{minute:02}"),
        format!("{day} {month_name} {year}, {hour:02}:{minute:02}"),
    )
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era.saturating_add(era.saturating_mul(400)) + i64::from(month <= 2);
    (year, month, day)
}

/// Why saving is off.
pub fn storage_issue(issue: StorageIssue) -> Bilingual {
    match issue {
        StorageIssue::Unavailable | StorageIssue::WriteRefused => l(
            "儲存已關閉：此瀏覽器不讓 blockvote 保存情景（可能是私人瀏覽視窗，或儲存空間已滿）。其他功能照常運作；現在儲存的情景只保留至關閉此頁，請下載以保留。",
            "Saving is off: this browser does not let blockvote keep scenarios (a private window, or storage is full). Everything else works; scenarios saved now last until this page is closed — download them to keep them.",
        )
        .into(),
        StorageIssue::ReadRefused => l(
            "儲存已關閉：此瀏覽器不讓 blockvote 讀取已儲存的情景，所以不會覆寫它們。現在儲存的情景只保留至關閉此頁，請下載以保留；重新載入此頁可再試。",
            "Saving is off: this browser does not let blockvote read the saved scenarios, so nothing is written over them. Scenarios saved now last until this page is closed — download them to keep them; reload the page to try again.",
        )
        .into(),
        StorageIssue::BackupFailed => l(
            "儲存已關閉：已儲存的情景未能全部讀取，而無法讀取的內容也未能另存備份，所以不會覆寫它。請下載下面的副本；下載後可從此瀏覽器移除，儲存便會重新開啟。",
            "Saving is off: the saved scenarios could not all be read, and the unreadable text could not be set aside, so it is not overwritten. Download the copy below; once downloaded, it can be removed from this browser, and saving turns back on.",
        )
        .into(),
        StorageIssue::BackupSlotsFull => Bilingual::new(
            format!(
                "儲存已關閉：已儲存的情景未能全部讀取，而另存原文的 {MAX_SET_ASIDE} 個位置已全部用完，所以無法讀取的內容未能另存，也不會被覆寫。請下載下面另存的原文，再移除其中一份，儲存便會重新開啟。"
            ),
            format!(
                "Saving is off: the saved scenarios could not all be read, and all {MAX_SET_ASIDE} places for text set aside are taken, so the unreadable text could not be set aside and is not overwritten. Download a text set aside below, then remove it: saving turns back on."
            ),
        ),
    }
}

/// The name of a kind of text set aside.
pub fn set_aside_kind(kind: SetAsideKind) -> Label {
    match kind {
        SetAsideKind::Scenarios => l("已儲存的情景", "Saved scenarios"),
        SetAsideKind::Dataset => l("項目資料", "Project data"),
    }
}

/// What is set aside in this browser (`scenarios` texts of saved scenarios, `datasets`
/// of project data), said on every visit until the member removes them: how many, of
/// which kind, how each imports again, and when every place of a kind is taken. `None`
/// when nothing is set aside.
pub fn set_aside_said(scenarios: usize, datasets: usize) -> Option<Bilingual> {
    let total = scenarios.saturating_add(datasets);
    if total == 0 {
        return None;
    }
    let (zh_kinds, en_kinds) = match (scenarios, datasets) {
        (_, 0) => ("已儲存的情景".to_string(), "saved scenarios".to_string()),
        (0, _) => ("項目資料".to_string(), "project data".to_string()),
        _ => (
            format!("已儲存的情景 {} 份，項目資料 {} 份", count(scenarios), count(datasets)),
            format!("{} of saved scenarios, {} of project data", count(scenarios), count(datasets)),
        ),
    };
    let n = count(total);
    let mut zh = format!("此瀏覽器另存了 {n} 份未能使用的原文（{zh_kinds}），沒有刪除。");
    let mut en = if total == 1 {
        format!("1 text is set aside in this browser ({en_kinds}), not deleted.")
    } else {
        format!("{n} texts are set aside in this browser ({en_kinds}), not deleted.")
    };
    if scenarios > 0 {
        zh.push_str("已儲存情景的原文按原樣下載，可在此頁用「匯入」再匯入（能讀取的情景會匯入，其餘會列出）。");
        en.push_str(
            " Saved-scenarios text downloads as it was stored and imports again with Import on this screen (the scenarios that can be read are imported, the rest listed).",
        );
    }
    if datasets > 0 {
        zh.push_str("項目資料下載為項目 CSV，可在此頁的「項目資料」再匯入（若已不是項目資料，則按原樣下載）。");
        en.push_str(
            " Project data downloads as its projects CSV, to import again under Project data on this screen (as it was stored, if it is no longer project data).",
        );
    }
    zh.push_str("下載後可從此瀏覽器移除。");
    en.push_str(" Once downloaded, a text can be removed from this browser.");
    if scenarios >= MAX_SET_ASIDE {
        zh.push_str(&format!(
            "另存情景原文的 {MAX_SET_ASIDE} 個位置已全部用完：若再有無法讀取的已儲存情景，便無法另存，儲存會因此關閉。請下載並移除不再需要的原文。"
        ));
        en.push_str(&format!(
            " All {MAX_SET_ASIDE} places for saved-scenarios text are taken: saved scenarios that cannot all be read could not be set aside again, and saving would stop. Download and remove those you no longer need here."
        ));
    }
    if datasets >= MAX_SET_ASIDE {
        zh.push_str(&format!(
            "另存項目資料的 {MAX_SET_ASIDE} 個位置已全部用完：若再有無法使用的項目資料，便只能留在原處。請下載並移除不再需要的原文。"
        ));
        en.push_str(&format!(
            " All {MAX_SET_ASIDE} places for project data are taken: project data that cannot be used could only be left where it is. Download and remove those you no longer need here."
        ));
    }
    Some(Bilingual::new(zh, en))
}

/// The buttons and answers of a text set aside. Removing asks first, and is offered
/// only once the text was downloaded in this visit.
pub const DOWNLOAD_SET_ASIDE: Label = l("下載", "Download");
pub const REMOVE_SET_ASIDE: Label = l("從此瀏覽器移除…", "Remove from this browser…");
pub const CONFIRM_REMOVE_SET_ASIDE: Label = l(
    "要從此瀏覽器移除這份原文嗎？移除後只剩你剛下載的檔案。",
    "Remove this text from this browser? Only the file you downloaded will be left.",
);
/// The unreadable saved-scenarios text left where it was, which keeps saving off.
pub const CONFIRM_REMOVE_UNREADABLE: Label = l(
    "要從此瀏覽器移除這份無法讀取的原文嗎？移除後只剩你剛下載的檔案；下面能讀取的情景會重新儲存，儲存功能亦會重新開啟。",
    "Remove the unreadable text from this browser? Only the file you downloaded will be left; the scenarios that could be read are saved again, and saving turns back on.",
);
pub const YES_REMOVE: Label = l("移除", "Remove it");
pub const KEEP_SET_ASIDE: Label = l("保留", "Keep it");
pub const SET_ASIDE_DOWNLOADED: Label = l("已下載。", "Downloaded.");
/// The text under the key is no longer the one downloaded (another tab changed it).
pub const SET_ASIDE_CHANGED: Label = l(
    "未有移除：你下載後，這份原文已被改動（可能在另一分頁）。請再下載一次。",
    "Not removed: the text changed after you downloaded it (in another tab, perhaps). Download it again first.",
);
pub const SET_ASIDE_NOT_REMOVED: Label =
    l("未有移除：瀏覽器拒絕了移除。", "Not removed: the browser refused to remove it.");

/// Saved scenarios that could not all be read in full (a row skipped, or a field the
/// reader does not know ignored): the readable ones are listed, the stored text was set
/// aside as it was (under [`SET_ASIDE_UNDER`] a key, if it could be), can be downloaded
/// and imported again.
pub const SCENARIOS_SET_ASIDE: Label = l(
    "部分已儲存的情景未能完整讀取。下面列出能讀取的情景；儲存的原文已原樣另存，可下載保存，並可再匯入。",
    "Some saved scenarios could not be read in full. Those that could are listed below; the stored text was set aside as it was, and can be downloaded and imported again.",
);
/// [`SCENARIOS_SET_ASIDE`] when the stored text could not be set aside (every backup
/// key taken, or storage full): it stays where it was, and saving is off.
pub const SCENARIOS_LEFT_AS_THEY_WERE: Label = l(
    "部分已儲存的情景未能完整讀取。下面列出能讀取的情景；儲存的原文未能另存，所以原樣留在原處，不會被覆寫，可下載保存，並可再匯入。",
    "Some saved scenarios could not be read in full. Those that could are listed below; the stored text could not be set aside, so it is left where it was, not overwritten, and can be downloaded and imported again.",
);
/// The unreadable text left where it was has since been changed or removed in storage
/// by another tab; the copy this tab read is still offered.
pub const SCENARIOS_NO_LONGER_STORED: Label = l(
    "部分已儲存的情景未能完整讀取。下面列出能讀取的情景；儲存的原文其後已被另一個分頁更改或刪除，此分頁讀到的副本仍可下載保存，並可再匯入。",
    "Some saved scenarios could not be read in full. Those that could are listed below; the stored text has since been changed or removed by another tab, and the copy this tab read can still be downloaded and imported again.",
);
/// Before the key the unreadable text was set aside under.
pub const SET_ASIDE_UNDER: Label = l("另存於瀏覽器的：", "Kept in this browser under: ");

/// The projects shown are an imported file's, not the paper's.
pub fn imported_data(name: &str, projects: usize) -> Bilingual {
    let projects = crate::format::count(projects);
    Bilingual::new(
        format!("現正顯示匯入的項目資料「{name}」（{projects} 個項目），並非文件附件 C。文件的其他數字（第 2、5、6 段及附件 A、B）維持不變。"),
        format!(
            "Showing imported project data “{name}” ({projects} projects), not the paper's Annex C. The paper's other figures (paras 2, 5 and 6, Annexes A and B) are unchanged."
        ),
    )
}

/// The project data imported earlier no longer loads: the paper is shown, and the
/// stored text was set aside under `set_aside` (or could not be, and was left where
/// it was); either way it can be downloaded.
pub fn stored_dataset_unusable(reason: &str, set_aside: Option<&str>) -> Bilingual {
    let (zh, en) = match set_aside {
        Some(key) => (
            format!("該資料已另存於此瀏覽器（{key}），未被刪除，可下載保存。"),
            format!(" The stored text was set aside in this browser, not deleted ({key}), and can be downloaded."),
        ),
        None => (
            "該資料未能另存，所以留在原處，未被刪除；請下載保存。".to_string(),
            " It could not be set aside, so it was left where it was, not deleted; download it to keep it.".to_string(),
        ),
    };
    Bilingual::new(
        format!("早前匯入並儲存的項目資料無法使用（{reason}），現顯示文件的資料。{zh}"),
        format!("The project data imported earlier could not be used ({reason}); the paper's data is shown.{en}"),
    )
}

/// The project data this page (an offline copy) carries could not be used.
pub fn carried_dataset_unusable(reason: &str) -> Bilingual {
    Bilingual::new(
        format!("此檔案附帶的項目資料無法使用（{reason}），現顯示文件的資料。"),
        format!("The project data this file carries could not be used ({reason}); the paper's data is shown."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the text of a message in both languages.
    #[track_caller]
    fn check(message: Bilingual, zh: &str, en: &str) {
        assert_eq!((message.get(Lang::Zh), message.get(Lang::En)), (zh, en));
    }

    fn names(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn refusals_name_what_was_not_saved_and_why() {
        check(
            refusal(&Refusal::Full { not_added: names(&["Dearer"]), held: 200 }),
            "未有加入「Dearer」：已儲存的情景已達上限 200 個。請先刪除一些情景。目前的情景仍在畫面上，未有儲存。",
            "“Dearer” not added: the store already holds the most scenarios it can (200). Delete some first. The current scenario is still on screen, unsaved.",
        );
        check(
            refusal(&Refusal::Full { not_added: names(&["Dearer"]), held: 2_000 }),
            "未有加入「Dearer」：情景清單有 2,000 個，多於 blockvote 可儲存的 200 個。請先刪除至少 1,801 個情景。目前的情景仍在畫面上，未有儲存。",
            "“Dearer” not added: the list holds 2,000 scenarios, more than the 200 blockvote can save. Delete at least 1,801 first. The current scenario is still on screen, unsaved.",
        );
        check(
            refusal(&Refusal::TooLarge { bytes: 2_300_000, not_added: names(&["Big (2)"]) }),
            "未有儲存「Big (2)」：儲存後的情景會佔 2.3 MB，超過此瀏覽器保存的上限 2.1 MB（再大的話，重新載入後便無法讀回）。請刪除一些情景，或先下載保存。目前的情景仍在畫面上，未有儲存。",
            "“Big (2)” not saved: the saved scenarios would take 2.3 MB, more than the 2.1 MB this browser keeps (more could not be read back after a reload). Delete some, or download them first. The current scenario is still on screen, unsaved.",
        );
        check(refusal(&Refusal::Name(RowReason::Empty)), "請輸入名稱。", "Enter a name.");
        check(
            refusal(&Refusal::Name(RowReason::TooLong { max: 80 })),
            "名稱不可超過 80 字。",
            "A name can have at most 80 characters.",
        );
        check(
            refusal(&Refusal::Note(RowReason::TooLong { max: 1000 })),
            "備註不可超過 1,000 字。",
            "A note can have at most 1,000 characters.",
        );
        assert!(refusal(&Refusal::Gone).en.contains("another tab"));
        check(
            refusal(&Refusal::NameTaken { name: "One".to_string() }),
            "已有另一個情景名為「One」，請另選名稱。",
            "Another saved scenario is already called “One”; choose another name.",
        );
    }

    #[test]
    fn long_lists_of_names_are_cut() {
        let many: Vec<String> = (1..=13).map(|n| format!("S{n}")).collect();
        let text = quoted(&many);
        assert!(text.en.ends_with("“S10” and 3 more"), "{}", text.en);
        assert!(text.zh.ends_with("「S10」及另外 3 個"), "{}", text.zh);
    }

    #[test]
    fn an_import_says_what_was_added_and_names_what_was_not() {
        check(
            import_result(&ImportReport { added: 2, ..ImportReport::default() }),
            "已匯入：新增 2 個，取代 0 個。",
            "Imported: 2 added, 0 replaced.",
        );
        check(
            import_result(&ImportReport { added: 1, already_saved: 2, ..ImportReport::default() }),
            "已匯入：新增 1 個，取代 0 個，2 個已經儲存（未再加入）。",
            "Imported: 1 added, 0 replaced, 2 already saved (not added again).",
        );
        let report = ImportReport {
            added: 5,
            replaced: 1,
            already_saved: 0,
            not_added: vec![
                NotAdded { name: "F1".into(), why: NotAddedWhy::Full },
                NotAdded { name: "F2".into(), why: NotAddedWhy::Full },
                NotAdded { name: "Big".into(), why: NotAddedWhy::TooLarge },
            ],
        };
        check(
            import_result(&report),
            "已匯入：新增 5 個，取代 1 個。未有加入：「F1」、「F2」（已儲存的情景已達上限 200 個）；「Big」（加入後會超過此瀏覽器保存的上限 2.1 MB）。請刪除一些情景後再試。",
            "Imported: 5 added, 1 replaced. Not added: “F1”, “F2” (the store holds at most 200 scenarios); “Big” (adding it would pass the 2.1 MB this browser keeps). Delete some scenarios and try again.",
        );
    }

    #[test]
    fn opening_a_copy_says_what_it_carried_and_what_it_did_not_add() {
        let report = CarriedReport { carried: 2, added: 2, ..CarriedReport::default() };
        check(
            carried_notice(&report, &[]),
            "此離線副本附有 2 個情景：新增 2 個至「情景」，0 個已經儲存。",
            "This offline copy carries 2 scenarios: 2 added to Scenarios, 0 already saved.",
        );
        // One scenario is one, in English as in every count; large counts carry
        // thousands separators.
        let report = CarriedReport { carried: 1, added: 1, ..CarriedReport::default() };
        check(
            carried_notice(&report, &[]),
            "此離線副本附有 1 個情景：新增 1 個至「情景」，0 個已經儲存。",
            "This offline copy carries 1 scenario: 1 added to Scenarios, 0 already saved.",
        );
        let report = CarriedReport {
            carried: 2_000,
            added: 1_200,
            already_saved: 1_000,
            brought_before: 1_500,
            ..CarriedReport::default()
        };
        check(
            carried_notice(&report, &[]),
            "此離線副本附有 2,000 個情景：新增 1,200 個至「情景」，1,000 個已經儲存。另有 1,500 個早前已從副本加入、其後在此刪除或修改，不再加入。",
            "This offline copy carries 2,000 scenarios: 1,200 added to Scenarios, 1,000 already saved. 1,500 this browser brought in from a copy before and has since deleted or changed: not added again.",
        );
        let report = CarriedReport {
            carried: 3,
            added: 0,
            already_saved: 1,
            brought_before: 1,
            not_added: vec![NotAdded { name: "Late".into(), why: NotAddedWhy::Full }],
        };
        check(
            carried_notice(&report, &[StoreProblem::NotAStore]),
            "此離線副本附有 3 個情景：新增 0 個至「情景」，1 個已經儲存。另有 1 個早前已從副本加入、其後在此刪除或修改，不再加入。未有加入：「Late」（已儲存的情景已達上限 200 個）。請刪除一些情景後再試。另有 1 處無法讀取，例如：這不是 blockvote 情景檔案（檔案只有單一個值，沒有情景）。",
            "This offline copy carries 3 scenarios: 0 added to Scenarios, 1 already saved. 1 this browser brought in from a copy before and has since deleted or changed: not added again. Not added: “Late” (the store holds at most 200 scenarios). Delete some scenarios and try again. 1 part could not be read, such as: this is not a blockvote scenarios file (it holds a single value, not scenarios).",
        );
    }

    #[test]
    fn opening_a_copy_names_each_scenario_with_a_lever_out_of_range_in_the_import_s_words() {
        use blockvote_model::engine::LeverError;
        use blockvote_model::saved::ScenarioAt;
        let out = |index: usize, name: &str| StoreProblem::LeverOutOfRange {
            scenario: ScenarioAt { index, name: name.into() },
            error: Box::new(LeverError::OutOfRange {
                field: "cost_change_pct".into(),
                value: "5000".into(),
                min: "-100".into(),
                max: "1000".into(),
            }),
        };
        let report = CarriedReport { carried: 2, added: 2, ..CarriedReport::default() };
        check(
            carried_notice(&report, &[out(1, "Big"), StoreProblem::NotAStore]),
            "此離線副本附有 2 個情景：新增 2 個至「情景」，0 個已經儲存。另有 1 處無法讀取，例如：這不是 blockvote 情景檔案（檔案只有單一個值，沒有情景）。第 2 個情景（Big）的調節「所有新項目成本變動」為 +5,000.0%，須介乎 -100.0% 至 +1,000.0%；已匯入，但須先修改才能開啟。",
            "This offline copy carries 2 scenarios: 2 added to Scenarios, 0 already saved. 1 part could not be read, such as: this is not a blockvote scenarios file (it holds a single value, not scenarios). Scenario 2 (Big): the lever “Cost change, all new projects” is +5,000.0%; it must be between -100.0% and +1,000.0%; imported, but it will not open until that is changed.",
        );
        // An edit of what the data shown does not have is named the same way, among
        // what was read and added, not among what could not be read.
        let absent = StoreProblem::NotInData {
            scenario: ScenarioAt { index: 0, name: "Theirs".into() },
            group: None,
            what: blockvote_model::known::NotInData::Project { id: 9999 },
        };
        check(
            carried_notice(&report, &[absent]),
            "此離線副本附有 2 個情景：新增 2 個至「情景」，0 個已經儲存。第 1 個情景（Theirs）有一項修改所指的項目編號 9999 不在現時顯示的資料中；該修改已隨情景保留，但在顯示現時的資料時不會改變任何數字。",
            "This offline copy carries 2 scenarios: 2 added to Scenarios, 0 already saved. Scenario 1 (Theirs): an edit names project No. 9999, which the data shown does not have; the edit is kept with the scenario, but changes nothing while this data is shown.",
        );
        // Past MAX_PROBLEMS_LISTED, the rest are counted.
        let many: Vec<StoreProblem> = (0..MAX_PROBLEMS_LISTED + 3).map(|index| out(index, "X")).collect();
        let notice = carried_notice(&report, &many);
        assert_eq!(notice.en.matches("imported, but it will not open").count(), MAX_PROBLEMS_LISTED);
        assert!(notice.en.ends_with("until that is changed. 3 more not listed."), "{}", notice.en);
        assert!(notice.zh.ends_with("須先修改才能開啟。另有 3 個問題未列出。"), "{}", notice.zh);
    }

    #[test]
    fn a_copy_refused_says_why() {
        check(
            copy_problem(&CarriedProblem::TooManyScenarios { count: 201 }),
            "未有製作副本：要附上的情景有 201 個（已儲存的及目前未儲存的一個），超過副本可開啟的上限 200 個。請刪除一些，或把目前的情景儲存在其中一個之上。",
            "The copy was not made: it would carry 201 scenarios (the saved ones and the current unsaved one), more than the 200 a copy opens. Delete some, or save the current one over a saved one.",
        );
        check(
            copy_problem(&CarriedProblem::ScenariosTooLarge { bytes: 3_000_000 }),
            "未有製作副本：要附上的情景會佔 3.0 MB，超過副本可開啟的上限 2.1 MB。請刪除一些情景。",
            "The copy was not made: the scenarios would take 3.0 MB, more than the 2.1 MB a copy opens. Delete some.",
        );
        assert!(copy_problem(&CarriedProblem::DatasetTooLarge { bytes: 30_000_000 }).en.contains("30.0 MB"));
        check(copy_done("x.html", 2), "已下載 x.html，內附 2 個情景。", "Downloaded x.html, carrying 2 scenarios.");
        check(copy_done("x.html", 1), "已下載 x.html，內附 1 個情景。", "Downloaded x.html, carrying 1 scenario.");
    }

    #[test]
    fn dates_are_the_members_local_time() {
        // 2023-11-14 22:13:20 UTC.
        let at = Some(1_700_000_000_000);
        check(saved_on(at, 0), "2023年11月14日 22:13", "14 Nov 2023, 22:13");
        check(saved_on(at, 8 * 60), "2023年11月15日 06:13", "15 Nov 2023, 06:13");
        check(saved_on(at, -5 * 60), "2023年11月14日 17:13", "14 Nov 2023, 17:13");
        check(saved_on(Some(0), 0), "1970年1月1日 00:00", "1 Jan 1970, 00:00");
        check(saved_on(Some(951_782_400_000), 0), "2000年2月29日 00:00", "29 Feb 2000, 00:00");
        check(saved_on(None, 480), "未有記錄", "not recorded");
        // No panic at the ends of the range.
        let _ = saved_on(Some(u64::MAX), i32::MAX);
        let _ = saved_on(Some(0), i32::MIN);
    }

    /// The problems listed when `text` is imported, one a line, in both languages.
    fn import_problems(text: &str) -> Bilingual {
        let paper = blockvote_model::Dataset::paper().unwrap();
        let (_, problems) = blockvote_model::saved::decode_import(text, blockvote_model::nfc::nfc, &paper);
        let words: Vec<Bilingual> = problems.iter().map(problem).collect();
        let lines = |lang: Lang| words.iter().map(|w| w.get(lang).to_string()).collect::<Vec<_>>().join("\n");
        Bilingual::new(lines(Lang::Zh), lines(Lang::En))
    }

    /// A file of these rows (JSON, comma-separated) and these top-level fields.
    fn file(rows: &str, more: &str) -> String {
        format!(r#"{{"format":"blockvote-scenarios","version":1{more},"scenarios":[{rows}]}}"#)
    }

    #[test]
    fn an_import_names_every_field_it_ignored() {
        check(
            import_problems(&file(r#"{"name":"Typo","scenario":{"cost_change":"10","cots_change_pct":"5"}}"#, "")),
            "第 1 個情景（Typo）中的「cost_change」是此版本 blockvote 不認識的項目，已略過\n第 1 個情景（Typo）中的「cots_change_pct」是此版本 blockvote 不認識的項目，已略過",
            "scenario 1 (Typo): “cost_change” is something this version of blockvote does not know; it was ignored\nscenario 1 (Typo): “cots_change_pct” is something this version of blockvote does not know; it was ignored",
        );
        check(
            import_problems(&file(
                r#"{"name":"A","colour":"red","scenario":{"slippage":{"shares":"0.5"},"projects":[{"id":3,"edit":{"defer":2}}]}}"#,
                r#","author":"me""#,
            )),
            "檔案中的「author」是此版本 blockvote 不認識的項目，已略過\n第 1 個情景（A）中的「colour」是此版本 blockvote 不認識的項目，已略過\n第 1 個情景（A）中的「projects[0].edit.defer」是此版本 blockvote 不認識的項目，已略過\n第 1 個情景（A）中的「slippage.shares」是此版本 blockvote 不認識的項目，已略過",
            "the file's “author” is something this version of blockvote does not know; it was ignored\nscenario 1 (A): “colour” is something this version of blockvote does not know; it was ignored\nscenario 1 (A): “projects[0].edit.defer” is something this version of blockvote does not know; it was ignored\nscenario 1 (A): “slippage.shares” is something this version of blockvote does not know; it was ignored",
        );
        // Fields set to nothing (`null`, `[]`) carry nothing to lose, and known fields
        // at their defaults are not unknown.
        check(
            import_problems(&file(
                r#"{"name":"B","scenario":{"retention":null,"projects":[],"cap":null,"slippage":{}}}"#,
                "",
            )),
            "",
            "",
        );
    }

    #[test]
    fn an_import_names_levers_the_model_will_refuse_as_the_screens_name_them() {
        // A lever is named as on screen, its value and range in the member's units:
        // a percentage, quarters, money as the app writes it, a share as a percentage.
        check(
            import_problems(&file(r#"{"name":"Big","scenario":{"cost_change_pct":"5000"}}"#, "")),
            "第 1 個情景（Big）的調節「所有新項目成本變動」為 +5,000.0%，須介乎 -100.0% 至 +1,000.0%；已匯入，但須先修改才能開啟",
            "scenario 1 (Big): the lever “Cost change, all new projects” is +5,000.0%; it must be between -100.0% and +1,000.0%; imported, but it will not open until that is changed",
        );
        check(
            import_problems(&file(
                r#"{"name":"Ok","scenario":{}},{"name":"Late","scenario":{"groups":[{"edit":{"defer_quarters":41}}]}}"#,
                "",
            )),
            "第 2 個情景（Late）的調節「第 1 項組別調整的延後季數」為 41 季，須介乎 -40 至 40 季；已匯入，但須先修改才能開啟",
            "scenario 2 (Late): the lever “Deferral of group edit 1” is 41 quarters; it must be between -40 and 40 quarters; imported, but it will not open until that is changed",
        );
        check(
            import_problems(&file(r#"{"name":"Low","scenario":{"delegation":{"ceiling":"-1"}}}"#, "")),
            "第 1 個情景（Low）的調節「財委會審批上限」為 -1.0 百萬元，須介乎 0.0 百萬元 至 1,000,000,000.0 百萬元；已匯入，但須先修改才能開啟",
            "scenario 1 (Low): the lever “Finance Committee ceiling” is -HK$1.0M; it must be between HK$0.0M and HK$1,000,000,000.0M; imported, but it will not open until that is changed",
        );
        check(
            import_problems(&file(r#"{"name":"Slow","scenario":{"slippage":{"enabled":true,"share":"1.5"}}}"#, "")),
            "第 1 個情景（Slow）的調節「延誤項目比例」為 150.0%，須介乎 0.0% 至 100.0%；已匯入，但須先修改才能開啟",
            "scenario 1 (Slow): the lever “Share of projects late” is 150.0%; it must be between 0.0% and 100.0%; imported, but it will not open until that is changed",
        );
        // More decimals only when the value has them: a refused value never reads as one
        // within the range.
        check(
            import_problems(&file(
                r#"{"name":"Cut","scenario":{"projects":[{"id":3,"edit":{}},{"id":4,"edit":{"budget":"-0.000001"}}]}}"#,
                "",
            )),
            "第 1 個情景（Cut）的調節「項目編號 4 的預算」為 -0.000001 百萬元，須介乎 0.0 百萬元 至 1,000,000,000.0 百萬元；已匯入，但須先修改才能開啟",
            "scenario 1 (Cut): the lever “Budget of project No. 4” is -HK$0.000001M; it must be between HK$0.0M and HK$1,000,000,000.0M; imported, but it will not open until that is changed",
        );
        check(
            import_problems(&file(r#"{"name":"R","scenario":{"retention":"1.25"}}"#, "")),
            "第 1 個情景（R）的調節「校準開支模式的完成時支付比例 r」為 1.25，須介乎 0 至 1；已匯入，但須先修改才能開啟",
            "scenario 1 (R): the lever “Calibrated profile's share paid on completion, r” is 1.25; it must be between 0 and 1; imported, but it will not open until that is changed",
        );
        check(
            import_problems(&file(r#"{"name":"A","scenario":{"allocation":{"categories":[{"id":2,"amount":"-3"}]}}}"#, "")),
            "第 1 個情景（A）的調節「類別 2 的金額」為 -3.0 百萬元，須介乎 0.0 百萬元 至 1,000,000,000.0 百萬元；已匯入，但須先修改才能開啟",
            "scenario 1 (A): the lever “Amount of category 2” is -HK$3.0M; it must be between HK$0.0M and HK$1,000,000,000.0M; imported, but it will not open until that is changed",
        );
    }

    #[test]
    fn a_value_the_reader_refuses_is_said_by_what_it_had_to_be_not_in_the_reader_s_english() {
        // A number is never said not to be a number: one too large for any lever is
        // out of range, with the lever's range in the member's units.
        check(
            import_problems(&file(r#"{"name":"Huge","scenario":{"cost_change_pct":"1e308"}}"#, "")),
            "第 1 個情景（Huge）的「所有新項目成本變動」（1e308）超出範圍，須介乎 -100.0% 至 +1,000.0%，已略過此情景",
            "scenario 1 (Huge): “Cost change, all new projects” (1e308) is out of range: it must be between -100.0% and +1,000.0%; that scenario is skipped",
        );
        check(
            import_problems(&file(r#"{"name":"Huge","scenario":{"cost_change_pct":1e308}}"#, "")),
            "第 1 個情景（Huge）的「所有新項目成本變動」超出範圍，須介乎 -100.0% 至 +1,000.0%，已略過此情景",
            "scenario 1 (Huge): “Cost change, all new projects” is out of range: it must be between -100.0% and +1,000.0%; that scenario is skipped",
        );
        // Beyond even a float, the lever is still named (audit 14).
        check(
            import_problems(&file(r#"{"name":"Huge","scenario":{"cost_change_pct":1e400}}"#, "")),
            "第 1 個情景（Huge）的「所有新項目成本變動」超出範圍，須介乎 -100.0% 至 +1,000.0%，已略過此情景",
            "scenario 1 (Huge): “Cost change, all new projects” is out of range: it must be between -100.0% and +1,000.0%; that scenario is skipped",
        );
        check(
            import_problems(&file(
                r#"{"name":"Ok","scenario":{}},{"name":"Dear","scenario":{"projects":[{"id":17,"edit":{"budget":"1e308"}}]}}"#,
                "",
            )),
            "第 2 個情景（Dear）的「項目編號 17 的預算」（1e308）超出範圍，須介乎 0.0 百萬元 至 1,000,000,000.0 百萬元，已略過此情景",
            "scenario 2 (Dear): “Budget of project No. 17” (1e308) is out of range: it must be between HK$0.0M and HK$1,000,000,000.0M; that scenario is skipped",
        );
        // A number written as a number where the file writes text is said so, with
        // the text to write; a whole number written as text, with the number.
        check(
            import_problems(&file(r#"{"name":"Plain","scenario":{"cost_change_pct":12.5}}"#, "")),
            "第 1 個情景（Plain）的「所有新項目成本變動」寫成了數字 12.5，但 blockvote 檔案須把它寫成加上引號的文字 \"12.5\"，已略過此情景",
            "scenario 1 (Plain): “Cost change, all new projects” is written as the number 12.5, but a blockvote file writes it as text in quotes, \"12.5\"; that scenario is skipped",
        );
        check(
            import_problems(&file(r#"{"name":"A","scenario":{"allocation":{"categories":[{"id":2,"amount":-5}]}}}"#, "")),
            "第 1 個情景（A）的「類別 2 的金額」寫成了數字 -5，但 blockvote 檔案須把它寫成加上引號的文字 \"-5\"，已略過此情景",
            "scenario 1 (A): “Amount of category 2” is written as the number -5, but a blockvote file writes it as text in quotes, \"-5\"; that scenario is skipped",
        );
        check(
            import_problems(&file(r#"{"name":"Q","scenario":{"slippage":{"quarters":"2"}}}"#, "")),
            "第 1 個情景（Q）的「延誤季數」寫成了文字 \"2\"，但 blockvote 檔案須把它寫成不加引號的數字 2，已略過此情景",
            "scenario 1 (Q): “Quarters late” is written as the text \"2\", but a blockvote file writes it as a number without quotes, 2; that scenario is skipped",
        );
        // A whole number out of range says the range; a fraction says its value.
        check(
            import_problems(&file(r#"{"name":"Early","scenario":{"slippage":{"quarters":-1}}}"#, "")),
            "第 1 個情景（Early）的「延誤季數」（-1）超出範圍，須介乎 0 至 40 季，已略過此情景",
            "scenario 1 (Early): “Quarters late” (-1) is out of range: it must be between 0 and 40 quarters; that scenario is skipped",
        );
        check(
            import_problems(&file(r#"{"name":"Half","scenario":{"slippage":{"quarters":2.5}}}"#, "")),
            "第 1 個情景（Half）的「延誤季數」（2.5）不是有效的整數，已略過此情景",
            "scenario 1 (Half): “Quarters late” (2.5) is not a valid whole number; that scenario is skipped",
        );
        check(
            import_problems(&file(r#"{"name":"Big","scenario":{"slippage":{"quarters":1e3}}}"#, "")),
            "第 1 個情景（Big）的「延誤季數」寫成了帶小數點或指數的數字，但 blockvote 檔案須把整數寫成不帶小數點的數字 1000，已略過此情景",
            "scenario 1 (Big): “Quarters late” is written with a decimal point or an exponent, but a blockvote file writes a whole number without one, 1000; that scenario is skipped",
        );
        check(
            import_problems(&file(
                r#"{"name":"P","scenario":{"projects":[{"id":3},{"id":17,"edit":{"defer_quarters":2.5}}]}}"#,
                "",
            )),
            "第 1 個情景（P）的「項目編號 17 的延後季數」（2.5）不是有效的整數，已略過此情景",
            "scenario 1 (P): “Deferral of project No. 17” (2.5) is not a valid whole number; that scenario is skipped",
        );
        check(
            import_problems(&file(r#"{"name":"G","scenario":{"groups":[{"edit":{"extend_quarters":99999999999}}]}}"#, "")),
            "第 1 個情景（G）的「第 1 項組別調整的延長季數」（99999999999）超出範圍，須介乎 -40 至 40 季，已略過此情景",
            "scenario 1 (G): “Extension of group edit 1” (99999999999) is out of range: it must be between -40 and 40 quarters; that scenario is skipped",
        );
        // An id whose range no lever sets has its type's; an edit whose id is what was
        // refused is named by its place.
        check(
            import_problems(&file(r#"{"name":"Id","scenario":{"projects":[{"id":70000}]}}"#, "")),
            "第 1 個情景（Id）的「第 1 項個別項目調整的編號」（70000）超出範圍，須介乎 0 至 65,535，已略過此情景",
            "scenario 1 (Id): “Number of project edit 1” (70000) is out of range: it must be between 0 and 65,535; that scenario is skipped",
        );
        check(
            import_problems(&file(r#"{"name":"Bad lever","scenario":{"slippage":{"quarters":"many"}}}"#, "")),
            "第 1 個情景（Bad lever）的「延誤季數」（many）不是有效的整數，已略過此情景",
            "scenario 1 (Bad lever): “Quarters late” (many) is not a valid whole number; that scenario is skipped",
        );
        check(
            import_problems(&file(r#"{"name":"T","scenario":{"groups":[{"select":{"by":"theme","theme":"x"}}]}}"#, "")),
            "第 1 個情景（T）的「第 1 項組別調整的項目組別」不是 blockvote 認識的選項，已略過此情景",
            "scenario 1 (T): “Selection of group edit 1” is not a choice blockvote knows; that scenario is skipped",
        );
        check(
            import_problems(&file(r#"{"name":"On","scenario":{"slippage":{"enabled":"yes"}}}"#, "")),
            "第 1 個情景（On）的「延誤開關」（yes）須為 true 或 false，已略過此情景",
            "scenario 1 (On): “Slippage on or off” (yes) must be true or false; that scenario is skipped",
        );
        check(
            import_problems(&file(r#"{"name":"G","scenario":{"groups":{}}}"#, "")),
            "第 1 個情景（G）的「組別調整」須為清單，已略過此情景",
            "scenario 1 (G): “Group edits” must be a list; that scenario is skipped",
        );
        check(
            import_problems(&file(r#"{"name":"S","scenario":{"slippage":5}}"#, "")),
            "第 1 個情景（S）的「延誤」（5）無法讀取，已略過此情景",
            "scenario 1 (S): “Slippage” (5) could not be read; that scenario is skipped",
        );
    }

    #[test]
    fn a_file_too_large_says_its_size_and_the_limit_with_thousands_grouped() {
        let said = problem(&StoreProblem::TooLarge { bytes: 17_000_000 });
        assert_eq!(said.en, "the file is too large (17,000,000 bytes; the limit is 16,777,216)");
        assert_eq!(said.zh, "檔案太大（17,000,000 位元組，上限 16,777,216）");
    }

    #[test]
    fn an_import_names_a_scaling_target_its_locked_categories_put_out_of_reach() {
        check(
            import_problems(&file(
                r#"{"name":"Low","scenario":{"allocation":{"categories":[{"id":1,"amount":"300","locked":true}],"scale_to":"100"}}}"#,
                "",
            )),
            "第 1 個情景（Low）的按比例調整目標總額低於已鎖定類別的總和（300.0 百萬元），無法按比例調整；各類別按未調整的金額顯示",
            "scenario 1 (Low): its target total to scale to is below the locked categories' HK$300.0M, so the categories cannot be scaled to it; they are shown unscaled",
        );
        check(
            import_problems(&file(
                r#"{"name":"Ok","scenario":{"allocation":{"categories":[{"id":1,"amount":"300","locked":true}],"scale_to":"1000"}}}"#,
                "",
            )),
            "",
            "",
        );
    }

    #[test]
    fn an_import_names_each_edit_of_what_the_data_shown_does_not_have_and_keeps_it() {
        // The paper's data: projects 1 to 254, categories 1 to 6, 66 departments.
        check(
            import_problems(&file(r#"{"name":"Far","scenario":{"projects":[{"id":17},{"id":9999,"edit":{"defer_quarters":2}}]}}"#, "")),
            "第 1 個情景（Far）有一項修改所指的項目編號 9999 不在現時顯示的資料中；該修改已隨情景保留，但在顯示現時的資料時不會改變任何數字",
            "scenario 1 (Far): an edit names project No. 9999, which the data shown does not have; the edit is kept with the scenario, but changes nothing while this data is shown",
        );
        check(
            import_problems(&file(r#"{"name":"Cat","scenario":{"allocation":{"categories":[{"id":9,"amount":"5"}]}}}"#, "")),
            "第 1 個情景（Cat）有一項修改所指的類別 9 不在現時顯示的資料中；該修改已隨情景保留，但在顯示現時的資料時不會改變任何數字",
            "scenario 1 (Cat): an edit names category 9, which the data shown does not have; the edit is kept with the scenario, but changes nothing while this data is shown",
        );
        check(
            import_problems(&file(
                r#"{"name":"Dept","scenario":{"groups":[{"select":{"by":"all"}},{"select":{"by":"department","index":999}}]}}"#,
                "",
            )),
            "第 1 個情景（Dept）的第 2 項組別調整所指的第 1,000 個部門不在現時顯示的資料中；該修改已隨情景保留，但在顯示現時的資料時不會改變任何數字",
            "scenario 1 (Dept): group edit 2 names the 1,000th department, which the data shown does not have; the edit is kept with the scenario, but changes nothing while this data is shown",
        );
        check(
            import_problems(&file(r#"{"name":"Dept","scenario":{"groups":[{"select":{"by":"department_zh","name":"月球署"}}]}}"#, "")),
            "第 1 個情景（Dept）的第 1 項組別調整所指的部門「月球署」不在現時顯示的資料中；該修改已隨情景保留，但在顯示現時的資料時不會改變任何數字",
            "scenario 1 (Dept): group edit 1 names the department “月球署”, which the data shown does not have; the edit is kept with the scenario, but changes nothing while this data is shown",
        );
        // Past the first sixteen of a scenario, the rest are counted.
        let many: Vec<String> = (1_000..1_020).map(|id| format!(r#"{{"id":{id}}}"#)).collect();
        let said =
            import_problems(&file(&format!(r#"{{"name":"Big","scenario":{{"projects":[{}]}}}}"#, many.join(",")), ""));
        assert_eq!(said.en.lines().count(), 17, "{}", said.en);
        assert_eq!(
            said.en.lines().last(),
            Some("scenario 1 (Big): 4 more edits name projects, departments or categories the data shown does not have; they are kept with the scenario, but change nothing while this data is shown")
        );
        assert_eq!(
            said.zh.lines().last(),
            Some("第 1 個情景（Big）另有 4 項修改所指的項目、部門或類別不在現時顯示的資料中；這些修改已隨情景保留，但在顯示現時的資料時不會改變任何數字")
        );
    }

    #[test]
    fn a_file_that_is_not_a_scenarios_file_says_so_in_the_member_s_words() {
        check(
            import_problems(r#"{"format":"something-else","version":2,"scenarios":[]}"#),
            "這不是 blockvote 情景檔案（檔案沒有註明是 blockvote 情景檔案）",
            "this is not a blockvote scenarios file (it does not say it is one)",
        );
        check(
            import_problems("42"),
            "這不是 blockvote 情景檔案（檔案只有單一個值，沒有情景）",
            "this is not a blockvote scenarios file (it holds a single value, not scenarios)",
        );
        check(
            import_problems(r#"{"format":"blockvote-scenarios","version":"two","scenarios":[]}"#),
            "此情景檔案把版本寫成文字「two」，而不是整數，因此無法讀取",
            "this scenarios file gives its version as the text “two”, not as a whole number, so it cannot be read",
        );
        check(
            import_problems(r#"{"format":"blockvote-scenarios","scenarios":[]}"#),
            "此情景檔案沒有註明由哪個版本的 blockvote 寫成，因此無法讀取",
            "this scenarios file does not say which version of blockvote wrote it, so it cannot be read",
        );
        check(
            import_problems(r#"{"format":"blockvote-scenarios","version":2.5,"scenarios":[]}"#),
            "此情景檔案的版本 2.5 不是由 0 起的整數，因此無法讀取",
            "this scenarios file gives its version as 2.5, which is not a whole number from 0, so it cannot be read",
        );
        check(
            import_problems(r#"{"format":"blockvote-scenarios","version":2,"scenarios":{}}"#),
            "此情景檔案沒有情景清單",
            "this scenarios file holds no list of scenarios",
        );
        check(
            import_problems("[]"),
            "檔案只是一個空的清單，不是 blockvote 情景檔案，當中沒有情景",
            "the file is an empty list, not a blockvote scenarios file, and holds no scenario",
        );
        check(import_problems(&file("", "")), "檔案中沒有情景", "the file holds no scenario");
        check(
            import_problems(&file(r#"{"name":"A","scenario":{}}"#, r#","ongoing_2018_19":"800""#)),
            "檔案中的「ongoing_2018_19」是此版本 blockvote 不認識的項目，已略過",
            "the file's “ongoing_2018_19” is something this version of blockvote does not know; it was ignored",
        );
        check(
            import_problems(&file(r#"{"scenario":{}}"#, "")),
            "第 1 個情景的名稱缺少，已略過此情景",
            "scenario 1: the name is missing; that scenario is skipped",
        );
        // Read after its name, a row's problem names the scenario skipped.
        check(
            import_problems(&file(r#"{"name":"Seeded","scenario":{},"seed":-1}"#, "")),
            "第 1 個情景（Seeded）的模擬種子須為 0 至 18,446,744,073,709,551,615 的整數，已略過此情景",
            "scenario 1 (Seeded): the simulation seed must be a whole number from 0 to 18,446,744,073,709,551,615; that scenario is skipped",
        );
        // A number too large to read skips its scenario only, named (audit 12).
        check(
            import_problems(&file(r#"{"name":"Kept","scenario":{}},{"name":"Seeded","scenario":{},"seed":1e400}"#, "")),
            "第 2 個情景（Seeded）的模擬種子無法讀取：當中有一個數字太大，已略過此情景",
            "scenario 2 (Seeded): the simulation seed cannot be read: a number in it is too large; that scenario is skipped",
        );
    }

    #[test]
    fn what_the_app_writes_it_imports_back_unchanged_and_without_a_word() {
        use blockvote_model::engine::monte_carlo::SimulationChoices;
        use blockvote_model::engine::{
            AllocationLevers, CategoryEdit, Edit, GroupEdit, ProjectEdit, Scenario, Selector,
        };
        use blockvote_model::saved::{encode, SavedScenario, Store};
        use blockvote_model::{Money, Theme};
        let edit = Edit { defer_quarters: Some(-40), extend_quarters: Some(40), ..Edit::default() };
        let scenario = Scenario {
            cost_change_pct: rust_decimal::Decimal::new(125, 1),
            projects: vec![
                ProjectEdit { id: 17, edit: edit.clone() },
                ProjectEdit { id: 254, edit: Edit { budget: Some(Money::from_whole_millions(0)), ..Edit::default() } },
            ],
            groups: vec![
                GroupEdit { select: Selector::Department { index: 65 }, edit: edit.clone() },
                GroupEdit { select: Selector::Theme { theme: Theme::TechnologyRefresh }, edit: edit.clone() },
                GroupEdit { select: Selector::All, edit },
            ],
            allocation: AllocationLevers {
                categories: (1..=6)
                    .map(|id| CategoryEdit { id, amount: Some(Money::from_whole_millions(1)), locked: id == 6 })
                    .collect(),
                scale_to: None,
            },
            ..Scenario::default()
        };
        let store = Store::of(vec![SavedScenario::new(
            "s1",
            "Every edit 每項修改",
            scenario,
            Some(SimulationChoices::with_seed(3)),
        )]);
        let text = encode(&store);
        check(import_problems(&text), "", "");
        let paper = blockvote_model::Dataset::paper().unwrap();
        let (read, _) = blockvote_model::saved::decode_import(&text, blockvote_model::nfc::nfc, &paper);
        assert_eq!(read, store.scenarios_only());
    }

    #[test]
    fn a_document_nested_too_deeply_says_so() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        for text in [nested(200), file(&format!(r#"{{"name":"x","scenario":{{"a":{}}}}}"#, nested(150)), "")] {
            check(
                import_problems(&text),
                "檔案內容層層相套超過 127 層，無法讀取（blockvote 情景檔案只有數層）",
                "the file is nested more than 127 levels deep, too deep to read (a blockvote scenarios file has a few)",
            );
        }
        // Text that is not JSON keeps its line and column, where the member can look.
        check(import_problems("{oops"), "不是有效的 JSON（第 1 行第 2 字）", "not valid JSON (line 1, column 2)");
        check(import_problems(""), "檔案是空的", "the file is empty");
        // Half a character is read as U+FFFD, and said so, where it is.
        check(
            import_problems(
                r#"{"format":"blockvote-scenarios","version":2,"scenarios":[{"name":"Bad\ud800","scenario":{}}]}"#,
            ),
            "檔案中有半個字元（第 1 行第 70 字），已改為「�」顯示，其餘照讀",
            "the file holds half of a character (line 1, column 70); it is shown as “�” and the rest was read",
        );
        // A number JSON allows but a float cannot hold is not called "not JSON".
        check(
            import_problems(r#"{"format": "blockvote-scenarios", "version": 1e400}"#),
            "檔案中有一個數字太大，無法讀取（第 1 行第 50 字）",
            "the file holds a number too large to read (line 1, column 50)",
        );
    }

    #[test]
    fn too_many_questions_are_counted_as_questions_not_characters() {
        let many = vec![r#"{"key":"x"}"#; 100].join(",");
        check(
            import_problems(&file(&format!(r#"{{"name":"Q","scenario":{{}},"questions":[{many}]}}"#), "")),
            "第 1 個情景（Q）的問題清單超過 40 項，已略過此情景",
            "scenario 1 (Q): the list of questions has more than 40 entries; that scenario is skipped",
        );
    }

    #[test]
    fn conflicts_and_set_aside_data_say_what_to_do() {
        let conflict = |n: usize| Conflict { kept: format!("S{n}"), copy: format!("S{n} ({CONFLICT_LABEL})") };
        let holding = |names: &[String]| Store {
            scenarios: names
                .iter()
                .map(|name| blockvote_model::saved::SavedScenario { name: name.clone(), ..Default::default() })
                .collect(),
            ..Store::default()
        };
        let x = Conflict { kept: "X".into(), copy: format!("X ({CONFLICT_LABEL})") };
        let both = holding(&[x.kept.clone(), x.copy.clone()]);
        let text = conflicts_notice(std::slice::from_ref(&x), &both).unwrap_or_else(|| panic!("said"));
        // Once either version is deleted, the member has chosen: nothing is said.
        assert_eq!(conflicts_notice(std::slice::from_ref(&x), &holding(std::slice::from_ref(&x.copy))), None);
        assert_eq!(conflicts_notice(std::slice::from_ref(&x), &holding(std::slice::from_ref(&x.kept))), None);
        assert_eq!(
            text.en,
            "“X” was changed in two tabs at once; both versions are kept: “X” (saved later) and “X (另一版本 other version)”. Open or compare them, then delete the one you do not want."
        );
        check(
            stored_dataset_unusable("bad row", Some("blockvote.dataset.v1.unreadable.2")),
            "早前匯入並儲存的項目資料無法使用（bad row），現顯示文件的資料。該資料已另存於此瀏覽器（blockvote.dataset.v1.unreadable.2），未被刪除，可下載保存。",
            "The project data imported earlier could not be used (bad row); the paper's data is shown. The stored text was set aside in this browser, not deleted (blockvote.dataset.v1.unreadable.2), and can be downloaded.",
        );
        assert!(stored_dataset_unusable("x", None).en.contains("left where it was"));
        let mut named = vec![conflict(1)];
        note_conflicts(&mut named, vec![conflict(1), conflict(2), conflict(2)]);
        assert_eq!(named, vec![conflict(1), conflict(2)]);
        let many: Vec<Conflict> = (1..=7).map(conflict).collect();
        let names: Vec<String> = many.iter().flat_map(|c| [c.kept.clone(), c.copy.clone()]).collect();
        let text = conflicts_notice(&many, &holding(&names)).unwrap_or_else(|| panic!("said"));
        assert_eq!(text.en.matches("was changed in two tabs").count(), 5);
        assert!(text.en.contains("2 more scenarios were kept twice in the same way"), "{}", text.en);
        assert!(text.zh.contains("另有 2 個情景同樣保留了兩個版本"), "{}", text.zh);
        assert_eq!(megabytes(MAX_WRITE_BYTES), "2.1 MB");
    }

    #[test]
    fn texts_set_aside_are_said_on_every_visit_with_how_they_import_again() {
        assert_eq!(set_aside_said(0, 0), None, "nothing set aside, nothing said");
        check(
            set_aside_said(1, 0).unwrap(),
            "此瀏覽器另存了 1 份未能使用的原文（已儲存的情景），沒有刪除。已儲存情景的原文按原樣下載，可在此頁用「匯入」再匯入（能讀取的情景會匯入，其餘會列出）。下載後可從此瀏覽器移除。",
            "1 text is set aside in this browser (saved scenarios), not deleted. Saved-scenarios text downloads as it was stored and imports again with Import on this screen (the scenarios that can be read are imported, the rest listed). Once downloaded, a text can be removed from this browser.",
        );
        check(
            set_aside_said(0, 1).unwrap(),
            "此瀏覽器另存了 1 份未能使用的原文（項目資料），沒有刪除。項目資料下載為項目 CSV，可在此頁的「項目資料」再匯入（若已不是項目資料，則按原樣下載）。下載後可從此瀏覽器移除。",
            "1 text is set aside in this browser (project data), not deleted. Project data downloads as its projects CSV, to import again under Project data on this screen (as it was stored, if it is no longer project data). Once downloaded, a text can be removed from this browser.",
        );
        check(
            set_aside_said(4, 2).unwrap(),
            "此瀏覽器另存了 6 份未能使用的原文（已儲存的情景 4 份，項目資料 2 份），沒有刪除。已儲存情景的原文按原樣下載，可在此頁用「匯入」再匯入（能讀取的情景會匯入，其餘會列出）。項目資料下載為項目 CSV，可在此頁的「項目資料」再匯入（若已不是項目資料，則按原樣下載）。下載後可從此瀏覽器移除。",
            "6 texts are set aside in this browser (4 of saved scenarios, 2 of project data), not deleted. Saved-scenarios text downloads as it was stored and imports again with Import on this screen (the scenarios that can be read are imported, the rest listed). Project data downloads as its projects CSV, to import again under Project data on this screen (as it was stored, if it is no longer project data). Once downloaded, a text can be removed from this browser.",
        );
        check(
            set_aside_said(3, 0).unwrap(),
            "此瀏覽器另存了 3 份未能使用的原文（已儲存的情景），沒有刪除。已儲存情景的原文按原樣下載，可在此頁用「匯入」再匯入（能讀取的情景會匯入，其餘會列出）。下載後可從此瀏覽器移除。",
            "3 texts are set aside in this browser (saved scenarios), not deleted. Saved-scenarios text downloads as it was stored and imports again with Import on this screen (the scenarios that can be read are imported, the rest listed). Once downloaded, a text can be removed from this browser.",
        );
    }

    #[test]
    fn every_place_taken_is_said_with_what_to_do() {
        check(
            set_aside_said(MAX_SET_ASIDE, 0).unwrap(),
            "此瀏覽器另存了 20 份未能使用的原文（已儲存的情景），沒有刪除。已儲存情景的原文按原樣下載，可在此頁用「匯入」再匯入（能讀取的情景會匯入，其餘會列出）。下載後可從此瀏覽器移除。另存情景原文的 20 個位置已全部用完：若再有無法讀取的已儲存情景，便無法另存，儲存會因此關閉。請下載並移除不再需要的原文。",
            "20 texts are set aside in this browser (saved scenarios), not deleted. Saved-scenarios text downloads as it was stored and imports again with Import on this screen (the scenarios that can be read are imported, the rest listed). Once downloaded, a text can be removed from this browser. All 20 places for saved-scenarios text are taken: saved scenarios that cannot all be read could not be set aside again, and saving would stop. Download and remove those you no longer need here.",
        );
        let both = set_aside_said(MAX_SET_ASIDE, MAX_SET_ASIDE).unwrap();
        assert!(both
            .en
            .starts_with("40 texts are set aside in this browser (20 of saved scenarios, 20 of project data)"));
        assert!(both.en.ends_with(
            "All 20 places for project data are taken: project data that cannot be used could only be left where it is. Download and remove those you no longer need here."
        ));
        assert!(both.zh.ends_with("另存項目資料的 20 個位置已全部用完：若再有無法使用的項目資料，便只能留在原處。請下載並移除不再需要的原文。"));
        // One short of full says nothing of places.
        assert!(!set_aside_said(MAX_SET_ASIDE - 1, MAX_SET_ASIDE - 1).unwrap().en.contains("places"));
        check(
            storage_issue(StorageIssue::BackupSlotsFull),
            "儲存已關閉：已儲存的情景未能全部讀取，而另存原文的 20 個位置已全部用完，所以無法讀取的內容未能另存，也不會被覆寫。請下載下面另存的原文，再移除其中一份，儲存便會重新開啟。",
            "Saving is off: the saved scenarios could not all be read, and all 20 places for text set aside are taken, so the unreadable text could not be set aside and is not overwritten. Download a text set aside below, then remove it: saving turns back on.",
        );
        // A copy the browser refused is not said to be a matter of places.
        assert!(!storage_issue(StorageIssue::BackupFailed).en.contains("places"));
        // A refused read says nothing is written over what could not be read.
        assert!(storage_issue(StorageIssue::ReadRefused).en.contains("so nothing is written over them"));
        assert!(storage_issue(StorageIssue::ReadRefused).zh.contains("所以不會覆寫它們"));
        check(set_aside_kind(SetAsideKind::Scenarios).into(), "已儲存的情景", "Saved scenarios");
        check(set_aside_kind(SetAsideKind::Dataset).into(), "項目資料", "Project data");
    }
}
