//! The two languages. Every fixed piece of text the app shows is a [`Label`] holding
//! both languages side by side, so a label cannot exist in one language only: the
//! compiler refuses a `Label` without both strings. Text built at run time in both
//! languages (a message naming a value, say) is a [`Bilingual`]. Names from the data
//! carry both languages in the model already (`name_zh` / `name_en`).

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

    /// The label with a number after it, in both languages (`項目編號 17` / `project
    /// No. 17`), so that every message names a numbered thing in the same words.
    pub fn numbered(self, number: impl std::fmt::Display) -> (String, String) {
        (format!("{} {number}", self.zh), format!("{} {number}", self.en))
    }
}

/// Shorthand for an inline label.
pub const fn l(zh: &'static str, en: &'static str) -> Label {
    Label::new(zh, en)
}

/// Text built at run time, in both languages (an error naming the value typed, say).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Bilingual {
    pub zh: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Bilingual {
        Bilingual { zh: zh.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// English text starting with a capital. Only for blockvote's own English, whose
/// first letter is ASCII (names in quotes start with a quote mark, left as it is).
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase()).chain(chars).collect(),
        None => String::new(),
    }
}

impl From<Label> for Bilingual {
    fn from(label: Label) -> Bilingual {
        Bilingual::new(label.zh, label.en)
    }
}
