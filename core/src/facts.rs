//! Facts (事实): what a person has told a rule so far, possibly partial.
//!
//! Every fact a rule may ask has a definition ([`FactDef`]) with its type and the
//! question to ask, so a wizard can ask "only what still matters" from a verdict's
//! ranked missing facts, and an API caller's typo is an error, not a silent
//! unknown. [`Facts::parse`] checks a JSON object against the definitions and
//! returns every problem at once.
//!
//! ```
//! use zhuchuang_core::facts::{Facts, FactDef, FactKind};
//! use zhuchuang_core::Text;
//! let defs = [FactDef::new("age", FactKind::Number, Text::new("年龄？", "Age?"))];
//! let facts = Facts::parse(&serde_json::json!({"age": 41}), &defs).unwrap();
//! assert_eq!(facts.number("age"), Some(41.into()));
//! let err = Facts::parse(&serde_json::json!({"agee": 41}), &defs).unwrap_err();
//! assert_eq!(err[0].code, "unknownFact");
//! ```

use crate::dates::YearMonth;
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};
use std::str::FromStr;

/// The type of a fact, and so the kind of question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum FactKind {
    /// true / false
    YesNo,
    /// "YYYY-MM-DD"
    Date,
    /// "YYYY-MM"
    Month,
    /// A whole number (people, months, times).
    Number,
    /// Yuan, as a decimal string or number.
    Money,
    /// A decimal share or rate, as a string or number.
    Decimal,
    /// One of `options`.
    Choice { options: Vec<Choice> },
    /// Any of `options` (an array).
    MultiChoice { options: Vec<Choice> },
    /// Household members: an array of `{ "relation", "workingAge", "status" }`.
    Household,
    /// Free text.
    Text,
}

/// One answer of a choice question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub value: String,
    #[serde(skip)]
    pub text: Text,
    /// The answer in the requested language (filled in for output).
    pub label: String,
}

impl Choice {
    pub fn new(value: &str, text: Text) -> Choice {
        Choice {
            value: value.into(),
            label: text.zh.clone(),
            text,
        }
    }
}

/// A fact a rule may ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactDef {
    pub id: &'static str,
    pub kind: FactKind,
    pub question: Text,
    pub hint: Option<Text>,
}

impl FactDef {
    pub fn new(id: &'static str, kind: FactKind, question: Text) -> FactDef {
        FactDef {
            id,
            kind,
            question,
            hint: None,
        }
    }

    pub fn hint(mut self, hint: Text) -> FactDef {
        self.hint = Some(hint);
        self
    }
}

/// A fact with its question in one language, as results list it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    pub fact: String,
    pub question: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(flatten)]
    pub kind: FactKind,
}

impl FactDef {
    pub fn question(&self, lang: Lang) -> Question {
        let mut kind = self.kind.clone();
        if let FactKind::Choice { options } | FactKind::MultiChoice { options } = &mut kind {
            for o in options {
                o.label = o.text.get(lang).to_string();
            }
        }
        Question {
            fact: self.id.to_string(),
            question: self.question.get(lang).to_string(),
            hint: self.hint.as_ref().map(|h| h.get(lang).to_string()),
            kind,
        }
    }
}

/// A problem with the facts given, naming the fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FactProblem {
    pub fact: String,
    /// `unknownFact`, `wrongType`, `notAllowed`, `badDate`, `notAnObject`.
    pub code: String,
    pub message: Text,
}

/// A household member, for rules such as 零就业家庭.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub relation: String,
    /// Within the statutory working age and able to work (not a student,
    /// soldier or pensioner); `None` if not said.
    pub working_age: Option<bool>,
    /// `employed`, `selfEmployed`, `farming`, `unemployed` (registered),
    /// `student`, `retired`, `soldier`, `other`.
    pub status: Option<String>,
}

/// Household member statuses understood by [`Member::status`], in the order
/// a form lists them.
pub const MEMBER_STATUSES: [&str; 8] = [
    "unemployed",
    "employed",
    "selfEmployed",
    "farming",
    "student",
    "retired",
    "soldier",
    "other",
];

/// The household member statuses with their names: the one list of them
/// (questions and the widgets' household field use it).
pub fn member_statuses() -> Vec<Choice> {
    MEMBER_STATUSES
        .iter()
        .map(|s| {
            let name = match *s {
                "unemployed" => Text::new("失业（已登记）", "unemployed (registered)"),
                "employed" => Text::new("在单位就业", "employed"),
                "selfEmployed" => Text::new("个体经营或灵活就业", "self-employed or flexible work"),
                "farming" => Text::new("务农", "farming"),
                "student" => Text::new("在校学生", "student"),
                "retired" => Text::new("已退休", "retired"),
                "soldier" => Text::new("服兵役", "in military service"),
                _ => Text::new("其他", "other"),
            };
            Choice::new(s, name)
        })
        .collect()
}

/// The groups of the one-time job-seeking subsidy (一次性求职补贴): the one
/// list of them, for the eligibility question and the materials conditions.
pub fn job_seeking_categories() -> Vec<Choice> {
    [
        ("dibao", Text::new("低保家庭", "a family receiving dibao")),
        (
            "zeroEmploymentFamily",
            Text::new("零就业家庭", "a zero-employment family"),
        ),
        (
            "povertyMonitoring",
            Text::new(
                "防止返贫监测对象家庭",
                "a household monitored against poverty",
            ),
        ),
        (
            "extremePoverty",
            Text::new("特困人员", "a person in extreme poverty"),
        ),
        ("disabled", Text::new("残疾", "disabled")),
        (
            "studentLoan",
            Text::new("获得国家助学贷款", "holding a national student loan"),
        ),
    ]
    .into_iter()
    .map(|(v, t)| Choice::new(v, t))
    .collect()
}

/// The first approval of a subsidy (初次核定): the near-retirement extension of
/// a subsidy period is judged on it (以初次核定时年龄为准). One id and type for
/// every program that asks it, as the subsidy plan's `firstApprovedOn`.
pub fn first_approved_on() -> FactDef {
    FactDef::new(
        "firstApprovedOn",
        FactKind::Date,
        Text::new(
            "这项补贴第一次核定（初次核定）是哪一天？",
            "On what date was this subsidy first approved?",
        ),
    )
    .hint(Text::new(
        "能否延长至退休，以初次核定时的年龄为准。见补贴核定通知，例如 2023-03-01",
        "Whether it can run on to retirement depends on the age at the first approval. See the approval notice; for example, 2023-03-01",
    ))
}

/// Checked facts. Absent or `null` facts are unknown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    map: Map<String, Value>,
}

impl Facts {
    /// Checks `value` (a JSON object) against `defs`; every problem at once.
    pub fn parse(value: &Value, defs: &[FactDef]) -> Result<Facts, Vec<FactProblem>> {
        let obj = match value {
            Value::Object(o) => o.clone(),
            Value::Null => Map::new(),
            _ => {
                return Err(vec![FactProblem {
                    fact: String::new(),
                    code: "notAnObject".into(),
                    message: Text::new(
                        "事实应是一个对象 { 名称: 值 }。",
                        "Facts must be an object { name: value }.",
                    ),
                }])
            }
        };
        let mut problems = Vec::new();
        let mut map = Map::new();
        for (k, v) in obj {
            let Some(def) = defs.iter().find(|d| d.id == k) else {
                let known: Vec<&str> = defs.iter().map(|d| d.id).collect();
                let hint = crate::pack::schema::closest(&k, &known)
                    .map(|h| {
                        (
                            format!("是否应为 \"{h}\"？"),
                            format!(" Did you mean \"{h}\"?"),
                        )
                    })
                    .unwrap_or_default();
                problems.push(FactProblem {
                    fact: k.clone(),
                    code: "unknownFact".into(),
                    message: Text::new(
                        format!("这个规则不使用事实 \"{k}\"。{}", hint.0),
                        format!("This rule does not use a fact \"{k}\".{}", hint.1),
                    ),
                });
                continue;
            };
            if v.is_null() {
                continue;
            }
            match check_value(&def.kind, &v) {
                Ok(()) => {
                    map.insert(k, v);
                }
                Err((code, zh, en)) => problems.push(FactProblem {
                    fact: k.clone(),
                    code: code.into(),
                    message: Text::new(
                        format!("事实 \"{k}\"：{zh}"),
                        format!("Fact \"{k}\": {en}"),
                    ),
                }),
            }
        }
        if problems.is_empty() {
            Ok(Facts { map })
        } else {
            Err(problems)
        }
    }

    /// Facts without checking (for rules calling rules).
    pub fn from_map(map: Map<String, Value>) -> Facts {
        Facts { map }
    }

    /// The facts as given (for hashing into a determination id).
    pub fn as_json(&self) -> Value {
        Value::Object(self.map.clone())
    }

    pub fn has(&self, id: &str) -> bool {
        self.map.contains_key(id)
    }

    pub fn yes_no(&self, id: &str) -> Option<bool> {
        self.map.get(id)?.as_bool()
    }

    pub fn date(&self, id: &str) -> Option<NaiveDate> {
        NaiveDate::from_str(self.map.get(id)?.as_str()?).ok()
    }

    pub fn month(&self, id: &str) -> Option<YearMonth> {
        YearMonth::from_str(self.map.get(id)?.as_str()?).ok()
    }

    pub fn number(&self, id: &str) -> Option<i64> {
        self.map.get(id)?.as_i64()
    }

    pub fn money(&self, id: &str) -> Option<Decimal> {
        decimal_of(self.map.get(id)?)
    }

    pub fn choice(&self, id: &str) -> Option<&str> {
        self.map.get(id)?.as_str()
    }

    pub fn choices(&self, id: &str) -> Option<Vec<String>> {
        Some(
            self.map
                .get(id)?
                .as_array()?
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        )
    }

    pub fn text(&self, id: &str) -> Option<&str> {
        self.map.get(id)?.as_str()
    }

    pub fn household(&self, id: &str) -> Option<Vec<Member>> {
        Some(
            self.map
                .get(id)?
                .as_array()?
                .iter()
                .map(|m| Member {
                    relation: m
                        .get("relation")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    working_age: m.get("workingAge").and_then(Value::as_bool),
                    status: m.get("status").and_then(Value::as_str).map(str::to_string),
                })
                .collect(),
        )
    }
}

fn decimal_of(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => Decimal::from_str(s.trim()).ok(),
        Value::Number(n) => Decimal::from_str(&n.to_string()).ok(),
        _ => None,
    }
}

/// The largest whole number a fact may hold (counts of people, months, times).
pub const MAX_NUMBER: i64 = 1_000_000;

type Bad = (&'static str, String, String);

fn check_value(kind: &FactKind, v: &Value) -> Result<(), Bad> {
    let wrong = |zh: &str, en: &str| -> Result<(), Bad> {
        Err((
            "wrongType",
            format!("应为{zh}，收到 {v}。"),
            format!("expected {en}, got {v}."),
        ))
    };
    let too_big = |max: &str| -> Result<(), Bad> {
        Err((
            "outOfRange",
            format!("{v} 太大了，最多 {max}。请检查是否多输了几位。"),
            format!("{v} is too large: at most {max}. Check for extra digits."),
        ))
    };
    match kind {
        FactKind::YesNo => v
            .as_bool()
            .map(|_| ())
            .map_or_else(|| wrong("true 或 false", "true or false"), Ok),
        FactKind::Date => match v.as_str().map(NaiveDate::from_str) {
            Some(Ok(_)) => Ok(()),
            Some(Err(_)) => Err((
                "badDate",
                format!("{v} 不是有效日期（YYYY-MM-DD）。"),
                format!("{v} is not a valid date (YYYY-MM-DD)."),
            )),
            None => wrong("日期字符串 \"YYYY-MM-DD\"", "a date string \"YYYY-MM-DD\""),
        },
        FactKind::Month => match v.as_str().map(YearMonth::from_str) {
            Some(Ok(_)) => Ok(()),
            Some(Err(_)) => Err((
                "badDate",
                format!("{v} 不是有效月份（YYYY-MM）。"),
                format!("{v} is not a valid month (YYYY-MM)."),
            )),
            None => wrong("月份字符串 \"YYYY-MM\"", "a month string \"YYYY-MM\""),
        },
        FactKind::Number => match v.as_i64() {
            Some(n) if n > MAX_NUMBER => too_big("1000000"),
            Some(n) if n >= 0 => Ok(()),
            _ => wrong("不小于0的整数", "a whole number not below 0"),
        },
        FactKind::Money | FactKind::Decimal => match decimal_of(v) {
            Some(d) if d > crate::money::MAX_AMOUNT => too_big("1000000000000"),
            Some(d) if !d.is_sign_negative() => Ok(()),
            _ => wrong(
                "不小于0的金额或数字（如 \"1234.50\"）",
                "an amount or number not below 0 (e.g. \"1234.50\")",
            ),
        },
        FactKind::Choice { options } => match v.as_str() {
            Some(s) if options.iter().any(|o| o.value == s) => Ok(()),
            _ => Err(not_allowed(v, options)),
        },
        FactKind::MultiChoice { options } => {
            let Some(items) = v.as_array() else {
                return wrong("数组", "an array");
            };
            for item in items {
                if !item
                    .as_str()
                    .is_some_and(|s| options.iter().any(|o| o.value == s))
                {
                    return Err(not_allowed(item, options));
                }
            }
            Ok(())
        }
        FactKind::Household => {
            let Some(items) = v.as_array() else {
                return wrong("家庭成员数组", "an array of household members");
            };
            for (i, m) in items.iter().enumerate() {
                let Some(o) = m.as_object() else {
                    return Err((
                        "wrongType",
                        format!("第{}位家庭成员应是对象。", i + 1),
                        format!("member {} must be an object.", i + 1),
                    ));
                };
                for required in ["workingAge", "status"] {
                    if o.get(required).is_none_or(|v| v.is_null()) {
                        return Err((
                            "missing",
                            format!("第{}位家庭成员缺少 \"{required}\"。", i + 1),
                            format!("member {} has no \"{required}\".", i + 1),
                        ));
                    }
                }
                for (k, val) in o {
                    let ok = match k.as_str() {
                        "relation" | "name" => val.is_string(),
                        "workingAge" => val.is_boolean() || val.is_null(),
                        "status" => {
                            val.is_null()
                                || val.as_str().is_some_and(|s| MEMBER_STATUSES.contains(&s))
                        }
                        _ => false,
                    };
                    if !ok {
                        return Err((
                            "wrongType",
                            format!("第{}位家庭成员的 \"{k}\" 不对（可用 relation、workingAge、status：{}）。", i + 1, MEMBER_STATUSES.join("、")),
                            format!("member {}: bad \"{k}\" (use relation, workingAge, status: {}).", i + 1, MEMBER_STATUSES.join(", ")),
                        ));
                    }
                }
            }
            Ok(())
        }
        FactKind::Text => v
            .as_str()
            .map(|_| ())
            .map_or_else(|| wrong("文本", "text"), Ok),
    }
}

fn not_allowed(v: &Value, options: &[Choice]) -> Bad {
    let all: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
    (
        "notAllowed",
        format!("{v} 不是可选值（{}）。", all.join("、")),
        format!("{v} is not one of {}.", all.join(", ")),
    )
}

/// Facts a material condition (a pack's `when`) may use: the vocabulary shared by
/// the pack checker and the materials rules.
pub fn condition_facts() -> Vec<&'static str> {
    condition_fact_ids().to_vec()
}

pub(crate) fn condition_fact_ids() -> [&'static str; 17] {
    [
        "name",
        "residentId",
        "spouseName",
        "spouseId",
        "uscc",
        "categories",
        "subsidyGroup",
        "employmentForm",
        "married",
        "loanGroup",
        "loanAmount",
        "partners",
        "jobSeekingCategories",
        "claimKinds",
        "claimMonths",
        "claimAmount",
        "graduate",
    ]
}
