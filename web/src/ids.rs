//! `validateId` and `validateForm`: identity and registration numbers.

use crate::convert::call;
use wasm_bindgen::prelude::*;

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
    call(
        "validateId",
        &[(&kind, "kind"), (&value, "value")],
        options.as_ref(),
    )
}

/// Validates an applicant's identity block (name, residentId, mobile, bankCard,
/// uscc, disabilityCert) in one call: every field's errors at once, plus
/// cross-field checks. Returns `{ valid, errors: { field: Problem[] } }`.
#[wasm_bindgen(js_name = validateForm, skip_typescript)]
pub fn validate_form(form: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("validateForm", &[(&form, "form")], options.as_ref())
}
