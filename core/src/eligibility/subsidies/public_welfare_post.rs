//! 公益性岗位安置 (`publicWelfarePost`), the person: a recognised
//! difficult-to-employ person of working age, able to work, within the local
//! limit of placements. Seed guide 第二节 二、2(1).

use super::recognised;
use crate::eligibility::common::*;
use crate::facts::{FactDef, FactKind, Facts};
use crate::pack::{RuleError, Rules};
use crate::text::Lang;
use crate::verdict::{Determination, Verdict};
use chrono::NaiveDate;

pub const ID: &str = "publicWelfarePost";

const CRITERIA: &[Row] = &[
    Row::Yes(YesNo {
        id: "recognisedDifficult",
        fact: "recognisedDifficult",
        want: true,
        label: (
            "已认定的就业困难人员",
            "Recognised difficult-to-employ person",
        ),
        met: (
            "已被认定为就业困难人员。",
            "You are recognised as a difficult-to-employ person.",
        ),
        not_met: (
            "公益性岗位安置的对象是已认定的就业困难人员。",
            "Public-welfare posts are for recognised difficult-to-employ people.",
        ),
        clause: "guide.assistance.post.object",
    }),
    Row::WorkingAge,
    Row::Yes(YesNo {
        id: "ableToWork",
        fact: "ableToWork",
        want: true,
        label: ("有劳动能力", "Able to work"),
        met: ("有劳动能力。", "You are able to work."),
        not_met: (
            "须有劳动能力。",
            "A public-welfare post needs a person who is able to work.",
        ),
        clause: "guide.assistance.post.object",
    }),
    // A local limit: left out where the packs set none.
    Row::Times(Times {
        id: "placementsLeft",
        fact: "placementsSoFar",
        key: "publicWelfarePost.maxPlacements",
        label: ("安置次数未超过规定", "Placements within the local limit"),
        optional: true,
    }),
];

pub fn facts(rules: &Rules<'_>, date: NaiveDate) -> Vec<FactDef> {
    vec![
        recognised(),
        birth_date(),
        sex(),
        woman_track(rules, date),
        yes_no("ableToWork", "您是否有劳动能力？", "Are you able to work?"),
        FactDef::new(
            "placementsSoFar",
            FactKind::Number,
            t!(
                "您此前在公益性岗位上被安置过几次？",
                "How many times have you been placed in a public-welfare post before?",
            ),
        )
        .hint(t!("没有填 0。", "Enter 0 if never.")),
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
    v.note(t!(
        "公益性岗位优先安置大龄失业人员和零就业家庭成员。",
        "Older unemployed people and members of zero-employment families come first.",
    ));
    Ok(v.finish(facts, &self::facts(rules, as_of), |o| {
        summary(
            o,
            (
                "您可以申请公益性岗位安置，请联系社区基层平台。",
                "You can ask for a public-welfare post: contact your local service point.",
            ),
            (
                "您目前不符合公益性岗位安置的条件，原因见下。",
                "You do not meet the conditions at present; see why below.",
            ),
        )
    }))
}
