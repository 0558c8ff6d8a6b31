//! The URL fragment is the app's address: `#view=projects&lang=en`. Fragments, not
//! paths, because the single-file build is opened from file://, where path-based
//! routing cannot work. Parsing is a pure function of the fragment text, so it is
//! tested without a browser and can never panic on a hand-edited or hostile link.

use crate::i18n::Lang;

/// The screens of the app, in navigation order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Overview,
    Projects,
    Departments,
    Distribution,
    Allocation,
    Cashflow,
    Risk,
    Thresholds,
    Scenarios,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Overview,
        View::Projects,
        View::Departments,
        View::Distribution,
        View::Allocation,
        View::Cashflow,
        View::Risk,
        View::Thresholds,
        View::Scenarios,
    ];

    /// The `view=` value.
    pub fn key(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Projects => "projects",
            View::Departments => "departments",
            View::Distribution => "distribution",
            View::Allocation => "allocation",
            View::Cashflow => "cashflow",
            View::Risk => "risk",
            View::Thresholds => "thresholds",
            View::Scenarios => "scenarios",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// What a fragment asks for. Unknown keys are kept for the screens that read them
/// (filters, scenario levers); unknown or malformed values fall back to defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    pub lang: Option<Lang>,
    /// Every `key=value` pair in order, percent-decoded.
    pub params: Vec<(String, String)>,
}

/// The longest fragment read; anything beyond is ignored, so a megabyte of text in a
/// link costs nothing.
pub const MAX_FRAGMENT_CHARS: usize = 16 * 1024;

/// Parses `#view=projects&lang=en` (with or without the `#`).
pub fn route(fragment: &str) -> Route {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let fragment: String = fragment.chars().take(MAX_FRAGMENT_CHARS).collect();
    let mut result = Route::default();
    for pair in fragment.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(key);
        let value = percent_decode(value);
        match key.as_str() {
            "view" => {
                if let Some(view) = View::from_key(&value) {
                    result.view = view;
                }
            }
            "lang" => result.lang = Lang::from_code(&value).or(result.lang),
            _ => {}
        }
        result.params.push((key, value));
    }
    result
}

/// The fragment for a view, keeping the other parameters.
pub fn fragment_for(view: View, lang: Lang, params: &[(String, String)]) -> String {
    let mut out = format!("#view={}&lang={}", view.key(), lang.code());
    for (key, value) in params.iter().filter(|(k, _)| k != "view" && k != "lang") {
        out.push('&');
        out.push_str(&percent_encode(key));
        out.push('=');
        out.push_str(&percent_encode(value));
    }
    out
}

/// Decodes `%XX` escapes and `+` as space; invalid escapes are kept as text and
/// invalid UTF-8 becomes U+FFFD, so decoding never fails.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'%' if index + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        index += 3;
                    }
                    None => {
                        out.push(b'%');
                        index += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                index += 1;
            }
            byte => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes everything but unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b',' | b':') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(fragment: &str, view: View, lang: Option<Lang>, params: usize) {
        let parsed = route(fragment);
        assert_eq!((parsed.view, parsed.lang, parsed.params.len()), (view, lang, params), "route({fragment:?})");
    }

    #[test]
    fn fragments_route() {
        check("", View::Overview, None, 0);
        check("#", View::Overview, None, 0);
        check("#view=thresholds&lang=zh", View::Thresholds, Some(Lang::Zh), 2);
        check("view=risk", View::Risk, None, 1);
        check("#view=&lang=", View::Overview, None, 2);
        check("#view=projects&q=%E4%BF%9D%E5%AE%89", View::Projects, None, 2);
        check("#%ZZ=%&&&=", View::Overview, None, 2);
        check(&format!("#view=cashflow&x={}", "y".repeat(2_000_000)), View::Cashflow, None, 2);
    }

    #[test]
    fn percent_coding_round_trips() {
        for text in ["保安", "a b&c=d", "%", "100%", "<script>", ""] {
            assert_eq!(percent_decode(&percent_encode(text)), text);
        }
        assert_eq!(percent_decode("%E4%BF%9D"), "保");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn browser_language_picks_chinese_for_any_zh_locale() {
        for (tag, lang) in
            [("zh-HK", Lang::Zh), ("zh-CN", Lang::Zh), ("ZH", Lang::Zh), ("en-GB", Lang::En), ("", Lang::En)]
        {
            assert_eq!(Lang::from_browser_language(tag), lang, "{tag}");
        }
    }
}
