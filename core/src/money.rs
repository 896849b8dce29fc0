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

#[cfg(test)]
mod tests {

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
