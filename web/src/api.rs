//! The API as pure Rust: [`call`] takes a function's name, its arguments and
//! options as JSON, and returns its result as JSON or an [`ApiError`]. Every
//! argument is read here (a bad field is named by its path, `input.track`), and
//! every core error is converted here (`crate::error`), so the wasm exports, the
//! golden runner and any other host give the same answers and the same errors.
//! Nothing here knows of JavaScript; `convert` carries values across.

use crate::error::ApiError;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use zhuchuang_core::eligibility;
use zhuchuang_core::facts::{Facts, Question};
use zhuchuang_core::ids::{IdKind, IdOptions};
use zhuchuang_core::pack::{PackSet, ParamRef, Rules, NATIONAL};
use zhuchuang_core::{materials, screening, t, Lang, Text};

/// A result as JSON text, its fields in the order the Rust types declare them.
pub type Json = Box<RawValue>;

/// Every function of the API, by its JavaScript name.
pub const FUNCTIONS: &[&str] = &[
    "validateId",
    "validateIds",
    "isValidId",
    "validateForm",
    "kitInfo",
    "loadPack",
    "unloadPack",
    "resetPacks",
    "packInfo",
    "getParameter",
    "listParameters",
    "statutoryRetirement",
    "listPrograms",
    "checkEligibility",
    "findPrograms",
    "assistancePlan",
    "checkMaterials",
    "listApplications",
    "checkApplication",
    "listForms",
    "subsidyPlan",
    "subsidyPlanCsv",
    "loanQuote",
    "screeningQuestions",
    "screenProject",
];

/// Options of the identity functions (`validateId`, `validateIds`, `isValidId`, `validateForm`). Unknown keys
/// are ignored, so one options object can serve every call.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct IdCallOptions {
    #[cfg_attr(feature = "schema", schemars(with = "Option<Lang>"))]
    pub lang: Option<String>,
    /// The date a birth date may not be after; default: today on this device.
    /// Read as people type dates (1978-03-10, 1978/03/10, 19780310, 1978年3月10日).
    #[serde(deserialize_with = "zhuchuang_core::dates::serde_loose::option_date")]
    pub today: Option<NaiveDate>,
}

/// Options of every rule-based function. Unknown keys are ignored.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct RuleOptions {
    #[cfg_attr(feature = "schema", schemars(with = "Option<Lang>"))]
    pub lang: Option<String>,
    /// The date the rules are applied for; default: today on this device.
    /// Read as people type dates (1978-03-10, 1978/03/10, 19780310, 1978年3月10日).
    #[serde(deserialize_with = "zhuchuang_core::dates::serde_loose::option_date")]
    pub as_of: Option<NaiveDate>,
    /// GB/T 2260 region code; default "000000" (national).
    pub region: Option<String>,
}

/// Options that only choose the language of messages.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct LangOptions {
    #[cfg_attr(feature = "schema", schemars(with = "Option<Lang>"))]
    pub lang: Option<String>,
}

/// One option as given: a string (the usual case), or any other JSON value,
/// checked only by the functions that read it.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    Text(String),
    Json(Value),
}

/// The options of a call as given, without a generic JSON value: the fields
/// the API reads (`lang`, `asOf`, `region`, `today`), each checked only by the
/// functions that use it, so unknown keys are ignored and one options object
/// can serve every call. Anything but an object is kept whole, for the error
/// that names it.
#[derive(Clone, Debug, PartialEq)]
pub enum Options {
    Fields {
        lang: Option<Given>,
        as_of: Option<Given>,
        region: Option<Given>,
        today: Option<Given>,
        /// `findPrograms`' subset of programs (read by it alone).
        programs: Option<Given>,
    },
    Whole(Value),
}

impl Default for Options {
    fn default() -> Options {
        Options::Fields {
            lang: None,
            as_of: None,
            region: None,
            today: None,
            programs: None,
        }
    }
}

impl Options {
    /// Options given as JSON (`null` is none).
    pub fn from_json(value: &Value) -> Options {
        match value {
            Value::Null => Options::default(),
            Value::Object(map) => {
                let field = |key: &str| match map.get(key) {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) => Some(Given::Text(s.clone())),
                    Some(v) => Some(Given::Json(v.clone())),
                };
                Options::Fields {
                    lang: field("lang"),
                    as_of: field("asOf"),
                    region: field("region"),
                    today: field("today"),
                    programs: field("programs"),
                }
            }
            v => Options::Whole(v.clone()),
        }
    }

    /// The fields as given, by key, in the order a JSON object's keys are read.
    fn fields(&self) -> Option<[(&'static str, Option<&Given>); 4]> {
        match self {
            Options::Fields {
                lang,
                as_of,
                region,
                today,
                ..
            } => Some([
                ("asOf", as_of.as_ref()),
                ("lang", lang.as_ref()),
                ("region", region.as_ref()),
                ("today", today.as_ref()),
            ]),
            Options::Whole(_) => None,
        }
    }

    /// The options as one JSON object (or the value given), for the
    /// deserialiser's own reading and errors when a field is not a string.
    fn to_json(&self) -> Value {
        match (self, self.fields()) {
            (_, Some(fields)) => Value::Object(
                fields
                    .into_iter()
                    .filter_map(|(k, v)| {
                        v.map(|v| {
                            let v = match v {
                                Given::Text(s) => Value::String(s.clone()),
                                Given::Json(v) => v.clone(),
                            };
                            (k.to_string(), v)
                        })
                    })
                    .collect(),
            ),
            (Options::Whole(v), None) => v.clone(),
            (Options::Fields { .. }, None) => Value::Null,
        }
    }

    /// The fields when every one given is a string (else `None`: then the
    /// deserialiser reads them, with its errors).
    fn texts(&self) -> Option<[Option<&str>; 4]> {
        let fields = self.fields()?;
        let mut out = [None; 4];
        for (i, (_, v)) in fields.iter().enumerate() {
            out[i] = match v {
                None => None,
                Some(Given::Text(s)) => Some(s.as_str()),
                Some(Given::Json(_)) => return None,
            };
        }
        Some(out)
    }

    /// The language named, read loosely (for the language of errors).
    pub fn lang(&self) -> Lang {
        match self {
            Options::Fields {
                lang: Some(Given::Text(s)),
                ..
            } => Lang::parse(s).unwrap_or_default(),
            _ => Lang::default(),
        }
    }

    /// The options of a rule-based function.
    pub fn rule(&self) -> Result<RuleOptions, ApiError> {
        match self.texts() {
            Some([as_of, lang, region, _]) => Ok(RuleOptions {
                lang: lang.map(str::to_string),
                as_of: loose_date(as_of, "options.asOf")?,
                region: region.map(str::to_string),
            }),
            None => optional(&self.to_json(), "options"),
        }
    }

    /// `options.programs`: the programs `findPrograms` is limited to (an
    /// array of program ids, or one string of ids separated by spaces or
    /// commas), `None` for all.
    pub fn programs(&self) -> Result<Option<Vec<String>>, ApiError> {
        let given = match self {
            Options::Fields { programs, .. } => programs.as_ref(),
            Options::Whole(_) => None,
        };
        let bad = || {
            ApiError::argument(t!(
                "options.programs 应为政策编号的数组，例如 [\"loanIndividual\"]。",
                "options.programs must be an array of program ids, such as [\"loanIndividual\"].",
            ))
        };
        match given {
            None => Ok(None),
            Some(Given::Text(s)) => Ok(Some(
                s.split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect(),
            )),
            Some(Given::Json(Value::Array(items))) => items
                .iter()
                .map(|v| v.as_str().map(str::to_string).ok_or_else(bad))
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(Given::Json(_)) => Err(bad()),
        }
    }

    /// The options of an identity function.
    pub fn id(&self) -> Result<IdCallOptions, ApiError> {
        match self.texts() {
            Some([_, lang, _, today]) => Ok(IdCallOptions {
                lang: lang.map(str::to_string),
                today: loose_date(today, "options.today")?,
            }),
            None => optional(&self.to_json(), "options"),
        }
    }
}

/// A date option given as a string, read as people type dates, with the
/// error `from_json` gives for it.
fn loose_date(text: Option<&str>, at: &str) -> Result<Option<NaiveDate>, ApiError> {
    let Some(text) = text else {
        return Ok(None);
    };
    zhuchuang_core::dates::read_date_value(&Value::String(text.to_string()))
        .map(Some)
        .map_err(|e| invalid_at(at, e.message(None).to_string()))
}

/// `Invalid argument {at}: {inner}`, a date's message in its own two languages.
fn invalid_at(at: &str, inner: String) -> ApiError {
    let inner = zhuchuang_core::dates::serde_loose::split_message(&inner)
        .unwrap_or_else(|| Text::new(inner.clone(), inner));
    ApiError::argument(t!(
        "参数 {} 有误：{}",
        "Invalid argument {}: {}";
        at, inner
    ))
}

/// The kit's version and the national pack in force.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct KitInfo {
    pub version: String,
    /// The national pack in force (embedded, or a replacement loaded with loadPack).
    pub national_pack: zhuchuang_core::pack::PackRef,
    /// What each parameter `status` means, in both languages (the wording results
    /// and the parameters page use).
    pub statuses: Vec<StatusLabel>,
}

/// A parameter status and its wording.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StatusLabel {
    pub status: zhuchuang_core::pack::Status,
    pub label: Text,
}

/// The packs in force for a region.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PackInfo {
    pub region: String,
    pub pack: zhuchuang_core::pack::PackStamp,
    pub titles: Vec<String>,
    /// Regions with a loaded overlay.
    pub loaded: Vec<String>,
}

/// A parameter with its value in force (if any).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ParameterListing {
    pub key: String,
    pub label: String,
    pub unit: zhuchuang_core::pack::Unit,
    pub scope: zhuchuang_core::pack::Scope,
    /// The value in force, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<ParamRef>,
}

/// An application type with the questions that tailor its checklist.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ApplicationInfo {
    pub id: String,
    pub title: String,
    pub applicant: zhuchuang_core::pack::Applicant,
    /// The questions whose answers change this checklist.
    pub questions: Vec<Question>,
}

/// The language named in an options object, read loosely before anything else so
/// that even errors about the other options come in the caller's language.
pub fn lang_of(options: &Value) -> Lang {
    options
        .get("lang")
        .and_then(Value::as_str)
        .and_then(Lang::parse)
        .unwrap_or_default()
}

/// Parses a language option: `"zh-CN"` (default) or `"en"`, loosely.
pub fn parse_lang(tag: Option<&str>) -> Result<Lang, ApiError> {
    match tag {
        None => Ok(Lang::default()),
        Some(tag) => Lang::parse(tag).ok_or_else(|| {
            ApiError::argument(t!(
                "options.lang 只支持 \"zh-CN\" 或 \"en\"，收到 \"{}\"。",
                "options.lang must be \"zh-CN\" or \"en\", not \"{}\".";
                tag
            ))
        }),
    }
}

/// Deserialises JSON into `T`, naming the path of the field that does not fit.
pub fn from_json<T: DeserializeOwned>(json: Value, name: &str) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(json).map_err(|e| {
        let path = e.path().to_string();
        let at = if path == "." || path.is_empty() {
            name.to_string()
        } else {
            format!("{name}.{path}")
        };
        // A date the core could not read explains itself in both languages.
        invalid_at(&at, e.into_inner().to_string())
    })
}

/// A required argument (`null` or absent is `missingArgument`) as a core input type.
pub fn required<T: DeserializeOwned>(value: &Value, name: &str) -> Result<T, ApiError> {
    if value.is_null() {
        return Err(ApiError::new(
            "missingArgument",
            t!("缺少参数 {}。", "The argument {} is missing."; name),
        ));
    }
    from_json(value.clone(), name)
}

/// An optional argument: `null` or absent gives `T::default()`.
pub fn optional<T: DeserializeOwned + Default>(value: &Value, name: &str) -> Result<T, ApiError> {
    if value.is_null() {
        return Ok(T::default());
    }
    from_json(value.clone(), name)
}

/// What JSON value `v` is, in the words of JavaScript's `typeof`.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "undefined",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) | Value::Object(_) => "object",
    }
}

/// A string argument.
pub fn string<'a>(value: &'a Value, name: &str) -> Result<&'a str, ApiError> {
    value.as_str().ok_or_else(|| {
        ApiError::argument(t!(
            "参数 {} 应为字符串，实际是 {}。",
            "The argument {} must be a string, not {}.";
            name, kind_of(value)
        ))
    })
}

/// Answers (`facts`, `answers`): any JSON, absent meaning none yet.
fn answers(value: &Value, name: &str) -> Result<Value, ApiError> {
    if value.is_null() {
        Ok(Value::Object(Default::default()))
    } else {
        required(value, name)
    }
}

fn out<T: Serialize + ?Sized>(value: &T) -> Result<Json, ApiError> {
    Ok(serde_json::value::to_raw_value(value)?)
}

/// The options of a rule-based call, read.
struct Frame {
    lang: Lang,
    as_of: NaiveDate,
    region: String,
}

impl Frame {
    fn read(options: &Options, today: NaiveDate) -> Result<Frame, ApiError> {
        let o = options.rule()?;
        Ok(Frame {
            lang: parse_lang(o.lang.as_deref())?,
            as_of: o.as_of.unwrap_or(today),
            region: o.region.unwrap_or_else(|| NATIONAL.to_string()),
        })
    }

    fn rules<'a>(&self, packs: &'a PackSet) -> Result<Rules<'a>, ApiError> {
        Ok(packs.rules(&self.region)?)
    }
}

fn id_options(options: &Options, today: NaiveDate) -> Result<IdOptions, ApiError> {
    let o = options.id()?;
    Ok(IdOptions {
        lang: parse_lang(o.lang.as_deref())?,
        today: Some(o.today.unwrap_or(today)),
    })
}

/// Reads an ID kind (`"residentId"`, …), naming the kinds there are when it is
/// none of them.
pub fn id_kind(value: &Value) -> Result<IdKind, ApiError> {
    parse_id_kind(string(value, "kind")?)
}

/// Parses an ID kind's name, naming the kinds there are when it is none of them.
pub fn parse_id_kind(name: &str) -> Result<IdKind, ApiError> {
    IdKind::parse(name).ok_or_else(|| {
        let all: Vec<&str> = IdKind::ALL.iter().map(|k| k.as_str()).collect();
        ApiError::new(
            "unknownKind",
            t!(
                "不支持的证件类型 \"{}\"，可用：{}。",
                "Unknown kind \"{}\"; use one of {}.";
                name, Text::new(all.join("、"), all.join(", "))
            ),
        )
    })
}

/// `validateIds` on values that arrive as one JSON array text (the wasm export's
/// fast path: one string across the boundary instead of one value per number).
/// `None` when the text is not an array of strings: then [`call`] gives the error.
pub fn validate_ids_text(
    kind: IdKind,
    values: &str,
    options: &Value,
    today: NaiveDate,
) -> Option<Result<String, ApiError>> {
    let values: Vec<String> = serde_json::from_str(values).ok()?;
    Some(
        id_options(&Options::from_json(options), today).and_then(|options| {
            let briefs = zhuchuang_core::ids::validate_ids(kind, &values, &options);
            serde_json::to_string(&briefs).map_err(|_| {
                ApiError::new(
                    "internal",
                    t!("无法输出结果。", "Could not return the result."),
                )
            })
        }),
    )
}

/// Calls the API function `name` (its JavaScript name) with `args` (missing
/// ones are `null`) and `options`, on the pack set `packs`. `today` is the date
/// options default to (the device's date; only the host reads the clock).
pub fn call(
    packs: &mut PackSet,
    name: &str,
    args: &[Value],
    options: &Value,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    // The ledger functions read options of their own (kind, check, program).
    #[cfg(feature = "ledger")]
    if let Some(answer) = crate::ledger::call(packs, name, args, options, today) {
        return answer;
    }
    call_with(packs, name, args, &Options::from_json(options), today)
}

/// [`call`] with the options already taken apart ([`Options`]), as the wasm
/// exports read them from the JavaScript object.
pub fn call_with(
    packs: &mut PackSet,
    name: &str,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    match name {
        "validateId" => call_validate_id(packs, args, options, today),
        "validateIds" => call_validate_ids(packs, args, options, today),
        "isValidId" => call_is_valid_id(packs, args, options, today),
        "validateForm" => call_validate_form(packs, args, options, today),
        "kitInfo" => call_kit_info(packs, args, options, today),
        "loadPack" => call_load_pack(packs, args, options, today),
        "unloadPack" => call_unload_pack(packs, args, options, today),
        "resetPacks" => call_reset_packs(packs, args, options, today),
        "packInfo" => call_pack_info(packs, args, options, today),
        "getParameter" => call_get_parameter(packs, args, options, today),
        "listParameters" => call_list_parameters(packs, args, options, today),
        "statutoryRetirement" => call_statutory_retirement(packs, args, options, today),
        "listPrograms" => call_list_programs(packs, args, options, today),
        "checkEligibility" => call_check_eligibility(packs, args, options, today),
        "findPrograms" => call_find_programs(packs, args, options, today),
        "assistancePlan" => call_assistance_plan(packs, args, options, today),
        "checkMaterials" => call_check_materials(packs, args, options, today),
        "listApplications" => call_list_applications(packs, args, options, today),
        "checkApplication" => call_check_application(packs, args, options, today),
        "listForms" => call_list_forms(packs, args, options, today),
        "subsidyPlan" | "subsidyPlanCsv" => call_subsidy_plan(packs, name, args, options, today),
        "loanQuote" => call_loan_quote(packs, args, options, today),
        "screeningQuestions" => call_screening_questions(packs, args, options, today),
        "screenProject" => call_screen_project(packs, args, options, today),
        other => Err(ApiError::new(
            "unknownFunction",
            t!(
                "没有名为 \"{}\" 的函数，可用：{}。",
                "There is no function \"{}\"; use one of {}.";
                other, Text::new(FUNCTIONS.join("、"), FUNCTIONS.join(", "))
            ),
        )),
    }
}

// One function per entry point, never inlined into `call_with`: a JavaScript
// engine compiles wasm functions lazily, so the first call compiles only its own
// entry (issue 09: the first rule call after load).

/// The `i`th argument, `null` when the caller gave fewer.
fn arg(args: &[Value], i: usize) -> &Value {
    args.get(i).unwrap_or(&Value::Null)
}

#[inline(never)]
fn call_validate_id(
    _packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let kind = id_kind(arg(args, 0))?;
    let value = string(arg(args, 1), "value")?;
    let options = id_options(options, today)?;
    out(&zhuchuang_core::ids::validate_id(kind, value, &options))
}

#[inline(never)]
fn call_validate_ids(
    _packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let kind = id_kind(arg(args, 0))?;
    let values: Vec<String> = required(arg(args, 1), "values")?;
    let options = id_options(options, today)?;
    out(&zhuchuang_core::ids::validate_ids(kind, &values, &options))
}

#[inline(never)]
fn call_is_valid_id(
    _packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let kind = id_kind(arg(args, 0))?;
    let value = string(arg(args, 1), "value")?;
    let options = id_options(options, today)?;
    out(&zhuchuang_core::ids::is_valid_id(kind, value, &options))
}

#[inline(never)]
fn call_validate_form(
    _packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let form: zhuchuang_core::forms::ApplicantForm = required(arg(args, 0), "form")?;
    let options = id_options(options, today)?;
    out(&zhuchuang_core::forms::validate_form(&form, &options))
}

#[inline(never)]
fn call_kit_info(
    packs: &mut PackSet,
    _args: &[Value],
    _options: &Options,
    _today: NaiveDate,
) -> Result<Json, ApiError> {
    out(&KitInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        national_pack: packs.national().reference(),
        statuses: zhuchuang_core::pack::Status::ALL
            .iter()
            .map(|&status| StatusLabel {
                status,
                label: status.label(),
            })
            .collect(),
    })
}

#[inline(never)]
fn call_load_pack(
    packs: &mut PackSet,
    args: &[Value],
    _options: &Options,
    _today: NaiveDate,
) -> Result<Json, ApiError> {
    let text = match arg(args, 0) {
        Value::String(s) => s.clone(),
        v => required::<Value>(v, "pack")?.to_string(),
    };
    out(&packs.load(&text)?)
}

#[inline(never)]
fn call_unload_pack(
    packs: &mut PackSet,
    args: &[Value],
    _options: &Options,
    _today: NaiveDate,
) -> Result<Json, ApiError> {
    let region = string(arg(args, 0), "region")?;
    out(&packs.unload(region))
}

#[inline(never)]
fn call_reset_packs(
    packs: &mut PackSet,
    _args: &[Value],
    _options: &Options,
    _today: NaiveDate,
) -> Result<Json, ApiError> {
    *packs = PackSet::embedded().map_err(|e| ApiError::pack(e, "internal"))?;
    out(&())
}

#[inline(never)]
fn call_pack_info(
    packs: &mut PackSet,
    _args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let rules = f.rules(packs)?;
    let stamp = rules.stamp();
    let all: Vec<&zhuchuang_core::pack::Pack> = std::iter::once(packs.national())
        .chain(packs.overlays())
        .collect();
    let titles = stamp
        .packs
        .iter()
        .filter_map(|r| {
            all.iter()
                .find(|p| p.meta.id == r.id)
                .map(|p| p.meta.title.get(f.lang).to_string())
        })
        .collect();
    out(&PackInfo {
        region: rules.region().to_string(),
        pack: stamp,
        titles,
        loaded: packs.overlays().map(|p| p.meta.region.clone()).collect(),
    })
}

#[inline(never)]
fn call_get_parameter(
    packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let key = string(arg(args, 0), "key")?;
    let rules = f.rules(packs)?;
    out(&rules.lookup(key, f.as_of)?.to_ref(f.lang))
}

#[inline(never)]
fn call_list_parameters(
    packs: &mut PackSet,
    _args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let rules = f.rules(packs)?;
    let list: Vec<ParameterListing> = packs
        .national()
        .params
        .iter()
        .map(|(key, p)| ParameterListing {
            key: key.clone(),
            label: p
                .label
                .as_ref()
                .map(|l| l.get(f.lang).to_string())
                .unwrap_or_default(),
            unit: p.unit,
            scope: p.scope,
            current: rules.lookup(key, f.as_of).ok().map(|r| r.to_ref(f.lang)),
        })
        .collect();
    out(&list)
}

#[inline(never)]
fn call_statutory_retirement(
    packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let q: zhuchuang_core::retirement::RetirementQuery = required(arg(args, 0), "input")?;
    let rules = f.rules(packs)?;
    out(&zhuchuang_core::retirement::statutory_retirement(
        &q, &rules, f.as_of, f.lang,
    )?)
}

#[inline(never)]
fn call_list_programs(
    packs: &mut PackSet,
    _args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let rules = f.rules(packs)?;
    out(&eligibility::list(&rules, f.as_of, f.lang))
}

#[inline(never)]
fn call_check_eligibility(
    packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let program = string(arg(args, 0), "program")?;
    let facts = answers(arg(args, 1), "facts")?;
    let rules = f.rules(packs)?;
    out(&eligibility::check(
        program, &facts, &rules, f.as_of, f.lang,
    )?)
}

#[inline(never)]
fn call_find_programs(
    packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let facts = answers(arg(args, 0), "facts")?;
    let programs = options.programs()?;
    let rules = f.rules(packs)?;
    out(&zhuchuang_core::finder::find_programs(
        &facts,
        &rules,
        f.as_of,
        f.lang,
        programs.as_deref(),
    )?)
}

#[inline(never)]
fn call_assistance_plan(
    packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    use zhuchuang_core::eligibility::assistance::{plan, AssistanceInput};
    let f = Frame::read(options, today)?;
    let input: AssistanceInput = required(arg(args, 0), "input")?;
    let rules = f.rules(packs)?;
    out(&plan(&input, &rules, f.as_of, f.lang)?)
}

#[inline(never)]
fn call_check_materials(
    packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let app = string(arg(args, 0), "applicationType")?;
    let facts = answers(arg(args, 1), "facts")?;
    let provided: Option<Value> = match arg(args, 2) {
        Value::Null => None,
        v => Some(required(v, "provided")?),
    };
    let rules = f.rules(packs)?;
    out(&materials::check_materials(
        app,
        &facts,
        provided.as_ref(),
        &rules,
        f.as_of,
        f.lang,
    )?)
}

#[inline(never)]
fn call_list_applications(
    packs: &mut PackSet,
    _args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let rules = f.rules(packs)?;
    let defs = materials::fact_defs(&rules, f.as_of);
    let list: Vec<ApplicationInfo> = materials::application_ids(&rules)
        .into_iter()
        .filter_map(|id| materials::application(&rules, &id))
        .map(|a| ApplicationInfo {
            questions: materials::questions_for(&a, &defs, f.lang),
            id: a.id,
            title: a.title.get(f.lang).to_string(),
            applicant: a.applicant,
        })
        .collect();
    out(&list)
}

#[inline(never)]
fn call_check_application(
    packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let form = string(arg(args, 0), "form")?;
    let values = answers(arg(args, 1), "values")?;
    let provided: Option<Value> = match arg(args, 2) {
        Value::Null => None,
        v => Some(required(v, "provided")?),
    };
    let rules = f.rules(packs)?;
    out(&zhuchuang_core::application::check_application(
        form,
        &values,
        provided.as_ref(),
        &rules,
        f.as_of,
        f.lang,
    )?)
}

#[inline(never)]
fn call_list_forms(
    packs: &mut PackSet,
    _args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let rules = f.rules(packs)?;
    out(&zhuchuang_core::application::list_forms(
        &rules, f.as_of, f.lang,
    ))
}

#[inline(never)]
fn call_subsidy_plan(
    packs: &mut PackSet,
    name: &str,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    use zhuchuang_core::subsidy::{plan, to_csv, PlanInput};
    let f = Frame::read(options, today)?;
    let input: PlanInput = required(arg(args, 0), "input")?;
    let rules = f.rules(packs)?;
    let p = plan(&input, &rules, f.as_of, f.lang)?;
    if name == "subsidyPlanCsv" {
        out(&to_csv(&p, f.lang))
    } else {
        out(&p)
    }
}

#[inline(never)]
fn call_loan_quote(
    packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    use zhuchuang_core::loan::{quote, QuoteInput};
    let f = Frame::read(options, today)?;
    let input: QuoteInput = required(arg(args, 0), "input")?;
    let rules = f.rules(packs)?;
    out(&quote(&input, &rules, f.lang)?)
}

#[inline(never)]
fn call_screening_questions(
    _packs: &mut PackSet,
    _args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let list: Vec<Question> = screening::facts()
        .iter()
        .map(|d| d.question(f.lang))
        .collect();
    out(&list)
}

#[inline(never)]
fn call_screen_project(
    packs: &mut PackSet,
    args: &[Value],
    options: &Options,
    today: NaiveDate,
) -> Result<Json, ApiError> {
    let f = Frame::read(options, today)?;
    let json = answers(arg(args, 0), "answers")?;
    let facts = Facts::parse(&json, &screening::facts())
        .map_err(|problems| ApiError::facts("invalidFacts", problems))?;
    let rules = f.rules(packs)?;
    out(&screening::screen(&facts, &rules, f.as_of, f.lang)?)
}

// Native only: the wasm test run (web/tests/browser.rs) has its own tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn run(name: &str, args: &[Value], options: Value) -> Result<Value, ApiError> {
        let mut packs = PackSet::embedded().unwrap();
        call(&mut packs, name, args, &options, day())
            .map(|raw| serde_json::from_str(raw.get()).unwrap())
    }

    #[test]
    fn validate_ids_from_text_answers_as_the_call_does() {
        let values = json!(["11010519491231002x", "110105491231002", "junk", ""]);
        let options = json!({ "today": "2026-11-21" });
        let by_call = run(
            "validateIds",
            &[json!("residentId"), values.clone()],
            options.clone(),
        )
        .unwrap();
        let text = validate_ids_text(IdKind::ResidentId, &values.to_string(), &options, day())
            .unwrap()
            .unwrap();
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), by_call);
        // Not an array of strings: left to `call`, which names the argument.
        assert!(validate_ids_text(IdKind::Mobile, "[1, 2]", &options, day()).is_none());
        assert!(validate_ids_text(IdKind::Mobile, "\"13800138000\"", &options, day()).is_none());
    }

    #[test]
    fn every_function_answers_or_names_its_argument() {
        for name in FUNCTIONS {
            match run(name, &[], json!({})) {
                Ok(_) => {}
                Err(e) => {
                    assert!(
                        ["missingArgument", "invalidArgument"].contains(&e.code),
                        "{name}: {e}"
                    );
                    assert!(!e.text.zh.is_empty() && !e.text.en.is_empty());
                }
            }
        }
    }

    #[test]
    fn a_bad_field_is_named_by_its_path() {
        let e = run(
            "statutoryRetirement",
            &[json!({ "birthDate": "1970-01-15", "track": "man" })],
            json!({ "lang": "en" }),
        )
        .unwrap_err();
        assert_eq!(e.code, "invalidArgument");
        assert!(e.message(Lang::En).contains("input.track"), "{e}");
    }

    #[test]
    fn option_dates_are_read_as_people_type_them() {
        let args = [json!({ "birthDate": "1970-01-15", "track": "male" })];
        let plain = run(
            "statutoryRetirement",
            &args,
            json!({ "asOf": "2026-03-10" }),
        )
        .unwrap();
        for typed in [
            "2026/03/10",
            "20260310",
            "2026年3月10日",
            "２０２６－０３－１０",
        ] {
            let r = run("statutoryRetirement", &args, json!({ "asOf": typed }));
            assert_eq!(r.as_ref().ok(), Some(&plain), "{typed}: {r:?}");
        }
        let id = |today: &str| {
            run(
                "validateId",
                &[json!("mobile"), json!("13800138000")],
                json!({ "today": today }),
            )
        };
        assert!(id("2026/3/10").is_ok());
        let e = run(
            "statutoryRetirement",
            &args,
            json!({ "asOf": "2026-13-01", "lang": "en" }),
        )
        .unwrap_err();
        assert_eq!(e.code, "invalidArgument");
        let (zh, en) = (&e.text.zh, &e.text.en);
        assert!(
            zh.contains("options.asOf") && zh.contains("1978-03-10"),
            "{zh}"
        );
        assert!(
            en.contains("not a valid date") && !en.contains("premature"),
            "{en}"
        );
        let e = id("tomorrow").unwrap_err();
        assert!(e.text.en.contains("Please write it like"), "{}", e.text.en);
    }

    /// Options read field by field answer as the deserialiser reading the
    /// whole object does: the same values, the same errors at the same path.
    #[test]
    fn options_read_by_field_answer_as_the_whole_object() {
        let cases = [
            json!(null),
            json!({}),
            json!({ "asOf": "2026-03-10", "region": "440300", "lang": "en" }),
            json!({ "asOf": "2026年3月10日", "today": "20260310", "other": [1, 2] }),
            json!({ "asOf": "2026-13-01", "lang": "en" }),
            json!({ "today": "tomorrow" }),
            json!({ "asOf": 20260310 }),
            json!({ "region": 440300 }),
            json!({ "lang": 5, "asOf": "bad" }),
            json!({ "asOf": null, "region": null }),
            json!({ "lang": "fr" }),
            json!("en"),
            json!([]),
            json!(7),
        ];
        let show = |r: Result<String, ApiError>| match r {
            Ok(v) => v,
            Err(e) => format!("{} {} / {}", e.code, e.text.zh, e.text.en),
        };
        for v in cases {
            let o = Options::from_json(&v);
            let rule = |r: Result<RuleOptions, ApiError>| show(r.map(|o| format!("{o:?}")));
            let id = |r: Result<IdCallOptions, ApiError>| show(r.map(|o| format!("{o:?}")));
            assert_eq!(rule(o.rule()), rule(optional(&v, "options")), "{v}");
            assert_eq!(id(o.id()), id(optional(&v, "options")), "{v}");
        }
    }

    #[test]
    fn results_keep_the_declared_field_order() {
        let mut packs = PackSet::embedded().unwrap();
        let raw = call(
            &mut packs,
            "validateId",
            &[json!("mobile"), json!("13800138000")],
            &json!({}),
            day(),
        )
        .unwrap();
        assert!(raw.get().starts_with("{\"kind\":"), "{}", raw.get());
    }

    #[test]
    fn an_unknown_function_is_an_error_not_a_panic() {
        assert_eq!(
            run("nope", &[], json!({})).unwrap_err().code,
            "unknownFunction"
        );
    }

    #[test]
    fn errors_never_have_an_empty_message() {
        let e = ApiError::new("internal", Text::new("", " "));
        assert!(!e.text.zh.trim().is_empty() && !e.text.en.trim().is_empty());
        let e = ApiError::facts("invalidFacts", vec![]);
        assert!(!e.text.zh.is_empty() && !e.text.en.is_empty());
    }
}
