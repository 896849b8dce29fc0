//! Rule lookup (参数查询): the packs in force for one region ([`Rules`]), the value
//! of a parameter on a date with where it came from ([`Resolved`], [`ParamRef`]),
//! typed accessors, timelines, why a value could not be read ([`RuleError`]),
//! and the stamp naming the packs a result used ([`PackStamp`]).

use super::file::{Citation, Status, Unit};
use super::parse::{sha256_hex, Entry, Pack, Param};
use super::value::Value;
use crate::dates::YearMonth;
use crate::money::Ratio;
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// Identifies one pack in a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PackRef {
    pub id: String,
    pub version: String,
    pub region: String,
    pub hash: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
    /// The pack's title, for sentences about it (not serialised: the id names it).
    #[serde(skip)]
    pub title: crate::text::Text,
}

/// The packs a result was computed with, most specific first, and one hash over them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PackStamp {
    pub packs: Vec<PackRef>,
    pub hash: String,
}

/// Why a parameter could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleError {
    /// The region is not a 6-digit code.
    BadRegion(String),
    /// No pack declares the key (a bug in a rule, or an outdated replacement pack).
    UnknownParameter(String),
    /// The parameter has no value in force on the date for the region.
    NoValue {
        key: String,
        label: Text,
        date: NaiveDate,
        region: String,
    },
    /// The value is not of the unit the rule needs (a bug in a rule).
    WrongUnit { key: String },
    /// No pack has the clause a rule cites (a bug in a rule, or an outdated
    /// replacement pack).
    UnknownCitation(String),
}

impl RuleError {
    pub fn message(&self) -> Text {
        match self {
            RuleError::BadRegion(r) => Text::new(
                format!("地区代码应为6位数字（全国为 000000），收到 \"{r}\"。"),
                format!("The region must be a 6-digit code (000000 for national), not \"{r}\"."),
            ),
            RuleError::UnknownParameter(k) => Text::new(
                format!("规则包中没有参数 \"{k}\"。"),
                format!("No pack declares the parameter \"{k}\"."),
            ),
            RuleError::NoValue { key, label, date, region } => Text::new(
                format!(
                    "规则包中没有{}（{key}）在 {date} 对地区 {region} 适用的值。请加载当地规则包，或咨询当地经办机构。",
                    label.zh
                ),
                format!(
                    "The packs have no value of {} ({key}) in force on {date} for region {region}. Load the local pack, or ask the local office.",
                    label.en
                ),
            ),
            RuleError::WrongUnit { key } => Text::new(
                format!("参数 \"{key}\" 的单位与规则不符。"),
                format!("The parameter \"{key}\" has a unit the rule cannot use."),
            ),
            RuleError::UnknownCitation(id) => Text::new(
                format!("规则包的出处表（citations）中没有 \"{id}\"。"),
                format!("No pack's citation table has \"{id}\"."),
            ),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            RuleError::BadRegion(_) => "badRegion",
            RuleError::UnknownParameter(_) => "unknownParameter",
            RuleError::NoValue { .. } => "noValue",
            RuleError::WrongUnit { .. } => "wrongUnit",
            RuleError::UnknownCitation(_) => "unknownCitation",
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en)
    }
}

impl std::error::Error for RuleError {}

/// The packs in force for one region.
#[derive(Clone, Debug)]
pub struct Rules<'a> {
    pub(super) region: String,
    /// Most specific first; the national pack last.
    pub(super) chain: Vec<&'a Pack>,
    pub(super) national: &'a Pack,
}

/// A parameter value found for a date, with where it came from.
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'a> {
    pub key: &'a str,
    pub entry: &'a Entry,
    /// The national declaration (label, unit).
    pub def: &'a Param,
    /// The pack the value came from.
    pub pack: &'a Pack,
    /// The national pack (for the names of choices, `labels`).
    pub national: &'a Pack,
}

/// A parameter as cited in a result: value, unit, status, citation, source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ParamRef {
    pub key: String,
    pub label: String,
    /// The value as people read it ("30万元", "3%").
    pub value: String,
    /// The value in machine form ("300000", "3.00", "2/3").
    pub raw: String,
    pub unit: Unit,
    pub status: Status,
    pub citation: Citation,
    #[serde(serialize_with = "crate::money::ser::date")]
    pub effective_from: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "crate::money::ser::option_date")]
    pub effective_to: Option<NaiveDate>,
    /// The region whose pack set the value (`000000` for national).
    pub locality: String,
    /// `id@version` of that pack.
    pub pack: String,
    #[serde(serialize_with = "crate::money::ser::date")]
    pub last_verified: NaiveDate,
}

impl Resolved<'_> {
    pub fn value(&self) -> &Value {
        &self.entry.value
    }

    pub fn label(&self, lang: Lang) -> String {
        self.def
            .label
            .as_ref()
            .map(|l| l.get(lang).to_string())
            .unwrap_or_else(|| self.key.to_string())
    }

    pub fn to_ref(&self, lang: Lang) -> ParamRef {
        let source = self.pack.params.get(self.key).unwrap_or(self.def);
        ParamRef {
            key: self.key.to_string(),
            label: self.label(lang),
            value: self.shown(lang),
            raw: self.entry.value.raw(),
            unit: self.def.unit,
            status: self.entry.status,
            citation: self.entry.citation.shown(lang),
            effective_from: self.entry.from,
            effective_to: self.entry.to,
            locality: self.pack.meta.region.clone(),
            pack: format!("{}@{}", self.pack.meta.id, self.pack.meta.version),
            last_verified: source.last_verified,
        }
    }

    /// The value as people read it in `lang`: choices by their names (the
    /// `labels` of the pack that set the value, else the national pack's), never
    /// their ids.
    pub fn shown(&self, lang: Lang) -> String {
        let name = |c: &str| -> String {
            self.pack
                .labels
                .get(c)
                .or_else(|| self.national.labels.get(c))
                .map(|t| t.get(lang).to_string())
                // A region code (a list of provinces) reads as the region's name.
                .or_else(|| {
                    crate::region::is_code(c)
                        .then(|| crate::region::name(c))
                        .flatten()
                })
                .unwrap_or_else(|| c.to_string())
        };
        match &self.entry.value {
            Value::Choice(c) => name(c),
            Value::List(l) if l.is_empty() => match lang {
                Lang::ZhCn => "无".to_string(),
                Lang::En => "none".to_string(),
            },
            Value::List(l) => {
                let names: Vec<String> = l.iter().map(|c| name(c)).collect();
                names.join(match lang {
                    Lang::ZhCn => "、",
                    Lang::En => "; ",
                })
            }
            v => v.display(self.def.unit, lang),
        }
    }

    pub fn is_unsure(&self) -> bool {
        self.entry.status == Status::Unsure
    }
}

impl<'a> Rules<'a> {
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The packs in force, most specific first (the national pack last).
    pub fn chain(&self) -> &[&'a Pack] {
        &self.chain
    }

    /// The packs in force, most specific first, with one hash over them.
    pub fn stamp(&self) -> PackStamp {
        let packs: Vec<PackRef> = self.chain.iter().map(|p| p.reference()).collect();
        let joined: Vec<String> = packs
            .iter()
            .map(|p| format!("{}@{}:{}", p.id, p.version, p.hash))
            .collect();
        PackStamp {
            hash: sha256_hex(joined.join(";").as_bytes()),
            packs,
        }
    }

    /// The name of a choice value: the most specific pack's `labels` entry, else
    /// `None` (callers fall back to the kit's own names).
    pub fn label(&self, choice: &str) -> Option<&'a Text> {
        self.chain.iter().find_map(|p| p.labels.get(choice))
    }

    /// The national declaration of `key`.
    pub fn declaration(&self, key: &str) -> Result<&'a Param, RuleError> {
        self.national
            .params
            .get(key)
            .ok_or_else(|| RuleError::UnknownParameter(key.to_string()))
    }

    /// The value of `key` in force on `date` for this region.
    pub fn lookup(&self, key: &'a str, date: NaiveDate) -> Result<Resolved<'a>, RuleError> {
        let def = self.declaration(key)?;
        for pack in &self.chain {
            if let Some(entry) = pack.params.get(key).and_then(|p| p.entry_on(date)) {
                return Ok(Resolved {
                    key,
                    entry,
                    def,
                    pack,
                    national: self.national,
                });
            }
        }
        Err(RuleError::NoValue {
            key: key.to_string(),
            label: def.label.clone().unwrap_or_else(|| Text::new(key, key)),
            date,
            region: self.region.clone(),
        })
    }

    /// Every value of `key` for this region over time (for tables such as the LPR),
    /// merged along the chain: the most specific pack's entries win where in force.
    pub fn timeline(&self, key: &'a str) -> Result<Vec<Resolved<'a>>, RuleError> {
        self.declaration(key)?;
        let mut starts: Vec<NaiveDate> = self
            .chain
            .iter()
            .filter_map(|p| p.params.get(key))
            .flat_map(|p| {
                p.entries
                    .iter()
                    .flat_map(|e| [Some(e.from), e.to.and_then(|t| t.succ_opt())])
            })
            .flatten()
            .collect();
        crate::sort::sort_by(&mut starts, Ord::cmp);
        starts.dedup();
        let mut out: Vec<Resolved<'a>> = Vec::new();
        for d in starts {
            if let Ok(r) = self.lookup(key, d) {
                if out.last().is_none_or(|l| !std::ptr::eq(l.entry, r.entry)) {
                    out.push(r);
                }
            }
        }
        Ok(out)
    }

    fn typed<T>(
        &self,
        key: &'a str,
        date: NaiveDate,
        pick: impl Fn(&Value) -> Option<T>,
    ) -> Result<(T, Resolved<'a>), RuleError> {
        let r = self.lookup(key, date)?;
        let v = pick(r.value()).ok_or_else(|| RuleError::WrongUnit {
            key: key.to_string(),
        })?;
        Ok((v, r))
    }

    /// A yuan, percent or years value.
    pub fn decimal(
        &self,
        key: &'a str,
        date: NaiveDate,
    ) -> Result<(Decimal, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Decimal(d) => Some(*d),
            _ => None,
        })
    }

    /// A months, count or bp value.
    pub fn int(&self, key: &'a str, date: NaiveDate) -> Result<(i64, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Int(n) => Some(*n),
            _ => None,
        })
    }

    pub fn ratio(&self, key: &'a str, date: NaiveDate) -> Result<(Ratio, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Ratio(r) => Some(*r),
            _ => None,
        })
    }

    pub fn choice(
        &self,
        key: &'a str,
        date: NaiveDate,
    ) -> Result<(String, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Choice(c) => Some(c.clone()),
            _ => None,
        })
    }

    pub fn list(
        &self,
        key: &'a str,
        date: NaiveDate,
    ) -> Result<(Vec<String>, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::List(l) => Some(l.clone()),
            _ => None,
        })
    }

    pub fn flag(&self, key: &'a str, date: NaiveDate) -> Result<(bool, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Bool(b) => Some(*b),
            _ => None,
        })
    }

    pub fn month(
        &self,
        key: &'a str,
        date: NaiveDate,
    ) -> Result<(YearMonth, Resolved<'a>), RuleError> {
        self.typed(key, date, |v| match v {
            Value::Month(m) => Some(*m),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::pack::{Pack, PackSet};
    use crate::Lang;
    use chrono::NaiveDate;

    /// Results show choices by name: the national pack names every choice of
    /// every `enum` and `list` parameter it declares (a region code is named by
    /// the GB/T 2260 table).
    #[test]
    #[cfg(feature = "region-names")]
    fn every_national_choice_has_a_name() {
        let national = Pack::national().unwrap();
        for (key, p) in &national.params {
            for c in &p.choices {
                let name = national.labels.get(c).map(|t| t.zh.clone()).or_else(|| {
                    crate::region::is_code(c)
                        .then(|| crate::region::name(c))
                        .flatten()
                });
                assert!(
                    name.is_some(),
                    "{key}: the choice \"{c}\" has no name in labels"
                );
            }
        }
    }

    #[test]
    fn choices_and_tokens_read_in_the_result_language() {
        let packs = PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let r = rules.lookup("money.rounding", day).unwrap();
        let zh = r.to_ref(Lang::ZhCn);
        assert_eq!(
            (zh.value.as_str(), zh.raw.as_str()),
            ("四舍五入到分", "halfUp")
        );
        assert_eq!(zh.citation.document, "本工具的默认假设");
        assert_eq!(
            r.to_ref(Lang::En).citation.document,
            "assumption of this kit"
        );
        let shared = rules.lookup("materials.sharedData", day).unwrap();
        assert_eq!(shared.to_ref(Lang::ZhCn).value, "无");
    }
}
