//! Rule packs and rule-based answers: `loadPack`, `unloadPack`, `resetPacks`,
//! `packInfo`, `getParameter`, `listParameters`, `statutoryRetirement`,
//! `listPrograms`, `checkEligibility`, `assistancePlan`.
//!
//! The loaded packs live in this module (one set per page or Node process): the
//! embedded national pack plus any overlays loaded with `loadPack`.

use crate::convert::call;
use crate::error::ApiError;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use zhuchuang_core::pack::{PackSet, RuleError};
use zhuchuang_core::Text;

pub use crate::api::RuleOptions;

thread_local! {
    static PACKS: RefCell<Option<PackSet>> = const { RefCell::new(None) };
}

/// Runs `f` with the pack set, creating it from the embedded national pack first.
pub fn with_packs<T>(f: impl FnOnce(&mut PackSet) -> Result<T, ApiError>) -> Result<T, ApiError> {
    PACKS.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(PackSet::embedded().map_err(|e| ApiError::pack(e, "internal"))?);
        }
        match slot.as_mut() {
            Some(set) => f(set),
            None => Err(ApiError::new(
                "internal",
                Text::new("规则包不可用。", "No rule pack is available."),
            )),
        }
    })
}

/// A core rule error as an API error (the same as `ApiError::from`).
pub fn rule_error(e: RuleError) -> ApiError {
    e.into()
}

/// Loads a local pack (JSON text or an object). Every problem is reported at
/// once and the packs in force stay unchanged on error.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = loadPack, skip_typescript))]
pub fn load_pack(pack: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("loadPack", &[(&pack, "pack")], options.as_ref())
}

/// Removes the pack loaded for `region`; returns whether there was one.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = unloadPack, skip_typescript))]
pub fn unload_pack(region: JsValue) -> Result<JsValue, JsValue> {
    call("unloadPack", &[(&region, "region")], None)
}

/// Back to the embedded national pack only (made again when next needed).
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = resetPacks, skip_typescript))]
pub fn reset_packs() -> Result<(), JsValue> {
    PACKS.with(|cell| *cell.borrow_mut() = None);
    Ok(())
}

/// The packs in force for a region, most specific first, with their hash.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = packInfo, skip_typescript))]
pub fn pack_info(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("packInfo", &[], options.as_ref())
}

/// One parameter's value in force for a region on a date, with its provenance.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = getParameter, skip_typescript))]
pub fn get_parameter(key: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("getParameter", &[(&key, "key")], options.as_ref())
}

/// Every parameter with its value in force for a region on a date (or none).
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = listParameters, skip_typescript))]
pub fn list_parameters(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("listParameters", &[], options.as_ref())
}

/// The statutory retirement month and age under the gradual delay.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = statutoryRetirement, skip_typescript))]
pub fn statutory_retirement(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call(
        "statutoryRetirement",
        &[(&input, "input")],
        options.as_ref(),
    )
}

/// The programs `checkEligibility` knows, with their questions.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = listPrograms, skip_typescript))]
pub fn list_programs(options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("listPrograms", &[], options.as_ref())
}

/// Checks whether the facts given qualify for `program`: an explained verdict.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = checkEligibility, skip_typescript))]
pub fn check_eligibility(
    program: JsValue,
    facts: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    call(
        "checkEligibility",
        &[(&program, "program"), (&facts, "facts")],
        options.as_ref(),
    )
}

/// Every program (or `options.programs`) on one set of answers: each
/// program's determination, what it gives, how to apply, the merged materials
/// and the one next question.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = findPrograms, skip_typescript))]
pub fn find_programs(facts: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("findPrograms", &[(&facts, "facts")], options.as_ref())
}

/// The employment-assistance level and plan, and the exits and subsidy stops
/// that the changes given bring.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = assistancePlan, skip_typescript))]
pub fn assistance_plan(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("assistancePlan", &[(&input, "input")], options.as_ref())
}
