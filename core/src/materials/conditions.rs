//! Conditions (适用条件) on requirements, evaluated on the applicant's answers in
//! three-valued logic ([`Tri`]): a condition that cannot be decided yet is
//! `Unknown`, and the questions that would settle it are collected.

use super::catalog::{declared, ApplicationDef};
use crate::facts::{FactDef, Facts, Question};
use crate::logic::Tri;
use crate::pack::{Condition, Recorder, Rules};
use crate::text::Lang;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Evaluates a pack condition on the facts, reading (and recording) every
/// parameter it compares with.
pub fn evaluate(c: &Condition, facts: &Facts, rec: &mut Recorder<'_>, date: NaiveDate) -> Tri {
    if let Some(all) = &c.all {
        let r: Vec<Tri> = all.iter().map(|s| evaluate(s, facts, rec, date)).collect();
        return Tri::all(r);
    }
    if let Some(any) = &c.any {
        let r: Vec<Tri> = any.iter().map(|s| evaluate(s, facts, rec, date)).collect();
        return Tri::any(r);
    }
    if let Some(not) = &c.not {
        return evaluate(not, facts, rec, date).not();
    }
    let Some(fact) = c.fact.as_deref() else {
        return Tri::Unknown;
    };
    let json = facts.as_json();
    let Some(v) = json.get(fact) else {
        return Tri::Unknown;
    };
    let yes = Tri::from;
    if let Some(want) = &c.is {
        return yes(v == want);
    }
    if let Some(item) = &c.includes {
        return match v.as_array() {
            Some(a) => yes(a.iter().any(|x| x.as_str() == Some(item))),
            None => Tri::Unknown,
        };
    }
    if let Some(key) = &c.above_parameter {
        let (Some(amount), Some(key)) = (facts.money(fact), declared(rec, key)) else {
            return Tri::Unknown;
        };
        let limit = rec
            .decimal(key, date)
            .map(|f| f.value)
            .or_else(|_| rec.int(key, date).map(|f| Decimal::from(f.value)));
        return match limit {
            Ok(l) => yes(amount > l),
            Err(_) => Tri::Unknown,
        };
    }
    Tri::Unknown
}

/// Evaluates a pack condition on the facts (the parameters it reads are not
/// kept: use [`evaluate`] to cite them).
pub fn eval(c: &Condition, facts: &Facts, rules: &Rules<'_>, date: NaiveDate) -> Tri {
    evaluate(c, facts, &mut Recorder::new(rules, Lang::ZhCn), date)
}

/// The questions whose answers change `app`'s checklist, in catalog order.
pub fn questions_for(app: &ApplicationDef, defs: &[FactDef], lang: Lang) -> Vec<Question> {
    let mut ids: Vec<&'static str> = Vec::new();
    for r in &app.requirements {
        if let Some(c) = &r.when {
            collect_facts(c, &Facts::default(), &mut ids);
        }
    }
    defs.iter()
        .filter(|d| ids.contains(&d.id))
        .map(|d| d.question(lang))
        .collect()
}

/// Adds to `out` the condition facts `c` asks about that `facts` does not answer.
pub(crate) fn collect_facts(c: &Condition, facts: &Facts, out: &mut Vec<&'static str>) {
    if let Some(f) = &c.fact {
        if !facts.has(f) {
            if let Some(id) = crate::facts::condition_fact_ids().iter().find(|x| *x == f) {
                if !out.contains(id) {
                    out.push(id);
                }
            }
        }
    }
    for sub in c
        .all
        .iter()
        .flatten()
        .chain(c.any.iter().flatten())
        .chain(c.not.as_deref())
    {
        collect_facts(sub, facts, out);
    }
}
