//! The application-form pre-check (申请表预审): a filled form checked as a
//! whole before it leaves the window, by the same rules that answer citizens.
//!
//! A form is data (`forms` in the packs, [`crate::pack::FormFile`]): its fields
//! with their kinds and checks, and what each answers: an eligibility question
//! (`fact`), a materials question (`materialsFact`), a role in the cross-checks
//! (`role`). [`check_application`] returns every problem at once, each with the
//! field it is about (`path`), never only the first:
//!
//! - **each field**: required (or required when another field has a value),
//!   ID numbers by their kind ([`crate::ids`]), dates and months as people type
//!   them, amounts in yuan to the fen, whole numbers, choices by value or by
//!   name, yes/no, and `atMostParameter` caps (the loan cap);
//! - **across fields**: the period's first month before its last, the months
//!   claimed equal to the period's;
//! - **across documents** (the `provided` items as `checkMaterials` takes
//!   them): the applicant's name and ID against every document's, the claimed
//!   kinds, months and amount against the receipts (at most the subsidy share of
//!   what was paid), through [`crate::materials::check_materials`], whose
//!   problems are shown at the field they contradict;
//! - **against the plan** ([`crate::subsidy::plan`], where the form has one):
//!   the period's first month not before the first payable month, its last not
//!   after the last month the cap and the retirement month allow, the months
//!   claimed within the entitlement left;
//! - **eligibility** of the applicant for the form's program from the same
//!   answers ([`crate::eligibility::check`]; the birth date and sex read from
//!   the applicant's ID number).
//!
//! The result also carries the determination, the materials report and the
//! plan, a `determinationId` over the form, values, documents, region, packs
//! and date, and the sourced part like every result.

use crate::dates::{read_date_value, read_month_value, YearMonth};
use crate::eligibility::{self, CheckError};
use crate::facts::{FactKind, FactProblem, Facts};
use crate::ids::{fold, validate_id, Gender, IdKind, IdOptions, Severity};
use crate::materials::{check_materials, MaterialsError, MaterialsReport};
use crate::pack::{
    Citation, FieldKind, FieldRole, FormFieldFile, FormFile, Recorder, RuleError, Rules, Sourced,
};
use crate::subsidy::{self, PlanError, SubsidyPlan};
use crate::text::{Lang, Text};
use crate::verdict::{Determination, Outcome};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};
use std::str::FromStr;

/// One choice of a field, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FieldChoice {
    pub value: String,
    pub label: String,
}

/// One field of a form as a widget renders it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FieldInfo {
    pub id: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub kind: FieldKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_kind: Option<IdKind>,
    pub required: bool,
    /// Required only when this other field has this value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_when: Option<RequiredWhen>,
    pub choices: Vec<FieldChoice>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<FieldRole>,
}

/// "Required when `field` is `is`".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RequiredWhen {
    pub field: String,
    pub is: Value,
}

/// A form as `listForms` gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FormInfo {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The eligibility program its answers are checked against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    /// The `checkMaterials` application type of its documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    pub fields: Vec<FieldInfo>,
    pub citation: Citation,
}

/// A problem of the form, located by its field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FormProblem {
    /// The field's id (`values.<path>`), or `provided.<material>` for a
    /// document with no field of its own.
    pub path: String,
    /// The field's name as the form prints it.
    pub label: String,
    /// `required`, `idInvalid`, `idCheck`, `dateInvalid`, `monthInvalid`,
    /// `amountInvalid`, `numberInvalid`, `choiceUnknown`, `yesNoInvalid`,
    /// `aboveCap`, `unknownField`, `periodOrder`, `periodMonths`,
    /// `periodBeforeStart`, `periodBeyondCap`, `periodAfterRetirement`,
    /// `monthsOverEntitlement`, `planInput`, `needsTrack`, `eligibility`, the
    /// document codes of `checkMaterials` (`mismatchId`, `mismatchName`,
    /// `receiptKinds`, `receiptMonths`, `receiptAmount`, …) and `provided`.
    pub code: String,
    pub severity: Severity,
    pub message: String,
    /// The document (material id) it compares with, for document problems.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub material: Option<String>,
}

/// The overall answer of the pre-check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum PrecheckVerdict {
    /// No errors, the applicant eligible, the materials acceptable.
    Ready,
    /// Errors to correct on the form or in the documents.
    HasErrors,
    /// The form is in order but the rules say no (or cannot say yet).
    NotEligible,
    /// The form is in order but documents are missing or wrong (see `materials`).
    MaterialsIncomplete,
}

/// The answer of [`check_application`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ApplicationCheck {
    pub form: String,
    pub title: String,
    pub verdict: PrecheckVerdict,
    pub summary: String,
    /// Every problem, errors and warnings, in the form's field order.
    pub problems: Vec<FormProblem>,
    pub errors: usize,
    pub warnings: usize,
    /// The values as read (numbers normalised, choices by value), by field id.
    pub values: Map<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub determination: Option<Determination>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub materials: Option<MaterialsReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<SubsidyPlan>,
    #[serde(flatten)]
    pub sourced: Sourced,
    pub as_of: NaiveDate,
    pub region: String,
    pub determination_id: String,
    pub lang: Lang,
}

/// Why a form could not be checked at all (everything else is a problem).
#[derive(Clone, Debug, PartialEq)]
pub enum ApplicationError {
    /// No such form; the known ids.
    UnknownForm(String, Vec<String>),
    /// `values` is not an object.
    NotAnObject,
    /// `provided` does not read: unknown material ids, bad fields.
    Provided(Vec<FactProblem>),
    /// The form names a program or plan the rules do not know (a pack error).
    BadForm(String, Text),
    Rule(RuleError),
}

impl From<RuleError> for ApplicationError {
    fn from(e: RuleError) -> Self {
        ApplicationError::Rule(e)
    }
}

/// The form `id` in force for the region: the most local pack's.
pub fn form<'r>(rules: &Rules<'r>, id: &str) -> Option<&'r FormFile> {
    rules.chain().iter().find_map(|p| p.forms.get(id))
}

/// The ids of every form in force, national order first.
pub fn form_ids(rules: &Rules<'_>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for p in rules.chain().iter().rev() {
        for id in p.forms.keys() {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    ids
}

/// The choices of a field: its own, or those of its program's question.
fn field_choices(
    form: &FormFile,
    f: &FormFieldFile,
    rules: &Rules<'_>,
    as_of: NaiveDate,
) -> Vec<(String, Text)> {
    if let Some(cs) = &f.choices {
        return cs
            .iter()
            .map(|c| (c.value.clone(), c.label.clone()))
            .collect();
    }
    let (Some(from), Some(program)) = (&f.choices_from, &form.program) else {
        return Vec::new();
    };
    let Some(p) = eligibility::programs()
        .into_iter()
        .find(|p| p.id == program)
    else {
        return Vec::new();
    };
    (p.facts)(rules, as_of)
        .into_iter()
        .find(|d| d.id == from)
        .map(|d| match d.kind {
            FactKind::Choice { options } | FactKind::MultiChoice { options } => {
                options.into_iter().map(|c| (c.value, c.text)).collect()
            }
            _ => Vec::new(),
        })
        .unwrap_or_default()
}

/// The forms in force, as widgets render them.
pub fn list_forms(rules: &Rules<'_>, as_of: NaiveDate, lang: Lang) -> Vec<FormInfo> {
    form_ids(rules)
        .into_iter()
        .filter_map(|id| form(rules, &id).map(|f| info(&id, f, rules, as_of, lang)))
        .collect()
}

fn info(id: &str, form: &FormFile, rules: &Rules<'_>, as_of: NaiveDate, lang: Lang) -> FormInfo {
    FormInfo {
        id: id.to_string(),
        title: form.title.get(lang).to_string(),
        description: form.description.as_ref().map(|d| d.get(lang).to_string()),
        program: form.program.clone(),
        application: form.application.clone(),
        fields: form
            .fields
            .iter()
            .map(|f| FieldInfo {
                id: f.id.clone(),
                label: f.label.get(lang).to_string(),
                hint: f.hint.as_ref().map(|h| h.get(lang).to_string()),
                kind: f.kind,
                id_kind: f.id_kind,
                required: f.required,
                required_when: f.required_when.as_ref().map(|w| RequiredWhen {
                    field: w.field.clone(),
                    is: w.is.clone(),
                }),
                choices: field_choices(form, f, rules, as_of)
                    .into_iter()
                    .map(|(value, t)| FieldChoice {
                        value,
                        label: t.get(lang).to_string(),
                    })
                    .collect(),
                role: f.role,
            })
            .collect(),
        citation: form.citation.shown(lang),
    }
}

/// The problems being collected, in the reader's language.
struct Problems<'a> {
    form: &'a FormFile,
    items: Vec<FormProblem>,
    lang: Lang,
}

impl Problems<'_> {
    fn label_of(&self, path: &str) -> String {
        self.form
            .fields
            .iter()
            .find(|f| f.id == path)
            .map(|f| f.label.get(self.lang).to_string())
            .unwrap_or_else(|| path.to_string())
    }
    fn push(&mut self, path: &str, code: &str, severity: Severity, message: Text) {
        let message = message.get(self.lang).to_string();
        if self
            .items
            .iter()
            .any(|p| p.path == path && p.code == code && p.message == message)
        {
            return;
        }
        self.items.push(FormProblem {
            path: path.to_string(),
            label: self.label_of(path),
            code: code.to_string(),
            severity,
            message,
            material: None,
        });
    }
    fn err(&mut self, path: &str, code: &str, message: Text) {
        self.push(path, code, Severity::Error, message);
    }
    fn warn(&mut self, path: &str, code: &str, message: Text) {
        self.push(path, code, Severity::Warning, message);
    }
    fn has_error(&self, path: &str) -> bool {
        self.items
            .iter()
            .any(|p| p.path == path && p.severity == Severity::Error)
    }
}

/// A value is empty: absent, null, blank text or an empty list.
fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        _ => false,
    }
}

/// A value as text for messages and number parsing.
fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.trim().to_string(),
        other => other.to_string(),
    }
}

/// Money as people write it: full-width digits, thousands separators, a
/// trailing 元 or "yuan".
fn read_money(v: &Value) -> Option<Decimal> {
    let s = fold(&as_text(v)).replace([',', '，'], "");
    let s = s
        .trim_end_matches('元')
        .trim_end_matches("YUAN")
        .trim_end_matches("yuan")
        .trim();
    let d = Decimal::from_str(s).ok()?;
    (d.scale() <= 2 || d.normalize().scale() <= 2).then(|| d.normalize())
}

fn read_number(v: &Value) -> Option<i64> {
    if let Some(n) = v.as_i64() {
        return Some(n);
    }
    let s = fold(&as_text(v));
    let s = s
        .trim_end_matches('月')
        .trim_end_matches('个')
        .trim_end_matches('次');
    s.trim().parse::<i64>().ok()
}

fn read_yes_no(v: &Value) -> Option<bool> {
    if let Some(b) = v.as_bool() {
        return Some(b);
    }
    match as_text(v).to_lowercase().as_str() {
        "是" | "有" | "已" | "yes" | "y" | "true" | "1" | "√" | "✓" => Some(true),
        "否" | "无" | "没有" | "未" | "no" | "n" | "false" | "0" | "×" => Some(false),
        _ => None,
    }
}

/// A choice by its value or by its name in either language.
fn read_choice(s: &str, choices: &[(String, Text)]) -> Option<String> {
    let s = s.trim();
    choices
        .iter()
        .find(|(v, t)| {
            v == s
                || t.zh.trim() == s
                || t.en.trim().eq_ignore_ascii_case(s)
                || v.eq_ignore_ascii_case(s)
        })
        .map(|(v, _)| v.clone())
}

fn choice_names(choices: &[(String, Text)]) -> Text {
    Text::new(
        choices
            .iter()
            .map(|(_, t)| t.zh.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        choices
            .iter()
            .map(|(_, t)| t.en.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// Reads one field's value, recording its problems; the value as read, or
/// `None` when empty or unreadable.
fn read_field(
    form: &FormFile,
    f: &FormFieldFile,
    raw: &Value,
    rec: &mut Recorder<'_>,
    as_of: NaiveDate,
    out: &mut Problems<'_>,
) -> Result<Option<Value>, RuleError> {
    let lang = out.lang;
    let label = &f.label;
    let id = f.id.as_str();
    let shown = as_text(raw);
    Ok(match f.kind {
        FieldKind::Text => {
            let s = shown.trim().to_string();
            Some(Value::String(s))
        }
        FieldKind::Id => {
            let kind = f.id_kind.unwrap_or(IdKind::ResidentId);
            let c = validate_id(
                kind,
                &shown,
                &IdOptions {
                    lang,
                    today: Some(as_of),
                },
            );
            for p in c
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Warning)
            {
                out.warn(
                    id,
                    "idCheck",
                    t!("{}：{}", "{}: {}"; label, Text::new(p.message.clone(), p.message.clone())),
                );
            }
            if c.valid {
                Some(Value::String(c.normalized))
            } else {
                let msgs: Vec<&str> = c
                    .problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .map(|p| p.message.as_str())
                    .collect();
                out.err(
                    id,
                    "idInvalid",
                    t!("{}有误：{}", "{}: {}"; label, Text::new(msgs.join(""), msgs.join(" "))),
                );
                None
            }
        }
        FieldKind::Date => match read_date_value(raw) {
            Ok(d) => Some(Value::String(d.to_string())),
            Err(e) => {
                out.err(id, "dateInvalid", e.message(Some(label)));
                None
            }
        },
        FieldKind::Month => match read_month_value(raw) {
            Ok(m) => Some(Value::String(m.to_string())),
            Err(e) => {
                out.err(id, "monthInvalid", e.message(Some(label)));
                None
            }
        },
        FieldKind::Money => match read_money(raw) {
            Some(d) if d.is_sign_negative() || !crate::money::in_range(d) => {
                out.err(
                    id,
                    "amountInvalid",
                    t!(
                        "{}应在0至{}之间，现为 {}。",
                        "{}: must be between 0 and {}; it is {}.";
                        label,
                        // The kit's bound on any amount, not a policy figure.
                        Text::new("一万亿元", format!("{} yuan", crate::money::MAX_AMOUNT)),
                        shown
                    ),
                );
                None
            }
            Some(d) => {
                check_cap(f, d, rec, as_of, out)?;
                Some(Value::String(d.to_string()))
            }
            None => {
                out.err(
                    id,
                    "amountInvalid",
                    t!(
                        "{}「{}」不是金额：请写数字（元），最多两位小数，例如 1234.56。",
                        "{}: \"{}\" is not an amount. Write a number of yuan with at most two decimals, for example 1234.56.";
                        label,
                        shown
                    ),
                );
                None
            }
        },
        FieldKind::Number => match read_number(raw) {
            Some(n) if (0..=i64::from(subsidy::MAX_MONTHS_USED)).contains(&n) => {
                check_cap(f, Decimal::from(n), rec, as_of, out)?;
                Some(Value::from(n))
            }
            _ => {
                out.err(
                    id,
                    "numberInvalid",
                    t!(
                        "{}「{}」应是0至{}的整数。",
                        "{}: \"{}\" must be a whole number from 0 to {}.";
                        label,
                        shown,
                        subsidy::MAX_MONTHS_USED
                    ),
                );
                None
            }
        },
        FieldKind::YesNo => match read_yes_no(raw) {
            Some(b) => Some(Value::Bool(b)),
            None => {
                out.err(
                    id,
                    "yesNoInvalid",
                    t!(
                        "{}「{}」应填“是”或“否”。",
                        "{}: \"{}\" must be yes or no.";
                        label,
                        shown
                    ),
                );
                None
            }
        },
        FieldKind::Choice | FieldKind::MultiChoice => {
            let choices = field_choices(form, f, rec.rules(), as_of);
            let given: Vec<String> = match raw {
                Value::Array(a) => a.iter().map(as_text).collect(),
                _ if f.kind == FieldKind::MultiChoice => shown
                    .split(['、', ',', '，', ';', '；', '/', '|'])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
                _ => vec![shown.clone()],
            };
            let mut read = Vec::new();
            let mut bad = Vec::new();
            for g in &given {
                match read_choice(g, &choices) {
                    Some(v) if !read.contains(&v) => read.push(v),
                    Some(_) => {}
                    None => bad.push(g.clone()),
                }
            }
            if !bad.is_empty() || (f.kind == FieldKind::Choice && given.len() > 1) {
                out.err(
                    id,
                    "choiceUnknown",
                    t!(
                        "{}「{}」不是可选项。可选：{}。",
                        "{}: \"{}\" is not one of the choices ({}).";
                        label,
                        Text::new(bad.join("、"), bad.join(", ")),
                        choice_names(&choices)
                    ),
                );
                None
            } else if f.kind == FieldKind::Choice {
                read.into_iter().next().map(Value::String)
            } else {
                Some(Value::Array(read.into_iter().map(Value::String).collect()))
            }
        }
    })
}

/// A money or number field above its `atMostParameter`.
fn check_cap(
    f: &FormFieldFile,
    value: Decimal,
    rec: &mut Recorder<'_>,
    as_of: NaiveDate,
    out: &mut Problems<'_>,
) -> Result<(), RuleError> {
    let Some(key) = &f.at_most_parameter else {
        return Ok(());
    };
    let Some(key) = crate::materials::catalog::declared(rec, key) else {
        return Err(RuleError::UnknownParameter(key.clone()));
    };
    let cap = match f.kind {
        FieldKind::Money => rec.decimal(key, as_of)?,
        _ => {
            let n = rec.int(key, as_of)?;
            crate::pack::Figure {
                value: Decimal::from(n.value),
                shown: n.shown,
                param: n.param,
            }
        }
    };
    if value > cap.value {
        out.err(
            &f.id,
            "aboveCap",
            t!(
                "{}：{}超过上限（{}）。",
                "{}: {} is above the limit ({}).";
                f.label,
                value.to_string(),
                cap.shown
            ),
        );
    }
    Ok(())
}

/// The field with `role`, if the form has one.
fn field_with(form: &FormFile, role: FieldRole) -> Option<&FormFieldFile> {
    form.fields.iter().find(|f| f.role == Some(role))
}

fn month_of(values: &Map<String, Value>, form: &FormFile, role: FieldRole) -> Option<YearMonth> {
    let f = field_with(form, role)?;
    read_month_value(values.get(&f.id)?).ok()
}

fn number_of(values: &Map<String, Value>, form: &FormFile, role: FieldRole) -> Option<i64> {
    values.get(&field_with(form, role)?.id)?.as_i64()
}

/// "6个月" / "6 months".
fn months_text(n: i64) -> Text {
    Text::new(
        format!("{n}个月"),
        crate::text::counted(n, "month", "months").en,
    )
}

/// Months from `a` to `b`, both counted.
fn months_inclusive(a: YearMonth, b: YearMonth) -> i64 {
    i64::from(b.year() - a.year()) * 12 + i64::from(b.month()) - i64::from(a.month()) + 1
}

/// Checks a filled form: see the module docs.
pub fn check_application(
    form_id: &str,
    values: &Value,
    provided: Option<&Value>,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<ApplicationCheck, ApplicationError> {
    let form = form(rules, form_id)
        .ok_or_else(|| ApplicationError::UnknownForm(form_id.to_string(), form_ids(rules)))?;
    let given = match values {
        Value::Object(m) => m.clone(),
        Value::Null => Map::new(),
        _ => return Err(ApplicationError::NotAnObject),
    };
    let program = match &form.program {
        Some(id) => Some(
            eligibility::programs()
                .into_iter()
                .find(|p| p.id == id)
                .ok_or_else(|| {
                    ApplicationError::BadForm(
                        form_id.to_string(),
                        t!("表单所指的项目 \"{}\" 不存在。", "The form names the program \"{}\", which does not exist."; id),
                    )
                })?,
        ),
        None => None,
    };
    let mut rec = Recorder::new(rules, lang);
    rec.cite(&form.citation);
    let mut out = Problems {
        form,
        items: Vec::new(),
        lang,
    };

    // 1. Every field on its own.
    let mut read: Map<String, Value> = Map::new();
    for f in &form.fields {
        let raw = given.get(&f.id);
        if is_empty(raw) {
            continue;
        }
        if let Some(v) = read_field(
            form,
            f,
            raw.unwrap_or(&Value::Null),
            &mut rec,
            as_of,
            &mut out,
        )? {
            read.insert(f.id.clone(), v);
        }
    }
    for f in &form.fields {
        if !is_empty(given.get(&f.id)) {
            continue;
        }
        let needed = f.required
            || f.required_when.as_ref().is_some_and(|w| {
                let other = read.get(&w.field);
                other == Some(&w.is)
                    || other
                        .and_then(Value::as_array)
                        .is_some_and(|a| a.contains(&w.is))
            });
        if needed {
            let because = match &f.required_when {
                Some(w) if !f.required => {
                    let other = form
                        .fields
                        .iter()
                        .find(|o| o.id == w.field)
                        .map(|o| o.label.clone())
                        .unwrap_or_else(|| Text::new(w.field.clone(), w.field.clone()));
                    t!("（因为已填写{}）", " (because of the {} given)"; other)
                }
                _ => t!("", ""),
            };
            out.err(
                &f.id,
                "required",
                t!("请填写{}{}。", "Please fill in \"{}\"{}."; f.label, because),
            );
        }
    }
    for key in given.keys() {
        if !form.fields.iter().any(|f| &f.id == key) {
            let ids: Vec<&str> = form.fields.iter().map(|f| f.id.as_str()).collect();
            let hint = crate::text::closest(key, &ids)
                .map(|h| t!("是否应为 \"{}\"？", " Did you mean \"{}\"?"; h))
                .unwrap_or_else(|| t!("", ""));
            // The key is in the path; the Chinese sentence does not repeat
            // an integrator's Latin name.
            let hint_zh = if hint.zh.is_empty() {
                ""
            } else {
                "请核对字段编号。"
            };
            out.warn(
                key,
                "unknownField",
                Text::new(
                    format!("本表没有这一项，已忽略。{hint_zh}"),
                    format!(
                        "This form has no field \"{key}\"; it was not used.{}",
                        hint.en
                    ),
                ),
            );
            if let Some(last) = out.items.last_mut() {
                last.label = t!("本表没有的项", "not a field of this form")
                    .get(lang)
                    .to_string();
            }
        }
    }

    // 2. Across fields: the period.
    let start = month_of(&read, form, FieldRole::PeriodStart);
    let end = month_of(&read, form, FieldRole::PeriodEnd);
    let claimed_months = number_of(&read, form, FieldRole::ClaimMonths);
    if let (Some(s), Some(e)) = (start, end) {
        let end_id = field_with(form, FieldRole::PeriodEnd)
            .map(|f| f.id.clone())
            .unwrap_or_default();
        if e < s {
            out.err(
                &end_id,
                "periodOrder",
                t!(
                    "申请补贴期限的止月 {} 早于起月 {}。",
                    "The claimed period ends ({}) before it starts ({}).";
                    e,
                    s
                ),
            );
        } else if let Some(n) = claimed_months {
            let span = months_inclusive(s, e);
            if n != span {
                let id = field_with(form, FieldRole::ClaimMonths)
                    .map(|f| f.id.clone())
                    .unwrap_or_default();
                out.err(
                    &id,
                    "periodMonths",
                    t!(
                        "申请月数为{}，而 {} 至 {} 共{}。",
                        "{} months are claimed, but {} to {} is {}.";
                        n,
                        s,
                        e,
                        months_text(span)
                    ),
                );
            }
        }
    }

    // The applicant's birth date and sex, from a valid ID number.
    let applicant_id = field_with(form, FieldRole::ApplicantId)
        .and_then(|f| read.get(&f.id))
        .and_then(Value::as_str)
        .map(|s| {
            validate_id(
                IdKind::ResidentId,
                s,
                &IdOptions {
                    lang,
                    today: Some(as_of),
                },
            )
        });
    let (birth, sex) = match &applicant_id {
        Some(c) if c.valid => (c.details.birth_date, c.details.gender),
        _ => (None, None),
    };

    // 3. Eligibility, from the same answers.
    let mut facts = Map::new();
    for f in &form.fields {
        let Some(v) = read.get(&f.id) else { continue };
        if let Some(fact) = &f.fact {
            facts.insert(fact.clone(), v.clone());
        }
        if let Some(cs) = &f.choices {
            let chosen: Vec<&str> = match v {
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                Value::String(s) => vec![s.as_str()],
                _ => Vec::new(),
            };
            for c in cs {
                let Some(given) = &c.facts else { continue };
                for (k, val) in given {
                    if chosen.contains(&c.value.as_str()) {
                        facts.insert(k.clone(), val.clone());
                    } else if val == &Value::Bool(true) {
                        // A category not ticked, a group not chosen, is a "no".
                        facts.entry(k.clone()).or_insert(Value::Bool(false));
                    }
                }
            }
        }
    }
    // A list left empty on a filled form is "none of these".
    for f in &form.fields {
        if let (FieldKind::MultiChoice, Some(fact), false) = (f.kind, &f.fact, f.required) {
            if is_empty(given.get(&f.id)) && !read.is_empty() {
                facts
                    .entry(fact.clone())
                    .or_insert(Value::Array(Vec::new()));
            }
        }
    }
    if let Some(d) = birth {
        facts
            .entry("birthDate")
            .or_insert(Value::String(d.to_string()));
    }
    if let Some(g) = sex {
        let s = if g == Gender::Male { "male" } else { "female" };
        facts.entry("sex").or_insert(Value::String(s.into()));
    }
    let mut determination = None;
    if let Some(p) = &program {
        let defs = (p.facts)(rules, as_of);
        facts.retain(|k, _| defs.iter().any(|d| d.id == k));
        match eligibility::check(p.id, &Value::Object(facts.clone()), rules, as_of, lang) {
            Ok(d) => determination = Some(d),
            Err(CheckError::Facts(problems)) => {
                for fp in problems {
                    let path = field_for_fact(form, &fp.fact);
                    out.err(&path, "eligibility", fp.message);
                }
            }
            Err(CheckError::Rule(e)) => return Err(e.into()),
            Err(CheckError::UnknownProgram(id)) => {
                return Err(ApplicationError::BadForm(
                    form_id.to_string(),
                    t!("表单所指的项目 \"{}\" 不存在。", "The form names the program \"{}\", which does not exist."; id),
                ))
            }
        }
    }

    // 4. The documents, through the materials check.
    let mut materials = None;
    if let Some(app) = &form.application {
        let mut mf = match &program {
            Some(p) => match eligibility::materials_facts(p.id, &Value::Object(facts.clone())) {
                Value::Object(m) => m,
                _ => Map::new(),
            },
            None => Map::new(),
        };
        for f in &form.fields {
            if let (Some(m), Some(v)) = (&f.materials_fact, read.get(&f.id)) {
                mf.insert(m.clone(), v.clone());
            }
        }
        let vocabulary = crate::pack::condition_fact_ids();
        mf.retain(|k, _| vocabulary.contains(&k.as_str()));
        // The form being checked is itself one of the materials: it is here.
        let provided: Option<Value> = match (provided, &form.material) {
            (Some(Value::Object(p)), Some(m)) if !p.contains_key(m) => {
                let mut p = p.clone();
                p.insert(m.clone(), Value::Bool(true));
                Some(Value::Object(p))
            }
            (p, _) => p.cloned(),
        };
        match check_materials(
            app,
            &Value::Object(mf),
            provided.as_ref(),
            rules,
            as_of,
            lang,
        ) {
            Ok(report) => {
                lift_documents(form, &report, &mut out);
                materials = Some(report);
            }
            Err(MaterialsError::Provided(problems)) => {
                return Err(ApplicationError::Provided(problems))
            }
            Err(MaterialsError::Facts(problems)) => {
                for FactProblem { fact, message, .. } in problems {
                    let path = field_for_materials_fact(form, &fact);
                    out.err(&path, "materialsFacts", message);
                }
            }
            Err(MaterialsError::Rule(e)) => return Err(e.into()),
            Err(MaterialsError::UnknownApplication(id, _)) => {
                return Err(ApplicationError::BadForm(
                    form_id.to_string(),
                    t!("表单所指的申请事项 \"{}\" 不存在。", "The form names the application type \"{}\", which does not exist."; id),
                ))
            }
        }
    }

    // 5. The plan: the period against the cap and the retirement month.
    let plan = check_plan(
        form,
        &read,
        birth,
        sex,
        start,
        end,
        claimed_months,
        rules,
        as_of,
        lang,
        &mut out,
    )?;

    // The result.
    if let Some(d) = &determination {
        rec.absorb(&d.sourced);
    }
    if let Some(m) = &materials {
        rec.absorb(&m.sourced);
    }
    if let Some(p) = &plan {
        rec.absorb(&p.sourced);
    }
    let mut sourced = rec.finish();
    for other in [
        determination.as_ref().map(|d| &d.sourced),
        materials.as_ref().map(|m| &m.sourced),
        plan.as_ref().map(|p| &p.sourced),
    ]
    .into_iter()
    .flatten()
    {
        for c in &other.caveats {
            if !sourced.caveats.contains(c) {
                sourced.caveats.push(c.clone());
            }
        }
    }

    // Problems in the form's field order, then the documents'.
    let order = |p: &FormProblem| {
        form.fields
            .iter()
            .position(|f| f.id == p.path)
            .unwrap_or(form.fields.len())
    };
    let mut problems = out.items;
    crate::sort::sort_by(&mut problems, |a, b| order(a).cmp(&order(b)));
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let eligible = determination
        .as_ref()
        .is_none_or(|d| d.outcome == Outcome::Eligible);
    let verdict = if errors > 0 {
        PrecheckVerdict::HasErrors
    } else if !eligible {
        PrecheckVerdict::NotEligible
    } else if provided.is_some()
        && materials
            .as_ref()
            .is_some_and(|m| m.verdict == crate::materials::MaterialsVerdict::Incomplete)
    {
        PrecheckVerdict::MaterialsIncomplete
    } else {
        PrecheckVerdict::Ready
    };
    let summary = match verdict {
        PrecheckVerdict::Ready => t!(
            "表单与材料一致，未发现问题，可以报送。",
            "The form agrees with the documents and the rules: no problems found, it can be sent on."
        ),
        PrecheckVerdict::HasErrors => t!(
            "发现{}，请一次改正后再报送。",
            "{} found: correct them all before sending the form on.";
            Text::new(
                format!("{errors}处问题"),
                crate::text::counted(errors as i64, "problem", "problems").en
            )
        ),
        PrecheckVerdict::MaterialsIncomplete => match &materials {
            Some(m) => t!(
                "表单填写无误；{}",
                "The form itself is in order. {}";
                Text::new(m.summary.clone(), m.summary.clone())
            ),
            None => t!("", ""),
        },
        PrecheckVerdict::NotEligible => match &determination {
            Some(d) => Text::new(d.summary.clone(), d.summary.clone()),
            None => t!("", ""),
        },
    };
    let mut hashed = read.clone();
    hashed.insert("$form".into(), Value::String(form_id.to_string()));
    if let Some(p) = provided {
        hashed.insert("$provided".into(), p.clone());
    }
    let determination_id = crate::verdict::determination_id(
        &format!("application:{form_id}"),
        &Facts::from_map(hashed),
        rules.region(),
        &sourced.pack.hash,
        as_of,
    );
    Ok(ApplicationCheck {
        form: form_id.to_string(),
        title: form.title.get(lang).to_string(),
        verdict,
        summary: summary.get(lang).to_string(),
        problems,
        errors,
        warnings,
        values: read,
        determination,
        materials,
        plan,
        sourced,
        as_of,
        region: rules.region().to_string(),
        determination_id,
        lang,
    })
}

/// The field that answers an eligibility fact (birth date and sex come from
/// the applicant's ID number).
fn field_for_fact(form: &FormFile, fact: &str) -> String {
    form.fields
        .iter()
        .find(|f| f.fact.as_deref() == Some(fact))
        .or_else(|| {
            form.fields.iter().find(|f| {
                f.choices.as_ref().is_some_and(|cs| {
                    cs.iter()
                        .any(|c| c.facts.as_ref().is_some_and(|m| m.contains_key(fact)))
                })
            })
        })
        .or_else(|| {
            matches!(fact, "birthDate" | "sex")
                .then(|| field_with(form, FieldRole::ApplicantId))
                .flatten()
        })
        .map(|f| f.id.clone())
        .unwrap_or_else(|| fact.to_string())
}

/// The field that answers a materials question.
fn field_for_materials_fact(form: &FormFile, fact: &str) -> String {
    form.fields
        .iter()
        .find(|f| f.materials_fact.as_deref() == Some(fact))
        .map(|f| f.id.clone())
        .unwrap_or_else(|| fact.to_string())
}

/// The document problems that contradict the form, shown at the field they
/// contradict (the rest stay in the materials report).
fn lift_documents(form: &FormFile, report: &MaterialsReport, out: &mut Problems<'_>) {
    for item in &report.checklist {
        for p in &item.problems {
            let role = match p.code.as_str() {
                "mismatchId" => Some(FieldRole::ApplicantId),
                "mismatchName" => Some(FieldRole::ApplicantName),
                "receiptKinds" => Some(FieldRole::ClaimKinds),
                "receiptMonths" => Some(FieldRole::ClaimMonths),
                "receiptAmount" => Some(FieldRole::ClaimAmount),
                _ => None,
            };
            let path = match role.and_then(|r| field_with(form, r)) {
                Some(f) => f.id.clone(),
                None => format!("provided.{}", item.material),
            };
            // The spouse's documents are compared with the spouse's fields.
            let path = match (p.code.as_str(), item.material.as_str()) {
                ("mismatchId" | "mismatchName", "spouseIdCard") => {
                    format!("provided.{}", item.material)
                }
                _ => path,
            };
            let text = Text::new(p.message.clone(), p.message.clone());
            out.push(&path, &p.code, p.severity, text);
            if let Some(last) = out.items.last_mut() {
                last.material = Some(item.material.clone());
                if last.path.starts_with("provided.") {
                    last.label = item.name.clone();
                }
            }
        }
    }
}

/// The subsidy plan for the form's answers, and the period checked against it.
#[allow(clippy::too_many_arguments)]
fn check_plan(
    form: &FormFile,
    read: &Map<String, Value>,
    birth: Option<NaiveDate>,
    sex: Option<Gender>,
    start: Option<YearMonth>,
    end: Option<YearMonth>,
    claimed_months: Option<i64>,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
    out: &mut Problems<'_>,
) -> Result<Option<SubsidyPlan>, ApplicationError> {
    // The plan program: a chosen value's own, else the form's.
    let mut program = form.plan.clone();
    for f in &form.fields {
        if let (Some(cs), Some(Value::String(v))) = (&f.choices, read.get(&f.id)) {
            if let Some(p) = cs
                .iter()
                .find(|c| &c.value == v)
                .and_then(|c| c.plan.clone())
            {
                program = Some(p);
            }
        }
    }
    let Some(program) = program else {
        return Ok(None);
    };
    let (Some(birth), Some(sex), Some(start)) = (birth, sex, start) else {
        return Ok(None);
    };
    let track = if sex == Gender::Male {
        "male".to_string()
    } else {
        let f = field_with(form, FieldRole::RetirementTrack);
        match f.and_then(|f| read.get(&f.id)).and_then(Value::as_str) {
            Some(t) => t.to_string(),
            None => {
                let path = f.map(|f| f.id.clone()).unwrap_or_default();
                if !out.has_error(&path) {
                    out.warn(
                        &path,
                        "needsTrack",
                        t!(
                            "申请人为女性：请填写原退休年龄档次，才能核对补贴期限是否超过退休月份。",
                            "The applicant is a woman: give her original retirement track, so the period can be checked against her retirement month."
                        ),
                    );
                }
                return Ok(None);
            }
        }
    };
    let first = field_with(form, FieldRole::FirstApprovedOn)
        .and_then(|f| read.get(&f.id))
        .and_then(|v| read_date_value(v).ok())
        .unwrap_or_else(|| start.first_day());
    let used = number_of(read, form, FieldRole::MonthsUsed).unwrap_or(0);
    let input = serde_json::json!({
        "program": program,
        "person": { "birthDate": birth.to_string(), "retirementTrack": track },
        "firstApprovedOn": first.to_string(),
        "startOn": start.first_day().to_string(),
        "monthsUsed": used,
    });
    let input: subsidy::PlanInput = serde_json::from_value(input).map_err(|e| {
        ApplicationError::BadForm(
            program.clone(),
            t!("表单的补贴方案 \"{}\" 无法使用：{}", "The form's plan \"{}\" cannot be used: {}"; program, e.to_string()),
        )
    })?;
    let plan = match subsidy::plan(&input, rules, as_of, lang) {
        Ok(p) => p,
        Err(PlanError::Input { path, message }) => {
            let role = match path.as_str() {
                "monthsUsed" => Some(FieldRole::MonthsUsed),
                "firstApprovedOn" => Some(FieldRole::FirstApprovedOn),
                "startOn" => Some(FieldRole::PeriodStart),
                _ => None,
            };
            let at = role
                .and_then(|r| field_with(form, r))
                .or_else(|| field_with(form, FieldRole::PeriodStart))
                .map(|f| f.id.clone())
                .unwrap_or(path);
            out.err(&at, "planInput", message);
            return Ok(None);
        }
        // A figure the packs do not have here (a local minimum wage): the
        // period is not checked, and the result says so.
        Err(PlanError::Rule(e)) => {
            let at = field_with(form, FieldRole::PeriodEnd)
                .map(|f| f.id.clone())
                .unwrap_or_default();
            out.warn(
                &at,
                "planUnavailable",
                t!(
                    "未能核对补贴期限：{}",
                    "The period could not be checked against the plan: {}";
                    e.message()
                ),
            );
            return Ok(None);
        }
    };
    let start_id = field_with(form, FieldRole::PeriodStart)
        .map(|f| f.id.clone())
        .unwrap_or_default();
    if start < plan.start_month {
        out.err(
            &start_id,
            "periodBeforeStart",
            t!(
                "申请期限起月 {} 早于可享受补贴的首月 {}。",
                "The claimed period starts in {}, before the first month that can be paid, {}.";
                start,
                plan.start_month
            ),
        );
    }
    if let Some(e) = end {
        let end_id = field_with(form, FieldRole::PeriodEnd)
            .map(|f| f.id.clone())
            .unwrap_or_default();
        if e > plan.retirement_month {
            out.err(
                &end_id,
                "periodAfterRetirement",
                t!(
                    "申请期限止月 {} 晚于申请人的退休月份 {}（退休日 {}）。",
                    "The claimed period ends in {}, after the applicant's retirement month, {} (retirement on {}).";
                    e,
                    plan.retirement_month,
                    plan.retirement_date
                ),
            );
        } else if e > plan.end_month {
            out.err(
                &end_id,
                "periodBeyondCap",
                t!(
                    "申请期限止月 {} 超过可享受补贴的末月 {}（本期最多{}）。",
                    "The claimed period ends in {}, after the last month that can be paid, {} (at most {} in this period).";
                    e,
                    plan.end_month,
                    months_text(i64::from(plan.months))
                ),
            );
        }
    }
    if let Some(n) = claimed_months {
        if n > i64::from(plan.months) {
            let id = field_with(form, FieldRole::ClaimMonths)
                .map(|f| f.id.clone())
                .unwrap_or_default();
            out.err(
                &id,
                "monthsOverEntitlement",
                t!(
                    "申请{}个月，超过剩余可享受的{}。",
                    "{} months are claimed, more than the {} still due.";
                    n,
                    months_text(i64::from(plan.months))
                ),
            );
        }
    }
    Ok(Some(plan))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::PackSet;
    use serde_json::json;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    /// Every national form names a program, application and plan the rules
    /// know, its `fact`s are questions of its program, and its `choicesFrom`
    /// fields have choices.
    #[test]
    fn national_forms_name_what_exists() {
        let packs = PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let forms = list_forms(&rules, day(), Lang::ZhCn);
        assert_eq!(forms.len(), 4);
        for id in form_ids(&rules) {
            let f = form(&rules, &id).unwrap();
            let p = eligibility::programs()
                .into_iter()
                .find(|p| Some(p.id) == f.program.as_deref())
                .unwrap_or_else(|| panic!("{id}: program"));
            let defs = (p.facts)(&rules, day());
            for field in &f.fields {
                let mut named: Vec<&str> = field.fact.iter().map(String::as_str).collect();
                for c in field.choices.iter().flatten() {
                    named.extend(c.facts.iter().flat_map(|m| m.keys().map(String::as_str)));
                }
                for fact in named {
                    assert!(
                        defs.iter().any(|d| d.id == fact),
                        "{id}/{}: {fact}",
                        field.id
                    );
                }
                if matches!(field.kind, FieldKind::Choice | FieldKind::MultiChoice) {
                    assert!(
                        !field_choices(f, field, &rules, day()).is_empty(),
                        "{id}/{}",
                        field.id
                    );
                }
            }
            // An empty form checks (every required field is a problem).
            let r = check_application(&id, &json!({}), None, &rules, day(), Lang::En).unwrap();
            let required = f.fields.iter().filter(|f| f.required).count();
            assert_eq!(
                r.problems.iter().filter(|p| p.code == "required").count(),
                required,
                "{id}"
            );
        }
    }

    #[test]
    fn values_that_are_not_an_object_are_refused() {
        let packs = PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let e = check_application(
            "flexibleSubsidy",
            &json!([1]),
            None,
            &rules,
            day(),
            Lang::En,
        );
        assert_eq!(e.unwrap_err(), ApplicationError::NotAnObject);
        let e = check_application("nope", &json!({}), None, &rules, day(), Lang::En);
        assert!(matches!(e, Err(ApplicationError::UnknownForm(..))));
    }

    #[test]
    fn readers() {
        assert_eq!(
            read_money(&json!("１，２３４.５元")),
            Some(Decimal::new(12345, 1))
        );
        assert_eq!(read_money(&json!("1.234")), None);
        assert_eq!(read_number(&json!("12个月")), Some(12));
        assert_eq!(read_yes_no(&json!("是")), Some(true));
        assert_eq!(read_yes_no(&json!("maybe")), None);
        let ym = |y, m| YearMonth::new(y, m).unwrap();
        assert_eq!(months_inclusive(ym(2026, 1), ym(2026, 12)), 12);
        assert_eq!(months_inclusive(ym(2025, 11), ym(2026, 2)), 4);
    }
}
