//! 就业困难人员认定 (`difficultPerson`): the base conditions (working age, able
//! and willing to work, registered unemployed, local household registration
//! where the province requires it) and any one category in force for the region
//! (就业促进法 art. 52 leaves the list to each province; the national pack has
//! the guide's typical list, a province's pack adds its own).

use super::common::*;
use crate::facts::{Choice, FactDef, FactKind, Facts, Member};
use crate::materials::choices_in_force_but;
use crate::pack::{RuleError, Rules};
use crate::text::{Lang, Text};
use crate::verdict::{Check, Determination, Outcome, Verdict};
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub const ID: &str = "difficultPerson";

/// The base conditions, all required.
const BASE: &[Row] = &[
    Row::WorkingAge,
    Row::Yes(YesNo {
        id: "ableToWork",
        fact: "ableToWork",
        want: true,
        label: ("有劳动能力", "Able to work"),
        met: ("有劳动能力。", "Able to work."),
        not_met: (
            "没有劳动能力的不能认定为就业困难人员。",
            "Only people able to work can be recognised.",
        ),
        clause: "guide.assistance.difficult.base",
    }),
    Row::Yes(YesNo {
        id: "willingToWork",
        fact: "willingToWork",
        want: true,
        label: ("有就业愿望", "Wants to work"),
        met: ("有就业愿望。", "Wants to work."),
        not_met: (
            "没有就业愿望的不能认定。",
            "Only people who want to work can be recognised.",
        ),
        clause: "guide.assistance.difficult.base",
    }),
    Row::Yes(YesNo {
        id: "registeredUnemployed",
        fact: "registeredUnemployed",
        want: true,
        label: ("已办理失业登记", "Registered as unemployed"),
        met: ("已办理失业登记。", "Registered as unemployed."),
        not_met: (
            "须先到公共就业服务机构办理失业登记。",
            "Register as unemployed with the public employment service first.",
        ),
        clause: "guide.assistance.difficult.base",
    }),
    Row::Own(local_hukou),
];

/// A category answered by one yes/no fact.
struct Answered {
    /// The fact asked.
    fact: &'static str,
    label: Words,
    clause: &'static str,
}

/// How a category of the national list is judged.
enum Judged {
    Answered(Answered),
    /// 女…周岁以上、男…周岁以上 (from the packs).
    Age,
    /// 城镇零就业家庭 (from the household).
    ZeroEmployment,
    /// 连续失业…以上 (from the registration date).
    LongUnemployed,
}

/// The national categories (choices of `difficult.categories`), in the
/// guide's order: the one list of them.
const CATEGORIES: &[(&str, Judged)] = &[
    (
        "dibao",
        Judged::Answered(Answered {
            fact: "dibao",
            label: (
                "享受城乡居民最低生活保障的家庭成员",
                "Member of a family receiving dibao",
            ),
            clause: "guide.assistance.difficult.dibao",
        }),
    ),
    ("age4050", Judged::Age),
    (
        "hardshipWorkerFamily",
        Judged::Answered(Answered {
            fact: "hardshipWorkerFamily",
            label: ("特困职工家庭成员", "Member of a hardship worker's family"),
            clause: "guide.assistance.difficult.hardshipWorkerFamily",
        }),
    ),
    (
        "disabled",
        Judged::Answered(Answered {
            fact: "disabled",
            label: ("残疾人", "Person with a disability"),
            clause: "guide.assistance.difficult.disabled",
        }),
    ),
    ("urbanZeroEmploymentFamily", Judged::ZeroEmployment),
    ("longTermUnemployed", Judged::LongUnemployed),
    (
        "landLostFarmer",
        Judged::Answered(Answered {
            fact: "landLost",
            label: (
                "城市规划区范围内的被征地农民",
                "Farmer whose land was requisitioned",
            ),
            clause: "guide.assistance.difficult.landLostFarmer",
        }),
    ),
    (
        "ruralZeroTransferFamily",
        Judged::Answered(Answered {
            fact: "ruralZeroTransfer",
            label: (
                "农村零转移就业家庭成员",
                "Member of a rural zero-transfer family",
            ),
            clause: "guide.assistance.difficult.ruralZeroTransferFamily",
        }),
    ),
    (
        "povertyAlleviated",
        Judged::Answered(Answered {
            fact: "povertyAlleviated",
            label: (
                "建档立卡贫困户劳动力",
                "Worker of a registered poor household",
            ),
            clause: "guide.assistance.difficult.povertyAlleviated",
        }),
    ),
];

/// Household member statuses that do not count for a zero-employment family
/// (of [`crate::facts::MEMBER_STATUSES`]).
const NOT_COUNTED: [&str; 3] = ["student", "soldier", "retired"];

/// The province's own categories in force (choices beyond the national list).
fn local_categories(rules: &Rules<'_>, date: NaiveDate) -> Vec<Choice> {
    let national: Vec<&str> = CATEGORIES.iter().map(|(id, _)| *id).collect();
    choices_in_force_but(rules, "difficult.categories", date, &national)
}

pub fn facts(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    let mut defs = vec![
        birth_date(),
        sex(),
        woman_track(rules, date),
        yes_no("ableToWork", "您是否有劳动能力？", "Are you able to work?"),
        yes_no("willingToWork", "您是否希望就业？", "Do you want to work?"),
        yes_no("registeredUnemployed", "您是否已在公共就业服务机构办理失业登记？", "Are you registered as unemployed with the public employment service?"),
        yes_no("localHukou", "您的户口是否在本地？", "Is your household registration (户口) here?"),
        yes_no("dibao", "您家是否享受城乡居民最低生活保障（低保）？", "Does your family receive dibao (the minimum living allowance)?"),
        yes_no("hardshipWorkerFamily", "您是否为特困职工家庭成员（持总工会《特困职工证》）？", "Are you in a hardship worker's family (with a trade-union hardship card)?"),
        yes_no("disabled", "您是否持有《残疾人证》？", "Do you hold a disability certificate?"),
        FactDef::new(
            "unemployedSince",
            FactKind::Date,
            t!("您是哪一天办理失业登记的？", "On what date did you register as unemployed?"),
        )
        .hint(t!("见《就业创业证》。例如 2025-06-01", "Shown in your employment certificate. For example, 2025-06-01"))
        .label(t!("失业登记日期", "date of unemployment registration")),
        FactDef::new(
            "householdType",
            FactKind::Choice {
                options: vec![Choice::new("urban", t!("城镇", "urban")), Choice::new("rural", t!("农村", "rural"))],
            },
            t!("您家的户籍是城镇还是农村？", "Is your household registered as urban or rural?"),
        ),
        FactDef::new(
            "household",
            FactKind::Household,
            t!("请列出与您同住的家庭成员（不含您本人）及其就业状况", "List the family members you live with (not yourself) and what they do"),
        )
        .hint(t!(
            "在校学生、服兵役、已退休的成员不计入。没有其他成员就留空后继续。",
            "Students, people in military service and retirees do not count. Leave it empty if there is no one else.",
        )),
        yes_no("landLost", "您是否为城市规划区范围内的被征地农民？", "Are you a farmer whose land in the urban planning area was requisitioned?"),
        yes_no("ruralZeroTransfer", "您家是否为农村零转移就业家庭（无人从事二、三产业或高效农业）？", "Is yours a rural family with no one in off-farm work or high-value farming?"),
        yes_no("povertyAlleviated", "您是否为建档立卡贫困户劳动力（现称脱贫人口）？", "Are you a worker of a registered poor household (建档立卡贫困户, now called people lifted out of poverty)?"),
    ];
    let local = local_categories(rules, date);
    if !local.is_empty() {
        defs.push(FactDef::new(
            "localCategories",
            FactKind::MultiChoice { options: local },
            t!(
                "您是否属于本省规定的以下情形？（可多选，都不是就不选）",
                "Do any of this province's own categories apply? (select all that apply, or none)",
            ),
        ));
    }
    defs
}

fn summary_of(o: Outcome) -> Text {
    summary(
        o,
        (
            "您符合就业困难人员认定条件，可持材料到户籍所在地基层平台申请认定。",
            "You meet the conditions: apply for recognition at the service point where your household is registered.",
        ),
        (
            "您目前不符合就业困难人员认定条件，原因见下。",
            "You do not meet the conditions at present; see why below.",
        ),
    )
}

/// 本地户籍, where the province requires it (`difficult.requiresLocalHukou`).
fn local_hukou(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let required = v.flag("difficult.requiresLocalHukou")?;
    if !required.value {
        return Ok(());
    }
    let check =
        Check::new("localHukou", t!("本地户籍", "Local household registration")).figure(&required);
    v.add(match facts.yes_no("localHukou") {
        Some(answer) => check.decide(
            answer,
            t!("户籍在本地。", "Registered here."),
            t!(
                "本地规定须为本地户籍。",
                "Local rules require local household registration.",
            ),
        ),
        None => check.unknown(not_answered(), &["localHukou"]),
    });
    Ok(())
}

pub fn evaluate(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new(ID, rules, as_of, lang);
    let defs = self::facts(rules, as_of);
    v.clause("law.employmentPromotion.difficultCategories")?;
    v.note(t!(
        "就业困难人员的具体范围由省级人民政府规定（就业促进法第五十二条），以当地经办机构为准。",
        "Each province sets the categories (Employment Promotion Law art. 52); the local office has the final word.",
    ));
    run(&mut v, facts, BASE)?;
    if v.outcome() == Outcome::Ineligible {
        return Ok(v.finish(facts, &defs, summary_of));
    }

    // Any one category in force here.
    let in_force = v.list("difficult.categories")?;
    for (id, judged) in CATEGORIES {
        if !in_force.value.iter().any(|c| c == id) {
            continue;
        }
        let check = match judged {
            Judged::Answered(a) => answered(&mut v, facts, id, a)?,
            Judged::Age => age(&mut v, facts)?,
            Judged::ZeroEmployment => zero_employment(&mut v, facts)?,
            Judged::LongUnemployed => long_unemployed(&mut v, facts)?,
        };
        v.add(check.group(GROUP).figure(&in_force));
    }
    for c in local_categories(rules, as_of) {
        let check = Check::new(&format!("local:{}", c.value), c.text.clone())
            .group(GROUP)
            .figure(&in_force);
        let name = &c.text;
        v.add(match facts.choices("localCategories") {
            Some(list) if list.contains(&c.value) => check.met(t!(
                "属于本省规定的：{}。",
                "Applies (provincial category): {}.";
                name
            )),
            Some(_) => check.not_met(t!("不属于：{}。", "Does not apply: {}."; name)),
            None => check.unknown(not_answered(), &["localCategories"]),
        });
    }
    Ok(v.finish(facts, &defs, summary_of))
}

/// The group of the categories: any one of them.
const GROUP: &str = "category";

fn answered(
    v: &mut Verdict<'_>,
    facts: &Facts,
    id: &str,
    a: &Answered,
) -> Result<Check, RuleError> {
    let label = words(a.label);
    let check = Check::new(id, label.clone()).cite(v.clause(a.clause)?);
    Ok(match facts.yes_no(a.fact) {
        Some(true) => check.met(t!("属于：{}。", "Applies: {}."; label)),
        Some(false) => check.not_met(t!("不属于：{}。", "Does not apply: {}."; label)),
        None => check.unknown(not_answered(), &[a.fact]),
    })
}

/// 女…周岁以上、男…周岁以上, the ages from the packs.
fn age(v: &mut Verdict<'_>, facts: &Facts) -> Result<Check, RuleError> {
    let women = v.decimal("difficult.womenMinAge")?;
    let men = v.decimal("difficult.menMinAge")?;
    let (w, m) = (years_of(women.value), years_of(men.value));
    let check = Check::new(
        "age4050",
        t!(
            "女{}周岁以上、男{}周岁以上",
            "Woman aged {}+ or man aged {}+";
            w, m
        ),
    )
    .cite(v.clause("guide.assistance.difficult.age4050")?)
    .figure(&women)
    .figure(&men);
    let as_of = v.as_of();
    Ok(match (facts.date("birthDate"), facts.choice("sex")) {
        (Some(b), Some(s)) => {
            let age = age_on(b, as_of).years;
            let (need, who) = if s == "female" {
                (w, t!("女性", "women"))
            } else {
                (m, t!("男性", "men"))
            };
            check
                .compared(
                    t!("{}周岁", "{}"; age),
                    t!("{} ≥ {}周岁", "{} ≥ {}"; who, need),
                )
                .decide(
                    Decimal::from(age) >= need,
                    t!(
                        "{} 时{}周岁，{}满{}周岁即属此类。",
                        "On {}, aged {}: {} qualify from {}.";
                        as_of, age, who, need
                    ),
                    t!(
                        "{} 时{}周岁，{}须满{}周岁。",
                        "On {}, aged {}: {} qualify from {}.";
                        as_of, age, who, need
                    ),
                )
        }
        _ => check.unknown(
            t!("需要出生日期和性别。", "Needs the date of birth and sex."),
            &["birthDate", "sex"],
        ),
    })
}

/// 连续失业…以上: registered unemployed for at least the packs' months.
fn long_unemployed(v: &mut Verdict<'_>, facts: &Facts) -> Result<Check, RuleError> {
    let need = v.int("difficult.longUnemployedMonths")?;
    let months = need.value;
    let as_of = v.as_of();
    let check = Check::new(
        "longTermUnemployed",
        t!("连续失业{}以上", "Unemployed for {} or more"; span(months)),
    )
    .cite(v.clause("guide.assistance.difficult.longTermUnemployed")?)
    .figure(&need);
    Ok(match facts.date("unemployedSince") {
        Some(since) => {
            let (m, ok) = within_months(since, as_of, months);
            let reached = !ok || m >= months;
            check
                .compared(t!("{}个月", "{} months"; m), t!("≥ {}", "≥ {}"; need.shown))
                .decide(
                    reached,
                    t!(
                        "自 {} 登记失业，到 {} 已满{}个月。",
                        "Registered unemployed since {}: by {}, {} months.";
                        since, as_of, m
                    ),
                    t!(
                        "自 {} 登记失业，到 {} 只有{}个月，须满{}。",
                        "Registered unemployed since {}: by {}, only {} months; {} are needed.";
                        since, as_of, m, need.shown
                    ),
                )
        }
        None => check.unknown(
            t!(
                "需要失业登记日期。",
                "Needs the date of unemployment registration.",
            ),
            &["unemployedSince"],
        ),
    })
}

/// The members of working age who count for a zero-employment family.
fn counted(members: &[Member]) -> Vec<&Member> {
    members
        .iter()
        .filter(|m| {
            m.working_age == Some(true)
                && !m
                    .status
                    .as_deref()
                    .is_some_and(|s| NOT_COUNTED.contains(&s))
        })
        .collect()
}

/// Every member who counts is unemployed (the household part of 城镇零就业家庭).
pub(super) fn zero_employment_household(members: &[Member]) -> bool {
    counted(members)
        .iter()
        .all(|m| m.status.as_deref() == Some("unemployed"))
}

/// 城镇零就业家庭: an urban household whose members of working age (students,
/// soldiers and retirees aside) are all unemployed (就业促进法 art. 56).
fn zero_employment(v: &mut Verdict<'_>, facts: &Facts) -> Result<Check, RuleError> {
    let check = Check::new(
        "urbanZeroEmploymentFamily",
        t!(
            "城镇零就业家庭成员",
            "Member of an urban zero-employment family",
        ),
    )
    .cite(v.clause("law.employmentPromotion.zeroEmploymentFamily")?);
    match facts.choice("householdType") {
        Some("rural") => {
            return Ok(check.not_met(t!(
            "零就业家庭指城镇家庭；农村家庭请看“农村零转移就业家庭”。",
            "This category is for urban households; rural ones have the zero-transfer category.",
        )))
        }
        Some(_) => {}
        None => {
            return Ok(check.unknown(
                t!(
                    "需要户籍类别（城镇或农村）。",
                    "Needs the household type (urban or rural).",
                ),
                &["householdType", "household"],
            ))
        }
    }
    let Some(members) = facts.household("household") else {
        return Ok(check.unknown(
            t!(
                "需要家庭成员的就业状况。",
                "Needs what the family members do.",
            ),
            &["household"],
        ));
    };
    let counted = counted(&members);
    let working: Vec<String> = counted
        .iter()
        .filter(|m| m.status.as_deref() != Some("unemployed"))
        .map(|m| {
            if m.relation.is_empty() {
                "?".to_string()
            } else {
                m.relation.clone()
            }
        })
        .collect();
    let n = counted.len();
    let all_unemployed = t!("全部失业", "all unemployed");
    Ok(if working.is_empty() {
        check
            .compared(
                t!(
                    "劳动年龄内成员{}人均失业",
                    "all {} working-age members unemployed";
                    n
                ),
                all_unemployed,
            )
            .met(t!(
                "您及家中{}名劳动年龄内的成员都处于失业状态。",
                "You and the {} are all unemployed.";
                crate::text::counted(n as i64, "other working-age member", "other working-age members")
            ))
    } else {
        let who = t!(working.join("、"), working.join(", "));
        check
            .compared(
                t!("有{}人就业", "{} in work"; working.len()),
                all_unemployed,
            )
            .not_met(t!(
                "家中有成员在就业（{}），不属于零就业家庭。",
                "Someone in the family works ({}): not a zero-employment family.";
                who
            ))
    })
}
