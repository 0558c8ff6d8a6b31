//! The user's levers: plain serde data. `Scenario::default()` is the paper's baseline.
//!
//! Every struct here is `#[serde(default)]`, so a partial JSON object (say, only
//! `{"cost_change_pct": "10"}`) loads with every other lever at its baseline value,
//! and unset optional fields are left out when saving, to keep links short. Amounts
//! are [`Money`] (HK$ millions, written as decimal strings such as `"9.9"`); shares
//! and percentages are decimals, also written as strings.

use super::profile::Profile;
use crate::money::Money;
use crate::themes::Theme;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The largest deferral, extension or slippage the engine accepts, in quarters (ten
/// years either way). Larger values are rejected with a lever error rather than
/// silently clamped, so a mistyped "400" is seen, not hidden.
pub const MAX_SHIFT_QUARTERS: i32 = 40;

/// The smallest uniform cost change, in %: −100 % makes every budget zero.
pub const MIN_COST_CHANGE_PCT: i64 = -100;

/// The largest uniform cost change, in %: an eleven-fold budget.
pub const MAX_COST_CHANGE_PCT: i64 = 1_000;

/// Para 5: of the 210 post-implementation returns of 2016, 69 projects were not
/// completed on schedule. The default share of new projects assumed late.
pub fn para5_late_share() -> Decimal {
    Decimal::from(69) / Decimal::from(210)
}

/// All the levers of a what-if. The default reproduces the paper.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// The spend profile of every new project without a profile override.
    pub default_profile: Profile,
    /// The calibrated profile's retention share `r` (in `[0, 1]`). `None`, the
    /// default, uses the value solved from the paper (see the projection's
    /// calibration report).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention: Option<Decimal>,
    /// The ongoing cohort's 2018-19 cash need. `None`, the default, uses Annex B's
    /// HK$817M for the 541 ongoing projects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ongoing_budget_year: Option<Money>,
    /// A uniform change to every new project's paper budget, in % (−100 to 1,000).
    /// It does not apply to a budget the user has overridden, which is taken as typed.
    pub cost_change_pct: Decimal,
    /// A share of projects late by some quarters, as an expected value.
    pub slippage: Slippage,
    /// Edits of single projects, by id. They win over group edits (see
    /// [`Edit`] for the precedence rule).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<ProjectEdit>,
    /// Edits of groups of projects (a department, a theme, all), applied in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupEdit>,
    /// Annex A's expenditure categories: edits, locks and pro-rata scaling.
    pub allocation: AllocationLevers,
    /// The approval thresholds of para 2.
    pub delegation: DelegationLevers,
    /// A cap on the budget year's total cash need, met by deferring new projects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<CashCap>,
}

/// Para 5's lateness applied deterministically as an expected value: each new
/// project's cash is `(1 − share) ×` its on-time schedule `+ share ×` the same
/// schedule with its completion `quarters` later (the quarters still add up to its
/// budget exactly). Off in the baseline so that the baseline reproduces the paper.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Slippage {
    pub enabled: bool,
    /// The share of projects late, in `[0, 1]`. Default 69/210 (para 5). Written as
    /// a fraction where that is shorter (`"23/70"`), never as a 28-digit expansion.
    #[serde(serialize_with = "crate::entry::write_share", deserialize_with = "crate::entry::read_share")]
    pub share: Decimal,
    /// How many quarters late, 0 to [`MAX_SHIFT_QUARTERS`]. Default 1.
    pub quarters: u32,
}

impl Default for Slippage {
    fn default() -> Self {
        Slippage { enabled: false, share: para5_late_share(), quarters: 1 }
    }
}

/// The levers that can be set on one project or on a group of projects. Every field
/// is optional: `None` means "this edit does not touch that lever".
///
/// Precedence, lever by lever: a project's own edit ([`ProjectEdit`]) wins over any
/// group edit; among group edits that match the same project, the later one in
/// [`Scenario::groups`] wins; among several edits of the same project id, the later
/// one wins. A lever no edit sets keeps its baseline value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Edit {
    /// Leave the project out altogether (`Some(false)` puts back a project a group
    /// edit excluded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclude: Option<bool>,
    /// Move start and completion together by this many quarters (−40 to 40; a
    /// negative value brings the project forward, but never before the first quarter
    /// of the budget year: the move is shortened to stop there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub defer_quarters: Option<i32>,
    /// Move only the completion by this many quarters (−40 to 40; a negative value
    /// shortens the project, but never below one quarter: the completion stops at
    /// the start quarter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extend_quarters: Option<i32>,
    /// Replace the budget (HK$M, 0 to 1,000,000,000). Taken as typed: the uniform
    /// cost change does not apply to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<Money>,
    /// Replace the spend profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
}

impl Edit {
    /// Lays `other` over `self`: every lever `other` sets replaces this one's.
    pub fn overlay(&mut self, other: &Edit) {
        if other.exclude.is_some() {
            self.exclude = other.exclude;
        }
        if other.defer_quarters.is_some() {
            self.defer_quarters = other.defer_quarters;
        }
        if other.extend_quarters.is_some() {
            self.extend_quarters = other.extend_quarters;
        }
        if other.budget.is_some() {
            self.budget = other.budget;
        }
        if other.profile.is_some() {
            self.profile = other.profile;
        }
    }

    /// True when the edit sets no lever.
    pub fn is_empty(&self) -> bool {
        *self == Edit::default()
    }
}

/// An edit of one project of Annex C.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectEdit {
    /// The project's 編號.
    pub id: u16,
    pub edit: Edit,
}

/// An edit of every project a [`Selector`] picks, e.g. "defer every
/// technology-refresh project one quarter".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupEdit {
    pub select: Selector,
    pub edit: Edit,
}

/// Which projects a group edit applies to. Written `{"by": "department", "index": 2}`;
/// read through [`SelectorFields`], a plain struct, because serde's reader of an
/// internally tagged enum buffers the whole value and was the largest single function
/// a saved scenario's reading compiled (about 8 KB of wasm).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by", try_from = "SelectorFields")]
pub enum Selector {
    /// Every new project.
    #[default]
    All,
    /// The projects of one department, by its index in the dataset's departments.
    Department { index: usize },
    /// The projects of one department, by its Chinese name as printed in Annex C.
    DepartmentZh { name: String },
    /// The projects of one theme of para 7.
    Theme { theme: Theme },
}

/// A [`Selector`] as written: its tag `by` and the field of its kind.
#[derive(Deserialize)]
struct SelectorFields {
    by: String,
    #[serde(default)]
    index: Option<usize>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    theme: Option<Theme>,
}

impl TryFrom<SelectorFields> for Selector {
    type Error = String;

    fn try_from(fields: SelectorFields) -> Result<Selector, String> {
        let missing = |field: &str| format!("missing field `{field}`");
        match fields.by.as_str() {
            "all" => Ok(Selector::All),
            "department" => Ok(Selector::Department { index: fields.index.ok_or_else(|| missing("index"))? }),
            "department_zh" => Ok(Selector::DepartmentZh { name: fields.name.ok_or_else(|| missing("name"))? }),
            "theme" => Ok(Selector::Theme { theme: fields.theme.ok_or_else(|| missing("theme"))? }),
            other => Err(format!("unknown variant `{other}`")),
        }
    }
}

/// The levers on Annex A's six expenditure categories.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AllocationLevers {
    /// Amount overrides and locks, by category id (1 to 6).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<CategoryEdit>,
    /// Scale the unlocked categories pro rata so that all six add up to this total
    /// exactly (HK$M). Locked categories are untouched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale_to: Option<Money>,
}

/// An edit of one expenditure category.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CategoryEdit {
    pub id: u8,
    /// A new 2018-19 amount (HK$M); `None` keeps the paper's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// A locked category keeps its amount when the others are scaled.
    pub locked: bool,
}

/// The approval thresholds of para 2. `None` keeps the paper's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DelegationLevers {
    /// Projects costing more than this need the Finance Committee (paper: HK$10M).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ceiling: Option<Money>,
    /// Projects costing this or less are the department's own (paper: HK$0.2M).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor: Option<Money>,
}

/// A cap on the budget year's total cash need (ongoing + new), met by deferring new
/// projects out of the budget year one by one in the order of `rule`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CashCap {
    /// The most the budget year may need (HK$M).
    pub amount: Money,
    pub rule: DeferralRule,
}

/// The order in which the cash cap defers projects. Each is a total order: ties are
/// broken by the lower project id first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeferralRule {
    /// The project starting latest in the budget year first.
    #[default]
    LatestStartFirst,
    /// The smallest (effective) budget first.
    SmallestBudgetFirst,
    /// The largest (effective) budget first.
    LargestBudgetFirst,
    /// The project needing the most cash in the budget year first (fewest deferrals).
    LargestBudgetYearCashFirst,
    /// Departments in the paper's order, the first department's projects first.
    DepartmentOrder,
    /// The highest project id first.
    HighestIdFirst,
}

impl DeferralRule {
    pub const ALL: [DeferralRule; 6] = [
        DeferralRule::LatestStartFirst,
        DeferralRule::SmallestBudgetFirst,
        DeferralRule::LargestBudgetFirst,
        DeferralRule::LargestBudgetYearCashFirst,
        DeferralRule::DepartmentOrder,
        DeferralRule::HighestIdFirst,
    ];

    /// The rule's stable name, used in links and as a form value.
    pub fn key(self) -> &'static str {
        match self {
            DeferralRule::LatestStartFirst => "latest_start",
            DeferralRule::SmallestBudgetFirst => "smallest",
            DeferralRule::LargestBudgetFirst => "largest",
            DeferralRule::LargestBudgetYearCashFirst => "most_cash",
            DeferralRule::DepartmentOrder => "department",
            DeferralRule::HighestIdFirst => "highest_id",
        }
    }

    pub fn from_key(key: &str) -> Option<DeferralRule> {
        DeferralRule::ALL.into_iter().find(|rule| rule.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_json_loads_with_defaults() {
        let scenario: Scenario =
            serde_json::from_str(r#"{"cost_change_pct":"10","slippage":{"enabled":true}}"#).expect("parses");
        assert_eq!(scenario.cost_change_pct, Decimal::TEN);
        assert!(scenario.slippage.enabled);
        assert_eq!(scenario.slippage.share, para5_late_share());
        assert_eq!(scenario.slippage.quarters, 1);
        assert_eq!(scenario.default_profile, Profile::Calibrated);
    }

    #[test]
    fn edits_overlay_lever_by_lever() {
        let mut edit = Edit { defer_quarters: Some(1), profile: Some(Profile::Even), ..Edit::default() };
        edit.overlay(&Edit { defer_quarters: Some(2), exclude: Some(false), ..Edit::default() });
        assert_eq!(
            edit,
            Edit { defer_quarters: Some(2), exclude: Some(false), profile: Some(Profile::Even), ..Edit::default() }
        );
    }
}
