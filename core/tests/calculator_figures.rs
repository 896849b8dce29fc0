//! Figures only from packs: a local overlay that changes a figure changes every
//! sentence of the calculators that states it, and every result carries its
//! sourced part (citations, parameters, caveats) without maintainers' notes.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use zhuchuang_core::facts::Facts;
use zhuchuang_core::loan::{quote, term_hint, Borrower, QuoteInput, Repayment};
use zhuchuang_core::pack::PackSet;
use zhuchuang_core::retirement::{statutory_retirement, track_label, RetirementQuery, Track};
use zhuchuang_core::subsidy::{plan, Contributions, KindAmounts, Person, PlanInput, Program};
use zhuchuang_core::{screening, Lang};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn overlay(params: serde_json::Value) -> String {
    serde_json::json!({
        "meta": {
            "id": "test-figures", "version": "1", "region": "330000",
            "title": { "zh-CN": "测试", "en": "Test" }, "publishedOn": "2026-01-01"
        },
        "parameters": params
    })
    .to_string()
}

fn local(key: &str, value: serde_json::Value) -> serde_json::Value {
    serde_json::json!({ key: {
        "status": "local-practice", "lastVerified": "2026-01-01",
        "citation": { "document": "测试数据" },
        "values": [{ "from": "2020-01-01", "value": value }]
    }})
}

fn packs_with(params: &[(&str, serde_json::Value)]) -> PackSet {
    let mut all = serde_json::Map::new();
    for (k, v) in params {
        if let serde_json::Value::Object(o) = local(k, v.clone()) {
            all.extend(o);
        }
    }
    let mut set = PackSet::embedded().unwrap();
    set.load(&overlay(serde_json::Value::Object(all))).unwrap();
    set
}

fn loan_input(date: NaiveDate) -> QuoteInput {
    QuoteInput {
        borrower: Borrower::Individual,
        partners: None,
        jobs_created: None,
        amount: Decimal::from(100_000),
        term_months: 12,
        contract_date: date,
        annual_rate: None,
        repayment: Repayment::InterestMonthly,
        previous_subsidised_loans: 0,
        refinancing: false,
        overdue_periods: vec![],
        extension_months: 0,
    }
}

#[test]
fn loan_sentences_state_the_local_figures() {
    let set = packs_with(&[
        ("loan.borrowerLprOffsetBp", serde_json::json!(100)),
        ("loan.individual.maxTermMonths", serde_json::json!(48)),
    ]);
    let rules = set.rules("330100").unwrap();
    assert_eq!(
        term_hint(&rules, day(2023, 6, 1)).unwrap().zh,
        "个人最长48个月，企业最长24个月。"
    );
    let q = quote(&loan_input(day(2023, 6, 1)), &rules, Lang::ZhCn).unwrap();
    assert_eq!(q.regime, "lprMinus150");
    assert_eq!(
        q.regime_label().zh,
        "借款人承担 LPR−100BP 以下部分，其余财政贴息"
    );
    assert!(
        q.explanation.iter().any(|s| s.contains("LPR − 100BP")),
        "{:?}",
        q.explanation
    );
    // Nationally, after 2023-10-01: half of the actual rate, as the pack says.
    let national = PackSet::embedded().unwrap();
    let rules = national.rules("000000").unwrap();
    let q = quote(&loan_input(day(2024, 6, 1)), &rules, Lang::ZhCn).unwrap();
    assert_eq!(q.regime_label().zh, "财政贴息实际利率的50%");
    assert!(q.explanation.iter().any(|s| s.contains("实际利率的50%")));
    // The quote's own caveat comes with the rule caveats.
    assert!(q
        .sourced
        .caveats
        .iter()
        .any(|c| c.contains("担保机构和经办银行")));
}

#[test]
fn subsidy_sentences_state_the_local_threshold() {
    let set = packs_with(&[(
        "subsidy.nearRetirement.thresholdMonths",
        serde_json::json!(48),
    )]);
    let rules = set.rules("330100").unwrap();
    let input = PlanInput {
        program: Program::FlexibleDifficult,
        person: Person {
            // Retires 2025-05 (delayed 2 months): 40 months after the first approval.
            birth_date: day(1975, 3, 15),
            retirement_track: Track::Female50,
        },
        first_approved_on: day(2022, 1, 10),
        start_on: None,
        months_used: 0,
        contributions: Contributions {
            per_month: Some(KindAmounts {
                pension: Some(Decimal::from(600)),
                medical: None,
                unemployment: None,
            }),
            ..Default::default()
        },
        events: vec![],
    };
    let p = plan(&input, &rules, day(2026, 11, 21), Lang::ZhCn).unwrap();
    assert!(
        p.explanation.iter().any(|s| s.contains("48个月")),
        "{:?}",
        p.explanation
    );
    // The retirement figures the plan rests on are listed with its own.
    let keys: Vec<&str> = p
        .sourced
        .parameters
        .iter()
        .map(|r| r.key.as_str())
        .collect();
    assert!(
        keys.contains(&"retirement.female50.originalAge"),
        "{keys:?}"
    );
    assert!(keys.contains(&"subsidy.nearRetirement.thresholdMonths"));
}

#[test]
fn track_labels_come_from_the_packs() {
    let set = PackSet::embedded().unwrap();
    let rules = set.rules("000000").unwrap();
    let label = track_label(&rules, day(2026, 1, 1), Track::Female55).unwrap();
    assert_eq!(
        label.zh,
        "管理或技术岗位女职工（原法定退休年龄55周岁，逐步延迟到58周岁）"
    );
    // Before the reform there is no delay to state.
    let before = track_label(&rules, day(2024, 6, 1), Track::Male).unwrap();
    assert_eq!(before.zh, "男职工（法定退休年龄60周岁）");
    let r = statutory_retirement(
        &RetirementQuery {
            birth_date: day(1964, 6, 1),
            track: Track::Male,
            contribution_months: None,
        },
        &rules,
        day(2024, 6, 1),
        Lang::ZhCn,
    )
    .unwrap();
    assert!(
        r.explanation
            .iter()
            .any(|s| s.contains("2025-01-01 起施行")),
        "{:?}",
        r.explanation
    );
}

#[test]
fn screening_cites_and_cautions_without_maintainers_notes() {
    let set = PackSet::embedded().unwrap();
    let rules = set.rules("000000").unwrap();
    let answers =
        serde_json::json!({ "profitable": "no", "loanAmount": "200000", "counterGuarantees": [] });
    let facts = Facts::parse(&answers, &screening::facts()).unwrap();
    let r = screening::screen(&facts, &rules, day(2026, 11, 21), Lang::ZhCn).unwrap();
    let keys: Vec<&str> = r
        .sourced
        .parameters
        .iter()
        .map(|p| p.key.as_str())
        .collect();
    for k in [
        "screening.blockers",
        "screening.highRisks",
        "screening.mediumRisks",
        "screening.maxHighRisks",
    ] {
        assert!(keys.contains(&k), "{k} not in {keys:?}");
    }
    // The counter-guarantee's tier is a pack parameter too.
    let counter = r.flags.iter().find(|f| f.id == "counterGuarantee").unwrap();
    assert_eq!(counter.severity, "blocker");
    assert!(r.sourced.caveats.iter().any(|c| c.contains("默认做法")));
    assert!(r.sourced.caveats.iter().any(|c| c.contains("尚未核实")));
    for c in r
        .flags
        .iter()
        .map(|f| &f.citation)
        .chain(&r.sourced.citations)
    {
        let note = c.note.clone().unwrap_or_default();
        assert!(
            !note.contains("seeds/"),
            "a maintainer's note reached a citation: {note}"
        );
    }
}
