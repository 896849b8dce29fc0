//! `<zc-application-check form="flexibleSubsidy">`: the window clerk's
//! pre-check of a filled application form (申请表预审). The clerk picks the
//! form, fills it in or pastes it ("label: value" lines, or tab-separated, as
//! copied from a spreadsheet or a system screen), ticks the documents brought,
//! and sees every problem at once: an error summary linking to each field, the
//! eligibility determination, the materials and the plan; then prints the
//! pre-check sheet with its determination id.
//!
//! Attributes: `form` (a form id, see `listForms`; default the first), `lang`,
//! `large-text`, `today` (the application date), `pack`, `region`, `save`.
//! Event: `zc-change` with the `checkApplication` result after each check.
//! The widget renders the core's answer; the checks are all the core's
//! (`zhuchuang_core::application`).

use crate::common::*;
use crate::element::{Host, Widget};
use crate::materials::{provided_json, staff_item, Draft, Shape};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use yew::prelude::*;
use zhuchuang_core::application::{
    check_application, list_forms, ApplicationCheck, FieldInfo, FormInfo, FormProblem,
    PrecheckVerdict,
};
use zhuchuang_core::ids::Severity;
use zhuchuang_core::materials;
use zhuchuang_core::pack::FieldKind;
use zhuchuang_core::verdict::{Outcome, Status3};
use zhuchuang_core::{t, Lang};

#[derive(Properties, PartialEq, Clone)]
pub struct ApplicationProps {
    pub host: Host,
    pub lang: Lang,
    pub today: NaiveDate,
    pub pack: Option<String>,
    pub form: Option<String>,
}

impl Widget for ApplicationElement {
    const TAG: &'static str = "zc-application-check";
    const ATTRIBUTES: &'static [&'static str] = &["form"];
    const BUNDLE: &'static str = "application";
    const TITLE: (&'static str, &'static str) = ("申请表预审", "Application form pre-check");
    fn props(host: &Host) -> ApplicationProps {
        ApplicationProps {
            host: host.clone(),
            lang: host.lang(),
            today: crate::today_of(host),
            pack: host.attr("pack"),
            form: host.attr("form"),
        }
    }
}

/// A field's element id (the error summary links to it).
fn field_id(field: &str) -> String {
    format!("zc-a-{field}")
}

/// Where a problem's link goes: its field, or the document's box.
fn target_of(p: &FormProblem, form: &FormInfo) -> String {
    if let Some(m) = p.path.strip_prefix("provided.") {
        return format!("zc-m-{m}");
    }
    if form.fields.iter().any(|f| f.id == p.path) {
        field_id(&p.path)
    } else {
        match &p.material {
            Some(m) => format!("zc-m-{m}"),
            None => "zc-a-form".to_string(),
        }
    }
}

/// Reads pasted text into field values: one "label: value" (or "label<TAB>
/// value", "label：value") a line, the label matched to a field's label in
/// either language or its id; a choice by its name. Returns the values and the
/// lines that matched no field.
fn read_paste(
    text: &str,
    form: &FormInfo,
    all: &[FormInfo],
) -> (Vec<(String, String)>, Vec<String>) {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '＊' | '：' | ':'))
            .collect::<String>()
            .to_lowercase()
    };
    let mut out = Vec::new();
    let mut unmatched = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let split = ['\t', '：', ':']
            .iter()
            .filter_map(|sep| line.find(*sep).map(|i| (i, sep.len_utf8())))
            .min_by_key(|(i, _)| *i);
        let Some((at, len)) = split else {
            unmatched.push(line.to_string());
            continue;
        };
        let (label, value) = (line[..at].trim(), line[at + len..].trim());
        let key = norm(label);
        let field = form.fields.iter().find(|f| {
            norm(&f.id) == key || norm(&f.label) == key || {
                // The other language's label, from the same form in `all`.
                all.iter()
                    .filter(|o| o.id == form.id)
                    .flat_map(|o| o.fields.iter())
                    .any(|o| o.id == f.id && norm(&o.label) == key)
            }
        });
        match field {
            Some(f) => out.push((f.id.clone(), value.to_string())),
            None => unmatched.push(line.to_string()),
        }
    }
    (out, unmatched)
}

#[function_component(ApplicationElement)]
pub fn application_widget(p: &ApplicationProps) -> Html {
    let lang = p.lang;
    let pack = use_pack(&p.host, p.pack.clone(), lang);
    let region = region_for(&p.host, &pack);
    let initial = p.form.clone().unwrap_or_default();
    let chosen = use_saved(&p.host, format!("application:{region}:form"), move || {
        initial.clone()
    });
    let forms: Vec<FormInfo> = zhuchuang_web::rules::with_packs(|set| {
        let rules = set
            .rules(&region)
            .map_err(zhuchuang_web::rules::rule_error)?;
        Ok(list_forms(&rules, p.today, lang))
    })
    .unwrap_or_default();
    // The other language's labels, so a pasted form matches either.
    let other_forms: Vec<FormInfo> = zhuchuang_web::rules::with_packs(|set| {
        let rules = set
            .rules(&region)
            .map_err(zhuchuang_web::rules::rule_error)?;
        let other = if lang == Lang::En {
            Lang::ZhCn
        } else {
            Lang::En
        };
        Ok(list_forms(&rules, p.today, other))
    })
    .unwrap_or_default();
    let form_id = if forms.iter().any(|f| f.id == *chosen) {
        (*chosen).clone()
    } else {
        p.form
            .clone()
            .filter(|id| forms.iter().any(|f| &f.id == id))
            .or_else(|| forms.first().map(|f| f.id.clone()))
            .unwrap_or_default()
    };
    let scope = format!("application:{region}:{form_id}");
    let values = use_saved(
        &p.host,
        scope.clone(),
        BTreeMap::<String, serde_json::Value>::new,
    );
    let drafts = use_saved(
        &p.host,
        format!("{scope}:drafts"),
        BTreeMap::<String, Draft>::new,
    );
    let paste = use_state(String::new);
    let paste_note = use_state(|| None::<String>);
    let submitted = use_state(|| false);
    let reset = {
        let (values, drafts, submitted) = (values.clone(), drafts.clone(), submitted.clone());
        Callback::from(move |_: ()| {
            values.set(BTreeMap::new());
            drafts.set(BTreeMap::new());
            submitted.set(false);
        })
    };

    let form = forms.iter().find(|f| f.id == form_id).cloned();
    // Each document's shape (number, validity, receipt), for its boxes.
    let shapes: BTreeMap<String, Shape> = zhuchuang_web::rules::with_packs(|set| {
        let rules = set
            .rules(&region)
            .map_err(zhuchuang_web::rules::rule_error)?;
        let app = form
            .as_ref()
            .and_then(|f| f.application.as_ref())
            .and_then(|a| materials::application(&rules, a));
        Ok(app
            .map(|app| {
                app.requirements
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
                    .collect()
            })
            .unwrap_or_default())
    })
    .unwrap_or_default();
    let (provided, draft_errors) = provided_json(&drafts, &shapes, lang);
    let result: Option<Result<ApplicationCheck, String>> = form.as_ref().map(|f| {
        zhuchuang_web::rules::with_packs(|set| {
            let rules = set
                .rules(&region)
                .map_err(zhuchuang_web::rules::rule_error)?;
            let v: serde_json::Map<String, serde_json::Value> =
                values.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            check_application(
                &f.id,
                &serde_json::Value::Object(v),
                Some(&provided),
                &rules,
                p.today,
                lang,
            )
            .map_err(zhuchuang_web::ApiError::from)
        })
        .map_err(|e| e.text.get(lang).to_string())
    });

    {
        let host = p.host.clone();
        let shown = if *submitted {
            result.as_ref().and_then(|r| r.as_ref().ok()).cloned()
        } else {
            None
        };
        use_effect_with(shown, move |r| {
            if let Some(r) = r {
                host.emit("zc-change", &zhuchuang_web::to_js(r));
            }
        });
    }

    let loaded = matches!(pack, PackStatus::None | PackStatus::Ready { .. });
    if !loaded {
        return html! { <div class="zc-application">{ pack_notice(&pack, lang) }</div> };
    }
    let Some(form) = form else {
        return html! { <p class="zc-problem zc-error" role="alert">{ t!("规则包中没有申请表。", "The rule packs define no application form.").get(lang) }</p> };
    };
    let result = match result {
        Some(Ok(r)) => r,
        Some(Err(e)) => return html! { <p class="zc-problem zc-error" role="alert">{ e }</p> },
        None => return html! {},
    };

    let set_value = {
        let values = values.clone();
        Callback::from(move |(id, v): (String, Option<serde_json::Value>)| {
            let mut next = (*values).clone();
            match v {
                Some(v) => {
                    next.insert(id, v);
                }
                None => {
                    next.remove(&id);
                }
            }
            values.set(next);
        })
    };
    let on_pick = {
        let chosen = chosen.clone();
        let submitted = submitted.clone();
        Callback::from(move |e: Event| {
            chosen.set(crate::element::input_value(&e));
            submitted.set(false);
        })
    };
    let on_paste_input = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| paste.set(crate::element::input_value(&e.into())))
    };
    let on_fill = {
        let (paste, note, values) = (paste.clone(), paste_note.clone(), values.clone());
        let (form, other) = (form.clone(), other_forms.clone());
        Callback::from(move |_: MouseEvent| {
            let (read, unmatched) = read_paste(&paste, &form, &other);
            let mut next = (*values).clone();
            for (id, v) in &read {
                next.insert(id.clone(), serde_json::Value::String(v.clone()));
            }
            values.set(next);
            let mut msg = t!("已填入{}项。", "{} fields filled in."; read.len())
                .get(lang)
                .to_string();
            if !unmatched.is_empty() {
                msg.push(' ');
                msg.push_str(
                    t!(
                        "以下{}行没有对应的栏目，未填入：{}",
                        "{} lines match no field and were not used: {}";
                        unmatched.len(),
                        unmatched.join(" | ")
                    )
                    .get(lang),
                );
            }
            note.set(Some(msg));
        })
    };
    let on_check = {
        let submitted = submitted.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            submitted.set(true);
        })
    };
    let onprint = {
        let host = p.host.clone();
        Callback::from(move |_: MouseEvent| print_only(&host))
    };

    let show = *submitted;
    let mut summary_errors: Vec<FieldError> = draft_errors.clone();
    if show {
        for pr in result
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
        {
            summary_errors.push(FieldError {
                id: target_of(pr, &form),
                // The messages name their field already.
                message: pr.message.clone(),
            });
        }
    }
    let field_problems = |id: &str| -> Vec<FormProblem> {
        if !show {
            return Vec::new();
        }
        result
            .problems
            .iter()
            .filter(|p| p.path == id)
            .cloned()
            .collect()
    };

    html! {
        <div class="zc-application zc-staff" lang={lang.tag()}>
            <div class="zc-print-only zc-print-head">
                <p class="zc-print-title">{ t!("申请表预审单", "Application pre-check sheet").get(lang) }</p>
                <p>{ format!("{}：{}", t!("日期", "Date").get(lang), p.today) }</p>
            </div>
            <h2 class="zc-heading">{ t!("申请表预审", "Application form pre-check").get(lang) }</h2>
            { pack_notice(&pack, lang) }
            if show {
                <ErrorSummary host={p.host.clone()} {lang} errors={summary_errors.clone()} />
            }
            <div class="zc-field zc-no-print">
                <label class="zc-label" for="zc-a-form">{ t!("申请表", "Form").get(lang) }</label>
                <select class="zc-select" id="zc-a-form" onchange={on_pick}>
                    { for forms.iter().map(|f| html! { <option value={f.id.clone()} selected={f.id == form.id}>{ f.title.clone() }</option> }) }
                </select>
            </div>
            <h3 class="zc-subheading zc-print-only">{ form.title.clone() }</h3>
            if let Some(d) = &form.description { <p class="zc-hint">{ d.clone() }</p> }
            <details class="zc-sources zc-no-print">
                <summary>{ t!("粘贴表单内容", "Paste the form").get(lang) }</summary>
                <div class="zc-field">
                    <label class="zc-label" for="zc-a-paste">{ t!("每行一项：“栏目：内容”，或从表格复制的“栏目<Tab>内容”", "One field a line: \"label: value\", or \"label<Tab>value\" copied from a spreadsheet").get(lang) }</label>
                    <textarea class="zc-input zc-paste" id="zc-a-paste" rows="6" value={(*paste).clone()} oninput={on_paste_input} />
                </div>
                <button class="zc-button zc-secondary" type="button" id="zc-a-fill" onclick={on_fill}>{ t!("填入表单", "Fill in the form").get(lang) }</button>
                if let Some(n) = &*paste_note { <p class="zc-hint" role="status">{ n.clone() }</p> }
            </details>
            <form class="zc-form" novalidate=true onsubmit={on_check}>
                <fieldset class="zc-panel">
                    <legend class="zc-legend">{ form.title.clone() }</legend>
                    { for form.fields.iter().map(|f| field_html(f, values.get(&f.id), &field_problems(&f.id), &set_value, lang)) }
                </fieldset>
                <h3 class="zc-subheading">{ t!("申请人提交的材料", "Documents brought").get(lang) }</h3>
                if let Some(m) = &result.materials {
                    <ol class="zc-checklist">
                        { for m.checklist.iter().map(|item| staff_item(item, shapes.get(&item.material), &drafts, &draft_errors, lang)) }
                    </ol>
                }
                <div class="zc-actions zc-no-print">
                    <button class="zc-button" type="submit" id="zc-a-check">{ t!("核对表单", "Check the form").get(lang) }</button>
                </div>
            </form>
            if show {
                { result_html(&result, lang) }
                <div class="zc-actions zc-no-print">
                    <button class="zc-button zc-secondary" type="button" id="zc-a-print" onclick={onprint}>{ t!("打印预审单", "Print the pre-check sheet").get(lang) }</button>
                </div>
            }
            <div class="zc-actions zc-no-print">
                <SavedAnswers host={p.host.clone()} {lang} ondelete={reset} />
            </div>
        </div>
    }
}

/// One field, by its kind, with its problems above it.
fn field_html(
    f: &FieldInfo,
    value: Option<&serde_json::Value>,
    problems: &[FormProblem],
    set: &Callback<(String, Option<serde_json::Value>)>,
    lang: Lang,
) -> Html {
    let id = field_id(&f.id);
    let label = if f.required {
        f.label.clone()
    } else {
        format!("{}{}", f.label, t!("（选填）", " (optional)").get(lang))
    };
    let invalid = problems.iter().any(|p| p.severity == Severity::Error);
    let problems_html = html! {
        <>
            { for problems.iter().map(|p| {
                let class = if p.severity == Severity::Error { "zc-problem zc-error" } else { "zc-problem zc-warning" };
                let tag = if p.severity == Severity::Error { t!("错误：", "Error: ") } else { t!("请注意：", "Note: ") };
                html! { <p class={class} data-code={p.code.clone()}><span class="zc-sr-only">{ tag.get(lang) }</span>{ p.message.clone() }</p> }
            }) }
        </>
    };
    let text = value
        .map(|v| match v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Array(a) => a
                .iter()
                .map(|x| x.as_str().unwrap_or_default().to_string())
                .collect::<Vec<_>>()
                .join("、"),
            other => other.to_string(),
        })
        .unwrap_or_default();
    let hint = f.hint.clone();
    let hint_id = format!("{id}-hint");
    match f.kind {
        FieldKind::Choice => {
            let set = set.clone();
            let key = f.id.clone();
            let onchange = Callback::from(move |e: Event| {
                let v = crate::element::input_value(&e);
                set.emit((
                    key.clone(),
                    (!v.is_empty()).then_some(serde_json::Value::String(v)),
                ));
            });
            // A pasted name is shown as chosen too.
            let current = f
                .choices
                .iter()
                .find(|c| c.value == text || c.label == text)
                .map(|c| c.value.clone())
                .unwrap_or_default();
            html! {
                <div class="zc-field" data-field={f.id.clone()}>
                    <label class="zc-label" for={id.clone()}>{ label }</label>
                    if let Some(h) = &hint { <span class="zc-hint" id={hint_id.clone()}>{ h.clone() }</span> }
                    { problems_html }
                    <select class="zc-select" id={id} {onchange} aria-invalid={ if invalid { "true" } else { "false" } }>
                        <option value="" selected={current.is_empty()}>{ t!("（请选择）", "(choose)").get(lang) }</option>
                        { for f.choices.iter().map(|c| html! { <option value={c.value.clone()} selected={c.value == current}>{ c.label.clone() }</option> }) }
                    </select>
                    if current.is_empty() && !text.is_empty() {
                        <p class="zc-hint">{ t!("粘贴的内容：{}", "Pasted: {}"; text.as_str()).get(lang) }</p>
                    }
                </div>
            }
        }
        FieldKind::MultiChoice => {
            let chosen: Vec<String> = match value {
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect(),
                Some(serde_json::Value::String(s)) => s
                    .split(['、', ',', '，', ';', '；'])
                    .map(|x| x.trim().to_string())
                    .filter_map(|x| {
                        f.choices
                            .iter()
                            .find(|c| c.value == x || c.label == x)
                            .map(|c| c.value.clone())
                    })
                    .collect(),
                _ => Vec::new(),
            };
            html! {
                <div class="zc-field" data-field={f.id.clone()}>
                    <fieldset>
                        <legend class="zc-legend">{ label }</legend>
                        if let Some(h) = &hint { <span class="zc-hint">{ h.clone() }</span> }
                        { problems_html }
                        { for f.choices.iter().enumerate().map(|(i, c)| {
                            // The first box carries the field's id, so the error summary can focus it.
                            let cid = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                            let checked = chosen.contains(&c.value);
                            let set = set.clone();
                            let key = f.id.clone();
                            let value = c.value.clone();
                            let all = chosen.clone();
                            let onchange = Callback::from(move |_: Event| {
                                let mut next: Vec<String> = all.iter().filter(|v| **v != value).cloned().collect();
                                if !checked {
                                    next.push(value.clone());
                                }
                                let v = (!next.is_empty()).then(|| serde_json::Value::Array(next.into_iter().map(serde_json::Value::String).collect()));
                                set.emit((key.clone(), v));
                            });
                            html! {
                                <div class="zc-check">
                                    <input type="checkbox" id={cid.clone()} {checked} {onchange} />
                                    <label for={cid}>{ c.label.clone() }</label>
                                </div>
                            }
                        }) }
                    </fieldset>
                </div>
            }
        }
        FieldKind::YesNo => {
            let set = set.clone();
            let key = f.id.clone();
            let current = match value {
                Some(serde_json::Value::Bool(true)) => Some("是".to_string()),
                Some(serde_json::Value::Bool(false)) => Some("否".to_string()),
                Some(serde_json::Value::String(s)) => match s.trim().to_lowercase().as_str() {
                    "是" | "yes" | "true" | "y" => Some("是".to_string()),
                    "否" | "no" | "false" | "n" => Some("否".to_string()),
                    _ => None,
                },
                _ => None,
            };
            let errors: Vec<FieldError> = problems
                .iter()
                .map(|p| FieldError {
                    id: id.clone(),
                    message: p.message.clone(),
                })
                .collect();
            html! {
                <div data-field={f.id.clone()}>
                    <Radios id={id.clone()} legend={label} hint={hint}
                        options={vec![
                            RadioOption { value: "是".into(), label: t!("是", "Yes").get(lang).to_string(), hint: None },
                            RadioOption { value: "否".into(), label: t!("否", "No").get(lang).to_string(), hint: None },
                        ]}
                        value={current} {errors} {lang}
                        onchange={Callback::from(move |v: String| set.emit((key.clone(), Some(serde_json::Value::String(v)))))} />
                </div>
            }
        }
        _ => {
            let set = set.clone();
            let key = f.id.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let v = crate::element::input_value(&e.into());
                set.emit((
                    key.clone(),
                    (!v.trim().is_empty()).then_some(serde_json::Value::String(v)),
                ));
            });
            let example = match f.kind {
                FieldKind::Date => Some(t!("例如 2026-03-10", "For example 2026-03-10")),
                FieldKind::Month => Some(t!("例如 2026-03", "For example 2026-03")),
                _ => None,
            };
            let inputmode = match f.kind {
                FieldKind::Money => "decimal",
                FieldKind::Number => "numeric",
                _ => "text",
            };
            html! {
                <div class="zc-field" data-field={f.id.clone()}>
                    <label class="zc-label" for={id.clone()}>{ label }</label>
                    if let Some(h) = &hint { <span class="zc-hint" id={hint_id.clone()}>{ h.clone() }</span> }
                    if let Some(x) = &example { <span class="zc-hint">{ x.get(lang) }</span> }
                    { problems_html }
                    <input class="zc-input" id={id} type="text" autocomplete="off" {inputmode} value={text} {oninput}
                        aria-invalid={ if invalid { "true" } else { "false" } } />
                </div>
            }
        }
    }
}

/// The answer: the verdict, the determination, the materials and the plan.
fn result_html(r: &ApplicationCheck, lang: Lang) -> Html {
    let (class, title) = match r.verdict {
        PrecheckVerdict::Ready => ("zc-eligible", t!("可以报送", "Ready to send on")),
        PrecheckVerdict::HasErrors => ("zc-ineligible", t!("需要改正", "To correct")),
        PrecheckVerdict::NotEligible => (
            "zc-undetermined",
            t!("条件不符或尚不确定", "Not eligible, or not yet settled"),
        ),
        PrecheckVerdict::MaterialsIncomplete => {
            ("zc-undetermined", t!("材料不全", "Documents incomplete"))
        }
    };
    let status = |s: Status3| match s {
        Status3::Met => t!("符合", "met"),
        Status3::NotMet => t!("不符合", "not met"),
        Status3::Unknown => t!("待核实", "to check"),
        Status3::NotNeeded => t!("无需判断", "not needed"),
    };
    let warnings = r
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .count();
    html! {
        <section class="zc-result" aria-live="polite">
            <div class={classes!("zc-outcome", class)} role="status" id="zc-a-verdict" data-verdict={format!("{:?}", r.verdict)}>
                <h3>{ title.get(lang) }</h3>
                <p>{ r.summary.clone() }</p>
                if warnings > 0 {
                    <p>{ t!("另有{}项提示，请核对。", "{} notes to check as well."; warnings).get(lang) }</p>
                }
            </div>
            if let Some(d) = &r.determination {
                <h3 class="zc-subheading">{ t!("申请条件", "Eligibility").get(lang) }</h3>
                <p class="zc-lead" data-outcome={format!("{:?}", d.outcome)}>{ d.summary.clone() }</p>
                <ul class="zc-criteria">
                    { for d.criteria.iter().filter(|c| c.status != Status3::NotNeeded).map(|c| html! {
                        <li class={classes!("zc-criterion", (c.status == Status3::NotMet).then_some("zc-bad"), (c.status == Status3::Met).then_some("zc-good"))}>
                            <strong>{ format!("{}{}{}", c.label, if lang == Lang::En { ": " } else { "：" }, status(c.status).get(lang)) }</strong>
                            <span class="zc-hint">{ c.reason.clone() }</span>
                        </li>
                    }) }
                </ul>
                if d.outcome != Outcome::Eligible {
                    if let Some(q) = &d.next_question {
                        <p class="zc-hint">{ t!("还需要：{}", "Still needed: {}"; q.question.as_str()).get(lang) }</p>
                    }
                }
            }
            if let Some(m) = &r.materials {
                <h3 class="zc-subheading">{ t!("材料", "Documents").get(lang) }</h3>
                <p class="zc-lead">{ m.summary.clone() }</p>
                if !m.missing.is_empty() {
                    <p>{ format!("{}{}", t!("缺少：", "Missing: ").get(lang), m.missing.iter().map(|l| l.name.clone()).collect::<Vec<_>>().join(if lang == Lang::En { "; " } else { "、" })) }</p>
                }
            }
            if let Some(plan) = &r.plan {
                <h3 class="zc-subheading">{ t!("可享受的补贴期限", "The period that can be paid").get(lang) }</h3>
                <dl class="zc-details">
                    <dt>{ t!("起止月份", "Months").get(lang) }</dt>
                    <dd>{ format!("{} – {}", plan.start_month, plan.end_month) }</dd>
                    <dt>{ t!("可享受月数", "Months due").get(lang) }</dt>
                    <dd>{ plan.months }</dd>
                    <dt>{ t!("退休月份", "Retirement month").get(lang) }</dt>
                    <dd>{ plan.retirement_month.to_string() }</dd>
                </dl>
            }
            <p class="zc-hint">{ t!("判定编号：{}", "Determination id: {}"; r.determination_id.as_str()).get(lang) }</p>
            { caveats(&r.sourced.caveats, lang) }
            { citations(&r.sourced.citations, lang) }
            { pack_stamp(&r.sourced.pack, lang) }
            <div class="zc-print-only zc-print-foot">
                <p class="zc-sign">{ t!("经办人：__________　申请人：__________", "Officer: __________   Applicant: __________").get(lang) }</p>
            </div>
            { print_record(&r.sourced, r.as_of, Some(&r.determination_id), lang) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> FormInfo {
        let packs = zhuchuang_core::pack::PackSet::embedded().unwrap();
        let rules = packs.rules("000000").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        list_forms(&rules, day, Lang::ZhCn)
            .into_iter()
            .find(|f| f.id == "flexibleSubsidy")
            .unwrap()
    }

    #[test]
    fn paste_reads_labels_tabs_and_colons() {
        let f = form();
        let (read, unmatched) = read_paste(
            "申请人姓名：王伟\n身份证号码\t110105198006150018\n颜色: 红\n\nresidentId: x",
            &f,
            &[],
        );
        assert_eq!(read[0], ("name".to_string(), "王伟".to_string()));
        assert_eq!(read[1].0, "residentId");
        assert_eq!(read[2], ("residentId".to_string(), "x".to_string()));
        assert_eq!(unmatched, vec!["颜色: 红".to_string()]);
    }
}
