//! The policy finder agrees with the program checks (issue 11).
//!
//! For random partial answers in the finder's vocabulary (a random subset of
//! its questions, each with a plausible value of its kind), nationally and
//! under local packs:
//! - every program's determination is exactly what `eligibility::check` gives
//!   for that program on the answers the finder hands it, a program the
//!   finder reports a problem for is one `check` refuses, and those answers
//!   are the finder's own wherever the program asks under the same id;
//! - the counts are the programs' standings counted;
//! - the next question is unanswered and a fact some open program misses
//!   (under its finder id), with the highest summed weight; there is none
//!   exactly when no program is open.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use zhuchuang_core::eligibility::{self, CheckError};
use zhuchuang_core::facts::{FactDef, FactKind};
use zhuchuang_core::finder::{self, find_programs, Standing};
use zhuchuang_core::pack::PackSet;
use zhuchuang_core::Lang;

fn packs() -> &'static PackSet {
    static PACKS: std::sync::OnceLock<PackSet> = std::sync::OnceLock::new();
    PACKS.get_or_init(|| {
        let mut packs = PackSet::embedded().unwrap();
        for overlay in [
            include_str!("../packs/examples/990100-demo-city.json"),
            include_str!("../packs/examples/440000-guangdong.json"),
        ] {
            packs.load(overlay).unwrap();
        }
        packs
    })
}

const REGIONS: [&str; 3] = ["000000", "990100", "440100"];

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// Plausible answers of a fact's kind.
fn candidates(def: &FactDef) -> Vec<Value> {
    let strs = |v: &[&str]| v.iter().map(|s| json!(s)).collect::<Vec<_>>();
    match (&def.kind, def.id) {
        (FactKind::Date, "birthDate" | "placedBirthDate") => strs(&[
            "1962-09-30",
            "1966-03-10",
            "1970-05-20",
            "1975-01-01",
            "1980-06-15",
            "1990-02-28",
            "2003-09-01",
        ]),
        (FactKind::Date, _) => strs(&["2019-07-01", "2023-06-30", "2025-06-30", "2026-10-01"]),
        (FactKind::Month, _) => strs(&["2026-06", "2027-03", "2030-01", "2036-02", "2041-01"]),
        (FactKind::YesNo, _) => vec![json!(true), json!(false)],
        (FactKind::Number, _) => [0, 1, 2, 3, 10, 36, 200].iter().map(|n| json!(n)).collect(),
        (FactKind::Money | FactKind::Decimal, _) => strs(&["0", "1500", "3000", "50000"]),
        (FactKind::Choice { options }, _) => options.iter().map(|o| json!(o.value)).collect(),
        (FactKind::MultiChoice { options }, _) => {
            let mut out = vec![json!([])];
            out.extend(options.iter().map(|o| json!([o.value])));
            out
        }
        (FactKind::Household, _) => vec![
            json!([]),
            json!([{ "relation": "spouse", "workingAge": true, "status": "unemployed" }]),
            json!([{ "relation": "spouse", "workingAge": true, "status": "employed" }]),
        ],
        (FactKind::Text, _) => strs(&["x"]),
    }
}

fn vocabulary() -> Vec<FactDef> {
    let rules = packs().rules("000000").unwrap();
    finder::vocabulary(&rules, day())
}

/// Random answers: for each question of the vocabulary, maybe an answer.
fn answers() -> impl Strategy<Value = (usize, Map<String, Value>)> {
    let vocab = vocabulary();
    let picks: Vec<_> = vocab
        .iter()
        .map(|d| {
            let c = candidates(d);
            (any::<bool>(), any::<bool>(), 0..c.len())
        })
        .collect();
    (0..REGIONS.len(), picks).prop_map(move |(region, picks)| {
        let mut facts = Map::new();
        for (d, (a, b, i)) in vocab.iter().zip(picks) {
            // About a third of the questions answered.
            if a && b {
                facts.insert(d.id.to_string(), candidates(d)[i].clone());
            }
        }
        (region, facts)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn the_finder_agrees_with_each_program((region, facts) in answers()) {
        let rules = packs().rules(REGIONS[region]).unwrap();
        let given = Value::Object(facts.clone());
        let f = find_programs(&given, &rules, day(), Lang::En, None).unwrap();
        let programs = eligibility::programs();
        prop_assert_eq!(f.programs.len(), programs.len());
        let mut open_missing: Vec<(String, u32)> = Vec::new();
        for (p, found) in programs.iter().zip(&f.programs) {
            prop_assert_eq!(p.id, found.program.as_str());
            // The answers it hands the program are the finder's own wherever
            // the program asks under the same id.
            let defs = (p.facts)(&rules, day());
            for d in &defs {
                let renamed = finder::ALIASES.iter().any(|a| a.program == p.id && a.fact == d.id && a.finder != d.id);
                if renamed || (p.id == "flexibleRetirement" && d.id == "track") {
                    continue;
                }
                prop_assert_eq!(found.answers.get(d.id), facts.get(d.id), "{} / {}", p.id, d.id);
            }
            match eligibility::check(p.id, &found.answers, &rules, day(), Lang::En) {
                Ok(d) => {
                    // The determination as checkEligibility gives it (its
                    // sources are the finding's, checked below).
                    prop_assert_eq!(found.determination.as_ref(), Some(&finder::ProgramVerdict::of(d.clone())), "{}", p.id);
                    for c in &d.sourced.citations {
                        prop_assert!(f.sourced.citations.contains(c), "{}: {:?}", p.id, c);
                    }
                    for c in &d.sourced.caveats {
                        prop_assert!(f.sourced.caveats.contains(c), "{}: {}", p.id, c);
                    }
                    let standing = match d.outcome {
                        zhuchuang_core::verdict::Outcome::Eligible => Standing::Likely,
                        zhuchuang_core::verdict::Outcome::Ineligible => Standing::RuledOut,
                        zhuchuang_core::verdict::Outcome::Undetermined => Standing::Open,
                    };
                    prop_assert_eq!(found.standing, standing);
                    if standing == Standing::Open {
                        for m in &d.missing_facts {
                            let id = finder::finder_fact(p.id, &m.question.fact, &facts).to_string();
                            match open_missing.iter_mut().find(|(f, _)| *f == id) {
                                Some((_, w)) => *w += m.weight,
                                None => open_missing.push((id, m.weight)),
                            }
                        }
                    }
                }
                Err(CheckError::Facts(_)) => {
                    prop_assert_eq!(found.standing, Standing::Problem, "{}", p.id);
                    prop_assert!(!found.problems.is_empty());
                }
                Err(e) => prop_assert!(false, "{}: {:?}", p.id, e),
            }
        }
        let count = |s: Standing| f.programs.iter().filter(|p| p.standing == s).count();
        prop_assert_eq!(f.counts.likely, count(Standing::Likely));
        prop_assert_eq!(f.counts.open, count(Standing::Open));
        prop_assert_eq!(f.counts.ruled_out, count(Standing::RuledOut));
        prop_assert_eq!(f.counts.problems, count(Standing::Problem));
        match &f.next_question {
            None => prop_assert_eq!(f.counts.open, 0),
            Some(q) => {
                prop_assert!(!facts.contains_key(&q.fact), "asks {} again", q.fact);
                let weight = open_missing.iter().find(|(id, _)| *id == q.fact).map(|(_, w)| *w);
                prop_assert!(weight.is_some(), "{} is no open program's missing fact", q.fact);
                let best = open_missing.iter().map(|(_, w)| *w).max();
                prop_assert_eq!(weight, best);
                prop_assert_eq!(f.missing_facts[0].weight, best.unwrap_or_default());
            }
        }
    }
}

/// Answering the finder's questions one by one, from a full set of answers,
/// settles every program (no dead end across programs).
#[test]
fn answering_the_next_question_settles_every_program() {
    let rules = packs().rules("000000").unwrap();
    let vocab = vocabulary();
    for seed in 0..12usize {
        let mut person = Map::new();
        for (i, d) in vocab.iter().enumerate() {
            let c = candidates(d);
            person.insert(d.id.to_string(), c[(i * 7 + seed * 3) % c.len()].clone());
        }
        let mut facts = Map::new();
        let mut asked = 0;
        loop {
            let f = find_programs(&Value::Object(facts.clone()), &rules, day(), Lang::En, None)
                .unwrap();
            let Some(q) = f.next_question else {
                assert_eq!(f.counts.open, 0);
                break;
            };
            let v = person
                .get(&q.fact)
                .unwrap_or_else(|| panic!("no answer for {}", q.fact));
            assert!(
                facts.insert(q.fact.clone(), v.clone()).is_none(),
                "asked {} twice",
                q.fact
            );
            asked += 1;
            assert!(asked <= vocab.len());
        }
    }
}
