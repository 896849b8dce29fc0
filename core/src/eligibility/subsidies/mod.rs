//! Subsidy programs, one module each: 灵活就业社会保险补贴 (`flexible`),
//! 公益性岗位安置 (`public_welfare_post`, the person) and 公益性岗位补贴
//! (`public_welfare_post_subsidy`, the employer), 一次性创业补贴 (`startup`),
//! 一次性求职补贴 (`job_seeking`), 创业培训补贴 (`training`).
//!
//! Each program is a criteria table ([`Row`]s: id, label, fact, parameter key,
//! clause id) plus the few criteria of its own; this module has what several
//! share: the questions on recognition and graduation, the "difficult person
//! or recent graduate" basis, the period left and the amount note.

pub mod flexible;
pub mod job_seeking;
pub mod public_welfare_post;
pub mod public_welfare_post_subsidy;
pub mod startup;
pub mod training;

use super::common::*;
use crate::facts::{FactDef, FactKind, Facts};
use crate::pack::{RuleError, NATIONAL};
use crate::verdict::{Check, Verdict};

pub(super) fn recognised() -> FactDef {
    yes_no(
        "recognisedDifficult",
        "您是否已被认定为就业困难人员？",
        "Have you been recognised as a difficult-to-employ person?",
    )
    .hint(t!(
        "认定后会记载在《就业创业证》上。",
        "Recognition is recorded in your employment certificate.",
    ))
}

pub(super) fn left_school() -> FactDef {
    FactDef::new(
        "leftSchoolOn",
        FactKind::Date,
        t!(
            "您是哪一天毕业离校的？",
            "On what date did you graduate and leave school?",
        ),
    )
    .hint(t!(
        "高校毕业生填写，见毕业证书。例如 2025-06-30",
        "For college graduates; see your graduation certificate. For example, 2025-06-30",
    ))
    .label(t!("毕业离校日期", "date you left school"))
}

pub(super) fn graduate() -> FactDef {
    yes_no(
        "graduate",
        "您是否为高校毕业生（含技工院校高级工班、预备技师班）？",
        "Are you a college graduate (including advanced technical school classes)?",
    )
}

/// Recognised difficult person, or graduate within the months of `months_key`
/// of leaving school: the two bases of several subsidies, as alternatives
/// (group `basis`), both resting on `clause`.
pub(super) fn basis(
    v: &mut Verdict<'_>,
    facts: &Facts,
    months_key: &'static str,
    clause: &'static str,
) -> Result<(), RuleError> {
    basis_cited(v, facts, months_key, clause)
}

/// [`basis`] with the recognised person's alternative resting on
/// `difficult_clause` (e.g. the employment-assistance guide's); the graduate's
/// rests on its months parameter.
pub(super) fn basis_cited(
    v: &mut Verdict<'_>,
    facts: &Facts,
    months_key: &'static str,
    difficult_clause: &'static str,
) -> Result<(), RuleError> {
    let difficult = yes_check(
        v,
        facts,
        &YesNo {
            id: "recognisedDifficult",
            fact: "recognisedDifficult",
            want: true,
            label: (
                "已认定的就业困难人员",
                "Recognised difficult-to-employ person",
            ),
            met: (
                "已被认定为就业困难人员。",
                "You have been recognised as a difficult-to-employ person.",
            ),
            not_met: (
                "未被认定为就业困难人员。",
                "You have not been recognised as a difficult-to-employ person.",
            ),
            clause: difficult_clause,
        },
    )?;
    v.add(difficult.group("basis"));
    let limit = v.int(months_key)?;
    let months = limit.value;
    let as_of = v.as_of();
    let check = Check::new(
        "recentGraduate",
        t!(
            "离校{}内的高校毕业生",
            "Graduate within {} of leaving school";
            span(months)
        ),
    )
    .group("basis")
    .figure(&limit);
    v.add(
        match (facts.yes_no("graduate"), facts.date("leftSchoolOn")) {
            (Some(false), _) => {
                check.not_met(t!("不是高校毕业生。", "You are not a college graduate."))
            }
            (Some(true), Some(left)) => {
                let (m, ok) = within_months(left, as_of, months);
                check
                    .compared(
                        t!("离校{}个月", "{} months since leaving"; m),
                        t!("≤ {}", "≤ {}"; limit.shown),
                    )
                    .decide(
                        ok,
                        t!(
                            "{} 离校，到 {} 未超过{}。",
                            "You left school on {}: by {} that is within {}.";
                            left, as_of, limit.shown
                        ),
                        t!(
                            "{} 离校，到 {} 已超过{}。",
                            "You left school on {}: by {} that is more than {}.";
                            left, as_of, limit.shown
                        ),
                    )
            }
            (Some(true), None) => check.unknown(
                t!("需要离校日期。", "Needs the date of leaving school."),
                &["leftSchoolOn"],
            ),
            (None, _) => check.unknown(not_answered(), &["graduate", "leftSchoolOn"]),
        },
    );
    Ok(())
}

/// A "period not used up" criterion: the months so far against a months
/// parameter. Where the period may run on to retirement (less than
/// `subsidy.nearRetirement.thresholdMonths` from it when first approved),
/// reaching the limit leaves the criterion to the subsidy plan.
pub(super) struct PeriodLeft {
    pub label: Words,
    /// The months so far.
    pub fact: &'static str,
    pub key: &'static str,
    /// The clause of the period's stop condition, if not the parameter's own.
    pub clause: Option<&'static str>,
    /// The period may be extended up to retirement.
    pub extendable: bool,
    pub needs: Words,
}

pub(super) fn period_left(
    v: &mut Verdict<'_>,
    facts: &Facts,
    spec: &PeriodLeft,
) -> Result<(), RuleError> {
    let max = v.int(spec.key)?;
    let mut check = Check::new("periodLeft", words(spec.label)).figure(&max);
    if let Some(id) = spec.clause {
        check = check.cite(v.clause(id)?);
    }
    let near = if spec.extendable {
        Some(v.int("subsidy.nearRetirement.thresholdMonths")?)
    } else {
        None
    };
    let limit = max.value;
    v.add(match facts.number(spec.fact) {
        Some(n) => {
            let check = check.compared(
                t!("已享受{}个月", "{} months received"; n),
                t!("< {}", "< {}"; max.shown),
            );
            match near {
                _ if n < limit => check.met(t!(
                    "已享受{}个月，最长{}。",
                    "{} months received of at most {}.";
                    n, max.shown
                )),
                Some(near) => check.unknown(
                    t!(
                        "已享受{}个月，达到{}；距法定退休年龄不足{}的可延长至退休，请用补贴测算核对。",
                        "{} months received, the limit of {}; people less than {} from retirement may continue to retirement: check with the subsidy plan.";
                        n, max.shown, span(near.value)
                    ),
                    &[],
                ),
                None => check.not_met(t!(
                    "已享受{}个月，达到{}的上限。",
                    "{} months received: the limit of {} is reached.";
                    n, max.shown
                )),
            }
        }
        None => check.unknown(words(spec.needs), &[spec.fact]),
    });
    Ok(())
}

/// Says what the subsidy amounts to here, or that the local pack has no figure.
pub(super) fn amount_note(v: &mut Verdict<'_>, key: &'static str) -> Result<(), RuleError> {
    match v.optional(|v| v.decimal(key))? {
        Some(amount) => {
            let p = &amount.param;
            let place = if p.locality == NATIONAL {
                t!("全国", p.locality.clone())
            } else {
                t!(p.locality.clone(), p.locality.clone())
            };
            let region = t!("{}", "region {}"; place);
            v.note(t!(
                "补贴标准：{}（{}，{}）。",
                "Amount: {} ({}, {}).";
                amount.shown, p.citation.document, region
            ));
        }
        None => v.note(t!(
            "补贴标准由各地规定，本地规则包未提供金额，以当地经办机构为准。",
            "The amount is set locally and the local pack gives none; ask the local office.",
        )),
    }
    Ok(())
}
