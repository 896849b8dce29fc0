//! Subsidy periods and amounts (补贴期限和金额), month by month.
//!
//! Programs: `flexibleDifficult` (就业困难人员灵活就业或个体经营社保补贴),
//! `flexibleGraduate` (离校2年内高校毕业生灵活就业社保补贴), `employerDifficult`
//! (单位招用就业困难人员社保补贴) and `publicWelfarePost` (公益性岗位: the
//! employer's social insurance subsidy plus the post subsidy).
//!
//! # Month rules
//! - Periods are calendar months. The **first month** is the month of `startOn`
//!   (default: `firstApprovedOn`), whatever the day, unless the day is after
//!   `subsidy.startDayCutoff` (default 31, i.e. never); then it is the next month.
//!   A start on the 31st therefore counts its own month.
//! - **Length**: the program's maximum (`subsidy.socialInsurance.maxMonths`,
//!   36; graduates `subsidy.graduate.maxMonths`, 24; posts
//!   `publicWelfarePost.maxMonths`) less `monthsUsed` in earlier approvals.
//! - **Near retirement** (not for graduates): if on `firstApprovedOn` fewer than
//!   `subsidy.nearRetirement.thresholdMonths` (60) remain until the day the
//!   statutory retirement age (as delayed from 2025) is reached, the period runs
//!   until retirement instead. "Fewer" is strict: exactly 5 years 0 months left is
//!   not extended. It is judged on the first approval only (以初次核定时年龄为准).
//! - **Retirement month**: no period passes it; it is itself paid when
//!   `subsidy.includeRetirementMonth` (default true).
//! - **Stop events** end the period: with `subsidy.stopEventRule` =
//!   `previousMonth` (default) the last month paid is the month before the event's.
//! - Leap years need no rule: months are counted, and the retirement day comes
//!   from the month-end rule of [`crate::dates`].
//!
//! # Arguments
//! Nothing becomes a silent number: months already used at or past the
//! maximum (unless the period runs to retirement), a first approval after the
//! retirement month, a start after the last month that can be paid, a stop
//! event that ends the period before its first month, a base without rates (or
//! rates without a base) and a month listed twice are [`PlanError::Input`]
//! errors naming the field; contributions for months outside the period, or
//! none at all, are said in a caveat. A plan therefore has at least one month.
//!
//! # Amounts
//! Per month and per insurance kind, the share of what was actually paid
//! (`subsidy.flexible.share` 2/3, `subsidy.graduate.share` 2/3,
//! `subsidy.employer.share` 1), rounded to the fen by `money.rounding`; then the
//! month's total is capped at `subsidy.flexible.monthlyCap` where the local pack
//! sets one. The post subsidy is the local minimum wage in force on the first day
//! of each month times `subsidy.postSubsidy.minWageShare`. The total is the sum of
//! the monthly amounts, so they always agree.

use crate::dates::YearMonth;
use crate::money::{Ratio, Rounding};
use crate::pack::{Recorder, RuleError, Rules, Sourced};
use crate::retirement::{statutory_retirement, RetirementQuery, Track};
use crate::text::{Lang, Text};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which subsidy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Program {
    FlexibleDifficult,
    FlexibleGraduate,
    EmployerDifficult,
    PublicWelfarePost,
}

impl Program {
    /// The program's name; the graduates' states `subsidy.graduate.monthsSinceLeaving`.
    fn title(self, rec: &mut Recorder<'_>, date: NaiveDate) -> Result<Text, RuleError> {
        Ok(match self {
            Program::FlexibleDifficult => t!(
                "就业困难人员灵活就业社会保险补贴",
                "Social insurance subsidy, difficult-to-employ person in flexible work"
            ),
            Program::FlexibleGraduate => {
                let since = rec.int("subsidy.graduate.monthsSinceLeaving", date)?;
                t!(
                    "离校{}内高校毕业生灵活就业社会保险补贴",
                    "Social insurance subsidy, graduate within {} of leaving school, in flexible work";
                    in_years(since.value, &since.shown)
                )
            }
            Program::EmployerDifficult => t!(
                "单位招用就业困难人员社会保险补贴",
                "Employer's social insurance subsidy for hiring a difficult-to-employ person"
            ),
            Program::PublicWelfarePost => t!(
                "公益性岗位补贴（岗位补贴和社会保险补贴）",
                "Public-welfare post subsidy (post and social insurance)"
            ),
        })
    }
    fn extends(self) -> bool {
        !matches!(self, Program::FlexibleGraduate)
    }
}

/// A number of months in whole years where it is whole years ("2年"), else as
/// the pack shows it ("18个月").
fn in_years(months: i64, shown: &Text) -> Text {
    if months > 0 && months % 12 == 0 {
        t!("{}年", "{} years"; months / 12)
    } else {
        shown.clone()
    }
}

/// The person the subsidy is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    #[serde(deserialize_with = "crate::dates::serde_loose::date")]
    pub birth_date: NaiveDate,
    pub retirement_track: Track,
}

/// Amounts by insurance kind: each the whole month's contribution actually
/// paid (yuan a month; for an employer, the employer's part it paid), or a
/// subsidy of that kind (yuan a month), or, in `contributions.rates`, a rate
/// as a ratio of the base (`"0.20"` = 20%).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct KindAmounts {
    #[serde(serialize_with = "crate::money::ser::option_decimal")]
    pub pension: Option<Decimal>,
    #[serde(serialize_with = "crate::money::ser::option_decimal")]
    pub medical: Option<Decimal>,
    #[serde(serialize_with = "crate::money::ser::option_decimal")]
    pub unemployment: Option<Decimal>,
}

/// A month's contributions, for `contributions.months`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MonthAmounts {
    pub month: YearMonth,
    #[serde(flatten)]
    pub amounts: KindAmounts,
}

/// The contributions actually paid: the same every month (`perMonth`), a base
/// and rates (`base` × `rates`), or month by month (`months`; a month not listed
/// had no contribution). Later forms override earlier ones for the months they cover.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Contributions {
    /// The same contributions every month, yuan a month by kind.
    pub per_month: Option<KindAmounts>,
    /// The contribution base, yuan a month (needs `rates`).
    pub base: Option<Decimal>,
    /// Rates as ratios of the base, 0 to 1, e.g. `{ "pension": "0.20" }` for
    /// 20% (needs `base`; `20` is refused).
    pub rates: Option<KindAmounts>,
    /// Month by month, yuan by kind; each month once.
    pub months: Vec<MonthAmounts>,
}

/// A change that stops the subsidy (see `assistancePlan` for the kinds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StopEvent {
    pub kind: crate::event::EventKind,
    #[serde(deserialize_with = "crate::dates::serde_loose::date")]
    pub date: NaiveDate,
}

/// The question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanInput {
    pub program: Program,
    pub person: Person,
    /// The first approval (初次核定): the near-retirement extension is judged on it.
    #[serde(deserialize_with = "crate::dates::serde_loose::date")]
    pub first_approved_on: NaiveDate,
    /// Start of this period (default `firstApprovedOn`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::dates::serde_loose::option_date")]
    pub start_on: Option<NaiveDate>,
    /// Months already paid in earlier approvals (a count of months), less than
    /// the program's maximum unless the period runs to retirement.
    #[serde(default)]
    pub months_used: u32,
    #[serde(default)]
    pub contributions: Contributions,
    #[serde(default)]
    pub events: Vec<StopEvent>,
}

/// One month of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MonthLine {
    pub month: YearMonth,
    /// Contributions paid that month, by kind.
    pub paid: KindAmounts,
    /// Subsidy by kind, before any monthly cap.
    pub insurance: KindAmounts,
    /// The post subsidy (public-welfare posts), yuan for the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "crate::money::ser::option_decimal")]
    pub post: Option<Decimal>,
    /// Negative yuan when the local monthly cap cut the month's total.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "crate::money::ser::option_decimal")]
    pub cap_adjustment: Option<Decimal>,
    /// The month's subsidy, yuan.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub subsidy: Decimal,
}

/// The answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SubsidyPlan {
    pub program: Program,
    pub title: String,
    pub start_month: YearMonth,
    pub end_month: YearMonth,
    /// Months in this period: end − start + 1, at least 1 (an input that would
    /// leave none is an error).
    pub months: i32,
    /// Months paid in earlier approvals, as given.
    pub months_used: u32,
    /// Entitlement left after this period (0 when it runs to its end).
    pub months_remaining: i32,
    /// The period runs until retirement (fewer than
    /// `subsidy.nearRetirement.thresholdMonths` left at the first approval).
    pub until_retirement: bool,
    pub retirement_month: YearMonth,
    pub retirement_date: NaiveDate,
    /// Whole months from the first approval to the retirement day.
    pub months_to_retirement_at_first_approval: i32,
    /// What ended the period early, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped_by: Option<String>,
    pub monthly: Vec<MonthLine>,
    /// Subsidy over the period by kind, yuan.
    pub totals: KindAmounts,
    /// Post subsidy over the period, yuan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_total: Option<Decimal>,
    /// The whole period's subsidy, yuan (the sum of the months).
    pub total: Decimal,
    pub explanation: Vec<String>,
    pub as_of: NaiveDate,
    /// Citations, parameters (the retirement's too), caveats and the pack stamp.
    #[serde(flatten)]
    pub sourced: Sourced,
}

/// Why no plan could be made.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanError {
    /// A bad or inconsistent argument: the path of the (first) field
    /// (`monthsUsed`, `events[0].date`) and what is wrong.
    Input {
        path: String,
        message: Text,
    },
    Rule(RuleError),
}

impl PlanError {
    fn input(path: impl Into<String>, message: Text) -> PlanError {
        PlanError::Input {
            path: path.into(),
            message,
        }
    }
}

impl From<RuleError> for PlanError {
    fn from(e: RuleError) -> Self {
        PlanError::Rule(e)
    }
}

fn rates_of(c: &Contributions) -> Option<KindAmounts> {
    let base = c.base?;
    let r = c.rates.as_ref()?;
    Some(KindAmounts {
        pension: r.pension.map(|x| base * x),
        medical: r.medical.map(|x| base * x),
        unemployment: r.unemployment.map(|x| base * x),
    })
}

/// The longest entitlement already used that a plan accepts (100 years).
pub const MAX_MONTHS_USED: u32 = 1200;

/// Refuses amounts and counts no real case has, all at once, before any
/// arithmetic: each amount within [`crate::money::MAX_AMOUNT`], each rate at
/// most 1, `monthsUsed` at most [`MAX_MONTHS_USED`].
fn check_ranges(input: &PlanInput) -> Result<(), PlanError> {
    let mut bad: Vec<(String, String)> = Vec::new();
    let c = &input.contributions;
    let mut amounts = |at: String, k: &KindAmounts, max: Decimal| {
        for (name, v) in [
            ("pension", k.pension),
            ("medical", k.medical),
            ("unemployment", k.unemployment),
        ] {
            if let Some(v) = v {
                if v.is_sign_negative() || v > max {
                    bad.push((format!("{at}.{name}"), format!("{at}.{name} = {v}")));
                }
            }
        }
    };
    let max = crate::money::MAX_AMOUNT;
    if let Some(k) = &c.per_month {
        amounts("contributions.perMonth".into(), k, max);
    }
    if let Some(k) = &c.rates {
        amounts("contributions.rates".into(), k, Decimal::ONE);
    }
    for (i, m) in c.months.iter().enumerate() {
        amounts(format!("contributions.months[{i}]"), &m.amounts, max);
    }
    if let Some(b) = c.base {
        if !crate::money::in_range(b) {
            bad.push((
                "contributions.base".into(),
                format!("contributions.base = {b}"),
            ));
        }
    }
    if input.months_used > MAX_MONTHS_USED {
        bad.push((
            "monthsUsed".into(),
            format!("monthsUsed = {}", input.months_used),
        ));
    }
    if let Some((path, _)) = bad.first() {
        let list: Vec<&str> = bad.iter().map(|(_, shown)| shown.as_str()).collect();
        return Err(PlanError::input(
            path.clone(),
            t!(
                "这些数值超出范围（金额0至一万亿元；费率按小数填写，0至1，即百分数除以100；已享受月数最多{}）：{}。",
                "These values are out of range (amounts 0 to 1000000000000 yuan; rates as decimals from 0 to 1, the percentage divided by 100; monthsUsed at most {}): {}.";
                MAX_MONTHS_USED, list.join("; ")
            ),
        ));
    }
    // A base without rates, or rates without a base, would be dropped in silence.
    match (c.base, &c.rates) {
        (Some(_), None) => {
            return Err(PlanError::input(
                "contributions.rates",
                t!(
                    "填写了缴费基数，还须填写各险种费率（按小数填写，即百分数除以100）。",
                    "A contribution base needs the rates too (as decimals: the percentage divided by 100)."
                ),
            ))
        }
        (None, Some(_)) => {
            return Err(PlanError::input(
                "contributions.base",
                t!(
                    "填写了费率，还须填写缴费基数（元/月）。",
                    "Rates need the contribution base too (yuan a month)."
                ),
            ))
        }
        _ => {}
    }
    for (i, m) in c.months.iter().enumerate() {
        if c.months[..i].iter().any(|o| o.month == m.month) {
            return Err(PlanError::input(
                format!("contributions.months[{i}].month"),
                t!(
                    "{} 的缴费填写了两次，请合并为一行。",
                    "The contributions of {} are listed twice: put them on one line.";
                    m.month
                ),
            ));
        }
    }
    Ok(())
}

/// Makes the plan: see the module docs for every rule.
pub fn plan(
    input: &PlanInput,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<SubsidyPlan, PlanError> {
    let mut rec = Recorder::new(rules, lang);
    let mut steps: Vec<Text> = Vec::new();
    check_ranges(input)?;
    let first = input.first_approved_on;
    let start_on = input.start_on.unwrap_or(first);
    if start_on < first {
        return Err(PlanError::input(
            "startOn",
            t!(
                "本期开始日期（{}）不能早于初次核定日期（{}）。",
                "The start of this period ({}) cannot be before the first approval ({}).";
                start_on, first
            ),
        ));
    }
    if first < input.person.birth_date {
        return Err(PlanError::input(
            "firstApprovedOn",
            t!(
                "初次核定日期（{}）早于出生日期（{}），请检查两个日期。",
                "The first approval ({}) is before the date of birth ({}): check both dates.";
                first, input.person.birth_date
            ),
        ));
    }
    let date = first; // parameters in force at the first approval
    let title = input.program.title(&mut rec, date)?;

    // Retirement: its figures are this plan's figures too.
    let ret = statutory_retirement(
        &RetirementQuery {
            birth_date: input.person.birth_date,
            track: input.person.retirement_track,
            contribution_months: None,
        },
        rules,
        as_of.max(date),
        lang,
    )?;
    rec.absorb(&ret.sourced);
    let include_ret = rec.flag("subsidy.includeRetirementMonth", date)?.value;
    let last_allowed = if include_ret {
        ret.retirement_month
    } else {
        ret.retirement_month - 1
    };

    if YearMonth::of(first) > last_allowed {
        return Err(PlanError::input(
            "firstApprovedOn",
            t!(
                "初次核定日期（{}）晚于法定退休（{}，最后可补贴月份 {}）：退休后不能享受此项补贴，请检查初次核定日期和出生日期。",
                "The first approval ({}) is after the statutory retirement ({}; the last month that can be paid is {}): no subsidy is paid after retirement. Check the first approval and the date of birth.";
                first, ret.retirement_date, last_allowed
            ),
        ));
    }

    // First month.
    let cutoff = rec.int("subsidy.startDayCutoff", date)?.value;
    let start = if i64::from(start_on.day()) > cutoff {
        YearMonth::of(start_on) + 1
    } else {
        YearMonth::of(start_on)
    };
    if start > last_allowed {
        return Err(PlanError::input(
            if input.start_on.is_some() {
                "startOn"
            } else {
                "firstApprovedOn"
            },
            t!(
                "本期第一个月（{}）晚于最后可补贴月份（{}，法定退休 {}），没有可发放的月份。",
                "The first month of this period ({}) is after the last month that can be paid ({}; statutory retirement {}): there is nothing to pay.";
                start, last_allowed, ret.retirement_date
            ),
        ));
    }

    // Length and the near-retirement extension.
    let max_key = match input.program {
        Program::FlexibleGraduate => "subsidy.graduate.maxMonths",
        Program::PublicWelfarePost => "publicWelfarePost.maxMonths",
        _ => "subsidy.socialInsurance.maxMonths",
    };
    let max = rec.int(max_key, date)?;
    let months_to_ret = crate::dates::whole_months_between(first, ret.retirement_date);
    let mut until_retirement = false;
    if input.program.extends() {
        let threshold = rec.int("subsidy.nearRetirement.thresholdMonths", date)?;
        let limit = crate::dates::add_months(first, threshold.value as i32).unwrap_or(first);
        until_retirement = limit > ret.retirement_date;
        steps.push(if until_retirement {
            t!(
                "初次核定日 {} 距法定退休（{}）只有{}个月，不足{}，补贴期限延长至退休。",
                "On the first approval ({0}) only {2} months remained until retirement ({1}), fewer than {3}: the period runs until retirement.";
                first, ret.retirement_date, months_to_ret, threshold.shown
            )
        } else {
            t!(
                "初次核定日 {} 距法定退休（{}）还有{}个月，不少于{}，补贴最长{}。",
                "On the first approval ({0}) {2} months remained until retirement ({1}), not fewer than {3}: at most {4}.";
                first, ret.retirement_date, months_to_ret, threshold.shown, max.shown
            )
        });
    } else {
        steps.push(t!(
            "最长{}，不延长至退休。",
            "At most {}; no extension to retirement.";
            max.shown
        ));
    }
    if !until_retirement && i64::from(input.months_used) >= max.value {
        return Err(PlanError::input(
            "monthsUsed",
            t!(
                "此前已享受{}个月，已达到最长{}，本期没有剩余期限；请检查已享受月数。",
                "{} months were paid before, the whole {} allowed: nothing is left for this period. Check the months already paid.";
                input.months_used, max.shown
            ),
        ));
    }
    let max = max.value;
    let by_cap = start + (max as i32 - input.months_used as i32) - 1;
    let mut end = if until_retirement {
        last_allowed
    } else {
        by_cap.min(last_allowed)
    };
    if !until_retirement && by_cap > last_allowed {
        steps.push(t!(
            "期限不超过法定退休年龄，截至 {}。",
            "The period cannot pass the statutory retirement age: it ends in {}.";
            last_allowed
        ));
    }
    if input.months_used > 0 {
        let left = (max as i32 - input.months_used as i32).max(0);
        steps.push(t!(
            "此前已享受{}个月，本期从 {} 起最多还有{}个月。",
            "{} months were paid before; from {} at most {} remain.";
            input.months_used, start, left
        ));
    }

    // Stop events.
    let rule = rec.choice("subsidy.stopEventRule", date)?.value;
    let mut stopped_by = None;
    let mut events: Vec<(usize, &StopEvent)> = input.events.iter().enumerate().collect();
    crate::sort::sort_by_key(&mut events, |(_, e)| e.date);
    for (i, e) in events {
        let last = if rule == "eventMonth" {
            YearMonth::of(e.date)
        } else {
            YearMonth::of(e.date) - 1
        };
        if last < start {
            return Err(PlanError::input(
                format!("events[{i}].date"),
                t!(
                    "{}（{}）使补贴在本期第一个月（{}）之前就停止，本期没有可发放的月份；请检查事件日期或本期开始日期。",
                    "{1} on {0} stops the subsidy before the first month of this period ({2}): there is nothing to pay. Check the event's date or the start of the period.";
                    e.date, crate::event::event_label(e.kind), start
                ),
            ));
        }
        if last < end {
            end = last;
            let name = crate::event::event_label(e.kind);
            stopped_by = Some(
                t!("{}（{}）", "{} ({})"; name, e.date)
                    .get(lang)
                    .to_string(),
            );
            steps.push(t!(
                "{} {}，补贴发放至 {}。",
                "{}: {}; paid until {}.";
                e.date, name, last
            ));
            break;
        }
    }
    let months = (end - start + 1).max(0);
    let entitlement_end = if until_retirement {
        last_allowed
    } else {
        by_cap.min(last_allowed)
    };
    let months_remaining = (entitlement_end - end).max(0).min(if until_retirement {
        i32::MAX
    } else {
        (max as i32 - input.months_used as i32).max(0)
    });
    steps.push(t!(
        "本期自 {} 至 {}，共{}个月。",
        "This period runs from {} to {}: {} months.";
        start, end, months
    ));

    // Amounts.
    let rounding = rounding_of(&mut rec, date)?;
    let share_key = match input.program {
        Program::FlexibleDifficult => "subsidy.flexible.share",
        Program::FlexibleGraduate => "subsidy.graduate.share",
        _ => "subsidy.employer.share",
    };
    let share = rec.ratio(share_key, date)?;
    let cap = if matches!(
        input.program,
        Program::FlexibleDifficult | Program::FlexibleGraduate
    ) {
        match rec.decimal("subsidy.flexible.monthlyCap", date) {
            Ok(c) => Some(c.value),
            Err(RuleError::NoValue { .. }) => None,
            Err(e) => return Err(e.into()),
        }
    } else {
        None
    };
    let listed: BTreeMap<YearMonth, KindAmounts> = input
        .contributions
        .months
        .iter()
        .map(|m| (m.month, m.amounts.clone()))
        .collect();
    let default = input
        .contributions
        .per_month
        .clone()
        .or_else(|| rates_of(&input.contributions));
    let apply = |paid: Option<Decimal>, share: Ratio| paid.map(|p| rounding.to_fen(share.of(p)));
    let mut monthly = Vec::new();
    let mut missing_wage = None;
    let mut m = start;
    while m <= end && months > 0 {
        let paid = listed
            .get(&m)
            .cloned()
            .or_else(|| {
                if listed.is_empty() {
                    default.clone()
                } else {
                    None
                }
            })
            .unwrap_or_default();
        let insurance = KindAmounts {
            pension: apply(paid.pension, share.value),
            medical: apply(paid.medical, share.value),
            unemployment: apply(paid.unemployment, share.value),
        };
        let post = if input.program == Program::PublicWelfarePost {
            match rec.decimal("wage.minimumMonthly", m.first_day()) {
                Ok(wage) => {
                    let s = rec.ratio("subsidy.postSubsidy.minWageShare", m.first_day())?;
                    Some(rounding.to_fen(s.value.of(wage.value)))
                }
                Err(RuleError::NoValue { .. }) => {
                    missing_wage.get_or_insert(m);
                    None
                }
                Err(e) => return Err(e.into()),
            }
        } else {
            None
        };
        let ins_total: Decimal = [insurance.pension, insurance.medical, insurance.unemployment]
            .iter()
            .flatten()
            .sum();
        let (ins_after_cap, adj) = match cap {
            Some(c) if ins_total > c => (c, Some(c - ins_total)),
            _ => (ins_total, None),
        };
        let mut subsidy = ins_after_cap + post.unwrap_or_default();
        subsidy.rescale(2);
        monthly.push(MonthLine {
            month: m,
            paid,
            insurance,
            post,
            cap_adjustment: adj,
            subsidy,
        });
        m = m + 1;
    }
    // Amounts given for months outside the period, or none at all, are said,
    // never dropped in silence.
    let outside: Vec<String> = listed
        .keys()
        .filter(|m| **m < start || **m > end)
        .map(|m| m.to_string())
        .collect();
    if !outside.is_empty() {
        let months = t!(outside.join("、"), outside.join(", "));
        rec.note(t!(
            "{} 的缴费不在本期（{} 至 {}）内，未计入。",
            "The contributions of {} are outside this period ({} to {}) and are not counted.";
            months, start, end
        ));
    }
    if listed.is_empty() && default.is_none() && input.program != Program::PublicWelfarePost {
        rec.note(t!(
            "未填写实际缴费金额，只计算了补贴期限，补贴金额按0元计；请填写每月实际缴费。",
            "No contributions were given, so only the period is worked out and the amounts are 0 yuan; enter what was actually paid each month."
        ));
    }
    if let Some(m) = missing_wage {
        rec.note(t!(
            "规则包中没有 {} 起适用的当地最低工资标准，岗位补贴未计算；请加载当地规则包。",
            "The packs have no local minimum wage for {} onwards, so the post subsidy is not computed; load the local pack.";
            m
        ));
    }
    let sum = |f: fn(&MonthLine) -> Option<Decimal>| -> Option<Decimal> {
        let v: Vec<Decimal> = monthly.iter().filter_map(f).collect();
        (!v.is_empty()).then(|| v.iter().sum())
    };
    let totals = KindAmounts {
        pension: sum(|l| l.insurance.pension),
        medical: sum(|l| l.insurance.medical),
        unemployment: sum(|l| l.insurance.unemployment),
    };
    let post_total = sum(|l| l.post);
    let total: Decimal = monthly.iter().map(|l| l.subsidy).sum();
    let total = {
        let mut t = total;
        t.rescale(2);
        t
    };
    steps.push(t!(
        "每月按实际缴费的{}补贴（{}），合计{}元。",
        "Each month {} of the contributions paid ({}); {} yuan in all.";
        share.shown,
        rounding_name(rounding),
        crate::money::yuan(total)
    ));
    if monthly.iter().any(|l| l.cap_adjustment.is_some()) {
        steps.push(t!(
            "部分月份超过本地每月补贴上限，按上限计。",
            "Some months exceed the local monthly cap and are paid the cap."
        ));
    }
    Ok(SubsidyPlan {
        program: input.program,
        title: title.get(lang).to_string(),
        start_month: start,
        end_month: end,
        months,
        months_used: input.months_used,
        months_remaining,
        until_retirement,
        retirement_month: ret.retirement_month,
        retirement_date: ret.retirement_date,
        months_to_retirement_at_first_approval: months_to_ret,
        stopped_by,
        monthly,
        totals,
        post_total,
        total,
        explanation: steps.iter().map(|s| s.get(lang).to_string()).collect(),
        as_of,
        sourced: rec.finish(),
    })
}

/// The rounding rule (`money.rounding`) in force on `date`, read through `rec`.
pub fn rounding_of(rec: &mut Recorder<'_>, date: NaiveDate) -> Result<Rounding, RuleError> {
    let key = "money.rounding";
    let r = rec.choice(key, date)?;
    Rounding::parse(&r.value).ok_or_else(|| RuleError::WrongUnit { key: key.into() })
}

fn rounding_name(r: Rounding) -> Text {
    match r {
        Rounding::HalfUp => t!("四舍五入到分", "half up to the fen"),
        Rounding::HalfEven => t!("银行家舍入到分", "half even to the fen"),
        Rounding::Down => t!("舍去到分", "down to the fen"),
    }
}

/// The table as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese).
pub fn to_csv(plan: &SubsidyPlan, lang: Lang) -> String {
    let h = match lang {
        Lang::ZhCn => "月份,养老缴费,医疗缴费,失业缴费,养老补贴,医疗补贴,失业补贴,岗位补贴,上限调整,当月补贴",
        Lang::En => "month,pension paid,medical paid,unemployment paid,pension subsidy,medical subsidy,unemployment subsidy,post subsidy,cap adjustment,month subsidy",
    };
    let f = |d: Option<Decimal>| d.map(crate::money::yuan).unwrap_or_default();
    let mut out = format!("\u{feff}{h}\r\n");
    for l in &plan.monthly {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{}\r\n",
            l.month,
            f(l.paid.pension),
            f(l.paid.medical),
            f(l.paid.unemployment),
            f(l.insurance.pension),
            f(l.insurance.medical),
            f(l.insurance.unemployment),
            f(l.post),
            f(l.cap_adjustment),
            crate::money::yuan(l.subsidy)
        ));
    }
    out.push_str(&format!(
        "{},,,,{},{},{},{},,{}\r\n",
        if lang == Lang::ZhCn {
            "合计"
        } else {
            "total"
        },
        f(plan.totals.pension),
        f(plan.totals.medical),
        f(plan.totals.unemployment),
        f(plan.post_total),
        crate::money::yuan(plan.total)
    ));
    out
}
