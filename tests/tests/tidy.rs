//! Architecture invariants as tests, in the manner of rust-analyzer's `tidy`:
//! plain scans of the source tree, so a change that breaks the shape of the kit
//! fails here with the file and line to fix, whatever the code around it does.
//!
//! - the core is pure Rust: no web or wasm dependency, not even a mention;
//! - dependencies point one way: `widgets → web → core`;
//! - no policy figure (规则数字) is written in a string literal of the core or the
//!   widgets: figures come from the packs, formatted by the core, and reach text
//!   as `{}` arguments.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Every `.rs` file under `dir`, sorted, as paths relative to the repository root.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = root();
    let mut out = Vec::new();
    walk(&root.join(dir), &mut out);
    let mut out: Vec<PathBuf> = out
        .into_iter()
        .map(|p| p.strip_prefix(&root).map(Path::to_path_buf).unwrap_or(p))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no Rust files under {dir}");
    out
}

fn read(rel: &Path) -> String {
    fs::read_to_string(root().join(rel))
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", rel.display()))
}

// ---------------------------------------------------------------------------
// Cargo.toml: the dependencies a crate declares.

/// The names of every dependency `Cargo.toml` declares, in any dependency table
/// (`[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, their
/// `[target.….…]` forms, and `[dependencies.name]` tables).
fn declared_dependencies(manifest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_table = false;
    for line in manifest.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.starts_with('[') {
            let header = line.trim_matches(|c| c == '[' || c == ']').trim();
            let parts: Vec<&str> = header.split('.').map(str::trim).collect();
            let table = parts.iter().position(|p| p.ends_with("dependencies"));
            match table {
                // `[dependencies.name]`: the table names one dependency.
                Some(i) if i + 1 < parts.len() => {
                    out.push(parts[i + 1].trim_matches('"').to_string());
                    in_table = false;
                }
                Some(_) => in_table = true,
                None => in_table = false,
            }
            continue;
        }
        if in_table {
            if let Some((key, _)) = line.split_once('=') {
                let name = key.split('.').next().unwrap_or_default();
                let name = name.trim().trim_matches('"');
                if !name.is_empty() {
                    out.push(name.to_string());
                }
            }
        }
    }
    out
}

/// Crates that tie code to JavaScript, the DOM or the widgets.
const WEB_CRATES: &[&str] = &[
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "js-sys",
    "web-sys",
    "serde-wasm-bindgen",
    "yew",
    "gloo",
    "zhuchuang-web",
    "zhuchuang-widgets",
];

fn is_web_crate(name: &str) -> bool {
    let name = name.replace('_', "-");
    WEB_CRATES.contains(&name.as_str()) || name.contains("wasm") || name.starts_with("gloo-")
}

#[test]
fn the_core_has_no_web_or_wasm_dependency() {
    let deps = declared_dependencies(&read(Path::new("core/Cargo.toml")));
    assert!(
        deps.iter().any(|d| d == "serde"),
        "the Cargo.toml reader found no dependencies in core/Cargo.toml: {deps:?}"
    );
    let bad: Vec<&String> = deps.iter().filter(|d| is_web_crate(d)).collect();
    assert!(
        bad.is_empty(),
        "core/Cargo.toml depends on {bad:?}: the core is pure Rust (no I/O, no JavaScript); \
         put JavaScript glue in web/ and the DOM in widgets/"
    );
}

#[test]
fn the_core_source_mentions_no_web_crate() {
    // Paths and names of the web crates, as code or in comments.
    const NAMES: &[&str] = &[
        "wasm_bindgen",
        "wasm-bindgen",
        "js_sys",
        "js-sys",
        "web_sys",
        "web-sys",
        "zhuchuang_web",
        "zhuchuang-web",
        "zhuchuang_widgets",
        "zhuchuang-widgets",
    ];
    let mut found = Vec::new();
    for file in rust_files("core/src") {
        for (i, line) in read(&file).lines().enumerate() {
            let lower = line.to_lowercase();
            let yew = lower
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .any(|w| w == "yew");
            if yew || NAMES.iter().any(|n| lower.contains(n)) {
                found.push(format!("{}:{}: {}", file.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the core must not use or name a web crate (move the code to web/ or widgets/):\n{}",
        found.join("\n")
    );
}

#[test]
fn dependencies_point_one_way() {
    // widgets → web → core, and widgets → core: never back.
    let forbidden: &[(&str, &[&str])] = &[
        ("core/Cargo.toml", &["zhuchuang-web", "zhuchuang-widgets"]),
        ("web/Cargo.toml", &["zhuchuang-widgets"]),
    ];
    let mut bad = Vec::new();
    for (manifest, not) in forbidden {
        let deps = declared_dependencies(&read(Path::new(manifest)));
        assert!(
            deps.iter().any(|d| d == "serde"),
            "the Cargo.toml reader found no dependencies in {manifest}: {deps:?}"
        );
        for d in deps {
            if not.contains(&d.replace('_', "-").as_str()) {
                bad.push(format!("{manifest} depends on {d}"));
            }
        }
    }
    // And the arrows that should be there are (so the reader is not blind).
    for (manifest, must) in [
        ("web/Cargo.toml", "zhuchuang-core"),
        ("widgets/Cargo.toml", "zhuchuang-web"),
        ("widgets/Cargo.toml", "zhuchuang-core"),
    ] {
        let deps = declared_dependencies(&read(Path::new(manifest)));
        assert!(
            deps.iter().any(|d| d == must),
            "{manifest} should depend on {must}: {deps:?}"
        );
    }
    assert!(
        bad.is_empty(),
        "dependencies must point widgets → web → core, never back:\n{}",
        bad.join("\n")
    );
}

// ---------------------------------------------------------------------------
// String literals: a small Rust lexer, enough to find every string literal
// outside comments and `#[cfg(test)]` items.

/// A string literal's text (as written, between its quotes) and its first line.
struct Literal {
    line: usize,
    text: String,
}

/// Every string literal of `src` (plain, raw, byte), skipping comments (doc
/// comments included) and the item after each `#[cfg(test)]`.
fn string_literals(src: &str) -> Vec<Literal> {
    scan(src).0
}

/// The string literals of `src`, and whether its braces balance once strings,
/// chars and comments are set aside (a check on the scanner itself).
fn scan(src: &str) -> (Vec<Literal>, bool) {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    // Brace depth, and the depth at which a skipped `#[cfg(test)]` item ends.
    let mut depth = 0usize;
    let mut skip_until: Option<usize> = None;
    // Just saw `#[cfg(test)]`: skip the next item (a block, or up to `;`).
    let mut pending_test = false;
    let at = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, ch)| c.get(i + k) == Some(&ch))
    };
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        // Comments: line (incl. `///`, `//!`) and block (nested).
        if at(i, "//") {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if at(i, "/*") {
            let mut nest = 0;
            while i < c.len() {
                if at(i, "/*") {
                    nest += 1;
                    i += 2;
                } else if at(i, "*/") {
                    nest -= 1;
                    i += 2;
                    if nest == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
            continue;
        }
        // Raw strings: r"…", r#"…"#, br"…".
        let raw_start = if ch == 'r' && (c.get(i + 1) == Some(&'"') || c.get(i + 1) == Some(&'#')) {
            Some(i + 1)
        } else if ch == 'b' && c.get(i + 1) == Some(&'r') {
            Some(i + 2)
        } else {
            None
        };
        let ident_before = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        if let (Some(mut j), false) = (raw_start, ident_before) {
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) == Some(&'"') {
                let start_line = line;
                let close: String = std::iter::once('"')
                    .chain((0..hashes).map(|_| '#'))
                    .collect();
                let mut text = String::new();
                j += 1;
                while j < c.len() && !at(j, &close) {
                    if c[j] == '\n' {
                        line += 1;
                    }
                    text.push(c[j]);
                    j += 1;
                }
                if skip_until.is_none() {
                    out.push(Literal {
                        line: start_line,
                        text,
                    });
                }
                i = j + close.chars().count();
                continue;
            }
        }
        // Plain and byte strings.
        if ch == '"' {
            let start_line = line;
            let mut text = String::new();
            let mut j = i + 1;
            while j < c.len() && c[j] != '"' {
                if c[j] == '\\' && j + 1 < c.len() {
                    text.push(c[j]);
                    j += 1;
                }
                if c[j] == '\n' {
                    line += 1;
                }
                text.push(c[j]);
                j += 1;
            }
            if skip_until.is_none() {
                out.push(Literal {
                    line: start_line,
                    text,
                });
            }
            i = j + 1;
            continue;
        }
        // Char literals ('"', '\'', '{') and lifetimes ('a).
        if ch == '\'' {
            if c.get(i + 1) == Some(&'\\') {
                let mut j = i + 2;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            if c.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
            i += 1;
            continue;
        }
        if at(i, "#[cfg(test)]") {
            pending_test = true;
            i += "#[cfg(test)]".len();
            continue;
        }
        match ch {
            '{' => {
                if pending_test && skip_until.is_none() {
                    skip_until = Some(depth);
                }
                pending_test = false;
                depth += 1;
            }
            '}' => {
                depth = depth.saturating_sub(1);
                if skip_until == Some(depth) {
                    skip_until = None;
                }
            }
            ';' => pending_test = false,
            _ => {}
        }
        i += 1;
    }
    (out, depth == 0 && skip_until.is_none())
}

fn is_digit(ch: char) -> bool {
    ch.is_ascii_digit() || ('０'..='９').contains(&ch)
}

/// Units a policy figure is written with: years, months, ages, percent, yuan,
/// basis points (half- and full-width).
const UNITS: &[&str] = &[
    "周岁", "岁", "年", "月", "%", "％", "元", "BP", "ＢＰ", "bp",
];

/// The same units in English words, after a space ("5 years", "50 percent").
const WORDS: &[&str] = &[
    "years",
    "year",
    "months",
    "month",
    "yuan",
    "percent",
    "basis point",
];

/// Between a figure and its unit: a space, a magnitude (30万元) or a measure
/// word (6个月).
const BETWEEN: &[char] = &[' ', '\u{3000}', '万', '千', '百', '亿', '个'];

/// The figures (a number and its unit) written in `text`.
fn policy_numerals(text: &str) -> Vec<String> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if !is_digit(c[i]) {
            i += 1;
            continue;
        }
        let start = i;
        // Digits, with a decimal point or thousands separator between digits.
        while i < c.len()
            && (is_digit(c[i])
                || (matches!(c[i], '.' | ',') && c.get(i + 1).is_some_and(|&d| is_digit(d))))
        {
            i += 1;
        }
        let mut j = i;
        while j < c.len() && BETWEEN.contains(&c[j]) {
            j += 1;
        }
        let rest: String = c[j..].iter().take(8).collect();
        let word_end = |u: &str| {
            rest[u.len()..]
                .chars()
                .next()
                .is_none_or(|ch| !ch.is_ascii_alphabetic() || u.ends_with('s'))
        };
        let unit = UNITS.iter().find(|u| rest.starts_with(*u)).or_else(|| {
            (j > i)
                .then(|| WORDS.iter().find(|u| rest.starts_with(*u) && word_end(u)))
                .flatten()
        });
        if let Some(unit) = unit {
            let figure: String = c[start..j].iter().collect::<String>() + unit;
            out.push(figure);
        }
    }
    out
}

/// Genuine exceptions: figures that are not policy (standards, units, bounds of
/// the kit, CSS), each as (file or `*` for any, the figure as matched, why).
/// Keep it short: a figure a policy document sets is never an exception.
/// Formats need no entry: "18位" (an ID's length: 位 is no unit), "YYYY年MM月"
/// and "{}年{}月" (no digit before the unit: the figure is an argument).
const ALLOWED: &[(&str, &str, &str)] = &[
    // GB 11643-1999 replaced the 15-digit number: a fact of the standard.
    (
        "core/src/ids/resident.rs",
        "1999年",
        "year of the ID standard",
    ),
    // The definition of the unit itself: a basis point is a hundredth of a percent.
    (
        "core/src/pack/value.rs",
        "100BP",
        "definition of the BP unit",
    ),
    (
        "core/src/pack/value.rs",
        "100 bp",
        "definition of the BP unit",
    ),
    ("core/src/pack/value.rs", "1%", "definition of the BP unit"),
    // money::MAX_AMOUNT, the kit's bound on every amount (not a policy figure).
    ("*", "1000000000000 yuan", "money::MAX_AMOUNT"),
    // The print stylesheet's layout width, CSS inside the inline JavaScript.
    ("widgets/src/common/print.rs", "100%", "CSS width"),
    // How to write a unit, not a policy value: "months, not years (12 months = 1 year)",
    // "3.5 means 3.5% a year", "an amount of 0 yuan" (what the person typed).
    (
        "core/src/loan.rs",
        "12个月",
        "months-per-year in a unit explanation",
    ),
    (
        "core/src/loan.rs",
        "1年",
        "months-per-year in a unit explanation",
    ),
    (
        "core/src/loan.rs",
        "12 months",
        "months-per-year in a unit explanation",
    ),
    (
        "core/src/retirement.rs",
        "12个月",
        "months-per-year in a unit explanation",
    ),
    (
        "core/src/retirement.rs",
        "1年",
        "months-per-year in a unit explanation",
    ),
    (
        "core/src/retirement.rs",
        "12 months",
        "months-per-year in a unit explanation",
    ),
    ("core/src/loan.rs", "3.5%", "how a percent rate is written"),
    (
        "core/src/subsidy.rs",
        "0元",
        "an amount of zero, not a policy value",
    ),
    (
        "core/src/subsidy.rs",
        "0 yuan",
        "an amount of zero, not a policy value",
    ),
];

/// Every figure in the literals under `dirs` that no ALLOWED entry covers, and
/// the ALLOWED entries that covered something.
fn offenders(dirs: &[&str]) -> (Vec<String>, Vec<usize>) {
    let mut out = Vec::new();
    let mut used = Vec::new();
    for dir in dirs {
        for file in rust_files(dir) {
            let path = file.display().to_string().replace('\\', "/");
            for lit in string_literals(&read(&file)) {
                for figure in policy_numerals(&lit.text) {
                    let allowed = ALLOWED
                        .iter()
                        .position(|(f, fig, _)| (*f == "*" || *f == path) && *fig == figure);
                    if let Some(k) = allowed {
                        used.push(k);
                        continue;
                    }
                    let shown: String = lit.text.chars().take(60).collect();
                    out.push(format!("{path}:{}: {figure} in \"{shown}\"", lit.line));
                }
            }
        }
    }
    (out, used)
}

#[test]
fn no_policy_numeral_in_string_literals() {
    let (found, _) = offenders(&["core/src", "widgets/src"]);
    assert!(
        found.is_empty(),
        "{} string literal figure(s) of policy (a number next to 年/月/周岁/岁/%/元/BP). \
         Read the value from the pack (a parameter, formatted by the core) and pass it \
         as a `{{}}` argument; a genuine exception goes in ALLOWED with its reason:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_allowed_figure_is_still_there() {
    // The allow-list stays short: an exception no longer written goes.
    let (_, used) = offenders(&["core/src", "widgets/src"]);
    let stale: Vec<String> = ALLOWED
        .iter()
        .enumerate()
        .filter(|(k, _)| !used.contains(k))
        .map(|(_, (f, fig, why))| format!("{f}: {fig} ({why})"))
        .collect();
    assert!(
        stale.is_empty(),
        "ALLOWED lists figures no literal holds any more; remove them:\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_literal_scanner_reads_every_file_to_a_balanced_end() {
    // A char, lifetime or raw string read wrongly would throw the braces off.
    let mut unbalanced = Vec::new();
    for dir in ["core/src", "widgets/src", "web/src", "tests/tests"] {
        for file in rust_files(dir) {
            if !scan(&read(&file)).1 {
                unbalanced.push(file.display().to_string());
            }
        }
    }
    assert!(
        unbalanced.is_empty(),
        "the scanner lost its way in {unbalanced:?}"
    );
}

#[test]
fn the_literal_scanner_sees_what_it_should() {
    let src = r####"
//! A doc comment with "5年" is skipped.
/// So is this "60周岁".
fn f() -> &'static str {
    let _c = '"';
    let _a = "最高{}"; // "30万元" in a comment
    let _b = r#"LPR−150BP and "quoted""#;
    /* block "12个月" */
    "不足5年，50%"
}
#[cfg(test)]
mod tests {
    fn g() { let _ = "16周岁"; }
}
fn h() { let _ = "３０元"; }
"####;
    let lits = string_literals(src);
    let found: Vec<(usize, Vec<String>)> = lits
        .iter()
        .map(|l| (l.line, policy_numerals(&l.text)))
        .filter(|(_, f)| !f.is_empty())
        .collect();
    assert_eq!(
        found,
        vec![
            (7, vec!["150BP".to_string()]),
            (9, vec!["5年".to_string(), "50%".to_string()]),
            (15, vec!["３０元".to_string()]),
        ]
    );
    assert!(policy_numerals("{}年{}月 18位 YYYY年MM月 {0}岁").is_empty());
    assert_eq!(policy_numerals("6个月"), vec!["6个月".to_string()]);
    assert_eq!(policy_numerals("30万元"), vec!["30万元".to_string()]);
    assert_eq!(
        policy_numerals("under 5 years, 12 months, 1 to 12, 1, months"),
        vec!["5 years".to_string(), "12 months".to_string()]
    );
    assert!(policy_numerals("a 4-digit year, 2 yearly, 3yuan").is_empty());
}

// ---------------------------------------------------------------------------
// Every calculated result carries the sourced part.

/// The API functions whose result is computed from the rule packs: each result
/// must say what it rests on (citations, parameters, caveats, pack stamp), and
/// the one way to say it is the core's `Sourced`, flattened into the result.
const SOURCED_RESULTS: &[&str] = &[
    "statutoryRetirement",
    "checkEligibility",
    "assistancePlan",
    "checkMaterials",
    "subsidyPlan",
    "loanQuote",
    "screenProject",
];

#[test]
fn every_calculated_result_carries_the_sourced_part() {
    let schema: serde_json::Value =
        serde_json::from_str(&read(Path::new("web/src/api.schema.json"))).expect("api schema");
    let defs = &schema["$defs"];
    let sourced = &defs["Sourced"];
    let wanted: Vec<&str> = sourced["required"]
        .as_array()
        .expect("Sourced lists its required fields")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for field in ["citations", "parameters", "caveats", "pack"] {
        assert!(wanted.contains(&field), "Sourced lacks {field}");
    }
    let mut missing = Vec::new();
    for f in SOURCED_RESULTS {
        let r = schema["properties"][*f]["$ref"]
            .as_str()
            .unwrap_or_else(|| panic!("{f} has no result type in the schema"));
        let name = r.trim_start_matches("#/$defs/");
        let def = &defs[name];
        for field in &wanted {
            let required = def["required"]
                .as_array()
                .is_some_and(|a| a.iter().any(|v| v == field));
            // The same declaration as Sourced's, not a look-alike.
            let same = def["properties"][*field] == sourced["properties"][*field];
            if !required || !same {
                missing.push(format!("{f} ({name}).{field}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "results without the sourced part (flatten `pack::Sourced` into them): {missing:?}"
    );
}

// ---------------------------------------------------------------------------
// No cycles between the core's modules.

/// The core's top-level modules and, for each, the others it names
/// (`crate::X` anywhere in its files, `super::X` from its root file).
fn core_module_graph() -> Vec<(String, Vec<String>)> {
    let files = rust_files("core/src");
    let module_of = |p: &Path| -> Option<String> {
        let rel = p.strip_prefix("core/src").ok()?;
        let first = rel.components().next()?.as_os_str().to_str()?.to_string();
        let name = first.trim_end_matches(".rs").to_string();
        (name != "lib").then_some(name)
    };
    let mut modules: Vec<String> = files.iter().filter_map(|p| module_of(p)).collect();
    modules.sort();
    modules.dedup();
    let mut graph: Vec<(String, Vec<String>)> =
        modules.iter().map(|m| (m.clone(), Vec::new())).collect();
    for p in &files {
        let Some(from) = module_of(p) else { continue };
        let src = read(p);
        // Test modules may use anything.
        let src = src.split("#[cfg(test)]").next().unwrap_or("");
        for to in &modules {
            if *to == from {
                continue;
            }
            let named = src.contains(&format!("crate::{to}::"))
                || src.contains(&format!("crate::{to}}}"))
                || src.contains(&format!("crate::{to};"))
                || src.contains(&format!("crate::{{{to}"))
                || src.contains(&format!(", {to}::"));
            if named {
                let deps = &mut graph.iter_mut().find(|(m, _)| *m == from).unwrap().1;
                if !deps.contains(to) {
                    deps.push(to.clone());
                }
            }
        }
    }
    graph
}

#[test]
fn core_modules_form_no_cycle() {
    let graph = core_module_graph();
    let deps = |m: &str| -> Vec<String> {
        graph
            .iter()
            .find(|(n, _)| n == m)
            .map(|(_, d)| d.clone())
            .unwrap_or_default()
    };
    // Depth-first search for a path back to the start.
    fn path_back(
        start: &str,
        at: &str,
        deps: &dyn Fn(&str) -> Vec<String>,
        seen: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        for next in deps(at) {
            if next == start {
                return Some(vec![at.to_string(), next]);
            }
            if seen.contains(&next) {
                continue;
            }
            seen.push(next.clone());
            if let Some(mut p) = path_back(start, &next, deps, seen) {
                p.insert(0, at.to_string());
                return Some(p);
            }
        }
        None
    }
    let mut cycles = Vec::new();
    for (m, _) in &graph {
        if let Some(p) = path_back(m, m, &deps, &mut Vec::new()) {
            cycles.push(p.join(" → "));
        }
    }
    assert!(
        cycles.is_empty(),
        "core modules depend on each other in a cycle: {cycles:?}"
    );
    // The scan sees real edges (it would pass vacuously otherwise).
    assert!(deps("subsidy").contains(&"retirement".to_string()));
    assert!(deps("materials").contains(&"pack".to_string()));
}
