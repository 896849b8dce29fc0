//! Bilingual text (zh-CN and English) for every message the kit shows a person.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The language an answer is written in. zh-CN is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// 简体中文
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Parses a BCP 47 tag loosely: anything starting with `en` is English,
    /// anything starting with `zh` is Chinese; other tags give `None`.
    ///
    /// ```
    /// use zhuchuang_core::Lang;
    /// assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::parse("zh"), Some(Lang::ZhCn));
    /// assert_eq!(Lang::parse("fr"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t == "en" || t.starts_with("en-") || t.starts_with("en_") {
            Some(Lang::En)
        } else if t == "zh" || t.starts_with("zh-") || t.starts_with("zh_") {
            Some(Lang::ZhCn)
        } else {
            None
        }
    }

    /// The tag as used in the API: `"zh-CN"` or `"en"`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// A message in both languages. Build it with [`Text::new`] or the [`t!`](crate::t) macro.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(rename = "zh-CN")]
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhCn => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Joins two texts with a separator suited to each language.
    pub fn join(parts: &[Text]) -> Text {
        Text {
            zh: parts
                .iter()
                .map(|p| p.zh.as_str())
                .collect::<Vec<_>>()
                .join("；"),
            en: parts
                .iter()
                .map(|p| p.en.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.zh, self.en)
    }
}

/// Builds a [`Text`]: `t!("中文", "English")`, or with format arguments shared by
/// both: `t!("第{}位", "position {}"; pos)`.
#[macro_export]
macro_rules! t {
    ($zh:expr, $en:expr) => {
        $crate::text::Text::new($zh, $en)
    };
    ($zh:literal, $en:literal; $($arg:expr),+ $(,)?) => {
        $crate::text::Text::new(format!($zh, $($arg),+), format!($en, $($arg),+))
    };
}
