//! 创业培训补贴 (`trainingSubsidy`): a person in a group the 2007 notice on
//! entrepreneurship training names (劳社部发〔2007〕30号: 下岗失业人员, 大学生,
//! 农村劳动者, 复员转业退伍军人, 残疾人; and 就业困难人员) who completed the
//! training and obtained the certificate, within the number of times allowed.
//! The amount is local.

use super::amount_note;
use crate::eligibility::common::*;
use crate::facts::{trainee_groups, FactDef, FactKind, Facts};
use crate::pack::{RuleError, Rules};
use crate::text::Lang;
use crate::verdict::{Check, Determination, Verdict};
use chrono::NaiveDate;

pub const ID: &str = "trainingSubsidy";

/// The groups the training reaches (劳社部发〔2007〕30号 附件 三、(二)).
const CLAUSE: &str = "training.entrepreneurship";
/// The certificate for those who pass (the same notice, 三).
const CERTIFICATE: &str = "training.certificate";

const CRITERIA: &[Row] = &[
    Row::Own(trainee_group),
    Row::Yes(YesNo {
        id: "trainingCompleted",
        fact: "trainingCompleted",
        want: true,
        label: ("完成培训", "Training completed"),
        met: ("已完成培训。", "You have completed the training."),
        not_met: (
            "须完成创业培训。",
            "You must complete the entrepreneurship training first.",
        ),
        clause: CERTIFICATE,
    }),
    Row::Yes(YesNo {
        id: "certificateObtained",
        fact: "certificateObtained",
        want: true,
        label: ("取得培训合格证书", "Certificate obtained"),
        met: (
            "已取得证书。",
            "You have obtained the training certificate.",
        ),
        not_met: (
            "须取得培训合格证书。",
            "You need the certificate given to those who pass the training.",
        ),
        clause: CERTIFICATE,
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
            "通知点名的是下岗失业人员、大学生、农村劳动者、复员转业退伍军人和残疾人；其他城乡创业者能否享受补贴由当地规定，请向当地人社部门咨询。",
            "The notice names laid-off and unemployed people, university students, rural workers, veterans and people with disabilities; whether other entrepreneurs get the subsidy is set locally, so ask the local human resources office.",
        )),
        Some(_) => check.met(t!(
            "属于规定人员。",
            "You are in a group the subsidy covers."
        )),
        None => check.unknown(not_answered(), &["traineeGroup"]),
    });
    Ok(())
}

pub fn facts(_: &Rules<'_>, _: NaiveDate) -> Vec<FactDef> {
    vec![
        FactDef::new(
            "traineeGroup",
            FactKind::Choice {
                options: trainee_groups(),
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
                "You meet the conditions for the entrepreneurship training subsidy.",
            ),
            (
                "您目前不符合创业培训补贴的条件，原因见下。",
                "You do not meet the conditions for the entrepreneurship training subsidy at present; see why below.",
            ),
        )
    }))
}
