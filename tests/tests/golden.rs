//! Golden cases: every `tests/golden/**/*.json` file, run through the API's pure
//! Rust entry point (`zhuchuang_web::api::call`, which the wasm exports wrap).
//! The same files run through the built wasm package in Node
//! (`tests/node/golden.test.mjs`), so both sides of the boundary must agree with
//! the data.
//!
//! A file: `{ description, call, options?, packs?, sequence?, cases: [case] }`;
//! a case: `{ name, call?, args, options?, expect? | error? }`. `expect` is matched
//! as a subset (objects: the keys given; arrays: same length, element by element);
//! `error` matches the thrown error's `code` and `problems`. `packs` are overlays
//! (paths under `core/packs/`) loaded before each case, or once before all cases
//! when `sequence` is true (then cases share the loaded packs, in order).

use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use zhuchuang_core::pack::PackSet;
use zhuchuang_web::api;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

/// Calls that do not apply rules on a date; every other call's case must give
/// `options.asOf`, so that no answer depends on the day the suite runs.
const UNDATED: &[&str] = &[
    "validateId",
    "validateIds",
    "isValidId",
    "validateForm",
    "kitInfo",
    "loadPack",
    "unloadPack",
    "resetPacks",
    "loanQuote",
    "screeningQuestions",
];

/// "Today" for the API's defaults (the date a birth date may not be after).
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// Calls the API function `name` through the API's own entry point
/// (`zhuchuang_web::api::call`, the one the wasm exports wrap): the result as
/// JSON, or the error in the shape JavaScript sees it.
fn call(name: &str, args: &[Value], opts: &Value, set: &mut PackSet) -> Result<Value, Value> {
    if !UNDATED.contains(&name) {
        assert!(
            opts.get("asOf").and_then(Value::as_str).is_some(),
            "golden cases of {name} must give options.asOf"
        );
    }
    match api::call(set, name, args, opts, today()) {
        Ok(raw) => Ok(serde_json::from_str(raw.get()).unwrap()),
        Err(e) => {
            assert!(
                !e.text.zh.trim().is_empty() && !e.text.en.trim().is_empty(),
                "{name}: the error {} has an empty message",
                e.code
            );
            Err(e.to_json(api::lang_of(opts)))
        }
    }
}

/// Every way `actual` differs from the subset `expected`, with paths.
fn mismatches(expected: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => mismatches(ev, av, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing (expected {ev})")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!(
                    "{path}: expected {} items, got {}: {}",
                    e.len(),
                    a.len(),
                    short(actual)
                ));
                return;
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                mismatches(ev, av, &format!("{path}[{i}]"), out);
            }
        }
        (e, a) if e == a => {}
        (e, a) => out.push(format!("{path}: expected {e}, got {}", short(a))),
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 300 {
        format!("{}…", s.chars().take(300).collect::<String>())
    } else {
        s
    }
}

fn merged(file_opts: &Value, case_opts: Option<&Value>) -> Value {
    let mut m: Map<String, Value> = file_opts.as_object().cloned().unwrap_or_default();
    if let Some(Value::Object(c)) = case_opts {
        for (k, v) in c {
            m.insert(k.clone(), v.clone());
        }
    }
    Value::Object(m)
}

/// The embedded packs plus `packs`: file paths under `core/packs/`, or inline
/// pack objects.
fn fresh(packs: &[Value]) -> PackSet {
    static EMBEDDED: std::sync::OnceLock<PackSet> = std::sync::OnceLock::new();
    let mut set = EMBEDDED
        .get_or_init(|| PackSet::embedded().unwrap())
        .clone();
    for p in packs {
        let text = match p {
            Value::String(file) => {
                std::fs::read_to_string(root().join("../core/packs").join(file)).unwrap()
            }
            inline => inline.to_string(),
        };
        set.load(&text).unwrap_or_else(|e| panic!("{p}: {e}"));
    }
    set
}

#[test]
fn golden_cases() {
    let mut paths = Vec::new();
    files(&root().join("golden"), &mut paths);
    assert!(!paths.is_empty());
    let mut failures = Vec::new();
    let mut count = 0;
    for path in &paths {
        let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path
            .strip_prefix(root().join("golden"))
            .unwrap()
            .display()
            .to_string();
        let packs = file
            .get("packs")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let sequence = file
            .get("sequence")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let mut shared = fresh(&packs);
        for case in file["cases"].as_array().unwrap() {
            count += 1;
            let case_name = case["name"].as_str().unwrap_or("?");
            let call_name = case
                .get("call")
                .or(file.get("call"))
                .and_then(Value::as_str)
                .unwrap();
            let opts = merged(
                file.get("options").unwrap_or(&Value::Null),
                case.get("options"),
            );
            let args = case["args"].as_array().cloned().unwrap_or_default();
            let mut own;
            let set = if sequence {
                &mut shared
            } else {
                own = fresh(&packs);
                &mut own
            };
            let result = call(call_name, &args, &opts, set);
            let mut diffs = Vec::new();
            match (case.get("expect"), case.get("error"), result) {
                (Some(e), _, Ok(actual)) => mismatches(e, &actual, "", &mut diffs),
                (_, Some(e), Err(actual)) => {
                    if let Some(n) = e.get("problemsAtLeast").and_then(Value::as_u64) {
                        let got = actual["problems"].as_array().map_or(0, Vec::len) as u64;
                        if got < n {
                            diffs.push(format!("expected at least {n} problems, got {got}"));
                        }
                        let mut e = e.clone();
                        e.as_object_mut().unwrap().remove("problemsAtLeast");
                        mismatches(&e, &actual, "error", &mut diffs);
                    } else {
                        mismatches(e, &actual, "error", &mut diffs);
                    }
                }
                (Some(_), _, Err(actual)) => {
                    diffs.push(format!("expected a result, got error {}", short(&actual)))
                }
                (_, Some(_), Ok(actual)) => {
                    diffs.push(format!("expected an error, got {}", short(&actual)))
                }
                (None, None, _) => diffs.push("case has neither expect nor error".into()),
            }
            if !diffs.is_empty() {
                failures.push(format!(
                    "{name} / {case_name}:\n    {}",
                    diffs.join("\n    ")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} golden cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{count} golden cases passed");
}

/// Words a zh-CN result may show in Latin letters: rate terms, training brands
/// and ID-check names that Chinese texts themselves write so.
const LATIN_ALLOWED: &[&str] = &[
    "LPR", "BP", "SYB", "IYB", "EYB", "GYB", "III", "App", "Luhn",
];

/// Keys whose strings are read by people (the rest are ids, codes, dates,
/// amounts and links, for programs).
const READ_BY_PEOPLE: &[&str] = &[
    "document",
    "title",
    "article",
    "label",
    "caveats",
    "reason",
    "summary",
    "question",
    "hint",
    "name",
    "proves",
    "issuer",
    "how",
    "message",
    "heading",
    "actual",
    "threshold",
    "ifText",
    "note",
    "text",
    "zh-CN",
];

/// Every string of `v` a person reads (under a key of [`READ_BY_PEOPLE`], a
/// parameter's displayed `value`, or any string with Chinese in it) that has a
/// Latin word of three letters or more not in [`LATIN_ALLOWED`].
fn latin_words(v: &Value, key: &str, path: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                let shown_value = k == "value" && o.contains_key("raw");
                let k = if shown_value { "label" } else { k.as_str() };
                latin_words(x, k, &format!("{path}.{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                latin_words(x, key, &format!("{path}[{i}]"), out);
            }
        }
        Value::String(s) => {
            let chinese = s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            if !(chinese || READ_BY_PEOPLE.contains(&key)) {
                return;
            }
            for w in s.split(|c: char| !c.is_ascii_alphabetic()) {
                if w.len() >= 3 && !LATIN_ALLOWED.contains(&w) {
                    out.push(format!("{path}: \"{w}\" in \"{s}\""));
                }
            }
        }
        _ => {}
    }
}

fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// Class 6 of issue 08: what a citizen reads in zh-CN is Chinese throughout.
/// Every golden case is called again in zh-CN and every result scanned: no
/// English source notes, no code names (`halfOfActual`), no file names.
#[test]
fn zh_cn_results_are_chinese_throughout() {
    let mut paths = Vec::new();
    files(&root().join("golden"), &mut paths);
    let mut found = Vec::new();
    let mut scanned = 0;
    for path in &paths {
        let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let name = path
            .strip_prefix(root().join("golden"))
            .unwrap()
            .display()
            .to_string();
        let packs = file
            .get("packs")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        // Test packs written inline word their own strings as tests do
        // ("test: a province…"): those are not the kit's.
        let mut inline = Vec::new();
        for p in packs.iter().filter(|p| p.is_object()) {
            strings(p, &mut inline);
        }
        let sequence = file.get("sequence").and_then(Value::as_bool) == Some(true);
        let mut shared = fresh(&packs);
        for case in file["cases"].as_array().unwrap() {
            let call_name = case
                .get("call")
                .or(file.get("call"))
                .and_then(Value::as_str)
                .unwrap();
            let mut opts = merged(
                file.get("options").unwrap_or(&Value::Null),
                case.get("options"),
            );
            opts["lang"] = serde_json::json!("zh-CN");
            let args = case["args"].as_array().cloned().unwrap_or_default();
            let mut own;
            let set = if sequence {
                &mut shared
            } else {
                own = fresh(&packs);
                &mut own
            };
            if let Ok(result) = call(call_name, &args, &opts, set) {
                if call_name == "loadPack" {
                    continue;
                }
                scanned += 1;
                let case_name = case["name"].as_str().unwrap_or("?");
                let mut words = Vec::new();
                latin_words(&result, "", "", &mut words);
                words.retain(|w| !inline.iter().any(|s| w.ends_with(&format!(" in \"{s}\""))));
                for w in words {
                    found.push(format!("{name} / {case_name}: {w}"));
                }
            }
        }
    }
    assert!(scanned > 100, "only {scanned} results scanned");
    assert!(
        found.is_empty(),
        "{} Latin words in zh-CN results:\n{}",
        found.len(),
        found.join("\n")
    );
}
