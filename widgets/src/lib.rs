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
//! | `<zc-finder>` | the policy finder: one questionnaire for every program, grouped results |
//! | `<zc-application-check>` | the clerk's pre-check of a filled application form, with documents, eligibility and plan |
//! | `<zc-ledger-check>` | a whole ledger (台账) checked row by row in a Web Worker, annotated XLSX/CSV out |

pub mod application;
pub mod common;
pub mod element;
pub mod eligibility;
pub mod finder;
pub mod id_check;
#[cfg(feature = "ledger")]
pub mod ledger;
pub mod loan;
pub mod materials;
pub mod retirement;
pub mod subsidy;

use element::{register, Host};
use wasm_bindgen::prelude::*;

/// A widget as the files around the bundles know it: the loader's table of
/// bundles, the iframe page's attributes and the placeholder stylesheet are
/// generated from [`catalog`] (`widgets/tests/generated.rs`).
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetInfo {
    pub tag: &'static str,
    pub bundle: &'static str,
    /// Its own attributes (besides [`element::COMMON_ATTRIBUTES`]).
    pub attributes: &'static [&'static str],
    /// Its placeholder title, zh-CN and English.
    pub title: (&'static str, &'static str),
}

fn info<W: element::Widget>() -> WidgetInfo {
    WidgetInfo {
        tag: W::TAG,
        bundle: W::BUNDLE,
        attributes: W::ATTRIBUTES,
        title: W::TITLE,
    }
}

/// Every widget, whatever the enabled features, in the order pages list them.
pub fn catalog() -> Vec<WidgetInfo> {
    vec![
        info::<id_check::IdCheckElement>(),
        info::<retirement::RetirementElement>(),
        info::<materials::MaterialsElement>(),
        info::<eligibility::EligibilityElement>(),
        info::<subsidy::SubsidyElement>(),
        info::<loan::LoanElement>(),
        info::<loan::LoanScreeningElement>(),
        info::<finder::FinderElement>(),
        info::<application::ApplicationElement>(),
        LEDGER,
    ]
}

/// `<zc-ledger-check>`'s entry, written here because its module is compiled
/// only with the `ledger` feature (it carries the ledger check's format
/// readers); `ledger::LedgerCheckElement` takes its constants from it.
pub const LEDGER: WidgetInfo = WidgetInfo {
    tag: "zc-ledger-check",
    bundle: "ledger",
    attributes: &[],
    title: ("台账检查", "Ledger check"),
};

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
    #[cfg(feature = "finder")]
    register::<finder::FinderElement>(THEME_CSS);
    #[cfg(feature = "loan")]
    {
        register::<loan::LoanElement>(THEME_CSS);
        register::<loan::LoanScreeningElement>(THEME_CSS);
    }
    #[cfg(feature = "application")]
    register::<application::ApplicationElement>(THEME_CSS);
    #[cfg(feature = "ledger")]
    register::<ledger::LedgerCheckElement>(THEME_CSS);
}
