//! The filters of the projects table, read from the address (`q`, `dept`, `theme`,
//! `start`, `done`, `min`, `max`, `ids`, `changed`), and what they select. The
//! Departments screen follows the same filters, so a finding's link ("the 35 at
//! HK$9.9M") narrows both screens alike; [`describe`] says in words which filters
//! apply, for the screen that did not set them.

use crate::fields::{money_in, FieldError};
use crate::format::{money_with_unit, quarter_text, year_text};
use crate::lang::{l, Label, Lang};
use crate::route::{fragment_for, param, View};
use crate::words::{department_name, theme_text};
use blockvote_model::engine::Projection;
use blockvote_model::entry::{self, EntryError};
use blockvote_model::exports::project_changed;
use blockvote_model::link::{LinkProblem, LinkReason, MAX_NAMED_ABSENT};
use blockvote_model::load::normalize_text;
use blockvote_model::money::MAX_INPUT_MILLIONS;
use blockvote_model::nfc::Normalizer;
use blockvote_model::order::SortedSet;
use blockvote_model::{Dataset, FiscalQuarter, FiscalYear, Money, Project, Theme};

/// The address keys of the filters, cleared together by "clear filters".
pub const FILTER_KEYS: [&str; 9] = ["q", "dept", "theme", "start", "done", "min", "max", "ids", "changed"];

/// The most numbers an `ids=` list is read for; those after them in a longer
/// hand-made link are not read, and are counted among the link's problems.
pub const MAX_IDS: usize = 2_000;

/// Reads a budget bound (`min=`, `max=`) in HK$ millions, from 0 to
/// [`MAX_INPUT_MILLIONS`], as every amount field and a link's amounts are read
/// (`entry::amount_in`: full-width digits as ASCII, whole dollars at the finest);
/// empty means "no bound". The one reading of a bound, for the table
/// ([`Filters::from_params`]) and the link's problems ([`Offered::problems`]);
/// [`parse_bound`] reads the field the same way, through the amount fields' reader.
fn read_bound(text: &str) -> Result<Option<Money>, EntryError<Money>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    entry::amount_in(text, Money::ZERO, Money::from_whole_millions(MAX_INPUT_MILLIONS)).map(Some)
}

/// Reads a budget bound typed in HK$ millions, as every amount field does (the same
/// refusals in the same words, `10%` included): empty means "no bound". A refusal
/// says that the table keeps the bound it had before the typing.
pub fn parse_bound(text: &str) -> Result<Option<Money>, FieldError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    money_in(text, Money::ZERO, Money::from_whole_millions(MAX_INPUT_MILLIONS)).map(Some).map_err(|error| {
        FieldError::new(
            format!("{}。表格仍沿用輸入前的數值。", error.get(Lang::Zh)),
            format!("{}. The table keeps the bound it had before this typing.", error.get(Lang::En)),
        )
    })
}

/// Why a link's budget bound is not applied, as its problem says it
/// ([`LinkReason::refused_entry`], with the range a bound takes).
fn bound_reason(error: EntryError<Money>) -> LinkReason {
    LinkReason::refused_entry(error, "0", &MAX_INPUT_MILLIONS.to_string())
}

/// Reads `theme=`: one of para 7's themes by its key, or none for an empty value; any
/// other value is named. The one reading, for the table and for the link's problems.
pub fn parse_theme(value: &str) -> Result<Option<Theme>, LinkReason> {
    let text = value.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Theme::from_key(text).map(Some).ok_or(LinkReason::UnknownName)
}

/// An `ids=` list as read: the numbers it selects, and how much of it was not read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ids {
    /// The project numbers among its first [`MAX_IDS`] numbers.
    pub ids: SortedSet<u16>,
    /// How many items are not project numbers (a word, a number above 65535 …).
    pub not_numbers: usize,
    /// How many numbers come after the first [`MAX_IDS`], which are not read.
    pub beyond: usize,
}

/// Reads `ids=14,15` (spaces and empty items ignored; at most [`MAX_IDS`] numbers),
/// counting what it does not read: the one reading of the list, so the table and the
/// link's problems never disagree about which items applied.
pub fn parse_ids(text: &str) -> Ids {
    let mut numbers = Vec::new();
    let mut read = Ids::default();
    for item in text.split([',', ' ']).map(str::trim).filter(|item| !item.is_empty()) {
        match item.parse::<u16>() {
            Err(_) => read.not_numbers = read.not_numbers.saturating_add(1),
            Ok(_) if numbers.len() >= MAX_IDS => read.beyond = read.beyond.saturating_add(1),
            Ok(id) => numbers.push(id),
        }
    }
    read.ids = blockvote_model::order::set_of(numbers);
    read
}

/// The value of `changed=` that shows only the projects the scenario changes, as the
/// control writes it.
pub const CHANGED_ONLY_VALUE: &str = "1";

/// The most characters of a search: what the search field takes (its `maxlength`),
/// what a link's `q=` is read to and what the address writes back. Longer, a pasted
/// text was written whole into the address, which the link reader then refused
/// (audit 22: 60,000 characters, and a reload named the app's own address as a bad
/// link). No project's name is near it.
pub const MAX_SEARCH_CHARS: usize = 200;

/// A search as far as it is read: its first [`MAX_SEARCH_CHARS`] characters.
pub fn search_as_read(text: &str) -> &str {
    // A text of at most MAX_SEARCH_CHARS characters is kept whole; `end` is a character's
    // start, so the cut never fails and the whole text is never what it falls back to.
    text.char_indices().nth(MAX_SEARCH_CHARS).map_or(text, |(end, _)| text.get(..end).unwrap_or(text))
}

/// A search as the box shows it and the link keeps it: as far as it is read, without
/// control characters (a link's `%00`, a line break), which no member can see or type
/// in the box and which match no name; its spaces are kept while the member types.
pub fn search_shown(text: &str) -> String {
    search_as_read(text).replace(char::is_control, "")
}

/// Reads `changed=`: [`CHANGED_ONLY_VALUE`] for only the projects the scenario
/// changes, an empty value for all of them; any other value is named, with what the
/// key takes, and shows all of them. The one reading, for the table and for the
/// link's problems.
pub fn parse_changed(value: &str) -> Result<bool, LinkReason> {
    match value.trim() {
        "" => Ok(false),
        CHANGED_ONLY_VALUE => Ok(true),
        _ => Err(LinkReason::NotOneOf { accepted: vec![CHANGED_ONLY_VALUE] }),
    }
}

/// The filter pairs of an opened link that [`Filters::from_params`] cannot use, each
/// with why, for the link's problems (the table shows what applies; these say what
/// did not): a department, theme, quarter or year `data` does not have, a bound that
/// is not an amount, items of a list that are not read. An empty value is no filter,
/// as the controls write it. At most two problems per pair, so a link's length bounds
/// them.
pub fn filter_problems(params: &[(String, String)], data: &Dataset) -> Vec<LinkProblem> {
    let offered = Offered::of(data);
    params
        .iter()
        .flat_map(|(key, value)| offered.problems(key, value).into_iter().map(|why| LinkProblem::new(key, value, why)))
        .collect()
}

/// What the data offers the filters, looked up once per dataset: the table reads its
/// filters through it on every change of the address, and a link's pairs are checked
/// through it, however many there are. Its readers are the one reading of the filters
/// that depend on the data, for [`Filters::from_params`] and for
/// [`Offered::problems`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Offered {
    /// The projects' numbers.
    projects: SortedSet<u16>,
    /// The departments' numbers (`Department::order`), in the dataset's order.
    departments: Vec<u16>,
    starts: SortedSet<FiscalQuarter>,
    years: SortedSet<FiscalYear>,
}

impl Offered {
    /// What `data` offers.
    pub fn of(data: &Dataset) -> Offered {
        Offered {
            projects: blockvote_model::order::set_of(data.projects.iter().map(|p| p.id)),
            departments: data.departments.iter().map(|d| d.order).collect(),
            starts: blockvote_model::order::set_of(data.projects.iter().map(|p| p.start)),
            years: blockvote_model::order::set_of(data.projects.iter().map(|p| p.completion.year())),
        }
    }

    /// Reads `dept=`, a department's number: its index in `Dataset::departments` (the
    /// first with that number), none for an empty value, or why it is not used.
    pub fn parse_department(&self, value: &str) -> Result<Option<usize>, LinkReason> {
        let text = value.trim();
        if text.is_empty() {
            return Ok(None);
        }
        // Read as the model reads a department's number in a link (`g=dept.N`): a whole
        // number too large for one (`dept=999999`) names a department the data does
        // not have, as `dept=99` does, rather than "not a number" (audit 19).
        let order = blockvote_model::link::read_id::<u16>(text, |number| LinkReason::NoSuchDepartment { number })?;
        match self.departments.iter().position(|d| *d == order) {
            Some(index) => Ok(Some(index)),
            None => Err(LinkReason::NoSuchDepartment { number: order.to_string() }),
        }
    }

    /// Reads `start=`, a quarter some project starts in; none for an empty value, or
    /// why it is not used.
    pub fn parse_start(&self, value: &str) -> Result<Option<FiscalQuarter>, LinkReason> {
        if value.trim().is_empty() {
            return Ok(None);
        }
        let quarter = FiscalQuarter::parse(value).map_err(|_| LinkReason::NotAQuarter)?;
        if self.starts.contains(&quarter) {
            Ok(Some(quarter))
        } else {
            Err(LinkReason::NoProjectStarts)
        }
    }

    /// Reads `done=`, a financial year some project completes in; none for an empty
    /// value, or why it is not used.
    pub fn parse_done(&self, value: &str) -> Result<Option<FiscalYear>, LinkReason> {
        if value.trim().is_empty() {
            return Ok(None);
        }
        let year = FiscalYear::parse(value).map_err(|_| LinkReason::NotAYear)?;
        if self.years.contains(&year) {
            Ok(Some(year))
        } else {
            Err(LinkReason::NoProjectCompletes)
        }
    }

    /// Why the filter `key=value` is not applied, or not wholly, if it is not: each
    /// key's reader, the one [`Filters::from_params`] applies. Empty for a key that is
    /// no filter, and for the search (`q=`), which any text is.
    pub fn problems(&self, key: &str, value: &str) -> Vec<LinkReason> {
        let why = match key {
            "ids" => {
                let read = parse_ids(value);
                let not_numbers =
                    (read.not_numbers > 0).then_some(LinkReason::NotProjectNumbers { count: read.not_numbers });
                let beyond =
                    (read.beyond > 0).then_some(LinkReason::NumbersBeyond { max: MAX_IDS, count: read.beyond });
                // The numbers no project has: the first few named, the rest counted.
                let mut absent = read.ids.iter().filter(|id| !self.projects.contains(id)).copied();
                let named: Vec<u16> = absent.by_ref().take(MAX_NAMED_ABSENT).collect();
                let more = absent.count();
                let no_such = (!named.is_empty()).then_some(LinkReason::NoSuchProjects { ids: named, more });
                return not_numbers.into_iter().chain(no_such).chain(beyond).collect();
            }
            "dept" => self.parse_department(value).err(),
            "theme" => parse_theme(value).err(),
            "start" => self.parse_start(value).err(),
            "done" => self.parse_done(value).err(),
            "changed" => parse_changed(value).err(),
            "min" | "max" => read_bound(value).err().map(bound_reason),
            "q" => (search_as_read(value).len() < value.len())
                .then_some(LinkReason::LongerThanRead { max: MAX_SEARCH_CHARS }),
            _ => None,
        };
        why.into_iter().collect()
    }
}

/// The address's filter pairs, for a link that keeps the filters (and nothing of the
/// scenario, which a link without scenario pairs leaves as it is).
pub fn filter_params(params: &[(String, String)]) -> Vec<(String, String)> {
    params.iter().filter(|(k, _)| FILTER_KEYS.contains(&k.as_str())).cloned().collect()
}

/// The link to `view` with the address's filters.
pub fn link_with_filters(view: View, params: &[(String, String)], lang: Lang) -> String {
    fragment_for(view, lang, &filter_params(params))
}

/// The link to the projects table showing exactly `ids`.
pub fn ids_link(ids: &[u16], lang: Lang) -> String {
    fragment_for(View::Projects, lang, &[("ids".to_string(), ids_param(ids))])
}

/// The `ids=` value for a list of project numbers.
pub fn ids_param(ids: &[u16]) -> String {
    ids.iter().map(u16::to_string).collect::<Vec<_>>().join(",")
}

/// Unicode lower case, passed in by the caller like the model's NFC `Normalizer`: the
/// shell passes the browser's `toLowerCase()`, so the wasm carries no case tables;
/// natively it is `str::to_lowercase`. The search folds a member's words and the
/// projects' names (an imported file's may have any letters) with it.
pub type Lowercase = fn(&str) -> String;

/// Text and its lower case, which every [`Lowercase`] passed in must agree on: checked
/// for `str::to_lowercase` natively (below) and for the browser's in the browser
/// (`tests/web_saved.rs`).
pub const LOWERCASE_EXAMPLES: [(&str, &str); 5] = [
    ("SECURITY Upgrade", "security upgrade"),
    ("\u{c9}COLE \u{dc}nion", "\u{e9}cole \u{fc}nion"),
    // A final capital sigma becomes the final small sigma.
    ("\u{39f}\u{394}\u{39f}\u{3a3}", "\u{3bf}\u{3b4}\u{3bf}\u{3c2}"),
    // A capital I with a dot above becomes i and a combining dot.
    ("\u{130}", "i\u{307}"),
    ("保安 IT", "保安 it"),
];

/// The filters in force. A value the data does not offer (an unknown department, a
/// quarter no project starts in) is ignored, so what the controls show is what applies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// The search as typed (for the words), and its NFC-normalised, lower-cased terms;
    /// every term must occur.
    pub query: String,
    pub terms: Vec<String>,
    /// Index into `Dataset::departments`.
    pub department: Option<usize>,
    pub theme: Option<Theme>,
    pub start: Option<FiscalQuarter>,
    pub done: Option<FiscalYear>,
    pub min: Option<Money>,
    pub max: Option<Money>,
    pub ids: Option<SortedSet<u16>>,
    /// Only the projects the scenario changes.
    pub changed_only: bool,
}

impl Filters {
    /// The filters an address's `params` name, each read by its one reader (a value a
    /// reader refuses is no filter, and is named among a link's problems by
    /// [`Offered::problems`]); `offered` is what the data shown offers. The search is
    /// made NFC by `normalize` and lower case by `lowercase`.
    pub fn from_params(
        params: &[(String, String)],
        offered: &Offered,
        normalize: Normalizer,
        lowercase: Lowercase,
    ) -> Filters {
        let get = |key| param(params, key);
        // No `q=`: no search. The box, the link and the filter's description show what
        // is searched (`search_shown`).
        let query = get("q").map(|q| search_shown(&q).trim().to_string());
        let query = query.unwrap_or_default();
        let terms = lowercase(&normalize_text(&query, normalize)).split_whitespace().map(str::to_string).collect();
        let department = get("dept").and_then(|v| offered.parse_department(&v).ok().flatten());
        let theme = get("theme").and_then(|v| parse_theme(&v).ok().flatten());
        let start = get("start").and_then(|v| offered.parse_start(&v).ok().flatten());
        let done = get("done").and_then(|v| offered.parse_done(&v).ok().flatten());
        let min = get("min").and_then(|v| read_bound(&v).ok().flatten());
        let max = get("max").and_then(|v| read_bound(&v).ok().flatten());
        // A list that names no project of the data is not applied, as any other filter
        // whose value the data does not offer (`dept=99`): an empty table would read
        // as missing data (audit 19: `ids=0` showed no project, `ids=abc` all 254).
        let ids =
            get("ids").map(|v| parse_ids(&v).ids).filter(|ids| ids.iter().any(|id| offered.projects.contains(id)));
        let changed_only = get("changed").is_some_and(|v| parse_changed(&v).unwrap_or(false));
        Filters { query, terms, department, theme, start, done, min, max, ids, changed_only }
    }

    /// Whether any filter narrows the table.
    pub fn is_active(&self) -> bool {
        *self != Filters::default()
    }

    /// Whether the lower budget bound is above the upper one, so nothing can match.
    pub fn crossed(&self) -> bool {
        matches!((self.min, self.max), (Some(min), Some(max)) if min > max)
    }

    /// `haystack` is the project's search text from [`SearchIndex`]; `changed` the ids
    /// the scenario changes.
    pub fn matches(&self, project: &Project, haystack: &str, changed: &SortedSet<u16>) -> bool {
        self.terms.iter().all(|t| haystack.contains(t.as_str()))
            && self.department.is_none_or(|d| project.department == d)
            && self.theme.is_none_or(|t| project.theme == t)
            && self.start.is_none_or(|q| project.start == q)
            && self.done.is_none_or(|y| project.completion.year() == y)
            && self.min.is_none_or(|m| project.budget >= m)
            && self.max.is_none_or(|m| project.budget <= m)
            && self.ids.as_ref().is_none_or(|ids| ids.contains(&project.id))
            && (!self.changed_only || changed.contains(&project.id))
    }
}

/// The ids of the projects a scenario changes, by the model's one rule
/// (`exports::project_changed`: left out, or a budget, start or completion that differs
/// from the paper's), whether by the project's own lever, a group lever or the cap. The
/// rows' badges, `changed=1`, the brief and the comparison count by the same rule.
pub fn changed_ids(projection: Option<&Projection>) -> SortedSet<u16> {
    let Some(projection) = projection else { return SortedSet::new() };
    blockvote_model::order::set_of(projection.projects.iter().filter(|o| project_changed(o)).map(|o| o.id))
}

/// Per-project text for search and sorting, built once per dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    /// Lower-cased Chinese and English names (NFC, as the loader keeps every name).
    pub haystacks: Vec<String>,
    /// Lower-cased English names, for sorting.
    pub names_en: Vec<String>,
}

impl SearchIndex {
    /// The index of `data`'s projects, lower case by `lowercase`.
    pub fn new(data: &Dataset, lowercase: Lowercase) -> SearchIndex {
        SearchIndex {
            haystacks: data.projects.iter().map(|p| lowercase(&format!("{}\n{}", p.name_zh, p.name_en))).collect(),
            names_en: data.projects.iter().map(|p| lowercase(&p.name_en)).collect(),
        }
    }
}

/// The indices (into `Dataset::projects`, in the dataset's order) of the projects the
/// filters select.
pub fn selected(data: &Dataset, index: &SearchIndex, filters: &Filters, changed: &SortedSet<u16>) -> Vec<usize> {
    data.projects
        .iter()
        .enumerate()
        .filter(|(i, p)| filters.matches(p, index.haystacks.get(*i).map(String::as_str).unwrap_or(""), changed))
        .map(|(i, _)| i)
        .collect()
}

/// Each filter in force, in words: `search “保安”`, `theme (e) Strengthening IT
/// security`, `the 35 project numbers chosen by a link` …
pub fn describe(filters: &Filters, data: &Dataset, lang: Lang) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let mut words = Vec::new();
    if !filters.terms.is_empty() {
        words.push(if zh {
            format!("搜尋「{}」", filters.query)
        } else {
            format!("search “{}”", filters.query)
        });
    }
    if let Some(department) = filters.department {
        let name = department_name(data, department, lang);
        words.push(if zh { format!("部門：{name}") } else { format!("department: {name}") });
    }
    if let Some(theme) = filters.theme {
        let name = theme_text(theme, lang);
        words.push(if zh { format!("主題：{name}") } else { format!("theme: {name}") });
    }
    if let Some(start) = filters.start {
        let quarter = quarter_text(start, lang);
        words.push(if zh { format!("{quarter}開展") } else { format!("starting {quarter}") });
    }
    if let Some(done) = filters.done {
        let year = year_text(done, lang);
        words.push(if zh { format!("{year}完成") } else { format!("completing in {year}") });
    }
    if let Some(min) = filters.min {
        let amount = money_with_unit(min, lang);
        words.push(if zh { format!("預算不少於 {amount}") } else { format!("budget at least {amount}") });
    }
    if let Some(max) = filters.max {
        let amount = money_with_unit(max, lang);
        words.push(if zh { format!("預算不多於 {amount}") } else { format!("budget at most {amount}") });
    }
    if let Some(ids) = &filters.ids {
        let n = ids.len();
        words.push(if zh {
            format!("連結所選的 {n} 個編號")
        } else {
            format!("the {n} project numbers chosen by a link")
        });
    }
    if filters.changed_only {
        words.push(CHANGED_ONLY.get(lang).to_string());
    }
    words
}

/// The words of the "only changed projects" filter.
pub const CHANGED_ONLY: Label = l("只顯示情景已改動的項目", "Only projects the scenario changes");

/// The note under the filters when an `ids=` link chose the rows: which numbers.
pub fn ids_note(ids: &SortedSet<u16>, lang: Lang) -> String {
    let n = ids.len();
    let list = ids.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
    match lang {
        Lang::Zh => format!("只顯示連結所選的 {n} 個編號：{list}"),
        Lang::En => format!("Only the {n} project numbers chosen by a link: {list}"),
    }
}

/// An option of a filter's `<select>`: the address value and the words.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FilterOption {
    pub value: String,
    pub text: String,
}

/// The departments, in the paper's order, with their number of projects.
pub fn department_options(data: &Dataset, lang: Lang) -> Vec<FilterOption> {
    data.departments
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let count = data.projects.iter().filter(|p| p.department == i).count();
            FilterOption { value: d.order.to_string(), text: format!("{} ({count})", department_name(data, i, lang)) }
        })
        .collect()
}

/// Para 7's themes.
pub fn theme_options(lang: Lang) -> Vec<FilterOption> {
    Theme::ALL.into_iter().map(|t| FilterOption { value: t.key().to_string(), text: theme_text(t, lang) }).collect()
}

/// The quarters some project starts in.
pub fn start_options(data: &Dataset, lang: Lang) -> Vec<FilterOption> {
    let starts = blockvote_model::order::set_of(data.projects.iter().map(|p| p.start));
    starts.into_iter().map(|q| FilterOption { value: q.label(), text: quarter_text(q, lang) }).collect()
}

/// The years some project completes in.
pub fn done_options(data: &Dataset, lang: Lang) -> Vec<FilterOption> {
    let years = blockvote_model::order::set_of(data.projects.iter().map(|p| p.completion.year()));
    years.into_iter().map(|y| FilterOption { value: y.label(), text: year_text(y, lang) }).collect()
}

/// The filters' values as the controls show them (the address value of each select,
/// `None` for "all").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ControlValues {
    pub department: Option<String>,
    pub theme: Option<String>,
    pub start: Option<String>,
    pub done: Option<String>,
}

impl ControlValues {
    pub fn of(filters: &Filters, data: &Dataset) -> ControlValues {
        ControlValues {
            department: filters.department.and_then(|i| data.departments.get(i)).map(|d| d.order.to_string()),
            theme: filters.theme.map(|t| t.key().to_string()),
            start: filters.start.map(|q| q.label()),
            done: filters.done.map(|y| y.label()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::nfc::nfc;

    fn paper() -> Dataset {
        Dataset::paper().unwrap_or_else(|_| Dataset::empty())
    }

    fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_native_lowercase_gives_every_example() {
        for (input, expected) in LOWERCASE_EXAMPLES {
            assert_eq!(input.to_lowercase(), expected, "lower case of {input:?}");
        }
    }

    /// A search typed with a compatibility ideograph (or any text not in NFC) looks for
    /// what the same words typed in NFC do.
    #[test]
    fn a_search_is_normalised_before_it_is_matched() {
        let data = paper();
        let terms = |query: &str| {
            Filters::from_params(&params(&[("q", query)]), &Offered::of(&data), nfc, str::to_lowercase).terms
        };
        assert_eq!(terms("管\u{F9E4} CAFE\u{301}"), vec!["管理".to_string(), "caf\u{e9}".to_string()]);
    }

    /// The filters of an address, in words, and how many projects they select.
    #[track_caller]
    fn check(pairs: &[(&str, &str)], lang: Lang, expected: &str) {
        let data = paper();
        let filters = Filters::from_params(&params(pairs), &Offered::of(&data), nfc, str::to_lowercase);
        let count = selected(
            &data,
            &SearchIndex::new(&data, str::to_lowercase),
            &filters,
            &blockvote_model::order::set_of([17]),
        )
        .len();
        assert_eq!(format!("{count}: {}", describe(&filters, &data, lang).join("; ")), expected);
    }

    #[test]
    fn filters_select_and_say_what_they_select() {
        check(&[], Lang::En, "254: ");
        check(&[("q", "保安")], Lang::Zh, "41: 搜尋「保安」");
        check(&[("q", "保\u{0}安\n")], Lang::Zh, "41: 搜尋「保安」");
        check(&[("q", "SECUR")], Lang::En, "41: search “SECUR”");
        check(&[("q", "security upgrade")], Lang::En, "8: search “security upgrade”");
        check(&[("ids", "14, x, 15,,")], Lang::En, "2: the 2 project numbers chosen by a link");
        check(&[("min", "9.9"), ("max", "10")], Lang::En, "35: budget at least HK$9.9M; budget at most HK$10.0M");
        check(&[("theme", "it_security")], Lang::Zh, "45: 主題：(e) 加強資訊科技保安");
        check(
            &[("dept", "1"), ("start", "2018-19 Q2")],
            Lang::En,
            "1: department: Administration Wing; starting 2018-19 Q2",
        );
        check(&[("done", "2018-19")], Lang::Zh, "37: 2018-19 年度完成");
        check(&[("changed", "1")], Lang::En, "1: Only projects the scenario changes");
        // What the data does not offer is ignored, so the controls show what applies.
        check(&[("dept", "999"), ("start", "2030-31 Q1"), ("theme", "x"), ("min", "abc")], Lang::En, "254: ");
    }

    /// A link's filter pairs the table cannot use, in English, and in any case that a
    /// filter without a problem is applied and one with a problem is not.
    #[track_caller]
    fn check_problems(pairs: &[(&str, &str)], expected: &[&str]) {
        let data = paper();
        let words: Vec<String> =
            filter_problems(&params(pairs), &data).iter().map(|p| crate::links::problem_text(p).en).collect();
        assert_eq!(words, expected, "{pairs:?}");
        for (key, value) in pairs {
            let applied =
                Filters::from_params(&params(&[(key, value)]), &Offered::of(&data), nfc, str::to_lowercase).is_active();
            let refused = !filter_problems(&params(&[(key, value)]), &data).is_empty();
            assert!(!(applied && refused), "{key}={value} is applied and refused");
            assert!(applied || refused || value.trim().is_empty(), "{key}={value} is ignored without a word");
        }
    }

    /// `ids=` applies the numbers it holds and names the items that are not numbers.
    #[test]
    fn items_of_a_numbers_filter_that_are_not_numbers_are_named() {
        let data = paper();
        let check = |value: &str, expected: &[&str]| {
            let problems = filter_problems(&params(&[("ids", value)]), &data);
            let words: Vec<String> = problems
                .iter()
                .flat_map(|p| {
                    let text = crate::links::problem_text(p);
                    [text.en, text.zh]
                })
                .collect();
            assert_eq!(words, expected, "ids={value}");
        };
        check("14, 15", &[]);
        check(
            "14, x, 15,,",
            &[
                "“ids=14, x, 15,,” holds 1 item that is not a project number; it was ignored.",
                "「ids=14, x, 15,,」有 1 項不是項目編號，已略過。",
            ],
        );
        check(
            "abc 99999",
            &[
                "“ids=abc 99999” holds 2 items that are not project numbers; they were ignored.",
                "「ids=abc 99999」有 2 項不是項目編號，已略過。",
            ],
        );
        // Numbers after the first MAX_IDS are not read, and said so (they used to be
        // dropped without a word); an item that is not a number is named as well.
        // Numbers the paper's projects have (1 to 254, over and over).
        let numbers = |count: usize| (0..count).map(|i| (i % 254 + 1).to_string()).collect::<Vec<_>>();
        let over = numbers(MAX_IDS + 3).join(",");
        let shown = format!("{}…", over.chars().take(40).collect::<String>());
        check(
            &over,
            &[
                &format!("“ids={shown}” holds 3 more numbers than the 2,000 that are read; they were ignored."),
                &format!("「ids={shown}」比可讀取的 2,000 個編號多出 3 個，多出的已略過。"),
            ],
        );
        let one_over = format!("{},x", numbers(MAX_IDS + 1).join(","));
        let shown = format!("{}…", one_over.chars().take(40).collect::<String>());
        check(
            &one_over,
            &[
                &format!("“ids={shown}” holds 1 item that is not a project number; it was ignored."),
                &format!("「ids={shown}」有 1 項不是項目編號，已略過。"),
                &format!("“ids={shown}” holds 1 more number than the 2,000 that are read; it was ignored."),
                &format!("「ids={shown}」比可讀取的 2,000 個編號多出 1 個，多出的已略過。"),
            ],
        );
        check(&numbers(MAX_IDS).join(","), &[]);
    }

    /// One reading of `ids=` for the table and the link's problems: (numbers selected,
    /// items that are not project numbers, numbers beyond the first MAX_IDS).
    #[track_caller]
    fn check_ids(text: &str, expected: (usize, usize, usize)) {
        let read = parse_ids(text);
        assert_eq!((read.ids.len(), read.not_numbers, read.beyond), expected, "ids={text}");
        let filters = Filters::from_params(&params(&[("ids", text)]), &Offered::of(&paper()), nfc, str::to_lowercase);
        assert_eq!(filters.ids.map_or(0, |ids| ids.len()), expected.0, "ids={text} in the table");
    }

    #[test]
    fn an_ids_list_is_read_once_for_the_table_and_its_problems() {
        check_ids("", (0, 0, 0));
        check_ids("14, x, 15,,", (2, 1, 0));
        check_ids("14 14 , 15", (2, 0, 0));
        // Only commas and spaces separate items: a tab does not.
        check_ids("14\t15", (0, 1, 0));
        check_ids("abc 99999 -1 1.5", (0, 4, 0));
        check_ids(&"7,".repeat(MAX_IDS + 5), (1, 0, 5));
        check_ids(&format!("{}x,y", "7,".repeat(MAX_IDS)), (1, 2, 0));
    }

    #[test]
    fn the_changed_filter_takes_one_value_and_names_any_other() {
        check_problems(&[("changed", "1"), ("changed", " 1 "), ("changed", "")], &[]);
        check_problems(
            &[("changed", "2"), ("changed", "yes")],
            &[
                "“changed=2” is not 1, the one value it takes; it was ignored.",
                "“changed=yes” is not 1, the one value it takes; it was ignored.",
            ],
        );
        let zh: Vec<String> = filter_problems(&params(&[("changed", "0")]), &paper())
            .iter()
            .map(|p| crate::links::problem_text(p).zh)
            .collect();
        assert_eq!(zh, ["「changed=0」不是可用的值（只可以是 1），已略過。"]);
    }

    #[test]
    fn a_filter_the_table_cannot_use_is_named() {
        check_problems(
            &[("dept", "1"), ("theme", "it_security"), ("start", "2018-19 Q2"), ("done", "2019-20"), ("min", "9.9")],
            &[],
        );
        check_problems(&[("q", "保安"), ("max", "10"), ("dept", " "), ("min", "")], &[]);
        check_problems(
            &[("dept", "999"), ("min", "abc"), ("theme", "x"), ("start", "zzz")],
            &[
                "“dept=999” names department 999, which the data shown does not have; it was ignored.",
                "“min=abc” is not a number.",
                "“theme=x” is not a name blockvote knows.",
                "“start=zzz” is not a quarter such as 2018-19 Q2; the filter was not applied.",
            ],
        );
        check_problems(
            &[("dept", "x"), ("max", "-1"), ("done", "soon"), ("start", "2030-31 Q1"), ("done", "2030-31")],
            &[
                "“dept=x” is not a number.",
                "“max=-1” must be between 0 and 1,000,000,000.",
                "“done=soon” is not a financial year such as 2019-20; the filter was not applied.",
                "“start=2030-31 Q1” is a quarter no project in the data shown starts in; the filter was not applied.",
                "“done=2030-31” is a year no project in the data shown completes in; the filter was not applied.",
            ],
        );
        let zh: Vec<String> = filter_problems(&params(&[("dept", "999")]), &paper())
            .iter()
            .map(|p| crate::links::problem_text(p).zh)
            .collect();
        assert_eq!(zh, ["「dept=999」所指的部門 999 不在現時顯示的資料中，已略過。"]);
    }

    /// Each filter is read by one reader for the table and for a link's problems, so a
    /// value is either applied or named, never both and never dropped without a word.
    #[test]
    fn a_filter_value_is_applied_or_named() {
        let data = paper();
        let offered = Offered::of(&data);
        let cases = [
            ("dept", "1"),
            ("dept", " 2 "),
            ("dept", "999"),
            ("dept", "x"),
            ("dept", "-1"),
            ("dept", "65536"),
            ("theme", "it_security"),
            ("theme", " e_government "),
            ("theme", "x"),
            ("theme", "IT_SECURITY"),
            ("start", "2018-19 Q2"),
            ("start", " 2018-19 q2 "),
            ("start", "2030-31 Q1"),
            ("start", "2018-19 Q5"),
            ("start", "zzz"),
            ("done", "2019-20"),
            ("done", "2030-31"),
            ("done", "2019-21"),
            ("done", "soon"),
            ("min", "9.9"),
            ("min", "0"),
            ("min", "-1"),
            ("min", "abc"),
            ("min", "1e9"),
            ("min", "９．９"),
            ("max", " 10 "),
            ("max", "1000000000"),
            ("max", "1000000001"),
            ("max", "x"),
            ("changed", "1"),
            ("changed", "2"),
            ("ids", "14,15"),
            ("ids", "x y"),
        ];
        let mut seen: Vec<(&str, bool)> = Vec::new();
        for (key, value) in cases {
            let pair = params(&[(key, value)]);
            let applied = Filters::from_params(&pair, &offered, nfc, str::to_lowercase).is_active();
            let named = !crate::links::screen_problems(&pair, &data).is_empty();
            assert!(applied != named, "{key}={value}: applied {applied}, named {named}");
            seen.push((key, applied));
        }
        // Every key has a value of each kind among the cases, so none passes by
        // reading everything alike.
        for key in ["dept", "theme", "start", "done", "min", "max", "changed", "ids"] {
            for applied in [true, false] {
                assert!(seen.contains(&(key, applied)), "{key}: no case that is applied {applied}");
            }
        }
        // An empty value is no filter, and nothing to name.
        for key in FILTER_KEYS {
            let pair = params(&[(key, " ")]);
            assert!(!Filters::from_params(&pair, &offered, nfc, str::to_lowercase).is_active(), "{key}= is applied");
            assert_eq!(crate::links::screen_problems(&pair, &data), vec![], "{key}= is named");
        }
    }

    #[test]
    fn bounds_read_like_every_money_field_and_say_the_last_value_stays() {
        let shown = |text: &str| match parse_bound(text) {
            Ok(bound) => format!("{bound:?}"),
            Err(error) => error.get(Lang::En).to_string(),
        };
        assert_eq!(shown(" "), "None");
        assert_eq!(shown("2.5"), "Some(Money(2.5))");
        // Full-width digits from a Chinese input method, as every number field reads them.
        assert_eq!(shown("０５"), "Some(Money(5))");
        assert_eq!(shown("１２．５"), "Some(Money(12.5))");
        assert_eq!(shown("nine"), "Enter a number, e.g. 12.5. The table keeps the bound it had before this typing.");
        assert_eq!(shown("1e9"), "Write the number out in full, not in scientific notation (1000, not 1e3). The table keeps the bound it had before this typing.");
        assert!(shown("-1").starts_with("Must be between 0.0 and"));
        assert!(parse_bound("x").is_err_and(|e| e.get(Lang::Zh).starts_with("請輸入數字")));
        // Finer than a dollar, or a percentage, refused as every amount field refuses it.
        assert_eq!(
            shown("0.1234567"),
            "At most 6 decimals: amounts are in whole dollars. The table keeps the bound it had before this typing."
        );
        assert_eq!(shown("0.1234560"), "Some(Money(0.1234560))");
        assert_eq!(
            shown("10%"),
            "No % here: this field is in HK$M. The table keeps the bound it had before this typing."
        );
        // A link's bound is read the same way, and its refusal named.
        assert_eq!(read_bound("0.1234567").map_err(bound_reason), Err(LinkReason::TooManyDecimals));
    }

    #[test]
    fn an_ids_link_is_bounded_and_noted() {
        let long = (0..10_000).map(|i| i.to_string()).collect::<Vec<_>>().join(",");
        assert_eq!(parse_ids(&long).ids.len(), MAX_IDS);
        assert_eq!(
            ids_note(&blockvote_model::order::set_of([14, 15]), Lang::En),
            "Only the 2 project numbers chosen by a link: 14, 15"
        );
        assert_eq!(ids_param(&[14, 15]), "14,15");
        assert_eq!(ids_link(&[14, 15], Lang::En), "#view=projects&lang=en&ids=14,15");
        let address = params(&[("q", "保安"), ("cost", "10"), ("ids", "1")]);
        assert_eq!(
            link_with_filters(View::Departments, &address, Lang::Zh),
            "#view=departments&lang=zh&q=%E4%BF%9D%E5%AE%89&ids=1"
        );
    }

    #[test]
    fn the_selects_offer_only_what_the_data_has() {
        let data = paper();
        assert_eq!(department_options(&data, Lang::En).len(), 66);
        assert_eq!(
            department_options(&data, Lang::En).first().map(|o| o.text.as_str()),
            Some("Administration Wing (6)")
        );
        assert_eq!(theme_options(Lang::Zh).len(), 5);
        assert!(start_options(&data, Lang::Zh).iter().all(|o| o.text.contains("年度第")));
        let filters = Filters::from_params(
            &params(&[("theme", "it_security"), ("done", "2019-20")]),
            &Offered::of(&data),
            nfc,
            str::to_lowercase,
        );
        let values = ControlValues::of(&filters, &data);
        assert_eq!((values.theme.as_deref(), values.done.as_deref()), (Some("it_security"), Some("2019-20")));
    }
}
