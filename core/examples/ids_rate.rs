//! The native core's rate on the ID benchmark's numbers (scripts/bench.mjs
//! writes them, one a line): `is_valid_id` once per number, and `validate_ids`
//! on all of them at once. Each is run `runs` times after a warm-up; the median
//! run counts. Prints one JSON line: ns per number and how many were valid.
//!
//! `cargo build --release -p zhuchuang-core --example ids_rate`, then
//! `target/release/examples/ids_rate numbers.txt [runs]`

use std::time::Instant;
use zhuchuang_core::ids::{is_valid_id, validate_ids, IdKind, IdOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: ids_rate numbers.txt [runs]");
    let runs: usize = args
        .next()
        .map_or(3, |r| r.parse().expect("runs is a number"));
    let text = std::fs::read_to_string(&path).expect("the numbers file is readable");
    let numbers: Vec<&str> = text.split('\n').collect();
    // Today in UTC (chrono is built without its clock); every birth date of
    // the benchmark's numbers is years before it.
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs()
        / 86_400;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
    let options = IdOptions {
        today: epoch.checked_add_days(chrono::Days::new(days)),
        ..Default::default()
    };
    let kind = IdKind::ResidentId;

    let median_ns = |mut f: Box<dyn FnMut() -> usize + '_>| {
        let valid = f();
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed().as_nanos() as f64 / numbers.len() as f64
            })
            .collect();
        times.sort_by(f64::total_cmp);
        (times[times.len() / 2], valid)
    };
    let (single, valid_single) = median_ns(Box::new(|| {
        numbers
            .iter()
            .filter(|n| is_valid_id(kind, std::hint::black_box(n), &options))
            .count()
    }));
    let (batch, valid_batch) = median_ns(Box::new(|| {
        validate_ids(kind, std::hint::black_box(&numbers), &options)
            .iter()
            .filter(|b| b.valid)
            .count()
    }));
    println!(
        "{{\"numbers\":{},\"isValidIdNs\":{single:.1},\"validateIdsNs\":{batch:.1},\"validIsValidId\":{valid_single},\"validValidateIds\":{valid_batch}}}",
        numbers.len()
    );
}
