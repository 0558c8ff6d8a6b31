use super::limits::{MAX_ABSORBED, MAX_BYTES, MAX_HISTORY, MAX_WRITE_BYTES, TOMBSTONE_MS};
use super::*;
use crate::engine::monte_carlo::OverrunSettings;
use crate::engine::{ProjectEdit, Scenario, Slippage};
use crate::known::{NotInData, MAX_NAMED_ABSENT};
use crate::nfc::nfc;
use crate::text::quoted;
use rust_decimal::Decimal;

/// Decodes `text` and checks how many scenarios were kept and the problems.
#[track_caller]
fn check(text: &str, kept: usize, expected: &[StoreProblem]) -> Store {
    let (store, problems) = decode_lenient(text, nfc);
    assert_eq!(problems, expected, "problems of {:?}", quoted(text, 200));
    assert_eq!(store.scenarios.len(), kept, "scenarios kept from {:?}", quoted(text, 200));
    store
}

/// The paper's data, which the app shows unless a member imported other data.
fn paper() -> crate::dataset::Dataset {
    crate::dataset::Dataset::paper().unwrap_or_else(|_| panic!("the paper's data loads"))
}

/// A row's problem; `name` is the row's name if it was read before the problem.
fn row(index: usize, name: Option<&str>, field: &'static str, reason: RowReason) -> StoreProblem {
    StoreProblem::Row { index, name: name.map(str::to_string), field, reason }
}

fn dearer(pct: i64) -> Scenario {
    Scenario { cost_change_pct: Decimal::from(pct), ..Scenario::default() }
}

fn names(store: &Store) -> Vec<&str> {
    store.scenarios.iter().map(|s| s.name.as_str()).collect()
}

/// A tab's writer at a time.
fn tab(random: u64, now: u64) -> Writer {
    let mut writer = Writer::new(random, nfc);
    writer.at(now);
    writer
}

/// Makes a change as the shell does: on a copy, then committed.
#[track_caller]
fn change<R>(store: &mut Store, writer: &mut Writer, op: impl FnOnce(&mut Store, &mut Writer) -> R) -> R {
    let mut after = store.clone();
    let result = op(&mut after, writer);
    *store = commit(store, after, writer).expect("the change is kept");
    result
}

#[test]
fn round_trip_of_files_and_of_the_stored_store() {
    let store = Store {
        scenarios: vec![
            SavedScenario {
                id: "k-1".into(),
                name: "Dearer 貴一成".into(),
                note: "for Tuesday\nsecond line".into(),
                scenario: dearer(10),
                simulation: Some(SimulationChoices::with_seed(7)),
                saved_at: Some(1_700_000_000_000),
                questions: Vec::new(),
                history: vec!["abc.2".into(), "abc.1".into()],
            },
            SavedScenario::new("s2", "Paper", Scenario::default(), None),
        ],
        deleted: vec![Tombstone { id: "k-9".into(), history: vec!["abc.3".into()], at: 1_700_000_000_001 }],
        absorbed: vec!["0123456789abcdef".into()],
    };
    let stored = encode_stored(&store);
    assert!(stored.starts_with(r#"{"format":"blockvote-scenarios","version":2,"scenarios":[{"id":"k-1","#));
    assert!(!stored.contains('\n'), "compact: {stored}");
    assert_eq!(decode(&stored, nfc), Ok(store.clone()));
    // A file carries the scenarios whole (notes, dates, stamps) but not the bookkeeping.
    let file = encode(&store);
    assert!(!file.contains("deleted") && !file.contains("absorbed"), "{file}");
    assert_eq!(decode(&file, nfc), Ok(store.scenarios_only()));
}

#[test]
fn shares_are_written_as_short_as_they_read_back_exactly() {
    // The paper's 69/210 (para 5) and a third typed as 1/3 are written as fractions,
    // not as 28-digit expansions a member would take for a residue; a typed 0.25 stays
    // as typed. Each reads back exactly, in the levers and in the simulation.
    let third = Decimal::ONE / Decimal::from(3);
    let cases =
        [(Slippage::default().share, "23/70"), (third, "1/3"), (Decimal::new(25, 2), "0.25"), (Decimal::ONE, "1")];
    for (share, written) in cases {
        let scenario = Scenario { slippage: Slippage { share, ..Slippage::default() }, ..Scenario::default() };
        let simulation = SimulationChoices {
            late_probability: Some(share),
            overrun: Some(OverrunSettings { probability: share, ..OverrunSettings::default() }),
            ..SimulationChoices::with_seed(7)
        };
        let store = Store::of(vec![SavedScenario::new("s1", "Shares", scenario, Some(simulation))]);
        let file = encode(&store);
        for field in ["share", "late_probability", "probability"] {
            assert!(file.contains(&format!(r#""{field}":"{written}""#)), "{field} of {share} in {file}");
        }
        assert_eq!(decode(&file, nfc), Ok(store.scenarios_only()), "{file}");
    }
    // What earlier versions wrote, the expansion, reads as the paper's share still.
    let earlier = r#"{"name":"A","scenario":{"slippage":{"enabled":true,"share":"0.3285714285714285714285714286"}}}"#;
    let read = check(&file(2, earlier, ""), 1, &[]);
    assert_eq!(read.scenarios[0].scenario.slippage.share, Slippage::default().share);
    // A fraction no share can be is refused where it stands, as a number is.
    check_unreadable(r#"{"slippage":{"share":"3/2"}}"#, "slippage.share", "3/2", Expected::Number);
}

#[test]
fn version_1_is_read_without_loss() {
    let text = r#"{
      "format": "blockvote-scenarios",
      "version": 1,
      "scenarios": [
        { "id": "s1", "name": "Ten per cent dearer", "scenario": { "cost_change_pct": "10" }, "seed": 7 },
        { "id": "s2", "name": "Paper", "scenario": {} }
      ]
    }"#;
    let store = check(text, 2, &[]);
    assert_eq!(
        store.scenarios[0],
        SavedScenario::new("s1", "Ten per cent dearer", dearer(10), Some(SimulationChoices::with_seed(7))),
        "no note, no date, no stamps: the first version of s1"
    );
    assert_eq!(store.scenarios[1], SavedScenario::new("s2", "Paper", Scenario::default(), None));
    assert!(store.deleted.is_empty() && store.absorbed.is_empty());
    // Written as version 2 and read again: the same.
    assert_eq!(decode(&encode_stored(&store), nfc), Ok(store));
    // Version 1 had no bookkeeping: lists of that name in a version-1 file are ignored.
    let store = check(
        r#"{"format":"blockvote-scenarios","version":1,"scenarios":[],"deleted":[{"id":"x","at":1}],"absorbed":["ab"]}"#,
        0,
        &[],
    );
    assert_eq!(store, Store::default());
}

#[test]
fn corrupt_json_and_wrong_shapes() {
    check("", 0, &[StoreProblem::NotJson { line: 1, column: 0 }]);
    check("{\"format\": \"blockvote-scen", 0, &[StoreProblem::NotJson { line: 1, column: 26 }]);
    check("garbage!!", 0, &[StoreProblem::NotJson { line: 1, column: 1 }]);
    // JSON allows any number; one beyond a 64-bit float is JSON that cannot be read.
    check(
        r#"{"format": "blockvote-scenarios", "version": 1e400}"#,
        0,
        &[StoreProblem::NumberTooLarge { line: 1, column: 50 }],
    );
    // One number too large to read refuses only what holds it (audit 12: one in a
    // scenario's `saved_at` hid every scenario of the store, and the text set aside
    // would not import again). In the bookkeeping it is dropped without a word.
    let keep = r#"{"id":"a-1","name":"Keep me","scenario":{"cost_change_pct":"5"}}"#;
    let store = |rows: &str, deleted: &str| {
        format!(r#"{{"format":"blockvote-scenarios","version":2,"scenarios":[{keep},{rows}]{deleted}}}"#)
    };
    let too_large = |field| StoreProblem::Row {
        index: 1,
        name: Some("Other".to_string()),
        field,
        reason: RowReason::NumberTooLarge,
    };
    let read = check(&store(r#"{"id":"a-2","name":"Other","saved_at":1e400,"scenario":{}}"#, ""), 2, &[]);
    assert_eq!((read.scenarios[1].name.as_str(), read.scenarios[1].saved_at), ("Other", None));
    check(&store(r#"{"id":"a-2","name":"Other","seed":1e400,"scenario":{}}"#, ""), 1, &[too_large("seed")]);
    // In the levers, it is named with its lever (see `check_unreadable`); where the
    // levers take any text (a department's name), with the levers.
    check(
        &store(r#"{"id":"a-2","name":"Other","scenario":{"cost_change_pct":-2e308}}"#, ""),
        1,
        &[StoreProblem::Unreadable {
            scenario: ScenarioAt { index: 1, name: "Other".into() },
            at: "cost_change_pct".into(),
            value: String::new(),
            expected: Expected::Within { min: "-100".into(), max: "1000".into() },
        }],
    );
    check(
        &store(
            r#"{"name":"Other","scenario":{"groups":[{"select":{"by":"department_zh","name":1e400},"edit":{}}]}}"#,
            "",
        ),
        1,
        &[too_large("scenario")],
    );
    let digits = "9".repeat(400);
    check(
        &store(&format!(r#"{{"name":"Other","note":"n","simulation":{{"runs":{digits}}},"scenario":{{}}}}"#), ""),
        1,
        &[too_large("simulation")],
    );
    check(
        &store(r#"{"name":1e400,"scenario":{}}"#, ""),
        1,
        &[StoreProblem::Row { index: 1, name: None, field: "name", reason: RowReason::NumberTooLarge }],
    );
    let read = check(
        &store(r#"{"id":"a-2","name":"Other","scenario":{}}"#, r#","deleted":[{"id":"x-1","rev":["a.1"],"at":1e999}]"#),
        2,
        &[],
    );
    assert_eq!(read.deleted.iter().map(|t| (t.id.as_str(), t.at)).collect::<Vec<_>>(), [("x-1", 0)]);
    // A number that only looks large, inside a name, is text and is kept as written.
    let read = check(&store(r#"{"name":"1e400 \" 1e999","scenario":{}}"#, ""), 2, &[]);
    assert_eq!(read.scenarios[1].name, "1e400 \" 1e999");
    // A key given twice is refused, not the last kept: a stored list of scenarios
    // followed by an empty one read as empty, and the next save wrote that over it.
    let repeated = |key: &str, column| StoreProblem::RepeatedKey { key: key.to_string(), line: 1, column };
    check(
        r#"{"format":"blockvote-scenarios","version":2,"scenarios":[{"name":"Budget hearing draft","scenario":{}}],"scenarios":[]}"#,
        0,
        &[repeated("scenarios", 115)],
    );
    check(
        r#"[{"name":"a","scenario":{"cost_change_pct":"10","cost_change_pct":"0"}}]"#,
        0,
        &[repeated("cost_change_pct", 65)],
    );
    let long = "k".repeat(100);
    check(&format!(r#"{{"{long}":1,"{long}":2}}"#), 0, &[repeated(&format!("{}…", "k".repeat(60)), 208)]);
    check("42", 0, &[StoreProblem::NotAStore]);
    check("\"text\"", 0, &[StoreProblem::NotAStore]);
    check("{}", 0, &[StoreProblem::WrongFormat]);
    check(r#"{"format":"other","version":1,"scenarios":[]}"#, 0, &[StoreProblem::WrongFormat]);
    let bad = |found: Option<&str>, as_text| [StoreProblem::BadVersion { found: found.map(str::to_string), as_text }];
    check(r#"{"format":"blockvote-scenarios","scenarios":[]}"#, 0, &bad(None, false));
    check(r#"{"format":"blockvote-scenarios","version":"1","scenarios":[]}"#, 0, &bad(Some("1"), true));
    check(r#"{"format":"blockvote-scenarios","version":-1,"scenarios":[]}"#, 0, &bad(Some("-1"), false));
    check(r#"{"format":"blockvote-scenarios","version":1.5,"scenarios":[]}"#, 0, &bad(Some("1.5"), false));
    check(r#"{"format":"blockvote-scenarios","version":[2],"scenarios":[]}"#, 0, &bad(Some("[2]"), false));
    // A whole number is the version however JSON writes it (audit 12: `2.0` and `-0`
    // were said not to give a version at all).
    check(r#"{"format":"blockvote-scenarios","version":2.0,"scenarios":[{"name":"A","scenario":{}}]}"#, 1, &[]);
    check(r#"{"format":"blockvote-scenarios","version":-0,"scenarios":[]}"#, 0, &[]);
    check(r#"{"format":"blockvote-scenarios","version":1e0,"scenarios":[]}"#, 0, &[]);
    check(r#"{"format":"blockvote-scenarios","version":1}"#, 0, &[StoreProblem::NoScenarios]);
    check(r#"{"format":"blockvote-scenarios","version":1,"scenarios":{}}"#, 0, &[StoreProblem::NoScenarios]);
    check(r#"{"format":"blockvote-scenarios","version":2,"scenarios":[]}"#, 0, &[]);
}

/// A stored text cut short (storage filled while it was written, say) or damaged in one
/// place keeps every scenario written in full before the damage; the problem says where
/// the damage is, and the text is set aside as it was by the app, as for any problem.
#[test]
fn a_damaged_store_keeps_the_scenarios_written_in_full_before_the_damage() {
    let mut store = Store::default();
    let mut writer = tab(1, 1_000);
    for (name, pct) in [("Alpha", 5), ("Beta", 10), ("Gamma", 15)] {
        change(&mut store, &mut writer, |s, w| s.save(w, name, dearer(pct), None)).unwrap_or_else(|e| panic!("{e:?}"));
    }
    let text = encode_stored(&store);
    let at = |column| vec![StoreProblem::NotJson { line: 1, column }];
    // Cut inside Gamma: Alpha and Beta, as they were saved.
    let cut = &text[..text.find("Gamma").unwrap_or_default()];
    let kept = check(cut, 2, &at(cut.len()));
    assert_eq!(kept.scenarios[..], store.scenarios[..2]);
    // Cut after the list (inside the deletions kept after it): all three.
    let cut = &text[..text.len() - 2];
    assert_eq!(check(cut, 3, &at(cut.len())).scenarios, store.scenarios);
    // One name damaged (an escape that is none): the scenarios before it.
    let damaged = text.replacen("\"Beta\"", "\"Be\\xta\"", 1);
    let column = damaged.find("\\x").unwrap_or_default() + 2;
    assert_eq!(check(&damaged, 1, &at(column)).scenarios[..], store.scenarios[..1]);
    // Half a UTF-16 pair in a name (as JavaScript writes one) is not damage: it reads
    // as U+FFFD, and every scenario reads; the change is named, where it is (audit 12:
    // "Bad�Name" was read without a word).
    let half = text.replacen("\"Beta\"", "\"Be\\ud800ta\"", 1);
    let column = half.find("\\ud800").unwrap_or_default() + 1;
    let read = check(&half, 3, &[StoreProblem::HalfCharacter { line: 1, column }]);
    assert_eq!(names(&read), ["Alpha", "Be\u{fffd}ta", "Gamma"]);
    // Cut before any scenario is complete, or inside the envelope: nothing to read, and
    // the damage is the one problem.
    let cut = &text[..text.find("Alpha").unwrap_or_default()];
    check(cut, 0, &at(cut.len()));
    check(&text[..12], 0, &at(12));
    // An import of such a file reads the same scenarios.
    let cut = &text[..text.find("Gamma").unwrap_or_default()];
    let (imported, problems) = decode_import(cut, nfc, &paper());
    assert_eq!((names(&imported), problems), (vec!["Alpha", "Beta"], at(cut.len())));
}

#[test]
fn future_versions_are_refused_with_a_clear_message() {
    let problem = StoreProblem::FutureVersion { found: 3 };
    check(
        r#"{"format":"blockvote-scenarios","version":3,"scenarios":[{"name":"x","scenario":{}}]}"#,
        0,
        std::slice::from_ref(&problem),
    );
}

#[test]
fn version_0_is_migrated() {
    let store = check(r#"[{"cost_change_pct":"10"},{}]"#, 2, &[]);
    assert_eq!(store.scenarios[0].name, "Scenario 1 情景 1");
    assert_eq!(store.scenarios[0].scenario.cost_change_pct, Decimal::TEN);
    assert_eq!(store.scenarios[1].scenario, Scenario::default());
    assert_eq!((store.scenarios[0].id.as_str(), store.scenarios[1].id.as_str()), ("s1", "s2"));
    check(r#"{"format":"blockvote-scenarios","version":0,"scenarios":[{}]}"#, 1, &[]);
    // A version-0 array with a bad element reports that element only.
    check(
        r#"[{}, 5]"#,
        1,
        &[row(1, Some("Scenario 2 情景 2"), "scenario", RowReason::WrongType { expected: "object" })],
    );
}

#[test]
fn rows_with_wrong_types_are_reported_and_the_rest_kept() {
    let text = r#"{"format":"blockvote-scenarios","version":2,"scenarios":[
        {"id":"s1","name":"good","scenario":{}},
        {"id":"s2","name":5,"scenario":{}},
        {"id":"s3","scenario":{}},
        {"id":"s4","name":"no scenario"},
        {"id":"s5","name":"bad lever","scenario":{"slippage":{"quarters":"many"}}},
        {"id":"s6","name":"bad seed","scenario":{},"seed":-3},
        {"id":7,"name":"bad id","scenario":{}},
        "not an object",
        {"id":"s9","name":"   ","scenario":{}},
        {"id":"s10","name":"list","scenario":[]},
        {"id":"s11","name":"note","note":3,"scenario":{}}
    ]}"#;
    let (store, problems) = decode_lenient(text, nfc);
    assert_eq!(store.scenarios.len(), 1);
    let fields: Vec<(usize, &str)> = problems
        .iter()
        .filter_map(|p| match p {
            StoreProblem::Row { index, field, .. } => Some((*index, *field)),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            (1, "name"),
            (2, "name"),
            (3, "scenario"),
            (5, "seed"),
            (6, "id"),
            (7, "scenario"),
            (8, "name"),
            (9, "scenario"),
            (10, "note")
        ]
    );
    assert_eq!(
        problems[3],
        StoreProblem::Unreadable {
            scenario: ScenarioAt { index: 4, name: "bad lever".into() },
            at: "slippage.quarters".into(),
            value: "many".into(),
            expected: Expected::WholeNumber,
        }
    );
    assert!(decode(text, nfc).is_err());
}

#[test]
fn bookkeeping_that_cannot_be_read_is_dropped_not_the_scenario() {
    let store = check(
        r#"{"format":"blockvote-scenarios","version":2,"scenarios":[
            {"id":"a","name":"A","scenario":{},"saved_at":"yesterday","rev":["ok.1",5,"<bad>","ok.1","ok.0"]}],
          "deleted":[{"id":"b","rev":["x.1"],"at":3},{"rev":["x.2"]},7,{"id":"","at":1}],
          "absorbed":["ab12", 9, "no spaces please"]}"#,
        1,
        &[],
    );
    assert_eq!(store.scenarios[0].saved_at, None);
    assert_eq!(store.scenarios[0].history, vec!["ok.1", "ok.0"]);
    assert_eq!(store.deleted, vec![Tombstone { id: "b".into(), history: vec!["x.1".into()], at: 3 }]);
    assert_eq!(store.absorbed, vec!["ab12"]);
    // A list of stamps far longer than any writer makes (a file may hold 100,000) is
    // read as far as the MAX_HISTORY distinct stamps kept, for a row and a deletion
    // alike: reading it all, each stamp compared with the others, froze the page.
    let long: Vec<String> = (0..100_000).map(|n| format!("\"r.{}\"", n / 2)).collect();
    let long = long.join(",");
    let store = check(
        &format!(
            r#"{{"format":"blockvote-scenarios","version":2,"scenarios":[{{"id":"a","name":"A","scenario":{{}},"rev":[{long}]}}],
              "deleted":[{{"id":"b","rev":[{long}],"at":3}}]}}"#
        ),
        1,
        &[],
    );
    let first: Vec<String> = (0..MAX_HISTORY).map(|n| format!("r.{n}")).collect();
    assert_eq!(store.scenarios[0].history, first);
    assert_eq!(store.deleted[0].history, first);
    // Offline copies' fingerprints far past the limit (audit 36: 600,000 froze the page
    // for minutes): the newest MAX_ABSORBED distinct ones are kept, oldest first.
    let fingerprints: Vec<String> = (0..600_000).map(|n| format!("\"f{}\"", n / 2)).collect();
    let store = check(
        &format!(
            r#"{{"format":"blockvote-scenarios","version":2,"scenarios":[{{"id":"a","name":"A","scenario":{{}}}}],
              "absorbed":[{}]}}"#,
            fingerprints.join(",")
        ),
        1,
        &[],
    );
    let newest: Vec<String> = (300_000 - MAX_ABSORBED..300_000).map(|n| format!("f{n}")).collect();
    assert_eq!(store.absorbed, newest);
}

#[test]
fn limits_of_the_reader() {
    let huge = format!("[{}]", "{},".repeat(MAX_BYTES / 3 + 10));
    check(&huge, 0, &[StoreProblem::TooLarge { bytes: huge.len() }]);
    // Many rows within the size limit: the first MAX_READ_SCENARIOS are read.
    let many = format!("[{}{{}}]", "{},".repeat(MAX_READ_SCENARIOS + 5));
    check(&many, MAX_READ_SCENARIOS, &[StoreProblem::TooMany { count: MAX_READ_SCENARIOS + 6 }]);
    // More than a store holds, but what tabs can write together: read whole.
    let over = format!("[{}{{}}]", "{},".repeat(MAX_SCENARIOS + 5));
    check(&over, MAX_SCENARIOS + 6, &[]);
    // A long name is refused, not cut silently.
    let long = format!(
        r#"{{"format":"blockvote-scenarios","version":1,"scenarios":[{{"name":"{}","scenario":{{}}}}]}}"#,
        "長".repeat(MAX_NAME_CHARS + 1)
    );
    check(&long, 0, &[row(0, None, "name", RowReason::TooLong { max: MAX_NAME_CHARS })]);
    // Deep nesting is said to be too deep, not a stack overflow, nor "not JSON".
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    check(&nested(100_000), 0, &[StoreProblem::TooDeep]);
    check(&nested(MAX_JSON_DEPTH + 1), 0, &[StoreProblem::TooDeep]);
    let (_, problems) = decode_lenient(&nested(MAX_JSON_DEPTH), nfc);
    assert!(!problems.is_empty() && !problems.contains(&StoreProblem::TooDeep), "{problems:?}");
    // Nested too deep inside a row: the same.
    check(
        &format!(
            r#"{{"format":"blockvote-scenarios","version":1,"scenarios":[{{"name":"x","scenario":{}}}]}}"#,
            nested(200)
        ),
        0,
        &[StoreProblem::TooDeep],
    );
}

/// The problem of a file of one scenario named "L" with these levers, which the
/// reader refuses: where in the levers, the value as written, what it had to be.
#[track_caller]
fn check_unreadable(levers: &str, at: &str, value: &str, expected: Expected) {
    let text = file(2, &format!(r#"{{"name":"L","scenario":{levers}}}"#), "");
    let problem = StoreProblem::Unreadable {
        scenario: ScenarioAt { index: 0, name: "L".into() },
        at: at.into(),
        value: value.into(),
        expected,
    };
    check(&text, 0, std::slice::from_ref(&problem));
    assert_eq!(decode_import(&text, nfc, &paper()).1, vec![problem], "{levers}");
}

/// A number from `min` to `max`, as the engine writes a lever's range.
fn within(min: &str, max: &str) -> Expected {
    Expected::Within { min: min.into(), max: max.into() }
}

#[test]
fn a_value_the_reader_refuses_is_found_and_said_what_it_had_to_be() {
    // A number is never said not to be one: written as a number where the format
    // writes text, it is said so, with the text to write (a fraction read exactly,
    // without a float writer); beyond what the field takes, with the lever's range as
    // the engine checks it.
    check_unreadable(r#"{"cost_change_pct":12.5}"#, "cost_change_pct", "12.5", Expected::NumberAsText);
    check_unreadable(r#"{"cost_change_pct":-12}"#, "cost_change_pct", "-12", Expected::NumberAsText);
    check_unreadable(r#"{"cost_change_pct":0.1}"#, "cost_change_pct", "0.1", Expected::NumberAsText);
    check_unreadable(r#"{"cost_change_pct":"1e308"}"#, "cost_change_pct", "1e308", within("-100", "1000"));
    check_unreadable(r#"{"cost_change_pct":" 5 "}"#, "cost_change_pct", " 5 ", Expected::Number);
    check_unreadable(r#"{"cost_change_pct":1e308}"#, "cost_change_pct", "", within("-100", "1000"));
    // A number too large even for a float is named with its lever, as one beyond any
    // decimal is (audit 14: "the set of levers holds a number too large to read").
    check_unreadable(r#"{"cost_change_pct":1e400}"#, "cost_change_pct", "", within("-100", "1000"));
    check_unreadable(r#"{"slippage":{"quarters":1e400}}"#, "slippage.quarters", "", within("0", "40"));
    check_unreadable(r#"{"retention":true}"#, "retention", "true", Expected::Number);
    check_unreadable(r#"{"delegation":{"floor":"1","ceiling":"ten"}}"#, "delegation.ceiling", "ten", Expected::Number);
    check_unreadable(r#"{"slippage":{"quarters":-1}}"#, "slippage.quarters", "-1", within("0", "40"));
    check_unreadable(r#"{"slippage":{"quarters":99999999999}}"#, "slippage.quarters", "99999999999", within("0", "40"));
    check_unreadable(r#"{"slippage":{"quarters":2.5}}"#, "slippage.quarters", "2.5", Expected::WholeNumber);
    check_unreadable(r#"{"slippage":{"quarters":2.0}}"#, "slippage.quarters", "2", Expected::WholeNumberPlain);
    check_unreadable(r#"{"slippage":{"quarters":1e3}}"#, "slippage.quarters", "1000", Expected::WholeNumberPlain);
    check_unreadable(r#"{"slippage":{"quarters":"many"}}"#, "slippage.quarters", "many", Expected::WholeNumber);
    check_unreadable(r#"{"slippage":{"enabled":"yes"}}"#, "slippage.enabled", "yes", Expected::YesOrNo);
    check_unreadable(r#"{"slippage":5}"#, "slippage", "5", Expected::Other);
    check_unreadable(r#"{"default_profile":"wavy"}"#, "default_profile", "wavy", Expected::Choice);
    // More digits than a Decimal holds would be read as a number next to the one
    // written: refused, as a field refuses it.
    let long = "9.99999999999999999999999999999";
    check_unreadable(&format!(r#"{{"cost_change_pct":"{long}"}}"#), "cost_change_pct", long, Expected::Exact);
    let budget = "6.60000000000000000000000000001";
    check_unreadable(
        &format!(r#"{{"projects":[{{"id":1,"edit":{{"budget":"{budget}"}}}}]}}"#),
        "projects[id=1].edit.budget",
        budget,
        Expected::Exact,
    );
    check_unreadable(
        &format!(r#"{{"projects":[{{"id":1,"edit":{{"budget":"2"}}}},{{"id":17,"edit":{{"budget":"{budget}"}}}}]}}"#),
        "projects[id=17].edit.budget",
        budget,
        Expected::Exact,
    );
    check_unreadable(r#"{"groups":{}}"#, "groups", "", Expected::List);
    check_unreadable(
        r#"{"groups":[{"edit":{"defer_quarters":2}},{"edit":{"defer_quarters":"2"}}]}"#,
        "groups[1].edit.defer_quarters",
        "2",
        Expected::WholeNumberNotText,
    );
    check_unreadable(
        r#"{"groups":[{"edit":{"defer_quarters":-99999999999}}]}"#,
        "groups[0].edit.defer_quarters",
        "-99999999999",
        within("-40", "40"),
    );
    // An id the engine checks no range of is given its type's.
    check_unreadable(r#"{"projects":[{"id":70000}]}"#, "projects[0].id", "70000", within("0", "65535"));
    // An edit of a project or a category is named by the id it edits, where it has one.
    check_unreadable(
        r#"{"projects":[{"id":1,"edit":{"budget":"1e400"}}]}"#,
        "projects[id=1].edit.budget",
        "1e400",
        within("0", "1,000,000,000"),
    );
    check_unreadable(
        r#"{"projects":[{"id":3},{"id":17,"edit":{"defer_quarters":2.5}}]}"#,
        "projects[id=17].edit.defer_quarters",
        "2.5",
        Expected::WholeNumber,
    );
    check_unreadable(
        r#"{"allocation":{"categories":[{"id":2,"amount":5}]}}"#,
        "allocation.categories[id=2].amount",
        "5",
        Expected::NumberAsText,
    );
    check_unreadable(r#"{"cap":{"rule":"x","amount":"5"}}"#, "cap.rule", "x", Expected::Choice);
    // A group's choice of projects is named whole: its parts mean nothing alone.
    check_unreadable(r#"{"groups":[{"select":{"by":"theme","theme":"x"}}]}"#, "groups[0].select", "", Expected::Choice);
    check_unreadable(r#"{"groups":[{"select":{"by":"department"}}]}"#, "groups[0].select", "", Expected::Other);
    // A list where a number belongs is named at the field, not inside the list.
    check_unreadable(r#"{"cost_change_pct":[["1"]]}"#, "cost_change_pct", "", Expected::Number);
    // A long value is cut.
    let long = "9".repeat(60);
    check_unreadable(&format!(r#"{{"retention":"{long}"}}"#), "retention", &quoted(&long, 40), within("0", "1"));
}

#[test]
fn the_reader_takes_what_any_writer_wrote() {
    // The largest store the app writes, pretty-printed by an older blockvote and set
    // aside, is still read (and so can be imported again).
    let big = SavedScenario::new(
        "s1",
        "Big",
        Scenario {
            projects: (0..3_000).map(|id| ProjectEdit { id, ..ProjectEdit::default() }).collect(),
            ..Scenario::default()
        },
        None,
    );
    let mut store = Store::of(vec![big.clone()]);
    while encode_stored(&store).len() < MAX_WRITE_BYTES {
        let mut next = big.clone();
        next.id = format!("s{}", store.scenarios.len() + 1);
        next.name = format!("Big {}", store.scenarios.len() + 1);
        store.scenarios.push(next);
    }
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&encode(&store)).unwrap()).unwrap();
    assert!(pretty.len() > 2 * MAX_WRITE_BYTES, "pretty text is much larger: {}", pretty.len());
    let (read, problems) = decode_lenient(&pretty, nfc);
    assert_eq!(problems, vec![]);
    assert_eq!(read.scenarios.len(), store.scenarios.len());
}

#[test]
fn names_and_notes_are_plain_text_and_markup_survives_as_typed() {
    let script = "<img src=x onerror=alert(1)>";
    let text = format!(
        r#"{{"format":"blockvote-scenarios","version":2,"scenarios":[{{"name":"{}","note":"{}","scenario":{{}}}},{{"name":"a\u0000b\nc","scenario":{{}}}}]}}"#,
        script.replace('"', "\\\""),
        script.replace('"', "\\\"")
    );
    let store = check(&text, 2, &[]);
    assert_eq!(store.scenarios[0].name, script);
    assert_eq!(store.scenarios[0].note, script);
    assert_eq!(store.scenarios[1].name, "abc", "control characters are removed");
    for encoded in [encode(&store), encode_stored(&store)] {
        assert!(!encoded.contains('<'), "encoded text can sit in an HTML script block");
        assert_eq!(decode(&encoded, nfc), Ok(store.clone()));
    }
    // NFC: a decomposed é becomes the composed one.
    assert_eq!(clean_name("e\u{301}", nfc), Ok("\u{e9}".to_string()));
    assert_eq!(clean_name("管\u{F9E4}", nfc), Ok("管理".to_string()));
    // Notes keep their lines, lose other control characters, and may be empty.
    assert_eq!(clean_note("  one\r\ntwo\rthree\u{7}\n ", nfc), Ok("one\ntwo\nthree".to_string()));
    assert_eq!(clean_note("   ", nfc), Ok(String::new()));
    // A bidirectional override or isolate would reorder the words around it: gone, as
    // from a name, so a name reads as it is stored. A mark reorders nothing and stays.
    assert_eq!(clean_name("Plan \u{202E}01 tsoC", nfc), Ok("Plan 01 tsoC".to_string()));
    assert_eq!(clean_name("\u{2067}A\u{2069}\u{202A}B\u{202C}\u{200F}", nfc), Ok("AB\u{200F}".to_string()));
    assert_eq!(clean_note("\u{202E}evil note\nline", nfc), Ok("evil note\nline".to_string()));
    // A name that shows nothing is an empty name; one that hides a character in it is
    // the name it shows. A joiner inside an emoji stays.
    for blank in ["\u{200B}", "\u{2060}\u{FEFF}", "\u{00AD}", "\u{3164}", "\u{301}\u{302}", "\u{200D}", " \u{E0041} "] {
        assert_eq!(clean_name(blank, nfc), Err(RowReason::Empty), "{blank:?}");
    }
    assert_eq!(clean_name("Budget\u{200B}", nfc), Ok("Budget".to_string()));
    assert_eq!(clean_name("Bud\u{00AD}get", nfc), Ok("Budget".to_string()));
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    assert_eq!(clean_name(family, nfc), Ok(family.to_string()));
    assert_eq!(clean_note(&"註".repeat(MAX_NOTE_CHARS + 1), nfc), Err(RowReason::TooLong { max: MAX_NOTE_CHARS }));
}

#[test]
fn ids_are_assigned_and_deduplicated() {
    let store = check(
        r#"{"format":"blockvote-scenarios","version":1,"scenarios":[
            {"id":"s3","name":"a","scenario":{}},{"id":"s3","name":"b","scenario":{}},
            {"name":"c","scenario":{}},{"id":"<x>","name":"d","scenario":{}}]}"#,
        4,
        &[],
    );
    let ids: Vec<&str> = store.scenarios.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["s3", "s4", "s5", "x"]);
}

#[test]
fn writers_of_two_tabs_never_make_the_same_id_or_stamp() {
    let mut store = Store::default();
    let (mut a, mut b) = (tab(1, 0), tab(2, 0));
    let ids = [a.new_id(&store), b.new_id(&store), a.new_id(&store)];
    assert_eq!(ids, ["10000000-1", "20000000-1", "10000000-2"]);
    assert_eq!([a.new_stamp(), b.new_stamp()], ["10000000.3", "20000000.2"]);
    // An id in use, or deleted, is never made again.
    store.scenarios.push(SavedScenario::new("10000000-4", "x", Scenario::default(), None));
    store.deleted.push(Tombstone { id: "10000000-5".into(), ..Tombstone::default() });
    assert_eq!(a.new_id(&store), "10000000-6");
    assert_eq!(Writer::new(u64::MAX, nfc).new_stamp(), "fsgs4621.1", "no overflow");
}

#[test]
fn saving_renaming_noting_and_duplicating_stamp_what_changed() {
    let mut store = Store::default();
    let mut writer = tab(7, 1_000);
    let id = change(&mut store, &mut writer, |s, w| {
        s.save(w, "  Dearer ", dearer(10), Some(SimulationChoices::with_seed(3)))
    })
    .unwrap();
    assert_eq!(store.scenarios[0].name, "Dearer");
    assert_eq!(store.scenarios[0].saved_at, Some(1_000));
    assert_eq!(store.scenarios[0].history, vec!["70000000.2"]);
    writer.at(2_000);
    change(&mut store, &mut writer, |s, w| s.set_note(w, &id, "ask about Q3")).unwrap();
    change(&mut store, &mut writer, |s, w| s.rename(w, &id, "Dearer, noted")).unwrap();
    let saved = &store.scenarios[0];
    assert_eq!(
        (saved.name.as_str(), saved.note.as_str(), saved.saved_at),
        ("Dearer, noted", "ask about Q3", Some(2_000))
    );
    assert_eq!(saved.history, vec!["70000000.4", "70000000.3", "70000000.2"]);
    // A change that changes nothing is not a new version.
    change(&mut store, &mut writer, |s, w| s.rename(w, &id, "Dearer, noted")).unwrap();
    assert_eq!(store.scenarios[0].history.len(), 3);
    // Saving under a used name replaces its levers and keeps id, note and place.
    change(&mut store, &mut writer, |s, w| s.save(w, "Dearer, noted", dearer(12), None)).unwrap();
    assert_eq!((store.scenarios.len(), store.scenarios[0].note.as_str()), (1, "ask about Q3"));
    let copy = change(&mut store, &mut writer, |s, w| s.duplicate(w, &id)).unwrap();
    assert_eq!(names(&store), ["Dearer, noted", "Dearer, noted (2)"]);
    assert_eq!(store.scenarios[1].note, "ask about Q3");
    assert_ne!(copy, id);
    // Refusals change nothing.
    let before = store.clone();
    let mut after = store.clone();
    assert_eq!(after.save(&mut writer, " ", dearer(1), None), Err(Refusal::Name(RowReason::Empty)));
    assert_eq!(
        after.set_note(&writer, &id, &"x".repeat(MAX_NOTE_CHARS + 1)),
        Err(Refusal::Note(RowReason::TooLong { max: MAX_NOTE_CHARS }))
    );
    assert_eq!(after.rename(&writer, "gone", "x"), Err(Refusal::Gone));
    assert_eq!(after.duplicate(&mut writer, "gone"), Err(Refusal::Gone));
    assert_eq!(after, before);
}

#[test]
fn a_delete_is_remembered_and_an_undo_outranks_it() {
    let mut store = Store::default();
    let mut writer = tab(7, 1_000);
    let id = change(&mut store, &mut writer, |s, w| s.save(w, "Gone soon", dearer(1), None)).unwrap();
    let (position, deleted) = change(&mut store, &mut writer, |s, _| s.delete(&id)).unwrap();
    assert_eq!(store.scenarios, vec![]);
    assert_eq!(store.deleted, vec![Tombstone { id: id.clone(), history: deleted.history.clone(), at: 1_000 }]);
    let back = change(&mut store, &mut writer, |s, w| s.restore(w, position, deleted.clone())).unwrap();
    assert_eq!(back, id, "the same id again");
    assert_eq!(store.scenarios[0].history[1..], deleted.history[..], "made from the deleted version");
    // Deletions are forgotten after TOMBSTONE_MS.
    writer.at(1_000 + TOMBSTONE_MS + 1);
    change(&mut store, &mut writer, |s, w| s.save(w, "Later", dearer(2), None)).unwrap();
    assert_eq!(store.deleted, vec![]);
}

#[test]
fn the_scenario_limit_holds_at_write_time_and_names_what_was_not_added() {
    let mut store = Store::default();
    let mut writer = tab(7, 1);
    for n in 0..MAX_SCENARIOS {
        change(&mut store, &mut writer, |s, w| s.save(w, &format!("S{n}"), dearer(1), None)).unwrap();
    }
    let full = |names: &[&str]| Refusal::Full {
        not_added: names.iter().map(|n| n.to_string()).collect(),
        held: MAX_SCENARIOS,
    };
    let mut after = store.clone();
    assert_eq!(after.save(&mut writer, "One more", dearer(2), None), Err(full(&["One more"])));
    let first = store.scenarios[0].id.clone();
    assert_eq!(after.duplicate(&mut writer, &first), Err(full(&["S0 (2)"])));
    assert_eq!(after.restore(&mut writer, 0, SavedScenario::new("z", "Back", dearer(3), None)), Err(full(&["Back"])));
    // Saving over a used name still works when full.
    assert!(after.save(&mut writer, "S3", dearer(9), None).is_ok());
    // An import adds nothing past the limit and names each one.
    let mut after = store.clone();
    let incoming =
        vec![SavedScenario::new("", "New A", dearer(4), None), SavedScenario::new("", "S0", dearer(5), None)];
    let report = after.import(&mut writer, incoming.clone(), false);
    assert_eq!(report.added, 0);
    assert_eq!(
        report.not_added,
        vec![
            NotAdded { name: "New A".into(), why: NotAddedWhy::Full },
            NotAdded { name: "S0 (2)".into(), why: NotAddedWhy::Full }
        ]
    );
    let report = after.import(&mut writer, incoming, true);
    assert_eq!((report.added, report.replaced, report.not_added.len()), (0, 1, 1));
    // A scenario already saved as it is is not imported again, whatever is chosen for
    // names in use: a file imported twice adds no copies.
    let again = vec![after.scenarios[0].clone(), SavedScenario::new("", "S1", dearer(7), None)];
    for replace in [false, true] {
        let mut twice = after.clone();
        let report = twice.import(&mut writer, again.clone(), replace);
        assert_eq!(report.already_saved, 1);
        assert_eq!(twice.scenarios.iter().filter(|s| s.name == after.scenarios[0].name).count(), 1);
    }
    // However the change was made, commit refuses to go past the limit.
    let mut after = store.clone();
    after.scenarios.push(SavedScenario::new("extra", "Extra", dearer(6), None));
    assert_eq!(commit(&store, after, &mut writer), Err(full(&["Extra"])));
}

#[test]
fn the_size_limit_holds_at_write_time() {
    // One big scenario; its copies until the store is nearly full.
    let big = Scenario {
        projects: (0..6_000).map(|id| ProjectEdit { id, ..ProjectEdit::default() }).collect(),
        ..Scenario::default()
    };
    let mut store = Store::default();
    let mut writer = tab(7, 1);
    let id = change(&mut store, &mut writer, |s, w| s.save(w, "Big", big.clone(), None)).unwrap();
    let mut duplicates = 0;
    let refusal = loop {
        let mut after = store.clone();
        match after.duplicate(&mut writer, &id).map(|_| commit(&store, after, &mut writer)) {
            Ok(Ok(kept)) => store = kept,
            Ok(Err(refusal)) | Err(refusal) => break refusal,
        }
        duplicates += 1;
        assert!(duplicates < MAX_SCENARIOS, "the size limit comes first");
    };
    let Refusal::TooLarge { bytes, not_added } = refusal else { panic!("{refusal:?}") };
    assert!(bytes > MAX_WRITE_BYTES);
    assert_eq!(not_added, vec![format!("Big ({})", duplicates + 2)]);
    assert!(encode_stored(&store).len() <= MAX_WRITE_BYTES, "what is kept can be written and read");
    // An import adds what fits and names the rest.
    let report = store.clone().import(&mut writer, vec![SavedScenario::new("", "Big too", big, None)], false);
    assert_eq!(report.not_added, vec![NotAdded { name: "Big too".into(), why: NotAddedWhy::TooLarge }]);
    // Deleting is allowed, and makes room.
    change(&mut store, &mut writer, |s, _| s.delete(&id));
    assert!(change(&mut store, &mut writer, |s, w| s.save(w, "Small", dearer(1), None)).is_ok());
}

#[test]
fn a_store_over_a_limit_can_still_shrink() {
    // A store two tabs grew past MAX_SCENARIOS: a delete or rename is kept.
    let scenarios: Vec<SavedScenario> = (0..MAX_SCENARIOS + 2)
        .map(|n| SavedScenario::new(&format!("s{n}"), &format!("S{n}"), dearer(1), None))
        .collect();
    let mut store = Store::of(scenarios);
    let mut writer = tab(3, 1);
    change(&mut store, &mut writer, |s, w| s.rename(w, "s0", "Renamed")).unwrap();
    change(&mut store, &mut writer, |s, _| s.delete("s1"));
    assert_eq!(store.scenarios.len(), MAX_SCENARIOS + 1);
}

#[test]
fn a_name_taken_is_numbered_on_from_its_own_number() {
    let store = Store::of(
        ["Imp", "Imp (2)", "Plan (9)", "Plan (10)", "Say (hi)", "Old (1)"]
            .map(|name| SavedScenario::new(&name.to_lowercase(), name, Scenario::default(), None))
            .to_vec(),
    );
    for (base, expected) in [
        ("New", "New"),
        ("Imp", "Imp (3)"),
        ("Imp (2)", "Imp (3)"),
        ("Plan (9)", "Plan (11)"),
        ("Say (hi)", "Say (hi) (2)"),
        ("Old (1)", "Old (1) (2)"),
    ] {
        assert_eq!(store.unused_name(base), expected, "{base}");
    }
}

#[test]
fn importing_keeps_same_names_apart_or_replaces_them() {
    let mut writer = tab(5, 9);
    let mut store = Store::of(vec![SavedScenario::new("s1", "A", dearer(1), None)]);
    let incoming = |pct| {
        vec![
            SavedScenario {
                note: "from the file".into(),
                saved_at: Some(4),
                ..SavedScenario::new("", "A", dearer(pct), None)
            },
            SavedScenario::new("s1", "B", dearer(3), None),
        ]
    };
    let report = store.import(&mut writer, incoming(2), false);
    assert_eq!(report, ImportReport { added: 2, ..ImportReport::default() });
    assert_eq!(names(&store), vec!["A", "A (2)", "B"]);
    assert_eq!((store.scenarios[1].saved_at, store.scenarios[2].saved_at), (Some(4), Some(9)), "file dates kept");
    let report = store.import(&mut writer, incoming(9), true);
    // B is saved as it is: not imported again.
    assert_eq!((report.added, report.replaced, report.already_saved), (0, 1, 1));
    assert_eq!(store.scenarios[0].scenario.cost_change_pct, Decimal::from(9));
    assert_eq!((store.scenarios[0].id.as_str(), store.scenarios[0].note.as_str()), ("s1", "from the file"));
}

/// Two tabs over one stored store, as the shell runs them: each change reads what is
/// stored, merges, changes, commits and writes.
struct Tabs {
    stored: Store,
    tabs: Vec<(Store, Writer)>,
}

const LABEL: &str = "另一版本 other version";

impl Tabs {
    fn new(stored: Store) -> Tabs {
        Tabs { tabs: vec![(stored.clone(), tab(0xa, 1)), (stored.clone(), tab(0xb, 1))], stored }
    }

    /// Tab `n` changes without having heard of the other's last writes (both tabs act
    /// before the storage event arrives) when `stale`.
    fn change<R>(&mut self, n: usize, stale: bool, op: impl FnOnce(&mut Store, &mut Writer) -> R) -> R {
        let stored = self.stored.clone();
        let (mine, writer) = &mut self.tabs[n];
        let now = writer.now() + 1;
        writer.at(now);
        if !stale {
            *mine = merge(mine, &stored, LABEL).store;
        }
        let mut after = mine.clone();
        let result = op(&mut after, writer);
        *mine = commit(mine, after, writer).expect("kept");
        // The write merges with what is stored at that moment.
        self.stored = merge(mine, &stored, LABEL).store;
        *mine = self.stored.clone();
        result
    }

    /// Every tab hears of the stored store (the storage event).
    fn hear(&mut self) -> Vec<Conflict> {
        let mut conflicts = Vec::new();
        for (mine, _) in &mut self.tabs {
            let merged = merge(mine, &self.stored, LABEL);
            conflicts.extend(merged.conflicts);
            *mine = merged.store;
        }
        conflicts
    }

    fn names(&self, n: usize) -> Vec<String> {
        self.tabs[n].0.scenarios.iter().map(|s| s.name.clone()).collect()
    }

    /// Tab `n` keeps a change typed into a field that opened on `began_on`, as the
    /// shell does: [`commit_edit`] on what the tab holds now, then written. Returns the
    /// conflicts the tab reports.
    fn edit(
        &mut self,
        n: usize,
        began_on: &SavedScenario,
        op: impl FnOnce(&mut Store, &mut Writer) -> Result<(), Refusal>,
    ) -> Vec<Conflict> {
        self.keep(n, |mine, writer| commit_edit(mine, Some(began_on), writer, LABEL, op))
    }

    /// Tab `n` keeps a change as the shell's `Saved::change_store` does: `commit` (the
    /// model's rule for the change) on what the tab holds now, then written (merged
    /// with what is stored). Returns the conflicts the tab reports.
    fn keep(
        &mut self,
        n: usize,
        commit: impl FnOnce(&Store, &mut Writer) -> Result<((), Merged), Refusal>,
    ) -> Vec<Conflict> {
        let stored = self.stored.clone();
        let (mine, writer) = &mut self.tabs[n];
        let now = writer.now() + 1;
        writer.at(now);
        let ((), kept) = commit(mine, writer).expect("kept");
        let written = merge(&kept.store, &stored, LABEL);
        self.stored = written.store;
        *mine = self.stored.clone();
        kept.conflicts.into_iter().chain(written.conflicts).collect()
    }
}

#[test]
fn two_tabs_saving_keep_each_others_scenarios() {
    // Tab A saves A1, tab B saves B1, A saves A2: all three are kept.
    let mut tabs = Tabs::new(Store::default());
    tabs.change(0, false, |s, w| s.save(w, "A1", dearer(1), None)).unwrap();
    tabs.change(1, true, |s, w| s.save(w, "B1", dearer(2), None)).unwrap();
    tabs.change(0, true, |s, w| s.save(w, "A2", dearer(3), None)).unwrap();
    tabs.hear();
    // Each tab's own stay after the one they follow in that tab.
    assert_eq!(tabs.names(0), ["A1", "A2", "B1"]);
    assert_eq!(tabs.names(1), ["A1", "A2", "B1"]);
    assert_eq!(names(&tabs.stored), ["A1", "A2", "B1"]);
}

#[test]
fn a_rename_in_one_tab_and_a_delete_in_the_other() {
    let base = Store::of(vec![
        SavedScenario::new("s1", "Renamed later", dearer(1), None),
        SavedScenario::new("s2", "Deleted", dearer(2), None),
    ]);
    let mut tabs = Tabs::new(base);
    tabs.change(1, false, |s, _| s.delete("s2"));
    tabs.change(0, true, |s, w| s.rename(w, "s1", "Renamed")).unwrap();
    tabs.hear();
    // The rename is kept, and A's change does not bring back what B deleted.
    assert_eq!(names(&tabs.stored), ["Renamed"]);
    assert_eq!(tabs.names(1), ["Renamed"]);
    tabs.change(0, false, |s, w| s.save(w, "Another", dearer(3), None)).unwrap();
    assert_eq!(names(&tabs.stored), ["Renamed", "Another"]);
    // Even a tab that never heard of the delete cannot bring it back.
    let stale = Store::of(vec![SavedScenario::new("s2", "Deleted", dearer(2), None)]);
    assert_eq!(names(&merge(&stale, &tabs.stored, LABEL).store), ["Renamed", "Another"]);
}

#[test]
fn a_rename_made_while_another_tab_deleted_is_kept() {
    let base = Store::of(vec![SavedScenario::new("s1", "Old name", dearer(1), None)]);
    let mut tabs = Tabs::new(base);
    tabs.change(1, false, |s, _| s.delete("s1"));
    tabs.change(0, true, |s, w| s.rename(w, "s1", "New name")).unwrap();
    tabs.hear();
    assert_eq!(names(&tabs.stored), ["New name"], "an edit the deleting tab never saw survives the delete");
}

#[test]
fn both_tabs_changing_one_scenario_keep_both_versions() {
    let base = Store::of(vec![SavedScenario::new("s1", "Shared", dearer(1), None)]);
    let mut tabs = Tabs::new(base);
    tabs.change(0, false, |s, w| s.save(w, "Shared", dearer(10), None)).unwrap();
    tabs.tabs[1].1.at(50);
    tabs.change(1, true, |s, w| s.save(w, "Shared", dearer(20), None)).unwrap();
    let conflicts = tabs.hear();
    // B saved later (50 > 2): its version keeps the name; A's is kept beside it.
    assert_eq!(names(&tabs.stored), ["Shared", "Shared (另一版本 other version)"]);
    assert_eq!(tabs.stored.scenarios[0].scenario, dearer(20));
    assert_eq!(tabs.stored.scenarios[1].scenario, dearer(10));
    assert_eq!(tabs.names(0), tabs.names(1));
    assert!(conflicts.is_empty(), "found when B wrote, not again");
    // Hearing again changes nothing: the tabs agree.
    let before = tabs.stored.clone();
    assert_eq!(tabs.hear(), vec![]);
    assert_eq!(merge(&before, &before, LABEL).store, before);
}

#[test]
fn a_conflict_is_reported_once_and_named_the_same_in_both_orders() {
    let base = SavedScenario { history: vec!["t.1".into()], ..SavedScenario::new("s1", "Shared", dearer(1), None) };
    let a = SavedScenario {
        scenario: dearer(10),
        saved_at: Some(5),
        history: vec!["a.1".into(), "t.1".into()],
        ..base.clone()
    };
    let b = SavedScenario {
        scenario: dearer(20),
        saved_at: Some(6),
        history: vec!["b.1".into(), "t.1".into()],
        ..base.clone()
    };
    let one = merge(&Store::of(vec![a.clone()]), &Store::of(vec![b.clone()]), LABEL);
    let other = merge(&Store::of(vec![b.clone()]), &Store::of(vec![a.clone()]), LABEL);
    assert_eq!(one.store, other.store);
    assert_eq!(one.conflicts, vec![Conflict { kept: "Shared".into(), copy: "Shared (另一版本 other version)".into() }]);
    // The kept version is known to include both, so the old base and either side give way.
    for side in [&a, &b, &base] {
        assert_eq!(merge(&Store::of(vec![side.clone()]), &one.store, LABEL).store, one.store);
    }
    // The same change made in two tabs is one version, not a conflict.
    let same = SavedScenario { history: vec!["c.1".into(), "t.1".into()], ..a.clone() };
    assert_eq!(merge(&Store::of(vec![a]), &Store::of(vec![same]), LABEL).store.scenarios.len(), 1);
}

#[test]
fn versions_without_stamps_that_differ_are_both_kept() {
    // Rows written before stamps, or by hand, with one id: neither was made from the
    // other, so the earlier is kept as a copy beside the later, in either order.
    let a = SavedScenario { saved_at: Some(5), ..SavedScenario::new("s1", "Mine", dearer(10), None) };
    let b = SavedScenario { saved_at: Some(6), ..SavedScenario::new("s1", "Theirs", dearer(20), None) };
    let one = merge(&Store::of(vec![a.clone()]), &Store::of(vec![b.clone()]), LABEL);
    let other = merge(&Store::of(vec![b.clone()]), &Store::of(vec![a.clone()]), LABEL);
    assert_eq!(one.store, other.store);
    assert_eq!(names(&one.store), ["Theirs", "Mine (另一版本 other version)"]);
    assert_eq!(one.store.scenarios[1].scenario, dearer(10));
    assert_eq!(one.conflicts, vec![Conflict { kept: "Theirs".into(), copy: "Mine (另一版本 other version)".into() }]);
    // Merging either version again adds nothing and reports nothing.
    for side in [&a, &b] {
        let again = merge(&Store::of(vec![side.clone()]), &one.store, LABEL);
        assert_eq!((again.store, again.conflicts), (one.store.clone(), vec![]));
    }
    // The same content without stamps stays one version.
    let same = SavedScenario { saved_at: Some(9), ..a.clone() };
    assert_eq!(merge(&Store::of(vec![a]), &Store::of(vec![same]), LABEL).store.scenarios.len(), 1);
}

/// What each tab does to scenario s1 (saved as `Shared`, levers `dearer(1)`, no note).
#[derive(Clone, Copy, Debug)]
enum Edit {
    Rename(&'static str),
    Note(&'static str),
    /// Saves new levers over it, under its name.
    Levers(i64),
}

impl Edit {
    fn make(self, store: &mut Store, writer: &mut Writer) -> Result<(), Refusal> {
        match self {
            Edit::Rename(name) => store.rename(writer, "s1", name),
            Edit::Note(note) => store.set_note(writer, "s1", note),
            Edit::Levers(pct) => {
                let name = store.by_id("s1").map(|s| s.name.clone()).unwrap_or_default();
                store.save(writer, &name, dearer(pct), None).map(|_| ())
            }
        }
    }
}

/// Two tabs edit s1 from the one version both show: tab A (`other`) keeps its change
/// first; tab B had its field open on the same version and keeps `here` later, having
/// heard of A's write meanwhile (`heard`) or not. `after` is what is stored, in order,
/// as (name, note, levers); `conflicts` is what B reports as (kept, copy).
struct Case {
    other: Edit,
    here: Edit,
    heard: bool,
    after: &'static [(&'static str, &'static str, i64)],
    conflicts: &'static [(&'static str, &'static str)],
}

#[track_caller]
fn check_edits(case: &Case) {
    // The base as version 1 wrote it (no stamp), and as a version 2 tab saved it.
    for stamps in [vec![], vec!["t.1".to_string()]] {
        let base = SavedScenario { history: stamps, ..SavedScenario::new("s1", "Shared", dearer(1), None) };
        let mut tabs = Tabs::new(Store::of(vec![base.clone()]));
        tabs.change(0, false, |s, w| case.other.make(s, w)).expect("A's change is kept");
        tabs.tabs[1].1.at(50);
        if case.heard {
            tabs.hear();
        }
        let conflicts = tabs.edit(1, &base, |s, w| case.here.make(s, w));
        let said = format!(
            "{:?} in A, then {:?} in B (heard: {}), base stamps {:?}",
            case.other, case.here, case.heard, base.history
        );
        let after: Vec<(&str, &str, i64)> = tabs
            .stored
            .scenarios
            .iter()
            .map(|s| (s.name.as_str(), s.note.as_str(), s.scenario.cost_change_pct.try_into().unwrap_or(-1)))
            .collect();
        assert_eq!(after, case.after, "stored after {said}");
        let conflicts: Vec<(&str, &str)> = conflicts.iter().map(|c| (c.kept.as_str(), c.copy.as_str())).collect();
        assert_eq!(conflicts, case.conflicts, "conflicts reported after {said}");
        // A hears B's write: both tabs show what is stored, nothing is reported again,
        // and hearing again changes nothing.
        assert_eq!(tabs.hear(), vec![], "{said}");
        assert_eq!(tabs.tabs[0].0, tabs.stored, "{said}");
        assert_eq!(tabs.tabs[1].0, tabs.stored, "{said}");
        let settled = tabs.stored.clone();
        assert_eq!(tabs.hear(), vec![], "{said}");
        assert_eq!(tabs.stored, settled, "{said}");
    }
}

/// A change typed into a field (a rename, a note) that opened before another tab
/// changed the same scenario is made on the version the member saw: the same field
/// changed in both tabs is a conflict, both kept and reported, as for levers; different
/// fields are made into one version; a field opened after hearing is an ordinary edit.
#[test]
fn edits_begun_on_the_same_version_in_two_tabs_are_never_lost() {
    const COPY_A: &str = "From A (另一版本 other version)";
    const SHARED_COPY: &str = "Shared (另一版本 other version)";
    let cases = [
        // Two renames: both kept, B's (saved later) under the id, A's as the copy.
        Case {
            other: Edit::Rename("From A"),
            here: Edit::Rename("From B"),
            heard: true,
            after: &[("From B", "", 1), (COPY_A, "", 1)],
            conflicts: &[("From B", COPY_A)],
        },
        // The same, B not having heard: the merge of the write finds it, as before.
        Case {
            other: Edit::Rename("From A"),
            here: Edit::Rename("From B"),
            heard: false,
            after: &[("From B", "", 1), (COPY_A, "", 1)],
            conflicts: &[("From B", COPY_A)],
        },
        // Two notes: both kept.
        Case {
            other: Edit::Note("note A"),
            here: Edit::Note("note B"),
            heard: true,
            after: &[("Shared", "note B", 1), (SHARED_COPY, "note A", 1)],
            conflicts: &[("Shared", SHARED_COPY)],
        },
        // Both renamed it alike: one version, nothing to choose.
        Case {
            other: Edit::Rename("Same"),
            here: Edit::Rename("Same"),
            heard: true,
            after: &[("Same", "", 1)],
            conflicts: &[],
        },
        // A's levers and B's name: one version with both, nothing lost, nothing to
        // choose.
        Case {
            other: Edit::Levers(10),
            here: Edit::Rename("From B"),
            heard: true,
            after: &[("From B", "", 10)],
            conflicts: &[],
        },
        // A's name and B's note: one version with both.
        Case {
            other: Edit::Rename("From A"),
            here: Edit::Note("note B"),
            heard: true,
            after: &[("From A", "note B", 1)],
            conflicts: &[],
        },
        // A's levers and B's name with neither having heard: the merge has no common
        // version to tell what each changed, so both are kept (no loss either way).
        Case {
            other: Edit::Levers(10),
            here: Edit::Rename("From B"),
            heard: false,
            after: &[("From B", "", 1), (SHARED_COPY, "", 10)],
            conflicts: &[("From B", SHARED_COPY)],
        },
    ];
    for case in &cases {
        check_edits(case);
    }
}

#[test]
fn a_rename_after_hearing_another_tab_s_is_no_conflict() {
    let base = Store::of(vec![SavedScenario::new("s1", "Shared", dearer(1), None)]);
    let mut tabs = Tabs::new(base);
    tabs.change(0, false, |s, w| s.rename(w, "s1", "From A")).unwrap();
    tabs.hear();
    // B opens its field on A's version, having seen it.
    let seen = tabs.tabs[1].0.by_id("s1").cloned().expect("there");
    assert_eq!(seen.name, "From A");
    let conflicts = tabs.edit(1, &seen, |s, w| s.rename(w, "s1", "From B"));
    assert_eq!(conflicts, vec![]);
    assert_eq!(names(&tabs.stored), ["From B"]);
    assert_eq!(tabs.hear(), vec![]);
    assert_eq!(tabs.names(0), ["From B"]);
    // An edit that ends up changing nothing (a name typed back as it was) changes
    // nothing, whatever the other tab did meanwhile.
    let opened = tabs.tabs[1].0.by_id("s1").cloned().expect("there");
    tabs.change(0, false, |s, w| s.set_note(w, "s1", "later note")).unwrap();
    tabs.hear();
    let before = tabs.stored.clone();
    assert_eq!(tabs.edit(1, &opened, |s, w| s.rename(w, "s1", "From B")), vec![]);
    assert_eq!(tabs.stored, before);
}

/// The levers saved under each name, in the store's order.
fn levers(store: &Store) -> Vec<(&str, Decimal)> {
    store.scenarios.iter().map(|s| (s.name.as_str(), s.scenario.cost_change_pct)).collect()
}

impl Tabs {
    /// Tab `n` saves `levers` under `name` as the shell does: [`commit_save`] on what
    /// the tab worked from, then written. Returns the conflicts the tab reports.
    fn save_as(&mut self, n: usize, worked: &mut WorkedFrom, name: &str, levers: Scenario) -> Vec<Conflict> {
        let conflicts = self.keep(n, |mine, writer| {
            let on = worked.for_save(mine, name, nfc);
            let save = |s: &mut Store, w: &mut Writer| s.save(w, name, levers, None).map(drop);
            let kept = commit_save(mine, &on, writer, LABEL, save)?;
            worked.changed(mine, &kept.1.store);
            Ok(kept)
        });
        worked.heard(&self.tabs[n].0);
        conflicts
    }
}

fn both_kept(name: &str) -> Vec<Conflict> {
    vec![Conflict { kept: name.into(), copy: format!("{name} ({LABEL})") }]
}

#[test]
fn a_save_never_replaces_levers_another_tab_saved_that_the_member_has_not_opened() {
    let d = Decimal::from;
    let copy = "Shared (另一版本 other version)";
    let base = Store::of(vec![SavedScenario::new("s1", "Shared", dearer(1), None)]);
    let mut tabs = Tabs::new(base.clone());
    let mut in_a = WorkedFrom::started_with(&base);
    let mut in_b = WorkedFrom::started_with(&base);
    // A saves its levers under "Shared"; B hears of it (and shows A's levers), but
    // B's member worked from the version before: B's save keeps A's beside it.
    assert_eq!(tabs.save_as(0, &mut in_a, "Shared", dearer(10)), []);
    tabs.hear();
    in_b.heard(&tabs.tabs[1].0);
    assert_eq!(levers(&tabs.tabs[1].0), [("Shared", d(10))]);
    assert_eq!(in_b.for_save(&tabs.tabs[1].0, " Shared ", nfc), SaveOn::WorkedFrom(base.scenarios[0].clone()));
    assert_eq!(tabs.save_as(1, &mut in_b, "Shared", dearer(20)), both_kept("Shared"));
    assert_eq!(levers(&tabs.stored), [("Shared", d(20)), (copy, d(10))]);
    // Without a version worked from (the rule before), A's levers were replaced unseen.
    let mut lost = Tabs::new(base.clone());
    lost.change(0, false, |s, w| s.save(w, "Shared", dearer(10), None)).unwrap();
    lost.hear();
    lost.change(1, false, |s, w| s.save(w, "Shared", dearer(20), None)).unwrap();
    assert_eq!(levers(&lost.stored), [("Shared", d(20))]);

    // B saves again over what it saved: an ordinary save.
    assert_eq!(tabs.save_as(1, &mut in_b, "Shared", dearer(30)), []);
    // A, having heard, saves (later) the very levers it last saved under "Shared"
    // (10): they are not what is stored any more, so they are saved, and B's are kept
    // beside them, not dropped.
    tabs.hear();
    in_a.heard(&tabs.tabs[0].0);
    tabs.tabs[0].1.at(100);
    // The earlier conflict's copy has the plain name: this one is numbered, so no two
    // scenarios share a name.
    let second = format!("{copy} 2");
    let conflicts = tabs.save_as(0, &mut in_a, "Shared", dearer(10));
    assert_eq!(conflicts, [Conflict { kept: "Shared".into(), copy: second.clone() }]);
    assert_eq!(levers(&tabs.stored), [("Shared", d(10)), (second.as_str(), d(30)), (copy, d(10))]);

    // A scenario another tab made is not replaced by a save under its name in a tab
    // that never opened it; once opened there, it is.
    let mut tabs = Tabs::new(Store::default());
    let (mut in_a, mut in_b) = (WorkedFrom::default(), WorkedFrom::default());
    assert_eq!(tabs.save_as(0, &mut in_a, "Plan", dearer(10)), []);
    tabs.hear();
    in_b.heard(&tabs.tabs[1].0);
    let shown = tabs.tabs[1].0.by_name("Plan").cloned().expect("heard");
    assert_eq!(in_b.for_save(&tabs.tabs[1].0, "Plan", nfc), SaveOn::Unseen(shown));
    assert_eq!(tabs.save_as(1, &mut in_b, "Plan", dearer(20)), both_kept("Plan"));
    assert_eq!(levers(&tabs.stored), [("Plan", d(20)), ("Plan (另一版本 other version)", d(10))]);
    tabs.hear();
    let mine = tabs.tabs[0].0.by_name("Plan").cloned().expect("there");
    in_a.opened(&mine);
    assert_eq!(tabs.save_as(0, &mut in_a, "Plan", dearer(21)), []);
    assert_eq!(levers(&tabs.stored), [("Plan", d(21)), ("Plan (另一版本 other version)", d(10))]);
    // The same levers saved in both: one version, no conflict.
    let mut tabs = Tabs::new(Store::default());
    let (mut in_a, mut in_b) = (WorkedFrom::default(), WorkedFrom::default());
    tabs.save_as(0, &mut in_a, "Same", dearer(5));
    tabs.hear();
    in_b.heard(&tabs.tabs[1].0);
    assert_eq!(tabs.save_as(1, &mut in_b, "Same", dearer(5)), []);
    assert_eq!(levers(&tabs.stored), [("Same", d(5))]);
}

#[test]
fn what_a_save_is_made_on() {
    let shared = SavedScenario::new("s1", "Shared", dearer(1), None);
    let mut worked = WorkedFrom::started_with(&Store::of(vec![shared.clone()]));
    let renamed = SavedScenario { name: "Renamed".into(), ..shared.clone() };
    let new = SavedScenario::new("s2", "New", dearer(2), None);
    let elsewhere = Store::of(vec![renamed.clone(), new.clone()]);
    worked.heard(&elsewhere);
    // A name no scenario has, and a name that cannot be saved: nothing.
    assert_eq!(worked.for_save(&elsewhere, "Shared", nfc), SaveOn::Nothing);
    assert_eq!(worked.for_save(&elsewhere, "  ", nfc), SaveOn::Nothing);
    // A name another tab gave a scenario, and a scenario another tab made: as shown.
    assert_eq!(worked.for_save(&elsewhere, "Renamed", nfc), SaveOn::Unseen(renamed.clone()));
    assert_eq!(worked.for_save(&elsewhere, "New", nfc), SaveOn::Unseen(new.clone()));
    // Opened, it is what the member worked from.
    worked.opened(&new);
    assert_eq!(worked.for_save(&elsewhere, "New", nfc), SaveOn::WorkedFrom(new));
    // What is no longer in the store is forgotten.
    worked.heard(&Store::default());
    assert_eq!(worked, WorkedFrom::default());
}

/// The normaliser passed in is the one used: the writer's for what the member types,
/// the reader's for what is read (a stand-in that upper-cases shows which ran).
#[test]
fn names_notes_and_questions_are_cleaned_by_the_normaliser_passed_in() {
    let shout: crate::nfc::Normalizer = |text| text.to_uppercase();
    let mut writer = Writer::new(3, shout);
    let mut store = Store::default();
    let id = store.save(&mut writer, " quiet ", Scenario::default(), None).unwrap_or_default();
    assert_eq!(store.by_id(&id).map(|s| s.name.as_str()), Some("QUIET"));
    assert_eq!(store.set_note(&writer, &id, "low\r\nvoice"), Ok(()));
    assert_eq!(store.by_id(&id).map(|s| s.note.as_str()), Some("LOW\nVOICE"));
    let text =
        r#"{"format":"blockvote-scenarios","version":2,"scenarios":[{"name":"e\u0301","note":"n","scenario":{}}]}"#;
    let read = decode(text, shout).unwrap_or_default();
    let read: Vec<(&str, &str)> = read.scenarios.iter().map(|s| (s.name.as_str(), s.note.as_str())).collect();
    assert_eq!(read, vec![("E\u{301}", "N")]);
    assert_eq!(decode(text, nfc).map(|s| s.scenarios.first().map(|s| s.name.clone())), Ok(Some("\u{e9}".to_string())));
}

fn at(index: usize, name: &str) -> Option<ScenarioAt> {
    Some(ScenarioAt { index, name: name.into() })
}

fn unknown(scenario: Option<ScenarioAt>, field: &str) -> StoreProblem {
    StoreProblem::UnknownField { scenario, field: field.into() }
}

/// A file of these rows (JSON, comma-separated) and these further top-level fields.
fn file(version: u64, rows: &str, more: &str) -> String {
    format!(r#"{{"format":"blockvote-scenarios","version":{version}{more},"scenarios":[{rows}]}}"#)
}

#[test]
fn unknown_fields_are_read_past_but_named() {
    // The audit's file: the scenario is kept, without the misspelt levers, and both
    // are named.
    let typo = check(
        &file(1, r#"{"name":"Typo","scenario":{"cost_change":"10","cots_change_pct":"5"}}"#, ""),
        1,
        &[unknown(at(0, "Typo"), "cost_change"), unknown(at(0, "Typo"), "cots_change_pct")],
    );
    assert_eq!(typo.scenarios[0].scenario, Scenario::default());
    // In the envelope, in a row, inside the levers at any depth; the row's own first.
    check(
        &file(
            2,
            r#"{"name":"Ok","scenario":{"cost_change_pct":"10"}},
               {"name":"A","colour":"red","scenario":{"slippage":{"shares":"0.5"},"groups":[{"select":{"by":"all"},"edit":{}},{"select":{"by":"theme","theme":"technology_refresh","extra":1},"edit":{"defer":2}}]}}"#,
            r#","author":"me","empty":null"#,
        ),
        2,
        &[
            unknown(None, "author"),
            unknown(at(1, "A"), "colour"),
            unknown(at(1, "A"), "groups[1].edit.defer"),
            unknown(at(1, "A"), "groups[1].select.extra"),
            unknown(at(1, "A"), "slippage.shares"),
        ],
    );
    // Fields that hold nothing lose nothing: known ones at their defaults, and unknown
    // ones set to null, [] or {}.
    check(
        &file(
            2,
            r#"{"name":"B","note":null,"scenario":{"retention":null,"projects":[],"cap":null,"x":{},"y":[]},"z":null}"#,
            "",
        ),
        1,
        &[],
    );
    // Version 0, bare and in an envelope.
    check(r#"[{"cost_change_pct":"10","cost":"1"}]"#, 1, &[unknown(at(0, "Scenario 1 情景 1"), "cost")]);
    check(r#"{"format":"blockvote-scenarios","version":0,"by":"me","scenarios":[{}]}"#, 1, &[unknown(None, "by")]);
    // A row skipped for another reason reports that reason only.
    check(&file(2, r#"{"colour":"red","scenario":{}}"#, ""), 0, &[row(0, None, "name", RowReason::Missing)]);
    // A long field name is cut in the message.
    let long = "k".repeat(500);
    check(
        &file(2, &format!(r#"{{"name":"L","scenario":{{}},"{long}":1}}"#), ""),
        1,
        &[unknown(at(0, "L"), &format!("{}…", "k".repeat(60)))],
    );
    // The strict reader refuses what it would ignore.
    assert!(decode(&file(2, r#"{"name":"T","scenario":{"cots_change_pct":"5"}}"#, ""), nfc).is_err());
}

#[test]
fn every_lever_the_app_writes_reads_back_with_no_unknown_field() {
    use crate::engine::{
        AllocationLevers, CashCap, CategoryEdit, DeferralRule, DelegationLevers, Edit, GroupEdit, Profile, Selector,
        Slippage,
    };
    use crate::money::Money;
    use crate::themes::Theme;
    let every = Edit {
        exclude: Some(false),
        defer_quarters: Some(-2),
        extend_quarters: Some(3),
        budget: Some(Money::from_whole_millions(4)),
        profile: Some(Profile::SCurve),
    };
    let scenario = Scenario {
        default_profile: Profile::FrontLoaded,
        retention: Some(Decimal::new(3, 1)),
        ongoing_budget_year: Some(Money::from_whole_millions(800)),
        cost_change_pct: Decimal::TEN,
        slippage: Slippage { enabled: true, share: Decimal::new(5, 1), quarters: 2 },
        projects: vec![ProjectEdit { id: 7, edit: every.clone() }],
        groups: [
            Selector::All,
            Selector::Department { index: 2 },
            Selector::DepartmentZh { name: "政府資訊科技總監辦公室".into() },
            Selector::Theme { theme: Theme::TechnologyRefresh },
        ]
        .into_iter()
        .map(|select| GroupEdit { select, edit: every.clone() })
        .collect(),
        allocation: AllocationLevers {
            categories: vec![CategoryEdit { id: 2, amount: Some(Money::from_whole_millions(9)), locked: true }],
            scale_to: Some(Money::from_whole_millions(1_000)),
        },
        delegation: DelegationLevers {
            ceiling: Some(Money::from_whole_millions(20)),
            floor: Some(Money::from_whole_millions(1)),
        },
        cap: Some(CashCap { amount: Money::from_whole_millions(900), rule: DeferralRule::DepartmentOrder }),
    };
    let store =
        Store::of(vec![SavedScenario::new("s1", "Every lever", scenario, Some(SimulationChoices::with_seed(3)))]);
    check(&encode(&store), 1, &[]);
    let (_, problems) = decode_import(&encode(&store), nfc, &paper());
    assert_eq!(problems, vec![]);
}

/// The problems an import of a file with one scenario of these levers lists, and those
/// a read of the same text from storage lists.
#[track_caller]
fn check_levers(levers: &str, at_import: &[StoreProblem]) {
    let text = file(2, &format!(r#"{{"name":"L","scenario":{levers}}}"#), "");
    let (imported, problems) = decode_import(&text, nfc, &paper());
    assert_eq!((imported.scenarios.len(), problems.as_slice()), (1, at_import), "{levers}");
    assert_eq!(decode_lenient(&text, nfc).1, vec![], "storage is not told of ranges: {levers}");
}

#[test]
fn levers_out_of_range_are_named_at_an_import_and_imported_all_the_same() {
    use crate::engine::LeverError;
    let out = |field: &str, value: &str, min: &str, max: &str| StoreProblem::LeverOutOfRange {
        scenario: ScenarioAt { index: 0, name: "L".into() },
        error: Box::new(LeverError::OutOfRange {
            field: field.into(),
            value: value.into(),
            min: min.into(),
            max: max.into(),
        }),
    };
    check_levers(r#"{"cost_change_pct":"1000"}"#, &[]);
    check_levers(r#"{"cost_change_pct":"5000"}"#, &[out("cost_change_pct", "5000", "-100", "1000")]);
    check_levers(r#"{"retention":"1.5"}"#, &[out("retention", "1.5", "0", "1")]);
    check_levers(r#"{"slippage":{"quarters":41}}"#, &[out("slippage.quarters", "41", "0", "40")]);
    // An edit of a project or a category is named by the id it edits, not by its
    // place in the file's list.
    check_levers(
        r#"{"projects":[{"id":1,"edit":{}},{"id":17,"edit":{"extend_quarters":-41}}]}"#,
        &[out("projects[id=17].edit.extend_quarters", "-41", "-40", "40")],
    );
    check_levers(
        r#"{"allocation":{"categories":[{"id":1},{"id":2,"amount":"-1"}]}}"#,
        &[out("allocation.categories[id=2].amount", "-1.000000", "0", "1,000,000,000")],
    );
    let cross = |floor: &str, ceiling: &str| StoreProblem::LeverOutOfRange {
        scenario: ScenarioAt { index: 0, name: "L".into() },
        error: Box::new(LeverError::FloorAboveCeiling { floor: floor.into(), ceiling: ceiling.into() }),
    };
    check_levers(r#"{"delegation":{"ceiling":"1","floor":"2"}}"#, &[cross("2.0", "1.0")]);
    // One threshold that crosses the data's other one (the paper's floor HK$0.2M,
    // ceiling HK$10M) is named as the engine will name it.
    check_levers(r#"{"delegation":{"floor":"30"}}"#, &[cross("30.0", "10.0")]);
    check_levers(r#"{"delegation":{"ceiling":"0.1"}}"#, &[cross("0.2", "0.1")]);
    check_levers(r#"{"delegation":{"floor":"10"}}"#, &[]);
    // Only the first lever out of range is named, as the engine names only the first.
    check_levers(r#"{"cost_change_pct":"5000","retention":"2"}"#, &[out("retention", "2", "0", "1")]);
}

/// The edits of a scenario (one in a file, named "L", of these levers) that an
/// import on the paper's data names as naming what the data does not have.
#[track_caller]
fn check_absent(levers: &str, expected: &[(Option<usize>, NotInData)]) {
    let at = || ScenarioAt { index: 0, name: "L".into() };
    let mut expected: Vec<StoreProblem> = expected
        .iter()
        .map(|(group, what)| StoreProblem::NotInData { scenario: at(), group: *group, what: what.clone() })
        .collect();
    let named = expected.len().min(MAX_NAMED_ABSENT);
    let more = expected.split_off(named).len();
    if more > 0 {
        expected.push(StoreProblem::MoreNotInData { scenario: at(), count: more });
    }
    check_levers(levers, &expected);
}

#[test]
fn edits_of_what_the_data_shown_does_not_have_are_named_at_an_import_and_imported_as_written() {
    use NotInData::{Category, Department, DepartmentNamed, Project};
    // What the paper has (projects 1 to 254, categories 1 to 6, 66 departments, every
    // theme and department with projects) reads without a word.
    check_absent(
        r#"{"projects":[{"id":1},{"id":254}],"allocation":{"categories":[{"id":1},{"id":6,"locked":true}]},
            "groups":[{"select":{"by":"department","index":65}},{"select":{"by":"department_zh","name":" 行政署 "}},
                      {"select":{"by":"theme","theme":"it_security"}},{"select":{"by":"all"}}]}"#,
        &[],
    );
    check_absent(r#"{"projects":[{"id":9999,"edit":{"defer_quarters":2}}]}"#, &[(None, Project { id: 9999 })]);
    check_absent(r#"{"projects":[{"id":0}]}"#, &[(None, Project { id: 0 })]);
    check_absent(r#"{"allocation":{"categories":[{"id":9,"amount":"5"}]}}"#, &[(None, Category { id: 9 })]);
    check_absent(
        r#"{"groups":[{"select":{"by":"all"}},{"select":{"by":"department","index":999}}]}"#,
        &[(Some(1), Department { index: 999 })],
    );
    check_absent(r#"{"groups":[{"select":{"by":"department","index":66}}]}"#, &[(Some(0), Department { index: 66 })]);
    check_absent(
        r#"{"groups":[{"select":{"by":"department_zh","name":"月球署"}}]}"#,
        &[(Some(0), DepartmentNamed { name: "月球署".into() })],
    );
    // A long name is cut, as a refused value is.
    let long = "署".repeat(60);
    check_absent(
        &format!(r#"{{"groups":[{{"select":{{"by":"department_zh","name":"{long}"}}}}]}}"#),
        &[(Some(0), DepartmentNamed { name: quoted(&long, 40) })],
    );
    // In the scenario's order, each edit once it is named; past the first sixteen of
    // a scenario, the rest are counted.
    check_absent(
        r#"{"allocation":{"categories":[{"id":7}]},"projects":[{"id":300},{"id":17},{"id":301}],
            "groups":[{"select":{"by":"department","index":70}}]}"#,
        &[
            (None, Project { id: 300 }),
            (None, Project { id: 301 }),
            (Some(0), Department { index: 70 }),
            (None, Category { id: 7 }),
        ],
    );
    let many: Vec<String> = (1_000..1_020).map(|id| format!(r#"{{"id":{id}}}"#)).collect();
    check_absent(
        &format!(r#"{{"projects":[{}]}}"#, many.join(",")),
        &(1_000..1_020).map(|id| (None, Project { id })).collect::<Vec<_>>(),
    );
    // An edit checked against imported data: what that data has reads without a word.
    let mut data = paper();
    if let Some(project) = data.projects.first_mut() {
        project.id = 9999;
    }
    let text = file(2, r#"{"name":"L","scenario":{"projects":[{"id":9999}]}}"#, "");
    assert_eq!(decode_import(&text, nfc, &data).1, vec![]);
}

#[test]
fn a_file_holding_no_scenario_is_said_to_hold_none_at_an_import() {
    let import = |text: &str| decode_import(text, nfc, &paper());
    assert_eq!(import("[]"), (Store::default(), vec![StoreProblem::Empty { bare_list: true }]));
    assert_eq!(import(&file(2, "", "")), (Store::default(), vec![StoreProblem::Empty { bare_list: false }]));
    assert_eq!(import(&file(0, "", "")), (Store::default(), vec![StoreProblem::Empty { bare_list: false }]));
    // The app's own storage may hold an empty list: nothing is wrong with it.
    check("[]", 0, &[]);
    check(&file(2, "", ""), 0, &[]);
}

#[test]
fn a_file_the_app_writes_imports_back_unchanged_and_without_a_word() {
    use crate::engine::{CategoryEdit, Edit, GroupEdit, Selector};
    use crate::money::Money;
    // Every kind of edit the app makes, of what the paper's data has, and a lever at
    // each end of its range.
    let edit = Edit { defer_quarters: Some(40), extend_quarters: Some(-40), ..Edit::default() };
    let scenario = Scenario {
        cost_change_pct: Decimal::from(-100),
        projects: vec![
            ProjectEdit { id: 17, edit: edit.clone() },
            ProjectEdit { id: 254, edit: Edit { budget: Some(Money::from_whole_millions(0)), ..Edit::default() } },
        ],
        groups: (0..66).map(|index| GroupEdit { select: Selector::Department { index }, edit: edit.clone() }).collect(),
        allocation: crate::engine::AllocationLevers {
            categories: (1..=6).map(|id| CategoryEdit { id, amount: None, locked: true }).collect(),
            scale_to: None,
        },
        ..Scenario::default()
    };
    let store = Store::of(vec![
        SavedScenario::new("s1", "Every edit 每項修改", scenario, Some(SimulationChoices::with_seed(9))),
        SavedScenario::new("s2", "Paper", Scenario::default(), None),
    ]);
    let text = encode(&store);
    assert_eq!(decode_import(&text, nfc, &paper()), (store.scenarios_only(), vec![]));
    // And again, from what it read.
    let (again, _) = decode_import(&text, nfc, &paper());
    assert_eq!(encode(&again), text);
}

#[test]
fn the_ranges_checked_at_an_import_are_the_engine_s() {
    use crate::engine::{Engine, EngineError};
    let paper = crate::dataset::Dataset::paper().unwrap_or_else(|_| panic!("the paper's data loads"));
    let engine = Engine::new(&paper).unwrap_or_else(|_| panic!("the paper's data makes an engine"));
    for levers in [
        r#"{"cost_change_pct":"-101"}"#,
        r#"{"slippage":{"share":"-0.1"}}"#,
        r#"{"ongoing_budget_year":"-5"}"#,
        r#"{"cap":{"amount":"-1"}}"#,
        r#"{"groups":[{"edit":{"budget":"-1"}}]}"#,
        r#"{"projects":[{"id":1,"edit":{"defer_quarters":99}}]}"#,
        r#"{"allocation":{"scale_to":"-3"}}"#,
        r#"{"delegation":{"floor":"30","ceiling":"20"}}"#,
        r#"{"cost_change_pct":"5","retention":"1"}"#,
        r#"{"delegation":{"floor":"30"}}"#,
        r#"{"delegation":{"ceiling":"0.1"}}"#,
        r#"{"delegation":{"floor":"30"},"groups":[{"edit":{"budget":"-1"}}]}"#,
    ] {
        let scenario: Scenario = serde_json::from_str(levers).unwrap_or_else(|error| panic!("{levers}: {error}"));
        let by_engine = match engine.project(&scenario) {
            Err(EngineError::Lever(error)) => Err(error),
            Err(other) => panic!("{levers}: {other}"),
            Ok(_) => Ok(()),
        };
        assert_eq!(scenario.check_ranges_with(Some((paper.ceiling, paper.floor))), by_engine, "{levers}");
    }
}

#[test]
fn a_rename_to_another_scenario_s_name_is_refused() {
    let mut store = Store::default();
    let mut writer = tab(7, 1_000);
    let one = change(&mut store, &mut writer, |s, w| s.save(w, "One", dearer(1), None)).unwrap();
    let two = change(&mut store, &mut writer, |s, w| s.save(w, "Two", dearer(2), None)).unwrap();
    let before = store.clone();
    let mut after = store.clone();
    assert_eq!(after.rename(&writer, &two, " One "), Err(Refusal::NameTaken { name: "One".into() }));
    assert_eq!(after, before, "a refusal changes nothing (it used to rename it “One (2)”)");
    // Its own name, or one no other scenario has, is taken.
    change(&mut store, &mut writer, |s, w| s.rename(w, &one, "One")).unwrap();
    change(&mut store, &mut writer, |s, w| s.rename(w, &two, "Three")).unwrap();
    let names: Vec<&str> = store.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["One", "Three"]);
}

#[test]
fn a_saved_scenario_keeps_its_whole_simulation_and_a_seed_alone_is_written_as_before() {
    use crate::engine::monte_carlo::SimulationChoices;
    let set_up = SimulationChoices::every_setting_changed();
    let store = Store::of(vec![
        SavedScenario::new("s1", "Set up", dearer(10), Some(set_up.clone())),
        SavedScenario::new("s2", "Seeded", dearer(5), Some(SimulationChoices::with_seed(7))),
        SavedScenario::new("s3", "Plain", dearer(1), None),
    ]);
    let text = encode(&store);
    assert!(text.contains(r#""seed":42,"simulation":{"runs":5000,"late_probability":"0.4","delay_weights":[1,1,1,1],"overrun":{"probability":"0.2","min_pct":5,"max_pct":30}}"#), "{text}");
    // What every earlier version wrote, and reads: the seed alone.
    assert!(text.contains(r#""delegation":{}},"seed":7}"#), "{text}");
    let read = check(&text, 3, &[]);
    assert_eq!(read, store);
    // A row of an earlier version, with its seed alone, reads as the default
    // simulation with that seed; one with settings alone, around the default seed.
    let rows = r#"{"name":"a","scenario":{},"seed":9},{"name":"b","scenario":{},"simulation":{"runs":20}}"#;
    let read = check(&file(2, rows, ""), 2, &[]);
    assert_eq!(read.scenarios[0].simulation, Some(SimulationChoices::with_seed(9)));
    assert_eq!(read.scenarios[1].simulation, Some(SimulationChoices { runs: 20, ..SimulationChoices::default() }));
}

#[test]
fn a_row_whose_simulation_no_field_accepts_is_named_and_skipped() {
    let bad = |simulation: &str, field: &'static str, reason: RowReason| {
        let rows =
            format!(r#"{{"name":"ok","scenario":{{}}}},{{"name":"bad","scenario":{{}},"simulation":{simulation}}}"#);
        check(&file(2, &rows, ""), 1, &[row(1, Some("bad"), field, reason)]);
    };
    let runs = RowReason::OutOfRange { min: 1, max: 100_000 };
    bad(r#"{"runs":0}"#, "simulation.runs", runs.clone());
    bad(r#"{"runs":100001}"#, "simulation.runs", runs.clone());
    bad(r#"{"runs":1000000000}"#, "simulation.runs", runs.clone());
    bad(r#"{"runs":18446744073709551615}"#, "simulation.runs", runs);
    bad(r#"{"late_probability":"1.5"}"#, "simulation.late_probability", RowReason::Invalid);
    bad(r#"{"delay_weights":[0,0,0,0]}"#, "simulation.delay_weights", RowReason::Invalid);
    bad(r#"{"delay_weights":[1001,0,0,0]}"#, "simulation.delay_weights", RowReason::Invalid);
    bad(r#"{"overrun":{"probability":"0.1","min_pct":30,"max_pct":5}}"#, "simulation.overrun", RowReason::Invalid);
    bad(r#"{"delay_weights":[1,2,3]}"#, "simulation", RowReason::Invalid);
    bad(r#"{"runs":"many"}"#, "simulation", RowReason::Invalid);
    bad("[1]", "simulation", RowReason::WrongType { expected: "object" });
}

#[test]
fn a_seed_is_read_as_the_number_json_means_and_one_out_of_range_is_named_so() {
    let read = |seed: &str| {
        let rows = format!(r#"{{"name":"S","scenario":{{}},"seed":{seed}}}"#);
        let (store, problems) = decode_lenient(&file(2, &rows, ""), nfc);
        match problems.as_slice() {
            [] => Ok(store.scenarios.first().and_then(|s| s.simulation.as_ref()).map(|s| s.seed)),
            [StoreProblem::Row { field: "seed", reason, .. }] => Err(reason.clone()),
            other => panic!("{seed}: {other:?}"),
        }
    };
    assert_eq!(read("7"), Ok(Some(7)));
    assert_eq!(read("7.0"), Ok(Some(7)));
    assert_eq!(read("1e3"), Ok(Some(1_000)));
    assert_eq!(read("18446744073709551615"), Ok(Some(u64::MAX)));
    let out_of_range = Err(RowReason::OutOfRange { min: 0, max: u64::MAX });
    assert_eq!(read("-1"), out_of_range);
    assert_eq!(read("18446744073709551616"), out_of_range);
    assert_eq!(read("1e300"), out_of_range);
    assert_eq!(read("7.5"), Err(RowReason::WrongType { expected: "whole number" }));
}
