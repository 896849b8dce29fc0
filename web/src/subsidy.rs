//! `subsidyPlan` and `subsidyPlanCsv`: subsidy periods and amounts, month by month.

use crate::convert::{output, required, ApiError};
use crate::rules::{with_options, with_rules, RuleOptions};
use wasm_bindgen::prelude::*;
use zhuchuang_core::subsidy::{plan, to_csv, PlanInput, SubsidyPlan};
use zhuchuang_core::Lang;

fn compute(input: &JsValue, o: &RuleOptions, lang: Lang) -> Result<SubsidyPlan, ApiError> {
    let q: PlanInput = required(input, "input")?;
    with_rules(o, |rules| Ok(plan(&q, rules, o.as_of(), lang)?))
}

/// The subsidy period (start, end, months, extension to retirement, stops) and
/// the amounts month by month, explained.
#[wasm_bindgen(js_name = subsidyPlan, skip_typescript)]
pub fn subsidy_plan(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| output(&compute(&input, o, lang)?))
}

/// The month-by-month table of `subsidyPlan` as CSV text (UTF-8 with BOM).
#[wasm_bindgen(js_name = subsidyPlanCsv, skip_typescript)]
pub fn subsidy_plan_csv(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| {
        Ok(JsValue::from_str(&to_csv(&compute(&input, o, lang)?, lang)))
    })
}
