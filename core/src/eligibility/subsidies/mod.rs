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
use crate::dates::{add_months, whole_months_between};
use crate::facts::{FactDef, FactKind, Facts};
use crate::pack::{Figure, RuleError, NATIONAL};
use crate::verdict::{Check, Verdict};
use chrono::NaiveDate;

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
                "You are recognised as a difficult-to-employ person.",
            ),
            not_met: (
                "未被认定为就业困难人员。",
                "You are not recognised as a difficult-to-employ person.",
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
                            "You left school on {}, which by {} is within {}.";
                            left, as_of, limit.shown
                        ),
                        t!(
                            "{} 离校，到 {} 已超过{}。",
                            "You left school on {}, which by {} is more than {} ago.";
                            left, as_of, limit.shown
                        ),
                    )
            }
            (Some(true), None) => check.unknown(
                t!("需要离校日期。", "The date you left school is needed."),
                &["leftSchoolOn"],
            ),
            (None, _) => check.unknown(not_answered(), &["graduate", "leftSchoolOn"]),
        },
    );
    Ok(())
}

/// A "period not used up" criterion: the months so far against a months
/// parameter. Where the period may run on to retirement (fewer than
/// `subsidy.nearRetirement.thresholdMonths` from the first approval to the
/// retirement day, 以初次核定时年龄为准), reaching the limit is judged on the
/// first approval date and the retirement day, as the subsidy plan judges it.
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
        let near = v.int("subsidy.nearRetirement.thresholdMonths")?;
        check = check.figure(&near);
        Some(near)
    } else {
        None
    };
    let limit = max.value;
    let check = match facts.number(spec.fact) {
        Some(n) if n < limit => check
            .compared(
                t!("已享受{}个月", "{} months received"; n),
                t!("< {}", "< {}"; max.shown),
            )
            .met(t!(
                "已享受{}个月，补贴期限最长{}，还没有用完。",
                "{} months have been received of at most {}, so the period is not used up.";
                n, max.shown
            )),
        Some(n) => match near {
            Some(near) => extension(v, facts, check, n, &max, &near)?,
            None => check
                .compared(
                    t!("已享受{}个月", "{} months received"; n),
                    t!("< {}", "< {}"; max.shown),
                )
                .not_met(t!(
                    "已享受{}个月，达到{}的上限。",
                    "{} months have been received, which reaches the limit of {}.";
                    n, max.shown
                )),
        },
        None => check.unknown(words(spec.needs), &[spec.fact]),
    };
    v.add(check);
    Ok(())
}

/// The period used up (`n` months of at most `max`), unless it runs on to
/// retirement: fewer than `near` months from the first approval to the
/// retirement day. Needs the first approval date and what sets the
/// retirement day (birth date, sex, a woman's kind of post).
fn extension(
    v: &mut Verdict<'_>,
    facts: &Facts,
    check: Check,
    n: i64,
    max: &Figure<i64>,
    near: &Figure<i64>,
) -> Result<Check, RuleError> {
    let runs_on = |first: NaiveDate, retirement: NaiveDate| {
        add_months(first, near.value as i32).is_some_and(|limit| limit > retirement)
    };
    let first = facts.date("firstApprovedOn");
    let range = retirement_dates(facts, v.rules(), v.as_of())?;
    let used_up = t!(
        "已享受{}个月，达到最长{}；",
        "{} months have been received, which reaches the limit of {}; ";
        n, max.shown
    );
    Ok(match (first, range) {
        (Some(first), Some((earliest, latest)))
            if runs_on(first, latest) || !runs_on(first, earliest) =>
        {
            let extended = runs_on(first, latest);
            // A woman whose kind of post is not known yet: both of her
            // possible retirement days give the same answer.
            let retirement = if earliest == latest {
                t!("{}", "{}"; earliest)
            } else {
                t!("{} 至 {}，视岗位类别", "{} to {}, by the kind of post"; earliest, latest)
            };
            let left = whole_months_between(first, if extended { latest } else { earliest });
            let check = check.compared(
                t!(
                    "初次核定时距退休{}个月",
                    "{} months to retirement at the first approval";
                    left
                ),
                t!("少于{}", "less than {}"; near.shown),
            );
            if extended {
                check.met(t!(
                    "{}但初次核定日 {} 距法定退休（{}）不足{}，补贴期限延长至退休。",
                    "{0}but on the first approval ({1}) less than {3} remained until retirement ({2}), so the period runs on to retirement.";
                    used_up, first, retirement, near.shown
                ))
            } else {
                check.not_met(t!(
                    "{}初次核定日 {} 距法定退休（{}）还有{}个月，不少于{}，不能延长至退休。",
                    "{0}on the first approval ({1}) {3} months remained until retirement ({2}), not fewer than {4}, so the period cannot run on to retirement.";
                    used_up, first, retirement, left, near.shown
                ))
            }
        }
        (Some(_), Some(_)) => check.unknown(
            t!(
                "{}能否延长至退休取决于女职工的退休年龄，需要岗位类别。",
                "{}whether it runs on to retirement depends on a woman's retirement age, so her kind of post is needed.";
                used_up
            ),
            &["womanTrack"],
        ),
        (first, range) => {
            let (zh, en, facts): (&str, &str, &[&'static str]) = match (first, range) {
                (None, Some(_)) => ("初次核定日期", "the first approval date is", &["firstApprovedOn"]),
                (Some(_), _) => ("出生日期和性别", "the date of birth and the sex are", &["birthDate", "sex"]),
                (None, None) => (
                    "初次核定日期、出生日期和性别",
                    "the first approval date, the date of birth and the sex are",
                    &["firstApprovedOn", "birthDate", "sex"],
                ),
            };
            check.unknown(
                t!(
                    "{}初次核定时距法定退休年龄不足{}的，可延长至退休，需要{}来判断。",
                    "{}the period runs on to retirement if less than {} remained at the first approval, so {} needed.";
                    used_up, near.shown, t!(zh, en)
                ),
                facts,
            )
        }
    })
}

/// The words of a [`before_retirement`] criterion.
pub(super) struct RetirementStop {
    pub label: Words,
    /// The clause listing retirement among the stop conditions.
    pub clause: &'static str,
}

/// Retirement age not reached on the verdict's date (a stop condition of the
/// subsidies: 到达法定退休年龄的).
pub(super) fn before_retirement(
    v: &mut Verdict<'_>,
    facts: &Facts,
    spec: &RetirementStop,
) -> Result<(), RuleError> {
    let as_of = v.as_of();
    let dates = retirement_dates(facts, v.rules(), as_of)?;
    let check = Check::new("beforeRetirement", words(spec.label)).cite(v.clause(spec.clause)?);
    v.add(match dates {
        Some((_, latest)) if as_of >= latest => check.not_met(t!(
            "已于 {} 达到法定退休年龄，应停止补贴。",
            "The statutory retirement age was reached on {}, so the subsidy stops.";
            latest
        )),
        Some((earliest, _)) if as_of < earliest => check.met(t!(
            "将于 {} 达到法定退休年龄，目前还没有达到。",
            "The statutory retirement age will be reached on {}; it is not reached yet.";
            earliest
        )),
        Some(_) => check.unknown(
            t!(
                "女职工的法定退休年龄取决于岗位类别，需要确认。",
                "A woman's retirement age depends on her kind of post, so the kind of post is needed.",
            ),
            &["womanTrack"],
        ),
        None => check.unknown(
            t!(
                "需要出生日期和性别，才能算出法定退休年龄。",
                "The date of birth and the sex are needed to work out the retirement age.",
            ),
            &["birthDate", "sex"],
        ),
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
                "The subsidy is {} ({}, {}).";
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
