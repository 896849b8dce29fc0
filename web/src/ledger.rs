//! `checkLedger` and `ledgerColumns`: the ledger (台账) check (feature `ledger`).
//!
//! The pure-Rust entry points ([`check_ledger`], [`ledger_columns`]) take the
//! file as bytes, the mapping and the options as JSON; the wasm exports, the
//! golden tests and the `zhuchuang` CLI all go through them, so the annotated
//! files are byte for byte the same wherever the check runs. [`check_ledger_with`]
//! lets a host check the rows its own way (the CLI: rayon over rows) between
//! the shared steps.

use crate::api::{self, Json};
use crate::error::ApiError;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;
use zhuchuang_core::ledger::{self, LedgerError, LedgerOptions, Mapping, Prepared, RowCheck};
use zhuchuang_core::pack::PackSet;
use zhuchuang_core::{t, Lang};

impl From<LedgerError> for ApiError {
    fn from(e: LedgerError) -> ApiError {
        let mut err = ApiError::new(e.code, e.message);
        for (at, message) in e.problems {
            err.problems.push(crate::error::ApiProblem {
                locus: crate::error::Locus::Path,
                at: format!("mapping.{at}"),
                code: "badMapping".to_string(),
                message,
            });
        }
        err
    }
}

/// Which annotated files to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    Xlsx,
    Csv,
}

#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Outputs {
    formats: Option<Vec<OutputFormat>>,
}

/// A checked ledger: the report (JSON) and the annotated files asked for.
#[derive(Debug)]
pub struct LedgerOutput {
    pub report: Json,
    pub xlsx: Option<Vec<u8>>,
    pub csv: Option<Vec<u8>>,
}

struct Frame {
    lang: Lang,
    as_of: NaiveDate,
    region: String,
    ledger: LedgerOptions,
    formats: Vec<OutputFormat>,
}

fn frame(options: &Value, today: NaiveDate) -> Result<Frame, ApiError> {
    let o = api::Options::from_json(options).rule()?;
    let lang = api::parse_lang(o.lang.as_deref())?;
    let opts = if options.is_null() {
        Value::Object(Default::default())
    } else {
        options.clone()
    };
    let ledger: LedgerOptions = api::from_json(opts.clone(), "options")?;
    let outputs: Outputs = api::from_json(opts, "options")?;
    Ok(Frame {
        lang,
        as_of: o.as_of.unwrap_or(today),
        region: o
            .region
            .unwrap_or_else(|| zhuchuang_core::pack::NATIONAL.to_string()),
        ledger,
        formats: outputs
            .formats
            .unwrap_or_else(|| vec![OutputFormat::Xlsx, OutputFormat::Csv]),
    })
}

fn mapping(value: &Value) -> Result<Option<Mapping>, ApiError> {
    if value.is_null() {
        return Ok(None);
    }
    api::from_json(value.clone(), "mapping").map(Some)
}

/// `checkLedger(bytes, mapping, options)` on one thread, with `progress(done,
/// total)` told every 1000 rows (false cancels).
pub fn check_ledger(
    packs: &mut PackSet,
    bytes: &[u8],
    mapping: &Value,
    options: &Value,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<LedgerOutput, ApiError> {
    check_ledger_with(
        packs,
        bytes,
        mapping,
        options,
        today,
        |p| ledger::check_all(p, progress),
        &mut |_| {},
    )
}

/// [`check_ledger`] with the rows checked by `rows` (it must return
/// `ledger::check_row(p, i)` for every `i` in `p.data_rows()`, in order), and
/// `on_report` told the report as soon as it is made, before the annotated
/// files are written (the widget shows the result while they are made).
pub fn check_ledger_with(
    packs: &mut PackSet,
    bytes: &[u8],
    mapping: &Value,
    options: &Value,
    today: NaiveDate,
    rows: impl FnOnce(&Prepared<'_>) -> Result<Vec<RowCheck>, LedgerError>,
    on_report: &mut dyn FnMut(&Json),
) -> Result<LedgerOutput, ApiError> {
    let f = frame(options, today)?;
    let mapping = self::mapping(mapping)?;
    let rules = packs.rules(&f.region)?;
    let p = ledger::prepare(bytes, mapping.as_ref(), &f.ledger, &rules, f.as_of, f.lang)?;
    let mut checks = rows(&p)?;
    let report = out(&ledger::finish(&p, &mut checks))?;
    on_report(&report);
    let xlsx = if f.formats.contains(&OutputFormat::Xlsx) {
        Some(ledger::write::annotated_xlsx(&p, &checks)?)
    } else {
        None
    };
    let csv = f
        .formats
        .contains(&OutputFormat::Csv)
        .then(|| ledger::write::annotated_csv(&p, &checks));
    Ok(LedgerOutput { report, xlsx, csv })
}

fn out<T: serde::Serialize>(value: &T) -> Result<Json, ApiError> {
    serde_json::value::to_raw_value(value).map_err(|e| {
        ApiError::new(
            "internal",
            t!("无法输出结果：{}", "Could not return the result: {}"; e.to_string()),
        )
    })
}

/// `ledgerColumns(bytes, options)`: the header found and the suggested mapping.
pub fn ledger_columns(
    packs: &mut PackSet,
    bytes: &[u8],
    options: &Value,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = frame(options, today)?;
    let rules = packs.rules(&f.region)?;
    let c = ledger::columns(bytes, &f.ledger, &rules, f.as_of, f.lang)?;
    out(&c)
}

/// The file argument of the JSON API (`api::call`): a base64 string or an
/// array of byte values.
pub fn bytes_arg(value: &Value) -> Result<Vec<u8>, ApiError> {
    use base64::Engine;
    let bad = || {
        ApiError::new(
            "invalidArgument",
            t!(
                "bytes 应为文件内容（base64 文本或字节数组）。",
                "bytes must be the file's content (base64 text or an array of bytes)."
            ),
        )
    };
    match value {
        Value::String(s) => base64::engine::general_purpose::STANDARD
            .decode(s.as_bytes())
            .map_err(|_| bad()),
        Value::Array(a) => a
            .iter()
            .map(|v| {
                v.as_u64()
                    .filter(|n| *n < 256)
                    .map(|n| n as u8)
                    .ok_or_else(bad)
            })
            .collect(),
        _ => Err(bad()),
    }
}

/// The ledger functions through the JSON API (`api::call`, the golden runner):
/// `checkLedger(bytes, mapping, options)` gives the report (the annotated files
/// only through [`check_ledger`] and the wasm export), `ledgerColumns(bytes,
/// options)` the columns; `bytes` as base64 text or an array of bytes. `None`
/// for any other name.
pub fn call(
    packs: &mut PackSet,
    name: &str,
    args: &[Value],
    options: &Value,
    today: NaiveDate,
) -> Option<Result<Json, ApiError>> {
    let arg = |i: usize| args.get(i).unwrap_or(&Value::Null);
    match name {
        "checkLedger" => Some((|| {
            let bytes = bytes_arg(arg(0))?;
            let mut opts = if options.is_object() {
                options.clone()
            } else {
                Value::Object(Default::default())
            };
            opts["formats"] = Value::Array(Vec::new());
            check_ledger(packs, &bytes, arg(1), &opts, today, &mut |_, _| true).map(|o| o.report)
        })()),
        "ledgerColumns" => {
            Some(bytes_arg(arg(0)).and_then(|b| ledger_columns(packs, &b, options, today)))
        }
        _ => None,
    }
}

/// The ledger functions' JavaScript names.
pub const FUNCTIONS: &[&str] = &["checkLedger", "ledgerColumns"];

#[cfg(feature = "exports")]
mod exports {
    use super::*;
    use crate::convert::{lang_of, today};
    use wasm_bindgen::prelude::*;

    fn options_json(options: &JsValue) -> Result<Value, ApiError> {
        if options.is_undefined() || options.is_null() {
            return Ok(Value::Null);
        }
        // JSON.stringify leaves the callbacks (onProgress) out.
        let text = js_sys::JSON::stringify(options)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        serde_json::from_str(&text).map_err(|_| {
            ApiError::new(
                "invalidArgument",
                t!("options 应为对象。", "options must be an object."),
            )
        })
    }

    fn js_mapping(mapping: &JsValue) -> Result<Value, ApiError> {
        if mapping.is_undefined() || mapping.is_null() {
            return Ok(Value::Null);
        }
        crate::convert::json(mapping, "mapping")
    }

    fn set(target: &JsValue, key: &str, value: &JsValue) {
        let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
    }

    /// The whole ledger checked: the report (summary, problem rows, mapping,
    /// sources) with the annotated files as `xlsx` and `csv` (`Uint8Array`).
    /// `options.onProgress(done, total)` is called every 1000 rows; returning
    /// `false` cancels (a `ZhuchuangError` with code `cancelled`).
    #[wasm_bindgen(js_name = checkLedger, skip_typescript)]
    pub fn check_ledger_js(
        bytes: &[u8],
        mapping: JsValue,
        options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let options = options.unwrap_or(JsValue::UNDEFINED);
        let lang = lang_of(&options);
        let progress_fn = if options.is_object() {
            js_sys::Reflect::get(&options, &"onProgress".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        } else {
            None
        };
        let answer = (|| {
            let o = options_json(&options)?;
            let m = js_mapping(&mapping)?;
            let mut progress = |done: usize, total: usize| match &progress_fn {
                Some(f) => !matches!(
                    f.call2(&JsValue::NULL, &(done as f64).into(), &(total as f64).into()),
                    Ok(v) if v == JsValue::FALSE
                ),
                None => true,
            };
            let out = crate::rules::with_packs(|set| {
                check_ledger(set, bytes, &m, &o, today(), &mut progress)
            })?;
            let report = js_sys::JSON::parse(out.report.get()).map_err(|_| {
                ApiError::new(
                    "internal",
                    t!("无法输出结果。", "Could not return the result."),
                )
            })?;
            if let Some(x) = out.xlsx {
                set(
                    &report,
                    "xlsx",
                    &js_sys::Uint8Array::from(x.as_slice()).into(),
                );
            }
            if let Some(c) = out.csv {
                set(
                    &report,
                    "csv",
                    &js_sys::Uint8Array::from(c.as_slice()).into(),
                );
            }
            Ok::<JsValue, ApiError>(report)
        })();
        answer.map_err(|e| e.into_js(lang))
    }

    /// The file's header row, its columns and the suggested mapping, for a
    /// mapping editor, without checking rows.
    #[wasm_bindgen(js_name = ledgerColumns, skip_typescript)]
    pub fn ledger_columns_js(bytes: &[u8], options: Option<JsValue>) -> Result<JsValue, JsValue> {
        let options = options.unwrap_or(JsValue::UNDEFINED);
        let lang = lang_of(&options);
        let answer = (|| {
            let o = options_json(&options)?;
            let raw = crate::rules::with_packs(|set| ledger_columns(set, bytes, &o, today()))?;
            js_sys::JSON::parse(raw.get()).map_err(|_| {
                ApiError::new(
                    "internal",
                    t!("无法输出结果。", "Could not return the result."),
                )
            })
        })();
        answer.map_err(|e| e.into_js(lang))
    }
}
