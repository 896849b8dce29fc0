//! The citation table (出处表): the clauses criteria cite, as data in the pack
//! (`citations`: id → document, article, status), so a rule names a clause by id
//! and an overlay can replace it with the local document.
//!
//! ```
//! use zhuchuang_core::pack::PackSet;
//! let packs = PackSet::embedded().unwrap();
//! let rules = packs.rules("000000").unwrap();
//! let c = rules.clause("law.employmentPromotion.zeroEmploymentFamily").unwrap();
//! assert_eq!(c.citation().article.as_deref(), Some("第五十六条"));
//! assert!(rules.clause("no.such.clause").is_err());
//! ```

use super::parse::problem;
use super::{schema, Citation, ClauseFile, Pack, PackProblem, RuleError, Rules, Status};
use crate::text::Text;
use std::collections::BTreeMap;

impl ClauseFile {
    /// The clause as a result cites it (without the maintainers' `source`).
    pub fn citation(&self) -> Citation {
        Citation {
            document: self.document.clone(),
            title: self.title.clone(),
            article: self.article.clone(),
            url: self.url.clone(),
            note: self.note.clone(),
        }
    }

    /// The caveat a result carries when it rests on an unsure clause (the one
    /// wording of it), or `None`.
    pub fn caveat(&self) -> Option<Text> {
        if self.status != Status::Unsure {
            return None;
        }
        let cited = |lang| {
            let document = self.citation().shown(lang).document;
            match &self.article {
                Some(a) => format!("{document} {a}"),
                None => document,
            }
        };
        let cited = Text::new(cited(crate::text::Lang::ZhCn), cited(crate::text::Lang::En));
        Some(t!(
            "所引依据（{}）尚未核实，以当地经办机构为准。",
            "The document cited ({}) is not confirmed; the local office has the final word.";
            cited
        ))
    }
}

impl<'a> Rules<'a> {
    /// The clause `id` of the citation table, from the most specific pack that
    /// has it (a city's or province's own document first, the national last).
    pub fn clause(&self, id: &str) -> Result<&'a ClauseFile, RuleError> {
        self.chain()
            .iter()
            .find_map(|p| p.citations.get(id))
            .ok_or_else(|| RuleError::UnknownCitation(id.to_string()))
    }
}

/// Checks the `citations` entries that read (an entry that does not read is
/// already a problem of the parser's): each must name a document, and an overlay (`base` is the national pack) may only
/// replace ids the national pack declares. Every problem is listed with its path.
pub(super) fn check(
    entries: BTreeMap<String, ClauseFile>,
    base: Option<&Pack>,
    problems: &mut Vec<PackProblem>,
) -> BTreeMap<String, ClauseFile> {
    let mut out = BTreeMap::new();
    for (id, clause) in entries {
        let path = format!("/citations/{}", schema::pointer_key(&id));
        if clause.document.trim().is_empty() {
            problems.push(problem(
                format!("{path}/document"),
                "noCitation",
                t!(
                    "出处 \"{}\" 需要 document（文号或文件名；没有文件时写 local practice）。",
                    "The citation \"{}\" needs a document (number or name; \"local practice\" if there is none).";
                    id
                ),
            ));
            continue;
        }
        if let Some(b) = base {
            if !b.citations.contains_key(&id) {
                let known: Vec<&str> = b.citations.keys().map(String::as_str).collect();
                let hint = schema::closest(&id, &known)
                    .map(|h| t!("是否应为 \"{}\"？", " Did you mean \"{}\"?"; h))
                    .unwrap_or_else(|| t!("", ""));
                problems.push(problem(
                    &path,
                    "unknownCitation",
                    t!(
                        "全国规则包中没有出处 \"{}\"，地方包只能替换已有的出处。{}",
                        "The national pack has no citation \"{}\"; a local pack may only replace existing ones.{}";
                        id, hint
                    ),
                ));
                continue;
            }
        }
        out.insert(id, clause);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::pack::{Pack, PackSet};

    const OVERLAY: &str = r#"{
      "meta": { "id": "t", "version": "1", "region": "440000",
                "title": { "zh-CN": "测试", "en": "Test" }, "publishedOn": "2026-01-01" },
      "citations": {
        "guide.assistance.difficult.base": { "document": "广东省就业困难人员认定办法", "article": "第三条", "status": "verified" }
      }
    }"#;

    #[test]
    fn an_overlay_replaces_a_clause_for_its_region_only() {
        let mut packs = PackSet::embedded().unwrap();
        packs.load(OVERLAY).unwrap();
        let id = "guide.assistance.difficult.base";
        let local = packs.rules("440100").unwrap();
        assert_eq!(
            local.clause(id).unwrap().document,
            "广东省就业困难人员认定办法"
        );
        let national = packs.rules("310000").unwrap();
        assert!(national
            .clause(id)
            .unwrap()
            .document
            .starts_with("劳动保障协理员工作指南"));
    }

    #[test]
    fn unknown_ids_and_empty_documents_are_problems_with_their_path() {
        let national = Pack::national().unwrap();
        let bad = OVERLAY
            .replace(
                "guide.assistance.difficult.base",
                "guide.assistance.difficult.bse",
            )
            .replace("第三条", "第三条\", \"url\": \"x");
        let e = Pack::parse(&bad, Some(&national)).unwrap_err();
        let p = &e.problems[0];
        assert_eq!(p.path, "/citations/guide.assistance.difficult.bse");
        assert_eq!(p.code, "unknownCitation");
        assert!(p.message.zh.contains("guide.assistance.difficult.base"));
        let empty = OVERLAY.replace("广东省就业困难人员认定办法", " ");
        let e = Pack::parse(&empty, Some(&national)).unwrap_err();
        assert_eq!(
            e.problems[0].path,
            "/citations/guide.assistance.difficult.base/document"
        );
    }

    #[test]
    fn every_national_clause_is_written_for_people() {
        let national = Pack::national().unwrap();
        for (id, c) in &national.citations {
            let shown = format!("{:?}", c.citation());
            assert!(
                !shown.contains("shared/seeds") && !shown.contains("policy-facts"),
                "{id}: {shown}"
            );
        }
    }
}
