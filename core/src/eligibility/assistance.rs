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

use super::common::{age_on, retirement_dates, span, years_of};
use crate::dates::{add_months, YearMonth};
pub use crate::event::event_label;
pub use crate::event::EventKind;
use crate::facts::{plausibility, FactDef, FactKind, FactProblem, Facts};
use crate::pack::{Citation, Recorder, RuleError, Rules, Sourced};
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
    #[serde(deserialize_with = "crate::dates::serde_loose::option_date")]
    pub birth_date: Option<NaiveDate>,
    /// `male` or `female`.
    pub sex: Option<String>,
    /// `female55` or `female50`, for women.
    pub woman_track: Option<String>,
    pub disabled: bool,
    pub no_skills: bool,
    pub health_limits: bool,
    pub family_burden: bool,
    #[serde(deserialize_with = "crate::dates::serde_loose::option_date")]
    pub unemployed_since: Option<NaiveDate>,
    pub zero_employment_family: bool,
}

/// One change, on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Event {
    pub kind: EventKind,
    #[serde(deserialize_with = "crate::dates::serde_loose::date")]
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

impl Subsidy {
    /// The key results name it by (`flexibleSubsidy`).
    pub fn key(self) -> &'static str {
        match self {
            Subsidy::FlexibleSubsidy => "flexibleSubsidy",
            Subsidy::PublicWelfarePostSubsidy => "publicWelfarePostSubsidy",
        }
    }

    /// Its name in a sentence.
    pub fn label(self) -> Text {
        match self {
            Subsidy::FlexibleSubsidy => {
                t!("灵活就业社会保险补贴", "the flexible-employment subsidy")
            }
            Subsidy::PublicWelfarePostSubsidy => {
                t!("公益性岗位补贴", "the public-welfare post subsidy")
            }
        }
    }
}

/// The question: who, assessed how, with what changes so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AssistanceInput {
    /// When the person was recognised as an assistance object.
    #[serde(deserialize_with = "crate::dates::serde_loose::option_date")]
    pub recognised_on: Option<NaiveDate>,
    /// The staff's assessed level; otherwise it is scored from `assessment`.
    pub level: Option<Level>,
    pub assessment: Option<Assessment>,
    pub events: Vec<Event>,
    /// The last contact with the public employment service (exit 9 after
    /// `assistance.noContactExitMonths` without contact).
    #[serde(deserialize_with = "crate::dates::serde_loose::option_date")]
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
    /// Every citation and parameter the plan used, the caveats they call for
    /// (e.g. an unsure stop rule) and the pack stamp.
    #[serde(flatten)]
    pub sourced: Sourced,
    pub as_of: NaiveDate,
}

/// Why no plan could be made.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanError {
    /// Neither a level nor an assessment was given.
    NoLevel,
    /// Dates that cannot be right (`facts::plausibility`), each naming its
    /// field (`assessment.birthDate`).
    Facts(Vec<FactProblem>),
    Rule(RuleError),
}

/// The input's dates, checked as any facts are (`facts::plausibility`): a
/// birth date in the future, an unemployment or a recognition before the
/// minimum working age or in the future. The warnings become caveats.
fn plausible(
    input: &AssistanceInput,
    rec: &mut Recorder<'_>,
    as_of: NaiveDate,
) -> Result<Vec<plausibility::Warning>, PlanError> {
    let a = input.assessment.clone().unwrap_or_default();
    let fields = [
        (
            "birthDate",
            "assessment.birthDate",
            a.birth_date,
            t!("出生日期", "Date of birth"),
        ),
        (
            "unemployedSince",
            "assessment.unemployedSince",
            a.unemployed_since,
            t!("失业开始日期", "Unemployed since"),
        ),
        (
            "recognisedOn",
            "recognisedOn",
            input.recognised_on,
            t!("认定为就业援助对象的日期", "Date recognised for assistance"),
        ),
        (
            "lastContactOn",
            "lastContactOn",
            input.last_contact_on,
            t!(
                "最近一次联系公共就业服务机构的日期",
                "Last contact with the public employment service"
            ),
        ),
    ];
    let mut map = serde_json::Map::new();
    let mut defs = Vec::new();
    for (id, _, date, label) in &fields {
        if let Some(d) = date {
            map.insert((*id).into(), d.to_string().into());
        }
        defs.push(FactDef::new(id, FactKind::Date, label.clone()));
    }
    let path = |id: &str| {
        fields
            .iter()
            .find(|f| f.0 == id)
            .map_or(id, |f| f.1)
            .to_string()
    };
    match plausibility::check(&Facts::from_map(map), &defs, rec.rules(), as_of) {
        Ok(warnings) => {
            for w in &warnings {
                rec.note(w.message.clone());
            }
            Ok(warnings)
        }
        Err(problems) => Err(PlanError::Facts(
            problems
                .into_iter()
                .map(|p| FactProblem {
                    fact: path(&p.fact),
                    ..p
                })
                .collect(),
        )),
    }
}

impl From<RuleError> for PlanError {
    fn from(e: RuleError) -> Self {
        PlanError::Rule(e)
    }
}

/// A birth date so long ago that the packs have no figures for the person's
/// retirement is a fact problem of the date, not a rule error.
fn beyond_the_rules(
    e: RuleError,
    warnings: &[plausibility::Warning],
    as_of: NaiveDate,
) -> PlanError {
    let old = warnings.iter().find(|w| w.fact == "birthDate");
    match (&e, old) {
        (RuleError::NoValue { date, .. }, Some(w)) if *date < as_of => {
            let mut p = plausibility::beyond_the_rules(w, *date);
            p.fact = "assessment.birthDate".into();
            PlanError::Facts(vec![p])
        }
        _ => PlanError::Rule(e),
    }
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

/// The clause `id` of the packs' citation table, recorded (with its caveat if
/// it is unsure).
fn clause(rec: &mut Recorder<'_>, id: &str) -> Result<Citation, RuleError> {
    let clause = rec.rules().clause(id)?;
    let c = clause.citation().shown(rec.lang());
    rec.cite(&c);
    if let Some(caveat) = clause.caveat() {
        rec.note(caveat);
    }
    Ok(c)
}

/// The event's key as the API writes it (`employedByUnit`).
fn kind_key(k: EventKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Makes the assistance plan.
pub fn plan(
    input: &AssistanceInput,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<AssistancePlan, PlanError> {
    let mut rec = Recorder::new(rules, lang);
    let warnings = plausible(input, &mut rec, as_of)?;
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
                           rec: &mut Recorder<'_>|
             -> Result<(), RuleError> {
                let pts = rec.int(key, as_of)?.value;
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
                let (key, who) = if s == "female" {
                    ("difficult.womenMinAge", t!("女性", "women"))
                } else {
                    ("difficult.menMinAge", t!("男性", "men"))
                };
                let min = years_of(rec.decimal(key, as_of)?.value);
                if Decimal::from(age) >= min {
                    add(
                        "olderAge",
                        t!("{}周岁（{}满{}周岁）", "aged {} ({} {}+)"; age, who, min),
                        "assistance.score.olderAge",
                        &mut rec,
                    )?;
                }
            }
            if a.disabled {
                add(
                    "disabled",
                    t!("残疾", "disability"),
                    "assistance.score.disabled",
                    &mut rec,
                )?;
            }
            if a.no_skills {
                add(
                    "noSkills",
                    t!("无职业技能", "no vocational skills"),
                    "assistance.score.noSkills",
                    &mut rec,
                )?;
            }
            if a.health_limits {
                add(
                    "healthLimits",
                    t!("健康状况限制就业", "health limits the work possible"),
                    "assistance.score.healthLimits",
                    &mut rec,
                )?;
            }
            if a.family_burden {
                add(
                    "familyBurden",
                    t!("家庭负担重", "heavy family care duties"),
                    "assistance.score.familyBurden",
                    &mut rec,
                )?;
            }
            if let Some(since) = a.unemployed_since {
                let months = rec.int("difficult.longUnemployedMonths", as_of)?.value;
                if add_months(since, months as i32).is_some_and(|d| d <= as_of) {
                    add(
                        "longUnemployed",
                        t!("连续失业{}以上", "unemployed {} or more"; span(months)),
                        "assistance.score.longUnemployed",
                        &mut rec,
                    )?;
                }
            }
            if a.zero_employment_family {
                add(
                    "zeroEmploymentFamily",
                    t!("零就业家庭", "zero-employment family"),
                    "assistance.score.zeroEmploymentFamily",
                    &mut rec,
                )?;
            }
            let l2 = rec.int("assistance.level2MinScore", as_of)?.value;
            let l3 = rec.int("assistance.level3MinScore", as_of)?.value;
            let level = if score >= l3 {
                Level::III
            } else if score >= l2 {
                Level::II
            } else {
                Level::I
            };
            let name = format!("{level:?}");
            explanation.push(t!(
                "评估分 {}（II级 ≥ {}，III级 ≥ {}），定为 {} 级。",
                "Assessment score {} (level II from {}, III from {}): level {}.";
                score, l2, l3, name
            ));
            (level, "scored", Some(score))
        }
        (None, None) => return Err(PlanError::NoLevel),
    };

    // Services.
    let first = rec.int("assistance.firstServiceMonths", as_of)?;
    let due = input
        .recognised_on
        .and_then(|d| add_months(d, first.value as i32));
    let plan_cite = clause(&mut rec, "guide.assistance.services")?;
    let service = |id: &str, text: Text, due_by: Option<NaiveDate>, citation: &Citation| Service {
        id: id.into(),
        text: text.get(lang).to_string(),
        due_by,
        citation: citation.clone(),
    };
    let mut services = vec![service(
        "131",
        t!(
            "“131”服务：{}内至少一次职业指导、三次岗位推荐、一次技能培训推荐",
            "The \"131\" service within {}: one vocational guidance session, three job recommendations, one training recommendation";
            first.shown
        ),
        due,
        &plan_cite,
    )];
    if level >= Level::II {
        services.push(service(
            "fiveDeliveries",
            t!(
                "“五送”服务：送政策、送岗位、送技能、送补贴、送服务",
                "The \"five deliveries\": policies, jobs, skills, subsidies and services brought to the person",
            ),
            None,
            &plan_cite,
        ));
    }
    if level == Level::III {
        services.push(service(
            "publicWelfarePost",
            t!(
                "市场难以就业的，开发公益性岗位托底安置",
                "If the market cannot place the person, a public-welfare post as the safety net",
            ),
            None,
            &plan_cite,
        ));
    }
    let follow_up = clause(&mut rec, "guide.assistance.followUp")?;
    services.push(service(
        "followUp",
        t!(
            "签订就业援助计划，“一人一策”，定期跟踪回访",
            "An assistance plan for the person, with regular follow-up",
        ),
        None,
        &follow_up,
    ));

    // Stops.
    let rule = rec.choice("subsidy.stopEventRule", as_of)?.value;
    let last_paid = |d: NaiveDate| {
        if rule == "eventMonth" {
            YearMonth::of(d)
        } else {
            YearMonth::of(d) - 1
        }
    };
    let exit_cite = clause(&mut rec, "guide.assistance.exit")?;
    let mut stops = Vec::new();
    let mut events = input.events.clone();
    if let Some(last) = input.last_contact_on {
        let n = rec.int("assistance.noContactExitMonths", as_of)?;
        if let Some(d) = add_months(last, n.value as i32) {
            if d <= as_of {
                stops.push(Stop {
                    what: "assistance".into(),
                    kind: "noContact".into(),
                    date: d,
                    last_paid_month: None,
                    reason: t!(
                        "{} 退出就业援助：自 {} 起连续{}未与公共就业服务机构联系（第9项）。",
                        "Assistance ends on {}: since {}, no contact with the public employment service for {} (item 9).";
                        d, last, n.shown
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
        let dates = retirement_dates(&Facts::from_map(map), rules, as_of)
            .map_err(|e| beyond_the_rules(e, &warnings, as_of))?;
        if let Some((_, latest)) = dates {
            if !input.receiving.is_empty() {
                let include = rec.flag("subsidy.includeRetirementMonth", as_of)?.value;
                let cite = clause(&mut rec, "guide.assistance.retirementStop")?;
                for s in &input.receiving {
                    let month = if include {
                        YearMonth::of(latest)
                    } else {
                        YearMonth::of(latest) - 1
                    };
                    stops.push(Stop {
                        what: s.key().into(),
                        kind: "retirementAge".into(),
                        date: latest,
                        last_paid_month: Some(month),
                        reason: t!(
                            "{} 达到法定退休年龄，补贴发放至 {}。",
                            "Reaches the statutory retirement age on {}: paid until {}.";
                            latest, month
                        )
                        .get(lang)
                        .to_string(),
                        citation: cite.clone(),
                    });
                }
            }
        }
    }
    crate::sort::sort_by_key(&mut events, |e| e.date);
    for e in &events {
        let name = event_label(e.kind);
        // Income conditions are checked against the local figures when given.
        let local = |rec: &mut Recorder<'_>, key: &'static str| {
            e.monthly_income
                .and_then(|i| rec.decimal(key, e.date).ok().map(|w| (i, w.value)))
        };
        let applies = match e.kind {
            EventKind::StableIncome => {
                local(&mut rec, "wage.minimumMonthly").is_none_or(|(i, min)| i >= min)
            }
            EventKind::IncomeAtAverageWage => {
                local(&mut rec, "wage.averageMonthly").is_none_or(|(i, avg)| i >= avg)
            }
            EventKind::WageBelowMinimum => {
                local(&mut rec, "wage.minimumMonthly").is_none_or(|(i, min)| i < min)
            }
            _ => true,
        };
        if !applies {
            explanation.push(t!(
                "{}：{} 的收入未达到（或未低于）当地标准，此项不构成停止情形。",
                "{}: the income given does not meet the local threshold, so \"{}\" does not apply.";
                e.date, name
            ));
            continue;
        }
        if let Some(item) = exit_item(e.kind) {
            stops.push(Stop {
                what: "assistance".into(),
                kind: kind_key(e.kind),
                date: e.date,
                last_paid_month: None,
                reason: t!(
                    "{} 退出就业援助，因为：{}（第{}项）。",
                    "Assistance ends on {}: {} (item {}).";
                    e.date, name, item
                )
                .get(lang)
                .to_string(),
                citation: exit_cite.clone(),
            });
        }
        for s in &input.receiving {
            let (applies, id) = match s {
                Subsidy::FlexibleSubsidy => {
                    (stops_flexible(e.kind), "guide.assistance.flexible.stop")
                }
                Subsidy::PublicWelfarePostSubsidy => {
                    (stops_post(e.kind), "guide.assistance.post.stop")
                }
            };
            if applies {
                let cite = clause(&mut rec, id)?;
                let m = last_paid(e.date);
                stops.push(Stop {
                    what: s.key().into(),
                    kind: kind_key(e.kind),
                    date: e.date,
                    last_paid_month: Some(m),
                    reason: t!(
                        "{}于 {} 停止（最后补贴月份 {}），因为：{}。",
                        "{} stops on {} (last month paid {}) because: {}.";
                        s.label(), e.date, m, name
                    )
                    .get(lang)
                    .to_string(),
                    citation: cite,
                });
            }
        }
    }
    crate::sort::sort_by_key(&mut stops, |s| s.date);
    let ends = stops
        .iter()
        .filter(|s| s.what == "assistance")
        .map(|s| s.date)
        .min();
    explanation.push(match ends {
        Some(d) => t!("就业援助于 {} 结束。", "Assistance ends on {}."; d),
        None => t!(
            "截至 {}，没有退出援助的情形。",
            "As of {}, no exit condition applies.";
            as_of
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
        sourced: rec.finish(),
        as_of,
    })
}
