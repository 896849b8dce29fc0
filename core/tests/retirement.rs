//! Properties of the retirement rule over every birth month of the cohorts
//! concerned, on all three tracks.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use zhuchuang_core::dates::YearMonth;
use zhuchuang_core::pack::PackSet;
use zhuchuang_core::retirement::{statutory_retirement, RetirementQuery, Track};

fn packs() -> &'static PackSet {
    static PACKS: std::sync::OnceLock<PackSet> = std::sync::OnceLock::new();
    PACKS.get_or_init(|| PackSet::embedded().unwrap())
}

fn tracks() -> [Track; 3] {
    [Track::Male, Track::Female55, Track::Female50]
}

proptest! {
    #[test]
    fn retirement_is_consistent(year in 1950i32..2005, month in 1u32..=12, day in 1u32..=31, t in 0usize..3) {
        let Some(birth) = NaiveDate::from_ymd_opt(year, month, day) else { return Ok(()) };
        let rules = packs().rules("000000").unwrap();
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let track = tracks()[t];
        let q = RetirementQuery { birth_date: birth, track, contribution_months: None };
        let r = statutory_retirement(&q, &rules, as_of, Default::default()).unwrap();
        let total = (r.age_years * 12 + r.age_months) as i32;
        // The month is the birth month plus the age; the date lies in that month.
        prop_assert_eq!(r.retirement_month, YearMonth::of(birth) + total);
        prop_assert_eq!(YearMonth::of(r.retirement_date), r.retirement_month);
        prop_assert!(r.retirement_date.day() <= birth.day());
        // Delay within the cap; age = original + delay.
        let cap = if track == Track::Female50 { 60 } else { 36 };
        prop_assert!(r.delay_months <= cap);
        prop_assert_eq!(total as u32, r.original.age_years * 12 + r.delay_months);
        // Flexible window: never below the original age, at most 36 months early and late.
        prop_assert!(r.flexible.earliest_month >= r.original.retirement_month);
        prop_assert!(r.retirement_month - r.flexible.earliest_month <= 36);
        prop_assert_eq!(r.flexible.latest_month - r.retirement_month, 36);
        // A later birth month never retires earlier, nor with less delay.
        let next = statutory_retirement(
            &RetirementQuery { birth_date: birth + chrono::Months::new(1), ..q },
            &rules, as_of, Default::default()).unwrap();
        prop_assert!(next.delay_months >= r.delay_months);
        prop_assert!(next.delay_months - r.delay_months <= 1);
        prop_assert!(next.retirement_month > r.retirement_month);
    }
}
