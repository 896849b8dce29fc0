//! Criteria and questions several programs share: working age, yes/no
//! conditions, frequency limits, local wages, and the criteria table ([`Row`])
//! each program is written as.
//!
//! Every figure a sentence states is read from the packs through the
//! [`Verdict`] (so it is recorded and cited), and every clause is named by its
//! id in the packs' citation table.

use crate::dates::{add_months, whole_months_between};
use crate::facts::{Choice, FactDef, FactKind, Facts};
use crate::pack::{RuleError, Rules};
use crate::retirement::{RetirementQuery, Track};
use crate::text::Text;
use crate::verdict::{Check, Outcome, Verdict};
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

/// Words in both languages, for the criteria tables: `(中文, English)`.
pub type Words = (&'static str, &'static str);

/// The [`Text`] of table words.
pub fn words(w: Words) -> Text {
    t!(w.0, w.1)
}

/// An age in years as people say it ("40周岁" / "40 years old").
pub fn age_text(years: impl std::fmt::Display) -> Text {
    let y = years.to_string();
    t!("{}周岁", "{} years old"; y)
}

/// An age parameter (unit years) in whole years.
pub fn years_of(d: Decimal) -> Decimal {
    d.normalize()
}

/// A number of months as people say it: whole years when it is a multiple of
/// twelve ("2年" / "2 years"), else months ("18个月").
pub fn span(months: i64) -> Text {
    match (months / 12, months % 12) {
        (1, 0) => t!("{}年", "{} year"; 1),
        (y, 0) if y > 0 => t!("{}年", "{} years"; y),
        _ if months == 1 => t!("{}个月", "{} month"; months),
        _ => t!("{}个月", "{} months"; months),
    }
}

/// The usual summary: eligible / ineligible in the program's words, or more
/// answers needed.
pub fn summary(o: Outcome, eligible: Words, ineligible: Words) -> Text {
    match o {
        Outcome::Eligible => words(eligible),
        Outcome::Ineligible => words(ineligible),
        Outcome::Undetermined => t!("还需要回答几个问题。", "A few more answers are needed."),
    }
}

/// The reason of a question not answered yet.
pub fn not_answered() -> Text {
    t!("这个问题还没有回答。", "This question is not answered yet.")
}

pub fn yes_no(id: &'static str, zh: &str, en: &str) -> FactDef {
    FactDef::new(id, FactKind::YesNo, t!(zh, en))
}

pub fn birth_date() -> FactDef {
    FactDef::new(
        "birthDate",
        FactKind::Date,
        t!("您的出生日期是？", "What is your date of birth?"),
    )
    .hint(t!("例如 1975-03-15", "For example, 1975-03-15"))
}

pub fn sex() -> FactDef {
    FactDef::new(
        "sex",
        FactKind::Choice {
            options: vec![
                Choice::new("male", t!("男", "Male")),
                Choice::new("female", t!("女", "Female")),
            ],
        },
        t!("您的性别是？", "What is your sex?"),
    )
    .hint(t!(
        "用于计算劳动年龄和法定退休年龄。",
        "Used for the working age and the statutory retirement age.",
    ))
}

/// A woman's original retirement age on `track`, in years, from the packs.
fn original_age(rules: &Rules<'_>, track: Track, date: NaiveDate) -> Option<Decimal> {
    let key = match track {
        Track::Male => "retirement.male.originalAge",
        Track::Female55 => "retirement.female55.originalAge",
        Track::Female50 => "retirement.female50.originalAge",
    };
    rules.decimal(key, date).ok().map(|(d, _)| years_of(d))
}

/// Which post sets a woman's retirement age, with the original ages the
/// packs give for `date`.
pub fn woman_track(rules: &Rules<'_>, date: NaiveDate) -> FactDef {
    let post = |track: Track, zh: &str, en: &str| match original_age(rules, track, date) {
        Some(age) => Choice::new(
            track.key(),
            t!("{}（原退休年龄{}周岁）", "{} (originally {})"; t!(zh, en), age),
        ),
        None => Choice::new(track.key(), t!(zh, en)),
    };
    let hint = match original_age(rules, Track::Female55, date) {
        Some(age) => t!(
            "灵活就业的女性一般按原{}周岁计算，以当地经办机构为准。",
            "Women in flexible employment usually count as {}; the local office decides.";
            age
        ),
        None => t!(
            "灵活就业的女性一般按管理或技术岗位计算，以当地经办机构为准。",
            "Women in flexible employment usually count as in a management or technical post; the local office decides.",
        ),
    };
    FactDef::new(
        "womanTrack",
        FactKind::Choice {
            options: vec![
                post(
                    Track::Female55,
                    "管理或技术岗位",
                    "management or technical post",
                ),
                post(Track::Female50, "生产岗位", "production post"),
            ],
        },
        t!(
            "您的退休年龄按哪类岗位计算？",
            "Which kind of post sets your retirement age?",
        ),
    )
    .hint(hint)
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
    crate::retirement::retirement_date(&q, rules, as_of)
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
/// retirement age (as delayed from 2025) not yet reached on the verdict's date.
pub fn working_age(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let as_of = v.as_of();
    let min = v.decimal("labour.minimumWorkingAge")?;
    let min_age = years_of(min.value);
    let rules = v.rules();
    let r_ret = rules
        .lookup("retirement.male.reformStart", as_of)
        .or_else(|_| rules.lookup("retirement.male.originalAge", as_of))?;
    let label = t!("在法定劳动年龄内", "Within the statutory working age");
    let check = Check::new("workingAge", label)
        .figure(&min)
        .param(&r_ret, v.lang());
    let Some(birth) = facts.date("birthDate") else {
        v.add(check.unknown(
            t!(
                "需要出生日期和性别。",
                "The date of birth and the sex are needed."
            ),
            &["birthDate", "sex"],
        ));
        return Ok(());
    };
    let age = age_on(birth, as_of);
    let young = Decimal::from(age.years) < min_age;
    let range = retirement_dates(facts, rules, as_of)?;
    let years = age.years;
    let check = match range {
        _ if young => check
            .compared(age_text(years), t!("≥ {}周岁", "≥ {}"; min_age))
            .not_met(t!(
                "{} 时{}周岁，未满{}周岁的最低就业年龄。",
                "On {}, you are {} years old, below the minimum working age of {}.";
                as_of, years, min_age
            )),
        None => check.unknown(
            t!(
                "还需要性别，才能算出法定退休年龄。",
                "The sex is needed to work out the statutory retirement age.",
            ),
            &["sex"],
        ),
        Some((_, latest)) if as_of >= latest => check
            .compared(
                age_text(years),
                t!(
                    "未达到法定退休年龄（{} 达到）",
                    "retirement age not reached (reached {})";
                    latest
                ),
            )
            .not_met(t!(
                "已于 {} 达到法定退休年龄，不在劳动年龄内。",
                "You reached the statutory retirement age on {}, so you are no longer of working age.";
                latest
            )),
        Some((earliest, _)) if as_of < earliest => check
            .compared(
                age_text(years),
                t!(
                    "{}周岁至法定退休年龄（{} 达到）",
                    "{} to the statutory retirement age (reached {})";
                    min_age, earliest
                ),
            )
            .met(t!(
                "{}周岁，在{}周岁到法定退休年龄（{} 达到）之间。",
                "You are {} years old, between {} and the statutory retirement age (reached on {}).";
                years, min_age, earliest
            )),
        Some(_) => check.unknown(
            t!(
                "女职工的法定退休年龄取决于岗位类别，需要确认。",
                "A woman's retirement age depends on her kind of post, so the kind of post is needed.",
            ),
            &["womanTrack"],
        ),
    };
    v.add(check);
    Ok(())
}

/// A yes/no criterion as data: met when the answer to `fact` is `want`.
pub struct YesNo {
    pub id: &'static str,
    pub fact: &'static str,
    pub want: bool,
    pub label: Words,
    pub met: Words,
    pub not_met: Words,
    /// The clause of the packs' citation table it rests on.
    pub clause: &'static str,
}

/// A "fewer than N times so far" criterion from a count parameter.
pub struct Times {
    pub id: &'static str,
    /// The fact holding how many times so far.
    pub fact: &'static str,
    /// The count parameter (also the criterion's citation).
    pub key: &'static str,
    pub label: Words,
    /// Left out when the packs have no value (a local-only limit).
    pub optional: bool,
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
    pub label: Words,
    /// The fact holding the person's monthly amount.
    pub fact: &'static str,
    /// The rule-pack key of the local wage.
    pub key: &'static str,
    pub side: WageSide,
    pub clause: &'static str,
    pub if_met: Words,
    pub if_not: Words,
    /// What to ask for when the fact is missing.
    pub needs: Words,
    /// The note when the pack has no value for `key`.
    pub skipped: Words,
}

/// A criterion of its program's own, with its figures and clauses read inside.
pub type Own = fn(&mut Verdict<'_>, &Facts) -> Result<(), RuleError>;

/// One row of a program's criteria table, evaluated in order by [`run`].
pub enum Row {
    Yes(YesNo),
    Times(Times),
    Wage(WageCheck),
    /// 法定劳动年龄内 ([`working_age`]).
    WorkingAge,
    Own(Own),
}

/// Adds every row of `table` to `v`.
pub fn run(v: &mut Verdict<'_>, facts: &Facts, table: &[Row]) -> Result<(), RuleError> {
    for row in table {
        match row {
            Row::Yes(y) => yes(v, facts, y)?,
            Row::Times(spec) => times_limit(v, facts, spec)?,
            Row::Wage(spec) => wage_check(v, facts, spec)?,
            Row::WorkingAge => working_age(v, facts)?,
            Row::Own(f) => f(v, facts)?,
        }
    }
    Ok(())
}

/// Adds a [`YesNo`] criterion.
pub fn yes(v: &mut Verdict<'_>, facts: &Facts, spec: &YesNo) -> Result<(), RuleError> {
    let check = yes_check(v, facts, spec)?;
    v.add(check);
    Ok(())
}

/// A [`YesNo`] criterion, to add after changes (e.g. a group).
pub fn yes_check(v: &mut Verdict<'_>, facts: &Facts, spec: &YesNo) -> Result<Check, RuleError> {
    let check = Check::new(spec.id, words(spec.label)).cite(v.clause(spec.clause)?);
    Ok(match facts.yes_no(spec.fact) {
        Some(answer) => check.decide(answer == spec.want, words(spec.met), words(spec.not_met)),
        None => check.unknown(not_answered(), &[spec.fact]),
    })
}

/// Adds a [`Times`] criterion.
pub fn times_limit(v: &mut Verdict<'_>, facts: &Facts, spec: &Times) -> Result<(), RuleError> {
    let max = if spec.optional {
        match v.optional(|v| v.int(spec.key))? {
            Some(m) => m,
            None => return Ok(()),
        }
    } else {
        v.int(spec.key)?
    };
    let check = Check::new(spec.id, words(spec.label)).figure(&max);
    let limit = max.value;
    v.add(match facts.number(spec.fact) {
        Some(n) => check.compared(times_so_far(n), times_below(limit)).decide(
            n < limit,
            t!(
                "{}，最多可享受{}次。",
                "{}, and the limit is {} in all.";
                received_before(n), count_times(limit)
            ),
            t!(
                "{}，已达到最多{}次的上限。",
                "{}, which reaches the limit of {} in all.";
                received_before(n), count_times(limit)
            ),
        ),
        None => check.unknown(
            t!(
                "需要此前已享受的次数。",
                "The number of times so far is needed.",
            ),
            &[spec.fact],
        ),
    });
    Ok(())
}

/// A count of times: the number in Chinese (before 次), English words
/// ("once", "twice", "3 times").
fn count_times(n: i64) -> Text {
    let en = match n {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    };
    t!(n.to_string(), en)
}

/// The times so far, as compared: "已享受2次" / "twice so far".
fn times_so_far(n: i64) -> Text {
    if n == 0 {
        t!("未享受过", "never so far")
    } else {
        t!("已享受{}次", "{} so far"; count_times(n))
    }
}

/// The limit, as compared: "此前未享受过" for a once-only benefit, else
/// "少于3次" / "fewer than 3 times".
fn times_below(limit: i64) -> Text {
    if limit == 1 {
        t!("此前未享受过", "never before")
    } else {
        t!("少于{}次", "fewer than {} times"; limit)
    }
}

/// The times so far as a sentence's start.
fn received_before(n: i64) -> Text {
    if n == 0 {
        t!("此前未享受过", "It has not happened before")
    } else {
        t!("此前已享受{}次", "It has happened {} before"; count_times(n))
    }
}

/// Adds a [`WageCheck`] to `v`, or its `skipped` note.
pub fn wage_check(v: &mut Verdict<'_>, facts: &Facts, spec: &WageCheck) -> Result<(), RuleError> {
    let Some(wage) = v.optional(|v| v.decimal(spec.key))? else {
        v.note(words(spec.skipped));
        return Ok(());
    };
    let check = Check::new(spec.id, words(spec.label))
        .figure(&wage)
        .cite(v.clause(spec.clause)?);
    let (op, ok): (&str, fn(Decimal, Decimal) -> bool) = match spec.side {
        WageSide::Below => ("< ", |a, b| a < b),
        WageSide::AtLeast => ("≥ ", |a, b| a >= b),
    };
    let per_month = |prefix: &str, amount: Decimal| {
        let amount = amount.normalize();
        t!("{}{}元/月", "{}{} yuan a month"; prefix, amount)
    };
    v.add(match facts.money(spec.fact) {
        Some(amount) => check
            .compared(per_month("", amount), per_month(op, wage.value))
            .decide(
                ok(amount, wage.value),
                words(spec.if_met),
                words(spec.if_not),
            ),
        None => check.unknown(words(spec.needs), &[spec.fact]),
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
    FactDef::new(id, FactKind::Number, t!(zh, en)).hint(t!("没有享受过填 0。", "Enter 0 if never."))
}
