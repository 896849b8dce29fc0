//! Money (金额) and shares: exact decimals, never floating point.
//!
//! Amounts are `rust_decimal::Decimal` yuan. Shares such as "2/3" are kept as
//! fractions ([`Ratio`]) so that applying them is exact until the one rounding
//! the policy asks for ([`Rounding`], to the fen by default).
//!
//! ```
//! use rust_decimal::Decimal;
//! use zhuchuang_core::money::{Ratio, Rounding};
//! let two_thirds: Ratio = "2/3".parse().unwrap();
//! let paid = Decimal::new(100000, 2); // 1000.00 yuan
//! assert_eq!(Rounding::HalfUp.to_fen(two_thirds.of(paid)).to_string(), "666.67");
//! assert_eq!(Rounding::Down.to_fen(two_thirds.of(paid)).to_string(), "666.66");
//! ```

use rust_decimal::prelude::*;
use rust_decimal::RoundingStrategy;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The largest amount any input or parameter may hold: 1 000 000 000 000 yuan
/// (一万亿元). Far above any subsidy or loan, it keeps every sum and product
/// the kit computes inside `Decimal`'s range, so arithmetic cannot overflow.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

/// The largest numerator or denominator a [`Ratio`] may have (一百万).
pub const MAX_RATIO_TERM: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// The largest whole number a fact or a pack value may hold (counts of people,
/// months, times): the bound beside [`MAX_AMOUNT`].
pub const MAX_NUMBER: i64 = 1_000_000;

/// Whether `amount` is between 0 and [`MAX_AMOUNT`].
pub fn in_range(amount: Decimal) -> bool {
    !amount.is_sign_negative() && amount <= MAX_AMOUNT
}

/// A share written as a decimal (`"0.1"`) or a fraction (`"2/3"`).
/// (Serialised only in the embedded national pack's pre-checked form.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    pub numerator: Decimal,
    pub denominator: Decimal,
}

impl Ratio {
    pub const ONE: Ratio = Ratio {
        numerator: Decimal::ONE,
        denominator: Decimal::ONE,
    };

    /// `amount × ratio`, unrounded.
    pub fn of(self, amount: Decimal) -> Decimal {
        amount * self.numerator / self.denominator
    }

    /// The ratio as a decimal (rounded to 10 places for a non-terminating fraction).
    pub fn to_decimal(self) -> Decimal {
        (self.numerator / self.denominator).round_dp(10).normalize()
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.denominator == Decimal::ONE {
            write!(f, "{}", self.numerator.normalize())
        } else {
            write!(
                f,
                "{}/{}",
                self.numerator.normalize(),
                self.denominator.normalize()
            )
        }
    }
}

impl FromStr for Ratio {
    type Err = String;
    fn from_str(s: &str) -> Result<Ratio, String> {
        let s = s.trim();
        let (n, d) = match s.split_once('/') {
            Some((n, d)) => (n.trim(), d.trim()),
            None => (s, "1"),
        };
        let numerator =
            Decimal::from_str(n).map_err(|_| format!("\"{s}\" is not a number or fraction"))?;
        let denominator =
            Decimal::from_str(d).map_err(|_| format!("\"{s}\" is not a number or fraction"))?;
        if denominator.is_zero() {
            return Err(format!("\"{s}\" divides by zero"));
        }
        if numerator.is_sign_negative() || denominator.is_sign_negative() {
            return Err(format!("\"{s}\" is negative"));
        }
        if numerator > MAX_RATIO_TERM || denominator > MAX_RATIO_TERM || denominator.scale() > 6 {
            return Err(format!(
                "\"{s}\" is out of range (terms up to 1000000, denominators to 6 places)"
            ));
        }
        Ok(Ratio {
            numerator,
            denominator,
        })
    }
}

/// How amounts are rounded to the fen (分). Set by the pack (`money.rounding`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Rounding {
    /// 四舍五入: half away from zero (the common rule for payments).
    #[default]
    HalfUp,
    /// Half to even (banker's rounding).
    HalfEven,
    /// 舍去: toward zero (never pays more than the exact share).
    Down,
}

impl Rounding {
    pub fn parse(s: &str) -> Option<Rounding> {
        match s {
            "halfUp" => Some(Rounding::HalfUp),
            "halfEven" => Some(Rounding::HalfEven),
            "down" => Some(Rounding::Down),
            _ => None,
        }
    }

    /// Rounds to 2 decimal places (the fen), keeping two places in the output.
    pub fn to_fen(self, amount: Decimal) -> Decimal {
        let strategy = match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::Down => RoundingStrategy::ToZero,
        };
        let mut r = amount.round_dp_with_strategy(2, strategy);
        r.rescale(2);
        r
    }
}

/// Formats yuan with two decimals: `"300000.00"`.
pub fn yuan(amount: Decimal) -> String {
    let mut a = amount.round_dp(2);
    a.rescale(2);
    a.to_string()
}

/// Formats a yuan amount for people: `"30万元"` / `"300,000 yuan"` style.
pub fn yuan_words(amount: Decimal, lang: crate::Lang) -> String {
    let wan = Decimal::from(10_000);
    match lang {
        crate::Lang::ZhCn if amount >= wan && (amount % Decimal::from(1000)).is_zero() => {
            format!("{}万元", (amount / wan).normalize())
        }
        crate::Lang::ZhCn => format!("{}元", amount.normalize()),
        crate::Lang::En => format!("{} yuan", group_thousands(amount.normalize())),
    }
}

fn group_thousands(d: Decimal) -> String {
    let s = d.to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s, None),
    };
    let neg = int.starts_with('-');
    let digits: Vec<char> = int.trim_start_matches('-').chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*c);
    }
    let mut r = if neg { format!("-{out}") } else { out };
    if let Some(f) = frac {
        r.push('.');
        r.push_str(&f);
    }
    r
}

/// Serialisers for long series (schedule rows, plan months): the same text as
/// the types' own `Serialize` (a decimal as its `Display` string, a date as
/// `YYYY-MM-DD`), written from a stack buffer with no formatting machinery:
/// `#[serde(serialize_with = "crate::money::ser::decimal")]`.
pub mod ser {
    use chrono::{Datelike, NaiveDate};
    use rust_decimal::Decimal;
    use serde::{Serialize, Serializer};

    /// `d` as its `Display` text in `buf`, when its mantissa fits 64 bits
    /// (every amount and rate the kit handles); else `None`.
    pub fn decimal_text(d: &Decimal, buf: &mut [u8; 48]) -> Option<usize> {
        let m = d.mantissa().unsigned_abs();
        let m = u64::try_from(m).ok()?;
        let scale = d.scale() as usize;
        // Digits, least significant first, padded with zeros to the scale.
        let mut digits = [0u8; 40];
        let mut len = 0;
        let mut rest = m;
        while rest > 0 {
            digits[len] = b'0' + (rest % 10) as u8;
            rest /= 10;
            len += 1;
        }
        while len < scale {
            digits[len] = b'0';
            len += 1;
        }
        let mut at = 0;
        if d.is_sign_negative() {
            buf[at] = b'-';
            at += 1;
        }
        let empty = at;
        let whole = len - scale;
        for i in 0..len {
            if i == whole {
                if i == 0 {
                    buf[at] = b'0';
                    at += 1;
                }
                buf[at] = b'.';
                at += 1;
            }
            buf[at] = digits[len - i - 1];
            at += 1;
        }
        if at == empty {
            buf[at] = b'0';
            at += 1;
        }
        Some(at)
    }

    pub fn decimal<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 48];
        match decimal_text(d, &mut buf) {
            // Only ASCII digits, sign and point were written.
            Some(n) => s.serialize_str(std::str::from_utf8(&buf[..n]).unwrap_or_default()),
            None => Serialize::serialize(d, s),
        }
    }

    pub fn option_decimal<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => decimal(d, s),
            None => s.serialize_none(),
        }
    }

    /// `YYYY-MM-DD` for years 0 to 9999 (else the date's own serialisation).
    pub fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        let y = d.year();
        if !(0..=9999).contains(&y) {
            return Serialize::serialize(d, s);
        }
        let mut buf = [0u8; 10];
        four(&mut buf[0..4], y as u32);
        buf[4] = b'-';
        two(&mut buf[5..7], d.month());
        buf[7] = b'-';
        two(&mut buf[8..10], d.day());
        s.serialize_str(std::str::from_utf8(&buf).unwrap_or_default())
    }

    pub fn option_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => date(d, s),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn four(out: &mut [u8], n: u32) {
        out[0] = b'0' + (n / 1000 % 10) as u8;
        out[1] = b'0' + (n / 100 % 10) as u8;
        two(&mut out[2..4], n % 100);
    }

    pub(crate) fn two(out: &mut [u8], n: u32) {
        out[0] = b'0' + (n / 10 % 10) as u8;
        out[1] = b'0' + (n % 10) as u8;
    }
}

#[cfg(test)]
mod tests {
    /// The series serialisers write exactly what the types' own do.
    #[test]
    fn series_serialisers_write_what_the_types_do() {
        #[derive(Serialize)]
        struct Fast {
            #[serde(serialize_with = "ser::decimal")]
            d: Decimal,
            #[serde(serialize_with = "ser::option_decimal")]
            o: Option<Decimal>,
            #[serde(serialize_with = "ser::date")]
            t: chrono::NaiveDate,
        }
        #[derive(Serialize)]
        struct Plain {
            d: Decimal,
            o: Option<Decimal>,
            t: chrono::NaiveDate,
        }
        let mut decimals: Vec<Decimal> = [
            "0",
            "-0",
            "0.00",
            "-0.00",
            "1",
            "-1",
            "0.5",
            "-0.05",
            "10",
            "100.10",
            "292200.92",
            "300000",
            "1000000000000",
            "0.000001",
            "123456789.123456789",
            "18446744073709551615",
            "18446744073709551616",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "7.9228162514264337593543950335",
        ]
        .iter()
        .map(|s| Decimal::from_str(s).unwrap())
        .collect();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let scale = (x % 29) as u32;
            let m = (x >> 3) as i64 * if x & 1 == 0 { 1 } else { -1 };
            decimals.push(Decimal::new(m >> (x % 50), scale));
        }
        let dates = [
            "0000-01-01",
            "0999-12-31",
            "1949-10-01",
            "2025-06-01",
            "9999-12-31",
        ];
        for (i, d) in decimals.iter().enumerate() {
            let t = chrono::NaiveDate::parse_from_str(dates[i % dates.len()], "%Y-%m-%d").unwrap();
            let o = (i % 3 != 0).then_some(*d);
            assert_eq!(
                serde_json::to_string(&Fast { d: *d, o, t }).unwrap(),
                serde_json::to_string(&Plain { d: *d, o, t }).unwrap(),
                "{d:?}"
            );
        }
        let far = chrono::NaiveDate::from_ymd_opt(-44, 3, 15).unwrap();
        let o = None;
        assert_eq!(
            serde_json::to_string(&Fast {
                d: Decimal::ONE,
                o,
                t: far
            })
            .unwrap(),
            serde_json::to_string(&Plain {
                d: Decimal::ONE,
                o,
                t: far
            })
            .unwrap()
        );
    }

    #[test]
    fn max_amount_is_one_trillion() {
        assert_eq!(MAX_AMOUNT, Decimal::from(1_000_000_000_000u64));
        assert_eq!(MAX_RATIO_TERM, Decimal::from(1_000_000));
        assert!(in_range(MAX_AMOUNT) && !in_range(MAX_AMOUNT + Decimal::ONE));
        assert!(!in_range(Decimal::NEGATIVE_ONE));
    }

    #[test]
    fn ratios_with_huge_or_tiny_terms_are_refused() {
        assert!("2/3".parse::<Ratio>().is_ok());
        assert!("1/0.0000000000000000000000000001".parse::<Ratio>().is_err());
        assert!("79228162514264337593543950335/1".parse::<Ratio>().is_err());
        assert!("1000001/1000000".parse::<Ratio>().is_err());
    }

    use super::*;

    #[test]
    fn ratios_parse_and_apply_exactly() {
        let r: Ratio = "2/3".parse().unwrap();
        assert_eq!(r.to_string(), "2/3");
        assert_eq!(
            Rounding::HalfUp
                .to_fen(r.of(Decimal::from(300)))
                .to_string(),
            "200.00"
        );
        assert_eq!("1.10".parse::<Ratio>().unwrap().to_string(), "1.1");
        assert!("1/0".parse::<Ratio>().is_err());
        assert!("-1".parse::<Ratio>().is_err());
        assert!("abc".parse::<Ratio>().is_err());
    }

    #[test]
    fn rounding_modes_differ_at_the_half_fen() {
        let x = Decimal::from_str("10.005").unwrap();
        assert_eq!(Rounding::HalfUp.to_fen(x).to_string(), "10.01");
        assert_eq!(Rounding::HalfEven.to_fen(x).to_string(), "10.00");
        assert_eq!(Rounding::Down.to_fen(x).to_string(), "10.00");
    }

    #[test]
    fn yuan_words_read_naturally() {
        use crate::Lang;
        assert_eq!(yuan_words(Decimal::from(300_000), Lang::ZhCn), "30万元");
        assert_eq!(yuan_words(Decimal::from(1_320_000), Lang::ZhCn), "132万元");
        assert_eq!(yuan_words(Decimal::from(5_150), Lang::ZhCn), "5150元");
        assert_eq!(
            yuan_words(Decimal::from(1_320_000), Lang::En),
            "1,320,000 yuan"
        );
        assert_eq!(yuan(Decimal::from(5)), "5.00");
    }
}
