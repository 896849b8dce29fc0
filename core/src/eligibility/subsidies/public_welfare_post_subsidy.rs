//! 公益性岗位补贴 (`publicWelfarePostSubsidy`), the employer: a recognised post
//! and person, a contract and the employer's contributions, and none of the
//! stop conditions of seed guide 第二节 二、2(4)3) (wage below the minimum,
//! period over, workload, another post, retirement age).

use super::{before_retirement, period_left, PeriodLeft, RetirementStop};
use crate::eligibility::common::*;
use crate::facts::{first_approved_on, FactDef, FactKind, Facts};
use crate::pack::{RuleError, Rules};
use crate::text::{Lang, Text};
use crate::verdict::{Determination, Verdict};
use chrono::NaiveDate;

pub const ID: &str = "publicWelfarePostSubsidy";

const CRITERIA: &[Row] = &[
    Row::Yes(YesNo {
        id: "postIsPublicWelfare",
        fact: "postIsPublicWelfare",
        want: true,
        label: ("岗位为公益性岗位", "The post is a public-welfare post"),
        met: (
            "岗位为公益性岗位。",
            "The post is a recognised public-welfare post.",
        ),
        not_met: (
            "只有政府开发认定的公益性岗位可以享受岗位补贴。",
            "Only recognised public-welfare posts are subsidised.",
        ),
        clause: "guide.assistance.post.object",
    }),
    Row::Yes(YesNo {
        id: "personRecognised",
        fact: "personRecognised",
        want: true,
        label: (
            "安置人员为已认定的就业困难人员",
            "The person is recognised as difficult to employ",
        ),
        met: (
            "安置人员已被认定为就业困难人员。",
            "The person is recognised as a difficult-to-employ person.",
        ),
        not_met: (
            "享受补贴的人员须为已认定的就业困难人员。",
            "The person must be a recognised difficult-to-employ person.",
        ),
        clause: "guide.assistance.post.object",
    }),
    Row::Yes(YesNo {
        id: "contractSigned",
        fact: "contractSigned",
        want: true,
        label: ("签订劳动合同", "Labour contract signed"),
        met: (
            "已签订劳动合同。",
            "A labour contract with the person is signed.",
        ),
        not_met: (
            "须与安置人员签订劳动合同。",
            "A labour contract is required.",
        ),
        clause: "practice.post.contract",
    }),
    Row::Yes(YesNo {
        id: "paysInsurance",
        fact: "paysInsurance",
        want: true,
        label: ("单位缴纳社会保险", "Employer pays social insurance"),
        met: (
            "单位为其缴纳社会保险费。",
            "The employer pays the person's social insurance.",
        ),
        not_met: (
            "社会保险补贴以单位实际缴费为前提。",
            "The insurance subsidy requires the employer's contributions.",
        ),
        clause: "guide.assistance.post.insurance",
    }),
    Row::Yes(YesNo {
        id: "workloadMet",
        fact: "workloadMet",
        want: true,
        label: ("工作量达到规定标准", "Workload meets the standard"),
        met: (
            "工作量达到规定标准。",
            "The person's workload meets the standard.",
        ),
        not_met: (
            "工作量未达到规定标准的，应停止补贴。",
            "A workload below the standard stops the subsidy.",
        ),
        clause: "guide.assistance.post.stop.workload",
    }),
    Row::Yes(YesNo {
        id: "postMatches",
        fact: "postMatches",
        want: true,
        label: (
            "实际岗位与申报岗位相符",
            "Actual post matches the declared one",
        ),
        met: (
            "实际岗位与申报岗位相符。",
            "The actual post matches the one declared.",
        ),
        not_met: (
            "实际从事岗位与原申报岗位不符的，应停止补贴。",
            "A different actual post stops the subsidy.",
        ),
        clause: "guide.assistance.post.stop.mismatch",
    }),
    Row::Wage(WageCheck {
        id: "wageAtLeastMinimum",
        label: (
            "工资不低于当地最低工资标准",
            "Wage at least the local minimum wage",
        ),
        fact: "monthlyWage",
        key: "wage.minimumMonthly",
        side: WageSide::AtLeast,
        clause: "guide.assistance.post.stop.wage",
        if_met: (
            "工资不低于当地最低工资标准。",
            "The wage is at least the local minimum wage.",
        ),
        if_not: (
            "工资低于当地最低工资标准的，应停止补贴。",
            "A wage below the local minimum stops the subsidy.",
        ),
        needs: ("需要每月工资。", "The monthly wage is needed."),
        skipped: (
            "本地规则包未提供最低工资标准，未检查“工资低于最低工资即停止补贴”一项。",
            "The local pack gives no minimum wage, so the wage condition was not checked.",
        ),
    }),
    Row::Own(retirement),
    Row::Own(period),
];

/// Retirement age not reached (stop ⑤).
fn retirement(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    before_retirement(
        v,
        facts,
        &RetirementStop {
            label: (
                "安置人员未达到法定退休年龄",
                "The person has not reached retirement age",
            ),
            clause: "guide.assistance.post.stop.retirement",
        },
    )
}

/// The post subsidy's years (stop ②), which may run on to retirement.
fn period(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    period_left(
        v,
        facts,
        &PeriodLeft {
            label: ("补贴年限未超过规定", "Subsidy period within the limit"),
            fact: "monthsSubsidised",
            key: "publicWelfarePost.maxMonths",
            clause: Some("guide.assistance.post.stop.period"),
            extendable: true,
            needs: (
                "需要已享受的月数。",
                "The months already subsidised are needed.",
            ),
        },
    )
}

pub fn facts(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    vec![
        yes_no(
            "postIsPublicWelfare",
            "岗位是否为政府开发认定的公益性岗位？",
            "Is the post a public-welfare post recognised by the government?",
        ),
        yes_no(
            "personRecognised",
            "安置人员是否为已认定的就业困难人员？",
            "Is the person placed a recognised difficult-to-employ person?",
        ),
        yes_no(
            "contractSigned",
            "是否与安置人员签订了劳动合同？",
            "Is there a labour contract with the person?",
        ),
        yes_no(
            "paysInsurance",
            "单位是否为其缴纳社会保险费？",
            "Does the employer pay the person's social insurance?",
        ),
        yes_no(
            "workloadMet",
            "其工作量是否达到规定标准？",
            "Does the person's workload meet the standard?",
        ),
        yes_no(
            "postMatches",
            "实际从事的岗位是否与申报岗位一致？",
            "Is the actual work the post declared?",
        ),
        FactDef::new(
            "monthlyWage",
            FactKind::Money,
            t!("每月工资（元）？", "Monthly wage (yuan)?"),
        ),
        about_the_person(
            birth_date(),
            t!(
                "安置人员的出生日期是？",
                "What is the placed person's date of birth?",
            ),
        ),
        about_the_person(
            sex(),
            t!("安置人员的性别是？", "What is the placed person's sex?"),
        ),
        about_the_person(
            woman_track(rules, date),
            t!(
                "安置人员的退休年龄按哪类岗位计算？",
                "Which kind of post sets the placed person's retirement age?",
            ),
        )
        .hint(t!(
            "按其所在公益性岗位的类别计算，以当地经办机构为准。",
            "By the kind of public-welfare post the person holds; the local office decides.",
        )),
        FactDef::new(
            "monthsSubsidised",
            FactKind::Number,
            t!(
                "该人员的岗位补贴已享受多少个月？",
                "For how many months has the post subsidy been paid for this person?",
            ),
        )
        .hint(t!("没有填 0。", "Enter 0 if never.")),
        first_approved_on(),
    ]
}

/// A question of the person's own, asked of the employer about the person placed.
fn about_the_person(def: FactDef, question: Text) -> FactDef {
    FactDef { question, ..def }
}

pub fn evaluate(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new(ID, rules, as_of, lang);
    run(&mut v, facts, CRITERIA)?;
    Ok(v.finish(facts, &self::facts(rules, as_of), |o| {
        summary(
            o,
            (
                "该岗位和人员符合公益性岗位补贴的条件。",
                "The post and the person meet the conditions for the subsidy.",
            ),
            (
                "不符合或应停止公益性岗位补贴，原因见下。",
                "The subsidy does not apply or must stop; see why below.",
            ),
        )
    }))
}
