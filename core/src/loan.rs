//! Entrepreneurship guaranteed loans (创业担保贷款): the quote (cap, rate, interest
//! subsidy, repayment schedule).
//!
//! # Rules
//! - **Cap** on the contract date: individual `loan.individual.maxAmount` (or the
//!   local top-up `loan.individual.jobsTopUpMaxAmount` when `jobsCreated` reaches
//!   `loan.individual.jobsTopUpMinJobs`); partnership `min(loan.partnership.factor ×
//!   eligible partners × individual cap, enterprise cap)`; enterprise
//!   `loan.enterprise.maxAmount` (with its own top-up). Term caps:
//!   `loan.individual.maxTermMonths`, `loan.enterprise.maxTermMonths`. An amount,
//!   term or rate above its cap is **not** silently clamped: the quote says so in
//!   `problems` and is computed at the cap (`quotedAmount`, `quotedTermMonths`,
//!   `annualRate`).
//! - **Rate**: the 1-year LPR in force on the contract date (`loan.lpr1y`, a dated
//!   table portals extend monthly) plus the regional cap over it (财金〔2020〕21号):
//!   a local pack's `loan.rateCapOverLprBp` (a former poverty county's own pack
//!   sets LPR+250BP there), else the province's tier
//!   (`loan.rateCapOverLprBp.east` / `.centralWest` for the provinces listed in
//!   `loan.rateCapRegion.east` / `.centralWest`), else the national
//!   `loan.rateCapOverLprBp`. The contract rate defaults to that cap.
//! - **Arguments** that would become a silent number are errors naming the
//!   field ([`QuoteError::Input`]): a partnership without partners, partners
//!   for another borrower, an overdue period outside the schedule or listed
//!   twice, a rate below 1 (a ratio typed where percent is expected), a zero
//!   amount or term; a cap or longest term of 0 in the packs is refused too.
//! - **Subsidy** by `loan.subsidyRegime` on the contract date: `lprMinus150` (the
//!   borrower pays at most LPR − `loan.borrowerLprOffsetBp`, the treasury the rest),
//!   `halfOfActual` / `custom` (the treasury pays `loan.fiscalShare` of the actual
//!   rate). None after `loan.maxSubsidisedLoans` subsidised loans, for 借新还旧
//!   (`refinancing`), for overdue periods, or for extension (展期) months.
//! - **Schedule**: `interestMonthly` / `interestQuarterly` (principal at maturity),
//!   `equalInstalments` (等额本息, instalment from the monthly rate = annual ÷ 12),
//!   `equalPrincipal` (等额本金). Due dates are the contract day each month
//!   (clamped at month ends). Day count `loan.dayCount`: `30/360` by default (a
//!   month is 1/12 of a year: 月利率 = 年利率 ÷ 12, as banks charge whole months and as
//!   the published worked examples compute); `ACT/360` and `ACT/365` count actual
//!   days.
//! - **Rounding**: each period's interest (and subsidy) is rounded to the fen so
//!   that the running total equals the rounded exact running total; periods never
//!   drift from the yearly figure (10万 at 5.15% for a year is 5,150.00, not
//!   12 × 429.17). Principal repayments always sum to the principal.

use crate::dates::add_months;
use crate::money::{yuan_words, Ratio, Rounding};
use crate::pack::{Figure, Recorder, RuleError, Rules, Sourced};
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Who borrows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Borrower {
    Individual,
    Partnership,
    Enterprise,
}

/// How the loan is repaid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Repayment {
    /// 按月付息、到期还本.
    InterestMonthly,
    /// 按季付息、到期还本.
    InterestQuarterly,
    /// 等额本息.
    EqualInstalments,
    /// 等额本金.
    EqualPrincipal,
}

/// The question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuoteInput {
    pub borrower: Borrower,
    /// Partnerships only, and required for them: the number of partners who
    /// are in an eligible group (at least 1). An error for other borrowers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<u32>,
    /// Jobs the business created, a count of people (for a local higher cap;
    /// not counted for partnerships, which the quote's problems then say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jobs_created: Option<u32>,
    /// The amount asked for, in yuan (`"300000"` = 30万元), above 0.
    pub amount: Decimal,
    /// The term in months (36 = 3 years), at least 1.
    pub term_months: u32,
    /// 贷款合同签订日: the LPR, caps and subsidy regime are those in force then.
    #[serde(deserialize_with = "crate::dates::serde_loose::date")]
    pub contract_date: NaiveDate,
    /// The contract rate in **percent a year** (`"3.5"` = 3.5% a year, not
    /// `"0.035"`: a rate below 1 is refused as a ratio typed by mistake);
    /// default the rate cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_rate: Option<Decimal>,
    pub repayment: Repayment,
    /// How many subsidised guaranteed loans the borrower had before (a count).
    #[serde(default)]
    pub previous_subsidised_loans: u32,
    /// 借新还旧: no subsidy.
    #[serde(default)]
    pub refinancing: bool,
    /// Periods repaid late, numbered from 1 as in `schedule[].n` (extension
    /// periods included), each once: no subsidy for them. A number outside the
    /// schedule is an error.
    #[serde(default)]
    pub overdue_periods: Vec<u32>,
    /// 展期: months added after the term, interest only, no subsidy.
    #[serde(default)]
    pub extension_months: u32,
}

/// One period of the schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Period {
    /// The period's number, from 1.
    pub n: u32,
    #[serde(serialize_with = "crate::money::ser::date")]
    pub due: NaiveDate,
    /// Days since the previous due date (or the contract date).
    pub days: i64,
    /// Principal repaid this period, yuan.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub principal: Decimal,
    /// Interest for the period, yuan (borrower's part + subsidy).
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub interest: Decimal,
    /// The borrower's part of the interest, yuan.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub borrower_interest: Decimal,
    /// The treasury's interest subsidy (财政贴息) for the period, yuan.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub subsidy: Decimal,
    /// Principal outstanding after this period, yuan.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub balance: Decimal,
    /// False for overdue and extension periods.
    pub subsidised: bool,
}

/// Something about the request that the quote had to adjust or refuse.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct QuoteProblem {
    /// `amountAboveCap`, `termAboveCap`, `rateAboveCap`, `subsidyLimitReached`,
    /// `refinancing`, `jobsCreatedNotCounted` (a partnership's cap counts
    /// partners, not jobs).
    pub code: String,
    pub message: String,
}

/// The answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LoanQuote {
    pub borrower: Borrower,
    /// The cap on the contract date, yuan (never 0: a cap of 0 is an error).
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub max_amount: Decimal,
    /// The amount asked for, yuan.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub requested_amount: Decimal,
    /// The amount the quote is for, yuan: the request, or the cap when above it.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub quoted_amount: Decimal,
    /// The longest term, months.
    pub max_term_months: u32,
    /// The term the quote is for, months.
    pub quoted_term_months: u32,
    /// The 1-year LPR on the contract date, percent a year.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub lpr: Decimal,
    #[serde(serialize_with = "crate::money::ser::date")]
    pub lpr_effective_from: NaiveDate,
    /// The cap over the LPR in basis points (100 bp = 1 percentage point): the
    /// local figure, else the province's tier (east / central and west), else
    /// the national fallback.
    pub rate_cap_bp: i64,
    /// LPR + cap, percent a year.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub rate_cap: Decimal,
    /// The contract rate used, percent a year.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub annual_rate: Decimal,
    /// `lprMinus150`, `halfOfActual`, `custom` or `none`.
    pub regime: String,
    /// What the borrower pays, percent a year.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub borrower_rate: Decimal,
    /// What the treasury pays, percent a year.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub subsidy_rate: Decimal,
    pub day_count: String,
    pub repayment: Repayment,
    pub schedule: Vec<Period>,
    /// Principal repaid over the schedule, yuan (= the quoted amount).
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub total_principal: Decimal,
    /// Interest over the whole schedule, yuan.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub total_interest: Decimal,
    /// The borrower's part of the interest, yuan.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub borrower_interest: Decimal,
    /// The treasury's interest subsidy over the schedule, yuan.
    #[serde(serialize_with = "crate::money::ser::decimal")]
    pub fiscal_subsidy: Decimal,
    pub problems: Vec<QuoteProblem>,
    pub explanation: Vec<String>,
    /// Citations, parameters, caveats and the pack stamp.
    #[serde(flatten)]
    pub sourced: Sourced,
}

/// Why no quote could be made.
#[derive(Clone, Debug, PartialEq)]
pub enum QuoteError {
    /// A bad argument: the path of the field (`partners`, `overduePeriods[2]`)
    /// and what to type instead.
    Input {
        path: String,
        message: Text,
    },
    Rule(RuleError),
}

impl QuoteError {
    fn input(path: impl Into<String>, message: Text) -> QuoteError {
        QuoteError::Input {
            path: path.into(),
            message,
        }
    }
}

impl From<RuleError> for QuoteError {
    fn from(e: RuleError) -> Self {
        QuoteError::Rule(e)
    }
}

fn pct(d: Decimal) -> String {
    format!("{}%", d.round_dp(4).normalize())
}

/// An amount as people read it ("30万元" / "300,000 yuan").
fn yuan_text(d: Decimal) -> Text {
    t!(yuan_words(d, Lang::ZhCn), yuan_words(d, Lang::En))
}

/// A share as a percentage ("50%", "66.67%").
fn share_pct(r: Ratio) -> String {
    pct(r.of(Decimal::ONE_HUNDRED).round_dp(2))
}

/// A parameter that may have no value in force (a local figure): `None` then.
fn optional<T>(read: Result<Figure<T>, RuleError>) -> Result<Option<Figure<T>>, RuleError> {
    match read {
        Ok(f) => Ok(Some(f)),
        Err(RuleError::NoValue { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The local higher cap for job creators (`loan.<who>.jobsTopUp…`), when the
/// packs set one and `jobs` reaches it.
fn top_up(
    who: Borrower,
    base: Decimal,
    jobs: Option<u32>,
    rec: &mut Recorder<'_>,
    date: NaiveDate,
) -> Result<Option<(Decimal, Text)>, RuleError> {
    let (min_key, max_key) = if who == Borrower::Enterprise {
        (
            "loan.enterprise.jobsTopUpMinJobs",
            "loan.enterprise.jobsTopUpMaxAmount",
        )
    } else {
        (
            "loan.individual.jobsTopUpMinJobs",
            "loan.individual.jobsTopUpMaxAmount",
        )
    };
    let Some(jobs) = jobs else {
        return Ok(None);
    };
    let Some(min) = optional(rec.int(min_key, date))? else {
        return Ok(None);
    };
    let Some(top) = optional(rec.decimal(max_key, date))? else {
        return Ok(None);
    };
    if i64::from(jobs) < min.value || top.value <= base {
        return Ok(None);
    }
    Ok(Some((
        top.value,
        t!(
            "带动就业{}人（≥{}人），本地额度提高到{}",
            "{} jobs created (at least {}): the local cap rises to {}";
            jobs, min.value, top.shown
        ),
    )))
}

/// The largest amount the borrower may ask for on `date`, with why.
fn cap(
    input: &QuoteInput,
    rec: &mut Recorder<'_>,
    date: NaiveDate,
) -> Result<(Decimal, Text), QuoteError> {
    Ok(match input.borrower {
        Borrower::Individual => {
            let c = rec.decimal("loan.individual.maxAmount", date)?;
            match top_up(input.borrower, c.value, input.jobs_created, rec, date)? {
                Some(up) => up,
                None => (
                    c.value,
                    t!("个人创业担保贷款最高{}", "The individual cap is {}"; c.shown),
                ),
            }
        }
        Borrower::Partnership => {
            let each = rec.decimal("loan.individual.maxAmount", date)?;
            let factor = rec.ratio("loan.partnership.factor", date)?;
            let ent = rec.decimal("loan.enterprise.maxAmount", date)?;
            let n = input.partners.unwrap_or(1);
            let sum = factor.value.of(each.value * Decimal::from(n));
            let c = sum.min(ent.value);
            (
                c,
                t!(
                    "合伙创业：{}位符合条件的合伙人 × {} × {} = {}，且不超过小微企业额度{}，上限{}",
                    "Partnership: {} eligible partners × {} × {} = {}, and not above the enterprise cap of {}: {}";
                    n, each.shown, factor.shown, yuan_text(sum), ent.shown, yuan_text(c)
                ),
            )
        }
        Borrower::Enterprise => {
            let c = rec.decimal("loan.enterprise.maxAmount", date)?;
            match top_up(input.borrower, c.value, input.jobs_created, rec, date)? {
                Some(up) => up,
                None => (
                    c.value,
                    t!("小微企业创业担保贷款最高{}", "The small-enterprise cap is {}"; c.shown),
                ),
            }
        }
    })
}

/// The rate cap over the LPR in basis points for the rules' region on `date`,
/// with why (利率上限, 财金〔2020〕21号: east / central and west / former poverty
/// counties):
/// 1. a local pack's own `loan.rateCapOverLprBp` (a province, city or county; a
///    former national poverty county's pack sets its tier there);
/// 2. else the tier of the province: `loan.rateCapOverLprBp.east` when the
///    province is in `loan.rateCapRegion.east`, `loan.rateCapOverLprBp.centralWest`
///    when it is in `loan.rateCapRegion.centralWest`;
/// 3. else the national `loan.rateCapOverLprBp` (the fallback).
///
/// Only the figures used are recorded (a peek at the others is not a use).
fn rate_cap_bp(rec: &mut Recorder<'_>, date: NaiveDate) -> Result<(i64, Text), RuleError> {
    let rules = rec.rules();
    let local = rules.lookup("loan.rateCapOverLprBp", date)?;
    if local.pack.meta.region != crate::pack::NATIONAL {
        let f = rec.int("loan.rateCapOverLprBp", date)?;
        let why = t!(
            "利率上限按本地规定：LPR + {}。",
            "The rate cap is the local one: LPR + {}.";
            f.shown
        );
        return Ok((f.value, why));
    }
    let province = crate::region::province_of(rules.region());
    for (list, tier, zh, en) in [
        (
            "loan.rateCapRegion.east",
            "loan.rateCapOverLprBp.east",
            "东部地区",
            "an eastern province",
        ),
        (
            "loan.rateCapRegion.centralWest",
            "loan.rateCapOverLprBp.centralWest",
            "中西部地区",
            "a central or western province",
        ),
    ] {
        let listed = match rules.list(list, date) {
            Ok((l, _)) => l.contains(&province),
            Err(RuleError::NoValue { .. }) => false,
            Err(e) => return Err(e),
        };
        if listed {
            rec.list(list, date)?;
            let f = rec.int(tier, date)?;
            let name = crate::region::name(&province).unwrap_or(province.clone());
            let place = t!(name, province.clone());
            let why = t!(
                "{}属于{}，利率上限为 LPR + {}。",
                "Province {} is {}: the rate cap is LPR + {}.";
                place, t!(zh, en), f.shown
            );
            return Ok((f.value, why));
        }
    }
    let f = rec.int("loan.rateCapOverLprBp", date)?;
    let why = t!(
        "未指定省份，利率上限按全国默认值 LPR + {}。",
        "No province is given: the rate cap is the national default, LPR + {}.";
        f.shown
    );
    Ok((f.value, why))
}

/// The longest term on `date`, as a form's hint states it: "个人最长36个月，企业最长24个月。"
///
/// ```
/// use chrono::NaiveDate;
/// use zhuchuang_core::pack::PackSet;
/// let packs = PackSet::embedded().unwrap();
/// let rules = packs.rules("000000").unwrap();
/// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// let hint = zhuchuang_core::loan::term_hint(&rules, day).unwrap();
/// assert_eq!(hint.zh, "个人最长36个月，企业最长24个月。");
/// ```
pub fn term_hint(rules: &Rules<'_>, date: NaiveDate) -> Result<Text, RuleError> {
    let mut rec = Recorder::new(rules, Lang::ZhCn);
    let person = rec.int("loan.individual.maxTermMonths", date)?;
    let firm = rec.int("loan.enterprise.maxTermMonths", date)?;
    Ok(t!(
        "个人最长{}，企业最长{}。",
        "At most {} for individuals, {} for enterprises.";
        person.shown, firm.shown
    ))
}

impl LoanQuote {
    /// The subsidy regime in a few words, with the figures this quote read
    /// (`loan.borrowerLprOffsetBp`, `loan.fiscalShare`).
    pub fn regime_label(&self) -> Text {
        let raw = |key: &str| {
            self.sourced
                .parameters
                .iter()
                .find(|p| p.key == key)
                .map(|p| p.raw.clone())
        };
        match self.regime.as_str() {
            "lprMinus150" => match raw("loan.borrowerLprOffsetBp") {
                Some(bp) => t!(
                    "借款人承担 LPR−{}BP 以下部分，其余财政贴息",
                    "Borrower pays up to LPR − {} bp, the treasury the rest";
                    bp
                ),
                None => t!(
                    "借款人承担部分利息，其余财政贴息",
                    "Borrower pays part, the treasury the rest"
                ),
            },
            "halfOfActual" | "custom" => {
                match raw("loan.fiscalShare").and_then(|r| r.parse::<Ratio>().ok()) {
                    Some(share) => t!(
                        "财政贴息实际利率的{}",
                        "The treasury pays {} of the actual rate";
                        share_pct(share)
                    ),
                    None => t!("按本地规定比例贴息", "The local share is subsidised"),
                }
            }
            _ => t!("不贴息", "No subsidy"),
        }
    }
}

/// The longest extension (展期) a quote will lay out. Banks grant a year or so;
/// this only keeps the schedule finite (an input check, not a policy limit).
pub const MAX_EXTENSION_MONTHS: u32 = 120;

/// A contract rate below this many percent a year is taken for a ratio typed
/// where percent is expected ("0.035" for 3.5%): no guaranteed loan is that
/// cheap. A unit check, not a policy figure.
const RATE_LOOKS_LIKE_RATIO_BELOW: Decimal = Decimal::ONE;

/// Refuses every argument that would otherwise become a silent number (class
/// "a bad argument"): each error names its field.
fn check_input(input: &QuoteInput) -> Result<(), QuoteError> {
    if input.amount <= Decimal::ZERO {
        return Err(QuoteError::input(
            "amount",
            t!(
                "贷款金额须大于0，按元填写（不是万元）。",
                "The amount must be above 0, in yuan (not 万元, ten-thousands)."
            ),
        ));
    }
    if input.amount > crate::money::MAX_AMOUNT {
        return Err(QuoteError::input(
            "amount",
            t!(
                "贷款金额太大了（最多一万亿元），请检查是否多输了几位。",
                "The amount is too large (at most 1000000000000 yuan): check for extra digits."
            ),
        ));
    }
    if input.term_months == 0 {
        return Err(QuoteError::input(
            "termMonths",
            t!(
                "贷款期限须大于0，按月填写（不是年数，12个月为1年）。",
                "The term must be above 0, in months (not years: 12 months make a year)."
            ),
        ));
    }
    if let Some(r) = input.annual_rate {
        if r <= Decimal::ZERO || r > Decimal::ONE_HUNDRED {
            return Err(QuoteError::input(
                "annualRate",
                t!(
                    "年利率按百分数填写，须大于0、不超过100：3.5 表示年利率3.5%。",
                    "The annual rate is in percent, above 0 and at most 100: 3.5 means 3.5% a year."
                ),
            ));
        }
        if r < RATE_LOOKS_LIKE_RATIO_BELOW {
            let hundred = (r * Decimal::ONE_HUNDRED).normalize();
            return Err(QuoteError::input(
                "annualRate",
                t!(
                    "年利率按百分数填写：收到 {}，即年利率 {}%，低得不像真实利率。如果是指 {}%，请填写 {}。",
                    "The annual rate is in percent: {} means {}% a year, too low to be real. For {}% a year, type {}.";
                    r.normalize(), r.normalize(), hundred, hundred
                ),
            ));
        }
    }
    match (input.borrower, input.partners) {
        (Borrower::Partnership, None) | (Borrower::Partnership, Some(0)) => {
            return Err(QuoteError::input(
                "partners",
                t!(
                    "合伙创业须填写符合条件的合伙人人数（至少1人）。",
                    "A partnership quote needs the number of eligible partners (at least 1)."
                ),
            ));
        }
        (Borrower::Individual | Borrower::Enterprise, Some(_)) => {
            return Err(QuoteError::input(
                "partners",
                t!(
                    "合伙人人数只用于合伙创业：请把借款人选为合伙创业（partnership），或去掉合伙人人数。",
                    "The number of partners is for partnerships only: choose the partnership borrower, or leave the number out."
                ),
            ));
        }
        _ => {}
    }
    if input.extension_months > MAX_EXTENSION_MONTHS {
        return Err(QuoteError::input(
            "extensionMonths",
            t!(
                "展期月数最多{}个月。",
                "An extension is at most {} months.";
                MAX_EXTENSION_MONTHS
            ),
        ));
    }
    Ok(())
}

/// Refuses an overdue period that is not in the schedule (0, or past the last
/// period): it would otherwise change nothing, in silence.
fn check_overdue(input: &QuoteInput, periods: usize) -> Result<(), QuoteError> {
    for (i, &n) in input.overdue_periods.iter().enumerate() {
        if n == 0 || n as usize > periods {
            return Err(QuoteError::input(
                format!("overduePeriods[{i}]"),
                t!(
                    "逾期期次 {} 不在还款计划中：期次从1开始，本计划共{}期（含展期）。",
                    "Overdue period {} is not in the schedule: periods count from 1, and this one has {} (extension included).";
                    n, periods
                ),
            ));
        }
        if input.overdue_periods[..i].contains(&n) {
            return Err(QuoteError::input(
                format!("overduePeriods[{i}]"),
                t!(
                    "逾期期次 {} 填写了两次。",
                    "Overdue period {} is listed twice.";
                    n
                ),
            ));
        }
    }
    Ok(())
}

/// Makes the quote: see the module docs for every rule.
pub fn quote(input: &QuoteInput, rules: &Rules<'_>, lang: Lang) -> Result<LoanQuote, QuoteError> {
    check_input(input)?;
    let date = input.contract_date;
    let mut rec = Recorder::new(rules, lang);
    rec.note(t!(
        "贷款额度为上限；实际额度、期限和利率由担保机构和经办银行审核确定。",
        "These are limits; the guarantor and the bank decide the actual amount, term and rate."
    ));
    let mut problems: Vec<(String, Text)> = Vec::new();
    let mut steps: Vec<Text> = Vec::new();

    // Amount.
    let (max_amount, why) = cap(input, &mut rec, date)?;
    steps.push(why);
    if max_amount <= Decimal::ZERO {
        return Err(QuoteError::input(
            "borrower",
            t!(
                "规则包中该类借款人的贷款额度为0，无法测算；请加载当地规则包或咨询经办机构。",
                "The packs give this kind of borrower a cap of 0, so no quote can be made; load the local pack or ask the local office."
            ),
        ));
    }
    if input.borrower == Borrower::Partnership && input.jobs_created.is_some() {
        problems.push((
            "jobsCreatedNotCounted".into(),
            t!(
                "合伙创业的额度按合伙人人数计算，带动就业人数不影响额度。",
                "A partnership's cap counts its partners: the jobs created do not change it."
            ),
        ));
    }
    let quoted_amount = if input.amount > max_amount {
        let (asked, max) = (yuan_text(input.amount), yuan_text(max_amount));
        problems.push((
            "amountAboveCap".into(),
            t!(
                "申请{}超过上限{}，以下按上限{}测算。",
                "The {} asked for is above the cap of {}; the quote below is for {}.";
                asked, max, max
            ),
        ));
        max_amount
    } else {
        input.amount
    };
    // Term.
    let term_key = if input.borrower == Borrower::Enterprise {
        "loan.enterprise.maxTermMonths"
    } else {
        "loan.individual.maxTermMonths"
    };
    let max_term = rec.int(term_key, date)?;
    let max_term_shown = max_term.shown.clone();
    let max_term = max_term.value.max(0) as u32;
    if max_term == 0 {
        return Err(QuoteError::input(
            "termMonths",
            t!(
                "规则包中该类借款人的最长期限为0，无法测算；请加载当地规则包或咨询经办机构。",
                "The packs give this kind of borrower a longest term of 0, so no quote can be made; load the local pack or ask the local office."
            ),
        ));
    }
    let term = if input.term_months > max_term {
        problems.push((
            "termAboveCap".into(),
            t!(
                "期限{}个月超过最长{}，以下按{}测算。",
                "A term of {} months is above the {} allowed; the quote below is for {}.";
                input.term_months, max_term_shown, max_term_shown
            ),
        ));
        max_term
    } else {
        input.term_months
    };
    // Rate.
    let lpr_fig = rec.decimal("loan.lpr1y", date)?;
    let (lpr, lpr_from) = (lpr_fig.value, lpr_fig.param.effective_from);
    let (cap_bp, cap_why) = rate_cap_bp(&mut rec, date)?;
    steps.push(cap_why);
    let rate_cap = lpr + Decimal::from(cap_bp) / Decimal::ONE_HUNDRED;
    let annual_rate = match input.annual_rate {
        Some(rate) if rate > rate_cap => {
            problems.push((
                "rateAboveCap".into(),
                t!(
                    "利率{}超过上限 LPR {} + {}BP = {}，以下按上限测算。",
                    "A rate of {} is above the cap, LPR {} + {} bp = {}; the quote below uses the cap.";
                    pct(rate), pct(lpr), cap_bp, pct(rate_cap)
                ),
            ));
            rate_cap
        }
        Some(rate) => rate,
        None => rate_cap,
    };
    steps.push(t!(
        "合同签订日 {} 的一年期 LPR 为 {}（{} 起），利率上限 LPR + {}BP = {}；按年利率 {} 计息。",
        "The 1-year LPR on the contract date {} is {} (from {}); the rate cap is LPR + {} bp = {}; interest at {} a year.";
        date, pct(lpr), lpr_from, cap_bp, pct(rate_cap), pct(annual_rate)
    ));
    // Subsidy regime.
    let mut regime = rec.choice("loan.subsidyRegime", date)?.value;
    let max_loans = rec.int("loan.maxSubsidisedLoans", date)?.value;
    if i64::from(input.previous_subsidised_loans) >= max_loans {
        problems.push((
            "subsidyLimitReached".into(),
            t!(
                "已享受{}次贴息，达到{}次上限，本次贷款不再贴息。",
                "{} subsidised loans already, the limit of {}: this loan gets no subsidy.";
                input.previous_subsidised_loans, max_loans
            ),
        ));
        regime = "none".into();
    }
    if input.refinancing {
        problems.push((
            "refinancing".into(),
            t!(
                "借新还旧的贷款不予贴息。",
                "Loans that refinance an old one (借新还旧) get no subsidy."
            ),
        ));
        regime = "none".into();
    }
    let (borrower_rate, subsidy_rate) = match regime.as_str() {
        "lprMinus150" => {
            let off = rec.int("loan.borrowerLprOffsetBp", date)?.value;
            let borrower = (lpr - Decimal::from(off) / Decimal::ONE_HUNDRED)
                .max(Decimal::ZERO)
                .min(annual_rate);
            steps.push(t!(
                "贴息方式：借款人承担 LPR − {}BP = {}，其余 {} 由财政贴息。",
                "Subsidy: the borrower pays LPR − {} bp = {}, the treasury the other {}.";
                off, pct(borrower), pct(annual_rate - borrower)
            ));
            (borrower, annual_rate - borrower)
        }
        "halfOfActual" | "custom" => {
            let share = rec.ratio("loan.fiscalShare", date)?.value;
            let subsidy = share.of(annual_rate);
            steps.push(t!(
                "贴息方式：财政贴息实际利率的{}，即 {}；借款人承担 {}。",
                "Subsidy: the treasury pays {} of the actual rate, {}; the borrower pays {}.";
                share_pct(share), pct(subsidy), pct(annual_rate - subsidy)
            ));
            (annual_rate - subsidy, subsidy)
        }
        _ => (annual_rate, Decimal::ZERO),
    };
    // Schedule.
    let day_count = rec.choice("loan.dayCount", date)?.value;
    let rounding = crate::subsidy::rounding_of(&mut rec, date)?;
    let schedule = schedule(
        quoted_amount,
        term,
        input,
        annual_rate,
        subsidy_rate,
        &day_count,
        rounding,
    )
    .ok_or_else(|| {
        QuoteError::input(
            "termMonths",
            t!(
                "期限和利率太大，无法计算等额本息还款额。",
                "The term and rate are too large to work out equal instalments."
            ),
        )
    })?;
    check_overdue(input, schedule.len())?;
    let total_interest: Decimal = schedule.iter().map(|p| p.interest).sum();
    let fiscal: Decimal = schedule.iter().map(|p| p.subsidy).sum();
    let borrower_interest: Decimal = schedule.iter().map(|p| p.borrower_interest).sum();
    let total_principal: Decimal = schedule.iter().map(|p| p.principal).sum();
    let yuan = crate::money::yuan;
    steps.push(t!(
        "共{}期，利息合计{}元，其中借款人承担{}元，财政贴息{}元。",
        "{} periods: interest {} yuan in all, of which the borrower pays {} and the treasury {}.";
        schedule.len(), yuan(total_interest), yuan(borrower_interest), yuan(fiscal)
    ));
    Ok(LoanQuote {
        borrower: input.borrower,
        max_amount: rescaled(max_amount),
        requested_amount: input.amount,
        quoted_amount: rescaled(quoted_amount),
        max_term_months: max_term,
        quoted_term_months: term,
        lpr: rate(lpr),
        lpr_effective_from: lpr_from,
        rate_cap_bp: cap_bp,
        rate_cap: rate(rate_cap),
        annual_rate: rate(annual_rate),
        regime,
        borrower_rate: rate(borrower_rate),
        subsidy_rate: rate(subsidy_rate),
        day_count,
        repayment: input.repayment,
        schedule,
        total_principal: rescaled(total_principal),
        total_interest: rescaled(total_interest),
        borrower_interest: rescaled(borrower_interest),
        fiscal_subsidy: rescaled(fiscal),
        problems: problems
            .into_iter()
            .map(|(code, t)| QuoteProblem {
                code,
                message: t.get(lang).to_string(),
            })
            .collect(),
        explanation: steps.iter().map(|s| s.get(lang).to_string()).collect(),
        sourced: rec.finish(),
    })
}

fn rescaled(mut d: Decimal) -> Decimal {
    d.rescale(2);
    d
}

/// A rate in percent as written: at least two places, more only when needed
/// (`3.00`, `1.75`, `2.475`).
fn rate(d: Decimal) -> Decimal {
    let mut r = d.round_dp(6).normalize();
    if r.scale() < 2 {
        r.rescale(2);
    }
    r
}

/// Running totals that keep each period's rounded interest and subsidy on the
/// rounded exact running total (no drift). The totals are kept as numerators
/// over one denominator per schedule (the day count's year × 100, and × the
/// subsidy share's denominator), divided only when rounded: a sum of divided
/// parts such as 370.2003333… × 15 would lose the last digit (5553.004999… for
/// an exact 5553.005) and round the wrong way.
struct Accrual {
    rounding: Rounding,
    /// Denominator of the interest numerators.
    den: Decimal,
    /// The subsidy's share of the interest.
    share: Ratio,
    interest_num: Decimal,
    subsidy_num: Decimal,
    paid_interest: Decimal,
    paid_subsidy: Decimal,
}

impl Accrual {
    /// This period's interest on the exact interest `num / den`.
    fn interest(&mut self, num: Decimal) -> Decimal {
        self.interest_num += num;
        let i = self.rounding.to_fen(self.interest_num / self.den) - self.paid_interest;
        self.paid_interest += i;
        i
    }
    /// This period's subsidy on the exact interest `num / den`, at most `interest`.
    fn subsidy(&mut self, num: Decimal, interest: Decimal) -> Decimal {
        self.subsidy_num += num * self.share.numerator;
        let exact = self.subsidy_num / (self.den * self.share.denominator);
        let s = self.rounding.to_fen(exact) - self.paid_subsidy;
        self.paid_subsidy += s;
        s.min(interest).max(Decimal::ZERO)
    }
}

/// The repayment schedule; see the module docs. `None` when the equal
/// instalment does not fit in a decimal (an absurd term and rate).
fn schedule(
    principal: Decimal,
    term: u32,
    input: &QuoteInput,
    annual_rate: Decimal,
    subsidy_rate: Decimal,
    day_count: &str,
    rounding: Rounding,
) -> Option<Vec<Period>> {
    let start = input.contract_date;
    let monthly = annual_rate / Decimal::from(1200);
    let share = if annual_rate.is_zero() {
        Ratio::ONE
    } else {
        Ratio {
            numerator: subsidy_rate,
            denominator: annual_rate,
        }
    };
    // Period ends in months from the contract date.
    let step = if input.repayment == Repayment::InterestQuarterly {
        3
    } else {
        1
    };
    let mut ends: Vec<u32> = (1..=term).filter(|m| m % step == 0).collect();
    if ends.last() != Some(&term) {
        ends.push(term);
    }
    ends.extend((1..=input.extension_months).map(|e| term + e));
    let regular = ends.len() as u32 - input.extension_months;
    let instalment = if input.repayment == Repayment::EqualInstalments {
        let pow = (0..term).try_fold(Decimal::ONE, |p, _| p.checked_mul(Decimal::ONE + monthly))?;
        if pow > Decimal::ONE {
            rounding.to_fen(
                principal
                    .checked_mul(monthly)?
                    .checked_mul(pow)?
                    .checked_div(pow - Decimal::ONE)?,
            )
        } else {
            // A rate so small that (1 + r)^n rounds to 1: no interest to spread.
            rounding.to_fen(principal / Decimal::from(term))
        }
    } else {
        Decimal::ZERO
    };
    let equal_principal = rounding.to_fen(principal / Decimal::from(term));
    let year = match day_count {
        "ACT/360" => Decimal::from(360),
        "ACT/365" => Decimal::from(365),
        _ => Decimal::from(12),
    };
    let mut acc = Accrual {
        rounding,
        den: year * Decimal::ONE_HUNDRED,
        share,
        interest_num: Decimal::ZERO,
        subsidy_num: Decimal::ZERO,
        paid_interest: Decimal::ZERO,
        paid_subsidy: Decimal::ZERO,
    };
    let mut out = Vec::new();
    let mut balance = principal;
    let (mut prev_end, mut prev_due) = (0u32, start);
    for (i, end) in ends.iter().enumerate() {
        let k = i as u32 + 1;
        let months = end - prev_end;
        let due = add_months(start, *end as i32).unwrap_or(start);
        let days = (due - prev_due).num_days();
        // Year fraction as numerator / denominator, divided last so that exact
        // results (e.g. 309.5175) stay exact.
        let (num, den) = match day_count {
            "ACT/360" => (Decimal::from(days), Decimal::from(360)),
            "ACT/365" => (Decimal::from(days), Decimal::from(365)),
            _ => (Decimal::from(months), Decimal::from(12)),
        };
        // The exact interest is num_exact / acc.den (den is the same each period).
        debug_assert_eq!(den * Decimal::ONE_HUNDRED, acc.den);
        let num_exact = balance * annual_rate * num;
        let interest = acc.interest(num_exact);
        let extension = k > regular;
        let last = k == ends.len() as u32;
        let principal_part = if last {
            balance
        } else if extension {
            Decimal::ZERO
        } else {
            match input.repayment {
                Repayment::InterestMonthly | Repayment::InterestQuarterly => Decimal::ZERO,
                Repayment::EqualPrincipal if k == regular => balance,
                Repayment::EqualPrincipal => equal_principal.min(balance),
                Repayment::EqualInstalments if k == regular => balance,
                Repayment::EqualInstalments => {
                    (instalment - interest).max(Decimal::ZERO).min(balance)
                }
            }
        };
        let subsidised =
            !extension && !input.overdue_periods.contains(&k) && !subsidy_rate.is_zero();
        let subsidy = if subsidised {
            acc.subsidy(num_exact, interest)
        } else {
            Decimal::ZERO
        };
        balance -= principal_part;
        out.push(Period {
            n: k,
            due,
            days,
            principal: rescaled(principal_part),
            interest: rescaled(interest),
            borrower_interest: rescaled(interest - subsidy),
            subsidy: rescaled(subsidy),
            balance: rescaled(balance),
            subsidised,
        });
        prev_end = *end;
        prev_due = due;
    }
    Some(out)
}
