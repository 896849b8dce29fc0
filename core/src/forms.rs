//! Whole-form checks (表单校验): every field of an applicant's identity block checked
//! in one call, with the kit's own check-digit functions as the `validator` crate's
//! custom validators, plus cross-field checks (the ID inside a disability
//! certificate number must be the applicant's).
//!
//! ```
//! use zhuchuang_core::forms::{validate_form, ApplicantForm};
//! use zhuchuang_core::ids::IdOptions;
//! let form = ApplicantForm {
//!     name: Some("张三".into()),
//!     resident_id: Some("110105194912310021".into()), // wrong check digit
//!     mobile: Some("+86 138 0013 8000".into()),
//!     bank_card: None,
//!     uscc: Some("91350100M000100Y4Z".into()),        // wrong check character
//!     disability_cert: None,
//!     social_security_card: None,
//! };
//! let report = validate_form(&form, &IdOptions::default());
//! assert!(!report.valid);
//! assert_eq!(report.errors.len(), 2); // both fields reported, not just the first
//!
//! // A bank card failing the Luhn check is valid, with its warning kept.
//! let form = ApplicantForm { bank_card: Some("6222021234567890123".into()), ..Default::default() };
//! let report = validate_form(&form, &IdOptions::default());
//! assert!(report.valid);
//! assert_eq!(report.warnings["bankCard"][0].code, "luhn");
//! ```

use crate::ids::{validate_id, IdKind, IdOptions, Problem, Severity};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use validator::{Validate, ValidateArgs, ValidationError, ValidationErrors, ValidationErrorsKind};

/// The identity block most application forms in this field ask for. Absent
/// fields are not checked; present ones must be valid.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
#[validate(context = IdOptions)]
#[validate(schema(
    function = "disability_cert_matches_id",
    skip_on_field_errors = false,
    use_context
))]
pub struct ApplicantForm {
    /// 姓名
    #[validate(custom(function = "name_rule", use_context))]
    pub name: Option<String>,
    /// 居民身份证号码
    #[validate(custom(function = "resident_id_rule", use_context))]
    pub resident_id: Option<String>,
    /// 手机号码
    #[validate(custom(function = "mobile_rule", use_context))]
    pub mobile: Option<String>,
    /// 银行卡号 (or the bank account of the 社会保障卡)
    #[validate(custom(function = "bank_card_rule", use_context))]
    pub bank_card: Option<String>,
    /// 统一社会信用代码 of the applicant's business, if any
    #[validate(custom(function = "uscc_rule", use_context))]
    pub uscc: Option<String>,
    /// 残疾人证号
    #[validate(custom(function = "disability_cert_rule", use_context))]
    pub disability_cert: Option<String>,
    /// 社会保障卡卡号 (the flexible-employment subsidy form asks for it): the
    /// number on the card, not its bank account (format UNSURE, see
    /// [`IdKind::SocialSecurityCard`]).
    #[validate(custom(function = "social_security_card_rule", use_context))]
    pub social_security_card: Option<String>,
}

/// Every field's errors and warnings, keyed by the field's API name (`residentId`, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FormReport {
    pub valid: bool,
    pub errors: BTreeMap<String, Vec<Problem>>,
    /// Problems that do not make the form invalid (an unknown region code, a
    /// bank card failing the Luhn check): the person checks and may continue.
    #[serde(default)]
    pub warnings: BTreeMap<String, Vec<Problem>>,
}

/// Checks every field of `form` at once. Warnings (an unknown region code, a bank
/// card failing Luhn) do not make a form invalid; they are listed apart. Call
/// [`validate_id`] on a field for its decoded details.
pub fn validate_form(form: &ApplicantForm, options: &IdOptions) -> FormReport {
    let mut errors = BTreeMap::new();
    if let Err(e) = form.validate_with_args(options) {
        collect(&e, options, &mut errors);
    }
    let mut warnings = BTreeMap::new();
    for (key, kind, value) in form.numbers() {
        let found: Vec<Problem> = validate_id(kind, value, options)
            .problems
            .into_iter()
            .filter(|p| p.severity == Severity::Warning)
            .collect();
        if !found.is_empty() {
            warnings.insert(key.to_string(), found);
        }
    }
    FormReport {
        valid: errors.is_empty(),
        errors,
        warnings,
    }
}

impl ApplicantForm {
    /// The numbers given, with their API field names and kinds.
    fn numbers(&self) -> Vec<(&'static str, IdKind, &str)> {
        [
            ("residentId", IdKind::ResidentId, &self.resident_id),
            ("mobile", IdKind::Mobile, &self.mobile),
            ("bankCard", IdKind::BankCard, &self.bank_card),
            ("uscc", IdKind::Uscc, &self.uscc),
            (
                "disabilityCert",
                IdKind::DisabilityCert,
                &self.disability_cert,
            ),
            (
                "socialSecurityCard",
                IdKind::SocialSecurityCard,
                &self.social_security_card,
            ),
        ]
        .into_iter()
        .filter_map(|(key, kind, v)| v.as_deref().map(|v| (key, kind, v)))
        .collect()
    }
}

fn collect(e: &ValidationErrors, options: &IdOptions, out: &mut BTreeMap<String, Vec<Problem>>) {
    for (field, kind) in &e.0 {
        let ValidationErrorsKind::Field(list) = kind else {
            continue;
        };
        let key = if field == "__all__" {
            "disabilityCert".to_string()
        } else {
            camel(field)
        };
        let problems = out.entry(key).or_default();
        for err in list {
            match err.params.get("problems") {
                Some(v) => {
                    if let Ok(list) = serde_json::from_value::<Vec<Problem>>(v.clone()) {
                        problems.extend(list);
                    }
                }
                None => problems.push(Problem {
                    code: err.code.to_string(),
                    severity: Severity::Error,
                    message: err
                        .params
                        .get(options.lang.tag())
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string(),
                    position: None,
                }),
            }
        }
    }
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A validation error carrying its message in both languages, keyed by tag.
fn error(code: &'static str, text: Text) -> ValidationError {
    let mut e = ValidationError::new(code);
    e.add_param(Cow::Borrowed("zh-CN"), &text.zh);
    e.add_param(Cow::Borrowed("en"), &text.en);
    e
}

fn id_rule(kind: IdKind, value: &str, options: &IdOptions) -> Result<(), ValidationError> {
    let check = validate_id(kind, value, options);
    if check.valid {
        return Ok(());
    }
    let errors: Vec<&Problem> = check
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    let mut e = ValidationError::new(kind.as_str());
    e.add_param(Cow::Borrowed("problems"), &errors);
    Err(e)
}

fn name_rule(value: &str, _: &IdOptions) -> Result<(), ValidationError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(error(
            "empty",
            Text::new("请填写姓名。", "Please enter the name."),
        ));
    }
    if trimmed.chars().count() > 50 {
        return Err(error(
            "length",
            Text::new(
                "姓名不能超过50个字。",
                "The name can have at most 50 characters.",
            ),
        ));
    }
    if trimmed
        .chars()
        .any(|c| c.is_ascii_digit() || c.is_control())
    {
        return Err(error(
            "character",
            Text::new("姓名中不应有数字。", "A name should not contain digits."),
        ));
    }
    Ok(())
}

fn resident_id_rule(value: &str, o: &IdOptions) -> Result<(), ValidationError> {
    id_rule(IdKind::ResidentId, value, o)
}
fn mobile_rule(value: &str, o: &IdOptions) -> Result<(), ValidationError> {
    id_rule(IdKind::Mobile, value, o)
}
fn bank_card_rule(value: &str, o: &IdOptions) -> Result<(), ValidationError> {
    id_rule(IdKind::BankCard, value, o)
}
fn uscc_rule(value: &str, o: &IdOptions) -> Result<(), ValidationError> {
    id_rule(IdKind::Uscc, value, o)
}
fn disability_cert_rule(value: &str, o: &IdOptions) -> Result<(), ValidationError> {
    id_rule(IdKind::DisabilityCert, value, o)
}
fn social_security_card_rule(value: &str, o: &IdOptions) -> Result<(), ValidationError> {
    id_rule(IdKind::SocialSecurityCard, value, o)
}

/// The ID number inside a disability certificate number must be the applicant's.
fn disability_cert_matches_id(form: &ApplicantForm, o: &IdOptions) -> Result<(), ValidationError> {
    let (Some(cert), Some(id)) = (&form.disability_cert, &form.resident_id) else {
        return Ok(());
    };
    let cert = validate_id(IdKind::DisabilityCert, cert, o);
    let id = validate_id(IdKind::ResidentId, id, o);
    match (&cert.details.resident_id, id.valid) {
        (Some(inner), true) if *inner != id.normalized => Err(error(
            "mismatch",
            Text::new(
                format!(
                    "残疾人证号中的身份证号（{}）与申请人身份证号（{}）不一致。",
                    inner, id.normalized
                ),
                format!(
                    "The ID number inside the disability certificate ({}) differs from the applicant's ({}).",
                    inner, id.normalized
                ),
            ),
        )),
        _ => Ok(()),
    }
}
