//! `loanQuote`, `screenProject`, `screeningQuestions`: the entrepreneurship
//! guaranteed loan.

use crate::convert::{output, required, ApiError};
use crate::rules::{rule_error, with_options, with_rules};
use wasm_bindgen::prelude::*;
use zhuchuang_core::facts::Facts;
use zhuchuang_core::loan::{quote, QuoteInput};
use zhuchuang_core::screening;

/// The loan quote: cap, rate, subsidy regime and repayment schedule.
#[wasm_bindgen(js_name = loanQuote, skip_typescript)]
pub fn loan_quote(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| {
        let q: QuoteInput = required(&input, "input")?;
        with_rules(o, |rules| output(&quote(&q, rules, lang)?))
    })
}

/// The project screening questions (nine principles and the home visit).
#[wasm_bindgen(js_name = screeningQuestions, skip_typescript)]
pub fn screening_questions(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    with_options(options, |_, lang| {
        let list: Vec<_> = screening::facts()
            .iter()
            .map(|f| f.question(lang))
            .collect();
        output(&list)
    })
}

/// Screens a project: risk flags, what to verify, recommendation, counter-guarantee.
#[wasm_bindgen(js_name = screenProject, skip_typescript)]
pub fn screen_project(answers: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| {
        let json: serde_json::Value = if answers.is_undefined() || answers.is_null() {
            serde_json::json!({})
        } else {
            required(&answers, "answers")?
        };
        let facts = Facts::parse(&json, &screening::facts())
            .map_err(|problems| ApiError::facts("invalidFacts", problems))?;
        with_rules(o, |rules| {
            output(&screening::screen(&facts, rules, o.as_of(), lang).map_err(rule_error)?)
        })
    })
}
