//! Pieces every widget shares, one job per module:
//!
//! - [`context`]: the page context and its hooks (the `pack` attribute's rule
//!   pack, the region, the calculation cycle, form setters);
//! - [`form`]: GOV.UK-style form parts (error summary, date fields, radios);
//! - [`question`]: a fact's question rendered by its type, household members;
//! - [`answer`]: the parts of an explained answer (citations, parameters,
//!   caveats, pack stamp);
//! - [`print`]: printing one widget alone;
//! - [`saved`]: saved answers (the `save` attribute) and "delete my answers";
//! - [`share`]: the case code and QR code shared with staff, and opening one.
//!
//! Everything is re-exported here, so `crate::common::X` names any of them.
//! Widgets render what the core decides: questions, choices, figures and their
//! wording come from the core and the packs, never from the widget.

pub mod answer;
pub mod context;
pub mod form;
pub mod print;
pub mod question;
pub mod saved;
pub mod share;

pub use answer::*;
pub use context::*;
pub use form::*;
pub use print::*;
pub use question::*;
pub use saved::*;
pub use share::*;

use zhuchuang_core::{t, Lang};

/// Picks the string for `lang`. Prefer `t!(zh, en).get(lang)`, the one way to
/// write bilingual text; this is kept for callers not yet written that way.
pub fn tr(lang: Lang, zh: &str, en: &str) -> String {
    t!(zh, en).get(lang).to_string()
}
