//! 统一社会信用代码 (GB 32100-2015).
//!
//! Position 1 registration department (登记管理部门), 2 organisation type (机构类别),
//! 3–8 registering authority's division code (GB/T 2260), 9–17 the organisation code
//! (组织机构代码, GB 11714, with its own check at 17), 18 the MOD 31 check character
//! over the 31-character set without I, O, Z, S, V.

use super::{show_char, Findings, IdDetails};
use crate::text::{Lang, Text};

/// The 31 characters of GB 32100, in value order.
pub const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights 3^(i−1) mod 31 for i = 1..17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/// GB 11714 weights for the 8-character organisation-code body.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

fn value(c: char) -> Option<u32> {
    ALPHABET.find(c).map(|i| i as u32)
}

/// The GB 32100 check character for the first 17 characters, or `None` if they
/// are not 17 characters of the code's alphabet.
///
/// ```
/// use zhuchuang_core::ids::uscc_check_char;
/// assert_eq!(uscc_check_char("91350100M000100Y4"), Some('3'));
/// assert_eq!(uscc_check_char("91350100O000100Y4"), None); // letter O is not allowed
/// ```
pub fn uscc_check_char(first17: &str) -> Option<char> {
    if first17.chars().count() != 17 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in first17.chars().zip(WEIGHTS) {
        sum += value(c)? * w;
    }
    let check = (31 - sum % 31) % 31;
    ALPHABET.chars().nth(check as usize)
}

/// The check character (as a byte) of 17 bytes, or `None` when one is not in
/// the alphabet: [`uscc_check_char`] for the fast path.
pub(super) fn check_byte_of(first17: &[u8]) -> Option<u8> {
    let alphabet = ALPHABET.as_bytes();
    let mut sum = 0;
    for (b, w) in first17.iter().zip(WEIGHTS) {
        sum += alphabet.iter().position(|a| a == b)? as u32 * w;
    }
    Some(alphabet[((31 - sum % 31) % 31) as usize])
}

/// The GB 11714 check character of an 8-character organisation-code body
/// (digits and upper-case letters), or `None` for other input.
///
/// ```
/// use zhuchuang_core::ids::org_code_check_char;
/// assert_eq!(org_code_check_char("M000100Y"), Some('4'));
/// ```
pub fn org_code_check_char(body: &str) -> Option<char> {
    if body.len() != 8 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in body.chars().zip(ORG_WEIGHTS) {
        let v = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'A'..='Z' => c as u32 - 'A' as u32 + 10,
            _ => return None,
        };
        sum += v * w;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10)?,
    })
}

/// Department code → (name, [(type code, type name)]), per GB 32100 and its
/// amendment as restated in policy-facts §E2 (codes beyond 1/5/9/Y: secondary).
/// A type code with its Chinese and English names.
type TypeRow = (char, &'static str, &'static str);

fn department(code: char) -> Option<(Text, &'static [TypeRow])> {
    let t = |zh: &str, en: &str| Text::new(zh, en);
    Some(match code {
        '1' => (
            t("机构编制", "institutional staffing (机构编制)"),
            &[
                ('1', "机关", "government organ"),
                ('2', "事业单位", "public institution"),
                (
                    '3',
                    "编办直接管理机构编制的群众团体",
                    "mass organisation under the staffing office",
                ),
                ('9', "其他", "other"),
            ],
        ),
        '2' => (
            t("外交", "foreign affairs"),
            &[
                ('1', "外国常驻新闻机构", "resident foreign news agency"),
                ('9', "其他", "other"),
            ],
        ),
        '3' => (
            t("司法行政", "judicial administration"),
            &[
                ('1', "律师执业机构", "law firm"),
                ('2', "公证处", "notary office"),
                ('3', "基层法律服务所", "grassroots legal service office"),
                ('4', "司法鉴定机构", "forensic appraisal institution"),
                ('5', "仲裁委员会", "arbitration commission"),
                ('9', "其他", "other"),
            ],
        ),
        '4' => (
            t("文化", "culture"),
            &[
                ('1', "外国在华文化中心", "foreign cultural centre"),
                ('9', "其他", "other"),
            ],
        ),
        '5' => (
            t("民政", "civil affairs"),
            &[
                ('1', "社会团体", "social organisation"),
                ('2', "民办非企业单位", "private non-enterprise unit"),
                ('3', "基金会", "foundation"),
                ('9', "其他", "other"),
            ],
        ),
        '6' => (
            t("旅游", "tourism"),
            &[
                ('1', "外国旅游部门常驻代表机构", "foreign tourism office"),
                (
                    '2',
                    "港澳台地区旅游部门常驻内地（大陆）代表机构",
                    "HK/Macao/Taiwan tourism office",
                ),
                ('9', "其他", "other"),
            ],
        ),
        '7' => (
            t("宗教", "religious affairs"),
            &[
                ('1', "宗教活动场所", "place of religious activity"),
                ('2', "宗教院校", "religious college"),
                ('9', "其他", "other"),
            ],
        ),
        '8' => (
            t("工会", "trade union"),
            &[
                ('1', "基层工会", "grassroots trade union"),
                ('9', "其他", "other"),
            ],
        ),
        '9' => (
            t(
                "市场监管（工商）",
                "market regulation (business registration)",
            ),
            &[
                ('1', "企业", "enterprise"),
                ('2', "个体工商户", "individual business (个体工商户)"),
                ('3', "农民专业合作社", "farmers' cooperative"),
            ],
        ),
        'A' => (
            t("中央军委改革和编制办公室", "CMC reform and staffing office"),
            &[
                ('1', "军队事业单位", "military public institution"),
                ('9', "其他", "other"),
            ],
        ),
        'N' => (
            t("农业", "agriculture"),
            &[
                (
                    '1',
                    "组级集体经济组织",
                    "group-level collective economic organisation",
                ),
                (
                    '2',
                    "村级集体经济组织",
                    "village-level collective economic organisation",
                ),
                (
                    '3',
                    "乡镇级集体经济组织",
                    "township-level collective economic organisation",
                ),
                ('9', "其他", "other"),
            ],
        ),
        'Y' => (t("其他", "other"), &[('1', "其他", "other")]),
        _ => return None,
    })
}

/// A hint for letters people type for digits the alphabet lacks.
fn confusion_hint(c: char) -> Option<Text> {
    let (looks_like, zh, en) = match c {
        'O' => ('0', "字母 O", "the letter O"),
        'I' => ('1', "字母 I", "the letter I"),
        'Z' => ('2', "字母 Z", "the letter Z"),
        'S' => ('5', "字母 S", "the letter S"),
        'V' => ('U', "字母 V", "the letter V"),
        _ => return None,
    };
    Some(Text::new(
        format!("代码中不使用{zh}，是否应为「{looks_like}」？"),
        format!("Codes never use {en}; did you mean \"{looks_like}\"?"),
    ))
}

/// Checks a folded credit code; returns its normalised form.
pub(super) fn check(
    s: &str,
    lang: Lang,
    findings: &mut Findings,
    details: &mut IdDetails,
) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() != 18 {
        findings.error(
            "length",
            t!(
                "统一社会信用代码应为18位，现在是{}位。",
                "A unified social credit code has 18 characters; this one has {}.";
                super::counted(chars.len(), "character", "characters")
            ),
            None,
        );
    }
    let mut all_in_alphabet = true;
    for (i, &c) in chars.iter().enumerate() {
        if value(c).is_none() {
            all_in_alphabet = false;
            let shown = show_char(c);
            let base = t!(
                "第{}位的「{}」不是统一社会信用代码使用的字符（数字和除 I、O、Z、S、V 外的大写字母）。",
                "Character {} (\"{}\") is not used in credit codes (digits and capital letters except I, O, Z, S, V).";
                i + 1, shown
            );
            let text = match confusion_hint(c) {
                Some(h) => Text::new(
                    format!("{}{}", base.zh, h.zh),
                    format!("{} {}", base.en, h.en),
                ),
                None => base,
            };
            findings.error("character", text, Some(i + 1));
        }
    }
    if chars.len() != 18 {
        return s.to_string();
    }
    // Department and type (positions 1, 2).
    let dept = chars[0];
    match department(dept) {
        Some((name, types)) => {
            details.department = Some(dept.to_string());
            details.department_name = Some(name.get(lang).to_string());
            details.type_code = Some(chars[1].to_string());
            match types.iter().find(|t| t.0 == chars[1]) {
                Some(&(_, zh, en)) => {
                    details.type_name = Some(Text::new(zh, en).get(lang).to_string());
                }
                None => findings.warning(
                    "typeUnknown",
                    t!(
                        "第2位机构类别代码「{}」不在登记管理部门「{}」的类别表中，请核对。",
                        "Type code \"{}\" (position 2) is not listed for department \"{}\"; please check it.";
                        show_char(chars[1]), dept
                    ),
                    Some(2),
                ),
            }
        }
        None => findings.warning(
            "departmentUnknown",
            t!(
                "第1位登记管理部门代码「{}」不在 GB 32100 的部门表中，请核对。",
                "Department code \"{}\" (position 1) is not in the GB 32100 table; please check it.";
                show_char(dept)
            ),
            Some(1),
        ),
    }
    // Registering authority's division code (positions 3–8).
    let code: String = chars[2..8].iter().collect();
    if code.bytes().all(|b| b.is_ascii_digit()) {
        if code == "100000" {
            details.region_code = Some(code);
            details.region_name = Some(
                Text::new("国家级登记机关", "national registration authority")
                    .get(lang)
                    .to_string(),
            );
        } else {
            super::resident::decode_region(&code, findings, details);
        }
    } else {
        findings.error(
            "regionCode",
            t!(
                "第3–8位应是6位数字的行政区划代码，现在是「{}」。",
                "Positions 3–8 should be a 6-digit division code; they are \"{}\".";
                code
            ),
            Some(3),
        );
    }
    // Embedded organisation code (positions 9–17): a warning only.
    let body: String = chars[8..16].iter().collect();
    let org_check = chars[16];
    details.organization_code = Some(format!("{body}-{org_check}"));
    if let Some(expected) = org_code_check_char(&body) {
        if expected != org_check {
            findings.warning(
                "orgCodeCheck",
                t!(
                    "内嵌的组织机构代码（第9–17位）校验位应为 {}，实际为 {}。部分已发放的代码不满足此校验，只要第18位校验通过即可使用。",
                    "The embedded organisation code (positions 9–17) has check character {}, but the check gives {}. Some issued codes do not satisfy it; the code is still usable if position 18 checks out.";
                    org_check, expected
                ),
                Some(17),
            );
        }
    }
    // Check character (position 18).
    if all_in_alphabet {
        let first17: String = chars[..17].iter().collect();
        if let Some(expected) = uscc_check_char(&first17) {
            if expected != chars[17] {
                findings.error(
                    "checkDigit",
                    t!(
                        "第18位校验码应为 {}，实际为 {}：代码中有一位写错了或两位颠倒了，请对照营业执照逐位核对。",
                        "The check character (position 18) should be {} but is {}: a character is wrong or two are swapped. Compare it with the licence character by character.";
                        expected, chars[17]
                    ),
                    Some(18),
                );
            }
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_powers_of_three_mod_31() {
        let mut w = 1u32;
        for (i, expected) in WEIGHTS.iter().enumerate() {
            assert_eq!(w, *expected, "weight {}", i + 1);
            w = w * 3 % 31;
        }
    }

    #[test]
    fn alphabet_has_31_characters_without_ioszv() {
        assert_eq!(ALPHABET.len(), 31);
        for c in ['I', 'O', 'Z', 'S', 'V'] {
            assert!(!ALPHABET.contains(c));
        }
    }

    #[test]
    fn known_codes_have_their_check_characters() {
        assert_eq!(uscc_check_char("91350100M000100Y4"), Some('3'));
        assert_eq!(uscc_check_char("91110108551385082"), Some('Q'));
        assert_eq!(uscc_check_char("91440300708461136"), Some('T'));
        assert_eq!(uscc_check_char("91110000600037341"), Some('L'));
    }
}
