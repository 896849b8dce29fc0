//! 灵活就业社会保险补贴 (`flexibleEmploymentSubsidy`): a recognised
//! difficult-to-employ person, or a recent graduate, in flexible work or
//! self-employment, paying as a flexible worker in full and on time, with the
//! work reported; the period not used up (or run on to retirement), and none
//! of the stop conditions it can judge: retirement age reached, income at the
//! local average wage. Seed guide 第二节 二、3.

use super::{
    basis, before_retirement, graduate, left_school, period_left, recognised, PeriodLeft,
    RetirementStop,
};
use crate::eligibility::common::*;
use crate::facts::{first_approved_on, Choice, FactDef, FactKind, Facts};
use crate::pack::{RuleError, Rules};
use crate::text::{Lang, Text};
use crate::verdict::{Check, Determination, Outcome, Verdict};
use chrono::NaiveDate;

pub const ID: &str = "flexibleEmploymentSubsidy";

/// The criteria, in the guide's order.
const CRITERIA: &[Row] = &[
    Row::Own(the_basis),
    Row::Own(flexible_work),
    Row::Yes(YesNo {
        id: "contributesAsFlexible",
        fact: "contributesAsFlexible",
        want: true,
        label: (
            "按灵活就业人员办法参保缴费",
            "Pays insurance as a flexible worker",
        ),
        met: (
            "按灵活就业人员办法缴费。",
            "You pay social insurance as a flexible worker.",
        ),
        not_met: (
            "须按灵活就业人员参保缴费办法缴纳社会保险费。",
            "Contributions must be paid under the flexible-worker scheme.",
        ),
        clause: "guide.assistance.flexible.contributes",
    }),
    Row::Yes(YesNo {
        id: "contributionsUpToDate",
        fact: "contributionsUpToDate",
        want: true,
        label: ("按规定及时足额缴费", "Contributions in full and on time"),
        met: (
            "及时足额缴费。",
            "Your contributions are paid in full and on time.",
        ),
        not_met: (
            "须按规定及时足额缴纳社会保险费。",
            "Contributions must be paid in full and on time.",
        ),
        clause: "guide.assistance.flexible.upToDate",
    }),
    Row::Yes(YesNo {
        id: "employmentRegistered",
        fact: "employmentRegistered",
        want: true,
        label: (
            "已向基层平台申报就业",
            "Work reported to the local service point",
        ),
        met: (
            "已申报就业。",
            "Your work is reported to the local service point.",
        ),
        not_met: (
            "须向所辖基层平台申报就业。",
            "Report your work to the local service point first.",
        ),
        clause: "guide.assistance.flexible.registered",
    }),
    Row::Own(retirement),
    Row::Own(period),
    // Income below the local average wage (a stop condition).
    Row::Wage(WageCheck {
        id: "incomeBelowAverage",
        label: (
            "灵活就业收入低于当地上年在岗职工平均工资",
            "Income below the local average wage",
        ),
        fact: "monthlyIncome",
        key: "wage.averageMonthly",
        side: WageSide::Below,
        clause: "guide.assistance.flexible.stop",
        if_met: (
            "收入低于当地平均工资。",
            "Your income is below the local average wage.",
        ),
        if_not: (
            "灵活就业收入达到当地上年在岗职工平均工资的，停止享受补贴。",
            "Income at or above the local average wage stops the subsidy.",
        ),
        needs: ("需要每月收入。", "The monthly income is needed."),
        skipped: (
            "本地规则包未提供上年在岗职工平均工资，未检查“收入达到平均工资即停止补贴”一项。",
            "The local pack gives no average wage, so the income condition was not checked.",
        ),
    }),
];

fn the_basis(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    basis(
        v,
        facts,
        "subsidy.graduate.monthsSinceLeaving",
        "guide.assistance.flexible.basis",
    )
}

fn flexible_work(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let check = Check::new(
        "flexibleWork",
        t!("灵活就业或个体经营", "In flexible work or self-employed"),
    )
    .cite(v.clause("guide.assistance.flexible.work")?);
    v.add(match facts.choice("employmentForm") {
        Some("flexible" | "individualBusiness") => check.met(t!(
            "从事灵活就业或个体经营。",
            "You are in flexible work or self-employed.",
        )),
        Some("employedByUnit") => check.not_met(t!(
            "已被用人单位录用的，由单位缴纳社会保险，不享受灵活就业社保补贴。",
            "You are employed by an employer, who pays the insurance, so this subsidy does not apply.",
        )),
        Some(_) => check.not_met(t!(
            "须从事灵活就业或个体经营。",
            "Only for people in flexible work or self-employment.",
        )),
        None => check.unknown(not_answered(), &["employmentForm"]),
    });
    Ok(())
}

/// Retirement age not reached (a stop condition, 到达法定退休年龄的).
fn retirement(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    before_retirement(
        v,
        facts,
        &RetirementStop {
            label: ("未达到法定退休年龄", "Statutory retirement age not reached"),
            clause: "guide.assistance.flexible.stop",
        },
    )
}

/// The period not used up: the graduate period on the graduate basis, else the
/// difficult person's, which may run on to retirement.
fn period(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let graduate_basis =
        facts.yes_no("recognisedDifficult") != Some(true) && facts.yes_no("graduate") == Some(true);
    period_left(
        v,
        facts,
        &PeriodLeft {
            label: ("补贴期限未用完", "Subsidy period not used up"),
            fact: "monthsReceived",
            key: if graduate_basis {
                "subsidy.graduate.maxMonths"
            } else {
                "subsidy.socialInsurance.maxMonths"
            },
            clause: None,
            extendable: !graduate_basis,
            needs: (
                "需要已享受的月数。",
                "The months of subsidy already received are needed.",
            ),
        },
    )
}

fn employment_form() -> FactDef {
    FactDef::new(
        "employmentForm",
        FactKind::Choice {
            options: vec![
                Choice::new(
                    "flexible",
                    t!(
                        "灵活就业（无固定单位，时间、收入不固定）",
                        "flexible employment (no fixed employer, hours or income)",
                    ),
                ),
                Choice::new(
                    "individualBusiness",
                    t!(
                        "领取营业执照从事个体经营",
                        "self-employed with a business licence",
                    ),
                ),
                Choice::new(
                    "employedByUnit",
                    t!("被用人单位录用", "employed by an employer"),
                ),
                Choice::new("notWorking", t!("目前没有工作", "not working at present")),
            ],
        },
        t!("您现在怎样就业？", "How are you working now?"),
    )
}

pub fn facts(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    vec![
        recognised(),
        graduate(),
        left_school(),
        employment_form(),
        yes_no(
            "contributesAsFlexible",
            "您是否按灵活就业人员参保办法缴纳社会保险费？",
            "Do you pay social insurance as a flexible worker?",
        ),
        yes_no(
            "contributionsUpToDate",
            "您是否按规定及时足额缴费（没有欠费）？",
            "Are your contributions paid in full and on time?",
        ),
        yes_no(
            "employmentRegistered",
            "您是否已向所在社区（基层平台）申报就业？",
            "Have you reported your work to your local service point?",
        ),
        birth_date(),
        sex(),
        woman_track(rules, date),
        FactDef::new(
            "monthsReceived",
            FactKind::Number,
            t!(
                "您已经享受这项补贴多少个月？",
                "For how many months have you already received this subsidy?",
            ),
        )
        .hint(t!("没有享受过填 0。", "Enter 0 if never.")),
        first_approved_on(),
        FactDef::new(
            "monthlyIncome",
            FactKind::Money,
            t!(
                "您灵活就业每月收入大约多少元？",
                "About how much do you earn a month from this work (yuan)?",
            ),
        ),
    ]
}

fn summary_of(o: Outcome) -> Text {
    summary(
        o,
        (
            "您符合灵活就业社会保险补贴的条件。补贴期限和金额见“补贴测算”。",
            "You meet the conditions for the subsidy. See the subsidy plan for how long and how much.",
        ),
        (
            "您目前不符合灵活就业社会保险补贴的条件，原因见下。",
            "You do not meet the conditions at present; see why below.",
        ),
    )
}

pub fn evaluate(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new(ID, rules, as_of, lang);
    run(&mut v, facts, CRITERIA)?;
    Ok(v.finish(facts, &self::facts(rules, as_of), summary_of))
}
