//! The annotated ledger: every row of the file in its original order (title and
//! group rows too), each cell as read, plus a problems column and a status
//! column, as CSV (UTF-8 with BOM, so Excel and WPS open it right) and as XLSX
//! (`rust_xlsxwriter`; dates as date cells, text as text, the creation date
//! set to the evaluation date so the same check gives the same bytes).

use super::read::Cell;
use super::row::serial_date;
use super::{LedgerError, Prepared, RowCheck, RowStatus};
use crate::text::{Lang, Text};

fn headers(lang: Lang) -> [String; 2] {
    [
        Text::new("问题", "Problems").get(lang).to_string(),
        Text::new("状态", "Status").get(lang).to_string(),
    ]
}

/// The two added cells of every table row: problems (each `C5 字段：…`, joined
/// by `；`) and status. Rows above the header get none; the header gets names.
fn annotations(p: &Prepared<'_>, checks: &[RowCheck]) -> Vec<Option<[String; 2]>> {
    let mut out = vec![None; p.table.rows.len()];
    if p.header.row < out.len() {
        out[p.header.row] = Some(headers(p.lang));
    }
    let sep = match p.lang {
        Lang::En => "; ",
        _ => "；",
    };
    for c in checks {
        let problems: Vec<String> = c
            .problems
            .iter()
            .map(|pr| match &pr.cell {
                Some(cell) => format!("{cell} {}", pr.message),
                None => pr.message.clone(),
            })
            .collect();
        if let Some(slot) = out.get_mut(c.index) {
            *slot = Some([problems.join(sep), c.status.label().get(p.lang).to_string()]);
        }
    }
    out
}

/// A cell as the CSV writes it: dates as `YYYY-MM-DD`, the rest as read.
fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Date(n) => serial_date(*n)
            .map(|d| d.to_string())
            .unwrap_or_else(|| cell.text()),
        c => c.text(),
    }
}

/// The annotated ledger as CSV, UTF-8 with BOM.
pub fn annotated_csv(p: &Prepared<'_>, checks: &[RowCheck]) -> Vec<u8> {
    let notes = annotations(p, checks);
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for (i, row) in p.table.rows.iter().enumerate() {
        let mut rec: Vec<String> = row.iter().map(csv_text).collect();
        if let Some([a, b]) = &notes[i] {
            rec.push(a.clone());
            rec.push(b.clone());
        } else if i > p.header.row {
            // A data row without a check (never happens: every data row is checked).
            rec.push(String::new());
            rec.push(RowStatus::Empty.label().get(p.lang).to_string());
        }
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&rec);
    }
    w.into_inner().unwrap_or_default()
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> LedgerError {
    LedgerError::new(
        "writeXlsx",
        t!("无法生成 XLSX 文件（{}）。", "The XLSX file could not be made ({})."; e.to_string()),
    )
}

/// The annotated ledger as XLSX: built whole in memory, returned only when
/// complete (nothing half-written).
pub fn annotated_xlsx(p: &Prepared<'_>, checks: &[RowCheck]) -> Result<Vec<u8>, LedgerError> {
    use chrono::Datelike;
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let notes = annotations(p, checks);
    let mut book = Workbook::new();
    let d = p.as_of;
    let created = ExcelDateTime::from_ymd(
        d.year().clamp(1900, 9999) as u16,
        d.month() as u8,
        d.day() as u8,
    )
    .map_err(xlsx_error)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let text_format = Format::new().set_num_format("@");
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    let name = Text::new("检查结果", "Checked").get(p.lang).to_string();
    sheet.set_name(&name).map_err(xlsx_error)?;
    let width = p.table.rows.iter().map(Vec::len).max().unwrap_or(0) as u16;
    // Text columns as Text ("@"), so a number retyped later stays as typed; set
    // once per column, not per cell (a format per cell is hashed per cell).
    for c in 0..width {
        sheet
            .set_column_format(c, &text_format)
            .map_err(xlsx_error)?;
    }
    for (i, row) in p.table.rows.iter().enumerate() {
        let r = i as u32;
        for (j, cell) in row.iter().enumerate() {
            let c = j as u16;
            match cell {
                Cell::Empty => continue,
                Cell::Text(s) => sheet.write_string(r, c, s),
                Cell::Number(n) => sheet.write_number(r, c, *n),
                Cell::Date(n) => sheet.write_number_with_format(r, c, *n, &date_format),
                Cell::Bool(b) => sheet.write_boolean(r, c, *b),
                Cell::Error(e) => sheet.write_string(r, c, e),
            }
            .map_err(xlsx_error)?;
        }
        if let Some([a, b]) = &notes[i] {
            if i == p.header.row {
                sheet
                    .write_string_with_format(r, width, a, &bold)
                    .map_err(xlsx_error)?;
                sheet
                    .write_string_with_format(r, width + 1, b, &bold)
                    .map_err(xlsx_error)?;
            } else {
                sheet.write_string(r, width, a).map_err(xlsx_error)?;
                sheet.write_string(r, width + 1, b).map_err(xlsx_error)?;
            }
        }
    }
    sheet.set_column_width(width, 60).map_err(xlsx_error)?;
    sheet
        .set_freeze_panes(p.header.row as u32 + 1, 0)
        .map_err(xlsx_error)?;
    book.save_to_buffer().map_err(xlsx_error)
}
