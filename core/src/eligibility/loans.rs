//! 创业担保贷款 applicants: individual (the ten groups, working age, no other
//! loans for applicant and spouse beyond the exempt kinds, subsidised loans so
//! far), partnership, and small or micro enterprise (hiring ratio, no arrears).

use super::common::*;
use crate::facts::{Choice, FactDef, FactKind, Facts};
use crate::materials::choices_in_force;
use crate::pack::{RuleError, Rules};
use crate::text::{Lang, Text};
use crate::verdict::{Check, Determination, Outcome, Verdict};
use chrono::NaiveDate;
use rust_decimal::Decimal;

fn group(rules: &Rules<'_>, date: NaiveDate) -> FactDef {
    let mut options = choices_in_force(rules, "loan.eligibleGroups", date);
    options.push(Choice::new("none", t("以上都不是", "none of these")));
    FactDef::new(
        "loanGroup",
        FactKind::Choice { options },
        t("您属于哪一类人员？", "Which group are you in?"),
    )
}

fn other_loans() -> FactDef {
    FactDef::new(
        "otherLoans",
        FactKind::MultiChoice {
            options: vec![
                Choice::new("studentLoan", t("助学贷款", "student loan")),
                Choice::new(
                    "povertyAlleviationLoan",
                    t(
                        "扶贫贷款（脱贫人口小额信贷）",
                        "poverty-alleviation microcredit",
                    ),
                ),
                Choice::new("mortgage", t("住房贷款", "home loan")),
                Choice::new("carLoan", t("购车贷款", "car loan")),
                Choice::new(
                    "consumerLoan",
                    t(
                        "消费贷款（含信用卡分期、透支）",
                        "consumer loan (credit cards included)",
                    ),
                ),
                Choice::new("businessLoan", t("经营性贷款", "business loan")),
                Choice::new("otherLoan", t("其他贷款", "another loan")),
            ],
        },
        t(
            "您和配偶目前有哪些未还清的贷款？（可多选，没有就不选）",
            "Which loans do you and your spouse still have? (select all that apply, or none)",
        ),
    )
}

fn consumer_total() -> FactDef {
    FactDef::new(
        "consumerLoanTotal",
        FactKind::Money,
        t(
            "您和配偶的消费贷款（含信用卡）余额合计多少元？",
            "How much do you and your spouse owe on consumer loans and credit cards (yuan)?",
        ),
    )
}

fn subsidised() -> FactDef {
    times(
        "subsidisedLoansSoFar",
        "您此前享受过几次创业担保贷款贴息？",
        "How many subsidised guaranteed loans have you had before?",
    )
}

fn credit() -> FactDef {
    yes_no(
        "goodCredit",
        "您是否没有不良信用记录（如逾期未还）？",
        "Is your credit record clean (no overdue debts)?",
    )
}

pub fn individual_facts(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    vec![
        group(rules, date),
        birth_date(),
        sex(),
        woman_track(),
        other_loans(),
        consumer_total(),
        subsidised(),
        credit(),
        yes_no(
            "businessRegistered",
            "您的创业项目是否已办理营业执照（或为已稳定经营的网络商户）？",
            "Is your business registered (or an established online shop)?",
        ),
    ]
}

fn group_check(
    v: &mut Verdict<'_>,
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<(), RuleError> {
    let (groups, r) = rules.list("loan.eligibleGroups", as_of)?;
    let check = Check::new(
        "eligibleGroup",
        t("属于可申请的人员类别", "In one of the eligible groups"),
    )
    .param(&r, lang);
    v.add(match facts.choice("loanGroup") {
        Some(g) if groups.iter().any(|x| x == g) => check.met(Text::new(
            format!(
                "属于：{}。",
                rules
                    .label(g)
                    .cloned()
                    .unwrap_or_else(|| crate::materials::choice_label(g))
                    .zh
            ),
            format!(
                "In the group: {}.",
                rules
                    .label(g)
                    .cloned()
                    .unwrap_or_else(|| crate::materials::choice_label(g))
                    .en
            ),
        )),
        Some(_) => check.not_met(t(
            "创业担保贷款面向城镇登记失业人员等十类人员（及本地增加的类别）。",
            "The loan is for the ten groups (and any the province adds).",
        )),
        None => check.unknown(t("尚未回答。", "Not answered yet."), &["loanGroup"]),
    });
    Ok(())
}

/// Besides the exempt kinds and consumer loans up to the threshold, the
/// applicant and spouse must have no other loans.
fn no_other_loans(
    v: &mut Verdict<'_>,
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<(), RuleError> {
    let (exempt, r_ex) = rules.list("loan.exemptLoanTypes", as_of)?;
    let (threshold, r_th) = rules.decimal("loan.consumerLoanThreshold", as_of)?;
    let check = Check::new(
        "noOtherLoans",
        t(
            "本人及配偶没有其他贷款",
            "No other loans for the applicant and spouse",
        ),
    )
    .param(&r_ex, lang)
    .param(&r_th, lang);
    let Some(loans) = facts.choices("otherLoans") else {
        v.add(check.unknown(t("尚未回答。", "Not answered yet."), &["otherLoans"]));
        return Ok(());
    };
    let barred: Vec<String> = loans
        .iter()
        .filter(|l| !matches!(l.as_str(), "consumerLoan") && !exempt.contains(l))
        .map(|l| {
            match l.as_str() {
                "businessLoan" => Text::new("经营性贷款", "a business loan"),
                "otherLoan" => Text::new("其他贷款", "another loan"),
                other => Text::new(other, other),
            }
            .get(lang)
            .to_string()
        })
        .collect();
    let threshold_text = crate::money::yuan_words(threshold, lang);
    if !barred.is_empty() {
        v.add(check.not_met(Text::new(
            format!("有{}，不符合“除助学、扶贫、住房、购车和{}以下消费贷款外，本人及配偶无其他贷款”的条件。", barred.join("、"), crate::money::yuan_words(threshold, Lang::ZhCn)),
            format!("Has {}: besides student, poverty-alleviation, housing, car and consumer loans up to {}, there may be no other loans.", barred.join(", "), crate::money::yuan_words(threshold, Lang::En)),
        )));
        return Ok(());
    }
    if loans.iter().any(|l| l == "consumerLoan") {
        if !exempt.iter().any(|e| e == "smallConsumerLoan") {
            v.add(check.not_met(t(
                "本地规定不允许存在消费贷款。",
                "Local rules allow no consumer loans.",
            )));
            return Ok(());
        }
        v.add(match facts.money("consumerLoanTotal") {
            Some(total) => check
                .compared(
                    Text::new(
                        format!("消费贷款{}", crate::money::yuan_words(total, Lang::ZhCn)),
                        format!(
                            "consumer loans {}",
                            crate::money::yuan_words(total, Lang::En)
                        ),
                    ),
                    Text::new(format!("≤ {threshold_text}"), format!("≤ {threshold_text}")),
                )
                .decide(
                    total <= threshold,
                    Text::new(
                        format!("消费贷款合计不超过{threshold_text}，不影响申请。"),
                        format!("Consumer loans total at most {threshold_text}: no obstacle."),
                    ),
                    Text::new(
                        format!("消费贷款合计超过{threshold_text}，须先还款至该额度以下。"),
                        format!("Consumer loans exceed {threshold_text}: repay below it first."),
                    ),
                ),
            None => check.unknown(
                t("需要消费贷款余额。", "Needs the consumer-loan balance."),
                &["consumerLoanTotal"],
            ),
        });
        return Ok(());
    }
    v.add(check.met(t(
        "除允许的种类外没有其他贷款。",
        "No loans beyond the kinds allowed.",
    )));
    Ok(())
}

fn subsidised_check(
    v: &mut Verdict<'_>,
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<(), RuleError> {
    v.add(times_limit(
        facts,
        "subsidisedLoansSoFar",
        "loan.maxSubsidisedLoans",
        "subsidisedLoansLeft",
        t(
            "享受贴息次数未超过上限",
            "Subsidised loans within the limit",
        ),
        rules,
        as_of,
        lang,
    )?);
    Ok(())
}

fn credit_check(facts: &Facts) -> Check {
    flag(
        facts,
        "goodCredit",
        true,
        "goodCredit",
        t("信用良好", "Good credit"),
        t("无不良信用记录。", "No bad credit record."),
        t(
            "经办银行会查询征信；有不良记录的一般不能获得贷款。",
            "The bank checks credit records; a bad record usually prevents a loan.",
        ),
        crate::pack::Citation {
            document: "local practice".into(),
            title: None,
            article: None,
            url: None,
            note: Some(
                "完全民事行为能力、信用良好 are common individual conditions (policy-facts §A8)."
                    .into(),
            ),
        },
    )
}

fn loan_summary(o: Outcome) -> Text {
    match o {
        Outcome::Eligible => t("您符合申请创业担保贷款的基本条件。可申请额度和利息见“贷款测算”；最终由担保机构和银行审核。", "You meet the basic conditions. See the loan quote for amounts and interest; the guarantor and bank decide."),
        Outcome::Ineligible => t("您目前不符合创业担保贷款的条件，原因见下。", "You do not meet the conditions at present; see why below."),
        Outcome::Undetermined => t("还需要回答几个问题。", "A few more answers are needed."),
    }
}

pub fn individual(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new("loanIndividual", rules, as_of, lang);
    group_check(&mut v, facts, rules, as_of, lang)?;
    working_age(&mut v, facts, rules, as_of, lang)?;
    no_other_loans(&mut v, facts, rules, as_of, lang)?;
    subsidised_check(&mut v, facts, rules, as_of, lang)?;
    v.add(credit_check(facts));
    v.add(flag(
        facts,
        "businessRegistered",
        true,
        "businessRegistered",
        t(
            "创业项目已登记或稳定经营",
            "Business registered or established",
        ),
        t("已登记经营。", "Registered."),
        t(
            "一般须先办理营业执照；网络商户须稳定经营。请先办理登记。",
            "A business licence is usually needed first (online shops: established trading).",
        ),
        crate::pack::Citation {
            document: "劳动保障协理员工作指南：就业创业服务·创业服务".into(),
            title: None,
            article: Some("第三节 三、2(2) 经营项目".into()),
            url: None,
            note: None,
        },
    ));
    Ok(v.finish(facts, &individual_facts(rules, as_of), loan_summary))
}

pub fn partnership_facts(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    vec![
        FactDef::new(
            "partners",
            FactKind::Number,
            t(
                "合伙人共有几位（含您本人）？",
                "How many partners are there, including you?",
            ),
        ),
        FactDef::new(
            "eligiblePartners",
            FactKind::Number,
            t(
                "其中有几位属于可申请贷款的人员类别？",
                "How many of them are in an eligible group?",
            ),
        )
        .hint(t(
            "如登记失业人员、高校毕业生、退役军人等十类人员。",
            "Such as registered unemployed people, graduates, veterans (the ten groups).",
        )),
        group(rules, date),
        birth_date(),
        sex(),
        woman_track(),
        other_loans(),
        consumer_total(),
        subsidised(),
        credit(),
    ]
}

pub fn partnership(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new("loanPartnership", rules, as_of, lang);
    let (factor, r) = rules.ratio("loan.partnership.factor", as_of)?;
    let check = Check::new(
        "partnership",
        t(
            "合伙创业且有符合条件的合伙人",
            "A partnership with eligible partners",
        ),
    )
    .param(&r, lang);
    v.add(match (facts.number("partners"), facts.number("eligiblePartners")) {
        (Some(p), _) if p < 2 => check.not_met(t("合伙创业至少要有2位合伙人；1人请按个人创业申请。", "A partnership needs at least 2 partners; alone, apply as an individual.")),
        (Some(p), Some(e)) if e > p => check.not_met(t("符合条件的合伙人不能多于合伙人总数，请核对。", "There cannot be more eligible partners than partners: please check.")),
        (Some(_), Some(0)) => check.not_met(t("至少要有1位合伙人属于可申请的人员类别。", "At least one partner must be in an eligible group.")),
        (Some(p), Some(e)) => check
            .compared(Text::new(format!("{p}位合伙人，{e}位符合条件"), format!("{p} partners, {e} eligible")), t("≥ 2位，≥ 1位符合条件", "≥ 2, ≥ 1 eligible"))
            .met(Text::new(
                format!("{e}位符合条件的合伙人；额度最高为其个人额度之和的{}倍（且不超过小微企业额度）。", factor),
                format!("{e} eligible partners; the cap is at most {} times the sum of their individual caps (and not above the enterprise cap).", factor),
            )),
        _ => check.unknown(t("需要合伙人人数。", "Needs the number of partners."), &["partners", "eligiblePartners"]),
    });
    group_check(&mut v, facts, rules, as_of, lang)?;
    working_age(&mut v, facts, rules, as_of, lang)?;
    no_other_loans(&mut v, facts, rules, as_of, lang)?;
    subsidised_check(&mut v, facts, rules, as_of, lang)?;
    v.add(credit_check(facts));
    Ok(v.finish(facts, &partnership_facts(rules, as_of), loan_summary))
}

pub fn enterprise_facts(_: &Rules<'_>, _: NaiveDate) -> Vec<FactDef> {
    vec![
        yes_no("smallOrMicro", "企业是否属于小型或微型企业（按《中小企业划型标准规定》）？", "Is the enterprise small or micro (under the SME classification rules)?"),
        FactDef::new("staff", FactKind::Number, t("企业现有在职职工多少人？", "How many employees does the enterprise have now?")),
        FactDef::new("eligibleNewHires", FactKind::Number, t("申请前12个月内新招用十类人员多少人（且签订1年以上劳动合同）？", "How many people from the eligible groups were hired in the 12 months before applying, on contracts of a year or more?")),
        yes_no("noArrears", "企业是否没有拖欠职工工资、欠缴社会保险费等严重违法违规信用记录？", "Is the enterprise free of wage arrears, unpaid social insurance and similar serious violations?"),
        subsidised(),
    ]
}

pub fn enterprise(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new("loanEnterprise", rules, as_of, lang);
    let c75 = crate::pack::Citation {
        document: "财金〔2023〕75号".into(),
        title: None,
        article: None,
        url: None,
        note: Some("policy-facts §A4".into()),
    };
    v.add(flag(
        facts,
        "smallOrMicro",
        true,
        "smallOrMicro",
        t("小型或微型企业", "Small or micro enterprise"),
        t("属于小微企业。", "Small or micro."),
        t(
            "只有小型、微型企业可以申请。",
            "Only small and micro enterprises can apply.",
        ),
        c75.clone(),
    ));
    let (small, r_small) = rules.ratio("loan.enterprise.hiringRatio", as_of)?;
    let (large, r_large) = rules.ratio("loan.enterprise.hiringRatioLargeFirm", as_of)?;
    let (threshold, r_thr) = rules.int("loan.enterprise.largeFirmStaff", as_of)?;
    let check = Check::new(
        "hiringRatio",
        t(
            "新招用符合条件人员达到规定比例",
            "Eligible new hires at the required share",
        ),
    )
    .param(&r_small, lang)
    .param(&r_large, lang)
    .param(&r_thr, lang);
    v.add(
        match (facts.number("staff"), facts.number("eligibleNewHires")) {
            (Some(0), _) => check.not_met(t(
                "在职职工人数不能为0。",
                "The enterprise must have employees.",
            )),
            (Some(staff), Some(hires)) if hires > staff => check.not_met(t(
                "新招用人数不能多于在职职工人数，请核对。",
                "New hires cannot exceed the staff: please check.",
            )),
            (Some(staff), Some(hires)) => {
                let ratio = if staff > threshold { large } else { small };
                // Exact: hires / staff ≥ num / den  ⇔  hires × den ≥ staff × num.
                let ok = Decimal::from(hires) * ratio.denominator
                    >= Decimal::from(staff) * ratio.numerator;
                let pct = (Decimal::from(hires) * Decimal::ONE_HUNDRED / Decimal::from(staff))
                    .round_dp(2)
                    .normalize();
                let need = (ratio.to_decimal() * Decimal::ONE_HUNDRED).normalize();
                let size = if staff > threshold {
                    Text::new(
                        format!("职工超过{threshold}人"),
                        format!("over {threshold} staff"),
                    )
                } else {
                    Text::new(
                        format!("职工{threshold}人以下"),
                        format!("{threshold} staff or fewer"),
                    )
                };
                check
                    .compared(
                        Text::new(
                            format!("{hires}/{staff} = {pct}%"),
                            format!("{hires}/{staff} = {pct}%"),
                        ),
                        Text::new(
                            format!("≥ {need}%（{}）", size.zh),
                            format!("≥ {need}% ({})", size.en),
                        ),
                    )
                    .decide(
                        ok,
                        Text::new(
                            format!("新招用{hires}人，占在职职工{staff}人的{pct}%，达到{need}%。"),
                            format!(
                                "{hires} new hires of {staff} staff is {pct}%, at least {need}%."
                            ),
                        ),
                        Text::new(
                            format!(
                                "新招用{hires}人，占在职职工{staff}人的{pct}%，未达到{need}%。"
                            ),
                            format!("{hires} new hires of {staff} staff is {pct}%, below {need}%."),
                        ),
                    )
            }
            _ => check.unknown(
                t(
                    "需要职工人数和新招用人数。",
                    "Needs the staff and new-hire numbers.",
                ),
                &["staff", "eligibleNewHires"],
            ),
        },
    );
    v.add(flag(
        facts,
        "noArrears",
        true,
        "noArrears",
        t(
            "无拖欠工资、欠缴社保等严重违法违规记录",
            "No wage or insurance arrears record",
        ),
        t("无相关记录。", "No such record."),
        t(
            "有拖欠职工工资、欠缴社会保险费等严重违法违规信用记录的企业不能申请。",
            "Enterprises with such records cannot apply.",
        ),
        c75,
    ));
    subsidised_check(&mut v, facts, rules, as_of, lang)?;
    Ok(v.finish(facts, &enterprise_facts(rules, as_of), loan_summary))
}
