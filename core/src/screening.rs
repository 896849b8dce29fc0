//! Project screening (项目筛选) and the home visit (入户了解) for a guaranteed
//! loan: the guide's nine principles of a good project and the checks a
//! 劳动保障协理员 makes at home, turned into risk flags with reasons, what to verify
//! on site, whether to recommend, and the counter-guarantee options that fit (or
//! that it may be waived under the local threshold).
//!
//! Each question is answered `yes`, `no` or `unsure`. The severity of a "no" is
//! the tier the packs put the item in (local practice: the guide names the
//! checks but no tiers):
//! - **blocker** (do not recommend), the items of `screening.blockers`: by default
//!   market access, licence and real address, an eligible borrower, other loans
//!   beyond those allowed, no counter-guarantee where one is required;
//! - **high**, `screening.highRisks`: by default profit, affordable investment,
//!   interest and ability;
//! - **medium**, `screening.mediumRisks`: by default relationships, market
//!   potential, key staff, supply, premises, a heavy household burden.
//!
//! An item in no tier, and "unsure" for any item, is something to verify on site.
//! Recommendation: `doNotRecommend` with a blocker; `incomplete` while any question
//! is unanswered (every missing one listed); `doNotRecommend` with more than
//! `screening.maxHighRisks` high risks; `recommendWithConditions` with a high risk,
//! more than `screening.maxMediumRisks` medium ones, or anything to verify;
//! otherwise `recommend`.

use crate::facts::{Choice, FactDef, FactKind, Facts, Question};
use crate::pack::{Citation, Figure, Recorder, RuleError, Rules, Sourced};
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use serde::Serialize;

/// The tier of an item's flag, from the packs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Weight {
    Blocker,
    High,
    Medium,
    /// In no tier: only something to verify.
    Verify,
}

/// The tiers the packs set on `date`, each read through `rec`.
struct Tiers {
    blockers: Vec<String>,
    high: Vec<String>,
    medium: Vec<String>,
}

impl Tiers {
    fn read(rec: &mut Recorder<'_>, date: NaiveDate) -> Result<Tiers, RuleError> {
        Ok(Tiers {
            blockers: rec.list("screening.blockers", date)?.value,
            high: rec.list("screening.highRisks", date)?.value,
            medium: rec.list("screening.mediumRisks", date)?.value,
        })
    }
    fn of(&self, id: &str) -> Weight {
        let has = |l: &[String]| l.iter().any(|x| x == id);
        if has(&self.blockers) {
            Weight::Blocker
        } else if has(&self.high) {
            Weight::High
        } else if has(&self.medium) {
            Weight::Medium
        } else {
            Weight::Verify
        }
    }
}

struct Principle {
    id: &'static str,
    question: Text,
    /// The flag's reason when the answer is "no".
    if_no: Text,
    /// What to check on site when "unsure" (or always, for home-visit items).
    verify: Text,
    /// The answer that raises the flag ("no" for most; "yes" for a burden).
    bad: &'static str,
    citation: &'static str,
}

fn principles() -> Vec<Principle> {
    let p = |id, question, if_no, verify, bad, citation| Principle {
        id,
        question,
        if_no,
        verify,
        bad,
        citation,
    };
    vec![
        p(
            "profitable",
            t!(
                "项目能赚钱吗？（投资回报较高）",
                "Will the project make money (a good return)?"
            ),
            t!(
                "项目盈利前景不明，还款来源没有保障。",
                "No clear profit: repayment has no secure source."
            ),
            t!(
                "核对收入和成本测算、同类项目的经营情况。",
                "Check the income and cost estimates, and similar businesses."
            ),
            "no",
            "好项目筛选原则 1",
        ),
        p(
            "affordable",
            t!(
                "项目投资的钱，您自己能承受吗？",
                "Can you bear the investment yourself?"
            ),
            t!(
                "投资超出承受能力，失败时家庭难以承担。",
                "The investment is beyond what the household can bear if it fails."
            ),
            t!(
                "核对自有资金、家庭收入和负债。",
                "Check own funds, household income and debts."
            ),
            "no",
            "好项目筛选原则 2",
        ),
        p(
            "interestAndAbility",
            t!(
                "您喜欢这个项目，有能力做好吗？",
                "Do you like the project and have the ability to run it?"
            ),
            t!(
                "缺乏兴趣或能力，经营风险大。",
                "Without interest or ability the business risk is high."
            ),
            t!(
                "了解从业经历、技能证书和培训情况（如 SYB）。",
                "Ask about experience, skills certificates and training (e.g. SYB)."
            ),
            "no",
            "好项目筛选原则 3",
        ),
        p(
            "relationships",
            t!(
                "项目所需的人际关系能够到位吗？",
                "Are the relationships the project needs in place?"
            ),
            t!(
                "人际关系不到位，开拓客户和渠道困难。",
                "Without the relationships, customers and channels are hard to win."
            ),
            t!(
                "了解主要客户和合作方。",
                "Ask about the main customers and partners."
            ),
            "no",
            "好项目筛选原则 4",
        ),
        p(
            "marketAccess",
            t!(
                "项目的市场准入（许可、资质）能办下来吗？",
                "Can the licences and permits be obtained?"
            ),
            t!(
                "市场准入办不下来，项目不能合法经营。",
                "Without the permits the business cannot operate lawfully."
            ),
            t!(
                "核对行业许可、资质要求和办理进度。",
                "Check the permits required and their progress."
            ),
            "no",
            "好项目筛选原则 5",
        ),
        p(
            "marketPotential",
            t!(
                "未来市场潜力较大、不会很快饱和吗？",
                "Is there market potential that will not soon be saturated?"
            ),
            t!(
                "市场容易饱和，持续经营风险大。",
                "A market that saturates soon threatens the business."
            ),
            t!(
                "了解周边同类经营者数量和需求。",
                "Look at nearby competitors and demand."
            ),
            "no",
            "好项目筛选原则 6",
        ),
        p(
            "keyStaff",
            t!(
                "能找到项目需要的骨干人员吗？",
                "Can you find the key staff the project needs?"
            ),
            t!(
                "骨干人员难找，影响正常经营。",
                "Without key staff the business will struggle."
            ),
            t!("了解用工计划和人员到位情况。", "Check the hiring plan."),
            "no",
            "好项目筛选原则 7",
        ),
        p(
            "supplyChannel",
            t!(
                "项目需要的进货渠道有保障吗？",
                "Is the supply channel secure?"
            ),
            t!(
                "进货渠道无保障，经营不稳定。",
                "An insecure supply makes the business unstable."
            ),
            t!(
                "核对供货协议或供应商。",
                "Check supply agreements or suppliers."
            ),
            "no",
            "好项目筛选原则 8",
        ),
        p(
            "premises",
            t!(
                "已经有或容易找到合适的经营场地吗？",
                "Do you have, or can you easily find, suitable premises?"
            ),
            t!(
                "没有合适场地，项目难以开展。",
                "Without premises the project cannot start."
            ),
            t!("实地查看经营场所。", "Visit the premises."),
            "no",
            "好项目筛选原则 9",
        ),
        p(
            "licenceAddressMatches",
            t!(
                "营业执照上的经营项目和地址，与实际经营一致吗？",
                "Do the business and address on the licence match the real ones?"
            ),
            t!(
                "执照与实际经营不一致，属于不真实的贷款申请项目，不予推荐。",
                "Licence and reality differ: not a genuine project, not recommended."
            ),
            t!(
                "上门核实经营项目、经营地址与申请内容是否一致。",
                "Visit to confirm the business and address match the application."
            ),
            "no",
            "入户了解：经营项目；核实项目和场地",
        ),
        p(
            "identityEligible",
            t!(
                "申请人在劳动年龄内，且属于可申请贷款的人员类别吗？",
                "Is the applicant of working age and in an eligible group?"
            ),
            t!(
                "身份资格不符合扶持对象条件。",
                "The applicant is not in the groups the loan supports."
            ),
            t!(
                "核对身份证件和人员类别证明（可用资格自测核对）。",
                "Check the ID and proof of the group (the eligibility check can help)."
            ),
            "no",
            "入户了解：身份资格",
        ),
        p(
            "noOtherLoans",
            t!(
                "申请人及配偶除允许的贷款外，没有其他贷款吗？",
                "Apart from the loans allowed, do the applicant and spouse have no other loans?"
            ),
            t!(
                "有不允许的其他贷款，不符合贷款和贴息条件。",
                "Other loans not allowed: the loan and subsidy conditions are not met."
            ),
            t!(
                "由经办银行查询本人及配偶征信。",
                "The bank checks the applicant's and spouse's credit."
            ),
            "no",
            "入户了解：能否贴息",
        ),
        p(
            "householdBurdenHeavy",
            t!(
                "家庭负担重吗（需要照料老人、孩子或病人，收入单一）？",
                "Is the household burden heavy (caring for others, one income)?"
            ),
            t!(
                "家庭负担重，还款压力大。",
                "A heavy household burden makes repayment harder."
            ),
            t!(
                "了解家庭成员、收入和支出。",
                "Ask about the household's members, income and spending."
            ),
            "yes",
            "入户了解：家庭情况",
        ),
    ]
}

/// Counter-guarantee options (反担保方式) of the guide.
fn guarantee_options() -> Vec<Choice> {
    vec![
        Choice::new(
            "publicEmployeeGuarantor",
            t!(
                "机关事业单位或大型国有企业职工担保",
                "a guarantor employed by a public body or large state firm"
            ),
        ),
        Choice::new(
            "property",
            t!("可抵押的土地、房产", "land or property to mortgage"),
        ),
        Choice::new(
            "deposit",
            t!(
                "定期存单或其他有价证券",
                "a term deposit or other securities"
            ),
        ),
        Choice::new(
            "marketGuarantee",
            t!(
                "有规模的市场方担保",
                "a guarantee from an established market operator"
            ),
        ),
        Choice::new(
            "otherAccepted",
            t!(
                "担保机构认可的其他方式",
                "another form the guarantor accepts"
            ),
        ),
    ]
}

/// The screening questions.
pub fn facts() -> Vec<FactDef> {
    let yn = || FactKind::Choice {
        options: vec![
            Choice::new("yes", t!("是", "Yes")),
            Choice::new("no", t!("否", "No")),
            Choice::new("unsure", t!("不确定", "Not sure")),
        ],
    };
    let mut defs: Vec<FactDef> = principles()
        .into_iter()
        .map(|p| FactDef::new(p.id, yn(), p.question))
        .collect();
    defs.push(FactDef::new(
        "loanAmount",
        FactKind::Money,
        t!(
            "申请贷款金额（元，大于0）",
            "Loan amount asked for (yuan, above 0)"
        ),
    ));
    defs.push(
        FactDef::new(
            "counterGuarantees",
            FactKind::MultiChoice {
                options: guarantee_options(),
            },
            t!(
                "能提供哪些反担保？（可多选，都不能就不选）",
                "Which counter-guarantees can be offered? (select all, or none)"
            ),
        )
        .hint(t!(
            "国家鼓励降低或取消反担保门槛；小额贷款可免除反担保。",
            "Counter-guarantees are being reduced; small loans may need none."
        )),
    );
    defs
}

/// One risk flag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Flag {
    pub id: String,
    pub question: String,
    pub answer: String,
    /// `blocker`, `high`, `medium` or `verify`.
    pub severity: String,
    pub reason: String,
    pub verify: String,
    pub citation: Citation,
}

/// Counter-guarantee advice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct GuaranteeAdvice {
    pub required: bool,
    /// Loans up to this amount may need none, as people read it ("10万元").
    pub waiver_up_to: String,
    /// The options offered that fit.
    pub fitting: Vec<String>,
    pub reason: String,
}

/// The answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ScreeningResult {
    /// `recommend`, `recommendWithConditions`, `doNotRecommend` or `incomplete`.
    pub recommendation: String,
    pub summary: String,
    pub flags: Vec<Flag>,
    pub verify_on_site: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counter_guarantee: Option<GuaranteeAdvice>,
    /// Questions still unanswered (all of them).
    pub missing: Vec<Question>,
    /// Citations, parameters, caveats (the tiers are local practice; unsure
    /// figures) and the pack stamp.
    #[serde(flatten)]
    pub sourced: Sourced,
}

/// The guide's clause an item rests on (the same document as the tier parameters').
fn cite(article: &str) -> Citation {
    Citation {
        document: "劳动保障协理员工作指南：就业创业服务·创业服务".into(),
        title: None,
        article: Some(article.into()),
        url: None,
        note: None,
    }
}

/// Screens a project from the answers (possibly partial: every missing answer
/// is listed, and the flags so far are shown).
pub fn screen(
    answers: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<ScreeningResult, RuleError> {
    let defs = facts();
    let mut rec = Recorder::new(rules, lang);
    let max_high = rec.int("screening.maxHighRisks", as_of)?;
    let max_medium = rec.int("screening.maxMediumRisks", as_of)?;
    let tiers = Tiers::read(&mut rec, as_of)?;
    rec.note(t!(
        "风险分级和推荐门槛（高风险超过{}项不推荐，一般风险超过{}项须附条件）是本工具按指南整理的默认做法，指南未作规定；以当地规则包和经办机构为准。",
        "The risk tiers and thresholds (more than {} high risks: do not recommend; more than {} medium ones: on conditions) are this kit's default reading of the guide, which sets none; the local pack and office decide.";
        max_high.value, max_medium.value
    ));
    let mut flags = Vec::new();
    let mut verify: Vec<String> = vec![t!(
        "上门查看经营场所、经营规模和带动就业情况。",
        "Visit the premises: check the scale of the business and the jobs it creates."
    )
    .get(lang)
    .to_string()];
    let mut missing = Vec::new();
    for p in principles() {
        let Some(answer) = answers.choice(p.id) else {
            if let Some(d) = defs.iter().find(|d| d.id == p.id) {
                missing.push(d.question(lang));
            }
            continue;
        };
        let unsure = answer == "unsure";
        if answer != p.bad && !unsure {
            continue;
        }
        let weight = tiers.of(p.id);
        let severity = match (weight, unsure) {
            (_, true) | (Weight::Verify, _) => "verify",
            (Weight::Blocker, false) => "blocker",
            (Weight::High, false) => "high",
            (Weight::Medium, false) => "medium",
        };
        if unsure || matches!(weight, Weight::Blocker | Weight::Verify) {
            verify.push(p.verify.get(lang).to_string());
        }
        let citation = cite(p.citation);
        rec.cite(&citation);
        flags.push(Flag {
            id: p.id.into(),
            question: p.question.get(lang).to_string(),
            answer: answer.into(),
            severity: severity.into(),
            reason: if unsure {
                t!("尚不确定：{}", "Not sure yet: {}"; p.if_no)
            } else {
                p.if_no
            }
            .get(lang)
            .to_string(),
            verify: p.verify.get(lang).to_string(),
            citation,
        });
    }
    // Counter-guarantee.
    let waiver = rec.decimal("loan.counterGuaranteeWaiverMax", as_of)?;
    // An amount of 0 never gets here: the facts layer refuses it as a fact the
    // person must correct (`facts::plausibility`). Should one come through,
    // it is asked again, never read as "within the waiver".
    let amount = answers.money("loanAmount");
    let counter = match amount.filter(|a| *a > rust_decimal::Decimal::ZERO) {
        None => {
            if let Some(d) = defs.iter().find(|d| d.id == "loanAmount") {
                missing.push(d.question(lang));
            }
            None
        }
        Some(amount) if amount <= waiver.value => Some(GuaranteeAdvice {
            required: false,
            waiver_up_to: waiver.shown.get(lang).to_string(),
            fitting: Vec::new(),
            reason: t!(
                "贷款{}不超过{}，可申请免除反担保（以担保机构为准）。",
                "A loan of {} is within {}: the counter-guarantee may be waived (the guarantor decides).";
                yuan_text(amount), waiver.shown
            )
            .get(lang)
            .to_string(),
        }),
        Some(amount) => {
            let offered = answers.choices("counterGuarantees");
            let options = guarantee_options();
            let fitting: Vec<String> = offered
                .clone()
                .unwrap_or_default()
                .iter()
                .filter_map(|v| options.iter().find(|o| &o.value == v))
                .map(|o| o.text.get(lang).to_string())
                .collect();
            if offered.is_none() {
                if let Some(d) = defs.iter().find(|d| d.id == "counterGuarantees") {
                    missing.push(d.question(lang));
                }
            } else if fitting.is_empty() {
                flags.push(counter_flag(&tiers, amount, &waiver, &mut rec, lang));
            }
            Some(GuaranteeAdvice {
                required: true,
                waiver_up_to: waiver.shown.get(lang).to_string(),
                reason: t!(
                    "贷款{}超过{}，需要反担保。",
                    "A loan of {} is above {}: a counter-guarantee is needed.";
                    yuan_text(amount), waiver.shown
                )
                .get(lang)
                .to_string(),
                fitting,
            })
        }
    };
    let count = |s: &str| flags.iter().filter(|f| f.severity == s).count() as i64;
    let (blockers, highs, mediums, unsure) = (
        count("blocker"),
        count("high"),
        count("medium"),
        count("verify"),
    );
    let (recommendation, summary) = if blockers > 0 {
        (
            "doNotRecommend",
            t!(
                "不推荐：存在不能贷款的情形，原因见下。",
                "Do not recommend: something rules the loan out; see below."
            ),
        )
    } else if !missing.is_empty() {
        (
            "incomplete",
            t!(
                "还有{}个问题未回答。",
                "{} not answered yet.";
                crate::text::counted(missing.len() as i64, "question is", "questions are")
            ),
        )
    } else if highs > max_high.value {
        (
            "doNotRecommend",
            t!("不推荐：高风险{}项。", "Do not recommend: {} high risks."; highs),
        )
    } else if highs > 0 || mediums > max_medium.value || unsure > 0 {
        (
            "recommendWithConditions",
            t!(
                "可以推荐，但须先核实下列风险。",
                "Recommend on conditions: verify the risks below first."
            ),
        )
    } else {
        (
            "recommend",
            t!(
                "可以推荐：未发现明显风险，按流程上门核实后推荐给经办机构。",
                "Recommend: no clear risk; verify on site and pass it on."
            ),
        )
    };
    verify.dedup();
    Ok(ScreeningResult {
        recommendation: recommendation.into(),
        summary: summary.get(lang).to_string(),
        flags,
        verify_on_site: verify,
        counter_guarantee: counter,
        missing,
        sourced: rec.finish(),
    })
}

/// The flag when a counter-guarantee is needed and none can be offered (its
/// tier from the packs, like every item's).
fn counter_flag(
    tiers: &Tiers,
    amount: rust_decimal::Decimal,
    waiver: &Figure<rust_decimal::Decimal>,
    rec: &mut Recorder<'_>,
    lang: Lang,
) -> Flag {
    let severity = match tiers.of("counterGuarantee") {
        Weight::Blocker => "blocker",
        Weight::High => "high",
        Weight::Medium => "medium",
        Weight::Verify => "verify",
    };
    let citation = cite("第三节 一、6 反担保");
    rec.cite(&citation);
    Flag {
        id: "counterGuarantee".into(),
        question: t!("反担保", "Counter-guarantee").get(lang).to_string(),
        answer: "none".into(),
        severity: severity.into(),
        reason: t!(
            "贷款{}超过免反担保额度{}，但无法提供反担保。",
            "A loan of {} is above the {} waiver, but no counter-guarantee can be offered.";
            yuan_text(amount), waiver.shown
        )
        .get(lang)
        .to_string(),
        verify: t!(
            "介绍各种反担保方式的条件，或降低贷款额度至免反担保额度以内。",
            "Explain the counter-guarantee options, or lower the amount to the waiver limit."
        )
        .get(lang)
        .to_string(),
        citation,
    }
}

/// An amount as people read it ("10万元" / "100,000 yuan").
fn yuan_text(d: rust_decimal::Decimal) -> Text {
    use crate::money::yuan_words;
    t!(yuan_words(d, Lang::ZhCn), yuan_words(d, Lang::En))
}
