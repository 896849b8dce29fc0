//! Provenance (出处) as structure: a calculator reads a parameter and records it
//! in the same step, so no figure can be used without being cited.
//!
//! Every result type carries one [`Sourced`] part (citations, parameters,
//! caveats, pack stamp), built only by [`Recorder::finish`]. Caveat wording lives
//! in one function, [`caveats`].
//!
//! The recorder also keeps the date each figure was read for: when that date is
//! past the parameter's `lastVerified`, the result carries one caveat naming
//! every such figure, the value used and the date it is known to (a December
//! quote never silently uses a rate last checked in May).
//!
//! ```
//! use chrono::NaiveDate;
//! use zhuchuang_core::pack::{PackSet, Recorder};
//! use zhuchuang_core::Lang;
//! let packs = PackSet::embedded().unwrap();
//! let rules = packs.rules("000000").unwrap();
//! let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
//! let mut rec = Recorder::new(&rules, Lang::ZhCn);
//! let cap = rec.decimal("loan.individual.maxAmount", day).unwrap();
//! assert_eq!(cap.value.to_string(), "300000");
//! assert_eq!(cap.shown.zh, "30万元");
//! let sourced = rec.finish();
//! assert_eq!(sourced.parameters[0].key, "loan.individual.maxAmount");
//! assert!(!sourced.citations.is_empty());
//! ```

use super::{
    Citation, PackStamp, ParamRef, Resolved, RuleError, Rules, Scope, Status, Unit, Value,
    DOCUMENT_TOKENS,
};
use crate::dates::YearMonth;
use crate::money::Ratio;
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::value::RawValue;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// The part every result carries: what it was computed from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Sourced {
    /// Every document the result rests on, each once.
    pub citations: Vec<Citation>,
    /// Every parameter the result used, each once (by key and effective date).
    #[serde(serialize_with = "cited_parameters")]
    pub parameters: Vec<ParamRef>,
    /// Warnings about the rules themselves: unsure values, example packs, and the
    /// calculator's own notes.
    pub caveats: Vec<String>,
    /// The packs in force, most specific first, with one hash over them.
    pub pack: PackStamp,
}

/// The JSON of parameters cited before, by key and effective date, each with
/// the parameter it was written for (a result repeats the same few parameters
/// call after call, in its sourced part and in its criteria). An entry is used
/// only for a parameter equal to its own, so the cache cannot go stale when
/// packs change; it is emptied when it grows past `PARAMETER_CACHE_MAX` keys, a key's list
/// past `PARAMETER_VARIANTS_MAX` parameters.
type ParameterCache = HashMap<u64, Vec<(ParamRef, Box<RawValue>)>>;

thread_local! {
    static PARAMETER_JSON: RefCell<ParameterCache> = RefCell::new(HashMap::new());
}

const PARAMETER_CACHE_MAX: usize = 2048;
const PARAMETER_VARIANTS_MAX: usize = 8;

/// Serialises the parameters a result cites (as `Vec<ParamRef>` does), each
/// written from its cached JSON text when it was cited before.
pub fn cited_parameters<S: Serializer>(params: &[ParamRef], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(params.len()))?;
    for p in params {
        PARAMETER_JSON.with(|cache| {
            let mut cache = cache.borrow_mut();
            let mut h = std::collections::hash_map::DefaultHasher::new();
            p.key.hash(&mut h);
            p.effective_from.hash(&mut h);
            let slot = h.finish();
            if let Some((_, raw)) = cache
                .get(&slot)
                .and_then(|list| list.iter().find(|(q, _)| q == p))
            {
                return seq.serialize_element(raw);
            }
            match serde_json::value::to_raw_value(p) {
                Ok(raw) => {
                    let out = seq.serialize_element(&raw);
                    if cache.len() >= PARAMETER_CACHE_MAX {
                        cache.clear();
                    }
                    let list = cache.entry(slot).or_default();
                    // A few variants (languages, overlays) per key and date.
                    if list.len() >= PARAMETER_VARIANTS_MAX {
                        list.clear();
                    }
                    list.push((p.clone(), raw));
                    out
                }
                Err(_) => seq.serialize_element(p),
            }
        })?;
    }
    seq.end()
}

/// A parameter value as read through a [`Recorder`]: the value, how people read
/// it in both languages ("30万元" / "300,000 yuan"), and its reference.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure<T> {
    pub value: T,
    /// The value as people read it, for sentences that state the figure.
    pub shown: Text,
    /// The parameter as cited (for a criterion's own parameter list).
    pub param: ParamRef,
}

/// Reads parameters for one result and records each one it reads.
#[derive(Clone, Debug)]
pub struct Recorder<'r> {
    rules: &'r Rules<'r>,
    lang: Lang,
    params: Vec<ParamRef>,
    citations: Vec<Citation>,
    notes: Vec<Text>,
    /// The latest date each regional value was read for, by key and effective
    /// date (for the "known only to" caveat; see [`caveats`]).
    reads: Vec<Read>,
}

/// A regional value read for a date: the caveat of [`caveats`] names it when
/// the date is past the parameter's `lastVerified`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub key: String,
    pub effective_from: NaiveDate,
    /// The latest date the value was read for.
    pub date: NaiveDate,
}

impl<'r> Recorder<'r> {
    pub fn new(rules: &'r Rules<'r>, lang: Lang) -> Recorder<'r> {
        Recorder {
            rules,
            lang,
            params: Vec::new(),
            citations: Vec::new(),
            notes: Vec::new(),
            reads: Vec::new(),
        }
    }

    /// The rules read from (for lookups that are not figures: labels, materials).
    pub fn rules(&self) -> &'r Rules<'r> {
        self.rules
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The parameters recorded so far.
    pub fn parameters(&self) -> &[ParamRef] {
        &self.params
    }

    fn record<T>(&mut self, value: T, r: &Resolved<'_>) -> Figure<T> {
        let param = r.to_ref(self.lang);
        // The reader's language is the parameter's own `value`; only the other
        // is worded again.
        let shown = match self.lang {
            Lang::ZhCn => Text::new(param.value.clone(), r.shown(Lang::En)),
            Lang::En => Text::new(r.shown(Lang::ZhCn), param.value.clone()),
        };
        self.keep(&param);
        // `param.citation` is the entry's citation as shown in `lang` already.
        self.cite_shown(&param.citation);
        Figure {
            value,
            shown,
            param,
        }
    }

    fn read<T>(
        &mut self,
        key: &'r str,
        date: NaiveDate,
        pick: impl Fn(&Value) -> Option<T>,
    ) -> Result<Figure<T>, RuleError> {
        let r = self.rules.lookup(key, date)?;
        let v = pick(r.value()).ok_or_else(|| RuleError::WrongUnit {
            key: key.to_string(),
        })?;
        self.read_for(&r, date);
        Ok(self.record(v, &r))
    }

    /// Notes that a figure was read for `date`. Left out: statutory
    /// (national-scope) parameters, as a law's schedule (the retirement ages, the
    /// minimum contribution years to 2039) is fixed in advance and changes only
    /// by a new law; and values that are not figures (choices, lists, flags,
    /// dates: how a rule works, not an amount that drifts), so the caveat names
    /// only amounts, rates, shares, months and counts.
    fn read_for(&mut self, r: &Resolved<'_>, date: NaiveDate) {
        let figure = matches!(
            r.def.unit,
            Unit::Yuan
                | Unit::Percent
                | Unit::Ratio
                | Unit::Bp
                | Unit::Months
                | Unit::Years
                | Unit::Count
        );
        if r.def.scope == Scope::National || !figure {
            return;
        }
        match self
            .reads
            .iter_mut()
            .find(|x| x.key == r.key && x.effective_from == r.entry.from)
        {
            Some(x) => x.date = x.date.max(date),
            None => self.reads.push(Read {
                key: r.key.to_string(),
                effective_from: r.entry.from,
                date,
            }),
        }
    }

    /// A months, count or bp value.
    pub fn int(&mut self, key: &'r str, date: NaiveDate) -> Result<Figure<i64>, RuleError> {
        self.read(key, date, |v| match v {
            Value::Int(n) => Some(*n),
            _ => None,
        })
    }

    /// A yuan, percent or years value.
    pub fn decimal(&mut self, key: &'r str, date: NaiveDate) -> Result<Figure<Decimal>, RuleError> {
        self.read(key, date, |v| match v {
            Value::Decimal(d) => Some(*d),
            _ => None,
        })
    }

    pub fn ratio(&mut self, key: &'r str, date: NaiveDate) -> Result<Figure<Ratio>, RuleError> {
        self.read(key, date, |v| match v {
            Value::Ratio(r) => Some(*r),
            _ => None,
        })
    }

    pub fn choice(&mut self, key: &'r str, date: NaiveDate) -> Result<Figure<String>, RuleError> {
        self.read(key, date, |v| match v {
            Value::Choice(c) => Some(c.clone()),
            _ => None,
        })
    }

    pub fn list(
        &mut self,
        key: &'r str,
        date: NaiveDate,
    ) -> Result<Figure<Vec<String>>, RuleError> {
        self.read(key, date, |v| match v {
            Value::List(l) => Some(l.clone()),
            _ => None,
        })
    }

    pub fn flag(&mut self, key: &'r str, date: NaiveDate) -> Result<Figure<bool>, RuleError> {
        self.read(key, date, |v| match v {
            Value::Bool(b) => Some(*b),
            _ => None,
        })
    }

    /// A bilingual text parameter (a procedure's steps), recorded.
    pub fn text(&mut self, key: &'r str, date: NaiveDate) -> Result<Figure<Text>, RuleError> {
        self.read(key, date, |v| match v {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        })
    }

    pub fn month(&mut self, key: &'r str, date: NaiveDate) -> Result<Figure<YearMonth>, RuleError> {
        self.read(key, date, |v| match v {
            Value::Month(m) => Some(*m),
            _ => None,
        })
    }

    /// Every value of `key` over time (a table such as the LPR), each recorded.
    pub fn timeline(&mut self, key: &'r str) -> Result<Vec<Resolved<'r>>, RuleError> {
        let all = self.rules.timeline(key)?;
        for r in &all {
            let p = r.to_ref(self.lang);
            self.keep_ref(p);
            self.cite(&r.entry.citation);
        }
        Ok(all)
    }

    fn has(&self, p: &ParamRef) -> bool {
        self.params
            .iter()
            .any(|q| q.key == p.key && q.effective_from == p.effective_from)
    }

    /// Records a parameter already resolved elsewhere (by a shared helper that
    /// returns its own [`ParamRef`]s).
    pub fn keep_ref(&mut self, p: ParamRef) {
        if !self.has(&p) {
            self.params.push(p);
        }
    }

    /// [`Recorder::keep_ref`] of a borrowed parameter, copied only when new.
    pub fn keep(&mut self, p: &ParamRef) {
        if !self.has(p) {
            self.params.push(p.clone());
        }
    }

    /// Records every parameter and citation of another result's sourced part.
    pub fn absorb(&mut self, other: &Sourced) {
        for p in &other.parameters {
            self.keep(p);
        }
        for c in &other.citations {
            self.cite(c);
        }
    }

    /// Records a citation that is not a parameter's (a criterion's clause),
    /// without its maintainers' note (copied only when new).
    pub fn cite(&mut self, c: &Citation) {
        // `Citation::shown` changes only a documented token's `document`.
        let document = DOCUMENT_TOKENS
            .iter()
            .find(|(token, _, _)| c.document.trim().eq_ignore_ascii_case(token))
            .map_or(c.document.as_str(), |(_, zh, en)| match self.lang {
                Lang::ZhCn => zh,
                Lang::En => en,
            });
        let known = self.citations.iter().any(|x| {
            x.document == document && x.title == c.title && x.article == c.article && x.url == c.url
        });
        if !known {
            self.citations.push(c.shown(self.lang));
        }
    }

    /// Records a citation already as shown in this recorder's language (a
    /// [`ParamRef`]'s), copied only when new.
    pub fn cite_shown(&mut self, shown: &Citation) {
        if !self.citations.contains(shown) {
            self.citations.push(shown.public());
        }
    }

    /// A caveat of the calculator's own, shown before the rule caveats.
    pub fn note(&mut self, text: Text) {
        if !self.notes.contains(&text) {
            self.notes.push(text);
        }
    }

    /// The sourced part of the result: citations, parameters, the caveats they
    /// call for (see [`caveats`]) and the pack stamp.
    pub fn finish(self) -> Sourced {
        let pack = self.rules.stamp();
        let mut all: Vec<String> = self
            .notes
            .iter()
            .map(|n| n.get(self.lang).to_string())
            .collect();
        for c in caveats(&self.params, &self.reads, &pack, self.lang) {
            if !all.contains(&c) {
                all.push(c);
            }
        }
        Sourced {
            citations: self.citations,
            parameters: self.params,
            caveats: all,
            pack,
        }
    }
}

/// The one wording of the rule caveats: every unsure value ("尚未核实…以当地经办机构
/// 为准"), ONE sentence for every value read for a date past its parameter's
/// `lastVerified` (naming each, the value used and the date it is known to,
/// grouped by that date: a December quote never silently uses a May rate), and
/// every example pack in `stamp`.
pub fn caveats(params: &[ParamRef], reads: &[Read], stamp: &PackStamp, lang: Lang) -> Vec<String> {
    let unsure = params.iter().filter(|p| p.status == Status::Unsure).map(|p| {
        Text::new(
            format!("“{}”（{}）尚未核实，各地标准可能不同，以当地经办机构为准。", p.label, p.value),
            format!("\"{}\" ({}) is not confirmed; local rules may differ, so the local office has the final word.", p.label, p.value),
        )
    });
    let examples = stamp
        .packs
        .iter()
        .filter(|p| p.example)
        .map(example_pack_caveat);
    unsure
        .chain(stale_caveat(params, reads))
        .chain(examples)
        .map(|t| t.get(lang).to_string())
        .collect()
}

/// The one sentence for values read past their last check, if any.
fn stale_caveat(params: &[ParamRef], reads: &[Read]) -> Option<Text> {
    let mut stale: Vec<&ParamRef> = params
        .iter()
        .filter(|p| {
            reads.iter().any(|r| {
                r.key == p.key && r.effective_from == p.effective_from && r.date > p.last_verified
            })
        })
        .collect();
    if stale.is_empty() {
        return None;
    }
    crate::sort::sort_by_key(&mut stale, |p| p.last_verified);
    let mut groups: Vec<(NaiveDate, Vec<&ParamRef>)> = Vec::new();
    for p in stale {
        match groups.last_mut() {
            Some((d, list)) if *d == p.last_verified => {
                if !list.iter().any(|q| q.key == p.key && q.value == p.value) {
                    list.push(p);
                }
            }
            _ => groups.push((p.last_verified, vec![p])),
        }
    }
    let zh: Vec<String> = groups
        .iter()
        .map(|(d, list)| {
            let items: Vec<String> = list
                .iter()
                .map(|p| format!("{}（{}）", p.label, p.value))
                .collect();
            format!("核实至 {d} 的有{}", items.join("、"))
        })
        .collect();
    let en: Vec<String> = groups
        .iter()
        .map(|(d, list)| {
            let items: Vec<String> = list
                .iter()
                .map(|p| format!("{} ({})", p.label, p.value))
                .collect();
            format!("known to {d}: {}", items.join(", "))
        })
        .collect();
    Some(Text::new(
        format!(
            "本结果所用日期晚于以下数值的最后核实日期，按已知的值计算，实际可能已有调整，以当地经办机构为准：{}。",
            zh.join("；")
        ),
        format!(
            "This result is for a date after these figures were last checked; it uses the values known then, which may have changed since, so the local office has the final word ({}).",
            en.join("; ")
        ),
    ))
}

/// The caveat for an example pack in force.
pub fn example_pack_caveat(p: &super::PackRef) -> Text {
    Text::new(
        format!("本结果使用了示例规则包「{}」，仅供演示，不代表当地正式规定。", p.title.zh),
        format!("This result uses the example pack {}: for demonstration only, not the local authority's rules.", p.id),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::PackSet;

    #[derive(Serialize)]
    struct Cited {
        #[serde(serialize_with = "cited_parameters")]
        parameters: Vec<ParamRef>,
    }

    /// Parameters written from the cache are written as the parameters
    /// themselves: the first time, the next times, after a change of the
    /// parameter under the same key and date, and into a `serde_json::Value`.
    #[test]
    fn cited_parameters_are_written_as_the_parameters_themselves() {
        let packs = PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for lang in [Lang::ZhCn, Lang::En] {
            let mut rec = Recorder::new(&rules, lang);
            rec.decimal("loan.individual.maxAmount", day).unwrap();
            rec.int("loan.rateCapOverLprBp", day).unwrap();
            rec.choice("money.rounding", day).unwrap();
            let parameters = rec.finish().parameters;
            let plain = |p: &Vec<ParamRef>| {
                format!("{{\"parameters\":{}}}", serde_json::to_string(p).unwrap())
            };
            for _ in 0..3 {
                let cited = Cited {
                    parameters: parameters.clone(),
                };
                assert_eq!(serde_json::to_string(&cited).unwrap(), plain(&parameters));
                assert_eq!(
                    serde_json::to_value(&cited).unwrap()["parameters"],
                    serde_json::to_value(&parameters).unwrap()
                );
            }
            let mut changed = parameters.clone();
            changed[0].label = "另一个名称".into();
            changed[1].value = "151BP".into();
            let cited = Cited {
                parameters: changed.clone(),
            };
            assert_eq!(serde_json::to_string(&cited).unwrap(), plain(&changed));
            assert_ne!(plain(&changed), plain(&parameters));
            // More variants under one key and date than the cache keeps.
            for i in 0..(2 * PARAMETER_VARIANTS_MAX) {
                changed[0].label = format!("名称{i}");
                let cited = Cited {
                    parameters: changed.clone(),
                };
                assert_eq!(serde_json::to_string(&cited).unwrap(), plain(&changed));
            }
        }
    }
}
