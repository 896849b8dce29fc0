//! # zhuchuang-core
//!
//! The rules of China's public employment and entrepreneurship services
//! (公共创业服务, 就业援助) as pure functions: no I/O, no clock, no JavaScript.
//! Every answer explains itself, every validator returns every problem it finds,
//! and dates and money are exact.
//!
//! ```
//! use zhuchuang_core::ids::{validate_id, IdKind, IdOptions};
//! let check = validate_id(IdKind::ResidentId, "11010519491231002x", &IdOptions::default());
//! assert!(check.valid);
//! assert_eq!(check.normalized, "11010519491231002X");
//! assert_eq!(check.details.gender.unwrap().as_str(), "female");
//! ```

#[macro_use]
pub mod text;

pub mod application;
pub mod dates;
pub mod eligibility;
pub mod event;
pub mod facts;
pub mod finder;
pub mod forms;
pub mod ids;
#[cfg(feature = "ledger")]
pub mod ledger;
pub mod loan;
pub mod logic;
pub mod materials;
pub mod money;
pub mod pack;
pub mod region;
pub mod retirement;
pub mod screening;
pub mod share;
mod sort;
pub mod subsidy;
pub mod verdict;

pub use text::{Lang, Text};
