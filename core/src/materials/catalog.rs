//! The catalog (材料目录): materials and application types as the region's packs
//! define them (national fields, overridden by the province's, then the city's),
//! and the questions their conditions ask, worded with the figures in force.

use crate::facts::{Choice, FactDef, FactKind};
use crate::pack::{
    Applicant, ApplicationFile, Citation, Figure, Holder, MaterialFile, MaterialForm, ParamRef,
    Recorder, RequirementFile, RuleError, Rules, Status, Unit, Validity,
};
use crate::text::{Lang, Text};
use chrono::NaiveDate;

use crate::ids::IdKind;

fn choices(values: &[(&str, Text)]) -> Vec<Choice> {
    values
        .iter()
        .map(|(v, t)| Choice::new(v, t.clone()))
        .collect()
}

/// A number of months as people say it: whole years in years ("2年" / "2 years",
/// "a year"), otherwise the pack's own wording ("18个月").
fn span(months: &Figure<i64>) -> Text {
    let n = months.value;
    if n > 0 && n % 12 == 0 {
        let years = n / 12;
        let en = if years == 1 {
            "a year".to_string()
        } else {
            format!("{years} years")
        };
        Text::new(format!("{years}年"), en)
    } else {
        months.shown.clone()
    }
}

/// The parameter `key` as the national pack declares it, borrowed from the
/// packs (so a reading does not borrow the text that named it).
pub(crate) fn declared<'r>(rec: &Recorder<'r>, key: &str) -> Option<&'r str> {
    let national = rec.rules().chain().last()?;
    national.params.get_key_value(key).map(|(k, _)| k.as_str())
}

/// The figure of `key` in force on `date`, as a sentence states it (months in
/// whole years as years), recorded in `rec`.
fn figure_text(rec: &mut Recorder<'_>, key: &str, date: NaiveDate) -> Result<Text, RuleError> {
    let Some(key) = declared(rec, key) else {
        return Err(RuleError::UnknownParameter(key.to_string()));
    };
    let unit = rec.rules().declaration(key)?.unit;
    Ok(match unit {
        Unit::Months => span(&rec.int(key, date)?),
        Unit::Bp | Unit::Count => rec.int(key, date)?.shown,
        Unit::Ratio => rec.ratio(key, date)?.shown,
        Unit::Yuan | Unit::Percent | Unit::Years => rec.decimal(key, date)?.shown,
        // Dates, switches, choices and lists are not figures a sentence states.
        _ => {
            return Err(RuleError::WrongUnit {
                key: key.to_string(),
            })
        }
    })
}

/// A pack text with its figures filled in: `{key}` naming a declared parameter
/// becomes its value in force on `date` for the region ("合同{loan.enterprise.
/// minContractMonths}以上" → "合同1年以上"), recorded in `rec`; other braces stay as
/// written. A parameter with no value on `date` is the `noValue` error.
pub fn render(text: &Text, rec: &mut Recorder<'_>, date: NaiveDate) -> Result<Text, RuleError> {
    fn fill(
        s: &str,
        lang: Lang,
        rec: &mut Recorder<'_>,
        date: NaiveDate,
    ) -> Result<String, RuleError> {
        let mut out = String::new();
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            let Some(len) = rest[open..].find('}') else {
                break;
            };
            let key = &rest[open + 1..open + len];
            out.push_str(&rest[..open]);
            if declared(rec, key).is_some() {
                out.push_str(figure_text(rec, key, date)?.get(lang));
            } else {
                out.push_str(&rest[open..=open + len]);
            }
            rest = &rest[open + len + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }
    if !text.zh.contains('{') && !text.en.contains('{') {
        return Ok(text.clone());
    }
    Ok(Text::new(
        fill(&text.zh, Lang::ZhCn, rec, date)?,
        fill(&text.en, Lang::En, rec, date)?,
    ))
}

/// The parameters `{key}` placeholders in `text` name (for checks of the packs).
pub fn placeholders(text: &Text) -> Vec<String> {
    let mut keys = Vec::new();
    for s in [&text.zh, &text.en] {
        let mut rest = s.as_str();
        while let Some(open) = rest.find('{') {
            let Some(len) = rest[open..].find('}') else {
                break;
            };
            let key = &rest[open + 1..open + len];
            if !key.is_empty() && key.contains('.') && !keys.iter().any(|k| k == key) {
                keys.push(key.to_string());
            }
            rest = &rest[open + len + 1..];
        }
    }
    keys
}

/// Names of list-parameter choices that state no figure, for questions (national
/// names; a province's own categories are named by its pack's `labels`, else
/// show their id). A choice whose name states a figure (an age, a number of
/// months) is named by [`choices_in_force`] with the value in force; here it
/// gets a name without the figure.
pub fn choice_label(value: &str) -> Text {
    match value {
        "dibao" => t!(
            "享受城乡居民最低生活保障的家庭成员",
            "member of a family receiving dibao (minimum living allowance)"
        ),
        "age4050" => t!(
            "达到规定年龄的大龄人员（女性、男性年龄以当地规定为准）",
            "older person above the set age (for women and for men, as set locally)"
        ),
        "hardshipWorkerFamily" => t!("特困职工家庭成员", "member of a hardship worker's family"),
        "disabled" => t!("残疾人", "person with a disability"),
        "urbanZeroEmploymentFamily" => t!(
            "城镇零就业家庭成员",
            "member of an urban zero-employment family"
        ),
        "longTermUnemployed" => t!(
            "连续失业达到规定期限的人员",
            "unemployed for the set period or more"
        ),
        "landLostFarmer" => t!(
            "城市规划区范围内的被征地农民",
            "farmer whose land was requisitioned"
        ),
        "ruralZeroTransferFamily" => t!(
            "农村零转移就业家庭成员",
            "member of a rural family with no one in off-farm work"
        ),
        "povertyAlleviated" => t!(
            "建档立卡贫困户劳动力",
            "worker of a registered poor household (建档立卡贫困户)"
        ),
        "registeredUnemployed" => t!("城镇登记失业人员", "registered unemployed (urban)"),
        "difficultToEmploy" => t!(
            "就业困难人员（含残疾人）",
            "difficult-to-employ person (incl. disabled)"
        ),
        "veteran" => t!("退役军人", "veteran"),
        "releasedPrisoner" => t!("刑满释放人员", "person released from prison"),
        "graduate" => t!(
            "高校毕业生（含大学生村官和留学回国学生）",
            "college graduate (incl. village officials, returned students)"
        ),
        "overcapacityWorker" => t!(
            "化解过剩产能企业职工和失业人员",
            "worker laid off in overcapacity reduction"
        ),
        "returningMigrantWorker" => t!(
            "返乡创业农民工",
            "migrant worker returning home to start a business"
        ),
        "onlineMerchant" => t!("网络商户", "online merchant"),
        "ruralEntrepreneur" => t!("农村自主创业农民", "rural self-employed farmer"),
        "hkMacaoTaiwanYouth" => t!("港澳台青年", "young person from Hong Kong, Macao or Taiwan"),
        other => t!(other, other),
    }
}

/// The name of a choice that states a figure, with the value in force on `date`
/// (recorded in `rec`); `None` for choices without a figure, or when the packs
/// have no value on `date` (then [`choice_label`] names it without the figure).
fn figured_label(rec: &mut Recorder<'_>, value: &str, date: NaiveDate) -> Option<Text> {
    match value {
        "age4050" => {
            let women = rec.decimal("difficult.womenMinAge", date).ok()?;
            let men = rec.decimal("difficult.menMinAge", date).ok()?;
            Some(t!(
                "女{}周岁以上、男{}周岁以上",
                "woman aged {}+ or man aged {}+";
                women.value.normalize(),
                men.value.normalize()
            ))
        }
        "longTermUnemployed" => {
            let months = rec.int("difficult.longUnemployedMonths", date).ok()?;
            Some(t!("连续失业{}以上", "unemployed for {} or more"; span(&months)))
        }
        _ => None,
    }
}

/// The name of a choice value: the figure in force (for a choice that states
/// one), else the packs' `labels`, else the kit's name.
fn label_in_force(rec: &mut Recorder<'_>, value: &str, date: NaiveDate) -> Text {
    if let Some(l) = figured_label(rec, value, date) {
        return l;
    }
    match rec.rules().label(value) {
        Some(l) => l.clone(),
        None => choice_label(value),
    }
}

fn choices_recorded(rec: &mut Recorder<'_>, key: &'static str, date: NaiveDate) -> Vec<Choice> {
    choices_recorded_but(rec, key, date, &[])
}

/// [`choices_recorded`] without the values in `skip`, named only when kept
/// (naming a choice may read and word a figure).
fn choices_recorded_but(
    rec: &mut Recorder<'_>,
    key: &'static str,
    date: NaiveDate,
    skip: &[&str],
) -> Vec<Choice> {
    let rules = rec.rules();
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
    if let Ok(in_force) = rec.list(key, date) {
        values.retain(|v| in_force.value.contains(v));
    }
    values
        .iter()
        .filter(|v| !skip.contains(&v.as_str()))
        .map(|v| Choice::new(v, label_in_force(rec, v, date)))
        .collect()
}

/// The choices of a list parameter in force for the region on `date` (a
/// province's own included), named by the packs' labels or the kit's names, with
/// the figures in force where a name states one.
pub fn choices_in_force(rules: &Rules<'_>, key: &'static str, date: NaiveDate) -> Vec<Choice> {
    choices_recorded(&mut Recorder::new(rules, Lang::ZhCn), key, date)
}

/// [`choices_in_force`] without the values in `skip` (a province's own
/// choices beyond a national list), the others never named.
pub fn choices_in_force_but(
    rules: &Rules<'_>,
    key: &'static str,
    date: NaiveDate,
    skip: &[&str],
) -> Vec<Choice> {
    // Nothing left to name (the usual case: a national list only) needs no
    // recorder; the recorder here is dropped anyway.
    let left = |values: &[String]| values.iter().any(|v| !skip.contains(&v.as_str()));
    let declared = rules
        .declaration(key)
        .map(|p| &p.choices[..])
        .unwrap_or(&[]);
    let own = rules
        .chain()
        .iter()
        .filter_map(|pack| pack.params.get(key))
        .any(|p| left(&p.choices));
    if !own && !left(declared) {
        return Vec::new();
    }
    choices_recorded_but(&mut Recorder::new(rules, Lang::ZhCn), key, date, skip)
}

/// A question of the vocabulary with the parameters its wording states.
pub(crate) struct Worded {
    pub def: FactDef,
    pub figures: Vec<ParamRef>,
}

/// Words a question through its own recorder, so the figures it states are known.
fn worded(
    rules: &Rules<'_>,
    lang: Lang,
    build: impl FnOnce(&mut Recorder<'_>) -> FactDef,
) -> Worded {
    let mut rec = Recorder::new(rules, lang);
    let def = build(&mut rec);
    Worded {
        def,
        figures: rec.parameters().to_vec(),
    }
}

/// The questions materials conditions may ask, each with the parameters its
/// wording states (as cited in `lang`). The vocabulary serves every application
/// at once, so a figure with no value on `date` gives its question a wording
/// without the figure rather than failing applications that never ask it.
pub(crate) fn vocabulary(rules: &Rules<'_>, date: NaiveDate, lang: Lang) -> Vec<Worded> {
    let plain = |def: FactDef| Worded {
        def,
        figures: Vec::new(),
    };
    vec![
        plain(FactDef::new(
            "name",
            FactKind::Text,
            t!("申请人姓名", "Applicant's name"),
        )),
        plain(FactDef::new(
            "residentId",
            FactKind::Text,
            t!("申请人身份证号码", "Applicant's ID number"),
        )),
        plain(FactDef::new(
            "spouseName",
            FactKind::Text,
            t!("配偶姓名", "Spouse's name"),
        )),
        plain(FactDef::new(
            "spouseId",
            FactKind::Text,
            t!("配偶身份证号码", "Spouse's ID number"),
        )),
        plain(FactDef::new(
            "uscc",
            FactKind::Text,
            t!(
                "营业执照上的统一社会信用代码",
                "Unified social credit code on the business licence"
            ),
        )),
        worded(rules, lang, |rec| {
            FactDef::new(
                "categories",
                FactKind::MultiChoice {
                    options: choices_recorded(rec, "difficult.categories", date),
                },
                t!(
                    "您属于下列哪些情形？（可多选）",
                    "Which of these apply to you? (select all that apply)"
                ),
            )
        }),
        worded(rules, lang, |rec| {
            let graduate = match rec.int("subsidy.graduate.monthsSinceLeaving", date) {
                Ok(months) => t!(
                    "离校{}内未就业的高校毕业生",
                    "a graduate within {} of leaving school, not employed";
                    span(&months)
                ),
                Err(_) => t!(
                    "离校未满规定期限、未就业的高校毕业生",
                    "a graduate within the set period after leaving school, not employed"
                ),
            };
            FactDef::new(
                "subsidyGroup",
                FactKind::Choice {
                    options: choices(&[
                        (
                            "difficultPerson",
                            t!(
                                "已认定的就业困难人员",
                                "a recognised difficult-to-employ person"
                            ),
                        ),
                        ("graduate", graduate),
                    ]),
                },
                t!("您以哪种身份申请？", "On what basis are you applying?"),
            )
        }),
        plain(FactDef::new(
            "employmentForm",
            FactKind::Choice {
                options: choices(&[
                    (
                        "flexible",
                        t!(
                            "灵活就业（无固定单位）",
                            "flexible employment (no fixed employer)"
                        ),
                    ),
                    (
                        "individualBusiness",
                        t!(
                            "领取营业执照从事个体经营",
                            "self-employed with a business licence"
                        ),
                    ),
                ]),
            },
            t!("您现在怎样就业？", "How are you working now?"),
        )),
        plain(FactDef::new(
            "married",
            FactKind::YesNo,
            t!("您是否已婚？", "Are you married?"),
        )),
        worded(rules, lang, |rec| {
            FactDef::new(
                "loanGroup",
                FactKind::Choice {
                    options: choices_recorded(rec, "loan.eligibleGroups", date),
                },
                t!(
                    "您属于哪一类创业人员？",
                    "Which group of entrepreneurs are you in?"
                ),
            )
        }),
        plain(FactDef::new(
            "loanAmount",
            FactKind::Money,
            t!(
                "您想申请多少贷款（元）？",
                "How much do you want to borrow (yuan)?"
            ),
        )),
        plain(FactDef::new(
            "partners",
            FactKind::Number,
            t!(
                "合伙人有几位（含您本人）？",
                "How many partners, including you?"
            ),
        )),
        plain(FactDef::new(
            "jobSeekingCategories",
            FactKind::MultiChoice {
                options: choices(&[
                    ("dibao", t!("低保家庭", "a family receiving dibao")),
                    (
                        "zeroEmploymentFamily",
                        t!("零就业家庭", "a zero-employment family"),
                    ),
                    (
                        "povertyMonitoring",
                        t!(
                            "防止返贫监测对象家庭",
                            "a household monitored against falling back into poverty"
                        ),
                    ),
                    (
                        "extremePoverty",
                        t!("特困人员", "a person in extreme poverty (特困人员)"),
                    ),
                    ("disabled", t!("残疾", "disabled")),
                    (
                        "studentLoan",
                        t!("获得国家助学贷款", "holding a national student loan"),
                    ),
                ]),
            },
            t!(
                "您属于下列哪些情形？（可多选）",
                "Which of these apply to you? (select all that apply)"
            ),
        )),
        plain(FactDef::new(
            "traineeGroup",
            FactKind::Choice {
                options: crate::facts::trainee_groups(),
            },
            t!("您属于哪一类人员？", "Which group are you in?"),
        )),
        plain(FactDef::new(
            "claimKinds",
            FactKind::MultiChoice {
                options: choices(&[
                    ("pension", t!("基本养老保险", "basic pension insurance")),
                    ("medical", t!("基本医疗保险", "basic medical insurance")),
                    ("unemployment", t!("失业保险", "unemployment insurance")),
                ]),
            },
            t!(
                "申请补贴的险种",
                "Insurance kinds the subsidy is claimed for"
            ),
        )),
        plain(FactDef::new(
            "claimMonths",
            FactKind::Number,
            t!("申请补贴的月数", "Months the subsidy is claimed for"),
        )),
        plain(FactDef::new(
            "claimAmount",
            FactKind::Money,
            t!("申请补贴金额（元）", "Subsidy amount claimed (yuan)"),
        )),
        worded(rules, lang, |rec| {
            let question = match rec.int("startup.oneTimeSubsidy.graduateMonthsSinceLeaving", date)
            {
                Ok(months) => t!(
                    "您是否为毕业年度或离校{}内的高校毕业生？",
                    "Are you a college graduate in your graduation year or within {} of leaving?";
                    span(&months)
                ),
                Err(_) => t!(
                    "您是否为毕业年度或离校未满规定期限的高校毕业生？",
                    "Are you a college graduate in your graduation year or within the set period after leaving?"
                ),
            };
            FactDef::new("graduate", FactKind::YesNo, question)
        }),
    ]
}

/// The questions materials conditions may ask, with the options in force for the
/// region on `date` (a province's own categories included) and the figures in
/// force where a question states one.
pub fn fact_defs(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    vocabulary(rules, date, Lang::ZhCn)
        .into_iter()
        .map(|w| w.def)
        .collect()
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

/// How many of a material to bring when its pack does not say: the pack format's
/// default, one (see `core/packs/README.md`), not a policy figure.
const ONE_OF_EACH: u32 = 1;

/// The material `id` as the region's packs define it (national fields, overridden
/// by the province's, then the city's, then the county's). Fields a pack leaves
/// out take the pack format's defaults (see `core/packs/README.md`): one copy,
/// no validity check, key, no commitment, not a receipt, the applicant's,
/// status `secondary`.
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
        quantity: m.quantity.unwrap_or(ONE_OF_EACH),
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

/// Names of the shared data sources.
pub fn source_name(id: &str) -> Text {
    match id {
        "identity" => t!("公安身份信息", "identity (public security)"),
        "hukou" => t!("户籍", "household registration"),
        "employmentRegistry" => t!("就业失业登记", "employment and unemployment registration"),
        "socialInsurance" => t!("社会保险缴费", "social insurance contributions"),
        "dibao" => t!("民政低保", "dibao (civil affairs)"),
        "disability" => t!(
            "残联残疾人证",
            "disability certificates (disabled persons' federation)"
        ),
        "businessRegistry" => t!("市场主体登记", "business registration"),
        "marriage" => t!("婚姻登记", "marriage registration"),
        "povertyRegistry" => t!("脱贫人口和监测对象", "poverty-alleviation registry"),
        "unionHardship" => t!("工会困难职工档案", "trade-union hardship records"),
        "landRequisition" => t!("征地信息", "land requisition records"),
        "education" => t!("学历学籍", "education records"),
        "veteran" => t!("退役军人信息", "veteran records"),
        "studentLoan" => t!("国家助学贷款", "student loan records"),
        other => t!(other, other),
    }
}
