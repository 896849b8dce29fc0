//! `loanQuote`, `screenProject`, `screeningQuestions`: the entrepreneurship
//! guaranteed loan.

use crate::convert::call;
use wasm_bindgen::prelude::*;

/// The loan quote: cap, rate, subsidy regime and repayment schedule.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = loanQuote, skip_typescript))]
pub fn loan_quote(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("loanQuote", &[(&input, "input")], options.as_ref())
}

/// The project screening questions (nine principles and the home visit).
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = screeningQuestions, skip_typescript))]
pub fn screening_questions(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("screeningQuestions", &[], options.as_ref())
}

/// Screens a project: risk flags, what to verify, recommendation, counter-guarantee.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = screenProject, skip_typescript))]
pub fn screen_project(answers: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("screenProject", &[(&answers, "answers")], options.as_ref())
}
