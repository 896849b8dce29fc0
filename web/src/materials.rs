//! `checkMaterials` and `listApplications`: one-time notification checklists and
//! document checks.

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
