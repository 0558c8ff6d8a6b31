//! The global levers (cost change, the ongoing projects' 2018-19 cash) and the group
//! edits (defer a theme, a department or every new project): the fields, derived from
//! the model's `Lever`s where there is one, the group choices by stable key, and the
//! list of group edits in words.

use crate::fields::{int_field, FieldSpec};
use crate::format::{millions, quarters_count};
use crate::lang::{l, Label, Lang};
use crate::levers::lever_field;
use crate::paper::{AnnexBColumn, Printed};
use crate::provenance::Figure;
use crate::words::{department_name, profile_label, theme_name};
use blockvote_model::engine::{Edit, GroupEdit, Lever, Selector, MAX_SHIFT_QUARTERS};
use blockvote_model::{CohortId, Dataset, Theme};
use rust_decimal::Decimal;

pub const HEADING: Label = l("整體調整", "Global levers");
pub const GROUP_HEADING: Label = l("對一組項目作出調整", "Apply a lever to a group of projects");
pub const GROUP_LABEL: Label = l("項目組別", "Group");
pub const THEMES: Label = l("主題", "Theme");
pub const DEPARTMENTS: Label = l("部門", "Department");
pub const DEFER_BUTTON: Label = l("延後這組項目", "Defer this group");
pub const REMOVE: Label = l("移除", "Remove");
/// The words before the ongoing projects' printed amount, beside its field.
pub const ONGOING_PRINTED: Label = l("文件所載：", "In the paper: ");
const ALL_PROJECTS: Label = l("所有新項目", "All new projects");

/// The cost change of every new project, in %.
pub fn cost_field() -> FieldSpec<Decimal> {
    lever_field(Lever::CostChangePct)
}

/// The ongoing projects' 2018-19 cash, in HK$M.
pub fn ongoing_field() -> FieldSpec<Decimal> {
    lever_field(Lever::OngoingAmount)
}

/// Annex B's HK$817M for the ongoing projects, shown beside their field.
pub fn ongoing_printed(data: &Dataset) -> Option<Figure> {
    Printed::Cohort { cohort: CohortId::Ongoing, column: AnnexBColumn::Cash }.figure(data)
}

/// How many quarters a group is deferred by.
pub fn defer_field() -> FieldSpec<i64> {
    int_field(l("延後季數", "Defer by quarters"), 0, i64::from(MAX_SHIFT_QUARTERS), crate::words::UNIT_QUARTERS)
}

/// A choice in the group select: its stable key (the form value) and its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupOption {
    pub key: String,
    pub label: String,
}

/// The group select's choices: every new project, each theme, each department.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupOptions {
    pub all: GroupOption,
    pub themes: Vec<GroupOption>,
    pub departments: Vec<GroupOption>,
}

/// The group chosen until the member picks another: para 7's technology refresh.
pub const DEFAULT_GROUP: &str = "theme:technology_refresh";

/// The key of a selector in the group select.
pub fn group_key(selector: &Selector) -> String {
    match selector {
        Selector::All => "all".to_string(),
        Selector::Theme { theme } => format!("theme:{}", theme.key()),
        Selector::Department { index } => format!("dept:{index}"),
        Selector::DepartmentZh { name } => format!("dept-zh:{name}"),
    }
}

/// The selector a key of the group select names, if any.
pub fn selector_from_key(key: &str) -> Option<Selector> {
    if key == "all" {
        return Some(Selector::All);
    }
    if let Some(theme) = key.strip_prefix("theme:").and_then(Theme::from_key) {
        return Some(Selector::Theme { theme });
    }
    key.strip_prefix("dept:").and_then(|index| index.parse().ok()).map(|index| Selector::Department { index })
}

/// Every choice of the group select, in the reader's language.
pub fn group_options(data: &Dataset, lang: Lang) -> GroupOptions {
    let option =
        |selector: Selector| GroupOption { key: group_key(&selector), label: selector_text(&selector, data, lang) };
    GroupOptions {
        all: option(Selector::All),
        themes: Theme::ALL.into_iter().map(|theme| option(Selector::Theme { theme })).collect(),
        departments: (0..data.departments.len()).map(|index| option(Selector::Department { index })).collect(),
    }
}

/// A selector's name: `All new projects`, a theme, a department.
pub fn selector_text(selector: &Selector, data: &Dataset, lang: Lang) -> String {
    match selector {
        Selector::All => ALL_PROJECTS.get(lang).to_string(),
        Selector::Theme { theme } => theme_name(*theme).get(lang).to_string(),
        Selector::Department { index } => department_name(data, *index, lang),
        Selector::DepartmentZh { name } => name.clone(),
    }
}

/// The group edit that defers `selector`'s projects by `quarters`.
pub fn defer_group(selector: Selector, quarters: i64) -> GroupEdit {
    let quarters = i32::try_from(quarters.clamp(0, i64::from(MAX_SHIFT_QUARTERS))).unwrap_or(0);
    GroupEdit { select: selector, edit: Edit { defer_quarters: Some(quarters), ..Edit::default() } }
}

/// A group edit in words, every lever it sets: `Technology refresh: deferred 2
/// quarters`. The field here only defers, but a link or a saved scenario may give a
/// group any lever a project takes: one that shortened every project by 3 quarters
/// read "deferred 0 quarters" (audit 24).
pub fn group_edit_text(group: &GroupEdit, data: &Dataset, lang: Lang) -> String {
    let name = selector_text(&group.select, data, lang);
    let edit = &group.edit;
    let quarters = |n: i32| quarters_count(i64::from(n.unsigned_abs()), lang);
    let mut said: Vec<String> = Vec::new();
    if let Some(exclude) = edit.exclude {
        said.push(match (exclude, lang) {
            (true, Lang::Zh) => "剔除".to_string(),
            (true, Lang::En) => "excluded".to_string(),
            (false, Lang::Zh) => "納入".to_string(),
            (false, Lang::En) => "included".to_string(),
        });
    }
    if let Some(defer) = edit.defer_quarters.filter(|d| *d != 0) {
        said.push(match (defer > 0, lang) {
            (true, Lang::Zh) => format!("延後 {}", quarters(defer)),
            (true, Lang::En) => format!("deferred {}", quarters(defer)),
            (false, Lang::Zh) => format!("提前 {}（最早於預算年度第一季開展）", quarters(defer)),
            (false, Lang::En) => {
                format!("brought forward {} (to the budget year's first quarter at the earliest)", quarters(defer))
            }
        });
    }
    if let Some(extend) = edit.extend_quarters.filter(|e| *e != 0) {
        said.push(match (extend > 0, lang) {
            (true, Lang::Zh) => format!("延長 {}", quarters(extend)),
            (true, Lang::En) => format!("extended {}", quarters(extend)),
            (false, Lang::Zh) => format!("縮短 {}（最少為期一季）", quarters(extend)),
            (false, Lang::En) => format!("shortened {} (to one quarter at the least)", quarters(extend)),
        });
    }
    if let Some(budget) = edit.budget {
        said.push(match lang {
            Lang::Zh => format!("每個項目預算 {} 百萬元", millions(budget)),
            Lang::En => format!("a budget of HK${}M each", millions(budget)),
        });
    }
    if let Some(profile) = edit.profile {
        said.push(match lang {
            Lang::Zh => format!("開支模式：{}", profile_label(profile).get(lang)),
            Lang::En => format!("spend profile: {}", profile_label(profile).get(lang)),
        });
    }
    if said.is_empty() {
        said.push(l("沒有改動", "no change").get(lang).to_string());
    }
    match lang {
        Lang::Zh => format!("{name}：{}", said.join("；")),
        Lang::En => format!("{name}: {}", said.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::cashflow::tests::{paper, read};

    #[track_caller]
    fn check(key: &str, quarters: i64, lang: Lang, expected: &str) {
        let data = paper();
        let shown = selector_from_key(key).map(|s| group_edit_text(&defer_group(s, quarters), &data, lang));
        assert_eq!(shown.as_deref(), Some(expected), "{key}");
    }

    #[test]
    fn group_keys_read_back_and_edits_read_in_words() {
        check("all", 1, Lang::En, "All new projects: deferred 1 quarter");
        check("theme:technology_refresh", 2, Lang::Zh, "系統技術更新：延後 2 季");
        check("dept:0", 4, Lang::En, "Administration Wing: deferred 4 quarters");
        // Every lever a link or a saved scenario may give a group is said, in both
        // languages; a move the dates may cut short says so.
        let data = paper();
        let said = |edit: Edit, lang| group_edit_text(&GroupEdit { select: Selector::All, edit }, &data, lang);
        let shorter = Edit { extend_quarters: Some(-3), ..Edit::default() };
        assert_eq!(said(shorter, Lang::En), "All new projects: shortened 3 quarters (to one quarter at the least)");
        let sooner = Edit { defer_quarters: Some(-2), exclude: Some(true), ..Edit::default() };
        assert_eq!(
            said(sooner.clone(), Lang::En),
            "All new projects: excluded; brought forward 2 quarters (to the budget year's first quarter at the earliest)"
        );
        assert_eq!(said(sooner, Lang::Zh), "所有新項目：剔除；提前 2 季（最早於預算年度第一季開展）");
        let budget = Edit {
            budget: Some(blockvote_model::Money::from_whole_millions(5)),
            profile: Some(blockvote_model::engine::Profile::Even),
            ..Edit::default()
        };
        assert_eq!(said(budget, Lang::En), "All new projects: a budget of HK$5.0M each; spend profile: Even");
        assert_eq!(said(Edit::default(), Lang::En), "All new projects: no change");
        assert_eq!(selector_from_key("dept:x"), None);
        let data = paper();
        let options = group_options(&data, Lang::En);
        assert_eq!(options.departments.len(), data.departments.len());
        for option in options.themes.iter().chain(&options.departments).chain([&options.all]) {
            assert_eq!(selector_from_key(&option.key).map(|s| group_key(&s)), Some(option.key.clone()));
        }
        assert!(options.themes.iter().any(|o| o.key == DEFAULT_GROUP));
        assert_eq!(ongoing_printed(&data).map(|f| read(&f, Lang::En)).as_deref(), Some("817 [Annex B]"));
    }
}
