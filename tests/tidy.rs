#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)] // A test says where it fails.
//! Tidy checks: the structural rules of ARCHITECTURE.md, held by `cargo test`.
//!
//! Each rule is stated as an absence ("no screen imports another screen"), checked by
//! reading the source tree, and reports every offending file and line at once.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        let Ok(entries) = fs::read_dir(&next) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).display().to_string()
}

/// The lines of `path` that are code, not comments, with their numbers.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(index, line)| (index + 1, line.to_string()))
        .collect()
}

/// Fails with every offence listed.
#[track_caller]
fn check(rule: &str, offences: Vec<String>) {
    assert!(offences.is_empty(), "{rule}:\n  {}", offences.join("\n  "));
}

/// The screen a file under `src/screens/` belongs to: its folder, or its file stem.
fn screen_of(path: &Path) -> Option<String> {
    let inside = path.strip_prefix(root().join("src/screens")).ok()?;
    let first = inside.components().next()?.as_os_str().to_string_lossy().to_string();
    Some(first.trim_end_matches(".rs").to_string())
}

#[test]
fn no_screen_imports_another_screen_or_the_shell() {
    let mut offences = Vec::new();
    for path in rust_files(&root().join("src/screens")) {
        let Some(own) = screen_of(&path) else { continue };
        if own == "mod" {
            continue;
        }
        for (number, line) in code_lines(&path) {
            for (at, _) in line.match_indices("crate::screens::") {
                let other: String = line[at + "crate::screens::".len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if other != own {
                    offences.push(format!("{}:{number}: imports screen `{other}`", relative(&path)));
                }
            }
            if line.contains("crate::app::") || line.contains("crate::app;") {
                offences.push(format!("{}:{number}: imports the shell (`crate::app`)", relative(&path)));
            }
        }
    }
    check(
        "A screen imports from present, components, charts and the state contexts, never from another screen or app.rs",
        offences,
    );
}

#[test]
fn no_thread_local_outside_the_panic_banner() {
    let mut offences = Vec::new();
    for dir in ["src", "crates"] {
        for path in rust_files(&root().join(dir)) {
            if path.ends_with("src/panic_banner.rs") {
                continue;
            }
            for (number, line) in code_lines(&path) {
                if line.contains("thread_local!") {
                    offences.push(format!("{}:{number}", relative(&path)));
                }
            }
        }
    }
    check("State lives in contexts: no `thread_local!` outside src/panic_banner.rs", offences);
}

/// Every line of the app's code (`src`, the model, the presentation layer) outside
/// test modules for which `offends(path, line)` holds, as `path:line`.
fn app_code_offences(offends: impl Fn(&Path, &str) -> bool) -> Vec<String> {
    let mut offences = Vec::new();
    for dir in ["src", "crates/model/src", "crates/present/src"] {
        for path in rust_files(&root().join(dir)) {
            for (number, line) in code_lines_outside_tests(&path) {
                if offends(&path, &line) {
                    offences.push(format!("{}:{number}", relative(&path)));
                }
            }
        }
    }
    offences
}

/// The code of `path` before its `#[cfg(test)]` module, if it has one.
fn code_lines_outside_tests(path: &Path) -> Vec<(usize, String)> {
    code_lines(path).into_iter().take_while(|(_, line)| line.trim() != "#[cfg(test)]").collect()
}

#[test]
fn no_sort_compiled_outside_the_shared_one() {
    // See crates/model/src/order.rs: each `sort_by` site compiles its own copy of the
    // standard sort (3.6 KB of wasm); the two inner loops named there keep theirs.
    const OWN_SORT: [&str; 3] =
        ["crates/model/src/order.rs", "crates/model/src/engine/apportion.rs", "crates/model/src/money.rs"];
    // A B-tree compiles its own tree per key type (`order::SortedSet`): sets and maps
    // are `order`'s sorted lists.
    let sorts =
        [".sort(", ".sort_by(", ".sort_by_key(", ".sort_by_cached_key(", ".sort_unstable", "BTreeSet", "BTreeMap"];
    let offences = app_code_offences(|path, line| {
        !OWN_SORT.iter().any(|own| path.ends_with(own)) && sorts.iter().any(|call| line.contains(call))
    });
    check("Stable sorts, sets and maps go through blockvote_model::order (one compiled sort, no B-trees)", offences);
}

#[test]
fn memos_effects_and_keyed_lists_go_through_the_shared_ones() {
    // Leptos compiles `Memo::new`'s comparing wrapper, `Effect::new`'s task and a
    // `<For>`'s keyed list once per closure type; the app's go through one each
    // (src/components/memo.rs, effect.rs and each.rs), which took 30 KB off the file.
    const SHARED: [&str; 3] = ["src/components/memo.rs", "src/components/effect.rs", "src/components/each.rs"];
    let calls = ["Memo::new(", "Effect::new(", "<For ", "<For>"];
    let offences = app_code_offences(|path, line| {
        let code = line.trim();
        !SHARED.iter().any(|own| path.ends_with(own))
            && !code.starts_with("//")
            && (calls.iter().any(|call| code.contains(call)) || code.ends_with("<For"))
    });
    check("Memos, effects and keyed lists go through components::memo, effect and each", offences);
}

#[test]
fn no_hash_table() {
    // A `HashMap` or `HashSet` compiles its hash table once per key and value type
    // (about 2 KB of wasm each); the app's sets and maps are `order`'s sorted lists.
    let offences = app_code_offences(|_, line| line.contains("HashMap") || line.contains("HashSet"));
    check("Sets and maps are blockvote_model::order's sorted lists, never hash tables", offences);
}

#[test]
fn the_model_and_the_presentation_layer_know_no_browser() {
    let mut offences = Vec::new();
    for manifest in ["crates/model/Cargo.toml", "crates/present/Cargo.toml"] {
        let text = fs::read_to_string(root().join(manifest)).unwrap_or_default();
        for name in ["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"] {
            if text.lines().any(|line| line.trim_start().starts_with(name)) {
                offences.push(format!("{manifest} depends on {name}"));
            }
        }
    }
    check("crates/model and crates/present depend on no browser or UI crate", offences);
}

#[test]
fn only_paper_rs_cites_the_paper() {
    let mut offences = Vec::new();
    for path in rust_files(&root().join("crates/present/src")) {
        let name = relative(&path);
        if name.ends_with("present/src/paper.rs") || name.ends_with("present/src/provenance.rs") {
            continue;
        }
        for (number, line) in code_lines(&path) {
            if line.contains("Citation::new(") || line.contains("Figure::printed(") {
                offences.push(format!("{name}:{number}"));
            }
        }
    }
    check(
        "A figure is cited as the paper's only in crates/present/src/paper.rs, by the name of a printed figure",
        offences,
    );
}

#[test]
fn a_figure_is_written_through_its_provenance() {
    // `Figure::text` writes a paper figure as the paper prints it (whole millions for
    // para 6, Annexes A and B); `Value::unmarked_text` always writes one decimal, for a
    // table cell whose mark is drawn apart. Reaching through a figure to its value's
    // unmarked text would write the paper's 1,060 as 1,060.0 beside its citation.
    let mut offences = Vec::new();
    for dir in ["src", "crates/present/src"] {
        for path in rust_files(&root().join(dir)) {
            for (number, line) in code_lines(&path) {
                if line.contains("value().unmarked_text(") {
                    offences.push(format!("{}:{number}", relative(&path)));
                }
            }
        }
    }
    check("A figure is written with Figure::text, never through its value's unmarked_text", offences);
}

#[test]
fn a_float_becomes_text_only_through_format_decimals() {
    // `{:.2}` or `{}` of an `f64` compiles the standard library's float formatter
    // (about 24 KB of wasm); `blockvote_present::format::decimals` writes the same text
    // with integer arithmetic. A precision in a format string is how a float is written
    // (a figure is a `Decimal`, written by `format::format_decimal`), so none is allowed.
    let offences = app_code_offences(|_, line| {
        line.match_indices(":.").any(|(at, _)| {
            let before = &line[..at];
            let open = before.rfind('{');
            open.is_some_and(|open| !before[open..].contains('}'))
        })
    });
    check("A float becomes text through blockvote_present::format::decimals, never a format precision", offences);
}

/// A character of the CJK scripts, i.e. a word a member reads.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

#[test]
fn every_screen_is_a_folder() {
    let offences: Vec<String> = fs::read_dir(root().join("src/screens"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.file_name().is_some_and(|name| name != "mod.rs"))
        .map(|path| relative(&path))
        .collect();
    check("Each screen is a folder of small files (src/screens/<name>/), never one flat file", offences);
}

#[test]
fn no_screen_is_inlined_into_the_screen_switch() {
    let mut offences = Vec::new();
    for entry in fs::read_dir(root().join("src/screens")).into_iter().flatten().flatten() {
        let path = entry.path().join("mod.rs");
        let lines = code_lines(&path);
        for pair in lines.windows(2) {
            let [(_, attribute), (number, item)] = pair else { continue };
            let is_screen = item.starts_with("pub fn ") && item[7..].starts_with(|c: char| c.is_ascii_uppercase());
            if attribute.trim() == "#[component]" && is_screen {
                offences.push(format!("{}:{number}: {}", relative(&path), item.trim()));
            }
        }
    }
    check(
        "Every screen's component is #[inline(never)], so opening the app compiles one screen (src/screens/mod.rs)",
        offences,
    );
}

#[test]
fn screens_and_components_hold_no_words() {
    let mut offences = Vec::new();
    for dir in ["src/screens", "src/components"] {
        for path in rust_files(&root().join(dir)) {
            for (number, line) in code_lines(&path) {
                if line.chars().any(is_cjk)
                    || line.contains(" l(\"")
                    || line.contains("(l(\"")
                    || line.contains("Label::new(")
                {
                    offences.push(format!("{}:{number}", relative(&path)));
                }
            }
        }
    }
    check("Screens and components draw words from crates/present: they hold no label and no Chinese text", offences);
}

#[test]
fn only_address_rs_touches_the_address() {
    // The panic banner reads the fragment too: it must work after the app is dead.
    let allowed = ["src/address.rs", "src/panic_banner.rs"];
    let touches = [".location()", ".history()", "hashchange", "popstate", "set_hash(", "replace_state", "push_state"];
    let mut offences = Vec::new();
    for path in rust_files(&root().join("src")) {
        if allowed.contains(&relative(&path).as_str()) {
            continue;
        }
        for (number, line) in code_lines(&path) {
            if touches.iter().any(|t| line.contains(t)) {
                offences.push(format!("{}:{number}", relative(&path)));
            }
        }
    }
    check(
        "Everything about the address lives in src/address.rs: no other file reads or writes location or history",
        offences,
    );
}

/// Each stylesheet's braces balance, and no rule a section starts at the left margin
/// sits inside another block: a brace lost when two changes to `style/main.css` were
/// put together once left every later section inside an `@media print`, where a phone
/// never saw it.
#[test]
fn no_stylesheet_rule_is_left_inside_another_block() {
    let mut offences = Vec::new();
    let mut sheets: Vec<PathBuf> = fs::read_dir(root().join("style"))
        .map(|entries| entries.filter_map(|entry| entry.ok().map(|entry| entry.path())).collect())
        .unwrap_or_default();
    sheets.retain(|path| path.extension().is_some_and(|extension| extension == "css"));
    sheets.sort();
    if sheets.is_empty() {
        offences.push("style/: no stylesheet found".to_string());
    }
    for path in &sheets {
        let name = format!("style/{}", path.file_name().unwrap_or_default().to_string_lossy());
        offences.extend(stylesheet_blocks_offences(&name, &fs::read_to_string(path).unwrap_or_default()));
    }
    check("no_stylesheet_rule_is_left_inside_another_block", offences);
}

/// Where a stylesheet's text has a rule starting at the margin inside a block, a `}`
/// that closes nothing, or a block never closed.
fn stylesheet_blocks_offences(name: &str, text: &str) -> Vec<String> {
    let mut offences = Vec::new();
    let mut depth: i64 = 0;
    let mut in_comment = false;
    for (index, line) in text.lines().enumerate() {
        let starts_at_margin = !line.starts_with(char::is_whitespace) && !line.trim().is_empty();
        if depth > 0 && starts_at_margin && !in_comment && !line.starts_with('}') {
            offences.push(format!("{name}:{}: `{}` starts inside a block", index + 1, line.trim()));
        }
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (in_comment, c, chars.peek()) {
                (false, '/', Some('*')) => in_comment = true,
                (true, '*', Some('/')) => {
                    in_comment = false;
                    chars.next();
                }
                (false, '{', _) => depth += 1,
                (false, '}', _) => depth -= 1,
                _ => {}
            }
        }
        if depth < 0 {
            offences.push(format!("{name}:{}: a `}}` closes nothing", index + 1));
            depth = 0;
        }
    }
    if depth != 0 {
        offences.push(format!("{name}: {depth} block(s) never closed"));
    }
    offences
}

#[test]
fn a_lost_brace_in_a_stylesheet_is_found() {
    assert_eq!(
        stylesheet_blocks_offences("t.css", ".a { b: c; }\n@media print {\n  .d { e: f; }\n}\n"),
        Vec::<String>::new()
    );
    assert_eq!(
        stylesheet_blocks_offences("t.css", "@media print {\n  .d { e: f; }\n.g { h: i; }\n"),
        vec!["t.css:3: `.g { h: i; }` starts inside a block".to_string(), "t.css: 1 block(s) never closed".to_string()]
    );
    assert_eq!(
        stylesheet_blocks_offences("t.css", ".a { b: c; }}\n"),
        vec!["t.css:1: a `}` closes nothing".to_string()]
    );
}

/// The string literals of a line of code (`"ids"` in `&[("ids", None)]`).
fn string_literals(line: &str) -> Vec<String> {
    line.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

/// Every key the shell reads from or writes to the address by name — a screen's
/// `set_params(…, &[("ids", None)])`, the filters' `set(&[("q", …)])`,
/// `param_of("min")`, `on_bound("max", …)` and `key="dept"` — is one a reader of the
/// app knows (`blockvote_present::links::is_known_key`), so a link the app writes is
/// never said to hold a key blockvote does not know.
#[test]
fn every_address_key_the_shell_names_is_known() {
    const MARKERS: [&str; 5] = ["set_params(", "set(&[(", "param_of(\"", "on_bound(\"", "key=\""];
    let mut offences = Vec::new();
    let mut seen = 0;
    for path in rust_files(&root().join("src")) {
        for (number, line) in code_lines_outside_tests(&path) {
            if !MARKERS.iter().any(|marker| line.contains(marker)) {
                continue;
            }
            for key in string_literals(&line) {
                seen += 1;
                if !blockvote_present::links::is_known_key(&key) {
                    offences.push(format!("{}:{number}: {key:?} in `{}`", relative(&path), line.trim()));
                }
            }
        }
    }
    check("An address key the shell names that no reader knows", offences);
    assert!(seen >= 10, "the keys the shell names were not found ({seen})");
}
