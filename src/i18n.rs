//! The two languages. Every piece of text the UI shows is a [`Label`] holding both
//! languages side by side, so a label cannot exist in one language only: the compiler
//! refuses a `Label` without both strings. Names from the data carry both languages in
//! the model already (`name_zh` / `name_en`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 繁體中文, the paper's language.
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The code used in links and storage (`zh`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-hant" | "zh-hk" | "zh-tw" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag for the `lang` attribute.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hant-HK",
            Lang::En => "en",
        }
    }

    /// The default for a browser language: 繁中 for any `zh` locale, otherwise English.
    pub fn from_browser_language(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// Picks the text in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A piece of UI text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Label {
    pub const fn new(zh: &'static str, en: &'static str) -> Label {
        Label { zh, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

/// Shorthand for an inline label.
pub const fn l(zh: &'static str, en: &'static str) -> Label {
    Label::new(zh, en)
}

pub const APP_TITLE: Label = l("整體撥款預算探索工具", "Block allocation explorer");
pub const PAPER_TITLE: Label = l(
    "基本工程儲備基金總目 710 分目 A007GX 2018-19 年度整體撥款（立法會資訊科技及廣播事務委員會文件，2017 年 11 月 13 日）",
    "CWRF Head 710 Subhead A007GX block allocation 2018-19 (LegCo ITB Panel paper, 13 November 2017)",
);
pub const UNOFFICIAL_TRANSLATION: Label =
    l("英文名稱為本工具的非官方翻譯", "English project names are blockvote's unofficial translation");
pub const DERIVED: Label = l("推算", "derived");
pub const HKD_M: Label = l("百萬元", "HK$M");
