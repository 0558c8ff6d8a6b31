//! Links and sharing, in words and as plain data: what a link's problems mean, when a
//! scenario does not fit in a link, what "Copy link" copies, what "Open a link"
//! accepts, and the scenario file offered instead of a link that cannot carry it.
//! The shell's `address.rs`, `whatif.rs` and `components/share.rs` only draw these.

use crate::format::count;
use crate::lang::{Bilingual, Label, Lang};
use crate::refusal::{CATEGORY, PROJECT_NUMBER};
use crate::route::{read_slide, route_problems, shell_value_applies, SHELL_KEYS, SLIDE_KEY};
use crate::screens::allocation::target_out_of_reach;
use crate::screens::departments::{self, DepartmentColumn};
use crate::screens::projects::filters::{ids_param, parse_ids, search_shown, Filters, Offered, FILTER_KEYS};
use crate::screens::projects::table::{self, parse_group, SortKey, GROUP_KEY};
use crate::screens::sorting::SortKeys;
use crate::screens::thresholds::threshold_text;
use blockvote_model::engine::monte_carlo::{SimulationChoices, SimulationFault};
use blockvote_model::engine::Scenario;
use blockvote_model::link::{
    decode_link_in, parse_fragment, read_fragment, Fit, LinkProblem, LinkReason, LinkScenario, Marker,
    MAX_FRAGMENT_CHARS, MAX_ITEMS, MAX_NAMED_ABSENT, MAX_SCENARIO_CHARS, MAX_VALUE_CHARS, SCENARIO_KEYS,
};
use blockvote_model::order::SortedSet;
use blockvote_model::saved::{encode, SavedScenario, Store};
use blockvote_model::Dataset;

/// Opens a link (the fragment's text) on `data`, the data the screens show: its
/// scenario, and every pair of it the app cannot use, in the order the notice lists
/// them: the view and language ([`route_problems`]), the scenario's (the model's
/// decoder, which also names the edits of projects, departments and categories `data`
/// does not have, or of groups no project of it is in, and a lever given twice), then
/// the screens' own pairs ([`screen_problems`]), the shell's and the screens' keys
/// given twice ([`repeated_problems`]), the keys no reader knows
/// ([`unknown_key_problems`]), and last a known key's pair that escapes bytes that are
/// not UTF-8 and is named for nothing else (`LinkReason::NotText`: the search, `q=`,
/// takes any text). Only a link is checked against the data: a scenario
/// built in the app cannot name what the data does not have. Each pair is quoted as
/// the link wrote it (`Fragment::quote_as_written`).
pub fn open_link(text: &str, data: &Dataset) -> (LinkScenario, Vec<LinkProblem>) {
    let (decoded, scenario_problems) = decode_link_in(text, data);
    let fragment = read_fragment(text);
    let params = &fragment.pairs;
    let mut problems = route_problems(params);
    problems.extend(scenario_problems);
    problems.extend(screen_problems(params, data));
    problems.extend(repeated_problems(params));
    problems.extend(unknown_key_problems(params));
    // A pair a reader takes whatever its text (the search, `q=`) is applied with the
    // escapes of its bytes that are not UTF-8 as the link wrote them (`%FF`); unless a
    // problem names its key already, it is named, once per key.
    let mut checked: Vec<&str> = Vec::new();
    for (key, value) in fragment.not_text.iter().filter_map(|&at| params.get(at)) {
        if is_known_key(key) && !checked.contains(&key.as_str()) {
            checked.push(key);
            if !problems.iter().any(|problem| problem.key == *key) {
                problems.push(LinkProblem::new(key, value, LinkReason::NotText));
            }
        }
    }
    fragment.quote_as_written(&mut problems);
    (decoded, problems)
}

/// The problems of a link opened while the scenario it carries is the one on screen,
/// which the shell keeps as it is rather than opening it again: every problem
/// [`open_link`] names but a marker's (`scenario=too-large`), which would say what
/// is shown instead of that scenario. A new link's problems replace the notice's, so it names them all,
/// and none when it has none.
pub fn same_scenario_link_problems(text: &str, data: &Dataset) -> Vec<LinkProblem> {
    let (_, problems) = open_link(text, data);
    problems.into_iter().filter(|problem| !matches!(problem.reason, LinkReason::NotCarried { .. })).collect()
}

/// The problems of the app's own address (a link on screen the member followed, such
/// as the navigation's) while its scenario stayed the one on screen (so the scenario
/// is not opened again): its view and language, and the screens' pairs and the keys no
/// reader knows that differ from `before`, those the app had. The app's own addresses
/// carry the pairs it had, so nothing already said is said again.
pub fn changed_address_problems(text: &str, before: &[(String, String)], data: &Dataset) -> Vec<LinkProblem> {
    let params = parse_fragment(text);
    let is_screens = |(key, _): &&(String, String)| is_screen_key(key) || !is_known_key(key);
    let had = blockvote_model::order::set_of(before.iter().filter(is_screens));
    let changed: Vec<(String, String)> =
        params.iter().filter(is_screens).filter(|pair| !had.contains(pair)).cloned().collect();
    let mut problems = route_problems(&params);
    problems.extend(screen_problems(&changed, data));
    problems.extend(unknown_key_problems(&changed));
    problems
}

/// The two tables sorted by their headings, under their own address keys.
const PROJECTS_SORT: SortKeys = table::SORT_KEYS;
const DEPARTMENTS_SORT: SortKeys = departments::SORT_KEYS;

/// The keys the screens read from the address, each reader's own: the projects
/// filters, the projects table's grouping, the tables' sorts, the presenter's slide.
fn screen_keys() -> impl Iterator<Item = &'static str> {
    FILTER_KEYS.into_iter().chain([
        GROUP_KEY,
        PROJECTS_SORT.column,
        PROJECTS_SORT.direction,
        DEPARTMENTS_SORT.column,
        DEPARTMENTS_SORT.direction,
        SLIDE_KEY,
    ])
}

/// Whether the screens read `key` from the address.
fn is_screen_key(key: &str) -> bool {
    screen_keys().any(|known| known == key)
}

/// The projects filter's department (`dept=`), a key [`screen_params`] and
/// [`screen_problems`] read beyond [`Offered::problems`].
const DEPT_KEY: &str = "dept";
/// The projects filter's list of project numbers (`ids=`), likewise.
const IDS_KEY: &str = "ids";
/// The projects search (`q=`), written back as far as it is read.
const SEARCH_KEY: &str = "q";

/// The text as it is: the [`Filters`] read here are read for their department and
/// list of numbers only, which no normalisation or lower case changes, so the search's
/// Unicode functions are not needed (nor carried in).
fn as_typed(text: &str) -> String {
    text.to_string()
}

/// The pairs of an address the screens read (filters, sorts, the presenter's slide),
/// in order: what the app writes back after its view, language and scenario. The
/// scenario's pairs are written from the scenario, and a pair no reader knows is not
/// written at all. The projects filter's department and list of numbers are written
/// as the table applies them on `data` ([`Filters::from_params`]): "Copy link" passes on what is shown, not
/// a value the link's notice named as refused, as the scenario's pairs are written
/// from the scenario and a key no reader knows is not written at all (audit 19 found
/// `dept=999999` and `ids=abc` copied on), and so are its theme, start and completion,
/// budget bounds and "changed only" (written as given, and not at all when refused:
/// audit 22 found `min=1e308` copied on), and the tables' sorts, the grouping and the
/// presenter's slide (audit 24 found `sort=evil` copied on). Each is written once, where its last pair
/// stood (the one read; the notice names the others as ignored): `dept=` with the
/// department's number, `ids=` with the numbers of the data's projects it selects,
/// and neither when the table does not apply it. The address (`address.rs`) and the
/// navigation's links (`app.rs`) write this.
pub fn screen_params(params: &[(String, String)], data: &Dataset) -> Vec<(String, String)> {
    let applied = Filters::from_params(params, &Offered::of(data), as_typed, as_typed);
    let department =
        applied.department.and_then(|index| data.departments.get(index)).map(|department| department.order.to_string());
    let ids = applied.ids.map(|ids| {
        let projects = blockvote_model::order::set_of(data.projects.iter().map(|project| project.id));
        ids_param(&ids.into_iter().filter(|id| projects.contains(id)).collect::<Vec<u16>>())
    });
    let last = |key: &str| params.iter().rposition(|(k, _)| k == key);
    let (last_department, last_ids) = (last(DEPT_KEY), last(IDS_KEY));
    // The filters written as they were given, when the table applies them (audit 22:
    // `min=1e308` and `start=2099-Q9` were refused by the notice but copied on).
    // The tables' sorts, the grouping and the slide likewise, read from their last
    // pair (audit 24 found `sort=evil`, `group=2` and `slide=-1` copied on).
    let last_taken = |key: &str| {
        last(key).and_then(|at| params.get(at)).is_some_and(|(key, value)| {
            let refused = match key.as_str() {
                GROUP_KEY => parse_group(value).is_err(),
                // A slide beyond the last is shown as the last: it applies.
                SLIDE_KEY => matches!(read_slide(value).1, Some(LinkReason::NotASlide)),
                _ => {
                    PROJECTS_SORT.problem::<SortKey>(key, value).is_some()
                        || DEPARTMENTS_SORT.problem::<DepartmentColumn>(key, value).is_some()
                }
            };
            !refused
        })
    };
    let filters_applied = [
        ("theme", applied.theme.is_some()),
        ("start", applied.start.is_some()),
        ("done", applied.done.is_some()),
        ("min", applied.min.is_some()),
        ("max", applied.max.is_some()),
        ("changed", applied.changed_only),
        (GROUP_KEY, last_taken(GROUP_KEY)),
        (PROJECTS_SORT.column, last_taken(PROJECTS_SORT.column)),
        (PROJECTS_SORT.direction, last_taken(PROJECTS_SORT.direction)),
        (DEPARTMENTS_SORT.column, last_taken(DEPARTMENTS_SORT.column)),
        (DEPARTMENTS_SORT.direction, last_taken(DEPARTMENTS_SORT.direction)),
        (SLIDE_KEY, last_taken(SLIDE_KEY)),
    ];
    // Where each of them is written: its last pair, found once (a link may repeat a key
    // thousands of times, and this runs at every write of the address).
    let kept_at: Vec<usize> =
        filters_applied.iter().filter(|(_, applied)| *applied).filter_map(|(key, _)| last(key)).collect();
    let is_checked_filter = |key: &str| filters_applied.iter().any(|(filter, _)| *filter == key);
    params
        .iter()
        .enumerate()
        .filter(|(_, (key, _))| is_screen_key(key))
        .filter_map(|(at, (key, value))| {
            let rewritten = |written: &Option<String>, last: Option<usize>| {
                written.clone().filter(|_| last == Some(at)).map(|written| (key.clone(), written))
            };
            match key.as_str() {
                DEPT_KEY => rewritten(&department, last_department),
                IDS_KEY => rewritten(&ids, last_ids),
                // The search as it is read and shown, spaces and all (it is written
                // back while the member types).
                SEARCH_KEY => Some((key.clone(), search_shown(value))),
                other if is_checked_filter(other) => kept_at.contains(&at).then(|| (key.clone(), value.clone())),
                _ => Some((key.clone(), value.clone())),
            }
        })
        .collect()
}

/// Every key the app reads from an address: the shell's ([`SHELL_KEYS`]), the
/// scenario's (the model's [`SCENARIO_KEYS`]) and the screens'; each reader's own
/// list, so a key a reader learns is known here at once.
pub fn known_keys() -> impl Iterator<Item = &'static str> {
    SHELL_KEYS.into_iter().chain(SCENARIO_KEYS).chain(screen_keys())
}

/// Whether any reader of the app reads `key` from an address.
pub fn is_known_key(key: &str) -> bool {
    known_keys().any(|known| known == key)
}

/// The pairs of an address whose key no reader of the app reads ([`known_keys`]): the
/// first [`MAX_NAMED_ABSENT`] named, each with a known key it is close to, if one is
/// ([`close_key`]), and the rest counted. A pair with no key (`&=&`, `&=5`) is one no
/// reader reads, so it is named too, quoted as the link wrote it (“=”); an empty piece
/// (`&&`) holds no pair at all.
pub fn unknown_key_problems(params: &[(String, String)]) -> Vec<LinkProblem> {
    let mut problems = Vec::new();
    let mut more = 0usize;
    for (key, value) in params.iter().filter(|(key, _)| !is_known_key(key)) {
        if problems.len() < MAX_NAMED_ABSENT {
            problems.push(LinkProblem::new(key, value, LinkReason::UnknownKey { suggestion: close_key(key) }));
        } else {
            more = more.saturating_add(1);
        }
    }
    if more > 0 {
        problems.push(LinkProblem::new("…", "", LinkReason::MoreUnknownKeys { count: more }));
    }
    problems
}

/// The known key `typed` is most likely a slip for, ignoring case: one of the same
/// length with one letter different (two, for a key of six letters or more, so that
/// at most a third of a key differs), or with two neighbouring letters swapped; the
/// closest, and of those the first known. Half a key different is no slip: `name`
/// was once offered `late`, two letters of four off. Every known key is ASCII, so a
/// key with any other character (`預算`, a full-width `ｃｏｓｔ`) is offered none. A
/// key longer than every known key is not compared, so the work is bounded whatever
/// the link.
pub fn close_key(typed: &str) -> Option<&'static str> {
    const LONGEST: usize = 16;
    if typed.chars().nth(LONGEST).is_some() || !typed.is_ascii() {
        return None;
    }
    let typed: Vec<char> = typed.chars().map(|c| c.to_ascii_lowercase()).collect();
    let distance = |known: &str| -> Option<usize> {
        let known: Vec<char> = known.chars().collect();
        if known.len() != typed.len() {
            return None;
        }
        let differ: Vec<usize> = (0..known.len()).filter(|&i| known.get(i) != typed.get(i)).collect();
        let allowed = match known.len() {
            0 | 1 => 0,
            2..=5 => 1,
            _ => 2,
        };
        let swapped = match differ.as_slice() {
            [a, b] => *b == a + 1 && known.get(*a) == typed.get(*b) && known.get(*b) == typed.get(*a),
            _ => false,
        };
        (differ.len() <= allowed || swapped).then_some(differ.len())
    };
    known_keys().filter_map(|known| distance(known).map(|d| (d, known))).min_by_key(|(d, _)| *d).map(|(_, k)| k)
}

/// The shell's and the screens' keys given more than once with different values, each
/// named with the one its reader reads: the last view and language [`crate::route`]
/// has ([`shell_value_applies`]), and a screen's last value ([`crate::route::param`]).
/// The scenario's are the model's decoder's to name. One problem per key, so a link's
/// length bounds the work by the number of keys known.
pub fn repeated_problems(params: &[(String, String)]) -> Vec<LinkProblem> {
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (key, _) in params {
        let key = key.as_str();
        let shell = SHELL_KEYS.contains(&key);
        if seen.contains(&key) || !(shell || is_screen_key(key)) {
            continue;
        }
        seen.push(key);
        let values: Vec<&str> = params.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect();
        let differ = values.iter().any(|v| v.trim() != values.first().map_or("", |first| first.trim()));
        let used = if shell { values.iter().rev().find(|v| shell_value_applies(key, v)) } else { values.last() };
        if let (true, Some(used), Some(last)) = (differ, used, values.last()) {
            let reason = LinkReason::Repeated { times: values.len(), last: used == last };
            problems.push(LinkProblem::new(key, used, reason));
        }
    }
    problems
}

/// The pairs of an address the screens read and cannot use, each with why, in the
/// address's order: the projects filters (`filters::Offered`, checked against `data`),
/// the projects table's grouping (`table::parse_group`), the projects' and the
/// departments' sorts (`SortKeys::problem`) and the presenter's slide ([`read_slide`]).
/// Each check is the reading its screen uses, so a pair is either applied or named
/// here, never dropped without a word. A department's number is named as the model
/// names one in a link (`read_id`), and a list of numbers that names no project of
/// `data` says the table does not apply it (`list_names_no_project`). At
/// most four problems per pair, so a link's length bounds them.
pub fn screen_problems(params: &[(String, String)], data: &Dataset) -> Vec<LinkProblem> {
    let offered = Offered::of(data);
    let projects = blockvote_model::order::set_of(data.projects.iter().map(|project| project.id));
    params
        .iter()
        .flat_map(|(key, value)| {
            let mut reasons = offered.problems(key, value);
            // A list that names no project of the data says so, alone of the numbers
            // no project has: "no row shows it" beside "every project is shown" read
            // as a contradiction (audit 20).
            if let Some(none) = list_names_no_project(value, &projects).filter(|_| key == IDS_KEY) {
                reasons.retain(|why| !matches!(why, LinkReason::NoSuchProjects { .. }));
                reasons.push(none);
            }
            if key == GROUP_KEY {
                reasons.extend(parse_group(value).err());
            }
            reasons.extend(PROJECTS_SORT.problem::<SortKey>(key, value));
            reasons.extend(DEPARTMENTS_SORT.problem::<DepartmentColumn>(key, value));
            if key == SLIDE_KEY {
                reasons.extend(read_slide(value).1);
            }
            reasons.into_iter().map(|why| LinkProblem::new(key, value, why))
        })
        .collect()
}

/// `ids=value` names no project of the data shown (`projects`), though it names
/// something (a word, a number no project has): the table's filter does not apply it
/// (`Filters::from_params`), and every project is shown. None for a list with a
/// project of the data, and for an empty one, which is no filter.
fn list_names_no_project(value: &str, projects: &SortedSet<u16>) -> Option<LinkReason> {
    let read = parse_ids(value);
    let names_something = read.not_numbers > 0 || !read.ids.is_empty();
    (names_something && !read.ids.iter().any(|id| projects.contains(id))).then_some(LinkReason::ListNamesNoProject)
}

/// The heading of the list of a link's problems.
pub const LINK_PROBLEMS_HEADING: Label = Label::new(
    "連結中有部分內容無法使用，已略過；其餘已套用。",
    "Parts of this link could not be used and were skipped; the rest was applied.",
);

/// The problems of a link as the notice lists them, each in words ([`problem_text`]),
/// a line said more than once said once, where it first came, with how many times:
/// 400 pairs `g=all:d1` made 100 lines alike, and the problems of other pairs lay
/// behind them, out of sight (audit 14).
pub fn problem_lines(problems: &[LinkProblem]) -> Vec<Bilingual> {
    let mut lines: Vec<(Bilingual, usize)> = Vec::new();
    let mut seen: blockvote_model::order::SortedMap<String, usize> = blockvote_model::order::SortedMap::new();
    for problem in problems {
        let text = problem_text(problem);
        match seen.get(&text.en).and_then(|at| lines.get_mut(*at)) {
            Some((_, times)) => *times = times.saturating_add(1),
            None => {
                seen.insert(text.en.clone(), lines.len());
                lines.push((text, 1));
            }
        }
    }
    lines
        .into_iter()
        .map(|(text, times)| match times {
            1 => text,
            // The count goes before the line's full stop.
            _ => {
                let (zh, en) = (text.zh.trim_end_matches('。'), text.en.trim_end_matches('.'));
                Bilingual::new(format!("{zh}（共 {} 次）。", count(times)), format!("{en} ({} times).", count(times)))
            }
        })
        .collect()
}

/// One problem of a link, in words: the pair as the link wrote it (`cap=` with its
/// `=`, `cap` without), then why it was skipped.
pub fn problem_text(problem: &LinkProblem) -> Bilingual {
    let pair = if problem.key_only { problem.key.clone() } else { format!("{}={}", problem.key, problem.value) };
    // What the data shown does not have is said of the data the member sees: the
    // paper's, or the file they imported.
    let ignored = |zh: &str, en: &str, (what_zh, what_en): (String, String)| {
        (
            format!("所指的{what_zh} 不在現時顯示的資料中，{zh}"),
            format!("names {what_en}, which the data shown does not have; {en}"),
        )
    };
    let (zh, en) = match &problem.reason {
        LinkReason::MoreNotInData { count: more } => {
            let more = count(*more);
            return Bilingual::new(
                format!("另有 {more} 項修改所指的項目、部門或類別不在現時顯示的資料中，已略過。"),
                format!("{more} more edits name projects, departments or categories the data shown does not have; they were ignored."),
            );
        }
        LinkReason::UnknownKey { suggestion } => {
            let (zh, en) = if problem.key.is_empty() {
                ("沒有參數名稱".to_string(), "gives no key".to_string())
            } else {
                let key = &problem.key;
                (format!("{key} 不是 blockvote 認識的參數"), format!("{key} is not a key blockvote knows"))
            };
            let (zh_hint, en_hint) = suggestion
                .map(|known| (format!("是否想輸入 {known}？"), format!(" Did you mean {known}?")))
                .unwrap_or_default();
            return Bilingual::new(
                format!("「{pair}」：{zh}，已略過。{zh_hint}"),
                format!("“{pair}”: {en}; it was ignored.{en_hint}"),
            );
        }
        LinkReason::MoreUnread { count: more } => {
            let (more, limit) = (count(*more), count(MAX_FRAGMENT_CHARS));
            return Bilingual::new(
                format!("另有 {more} 項位於連結首 {limit} 個字元之後，未有讀取（連結可能被截短或過長）。"),
                format!("{more} more pairs come after the first {limit} characters of the link and were not read (the link is too long, or was cut)."),
            );
        }
        LinkReason::MoreUnknownKeys { count: more } => {
            let more = count(*more);
            return Bilingual::new(
                format!("另有 {more} 個 blockvote 不認識的參數，已略過。"),
                format!("{more} more keys blockvote does not know were ignored."),
            );
        }
        LinkReason::Repeated { times, last } => {
            let key = &problem.key;
            let times = count(*times);
            return if *last {
                Bilingual::new(
                    format!("「{key}」出現了 {times} 次，只讀取了最後一個（{pair}），其餘已略過。"),
                    format!("“{key}” is given {times} times; only the last, {pair}, was read, and the others were ignored."),
                )
            } else {
                Bilingual::new(
                    format!("「{key}」出現了 {times} 次，只採用了最後一個可用的（{pair}），其餘已略過。"),
                    format!("“{key}” is given {times} times; only {pair}, the last that could be used, was used, and the others were ignored."),
                )
            };
        }
        LinkReason::NoSuchProjects { ids, more } => {
            let total = count(ids.len().saturating_add(*more));
            let list = |separator: &str| ids.iter().map(u16::to_string).collect::<Vec<_>>().join(separator);
            match (ids.as_slice(), more) {
                ([id], 0) => (
                    format!("所指的{} {id} 不在現時顯示的資料中，表格沒有顯示", PROJECT_NUMBER.zh),
                    format!("names {} {id}, which the data shown does not have; no row shows it", PROJECT_NUMBER.en),
                ),
                (_, 0) => (
                    format!("所指的 {total} 個項目編號（{}）不在現時顯示的資料中，表格沒有顯示", list("、")),
                    format!("names {total} project numbers the data shown does not have ({}); no row shows them", list(", ")),
                ),
                (_, more) => (
                    format!("所指的 {total} 個項目編號（{} 及另外 {} 個）不在現時顯示的資料中，表格沒有顯示", list("、"), count(*more)),
                    format!(
                        "names {total} project numbers the data shown does not have ({} and {} more); no row shows them",
                        list(", "),
                        count(*more)
                    ),
                ),
            }
        }
        LinkReason::NoSuchProject { number } => {
            ignored("該修改已略過", "its edit was ignored", PROJECT_NUMBER.numbered(number))
        }
        LinkReason::NoSuchDepartment { number } => {
            ignored("已略過", "it was ignored", (format!("部門 {number}"), format!("department {number}")))
        }
        LinkReason::NoSuchCategory { number } => ignored("該修改已略過", "its edit was ignored", CATEGORY.numbered(number)),
        LinkReason::MatchesNoProject => (
            "與現時顯示的資料中任何項目都不相符，因此沒有改變任何數字".to_string(),
            "matches no project in the data shown, so it changes nothing".to_string(),
        ),
        LinkReason::ThresholdsCross { floor, ceiling, both_given } => {
            let [floor, ceiling] = [floor, ceiling].map(|amount| [Lang::Zh, Lang::En].map(|lang| threshold_text(*amount, lang)));
            // Both thresholds given: one sentence names the two (“ceiling=0” and the
            // link's floor would …), the figures of both being in it.
            let (with_zh, with_en) = match (*both_given, problem.key == "ceiling") {
                (false, _) => ("", ""),
                (true, true) => ("及連結的下限", "and the link's floor "),
                (true, false) => ("及連結的上限", "and the link's ceiling "),
            };
            (
                format!("{with_zh}會令下限（{}）高於上限（{}），無法計算；連結的審批門檻已略過，現用文件的門檻", floor[0], ceiling[0]),
                format!("{with_en}would put the floor ({}) above the ceiling ({}), which cannot be worked out; the link's thresholds were ignored, and the paper's apply", floor[1], ceiling[1]),
            )
        }
        LinkReason::ScalingRefused { refusal } => target_out_of_reach(refusal),
        LinkReason::NoSuchScreen => ("不是 blockvote 的畫面，現顯示概覽".to_string(), "is not a screen of blockvote; the overview is shown".to_string()),
        LinkReason::NoSuchLanguage => (
            "不是 blockvote 的語言（zh 或 en），語言維持不變".to_string(),
            "is not a language of blockvote (zh or en); the language was not changed".to_string(),
        ),
        LinkReason::NotAQuarter => (
            "不是季度（例如 2018-19 Q2），篩選未有套用".to_string(),
            "is not a quarter such as 2018-19 Q2; the filter was not applied".to_string(),
        ),
        LinkReason::NotAYear => (
            "不是財政年度（例如 2019-20），篩選未有套用".to_string(),
            "is not a financial year such as 2019-20; the filter was not applied".to_string(),
        ),
        LinkReason::NoProjectStarts => (
            "：現時顯示的資料中沒有項目在該季度開展，篩選未有套用".to_string(),
            "is a quarter no project in the data shown starts in; the filter was not applied".to_string(),
        ),
        LinkReason::NoProjectCompletes => (
            "：現時顯示的資料中沒有項目在該年度完成，篩選未有套用".to_string(),
            "is a year no project in the data shown completes in; the filter was not applied".to_string(),
        ),
        LinkReason::NotProjectNumbers { count: 1 } => (
            "有 1 項不是項目編號，已略過".to_string(),
            "holds 1 item that is not a project number; it was ignored".to_string(),
        ),
        LinkReason::NotProjectNumbers { count: items } => {
            let items = count(*items);
            (
                format!("有 {items} 項不是項目編號，已略過"),
                format!("holds {items} items that are not project numbers; they were ignored"),
            )
        }
        LinkReason::NumbersBeyond { max, count: 1 } => {
            let max = count(*max);
            (format!("比可讀取的 {max} 個編號多出 1 個，多出的已略過"), format!("holds 1 more number than the {max} that are read; it was ignored"))
        }
        LinkReason::NumbersBeyond { max, count: beyond } => {
            let (max, beyond) = (count(*max), count(*beyond));
            (
                format!("比可讀取的 {max} 個編號多出 {beyond} 個，多出的已略過"),
                format!("holds {beyond} more numbers than the {max} that are read; they were ignored"),
            )
        }
        LinkReason::ListNamesNoProject => (
            "沒有指明現時顯示的資料中任何項目，篩選未有套用，現顯示所有項目".to_string(),
            "names no project of the data shown; the filter was not applied, and every project is shown".to_string(),
        ),
        LinkReason::NotOneOf { accepted } => match accepted.as_slice() {
            [only] => (format!("不是可用的值（只可以是 {only}），已略過"), format!("is not {only}, the one value it takes; it was ignored")),
            _ => (
                format!("不是可用的值（只可以是 {}），已略過", accepted.join("、")),
                format!("is not one of the values it takes ({}); it was ignored", accepted.join(", ")),
            ),
        },
        LinkReason::NotASlide => (
            "不是簡報中情景的編號（由 1 起的整數），已略過；簡報模式顯示第一個情景".to_string(),
            "is not a slide number (a whole number from 1); it was ignored, and the presenter view shows the first slide".to_string(),
        ),
        LinkReason::BeyondLastSlide { max } => (
            format!("超過簡報最多可有的 {} 個情景，簡報模式顯示最後一個情景", count(*max)),
            format!("is beyond {}, the most slides there can be; the presenter view shows the last slide", count(*max)),
        ),
        LinkReason::NotText => (
            "含有不是有效文字（UTF-8）的位元組，按連結原文顯示".to_string(),
            "holds bytes that are not valid text (UTF-8), shown as the link wrote them".to_string(),
        ),
        LinkReason::NoCashCap => (
            "未有套用：延後次序只適用於現金上限，而連結沒有設定現金上限（cap=）".to_string(),
            "was not applied: a deferral rule orders what a cash cap defers, and the link sets no cash cap (cap=)".to_string(),
        ),
        LinkReason::NotANumber => ("不是數字".to_string(), "is not a number".to_string()),
        // As a field says it (`entry`'s words for the same refusal).
        LinkReason::Exponent => (
            "用了科學記數法，請寫出完整數字（例如 1000，而非 1e3）".to_string(),
            "is written in scientific notation; write the number out in full (1000, not 1e3)".to_string(),
        ),
        LinkReason::NotWhole => ("不是整數".to_string(), "is not a whole number".to_string()),
        // As the share field says them (`fields::share_in`).
        LinkReason::NotAFraction => {
            let max = count(blockvote_model::entry::MAX_FRACTION_PART);
            (
                format!("不是分數：分數須為兩個 0 至 {max} 的整數，例如 69/210"),
                format!("is not a fraction: a fraction needs two whole numbers from 0 to {max}, e.g. 69/210"),
            )
        }
        LinkReason::ZeroDenominator => ("的分母為 0".to_string(), "is a fraction whose denominator is 0".to_string()),
        LinkReason::Comma => (
            "有一個不是分隔千位的逗號；小數請用小數點（例如 12.5）".to_string(),
            "has a comma that does not separate thousands; write decimals with a point (as in 12.5)".to_string(),
        ),
        LinkReason::TooLongForANumber => {
            let most = blockvote_model::entry::MAX_ENTRY_CHARS;
            (format!("太長，不是數字（超過 {most} 個字元）"), format!("is too long for a number (over {most} characters)"))
        }
        LinkReason::TooManyDigits => (
            "位數太多，無法準確計算".to_string(),
            "has more digits than blockvote can keep exactly".to_string(),
        ),
        LinkReason::OutOfRange { min, max } => {
            let (min, max) = (grouped(min), grouped(max));
            (format!("須介乎 {min} 至 {max}"), format!("must be between {min} and {max}"))
        }
        LinkReason::UnknownName => ("不是可用的名稱".to_string(), "is not a name blockvote knows".to_string()),
        LinkReason::Malformed => ("格式不符".to_string(), "is not in the expected form".to_string()),
        LinkReason::Simulation(SimulationFault::Overrun) => (
            "的最少超支大於最多超支，未有套用".to_string(),
            "puts the smallest overrun above the largest, so it was not applied".to_string(),
        ),
        LinkReason::Simulation(_) => (
            "沒有一個延誤季數的權重大於 0，未有套用".to_string(),
            "gives no delay a weight above 0, so it was not applied".to_string(),
        ),
        LinkReason::TooMany => {
            (format!("超過 {MAX_ITEMS} 項，整項未有讀取"), format!("has more than {MAX_ITEMS} items, so none was read"))
        }
        LinkReason::TooManyInAll => (
            format!("連同之前同一參數的各項，調整會超過 {MAX_ITEMS} 項，整項未有讀取"),
            format!("would make more than {MAX_ITEMS} edits with the same key's pairs before it, so none of it was read"),
        ),
        LinkReason::TooManyDecimals => {
            let most = blockvote_model::entry::AMOUNT_DECIMALS;
            (format!("超過 {most} 位小數：金額以元為單位"), format!("has more than {most} decimals: amounts are in whole dollars"))
        }
        LinkReason::TooLong => (
            format!("長於 {} 個字元，整項未有讀取", count(MAX_VALUE_CHARS)),
            format!("is longer than {} characters, so none of it was read", count(MAX_VALUE_CHARS)),
        ),
        LinkReason::LongerThanRead { max } => (
            format!("長於 {} 個字元，只讀取了首 {} 個", count(*max), count(*max)),
            format!("is longer than {} characters; only the first {} were read", count(*max), count(*max)),
        ),
        LinkReason::Unread => (
            format!("位於連結首 {} 個字元之後，未有讀取（連結可能被截短或過長）", count(MAX_FRAGMENT_CHARS)),
            format!(
                "comes after the first {} characters of the link and was not read (the link is too long, or was cut)",
                count(MAX_FRAGMENT_CHARS)
            ),
        ),
        LinkReason::NotCarried { why, others_applied } => {
            let (means_zh, means_en) = match why {
                Marker::TooLarge => (
                    "表示複製連結時的情景太大",
                    "means the scenario was too large for a link when it was copied",
                ),
                Marker::NotExpressible => (
                    "表示複製連結時的情景含有連結無法表達的設定（例如由檔案匯入的數值）",
                    "marks a scenario holding a value a link cannot carry (one read from a file)",
                ),
            };
            // A link edited by hand may hold other scenario pairs beside the marker,
            // which the decoder applies: the words say what is shown, never "the
            // paper" when other settings changed it.
            let (shown_zh, shown_en) = if *others_applied {
                (
                    "連結沒有包含完整的情景：現只在文件的數字上套用了連結中的其他設定，情景的其餘部分並不在連結中",
                    "so the link does not carry it whole: only the link's other settings are applied, on the paper's figures, and the rest of the scenario is missing",
                )
            } else {
                ("連結沒有包含該情景；現顯示文件的數字", "so the link does not carry it and the paper is shown")
            };
            (
                format!("{means_zh}，{shown_zh}。請向寄件人索取情景檔案（JSON）"),
                format!("{means_en}, {shown_en}; ask the sender for the scenario as a file (JSON)"),
            )
        }
    };
    // A problem in a piece of the pair (an item of a list, a number in an edit) names
    // the piece inside the pair quoted whole, as the link gave it. A piece the reader
    // could not read drops the whole pair (a pair is used whole or not at all), and the
    // words say so; an edit of something the data does not have drops that edit alone,
    // as its own words say.
    let whole_pair_dropped = matches!(
        problem.reason,
        LinkReason::NotANumber
            | LinkReason::Exponent
            | LinkReason::NotWhole
            | LinkReason::TooLongForANumber
            | LinkReason::TooManyDigits
            | LinkReason::OutOfRange { .. }
            | LinkReason::UnknownName
            | LinkReason::Malformed
            | LinkReason::TooManyDecimals
    );
    let key = &problem.key;
    match &problem.part {
        Some(part) if whole_pair_dropped => Bilingual::new(
            format!("「{pair}」中的「{part}」{zh}，整項「{key}=」未有套用。"),
            format!("“{part}” in “{pair}” {en}, so none of “{key}=” was applied."),
        ),
        Some(part) => Bilingual::new(format!("「{pair}」中的「{part}」{zh}。"), format!("“{part}” in “{pair}” {en}.")),
        None => Bilingual::new(format!("「{pair}」{zh}。"), format!("“{pair}” {en}.")),
    }
}

/// A whole number of a range, its thousands grouped as every figure is
/// (`1,000,000,000`); anything else (a decimal bound) as given.
fn grouped(number: &str) -> String {
    let (sign, digits) = number.strip_prefix('-').map_or(("", number), |digits| ("-", digits));
    digits.parse::<u64>().map_or_else(|_| number.to_string(), |whole| format!("{sign}{}", count(whole)))
}

/// Why the scenario on screen is not in the address, or `None` when it is. Shown next
/// to "Copy link" and wherever the address is offered as the scenario's link.
pub fn fit_text(fit: &Fit) -> Option<Bilingual> {
    match fit {
        Fit::Exact => None,
        Fit::TooLarge { chars, items } => Some(Bilingual::new(
            format!(
                "此情景太大，無法放入連結：共 {} 個字元、同類修改最多 {} 項，而連結最多只能載 {} 個字元及每類 {MAX_ITEMS} 項修改。網址列沒有包含它；請改用情景檔案（JSON）分享。",
                count(*chars),
                count(*items),
                count(MAX_SCENARIO_CHARS)
            ),
            format!(
                "This scenario is too large for a link: {} characters and up to {} edits of one kind, where a link holds at most {} characters and {MAX_ITEMS} edits of each kind. The address bar does not hold it; share it as a scenario file (JSON) instead.",
                count(*chars),
                count(*items),
                count(MAX_SCENARIO_CHARS)
            ),
        )),
        Fit::NotExpressible => Some(Bilingual::new(
            "此情景含有連結無法表達的設定（例如由檔案匯入、以名稱指明的部門）。網址列沒有包含它；請改用情景檔案（JSON）分享。",
            "This scenario holds a setting a link cannot express (from an imported file, such as a department given by name). The address bar does not hold it; share it as a scenario file (JSON) instead.",
        )),
    }
}

/// The badge next to "Copy link" while the address does not hold the scenario, or
/// `None` when it does: each reason in its own words, so a scenario read from a file
/// is never said to be too large.
pub fn fit_badge(fit: &Fit) -> Option<Label> {
    fit.marker().map(|marker| match marker {
        Marker::TooLarge => words::TOO_LARGE_BADGE,
        Marker::NotExpressible => words::NOT_EXPRESSIBLE_BADGE,
    })
}

/// What "Copy link" copies, given the page's address and the fragment that carries
/// the scenario. Over http(s) the whole address works on any machine that can reach
/// the server. From `file://` the path is the sender's own folder, which means
/// nothing elsewhere, so only the `#…` part is copied: a colleague adds it to their
/// own copy's address or pastes it into "Open a link".
pub fn link_to_copy(page_address: &str, fragment: &str) -> String {
    let fragment =
        if fragment.is_empty() || fragment.starts_with('#') { fragment.to_string() } else { format!("#{fragment}") };
    let without_fragment = page_address.split('#').next().unwrap_or_default();
    let scheme = without_fragment.split(':').next().unwrap_or_default().to_ascii_lowercase();
    if scheme == "http" || scheme == "https" {
        format!("{without_fragment}{fragment}")
    } else {
        fragment
    }
}

/// True if "Copy link" copies the whole address (served over http or https), false if
/// it copies only the `#…` part (from `file://`).
pub fn copies_whole_address(page_address: &str) -> bool {
    link_to_copy(page_address, "#x") != "#x"
}

/// What the explanation after a copy says: how a colleague opens the link.
pub fn copied_text(whole_address: bool) -> Label {
    if whole_address {
        Label::new(
            "已複製連結。同事打開連結即可看到這個情景；亦可把連結貼到 blockvote 的「開啟連結」。",
            "Link copied. A colleague who opens it sees this scenario; it can also be pasted into “Open a link” in any copy of blockvote.",
        )
    } else {
        Label::new(
            "已複製連結（# 之後的部分：檔案位置只適用於你的電腦）。同事可在自己的 blockvote 檔案按「開啟連結」貼上，或把它加在自己檔案網址的末端。",
            "Link copied (the part from #: the file's location is yours alone). A colleague opens it in their own copy of the blockvote file: paste it into “Open a link”, or add it to the end of their copy's address.",
        )
    }
}

/// Why a pasted text cannot be opened as a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasteError {
    Empty,
    /// No `view`, `lang` or scenario key: not a blockvote link.
    NotALink,
}

/// The longest text "Open a link" takes: a link the app writes is at most
/// [`MAX_FRAGMENT_CHARS`] characters after its `#`, and its address before that is
/// short; anything longer is cut by the field, and what lies beyond the fragment's
/// limit is reported as unread.
pub const MAX_PASTED_CHARS: usize = MAX_FRAGMENT_CHARS + 4096;

/// The fragment of a pasted blockvote link, whatever its host or path: everything
/// after the first `#`, or the whole text if it has no `#` (a fragment pasted without
/// it). It must name a view, a language or a scenario lever to count as a link.
pub fn pasted_fragment(text: &str) -> Result<String, PasteError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(PasteError::Empty);
    }
    let fragment = text.split_once('#').map_or(text, |(_, after)| after);
    let mut fragment: String = fragment.chars().take(MAX_PASTED_CHARS).collect();
    // A text as long as the field takes was likely cut there (by the field, or here):
    // its last pair goes when it lies past what the link's reader reads, so the notice
    // never names the stub of a cut key (“c” of `cost=1`, audit 24) as a key of the
    // link. A pair that starts within the read part stays, to be named as too long.
    if text.chars().nth(MAX_PASTED_CHARS.saturating_sub(1)).is_some() {
        // A fragment within the read part has nothing unread: no pair goes.
        let unread_from = fragment.char_indices().nth(MAX_FRAGMENT_CHARS).map_or(fragment.len(), |(at, _)| at);
        if let Some(at) = fragment.rfind('&').filter(|at| *at >= unread_from) {
            fragment.truncate(at);
        }
    }
    let read = read_fragment(&fragment);
    let known = |key: &str| SHELL_KEYS.contains(&key) || SCENARIO_KEYS.contains(&key);
    let any_known = read.pairs.iter().any(|(key, _)| known(key)) || read.unread.iter().any(|unread| known(&unread.key));
    if any_known {
        Ok(format!("#{fragment}"))
    } else {
        Err(PasteError::NotALink)
    }
}

/// A pasted text's problem, in words.
pub fn paste_error_text(error: PasteError) -> Label {
    match error {
        PasteError::Empty => Label::new("請先貼上連結。", "Paste a link first."),
        PasteError::NotALink => Label::new(
            "這不是 blockvote 的連結：當中沒有 view=、lang= 或情景設定（例如 cost=10）。",
            "This is not a blockvote link: it names no view=, lang= or scenario lever (such as cost=10).",
        ),
    }
}

/// The result of opening a pasted link, said next to the field.
pub fn opened_text(problems: usize) -> Bilingual {
    match problems {
        0 => Bilingual::new("已開啟連結的情景。按「復原」可返回之前的情景。", "The link's scenario is open. Undo goes back to the one before."),
        1 => Bilingual::new(
            "已開啟連結的情景，但有 1 處無法使用（見上方的訊息）。按「復原」可返回之前的情景。",
            "The link's scenario is open, but one part of it could not be used (see the message above). Undo goes back to the one before.",
        ),
        n => Bilingual::new(
            format!("已開啟連結的情景，但有 {n} 處無法使用（見上方的訊息）。按「復原」可返回之前的情景。"),
            format!("The link's scenario is open, but {n} parts of it could not be used (see the message above). Undo goes back to the one before."),
        ),
    }
}

/// The name the scenario carries in the file offered instead of a link.
pub const SHARED_SCENARIO_NAME: &str = "分享的情景 / Shared scenario";
/// That file's name.
pub const SHARED_SCENARIO_FILE: &str = "blockvote-shared-scenario.json";

/// The file offered instead of a link: the scenario (and its simulation) in the
/// scenarios format, which "Import scenarios (JSON)" on the Scenarios screen reads.
pub fn scenario_file(scenario: &Scenario, simulation: Option<&SimulationChoices>) -> String {
    let shared = SavedScenario::new("s1", SHARED_SCENARIO_NAME, scenario.clone(), simulation.cloned());
    encode(&Store::of(vec![shared]))
}

/// The words of the share controls.
pub mod words {
    use crate::lang::Label;

    pub const COPY_LINK: Label = Label::new("複製連結", "Copy link");
    /// The keyboard shortcut, as `KeyboardEvent.code` with Alt and Shift held. Not
    /// Ctrl/⌘+Shift+L: Safari shows its sidebar on ⇧⌘L and ChromeOS took Ctrl+Shift+L
    /// for locking the screen; Alt+Shift+C is taken by neither, nor by Chromium.
    pub const SHORTCUT_CODE: &str = "KeyC";
    pub const SHORTCUT_HINT: Label = Label::new("快捷鍵：Alt+Shift+C（Mac：⌥⇧C）", "Shortcut: Alt+Shift+C (Mac: ⌥⇧C)");
    pub const COPY_REFUSED: Label = Label::new(
        "瀏覽器不允許直接複製。連結已在下面選取，請按 Ctrl+C（Mac：⌘C）複製。",
        "The browser did not allow copying. The link is selected below: press Ctrl+C (Mac: ⌘C) to copy it.",
    );
    pub const LINK_FIELD: Label = Label::new("這個情景的連結", "This scenario's link");
    pub const DOWNLOAD_FILE: Label = Label::new("下載這個情景（JSON）", "Download this scenario (JSON)");
    pub const DOWNLOAD_REFUSED: Label = Label::new("瀏覽器拒絕了下載。", "The browser refused the download.");
    pub const FILE_HOW_TO_OPEN: Label = Label::new(
        "同事可在 blockvote 的「情景」畫面按「匯入情景（JSON）」開啟這個檔案。",
        "A colleague opens the file on blockvote's Scenarios screen, with “Import scenarios (JSON)”.",
    );
    pub const OPEN_LINK: Label = Label::new("開啟連結", "Open a link");
    pub const OPEN_FIELD: Label =
        Label::new("貼上 blockvote 的連結（或 # 之後的部分）", "Paste a blockvote link (or its part from #)");
    pub const OPEN_BUTTON: Label = Label::new("開啟", "Open");
    pub const CLOSE: Label = Label::new("關閉", "Close");
    pub const SHARE_GROUP: Label = Label::new("分享情景", "Share the scenario");
    /// The one button that stands for both actions on a narrow screen.
    pub const SHARE: Label = Label::new("分享", "Share");
    /// Shown next to the buttons while the address bar does not hold the scenario
    /// because it is too large (see [`super::fit_badge`]).
    pub const TOO_LARGE_BADGE: Label = Label::new("此情景太大，無法放入連結", "Too large for a link");
    /// Shown next to the buttons while the address bar does not hold the scenario
    /// because it holds a value a link cannot say (see [`super::fit_badge`]).
    pub const NOT_EXPRESSIBLE_BADGE: Label = Label::new("此情景無法放入連結", "Cannot go in a link");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use blockvote_model::link::{decode, decode_link, fragment_text, write};

    #[track_caller]
    fn check_copy(address: &str, fragment: &str, expected: &str) {
        assert_eq!(link_to_copy(address, fragment), expected, "{address} + {fragment}");
    }

    #[test]
    fn copy_link_copies_what_works_on_another_machine() {
        check_copy(
            "https://example.org/bv/index.html#view=risk",
            "#view=risk&cost=10",
            "https://example.org/bv/index.html#view=risk&cost=10",
        );
        check_copy("http://127.0.0.1:8080/", "#view=risk", "http://127.0.0.1:8080/#view=risk");
        check_copy("HTTPS://example.org/", "view=risk", "HTTPS://example.org/#view=risk");
        check_copy(
            "file:///C:/Users/me/Downloads/blockvote.html#view=risk",
            "#view=risk&cost=10",
            "#view=risk&cost=10",
        );
        check_copy("file:///home/me/blockvote.html", "#view=overview&lang=en", "#view=overview&lang=en");
        check_copy("about:blank", "#x", "#x");
        assert!(copies_whole_address("https://a.b/"));
        assert!(!copies_whole_address("file:///x.html"));
        assert!(copied_text(false).en.contains("Open a link"));
        assert!(copied_text(true).zh.contains("開啟連結"));
    }

    #[track_caller]
    fn check_paste(text: &str, expected: Result<&str, PasteError>) {
        assert_eq!(pasted_fragment(text), expected.map(str::to_string), "{text:?}");
    }

    #[test]
    fn any_blockvote_link_opens_whatever_its_host_or_path() {
        check_paste("file:///D:/blockvote.html#view=risk&lang=en&cost=10", Ok("#view=risk&lang=en&cost=10"));
        check_paste("  https://legco.example/tools/bv.html#view=overview&lang=zh \n", Ok("#view=overview&lang=zh"));
        check_paste("#p=17:d2", Ok("#p=17:d2"));
        check_paste("view=cashflow&profile=even", Ok("#view=cashflow&profile=even"));
        check_paste("#scenario=too-large", Ok("#scenario=too-large"));
        check_paste("", Err(PasteError::Empty));
        check_paste("   ", Err(PasteError::Empty));
        check_paste("https://www.legco.gov.hk/", Err(PasteError::NotALink));
        check_paste("https://example.org/#section-2", Err(PasteError::NotALink));
        check_paste("hello world", Err(PasteError::NotALink));
        // A pasted megabyte is cut to what the field takes; the link's own reader
        // then reports what lies beyond its limit.
        let long = format!("#view=risk&p={}", "1:d1;".repeat(200_000));
        let pasted = pasted_fragment(&long).unwrap_or_default();
        assert_eq!(pasted.chars().count(), MAX_PASTED_CHARS + 1);
        let (_, problems) = decode_link(&pasted);
        assert_eq!(problems.len(), 1);
        // Cut by the field where a pair was cut, the link names no stub of a key.
        let cut: String = format!("#{}", "cost=1&".repeat(20_000)).chars().take(MAX_PASTED_CHARS).collect();
        let pasted = pasted_fragment(&cut).unwrap_or_default();
        assert!(pasted.ends_with("cost=1"), "{}", &pasted[pasted.len() - 10..]);
        let (_, problems) = open_link(&pasted, &Dataset::paper().unwrap_or_else(|_| Dataset::empty()));
        assert!(problems.iter().all(|problem| problem.key == "cost" || problem.key == "…"), "{problems:?}");
        assert_eq!(
            paste_error_text(PasteError::NotALink).get(Lang::En),
            "This is not a blockvote link: it names no view=, lang= or scenario lever (such as cost=10)."
        );
    }

    #[track_caller]
    fn check_problem(link: &str, en: &str, zh: &str) {
        let (_, problems) = decode_link(link);
        let words: Vec<Bilingual> = problems.iter().map(problem_text).collect();
        assert_eq!(words, vec![Bilingual::new(zh, en)], "a link of {} characters", link.len());
    }

    #[test]
    fn a_links_problems_in_both_languages() {
        check_problem("#slip=2", "“slip=2” must be between 0 and 1.", "「slip=2」須介乎 0 至 1。");
        check_problem(
            "#profile=sideways",
            "“profile=sideways” is not a name blockvote knows.",
            "「profile=sideways」不是可用的名稱。",
        );
        check_problem(
            "#scenario=too-large",
            "“scenario=too-large” means the scenario was too large for a link when it was copied, so the link does not carry it and the paper is shown; ask the sender for the scenario as a file (JSON).",
            "「scenario=too-large」表示複製連結時的情景太大，連結沒有包含該情景；現顯示文件的數字。請向寄件人索取情景檔案（JSON）。",
        );
        check_problem(
            "#scenario=not-expressible",
            "“scenario=not-expressible” marks a scenario holding a value a link cannot carry (one read from a file), so the link does not carry it and the paper is shown; ask the sender for the scenario as a file (JSON).",
            "「scenario=not-expressible」表示複製連結時的情景含有連結無法表達的設定（例如由檔案匯入的數值），連結沒有包含該情景；現顯示文件的數字。請向寄件人索取情景檔案（JSON）。",
        );
        check_problem(
            &format!("#x={}&p=1:x", "y".repeat(MAX_FRAGMENT_CHARS - 4)),
            "“p” comes after the first 32,768 characters of the link and was not read (the link is too long, or was cut).",
            "「p」位於連結首 32,768 個字元之後，未有讀取（連結可能被截短或過長）。",
        );
        check_problem(
            &format!("#p={}", "1:x;".repeat(MAX_ITEMS + 1)),
            "“p=1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;…” has more than 300 items, so none was read.",
            "「p=1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;1:x;…」超過 300 項，整項未有讀取。",
        );
    }

    /// Bytes that are not UTF-8 are quoted as the link wrote them (`%C3`), where they
    /// were once shown as "�"; a pair the app reads with them and names for nothing
    /// else (the search, `q=`) is said not to be valid text.
    #[test]
    fn bytes_that_are_not_text_are_shown_as_the_link_wrote_them() {
        check_opened(
            "#view=%C3&lang=en",
            &[(
                "“view=%C3” is not a screen of blockvote; the overview is shown.",
                "「view=%C3」不是 blockvote 的畫面，現顯示概覽。",
            )],
        );
        check_opened(
            "#view=projects&lang=en&q=%FF%FE",
            &[(
                "“q=%FF%FE” holds bytes that are not valid text (UTF-8), shown as the link wrote them.",
                "「q=%FF%FE」含有不是有效文字（UTF-8）的位元組，按連結原文顯示。",
            )],
        );
        check_opened(
            "#view=risk&lang=en&cost=%E4%BF&%FF=1",
            &[
                ("“cost=%E4%BF” is not a number.", "「cost=%E4%BF」不是數字。"),
                (
                    "“%FF=1”: %FF is not a key blockvote knows; it was ignored.",
                    "「%FF=1」：%FF 不是 blockvote 認識的參數，已略過。",
                ),
            ],
        );
        // Text, escaped or typed as `%FF` (`%25FF`), is nothing to say.
        check_opened(
            "#view=projects&lang=en&q=%E4%BF%9D&q=%25FF",
            &[(
                "“q” is given 2 times; only the last, q=%FF, was read, and the others were ignored.",
                "「q」出現了 2 次，只讀取了最後一個（q=%FF），其餘已略過。",
            )],
        );
        check_opened("#view=projects&lang=en&q=%25FF", &[]);
    }

    /// A pair longer than a link can be read is said to be too long to read, with the
    /// limit; it was once said to come after the limit, as the pairs after it do.
    #[test]
    fn a_pair_too_long_to_read_says_so() {
        let shown = "9".repeat(40);
        check_opened(
            &format!("#view=cashflow&lang=en&p={}&cost=5", "9".repeat(40_000)),
            &[
                (
                    &format!("“p={shown}…” is longer than 32,768 characters, so none of it was read."),
                    &format!("「p={shown}…」長於 32,768 個字元，整項未有讀取。"),
                ),
                (
                    "“cost” comes after the first 32,768 characters of the link and was not read (the link is too long, or was cut).",
                    "「cost」位於連結首 32,768 個字元之後，未有讀取（連結可能被截短或過長）。",
                ),
            ],
        );
    }

    /// The words (English, then Chinese) of what the app says when `link` is opened on
    /// the paper's data.
    #[track_caller]
    fn check_opened(link: &str, expected: &[(&str, &str)]) {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let (_, problems) = open_link(link, &data);
        let words: Vec<(String, String)> = problem_lines(&problems).into_iter().map(|w| (w.en, w.zh)).collect();
        let expected: Vec<(String, String)> =
            expected.iter().map(|(en, zh)| (en.to_string(), zh.to_string())).collect();
        assert_eq!(words, expected, "{link}");
    }

    /// A search longer than the search field takes is read as far as the field would
    /// keep it, and the notice says so (audit 22).
    #[test]
    fn a_search_longer_than_the_field_takes_is_read_in_part_and_said_so() {
        let long = "a".repeat(250);
        check_opened(
            &format!("#view=projects&lang=en&q={long}"),
            &[(
                &format!("“q={}…” is longer than 200 characters; only the first 200 were read.", "a".repeat(40)),
                &format!("「q={}…」長於 200 個字元，只讀取了首 200 個。", "a".repeat(40)),
            )],
        );
        check_opened(&format!("#view=projects&lang=en&q={}", "a".repeat(200)), &[]);
    }

    /// A piece of a list pair refused as a number in scientific notation, or as a
    /// fraction where a whole number is read, drops the whole pair, and says so.
    #[test]
    fn a_refused_piece_of_a_list_says_the_pair_was_not_applied() {
        check_opened(
            "#view=cashflow&lang=en&p=1:b1e3&g=all:d1.5",
            &[
                (
                    "“1e3” in “p=1:b1e3” is written in scientific notation; write the number out in full (1000, not 1e3), so none of “p=” was applied.",
                    "「p=1:b1e3」中的「1e3」用了科學記數法，請寫出完整數字（例如 1000，而非 1e3），整項「p=」未有套用。",
                ),
                (
                    "“1.5” in “g=all:d1.5” is not a whole number, so none of “g=” was applied.",
                    "「g=all:d1.5」中的「1.5」不是整數，整項「g=」未有套用。",
                ),
            ],
        );
    }

    /// A line said more than once is said once, with how many times, so the other
    /// pairs' problems stay in sight (audit 14).
    #[test]
    fn a_problem_said_many_times_is_one_line() {
        let groups = vec!["g=all:d1"; 400].join("&");
        check_opened(
            &format!("#view=cashflow&lang=en&{groups}&cost=1e3"),
            &[
                (
                    "“g=all:d1” would make more than 300 edits with the same key's pairs before it, so none of it was read (100 times).",
                    "「g=all:d1」連同之前同一參數的各項，調整會超過 300 項，整項未有讀取（共 100 次）。",
                ),
                (
                    "“cost=1e3” is written in scientific notation; write the number out in full (1000, not 1e3).",
                    "「cost=1e3」用了科學記數法，請寫出完整數字（例如 1000，而非 1e3）。",
                ),
            ],
        );
    }

    #[test]
    fn pairs_past_the_limit_beyond_those_named_are_counted_in_words() {
        let pairs: String = (0..1_020).map(|n| format!("k{n}=v&")).collect();
        let link = format!("#x={}&{pairs}", "y".repeat(MAX_FRAGMENT_CHARS));
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let (_, problems) = open_link(&link, &data);
        let last = problems.last().map(problem_text);
        assert_eq!(
            last,
            Some(Bilingual::new(
                "另有 1,005 項位於連結首 32,768 個字元之後，未有讀取（連結可能被截短或過長）。",
                "1,005 more pairs come after the first 32,768 characters of the link and were not read (the link is too long, or was cut).",
            ))
        );
    }

    #[test]
    fn a_scaling_target_out_of_reach_of_the_links_categories_is_named() {
        check_opened("#view=allocation&target=1000&cat=1:300,L", &[]);
        check_opened(
            "#view=allocation&target=100&cat=1:300,L",
            &[(
                "“target=100” is below the locked categories' HK$300.0M, so the categories cannot be scaled to it; they are shown unscaled.",
                "「target=100」低於已鎖定類別的總和（300.0 百萬元），無法按比例調整；各類別按未調整的金額顯示。",
            )],
        );
        check_opened(
            "#view=allocation&cat=1:L;2:L;3:L;4:L;5:L;6:L&target=2000",
            &[(
                "“target=2000” cannot be reached: no unlocked category has an amount to scale, so the categories are shown unscaled.",
                "「target=2000」無法達到：沒有未鎖定而金額大於零的類別可按比例調整；各類別按未調整的金額顯示。",
            )],
        );
    }

    #[test]
    fn an_opened_link_names_every_pair_the_app_cannot_use() {
        check_opened("#view=projects&lang=en&p=17:d2&g=dept.2:d1&cat=1:300&dept=1&theme=it_security", &[]);
        check_opened(
            "#view=projects&lang=en&p=999:x",
            &[(
                "“p=999:x” names project No. 999, which the data shown does not have; its edit was ignored.",
                "「p=999:x」所指的項目編號 999 不在現時顯示的資料中，該修改已略過。",
            )],
        );
        check_opened(
            "#view=projects&lang=en&g=dept.99:x",
            &[(
                "“g=dept.99:x” names department 99, which the data shown does not have; it was ignored.",
                "「g=dept.99:x」所指的部門 99 不在現時顯示的資料中，已略過。",
            )],
        );
        check_opened(
            "#view=allocation&lang=zh&cat=99:5;0:1",
            &[
                (
                    "“99:5” in “cat=99:5;0:1” names category 99, which the data shown does not have; its edit was ignored.",
                    "「cat=99:5;0:1」中的「99:5」所指的類別 99 不在現時顯示的資料中，該修改已略過。",
                ),
                (
                    "“0:1” in “cat=99:5;0:1” names category 0, which the data shown does not have; its edit was ignored.",
                    "「cat=99:5;0:1」中的「0:1」所指的類別 0 不在現時顯示的資料中，該修改已略過。",
                ),
            ],
        );
        check_opened(
            "#view=bogus&lang=xx&p=65536:x&dept=999&min=abc&theme=x&start=zzz",
            &[
                (
                    "“view=bogus” is not a screen of blockvote; the overview is shown.",
                    "「view=bogus」不是 blockvote 的畫面，現顯示概覽。",
                ),
                (
                    "“lang=xx” is not a language of blockvote (zh or en); the language was not changed.",
                    "「lang=xx」不是 blockvote 的語言（zh 或 en），語言維持不變。",
                ),
                (
                    "“p=65536:x” names project No. 65536, which the data shown does not have; its edit was ignored.",
                    "「p=65536:x」所指的項目編號 65536 不在現時顯示的資料中，該修改已略過。",
                ),
                (
                    "“dept=999” names department 999, which the data shown does not have; it was ignored.",
                    "「dept=999」所指的部門 999 不在現時顯示的資料中，已略過。",
                ),
                ("“min=abc” is not a number.", "「min=abc」不是數字。"),
                ("“theme=x” is not a name blockvote knows.", "「theme=x」不是可用的名稱。"),
                (
                    "“start=zzz” is not a quarter such as 2018-19 Q2; the filter was not applied.",
                    "「start=zzz」不是季度（例如 2018-19 Q2），篩選未有套用。",
                ),
            ],
        );
        // Ids past any the data can hold are named as absent ones, their edits alone
        // dropped (the first audit of stop 41 found them called "not a number").
        check_opened(
            "#p=1:x;65536:x&cat=256:5&g=dept.18446744073709551616:d1&p=-1:x",
            &[
                (
                    "“65536:x” in “p=1:x;65536:x” names project No. 65536, which the data shown does not have; its edit was ignored.",
                    "「p=1:x;65536:x」中的「65536:x」所指的項目編號 65536 不在現時顯示的資料中，該修改已略過。",
                ),
                (
                    "“cat=256:5” names category 256, which the data shown does not have; its edit was ignored.",
                    "「cat=256:5」所指的類別 256 不在現時顯示的資料中，該修改已略過。",
                ),
                (
                    "“g=dept.18446744073709551616:d1” names department 18446744073709551616, which the data shown does not have; it was ignored.",
                    "「g=dept.18446744073709551616:d1」所指的部門 18446744073709551616 不在現時顯示的資料中，已略過。",
                ),
                (
                    "“p=-1:x” names project No. -1, which the data shown does not have; its edit was ignored.",
                    "「p=-1:x」所指的項目編號 -1 不在現時顯示的資料中，該修改已略過。",
                ),
            ],
        );
        // The edit beside one past every id still applies.
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let (opened, _) = open_link("#p=1:x;65536:x", &data);
        assert_eq!(opened.scenario.projects.iter().map(|p| p.id).collect::<Vec<_>>(), vec![1]);
        // A long list names the first 16 and counts the rest.
        let many: Vec<String> = (1000..1020).map(|id| format!("{id}:x")).collect();
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let (_, problems) = open_link(&format!("#p={}", many.join(";")), &data);
        assert_eq!(
            problems.last().map(problem_text),
            Some(Bilingual::new(
                "另有 4 項修改所指的項目、部門或類別不在現時顯示的資料中，已略過。",
                "4 more edits name projects, departments or categories the data shown does not have; they were ignored."
            ))
        );
        // A scenario built in the app is never checked against the data: only a link
        // opened is.
        let (decoded, _) = open_link("#p=999:x", &data);
        assert_eq!(write(&decoded.scenario, None).fit, Fit::Exact);
        assert_eq!(decode(&write(&decoded.scenario, None).pairs).1, vec![]);
    }

    /// A notice quotes a pair as the link gave it, key and value, and names the piece
    /// of it that could not be used: `p=1:b-5` was once quoted as "p=-5".
    #[test]
    fn thresholds_that_cross_in_a_link_are_named_and_the_paper_s_apply() {
        check_opened(
            "#view=cashflow&lang=en&ceiling=0&floor=5&cost=10",
            // The two thresholds in one sentence.
            &[(
                "“ceiling=0” and the link's floor would put the floor (HK$5.0M) above the ceiling (HK$0.0M), which cannot be worked out; the link's thresholds were ignored, and the paper's apply.",
                "「ceiling=0」及連結的下限會令下限（5.0 百萬元）高於上限（0.0 百萬元），無法計算；連結的審批門檻已略過，現用文件的門檻。",
            )],
        );
        // One threshold against the paper's other.
        check_opened(
            "#view=cashflow&lang=en&floor=50",
            &[(
                "“floor=50” would put the floor (HK$50.0M) above the ceiling (HK$10.0M), which cannot be worked out; the link's thresholds were ignored, and the paper's apply.",
                "「floor=50」會令下限（50.0 百萬元）高於上限（10.0 百萬元），無法計算；連結的審批門檻已略過，現用文件的門檻。",
            )],
        );
    }

    #[test]
    fn a_notice_quotes_the_pair_as_the_link_gave_it() {
        check_opened(
            "#view=projects&lang=en&p=1:b-5",
            &[(
                "“-5” in “p=1:b-5” must be between 0 and 1,000,000,000, so none of “p=” was applied.",
                "「p=1:b-5」中的「-5」須介乎 0 至 1,000,000,000，整項「p=」未有套用。",
            )],
        );
        check_opened(
            "#view=projects&lang=en&p=17:d2;42:q9",
            &[(
                "“q9” in “p=17:d2;42:q9” is not in the expected form, so none of “p=” was applied.",
                "「p=17:d2;42:q9」中的「q9」格式不符，整項「p=」未有套用。",
            )],
        );
        check_opened(
            "#view=projects&lang=en&g=dept.x:d1",
            &[(
                "“dept.x” in “g=dept.x:d1” is not a number, so none of “g=” was applied.",
                "「g=dept.x:d1」中的「dept.x」不是數字，整項「g=」未有套用。",
            )],
        );
        // A long pair is quoted to 40 characters and "…", and the piece still says where.
        let list: Vec<String> = (1..=20).map(|id| format!("{id}:d1")).collect();
        let link = format!("#view=projects&lang=en&p={};21:b-5", list.join(";"));
        let shown = format!("{}…", format!("{};21:b-5", list.join(";")).chars().take(40).collect::<String>());
        check_opened(
            &link,
            &[(
                &format!("“-5” in “p={shown}” must be between 0 and 1,000,000,000, so none of “p=” was applied."),
                &format!("「p={shown}」中的「-5」須介乎 0 至 1,000,000,000，整項「p=」未有套用。"),
            )],
        );
    }

    /// A number refused in a link is refused in the words its field uses (audit 36):
    /// a thousand digits are too long, not "not a number"; a fraction's parts beyond
    /// their limit, a fraction over zero and a decimal comma say so; `dept.0` names a
    /// department the data lacks as `dept.-1` does, in the notice's own language.
    #[test]
    fn a_refused_number_in_a_link_is_said_as_its_field_says_it() {
        let nines = "9".repeat(1000);
        let quoted = "9".repeat(40);
        check_opened(
            &format!("#view=projects&lang=en&dept={nines}"),
            &[(
                &format!("“dept={quoted}…” is too long for a number (over 40 characters)."),
                &format!("「dept={quoted}…」太長，不是數字（超過 40 個字元）。"),
            )],
        );
        check_opened(
            &format!("#view=projects&lang=en&p=1:d1;{nines}:d1"),
            &[(
                &format!("“{quoted}…” in “p=1:d1;{}…” is too long for a number (over 40 characters), so none of “p=” was applied.", "9".repeat(35)),
                &format!("「p=1:d1;{}…」中的「{quoted}…」太長，不是數字（超過 40 個字元），整項「p=」未有套用。", "9".repeat(35)),
            )],
        );
        for zero_or_below in ["0", "-1"] {
            check_opened(
                &format!("#view=projects&lang=en&g=dept.{zero_or_below}:d1"),
                &[(
                    &format!("“g=dept.{zero_or_below}:d1” names department {zero_or_below}, which the data shown does not have; it was ignored."),
                    &format!("「g=dept.{zero_or_below}:d1」所指的部門 {zero_or_below} 不在現時顯示的資料中，已略過。"),
                )],
            );
        }
        let not_a_fraction = (
            "is not a fraction: a fraction needs two whole numbers from 0 to 1,000,000, e.g. 69/210.",
            "不是分數：分數須為兩個 0 至 1,000,000 的整數，例如 69/210。",
        );
        for fraction in ["1/99999999999999999999999", "1/1000001", "1/x"] {
            check_opened(
                &format!("#view=cashflow&lang=en&slip={fraction}"),
                &[(
                    &format!("“slip={fraction}” {}", not_a_fraction.0),
                    &format!("「slip={fraction}」{}", not_a_fraction.1),
                )],
            );
        }
        check_opened(
            "#view=cashflow&lang=en&slip=1/0",
            &[("“slip=1/0” is a fraction whose denominator is 0.", "「slip=1/0」的分母為 0。")],
        );
        check_opened(
            "#view=cashflow&lang=en&cost=12,5",
            &[(
                "“cost=12,5” has a comma that does not separate thousands; write decimals with a point (as in 12.5).",
                "「cost=12,5」有一個不是分隔千位的逗號；小數請用小數點（例如 12.5）。",
            )],
        );
    }

    /// A pair is quoted as the link wrote it: `cap=` with its `=`, `cap` without one,
    /// though both read as the key with an empty value. `cap=` was once quoted as
    /// "cap", which the link did not say.
    #[test]
    fn a_pair_with_no_value_is_quoted_as_the_link_wrote_it() {
        check_opened(
            "#view=cashflow&lang=en&cap=&ceiling&dept=1&dept&foo&bar=",
            &[
                ("“cap=” is not a number.", "「cap=」不是數字。"),
                ("“ceiling” is not a number.", "「ceiling」不是數字。"),
                (
                    "“dept” is given 2 times; only the last, dept, was read, and the others were ignored.",
                    "「dept」出現了 2 次，只讀取了最後一個（dept），其餘已略過。",
                ),
                (
                    "“foo”: foo is not a key blockvote knows; it was ignored.",
                    "「foo」：foo 不是 blockvote 認識的參數，已略過。",
                ),
                (
                    "“bar=”: bar is not a key blockvote knows; it was ignored.",
                    "「bar=」：bar 不是 blockvote 認識的參數，已略過。",
                ),
            ],
        );
        check_opened(
            "#view=cashflow&lang=",
            &[(
                "“lang=” is not a language of blockvote (zh or en); the language was not changed.",
                "「lang=」不是 blockvote 的語言（zh 或 en），語言維持不變。",
            )],
        );
        check_opened(
            "#view=cashflow&lang",
            &[(
                "“lang” is not a language of blockvote (zh or en); the language was not changed.",
                "「lang」不是 blockvote 的語言（zh 或 en），語言維持不變。",
            )],
        );
        // A value of spaces only is read as none, and quoted so, with the link's `=`.
        check_opened("#view=cashflow&lang=en&cost=%20", &[("“cost=” is not a number.", "「cost=」不是數字。")]);
        // Within a field's 40 characters but with more digits than it keeps exactly.
        check_opened(
            "#view=cashflow&lang=en&cost=1.00000000000000000000000000000001",
            &[(
                "“cost=1.00000000000000000000000000000001” has more digits than blockvote can keep exactly.",
                "「cost=1.00000000000000000000000000000001」位數太多，無法準確計算。",
            )],
        );
    }

    /// A quote cut to 40 characters of the link ends with "…", and only then: the
    /// member sees that the link's value goes on.
    #[test]
    fn a_quote_cut_short_says_so() {
        let forty = "9".repeat(40);
        check_opened(
            &format!("#view=risk&lang=en&cost={forty}&ceiling={forty}9&p=1:b{forty}9&k{forty}=1"),
            &[
                (
                    &format!("“cost={forty}” must be between -100 and 1,000."),
                    &format!("「cost={forty}」須介乎 -100 至 1,000。"),
                ),
                // Past a field's 40 characters a number is refused for its length.
                (
                    &format!("“ceiling={forty}…” is too long for a number (over 40 characters)."),
                    &format!("「ceiling={forty}…」太長，不是數字（超過 40 個字元）。"),
                ),
                (
                    &format!(
                        "“{forty}…” in “p=1:b{}…” is too long for a number (over 40 characters), so none of “p=” was applied.",
                        &forty[3..]
                    ),
                    &format!("「p=1:b{}…」中的「{forty}…」太長，不是數字（超過 40 個字元），整項「p=」未有套用。", &forty[3..]),
                ),
                (
                    &format!("“k{}…=1”: k{}… is not a key blockvote knows; it was ignored.", &forty[1..], &forty[1..]),
                    &format!("「k{}…=1」：k{}… 不是 blockvote 認識的參數，已略過。", &forty[1..], &forty[1..]),
                ),
            ],
        );
    }

    /// A link's invisible characters (controls, bidirectional controls, zero-width
    /// characters) are shown in a notice as escapes, never raw: a U+202E in a quoted
    /// value once reversed the words after it.
    #[test]
    fn a_notice_shows_a_links_invisible_characters_as_escapes() {
        check_opened(
            "#view=risk&lang=en&cost=1%E2%80%AEabc",
            &[("“cost=1[U+202E]abc” is not a number.", "「cost=1[U+202E]abc」不是數字。")],
        );
        check_opened(
            "#view=risk&lang=en&p=1:b%0A%E2%80%8B",
            &[(
                "“[U+000A][U+200B]” in “p=1:b[U+000A][U+200B]” is not a number, so none of “p=” was applied.",
                "「p=1:b[U+000A][U+200B]」中的「[U+000A][U+200B]」不是數字，整項「p=」未有套用。",
            )],
        );
        check_opened(
            "#view=risk&lang=en&co%00st=%C2%85%1B",
            &[(
                "“co[U+0000]st=[U+0085][U+001B]”: co[U+0000]st is not a key blockvote knows; it was ignored.",
                "「co[U+0000]st=[U+0085][U+001B]」：co[U+0000]st 不是 blockvote 認識的參數，已略過。",
            )],
        );
        check_opened(
            "#view=projects&lang=en&dept=%E2%81%A71",
            &[("“dept=[U+2067]1” is not a number.", "「dept=[U+2067]1」不是數字。")],
        );
    }

    /// What the field for a link's number reads from `text` (the value as the link
    /// would carry it, or `None` when the field refuses it), the start of the pair the
    /// link carries it in, and what the link applied.
    type NumberReaders = (FieldReads, &'static str, fn(&LinkScenario) -> String);

    /// What a field reads from typed text, written as a link would carry it.
    type FieldReads = Box<dyn Fn(&str) -> Option<String>>;

    /// The field a member types each of a link's numbers in, by the link's key.
    fn number_readers(key: &str) -> NumberReaders {
        use crate::fields::FieldSpec;
        use crate::screens::{allocation, cashflow, projects, risk, thresholds};
        use blockvote_model::engine::Lever;
        use blockvote_model::Money;
        use rust_decimal::Decimal;
        fn read<T: 'static>(spec: FieldSpec<T>, show: fn(&T) -> String) -> FieldReads {
            Box::new(move |text| (spec.read)(text).ok().map(|value| show(&value)))
        }
        let money = |m: &Money| m.millions().normalize().to_string();
        let decimal = |d: &Decimal| d.normalize().to_string();
        fn amount(m: Option<Money>) -> String {
            m.map_or_else(String::new, |m| m.millions().normalize().to_string())
        }
        match key {
            "cap" => (
                read(cashflow::cap::cap_field(), |cap| cap.map(|d| d.normalize().to_string()).unwrap_or_default()),
                "cap=",
                |d| amount(d.scenario.cap.as_ref().map(|c| c.amount)),
            ),
            "ceiling" => (read(thresholds::ceiling_field(|| Money::ZERO), money), "ceiling=", |d| {
                amount(d.scenario.delegation.ceiling)
            }),
            "floor" => (
                read(
                    thresholds::floor_field(|| Money::from_whole_millions(blockvote_model::money::MAX_INPUT_MILLIONS)),
                    money,
                ),
                "floor=",
                |d| amount(d.scenario.delegation.floor),
            ),
            "ongoing" => (read(cashflow::levers::ongoing_field(), decimal), "ongoing=", |d| {
                amount(d.scenario.ongoing_budget_year)
            }),
            "target" => {
                (read(allocation::target_field(), money), "target=", |d| amount(d.scenario.allocation.scale_to))
            }
            "cat" => (read(allocation::amount_field(), money), "cat=1:", |d| {
                amount(d.scenario.allocation.categories.first().and_then(|c| c.amount))
            }),
            "b" => (read(projects::levers::budget_field(Money::ZERO), money), "p=1:b", |d| {
                amount(d.scenario.projects.first().and_then(|p| p.edit.budget))
            }),
            "d" => (read(projects::levers::defer_field(), |n| n.to_string()), "p=1:d", |d| {
                d.scenario
                    .projects
                    .first()
                    .and_then(|p| p.edit.defer_quarters)
                    .map_or_else(String::new, |n| n.to_string())
            }),
            "cost" => (read(cashflow::levers::cost_field(), decimal), "cost=", |d| {
                d.scenario.cost_change_pct.normalize().to_string()
            }),
            "retention" => (read(crate::levers::lever_field(Lever::Retention), decimal), "retention=", |d| {
                d.scenario.retention.map_or_else(String::new, |r| r.normalize().to_string())
            }),
            "delay" => {
                (read(risk::slippage::delay_field(), decimal), "delay=", |d| d.scenario.slippage.quarters.to_string())
            }
            "slip" => (read(risk::slippage::share_field(), decimal), "slip=", |d| {
                d.scenario.slippage.share.normalize().to_string()
            }),
            "runs" => (read(risk::simulation::runs_field(), |n| n.to_string()), "runs=", |d| {
                d.simulation.as_ref().map_or_else(String::new, |s| s.runs.to_string())
            }),
            "late" => (read(risk::simulation::late_field(), decimal), "late=", |d| {
                d.simulation
                    .as_ref()
                    .and_then(|s| s.late_probability)
                    .map_or_else(String::new, |p| p.normalize().to_string())
            }),
            _ => (read(risk::simulation::seed_field(), |n| n.to_string()), "seed=", |d| {
                d.simulation.as_ref().map_or_else(String::new, |s| s.seed.to_string())
            }),
        }
    }

    /// `text` typed in the field of the link's `key` and carried by a link: both read
    /// it as `expected` (the value, or `None` for a refusal, which the link names).
    #[track_caller]
    fn check_number(key: &str, text: &str, expected: Option<&str>) {
        let (field, start, applied) = number_readers(key);
        let link = format!("#{start}{}", blockvote_model::link::percent_encode(text));
        let (decoded, problems) = decode_link(&link);
        let from_link = problems.is_empty().then(|| applied(&decoded));
        let named: Vec<String> = problems.iter().map(|p| format!("{}={}", p.key, p.value)).collect();
        let pair = format!("{start}{text}");
        let expected_named = if expected.is_none() { vec![pair.clone()] } else { vec![] };
        assert_eq!(
            (field(text).as_deref(), from_link.as_deref(), named),
            (expected, expected, expected_named),
            "{pair}: [field, link, pairs named]"
        );
    }

    /// A link's number reads as the field a member types it in reads it: the same
    /// text taken or refused, as the same value, and a refusal named with its pair.
    /// Full-width digits were refused by links, and amounts finer than a dollar taken
    /// (and rounded by the engine), where fields read the one and refused the other.
    #[test]
    fn a_links_number_reads_as_its_field_reads_it() {
        for key in ["cap", "ceiling", "floor", "ongoing", "target", "cat", "b"] {
            check_number(key, "10", Some("10"));
            check_number(key, "１０", Some("10"));
            check_number(key, "１０．５", Some("10.5"));
            check_number(key, "１，０００", Some("1000"));
            check_number(key, "10.123456", Some("10.123456"));
            check_number(key, "10.1234560", Some("10.123456"));
            check_number(key, "10.1234567", None);
            check_number(key, "１０．１２３４５６７", None);
            check_number(key, "5%", None);
            check_number(key, "-1", None);
            check_number(key, "1。5", None);
        }
        check_number("cost", "１０", Some("10"));
        check_number("cost", "１０．５", Some("10.5"));
        check_number("cost", "10.1234567", Some("10.1234567"));
        check_number("cost", "5%", Some("5"));
        check_number("cost", "－５％", Some("-5"));
        check_number("cost", "1001", None);
        check_number("retention", "０．５", Some("0.5"));
        check_number("retention", "50%", None);
        check_number("delay", "２", Some("2"));
        check_number("delay", "1.5", None);
        check_number("delay", "41", None);
        check_number("d", "－２", Some("-2"));
        check_number("d", "41", None);
        check_number("slip", "０．５", Some("0.5"));
        check_number("slip", "３３％", Some("0.33"));
        check_number("slip", "６９／２１０", Some("0.3285714285714285714285714286"));
        check_number("seed", "７１０", Some("710"));
        check_number("seed", "1,000", Some("1000"));
        check_number("seed", "+5", Some("5"));
        check_number("seed", "-1", None);
        check_number("runs", "５，０００", Some("5000"));
        check_number("runs", "1_000", Some("1000"));
        check_number("runs", "0", None);
        check_number("runs", "100001", None);
        check_number("runs", "12,5", None);
        check_number("late", "４０％", Some("0.4"));
        check_number("late", "６９／２１０", Some("0.3285714285714285714285714286"));
        check_number("late", "1.5", None);
        // A refused amount is named in both languages, with the pair as the link gave it.
        check_opened(
            "#view=cashflow&lang=en&cap=10.1234567&p=1:b%EF%BC%90.1234567",
            &[
                (
                    "“cap=10.1234567” has more than 6 decimals: amounts are in whole dollars.",
                    "「cap=10.1234567」超過 6 位小數：金額以元為單位。",
                ),
                (
                    "“０.1234567” in “p=1:b０.1234567” has more than 6 decimals: amounts are in whole dollars, so none of “p=” was applied.",
                    "「p=1:b０.1234567」中的「０.1234567」超過 6 位小數：金額以元為單位，整項「p=」未有套用。",
                ),
            ],
        );
    }

    #[test]
    fn a_key_the_app_does_not_know_is_named_with_the_one_it_is_close_to() {
        check_opened(
            "#view=cashflow&lang=zh&cots=10&delya=2",
            &[
                (
                    "“cots=10”: cots is not a key blockvote knows; it was ignored. Did you mean cost?",
                    "「cots=10」：cots 不是 blockvote 認識的參數，已略過。是否想輸入 cost？",
                ),
                (
                    "“delya=2”: delya is not a key blockvote knows; it was ignored. Did you mean delay?",
                    "「delya=2」：delya 不是 blockvote 認識的參數，已略過。是否想輸入 delay？",
                ),
            ],
        );
        check_opened(
            "#view=projects&lang=en&foo=1&COST=5&sotr=id&=7&&=&dpet=1",
            &[
                (
                    "“foo=1”: foo is not a key blockvote knows; it was ignored.",
                    "「foo=1」：foo 不是 blockvote 認識的參數，已略過。",
                ),
                (
                    "“COST=5”: COST is not a key blockvote knows; it was ignored. Did you mean cost?",
                    "「COST=5」：COST 不是 blockvote 認識的參數，已略過。是否想輸入 cost？",
                ),
                (
                    "“sotr=id”: sotr is not a key blockvote knows; it was ignored. Did you mean sort?",
                    "「sotr=id」：sotr 不是 blockvote 認識的參數，已略過。是否想輸入 sort？",
                ),
                ("“=7”: gives no key; it was ignored.", "「=7」：沒有參數名稱，已略過。"),
                ("“=”: gives no key; it was ignored.", "「=」：沒有參數名稱，已略過。"),
                (
                    "“dpet=1”: dpet is not a key blockvote knows; it was ignored. Did you mean dept?",
                    "「dpet=1」：dpet 不是 blockvote 認識的參數，已略過。是否想輸入 dept？",
                ),
            ],
        );
        // A slip of a letter or two, or two letters swapped; a one-letter key only by
        // its case; nothing far off, nor a key longer than any known.
        for (typed, close) in [
            ("cots", Some("cost")),
            ("lnag", Some("lang")),
            ("veiw", Some("view")),
            ("ceilign", Some("ceiling")),
            ("rettention", None),
            ("retension", Some("retention")),
            ("dri", Some("dir")),
            ("P", Some("p")),
            ("x", None),
            ("zzzz", None),
            ("main", None),
            // Half a key off is no slip (`name` was offered `late`), a letter of four
            // or five is, two of six or more are.
            ("name", None),
            ("rate", Some("late")),
            ("prifole", Some("profile")),
            ("delya", Some("delay")),
            ("dlyea", None),
            ("cxsx", None),
            // A key with a letter no known key has (none is but ASCII) is offered none.
            ("預算", None),
            ("ｃｏｓｔ", None),
            ("cost\u{301}", None),
            (&"c".repeat(100_000), None),
        ] {
            assert_eq!(close_key(typed), close, "{typed}");
        }
        // A link of many unknown keys names the first 16 and counts the rest.
        let many: Vec<String> = (0..20).map(|n| format!("k{n}=1")).collect();
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let (_, problems) = open_link(&format!("#view=risk&{}", many.join("&")), &data);
        assert_eq!(problems.len(), 17);
        assert_eq!(
            problems.last().map(problem_text),
            Some(Bilingual::new(
                "另有 4 個 blockvote 不認識的參數，已略過。",
                "4 more keys blockvote does not know were ignored."
            ))
        );
    }

    /// `rule=` orders what a cash cap defers: a link that sets no cap says that its
    /// rule was not applied, where it once dropped it without a word.
    #[test]
    fn a_rule_without_a_cap_says_it_was_not_applied() {
        let not_applied = |rule: &str| {
            (
                format!("“rule={rule}” was not applied: a deferral rule orders what a cash cap defers, and the link sets no cash cap (cap=)."),
                format!("「rule={rule}」未有套用：延後次序只適用於現金上限，而連結沒有設定現金上限（cap=）。"),
            )
        };
        let smallest = not_applied("smallest");
        check_opened("#view=cashflow&lang=en&rule=smallest", &[(&smallest.0, &smallest.1)]);
        let most_cash = not_applied("most_cash");
        check_opened(
            "#view=cashflow&lang=en&rule=most_cash&cap=x",
            &[("“cap=x” is not a number.", "「cap=x」不是數字。"), (&most_cash.0, &most_cash.1)],
        );
        check_opened("#view=cashflow&lang=en&rule=most_cash&cap=900", &[]);
    }

    /// A pair with no key is named as the link wrote it, `=` included: a bare `=`
    /// was once dropped without a word. Empty pieces (`&&`) hold no pair at all.
    #[test]
    fn a_pair_with_no_key_is_named() {
        check_opened(
            "#view=cashflow&lang=en&=&cost=5&&=5&==&",
            &[
                ("“=”: gives no key; it was ignored.", "「=」：沒有參數名稱，已略過。"),
                ("“=5”: gives no key; it was ignored.", "「=5」：沒有參數名稱，已略過。"),
                ("“==”: gives no key; it was ignored.", "「==」：沒有參數名稱，已略過。"),
            ],
        );
        // Followed in the app's own link, one it did not have is named too.
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let had = parse_fragment("#view=risk&=5");
        let words: Vec<String> = changed_address_problems("#view=projects&lang=en&=5&=", &had, &data)
            .iter()
            .map(|p| problem_text(p).en)
            .collect();
        assert_eq!(words, ["“=”: gives no key; it was ignored."]);
    }

    /// Every key the app writes in an address is one a reader of it knows: the
    /// scenario's levers and edits (of a scenario that sets every one), the markers,
    /// the shell's and every screen's pairs, as the present layer's links write them.
    #[test]
    fn every_key_the_app_writes_is_known() {
        use crate::route::{fragment_for, View};
        use crate::screens::projects::filters::{ids_link, link_with_filters};
        use crate::screens::sorting::Sort;
        let rich = "profile=even&slip=0.5&delay=2&slippage=off&cost=-10&ceiling=20&floor=0.5&cap=1000&rule=most_cash\
            &ongoing=800&retention=0.8&target=1000&seed=42&runs=500&late=0.5&weights=1:1:1:1&overrun=0.2:0:10\
            &p=17:d2,p:even&g=all:x;dept.2:d1&cat=1:300,L";
        let (decoded, problems) = decode(&parse_fragment(rich));
        assert_eq!(problems, vec![]);
        let mut written = write(&decoded.scenario, decoded.simulation.as_ref()).pairs;
        let keys: Vec<&str> = written.iter().map(|(key, _)| key.as_str()).collect();
        assert!(SCENARIO_KEYS.iter().all(|key| *key == "scenario" || keys.contains(key)), "{keys:?}");
        let too_large = Scenario {
            projects: (1..=301)
                .map(|id| blockvote_model::engine::ProjectEdit { id, edit: decoded.scenario.projects[0].edit.clone() })
                .collect(),
            ..Scenario::default()
        };
        written.extend(write(&too_large, None).pairs);
        let every_filter: Vec<(String, String)> =
            FILTER_KEYS.iter().map(|k| (k.to_string(), "1".to_string())).collect();
        let projects_sort = Sort::<SortKey>::default().pressed(SortKey::Budget, PROJECTS_SORT);
        let departments_sort = Sort::<DepartmentColumn>::default().pressed(DepartmentColumn::Share, DEPARTMENTS_SORT);
        for (key, value) in projects_sort.iter().chain(&departments_sort).chain(&[(GROUP_KEY, Some("1".to_string()))]) {
            written.push((key.to_string(), value.clone().unwrap_or_default()));
        }
        written.push((SLIDE_KEY.to_string(), "2".to_string()));
        let links = [
            fragment_for(View::Present, Lang::En, &written),
            ids_link(&[14, 15], Lang::Zh),
            link_with_filters(View::Departments, &every_filter, Lang::En),
        ];
        for link in links {
            assert_eq!(unknown_key_problems(&parse_fragment(&link)), vec![], "{link}");
            assert!(parse_fragment(&link).iter().all(|(key, _)| is_known_key(key)), "{link}");
        }
    }

    #[test]
    fn a_key_given_twice_names_the_value_read() {
        check_opened(
            "#view=cashflow&lang=en&cost=10&cost=20",
            &[(
                "“cost” is given 2 times; only the last, cost=20, was read, and the others were ignored.",
                "「cost」出現了 2 次，只讀取了最後一個（cost=20），其餘已略過。",
            )],
        );
        check_opened(
            "#view=cashflow&lang=en&cost=10&cost=abc",
            &[
                ("“cost=abc” is not a number.", "「cost=abc」不是數字。"),
                (
                    "“cost” is given 2 times; only cost=10, the last that could be used, was used, and the others were ignored.",
                    "「cost」出現了 2 次，只採用了最後一個可用的（cost=10），其餘已略過。",
                ),
            ],
        );
        // The shell takes the last screen and language it has; a screen its pair's
        // last value, even one it then cannot use.
        check_opened(
            "#view=risk&view=projects&view=bogus&lang=en&dept=1&dept=999&sort=id&sort=id",
            &[
                ("“view=bogus” is not a name blockvote knows.", "「view=bogus」不是可用的名稱。"),
                (
                    "“dept=999” names department 999, which the data shown does not have; it was ignored.",
                    "「dept=999」所指的部門 999 不在現時顯示的資料中，已略過。",
                ),
                (
                    "“view” is given 3 times; only view=projects, the last that could be used, was used, and the others were ignored.",
                    "「view」出現了 3 次，只採用了最後一個可用的（view=projects），其餘已略過。",
                ),
                (
                    "“dept” is given 2 times; only the last, dept=999, was read, and the others were ignored.",
                    "「dept」出現了 2 次，只讀取了最後一個（dept=999），其餘已略過。",
                ),
            ],
        );
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let (decoded, _) = open_link("#cost=10&cost=20", &data);
        assert_eq!(decoded.scenario.cost_change_pct, rust_decimal::Decimal::from(20));
    }

    #[test]
    fn numbers_no_project_has_are_named() {
        check_opened(
            "#view=projects&lang=en&ids=999,0,65535",
            &[(
                "“ids=999,0,65535” names no project of the data shown; the filter was not applied, and every project is shown.",
                "「ids=999,0,65535」沒有指明現時顯示的資料中任何項目，篩選未有套用，現顯示所有項目。",
            )],
        );
        check_opened(
            "#view=projects&lang=en&ids=14,999",
            &[(
                "“ids=14,999” names project No. 999, which the data shown does not have; no row shows it.",
                "「ids=14,999」所指的項目編號 999 不在現時顯示的資料中，表格沒有顯示。",
            )],
        );
        // Many are named up to 16, the rest counted: never one word per number (beside
        // a project of the data, so that the list applies).
        let many: Vec<String> = (1000..1400).map(|id| id.to_string()).chain(["14".to_string()]).collect();
        let link = format!("#view=projects&lang=en&ids={}", many.join(","));
        let shown = format!("{}…", many.join(",").chars().take(40).collect::<String>());
        let named: Vec<String> = (1000..1016).map(|id| id.to_string()).collect();
        check_opened(
            &link,
            &[
                (
                    &format!(
                        "“ids={shown}” names 400 project numbers the data shown does not have ({} and 384 more); no row shows them.",
                        named.join(", ")
                    ),
                    &format!("「ids={shown}」所指的 400 個項目編號（{} 及另外 384 個）不在現時顯示的資料中，表格沒有顯示。", named.join("、")),
                ),
            ],
        );
    }

    /// A department's number too large for its field is one the data shown does not
    /// have, as `dept=99` is: it was once said not to be a number.
    #[test]
    fn a_department_number_too_large_is_one_the_data_does_not_have() {
        let absent = |number: &str| {
            (
                format!(
                    "“dept={number}” names department {number}, which the data shown does not have; it was ignored."
                ),
                format!("「dept={number}」所指的部門 {number} 不在現時顯示的資料中，已略過。"),
            )
        };
        for number in ["99", "65536", "999999", &"9".repeat(40)] {
            let (en, zh) = absent(number);
            check_opened(&format!("#view=projects&lang=en&dept={number}"), &[(&en, &zh)]);
        }
        check_opened("#view=projects&lang=en&dept=1", &[]);
        check_opened(
            "#view=projects&lang=en&dept=1.5",
            &[("“dept=1.5” is not a whole number.", "「dept=1.5」不是整數。")],
        );
        check_opened("#view=projects&lang=en&dept=x", &[("“dept=x” is not a number.", "「dept=x」不是數字。")]);
        check_opened(
            &format!("#view=projects&lang=en&dept={}", "9".repeat(41)),
            &[(
                &format!("“dept={}…” is too long for a number (over 40 characters).", "9".repeat(40)),
                &format!("「dept={}…」太長，不是數字（超過 40 個字元）。", "9".repeat(40)),
            )],
        );
        // Changed by hand, it is named the same way.
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let words: Vec<String> = changed_address_problems("#view=projects&lang=en&dept=999999", &[], &data)
            .iter()
            .map(|p| problem_text(p).en)
            .collect();
        assert_eq!(words, [absent("999999").0]);
    }

    /// A list of numbers naming no project of the data shown is not applied, and says
    /// so, whether no number is a project's or no item is a number; a list with a
    /// project of the data, or an empty one, says nothing of the kind.
    #[test]
    fn a_list_naming_no_project_is_not_applied_and_says_so() {
        let not_applied = |pair: &str| {
            (
                format!("“{pair}” names no project of the data shown; the filter was not applied, and every project is shown."),
                format!("「{pair}」沒有指明現時顯示的資料中任何項目，篩選未有套用，現顯示所有項目。"),
            )
        };
        let (zero_en, zero_zh) = not_applied("ids=0");
        check_opened("#view=projects&lang=en&ids=0", &[(&zero_en, &zero_zh)]);
        let (abc_en, abc_zh) = not_applied("ids=abc");
        check_opened(
            "#view=projects&lang=en&ids=abc",
            &[
                (
                    "“ids=abc” holds 1 item that is not a project number; it was ignored.",
                    "「ids=abc」有 1 項不是項目編號，已略過。",
                ),
                (&abc_en, &abc_zh),
            ],
        );
        check_opened(
            "#view=projects&lang=en&ids=14,abc",
            &[(
                "“ids=14,abc” holds 1 item that is not a project number; it was ignored.",
                "「ids=14,abc」有 1 項不是項目編號，已略過。",
            )],
        );
        check_opened("#view=projects&lang=en&ids=", &[]);
        check_opened("#view=projects&lang=en&ids=%20,,", &[]);
        // A list is said not to be applied exactly when the table does not apply it.
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let offered = Offered::of(&data);
        for value in ["0", "abc", "0,abc", "70000", "14", "14,0", ""] {
            let params = [("ids".to_string(), value.to_string())];
            let applied = Filters::from_params(&params, &offered, as_typed, as_typed).ids.is_some();
            let said = screen_problems(&params, &data).iter().any(|p| p.reason == LinkReason::ListNamesNoProject);
            assert_eq!(
                (applied, said),
                (value.contains("14"), !value.is_empty() && !value.contains("14")),
                "ids={value}"
            );
        }
    }

    /// The address written back carries the department and the list of numbers the
    /// table applies, once, where the pair read stood, and not a value the notice
    /// named as refused.
    #[track_caller]
    fn check_written_back(text: &str, expected: &[&str]) {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let written: Vec<String> =
            screen_params(&parse_fragment(text), &data).iter().map(|(key, value)| format!("{key}={value}")).collect();
        assert_eq!(written, expected, "{text}");
    }

    #[test]
    fn the_address_written_back_drops_a_refused_department_or_list() {
        check_written_back("#view=projects&lang=en&cost=10&dept=5&bogus=1&sort=dept", &["dept=5", "sort=dept"]);
        check_written_back("#view=projects&dept=%202%20&q=x", &["dept=2", "q=x"]);
        for refused in ["99", "999999", "x", "1.5", "-1", ""] {
            check_written_back(&format!("#view=projects&dept={refused}&sort=id"), &["sort=id"]);
        }
        // Only the last pair is read, and written where it stood.
        check_written_back("#view=projects&dept=1&sort=id&dept=2", &["sort=id", "dept=2"]);
        check_written_back("#view=projects&dept=1&sort=id&dept=x", &["sort=id"]);
        check_written_back("#view=projects&ids=15, 14,,14&q=a", &["ids=14,15", "q=a"]);
        check_written_back("#view=projects&ids=14,abc,999&q=a", &["ids=14", "q=a"]);
        check_written_back("#view=projects&ids=abc&q=a", &["q=a"]);
        check_written_back("#view=projects&ids=&q=a", &["q=a"]);
        check_written_back("#view=projects&ids=14&ids=abc", &[]);
        check_written_back("#view=projects&ids=abc&ids=14", &["ids=14"]);
        check_written_back("#view=projects&ids=0,abc&q=a", &["q=a"]);
        // The other filters: as given when applied, not at all when refused.
        check_written_back(
            "#view=projects&min=5&max=1,000&start=2018-19%20Q2&done=2019-20&changed=1&theme=it_security&q=a",
            &["min=5", "max=1,000", "start=2018-19 Q2", "done=2019-20", "changed=1", "theme=it_security", "q=a"],
        );
        check_written_back("#view=projects&min=1e308&max=-1e308&start=2099-Q9&q=a", &["q=a"]);
        check_written_back("#view=projects&done=1999-00&theme=x&changed=yes&sort=id", &["sort=id"]);
        check_written_back("#view=projects&min=1&sort=id&min=x", &["sort=id"]);
        check_written_back("#view=projects&min=x&sort=id&min=2", &["sort=id", "min=2"]);
        // A search as far as it is read (its first MAX_SEARCH_CHARS characters).
        use crate::screens::projects::filters::MAX_SEARCH_CHARS;
        let long = "保".repeat(MAX_SEARCH_CHARS + 5);
        let read = format!("q={}", "保".repeat(MAX_SEARCH_CHARS));
        check_written_back(&format!("#view=projects&q={long}"), &[read.as_str()]);
        check_written_back("#view=projects&q=a%20b%20", &["q=a b "]);
        // Without control characters, which the box and the filter leave out too
        // (audit 33: the box showed a link's `%00` until the member typed).
        check_written_back("#view=projects&q=%E4%BF%9D%00%E5%AE%89%0A", &["q=保安"]);
        check_written_back("#view=projects&q=a%1B%20b", &["q=a b"]);
        // The sorts, the grouping and the slide: as given when taken, not at all when
        // refused, from their last pair (audit 24).
        check_written_back("#view=projects&sort=evil&dir=up&group=2&q=a", &["q=a"]);
        check_written_back("#view=projects&sort=budget&dir=desc&group=1", &["sort=budget", "dir=desc", "group=1"]);
        check_written_back("#view=projects&sort=budget&sort=evil", &[]);
        check_written_back("#view=projects&sort=evil&sort=budget", &["sort=budget"]);
        check_written_back("#view=departments&dsort=x&ddir=y", &[]);
        check_written_back("#view=present&slide=-1", &[]);
        check_written_back("#view=present&slide=2", &["slide=2"]);
        // A slide past the last is shown as the last, so it is kept.
        check_written_back("#view=present&slide=999999", &["slide=999999"]);
    }

    /// A new link whose scenario is the one on screen: the notice shows its problems
    /// only, none when it has none, and never a marker's (the scenario on screen is
    /// kept).
    #[test]
    fn a_new_link_with_the_scenario_on_screen_names_its_own_problems() {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let words = |text: &str| -> Vec<String> {
            same_scenario_link_problems(text, &data).iter().map(|p| problem_text(p).en).collect()
        };
        assert_eq!(words("#view=projects&lang=zh&dept=1"), Vec::<String>::new());
        assert_eq!(words("#view=projects&lang=zh&ids=14,15"), Vec::<String>::new());
        assert_eq!(
            words("#view=projects&lang=en&dept=999&cots=1"),
            [
                "“dept=999” names department 999, which the data shown does not have; it was ignored.",
                "“cots=1”: cots is not a key blockvote knows; it was ignored. Did you mean cost?",
            ]
        );
        assert_eq!(words("#view=risk&lang=en&scenario=not-expressible"), Vec::<String>::new());
    }

    /// A scenario the address cannot carry, opened from the address the app wrote for
    /// it: what the notice says (English) and the badge beside "Copy link".
    #[track_caller]
    fn check_not_carried(scenario: &Scenario, said: &str, badge: Label) {
        let written = write(scenario, None);
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        // The fragment's text as the shell writes it, after the view and language.
        let marker = fragment_text(&written.pairs);
        let (decoded, problems) = open_link(&format!("#view=risk&lang=en&{}", marker.trim_start_matches('#')), &data);
        assert_eq!(decoded.scenario, Scenario::default());
        let words: Vec<String> = problems.iter().map(|p| problem_text(p).en).collect();
        assert_eq!(words, [said], "{:?}", written.fit);
        assert_eq!(fit_badge(&written.fit), Some(badge));
    }

    #[test]
    fn a_scenario_a_link_cannot_carry_is_said_to_be_so_for_its_own_reason() {
        use blockvote_model::engine::{Edit, ProjectEdit};
        // Imported from a file with a cost change the engine refuses: it is small, and
        // was once said to be "too large for a link".
        let from_a_file = Scenario { cost_change_pct: rust_decimal::Decimal::from(5000), ..Scenario::default() };
        check_not_carried(
            &from_a_file,
            "“scenario=not-expressible” marks a scenario holding a value a link cannot carry (one read from a file), so the link does not carry it and the paper is shown; ask the sender for the scenario as a file (JSON).",
            words::NOT_EXPRESSIBLE_BADGE,
        );
        let edit = Edit { defer_quarters: Some(1), ..Edit::default() };
        let many = Scenario {
            projects: (1..=301).map(|id| ProjectEdit { id, edit: edit.clone() }).collect(),
            ..Scenario::default()
        };
        check_not_carried(
            &many,
            "“scenario=too-large” means the scenario was too large for a link when it was copied, so the link does not carry it and the paper is shown; ask the sender for the scenario as a file (JSON).",
            words::TOO_LARGE_BADGE,
        );
        assert_eq!(fit_badge(&Fit::Exact), None);
        assert_eq!(fit_badge(&Fit::NotExpressible).map(|l| l.get(Lang::Zh)), Some("此情景無法放入連結"));
    }

    /// A link edited by hand that holds a marker and other scenario pairs: the pairs
    /// apply, on the paper's figures, and the notice says so rather than that the
    /// paper is shown.
    #[test]
    fn a_marker_beside_other_settings_says_they_are_applied() {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let (decoded, _) = open_link("#scenario=too-large&cost=10", &data);
        assert_eq!(decoded.scenario.cost_change_pct, rust_decimal::Decimal::TEN);
        check_opened(
            "#view=risk&lang=en&scenario=too-large&cost=10",
            &[(
                "“scenario=too-large” means the scenario was too large for a link when it was copied, so the link does not carry it whole: only the link's other settings are applied, on the paper's figures, and the rest of the scenario is missing; ask the sender for the scenario as a file (JSON).",
                "「scenario=too-large」表示複製連結時的情景太大，連結沒有包含完整的情景：現只在文件的數字上套用了連結中的其他設定，情景的其餘部分並不在連結中。請向寄件人索取情景檔案（JSON）。",
            )],
        );
        check_opened(
            "#view=risk&lang=en&p=17:d2&scenario=not-expressible",
            &[(
                "“scenario=not-expressible” marks a scenario holding a value a link cannot carry (one read from a file), so the link does not carry it whole: only the link's other settings are applied, on the paper's figures, and the rest of the scenario is missing; ask the sender for the scenario as a file (JSON).",
                "「scenario=not-expressible」表示複製連結時的情景含有連結無法表達的設定（例如由檔案匯入的數值），連結沒有包含完整的情景：現只在文件的數字上套用了連結中的其他設定，情景的其餘部分並不在連結中。請向寄件人索取情景檔案（JSON）。",
            )],
        );
        // Other pairs none of which could be used leave the paper shown.
        check_opened(
            "#view=risk&lang=en&scenario=too-large&cost=abc",
            &[
                (
                    "“scenario=too-large” means the scenario was too large for a link when it was copied, so the link does not carry it and the paper is shown; ask the sender for the scenario as a file (JSON).",
                    "「scenario=too-large」表示複製連結時的情景太大，連結沒有包含該情景；現顯示文件的數字。請向寄件人索取情景檔案（JSON）。",
                ),
                ("“cost=abc” is not a number.", "「cost=abc」不是數字。"),
            ],
        );
    }

    #[test]
    fn a_screens_pair_the_app_cannot_use_is_named() {
        check_opened(
            "#view=projects&lang=en&changed=1&sort=budget&dir=desc&dsort=share&ddir=asc&slide=2&ids=14,15",
            &[],
        );
        check_opened(
            "#view=projects&lang=en&changed=2&sort=bogus&dir=sideways",
            &[
                (
                    "“changed=2” is not 1, the one value it takes; it was ignored.",
                    "「changed=2」不是可用的值（只可以是 1），已略過。",
                ),
                (
                    "“sort=bogus” is not one of the values it takes (id, dept, name, theme, budget, start, done, dur); it was ignored.",
                    "「sort=bogus」不是可用的值（只可以是 id、dept、name、theme、budget、start、done、dur），已略過。",
                ),
                (
                    "“dir=sideways” is not one of the values it takes (asc, desc); it was ignored.",
                    "「dir=sideways」不是可用的值（只可以是 asc、desc），已略過。",
                ),
            ],
        );
        check_opened(
            "#view=departments&lang=en&dsort=size&ddir=up",
            &[
                (
                    "“dsort=size” is not one of the values it takes (order, name, projects, budget, share); it was ignored.",
                    "「dsort=size」不是可用的值（只可以是 order、name、projects、budget、share），已略過。",
                ),
                (
                    "“ddir=up” is not one of the values it takes (asc, desc); it was ignored.",
                    "「ddir=up」不是可用的值（只可以是 asc、desc），已略過。",
                ),
            ],
        );
        check_opened(
            "#view=present&lang=en&slide=abc&slide=0&slide=99999",
            &[
                (
                    "“slide=abc” is not a slide number (a whole number from 1); it was ignored, and the presenter view shows the first slide.",
                    "「slide=abc」不是簡報中情景的編號（由 1 起的整數），已略過；簡報模式顯示第一個情景。",
                ),
                (
                    "“slide=0” is not a slide number (a whole number from 1); it was ignored, and the presenter view shows the first slide.",
                    "「slide=0」不是簡報中情景的編號（由 1 起的整數），已略過；簡報模式顯示第一個情景。",
                ),
                (
                    "“slide=99999” is beyond 2,001, the most slides there can be; the presenter view shows the last slide.",
                    "「slide=99999」超過簡報最多可有的 2,001 個情景，簡報模式顯示最後一個情景。",
                ),
                (
                    "“slide” is given 3 times; only the last, slide=99999, was read, and the others were ignored.",
                    "「slide」出現了 3 次，只讀取了最後一個（slide=99999），其餘已略過。",
                ),
            ],
        );
    }

    /// Each table reads its sort by the reading that names what it cannot use: a
    /// value is applied, or named, or is the default written out.
    #[test]
    fn a_sort_is_applied_or_named() {
        use crate::screens::sorting::Sort;
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        for (key, value) in [
            ("sort", "budget"),
            ("sort", " dur "),
            ("sort", "bogus"),
            ("sort", "BUDGET"),
            ("dir", "desc"),
            ("dir", "DESC"),
            ("dsort", "share"),
            ("dsort", "id"),
            ("ddir", "desc"),
            ("ddir", "down"),
        ] {
            let pair = [(key.to_string(), value.to_string())];
            let applied = Sort::<SortKey>::from_params(&pair, PROJECTS_SORT) != Sort::default()
                || Sort::<DepartmentColumn>::from_params(&pair, DEPARTMENTS_SORT) != Sort::default();
            let named = !screen_problems(&pair, &data).is_empty();
            assert!(applied != named, "{key}={value}: applied {applied}, named {named}");
        }
    }

    /// `group=value` on its own in a link: whether the projects table is grouped by
    /// department, and what the link's notice says of it (English, then Chinese).
    #[track_caller]
    fn check_group(value: &str, expected: (bool, Option<(&str, &str)>)) {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let pair = [(GROUP_KEY.to_string(), value.to_string())];
        let words: Vec<(String, String)> =
            screen_problems(&pair, &data).iter().map(problem_text).map(|w| (w.en, w.zh)).collect();
        let expected_words: Vec<(String, String)> =
            expected.1.iter().map(|(en, zh)| (en.to_string(), zh.to_string())).collect();
        assert_eq!((table::is_grouped(&pair), words), (expected.0, expected_words), "group={value}");
    }

    #[test]
    fn a_grouping_is_applied_or_named() {
        check_group("1", (true, None));
        check_group(" 1 ", (true, None));
        check_group("", (false, None));
        check_group(
            "2",
            (
                false,
                Some((
                    "“group=2” is not 1, the one value it takes; it was ignored.",
                    "「group=2」不是可用的值（只可以是 1），已略過。",
                )),
            ),
        );
        check_group(
            "yes",
            (
                false,
                Some((
                    "“group=yes” is not 1, the one value it takes; it was ignored.",
                    "「group=yes」不是可用的值（只可以是 1），已略過。",
                )),
            ),
        );
        check_group(
            "0",
            (
                false,
                Some((
                    "“group=0” is not 1, the one value it takes; it was ignored.",
                    "「group=0」不是可用的值（只可以是 1），已略過。",
                )),
            ),
        );
        // Opened with the rest of a link, and changed by hand, it is named like any
        // other screen's pair.
        check_opened(
            "#view=projects&lang=en&group=on&changed=1",
            &[(
                "“group=on” is not 1, the one value it takes; it was ignored.",
                "「group=on」不是可用的值（只可以是 1），已略過。",
            )],
        );
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let had = parse_fragment("#view=projects&group=on");
        let changed = |text: &str| -> Vec<String> {
            changed_address_problems(text, &had, &data).iter().map(|p| problem_text(p).en).collect()
        };
        assert_eq!(changed("#view=departments&lang=en&group=on"), Vec::<String>::new());
        assert_eq!(
            changed("#view=projects&lang=en&group=x"),
            ["“group=x” is not 1, the one value it takes; it was ignored."]
        );
    }

    /// The app writes back the screens' pairs of the address it opened, not the
    /// scenario's (written from the scenario), the shell's (written from the view
    /// and language) or a pair no reader knows (named once, by the link's notice).
    #[test]
    fn the_address_written_back_keeps_only_the_screens_pairs() {
        let kept = |text: &str| -> Vec<String> {
            screen_params(&parse_fragment(text), &Dataset::paper().unwrap_or_else(|_| Dataset::empty()))
                .iter()
                .map(|(key, value)| format!("{key}={value}"))
                .collect()
        };
        assert_eq!(
            kept("#view=projects&lang=en&cost=10&dept=5&bogus=1&q=%E9%9B%BB&x=&sort=dept&slide=2"),
            ["dept=5", "q=電", "sort=dept", "slide=2"]
        );
        let unknown = (0..4_000).map(|n| format!("k{n}=v")).collect::<Vec<_>>().join("&");
        assert_eq!(kept(&format!("#view=risk&{unknown}")), Vec::<String>::new());
    }

    #[test]
    fn an_address_changed_by_hand_names_only_what_changed() {
        let data = Dataset::paper().unwrap_or_else(|_| Dataset::empty());
        let had = parse_fragment("#view=risk&dept=999&cost=10");
        let words = |text: &str| -> Vec<String> {
            changed_address_problems(text, &had, &data).iter().map(|p| problem_text(p).en).collect()
        };
        // A change of screen keeps the filters the app had: nothing is said again.
        assert_eq!(words("#view=projects&lang=en&cost=10&dept=999"), Vec::<String>::new());
        assert_eq!(
            words("#view=bogus&lang=en&cost=10&dept=999&theme=x"),
            [
                "“view=bogus” is not a screen of blockvote; the overview is shown.",
                "“theme=x” is not a name blockvote knows."
            ]
        );
        // A sort or a slide the app had is not said again; one changed by hand is.
        let had = parse_fragment("#view=present&sort=bogus&slide=0");
        let words = |text: &str| -> Vec<String> {
            changed_address_problems(text, &had, &data).iter().map(|p| problem_text(p).en).collect()
        };
        assert_eq!(words("#view=projects&lang=en&sort=bogus&slide=0"), Vec::<String>::new());
        assert_eq!(
            words("#view=present&lang=en&sort=bogus&slide=x&dir=up&changed=2"),
            [
                "“slide=x” is not a slide number (a whole number from 1); it was ignored, and the presenter view shows the first slide.",
                "“dir=up” is not one of the values it takes (asc, desc); it was ignored.",
                "“changed=2” is not 1, the one value it takes; it was ignored.",
            ]
        );
    }

    #[test]
    fn a_scenario_too_large_for_a_link_says_so_and_why() {
        assert_eq!(fit_text(&Fit::Exact), None);
        let long = fit_text(&Fit::TooLarge { chars: 40_000, items: 301 }).unwrap_or_else(|| Bilingual::new("", ""));
        assert_eq!(
            long.en,
            "This scenario is too large for a link: 40,000 characters and up to 301 edits of one kind, where a link holds at most 32,512 characters and 300 edits of each kind. The address bar does not hold it; share it as a scenario file (JSON) instead."
        );
        assert!(long.zh.contains("情景檔案（JSON）"));
        assert!(fit_text(&Fit::NotExpressible).is_some_and(|t| t.en.contains("cannot express")));
    }

    #[test]
    fn the_file_offered_instead_of_a_link_imports_as_the_scenario() {
        let scenario = Scenario { cost_change_pct: rust_decimal::Decimal::TEN, ..Scenario::default() };
        let simulation = SimulationChoices { runs: 500, ..SimulationChoices::with_seed(7) };
        let text = scenario_file(&scenario, Some(&simulation));
        let store = blockvote_model::saved::decode(&text, blockvote_model::nfc::nfc).unwrap_or_default();
        let shared: Vec<(&str, &Scenario, Option<&SimulationChoices>)> =
            store.scenarios.iter().map(|s| (s.name.as_str(), &s.scenario, s.simulation.as_ref())).collect();
        assert_eq!(shared, vec![(SHARED_SCENARIO_NAME, &scenario, Some(&simulation))]);
        // And a scenario that fits is the same through its link.
        let (decoded, _) = decode(&write(&scenario, Some(&simulation)).pairs);
        assert_eq!((decoded.scenario, decoded.simulation), (scenario, Some(simulation)));
    }
}
