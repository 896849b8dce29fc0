//! Rule packs (规则包): dated, cited, regional parameters.
//!
//! Every number the rules use lives in a pack, with its values by effective date,
//! its citation, its status (verified / secondary / unsure / local-practice) and
//! the date it was last checked. The national pack is embedded; a province or city
//! loads an overlay at run time that replaces only the parameters it names.
//!
//! Resolution for a region walks county → prefecture → province → national and
//! takes the first pack with a value *in force on the date asked*, so an overlay
//! whose local figure starts in 2024 still falls back to the national value for
//! 2023. A value's `from` is inclusive: a date exactly on a boundary takes the new
//! value.
//!
//! ```
//! use chrono::NaiveDate;
//! use zhuchuang_core::pack::PackSet;
//! let packs = PackSet::embedded().unwrap();
//! let rules = packs.rules("440305").unwrap();
//! let day = NaiveDate::from_ymd_opt(2023, 10, 1).unwrap();
//! let cap = rules.decimal("loan.individual.maxAmount", day).unwrap();
//! assert_eq!(cap.0.to_string(), "300000");
//! let before = rules.decimal("loan.individual.maxAmount", day.pred_opt().unwrap()).unwrap();
//! assert_eq!(before.0.to_string(), "200000");
//! ```

pub mod file;
pub mod provenance;
pub mod schema;
pub mod value;

pub use provenance::{caveats, Figure, Recorder, Sourced};

pub use file::*;
pub use value::Value;

use crate::dates::YearMonth;
use crate::money::Ratio;
use crate::region;
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Identifies one pack in a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PackRef {
    pub id: String,
    pub version: String,
    pub region: String,
    pub hash: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
}

/// The packs a result was computed with, most specific first, and one hash over them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PackStamp {
    pub packs: Vec<PackRef>,
    pub hash: String,
}

fn sha256_hex(bytes: &[u8]) -> String {
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

fn problem(path: impl Into<String>, code: &str, message: Text) -> PackProblem {
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

fn check_semantics(
    meta: Option<PackMeta>,
    parameters: BTreeMap<String, ParameterFile>,
    base: Option<&Pack>,
    hash: String,
    problems: &mut Vec<PackProblem>,
) -> Option<Pack> {
    let Some(meta) = meta else {
        // Still check the parameters, as an overlay of `base` if there is one.
        check_parameters(parameters, base, problems);
        return None;
    };
    if meta.id.trim().is_empty() {
        problems.push(problem(
            "/meta/id",
            "badValue",
            Text::new("id 不能为空。", "id must not be empty."),
        ));
    }
    if meta.version.trim().is_empty() {
        problems.push(problem(
            "/meta/version",
            "badValue",
            Text::new("version 不能为空。", "version must not be empty."),
        ));
    }
    let national = meta.region == NATIONAL;
    if !region::is_code(&meta.region) {
        problems.push(problem(
            "/meta/region",
            "region",
            Text::new(
                format!(
                    "region 应为6位行政区划代码（全国为 000000），收到 \"{}\"。",
                    meta.region
                ),
                format!(
                    "region must be a 6-digit division code (000000 for national), not \"{}\".",
                    meta.region
                ),
            ),
        ));
    }
    let base = if national { None } else { base };
    if !national && base.is_none() {
        problems.push(problem(
            "/meta/region",
            "region",
            Text::new(
                "全国规则包的 region 必须是 000000。",
                "A national pack's region must be 000000.",
            ),
        ));
    }
    let params = check_parameters(parameters, base, problems);
    Some(Pack {
        meta,
        hash,
        params,
        materials: BTreeMap::new(),
        applications: BTreeMap::new(),
        labels: BTreeMap::new(),
    })
}

/// Checks the materials catalog and the application types of `pack` (whose
/// parameters are already checked) against `base` for an overlay.
fn check_materials(
    pack: &Pack,
    materials: &BTreeMap<String, MaterialFile>,
    applications: &BTreeMap<String, ApplicationFile>,
    base: Option<&Pack>,
    problems: &mut Vec<PackProblem>,
) {
    let national = if pack.is_national() { None } else { base };
    // Shared-data sources: the national choices plus any this pack adds.
    let mut sources: Vec<String> = national
        .or(Some(pack))
        .and_then(|p| p.params.get("materials.sharedData"))
        .map(|p| p.choices.clone())
        .unwrap_or_default();
    if let Some(p) = pack.params.get("materials.sharedData") {
        for c in &p.choices {
            if !sources.contains(c) {
                sources.push(c.clone());
            }
        }
    }
    let known_material = |id: &str| {
        materials.contains_key(id) || national.is_some_and(|b| b.materials.contains_key(id))
    };
    for (id, m) in materials {
        let path = format!("/materials/{}", schema::pointer_key(id));
        let complete = national.is_none_or(|b| !b.materials.contains_key(id));
        if complete {
            for (field, present) in [
                ("name", m.name.is_some()),
                ("proves", m.proves.is_some()),
                ("issuer", m.issuer.is_some()),
                ("form", m.form.is_some()),
                ("citation", m.citation.is_some()),
            ] {
                if !present {
                    problems.push(problem(
                        &path,
                        "missing",
                        Text::new(
                            format!("新材料 \"{id}\" 必须有 \"{field}\"。"),
                            format!("The new material \"{id}\" needs \"{field}\"."),
                        ),
                    ));
                }
            }
        }
        if let Some(src) = &m.shared_data {
            if !sources.contains(src) {
                problems.push(problem(
                    format!("{path}/sharedData"),
                    "notAllowed",
                    Text::new(
                        format!(
                            "\"{src}\" 不是 materials.sharedData 的可选数据来源：{}。",
                            sources.join("、")
                        ),
                        format!(
                            "\"{src}\" is not a data source of materials.sharedData: {}.",
                            sources.join(", ")
                        ),
                    ),
                ));
            }
        }
        if m.validity == Some(Validity::IssuedWithinMonths) && m.validity_months.is_none() {
            problems.push(problem(
                &path,
                "missing",
                Text::new(
                    "validity 为 issuedWithinMonths 时需要 validityMonths。",
                    "validity \"issuedWithinMonths\" needs validityMonths.",
                ),
            ));
        }
    }
    for (id, a) in applications {
        let path = format!("/applications/{}", schema::pointer_key(id));
        let exists = national.is_some_and(|b| b.applications.contains_key(id));
        if !exists {
            if a.title.is_none() {
                problems.push(problem(
                    &path,
                    "missing",
                    Text::new(
                        format!("申请事项 \"{id}\" 需要 title。"),
                        format!("The application \"{id}\" needs a title."),
                    ),
                ));
            }
            if a.requirements.is_none() {
                problems.push(problem(
                    &path,
                    "missing",
                    Text::new(
                        format!("申请事项 \"{id}\" 需要 requirements。"),
                        format!("The application \"{id}\" needs requirements."),
                    ),
                ));
            }
        }
        for (list_name, list) in [
            ("requirements", &a.requirements),
            ("extraRequirements", &a.extra_requirements),
        ] {
            for (i, r) in list.iter().flatten().enumerate() {
                let rpath = format!("{path}/{list_name}/{i}");
                if !known_material(&r.material) {
                    let mut known: Vec<&str> = materials.keys().map(String::as_str).collect();
                    if let Some(b) = national {
                        known.extend(b.materials.keys().map(String::as_str));
                    }
                    let hint = schema::closest(&r.material, &known)
                        .map(|h| {
                            (
                                format!("是否应为 \"{h}\"？"),
                                format!(" Did you mean \"{h}\"?"),
                            )
                        })
                        .unwrap_or_default();
                    problems.push(problem(
                        format!("{rpath}/material"),
                        "unknownMaterial",
                        Text::new(
                            format!("材料目录中没有 \"{}\"。{}", r.material, hint.0),
                            format!("No material \"{}\" in the catalog.{}", r.material, hint.1),
                        ),
                    ));
                }
                if let Some(c) = &r.when {
                    if r.if_text.is_none() {
                        problems.push(problem(
                            &rpath,
                            "missing",
                            Text::new("有 when 条件的材料需要用 ifText 说明条件。", "A requirement with \"when\" needs \"ifText\" saying it in plain words."),
                        ));
                    }
                    check_condition(c, &format!("{rpath}/when"), pack, national, problems);
                }
            }
        }
    }
}

/// A condition must be one comparison on a known fact, or all/any/not.
fn check_condition(
    c: &Condition,
    path: &str,
    pack: &Pack,
    national: Option<&Pack>,
    problems: &mut Vec<PackProblem>,
) {
    let ops = [
        c.is.is_some(),
        c.includes.is_some(),
        c.above_parameter.is_some(),
        c.all.is_some(),
        c.any.is_some(),
        c.not.is_some(),
    ];
    let n = ops.iter().filter(|b| **b).count();
    let comparison = c.is.is_some() || c.includes.is_some() || c.above_parameter.is_some();
    if n != 1 || comparison != c.fact.is_some() {
        problems.push(problem(
            path,
            "badCondition",
            Text::new(
                "条件须恰好是一项：fact 加 is / includes / aboveParameter 之一，或 all / any / not。",
                "A condition must be exactly one of: fact with is / includes / aboveParameter, or all / any / not.",
            ),
        ));
        return;
    }
    if let Some(f) = &c.fact {
        let facts = crate::facts::condition_facts();
        if !facts.contains(&f.as_str()) {
            let hint = schema::closest(f, &facts)
                .map(|h| {
                    (
                        format!("是否应为 \"{h}\"？"),
                        format!(" Did you mean \"{h}\"?"),
                    )
                })
                .unwrap_or_default();
            problems.push(problem(
                format!("{path}/fact"),
                "unknownFact",
                Text::new(
                    format!("条件中的事实 \"{f}\" 不存在。{}", hint.0),
                    format!("The condition's fact \"{f}\" does not exist.{}", hint.1),
                ),
            ));
        }
    }
    if let Some(key) = &c.above_parameter {
        let declared = national.unwrap_or(pack).params.get(key);
        if !declared.is_some_and(|p| {
            matches!(
                p.unit,
                Unit::Yuan | Unit::Count | Unit::Months | Unit::Years | Unit::Percent
            )
        }) {
            problems.push(problem(
                format!("{path}/aboveParameter"),
                "unknownParameter",
                Text::new(
                    format!("\"{key}\" 不是数值型参数。"),
                    format!("\"{key}\" is not a numeric parameter."),
                ),
            ));
        }
    }
    for (name, list) in [("all", &c.all), ("any", &c.any)] {
        for (i, sub) in list.iter().flatten().enumerate() {
            check_condition(sub, &format!("{path}/{name}/{i}"), pack, national, problems);
        }
    }
    if let Some(sub) = &c.not {
        check_condition(sub, &format!("{path}/not"), pack, national, problems);
    }
}

/// Checks each parameter against its national declaration (`base` for an
/// overlay; `None` when `parameters` are the national declarations).
fn check_parameters(
    parameters: BTreeMap<String, ParameterFile>,
    base: Option<&Pack>,
    problems: &mut Vec<PackProblem>,
) -> BTreeMap<String, Param> {
    let overlay = base.is_some();
    let mut params = BTreeMap::new();
    for (key, p) in parameters {
        let path = format!("/parameters/{}", schema::pointer_key(&key));
        let def = base.map(|b| b.params.get(&key));
        let (unit, scope, mut choices) = match def {
            // Overlay: the key must exist nationally and be regional.
            Some(None) => {
                let known: Vec<&str> = base
                    .map(|b| b.params.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                let hint = schema::closest(&key, &known)
                    .map(|h| {
                        (
                            format!("是否应为 \"{h}\"？"),
                            format!(" Did you mean \"{h}\"?"),
                        )
                    })
                    .unwrap_or_default();
                problems.push(problem(
                    &path,
                    "unknownParameter",
                    Text::new(
                        format!("全国规则包中没有参数 \"{key}\"，地方包只能设置已声明的参数。{}", hint.0),
                        format!("The national pack declares no parameter \"{key}\"; local packs may only set declared ones.{}", hint.1),
                    ),
                ));
                continue;
            }
            Some(Some(d)) => {
                if d.scope == Scope::National {
                    problems.push(problem(
                        &path,
                        "nationalOnly",
                        Text::new(
                            format!("参数 \"{key}\" 由国家统一规定，地方包不能修改。"),
                            format!(
                                "\"{key}\" is set by national law; a local pack may not change it."
                            ),
                        ),
                    ));
                }
                if let Some(u) = p.unit {
                    if u != d.unit {
                        problems.push(problem(
                            format!("{path}/unit"),
                            "unitMismatch",
                            Text::new(
                                format!(
                                    "单位应为 \"{}\"（与全国规则包一致），这里是 \"{}\"。",
                                    d.unit.as_str(),
                                    u.as_str()
                                ),
                                format!(
                                    "The unit must be \"{}\" as in the national pack, not \"{}\".",
                                    d.unit.as_str(),
                                    u.as_str()
                                ),
                            ),
                        ));
                    }
                }
                let mut choices = d.choices.clone();
                if let Some(extra) = &p.choices {
                    if d.unit == Unit::List {
                        for c in extra {
                            if !choices.contains(c) {
                                choices.push(c.clone());
                            }
                        }
                    } else {
                        problems.push(problem(
                            format!("{path}/choices"),
                            "notAllowed",
                            Text::new(
                                "地方包只能为列表型参数增加可选值。",
                                "A local pack may only add choices to list parameters.",
                            ),
                        ));
                    }
                }
                (d.unit, d.scope, choices)
            }
            // National: everything must be declared here.
            None => {
                for (field, present) in [
                    ("label", p.label.is_some()),
                    ("unit", p.unit.is_some()),
                    ("scope", p.scope.is_some()),
                ] {
                    if !present {
                        problems.push(problem(
                            &path,
                            "missing",
                            Text::new(
                                format!("全国规则包的参数必须有 \"{field}\"。"),
                                format!("A national parameter needs \"{field}\"."),
                            ),
                        ));
                    }
                }
                let unit = p.unit.unwrap_or(Unit::Text);
                if matches!(unit, Unit::Enum | Unit::List)
                    && p.choices.as_ref().is_none_or(Vec::is_empty)
                {
                    problems.push(problem(
                        &path,
                        "missing",
                        Text::new(
                            "枚举或列表型参数需要 \"choices\"。",
                            "An enum or list parameter needs \"choices\".",
                        ),
                    ));
                }
                (
                    unit,
                    p.scope.unwrap_or(Scope::Regional),
                    p.choices.clone().unwrap_or_default(),
                )
            }
        };
        choices.dedup();
        if overlay && p.values.is_empty() {
            problems.push(problem(
                format!("{path}/values"),
                "missing",
                Text::new(
                    "地方包中的参数至少要有一个值。",
                    "A parameter in a local pack needs at least one value.",
                ),
            ));
        }
        let mut entries: Vec<Entry> = Vec::new();
        for (i, v) in p.values.iter().enumerate() {
            let vpath = format!("{path}/values/{i}");
            if let Some(to) = v.to {
                if to < v.from {
                    problems.push(problem(
                        format!("{vpath}/to"),
                        "order",
                        Text::new(
                            format!("结束日期 {to} 早于开始日期 {}。", v.from),
                            format!("The end date {to} is before the start date {}.", v.from),
                        ),
                    ));
                }
            }
            if let Some(prev) = entries.last() {
                if v.from <= prev.from {
                    problems.push(problem(
                        format!("{vpath}/from"),
                        "order",
                        Text::new(
                            format!("各值应按生效日期从早到晚排列：{} 不晚于上一个值的 {}。", v.from, prev.from),
                            format!("Values must be in date order: {} is not after the previous value's {}.", v.from, prev.from),
                        ),
                    ));
                } else if let Some(prev_to) = prev.to.filter(|t| *t >= v.from) {
                    problems.push(problem(
                        format!("{vpath}/from"),
                        "overlap",
                        Text::new(
                            format!("与上一个值重叠：上一个值到 {prev_to} 为止，这个值从 {} 开始。", v.from),
                            format!("Overlaps the previous value, which runs to {prev_to}, while this one starts {}.", v.from),
                        ),
                    ));
                }
            }
            let citation = match v.citation.clone().or_else(|| p.citation.clone()) {
                Some(c) if !c.document.trim().is_empty() => c,
                _ => {
                    problems.push(problem(
                        &vpath,
                        "noCitation",
                        Text::new(
                            "这个值没有出处：请在值或参数上填写 citation（文号、条款、网址；没有文件时写 local practice 或 assumption）。",
                            "This value has no citation: add one to the value or the parameter (document number, article, URL; or \"local practice\" / \"assumption\").",
                        ),
                    ));
                    continue;
                }
            };
            match value::parse(unit, &v.value, &choices) {
                Ok(parsed) => entries.push(Entry {
                    from: v.from,
                    to: v.to,
                    value: parsed,
                    citation,
                    status: v.status.unwrap_or(p.status),
                    note: v.note.clone(),
                }),
                Err(msg) => problems.push(problem(format!("{vpath}/value"), "badValue", msg)),
            }
        }
        params.insert(
            key,
            Param {
                label: p.label.clone(),
                description: p.description.clone(),
                unit,
                scope,
                choices,
                status: p.status,
                last_verified: p.last_verified,
                entries,
            },
        );
    }
    params
}

/// The national pack and the overlays loaded for regions.
#[derive(Clone, Debug)]
pub struct PackSet {
    national: Pack,
    /// The national pack the kit was built with: a replacement national pack
    /// must declare every parameter it declares.
    embedded_keys: Vec<String>,
    overlays: BTreeMap<String, Pack>,
}

/// What [`PackSet::load`] did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LoadReport {
    pub pack: PackRef,
    pub parameters: usize,
    /// The pack it replaced, if one was loaded for the same region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<PackRef>,
}

impl PackSet {
    pub fn new(national: Pack) -> PackSet {
        PackSet {
            embedded_keys: national.params.keys().cloned().collect(),
            national,
            overlays: BTreeMap::new(),
        }
    }

    /// The set with only the embedded national pack.
    pub fn embedded() -> Result<PackSet, PackErrors> {
        Pack::national().map(PackSet::new)
    }

    pub fn national(&self) -> &Pack {
        &self.national
    }

    pub fn overlays(&self) -> impl Iterator<Item = &Pack> {
        self.overlays.values()
    }

    /// Checks `json` and, only if it has no problem, puts it in force (replacing any
    /// pack for the same region). On error the set is unchanged.
    pub fn load(&mut self, json: &str) -> Result<LoadReport, PackErrors> {
        let pack = Pack::parse(json, Some(&self.national))?;
        if pack.is_national() {
            let missing: Vec<PackProblem> = self
                .embedded_keys
                .iter()
                .filter(|k| !pack.params.contains_key(*k))
                .map(|k| {
                    problem(
                        "/parameters",
                        "missingParameter",
                        Text::new(
                            format!("替换全国规则包时必须保留参数 \"{k}\"。"),
                            format!("A replacement national pack must keep the parameter \"{k}\"."),
                        ),
                    )
                })
                .collect();
            if !missing.is_empty() {
                return Err(PackErrors { problems: missing });
            }
            let report = LoadReport {
                pack: pack.reference(),
                parameters: pack.params.len(),
                replaced: Some(self.national.reference()),
            };
            self.national = pack;
            return Ok(report);
        }
        let report = LoadReport {
            pack: pack.reference(),
            parameters: pack.params.len(),
            replaced: self.overlays.get(&pack.meta.region).map(Pack::reference),
        };
        self.overlays.insert(pack.meta.region.clone(), pack);
        Ok(report)
    }

    /// Removes the overlay for `region`; true if there was one.
    pub fn unload(&mut self, region: &str) -> bool {
        self.overlays.remove(region).is_some()
    }

    /// The rules for `region` (a 6-digit code; `000000` or empty for national only).
    pub fn rules(&self, region: &str) -> Result<Rules<'_>, RuleError> {
        let region = if region.is_empty() { NATIONAL } else { region };
        if !region::is_code(region) {
            return Err(RuleError::BadRegion(region.to_string()));
        }
        let mut chain = Vec::new();
        if region != NATIONAL {
            let mut seen = Vec::new();
            for code in [
                region.to_string(),
                region::prefecture_of(region),
                region::province_of(region),
            ] {
                if seen.contains(&code) {
                    continue;
                }
                if let Some(p) = self.overlays.get(&code) {
                    chain.push(p);
                }
                seen.push(code);
            }
        }
        chain.push(&self.national);
        Ok(Rules {
            region: region.to_string(),
            chain,
            national: &self.national,
        })
    }
}

/// Why a parameter could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleError {
    /// The region is not a 6-digit code.
    BadRegion(String),
    /// No pack declares the key (a bug in a rule, or an outdated replacement pack).
    UnknownParameter(String),
    /// The parameter has no value in force on the date for the region.
    NoValue {
        key: String,
        label: Text,
        date: NaiveDate,
        region: String,
    },
    /// The value is not of the unit the rule needs (a bug in a rule).
    WrongUnit { key: String },
}

impl RuleError {
    pub fn message(&self) -> Text {
        match self {
            RuleError::BadRegion(r) => Text::new(
                format!("地区代码应为6位数字（全国为 000000），收到 \"{r}\"。"),
                format!("The region must be a 6-digit code (000000 for national), not \"{r}\"."),
            ),
            RuleError::UnknownParameter(k) => Text::new(
                format!("规则包中没有参数 \"{k}\"。"),
                format!("No pack declares the parameter \"{k}\"."),
            ),
            RuleError::NoValue { key, label, date, region } => Text::new(
                format!(
                    "规则包中没有{}（{key}）在 {date} 对地区 {region} 适用的值。请加载当地规则包，或咨询当地经办机构。",
                    label.zh
                ),
                format!(
                    "The packs have no value of {} ({key}) in force on {date} for region {region}. Load the local pack, or ask the local office.",
                    label.en
                ),
            ),
            RuleError::WrongUnit { key } => Text::new(
                format!("参数 \"{key}\" 的单位与规则不符。"),
                format!("The parameter \"{key}\" has a unit the rule cannot use."),
            ),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            RuleError::BadRegion(_) => "badRegion",
            RuleError::UnknownParameter(_) => "unknownParameter",
            RuleError::NoValue { .. } => "noValue",
            RuleError::WrongUnit { .. } => "wrongUnit",
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en)
    }
}

impl std::error::Error for RuleError {}

/// The packs in force for one region.
#[derive(Clone, Debug)]
pub struct Rules<'a> {
    region: String,
    /// Most specific first; the national pack last.
    chain: Vec<&'a Pack>,
    national: &'a Pack,
}

/// A parameter value found for a date, with where it came from.
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'a> {
    pub key: &'a str,
    pub entry: &'a Entry,
    /// The national declaration (label, unit).
    pub def: &'a Param,
    /// The pack the value came from.
    pub pack: &'a Pack,
}

/// A parameter as cited in a result: value, unit, status, citation, source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ParamRef {
    pub key: String,
    pub label: String,
    /// The value as people read it ("30万元", "3%").
    pub value: String,
    /// The value in machine form ("300000", "3.00", "2/3").
    pub raw: String,
    pub unit: Unit,
    pub status: Status,
    pub citation: Citation,
    pub effective_from: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<NaiveDate>,
    /// The region whose pack set the value (`000000` for national).
    pub locality: String,
    /// `id@version` of that pack.
    pub pack: String,
    pub last_verified: NaiveDate,
}

/// The parameters and citations a result used, each listed once, and the
/// caveats they call for.
#[derive(Clone, Debug, Default)]
pub struct Provenance {
    pub lang: Lang,
    pub params: Vec<ParamRef>,
    pub citations: Vec<Citation>,
}

impl Provenance {
    pub fn new(lang: Lang) -> Provenance {
        Provenance {
            lang,
            params: Vec::new(),
            citations: Vec::new(),
        }
    }

    /// Records a parameter used, and its citation.
    pub fn keep(&mut self, r: &Resolved<'_>) {
        let p = r.to_ref(self.lang);
        if !self
            .params
            .iter()
            .any(|q| q.key == p.key && q.effective_from == p.effective_from)
        {
            self.params.push(p);
        }
        self.cite(&r.entry.citation);
    }

    /// Records a citation.
    pub fn cite(&mut self, c: &Citation) {
        if !self.citations.contains(c) {
            self.citations.push(c.clone());
        }
    }

    /// "Not confirmed" for each unsure value used, and "example" for each example
    /// pack in `stamp`, in the provenance's language.
    pub fn caveats(&self, stamp: &PackStamp) -> Vec<String> {
        caveats(&self.params, stamp, self.lang)
    }
}

impl Resolved<'_> {
    pub fn value(&self) -> &Value {
        &self.entry.value
    }

    pub fn label(&self, lang: Lang) -> String {
        self.def
            .label
            .as_ref()
            .map(|l| l.get(lang).to_string())
            .unwrap_or_else(|| self.key.to_string())
    }

    pub fn to_ref(&self, lang: Lang) -> ParamRef {
        let source = self.pack.params.get(self.key).unwrap_or(self.def);
        ParamRef {
            key: self.key.to_string(),
            label: self.label(lang),
            value: self.entry.value.display(self.def.unit, lang),
            raw: self.entry.value.raw(),
            unit: self.def.unit,
            status: self.entry.status,
            citation: self.entry.citation.clone(),
            effective_from: self.entry.from,
            effective_to: self.entry.to,
            locality: self.pack.meta.region.clone(),
            pack: format!("{}@{}", self.pack.meta.id, self.pack.meta.version),
            last_verified: source.last_verified,
        }
    }

    pub fn is_unsure(&self) -> bool {
        self.entry.status == Status::Unsure
    }
}

impl<'a> Rules<'a> {
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The packs in force, most specific first (the national pack last).
    pub fn chain(&self) -> &[&'a Pack] {
        &self.chain
    }

    /// The packs in force, most specific first, with one hash over them.
    pub fn stamp(&self) -> PackStamp {
        let packs: Vec<PackRef> = self.chain.iter().map(|p| p.reference()).collect();
        let joined: Vec<String> = packs
            .iter()
            .map(|p| format!("{}@{}:{}", p.id, p.version, p.hash))
            .collect();
        PackStamp {
            hash: sha256_hex(joined.join(";").as_bytes()),
            packs,
        }
    }

    /// The name of a choice value: the most specific pack's `labels` entry, else
    /// `None` (callers fall back to the kit's own names).
    pub fn label(&self, choice: &str) -> Option<&'a Text> {
        self.chain.iter().find_map(|p| p.labels.get(choice))
    }

    /// The national declaration of `key`.
    pub fn declaration(&self, key: &str) -> Result<&'a Param, RuleError> {
        self.national
            .params
            .get(key)
            .ok_or_else(|| RuleError::UnknownParameter(key.to_string()))
    }

    /// The value of `key` in force on `date` for this region.
    pub fn lookup(&self, key: &'a str, date: NaiveDate) -> Result<Resolved<'a>, RuleError> {
        let def = self.declaration(key)?;
        for pack in &self.chain {
            if let Some(entry) = pack.params.get(key).and_then(|p| p.entry_on(date)) {
                return Ok(Resolved {
                    key,
                    entry,
                    def,
                    pack,
                });
            }
        }
        Err(RuleError::NoValue {
            key: key.to_string(),
            label: def.label.clone().unwrap_or_else(|| Text::new(key, key)),
            date,
            region: self.region.clone(),
        })
    }

    /// Every value of `key` for this region over time (for tables such as the LPR),
    /// merged along the chain: the most specific pack's entries win where in force.
    pub fn timeline(&self, key: &'a str) -> Result<Vec<Resolved<'a>>, RuleError> {
        self.declaration(key)?;
        let mut starts: Vec<NaiveDate> = self
            .chain
            .iter()
            .filter_map(|p| p.params.get(key))
            .flat_map(|p| {
                p.entries
                    .iter()
                    .flat_map(|e| [Some(e.from), e.to.and_then(|t| t.succ_opt())])
            })
            .flatten()
            .collect();
        starts.sort();
        starts.dedup();
        let mut out: Vec<Resolved<'a>> = Vec::new();
        for d in starts {
            if let Ok(r) = self.lookup(key, d) {
                if out.last().is_none_or(|l| !std::ptr::eq(l.entry, r.entry)) {
                    out.push(r);
                }
            }
        }
        Ok(out)
    }

    fn typed<T>(
        &self,
        key: &'a str,
        date: NaiveDate,
        pick: impl Fn(&Value) -> Option<T>,
    ) -> Result<(T, Resolved<'a>), RuleError> {
        let r = self.lookup(key, date)?;
        let v = pick(r.value()).ok_or_else(|| RuleError::WrongUnit {
            key: key.to_string(),
        })?;
        Ok((v, r))
    }

    /// A yuan, percent or years value.
    pub fn decimal(
        &self,
        key: &'a str,
        date: NaiveDate,
    ) -> Result<(Decimal, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Decimal(d) => Some(*d),
            _ => None,
        })
    }

    /// A months, count or bp value.
    pub fn int(&self, key: &'a str, date: NaiveDate) -> Result<(i64, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Int(n) => Some(*n),
            _ => None,
        })
    }

    pub fn ratio(&self, key: &'a str, date: NaiveDate) -> Result<(Ratio, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Ratio(r) => Some(*r),
            _ => None,
        })
    }

    pub fn choice(
        &self,
        key: &'a str,
        date: NaiveDate,
    ) -> Result<(String, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Choice(c) => Some(c.clone()),
            _ => None,
        })
    }

    pub fn list(
        &self,
        key: &'a str,
        date: NaiveDate,
    ) -> Result<(Vec<String>, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::List(l) => Some(l.clone()),
            _ => None,
        })
    }

    pub fn flag(&self, key: &'a str, date: NaiveDate) -> Result<(bool, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Bool(b) => Some(*b),
            _ => None,
        })
    }

    pub fn month(
        &self,
        key: &'a str,
        date: NaiveDate,
    ) -> Result<(YearMonth, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Month(m) => Some(*m),
            _ => None,
        })
    }
}
