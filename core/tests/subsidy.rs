//! Properties of subsidy periods and amounts over random people, approval dates,
//! contributions and stop events.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use zhuchuang_core::dates::{add_months, YearMonth};
use zhuchuang_core::pack::PackSet;
use zhuchuang_core::retirement::Track;
use zhuchuang_core::subsidy::{
    plan, Contributions, KindAmounts, Person, PlanError, PlanInput, Program, StopEvent, SubsidyPlan,
};

/// The plan, or `None` when it is refused for the reason a random case can
/// have: the first approval after retirement, or a stop event before the first
/// month. Never a plan that ends before it starts.
fn plan_or_refused(input: &PlanInput, as_of: NaiveDate) -> Option<SubsidyPlan> {
    let rules = packs().rules("000000").unwrap();
    match plan(input, &rules, as_of, Default::default()) {
        Ok(p) => {
            assert!(p.months >= 1, "a plan of {} months", p.months);
            Some(p)
        }
        Err(PlanError::Input { path, message }) => {
            assert!(
                path == "firstApprovedOn" || path.starts_with("events["),
                "{path}: {}",
                message.en
            );
            assert!(!message.zh.is_empty() && !message.en.is_empty());
            None
        }
        Err(e) => panic!("{e:?}"),
    }
}

fn packs() -> &'static PackSet {
    static PACKS: std::sync::OnceLock<PackSet> = std::sync::OnceLock::new();
    PACKS.get_or_init(|| PackSet::embedded().unwrap())
}

fn input(
    birth: NaiveDate,
    track: Track,
    first: NaiveDate,
    program: Program,
    cents: (i64, i64),
    event: Option<NaiveDate>,
) -> PlanInput {
    PlanInput {
        program,
        person: Person {
            birth_date: birth,
            retirement_track: track,
        },
        first_approved_on: first,
        start_on: None,
        months_used: 0,
        contributions: Contributions {
            per_month: Some(KindAmounts {
                pension: Some(Decimal::new(cents.0, 2)),
                medical: Some(Decimal::new(cents.1, 2)),
                unemployment: None,
            }),
            ..Default::default()
        },
        events: event
            .map(|d| {
                vec![StopEvent {
                    kind: zhuchuang_core::eligibility::assistance::EventKind::EmployedByUnit,
                    date: d,
                }]
            })
            .unwrap_or_default(),
    }
}

fn strategy() -> impl Strategy<
    Value = (
        NaiveDate,
        Track,
        NaiveDate,
        Program,
        (i64, i64),
        Option<NaiveDate>,
    ),
> {
    (
        1958i32..2000,
        1u32..=12,
        1u32..=28,
        0usize..3,
        0i32..150,
        0usize..4,
        (0i64..300_000, 0i64..100_000),
        prop::option::of(0i32..80),
    )
        .prop_map(|(y, m, d, t, offset, p, cents, ev)| {
            let birth = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let first = add_months(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap(), offset).unwrap();
            let track = [Track::Male, Track::Female55, Track::Female50][t];
            let program = [
                Program::FlexibleDifficult,
                Program::FlexibleGraduate,
                Program::EmployerDifficult,
                Program::PublicWelfarePost,
            ][p];
            let event = ev.and_then(|e| add_months(first, e));
            (birth, track, first, program, cents, event)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn periods_and_totals_are_consistent((birth, track, first, program, cents, event) in strategy()) {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let Some(p) = plan_or_refused(&input(birth, track, first, program, cents, event), as_of) else {
            return Ok(());
        };
        // months = end − start + 1 (never negative).
        prop_assert_eq!(p.months, (p.end_month - p.start_month + 1).max(0));
        prop_assert_eq!(p.monthly.len() as i32, p.months);
        // total = Σ monthly, and each kind's total = Σ of that kind.
        let sum: Decimal = p.monthly.iter().map(|l| l.subsidy).sum();
        prop_assert_eq!(p.total, sum);
        let pension: Decimal = p.monthly.iter().filter_map(|l| l.insurance.pension).sum();
        prop_assert_eq!(p.totals.pension.unwrap_or_default(), pension);
        // No period passes the retirement month.
        prop_assert!(p.months == 0 || p.end_month <= p.retirement_month);
        // Never more than the cap unless extended to retirement.
        let cap = if program == Program::FlexibleGraduate { 24 } else { 36 };
        prop_assert!(p.until_retirement || p.months <= cap);
        // A stop event ends the period before its month.
        if let Some(e) = event {
            prop_assert!(p.months == 0 || p.end_month < YearMonth::of(e));
        }
        // Subsidy never exceeds what was paid (shares are at most 1, no post here).
        if program != Program::PublicWelfarePost {
            for l in &p.monthly {
                let paid = l.paid.pension.unwrap_or_default() + l.paid.medical.unwrap_or_default();
                prop_assert!(l.subsidy <= paid);
            }
        }
    }

    #[test]
    fn a_month_later_approval_moves_the_end_by_at_most_a_month_unless_the_extension_flips(
        (birth, track, first, program, cents, _) in strategy()
    ) {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let later = add_months(first, 1).unwrap();
        let (Some(a), Some(b)) = (
            plan_or_refused(&input(birth, track, first, program, cents, None), as_of),
            plan_or_refused(&input(birth, track, later, program, cents, None), as_of),
        ) else {
            return Ok(());
        };
        if a.until_retirement == b.until_retirement && a.months > 0 && b.months > 0 {
            let moved = (b.end_month - a.end_month).abs();
            prop_assert!(moved <= 1, "end moved {} months: {} → {}", moved, a.end_month, b.end_month);
        }
    }
}
