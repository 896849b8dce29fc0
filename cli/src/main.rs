//! `zhuchuang`: the kit on the command line.
//!
//! `zhuchuang ledger check FILE [--check numbers|eligibility|subsidy] [--program ID]
//! [--kind socialInsuranceSubsidy|people] [--mapping JSON] [--region CODE] [--as-of DATE]
//! [--lang zh-CN|en] --out FILE.xlsx|FILE.csv [--report FILE.json]`
//!
//! Rows are checked with rayon on every core (`--threads`), through the same
//! functions as `checkLedger` (`zhuchuang_web::ledger::check_ledger_with`, the
//! per-row `zhuchuang_core::ledger::check_row`), so the files written are byte
//! for byte what the browser and Node give for the same input and date.

use clap::{Args, Parser, Subcommand};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::ExitCode;
use zhuchuang_core::ledger;
use zhuchuang_core::pack::PackSet;

#[derive(Parser)]
#[command(
    name = "zhuchuang",
    version,
    about = "zhuchuang: employment and entrepreneurship policy checks"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The ledger (台账) check.
    Ledger {
        #[command(subcommand)]
        command: LedgerCommand,
    },
}

#[derive(Subcommand)]
enum LedgerCommand {
    /// Checks every row and writes the annotated ledger.
    Check(CheckArgs),
    /// Prints the header found and the suggested mapping (JSON).
    Columns(CommonArgs),
}

#[derive(Args)]
struct CommonArgs {
    /// The ledger: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) or XLSX.
    file: PathBuf,
    /// socialInsuranceSubsidy (default) or people.
    #[arg(long)]
    kind: Option<String>,
    /// GB/T 2260 region code of the rules (default national).
    #[arg(long)]
    region: Option<String>,
    /// The evaluation date (default today, UTC).
    #[arg(long = "as-of")]
    as_of: Option<String>,
    /// zh-CN (default) or en.
    #[arg(long)]
    lang: Option<String>,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// numbers (default), eligibility or subsidy.
    #[arg(long)]
    check: Option<String>,
    /// The program: an eligibility program (flexibleEmploymentSubsidy, …) or a
    /// subsidy program (flexibleDifficult, flexibleGraduate, …); alone it
    /// chooses the check.
    #[arg(long)]
    program: Option<String>,
    /// female55 or female50: the women's retirement track for the subsidy check.
    #[arg(long = "female-track")]
    female_track: Option<String>,
    /// The column mapping as JSON ({"id": "身份证号", …}) or a JSON file.
    #[arg(long)]
    mapping: Option<String>,
    /// The annotated ledger: .xlsx or .csv (by its extension).
    #[arg(long)]
    out: PathBuf,
    /// Also write the report (summary, problem rows) as JSON.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Threads (default: every core).
    #[arg(long)]
    threads: Option<usize>,
}

const SUBSIDY_PROGRAMS: &[&str] = &[
    "flexibleDifficult",
    "flexibleGraduate",
    "employerDifficult",
    "publicWelfarePost",
];

fn today_utc() -> chrono::NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

fn options(c: &CommonArgs) -> serde_json::Map<String, Value> {
    let mut o = serde_json::Map::new();
    for (k, v) in [
        ("kind", &c.kind),
        ("region", &c.region),
        ("asOf", &c.as_of),
        ("lang", &c.lang),
    ] {
        if let Some(v) = v {
            o.insert(k.into(), json!(v));
        }
    }
    o
}

fn fail(e: zhuchuang_web::ApiError, lang: &Option<String>) -> ExitCode {
    let lang = lang
        .as_deref()
        .and_then(zhuchuang_core::Lang::parse)
        .unwrap_or_default();
    eprintln!("{}", e.text.get(lang));
    for p in &e.problems {
        eprintln!("  {}: {}", p.at, p.message.get(lang));
    }
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Command::Ledger { command } = cli.command;
    let mut packs = match PackSet::embedded() {
        Ok(p) => p,
        Err(_) => {
            eprintln!("the embedded rule pack cannot be read");
            return ExitCode::from(3);
        }
    };
    match command {
        LedgerCommand::Columns(c) => {
            let bytes = match std::fs::read(&c.file) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("{}: {e}", c.file.display());
                    return ExitCode::from(2);
                }
            };
            let o = Value::Object(options(&c));
            match zhuchuang_web::ledger::ledger_columns(&mut packs, &bytes, &o, today_utc()) {
                Ok(j) => {
                    println!("{}", j.get());
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e, &c.lang),
            }
        }
        LedgerCommand::Check(a) => check(&mut packs, a),
    }
}

fn check(packs: &mut PackSet, a: CheckArgs) -> ExitCode {
    let lang = a.common.lang.clone();
    let bytes = match std::fs::read(&a.common.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {e}", a.common.file.display());
            return ExitCode::from(2);
        }
    };
    let mut o = options(&a.common);
    let check = a.check.clone().or_else(|| {
        a.program.as_deref().map(|p| {
            if SUBSIDY_PROGRAMS.contains(&p) {
                "subsidy"
            } else {
                "eligibility"
            }
            .to_string()
        })
    });
    for (k, v) in [
        ("check", &check),
        ("program", &a.program),
        ("femaleTrack", &a.female_track),
    ] {
        if let Some(v) = v {
            o.insert(k.into(), json!(v));
        }
    }
    let format = match a
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("xlsx") => "xlsx",
        Some("csv") => "csv",
        _ => {
            eprintln!("--out must end in .xlsx or .csv");
            return ExitCode::from(2);
        }
    };
    o.insert("formats".into(), json!([format]));
    let mapping = match a.mapping.as_deref() {
        None => Value::Null,
        Some(m) => {
            let text = if m.trim_start().starts_with('{') {
                m.to_string()
            } else {
                match std::fs::read_to_string(m) {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("{m}: {e}");
                        return ExitCode::from(2);
                    }
                }
            };
            match serde_json::from_str(&text) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("--mapping: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    if let Some(n) = a.threads {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let o = Value::Object(o);
    let result = zhuchuang_web::ledger::check_ledger_with(
        packs,
        &bytes,
        &mapping,
        &o,
        today_utc(),
        |p| {
            let rows: Vec<usize> = p.data_rows().collect();
            Ok(rows.par_iter().map(|&i| ledger::check_row(p, i)).collect())
        },
        &mut |_| {},
    );
    let out = match result {
        Ok(out) => out,
        Err(e) => return fail(e, &lang),
    };
    let file = if format == "xlsx" { out.xlsx } else { out.csv }.unwrap_or_default();
    // Written whole to a temporary name, then renamed: never a half-written file.
    let tmp = a.out.with_extension(format!("{format}.part"));
    if let Err(e) = std::fs::write(&tmp, &file).and_then(|_| std::fs::rename(&tmp, &a.out)) {
        let _ = std::fs::remove_file(&tmp);
        eprintln!("{}: {e}", a.out.display());
        return ExitCode::from(2);
    }
    if let Some(r) = &a.report {
        if let Err(e) = std::fs::write(r, out.report.get()) {
            eprintln!("{}: {e}", r.display());
            return ExitCode::from(2);
        }
    }
    let report: Value = serde_json::from_str(out.report.get()).unwrap_or(Value::Null);
    let s = &report["summary"];
    println!(
        "rows {} fine {} warnings {} errors {} unreadable {} empty {}",
        s["rowsRead"], s["fine"], s["withWarnings"], s["withErrors"], s["unreadable"], s["empty"]
    );
    if s["withErrors"].as_u64().unwrap_or(0) > 0 || s["unreadable"].as_u64().unwrap_or(0) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
