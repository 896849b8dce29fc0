//! Parameter values, checked against their unit.

use super::file::Unit;
use crate::dates::YearMonth;
use crate::money::Ratio;
use crate::text::Text;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A parameter value of a known unit.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    /// yuan, percent, years
    Decimal(Decimal),
    Ratio(Ratio),
    /// bp, months, count
    Int(i64),
    Date(NaiveDate),
    Month(YearMonth),
    Bool(bool),
    Choice(String),
    List(Vec<String>),
    Text(Text),
}

impl Value {
    /// The value as people read it, with its unit.
    pub fn display(&self, unit: Unit, lang: crate::Lang) -> String {
        use crate::Lang::*;
        match (self, unit) {
            (Value::Decimal(d), Unit::Yuan) => crate::money::yuan_words(*d, lang),
            (Value::Decimal(d), Unit::Percent) => format!("{d}%"),
            (Value::Decimal(d), Unit::Years) => match lang {
                ZhCn => format!("{}年", d.normalize()),
                En => format!("{} years", d.normalize()),
            },
            (Value::Decimal(d), _) => d.normalize().to_string(),
            (Value::Ratio(r), _) => r.to_string(),
            (Value::Int(n), Unit::Bp) => format!("{n}BP"),
            (Value::Int(n), Unit::Months) => match lang {
                ZhCn => format!("{n}个月"),
                En => format!("{n} months"),
            },
            (Value::Int(n), Unit::Count) => match lang {
                ZhCn => format!("{n}"),
                En => format!("{n}"),
            },
            (Value::Int(n), _) => n.to_string(),
            (Value::Date(d), _) => d.to_string(),
            (Value::Month(m), _) => m.to_string(),
            (Value::Bool(b), _) => match (b, lang) {
                (true, ZhCn) => "是".into(),
                (false, ZhCn) => "否".into(),
                (true, En) => "yes".into(),
                (false, En) => "no".into(),
            },
            (Value::Choice(c), _) => c.clone(),
            (Value::List(l), _) => l.join(", "),
            (Value::Text(t), _) => t.get(lang).to_string(),
        }
    }

    /// The value as plain JSON-friendly text (machine form).
    pub fn raw(&self) -> String {
        match self {
            // As written in the pack ("3.00" stays "3.00").
            Value::Decimal(d) => d.to_string(),
            Value::Ratio(r) => r.to_string(),
            Value::Int(n) => n.to_string(),
            Value::Date(d) => d.to_string(),
            Value::Month(m) => m.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Choice(c) => c.clone(),
            Value::List(l) => l.join(","),
            Value::Text(t) => t.zh.clone(),
        }
    }
}

fn decimal_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.trim().to_string()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Parses a JSON value as `unit`; `Err` explains what was expected.
pub fn parse(unit: Unit, v: &serde_json::Value, choices: &[String]) -> Result<Value, Text> {
    let expected = |zh: &str, en: &str| {
        Err(Text::new(
            format!("值 {v} 不符合单位 {}：应为{zh}。", unit.as_str()),
            format!(
                "Value {v} does not fit unit {}: expected {en}.",
                unit.as_str()
            ),
        ))
    };
    match unit {
        Unit::Yuan | Unit::Percent | Unit::Years => {
            let Some(d) = decimal_text(v).and_then(|s| Decimal::from_str(&s).ok()) else {
                return expected(
                    "十进制数字（建议写成字符串，如 \"300000\"）",
                    "a decimal number (best as a string, e.g. \"300000\")",
                );
            };
            if d.is_sign_negative() {
                return expected("不小于0的数", "a number not below 0");
            }
            if unit == Unit::Yuan && d.scale() > 2 && d != d.round_dp(2) {
                return expected("最多两位小数（到分）", "at most two decimal places (fen)");
            }
            if unit == Unit::Yuan && d > crate::money::MAX_AMOUNT {
                return expected("不超过一万亿元的金额", "an amount up to 1000000000000 yuan");
            }
            if unit == Unit::Years && d > Decimal::from(150) {
                return expected("0–150 之间的年数", "a number of years between 0 and 150");
            }
            if unit == Unit::Percent && d > Decimal::ONE_HUNDRED {
                return expected("0–100 之间的百分数", "a percentage between 0 and 100");
            }
            Ok(Value::Decimal(d))
        }
        Unit::Ratio => match decimal_text(v).map(|s| Ratio::from_str(&s)) {
            Some(Ok(r)) if r.to_decimal() <= Decimal::TEN => Ok(Value::Ratio(r)),
            _ => expected(
                "比例，如 \"0.1\" 或 \"2/3\"（不大于10）",
                "a share such as \"0.1\" or \"2/3\" (at most 10)",
            ),
        },
        Unit::Bp => match v.as_i64() {
            Some(n) if (-10_000..=10_000).contains(&n) => Ok(Value::Int(n)),
            _ => expected("整数基点（100BP = 1%）", "whole basis points (100 bp = 1%)"),
        },
        Unit::Months => match v.as_i64() {
            Some(n) if (0..=1200).contains(&n) => Ok(Value::Int(n)),
            _ => expected("0–1200 之间的整数月数", "whole months between 0 and 1200"),
        },
        Unit::Count => match v.as_i64() {
            Some(n) if (0..=crate::money::MAX_NUMBER).contains(&n) => Ok(Value::Int(n)),
            _ => expected(
                "0–1000000 之间的整数",
                "a whole number between 0 and 1000000",
            ),
        },
        Unit::Date => match v.as_str().and_then(|s| NaiveDate::from_str(s).ok()) {
            Some(d) => Ok(Value::Date(d)),
            None => expected("日期 \"YYYY-MM-DD\"", "a date \"YYYY-MM-DD\""),
        },
        Unit::Month => match v.as_str().and_then(|s| YearMonth::from_str(s).ok()) {
            Some(m) => Ok(Value::Month(m)),
            None => expected("月份 \"YYYY-MM\"", "a month \"YYYY-MM\""),
        },
        Unit::Bool => match v.as_bool() {
            Some(b) => Ok(Value::Bool(b)),
            None => expected("true 或 false", "true or false"),
        },
        Unit::Enum => match v.as_str() {
            Some(s) if choices.iter().any(|c| c == s) => Ok(Value::Choice(s.to_string())),
            _ => Err(Text::new(
                format!("值 {v} 不在可选值中：{}。", choices.join("、")),
                format!(
                    "Value {v} is not one of the choices: {}.",
                    choices.join(", ")
                ),
            )),
        },
        Unit::List => {
            let Some(items) = v.as_array() else {
                return expected("字符串数组", "an array of strings");
            };
            let mut out = Vec::new();
            for item in items {
                match item.as_str() {
                    Some(s) if choices.iter().any(|c| c == s) => out.push(s.to_string()),
                    _ => {
                        return Err(Text::new(
                            format!("列表中的 {item} 不在可选值中：{}。", choices.join("、")),
                            format!(
                                "List item {item} is not one of the choices: {}.",
                                choices.join(", ")
                            ),
                        ))
                    }
                }
            }
            Ok(Value::List(out))
        }
        Unit::Text => match serde_json::from_value::<Text>(v.clone()) {
            Ok(t) => Ok(Value::Text(t)),
            Err(_) => expected(
                "双语文本 {\"zh-CN\": …, \"en\": …}",
                "a text {\"zh-CN\": …, \"en\": …}",
            ),
        },
    }
}
