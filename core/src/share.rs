//! Case codes (案例码): a citizen's answers to one program, in a short code the
//! window clerk's widget opens, so both screens show the same determination.
//!
//! A code is `ZC1-` followed by the base64url text of the case (program,
//! region, the date the answers were evaluated for, the facts) and a
//! four-character check, so a mistyped or cut-off code is refused, never
//! misread. The code carries only what the person typed; it travels in a URL
//! fragment or by hand, never to a server.
//!
//! ```
//! use zhuchuang_core::share::{decode_case, encode_case, Case};
//! let case = Case {
//!     program: "difficultPerson".into(),
//!     region: "000000".into(),
//!     as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
//!     facts: serde_json::json!({ "birthDate": "1975-02-03" }).as_object().unwrap().clone(),
//! };
//! let code = encode_case(&case);
//! assert!(code.starts_with("ZC1-"));
//! assert_eq!(decode_case(&code).unwrap(), case);
//! ```

use crate::text::Text;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What a case code carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    /// The program the answers are for (`difficultPerson`, …).
    #[serde(rename = "p")]
    pub program: String,
    /// The region whose rules were applied.
    #[serde(rename = "r")]
    pub region: String,
    /// The date the answers were evaluated for (the clerk evaluates for the same
    /// date, so the determination id is the same).
    #[serde(rename = "d")]
    pub as_of: NaiveDate,
    /// The answers, as `checkEligibility` takes them.
    #[serde(rename = "f")]
    pub facts: serde_json::Map<String, serde_json::Value>,
}

/// Why a code cannot be opened, in plain words.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    /// Not a case code at all (no `ZC1-`).
    NotACode,
    /// The check does not match: a character is wrong or missing.
    Damaged,
}

impl ShareError {
    /// The message for a person.
    pub fn text(&self) -> Text {
        match self {
            ShareError::NotACode => t!(
                "这不是案例码：案例码以“ZC1-”开头，请从申请人的屏幕上完整抄写或扫描二维码。",
                "This is not a case code: a case code starts with \"ZC1-\". Copy it whole from the applicant's screen, or scan the QR code."
            ),
            ShareError::Damaged => t!(
                "案例码不完整或有字符错误，请重新抄写或扫描二维码。",
                "The case code is incomplete or has a wrong character. Copy it again, or scan the QR code."
            ),
        }
    }
}

const PREFIX: &str = "ZC1-";

fn check(payload: &str) -> String {
    let digest = Sha256::digest(payload.as_bytes());
    URL_SAFE_NO_PAD.encode(&digest[..3])
}

/// The case code of `case`.
pub fn encode_case(case: &Case) -> String {
    let json = serde_json::to_string(case).unwrap_or_default();
    let payload = URL_SAFE_NO_PAD.encode(json.as_bytes());
    format!("{PREFIX}{payload}.{}", check(&payload))
}

/// Reads a case code; surrounding spaces and a `#zc-case=` fragment are allowed.
pub fn decode_case(code: &str) -> Result<Case, ShareError> {
    let code = code.trim();
    let code = code
        .rsplit_once("zc-case=")
        .map(|(_, c)| c)
        .unwrap_or(code)
        .trim();
    let Some(rest) = code.strip_prefix(PREFIX) else {
        return Err(ShareError::NotACode);
    };
    let (payload, sum) = rest.rsplit_once('.').ok_or(ShareError::Damaged)?;
    if check(payload) != sum {
        return Err(ShareError::Damaged);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| ShareError::Damaged)?;
    serde_json::from_slice(&bytes).map_err(|_| ShareError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> Case {
        Case {
            program: "difficultPerson".into(),
            region: "990100".into(),
            as_of: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            facts: serde_json::json!({ "birthDate": "1975-02-03", "sex": "female", "groups": ["dibao"] })
                .as_object()
                .unwrap()
                .clone(),
        }
    }

    #[test]
    fn round_trips_also_from_a_url_fragment() {
        let code = encode_case(&case());
        assert_eq!(decode_case(&code), Ok(case()));
        let url = format!("https://rsj.example/staff.html#zc-case={code}");
        assert_eq!(decode_case(&url), Ok(case()));
        assert_eq!(decode_case(&format!("  {code}\n")), Ok(case()));
    }

    #[test]
    fn a_changed_or_cut_code_is_refused() {
        let code = encode_case(&case());
        assert_eq!(decode_case("hello"), Err(ShareError::NotACode));
        assert_eq!(
            decode_case(&code[..code.len() - 1]),
            Err(ShareError::Damaged)
        );
        let mut chars: Vec<char> = code.chars().collect();
        let i = 10;
        chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
        let changed: String = chars.into_iter().collect();
        assert_eq!(decode_case(&changed), Err(ShareError::Damaged));
        assert_eq!(
            decode_case(&code.replace('.', "")),
            Err(ShareError::Damaged)
        );
    }
}
