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

pub mod plausibility;

use crate::dates::{read_date_value, read_month_value, YearMonth};
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};
use std::str::FromStr;

/// The type of a fact, and so the kind of question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum FactKind {
    /// true / false
    YesNo,
    /// "YYYY-MM-DD", or as people type it (1978/3/10, 1978年3月10日, …).
    Date,
    /// "YYYY-MM", or as people type it (1978/3, 1978年3月, …).
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// What the answer is called in a message (出生日期 / date of birth); see
    /// [`FactDef::name`].
    pub label: Option<Text>,
}

impl FactDef {
    pub fn new(id: &'static str, kind: FactKind, question: Text) -> FactDef {
        FactDef {
            id,
            kind,
            question,
            hint: None,
            label: None,
        }
    }

    pub fn hint(mut self, hint: Text) -> FactDef {
        self.hint = Some(hint);
        self
    }

    /// Names the answer for messages (a noun: 出生日期 / date of birth).
    pub fn label(mut self, label: Text) -> FactDef {
        self.label = Some(label);
        self
    }

    /// What a message calls the answer, never the fact's internal id: the
    /// label; else the noun of a question written 您的…是？ / What is your …?;
    /// else "the answer to" the question itself.
    ///
    /// ```
    /// use zhuchuang_core::facts::{FactDef, FactKind};
    /// use zhuchuang_core::Text;
    /// let d = FactDef::new("birthDate", FactKind::Date, Text::new("您的出生日期是？", "What is your date of birth?"));
    /// assert_eq!(d.name(), Text::new("出生日期", "date of birth"));
    /// let d = FactDef::new("x", FactKind::YesNo, Text::new("您是否有劳动能力？", "Are you able to work?"));
    /// assert_eq!(d.name(), Text::new("问题“您是否有劳动能力？”的回答", "answer to \"Are you able to work?\""));
    /// ```
    pub fn name(&self) -> Text {
        self.noun().unwrap_or_else(|| {
            Text::new(
                format!("问题“{}”的回答", self.question.zh.trim()),
                format!("answer to \"{}\"", self.question.en.trim()),
            )
        })
    }

    /// The label, or the noun of a question written 您的…是？ / What is your …?.
    pub fn noun(&self) -> Option<Text> {
        if let Some(l) = &self.label {
            return Some(l.clone());
        }
        let q = &self.question;
        let zh = q.zh.trim();
        let en = q.en.trim();
        let noun_zh = zh
            .strip_suffix("是？")
            .or_else(|| zh.strip_suffix("是?"))
            .map(|n| n.strip_prefix("您的").unwrap_or(n))
            .filter(|n| !n.is_empty() && !n.contains(['？', '?', '，', '。']));
        let noun_en = en
            .strip_prefix("What is your ")
            .or_else(|| en.strip_prefix("What is the "))
            .and_then(|n| n.strip_suffix('?'))
            .filter(|n| !n.is_empty() && !n.contains(['?', ',', '.']));
        match (noun_zh, noun_en) {
            (Some(z), Some(e)) => Some(Text::new(z, e)),
            _ => None,
        }
    }
}

/// A fact with its question in one language, as results list it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FactProblem {
    pub fact: String,
    /// `unknownFact`, `wrongType`, `notAllowed`, `badDate`, `outOfRange`,
    /// `missing` (a household member's field), `notAnObject`.
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

/// The groups the entrepreneurship training subsidy names (劳社部发〔2007〕30号
/// 附件 三、(二): 下岗失业人员, 大学生, 农村劳动者, 复员转业退伍军人, 残疾人;
/// 就业困难人员 under the employment-assistance guide), and "none of these".
pub fn trainee_groups() -> Vec<Choice> {
    [
        (
            "registeredUnemployed",
            Text::new(
                "下岗失业人员（含城镇登记失业人员）",
                "laid off or unemployed (incl. registered unemployed)",
            ),
        ),
        (
            "difficultToEmploy",
            Text::new("就业困难人员", "a difficult-to-employ person"),
        ),
        (
            "graduate",
            Text::new(
                "大学生（在校生或高校毕业生）",
                "a university student or graduate",
            ),
        ),
        ("ruralWorker", Text::new("农村劳动者", "a rural worker")),
        (
            "veteran",
            Text::new(
                "复员转业退伍军人",
                "a veteran (demobilised, transferred or retired from the armed forces)",
            ),
        ),
        (
            "disabled",
            Text::new("残疾人", "a person with a disability"),
        ),
        ("other", Text::new("以上都不是", "none of these")),
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
    .label(Text::new("初次核定日期", "date of the first approval"))
}

/// Checked facts. Absent or `null` facts are unknown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    map: Map<String, Value>,
}

impl Facts {
    /// Checks `value` (a JSON object) against `defs`; every problem at once.
    /// Dates and months may be written as people type them (see
    /// [`crate::dates::read_date`]); they are kept as `YYYY-MM-DD` / `YYYY-MM`.
    pub fn parse(value: &Value, defs: &[FactDef]) -> Result<Facts, Vec<FactProblem>> {
        let obj = match value {
            Value::Object(o) => o.clone(),
            Value::Null => Map::new(),
            _ => {
                return Err(vec![FactProblem {
                    fact: String::new(),
                    code: "notAnObject".into(),
                    message: Text::new(
                        "回答应是一个对象，例如 { \"birthDate\": \"1978-03-10\" }。",
                        "The answers must be an object such as { \"birthDate\": \"1978-03-10\" }.",
                    ),
                }])
            }
        };
        let mut problems = Vec::new();
        let mut map = Map::new();
        for (k, v) in obj {
            let Some(def) = defs.iter().find(|d| d.id == k) else {
                let known: Vec<&str> = defs.iter().map(|d| d.id).collect();
                let hint = crate::text::closest(&k, &known)
                    .map(|h| t!("是否应为 \"{}\"？", " Did you mean \"{}\"?"; h))
                    .unwrap_or_else(|| Text::new("", ""));
                let shown = shown_key(&k);
                problems.push(FactProblem {
                    fact: k.clone(),
                    code: "unknownFact".into(),
                    message: t!(
                        "这项检查不需要 \"{}\" 这一项。{}",
                        "This check does not use an answer called \"{}\".{}";
                        shown,
                        hint
                    ),
                });
                continue;
            };
            if v.is_null() {
                continue;
            }
            match check_value(def, &v) {
                Ok(normal) => {
                    map.insert(k, normal.unwrap_or(v));
                }
                Err((code, message)) => problems.push(FactProblem {
                    fact: k.clone(),
                    code: code.into(),
                    message,
                }),
            }
        }
        let facts = Facts { map };
        if problems.is_empty() {
            problems = plausibility::contradictions(&facts, defs);
        }
        if problems.is_empty() {
            Ok(facts)
        } else {
            Err(problems)
        }
    }

    /// Facts without checking (for rules calling rules).
    pub fn from_map(map: Map<String, Value>) -> Facts {
        Facts { map }
    }

    /// The facts as given, borrowed (for hashing into a determination id).
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.map
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

    /// A date fact, read as people type it (see [`crate::dates::read_date`]).
    pub fn date(&self, id: &str) -> Option<NaiveDate> {
        read_date_value(self.map.get(id)?).ok()
    }

    /// A month fact, read as people type it (see [`crate::dates::read_month`]).
    pub fn month(&self, id: &str) -> Option<YearMonth> {
        read_month_value(self.map.get(id)?).ok()
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

pub use crate::money::MAX_NUMBER;

type Bad = (&'static str, Text);

/// A value as a message shows it: JSON, at most 40 characters.
fn shown_value(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

/// A key as a message shows it: at most 40 characters, no control characters.
fn shown_key(k: &str) -> String {
    let mut s: String = k
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if k.chars().count() > 40 {
        s.push('…');
    }
    s
}

/// English: the first letter in upper case.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Checks one answer; `Ok(Some(v))` when it is kept in a normal form (dates).
fn check_value(def: &FactDef, v: &Value) -> Result<Option<Value>, Bad> {
    // The words of a problem, built only when there is one.
    let words = || {
        let name = def.name();
        let the = capital(&format!("the {}", name.en));
        (name, the, shown_value(v))
    };
    let wrong = |zh: &str, en: &str| -> Result<Option<Value>, Bad> {
        let (name, the, shown) = words();
        Err((
            "wrongType",
            Text::new(
                format!("{}应为{zh}，现在是 {shown}。", name.zh),
                format!("{the} should be {en}, not {shown}."),
            ),
        ))
    };
    let too_big = |max: &str| -> Result<Option<Value>, Bad> {
        let (name, the, shown) = words();
        Err((
            "outOfRange",
            Text::new(
                format!("{}填的 {shown} 太大了，最多 {max}。请检查是否多输了几位。", name.zh),
                format!("{the} is {shown}, which is too large: it can be at most {max}. Check for extra digits."),
            ),
        ))
    };
    let date_problem = |e: crate::dates::DateError| -> Bad {
        let code = if matches!(e.problem, crate::dates::DateProblem::NotText) {
            "wrongType"
        } else {
            "badDate"
        };
        let message = match def.noun() {
            Some(noun) => e.message(Some(&noun)),
            // No noun for the answer: the question, then the plain message.
            None => {
                let m = e.message(None);
                Text::new(
                    format!("问题“{}”：{}", def.question.zh.trim(), m.zh),
                    format!("For \"{}\": {}", def.question.en.trim(), m.en),
                )
            }
        };
        (code, message)
    };
    match &def.kind {
        FactKind::YesNo => match v.as_bool() {
            Some(_) => Ok(None),
            None => wrong(
                "“是”或“否”（true 或 false）",
                "a yes or no answer (true or false)",
            ),
        },
        FactKind::Date => read_date_value(v)
            .map(|d| Some(Value::String(d.to_string())))
            .map_err(date_problem),
        FactKind::Month => read_month_value(v)
            .map(|m| Some(Value::String(m.to_string())))
            .map_err(date_problem),
        FactKind::Number => match v.as_i64() {
            Some(n) if n > MAX_NUMBER => too_big("1000000"),
            Some(n) if n >= 0 => Ok(None),
            _ => wrong("0或更大的整数", "a whole number, 0 or more"),
        },
        FactKind::Money | FactKind::Decimal => match decimal_of(v) {
            Some(d) if d > crate::money::MAX_AMOUNT => too_big("1000000000000"),
            Some(d) if !d.is_sign_negative() => Ok(None),
            _ => wrong(
                "0或更大的金额或数字，例如 1234.50",
                "an amount or number of 0 or more, such as 1234.50",
            ),
        },
        FactKind::Choice { options } => match v.as_str() {
            Some(s) if options.iter().any(|o| o.value == s) => Ok(None),
            _ => Err(not_allowed(&def.name(), v, options)),
        },
        FactKind::MultiChoice { options } => {
            let Some(items) = v.as_array() else {
                return wrong("一组选项（数组）", "a list of choices (an array)");
            };
            for item in items {
                if !item
                    .as_str()
                    .is_some_and(|s| options.iter().any(|o| o.value == s))
                {
                    return Err(not_allowed(&def.name(), item, options));
                }
            }
            Ok(None)
        }
        FactKind::Household => {
            let Some(items) = v.as_array() else {
                return wrong(
                    "家庭成员的列表（数组）",
                    "a list of household members (an array)",
                );
            };
            for (i, m) in items.iter().enumerate() {
                let n = i + 1;
                let Some(o) = m.as_object() else {
                    return Err((
                        "wrongType",
                        t!(
                            "第{}位家庭成员应写成 {{ \"relation\", \"workingAge\", \"status\" }}。",
                            "Household member {} should be written as {{ \"relation\", \"workingAge\", \"status\" }}.";
                            n
                        ),
                    ));
                };
                for required in ["workingAge", "status"] {
                    if o.get(required).is_none_or(|v| v.is_null()) {
                        return Err((
                            "missing",
                            t!(
                                "第{}位家庭成员缺少 \"{}\"。",
                                "Household member {} has no \"{}\".";
                                n,
                                required
                            ),
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
                        let key = shown_key(k);
                        return Err((
                            "wrongType",
                            t!(
                                "第{}位家庭成员的 \"{}\" 填得不对：可填 relation（关系，文字）、workingAge（是否在劳动年龄内，true 或 false）和 status（{}之一）。",
                                "Household member {} has a wrong \"{}\": give relation (text), workingAge (true or false) and status (one of {}).";
                                n,
                                key,
                                Text::new(MEMBER_STATUSES.join("、"), MEMBER_STATUSES.join(", "))
                            ),
                        ));
                    }
                }
            }
            Ok(None)
        }
        FactKind::Text => match v.as_str() {
            Some(_) => Ok(None),
            None => wrong("文字", "text"),
        },
    }
}

fn not_allowed(name: &Text, v: &Value, options: &[Choice]) -> Bad {
    let zh: Vec<String> = options
        .iter()
        .map(|o| format!("\"{}\"（{}）", o.value, o.text.zh))
        .collect();
    let en: Vec<String> = options
        .iter()
        .map(|o| format!("\"{}\" ({})", o.value, o.text.en))
        .collect();
    let shown = shown_value(v);
    (
        "notAllowed",
        Text::new(
            format!("{}只能选 {}，现在是 {shown}。", name.zh, zh.join("、")),
            format!(
                "{} must be one of {}, not {shown}.",
                capital(&format!("the {}", name.en)),
                en.join(", ")
            ),
        ),
    )
}

pub use crate::pack::{condition_fact_ids, condition_facts};
