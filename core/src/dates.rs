//! Calendar months and month arithmetic, with the month-end rule written down.
//!
//! Policy periods in this field are counted in calendar months (a subsidy "for 36
//! months", retirement "in the month the age is reached"). [`YearMonth`] is that
//! unit. Where a day is needed, [`add_months`] clamps to the end of a shorter month:
//! 31 January + 1 month = 28 (or 29) February, and 29 February + 12 months =
//! 28 February in a common year.
//!
//! ```
//! use chrono::NaiveDate;
//! use zhuchuang_core::dates::{add_months, YearMonth};
//! let jan31 = NaiveDate::from_ymd_opt(2025, 1, 31).unwrap();
//! assert_eq!(add_months(jan31, 1), NaiveDate::from_ymd_opt(2025, 2, 28));
//! let m = YearMonth::new(2024, 12).unwrap();
//! assert_eq!((m + 2).to_string(), "2025-02");
//! assert_eq!(YearMonth::new(2025, 2).unwrap() - m, 2);
//! ```
//!
//! Dates as people type them (日期的写法): [`read_date`] and [`read_month`] are the
//! one reader of a typed date or month, used by every date fact and, through
//! [`serde_loose`], every date field of the API's inputs. They accept
//! `1978-03-10`, `1978/03/10`, `1978.03.10`, `19780310`, `1978年3月10日`, with
//! full-width digits and punctuation and spaces around; a date they cannot read
//! is a [`DateError`] whose message says how to write it.
//!
//! ```
//! use zhuchuang_core::dates::{read_date, read_month};
//! for typed in ["1978-03-10", "1978/3/10", "1978.03.10", "19780310", "1978年3月10日", " １９７８－０３－１０ "] {
//!     assert_eq!(read_date(typed).unwrap().to_string(), "1978-03-10");
//! }
//! assert_eq!(read_month("1978年3月").unwrap().to_string(), "1978-03");
//! let err = read_date("1978-13-01").unwrap_err();
//! assert_eq!(err.message(None).zh, "“1978-13-01”不是有效日期，请按 1978-03-10 的格式填写。");
//! ```

use crate::text::Text;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Add, Sub};
use std::str::FromStr;

/// A calendar month, serialised as `"YYYY-MM"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Months since year 0 (January of year 0 = 0).
    index: i32,
}

impl YearMonth {
    /// `None` unless `month` is 1–12 and the year is within chrono's range.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        if !(1..=12).contains(&month) || !(-9999..=9999).contains(&year) {
            return None;
        }
        Some(YearMonth {
            index: year * 12 + month as i32 - 1,
        })
    }

    /// The month containing `date`.
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            index: date.year() * 12 + date.month0() as i32,
        }
    }

    pub fn year(self) -> i32 {
        self.index.div_euclid(12)
    }

    /// 1–12.
    pub fn month(self) -> u32 {
        self.index.rem_euclid(12) as u32 + 1
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year(), self.month(), 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the month (28–31).
    pub fn last_day(self) -> NaiveDate {
        (self + 1).first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// Day `day` of this month, clamped to the month's last day.
    pub fn day_clamped(self, day: u32) -> NaiveDate {
        let last = self.last_day();
        NaiveDate::from_ymd_opt(self.year(), self.month(), day.min(last.day())).unwrap_or(last)
    }
}

impl Add<i32> for YearMonth {
    type Output = YearMonth;
    fn add(self, months: i32) -> YearMonth {
        YearMonth {
            index: self.index.saturating_add(months),
        }
    }
}

impl Sub<i32> for YearMonth {
    type Output = YearMonth;
    fn sub(self, months: i32) -> YearMonth {
        YearMonth {
            index: self.index.saturating_sub(months),
        }
    }
}

/// Whole months from `rhs` to `self` (negative if `self` is earlier).
impl Sub for YearMonth {
    type Output = i32;
    fn sub(self, rhs: YearMonth) -> i32 {
        self.index.saturating_sub(rhs.index)
    }
}

/// A month reads the same in both languages (`t!` arguments); here, not in
/// `text`, so that text stays below dates.
impl crate::text::Bilingual for YearMonth {
    fn in_lang(&self, _: crate::text::Lang) -> String {
        self.to_string()
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

/// Error for a string that is not `YYYY-MM`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearMonthError(pub String);

impl fmt::Display for YearMonthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a month in the form YYYY-MM", self.0)
    }
}

impl std::error::Error for YearMonthError {}

impl FromStr for YearMonth {
    type Err = YearMonthError;
    fn from_str(s: &str) -> Result<YearMonth, YearMonthError> {
        let err = || YearMonthError(s.to_string());
        let (y, m) = s.split_once('-').ok_or_else(err)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(err());
        }
        YearMonth::new(y.parse().map_err(|_| err())?, m.parse().map_err(|_| err())?).ok_or_else(err)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // `YYYY-MM` from a stack buffer (plan months come by the dozen).
        let y = self.year();
        if !(0..=9999).contains(&y) {
            return s.collect_str(self);
        }
        let mut buf = [0u8; 7];
        crate::money::ser::four(&mut buf[0..4], y as u32);
        buf[4] = b'-';
        crate::money::ser::two(&mut buf[5..7], self.month());
        s.serialize_str(std::str::from_utf8(&buf).unwrap_or_default())
    }
}

/// Reads a month as people type it (see [`read_month`]); the error is a plain
/// sentence in both languages.
impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<YearMonth, D::Error> {
        serde_loose::month(d)
    }
}

/// Whether a date or a month was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateShape {
    /// A day: 1978-03-10.
    Date,
    /// A calendar month: 1978-03.
    Month,
}

impl DateShape {
    /// How to write one, as the messages show it.
    pub fn example(self) -> &'static str {
        match self {
            DateShape::Date => "1978-03-10",
            DateShape::Month => "1978-03",
        }
    }
}

/// What is wrong with a typed date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing was typed.
    Empty,
    /// Not a value that could hold a date (a number, true/false, a list).
    NotText,
    /// Not written as a date at all.
    Unreadable,
    /// Written as a date, but no such month (the 13th month).
    NoSuchMonth,
    /// Written as a date, but the month has fewer days.
    NoSuchDay { days_in_month: u32 },
}

/// A typed date or month that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    /// What was typed, shortened for messages.
    pub input: String,
    pub shape: DateShape,
    pub problem: DateProblem,
}

impl DateError {
    fn new(input: &str, shape: DateShape, problem: DateProblem) -> DateError {
        DateError {
            input: shown(input),
            shape,
            problem,
        }
    }

    /// The error for a value that is not text at all (`true`, `[]`, `{}`).
    pub fn not_text(shown_value: &str, shape: DateShape) -> DateError {
        DateError::new(shown_value, shape, DateProblem::NotText)
    }

    /// A plain sentence saying what is wrong and how to write it. `label` names
    /// the question (出生日期 / date of birth); without it the sentence names the
    /// value only.
    pub fn message(&self, label: Option<&Text>) -> Text {
        let example = self.shape.example();
        let (what_zh, what_en) = match self.shape {
            DateShape::Date => ("日期", "date"),
            DateShape::Month => ("月份", "month"),
        };
        let input = &self.input;
        let label_zh = label.map_or("", |l| l.zh.as_str());
        match &self.problem {
            DateProblem::Empty => match label {
                Some(l) => Text::new(
                    format!("请填写{}，例如 {example}。", l.zh),
                    format!("Please enter the {}, for example {example}.", l.en),
                ),
                None => Text::new(
                    format!("请填写{what_zh}，例如 {example}。"),
                    format!("Please enter a {what_en}, for example {example}."),
                ),
            },
            DateProblem::NotText => Text::new(
                match label {
                    Some(l) => format!("{}应填写{what_zh}，例如 {example}，现在是 {input}。", l.zh),
                    None => format!("这里应填写{what_zh}，例如 {example}，现在是 {input}。"),
                },
                match label {
                    Some(l) => format!(
                        "The {} should be a {what_en} such as {example}, not {input}.",
                        l.en
                    ),
                    None => format!("This should be a {what_en} such as {example}, not {input}."),
                },
            ),
            problem => {
                let why = match problem {
                    DateProblem::NoSuchDay { days_in_month } => Text::new(
                        format!("那个月只有{days_in_month}天，"),
                        format!("That month has only {days_in_month} days. "),
                    ),
                    _ => Text::new("", ""),
                };
                let subject_en = match label {
                    Some(l) => format!("The {} \"{input}\"", l.en),
                    None => format!("\"{input}\""),
                };
                Text::new(
                    format!(
                        "{label_zh}“{input}”不是有效{what_zh}，{}请按 {example} 的格式填写。",
                        why.zh
                    ),
                    format!(
                        "{subject_en} is not a valid {what_en}. {}Please write it like {example}.",
                        why.en
                    ),
                )
            }
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message(None))
    }
}

impl std::error::Error for DateError {}

/// What was typed, for a message: at most 30 characters, control characters as `?`.
fn shown(input: &str) -> String {
    let mut s: String = input
        .trim()
        .chars()
        .take(30)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if input.trim().chars().count() > 30 {
        s.push('…');
    }
    s
}

/// Folds what people type into ASCII digits and separators: full-width forms,
/// 年/月/日 and dashes of every kind; spaces removed.
fn fold_typed(input: &str) -> String {
    let mut out = String::new();
    for c in input.chars() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '年' | '月' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30fb}' | '\u{3002}' | '、' => {
                '-'
            }
            '日' | '号' => continue,
            c if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' => continue,
            c => c,
        };
        out.push(match c {
            '/' | '.' => '-',
            c => c,
        });
    }
    out.trim_end_matches('-').to_string()
}

/// Year, month and (for dates) day as numbers, or why not.
fn fields(input: &str, shape: DateShape) -> Result<(i32, u32, Option<u32>), DateProblem> {
    let s = fold_typed(input);
    if s.is_empty() {
        return Err(DateProblem::Empty);
    }
    if !s.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return Err(DateProblem::Unreadable);
    }
    let parts: Vec<&str> = if s.contains('-') {
        s.split('-').collect()
    } else {
        // Digits only: 19780310 or 197803.
        match (shape, s.len()) {
            (DateShape::Date, 8) => vec![&s[..4], &s[4..6], &s[6..]],
            (DateShape::Month, 6) => vec![&s[..4], &s[4..]],
            _ => return Err(DateProblem::Unreadable),
        }
    };
    let want = match shape {
        DateShape::Date => 3,
        DateShape::Month => 2,
    };
    if parts.len() != want
        || parts[0].len() != 4
        || parts[1..].iter().any(|p| p.is_empty() || p.len() > 2)
    {
        return Err(DateProblem::Unreadable);
    }
    let year: i32 = parts[0].parse().map_err(|_| DateProblem::Unreadable)?;
    let month: u32 = parts[1].parse().map_err(|_| DateProblem::Unreadable)?;
    let day: Option<u32> = match parts.get(2) {
        Some(d) => Some(d.parse().map_err(|_| DateProblem::Unreadable)?),
        None => None,
    };
    Ok((year, month, day))
}

/// Reads a date as people type it: `1978-03-10`, `1978/3/10`, `1978.03.10`,
/// `19780310`, `1978年3月10日`, full-width digits and punctuation, spaces around.
pub fn read_date(input: &str) -> Result<NaiveDate, DateError> {
    let err = |p| DateError::new(input, DateShape::Date, p);
    let (year, month, day) = fields(input, DateShape::Date).map_err(err)?;
    let day = day.unwrap_or(0);
    let Some(ym) = YearMonth::new(year, month) else {
        return Err(err(DateProblem::NoSuchMonth));
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        if day == 0 || day > 31 {
            err(DateProblem::Unreadable)
        } else {
            err(DateProblem::NoSuchDay {
                days_in_month: ym.last_day().day(),
            })
        }
    })
}

/// Reads a month as people type it: `1978-03`, `1978/3`, `1978.3`, `1978年3月`,
/// `197803`, full-width digits and punctuation, spaces around.
pub fn read_month(input: &str) -> Result<YearMonth, DateError> {
    let err = |p| DateError::new(input, DateShape::Month, p);
    let (year, month, _) = fields(input, DateShape::Month).map_err(err)?;
    YearMonth::new(year, month).ok_or_else(|| err(DateProblem::NoSuchMonth))
}

/// Reads a JSON value holding a date: a string as [`read_date`] reads it, or a
/// whole number written like `19780310`.
pub fn read_date_value(v: &serde_json::Value) -> Result<NaiveDate, DateError> {
    match v {
        serde_json::Value::String(s) => read_date(s),
        serde_json::Value::Number(n) if n.is_u64() => read_date(&n.to_string()),
        other => Err(DateError::not_text(&other.to_string(), DateShape::Date)),
    }
}

/// Reads a JSON value holding a month: a string as [`read_month`] reads it, or a
/// whole number written like `197803`.
pub fn read_month_value(v: &serde_json::Value) -> Result<YearMonth, DateError> {
    match v {
        serde_json::Value::String(s) => read_month(s),
        serde_json::Value::Number(n) if n.is_u64() => read_month(&n.to_string()),
        other => Err(DateError::not_text(&other.to_string(), DateShape::Month)),
    }
}

/// Serde helpers reading dates and months as people type them, for the API's
/// input types: `#[serde(deserialize_with = "crate::dates::serde_loose::date")]`.
/// Optional fields use `option_date` / `option_month` (`null` is `None`; add
/// `default` so that an absent field is `None` too).
///
/// An error's message is a [`DateError`] message in both languages, written
/// `zh / en` (as [`Text`] displays); [`serde_loose::split_message`] gives the two back.
pub mod serde_loose {
    use super::{read_date_value, read_month_value, YearMonth};
    use crate::text::Text;
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer};

    fn custom<E: serde::de::Error>(e: super::DateError) -> E {
        E::custom(e.message(None))
    }

    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        read_date_value(&v).map_err(custom)
    }

    pub fn option_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Null => Ok(None),
            v => read_date_value(&v).map(Some).map_err(custom),
        }
    }

    pub fn month<'de, D: Deserializer<'de>>(d: D) -> Result<YearMonth, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        read_month_value(&v).map_err(custom)
    }

    pub fn option_month<'de, D: Deserializer<'de>>(d: D) -> Result<Option<YearMonth>, D::Error> {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Null => Ok(None),
            v => read_month_value(&v).map(Some).map_err(custom),
        }
    }

    /// The two languages of a message these helpers wrote (`None` for any other
    /// message), so a boundary can show each language its own half.
    ///
    /// ```
    /// use zhuchuang_core::dates::serde_loose::split_message;
    /// let t = split_message("“x”不是有效日期，请按 1978-03-10 的格式填写。 / \"x\" is not a valid date. Please write it like 1978-03-10.").unwrap();
    /// assert!(t.en.starts_with("\"x\""));
    /// ```
    pub fn split_message(message: &str) -> Option<Text> {
        let (zh, en) = message.split_once("。 / ")?;
        Some(Text::new(format!("{zh}。"), en))
    }
}

/// `date` plus `months` calendar months, clamped to the end of a shorter month.
pub fn add_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    let target = YearMonth::of(date) + months;
    NaiveDate::from_ymd_opt(target.year(), target.month(), 1)?;
    Some(target.day_clamped(date.day()))
}

/// Completed whole months from `from` to `to` (0 if `to` is earlier): the age in
/// months on `to` of someone born on `from`. A person born on the 31st completes
/// a month on the last day of a shorter month.
pub fn whole_months_between(from: NaiveDate, to: NaiveDate) -> i32 {
    if to < from {
        return 0;
    }
    let mut months = YearMonth::of(to) - YearMonth::of(from);
    if add_months(from, months).is_none_or(|d| d > to) {
        months -= 1;
    }
    months.max(0)
}

/// `"YYYY-MM"`, as [`YearMonth`] is written in JSON.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for YearMonth {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar month, \"YYYY-MM\".",
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let m = YearMonth::new(1965, 1).unwrap();
        assert_eq!((m + 721).to_string(), "2025-02");
        assert_eq!((m - 1).to_string(), "1964-12");
        assert_eq!(m.last_day(), d(1965, 1, 31));
        assert_eq!(YearMonth::new(2024, 2).unwrap().last_day(), d(2024, 2, 29));
        assert_eq!("2025-13".parse::<YearMonth>().ok(), None);
        assert_eq!("2025-1".parse::<YearMonth>().ok(), None);
        assert_eq!("2025-01".parse::<YearMonth>().unwrap().month(), 1);
    }

    #[test]
    fn add_months_clamps_month_ends_and_leap_days() {
        assert_eq!(add_months(d(2024, 2, 29), 12), Some(d(2025, 2, 28)));
        assert_eq!(add_months(d(2024, 2, 29), 48), Some(d(2028, 2, 29)));
        assert_eq!(add_months(d(2025, 3, 31), -1), Some(d(2025, 2, 28)));
        assert_eq!(add_months(d(1965, 1, 31), 721), Some(d(2025, 2, 28)));
    }

    #[test]
    fn whole_months_are_completed_months() {
        assert_eq!(whole_months_between(d(2025, 1, 15), d(2025, 2, 14)), 0);
        assert_eq!(whole_months_between(d(2025, 1, 15), d(2025, 2, 15)), 1);
        assert_eq!(whole_months_between(d(2025, 1, 31), d(2025, 2, 28)), 1);
        assert_eq!(whole_months_between(d(2024, 2, 29), d(2025, 2, 28)), 12);
        assert_eq!(whole_months_between(d(2025, 3, 1), d(2025, 1, 1)), 0);
    }
}
