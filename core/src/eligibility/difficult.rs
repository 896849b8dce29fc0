//! 就业困难人员认定: the base conditions (working age, able and willing to work,
//! registered unemployed, local household registration where the province
//! requires it) and any one category in force for the region (就业促进法 art. 52
//! leaves the list to each province; the national pack has the guide's typical
//! list, a province's pack adds its own).

use super::common::*;
use crate::facts::{Choice, FactDef, FactKind, Facts};
use crate::materials::choices_in_force;
use crate::pack::{RuleError, Rules};
use crate::text::{Lang, Text};
use crate::verdict::{Check, Determination, Outcome, Verdict};
use chrono::NaiveDate;

const NATIONAL: [&str; 9] = [
    "dibao",
    "age4050",
    "hardshipWorkerFamily",
    "disabled",
    "urbanZeroEmploymentFamily",
    "longTermUnemployed",
    "landLostFarmer",
    "ruralZeroTransferFamily",
    "povertyAlleviated",
];

/// The province's own categories in force (choices beyond the national list).
fn local_categories(rules: &Rules<'_>, date: NaiveDate) -> Vec<Choice> {
    choices_in_force(rules, "difficult.categories", date)
        .into_iter()
        .filter(|c| !NATIONAL.contains(&c.value.as_str()))
        .collect()
}

pub fn facts(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    let mut defs = vec![
        birth_date(),
        sex(),
        woman_track(),
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
            t("您是哪一天办理失业登记的？", "On what date did you register as unemployed?"),
        )
        .hint(t("见《就业创业证》。例如 2025-06-01", "Shown in your employment certificate. For example, 2025-06-01"))
        .label(t("失业登记日期", "date of unemployment registration")),
        FactDef::new(
            "householdType",
            FactKind::Choice {
                options: vec![Choice::new("urban", t("城镇", "urban")), Choice::new("rural", t("农村", "rural"))],
            },
            t("您家的户籍是城镇还是农村？", "Is your household registered as urban or rural?"),
        ),
        FactDef::new(
            "household",
            FactKind::Household,
            t("请列出与您同住的家庭成员（不含您本人）及其就业状况", "List the family members you live with (not yourself) and what they do"),
        )
        .hint(t(
            "在校学生、服兵役、已退休的成员不计入。没有其他成员就留空后继续。",
            "Students, people in military service and retirees do not count. Leave it empty if there is no one else.",
        )),
        yes_no("landLost", "您是否为城市规划区范围内的被征地农民？", "Are you a farmer whose land in the urban planning area was requisitioned?"),
        yes_no("ruralZeroTransfer", "您家是否为农村零转移就业家庭（无人从事二、三产业或高效农业）？", "Is yours a rural family with no one in off-farm work or high-value farming?"),
        yes_no("povertyAlleviated", "您是否为脱贫人口或防止返贫监测对象？", "Were you lifted out of poverty, or is your household monitored against falling back?"),
    ];
    let local = local_categories(rules, date);
    if !local.is_empty() {
        defs.push(FactDef::new(
            "localCategories",
            FactKind::MultiChoice { options: local },
            t(
                "您是否属于本省规定的以下情形？（可多选，都不是就不选）",
                "Do any of this province's own categories apply? (select all that apply, or none)",
            ),
        ));
    }
    defs
}

fn summary(o: Outcome) -> Text {
    match o {
        Outcome::Eligible => t("您符合就业困难人员认定条件，可持材料到户籍所在地基层平台申请认定。", "You meet the conditions: apply for recognition at the service point where your household is registered."),
        Outcome::Ineligible => t("您目前不符合就业困难人员认定条件，原因见下。", "You do not meet the conditions at present; see why below."),
        Outcome::Undetermined => t("还需要回答几个问题。", "A few more answers are needed."),
    }
}

pub fn evaluate(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new("difficultPerson", rules, as_of, lang);
    let defs = self::facts(rules, as_of);
    let c_base = guide("第二节 一、1");
    v.note(t(
        "就业困难人员的具体范围由省级人民政府规定（就业促进法第五十二条），以当地经办机构为准。",
        "Each province sets the categories (Employment Promotion Law art. 52); the local office has the final word.",
    ));

    // Base conditions (all required).
    working_age(&mut v, facts, rules, as_of, lang)?;
    v.add(flag(
        facts,
        "ableToWork",
        true,
        "ableToWork",
        t("有劳动能力", "Able to work"),
        t("有劳动能力。", "Able to work."),
        t(
            "没有劳动能力的不能认定为就业困难人员。",
            "Only people able to work can be recognised.",
        ),
        c_base.clone(),
    ));
    v.add(flag(
        facts,
        "willingToWork",
        true,
        "willingToWork",
        t("有就业愿望", "Wants to work"),
        t("有就业愿望。", "Wants to work."),
        t(
            "没有就业愿望的不能认定。",
            "Only people who want to work can be recognised.",
        ),
        c_base.clone(),
    ));
    v.add(flag(
        facts,
        "registeredUnemployed",
        true,
        "registeredUnemployed",
        t("已办理失业登记", "Registered as unemployed"),
        t("已办理失业登记。", "Registered as unemployed."),
        t(
            "须先到公共就业服务机构办理失业登记。",
            "Register as unemployed with the public employment service first.",
        ),
        c_base.clone(),
    ));
    let (local_required, r_local) = rules.flag("difficult.requiresLocalHukou", as_of)?;
    if local_required {
        v.add(
            flag(
                facts,
                "localHukou",
                true,
                "localHukou",
                t("本地户籍", "Local household registration"),
                t("户籍在本地。", "Registered here."),
                t(
                    "本地规定须为本地户籍。",
                    "Local rules require local household registration.",
                ),
                r_local.entry.citation.clone(),
            )
            .param(&r_local, lang),
        );
    }
    if v.outcome() == Outcome::Ineligible {
        return Ok(v.finish(facts, &defs, summary));
    }

    // Any one category in force here.
    let (in_force, r_cats) = rules.list("difficult.categories", as_of)?;
    let on = |c: &str| in_force.iter().any(|x| x == c);
    let g = "category";
    let yes = |fact: &'static str, id: &str, label: Text, cite: &str| -> Check {
        let check = Check::new(id, label.clone())
            .group(g)
            .cite(guide(cite))
            .param(&r_cats, lang);
        match facts.yes_no(fact) {
            Some(true) => check.met(Text::new(
                format!("属于：{}。", label.zh),
                format!("Applies: {}.", label.en),
            )),
            Some(false) => check.not_met(Text::new(
                format!("不属于：{}。", label.zh),
                format!("Does not apply: {}.", label.en),
            )),
            None => check.unknown(t("尚未回答。", "Not answered yet."), &[fact]),
        }
    };
    if on("dibao") {
        v.add(yes(
            "dibao",
            "dibao",
            t(
                "享受城乡居民最低生活保障的家庭成员",
                "Member of a family receiving dibao",
            ),
            "第二节 一、1①",
        ));
    }
    if on("age4050") {
        let (w, r_w) = rules.decimal("difficult.womenMinAge", as_of)?;
        let (m, r_m) = rules.decimal("difficult.menMinAge", as_of)?;
        let check = Check::new(
            "age4050",
            t(
                "女40周岁以上、男50周岁以上",
                "Woman aged 40+ or man aged 50+",
            ),
        )
        .group(g)
        .param(&r_w, lang)
        .param(&r_m, lang);
        v.add(match (facts.date("birthDate"), facts.choice("sex")) {
            (Some(b), Some(s)) => {
                let age = age_on(b, as_of).years;
                let (need, zh_s, en_s) = if s == "female" {
                    (w, "女性", "women")
                } else {
                    (m, "男性", "men")
                };
                let need_i = need.trunc().to_string().parse::<i32>().unwrap_or(50);
                check
                    .compared(
                        Text::new(format!("{age}周岁"), format!("{age}")),
                        Text::new(
                            format!("{zh_s} ≥ {need_i}周岁"),
                            format!("{en_s} ≥ {need_i}"),
                        ),
                    )
                    .decide(
                        age >= need_i,
                        Text::new(
                            format!("{as_of} 时{age}周岁，{zh_s}满{need_i}周岁即属此类。"),
                            format!("{age} on {as_of}; {en_s} qualify from {need_i}."),
                        ),
                        Text::new(
                            format!("{as_of} 时{age}周岁，{zh_s}须满{need_i}周岁。"),
                            format!("{age} on {as_of}; {en_s} qualify from {need_i}."),
                        ),
                    )
            }
            _ => check.unknown(
                t("需要出生日期和性别。", "Needs the date of birth and sex."),
                &["birthDate", "sex"],
            ),
        });
    }
    if on("hardshipWorkerFamily") {
        v.add(yes(
            "hardshipWorkerFamily",
            "hardshipWorkerFamily",
            t("特困职工家庭成员", "Member of a hardship worker's family"),
            "第二节 一、1③",
        ));
    }
    if on("disabled") {
        v.add(yes(
            "disabled",
            "disabled",
            t("残疾人", "Person with a disability"),
            "第二节 一、1④",
        ));
    }
    if on("urbanZeroEmploymentFamily") {
        v.add(zero_employment(facts, lang).group(g).param(&r_cats, lang));
    }
    if on("longTermUnemployed") {
        let (months, r) = rules.int("difficult.longUnemployedMonths", as_of)?;
        let check = Check::new(
            "longTermUnemployed",
            t("连续失业1年以上", "Unemployed for a year or more"),
        )
        .group(g)
        .param(&r, lang);
        v.add(match facts.date("unemployedSince") {
            Some(since) => {
                let (m, ok) = within_months(since, as_of, months);
                let reached = !ok || m >= months;
                check
                    .compared(Text::new(format!("{m}个月"), format!("{m} months")), Text::new(format!("≥ {months}个月"), format!("≥ {months} months")))
                    .decide(
                        reached,
                        Text::new(format!("自 {since} 登记失业，到 {as_of} 已满{m}个月。"), format!("Registered unemployed since {since}: {m} months by {as_of}.")),
                        Text::new(format!("自 {since} 登记失业，到 {as_of} 只有{m}个月，须满{months}个月。"), format!("Registered unemployed since {since}: only {m} months by {as_of}; {months} are needed.")),
                    )
            }
            None => check.unknown(t("需要失业登记日期。", "Needs the date of unemployment registration."), &["unemployedSince"]),
        });
    }
    if on("landLostFarmer") {
        v.add(yes(
            "landLost",
            "landLostFarmer",
            t(
                "城市规划区范围内的被征地农民",
                "Farmer whose land was requisitioned",
            ),
            "第二节 一、1⑦",
        ));
    }
    if on("ruralZeroTransferFamily") {
        v.add(yes(
            "ruralZeroTransfer",
            "ruralZeroTransferFamily",
            t(
                "农村零转移就业家庭成员",
                "Member of a rural zero-transfer family",
            ),
            "第二节 一、1⑧",
        ));
    }
    if on("povertyAlleviated") {
        v.add(yes(
            "povertyAlleviated",
            "povertyAlleviated",
            t(
                "脱贫人口或防止返贫监测对象",
                "Lifted out of poverty or monitored",
            ),
            "第二节 一、1⑨",
        ));
    }
    for c in local_categories(rules, as_of) {
        let check = Check::new(&format!("local:{}", c.value), c.text.clone())
            .group(g)
            .param(&r_cats, lang);
        v.add(match facts.choices("localCategories") {
            Some(list) if list.contains(&c.value) => check.met(Text::new(
                format!("属于本省规定的：{}。", c.text.zh),
                format!("Applies (provincial category): {}.", c.text.en),
            )),
            Some(_) => check.not_met(Text::new(
                format!("不属于：{}。", c.text.zh),
                format!("Does not apply: {}.", c.text.en),
            )),
            None => check.unknown(t("尚未回答。", "Not answered yet."), &["localCategories"]),
        });
    }
    Ok(v.finish(facts, &defs, summary))
}

/// 城镇零就业家庭: an urban household whose members of working age (students,
/// soldiers and retirees aside) are all unemployed (就业促进法 art. 56).
fn zero_employment(facts: &Facts, _lang: Lang) -> Check {
    let check = Check::new(
        "urbanZeroEmploymentFamily",
        t(
            "城镇零就业家庭成员",
            "Member of an urban zero-employment family",
        ),
    )
    .cite(crate::pack::Citation {
        document: "中华人民共和国就业促进法".into(),
        title: None,
        article: Some("第五十六条".into()),
        url: None,
        note: Some("法定劳动年龄内的家庭人员均处于失业状况的城市居民家庭".into()),
    });
    match facts.choice("householdType") {
        Some("rural") => return check.not_met(t(
            "零就业家庭指城镇家庭；农村家庭请看“农村零转移就业家庭”。",
            "This category is for urban households; rural ones have the zero-transfer category.",
        )),
        Some(_) => {}
        None => {
            return check.unknown(
                t(
                    "需要户籍类别（城镇或农村）。",
                    "Needs the household type (urban or rural).",
                ),
                &["householdType", "household"],
            )
        }
    }
    let Some(members) = facts.household("household") else {
        return check.unknown(
            t(
                "需要家庭成员的就业状况。",
                "Needs what the family members do.",
            ),
            &["household"],
        );
    };
    let counted: Vec<_> = members
        .iter()
        .filter(|m| {
            m.working_age == Some(true)
                && !matches!(m.status.as_deref(), Some("student" | "soldier" | "retired"))
        })
        .collect();
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
    if working.is_empty() {
        check
            .compared(
                Text::new(
                    format!("劳动年龄内成员{n}人均失业"),
                    format!("all {n} working-age members unemployed"),
                ),
                t("全部失业", "all unemployed"),
            )
            .met(Text::new(
                format!("您及家中{n}名劳动年龄内的成员都处于失业状态。"),
                format!("You and the {n} other working-age member(s) are all unemployed."),
            ))
    } else {
        check
            .compared(
                Text::new(
                    format!("有{}人就业", working.len()),
                    format!("{} in work", working.len()),
                ),
                t("全部失业", "all unemployed"),
            )
            .not_met(Text::new(
                format!(
                    "家中有成员在就业（{}），不属于零就业家庭。",
                    working.join("、")
                ),
                format!(
                    "Someone in the family works ({}): not a zero-employment family.",
                    working.join(", ")
                ),
            ))
    }
}
