//! Question fields: any fact's question rendered by its type ([`QuestionField`]:
//! radios, checkboxes, a text box) and household members as a repeating group
//! ([`HouseholdField`]). The eligibility wizard and the materials questions use
//! them; the questions, choices and member statuses come from the core.

use yew::prelude::*;
use zhuchuang_core::facts::{member_statuses, MEMBER_STATUSES};
use zhuchuang_core::{t, Lang, Text};

/// The words of a yes/no answer, as the questions offer it and the answers show it.
pub fn yes_no(answer: bool) -> Text {
    if answer {
        t!("是", "Yes")
    } else {
        t!("否", "No")
    }
}

/// The status a newly added household member starts with (the core lists it first).
const NEW_MEMBER_STATUS: &str = MEMBER_STATUSES[0];

#[derive(Properties, PartialEq)]
pub struct QuestionFieldProps {
    pub question: zhuchuang_core::facts::Question,
    /// The current answer (absent when not answered).
    pub value: Option<serde_json::Value>,
    /// A new answer (`None` clears it).
    pub onchange: Callback<Option<serde_json::Value>>,
    pub lang: Lang,
    #[prop_or_default]
    pub error: Option<String>,
    /// Show the question as the page's heading (one question per page).
    #[prop_or_default]
    pub as_heading: bool,
}

/// One question of a fact, rendered by its type: radios for yes/no and choices,
/// checkboxes for several choices, a text box for numbers, amounts and text.
#[function_component(QuestionField)]
pub fn question_field(p: &QuestionFieldProps) -> Html {
    use zhuchuang_core::facts::FactKind;
    let q = &p.question;
    let id = format!("zc-q-{}", q.fact);
    let lang = p.lang;
    let hint = q.hint.clone();
    let legend = if p.as_heading {
        html! { <legend class="zc-legend"><h2 class="zc-heading">{ q.question.clone() }</h2></legend> }
    } else {
        html! { <legend class="zc-legend">{ q.question.clone() }</legend> }
    };
    let error = p.error.as_ref().map(|e| html! {
        <p class="zc-problem zc-error" id={format!("{id}-error")}><span class="zc-sr-only">{ t!("错误：", "Error: ").get(lang) }</span>{ e.clone() }</p>
    });
    let describedby = format!("{id}-hint {id}-error");
    let radios = |options: Vec<(serde_json::Value, String)>| {
        html! {
            <div class="zc-field">
                <fieldset aria-describedby={describedby.clone()}>
                    { legend.clone() }
                    if let Some(h) = &hint { <span class="zc-hint" id={format!("{id}-hint")}>{ h.clone() }</span> }
                    { error.clone().unwrap_or_default() }
                    { for options.into_iter().enumerate().map(|(i, (value, label))| {
                        let rid = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                        let onchange = p.onchange.clone();
                        let v = value.clone();
                        html! {
                            <div class="zc-radio">
                                <input type="radio" id={rid.clone()} name={id.clone()} checked={p.value.as_ref() == Some(&value)}
                                    onchange={Callback::from(move |_: Event| onchange.emit(Some(v.clone())))} />
                                <label for={rid}>{ label }</label>
                            </div>
                        }
                    }) }
                </fieldset>
            </div>
        }
    };
    match &q.kind {
        FactKind::Household => html! {
            <HouseholdField id={id.clone()} question={q.clone()} value={p.value.clone()} onchange={p.onchange.clone()} {lang} error={p.error.clone()} />
        },
        FactKind::YesNo => radios(vec![
            (
                serde_json::Value::Bool(true),
                yes_no(true).get(lang).to_string(),
            ),
            (
                serde_json::Value::Bool(false),
                yes_no(false).get(lang).to_string(),
            ),
        ]),
        FactKind::Choice { options } => radios(
            options
                .iter()
                .map(|o| (serde_json::Value::String(o.value.clone()), o.label.clone()))
                .collect(),
        ),
        FactKind::MultiChoice { options } => {
            let current: Vec<String> = p
                .value
                .as_ref()
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            html! {
                <div class="zc-field">
                    <fieldset aria-describedby={describedby.clone()}>
                        { legend.clone() }
                        <span class="zc-hint" id={format!("{id}-hint")}>
                            { hint.clone().map(|h| format!("{h} ")).unwrap_or_default() }
                            { t!("可多选；都没有的，不选，直接继续。", "Tick all that apply; if none do, leave them all unticked.").get(lang) }
                        </span>
                        { error.clone().unwrap_or_default() }
                        { for options.iter().enumerate().map(|(i, o)| {
                            let cid = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                            let checked = current.contains(&o.value);
                            let onchange = p.onchange.clone();
                            let value = o.value.clone();
                            let current = current.clone();
                            let toggle = Callback::from(move |_: Event| {
                                let mut next = current.clone();
                                if checked { next.retain(|v| v != &value) } else { next.push(value.clone()) }
                                onchange.emit(Some(serde_json::Value::Array(next.into_iter().map(serde_json::Value::String).collect())));
                            });
                            html! {
                                <div class="zc-check">
                                    <input type="checkbox" id={cid.clone()} {checked} onchange={toggle} />
                                    <label for={cid}>{ o.label.clone() }</label>
                                </div>
                            }
                        }) }
                    </fieldset>
                </div>
            }
        }
        kind => {
            let numeric = matches!(kind, FactKind::Number | FactKind::Money | FactKind::Decimal);
            let text = p
                .value
                .as_ref()
                .map(|v| match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .unwrap_or_default();
            let onchange = p.onchange.clone();
            let number = matches!(kind, FactKind::Number);
            let oninput = Callback::from(move |e: InputEvent| {
                let v = crate::element::input_value(&e.into());
                let t = v.trim().to_string();
                onchange.emit(if t.is_empty() {
                    None
                } else if number {
                    Some(
                        t.parse::<i64>()
                            .map(serde_json::Value::from)
                            .unwrap_or(serde_json::Value::String(t)),
                    )
                } else {
                    Some(serde_json::Value::String(t))
                });
            });
            let placeholder_hint = hint.clone().or_else(|| match kind {
                FactKind::Date => Some(
                    t!("格式：2026-01-31", "Format: 2026-01-31")
                        .get(lang)
                        .to_string(),
                ),
                FactKind::Month => {
                    Some(t!("格式：2026-01", "Format: 2026-01").get(lang).to_string())
                }
                FactKind::Money => Some(t!("单位：元", "In yuan").get(lang).to_string()),
                _ => None,
            });
            let label = if p.as_heading {
                html! { <h2 class="zc-heading"><label for={id.clone()}>{ q.question.clone() }</label></h2> }
            } else {
                html! { <label class="zc-label" for={id.clone()}>{ q.question.clone() }</label> }
            };
            html! {
                <div class="zc-field">
                    { label }
                    if let Some(h) = placeholder_hint { <span class="zc-hint" id={format!("{id}-hint")}>{ h }</span> }
                    { error.unwrap_or_default() }
                    <input class={classes!("zc-input", numeric.then_some("zc-short"))} id={id.clone()} type="text"
                        inputmode={ if numeric { "decimal" } else { "text" } } autocomplete="off"
                        aria-describedby={describedby} aria-invalid={ if p.error.is_some() { "true" } else { "false" } }
                        value={text} {oninput} />
                </div>
            }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct HouseholdProps {
    pub id: String,
    pub question: zhuchuang_core::facts::Question,
    pub value: Option<serde_json::Value>,
    pub onchange: Callback<Option<serde_json::Value>>,
    pub lang: Lang,
    #[prop_or_default]
    pub error: Option<String>,
}

/// Household members as a small repeating group: relation, working age, status.
#[function_component(HouseholdField)]
pub fn household_field(p: &HouseholdProps) -> Html {
    let lang = p.lang;
    let members: Vec<serde_json::Value> = p
        .value
        .as_ref()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default();
    let emit = {
        let onchange = p.onchange.clone();
        move |list: Vec<serde_json::Value>| onchange.emit(Some(serde_json::Value::Array(list)))
    };
    let add = {
        let emit = emit.clone();
        let members = members.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = members.clone();
            next.push(
                serde_json::json!({ "relation": "", "workingAge": true, "status": NEW_MEMBER_STATUS }),
            );
            emit(next);
        })
    };
    let statuses = member_statuses();
    html! {
        <div class="zc-field">
            <fieldset aria-describedby={format!("{}-hint", p.id)}>
                <legend class="zc-legend"><h2 class="zc-heading">{ p.question.question.clone() }</h2></legend>
                if let Some(h) = &p.question.hint { <span class="zc-hint" id={format!("{}-hint", p.id)}>{ h.clone() }</span> }
                if let Some(e) = &p.error { <p class="zc-problem zc-error">{ e.clone() }</p> }
                { for members.iter().enumerate().map(|(i, m)| {
                    let mid = format!("{}-{i}", p.id);
                    let set = |key: &'static str| {
                        let emit = emit.clone();
                        let members = members.clone();
                        move |v: serde_json::Value| {
                            let mut next = members.clone();
                            if let Some(o) = next.get_mut(i).and_then(|m| m.as_object_mut()) {
                                o.insert(key.into(), v);
                            }
                            emit(next);
                        }
                    };
                    let set_rel = set("relation");
                    let set_age = set("workingAge");
                    let set_status = set("status");
                    let remove = {
                        let emit = emit.clone();
                        let members = members.clone();
                        Callback::from(move |_: MouseEvent| {
                            let mut next = members.clone();
                            next.remove(i);
                            emit(next);
                        })
                    };
                    let status = m.get("status").and_then(|s| s.as_str()).unwrap_or(NEW_MEMBER_STATUS).to_string();
                    let working = m.get("workingAge").and_then(|s| s.as_bool()).unwrap_or(true);
                    html! {
                        <div class="zc-panel zc-member">
                            <p class="zc-tag">{ t!("家庭成员 {}", "Family member {}"; i + 1).get(lang) }</p>
                            <div class="zc-field zc-inline">
                                <label class="zc-label" for={format!("{mid}-relation")}>{ t!("与您的关系", "Relation to you").get(lang) }</label>
                                <input class="zc-input" id={format!("{mid}-relation")} type="text" autocomplete="off"
                                    value={m.get("relation").and_then(|s| s.as_str()).unwrap_or_default().to_string()}
                                    oninput={Callback::from(move |e: InputEvent| set_rel(serde_json::Value::String(crate::element::input_value(&e.into()))))} />
                            </div>
                            <div class="zc-check">
                                <input type="checkbox" id={format!("{mid}-age")} checked={working}
                                    onchange={Callback::from(move |_: Event| set_age(serde_json::Value::Bool(!working)))} />
                                <label for={format!("{mid}-age")}>{ t!("在法定劳动年龄内且有劳动能力", "Of working age and able to work").get(lang) }</label>
                            </div>
                            <div class="zc-field zc-inline">
                                <label class="zc-label" for={format!("{mid}-status")}>{ t!("目前状况", "What they do now").get(lang) }</label>
                                <select class="zc-select" id={format!("{mid}-status")}
                                    onchange={Callback::from(move |e: Event| set_status(serde_json::Value::String(crate::element::input_value(&e))))}>
                                    { for statuses.iter().map(|c| html! { <option value={c.value.clone()} selected={status == c.value}>{ c.text.get(lang) }</option> }) }
                                </select>
                            </div>
                            <button type="button" class="zc-link" onclick={remove}>{ t!("删除家庭成员 {}", "Remove family member {}"; i + 1).get(lang) }</button>
                        </div>
                    }
                }) }
                <button type="button" class="zc-button zc-secondary" onclick={add}>{ t!("添加家庭成员", "Add a family member").get(lang) }</button>
            </fieldset>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn household_statuses_are_the_cores_and_a_new_member_starts_at_the_first() {
        let statuses = member_statuses();
        let values: Vec<&str> = statuses.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(values, MEMBER_STATUSES);
        assert_eq!(NEW_MEMBER_STATUS, "unemployed");
        assert!(statuses
            .iter()
            .all(|c| !c.text.zh.is_empty() && !c.text.en.is_empty()));
    }
}

/// Moves focus to `heading` whenever the question asked (`asking`, a fact id)
/// changes, so a screen reader announces the new page (GOV.UK's one question
/// a page); not when the widget first appears, where it would take focus from
/// the host page. The eligibility wizard and the policy finder use it.
#[hook]
pub fn use_focus_on_question(heading: &NodeRef, asking: String) {
    let heading = heading.clone();
    let first = use_mut_ref(|| true);
    use_effect_with(asking, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    });
}

/// The answer a question page submits, read as its fact's type: the value
/// entered, or for boxes none of which is ticked "none of these" (an empty
/// list). `Err` carries the message to show at the question (nothing entered,
/// or what [`Facts::parse`](zhuchuang_core::facts::Facts::parse) says of it).
/// The eligibility wizard and the policy finder use it.
pub fn read_answer(
    fact: &str,
    value: Option<serde_json::Value>,
    kind: &zhuchuang_core::facts::FactKind,
    defs: &[zhuchuang_core::facts::FactDef],
    lang: Lang,
) -> Result<serde_json::Value, Option<String>> {
    let none_ticked = matches!(kind, zhuchuang_core::facts::FactKind::MultiChoice { .. })
        .then(|| serde_json::Value::Array(Vec::new()));
    let Some(v) = value.or(none_ticked) else {
        return Err(Some(
            t!("请回答这个问题后继续", "Answer the question to continue")
                .get(lang)
                .to_string(),
        ));
    };
    let one = serde_json::json!({ fact: v.clone() });
    if let Err(problems) = zhuchuang_core::facts::Facts::parse(&one, defs) {
        return Err(problems.first().map(|x| x.message.get(lang).to_string()));
    }
    Ok(v)
}
