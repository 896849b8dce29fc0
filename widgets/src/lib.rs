//! # zhuchuang-widgets
//!
//! Yew components registered as custom elements (`<zc-…>`), so any page can embed
//! them with one `<script type="module">` and one tag. Each widget lives in a
//! shadow root, takes its settings from attributes, and reports results as
//! `zc-…` DOM events on its element. See [`element`] for the framework and
//! [`common`] for the parts every widget shares. Widgets render what the core
//! decides: questions, choices and figures come from the core and the packs.
//!
//! | element | what it does |
//! |---|---|
//! | `<zc-id-check>` | checks an ID, credit code, disability certificate, bank card or mobile number |
//! | `<zc-retirement>` | the statutory retirement month and age under the gradual delay |
//! | `<zc-materials>` | what to bring (一次性告知), printable; a staff check of what was brought |
//! | `<zc-subsidy>` | subsidy period and amounts month by month, with a timeline, CSV and print |
//! | `<zc-loan>` | the guaranteed-loan quote: cap, rate, subsidy, schedule and chart |
//! | `<zc-loan-screening>` | the project screening questionnaire and home-visit checks |
//! | `<zc-eligibility>` | a one-question-at-a-time eligibility wizard with an explained result |
//! | `<zc-ledger-check>` | a whole ledger (台账) checked row by row in a Web Worker, annotated XLSX/CSV out |

pub mod common;
pub mod element;
pub mod eligibility;
pub mod id_check;
#[cfg(feature = "ledger")]
pub mod ledger;
pub mod loan;
pub mod materials;
pub mod retirement;
pub mod subsidy;

use element::{register, Host};
use wasm_bindgen::prelude::*;

/// The stylesheet every widget's shadow root adopts.
pub const THEME_CSS: &str = include_str!("theme.css");

/// The date a widget treats as today: its `today` attribute (for demos and
/// tests; read as people type dates: 2026-11-21, 2026/11/21, 2026年11月21日),
/// else the device's date.
pub fn today_of(host: &Host) -> chrono::NaiveDate {
    host.attr("today")
        .and_then(|d| zhuchuang_core::dates::read_date(&d).ok())
        .unwrap_or_else(zhuchuang_web::today)
}

/// Defines the elements of the enabled widget features when the module loads
/// (one bundle per feature; a tag already defined is left alone, so loading
/// two bundles never defines one twice).
#[wasm_bindgen(start)]
pub fn start() {
    // The ledger bundle also runs in its Web Worker, where there is no page.
    if web_sys::window().is_none() {
        return;
    }
    #[cfg(feature = "id-check")]
    register::<id_check::IdCheckElement>(THEME_CSS);
    #[cfg(feature = "retirement")]
    register::<retirement::RetirementElement>(THEME_CSS);
    #[cfg(feature = "materials")]
    register::<materials::MaterialsElement>(THEME_CSS);
    #[cfg(feature = "eligibility")]
    register::<eligibility::EligibilityElement>(THEME_CSS);
    #[cfg(feature = "subsidy")]
    register::<subsidy::SubsidyElement>(THEME_CSS);
    #[cfg(feature = "loan")]
    {
        register::<loan::LoanElement>(THEME_CSS);
        register::<loan::LoanScreeningElement>(THEME_CSS);
    }
    #[cfg(feature = "ledger")]
    register::<ledger::LedgerCheckElement>(THEME_CSS);
}
