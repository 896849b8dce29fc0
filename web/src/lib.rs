//! # zhuchuang-web
//!
//! The JavaScript and TypeScript API of zhuchuang, for browsers (ES module) and
//! Node (CommonJS). Every function takes plain objects and returns plain objects;
//! dates are `"YYYY-MM-DD"` strings and money is decimal strings in yuan.
//! Bad arguments throw a `ZhuchuangError` (`code`, `message`, `messages`), never
//! a panic. No function makes a network request or keeps personal data.
//!
//! ```js
//! import init, { validateId } from "zhuchuang-web";
//! await init();
//! validateId("residentId", "11010519491231002X", { lang: "en" }).details.gender; // "female"
//! ```
//!
//! The JavaScript exports (`#[wasm_bindgen]` functions) exist only with the
//! `exports` feature, on by default: the widgets depend on this crate with
//! `default-features = false` and use its plain-Rust parts (`api`, `rules::with_packs`,
//! `to_js`, `today`, `ApiError`), so no widget bundle carries the JS API.

pub mod api;
mod convert;
pub mod error;
pub mod ids;
#[cfg(feature = "ledger")]
pub mod ledger;
pub mod loan;
pub mod materials;
pub mod rules;
pub mod subsidy;

pub use convert::today;
pub use error::ApiError;

/// Converts a core result to a plain JavaScript object, as every API function
/// returns it (for widgets that emit results as event details).
pub fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    convert::output(value).unwrap_or(JsValue::NULL)
}

use wasm_bindgen::prelude::*;

// The package's .d.ts: the types generated from the Rust types (see
// tests/tests/types.rs), then the functions, declared by hand over them.
#[cfg(feature = "exports")]
#[wasm_bindgen(typescript_custom_section)]
const TS_GENERATED: &'static str = include_str!("types.generated.d.ts");

#[cfg(feature = "exports")]
#[wasm_bindgen(typescript_custom_section)]
const TS_FUNCTIONS: &'static str = include_str!("types.d.ts");

/// The kit's version and the national pack in force.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = kitInfo, skip_typescript))]
pub fn kit_info() -> JsValue {
    convert::call("kitInfo", &[], None).unwrap_or_else(|_| {
        // Without a national pack there is still a version to tell.
        let info = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&info, &"version".into(), &env!("CARGO_PKG_VERSION").into());
        info.into()
    })
}
