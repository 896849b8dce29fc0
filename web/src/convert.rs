//! Crossing the JavaScript boundary, and nothing else: JavaScript values to JSON
//! for [`crate::api::call`], its JSON result back to plain JavaScript objects,
//! and an [`ApiError`] to a thrown `ZhuchuangError`. Also the only place that
//! reads the clock (`today()`).

use crate::api;
use crate::error::ApiError;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use zhuchuang_core::{t, Lang};

fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &key.into(), value);
}

fn messages(text: &zhuchuang_core::Text) -> JsValue {
    let both = js_sys::Object::new();
    set(&both, "zh-CN", &text.zh.as_str().into());
    set(&both, "en", &text.en.as_str().into());
    both.into()
}

impl ApiError {
    /// Builds the JavaScript `Error`: `name` "ZhuchuangError", `message` in
    /// `lang`, `code`, `messages` (both languages) and, when there are any,
    /// `problems[{ path | fact, code, message, messages }]`.
    pub fn into_js(self, lang: Lang) -> JsValue {
        let text = crate::error::never_empty(self.code, self.text);
        let err = js_sys::Error::new(text.get(lang));
        err.set_name("ZhuchuangError");
        set(&err, "code", &self.code.into());
        set(&err, "messages", &messages(&text));
        if !self.problems.is_empty() {
            let list = js_sys::Array::new();
            for p in self.problems {
                let o: JsValue = js_sys::Object::new().into();
                set(&o, p.locus.key(), &p.at.into());
                set(&o, "code", &p.code.into());
                set(&o, "message", &p.message.get(lang).into());
                set(&o, "messages", &messages(&p.message));
                list.push(&o);
            }
            set(&err, "problems", &list);
        }
        err.into()
    }
}

/// A JavaScript argument as JSON (`undefined` and `null` are `null`).
pub fn json(value: &JsValue, name: &str) -> Result<Value, ApiError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        ApiError::argument(t!(
            "参数 {} 不是可用的 JSON 数据：{}",
            "The argument {} is not plain JSON data: {}";
            name, e.to_string()
        ))
    })
}

/// The options object's fields the API reads, each as given (a string, else its
/// JSON), without converting the whole object: unknown keys are never read.
/// Anything but a plain object is converted whole, for the error that names it.
pub fn options(value: &JsValue) -> Result<api::Options, ApiError> {
    if value.is_undefined() || value.is_null() {
        return Ok(api::Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Ok(api::Options::Whole(json(value, "options")?));
    }
    let field = |key: &str| -> Result<Option<api::Given>, ApiError> {
        let v = js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            Ok(None)
        } else if let Some(s) = v.as_string() {
            Ok(Some(api::Given::Text(s)))
        } else {
            Ok(Some(api::Given::Json(json(&v, "options")?)))
        }
    };
    Ok(api::Options::Fields {
        lang: field("lang")?,
        as_of: field("asOf")?,
        region: field("region")?,
        today: field("today")?,
        programs: field("programs")?,
    })
}

/// Serialises a core result as plain JavaScript objects (maps become objects,
/// dates and decimals stay strings), as every API function returns it: JSON
/// text, then one `JSON.parse` (results write cited parameters from cached
/// JSON text, which only a JSON serialiser can splice in).
pub fn output<T: Serialize>(value: &T) -> Result<JsValue, ApiError> {
    let failed = |e: String| {
        ApiError::new(
            "internal",
            t!("无法输出结果：{}", "Could not return the result: {}"; e),
        )
    };
    let text = serde_json::to_string(value).map_err(|e| failed(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| failed("JSON.parse".to_string()))
}

/// The language named in an options object, read before anything else so that
/// even errors about the other options come in the caller's language.
pub fn lang_of(options: &JsValue) -> Lang {
    if !options.is_object() {
        return Lang::default();
    }
    js_sys::Reflect::get(options, &"lang".into())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|s| Lang::parse(&s))
        .unwrap_or_default()
}

/// Today's date in the browser's (or Node's) local time zone. Only the binding
/// layer reads the clock; the core always takes the date as an input.
pub fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// Every exported function: its arguments (with their names) and options to
/// JSON, [`api::call`] on the page's packs, the result back to JavaScript, or the
/// error thrown in the language the options ask for.
pub fn call(
    name: &str,
    args: &[(&JsValue, &str)],
    options: Option<&JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.cloned().unwrap_or(JsValue::UNDEFINED);
    let lang = lang_of(&options);
    let answer = (|| {
        let options = self::options(&options)?;
        let args = args
            .iter()
            .map(|(v, n)| json(v, n))
            .collect::<Result<Vec<Value>, ApiError>>()?;
        let raw =
            crate::rules::with_packs(|set| api::call_with(set, name, &args, &options, today()))?;
        js_sys::JSON::parse(raw.get()).map_err(|_| {
            ApiError::new(
                "internal",
                t!("无法输出结果。", "Could not return the result."),
            )
        })
    })();
    answer.map_err(|e| e.into_js(lang))
}
