//! A small JSON Schema checker for the keywords `schemars` emits for the pack
//! types: [`KEYWORDS`] (checked), [`ANNOTATIONS`] (nothing to check) and the
//! [`FORMATS`] it knows. It reports every violation with its JSON Pointer path,
//! where serde would stop at the first. A test walks the committed schema and
//! fails naming any keyword or format not in these lists, so the schema cannot
//! grow a rule this checker silently ignores.

use super::PackProblem;
use crate::text::Text;
use serde_json::Value;

/// The keywords [`check`] applies.
pub const KEYWORDS: &[&str] = &[
    "$ref",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "anyOf",
    "oneOf",
    "const",
    "enum",
    "format",
    "minimum",
];

/// Keywords that only describe or hold definitions: nothing to check.
/// (`writeOnly`: the field is read from packs but never written into results.)
pub const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$defs",
    "title",
    "description",
    "default",
    "writeOnly",
];

/// The values of `format` [`check`] applies.
pub const FORMATS: &[&str] = &["date", "uint32"];

/// Checks `value` against `root` (a whole schema document); appends problems.
pub fn check(root: &Value, value: &Value, problems: &mut Vec<PackProblem>) {
    walk(root, root, value, "", problems);
}

/// Escapes a key for a JSON Pointer (RFC 6901).
pub fn pointer_key(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    let mut s = schema;
    // Follow chains of references (bounded, in case of a cycle).
    for _ in 0..8 {
        let Some(r) = s.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let target = r
            .strip_prefix('#')
            .and_then(|p| root.pointer(p))
            .unwrap_or(&Value::Null);
        s = target;
    }
    s
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn type_label(t: &str) -> (&'static str, &'static str) {
    match t {
        "null" => ("null", "null"),
        "boolean" => ("true/false", "a boolean"),
        "integer" => ("整数", "an integer"),
        "number" => ("数字", "a number"),
        "string" => ("字符串", "a string"),
        "array" => ("数组", "an array"),
        "object" => ("对象", "an object"),
        _ => ("?", "?"),
    }
}

fn type_matches(expected: &str, v: &Value) -> bool {
    let actual = type_name(v);
    actual == expected || (expected == "number" && actual == "integer")
}

fn problem(path: &str, code: &str, message: Text) -> PackProblem {
    PackProblem {
        path: if path.is_empty() {
            "/".into()
        } else {
            path.into()
        },
        code: code.into(),
        message,
    }
}

fn walk(root: &Value, schema: &Value, value: &Value, path: &str, out: &mut Vec<PackProblem>) {
    // `$ref`: the referenced schema applies, then any keywords beside it.
    if schema.get("$ref").is_some() {
        let target = resolve(root, schema);
        // A chain of references that never ends checks nothing more (recursion
        // through properties and items is bounded by the value's depth).
        if target.get("$ref").is_none() {
            let before = out.len();
            walk(root, target, value, path, out);
            if out.len() > before {
                return;
            }
        }
    }

    // anyOf / oneOf: fine if a branch fits; otherwise explain the closest branch.
    // (The branches of the pack schema never overlap, so "exactly one" and "at
    // least one" agree.)
    if let Some(branches) = schema
        .get("anyOf")
        .or_else(|| schema.get("oneOf"))
        .and_then(Value::as_array)
    {
        if let Some(problems) = branch_problems(root, branches, value, path) {
            out.extend(problems);
            return;
        }
    }

    if let Some(c) = schema.get("const") {
        if c != value {
            let allowed = [c.as_str().unwrap_or_default()];
            out.push(not_one_of(path, value, &allowed));
            return;
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(value) {
            let allowed: Vec<&str> = e.iter().filter_map(Value::as_str).collect();
            out.push(not_one_of(path, value, &allowed));
            return;
        }
    }

    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !types.is_empty() && !types.iter().any(|t| type_matches(t, value)) {
            let (zh, en): (Vec<&str>, Vec<&str>) = types.iter().map(|t| type_label(t)).unzip();
            let (azh, aen) = type_label(type_name(value));
            out.push(problem(
                path,
                "wrongType",
                Text::new(
                    format!("应为{}，实际是{}。", zh.join("或"), azh),
                    format!("Expected {}, found {}.", en.join(" or "), aen),
                ),
            ));
            return;
        }
    }

    if let (Some(min), Some(n)) = (
        schema.get("minimum").and_then(Value::as_f64),
        value.as_number(),
    ) {
        if n.as_f64().is_some_and(|v| v < min) {
            let min = schema
                .get("minimum")
                .map(Value::to_string)
                .unwrap_or_default();
            out.push(problem(
                path,
                "badValue",
                Text::new(
                    format!("{n} 小于最小值 {min}：请写不小于 {min} 的数。"),
                    format!("{n} is below the minimum of {min}: write {min} or more."),
                ),
            ));
            return;
        }
    }

    match schema.get("format").and_then(Value::as_str) {
        Some("date") => {
            if let Some(s) = value.as_str() {
                if s.len() != 10 || s.parse::<chrono::NaiveDate>().is_err() {
                    out.push(problem(
                        path,
                        "badDate",
                        Text::new(
                            format!("\"{s}\" 不是有效日期，应写作 YYYY-MM-DD。"),
                            format!("\"{s}\" is not a valid date; write YYYY-MM-DD."),
                        ),
                    ));
                }
            }
        }
        Some("uint32") => {
            if let Value::Number(n) = value {
                if n.as_u64().is_none_or(|v| u32::try_from(v).is_err()) {
                    out.push(problem(
                        path,
                        "badValue",
                        Text::new(
                            format!("{n} 超出范围：请写 0 到 {} 之间的整数。", u32::MAX),
                            format!(
                                "{n} is out of range: write a whole number from 0 to {}.",
                                u32::MAX
                            ),
                        ),
                    ));
                }
            }
        }
        _ => {}
    }

    if let Value::Object(map) = value {
        let props = schema.get("properties").and_then(Value::as_object);
        if let Some(req) = schema.get("required").and_then(Value::as_array) {
            for r in req.iter().filter_map(Value::as_str) {
                if !map.contains_key(r) {
                    out.push(problem(
                        path,
                        "missing",
                        Text::new(
                            format!("缺少必填项 \"{r}\"。"),
                            format!("The required field \"{r}\" is missing."),
                        ),
                    ));
                }
            }
        }
        for (k, v) in map {
            let child = format!("{path}/{}", pointer_key(k));
            match props.and_then(|p| p.get(k)) {
                Some(s) => walk(root, s, v, &child, out),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        let known: Vec<&str> = props
                            .map(|p| p.keys().map(String::as_str).collect())
                            .unwrap_or_default();
                        out.push(unknown_key(&child, k, &known));
                    }
                    Some(s @ Value::Object(_)) => walk(root, s, v, &child, out),
                    _ => {}
                },
            }
        }
    }

    if let (Value::Array(items), Some(s)) = (value, schema.get("items")) {
        for (i, v) in items.iter().enumerate() {
            walk(root, s, v, &format!("{path}/{i}"), out);
        }
    }
}

/// The problems of the closest branch when no branch fits `value`; `None` when
/// one does.
fn branch_problems(
    root: &Value,
    branches: &[Value],
    value: &Value,
    path: &str,
) -> Option<Vec<PackProblem>> {
    // All branches constants (an enum written as oneOf): one message listing them.
    let consts: Option<Vec<&str>> = branches
        .iter()
        .map(|b| resolve(root, b).get("const").and_then(Value::as_str))
        .collect();
    if let Some(allowed) = consts {
        return (!allowed.iter().any(|a| value.as_str() == Some(a)))
            .then(|| vec![not_one_of(path, value, &allowed)]);
    }
    let mut best: Option<Vec<PackProblem>> = None;
    for b in branches {
        let mut trial = Vec::new();
        walk(root, b, value, path, &mut trial);
        if trial.is_empty() {
            return None;
        }
        // Prefer the branch whose type matches (not the `null` alternative).
        let matches_type = !trial
            .iter()
            .any(|p| p.code == "wrongType" && p.path == path_or_root(path));
        let better = match &best {
            None => true,
            Some(prev) => {
                let prev_type = !prev
                    .iter()
                    .any(|p| p.code == "wrongType" && p.path == path_or_root(path));
                (matches_type && !prev_type)
                    || (matches_type == prev_type && trial.len() < prev.len())
            }
        };
        if better {
            best = Some(trial);
        }
    }
    Some(best.unwrap_or_default())
}

fn path_or_root(path: &str) -> &str {
    if path.is_empty() {
        "/"
    } else {
        path
    }
}

fn not_one_of(path: &str, value: &Value, allowed: &[&str]) -> PackProblem {
    let shown = value.to_string();
    problem(
        path,
        "notAllowed",
        Text::new(
            format!("{shown} 不是可用的值；可用：{}。", allowed.join("、")),
            format!(
                "{shown} is not allowed; use one of: {}.",
                allowed.join(", ")
            ),
        ),
    )
}

/// An unknown key, with the closest known key as a suggestion.
pub fn unknown_key(path: &str, key: &str, known: &[&str]) -> PackProblem {
    let hint = closest(key, known);
    let (zh, en) = match hint {
        Some(h) => (
            format!("是否应为 \"{h}\"？"),
            format!(" Did you mean \"{h}\"?"),
        ),
        None => (String::new(), String::new()),
    };
    problem(
        path,
        "unknownKey",
        Text::new(
            format!("未知的字段 \"{key}\"。{zh}"),
            format!("Unknown key \"{key}\".{en}"),
        ),
    )
}

pub use crate::text::closest;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_suggests_near_keys_only() {
        assert_eq!(closest("vlaues", &["values", "status"]), Some("values"));
        assert_eq!(closest("zzz", &["values", "status"]), None);
    }

    /// Every keyword and format the committed pack schema uses is one this
    /// checker applies (or a pure annotation): otherwise a rule of the schema
    /// would pass unchecked and the pack fail later, when it is read.
    #[test]
    fn the_checker_supports_every_keyword_of_the_committed_schema() {
        fn visit(schema: &Value, at: &str, unsupported: &mut Vec<String>) {
            let Value::Object(map) = schema else {
                return;
            };
            for (k, v) in map {
                let here = format!("{at}/{}", pointer_key(k));
                if !KEYWORDS.contains(&k.as_str()) && !ANNOTATIONS.contains(&k.as_str()) {
                    unsupported.push(format!("keyword \"{k}\" at {here}"));
                }
                match (k.as_str(), v) {
                    ("properties" | "$defs", Value::Object(subs)) => {
                        for (name, s) in subs {
                            visit(s, &format!("{here}/{}", pointer_key(name)), unsupported);
                        }
                    }
                    ("anyOf" | "oneOf", Value::Array(subs)) => {
                        for (i, s) in subs.iter().enumerate() {
                            visit(s, &format!("{here}/{i}"), unsupported);
                        }
                    }
                    ("items" | "additionalProperties", s) => visit(s, &here, unsupported),
                    ("format", Value::String(f)) if !FORMATS.contains(&f.as_str()) => {
                        unsupported.push(format!("format \"{f}\" at {here}"));
                    }
                    _ => {}
                }
            }
        }
        let schema: Value = serde_json::from_str(crate::pack::SCHEMA_JSON).unwrap();
        let mut unsupported = Vec::new();
        visit(&schema, "", &mut unsupported);
        assert!(
            unsupported.is_empty(),
            "core/src/pack/schema.rs does not check: {}. Support it in `walk` (and list it in KEYWORDS or FORMATS), or list it in ANNOTATIONS if it checks nothing.",
            unsupported.join("; ")
        );
    }

    fn check_one(schema: Value, value: Value) -> Vec<PackProblem> {
        let mut out = Vec::new();
        check(&schema, &value, &mut out);
        out
    }

    #[test]
    fn minimum_and_uint32_are_checked() {
        let s =
            serde_json::json!({ "type": ["integer", "null"], "format": "uint32", "minimum": 0 });
        let p = check_one(s.clone(), serde_json::json!(-3));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].code, "badValue");
        assert_eq!(
            p[0].message.en,
            "-3 is below the minimum of 0: write 0 or more."
        );
        let p = check_one(s.clone(), serde_json::json!(5_000_000_000u64));
        assert_eq!(p[0].code, "badValue");
        assert!(check_one(s.clone(), serde_json::json!(3)).is_empty());
        assert!(check_one(s, Value::Null).is_empty());
    }

    #[test]
    fn a_ref_beside_other_keywords_applies_both() {
        let root = serde_json::json!({
            "$defs": { "N": { "type": "integer" } },
            "properties": { "n": { "$ref": "#/$defs/N", "minimum": 1 } }
        });
        assert_eq!(
            check_one(root.clone(), serde_json::json!({ "n": "x" }))[0].code,
            "wrongType"
        );
        assert_eq!(
            check_one(root.clone(), serde_json::json!({ "n": 0 }))[0].code,
            "badValue"
        );
        assert!(check_one(root, serde_json::json!({ "n": 2 })).is_empty());
    }

    #[test]
    fn pointer_keys_are_escaped() {
        assert_eq!(pointer_key("a/b~c"), "a~1b~0c");
    }
}
