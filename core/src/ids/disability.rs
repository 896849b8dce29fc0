//! 残疾人证号: the holder's 18-character resident ID number, then one digit for the
//! category (残疾类别, 1–7) and one for the grade (残疾等级, 1–4, 一级 most severe).
//! Reissued cards may carry a two-character suffix such as `B1` (accepted with a
//! warning; the suffix format is not confirmed, policy-facts §E3).

use super::{report_bad_chars, resident, Findings, IdDetails, IdOptions};
use crate::text::Text;

/// The category names (GB/T 26341 categories as coded on the card).
pub fn category_name(code: u8) -> Option<Text> {
    Some(match code {
        1 => Text::new("视力残疾", "visual disability"),
        2 => Text::new("听力残疾", "hearing disability"),
        3 => Text::new("言语残疾", "speech disability"),
        4 => Text::new("肢体残疾", "physical disability"),
        5 => Text::new("智力残疾", "intellectual disability"),
        6 => Text::new("精神残疾", "mental disability"),
        7 => Text::new("多重残疾", "multiple disabilities"),
        _ => return None,
    })
}

/// The grade names (一级 is the most severe).
pub fn grade_name(code: u8) -> Option<Text> {
    Some(match code {
        1 => Text::new("一级", "grade 1 (most severe)"),
        2 => Text::new("二级", "grade 2"),
        3 => Text::new("三级", "grade 3"),
        4 => Text::new("四级", "grade 4 (mildest)"),
        _ => return None,
    })
}

pub(super) fn check(
    s: &str,
    options: &IdOptions,
    findings: &mut Findings,
    details: &mut IdDetails,
) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    if n != 20 && n != 22 {
        findings.error(
            "length",
            t!(
                "残疾人证号应为20位（身份证号18位 + 残疾类别1位 + 残疾等级1位），现在是{}位。",
                "A disability certificate number has 20 characters (18-character ID number, category digit, grade digit); this one has {}.";
                super::counted(n, "character", "characters")
            ),
            None,
        );
        report_bad_chars(
            s,
            findings,
            |i, c| c.is_ascii_digit() || (c == 'X' && i == 17) || (n > 20 && i >= 20),
            |_| Text::new("数字", "a digit"),
        );
        return s.to_string();
    }
    let id: String = chars[..18].iter().collect();
    let mut nested = Findings::default();
    let id_normal = resident::check(&id, options, &mut nested, details);
    findings.absorb(nested, 0);
    details.resident_id = Some(id_normal.clone());
    let lang = options.lang;
    let category = chars[18];
    match category.to_digit(10).and_then(|d| category_name(d as u8).map(|t| (d, t))) {
        Some((d, name)) => {
            details.category = Some(d as u8);
            details.category_name = Some(name.get(lang).to_string());
        }
        None => findings.error(
            "category",
            t!(
                "第19位是残疾类别代码，应为1–7（1视力 2听力 3言语 4肢体 5智力 6精神 7多重），现在是「{}」。",
                "Position 19 is the disability category, 1–7 (1 visual, 2 hearing, 3 speech, 4 physical, 5 intellectual, 6 mental, 7 multiple); it is \"{}\".";
                category
            ),
            Some(19),
        ),
    }
    let grade = chars[19];
    match grade
        .to_digit(10)
        .and_then(|d| grade_name(d as u8).map(|t| (d, t)))
    {
        Some((d, name)) => {
            details.grade = Some(d as u8);
            details.grade_name = Some(name.get(lang).to_string());
        }
        None => findings.error(
            "grade",
            t!(
                "第20位是残疾等级代码，应为1–4（一级最重），现在是「{}」。",
                "Position 20 is the disability grade, 1–4 (1 most severe); it is \"{}\".";
                grade
            ),
            Some(20),
        ),
    }
    let mut normalized = format!("{}{}{}", id_normal, category, grade);
    if n == 22 {
        let suffix: String = chars[20..].iter().collect();
        if chars[20].is_ascii_uppercase() && chars[21].is_ascii_digit() {
            findings.warning(
                "reissueSuffix",
                t!(
                    "末尾的「{}」看起来是换发证件的后缀，各地格式不一，请以证件为准。",
                    "The trailing \"{}\" looks like a reissue suffix; formats differ by place, so go by the card.";
                    suffix
                ),
                Some(21),
            );
            normalized.push_str(&suffix);
        } else {
            findings.error(
                "suffix",
                t!(
                    "第21–22位「{}」不是有效的换证后缀（一个大写字母加一个数字，如 B1）。",
                    "Positions 21–22 (\"{}\") are not a reissue suffix (a capital letter and a digit, e.g. B1).";
                    suffix
                ),
                Some(21),
            );
        }
    }
    normalized
}
