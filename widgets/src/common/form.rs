//! GOV.UK-style form parts: the error summary (focused when shown, each error
//! linking to its field), inline field errors, a date as three boxes
//! ([`DateField`], parsed by [`DateParts::parse`]) and a radio group ([`Radios`]).

use crate::element::Host;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;
use zhuchuang_core::{t, Lang, Text};

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
#[derive(Clone, Debug, PartialEq)]
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
            <h2 id="zc-error-summary-title">{ t!("请修改以下问题", "There is a problem").get(p.lang) }</h2>
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
                <span class="zc-sr-only">{ t!("错误：", "Error: ").get(lang) }</span>{ e.message.clone() }
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

/// `s` trimmed, full-width digits (０–９) as ASCII digits.
fn ascii_digits(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// Value of a date typed in three boxes.
#[derive(Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
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

    /// The date, when the whole of it is in the year box and the other two are
    /// empty (`1978/03/10`, `19780310`, `1978年3月10日`, full-width digits).
    pub fn whole_date(&self) -> Option<chrono::NaiveDate> {
        let y = self.year.trim();
        (self.month.trim().is_empty() && self.day.trim().is_empty() && y.chars().count() > 4)
            .then(|| zhuchuang_core::dates::read_date(y).ok())
            .flatten()
    }

    /// Parses the three parts; `Err` says what is wrong in plain words.
    /// `id` is the date field's id; an error points at the box to fix. A date
    /// after `not_after` (e.g. today, for a birth date) is an error.
    pub fn parse(
        &self,
        id: &str,
        what: &Text,
        lang: Lang,
        not_after: Option<chrono::NaiveDate>,
    ) -> Result<chrono::NaiveDate, FieldError> {
        let (y, m, d) = (
            ascii_digits(&self.year),
            ascii_digits(&self.month),
            ascii_digits(&self.day),
        );
        let (y, m, d) = (y.as_str(), m.as_str(), d.as_str());
        let fail = |part: &str, message: Text| FieldError {
            id: format!("{id}{part}"),
            message: message.get(lang).to_string(),
        };
        if y.is_empty() && m.is_empty() && d.is_empty() {
            return Err(fail("-year", t!("请填写{}", "Enter the {}"; what)));
        }
        // A whole date typed (or pasted) into the first box, as the core reads
        // dates: 1978/03/10, 19780310, 1978年3月10日.
        if let Some(date) = self.whole_date() {
            if not_after.is_some_and(|t| date > t) {
                return Err(fail(
                    "-year",
                    t!("{}不能晚于今天", "The {} must be today or in the past"; what),
                ));
            }
            return Ok(date);
        }
        let num = |s: &str| s.parse::<u32>().ok();
        let Some(year) = num(y).filter(|_| y.len() == 4) else {
            return Err(fail(
                "-year",
                t!("{}的年份应为4位数字", "The {} must include a 4-digit year"; what),
            ));
        };
        let Some(month) = num(m).filter(|m| (1..=12).contains(m)) else {
            return Err(fail(
                "-month",
                t!("{}的月份应为1–12", "The {} must include a month from 1 to 12"; what),
            ));
        };
        let Some(day) = num(d) else {
            return Err(fail(
                "-day",
                t!("{}的日应为数字", "The {} must include a day"; what),
            ));
        };
        let Some(date) = chrono::NaiveDate::from_ymd_opt(year as i32, month, day) else {
            return Err(fail(
                "-day",
                t!("{}不是真实存在的日期", "The {} must be a real date"; what),
            ));
        };
        if not_after.is_some_and(|t| date > t) {
            return Err(fail(
                "-year",
                t!("{}不能晚于今天", "The {} must be today or in the past"; what),
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
        // A whole date typed in the year box is spread over the three boxes
        // once the person leaves it.
        let onchange = (suffix == "year").then(|| {
            let onchange = p.onchange.clone();
            let current = p.value.clone();
            Callback::from(move |e: Event| {
                let typed = DateParts {
                    year: crate::element::input_value(&e),
                    ..current.clone()
                };
                if let Some(date) = typed.whole_date() {
                    onchange.emit(DateParts::from_date(date));
                }
            })
        });
        let invalid = has_error(&p.id, &p.errors);
        let describedby = format!("{}-hint {}-error", p.id, p.id);
        html! {
            <div class={classes!("zc-date-item", width)}>
                <label class="zc-label" for={id.clone()}>{ label }</label>
                <input class="zc-input" id={id} type="text" inputmode="numeric" autocomplete="off"
                    aria-describedby={describedby} aria-invalid={ if invalid { "true" } else { "false" } }
                    value={value} {oninput} {onchange} />
            </div>
        }
    };
    html! {
        <div class="zc-field">
            <fieldset role="group" aria-describedby={format!("{}-hint", p.id)}>
                <legend class="zc-legend">{ p.legend.clone() }</legend>
                <span class="zc-hint" id={format!("{}-hint", p.id)}>{ p.hint.clone().unwrap_or_else(|| t!("例如 1970 3 15", "For example, 1970 3 15").get(lang).to_string()) }</span>
                { field_error(&p.id, &p.errors, lang) }
                <div class="zc-date">
                    { part("year", t!("年", "Year").get(lang).to_string(), "zc-w4", p.value.year.clone()) }
                    { part("month", t!("月", "Month").get(lang).to_string(), "zc-w2", p.value.month.clone()) }
                    { part("day", t!("日", "Day").get(lang).to_string(), "zc-w2", p.value.day.clone()) }
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn parts(y: &str, m: &str, d: &str) -> DateParts {
        DateParts {
            year: y.into(),
            month: m.into(),
            day: d.into(),
        }
    }

    #[test]
    fn a_date_in_three_boxes_parses_or_points_at_the_box_to_fix() {
        let what = t!("出生日期", "date of birth");
        let today = NaiveDate::from_ymd_opt(2026, 3, 1);
        let parse = |p: DateParts, lang| p.parse("dob", &what, lang, today);
        assert_eq!(
            parse(parts("1970", "3", "15"), Lang::ZhCn),
            Ok(NaiveDate::from_ymd_opt(1970, 3, 15).unwrap())
        );
        let cases = [
            (
                parts("", "", ""),
                "dob-year",
                "请填写出生日期",
                "Enter the date of birth",
            ),
            (
                parts("70", "3", "15"),
                "dob-year",
                "出生日期的年份应为4位数字",
                "The date of birth must include a 4-digit year",
            ),
            (
                parts("1970", "13", "1"),
                "dob-month",
                "出生日期的月份应为1–12",
                "The date of birth must include a month from 1 to 12",
            ),
            (
                parts("1970", "2", "x"),
                "dob-day",
                "出生日期的日应为数字",
                "The date of birth must include a day",
            ),
            (
                parts("1970", "2", "30"),
                "dob-day",
                "出生日期不是真实存在的日期",
                "The date of birth must be a real date",
            ),
            (
                parts("2027", "1", "1"),
                "dob-year",
                "出生日期不能晚于今天",
                "The date of birth must be today or in the past",
            ),
        ];
        let day = NaiveDate::from_ymd_opt(1978, 3, 10).unwrap();
        for typed in [
            "1978/03/10",
            "19780310",
            "1978年3月10日",
            "１９７８．０３．１０",
        ] {
            assert_eq!(parse(parts(typed, "", ""), Lang::En), Ok(day), "{typed}");
        }
        assert_eq!(parse(parts("１９７８", "３", "１０"), Lang::En), Ok(day));
        for (p, id, zh, en) in cases {
            let e = parse(p.clone(), Lang::ZhCn).unwrap_err();
            assert_eq!((e.id.as_str(), e.message.as_str()), (id, zh));
            assert_eq!(parse(p, Lang::En).unwrap_err().message, en);
        }
    }
}
