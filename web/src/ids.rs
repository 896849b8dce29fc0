//! `validateId`, `validateIds`, `isValidId` and `validateForm`: identity and
//! registration numbers.

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

/// Checks many numbers of one kind in one call (a ledger's column): one
/// `{ valid, normalized? }` per value, in order; `normalized` only for a valid
/// number. No messages are built: call `validateId` on a number to learn why it
/// is invalid. Throws a `ZhuchuangError` for a wrong kind or when `values` is not
/// an array of strings.
#[wasm_bindgen(js_name = validateIds, skip_typescript)]
pub fn validate_ids(
    kind: JsValue,
    values: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    call(
        "validateIds",
        &[(&kind, "kind"), (&values, "values")],
        options.as_ref(),
    )
}

/// Whether `value` is a valid number of `kind`, as `validateId(kind, value).valid`
/// with today's date on this device, for checking as people type: no JSON, no
/// result object, no message. Anything but a string is not valid. Throws a
/// `ZhuchuangError` only for a wrong kind.
#[wasm_bindgen(js_name = isValidId, skip_typescript)]
pub fn is_valid_id(kind: &str, value: JsValue) -> Result<bool, JsValue> {
    let kind =
        crate::api::parse_id_kind(kind).map_err(|e| e.into_js(zhuchuang_core::Lang::ZhCn))?;
    let Some(value) = value.as_string() else {
        return Ok(false);
    };
    let options = zhuchuang_core::ids::IdOptions {
        today: Some(crate::convert::today()),
        ..Default::default()
    };
    Ok(zhuchuang_core::ids::is_valid_id(kind, &value, &options))
}

/// Validates an applicant's identity block (name, residentId, mobile, bankCard,
/// uscc, disabilityCert) in one call: every field's errors at once, plus
/// cross-field checks. Returns `{ valid, errors: { field: Problem[] } }`.
#[wasm_bindgen(js_name = validateForm, skip_typescript)]
pub fn validate_form(form: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("validateForm", &[(&form, "form")], options.as_ref())
}
