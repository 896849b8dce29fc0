//! `subsidyPlan` and `subsidyPlanCsv`: subsidy periods and amounts, month by month.

use crate::convert::call;
use wasm_bindgen::prelude::*;

/// The subsidy period (start, end, months, extension to retirement, stops) and
/// the amounts month by month, explained.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = subsidyPlan, skip_typescript))]
pub fn subsidy_plan(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("subsidyPlan", &[(&input, "input")], options.as_ref())
}

/// The month-by-month table of `subsidyPlan` as CSV text (UTF-8 with BOM).
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = subsidyPlanCsv, skip_typescript))]
pub fn subsidy_plan_csv(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("subsidyPlanCsv", &[(&input, "input")], options.as_ref())
}
