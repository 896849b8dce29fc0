//! Employment assistance (就业援助): the level (I/II/III) and the services it
//! brings, and the exit (退出援助) and subsidy stop conditions, each turning a
//! change of circumstances into "stops on date X because Y".
//!
//! Services (seed guide 第二节 三、2(5)): level I gets the "131" service within
//! `assistance.firstServiceMonths` of recognition (one vocational guidance, three
//! job recommendations, one training recommendation); level II adds the "五送"
//! (policies, jobs, skills, subsidies, services delivered); level III adds a
//! public-welfare post as the safety net. The level is the staff's assessment if
//! given, else the sum of the pack's assessment points against its thresholds.
//!
//! Stop rule for subsidies (`subsidy.stopEventRule`): with `previousMonth` the
//! last subsidised month is the month before the event's; with `eventMonth` it
//! is the event's month. Reaching the statutory retirement age is always an
//! event when the birth date is known (`subsidy.includeRetirementMonth` decides
//! whether that month is still paid).

use super::common::{age_on, guide, retirement_dates};
use crate::dates::{add_months, YearMonth};
pub use crate::event::event_label;
pub use crate::event::EventKind;
use crate::facts::Facts;
use crate::pack::{Citation, PackStamp, ParamRef, Provenance, RuleError, Rules};
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Assistance level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Level {
    I,
    II,
    III,
}

/// What the assessment found (评估), when no level is given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Assessment {
    pub birth_date: Option<NaiveDate>,
    /// `male` or `female`.
    pub sex: Option<String>,
    /// `female55` or `female50`, for women.
    pub woman_track: Option<String>,
    pub disabled: bool,
    pub no_skills: bool,
    pub health_limits: bool,
    pub family_burden: bool,
    pub unemployed_since: Option<NaiveDate>,
    pub zero_employment_family: bool,
}

/// One change, on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Event {
    pub kind: EventKind,
    pub date: NaiveDate,
    /// For `stableIncome`, `incomeAtAverageWage` and `wageBelowMinimum`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_income: Option<Decimal>,
}

/// A subsidy the person (or their employer) receives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Subsidy {
    FlexibleSubsidy,
    PublicWelfarePostSubsidy,
}

/// The question: who, assessed how, with what changes so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AssistanceInput {
    /// When the person was recognised as an assistance object.
    pub recognised_on: Option<NaiveDate>,
    /// The staff's assessed level; otherwise it is scored from `assessment`.
    pub level: Option<Level>,
    pub assessment: Option<Assessment>,
    pub events: Vec<Event>,
    /// The last contact with the public employment service (exit 9 after
    /// `assistance.noContactExitMonths` without contact).
    pub last_contact_on: Option<NaiveDate>,
    pub receiving: Vec<Subsidy>,
}

/// One point of the assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Factor {
    pub factor: String,
    pub label: String,
    pub points: i64,
}

/// A service the level brings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Service {
    pub id: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_by: Option<NaiveDate>,
    pub citation: Citation,
}

/// What a change does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Stop {
    /// `assistance`, `flexibleSubsidy` or `publicWelfarePostSubsidy`.
    pub what: String,
    pub kind: String,
    pub date: NaiveDate,
    /// For subsidies: the last month still paid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_paid_month: Option<YearMonth>,
    /// "stops on date X because Y", in plain words.
    pub reason: String,
    pub citation: Citation,
}

/// The answer of [`plan`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AssistancePlan {
    pub level: Level,
    /// `assessed` (given) or `scored` (from the assessment).
    pub level_source: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    pub factors: Vec<Factor>,
    pub services: Vec<Service>,
    /// Every stop that applies, earliest first.
    pub stops: Vec<Stop>,
    /// When assistance ends (the earliest exit), if it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assistance_ends_on: Option<NaiveDate>,
    pub explanation: Vec<String>,
    pub parameters: Vec<ParamRef>,
    pub as_of: NaiveDate,
    pub pack: PackStamp,
}

/// Why no plan could be made.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanError {
    /// Neither a level nor an assessment was given.
    NoLevel,
    Rule(RuleError),
}

impl From<RuleError> for PlanError {
    fn from(e: RuleError) -> Self {
        PlanError::Rule(e)
    }
}

fn t(zh: &str, en: &str) -> Text {
    Text::new(zh, en)
}

/// The exit item number (退出援助对象的范围) of an event, if it ends assistance.
fn exit_item(k: EventKind) -> Option<u8> {
    use EventKind::*;
    Some(match k {
        EmployedByUnit => 1,
        StartedBusiness => 2,
        StableIncome => 3,
        PensionStarted => 4,
        LostWorkAbility => 5,
        Enrolled | MilitaryService | Emigrated => 6,
        Imprisoned => 7,
        StoppedSeeking => 8,
        EmploymentRegistered => 10,
        _ => return None,
    })
}

fn stops_flexible(k: EventKind) -> bool {
    use EventKind::*;
    matches!(
        k,
        EmployedByUnit
            | OtherUnitPaysInsurance
            | StoppedFlexibleWork
            | StoppedContributing
            | IncomeAtAverageWage
            | Imprisoned
            | PensionStarted
    )
}

fn stops_post(k: EventKind) -> bool {
    use EventKind::*;
    matches!(
        k,
        WageBelowMinimum | WorkloadNotMet | PostMismatch | PensionStarted
    )
}

/// Makes the assistance plan.
pub fn plan(
    input: &AssistanceInput,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<AssistancePlan, PlanError> {
    let mut used = Provenance::new(lang);
    let mut explanation: Vec<Text> = Vec::new();

    // Level.
    let mut factors = Vec::new();
    let (level, source, score) = match (input.level, &input.assessment) {
        (Some(l), _) => (l, "assessed", None),
        (None, Some(a)) => {
            let mut score = 0;
            let mut add = |id: &str,
                           label: Text,
                           key: &'static str,
                           used: &mut Provenance|
             -> Result<(), RuleError> {
                let (pts, r) = rules.int(key, as_of)?;
                used.keep(&r);
                score += pts;
                factors.push(Factor {
                    factor: id.into(),
                    label: label.get(lang).to_string(),
                    points: pts,
                });
                Ok(())
            };
            if let (Some(b), Some(s)) = (a.birth_date, a.sex.as_deref()) {
                let age = age_on(b, as_of).years;
                let (key, ty) = if s == "female" {
                    ("difficult.womenMinAge", "women")
                } else {
                    ("difficult.menMinAge", "men")
                };
                let (min, r) = rules.decimal(key, as_of)?;
                used.keep(&r);
                if Decimal::from(age) >= min {
                    add(
                        "olderAge",
                        Text::new(format!("{age}周岁"), format!("aged {age} ({ty} {min}+)")),
                        "assistance.score.olderAge",
                        &mut used,
                    )?;
                }
            }
            if a.disabled {
                add(
                    "disabled",
                    t("残疾", "disability"),
                    "assistance.score.disabled",
                    &mut used,
                )?;
            }
            if a.no_skills {
                add(
                    "noSkills",
                    t("无职业技能", "no vocational skills"),
                    "assistance.score.noSkills",
                    &mut used,
                )?;
            }
            if a.health_limits {
                add(
                    "healthLimits",
                    t("健康状况限制就业", "health limits the work possible"),
                    "assistance.score.healthLimits",
                    &mut used,
                )?;
            }
            if a.family_burden {
                add(
                    "familyBurden",
                    t("家庭负担重", "heavy family care duties"),
                    "assistance.score.familyBurden",
                    &mut used,
                )?;
            }
            if let Some(since) = a.unemployed_since {
                let (months, r) = rules.int("difficult.longUnemployedMonths", as_of)?;
                used.keep(&r);
                if add_months(since, months as i32).is_some_and(|d| d <= as_of) {
                    add(
                        "longUnemployed",
                        t("连续失业1年以上", "unemployed a year or more"),
                        "assistance.score.longUnemployed",
                        &mut used,
                    )?;
                }
            }
            if a.zero_employment_family {
                add(
                    "zeroEmploymentFamily",
                    t("零就业家庭", "zero-employment family"),
                    "assistance.score.zeroEmploymentFamily",
                    &mut used,
                )?;
            }
            let (l2, r2) = rules.int("assistance.level2MinScore", as_of)?;
            let (l3, r3) = rules.int("assistance.level3MinScore", as_of)?;
            used.keep(&r2);
            used.keep(&r3);
            let level = if score >= l3 {
                Level::III
            } else if score >= l2 {
                Level::II
            } else {
                Level::I
            };
            explanation.push(Text::new(
                format!("评估分 {score}（II级 ≥ {l2}，III级 ≥ {l3}），定为 {level:?} 级。"),
                format!("Assessment score {score} (level II from {l2}, III from {l3}): level {level:?}."),
            ));
            (level, "scored", Some(score))
        }
        (None, None) => return Err(PlanError::NoLevel),
    };

    // Services.
    let (months, r_first) = rules.int("assistance.firstServiceMonths", as_of)?;
    used.keep(&r_first);
    let due = input
        .recognised_on
        .and_then(|d| add_months(d, months as i32));
    let plan_cite = guide("第二节 三、2(5)");
    let mut services = vec![Service {
        id: "131".into(),
        text: Text::new(
            format!("“131”服务：{months}个月内至少一次职业指导、三次岗位推荐、一次技能培训推荐"),
            format!("The \"131\" service within {months} months: one vocational guidance session, three job recommendations, one training recommendation"),
        )
        .get(lang)
        .to_string(),
        due_by: due,
        citation: plan_cite.clone(),
    }];
    if level >= Level::II {
        services.push(Service {
            id: "fiveDeliveries".into(),
            text: t("“五送”服务：送政策、送岗位、送技能、送补贴、送服务", "The \"five deliveries\": policies, jobs, skills, subsidies and services brought to the person").get(lang).to_string(),
            due_by: None,
            citation: plan_cite.clone(),
        });
    }
    if level == Level::III {
        services.push(Service {
            id: "publicWelfarePost".into(),
            text: t(
                "市场难以就业的，开发公益性岗位托底安置",
                "If the market cannot place the person, a public-welfare post as the safety net",
            )
            .get(lang)
            .to_string(),
            due_by: None,
            citation: plan_cite.clone(),
        });
    }
    services.push(Service {
        id: "followUp".into(),
        text: t(
            "签订就业援助计划，“一人一策”，定期跟踪回访",
            "An assistance plan for the person, with regular follow-up",
        )
        .get(lang)
        .to_string(),
        due_by: None,
        citation: guide("第二节 三、2(4)(6)"),
    });

    // Stops.
    let (rule, r_rule) = rules.choice("subsidy.stopEventRule", as_of)?;
    used.keep(&r_rule);
    let last_paid = |d: NaiveDate| {
        if rule == "eventMonth" {
            YearMonth::of(d)
        } else {
            YearMonth::of(d) - 1
        }
    };
    let exit_cite = guide("第三节 退出援助对象的范围");
    let mut stops = Vec::new();
    let mut events = input.events.clone();
    if let Some(last) = input.last_contact_on {
        let (n, r) = rules.int("assistance.noContactExitMonths", as_of)?;
        used.keep(&r);
        if let Some(d) = add_months(last, n as i32) {
            if d <= as_of {
                stops.push(Stop {
                    what: "assistance".into(),
                    kind: "noContact".into(),
                    date: d,
                    last_paid_month: None,
                    reason: Text::new(
                        format!("{d} 退出就业援助：自 {last} 起连续{n}个月未与公共就业服务机构联系（第9项）。"),
                        format!("Assistance ends on {d}: no contact with the public employment service for {n} months since {last} (item 9)."),
                    )
                    .get(lang)
                    .to_string(),
                    citation: exit_cite.clone(),
                });
            }
        }
    }
    // Reaching the statutory retirement age stops subsidies.
    if let Some(a) = &input.assessment {
        let mut map = serde_json::Map::new();
        if let Some(b) = a.birth_date {
            map.insert("birthDate".into(), b.to_string().into());
        }
        if let Some(s) = &a.sex {
            map.insert("sex".into(), s.clone().into());
        }
        if let Some(w) = &a.woman_track {
            map.insert("womanTrack".into(), w.clone().into());
        }
        if let Some((_, latest)) = retirement_dates(&Facts::from_map(map), rules, as_of)? {
            let (include, r) = rules.flag("subsidy.includeRetirementMonth", as_of)?;
            used.keep(&r);
            for s in &input.receiving {
                let what = match s {
                    Subsidy::FlexibleSubsidy => "flexibleSubsidy",
                    Subsidy::PublicWelfarePostSubsidy => "publicWelfarePostSubsidy",
                };
                let month = if include {
                    YearMonth::of(latest)
                } else {
                    YearMonth::of(latest) - 1
                };
                stops.push(Stop {
                    what: what.into(),
                    kind: "retirementAge".into(),
                    date: latest,
                    last_paid_month: Some(month),
                    reason: Text::new(
                        format!("{} 达到法定退休年龄，补贴发放至 {month}。", latest),
                        format!(
                            "Reaches the statutory retirement age on {latest}: paid until {month}."
                        ),
                    )
                    .get(lang)
                    .to_string(),
                    citation: guide("第二节 二、3(4)3) / 2(4)3)⑤"),
                });
            }
        }
    }
    events.sort_by_key(|e| e.date);
    for e in &events {
        let name = event_label(e.kind);
        // Income conditions are checked against the local figures when given.
        let applies = match e.kind {
            EventKind::StableIncome => match (
                e.monthly_income,
                rules.decimal("wage.minimumMonthly", e.date),
            ) {
                (Some(i), Ok((min, r))) => {
                    used.keep(&r);
                    i >= min
                }
                _ => true,
            },
            EventKind::IncomeAtAverageWage => match (
                e.monthly_income,
                rules.decimal("wage.averageMonthly", e.date),
            ) {
                (Some(i), Ok((avg, r))) => {
                    used.keep(&r);
                    i >= avg
                }
                _ => true,
            },
            EventKind::WageBelowMinimum => match (
                e.monthly_income,
                rules.decimal("wage.minimumMonthly", e.date),
            ) {
                (Some(i), Ok((min, r))) => {
                    used.keep(&r);
                    i < min
                }
                _ => true,
            },
            _ => true,
        };
        if !applies {
            explanation.push(Text::new(
                format!("{}：{} 的收入未达到（或未低于）当地标准，此项不构成停止情形。", e.date, name.zh),
                format!("{}: the income given does not meet the local threshold, so \"{}\" does not apply.", e.date, name.en),
            ));
            continue;
        }
        if let Some(item) = exit_item(e.kind) {
            stops.push(Stop {
                what: "assistance".into(),
                kind: serde_json::to_value(e.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                date: e.date,
                last_paid_month: None,
                reason: Text::new(
                    format!("{} 退出就业援助，因为：{}（第{item}项）。", e.date, name.zh),
                    format!("Assistance ends on {}: {} (item {item}).", e.date, name.en),
                )
                .get(lang)
                .to_string(),
                citation: exit_cite.clone(),
            });
        }
        for s in &input.receiving {
            let (what, applies, cite) = match s {
                Subsidy::FlexibleSubsidy => (
                    "flexibleSubsidy",
                    stops_flexible(e.kind),
                    guide("第二节 二、3(4)3)"),
                ),
                Subsidy::PublicWelfarePostSubsidy => (
                    "publicWelfarePostSubsidy",
                    stops_post(e.kind),
                    guide("第二节 二、2(4)3)"),
                ),
            };
            if applies {
                let m = last_paid(e.date);
                let label = match s {
                    Subsidy::FlexibleSubsidy => {
                        t("灵活就业社会保险补贴", "the flexible-employment subsidy")
                    }
                    Subsidy::PublicWelfarePostSubsidy => {
                        t("公益性岗位补贴", "the public-welfare post subsidy")
                    }
                };
                stops.push(Stop {
                    what: what.into(),
                    kind: serde_json::to_value(e.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    date: e.date,
                    last_paid_month: Some(m),
                    reason: Text::new(
                        format!(
                            "{}于 {} 停止（最后补贴月份 {m}），因为：{}。",
                            label.zh, e.date, name.zh
                        ),
                        format!(
                            "{} stops on {} (last month paid {m}) because: {}.",
                            label.en, e.date, name.en
                        ),
                    )
                    .get(lang)
                    .to_string(),
                    citation: cite,
                });
            }
        }
    }
    stops.sort_by_key(|s| s.date);
    let ends = stops
        .iter()
        .filter(|s| s.what == "assistance")
        .map(|s| s.date)
        .min();
    explanation.push(match ends {
        Some(d) => Text::new(
            format!("就业援助于 {d} 结束。"),
            format!("Assistance ends on {d}."),
        ),
        None => Text::new(
            format!("截至 {as_of}，没有退出援助的情形。"),
            format!("As of {as_of}, no exit condition applies."),
        ),
    });
    Ok(AssistancePlan {
        level,
        level_source: source,
        score,
        factors,
        services,
        stops,
        assistance_ends_on: ends,
        explanation: explanation
            .iter()
            .map(|e| e.get(lang).to_string())
            .collect(),
        parameters: used.params,
        as_of,
        pack: rules.stamp(),
    })
}
