//! The fast paths (快速校验): a yes/no answer per number and a batch check for
//! ledgers, without building any message. They agree with [`validate_id`](super::validate_id)'s
//! `valid` on every input (a property test holds them to it).
//!
//! The number is folded the way [`fold`](super::fold) does it into a small buffer on the
//! stack: no `String`, no `Text`. A character outside ASCII after folding never
//! belongs in any number, and no number is longer than [`MAX`] characters after
//! the separators its kind ignores are dropped, so both end the check at once.

use super::{IdKind, IdOptions};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest folded number any kind accepts (a mobile number with `0086`: 15;
/// a reissued disability certificate: 22), with room to spare.
const MAX: usize = 32;

/// Folds `value` as [`fold`](super::fold) does and drops the separators `kind`
/// ignores, into `buf`. `None` when the result cannot be valid: a non-ASCII
/// character, or longer than [`MAX`].
fn fold_into(kind: IdKind, value: &str, buf: &mut [u8; MAX]) -> Option<usize> {
    let mut n = 0;
    for c in value.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            continue;
        }
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        };
        if !c.is_ascii() {
            return None;
        }
        let b = (c as u8).to_ascii_uppercase();
        let skip = match kind {
            IdKind::BankCard | IdKind::SocialSecurityCard => b == b'-',
            IdKind::Mobile => matches!(b, b'-' | b'(' | b')'),
            _ => false,
        };
        if skip {
            continue;
        }
        *buf.get_mut(n)? = b;
        n += 1;
    }
    Some(n)
}

/// True when [`validate_id`](super::validate_id)`(kind, value, options).valid` would be, without
/// building the result or any message (`options.lang` plays no part).
///
/// ```
/// use zhuchuang_core::ids::{is_valid_id, IdKind, IdOptions};
/// let o = IdOptions::default();
/// assert!(is_valid_id(IdKind::ResidentId, "11010519491231002x", &o));
/// assert!(is_valid_id(IdKind::ResidentId, "１１０１０５４９１２３１００２", &o)); // 15 digits, full width
/// assert!(!is_valid_id(IdKind::ResidentId, "110105194912310021", &o));
/// ```
pub fn is_valid_id(kind: IdKind, value: &str, options: &IdOptions) -> bool {
    let mut buf = [0u8; MAX];
    match fold_into(kind, value, &mut buf) {
        Some(n) if n > 0 => valid_folded(kind, &buf[..n], options.today),
        _ => false,
    }
}

fn valid_folded(kind: IdKind, s: &[u8], today: Option<NaiveDate>) -> bool {
    match kind {
        IdKind::ResidentId => resident(s, today),
        IdKind::Uscc => uscc(s),
        IdKind::DisabilityCert => disability(s, today),
        IdKind::BankCard => (12..=19).contains(&s.len()) && s.iter().all(u8::is_ascii_digit),
        IdKind::Mobile => mobile(s),
        IdKind::SocialSecurityCard => {
            s.len() == super::social_security_card::LENGTH
                && s.iter()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        }
    }
}

fn digit(b: u8) -> u32 {
    u32::from(b - b'0')
}

/// A birth date of 8 ASCII digits that exists, is not before 1850 and not
/// after `today` (the rules of `resident::check_birth`).
fn birth_ok(y: i32, m: u32, d: u32, today: Option<NaiveDate>) -> bool {
    match NaiveDate::from_ymd_opt(y, m, d).filter(|_| y >= 1850) {
        Some(date) => today.is_none_or(|t| date <= t),
        None => false,
    }
}

fn resident(s: &[u8], today: Option<NaiveDate>) -> bool {
    match s.len() {
        18 => {
            if !s[..17].iter().all(u8::is_ascii_digit) {
                return false;
            }
            let num = |r: std::ops::Range<usize>| s[r].iter().fold(0, |a, &b| a * 10 + digit(b));
            let y = num(6..10) as i32;
            birth_ok(y, num(10..12), num(12..14), today)
                && super::resident::check_char_of(&s[..17]) == s[17]
        }
        15 => {
            if !s.iter().all(u8::is_ascii_digit) {
                return false;
            }
            let num = |r: std::ops::Range<usize>| s[r].iter().fold(0, |a, &b| a * 10 + digit(b));
            birth_ok(1900 + num(6..8) as i32, num(8..10), num(10..12), today)
        }
        _ => false,
    }
}

fn uscc(s: &[u8]) -> bool {
    s.len() == 18
        && s[2..8].iter().all(u8::is_ascii_digit)
        && super::credit_code::check_byte_of(&s[..17]) == Some(s[17])
}

fn disability(s: &[u8], today: Option<NaiveDate>) -> bool {
    let n = s.len();
    (n == 20 || n == 22)
        && resident(&s[..18], today)
        && (b'1'..=b'7').contains(&s[18])
        && (b'1'..=b'4').contains(&s[19])
        && (n == 20 || (s[20].is_ascii_uppercase() && s[21].is_ascii_digit()))
}

fn mobile(s: &[u8]) -> bool {
    let mut d = s;
    if let Some(rest) = d.strip_prefix(b"+86") {
        d = rest;
    } else if let Some(rest) = d.strip_prefix(b"0086") {
        d = rest;
    }
    if d.len() == 13 && d.starts_with(b"861") {
        d = &d[2..];
    }
    d.len() == 11
        && d.iter().all(u8::is_ascii_digit)
        && d[0] == b'1'
        && (b'3'..=b'9').contains(&d[1])
}

/// One entry of `validate_ids` (`validateIds`): whether the number is valid and,
/// when it is, the form to store. The reasons of an invalid number are one
/// `validate_id` (`validateId`) call away; the batch does not build them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct IdBrief {
    pub valid: bool,
    /// The number as it should be written, as `IdCheck.normalized` gives it
    /// (legacy 15-digit IDs upgraded); only for a valid number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalized: Option<String>,
}

/// Checks many numbers of one kind: one [`IdBrief`] per value, in order.
///
/// ```
/// use zhuchuang_core::ids::{validate_ids, IdKind, IdOptions};
/// let out = validate_ids(IdKind::Mobile, &["+86 138-0013-8000", "12345"], &IdOptions::default());
/// assert_eq!(out[0].normalized.as_deref(), Some("13800138000"));
/// assert!(!out[1].valid && out[1].normalized.is_none());
/// ```
pub fn validate_ids<S: AsRef<str>>(
    kind: IdKind,
    values: &[S],
    options: &IdOptions,
) -> Vec<IdBrief> {
    values
        .iter()
        .map(|v| {
            let value = v.as_ref();
            let mut buf = [0u8; MAX];
            match fold_into(kind, value, &mut buf) {
                Some(n) if n > 0 && valid_folded(kind, &buf[..n], options.today) => IdBrief {
                    valid: true,
                    normalized: Some(normalized(kind, &buf[..n])),
                },
                _ => IdBrief {
                    valid: false,
                    normalized: None,
                },
            }
        })
        .collect()
}

/// The normalised form of a valid folded number (the same as `validate_id`'s).
fn normalized(kind: IdKind, s: &[u8]) -> String {
    // Valid numbers are ASCII.
    let text = std::str::from_utf8(s).unwrap_or_default();
    match kind {
        IdKind::ResidentId if s.len() == 15 => {
            super::upgrade_legacy(text).unwrap_or_else(|| text.to_string())
        }
        IdKind::Mobile => {
            let n = text.len();
            text[n - 11..].to_string()
        }
        _ => text.to_string(),
    }
}
