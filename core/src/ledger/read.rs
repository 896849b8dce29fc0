//! Bytes → a [`Table`] of cells, with maintained readers only: `calamine` for
//! XLSX (read from the byte slice), `encoding_rs` for the text encodings Excel
//! and WPS save CSV in (UTF-8 with or without BOM, GBK/GB18030), `csv` for the
//! rows. The limits (file size, rows, columns) are checked before or while
//! reading, never after a whole file is in memory as cells.

use super::{LedgerError, Limits};
use std::io::Cursor;

/// One cell as the file holds it. Numbers and dates come only from XLSX
/// (`f64` is what the format stores; amounts are read from their shortest
/// decimal text, never computed in floating point).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel date cell: its serial number (days since 1899-12-30).
    Date(f64),
    Bool(bool),
    /// A formula error (`#N/A`, `#VALUE!`).
    Error(String),
}

impl Cell {
    /// The cell as text: numbers in their shortest exact form (`110105194912310000`,
    /// `1.5`), booleans as TRUE/FALSE, as Excel shows them without a format.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) | Cell::Date(n) => number_text(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A number as its shortest text that reads back to it; whole numbers without
/// a decimal point or exponent (an 18-digit ID stored as a number shows the
/// 15 significant digits Excel shows and keeps).
pub fn number_text(n: f64) -> String {
    if !n.is_finite() {
        return String::new();
    }
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else if n.fract() == 0.0 && n.abs() < 1e21 {
        // As Excel shows it: 15 significant digits, then zeros.
        let e = format!("{:.14e}", n.abs());
        let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
        let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
        let exp: usize = exp.parse().unwrap_or(0);
        let mut s = String::from(if n < 0.0 { "-" } else { "" });
        s.push_str(&digits);
        while s.trim_start_matches('-').len() < exp + 1 {
            s.push('0');
        }
        s
    } else {
        format!("{n}")
    }
}

/// What the file was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Format {
    Csv,
    Xlsx,
}

/// A text file's encoding as detected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Encoding {
    #[serde(rename = "UTF-8")]
    Utf8,
    #[serde(rename = "UTF-8 BOM")]
    Utf8Bom,
    #[serde(rename = "GB18030")]
    Gb18030,
}

/// A sheet as rows of cells, every row as long as the longest.
#[derive(Clone, Debug)]
pub struct Table {
    pub format: Format,
    pub encoding: Option<Encoding>,
    pub sheet: Option<String>,
    pub rows: Vec<Vec<Cell>>,
    /// CSV rows that could not be read (bad quoting): 0-based row index and
    /// what is wrong; they stay in `rows` as their raw text in one cell.
    pub broken: Vec<(usize, String)>,
}

/// Reads a CSV or XLSX file given as bytes (XLSX when it starts as a ZIP does).
pub fn read_table(bytes: &[u8], limits: &Limits) -> Result<Table, LedgerError> {
    if bytes.len() as u64 > limits.max_bytes {
        return Err(LedgerError::new(
            "tooLarge",
            t!(
                "文件有 {} KB，超过了本工具一次能检查的 {} KB。请把台账分成几个文件再检查。",
                "The file is {} KB, more than the {} KB this tool checks at once. Split the ledger into several files.";
                bytes.len().div_ceil(1024), limits.max_bytes / 1024
            ),
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(LedgerError::new(
            "empty",
            t!(
                "文件是空的，没有可检查的行。",
                "The file is empty: there are no rows to check."
            ),
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes, limits)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Err(LedgerError::new(
            "oldExcel",
            t!(
                "这是旧版 Excel（.xls）文件。请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV 后再检查。",
                "This is an old Excel (.xls) file. Save it as .xlsx or CSV in Excel or WPS, then check it."
            ),
        ))
    } else {
        read_csv(bytes, limits)
    }
}

fn too_many_rows(limits: &Limits) -> LedgerError {
    LedgerError::new(
        "tooManyRows",
        t!(
            "台账超过 {} 行，超过了本工具一次能检查的行数。请分成几个文件再检查。",
            "The ledger has more than {} rows, more than this tool checks at once. Split it into several files.";
            limits.max_rows
        ),
    )
}

fn too_many_columns(limits: &Limits) -> LedgerError {
    LedgerError::new(
        "tooManyColumns",
        t!(
            "台账超过 {} 列，超过了本工具能检查的列数。请删去不需要的列再检查。",
            "The ledger has more than {} columns, more than this tool checks. Remove the columns you do not need.";
            limits.max_columns
        ),
    )
}

/// Decodes text: a UTF-8 BOM, valid UTF-8, else GB18030 (a superset of GBK,
/// what Excel and WPS write on a Chinese system).
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (s, _) = encoding_rs::UTF_8.decode_without_bom_handling(rest);
        return (s.into_owned(), Encoding::Utf8Bom);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => {
            let (s, _, _) = encoding_rs::GB18030.decode(bytes);
            (s.into_owned(), Encoding::Gb18030)
        }
    }
}

fn read_csv(bytes: &[u8], limits: &Limits) -> Result<Table, LedgerError> {
    // Rows counted on the bytes before any is parsed (a quoted line break can
    // only make the real count smaller).
    let lines = bytes.iter().filter(|b| **b == b'\n').count();
    if lines > limits.max_rows + 1 {
        return Err(too_many_rows(limits));
    }
    let (text, encoding) = decode(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut broken = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.len() > limits.max_columns {
                    return Err(too_many_columns(limits));
                }
                rows.push(
                    record
                        .iter()
                        .map(|s| {
                            if s.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(s.to_string())
                            }
                        })
                        .collect(),
                );
            }
            Err(e) => {
                broken.push((rows.len(), e.to_string()));
                rows.push(vec![Cell::Text(String::new())]);
            }
        }
        if rows.len() > limits.max_rows + 1 {
            return Err(too_many_rows(limits));
        }
    }
    Ok(square(Table {
        format: Format::Csv,
        encoding: Some(encoding),
        sheet: None,
        rows,
        broken,
    }))
}

/// Comma, or the tab or semicolon a first line uses more.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    let (commas, tabs, semis) = (count(','), count('\t'), count(';'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

fn corrupt(detail: impl std::fmt::Display) -> LedgerError {
    LedgerError::new(
        "corruptXlsx",
        t!(
            "无法读取这个 XLSX 文件：文件不完整或已损坏（{}）。请在 Excel 或 WPS 中打开并重新保存，或另存为 CSV 后再检查。",
            "This XLSX file cannot be read: it is incomplete or damaged ({}). Open it in Excel or WPS and save it again, or save it as CSV, then check it.";
            detail.to_string()
        ),
    )
}

fn read_xlsx(bytes: &[u8], limits: &Limits) -> Result<Table, LedgerError> {
    use calamine::{DataRef, Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(corrupt)?;
    let name = book
        .sheet_names()
        .into_iter()
        .next()
        .ok_or_else(|| corrupt("no sheet"))?;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    {
        let mut cells = book.worksheet_cells_reader(&name).map_err(corrupt)?;
        while let Some(cell) = cells.next_cell().map_err(corrupt)? {
            let (r, c) = cell.get_position();
            let (r, c) = (r as usize, c as usize);
            if r > limits.max_rows {
                return Err(too_many_rows(limits));
            }
            if c >= limits.max_columns {
                return Err(too_many_columns(limits));
            }
            let value = match cell.get_value() {
                DataRef::Empty => continue,
                DataRef::Int(i) => Cell::Number(*i as f64),
                DataRef::Float(f) => Cell::Number(*f),
                DataRef::String(s) => Cell::Text(s.clone()),
                DataRef::SharedString(s) => Cell::Text(s.to_string()),
                DataRef::Bool(b) => Cell::Bool(*b),
                DataRef::DateTime(d) => Cell::Date(d.as_f64()),
                DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
                DataRef::Error(e) => Cell::Error(format!("#{e:?}")),
            };
            if rows.len() <= r {
                rows.resize_with(r + 1, Vec::new);
            }
            let row = &mut rows[r];
            if row.len() <= c {
                row.resize(c + 1, Cell::Empty);
            }
            row[c] = value;
        }
    }
    Ok(square(Table {
        format: Format::Xlsx,
        encoding: None,
        sheet: Some(name),
        rows,
        broken: Vec::new(),
    }))
}

/// Pads every row to the widest, and drops wholly empty rows at the end.
fn square(mut t: Table) -> Table {
    while t.rows.last().is_some_and(|r| r.iter().all(Cell::is_empty))
        && !t.broken.iter().any(|(i, _)| *i + 1 == t.rows.len())
    {
        t.rows.pop();
    }
    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    for r in &mut t.rows {
        r.resize(width, Cell::Empty);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected() {
        assert_eq!(decode("姓名".as_bytes()).1, Encoding::Utf8);
        assert_eq!(decode(b"\xEF\xBB\xBFa").1, Encoding::Utf8Bom);
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,身份证号码");
        let (s, e) = decode(&gbk);
        assert_eq!((s.as_str(), e), ("姓名,身份证号码", Encoding::Gb18030));
    }

    #[test]
    fn numbers_show_the_digits_kept() {
        assert_eq!(number_text(110105194912310021.0), "110105194912310000");
        assert_eq!(number_text(123456789012345.0), "123456789012345");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(45000.0), "45000");
    }

    #[test]
    fn a_damaged_xlsx_is_a_clear_error() {
        let e = read_table(b"PK\x03\x04garbage", &Limits::default()).unwrap_err();
        assert_eq!(e.code, "corruptXlsx");
    }
}
