//! `checkMaterials` and `listApplications`: one-time notification checklists and
//! document checks.

use crate::convert::{output, required, string, ApiError};
use crate::rules::{rule_error, with_options, with_rules};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use zhuchuang_core::facts::Question;
use zhuchuang_core::materials::{self, MaterialsError};
use zhuchuang_core::Text;

impl From<MaterialsError> for ApiError {
    fn from(e: MaterialsError) -> ApiError {
        match e {
            MaterialsError::UnknownApplication(id, all) => ApiError::new(
                "unknownApplication",
                Text::new(
                    format!("没有名为 \"{id}\" 的申请事项，可用：{}。", all.join("、")),
                    format!(
                        "There is no application type \"{id}\"; use one of {}.",
                        all.join(", ")
                    ),
                ),
            ),
            MaterialsError::Facts(problems) => ApiError::facts("invalidFacts", problems),
            MaterialsError::Provided(problems) => ApiError::facts("invalidProvided", problems),
            MaterialsError::Rule(r) => rule_error(r),
        }
    }
}

/// The materials an application needs, tailored to the applicant's answers, and,
/// when `provided` is given, every problem with what was brought.
#[wasm_bindgen(js_name = checkMaterials, skip_typescript)]
pub fn check_materials(
    application_type: JsValue,
    facts: JsValue,
    provided: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| {
        let app = string(&application_type, "applicationType")?;
        let facts: serde_json::Value = if facts.is_undefined() || facts.is_null() {
            serde_json::Value::Object(Default::default())
        } else {
            required(&facts, "facts")?
        };
        let provided: Option<serde_json::Value> = if provided.is_undefined() || provided.is_null() {
            None
        } else {
            Some(required(&provided, "provided")?)
        };
        with_rules(o, |rules| {
            let r = materials::check_materials(
                &app,
                &facts,
                provided.as_ref(),
                rules,
                o.as_of(),
                lang,
            )?;
            output(&r)
        })
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ApplicationInfo {
    id: String,
    title: String,
    applicant: zhuchuang_core::pack::Applicant,
    /// Questions whose answers change the checklist.
    questions: Vec<Question>,
}

/// The application types in force for a region, with the questions that tailor
/// each one's checklist.
#[wasm_bindgen(js_name = listApplications, skip_typescript)]
pub fn list_applications(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    with_options(options, |o, lang| {
        with_rules(o, |rules| {
            let defs = materials::fact_defs(rules, o.as_of());
            let list: Vec<ApplicationInfo> = materials::application_ids(rules)
                .into_iter()
                .filter_map(|id| materials::application(rules, &id))
                .map(|a| ApplicationInfo {
                    questions: materials::questions_for(&a, &defs, lang),
                    id: a.id,
                    title: a.title.get(lang).to_string(),
                    applicant: a.applicant,
                })
                .collect();
            output(&list)
        })
    })
}
