//! No dead ends (issue 08, class 2): an undetermined verdict always names a
//! question the eligibility wizard can ask, and answering it moves the check on.
//!
//! For every program of `eligibility::programs`, in the national pack and under
//! local packs, random partial answers (a random subset of the program's facts,
//! each with a plausible value of its kind) give a verdict such that, when it is
//! undetermined:
//! - `nextQuestion` exists, is a fact of the program's own list (so the wizard
//!   can render its question) and is not answered yet;
//! - every open criterion that still matters waits for at least one fact, and
//!   every fact it waits for is one the program asks;
//! - answering the next question with some valid value changes the open
//!   criteria or the outcome; where the criterion needs several facts together
//!   (a birth date and a sex), answering those too does;
//! - answering question after question ends in a settled outcome.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use zhuchuang_core::eligibility::{self, CheckError, Program};
use zhuchuang_core::facts::{FactDef, FactKind};
use zhuchuang_core::pack::{PackSet, Rules};
use zhuchuang_core::verdict::{Determination, Outcome, Status3};
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

/// National, the demo city (local wages and limits) and Guangzhou (a province's pack).
const REGIONS: [&str; 3] = ["000000", "990100", "440100"];

fn dates() -> [NaiveDate; 3] {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    [d(2026, 11, 21), d(2026, 6, 30), d(2025, 3, 1)]
}

/// Plausible answers of a fact's kind: every value a wizard might be given.
fn candidates(def: &FactDef) -> Vec<Value> {
    let strs = |v: &[&str]| v.iter().map(|s| json!(s)).collect::<Vec<_>>();
    match (&def.kind, def.id) {
        (FactKind::Date, "birthDate") => strs(&[
            "1958-04-10",
            "1962-09-30",
            "1964-12-31",
            "1966-03-10",
            "1968-07-01",
            "1970-05-20",
            "1972-11-15",
            "1975-01-01",
            "1980-06-15",
            "1990-02-28",
            "2000-09-01",
            "2012-01-01",
        ]),
        (FactKind::Date, _) => strs(&[
            "2016-03-01",
            "2019-07-01",
            "2021-09-15",
            "2023-06-30",
            "2024-07-01",
            "2025-06-30",
            "2026-01-10",
            "2026-10-01",
        ]),
        (FactKind::Month, _) => strs(&[
            "2024-01", "2025-12", "2026-06", "2027-03", "2028-09", "2030-01", "2031-05", "2033-11",
            "2036-02", "2039-09", "2041-01",
        ]),
        (FactKind::YesNo, _) => vec![json!(true), json!(false)],
        (FactKind::Number, _) => [0, 1, 2, 3, 5, 6, 10, 12, 24, 30, 36, 48, 60, 120, 200, 400]
            .iter()
            .map(|n| json!(n))
            .collect(),
        (FactKind::Money | FactKind::Decimal, _) => strs(&[
            "0", "800", "1500", "2600", "3000", "6000", "9000", "15000", "50000", "200000",
            "600000", "3000000",
        ]),
        (FactKind::Choice { options }, _) => options.iter().map(|o| json!(o.value)).collect(),
        (FactKind::MultiChoice { options }, _) => {
            let mut out = vec![json!([])];
            out.extend(options.iter().map(|o| json!([o.value])));
            if options.len() > 1 {
                out.push(json!([options[0].value, options[1].value]));
            }
            out
        }
        (FactKind::Household, _) => vec![
            json!([]),
            json!([{ "relation": "spouse", "workingAge": true, "status": "unemployed" }]),
            json!([{ "relation": "spouse", "workingAge": true, "status": "employed" }]),
            json!([
                { "relation": "spouse", "workingAge": true, "status": "unemployed" },
                { "relation": "child", "workingAge": false, "status": "student" }
            ]),
        ],
        (FactKind::Text, _) => strs(&["x"]),
    }
}

fn check(
    p: &Program,
    facts: &Map<String, Value>,
    rules: &Rules<'_>,
    date: NaiveDate,
) -> Option<Determination> {
    match eligibility::check(p.id, &Value::Object(facts.clone()), rules, date, Lang::En) {
        Ok(d) => Some(d),
        // An answer the facts layer rejects as implausible is a question to
        // correct, not a verdict: not this test's business.
        Err(CheckError::Facts(_)) => None,
        Err(e) => panic!("{} on {date} with {facts:?}: {e:?}", p.id),
    }
}

/// The criteria still open that matter: unknown, and required or in a group
/// none of whose alternatives is met.
fn open(d: &Determination) -> Vec<&zhuchuang_core::verdict::Criterion> {
    d.criteria
        .iter()
        .filter(|c| c.status == Status3::Unknown)
        .filter(|c| match &c.group {
            None => true,
            Some(g) => !d
                .criteria
                .iter()
                .any(|o| o.group.as_ref() == Some(g) && o.status == Status3::Met),
        })
        .collect()
}

/// What answering can change: the outcome and every criterion's status.
fn signature(d: &Determination) -> (Outcome, Vec<(String, Status3)>) {
    (
        d.outcome,
        d.criteria
            .iter()
            .map(|c| (c.id.clone(), c.status))
            .collect(),
    )
}

/// Checks one verdict; returns the problem, if any.
fn dead_end(
    p: &Program,
    defs: &[FactDef],
    facts: &Map<String, Value>,
    d: &Determination,
    rules: &Rules<'_>,
    date: NaiveDate,
) -> Option<String> {
    if d.outcome != Outcome::Undetermined {
        return d
            .next_question
            .as_ref()
            .map(|q| format!("settled but asks {}", q.fact));
    }
    let Some(q) = &d.next_question else {
        return Some("undetermined with no next question".into());
    };
    let Some(def) = defs.iter().find(|f| f.id == q.fact) else {
        return Some(format!("asks {}, which is not in its fact list", q.fact));
    };
    if facts.contains_key(def.id) {
        return Some(format!("asks {} again", def.id));
    }
    if def.question.zh.trim().is_empty() || def.question.en.trim().is_empty() {
        return Some(format!("{} has no question", def.id));
    }
    for c in open(d) {
        if c.missing_facts.is_empty() {
            return Some(format!("{} is open and waits for nothing", c.id));
        }
        if let Some(f) = c
            .missing_facts
            .iter()
            .find(|f| !defs.iter().any(|d| d.id == f.as_str()))
        {
            return Some(format!("{} waits for {f}, which is never asked", c.id));
        }
    }
    // Answering the next question moves the check on...
    let before = signature(d);
    let mut accepted = 0;
    for v in candidates(def) {
        let mut more = facts.clone();
        more.insert(def.id.to_string(), v);
        if let Some(after) = check(p, &more, rules, date) {
            accepted += 1;
            if signature(&after) != before {
                return None;
            }
        }
    }
    // Asked, and every answer refused: the contradiction lies in the
    // answers already given and should be reported without this one.
    if accepted == 0 {
        return Some(format!(
            "asks {}, and the facts layer refuses every answer to it",
            def.id
        ));
    }
    // ...or does together with the other facts its criteria wait for.
    let waiting: Vec<_> = open(d)
        .into_iter()
        .filter(|c| c.missing_facts.contains(&q.fact))
        .collect();
    for c in &waiting {
        let others: Vec<&FactDef> = c
            .missing_facts
            .iter()
            .filter_map(|f| defs.iter().find(|d| d.id == f.as_str()))
            .collect();
        let lists: Vec<Vec<Value>> = others.iter().map(|d| candidates(d)).collect();
        let total: usize = lists.iter().map(Vec::len).product();
        // Every combination when few, else a spread of them.
        let tries = total.min(400);
        for i in 0..tries {
            let mut n = if total <= 400 { i } else { i * 7919 % total };
            let mut more = facts.clone();
            for (d, list) in others.iter().zip(&lists) {
                more.insert(d.id.to_string(), list[n % list.len()].clone());
                n /= list.len();
            }
            if let Some(after) = check(p, &more, rules, date) {
                let now = after.criteria.iter().find(|a| a.id == c.id);
                if now.is_none_or(|a| a.status != Status3::Unknown) || after.outcome != d.outcome {
                    return None;
                }
            }
        }
    }
    Some(format!(
        "answering {} (alone or with {:?}) never changes an open criterion",
        q.fact,
        waiting.iter().map(|c| &c.missing_facts).collect::<Vec<_>>()
    ))
}

/// The facts of `defs` picked by `picks` (a present flag and a value index per fact).
fn partial(defs: &[FactDef], picks: &[(bool, usize)]) -> Map<String, Value> {
    defs.iter()
        .zip(picks.iter().cycle())
        .filter(|(_, (present, _))| *present)
        .map(|(d, (_, i))| {
            let list = candidates(d);
            (d.id.to_string(), list[i % list.len()].clone())
        })
        .collect()
}

fn walk_and_check(
    p: &Program,
    rules: &Rules<'_>,
    date: NaiveDate,
    mut facts: Map<String, Value>,
    choices: &[usize],
) -> Result<(), String> {
    let defs = (p.facts)(rules, date);
    let mut choices = choices.iter().cycle();
    let Some(mut d) = check(p, &facts, rules, date) else {
        return Ok(());
    };
    for _ in 0..=defs.len() {
        if let Some(problem) = dead_end(p, &defs, &facts, &d, rules, date) {
            return Err(format!(
                "{} in {} on {date}: {problem}\nfacts: {}\ncriteria: {:?}",
                p.id,
                rules.region(),
                Value::Object(facts.clone()),
                d.criteria
                    .iter()
                    .map(|c| (&c.id, c.status, &c.missing_facts))
                    .collect::<Vec<_>>()
            ));
        }
        let Some(q) = d.next_question.clone() else {
            return Ok(());
        };
        let def = defs.iter().find(|f| f.id == q.fact).unwrap();
        let list = candidates(def);
        let start = *choices.next().unwrap();
        // The first candidate from a random start that the facts layer accepts.
        let next = (0..list.len()).find_map(|k| {
            let mut more = facts.clone();
            more.insert(def.id.to_string(), list[(start + k) % list.len()].clone());
            check(p, &more, rules, date).map(|d| (more, d))
        });
        let Some((more, next)) = next else {
            return Err(format!("{}: no answer to {} is accepted", p.id, q.fact));
        };
        facts = more;
        d = next;
    }
    Err(format!(
        "{} in {} on {date}: still undetermined after every question\nfacts: {}",
        p.id,
        rules.region(),
        Value::Object(facts)
    ))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_program_ends_undetermined_with_nothing_to_ask(
        region in 0usize..REGIONS.len(),
        day in 0usize..3,
        picks in prop::collection::vec((any::<bool>(), 0usize..64), 40),
        choices in prop::collection::vec(0usize..64, 40),
    ) {
        let rules = packs().rules(REGIONS[region]).unwrap();
        let date = dates()[day];
        for p in eligibility::programs() {
            let defs = (p.facts)(&rules, date);
            let facts = partial(&defs, &picks);
            if let Err(e) = walk_and_check(&p, &rules, date, facts, &choices) {
                return Err(TestCaseError::fail(e));
            }
        }
    }
}

/// The walk from no answers at all, with every first answer, for every program.
#[test]
fn every_program_settles_from_no_answers() {
    for region in REGIONS {
        let rules = packs().rules(region).unwrap();
        for date in dates() {
            for p in eligibility::programs() {
                for start in 0..8 {
                    if let Err(e) = walk_and_check(&p, &rules, date, Map::new(), &[start, 3, 1]) {
                        panic!("{e}");
                    }
                }
            }
        }
    }
}
