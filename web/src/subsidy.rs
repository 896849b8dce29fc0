//! `subsidyPlan` and `subsidyPlanCsv`: subsidy periods and amounts, month by month.

use crate::convert::{arg, lang_of, output, required, run, ApiError};
use crate::rules::{rule_error, with_rules, RuleOptions};
use wasm_bindgen::prelude::*;
use zhuchuang_core::subsidy::{plan, to_csv, PlanError, PlanInput, SubsidyPlan};

fn compute(
    input: &JsValue,
    options: &JsValue,
) -> Result<(SubsidyPlan, zhuchuang_core::Lang), ApiError> {
    let q: PlanInput = required(input, "input")?;
    let o: RuleOptions = arg(options, "options")?;
    let lang = o.lang()?;
    with_rules(&o, |rules| {
        plan(&q, rules, o.as_of(), lang)
            .map(|p| (p, lang))
            .map_err(|e| match e {
                PlanError::Input(t) => ApiError::new("invalidArgument", t),
                PlanError::Rule(r) => rule_error(r),
            })
    })
}

/// The subsidy period (start, end, months, extension to retirement, stops) and
/// the amounts month by month, explained.
#[wasm_bindgen(js_name = subsidyPlan, skip_typescript)]
pub fn subsidy_plan(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    run(lang_of(&options), || {
        compute(&input, &options).and_then(|(p, _)| output(&p))
    })
}

/// The month-by-month table of `subsidyPlan` as CSV text (UTF-8 with BOM).
#[wasm_bindgen(js_name = subsidyPlanCsv, skip_typescript)]
pub fn subsidy_plan_csv(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    run(lang_of(&options), || {
        compute(&input, &options).map(|(p, lang)| JsValue::from_str(&to_csv(&p, lang)))
    })
}
