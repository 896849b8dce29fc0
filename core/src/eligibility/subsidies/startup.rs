//! 一次性创业补贴 (`startupSubsidy`): a recognised difficult-to-employ person
//! (就业援助对象: the employment-assistance guide, 第一节 六、7) or a recent
//! graduate, starting a first business, operating normally for the months the
//! packs require, not received before. The amount is local.

use super::{amount_note, basis_cited, graduate, left_school, recognised};
use crate::eligibility::common::*;
use crate::facts::{FactDef, FactKind, Facts};
use crate::pack::{RuleError, Rules};
use crate::text::Lang;
use crate::verdict::{Check, Determination, Verdict};
use chrono::NaiveDate;

pub const ID: &str = "startupSubsidy";

/// The clause of the one-time start-up subsidy.
const CLAUSE: &str = "startup.oneTimeSubsidy";
/// The employment-assistance clause (就业援助对象 who start a business).
const ASSISTANCE: &str = "guide.assistance.startup";

const CRITERIA: &[Row] = &[
    Row::Own(the_basis),
    Row::Yes(YesNo {
        id: "firstBusiness",
        fact: "firstBusiness",
        want: true,
        label: ("首次创业", "First business"),
        met: ("首次创办。", "This is the first business you have started."),
        not_met: (
            "一次性创业补贴只给首次创业的人员。",
            "Only a first business qualifies for the subsidy.",
        ),
        clause: CLAUSE,
    }),
    Row::Own(operating_long_enough),
    Row::Yes(YesNo {
        id: "operatingNormally",
        fact: "operatingNormally",
        want: true,
        label: ("正常经营", "Operating normally"),
        met: ("正常经营。", "The business is operating normally."),
        not_met: ("须正常经营。", "The business must be operating normally."),
        clause: CLAUSE,
    }),
    Row::Times(Times {
        id: "notReceivedBefore",
        fact: "timesReceived",
        key: "startup.oneTimeSubsidy.maxTimes",
        label: ("未领取过一次性创业补贴", "Not received before"),
        optional: false,
    }),
];

fn the_basis(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    basis_cited(
        v,
        facts,
        "startup.oneTimeSubsidy.graduateMonthsSinceLeaving",
        ASSISTANCE,
    )
}

fn operating_long_enough(v: &mut Verdict<'_>, facts: &Facts) -> Result<(), RuleError> {
    let as_of = v.as_of();
    let need = v.int("startup.oneTimeSubsidy.minOperatingMonths")?;
    let months = need.value;
    let check = Check::new(
        "operatingLongEnough",
        t!("正常经营满{}", "In operation for {}"; need.shown),
    )
    .figure(&need);
    v.add(match facts.date("businessRegisteredOn") {
        Some(d) => {
            let (m, _) = within_months(d, as_of, months);
            check
                .compared(t!("{}个月", "{} months"; m), t!("≥ {}", "≥ {}"; need.shown))
                .decide(
                    m >= months,
                    t!(
                        "{} 注册，到 {} 已满{}个月。",
                        "Registered on {}: by {} it has operated for {}.";
                        d, as_of, crate::text::counted(m, "month", "months")
                    ),
                    t!(
                        "{} 注册，到 {} 只有{}个月，满{}后可申请。",
                        "Registered on {}: by {} it has operated for only {}; you can apply after {}.";
                        d, as_of, crate::text::counted(m, "month", "months"), need.shown
                    ),
                )
        }
        None => check.unknown(
            t!("需要注册日期。", "The registration date is needed."),
            &["businessRegisteredOn"],
        ),
    });
    Ok(())
}

pub fn facts(_: &Rules<'_>, _: NaiveDate) -> Vec<FactDef> {
    vec![
        recognised(),
        graduate(),
        left_school(),
        yes_no(
            "firstBusiness",
            "这是您首次创办小微企业或从事个体经营吗？",
            "Is this the first business you have started?",
        ),
        FactDef::new(
            "businessRegisteredOn",
            FactKind::Date,
            t!(
                "营业执照上的成立（注册）日期是？",
                "What is the registration date on the business licence?",
            ),
        )
        .hint(t!("例如 2025-03-01", "For example, 2025-03-01")),
        yes_no(
            "operatingNormally",
            "企业或个体工商户目前是否正常经营？",
            "Is the business operating normally now?",
        ),
        times(
            "timesReceived",
            "您已领取过几次一次性创业补贴？",
            "How many times have you received the one-time start-up subsidy?",
        ),
    ]
}

pub fn evaluate(
    facts: &Facts,
    rules: &Rules<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<Determination, RuleError> {
    let mut v = Verdict::new(ID, rules, as_of, lang);
    run(&mut v, facts, CRITERIA)?;
    amount_note(&mut v, "startup.oneTimeSubsidy.amount")?;
    Ok(v.finish(facts, &self::facts(rules, as_of), |o| {
        summary(
            o,
            (
                "您符合一次性创业补贴的条件。",
                "You meet the conditions for the one-time start-up subsidy.",
            ),
            (
                "您目前不符合一次性创业补贴的条件，原因见下。",
                "You do not meet the conditions at present; see why below.",
            ),
        )
    }))
}
