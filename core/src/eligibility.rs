//! Eligibility self-checks (资格自测): one entry point over every program.
//!
//! ```
//! use chrono::NaiveDate;
//! use zhuchuang_core::eligibility::check;
//! use zhuchuang_core::pack::PackSet;
//! use zhuchuang_core::verdict::Outcome;
//! let packs = PackSet::embedded().unwrap();
//! let rules = packs.rules("000000").unwrap();
//! let facts = serde_json::json!({ "birthDate": "1966-03-10", "track": "male" });
//! let d = check("flexibleRetirement", &facts, &rules, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(), Default::default()).unwrap();
//! assert_eq!(d.outcome, Outcome::Undetermined);
//! assert_eq!(d.next_question.unwrap().fact, "retireMonth");
//! ```

use crate::facts::{FactDef, FactProblem, Facts};
use crate::pack::{RuleError, Rules};
use crate::text::{Lang, Text};
use crate::verdict::Determination;
use chrono::NaiveDate;
use serde::Serialize;

type Evaluate = fn(&Facts, &Rules<'_>, NaiveDate, Lang) -> Result<Determination, RuleError>;

/// A program a person can check.
pub struct Program {
    pub id: &'static str,
    pub title: Text,
    pub facts: fn() -> Vec<FactDef>,
    pub evaluate: Evaluate,
}

/// Every program, in the order a portal lists them.
pub fn programs() -> Vec<Program> {
    vec![Program {
        id: "flexibleRetirement",
        title: Text::new("弹性退休", "Flexible retirement"),
        facts: crate::retirement::flexible_facts,
        evaluate: crate::retirement::flexible_retirement,
    }]
}

/// A program as listed to callers.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgramInfo {
    pub id: String,
    pub title: String,
    pub facts: Vec<crate::facts::Question>,
}

/// The programs with their questions, in `lang`.
pub fn list(lang: Lang) -> Vec<ProgramInfo> {
    programs()
        .into_iter()
        .map(|p| ProgramInfo {
            id: p.id.to_string(),
            title: p.title.get(lang).to_string(),
            facts: (p.facts)().iter().map(|f| f.question(lang)).collect(),
        })
        .collect()
}

/// Why a check could not run.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckError {
    UnknownProgram(String),
    Facts(Vec<FactProblem>),
    Rule(RuleError),
}

impl From<RuleError> for CheckError {
    fn from(e: RuleError) -> Self {
        CheckError::Rule(e)
    }
}

/// Checks `facts` against `program` under `rules` on `as_of`.
pub fn check(
    program: &str,
    facts: &serde_json::Value,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, CheckError> {
    let p = programs()
        .into_iter()
        .find(|p| p.id == program)
        .ok_or_else(|| CheckError::UnknownProgram(program.to_string()))?;
    let facts = Facts::parse(facts, &(p.facts)()).map_err(CheckError::Facts)?;
    Ok((p.evaluate)(&facts, rules, as_of, lang)?)
}
