//! Annex C in one table: all new projects with search, filters, sorting and grouping.
//!
//! The URL fragment holds the filters (`q`, `dept`, `theme`, `start`, `done`, `min`,
//! `max`, `ids`) and the presentation (`sort`, `dir`, `group`), so a finding elsewhere
//! can link to exactly the rows it talks about and a committee member can bookmark a
//! view. `state.params` is the one source of truth: the controls read from it and write
//! to it (and to the fragment); nothing here keeps a second copy that could disagree.
//!
//! Filtering and sorting are pure functions over project indices ([`visible_indices`]),
//! run in memos; the rows are a keyed `<For>`, so a new filter moves rows instead of
//! rebuilding the table.

use crate::address::set_params;
use crate::components::focus::{by_test_id, focus_after_render};
use blockvote_present::format::{millions, projects_count, quarter_text, year_text};
use blockvote_present::lang::{l, Label, Lang};
use blockvote_present::route::param;
use blockvote_present::words::UNOFFICIAL_TRANSLATION;
use blockvote_present::words::{department_name, project_name, theme_text};

use crate::screens::project_levers::ProjectLevers;
use crate::state::use_app_state;
use crate::whatif::use_whatif;
use blockvote_model::load::normalize_text;
use blockvote_model::money::MAX_INPUT_MILLIONS;
use blockvote_model::{Dataset, FiscalQuarter, FiscalYear, Money, Project, Theme, ThemeSource};
use blockvote_present::route::View;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Fragment keys of the filters (cleared by "clear filters").
pub const FILTER_KEYS: [&str; 9] = ["q", "dept", "theme", "start", "done", "min", "max", "ids", "changed"];

/// The most ids an `ids=` list is read for; a longer hand-made link is cut there.
pub const MAX_IDS: usize = 2_000;

// ---------------------------------------------------------------------------------
// Fragment parameters
// ---------------------------------------------------------------------------------

/// The value of an `<input>` or `<select>` an event came from ("" if neither).
pub fn event_value(ev: &web_sys::Event) -> String {
    let Some(target) = ev.target() else { return String::new() };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        return select.value();
    }
    String::new()
}

fn event_checked(ev: &web_sys::Event) -> bool {
    ev.target().and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.checked())).unwrap_or(false)
}

// ---------------------------------------------------------------------------------
// Labels shared with the other data screens
// ---------------------------------------------------------------------------------

fn roman(example: u8) -> &'static str {
    match example {
        1 => "i",
        2 => "ii",
        3 => "iii",
        4 => "iv",
        _ => "?",
    }
}

/// The mark next to a theme: where it comes from (para 7 or blockvote's rule).
#[component]
pub fn ThemeSourceMark(source: ThemeSource) -> impl IntoView {
    let state = use_app_state();
    match source {
        ThemeSource::Paper { example } => {
            let text = move || match state.lang.get() {
                Lang::Zh => format!("第 7 段例子 ({})", roman(example)),
                Lang::En => format!("para 7 example ({})", roman(example)),
            };
            let title = move || match state.lang.get() {
                Lang::Zh => format!("文件第 7 段以此項目為例子 ({})", roman(example)),
                Lang::En => format!("Named by the paper as example ({}) of this theme in para 7", roman(example)),
            };
            view! { <cite class="source paper-example" title=title>{text}</cite> }.into_any()
        }
        ThemeSource::Derived { rule } => {
            let title = move || match (state.lang.get(), rule.as_str()) {
                (Lang::Zh, "fallback") => {
                    "blockvote 推算：名稱不含任何關鍵詞，歸入最廣泛的主題（並非文件所載）".to_string()
                }
                (Lang::En, "fallback") => {
                    "Derived by blockvote: no keyword in the name, so the broadest theme (not stated in the paper)"
                        .to_string()
                }
                (Lang::Zh, keyword) => format!("blockvote 按名稱中的關鍵詞「{keyword}」推算（並非文件所載）"),
                (Lang::En, keyword) => {
                    format!("Derived by blockvote from the keyword “{keyword}” in the Chinese name (not stated in the paper)")
                }
            };
            view! {
                <cite class="source derived" title=title>
                    {move || l("推算", "derived").get(state.lang.get())}
                </cite>
            }
            .into_any()
        }
    }
}

// ---------------------------------------------------------------------------------
// Filters and sorting (pure)
// ---------------------------------------------------------------------------------

/// Why a typed budget bound is not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundError {
    NotANumber,
    Negative,
    TooLarge,
}

impl BoundError {
    pub fn message(self) -> Label {
        match self {
            BoundError::NotANumber => l(
                "請輸入數字，例如 2.5（單位：百萬元）。表格仍沿用上一個有效數值。",
                "Enter a number such as 2.5 (HK$ millions). The table keeps the last valid value.",
            ),
            BoundError::Negative => l(
                "預算不可為負數。表格仍沿用上一個有效數值。",
                "A budget cannot be negative. The table keeps the last valid value.",
            ),
            BoundError::TooLarge => l(
                "數值太大。表格仍沿用上一個有效數值。",
                "That number is too large. The table keeps the last valid value.",
            ),
        }
    }
}

/// Reads a budget bound typed in HK$ millions: empty means "no bound".
pub fn parse_bound(text: &str) -> Result<Option<Money>, BoundError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let money = Money::parse_millions(text).map_err(|_| BoundError::NotANumber)?;
    if money.is_negative() {
        return Err(BoundError::Negative);
    }
    if money.millions() > Decimal::from(MAX_INPUT_MILLIONS) {
        return Err(BoundError::TooLarge);
    }
    Ok(Some(money))
}

/// Reads `ids=14,15` (spaces and empty items ignored; at most [`MAX_IDS`]).
pub fn parse_ids(text: &str) -> BTreeSet<u16> {
    text.split([',', ' ']).filter_map(|t| t.trim().parse::<u16>().ok()).take(MAX_IDS).collect()
}

/// The filters in force. A value the data does not offer (an unknown department, a
/// quarter no project starts in) is ignored, so what the controls show is what applies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// NFC-normalised, lower-cased search terms; every one must occur.
    pub terms: Vec<String>,
    /// Index into `Dataset::departments`.
    pub department: Option<usize>,
    pub theme: Option<Theme>,
    pub start: Option<FiscalQuarter>,
    pub done: Option<FiscalYear>,
    pub min: Option<Money>,
    pub max: Option<Money>,
    pub ids: Option<BTreeSet<u16>>,
}

impl Filters {
    pub fn from_params(params: &[(String, String)], data: &Dataset) -> Filters {
        let get = |key| param(params, key);
        let terms = get("q")
            .map(|q| normalize_text(&q).to_lowercase().split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        let department = get("dept")
            .and_then(|v| v.trim().parse::<u16>().ok())
            .and_then(|order| data.departments.iter().position(|d| d.order == order));
        let theme = get("theme").and_then(|v| Theme::from_key(v.trim()));
        let start = get("start")
            .and_then(|v| FiscalQuarter::parse(&v).ok())
            .filter(|q| data.projects.iter().any(|p| p.start == *q));
        let done = get("done")
            .and_then(|v| FiscalYear::parse(&v).ok())
            .filter(|y| data.projects.iter().any(|p| p.completion.year() == *y));
        let min = get("min").and_then(|v| parse_bound(&v).ok().flatten());
        let max = get("max").and_then(|v| parse_bound(&v).ok().flatten());
        let ids = get("ids").map(|v| parse_ids(&v)).filter(|ids| !ids.is_empty());
        Filters { terms, department, theme, start, done, min, max, ids }
    }

    /// Whether any filter narrows the table.
    pub fn is_active(&self) -> bool {
        *self != Filters::default()
    }

    /// `haystack` is the project's search text from [`SearchIndex`].
    pub fn matches(&self, project: &Project, haystack: &str) -> bool {
        self.terms.iter().all(|t| haystack.contains(t.as_str()))
            && self.department.is_none_or(|d| project.department == d)
            && self.theme.is_none_or(|t| project.theme == t)
            && self.start.is_none_or(|q| project.start == q)
            && self.done.is_none_or(|y| project.completion.year() == y)
            && self.min.is_none_or(|m| project.budget >= m)
            && self.max.is_none_or(|m| project.budget <= m)
            && self.ids.as_ref().is_none_or(|ids| ids.contains(&project.id))
    }
}

/// Per-project text for search and sorting, built once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    /// NFC-normalised, lower-cased Chinese and English names.
    pub haystacks: Vec<String>,
    /// Lower-cased English names, for sorting.
    pub names_en: Vec<String>,
}

impl SearchIndex {
    pub fn new(data: &Dataset) -> SearchIndex {
        SearchIndex {
            haystacks: data
                .projects
                .iter()
                .map(|p| format!("{}\n{}", normalize_text(&p.name_zh), normalize_text(&p.name_en)).to_lowercase())
                .collect(),
            names_en: data.projects.iter().map(|p| p.name_en.to_lowercase()).collect(),
        }
    }
}

/// A sortable column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    Id,
    Department,
    Name,
    Theme,
    Budget,
    Start,
    Completion,
    Duration,
}

impl SortKey {
    pub const ALL: [SortKey; 8] = [
        SortKey::Id,
        SortKey::Department,
        SortKey::Name,
        SortKey::Theme,
        SortKey::Budget,
        SortKey::Start,
        SortKey::Completion,
        SortKey::Duration,
    ];

    /// The `sort=` value.
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Department => "dept",
            SortKey::Name => "name",
            SortKey::Theme => "theme",
            SortKey::Budget => "budget",
            SortKey::Start => "start",
            SortKey::Completion => "done",
            SortKey::Duration => "dur",
        }
    }

    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.key() == key.trim())
    }

    pub fn label(self) -> Label {
        match self {
            SortKey::Id => l("編號", "No."),
            SortKey::Department => l("部門", "Department"),
            SortKey::Name => l("項目名稱", "Project name"),
            SortKey::Theme => l("主題", "Theme"),
            SortKey::Budget => l("預算（百萬元）", "Budget (HK$M)"),
            SortKey::Start => l("預計開展", "Start"),
            SortKey::Completion => l("預計完成", "Completion"),
            SortKey::Duration => l("為期（季）", "Quarters"),
        }
    }

    /// Number-like columns are right-aligned.
    pub fn numeric(self) -> bool {
        matches!(self, SortKey::Id | SortKey::Budget | SortKey::Duration)
    }
}

/// The sort in force: a column and a direction (`true` = descending).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    pub fn from_params(params: &[(String, String)]) -> Sort {
        let key = param(params, "sort").and_then(|k| SortKey::from_key(&k)).unwrap_or_default();
        let descending = param(params, "dir").is_some_and(|d| d.trim() == "desc");
        Sort { key, descending }
    }
}

fn compare(data: &Dataset, index: &SearchIndex, a: usize, b: usize, key: SortKey, lang: Lang) -> Ordering {
    let (Some(pa), Some(pb)) = (data.projects.get(a), data.projects.get(b)) else { return Ordering::Equal };
    match key {
        SortKey::Id => pa.id.cmp(&pb.id),
        SortKey::Department => pa.department.cmp(&pb.department),
        SortKey::Name => match lang {
            Lang::Zh => pa.name_zh.cmp(&pb.name_zh),
            Lang::En => index.names_en.get(a).cmp(&index.names_en.get(b)),
        },
        SortKey::Theme => pa.theme.cmp(&pb.theme),
        SortKey::Budget => pa.budget.cmp(&pb.budget),
        SortKey::Start => pa.start.cmp(&pb.start),
        SortKey::Completion => pa.completion.cmp(&pb.completion),
        SortKey::Duration => pa.duration_quarters().cmp(&pb.duration_quarters()),
    }
}

/// The indices of the projects that pass `filters`, in `sort` order; ties (and the
/// whole order when grouping) are settled by id, ascending, so the order is stable.
/// With `grouped`, rows are first ordered by department in the paper's order.
pub fn visible_indices(
    data: &Dataset,
    index: &SearchIndex,
    filters: &Filters,
    sort: Sort,
    grouped: bool,
    lang: Lang,
) -> Vec<usize> {
    let mut rows: Vec<usize> = data
        .projects
        .iter()
        .enumerate()
        .filter(|(i, p)| filters.matches(p, index.haystacks.get(*i).map(String::as_str).unwrap_or("")))
        .map(|(i, _)| i)
        .collect();
    rows.sort_by(|&a, &b| {
        let group = if grouped { compare(data, index, a, b, SortKey::Department, lang) } else { Ordering::Equal };
        let primary = compare(data, index, a, b, sort.key, lang);
        let primary = if sort.descending { primary.reverse() } else { primary };
        group.then(primary).then_with(|| compare(data, index, a, b, SortKey::Id, lang))
    });
    rows
}

/// The exact sum of the budgets of `rows` (`None` only on overflow, which the loader's
/// limits make impossible for real data).
pub fn total_budget(data: &Dataset, rows: &[usize]) -> Option<Money> {
    Money::checked_sum(rows.iter().filter_map(|i| data.projects.get(*i)).map(|p| p.budget)).ok()
}

fn total_text(total: Option<Money>) -> String {
    total.map(millions).unwrap_or_else(|| "—".to_string())
}

/// One line of the table body: a project, or a department's heading or subtotal when
/// grouping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    Heading { department: usize, count: usize, total: Option<Money> },
    Row(usize),
    Subtotal { department: usize, count: usize, total: Option<Money> },
}

impl Line {
    /// The `<For>` key. Headings and subtotals carry their figures in the key so that
    /// a new filter redraws them.
    fn key(&self) -> String {
        match self {
            Line::Row(i) => format!("p{i}"),
            Line::Heading { department, count, total } => {
                format!("h{department}:{count}:{}", total.map(|t| t.to_string()).unwrap_or_default())
            }
            Line::Subtotal { department, count, total } => {
                format!("s{department}:{count}:{}", total.map(|t| t.to_string()).unwrap_or_default())
            }
        }
    }
}

/// The lines of the table body for `rows` (already in display order).
pub fn lines(data: &Dataset, rows: &[usize], grouped: bool) -> Vec<Line> {
    if !grouped {
        return rows.iter().copied().map(Line::Row).collect();
    }
    let mut out = Vec::with_capacity(rows.len() + 2 * data.departments.len());
    let mut start = 0;
    while start < rows.len() {
        let department = rows.get(start).and_then(|i| data.projects.get(*i)).map(|p| p.department);
        let end = rows
            .iter()
            .skip(start)
            .position(|i| data.projects.get(*i).map(|p| p.department) != department)
            .map_or(rows.len(), |offset| start + offset);
        let group = rows.get(start..end).unwrap_or(&[]);
        let department = department.unwrap_or(usize::MAX);
        let total = total_budget(data, group);
        out.push(Line::Heading { department, count: group.len(), total });
        out.extend(group.iter().copied().map(Line::Row));
        out.push(Line::Subtotal { department, count: group.len(), total });
        start = end.max(start + 1);
    }
    out
}

// ---------------------------------------------------------------------------------
// The screen
// ---------------------------------------------------------------------------------

const COLUMNS: usize = 9;

#[component]
pub fn Projects() -> impl IntoView {
    let state = use_app_state();
    let data = state.data();
    let index = Arc::new(SearchIndex::new(&data));
    let lang = move || state.lang.get();

    let filters = Memo::new({
        let data = data.clone();
        move |_| state.params.with(|p| Filters::from_params(p, &data))
    });
    let sort = Memo::new(move |_| state.params.with(|p| Sort::from_params(p)));
    let grouped = Memo::new(move |_| state.params.with(|p| param(p, "group").is_some_and(|g| g.trim() == "1")));
    let whatif = use_whatif();
    let changed_only = Memo::new(move |_| state.params.with(|p| param(p, "changed").is_some_and(|g| g.trim() == "1")));
    // The project whose levers are open above the table.
    let editing: RwSignal<Option<u16>> = RwSignal::new(None);
    let rows = Memo::new({
        let data = data.clone();
        let index = index.clone();
        move |_| {
            let lang = if sort.get().key == SortKey::Name { state.lang.get() } else { Lang::Zh };
            let mut rows = filters.with(|f| visible_indices(&data, &index, f, sort.get(), grouped.get(), lang));
            // "Changed from the paper": the projects the scenario edits, directly or
            // through a group edit.
            if changed_only.get() {
                let edited: BTreeSet<u16> = whatif.projection.with(|p| {
                    p.as_ref()
                        .map(|p| p.projects.iter().filter(|o| o.edited).map(|o| o.id).collect())
                        .unwrap_or_default()
                });
                rows.retain(|i| data.projects.get(*i).is_some_and(|p| edited.contains(&p.id)));
            }
            rows
        }
    });
    let total = Memo::new({
        let data = data.clone();
        move |_| rows.with(|r| total_budget(&data, r))
    });
    let body = Memo::new({
        let data = data.clone();
        move |_| rows.with(|r| lines(&data, r, grouped.get()))
    });
    let all_count = data.projects.len();

    let set = move |changes: &[(&str, Option<String>)]| set_params(state, View::Projects, changes);
    let param_of =
        move |key: &'static str| Memo::new(move |_| state.params.with(|p| param(p, key)).unwrap_or_default());
    let q_value = param_of("q");
    let dept_value = Memo::new({
        let data = data.clone();
        move |_| filters.with(|f| f.department.and_then(|i| data.departments.get(i)).map(|d| d.order.to_string()))
    });
    let theme_value = Memo::new(move |_| filters.with(|f| f.theme.map(|t| t.key().to_string())));
    let start_value = Memo::new(move |_| filters.with(|f| f.start.map(|q| q.label())));
    let done_value = Memo::new(move |_| filters.with(|f| f.done.map(|y| y.label())));

    // Budget bounds: what the field shows is the fragment's value unless the person has
    // typed something the filter cannot use (a draft), which stays in the field, marked.
    let min_param = param_of("min");
    let max_param = param_of("max");
    let min_draft = RwSignal::new(None::<String>);
    let max_draft = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        min_param.track();
        min_draft.set(None);
    });
    Effect::new(move |_| {
        max_param.track();
        max_draft.set(None);
    });
    let min_text = Signal::derive(move || min_draft.get().unwrap_or_else(|| min_param.get()));
    let max_text = Signal::derive(move || max_draft.get().unwrap_or_else(|| max_param.get()));
    let min_error = Signal::derive(move || parse_bound(&min_text.get()).err());
    let max_error = Signal::derive(move || parse_bound(&max_text.get()).err());
    let crossed = Signal::derive(move || filters.with(|f| matches!((f.min, f.max), (Some(a), Some(b)) if a > b)));
    let on_bound = move |key: &'static str, draft: RwSignal<Option<String>>, text: String| {
        if parse_bound(&text).is_ok() {
            draft.set(None);
            set(&[(key, Some(text))]);
        } else {
            draft.set(Some(text));
        }
    };

    let clear = move |_| {
        min_draft.set(None);
        max_draft.set(None);
        let changes: Vec<(&str, Option<String>)> = FILTER_KEYS.iter().map(|k| (*k, None)).collect();
        set(&changes);
    };

    // Options offered by the selects: only values the data has.
    let department_options: Vec<(String, usize, usize)> = data
        .departments
        .iter()
        .enumerate()
        .map(|(i, d)| (d.order.to_string(), i, data.projects.iter().filter(|p| p.department == i).count()))
        .collect();
    let starts: BTreeSet<FiscalQuarter> = data.projects.iter().map(|p| p.start).collect();
    let dones: BTreeSet<FiscalYear> = data.projects.iter().map(|p| p.completion.year()).collect();

    let select_option =
        move |value: String, text: Box<dyn Fn() -> String + Send + Sync>, current: Memo<Option<String>>| {
            let selected_value = value.clone();
            view! {
                <option value=value prop:selected=move || current.get().as_deref() == Some(selected_value.as_str())>
                    {move || text()}
                </option>
            }
        };
    let all_option = move |current: Memo<Option<String>>| {
        view! {
            <option value="" prop:selected=move || current.get().is_none()>
                {move || l("全部", "All").get(state.lang.get())}
            </option>
        }
    };

    let dept_select = {
        let data = data.clone();
        let options = department_options
            .into_iter()
            .map(|(value, i, count)| {
                let data = data.clone();
                select_option(
                    value,
                    Box::new(move || format!("{} ({count})", department_name(&data, i, state.lang.get()))),
                    dept_value,
                )
            })
            .collect_view();
        view! {
            <select
                id="pf-dept"
                data-testid="filter-department"
                on:change=move |ev| set(&[("dept", Some(event_value(&ev)))])
            >
                {all_option(dept_value)}
                {options}
            </select>
        }
    };
    let theme_select = {
        let options = Theme::ALL
            .into_iter()
            .map(|t| select_option(t.key().to_string(), Box::new(move || theme_text(t, state.lang.get())), theme_value))
            .collect_view();
        view! {
            <select id="pf-theme" data-testid="filter-theme" on:change=move |ev| set(&[("theme", Some(event_value(&ev)))])>
                {all_option(theme_value)}
                {options}
            </select>
        }
    };
    let start_select = {
        let options = starts
            .into_iter()
            .map(|q| select_option(q.label(), Box::new(move || quarter_text(q, state.lang.get())), start_value))
            .collect_view();
        view! {
            <select id="pf-start" data-testid="filter-start" on:change=move |ev| set(&[("start", Some(event_value(&ev)))])>
                {all_option(start_value)}
                {options}
            </select>
        }
    };
    let done_select = {
        let options = dones
            .into_iter()
            .map(|y| select_option(y.label(), Box::new(move || year_text(y, state.lang.get())), done_value))
            .collect_view();
        view! {
            <select id="pf-done" data-testid="filter-done" on:change=move |ev| set(&[("done", Some(event_value(&ev)))])>
                {all_option(done_value)}
                {options}
            </select>
        }
    };

    let header = move |key: SortKey| {
        let aria_sort = move || {
            let s = sort.get();
            (s.key == key).then_some(if s.descending { "descending" } else { "ascending" })
        };
        let arrow = move || {
            let s = sort.get();
            match (s.key == key, s.descending) {
                (true, false) => "▲",
                (true, true) => "▼",
                (false, _) => "↕",
            }
        };
        let on_click = move |_| {
            let s = sort.get_untracked();
            let descending = s.key == key && !s.descending;
            let sort_value = (key != SortKey::Id || descending).then(|| key.key().to_string());
            set(&[("sort", sort_value), ("dir", descending.then(|| "desc".to_string()))]);
        };
        let class = if key.numeric() { "num" } else { "" };
        view! {
            <th scope="col" class=class aria-sort=aria_sort data-sort-key=key.key()>
                <button type="button" class="sort" data-testid=format!("sort-{}", key.key()) on:click=on_click>
                    <span>{move || key.label().get(state.lang.get())}</span>
                    {move || {
                        (key == SortKey::Name && state.lang.get() == Lang::En)
                            .then(|| view! { <span class="unofficial-mark" title=UNOFFICIAL_TRANSLATION.en>"†"</span> })
                    }}
                    <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };

    let row_view = {
        let data = data.clone();
        move |line: Line| -> AnyView {
            let data = data.clone();
            match line {
                Line::Row(i) => {
                    let Some(project) = data.projects.get(i).cloned() else { return ().into_any() };
                    let department = project.department;
                    let theme = project.theme;
                    let name_project = project.clone();
                    let dept_data = data.clone();
                    let id = project.id;
                    let changed = move || {
                        whatif.projection.with(|p| p.as_ref().and_then(|p| p.project(id)).is_some_and(|o| o.edited))
                    };
                    view! {
                        <tr data-testid=format!("project-row-{}", project.id) data-budget=project.budget.to_string() class:changed=changed>
                            <td class="num">{project.id}</td>
                            <td class="dept">{move || department_name(&dept_data, department, state.lang.get())}</td>
                            <td class="name">{move || project_name(&name_project, state.lang.get())}</td>
                            <td class="theme">
                                <span>{move || theme_text(theme, state.lang.get())}</span>
                                " "
                                <ThemeSourceMark source=project.theme_source.clone() />
                            </td>
                            <td class="num budget">{millions(project.budget)}</td>
                            <td class="quarter">{move || quarter_text(project.start, state.lang.get())}</td>
                            <td class="quarter">{move || quarter_text(project.completion, state.lang.get())}</td>
                            <td class="num">{project.duration_quarters()}</td>
                            <td class="levers">
                                <button
                                    type="button"
                                    class="small"
                                    data-testid=format!("edit-project-{id}")
                                    aria-label=move || match state.lang.get() {
                                        Lang::Zh => format!("調整項目 {id}"),
                                        Lang::En => format!("Edit project {id}"),
                                    }
                                    on:click=move |_| {
                                        editing.set(Some(id));
                                        // The panel opens above the table, far from this
                                        // row: focus moves to its first lever.
                                        focus_after_render(by_test_id("lever-exclude"));
                                    }
                                >
                                    {move || l("調整", "Edit").get(state.lang.get())}
                                </button>
                                {move || changed().then(|| view! {
                                    <span class="changed-mark" data-testid=format!("changed-{id}")>
                                        {l("已改", "changed").get(state.lang.get())}
                                    </span>
                                })}
                            </td>
                        </tr>
                    }
                    .into_any()
                }
                Line::Heading { department, count, .. } => {
                    let order = data.departments.get(department).map(|d| d.order).unwrap_or(0);
                    view! {
                        <tr class="group-heading" data-testid=format!("group-heading-{order}")>
                            <th scope="colgroup" colspan=COLUMNS>
                                {move || department_name(&data, department, state.lang.get())}
                                <span class="group-count">" · " {move || projects_count(count, state.lang.get())}</span>
                            </th>
                        </tr>
                    }
                    .into_any()
                }
                Line::Subtotal { department, count, total } => {
                    let order = data.departments.get(department).map(|d| d.order).unwrap_or(0);
                    view! {
                        <tr class="subtotal" data-testid=format!("group-subtotal-{order}")>
                            <td></td>
                            <th scope="row" colspan="3">
                                {move || l("小計", "Subtotal").get(state.lang.get())}
                                " · "
                                <span data-testid="subtotal-count">{move || projects_count(count, state.lang.get())}</span>
                            </th>
                            <td class="num budget" data-testid="subtotal-total">{total_text(total)}</td>
                            <td colspan="4"></td>
                        </tr>
                    }
                    .into_any()
                }
            }
        }
    };

    let visible_count = move || rows.with(Vec::len);
    let summary = move || {
        let count = view! { <span class="figure" data-testid="visible-count">{visible_count}</span> };
        let sum = view! { <span class="figure" data-testid="visible-total">{move || total_text(total.get())}</span> };
        match state.lang.get() {
            Lang::Zh => {
                view! { "顯示 " {count} " 個項目（共 " {all_count} " 個），預算合計 " {sum} " 百萬元" }.into_any()
            }
            Lang::En => {
                view! { "Showing " {count} " of " {all_count} " projects, total budget HK$" {sum} "M" }.into_any()
            }
        }
    };

    let ids_note = move || {
        filters.with(|f| f.ids.clone()).map(|ids| {
            let list = ids.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
            let n = ids.len();
            view! {
                <p class="ids-filter" data-testid="ids-filter">
                    {move || match state.lang.get() {
                        Lang::Zh => format!("只顯示連結所選的 {n} 個編號：{list}"),
                        Lang::En => format!("Only the {n} project numbers chosen by a link: {list}"),
                    }}
                    " "
                    <button
                        type="button"
                        data-testid="ids-filter-clear"
                        on:click=move |_| {
                            set(&[("ids", None)]);
                            // This notice, with the focused button, goes away: focus moves
                            // to the search field, the next thing to filter with.
                            focus_after_render(by_test_id("search"));
                        }
                    >
                        {move || l("顯示所有編號", "Show all numbers").get(state.lang.get())}
                    </button>
                </p>
            }
        })
    };

    view! {
        <section class="screen projects" aria-labelledby="projects-heading">
            <h2 id="projects-heading">{move || l("附件 C：2018-19 年度新項目", "Annex C: new projects for 2018-19").get(lang())}</h2>
            <p class="note">
                {move || {
                    l(
                        "每行一個項目。可搜尋名稱（中英文、部分字詞）、篩選及按欄標題排序；篩選條件記在網址中，可收藏或分享。",
                        "One row per project. Search the names (Chinese or English, part of a word is enough), filter, and sort by any column heading; the filters are kept in the address, so the view can be bookmarked or shared.",
                    )
                        .get(lang())
                }}
            </p>
            {move || {
                (lang() == Lang::En)
                    .then(|| {
                        view! {
                            <p class="note unofficial" data-testid="unofficial-note">
                                "† " {UNOFFICIAL_TRANSLATION.en}
                                "; the paper gives project names in Chinese only."
                            </p>
                        }
                    })
            }}
            <div class="filters" role="search" aria-label=move || l("篩選項目", "Filter the projects").get(lang())>
                <div class="field search">
                    <label for="pf-q">{move || l("搜尋項目名稱", "Search project names").get(lang())}</label>
                    <input
                        id="pf-q"
                        type="search"
                        data-testid="search"
                        autocomplete="off"
                        placeholder=move || l("例如：保安", "e.g. security").get(lang())
                        prop:value=move || q_value.get()
                        on:input=move |ev| set(&[("q", Some(event_value(&ev)))])
                    />
                </div>
                <div class="field">
                    <label for="pf-dept">{move || l("部門", "Department").get(lang())}</label>
                    {dept_select}
                </div>
                <div class="field">
                    <label for="pf-theme">{move || l("主題（第 7 段）", "Theme (para 7)").get(lang())}</label>
                    {theme_select}
                </div>
                <div class="field">
                    <label for="pf-start">{move || l("預計開展", "Start").get(lang())}</label>
                    {start_select}
                </div>
                <div class="field">
                    <label for="pf-done">{move || l("預計完成年度", "Completion year").get(lang())}</label>
                    {done_select}
                </div>
                <fieldset class="field budget-range">
                    <legend>{move || l("預算（百萬元）", "Budget (HK$M)").get(lang())}</legend>
                    <div class="bounds">
                        <label for="pf-min">{move || l("由", "from").get(lang())}</label>
                        <input
                            id="pf-min"
                            type="text"
                            inputmode="decimal"
                            size="6"
                            data-testid="filter-min"
                            aria-invalid=move || min_error.get().is_some().to_string()
                            aria-describedby="pf-min-error"
                            prop:value=move || min_text.get()
                            on:input=move |ev| on_bound("min", min_draft, event_value(&ev))
                        />
                        <label for="pf-max">{move || l("至", "to").get(lang())}</label>
                        <input
                            id="pf-max"
                            type="text"
                            inputmode="decimal"
                            size="6"
                            data-testid="filter-max"
                            aria-invalid=move || max_error.get().is_some().to_string()
                            aria-describedby="pf-max-error"
                            prop:value=move || max_text.get()
                            on:input=move |ev| on_bound("max", max_draft, event_value(&ev))
                        />
                    </div>
                    <p class="field-error" id="pf-min-error" data-testid="filter-min-error" aria-live="polite">
                        {move || min_error.get().map(|e| format!("{}: {}", l("下限", "From").get(lang()), e.message().get(lang())))}
                    </p>
                    <p class="field-error" id="pf-max-error" data-testid="filter-max-error" aria-live="polite">
                        {move || max_error.get().map(|e| format!("{}: {}", l("上限", "To").get(lang()), e.message().get(lang())))}
                        {move || {
                            crossed
                                .get()
                                .then(|| {
                                    l("下限高於上限，沒有項目符合。", "The lower bound is above the upper bound, so no project can match.")
                                        .get(lang())
                                })
                        }}
                    </p>
                </fieldset>
                <div class="field actions">
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid="group-by-department"
                            prop:checked=move || grouped.get()
                            on:change=move |ev| set(&[("group", event_checked(&ev).then(|| "1".to_string()))])
                        />
                        {move || l("按部門分組", "Group by department").get(lang())}
                    </label>
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid="filter-changed"
                            prop:checked=move || changed_only.get()
                            on:change=move |ev| set(&[("changed", event_checked(&ev).then(|| "1".to_string()))])
                        />
                        {move || l("只顯示情景已改動的項目", "Only projects the scenario changes").get(lang())}
                    </label>
                    <button type="button" data-testid="clear-filters" on:click=clear>
                        {move || l("清除篩選", "Clear filters").get(lang())}
                    </button>
                </div>
            </div>
            {ids_note}
            <ProjectLevers selected=editing />
            <p class="visible-summary" role="status" data-testid="visible-summary">{summary}</p>
            <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-label=move || l("項目表（可捲動）", "Projects table (scrollable)").get(lang())
            >
                <table class="data projects-table" data-testid="projects-table">
                    <caption class="visually-hidden">
                        {move || {
                            l(
                                "2018-19 年度新項目；按欄標題的按鈕可排序",
                                "New projects for 2018-19; the buttons in the column headings sort the table",
                            )
                                .get(lang())
                        }}
                    </caption>
                    <thead>
                        <tr>
                            {SortKey::ALL.into_iter().map(header).collect_view()}
                            <th scope="col">{move || l("情景調整", "Scenario levers").get(lang())}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || body.get() key=Line::key children=row_view.clone() />
                    </tbody>
                    <tfoot>
                        <tr data-testid="projects-total">
                            <td></td>
                            <th scope="row" colspan="3">
                                {move || l("顯示項目合計", "Total of the projects shown").get(lang())}
                                " · "
                                {move || projects_count(visible_count(), lang())}
                            </th>
                            <td class="num budget">{move || total_text(total.get())}</td>
                            <td colspan="4"></td>
                        </tr>
                    </tfoot>
                </table>
                {move || {
                    (visible_count() == 0)
                        .then(|| {
                            view! {
                                <p class="empty" data-testid="no-rows">
                                    {l("沒有項目符合這些篩選條件。", "No project matches these filters.").get(lang())}
                                </p>
                            }
                        })
                }}
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper() -> Dataset {
        Dataset::paper().expect("the paper's data loads")
    }

    fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn visible(data: &Dataset, pairs: &[(&str, &str)]) -> Vec<usize> {
        let p = params(pairs);
        let index = SearchIndex::new(data);
        let filters = Filters::from_params(&p, data);
        visible_indices(data, &index, &filters, Sort::from_params(&p), false, Lang::En)
    }

    #[test]
    fn all_rows_add_up_to_the_paper_total() {
        let data = paper();
        let rows = visible(&data, &[]);
        assert_eq!(rows.len(), 254);
        assert_eq!(total_budget(&data, &rows).map(millions).as_deref(), Some("1,527.7"));
    }

    #[test]
    fn search_is_case_insensitive_and_partial_in_both_languages() {
        let data = paper();
        let zh = visible(&data, &[("q", "保安")]);
        let en = visible(&data, &[("q", "SECUR")]);
        assert!(!zh.is_empty() && !en.is_empty());
        for i in &zh {
            assert!(data.projects[*i].name_zh.contains("保安"));
        }
        assert_eq!(visible(&data, &[("q", "nothing-like-this")]).len(), 0);
        // Every term must occur.
        let both = visible(&data, &[("q", "security upgrade")]);
        assert!(both.len() <= en.len());
    }

    #[test]
    fn ids_and_budget_bounds_filter() {
        let data = paper();
        assert_eq!(visible(&data, &[("ids", "14,15")]).len(), 2);
        assert_eq!(visible(&data, &[("ids", "14, x, 15,,")]).len(), 2);
        let rows = visible(&data, &[("min", "9.9"), ("max", "10")]);
        assert!(rows.iter().all(|i| data.projects[*i].budget == Money::parse_millions("9.9").expect("n")));
        // An unusable bound is ignored, not applied.
        assert_eq!(visible(&data, &[("min", "abc")]).len(), 254);
        assert_eq!(parse_bound("-1"), Err(BoundError::Negative));
        assert_eq!(parse_bound(" "), Ok(None));
        assert_eq!(parse_bound("1e9"), Err(BoundError::NotANumber));
    }

    #[test]
    fn sorting_is_stable_by_id_and_toggles_direction() {
        let data = paper();
        let rows = visible(&data, &[("sort", "budget"), ("dir", "desc")]);
        let first = &data.projects[rows[0]];
        assert_eq!(first.budget.format(1), "9.9");
        let ties: Vec<u16> =
            rows.iter().map(|i| &data.projects[*i]).take_while(|p| p.budget == first.budget).map(|p| p.id).collect();
        assert!(ties.windows(2).all(|w| w[0] < w[1]), "ties are in id order");
        let up = visible(&data, &[("sort", "budget")]);
        assert!(data.projects[up[0]].budget <= data.projects[up[253]].budget);
    }

    #[test]
    fn grouping_gives_one_heading_and_subtotal_per_department() {
        let data = paper();
        let index = SearchIndex::new(&data);
        let rows = visible_indices(&data, &index, &Filters::default(), Sort::default(), true, Lang::Zh);
        let body = lines(&data, &rows, true);
        let subtotals: Vec<&Line> = body.iter().filter(|l| matches!(l, Line::Subtotal { .. })).collect();
        assert_eq!(subtotals.len(), 66);
        let sum = Money::checked_sum(subtotals.iter().filter_map(|l| match l {
            Line::Subtotal { total, .. } => *total,
            _ => None,
        }))
        .expect("no overflow");
        assert_eq!(sum.format(1), "1,527.7");
        assert_eq!(lines(&data, &[], true), Vec::new());
    }

    #[test]
    fn unknown_select_values_are_ignored() {
        let data = paper();
        let filters = Filters::from_params(&params(&[("dept", "999"), ("start", "2030-31 Q1"), ("theme", "x")]), &data);
        assert!(!filters.is_active());
        assert_eq!(quarter_text(data.projects[0].start, Lang::Zh), "2018-19 年度第一季");
    }
}
