//! Statutory retirement age (法定退休年龄) under the gradual delay in force from
//! 2025-01-01 (渐进式延迟法定退休年龄), flexible early and late retirement, and
//! the minimum contribution years for a monthly pension.
//!
//! The rule (办法 art. 1), per track, from the pack:
//!
//! ```text
//! delay = 0                                            if birth month < reformStart
//!       = min(maxDelay, (birth month − reformStart) / step + 1)   otherwise (integer division)
//! statutory age       = original age + delay months
//! retirement month    = birth month + statutory age      (the month the age is reached)
//! retirement date     = birth date + statutory age, clamped to the end of a short month
//!                       (born 31 Jan 1965, age 60y1m → 28 Feb 2025; born 29 Feb → 28 Feb)
//! flexible earliest   = max(original retirement month, retirement month − 36)
//! flexible latest     = retirement month + 36 (with the employer's agreement)
//! minimum years       = pension.minContributionYears in force on 1 January of the
//!                       year of retirement (15 until 2029, +0.5 a year, 20 from 2039)
//! ```
//!
//! ```
//! use chrono::NaiveDate;
//! use zhuchuang_core::pack::PackSet;
//! use zhuchuang_core::retirement::{statutory_retirement, RetirementQuery, Track};
//! let packs = PackSet::embedded().unwrap();
//! let rules = packs.rules("000000").unwrap();
//! let q = RetirementQuery { birth_date: NaiveDate::from_ymd_opt(1976, 9, 15).unwrap(), track: Track::Male, contribution_months: None };
//! let r = statutory_retirement(&q, &rules, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(), Default::default()).unwrap();
//! assert_eq!((r.age_years, r.age_months, r.retirement_month.to_string()), (63, 0, "2039-09".to_string()));
//! assert_eq!(r.delay_months, 36);
//! ```

use crate::dates::{add_months, YearMonth};
use crate::pack::{Citation, PackStamp, ParamRef, Provenance, RuleError, Rules};
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Which retirement-age track applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Track {
    /// 男职工: 60 → 63.
    Male,
    /// 原法定退休年龄55周岁的女职工 (management or technical posts): 55 → 58.
    Female55,
    /// 原法定退休年龄50周岁的女职工 (production posts): 50 → 55.
    Female50,
}

impl Track {
    /// Every track, in the order forms list them.
    pub const ALL: [Track; 3] = [Track::Male, Track::Female55, Track::Female50];

    /// The track for its key (`"male"`, `"female55"`, `"female50"`).
    ///
    /// ```
    /// use zhuchuang_core::retirement::Track;
    /// assert_eq!(Track::parse("female55"), Some(Track::Female55));
    /// assert_eq!(Track::parse("man"), None);
    /// assert!(Track::ALL.into_iter().all(|t| Track::parse(t.key()) == Some(t)));
    /// ```
    pub fn parse(key: &str) -> Option<Track> {
        Track::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            Track::Male => "male",
            Track::Female55 => "female55",
            Track::Female50 => "female50",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Track::Male => Text::new("男职工", "men"),
            Track::Female55 => Text::new(
                "女职工（原退休年龄55周岁，管理或技术岗位）",
                "women, original age 55 (management or technical posts)",
            ),
            Track::Female50 => Text::new(
                "女职工（原退休年龄50周岁，生产岗位）",
                "women, original age 50 (production posts)",
            ),
        }
    }
}

/// The question: whose retirement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RetirementQuery {
    pub birth_date: NaiveDate,
    pub track: Track,
    /// Months of pension contributions paid as of `asOf`, if known; then the
    /// result says when the minimum is met, assuming contributions continue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution_months: Option<u32>,
}

/// An age in whole years and months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Age {
    pub years: u32,
    pub months: u32,
}

impl Age {
    fn of_months(total: i32) -> Age {
        let t = total.max(0) as u32;
        Age {
            years: t / 12,
            months: t % 12,
        }
    }

    pub fn text(self) -> Text {
        if self.months == 0 {
            Text::new(
                format!("{}周岁", self.years),
                format!("{} years", self.years),
            )
        } else {
            Text::new(
                format!("{}周岁{}个月", self.years, self.months),
                format!("{} years {} months", self.years, self.months),
            )
        }
    }
}

/// Retirement under the rules before the reform, for comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct OriginalRetirement {
    pub age_years: u32,
    pub retirement_month: YearMonth,
    pub retirement_date: NaiveDate,
}

/// The flexible-retirement window (弹性退休).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FlexibleWindow {
    /// Earliest month of flexible early retirement (needs the minimum contribution years).
    pub earliest_month: YearMonth,
    pub earliest_age: Age,
    /// True when the earliest month is the original retirement month rather than
    /// 36 months before the new one.
    pub earliest_is_original_age: bool,
    /// Minimum contribution years for retiring in the earliest month's year.
    pub min_contribution_years_at_earliest: Decimal,
    /// Latest month of flexible late retirement (by agreement with the employer).
    pub latest_month: YearMonth,
    pub latest_age: Age,
}

/// Contributions against the minimum, when `contributionMonths` was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ContributionCheck {
    /// Months paid as of `asOf`.
    pub months_as_of: u32,
    /// Months by the statutory retirement month, if contributions continue.
    pub months_at_retirement: u32,
    pub meets_minimum_at_retirement: bool,
    /// First month in the flexible window when the minimum is met, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest_flexible_month_with_minimum: Option<YearMonth>,
}

/// The answer to [`statutory_retirement`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RetirementResult {
    pub track: Track,
    pub birth_date: NaiveDate,
    /// The statutory retirement age, years and months.
    pub age_years: u32,
    pub age_months: u32,
    /// The month the statutory age is reached.
    pub retirement_month: YearMonth,
    /// The day the statutory age is reached.
    pub retirement_date: NaiveDate,
    pub delay_months: u32,
    pub original: OriginalRetirement,
    pub flexible: FlexibleWindow,
    /// Minimum contribution years for a monthly pension when retiring at the
    /// statutory age.
    pub min_contribution_years: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contribution: Option<ContributionCheck>,
    /// The steps, in plain words.
    pub explanation: Vec<String>,
    pub citations: Vec<Citation>,
    pub parameters: Vec<ParamRef>,
    pub caveats: Vec<String>,
    pub as_of: NaiveDate,
    pub pack: PackStamp,
}

/// Parameters of one track on a date.
struct TrackRules {
    original_age: u32,
    start: Option<YearMonth>,
    step: i32,
    cap: i32,
}

/// The track's parameters on `as_of`, recorded in `used`.
fn track_rules(
    track: Track,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    used: &mut Provenance,
) -> Result<TrackRules, RuleError> {
    let k = |s: &str| -> &'static str {
        // Keys are static strings built from the track; leak-free lookup table.
        match (track, s) {
            (Track::Male, "originalAge") => "retirement.male.originalAge",
            (Track::Male, "reformStart") => "retirement.male.reformStart",
            (Track::Male, "stepMonths") => "retirement.male.stepMonths",
            (Track::Male, _) => "retirement.male.maxDelayMonths",
            (Track::Female55, "originalAge") => "retirement.female55.originalAge",
            (Track::Female55, "reformStart") => "retirement.female55.reformStart",
            (Track::Female55, "stepMonths") => "retirement.female55.stepMonths",
            (Track::Female55, _) => "retirement.female55.maxDelayMonths",
            (Track::Female50, "originalAge") => "retirement.female50.originalAge",
            (Track::Female50, "reformStart") => "retirement.female50.reformStart",
            (Track::Female50, "stepMonths") => "retirement.female50.stepMonths",
            (Track::Female50, _) => "retirement.female50.maxDelayMonths",
        }
    };
    let (age, r) = rules.decimal(k("originalAge"), as_of)?;
    used.keep(&r);
    let original_age = u32::try_from(age.trunc().mantissa()).unwrap_or(60);
    // Before the reform is in force (asOf < 2025-01-01) there is no delay.
    let reform = rules.month(k("reformStart"), as_of);
    let (start, step, cap) = match reform {
        Ok((start, r)) => {
            used.keep(&r);
            let (step, r) = rules.int(k("stepMonths"), as_of)?;
            used.keep(&r);
            let (cap, r) = rules.int(k("maxDelayMonths"), as_of)?;
            used.keep(&r);
            (Some(start), step.max(1) as i32, cap.max(0) as i32)
        }
        Err(RuleError::NoValue { .. }) => (None, 1, 0),
        Err(e) => return Err(e),
    };
    Ok(TrackRules {
        original_age,
        start,
        step,
        cap,
    })
}

/// Months of delay for a birth month.
fn delay_for(birth: YearMonth, t: &TrackRules) -> i32 {
    match t.start {
        Some(start) if birth >= start => ((birth - start) / t.step + 1).min(t.cap),
        _ => 0,
    }
}

/// The minimum contribution years for retiring in `month`'s year.
fn min_years(
    rules: &Rules<'_>,
    month: YearMonth,
    used: &mut Provenance,
) -> Result<Decimal, RuleError> {
    let jan1 = YearMonth::new(month.year(), 1)
        .map(YearMonth::first_day)
        .unwrap_or(month.first_day());
    let (years, r) = rules.decimal("pension.minContributionYears", jan1)?;
    used.keep(&r);
    Ok(years)
}

/// Computes the statutory retirement month and age for `query` under the
/// rules in force on `as_of`.
pub fn statutory_retirement(
    query: &RetirementQuery,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<RetirementResult, RuleError> {
    let mut used = Provenance::new(lang);
    let t = track_rules(query.track, rules, as_of, &mut used)?;
    let birth = YearMonth::of(query.birth_date);
    let delay = delay_for(birth, &t);
    let original_total = t.original_age as i32 * 12;
    let total = original_total + delay;
    let retirement_month = birth + total;
    let retirement_date =
        add_months(query.birth_date, total).unwrap_or(retirement_month.last_day());
    let original_month = birth + original_total;
    let original_date =
        add_months(query.birth_date, original_total).unwrap_or(original_month.last_day());

    // Flexible window.
    // Flexible retirement exists from 2025-01-01; before that the window is empty.
    let mut window = |key: &'static str| -> Result<i64, RuleError> {
        match rules.int(key, as_of) {
            Ok((months, r)) => {
                used.keep(&r);
                Ok(months)
            }
            Err(RuleError::NoValue { .. }) => Ok(0),
            Err(e) => Err(e),
        }
    };
    let early_max = window("retirement.flexibleEarlyMaxMonths")?;
    let late_max = window("retirement.flexibleLateMaxMonths")?;
    let by_months = retirement_month - early_max as i32;
    let earliest = by_months.max(original_month);
    let latest = retirement_month + late_max as i32;
    let min_at_retirement = min_years(rules, retirement_month, &mut used)?;
    let min_at_earliest = min_years(rules, earliest, &mut used)?;

    let contribution = match query.contribution_months {
        None => None,
        Some(paid) => {
            let now = YearMonth::of(as_of);
            let at = |m: YearMonth| paid as i32 + (m - now).max(0);
            let months_at_retirement = at(retirement_month).max(0) as u32;
            let mut first = None;
            let mut m = earliest;
            while m <= retirement_month {
                let need = min_years(rules, m, &mut used)?;
                if Decimal::from(at(m)) >= need * Decimal::from(12) {
                    first = Some(m);
                    break;
                }
                m = m + 1;
            }
            Some(ContributionCheck {
                months_as_of: paid,
                months_at_retirement,
                meets_minimum_at_retirement: Decimal::from(months_at_retirement)
                    >= min_at_retirement * Decimal::from(12),
                earliest_flexible_month_with_minimum: first,
            })
        }
    };

    let age = Age::of_months(total);
    let track_label = query.track.label();
    let mut steps: Vec<Text> = Vec::new();
    steps.push(Text::new(
        format!(
            "{}的原法定退休年龄是{}周岁。",
            track_label.zh, t.original_age
        ),
        format!(
            "The original statutory retirement age for {} is {}.",
            track_label.en, t.original_age
        ),
    ));
    match t.start {
        Some(start) if birth >= start => {
            let n = birth - start;
            steps.push(Text::new(
                format!(
                    "从 {start} 出生的人员开始延迟：每{}个出生月延迟1个月，最多{}个月。{birth} 出生，比 {start} 晚{n}个月，延迟 {n}÷{}+1 = {}个月{}。",
                    t.step, t.cap, t.step, delay, if delay == t.cap { "（已达上限）" } else { "" }
                ),
                format!(
                    "Delays start with people born in {start}: one month per {} birth months, at most {}. Born {birth}, {n} months after {start}: delay {n}÷{}+1 = {} months{}.",
                    t.step, t.cap, t.step, delay, if delay == t.cap { " (the cap)" } else { "" }
                ),
            ));
        }
        Some(start) => steps.push(Text::new(
            format!("{birth} 出生，早于首个延迟的出生月 {start}，不延迟。"),
            format!("Born {birth}, before the first delayed birth month {start}: no delay."),
        )),
        None => steps.push(Text::new(
            format!("{as_of} 时渐进式延迟退休尚未施行（2025年1月1日起施行），按原规定计算。"),
            format!("On {as_of} the gradual delay was not yet in force (from 2025-01-01): the original rule applies."),
        )),
    }
    steps.push(Text::new(
        format!("法定退休年龄 {}，于 {retirement_date}（{retirement_month}）达到；原规定为 {original_month}。", age.text().zh),
        format!("Statutory retirement age {}, reached on {retirement_date} ({retirement_month}); under the old rule {original_month}.", age.text().en),
    ));
    steps.push(Text::new(
        format!(
            "弹性提前退休最早 {earliest}（{}），{}；弹性延迟退休最晚 {latest}（须与单位协商一致）。",
            Age::of_months(earliest - birth).text().zh,
            if earliest == original_month && by_months < original_month { "不得早于原法定退休年龄" } else { "最多提前3年" }
        ),
        format!(
            "Flexible early retirement from {earliest} ({}), {}; flexible late retirement until {latest} (by agreement with the employer).",
            Age::of_months(earliest - birth).text().en,
            if earliest == original_month && by_months < original_month { "never below the original age" } else { "at most 3 years early" }
        ),
    ));
    steps.push(Text::new(
        format!(
            "{}年退休的最低缴费年限为{}年。",
            retirement_month.year(),
            min_at_retirement.normalize()
        ),
        format!(
            "Retiring in {} needs at least {} years of contributions.",
            retirement_month.year(),
            min_at_retirement.normalize()
        ),
    ));
    if let Some(c) = &contribution {
        steps.push(if c.meets_minimum_at_retirement {
            Text::new(
                format!("按持续缴费计算，到 {retirement_month} 累计缴费{}个月，满足最低缴费年限。", c.months_at_retirement),
                format!("Contributing on, {} months are paid by {retirement_month}: the minimum is met.", c.months_at_retirement),
            )
        } else {
            Text::new(
                format!("按持续缴费计算，到 {retirement_month} 累计缴费{}个月，不足最低缴费年限；可按规定延长缴费或一次性缴费至最低缴费年限后按月领取养老金。", c.months_at_retirement),
                format!("Contributing on, only {} months are paid by {retirement_month}, below the minimum; contributions can be extended or topped up in one payment to reach it.", c.months_at_retirement),
            )
        });
    }

    let stamp = rules.stamp();
    let caveats = used.caveats(&stamp);

    Ok(RetirementResult {
        track: query.track,
        birth_date: query.birth_date,
        age_years: age.years,
        age_months: age.months,
        retirement_month,
        retirement_date,
        delay_months: delay as u32,
        original: OriginalRetirement {
            age_years: t.original_age,
            retirement_month: original_month,
            retirement_date: original_date,
        },
        flexible: FlexibleWindow {
            earliest_month: earliest,
            earliest_age: Age::of_months(earliest - birth),
            earliest_is_original_age: earliest == original_month && by_months < original_month,
            min_contribution_years_at_earliest: min_at_earliest,
            latest_month: latest,
            latest_age: Age::of_months(latest - birth),
        },
        min_contribution_years: min_at_retirement,
        contribution,
        explanation: steps.iter().map(|s| s.get(lang).to_string()).collect(),
        citations: used.citations,
        parameters: used.params,
        caveats,
        as_of,
        pack: stamp,
    })
}

/// Facts the flexible-retirement check (弹性退休) may ask.
pub fn flexible_facts() -> Vec<crate::facts::FactDef> {
    use crate::facts::{Choice, FactDef, FactKind};
    vec![
        FactDef::new("birthDate", FactKind::Date, Text::new("您的出生日期是？", "What is your date of birth?")),
        FactDef::new(
            "track",
            FactKind::Choice {
                options: vec![
                    Choice::new("male", Track::Male.label()),
                    Choice::new("female55", Track::Female55.label()),
                    Choice::new("female50", Track::Female50.label()),
                ],
            },
            Text::new("您属于哪一类？", "Which applies to you?"),
        )
        .hint(Text::new(
            "女职工原法定退休年龄：管理或技术岗位为55周岁，生产岗位为50周岁。灵活就业的女性一般按55周岁，以当地经办为准。",
            "Women's original age: 55 in management or technical posts, 50 in production posts. Women in flexible employment usually count as 55; the local office decides.",
        )),
        FactDef::new("retireMonth", FactKind::Month, Text::new("您打算在哪个月退休？", "In which month do you want to retire?")),
        FactDef::new(
            "contributionMonths",
            FactKind::Number,
            Text::new("到今天为止，您累计缴纳基本养老保险多少个月？", "How many months of pension contributions have you paid so far?"),
        )
        .hint(Text::new("可在社保卡App或12333查询。", "Shown in the social security app or via 12333.")),
        FactDef::new(
            "employerAgrees",
            FactKind::YesNo,
            Text::new("您的单位是否同意您延迟退休？", "Has your employer agreed to your later retirement?"),
        ),
    ]
}

/// Can the person retire in the month they ask (弹性提前 / 弹性延迟退休)?
pub fn flexible_retirement(
    facts: &crate::facts::Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<crate::verdict::Determination, RuleError> {
    use crate::verdict::{Check, Outcome, Verdict};
    let mut v = Verdict::new("flexibleRetirement", rules, as_of, lang);
    let cite3 = rules.lookup("retirement.flexibleEarlyMaxMonths", as_of)?;
    let birth = facts.date("birthDate");
    let track = facts.choice("track").and_then(Track::parse);
    let want = facts.month("retireMonth");
    let window_label = Text::new(
        "退休月份在弹性退休范围内",
        "Retirement month within the flexible window",
    );
    let result = match (birth, track) {
        (Some(b), Some(t)) => Some(statutory_retirement(
            &RetirementQuery {
                birth_date: b,
                track: t,
                contribution_months: None,
            },
            rules,
            as_of,
            lang,
        )?),
        _ => None,
    };
    let window = Check::new("window", window_label.clone()).param(&cite3, lang);
    match (&result, want) {
        (Some(r), Some(m)) => {
            let range = Text::new(
                format!(
                    "{} 至 {}",
                    r.flexible.earliest_month, r.flexible.latest_month
                ),
                format!(
                    "{} to {}",
                    r.flexible.earliest_month, r.flexible.latest_month
                ),
            );
            let check = window.compared(Text::new(m.to_string(), m.to_string()), range);
            v.add(if m < r.flexible.earliest_month {
                check.not_met(Text::new(
                    format!(
                        "{m} 早于最早可弹性提前退休的 {}（{}）。",
                        r.flexible.earliest_month,
                        r.flexible.earliest_age.text().zh
                    ),
                    format!(
                        "{m} is before the earliest flexible retirement month, {} ({}).",
                        r.flexible.earliest_month,
                        r.flexible.earliest_age.text().en
                    ),
                ))
            } else if m > r.flexible.latest_month {
                check.not_met(Text::new(
                    format!("{m} 晚于最晚可弹性延迟退休的 {}。", r.flexible.latest_month),
                    format!(
                        "{m} is after the latest flexible retirement month, {}.",
                        r.flexible.latest_month
                    ),
                ))
            } else {
                check.met(Text::new(
                    format!(
                        "{m} 在 {} 至 {} 之间；法定退休月份为 {}。",
                        r.flexible.earliest_month, r.flexible.latest_month, r.retirement_month
                    ),
                    format!(
                        "{m} is between {} and {}; the statutory month is {}.",
                        r.flexible.earliest_month, r.flexible.latest_month, r.retirement_month
                    ),
                ))
            });
        }
        _ => v.add(window.unknown(
            Text::new(
                "需要出生日期、退休年龄类别和打算退休的月份。",
                "Needs the birth date, the track and the month wanted.",
            ),
            &["birthDate", "track", "retireMonth"],
        )),
    }
    if v.outcome() == Outcome::Ineligible {
        return Ok(v.finish(facts, &flexible_facts(), summary_flexible));
    }
    // Early retirement needs the minimum contribution years by then.
    let contribution_label = Text::new(
        "提前退休时已达到最低缴费年限",
        "Minimum contribution years met when retiring early",
    );
    match (&result, want) {
        (Some(r), Some(m)) if m >= r.retirement_month => {}
        (Some(_), Some(m)) => {
            let need = min_years(rules, m, &mut Provenance::new(lang))?;
            let need_months = need * Decimal::from(12);
            let (_, pr) = rules.decimal(
                "pension.minContributionYears",
                YearMonth::new(m.year(), 1)
                    .map(YearMonth::first_day)
                    .unwrap_or(as_of),
            )?;
            let check = Check::new("minContribution", contribution_label).param(&pr, lang);
            match facts.number("contributionMonths") {
                Some(paid) => {
                    let at = paid + i64::from((m - YearMonth::of(as_of)).max(0));
                    let ok = Decimal::from(at) >= need_months;
                    v.add(
                        check
                            .compared(
                                Text::new(format!("{at}个月"), format!("{at} months")),
                                Text::new(format!("≥ {}个月（{}年）", need_months.normalize(), need.normalize()), format!("≥ {} months ({} years)", need_months.normalize(), need.normalize())),
                            )
                            .decide(
                                ok,
                                Text::new(
                                    format!("按持续缴费计，到 {m} 累计 {at} 个月，达到 {} 年退休的最低缴费年限 {} 年。", m.year(), need.normalize()),
                                    format!("Contributing on, {at} months by {m}: meets the {} minimum of {} years.", m.year(), need.normalize()),
                                ),
                                Text::new(
                                    format!("按持续缴费计，到 {m} 只有 {at} 个月，不足 {} 年退休的最低缴费年限 {} 年，不能弹性提前退休。", m.year(), need.normalize()),
                                    format!("Contributing on, only {at} months by {m}, below the {} minimum of {} years: early retirement is not possible.", m.year(), need.normalize()),
                                ),
                            ),
                    );
                }
                None => v.add(check.unknown(
                    Text::new("需要已缴费月数。", "Needs the months of contributions."),
                    &["contributionMonths"],
                )),
            }
        }
        _ => v.add(Check::new("minContribution", contribution_label).unknown(
            Text::new(
                "若提前退休，需要已缴费月数。",
                "If retiring early, needs the months of contributions.",
            ),
            &["birthDate", "track", "retireMonth", "contributionMonths"],
        )),
    }
    // Late retirement needs the employer's agreement.
    if let (Some(r), Some(m)) = (&result, want) {
        if m > r.retirement_month {
            let check = Check::new(
                "employerAgreement",
                Text::new("单位同意延迟退休", "Employer agrees to later retirement"),
            )
            .param(&cite3, lang);
            v.add(match facts.yes_no("employerAgrees") {
                Some(ok) => check.decide(
                    ok,
                    Text::new(
                        "单位与职工协商一致，可以弹性延迟退休。",
                        "Employer and employee agree: later retirement is possible.",
                    ),
                    Text::new(
                        "弹性延迟退休须单位与职工协商一致。",
                        "Later retirement needs the employer's agreement.",
                    ),
                ),
                None => check.unknown(
                    Text::new("需要确认单位是否同意。", "Needs the employer's answer."),
                    &["employerAgrees"],
                ),
            });
        }
    }
    Ok(v.finish(facts, &flexible_facts(), summary_flexible))
}

fn summary_flexible(o: crate::verdict::Outcome) -> Text {
    use crate::verdict::Outcome::*;
    match o {
        Eligible => Text::new(
            "可以在所选月份退休。",
            "You can retire in the month you chose.",
        ),
        Ineligible => Text::new(
            "不能在所选月份退休，原因见下。",
            "You cannot retire in the month you chose; see why below.",
        ),
        Undetermined => Text::new("还需要几项信息才能判断。", "A few more answers are needed."),
    }
}
