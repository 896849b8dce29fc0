//! Native profile of the API's headline calls: `api::call` (arguments read,
//! evaluation, result serialised), median per call in microseconds.
//!
//!   cargo run -p zhuchuang-web --release --example calls [filter] [ms]
//!
//! Under `perf record -g` it shows where a call spends its time.
use chrono::NaiveDate;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use zhuchuang_core::pack::PackSet;
use zhuchuang_web::api;

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let ms: u64 = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let as_of = json!({ "asOf": "2026-11-21" });
    let difficult = json!({
        "birthDate": "1990-05-10", "sex": "male", "ableToWork": true, "willingToWork": true,
        "registeredUnemployed": true, "dibao": false, "hardshipWorkerFamily": false,
        "disabled": false, "unemployedSince": "2026-06-01", "householdType": "urban",
        "landLost": false, "ruralZeroTransfer": false, "povertyAlleviated": false,
        "household": [
            { "relation": "配偶", "workingAge": true, "status": "unemployed" },
            { "relation": "子女", "workingAge": true, "status": "student" },
            { "relation": "母亲", "workingAge": false, "status": "retired" }
        ]
    });
    let loan = json!({
        "borrower": "individual", "amount": "300000", "termMonths": 36,
        "contractDate": "2025-06-01", "repayment": "equalInstalments"
    });
    let plan = json!({
        "program": "flexibleDifficult",
        "person": { "birthDate": "1985-06-15", "retirementTrack": "male" },
        "firstApprovedOn": "2025-03-10",
        "contributions": { "perMonth": { "pension": "800", "medical": "300" } }
    });
    let cases: Vec<(&str, &str, Vec<Value>, Value)> = vec![
        (
            "checkEligibility (full)",
            "checkEligibility",
            vec![json!("difficultPerson"), difficult],
            as_of.clone(),
        ),
        (
            "loanQuote (36 months)",
            "loanQuote",
            vec![loan],
            Value::Null,
        ),
        (
            "subsidyPlan (36 months)",
            "subsidyPlan",
            vec![plan],
            as_of.clone(),
        ),
        ("listPrograms", "listPrograms", vec![], as_of.clone()),
    ];
    let mut packs = PackSet::embedded().unwrap();
    for (row, name, args, options) in &cases {
        if !row.contains(filter.as_str()) {
            continue;
        }
        let mut samples = Vec::new();
        let end = Instant::now() + Duration::from_millis(ms);
        let mut bytes = 0;
        while samples.len() < 100 || Instant::now() < end {
            let t = Instant::now();
            let raw = api::call(&mut packs, name, args, options, today).unwrap();
            samples.push(t.elapsed());
            bytes = raw.get().len();
        }
        samples.sort();
        let median = samples[samples.len() / 2].as_secs_f64() * 1e6;
        println!("{row:28} {median:9.1} µs  ({bytes} bytes of JSON)");
    }
}
