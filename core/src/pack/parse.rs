//! Parsing (解析): pack JSON → a checked [`Pack`].
//!
//! A pack is all or nothing, for every entry. Loading reads the JSON, checks its
//! structure against the committed schema ([`super::schema`], every problem with
//! its path), then reads every entry (meta, each parameter, material, application
//! and label) into the format types of [`super::file`]: an entry that does not
//! read is a listed problem with its path and a plain message, never silently
//! dropped. The entries that read are then checked for meaning ([`super::check`]).
//! Any problem refuses the whole pack.

use super::check::{check_materials, check_semantics};
use super::file::{
    ApplicationFile, Citation, MaterialFile, PackMeta, ParameterFile, Scope, Status, Unit,
};
use super::rules::PackRef;
use super::schema;
use super::value::Value;
use crate::text::Text;
use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;

/// The embedded national pack.
pub const NATIONAL_JSON: &str = include_str!("../../packs/cn.json");
/// The JSON Schema every pack is checked against (generated from [`PackFile`]).
pub const SCHEMA_JSON: &str = include_str!("../../packs/pack.schema.json");
/// Region code of the national pack.
pub const NATIONAL: &str = "000000";

/// One problem found in a pack, located by JSON Pointer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackProblem {
    /// JSON Pointer to the offending place, e.g. `/parameters/loan.lpr1y/values/2/from`.
    pub path: String,
    /// `syntax`, `wrongType`, `missing`, `unknownKey`, `unknownParameter`,
    /// `notAllowed`, `badDate`, `badValue`, `overlap`, `order`, `unitMismatch`,
    /// `nationalOnly`, `noCitation`, `region`, `missingParameter`, …
    pub code: String,
    pub message: Text,
}

/// Every problem that kept a pack from loading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub value: Value,
    pub citation: Citation,
    pub status: Status,
    pub note: Option<Text>,
}

/// A checked parameter of one pack.
#[derive(Clone, Debug, PartialEq)]
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

/// A checked pack.
#[derive(Clone, Debug, PartialEq)]
pub struct Pack {
    pub meta: PackMeta,
    /// SHA-256 of the pack's canonical JSON (keys sorted, no whitespace).
    pub hash: String,
    pub params: BTreeMap<String, Param>,
    /// Materials as written in this pack (an overlay's are partial).
    pub materials: BTreeMap<String, MaterialFile>,
    /// Application types as written in this pack.
    pub applications: BTreeMap<String, ApplicationFile>,
    /// Names of choices this pack adds.
    pub labels: BTreeMap<String, Text>,
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
        let fail = |problems| Err(PackErrors { problems });
        let raw: serde_json::Value = match serde_json::from_str(json) {
            Ok(v) => v,
            Err(e) => {
                return fail(vec![problem(
                    "/",
                    "syntax",
                    Text::new(
                        format!("不是有效的 JSON（第{}行第{}列）：{e}", e.line(), e.column()),
                        format!(
                            "Not valid JSON (line {}, column {}): {e}",
                            e.line(),
                            e.column()
                        ),
                    ),
                )])
            }
        };
        let mut problems = Vec::new();
        match serde_json::from_str::<serde_json::Value>(SCHEMA_JSON) {
            Ok(schema) => schema::check(&schema, &raw, &mut problems),
            Err(e) => problems.push(problem(
                "/",
                "internal",
                Text::new(
                    format!("内置模式损坏：{e}"),
                    format!("Built-in schema is broken: {e}"),
                ),
            )),
        }
        // Check the meaning of every part whose structure is sound, even when other
        // parts have structural problems, so one load reports everything.
        let sound = |prefix: &str| {
            !problems.iter().any(|p| {
                p.path == prefix || p.path.starts_with(&format!("{prefix}/")) || p.path == "/"
            })
        };
        let meta: Option<PackMeta> = if sound("/meta") {
            raw.get("meta")
                .and_then(|m| serde_json::from_value(m.clone()).ok())
        } else {
            None
        };
        let mut parameters = BTreeMap::new();
        if let Some(map) = raw.get("parameters").and_then(serde_json::Value::as_object) {
            for (key, value) in map {
                if sound(&format!("/parameters/{}", schema::pointer_key(key))) {
                    if let Ok(p) = serde_json::from_value::<ParameterFile>(value.clone()) {
                        parameters.insert(key.clone(), p);
                    }
                }
            }
        }
        let section = |name: &str| -> Vec<(String, serde_json::Value)> {
            raw.get(name)
                .and_then(serde_json::Value::as_object)
                .map(|m| {
                    m.iter()
                        .filter(|(k, _)| sound(&format!("/{name}/{}", schema::pointer_key(k))))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let materials: BTreeMap<String, MaterialFile> = section("materials")
            .into_iter()
            .filter_map(|(k, v)| serde_json::from_value(v).ok().map(|m| (k, m)))
            .collect();
        let applications: BTreeMap<String, ApplicationFile> = section("applications")
            .into_iter()
            .filter_map(|(k, v)| serde_json::from_value(v).ok().map(|a| (k, a)))
            .collect();
        let labels: BTreeMap<String, Text> = section("labels")
            .into_iter()
            .filter_map(|(k, v)| serde_json::from_value(v).ok().map(|t| (k, t)))
            .collect();
        let pack = check_semantics(meta, parameters, base, canonical_hash(&raw), &mut problems)
            .map(|mut pack| {
                check_materials(&pack, &materials, &applications, base, &mut problems);
                pack.materials = materials;
                pack.applications = applications;
                pack.labels = labels;
                pack
            });
        match pack {
            Some(pack) if problems.is_empty() => Ok(pack),
            _ => {
                problems.sort_by(|a, b| a.path.cmp(&b.path));
                fail(problems)
            }
        }
    }

    /// The embedded national pack.
    pub fn national() -> Result<Pack, PackErrors> {
        Pack::parse(NATIONAL_JSON, None)
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
        }
    }
}
