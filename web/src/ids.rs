//! `validateId` and `validateForm`: identity and registration numbers.

use crate::convert::{arg, lang_of, output, parse_lang, required, run, string, today, ApiError};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use zhuchuang_core::forms::{validate_form as core_validate_form, ApplicantForm};
use zhuchuang_core::ids::{validate_id as core_validate_id, IdKind, IdOptions};
use zhuchuang_core::Text;

/// Options shared by the ID functions; unknown keys are ignored so one options
/// object can serve every call.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct CommonOptions {
    pub lang: Option<String>,
    pub today: Option<chrono::NaiveDate>,
}

impl CommonOptions {
    pub(crate) fn id_options(&self) -> Result<IdOptions, ApiError> {
        Ok(IdOptions {
            lang: parse_lang(self.lang.as_deref())?,
            today: Some(self.today.unwrap_or_else(today)),
        })
    }
}

/// Validates an identity or registration number and explains every problem.
///
/// `kind` is one of `"residentId" | "uscc" | "disabilityCert" | "bankCard" |
/// "mobile"`; `options.lang` is `"zh-CN"` (default) or `"en"`; `options.today`
/// (`"YYYY-MM-DD"`) is the date a birth date may not be after (default: today on
/// this device). Throws a `ZhuchuangError` for a wrong kind or a non-string value.
#[wasm_bindgen(js_name = validateId, skip_typescript)]
pub fn validate_id(
    kind: JsValue,
    value: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let lang = lang_of(&options);
    run(lang, || {
        let kind_name = string(&kind, "kind")?;
        let kind = IdKind::parse(&kind_name).ok_or_else(|| {
            let all: Vec<&str> = IdKind::ALL.iter().map(|k| k.as_str()).collect();
            ApiError::new(
                "unknownKind",
                Text::new(
                    format!(
                        "不支持的证件类型 \"{kind_name}\"，可用：{}。",
                        all.join("、")
                    ),
                    format!(
                        "Unknown kind \"{kind_name}\"; use one of {}.",
                        all.join(", ")
                    ),
                ),
            )
        })?;
        let value = string(&value, "value")?;
        let options: CommonOptions = arg(&options, "options")?;
        output(&core_validate_id(kind, &value, &options.id_options()?))
    })
}

/// Validates an applicant's identity block (name, residentId, mobile, bankCard,
/// uscc, disabilityCert) in one call: every field's errors at once, plus
/// cross-field checks. Returns `{ valid, errors: { field: Problem[] } }`.
#[wasm_bindgen(js_name = validateForm, skip_typescript)]
pub fn validate_form(form: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let lang = lang_of(&options);
    run(lang, || {
        let form: ApplicantForm = required(&form, "form")?;
        let options: CommonOptions = arg(&options, "options")?;
        output(&core_validate_form(&form, &options.id_options()?))
    })
}
