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
    if value.is_ascii() {
        fold_units(kind, value.as_bytes(), buf)
    } else {
        let mut n = 0;
        for c in value.chars() {
            fold_code(kind, u32::from(c), buf, &mut n)?;
        }
        Some(n)
    }
}

/// [`fold_into`] over code units: ASCII bytes, or UTF-16 units (where a
/// surrogate is a non-ASCII character like any other).
#[inline(always)]
fn fold_units<T: Copy + Into<u32>>(
    kind: IdKind,
    units: &[T],
    buf: &mut [u8; MAX],
) -> Option<usize> {
    let mut n = 0;
    let mut i = 0;
    while i < units.len() {
        let c: u32 = units[i].into();
        // Digits, most of any number, straight in.
        if c.wrapping_sub(0x30) < 10 && n < MAX {
            buf[n] = c as u8;
            n += 1;
        } else {
            fold_code(kind, c, buf, &mut n)?;
        }
        i += 1;
    }
    Some(n)
}

/// Folds one code point into `buf` at `*n`: `Some(true)` when kept,
/// `Some(false)` when skipped (white space, a separator `kind` ignores), `None`
/// when the number cannot be valid (non-ASCII, too long).
#[inline(always)]
fn fold_code(kind: IdKind, c: u32, buf: &mut [u8; MAX], n: &mut usize) -> Option<bool> {
    let c = match c {
        0x09..=0x0d | 0x20 | 0x200b | 0xfeff => return Some(false),
        0..=0x7f => c,
        // Full-width ASCII (never white space).
        0xff01..=0xff5e => c - 0xfee0,
        _ if char::from_u32(c).is_some_and(char::is_whitespace) => return Some(false),
        _ => return None,
    };
    let b = (c as u8).to_ascii_uppercase();
    let skip = match kind {
        IdKind::BankCard | IdKind::SocialSecurityCard => b == b'-',
        IdKind::Mobile => matches!(b, b'-' | b'(' | b')'),
        _ => false,
    };
    if skip {
        return Some(false);
    }
    *buf.get_mut(*n)? = b;
    *n += 1;
    Some(true)
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
        Some(n) if n > 0 => valid_folded(kind, &buf[..n], || options.today),
        _ => false,
    }
}

/// [`is_valid_id`] on a string given as UTF-16 code units, as JavaScript holds
/// it (the wasm binding copies the units, with no UTF-8 re-encoding), and with
/// today's date asked for only when the answer depends on it: `today` is called
/// at most once, for a number whose birth date exists and whose check character
/// is right. A surrogate is a non-ASCII character, so it makes the number
/// invalid, as any non-ASCII character does.
///
/// ```
/// use zhuchuang_core::ids::{is_valid_id_utf16, IdKind};
/// let units: Vec<u16> = "11010519491231002x".encode_utf16().collect();
/// assert!(is_valid_id_utf16(IdKind::ResidentId, &units, || None));
/// // Too short: today is never asked for.
/// assert!(!is_valid_id_utf16(IdKind::ResidentId, &units[..17], || unreachable!()));
/// ```
pub fn is_valid_id_utf16(
    kind: IdKind,
    units: &[u16],
    today: impl FnOnce() -> Option<NaiveDate>,
) -> bool {
    let mut buf = [0u8; MAX];
    match fold_units(kind, units, &mut buf) {
        Some(n) if n > 0 => valid_folded(kind, &buf[..n], today),
        _ => false,
    }
}

/// One value of a batch without allocating for the common case: `None` when
/// the number is invalid, else its normalised form ([`IdBrief::normalized`]),
/// which borrows `value` when the number is already written as it should be,
/// and `scratch` otherwise. [`validate_ids`] is this, once per value.
///
/// ```
/// use zhuchuang_core::ids::{brief_of, IdKind, IdOptions};
/// let (o, mut scratch) = (IdOptions::default(), String::new());
/// let value = "13800138000";
/// let same = brief_of(IdKind::Mobile, value, &o, &mut scratch);
/// assert!(std::ptr::eq(same.unwrap(), value)); // the value itself, not a copy
/// assert_eq!(brief_of(IdKind::Mobile, "+86 13800138000", &o, &mut scratch), Some("13800138000"));
/// assert_eq!(brief_of(IdKind::Mobile, "12345", &o, &mut scratch), None);
/// ```
pub fn brief_of<'a>(
    kind: IdKind,
    value: &'a str,
    options: &IdOptions,
    scratch: &'a mut String,
) -> Option<&'a str> {
    let mut buf = [0u8; MAX];
    let n = fold_into(kind, value, &mut buf).filter(|&n| n > 0)?;
    let s = &buf[..n];
    if !valid_folded(kind, s, || options.today) {
        return None;
    }
    let normalized = normalized_into(kind, s, scratch);
    Some(if normalized == value {
        value
    } else {
        normalized
    })
}

/// [`brief_of`] on UTF-16 code units: `None` when the number is invalid, else
/// its normalised form, written into `scratch`.
///
/// ```
/// use zhuchuang_core::ids::{brief_of_utf16, IdKind, IdOptions};
/// let units: Vec<u16> = "１１０１０５４９１２３１００２".encode_utf16().collect();
/// let mut scratch = String::new();
/// let got = brief_of_utf16(IdKind::ResidentId, &units, &IdOptions::default(), &mut scratch);
/// assert_eq!(got, Some("11010519491231002X")); // upgraded to 18 characters
/// ```
pub fn brief_of_utf16<'a>(
    kind: IdKind,
    units: &[u16],
    options: &IdOptions,
    scratch: &'a mut String,
) -> Option<&'a str> {
    let mut buf = [0u8; MAX];
    let n = fold_units(kind, units, &mut buf).filter(|&n| n > 0)?;
    let s = &buf[..n];
    if !valid_folded(kind, s, || options.today) {
        return None;
    }
    Some(normalized_into(kind, s, scratch))
}

/// The normalised form of a valid folded number (as `validate_id` gives it),
/// written into `scratch`.
fn normalized_into<'a>(kind: IdKind, s: &[u8], scratch: &'a mut String) -> &'a str {
    // Valid numbers are ASCII.
    let text = std::str::from_utf8(s).unwrap_or_default();
    scratch.clear();
    match kind {
        IdKind::ResidentId if s.len() == 15 => {
            scratch.push_str(&super::upgrade_legacy(text).unwrap_or_else(|| text.to_string()))
        }
        IdKind::Mobile => scratch.push_str(&text[text.len() - 11..]),
        _ => scratch.push_str(text),
    }
    scratch.as_str()
}

#[inline(always)]
fn valid_folded(kind: IdKind, s: &[u8], today: impl FnOnce() -> Option<NaiveDate>) -> bool {
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

// The resident-ID path is written as plain loops: the release profile optimises
// for size (opt-level "z"), which leaves iterator adapters and closures as calls.

/// True when every byte of `s` is an ASCII digit.
#[inline(always)]
fn all_digits(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        if !s[i].is_ascii_digit() {
            return false;
        }
        i += 1;
    }
    true
}

/// The number the ASCII digits `s` write.
#[inline(always)]
fn number(s: &[u8]) -> u32 {
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        n = n * 10 + u32::from(s[i] - b'0');
        i += 1;
    }
    n
}

/// A birth date that exists, is not before 1850 and not after `today` (the
/// rules of `resident::check_birth`); `today` is asked for last.
#[inline(always)]
fn birth_ok(y: u32, m: u32, d: u32, today: impl FnOnce() -> Option<NaiveDate>) -> bool {
    let leap = y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    if y < 1850 || d == 0 || d > days {
        return false;
    }
    today().is_none_or(|t| {
        use chrono::Datelike;
        (t.year(), t.month(), t.day()) >= (y as i32, m, d)
    })
}

#[inline(always)]
fn resident(s: &[u8], today: impl FnOnce() -> Option<NaiveDate>) -> bool {
    match s.len() {
        18 => {
            // The check character before the date: today is asked for only
            // when it is right.
            all_digits(&s[..17])
                && super::resident::check_char_of(&s[..17]) == s[17]
                && birth_ok(
                    number(&s[6..10]),
                    number(&s[10..12]),
                    number(&s[12..14]),
                    today,
                )
        }
        15 => {
            all_digits(s)
                && birth_ok(
                    1900 + number(&s[6..8]),
                    number(&s[8..10]),
                    number(&s[10..12]),
                    today,
                )
        }
        _ => false,
    }
}

fn uscc(s: &[u8]) -> bool {
    s.len() == 18
        && s[2..8].iter().all(u8::is_ascii_digit)
        && super::credit_code::check_byte_of(&s[..17]) == Some(s[17])
}

fn disability(s: &[u8], today: impl FnOnce() -> Option<NaiveDate>) -> bool {
    let n = s.len();
    (n == 20 || n == 22)
        && (b'1'..=b'7').contains(&s[18])
        && (b'1'..=b'4').contains(&s[19])
        && (n == 20 || (s[20].is_ascii_uppercase() && s[21].is_ascii_digit()))
        && resident(&s[..18], today)
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
    let mut scratch = String::new();
    values
        .iter()
        .map(|v| {
            let normalized = brief_of(kind, v.as_ref(), options, &mut scratch).map(String::from);
            IdBrief {
                valid: normalized.is_some(),
                normalized,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UTF-16 paths answer as the `&str` paths on every kind, for clean,
    /// typed-by-hand, full-width, non-ASCII and over-long input.
    #[test]
    fn utf16_paths_agree_with_the_str_paths() {
        let values = [
            "11010519491231002X",
            "11010519491231002x",
            "110105491231002",
            "110105194912310021",
            "１１０１０５ １９４９１２３１ ００２Ｘ",
            "11010519490230002X",
            "11010520991231002X",
            "\u{3000}110105491231002\u{200b}",
            "91350100M000100Y43",
            "11010519491231002X11B1",
            "6222-0212-3456-7890",
            "+86 (138) 0013-8000",
            "548426015",
            "é",
            "😀1380013800",
            "",
            " ",
            "1111111111111111111111111111111111111111",
        ];
        let today = NaiveDate::from_ymd_opt(2026, 11, 21);
        let o = IdOptions {
            today,
            ..Default::default()
        };
        for kind in IdKind::ALL {
            for v in values {
                let units: Vec<u16> = v.encode_utf16().collect();
                assert_eq!(
                    is_valid_id_utf16(kind, &units, || today),
                    is_valid_id(kind, v, &o),
                    "{kind:?} {v:?}"
                );
                let (mut a, mut b) = (String::new(), String::new());
                assert_eq!(
                    brief_of_utf16(kind, &units, &o, &mut a),
                    brief_of(kind, v, &o, &mut b),
                    "{kind:?} {v:?}"
                );
            }
        }
        // A lone surrogate is not a valid character of any number.
        let mut units: Vec<u16> = "11010519491231002X".encode_utf16().collect();
        units.insert(3, 0xd800);
        assert!(!is_valid_id_utf16(IdKind::ResidentId, &units, || today));
    }

    #[test]
    fn today_is_asked_for_only_when_the_answer_depends_on_it() {
        let units = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
        // Wrong check character, bad date, too short: never asked.
        for v in ["110105194912310021", "11010519491331002X", "1101051949"] {
            assert!(!is_valid_id_utf16(
                IdKind::ResidentId,
                &units(v),
                || unreachable!()
            ));
        }
        // A birth date after today is refused, on today's word.
        let day = NaiveDate::from_ymd_opt(1949, 12, 30);
        assert!(!is_valid_id_utf16(
            IdKind::ResidentId,
            &units("11010519491231002X"),
            || day
        ));
        assert!(is_valid_id_utf16(
            IdKind::ResidentId,
            &units("11010519491231002X"),
            || day.and_then(|d| d.succ_opt())
        ));
    }
}
