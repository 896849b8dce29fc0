//! The pack set (规则包集合): the national pack and the overlays loaded for
//! regions; loading, unloading, and the chain of packs for a region.

use super::parse::{problem, Pack, PackErrors, PackProblem};
use super::rules::{PackRef, RuleError, Rules};
use super::NATIONAL;
use crate::region;
use crate::text::Text;
use serde::Serialize;
use std::collections::BTreeMap;

/// The national pack and the overlays loaded for regions.
#[derive(Clone, Debug)]
pub struct PackSet {
    national: Pack,
    /// The national pack the kit was built with: a replacement national pack
    /// must declare every parameter it declares.
    embedded_keys: Vec<String>,
    overlays: BTreeMap<String, Pack>,
}

/// What [`PackSet::load`] did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LoadReport {
    pub pack: PackRef,
    pub parameters: usize,
    /// The pack it replaced, if one was loaded for the same region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<PackRef>,
}

impl PackSet {
    pub fn new(national: Pack) -> PackSet {
        PackSet {
            embedded_keys: national.params.keys().cloned().collect(),
            national,
            overlays: BTreeMap::new(),
        }
    }

    /// The set with only the embedded national pack.
    pub fn embedded() -> Result<PackSet, PackErrors> {
        Pack::national().map(PackSet::new)
    }

    pub fn national(&self) -> &Pack {
        &self.national
    }

    pub fn overlays(&self) -> impl Iterator<Item = &Pack> {
        self.overlays.values()
    }

    /// Checks `json` and, only if it has no problem, puts it in force (replacing any
    /// pack for the same region). On error the set is unchanged.
    pub fn load(&mut self, json: &str) -> Result<LoadReport, PackErrors> {
        let pack = Pack::parse(json, Some(&self.national))?;
        if pack.is_national() {
            let missing: Vec<PackProblem> = self
                .embedded_keys
                .iter()
                .filter(|k| !pack.params.contains_key(*k))
                .map(|k| {
                    problem(
                        "/parameters",
                        "missingParameter",
                        Text::new(
                            format!("替换全国规则包时必须保留参数 \"{k}\"。"),
                            format!("A replacement national pack must keep the parameter \"{k}\"."),
                        ),
                    )
                })
                .collect();
            if !missing.is_empty() {
                return Err(PackErrors { problems: missing });
            }
            let report = LoadReport {
                pack: pack.reference(),
                parameters: pack.params.len(),
                replaced: Some(self.national.reference()),
            };
            self.national = pack;
            return Ok(report);
        }
        let report = LoadReport {
            pack: pack.reference(),
            parameters: pack.params.len(),
            replaced: self.overlays.get(&pack.meta.region).map(Pack::reference),
        };
        self.overlays.insert(pack.meta.region.clone(), pack);
        Ok(report)
    }

    /// Removes the overlay for `region`; true if there was one.
    pub fn unload(&mut self, region: &str) -> bool {
        self.overlays.remove(region).is_some()
    }

    /// The rules for `region` (a 6-digit code; `000000` or empty for national only).
    pub fn rules(&self, region: &str) -> Result<Rules<'_>, RuleError> {
        let region = if region.is_empty() { NATIONAL } else { region };
        if !region::is_code(region) {
            return Err(RuleError::BadRegion(region.to_string()));
        }
        let mut chain = Vec::new();
        if region != NATIONAL {
            let mut seen = Vec::new();
            for code in [
                region.to_string(),
                region::prefecture_of(region),
                region::province_of(region),
            ] {
                if seen.contains(&code) {
                    continue;
                }
                if let Some(p) = self.overlays.get(&code) {
                    chain.push(p);
                }
                seen.push(code);
            }
        }
        chain.push(&self.national);
        Ok(Rules {
            region: region.to_string(),
            chain,
            national: &self.national,
        })
    }
}
