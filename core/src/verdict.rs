//! Explained verdicts (判定): eligible, ineligible, or undetermined with the facts
//! still missing, and every criterion with its values, threshold, reason and
//! citation. Never a bare bool.
//!
//! A rule adds criteria to a [`Verdict`] builder and calls [`Verdict::finish`].
//! Criteria without a group must all be met; criteria sharing a `group` are
//! alternatives ("any one of"), and the group is met when one is. The outcome:
//! - **ineligible** as soon as one required criterion, or every alternative of a
//!   group, is not met. Unknown criteria are then marked `notNeeded` and nothing
//!   more is asked (early exit);
//! - an unknown alternative of a group that another alternative already meets
//!   is `notNeeded` too, whatever the outcome, in every program alike;
//! - **eligible** when every required criterion and every group is met;
//! - **undetermined** otherwise, with the missing facts ranked by how much they
//!   would settle: a fact of a required criterion can end the check by itself, so
//!   it weighs 2; a fact of a still-open group weighs 1; a fact used by several
//!   criteria adds up. Ties keep the rule's own question order.
//!
//! The outcome is three-valued logic ([`Tri`]): all of (every required
//! criterion, and any of each group).
//!
//! A rule reads its figures through the verdict (`v.int(key)`, `v.decimal(key)`…,
//! on the verdict's date) and its clauses by id (`v.clause(id)`, from the packs'
//! citation table), so every parameter and citation it uses is recorded in the
//! result's sourced part; a [`Check`] lists the [`Figure`]s it compares with.
//!
//! The `determinationId` is a stable hash of (program, facts, region, pack hash,
//! `asOf`): the same inputs under the same packs give the same id, whatever the
//! language, so staff can reproduce a citizen's result.

use crate::facts::{FactDef, Facts, Question};
use crate::logic::Tri;
use crate::pack::{Citation, Figure, ParamRef, Recorder, Resolved, RuleError, Rules, Sourced};
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The overall answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    Eligible,
    Ineligible,
    Undetermined,
}

impl From<Tri> for Outcome {
    fn from(t: Tri) -> Outcome {
        match t {
            Tri::Yes => Outcome::Eligible,
            Tri::No => Outcome::Ineligible,
            Tri::Unknown => Outcome::Undetermined,
        }
    }
}

/// One criterion's result, as reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Status3 {
    Met,
    NotMet,
    Unknown,
    /// Not needed: the outcome was already settled without it.
    NotNeeded,
}

/// A criterion as reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    pub id: String,
    pub label: String,
    pub status: Status3,
    /// Why, in plain words, with the values compared.
    pub reason: String,
    /// The person's value, as compared ("41岁", "2025-03").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// What it is compared with ("≥ 40岁").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<String>,
    /// Alternatives share a group id; the group needs one of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "crate::pack::cited_parameters"
    )]
    pub parameters: Vec<ParamRef>,
    /// Facts that would settle this criterion, if unknown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_facts: Vec<String>,
    /// Answers it uses that are possible but suspicious (an age over a
    /// hundred, an income in the millions a month): check them before relying
    /// on the result. See [`crate::facts::plausibility`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A fact still needed, with its question and how much it would settle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MissingFact {
    #[serde(flatten)]
    pub question: Question,
    /// Higher settles more (see the module docs).
    pub weight: u32,
    /// The criteria it would settle.
    pub criteria: Vec<String>,
}

/// An explained verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Determination {
    pub program: String,
    pub outcome: Outcome,
    /// One sentence: the outcome and the main reason.
    pub summary: String,
    pub criteria: Vec<Criterion>,
    /// Ranked: ask the first one next.
    pub missing_facts: Vec<MissingFact>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_question: Option<Question>,
    /// Every citation and parameter the verdict used, the caveats they call for
    /// (unsure values and clauses, example packs, the rule's own notes) and the
    /// pack stamp.
    #[serde(flatten)]
    pub sourced: Sourced,
    pub as_of: NaiveDate,
    pub region: String,
    pub determination_id: String,
    pub lang: Lang,
}

/// A criterion being built.
pub struct Check {
    id: String,
    label: Text,
    /// Met (yes), not met (no) or unknown.
    status: Tri,
    reason: Text,
    actual: Option<Text>,
    threshold: Option<Text>,
    group: Option<String>,
    citation: Option<Citation>,
    params: Vec<ParamRef>,
    missing: Vec<&'static str>,
}

impl Check {
    pub fn new(id: &str, label: Text) -> Check {
        Check {
            id: id.to_string(),
            label,
            status: Tri::Unknown,
            reason: t!("", ""),
            actual: None,
            threshold: None,
            group: None,
            citation: None,
            params: Vec::new(),
            missing: Vec::new(),
        }
    }
    pub fn met(mut self, reason: Text) -> Check {
        self.status = Tri::Yes;
        self.reason = reason;
        self
    }
    pub fn not_met(mut self, reason: Text) -> Check {
        self.status = Tri::No;
        self.reason = reason;
        self
    }
    /// Unknown until `facts` are given.
    pub fn unknown(mut self, reason: Text, facts: &[&'static str]) -> Check {
        self.status = Tri::Unknown;
        self.reason = reason;
        self.missing = facts.to_vec();
        self
    }
    /// Met or not by `ok`.
    pub fn decide(self, ok: bool, if_met: Text, if_not: Text) -> Check {
        if ok {
            self.met(if_met)
        } else {
            self.not_met(if_not)
        }
    }
    pub fn compared(mut self, actual: Text, threshold: Text) -> Check {
        self.actual = Some(actual);
        self.threshold = Some(threshold);
        self
    }
    pub fn group(mut self, group: &str) -> Check {
        self.group = Some(group.to_string());
        self
    }
    pub fn cite(mut self, citation: Citation) -> Check {
        self.citation = Some(citation);
        self
    }
    /// Lists a parameter the criterion compares with (read through the
    /// verdict, so already recorded), and cites it if nothing else is cited.
    pub fn figure<T>(mut self, f: &Figure<T>) -> Check {
        self.keep(&f.param);
        self
    }
    /// Lists a parameter resolved without the verdict (recorded when the
    /// check is added).
    pub fn param(mut self, r: &Resolved<'_>, lang: Lang) -> Check {
        self.keep(&r.to_ref(lang));
        self
    }
    fn keep(&mut self, p: &ParamRef) {
        if self.citation.is_none() {
            self.citation = Some(p.citation.clone());
        }
        if !self
            .params
            .iter()
            .any(|q| q.key == p.key && q.effective_from == p.effective_from)
        {
            self.params.push(p.clone());
        }
    }
    /// Met, not met or unknown so far.
    pub fn state(&self) -> Tri {
        self.status
    }
    pub fn status(&self) -> Status3 {
        match self.status {
            Tri::Yes => Status3::Met,
            Tri::No => Status3::NotMet,
            Tri::Unknown => Status3::Unknown,
        }
    }
}

/// Builds a [`Determination`]: the rules, date and language of the check, the
/// criteria so far, and a [`Recorder`] of every parameter and clause read.
pub struct Verdict<'r> {
    program: String,
    as_of: NaiveDate,
    rec: Recorder<'r>,
    checks: Vec<Check>,
}

impl<'r> Verdict<'r> {
    pub fn new(program: &str, rules: &'r Rules<'r>, as_of: NaiveDate, lang: Lang) -> Verdict<'r> {
        Verdict {
            program: program.to_string(),
            as_of,
            rec: Recorder::new(rules, lang),
            checks: Vec::new(),
        }
    }

    pub fn rules(&self) -> &'r Rules<'r> {
        self.rec.rules()
    }

    /// The date the verdict is for.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    pub fn lang(&self) -> Lang {
        self.rec.lang()
    }

    /// The recorder, for readings on another date than `as_of`.
    pub fn recorder(&mut self) -> &mut Recorder<'r> {
        &mut self.rec
    }

    /// A months, count or bp parameter in force on the verdict's date, recorded.
    pub fn int(&mut self, key: &'r str) -> Result<Figure<i64>, RuleError> {
        self.rec.int(key, self.as_of)
    }

    /// A yuan, percent or years parameter, recorded.
    pub fn decimal(&mut self, key: &'r str) -> Result<Figure<rust_decimal::Decimal>, RuleError> {
        self.rec.decimal(key, self.as_of)
    }

    pub fn ratio(&mut self, key: &'r str) -> Result<Figure<crate::money::Ratio>, RuleError> {
        self.rec.ratio(key, self.as_of)
    }

    pub fn list(&mut self, key: &'r str) -> Result<Figure<Vec<String>>, RuleError> {
        self.rec.list(key, self.as_of)
    }

    pub fn flag(&mut self, key: &'r str) -> Result<Figure<bool>, RuleError> {
        self.rec.flag(key, self.as_of)
    }

    /// A parameter that local packs may leave out: `None` when no pack has a
    /// value in force (nothing is recorded then).
    pub fn optional<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<Figure<T>, RuleError>,
    ) -> Result<Option<Figure<T>>, RuleError> {
        match read(self) {
            Ok(f) => Ok(Some(f)),
            Err(RuleError::NoValue { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The clause `id` of the packs' citation table, recorded (with a caveat if
    /// it is unsure), for a criterion to cite.
    pub fn clause(&mut self, id: &str) -> Result<Citation, RuleError> {
        let clause = self.rules().clause(id)?;
        let c = clause.citation().shown(self.rec.lang());
        self.rec.cite(&c);
        if let Some(caveat) = clause.caveat() {
            self.rec.note(caveat);
        }
        Ok(c)
    }

    /// Adds a criterion, recording its citation and parameters.
    pub fn add(&mut self, check: Check) {
        if let Some(c) = &check.citation {
            self.rec.cite(c);
        }
        for p in &check.params {
            self.rec.keep(p);
            self.rec.cite_shown(&p.citation);
        }
        self.checks.push(check);
    }

    /// A caveat shown with the result.
    pub fn note(&mut self, text: Text) {
        self.rec.note(text);
    }

    /// The outcome so far (for rules that stop adding criteria once settled).
    pub fn outcome(&self) -> Outcome {
        outcome_of(&self.checks)
    }

    /// Finishes the verdict. `defs` supplies the questions for missing facts;
    /// `summary` gives the one-line summary for an outcome.
    pub fn finish(
        mut self,
        facts: &Facts,
        defs: &[FactDef],
        summary: impl Fn(Outcome) -> Text,
    ) -> Determination {
        let lang = self.lang();
        // A criterion only lacks the facts not given yet.
        for c in &mut self.checks {
            c.missing.retain(|f| !facts.has(f));
        }
        let outcome = outcome_of(&self.checks);
        let settled = outcome != Outcome::Undetermined;
        let missing = if settled {
            Vec::new()
        } else {
            rank_missing(&self.checks, defs, lang)
        };
        let rules = self.rules();
        let region_code = rules.region();
        // The sourced part once: its pack stamp is the one the id hashes.
        let sourced = self.rec.finish();
        let id = determination_id(
            &self.program,
            facts,
            region_code,
            &sourced.pack.hash,
            self.as_of,
        );
        let region = region_code.to_string();
        let met_groups: Vec<String> = self
            .checks
            .iter()
            .filter(|c| c.status == Tri::Yes)
            .filter_map(|c| c.group.clone())
            .collect();
        let criteria = self
            .checks
            .into_iter()
            .map(|c| {
                let mut status = c.status();
                let mut reason = c.reason;
                let mut missing_facts: Vec<String> =
                    c.missing.iter().map(|s| s.to_string()).collect();
                // Early exit: once settled, unknown criteria are not needed;
                // nor is an alternative once another of its group is met,
                // whatever the outcome.
                if status == Status3::Unknown {
                    let alternative_met = c.group.as_ref().is_some_and(|g| met_groups.contains(g));
                    let why = if alternative_met {
                        Some(t!(
                            "不需要判断此项：同组的另一项条件已经符合，符合其中一项即可。",
                            "Not needed: another condition of the same group is already met, and one of them is enough.",
                        ))
                    } else if settled {
                        Some(t!(
                            "不需要判断此项：已有条件不符合，结论已经确定。",
                            "Not needed: a condition is not met, so the outcome is already settled.",
                        ))
                    } else {
                        None
                    };
                    if let Some(why) = why {
                        status = Status3::NotNeeded;
                        reason = why;
                        missing_facts.clear();
                    }
                }
                Criterion {
                    id: c.id,
                    label: c.label.get(lang).to_string(),
                    status,
                    reason: reason.get(lang).to_string(),
                    actual: c.actual.map(|t| t.get(lang).to_string()),
                    threshold: c.threshold.map(|t| t.get(lang).to_string()),
                    group: c.group,
                    citation: c.citation,
                    parameters: c.params,
                    missing_facts,
                    warnings: Vec::new(),
                }
            })
            .collect();
        Determination {
            program: self.program,
            outcome,
            summary: summary(outcome).get(lang).to_string(),
            criteria,
            next_question: missing.first().map(|m: &MissingFact| m.question.clone()),
            missing_facts: missing,
            sourced,
            as_of: self.as_of,
            region,
            determination_id: id,
            lang,
        }
    }
}

/// Required criteria must all be met; each group of alternatives needs one.
fn outcome_of(checks: &[Check]) -> Outcome {
    let mut groups: Vec<&str> = Vec::new();
    for g in checks.iter().filter_map(|c| c.group.as_deref()) {
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    let required = checks
        .iter()
        .filter(|c| c.group.is_none())
        .map(|c| c.status);
    let alternatives = groups.iter().map(|g| {
        Tri::any(
            checks
                .iter()
                .filter(|c| c.group.as_deref() == Some(*g))
                .map(|c| c.status),
        )
    });
    Tri::all(required.chain(alternatives)).into()
}

fn rank_missing(checks: &[Check], defs: &[FactDef], lang: Lang) -> Vec<MissingFact> {
    let open_group = |g: &str| {
        !checks
            .iter()
            .any(|c| c.group.as_deref() == Some(g) && c.status == Tri::Yes)
    };
    let mut out: Vec<(usize, MissingFact)> = Vec::new();
    for c in checks.iter().filter(|c| c.status == Tri::Unknown) {
        let weight = match &c.group {
            None => 2,
            Some(g) if open_group(g) => 1,
            Some(_) => continue,
        };
        for fact in &c.missing {
            if let Some((_, m)) = out.iter_mut().find(|(_, m)| m.question.fact == *fact) {
                m.weight += weight;
                if !m.criteria.contains(&c.id) {
                    m.criteria.push(c.id.clone());
                }
                continue;
            }
            let order = defs
                .iter()
                .position(|d| d.id == *fact)
                .unwrap_or(usize::MAX);
            let question = defs
                .iter()
                .find(|d| d.id == *fact)
                .map(|d| d.question(lang))
                .unwrap_or_else(|| Question {
                    fact: fact.to_string(),
                    question: fact.to_string(),
                    hint: None,
                    kind: crate::facts::FactKind::Text,
                });
            out.push((
                order,
                MissingFact {
                    question,
                    weight,
                    criteria: vec![c.id.clone()],
                },
            ));
        }
    }
    crate::sort::sort_by(&mut out, |a, b| {
        b.1.weight.cmp(&a.1.weight).then(a.0.cmp(&b.0))
    });
    out.into_iter().map(|(_, m)| m).collect()
}

/// A stable id for (program, facts, region, packs, date).
pub fn determination_id(
    program: &str,
    facts: &Facts,
    region: &str,
    pack_hash: &str,
    as_of: NaiveDate,
) -> String {
    /// The hashed text: a JSON object with its keys in sorted order (as
    /// `serde_json::Value` writes one), the facts borrowed, not copied.
    #[derive(Serialize)]
    struct Input<'a> {
        #[serde(rename = "asOf")]
        as_of: String,
        facts: &'a serde_json::Map<String, serde_json::Value>,
        pack: &'a str,
        program: &'a str,
        region: &'a str,
    }
    let input = Input {
        as_of: as_of.to_string(),
        facts: facts.as_map(),
        pack: pack_hash,
        program,
        region,
    };
    let text = serde_json::to_vec(&input).unwrap_or_default();
    let digest = Sha256::digest(&text);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(19);
    id.push_str("zc-");
    for b in digest.iter().take(8) {
        id.push(HEX[usize::from(b >> 4)] as char);
        id.push(HEX[usize::from(b & 15)] as char);
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id is the hash of the one JSON text `serde_json::json!` writes for
    /// (program, facts, region, pack, asOf): ids stay what they were.
    #[test]
    fn determination_ids_hash_the_json_of_the_inputs() {
        let facts = serde_json::json!({
            "birthDate": "1990-05-10", "sex": "male", "monthsReceived": 0, "income": "3000.50",
            "household": [{ "relation": "配偶", "workingAge": true, "status": "unemployed" }],
            "quote\"d": "line\nbreak"
        });
        let facts = Facts::from_map(facts.as_object().unwrap().clone());
        let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let input = serde_json::json!({
            "program": "difficultPerson",
            "facts": facts.as_json(),
            "region": "440300",
            "pack": "abc123",
            "asOf": day.to_string(),
        });
        let digest = Sha256::digest(input.to_string().as_bytes());
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            determination_id("difficultPerson", &facts, "440300", "abc123", day),
            format!("zc-{hex}")
        );
    }

    fn c(status: Tri, group: Option<&str>) -> Check {
        let mut c = Check::new("x", t!("x", "x"));
        c.status = status;
        c.group = group.map(str::to_string);
        c
    }

    #[test]
    fn outcome_follows_all_and_any_groups() {
        use Tri::{No as NotMet, Unknown, Yes as Met};
        assert_eq!(
            outcome_of(&[c(Met, None), c(Met, Some("g")), c(NotMet, Some("g"))]),
            Outcome::Eligible
        );
        assert_eq!(
            outcome_of(&[c(Met, None), c(NotMet, Some("g")), c(NotMet, Some("g"))]),
            Outcome::Ineligible
        );
        assert_eq!(
            outcome_of(&[c(Unknown, None), c(NotMet, None)]),
            Outcome::Ineligible
        );
        assert_eq!(
            outcome_of(&[c(Met, None), c(Unknown, Some("g")), c(NotMet, Some("g"))]),
            Outcome::Undetermined
        );
        assert_eq!(outcome_of(&[]), Outcome::Eligible);
    }

    /// An alternative whose group is already met is not needed, even while
    /// the outcome is still open, and is not asked.
    #[test]
    fn an_alternative_of_a_met_group_is_not_needed_while_undetermined() {
        let packs = crate::pack::PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let mut v = Verdict::new("x", &rules, day, Lang::En);
        v.add(Check::new("a", t!("a", "a")).group("g").met(t!("", "")));
        v.add(
            Check::new("b", t!("b", "b"))
                .group("g")
                .unknown(t!("", ""), &["b"]),
        );
        v.add(Check::new("c", t!("c", "c")).unknown(t!("", ""), &["c"]));
        let d = v.finish(&Facts::default(), &[], |_| t!("", ""));
        assert_eq!(d.outcome, Outcome::Undetermined);
        assert_eq!(d.criteria[1].status, Status3::NotNeeded);
        assert!(d.criteria[1].missing_facts.is_empty());
        assert!(d.criteria[1]
            .reason
            .starts_with("Not needed: another condition"));
        assert_eq!(d.criteria[2].status, Status3::Unknown);
        let asked: Vec<&str> = d
            .missing_facts
            .iter()
            .map(|m| m.question.fact.as_str())
            .collect();
        assert_eq!(asked, ["c"]);
    }

    #[test]
    fn figures_and_clauses_read_through_the_verdict_are_recorded() {
        let packs = crate::pack::PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let mut v = Verdict::new("x", &rules, day, Lang::ZhCn);
        let max = v.int("jobSeeking.subsidy.maxTimes").unwrap();
        let clause = v.clause("startup.oneTimeSubsidy").unwrap();
        v.add(Check::new("a", t!("a", "a")).figure(&max).met(t!("", "")));
        v.add(
            Check::new("b", t!("b", "b"))
                .cite(clause.clone())
                .met(t!("", "")),
        );
        assert!(v.clause("no.such.clause").is_err());
        let d = v.finish(&Facts::default(), &[], |_| t!("", ""));
        assert_eq!(d.outcome, Outcome::Eligible);
        assert_eq!(d.sourced.parameters[0].key, "jobSeeking.subsidy.maxTimes");
        assert!(d.sourced.citations.contains(&clause));
        assert_eq!(d.criteria[0].citation.as_ref(), Some(&max.param.citation));
        // The clause is unsure in the table, the count unsure in the pack.
        assert_eq!(d.sourced.caveats.len(), 2, "{:?}", d.sourced.caveats);
        assert!(d.sourced.caveats[0].contains("国发〔2017〕28号"));
    }
}
