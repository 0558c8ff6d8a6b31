//! The URL fragment is the app's address: `#view=projects&lang=en`. Fragments, not
//! paths, because the single-file build is opened from file://, where path-based
//! routing cannot work. Parsing is a pure function of the fragment text, so it is
//! tested without a browser and can never panic on a hand-edited or hostile link.

use crate::lang::Lang;
use blockvote_model::link::{parse_fragment, percent_encode, LinkProblem, LinkReason};
use blockvote_model::saved::MAX_READ_SCENARIOS;

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
    Brief,
    /// One scenario per screen in large type, for the committee room.
    Present,
}

impl View {
    pub const ALL: [View; 11] = [
        View::Overview,
        View::Projects,
        View::Departments,
        View::Distribution,
        View::Allocation,
        View::Cashflow,
        View::Risk,
        View::Thresholds,
        View::Scenarios,
        View::Brief,
        View::Present,
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
            View::Brief => "brief",
            View::Present => "present",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// The address key of the screen shown (`view=projects`).
pub const VIEW_KEY: &str = "view";
/// The address key of the language (`lang=en`).
pub const LANG_KEY: &str = "lang";
/// The shell's own keys, which [`route`] reads: every other key is the scenario's or a
/// screen's.
pub const SHELL_KEYS: [&str; 2] = [VIEW_KEY, LANG_KEY];

/// What a fragment asks for. Unknown keys are kept for the screens that read them
/// (filters, scenario levers); unknown or malformed values fall back to defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    pub lang: Option<Lang>,
    /// Every `key=value` pair in order, percent-decoded.
    pub params: Vec<(String, String)>,
}

/// Parses `#view=projects&lang=en` (with or without the `#`). The splitting into
/// pairs is the model's `link::parse_fragment`, so the fuzzer covers the whole path
/// from pasted text to a scenario.
pub fn route(fragment: &str) -> Route {
    let mut result = Route { params: parse_fragment(fragment), ..Route::default() };
    for (key, value) in &result.params {
        match key.as_str() {
            VIEW_KEY => {
                if let Some(view) = View::from_key(value) {
                    result.view = view;
                }
            }
            LANG_KEY => result.lang = Lang::from_code(value).or(result.lang),
            _ => {}
        }
    }
    result
}

/// The `view=` and `lang=` pairs of a link that [`route`] cannot use, for the link's
/// problems: a screen the app does not have (the overview is shown, unless another
/// `view=` names a screen) and a language it does not have (the language is left as
/// it was). One problem per pair, so a link's length bounds them.
pub fn route_problems(params: &[(String, String)]) -> Vec<LinkProblem> {
    let any_view = params.iter().any(|(key, value)| key == VIEW_KEY && shell_value_applies(key, value));
    params
        .iter()
        .filter_map(|(key, value)| match key.as_str() {
            VIEW_KEY if View::from_key(value).is_none() => {
                let reason = if any_view { LinkReason::UnknownName } else { LinkReason::NoSuchScreen };
                Some(LinkProblem::new(key, value, reason))
            }
            LANG_KEY if Lang::from_code(value).is_none() => {
                Some(LinkProblem::new(key, value, LinkReason::NoSuchLanguage))
            }
            _ => None,
        })
        .collect()
}

/// Whether [`route`] takes `value` for the shell's `key` (`view=` a screen the app has,
/// `lang=` a language it has); of several it takes, the last applies.
pub fn shell_value_applies(key: &str, value: &str) -> bool {
    match key {
        VIEW_KEY => View::from_key(value).is_some(),
        LANG_KEY => Lang::from_code(value).is_some(),
        _ => false,
    }
}

/// The address key of the presenter view's slide, counted from 1.
pub const SLIDE_KEY: &str = "slide";

/// The most slides the presenter view can have: the scenario on screen and every
/// scenario a store is read with (`saved::MAX_READ_SCENARIOS`). A larger `slide=` is
/// named among a link's problems without reading the deck, which the link cannot know.
pub const MAX_SLIDES: usize = 1 + MAX_READ_SCENARIOS;

/// Reads a `slide=` value (counted from 1): the index, counted from 0, of the slide it
/// asks for, and why it could not be read as written, if it could not. Then the index
/// is the first slide's (for a value that is not a whole number from 1) or the last
/// one's there can be (for a number beyond [`MAX_SLIDES`]). An empty value asks for
/// the first slide. The one reading, for the presenter and for a link's problems; it
/// never allocates, whatever the number.
pub fn read_slide(value: &str) -> (usize, Option<LinkReason>) {
    let text = value.trim();
    if text.is_empty() {
        return (0, None);
    }
    // Digits only: `usize`'s own parser also takes a leading `+`, which the app never
    // writes.
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return (0, Some(LinkReason::NotASlide));
    }
    match text.parse::<usize>() {
        Ok(0) => (0, Some(LinkReason::NotASlide)),
        Ok(number) if number <= MAX_SLIDES => (number - 1, None),
        // Beyond the limit, or beyond any `usize`: either way past the last slide.
        _ => (MAX_SLIDES - 1, Some(LinkReason::BeyondLastSlide { max: MAX_SLIDES })),
    }
}

/// The slide (counted from 0) that `params` ask the presenter for, within a deck of
/// `slides`: [`read_slide`], and the deck's last slide for a number beyond it.
pub fn slide_index(params: &[(String, String)], slides: usize) -> usize {
    param(params, SLIDE_KEY).map_or(0, |value| read_slide(&value).0).min(slides.saturating_sub(1))
}

/// The value of `key` among a fragment's parameters (the last one wins), if present.
pub fn param(params: &[(String, String)], key: &str) -> Option<String> {
    params.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

/// The fragment for a view, keeping the other parameters.
pub fn fragment_for(view: View, lang: Lang, params: &[(String, String)]) -> String {
    fragment_with_tail(view, lang, &fragment_tail(params))
}

/// The encoded `&key=value…` of `params` (without `view` and `lang`), which a
/// fragment for any view and language ends with: computed once per scenario and
/// shared by every navigation link.
pub fn fragment_tail(params: &[(String, String)]) -> String {
    let mut out = String::new();
    for (key, value) in params.iter().filter(|(k, _)| !SHELL_KEYS.contains(&k.as_str())) {
        out.push('&');
        out.push_str(&percent_encode(key));
        out.push('=');
        out.push_str(&percent_encode(value));
    }
    out
}

/// The fragment for a view and language, ending with a [`fragment_tail`].
pub fn fragment_with_tail(view: View, lang: Lang, tail: &str) -> String {
    format!("#view={}&lang={}{tail}", view.key(), lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use blockvote_model::link::percent_decode;

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
        // A pair too long to read is not read at all (`link::read_fragment`).
        check(&format!("#view=cashflow&x={}&lang=en", "y".repeat(2_000_000)), View::Cashflow, None, 1);
    }

    /// The words of a fragment's `view=` and `lang=` problems, in English.
    #[track_caller]
    fn check_problems(fragment: &str, expected: &[&str]) {
        let words: Vec<String> =
            route_problems(&route(fragment).params).iter().map(|p| crate::links::problem_text(p).en).collect();
        assert_eq!(words, expected, "{fragment}");
    }

    #[test]
    fn a_screen_or_language_the_app_does_not_have_is_named() {
        check_problems("#view=projects&lang=zh", &[]);
        check_problems("#view=risk&lang=ZH-hk", &[]);
        check_problems(
            "#view=bogus&lang=xx",
            &[
                "“view=bogus” is not a screen of blockvote; the overview is shown.",
                "“lang=xx” is not a language of blockvote (zh or en); the language was not changed.",
            ],
        );
        check_problems(
            "#view=&lang=",
            &[
                "“view=” is not a screen of blockvote; the overview is shown.",
                "“lang=” is not a language of blockvote (zh or en); the language was not changed.",
            ],
        );
        // Another `view=` names the screen shown.
        check_problems("#view=bogus&view=risk", &["“view=bogus” is not a name blockvote knows."]);
        // Shortened as every problem is, and said to be.
        let long = format!("#view={}", "v".repeat(100));
        check_problems(
            &long,
            &[&format!("“view={}…” is not a screen of blockvote; the overview is shown.", "v".repeat(40))],
        );
        assert_eq!(
            route_problems(&route("#view=bogus").params)
                .iter()
                .map(|p| crate::links::problem_text(p).zh)
                .collect::<Vec<_>>(),
            ["「view=bogus」不是 blockvote 的畫面，現顯示概覽。"]
        );
    }

    /// `slide=value` in a deck of `slides`: the slide the presenter shows (from 1) and
    /// the words of its problem, in English then Chinese, if it has one.
    #[track_caller]
    fn check_slide(value: &str, slides: usize, expected: (usize, Option<(&str, &str)>)) {
        let params = [(SLIDE_KEY.to_string(), value.to_string())];
        let shown = slide_index(&params, slides) + 1;
        let words = read_slide(value).1.map(|why| crate::links::problem_text(&LinkProblem::new(SLIDE_KEY, value, why)));
        let words = words.as_ref().map(|w| (w.en.as_str(), w.zh.as_str()));
        assert_eq!((shown, words), expected, "slide={value} of {slides}");
    }

    #[test]
    fn a_slide_the_presenter_cannot_show_is_named() {
        check_slide("1", 3, (1, None));
        check_slide(" 3 ", 3, (3, None));
        check_slide("", 3, (1, None));
        // A number beyond this browser's deck shows its last slide ("3 of 3").
        check_slide("7", 3, (3, None));
        check_slide("2001", 1, (1, None));
        let not_a_slide = |value: &str| {
            (
                format!("“slide={value}” is not a slide number (a whole number from 1); it was ignored, and the presenter view shows the first slide."),
                format!("「slide={value}」不是簡報中情景的編號（由 1 起的整數），已略過；簡報模式顯示第一個情景。"),
            )
        };
        for value in ["abc", "0", "-1", "1.5", "+2", "00"] {
            let (en, zh) = not_a_slide(value);
            check_slide(value, 3, (1, Some((&en, &zh))));
        }
        let beyond = |value: &str| {
            (
                format!("“slide={value}” is beyond 2,001, the most slides there can be; the presenter view shows the last slide."),
                format!("「slide={value}」超過簡報最多可有的 2,001 個情景，簡報模式顯示最後一個情景。"),
            )
        };
        // Beyond any deck, and beyond any `usize`: read without allocating, and the
        // last slide shown.
        for value in ["99999", "2002", "340282366920938463463374607431768211456"] {
            let (en, zh) = beyond(value);
            check_slide(value, 3, (3, Some((&en, &zh))));
        }
        assert_eq!(MAX_SLIDES, 2_001);
        // An empty deck still shows its first (the scenario on screen).
        check_slide("5", 0, (1, None));
    }

    #[test]
    fn a_fragment_is_its_view_and_language_then_the_shared_tail() {
        let pairs = [("cost".to_string(), "10".to_string()), ("q".to_string(), "保安 a&b".to_string())];
        let tail = fragment_tail(&pairs);
        assert_eq!(tail, "&cost=10&q=%E4%BF%9D%E5%AE%89%20a%26b");
        assert_eq!(fragment_with_tail(View::Present, Lang::Zh, &tail), fragment_for(View::Present, Lang::Zh, &pairs));
        // The view and language of the pairs never override the ones asked for.
        let stray = [("view".to_string(), "brief".to_string()), ("lang".to_string(), "en".to_string())];
        assert_eq!(fragment_for(View::Present, Lang::Zh, &stray), "#view=present&lang=zh");
        check("#view=present&lang=en&slide=3", View::Present, Some(Lang::En), 3);
    }

    #[test]
    fn percent_coding_round_trips() {
        for text in ["保安", "a b&c=d", "%", "100%", "<script>", ""] {
            assert_eq!(percent_decode(&percent_encode(text)), text);
        }
        assert_eq!(percent_decode("%E4%BF%9D"), "保");
        assert_eq!(percent_decode("%FF"), "%FF", "a byte that is not UTF-8 as the link wrote it");
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
