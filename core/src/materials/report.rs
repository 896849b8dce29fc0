//! The materials report (材料核验结果): the checklist tailored to the applicant,
//! every item's state, the lists a window clerk reads (missing, invalid, waived,
//! deferred, promised), and the verdict: complete, acceptable with deferral (容缺
//! 受理), or incomplete.

use super::catalog::{application, application_ids, material, render, source_name, vocabulary};
use super::conditions::{collect_facts, evaluate};
use super::items::{check_item, parse_provided, ItemProblem};
use crate::facts::{FactProblem, Facts, Question};
use crate::ids::Severity;
use crate::logic::Tri;
use crate::pack::{Applicant, Citation, MaterialForm, Recorder, RuleError, Rules, Sourced, Status};
use crate::text::Lang;
use chrono::NaiveDate;
use serde::Serialize;

/// Overall answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum MaterialsVerdict {
    Complete,
    Incomplete,
    AcceptableWithDeferral,
}

/// An item's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ItemStatus {
    /// Checklist mode: to bring.
    Required,
    Provided,
    Missing,
    Invalid,
    /// Not needed: the data is shared.
    Waived,
    /// Will follow later under 容缺受理.
    Deferred,
    /// Replaced by a signed commitment.
    Commitment,
}

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    pub material: String,
    pub name: String,
    pub proves: String,
    pub issuer: String,
    pub form: MaterialForm,
    /// "原件及复印件1份" / "original and 1 copy".
    pub how: String,
    pub quantity: u32,
    pub key: bool,
    /// Non-key and deferral allowed here.
    pub deferrable: bool,
    pub commitment_allowed: bool,
    /// When the condition cannot be decided yet: it in plain words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    pub status: ItemStatus,
    pub problems: Vec<ItemProblem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waived_because: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub citation: Citation,
    pub material_status: Status,
}

/// A material id with why it is in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Listed {
    pub material: String,
    pub name: String,
    pub reason: String,
}

/// The answer of [`check_materials`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MaterialsReport {
    pub application_type: String,
    pub title: String,
    pub applicant: Applicant,
    /// `checklist` when nothing was said to be provided, else `check`.
    pub mode: &'static str,
    pub verdict: MaterialsVerdict,
    pub summary: String,
    pub checklist: Vec<ChecklistItem>,
    pub missing: Vec<Listed>,
    pub invalid: Vec<Listed>,
    pub waived: Vec<Listed>,
    /// Missing or invalid non-key materials that may follow by the deadline.
    pub deferrable: Vec<Listed>,
    pub deferred: Vec<Listed>,
    pub commitments: Vec<Listed>,
    /// Provided but not needed for this application.
    pub extra: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deferral_deadline: Option<NaiveDate>,
    /// Questions whose answers would settle conditional materials.
    pub questions: Vec<Question>,
    /// Citations, parameters, caveats and pack stamp, built by a
    /// [`Recorder`].
    #[serde(flatten)]
    pub sourced: Sourced,
    pub as_of: NaiveDate,
    pub region: String,
    pub lang: Lang,
}

/// Reads the sourced part as if its fields were the report's own
/// (`report.caveats`, `report.citations`, `report.pack`), for callers written
/// before the report carried [`Sourced`].
impl std::ops::Deref for MaterialsReport {
    type Target = Sourced;
    fn deref(&self) -> &Sourced {
        &self.sourced
    }
}

/// Why materials could not be checked.
#[derive(Clone, Debug, PartialEq)]
pub enum MaterialsError {
    UnknownApplication(String, Vec<String>),
    Facts(Vec<FactProblem>),
    /// Problems with `provided`: unknown material ids, bad fields.
    Provided(Vec<FactProblem>),
    Rule(RuleError),
}

impl From<RuleError> for MaterialsError {
    fn from(e: RuleError) -> Self {
        MaterialsError::Rule(e)
    }
}

/// How to bring a material: "原件及复印件1份" / "original and 1 copy(ies)".
fn how(form: MaterialForm, quantity: u32, lang: Lang) -> String {
    let t = match form {
        MaterialForm::Original => t!("原件（核验后退还）", "original (checked and returned)"),
        MaterialForm::Copy => t!("复印件{}份", "{} copy(ies)"; quantity),
        MaterialForm::OriginalAndCopy => {
            t!("原件及复印件{}份", "original and {} copy(ies)"; quantity)
        }
        MaterialForm::Form => t!(
            "填写申请表（可在窗口填写）",
            "a form, filled in (can be done at the window)"
        ),
        MaterialForm::Signed => t!("本人签字", "signed by the applicant"),
    };
    t.get(lang).to_string()
}

/// Checks materials for `application_type`: see the module docs.
pub fn check_materials(
    application_type: &str,
    facts: &serde_json::Value,
    provided: Option<&serde_json::Value>,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<MaterialsReport, MaterialsError> {
    let app = application(rules, application_type).ok_or_else(|| {
        MaterialsError::UnknownApplication(application_type.to_string(), application_ids(rules))
    })?;
    let vocabulary = vocabulary(rules, as_of, lang);
    let defs: Vec<_> = vocabulary.iter().map(|w| w.def.clone()).collect();
    let facts = Facts::parse(facts, &defs).map_err(MaterialsError::Facts)?;
    let provided = parse_provided(provided, rules).map_err(MaterialsError::Provided)?;
    let mut rec = Recorder::new(rules, lang);
    if let Some(c) = &app.citation {
        rec.cite(c);
    }
    let shared = rec.list("materials.sharedData", as_of)?.value;
    let deferral_allowed = rec.flag("materials.deferralAllowed", as_of)?.value;
    let deferral_days = rec.int("materials.deferralDays", as_of)?.value;

    let mut checklist = Vec::new();
    let mut questions: Vec<&'static str> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for req in &app.requirements {
        if seen.contains(&req.material) {
            continue;
        }
        let applies = match &req.when {
            None => Tri::Yes,
            Some(c) => evaluate(c, &facts, &mut rec, as_of),
        };
        if applies == Tri::No {
            continue;
        }
        if applies == Tri::Unknown {
            if let Some(c) = &req.when {
                collect_facts(c, &facts, &mut questions);
            }
        }
        seen.push(req.material.clone());
        let Some(m) = material(rules, &req.material) else {
            continue;
        };
        // The pack's texts with the figures in force filled in.
        let note = match req.note.as_ref().or(m.note.as_ref()) {
            Some(n) => Some(render(n, &mut rec, as_of)?),
            None => None,
        };
        let m = super::MaterialDef {
            quantity: req.quantity.unwrap_or(m.quantity),
            name: render(&m.name, &mut rec, as_of)?,
            proves: render(&m.proves, &mut rec, as_of)?,
            issuer: render(&m.issuer, &mut rec, as_of)?,
            note,
            ..m
        };
        let condition = match (&req.if_text, applies) {
            (Some(t), Tri::Unknown) => Some(render(t, &mut rec, as_of)?.get(lang).to_string()),
            _ => None,
        };
        let quantity = m.quantity;
        let deferrable = !m.key && deferral_allowed;
        let mut item = ChecklistItem {
            material: m.id.clone(),
            name: m.name.get(lang).to_string(),
            proves: m.proves.get(lang).to_string(),
            issuer: m.issuer.get(lang).to_string(),
            form: m.form,
            how: how(m.form, quantity, lang),
            quantity,
            key: m.key,
            deferrable,
            commitment_allowed: m.commitment_allowed,
            condition,
            status: ItemStatus::Required,
            problems: Vec::new(),
            waived_because: None,
            note: m.note.as_ref().map(|t| t.get(lang).to_string()),
            citation: m.citation.clone(),
            material_status: m.status,
        };
        if let Some(src) = m.shared_data.as_ref().filter(|s| shared.contains(s)) {
            item.status = ItemStatus::Waived;
            item.waived_because = Some(
                t!(
                    "本地已实现{}数据共享，无需提供。",
                    "Not needed: {} data is shared locally.";
                    source_name(src)
                )
                .get(lang)
                .to_string(),
            );
        } else if let Some(p) = &provided {
            item.status = match p.get(&m.id) {
                None => ItemStatus::Missing,
                Some(given) if given.commitment => {
                    if m.commitment_allowed {
                        ItemStatus::Commitment
                    } else {
                        item.problems.push(ItemProblem::error(
                            "commitmentNotAllowed",
                            t!(
                                "{}不能以承诺代替，须提供。",
                                "A commitment cannot replace the {}; it must be provided.";
                                m.name
                            ),
                            lang,
                        ));
                        ItemStatus::Invalid
                    }
                }
                Some(given) if given.later => {
                    if deferrable {
                        ItemStatus::Deferred
                    } else {
                        item.problems.push(ItemProblem::error(
                            "keyCannotDefer",
                            t!(
                                "{}是关键材料，不能容缺后补，须在受理时提供。",
                                "The {} is a key material: it cannot follow later and must be provided now.";
                                m.name
                            ),
                            lang,
                        ));
                        ItemStatus::Missing
                    }
                }
                Some(given) => {
                    item.problems = check_item(&m, given, &facts, &mut rec, as_of)?;
                    if item.problems.iter().any(|p| p.severity == Severity::Error) {
                        ItemStatus::Invalid
                    } else {
                        ItemStatus::Provided
                    }
                }
            };
        }
        if matches!(m.status, Status::Unsure | Status::LocalPractice) {
            rec.note(t!(
                "「{}」的要求依据地方做法或尚未核实，以当地经办机构为准。",
                "The requirement for \"{}\" follows local practice or is unconfirmed; the local office has the final word.";
                m.name
            ));
        }
        checklist.push(item);
    }
    for i in &checklist {
        rec.cite(&i.citation);
    }

    let listed = |item: &ChecklistItem, reason: String| Listed {
        material: item.material.clone(),
        name: item.name.clone(),
        reason,
    };
    let problems_text = |item: &ChecklistItem| {
        item.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.message.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let check_mode = provided.is_some();
    let outstanding = |s: ItemStatus| {
        matches!(
            s,
            ItemStatus::Missing | ItemStatus::Invalid | ItemStatus::Required
        )
    };
    let missing: Vec<Listed> = checklist
        .iter()
        .filter(|i| matches!(i.status, ItemStatus::Missing | ItemStatus::Required))
        .map(|i| listed(i, i.proves.clone()))
        .collect();
    let invalid: Vec<Listed> = checklist
        .iter()
        .filter(|i| i.status == ItemStatus::Invalid)
        .map(|i| listed(i, problems_text(i)))
        .collect();
    let waived: Vec<Listed> = checklist
        .iter()
        .filter(|i| i.status == ItemStatus::Waived)
        .map(|i| listed(i, i.waived_because.clone().unwrap_or_default()))
        .collect();
    let deferred: Vec<Listed> = checklist
        .iter()
        .filter(|i| i.status == ItemStatus::Deferred)
        .map(|i| listed(i, i.proves.clone()))
        .collect();
    let commitments: Vec<Listed> = checklist
        .iter()
        .filter(|i| i.status == ItemStatus::Commitment)
        .map(|i| listed(i, i.proves.clone()))
        .collect();
    let deferrable: Vec<Listed> = checklist
        .iter()
        .filter(|i| outstanding(i.status) && i.deferrable)
        .map(|i| listed(i, i.proves.clone()))
        .collect();
    let blocking = checklist
        .iter()
        .any(|i| outstanding(i.status) && !i.deferrable);
    let later = checklist
        .iter()
        .any(|i| (outstanding(i.status) && i.deferrable) || i.status == ItemStatus::Deferred);
    let verdict = if blocking {
        MaterialsVerdict::Incomplete
    } else if later {
        MaterialsVerdict::AcceptableWithDeferral
    } else {
        MaterialsVerdict::Complete
    };
    let deadline = (verdict == MaterialsVerdict::AcceptableWithDeferral).then(|| {
        as_of
            .checked_add_days(chrono::Days::new(deferral_days.max(0) as u64))
            .unwrap_or(NaiveDate::MAX)
    });
    let extra: Vec<String> = provided
        .as_ref()
        .map(|p| {
            p.keys()
                .filter(|k| !checklist.iter().any(|i| &i.material == *k))
                .cloned()
                .collect()
        })
        .unwrap_or_default();

    let summary = match (check_mode, verdict) {
        (false, _) => {
            let to_bring = checklist
                .iter()
                .filter(|i| i.status != ItemStatus::Waived)
                .count();
            let also = if waived.is_empty() {
                t!("", "")
            } else {
                t!(
                    "（另有{}项因数据共享免于提供）",
                    " ({} more waived: the data is shared)";
                    waived.len()
                )
            };
            t!(
                "办理「{}」需要以下{}项材料{}。",
                "\"{}\" needs the {} materials below{}.";
                app.title,
                to_bring,
                also
            )
        }
        (true, MaterialsVerdict::Complete) => t!(
            "材料齐全，可以受理。",
            "The materials are complete: the application can be accepted."
        ),
        (true, MaterialsVerdict::AcceptableWithDeferral) => {
            let by = deadline.map(|d| d.to_string()).unwrap_or_default();
            t!(
                "关键材料齐全，可以容缺受理；其余材料须在 {} 前补齐。",
                "The key materials are complete: the application can be accepted, with the rest to follow by {}.";
                by
            )
        }
        (true, MaterialsVerdict::Incomplete) => t!(
            "材料不全：缺少或有误的材料共{}项，请一次补齐。",
            "Incomplete: {} material(s) missing or wrong; bring them all at once.";
            missing.len() + invalid.len()
        ),
    };
    // The questions still open, and the figures their wording states.
    let mut open = Vec::new();
    for w in questions
        .iter()
        .filter_map(|f| vocabulary.iter().find(|w| w.def.id == *f))
    {
        for p in &w.figures {
            rec.cite(&p.citation);
            rec.keep_ref(p.clone());
        }
        open.push(w.def.question(lang));
    }
    Ok(MaterialsReport {
        application_type: app.id,
        title: app.title.get(lang).to_string(),
        applicant: app.applicant,
        mode: if check_mode { "check" } else { "checklist" },
        verdict,
        summary: summary.get(lang).to_string(),
        checklist,
        missing,
        invalid,
        waived,
        deferrable,
        deferred,
        commitments,
        extra,
        deferral_deadline: deadline,
        questions: open,
        sourced: rec.finish(),
        as_of,
        region: rules.region().to_string(),
        lang,
    })
}
