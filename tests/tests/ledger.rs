//! The ledger (台账) golden files (tests/golden/ledger/): one row per trap in
//! `traps.csv`, the same ledger as GBK CSV, UTF-8 CSV with BOM, XLSX with text
//! cells and XLSX with a numeric ID column, each checked through the API's
//! entry point and its annotated ledger compared cell by cell with the expected
//! one; the annotated XLSX read back; a truncated XLSX refused whole.
//!
//! `UPDATE_GOLDEN=1 cargo test -p zhuchuang-tests --test ledger` rewrites the
//! variants from traps.csv and the expected files from the results (review the
//! diff: it is the specification).

use serde_json::{json, Value};
use std::path::PathBuf;
use zhuchuang_core::pack::PackSet;
use zhuchuang_web::ledger::{check_ledger, LedgerOutput};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("golden/ledger")
}

fn update() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn run(bytes: &[u8], options: Value) -> Result<LedgerOutput, zhuchuang_web::ApiError> {
    let mut packs = PackSet::embedded().unwrap();
    let mut o = json!({ "asOf": "2025-06-01" });
    if let (Some(o), Some(extra)) = (o.as_object_mut(), options.as_object()) {
        o.extend(extra.clone());
    }
    check_ledger(&mut packs, bytes, &Value::Null, &o, day(), &mut |_, _| true)
}

/// CSV text → rows of cells (the annotated CSV is UTF-8 with BOM).
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Compares two tables cell by cell, naming the first cells that differ.
fn same_cells(got: &[Vec<String>], want: &[Vec<String>], what: &str) {
    let mut diffs = Vec::new();
    for r in 0..got.len().max(want.len()) {
        let (g, w) = (got.get(r), want.get(r));
        let n = g.map_or(0, Vec::len).max(w.map_or(0, Vec::len));
        for c in 0..n {
            let gv = g.and_then(|g| g.get(c)).map(String::as_str).unwrap_or("");
            let wv = w.and_then(|w| w.get(c)).map(String::as_str).unwrap_or("");
            if gv != wv {
                diffs.push(format!(
                    "row {} col {}: got {gv:?}, want {wv:?}",
                    r + 1,
                    c + 1
                ));
            }
        }
    }
    assert!(
        diffs.is_empty(),
        "{what}: {} cells differ:\n{}",
        diffs.len(),
        diffs[..diffs.len().min(10)].join("\n")
    );
}

fn source_rows() -> Vec<Vec<String>> {
    csv_rows(&std::fs::read(dir().join("traps.csv")).unwrap())
}

/// Writes the variants of traps.csv (UPDATE_GOLDEN only).
fn write_variants() {
    let text = std::fs::read_to_string(dir().join("traps.csv")).unwrap();
    let (gbk, _, bad) = encoding_rs::GB18030.encode(&text);
    assert!(!bad);
    std::fs::write(dir().join("traps-gbk.csv"), &gbk).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    std::fs::write(dir().join("traps-bom.csv"), bom).unwrap();
    for numeric in [false, true] {
        let mut book = rust_xlsxwriter::Workbook::new();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 6, 1).unwrap();
        book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&date));
        let sheet = book.add_worksheet();
        for (r, row) in source_rows().iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if v.is_empty() {
                    continue;
                }
                // The ID column (B) of the data rows as numbers, as Excel makes it
                // when a General column is typed into.
                let as_number = numeric && c == 1 && r >= 3;
                // Excel keeps 15 significant digits of a number typed in.
                let excel = |n: f64| format!("{n:.14e}").parse::<f64>().unwrap_or(n);
                match v.parse::<f64>() {
                    Ok(n) if as_number => sheet.write_number(r as u32, c as u16, excel(n)),
                    _ => sheet.write_string(r as u32, c as u16, v),
                }
                .unwrap();
            }
        }
        let name = if numeric {
            "traps-numeric.xlsx"
        } else {
            "traps.xlsx"
        };
        std::fs::write(dir().join(name), book.save_to_buffer().unwrap()).unwrap();
    }
}

fn expected(name: &str, got: &[u8]) -> Vec<Vec<String>> {
    let path = dir().join(name);
    if update() {
        std::fs::write(&path, got).unwrap();
    }
    csv_rows(
        &std::fs::read(&path)
            .unwrap_or_else(|_| panic!("{name} is missing; run with UPDATE_GOLDEN=1")),
    )
}

/// Reads an XLSX back as text cells (numbers as their shortest text).
fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    use calamine::{Data, Reader};
    let mut book: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
                    c => c.to_string(),
                })
                .collect()
        })
        .collect()
}

fn report(out: &LedgerOutput) -> Value {
    serde_json::from_str(out.report.get()).unwrap()
}

fn counts_add_up(r: &Value, rows: usize) {
    let s = &r["summary"];
    let n = |k: &str| s[k].as_u64().unwrap() as usize;
    assert_eq!(n("rowsRead"), rows);
    assert_eq!(
        n("fine") + n("withWarnings") + n("withErrors") + n("unreadable") + n("empty"),
        n("rowsRead")
    );
    let problem_rows = r["rows"].as_array().unwrap().len();
    assert_eq!(
        problem_rows,
        n("withWarnings") + n("withErrors") + n("unreadable")
    );
}

#[test]
fn every_trap_is_caught_and_named_in_every_encoding() {
    if update() {
        write_variants();
    }
    let source = source_rows();
    let data_rows = source.len() - 3;
    let mut want = None;
    for (file, encoding) in [
        ("traps.csv", "UTF-8"),
        ("traps-bom.csv", "UTF-8 BOM"),
        ("traps-gbk.csv", "GB18030"),
        ("traps.xlsx", ""),
    ] {
        let bytes = std::fs::read(dir().join(file)).unwrap();
        let out = run(&bytes, json!({})).unwrap();
        let r = report(&out);
        if !encoding.is_empty() {
            assert_eq!(r["encoding"], encoding, "{file}");
        }
        assert_eq!(
            r["headerRow"], 3,
            "{file}: the header under the title and group rows"
        );
        counts_add_up(&r, data_rows);
        let got = csv_rows(out.csv.as_ref().unwrap());
        let want =
            want.get_or_insert_with(|| expected("traps.expected.csv", out.csv.as_ref().unwrap()));
        same_cells(&got, want, file);
        // Every row of the file, in its order, with the two columns added.
        assert_eq!(got.len(), source.len(), "{file}");
        for (g, s) in got.iter().zip(&source).skip(3) {
            assert_eq!(&g[..s.len()], &s[..], "{file}: the row as it was");
        }
        // The annotated XLSX holds the same cells as the annotated CSV.
        let back = xlsx_rows(out.xlsx.as_ref().unwrap());
        same_cells(&back, &got, &format!("{file} → annotated XLSX"));
    }
    // One row per trap: each names its own problem (the first row is fine).
    let codes: Vec<Vec<String>> = {
        let out = run(&std::fs::read(dir().join("traps.csv")).unwrap(), json!({})).unwrap();
        let r = report(&out);
        let mut by_row = vec![Vec::new(); data_rows];
        for row in r["rows"].as_array().unwrap() {
            let i = row["row"].as_u64().unwrap() as usize - 4;
            by_row[i] = row["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["code"].as_str().unwrap().to_string())
                .collect();
        }
        by_row
    };
    let first: Vec<&str> = codes
        .iter()
        .map(|c| c.first().map(String::as_str).unwrap_or(""))
        .collect();
    assert_eq!(
        first,
        [
            "",
            "idScientific",
            "idDigitsLost",
            "trailingDecimal",
            "fullWidth",
            "spaces",
            "dateSerial",
            "mixedDateFormats",
            "invalidId",
            "duplicateId",
            "duplicateId",
            "sameIdDifferentName",
            "sameIdDifferentName",
            "missing",
            "genderMismatch",
            "badAmount",
            "monthsMismatch",
            "invalidNumber",
            "leadingZerosLost",
            "periodOrder",
            "spaces",
        ]
    );
}

#[test]
fn a_numeric_id_column_is_named_as_excel_made_it() {
    let bytes = std::fs::read(dir().join("traps-numeric.xlsx")).unwrap();
    let out = run(&bytes, json!({})).unwrap();
    let r = report(&out);
    assert_eq!(r["format"], "xlsx");
    counts_add_up(&r, source_rows().len() - 3);
    let got = csv_rows(out.csv.as_ref().unwrap());
    let want = expected("traps-numeric.expected.csv", out.csv.as_ref().unwrap());
    same_cells(&got, &want, "traps-numeric.xlsx");
    let codes: Vec<&str> = r["summary"]["byProblem"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"idDigitsLost"), "{codes:?}");
    assert!(
        codes.contains(&"idAsNumber") || codes.contains(&"idDigitsLost"),
        "{codes:?}"
    );
}

#[test]
fn a_truncated_or_damaged_xlsx_is_refused_whole() {
    let bytes = std::fs::read(dir().join("traps.xlsx")).unwrap();
    for cut in [bytes.len() / 2, bytes.len() - 30, 40] {
        let e = run(&bytes[..cut], json!({})).unwrap_err();
        assert_eq!(e.code, "corruptXlsx", "cut at {cut}");
        assert!(e.text.get(zhuchuang_core::Lang::En).contains("damaged"));
    }
    let mut garbled = bytes.clone();
    for b in garbled.iter_mut().skip(200).step_by(7) {
        *b ^= 0x5a;
    }
    assert_eq!(run(&garbled, json!({})).unwrap_err().code, "corruptXlsx");
}

#[test]
fn limits_are_enforced_before_reading() {
    let bytes = std::fs::read(dir().join("traps.csv")).unwrap();
    let small = r#"{"meta":{"id":"cn-110000-small-example","version":"1","region":"110000","title":{"zh-CN":"小","en":"small"},"publishedOn":"2025-01-01","example":true},
      "parameters":{"ledger.maxRows":{"status":"local-practice","lastVerified":"2025-01-01","values":[{"from":"1995-01-01","value":5,"citation":{"document":"本工具的台账检查"}}]}}}"#;
    let mut packs = PackSet::embedded().unwrap();
    packs.load(small).map_err(|e| format!("{e:?}")).unwrap();
    let e = check_ledger(
        &mut packs,
        &bytes,
        &Value::Null,
        &json!({"region": "110000"}),
        day(),
        &mut |_, _| true,
    )
    .unwrap_err();
    assert_eq!(e.code, "tooManyRows");
    assert!(
        e.text.get(zhuchuang_core::Lang::En).contains("5 rows"),
        "{:?}",
        e.text
    );
    // The national limits let the sample through.
    assert!(run(&bytes, json!({})).is_ok());
}

#[test]
fn the_json_api_gives_the_same_report() {
    use base64::Engine;
    let bytes = std::fs::read(dir().join("traps-gbk.csv")).unwrap();
    let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    let mut packs = PackSet::embedded().unwrap();
    let via_call = zhuchuang_web::api::call(
        &mut packs,
        "checkLedger",
        &[json!(b64), Value::Null],
        &json!({"asOf": "2025-06-01"}),
        day(),
    )
    .unwrap();
    let direct = run(&bytes, json!({})).unwrap();
    assert_eq!(via_call.get(), direct.report.get());
    let cols = zhuchuang_web::api::call(
        &mut packs,
        "ledgerColumns",
        &[json!(b64)],
        &json!({}),
        day(),
    )
    .unwrap();
    let cols: Value = serde_json::from_str(cols.get()).unwrap();
    assert_eq!(cols["mapping"]["id"], "身份证号码");
    assert_eq!(cols["rows"], 21);
}

#[test]
fn a_bad_mapping_names_every_key() {
    let bytes = std::fs::read(dir().join("traps.csv")).unwrap();
    let mut packs = PackSet::embedded().unwrap();
    let m = json!({"id": "身份证", "nmae": "姓名", "phone": 99});
    let e = check_ledger(&mut packs, &bytes, &m, &json!({}), day(), &mut |_, _| true).unwrap_err();
    assert_eq!(e.code, "badMapping");
    assert_eq!(e.problems.len(), 3, "{:?}", e.problems);
}

#[test]
fn english_words_in_english() {
    let bytes = std::fs::read(dir().join("traps.csv")).unwrap();
    let out = run(&bytes, json!({"lang": "en"})).unwrap();
    let r = report(&out);
    for row in r["rows"].as_array().unwrap() {
        for p in row["problems"].as_array().unwrap() {
            let m = p["message"].as_str().unwrap();
            assert!(!m.contains("请"), "{m}");
        }
    }
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any bytes, and any damage to a real CSV or XLSX, give a report whose
        /// counts add up or a clear error; never a panic.
        #[test]
        fn any_bytes_are_a_report_or_an_error(
            noise in proptest::collection::vec(any::<u8>(), 0..2000),
            at in 0usize..8000,
            which in 0usize..3,
        ) {
            let base = ["traps.csv", "traps-gbk.csv", "traps.xlsx"][which];
            let mut bytes = std::fs::read(dir().join(base)).unwrap();
            let at = at.min(bytes.len());
            bytes.splice(at..(at + noise.len()).min(bytes.len()), noise.iter().copied());
            for input in [&bytes[..], &noise[..]] {
                match run(input, json!({})) {
                    Ok(out) => {
                        let r = report(&out);
                        let s = &r["summary"];
                        let n = |k: &str| s[k].as_u64().unwrap();
                        prop_assert_eq!(n("fine") + n("withWarnings") + n("withErrors") + n("unreadable") + n("empty"), n("rowsRead"));
                    }
                    Err(e) => prop_assert!(!e.text.get(zhuchuang_core::Lang::En).is_empty()),
                }
            }
        }
    }
}
