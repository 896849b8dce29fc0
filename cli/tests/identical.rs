//! The CLI's annotated files are byte for byte the API's (`checkLedger`) for the
//! same file, options and date, with rows checked on several threads.

use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Command;

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/golden/ledger")
        .join(name)
}

fn api(file: &str, options: Value) -> zhuchuang_web::ledger::LedgerOutput {
    let bytes = std::fs::read(golden(file)).unwrap();
    let mut packs = zhuchuang_core::pack::PackSet::embedded().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    zhuchuang_web::ledger::check_ledger(
        &mut packs,
        &bytes,
        &Value::Null,
        &options,
        day,
        &mut |_, _| true,
    )
    .unwrap()
}

fn cli(file: &str, out: &str, extra: &[&str]) -> (Vec<u8>, String) {
    let dir = std::env::temp_dir().join(format!("zhuchuang-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(out);
    let report = dir.join(format!("{out}.json"));
    let status = Command::new(env!("CARGO_BIN_EXE_zhuchuang"))
        .args(["ledger", "check"])
        .arg(golden(file))
        .args(["--as-of", "2025-06-01", "--threads", "4", "--out"])
        .arg(&path)
        .arg("--report")
        .arg(&report)
        .args(extra)
        .status()
        .unwrap();
    // Exit code 1: the ledger has rows with errors.
    assert_eq!(status.code(), Some(1));
    (
        std::fs::read(&path).unwrap(),
        std::fs::read_to_string(&report).unwrap(),
    )
}

#[test]
fn the_cli_writes_what_the_api_gives() {
    for file in ["traps.csv", "traps-gbk.csv", "traps-numeric.xlsx"] {
        let want = api(file, json!({ "asOf": "2025-06-01" }));
        let (csv, report) = cli(file, "out.csv", &[]);
        assert!(csv == want.csv.unwrap(), "{file}: CSV differs");
        assert_eq!(report, want.report.get(), "{file}: report differs");
        let (xlsx, _) = cli(file, "out.xlsx", &[]);
        assert!(xlsx == want.xlsx.unwrap(), "{file}: XLSX differs");
    }
    let want = api(
        "traps.csv",
        json!({ "asOf": "2025-06-01", "lang": "en", "check": "subsidy", "program": "flexibleDifficult", "femaleTrack": "female50" }),
    );
    let (csv, _) = cli(
        "traps.csv",
        "sub.csv",
        &[
            "--lang",
            "en",
            "--program",
            "flexibleDifficult",
            "--female-track",
            "female50",
        ],
    );
    assert!(csv == want.csv.unwrap(), "subsidy check: CSV differs");
}
