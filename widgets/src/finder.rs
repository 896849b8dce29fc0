//! `<zc-finder>`: the policy finder (政策找人), one questionnaire for every
//! program. One question at a time, as the eligibility wizard (GOV.UK
//! question pages): the finder's combined next question ([`find_programs`]),
//! a Back link, the question count, and a running panel "you may qualify for
//! N programs, M are ruled out, K still open" updated with each answer. Then
//! the result page, grouped: likely (what each gives, how to apply), still
//! open (with the one question that would settle each), not eligible (one
//! line why, the conditions in an expandable `<details>`), the merged
//! materials list, the answers with Change links, print and share.
//!
//! Each program opens in its own wizard with the same answers ("check this
//! program in detail"): below it, a `<zc-eligibility>` whose `case` attribute
//! carries the program's answers as a case code (this bundle defines
//! `<zc-eligibility>` too); or, with `program-url`, a link to that page with
//! `#zc-answers=<case code>`, which a citizen's `<zc-eligibility>` there reads.
//!
//! Attributes: `programs` (program ids separated by spaces or commas; default
//! every program), `program-url` (a page with the programs' widgets; `{program}`
//! is replaced by the id), `lang`, `large-text`, `today`, `pack`, `region`,
//! `save`. Event: `zc-change` with the `findPrograms` finding after each answer.

use crate::common::*;
use crate::element::{Host, Widget};
use crate::eligibility::{answer_text, criteria_items};
use chrono::NaiveDate;
use yew::prelude::*;
use zhuchuang_core::facts::{FactDef, Question};
use zhuchuang_core::finder::{self, Finding, ProgramFinding, Standing};
use zhuchuang_core::{t, Lang};

#[derive(Properties, PartialEq, Clone)]
pub struct FinderProps {
    pub host: Host,
    pub lang: Lang,
    pub today: NaiveDate,
    pub pack: Option<String>,
    pub programs: Option<Vec<String>>,
    pub program_url: Option<String>,
}

impl Widget for FinderElement {
    const TAG: &'static str = "zc-finder";
    const ATTRIBUTES: &'static [&'static str] = &["programs", "program-url"];
    const BUNDLE: &'static str = "finder";
    const TITLE: (&'static str, &'static str) = (
        "政策找人：我能享受哪些政策？",
        "Policy finder: which programs are for me?",
    );
    fn props(host: &Host) -> FinderProps {
        FinderProps {
            host: host.clone(),
            lang: host.lang(),
            today: crate::today_of(host),
            pack: host.attr("pack"),
            programs: host.attr("programs").map(|s| {
                s.split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|x| !x.is_empty())
                    .map(str::to_string)
                    .collect()
            }),
            program_url: host.attr("program-url"),
        }
    }
}

type Answers = serde_json::Map<String, serde_json::Value>;

/// Navigation: the question shown (None: the finder's next question), the
/// questions answered before it (for Back), and the result page on request.
#[derive(Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct Nav {
    current: Option<String>,
    history: Vec<String>,
    review: bool,
}

fn find(
    answers: &Answers,
    region: &str,
    today: NaiveDate,
    lang: Lang,
    programs: Option<&[String]>,
) -> Result<(Finding, Vec<FactDef>), String> {
    zhuchuang_web::rules::with_packs(|set| {
        let rules = set
            .rules(region)
            .map_err(zhuchuang_web::rules::rule_error)?;
        let f = finder::find_programs(
            &serde_json::Value::Object(answers.clone()),
            &rules,
            today,
            lang,
            programs,
        )
        .map_err(zhuchuang_web::ApiError::from)?;
        Ok((f, finder::vocabulary(&rules, today)))
    })
    .map_err(|e| e.text.get(lang).to_string())
}

/// A problem the new answer brings to a program that had none (the answer
/// contradicts an earlier one): shown at the question, not as a result.
fn new_problem(before: &Finding, after: &Finding) -> Option<String> {
    after
        .programs
        .iter()
        .filter(|p| p.standing == Standing::Problem)
        .find(|p| {
            before
                .programs
                .iter()
                .any(|b| b.program == p.program && b.standing != Standing::Problem)
        })
        .and_then(|p| p.problems.first().map(|x| x.message.clone()))
}

#[function_component(FinderElement)]
pub fn finder_widget(p: &FinderProps) -> Html {
    let lang = p.lang;
    let pack = use_pack(&p.host, p.pack.clone(), lang);
    let region = region_for(&p.host, &pack);
    let subset = p.programs.as_ref().map(|v| v.join(",")).unwrap_or_default();
    let scope = format!("finder:{subset}:{region}");
    let answers = use_saved(&p.host, scope.clone(), Answers::new);
    let nav = use_saved(&p.host, format!("{scope}:place"), Nav::default);
    let draft = use_state(|| None::<serde_json::Value>);
    let error = use_state(|| None::<String>);
    let detail = use_state(|| None::<String>);
    let title_ref = use_node_ref();

    let evaluated = find(&answers, &region, p.today, lang, p.programs.as_deref());
    {
        let host = p.host.clone();
        let f = evaluated.as_ref().ok().map(|x| x.0.clone());
        use_effect_with((*answers).clone(), move |_| {
            if let Some(f) = f {
                host.emit("zc-change", &zhuchuang_web::to_js(&f));
            }
        });
    }
    let asking: Option<Question> = match (&evaluated, &nav.current) {
        (Ok((_, vocab)), Some(id)) => vocab.iter().find(|v| v.id == id).map(|v| v.question(lang)),
        (Ok((f, _)), None) if f.counts.open > 0 && !nav.review => f.next_question.clone(),
        _ => None,
    };
    use_focus_on_question(
        &title_ref,
        asking.as_ref().map(|q| q.fact.clone()).unwrap_or_default(),
    );

    // Every hook has run.
    if matches!(pack, PackStatus::Loading | PackStatus::Failed(_)) {
        return html! { <div class="zc-finder">{ pack_notice(&pack, lang) }</div> };
    }
    let (f, vocab) = match evaluated {
        Ok(x) => x,
        Err(e) => {
            let clear = {
                let (answers, nav) = (answers.clone(), nav.clone());
                Callback::from(move |_: MouseEvent| {
                    answers.set(Answers::new());
                    nav.set(Nav::default());
                })
            };
            return html! {
                <div class="zc-finder">
                    <p class="zc-problem zc-error" role="alert">{ e }</p>
                    <button class="zc-button zc-secondary" type="button" onclick={clear}>{ t!("清除我的回答", "Clear my answers").get(lang) }</button>
                </div>
            };
        }
    };

    let clear = {
        let (answers, nav, draft, detail) =
            (answers.clone(), nav.clone(), draft.clone(), detail.clone());
        Callback::from(move |_: ()| {
            answers.set(Answers::new());
            nav.set(Nav::default());
            draft.set(None);
            detail.set(None);
        })
    };
    let back = {
        let (nav, draft, error, answers) =
            (nav.clone(), draft.clone(), error.clone(), answers.clone());
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
    // Go to a question (a Change link, or an open program's settling question).
    let goto = |fact: String| {
        let (nav, draft, answers, error) =
            (nav.clone(), draft.clone(), answers.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let mut n = (*nav).clone();
            n.current = Some(fact.clone());
            n.review = false;
            draft.set(answers.get(&fact).cloned());
            error.set(None);
            nav.set(n);
        })
    };

    let panel = html! {
        <div class="zc-panel" role="status" aria-live="polite" data-likely={f.counts.likely.to_string()} data-open={f.counts.open.to_string()} data-ruled-out={f.counts.ruled_out.to_string()}>
            <p>{ f.summary.clone() }</p>
        </div>
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
                let (answers, nav, draft, error) =
                    (answers.clone(), nav.clone(), draft.clone(), error.clone());
                let (vocab, fact, value) = (vocab.clone(), fact.clone(), value.clone());
                let (region, today, programs) = (region.clone(), p.today, p.programs.clone());
                let before = f.clone();
                let kind = q.kind.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let v = match read_answer(&fact, value.clone(), &kind, &vocab, lang) {
                        Ok(v) => v,
                        Err(message) => {
                            error.set(message);
                            return;
                        }
                    };
                    let mut next = (*answers).clone();
                    next.insert(fact.clone(), v);
                    if let Ok((after, _)) = find(&next, &region, today, lang, programs.as_deref()) {
                        if let Some(m) = new_problem(&before, &after) {
                            error.set(Some(m));
                            return;
                        }
                    }
                    answers.set(next);
                    let mut n = (*nav).clone();
                    if !n.history.contains(&fact) {
                        n.history.push(fact.clone());
                    }
                    n.current = None;
                    nav.set(n);
                    draft.set(None);
                    error.set(None);
                })
            };
            let to_results = {
                let nav = nav.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut n = (*nav).clone();
                    n.current = None;
                    n.review = true;
                    nav.set(n);
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
            html! {
                <>
                    <p class="zc-progress">{ t!("政策找人：第{}个问题", "Policy finder: question {}"; nav.history.len() + 1).get(lang) }</p>
                    <ErrorSummary host={p.host.clone()} {lang} errors={errors} />
                    <form novalidate=true {onsubmit}>
                        <div tabindex="-1" ref={title_ref.clone()} class="zc-question" id="zc-question-title">
                            <QuestionField question={q.clone()} {value} {onchange} {lang} error={(*error).clone()} as_heading=true />
                        </div>
                        <button class="zc-button" type="submit">{ t!("继续", "Continue").get(lang) }</button>
                    </form>
                    if !answers.is_empty() {
                        <p><button type="button" class="zc-link zc-to-results" onclick={to_results}>{ t!("查看目前的结果", "See the results so far").get(lang) }</button></p>
                    }
                </>
            }
        }
        None => {
            let group = |standing: Standing| -> Vec<&ProgramFinding> {
                f.programs
                    .iter()
                    .filter(|x| x.standing == standing)
                    .collect()
            };
            let detail_for = |x: &ProgramFinding| -> Html {
                let code = zhuchuang_core::share::encode_case(&zhuchuang_core::share::Case {
                    program: x.program.clone(),
                    region: region.clone(),
                    as_of: p.today,
                    facts: x.answers.as_object().cloned().unwrap_or_default(),
                });
                let shown = detail.as_deref() == Some(x.program.as_str());
                let toggle = {
                    let (detail, id) = (detail.clone(), x.program.clone());
                    Callback::from(move |_: MouseEvent| {
                        detail.set(if shown { None } else { Some(id.clone()) })
                    })
                };
                let link = p.program_url.as_ref().map(|u| {
                    let base = u.replace("{program}", &x.program);
                    let base = base.split('#').next().unwrap_or(&base).to_string();
                    format!("{base}#zc-answers={code}")
                });
                html! {
                    <div class="zc-actions zc-no-print">
                        <button type="button" class="zc-link zc-detail" aria-expanded={if shown { "true" } else { "false" }} onclick={toggle}>
                            { t!("在这项政策的自测中查看详情", "Check this program in detail").get(lang) }<span class="zc-sr-only">{ format!(" {}", x.title) }</span>
                        </button>
                        if let Some(href) = link {
                            <a class="zc-link" href={href}>{ t!("在新页面打开", "Open on its own page").get(lang) }<span class="zc-sr-only">{ format!(" {}", x.title) }</span></a>
                        }
                        if shown {
                            <zc-eligibility program={x.program.clone()} case={code} lang={lang.tag()} today={p.today.to_string()}
                                pack={p.pack.clone()} region={p.host.attr("region")} save="none"></zc-eligibility>
                        }
                    </div>
                }
            };
            let gives_of = |x: &ProgramFinding| -> Html {
                html! {
                    <>
                        if let Some(g) = &x.gives {
                            <p class="zc-gives" data-gives={format!("{:?}", g.kind)}><strong>{ t!("可以得到：", "What it gives: ").get(lang) }</strong>{ g.summary.clone() }</p>
                            if !g.details.is_empty() {
                                <ul class="zc-compact">{ for g.details.iter().map(|d| html! { <li>{ d.clone() }</li> }) }</ul>
                            }
                        }
                        if let Some(s) = &x.next_steps {
                            <details class="zc-sources">
                                <summary>{ t!("怎样申请", "How to apply").get(lang) }</summary>
                                <ol class="zc-steps">{ for s.steps.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ol>
                                { for s.time_limits.iter().map(|l| html! { <p class="zc-hint">{ l.clone() }</p> }) }
                                if let Some(c) = &s.citation {
                                    <p class="zc-cite">{ format!("{}{}", c.document, c.article.as_ref().map(|a| format!(" {a}")).unwrap_or_default()) }</p>
                                }
                            </details>
                        }
                    </>
                }
            };
            let likely = group(Standing::Likely);
            let open = group(Standing::Open);
            let ruled_out = group(Standing::RuledOut);
            let problems = group(Standing::Problem);
            html! {
                <div ref={title_ref.clone()} tabindex="-1">
                    <h2 class="zc-title">{ t!("哪些政策适合您", "Programs that may suit you").get(lang) }</h2>
                    if !likely.is_empty() {
                        <section class="zc-group zc-likely" aria-labelledby="zc-g-likely">
                            <h3 id="zc-g-likely" class="zc-subheading">{ t!("可能符合（{}项）", "Likely eligible ({})"; likely.len()).get(lang) }</h3>
                            <ul class="zc-programs">
                                { for likely.iter().map(|x| html! {
                                    <li data-program={x.program.clone()} data-standing="likely">
                                        <h4>{ x.title.clone() }</h4>
                                        <p>{ x.summary.clone() }</p>
                                        { gives_of(x) }
                                        { detail_for(x) }
                                    </li>
                                }) }
                            </ul>
                        </section>
                    }
                    if !open.is_empty() {
                        <section class="zc-group zc-open" aria-labelledby="zc-g-open">
                            <h3 id="zc-g-open" class="zc-subheading">{ t!("还需要回答问题（{}项）", "Still open ({})"; open.len()).get(lang) }</h3>
                            <ul class="zc-programs">
                                { for open.iter().map(|x| html! {
                                    <li data-program={x.program.clone()} data-standing="open">
                                        <h4>{ x.title.clone() }</h4>
                                        if let Some(q) = &x.settling_question {
                                            <p>{ t!("还需要知道：", "Still to answer: ").get(lang) }
                                                <button type="button" class="zc-link zc-settle" onclick={goto(q.fact.clone())}>{ q.question.clone() }</button>
                                            </p>
                                        }
                                        { gives_of(x) }
                                        { detail_for(x) }
                                    </li>
                                }) }
                            </ul>
                        </section>
                    }
                    if !ruled_out.is_empty() {
                        <section class="zc-group zc-ruled-out" aria-labelledby="zc-g-out">
                            <h3 id="zc-g-out" class="zc-subheading">{ t!("目前不符合（{}项）", "Not eligible at present ({})"; ruled_out.len()).get(lang) }</h3>
                            <ul class="zc-programs">
                                { for ruled_out.iter().map(|x| html! {
                                    <li data-program={x.program.clone()} data-standing="ruledOut">
                                        <h4>{ x.title.clone() }</h4>
                                        <p class="zc-why-not">{ x.why_not.clone().unwrap_or_else(|| x.summary.clone()) }</p>
                                        if let Some(d) = &x.determination {
                                            <details class="zc-sources">
                                                <summary>{ t!("逐项说明", "Each condition").get(lang) }<span class="zc-sr-only">{ format!(" {}", x.title) }</span></summary>
                                                { criteria_items(&d.criteria, lang, true) }
                                            </details>
                                        }
                                    </li>
                                }) }
                            </ul>
                        </section>
                    }
                    if !problems.is_empty() {
                        <section class="zc-group zc-problems" aria-labelledby="zc-g-problems">
                            <h3 id="zc-g-problems" class="zc-subheading">{ t!("有答案需要修改", "An answer needs changing").get(lang) }</h3>
                            <ul class="zc-programs">
                                { for problems.iter().map(|x| html! {
                                    <li data-program={x.program.clone()} data-standing="problem">
                                        <h4>{ x.title.clone() }</h4>
                                        { for x.problems.iter().map(|pr| html! {
                                            <p class="zc-problem zc-error">{ pr.message.clone() }
                                                if !pr.fact.is_empty() {
                                                    { " " }<button type="button" class="zc-link" onclick={goto(pr.fact.clone())}>{ t!("修改", "Change").get(lang) }</button>
                                                }
                                            </p>
                                        }) }
                                    </li>
                                }) }
                            </ul>
                        </section>
                    }
                    if !f.materials.is_empty() {
                        <h3 class="zc-subheading">{ t!("需要带的材料（一次性告知）", "Materials to bring").get(lang) }</h3>
                        <ol class="zc-checklist zc-compact zc-merged">
                            { for f.materials.iter().map(|m| html! {
                                <li data-material={m.material.clone()} data-applications={m.applications.len().to_string()}>
                                    <strong>{ m.name.clone() }</strong>{ format!("（{}）", m.how) }
                                    if let Some(c) = &m.condition { <span class="zc-tagline">{ format!(" {}{}", t!("适用于：", "only ").get(lang), c) }</span> }
                                    <span class="zc-hint">{ t!("用于：{}", "For: {}"; m.applications.join(t!("、", ", ").get(lang))).get(lang) }</span>
                                </li>
                            }) }
                        </ol>
                    }
                    { caveats(&f.sourced.caveats, lang) }
                    <h3 class="zc-subheading">{ t!("您的回答", "Your answers").get(lang) }</h3>
                    <dl class="zc-answers">
                        { for vocab.iter().filter(|v| answers.contains_key(v.id)).map(|v| {
                            let q = v.question(lang);
                            html! {
                                <div class="zc-answer-row">
                                    <dt>{ q.question.clone() }</dt>
                                    <dd>{ answer_text(&q, answers.get(v.id), lang) }</dd>
                                    <dd><button type="button" class="zc-link" onclick={goto(v.id.to_string())}>
                                        { t!("修改", "Change").get(lang) }<span class="zc-sr-only">{ format!(" {}", q.question) }</span>
                                    </button></dd>
                                </div>
                            }
                        }) }
                    </dl>
                    { pack_stamp(&f.sourced.pack, lang) }
                    { print_record(&f.sourced, f.as_of, None, lang) }
                    <div class="zc-actions zc-no-print">
                        <button class="zc-button zc-secondary" type="button" onclick={{
                            let host = p.host.clone();
                            Callback::from(move |_: MouseEvent| print_only(&host))
                        }}>{ t!("打印结果", "Print the result").get(lang) }</button>
                    </div>
                </div>
            }
        }
    };

    html! {
        <div class="zc-finder" lang={lang.tag()}>
            { pack_notice(&pack, lang) }
            { panel }
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
