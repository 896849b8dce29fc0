//! 银行卡号: 12–19 digits (UnionPay cards 16–19, starting 62) with a Luhn check
//! digit (ISO/IEC 7812). Some legacy domestic debit cards do not satisfy Luhn, so a
//! failed check is a warning, not an error (policy-facts §E5).

use super::{counted, report_bad_chars, Findings, IdDetails};
use crate::text::Text;

/// True when the digits pass the Luhn check; false for anything but ASCII digits.
///
/// ```
/// use zhuchuang_core::ids::luhn_valid;
/// assert!(luhn_valid("79927398713"));
/// assert!(!luhn_valid("6222021234567890123")); // the popular README sample fails
/// ```
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn network(digits: &str) -> Option<&'static str> {
    let two: u32 = digits.get(..2)?.parse().ok()?;
    Some(match two {
        62 | 81 => "unionPay",
        40..=49 => "visa",
        51..=55 | 22..=27 => "mastercard",
        35 => "jcb",
        34 | 37 => "amex",
        _ => return None,
    })
}

pub(super) fn check(s: &str, findings: &mut Findings, details: &mut IdDetails) -> String {
    let digits: String = s.chars().filter(|c| *c != '-').collect();
    let clean = report_bad_chars(
        &digits,
        findings,
        |_, c| c.is_ascii_digit(),
        |_| Text::new("数字", "a digit"),
    );
    let n = digits.chars().count();
    if !(12..=19).contains(&n) {
        // A social security card's own number is not its bank account.
        let hint = if n == super::social_security_card::LENGTH
            && digits.chars().all(|c| c.is_ascii_alphanumeric())
        {
            Text::new(
                "9位的号码可能是社会保障卡卡号；这里请填卡上的银行账号。",
                " A 9-character number may be the social security card number; here, enter the bank account number of the card.",
            )
        } else {
            Text::new("", "")
        };
        findings.error(
            "length",
            t!(
                "银行卡号一般为16–19位数字，现在是{}位。{}",
                "Bank card numbers have 16–19 digits; this one has {}.{}";
                counted(n, "digit", "digits"),
                hint
            ),
            None,
        );
    } else if !(16..=19).contains(&n) {
        findings.warning(
            "lengthUnusual",
            t!(
                "银联卡号一般为16–19位，这张卡是{}位，请核对。",
                "UnionPay cards have 16–19 digits; this one has {}. Please check it.";
                counted(n, "digit", "digits")
            ),
            None,
        );
    }
    if clean && n >= 12 {
        details.network = network(&digits).map(str::to_string);
        if !luhn_valid(&digits) {
            findings.warning(
                "luhn",
                t!(
                    "卡号没有通过 Luhn 校验，可能抄错了一位。少数旧借记卡不符合此校验；请对照银行卡核对，确认无误可继续。",
                    "The number fails the Luhn check, so a digit may be wrong. A few old debit cards fail it too: compare it with the card, and continue if it matches."
                ),
                Some(n),
            );
        }
    }
    digits
}
