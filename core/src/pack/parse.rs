//! Parsing (解析): pack JSON → a checked [`Pack`].
//!
//! A pack is all or nothing, for every entry. Loading reads the JSON, checks its
//! structure against the committed schema ([`super::schema`], every problem with
//! its path), then reads every entry (meta, each parameter, material, application
//! and label) into the format types of [`super::file`]: an entry that does not
//! read is a listed problem with its path and a plain message, never silently
//! dropped. The entries that read are then checked for meaning (module `check`).
//! Any problem refuses the whole pack.

use super::check::{check_forms, check_materials, check_semantics};
use super::citations;
use super::file::{
    ApplicationFile, Citation, ClauseFile, FormFile, MaterialFile, PackMeta, ParameterFile, Scope,
    Status, Unit,
};
use super::rules::PackRef;
use super::schema;
use super::value::Value;
use crate::text::Text;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;

/// The embedded national pack.
pub const NATIONAL_JSON: &str = include_str!("../../packs/cn.json");
/// The embedded national pack as checked: [`Pack::parse`] of [`NATIONAL_JSON`],
/// serialised in the compact form ([`super::compact`]). Generated, do not edit:
/// `core/tests/embedded.rs` fails when it differs from what `cn.json` gives, and
/// `UPDATE_PACK=1 cargo test -p zhuchuang-core --test embedded` rewrites it.
/// [`Pack::national`] reads it typed, with no JSON parse and no schema or
/// meaning check at run time (they ran when it was generated), so the first rule
/// call does not pay for them.
pub static NATIONAL_CHECKED: &[u8] = include_bytes!("../../packs/cn.checked.bin");
/// The JSON Schema every pack is checked against (generated from [`super::file::PackFile`]).
pub const SCHEMA_JSON: &str = include_str!("../../packs/pack.schema.json");
/// Region code of the national pack.
pub const NATIONAL: &str = "000000";

/// One problem found in a pack, located by JSON Pointer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PackProblem {
    /// JSON Pointer to the offending place, e.g. `/parameters/loan.lpr1y/values/2/from`.
    pub path: String,
    /// `syntax`, `wrongType`, `missing`, `unknownKey`, `unknownParameter`,
    /// `notAllowed`, `badDate`, `badValue`, `overlap`, `order`, `unitMismatch`,
    /// `nationalOnly`, `noCitation`, `region`, `missingParameter`,
    /// `unknownMaterial`, `unknownFact`, `badCondition`, `internal`.
    pub code: String,
    pub message: Text,
}

/// Every problem that kept a pack from loading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PackErrors {
    pub problems: Vec<PackProblem>,
}

impl fmt::Display for PackErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.problems {
            writeln!(f, "{}: {}", p.path, p.message.en)?;
        }
        Ok(())
    }
}

impl std::error::Error for PackErrors {}

/// A value with its effective dates and provenance, after checking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub value: Value,
    pub citation: Citation,
    pub status: Status,
    pub note: Option<Text>,
}

/// A checked parameter of one pack.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Param {
    pub label: Option<Text>,
    pub description: Option<Text>,
    pub unit: Unit,
    pub scope: Scope,
    pub choices: Vec<String>,
    pub status: Status,
    pub last_verified: NaiveDate,
    pub entries: Vec<Entry>,
}

impl Param {
    /// The entry in force on `date`.
    pub fn entry_on(&self, date: NaiveDate) -> Option<&Entry> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.from <= date && e.to.is_none_or(|to| date <= to))
    }
}

/// A checked pack. It serialises only to the embedded national pack's
/// pre-checked form ([`NATIONAL_CHECKED`]), never to a pack file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    pub meta: PackMeta,
    /// SHA-256 of the pack's canonical JSON (keys sorted, no whitespace).
    pub hash: String,
    pub params: BTreeMap<String, Param>,
    /// Materials as written in this pack (an overlay's are partial).
    pub materials: BTreeMap<String, MaterialFile>,
    /// Application types as written in this pack.
    pub applications: BTreeMap<String, ApplicationFile>,
    /// Application forms as written in this pack.
    #[serde(default)]
    pub forms: BTreeMap<String, FormFile>,
    /// Names of choices this pack adds.
    pub labels: BTreeMap<String, Text>,
    /// The clauses of its citation table (see [`citations`](super::citations)).
    pub citations: BTreeMap<String, ClauseFile>,
}

pub(super) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// SHA-256 of the canonical JSON form (object keys sorted, no whitespace).
pub fn canonical_hash(v: &serde_json::Value) -> String {
    // serde_json's Map is a BTreeMap (no `preserve_order`), so keys are sorted.
    sha256_hex(v.to_string().as_bytes())
}

pub(super) fn problem(path: impl Into<String>, code: &str, message: Text) -> PackProblem {
    PackProblem {
        path: path.into(),
        code: code.into(),
        message,
    }
}

impl Pack {
    /// Parses and checks a pack. `base` is the national pack an overlay is checked
    /// against; `None` checks `json` as a national pack. Returns every problem.
    pub fn parse(json: &str, base: Option<&Pack>) -> Result<Pack, PackErrors> {
        match serde_json::from_str::<serde_json::Value>(SCHEMA_JSON) {
            Ok(schema) => Pack::parse_against(&schema, json, base),
            Err(e) => Err(PackErrors {
                problems: vec![problem(
                    "/",
                    "internal",
                    Text::new(
                        format!("内置模式损坏：{e}"),
                        format!("Built-in schema is broken: {e}"),
                    ),
                )],
            }),
        }
    }

    /// [`Pack::parse`] with the structure checked against `schema`.
    fn parse_against(
        schema: &serde_json::Value,
        json: &str,
        base: Option<&Pack>,
    ) -> Result<Pack, PackErrors> {
        let fail = |problems| Err(PackErrors { problems });
        let raw: serde_json::Value = match serde_json::from_str(json) {
            Ok(v) => v,
            Err(e) => return fail(vec![problem("/", "syntax", syntax_error(&e))]),
        };
        let mut problems = Vec::new();
        schema::check(schema, &raw, &mut problems);
        // Read every entry whose structure is sound, even when other entries have
        // structural problems, so one load reports everything. An entry that does
        // not read is a problem of its own (never dropped in silence).
        let flagged: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
        let mut reader = Reader {
            flagged: &flagged,
            problems: &mut problems,
        };
        let meta: Option<PackMeta> = raw.get("meta").and_then(|m| reader.read("/meta", m));
        let parameters: BTreeMap<String, ParameterFile> = reader.section(&raw, "parameters");
        let materials: BTreeMap<String, MaterialFile> = reader.section(&raw, "materials");
        let applications: BTreeMap<String, ApplicationFile> = reader.section(&raw, "applications");
        let forms: BTreeMap<String, FormFile> = reader.section(&raw, "forms");
        let labels: BTreeMap<String, Text> = reader.section(&raw, "labels");
        let clauses: BTreeMap<String, ClauseFile> = reader.section(&raw, "citations");
        let pack = check_semantics(meta, parameters, base, canonical_hash(&raw), &mut problems)
            .map(|mut pack| {
                let written: Vec<String> = raw
                    .get("materials")
                    .and_then(serde_json::Value::as_object)
                    .map(|m| m.keys().cloned().collect())
                    .unwrap_or_default();
                check_materials(
                    &pack,
                    &materials,
                    &written,
                    &applications,
                    base,
                    &mut problems,
                );
                check_forms(&pack, &forms, &applications, base, &mut problems);
                pack.materials = materials;
                pack.applications = applications;
                pack.forms = forms;
                pack.labels = labels;
                let national = if pack.is_national() { None } else { base };
                pack.citations = citations::check(clauses, national, &mut problems);
                pack
            });
        if pack.is_none() && problems.is_empty() {
            // Cannot happen (a pack without meta has a problem at /meta), but a
            // refusal must always say why.
            problems.push(problem(
                "/meta",
                "missing",
                Text::new("缺少 meta。", "The pack has no \"meta\"."),
            ));
        }
        match pack {
            Some(pack) if problems.is_empty() => Ok(pack),
            _ => {
                crate::sort::sort_by(&mut problems, |a, b| a.path.cmp(&b.path));
                fail(problems)
            }
        }
    }

    /// The embedded national pack, read from its pre-checked form
    /// ([`NATIONAL_CHECKED`]); equal to `Pack::parse(NATIONAL_JSON, None)`, hash
    /// included (`core/tests/embedded.rs`).
    pub fn national() -> Result<Pack, PackErrors> {
        super::compact::from_bytes(NATIONAL_CHECKED).map_err(|e| PackErrors {
            problems: vec![problem(
                "/",
                "internal",
                Text::new(
                    format!("内置全国规则包损坏：{e}。请运行 UPDATE_PACK=1 cargo test -p zhuchuang-core --test embedded 重新生成。"),
                    format!("The built-in national pack is broken: {e}. Regenerate it with UPDATE_PACK=1 cargo test -p zhuchuang-core --test embedded."),
                ),
            )],
        })
    }

    pub fn is_national(&self) -> bool {
        self.meta.region == NATIONAL
    }

    pub fn reference(&self) -> PackRef {
        PackRef {
            id: self.meta.id.clone(),
            version: self.meta.version.clone(),
            region: self.meta.region.clone(),
            hash: self.hash.clone(),
            example: self.meta.example,
            title: self.meta.title.clone(),
        }
    }
}

/// A JSON syntax error in plain words, with its line and column.
fn syntax_error(e: &serde_json::Error) -> Text {
    let (line, column) = (e.line(), e.column());
    if e.is_eof() {
        return Text::new(
            format!("JSON 在第{line}行第{column}列提前结束：请检查是否缺少 }}、] 或引号。"),
            format!("The JSON ends early (line {line}, column {column}): check for a missing }}, ] or quote."),
        );
    }
    let msg = e.to_string();
    let (zh, en) = if msg.contains("trailing comma") {
        (
            "最后一项后面多了逗号",
            "there is a comma after the last item",
        )
    } else if msg.contains("key must be a string") {
        ("键名要用双引号括起来", "keys must be in double quotes")
    } else if msg.contains("expected `,` or `}`") {
        ("缺少逗号或 }", "a comma or } is missing")
    } else if msg.contains("expected `,` or `]`") {
        ("缺少逗号或 ]", "a comma or ] is missing")
    } else if msg.contains("expected `:`") {
        ("键名后缺少冒号", "a colon is missing after the key")
    } else if msg.contains("expected value") || msg.contains("expected ident") {
        (
            "这里应有一个值（文字要用双引号）",
            "a value is expected here (text in double quotes)",
        )
    } else if msg.contains("trailing characters") {
        (
            "JSON 结束后还有多余的内容",
            "there is more after the end of the JSON",
        )
    } else {
        (
            "请检查这里的括号、逗号和引号",
            "check the brackets, commas and quotes here",
        )
    };
    Text::new(
        format!("不是有效的 JSON（第{line}行第{column}列）：{zh}。"),
        format!("Not valid JSON (line {line}, column {column}): {en}."),
    )
}

/// Reads the entries of a pack into the format types, listing every entry that
/// does not read.
struct Reader<'a> {
    /// Paths the structure check already reported: entries under them are not
    /// read again (their problem is already listed).
    flagged: &'a [String],
    problems: &'a mut Vec<PackProblem>,
}

impl Reader<'_> {
    fn sound(&self, path: &str) -> bool {
        !self
            .flagged
            .iter()
            .any(|p| p == path || p == "/" || p.starts_with(&format!("{path}/")))
    }

    /// The entry at `path`, or `None` with a problem listed.
    fn read<T: DeserializeOwned>(&mut self, path: &str, value: &serde_json::Value) -> Option<T> {
        if !self.sound(path) {
            return None;
        }
        match serde_json::from_value::<T>(value.clone()) {
            Ok(t) => Some(t),
            Err(e) => {
                self.problems.push(unreadable::<T>(path, value, &e));
                None
            }
        }
    }

    /// Every entry of the section `name` (an object of entries by id) that reads.
    fn section<T: DeserializeOwned>(
        &mut self,
        raw: &serde_json::Value,
        name: &str,
    ) -> BTreeMap<String, T> {
        let mut out = BTreeMap::new();
        if let Some(map) = raw.get(name).and_then(serde_json::Value::as_object) {
            for (key, value) in map {
                let path = format!("/{name}/{}", schema::pointer_key(key));
                if let Some(t) = self.read(&path, value) {
                    out.insert(key.clone(), t);
                }
            }
        }
        out
    }
}

/// The problem for an entry that does not read as `T`: at the innermost place
/// whose removal makes it read (the culprit), with a plain message.
fn unreadable<T: DeserializeOwned>(
    path: &str,
    value: &serde_json::Value,
    e: &serde_json::Error,
) -> PackProblem {
    let mut at = culprit::<T>(value).unwrap_or_default();
    // A required member with a wrong value cannot be removed: find it by the
    // value the error names, when only one place under `at` holds it.
    if let (Some(found), Some(node)) = (found_value(&e.to_string()), value.pointer(&at)) {
        let mut places = Vec::new();
        holding(node, &found, &at, &mut places);
        if let [only] = places.as_slice() {
            at = only.clone();
        }
    }
    let (code, message) = plain_error(e);
    problem(format!("{path}{at}"), code, message)
}

/// The JSON Pointer (relative to `whole`) of the innermost member or element
/// whose removal lets `whole` read as `T`, if there is one.
fn culprit<T: DeserializeOwned>(whole: &serde_json::Value) -> Option<String> {
    let reads = |v: serde_json::Value| serde_json::from_value::<T>(v).is_ok();
    let mut found: Option<String> = None;
    let mut at = String::new();
    loop {
        let node = whole.pointer(&at)?;
        let children: Vec<String> = match node {
            serde_json::Value::Object(m) => m
                .keys()
                .map(|k| format!("{at}/{}", schema::pointer_key(k)))
                .collect(),
            serde_json::Value::Array(a) => (0..a.len()).map(|i| format!("{at}/{i}")).collect(),
            _ => Vec::new(),
        };
        match children.into_iter().find(|c| reads(without(whole, c))) {
            Some(c) => {
                at = c.clone();
                found = Some(c);
            }
            None => return found,
        }
    }
}

/// The value a reading error says it found (`integer `-3``, `string "x"`,
/// `unknown variant `x``), if it names one.
fn found_value(msg: &str) -> Option<serde_json::Value> {
    let ticked = msg.split('`').nth(1);
    if msg.starts_with("unknown variant ") {
        return ticked.map(|v| serde_json::Value::String(v.to_string()));
    }
    let found = ["invalid type: ", "invalid value: "]
        .iter()
        .find_map(|p| msg.strip_prefix(p))?
        .split_once(", expected ")?
        .0;
    if let Some(s) = found.strip_prefix("string ") {
        return serde_json::from_str(s).ok();
    }
    let v = found.split('`').nth(1)?;
    match found.split(' ').next()? {
        "integer" | "floating" | "boolean" => serde_json::from_str(v).ok(),
        _ => None,
    }
}

/// Every place under `node` (at `at`) whose value is `found`.
fn holding(node: &serde_json::Value, found: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    if node == found {
        out.push(at.to_string());
    }
    match node {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                holding(v, found, &format!("{at}/{}", schema::pointer_key(k)), out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                holding(v, found, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// `whole` with the member or element at `pointer` removed.
fn without(whole: &serde_json::Value, pointer: &str) -> serde_json::Value {
    let mut copy = whole.clone();
    if let Some((parent, last)) = pointer.rsplit_once('/') {
        let key = last.replace("~1", "/").replace("~0", "~");
        match copy.pointer_mut(parent) {
            Some(serde_json::Value::Object(m)) => {
                m.remove(&key);
            }
            Some(serde_json::Value::Array(a)) => {
                if let Ok(i) = key.parse::<usize>() {
                    if i < a.len() {
                        a.remove(i);
                    }
                }
            }
            _ => {}
        }
    }
    copy
}

/// A reading error in words a pack author understands: what is wrong and what
/// to write (serde's own wording names Rust types).
fn plain_error(e: &serde_json::Error) -> (&'static str, Text) {
    let raw = e.to_string();
    // `from_value` errors carry no position, but strip one if present.
    let msg = raw
        .rsplit_once(" at line ")
        .map_or(raw.as_str(), |(m, _)| m);
    let ticked = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    for (prefix, code) in [
        ("invalid type: ", "wrongType"),
        ("invalid value: ", "badValue"),
    ] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.split_once(", expected ") {
                let (fzh, fen) = found_words(found);
                let (ezh, een) = expected_words(expected);
                return (
                    code,
                    Text::new(
                        format!("这里写的是{fzh}，应为{ezh}。"),
                        format!("Found {fen}; write {een} here."),
                    ),
                );
            }
        }
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let f = ticked(rest).into_iter().next().unwrap_or_default();
        return (
            "missing",
            Text::new(
                format!("缺少必填项 \"{f}\"。"),
                format!("The required field \"{f}\" is missing."),
            ),
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let names = ticked(rest);
        let (f, known) = names
            .split_first()
            .map_or(("", &[][..]), |(f, k)| (f.as_str(), k));
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        return ("unknownKey", schema::unknown_key("", f, &known).message);
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let names = ticked(rest);
        let (v, allowed) = names
            .split_first()
            .map_or(("", &[][..]), |(v, a)| (v.as_str(), a));
        return (
            "notAllowed",
            Text::new(
                format!("\"{v}\" 不是可用的值；可用：{}。", allowed.join("、")),
                format!(
                    "\"{v}\" is not allowed; use one of: {}.",
                    allowed.join(", ")
                ),
            ),
        );
    }
    if let Some(rest) = msg.strip_prefix("duplicate field ") {
        let f = ticked(rest).into_iter().next().unwrap_or_default();
        return (
            "badValue",
            Text::new(
                format!("字段 \"{f}\" 写了两次：只保留一个。"),
                format!("The field \"{f}\" is written twice: keep one."),
            ),
        );
    }
    (
        "badValue",
        Text::new(
            "这一项无法读取：请对照 pack.schema.json 检查它的字段和取值。",
            "This entry cannot be read: check its fields and values against pack.schema.json.",
        ),
    )
}

/// What serde says it found ("integer `-3`", "string \"x\"", "map"), in words.
fn found_words(found: &str) -> (String, String) {
    if let Some(s) = found.strip_prefix("string ") {
        return (format!(" {s}"), s.to_string());
    }
    match (found, found.split('`').nth(1)) {
        (_, Some(v)) => (format!(" {v}"), v.to_string()),
        ("map", None) => ("一个对象".into(), "an object".into()),
        ("sequence", None) => ("一个数组".into(), "an array".into()),
        ("null" | "unit value", None) => (" null".into(), "null".into()),
        _ => ("不合适的值".into(), "a value that does not fit".into()),
    }
}

/// What serde expected ("u32", "a string", "struct Text"), in words.
fn expected_words(expected: &str) -> (String, String) {
    let e = expected.trim();
    let (zh, en) = match e {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => (
            "不小于 0 的整数（如 3）",
            "a whole number of 0 or more (e.g. 3)",
        ),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => ("整数", "a whole number"),
        "f32" | "f64" => ("数字", "a number"),
        "a string" | "a borrowed string" | "a character" => ("带引号的文字", "text in quotes"),
        "a boolean" => ("true 或 false", "true or false"),
        "a sequence" => ("数组 [ … ]", "an array [ … ]"),
        _ if e.starts_with("struct ") || e == "a map" => ("对象 { … }", "an object { … }"),
        _ if e.contains("date") => ("YYYY-MM-DD 格式的日期", "a date written YYYY-MM-DD"),
        _ if e.contains("variant") => ("可用值之一", "one of the allowed values"),
        _ => (
            "符合 pack.schema.json 的值",
            "a value pack.schema.json allows",
        ),
    };
    (zh.to_string(), en.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn overlay(extra: serde_json::Value) -> String {
        let mut pack = json!({
            "meta": { "id": "t", "version": "1", "region": "440300",
                "title": { "zh-CN": "测试", "en": "Test" }, "publishedOn": "2026-01-01" }
        });
        for (k, v) in extra.as_object().unwrap() {
            pack[k] = v.clone();
        }
        pack.to_string()
    }

    /// A form's meaning problems, every one at its path: duplicate ids and
    /// roles, an id field without its kind, choices on a text field, a choice
    /// field without choices, `requiredWhen` on no field, an unknown materials
    /// question, application, own material and cap parameter.
    #[test]
    fn form_problems_are_listed_at_their_paths() {
        let national = Pack::national().unwrap();
        let t = json!({ "zh-CN": "甲", "en": "A" });
        let json = overlay(json!({
            "forms": { "own": {
                "title": t, "application": "nope", "material": "residentIdCard",
                "citation": { "document": "local practice" },
                "fields": [
                    { "id": "a", "label": t, "kind": "id", "role": "applicantId" },
                    { "id": "a", "label": t, "kind": "text", "choices": [{ "value": "x", "label": t }], "role": "applicantId" },
                    { "id": "c", "label": t, "kind": "choice", "requiredWhen": { "field": "zz", "is": true } },
                    { "id": "d", "label": t, "kind": "text", "materialsFact": "colour", "atMostParameter": "loan.individual.maxAmount" }
                ]
            } }
        }));
        let errs = Pack::parse(&json, Some(&national)).unwrap_err();
        let got: Vec<(&str, &str)> = errs
            .problems
            .iter()
            .map(|p| (p.path.as_str(), p.code.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("/forms/own/application", "unknownApplication"),
                ("/forms/own/fields/0/idKind", "missing"),
                ("/forms/own/fields/1/choices", "notAllowed"),
                ("/forms/own/fields/1/id", "duplicate"),
                ("/forms/own/fields/1/role", "duplicate"),
                ("/forms/own/fields/2/choices", "missing"),
                ("/forms/own/fields/2/requiredWhen/field", "unknownField"),
                ("/forms/own/fields/3/atMostParameter", "badValue"),
                ("/forms/own/fields/3/materialsFact", "unknownFact"),
                ("/forms/own/material", "unknownMaterial"),
            ]
        );
        // A sound overlay form loads, and replaces the national one whole.
        let json = overlay(json!({
            "forms": { "difficultPerson": {
                "title": t, "application": "difficultPerson", "citation": { "document": "local practice" },
                "fields": [{ "id": "name", "label": t, "kind": "text", "required": true }]
            } }
        }));
        let local = Pack::parse(&json, Some(&national)).unwrap();
        assert_eq!(local.forms["difficultPerson"].fields.len(), 1);
    }

    /// With a schema that checks nothing, every entry that does not read is
    /// still a listed problem at its own place, in plain words.
    #[test]
    fn entries_the_schema_lets_through_are_listed_when_they_do_not_read() {
        let national = Pack::national().unwrap();
        let json = overlay(json!({
            "materials": {
                "residentIdCard": { "validityMonths": -3 },
                "ownDoc": { "name": { "zh-CN": "甲", "en": "A" }, "quantity": "two" }
            },
            "applications": {
                "difficultPerson": { "extraRequirements": [{ "material": "residentIdCard", "quantity": -1 }] }
            },
            "labels": { "ownCategory": { "zh-CN": "本地类别" } },
            "parameters": {
                "loan.rateCapOverLprBp": { "status": "sure", "lastVerified": "2026-01-01",
                    "citation": { "document": "x" }, "values": [{ "from": "2024-01-01", "value": 50 }] }
            }
        }));
        let errs = Pack::parse_against(&json!({}), &json, Some(&national)).unwrap_err();
        let got: Vec<(&str, &str)> = errs
            .problems
            .iter()
            .map(|p| (p.path.as_str(), p.code.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "/applications/difficultPerson/extraRequirements/0/quantity",
                    "badValue"
                ),
                ("/labels/ownCategory", "missing"),
                ("/materials/ownDoc/quantity", "wrongType"),
                ("/materials/residentIdCard/validityMonths", "badValue"),
                ("/parameters/loan.rateCapOverLprBp/status", "notAllowed"),
            ]
        );
        let months = &errs.problems[3].message;
        assert_eq!(months.zh, "这里写的是 -3，应为不小于 0 的整数（如 3）。");
        assert_eq!(
            months.en,
            "Found -3; write a whole number of 0 or more (e.g. 3) here."
        );
        assert_eq!(
            errs.problems[2].message.en,
            "Found \"two\"; write a whole number of 0 or more (e.g. 3) here."
        );
        assert_eq!(
            errs.problems[1].message.en,
            "The required field \"en\" is missing."
        );
        assert_eq!(
            errs.problems[4].message.en,
            "\"sure\" is not allowed; use one of: verified, secondary, unsure, local-practice."
        );
        for p in &errs.problems {
            for word in ["u32", "invalid type", "invalid value", "expected", "`"] {
                assert!(
                    !p.message.en.contains(word) && !p.message.zh.contains(word),
                    "{p:?}"
                );
            }
        }
    }

    #[test]
    fn with_the_committed_schema_the_same_overlay_is_refused_at_the_same_places() {
        let national = Pack::national().unwrap();
        let json = overlay(json!({
            "materials": { "residentIdCard": { "validityMonths": -3 } }
        }));
        let errs = Pack::parse(&json, Some(&national)).unwrap_err();
        assert_eq!(errs.problems.len(), 1, "{errs}");
        assert_eq!(
            errs.problems[0].path,
            "/materials/residentIdCard/validityMonths"
        );
        assert_eq!(errs.problems[0].code, "badValue");
    }

    #[test]
    fn syntax_errors_say_what_to_fix() {
        let zh_en = |json: &str| {
            let e = Pack::parse(json, None).unwrap_err();
            assert_eq!(e.problems[0].code, "syntax");
            e.problems[0].message.clone()
        };
        assert_eq!(
            zh_en(r#"{ "meta": "#).en,
            "The JSON ends early (line 1, column 10): check for a missing }, ] or quote."
        );
        assert_eq!(
            zh_en("{ \"a\": 1, }").zh,
            "不是有效的 JSON（第1行第11列）：最后一项后面多了逗号。"
        );
        assert_eq!(
            zh_en("{ a: 1 }").en,
            "Not valid JSON (line 1, column 3): keys must be in double quotes."
        );
    }

    #[test]
    fn a_meta_that_does_not_read_is_a_problem_not_a_silent_refusal() {
        let errs = Pack::parse_against(&json!({}), r#"{ "meta": { "id": 1 } }"#, None).unwrap_err();
        assert!(!errs.problems.is_empty());
        assert!(
            errs.problems.iter().all(|p| p.path.starts_with("/meta")),
            "{errs}"
        );
    }
}
