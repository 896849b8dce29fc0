//! Rule packs (规则包): dated, cited, regional parameters.
//!
//! Every number the rules use lives in a pack, with its values by effective date,
//! its citation, its status (verified / secondary / unsure / local-practice) and
//! the date it was last checked. The national pack is embedded; a province or city
//! loads an overlay at run time that replaces only the parameters it names.
//!
//! Resolution for a region walks county → prefecture → province → national and
//! takes the first pack with a value *in force on the date asked*, so an overlay
//! whose local figure starts in 2024 still falls back to the national value for
//! 2023. A value's `from` is inclusive: a date exactly on a boundary takes the new
//! value.
//!
//! One module per job:
//!
//! | module | job |
//! |---|---|
//! | [`file`](mod@file) | the format a pack author writes (serde types; `core/packs/pack.schema.json` is generated from them) |
//! | [`schema`] | the structure check against that schema, every problem with its JSON Pointer path |
//! | [`compact`] | the compact binary form the embedded national pack is stored in |
//! | [`parse`] | parsing: JSON → [`Pack`]; every entry that does not read is a listed [`PackProblem`] |
//! | `check` | meaning checks: dates, units, citations, scope, materials and applications references |
//! | [`value`] | values parsed by unit |
//! | [`set`] | the pack set: the embedded national pack and overlays by region ([`PackSet`], [`LoadReport`]) |
//! | [`rules`] | rule lookup for a region and date ([`Rules`], [`Resolved`], [`ParamRef`], [`RuleError`], [`PackStamp`]) |
//! | [`provenance`] | the [`Recorder`] that reads a parameter and cites it in one step, and the [`Sourced`] part of every result |
//!
//! A pack is all or nothing: any problem anywhere refuses the whole pack, and the
//! packs in force stay as they were.
//!
//! ```
//! use chrono::NaiveDate;
//! use zhuchuang_core::pack::PackSet;
//! let packs = PackSet::embedded().unwrap();
//! let rules = packs.rules("440305").unwrap();
//! let day = NaiveDate::from_ymd_opt(2023, 10, 1).unwrap();
//! let cap = rules.decimal("loan.individual.maxAmount", day).unwrap();
//! assert_eq!(cap.0.to_string(), "300000");
//! let before = rules.decimal("loan.individual.maxAmount", day.pred_opt().unwrap()).unwrap();
//! assert_eq!(before.0.to_string(), "200000");
//! ```

mod check;
pub mod citations;
pub mod compact;
pub mod file;
pub mod parse;
pub mod provenance;
pub mod rules;
pub mod schema;
pub mod set;
pub mod value;

pub use file::*;
pub use parse::{
    canonical_hash, Entry, Pack, PackErrors, PackProblem, Param, NATIONAL, NATIONAL_CHECKED,
    NATIONAL_JSON, SCHEMA_JSON,
};
pub use provenance::{caveats, cited_parameters, Figure, Recorder, Sourced};
pub use rules::{PackRef, PackStamp, ParamRef, Resolved, RuleError, Rules};
pub use set::{LoadReport, PackSet};
pub use value::Value;
