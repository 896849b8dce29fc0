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
//!   table portals extend monthly) plus `loan.rateCapOverLprBp`; the contract rate
//!   defaults to that cap.
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
use crate::pack::{Citation, PackStamp, ParamRef, Provenance, RuleError, Rules};
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
    /// Partnerships: partners who are in an eligible group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<u32>,
    /// Jobs the business created (for a local higher cap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jobs_created: Option<u32>,
    /// Yuan.
    pub amount: Decimal,
    pub term_months: u32,
    pub contract_date: NaiveDate,
    /// Percent a year, e.g. `"3.50"`; default the cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_rate: Option<Decimal>,
    pub repayment: Repayment,
    #[serde(default)]
    pub previous_subsidised_loans: u32,
    /// 借新还旧: no subsidy.
    #[serde(default)]
    pub refinancing: bool,
    /// Periods (1-based) repaid late: no subsidy for them.
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
    pub n: u32,
    pub due: NaiveDate,
    pub days: i64,
    pub principal: Decimal,
    pub interest: Decimal,
    pub borrower_interest: Decimal,
    pub subsidy: Decimal,
    /// Principal outstanding after this period.
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
    /// `refinancing`, `noPartners`.
    pub code: String,
    pub message: String,
}

/// The answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LoanQuote {
    pub borrower: Borrower,
    pub max_amount: Decimal,
    pub requested_amount: Decimal,
    pub quoted_amount: Decimal,
    pub max_term_months: u32,
    pub quoted_term_months: u32,
    /// The 1-year LPR on the contract date, percent.
    pub lpr: Decimal,
    pub lpr_effective_from: NaiveDate,
    pub rate_cap_bp: i64,
    /// LPR + cap, percent a year.
    pub rate_cap: Decimal,
    /// The contract rate used, percent a year.
    pub annual_rate: Decimal,
    /// `lprMinus150`, `halfOfActual`, `custom` or `none`.
    pub regime: String,
    /// What the borrower pays, percent a year.
    pub borrower_rate: Decimal,
    /// What the treasury pays, percent a year.
    pub subsidy_rate: Decimal,
    pub day_count: String,
    pub repayment: Repayment,
    pub schedule: Vec<Period>,
    pub total_principal: Decimal,
    pub total_interest: Decimal,
    pub borrower_interest: Decimal,
    pub fiscal_subsidy: Decimal,
    pub problems: Vec<QuoteProblem>,
    pub explanation: Vec<String>,
    pub citations: Vec<Citation>,
    pub parameters: Vec<ParamRef>,
    pub caveats: Vec<String>,
    pub pack: PackStamp,
}

/// Why no quote could be made.
#[derive(Clone, Debug, PartialEq)]
pub enum QuoteError {
    Input(Text),
    Rule(RuleError),
}

impl From<RuleError> for QuoteError {
    fn from(e: RuleError) -> Self {
        QuoteError::Rule(e)
    }
}

fn pct(d: Decimal) -> String {
    format!("{}%", d.round_dp(4).normalize())
}

/// The largest amount the borrower may ask for on `date`, with why.
fn cap(
    input: &QuoteInput,
    rules: &Rules<'_>,
    date: NaiveDate,
    used: &mut Provenance,
) -> Result<(Decimal, Text), QuoteError> {
    let top_up = |who: &'static str,
                  base: Decimal,
                  used: &mut Provenance|
     -> Result<(Decimal, Option<Text>), QuoteError> {
        let min_key: &'static str = if who == "individual" {
            "loan.individual.jobsTopUpMinJobs"
        } else {
            "loan.enterprise.jobsTopUpMinJobs"
        };
        let max_key: &'static str = if who == "individual" {
            "loan.individual.jobsTopUpMaxAmount"
        } else {
            "loan.enterprise.jobsTopUpMaxAmount"
        };
        match (
            rules.int(min_key, date),
            rules.decimal(max_key, date),
            input.jobs_created,
        ) {
            (Ok((min, r1)), Ok((top, r2)), Some(jobs)) if i64::from(jobs) >= min && top > base => {
                used.keep(&r1);
                used.keep(&r2);
                Ok((
                    top,
                    Some(Text::new(
                        format!(
                            "带动就业{jobs}人（≥{min}人），本地额度提高到{}",
                            yuan_words(top, Lang::ZhCn)
                        ),
                        format!(
                            "{jobs} jobs created (at least {min}): the local cap rises to {}",
                            yuan_words(top, Lang::En)
                        ),
                    )),
                ))
            }
            _ => Ok((base, None)),
        }
    };
    Ok(match input.borrower {
        Borrower::Individual => {
            let (c, r) = rules.decimal("loan.individual.maxAmount", date)?;
            used.keep(&r);
            let (c2, note) = top_up("individual", c, used)?;
            let why = note.unwrap_or_else(|| {
                Text::new(
                    format!("个人创业担保贷款最高{}", yuan_words(c, Lang::ZhCn)),
                    format!("The individual cap is {}", yuan_words(c, Lang::En)),
                )
            });
            (c2, why)
        }
        Borrower::Partnership => {
            let (each, r) = rules.decimal("loan.individual.maxAmount", date)?;
            used.keep(&r);
            let (factor, r) = rules.ratio("loan.partnership.factor", date)?;
            used.keep(&r);
            let (ent, r) = rules.decimal("loan.enterprise.maxAmount", date)?;
            used.keep(&r);
            let n = input.partners.unwrap_or(0);
            let sum = factor.of(each * Decimal::from(n));
            let c = sum.min(ent);
            (c, Text::new(
                format!("合伙创业：{}位符合条件的合伙人 × {} × {} = {}，且不超过小微企业额度{}，上限{}", n, yuan_words(each, Lang::ZhCn), factor, yuan_words(sum, Lang::ZhCn), yuan_words(ent, Lang::ZhCn), yuan_words(c, Lang::ZhCn)),
                format!("Partnership: {} eligible partners × {} × {} = {}, and not above the enterprise cap of {}: {}", n, yuan_words(each, Lang::En), factor, yuan_words(sum, Lang::En), yuan_words(ent, Lang::En), yuan_words(c, Lang::En)),
            ))
        }
        Borrower::Enterprise => {
            let (c, r) = rules.decimal("loan.enterprise.maxAmount", date)?;
            used.keep(&r);
            let (c2, note) = top_up("enterprise", c, used)?;
            let why = note.unwrap_or_else(|| {
                Text::new(
                    format!("小微企业创业担保贷款最高{}", yuan_words(c, Lang::ZhCn)),
                    format!("The small-enterprise cap is {}", yuan_words(c, Lang::En)),
                )
            });
            (c2, why)
        }
    })
}

/// The longest extension (展期) a quote will lay out. Banks grant a year or so;
/// this only keeps the schedule finite (an input check, not a policy limit).
pub const MAX_EXTENSION_MONTHS: u32 = 120;

/// Makes the quote: see the module docs for every rule.
pub fn quote(input: &QuoteInput, rules: &Rules<'_>, lang: Lang) -> Result<LoanQuote, QuoteError> {
    if input.amount <= Decimal::ZERO || input.term_months == 0 {
        return Err(QuoteError::Input(Text::new(
            "贷款金额和期限须大于0。",
            "The amount and the term must be above 0.",
        )));
    }
    if input
        .annual_rate
        .is_some_and(|r| r <= Decimal::ZERO || r > Decimal::ONE_HUNDRED)
    {
        return Err(QuoteError::Input(Text::new(
            "年利率须大于0、不超过100（单位：%）。",
            "The annual rate must be above 0 and at most 100 (percent).",
        )));
    }
    if input.amount > crate::money::MAX_AMOUNT {
        return Err(QuoteError::Input(Text::new(
            "贷款金额太大了（最多一万亿元），请检查是否多输了几位。",
            "The amount is too large (at most 1000000000000 yuan): check for extra digits.",
        )));
    }
    if input.extension_months > MAX_EXTENSION_MONTHS {
        return Err(QuoteError::Input(Text::new(
            format!("展期月数最多{MAX_EXTENSION_MONTHS}个月。"),
            format!("An extension is at most {MAX_EXTENSION_MONTHS} months."),
        )));
    }
    let date = input.contract_date;
    let mut used = Provenance::new(lang);
    let mut problems: Vec<(String, Text)> = Vec::new();
    let mut steps: Vec<Text> = Vec::new();

    // Amount.
    let (max_amount, why) = cap(input, rules, date, &mut used)?;
    steps.push(why);
    if input.borrower == Borrower::Partnership && input.partners.unwrap_or(0) == 0 {
        problems.push((
            "noPartners".into(),
            Text::new(
                "合伙创业须填写符合条件的合伙人人数。",
                "A partnership quote needs the number of eligible partners.",
            ),
        ));
    }
    let quoted_amount = if input.amount > max_amount {
        problems.push((
            "amountAboveCap".into(),
            Text::new(
                format!(
                    "申请{}超过上限{}，以下按上限{}测算。",
                    yuan_words(input.amount, Lang::ZhCn),
                    yuan_words(max_amount, Lang::ZhCn),
                    yuan_words(max_amount, Lang::ZhCn)
                ),
                format!(
                    "The {} asked for is above the cap of {}; the quote below is for {}.",
                    yuan_words(input.amount, Lang::En),
                    yuan_words(max_amount, Lang::En),
                    yuan_words(max_amount, Lang::En)
                ),
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
    let (max_term, r) = rules.int(term_key, date)?;
    used.keep(&r);
    let max_term = max_term.max(0) as u32;
    let term = if input.term_months > max_term {
        problems.push(("termAboveCap".into(), Text::new(
            format!("期限{}个月超过最长{}个月，以下按{}个月测算。", input.term_months, max_term, max_term),
            format!("A term of {} months is above the {} allowed; the quote below is for {} months.", input.term_months, max_term, max_term),
        )));
        max_term
    } else {
        input.term_months
    };
    // Rate.
    let (lpr, r_lpr) = rules.decimal("loan.lpr1y", date)?;
    used.keep(&r_lpr);
    let (cap_bp, r) = rules.int("loan.rateCapOverLprBp", date)?;
    used.keep(&r);
    let rate_cap = lpr + Decimal::from(cap_bp) / Decimal::ONE_HUNDRED;
    let annual_rate = match input.annual_rate {
        Some(rate) if rate > rate_cap => {
            problems.push(("rateAboveCap".into(), Text::new(
                format!("利率{}超过上限 LPR {} + {}BP = {}，以下按上限测算。", pct(rate), pct(lpr), cap_bp, pct(rate_cap)),
                format!("A rate of {} is above the cap, LPR {} + {} bp = {}; the quote below uses the cap.", pct(rate), pct(lpr), cap_bp, pct(rate_cap)),
            )));
            rate_cap
        }
        Some(rate) => rate,
        None => rate_cap,
    };
    steps.push(Text::new(
        format!("合同签订日 {date} 的一年期 LPR 为 {}（{} 起），利率上限 LPR + {}BP = {}；按年利率 {} 计息。", pct(lpr), r_lpr.entry.from, cap_bp, pct(rate_cap), pct(annual_rate)),
        format!("The 1-year LPR on the contract date {date} is {} (from {}); the rate cap is LPR + {} bp = {}; interest at {} a year.", pct(lpr), r_lpr.entry.from, cap_bp, pct(rate_cap), pct(annual_rate)),
    ));
    // Subsidy regime.
    let (regime, r) = rules.choice("loan.subsidyRegime", date)?;
    used.keep(&r);
    let (max_loans, r_max) = rules.int("loan.maxSubsidisedLoans", date)?;
    used.keep(&r_max);
    let mut regime = regime;
    if i64::from(input.previous_subsidised_loans) >= max_loans {
        problems.push((
            "subsidyLimitReached".into(),
            Text::new(
                format!(
                    "已享受{}次贴息，达到{}次上限，本次贷款不再贴息。",
                    input.previous_subsidised_loans, max_loans
                ),
                format!(
                    "{} subsidised loans already, the limit of {}: this loan gets no subsidy.",
                    input.previous_subsidised_loans, max_loans
                ),
            ),
        ));
        regime = "none".into();
    }
    if input.refinancing {
        problems.push((
            "refinancing".into(),
            Text::new(
                "借新还旧的贷款不予贴息。",
                "Loans that refinance an old one (借新还旧) get no subsidy.",
            ),
        ));
        regime = "none".into();
    }
    let (borrower_rate, subsidy_rate) = match regime.as_str() {
        "lprMinus150" => {
            let (off, r) = rules.int("loan.borrowerLprOffsetBp", date)?;
            used.keep(&r);
            let borrower = (lpr - Decimal::from(off) / Decimal::ONE_HUNDRED)
                .max(Decimal::ZERO)
                .min(annual_rate);
            steps.push(Text::new(
                format!(
                    "贴息方式：借款人承担 LPR − {off}BP = {}，其余 {} 由财政贴息。",
                    pct(borrower),
                    pct(annual_rate - borrower)
                ),
                format!(
                    "Subsidy: the borrower pays LPR − {off} bp = {}, the treasury the other {}.",
                    pct(borrower),
                    pct(annual_rate - borrower)
                ),
            ));
            (borrower, annual_rate - borrower)
        }
        "halfOfActual" | "custom" => {
            let (share, r) = rules.ratio("loan.fiscalShare", date)?;
            used.keep(&r);
            let subsidy = share.of(annual_rate);
            steps.push(Text::new(
                format!(
                    "贴息方式：财政贴息实际利率的{}，即 {}；借款人承担 {}。",
                    share,
                    pct(subsidy),
                    pct(annual_rate - subsidy)
                ),
                format!(
                    "Subsidy: the treasury pays {} of the actual rate, {}; the borrower pays {}.",
                    share,
                    pct(subsidy),
                    pct(annual_rate - subsidy)
                ),
            ));
            (annual_rate - subsidy, subsidy)
        }
        _ => (annual_rate, Decimal::ZERO),
    };
    // Schedule.
    let (day_count, r) = rules.choice("loan.dayCount", date)?;
    used.keep(&r);
    let (rounding, r) = rules.choice("money.rounding", date)?;
    used.keep(&r);
    let rounding = Rounding::parse(&rounding).unwrap_or_default();
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
        QuoteError::Input(Text::new(
            "期限和利率太大，无法计算等额本息还款额。",
            "The term and rate are too large to work out equal instalments.",
        ))
    })?;
    let total_interest: Decimal = schedule.iter().map(|p| p.interest).sum();
    let fiscal: Decimal = schedule.iter().map(|p| p.subsidy).sum();
    let borrower_interest: Decimal = schedule.iter().map(|p| p.borrower_interest).sum();
    let total_principal: Decimal = schedule.iter().map(|p| p.principal).sum();
    steps.push(Text::new(
        format!("共{}期，利息合计{}元，其中借款人承担{}元，财政贴息{}元。", schedule.len(), crate::money::yuan(total_interest), crate::money::yuan(borrower_interest), crate::money::yuan(fiscal)),
        format!("{} periods: interest {} yuan in all, of which the borrower pays {} and the treasury {}.", schedule.len(), crate::money::yuan(total_interest), crate::money::yuan(borrower_interest), crate::money::yuan(fiscal)),
    ));
    let stamp = rules.stamp();
    let mut caveats = used.caveats(&stamp);
    caveats.push(
        Text::new(
            "贷款额度为上限；实际额度、期限和利率由担保机构和经办银行审核确定。",
            "These are limits; the guarantor and the bank decide the actual amount, term and rate.",
        )
        .get(lang)
        .to_string(),
    );
    Ok(LoanQuote {
        borrower: input.borrower,
        max_amount: rescaled(max_amount),
        requested_amount: input.amount,
        quoted_amount: rescaled(quoted_amount),
        max_term_months: max_term,
        quoted_term_months: term,
        lpr: rate(lpr),
        lpr_effective_from: r_lpr.entry.from,
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
        citations: used.citations,
        parameters: used.params,
        caveats,
        pack: stamp,
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
/// rounded exact running total (no drift).
struct Accrual {
    rounding: Rounding,
    exact_interest: Decimal,
    exact_subsidy: Decimal,
    paid_interest: Decimal,
    paid_subsidy: Decimal,
}

impl Accrual {
    /// This period's interest on `exact` (unrounded) interest.
    fn interest(&mut self, exact: Decimal) -> Decimal {
        self.exact_interest += exact;
        let i = self.rounding.to_fen(self.exact_interest) - self.paid_interest;
        self.paid_interest += i;
        i
    }
    /// This period's subsidy on `exact` (unrounded) subsidy, at most `interest`.
    fn subsidy(&mut self, exact: Decimal, interest: Decimal) -> Decimal {
        self.exact_subsidy += exact;
        let s = self.rounding.to_fen(self.exact_subsidy) - self.paid_subsidy;
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
    let mut acc = Accrual {
        rounding,
        exact_interest: Decimal::ZERO,
        exact_subsidy: Decimal::ZERO,
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
        let exact = balance * annual_rate * num / (den * Decimal::ONE_HUNDRED);
        let interest = acc.interest(exact);
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
            acc.subsidy(share.of(exact), interest)
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
