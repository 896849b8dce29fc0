//! 手机号码: 11 digits starting 13–19, after removing +86 / 0086 / 86, spaces and
//! hyphens (policy-facts §E6).

use super::{show_char, Findings};

pub(super) fn check(s: &str, findings: &mut Findings) -> String {
    let mut digits: String = s
        .chars()
        .filter(|c| !matches!(c, '-' | '(' | ')' | '（' | '）'))
        .collect();
    for prefix in ["+86", "0086"] {
        if let Some(rest) = digits.strip_prefix(prefix) {
            digits = rest.to_string();
            break;
        }
    }
    if digits.len() == 13 && digits.starts_with("861") {
        digits = digits[2..].to_string();
    }
    let mut clean = true;
    for (i, c) in digits.chars().enumerate() {
        if !c.is_ascii_digit() {
            clean = false;
            findings.error(
                "character",
                t!(
                    "第{}位的「{}」不是数字。",
                    "Character {} (\"{}\") is not a digit.";
                    i + 1, show_char(c)
                ),
                Some(i + 1),
            );
        }
    }
    let n = digits.chars().count();
    if n != 11 {
        findings.error(
            "length",
            t!(
                "手机号码应为11位数字，现在是{}位。",
                "A mobile number has 11 digits; this one has {}.";
                super::counted(n, "digit", "digits")
            ),
            None,
        );
    } else if clean {
        let b = digits.as_bytes();
        if b[0] != b'1' || !(b'3'..=b'9').contains(&b[1]) {
            findings.error(
                "prefix",
                t!(
                    "手机号码以13–19开头，这个号码以「{}」开头。",
                    "Mobile numbers start with 13–19; this one starts with \"{}\".";
                    &digits[..2]
                ),
                Some(1),
            );
        }
    }
    digits
}
