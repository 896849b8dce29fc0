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
//! - **eligible** when every required criterion and every group is met;
//! - **undetermined** otherwise, with the missing facts ranked by how much they
//!   would settle: a fact of a required criterion can end the check by itself, so
//!   it weighs 2; a fact of a still-open group weighs 1; a fact used by several
//!   criteria adds up. Ties keep the rule's own question order.
//!
//! The `determinationId` is a stable hash of (program, facts, region, pack hash,
//! `asOf`): the same inputs under the same packs give the same id, whatever the
//! language, so staff can reproduce a citizen's result.

use crate::facts::{FactDef, Facts, Question};
use crate::pack::{Citation, PackStamp, ParamRef, Resolved, Rules};
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

/// One criterion's result.
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<ParamRef>,
    /// Facts that would settle this criterion, if unknown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_facts: Vec<String>,
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
    /// Warnings about the rules themselves (unsure national values, example packs).
    pub caveats: Vec<String>,
    /// Every parameter the verdict used.
    pub parameters: Vec<ParamRef>,
    pub citations: Vec<Citation>,
    pub as_of: NaiveDate,
    pub region: String,
    pub pack: PackStamp,
    pub determination_id: String,
    pub lang: Lang,
}

/// A criterion being built.
pub struct Check {
    id: String,
    label: Text,
    status: Status3,
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
            status: Status3::Unknown,
            reason: Text::new("", ""),
            actual: None,
            threshold: None,
            group: None,
            citation: None,
            params: Vec::new(),
            missing: Vec::new(),
        }
    }
    pub fn met(mut self, reason: Text) -> Check {
        self.status = Status3::Met;
        self.reason = reason;
        self
    }
    pub fn not_met(mut self, reason: Text) -> Check {
        self.status = Status3::NotMet;
        self.reason = reason;
        self
    }
    /// Unknown until `facts` are given.
    pub fn unknown(mut self, reason: Text, facts: &[&'static str]) -> Check {
        self.status = Status3::Unknown;
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
    /// Records a parameter used (and cites it if nothing else is cited).
    pub fn param(mut self, r: &Resolved<'_>, lang: Lang) -> Check {
        if self.citation.is_none() {
            self.citation = Some(r.entry.citation.clone());
        }
        self.params.push(r.to_ref(lang));
        self
    }
    pub fn status(&self) -> Status3 {
        self.status
    }
}

/// Builds a [`Determination`].
pub struct Verdict<'r> {
    program: String,
    lang: Lang,
    as_of: NaiveDate,
    rules: &'r Rules<'r>,
    checks: Vec<Check>,
    notes: Vec<Text>,
}

impl<'r> Verdict<'r> {
    pub fn new(program: &str, rules: &'r Rules<'r>, as_of: NaiveDate, lang: Lang) -> Verdict<'r> {
        Verdict {
            program: program.to_string(),
            lang,
            as_of,
            rules,
            checks: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn add(&mut self, check: Check) {
        self.checks.push(check);
    }

    /// A caveat shown with the result.
    pub fn note(&mut self, text: Text) {
        self.notes.push(text);
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
        let lang = self.lang;
        // A criterion only lacks the facts not given yet.
        for c in &mut self.checks {
            c.missing.retain(|f| !facts.has(f));
        }
        let outcome = outcome_of(&self.checks);
        // Early exit: once settled, unknown criteria are not needed.
        if outcome != Outcome::Undetermined {
            for c in &mut self.checks {
                if c.status == Status3::Unknown {
                    c.status = Status3::NotNeeded;
                    c.reason = Text::new(
                        format!(
                            "结论已经确定，不需要再判断此项（{}）。",
                            c.reason.zh.trim_end_matches('。')
                        ),
                        format!(
                            "Not needed: the outcome is already settled ({}).",
                            c.reason.en.trim_end_matches('.')
                        ),
                    );
                    c.missing.clear();
                }
            }
        }
        let missing = if outcome == Outcome::Undetermined {
            rank_missing(&self.checks, defs, lang)
        } else {
            Vec::new()
        };
        let mut parameters: Vec<ParamRef> = Vec::new();
        let mut citations: Vec<Citation> = Vec::new();
        for c in &self.checks {
            for p in &c.params {
                if !parameters
                    .iter()
                    .any(|q| q.key == p.key && q.effective_from == p.effective_from)
                {
                    parameters.push(p.clone());
                }
            }
            if let Some(cit) = &c.citation {
                if !citations.contains(cit) {
                    citations.push(cit.clone());
                }
            }
        }
        let stamp = self.rules.stamp();
        let mut caveats: Vec<String> = self.notes.iter().map(|n| n.get(lang).to_string()).collect();
        caveats.extend(crate::pack::caveats(&parameters, &stamp, lang));
        let id = determination_id(
            &self.program,
            facts,
            self.rules.region(),
            &stamp.hash,
            self.as_of,
        );
        Determination {
            program: self.program,
            outcome,
            summary: summary(outcome).get(lang).to_string(),
            criteria: self
                .checks
                .into_iter()
                .map(|c| Criterion {
                    id: c.id,
                    label: c.label.get(lang).to_string(),
                    status: c.status,
                    reason: c.reason.get(lang).to_string(),
                    actual: c.actual.map(|t| t.get(lang).to_string()),
                    threshold: c.threshold.map(|t| t.get(lang).to_string()),
                    group: c.group,
                    citation: c.citation,
                    parameters: c.params,
                    missing_facts: c.missing.iter().map(|s| s.to_string()).collect(),
                })
                .collect(),
            next_question: missing.first().map(|m| m.question.clone()),
            missing_facts: missing,
            caveats,
            parameters,
            citations,
            as_of: self.as_of,
            region: self.rules.region().to_string(),
            pack: stamp,
            determination_id: id,
            lang,
        }
    }
}

fn outcome_of(checks: &[Check]) -> Outcome {
    let mut groups: Vec<(&str, Vec<Status3>)> = Vec::new();
    let mut required = Vec::new();
    for c in checks {
        match &c.group {
            None => required.push(c.status),
            Some(g) => match groups.iter_mut().find(|(id, _)| id == g) {
                Some((_, v)) => v.push(c.status),
                None => groups.push((g.as_str(), vec![c.status])),
            },
        }
    }
    let group_status: Vec<Status3> = groups
        .iter()
        .map(|(_, v)| {
            if v.contains(&Status3::Met) {
                Status3::Met
            } else if v.iter().all(|s| *s == Status3::NotMet) {
                Status3::NotMet
            } else {
                Status3::Unknown
            }
        })
        .collect();
    let all = required.iter().chain(&group_status);
    let statuses: Vec<Status3> = all.copied().collect();
    if statuses.contains(&Status3::NotMet) {
        Outcome::Ineligible
    } else if statuses.iter().all(|s| *s == Status3::Met) {
        Outcome::Eligible
    } else {
        Outcome::Undetermined
    }
}

fn rank_missing(checks: &[Check], defs: &[FactDef], lang: Lang) -> Vec<MissingFact> {
    let open_group = |g: &str| {
        !checks
            .iter()
            .any(|c| c.group.as_deref() == Some(g) && c.status == Status3::Met)
    };
    let mut out: Vec<(usize, MissingFact)> = Vec::new();
    for c in checks.iter().filter(|c| c.status == Status3::Unknown) {
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
    out.sort_by(|a, b| b.1.weight.cmp(&a.1.weight).then(a.0.cmp(&b.0)));
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
    let input = serde_json::json!({
        "program": program,
        "facts": facts.as_json(),
        "region": region,
        "pack": pack_hash,
        "asOf": as_of.to_string(),
    });
    let digest = Sha256::digest(input.to_string().as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("zc-{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(status: Status3, group: Option<&str>) -> Check {
        let mut c = Check::new("x", Text::new("x", "x"));
        c.status = status;
        c.group = group.map(str::to_string);
        c
    }

    #[test]
    fn outcome_follows_all_and_any_groups() {
        use Status3::*;
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
}
