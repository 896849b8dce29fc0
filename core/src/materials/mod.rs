//! Materials (申请材料) and one-time notification (一次性告知).
//!
//! The catalog of materials and the application types that need them live in the
//! rule pack, with conditions on the applicant's answers. [`check_materials`]
//! returns, all at once: the checklist tailored to the applicant; what is missing;
//! what is present but invalid and why (a number that fails its check, an expired
//! certificate, a name or ID that differs from the applicant's, a contribution
//! receipt that does not cover the subsidy claimed); what is waived because the
//! data is shared locally; what may follow later (容缺受理) or be replaced by a
//! signed commitment (告知承诺); and a verdict.
//!
//! Rules written down:
//! - A requirement whose condition cannot be decided yet (an answer is missing) is
//!   listed, with its condition in plain words: better one trip than two.
//! - A material whose `sharedData` source is in `materials.sharedData` for the
//!   region is waived, whether brought or not.
//! - Verdict: `incomplete` if a key material (关键材料) is missing or invalid, or a
//!   non-key one is and deferral is not allowed; `acceptableWithDeferral` if only
//!   non-key materials are missing, invalid or promised, and they may follow by
//!   the deadline (application date + `materials.deferralDays` calendar days);
//!   otherwise `complete`.
//! - Without `provided`, the report is the checklist a citizen takes to the window,
//!   and the verdict says what would happen if nothing were brought.
//! - Every figure a sentence states (an age, a number of months, a share) is the
//!   value the packs resolve for the region and date, read through a
//!   [`Recorder`](crate::pack::Recorder) so the report cites it.
//!
//! Modules, one job each:
//! - [`catalog`]: material and application definitions from the packs, merged
//!   national → province → city; the question vocabulary and its labels.
//! - [`conditions`]: evaluating pack conditions (three-valued, [`Tri`]) and the
//!   questions they ask.
//! - [`items`]: checking one provided item (number, holder, dates, copies,
//!   contribution receipt).
//! - [`report`]: [`check_materials`], the [`MaterialsReport`] and its verdict.

pub mod catalog;
pub mod conditions;
pub mod items;
pub mod report;

pub use crate::facts::condition_facts;
pub use crate::logic::Tri;
pub use catalog::{
    application, application_ids, choice_label, choices_in_force, choices_in_force_but, fact_defs,
    material, source_name, ApplicationDef, MaterialDef,
};
pub use conditions::{eval, evaluate, questions_for};
pub use items::{ItemProblem, ProvidedItem};
pub use report::{
    check_materials, ChecklistItem, ItemStatus, Listed, MaterialsError, MaterialsReport,
    MaterialsVerdict,
};
