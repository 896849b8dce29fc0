//! Criteria and questions several programs share: working age, yes/no
//! conditions, frequency limits.

use crate::dates::{add_months, whole_months_between};
use crate::facts::{Choice, FactDef, FactKind, Facts};
use crate::pack::{Citation, RuleError, Rules};
use crate::retirement::{statutory_retirement, RetirementQuery, Track};
use crate::text::{Lang, Text};
use crate::verdict::{Check, Verdict};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// An age in whole years and months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgeYm {
    pub years: i32,
    pub months: i32,
}

/// The age on `date` of someone born on `birth`, in completed years and months.
/// A birthday on 29 February is reached on 28 February in a common year (the
/// month-end rule of [`crate::dates`]); the age is reached on the birthday itself.
///
/// ```
/// use chrono::NaiveDate;
/// use zhuchuang_core::eligibility::age_on;
/// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
/// assert_eq!(age_on(d("1986-11-21"), d("2026-11-21")).years, 40);
/// assert_eq!(age_on(d("1986-11-22"), d("2026-11-21")).years, 39);
/// assert_eq!(age_on(d("1984-02-29"), d("2025-02-28")).years, 41);
/// ```
pub fn age_on(birth: NaiveDate, date: NaiveDate) -> AgeYm {
    let m = whole_months_between(birth, date);
    AgeYm {
        years: m / 12,
        months: m % 12,
    }
}

pub fn t(zh: &str, en: &str) -> Text {
    Text::new(zh, en)
}

pub fn yes_no(id: &'static str, zh: &str, en: &str) -> FactDef {
    FactDef::new(id, FactKind::YesNo, t(zh, en))
}

pub fn birth_date() -> FactDef {
    FactDef::new(
        "birthDate",
        FactKind::Date,
        t("您的出生日期是？", "What is your date of birth?"),
    )
    .hint(t("例如 1975-03-15", "For example, 1975-03-15"))
}

pub fn sex() -> FactDef {
    FactDef::new(
        "sex",
        FactKind::Choice {
            options: vec![
                Choice::new("male", t("男", "Male")),
                Choice::new("female", t("女", "Female")),
            ],
        },
        t("您的性别是？", "What is your sex?"),
    )
    .hint(t(
        "用于计算劳动年龄和法定退休年龄。",
        "Used for the working age and the statutory retirement age.",
    ))
}

pub fn woman_track() -> FactDef {
    FactDef::new(
        "womanTrack",
        FactKind::Choice {
            options: vec![
                Choice::new(
                    "female55",
                    t(
                        "管理或技术岗位（原退休年龄55周岁）",
                        "management or technical post (originally 55)",
                    ),
                ),
                Choice::new(
                    "female50",
                    t(
                        "生产岗位（原退休年龄50周岁）",
                        "production post (originally 50)",
                    ),
                ),
            ],
        },
        t(
            "您的退休年龄按哪类岗位计算？",
            "Which kind of post sets your retirement age?",
        ),
    )
    .hint(t(
        "灵活就业的女性一般按原55周岁计算，以当地经办机构为准。",
        "Women in flexible employment usually count as 55; the local office decides.",
    ))
}

fn retirement_day(
    birth: NaiveDate,
    track: Track,
    rules: &Rules<'_>,
    as_of: NaiveDate,
) -> Result<NaiveDate, RuleError> {
    let q = RetirementQuery {
        birth_date: birth,
        track,
        contribution_months: None,
    };
    Ok(statutory_retirement(&q, rules, as_of, Lang::ZhCn)?.retirement_date)
}

/// The retirement date, or the range of possible dates for a woman whose track
/// is not known yet: `(earliest, latest)`.
pub fn retirement_dates(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
) -> Result<Option<(NaiveDate, NaiveDate)>, RuleError> {
    let Some(birth) = facts.date("birthDate") else {
        return Ok(None);
    };
    let tracks: Vec<Track> = match (facts.choice("sex"), facts.choice("womanTrack")) {
        (Some("male"), _) => vec![Track::Male],
        (Some("female"), Some("female50")) => vec![Track::Female50],
        (Some("female"), Some("female55")) => vec![Track::Female55],
        (Some("female"), _) => vec![Track::Female50, Track::Female55],
        _ => return Ok(None),
    };
    let dates: Vec<NaiveDate> = tracks
        .iter()
        .map(|t| retirement_day(birth, *t, rules, as_of))
        .collect::<Result<_, _>>()?;
    Ok(Some((
        *dates.iter().min().unwrap_or(&birth),
        *dates.iter().max().unwrap_or(&birth),
    )))
}

/// 法定劳动年龄内: at least the minimum working age, and the statutory
/// retirement age (as delayed from 2025) not yet reached on `as_of`.
pub fn working_age(
    v: &mut Verdict<'_>,
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<(), RuleError> {
    let (min_age, r_min) = rules.decimal("labour.minimumWorkingAge", as_of)?;
    let min_age = min_age.trunc().to_string().parse::<i32>().unwrap_or(16);
    let r_ret = rules
        .lookup("retirement.male.reformStart", as_of)
        .or_else(|_| rules.lookup("retirement.male.originalAge", as_of))?;
    let label = t("在法定劳动年龄内", "Within the statutory working age");
    let check = Check::new("workingAge", label)
        .param(&r_min, lang)
        .param(&r_ret, lang);
    let Some(birth) = facts.date("birthDate") else {
        v.add(check.unknown(
            t("需要出生日期和性别。", "Needs the date of birth and sex."),
            &["birthDate", "sex"],
        ));
        return Ok(());
    };
    let age = age_on(birth, as_of);
    let young = age.years < min_age;
    let range = retirement_dates(facts, rules, as_of)?;
    let age_text = Text::new(
        format!("{}周岁", age.years),
        format!("{} years old", age.years),
    );
    let check = match range {
        _ if young => check.compared(age_text, Text::new(format!("≥ {min_age}周岁"), format!("≥ {min_age}"))).not_met(Text::new(
            format!("{as_of} 时{}周岁，未满{min_age}周岁的最低就业年龄。", age.years),
            format!("{} years old on {as_of}, below the minimum working age of {min_age}.", age.years),
        )),
        None => check.unknown(t("还需要性别，才能算出法定退休年龄。", "Needs the sex to work out the statutory retirement age."), &["sex"]),
        Some((_, latest)) if as_of >= latest => check
            .compared(age_text, Text::new(format!("未达到法定退休年龄（{latest} 达到）"), format!("retirement age not reached (reached {latest})")))
            .not_met(Text::new(
                format!("已于 {latest} 达到法定退休年龄，不在劳动年龄内。"),
                format!("Reached the statutory retirement age on {latest}: no longer of working age."),
            )),
        Some((earliest, _)) if as_of < earliest => check
            .compared(age_text, Text::new(format!("{min_age}周岁至法定退休年龄（{earliest} 达到）"), format!("{min_age} to the statutory retirement age (reached {earliest})")))
            .met(Text::new(
                format!("{}周岁，在{min_age}周岁到法定退休年龄（{earliest} 达到）之间。", age.years),
                format!("{} years old, between {min_age} and the statutory retirement age (reached {earliest}).", age.years),
            )),
        Some(_) => check.unknown(
            t("女职工的法定退休年龄取决于岗位类别，需要确认。", "A woman's retirement age depends on her kind of post: please say which."),
            &["womanTrack"],
        ),
    };
    v.add(check);
    Ok(())
}

/// A yes/no condition: met when the answer is `want`.
#[allow(clippy::too_many_arguments)]
pub fn flag(
    facts: &Facts,
    fact: &'static str,
    want: bool,
    id: &str,
    label: Text,
    if_met: Text,
    if_not: Text,
    citation: Citation,
) -> Check {
    let check = Check::new(id, label).cite(citation);
    match facts.yes_no(fact) {
        Some(answer) => check.decide(answer == want, if_met, if_not),
        None => check.unknown(t("尚未回答。", "Not answered yet."), &[fact]),
    }
}

/// A "no more than N times" condition from a count parameter.
#[allow(clippy::too_many_arguments)] // the criterion's identity plus the usual (rules, date, language)
pub fn times_limit(
    facts: &Facts,
    fact: &'static str,
    key: &'static str,
    id: &str,
    label: Text,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Check, RuleError> {
    let (max, r) = rules.int(key, as_of)?;
    let check = Check::new(id, label).param(&r, lang);
    Ok(match facts.number(fact) {
        Some(n) => check
            .compared(
                Text::new(format!("已享受{n}次"), format!("{n} time(s) so far")),
                Text::new(format!("少于{max}次"), format!("fewer than {max}")),
            )
            .decide(
                n < max,
                Text::new(
                    format!("已享受{n}次，未超过{max}次的限制。"),
                    format!("Received {n} time(s); the limit is {max}."),
                ),
                Text::new(
                    format!("已享受{n}次，达到{max}次的上限。"),
                    format!("Already received {n} time(s): the limit of {max} is reached."),
                ),
            ),
        None => check.unknown(
            t(
                "需要已享受的次数。",
                "Needs how many times it was received.",
            ),
            &[fact],
        ),
    })
}

/// Which side of a local wage the monthly amount must fall on.
#[derive(Clone, Copy)]
pub enum WageSide {
    /// Strictly below (e.g. income under the average wage).
    Below,
    /// At or above (e.g. a wage at least the minimum wage).
    AtLeast,
}

/// A monthly amount compared with a local wage parameter (`wage.averageMonthly`,
/// `wage.minimumMonthly`). Wages are local figures a national pack does not
/// carry; when the pack has none, the condition is left out and the verdict
/// says so in `skipped`, rather than guessing.
pub struct WageCheck {
    pub id: &'static str,
    pub label: Text,
    /// The fact holding the person's monthly amount.
    pub fact: &'static str,
    /// The rule-pack key of the local wage.
    pub key: &'static str,
    pub side: WageSide,
    pub citation: Citation,
    pub if_met: Text,
    pub if_not: Text,
    /// What to ask for when the fact is missing.
    pub needs: Text,
    /// The note when the pack has no value for `key`.
    pub skipped: Text,
}

/// Adds a [`WageCheck`] to `v`, or its `skipped` note.
pub fn wage_check(
    v: &mut Verdict<'_>,
    spec: WageCheck,
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<(), RuleError> {
    let (wage, r) = match rules.decimal(spec.key, as_of) {
        Ok(found) => found,
        Err(RuleError::NoValue { .. }) => {
            v.note(spec.skipped);
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let check = Check::new(spec.id, spec.label)
        .param(&r, lang)
        .cite(spec.citation);
    let (op, ok): (&str, fn(Decimal, Decimal) -> bool) = match spec.side {
        WageSide::Below => ("<", |a, b| a < b),
        WageSide::AtLeast => ("≥", |a, b| a >= b),
    };
    let per_month = |prefix: &str, amount: Decimal| {
        let amount = amount.normalize();
        Text::new(
            format!("{prefix}{amount}元/月"),
            format!("{prefix}{amount} yuan a month"),
        )
    };
    v.add(match facts.money(spec.fact) {
        Some(amount) => check
            .compared(per_month("", amount), per_month(&format!("{op} "), wage))
            .decide(ok(amount, wage), spec.if_met, spec.if_not),
        None => check.unknown(spec.needs, &[spec.fact]),
    });
    Ok(())
}

/// Whole months from `from` to `as_of`, and whether that is within `limit`.
pub fn within_months(from: NaiveDate, as_of: NaiveDate, limit: i64) -> (i64, bool) {
    let m = i64::from(whole_months_between(from, as_of));
    (
        m,
        add_months(from, limit as i32).is_some_and(|end| as_of <= end),
    )
}

/// Fact definition of a count of times received.
pub fn times(id: &'static str, zh: &str, en: &str) -> FactDef {
    FactDef::new(id, FactKind::Number, t(zh, en)).hint(t("没有享受过填 0。", "Enter 0 if never."))
}

/// The citation of the seed guide's employment-assistance chapter.
pub fn guide(article: &str) -> Citation {
    Citation {
        document: "劳动保障协理员工作指南：就业创业服务·就业援助".into(),
        title: None,
        article: Some(article.into()),
        url: None,
        note: Some("shared/seeds/guide-employment-assistance.txt".into()),
    }
}
