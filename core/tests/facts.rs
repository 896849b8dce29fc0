//! Facts and dates as people type them: the one date reader, and a property test
//! that every problem with random answers is a plain sentence in both languages.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use zhuchuang_core::dates::{read_date, read_month, serde_loose, DateShape};
use zhuchuang_core::eligibility;
use zhuchuang_core::facts::{FactDef, FactProblem, Facts};
use zhuchuang_core::pack::PackSet;
use zhuchuang_core::Text;

fn packs() -> &'static PackSet {
    static P: std::sync::OnceLock<PackSet> = std::sync::OnceLock::new();
    P.get_or_init(|| PackSet::embedded().unwrap())
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// Every program's questions, and the screening questions.
fn vocabularies() -> Vec<Vec<FactDef>> {
    let rules = packs().rules("000000").unwrap();
    let mut all: Vec<Vec<FactDef>> = eligibility::programs()
        .iter()
        .map(|p| (p.facts)(&rules, day()))
        .collect();
    all.push(zhuchuang_core::screening::facts());
    all
}

/// Words of parsers and programmers that a person must never read.
const JARGON: [&str; 9] = [
    "expected",
    "invalid type",
    "u32",
    "i64",
    "serde",
    "at line",
    "column",
    "unwrap",
    "Err(",
];

fn assert_plain(text: &Text, context: &str) {
    for (lang, m) in [("zh-CN", &text.zh), ("en", &text.en)] {
        assert!(!m.trim().is_empty(), "{context}: empty {lang} message");
        for word in JARGON {
            assert!(
                !m.to_lowercase().contains(&word.to_lowercase()),
                "{context}: {lang} message has \"{word}\": {m}"
            );
        }
    }
    assert!(
        text.en.ends_with('.') || text.en.ends_with('?'),
        "{context}: not a full English sentence: {}",
        text.en
    );
}

#[test]
fn dates_in_every_way_people_write_them() {
    let want = NaiveDate::from_ymd_opt(1978, 3, 10).unwrap();
    for typed in [
        "1978-03-10",
        "1978/03/10",
        "1978.03.10",
        "19780310",
        "1978年3月10日",
        "1978年03月10日",
        "1978年3月10号",
        "１９７８－０３－１０",
        "１９７８／３／１０",
        "１９７８年３月１０日",
        "  1978-3-10\u{3000}",
        "1978 - 03 - 10",
        "1978—03—10",
    ] {
        assert_eq!(read_date(typed), Ok(want), "{typed:?}");
    }
    let month = read_month("1978-03").unwrap();
    for typed in [
        "1978-03",
        "1978/3",
        "1978.3",
        "1978年3月",
        "1978年03月",
        "197803",
        "１９７８－０３",
        " 1978-03 ",
    ] {
        assert_eq!(read_month(typed), Ok(month), "{typed:?}");
    }
    for bad in [
        "",
        "1978",
        "78-03-10",
        "1978-3",
        "1978-03-10-01",
        "1978-13-01",
        "1978-02-29",
        "1978-00-10",
        "1978-03-00",
        "1978-03-32",
        "19781310",
        "1978031",
        "3/10/1978",
        "yesterday",
        "1978-03-10T00:00",
    ] {
        let e = read_date(bad).unwrap_err();
        assert_eq!(e.shape, DateShape::Date);
        assert_plain(&e.message(None), bad);
        assert_plain(
            &e.message(Some(&Text::new("出生日期", "date of birth"))),
            bad,
        );
    }
    for bad in ["", "1978-13", "1978", "1978-03-10", "19781", "1978年13月"] {
        let e = read_month(bad).unwrap_err();
        assert_eq!(e.shape, DateShape::Month);
        assert_plain(&e.message(None), bad);
    }
    // A leap day is a day in a leap year only, and the message says why.
    assert!(read_date("2024-02-29").is_ok());
    let e = read_date("2025-02-29").unwrap_err();
    assert!(
        e.message(None).zh.contains("28天"),
        "{}",
        e.message(None).zh
    );
}

#[test]
fn date_facts_are_kept_in_one_form() {
    let defs = &vocabularies()[0];
    let f = Facts::parse(&json!({ "birthDate": "1978年3月10日" }), defs).unwrap();
    assert_eq!(f.as_json(), json!({ "birthDate": "1978-03-10" }));
    assert_eq!(f.date("birthDate"), NaiveDate::from_ymd_opt(1978, 3, 10));
    // Unchecked facts (rules calling rules) are read the same way.
    let mut map = Map::new();
    map.insert("birthDate".into(), json!("1978/03/10"));
    assert_eq!(
        Facts::from_map(map).date("birthDate"),
        NaiveDate::from_ymd_opt(1978, 3, 10)
    );
}

#[test]
fn serde_helpers_read_dates_as_typed_and_explain_in_both_languages() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Input {
        #[serde(deserialize_with = "serde_loose::date")]
        on: NaiveDate,
        #[serde(default, deserialize_with = "serde_loose::option_date")]
        until: Option<NaiveDate>,
        #[serde(default, deserialize_with = "serde_loose::option_month")]
        month: Option<zhuchuang_core::dates::YearMonth>,
    }
    let i: Input =
        serde_json::from_value(json!({ "on": "2025年3月10日", "until": null, "month": "2025/3" }))
            .unwrap();
    assert_eq!(i.on, NaiveDate::from_ymd_opt(2025, 3, 10).unwrap());
    assert_eq!(i.until, None);
    assert_eq!(i.month.unwrap().to_string(), "2025-03");
    for bad in [
        json!({ "on": "2025-02-30" }),
        json!({ "on": true }),
        json!({ "on": "x", "month": 5 }),
    ] {
        let e = serde_json::from_value::<Input>(bad.clone())
            .unwrap_err()
            .to_string();
        let t = serde_loose::split_message(&e).unwrap_or_else(|| panic!("{bad}: {e}"));
        assert_plain(&t, &bad.to_string());
    }
}

/// A JSON value of any type, with absurd strings and dates written every way.
fn any_value() -> impl Strategy<Value = Value> {
    let absurd = prop_oneof![
        Just(String::new()),
        Just(" ".to_string()),
        Just("null".to_string()),
        Just("1978-13-01".to_string()),
        Just("2025-02-30".to_string()),
        Just("1978年3月10日".to_string()),
        Just("１９７８－０３－１０".to_string()),
        Just("197803".to_string()),
        Just("NaN".to_string()),
        Just("-1".to_string()),
        Just("1e309".to_string()),
        Just("💥\u{0}\u{202e}".to_string()),
        Just("x".repeat(300)),
        "[0-9年月日/.\\- －　a-f]{0,14}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        (0i64..3_000_000).prop_map(|n| json!(n)),
        absurd.prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("relation".to_string()),
                        Just("workingAge".to_string()),
                        Just("status".to_string()),
                        "[a-f]{1,6}",
                    ],
                    inner
                ),
                0..3
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn check_problems(problems: &[FactProblem], defs: &[FactDef]) {
    for p in problems {
        assert_plain(&p.message, &format!("{} ({})", p.fact, p.code));
        // A problem with a known fact names its question, never its id.
        if p.code != "unknownFact" && p.fact.chars().any(|c| c.is_ascii_uppercase()) {
            assert!(defs.iter().any(|d| d.id == p.fact));
            for m in [&p.message.zh, &p.message.en] {
                assert!(!m.contains(&p.fact), "{}: {m}", p.fact);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_fact_problem_is_a_plain_sentence_in_both_languages(
        program in 0usize..64,
        answers in prop::collection::vec((0usize..64, any_value()), 0..8),
        stray in prop::option::of("[a-z]{1,8}"),
    ) {
        let all = vocabularies();
        let defs = &all[program % all.len()];
        let mut map = Map::new();
        for (i, v) in answers {
            map.insert(defs[i % defs.len()].id.to_string(), v);
        }
        if let Some(k) = stray {
            map.insert(k, json!(1));
        }
        if let Err(problems) = Facts::parse(&Value::Object(map), defs) {
            prop_assert!(!problems.is_empty());
            check_problems(&problems, defs);
        }
    }

    #[test]
    fn answers_that_are_not_an_object_are_explained(v in any_value()) {
        let all = vocabularies();
        if let Err(problems) = Facts::parse(&v, &all[0]) {
            check_problems(&problems, &all[0]);
        }
    }

    #[test]
    fn the_date_reader_never_panics_and_always_explains(s in "\\PC{0,24}") {
        if let Err(e) = read_date(&s) {
            assert_plain(&e.message(None), &s);
        }
        if let Err(e) = read_month(&s) {
            assert_plain(&e.message(Some(&Text::new("退休月份", "retirement month"))), &s);
        }
    }
}
