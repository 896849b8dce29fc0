//! The per-row function: one row's cells → its problems. It reads nothing but
//! its row and the prepared context, so rows can be checked in any order, on
//! any thread, by any engine.

use super::fields::{column_name, Field, FieldType};
use super::read::{number_text, Cell};
use super::{CheckMode, Prepared, RowProblem, RowStatus, Severity};
use crate::dates::{read_date, read_month, YearMonth};
use crate::ids::{brief_of, validate_id, IdKind, IdOptions};
use crate::money::MAX_AMOUNT;
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};
use std::borrow::Cow;
use std::str::FromStr;

/// The subsidy program checked when none is named.
pub const DEFAULT_SUBSIDY: &str = "flexibleDifficult";

/// One row's check: its problems, and what the checks across rows need.
#[derive(Clone, Debug, PartialEq)]
pub struct RowCheck {
    /// 0-based index in the table (header and title rows counted).
    pub index: usize,
    pub status: RowStatus,
    pub problems: Vec<RowProblem>,
    /// The normalised ID, when it is valid (for duplicates).
    pub id: Option<String>,
    /// The name as written, trimmed (for the same ID under two names).
    pub name: Option<String>,
    /// (column, format) of every date read from text.
    pub date_shapes: Vec<(usize, &'static str)>,
}

impl RowCheck {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push(
        &mut self,
        p: &Prepared<'_>,
        col: Option<usize>,
        index: usize,
        field: Option<&str>,
        code: &'static str,
        severity: Severity,
        message: Text,
    ) {
        let lang = p.lang;
        let prefix = field
            .and_then(super::fields::field)
            .map(|f| f.label().get(lang).to_string());
        let message = match prefix {
            Some(l) => match lang {
                Lang::En => format!("{l}: {}", message.get(lang)),
                _ => format!("{l}：{}", message.get(lang)),
            },
            None => message.get(lang).to_string(),
        };
        self.problems.push(RowProblem {
            cell: col.map(|c| format!("{}{}", column_name(c), index + 1)),
            field: field.map(str::to_string),
            code,
            severity,
            message,
        });
    }

    /// The status from the problems (after the checks across rows).
    pub(crate) fn settle(&mut self) {
        if matches!(self.status, RowStatus::Unreadable | RowStatus::Empty) {
            return;
        }
        self.status = if self.problems.iter().any(|p| p.severity == Severity::Error) {
            RowStatus::Errors
        } else if self.problems.is_empty() {
            RowStatus::Fine
        } else {
            RowStatus::Warnings
        };
    }
}

/// The name of a problem code, for the summary's counts.
pub fn problem_label(code: &str) -> Text {
    let (zh, en) = match code {
        "missing" => ("必填项为空", "required cell empty"),
        "idScientific" => (
            "号码被 Excel 改成科学计数法",
            "number turned into scientific notation",
        ),
        "idAsNumber" => ("号码以数字格式保存", "number stored as a number"),
        "idDigitsLost" => ("号码末尾几位丢失", "last digits of the number lost"),
        "trailingDecimal" => ("号码末尾多了“.0”", "number ends in \".0\""),
        "leadingZerosLost" => ("号码开头的 0 丢失", "leading zeros lost"),
        "fullWidth" => ("全角数字或字母", "full-width digits or letters"),
        "spaces" => ("多余空格或不换行空格", "stray or non-breaking spaces"),
        "invalidId" => ("身份证号码有误", "ID number wrong"),
        "invalidNumber" => ("号码有误", "number wrong"),
        "genderMismatch" => ("性别与身份证号码不符", "gender differs from the ID number"),
        "badGender" => ("性别无法识别", "gender not recognised"),
        "dateSerial" => ("日期是 Excel 序列号", "date as an Excel serial number"),
        "badDate" => ("日期无法识别", "date not readable"),
        "mixedDateFormats" => ("日期写法不一致", "dates in mixed formats"),
        "periodOrder" => ("截止早于起始", "period ends before it starts"),
        "monthsMismatch" => ("月数与起止月份不符", "months differ from the period"),
        "badAmount" => ("金额无法识别", "amount not readable"),
        "badCount" => ("数量无法识别", "count not readable"),
        "duplicateId" => ("同一人重复出现", "same person twice"),
        "sameIdDifferentName" => ("同一号码、不同姓名", "same ID, different names"),
        "notEligible" => ("不符合申请条件", "not eligible"),
        "eligibilityUnknown" => ("条件无法判定", "eligibility not settled"),
        "factProblem" => ("条件信息有误", "answer for the eligibility check wrong"),
        "periodTooLong" => ("享受期限超出", "period too long"),
        "amountTooHigh" => ("申请金额超出", "amount too high"),
        "subsidyNotChecked" => ("期限和金额未核对", "period and amount not checked"),
        "unreadable" => ("整行无法读取", "row not readable"),
        _ => ("其他问题", "other problem"),
    };
    Text::new(zh, en)
}

/// How a date was written, for the mixed-formats warning.
pub fn shape_label(s: &str) -> Text {
    match s {
        "iso" => Text::new("“2025-03-01”式", "2025-03-01"),
        "slash" => Text::new("“2025/3/1”式", "2025/3/1"),
        "dot" => Text::new("“2025.3.1”式", "2025.3.1"),
        "chinese" => Text::new("中文“年月日”式", "with 年, 月 and 日"),
        "compact" => Text::new("“20250301”式", "20250301"),
        _ => Text::new("其他写法", "another way"),
    }
}

fn shape_of(s: &str) -> &'static str {
    if s.contains('年') {
        "chinese"
    } else if s.contains('/') {
        "slash"
    } else if s.contains('.') {
        "dot"
    } else if s.contains('-') {
        "iso"
    } else {
        "compact"
    }
}

/// Stray spaces: leading or trailing ones, or any non-breaking, ideographic or
/// zero-width space anywhere.
fn has_stray_spaces(s: &str) -> bool {
    s != s.trim()
        || s.chars().any(|c| {
            matches!(
                c,
                '\u{a0}' | '\u{3000}' | '\u{200b}' | '\u{feff}' | '\u{2007}' | '\u{202f}'
            )
        })
}

fn has_full_width(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}'))
}

/// Folds what a clerk's keyboard or Excel adds: full width → half width, every
/// kind of space removed.
fn clean(s: &str) -> Cow<'_, str> {
    // The usual cell: plain ASCII with nothing to fold, borrowed as it is.
    if s.bytes().all(|b| b.is_ascii_graphic()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
                c if c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}') => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// `1.10105E+17`, as Excel shows a long number in a General cell.
fn is_scientific(s: &str) -> bool {
    let Some((mant, exp)) = s.split_once(['E', 'e']) else {
        return false;
    };
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    !mant.is_empty()
        && mant.chars().all(|c| c.is_ascii_digit() || c == '.')
        && mant.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !exp.is_empty()
        && exp.chars().all(|c| c.is_ascii_digit())
}

/// An Excel serial day number (1900 date system, as Excel counts: day 60 is
/// the 1900-02-29 that never was, so days after it count from 1899-12-30).
pub fn serial_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let base = if days < 60 {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    base.checked_add_signed(chrono::Duration::days(days))
}

/// A serial number people could mean as a date: 1950 to 2099.
fn plausible_serial(s: &str) -> Option<f64> {
    let n: f64 = s.parse().ok()?;
    (18_264.0..=73_050.0).contains(&n).then_some(n)
}

/// Reads an amount: `1,234.50`, `¥1234.5`, `1234.5元`, full width.
pub fn read_amount(s: &str) -> Option<Decimal> {
    let t: String = clean(s)
        .chars()
        .filter(|c| !matches!(c, ',' | '¥' | '￥' | '元'))
        .collect();
    Decimal::from_str(&t).ok()
}

/// What one row's cells say, read by field.
struct Read {
    birth: Option<NaiveDate>,
    gender_from_id: Option<&'static str>,
    gender: Option<&'static str>,
    dates: Vec<(&'static str, NaiveDate)>,
    months: Vec<(&'static str, YearMonth)>,
    amounts: Vec<(&'static str, Decimal)>,
    counts: Vec<(&'static str, i64)>,
}

impl Read {
    fn month(&self, key: &str) -> Option<YearMonth> {
        self.months.iter().find(|(k, _)| *k == key).map(|(_, m)| *m)
    }
    fn date(&self, key: &str) -> Option<NaiveDate> {
        self.dates.iter().find(|(k, _)| *k == key).map(|(_, d)| *d)
    }
    fn amount(&self, key: &str) -> Option<Decimal> {
        self.amounts
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| *a)
    }
    fn count(&self, key: &str) -> Option<i64> {
        self.counts.iter().find(|(k, _)| *k == key).map(|(_, a)| *a)
    }
}

/// **The per-row function.** Checks the row at `index` of `p.table` (0-based,
/// below the header) and returns its problems in the order of its columns,
/// then the row's own checks (eligibility, period and amount). Deterministic:
/// the same row and context give the same result on any thread.
pub fn check_row(p: &Prepared<'_>, index: usize) -> RowCheck {
    let cells: &[Cell] = p.table.rows.get(index).map(Vec::as_slice).unwrap_or(&[]);
    let mut rc = RowCheck {
        index,
        status: RowStatus::Fine,
        problems: Vec::new(),
        id: None,
        name: None,
        date_shapes: Vec::new(),
    };
    if let Some((_, why)) = p.table.broken.iter().find(|(i, _)| *i == index) {
        rc.status = RowStatus::Unreadable;
        rc.push(
            p,
            None,
            index,
            None,
            "unreadable",
            Severity::Error,
            t!(
                "这一行无法读取（{}）：常见原因是单元格中的引号未配对。请在 Excel 或 WPS 中打开核对这一行。",
                "This row cannot be read ({}): usually a quote in a cell is not closed. Open the file in Excel or WPS and check this row.";
                why.clone()
            ),
        );
        return rc;
    }
    if cells.iter().all(Cell::is_empty) {
        rc.status = RowStatus::Empty;
        return rc;
    }
    let mut read = Read {
        birth: None,
        gender_from_id: None,
        gender: None,
        dates: Vec::new(),
        months: Vec::new(),
        amounts: Vec::new(),
        counts: Vec::new(),
    };
    let mut cols: Vec<&(&'static Field, usize)> = p.columns.iter().collect();
    cols.sort_by_key(|(f, c)| (*c, f.key));
    for (f, c) in cols {
        let cell = cells.get(*c).unwrap_or(&Cell::Empty);
        check_cell(p, &mut rc, &mut read, f, *c, cell);
    }
    if let (Some(a), Some(b)) = (read.gender, read.gender_from_id) {
        if a != b {
            rc.push(
                p,
                p.column_of("gender"),
                index,
                Some("gender"),
                "genderMismatch",
                Severity::Error,
                t!(
                    "与身份证号码不符（号码第 17 位表示{}）。",
                    "differs from the ID number (its 17th digit says {}).";
                    if b == "male" { Text::new("男", "male") } else { Text::new("女", "female") }
                ),
            );
        }
    }
    if let (Some(from), Some(to)) = (read.month("periodStart"), read.month("periodEnd")) {
        if to < from {
            rc.push(
                p,
                p.column_of("periodEnd"),
                index,
                Some("periodEnd"),
                "periodOrder",
                Severity::Error,
                t!("早于起始月份 {}。", "is before the first month {}."; from.to_string()),
            );
        } else if let Some(n) = read.count("months") {
            let span = months_between(from, to);
            if n != span {
                rc.push(
                    p,
                    p.column_of("months"),
                    index,
                    Some("months"),
                    "monthsMismatch",
                    Severity::Error,
                    t!(
                        "写的是 {}，但 {} 至 {} 共 {} 个月。",
                        "says {}, but {} to {} is {} months.";
                        n, from.to_string(), to.to_string(), span
                    ),
                );
            }
        }
    }
    match p.options.check {
        CheckMode::Numbers => {}
        CheckMode::Eligibility => eligibility(p, &mut rc, &read, cells),
        CheckMode::Subsidy => subsidy(p, &mut rc, &read),
    }
    rc.settle();
    rc
}

fn months_between(from: YearMonth, to: YearMonth) -> i64 {
    (to.year() as i64 - from.year() as i64) * 12 + to.month() as i64 - from.month() as i64 + 1
}

fn check_cell(
    p: &Prepared<'_>,
    rc: &mut RowCheck,
    read: &mut Read,
    f: &'static Field,
    c: usize,
    cell: &Cell,
) {
    let index = rc.index;
    let key = Some(f.key);
    let col = Some(c);
    if cell.is_empty() {
        if f.required_in.contains(&p.options.kind) {
            rc.push(
                p,
                col,
                index,
                key,
                "missing",
                Severity::Error,
                t!("为空，必须填写。", "is empty; it must be filled in."),
            );
        }
        return;
    }
    let raw: Cow<'_, str> = match cell {
        Cell::Text(t) => Cow::Borrowed(t.as_str()),
        c => Cow::Owned(c.text()),
    };
    if f.key == "name" {
        rc.name = Some(clean(&raw).into_owned());
    }
    if !matches!(f.kind, FieldType::Text) {
        if has_stray_spaces(&raw) {
            rc.push(
                p,
                col,
                index,
                key,
                "spaces",
                Severity::Warning,
                t!(
                    "含有多余的空格或不换行空格（常见于从网页或微信复制），系统导入时可能无法识别，请删去。",
                    "holds stray or non-breaking spaces (often from copying a web page or a chat); an import may not recognise it. Remove them."
                ),
            );
        }
        if has_full_width(&raw) {
            rc.push(
                p,
                col,
                index,
                key,
                "fullWidth",
                Severity::Warning,
                t!(
                    "含有全角数字或字母，请改为半角（切换输入法的全角/半角）。",
                    "holds full-width digits or letters; retype them half-width."
                ),
            );
        }
    } else if has_stray_spaces(&raw) && f.key == "name" {
        rc.push(
            p,
            col,
            index,
            key,
            "spaces",
            Severity::Warning,
            t!(
                "含有多余的空格或不换行空格，与其他表核对时可能对不上，请删去。",
                "holds stray or non-breaking spaces; it may not match other records. Remove them."
            ),
        );
    }
    match f.kind {
        FieldType::Text => {}
        FieldType::Id(kind) => check_number(p, rc, read, f, c, cell, &raw, kind),
        FieldType::Gender => match clean(&raw).to_lowercase().as_str() {
            "男" | "male" | "m" => read.gender = Some("male"),
            "女" | "female" | "f" => read.gender = Some("female"),
            _ => rc.push(
                p,
                col,
                index,
                key,
                "badGender",
                Severity::Error,
                t!("请写“男”或“女”。", "write 男 or 女 (male or female)."),
            ),
        },
        FieldType::Date | FieldType::Month => {
            let serial = match cell {
                Cell::Date(n) => Some((*n, false)),
                Cell::Number(n) => Some((*n, true)),
                Cell::Text(s) => plausible_serial(&clean(s)).map(|n| (n, true)),
                _ => None,
            };
            let day = match serial {
                Some((n, warn)) => {
                    let d = serial_date(n);
                    match d {
                        Some(d) if warn => rc.push(
                            p,
                            col,
                            index,
                            key,
                            "dateSerial",
                            Severity::Warning,
                            t!(
                                "“{}”是 Excel 的日期序列号，按 {} 读取。请把单元格设为日期格式或写成 {} 的形式。",
                                "\"{}\" is an Excel date serial number, read as {}. Format the cell as a date, or write it as {}.";
                                number_text(n), d.to_string(), d.to_string()
                            ),
                        ),
                        Some(_) => {}
                        None => rc.push(p, col, index, key, "badDate", Severity::Error, t!("“{}”不是日期。", "\"{}\" is not a date."; raw.to_string())),
                    }
                    d.map(|d| (d, None))
                }
                None => {
                    let s = clean(&raw);
                    let r = if f.kind == FieldType::Month {
                        read_month(&s)
                            .map(|m| m.first_day())
                            .or_else(|_| read_date(&s))
                    } else {
                        read_date(&s)
                    };
                    match r {
                        Ok(d) => Some((d, Some(shape_of(&s)))),
                        Err(e) => {
                            rc.push(
                                p,
                                col,
                                index,
                                key,
                                "badDate",
                                Severity::Error,
                                e.message(None),
                            );
                            None
                        }
                    }
                }
            };
            if let Some((d, shape)) = day {
                if let Some(s) = shape {
                    rc.date_shapes.push((c, s));
                }
                if f.kind == FieldType::Month {
                    read.months.push((f.key, YearMonth::of(d)));
                } else {
                    read.dates.push((f.key, d));
                }
            }
        }
        FieldType::Amount => {
            let a = match cell {
                Cell::Number(n) => Decimal::from_str(&number_text(*n)).ok(),
                _ => read_amount(&raw),
            };
            match a {
                None => rc.push(p, col, index, key, "badAmount", Severity::Error, t!("“{}”不是金额，请只写数字（元）。", "\"{}\" is not an amount; write the yuan as a number."; raw.to_string())),
                Some(a) if a.is_sign_negative() && !a.is_zero() => rc.push(p, col, index, key, "badAmount", Severity::Error, t!("不能为负数。", "cannot be negative.")),
                Some(a) if a > MAX_AMOUNT => rc.push(p, col, index, key, "badAmount", Severity::Error, t!("大得不合理，请核对位数。", "is implausibly large; check the digits.")),
                Some(a) if a.normalize().scale() > 2 => rc.push(p, col, index, key, "badAmount", Severity::Error, t!("“{}”超过两位小数（分）。", "\"{}\" has more than two decimals (fen)."; raw.to_string())),
                Some(a) => read.amounts.push((f.key, a)),
            }
        }
        FieldType::Count => {
            let s = clean(&raw);
            let s = s.strip_suffix(".0").unwrap_or(&s);
            let s = s.trim_end_matches(['个', '月']);
            match s.parse::<i64>() {
                Ok(n) if (0..=crate::money::MAX_NUMBER).contains(&n) => {
                    read.counts.push((f.key, n))
                }
                _ => rc.push(
                    p,
                    col,
                    index,
                    key,
                    "badCount",
                    Severity::Error,
                    t!("“{}”不是整数。", "\"{}\" is not a whole number."; raw.to_string()),
                ),
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check_number(
    p: &Prepared<'_>,
    rc: &mut RowCheck,
    read: &mut Read,
    f: &'static Field,
    c: usize,
    cell: &Cell,
    raw: &str,
    kind: IdKind,
) {
    let index = rc.index;
    let key = Some(f.key);
    let col = Some(c);
    let opts = IdOptions {
        lang: p.lang,
        today: Some(p.as_of),
    };
    let s = clean(raw);
    let is_resident = kind == IdKind::ResidentId;
    // Excel's traps first: each names what happened and how to undo it.
    if is_scientific(&s) {
        rc.push(
            p,
            col,
            index,
            key,
            "idScientific",
            Severity::Error,
            t!(
                "“{}”是被 Excel 改成科学计数法的号码，后几位已丢失，无法恢复。请把这一列设为“文本”格式，再按证件重新录入。",
                "\"{}\" is a number Excel turned into scientific notation; its last digits are lost for good. Format the column as Text and type the number again from the card.";
                s.to_string()
            ),
        );
        return;
    }
    let numeric = matches!(cell, Cell::Number(_));
    if let Some(base) = s
        .strip_suffix(".0")
        .filter(|b| b.chars().all(|c| c.is_ascii_digit()) && !b.is_empty())
    {
        let mut scratch = String::new();
        let ok = brief_of(kind, base, &opts, &mut scratch).map(str::to_string);
        match ok {
            Some(n) => {
                rc.push(
                    p,
                    col,
                    index,
                    key,
                    "trailingDecimal",
                    Severity::Warning,
                    t!(
                        "末尾多了“.0”（号码被当作数字保存过），应为 {}。请把这一列设为“文本”格式。",
                        "ends in \".0\" (it was saved as a number); it should be {}. Format the column as Text.";
                        n.clone()
                    ),
                );
                if is_resident {
                    note_id(rc, read, &n);
                }
            }
            None => rc.push(
                p,
                col,
                index,
                key,
                "trailingDecimal",
                Severity::Error,
                t!(
                    "末尾多了“.0”（号码被当作数字保存过），去掉后仍不是有效号码，后几位可能已丢失。请按证件重新录入。",
                    "ends in \".0\" (it was saved as a number), and without it the number is still wrong: its last digits may be lost. Type it again from the card."
                ),
            ),
        }
        return;
    }
    let mut scratch = String::new();
    let valid = brief_of(kind, &s, &opts, &mut scratch).map(str::to_string);
    if is_resident && numeric {
        let digits = s.len();
        if digits >= 16 {
            if valid.is_none() {
                rc.push(
                    p,
                    col,
                    index,
                    key,
                    "idDigitsLost",
                    Severity::Error,
                    t!(
                        "以数字格式保存，Excel 只保留 15 位有效数字，后几位已变成“{}”，无法恢复。请把这一列设为“文本”格式，再按证件重新录入。",
                        "is stored as a number; Excel keeps 15 significant digits, so its last digits became \"{}\" and cannot be recovered. Format the column as Text and type the number again from the card.";
                        s[15.min(s.len())..].to_string()
                    ),
                );
                return;
            }
            rc.push(
                p,
                col,
                index,
                key,
                "idAsNumber",
                Severity::Warning,
                t!(
                    "以数字格式保存，再次编辑或另存时后几位会丢失。请把这一列设为“文本”格式。",
                    "is stored as a number; editing or saving again will lose its last digits. Format the column as Text."
                ),
            );
        }
    }
    if let Some(n) = valid {
        if is_resident {
            note_id(rc, read, &n);
        }
        return;
    }
    if is_resident && s.len() == 18 && s.ends_with("000") && s.chars().all(|c| c.is_ascii_digit()) {
        rc.push(
            p,
            col,
            index,
            key,
            "idDigitsLost",
            Severity::Error,
            t!(
                "末尾几位变成了 0，是 Excel 按数字保存时丢失的（只保留 15 位）。请把这一列设为“文本”格式，再按证件重新录入。",
                "ends in zeros where Excel dropped digits when it saved the number (it keeps 15). Format the column as Text and type the number again from the card."
            ),
        );
        return;
    }
    if kind == IdKind::SocialSecurityCard
        && !s.is_empty()
        && s.len() < 9
        && s.chars().all(|c| c.is_ascii_digit())
    {
        let padded = format!("{s:0>9}");
        if brief_of(kind, &padded, &opts, &mut scratch).is_some() {
            rc.push(
                p,
                col,
                index,
                key,
                "leadingZerosLost",
                Severity::Error,
                t!(
                    "只有 {} 位，开头的 0 可能被 Excel 去掉了，应为 {}。请把这一列设为“文本”格式后补上。",
                    "has only {} characters: Excel may have dropped its leading zeros; it should be {}. Format the column as Text and restore them.";
                    s.len(), padded
                ),
            );
            return;
        }
    }
    // The number is wrong in its own right: every problem, in the core's words.
    let check = validate_id(kind, &s, &opts);
    let words: Vec<&str> = check
        .problems
        .iter()
        .filter(|pr| pr.severity == crate::ids::Severity::Error)
        .map(|pr| pr.message.as_str())
        .collect();
    let msg = if words.is_empty() {
        t!("不是有效号码。", "is not a valid number.")
    } else {
        let j = words.join(" ");
        Text::new(j.clone(), j)
    };
    let code = if is_resident {
        "invalidId"
    } else {
        "invalidNumber"
    };
    rc.push(p, col, index, key, code, Severity::Error, msg);
}

fn note_id(rc: &mut RowCheck, read: &mut Read, normalized: &str) {
    let b = normalized.as_bytes();
    if b.len() == 18 {
        let y = std::str::from_utf8(&b[6..10])
            .ok()
            .and_then(|s| s.parse().ok());
        let m = std::str::from_utf8(&b[10..12])
            .ok()
            .and_then(|s| s.parse().ok());
        let d = std::str::from_utf8(&b[12..14])
            .ok()
            .and_then(|s| s.parse().ok());
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            read.birth = NaiveDate::from_ymd_opt(y, m, d);
        }
        read.gender_from_id = Some(if (b[16] - b'0') % 2 == 1 {
            "male"
        } else {
            "female"
        });
    }
    rc.id = Some(normalized.to_string());
}

/// The row's answers as the program's facts: the birth date from the ID, the
/// columns mapped to `facts.<id>`, each read by its fact's type.
fn eligibility(p: &Prepared<'_>, rc: &mut RowCheck, read: &Read, cells: &[Cell]) {
    use crate::facts::FactKind;
    let program = p
        .options
        .program
        .as_deref()
        .unwrap_or(super::DEFAULT_PROGRAM);
    let mut facts = Map::new();
    let has = |id: &str| p.program_facts.iter().any(|f| f.id == id);
    if let Some(b) = read.birth.filter(|_| has("birthDate")) {
        facts.insert("birthDate".into(), json!(b.to_string()));
    }
    for (id, c) in &p.facts {
        let Some(def) = p.program_facts.iter().find(|f| f.id == id) else {
            continue;
        };
        let cell = cells.get(*c).unwrap_or(&Cell::Empty);
        if cell.is_empty() {
            continue;
        }
        let text = cell.text();
        let s = clean(&text).into_owned();
        let v = match &def.kind {
            FactKind::YesNo => match s.to_lowercase().as_str() {
                "是" | "有" | "yes" | "true" | "y" | "1" => json!(true),
                "否" | "无" | "no" | "false" | "n" | "0" => json!(false),
                _ => json!(s),
            },
            FactKind::Number => s.parse::<i64>().map(|n| json!(n)).unwrap_or(json!(s)),
            FactKind::Date | FactKind::Month => match cell {
                Cell::Date(n) | Cell::Number(n) => serial_date(*n)
                    .map(|d| json!(d.to_string()))
                    .unwrap_or(json!(s)),
                _ => json!(s),
            },
            FactKind::MultiChoice { .. } => {
                json!(s.split(['、', ',', '，', ';', '；']).collect::<Vec<_>>())
            }
            _ => json!(s),
        };
        facts.insert(id.clone(), v);
    }
    let index = rc.index;
    match crate::eligibility::check(program, &Value::Object(facts), p.rules, p.as_of, p.lang) {
        Ok(d) => match d.outcome {
            crate::verdict::Outcome::Eligible => {}
            crate::verdict::Outcome::Ineligible => rc.push(
                p,
                None,
                index,
                None,
                "notEligible",
                Severity::Error,
                Text::new(d.summary.clone(), d.summary),
            ),
            crate::verdict::Outcome::Undetermined => {
                let missing: Vec<String> = d
                    .missing_facts
                    .iter()
                    .take(3)
                    .map(|m| m.question.question.clone())
                    .collect();
                let s = format!("{} {}", d.summary, missing.join(" "));
                rc.push(
                    p,
                    None,
                    index,
                    None,
                    "eligibilityUnknown",
                    Severity::Warning,
                    Text::new(s.clone(), s),
                );
            }
        },
        Err(crate::eligibility::CheckError::Facts(problems)) => {
            for pr in problems {
                let col = p
                    .facts
                    .iter()
                    .find(|(id, _)| *id == pr.fact)
                    .map(|(_, c)| *c);
                rc.push(
                    p,
                    col,
                    index,
                    None,
                    "factProblem",
                    Severity::Error,
                    pr.message,
                );
            }
        }
        Err(crate::eligibility::CheckError::Rule(e)) => {
            rc.push(
                p,
                None,
                index,
                None,
                "factProblem",
                Severity::Error,
                e.message(),
            );
        }
        Err(crate::eligibility::CheckError::UnknownProgram(id)) => {
            rc.push(
                p,
                None,
                index,
                None,
                "factProblem",
                Severity::Error,
                t!("没有名为“{}”的项目。", "There is no program \"{}\"."; id),
            );
        }
    }
}

/// The claimed period and amount against the subsidy plan from the same row.
fn subsidy(p: &Prepared<'_>, rc: &mut RowCheck, read: &Read) {
    let index = rc.index;
    let program = p.options.program.as_deref().unwrap_or(DEFAULT_SUBSIDY);
    let (Some(birth), Some(start)) = (read.birth, read.month("periodStart")) else {
        return; // the missing ID or month is reported already
    };
    let track = match read.gender.or(read.gender_from_id) {
        Some("male") => Some(crate::retirement::Track::Male),
        _ => p.options.female_track,
    };
    let Some(track) = track else {
        rc.push(
            p,
            None,
            index,
            None,
            "subsidyNotChecked",
            Severity::Warning,
            t!(
                "女职工的退休年龄有两档，未选择本台账适用的一档，期限和金额未核对。",
                "Women retire at one of two ages and the ledger's is not chosen, so the period and amount were not checked."
            ),
        );
        return;
    };
    let mut per_month = Map::new();
    for (k, name) in [
        ("paidPension", "pension"),
        ("paidMedical", "medical"),
        ("paidUnemployment", "unemployment"),
    ] {
        if let Some(a) = read.amount(k) {
            per_month.insert(name.into(), json!(a.to_string()));
        }
    }
    let first = read.date("firstApprovedOn").unwrap_or(start.first_day());
    let mut input = json!({
        "program": program,
        "person": { "birthDate": birth.to_string(), "retirementTrack": track },
        "firstApprovedOn": first.to_string(),
        "startOn": start.first_day().to_string(),
        "monthsUsed": read.count("monthsUsed").unwrap_or(0),
    });
    if !per_month.is_empty() {
        input["contributions"] = json!({ "perMonth": per_month });
    }
    let input: crate::subsidy::PlanInput = match serde_json::from_value(input) {
        Ok(i) => i,
        Err(_) => {
            rc.push(p, None, index, None, "subsidyNotChecked", Severity::Warning, t!("补贴项目“{}”无法识别，期限和金额未核对。", "The subsidy program \"{}\" is not known, so the period and amount were not checked."; program.to_string()));
            return;
        }
    };
    let plan = match crate::subsidy::plan(&input, p.rules, p.as_of, p.lang) {
        Ok(plan) => plan,
        Err(crate::subsidy::PlanError::Input { message, .. }) => {
            rc.push(
                p,
                None,
                index,
                None,
                "periodTooLong",
                Severity::Error,
                message,
            );
            return;
        }
        Err(crate::subsidy::PlanError::Rule(e)) => {
            rc.push(
                p,
                None,
                index,
                None,
                "subsidyNotChecked",
                Severity::Warning,
                e.message(),
            );
            return;
        }
    };
    let end = read.month("periodEnd");
    if let Some(end) = end {
        if end > plan.end_month {
            rc.push(
                p,
                p.column_of("periodEnd"),
                index,
                Some("periodEnd"),
                "periodTooLong",
                Severity::Error,
                t!(
                    "晚于可享受的最后一个月 {}（{}）。",
                    "is after the last month the subsidy can run to, {} ({}).";
                    plan.end_month.to_string(), {
                        let why = plan.explanation.first().map(|e| e.trim_end_matches(['。', '.']).to_string()).unwrap_or_default();
                        Text::new(why.clone(), why)
                    }
                ),
            );
        }
    }
    if let (Some(claimed), true) = (
        read.amount("amount"),
        !plan.monthly.is_empty() && input.contributions.per_month.is_some(),
    ) {
        let last = end.unwrap_or(plan.end_month);
        let most: Decimal = plan
            .monthly
            .iter()
            .filter(|m| m.month <= last)
            .map(|m| m.subsidy)
            .sum();
        if claimed > most {
            rc.push(
                p,
                p.column_of("amount"),
                index,
                Some("amount"),
                "amountTooHigh",
                Severity::Error,
                t!(
                    "{} 元，超过按实缴金额计算的最多 {} 元。",
                    "{} yuan is more than the {} yuan the contributions paid allow.";
                    crate::money::yuan(claimed), crate::money::yuan(most)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_are_excel_days() {
        assert_eq!(serial_date(45000.0), NaiveDate::from_ymd_opt(2023, 3, 15));
        assert_eq!(serial_date(1.0), NaiveDate::from_ymd_opt(1900, 1, 1));
        assert_eq!(serial_date(-3.0), None);
    }

    #[test]
    fn scientific_notation_is_seen() {
        assert!(is_scientific("1.10105E+17"));
        assert!(is_scientific("1.1e17"));
        assert!(!is_scientific("110105E"));
        assert!(!is_scientific("E+17"));
    }

    #[test]
    fn amounts_are_read_as_typed() {
        assert_eq!(read_amount("¥1,234.50"), Decimal::from_str("1234.50").ok());
        assert_eq!(read_amount("１２３元"), Decimal::from_str("123").ok());
        assert_eq!(read_amount("abc"), None);
    }
}
