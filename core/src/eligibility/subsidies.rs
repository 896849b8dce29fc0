//! Subsidy programs: 灵活就业社会保险补贴, 公益性岗位 (person and employer),
//! 一次性创业补贴, 一次性求职补贴, 创业培训补贴.

use super::common::*;
use crate::facts::{Choice, FactDef, FactKind, Facts};
use crate::pack::{Citation, RuleError, Rules};
use crate::text::{Lang, Text};
use crate::verdict::{Check, Determination, Outcome, Verdict};
use chrono::NaiveDate;

fn cite(document: &str, note: &str) -> Citation {
    Citation {
        document: document.into(),
        title: None,
        article: None,
        url: None,
        note: Some(note.into()),
    }
}

fn recognised() -> FactDef {
    yes_no(
        "recognisedDifficult",
        "您是否已被认定为就业困难人员？",
        "Have you been recognised as a difficult-to-employ person?",
    )
    .hint(t(
        "认定后会记载在《就业创业证》上。",
        "Recognition is recorded in your employment certificate.",
    ))
}

fn left_school() -> FactDef {
    FactDef::new(
        "leftSchoolOn",
        FactKind::Date,
        t(
            "您是哪一天毕业离校的？",
            "On what date did you graduate and leave school?",
        ),
    )
    .hint(t(
        "高校毕业生填写，见毕业证书。例如 2025-06-30",
        "For college graduates; see your graduation certificate. For example, 2025-06-30",
    ))
}

fn graduate() -> FactDef {
    yes_no(
        "graduate",
        "您是否为高校毕业生（含技工院校高级工班、预备技师班）？",
        "Are you a college graduate (including advanced technical school classes)?",
    )
}

/// Recognised difficult person, or graduate within N months of leaving: the two
/// bases of several subsidies, as alternatives.
fn basis(
    v: &mut Verdict<'_>,
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
    months_key: &'static str,
    citation: Citation,
) -> Result<(), RuleError> {
    let (limit, r) = rules.int(months_key, as_of)?;
    v.add(
        flag(
            facts,
            "recognisedDifficult",
            true,
            "recognisedDifficult",
            t(
                "已认定的就业困难人员",
                "Recognised difficult-to-employ person",
            ),
            t(
                "已被认定为就业困难人员。",
                "Recognised as a difficult-to-employ person.",
            ),
            t(
                "未被认定为就业困难人员。",
                "Not recognised as a difficult-to-employ person.",
            ),
            citation,
        )
        .group("basis"),
    );
    let check = Check::new(
        "recentGraduate",
        Text::new(
            format!("离校{}年内的高校毕业生", limit / 12),
            format!("Graduate within {} years of leaving school", limit / 12),
        ),
    )
    .group("basis")
    .param(&r, lang);
    v.add(
        match (facts.yes_no("graduate"), facts.date("leftSchoolOn")) {
            (Some(false), _) => check.not_met(t("不是高校毕业生。", "Not a college graduate.")),
            (Some(true), Some(left)) => {
                let (m, ok) = within_months(left, as_of, limit);
                check
                    .compared(
                        Text::new(format!("离校{m}个月"), format!("{m} months since leaving")),
                        Text::new(format!("≤ {limit}个月"), format!("≤ {limit} months")),
                    )
                    .decide(
                        ok,
                        Text::new(
                            format!("{left} 离校，到 {as_of} 未超过{limit}个月。"),
                            format!("Left on {left}: within {limit} months on {as_of}."),
                        ),
                        Text::new(
                            format!("{left} 离校，到 {as_of} 已超过{limit}个月。"),
                            format!("Left on {left}: more than {limit} months by {as_of}."),
                        ),
                    )
            }
            (Some(true), None) => check.unknown(
                t("需要离校日期。", "Needs the date of leaving school."),
                &["leftSchoolOn"],
            ),
            (None, _) => check.unknown(
                t("尚未回答。", "Not answered yet."),
                &["graduate", "leftSchoolOn"],
            ),
        },
    );
    Ok(())
}

fn employment_form() -> FactDef {
    FactDef::new(
        "employmentForm",
        FactKind::Choice {
            options: vec![
                Choice::new(
                    "flexible",
                    t(
                        "灵活就业（无固定单位，时间、收入不固定）",
                        "flexible employment (no fixed employer, hours or income)",
                    ),
                ),
                Choice::new(
                    "individualBusiness",
                    t(
                        "领取营业执照从事个体经营",
                        "self-employed with a business licence",
                    ),
                ),
                Choice::new(
                    "employedByUnit",
                    t("被用人单位录用", "employed by an employer"),
                ),
                Choice::new("notWorking", t("目前没有工作", "not working at present")),
            ],
        },
        t("您现在怎样就业？", "How are you working now?"),
    )
}

pub fn flexible_facts(_: &Rules<'_>, _: NaiveDate) -> Vec<FactDef> {
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
        FactDef::new(
            "monthsReceived",
            FactKind::Number,
            t(
                "您已经享受这项补贴多少个月？",
                "For how many months have you already received this subsidy?",
            ),
        )
        .hint(t("没有享受过填 0。", "Enter 0 if never.")),
        FactDef::new(
            "monthlyIncome",
            FactKind::Money,
            t(
                "您灵活就业每月收入大约多少元？",
                "About how much do you earn a month from this work (yuan)?",
            ),
        ),
    ]
}

fn flexible_summary(o: Outcome) -> Text {
    match o {
        Outcome::Eligible => t("您符合灵活就业社会保险补贴的条件。补贴期限和金额见“补贴测算”。", "You meet the conditions for the subsidy. See the subsidy plan for how long and how much."),
        Outcome::Ineligible => t("您目前不符合灵活就业社会保险补贴的条件，原因见下。", "You do not meet the conditions at present; see why below."),
        Outcome::Undetermined => t("还需要回答几个问题。", "A few more answers are needed."),
    }
}

pub fn flexible(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new("flexibleEmploymentSubsidy", rules, as_of, lang);
    let g = |a: &str| guide(&format!("第二节 二、3(1){a}"));
    basis(
        &mut v,
        facts,
        rules,
        as_of,
        lang,
        "subsidy.graduate.monthsSinceLeaving",
        g("1)"),
    )?;
    let check = Check::new(
        "flexibleWork",
        t("灵活就业或个体经营", "In flexible work or self-employed"),
    )
    .cite(g("2)"));
    v.add(match facts.choice("employmentForm") {
        Some("flexible" | "individualBusiness") => check.met(t(
            "从事灵活就业或个体经营。",
            "In flexible work or self-employed.",
        )),
        Some("employedByUnit") => check.not_met(t(
            "已被用人单位录用的，由单位缴纳社会保险，不享受灵活就业社保补贴。",
            "Employed by an employer, who pays the insurance: this subsidy does not apply.",
        )),
        Some(_) => check.not_met(t(
            "须从事灵活就业或个体经营。",
            "Only for people in flexible work or self-employment.",
        )),
        None => check.unknown(t("尚未回答。", "Not answered yet."), &["employmentForm"]),
    });
    v.add(flag(
        facts,
        "contributesAsFlexible",
        true,
        "contributesAsFlexible",
        t(
            "按灵活就业人员办法参保缴费",
            "Pays insurance as a flexible worker",
        ),
        t("按灵活就业人员办法缴费。", "Pays as a flexible worker."),
        t(
            "须按灵活就业人员参保缴费办法缴纳社会保险费。",
            "Contributions must be paid under the flexible-worker scheme.",
        ),
        g("3)"),
    ));
    v.add(flag(
        facts,
        "contributionsUpToDate",
        true,
        "contributionsUpToDate",
        t("按规定及时足额缴费", "Contributions in full and on time"),
        t("及时足额缴费。", "Paid in full and on time."),
        t(
            "须按规定及时足额缴纳社会保险费。",
            "Contributions must be paid in full and on time.",
        ),
        g("4)"),
    ));
    v.add(flag(
        facts,
        "employmentRegistered",
        true,
        "employmentRegistered",
        t(
            "已向基层平台申报就业",
            "Work reported to the local service point",
        ),
        t("已申报就业。", "Work reported."),
        t(
            "须向所辖基层平台申报就业。",
            "Report your work to the local service point first.",
        ),
        g("5)"),
    ));
    // Period not used up.
    let graduate_basis =
        facts.yes_no("recognisedDifficult") != Some(true) && facts.yes_no("graduate") == Some(true);
    let key = if graduate_basis {
        "subsidy.graduate.maxMonths"
    } else {
        "subsidy.socialInsurance.maxMonths"
    };
    let (max, r) = rules.int(key, as_of)?;
    let check = Check::new(
        "periodLeft",
        t("补贴期限未用完", "Subsidy period not used up"),
    )
    .param(&r, lang);
    v.add(match facts.number("monthsReceived") {
        Some(n) if n < max => check
            .compared(Text::new(format!("已享受{n}个月"), format!("{n} months received")), Text::new(format!("< {max}个月"), format!("< {max} months")))
            .met(Text::new(format!("已享受{n}个月，最长{max}个月。"), format!("{n} months received of at most {max}."))),
        Some(n) if !graduate_basis => check.unknown(
            Text::new(
                format!("已享受{n}个月，达到{max}个月；距法定退休年龄不足5年的可延长至退休，请用补贴测算核对。"),
                format!("{n} months received, the {max}-month limit; people under 5 years from retirement may continue to retirement: check with the subsidy plan."),
            ),
            &[],
        ),
        Some(n) => check.not_met(Text::new(format!("已享受{n}个月，达到{max}个月的上限。"), format!("{n} months received: the {max}-month limit is reached."))),
        None => check.unknown(t("需要已享受的月数。", "Needs the months already received."), &["monthsReceived"]),
    });
    // Income below the local average wage (a stop condition).
    wage_check(
        &mut v,
        WageCheck {
            id: "incomeBelowAverage",
            label: t(
                "灵活就业收入低于当地上年在岗职工平均工资",
                "Income below the local average wage",
            ),
            fact: "monthlyIncome",
            key: "wage.averageMonthly",
            side: WageSide::Below,
            citation: guide("第二节 二、3(4)3)"),
            if_met: t(
                "收入低于当地平均工资。",
                "Income is below the local average wage.",
            ),
            if_not: t(
                "灵活就业收入达到当地上年在岗职工平均工资的，停止享受补贴。",
                "Income at or above the local average wage stops the subsidy.",
            ),
            needs: t("需要每月收入。", "Needs the monthly income."),
            skipped: t(
                "本地规则包未提供上年在岗职工平均工资，未检查“收入达到平均工资即停止补贴”一项。",
                "The local pack gives no average wage, so the income condition was not checked.",
            ),
        },
        facts,
        rules,
        as_of,
        lang,
    )?;
    Ok(v.finish(facts, &flexible_facts(rules, as_of), flexible_summary))
}

pub fn post_person_facts(_: &Rules<'_>, _: NaiveDate) -> Vec<FactDef> {
    vec![
        recognised(),
        birth_date(),
        sex(),
        woman_track(),
        yes_no("ableToWork", "您是否有劳动能力？", "Are you able to work?"),
        FactDef::new(
            "placementsSoFar",
            FactKind::Number,
            t(
                "您此前在公益性岗位上被安置过几次？",
                "How many times have you been placed in a public-welfare post before?",
            ),
        )
        .hint(t("没有填 0。", "Enter 0 if never.")),
    ]
}

pub fn post_person(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new("publicWelfarePost", rules, as_of, lang);
    let c = guide("第二节 二、2(1)");
    v.add(flag(
        facts,
        "recognisedDifficult",
        true,
        "recognisedDifficult",
        t(
            "已认定的就业困难人员",
            "Recognised difficult-to-employ person",
        ),
        t("已被认定为就业困难人员。", "Recognised."),
        t(
            "公益性岗位安置的对象是已认定的就业困难人员。",
            "Public-welfare posts are for recognised difficult-to-employ people.",
        ),
        c.clone(),
    ));
    working_age(&mut v, facts, rules, as_of, lang)?;
    v.add(flag(
        facts,
        "ableToWork",
        true,
        "ableToWork",
        t("有劳动能力", "Able to work"),
        t("有劳动能力。", "Able to work."),
        t("须有劳动能力。", "Must be able to work."),
        c.clone(),
    ));
    match rules.int("publicWelfarePost.maxPlacements", as_of) {
        Ok(_) => v.add(times_limit(
            facts,
            "placementsSoFar",
            "publicWelfarePost.maxPlacements",
            "placementsLeft",
            t("安置次数未超过规定", "Placements within the local limit"),
            rules,
            as_of,
            lang,
        )?),
        Err(RuleError::NoValue { .. }) => {}
        Err(e) => return Err(e),
    }
    v.note(t(
        "公益性岗位优先安置大龄失业人员和零就业家庭成员。",
        "Older unemployed people and members of zero-employment families come first.",
    ));
    Ok(
        v.finish(facts, &post_person_facts(rules, as_of), |o| match o {
            Outcome::Eligible => t(
                "您可以申请公益性岗位安置，请联系社区基层平台。",
                "You can ask for a public-welfare post: contact your local service point.",
            ),
            Outcome::Ineligible => t(
                "您目前不符合公益性岗位安置的条件，原因见下。",
                "You do not meet the conditions at present; see why below.",
            ),
            Outcome::Undetermined => t("还需要回答几个问题。", "A few more answers are needed."),
        }),
    )
}

pub fn post_unit_facts(_: &Rules<'_>, _: NaiveDate) -> Vec<FactDef> {
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
            t("每月工资（元）？", "Monthly wage (yuan)?"),
        ),
        birth_date(),
        sex(),
        woman_track(),
        FactDef::new(
            "monthsSubsidised",
            FactKind::Number,
            t(
                "该人员的岗位补贴已享受多少个月？",
                "For how many months has the post subsidy been paid for this person?",
            ),
        )
        .hint(t("没有填 0。", "Enter 0 if never.")),
    ]
}

pub fn post_unit(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new("publicWelfarePostSubsidy", rules, as_of, lang);
    let stop = |n: &str| guide(&format!("第二节 二、2(4)3){n}"));
    v.add(flag(
        facts,
        "postIsPublicWelfare",
        true,
        "postIsPublicWelfare",
        t("岗位为公益性岗位", "The post is a public-welfare post"),
        t("岗位为公益性岗位。", "It is."),
        t(
            "只有政府开发认定的公益性岗位可以享受岗位补贴。",
            "Only recognised public-welfare posts are subsidised.",
        ),
        guide("第二节 二、2(1)"),
    ));
    v.add(flag(
        facts,
        "personRecognised",
        true,
        "personRecognised",
        t(
            "安置人员为已认定的就业困难人员",
            "The person is recognised as difficult to employ",
        ),
        t("安置人员已被认定。", "The person is recognised."),
        t(
            "享受补贴的人员须为已认定的就业困难人员。",
            "The person must be a recognised difficult-to-employ person.",
        ),
        guide("第二节 二、2(1)"),
    ));
    v.add(flag(
        facts,
        "contractSigned",
        true,
        "contractSigned",
        t("签订劳动合同", "Labour contract signed"),
        t("已签订劳动合同。", "Signed."),
        t(
            "须与安置人员签订劳动合同。",
            "A labour contract is required.",
        ),
        cite("local practice", "Usual condition of unit applications."),
    ));
    v.add(flag(
        facts,
        "paysInsurance",
        true,
        "paysInsurance",
        t("单位缴纳社会保险", "Employer pays social insurance"),
        t("单位为其缴费。", "The employer pays."),
        t(
            "社会保险补贴以单位实际缴费为前提。",
            "The insurance subsidy requires the employer's contributions.",
        ),
        guide("第二节 一、五、5(5)"),
    ));
    v.add(flag(
        facts,
        "workloadMet",
        true,
        "workloadMet",
        t("工作量达到规定标准", "Workload meets the standard"),
        t("工作量达标。", "It does."),
        t(
            "工作量未达到规定标准的，应停止补贴。",
            "A workload below the standard stops the subsidy.",
        ),
        stop("③"),
    ));
    v.add(flag(
        facts,
        "postMatches",
        true,
        "postMatches",
        t(
            "实际岗位与申报岗位相符",
            "Actual post matches the declared one",
        ),
        t("岗位相符。", "It matches."),
        t(
            "实际从事岗位与原申报岗位不符的，应停止补贴。",
            "A different actual post stops the subsidy.",
        ),
        stop("④"),
    ));
    wage_check(
        &mut v,
        WageCheck {
            id: "wageAtLeastMinimum",
            label: t(
                "工资不低于当地最低工资标准",
                "Wage at least the local minimum wage",
            ),
            fact: "monthlyWage",
            key: "wage.minimumMonthly",
            side: WageSide::AtLeast,
            citation: stop("①"),
            if_met: t("工资不低于当地最低工资标准。", "At least the minimum wage."),
            if_not: t(
                "工资低于当地最低工资标准的，应停止补贴。",
                "A wage below the local minimum stops the subsidy.",
            ),
            needs: t("需要每月工资。", "Needs the monthly wage."),
            skipped: t(
                "本地规则包未提供最低工资标准，未检查“工资低于最低工资即停止补贴”一项。",
                "The local pack gives no minimum wage, so the wage condition was not checked.",
            ),
        },
        facts,
        rules,
        as_of,
        lang,
    )?;
    // Retirement age not reached (stop ⑤).
    let dates = retirement_dates(facts, rules, as_of)?;
    let check = Check::new(
        "beforeRetirement",
        t(
            "安置人员未达到法定退休年龄",
            "The person has not reached retirement age",
        ),
    )
    .cite(stop("⑤"));
    v.add(match dates {
        Some((_, latest)) if as_of >= latest => check.not_met(Text::new(
            format!("已于 {latest} 达到法定退休年龄，应停止补贴。"),
            format!("Reached retirement age on {latest}: the subsidy stops."),
        )),
        Some((earliest, _)) if as_of < earliest => check.met(Text::new(
            format!("将于 {earliest} 达到法定退休年龄。"),
            format!("Reaches retirement age on {earliest}."),
        )),
        Some(_) => check.unknown(
            t(
                "女职工的法定退休年龄取决于岗位类别。",
                "A woman's retirement age depends on her kind of post.",
            ),
            &["womanTrack"],
        ),
        None => check.unknown(
            t("需要出生日期和性别。", "Needs the date of birth and sex."),
            &["birthDate", "sex"],
        ),
    });
    let (max, r) = rules.int("publicWelfarePost.maxMonths", as_of)?;
    let check = Check::new(
        "periodLeft",
        t("补贴年限未超过规定", "Subsidy period within the limit"),
    )
    .param(&r, lang)
    .cite(stop("②"));
    v.add(match facts.number("monthsSubsidised") {
        Some(n) if n < max => check.met(Text::new(format!("已享受{n}个月，最长{max}个月。"), format!("{n} months of at most {max}."))),
        Some(n) => check.unknown(
            Text::new(format!("已享受{n}个月，达到{max}个月；距法定退休年龄不足5年的可延长至退休，请用补贴测算核对。"), format!("{n} months, the {max}-month limit; people under 5 years from retirement may continue: check with the subsidy plan.")),
            &[],
        ),
        None => check.unknown(t("需要已享受的月数。", "Needs the months already subsidised."), &["monthsSubsidised"]),
    });
    Ok(
        v.finish(facts, &post_unit_facts(rules, as_of), |o| match o {
            Outcome::Eligible => t(
                "该岗位和人员符合公益性岗位补贴的条件。",
                "The post and the person meet the conditions for the subsidy.",
            ),
            Outcome::Ineligible => t(
                "不符合或应停止公益性岗位补贴，原因见下。",
                "The subsidy does not apply or must stop; see why below.",
            ),
            Outcome::Undetermined => t("还需要回答几个问题。", "A few more answers are needed."),
        }),
    )
}

pub fn startup_facts(_: &Rules<'_>, _: NaiveDate) -> Vec<FactDef> {
    vec![
        recognised(),
        graduate(),
        left_school(),
        yes_no(
            "firstBusiness",
            "这是您首次创办小微企业或从事个体经营吗？",
            "Is this the first business you have started?",
        ),
        FactDef::new(
            "businessRegisteredOn",
            FactKind::Date,
            t(
                "营业执照上的成立（注册）日期是？",
                "What is the registration date on the business licence?",
            ),
        )
        .hint(t("例如 2025-03-01", "For example, 2025-03-01")),
        yes_no(
            "operatingNormally",
            "企业或个体工商户目前是否正常经营？",
            "Is the business operating normally now?",
        ),
        times(
            "timesReceived",
            "您已领取过几次一次性创业补贴？",
            "How many times have you received the one-time start-up subsidy?",
        ),
    ]
}

pub fn startup(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new("startupSubsidy", rules, as_of, lang);
    let c = cite("国发〔2017〕28号", "Document number unsure. 首次创办小微企业或从事个体经营，且正常运营1年以上的离校2年内高校毕业生、就业困难人员 (policy-facts §B4)");
    basis(
        &mut v,
        facts,
        rules,
        as_of,
        lang,
        "startup.oneTimeSubsidy.graduateMonthsSinceLeaving",
        c.clone(),
    )?;
    v.add(flag(
        facts,
        "firstBusiness",
        true,
        "firstBusiness",
        t("首次创业", "First business"),
        t("首次创办。", "The first business."),
        t(
            "一次性创业补贴只给首次创业的人员。",
            "Only a first business qualifies.",
        ),
        c.clone(),
    ));
    let (months, r) = rules.int("startup.oneTimeSubsidy.minOperatingMonths", as_of)?;
    let check = Check::new(
        "operatingLongEnough",
        Text::new(
            format!("正常经营满{months}个月"),
            format!("In operation for {months} months"),
        ),
    )
    .param(&r, lang);
    v.add(match facts.date("businessRegisteredOn") {
        Some(d) => {
            let (m, _) = within_months(d, as_of, months);
            check
                .compared(
                    Text::new(format!("{m}个月"), format!("{m} months")),
                    Text::new(format!("≥ {months}个月"), format!("≥ {months} months")),
                )
                .decide(
                    m >= months,
                    Text::new(
                        format!("{d} 注册，到 {as_of} 已满{m}个月。"),
                        format!("Registered {d}: {m} months by {as_of}."),
                    ),
                    Text::new(
                        format!("{d} 注册，到 {as_of} 只有{m}个月，满{months}个月后可申请。"),
                        format!("Registered {d}: {m} months by {as_of}; apply after {months}."),
                    ),
                )
        }
        None => check.unknown(
            t("需要注册日期。", "Needs the registration date."),
            &["businessRegisteredOn"],
        ),
    });
    v.add(flag(
        facts,
        "operatingNormally",
        true,
        "operatingNormally",
        t("正常经营", "Operating normally"),
        t("正常经营。", "Operating."),
        t("须正常经营。", "The business must be operating."),
        c.clone(),
    ));
    v.add(times_limit(
        facts,
        "timesReceived",
        "startup.oneTimeSubsidy.maxTimes",
        "notReceivedBefore",
        t("未领取过一次性创业补贴", "Not received before"),
        rules,
        as_of,
        lang,
    )?);
    amount_note(&mut v, rules, as_of, "startup.oneTimeSubsidy.amount", lang);
    Ok(v.finish(facts, &startup_facts(rules, as_of), |o| match o {
        Outcome::Eligible => t(
            "您符合一次性创业补贴的条件。",
            "You meet the conditions for the one-time start-up subsidy.",
        ),
        Outcome::Ineligible => t(
            "您目前不符合一次性创业补贴的条件，原因见下。",
            "You do not meet the conditions at present; see why below.",
        ),
        Outcome::Undetermined => t("还需要回答几个问题。", "A few more answers are needed."),
    }))
}

/// Says what the subsidy amounts to here, or that the local pack has no figure.
fn amount_note(
    v: &mut Verdict<'_>,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    key: &'static str,
    lang: Lang,
) {
    match rules.decimal(key, as_of) {
        Ok((amount, r)) => v.note(Text::new(
            format!(
                "补贴标准：{}（{}，{}）。",
                crate::money::yuan_words(amount, Lang::ZhCn),
                r.entry.citation.document,
                if r.pack.meta.region == crate::pack::NATIONAL {
                    "全国".to_string()
                } else {
                    r.pack.meta.region.clone()
                }
            ),
            format!(
                "Amount: {} ({}, region {}).",
                crate::money::yuan_words(amount, Lang::En),
                r.entry.citation.document,
                r.pack.meta.region
            ),
        )),
        Err(_) => v.note(t(
            "补贴标准由各地规定，本地规则包未提供金额，以当地经办机构为准。",
            "The amount is set locally and the local pack gives none; ask the local office.",
        )),
    }
    let _ = lang;
}

pub fn job_seeking_facts(_: &Rules<'_>, _: NaiveDate) -> Vec<FactDef> {
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
                options: vec![
                    Choice::new("dibao", t("低保家庭", "a family receiving dibao")),
                    Choice::new(
                        "zeroEmploymentFamily",
                        t("零就业家庭", "a zero-employment family"),
                    ),
                    Choice::new(
                        "povertyMonitoring",
                        t(
                            "防止返贫监测对象家庭",
                            "a household monitored against poverty",
                        ),
                    ),
                    Choice::new(
                        "extremePoverty",
                        t("特困人员", "a person in extreme poverty"),
                    ),
                    Choice::new("disabled", t("残疾", "disabled")),
                    Choice::new(
                        "studentLoan",
                        t("获得国家助学贷款", "holding a national student loan"),
                    ),
                ],
            },
            t(
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

pub fn job_seeking(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new("jobSeekingSubsidy", rules, as_of, lang);
    let c = cite("财社〔2023〕181号", "对在毕业学年积极求职创业的低保家庭、零就业家庭、防止返贫监测对象家庭和特困人员中的高校毕业生，残疾及获得国家助学贷款的高校毕业生，给予一次性求职补贴 (policy-facts §B5)");
    v.add(flag(
        facts,
        "inGraduationYear",
        true,
        "inGraduationYear",
        t(
            "毕业学年的高校毕业生",
            "College student in the graduation year",
        ),
        t("毕业学年。", "In the graduation year."),
        t(
            "只给毕业学年的高校毕业生。",
            "Only for students in their graduation year.",
        ),
        c.clone(),
    ));
    v.add(flag(
        facts,
        "seekingWork",
        true,
        "seekingWork",
        t("积极求职创业", "Actively seeking work"),
        t("积极求职创业。", "Seeking work."),
        t(
            "须积极求职或创业。",
            "You must be seeking work or starting a business.",
        ),
        c.clone(),
    ));
    let check = Check::new(
        "category",
        t("属于规定的困难类别之一", "In one of the groups named"),
    )
    .cite(c.clone());
    v.add(match facts.choices("jobSeekingCategories") {
        Some(list) if !list.is_empty() => check.met(t("属于规定类别。", "In one of the groups.")),
        Some(_) => check.not_met(t("只给低保、零就业、监测对象家庭和特困人员中的毕业生，以及残疾或获得国家助学贷款的毕业生。", "Only for graduates from dibao, zero-employment, monitored or extreme-poverty households, or disabled, or with a student loan.")),
        None => check.unknown(t("尚未回答。", "Not answered yet."), &["jobSeekingCategories"]),
    });
    v.add(times_limit(
        facts,
        "timesReceived",
        "jobSeeking.subsidy.maxTimes",
        "notReceivedBefore",
        t("未领取过", "Not received before"),
        rules,
        as_of,
        lang,
    )?);
    amount_note(&mut v, rules, as_of, "jobSeeking.subsidy.amount", lang);
    Ok(
        v.finish(facts, &job_seeking_facts(rules, as_of), |o| match o {
            Outcome::Eligible => t(
                "您符合一次性求职补贴的条件，一般通过学校申请。",
                "You meet the conditions; applications usually go through your school.",
            ),
            Outcome::Ineligible => t(
                "您目前不符合一次性求职补贴的条件，原因见下。",
                "You do not meet the conditions at present; see why below.",
            ),
            Outcome::Undetermined => t("还需要回答几个问题。", "A few more answers are needed."),
        }),
    )
}

pub fn training_facts(_: &Rules<'_>, _: NaiveDate) -> Vec<FactDef> {
    vec![
        FactDef::new(
            "traineeGroup",
            FactKind::Choice {
                options: vec![
                    Choice::new(
                        "registeredUnemployed",
                        t("城镇登记失业人员", "registered unemployed"),
                    ),
                    Choice::new(
                        "difficultToEmploy",
                        t("就业困难人员", "difficult-to-employ person"),
                    ),
                    Choice::new(
                        "graduate",
                        t("毕业年度高校毕业生", "graduate in the graduation year"),
                    ),
                    Choice::new(
                        "schoolLeaver",
                        t(
                            "城乡未继续升学的应届初高中毕业生",
                            "school leaver not going on to further study",
                        ),
                    ),
                    Choice::new(
                        "ruralMigrant",
                        t(
                            "农村转移就业劳动者",
                            "rural worker moving into off-farm work",
                        ),
                    ),
                    Choice::new(
                        "poorFamilyChild",
                        t("贫困家庭子女", "child of a poor family"),
                    ),
                    Choice::new("other", t("以上都不是", "none of these")),
                ],
            },
            t("您属于哪一类人员？", "Which group are you in?"),
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

pub fn training(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new("trainingSubsidy", rules, as_of, lang);
    let c = cite("财社〔2017〕164号 / 财社〔2023〕181号", "职业培训补贴 (incl. 创业培训) for the five groups and difficult-to-employ people who complete training and obtain a certificate; wording not read in full (policy-facts §B6).");
    let check = Check::new(
        "traineeGroup",
        t(
            "属于可享受培训补贴的人员",
            "In a group the training subsidy covers",
        ),
    )
    .cite(c.clone());
    v.add(match facts.choice("traineeGroup") {
        Some("other") => check.not_met(t(
            "培训补贴面向规定的几类人员；其他人员可咨询当地是否另有政策。",
            "The subsidy covers the groups listed; ask locally about other schemes.",
        )),
        Some(_) => check.met(t("属于规定人员。", "In a covered group.")),
        None => check.unknown(t("尚未回答。", "Not answered yet."), &["traineeGroup"]),
    });
    v.add(flag(
        facts,
        "trainingCompleted",
        true,
        "trainingCompleted",
        t("完成培训", "Training completed"),
        t("已完成培训。", "Completed."),
        t("须完成创业培训。", "The training must be completed."),
        c.clone(),
    ));
    v.add(flag(
        facts,
        "certificateObtained",
        true,
        "certificateObtained",
        t("取得培训合格证书", "Certificate obtained"),
        t("已取得证书。", "Obtained."),
        t("须取得培训合格证书。", "The certificate is needed."),
        c.clone(),
    ));
    v.add(times_limit(
        facts,
        "timesReceived",
        "training.entrepreneurship.maxTimes",
        "timesLeft",
        t("未超过享受次数", "Within the number of times allowed"),
        rules,
        as_of,
        lang,
    )?);
    amount_note(
        &mut v,
        rules,
        as_of,
        "training.entrepreneurship.amount",
        lang,
    );
    Ok(v.finish(facts, &training_facts(rules, as_of), |o| match o {
        Outcome::Eligible => t(
            "您符合创业培训补贴的条件。",
            "You meet the conditions for the training subsidy.",
        ),
        Outcome::Ineligible => t(
            "您目前不符合创业培训补贴的条件，原因见下。",
            "You do not meet the conditions at present; see why below.",
        ),
        Outcome::Undetermined => t("还需要回答几个问题。", "A few more answers are needed."),
    }))
}
