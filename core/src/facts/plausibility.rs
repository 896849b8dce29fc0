//! Plausibility (合理性核对): answers that cannot all be true, or cannot be true
//! on the date of the check, and answers that are possible but suspicious.
//!
//! The rules are written once, here, over the fact vocabulary, so every
//! program, the materials questions and the assistance plan get them: a rule
//! applies when the facts it names are among the questions asked and answered.
//!
//! - **Contradictions** are fact errors the person must correct
//!   ([`FactProblem`] with code `implausible` or `contradictory`, naming the
//!   field by its question, never its internal id): a birth date after the
//!   date of the check; a date that starts something in the person's working
//!   life (unemployment registration, a business, a subsidy's first approval)
//!   before the minimum working age (`labour.minimumWorkingAge`) or in the
//!   future, and a recognition before that age; leaving school or the last
//!   contact with the employment service before being born or in the future;
//!   a retirement month before birth; months of contributions or of a subsidy
//!   received beyond the months since the minimum working age; more new hires
//!   than staff, more eligible partners than partners, no partner at all
//!   where the count includes the person, a count of eligible partners that
//!   leaves out or counts in the person against their own group; a loan or a
//!   claim of 0; a rural household's category for an urban household; a
//!   registration date for someone who says they are not registered; an
//!   income from work for someone who says they are not working; a spouse for
//!   someone who says they are unmarried, or the spouse's ID equal to the
//!   applicant's; a graduate basis for someone who says they are not a
//!   graduate.
//!   [`contradictions`] (those needing no date) run inside [`Facts::parse`],
//!   so every caller has them; [`check`] runs them all and is called by
//!   `eligibility::check`, `checkMaterials` (through the parse) and the
//!   assistance plan.
//! - **Warnings** ([`Warning`]) name answers that may be typing slips: an age
//!   above `facts.plausibleMaxAge`, a monthly income or wage above
//!   `facts.plausibleMaxMonthlyIncome`. A check shows each on the criteria that
//!   use the fact.
//!
//! ```
//! use chrono::NaiveDate;
//! use zhuchuang_core::facts::{plausibility, FactDef, FactKind, Facts};
//! use zhuchuang_core::pack::PackSet;
//! use zhuchuang_core::Text;
//! let packs = PackSet::embedded().unwrap();
//! let rules = packs.rules("000000").unwrap();
//! let defs = [FactDef::new("birthDate", FactKind::Date, Text::new("您的出生日期是？", "What is your date of birth?"))];
//! let facts = Facts::parse(&serde_json::json!({"birthDate": "2030-01-01"}), &defs).unwrap();
//! let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
//! let problems = plausibility::check(&facts, &defs, &rules, today).unwrap_err();
//! assert_eq!(problems[0].fact, "birthDate");
//! assert!(problems[0].message.zh.contains("您的出生日期是？"));
//! ```

use super::{FactDef, FactProblem, Facts};
use crate::dates::{add_months, whole_months_between};
use crate::money::yuan_words;
use crate::pack::Rules;
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A possible but suspicious answer, to show on the criteria that use it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub fact: String,
    pub message: Text,
}

/// Dates that start something in the person's working life: not before the
/// minimum working age, not after the date of the check.
const WORKING_LIFE_STARTS: &[&str] =
    &["unemployedSince", "businessRegisteredOn", "firstApprovedOn"];

/// Dates of a decision on the person (recognition as an assistance object):
/// not before the minimum working age (they may be planned ahead).
const AT_WORKING_AGE: &[&str] = &["recognisedOn"];

/// Dates of something already done: not before birth, not after the check.
const PAST_EVENTS: &[&str] = &["leftSchoolOn", "lastContactOn"];

/// Counts of months of the person's working life so far (contributions paid,
/// months of a subsidy received): at most the months since the minimum
/// working age.
const WORKING_MONTHS: &[&str] = &["contributionMonths", "monthsReceived", "monthsSubsidised"];

/// Amounts and counts applied for: more than 0 when answered.
const POSITIVE: &[&str] = &["loanAmount", "claimAmount", "claimMonths"];

/// Monthly amounts a person earns.
const MONTHLY_INCOMES: &[&str] = &["monthlyIncome", "monthlyWage"];

/// The question of `id` as it names the field: "“您的出生日期是？”".
fn field(defs: &[FactDef], id: &str) -> Text {
    match defs.iter().find(|d| d.id == id) {
        Some(d) => t!("“{}”", "“{}”"; d.question),
        None => t!("“{}”", "“{}”"; id),
    }
}

/// An amount in yuan as people read it ("200万元" / "2,000,000 yuan").
fn yuan(amount: Decimal) -> Text {
    Text::new(yuan_words(amount, Lang::ZhCn), yuan_words(amount, Lang::En))
}

/// Collects the problems and warnings of one set of facts.
struct Review<'a> {
    facts: &'a Facts,
    defs: &'a [FactDef],
    problems: Vec<FactProblem>,
    warnings: Vec<Warning>,
}

impl Review<'_> {
    /// The fact, if it is asked here and answered.
    fn asked(&self, id: &str) -> bool {
        self.defs.iter().any(|d| d.id == id) && self.facts.has(id)
    }

    fn problem(&mut self, fact: &str, code: &str, message: Text) {
        if self.problems.iter().any(|p| p.fact == fact) {
            return;
        }
        self.problems.push(FactProblem {
            fact: fact.to_string(),
            code: code.to_string(),
            message,
        });
    }

    fn warn(&mut self, fact: &str, message: Text) {
        self.warnings.push(Warning {
            fact: fact.to_string(),
            message,
        });
    }

    fn field(&self, id: &str) -> Text {
        field(self.defs, id)
    }
}

/// Checks `facts` (already parsed against `defs`) for contradictions on
/// `as_of`: every problem at once, or the warnings when there is none.
pub fn check(
    facts: &Facts,
    defs: &[FactDef],
    rules: &Rules<'_>,
    as_of: NaiveDate,
) -> Result<Vec<Warning>, Vec<FactProblem>> {
    let mut r = Review {
        facts,
        defs,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let min_age = rules
        .decimal("labour.minimumWorkingAge", as_of)
        .ok()
        .and_then(|(d, _)| whole_years(d));
    dates(&mut r, rules, as_of, min_age);
    counts(&mut r);
    working_months(&mut r, as_of, min_age);
    households(&mut r);
    answers(&mut r);
    amounts(&mut r, rules, as_of);
    if r.problems.is_empty() {
        Ok(r.warnings)
    } else {
        Err(r.problems)
    }
}

/// The contradictions that need neither the date nor the packs (counts,
/// households, answers against answers): [`Facts::parse`] reports them with
/// the other problems of the facts, so every caller gets them.
pub fn contradictions(facts: &Facts, defs: &[FactDef]) -> Vec<FactProblem> {
    let mut r = Review {
        facts,
        defs,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    counts(&mut r);
    households(&mut r);
    answers(&mut r);
    r.problems
}

/// A years parameter as whole years (ages are whole in the packs).
fn whole_years(d: Decimal) -> Option<i32> {
    let t = d.trunc();
    if t != d {
        return None;
    }
    t.to_string().parse().ok()
}

/// The day the person reaches `years` of age.
fn birthday(birth: NaiveDate, years: i32) -> Option<NaiveDate> {
    add_months(birth, years.checked_mul(12)?)
}

fn dates(r: &mut Review<'_>, rules: &Rules<'_>, as_of: NaiveDate, min_age: Option<i32>) {
    let birth = if r.asked("birthDate") {
        r.facts.date("birthDate")
    } else {
        None
    };
    if let Some(b) = birth {
        if b > as_of {
            let f = r.field("birthDate");
            r.problem(
                "birthDate",
                "implausible",
                t!(
                    "{}填的 {} 晚于判定日期 {}：出生日期不能在今天之后，请更正。",
                    "{} says {}, after the date of this check ({}): a date of birth cannot be in the future. Please correct it.";
                    f, b, as_of
                ),
            );
        } else if let Some(max) = rules
            .decimal("facts.plausibleMaxAge", as_of)
            .ok()
            .and_then(|(d, _)| whole_years(d))
        {
            let age = whole_months_between(b, as_of) / 12;
            if age > max {
                let f = r.field("birthDate");
                r.warn(
                    "birthDate",
                    t!(
                        "{0}填的 {1}，到 {2} 已{3}周岁，超过{4}周岁：请确认出生日期没有填错。",
                        "{0} says {1}: that is {3} years old on {2}, over {4}. Please make sure the date of birth is right.";
                        f, b, as_of, age, max
                    ),
                );
            }
        }
    }
    let birth = birth.filter(|b| *b <= as_of);
    for id in WORKING_LIFE_STARTS.iter().chain(AT_WORKING_AGE) {
        if !r.asked(id) {
            continue;
        }
        let Some(d) = r.facts.date(id) else { continue };
        let f = r.field(id);
        if d > as_of && !AT_WORKING_AGE.contains(id) {
            r.problem(
                id,
                "implausible",
                t!(
                    "{}填的 {} 晚于判定日期 {}：请填已经发生的日期。",
                    "{} says {}, after the date of this check ({}): please give a date that has already passed.";
                    f, d, as_of
                ),
            );
            continue;
        }
        let (Some(b), Some(min)) = (birth, min_age) else {
            continue;
        };
        if let Some(of_age) = birthday(b, min).filter(|day| d < *day) {
            let born = r.field("birthDate");
            r.problem(
                id,
                "contradictory",
                t!(
                    "{}填的 {} 早于年满{}周岁之日（{}，按{}计算）：未满最低就业年龄不能办理。请核对这两个日期。",
                    "{} says {}, before turning {} ({}, from {}), the minimum working age: please check both dates.";
                    f, d, min, of_age, born
                ),
            );
        }
    }
    for id in PAST_EVENTS {
        if !r.asked(id) {
            continue;
        }
        let Some(d) = r.facts.date(id) else { continue };
        let f = r.field(id);
        if d > as_of {
            r.problem(
                id,
                "implausible",
                t!(
                    "{}填的 {} 晚于判定日期 {}：请填已经发生的日期。",
                    "{} says {}, after the date of this check ({}): please give a date that has already passed.";
                    f, d, as_of
                ),
            );
        } else if birth.is_some_and(|b| d <= b) {
            let born = r.field("birthDate");
            r.problem(
                id,
                "contradictory",
                t!(
                    "{}填的 {} 不晚于{}填的出生日期：请核对这两个日期。",
                    "{} says {}, not after the date of birth given in {}: please check both dates.";
                    f, d, born
                ),
            );
        }
    }
    if r.asked("retireMonth") {
        if let (Some(m), Some(b)) = (r.facts.month("retireMonth"), birth) {
            if m.first_day() <= b {
                let (f, born) = (r.field("retireMonth"), r.field("birthDate"));
                r.problem(
                    "retireMonth",
                    "contradictory",
                    t!(
                        "{}填的 {} 不晚于{}填的出生日期：请核对这两个答案。",
                        "{} says {}, not after the date of birth given in {}: please check both answers.";
                        f, m, born
                    ),
                );
            }
        }
    }
}

/// A count, if asked here and answered.
fn number(r: &Review<'_>, id: &str) -> Option<i64> {
    if r.asked(id) {
        r.facts.number(id)
    } else {
        None
    }
}

fn counts(r: &mut Review<'_>) {
    if let (Some(staff), Some(hires)) = (number(r, "staff"), number(r, "eligibleNewHires")) {
        if hires > staff {
            let (f, of) = (r.field("eligibleNewHires"), r.field("staff"));
            r.problem(
                "eligibleNewHires",
                "contradictory",
                t!(
                    "{0}填的{1}人多于{2}填的{3}人：新招用的人员也在在职职工之内，请核对这两个人数。",
                    "{0} says {1}, more than the {3} given in {2}: new hires are part of the staff. Please check both numbers.";
                    f, hires, of, staff
                ),
            );
        }
    }
    if let Some(0) = number(r, "partners") {
        let f = r.field("partners");
        r.problem(
            "partners",
            "implausible",
            t!(
                "{}填的是0：人数包括您本人，至少是1。请更正。",
                "{} says 0: the count includes you, so it is at least 1. Please correct it.";
                f
            ),
        );
    }
    if let (Some(partners), Some(eligible)) = (number(r, "partners"), number(r, "eligiblePartners"))
    {
        if eligible > partners {
            let (f, of) = (r.field("eligiblePartners"), r.field("partners"));
            r.problem(
                "eligiblePartners",
                "contradictory",
                t!(
                    "{0}填的{1}位多于{3}填的{2}位：符合条件的合伙人也是合伙人，请核对这两个人数。",
                    "{0} says {1}, more than the {2} partners given in {3}: eligible partners are among the partners. Please check both numbers.";
                    f, eligible, partners, of
                ),
            );
        }
    }
    // The person is one of the partners: their own group bounds the count.
    let own = if r.asked("loanGroup") {
        r.facts.choice("loanGroup")
    } else {
        None
    };
    // Eligible partners against the person's own group: "none of these" while
    // every partner is eligible needs the partner count; 0 eligible while the
    // person is in an eligible group does not (so it is said at once, before
    // the partner count is asked: no question whose every answer is refused).
    if let (Some(eligible), Some(own)) = (number(r, "eligiblePartners"), own) {
        let (f, g) = (r.field("eligiblePartners"), r.field("loanGroup"));
        match number(r, "partners") {
            Some(partners) if own == "none" && eligible == partners => {
                let of = r.field("partners");
                r.problem(
                    "eligiblePartners",
                    "contradictory",
                    t!(
                        "{0}填的{1}位，即{2}中的全部{1}位，但{3}答的是“以上都不是”：您本人也是合伙人，请核对这几个答案。",
                        "{0} says {1}, all {1} partners of {2}, but {3} is answered \"none of these\": you are one of the partners. Please check these answers.";
                        f, eligible, of, g
                    ),
                );
            }
            _ if own != "none" && eligible == 0 => {
                r.problem(
                    "eligiblePartners",
                    "contradictory",
                    t!(
                        "{0}填的是0，但{1}答的是一个可申请的类别：您本人也是合伙人，请核对这两个答案。",
                        "{0} says 0, but {1} names an eligible group: you are one of the partners. Please check both answers.";
                        f, g
                    ),
                );
            }
            _ => {}
        }
    }
    for id in POSITIVE {
        let zero = match number(r, id) {
            Some(n) => n == 0,
            None => r.asked(id) && r.facts.money(id).is_some_and(|m| m.is_zero()),
        };
        if zero {
            let f = r.field(id);
            r.problem(
                id,
                "implausible",
                t!(
                    "{}填的是0：申请的数额至少要大于0。请填要申请的数额，不申请就留空。",
                    "{} says 0: what is applied for must be more than 0. Please give the amount, or leave it empty.";
                    f
                ),
            );
        }
    }
}

fn working_months(r: &mut Review<'_>, as_of: NaiveDate, min_age: Option<i32>) {
    let birth = if r.asked("birthDate") {
        r.facts.date("birthDate").filter(|b| *b <= as_of)
    } else {
        None
    };
    let (Some(b), Some(min)) = (birth, min_age) else {
        return;
    };
    let possible = birthday(b, min)
        .map(|day| {
            if day > as_of {
                0
            } else {
                i64::from(whole_months_between(day, as_of))
            }
        })
        .unwrap_or(0);
    for id in WORKING_MONTHS {
        let Some(n) = number(r, id) else { continue };
        if n > possible {
            let (f, born) = (r.field(id), r.field("birthDate"));
            r.problem(
                id,
                "contradictory",
                t!(
                    "{0}填的{1}个月，多于从年满{2}周岁到 {3} 的{4}个月（按{5}计算）：请核对月数和出生日期。",
                    "{0} says {1} months, more than the {4} months from age {2} to {3} (from {5}): please check the months and the date of birth.";
                    f, n, min, as_of, possible, born
                ),
            );
        }
    }
}

fn households(r: &mut Review<'_>) {
    if r.asked("ruralZeroTransfer")
        && r.facts.yes_no("ruralZeroTransfer") == Some(true)
        && r.asked("householdType")
        && r.facts.choice("householdType") == Some("urban")
    {
        let (f, of) = (r.field("ruralZeroTransfer"), r.field("householdType"));
        r.problem(
            "ruralZeroTransfer",
            "contradictory",
            t!(
                "{}答了“是”，但{}答的是城镇：农村零转移就业家庭只指农村家庭。请核对这两个答案。",
                "{} is answered yes, but {} says urban: a rural zero-transfer family is a rural household. Please check both answers.";
                f, of
            ),
        );
    }
}

/// Answers that contradict a yes/no answer to another question.
fn answers(r: &mut Review<'_>) {
    if r.asked("unemployedSince")
        && r.asked("registeredUnemployed")
        && r.facts.yes_no("registeredUnemployed") == Some(false)
    {
        let (f, of) = (r.field("unemployedSince"), r.field("registeredUnemployed"));
        r.problem(
            "unemployedSince",
            "contradictory",
            t!(
                "填了{}，但{}答的是“否”：已登记失业才有登记日期。请核对这两个答案（没有登记就把日期留空）。",
                "{} is given, but {} is answered no: only a registration has a date. Please check both answers (leave the date empty if you are not registered).";
                f, of
            ),
        );
    }
    if r.asked("monthlyIncome")
        && r.facts
            .money("monthlyIncome")
            .is_some_and(|m| m > Decimal::ZERO)
        && r.asked("employmentForm")
        && r.facts.choice("employmentForm") == Some("notWorking")
    {
        let (f, of) = (r.field("monthlyIncome"), r.field("employmentForm"));
        r.problem(
            "monthlyIncome",
            "contradictory",
            t!(
                "{}填了收入，但{}答的是目前没有工作：请核对这两个答案（没有工作就把收入留空或填0）。",
                "{} gives an income, but {} says not working at present: please check both answers (leave the income empty, or 0, if you are not working).";
                f, of
            ),
        );
    }
    if r.asked("married") && r.facts.yes_no("married") == Some(false) {
        for id in ["spouseName", "spouseId"] {
            if r.asked(id) && r.facts.text(id).is_some_and(|s| !s.trim().is_empty()) {
                let (f, of) = (r.field(id), r.field("married"));
                r.problem(
                    id,
                    "contradictory",
                    t!(
                        "填了{}，但{}答的是“否”：请核对是否已婚（未婚就把配偶信息留空）。",
                        "{} is given, but {} is answered no: please check whether you are married (leave the spouse's details empty if not).";
                        f, of
                    ),
                );
            }
        }
    }
    if r.asked("spouseId") && r.asked("residentId") {
        let norm = |s: &str| s.trim().to_uppercase();
        let (own, spouse) = (r.facts.text("residentId"), r.facts.text("spouseId"));
        if let (Some(own), Some(spouse)) = (own, spouse) {
            if !own.trim().is_empty() && norm(own) == norm(spouse) {
                let (f, of) = (r.field("spouseId"), r.field("residentId"));
                r.problem(
                    "spouseId",
                    "contradictory",
                    t!(
                        "{}与{}相同：请填配偶本人的证件号码。",
                        "{} is the same as {}: please give the spouse's own ID number.";
                        f, of
                    ),
                );
            }
        }
    }
    if r.asked("subsidyGroup")
        && r.facts.choice("subsidyGroup") == Some("graduate")
        && r.asked("graduate")
        && r.facts.yes_no("graduate") == Some(false)
    {
        let (f, of) = (r.field("graduate"), r.field("subsidyGroup"));
        r.problem(
            "graduate",
            "contradictory",
            t!(
                "{}答的是“否”，但{}选的是高校毕业生：请核对这两个答案。",
                "{} is answered no, but {} says a graduate: please check both answers.";
                f, of
            ),
        );
    }
}

fn amounts(r: &mut Review<'_>, rules: &Rules<'_>, as_of: NaiveDate) {
    let Ok((max, _)) = rules.decimal("facts.plausibleMaxMonthlyIncome", as_of) else {
        return;
    };
    for id in MONTHLY_INCOMES {
        if !r.asked(id) {
            continue;
        }
        let Some(amount) = r.facts.money(id) else {
            continue;
        };
        if amount > max {
            let f = r.field(id);
            let (a, m) = (yuan(amount), yuan(max));
            r.warn(
                id,
                t!(
                    "{}填的每月{}超过{}：请确认没有多输几位，或把年收入当成了月收入。",
                    "{} says {} a month, over {}: please make sure there are no extra digits and that it is not a yearly figure.";
                    f, a, m
                ),
            );
        }
    }
}

/// The problem of a date of birth so long ago (see the age [`Warning`]) that
/// the packs have no figures for `date`, a date the person's case needs (their
/// retirement, say): the check cannot go on, and the date is most likely a slip.
pub fn beyond_the_rules(warning: &Warning, date: NaiveDate) -> FactProblem {
    FactProblem {
        fact: warning.fact.clone(),
        code: "implausible".into(),
        message: t!(
            "{}规则包中没有 {} 时的政策数值，无法按这个出生日期判定。",
            "{} The rule packs have no figures for {}, so no check can be made with this date of birth.";
            warning.message, date
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::programs;
    use crate::pack::PackSet;
    use serde_json::{json, Value};

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The problems of `facts` for `program` on 2026-11-21, as (fact, code).
    fn problems(program: &str, facts: Value) -> Vec<(String, String)> {
        let packs = PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let as_of = date("2026-11-21");
        let p = programs().into_iter().find(|p| p.id == program).unwrap();
        let defs = (p.facts)(&rules, as_of);
        let found = match Facts::parse(&facts, &defs) {
            Err(found) => found,
            Ok(f) => check(&f, &defs, &rules, as_of).err().unwrap_or_default(),
        };
        for p in &found {
            // Named by the question, never the internal id (an id that is
            // a plain English word, "partners", may be a word of the text).
            let camel = p.fact.chars().any(|c| c.is_ascii_uppercase());
            assert!(!p.message.zh.contains(&p.fact), "{}", p.message.zh);
            assert!(
                !camel || !p.message.en.contains(&p.fact),
                "{}",
                p.message.en
            );
            for m in [&p.message.zh, &p.message.en] {
                assert!(m.ends_with('。') || m.ends_with('.'), "{m}");
            }
        }
        found.into_iter().map(|p| (p.fact, p.code)).collect()
    }

    fn one(fact: &str, code: &str) -> Vec<(String, String)> {
        vec![(fact.to_string(), code.to_string())]
    }

    #[test]
    fn dates_out_of_a_life() {
        let p = "difficultPerson";
        assert_eq!(
            problems(p, json!({ "birthDate": "2026-11-22" })),
            one("birthDate", "implausible")
        );
        assert!(problems(p, json!({ "birthDate": "2026-11-21" })).is_empty());
        // The 16th birthday itself is allowed; the day before is not.
        let born = json!({ "birthDate": "1990-03-10", "unemployedSince": "2006-03-10" });
        assert!(problems(p, born).is_empty());
        let born = json!({ "birthDate": "1990-03-10", "unemployedSince": "2006-03-09" });
        assert_eq!(problems(p, born), one("unemployedSince", "contradictory"));
        assert_eq!(
            problems(p, json!({ "unemployedSince": "2026-12-01" })),
            one("unemployedSince", "implausible")
        );
        assert_eq!(
            problems(
                "startupSubsidy",
                json!({ "leftSchoolOn": "2027-06-30", "businessRegisteredOn": "2026-11-21" })
            ),
            one("leftSchoolOn", "implausible")
        );
    }

    #[test]
    fn counts_beyond_their_whole() {
        let e = "loanEnterprise";
        assert_eq!(
            problems(e, json!({ "staff": 3, "eligibleNewHires": 4 })),
            one("eligibleNewHires", "contradictory")
        );
        assert!(problems(e, json!({ "staff": 3, "eligibleNewHires": 3 })).is_empty());
        let p = "loanPartnership";
        assert_eq!(
            problems(p, json!({ "partners": 2, "eligiblePartners": 3 })),
            one("eligiblePartners", "contradictory")
        );
        assert_eq!(
            problems(p, json!({ "partners": 0 })),
            one("partners", "implausible")
        );
        assert!(problems(p, json!({ "partners": 1 })).is_empty());
        // The person is a partner: their own group bounds the count.
        let f = json!({ "partners": 3, "eligiblePartners": 3, "loanGroup": "none" });
        assert_eq!(problems(p, f), one("eligiblePartners", "contradictory"));
        let f = json!({ "partners": 3, "eligiblePartners": 2, "loanGroup": "none" });
        assert!(problems(p, f).is_empty());
        let f = json!({ "partners": 3, "eligiblePartners": 0, "loanGroup": "veteran" });
        assert_eq!(problems(p, f), one("eligiblePartners", "contradictory"));
        // Said before the partner count is asked: no question whose every
        // answer would then be refused.
        let f = json!({ "eligiblePartners": 0, "loanGroup": "veteran" });
        assert_eq!(problems(p, f), one("eligiblePartners", "contradictory"));
        // From age 16 on 2016-11-21 to 2026-11-21: 120 months at most.
        let r = "flexibleRetirement";
        let ok = json!({ "birthDate": "2000-11-21", "contributionMonths": 120 });
        assert!(problems(r, ok).is_empty());
        let too_many = json!({ "birthDate": "2000-11-21", "contributionMonths": 121 });
        assert_eq!(
            problems(r, too_many),
            one("contributionMonths", "contradictory")
        );
    }

    #[test]
    fn answers_against_answers() {
        let p = "difficultPerson";
        let f = json!({ "householdType": "urban", "ruralZeroTransfer": true });
        assert_eq!(problems(p, f), one("ruralZeroTransfer", "contradictory"));
        let f = json!({ "householdType": "rural", "ruralZeroTransfer": true });
        assert!(problems(p, f).is_empty());
        let f = json!({ "registeredUnemployed": false, "unemployedSince": "2025-01-01" });
        assert_eq!(problems(p, f), one("unemployedSince", "contradictory"));
        let f = "flexibleEmploymentSubsidy";
        let not_working = json!({ "employmentForm": "notWorking", "monthlyIncome": "2000" });
        assert_eq!(
            problems(f, not_working),
            one("monthlyIncome", "contradictory")
        );
        let not_working = json!({ "employmentForm": "notWorking", "monthlyIncome": "0" });
        assert!(problems(f, not_working).is_empty());
        // Contradictions without a date come from the parse itself.
        let defs = (programs()[0].facts)(
            &PackSet::embedded().unwrap().rules("000000").unwrap(),
            date("2026-11-21"),
        );
        let err = Facts::parse(
            &json!({ "householdType": "urban", "ruralZeroTransfer": true }),
            &defs,
        )
        .unwrap_err();
        assert_eq!(err[0].code, "contradictory");
    }

    #[test]
    fn suspicious_answers_warn() {
        let packs = PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let as_of = date("2026-11-21");
        let p = programs()
            .into_iter()
            .find(|p| p.id == "flexibleEmploymentSubsidy")
            .unwrap();
        let defs = (p.facts)(&rules, as_of);
        let warn = |income: &str| {
            let f = Facts::parse(&json!({ "monthlyIncome": income }), &defs).unwrap();
            check(&f, &defs, &rules, as_of).unwrap()
        };
        assert!(warn("1000000").is_empty());
        let w = warn("1000000.01");
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].fact, "monthlyIncome");
    }
}
