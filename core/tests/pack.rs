//! The shipped packs themselves: the national defaults are complete and cited,
//! UNSURE facts are marked unsure, and every example overlay loads.

use chrono::NaiveDate;
use zhuchuang_core::pack::{Pack, PackSet, Scope, Status, Unit, NATIONAL};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn national_pack_declares_every_parameter_fully() {
    let pack = Pack::national().unwrap();
    assert_eq!(pack.meta.region, NATIONAL);
    assert!(!pack.meta.example);
    assert!(pack.params.len() >= 70, "{} parameters", pack.params.len());
    for (key, p) in &pack.params {
        let label = p
            .label
            .as_ref()
            .unwrap_or_else(|| panic!("{key} has no label"));
        assert!(!label.zh.is_empty() && !label.en.is_empty(), "{key}");
        for e in &p.entries {
            assert!(
                !e.citation.document.is_empty(),
                "{key} from {} has no citation",
                e.from
            );
        }
        if matches!(p.unit, Unit::Enum | Unit::List) {
            assert!(!p.choices.is_empty(), "{key}");
        }
    }
}

#[test]
fn statutory_law_is_national_scope_and_local_figures_are_regional() {
    let pack = Pack::national().unwrap();
    for (key, p) in &pack.params {
        if key.starts_with("retirement.")
            || key.starts_with("pension.")
            || key.starts_with("labour.")
        {
            assert_eq!(p.scope, Scope::National, "{key}");
        } else {
            assert_eq!(p.scope, Scope::Regional, "{key}");
        }
    }
    // Figures only local packs set have no national value.
    for key in [
        "wage.minimumMonthly",
        "wage.averageMonthly",
        "startup.oneTimeSubsidy.amount",
        "jobSeeking.subsidy.amount",
    ] {
        assert!(pack.params[key].entries.is_empty(), "{key}");
        assert_eq!(pack.params[key].status, Status::LocalPractice, "{key}");
    }
}

#[test]
fn unsure_facts_are_marked_unsure() {
    // policy-facts.md marks these UNSURE: they must be overridable and say so.
    let pack = Pack::national().unwrap();
    for key in [
        "loan.rateCapOverLprBp",
        "loan.counterGuaranteeWaiverMax",
        "loan.maxSubsidisedLoans",
        "loan.dayCount",
        "training.entrepreneurship.maxTimes",
        "jobSeeking.subsidy.maxTimes",
        "subsidy.postSubsidy.minWageShare",
    ] {
        let p = &pack.params[key];
        assert_eq!(p.scope, Scope::Regional, "{key} must be overridable");
        assert!(
            p.entries.iter().all(|e| e.status == Status::Unsure),
            "{key} must be unsure"
        );
    }
    // The two oldest LPR values are unsure, the later ones secondary.
    let lpr = &pack.params["loan.lpr1y"];
    assert_eq!(lpr.entries[0].status, Status::Unsure);
    assert_eq!(lpr.entries.last().unwrap().status, Status::Secondary);
}

#[test]
fn every_example_overlay_loads_and_is_marked_example() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("packs/examples");
    let mut set = PackSet::embedded().unwrap();
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let report = set.load(&text).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            report.pack.example,
            "{} must be marked example",
            report.pack.id
        );
        n += 1;
    }
    assert!(n >= 2);
}

#[test]
fn timeline_merges_overlay_and_national_values() {
    let mut set = PackSet::embedded().unwrap();
    set.load(include_str!("../packs/examples/310000-shanghai.json"))
        .unwrap();
    let rules = set.rules("310000").unwrap();
    let t = rules.timeline("loan.subsidyRegime").unwrap();
    let steps: Vec<(String, String)> = t
        .iter()
        .map(|r| (r.entry.from.to_string(), r.pack.meta.region.clone()))
        .collect();
    assert_eq!(
        steps,
        vec![
            ("2021-01-01".into(), "310000".into()),
            ("2024-05-31".into(), "310000".into())
        ]
    );
    let t = rules.timeline("subsidy.postSubsidy.minWageShare").unwrap();
    let steps: Vec<(String, String)> = t
        .iter()
        .map(|r| (r.entry.value.raw(), r.pack.meta.region.clone()))
        .collect();
    // National 1 from 2023-12-20, Shanghai 0.5 until 2026-12-31, then national again.
    assert_eq!(steps.first().unwrap().1, "310000");
    assert_eq!(
        steps.last().unwrap(),
        &("1".to_string(), "000000".to_string())
    );
    assert_eq!(
        rules
            .lookup("subsidy.postSubsidy.minWageShare", day("2027-01-01"))
            .unwrap()
            .pack
            .meta
            .region,
        NATIONAL
    );
}

#[test]
fn hashes_are_stable_and_sensitive() {
    let a = Pack::national().unwrap();
    let b = Pack::national().unwrap();
    assert_eq!(a.hash, b.hash);
    let changed = zhuchuang_core::pack::NATIONAL_JSON.replacen("\"300000\"", "\"300001\"", 1);
    let c = Pack::parse(&changed, None).unwrap();
    assert_ne!(a.hash, c.hash);
    // Whitespace and key order do not matter (canonical JSON).
    let v: serde_json::Value = serde_json::from_str(zhuchuang_core::pack::NATIONAL_JSON).unwrap();
    let compact = Pack::parse(&v.to_string(), None).unwrap();
    assert_eq!(a.hash, compact.hash);
}

/// A pack is all or nothing, for every entry: an overlay material whose value
/// does not fit the format is a listed problem at its path, and nothing of the
/// overlay comes into force.
#[test]
fn an_entry_that_does_not_fit_refuses_the_whole_overlay() {
    let mut packs = PackSet::embedded().unwrap();
    let json = r#"{
      "meta": { "id": "t", "version": "1", "region": "440300",
        "title": { "zh-CN": "测试", "en": "Test" }, "publishedOn": "2026-01-01" },
      "parameters": { "loan.rateCapOverLprBp": { "status": "secondary", "lastVerified": "2026-01-01",
        "citation": { "document": "x" }, "values": [{ "from": "2021-01-01", "value": 50 }] } },
      "materials": {
        "dibaoCertificate": { "validityMonths": -3 },
        "hukouBook": { "quantity": 1.5 }
      }
    }"#;
    let errs = packs.load(json).unwrap_err();
    let paths: Vec<&str> = errs.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/materials/dibaoCertificate/validityMonths",
            "/materials/hukouBook/quantity"
        ]
    );
    assert_eq!(packs.overlays().count(), 0);
    let rules = packs.rules("440300").unwrap();
    let (cap, _) = rules
        .int("loan.rateCapOverLprBp", day("2026-11-21"))
        .unwrap();
    assert_ne!(cap, 50, "the refused overlay's parameter is not in force");
}

/// Why `text` (a citation's document, title or article, which citizens read in
/// a result's Sources panel) looks like a maintainers' note, if it does: a seed
/// file name, a section mark of the internal notes, or English prose.
fn maintainer_words(text: &str) -> Option<String> {
    for mark in [".txt", "shared/", "seeds/", "§", "policy-facts"] {
        if text.contains(mark) {
            return Some(format!("contains \"{mark}\""));
        }
    }
    // The two documented words for values without a document.
    if text == "local practice" || text == "assumption" {
        return None;
    }
    let words: Vec<&str> = text
        .split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
        .collect();
    let english = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic());
    words
        .windows(2)
        .find(|p| english(p[0]) && english(p[1]))
        .map(|p| format!("English prose \"{} {}\"", p[0], p[1]))
}

/// Every citation object under `value` (key `citation`, or in `citations`).
fn citations_in<'v>(
    value: &'v serde_json::Value,
    at: String,
    out: &mut Vec<(String, &'v serde_json::Value)>,
) {
    match value {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                let here = format!("{at}/{k}");
                match (k.as_str(), v) {
                    ("citation", serde_json::Value::Object(_)) => out.push((here, v)),
                    ("citations", serde_json::Value::Array(list)) => {
                        for (i, c) in list.iter().enumerate() {
                            out.push((format!("{here}/{i}"), c));
                        }
                    }
                    _ => citations_in(v, here, out),
                }
            }
        }
        serde_json::Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                citations_in(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn citizen_facing_problems(cites: &[(String, &serde_json::Value)]) -> Vec<String> {
    let mut bad = Vec::new();
    for (at, c) in cites {
        for field in ["document", "title", "article"] {
            if let Some(why) = c
                .get(field)
                .and_then(|v| v.as_str())
                .and_then(maintainer_words)
            {
                bad.push(format!("{at}/{field}: {why}"));
            }
        }
    }
    bad
}

/// Citizens read a citation's document, title and article: the packs write the
/// document's real number or title and its clause there, and keep maintainers'
/// notes (seed files, note sections, how a value was read) in `note`.
#[test]
fn pack_citations_hold_no_maintainer_notes_where_citizens_read() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("packs");
    let mut files = vec![dir.join("cn.json")];
    for e in std::fs::read_dir(dir.join("examples")).unwrap().flatten() {
        files.push(e.path());
    }
    let mut bad = Vec::new();
    for f in files {
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let mut cites = Vec::new();
        citations_in(&json, String::new(), &mut cites);
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        bad.extend(
            citizen_facing_problems(&cites)
                .into_iter()
                .map(|b| format!("{name}{b}")),
        );
    }
    assert!(
        bad.is_empty(),
        "move these to the citation's note:\n{}",
        bad.join("\n")
    );
}

/// No result serialises a citation's maintainers' note, and what it does
/// serialise reads as a source, not a note (every program's determination).
#[test]
fn results_carry_citations_without_maintainer_notes() {
    use zhuchuang_core::eligibility;
    use zhuchuang_core::Lang;
    let packs = PackSet::embedded().unwrap();
    let rules = packs.rules("000000").unwrap();
    let mut bad = Vec::new();
    for p in eligibility::programs() {
        let d = eligibility::check(
            p.id,
            &serde_json::json!({}),
            &rules,
            day("2026-11-21"),
            Lang::ZhCn,
        )
        .unwrap();
        let json = serde_json::to_value(&d).unwrap();
        let mut cites = Vec::new();
        citations_in(&json, p.id.to_string(), &mut cites);
        assert!(!cites.is_empty(), "{} cites nothing", p.id);
        for (at, c) in &cites {
            if c.get("note").is_some() {
                bad.push(format!("{at}: serialises its note"));
            }
        }
        bad.extend(citizen_facing_problems(&cites));
    }
    let (_, lpr) = rules.decimal("loan.lpr1y", day("2026-11-21")).unwrap();
    let param = serde_json::to_value(lpr.to_ref(Lang::En)).unwrap();
    assert!(param["citation"].get("note").is_none(), "{param}");
    assert!(lpr.to_ref(Lang::En).citation.note.is_none());
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
