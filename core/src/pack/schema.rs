//! A small JSON Schema checker for the subset of keywords `schemars` emits for
//! the pack types (`$ref`, `type`, `properties`, `required`, `additionalProperties`,
//! `items`, `anyOf`/`oneOf`, `const`, `enum`, `format: date`). It reports every
//! violation with its JSON Pointer path, where serde would stop at the first.

use super::PackProblem;
use crate::text::Text;
use serde_json::Value;

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
    let schema = resolve(root, schema);

    // anyOf / oneOf: fine if a branch fits; otherwise explain the closest branch.
    if let Some(branches) = schema
        .get("anyOf")
        .or_else(|| schema.get("oneOf"))
        .and_then(Value::as_array)
    {
        let consts: Option<Vec<&str>> = branches
            .iter()
            .map(|b| resolve(root, b).get("const").and_then(Value::as_str))
            .collect();
        if let Some(allowed) = consts {
            if !allowed.iter().any(|a| value.as_str() == Some(a)) {
                out.push(not_one_of(path, value, &allowed));
            }
            return;
        }
        let mut best: Option<Vec<PackProblem>> = None;
        for b in branches {
            let mut trial = Vec::new();
            walk(root, b, value, path, &mut trial);
            if trial.is_empty() {
                return;
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
        out.extend(best.unwrap_or_default());
        return;
    }

    if let Some(c) = schema.get("const") {
        if c != value {
            let allowed = [c.as_str().unwrap_or_default()];
            out.push(not_one_of(path, value, &allowed));
        }
        return;
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(value) {
            let allowed: Vec<&str> = e.iter().filter_map(Value::as_str).collect();
            out.push(not_one_of(path, value, &allowed));
        }
        return;
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

    if schema.get("format").and_then(Value::as_str) == Some("date") {
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

/// The known word nearest to `word` by edit distance, if it is near enough.
pub fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k), *k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2))
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_suggests_near_keys_only() {
        assert_eq!(closest("vlaues", &["values", "status"]), Some("values"));
        assert_eq!(closest("zzz", &["values", "status"]), None);
    }

    #[test]
    fn pointer_keys_are_escaped() {
        assert_eq!(pointer_key("a/b~c"), "a~1b~0c");
    }
}
