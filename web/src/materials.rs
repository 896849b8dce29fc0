//! `checkMaterials` and `listApplications`: one-time notification checklists and
//! document checks; `checkApplication` and `listForms`: the application-form pre-check.

use crate::convert::call;
use wasm_bindgen::prelude::*;

/// The materials an application needs, tailored to the applicant's answers, and,
/// when `provided` is given, every problem with what was brought.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = checkMaterials, skip_typescript))]
pub fn check_materials(
    application_type: JsValue,
    facts: JsValue,
    provided: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    call(
        "checkMaterials",
        &[
            (&application_type, "applicationType"),
            (&facts, "facts"),
            (&provided, "provided"),
        ],
        options.as_ref(),
    )
}

/// The application types in force for a region, with the questions that tailor
/// each one's checklist.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = listApplications, skip_typescript))]
pub fn list_applications(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("listApplications", &[], options.as_ref())
}

/// A filled application form checked as a whole: every problem with its
/// field, the eligibility determination, the materials report and the plan.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = checkApplication, skip_typescript))]
pub fn check_application(
    form: JsValue,
    values: JsValue,
    provided: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    call(
        "checkApplication",
        &[
            (&form, "form"),
            (&values, "values"),
            (&provided, "provided"),
        ],
        options.as_ref(),
    )
}

/// The application forms in force for a region, with every field to render.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = listForms, skip_typescript))]
pub fn list_forms(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("listForms", &[], options.as_ref())
}
