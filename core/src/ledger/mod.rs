//! The ledger (台账) check: a whole 社保补贴申报台账 or people ledger, given as
//! the bytes of a CSV or XLSX file, checked row by row before anything leaves
//! the office (feature `ledger`).
//!
//! The steps, each a function a host can call on its own:
//! 1. [`prepare`]: the limits (pack parameters `ledger.maxFileKilobytes`,
//!    `ledger.maxRows`, `ledger.maxColumns`) checked before reading, the file read
//!    ([`read`]), the header row found under merged title and group rows, the
//!    columns mapped to fields ([`fields`]: given, else suggested from the headers).
//! 2. [`check_row`]`(&Prepared, index)`: **the per-row function**. It reads
//!    only its own row and the prepared context (`Sync`), so rows can be checked
//!    in any order and on any number of threads (the CLI uses rayon; a
//!    distributed engine could call it as a UDF; ARCHITECTURE.md).
//! 3. [`finish`]: the checks across rows (the same ID twice, the same ID under
//!    two names, a column's dates in mixed formats), the summary and the report.
//!
//! [`write`] renders the annotated ledger (every row, original order, a
//! problems column and a status column) as CSV and XLSX.
//!
//! Every row read is in the output; a row that cannot be read is reported as
//! unreadable, never dropped; `fine + withWarnings + withErrors + unreadable +
//! empty = rowsRead`.

pub mod fields;
pub mod read;
pub mod write;

mod row;

pub use fields::{ColumnRef, LedgerKind, Mapping};
pub use read::{Cell, Encoding, Format, Table};
pub use row::{check_row, RowCheck};

use crate::pack::provenance::Recorder;
use crate::pack::{Rules, Sourced};
use crate::retirement::Track;
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// What is checked on every row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum CheckMode {
    /// ID and contact numbers, dates, amounts, the Excel/WPS traps, duplicates.
    #[default]
    Numbers,
    /// Numbers, and each row's eligibility for `program` (eligibility::check).
    Eligibility,
    /// Numbers, and each row's period and amount against the subsidy plan
    /// (subsidy::plan) of `program`.
    Subsidy,
}

/// How to check a ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct LedgerOptions {
    pub kind: LedgerKind,
    pub check: CheckMode,
    /// With `check: "eligibility"`: a program id of `listPrograms`
    /// (default `flexibleEmploymentSubsidy`). With `check: "subsidy"`: a subsidy
    /// program (`flexibleDifficult`, default; `flexibleGraduate`, …).
    pub program: Option<String>,
    /// With `check: "subsidy"`: the retirement track of the women in the
    /// ledger (`female55` or `female50`), when no column says it; without it a
    /// woman's period is not checked (a warning says so).
    pub female_track: Option<Track>,
}

/// The file limits, read from the pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: u64,
    pub max_rows: usize,
    pub max_columns: usize,
}

#[cfg(test)]
impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 1 << 20,
            max_rows: 1000,
            max_columns: 50,
        }
    }
}

/// Why a ledger could not be checked at all (the file, the limits, the
/// mapping). Problems in rows are never errors: they are the report.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerError {
    pub code: &'static str,
    pub message: Text,
    /// Per mapping key, for a bad mapping.
    pub problems: Vec<(String, Text)>,
}

impl LedgerError {
    pub fn new(code: &'static str, message: Text) -> LedgerError {
        LedgerError {
            code,
            message,
            problems: Vec::new(),
        }
    }
}

impl From<crate::pack::RuleError> for LedgerError {
    fn from(e: crate::pack::RuleError) -> LedgerError {
        LedgerError::new("rules", e.message())
    }
}

/// How bad a row problem is: an error makes the row wrong, a warning asks to
/// check it (the same severities as the ID checks').
pub use crate::ids::Severity;

fn rank(s: Severity) -> u8 {
    match s {
        Severity::Error => 1,
        Severity::Warning => 0,
    }
}

/// A row's status in the annotated ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum RowStatus {
    Fine,
    Warnings,
    Errors,
    /// The row could not be read (broken quoting in a CSV).
    Unreadable,
    /// Nothing in the row.
    Empty,
}

impl RowStatus {
    pub fn label(self) -> Text {
        match self {
            RowStatus::Fine => Text::new("通过", "fine"),
            RowStatus::Warnings => Text::new("请核对", "check warnings"),
            RowStatus::Errors => Text::new("有错误", "errors"),
            RowStatus::Unreadable => Text::new("无法读取", "unreadable"),
            RowStatus::Empty => Text::new("空行", "empty"),
        }
    }
}

/// One problem in one cell (or in the row as a whole).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    /// The cell as Excel names it (`C5`), when the problem is in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// The field (mapping key), when the problem is in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Stable code: `idScientific`, `idDigitsLost`, `duplicateId`, …
    pub code: &'static str,
    pub severity: Severity,
    /// What is wrong and what to do, in plain words, in the requested language.
    pub message: String,
}

/// A row with problems, for the problem table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RowReport {
    /// The row number as Excel and WPS show it (1-based, title rows counted).
    pub row: usize,
    pub status: RowStatus,
    pub problems: Vec<RowProblem>,
}

/// How many rows had a problem of one code.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProblemCount {
    pub code: &'static str,
    pub severity: Severity,
    /// The problem's name for people.
    pub label: String,
    /// Rows with it.
    pub rows: usize,
}

/// The counts: `fine + withWarnings + withErrors + unreadable + empty = rowsRead`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LedgerSummary {
    /// Data rows read (below the header).
    pub rows_read: usize,
    pub fine: usize,
    /// Rows with warnings and no error.
    pub with_warnings: usize,
    pub with_errors: usize,
    pub unreadable: usize,
    pub empty: usize,
    pub by_problem: Vec<ProblemCount>,
}

/// One column as found, and the field it is mapped to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ColumnInfo {
    /// `A`, `B`, …
    pub column: String,
    pub header: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_label: Option<String>,
}

/// The result of `checkLedger`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LedgerReport {
    pub kind: LedgerKind,
    pub check: CheckMode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    pub format: Format,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<Encoding>,
    /// The header row as Excel numbers it (title and group rows above it).
    pub header_row: usize,
    pub columns: Vec<ColumnInfo>,
    /// The mapping used: field → header.
    pub mapping: BTreeMap<String, String>,
    pub summary: LedgerSummary,
    /// Rows with a problem, in the file's order.
    pub rows: Vec<RowReport>,
    /// Sentences about the whole file (a field no column has, …).
    pub notes: Vec<String>,
    pub as_of: NaiveDate,
    pub lang: Lang,
    #[serde(flatten)]
    pub sourced: Sourced,
}

/// The file read, mapped and ready for [`check_row`]. `Sync`: one value is
/// shared by every thread checking rows.
pub struct Prepared<'r> {
    pub table: Table,
    pub header: fields::Header,
    /// Field key → 0-based column.
    pub columns: Vec<(&'static fields::Field, usize)>,
    /// Fact id → column, for the eligibility check.
    pub facts: Vec<(String, usize)>,
    pub options: LedgerOptions,
    pub rules: &'r Rules<'r>,
    pub as_of: NaiveDate,
    pub lang: Lang,
    pub notes: Vec<String>,
    pub(crate) sourced: Sourced,
    pub(crate) program_facts: Vec<crate::facts::FactDef>,
}

impl Prepared<'_> {
    /// Data rows: the indexes in `table.rows` below the header.
    pub fn data_rows(&self) -> std::ops::Range<usize> {
        self.header.row + 1..self.table.rows.len()
    }

    pub fn column_of(&self, key: &str) -> Option<usize> {
        self.columns.iter().find(|(f, _)| f.key == key).map(|c| c.1)
    }
}

/// The limits, read from the pack in force.
pub fn limits(rec: &mut Recorder<'_>, date: NaiveDate) -> Result<Limits, LedgerError> {
    let kb = rec.int("ledger.maxFileKilobytes", date)?.value;
    let rows = rec.int("ledger.maxRows", date)?.value;
    let cols = rec.int("ledger.maxColumns", date)?.value;
    Ok(Limits {
        max_bytes: kb.max(0) as u64 * 1024,
        max_rows: rows.max(0) as usize,
        max_columns: cols.max(0) as usize,
    })
}

/// Headers and the suggested mapping of a file (`ledgerColumns`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LedgerColumns {
    pub format: Format,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<Encoding>,
    pub header_row: usize,
    pub columns: Vec<ColumnInfo>,
    /// Field → header, as `checkLedger` takes it.
    pub mapping: BTreeMap<String, String>,
    /// Data rows below the header.
    pub rows: usize,
    /// Every field a ledger can have: key, label, group, required.
    pub fields: Vec<FieldInfo>,
}

/// A field for a mapping editor.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FieldInfo {
    pub key: String,
    pub label: String,
    pub group: String,
    pub required: bool,
}

fn field_infos(kind: LedgerKind, lang: Lang) -> Vec<FieldInfo> {
    fields::FIELDS
        .iter()
        .map(|f| FieldInfo {
            key: f.key.to_string(),
            label: f.label().get(lang).to_string(),
            group: f.group.to_string(),
            required: f.required_in.contains(&kind),
        })
        .collect()
}

/// Reads a file's header and suggests a mapping, without checking rows.
pub fn columns(
    bytes: &[u8],
    options: &LedgerOptions,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<LedgerColumns, LedgerError> {
    let p = prepare(bytes, None, options, rules, as_of, lang)?;
    let mapping = mapping_shown(&p);
    Ok(LedgerColumns {
        format: p.table.format,
        encoding: p.table.encoding,
        header_row: p.header.row + 1,
        columns: column_infos(&p),
        mapping,
        rows: p.data_rows().len(),
        fields: field_infos(options.kind, lang),
    })
}

fn column_infos(p: &Prepared<'_>) -> Vec<ColumnInfo> {
    p.header
        .names
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let f = p.columns.iter().find(|(_, c)| *c == i).map(|(f, _)| *f);
            let fact = p.facts.iter().find(|(_, c)| *c == i).map(|(id, _)| id);
            ColumnInfo {
                column: fields::column_name(i),
                header: h.clone(),
                field: f
                    .map(|f| f.key.to_string())
                    .or_else(|| fact.map(|id| format!("facts.{id}"))),
                field_label: f.map(|f| f.label().get(p.lang).to_string()),
            }
        })
        .collect()
}

fn mapping_shown(p: &Prepared<'_>) -> BTreeMap<String, String> {
    let name = |c: usize| p.header.names.get(c).cloned().unwrap_or_default();
    p.columns
        .iter()
        .map(|(f, c)| (f.key.to_string(), name(*c)))
        .chain(
            p.facts
                .iter()
                .map(|(id, c)| (format!("facts.{id}"), name(*c))),
        )
        .collect()
}

/// Step 1: limits, reading, header, mapping. `mapping` `None` (or empty) takes
/// the suggested one; a given mapping is checked whole (every bad key named).
pub fn prepare<'r>(
    bytes: &[u8],
    mapping: Option<&Mapping>,
    options: &LedgerOptions,
    rules: &'r Rules<'r>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Prepared<'r>, LedgerError> {
    let mut rec = Recorder::new(rules, lang);
    let limits = limits(&mut rec, as_of)?;
    let table = read::read_table(bytes, &limits)?;
    let header = fields::find_header(&table.rows);
    let suggested;
    let mapping = match mapping {
        Some(m) if !m.is_empty() => m,
        _ => {
            suggested = fields::suggest(&header.names);
            &suggested
        }
    };
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    let mut facts = Vec::new();
    let width = header.names.len();
    for (key, col) in mapping {
        let c = match col {
            ColumnRef::Index(i) if *i < width => Some(*i),
            ColumnRef::Index(i) => {
                problems.push((
                    key.clone(),
                    t!("第 {} 列不存在（文件只有 {} 列）。", "There is no column {} (the file has {}).";
                        i + 1, width),
                ));
                None
            }
            ColumnRef::Header(h) => {
                let folded = fields::fold_header(h);
                let found = header.names.iter().position(|n| n == h).or_else(|| {
                    header
                        .names
                        .iter()
                        .position(|n| fields::fold_header(n) == folded)
                });
                if found.is_none() {
                    problems.push((
                        key.clone(),
                        t!("表头中没有“{}”这一列。", "No column is headed \"{}\"."; h.clone()),
                    ));
                }
                found
            }
        };
        let Some(c) = c else { continue };
        if let Some(fact) = key.strip_prefix("facts.") {
            facts.push((fact.to_string(), c));
        } else if let Some(f) = fields::field(key) {
            columns.push((f, c));
        } else {
            let keys: Vec<&str> = fields::FIELDS.iter().map(|f| f.key).collect();
            problems.push((
                key.clone(),
                t!("没有名为“{}”的字段，可用：{}。", "There is no field \"{}\"; use one of {}.";
                    key.clone(), keys.join(", ")),
            ));
        }
    }
    if !problems.is_empty() {
        let mut e = LedgerError::new(
            "badMapping",
            t!(
                "列的对应关系有误，请逐项核对。",
                "The column mapping has problems; check each one."
            ),
        );
        e.problems = problems;
        return Err(e);
    }
    let mut notes = Vec::new();
    for f in fields::FIELDS {
        if f.required_in.contains(&options.kind) && !columns.iter().any(|(g, _)| g.key == f.key) {
            notes.push(
                t!(
                    "没有找到“{}”这一列，每一行都会报告缺少它；如果表头用了别的名称，请在列对应中指定。",
                    "No column was found for the {}; every row reports it missing. If the header uses another name, map it.";
                    f.label()
                )
                .get(lang)
                .to_string(),
            );
        }
    }
    let program_facts = match options.check {
        CheckMode::Eligibility => {
            let id = options.program.as_deref().unwrap_or(DEFAULT_PROGRAM);
            match crate::eligibility::programs()
                .into_iter()
                .find(|p| p.id == id)
            {
                Some(p) => (p.facts)(rules, as_of),
                None => {
                    return Err(LedgerError::new(
                        "unknownProgram",
                        t!("没有名为“{}”的项目。", "There is no program \"{}\"."; id.to_string()),
                    ))
                }
            }
        }
        _ => Vec::new(),
    };
    Ok(Prepared {
        table,
        header,
        columns,
        facts,
        options: options.clone(),
        rules,
        as_of,
        lang,
        notes,
        sourced: rec.finish(),
        program_facts,
    })
}

/// The eligibility program checked when none is named.
pub const DEFAULT_PROGRAM: &str = "flexibleEmploymentSubsidy";

/// Steps 2 and 3 on one thread, telling `progress(done, total)` every 1000
/// rows; `progress` returning false cancels (`Err` with code `cancelled`).
pub fn check_all(
    p: &Prepared<'_>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<RowCheck>, LedgerError> {
    let rows = p.data_rows();
    let total = rows.len();
    let mut out = Vec::with_capacity(total);
    for (n, i) in rows.enumerate() {
        if n % 1000 == 0 && !progress(n, total) {
            return Err(LedgerError::new(
                "cancelled",
                t!("检查已取消。", "The check was cancelled."),
            ));
        }
        out.push(check_row(p, i));
    }
    progress(total, total);
    Ok(out)
}

/// Step 3: the checks across rows, the counts and the report. `checks` are
/// [`check_row`]'s results for every data row, in order.
pub fn finish(p: &Prepared<'_>, checks: &mut [RowCheck]) -> LedgerReport {
    across_rows(p, checks);
    let mut summary = LedgerSummary {
        rows_read: checks.len(),
        ..LedgerSummary::default()
    };
    let mut by: BTreeMap<&'static str, (Severity, usize)> = BTreeMap::new();
    let mut rows = Vec::new();
    for c in checks.iter_mut() {
        c.settle();
        match c.status {
            RowStatus::Fine => summary.fine += 1,
            RowStatus::Warnings => summary.with_warnings += 1,
            RowStatus::Errors => summary.with_errors += 1,
            RowStatus::Unreadable => summary.unreadable += 1,
            RowStatus::Empty => summary.empty += 1,
        }
        let mut seen: Vec<&'static str> = Vec::new();
        for pr in &c.problems {
            if !seen.contains(&pr.code) {
                seen.push(pr.code);
                let e = by.entry(pr.code).or_insert((pr.severity, 0));
                e.1 += 1;
            }
        }
        if !c.problems.is_empty() {
            rows.push(RowReport {
                row: c.index + 1,
                status: c.status,
                problems: c.problems.clone(),
            });
        }
    }
    let mut by_problem: Vec<ProblemCount> = by
        .into_iter()
        .map(|(code, (severity, rows))| ProblemCount {
            code,
            severity,
            label: row::problem_label(code).get(p.lang).to_string(),
            rows,
        })
        .collect();
    by_problem.sort_by(|a, b| {
        rank(b.severity)
            .cmp(&rank(a.severity))
            .then(b.rows.cmp(&a.rows))
    });
    summary.by_problem = by_problem;
    LedgerReport {
        kind: p.options.kind,
        check: p.options.check,
        program: match p.options.check {
            CheckMode::Numbers => None,
            CheckMode::Eligibility => Some(
                p.options
                    .program
                    .clone()
                    .unwrap_or_else(|| DEFAULT_PROGRAM.to_string()),
            ),
            CheckMode::Subsidy => Some(
                p.options
                    .program
                    .clone()
                    .unwrap_or_else(|| row::DEFAULT_SUBSIDY.to_string()),
            ),
        },
        format: p.table.format,
        encoding: p.table.encoding,
        header_row: p.header.row + 1,
        columns: column_infos(p),
        mapping: mapping_shown(p),
        summary,
        rows,
        notes: p.notes.clone(),
        as_of: p.as_of,
        lang: p.lang,
        sourced: p.sourced.clone(),
    }
}

/// The same ID in several rows (under one name or several), and dates whose
/// format differs from the rest of their column.
fn across_rows(p: &Prepared<'_>, checks: &mut [RowCheck]) {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, c) in checks.iter().enumerate() {
        if let Some(id) = c.id.as_deref() {
            by_id.entry(id).or_default().push(k);
        }
    }
    let mut groups: Vec<Vec<usize>> = by_id.into_values().filter(|v| v.len() > 1).collect();
    groups.sort();
    let id_cell = p.column_of("id");
    for g in groups {
        let names: Vec<String> = g
            .iter()
            .map(|&k| checks[k].name.clone().unwrap_or_default())
            .collect();
        let differ = names.iter().any(|n| *n != names[0]);
        for (j, &k) in g.iter().enumerate() {
            let others: Vec<String> = g
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != j)
                .map(|(i, &o)| {
                    if differ {
                        format!("{}（{}）", checks[o].index + 1, names[i])
                    } else {
                        (checks[o].index + 1).to_string()
                    }
                })
                .collect();
            let list = others.join("、");
            let (code, msg) = if differ {
                (
                    "sameIdDifferentName",
                    t!(
                        "同一身份证号码在第 {} 行以不同姓名出现：同一人重复登记或号码录错，请核对证件。",
                        "The same ID number is in row {} under another name: the same person twice, or a mistyped number. Check the ID card.";
                        list
                    ),
                )
            } else {
                (
                    "duplicateId",
                    t!(
                        "同一身份证号码在第 {} 行也出现：同一人重复申报，请只保留一行。",
                        "The same ID number is also in row {}: the same person twice. Keep one row.";
                        list
                    ),
                )
            };
            let index = checks[k].index;
            checks[k].push(p, id_cell, index, Some("id"), code, Severity::Error, msg);
        }
    }
    // Mixed date formats, per column: the most common format is the column's.
    let mut per_col: BTreeMap<usize, BTreeMap<&'static str, usize>> = BTreeMap::new();
    for c in checks.iter() {
        for (col, shape) in &c.date_shapes {
            *per_col.entry(*col).or_default().entry(shape).or_default() += 1;
        }
    }
    for (col, shapes) in per_col {
        if shapes.len() < 2 {
            continue;
        }
        let main = shapes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(s, _)| *s)
            .unwrap_or("");
        for check in checks.iter_mut() {
            let shape = check
                .date_shapes
                .iter()
                .find(|(c, _)| *c == col)
                .map(|(_, s)| *s);
            if let Some(s) = shape.filter(|s| *s != main) {
                let field = p
                    .columns
                    .iter()
                    .find(|(_, c)| *c == col)
                    .map(|(f, _)| f.key);
                let index = check.index;
                check.push(
                    p,
                    Some(col),
                    index,
                    field,
                    "mixedDateFormats",
                    Severity::Warning,
                    t!(
                        "这一列的日期写法不一致（本行为 {}，多数行为 {}）：请统一写成 2025-03-01 的形式，以免被误读。",
                        "Dates in this column are written in different ways (this row {}, most rows {}): write them all as 2025-03-01 so none is misread.";
                        row::shape_label(s), row::shape_label(main)
                    ),
                );
            }
        }
    }
}

/// The whole check on one thread: [`prepare`], [`check_all`], [`finish`].
pub fn check_ledger<'r>(
    bytes: &[u8],
    mapping: Option<&Mapping>,
    options: &LedgerOptions,
    rules: &'r Rules<'r>,
    as_of: NaiveDate,
    lang: Lang,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(Prepared<'r>, Vec<RowCheck>, LedgerReport), LedgerError> {
    let p = prepare(bytes, mapping, options, rules, as_of, lang)?;
    let mut checks = check_all(&p, progress)?;
    let report = finish(&p, &mut checks);
    Ok((p, checks, report))
}
