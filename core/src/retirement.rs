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
use crate::pack::{Figure, Recorder, RuleError, Rules, Sourced};
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Which retirement-age track applies. The ages of each track are parameters
/// (`retirement.<track>.originalAge`, `.maxDelayMonths`): [`track_label`] states them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Track {
    /// 男职工.
    Male,
    /// 原法定退休年龄较高一档的女职工 (management or technical posts).
    Female55,
    /// 原法定退休年龄较低一档的女职工 (production posts).
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

    /// The track's name, without its ages (see [`track_label`] for those).
    pub fn label(self) -> Text {
        match self {
            Track::Male => t!("男职工", "men"),
            Track::Female55 => t!(
                "管理或技术岗位女职工",
                "women in management or technical posts"
            ),
            Track::Female50 => t!("生产岗位女职工", "women in production posts"),
        }
    }

    /// The pack key of one of the track's parameters.
    fn param(self, name: Field) -> &'static str {
        use Field::*;
        match (self, name) {
            (Track::Male, OriginalAge) => "retirement.male.originalAge",
            (Track::Male, ReformStart) => "retirement.male.reformStart",
            (Track::Male, StepMonths) => "retirement.male.stepMonths",
            (Track::Male, MaxDelay) => "retirement.male.maxDelayMonths",
            (Track::Female55, OriginalAge) => "retirement.female55.originalAge",
            (Track::Female55, ReformStart) => "retirement.female55.reformStart",
            (Track::Female55, StepMonths) => "retirement.female55.stepMonths",
            (Track::Female55, MaxDelay) => "retirement.female55.maxDelayMonths",
            (Track::Female50, OriginalAge) => "retirement.female50.originalAge",
            (Track::Female50, ReformStart) => "retirement.female50.reformStart",
            (Track::Female50, StepMonths) => "retirement.female50.stepMonths",
            (Track::Female50, MaxDelay) => "retirement.female50.maxDelayMonths",
        }
    }
}

#[derive(Clone, Copy)]
enum Field {
    OriginalAge,
    ReformStart,
    StepMonths,
    MaxDelay,
}

/// The question: whose retirement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RetirementQuery {
    #[serde(deserialize_with = "crate::dates::serde_loose::date")]
    pub birth_date: NaiveDate,
    pub track: Track,
    /// Months (not years) of pension contributions paid as of `asOf`, if
    /// known (180 = 15 years); then the result says when the minimum is met,
    /// assuming contributions continue. More than the months since birth is
    /// set aside with a problem.
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
            t!("{}周岁", "{} years"; self.years)
        } else {
            t!("{}周岁{}个月", "{} years {} months"; self.years, self.months)
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
    /// `retirement.flexibleEarlyMaxMonths` before the new one.
    pub earliest_is_original_age: bool,
    /// Minimum contribution in years (`"15.5"` = 15 years 6 months) for
    /// retiring in the earliest month's year.
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

/// Something about the question the answer had to set aside: an impossible
/// contribution count, a date of birth after `asOf`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RetirementProblem {
    /// `birthDateAfterAsOf`, `contributionMonthsTooMany`.
    pub code: String,
    /// The input field it is about (`birthDate`, `contributionMonths`).
    pub path: String,
    pub message: String,
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
    /// Months added to the original age by the 2025 reform.
    pub delay_months: u32,
    pub original: OriginalRetirement,
    pub flexible: FlexibleWindow,
    /// Minimum contribution in years (`"15.5"` = 15 years 6 months) for a
    /// monthly pension when retiring at the statutory age.
    pub min_contribution_years: Decimal,
    /// Omitted when `contributionMonths` was not given, or could not be right
    /// (then a problem says so).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contribution: Option<ContributionCheck>,
    /// What in the question was set aside, and why (empty when nothing was).
    pub problems: Vec<RetirementProblem>,
    /// The steps, in plain words.
    pub explanation: Vec<String>,
    pub as_of: NaiveDate,
    /// Citations, parameters, caveats and the pack stamp.
    #[serde(flatten)]
    pub sourced: Sourced,
}

/// The gradual delay of one track, once in force.
struct Reform {
    start: Figure<YearMonth>,
    step: Figure<i64>,
    cap: Figure<i64>,
}

/// Parameters of one track on a date.
struct TrackRules {
    /// The original statutory age, in months.
    original_months: i32,
    reform: Option<Reform>,
}

impl TrackRules {
    fn original_age(&self) -> Age {
        Age::of_months(self.original_months)
    }
    /// The statutory age once the delay is at its cap.
    fn final_age(&self) -> Age {
        let cap = self.reform.as_ref().map_or(0, |r| r.cap.value as i32);
        Age::of_months(self.original_months + cap)
    }
    /// Months of delay for a birth month.
    fn delay_for(&self, birth: YearMonth) -> i32 {
        match &self.reform {
            Some(r) if birth >= r.start.value => {
                let step = r.step.value.max(1) as i32;
                ((birth - r.start.value) / step + 1).min(r.cap.value.max(0) as i32)
            }
            _ => 0,
        }
    }
}

/// The track's parameters on `as_of`, each read through `rec`.
fn track_rules(
    track: Track,
    rec: &mut Recorder<'_>,
    as_of: NaiveDate,
) -> Result<TrackRules, RuleError> {
    let key = track.param(Field::OriginalAge);
    let age = rec.decimal(key, as_of)?;
    let original_months = (age.value * Decimal::from(12))
        .trunc()
        .to_i32()
        .ok_or_else(|| RuleError::WrongUnit { key: key.into() })?;
    // Before the reform is in force (its start has no value yet) there is no delay.
    let reform = match rec.month(track.param(Field::ReformStart), as_of) {
        Ok(start) => Some(Reform {
            start,
            step: rec.int(track.param(Field::StepMonths), as_of)?,
            cap: rec.int(track.param(Field::MaxDelay), as_of)?,
        }),
        Err(RuleError::NoValue { .. }) => None,
        Err(e) => return Err(e),
    };
    Ok(TrackRules {
        original_months,
        reform,
    })
}

/// A track's ages on `date`, from the packs: "原法定退休年龄60周岁，逐步延迟到63周岁"
/// (before the reform: "法定退休年龄60周岁").
///
/// ```
/// use chrono::NaiveDate;
/// use zhuchuang_core::pack::PackSet;
/// use zhuchuang_core::retirement::{track_ages, track_label, Track};
/// let packs = PackSet::embedded().unwrap();
/// let rules = packs.rules("000000").unwrap();
/// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// assert_eq!(track_ages(&rules, day, Track::Female50).unwrap().zh, "原法定退休年龄50周岁，逐步延迟到55周岁");
/// assert_eq!(track_label(&rules, day, Track::Male).unwrap().en, "men (originally 60 years, rising to 63 years)");
/// ```
pub fn track_ages(rules: &Rules<'_>, date: NaiveDate, track: Track) -> Result<Text, RuleError> {
    let mut rec = Recorder::new(rules, Lang::ZhCn);
    let tr = track_rules(track, &mut rec, date)?;
    Ok(match tr.reform {
        Some(_) => t!(
            "原法定退休年龄{}，逐步延迟到{}",
            "originally {}, rising to {}";
            tr.original_age().text(),
            tr.final_age().text()
        ),
        None => t!("法定退休年龄{}", "retirement age {}"; tr.original_age().text()),
    })
}

/// A track's name with its ages on `date`: "男职工（原法定退休年龄60周岁，逐步延迟到63周岁）".
/// The one wording of a track that forms and answers show.
pub fn track_label(rules: &Rules<'_>, date: NaiveDate, track: Track) -> Result<Text, RuleError> {
    let ages = track_ages(rules, date, track)?;
    Ok(t!("{}（{}）", "{} ({})"; track.label(), ages))
}

/// The minimum contribution years for retiring in `month`'s year (the value in
/// force on 1 January of that year), read through `rec`.
pub fn min_years(rec: &mut Recorder<'_>, month: YearMonth) -> Result<Figure<Decimal>, RuleError> {
    let jan1 = YearMonth::new(month.year(), 1)
        .map(YearMonth::first_day)
        .unwrap_or(month.first_day());
    rec.decimal("pension.minContributionYears", jan1)
}

/// The statutory retirement date of [`statutory_retirement`] alone (its
/// `retirementDate`), with the same errors, without wording the explanation
/// or recording the figures (for rules that only compare with the date).
pub fn retirement_date(
    query: &RetirementQuery,
    rules: &Rules<'_>,
    as_of: NaiveDate,
) -> Result<NaiveDate, RuleError> {
    let mut rec = Recorder::new(rules, Lang::ZhCn);
    let t = track_rules(query.track, &mut rec, as_of)?;
    let birth = YearMonth::of(query.birth_date);
    let total = t.original_months + t.delay_for(birth);
    let retirement_month = birth + total;
    let original_month = birth + t.original_months;
    // The readings statutory_retirement makes next, for the same errors.
    let window = |key: &'static str| -> Result<i32, RuleError> {
        match rules.int(key, as_of) {
            Ok((months, _)) => Ok(months as i32),
            Err(RuleError::NoValue { .. }) => Ok(0),
            Err(e) => Err(e),
        }
    };
    let earliest =
        (retirement_month - window("retirement.flexibleEarlyMaxMonths")?).max(original_month);
    window("retirement.flexibleLateMaxMonths")?;
    for m in [retirement_month, earliest] {
        let jan1 = YearMonth::new(m.year(), 1)
            .map(YearMonth::first_day)
            .unwrap_or(m.first_day());
        rules.decimal("pension.minContributionYears", jan1)?;
    }
    Ok(add_months(query.birth_date, total).unwrap_or(retirement_month.last_day()))
}

/// Computes the statutory retirement month and age for `query` under the
/// rules in force on `as_of`.
pub fn statutory_retirement(
    query: &RetirementQuery,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<RetirementResult, RuleError> {
    let mut rec = Recorder::new(rules, lang);
    let t = track_rules(query.track, &mut rec, as_of)?;
    let birth = YearMonth::of(query.birth_date);
    let delay = t.delay_for(birth);
    let original_total = t.original_months;
    let total = original_total + delay;
    let retirement_month = birth + total;
    let retirement_date =
        add_months(query.birth_date, total).unwrap_or(retirement_month.last_day());
    let original_month = birth + original_total;
    let original_date =
        add_months(query.birth_date, original_total).unwrap_or(original_month.last_day());

    // Flexible window.
    // Flexible retirement exists from 2025-01-01; before that the window is empty.
    let mut window = |key: &'static str| -> Result<Option<Figure<i64>>, RuleError> {
        match rec.int(key, as_of) {
            Ok(months) => Ok(Some(months)),
            Err(RuleError::NoValue { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    };
    let early_max = window("retirement.flexibleEarlyMaxMonths")?;
    let late_max = window("retirement.flexibleLateMaxMonths")?;
    let by_months = retirement_month - early_max.as_ref().map_or(0, |f| f.value as i32);
    let earliest = by_months.max(original_month);
    let latest = retirement_month + late_max.as_ref().map_or(0, |f| f.value as i32);
    let min_at_retirement = min_years(&mut rec, retirement_month)?;
    let min_at_earliest = min_years(&mut rec, earliest)?;

    let mut problems: Vec<(&str, &str, Text)> = Vec::new();
    if query.birth_date > as_of {
        problems.push((
            "birthDateAfterAsOf",
            "birthDate",
            t!(
                "出生日期（{}）晚于计算日期（{}），请检查出生日期。",
                "The date of birth ({}) is after the date of the calculation ({}): check the date of birth.";
                query.birth_date, as_of
            ),
        ));
    }
    // More months paid than months lived cannot be right: the check would be
    // a silent number.
    let lived = (YearMonth::of(as_of) - birth).max(0);
    let paid_months = match query.contribution_months {
        Some(paid) if i64::from(paid) > i64::from(lived) => {
            problems.push((
                "contributionMonthsTooMany",
                "contributionMonths",
                t!(
                    "已缴费{}个月，比出生至今的{}个月还多，无法核对最低缴费年限；请按月数填写实际缴费（不是年数，12个月为1年）。",
                    "{} months of contributions is more than the {} months since birth, so the minimum cannot be checked; enter the months actually paid (not years: 12 months make a year).";
                    paid, lived
                ),
            ));
            None
        }
        other => other,
    };
    let contribution = match paid_months {
        None => None,
        Some(paid) => {
            let now = YearMonth::of(as_of);
            let at = |m: YearMonth| paid as i32 + (m - now).max(0);
            let months_at_retirement = at(retirement_month).max(0) as u32;
            let mut first = None;
            let mut m = earliest;
            while m <= retirement_month {
                let need = min_years(&mut rec, m)?.value;
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
                    >= min_at_retirement.value * Decimal::from(12),
                earliest_flexible_month_with_minimum: first,
            })
        }
    };

    let age = Age::of_months(total);
    let earliest_age = Age::of_months(earliest - birth);
    let earliest_is_original = earliest == original_month && by_months < original_month;
    let mut steps: Vec<Text> = Vec::new();
    steps.push(t!(
        "{}的原法定退休年龄是{}。",
        "The original statutory retirement age for {} is {}.";
        query.track.label(),
        t.original_age().text()
    ));
    match &t.reform {
        Some(r) if birth >= r.start.value => {
            let (start, n) = (r.start.value, birth - r.start.value);
            let capped = if delay as i64 == r.cap.value {
                t!("（已达上限）", " (the cap)")
            } else {
                t!("", "")
            };
            steps.push(t!(
                "从 {} 出生的人员开始延迟：每{}个出生月延迟一个月，最多{}。{} 出生，比 {} 晚{}个月，延迟 {}÷{}+1 = {}个月{}。",
                "Delays start with people born in {0}: one month per {1} birth months, at most {2}. Born {3}, {5} months after {4}: delay {6}÷{7}+1 = {8} months{9}.";
                start, r.step.value, r.cap.shown, birth, start, n, n, r.step.value, delay, capped
            ));
        }
        Some(r) => steps.push(t!(
            "{} 出生，早于首个延迟的出生月 {}，不延迟。",
            "Born {}, before the first delayed birth month {}: no delay.";
            birth, r.start.value
        )),
        None => {
            let from = rec
                .timeline(query.track.param(Field::ReformStart))?
                .first()
                .map(|r| r.entry.from);
            steps.push(match from {
                Some(from) => t!(
                    "{} 时渐进式延迟退休尚未施行（{} 起施行），按原规定计算。",
                    "On {} the gradual delay was not yet in force (from {}): the original rule applies.";
                    as_of, from
                ),
                None => t!(
                    "{} 时渐进式延迟退休尚未施行，按原规定计算。",
                    "On {} the gradual delay was not in force: the original rule applies.";
                    as_of
                ),
            });
        }
    }
    steps.push(t!(
        "法定退休年龄 {}，于 {}（{}）达到；原规定为 {}。",
        "Statutory retirement age {}, reached on {} ({}); under the old rule {}.";
        age.text(), retirement_date, retirement_month, original_month
    ));
    let early_limit = if earliest_is_original {
        t!("不得早于原法定退休年龄", "never below the original age")
    } else {
        match &early_max {
            Some(f) => t!("最多提前{}", "at most {} early"; f.shown),
            None => t!("不提前", "no earlier"),
        }
    };
    steps.push(t!(
        "弹性提前退休最早 {}（{}），{}；弹性延迟退休最晚 {}（须与单位协商一致）。",
        "Flexible early retirement from {} ({}), {}; flexible late retirement until {} (by agreement with the employer).";
        earliest, earliest_age.text(), early_limit, latest
    ));
    steps.push(t!(
        "{}年退休的最低缴费年限为{}。",
        "Retiring in {} needs at least {} of contributions.";
        retirement_month.year(),
        min_at_retirement.shown
    ));
    if let Some(c) = &contribution {
        steps.push(if c.meets_minimum_at_retirement {
            t!(
                "按持续缴费计算，到 {} 累计缴费{}个月，满足最低缴费年限。",
                "Contributing on, {1} months are paid by {0}: the minimum is met.";
                retirement_month, c.months_at_retirement
            )
        } else {
            t!(
                "按持续缴费计算，到 {} 累计缴费{}个月，不足最低缴费年限；可按规定延长缴费或一次性缴费至最低缴费年限后按月领取养老金。",
                "Contributing on, only {1} months are paid by {0}, below the minimum; contributions can be extended or topped up in one payment to reach it.";
                retirement_month, c.months_at_retirement
            )
        });
    }

    Ok(RetirementResult {
        track: query.track,
        birth_date: query.birth_date,
        age_years: age.years,
        age_months: age.months,
        retirement_month,
        retirement_date,
        delay_months: delay as u32,
        original: OriginalRetirement {
            age_years: t.original_age().years,
            retirement_month: original_month,
            retirement_date: original_date,
        },
        flexible: FlexibleWindow {
            earliest_month: earliest,
            earliest_age,
            earliest_is_original_age: earliest_is_original,
            min_contribution_years_at_earliest: min_at_earliest.value,
            latest_month: latest,
            latest_age: Age::of_months(latest - birth),
        },
        min_contribution_years: min_at_retirement.value,
        contribution,
        problems: problems
            .into_iter()
            .map(|(code, path, t)| RetirementProblem {
                code: code.into(),
                path: path.into(),
                message: t.get(lang).to_string(),
            })
            .collect(),
        explanation: steps.iter().map(|s| s.get(lang).to_string()).collect(),
        as_of,
        sourced: rec.finish(),
    })
}

/// The hint that helps a woman pick her track, with the original ages the
/// packs give on `date` (without them if the packs have none then).
pub fn track_hint(rules: &Rules<'_>, date: NaiveDate) -> Text {
    let original = |track: Track| -> Option<Text> {
        let mut rec = Recorder::new(rules, Lang::ZhCn);
        track_rules(track, &mut rec, date)
            .ok()
            .map(|t| t.original_age().text())
    };
    match (original(Track::Female55), original(Track::Female50)) {
        (Some(high), Some(low)) => t!(
            "女职工原法定退休年龄：管理或技术岗位为{}，生产岗位为{}。灵活就业的女性一般按{}，以当地经办为准。",
            "Women's original age: {} in management or technical posts, {} in production posts. Women in flexible employment usually count as {}; the local office decides.";
            high, low, high
        ),
        _ => t!(
            "女职工的原法定退休年龄按岗位分为管理或技术岗位、生产岗位两类；灵活就业的女性一般按管理或技术岗位计，以当地经办为准。",
            "Women's original age depends on the post (management or technical, or production); women in flexible employment usually count as management or technical; the local office decides."
        ),
    }
}

/// Facts the flexible-retirement check (弹性退休) may ask, with the track ages
/// the packs give on `date` (a track whose ages have no value then is named
/// without them).
pub fn flexible_facts(rules: &Rules<'_>, date: NaiveDate) -> Vec<crate::facts::FactDef> {
    use crate::facts::{Choice, FactDef, FactKind};
    let labelled = |track: Track| track_label(rules, date, track).unwrap_or(track.label());
    let women = track_hint(rules, date);
    vec![
        FactDef::new(
            "birthDate",
            FactKind::Date,
            t!("您的出生日期是？", "What is your date of birth?"),
        ),
        FactDef::new(
            "track",
            FactKind::Choice {
                options: Track::ALL
                    .into_iter()
                    .map(|t| Choice::new(t.key(), labelled(t)))
                    .collect(),
            },
            t!("您属于哪一类？", "Which applies to you?"),
        )
        .hint(women),
        FactDef::new(
            "retireMonth",
            FactKind::Month,
            t!(
                "您打算在哪个月退休？",
                "In which month do you want to retire?"
            ),
        )
        .label(t!("退休月份", "retirement month")),
        FactDef::new(
            "contributionMonths",
            FactKind::Number,
            t!(
                "到今天为止，您累计缴纳基本养老保险多少个月？",
                "How many months of pension contributions have you paid so far?"
            ),
        )
        .hint(t!(
            "可在社保卡App或12333查询。",
            "Shown in the social security app or via 12333."
        )),
        FactDef::new(
            "employerAgrees",
            FactKind::YesNo,
            t!(
                "您的单位是否同意您延迟退休？",
                "Has your employer agreed to your later retirement?"
            ),
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
    let defs = flexible_facts(rules, as_of);
    let mut v = Verdict::new("flexibleRetirement", rules, as_of, lang);
    let cite3 = rules.lookup("retirement.flexibleEarlyMaxMonths", as_of)?;
    let birth = facts.date("birthDate");
    let track = facts.choice("track").and_then(Track::parse);
    let want = facts.month("retireMonth");
    let window_label = t!(
        "退休月份在弹性退休范围内",
        "Retirement month within the flexible window"
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
            let (earliest, latest) = (r.flexible.earliest_month, r.flexible.latest_month);
            let range = t!("{} 至 {}", "{} to {}"; earliest, latest);
            let check = window.compared(t!("{}", "{}"; m), range);
            v.add(if m < earliest {
                check.not_met(t!(
                    "{} 早于最早可弹性提前退休的 {}（{}）。",
                    "{} is before the earliest flexible retirement month, {} ({}).";
                    m, earliest, r.flexible.earliest_age.text()
                ))
            } else if m > latest {
                check.not_met(t!(
                    "{} 晚于最晚可弹性延迟退休的 {}。",
                    "{} is after the latest flexible retirement month, {}.";
                    m, latest
                ))
            } else {
                check.met(t!(
                    "{} 在 {} 至 {} 之间；法定退休月份为 {}。",
                    "{} is between {} and {}; the statutory month is {}.";
                    m, earliest, latest, r.retirement_month
                ))
            });
        }
        _ => v.add(window.unknown(
            t!(
                "需要出生日期、退休年龄类别和打算退休的月份。",
                "The date of birth, the retirement track and the month you want to retire in are needed."
            ),
            &["birthDate", "track", "retireMonth"],
        )),
    }
    if v.outcome() == Outcome::Ineligible {
        return Ok(v.finish(facts, &defs, summary_flexible));
    }
    // Early retirement needs the minimum contribution years by then.
    let contribution_label = t!(
        "提前退休时已达到最低缴费年限",
        "Minimum contribution years met when retiring early"
    );
    match (&result, want) {
        (Some(r), Some(m)) if m >= r.retirement_month => {}
        (Some(_), Some(m)) => {
            let mut rec = Recorder::new(rules, lang);
            let need = min_years(&mut rec, m)?;
            let need_months = need.value * Decimal::from(12);
            let pr = rules.lookup(
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
                    let year = m.year();
                    v.add(
                        check
                            .compared(
                                t!("{}个月", "{} months"; at),
                                t!("≥ {}个月（{}）", "≥ {} months ({})"; need_months.normalize(), need.shown),
                            )
                            .decide(
                                ok,
                                t!(
                                    "按持续缴费计，到 {} 累计 {} 个月，达到 {} 年退休的最低缴费年限 {}。",
                                    "If you keep contributing, you will have {1} months by {0}, which meets the minimum of {3} for retiring in {2}.";
                                    m, at, year, need.shown
                                ),
                                t!(
                                    "按持续缴费计，到 {} 只有 {} 个月，不足 {} 年退休的最低缴费年限 {}，不能弹性提前退休。",
                                    "If you keep contributing, you will have only {1} months by {0}, below the minimum of {3} for retiring in {2}, so early retirement is not possible.";
                                    m, at, year, need.shown
                                ),
                            ),
                    );
                }
                None => v.add(check.unknown(
                    t!(
                        "需要已缴费月数。",
                        "The months of pension contributions paid so far are needed."
                    ),
                    &["contributionMonths"],
                )),
            }
        }
        _ => v.add(
            Check::new("minContribution", contribution_label)
                .param(&rules.lookup("pension.minContributionYears", as_of)?, lang)
                .unknown(
                    t!(
                        "若提前退休，需要已缴费月数。",
                        "If you retire early, the months of pension contributions paid so far are needed."
                    ),
                    &["birthDate", "track", "retireMonth", "contributionMonths"],
                ),
        ),
    }
    // Late retirement needs the employer's agreement.
    if let (Some(r), Some(m)) = (&result, want) {
        if m > r.retirement_month {
            let check = Check::new(
                "employerAgreement",
                t!("单位同意延迟退休", "Employer agrees to later retirement"),
            )
            .param(&cite3, lang);
            v.add(match facts.yes_no("employerAgrees") {
                Some(ok) => check.decide(
                    ok,
                    t!(
                        "单位与职工协商一致，可以弹性延迟退休。",
                        "You and your employer agree, so later retirement is possible."
                    ),
                    t!(
                        "弹性延迟退休须单位与职工协商一致。",
                        "Later retirement needs the employer's agreement."
                    ),
                ),
                None => check.unknown(
                    t!(
                        "需要确认单位是否同意。",
                        "Whether your employer agrees is not answered yet."
                    ),
                    &["employerAgrees"],
                ),
            });
        }
    }
    Ok(v.finish(facts, &defs, summary_flexible))
}

fn summary_flexible(o: crate::verdict::Outcome) -> Text {
    use crate::verdict::Outcome::*;
    match o {
        Eligible => t!(
            "可以在所选月份退休。",
            "You can retire in the month you chose."
        ),
        Ineligible => t!(
            "不能在所选月份退休，原因见下。",
            "You cannot retire in the month you chose; see why below."
        ),
        Undetermined => t!("还需要几项信息才能判断。", "A few more answers are needed."),
    }
}
