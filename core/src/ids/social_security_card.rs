//! 社会保障卡卡号 (social security card number): the number printed on the card,
//! which the flexible-employment subsidy form asks for (申请表 … 社会保障卡号码,
//! guide-employment-assistance 第二节 二、3(2)). It is not the holder's 社会保障号码
//! (that is the resident ID number, 社会保险法 art. 58) and not the bank account on
//! the card (a normal bank card, checked as [`IdKind::BankCard`](super::IdKind)).
//!
//! UNSURE (policy-facts §E4): the card specification (《社会保障（个人）卡规范》)
//! was not found. The kit follows the recommendation there and checks the number
//! as an opaque 9-character alphanumeric: 9 digits or capital letters, nothing
//! else, and no check digit. A number that fits is valid without a warning; the
//! uncertainty is documented here, not shown to the person. When a person types
//! another number they have (the ID number, the bank account), the message says
//! which one it looks like.

use super::{counted, report_bad_chars, resident, Findings, IdOptions};
use crate::text::Text;

/// Characters in a card number (policy-facts §E4, UNSURE).
pub(super) const LENGTH: usize = 9;

pub(super) fn check(s: &str, options: &IdOptions, findings: &mut Findings) -> String {
    let number: String = s.chars().filter(|c| *c != '-').collect();
    let clean = report_bad_chars(
        &number,
        findings,
        |_, c| c.is_ascii_digit() || c.is_ascii_uppercase(),
        |_| Text::new("数字或字母", "a digit or a letter"),
    );
    let n = number.chars().count();
    if n != LENGTH {
        let looks_like = if clean && n == 18 && {
            let mut f = Findings::default();
            let mut d = super::IdDetails::default();
            resident::check(&number, options, &mut f, &mut d);
            !f.has_errors()
        } {
            Text::new(
                "这像是身份证号码（即社会保障号码），不是社会保障卡卡号。",
                " This looks like the resident ID number (the social security number), not the card number.",
            )
        } else if clean && (16..=19).contains(&n) && number.bytes().all(|b| b.is_ascii_digit()) {
            Text::new(
                "这像是卡上的银行账号；社会保障卡卡号一般印在卡的正面，为9位。",
                " This looks like the bank account on the card; the card number is usually the 9 characters printed on the front.",
            )
        } else {
            Text::new("", "")
        };
        findings.error(
            "length",
            t!(
                "社会保障卡卡号一般为{}位数字或字母，现在是{}位。{}",
                "A social security card number usually has {} characters (digits or letters); this one has {}.{}";
                LENGTH,
                counted(n, "character", "characters"),
                looks_like
            ),
            None,
        );
    }
    number
}
