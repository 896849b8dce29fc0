//! `<zc-id-check kind="residentId">`: a labelled input that checks an identity or
//! registration number as it is typed, explains each problem in plain words and
//! shows what the number says (birth date, gender, region; department and type
//! for a credit code; category and grade for a disability certificate).
//!
//! Attributes: `kind` (`residentId` default, `uscc`, `disabilityCert`,
//! `bankCard`, `mobile`, `socialSecurityCard`), `label`, `hint`, `value`, `lang`, `today`,
//! `large-text`. Event: `zc-change`, `detail` = the `validateId` result.

use crate::element::{Host, Widget};
use chrono::NaiveDate;
use yew::prelude::*;
use zhuchuang_core::ids::{validate_id, IdCheck, IdKind, IdOptions, Severity};
use zhuchuang_core::{t, Lang, Text};

#[derive(Properties, PartialEq, Clone)]
pub struct IdCheckProps {
    pub host: Host,
    pub kind: IdKind,
    pub lang: Lang,
    pub label: Option<String>,
    pub hint: Option<String>,
    pub value: String,
    pub today: NaiveDate,
}

impl Widget for IdCheckElement {
    const TAG: &'static str = "zc-id-check";
    const ATTRIBUTES: &'static [&'static str] = &["kind", "label", "hint", "value"];
    const BUNDLE: &'static str = "id-check";
    const TITLE: (&'static str, &'static str) = ("证件号码核对", "Check an ID number");
    fn props(host: &Host) -> IdCheckProps {
        IdCheckProps {
            host: host.clone(),
            kind: host
                .attr("kind")
                .and_then(|k| IdKind::parse(&k))
                .unwrap_or(IdKind::ResidentId),
            lang: host.lang(),
            label: host.attr("label"),
            hint: host.attr("hint"),
            value: host.attr("value").unwrap_or_default(),
            today: crate::today_of(host),
        }
    }
}

/// The number of characters a complete number has, to hold back "too short"
/// until the person has finished typing.
fn full_length(kind: IdKind) -> usize {
    match kind {
        IdKind::ResidentId | IdKind::Uscc => 18,
        IdKind::DisabilityCert => 20,
        IdKind::BankCard => 16,
        IdKind::Mobile => 11,
        IdKind::SocialSecurityCard => 9,
    }
}

fn hint(kind: IdKind) -> Text {
    match kind {
        IdKind::ResidentId => t!(
            "18位，最后一位可能是 X。可以带空格输入。",
            "18 characters; the last may be X. Spaces are fine."
        ),
        IdKind::Uscc => t!(
            "18位，见营业执照左上角。",
            "18 characters, printed at the top left of the business licence."
        ),
        IdKind::DisabilityCert => t!(
            "20位：身份证号加残疾类别和等级两位数字。",
            "20 characters: the ID number, then the category and grade digits."
        ),
        IdKind::BankCard => t!(
            "银行卡正面的16–19位数字。",
            "The 16–19 digits on the front of the card."
        ),
        IdKind::Mobile => t!("11位手机号码。", "An 11-digit mobile number."),
        IdKind::SocialSecurityCard => t!(
            "社会保障卡正面印的卡号（一般为9位），不是卡上的银行账号。",
            "The card number printed on the front of the social security card (usually 9 characters), not its bank account."
        ),
    }
}

#[function_component(IdCheckElement)]
pub fn id_check(props: &IdCheckProps) -> Html {
    let lang = props.lang;
    let value = use_state(|| props.value.clone());
    let touched = use_state(|| false);
    let options = IdOptions {
        lang,
        today: Some(props.today),
    };
    let check: IdCheck = validate_id(props.kind, &value, &options);

    // Tell the page about every new result.
    {
        let host = props.host.clone();
        let check = check.clone();
        use_effect_with((check.clone(), lang), move |_| {
            host.emit("zc-change", &zhuchuang_web::to_js(&check));
        });
    }

    let complete = value.chars().filter(|c| !c.is_whitespace()).count() >= full_length(props.kind);
    let show_all = *touched || complete;
    let empty = value.trim().is_empty();
    let shown: Vec<_> = check
        .problems
        .iter()
        .filter(|p| !empty && (show_all || p.code == "character"))
        .cloned()
        .collect();
    let has_error = shown.iter().any(|p| p.severity == Severity::Error);

    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            value.set(crate::element::input_value(&e.into()));
        })
    };
    let onblur = {
        let touched = touched.clone();
        Callback::from(move |_: FocusEvent| touched.set(true))
    };

    let label = props
        .label
        .clone()
        .unwrap_or_else(|| props.kind.label().get(lang).to_string());
    let hint_text = props
        .hint
        .clone()
        .unwrap_or_else(|| hint(props.kind).get(lang).to_string());
    let inputmode = match props.kind {
        IdKind::BankCard => "numeric",
        IdKind::Mobile => "tel",
        _ => "text",
    };
    let tag = |sev: Severity| match sev {
        Severity::Error => t!("错误：", "Error: "),
        Severity::Warning => t!("提示：", "Note: "),
    };
    let status = if empty || !show_all {
        String::new()
    } else if has_error {
        let n = shown
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        t!("有{}个问题需要修改。", "{} problem(s) to fix."; n)
            .get(lang)
            .to_string()
    } else {
        t!("号码校验通过。", "The number checks out.")
            .get(lang)
            .to_string()
    };

    html! {
        <div class="zc-field" lang={lang.tag()}>
            <label class="zc-label" for="zc-input">{ label }</label>
            <span class="zc-hint" id="zc-hint">{ hint_text }</span>
            <input
                class="zc-input"
                id="zc-input"
                type="text"
                inputmode={inputmode}
                autocomplete="off"
                autocapitalize="characters"
                spellcheck="false"
                aria-describedby="zc-hint zc-problems"
                aria-invalid={ if has_error { "true" } else { "false" } }
                value={(*value).clone()}
                {oninput}
                {onblur}
            />
            <div id="zc-problems">
                if !shown.is_empty() {
                    <ul class="zc-problems">
                        { for shown.iter().map(|p| {
                            let class = match p.severity {
                                Severity::Error => "zc-problem zc-error",
                                Severity::Warning => "zc-problem zc-warning",
                            };
                            html! {
                                <li class={class} data-code={p.code.clone()}>
                                    <span class="zc-tag">{ tag(p.severity).get(lang) }</span>{ p.message.clone() }
                                </li>
                            }
                        }) }
                    </ul>
                }
            </div>
            <div class="zc-sr-only" role="status" aria-live="polite">{ status }</div>
            if check.valid && show_all && !empty {
                { details(&check, lang) }
            }
        </div>
    }
}

fn details(check: &IdCheck, lang: Lang) -> Html {
    let d = &check.details;
    let mut rows: Vec<(Text, String)> =
        vec![(t!("规范写法", "Normalised"), check.normalized.clone())];
    if let Some(b) = d.birth_date {
        rows.push((t!("出生日期", "Birth date"), b.to_string()));
    }
    if let Some(g) = d.gender {
        rows.push((t!("性别", "Gender"), g.label().get(lang).to_string()));
    }
    if let Some(code) = &d.region_code {
        let name = d.region_name.clone().unwrap_or_else(|| {
            t!("（代码表中没有）", "(not in the table)")
                .get(lang)
                .to_string()
        });
        rows.push((t!("地区", "Region"), format!("{code} {name}")));
    }
    if let (Some(code), Some(name)) = (&d.department, &d.department_name) {
        rows.push((
            t!("登记管理部门", "Registration department"),
            format!("{code} {name}"),
        ));
    }
    if let (Some(code), Some(name)) = (&d.type_code, &d.type_name) {
        rows.push((
            t!("机构类别", "Organisation type"),
            format!("{code} {name}"),
        ));
    }
    if let (Some(c), Some(name)) = (d.category, &d.category_name) {
        rows.push((t!("残疾类别", "Disability category"), format!("{c} {name}")));
    }
    if let (Some(g), Some(name)) = (d.grade, &d.grade_name) {
        rows.push((t!("残疾等级", "Disability grade"), format!("{g} {name}")));
    }
    if let Some(n) = &d.network {
        rows.push((t!("卡组织", "Card network"), n.clone()));
    }
    html! {
        <dl class="zc-details" aria-label={ t!("号码信息", "What the number says").get(lang).to_string() }>
            { for rows.into_iter().map(|(k, v)| html! {
                <>
                    <dt>{ k.get(lang).to_string() }</dt>
                    <dd>{ v }</dd>
                </>
            }) }
        </dl>
    }
}
