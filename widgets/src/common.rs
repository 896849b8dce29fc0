//! Pieces every widget shares: the page context (language, dates, region, local
//! pack), GOV.UK-style form parts (error summary, date fields, radios), and the
//! parts of an explained answer (criteria, explanation, citations, packs used).

use crate::element::Host;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;
use yew::prelude::*;
use zhuchuang_core::pack::{Citation, PackStamp, ParamRef, Status};
use zhuchuang_core::{Lang, Text};

/// Picks the string for `lang`.
pub fn tr(lang: Lang, zh: &str, en: &str) -> String {
    Text::new(zh, en).get(lang).to_string()
}

/// The state of a widget's `pack` attribute.
#[derive(Clone, PartialEq)]
pub enum PackStatus {
    /// No `pack` attribute: national defaults (and any packs loaded by the page).
    None,
    Loading,
    /// Loaded; the region the pack governs.
    Ready {
        region: String,
        title: String,
    },
    /// The pack could not be fetched or is invalid; national defaults stay in force.
    Failed(String),
}

thread_local! {
    /// Pack URLs already fetched by any widget on the page, with their outcome.
    static FETCHED: RefCell<HashMap<String, PackStatus>> = RefCell::new(HashMap::new());
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response".to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".into())
}

fn load_text(text: &str, lang: Lang) -> PackStatus {
    match zhuchuang_web::rules::with_packs(|set| {
        set.load(text).map_err(zhuchuang_web::ApiError::from)
    }) {
        Ok(report) => PackStatus::Ready {
            region: report.pack.region.clone(),
            title: report.pack.id.clone(),
        },
        Err(e) => PackStatus::Failed(e.text.get(lang).to_string()),
    }
}

/// Fetches and loads the widget's `pack` URL once per page (same origin, no
/// credentials beyond the page's own), and reports its state.
#[hook]
pub fn use_pack(url: Option<String>, lang: Lang) -> PackStatus {
    let status = use_state(|| match &url {
        None => PackStatus::None,
        Some(u) => FETCHED
            .with(|f| f.borrow().get(u).cloned())
            .unwrap_or(PackStatus::Loading),
    });
    {
        let status = status.clone();
        use_effect_with(url.clone(), move |url| match url.clone() {
            None => status.set(PackStatus::None),
            Some(u) => {
                if let Some(done) = FETCHED.with(|f| f.borrow().get(&u).cloned()) {
                    status.set(done);
                } else {
                    status.set(PackStatus::Loading);
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = match fetch_text(&u).await {
                            Ok(text) => load_text(&text, lang),
                            Err(e) => PackStatus::Failed(e),
                        };
                        FETCHED.with(|f| f.borrow_mut().insert(u, result.clone()));
                        status.set(result);
                    });
                }
            }
        });
    }
    (*status).clone()
}

/// The region a widget works for: its `region` attribute, else the region of
/// its loaded pack, else national.
pub fn region_for(host: &Host, pack: &PackStatus) -> String {
    host.attr("region").unwrap_or_else(|| match pack {
        PackStatus::Ready { region, .. } => region.clone(),
        _ => zhuchuang_core::pack::NATIONAL.to_string(),
    })
}

/// What [`use_calculation`] gives a calculator widget.
pub struct Calculation<R> {
    /// The form's errors, once the person has pressed the button.
    pub errors: Vec<FieldError>,
    /// The result (or the error message, in the widget's language), once the
    /// form is submitted, parses, and any `pack` has loaded.
    pub result: Option<Result<R, String>>,
    /// The form's `onsubmit`.
    pub onsubmit: Callback<SubmitEvent>,
}

/// The cycle every calculator widget shares: nothing is shown until the form
/// is submitted; then the parse errors, or `compute` run against the rules of
/// the widget's region, and `zc-change` fired with each new result (its
/// `detail` is what the JS API would return).
#[hook]
pub fn use_calculation<Q, R, F>(
    host: &Host,
    pack: &PackStatus,
    lang: Lang,
    parsed: &Result<Q, Vec<FieldError>>,
    compute: F,
) -> Calculation<R>
where
    R: serde::Serialize + Clone + PartialEq + 'static,
    F: FnOnce(&Q, &zhuchuang_core::pack::Rules<'_>) -> Result<R, zhuchuang_web::ApiError>,
{
    let submitted = use_state(|| false);
    let region = region_for(host, pack);
    let errors = match (parsed, *submitted) {
        (Err(e), true) => e.clone(),
        _ => Vec::new(),
    };
    let result = match (parsed, *submitted) {
        (Ok(q), true) if *pack != PackStatus::Loading => Some(
            zhuchuang_web::rules::with_packs(|set| {
                let rules = set.rules(&region)?;
                compute(q, &rules)
            })
            .map_err(|e| e.text.get(lang).to_string()),
        ),
        _ => None,
    };
    {
        let host = host.clone();
        let ok = result.as_ref().and_then(|r| r.as_ref().ok()).cloned();
        use_effect_with(ok, move |ok| {
            if let Some(r) = ok {
                host.emit("zc-change", &zhuchuang_web::to_js(r));
            }
        });
    }
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        submitted.set(true);
    });
    Calculation {
        errors,
        result,
        onsubmit,
    }
}

/// An `oninput` that writes the field's text into the form with `f`.
pub fn on_input<F: Clone + 'static>(
    form: &UseStateHandle<F>,
    f: fn(&mut F, String),
) -> Callback<InputEvent> {
    let form = form.clone();
    Callback::from(move |e: InputEvent| {
        let mut next = (*form).clone();
        f(&mut next, crate::element::input_value(&e.into()));
        form.set(next);
    })
}

/// A callback that writes a value (a date, a choice) into the form with `f`.
pub fn on_value<F: Clone + 'static, V: 'static>(
    form: &UseStateHandle<F>,
    f: fn(&mut F, V),
) -> Callback<V> {
    let form = form.clone();
    Callback::from(move |v: V| {
        let mut next = (*form).clone();
        f(&mut next, v);
        form.set(next);
    })
}

/// A note under the form about the pack (loading, failed).
pub fn pack_notice(status: &PackStatus, lang: Lang) -> Html {
    match status {
        PackStatus::Loading => {
            html! { <p class="zc-note" role="status">{ tr(lang, "正在加载本地政策参数…", "Loading local rules…") }</p> }
        }
        PackStatus::Failed(e) => html! {
            <p class="zc-problem zc-warning" role="status">
                { tr(lang, "本地政策参数未能加载，下面按全国默认参数计算：", "The local rules could not be loaded; national defaults are used: ") }{ e.clone() }
            </p>
        },
        _ => html! {},
    }
}

/// Focuses the element with `id` inside the widget's shadow root.
pub fn focus_in_shadow(host: &Host, id: &str) {
    if let Some(root) = host.0.shadow_root() {
        if let Some(el) = root.get_element_by_id(id) {
            if let Ok(el) = el.dyn_into::<HtmlElement>() {
                let _ = el.focus();
            }
        }
    }
}

/// A field error for the error summary: the field's id and the message.
#[derive(Clone, PartialEq)]
pub struct FieldError {
    pub id: String,
    pub message: String,
}

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub host: Host,
    pub lang: Lang,
    pub errors: Vec<FieldError>,
}

/// GOV.UK-style error summary: focused when shown; each error links to its field.
#[function_component(ErrorSummary)]
pub fn error_summary(p: &ErrorSummaryProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(p.errors.clone(), move |errors| {
            if !errors.is_empty() {
                if let Some(el) = node.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    if p.errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="zc-error-summary" tabindex="-1" role="alert" aria-labelledby="zc-error-summary-title" ref={node}>
            <h2 id="zc-error-summary-title">{ tr(p.lang, "请修改以下问题", "There is a problem") }</h2>
            <ul>
                { for p.errors.iter().map(|e| {
                    let host = p.host.clone();
                    let id = e.id.clone();
                    let onclick = Callback::from(move |ev: MouseEvent| {
                        ev.prevent_default();
                        focus_in_shadow(&host, &id);
                    });
                    html! { <li><a href={format!("#{}", e.id)} {onclick}>{ e.message.clone() }</a></li> }
                }) }
            </ul>
        </div>
    }
}

/// Inline error message above a field (GOV.UK pattern).
pub fn field_error(id: &str, errors: &[FieldError], lang: Lang) -> Html {
    match errors
        .iter()
        .find(|e| e.id == id || e.id.starts_with(&format!("{id}-")))
    {
        Some(e) => html! {
            <p class="zc-problem zc-error" id={format!("{id}-error")}>
                <span class="zc-sr-only">{ tr(lang, "错误：", "Error: ") }</span>{ e.message.clone() }
            </p>
        },
        None => html! {},
    }
}

fn has_error(id: &str, errors: &[FieldError]) -> bool {
    errors
        .iter()
        .any(|e| e.id == id || e.id.starts_with(&format!("{id}-")))
}

/// Value of a date typed in three boxes.
#[derive(Clone, Default, PartialEq)]
pub struct DateParts {
    pub year: String,
    pub month: String,
    pub day: String,
}

impl DateParts {
    pub fn from_date(d: chrono::NaiveDate) -> DateParts {
        use chrono::Datelike;
        DateParts {
            year: d.year().to_string(),
            month: d.month().to_string(),
            day: d.day().to_string(),
        }
    }

    /// Parses the three parts; `Err` says what is wrong in plain words.
    /// `id` is the date field\'s id; an error points at the box to fix. A date
    /// after `not_after` (e.g. today, for a birth date) is an error.
    pub fn parse(
        &self,
        id: &str,
        what: &Text,
        lang: Lang,
        not_after: Option<chrono::NaiveDate>,
    ) -> Result<chrono::NaiveDate, FieldError> {
        let (y, m, d) = (self.year.trim(), self.month.trim(), self.day.trim());
        let fail = |part: &str, zh: String, en: String| FieldError {
            id: format!("{id}{part}"),
            message: Text::new(zh, en).get(lang).to_string(),
        };
        if y.is_empty() && m.is_empty() && d.is_empty() {
            return Err(fail(
                "-year",
                format!("请填写{}", what.zh),
                format!("Enter the {}", what.en),
            ));
        }
        let num = |s: &str| s.parse::<u32>().ok();
        let Some(year) = num(y).filter(|_| y.len() == 4) else {
            return Err(fail(
                "-year",
                format!("{}的年份应为4位数字", what.zh),
                format!("The {} must include a 4-digit year", what.en),
            ));
        };
        let Some(month) = num(m).filter(|m| (1..=12).contains(m)) else {
            return Err(fail(
                "-month",
                format!("{}的月份应为1–12", what.zh),
                format!("The {} must include a month from 1 to 12", what.en),
            ));
        };
        let Some(day) = num(d) else {
            return Err(fail(
                "-day",
                format!("{}的日应为数字", what.zh),
                format!("The {} must include a day", what.en),
            ));
        };
        let Some(date) = chrono::NaiveDate::from_ymd_opt(year as i32, month, day) else {
            return Err(fail(
                "-day",
                format!("{}不是真实存在的日期", what.zh),
                format!("The {} must be a real date", what.en),
            ));
        };
        if not_after.is_some_and(|t| date > t) {
            return Err(fail(
                "-year",
                format!("{}不能晚于今天", what.zh),
                format!("The {} must be today or in the past", what.en),
            ));
        }
        Ok(date)
    }
}

#[derive(Properties, PartialEq)]
pub struct DateFieldProps {
    pub id: String,
    pub legend: String,
    #[prop_or_default]
    pub hint: Option<String>,
    pub value: DateParts,
    pub onchange: Callback<DateParts>,
    pub errors: Vec<FieldError>,
    pub lang: Lang,
}

/// A date as three boxes (年 / 月 / 日), the GOV.UK date-input pattern.
#[function_component(DateField)]
pub fn date_field(p: &DateFieldProps) -> Html {
    let lang = p.lang;
    let part = |suffix: &'static str, label: String, width: &'static str, value: String| {
        let id = format!("{}-{suffix}", p.id);
        let onchange = p.onchange.clone();
        let current = p.value.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = crate::element::input_value(&e.into());
            let mut next = current.clone();
            match suffix {
                "year" => next.year = v,
                "month" => next.month = v,
                _ => next.day = v,
            }
            onchange.emit(next);
        });
        let invalid = has_error(&p.id, &p.errors);
        let describedby = format!("{}-hint {}-error", p.id, p.id);
        html! {
            <div class={classes!("zc-date-item", width)}>
                <label class="zc-label" for={id.clone()}>{ label }</label>
                <input class="zc-input" id={id} type="text" inputmode="numeric" autocomplete="off"
                    aria-describedby={describedby} aria-invalid={ if invalid { "true" } else { "false" } }
                    value={value} {oninput} />
            </div>
        }
    };
    html! {
        <div class="zc-field">
            <fieldset role="group" aria-describedby={format!("{}-hint", p.id)}>
                <legend class="zc-legend">{ p.legend.clone() }</legend>
                <span class="zc-hint" id={format!("{}-hint", p.id)}>{ p.hint.clone().unwrap_or_else(|| tr(lang, "例如 1970 3 15", "For example, 1970 3 15")) }</span>
                { field_error(&p.id, &p.errors, lang) }
                <div class="zc-date">
                    { part("year", tr(lang, "年", "Year"), "zc-w4", p.value.year.clone()) }
                    { part("month", tr(lang, "月", "Month"), "zc-w2", p.value.month.clone()) }
                    { part("day", tr(lang, "日", "Day"), "zc-w2", p.value.day.clone()) }
                </div>
            </fieldset>
        </div>
    }
}

/// One radio option.
#[derive(Clone, PartialEq)]
pub struct RadioOption {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

#[derive(Properties, PartialEq)]
pub struct RadiosProps {
    pub id: String,
    pub legend: String,
    #[prop_or_default]
    pub hint: Option<String>,
    pub options: Vec<RadioOption>,
    pub value: Option<String>,
    pub onchange: Callback<String>,
    pub errors: Vec<FieldError>,
    pub lang: Lang,
}

/// A radio group in a fieldset with legend, hint and inline error.
#[function_component(Radios)]
pub fn radios(p: &RadiosProps) -> Html {
    let hint_id = format!("{}-hint", p.id);
    html! {
        <div class="zc-field">
            <fieldset aria-describedby={format!("{hint_id} {}-error", p.id)}>
                <legend class="zc-legend">{ p.legend.clone() }</legend>
                if let Some(h) = &p.hint { <span class="zc-hint" id={hint_id.clone()}>{ h.clone() }</span> }
                { field_error(&p.id, &p.errors, p.lang) }
                { for p.options.iter().enumerate().map(|(i, o)| {
                    // The first radio carries the group's id, so the error summary can focus it.
                    let id = if i == 0 { p.id.clone() } else { format!("{}-{}", p.id, i) };
                    let value = o.value.clone();
                    let onchange = p.onchange.clone();
                    let onclick = Callback::from(move |_: Event| onchange.emit(value.clone()));
                    html! {
                        <div class="zc-radio">
                            <input type="radio" id={id.clone()} name={p.id.clone()} value={o.value.clone()}
                                checked={p.value.as_deref() == Some(o.value.as_str())} onchange={onclick} />
                            <label for={id}>
                                { o.label.clone() }
                                if let Some(h) = &o.hint { <span class="zc-hint">{ h.clone() }</span> }
                            </label>
                        </div>
                    }
                }) }
            </fieldset>
        </div>
    }
}

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
        <p class="zc-problem zc-error" id={format!("{id}-error")}><span class="zc-sr-only">{ tr(lang, "错误：", "Error: ") }</span>{ e.clone() }</p>
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
            (serde_json::Value::Bool(true), tr(lang, "是", "Yes")),
            (serde_json::Value::Bool(false), tr(lang, "否", "No")),
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
                            { tr(lang, "可多选；都没有的，不选，直接继续。", "Tick all that apply; if none do, leave them all unticked.") }
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
                FactKind::Date => Some(tr(lang, "格式：2026-01-31", "Format: 2026-01-31")),
                FactKind::Month => Some(tr(lang, "格式：2026-01", "Format: 2026-01")),
                FactKind::Money => Some(tr(lang, "单位：元", "In yuan")),
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
                serde_json::json!({ "relation": "", "workingAge": true, "status": "unemployed" }),
            );
            emit(next);
        })
    };
    let statuses: [(&str, Text); 8] = [
        (
            "unemployed",
            Text::new("失业（已登记）", "unemployed (registered)"),
        ),
        ("employed", Text::new("在单位就业", "employed")),
        (
            "selfEmployed",
            Text::new("个体经营或灵活就业", "self-employed or flexible work"),
        ),
        ("farming", Text::new("务农", "farming")),
        ("student", Text::new("在校学生", "student")),
        ("retired", Text::new("已退休", "retired")),
        ("soldier", Text::new("服兵役", "in military service")),
        ("other", Text::new("其他", "other")),
    ];
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
                    let status = m.get("status").and_then(|s| s.as_str()).unwrap_or("unemployed").to_string();
                    let working = m.get("workingAge").and_then(|s| s.as_bool()).unwrap_or(true);
                    html! {
                        <div class="zc-panel zc-member">
                            <p class="zc-tag">{ Text::new(format!("家庭成员 {}", i + 1), format!("Family member {}", i + 1)).get(lang).to_string() }</p>
                            <div class="zc-field zc-inline">
                                <label class="zc-label" for={format!("{mid}-relation")}>{ tr(lang, "与您的关系", "Relation to you") }</label>
                                <input class="zc-input" id={format!("{mid}-relation")} type="text" autocomplete="off"
                                    value={m.get("relation").and_then(|s| s.as_str()).unwrap_or_default().to_string()}
                                    oninput={Callback::from(move |e: InputEvent| set_rel(serde_json::Value::String(crate::element::input_value(&e.into()))))} />
                            </div>
                            <div class="zc-check">
                                <input type="checkbox" id={format!("{mid}-age")} checked={working}
                                    onchange={Callback::from(move |_: Event| set_age(serde_json::Value::Bool(!working)))} />
                                <label for={format!("{mid}-age")}>{ tr(lang, "在法定劳动年龄内且有劳动能力", "Of working age and able to work") }</label>
                            </div>
                            <div class="zc-field zc-inline">
                                <label class="zc-label" for={format!("{mid}-status")}>{ tr(lang, "目前状况", "What they do now") }</label>
                                <select class="zc-select" id={format!("{mid}-status")}
                                    onchange={Callback::from(move |e: Event| set_status(serde_json::Value::String(crate::element::input_value(&e))))}>
                                    { for statuses.iter().map(|(v, t)| html! { <option value={*v} selected={status == *v}>{ t.get(lang).to_string() }</option> }) }
                                </select>
                            </div>
                            <button type="button" class="zc-link" onclick={remove}>{ Text::new(format!("删除家庭成员 {}", i + 1), format!("Remove family member {}", i + 1)).get(lang).to_string() }</button>
                        </div>
                    }
                }) }
                <button type="button" class="zc-button zc-secondary" onclick={add}>{ tr(lang, "添加家庭成员", "Add a family member") }</button>
            </fieldset>
        </div>
    }
}

/// The citations of a result, as a list.
pub fn citations(list: &[Citation], lang: Lang) -> Html {
    if list.is_empty() {
        return html! {};
    }
    html! {
        <details class="zc-sources">
            <summary>{ tr(lang, "政策依据", "Sources") }</summary>
            <ul>
                { for list.iter().map(|c| html! {
                    <li>
                        <strong>{ c.document.clone() }</strong>
                        if let Some(t) = &c.title { { format!(" 《{t}》") } }
                        if let Some(a) = &c.article { { format!(" {a}") } }
                        if let Some(n) = &c.note { <span class="zc-cite">{ n.clone() }</span> }
                    </li>
                }) }
            </ul>
        </details>
    }
}

/// The parameters a result used, with their status and source.
pub fn parameters(list: &[ParamRef], lang: Lang) -> Html {
    if list.is_empty() {
        return html! {};
    }
    let status = |s: Status| match s {
        Status::Verified => tr(lang, "已核实", "verified"),
        Status::Secondary => tr(lang, "二手来源", "secondary source"),
        Status::Unsure => tr(lang, "未确认", "unconfirmed"),
        Status::LocalPractice => tr(lang, "地方做法", "local practice"),
    };
    html! {
        <details class="zc-sources">
            <summary>{ tr(lang, "所用参数", "Parameters used") }</summary>
            <ul>
                { for list.iter().map(|p| html! {
                    <li>
                        { format!("{}：{}", p.label, p.value) }
                        <span class="zc-cite">{ format!("{} · {} · {} {} · {}", p.citation.document, status(p.status), tr(lang, "自", "from"), p.effective_from, if p.locality == "000000" { tr(lang, "全国", "national") } else { p.locality.clone() }) }</span>
                    </li>
                }) }
            </ul>
        </details>
    }
}

/// Which packs a result used (version and short hash), and whether any is an example.
pub fn pack_stamp(stamp: &PackStamp, lang: Lang) -> Html {
    let names: Vec<String> = stamp
        .packs
        .iter()
        .map(|p| {
            format!(
                "{}@{}{}",
                p.id,
                p.version,
                if p.example {
                    tr(lang, "（示例）", " (example)")
                } else {
                    String::new()
                }
            )
        })
        .collect();
    html! {
        <p class="zc-note">
            { tr(lang, "规则包：", "Rule packs: ") }{ names.join(" + ") }{ " · " }<code>{ stamp.hash.chars().take(12).collect::<String>() }</code>
        </p>
    }
}

/// A list of caveats (unsure values, example packs).
pub fn caveats(list: &[String], lang: Lang) -> Html {
    if list.is_empty() {
        return html! {};
    }
    html! {
        <div class="zc-caveats">
            <p class="zc-tag">{ tr(lang, "请注意", "Please note") }</p>
            <ul>{ for list.iter().map(|c| html! { <li>{ c.clone() }</li> }) }</ul>
        </div>
    }
}

/// Prints only this widget: a document-level print stylesheet (constructed, so no
/// CSP exception) hides the rest of the page while the host is marked.
pub fn print_only(host: &Host) {
    let _ = host.0.set_attribute("data-zc-print", "");
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    install_print_sheet(&document);
    let host2 = host.0.clone();
    let done = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = host2.remove_attribute("data-zc-print");
    });
    let _ = window.add_event_listener_with_callback("afterprint", done.unchecked_ref());
    let _ = window.print();
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function zc_install_print_sheet(doc) {
  if (doc.__zcPrintSheet) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@media print {
    body *:not(:has([data-zc-print])):not([data-zc-print]) { display: none !important; }
    body * { visibility: hidden !important; }
    [data-zc-print] { visibility: visible !important; position: absolute !important; left: 0; top: 0;
      width: 100%; max-width: none !important; margin: 0 !important; }
  }`);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  doc.__zcPrintSheet = sheet;
}
"#)]
extern "C" {
    fn zc_install_print_sheet(doc: &web_sys::Document);
}

fn install_print_sheet(doc: &web_sys::Document) {
    zc_install_print_sheet(doc);
}
