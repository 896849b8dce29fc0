//! Administrative division codes (行政区划代码, GB/T 2260).
//!
//! The table is the union of two public lists (see `core/data/regions.tsv`), so codes
//! retired since an ID was issued are still named. A code missing from it is not an
//! error anywhere in the kit: IDs embed the code in force when they were issued, and
//! the table can never be complete. Callers report it as a warning.
//!
//! ```
//! use zhuchuang_core::region;
//! assert_eq!(region::name("110105").as_deref(), Some("北京市朝阳区"));
//! assert_eq!(region::province_of("440305"), "440000");
//! assert_eq!(region::name("990000"), None);
//! ```

use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/regions.tsv");

fn table() -> &'static [(u32, &'static str)] {
    static PARSED: OnceLock<Vec<(u32, &'static str)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        let mut rows: Vec<(u32, &'static str)> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (code, name) = l.split_once('\t')?;
                Some((code.parse().ok()?, name))
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    })
}

fn lookup(code: &str) -> Option<&'static str> {
    let n: u32 = code.parse().ok()?;
    let t = table();
    t.binary_search_by_key(&n, |r| r.0).ok().map(|i| t[i].1)
}

/// True when `code` is six ASCII digits.
pub fn is_code(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())
}

/// The province-level code (`XX0000`) of a six-digit code.
pub fn province_of(code: &str) -> String {
    format!("{}0000", &code[..2.min(code.len())])
}

/// The prefecture-level code (`XXXX00`) of a six-digit code.
pub fn prefecture_of(code: &str) -> String {
    format!("{}00", &code[..4.min(code.len())])
}

/// The full name of a known code ("北京市朝阳区"), built from the province,
/// prefecture and county names; `None` for a code not in the table.
pub fn name(code: &str) -> Option<String> {
    if !is_code(code) {
        return None;
    }
    let own = lookup(code)?;
    let province = province_of(code);
    let prefecture = prefecture_of(code);
    let mut full = String::new();
    if province != code {
        if let Some(p) = lookup(&province) {
            full.push_str(p);
        }
    }
    if prefecture != code && prefecture != province {
        if let Some(p) = lookup(&prefecture) {
            if !is_placeholder(p) {
                full.push_str(p);
            }
        }
    }
    if !is_placeholder(own) {
        full.push_str(own);
    }
    Some(full)
}

/// True when the province part of the code names a province-level division.
pub fn province_known(code: &str) -> bool {
    is_code(code) && lookup(&province_of(code)).is_some()
}

/// Names such as 市辖区 or 县 that group counties without naming a place.
fn is_placeholder(name: &str) -> bool {
    matches!(
        name,
        "市辖区" | "县" | "省直辖县级行政区划" | "自治区直辖县级行政区划"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_composed_from_levels() {
        assert_eq!(name("110000").as_deref(), Some("北京市"));
        assert_eq!(name("440300").as_deref(), Some("广东省深圳市"));
        assert_eq!(name("440305").as_deref(), Some("广东省深圳市南山区"));
        assert_eq!(name("310000").as_deref(), Some("上海市"));
    }

    #[test]
    fn unknown_and_malformed_codes_have_no_name() {
        assert_eq!(name("000000"), None);
        assert_eq!(name("11010"), None);
        assert_eq!(name("11010a"), None);
        assert!(province_known("110999"));
        assert!(!province_known("990101"));
    }

    #[test]
    fn table_is_large_enough_to_be_the_real_one() {
        assert!(table().len() > 3000, "{} rows", table().len());
    }
}
