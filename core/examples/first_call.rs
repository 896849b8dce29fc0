//! Times the first rule call after load, natively: `PackSet::embedded()` (the
//! national pack made ready) and the first `eligibility::check` on it.
//!
//! `cargo run --release -p zhuchuang-core --example first_call`

use chrono::NaiveDate;
use std::time::Instant;
use zhuchuang_core::eligibility::check;
use zhuchuang_core::pack::{Pack, PackSet, NATIONAL_JSON};

fn main() {
    let start = Instant::now();
    let packs = PackSet::embedded().expect("the embedded national pack loads");
    let ready = start.elapsed();
    let rules = packs.rules("000000").expect("national rules");
    let facts = serde_json::json!({ "birthDate": "1966-03-10", "track": "male" });
    let day = NaiveDate::from_ymd_opt(2026, 11, 21).expect("a date");
    let call = Instant::now();
    check(
        "flexibleRetirement",
        &facts,
        &rules,
        day,
        Default::default(),
    )
    .expect("a verdict");
    let first = call.elapsed();
    let parse = Instant::now();
    Pack::parse(NATIONAL_JSON, None).expect("the JSON path loads");
    let json_path = parse.elapsed();
    println!(
        "PackSet::embedded()            {:>8.2} ms",
        ready.as_secs_f64() * 1e3
    );
    println!(
        "first eligibility::check       {:>8.2} ms",
        first.as_secs_f64() * 1e3
    );
    println!(
        "Pack::parse(cn.json) (checked) {:>8.2} ms",
        json_path.as_secs_f64() * 1e3
    );
}
