//! The rule-pack file format (JSON): what a pack author writes.
//!
//! These types are the single source of truth for the format: the JSON Schema in
//! `core/packs/pack.schema.json` is generated from them (`tests/tests/schema.rs`),
//! and loading checks a pack's structure against that schema before anything else,
//! so every structural problem is reported with its path.

use crate::text::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A rule pack: national defaults, or a province's or city's overlay.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackFile {
    /// Editors use this to find the schema; ignored when loading.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub meta: PackMeta,
    /// Parameters by key (e.g. `loan.individual.maxAmount`). An overlay may only
    /// name keys the national pack declares, and replaces only what it names.
    #[serde(default)]
    pub parameters: BTreeMap<String, ParameterFile>,
    /// The clauses rules cite for their criteria (a criterion's legal basis), by
    /// id (e.g. `guide.assistance.difficult.base`). An overlay may replace a
    /// clause the national pack declares, for example with the province's own
    /// document; it cannot add new ids.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub citations: BTreeMap<String, ClauseFile>,
    /// Documents an applicant may have to bring (材料), by id. An overlay may
    /// change any field of a national material, or add its own materials.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub materials: BTreeMap<String, MaterialFile>,
    /// Application types (申请事项) and the materials each needs, by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub applications: BTreeMap<String, ApplicationFile>,
    /// Application forms (申请表、审核表) a clerk checks as a whole, by id: each
    /// field's type and check, and what the answers mean for eligibility, the
    /// materials and the subsidy plan. An overlay's form replaces the national
    /// form of the same id whole, or adds its own.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub forms: BTreeMap<String, FormFile>,
    /// Names of choices a pack adds to list parameters (e.g. a province's own
    /// difficult-to-employ categories), by choice id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, Text>,
}

/// A document (材料): what it is, what it proves, how to bring it.
/// In the national pack `name`, `proves`, `issuer`, `form` and `citation` are
/// required; an overlay names only the fields it changes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MaterialFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Which criterion it proves (e.g. "低保家庭成员身份").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proves: Option<Text>,
    /// Who issues it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<MaterialForm>,
    /// How many (copies); default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
    /// The number on it is checked like `validateId(idKind, …)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_kind: Option<crate::ids::IdKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity: Option<Validity>,
    /// For `validity: "issuedWithinMonths"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_months: Option<u32>,
    /// The shared government data source (a choice of the parameter
    /// `materials.sharedData`) that, when shared locally, waives the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_data: Option<String>,
    /// Key material (关键材料): an application cannot be accepted without it.
    /// Non-key materials may follow later under 容缺受理.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<bool>,
    /// A signed commitment (告知承诺) may replace it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment_allowed: Option<bool>,
    /// Contribution receipts: checked against the subsidy claimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<bool>,
    /// Whose document it is (default `applicant`): names and numbers on it are
    /// compared with that person's or business's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<Holder>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
}

/// How a document is brought.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum MaterialForm {
    /// 原件 (shown and returned).
    Original,
    /// 复印件.
    Copy,
    /// 原件及复印件.
    OriginalAndCopy,
    /// A form filled in (at the window or beforehand).
    Form,
    /// A statement signed by the applicant.
    Signed,
}

/// Whose document it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Holder {
    Applicant,
    Spouse,
    Business,
    Other,
}

/// When a document stops being acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Validity {
    /// No expiry.
    None,
    /// Must be within its own validity period on the application date.
    WithinValidity,
    /// Must have been issued within `validityMonths` before the application date.
    IssuedWithinMonths,
}

/// An application type (申请事项) and its materials.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApplicationFile {
    /// Required in the national pack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// `person` or `unit` (an employer applying).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant: Option<Applicant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    /// The materials, in the order a window lists them. In an overlay this
    /// replaces the national list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements: Option<Vec<RequirementFile>>,
    /// Materials an overlay adds to the list in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_requirements: Option<Vec<RequirementFile>>,
}

/// An application form (申请表): its fields in the order the paper lists them,
/// and the checks that connect them (eligibility, materials, subsidy plan).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FormFile {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The eligibility program (`checkEligibility`) the answers are checked
    /// against, with the fields' `fact`s as its answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    /// The application type (`checkMaterials`) whose materials go with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    /// The material (of the application's list) that is this form itself: a
    /// form being checked counts as brought.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material: Option<String>,
    /// The subsidy plan (`subsidyPlan` program) the claimed period and months
    /// are checked against; a choice may name another (`plan` of a choice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    pub citation: Citation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    pub fields: Vec<FormFieldFile>,
}

/// One field of a form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FormFieldFile {
    /// The key of its value (`values.<id>`), unique in the form.
    pub id: String,
    /// The field's name as the paper form prints it.
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    pub kind: FieldKind,
    /// For `kind: "id"`: the number is checked like `validateId(idKind, …)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_kind: Option<crate::ids::IdKind>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// Required only when another field of the form has this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_when: Option<FieldCondition>,
    /// For `choice` and `multiChoice`: the allowed values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<FormChoiceFile>>,
    /// For `choice` and `multiChoice`: take the choices (values and names) of
    /// this question of the form's program instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices_from: Option<String>,
    /// The eligibility question (fact id) the value answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// The materials question (a condition fact, e.g. `claimAmount`) it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub materials_fact: Option<String>,
    /// For `money` and `number`: the value may not exceed this parameter's
    /// value in force (e.g. `loan.individual.maxAmount`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most_parameter: Option<String>,
    /// What the cross-field and cross-document checks read it as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<FieldRole>,
}

/// A field's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum FieldKind {
    Text,
    /// A number checked by `idKind`.
    Id,
    /// A day (`2026-11-21`, as people type dates).
    Date,
    /// A calendar month (`2026-11`).
    Month,
    /// Yuan, at most two decimals.
    Money,
    /// A whole number (months, persons).
    Number,
    Choice,
    MultiChoice,
    YesNo,
}

/// What the cross-checks read a field as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum FieldRole {
    /// The applicant's (or placed person's) name: compared with the documents.
    ApplicantName,
    /// The applicant's resident ID: compared with every document's, and the
    /// birth date and sex the rules need are read from it.
    ApplicantId,
    /// The claimed insurance kinds: against the receipts.
    ClaimKinds,
    /// The first claimed month.
    PeriodStart,
    /// The last claimed month: against the cap and the retirement month.
    PeriodEnd,
    /// The claimed months: against the period, the receipts and the entitlement left.
    ClaimMonths,
    /// The claimed amount: against the receipts and the plan.
    ClaimAmount,
    /// Months of this subsidy received before.
    MonthsUsed,
    /// The first approval date (初次核定).
    FirstApprovedOn,
    /// A woman's retirement track (`female55` / `female50`).
    RetirementTrack,
}

/// "When field `field` is `is`".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FieldCondition {
    pub field: String,
    pub is: serde_json::Value,
}

/// One allowed value of a choice field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FormChoiceFile {
    pub value: String,
    pub label: Text,
    /// The eligibility answers this choice gives (e.g. `{"recognisedDifficult": true}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<BTreeMap<String, serde_json::Value>>,
    /// The subsidy plan program for this choice (instead of the form's `plan`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
}

/// Who applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Applicant {
    Person,
    Unit,
}

/// One material of an application, perhaps only under a condition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequirementFile {
    /// A material id of the catalog.
    pub material: String,
    /// Needed only when this holds for the applicant's answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// The condition in plain words ("已婚的", "if married"); required with `when`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_text: Option<Text>,
    /// Overrides the material's quantity here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A condition on the applicant's answers: one comparison (`fact` with `is`,
/// `includes` or `aboveParameter`), or `all` / `any` / `not` of conditions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Condition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// The fact equals this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<serde_json::Value>,
    /// The fact (a list) contains this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includes: Option<String>,
    /// The fact (a number or amount) is above this parameter's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above_parameter: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
}

/// Who published the pack, for where, and which version it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackMeta {
    /// Stable identifier, e.g. `cn-national`, `cn-440300-shenzhen`.
    pub id: String,
    /// The pack's own version, e.g. `2026.11.0`; results name it.
    pub version: String,
    /// GB/T 2260 code of the region the pack governs; `000000` for national.
    pub region: String,
    pub title: Text,
    /// When this version was published.
    pub published_on: NaiveDate,
    /// True for packs built from examples, not an authority's own data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// One parameter: its values by effective date, with provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParameterFile {
    /// Name for people (required in the national pack).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Required in the national pack; an overlay may repeat it, and must match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// `national`: set by national law, overlays may not change it. `regional`:
    /// provinces and cities may set their own. Required in the national pack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// For `unit: "enum"` and `unit: "list"`: the allowed values (national pack).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<String>>,
    /// How sure we are of the values; a value may override it.
    pub status: Status,
    /// When someone last checked the values against their source.
    pub last_verified: NaiveDate,
    /// Where the values come from; a value may carry its own instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    /// Values by effective date, oldest first; may be empty in the national pack
    /// for parameters only local packs set (e.g. the local minimum wage).
    pub values: Vec<DatedValue>,
}

/// A value in force from `from` (inclusive) until `to` (inclusive) or the next value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DatedValue {
    pub from: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// A JSON value of the parameter's unit: decimals as strings (`"300000"`,
    /// `"3.45"`, `"2/3"`), counts and months as integers, dates as `"YYYY-MM-DD"`,
    /// months as `"YYYY-MM"`, lists as arrays of strings.
    pub value: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Where a value comes from (出处).
///
/// `document`, `title`, `article` and `url` reach citizens (a result's Sources
/// panel): write the document's real number or title and its clause, never a
/// file name or a mark of internal notes. `note` is for maintainers: it is read
/// from the pack but never serialised into a result, and two citations that
/// differ only in their notes are the same citation.
#[derive(Clone, Debug, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Citation {
    /// Document number or name, e.g. `财金〔2023〕75号`; for values with no
    /// document say so: `local practice`, `assumption`.
    pub document: String,
    /// The document's title, e.g. `就业补助资金管理办法`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Article or section, e.g. `第十二条`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Maintainers' note (how the value was read, what is unsure, where the
    /// source is kept). Never serialised into a result, never shown to citizens.
    #[serde(default, skip_serializing)]
    pub note: Option<String>,
}

/// The documented `document` tokens for values no document states, and their
/// names in each language (a result in zh-CN reads 地方做法, not "local practice").
pub const DOCUMENT_TOKENS: [(&str, &str, &str); 2] = [
    ("local practice", "地方做法", "local practice"),
    ("assumption", "本工具的默认假设", "assumption of this kit"),
];

impl Citation {
    /// The citation as a result carries it: without the maintainers' note.
    pub fn public(&self) -> Citation {
        Citation {
            note: None,
            ..self.clone()
        }
    }

    /// The citation as a result in `lang` shows it: without the maintainers'
    /// note, and a documented token ([`DOCUMENT_TOKENS`]) in that language's words.
    ///
    /// ```
    /// use zhuchuang_core::pack::Citation;
    /// use zhuchuang_core::Lang;
    /// let c = Citation { document: "local practice".into(), title: None, article: None, url: None, note: Some("x".into()) };
    /// assert_eq!(c.shown(Lang::ZhCn).document, "地方做法");
    /// assert_eq!(c.shown(Lang::En).document, "local practice");
    /// assert_eq!(c.shown(Lang::En).note, None);
    /// ```
    pub fn shown(&self, lang: crate::text::Lang) -> Citation {
        let mut c = self.public();
        if let Some((_, zh, en)) = DOCUMENT_TOKENS
            .iter()
            .find(|(token, _, _)| c.document.trim().eq_ignore_ascii_case(token))
        {
            c.document = match lang {
                crate::text::Lang::ZhCn => zh,
                crate::text::Lang::En => en,
            }
            .to_string();
        }
        c
    }
}

/// The same place in the same document, whatever the maintainers noted.
impl PartialEq for Citation {
    fn eq(&self, other: &Citation) -> bool {
        self.document == other.document
            && self.title == other.title
            && self.article == other.article
            && self.url == other.url
    }
}

/// A clause of the citation table (出处): the document and article a criterion
/// rests on, and how sure the pack's authors are of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClauseFile {
    /// Document number or name, e.g. `财社〔2023〕181号`; for a condition with no
    /// document say so: `local practice`.
    pub document: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Article or section, e.g. `第五十六条`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What the clause says, in plain words: shown to people with the citation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `unsure` clauses (e.g. a document number not confirmed) give results a caveat.
    pub status: Status,
    /// Where the pack's authors read it (seed file, internal notes): for
    /// maintainers only, never shown in a result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// How sure the pack's authors are of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The primary text was read, or the value recomputed.
    Verified,
    /// From a reliable but not primary source.
    Secondary,
    /// Not confirmed: results using it say "以当地经办机构为准".
    Unsure,
    /// Set by local practice (a local pack's own figure).
    LocalPractice,
}

impl Status {
    /// Every status, in the order of certainty.
    pub const ALL: [Status; 4] = [
        Status::Verified,
        Status::Secondary,
        Status::Unsure,
        Status::LocalPractice,
    ];

    /// The one wording of a status, as a result's sources and the parameters
    /// page show it.
    pub fn label(self) -> crate::text::Text {
        match self {
            Status::Verified => crate::t!("已核实", "verified"),
            Status::Secondary => crate::t!("二手来源", "secondary source"),
            Status::Unsure => crate::t!(
                "待核实（以当地经办机构为准）",
                "unconfirmed (the local office's figure prevails)"
            ),
            Status::LocalPractice => crate::t!("地方做法", "local practice"),
        }
    }
}

/// Whether overlays may change a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Scope {
    National,
    Regional,
}

/// What a parameter's values are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// Money in yuan: a decimal string with at most 2 places.
    Yuan,
    /// A percentage: `"3.45"` means 3.45%.
    Percent,
    /// A share: `"0.1"` or `"2/3"`.
    Ratio,
    /// Basis points (integer; 100 bp = 1%).
    Bp,
    /// Whole months (integer).
    Months,
    /// Years (decimal string, e.g. `"15.5"`).
    Years,
    /// A count or a number of times (integer).
    Count,
    /// A day, `"YYYY-MM-DD"`.
    Date,
    /// A calendar month, `"YYYY-MM"`.
    Month,
    Bool,
    /// One of the parameter's `choices`.
    Enum,
    /// A list of the parameter's `choices`.
    List,
    /// A bilingual text `{ "zh-CN": …, "en": … }`.
    Text,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Yuan => "yuan",
            Unit::Percent => "percent",
            Unit::Ratio => "ratio",
            Unit::Bp => "bp",
            Unit::Months => "months",
            Unit::Years => "years",
            Unit::Count => "count",
            Unit::Date => "date",
            Unit::Month => "month",
            Unit::Bool => "bool",
            Unit::Enum => "enum",
            Unit::List => "list",
            Unit::Text => "text",
        }
    }
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Secondary => "secondary",
            Status::Unsure => "unsure",
            Status::LocalPractice => "local-practice",
        }
    }
}

/// The facts a material condition (a pack's `when`) may name: part of the pack
/// format, shared by the pack checker and the materials rules.
pub fn condition_facts() -> Vec<&'static str> {
    condition_fact_ids().to_vec()
}

pub fn condition_fact_ids() -> [&'static str; 18] {
    [
        "name",
        "residentId",
        "spouseName",
        "spouseId",
        "uscc",
        "categories",
        "subsidyGroup",
        "employmentForm",
        "married",
        "loanGroup",
        "loanAmount",
        "partners",
        "jobSeekingCategories",
        "traineeGroup",
        "claimKinds",
        "claimMonths",
        "claimAmount",
        "graduate",
    ]
}
