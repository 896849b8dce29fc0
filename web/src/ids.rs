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
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = validateId, skip_typescript))]
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
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = validateIds, skip_typescript))]
pub fn validate_ids(
    kind: JsValue,
    values: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    if let Some(answer) = validate_ids_fast(&kind, &values, options.as_ref()) {
        return answer;
    }
    call(
        "validateIds",
        &[(&kind, "kind"), (&values, "values")],
        options.as_ref(),
    )
}

/// The values as one JSON text each way (`JSON.stringify`, `JSON.parse`), for an
/// array of strings and a known kind; `None` sends anything else to `call`, which
/// names what is wrong.
fn validate_ids_fast(
    kind: &JsValue,
    values: &JsValue,
    options: Option<&JsValue>,
) -> Option<Result<JsValue, JsValue>> {
    let kind = crate::api::parse_id_kind(&kind.as_string()?).ok()?;
    if !js_sys::Array::is_array(values) {
        return None;
    }
    let text: String = js_sys::JSON::stringify(values).ok()?.into();
    let options_json = match options {
        Some(o) => crate::convert::json(o, "options").ok()?,
        None => serde_json::Value::Null,
    };
    let out = crate::api::validate_ids_text(kind, &text, &options_json, crate::convert::today())?;
    let lang = options.map(crate::convert::lang_of).unwrap_or_default();
    Some(
        out.map_err(|e| e.into_js(lang))
            .and_then(|json| js_sys::JSON::parse(&json)),
    )
}

/// Whether `value` is a valid number of `kind`, as `validateId(kind, value).valid`
/// with today's date on this device, for checking as people type: no JSON, no
/// result object, no message. Anything but a string is not valid. Throws a
/// `ZhuchuangError` only for a wrong kind.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = isValidId, skip_typescript))]
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
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = validateForm, skip_typescript))]
pub fn validate_form(form: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("validateForm", &[(&form, "form")], options.as_ref())
}
