//! The policy finder (政策找人): one questionnaire for every program.
//!
//! A person does not know which program to try, so the finder starts from the
//! person: it evaluates every program of [`eligibility::programs`] (or a
//! subset) with [`eligibility::check`] on the same answers, and asks one
//! combined next question.
//!
//! - **One vocabulary.** The answers are keyed by the finder's fact ids. Most
//!   are the programs' own (`birthDate`, `registeredUnemployed`,
//!   `recognisedDifficult`… are asked once for all). Where programs use one id
//!   for different things, or different ids for one thing, [`ALIASES`] renames
//!   a program's fact: the three one-time subsidies each count their own
//!   receipts (`startupTimesReceived`, `jobSeekingTimesReceived`,
//!   `trainingTimesReceived` for their `timesReceived`), the employer's
//!   programs ask about the enterprise or the person placed
//!   (`enterpriseSubsidisedLoansSoFar`, `placedBirthDate`…), and flexible
//!   retirement's `track` is the answers to `sex` and `womanTrack` the other
//!   programs ask. Each program is checked on its own facts, in its own
//!   vocabulary ([`ProgramFinding::answers`]): what `checkEligibility` gives
//!   for those answers is what the finder reports, and a program widget opened
//!   with them asks nothing again.
//! - **A problem stays in its program.** An answer one program cannot accept
//!   (a plausibility problem on its own facts) is reported for that program,
//!   which is then neither counted as open nor asked about; the others go on.
//!   An answer no program asks is a problem of the whole finding.
//! - **The next question** is the unanswered fact that settles most: each open
//!   program ranks its missing facts (see [`crate::verdict`]: 2 for a required
//!   criterion, 1 for an open group), the finder adds the weights up across
//!   programs, and ties keep the vocabulary's order (the programs' order, then
//!   each program's question order).
//! - **What each program gives and how to apply**: figures only from the
//!   packs (subsidy months, share and cap; the loan cap, term and subsidy
//!   regime from a [`crate::loan`] quote; one-time amounts, or "set locally"
//!   where the pack has none), the procedure from the pack's `procedure.*`
//!   texts (the steps the seeds describe) and the time limits the packs set,
//!   each cited. The materials of every likely application
//!   ([`crate::materials::check_materials`] on its answers) are merged into one
//!   list, one entry per document, naming the applications it serves.
//!
//! ```
//! use chrono::NaiveDate;
//! use zhuchuang_core::finder::{find_programs, Standing};
//! use zhuchuang_core::pack::PackSet;
//! let packs = PackSet::embedded().unwrap();
//! let rules = packs.rules("000000").unwrap();
//! let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
//! let f = find_programs(&serde_json::json!({}), &rules, day, Default::default(), None).unwrap();
//! assert_eq!(f.counts.open, f.programs.len());
//! assert!(f.programs.iter().all(|p| p.standing == Standing::Open));
//! // One answer serves every program that asks it.
//! let facts = serde_json::json!({ "birthDate": "1970-05-01", "sex": "male" });
//! let f = find_programs(&facts, &rules, day, Default::default(), None).unwrap();
//! let retirement = f.programs.iter().find(|p| p.program == "flexibleRetirement").unwrap();
//! assert_eq!(retirement.answers["track"], "male");
//! assert_ne!(f.next_question.unwrap().fact, "birthDate");
//! ```

use crate::eligibility::{self, CheckError, Program};
use crate::facts::{FactDef, FactProblem, Facts, Question};
use crate::loan::{self, Borrower, QuoteInput, Repayment};
use crate::materials;
use crate::pack::{Citation, Figure, Recorder, RuleError, Rules, Sourced};
use crate::text::{Lang, Text};
use crate::verdict::{Determination, Outcome, Status3};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

/// A program's fact under another id in the finder.
pub struct Alias {
    pub program: &'static str,
    /// The program's own fact id.
    pub fact: &'static str,
    /// The finder's id for it.
    pub finder: &'static str,
    /// The question in the finder's words, where the program's own would be
    /// unclear beside the other programs' ("this subsidy").
    pub question: Option<(&'static str, &'static str)>,
}

/// Every renamed fact (see the module docs).
pub const ALIASES: &[Alias] = &[
    // Each one-time subsidy counts its own receipts.
    Alias {
        program: "startupSubsidy",
        fact: "timesReceived",
        finder: "startupTimesReceived",
        question: None,
    },
    Alias {
        program: "jobSeekingSubsidy",
        fact: "timesReceived",
        finder: "jobSeekingTimesReceived",
        question: None,
    },
    Alias {
        program: "trainingSubsidy",
        fact: "timesReceived",
        finder: "trainingTimesReceived",
        question: None,
    },
    // The flexible-employment subsidy's own months and approval.
    Alias {
        program: "flexibleEmploymentSubsidy",
        fact: "monthsReceived",
        finder: "monthsReceived",
        question: Some((
            "您已经享受灵活就业社会保险补贴多少个月？",
            "For how many months have you already received the flexible-employment social insurance subsidy?",
        )),
    },
    Alias {
        program: "flexibleEmploymentSubsidy",
        fact: "firstApprovedOn",
        finder: "firstApprovedOn",
        question: Some((
            "您的灵活就业社会保险补贴第一次核定是哪一天？",
            "On what date was your flexible-employment social insurance subsidy first approved?",
        )),
    },
    // Two programs ask "which group are you in?" of different lists.
    Alias {
        program: "loanIndividual",
        fact: "loanGroup",
        finder: "loanGroup",
        question: Some((
            "申请创业担保贷款时，您属于哪一类人员？",
            "For a guaranteed loan, which group are you in?",
        )),
    },
    Alias {
        program: "trainingSubsidy",
        fact: "traineeGroup",
        finder: "traineeGroup",
        question: Some((
            "申请创业培训补贴时，您属于哪一类人员？",
            "For the entrepreneurship training subsidy, which group are you in?",
        )),
    },
    // The employer's programs: the enterprise, or the person placed.
    Alias {
        program: "loanEnterprise",
        fact: "subsidisedLoansSoFar",
        finder: "enterpriseSubsidisedLoansSoFar",
        question: Some((
            "企业此前享受过几次创业担保贷款贴息？",
            "How many subsidised guaranteed loans has the enterprise had before?",
        )),
    },
    Alias {
        program: "publicWelfarePostSubsidy",
        fact: "birthDate",
        finder: "placedBirthDate",
        question: None,
    },
    Alias {
        program: "publicWelfarePostSubsidy",
        fact: "sex",
        finder: "placedSex",
        question: None,
    },
    Alias {
        program: "publicWelfarePostSubsidy",
        fact: "womanTrack",
        finder: "placedWomanTrack",
        question: None,
    },
    Alias {
        program: "publicWelfarePostSubsidy",
        fact: "firstApprovedOn",
        finder: "placedFirstApprovedOn",
        question: Some((
            "该人员的公益性岗位补贴第一次核定是哪一天？",
            "On what date was the post subsidy for this person first approved?",
        )),
    },
];

/// Flexible retirement asks one `track` where the other programs ask `sex`
/// and `womanTrack`: the finder asks those and derives it.
const RETIREMENT: &str = "flexibleRetirement";

fn alias(program: &str, fact: &str) -> Option<&'static Alias> {
    ALIASES
        .iter()
        .find(|a| a.program == program && a.fact == fact)
}

/// The finder's id of `program`'s fact `fact`, given the answers so far
/// (flexible retirement's `track` is `sex` until that is answered female,
/// then `womanTrack`).
pub fn finder_fact<'a>(program: &str, fact: &'a str, answers: &Map<String, Value>) -> &'a str {
    if program == RETIREMENT && fact == "track" {
        return match answers.get("sex").and_then(Value::as_str) {
            Some("female") => "womanTrack",
            _ => "sex",
        };
    }
    alias(program, fact).map_or(fact, |a| a.finder)
}

/// The finder's questions: every program's, each once, renamed by
/// [`ALIASES`], in the programs' order (flexible retirement's `track` is
/// asked as `sex` and `womanTrack`).
pub fn vocabulary(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    let all = eligibility::programs();
    let defs: Vec<Vec<FactDef>> = all.iter().map(|p| (p.facts)(rules, date)).collect();
    vocabulary_of(&all, &defs)
}

/// [`vocabulary`] from the programs' questions in hand.
fn vocabulary_of(programs: &[Program], defs: &[Vec<FactDef>]) -> Vec<FactDef> {
    let mut out: Vec<FactDef> = Vec::new();
    for (p, defs) in programs.iter().zip(defs) {
        for d in defs {
            if p.id == RETIREMENT && d.id == "track" {
                continue;
            }
            let (id, question) = match alias(p.id, d.id) {
                Some(a) => (
                    a.finder,
                    a.question
                        .map(|(zh, en)| Text::new(zh.to_string(), en.to_string())),
                ),
                None => (d.id, None),
            };
            if out.iter().any(|o| o.id == id) {
                continue;
            }
            let question = question.unwrap_or_else(|| d.question.clone());
            out.push(FactDef {
                id,
                question,
                ..d.clone()
            });
        }
    }
    out
}

/// The answers in `program`'s own vocabulary: what `checkEligibility` and the
/// program's widget take.
pub fn program_answers(program: &str, defs: &[FactDef], answers: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    for d in defs {
        if program == RETIREMENT && d.id == "track" {
            let track = match answers.get("sex").and_then(Value::as_str) {
                Some("male") => Some(Value::String("male".into())),
                Some("female") => answers.get("womanTrack").cloned(),
                _ => None,
            };
            if let Some(t) = track {
                out.insert("track".into(), t);
            }
            continue;
        }
        let id = alias(program, d.id).map_or(d.id, |a| a.finder);
        if let Some(v) = answers.get(id) {
            out.insert(d.id.to_string(), v.clone());
        }
    }
    Value::Object(out)
}

/// Where a program stands with the answers so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Standing {
    /// Every condition met on the answers given.
    Likely,
    /// Still open: more answers are needed.
    Open,
    /// A condition is not met.
    RuledOut,
    /// An answer this program cannot use; see `problems`.
    Problem,
}

/// An answer the finder or a program cannot use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FinderProblem {
    /// The finder's fact id (empty when the problem is not one answer's).
    pub fact: String,
    /// As `checkEligibility`'s fact problems (`unknownFact`, `wrongType`,
    /// `implausible`…), or `rules` when the packs lack a figure.
    pub code: String,
    pub message: String,
}

/// What a program would give, from the packs and the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum GivesKind {
    /// A subsidy paid month by month, for a number of months.
    MonthlySubsidy,
    /// A guaranteed loan: cap, term, interest subsidy.
    Loan,
    /// A one-time amount.
    OneTime,
    /// The amount is set locally and no pack in force has it.
    SetLocally,
    /// Services or a post rather than money.
    Services,
}

/// What a program would give.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Gives {
    pub kind: GivesKind,
    /// One sentence with the figures.
    pub summary: String,
    /// Further lines (what is left, what it depends on).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
}

/// How to apply: the procedure's steps and the time limits the packs set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct NextSteps {
    pub steps: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub time_limits: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
}

/// A program's determination as `checkEligibility` gives it, in brief: the
/// outcome, the criteria (each with its reason, values and citation; the
/// parameters they compare with are in the finding's sources, as every other
/// source: [`Finding::sourced`]) and the determination id, by which
/// `checkEligibility` on the program's `answers` gives the whole of it. Its
/// missing facts are in the finding's, summed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProgramVerdict {
    pub outcome: Outcome,
    pub summary: String,
    pub criteria: Vec<crate::verdict::Criterion>,
    pub determination_id: String,
}

impl ProgramVerdict {
    /// The determination's parts a finding shows (its sources go to the finding).
    pub fn of(d: Determination) -> ProgramVerdict {
        let mut criteria = d.criteria;
        for c in &mut criteria {
            c.parameters.clear();
        }
        ProgramVerdict {
            outcome: d.outcome,
            summary: d.summary,
            criteria,
            determination_id: d.determination_id,
        }
    }
}

/// One program in the finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProgramFinding {
    pub program: String,
    pub title: String,
    pub standing: Standing,
    /// The determination's one-line summary, or the problem.
    pub summary: String,
    /// Ruled out: the first condition not met, in one line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why_not: Option<String>,
    /// Open: the question that would settle this program soonest (its own
    /// next question, under the finder's id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settling_question: Option<Question>,
    /// The answers in this program's own vocabulary, for `checkEligibility`
    /// and the program's widget.
    #[cfg_attr(feature = "schema", schemars(with = "serde_json::Map<String, Value>"))]
    pub answers: Value,
    /// The `checkMaterials` application type, if the program has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    /// What `checkEligibility` gives for `answers`, its sources in the
    /// finding's (absent with a problem).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub determination: Option<ProgramVerdict>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<FinderProblem>,
    /// Likely or open: what it would give.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gives: Option<Gives>,
    /// Likely or open: how to apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_steps: Option<NextSteps>,
}

/// How many programs stand where.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub likely: usize,
    pub open: usize,
    pub ruled_out: usize,
    pub problems: usize,
}

/// A fact still missing, summed across the open programs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FinderMissingFact {
    #[serde(flatten)]
    pub question: Question,
    /// The sum of the programs' weights for it.
    pub weight: u32,
    /// The open programs it would help settle.
    pub programs: Vec<String>,
}

/// One document of the merged materials list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MergedMaterial {
    pub material: String,
    pub name: String,
    pub issuer: String,
    /// How to bring it ("原件及复印件1份"): the most any application asks.
    pub how: String,
    pub key: bool,
    /// When it is needed only in a case not decided yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// The applications (program titles) it serves.
    pub applications: Vec<String>,
    pub citation: Citation,
    #[serde(skip)]
    quantity: u32,
}

/// The finder's answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Every program asked for, in the portal's order.
    pub programs: Vec<ProgramFinding>,
    pub counts: Counts,
    /// One line: "you may qualify for N programs, M are ruled out, K still open".
    pub summary: String,
    /// Ranked: ask the first one next.
    pub missing_facts: Vec<FinderMissingFact>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_question: Option<Question>,
    /// What to bring for the likely applications, one entry per document.
    pub materials: Vec<MergedMaterial>,
    /// Answers no program asks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<FinderProblem>,
    /// Every citation and parameter of the programs' results, what they give
    /// and how to apply; their caveats; the pack stamp.
    #[serde(flatten)]
    pub sourced: Sourced,
    pub as_of: NaiveDate,
    pub region: String,
    pub lang: Lang,
}

fn problem(
    p: &FactProblem,
    program: &str,
    answers: &Map<String, Value>,
    lang: Lang,
) -> FinderProblem {
    let fact = if p.fact.is_empty() {
        String::new()
    } else {
        finder_fact(program, &p.fact, answers).to_string()
    };
    FinderProblem {
        fact,
        code: p.code.clone(),
        message: p.message.get(lang).to_string(),
    }
}

/// Evaluates every program (or those of `subset`, in the portal's order) on
/// the finder's `facts` (see the module docs).
///
/// Errors: a program in `subset` that does not exist, answers that are not an
/// object; anything else is reported in the finding.
pub fn find_programs(
    facts: &Value,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
    subset: Option<&[String]>,
) -> Result<Finding, CheckError> {
    let all = eligibility::programs();
    if let Some(ids) = subset {
        for id in ids {
            if !all.iter().any(|p| p.id == id) {
                return Err(CheckError::UnknownProgram(id.clone()));
            }
        }
    }
    let answers = match facts {
        Value::Object(m) => m.clone(),
        Value::Null => Map::new(),
        other => {
            return Err(CheckError::Facts(
                Facts::parse(other, &[]).err().unwrap_or_default(),
            ))
        }
    };
    let stamp = rules.stamp().hash;
    let cached = questions(&all, rules, &stamp, as_of);
    let (all_defs, vocab) = (&cached.0, &cached.1);
    let (chosen, program_defs): (Vec<&Program>, Vec<&Vec<FactDef>>) = all
        .iter()
        .zip(all_defs)
        .filter(|(p, _)| subset.is_none_or(|ids| ids.iter().any(|i| i == p.id)))
        .unzip();
    // Answers no chosen program asks (sex and womanTrack count for retirement).
    let mut problems = Vec::new();
    for key in answers.keys() {
        let asked = chosen.iter().zip(&program_defs).any(|(p, defs)| {
            defs.iter().any(|d| {
                let own = alias(p.id, d.id).map_or(d.id, |a| a.finder) == key;
                own || (p.id == RETIREMENT
                    && d.id == "track"
                    && (key == "sex" || key == "womanTrack"))
            })
        });
        if !asked {
            problems.push(FinderProblem {
                fact: key.clone(),
                code: "unknownFact".into(),
                message: t!(
                    "这个答案不是任何一项政策的问题，已忽略。",
                    "No program asks this question; the answer is ignored.",
                )
                .get(lang)
                .to_string(),
            });
        }
    }

    let mut rec = Recorder::new(rules, lang);
    let mut caveats: Vec<String> = Vec::new();
    let mut found = Vec::new();
    let mut counts = Counts::default();
    let mut missing: Vec<(usize, FinderMissingFact)> = Vec::new();
    let mut merged: Vec<MergedMaterial> = Vec::new();
    for (p, defs) in chosen.iter().zip(&program_defs) {
        let own = program_answers(p.id, defs, &answers);
        let title = p.title.get(lang).to_string();
        let mut f = ProgramFinding {
            program: p.id.to_string(),
            title: title.clone(),
            standing: Standing::Problem,
            summary: String::new(),
            why_not: None,
            settling_question: None,
            answers: own.clone(),
            application: p.application.map(str::to_string),
            determination: None,
            problems: Vec::new(),
            gives: None,
            next_steps: None,
        };
        match checked(p, defs, &own, rules, &stamp, as_of, lang) {
            Ok(d) => {
                f.standing = match d.outcome {
                    Outcome::Eligible => Standing::Likely,
                    Outcome::Ineligible => Standing::RuledOut,
                    Outcome::Undetermined => Standing::Open,
                };
                f.summary = d.summary.clone();
                // A required condition not met, else an alternative (every
                // one of its group is then not met).
                f.why_not = (f.standing == Standing::RuledOut)
                    .then(|| {
                        let not_met = |c: &&crate::verdict::Criterion| c.status == Status3::NotMet;
                        let required = d
                            .criteria
                            .iter()
                            .filter(not_met)
                            .find(|c| c.group.is_none());
                        required
                            .or_else(|| d.criteria.iter().find(not_met))
                            .map(|c| c.reason.clone())
                    })
                    .flatten();
                f.settling_question = d.next_question.as_ref().map(|q| {
                    let id = finder_fact(p.id, &q.fact, &answers);
                    vocab
                        .iter()
                        .find(|v| v.id == id)
                        .map_or_else(|| q.clone(), |v| v.question(lang))
                });
                if f.standing == Standing::Open {
                    for m in &d.missing_facts {
                        let id = finder_fact(p.id, &m.question.fact, &answers);
                        let Some(order) = vocab.iter().position(|v| v.id == id) else {
                            continue;
                        };
                        match missing.iter_mut().find(|(_, x)| x.question.fact == id) {
                            Some((_, x)) => {
                                x.weight += m.weight;
                                if !x.programs.iter().any(|q| q == p.id) {
                                    x.programs.push(p.id.to_string());
                                }
                            }
                            None => missing.push((
                                order,
                                FinderMissingFact {
                                    question: vocab[order].question(lang),
                                    weight: m.weight,
                                    programs: vec![p.id.to_string()],
                                },
                            )),
                        }
                    }
                }
                rec.absorb(&d.sourced);
                for c in &d.sourced.caveats {
                    if !caveats.contains(c) {
                        caveats.push(c.clone());
                    }
                }
                if matches!(f.standing, Standing::Likely | Standing::Open) {
                    let part = offer(p.id, &own, rules, &stamp, as_of, lang);
                    f.gives = part.0.clone();
                    f.next_steps = Some(part.1.clone());
                    rec.absorb(&part.2);
                    for c in &part.2.caveats {
                        if !caveats.contains(c) {
                            caveats.push(c.clone());
                        }
                    }
                }
                if f.standing == Standing::Likely {
                    if let Some(app) = p.application {
                        let mfacts = eligibility::materials_facts(p.id, &own);
                        if let Ok(report) =
                            materials::check_materials(app, &mfacts, None, rules, as_of, lang)
                        {
                            rec.absorb(&report.sourced);
                            merge(&mut merged, &report.checklist, &title);
                        }
                    }
                }
                f.determination = Some(ProgramVerdict::of(d));
            }
            Err(CheckError::Facts(list)) => {
                f.problems = list
                    .iter()
                    .map(|x| problem(x, p.id, &answers, lang))
                    .collect();
                f.summary = t!(
                    "有答案需要修改后才能判断这一项。",
                    "An answer needs changing before this can be checked.",
                )
                .get(lang)
                .to_string();
            }
            Err(CheckError::Rule(e)) => {
                f.problems = vec![FinderProblem {
                    fact: String::new(),
                    code: "rules".into(),
                    message: e.message().get(lang).to_string(),
                }];
                f.summary = f.problems[0].message.clone();
            }
            Err(CheckError::UnknownProgram(id)) => return Err(CheckError::UnknownProgram(id)),
        }
        match f.standing {
            Standing::Likely => counts.likely += 1,
            Standing::Open => counts.open += 1,
            Standing::RuledOut => counts.ruled_out += 1,
            Standing::Problem => counts.problems += 1,
        }
        found.push(f);
    }
    crate::sort::sort_by(&mut missing, |a, b| {
        b.1.weight.cmp(&a.1.weight).then(a.0.cmp(&b.0))
    });
    let missing: Vec<FinderMissingFact> = missing.into_iter().map(|(_, m)| m).collect();
    let mut sourced = rec.finish();
    for c in caveats {
        if !sourced.caveats.contains(&c) {
            sourced.caveats.push(c);
        }
    }
    let summary = t!(
        "您可能符合{}项政策，{}项不符合，{}项还需要回答问题。",
        "You may qualify for {} programs; {} are ruled out and {} are still open.";
        counts.likely, counts.ruled_out, counts.open
    )
    .get(lang)
    .to_string();
    Ok(Finding {
        programs: found,
        counts,
        summary,
        next_question: missing.first().map(|m| m.question.clone()),
        missing_facts: missing,
        materials: merged,
        problems,
        sourced,
        as_of,
        region: rules.region().to_string(),
        lang,
    })
}

/// The program checks of the last calls, by (program, its answers, packs,
/// region, date, language): the finder runs on every answer, and an answer
/// changes only the programs that ask it, so the others' determinations are
/// the ones computed before (the same inputs give the same determination).
/// Bounded: emptied past [`CHECKS_KEPT`] entries.
type CheckCache = Vec<(String, Result<Determination, CheckError>)>;

const CHECKS_KEPT: usize = 96;

thread_local! {
    static CHECKS: std::cell::RefCell<CheckCache> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The programs' questions and the finder's vocabulary for the packs, region
/// and date, remembered for the last few (they depend on nothing else).
type Questions = (Vec<Vec<FactDef>>, Vec<FactDef>);

thread_local! {
    static QUESTIONS: std::cell::RefCell<Vec<(String, std::rc::Rc<Questions>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn questions(
    all: &[Program],
    rules: &Rules<'_>,
    stamp: &str,
    as_of: NaiveDate,
) -> std::rc::Rc<Questions> {
    let key = format!("{}|{}|{}", rules.region(), stamp, as_of);
    if let Some(hit) = QUESTIONS.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, q)| q.clone())
    }) {
        return hit;
    }
    let defs: Vec<Vec<FactDef>> = all.iter().map(|p| (p.facts)(rules, as_of)).collect();
    let vocab = vocabulary_of(all, &defs);
    let q = std::rc::Rc::new((defs, vocab));
    QUESTIONS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 8 {
            c.clear();
        }
        c.push((key, q.clone()));
    });
    q
}

/// What a program gives and how to apply, with their sources, remembered
/// as the checks are ([`CheckCache`]).
type Offer = std::rc::Rc<(Option<Gives>, NextSteps, Sourced)>;

thread_local! {
    static OFFERS: std::cell::RefCell<Vec<(String, Offer)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn offer(
    program: &str,
    own: &Value,
    rules: &Rules<'_>,
    stamp: &str,
    as_of: NaiveDate,
    lang: Lang,
) -> Offer {
    let key = format!(
        "{}|{}|{}|{}|{}|{}",
        program,
        rules.region(),
        stamp,
        as_of,
        lang.tag(),
        own
    );
    if let Some(hit) = OFFERS.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, o)| o.clone())
    }) {
        return hit;
    }
    let facts = Facts::from_map(own.as_object().cloned().unwrap_or_default());
    let mut rec = Recorder::new(rules, lang);
    let mut caveats = Vec::new();
    let gives = gives(program, &facts, &mut rec, &mut caveats, as_of, lang);
    let steps = next_steps(program, &mut rec, as_of, lang);
    let mut sourced = rec.finish();
    for c in caveats {
        if !sourced.caveats.contains(&c) {
            sourced.caveats.push(c);
        }
    }
    let o: Offer = std::rc::Rc::new((gives, steps, sourced));
    OFFERS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CHECKS_KEPT {
            c.clear();
        }
        c.push((key, o.clone()));
    });
    o
}

/// [`eligibility::check_program`], remembered (see [`CheckCache`]).
fn checked(
    p: &Program,
    defs: &[FactDef],
    own: &Value,
    rules: &Rules<'_>,
    stamp: &str,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, CheckError> {
    let key = format!(
        "{}|{}|{}|{}|{}|{}",
        p.id,
        rules.region(),
        stamp,
        as_of,
        lang.tag(),
        own
    );
    if let Some(hit) = CHECKS.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, r)| r.clone())
    }) {
        return hit;
    }
    let result = eligibility::check_program(p, defs, own, rules, as_of, lang);
    CHECKS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CHECKS_KEPT {
            c.clear();
        }
        c.push((key, result.clone()));
    });
    result
}

/// Adds an application's checklist to the merged list: one entry per
/// document, the applications it serves, the most copies any asks.
fn merge(merged: &mut Vec<MergedMaterial>, checklist: &[materials::ChecklistItem], title: &str) {
    for item in checklist {
        if item.status == materials::ItemStatus::Waived {
            continue;
        }
        match merged.iter_mut().find(|m| m.material == item.material) {
            Some(m) => {
                if !m.applications.iter().any(|a| a == title) {
                    m.applications.push(title.to_string());
                }
                if item.quantity > m.quantity {
                    m.quantity = item.quantity;
                    m.how = item.how.clone();
                }
                m.key |= item.key;
                // Needed unconditionally by one application: no condition.
                if item.condition.is_none() {
                    m.condition = None;
                }
            }
            None => merged.push(MergedMaterial {
                material: item.material.clone(),
                name: item.name.clone(),
                issuer: item.issuer.clone(),
                how: item.how.clone(),
                key: item.key,
                condition: item.condition.clone(),
                applications: vec![title.to_string()],
                citation: item.citation.clone(),
                quantity: item.quantity,
            }),
        }
    }
}

fn shown<T>(f: &Figure<T>, lang: Lang) -> String {
    f.shown.get(lang).to_string()
}

/// A figure local packs may leave out: `None` when none has a value in force.
fn optional<T>(read: Result<Figure<T>, RuleError>) -> Option<Figure<T>> {
    read.ok()
}

/// What `program` would give on `facts` (its own vocabulary), from the packs.
fn gives(
    program: &str,
    facts: &Facts,
    rec: &mut Recorder<'_>,
    caveats: &mut Vec<String>,
    as_of: NaiveDate,
    lang: Lang,
) -> Option<Gives> {
    let g = |kind, summary: Text, details: Vec<Text>| Gives {
        kind,
        summary: summary.get(lang).to_string(),
        details: details.iter().map(|d| d.get(lang).to_string()).collect(),
    };
    match program {
        "difficultPerson" => {
            let first = optional(rec.int("assistance.firstServiceMonths", as_of));
            let summary = match first {
                Some(m) => t!(
                    "认定后可享受就业援助（职业指导、职业介绍、技能培训等），首次援助服务在认定后{}内提供；并可据此申请多项补贴。",
                    "Once recognised you receive employment assistance (guidance, job matching, training), the first within {}, and can claim several subsidies.";
                    shown(&m, lang)
                ),
                None => t!(
                    "认定后可享受就业援助（职业指导、职业介绍、技能培训等），并可据此申请多项补贴。",
                    "Once recognised you receive employment assistance (guidance, job matching, training) and can claim several subsidies.",
                ),
            };
            Some(g(GivesKind::Services, summary, Vec::new()))
        }
        "flexibleEmploymentSubsidy" => {
            let graduate = facts.yes_no("recognisedDifficult") != Some(true)
                && facts.yes_no("graduate") == Some(true);
            let (months_key, share_key) = if graduate {
                ("subsidy.graduate.maxMonths", "subsidy.graduate.share")
            } else {
                (
                    "subsidy.socialInsurance.maxMonths",
                    "subsidy.flexible.share",
                )
            };
            let months = optional(rec.int(months_key, as_of))?;
            let share = optional(rec.ratio(share_key, as_of));
            let cap = optional(rec.decimal("subsidy.flexible.monthlyCap", as_of));
            let mut details = Vec::new();
            if let Some(used) = facts.number("monthsReceived") {
                let left = (months.value - used).max(0);
                details.push(t!(
                    "按已享受的月数，还可享受约{}个月（临近退休的可延长至退休）。",
                    "From the months already received, about {} months are left (near retirement it may run to retirement).";
                    left
                ));
            }
            details.push(match cap {
                Some(c) => t!(
                    "每月最多{}。",
                    "At most {} a month.";
                    shown(&c, lang)
                ),
                None => t!("每月上限由当地规定。", "The monthly cap is set locally.",),
            });
            details.push(t!(
                "逐月金额可用“补贴测算”计算。",
                "The subsidy calculator gives the amount month by month.",
            ));
            let summary = match share {
                Some(s) => t!(
                    "按实际缴纳社会保险费的{}补贴，最长{}。",
                    "A subsidy of {} of the social insurance you pay, for at most {}.";
                    shown(&s, lang), shown(&months, lang)
                ),
                None => t!(
                    "按实际缴纳社会保险费的一定比例补贴，最长{}。",
                    "A share of the social insurance you pay, for at most {}.";
                    shown(&months, lang)
                ),
            };
            Some(g(GivesKind::MonthlySubsidy, summary, details))
        }
        "publicWelfarePost" => {
            let months = optional(rec.int("publicWelfarePost.maxMonths", as_of));
            let summary = match months {
                Some(m) => t!(
                    "安置到公益性岗位工作，签订劳动合同、缴纳社会保险；岗位补贴期限最长{}。",
                    "A public-welfare post with a labour contract and social insurance; the post subsidy runs for at most {}.";
                    shown(&m, lang)
                ),
                None => t!(
                    "安置到公益性岗位工作，签订劳动合同、缴纳社会保险。",
                    "A public-welfare post with a labour contract and social insurance.",
                ),
            };
            Some(g(GivesKind::Services, summary, Vec::new()))
        }
        "publicWelfarePostSubsidy" => {
            let months = optional(rec.int("publicWelfarePost.maxMonths", as_of))?;
            Some(g(
                GivesKind::MonthlySubsidy,
                t!(
                    "对安置的人员给予社会保险补贴和岗位补贴，最长{}。",
                    "Social insurance and post subsidies for the person placed, for at most {}.";
                    shown(&months, lang)
                ),
                vec![t!(
                    "逐月金额可用“补贴测算”计算。",
                    "The subsidy calculator gives the amount month by month.",
                )],
            ))
        }
        "loanIndividual" | "loanPartnership" | "loanEnterprise" => {
            let borrower = match program {
                "loanIndividual" => Borrower::Individual,
                "loanPartnership" => Borrower::Partnership,
                _ => Borrower::Enterprise,
            };
            let partners = (borrower == Borrower::Partnership).then(|| {
                facts
                    .number("eligiblePartners")
                    .and_then(|n| u32::try_from(n).ok())
                    .filter(|n| *n >= 1)
                    .unwrap_or(1)
            });
            let input = QuoteInput {
                borrower,
                partners,
                jobs_created: None,
                amount: Decimal::ONE,
                term_months: 12,
                contract_date: as_of,
                annual_rate: None,
                repayment: Repayment::InterestMonthly,
                previous_subsidised_loans: 0,
                refinancing: false,
                overdue_periods: Vec::new(),
                extension_months: 0,
            };
            let q = loan::quote(&input, rec.rules(), lang).ok()?;
            rec.absorb(&q.sourced);
            for c in &q.sourced.caveats {
                if !caveats.contains(c) {
                    caveats.push(c.clone());
                }
            }
            let cap = crate::money::yuan_words(q.max_amount, lang);
            let term = q.max_term_months;
            let mut details = vec![q.regime_label()];
            if borrower == Borrower::Partnership && facts.number("eligiblePartners").is_none() {
                details.push(t!(
                    "额度按一位符合条件的合伙人计算，合伙人越多额度越高。",
                    "The cap is for one eligible partner; more eligible partners raise it.",
                ));
            }
            details.push(t!(
                "实际额度、期限和利率由担保机构和经办银行审核确定；还款计划可用“贷款测算”计算。",
                "The guarantor and the bank decide the actual amount, term and rate; the loan calculator gives the repayments.",
            ));
            Some(g(
                GivesKind::Loan,
                t!(
                    "创业担保贷款最高{}，期限最长{}个月，享受财政贴息。",
                    "A guaranteed loan of up to {}, for up to {} months, with an interest subsidy.";
                    cap, term
                ),
                details,
            ))
        }
        "startupSubsidy" | "jobSeekingSubsidy" | "trainingSubsidy" => {
            let key = match program {
                "startupSubsidy" => "startup.oneTimeSubsidy.amount",
                "jobSeekingSubsidy" => "jobSeeking.subsidy.amount",
                _ => "training.entrepreneurship.amount",
            };
            Some(match optional(rec.decimal(key, as_of)) {
                Some(a) => g(
                    GivesKind::OneTime,
                    t!("一次性补贴{}。", "A one-time subsidy of {}."; shown(&a, lang)),
                    Vec::new(),
                ),
                None => g(
                    GivesKind::SetLocally,
                    t!(
                        "补贴金额由当地规定，请向当地人社部门咨询。",
                        "The amount is set locally: ask your local human-resources office.",
                    ),
                    Vec::new(),
                ),
            })
        }
        _ => None,
    }
}

/// How to apply for `program`: the pack's procedure and time limits.
fn next_steps(program: &str, rec: &mut Recorder<'_>, as_of: NaiveDate, lang: Lang) -> NextSteps {
    let key = match program {
        "difficultPerson" => "procedure.difficultPerson",
        "flexibleEmploymentSubsidy" => "procedure.flexibleSubsidy",
        "publicWelfarePost" => "procedure.publicWelfarePost",
        "publicWelfarePostSubsidy" => "procedure.publicWelfarePostSubsidy",
        "loanIndividual" | "loanPartnership" | "loanEnterprise" => "procedure.loan",
        "startupSubsidy" | "jobSeekingSubsidy" | "trainingSubsidy" => "procedure.oneTimeSubsidy",
        RETIREMENT => "procedure.flexibleRetirement",
        _ => return NextSteps::default(),
    };
    let mut out = NextSteps::default();
    if let Some(text) = optional(rec.text(key, as_of)) {
        out.steps = text
            .value
            .get(lang)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        out.citation = Some(text.param.citation.clone());
    } else {
        out.steps.push(
            t!(
                "请向当地人社部门或基层服务平台咨询办理方式。",
                "Ask your local human-resources office or service point how to apply.",
            )
            .get(lang)
            .to_string(),
        );
    }
    let mut limit = |t: Text| out.time_limits.push(t.get(lang).to_string());
    match program {
        "difficultPerson" => limit(match optional(rec.int("difficult.publicityDays", as_of)) {
            Some(d) => t!("公示期{}天。", "The public notice lasts {} days."; d.value),
            None => t!(
                "公示期由当地规定。",
                "The public notice period is set locally."
            ),
        }),
        "loanIndividual" | "loanPartnership" | "loanEnterprise" => {
            limit(match optional(rec.int("loan.publicityDays", as_of)) {
                Some(d) => t!("公示期{}天。", "The public notice lasts {} days."; d.value),
                None => t!(
                    "公示期由当地规定。",
                    "The public notice period is set locally."
                ),
            })
        }
        RETIREMENT => {
            if let Some(m) = optional(rec.int("retirement.flexibleEarlyNoticeMonths", as_of)) {
                limit(t!(
                    "弹性提前退休：至少提前{}书面告知单位。",
                    "Earlier retirement: tell your employer in writing at least {} before.";
                    shown(&m, lang)
                ));
            }
            if let Some(m) = optional(rec.int("retirement.flexibleLateConfirmMonths", as_of)) {
                limit(t!(
                    "弹性延迟退休：至少提前{}与单位书面确认。",
                    "Later retirement: confirm it in writing with your employer at least {} before.";
                    shown(&m, lang)
                ));
            }
        }
        _ => {}
    }
    if let Ok(true) = rec
        .flag("materials.deferralAllowed", as_of)
        .map(|f| f.value)
    {
        if let Some(d) = optional(rec.int("materials.deferralDays", as_of)) {
            limit(t!(
                "非关键材料可先受理、在{}天内补齐。",
                "Non-key materials may follow within {} days.";
                d.value
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::PackSet;
    use serde_json::json;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    /// Every program fact has one finder id, and no two different questions
    /// share one: an alias names a fact its program really has.
    #[test]
    fn the_vocabulary_covers_every_program_fact_once() {
        let packs = PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let vocab = vocabulary(&rules, day());
        for (i, a) in vocab.iter().enumerate() {
            assert!(
                vocab[i + 1..].iter().all(|b| b.id != a.id),
                "{} twice",
                a.id
            );
        }
        for a in ALIASES {
            let p = eligibility::programs()
                .into_iter()
                .find(|p| p.id == a.program)
                .unwrap();
            assert!(
                (p.facts)(&rules, day()).iter().any(|d| d.id == a.fact),
                "{} / {}",
                a.program,
                a.fact
            );
            assert!(vocab.iter().any(|d| d.id == a.finder));
        }
        for p in eligibility::programs() {
            for d in (p.facts)(&rules, day()) {
                let id = finder_fact(p.id, d.id, &Map::new());
                assert!(vocab.iter().any(|v| v.id == id), "{} / {}", p.id, d.id);
            }
        }
    }

    #[test]
    fn shared_answers_serve_every_program_and_problems_stay_in_theirs() {
        let packs = PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let facts = json!({
            "birthDate": "1976-04-02", "sex": "female", "womanTrack": "female50",
            "startupTimesReceived": 1, "jobSeekingTimesReceived": 0,
            // A rural category in an urban household: a problem for the
            // recognition only.
            "householdType": "urban", "ruralZeroTransfer": true,
            "noSuchQuestion": true,
        });
        let f = find_programs(&facts, &rules, day(), Lang::En, None).unwrap();
        let get = |id: &str| f.programs.iter().find(|p| p.program == id).unwrap();
        assert_eq!(get("startupSubsidy").answers["timesReceived"], 1);
        assert_eq!(get("jobSeekingSubsidy").answers["timesReceived"], 0);
        assert!(get("trainingSubsidy")
            .answers
            .get("timesReceived")
            .is_none());
        assert_eq!(get(RETIREMENT).answers["track"], "female50");
        assert_eq!(get("difficultPerson").standing, Standing::Problem);
        assert!(get("difficultPerson")
            .problems
            .iter()
            .any(|p| p.fact == "ruralZeroTransfer"));
        assert_eq!(f.counts.problems, 1);
        assert_eq!(f.problems.len(), 1);
        assert_eq!(f.problems[0].fact, "noSuchQuestion");
        // The employer's program asks about the person placed, not the user.
        assert!(get("publicWelfarePostSubsidy")
            .answers
            .get("birthDate")
            .is_none());
        // Each other program: what checkEligibility gives for its answers.
        for p in &f.programs {
            if let Some(d) = &p.determination {
                let direct =
                    eligibility::check(&p.program, &p.answers, &rules, day(), Lang::En).unwrap();
                assert_eq!(&ProgramVerdict::of(direct), d);
            }
        }
    }

    #[test]
    fn the_next_question_adds_up_the_programs_weights() {
        let packs = PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let f = find_programs(&json!({}), &rules, day(), Lang::ZhCn, None).unwrap();
        let first = &f.missing_facts[0];
        assert!(first.programs.len() > 1, "{first:?}");
        for w in f.missing_facts.windows(2) {
            assert!(w[0].weight >= w[1].weight);
        }
        assert_eq!(f.next_question.as_ref().unwrap().fact, first.question.fact);
        // A subset asks only its own programs' questions.
        let loans: Vec<String> = ["loanIndividual", "loanPartnership"]
            .map(String::from)
            .to_vec();
        let f = find_programs(&json!({}), &rules, day(), Lang::ZhCn, Some(&loans)).unwrap();
        assert_eq!(f.programs.len(), 2);
        for m in &f.missing_facts {
            assert!(m.programs.iter().all(|p| loans.contains(p)));
        }
        let bad = ["nope".to_string()];
        assert!(matches!(
            find_programs(&json!({}), &rules, day(), Lang::ZhCn, Some(&bad)),
            Err(CheckError::UnknownProgram(_))
        ));
    }

    /// A likely program says what it gives and how to apply, cited; the
    /// materials of two likely applications come as one list.
    #[test]
    fn likely_programs_give_figures_steps_and_one_materials_list() {
        let packs = PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let facts = json!({
            "loanGroup": "registeredUnemployed", "birthDate": "1985-03-01", "sex": "male",
            "otherLoans": [], "subsidisedLoansSoFar": 0, "goodCredit": true,
            "businessRegistered": true,
            "partners": 3, "eligiblePartners": 2, "partnersIndependent": true,
        });
        let f = find_programs(&facts, &rules, day(), Lang::ZhCn, None).unwrap();
        let loan = f
            .programs
            .iter()
            .find(|p| p.program == "loanIndividual")
            .unwrap();
        assert_eq!(loan.standing, Standing::Likely, "{:?}", loan.determination);
        let gives = loan.gives.as_ref().unwrap();
        assert_eq!(gives.kind, GivesKind::Loan);
        assert!(gives.summary.contains("万元"), "{}", gives.summary);
        let steps = loan.next_steps.as_ref().unwrap();
        assert!(steps.steps.len() >= 3);
        assert!(steps.citation.is_some());
        assert!(f
            .sourced
            .parameters
            .iter()
            .any(|p| p.key == "procedure.loan"));
        assert!(f
            .sourced
            .parameters
            .iter()
            .any(|p| p.key == "loan.individual.maxAmount"));
        assert!(!f.materials.is_empty());
        let id = f
            .materials
            .iter()
            .find(|m| m.material == "residentIdCard")
            .unwrap();
        assert!(!id.applications.is_empty());
        let once = f
            .materials
            .iter()
            .filter(|m| m.material == "residentIdCard")
            .count();
        assert_eq!(once, 1);
        // One-time subsidies with no national amount: set locally.
        let startup = f
            .programs
            .iter()
            .find(|p| p.program == "startupSubsidy")
            .unwrap();
        if let Some(g) = &startup.gives {
            assert_eq!(g.kind, GivesKind::SetLocally);
        }
    }
}
