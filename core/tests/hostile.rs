//! Hostile input never panics. In the browser a panic is a trap that kills the
//! module, so every entry point must answer absurd input with a result or an
//! error: amounts near `Decimal::MAX`, counts near `u32::MAX`, dates from the
//! year −3000 to 12000, and local packs with extreme (but valid) parameters.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use zhuchuang_core::eligibility;
use zhuchuang_core::facts::FactKind;
use zhuchuang_core::loan::{quote, Borrower, QuoteError, QuoteInput, Repayment};
use zhuchuang_core::materials::check_materials;
use zhuchuang_core::pack::PackSet;
use zhuchuang_core::subsidy::{plan, PlanInput};

fn packs() -> &'static PackSet {
    static PACKS: std::sync::OnceLock<PackSet> = std::sync::OnceLock::new();
    PACKS.get_or_init(|| PackSet::embedded().unwrap())
}

/// Any non-negative decimal, from tiny fractions to `Decimal::MAX`.
fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<u32>(), any::<u32>(), any::<u32>(), 0u32..=28)
            .prop_map(|(lo, mid, hi, scale)| Decimal::from_parts(lo, mid, hi, false, scale)),
        Just(Decimal::MAX),
        Just(Decimal::ZERO),
        Just(Decimal::new(1, 28)),
        (0i64..10_000_000).prop_map(|n| Decimal::new(n, 2)),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (-3000i32..12000, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        (1940i32..2080, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        Just(NaiveDate::MAX),
        Just(NaiveDate::MIN),
    ]
}

fn count() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..100, Just(u32::MAX), any::<u32>()]
}

fn money_text() -> impl Strategy<Value = Value> {
    prop_oneof![
        decimal().prop_map(|d| json!(d.to_string())),
        Just(json!("79228162514264337593543950335")),
        Just(json!(1e300)),
        Just(json!(-1)),
        any::<i64>().prop_map(|n| json!(n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn loan_quotes_never_panic(
        amount in decimal(), rate in proptest::option::of(decimal()), term in count(),
        extension in count(), partners in proptest::option::of(count()), jobs in proptest::option::of(count()),
        previous in count(), method in 0usize..4, borrower in 0usize..3, contract in date(),
        overdue in prop::collection::vec(count(), 0..4), refinancing in any::<bool>(),
    ) {
        let input = QuoteInput {
            borrower: [Borrower::Individual, Borrower::Partnership, Borrower::Enterprise][borrower],
            partners, jobs_created: jobs, amount, term_months: term, contract_date: contract,
            annual_rate: rate,
            repayment: [Repayment::InterestMonthly, Repayment::InterestQuarterly, Repayment::EqualInstalments, Repayment::EqualPrincipal][method],
            previous_subsidised_loans: previous, refinancing, overdue_periods: overdue, extension_months: extension,
        };
        for region in ["000000", "440305", "990100"] {
            let rules = packs().rules(region).unwrap();
            let _ = quote(&input, &rules, Default::default());
        }
    }

    #[test]
    fn subsidy_plans_never_panic(
        program in prop::sample::select(vec!["flexibleDifficult", "flexibleGraduate", "employerDifficult", "publicWelfarePost"]),
        birth in prop_oneof![date(), (1965i32..1995).prop_map(|y| NaiveDate::from_ymd_opt(y, 6, 15).unwrap())],
        first in prop_oneof![date(), (2015i32..2030, 1u32..=12).prop_map(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1).unwrap())],
        start in proptest::option::of(date()), used in count(),
        per_month in decimal(), base in decimal(), rate in decimal(), as_of in date(),
        event_date in proptest::option::of(date()), months in prop::collection::vec((-3000i32..12000, 1u32..=12, decimal()), 0..3),
    ) {
        let v = json!({
            "program": program,
            "person": { "birthDate": birth, "retirementTrack": "female50" },
            "firstApprovedOn": first,
            "startOn": start,
            "monthsUsed": used,
            "contributions": {
                "perMonth": { "pension": per_month, "medical": per_month },
                "base": base,
                "rates": { "unemployment": rate },
                "months": months.iter().map(|(y, m, d)| json!({ "month": format!("{y:04}-{m:02}"), "pension": d })).collect::<Vec<_>>(),
            },
            "events": event_date.map(|d| vec![json!({ "kind": "employedByUnit", "date": d })]).unwrap_or_default(),
        });
        // Years outside 0000–9999 do not parse as months; such input is refused before it gets here.
        if let Ok(input) = serde_json::from_value::<PlanInput>(v) {
            for region in ["000000", "990100"] {
                let rules = packs().rules(region).unwrap();
                let _ = plan(&input, &rules, as_of, Default::default());
            }
        }
    }

    #[test]
    fn eligibility_checks_never_panic(
        numbers in prop::collection::vec(prop_oneof![any::<i64>().prop_map(|n| json!(n)), Just(json!(u64::MAX)), Just(json!(1.5))], 8),
        amounts in prop::collection::vec(money_text(), 4),
        dates in prop::collection::vec(date(), 6),
        pick in prop::collection::vec(any::<prop::sample::Index>(), 12),
        yes in prop::collection::vec(any::<bool>(), 20),
        as_of in date(),
    ) {
        let rules = packs().rules("990100").unwrap();
        for program in eligibility::programs() {
            let mut facts = serde_json::Map::new();
            for (i, f) in (program.facts)(&rules, as_of).iter().enumerate() {
                let v = match &f.kind {
                    FactKind::YesNo => json!(yes[i % yes.len()]),
                    FactKind::Number => numbers[i % numbers.len()].clone(),
                    FactKind::Money | FactKind::Decimal => amounts[i % amounts.len()].clone(),
                    FactKind::Date => json!(dates[i % dates.len()]),
                    FactKind::Month => json!(dates[i % dates.len()].format("%Y-%m").to_string()),
                    FactKind::Choice { options } => json!(options[pick[i % pick.len()].index(options.len())].value),
                    FactKind::MultiChoice { options } => json!(options
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| yes[(i + j) % yes.len()])
                        .map(|(_, o)| o.value.clone())
                        .collect::<Vec<_>>()),
                    FactKind::Household => json!([{ "workingAge": yes[i % yes.len()], "status": "unemployed" }]),
                    FactKind::Text => json!("x"),
                };
                facts.insert(f.id.to_string(), v);
            }
            let _ = eligibility::check(program.id, &Value::Object(facts), &rules, as_of, Default::default());
        }
    }

    #[test]
    fn application_checks_never_panic(
        texts in prop::collection::vec(prop_oneof![
            money_text(),
            date().prop_map(|d| json!(d.to_string())),
            date().prop_map(|d| json!(d.format("%Y-%m").to_string())),
            Just(json!("110105198006150018")), Just(json!("是")), Just(json!(["pension", "x"])),
            Just(json!("9999-12")), Just(json!("0000-01")), Just(json!(u64::MAX)), Just(json!({})),
            ".{0,12}".prop_map(|s| json!(s)),
        ], 24),
        amount in money_text(), as_of in date(),
    ) {
        let rules = packs().rules("990100").unwrap();
        let provided = json!({ "insuranceReceipt": { "amount": amount, "months": 3, "kinds": ["pension"] },
            "residentIdCard": { "number": "110105196803150011", "holderName": "x" } });
        for form in zhuchuang_core::application::list_forms(&rules, as_of, Default::default()) {
            let values: serde_json::Map<String, Value> = form
                .fields
                .iter()
                .enumerate()
                .map(|(i, f)| (f.id.clone(), texts[i % texts.len()].clone()))
                .collect();
            let _ = zhuchuang_core::application::check_application(
                &form.id, &Value::Object(values), Some(&provided), &rules, as_of, Default::default());
        }
    }

    #[test]
    fn materials_checks_never_panic(amount in money_text(), claimed in money_text(), months in 0i64..100, as_of in date(), issued in date()) {
        let rules = packs().rules("990100").unwrap();
        let facts = json!({ "claimAmount": claimed, "claimMonths": months });
        let provided = json!({ "insuranceReceipt": { "amount": amount, "months": 3, "issuedOn": issued } });
        for app in zhuchuang_core::materials::application_ids(&rules) {
            let _ = check_materials(&app, &facts, Some(&provided), &rules, as_of, Default::default());
        }
    }
}

/// A local pack at the edges of what the schema allows still never panics.
#[test]
fn extreme_local_parameters_never_panic() {
    let mut set = PackSet::embedded().unwrap();
    let param = |value: Value| {
        json!({
            "status": "local-practice",
            "lastVerified": "2026-11-21",
            "citation": { "document": "hostile-input test" },
            "values": [{ "from": "2000-01-01", "value": value }],
        })
    };
    let pack = json!({
        "meta": {
            "id": "extreme",
            "version": "1",
            "region": "990100",
            "title": { "zh-CN": "极端参数", "en": "Extreme parameters" },
            "publishedOn": "2026-11-21",
            "example": true,
        },
        "parameters": {
            "loan.individual.maxAmount": param(json!("1000000000000")),
            "loan.individual.maxTermMonths": param(json!(1200)),
            "loan.rateCapOverLprBp": param(json!(10000)),
        }
    });
    if let Err(e) = set.load(&pack.to_string()) {
        panic!("the extreme pack should load: {:?}", e.problems);
    }
    let rules = set.rules("990100").unwrap();
    for repayment in [
        Repayment::EqualInstalments,
        Repayment::EqualPrincipal,
        Repayment::InterestQuarterly,
    ] {
        let input = QuoteInput {
            borrower: Borrower::Individual,
            partners: None,
            jobs_created: None,
            amount: Decimal::from(1_000_000_000_000u64),
            term_months: 1200,
            contract_date: NaiveDate::from_ymd_opt(2025, 1, 31).unwrap(),
            annual_rate: None,
            repayment,
            previous_subsidised_loans: 0,
            refinancing: false,
            overdue_periods: vec![],
            extension_months: 120,
        };
        let q = quote(&input, &rules, Default::default());
        if repayment == Repayment::EqualInstalments {
            // (1 + 8.6%)^1200 does not fit in a decimal: a clear refusal.
            match q {
                Err(QuoteError::Input { message: t, .. }) => {
                    assert!(t.en.contains("too large"), "{}", t.en)
                }
                other => panic!("expected a refusal, got {other:?}"),
            }
        } else {
            let q = q.unwrap();
            assert_eq!(q.schedule.last().unwrap().balance, Decimal::ZERO);
            assert_eq!(
                q.schedule.len() as u32,
                if repayment == Repayment::InterestQuarterly {
                    400
                } else {
                    1200
                } + 120
            );
        }
    }
}
