//! `loanQuote`, `screenProject`, `screeningQuestions`: the entrepreneurship
//! guaranteed loan.

use crate::convert::{arg, lang_of, output, required, run, ApiError};
use crate::rules::{rule_error, with_rules, RuleOptions};
use wasm_bindgen::prelude::*;
use zhuchuang_core::facts::Facts;
use zhuchuang_core::loan::{quote, QuoteError, QuoteInput};
use zhuchuang_core::screening;
use zhuchuang_core::Text;

/// The loan quote: cap, rate, subsidy regime and repayment schedule.
#[wasm_bindgen(js_name = loanQuote, skip_typescript)]
pub fn loan_quote(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    run(lang_of(&options), || {
        let q: QuoteInput = required(&input, "input")?;
        let o: RuleOptions = arg(&options, "options")?;
        let lang = o.lang()?;
        with_rules(&o, |rules| {
            let r = quote(&q, rules, lang).map_err(|e| match e {
                QuoteError::Input(t) => ApiError::new("invalidArgument", t),
                QuoteError::Rule(r) => rule_error(r),
            })?;
            output(&r)
        })
    })
}

/// The project screening questions (nine principles and the home visit).
#[wasm_bindgen(js_name = screeningQuestions, skip_typescript)]
pub fn screening_questions(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    run(lang_of(&options), || {
        let o: RuleOptions = arg(&options, "options")?;
        let lang = o.lang()?;
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
    let options = options.unwrap_or(JsValue::UNDEFINED);
    run(lang_of(&options), || {
        let json: serde_json::Value = if answers.is_undefined() || answers.is_null() {
            serde_json::json!({})
        } else {
            required(&answers, "answers")?
        };
        let o: RuleOptions = arg(&options, "options")?;
        let lang = o.lang()?;
        let facts = Facts::parse(&json, &screening::facts()).map_err(|problems| {
            let zh: Vec<&str> = problems.iter().map(|p| p.message.zh.as_str()).collect();
            let en: Vec<&str> = problems.iter().map(|p| p.message.en.as_str()).collect();
            ApiError::new("invalidFacts", Text::new(zh.join(" "), en.join(" ")))
                .with_fact_problems(problems)
        })?;
        with_rules(&o, |rules| {
            output(&screening::screen(&facts, rules, o.as_of(), lang).map_err(rule_error)?)
        })
    })
}
