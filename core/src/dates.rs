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
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<YearMonth, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
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
