//! One provided item (已提交材料) checked against its material: the number on it,
//! whose it is, its dates, original and copies, and a contribution receipt
//! against the subsidy claimed.

use super::catalog::MaterialDef;
use crate::dates::add_months;
use crate::facts::{FactProblem, Facts};
use crate::ids::{fold, validate_id, IdKind, IdOptions, Severity};
use crate::pack::{Holder, MaterialForm, Recorder, RuleError, Rules, Validity};
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the applicant brought for one material.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ProvidedItem {
    /// The number on it (checked like `validateId` when the material has an idKind).
    pub number: Option<String>,
    pub holder_name: Option<String>,
    pub holder_id: Option<String>,
    #[serde(deserialize_with = "crate::dates::serde_loose::option_date")]
    pub issued_on: Option<NaiveDate>,
    #[serde(deserialize_with = "crate::dates::serde_loose::option_date")]
    pub valid_until: Option<NaiveDate>,
    /// `original`, `copy` or `originalAndCopy`.
    pub form: Option<MaterialForm>,
    pub copies: Option<u32>,
    /// A signed commitment (告知承诺) instead of the document.
    pub commitment: bool,
    /// Will be brought later (容缺受理).
    pub later: bool,
    /// On a contribution receipt: the insurance kinds, months and total paid.
    pub kinds: Option<Vec<String>>,
    pub months: Option<u32>,
    pub amount: Option<Decimal>,
}

/// A problem with one material.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ItemProblem {
    /// `numberInvalid`, `numberCheck` (a warning of the number check), `mismatchId`, `mismatchName`, `expired`, `tooOld`,
    /// `issuedInFuture`, `needsOriginal`, `quantity`, `receiptKinds`,
    /// `receiptMonths`, `receiptAmount`, `commitmentNotAllowed`, `keyCannotDefer`,
    /// `checkValidity`, `checkReceipt`.
    pub code: String,
    pub severity: Severity,
    pub message: String,
}

impl ItemProblem {
    /// An error, in the report's language.
    pub(crate) fn error(code: &str, text: Text, lang: Lang) -> ItemProblem {
        ItemProblem {
            code: code.into(),
            severity: Severity::Error,
            message: text.get(lang).to_string(),
        }
    }
}

fn same_id(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let c = validate_id(IdKind::ResidentId, s, &IdOptions::default());
        if c.valid {
            c.normalized
        } else {
            fold(s)
        }
    };
    norm(a) == norm(b)
}

fn same_name(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// Problems of one item, in the report's language.
struct Problems {
    items: Vec<ItemProblem>,
    lang: Lang,
}

impl Problems {
    fn err(&mut self, code: &str, t: Text) {
        self.push(code, Severity::Error, t);
    }
    fn warn(&mut self, code: &str, t: Text) {
        self.push(code, Severity::Warning, t);
    }
    fn push(&mut self, code: &str, severity: Severity, t: Text) {
        self.items.push(ItemProblem {
            code: code.into(),
            severity,
            message: t.get(self.lang).to_string(),
        });
    }
}

/// Checks one provided material; returns its problems (errors and warnings) in
/// the recorder's language, recording every parameter it compares with.
pub(crate) fn check_item(
    m: &MaterialDef,
    item: &ProvidedItem,
    facts: &Facts,
    rec: &mut Recorder<'_>,
    as_of: NaiveDate,
) -> Result<Vec<ItemProblem>, RuleError> {
    let lang = rec.lang();
    let mut out = Problems {
        items: Vec::new(),
        lang,
    };
    let name = &m.name;
    // The number on it.
    if let (Some(kind), Some(number)) = (m.id_kind, &item.number) {
        let id_options = IdOptions {
            lang,
            today: Some(as_of),
        };
        // 社会保障卡或银行卡: either card's number will do.
        let c = if kind == IdKind::BankCard {
            crate::ids::validate_payment_card(number, &id_options)
        } else {
            validate_id(kind, number, &id_options)
        };
        // A bank card's warning (a failed Luhn check) is kept, as validateId keeps it.
        let card_warnings = c
            .problems
            .iter()
            .filter(|p| kind == IdKind::BankCard && p.severity == Severity::Warning);
        for p in card_warnings {
            out.warn(
                "numberCheck",
                t!("{}上的号码：{}", "The number on the {}: {}"; name, Text::new(p.message.clone(), p.message.clone())),
            );
        }
        if !c.valid {
            let msgs: Vec<&str> = c
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .map(|p| p.message.as_str())
                .collect();
            out.err(
                "numberInvalid",
                t!(
                    "{}上的号码有误：{}",
                    "The number on the {} is wrong: {}";
                    name,
                    Text::new(msgs.join(""), msgs.join(" "))
                ),
            );
        } else {
            // A disability certificate carries the holder's ID number.
            let embedded = c
                .details
                .resident_id
                .clone()
                .or(if kind == IdKind::ResidentId {
                    Some(c.normalized.clone())
                } else {
                    None
                });
            let expected_id = match m.holder {
                Holder::Applicant => facts.text("residentId"),
                Holder::Spouse => facts.text("spouseId"),
                _ => None,
            };
            if let (Some(e), Some(want)) = (embedded, expected_id) {
                if !same_id(&e, want) {
                    out.err(
                        "mismatchId",
                        t!(
                            "{}上的身份证号（{}）与申请表中的（{}）不一致。",
                            "The ID number on the {} ({}) differs from the one on the form ({}).";
                            name,
                            e,
                            fold(want)
                        ),
                    );
                }
            }
            if kind == IdKind::Uscc {
                if let Some(want) = facts.text("uscc") {
                    if fold(want) != c.normalized {
                        out.err(
                            "mismatchId",
                            t!(
                                "{}上的统一社会信用代码（{}）与申请表中的（{}）不一致。",
                                "The credit code on the {} ({}) differs from the one on the form ({}).";
                                name,
                                c.normalized,
                                fold(want)
                            ),
                        );
                    }
                }
            }
        }
    }
    // Whose it is.
    let (want_name, want_id) = match m.holder {
        Holder::Applicant => (facts.text("name"), facts.text("residentId")),
        Holder::Spouse => (facts.text("spouseName"), facts.text("spouseId")),
        _ => (None, None),
    };
    if let (Some(got), Some(want)) = (&item.holder_name, want_name) {
        if !same_name(got, want) {
            out.err(
                "mismatchName",
                t!(
                    "{}上的姓名「{}」与申请人「{}」不一致。",
                    "The name on the {} (\"{}\") differs from the applicant's (\"{}\").";
                    name,
                    got,
                    want
                ),
            );
        }
    }
    if let (Some(got), Some(want)) = (&item.holder_id, want_id) {
        if !same_id(got, want) {
            out.err(
                "mismatchId",
                t!(
                    "{}上的身份证号（{}）与申请表中的（{}）不一致。",
                    "The ID number on the {} ({}) differs from the one on the form ({}).";
                    name,
                    fold(got),
                    fold(want)
                ),
            );
        }
    }
    // Dates.
    if let Some(issued) = item.issued_on {
        if issued > as_of {
            out.err(
                "issuedInFuture",
                t!(
                    "{}的签发日期 {} 晚于申请日 {}。",
                    "The {} is dated {}, after the application date {}.";
                    name,
                    issued,
                    as_of
                ),
            );
        }
    }
    match m.validity {
        Validity::WithinValidity => match item.valid_until {
            Some(until) if until < as_of => out.err(
                "expired",
                t!(
                    "{}已于 {} 过期（申请日 {}），请换领有效期内的证件。",
                    "The {} expired on {} (application date {}); bring one that is still valid.";
                    name,
                    until,
                    as_of
                ),
            ),
            Some(_) => {}
            None => out.warn(
                "checkValidity",
                t!(
                    "请核对{}的有效期：须在申请日 {} 仍有效。",
                    "Check the {}'s validity: it must still be valid on {}.";
                    name,
                    as_of
                ),
            ),
        },
        // The pack check requires validityMonths with this validity; the months
        // are the material's own, never a stand-in.
        Validity::IssuedWithinMonths => {
            if let Some(months) = m.validity_months {
                match item.issued_on {
                    Some(issued)
                        if add_months(issued, months as i32).is_some_and(|d| d < as_of) =>
                    {
                        out.err(
                            "tooOld",
                            t!(
                                "{}于 {} 开具，已超过{}个月，请重新开具。",
                                "The {} was issued on {}, more than {} months ago; get a new one.";
                                name,
                                issued,
                                months
                            ),
                        )
                    }
                    Some(_) => {}
                    None => out.warn(
                        "checkValidity",
                        t!(
                            "请核对{}的开具日期：须在{}个月以内。",
                            "Check when the {} was issued: within {} months.";
                            name,
                            months
                        ),
                    ),
                }
            }
        }
        Validity::None => {}
    }
    // Original and copies.
    if matches!(
        m.form,
        MaterialForm::Original | MaterialForm::OriginalAndCopy
    ) && item.form == Some(MaterialForm::Copy)
    {
        out.err(
            "needsOriginal",
            t!("{}须出示原件。", "The original {} must be shown."; name),
        );
    }
    if matches!(m.form, MaterialForm::Copy | MaterialForm::OriginalAndCopy) {
        if let Some(c) = item.copies {
            if c < m.quantity {
                out.err(
                    "quantity",
                    t!(
                        "{}复印件需要{}份，只有{}份。",
                        "{1} copies of the {0} are needed; {2} given.";
                        name,
                        m.quantity,
                        c
                    ),
                );
            }
        }
    }
    // Contribution receipts against the subsidy claimed.
    if m.receipt {
        check_receipt(item, facts, rec, as_of, &mut out)?;
    }
    Ok(out.items)
}

fn check_receipt(
    item: &ProvidedItem,
    facts: &Facts,
    rec: &mut Recorder<'_>,
    as_of: NaiveDate,
    out: &mut Problems,
) -> Result<(), RuleError> {
    let claimed_kinds = facts.choices("claimKinds");
    let claimed_months = facts.number("claimMonths");
    let claimed_amount = facts.money("claimAmount");
    if item.kinds.is_none() && item.months.is_none() && item.amount.is_none() {
        out.warn(
            "checkReceipt",
            t!(
                "请核对缴费单据上的险种、月数和金额是否与申请一致。",
                "Check that the kinds, months and amounts on the receipt match the claim."
            ),
        );
    }
    let kind_name = |k: &str| match k {
        "pension" => t!("养老保险", "pension insurance"),
        "medical" => t!("医疗保险", "medical insurance"),
        "unemployment" => t!("失业保险", "unemployment insurance"),
        other => t!(other, other),
    };
    if let (Some(claimed), Some(paid)) = (&claimed_kinds, &item.kinds) {
        let unpaid: Vec<Text> = claimed
            .iter()
            .filter(|k| !paid.contains(k))
            .map(|k| kind_name(k))
            .collect();
        if !unpaid.is_empty() {
            let list = Text::new(
                unpaid
                    .iter()
                    .map(|k| k.zh.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
                unpaid
                    .iter()
                    .map(|k| k.en.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            out.err(
                "receiptKinds",
                t!(
                    "申请补贴的{}在缴费单据上没有缴费记录。",
                    "The receipt shows no contributions for {}, which the claim includes.";
                    list
                ),
            );
        }
    }
    if let (Some(claimed), Some(paid)) = (claimed_months, item.months) {
        if i64::from(paid) < claimed {
            out.err(
                "receiptMonths",
                t!(
                    "缴费单据只有{}个月，少于申请补贴的{}个月。",
                    "The receipt covers {} months, fewer than the {} claimed.";
                    paid,
                    claimed
                ),
            );
        }
    }
    if let (Some(claimed), Some(paid)) = (claimed_amount, item.amount) {
        let key = if facts.choice("subsidyGroup") == Some("graduate") {
            "subsidy.graduate.share"
        } else {
            "subsidy.flexible.share"
        };
        let share = rec.ratio(key, as_of)?;
        let most = crate::money::Rounding::Down.to_fen(share.value.of(paid));
        if claimed > most {
            out.err(
                "receiptAmount",
                t!(
                    "申请补贴{}元，超过实际缴费{}元的{}（最多{}元）。",
                    "The claim of {0} yuan is more than {2} of the {1} yuan paid (at most {3} yuan).";
                    claimed.normalize(),
                    paid.normalize(),
                    share.shown,
                    most
                ),
            );
        }
    }
    Ok(())
}

/// Reads `provided` (`{ materialId: true | {…} }`): every unknown id and bad
/// field is a listed problem.
pub(crate) fn parse_provided(
    v: Option<&serde_json::Value>,
    rules: &Rules<'_>,
) -> Result<Option<BTreeMap<String, ProvidedItem>>, Vec<FactProblem>> {
    let Some(v) = v else {
        return Ok(None);
    };
    if v.is_null() {
        return Ok(None);
    }
    let Some(obj) = v.as_object() else {
        return Err(vec![FactProblem {
            fact: String::new(),
            code: "notAnObject".into(),
            message: t!(
                "provided 应是对象 { 材料编号: true 或 {…} }。",
                "provided must be an object { materialId: true or {…} }."
            ),
        }]);
    };
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    let mut known: Vec<String> = Vec::new();
    for pack in rules.chain() {
        known.extend(pack.materials.keys().cloned());
    }
    for (id, item) in obj {
        if !known.contains(id) {
            let refs: Vec<&str> = known.iter().map(String::as_str).collect();
            let hint = crate::text::closest(id, &refs)
                .map(|h| t!("是否应为 \"{}\"？", " Did you mean \"{}\"?"; h))
                .unwrap_or_else(|| t!("", ""));
            problems.push(FactProblem {
                fact: id.clone(),
                code: "unknownMaterial".into(),
                message: t!(
                    "没有编号为 \"{}\" 的材料。{}",
                    "There is no material \"{}\".{}";
                    id,
                    hint
                ),
            });
            continue;
        }
        match item {
            serde_json::Value::Bool(true) => {
                out.insert(id.clone(), ProvidedItem::default());
            }
            serde_json::Value::Bool(false) | serde_json::Value::Null => {}
            other => match serde_json::from_value::<ProvidedItem>(other.clone()) {
                Ok(p) if p.amount.is_some_and(|a| !crate::money::in_range(a)) => {
                    problems.push(FactProblem {
                        fact: id.clone(),
                        code: "outOfRange".into(),
                        message: t!(
                            "材料 \"{}\"：金额应在0至{}之间。",
                            "Material \"{}\": the amount must be between 0 and {}.";
                            id,
                            // The kit's bound on any amount (crate::money::MAX_AMOUNT), not a policy figure.
                            Text::new("一万亿元", format!("{} yuan", crate::money::MAX_AMOUNT))
                        ),
                    })
                }
                Ok(p) => {
                    out.insert(id.clone(), p);
                }
                Err(e) => problems.push(FactProblem {
                    fact: id.clone(),
                    code: "wrongType".into(),
                    message: t!("材料 \"{}\"：{}", "Material \"{}\": {}"; id, {
                        // A date the core could not read explains itself in both languages.
                        let m = e.to_string();
                        crate::dates::serde_loose::split_message(&m)
                            .unwrap_or_else(|| Text::new(m.clone(), m))
                    }),
                }),
            },
        }
    }
    if problems.is_empty() {
        Ok(Some(out))
    } else {
        Err(problems)
    }
}
