//! 一次性求职补贴 (`jobSeekingSubsidy`): for a college student in the
//! graduation year, seeking work, in one of the groups named (财社〔2023〕181号),
//! or for a person covered by employment assistance (就业援助对象: a recognised
//! difficult-to-employ person, 劳动保障协理员工作指南·就业援助 第一节 六、2(3)),
//! not received before. The amount is local.
//!
//! The two groups are alternatives (group `basis`): in the graduation year, or
//! recognised. The graduates' groups (`category`) matter only on the first path:
//! for a recognised person that criterion is met without them.

use super::{amount_note, recognised};
use crate::eligibility::common::*;
use crate::facts::{job_seeking_categories, FactDef, FactKind, Facts};
use crate::pack::{RuleError, Rules};
use crate::text::Lang;
use crate::verdict::{Check, Determination, Verdict};
use chrono::NaiveDate;

pub const ID: &str = "jobSeekingSubsidy";

/// The graduates' clause (财社〔2023〕181号).
const CLAUSE: &str = "jobSeeking.subsidy";
/// The employment-assistance clause (就业援助对象).
const ASSISTANCE: &str = "guide.assistance.jobSeeking";

const CRITERIA: &[Row] = &[
    Row::Own(graduation_year),
    Row::Own(assistance_target),
    Row::Yes(YesNo {
        id: "seekingWork",
        fact: "seekingWork",
        want: true,
        label: ("积极求职创业", "Actively seeking work"),
        met: (
            "积极求职创业。",
            "You are seeking work or starting a business.",
        ),
        not_met: (
            "须积极求职或创业。",
            "You must be seeking work or starting a business.",
        ),
        clause: CLAUSE,
    }),
    Row::Own(category),
    Row::Times(Times {
        id: "notReceivedBefore",
        fact: "timesReceived",
        key: "jobSeeking.subsidy.maxTimes",
        label: ("未领取过", "Not received before"),
        optional: false,
    }),
];

fn graduation_year(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let check = yes_check(
        v,
        facts,
        &YesNo {
            id: "inGraduationYear",
            fact: "inGraduationYear",
            want: true,
            label: (
                "毕业学年的高校毕业生",
                "College student in the graduation year",
            ),
            met: ("毕业学年。", "You are in your graduation year."),
            not_met: (
                "不是毕业学年的高校毕业生。",
                "You are not a college student in the graduation year.",
            ),
            clause: CLAUSE,
        },
    )?;
    v.add(check.group("basis"));
    Ok(())
}

fn assistance_target(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let check = yes_check(
        v,
        facts,
        &YesNo {
            id: "recognisedDifficult",
            fact: "recognisedDifficult",
            want: true,
            label: (
                "就业援助对象（已认定的就业困难人员）",
                "Covered by employment assistance (a recognised difficult-to-employ person)",
            ),
            met: (
                "已被认定为就业困难人员，属于就业援助对象。",
                "You are a recognised difficult-to-employ person, so employment assistance covers you.",
            ),
            not_met: (
                "未被认定为就业困难人员。",
                "You are not a recognised difficult-to-employ person.",
            ),
            clause: ASSISTANCE,
        },
    )?;
    v.add(check.group("basis"));
    Ok(())
}

fn category(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let check = Check::new(
        "category",
        t!(
            "毕业生属于规定的困难类别之一",
            "A graduate in one of the groups named"
        ),
    )
    .cite(v.clause(CLAUSE)?);
    let recognised = facts.yes_no("recognisedDifficult");
    let in_year = facts.yes_no("inGraduationYear");
    let listed = facts.choices("jobSeekingCategories");
    v.add(match (listed, recognised) {
        (_, Some(true)) => check.met(t!(
            "作为就业援助对象申请，不要求属于毕业生的类别。",
            "You apply as a person covered by employment assistance, so the graduates' groups do not apply.",
        )),
        // Not a graduating student: only recognition can still open the subsidy.
        (_, r) if in_year == Some(false) => check.unknown(
            t!(
                "不在毕业学年，只能作为就业援助对象（已认定的就业困难人员）申请。",
                "You are not in your graduation year, so you can apply only as a recognised difficult-to-employ person.",
            ),
            if r.is_none() {
                &["recognisedDifficult"]
            } else {
                &[]
            },
        ),
        (Some(list), _) if !list.is_empty() => check.met(t!(
            "属于规定类别。",
            "You are in one of the groups named."
        )),
        (Some(_), Some(false)) => check.not_met(t!(
            "毕业生须属于低保家庭、零就业家庭、防止返贫监测对象家庭、特困人员，或为残疾、获得国家助学贷款的毕业生。",
            "Graduates qualify only from a dibao, zero-employment or monitored household, as a person in extreme poverty, with a disability, or with a national student loan.",
        )),
        (Some(_), None) => check.unknown(
            t!(
                "不属于毕业生的类别；如已被认定为就业困难人员，仍可作为就业援助对象申请。",
                "You are in none of the graduates' groups; if you are a recognised difficult-to-employ person, you may still apply under employment assistance.",
            ),
            &["recognisedDifficult"],
        ),
        (None, _) => check.unknown(not_answered(), &["jobSeekingCategories"]),
    });
    Ok(())
}

pub fn facts(_: &Rules<'_>, _: NaiveDate) -> Vec<FactDef> {
    vec![
        yes_no(
            "inGraduationYear",
            "您是否为毕业学年的高校毕业生？",
            "Are you a college student in your graduation year?",
        ),
        recognised(),
        yes_no(
            "seekingWork",
            "您是否在积极求职或创业？",
            "Are you actively looking for work or starting a business?",
        ),
        FactDef::new(
            "jobSeekingCategories",
            FactKind::MultiChoice {
                options: job_seeking_categories(),
            },
            t!(
                "您属于下列哪些情形？（可多选，都不是就不选）",
                "Which of these apply to you? (select all that apply, or none)",
            ),
        ),
        times(
            "timesReceived",
            "您已领取过几次一次性求职补贴？",
            "How many times have you received the one-time job-seeking subsidy?",
        ),
    ]
}

pub fn evaluate(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new(ID, rules, as_of, lang);
    run(&mut v, facts, CRITERIA)?;
    amount_note(&mut v, "jobSeeking.subsidy.amount")?;
    Ok(v.finish(facts, &self::facts(rules, as_of), |o| {
        summary(
            o,
            (
                "您符合一次性求职补贴的条件。高校毕业生一般通过学校申请，就业援助对象向基层公共就业服务平台申请。",
                "You meet the conditions for the one-time job-seeking subsidy. Graduates usually apply through their school; people covered by employment assistance apply at the local public employment service.",
            ),
            (
                "您目前不符合一次性求职补贴的条件，原因见下。",
                "You do not meet the conditions for the one-time job-seeking subsidy at present; see why below.",
            ),
        )
    }))
}
