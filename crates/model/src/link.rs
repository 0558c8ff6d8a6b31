//! Scenarios in links: the URL fragment's `key=value` pairs ⇄ a [`Scenario`].
//!
//! The format is documented with examples in `docs/links.md`. The global levers are
//! readable pairs a person can edit by hand (`profile=even&slip=0.3&delay=2`); edits of
//! single projects are compact (`p=17:d2,x;42:b5.5`). Decoding is total: it never
//! panics and never fails as a whole — every pair it cannot use becomes a
//! [`LinkProblem`] naming the key and why, and the rest of the link still applies.
//! Lengths are bounded, so a megabyte of text costs nothing.
//!
//! [`parse_fragment`] turns the fragment's text into those pairs (percent-decoding
//! them), so the whole path from a pasted link to a scenario is here and is fuzzed
//! (`fuzz/fuzz_targets/link_decode.rs`, see `docs/fuzzing.md`).

use crate::engine::{
    CashCap, CategoryEdit, DeferralRule, Edit, GroupEdit, Profile, ProjectEdit, Scenario, Selector,
    MAX_COST_CHANGE_PCT, MAX_SHIFT_QUARTERS, MIN_COST_CHANGE_PCT,
};
use crate::money::{Money, MAX_INPUT_MILLIONS};
use crate::themes::Theme;
use rust_decimal::Decimal;
use std::fmt;

/// The keys a link may carry for the scenario (others, such as `view` and `lang`, are
/// the shell's).
pub const SCENARIO_KEYS: [&str; 15] = [
    "profile",
    "slip",
    "delay",
    "cost",
    "ceiling",
    "floor",
    "cap",
    "rule",
    "ongoing",
    "seed",
    "p",
    "g",
    "cat",
    "target",
    "retention",
];

/// The most project edits, group edits or categories a link may carry.
pub const MAX_ITEMS: usize = 300;
/// The longest value read for one key.
pub const MAX_VALUE_CHARS: usize = 8 * 1024;

/// What a link asks for beyond the scenario itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkScenario {
    pub scenario: Scenario,
    /// The Monte Carlo seed, if the link names one.
    pub seed: Option<u64>,
    /// True if the link carried any scenario key at all.
    pub any: bool,
}

/// One pair of a link that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkProblem {
    pub key: String,
    /// The offending value, shortened for display.
    pub value: String,
    pub reason: LinkReason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkReason {
    NotANumber,
    OutOfRange { min: String, max: String },
    UnknownName,
    Malformed,
    TooMany,
}

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match &self.reason {
            LinkReason::NotANumber => "is not a number".to_string(),
            LinkReason::OutOfRange { min, max } => format!("must be between {min} and {max}"),
            LinkReason::UnknownName => "is not a known name".to_string(),
            LinkReason::Malformed => "is not in the expected form".to_string(),
            LinkReason::TooMany => format!("has more than {MAX_ITEMS} items"),
        };
        write!(f, "{}={:?} {}", self.key, self.value, why)
    }
}

fn problem(key: &str, value: &str, reason: LinkReason) -> LinkProblem {
    LinkProblem { key: key.to_string(), value: value.chars().take(40).collect(), reason }
}

fn parse_decimal(key: &str, value: &str, min: Decimal, max: Decimal) -> Result<Decimal, LinkProblem> {
    let number = Money::parse_millions(value).map_err(|_| problem(key, value, LinkReason::NotANumber))?.millions();
    if number < min || number > max {
        return Err(problem(key, value, LinkReason::OutOfRange { min: min.to_string(), max: max.to_string() }));
    }
    Ok(number)
}

/// A share as a field takes it (`0.33`, `33%`, `69/210`), so a link carries exactly
/// what the member typed.
fn parse_share(key: &str, value: &str) -> Result<Decimal, LinkProblem> {
    crate::entry::share_in(value).map_err(|error| match error {
        crate::entry::EntryError::OutOfRange { min, max } => {
            problem(key, value, LinkReason::OutOfRange { min: min.to_string(), max: max.to_string() })
        }
        _ => problem(key, value, LinkReason::NotANumber),
    })
}

fn parse_money(key: &str, value: &str) -> Result<Money, LinkProblem> {
    parse_decimal(key, value, Decimal::ZERO, Decimal::from(MAX_INPUT_MILLIONS)).map(Money::from_millions)
}

fn parse_quarters(key: &str, value: &str, min: i32) -> Result<i32, LinkProblem> {
    let number: i32 = value.trim().parse().map_err(|_| problem(key, value, LinkReason::NotANumber))?;
    if number < min || number > MAX_SHIFT_QUARTERS {
        return Err(problem(
            key,
            value,
            LinkReason::OutOfRange { min: min.to_string(), max: MAX_SHIFT_QUARTERS.to_string() },
        ));
    }
    Ok(number)
}

/// Reads one project's compact edit: `d2` defer, `e1` extend, `x` exclude, `b5.5`
/// budget (HK$M), `p:even` profile; comma-separated.
fn parse_edit(key: &str, text: &str) -> Result<Edit, LinkProblem> {
    let mut edit = Edit::default();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if part == "x" {
            edit.exclude = Some(true);
        } else if let Some(n) = part.strip_prefix('d') {
            edit.defer_quarters = Some(parse_quarters(key, n, -MAX_SHIFT_QUARTERS)?);
        } else if let Some(n) = part.strip_prefix('e') {
            edit.extend_quarters = Some(parse_quarters(key, n, -MAX_SHIFT_QUARTERS)?);
        } else if let Some(n) = part.strip_prefix('b') {
            edit.budget = Some(parse_money(key, n)?);
        } else if let Some(name) = part.strip_prefix("p:") {
            edit.profile = Some(Profile::from_key(name).ok_or_else(|| problem(key, part, LinkReason::UnknownName))?);
        } else {
            return Err(problem(key, part, LinkReason::Malformed));
        }
    }
    Ok(edit)
}

fn write_edit(edit: &Edit) -> String {
    let mut parts = Vec::new();
    if edit.exclude == Some(true) {
        parts.push("x".to_string());
    }
    if let Some(n) = edit.defer_quarters {
        parts.push(format!("d{n}"));
    }
    if let Some(n) = edit.extend_quarters {
        parts.push(format!("e{n}"));
    }
    if let Some(budget) = edit.budget {
        parts.push(format!("b{}", budget.millions().normalize()));
    }
    if let Some(profile) = edit.profile {
        parts.push(format!("p:{}", profile.key()));
    }
    parts.join(",")
}

fn parse_selector(key: &str, text: &str) -> Result<Selector, LinkProblem> {
    if text == "all" {
        return Ok(Selector::All);
    }
    if let Some(theme) = text.strip_prefix("theme.") {
        return Theme::from_key(theme)
            .map(|theme| Selector::Theme { theme })
            .ok_or_else(|| problem(key, text, LinkReason::UnknownName));
    }
    if let Some(order) = text.strip_prefix("dept.") {
        let order: usize = order.parse().map_err(|_| problem(key, text, LinkReason::NotANumber))?;
        // Departments are numbered in the paper's order from 1 in links.
        return order.checked_sub(1).map(|index| Selector::Department { index }).ok_or_else(|| {
            problem(key, text, LinkReason::OutOfRange { min: "1".into(), max: "the number of departments".into() })
        });
    }
    Err(problem(key, text, LinkReason::Malformed))
}

fn write_selector(selector: &Selector) -> String {
    match selector {
        Selector::All => "all".to_string(),
        Selector::Theme { theme } => format!("theme.{}", theme.key()),
        // Written exactly, 1-based, even for an index no department has (one can come
        // from an imported file): `index + 1` would overflow at `usize::MAX`.
        Selector::Department { index } => format!("dept.{}", u128::try_from(*index).map_or(u128::MAX, |i| i + 1)),
        Selector::DepartmentZh { name } => format!("dept.{name}"),
    }
}

/// Splits `a:b;c:d` into pairs, refusing more than [`MAX_ITEMS`].
fn items<'a>(key: &str, value: &'a str) -> Result<Vec<(&'a str, &'a str)>, LinkProblem> {
    let list: Vec<&str> = value.split(';').map(str::trim).filter(|s| !s.is_empty()).collect();
    if list.len() > MAX_ITEMS {
        return Err(problem(key, value, LinkReason::TooMany));
    }
    list.into_iter().map(|item| item.split_once(':').ok_or_else(|| problem(key, item, LinkReason::Malformed))).collect()
}

/// The longest fragment read, in characters; anything beyond is ignored, so a
/// megabyte of text in a link costs nothing.
pub const MAX_FRAGMENT_CHARS: usize = 16 * 1024;

/// Splits a URL fragment (`#view=projects&p=17:d2`, with or without the `#`) into its
/// `key=value` pairs, in order, percent-decoded. Only the first
/// [`MAX_FRAGMENT_CHARS`] characters are read; empty pieces between `&`s are skipped
/// and a piece without `=` is a key with an empty value. Total: any text gives pairs.
pub fn parse_fragment(fragment: &str) -> Vec<(String, String)> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let fragment: String = fragment.chars().take(MAX_FRAGMENT_CHARS).collect();
    fragment
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

/// Decodes `%XX` escapes and `+` as space; invalid escapes are kept as text and
/// invalid UTF-8 becomes U+FFFD, so decoding never fails.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        // The two bytes after a `%`, if they are there and read as a hexadecimal byte.
        let escaped = (byte == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (byte, escaped) {
            (_, Some(decoded)) => {
                out.push(decoded);
                index += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                index += 1;
            }
            (other, None) => {
                out.push(other);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes everything but unreserved characters (and `,` and `:`, which the compact
/// edits use and which need no escaping in a fragment).
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

/// Applies every scenario pair of `params` to the paper's baseline.
pub fn decode(params: &[(String, String)]) -> (LinkScenario, Vec<LinkProblem>) {
    let mut result = LinkScenario::default();
    let mut problems = Vec::new();
    let scenario = &mut result.scenario;
    for (key, value) in params {
        if !SCENARIO_KEYS.contains(&key.as_str()) {
            continue;
        }
        result.any = true;
        let value: String = value.chars().take(MAX_VALUE_CHARS).collect();
        let value = value.trim();
        let outcome: Result<(), LinkProblem> = (|| {
            match key.as_str() {
                "profile" => {
                    scenario.default_profile =
                        Profile::from_key(value).ok_or_else(|| problem(key, value, LinkReason::UnknownName))?;
                }
                "slip" => {
                    scenario.slippage.share = parse_share(key, value)?;
                    scenario.slippage.enabled = true;
                }
                "delay" => {
                    let quarters = parse_quarters(key, value, 0)?;
                    scenario.slippage.quarters = u32::try_from(quarters).unwrap_or(0);
                    scenario.slippage.enabled = true;
                }
                "cost" => {
                    scenario.cost_change_pct = parse_decimal(
                        key,
                        value,
                        Decimal::from(MIN_COST_CHANGE_PCT),
                        Decimal::from(MAX_COST_CHANGE_PCT),
                    )?;
                }
                "ceiling" => scenario.delegation.ceiling = Some(parse_money(key, value)?),
                "floor" => scenario.delegation.floor = Some(parse_money(key, value)?),
                "cap" => {
                    let amount = parse_money(key, value)?;
                    let rule = scenario.cap.as_ref().map(|c| c.rule).unwrap_or_default();
                    scenario.cap = Some(CashCap { amount, rule });
                }
                "rule" => {
                    let rule =
                        DeferralRule::from_key(value).ok_or_else(|| problem(key, value, LinkReason::UnknownName))?;
                    match scenario.cap.as_mut() {
                        Some(cap) => cap.rule = rule,
                        // A hand-written link may name the rule before its cap.
                        None => pending_rule_fix(params, scenario, rule),
                    }
                }
                "ongoing" => scenario.ongoing_budget_year = Some(parse_money(key, value)?),
                "retention" => scenario.retention = Some(parse_decimal(key, value, Decimal::ZERO, Decimal::ONE)?),
                "seed" => {
                    result.seed = Some(value.parse().map_err(|_| problem(key, value, LinkReason::NotANumber))?);
                }
                "target" => scenario.allocation.scale_to = Some(parse_money(key, value)?),
                // A list pair is read whole before any of it applies, so a pair with
                // one bad item changes nothing and is reported, like any other pair.
                "p" => {
                    let edits = items(key, value)?
                        .into_iter()
                        .map(|(id, edit)| {
                            let id: u16 = id.trim().parse().map_err(|_| problem(key, id, LinkReason::NotANumber))?;
                            Ok(ProjectEdit { id, edit: parse_edit(key, edit)? })
                        })
                        .collect::<Result<Vec<_>, LinkProblem>>()?;
                    for edit in edits {
                        scenario.projects.retain(|p| p.id != edit.id);
                        scenario.projects.push(edit);
                    }
                    scenario.projects.sort_by_key(|p| p.id);
                }
                "g" => {
                    let edits = items(key, value)?
                        .into_iter()
                        .map(|(select, edit)| {
                            Ok(GroupEdit { select: parse_selector(key, select.trim())?, edit: parse_edit(key, edit)? })
                        })
                        .collect::<Result<Vec<_>, LinkProblem>>()?;
                    scenario.groups.extend(edits);
                }
                "cat" => {
                    let edits = items(key, value)?
                        .into_iter()
                        .map(|(id, spec)| {
                            let id: u8 = id.trim().parse().map_err(|_| problem(key, id, LinkReason::NotANumber))?;
                            let mut edit = CategoryEdit { id, amount: None, locked: false };
                            for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                                if part == "L" {
                                    edit.locked = true;
                                } else {
                                    edit.amount = Some(parse_money(key, part)?);
                                }
                            }
                            Ok(edit)
                        })
                        .collect::<Result<Vec<_>, LinkProblem>>()?;
                    for edit in edits {
                        scenario.allocation.categories.retain(|c| c.id != edit.id);
                        scenario.allocation.categories.push(edit);
                    }
                }
                _ => {}
            }
            Ok(())
        })();
        if let Err(p) = outcome {
            problems.push(p);
        }
    }
    (result, problems)
}

/// `rule=` may come before `cap=` in a hand-written link: this looks ahead for the
/// cap and sets both, so the order of the pairs does not matter.
fn pending_rule_fix(params: &[(String, String)], scenario: &mut Scenario, rule: DeferralRule) {
    if let Some((_, value)) = params.iter().find(|(k, _)| k == "cap") {
        if let Ok(amount) = parse_money("cap", value) {
            scenario.cap = Some(CashCap { amount, rule });
        }
    }
}

/// The pairs that describe `scenario` (and the seed, if given), omitting everything
/// that equals the baseline, so the paper's own scenario is an empty list.
pub fn encode(scenario: &Scenario, seed: Option<u64>) -> Vec<(String, String)> {
    let baseline = Scenario::default();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut push = |key: &str, value: String| pairs.push((key.to_string(), value));
    if scenario.default_profile != baseline.default_profile {
        push("profile", scenario.default_profile.key().to_string());
    }
    if scenario.slippage.enabled {
        push("slip", crate::entry::share_text(scenario.slippage.share));
        push("delay", scenario.slippage.quarters.to_string());
    }
    if scenario.cost_change_pct != Decimal::ZERO {
        push("cost", scenario.cost_change_pct.normalize().to_string());
    }
    if let Some(ceiling) = scenario.delegation.ceiling {
        push("ceiling", ceiling.millions().normalize().to_string());
    }
    if let Some(floor) = scenario.delegation.floor {
        push("floor", floor.millions().normalize().to_string());
    }
    if let Some(cap) = &scenario.cap {
        push("cap", cap.amount.millions().normalize().to_string());
        push("rule", cap.rule.key().to_string());
    }
    if let Some(ongoing) = scenario.ongoing_budget_year {
        push("ongoing", ongoing.millions().normalize().to_string());
    }
    if let Some(retention) = scenario.retention {
        push("retention", retention.normalize().to_string());
    }
    if let Some(target) = scenario.allocation.scale_to {
        push("target", target.millions().normalize().to_string());
    }
    if !scenario.allocation.categories.is_empty() {
        let list: Vec<String> = scenario
            .allocation
            .categories
            .iter()
            .map(|c| {
                let mut parts = Vec::new();
                if let Some(amount) = c.amount {
                    parts.push(amount.millions().normalize().to_string());
                }
                if c.locked {
                    parts.push("L".to_string());
                }
                format!("{}:{}", c.id, parts.join(","))
            })
            .collect();
        push("cat", list.join(";"));
    }
    if !scenario.projects.is_empty() {
        let list: Vec<String> = scenario.projects.iter().map(|p| format!("{}:{}", p.id, write_edit(&p.edit))).collect();
        push("p", list.join(";"));
    }
    if !scenario.groups.is_empty() {
        let list: Vec<String> =
            scenario.groups.iter().map(|g| format!("{}:{}", write_selector(&g.select), write_edit(&g.edit))).collect();
        push("g", list.join(";"));
    }
    if let Some(seed) = seed {
        push("seed", seed.to_string());
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        text.split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_string(), v.to_string())
            })
            .collect()
    }

    #[track_caller]
    fn check(link: &str, problems: usize) {
        let (decoded, found) = decode(&pairs(link));
        assert_eq!(found.len(), problems, "{link}: {found:?}");
        let encoded = encode(&decoded.scenario, decoded.seed);
        let (again, none) = decode(&encoded);
        assert!(none.is_empty(), "{link}: re-decoding {encoded:?} gave {none:?}");
        assert_eq!(again.scenario, decoded.scenario, "{link} round trip");
    }

    #[test]
    fn a_typed_fraction_is_written_short() {
        let (decoded, problems) = decode(&pairs("slip=1/3&delay=2"));
        assert!(problems.is_empty());
        let written = encode(&decoded.scenario, None);
        assert!(written.contains(&("slip".to_string(), "1/3".to_string())), "{written:?}");
    }

    #[test]
    fn links_decode_and_round_trip() {
        check("", 0);
        check("profile=even&slip=0.5&delay=2&cost=-10&ceiling=20&floor=0.5&cap=1000&rule=most_cash&seed=42", 0);
        check("slip=1/3", 0);
        check("slip=33%", 0);
        check("slip=69/210&delay=1", 0);
        check("slip=1/0", 1);
        check("p=17:d2,x;42:b5.5,p:back_loaded;3:e1&g=theme.technology_refresh:d1;dept.2:d3", 0);
        check("cat=1:300,L;2:150&target=1000&ongoing=800&retention=0.8", 0);
        check("profile=sideways&slip=2&delay=x&cost=abc&ceiling=-1", 5);
        check("p=17:q9&g=planet.mars:d1&cat=x:1", 3);
        check("rule=largest&cap=900", 0);
        check(&format!("p={}", "1:d1;".repeat(1000)), 1);
        check("slip=<script>alert(1)</script>", 1);
    }

    #[test]
    fn fragments_split_into_decoded_pairs() {
        let owned = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
        };
        assert_eq!(parse_fragment(""), owned(&[]));
        assert_eq!(parse_fragment("#"), owned(&[]));
        assert_eq!(parse_fragment("#view=risk&&lang=en&"), owned(&[("view", "risk"), ("lang", "en")]));
        assert_eq!(parse_fragment("view"), owned(&[("view", "")]));
        assert_eq!(parse_fragment("a=b=c"), owned(&[("a", "b=c")]));
        assert_eq!(parse_fragment("##x=1"), owned(&[("#x", "1")]));
        assert_eq!(parse_fragment("q=%E4%BF%9D%E5%AE%89+x"), owned(&[("q", "保安 x")]));
        assert_eq!(parse_fragment("#%ZZ=%&&&="), owned(&[("%ZZ", "%"), ("", "")]));
        // Only the first MAX_FRAGMENT_CHARS characters are read.
        let long = format!("#x={}&slip=1", "y".repeat(2 * MAX_FRAGMENT_CHARS));
        let pairs = parse_fragment(&long);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs.first().map(|(_, v)| v.chars().count()), Some(MAX_FRAGMENT_CHARS - 2));
    }

    #[test]
    fn percent_coding_round_trips() {
        for text in ["保安", "a b&c=d", "%", "100%", "<script>", "", "+", "%2", "p=17:d2,x;42:x"] {
            assert_eq!(percent_decode(&percent_encode(text)), text);
        }
        assert_eq!(percent_decode("%E4%BF%9D"), "保");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%%41"), "%A");
        assert_eq!(percent_encode("a b"), "a%20b");
    }

    #[test]
    fn the_baseline_encodes_to_nothing() {
        assert!(encode(&Scenario::default(), None).is_empty());
        let (decoded, problems) = decode(&pairs("view=projects&lang=en"));
        assert!(problems.is_empty() && !decoded.any);
    }
}
