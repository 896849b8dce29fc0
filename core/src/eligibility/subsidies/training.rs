//! 创业培训补贴 (`trainingSubsidy`): a person in a group the training subsidy
//! covers who completed the training and obtained the certificate, within the
//! number of times allowed. The amount is local.

use super::amount_note;
use crate::eligibility::common::*;
use crate::facts::{Choice, FactDef, FactKind, Facts};
use crate::pack::{RuleError, Rules};
use crate::text::Lang;
use crate::verdict::{Check, Determination, Verdict};
use chrono::NaiveDate;

pub const ID: &str = "trainingSubsidy";

const CLAUSE: &str = "training.entrepreneurship";

const CRITERIA: &[Row] = &[
    Row::Own(trainee_group),
    Row::Yes(YesNo {
        id: "trainingCompleted",
        fact: "trainingCompleted",
        want: true,
        label: ("完成培训", "Training completed"),
        met: ("已完成培训。", "Completed."),
        not_met: ("须完成创业培训。", "The training must be completed."),
        clause: CLAUSE,
    }),
    Row::Yes(YesNo {
        id: "certificateObtained",
        fact: "certificateObtained",
        want: true,
        label: ("取得培训合格证书", "Certificate obtained"),
        met: ("已取得证书。", "Obtained."),
        not_met: ("须取得培训合格证书。", "The certificate is needed."),
        clause: CLAUSE,
    }),
    Row::Times(Times {
        id: "timesLeft",
        fact: "timesReceived",
        key: "training.entrepreneurship.maxTimes",
        label: ("未超过享受次数", "Within the number of times allowed"),
        optional: false,
    }),
];

fn trainee_group(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let check = Check::new(
        "traineeGroup",
        t!(
            "属于可享受培训补贴的人员",
            "In a group the training subsidy covers",
        ),
    )
    .cite(v.clause(CLAUSE)?);
    v.add(match facts.choice("traineeGroup") {
        Some("other") => check.not_met(t!(
            "培训补贴面向规定的几类人员；其他人员可咨询当地是否另有政策。",
            "The subsidy covers the groups listed; ask locally about other schemes.",
        )),
        Some(_) => check.met(t!("属于规定人员。", "In a covered group.")),
        None => check.unknown(not_answered(), &["traineeGroup"]),
    });
    Ok(())
}

pub fn facts(_: &Rules<'_>, _: NaiveDate) -> Vec<FactDef> {
    vec![
        FactDef::new(
            "traineeGroup",
            FactKind::Choice {
                options: vec![
                    Choice::new(
                        "registeredUnemployed",
                        t!("城镇登记失业人员", "registered unemployed"),
                    ),
                    Choice::new(
                        "difficultToEmploy",
                        t!("就业困难人员", "difficult-to-employ person"),
                    ),
                    Choice::new(
                        "graduate",
                        t!("毕业年度高校毕业生", "graduate in the graduation year"),
                    ),
                    Choice::new(
                        "schoolLeaver",
                        t!(
                            "城乡未继续升学的应届初高中毕业生",
                            "school leaver not going on to further study",
                        ),
                    ),
                    Choice::new(
                        "ruralMigrant",
                        t!(
                            "农村转移就业劳动者",
                            "rural worker moving into off-farm work",
                        ),
                    ),
                    Choice::new(
                        "poorFamilyChild",
                        t!("贫困家庭子女", "child of a poor family"),
                    ),
                    Choice::new("other", t!("以上都不是", "none of these")),
                ],
            },
            t!("您属于哪一类人员？", "Which group are you in?"),
        ),
        yes_no(
            "trainingCompleted",
            "您是否完成了创业培训（如SYB）？",
            "Have you completed the entrepreneurship training (e.g. SYB)?",
        ),
        yes_no(
            "certificateObtained",
            "您是否取得了培训合格证书？",
            "Did you obtain the training certificate?",
        ),
        times(
            "timesReceived",
            "您已享受过几次创业培训补贴？",
            "How many times have you received the entrepreneurship training subsidy?",
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
    amount_note(&mut v, "training.entrepreneurship.amount")?;
    Ok(v.finish(facts, &self::facts(rules, as_of), |o| {
        summary(
            o,
            (
                "您符合创业培训补贴的条件。",
                "You meet the conditions for the training subsidy.",
            ),
            (
                "您目前不符合创业培训补贴的条件，原因见下。",
                "You do not meet the conditions at present; see why below.",
            ),
        )
    }))
}
