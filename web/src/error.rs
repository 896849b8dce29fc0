//! `ApiError` (the error every API function throws) and the one conversion of
//! each core error into it. Pure Rust: the golden runner, the widgets and the wasm
//! exports all use these conversions, so a code or a message is decided here once.
//! Turning it into a JavaScript `Error` is `convert`'s job (`ApiError::into_js`).

use serde_json::{json, Value};
use zhuchuang_core::eligibility::{self, CheckError};
use zhuchuang_core::facts::FactProblem;
use zhuchuang_core::materials::MaterialsError;
use zhuchuang_core::pack::{PackErrors, PackProblem, RuleError};
use zhuchuang_core::{t, Lang, Text};

/// An error of the API: a stable, machine-readable `code`, a message in both
/// languages (never empty), and every problem behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub code: &'static str,
    pub text: Text,
    /// Every problem behind the error (a pack's, the facts', `provided`'s).
    pub problems: Vec<ApiProblem>,
}

/// What an [`ApiProblem`] is located by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locus {
    /// A JSON Pointer into a pack (`error.problems[].path`).
    Path,
    /// A fact (or a material of `provided`) by its key (`error.problems[].fact`).
    Fact,
}

impl Locus {
    /// The key the problem's location is thrown under.
    pub fn key(self) -> &'static str {
        match self {
            Locus::Path => "path",
            Locus::Fact => "fact",
        }
    }
}

/// One problem behind an error, thrown as `error.problems[{ path | fact, code, message, messages }]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiProblem {
    pub locus: Locus,
    pub at: String,
    pub code: String,
    pub message: Text,
}

impl From<PackProblem> for ApiProblem {
    fn from(p: PackProblem) -> ApiProblem {
        ApiProblem {
            locus: Locus::Path,
            at: p.path,
            code: p.code,
            message: p.message,
        }
    }
}

impl From<FactProblem> for ApiProblem {
    fn from(p: FactProblem) -> ApiProblem {
        ApiProblem {
            locus: Locus::Fact,
            at: p.fact,
            code: p.code,
            message: p.message,
        }
    }
}

/// A message that says something in each language, whatever the caller gave.
pub(crate) fn never_empty(code: &str, text: Text) -> Text {
    let fallback = t!(
        "请求未能完成（错误代码 {}）。",
        "The request could not be completed (error code {}).";
        code
    );
    Text::new(
        if text.zh.trim().is_empty() {
            fallback.zh.clone()
        } else {
            text.zh
        },
        if text.en.trim().is_empty() {
            fallback.en
        } else {
            text.en
        },
    )
}

impl ApiError {
    pub fn new(code: &'static str, text: Text) -> ApiError {
        ApiError {
            code,
            text: never_empty(code, text),
            problems: Vec::new(),
        }
    }

    /// Attaches problems (a pack's, the facts').
    pub fn with_problems<P: Into<ApiProblem>>(mut self, problems: Vec<P>) -> ApiError {
        self.problems = problems.into_iter().map(Into::into).collect();
        self
    }

    /// An error made of facts' problems: the message joins them all, and
    /// `error.problems` lists each one.
    pub fn facts(code: &'static str, problems: Vec<FactProblem>) -> ApiError {
        let zh: Vec<&str> = problems.iter().map(|p| p.message.zh.as_str()).collect();
        let en: Vec<&str> = problems.iter().map(|p| p.message.en.as_str()).collect();
        ApiError::new(code, Text::new(zh.join(" "), en.join(" "))).with_problems(problems)
    }

    /// An `invalidArgument` error.
    pub fn argument(text: Text) -> ApiError {
        ApiError::new("invalidArgument", text)
    }

    /// An `invalidArgument` error about one field, named by its path in the
    /// argument (`input.partners`): thrown with `problems: [{ path, code, message }]`.
    pub fn argument_at(path: String, text: Text) -> ApiError {
        let mut e = ApiError::argument(text.clone());
        e.problems.push(ApiProblem {
            locus: Locus::Path,
            at: path,
            code: "invalidArgument".into(),
            message: text,
        });
        e
    }

    /// A pack that does not load, with every problem (`code` is `invalidPack`,
    /// or `internal` for the embedded pack).
    pub fn pack(e: PackErrors, code: &'static str) -> ApiError {
        let n = e.problems.len();
        let text = match e.problems.first() {
            Some(p) => t!(
                "规则包有{}处问题，第一处在 {}：{}",
                "The pack has {} problem(s); the first at {}: {}";
                n, p.path.as_str(), &p.message
            ),
            None => Text::new("规则包有问题。", "The pack has problems."),
        };
        ApiError::new(code, text).with_problems(e.problems)
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        self.text.get(lang)
    }

    /// The error as JSON, in the shape JavaScript sees it: `{ code, message,
    /// messages, problems: [{ path | fact, code, message, messages }] }`.
    pub fn to_json(&self, lang: Lang) -> Value {
        let problems: Vec<Value> = self
            .problems
            .iter()
            .map(|p| {
                let mut o = serde_json::Map::new();
                o.insert(p.locus.key().into(), Value::String(p.at.clone()));
                o.insert("code".into(), Value::String(p.code.clone()));
                o.insert("message".into(), p.message.get(lang).into());
                o.insert("messages".into(), json!(p.message));
                Value::Object(o)
            })
            .collect();
        json!({
            "name": "ZhuchuangError",
            "code": self.code,
            "message": self.text.get(lang),
            "messages": self.text,
            "problems": problems,
        })
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.text)
    }
}

impl std::error::Error for ApiError {}

impl From<RuleError> for ApiError {
    fn from(e: RuleError) -> ApiError {
        ApiError::new(e.code(), e.message())
    }
}

impl From<PackErrors> for ApiError {
    fn from(e: PackErrors) -> ApiError {
        ApiError::pack(e, "invalidPack")
    }
}

impl From<zhuchuang_core::subsidy::PlanError> for ApiError {
    fn from(e: zhuchuang_core::subsidy::PlanError) -> ApiError {
        use zhuchuang_core::subsidy::PlanError;
        match e {
            PlanError::Input { path, message } => ApiError::argument_at(path, message),
            PlanError::Rule(r) => r.into(),
        }
    }
}

impl From<zhuchuang_core::loan::QuoteError> for ApiError {
    fn from(e: zhuchuang_core::loan::QuoteError) -> ApiError {
        use zhuchuang_core::loan::QuoteError;
        match e {
            QuoteError::Input { path, message } => ApiError::argument_at(path, message),
            QuoteError::Rule(r) => r.into(),
        }
    }
}

impl From<CheckError> for ApiError {
    fn from(e: CheckError) -> ApiError {
        match e {
            CheckError::UnknownProgram(p) => {
                let all: Vec<&str> = eligibility::programs().iter().map(|p| p.id).collect();
                ApiError::new(
                    "unknownProgram",
                    t!(
                        "没有名为 \"{}\" 的项目，可用：{}。",
                        "There is no program \"{}\"; use one of {}.";
                        p.as_str(), Text::new(all.join("、"), all.join(", "))
                    ),
                )
            }
            CheckError::Facts(problems) => ApiError::facts("invalidFacts", problems),
            CheckError::Rule(r) => r.into(),
        }
    }
}

impl From<zhuchuang_core::eligibility::assistance::PlanError> for ApiError {
    fn from(e: zhuchuang_core::eligibility::assistance::PlanError) -> ApiError {
        use zhuchuang_core::eligibility::assistance::PlanError;
        match e {
            PlanError::NoLevel => ApiError::argument(Text::new(
                "input 需要 level（I、II、III）或 assessment（评估情况）。",
                "input needs a level (I, II, III) or an assessment.",
            )),
            PlanError::Facts(problems) => ApiError::facts("invalidFacts", problems),
            PlanError::Rule(r) => r.into(),
        }
    }
}

impl From<MaterialsError> for ApiError {
    fn from(e: MaterialsError) -> ApiError {
        match e {
            MaterialsError::UnknownApplication(id, all) => ApiError::new(
                "unknownApplication",
                t!(
                    "没有名为 \"{}\" 的申请事项，可用：{}。",
                    "There is no application type \"{}\"; use one of {}.";
                    id.as_str(), Text::new(all.join("、"), all.join(", "))
                ),
            ),
            MaterialsError::Facts(problems) => ApiError::facts("invalidFacts", problems),
            MaterialsError::Provided(problems) => ApiError::facts("invalidProvided", problems),
            MaterialsError::Rule(r) => r.into(),
        }
    }
}

impl From<zhuchuang_core::application::ApplicationError> for ApiError {
    fn from(e: zhuchuang_core::application::ApplicationError) -> ApiError {
        use zhuchuang_core::application::ApplicationError;
        match e {
            ApplicationError::UnknownForm(id, all) => ApiError::new(
                "unknownForm",
                t!(
                    "没有名为 \"{}\" 的申请表，可用：{}。",
                    "There is no form \"{}\"; use one of {}.";
                    id.as_str(), Text::new(all.join("、"), all.join(", "))
                ),
            ),
            ApplicationError::NotAnObject => ApiError::new(
                "invalidArgument",
                t!(
                    "values 应是对象 { 字段编号: 值 }。",
                    "values must be an object { fieldId: value }."
                ),
            ),
            ApplicationError::BadForm(id, message) => ApiError::new(
                "invalidPack",
                t!("申请表 \"{}\" 的定义有误：{}", "The form \"{}\" is defined wrongly: {}"; id.as_str(), message),
            ),
            ApplicationError::Provided(problems) => ApiError::facts("invalidProvided", problems),
            ApplicationError::Rule(r) => r.into(),
        }
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> ApiError {
        ApiError::new(
            "internal",
            t!("无法输出结果：{}", "Could not return the result: {}"; e.to_string()),
        )
    }
}
