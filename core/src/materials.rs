//! Materials (申请材料) and one-time notification (一次性告知).
//!
//! The catalog of materials and the application types that need them live in the
//! rule pack, with conditions on the applicant's answers. [`check_materials`]
//! returns, all at once: the checklist tailored to the applicant; what is missing;
//! what is present but invalid and why (a number that fails its check, an expired
//! certificate, a name or ID that differs from the applicant's, a contribution
//! receipt that does not cover the subsidy claimed); what is waived because the
//! data is shared locally; what may follow later (容缺受理) or be replaced by a
//! signed commitment (告知承诺); and a verdict.
//!
//! Rules written down:
//! - A requirement whose condition cannot be decided yet (an answer is missing) is
//!   listed, with its condition in plain words: better one trip than two.
//! - A material whose `sharedData` source is in `materials.sharedData` for the
//!   region is waived, whether brought or not.
//! - Verdict: `incomplete` if a key material (关键材料) is missing or invalid, or a
//!   non-key one is and deferral is not allowed; `acceptableWithDeferral` if only
//!   non-key materials are missing, invalid or promised, and they may follow by
//!   the deadline (application date + `materials.deferralDays` calendar days);
//!   otherwise `complete`.
//! - Without `provided`, the report is the checklist a citizen takes to the window,
//!   and the verdict says what would happen if nothing were brought.

use crate::dates::add_months;
use crate::facts::{Choice, FactDef, FactKind, FactProblem, Facts};
use crate::ids::{fold, validate_id, IdKind, IdOptions, Severity};
use crate::pack::{
    Applicant, ApplicationFile, Citation, Condition, Holder, MaterialFile, MaterialForm, PackStamp,
    ParamRef, RequirementFile, RuleError, Rules, Status, Validity,
};
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::facts::condition_facts;

fn choices(values: &[(&str, Text)]) -> Vec<Choice> {
    values
        .iter()
        .map(|(v, t)| Choice::new(v, t.clone()))
        .collect()
}

/// Labels of list-parameter choices, for questions (national names; a province's
/// own categories are named by its pack's `labels`, else show their id).
pub fn choice_label(value: &str) -> Text {
    let t = |zh: &str, en: &str| Text::new(zh, en);
    match value {
        "dibao" => t(
            "享受城乡居民最低生活保障的家庭成员",
            "member of a family receiving dibao (minimum living allowance)",
        ),
        "age4050" => t(
            "女40周岁以上、男50周岁以上",
            "woman aged 40+ or man aged 50+",
        ),
        "hardshipWorkerFamily" => t("特困职工家庭成员", "member of a hardship worker's family"),
        "disabled" => t("残疾人", "person with a disability"),
        "urbanZeroEmploymentFamily" => t(
            "城镇零就业家庭成员",
            "member of an urban zero-employment family",
        ),
        "longTermUnemployed" => t("连续失业1年以上", "unemployed for a year or more"),
        "landLostFarmer" => t(
            "城市规划区范围内的被征地农民",
            "farmer whose land was requisitioned",
        ),
        "ruralZeroTransferFamily" => t(
            "农村零转移就业家庭成员",
            "member of a rural family with no one in off-farm work",
        ),
        "povertyAlleviated" => t(
            "脱贫人口（含防止返贫监测对象）",
            "person lifted out of poverty (incl. monitored households)",
        ),
        "registeredUnemployed" => t("城镇登记失业人员", "registered unemployed (urban)"),
        "difficultToEmploy" => t(
            "就业困难人员（含残疾人）",
            "difficult-to-employ person (incl. disabled)",
        ),
        "veteran" => t("退役军人", "veteran"),
        "releasedPrisoner" => t("刑满释放人员", "person released from prison"),
        "graduate" => t(
            "高校毕业生（含大学生村官和留学回国学生）",
            "college graduate (incl. village officials, returned students)",
        ),
        "overcapacityWorker" => t(
            "化解过剩产能企业职工和失业人员",
            "worker laid off in overcapacity reduction",
        ),
        "returningMigrantWorker" => t(
            "返乡创业农民工",
            "migrant worker returning home to start a business",
        ),
        "onlineMerchant" => t("网络商户", "online merchant"),
        "ruralEntrepreneur" => t("农村自主创业农民", "rural self-employed farmer"),
        "hkMacaoTaiwanYouth" => t("港澳台青年", "young person from Hong Kong, Macao or Taiwan"),
        other => t(other, other),
    }
}

/// The choices of a list parameter in force for the region on `date` (a
/// province's own included), named by the packs' labels or the kit's names.
pub fn choices_in_force(rules: &Rules<'_>, key: &'static str, date: NaiveDate) -> Vec<Choice> {
    let mut values: Vec<String> = rules
        .declaration(key)
        .map(|p| p.choices.clone())
        .unwrap_or_default();
    for pack in rules.chain() {
        if let Some(p) = pack.params.get(key) {
            for c in &p.choices {
                if !values.contains(c) {
                    values.push(c.clone());
                }
            }
        }
    }
    // Keep only what is in force here, if the list has a value on the date.
    if let Ok((in_force, _)) = rules.list(key, date) {
        values.retain(|v| in_force.contains(v));
    }
    values
        .iter()
        .map(|v| {
            Choice::new(
                v,
                rules.label(v).cloned().unwrap_or_else(|| choice_label(v)),
            )
        })
        .collect()
}

/// The questions materials conditions may ask, with the options in force for the
/// region on `date` (a province's own categories included).
pub fn fact_defs(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    let list_choices = |key: &'static str| choices_in_force(rules, key, date);
    let t = |zh: &str, en: &str| Text::new(zh, en);
    vec![
        FactDef::new("name", FactKind::Text, t("申请人姓名", "Applicant's name")),
        FactDef::new(
            "residentId",
            FactKind::Text,
            t("申请人身份证号码", "Applicant's ID number"),
        ),
        FactDef::new("spouseName", FactKind::Text, t("配偶姓名", "Spouse's name")),
        FactDef::new(
            "spouseId",
            FactKind::Text,
            t("配偶身份证号码", "Spouse's ID number"),
        ),
        FactDef::new(
            "uscc",
            FactKind::Text,
            t(
                "营业执照上的统一社会信用代码",
                "Unified social credit code on the business licence",
            ),
        ),
        FactDef::new(
            "categories",
            FactKind::MultiChoice {
                options: list_choices("difficult.categories"),
            },
            t(
                "您属于下列哪些情形？（可多选）",
                "Which of these apply to you? (select all that apply)",
            ),
        ),
        FactDef::new(
            "subsidyGroup",
            FactKind::Choice {
                options: choices(&[
                    (
                        "difficultPerson",
                        t(
                            "已认定的就业困难人员",
                            "a recognised difficult-to-employ person",
                        ),
                    ),
                    (
                        "graduate",
                        t(
                            "离校2年内未就业的高校毕业生",
                            "a graduate within 2 years of leaving school, not employed",
                        ),
                    ),
                ]),
            },
            t("您以哪种身份申请？", "On what basis are you applying?"),
        ),
        FactDef::new(
            "employmentForm",
            FactKind::Choice {
                options: choices(&[
                    (
                        "flexible",
                        t(
                            "灵活就业（无固定单位）",
                            "flexible employment (no fixed employer)",
                        ),
                    ),
                    (
                        "individualBusiness",
                        t(
                            "领取营业执照从事个体经营",
                            "self-employed with a business licence",
                        ),
                    ),
                ]),
            },
            t("您现在怎样就业？", "How are you working now?"),
        ),
        FactDef::new(
            "married",
            FactKind::YesNo,
            t("您是否已婚？", "Are you married?"),
        ),
        FactDef::new(
            "loanGroup",
            FactKind::Choice {
                options: list_choices("loan.eligibleGroups"),
            },
            t(
                "您属于哪一类创业人员？",
                "Which group of entrepreneurs are you in?",
            ),
        ),
        FactDef::new(
            "loanAmount",
            FactKind::Money,
            t(
                "您想申请多少贷款（元）？",
                "How much do you want to borrow (yuan)?",
            ),
        ),
        FactDef::new(
            "partners",
            FactKind::Number,
            t(
                "合伙人有几位（含您本人）？",
                "How many partners, including you?",
            ),
        ),
        FactDef::new(
            "jobSeekingCategories",
            FactKind::MultiChoice {
                options: choices(&[
                    ("dibao", t("低保家庭", "a family receiving dibao")),
                    (
                        "zeroEmploymentFamily",
                        t("零就业家庭", "a zero-employment family"),
                    ),
                    (
                        "povertyMonitoring",
                        t(
                            "防止返贫监测对象家庭",
                            "a household monitored against falling back into poverty",
                        ),
                    ),
                    (
                        "extremePoverty",
                        t("特困人员", "a person in extreme poverty (特困人员)"),
                    ),
                    ("disabled", t("残疾", "disabled")),
                    (
                        "studentLoan",
                        t("获得国家助学贷款", "holding a national student loan"),
                    ),
                ]),
            },
            t(
                "您属于下列哪些情形？（可多选）",
                "Which of these apply to you? (select all that apply)",
            ),
        ),
        FactDef::new(
            "claimKinds",
            FactKind::MultiChoice {
                options: choices(&[
                    ("pension", t("基本养老保险", "basic pension insurance")),
                    ("medical", t("基本医疗保险", "basic medical insurance")),
                    ("unemployment", t("失业保险", "unemployment insurance")),
                ]),
            },
            t(
                "申请补贴的险种",
                "Insurance kinds the subsidy is claimed for",
            ),
        ),
        FactDef::new(
            "claimMonths",
            FactKind::Number,
            t("申请补贴的月数", "Months the subsidy is claimed for"),
        ),
        FactDef::new(
            "claimAmount",
            FactKind::Money,
            t("申请补贴金额（元）", "Subsidy amount claimed (yuan)"),
        ),
        FactDef::new(
            "graduate",
            FactKind::YesNo,
            t(
                "您是否为毕业年度或离校2年内的高校毕业生？",
                "Are you a college graduate in your graduation year or within 2 years of leaving?",
            ),
        ),
    ]
}

/// A material with every field resolved for a region.
#[derive(Clone, Debug, PartialEq)]
pub struct MaterialDef {
    pub id: String,
    pub name: Text,
    pub proves: Text,
    pub issuer: Text,
    pub form: MaterialForm,
    pub quantity: u32,
    pub id_kind: Option<IdKind>,
    pub validity: Validity,
    pub validity_months: Option<u32>,
    pub shared_data: Option<String>,
    pub key: bool,
    pub commitment_allowed: bool,
    pub receipt: bool,
    pub holder: Holder,
    pub note: Option<Text>,
    pub status: Status,
    pub citation: Citation,
}

fn merge(into: &mut MaterialFile, over: &MaterialFile) {
    macro_rules! take {
        ($($f:ident),*) => { $( if over.$f.is_some() { into.$f = over.$f.clone(); } )* };
    }
    take!(
        name,
        proves,
        issuer,
        form,
        quantity,
        id_kind,
        validity,
        validity_months,
        shared_data,
        key,
        commitment_allowed,
        receipt,
        holder,
        note,
        status,
        citation
    );
}

/// The material `id` as the region's packs define it (national fields, overridden
/// by the province's, then the city's, then the county's).
pub fn material(rules: &Rules<'_>, id: &str) -> Option<MaterialDef> {
    let mut m: Option<MaterialFile> = None;
    for pack in rules.chain().iter().rev() {
        if let Some(over) = pack.materials.get(id) {
            match &mut m {
                Some(base) => merge(base, over),
                None => m = Some(over.clone()),
            }
        }
    }
    let m = m?;
    Some(MaterialDef {
        id: id.to_string(),
        name: m.name?,
        proves: m.proves?,
        issuer: m.issuer?,
        form: m.form?,
        quantity: m.quantity.unwrap_or(1),
        id_kind: m.id_kind,
        validity: m.validity.unwrap_or(Validity::None),
        validity_months: m.validity_months,
        shared_data: m.shared_data,
        key: m.key.unwrap_or(true),
        commitment_allowed: m.commitment_allowed.unwrap_or(false),
        receipt: m.receipt.unwrap_or(false),
        holder: m.holder.unwrap_or(Holder::Applicant),
        note: m.note,
        status: m.status.unwrap_or(Status::Secondary),
        citation: m.citation?,
    })
}

/// An application type as the region's packs define it.
#[derive(Clone, Debug, PartialEq)]
pub struct ApplicationDef {
    pub id: String,
    pub title: Text,
    pub applicant: Applicant,
    pub citation: Option<Citation>,
    pub requirements: Vec<RequirementFile>,
}

/// The application `id` for the region: the most specific full list of
/// requirements, plus every pack's extra requirements (general first).
pub fn application(rules: &Rules<'_>, id: &str) -> Option<ApplicationDef> {
    let mut merged: Option<ApplicationFile> = None;
    let mut extra = Vec::new();
    for pack in rules.chain().iter().rev() {
        if let Some(a) = pack.applications.get(id) {
            match &mut merged {
                None => merged = Some(a.clone()),
                Some(m) => {
                    if a.title.is_some() {
                        m.title = a.title.clone();
                    }
                    if a.applicant.is_some() {
                        m.applicant = a.applicant;
                    }
                    if a.citation.is_some() {
                        m.citation = a.citation.clone();
                    }
                    if a.requirements.is_some() {
                        m.requirements = a.requirements.clone();
                        extra.clear();
                    }
                }
            }
            extra.extend(a.extra_requirements.clone().unwrap_or_default());
        }
    }
    let m = merged?;
    let mut requirements = m.requirements.unwrap_or_default();
    requirements.extend(extra);
    Some(ApplicationDef {
        id: id.to_string(),
        title: m.title?,
        applicant: m.applicant.unwrap_or(Applicant::Person),
        citation: m.citation,
        requirements,
    })
}

/// The application types in force for the region, in the national pack's order.
pub fn application_ids(rules: &Rules<'_>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for pack in rules.chain().iter().rev() {
        for id in pack.applications.keys() {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    ids
}

pub use crate::logic::Tri;

/// Evaluates a pack condition on the facts.
pub fn eval(c: &Condition, facts: &Facts, rules: &Rules<'_>, date: NaiveDate) -> Tri {
    if let Some(all) = &c.all {
        let r: Vec<Tri> = all.iter().map(|s| eval(s, facts, rules, date)).collect();
        return Tri::all(r);
    }
    if let Some(any) = &c.any {
        let r: Vec<Tri> = any.iter().map(|s| eval(s, facts, rules, date)).collect();
        return Tri::any(r);
    }
    if let Some(not) = &c.not {
        return eval(not, facts, rules, date).not();
    }
    let Some(fact) = c.fact.as_deref() else {
        return Tri::Unknown;
    };
    let json = facts.as_json();
    let Some(v) = json.get(fact) else {
        return Tri::Unknown;
    };
    let yes = Tri::from;
    if let Some(want) = &c.is {
        return yes(v == want);
    }
    if let Some(item) = &c.includes {
        return match v.as_array() {
            Some(a) => yes(a.iter().any(|x| x.as_str() == Some(item))),
            None => Tri::Unknown,
        };
    }
    if let Some(key) = &c.above_parameter {
        let amount = facts.money(fact);
        let limit = rules
            .decimal(key, date)
            .map(|(d, _)| d)
            .or_else(|_| rules.int(key, date).map(|(n, _)| Decimal::from(n)));
        return match (amount, limit) {
            (Some(a), Ok(l)) => yes(a > l),
            _ => Tri::Unknown,
        };
    }
    Tri::Unknown
}

/// What the applicant brought for one material.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ProvidedItem {
    /// The number on it (checked like `validateId` when the material has an idKind).
    pub number: Option<String>,
    pub holder_name: Option<String>,
    pub holder_id: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// `original`, `copy` or `originalAndCopy`.
    pub form: Option<MaterialForm>,
    pub copies: Option<u32>,
    /// A signed commitment (告知承诺) instead of the document.
    pub commitment: bool,
    /// Will be brought later (容缺受理).
    pub later: bool,
    /// On a contribution receipt: the insurance kinds, months and total paid.
    pub kinds: Option<Vec<String>>,
    pub months: Option<u32>,
    pub amount: Option<Decimal>,
}

/// Overall answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum MaterialsVerdict {
    Complete,
    Incomplete,
    AcceptableWithDeferral,
}

/// An item's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ItemStatus {
    /// Checklist mode: to bring.
    Required,
    Provided,
    Missing,
    Invalid,
    /// Not needed: the data is shared.
    Waived,
    /// Will follow later under 容缺受理.
    Deferred,
    /// Replaced by a signed commitment.
    Commitment,
}

/// A problem with one material.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ItemProblem {
    /// `numberInvalid`, `mismatchId`, `mismatchName`, `expired`, `tooOld`,
    /// `issuedInFuture`, `needsOriginal`, `quantity`, `receiptKinds`,
    /// `receiptMonths`, `receiptAmount`, `commitmentNotAllowed`, `keyCannotDefer`,
    /// `checkValidity`, `checkReceipt`.
    pub code: String,
    pub severity: Severity,
    pub message: String,
}

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    pub material: String,
    pub name: String,
    pub proves: String,
    pub issuer: String,
    pub form: MaterialForm,
    /// "原件及复印件1份" / "original and 1 copy".
    pub how: String,
    pub quantity: u32,
    pub key: bool,
    /// Non-key and deferral allowed here.
    pub deferrable: bool,
    pub commitment_allowed: bool,
    /// When the condition cannot be decided yet: it in plain words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    pub status: ItemStatus,
    pub problems: Vec<ItemProblem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waived_because: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub citation: Citation,
    pub material_status: Status,
}

/// A material id with why it is in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Listed {
    pub material: String,
    pub name: String,
    pub reason: String,
}

/// The answer of [`check_materials`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MaterialsReport {
    pub application_type: String,
    pub title: String,
    pub applicant: Applicant,
    /// `checklist` when nothing was said to be provided, else `check`.
    pub mode: &'static str,
    pub verdict: MaterialsVerdict,
    pub summary: String,
    pub checklist: Vec<ChecklistItem>,
    pub missing: Vec<Listed>,
    pub invalid: Vec<Listed>,
    pub waived: Vec<Listed>,
    /// Missing or invalid non-key materials that may follow by the deadline.
    pub deferrable: Vec<Listed>,
    pub deferred: Vec<Listed>,
    pub commitments: Vec<Listed>,
    /// Provided but not needed for this application.
    pub extra: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deferral_deadline: Option<NaiveDate>,
    /// Questions whose answers would settle conditional materials.
    pub questions: Vec<crate::facts::Question>,
    pub caveats: Vec<String>,
    pub citations: Vec<Citation>,
    pub parameters: Vec<ParamRef>,
    pub as_of: NaiveDate,
    pub region: String,
    pub pack: PackStamp,
    pub lang: Lang,
}

/// Why materials could not be checked.
#[derive(Clone, Debug, PartialEq)]
pub enum MaterialsError {
    UnknownApplication(String, Vec<String>),
    Facts(Vec<FactProblem>),
    /// Problems with `provided`: unknown material ids, bad fields.
    Provided(Vec<FactProblem>),
    Rule(RuleError),
}

impl From<RuleError> for MaterialsError {
    fn from(e: RuleError) -> Self {
        MaterialsError::Rule(e)
    }
}

fn how(form: MaterialForm, quantity: u32, lang: Lang) -> String {
    let t = match form {
        MaterialForm::Original => {
            Text::new("原件（核验后退还）", "original (checked and returned)")
        }
        MaterialForm::Copy => Text::new(
            format!("复印件{quantity}份"),
            format!("{quantity} copy(ies)"),
        ),
        MaterialForm::OriginalAndCopy => Text::new(
            format!("原件及复印件{quantity}份"),
            format!("original and {quantity} copy(ies)"),
        ),
        MaterialForm::Form => Text::new(
            "填写申请表（可在窗口填写）",
            "a form, filled in (can be done at the window)",
        ),
        MaterialForm::Signed => Text::new("本人签字", "signed by the applicant"),
    };
    t.get(lang).to_string()
}

fn same_id(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let c = validate_id(IdKind::ResidentId, s, &IdOptions::default());
        if c.valid {
            c.normalized
        } else {
            fold(s)
        }
    };
    norm(a) == norm(b)
}

fn same_name(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// Checks one provided material; returns its problems (errors and warnings).
/// Problems of one item, in the report's language.
struct Problems {
    items: Vec<ItemProblem>,
    lang: Lang,
}

impl Problems {
    fn err(&mut self, code: &str, t: Text) {
        self.push(code, Severity::Error, t);
    }
    fn warn(&mut self, code: &str, t: Text) {
        self.push(code, Severity::Warning, t);
    }
    fn push(&mut self, code: &str, severity: Severity, t: Text) {
        self.items.push(ItemProblem {
            code: code.into(),
            severity,
            message: t.get(self.lang).to_string(),
        });
    }
}

fn check_item(
    m: &MaterialDef,
    item: &ProvidedItem,
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
    params: &mut Vec<ParamRef>,
) -> Vec<ItemProblem> {
    let mut out = Problems {
        items: Vec::new(),
        lang,
    };
    let name = m.name.get(lang).to_string();
    // The number on it.
    if let (Some(kind), Some(number)) = (m.id_kind, &item.number) {
        let c = validate_id(
            kind,
            number,
            &IdOptions {
                lang,
                today: Some(as_of),
            },
        );
        if !c.valid {
            let msgs: Vec<&str> = c
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .map(|p| p.message.as_str())
                .collect();
            out.err(
                "numberInvalid",
                Text::new(
                    format!("{name}上的号码有误：{}", msgs.join("")),
                    format!("The number on the {name} is wrong: {}", msgs.join(" ")),
                ),
            );
        } else {
            // A disability certificate carries the holder's ID number.
            let embedded = c
                .details
                .resident_id
                .clone()
                .or(if kind == IdKind::ResidentId {
                    Some(c.normalized.clone())
                } else {
                    None
                });
            let expected_id = match m.holder {
                Holder::Applicant => facts.text("residentId"),
                Holder::Spouse => facts.text("spouseId"),
                _ => None,
            };
            if let (Some(e), Some(want)) = (embedded, expected_id) {
                if !same_id(&e, want) {
                    out.err("mismatchId", Text::new(
                        format!("{name}上的身份证号（{e}）与申请表中的（{}）不一致。", fold(want)),
                        format!("The ID number on the {name} ({e}) differs from the one on the form ({}).", fold(want)),
                    ));
                }
            }
            if kind == IdKind::Uscc {
                if let Some(want) = facts.text("uscc") {
                    if fold(want) != c.normalized {
                        out.err("mismatchId", Text::new(
                            format!("{name}上的统一社会信用代码（{}）与申请表中的（{}）不一致。", c.normalized, fold(want)),
                            format!("The credit code on the {name} ({}) differs from the one on the form ({}).", c.normalized, fold(want)),
                        ));
                    }
                }
            }
        }
    }
    // Whose it is.
    let (want_name, want_id) = match m.holder {
        Holder::Applicant => (facts.text("name"), facts.text("residentId")),
        Holder::Spouse => (facts.text("spouseName"), facts.text("spouseId")),
        _ => (None, None),
    };
    if let (Some(got), Some(want)) = (&item.holder_name, want_name) {
        if !same_name(got, want) {
            out.err("mismatchName", Text::new(
                format!("{name}上的姓名「{got}」与申请人「{want}」不一致。"),
                format!("The name on the {name} (\"{got}\") differs from the applicant's (\"{want}\")."),
            ));
        }
    }
    if let (Some(got), Some(want)) = (&item.holder_id, want_id) {
        if !same_id(got, want) {
            out.err(
                "mismatchId",
                Text::new(
                    format!(
                        "{name}上的身份证号（{}）与申请表中的（{}）不一致。",
                        fold(got),
                        fold(want)
                    ),
                    format!(
                        "The ID number on the {name} ({}) differs from the one on the form ({}).",
                        fold(got),
                        fold(want)
                    ),
                ),
            );
        }
    }
    // Dates.
    if let Some(issued) = item.issued_on {
        if issued > as_of {
            out.err(
                "issuedInFuture",
                Text::new(
                    format!("{name}的签发日期 {issued} 晚于申请日 {as_of}。"),
                    format!("The {name} is dated {issued}, after the application date {as_of}."),
                ),
            );
        }
    }
    match m.validity {
        Validity::WithinValidity => match item.valid_until {
            Some(until) if until < as_of => out.err("expired", Text::new(
                format!("{name}已于 {until} 过期（申请日 {as_of}），请换领有效期内的证件。"),
                format!("The {name} expired on {until} (application date {as_of}); bring one that is still valid."),
            )),
            Some(_) => {}
            None => out.warn("checkValidity", Text::new(format!("请核对{name}的有效期：须在申请日 {as_of} 仍有效。"), format!("Check the {name}'s validity: it must still be valid on {as_of}."))),
        },
        Validity::IssuedWithinMonths => {
            let months = m.validity_months.unwrap_or(0);
            match item.issued_on {
                Some(issued) if add_months(issued, months as i32).is_some_and(|d| d < as_of) => out.err("tooOld", Text::new(
                    format!("{name}于 {issued} 开具，已超过{months}个月，请重新开具。"),
                    format!("The {name} was issued on {issued}, more than {months} months ago; get a new one."),
                )),
                Some(_) => {}
                None => out.warn("checkValidity", Text::new(format!("请核对{name}的开具日期：须在{months}个月以内。"), format!("Check when the {name} was issued: within {months} months."))),
            }
        }
        Validity::None => {}
    }
    // Original and copies.
    if matches!(
        m.form,
        MaterialForm::Original | MaterialForm::OriginalAndCopy
    ) && item.form == Some(MaterialForm::Copy)
    {
        out.err(
            "needsOriginal",
            Text::new(
                format!("{name}须出示原件。"),
                format!("The original {name} must be shown."),
            ),
        );
    }
    if matches!(m.form, MaterialForm::Copy | MaterialForm::OriginalAndCopy) {
        if let Some(c) = item.copies {
            if c < m.quantity {
                out.err(
                    "quantity",
                    Text::new(
                        format!("{name}复印件需要{}份，只有{c}份。", m.quantity),
                        format!("{} copies of the {name} are needed; {c} given.", m.quantity),
                    ),
                );
            }
        }
    }
    // Contribution receipts against the subsidy claimed.
    if m.receipt {
        let claimed_kinds = facts.choices("claimKinds");
        let claimed_months = facts.number("claimMonths");
        let claimed_amount = facts.money("claimAmount");
        if item.kinds.is_none() && item.months.is_none() && item.amount.is_none() {
            out.warn(
                "checkReceipt",
                Text::new(
                    "请核对缴费单据上的险种、月数和金额是否与申请一致。",
                    "Check that the kinds, months and amounts on the receipt match the claim.",
                ),
            );
        }
        let kind_name = |k: &str| match k {
            "pension" => Text::new("养老保险", "pension insurance"),
            "medical" => Text::new("医疗保险", "medical insurance"),
            "unemployment" => Text::new("失业保险", "unemployment insurance"),
            other => Text::new(other, other),
        };
        if let (Some(claimed), Some(paid)) = (&claimed_kinds, &item.kinds) {
            let unpaid: Vec<String> = claimed
                .iter()
                .filter(|k| !paid.contains(k))
                .map(|k| kind_name(k).get(lang).to_string())
                .collect();
            if !unpaid.is_empty() {
                let list = unpaid.join(if lang == Lang::ZhCn { "、" } else { ", " });
                out.err("receiptKinds", Text::new(
                    format!("申请补贴的{list}在缴费单据上没有缴费记录。"),
                    format!("The receipt shows no contributions for {list}, which the claim includes."),
                ));
            }
        }
        if let (Some(claimed), Some(paid)) = (claimed_months, item.months) {
            if i64::from(paid) < claimed {
                out.err(
                    "receiptMonths",
                    Text::new(
                        format!("缴费单据只有{paid}个月，少于申请补贴的{claimed}个月。"),
                        format!(
                            "The receipt covers {paid} months, fewer than the {claimed} claimed."
                        ),
                    ),
                );
            }
        }
        if let (Some(claimed), Some(paid)) = (claimed_amount, item.amount) {
            let key = if facts.choice("subsidyGroup") == Some("graduate") {
                "subsidy.graduate.share"
            } else {
                "subsidy.flexible.share"
            };
            if let Ok((share, r)) = rules.ratio(key, as_of) {
                params.push(r.to_ref(lang));
                let most = crate::money::Rounding::Down.to_fen(share.of(paid));
                if claimed > most {
                    out.err("receiptAmount", Text::new(
                        format!("申请补贴{}元，超过实际缴费{}元的{}（最多{}元）。", claimed.normalize(), paid.normalize(), share, most),
                        format!("The claim of {} yuan is more than {} of the {} yuan paid (at most {} yuan).", claimed.normalize(), share, paid.normalize(), most),
                    ));
                }
            }
        }
    }
    out.items
}

/// Checks materials for `application_type`: see the module docs.
pub fn check_materials(
    application_type: &str,
    facts: &serde_json::Value,
    provided: Option<&serde_json::Value>,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<MaterialsReport, MaterialsError> {
    let app = application(rules, application_type).ok_or_else(|| {
        MaterialsError::UnknownApplication(application_type.to_string(), application_ids(rules))
    })?;
    let defs = fact_defs(rules, as_of);
    let facts = Facts::parse(facts, &defs).map_err(MaterialsError::Facts)?;
    let provided = parse_provided(provided, rules)?;
    let mut params: Vec<ParamRef> = Vec::new();
    let (shared, r) = rules
        .list("materials.sharedData", as_of)
        .map(|(l, r)| (l, Some(r)))
        .unwrap_or((Vec::new(), None));
    if let Some(r) = r {
        params.push(r.to_ref(lang));
    }
    let (deferral_allowed, r) = rules.flag("materials.deferralAllowed", as_of)?;
    params.push(r.to_ref(lang));
    let (deferral_days, r) = rules.int("materials.deferralDays", as_of)?;
    params.push(r.to_ref(lang));

    let mut checklist = Vec::new();
    let mut questions: Vec<&'static str> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for req in &app.requirements {
        if seen.contains(&req.material) {
            continue;
        }
        let applies = match &req.when {
            None => Tri::Yes,
            Some(c) => eval(c, &facts, rules, as_of),
        };
        if applies == Tri::No {
            continue;
        }
        if applies == Tri::Unknown {
            if let Some(c) = &req.when {
                collect_facts(c, &facts, &mut questions);
            }
        }
        seen.push(req.material.clone());
        let Some(m) = material(rules, &req.material) else {
            continue;
        };
        let quantity = req.quantity.unwrap_or(m.quantity);
        let m = MaterialDef { quantity, ..m };
        let deferrable = !m.key && deferral_allowed;
        let mut item = ChecklistItem {
            material: m.id.clone(),
            name: m.name.get(lang).to_string(),
            proves: m.proves.get(lang).to_string(),
            issuer: m.issuer.get(lang).to_string(),
            form: m.form,
            how: how(m.form, quantity, lang),
            quantity,
            key: m.key,
            deferrable,
            commitment_allowed: m.commitment_allowed,
            condition: if applies == Tri::Unknown {
                req.if_text.as_ref().map(|t| t.get(lang).to_string())
            } else {
                None
            },
            status: ItemStatus::Required,
            problems: Vec::new(),
            waived_because: None,
            note: req
                .note
                .as_ref()
                .or(m.note.as_ref())
                .map(|t| t.get(lang).to_string()),
            citation: m.citation.clone(),
            material_status: m.status,
        };
        if let Some(src) = m.shared_data.as_ref().filter(|s| shared.contains(s)) {
            item.status = ItemStatus::Waived;
            item.waived_because = Some(
                Text::new(
                    format!("本地已实现{}数据共享，无需提供。", source_name(src).zh),
                    format!(
                        "Not needed: {} data is shared locally.",
                        source_name(src).en
                    ),
                )
                .get(lang)
                .to_string(),
            );
        } else if let Some(p) = &provided {
            item.status = match p.get(&m.id) {
                None => ItemStatus::Missing,
                Some(given) if given.commitment => {
                    if m.commitment_allowed {
                        ItemStatus::Commitment
                    } else {
                        item.problems.push(ItemProblem {
                            code: "commitmentNotAllowed".into(),
                            severity: Severity::Error,
                            message: Text::new(
                                format!("{}不能以承诺代替，须提供。", item.name),
                                format!(
                                    "A commitment cannot replace the {}; it must be provided.",
                                    item.name
                                ),
                            )
                            .get(lang)
                            .to_string(),
                        });
                        ItemStatus::Invalid
                    }
                }
                Some(given) if given.later => {
                    if deferrable {
                        ItemStatus::Deferred
                    } else {
                        item.problems.push(ItemProblem {
                            code: "keyCannotDefer".into(),
                            severity: Severity::Error,
                            message: Text::new(format!("{}是关键材料，不能容缺后补，须在受理时提供。", item.name), format!("The {} is a key material: it cannot follow later and must be provided now.", item.name)).get(lang).to_string(),
                        });
                        ItemStatus::Missing
                    }
                }
                Some(given) => {
                    item.problems = check_item(&m, given, &facts, rules, as_of, lang, &mut params);
                    if item.problems.iter().any(|p| p.severity == Severity::Error) {
                        ItemStatus::Invalid
                    } else {
                        ItemStatus::Provided
                    }
                }
            };
        }
        checklist.push(item);
    }

    let listed = |item: &ChecklistItem, reason: String| Listed {
        material: item.material.clone(),
        name: item.name.clone(),
        reason,
    };
    let problems_text = |item: &ChecklistItem| {
        item.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.message.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let check_mode = provided.is_some();
    let outstanding = |s: ItemStatus| {
        matches!(
            s,
            ItemStatus::Missing | ItemStatus::Invalid | ItemStatus::Required
        )
    };
    let missing: Vec<Listed> = checklist
        .iter()
        .filter(|i| matches!(i.status, ItemStatus::Missing | ItemStatus::Required))
        .map(|i| listed(i, i.proves.clone()))
        .collect();
    let invalid: Vec<Listed> = checklist
        .iter()
        .filter(|i| i.status == ItemStatus::Invalid)
        .map(|i| listed(i, problems_text(i)))
        .collect();
    let waived: Vec<Listed> = checklist
        .iter()
        .filter(|i| i.status == ItemStatus::Waived)
        .map(|i| listed(i, i.waived_because.clone().unwrap_or_default()))
        .collect();
    let deferred: Vec<Listed> = checklist
        .iter()
        .filter(|i| i.status == ItemStatus::Deferred)
        .map(|i| listed(i, i.proves.clone()))
        .collect();
    let commitments: Vec<Listed> = checklist
        .iter()
        .filter(|i| i.status == ItemStatus::Commitment)
        .map(|i| listed(i, i.proves.clone()))
        .collect();
    let deferrable: Vec<Listed> = checklist
        .iter()
        .filter(|i| outstanding(i.status) && i.deferrable)
        .map(|i| listed(i, i.proves.clone()))
        .collect();
    let blocking = checklist
        .iter()
        .any(|i| outstanding(i.status) && !i.deferrable);
    let later = checklist
        .iter()
        .any(|i| (outstanding(i.status) && i.deferrable) || i.status == ItemStatus::Deferred);
    let verdict = if blocking {
        MaterialsVerdict::Incomplete
    } else if later {
        MaterialsVerdict::AcceptableWithDeferral
    } else {
        MaterialsVerdict::Complete
    };
    let deadline = (verdict == MaterialsVerdict::AcceptableWithDeferral).then(|| {
        as_of
            .checked_add_days(chrono::Days::new(deferral_days.max(0) as u64))
            .unwrap_or(NaiveDate::MAX)
    });
    let extra: Vec<String> = provided
        .as_ref()
        .map(|p| {
            p.keys()
                .filter(|k| !checklist.iter().any(|i| &i.material == *k))
                .cloned()
                .collect()
        })
        .unwrap_or_default();

    let title = app.title.get(lang).to_string();
    let summary = match (check_mode, verdict) {
        (false, _) => Text::new(
            format!("办理「{}」需要以下{}项材料{}。", app.title.zh, checklist.iter().filter(|i| i.status != ItemStatus::Waived).count(), if waived.is_empty() { String::new() } else { format!("（另有{}项因数据共享免于提供）", waived.len()) }),
            format!("\"{}\" needs the {} materials below{}.", app.title.en, checklist.iter().filter(|i| i.status != ItemStatus::Waived).count(), if waived.is_empty() { String::new() } else { format!(" ({} more waived: the data is shared)", waived.len()) }),
        ),
        (true, MaterialsVerdict::Complete) => Text::new("材料齐全，可以受理。", "The materials are complete: the application can be accepted."),
        (true, MaterialsVerdict::AcceptableWithDeferral) => Text::new(
            format!("关键材料齐全，可以容缺受理；其余材料须在 {} 前补齐。", deadline.map(|d| d.to_string()).unwrap_or_default()),
            format!("The key materials are complete: the application can be accepted, with the rest to follow by {}.", deadline.map(|d| d.to_string()).unwrap_or_default()),
        ),
        (true, MaterialsVerdict::Incomplete) => Text::new(
            format!("材料不全：缺少或有误的材料共{}项，请一次补齐。", missing.len() + invalid.len()),
            format!("Incomplete: {} material(s) missing or wrong; bring them all at once.", missing.len() + invalid.len()),
        ),
    };
    let mut citations: Vec<Citation> = Vec::new();
    if let Some(c) = &app.citation {
        citations.push(c.clone());
    }
    for i in &checklist {
        if !citations.contains(&i.citation) {
            citations.push(i.citation.clone());
        }
    }
    let mut caveats = Vec::new();
    for i in checklist.iter().filter(|i| {
        i.material_status == Status::Unsure || i.material_status == Status::LocalPractice
    }) {
        caveats.push(
            Text::new(format!("「{}」的要求依据地方做法或尚未核实，以当地经办机构为准。", i.name), format!("The requirement for \"{}\" follows local practice or is unconfirmed; the local office has the final word.", i.name))
                .get(lang)
                .to_string(),
        );
    }
    for p in rules.stamp().packs.iter().filter(|p| p.example) {
        caveats.push(
            Text::new(
                format!("本结果使用了示例规则包 {}，仅供演示。", p.id),
                format!(
                    "This uses the example pack {}: for demonstration only.",
                    p.id
                ),
            )
            .get(lang)
            .to_string(),
        );
    }
    params.dedup_by(|a, b| a.key == b.key && a.effective_from == b.effective_from);
    Ok(MaterialsReport {
        application_type: app.id,
        title,
        applicant: app.applicant,
        mode: if check_mode { "check" } else { "checklist" },
        verdict,
        summary: summary.get(lang).to_string(),
        checklist,
        missing,
        invalid,
        waived,
        deferrable,
        deferred,
        commitments,
        extra,
        deferral_deadline: deadline,
        questions: questions
            .iter()
            .filter_map(|f| defs.iter().find(|d| d.id == *f))
            .map(|d| d.question(lang))
            .collect(),
        caveats,
        citations,
        parameters: params,
        as_of,
        region: rules.region().to_string(),
        pack: rules.stamp(),
        lang,
    })
}

/// The questions whose answers change `app`'s checklist, in catalog order.
pub fn questions_for(
    app: &ApplicationDef,
    defs: &[FactDef],
    lang: Lang,
) -> Vec<crate::facts::Question> {
    let mut ids: Vec<&'static str> = Vec::new();
    for r in &app.requirements {
        if let Some(c) = &r.when {
            collect_facts(c, &Facts::default(), &mut ids);
        }
    }
    defs.iter()
        .filter(|d| ids.contains(&d.id))
        .map(|d| d.question(lang))
        .collect()
}

fn collect_facts(c: &Condition, facts: &Facts, out: &mut Vec<&'static str>) {
    if let Some(f) = &c.fact {
        if !facts.has(f) {
            if let Some(id) = crate::facts::condition_fact_ids().iter().find(|x| *x == f) {
                if !out.contains(id) {
                    out.push(id);
                }
            }
        }
    }
    for sub in c
        .all
        .iter()
        .flatten()
        .chain(c.any.iter().flatten())
        .chain(c.not.as_deref())
    {
        collect_facts(sub, facts, out);
    }
}

/// Names of the shared data sources.
pub fn source_name(id: &str) -> Text {
    let t = |zh: &str, en: &str| Text::new(zh, en);
    match id {
        "identity" => t("公安身份信息", "identity (public security)"),
        "hukou" => t("户籍", "household registration"),
        "employmentRegistry" => t("就业失业登记", "employment and unemployment registration"),
        "socialInsurance" => t("社会保险缴费", "social insurance contributions"),
        "dibao" => t("民政低保", "dibao (civil affairs)"),
        "disability" => t(
            "残联残疾人证",
            "disability certificates (disabled persons' federation)",
        ),
        "businessRegistry" => t("市场主体登记", "business registration"),
        "marriage" => t("婚姻登记", "marriage registration"),
        "povertyRegistry" => t("脱贫人口和监测对象", "poverty-alleviation registry"),
        "unionHardship" => t("工会困难职工档案", "trade-union hardship records"),
        "landRequisition" => t("征地信息", "land requisition records"),
        "education" => t("学历学籍", "education records"),
        "veteran" => t("退役军人信息", "veteran records"),
        "studentLoan" => t("国家助学贷款", "student loan records"),
        other => t(other, other),
    }
}

fn parse_provided(
    v: Option<&serde_json::Value>,
    rules: &Rules<'_>,
) -> Result<Option<BTreeMap<String, ProvidedItem>>, MaterialsError> {
    let Some(v) = v else {
        return Ok(None);
    };
    if v.is_null() {
        return Ok(None);
    }
    let Some(obj) = v.as_object() else {
        return Err(MaterialsError::Provided(vec![FactProblem {
            fact: String::new(),
            code: "notAnObject".into(),
            message: Text::new(
                "provided 应是对象 { 材料编号: true 或 {…} }。",
                "provided must be an object { materialId: true or {…} }.",
            ),
        }]));
    };
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    let mut known: Vec<String> = Vec::new();
    for pack in rules.chain() {
        known.extend(pack.materials.keys().cloned());
    }
    for (id, item) in obj {
        if !known.contains(id) {
            let refs: Vec<&str> = known.iter().map(String::as_str).collect();
            let hint = crate::pack::schema::closest(id, &refs)
                .map(|h| {
                    (
                        format!("是否应为 \"{h}\"？"),
                        format!(" Did you mean \"{h}\"?"),
                    )
                })
                .unwrap_or_default();
            problems.push(FactProblem {
                fact: id.clone(),
                code: "unknownMaterial".into(),
                message: Text::new(
                    format!("没有编号为 \"{id}\" 的材料。{}", hint.0),
                    format!("There is no material \"{id}\".{}", hint.1),
                ),
            });
            continue;
        }
        match item {
            serde_json::Value::Bool(true) => {
                out.insert(id.clone(), ProvidedItem::default());
            }
            serde_json::Value::Bool(false) | serde_json::Value::Null => {}
            other => match serde_json::from_value::<ProvidedItem>(other.clone()) {
                Ok(p) if p.amount.is_some_and(|a| !crate::money::in_range(a)) => {
                    problems.push(FactProblem {
                        fact: id.clone(),
                        code: "outOfRange".into(),
                        message: Text::new(
                            format!("材料 \"{id}\"：金额应在0至一万亿元之间。"),
                            format!("Material \"{id}\": the amount must be between 0 and 1000000000000 yuan."),
                        ),
                    })
                }
                Ok(p) => {
                    out.insert(id.clone(), p);
                }
                Err(e) => problems.push(FactProblem {
                    fact: id.clone(),
                    code: "wrongType".into(),
                    message: Text::new(
                        format!("材料 \"{id}\"：{e}"),
                        format!("Material \"{id}\": {e}"),
                    ),
                }),
            },
        }
    }
    if problems.is_empty() {
        Ok(Some(out))
    } else {
        Err(MaterialsError::Provided(problems))
    }
}
