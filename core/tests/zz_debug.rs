use chrono::NaiveDate;
use rust_decimal::Decimal;
use zhuchuang_core::loan::*;
use zhuchuang_core::pack::PackSet;
#[test]
fn dbg() {
    let packs = PackSet::embedded().unwrap();
    let input = QuoteInput {
        borrower: Borrower::Individual,
        partners: None,
        jobs_created: None,
        amount: Decimal::from(241435),
        term_months: 15,
        contract_date: NaiveDate::from_ymd_opt(2023, 10, 31).unwrap(),
        annual_rate: Some(Decimal::new(184, 2)),
        repayment: Repayment::InterestMonthly,
        previous_subsidised_loans: 0,
        refinancing: false,
        overdue_periods: vec![],
        extension_months: 0,
    };
    let rules = packs.rules("000000").unwrap();
    let q = quote(&input, &rules, Default::default()).unwrap();
    println!(
        "{} {:?} {}",
        q.total_interest,
        q.day_count,
        serde_json::to_string(
            &q.sourced
                .parameters
                .iter()
                .map(|p| (&p.key, &p.raw))
                .collect::<Vec<_>>()
        )
        .unwrap()
    );
}
