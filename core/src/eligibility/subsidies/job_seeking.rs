//! 一次性求职补贴 (`jobSeekingSubsidy`): a college student in the graduation
//! year, seeking work, in one of the groups named (财社〔2023〕181号), not
//! received before. The amount is local.

use super::amount_note;
use crate::eligibility::common::*;
use crate::facts::{job_seeking_categories, FactDef, FactKind, Facts};
use crate::pack::{RuleError, Rules};
use crate::text::Lang;
use crate::verdict::{Check, Determination, Verdict};
use chrono::NaiveDate;

pub const ID: &str = "jobSeekingSubsidy";

const CLAUSE: &str = "jobSeeking.subsidy";

const CRITERIA: &[Row] = &[
    Row::Yes(YesNo {
        id: "inGraduationYear",
        fact: "inGraduationYear",
        want: true,
        label: (
            "毕业学年的高校毕业生",
            "College student in the graduation year",
        ),
        met: ("毕业学年。", "In the graduation year."),
        not_met: (
            "只给毕业学年的高校毕业生。",
            "Only for students in their graduation year.",
        ),
        clause: CLAUSE,
    }),
    Row::Yes(YesNo {
        id: "seekingWork",
        fact: "seekingWork",
        want: true,
        label: ("积极求职创业", "Actively seeking work"),
        met: ("积极求职创业。", "Seeking work."),
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

fn category(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let check = Check::new(
        "category",
        t!("属于规定的困难类别之一", "In one of the groups named"),
    )
    .cite(v.clause(CLAUSE)?);
    v.add(match facts.choices("jobSeekingCategories") {
        Some(list) if !list.is_empty() => check.met(t!("属于规定类别。", "In one of the groups.")),
        Some(_) => check.not_met(t!(
            "只给低保、零就业、监测对象家庭和特困人员中的毕业生，以及残疾或获得国家助学贷款的毕业生。",
            "Only for graduates from dibao, zero-employment, monitored or extreme-poverty households, or disabled, or with a student loan.",
        )),
        None => check.unknown(not_answered(), &["jobSeekingCategories"]),
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
                "您符合一次性求职补贴的条件，一般通过学校申请。",
                "You meet the conditions; applications usually go through your school.",
            ),
            (
                "您目前不符合一次性求职补贴的条件，原因见下。",
                "You do not meet the conditions at present; see why below.",
            ),
        )
    }))
}
