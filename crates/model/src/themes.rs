//! Para 7's five themes and how each project gets one.
//!
//! The paper names 15 example projects, three per theme; those carry
//! [`ThemeSource::Paper`]. Every other project gets a theme by the documented keyword
//! rule in [`derive_theme`] and carries [`ThemeSource::Derived`], which the UI marks as
//! blockvote's own reading, not the paper's.

use serde::{Deserialize, Serialize};

/// A theme of para 7, in the paper's order (a) to (e).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// (a) 電子政府服務
    EGovernment,
    /// (b) 公共資料、大數據及人工智能
    OpenDataAi,
    /// (c) 提升政府內部運作效率
    InternalEfficiency,
    /// (d) 系統技術更新
    TechnologyRefresh,
    /// (e) 加強資訊科技保安
    ItSecurity,
}

impl Theme {
    pub const ALL: [Theme; 5] =
        [Theme::EGovernment, Theme::OpenDataAi, Theme::InternalEfficiency, Theme::TechnologyRefresh, Theme::ItSecurity];

    /// The key used in `data/facts.csv` and in links (`e_government` …).
    pub fn key(self) -> &'static str {
        match self {
            Theme::EGovernment => "e_government",
            Theme::OpenDataAi => "open_data_ai",
            Theme::InternalEfficiency => "internal_efficiency",
            Theme::TechnologyRefresh => "technology_refresh",
            Theme::ItSecurity => "it_security",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The paper's letter, (a) to (e).
    pub fn letter(self) -> char {
        match self {
            Theme::EGovernment => 'a',
            Theme::OpenDataAi => 'b',
            Theme::InternalEfficiency => 'c',
            Theme::TechnologyRefresh => 'd',
            Theme::ItSecurity => 'e',
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Theme::EGovernment => "電子政府服務",
            Theme::OpenDataAi => "公共資料、大數據及人工智能",
            Theme::InternalEfficiency => "提升政府內部運作效率",
            Theme::TechnologyRefresh => "系統技術更新",
            Theme::ItSecurity => "加強資訊科技保安",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Theme::EGovernment => "E-government services",
            Theme::OpenDataAi => "Public data, big data and artificial intelligence",
            Theme::InternalEfficiency => "Enhancing the efficiency of internal government operations",
            Theme::TechnologyRefresh => "System technology refresh",
            Theme::ItSecurity => "Strengthening IT security",
        }
    }
}

/// Where a project's theme comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ThemeSource {
    /// One of para 7's examples: `example` is 1..=3 for (i)..(iii).
    Paper { example: u8 },
    /// blockvote's keyword rule; `rule` names the keyword or fallback that decided.
    Derived { rule: String },
}

/// The keyword rule, in the order it is applied: the first rule whose keyword occurs in
/// the project's Chinese name decides. Security comes first because "加強…保安" projects
/// are also upgrades; data and AI come before e-government because open-data portals
/// are also web sites; "提升/更新/更換" (upgrade, renew, replace) marks a technology
/// refresh only after the more specific themes have had their say. Projects matching no
/// keyword fall back to internal efficiency, the broadest theme.
pub const THEME_KEYWORDS: &[(Theme, &[&str])] = &[
    (
        Theme::ItSecurity,
        &["資訊保安", "資訊科技保安", "網絡保安", "網絡攻擊", "網絡安全", "資訊安全", "仿冒詐騙", "白名單", "身份管理"],
    ),
    (
        Theme::OpenDataAi,
        &[
            "大數據",
            "數據分析",
            "人工智能",
            "聊天機器人",
            "開放資料",
            "資料一線通",
            "地理資訊",
            "地圖",
            "數據架構",
            "數據管理",
        ],
    ),
    (
        Theme::EGovernment,
        &[
            "網上",
            "入門網站",
            "網站",
            "流動應用程式",
            "電子服務",
            "電子遞交",
            "電子表格",
            "自助服務",
            "一站通",
            "一站式",
        ],
    ),
    (Theme::TechnologyRefresh, &["提升", "更新", "更換", "升級", "遷移", "遷置", "重新開發", "技術更新", "替換"]),
];

/// Assigns a theme to a project that is not one of para 7's examples, returning the
/// theme and the keyword (or `fallback`) that decided, so the UI can show why.
pub fn derive_theme(name_zh: &str) -> (Theme, &'static str) {
    for (theme, keywords) in THEME_KEYWORDS {
        if let Some(keyword) = keywords.iter().find(|k| name_zh.contains(*k)) {
            return (*theme, keyword);
        }
    }
    (Theme::InternalEfficiency, "fallback")
}
