//! Rule packs and rule-based answers: `loadPack`, `unloadPack`, `resetPacks`,
//! `packInfo`, `getParameter`, `listParameters`, `statutoryRetirement`,
//! `listPrograms`, `checkEligibility`.
//!
//! The loaded packs live in this module (one set per page or Node process): the
//! embedded national pack plus any overlays loaded with `loadPack`.

use crate::convert::{
    arg, from_json, lang_of, output, parse_lang, required, run, string, today, ApiError,
};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use zhuchuang_core::eligibility::{self, CheckError};
use zhuchuang_core::pack::{PackErrors, PackSet, ParamRef, RuleError, Rules, NATIONAL};
use zhuchuang_core::retirement::{statutory_retirement as core_retirement, RetirementQuery};
use zhuchuang_core::{Lang, Text};

thread_local! {
    static PACKS: RefCell<Option<PackSet>> = const { RefCell::new(None) };
}

/// Runs `f` with the pack set, creating it from the embedded national pack first.
pub fn with_packs<T>(f: impl FnOnce(&mut PackSet) -> Result<T, ApiError>) -> Result<T, ApiError> {
    PACKS.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(PackSet::embedded().map_err(|e| pack_error(e, "internal"))?);
        }
        match slot.as_mut() {
            Some(set) => f(set),
            None => Err(ApiError::new(
                "internal",
                Text::new("规则包不可用。", "No rule pack is available."),
            )),
        }
    })
}

/// Options of every rule-based function; unknown keys are ignored.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RuleOptions {
    pub lang: Option<String>,
    /// The date the rules are applied for (default: today on this device).
    pub as_of: Option<chrono::NaiveDate>,
    /// GB/T 2260 code (default `000000`, national).
    pub region: Option<String>,
}

impl RuleOptions {
    pub fn lang(&self) -> Result<Lang, ApiError> {
        parse_lang(self.lang.as_deref())
    }
    pub fn as_of(&self) -> chrono::NaiveDate {
        self.as_of.unwrap_or_else(today)
    }
    pub fn region(&self) -> &str {
        self.region.as_deref().unwrap_or(NATIONAL)
    }
}

pub fn rule_error(e: RuleError) -> ApiError {
    ApiError::new(e.code(), e.message())
}

impl From<RuleError> for ApiError {
    fn from(e: RuleError) -> ApiError {
        rule_error(e)
    }
}

impl From<zhuchuang_core::subsidy::PlanError> for ApiError {
    fn from(e: zhuchuang_core::subsidy::PlanError) -> ApiError {
        use zhuchuang_core::subsidy::PlanError;
        match e {
            PlanError::Input(t) => ApiError::new("invalidArgument", t),
            PlanError::Rule(r) => rule_error(r),
        }
    }
}

impl From<zhuchuang_core::loan::QuoteError> for ApiError {
    fn from(e: zhuchuang_core::loan::QuoteError) -> ApiError {
        use zhuchuang_core::loan::QuoteError;
        match e {
            QuoteError::Input(t) => ApiError::new("invalidArgument", t),
            QuoteError::Rule(r) => rule_error(r),
        }
    }
}

/// An `invalidPack` error listing every problem.
fn pack_error(e: PackErrors, code: &'static str) -> ApiError {
    let n = e.problems.len();
    let first = e
        .problems
        .first()
        .map(|p| (p.path.clone(), p.message.clone()));
    let (zh, en) = match first {
        Some((path, m)) => (
            format!("规则包有{n}处问题，第一处在 {path}：{}", m.zh),
            format!("The pack has {n} problem(s); the first at {path}: {}", m.en),
        ),
        None => ("规则包有问题。".into(), "The pack has problems.".into()),
    };
    ApiError::new(code, Text::new(zh, en)).with_problems(e.problems)
}

/// The frame of every API function that takes `options`: errors are thrown in
/// the language the options ask for (even when the options themselves are
/// wrong), and `body` gets the options and their language.
pub fn with_options(
    options: Option<JsValue>,
    body: impl FnOnce(&RuleOptions, Lang) -> Result<JsValue, ApiError>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    run(lang_of(&options), || {
        let o: RuleOptions = arg(&options, "options")?;
        let lang = o.lang()?;
        body(&o, lang)
    })
}

/// Runs `f` with the rules for the options' region.
pub fn with_rules<T>(
    options: &RuleOptions,
    f: impl FnOnce(&Rules<'_>) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    with_packs(|set| {
        let rules = set.rules(options.region()).map_err(rule_error)?;
        f(&rules)
    })
}

/// Loads a local pack (JSON text or an object). Every problem is reported at
/// once and the packs in force stay unchanged on error.
#[wasm_bindgen(js_name = loadPack, skip_typescript)]
pub fn load_pack(pack: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    run(lang_of(&options), || {
        let text = match pack.as_string() {
            Some(s) => s,
            None => {
                let v: serde_json::Value = required(&pack, "pack")?;
                v.to_string()
            }
        };
        with_packs(|set| {
            set.load(&text)
                .map_err(|e| pack_error(e, "invalidPack"))
                .and_then(|r| output(&r))
        })
    })
}

/// Removes the pack loaded for `region`; returns whether there was one.
#[wasm_bindgen(js_name = unloadPack, skip_typescript)]
pub fn unload_pack(region: JsValue) -> Result<JsValue, JsValue> {
    run(Lang::default(), || {
        let region = string(&region, "region")?;
        with_packs(|set| Ok(JsValue::from_bool(set.unload(&region))))
    })
}

/// Back to the embedded national pack only.
#[wasm_bindgen(js_name = resetPacks, skip_typescript)]
pub fn reset_packs() -> Result<(), JsValue> {
    PACKS.with(|cell| *cell.borrow_mut() = None);
    Ok(())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PackInfo {
    region: String,
    pack: zhuchuang_core::pack::PackStamp,
    titles: Vec<String>,
    loaded: Vec<String>,
}

/// The packs in force for a region, most specific first, with their hash.
#[wasm_bindgen(js_name = packInfo, skip_typescript)]
pub fn pack_info(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| {
        with_packs(|set| {
            let rules = set.rules(o.region()).map_err(rule_error)?;
            let stamp = rules.stamp();
            let all: Vec<&zhuchuang_core::pack::Pack> = std::iter::once(set.national())
                .chain(set.overlays())
                .collect();
            let titles = stamp
                .packs
                .iter()
                .filter_map(|r| {
                    all.iter()
                        .find(|p| p.meta.id == r.id)
                        .map(|p| p.meta.title.get(lang).to_string())
                })
                .collect();
            output(&PackInfo {
                region: rules.region().to_string(),
                pack: stamp,
                titles,
                loaded: set.overlays().map(|p| p.meta.region.clone()).collect(),
            })
        })
    })
}

/// One parameter's value in force for a region on a date, with its provenance.
#[wasm_bindgen(js_name = getParameter, skip_typescript)]
pub fn get_parameter(key: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| {
        let key = string(&key, "key")?;
        with_rules(o, |rules| {
            let r = rules.lookup(&key, o.as_of()).map_err(rule_error)?;
            output(&r.to_ref(lang))
        })
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ParameterListing {
    key: String,
    label: String,
    unit: zhuchuang_core::pack::Unit,
    scope: zhuchuang_core::pack::Scope,
    /// The value in force, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    current: Option<ParamRef>,
}

/// Every parameter with its value in force for a region on a date (or none).
#[wasm_bindgen(js_name = listParameters, skip_typescript)]
pub fn list_parameters(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| {
        with_packs(|set| {
            let rules = set.rules(o.region()).map_err(rule_error)?;
            let list: Vec<ParameterListing> = set
                .national()
                .params
                .iter()
                .map(|(key, p)| ParameterListing {
                    key: key.clone(),
                    label: p
                        .label
                        .as_ref()
                        .map(|l| l.get(lang).to_string())
                        .unwrap_or_default(),
                    unit: p.unit,
                    scope: p.scope,
                    current: rules.lookup(key, o.as_of()).ok().map(|r| r.to_ref(lang)),
                })
                .collect();
            output(&list)
        })
    })
}

/// The statutory retirement month and age under the gradual delay.
#[wasm_bindgen(js_name = statutoryRetirement, skip_typescript)]
pub fn statutory_retirement(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| {
        let q: RetirementQuery = required(&input, "input")?;
        with_rules(o, |rules| {
            let r = core_retirement(&q, rules, o.as_of(), lang).map_err(rule_error)?;
            output(&r)
        })
    })
}

/// The programs `checkEligibility` knows, with their questions.
#[wasm_bindgen(js_name = listPrograms, skip_typescript)]
pub fn list_programs(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| {
        with_rules(o, |rules| {
            output(&eligibility::list(rules, o.as_of(), lang))
        })
    })
}

/// Checks whether the facts given qualify for `program`: an explained verdict.
#[wasm_bindgen(js_name = checkEligibility, skip_typescript)]
pub fn check_eligibility(
    program: JsValue,
    facts: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| {
        let program = string(&program, "program")?;
        let facts: serde_json::Value = if facts.is_undefined() || facts.is_null() {
            serde_json::Value::Object(Default::default())
        } else {
            required(&facts, "facts")?
        };
        with_rules(o, |rules| {
            let d = eligibility::check(&program, &facts, rules, o.as_of(), lang)?;
            output(&d)
        })
    })
}

impl From<CheckError> for ApiError {
    fn from(e: CheckError) -> ApiError {
        match e {
            CheckError::UnknownProgram(p) => {
                let all: Vec<&str> = eligibility::programs().iter().map(|p| p.id).collect();
                ApiError::new(
                    "unknownProgram",
                    Text::new(
                        format!("没有名为 \"{p}\" 的项目，可用：{}。", all.join("、")),
                        format!(
                            "There is no program \"{p}\"; use one of {}.",
                            all.join(", ")
                        ),
                    ),
                )
            }
            CheckError::Facts(problems) => ApiError::facts("invalidFacts", problems),
            CheckError::Rule(r) => rule_error(r),
        }
    }
}

impl From<zhuchuang_core::eligibility::assistance::PlanError> for ApiError {
    fn from(e: zhuchuang_core::eligibility::assistance::PlanError) -> ApiError {
        use zhuchuang_core::eligibility::assistance::PlanError;
        match e {
            PlanError::NoLevel => ApiError::new(
                "invalidArgument",
                Text::new(
                    "input 需要 level（I、II、III）或 assessment（评估情况）。",
                    "input needs a level (I, II, III) or an assessment.",
                ),
            ),
            PlanError::Facts(problems) => ApiError::facts("invalidFacts", problems),
            PlanError::Rule(r) => rule_error(r),
        }
    }
}

/// Parses a JSON value as `T` (for callers holding JSON already).
pub fn parse_json<T: serde::de::DeserializeOwned>(
    v: serde_json::Value,
    name: &str,
) -> Result<T, ApiError> {
    from_json(v, name)
}

/// The employment-assistance level and plan, and the exits and subsidy stops
/// that the changes given bring.
#[wasm_bindgen(js_name = assistancePlan, skip_typescript)]
pub fn assistance_plan(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    use zhuchuang_core::eligibility::assistance::{plan, AssistanceInput};
    with_options(options, |o, lang| {
        let input: AssistanceInput = required(&input, "input")?;
        with_rules(o, |rules| output(&plan(&input, rules, o.as_of(), lang)?))
    })
}
