//! Properties of loan schedules over random amounts, terms, rates, methods and
//! contract dates.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use zhuchuang_core::dates::add_months;
use zhuchuang_core::loan::{quote, Borrower, QuoteInput, Repayment};
use zhuchuang_core::pack::PackSet;

fn packs() -> &'static PackSet {
    static PACKS: std::sync::OnceLock<PackSet> = std::sync::OnceLock::new();
    PACKS.get_or_init(|| PackSet::embedded().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn schedules_add_up(
        yuan in 1_000i64..300_000, fen in 0i64..100, term in 1u32..=36, rate_bp in 100i64..450,
        method in 0usize..4, day in 0i32..1000, overdue in prop::collection::vec(1u32..36, 0..3),
    ) {
        let repayment = [Repayment::InterestMonthly, Repayment::InterestQuarterly, Repayment::EqualInstalments, Repayment::EqualPrincipal][method];
        let contract = add_months(NaiveDate::from_ymd_opt(2023, 10, 31).unwrap(), day % 30).unwrap();
        let amount = Decimal::new(yuan * 100 + fen, 2);
        // Overdue periods inside the schedule, each once (others are refused:
        // see `overdue_outside_the_schedule_is_refused`).
        let periods = if repayment == Repayment::InterestQuarterly { term.div_ceil(3) } else { term };
        let mut overdue: Vec<u32> = overdue.into_iter().map(|n| 1 + (n - 1) % periods).collect();
        overdue.sort_unstable();
        overdue.dedup();
        let input = QuoteInput {
            borrower: Borrower::Individual, partners: None, jobs_created: None, amount, term_months: term,
            contract_date: contract, annual_rate: Some(Decimal::new(rate_bp, 2)), repayment,
            previous_subsidised_loans: 0, refinancing: false, overdue_periods: overdue, extension_months: 0,
        };
        let rules = packs().rules("000000").unwrap();
        let q = quote(&input, &rules, Default::default()).unwrap();
        // Principal repayments sum to the principal; the balance ends at zero.
        prop_assert_eq!(q.total_principal, amount);
        prop_assert_eq!(q.schedule.last().unwrap().balance, Decimal::ZERO);
        // Interest splits exactly into the borrower's share and the subsidy.
        prop_assert_eq!(q.total_interest, q.borrower_interest + q.fiscal_subsidy);
        for p in &q.schedule {
            prop_assert!(p.subsidy <= p.interest);
            prop_assert!(p.subsidy >= Decimal::ZERO && p.interest >= Decimal::ZERO);
            prop_assert_eq!(p.interest, p.borrower_interest + p.subsidy);
        }
        // Bullet loans under 30/360: total interest is principal × rate × years, rounded once.
        if matches!(repayment, Repayment::InterestMonthly | Repayment::InterestQuarterly) {
            let exact = amount * Decimal::new(rate_bp, 4) * Decimal::from(term) / Decimal::from(12);
            prop_assert_eq!(q.total_interest, zhuchuang_core::money::Rounding::HalfUp.to_fen(exact));
        }
        // Due dates step forward; no period is empty.
        for w in q.schedule.windows(2) {
            prop_assert!(w[0].due < w[1].due);
        }
    }

    #[test]
    fn overdue_outside_the_schedule_is_refused(term in 1u32..=36, past in 1u32..50, extension in 0u32..6) {
        let input = QuoteInput {
            borrower: Borrower::Individual, partners: None, jobs_created: None, amount: Decimal::from(100_000),
            term_months: term, contract_date: NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(), annual_rate: None,
            repayment: Repayment::EqualPrincipal, previous_subsidised_loans: 0, refinancing: false,
            overdue_periods: vec![1, term + extension + past], extension_months: extension,
        };
        let rules = packs().rules("000000").unwrap();
        match quote(&input, &rules, Default::default()) {
            Err(zhuchuang_core::loan::QuoteError::Input { path, .. }) => prop_assert_eq!(path, "overduePeriods[1]"),
            other => prop_assert!(false, "expected an input error, got {:?}", other.map(|q| q.schedule.len())),
        }
    }
}
