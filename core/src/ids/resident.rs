//! 居民身份证号码 (GB 11643-1999).
//!
//! 6-digit address code (GB/T 2260) + 8-digit birth date + 3-digit sequence (odd =
//! male) + check character by ISO 7064 MOD 11-2. Fifteen-digit numbers issued
//! before 1999 are upgraded (insert "19", append the check character) with a warning.

use super::{report_bad_chars, Findings, Gender, IdDetails, IdOptions};
use crate::region;
use crate::text::Text;
use chrono::NaiveDate;

/// Weights 2^(18−i) mod 11 for i = 1..17.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character by Σ mod 11.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The check character for the first 17 digits of an ID number, or `None` if
/// `first17` is not exactly 17 ASCII digits.
///
/// ```
/// use zhuchuang_core::ids::resident_check_char;
/// assert_eq!(resident_check_char("11010519491231002"), Some('X'));
/// assert_eq!(resident_check_char("4405241880010100"), None);
/// ```
pub fn resident_check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(CHECK[(sum % 11) as usize])
}

/// The check character (as a byte) of 17 ASCII digits, for the fast path.
pub(super) fn check_char_of(first17: &[u8]) -> u8 {
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK[(sum % 11) as usize] as u8
}

/// Upgrades a 15-digit legacy number to 18 digits (year 19YY), or `None` if it is
/// not 15 ASCII digits.
///
/// ```
/// use zhuchuang_core::ids::upgrade_legacy;
/// assert_eq!(upgrade_legacy("110105491231002").as_deref(), Some("11010519491231002X"));
/// ```
pub fn upgrade_legacy(fifteen: &str) -> Option<String> {
    if fifteen.len() != 15 || !fifteen.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let first17 = format!("{}19{}", &fifteen[..6], &fifteen[6..]);
    let check = resident_check_char(&first17)?;
    Some(format!("{first17}{check}"))
}

fn digit_text() -> Text {
    Text::new("数字 0–9", "a digit 0–9")
}

/// Checks a folded resident ID number; returns its normalised form.
pub(super) fn check(
    s: &str,
    options: &IdOptions,
    findings: &mut Findings,
    details: &mut IdDetails,
) -> String {
    let chars: Vec<char> = s.chars().collect();
    match chars.len() {
        18 => {
            report_bad_chars(
                s,
                findings,
                |i, c| c.is_ascii_digit() || (i == 17 && c == 'X'),
                |i| {
                    if i == 17 {
                        Text::new("数字或 X", "a digit or X")
                    } else {
                        digit_text()
                    }
                },
            );
            decode_body(&chars, options, findings, details);
            let first17: String = chars[..17].iter().collect();
            if let Some(expected) = resident_check_char(&first17) {
                let actual = chars[17];
                if (actual.is_ascii_digit() || actual == 'X') && actual != expected {
                    findings.error(
                        "checkDigit",
                        t!(
                            "第18位校验码应为 {}，实际为 {}：号码中有一位写错了或两位颠倒了，请对照证件逐位核对。",
                            "The check character (position 18) should be {} but is {}: a digit is wrong or two are swapped. Compare it with the card digit by digit.";
                            expected, actual
                        ),
                        Some(18),
                    );
                }
            }
            s.to_string()
        }
        15 => {
            let clean = report_bad_chars(s, findings, |_, c| c.is_ascii_digit(), |_| digit_text());
            // Decode as if it were the upgraded 18-digit number, then shift positions back.
            let upgraded = if clean { upgrade_legacy(s) } else { None };
            match upgraded {
                Some(up) => {
                    let mut nested = Findings::default();
                    let up_chars: Vec<char> = up.chars().collect();
                    decode_body(&up_chars, options, &mut nested, details);
                    findings.absorb(nested, 0);
                    details.upgraded_from = Some(s.to_string());
                    findings.warning(
                        "legacy15",
                        t!(
                            "这是1999年以前的15位旧号码，已升级为18位：{}。请以现行18位号码为准。",
                            "This is a 15-digit number from before 1999; it has been upgraded to 18 digits: {}. Use the current 18-digit number.";
                            up
                        ),
                        None,
                    );
                    up
                }
                None => s.to_string(),
            }
        }
        n => {
            findings.error(
                "length",
                t!(
                    "居民身份证号码应为18位，现在是{}位。",
                    "A resident ID number has 18 characters; this one has {}.";
                    super::counted(n, "character", "characters")
                ),
                None,
            );
            report_bad_chars(
                s,
                findings,
                |i, c| c.is_ascii_digit() || (c == 'X' && i + 1 == n),
                |_| Text::new("数字（最后一位可为 X）", "a digit (X only last)"),
            );
            s.to_string()
        }
    }
}

/// Decodes region, birth date and gender from an 18-character number whose
/// positions may be partly invalid (each part is decoded only if its digits are).
fn decode_body(
    chars: &[char],
    options: &IdOptions,
    findings: &mut Findings,
    details: &mut IdDetails,
) {
    let digits = |r: std::ops::Range<usize>| -> Option<String> {
        let part: String = chars[r].iter().collect();
        part.bytes().all(|b| b.is_ascii_digit()).then_some(part)
    };
    if let Some(code) = digits(0..6) {
        decode_region(&code, findings, details);
    }
    if let Some(birth) = digits(6..14) {
        if let Some(date) = check_birth(&birth, options, findings, 7) {
            details.birth_date = Some(date);
        }
    }
    if let Some(seq) = digits(14..17) {
        let last = seq.as_bytes()[2] - b'0';
        details.gender = Some(if last % 2 == 1 {
            Gender::Male
        } else {
            Gender::Female
        });
    }
}

/// Names the address code; an unknown code is only a warning, since codes are
/// retired and the table can never hold them all.
pub(super) fn decode_region(code: &str, findings: &mut Findings, details: &mut IdDetails) {
    details.region_code = Some(code.to_string());
    if code.starts_with('9') {
        // 外国人永久居留身份证 (2023): the first digits are not an address code.
        return;
    }
    // Known without a name in a build without the `region-names` feature.
    if region::known(code) {
        details.region_name = region::name(code);
    } else {
        findings.warning(
            "regionUnknown",
            t!(
                "前6位地址码 {} 不在本工具的行政区划代码表中（可能是已撤销的旧代码）。如证件上就是这样，可以忽略此提示。",
                "The address code {} (positions 1–6) is not in this tool's division table (it may be a retired code). If the card says so, ignore this note.";
                code
            ),
            Some(1),
        );
    }
}

/// Checks an 8-digit YYYYMMDD birth date starting at 1-based `position`.
fn check_birth(
    birth: &str,
    options: &IdOptions,
    findings: &mut Findings,
    position: usize,
) -> Option<NaiveDate> {
    let y: i32 = birth[..4].parse().ok()?;
    let m: u32 = birth[4..6].parse().ok()?;
    let d: u32 = birth[6..8].parse().ok()?;
    let Some(date) = NaiveDate::from_ymd_opt(y, m, d).filter(|_| y >= 1850) else {
        findings.error(
            "birthDate",
            t!(
                "第7–14位的出生日期 {}年{}月{}日 不是真实存在的日期。",
                "Positions 7–14 give a birth date ({}-{:02}-{:02}) that does not exist.";
                y, m, d
            ),
            Some(position),
        );
        return None;
    };
    if let Some(today) = options.today {
        if date > today {
            findings.error(
                "birthDateFuture",
                t!(
                    "第7–14位的出生日期 {} 晚于今天（{}）。",
                    "Positions 7–14 give a birth date ({}) after today ({}).";
                    date, today
                ),
                Some(position),
            );
        }
    }
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_powers_of_two_mod_11() {
        for (i, w) in WEIGHTS.iter().enumerate() {
            let expected = (1u32 << (17 - i)) % 11;
            assert_eq!(*w, expected, "weight {}", i + 1);
        }
    }

    #[test]
    fn standard_examples_have_their_check_characters() {
        assert_eq!(resident_check_char("11010519491231002"), Some('X'));
        assert_eq!(resident_check_char("44052418800101001"), Some('4'));
        assert_eq!(resident_check_char("11010219840406970"), Some('X'));
        assert_eq!(resident_check_char("53010219200508011"), Some('X'));
        assert_eq!(resident_check_char("93268219850101001"), Some('7'));
    }
}
