//! Bilingual text (zh-CN and English) for every message the kit shows a person.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The language an answer is written in. zh-CN is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// The known word nearest to `word` by edit distance, if it is near enough: the
/// "did you mean …?" of every error about an unknown key, fact or id.
pub fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k), *k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2))
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A value written into a bilingual sentence by [`t!`](crate::t): plain values
/// read the same in both languages; a [`Text`] (a figure as people read it, a
/// label) gives each language its own words.
pub trait Bilingual {
    fn in_lang(&self, lang: Lang) -> String;
}

impl Bilingual for Text {
    fn in_lang(&self, lang: Lang) -> String {
        self.get(lang).to_string()
    }
}

impl<T: Bilingual + ?Sized> Bilingual for &T {
    fn in_lang(&self, lang: Lang) -> String {
        (**self).in_lang(lang)
    }
}

macro_rules! same_in_both {
    ($($t:ty),* $(,)?) => {
        $(impl Bilingual for $t {
            fn in_lang(&self, _: Lang) -> String {
                self.to_string()
            }
        })*
    };
}

same_in_both!(
    str,
    String,
    char,
    bool,
    u8,
    u16,
    u32,
    u64,
    usize,
    i8,
    i16,
    i32,
    i64,
    isize,
    rust_decimal::Decimal,
    chrono::NaiveDate,
);

/// Builds a [`Text`], the one way to write bilingual text: `t!("中文", "English")`,
/// or with arguments: `t!("第{}位", "position {}"; pos)`. An argument that is a
/// [`Text`] is written in each language's own words:
///
/// ```
/// use zhuchuang_core::{t, Text};
/// let cap = Text::new("30万元", "300,000 yuan");
/// let s = t!("最高{}", "at most {}"; cap);
/// assert_eq!(s.zh, "最高30万元");
/// assert_eq!(s.en, "at most 300,000 yuan");
/// ```
#[macro_export]
macro_rules! t {
    ($zh:expr, $en:expr $(,)?) => {
        $crate::text::Text::new($zh, $en)
    };
    ($zh:literal, $en:literal; $($arg:expr),+ $(,)?) => {
        $crate::text::Text::new(
            format!($zh, $($crate::text::Bilingual::in_lang(&$arg, $crate::text::Lang::ZhCn)),+),
            format!($en, $($crate::text::Bilingual::in_lang(&$arg, $crate::text::Lang::En)),+),
        )
    };
}
