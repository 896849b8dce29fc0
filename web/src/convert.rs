//! Crossing the JavaScript boundary: arguments in, results out, errors thrown.
//!
//! Every exported function parses its arguments here, so a wrong type anywhere
//! becomes one clear, bilingual `Error` with a `code` and the path of the bad
//! field (`options.today: …`), never a panic.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use zhuchuang_core::{Lang, Text};

/// An error thrown to JavaScript: an `Error` whose `message` is in the caller's
/// language, with `code` (stable, machine-readable) and `messages` (both languages).
pub struct ApiError {
    pub code: &'static str,
    pub text: Text,
    /// Every problem behind the error: (`path` or `fact` key, where, code, message).
    pub problems: Vec<(&'static str, String, String, Text)>,
}

impl ApiError {
    pub fn new(code: &'static str, text: Text) -> ApiError {
        ApiError {
            code,
            text,
            problems: Vec::new(),
        }
    }

    /// Attaches a pack's problems (thrown as `error.problems[{ path, code, message }]`).
    pub fn with_problems(mut self, problems: Vec<zhuchuang_core::pack::PackProblem>) -> ApiError {
        self.problems = problems
            .into_iter()
            .map(|p| ("path", p.path, p.code, p.message))
            .collect();
        self
    }

    /// An error made of facts' problems: the message joins them all, and
    /// `error.problems` lists each one.
    pub fn facts(
        code: &'static str,
        problems: Vec<zhuchuang_core::facts::FactProblem>,
    ) -> ApiError {
        let zh: Vec<&str> = problems.iter().map(|p| p.message.zh.as_str()).collect();
        let en: Vec<&str> = problems.iter().map(|p| p.message.en.as_str()).collect();
        ApiError::new(code, Text::new(zh.join(" "), en.join(" "))).with_fact_problems(problems)
    }

    /// Attaches facts' problems (thrown as `error.problems[{ fact, code, message }]`).
    pub fn with_fact_problems(
        mut self,
        problems: Vec<zhuchuang_core::facts::FactProblem>,
    ) -> ApiError {
        self.problems = problems
            .into_iter()
            .map(|p| ("fact", p.fact, p.code, p.message))
            .collect();
        self
    }

    /// Builds the JavaScript `Error`.
    pub fn into_js(self, lang: Lang) -> JsValue {
        let err = js_sys::Error::new(self.text.get(lang));
        err.set_name("ZhuchuangError");
        let _ = js_sys::Reflect::set(&err, &"code".into(), &self.code.into());
        let messages = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&messages, &"zh-CN".into(), &self.text.zh.as_str().into());
        let _ = js_sys::Reflect::set(&messages, &"en".into(), &self.text.en.as_str().into());
        let _ = js_sys::Reflect::set(&err, &"messages".into(), &messages);
        if !self.problems.is_empty() {
            let list = js_sys::Array::new();
            for (key, at, code, text) in self.problems {
                let o = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&o, &key.into(), &at.into());
                let _ = js_sys::Reflect::set(&o, &"code".into(), &code.into());
                let _ = js_sys::Reflect::set(&o, &"message".into(), &text.get(lang).into());
                let both = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&both, &"zh-CN".into(), &text.zh.as_str().into());
                let _ = js_sys::Reflect::set(&both, &"en".into(), &text.en.as_str().into());
                let _ = js_sys::Reflect::set(&o, &"messages".into(), &both);
                list.push(&o);
            }
            let _ = js_sys::Reflect::set(&err, &"problems".into(), &list);
        }
        err.into()
    }
}

/// Reads an optional argument (`undefined` and `null` give `T::default()`) into a
/// core input type, naming the path of the first field that does not fit.
pub fn arg<T: DeserializeOwned + Default>(value: &JsValue, name: &str) -> Result<T, ApiError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    required(value, name)
}

/// Reads a required argument into a core input type.
pub fn required<T: DeserializeOwned>(value: &JsValue, name: &str) -> Result<T, ApiError> {
    if value.is_undefined() || value.is_null() {
        return Err(ApiError::new(
            "missingArgument",
            Text::new(
                format!("缺少参数 {name}。"),
                format!("The argument {name} is missing."),
            ),
        ));
    }
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        ApiError::new(
            "invalidArgument",
            Text::new(
                format!("参数 {name} 不是可用的 JSON 数据：{e}"),
                format!("The argument {name} is not plain JSON data: {e}"),
            ),
        )
    })?;
    from_json(json, name)
}

/// Deserialises JSON into `T`, reporting the path of the field that does not fit.
pub fn from_json<T: DeserializeOwned>(json: serde_json::Value, name: &str) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(json).map_err(|e| {
        let path = e.path().to_string();
        let at = if path == "." || path.is_empty() {
            name.to_string()
        } else {
            format!("{name}.{path}")
        };
        let inner = e.into_inner();
        ApiError::new(
            "invalidArgument",
            Text::new(
                format!("参数 {at} 有误：{inner}"),
                format!("Invalid argument {at}: {inner}"),
            ),
        )
    })
}

/// Reads a string argument.
pub fn string(value: &JsValue, name: &str) -> Result<String, ApiError> {
    value.as_string().ok_or_else(|| {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        ApiError::new(
            "invalidArgument",
            Text::new(
                format!("参数 {name} 应为字符串，实际是 {kind}。"),
                format!("The argument {name} must be a string, not {kind}."),
            ),
        )
    })
}

/// Serialises a core result as plain JavaScript objects (maps become objects,
/// dates and decimals stay strings).
pub fn output<T: Serialize>(value: &T) -> Result<JsValue, ApiError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| {
        ApiError::new(
            "internal",
            Text::new(
                format!("无法输出结果：{e}"),
                format!("Could not return the result: {e}"),
            ),
        )
    })
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

/// Parses a language option: `"zh-CN"` (default) or `"en"`, loosely.
pub fn parse_lang(tag: Option<&str>) -> Result<Lang, ApiError> {
    match tag {
        None => Ok(Lang::default()),
        Some(t) => Lang::parse(t).ok_or_else(|| {
            ApiError::new(
                "invalidArgument",
                Text::new(
                    format!("options.lang 只支持 \"zh-CN\" 或 \"en\"，收到 \"{t}\"。"),
                    format!("options.lang must be \"zh-CN\" or \"en\", not \"{t}\"."),
                ),
            )
        }),
    }
}

/// Today's date in the browser's (or Node's) local time zone. Only the binding
/// layer reads the clock; the core always takes the date as an input.
pub fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// Runs an API body, turning an [`ApiError`] into a thrown JavaScript `Error`.
pub fn run<F>(lang: Lang, body: F) -> Result<JsValue, JsValue>
where
    F: FnOnce() -> Result<JsValue, ApiError>,
{
    body().map_err(|e| e.into_js(lang))
}
