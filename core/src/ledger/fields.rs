//! The ledgers' fields, the header names and aliases they are known by (a data
//! table), the header row found under merged title and group rows, and the
//! suggested mapping of columns to fields.

use super::read::Cell;
use crate::ids::IdKind;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which ledger a file is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum LedgerKind {
    /// 社保补贴申报台账: 申请人基本信息、灵活就业、享受期限、金额、审批、核实.
    #[default]
    SocialInsuranceSubsidy,
    /// A generic people ledger (就业援助台账, 创业人员信息台账, …): who, ID, contact.
    People,
}

/// How a field's cells are read and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    Text,
    Id(IdKind),
    Date,
    /// A calendar month (a day is accepted and its month taken).
    Month,
    Amount,
    Count,
    Gender,
}

/// One field: its key (the mapping's), its words, its type, whether the
/// ledger kind needs it, and the header names it is known by.
pub struct Field {
    pub key: &'static str,
    pub label: (&'static str, &'static str),
    pub kind: FieldType,
    /// The 社保补贴 ledger's group (申请人基本信息, 灵活就业, 享受期限, 金额, 审批, 核实).
    pub group: &'static str,
    pub required_in: &'static [LedgerKind],
    /// Header names and aliases, compared after folding (no spaces, full width
    /// to half width, no brackets' contents such as units).
    pub aliases: &'static [&'static str],
}

impl Field {
    pub fn label(&self) -> Text {
        Text::new(self.label.0, self.label.1)
    }
}

use LedgerKind::{People, SocialInsuranceSubsidy as Sis};

/// Every field, in the order the annotated ledger's summary lists them.
pub const FIELDS: &[Field] = &[
    Field {
        key: "name",
        label: ("姓名", "name"),
        kind: FieldType::Text,
        group: "申请人基本信息",
        required_in: &[Sis, People],
        aliases: &["姓名", "申请人姓名", "申请人", "人员姓名", "名字", "name"],
    },
    Field {
        key: "id",
        label: ("身份证号码", "ID number"),
        kind: FieldType::Id(IdKind::ResidentId),
        group: "申请人基本信息",
        required_in: &[Sis, People],
        aliases: &[
            "身份证号码",
            "身份证号",
            "身份证",
            "公民身份号码",
            "居民身份证号码",
            "证件号码",
            "身份证件号码",
            "idnumber",
            "id",
        ],
    },
    Field {
        key: "gender",
        label: ("性别", "gender"),
        kind: FieldType::Gender,
        group: "申请人基本信息",
        required_in: &[],
        aliases: &["性别", "gender", "sex"],
    },
    Field {
        key: "phone",
        label: ("联系电话", "phone"),
        kind: FieldType::Id(IdKind::Mobile),
        group: "申请人基本信息",
        required_in: &[],
        aliases: &[
            "联系电话",
            "联系方式",
            "手机号码",
            "手机号",
            "手机",
            "电话",
            "phone",
            "mobile",
        ],
    },
    Field {
        key: "socialSecurityCard",
        label: ("社会保障卡号码", "social security card number"),
        kind: FieldType::Id(IdKind::SocialSecurityCard),
        group: "申请人基本信息",
        required_in: &[],
        aliases: &[
            "社会保障卡号码",
            "社会保障卡号",
            "社保卡号",
            "社保卡号码",
            "社会保障卡卡号",
        ],
    },
    Field {
        key: "category",
        label: ("人员类别", "category"),
        kind: FieldType::Text,
        group: "申请人基本信息",
        required_in: &[],
        aliases: &["人员类别", "人员类型", "认定类别", "困难类别"],
    },
    Field {
        key: "flexibleSince",
        label: ("灵活就业开始日期", "flexible employment since"),
        kind: FieldType::Date,
        group: "灵活就业",
        required_in: &[],
        aliases: &[
            "灵活就业开始日期",
            "灵活就业开始时间",
            "灵活就业时间",
            "灵活就业登记日期",
            "灵活就业登记时间",
            "就业登记日期",
        ],
    },
    Field {
        key: "insuranceKinds",
        label: ("申请险种", "insurance kinds"),
        kind: FieldType::Text,
        group: "灵活就业",
        required_in: &[],
        aliases: &["申请险种", "申请社会保险险种", "险种", "参保险种"],
    },
    Field {
        key: "firstApprovedOn",
        label: ("初次核定日期", "first approval"),
        kind: FieldType::Date,
        group: "享受期限",
        required_in: &[],
        aliases: &[
            "初次核定日期",
            "首次核定日期",
            "初次认定日期",
            "首次享受日期",
        ],
    },
    Field {
        key: "periodStart",
        label: ("享受起始月份", "period from"),
        kind: FieldType::Month,
        group: "享受期限",
        required_in: &[Sis],
        aliases: &[
            "享受起始月份",
            "享受起始时间",
            "享受开始时间",
            "补贴起始时间",
            "补贴起始月份",
            "申请补贴起始月份",
            "起始月份",
            "开始时间",
            "起始时间",
        ],
    },
    Field {
        key: "periodEnd",
        label: ("享受截止月份", "period to"),
        kind: FieldType::Month,
        group: "享受期限",
        required_in: &[Sis],
        aliases: &[
            "享受截止月份",
            "享受截止时间",
            "享受结束时间",
            "补贴截止时间",
            "补贴截止月份",
            "申请补贴截止月份",
            "截止月份",
            "结束时间",
            "截止时间",
        ],
    },
    Field {
        key: "months",
        label: ("享受月数", "months"),
        kind: FieldType::Count,
        group: "享受期限",
        required_in: &[],
        aliases: &["享受月数", "申请月数", "补贴月数", "申请补贴期限", "月数"],
    },
    Field {
        key: "monthsUsed",
        label: ("已享受月数", "months already paid"),
        kind: FieldType::Count,
        group: "享受期限",
        required_in: &[],
        aliases: &["已享受月数", "累计享受月数", "此前享受月数"],
    },
    Field {
        key: "paidPension",
        label: ("月缴养老保险费", "pension paid a month"),
        kind: FieldType::Amount,
        group: "金额",
        required_in: &[],
        aliases: &["月缴养老保险费", "养老保险缴费", "养老保险", "养老"],
    },
    Field {
        key: "paidMedical",
        label: ("月缴医疗保险费", "medical insurance paid a month"),
        kind: FieldType::Amount,
        group: "金额",
        required_in: &[],
        aliases: &["月缴医疗保险费", "医疗保险缴费", "医疗保险", "医疗"],
    },
    Field {
        key: "paidUnemployment",
        label: ("月缴失业保险费", "unemployment insurance paid a month"),
        kind: FieldType::Amount,
        group: "金额",
        required_in: &[],
        aliases: &["月缴失业保险费", "失业保险缴费", "失业保险", "失业"],
    },
    Field {
        key: "amount",
        label: ("申请金额", "amount claimed"),
        kind: FieldType::Amount,
        group: "金额",
        required_in: &[Sis],
        aliases: &[
            "申请金额",
            "补贴金额",
            "申请补贴金额",
            "金额",
            "合计金额",
            "amount",
        ],
    },
    Field {
        key: "approval",
        label: ("审批意见", "approval"),
        kind: FieldType::Text,
        group: "审批",
        required_in: &[],
        aliases: &["审批意见", "审批结果", "审批", "审核意见", "审核结果"],
    },
    Field {
        key: "approvedOn",
        label: ("审批日期", "approved on"),
        kind: FieldType::Date,
        group: "审批",
        required_in: &[],
        aliases: &["审批日期", "审批时间", "审核日期", "审核时间"],
    },
    Field {
        key: "verifiedBy",
        label: ("核实人", "verified by"),
        kind: FieldType::Text,
        group: "核实",
        required_in: &[],
        aliases: &["核实人", "核实", "核实情况", "经办人", "协理员"],
    },
    Field {
        key: "verifiedOn",
        label: ("核实日期", "verified on"),
        kind: FieldType::Date,
        group: "核实",
        required_in: &[],
        aliases: &["核实日期", "核实时间"],
    },
];

/// The field of a key.
pub fn field(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// A header as compared with the aliases: no spaces of any kind, full-width
/// ASCII folded, lower case, and a trailing bracket (a unit: `金额（元）`) dropped.
pub fn fold_header(h: &str) -> String {
    let mut s: String = h
        .chars()
        .filter_map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
            c if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' || c == '*' => None,
            c => Some(c.to_ascii_lowercase()),
        })
        .collect();
    if let Some(i) = s.find('(') {
        if i > 0 && s.ends_with(')') {
            s.truncate(i);
        }
    }
    s
}

/// The field a header names, if any.
pub fn field_for_header(header: &str) -> Option<&'static Field> {
    let h = fold_header(header);
    if h.is_empty() {
        return None;
    }
    FIELDS
        .iter()
        .find(|f| f.aliases.iter().any(|a| fold_header(a) == h))
}

/// Where the header is, and its names.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// 0-based index of the header row; the rows above are title or group rows.
    pub row: usize,
    /// One name per column (a vertically merged name taken from the row above).
    pub names: Vec<String>,
}

/// The header row: among the first rows, the one naming the most fields (the
/// first row when none does). A cell empty in it but filled in the row above
/// (a name merged over two rows, the group row's other cells being empty
/// under a group) takes that name.
pub fn find_header(rows: &[Vec<Cell>]) -> Header {
    let scan = rows.len().min(10);
    let mut best = (0usize, 0usize);
    for (i, r) in rows.iter().take(scan).enumerate() {
        let n = r
            .iter()
            .filter(|c| field_for_header(&c.text()).is_some())
            .count();
        if n > best.1 {
            best = (i, n);
        }
    }
    let row = best.0;
    let mut names: Vec<String> = rows
        .get(row)
        .map(|r| r.iter().map(|c| c.text().trim().to_string()).collect())
        .unwrap_or_default();
    if row > 0 {
        for (c, name) in names.iter_mut().enumerate() {
            if name.is_empty() {
                if let Some(above) = rows[row - 1].get(c) {
                    let t = above.text();
                    if field_for_header(&t).is_some() {
                        *name = t.trim().to_string();
                    }
                }
            }
        }
    }
    Header { row, names }
}

/// A column as the mapping names it: its header, or its 0-based index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ColumnRef {
    Index(usize),
    Header(String),
}

/// Field key → column. Keys are [`FIELDS`]' keys, or `facts.<factId>` for an
/// answer the eligibility check reads from a column.
pub type Mapping = BTreeMap<String, ColumnRef>;

/// The suggested mapping: each field to the first column whose header names it,
/// and a column headed by a fact id (or `facts.<id>`) to that fact.
pub fn suggest(names: &[String]) -> Mapping {
    let mut m = Mapping::new();
    for name in names {
        if let Some(f) = field_for_header(name) {
            m.entry(f.key.to_string())
                .or_insert_with(|| ColumnRef::Header(name.clone()));
        } else if let Some(fact) = name.strip_prefix("facts.") {
            m.entry(format!("facts.{fact}"))
                .or_insert_with(|| ColumnRef::Header(name.clone()));
        }
    }
    m
}

/// The A1 name of a 0-based column (A, B, …, Z, AA, …).
pub fn column_name(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_known_by_their_aliases() {
        assert_eq!(field_for_header("身份证号").unwrap().key, "id");
        assert_eq!(field_for_header(" 申请金额（元） ").unwrap().key, "amount");
        assert_eq!(field_for_header("*姓 名").unwrap().key, "name");
        assert!(field_for_header("备注").is_none());
    }

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn a_header_under_merged_rows_is_found() {
        let t = |s: &str| Cell::Text(s.into());
        let rows = vec![
            vec![t("社保补贴申报台账"), Cell::Empty, Cell::Empty],
            vec![t("姓名"), t("申请人基本信息"), Cell::Empty],
            vec![Cell::Empty, t("身份证号码"), t("联系电话")],
        ];
        let h = find_header(&rows);
        assert_eq!(h.row, 2);
        assert_eq!(h.names, ["姓名", "身份证号码", "联系电话"]);
    }
}
