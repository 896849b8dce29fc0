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
use crate::pack::{Citation, PackStamp, ParamRef, Provenance, RuleError, Rules};
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
    fn title(self) -> Text {
        match self {
            Program::FlexibleDifficult => Text::new(
                "就业困难人员灵活就业社会保险补贴",
                "Social insurance subsidy, difficult-to-employ person in flexible work",
            ),
            Program::FlexibleGraduate => Text::new(
                "离校2年内高校毕业生灵活就业社会保险补贴",
                "Social insurance subsidy, recent graduate in flexible work",
            ),
            Program::EmployerDifficult => Text::new(
                "单位招用就业困难人员社会保险补贴",
                "Employer's social insurance subsidy for hiring a difficult-to-employ person",
            ),
            Program::PublicWelfarePost => Text::new(
                "公益性岗位补贴（岗位补贴和社会保险补贴）",
                "Public-welfare post subsidy (post and social insurance)",
            ),
        }
    }
    fn extends(self) -> bool {
        !matches!(self, Program::FlexibleGraduate)
    }
}

/// The person the subsidy is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    pub birth_date: NaiveDate,
    pub retirement_track: Track,
}

/// One month's contributions by kind (yuan).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct KindAmounts {
    pub pension: Option<Decimal>,
    pub medical: Option<Decimal>,
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
    pub per_month: Option<KindAmounts>,
    pub base: Option<Decimal>,
    /// Rates as decimals, e.g. `{ "pension": "0.20" }`.
    pub rates: Option<KindAmounts>,
    pub months: Vec<MonthAmounts>,
}

/// A change that stops the subsidy (see `assistancePlan` for the kinds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StopEvent {
    pub kind: crate::event::EventKind,
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
    pub first_approved_on: NaiveDate,
    /// Start of this period (default `firstApprovedOn`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_on: Option<NaiveDate>,
    /// Months already paid in earlier approvals.
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
    /// The post subsidy (public-welfare posts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post: Option<Decimal>,
    /// Negative when the local monthly cap cut the month's total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_adjustment: Option<Decimal>,
    /// The month's subsidy.
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
    /// Months in this period: end − start + 1 (0 if it ended before it began).
    pub months: i32,
    pub months_used: u32,
    /// Entitlement left after this period (0 when it runs to its end).
    pub months_remaining: i32,
    /// The period runs until retirement (fewer than 5 years left at first approval).
    pub until_retirement: bool,
    pub retirement_month: YearMonth,
    pub retirement_date: NaiveDate,
    /// Whole months from the first approval to the retirement day.
    pub months_to_retirement_at_first_approval: i32,
    /// What ended the period early, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped_by: Option<String>,
    pub monthly: Vec<MonthLine>,
    pub totals: KindAmounts,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_total: Option<Decimal>,
    pub total: Decimal,
    pub explanation: Vec<String>,
    pub citations: Vec<Citation>,
    pub parameters: Vec<ParamRef>,
    pub caveats: Vec<String>,
    pub as_of: NaiveDate,
    pub pack: PackStamp,
}

/// Why no plan could be made.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanError {
    /// The input is inconsistent: what and where.
    Input(Text),
    Rule(RuleError),
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
    let mut bad: Vec<String> = Vec::new();
    let c = &input.contributions;
    let mut amounts = |at: String, k: &KindAmounts, max: Decimal| {
        for (name, v) in [
            ("pension", k.pension),
            ("medical", k.medical),
            ("unemployment", k.unemployment),
        ] {
            if let Some(v) = v {
                if v.is_sign_negative() || v > max {
                    bad.push(format!("{at}.{name} = {v}"));
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
            bad.push(format!("contributions.base = {b}"));
        }
    }
    if input.months_used > MAX_MONTHS_USED {
        bad.push(format!("monthsUsed = {}", input.months_used));
    }
    if bad.is_empty() {
        return Ok(());
    }
    let list = bad.join("; ");
    Err(PlanError::Input(Text::new(
        format!("这些数值超出范围（金额0至一万亿元，费率0至1，已享受月数最多{MAX_MONTHS_USED}）：{list}。"),
        format!("These values are out of range (amounts 0 to 1000000000000 yuan, rates 0 to 1, monthsUsed at most {MAX_MONTHS_USED}): {list}."),
    )))
}

/// Makes the plan: see the module docs for every rule.
pub fn plan(
    input: &PlanInput,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<SubsidyPlan, PlanError> {
    let mut refs = Provenance::new(lang);
    let mut steps: Vec<Text> = Vec::new();
    check_ranges(input)?;
    let first = input.first_approved_on;
    let start_on = input.start_on.unwrap_or(first);
    if start_on < first {
        return Err(PlanError::Input(Text::new(
            format!("startOn（{start_on}）不能早于 firstApprovedOn（{first}）。"),
            format!("startOn ({start_on}) cannot be before firstApprovedOn ({first})."),
        )));
    }
    if first < input.person.birth_date {
        return Err(PlanError::Input(Text::new(
            "firstApprovedOn 早于出生日期。",
            "firstApprovedOn is before the date of birth.",
        )));
    }
    let date = first; // parameters in force at the first approval

    // Retirement.
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
    let (include_ret, r) = rules.flag("subsidy.includeRetirementMonth", date)?;
    refs.keep(&r);
    let last_allowed = if include_ret {
        ret.retirement_month
    } else {
        ret.retirement_month - 1
    };

    // First month.
    let (cutoff, r) = rules.int("subsidy.startDayCutoff", date)?;
    refs.keep(&r);
    let start = if i64::from(start_on.day()) > cutoff {
        YearMonth::of(start_on) + 1
    } else {
        YearMonth::of(start_on)
    };

    // Length and the near-retirement extension.
    let max_key = match input.program {
        Program::FlexibleGraduate => "subsidy.graduate.maxMonths",
        Program::PublicWelfarePost => "publicWelfarePost.maxMonths",
        _ => "subsidy.socialInsurance.maxMonths",
    };
    let (max, r) = rules.int(max_key, date)?;
    refs.keep(&r);
    let months_to_ret = crate::dates::whole_months_between(first, ret.retirement_date);
    let mut until_retirement = false;
    if input.program.extends() {
        let (threshold, r) = rules.int("subsidy.nearRetirement.thresholdMonths", date)?;
        refs.keep(&r);
        let limit = crate::dates::add_months(first, threshold as i32).unwrap_or(first);
        until_retirement = limit > ret.retirement_date;
        steps.push(if until_retirement {
            Text::new(
                format!("初次核定日 {first} 距法定退休（{}）不足{}年（{}个月），补贴期限延长至退休。", ret.retirement_date, threshold / 12, months_to_ret),
                format!("On the first approval ({first}) fewer than {} years ({} months) remained until retirement ({}): the period runs until retirement.", threshold / 12, months_to_ret, ret.retirement_date),
            )
        } else {
            Text::new(
                format!("初次核定日 {first} 距法定退休（{}）还有{}个月，不少于{}年，补贴最长{}个月。", ret.retirement_date, months_to_ret, threshold / 12, max),
                format!("On the first approval ({first}) {months_to_ret} months remained until retirement ({}), not fewer than {} years: at most {max} months.", ret.retirement_date, threshold / 12),
            )
        });
    } else {
        steps.push(Text::new(
            format!("最长{max}个月，不延长至退休。"),
            format!("At most {max} months; no extension to retirement."),
        ));
    }
    let by_cap = start + (max as i32 - input.months_used as i32) - 1;
    let mut end = if until_retirement {
        last_allowed
    } else {
        by_cap.min(last_allowed)
    };
    if !until_retirement && by_cap > last_allowed {
        steps.push(Text::new(
            format!("期限不超过法定退休年龄，截至 {last_allowed}。"),
            format!(
                "The period cannot pass the statutory retirement age: it ends in {last_allowed}."
            ),
        ));
    }
    if input.months_used > 0 {
        steps.push(Text::new(
            format!(
                "此前已享受{}个月，本期从 {start} 起最多还有{}个月。",
                input.months_used,
                (max as i32 - input.months_used as i32).max(0)
            ),
            format!(
                "{} months were paid before; from {start} at most {} remain.",
                input.months_used,
                (max as i32 - input.months_used as i32).max(0)
            ),
        ));
    }

    // Stop events.
    let (rule, r) = rules.choice("subsidy.stopEventRule", date)?;
    refs.keep(&r);
    let mut stopped_by = None;
    let mut events = input.events.clone();
    events.sort_by_key(|e| e.date);
    for e in &events {
        let last = if rule == "eventMonth" {
            YearMonth::of(e.date)
        } else {
            YearMonth::of(e.date) - 1
        };
        if last < end {
            end = last;
            let name = crate::event::event_label(e.kind);
            stopped_by = Some(
                Text::new(
                    format!("{}（{}）", name.zh, e.date),
                    format!("{} ({})", name.en, e.date),
                )
                .get(lang)
                .to_string(),
            );
            steps.push(Text::new(
                format!("{} {}，补贴发放至 {last}。", e.date, name.zh),
                format!("{}: {}; paid until {last}.", e.date, name.en),
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
    steps.push(Text::new(
        format!("本期自 {start} 至 {end}，共{months}个月。"),
        format!("This period runs from {start} to {end}: {months} months."),
    ));

    // Amounts.
    let (rounding, r) = rules.choice("money.rounding", date)?;
    refs.keep(&r);
    let rounding = Rounding::parse(&rounding).unwrap_or_default();
    let share_key = match input.program {
        Program::FlexibleDifficult => "subsidy.flexible.share",
        Program::FlexibleGraduate => "subsidy.graduate.share",
        _ => "subsidy.employer.share",
    };
    let (share, r) = rules.ratio(share_key, date)?;
    refs.keep(&r);
    let cap = match rules.decimal("subsidy.flexible.monthlyCap", date) {
        Ok((c, r))
            if matches!(
                input.program,
                Program::FlexibleDifficult | Program::FlexibleGraduate
            ) =>
        {
            refs.keep(&r);
            Some(c)
        }
        _ => None,
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
    let mut caveats: Vec<Text> = Vec::new();
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
            pension: apply(paid.pension, share),
            medical: apply(paid.medical, share),
            unemployment: apply(paid.unemployment, share),
        };
        let post = if input.program == Program::PublicWelfarePost {
            match rules.decimal("wage.minimumMonthly", m.first_day()) {
                Ok((wage, r)) => {
                    refs.keep(&r);
                    let (s, r2) = rules.ratio("subsidy.postSubsidy.minWageShare", m.first_day())?;
                    refs.keep(&r2);
                    Some(rounding.to_fen(s.of(wage)))
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
    if let Some(m) = missing_wage {
        caveats.push(Text::new(
            format!("规则包中没有 {m} 起适用的当地最低工资标准，岗位补贴未计算；请加载当地规则包。"),
            format!("The packs have no local minimum wage for {m} onwards, so the post subsidy is not computed; load the local pack."),
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
    steps.push(Text::new(
        format!(
            "每月按实际缴费的{share}补贴（{}），合计{}元。",
            rounding_name(rounding).zh,
            crate::money::yuan(total)
        ),
        format!(
            "Each month {share} of the contributions paid ({}); {} yuan in all.",
            rounding_name(rounding).en,
            crate::money::yuan(total)
        ),
    ));
    if monthly.iter().any(|l| l.cap_adjustment.is_some()) {
        steps.push(Text::new(
            "部分月份超过本地每月补贴上限，按上限计。",
            "Some months exceed the local monthly cap and are paid the cap.",
        ));
    }
    let stamp = rules.stamp();
    let mut caveats: Vec<String> = caveats.iter().map(|c| c.get(lang).to_string()).collect();
    caveats.extend(refs.caveats(&stamp));
    Ok(SubsidyPlan {
        program: input.program,
        title: input.program.title().get(lang).to_string(),
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
        citations: refs.citations,
        parameters: refs.params,
        caveats,
        as_of,
        pack: stamp,
    })
}

fn rounding_name(r: Rounding) -> Text {
    match r {
        Rounding::HalfUp => Text::new("四舍五入到分", "half up to the fen"),
        Rounding::HalfEven => Text::new("银行家舍入到分", "half even to the fen"),
        Rounding::Down => Text::new("舍去到分", "down to the fen"),
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
