//! 创业担保贷款 applicants: individual (`loanIndividual`: the eligible groups,
//! working age, no other loans for applicant and spouse beyond the exempt
//! kinds, subsidised loans so far), partnership (`loanPartnership`), and small
//! or micro enterprise (`loanEnterprise`: hiring ratio, no arrears).

use super::common::*;
use crate::facts::{Choice, FactDef, FactKind, Facts};
use crate::materials::choices_in_force;
use crate::money::yuan_words;
use crate::pack::{RuleError, Rules};
use crate::text::{Lang, Text};
use crate::verdict::{Check, Determination, Outcome, Verdict};
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub const INDIVIDUAL: &str = "loanIndividual";
pub const PARTNERSHIP: &str = "loanPartnership";
pub const ENTERPRISE: &str = "loanEnterprise";

const SUBSIDISED: Times = Times {
    id: "subsidisedLoansLeft",
    fact: "subsidisedLoansSoFar",
    key: "loan.maxSubsidisedLoans",
    label: (
        "享受贴息次数未超过上限",
        "Subsidised loans within the limit",
    ),
    optional: false,
};

const CREDIT: YesNo = YesNo {
    id: "goodCredit",
    fact: "goodCredit",
    want: true,
    label: ("信用良好", "Good credit"),
    met: ("无不良信用记录。", "No bad credit record."),
    not_met: (
        "经办银行会查询征信；有不良记录的一般不能获得贷款。",
        "The bank checks credit records; a bad record usually prevents a loan.",
    ),
    clause: "practice.loan.credit",
};

const INDIVIDUAL_CRITERIA: &[Row] = &[
    Row::Own(group_check),
    Row::WorkingAge,
    Row::Own(no_other_loans),
    Row::Times(SUBSIDISED),
    Row::Yes(CREDIT),
    Row::Yes(YesNo {
        id: "businessRegistered",
        fact: "businessRegistered",
        want: true,
        label: (
            "创业项目已登记或稳定经营",
            "Business registered or established",
        ),
        met: ("已登记经营。", "Registered."),
        not_met: (
            "一般须先办理营业执照；网络商户须稳定经营。请先办理登记。",
            "A business licence is usually needed first (online shops: established trading).",
        ),
        clause: "guide.entrepreneurship.loan.business",
    }),
];

const PARTNERSHIP_CRITERIA: &[Row] = &[
    Row::Own(partnership_check),
    Row::Own(group_check),
    Row::WorkingAge,
    Row::Own(no_other_loans),
    Row::Times(SUBSIDISED),
    Row::Yes(CREDIT),
];

const ENTERPRISE_CRITERIA: &[Row] = &[
    Row::Yes(YesNo {
        id: "smallOrMicro",
        fact: "smallOrMicro",
        want: true,
        label: ("小型或微型企业", "Small or micro enterprise"),
        met: ("属于小微企业。", "Small or micro."),
        not_met: (
            "只有小型、微型企业可以申请。",
            "Only small and micro enterprises can apply.",
        ),
        clause: "loan.enterprise.conditions",
    }),
    Row::Own(hiring_ratio),
    Row::Yes(YesNo {
        id: "noArrears",
        fact: "noArrears",
        want: true,
        label: (
            "无拖欠工资、欠缴社保等严重违法违规记录",
            "No wage or insurance arrears record",
        ),
        met: ("无相关记录。", "No such record."),
        not_met: (
            "有拖欠职工工资、欠缴社会保险费等严重违法违规信用记录的企业不能申请。",
            "Enterprises with such records cannot apply.",
        ),
        clause: "loan.enterprise.conditions",
    }),
    Row::Times(SUBSIDISED),
];

fn group(rules: &Rules<'_>, date: NaiveDate) -> FactDef {
    let mut options = choices_in_force(rules, "loan.eligibleGroups", date);
    options.push(Choice::new("none", t!("以上都不是", "none of these")));
    FactDef::new(
        "loanGroup",
        FactKind::Choice { options },
        t!("您属于哪一类人员？", "Which group are you in?"),
    )
}

/// The kinds of loan asked about (the one list of them).
fn loan_kinds() -> Vec<Choice> {
    vec![
        Choice::new("studentLoan", t!("助学贷款", "student loan")),
        Choice::new(
            "povertyAlleviationLoan",
            t!(
                "扶贫贷款（脱贫人口小额信贷）",
                "poverty-alleviation microcredit",
            ),
        ),
        Choice::new("mortgage", t!("住房贷款", "home loan")),
        Choice::new("carLoan", t!("购车贷款", "car loan")),
        Choice::new(
            "consumerLoan",
            t!(
                "消费贷款（含信用卡分期、透支）",
                "consumer loan (credit cards included)",
            ),
        ),
        Choice::new("businessLoan", t!("经营性贷款", "business loan")),
        Choice::new("otherLoan", t!("其他贷款", "another loan")),
    ]
}

/// "十类人员" / "the 10 eligible groups": the groups in force, counted.
fn groups_named(rules: &Rules<'_>, date: NaiveDate) -> Text {
    match rules.list("loan.eligibleGroups", date) {
        Ok((groups, _)) => t!("{}类人员", "the {} eligible groups"; groups.len()),
        Err(_) => t!("可申请的人员类别", "the eligible groups"),
    }
}

fn other_loans() -> FactDef {
    FactDef::new(
        "otherLoans",
        FactKind::MultiChoice {
            options: loan_kinds(),
        },
        t!(
            "您和配偶目前有哪些未还清的贷款？（可多选，没有就不选）",
            "Which loans do you and your spouse still have? (select all that apply, or none)",
        ),
    )
}

fn consumer_total() -> FactDef {
    FactDef::new(
        "consumerLoanTotal",
        FactKind::Money,
        t!(
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
        woman_track(rules, date),
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

fn group_check(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let groups = v.list("loan.eligibleGroups")?;
    let check = Check::new(
        "eligibleGroup",
        t!("属于可申请的人员类别", "In one of the eligible groups"),
    )
    .figure(&groups);
    v.add(match facts.choice("loanGroup") {
        Some(g) if groups.value.iter().any(|x| x == g) => {
            let name = v
                .rules()
                .label(g)
                .cloned()
                .unwrap_or_else(|| crate::materials::choice_label(g));
            check.met(t!("属于：{}。", "In the group: {}."; name))
        }
        Some(_) => {
            let n = groups.value.len();
            check.not_met(t!(
                "创业担保贷款面向城镇登记失业人员等{}类人员（含本地增加的类别）。",
                "The loan is for the {} groups named here (including any the province adds).";
                n
            ))
        }
        None => check.unknown(not_answered(), &["loanGroup"]),
    });
    Ok(())
}

/// An amount in yuan as people read it, in both languages.
fn yuan(amount: Decimal) -> Text {
    t!(yuan_words(amount, Lang::ZhCn), yuan_words(amount, Lang::En))
}

/// Besides the exempt kinds and consumer loans up to the threshold, the
/// applicant and spouse must have no other loans.
///
/// The consumer-loan balance counts whenever it is answered, whether or not
/// consumer loans were ticked among the loans: a balance is a loan (a clerk
/// would count it, not the missing tick), and a balance above the threshold
/// settles the criterion even before the other loans are answered.
fn no_other_loans(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let exempt = v.list("loan.exemptLoanTypes")?;
    let threshold = v.decimal("loan.consumerLoanThreshold")?;
    let check = Check::new(
        "noOtherLoans",
        t!(
            "本人及配偶没有其他贷款",
            "No other loans for the applicant and spouse",
        ),
    )
    .figure(&exempt)
    .figure(&threshold);
    let limit = &threshold.shown;
    let small_allowed = exempt.value.iter().any(|e| e == "smallConsumerLoan");
    let loans = facts.choices("otherLoans");
    let total = facts.money("consumerLoanTotal");
    let ticked = loans
        .as_ref()
        .is_some_and(|l| l.iter().any(|k| k == "consumerLoan"));
    let owes = total.is_some_and(|t| t > Decimal::ZERO);
    // Said on its own, without the tick: the balance counts anyway.
    let untick = |reason: Text| match (ticked, total) {
        (false, Some(t)) => t!(
            "{}（未勾选消费贷款，但填了消费贷款余额{}，按所填余额计算。）",
            "{} (Consumer loans are not ticked, but a consumer-loan balance of {} is given: it counts.)";
            reason, yuan(t)
        ),
        _ => reason,
    };
    let no_consumer = || {
        t!(
            "本地规定不允许存在消费贷款。",
            "Local rules allow no consumer loans.",
        )
    };
    let over = |check: Check, t: Decimal| {
        check
            .compared(
                t!("消费贷款{}", "consumer loans {}"; yuan(t)),
                t!("≤ {}", "≤ {}"; limit),
            )
            .not_met(untick(t!(
                "消费贷款合计超过{}，须先还款至该额度以下。",
                "Consumer loans exceed {}: repay below it first.";
                limit
            )))
    };
    // The balance alone can settle it.
    match total {
        Some(_) if owes && !small_allowed => {
            v.add(check.not_met(untick(no_consumer())));
            return Ok(());
        }
        Some(t) if t > threshold.value => {
            v.add(over(check, t));
            return Ok(());
        }
        _ => {}
    }
    let Some(loans) = loans else {
        v.add(check.unknown(not_answered(), &["otherLoans"]));
        return Ok(());
    };
    let kinds = loan_kinds();
    let barred: Vec<Text> = loans
        .iter()
        .filter(|l| l.as_str() != "consumerLoan" && !exempt.value.contains(l))
        .map(|l| {
            kinds
                .iter()
                .find(|k| k.value == *l)
                .map(|k| k.text.clone())
                .unwrap_or_else(|| t!(l.clone(), l.clone()))
        })
        .collect();
    if !barred.is_empty() {
        let has = t!(
            barred
                .iter()
                .map(|b| b.zh.as_str())
                .collect::<Vec<_>>()
                .join("、"),
            barred
                .iter()
                .map(|b| b.en.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        );
        v.add(check.not_met(t!(
            "有{}，不符合“除助学、扶贫、住房、购车和{}以下消费贷款外，本人及配偶无其他贷款”的条件。",
            "Has {}: besides student, poverty-alleviation, housing, car and consumer loans up to {}, there may be no other loans.";
            has, limit
        )));
        return Ok(());
    }
    if ticked || owes {
        if !small_allowed {
            v.add(check.not_met(no_consumer()));
            return Ok(());
        }
        v.add(match total {
            Some(t) => check
                .compared(
                    t!("消费贷款{}", "consumer loans {}"; yuan(t)),
                    t!("≤ {}", "≤ {}"; limit),
                )
                .met(untick(t!(
                    "消费贷款合计不超过{}，不影响申请。",
                    "Consumer loans total at most {}: no obstacle.";
                    limit
                ))),
            None => check.unknown(
                t!("需要消费贷款余额。", "Needs the consumer-loan balance."),
                &["consumerLoanTotal"],
            ),
        });
        return Ok(());
    }
    v.add(check.met(t!(
        "除允许的种类外没有其他贷款。",
        "No loans beyond the kinds allowed.",
    )));
    Ok(())
}

fn loan_summary(o: Outcome) -> Text {
    summary(
        o,
        (
            "您符合申请创业担保贷款的基本条件。可申请额度和利息见“贷款测算”；最终由担保机构和银行审核。",
            "You meet the basic conditions. See the loan quote for amounts and interest; the guarantor and bank decide.",
        ),
        (
            "您目前不符合创业担保贷款的条件，原因见下。",
            "You do not meet the conditions at present; see why below.",
        ),
    )
}

pub fn individual(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new(INDIVIDUAL, rules, as_of, lang);
    run(&mut v, facts, INDIVIDUAL_CRITERIA)?;
    Ok(v.finish(facts, &individual_facts(rules, as_of), loan_summary))
}

pub fn partnership_facts(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    vec![
        FactDef::new(
            "partners",
            FactKind::Number,
            t!(
                "合伙人共有几位（含您本人）？",
                "How many partners are there, including you?",
            ),
        ),
        FactDef::new(
            "eligiblePartners",
            FactKind::Number,
            t!(
                "其中有几位属于可申请贷款的人员类别？",
                "How many of them are in an eligible group?",
            ),
        )
        .hint(t!(
            "如登记失业人员、高校毕业生、退役军人等{}。",
            "Such as registered unemployed people, graduates, veterans ({}).";
            groups_named(rules, date)
        )),
        group(rules, date),
        birth_date(),
        sex(),
        woman_track(rules, date),
        other_loans(),
        consumer_total(),
        subsidised(),
        credit(),
    ]
}

fn partnership_check(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let factor = v.ratio("loan.partnership.factor")?;
    let check = Check::new(
        "partnership",
        t!(
            "合伙创业且有符合条件的合伙人",
            "A partnership with eligible partners",
        ),
    )
    .figure(&factor);
    // No partner at all, or more eligible partners than partners, is a fact
    // error (`facts::plausibility`), reported before any criterion.
    v.add(match (facts.number("partners"), facts.number("eligiblePartners")) {
        (Some(p), _) if p < 2 => check.not_met(t!(
            "合伙创业至少要有2位合伙人；1人请按个人创业申请。",
            "A partnership needs at least 2 partners; alone, apply as an individual.",
        )),
        (Some(_), Some(0)) => check.not_met(t!(
            "至少要有1位合伙人属于可申请的人员类别。",
            "At least one partner must be in an eligible group.",
        )),
        (Some(p), Some(e)) => check
            .compared(
                t!("{}位合伙人，{}位符合条件", "{} partners, {} eligible"; p, e),
                t!("≥ 2位，≥ 1位符合条件", "≥ 2, ≥ 1 eligible"),
            )
            .met(t!(
                "{}位符合条件的合伙人；额度最高为其个人额度之和的{}倍（且不超过小微企业额度）。",
                "{} eligible partners; the cap is at most {} times the sum of their individual caps (and not above the enterprise cap).";
                e, factor.shown
            )),
        _ => check.unknown(
            t!("需要合伙人人数。", "Needs the number of partners."),
            &["partners", "eligiblePartners"],
        ),
    });
    Ok(())
}

pub fn partnership(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new(PARTNERSHIP, rules, as_of, lang);
    run(&mut v, facts, PARTNERSHIP_CRITERIA)?;
    Ok(v.finish(facts, &partnership_facts(rules, as_of), loan_summary))
}

pub fn enterprise_facts(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    let lookback = rules
        .int("loan.enterprise.hiringLookbackMonths", date)
        .map(|(m, _)| span_before(m))
        .unwrap_or_else(|_| t!("申请前", "before applying"));
    let contract = rules
        .int("loan.enterprise.minContractMonths", date)
        .map(|(m, _)| span(m))
        .ok();
    let hires = match contract {
        Some(c) => t!(
            "{}内新招用{}多少人（且签订{}以上劳动合同）？",
            "How many people were hired {} from {}, on contracts of {} or more?";
            lookback, groups_named(rules, date), c
        ),
        None => t!(
            "{}内新招用{}多少人？",
            "How many people were hired {} from {}?";
            lookback, groups_named(rules, date)
        ),
    };
    vec![
        yes_no("smallOrMicro", "企业是否属于小型或微型企业（按《中小企业划型标准规定》）？", "Is the enterprise small or micro (under the SME classification rules)?"),
        FactDef::new("staff", FactKind::Number, t!("企业现有在职职工多少人？", "How many employees does the enterprise have now?")),
        FactDef::new("eligibleNewHires", FactKind::Number, hires),
        yes_no("noArrears", "企业是否没有拖欠职工工资、欠缴社会保险费等严重违法违规信用记录？", "Is the enterprise free of wage arrears, unpaid social insurance and similar serious violations?"),
        subsidised(),
    ]
}

/// "申请前…个月" / "in the … months before applying".
fn span_before(months: i64) -> Text {
    t!("申请前{}个月", "in the {} months before applying"; months)
}

/// The share of eligible new hires, against the ratio for the firm's size.
fn hiring_ratio(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let small = v.ratio("loan.enterprise.hiringRatio")?;
    let large = v.ratio("loan.enterprise.hiringRatioLargeFirm")?;
    let threshold = v.int("loan.enterprise.largeFirmStaff")?;
    let check = Check::new(
        "hiringRatio",
        t!(
            "新招用符合条件人员达到规定比例",
            "Eligible new hires at the required share",
        ),
    )
    .figure(&small)
    .figure(&large)
    .figure(&threshold);
    let limit = threshold.value;
    // More hires than staff is a fact error (`facts::plausibility`), reported
    // before any criterion.
    v.add(
        match (facts.number("staff"), facts.number("eligibleNewHires")) {
            (Some(0), _) => check.not_met(t!(
                "在职职工人数不能为0。",
                "The enterprise must have employees.",
            )),
            (Some(staff), Some(hires)) => {
                let ratio = if staff > limit {
                    large.value
                } else {
                    small.value
                };
                // Exact: hires / staff ≥ num / den  ⇔  hires × den ≥ staff × num.
                let ok = Decimal::from(hires) * ratio.denominator
                    >= Decimal::from(staff) * ratio.numerator;
                let pct = (Decimal::from(hires) * Decimal::ONE_HUNDRED / Decimal::from(staff))
                    .round_dp(2)
                    .normalize();
                let need = (ratio.to_decimal() * Decimal::ONE_HUNDRED).normalize();
                let size = if staff > limit {
                    t!("职工超过{}人", "over {} staff"; limit)
                } else {
                    t!("职工{}人以下", "{} staff or fewer"; limit)
                };
                check
                    .compared(
                        t!("{}/{} = {}%", "{}/{} = {}%"; hires, staff, pct),
                        t!("≥ {}%（{}）", "≥ {}% ({})"; need, size),
                    )
                    .decide(
                        ok,
                        t!(
                            "新招用{}人，占在职职工{}人的{}%，达到{}%。",
                            "{} new hires of {} staff is {}%, at least {}%.";
                            hires, staff, pct, need
                        ),
                        t!(
                            "新招用{}人，占在职职工{}人的{}%，未达到{}%。",
                            "{} new hires of {} staff is {}%, below {}%.";
                            hires, staff, pct, need
                        ),
                    )
            }
            _ => check.unknown(
                t!(
                    "需要职工人数和新招用人数。",
                    "Needs the staff and new-hire numbers.",
                ),
                &["staff", "eligibleNewHires"],
            ),
        },
    );
    Ok(())
}

pub fn enterprise(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new(ENTERPRISE, rules, as_of, lang);
    run(&mut v, facts, ENTERPRISE_CRITERIA)?;
    Ok(v.finish(facts, &enterprise_facts(rules, as_of), loan_summary))
}
