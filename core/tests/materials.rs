//! Materials: figures stated in labels, questions and pack texts come from the
//! packs and are cited; the report's sources are one Recorder's.

use chrono::NaiveDate;
use serde_json::json;
use zhuchuang_core::materials::catalog::{placeholders, render};
use zhuchuang_core::materials::{check_materials, choices_in_force, ItemStatus};
use zhuchuang_core::pack::{provenance, PackSet, Recorder, Status};
use zhuchuang_core::{Lang, Text};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// Every `{key}` in the national materials and applications names a declared
/// parameter that a sentence can state on a recent date, and is cited.
#[test]
fn every_placeholder_in_the_national_catalog_renders() {
    let packs = PackSet::embedded().unwrap();
    let rules = packs.rules("000000").unwrap();
    let national = rules.chain().last().unwrap();
    let mut texts: Vec<&Text> = Vec::new();
    for m in national.materials.values() {
        texts.extend(
            [&m.name, &m.proves, &m.issuer, &m.note]
                .into_iter()
                .flatten(),
        );
    }
    for a in national.applications.values() {
        for r in a.requirements.iter().flatten() {
            texts.extend([&r.if_text, &r.note].into_iter().flatten());
        }
    }
    let mut seen = 0;
    for t in texts {
        for key in placeholders(t) {
            seen += 1;
            let mut rec = Recorder::new(&rules, Lang::ZhCn);
            let shown = render(t, &mut rec, day())
                .unwrap_or_else(|e| panic!("{key} in {t}: {}", e.message()));
            assert!(
                !shown.zh.contains('{') && !shown.en.contains('{'),
                "{shown}"
            );
            assert!(
                rec.parameters().iter().any(|p| p.key == key),
                "{key} not cited"
            );
        }
    }
    assert!(
        seen > 0,
        "the national catalog states its figures through placeholders"
    );
}

/// Months in whole years read as years; braces that name no parameter stay.
#[test]
fn placeholders_fill_in_the_figure_in_force() {
    let packs = PackSet::embedded().unwrap();
    let rules = packs.rules("000000").unwrap();
    let mut rec = Recorder::new(&rules, Lang::ZhCn);
    let months = rules
        .int("subsidy.graduate.monthsSinceLeaving", day())
        .unwrap()
        .0;
    let t = render(
        &Text::new(
            "离校{subsidy.graduate.monthsSinceLeaving}内，{不是参数}",
            "within {subsidy.graduate.monthsSinceLeaving}, {not a key}",
        ),
        &mut rec,
        day(),
    )
    .unwrap();
    assert_eq!(months % 12, 0, "the national window is whole years");
    assert_eq!(t.zh, format!("离校{}年内，{{不是参数}}", months / 12));
    assert_eq!(t.en, format!("within {} years, {{not a key}}", months / 12));
    assert_eq!(rec.parameters().len(), 1);
}

/// Category names that state a figure say the value in force.
#[test]
fn labels_state_the_figures_in_force() {
    let packs = PackSet::embedded().unwrap();
    let rules = packs.rules("000000").unwrap();
    let women = rules.decimal("difficult.womenMinAge", day()).unwrap().0;
    let men = rules.decimal("difficult.menMinAge", day()).unwrap().0;
    let cats = choices_in_force(&rules, "difficult.categories", day());
    let label = |v: &str| cats.iter().find(|c| c.value == v).unwrap().text.clone();
    assert_eq!(
        label("age4050").zh,
        format!("女{women}周岁以上、男{men}周岁以上")
    );
    assert_eq!(
        label("longTermUnemployed").en,
        "unemployed for a year or more"
    );
}

/// A condition compared with a parameter cites it, with the caveat its status
/// calls for; the example-pack caveat is the one wording of pack::provenance.
#[test]
fn the_report_cites_what_it_read() {
    let mut packs = PackSet::embedded().unwrap();
    let demo = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/packs/examples/990100-demo-city.json"
    ))
    .unwrap();
    packs.load(&demo).unwrap();
    let rules = packs.rules("990100").unwrap();
    let r = check_materials(
        "loanIndividual",
        &json!({ "loanAmount": "200000" }),
        None,
        &rules,
        day(),
        Lang::ZhCn,
    )
    .unwrap();
    let waiver = r
        .sourced
        .parameters
        .iter()
        .find(|p| p.key == "loan.counterGuaranteeWaiverMax")
        .expect("the condition's parameter is cited");
    assert!(r.sourced.citations.contains(&waiver.citation));
    if waiver.status == Status::Unsure {
        assert!(r.sourced.caveats.iter().any(|c| c.contains(&waiver.label)));
    }
    let example = r
        .sourced
        .pack
        .packs
        .iter()
        .find(|p| p.example)
        .expect("the demo city pack is an example");
    let wording = provenance::example_pack_caveat(example);
    assert!(r.sourced.caveats.contains(&wording.zh));
    assert!(r
        .checklist
        .iter()
        .any(|i| i.material == "counterGuarantee" && i.status == ItemStatus::Required));
    // The JSON keeps the keys it always had.
    let v = serde_json::to_value(&r).unwrap();
    for key in ["citations", "parameters", "caveats", "pack"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert!(v.get("sourced").is_none());
}
