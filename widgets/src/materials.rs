//! `<zc-materials type="difficultPerson">`: the one-time notification (一次性告知)
//! of what to bring, tailored to a few answers, that a citizen can tick off and
//! print on one page; and, with `mode="staff"`, a check of what was brought that
//! shows every problem at once.
//!
//! Attributes: `type` (an application type, see `listApplications`), `mode`
//! (`citizen` default, or `staff`), `lang`, `large-text`, `today` (the
//! application date), `pack`, `region`. Event: `zc-change` with the
//! `checkMaterials` report after each change.

use crate::common::*;
use crate::element::{Host, Widget};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use yew::prelude::*;
use zhuchuang_core::dates::read_date;
use zhuchuang_core::facts::Question;
use zhuchuang_core::ids::{IdKind, Severity};
use zhuchuang_core::materials::{self, ItemStatus, MaterialsReport, MaterialsVerdict};
use zhuchuang_core::pack::Applicant;
use zhuchuang_core::pack::{Holder, MaterialForm, Validity};
use zhuchuang_core::{t, Lang, Text};

#[derive(Properties, PartialEq, Clone)]
pub struct MaterialsProps {
    pub host: Host,
    pub lang: Lang,
    pub today: NaiveDate,
    pub pack: Option<String>,
    pub app_type: String,
    pub staff: bool,
}

impl Widget for MaterialsElement {
    const TAG: &'static str = "zc-materials";
    const ATTRIBUTES: &'static [&'static str] = &["type", "mode"];
    const BUNDLE: &'static str = "materials";
    const TITLE: (&'static str, &'static str) = ("申请材料清单", "What to bring");
    fn props(host: &Host) -> MaterialsProps {
        MaterialsProps {
            host: host.clone(),
            lang: host.lang(),
            today: crate::today_of(host),
            pack: host.attr("pack"),
            app_type: host
                .attr("type")
                .unwrap_or_else(|| "difficultPerson".into()),
            staff: host.attr("mode").as_deref() == Some("staff"),
        }
    }
}

/// What staff typed for one material.
#[derive(Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub(crate) struct Draft {
    given: bool,
    copy_only: bool,
    number: String,
    date: String,
    holder_name: String,
    commitment: bool,
    later: bool,
    kinds: Vec<String>,
    months: String,
    amount: String,
}

/// The material's facts the staff form needs (from the pack).
#[derive(Clone, PartialEq)]
pub(crate) struct Shape {
    pub(crate) id_kind: Option<IdKind>,
    pub(crate) validity: Validity,
    pub(crate) receipt: bool,
    pub(crate) holder: Holder,
}

/// What the form needs from the packs in force: the application's questions,
/// each material's shape, and the questions that identify the applicant.
#[derive(Clone, Default)]
struct Context {
    questions: Vec<Question>,
    shapes: BTreeMap<String, Shape>,
    identity: Vec<Question>,
}

/// The date a material's date box asks for, as its label and its messages name it.
fn date_label(validity: Validity) -> Option<Text> {
    match validity {
        Validity::WithinValidity => Some(t!("有效期至", "expiry date")),
        Validity::IssuedWithinMonths => Some(t!("开具日期", "date of issue")),
        Validity::None => None,
    }
}

/// Builds `provided` from the staff drafts; bad dates and numbers become field errors.
pub(crate) fn provided_json(
    drafts: &BTreeMap<String, Draft>,
    shapes: &BTreeMap<String, Shape>,
    lang: Lang,
) -> (serde_json::Value, Vec<FieldError>) {
    let mut out = serde_json::Map::new();
    let mut errors = Vec::new();
    for (id, d) in drafts {
        if !(d.given || d.commitment || d.later) {
            continue;
        }
        let mut o = serde_json::Map::new();
        if d.commitment {
            o.insert("commitment".into(), true.into());
        } else if d.later {
            o.insert("later".into(), true.into());
        } else {
            let shape = shapes.get(id);
            if d.copy_only {
                o.insert("form".into(), "copy".into());
            }
            if !d.number.trim().is_empty() {
                o.insert("number".into(), d.number.trim().into());
            }
            if !d.holder_name.trim().is_empty() {
                o.insert("holderName".into(), d.holder_name.trim().into());
            }
            if !d.date.trim().is_empty() {
                // Read as people type dates (2026/01/31, 20260131, 2026年1月31日).
                let validity = shape.map_or(Validity::None, |s| s.validity);
                match (read_date(&d.date), validity) {
                    (Ok(date), Validity::WithinValidity) => {
                        o.insert("validUntil".into(), date.to_string().into());
                    }
                    (Ok(date), Validity::IssuedWithinMonths) => {
                        o.insert("issuedOn".into(), date.to_string().into());
                    }
                    // A material without a date has no date box.
                    (Ok(_), Validity::None) => {}
                    (Err(e), validity) => errors.push(FieldError {
                        id: format!("zc-m-{id}-date"),
                        message: e
                            .message(date_label(validity).as_ref())
                            .get(lang)
                            .to_string(),
                    }),
                }
            }
            if shape.is_some_and(|s| s.receipt) {
                if !d.kinds.is_empty() {
                    o.insert("kinds".into(), d.kinds.clone().into());
                }
                if !d.months.trim().is_empty() {
                    match d.months.trim().parse::<u32>() {
                        Ok(n) => {
                            o.insert("months".into(), n.into());
                        }
                        Err(_) => errors.push(FieldError {
                            id: format!("zc-m-{id}-months"),
                            message: t!("月数应为整数", "Months must be a whole number")
                                .get(lang)
                                .to_string(),
                        }),
                    }
                }
                if !d.amount.trim().is_empty() {
                    if d.amount.trim().parse::<rust_decimal::Decimal>().is_ok() {
                        o.insert("amount".into(), d.amount.trim().into());
                    } else {
                        errors.push(FieldError {
                            id: format!("zc-m-{id}-amount"),
                            message: t!(
                                "金额应为数字，如 9600.00",
                                "The amount must be a number, e.g. 9600.00"
                            )
                            .get(lang)
                            .to_string(),
                        });
                    }
                }
            }
        }
        out.insert(id.clone(), serde_json::Value::Object(o));
    }
    (serde_json::Value::Object(out), errors)
}

#[function_component(MaterialsElement)]
pub fn materials_widget(p: &MaterialsProps) -> Html {
    let lang = p.lang;
    let pack = use_pack(&p.host, p.pack.clone(), lang);
    let region = region_for(&p.host, &pack);
    let scope = format!(
        "{}:{region}:{}",
        p.app_type,
        if p.staff { "staff" } else { "citizen" }
    );
    let facts = use_saved(
        &p.host,
        scope.clone(),
        serde_json::Map::<String, serde_json::Value>::new,
    );
    let ticked = use_saved(&p.host, format!("{scope}:ticked"), BTreeSet::<String>::new);
    let drafts = use_saved(
        &p.host,
        format!("{scope}:drafts"),
        BTreeMap::<String, Draft>::new,
    );
    let reset = {
        let (facts, ticked, drafts) = (facts.clone(), ticked.clone(), drafts.clone());
        Callback::from(move |_: ()| {
            facts.set(serde_json::Map::new());
            ticked.set(BTreeSet::new());
            drafts.set(BTreeMap::new());
        })
    };
    let submitted = use_state(|| false);

    // The application's questions and each material's shape, from the packs in force.
    let loaded = matches!(pack, PackStatus::None | PackStatus::Ready { .. });
    let context: Result<Context, String> = zhuchuang_web::rules::with_packs(|set| {
        let rules = set
            .rules(&region)
            .map_err(zhuchuang_web::rules::rule_error)?;
        let app = materials::application(&rules, &p.app_type).ok_or_else(|| {
            zhuchuang_web::ApiError::from(materials::MaterialsError::UnknownApplication(
                p.app_type.clone(),
                materials::application_ids(&rules),
            ))
        })?;
        let defs = materials::fact_defs(&rules, p.today);
        let questions = materials::questions_for(&app, &defs, lang);
        let shapes = app
            .requirements
            .iter()
            .filter_map(|r| materials::material(&rules, &r.material))
            .map(|m| {
                (
                    m.id.clone(),
                    Shape {
                        id_kind: m.id_kind,
                        validity: m.validity,
                        receipt: m.receipt,
                        holder: m.holder,
                    },
                )
            })
            .collect();
        // Who the applicant is, asked in the core's words of those facts.
        let identity: &[&str] = match app.applicant {
            Applicant::Unit => &["uscc"],
            Applicant::Person => &["name", "residentId"],
        };
        let identity = identity
            .iter()
            .filter_map(|id| defs.iter().find(|d| d.id == *id))
            .map(|d| d.question(lang))
            .collect();
        Ok(Context {
            questions,
            shapes,
            identity,
        })
    })
    .map_err(|e| e.text.get(lang).to_string());
    // No early return before the last hook: a failed context yields empty parts
    // here and the error is shown after the hooks have run.
    let Context {
        questions,
        shapes,
        identity,
    } = context.clone().unwrap_or_default();

    let (provided, field_errors) = if p.staff {
        provided_json(&drafts, &shapes, lang)
    } else {
        (serde_json::Value::Null, Vec::new())
    };
    let report: Result<MaterialsReport, String> = zhuchuang_web::rules::with_packs(|set| {
        let rules = set
            .rules(&region)
            .map_err(zhuchuang_web::rules::rule_error)?;
        materials::check_materials(
            &p.app_type,
            &serde_json::Value::Object((*facts).clone()),
            p.staff.then_some(&provided),
            &rules,
            p.today,
            lang,
        )
        .map_err(zhuchuang_web::ApiError::from)
    })
    .map_err(|e| e.text.get(lang).to_string());

    {
        let host = p.host.clone();
        let ok = if loaded {
            report.as_ref().ok().cloned()
        } else {
            None
        };
        use_effect_with(ok, move |ok| {
            if let Some(r) = ok {
                host.emit("zc-change", &zhuchuang_web::to_js(r));
            }
        });
    }

    let set_fact = {
        let facts = facts.clone();
        Callback::from(move |(id, v): (String, Option<serde_json::Value>)| {
            let mut next = (*facts).clone();
            match v {
                Some(v) => {
                    next.insert(id, v);
                }
                None => {
                    next.remove(&id);
                }
            }
            facts.set(next);
        })
    };

    // Every hook has run. While the page's pack loads, the list is not shown:
    // the national one would flash first and then change under the reader.
    if !loaded {
        return html! { <div class="zc-materials">{ pack_notice(&pack, lang) }</div> };
    }
    if let Err(e) = &context {
        return html! { <p class="zc-problem zc-error" role="alert">{ e.clone() }</p> };
    }
    let report = match report {
        Ok(r) => r,
        Err(e) => return html! { <p class="zc-problem zc-error" role="alert">{ e }</p> },
    };

    let question_html = |q: &Question| {
        let set_fact = set_fact.clone();
        let id = q.fact.clone();
        html! {
            <QuestionField question={q.clone()} value={facts.get(&q.fact).cloned()} {lang}
                onchange={Callback::from(move |v| set_fact.emit((id.clone(), v)))} />
        }
    };

    let onprint = {
        let host = p.host.clone();
        Callback::from(move |_: MouseEvent| print_only(&host))
    };

    html! {
        <div class={classes!("zc-materials", p.staff.then_some("zc-staff"))} lang={lang.tag()}>
            <div class="zc-print-only zc-print-head">
                <p class="zc-print-title">{ t!("一次性告知书", "What to bring: one-time notification").get(lang) }</p>
                <p>{ format!("{}：{}", t!("日期", "Date").get(lang).to_string(), p.today) }</p>
            </div>
            <h2 class="zc-heading">{ report.title.clone() }</h2>
            { pack_notice(&pack, lang) }
            if p.staff && *submitted {
                <ErrorSummary host={p.host.clone()} {lang} errors={staff_errors(&report, &field_errors)} />
            }
            if !questions.is_empty() || p.staff {
                <div class="zc-no-print zc-panel">
                    <h3 class="zc-subheading">{ if p.staff { t!("申请人情况", "About the applicant") } else { t!("先回答几个问题，清单会随之调整", "Answer a few questions and the list adjusts") }.get(lang) }</h3>
                    if p.staff {
                        { staff_applicant_fields(&identity, &facts, &set_fact) }
                    }
                    { for questions.iter().map(question_html) }
                </div>
            }
            if p.staff && *submitted {
                { verdict_banner(&report, lang) }
            } else {
                <p class="zc-lead" role="status" aria-live="polite">{ report.summary.clone() }</p>
            }
            <ol class="zc-checklist">
                { for report.checklist.iter().map(|item| {
                    if p.staff {
                        staff_item(item, shapes.get(&item.material), &drafts, &field_errors, lang)
                    } else {
                        citizen_item(item, &ticked, lang)
                    }
                }) }
            </ol>
            { caveats(&report.caveats, lang) }
            <div class="zc-print-only zc-print-foot">
                <p>{ t!("以上材料请一次备齐。已实现数据共享的无需提供；标注“可后补”的可先受理、限期补齐。", "Bring everything at once. Materials available through data sharing are not needed; those marked \"may follow\" can be brought later, by the deadline.").get(lang) }</p>
                <p class="zc-sign">{ t!("经办人：__________　申请人：__________", "Officer: __________   Applicant: __________").get(lang) }</p>
            </div>
            { citations(&report.citations, lang) }
            { pack_stamp(&report.pack, lang) }
            <div class="zc-actions zc-no-print">
                if p.staff {
                    <button class="zc-button" type="button" onclick={ let s = submitted.clone(); Callback::from(move |_: MouseEvent| s.set(true)) }>{ t!("核对材料", "Check the materials").get(lang) }</button>
                }
                <button class="zc-button zc-secondary" type="button" onclick={onprint}>{ t!("打印告知书", "Print this list").get(lang) }</button>
            </div>
            <div class="zc-actions zc-no-print">
                <SavedAnswers host={p.host.clone()} {lang} ondelete={reset} />
            </div>
        </div>
    }
}

fn verdict_banner(r: &MaterialsReport, lang: Lang) -> Html {
    let (class, title) = match r.verdict {
        MaterialsVerdict::Complete => (
            "zc-eligible",
            t!("材料齐全", "Complete").get(lang).to_string(),
        ),
        MaterialsVerdict::AcceptableWithDeferral => (
            "zc-undetermined",
            t!("可容缺受理", "Acceptable, with materials to follow")
                .get(lang)
                .to_string(),
        ),
        MaterialsVerdict::Incomplete => (
            "zc-ineligible",
            t!("材料不全", "Incomplete").get(lang).to_string(),
        ),
    };
    html! {
        <div class={classes!("zc-outcome", class)} role="status">
            <h3>{ title }</h3>
            <p>{ r.summary.clone() }</p>
        </div>
    }
}

/// Every problem of the staff check, for the error summary, linked to its field.
fn staff_errors(r: &MaterialsReport, field_errors: &[FieldError]) -> Vec<FieldError> {
    let mut out = field_errors.to_vec();
    for item in &r.checklist {
        for p in item
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
        {
            out.push(FieldError {
                id: format!("zc-m-{}", item.material),
                message: p.message.clone(),
            });
        }
        if item.status == ItemStatus::Missing && item.problems.is_empty() {
            out.push(FieldError {
                id: format!("zc-m-{}", item.material),
                message: t!("缺少{}", "Missing: {}"; item.name)
                    .get(r.lang)
                    .to_string(),
            });
        }
    }
    out
}

/// The applicant's identity (name and ID number, or a unit's credit code), as
/// plain text boxes: the staff check compares each material's holder with them.
fn staff_applicant_fields(
    identity: &[Question],
    facts: &UseStateHandle<serde_json::Map<String, serde_json::Value>>,
    set_fact: &Callback<(String, Option<serde_json::Value>)>,
) -> Html {
    let text = |q: &Question| {
        let id = q.fact.clone();
        let set_fact = set_fact.clone();
        let set_fact = set_fact.clone();
        let key = id.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = crate::element::input_value(&e.into());
            set_fact.emit((
                key.clone(),
                (!v.trim().is_empty()).then(|| serde_json::Value::String(v.trim().to_string())),
            ));
        });
        let value = facts
            .get(&id)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        let fid = format!("zc-f-{id}");
        html! {
            <div class="zc-field">
                <label class="zc-label" for={fid.clone()}>{ q.question.clone() }</label>
                <input class="zc-input" id={fid} type="text" autocomplete="off" {value} {oninput} />
            </div>
        }
    };
    html! { <>{ for identity.iter().map(text) }</> }
}

fn status_text(s: ItemStatus, lang: Lang) -> String {
    match s {
        ItemStatus::Required => t!("需提供", "to bring").get(lang).to_string(),
        ItemStatus::Provided => t!("已提供", "provided").get(lang).to_string(),
        ItemStatus::Missing => t!("缺少", "missing").get(lang).to_string(),
        ItemStatus::Invalid => t!("有问题", "has problems").get(lang).to_string(),
        ItemStatus::Waived => t!("无需提供", "not needed").get(lang).to_string(),
        ItemStatus::Deferred => t!("容缺后补", "to follow").get(lang).to_string(),
        ItemStatus::Commitment => t!("以承诺代替", "replaced by a commitment")
            .get(lang)
            .to_string(),
    }
}

fn item_facts(item: &materials::ChecklistItem, lang: Lang) -> Html {
    html! {
        <>
            <span class="zc-item-how">{ item.how.clone() }</span>
            <span class="zc-hint">{ format!("{}{}；{}{}", t!("证明：", "Proves: ").get(lang).to_string(), item.proves, t!("开具：", "Issued by: ").get(lang).to_string(), item.issuer) }</span>
            if let Some(c) = &item.condition { <span class="zc-tagline">{ format!("{}{}", t!("适用于：", "Only ").get(lang).to_string(), c) }</span> }
            if item.deferrable && item.status != ItemStatus::Waived { <span class="zc-tagline">{ t!("可容缺后补", "May follow later").get(lang) }</span> }
            if item.commitment_allowed && item.status != ItemStatus::Waived { <span class="zc-tagline">{ t!("可签署承诺代替", "A signed commitment may replace it").get(lang) }</span> }
            if let Some(n) = &item.note { <span class="zc-hint">{ n.clone() }</span> }
            if let Some(w) = &item.waived_because { <span class="zc-ok">{ w.clone() }</span> }
        </>
    }
}

fn citizen_item(
    item: &materials::ChecklistItem,
    ticked: &UseStateHandle<BTreeSet<String>>,
    lang: Lang,
) -> Html {
    let id = format!("zc-m-{}", item.material);
    let waived = item.status == ItemStatus::Waived;
    let checked = ticked.contains(&item.material);
    let toggle = {
        let ticked = ticked.clone();
        let m = item.material.clone();
        Callback::from(move |_: Event| {
            let mut next = (*ticked).clone();
            if !next.remove(&m) {
                next.insert(m.clone());
            }
            ticked.set(next);
        })
    };
    html! {
        <li class={classes!("zc-item", waived.then_some("zc-waived"))} data-material={item.material.clone()} data-status={format!("{:?}", item.status).to_lowercase()}>
            if waived {
                <div class="zc-item-body"><span class="zc-item-name">{ item.name.clone() }</span>{ item_facts(item, lang) }</div>
            } else {
                <div class="zc-check">
                    <input type="checkbox" id={id.clone()} {checked} onchange={toggle} />
                    <label for={id}>
                        <span class="zc-item-name">{ item.name.clone() }</span>
                        if checked { <span class="zc-sr-only">{ t!("（已准备）", " (ready)").get(lang) }</span> }
                    </label>
                </div>
                <div class="zc-item-body">{ item_facts(item, lang) }</div>
            }
        </li>
    }
}

pub(crate) fn staff_item(
    item: &materials::ChecklistItem,
    shape: Option<&Shape>,
    drafts: &UseStateHandle<BTreeMap<String, Draft>>,
    field_errors: &[FieldError],
    lang: Lang,
) -> Html {
    let m = item.material.clone();
    let id = format!("zc-m-{m}");
    let d = drafts.get(&m).cloned().unwrap_or_default();
    let update = {
        let drafts = drafts.clone();
        let m = m.clone();
        move |f: Box<dyn Fn(&mut Draft)>| {
            let mut next = (*drafts).clone();
            f(next.entry(m.clone()).or_default());
            drafts.set(next);
        }
    };
    let checkbox = |suffix: &str, label: String, checked: bool, set: fn(&mut Draft, bool)| {
        let update = update.clone();
        let cid = if suffix.is_empty() {
            id.clone()
        } else {
            format!("{id}-{suffix}")
        };
        html! {
            <div class="zc-check">
                <input type="checkbox" id={cid.clone()} {checked}
                    onchange={Callback::from(move |_: Event| update(Box::new(move |d: &mut Draft| set(d, !checked))))} />
                <label for={cid}>{ label }</label>
            </div>
        }
    };
    let textbox = |suffix: &str, label: String, value: String, set: fn(&mut Draft, String)| {
        let update = update.clone();
        let fid = format!("{id}-{suffix}");
        let err = field_errors
            .iter()
            .find(|e| e.id == fid)
            .map(|e| e.message.clone());
        html! {
            <div class="zc-field zc-inline">
                <label class="zc-label" for={fid.clone()}>{ label }</label>
                if let Some(e) = &err { <p class="zc-problem zc-error">{ e.clone() }</p> }
                <input class="zc-input" id={fid} type="text" autocomplete="off" {value}
                    aria-invalid={ if err.is_some() { "true" } else { "false" } }
                    oninput={Callback::from(move |e: InputEvent| { let v = crate::element::input_value(&e.into()); update(Box::new(move |d: &mut Draft| set(d, v.clone()))) })} />
            </div>
        }
    };
    let waived = item.status == ItemStatus::Waived;
    let status_class = match item.status {
        ItemStatus::Invalid | ItemStatus::Missing => "zc-bad",
        ItemStatus::Provided | ItemStatus::Waived | ItemStatus::Commitment => "zc-good",
        _ => "",
    };
    html! {
        <li class={classes!("zc-item", status_class)} data-material={m.clone()} data-status={format!("{:?}", item.status).to_lowercase()}>
            <div class="zc-item-head">
                <span class="zc-item-name">{ item.name.clone() }</span>
                <span class="zc-badge">{ status_text(item.status, lang) }</span>
            </div>
            <div class="zc-item-body">{ item_facts(item, lang) }</div>
            if !waived {
                <div class="zc-no-print zc-item-form">
                    { checkbox("", t!("已提供", "Provided").get(lang).to_string(), d.given, |d, v| d.given = v) }
                    if d.given {
                        if matches!(item.form, MaterialForm::Original | MaterialForm::OriginalAndCopy) {
                            { checkbox("copy", t!("只有复印件", "Copy only").get(lang).to_string(), d.copy_only, |d, v| d.copy_only = v) }
                        }
                        if shape.and_then(|s| s.id_kind).is_some() {
                            { textbox("number", t!("证件号码", "Number on it").get(lang).to_string(), d.number.clone(), |d, v| d.number = v) }
                        }
                        if shape.is_some_and(|s| s.holder != Holder::Business && s.holder != Holder::Other) {
                            { textbox("name", t!("证件上的姓名", "Name on it").get(lang).to_string(), d.holder_name.clone(), |d, v| d.holder_name = v) }
                        }
                        if shape.is_some_and(|s| s.validity == Validity::WithinValidity) {
                            { textbox("date", t!("有效期至（如 2026-01-31）", "Valid until (for example 2026-01-31)").get(lang).to_string(), d.date.clone(), |d, v| d.date = v) }
                        }
                        if shape.is_some_and(|s| s.validity == Validity::IssuedWithinMonths) {
                            { textbox("date", t!("开具日期（如 2026-01-31）", "Issued on (for example 2026-01-31)").get(lang).to_string(), d.date.clone(), |d, v| d.date = v) }
                        }
                        if shape.is_some_and(|s| s.receipt) {
                            { textbox("months", t!("单据上的缴费月数", "Months the receipt covers").get(lang).to_string(), d.months.clone(), |d, v| d.months = v) }
                            { textbox("amount", t!("单据上的缴费金额合计（元）", "Total paid on the receipt (yuan)").get(lang).to_string(), d.amount.clone(), |d, v| d.amount = v) }
                        }
                    }
                    if !d.given && item.deferrable {
                        { checkbox("later", t!("容缺后补", "Will follow later").get(lang).to_string(), d.later, |d, v| d.later = v) }
                    }
                    if !d.given && item.commitment_allowed {
                        { checkbox("commit", t!("以承诺代替", "Replace with a signed commitment").get(lang).to_string(), d.commitment, |d, v| d.commitment = v) }
                    }
                </div>
            }
            if !item.problems.is_empty() {
                <ul class="zc-problems">
                    { for item.problems.iter().map(|p| {
                        let class = if p.severity == Severity::Error { "zc-problem zc-error" } else { "zc-problem zc-warning" };
                        html! { <li class={class} data-code={p.code.clone()}>{ p.message.clone() }</li> }
                    }) }
                </ul>
            }
        </li>
    }
}
