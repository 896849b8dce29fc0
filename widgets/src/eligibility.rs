//! `<zc-eligibility program="difficultPerson">`: a short wizard in the GOV.UK
//! question-page manner. One question at a time, only the questions still
//! needed (the verdict's next question), a provisional view of what is already
//! settled, then the result page: the outcome, each criterion with ✓/✗/? in
//! plain words, what to do next, and the materials to bring. Back keeps the
//! answers; answers and the wizard's place (its back link, question count) are
//! kept as the `save` attribute says ([`crate::common::saved`]), and "delete my
//! answers" clears them.
//!
//! Attributes: `program` (see `listPrograms`), `lang`, `large-text`, `today`
//! (the date the rules are applied for), `pack`, `region`, `save`,
//! `mode="staff"` (the window clerk's view: it opens a citizen's case code, from
//! a box or a `#zc-case=` address), `share-url` (the staff page a citizen's
//! QR code opens; default this page), `case` (a case code whose answers for
//! this program the citizen's wizard starts from, as the policy finder carries
//! them over; also read from a `#zc-answers=` address). Event: `zc-change`
//! with the `checkEligibility` determination after each answer.

use crate::common::*;
use crate::element::{Host, Widget};
use chrono::NaiveDate;
use yew::prelude::*;
use zhuchuang_core::eligibility;
use zhuchuang_core::facts::{FactDef, Question};
use zhuchuang_core::verdict::{Determination, Outcome, Status3};
use zhuchuang_core::{t, Lang};

#[derive(Properties, PartialEq, Clone)]
pub struct EligibilityProps {
    pub host: Host,
    pub lang: Lang,
    pub today: NaiveDate,
    pub pack: Option<String>,
    pub program: String,
    pub staff: bool,
    pub share_url: Option<String>,
    /// Answers carried over (a case code, e.g. from `<zc-finder>`).
    pub case: Option<String>,
}

impl Widget for EligibilityElement {
    const TAG: &'static str = "zc-eligibility";
    const ATTRIBUTES: &'static [&'static str] = &["program", "mode", "share-url", "case"];
    const BUNDLE: &'static str = "eligibility";
    const TITLE: (&'static str, &'static str) = ("我能申请吗？", "Do I qualify?");
    fn props(host: &Host) -> EligibilityProps {
        EligibilityProps {
            host: host.clone(),
            lang: host.lang(),
            today: crate::today_of(host),
            pack: host.attr("pack"),
            program: host
                .attr("program")
                .unwrap_or_else(|| "difficultPerson".into()),
            staff: host.attr("mode").as_deref() == Some("staff"),
            share_url: host.attr("share-url"),
            case: host.attr("case"),
        }
    }
}

type Answers = serde_json::Map<String, serde_json::Value>;

/// The first fact problem of `answers` as a whole (a contradiction between
/// answers, or one with the date), in `lang`.
fn contradiction(
    program: &str,
    answers: &Answers,
    region: &str,
    today: NaiveDate,
    lang: Lang,
) -> Option<String> {
    let facts = serde_json::Value::Object(answers.clone());
    let found = zhuchuang_web::rules::with_packs(|set| {
        let rules = set
            .rules(region)
            .map_err(zhuchuang_web::rules::rule_error)?;
        Ok(
            match eligibility::check(program, &facts, &rules, today, lang) {
                Err(eligibility::CheckError::Facts(problems)) => {
                    problems.first().map(|x| x.message.get(lang).to_string())
                }
                _ => None,
            },
        )
    });
    found.ok().flatten()
}

/// Wizard navigation: the question shown (None: decide from the verdict) and the
/// questions answered before it, for Back.
#[derive(Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct Nav {
    current: Option<String>,
    history: Vec<String>,
    /// Show the result page even while undetermined (all questions exhausted).
    review: bool,
}

#[function_component(EligibilityElement)]
pub fn eligibility_widget(p: &EligibilityProps) -> Html {
    // The clerk's view evaluates an opened case for the date it was evaluated
    // on the citizen's screen, so both show the same determination.
    let opened = use_state(|| None::<zhuchuang_core::share::Case>);
    let today = opened.as_ref().map(|c| c.as_of).unwrap_or(p.today);
    let p = &EligibilityProps { today, ..p.clone() };
    let lang = p.lang;
    let pack = use_pack(&p.host, p.pack.clone(), lang);
    let region = region_for(&p.host, &pack);
    // Saved per program and region (the region is known once the pack has loaded).
    let scope = format!("{}:{region}", p.program);
    let answers = use_saved(&p.host, scope.clone(), Answers::new);
    let nav = use_saved(&p.host, format!("{scope}:place"), Nav::default);
    let draft = use_state(|| None::<serde_json::Value>);
    let error = use_state(|| None::<String>);
    let title_ref = use_node_ref();
    let open_case = {
        let (opened, answers, nav, draft) =
            (opened.clone(), answers.clone(), nav.clone(), draft.clone());
        let program = p.program.clone();
        Callback::from(move |case: zhuchuang_core::share::Case| {
            if case.program != program {
                return;
            }
            answers.set(case.facts.clone());
            nav.set(Nav {
                review: true,
                ..Nav::default()
            });
            draft.set(None);
            opened.set(Some(case));
        })
    };
    {
        // A case code in the page address (`#zc-case=…`, from the QR code) opens
        // in the clerk's view when the widget appears.
        // Only once the pack has loaded: the region it sets scopes the answers.
        let open_case = open_case.clone();
        let settled = !matches!(pack, PackStatus::Loading);
        use_effect_with((p.staff && settled, region.clone()), move |(ready, _)| {
            if *ready {
                if let Some(case) =
                    case_in_address().and_then(|c| zhuchuang_core::share::decode_case(&c).ok())
                {
                    open_case.emit(case);
                }
            }
        });
    }

    {
        // Answers carried over from the policy finder (the `case` attribute,
        // or `#zc-answers=` in the address): the citizen's wizard starts from
        // them, on its result page, once the pack (and so the region) is known.
        let (answers, nav, draft) = (answers.clone(), nav.clone(), draft.clone());
        let program = p.program.clone();
        let settled = !matches!(pack, PackStatus::Loading);
        let code = p.case.clone().or_else(answers_in_address);
        use_effect_with(
            (!p.staff && settled, code, region.clone()),
            move |(ready, code, region)| {
                let case = code
                    .as_deref()
                    .and_then(|c| zhuchuang_core::share::decode_case(c).ok());
                if let (true, Some(case)) = (*ready, case) {
                    if case.program == program && case.region == *region {
                        answers.set(case.facts);
                        nav.set(Nav {
                            review: true,
                            ..Nav::default()
                        });
                        draft.set(None);
                    }
                }
            },
        );
    }

    // Evaluate with the answers so far.
    let evaluated: Result<(Determination, Vec<FactDef>, String, Option<String>), String> =
        zhuchuang_web::rules::with_packs(|set| {
            let rules = set
                .rules(&region)
                .map_err(zhuchuang_web::rules::rule_error)?;
            let program = eligibility::programs()
                .into_iter()
                .find(|x| x.id == p.program)
                .ok_or_else(|| {
                    zhuchuang_web::ApiError::from(eligibility::CheckError::UnknownProgram(
                        p.program.clone(),
                    ))
                })?;
            let defs = (program.facts)(&rules, p.today);
            let d = eligibility::check(
                &p.program,
                &serde_json::Value::Object((*answers).clone()),
                &rules,
                p.today,
                lang,
            )?;
            Ok((
                d,
                defs,
                program.title.get(lang).to_string(),
                program.application.map(str::to_string),
            ))
        })
        .map_err(|e| e.text.get(lang).to_string());
    let det = evaluated.as_ref().ok().map(|x| x.0.clone());
    {
        let host = p.host.clone();
        let det = det.clone();
        use_effect_with(
            det.as_ref().map(|d| d.determination_id.clone()),
            move |_| {
                if let Some(d) = det {
                    host.emit("zc-change", &zhuchuang_web::to_js(&d));
                }
            },
        );
    }

    let asking: Option<Question> = match (&evaluated, &nav.current) {
        (Ok((_, defs, _, _)), Some(f)) => defs.iter().find(|x| x.id == f).map(|x| x.question(lang)),
        (Ok((d, _, _, _)), None) if d.outcome == Outcome::Undetermined && !nav.review => {
            d.next_question.clone()
        }
        _ => None,
    };
    use_focus_on_question(
        &title_ref,
        asking.as_ref().map(|q| q.fact.clone()).unwrap_or_default(),
    );

    // Every hook has run; from here on the render may return early.
    if matches!(pack, PackStatus::Loading | PackStatus::Failed(_)) {
        return html! { <div class="zc-eligibility">{ pack_notice(&pack, lang) }</div> };
    }
    let (d, defs, title, application) = match evaluated {
        Ok(x) => x,
        Err(e) => {
            // Saved answers that no longer fit (e.g. the rules changed): offer to clear.
            let clear = {
                let (answers, nav) = (answers.clone(), nav.clone());
                Callback::from(move |_: MouseEvent| {
                    answers.set(Answers::new());
                    nav.set(Nav::default());
                })
            };
            return html! {
                <div>
                    <p class="zc-problem zc-error" role="alert">{ e }</p>
                    <button class="zc-button zc-secondary" type="button" onclick={clear}>{ t!("清除我的回答", "Clear my answers").get(lang) }</button>
                </div>
            };
        }
    };

    let clear = {
        let answers = answers.clone();
        let nav = nav.clone();
        let draft = draft.clone();
        Callback::from(move |_: ()| {
            answers.set(Answers::new());
            nav.set(Nav::default());
            draft.set(None);
        })
    };
    let onprint = {
        let host = p.host.clone();
        Callback::from(move |_: MouseEvent| print_only(&host))
    };
    let back = {
        let nav = nav.clone();
        let draft = draft.clone();
        let error = error.clone();
        let answers = answers.clone();
        Callback::from(move |_: MouseEvent| {
            let mut n = (*nav).clone();
            if let Some(prev) = n.history.pop() {
                draft.set(answers.get(&prev).cloned());
                n.current = Some(prev);
                n.review = false;
                error.set(None);
                nav.set(n);
            }
        })
    };

    let body = match asking {
        Some(q) => {
            let value = (*draft).clone().or_else(|| answers.get(&q.fact).cloned());
            let fact = q.fact.clone();
            let onchange = {
                let draft = draft.clone();
                Callback::from(move |v: Option<serde_json::Value>| draft.set(v))
            };
            let onsubmit = {
                let answers = answers.clone();
                let nav = nav.clone();
                let draft = draft.clone();
                let error = error.clone();
                let defs = defs.clone();
                let fact = fact.clone();
                let value = value.clone();
                let (program, region, today) = (p.program.clone(), region.clone(), p.today);
                let kind = q.kind.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let v = match read_answer(&fact, value.clone(), &kind, &defs, lang) {
                        Ok(v) => v,
                        Err(message) => {
                            error.set(message);
                            return;
                        }
                    };
                    let mut next = (*answers).clone();
                    next.insert(fact.clone(), v);
                    // An answer that contradicts earlier ones is shown here,
                    // at its question, not as a result (facts::plausibility).
                    if let Some(m) = contradiction(&program, &next, &region, today, lang) {
                        error.set(Some(m));
                        return;
                    }
                    answers.set(next);
                    let mut n = (*nav).clone();
                    n.history.push(fact.clone());
                    n.current = None;
                    nav.set(n);
                    draft.set(None);
                    error.set(None);
                })
            };
            let errors = (*error)
                .clone()
                .map(|m| {
                    vec![FieldError {
                        id: format!("zc-q-{}", q.fact),
                        message: m,
                    }]
                })
                .unwrap_or_default();
            let answered = d
                .criteria
                .iter()
                .filter(|c| matches!(c.status, Status3::Met | Status3::NotMet))
                .count();
            html! {
                <>
                    <p class="zc-progress">{ t!("{}：第{}个问题", "{}: question {}"; title, nav.history.len() + 1).get(lang) }</p>
                    <ErrorSummary host={p.host.clone()} {lang} errors={errors} />
                    <form novalidate=true {onsubmit}>
                        <div tabindex="-1" ref={title_ref.clone()} class="zc-question" id="zc-question-title">
                            <QuestionField question={q.clone()} {value} {onchange} {lang} error={(*error).clone()} as_heading=true />
                        </div>
                        <button class="zc-button" type="submit">{ t!("继续", "Continue").get(lang) }</button>
                    </form>
                    if answered > 0 {
                        <details class="zc-sources">
                            <summary>{ t!("目前的判断", "What is settled so far").get(lang) }</summary>
                            { criteria_list(&d, lang, true) }
                        </details>
                    }
                </>
            }
        }
        None => {
            let change = |fact: String| {
                let nav = nav.clone();
                let draft = draft.clone();
                let answers = answers.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut n = (*nav).clone();
                    n.current = Some(fact.clone());
                    n.review = false;
                    draft.set(answers.get(&fact).cloned());
                    nav.set(n);
                })
            };
            html! {
                <div ref={title_ref.clone()} tabindex="-1">
                    { result_page(&d, &title, lang) }
                    { materials_list(&p.program, application.as_deref(), &answers, &region, p.today, lang, d.outcome) }
                    <h3 class="zc-subheading">{ t!("您的回答", "Your answers").get(lang) }</h3>
                    <dl class="zc-answers">
                        { for defs.iter().filter(|f| answers.contains_key(f.id)).map(|f| {
                            let q = f.question(lang);
                            html! {
                                <div class="zc-answer-row">
                                    <dt>{ q.question.clone() }</dt>
                                    <dd>{ answer_text(&q, answers.get(f.id), lang) }</dd>
                                    <dd><button type="button" class="zc-link" onclick={change(f.id.to_string())}>
                                        { t!("修改", "Change").get(lang) }<span class="zc-sr-only">{ format!(" {}", q.question) }</span>
                                    </button></dd>
                                </div>
                            }
                        }) }
                    </dl>
                    <p class="zc-note" data-determination={d.determination_id.clone()}>{ t!("判定编号 {}（工作人员可据此复现结果）", "Determination {} (staff can reproduce this result with it)"; d.determination_id).get(lang) }</p>
                    if !p.staff && !answers.is_empty() {
                        <ShareCase {lang} determination_id={d.determination_id.clone()} share_url={p.share_url.clone()}
                            case={zhuchuang_core::share::Case { program: p.program.clone(), region: region.clone(), as_of: p.today, facts: (*answers).clone() }} />
                    }
                    { pack_stamp(&d.sourced.pack, lang) }
                    { print_record(&d.sourced, d.as_of, Some(&d.determination_id), lang) }
                    <div class="zc-actions zc-no-print">
                        <button class="zc-button zc-secondary" type="button" onclick={onprint.clone()}>{ t!("打印结果", "Print the result").get(lang) }</button>
                    </div>
                </div>
            }
        }
    };

    html! {
        <div class="zc-eligibility" lang={lang.tag()}>
            { pack_notice(&pack, lang) }
            if p.staff {
                if let Some(c) = &*opened {
                    <p class="zc-opened" role="status">{ t!("已打开申请人的案例码：按申请人测算的日期 {} 判断。", "The applicant's case code is open: judged for the date they checked, {}."; c.as_of).get(lang) }</p>
                }
                <OpenCase {lang} onopen={open_case.clone()} />
            }
            <div class="zc-nav zc-no-print">
                if !nav.history.is_empty() {
                    <button type="button" class="zc-link zc-back" onclick={back}>{ t!("‹ 返回上一题", "‹ Back").get(lang) }</button>
                }
            </div>
            { body }
            <div class="zc-actions zc-no-print">
                <SavedAnswers host={p.host.clone()} {lang} ondelete={clear} />
            </div>
        </div>
    }
}

pub(crate) fn answer_text(q: &Question, v: Option<&serde_json::Value>, lang: Lang) -> String {
    use zhuchuang_core::facts::FactKind;
    let Some(v) = v else { return String::new() };
    match (&q.kind, v) {
        (FactKind::YesNo, serde_json::Value::Bool(b)) => yes_no(*b).get(lang).to_string(),
        (FactKind::Choice { options }, serde_json::Value::String(s)) => options
            .iter()
            .find(|o| &o.value == s)
            .map(|o| o.label.clone())
            .unwrap_or_else(|| s.clone()),
        (FactKind::MultiChoice { options }, serde_json::Value::Array(a)) => {
            let labels: Vec<String> = a
                .iter()
                .filter_map(|x| x.as_str())
                .map(|s| {
                    options
                        .iter()
                        .find(|o| o.value == s)
                        .map(|o| o.label.clone())
                        .unwrap_or_else(|| s.to_string())
                })
                .collect();
            if labels.is_empty() {
                t!("都不是", "None").get(lang).to_string()
            } else {
                labels.join(t!("；", "; ").get(lang))
            }
        }
        (FactKind::Household, serde_json::Value::Array(a)) => {
            t!("{}位家庭成员", "{} family member(s)"; a.len())
                .get(lang)
                .to_string()
        }
        (_, serde_json::Value::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}

fn mark(s: Status3, lang: Lang) -> Html {
    let (class, sym, sr) = match s {
        Status3::Met => (
            "zc-mark zc-met",
            "✓",
            t!("符合", "met").get(lang).to_string(),
        ),
        Status3::NotMet => (
            "zc-mark zc-notmet",
            "✗",
            t!("不符合", "not met").get(lang).to_string(),
        ),
        Status3::Unknown => (
            "zc-mark zc-unknown",
            "?",
            t!("待确认", "not known yet").get(lang).to_string(),
        ),
        Status3::NotNeeded => (
            "zc-mark",
            "–",
            t!("无需判断", "not needed").get(lang).to_string(),
        ),
    };
    html! { <><span class={class} aria-hidden="true">{ sym }</span><span class="zc-sr-only">{ format!("{sr}：") }</span></> }
}

fn criteria_list(d: &Determination, lang: Lang, settled_only: bool) -> Html {
    criteria_items(&d.criteria, lang, settled_only)
}

/// The criteria with ✓/✗/? in plain words (only the settled ones with
/// `settled_only`); the policy finder shows a ruled-out program's this way.
pub(crate) fn criteria_items(
    criteria: &[zhuchuang_core::verdict::Criterion],
    lang: Lang,
    settled_only: bool,
) -> Html {
    html! {
        <ul class="zc-criteria">
            { for criteria.iter().filter(|c| !settled_only || matches!(c.status, Status3::Met | Status3::NotMet)).map(|c| html! {
                <li data-criterion={c.id.clone()} data-status={format!("{:?}", c.status).to_lowercase()}>
                    { mark(c.status, lang) }<strong>{ c.label.clone() }</strong>
                    <div class="zc-item-body">
                        <span>{ c.reason.clone() }</span>
                        { for c.warnings.iter().map(|w| html! { <span class="zc-problem zc-warning">{ w.clone() }</span> }) }
                        if let (Some(a), Some(t)) = (&c.actual, &c.threshold) {
                            <span class="zc-hint">{ t!("您的情况：{}；标准：{}", "Yours: {}; required: {}"; a, t).get(lang) }</span>
                        }
                        if let Some(cit) = &c.citation {
                            <span class="zc-cite">{ format!("{}{}", cit.document, cit.article.as_ref().map(|a| format!(" {a}")).unwrap_or_default()) }</span>
                        }
                    </div>
                </li>
            }) }
        </ul>
    }
}

fn result_page(d: &Determination, title: &str, lang: Lang) -> Html {
    let (class, heading) = match d.outcome {
        Outcome::Eligible => (
            "zc-eligible",
            t!("您符合条件", "You qualify").get(lang).to_string(),
        ),
        Outcome::Ineligible => (
            "zc-ineligible",
            t!("您目前不符合条件", "You do not qualify at present")
                .get(lang)
                .to_string(),
        ),
        Outcome::Undetermined => (
            "zc-undetermined",
            t!("需要经办机构核实", "The office needs to check")
                .get(lang)
                .to_string(),
        ),
    };
    let next = match d.outcome {
        Outcome::Eligible => t!("请带齐下面的材料到当地基层平台或经办窗口申请；最终以经办机构审核为准。", "Bring the materials below to your local service point; the office makes the final decision.").get(lang).to_string(),
        Outcome::Ineligible => t!("下面列出了不符合的原因。情况变化后可以再测；也可以咨询当地经办机构是否有其他政策。", "The reasons are listed below. Check again if things change, or ask the local office about other schemes.").get(lang).to_string(),
        Outcome::Undetermined => t!("部分条件需要经办机构根据您的具体情况核实，请带上材料咨询。", "Some conditions need the office to look at your case: bring the materials and ask.").get(lang).to_string(),
    };
    html! {
        <>
            <section class={classes!("zc-outcome", class)} aria-labelledby="zc-outcome-title">
                <p class="zc-progress">{ title.to_string() }</p>
                <h2 id="zc-outcome-title">{ heading }</h2>
                <p>{ d.summary.clone() }</p>
            </section>
            <h3 class="zc-subheading">{ t!("逐项说明", "Each condition").get(lang) }</h3>
            { criteria_list(d, lang, false) }
            { caveats(&d.sourced.caveats, lang) }
            <h3 class="zc-subheading">{ t!("下一步", "What to do next").get(lang) }</h3>
            <p>{ next }</p>
        </>
    }
}

fn materials_list(
    program: &str,
    application: Option<&str>,
    answers: &Answers,
    region: &str,
    today: NaiveDate,
    lang: Lang,
    outcome: Outcome,
) -> Html {
    let Some(app) = application else {
        return html! {};
    };
    if outcome == Outcome::Ineligible {
        return html! {};
    }
    let facts = eligibility::materials_facts(program, &serde_json::Value::Object(answers.clone()));
    let report = zhuchuang_web::rules::with_packs(|set| {
        let rules = set
            .rules(region)
            .map_err(zhuchuang_web::rules::rule_error)?;
        zhuchuang_core::materials::check_materials(app, &facts, None, &rules, today, lang)
            .map_err(zhuchuang_web::ApiError::from)
    });
    let Ok(r) = report else { return html! {} };
    html! {
        <>
            <h3 class="zc-subheading">{ t!("需要带的材料", "Materials to bring").get(lang) }</h3>
            <ol class="zc-checklist zc-compact">
                { for r.checklist.iter().filter(|i| i.status != zhuchuang_core::materials::ItemStatus::Waived).map(|i| html! {
                    <li data-material={i.material.clone()}>
                        <strong>{ i.name.clone() }</strong>{ format!("（{}）", i.how) }
                        if let Some(c) = &i.condition { <span class="zc-tagline">{ format!(" {}{}", t!("适用于：", "only ").get(lang).to_string(), c) }</span> }
                    </li>
                }) }
            </ol>
        </>
    }
}
