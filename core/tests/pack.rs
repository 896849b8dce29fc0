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
