//! Eligibility self-checks (资格自测): one entry point over every program.
//!
//! Each program is a rule on the pack: a table of criteria (required ones, and
//! groups of alternatives such as "any one category"), each explained and cited,
//! evaluated on possibly partial facts. See [`crate::verdict`] for the outcome,
//! early exit and the ranking of missing facts.
//!
//! | program | what |
//! |---|---|
//! | `difficultPerson` | 就业困难人员认定 |
//! | `flexibleEmploymentSubsidy` | 灵活就业社会保险补贴 (difficult-to-employ or graduate) |
//! | `publicWelfarePost` | 公益性岗位安置 (the person) |
//! | `publicWelfarePostSubsidy` | 公益性岗位补贴 (the employer), with its stop conditions |
//! | `loanIndividual`, `loanPartnership`, `loanEnterprise` | 创业担保贷款 applicants |
//! | `startupSubsidy`, `jobSeekingSubsidy`, `trainingSubsidy` | one-time subsidies |
//! | `flexibleRetirement` | 弹性退休 |
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

pub mod assistance;
mod common;
mod difficult;
mod loans;
pub mod subsidies;

pub use common::{age_on, AgeYm};

use crate::facts::plausibility::{self, Warning};
use crate::facts::{FactDef, FactProblem, Facts};
use crate::pack::{RuleError, Rules};
use crate::text::{Lang, Text};
use crate::verdict::{Determination, Status3};
use chrono::NaiveDate;
use serde::Serialize;

type Evaluate = fn(&Facts, &Rules<'_>, NaiveDate, Lang) -> Result<Determination, RuleError>;
type Questions = fn(&Rules<'_>, NaiveDate) -> Vec<FactDef>;

/// A program a person can check.
pub struct Program {
    pub id: &'static str,
    pub title: Text,
    /// The application type of `checkMaterials` whose materials go with it.
    pub application: Option<&'static str>,
    pub facts: Questions,
    pub evaluate: Evaluate,
}

fn retirement_facts(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    crate::retirement::flexible_facts(rules, date)
}

/// Every program, in the order a portal lists them.
pub fn programs() -> Vec<Program> {
    use subsidies::{
        flexible, job_seeking, public_welfare_post, public_welfare_post_subsidy, startup, training,
    };
    vec![
        Program {
            id: "difficultPerson",
            title: t!(
                "就业困难人员认定",
                "Recognition as a difficult-to-employ person",
            ),
            application: Some("difficultPerson"),
            facts: difficult::facts,
            evaluate: difficult::evaluate,
        },
        Program {
            id: flexible::ID,
            title: t!(
                "灵活就业社会保险补贴",
                "Social insurance subsidy for flexible employment",
            ),
            application: Some("flexibleSubsidy"),
            facts: flexible::facts,
            evaluate: flexible::evaluate,
        },
        Program {
            id: public_welfare_post::ID,
            title: t!("公益性岗位安置", "Placement in a public-welfare post"),
            application: None,
            facts: public_welfare_post::facts,
            evaluate: public_welfare_post::evaluate,
        },
        Program {
            id: public_welfare_post_subsidy::ID,
            title: t!(
                "公益性岗位补贴（用人单位）",
                "Public-welfare post subsidy (employer)",
            ),
            application: Some("publicWelfarePostSubsidy"),
            facts: public_welfare_post_subsidy::facts,
            evaluate: public_welfare_post_subsidy::evaluate,
        },
        Program {
            id: "loanIndividual",
            title: t!(
                "创业担保贷款（个人）",
                "Entrepreneurship guaranteed loan (individual)",
            ),
            application: Some("loanIndividual"),
            facts: loans::individual_facts,
            evaluate: loans::individual,
        },
        Program {
            id: "loanPartnership",
            title: t!(
                "创业担保贷款（合伙创业）",
                "Entrepreneurship guaranteed loan (partnership)",
            ),
            application: Some("loanPartnership"),
            facts: loans::partnership_facts,
            evaluate: loans::partnership,
        },
        Program {
            id: "loanEnterprise",
            title: t!(
                "创业担保贷款（小微企业）",
                "Entrepreneurship guaranteed loan (small or micro enterprise)",
            ),
            application: Some("loanEnterprise"),
            facts: loans::enterprise_facts,
            evaluate: loans::enterprise,
        },
        Program {
            id: startup::ID,
            title: t!("一次性创业补贴", "One-time start-up subsidy"),
            application: Some("startupSubsidy"),
            facts: startup::facts,
            evaluate: startup::evaluate,
        },
        Program {
            id: job_seeking::ID,
            title: t!("一次性求职补贴", "One-time job-seeking subsidy"),
            application: Some("jobSeekingSubsidy"),
            facts: job_seeking::facts,
            evaluate: job_seeking::evaluate,
        },
        Program {
            id: training::ID,
            title: t!("创业培训补贴", "Entrepreneurship training subsidy"),
            application: Some("trainingSubsidy"),
            facts: training::facts,
            evaluate: training::evaluate,
        },
        Program {
            id: "flexibleRetirement",
            title: t!("弹性退休", "Flexible retirement"),
            application: None,
            facts: retirement_facts,
            evaluate: crate::retirement::flexible_retirement,
        },
    ]
}

/// A program as listed to callers.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProgramInfo {
    pub id: String,
    pub title: String,
    /// The `checkMaterials` application type for its materials, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    pub facts: Vec<crate::facts::Question>,
}

/// The programs with their questions, in `lang`, for the region on `date`.
pub fn list(rules: &Rules<'_>, date: NaiveDate, lang: Lang) -> Vec<ProgramInfo> {
    programs()
        .into_iter()
        .map(|p| ProgramInfo {
            id: p.id.to_string(),
            title: p.title.get(lang).to_string(),
            application: p.application.map(str::to_string),
            facts: (p.facts)(rules, date)
                .iter()
                .map(|f| f.question(lang))
                .collect(),
        })
        .collect()
}

/// Why a check could not run.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckError {
    UnknownProgram(String),
    /// Facts of the wrong type, unknown, or that cannot all be true.
    Facts(Vec<FactProblem>),
    Rule(RuleError),
}

impl From<RuleError> for CheckError {
    fn from(e: RuleError) -> Self {
        CheckError::Rule(e)
    }
}

/// The answers of a program, restated as the facts its materials checklist
/// (`checkMaterials`) understands, so a result can list what to bring.
///
/// ```
/// use zhuchuang_core::eligibility::materials_facts;
/// let facts = serde_json::json!({ "dibao": true, "disabled": false, "recognisedDifficult": true, "employmentForm": "flexible" });
/// let m = materials_facts("difficultPerson", &facts);
/// assert_eq!(m["categories"], serde_json::json!(["dibao"]));
/// let m = materials_facts("flexibleEmploymentSubsidy", &facts);
/// assert_eq!(m["subsidyGroup"], "difficultPerson");
/// assert_eq!(m["employmentForm"], "flexible");
/// // Answers count as given: a working member is no zero-employment family,
/// // and "not a graduate" is no graduate basis.
/// let facts = serde_json::json!({ "householdType": "urban", "household": [
///     { "relation": "spouse", "workingAge": true, "status": "employed" }] });
/// assert_eq!(materials_facts("difficultPerson", &facts)["categories"], serde_json::json!([]));
/// let facts = serde_json::json!({ "recognisedDifficult": false, "graduate": false });
/// assert!(materials_facts("flexibleEmploymentSubsidy", &facts).get("subsidyGroup").is_none());
/// ```
pub fn materials_facts(program: &str, facts: &serde_json::Value) -> serde_json::Value {
    use serde_json::{json, Value};
    let yes = |k: &str| facts.get(k).and_then(Value::as_bool) == Some(true);
    let mut out = serde_json::Map::new();
    match program {
        "difficultPerson" => {
            let mut cats: Vec<Value> = [
                ("dibao", "dibao"),
                ("hardshipWorkerFamily", "hardshipWorkerFamily"),
                ("disabled", "disabled"),
                ("landLost", "landLostFarmer"),
                ("ruralZeroTransfer", "ruralZeroTransferFamily"),
                ("povertyAlleviated", "povertyAlleviated"),
            ]
            .iter()
            .filter(|(fact, _)| yes(fact))
            .map(|(_, cat)| json!(cat))
            .collect();
            // The members' statuses count: only a household where every
            // working-age member is unemployed brings the family's proof.
            let members = Facts::from_map(facts.as_object().cloned().unwrap_or_default())
                .household("household");
            if facts.get("householdType").and_then(Value::as_str) == Some("urban")
                && members.is_some_and(|m| difficult::zero_employment_household(&m))
            {
                cats.push(json!("urbanZeroEmploymentFamily"));
            }
            out.insert("categories".into(), Value::Array(cats));
        }
        "flexibleEmploymentSubsidy" | "startupSubsidy" => {
            // The basis answered: recognition first, else the graduate
            // answer (a "no" is not turned into the graduate basis).
            let group = if yes("recognisedDifficult") {
                Some("difficultPerson")
            } else if yes("graduate") {
                Some("graduate")
            } else {
                None
            };
            if program == "startupSubsidy" {
                if let Some(g) = group {
                    out.insert("graduate".into(), json!(g == "graduate"));
                }
            } else {
                if let Some(g) = group {
                    out.insert("subsidyGroup".into(), json!(g));
                }
                if let Some(f) = facts
                    .get("employmentForm")
                    .and_then(Value::as_str)
                    .filter(|f| matches!(*f, "flexible" | "individualBusiness"))
                {
                    out.insert("employmentForm".into(), json!(f));
                }
            }
        }
        "jobSeekingSubsidy" => {
            let categories = facts.get("jobSeekingCategories");
            if let Some(c) = categories {
                out.insert("jobSeekingCategories".into(), c.clone());
            }
            // Which group the application is made in: a graduate in the
            // graduation year (with the graduates' proofs), or a person covered
            // by employment assistance (with the 《就业创业证》).
            let listed = categories
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty());
            let in_year = facts.get("inGraduationYear").and_then(Value::as_bool);
            let recognised = yes("recognisedDifficult");
            if in_year == Some(true) && (listed || !recognised) {
                out.insert("graduate".into(), json!(true));
            } else if recognised {
                out.insert("graduate".into(), json!(false));
            }
        }
        "trainingSubsidy" => {
            if let Some(g) = facts.get("traineeGroup").filter(|g| g.is_string()) {
                out.insert("traineeGroup".into(), g.clone());
            }
        }
        "loanIndividual" | "loanPartnership" => {
            if let Some(g) = facts
                .get("loanGroup")
                .and_then(Value::as_str)
                .filter(|g| *g != "none")
            {
                out.insert("loanGroup".into(), json!(g));
            }
        }
        _ => {}
    }
    Value::Object(out)
}

/// Checks `facts` against `program` under `rules` on `as_of`.
///
/// Facts that cannot all be true, or not on `as_of` (a birth date after it,
/// more new hires than staff…: [`crate::facts::plausibility`]), are
/// [`CheckError::Facts`] naming the question, never a verdict; suspicious
/// answers become `warnings` on the criteria that use them.
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
    let defs = (p.facts)(rules, as_of);
    check_program(&p, &defs, facts, rules, as_of, lang)
}

/// [`check`] for a program and its questions already in hand (`defs`, what
/// `(p.facts)(rules, as_of)` gives): the policy finder checks every program
/// on one set of answers without looking each up again.
pub fn check_program(
    p: &Program,
    defs: &[FactDef],
    facts: &serde_json::Value,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, CheckError> {
    let facts = Facts::parse(facts, defs).map_err(CheckError::Facts)?;
    let warnings = plausibility::check(&facts, defs, rules, as_of).map_err(CheckError::Facts)?;
    let mut d = match (p.evaluate)(&facts, rules, as_of, lang) {
        Ok(d) => d,
        // A birth date so long ago that the packs have no figures for the
        // person's dates is most likely a typing slip: say so of the date.
        Err(e) => {
            let before = match &e {
                RuleError::NoValue { date, .. } if *date < as_of => Some(*date),
                _ => None,
            };
            let old = warnings.iter().find(|w| w.fact == "birthDate");
            if let (Some(date), Some(w)) = (before, old) {
                return Err(CheckError::Facts(vec![plausibility::beyond_the_rules(
                    w, date,
                )]));
            }
            return Err(e.into());
        }
    };
    for w in warnings {
        warn(&mut d, p, &facts, &w, rules, as_of, lang);
    }
    Ok(d)
}

/// Shows a plausibility warning on the criteria that use its fact: those that
/// come out otherwise without it. A warning no criterion uses (the outcome was
/// settled by others) is a caveat of the whole result.
fn warn(
    d: &mut Determination,
    p: &Program,
    facts: &Facts,
    w: &Warning,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) {
    let serde_json::Value::Object(mut map) = facts.as_json() else {
        return;
    };
    map.remove(&w.fact);
    let message = w.message.get(lang).to_string();
    let Ok(without) = (p.evaluate)(&Facts::from_map(map), rules, as_of, lang) else {
        d.sourced.caveats.push(message);
        return;
    };
    let mut shown = false;
    for c in d
        .criteria
        .iter_mut()
        .filter(|c| c.status != Status3::NotNeeded)
    {
        let same = without
            .criteria
            .iter()
            .find(|o| o.id == c.id)
            .is_some_and(|o| {
                o.status == c.status
                    && o.reason == c.reason
                    && o.actual == c.actual
                    && o.missing_facts == c.missing_facts
            });
        if !same {
            c.warnings.push(message.clone());
            shown = true;
        }
    }
    if !shown {
        d.sourced.caveats.push(message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactKind;
    use crate::pack::PackSet;
    use serde_json::{json, Value};

    /// Answers to every question of `p` that let the check go as far as it
    /// can (every criterion added): yes to yes/no questions, the first choice,
    /// counts that make sense for partnerships and firms.
    fn answers(p: &Program, rules: &Rules<'_>, date: NaiveDate) -> Value {
        let mut facts = serde_json::Map::new();
        for f in (p.facts)(rules, date) {
            let v = match (&f.kind, f.id) {
                (_, "partners") => json!(3),
                (_, "staff") => json!(10),
                (_, "birthDate") => json!("1980-05-01"),
                (_, "sex") => json!("female"),
                // A rural category of an urban household is a fact error.
                (_, "ruralZeroTransfer") => json!(false),
                (FactKind::YesNo, _) => json!(true),
                (FactKind::Number, _) => json!(1),
                (FactKind::Money | FactKind::Decimal, _) => json!("3000"),
                (FactKind::Date, _) => json!("2024-01-01"),
                (FactKind::Month, _) => json!("2030-01"),
                (FactKind::Choice { options }, _) => json!(options[0].value),
                (FactKind::MultiChoice { options }, _) => json!([options[0].value]),
                (FactKind::Household, _) => {
                    json!([{ "relation": "spouse", "workingAge": true, "status": "unemployed" }])
                }
                (FactKind::Text, _) => json!("x"),
            };
            facts.insert(f.id.to_string(), v);
        }
        Value::Object(facts)
    }

    /// Every criterion of every program cites a clause (from the citation
    /// table or a parameter's own), with no answers and with full answers,
    /// nationally and under local packs; and no maintainers' note (seed file
    /// names, section marks of internal notes) reaches a criterion's citation.
    #[test]
    fn every_criterion_cites_a_clause() {
        let mut packs = PackSet::embedded().unwrap();
        for overlay in [
            include_str!("../../packs/examples/990100-demo-city.json"),
            include_str!("../../packs/examples/440000-guangdong.json"),
        ] {
            packs.load(overlay).unwrap();
        }
        let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let mut seen = 0;
        for region in ["000000", "990100", "440100"] {
            let rules = packs.rules(region).unwrap();
            for p in programs() {
                for facts in [json!({}), answers(&p, &rules, date)] {
                    let d = check(p.id, &facts, &rules, date, Lang::ZhCn)
                        .unwrap_or_else(|e| panic!("{} in {region}: {e:?}", p.id));
                    assert!(!d.criteria.is_empty(), "{} has no criteria", p.id);
                    for c in &d.criteria {
                        seen += 1;
                        let cite = c
                            .citation
                            .as_ref()
                            .unwrap_or_else(|| panic!("{} / {} cites no clause", p.id, c.id));
                        assert!(!cite.document.trim().is_empty(), "{} / {}", p.id, c.id);
                        let shown = format!("{cite:?}");
                        // The retirement parameters' notes are not this
                        // module's to word (see the retirement section of cn.json).
                        let internal_notes: &[&str] = if p.id == "flexibleRetirement" {
                            &[]
                        } else {
                            &["shared/seeds", "policy-facts", ".txt"]
                        };
                        for internal in internal_notes {
                            assert!(
                                !shown.contains(internal),
                                "{} / {} shows a maintainers' note: {shown}",
                                p.id,
                                c.id
                            );
                        }
                        assert!(d.sourced.citations.contains(cite), "{} / {}", p.id, c.id);
                    }
                }
            }
        }
        assert!(seen > 100);
    }
}
