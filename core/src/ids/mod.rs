//! Identity and registration numbers (证件号码): check digits, decoding, and a
//! plain-words explanation of every problem at once.
//!
//! | kind | what | standard |
//! |---|---|---|
//! | [`IdKind::ResidentId`] | 居民身份证号码 | GB 11643-1999, ISO 7064 MOD 11-2 |
//! | [`IdKind::Uscc`] | 统一社会信用代码 | GB 32100-2015, MOD 31 |
//! | [`IdKind::DisabilityCert`] | 残疾人证号 | ID number + category + grade |
//! | [`IdKind::BankCard`] | 银行卡号 | ISO/IEC 7812 Luhn (a warning only) |
//! | [`IdKind::Mobile`] | 手机号码 | MIIT 11-digit numbering |
//! | [`IdKind::SocialSecurityCard`] | 社会保障卡卡号 | 9 characters, no check digit (UNSURE, policy-facts §E4) |
//!
//! Validators never stop at the first problem and never panic: any string in,
//! an [`IdCheck`] out.
//!
//! ```
//! use zhuchuang_core::ids::{validate_id, IdKind, IdOptions};
//! let check = validate_id(IdKind::Uscc, "91350100M000100Y44", &IdOptions::default());
//! assert!(!check.valid);
//! assert!(check.problems.iter().any(|p| p.code == "checkDigit"));
//! ```

mod bank_card;
mod credit_code;
mod disability;
mod fast;
mod mobile;
mod resident;
mod social_security_card;

pub use bank_card::luhn_valid;
pub use credit_code::{org_code_check_char, uscc_check_char};
pub use fast::{brief_of, brief_of_utf16, is_valid_id, is_valid_id_utf16, validate_ids, IdBrief};
pub use resident::{resident_check_char, upgrade_legacy};

use crate::text::{Lang, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which number is being checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum IdKind {
    /// 居民身份证号码
    ResidentId,
    /// 统一社会信用代码
    Uscc,
    /// 残疾人证号
    DisabilityCert,
    /// 银行卡号
    BankCard,
    /// 手机号码
    Mobile,
    /// 社会保障卡卡号: the number on the card (not the bank account on it). Its
    /// format is UNSURE (policy-facts §E4): checked as 9 digits or letters.
    SocialSecurityCard,
}

impl IdKind {
    /// All kinds, in the order the API documents them.
    pub const ALL: [IdKind; 6] = [
        IdKind::ResidentId,
        IdKind::Uscc,
        IdKind::DisabilityCert,
        IdKind::BankCard,
        IdKind::Mobile,
        IdKind::SocialSecurityCard,
    ];

    /// The API name (`"residentId"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            IdKind::ResidentId => "residentId",
            IdKind::Uscc => "uscc",
            IdKind::DisabilityCert => "disabilityCert",
            IdKind::BankCard => "bankCard",
            IdKind::Mobile => "mobile",
            IdKind::SocialSecurityCard => "socialSecurityCard",
        }
    }

    /// Parses an API name; `None` for anything else.
    pub fn parse(s: &str) -> Option<IdKind> {
        IdKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The number's name for people.
    pub fn label(self) -> Text {
        match self {
            IdKind::ResidentId => Text::new("居民身份证号码", "resident ID number"),
            IdKind::Uscc => Text::new("统一社会信用代码", "unified social credit code"),
            IdKind::DisabilityCert => Text::new("残疾人证号", "disability certificate number"),
            IdKind::BankCard => Text::new("银行卡号", "bank card number"),
            IdKind::Mobile => Text::new("手机号码", "mobile number"),
            IdKind::SocialSecurityCard => {
                Text::new("社会保障卡卡号", "social security card number")
            }
        }
    }
}

/// Options of [`validate_id`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct IdOptions {
    /// Language of the messages (zh-CN by default).
    pub lang: Lang,
    /// The date a birth date may not be after. The core has no clock: without it
    /// the "birth date in the future" check is skipped (the browser API passes today).
    #[serde(deserialize_with = "crate::dates::serde_loose::option_date")]
    pub today: Option<NaiveDate>,
}

/// How bad a problem is: an error makes the number invalid, a warning does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with a number, in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// Stable machine code, e.g. `checkDigit`, `length`, `character`.
    pub code: String,
    pub severity: Severity,
    /// What is wrong and what to do, in the requested language.
    pub message: String,
    /// 1-based position in the normalised number the problem is about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
}

/// Gender decoded from a resident ID's sequence number (odd = male).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
    pub fn label(self) -> Text {
        match self {
            Gender::Male => Text::new("男", "male"),
            Gender::Female => Text::new("女", "female"),
        }
    }
}

/// What a number says about its holder, as far as it could be decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct IdDetails {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    /// Name of the region code, when the table knows it (Chinese names only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// USCC registration department code (登记管理部门代码), position 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department_name: Option<String>,
    /// USCC organisation type code (机构类别代码), position 2.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// USCC embedded organisation code (组织机构代码, GB 11714), positions 9–17.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_code: Option<String>,
    /// Disability category 1–7 (残疾类别).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_name: Option<String>,
    /// Disability grade 1–4 (残疾等级; 1 is the most severe).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade_name: Option<String>,
    /// The resident ID inside a disability certificate number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resident_id: Option<String>,
    /// Card network guessed from the first digits (`unionPay`, `visa`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// The 15-digit number a legacy ID was upgraded from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upgraded_from: Option<String>,
}

/// The result of [`validate_id`]: valid when no problem is an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct IdCheck {
    pub kind: IdKind,
    pub valid: bool,
    /// The number as it should be written (full-width folded, spaces removed,
    /// upper case, legacy IDs upgraded).
    pub normalized: String,
    /// Every problem found, errors first, in position order.
    pub problems: Vec<Problem>,
    pub details: IdDetails,
}

/// Problems collected while checking, still bilingual.
#[derive(Default)]
pub(crate) struct Findings {
    items: Vec<(String, Severity, Text, Option<usize>)>,
}

impl Findings {
    pub(crate) fn error(&mut self, code: &str, text: Text, position: Option<usize>) {
        self.items
            .push((code.to_string(), Severity::Error, text, position));
    }
    pub(crate) fn warning(&mut self, code: &str, text: Text, position: Option<usize>) {
        self.items
            .push((code.to_string(), Severity::Warning, text, position));
    }
    pub(crate) fn has_errors(&self) -> bool {
        self.items.iter().any(|i| i.1 == Severity::Error)
    }
    /// Moves the findings of a nested check in, shifting positions by `offset`.
    pub(crate) fn absorb(&mut self, other: Findings, offset: usize) {
        for (code, sev, text, pos) in other.items {
            self.items.push((code, sev, text, pos.map(|p| p + offset)));
        }
    }
    fn finish(mut self, lang: Lang) -> Vec<Problem> {
        crate::sort::sort_by_key(&mut self.items, |i| {
            (matches!(i.1, Severity::Warning), i.3.unwrap_or(0))
        });
        self.items
            .into_iter()
            .map(|(code, severity, text, position)| Problem {
                code,
                severity,
                message: text.get(lang).to_string(),
                position,
            })
            .collect()
    }
}

/// Validates `value` as a number of `kind`, returning every problem at once.
pub fn validate_id(kind: IdKind, value: &str, options: &IdOptions) -> IdCheck {
    let mut findings = Findings::default();
    let mut details = IdDetails::default();
    let cleaned = fold(value);
    let normalized = if cleaned.is_empty() {
        findings.error(
            "empty",
            Text::new(
                format!("请填写{}。", kind.label().zh),
                format!("Please enter the {}.", kind.label().en),
            ),
            None,
        );
        cleaned
    } else {
        match kind {
            IdKind::ResidentId => resident::check(&cleaned, options, &mut findings, &mut details),
            IdKind::Uscc => credit_code::check(&cleaned, options.lang, &mut findings, &mut details),
            IdKind::DisabilityCert => {
                disability::check(&cleaned, options, &mut findings, &mut details)
            }
            IdKind::BankCard => bank_card::check(&cleaned, &mut findings, &mut details),
            IdKind::Mobile => mobile::check(&cleaned, &mut findings),
            IdKind::SocialSecurityCard => {
                social_security_card::check(&cleaned, options, &mut findings)
            }
        }
    };
    let valid = !findings.has_errors();
    IdCheck {
        kind,
        valid,
        normalized,
        problems: findings.finish(options.lang),
        details,
    }
}

/// Checks the number of the card a payment goes to (社会保障卡或银行卡, as the
/// guides ask): valid as a social security card number when it is one, else
/// checked as a bank card number (a failed Luhn check stays a warning).
///
/// ```
/// use zhuchuang_core::ids::{validate_payment_card, IdKind, IdOptions};
/// let c = validate_payment_card("548426015", &IdOptions::default());
/// assert!(c.valid);
/// assert_eq!(c.kind, IdKind::SocialSecurityCard);
/// let c = validate_payment_card("6222021234567890123", &IdOptions::default());
/// assert!(c.valid); // fails Luhn: a warning only
/// assert_eq!(c.problems[0].code, "luhn");
/// ```
pub fn validate_payment_card(value: &str, options: &IdOptions) -> IdCheck {
    let card = validate_id(IdKind::SocialSecurityCard, value, options);
    if card.valid {
        card
    } else {
        validate_id(IdKind::BankCard, value, options)
    }
}

/// Folds what people type into what the standards define: full-width digits and
/// letters to ASCII, lower case to upper case, and every kind of space removed.
///
/// ```
/// use zhuchuang_core::ids::fold;
/// assert_eq!(fold(" １１０１ 05x\u{3000}"), "110105X");
/// ```
pub fn fold(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}' && *c != '\u{feff}')
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A count for a message: the number in Chinese (the sentence adds 位), the
/// number and the right English noun ("1 digit", "2 digits").
pub(crate) fn counted(n: usize, one: &str, many: &str) -> Text {
    Text::new(
        n.to_string(),
        format!("{n} {}", if n == 1 { one } else { many }),
    )
}

/// Describes a character for a message: printable as itself, others by code point.
pub(crate) fn show_char(c: char) -> String {
    if c.is_control() {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

/// Reports every character of `s` that fails `ok`, with its position and what
/// belongs there instead. Returns true when every character passed.
pub(crate) fn report_bad_chars(
    s: &str,
    findings: &mut Findings,
    ok: impl Fn(usize, char) -> bool,
    expected: impl Fn(usize) -> Text,
) -> bool {
    let mut clean = true;
    for (i, c) in s.chars().enumerate() {
        if !ok(i, c) {
            clean = false;
            let want = expected(i);
            let shown = show_char(c);
            findings.error(
                "character",
                Text::new(
                    format!("第{}位的「{}」不对：这里应是{}。", i + 1, shown, want.zh),
                    format!(
                        "Character {} (\"{}\") is not allowed here: it should be {}.",
                        i + 1,
                        shown,
                        want.en
                    ),
                ),
                Some(i + 1),
            );
        }
    }
    clean
}
