//! `<zc-retirement>`: birth date and track in, the new statutory retirement month
//! and age out, with the old one beside it, the months of delay, the flexible
//! window and the minimum contribution years, explained and cited.
//!
//! Attributes: `lang`, `large-text`, `today`, `pack`, `region`. Event:
//! `zc-change` with the `statutoryRetirement` result after each calculation.

use crate::common::*;
use crate::element::{Host, Widget};
use chrono::NaiveDate;
use yew::prelude::*;
use zhuchuang_core::dates::YearMonth;
use zhuchuang_core::pack::{RuleError, Rules};
use zhuchuang_core::retirement::{
    statutory_retirement, track_ages, track_hint, Age, RetirementQuery, RetirementResult, Track,
};
use zhuchuang_core::{t, Lang};

/// Runs `f` on the rules of the widget's region (for labels the core words from
/// the packs before any calculation); `None` when they cannot be read.
pub(crate) fn with_rules<T>(
    host: &Host,
    pack: &PackStatus,
    f: impl FnOnce(&Rules<'_>) -> Result<T, RuleError>,
) -> Option<T> {
    let region = region_for(host, pack);
    zhuchuang_web::rules::with_packs(|set| {
        let rules = set.rules(&region)?;
        Ok(f(&rules)?)
    })
    .ok()
}

/// A label that starts a line: its first letter capitalised (English names
/// are written lower case for use inside sentences).
pub(crate) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct RetirementProps {
    pub host: Host,
    pub lang: Lang,
    pub today: NaiveDate,
    pub pack: Option<String>,
}

impl Widget for RetirementElement {
    const TAG: &'static str = "zc-retirement";
    const ATTRIBUTES: &'static [&'static str] = &[];
    const BUNDLE: &'static str = "retirement";
    const TITLE: (&'static str, &'static str) = ("法定退休年龄测算", "Statutory retirement age");
    fn props(host: &Host) -> RetirementProps {
        RetirementProps {
            host: host.clone(),
            lang: host.lang(),
            today: crate::today_of(host),
            pack: host.attr("pack"),
        }
    }
}

/// "2031年5月" / "May 2031".
pub fn month_words(m: YearMonth, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::ZhCn => format!("{}年{}月", m.year(), m.month()),
        Lang::En => format!("{} {}", EN[(m.month() - 1) as usize], m.year()),
    }
}

fn age_words(a: Age, lang: Lang) -> String {
    a.text().get(lang).to_string()
}

#[derive(Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct Form {
    birth: DateParts,
    track: Option<String>,
    contributions: String,
}

fn parse(form: &Form, lang: Lang, today: NaiveDate) -> Result<RetirementQuery, Vec<FieldError>> {
    let mut errors = Vec::new();
    let birth = form
        .birth
        .parse(
            "zc-birth",
            &t!("出生日期", "date of birth"),
            lang,
            Some(today),
        )
        .map_err(|e| errors.push(e))
        .ok();
    let track = match form.track.as_deref().and_then(Track::parse) {
        Some(t) => Some(t),
        None => {
            errors.push(FieldError {
                id: "zc-track".into(),
                message: tr(lang, "请选择您属于哪一类", "Select which applies to you"),
            });
            None
        }
    };
    let contributions = form.contributions.trim();
    let contribution_months = if contributions.is_empty() {
        None
    } else {
        match contributions.parse::<u32>() {
            Ok(n) if n <= 900 => Some(n),
            _ => {
                errors.push(FieldError {
                    id: "zc-contrib".into(),
                    message: tr(
                        lang,
                        "已缴费月数应为0到900之间的整数",
                        "Months of contributions must be a whole number from 0 to 900",
                    ),
                });
                None
            }
        }
    };
    match (birth, track) {
        (Some(birth_date), Some(track)) if errors.is_empty() => Ok(RetirementQuery {
            birth_date,
            track,
            contribution_months,
        }),
        _ => Err(errors),
    }
}

/// The form field a retirement problem's `path` is about.
fn field_of(path: &str) -> Option<&'static str> {
    Some(match path {
        "birthDate" => "zc-birth-year",
        "track" => "zc-track",
        "contributionMonths" => "zc-contrib",
        _ => return None,
    })
}

#[function_component(RetirementElement)]
pub fn retirement(p: &RetirementProps) -> Html {
    let lang = p.lang;
    let form = use_saved(&p.host, String::new(), Form::default);
    let reset = {
        let form = form.clone();
        Callback::from(move |_: ()| form.set(Form::default()))
    };
    let pack = use_pack(&p.host, p.pack.clone(), lang);
    let parsed = parse(&form, lang, p.today);
    let Calculation {
        errors,
        result,
        onsubmit,
    } = use_calculation(&p.host, &pack, lang, &parsed, field_of, |q, rules| {
        Ok(statutory_retirement(q, rules, p.today, lang)?)
    });
    // The fields show the result's problems too (the result still stands).
    let at_fields: Vec<FieldError> = match &result {
        Some(Ok(r)) => r
            .problems
            .iter()
            .filter_map(|pr| {
                field_of(&pr.path).map(|id| FieldError {
                    id: id.to_string(),
                    message: pr.message.clone(),
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    let inline: Vec<FieldError> = errors.iter().chain(&at_fields).cloned().collect();
    let set_birth = on_value(&form, |f: &mut Form, d: DateParts| f.birth = d);
    let set_track = on_value(&form, |f: &mut Form, t: String| f.track = Some(t));
    let set_contrib = on_input(&form, |f, v| f.contributions = v);
    // The tracks and their ages as the core words them from the packs.
    let (track_options, track_hint) = with_rules(&p.host, &pack, |rules| {
        let options = Track::ALL
            .into_iter()
            .map(|t| RadioOption {
                value: t.key().into(),
                label: capitalised(t.label().get(lang)),
                hint: track_ages(rules, p.today, t)
                    .ok()
                    .map(|a| capitalised(a.get(lang))),
            })
            .collect::<Vec<_>>();
        Ok((options, track_hint(rules, p.today).get(lang).to_string()))
    })
    .unwrap_or_else(|| {
        let names = Track::ALL
            .into_iter()
            .map(|t| RadioOption {
                value: t.key().into(),
                label: capitalised(t.label().get(lang)),
                hint: None,
            })
            .collect();
        (names, String::new())
    });

    html! {
        <div class="zc-retirement" lang={lang.tag()}>
            <h2 class="zc-heading">{ tr(lang, "法定退休年龄测算", "Your statutory retirement age") }</h2>
            { pack_notice(&pack, lang) }
            <ErrorSummary host={p.host.clone()} {lang} errors={errors.clone()} />
            <form novalidate=true {onsubmit} class="zc-no-print">
                <DateField id="zc-birth" legend={tr(lang, "您的出生日期", "Your date of birth")} value={form.birth.clone()} onchange={set_birth} errors={inline.clone()} {lang} />
                <Radios id="zc-track" legend={tr(lang, "您属于哪一类？", "Which applies to you?")}
                    hint={track_hint}
                    options={track_options} value={form.track.clone()} onchange={set_track} errors={inline.clone()} {lang} />
                <div class="zc-field">
                    <label class="zc-label" for="zc-contrib">{ tr(lang, "已缴纳养老保险的月数（选填）", "Months of pension contributions paid so far (optional)") }</label>
                    <span class="zc-hint" id="zc-contrib-hint">{ tr(lang, "填写后可判断何时满足最低缴费年限。", "Tells you when you meet the minimum contribution years.") }</span>
                    { field_error("zc-contrib", &inline, lang) }
                    <input class="zc-input zc-short" id="zc-contrib" type="text" inputmode="numeric" autocomplete="off"
                        aria-describedby="zc-contrib-hint zc-contrib-error"
                        aria-invalid={ if inline.iter().any(|e| e.id == "zc-contrib") { "true" } else { "false" } }
                        value={form.contributions.clone()} oninput={set_contrib} />
                </div>
                <button class="zc-button" type="submit">{ tr(lang, "计算", "Calculate") }</button>
            </form>
            <div aria-live="polite">
                { match &result {
                    Some(Ok(r)) => view_result(r, &p.host, lang),
                    Some(Err(e)) => html! { <p class="zc-problem zc-error" role="alert">{ e.clone() }</p> },
                    None => html! {},
                } }
            </div>
            <div class="zc-actions zc-no-print">
                <SavedAnswers host={p.host.clone()} {lang} ondelete={reset} />
            </div>
        </div>
    }
}

/// The result's problems (an answer it could not use, and why), each linking
/// to the field to correct.
fn view_problems(r: &RetirementResult, host: &Host, lang: Lang) -> Html {
    if r.problems.is_empty() {
        return html! {};
    }
    html! {
        <div class="zc-result-problems" role="alert">
            <h3 class="zc-subheading">{ tr(lang, "请检查您填写的内容", "Check what you entered") }</h3>
            <ul class="zc-problems">
                { for r.problems.iter().map(|pr| {
                    let message = pr.message.clone();
                    match field_of(&pr.path) {
                        Some(id) => {
                            let host = host.clone();
                            let onclick = Callback::from(move |ev: MouseEvent| {
                                ev.prevent_default();
                                focus_in_shadow(&host, id);
                            });
                            html! { <li class="zc-problem zc-warning" data-code={pr.code.clone()}><a href={format!("#{id}")} {onclick}>{ message }</a></li> }
                        }
                        None => html! { <li class="zc-problem zc-warning" data-code={pr.code.clone()}>{ message }</li> },
                    }
                }) }
            </ul>
        </div>
    }
}

fn view_result(r: &RetirementResult, host: &Host, lang: Lang) -> Html {
    let onprint = {
        let host = host.clone();
        Callback::from(move |_: MouseEvent| print_only(&host))
    };
    let new_age = Age {
        years: r.age_years,
        months: r.age_months,
    };
    let rows: Vec<(String, String)> = vec![
        (
            tr(lang, "新法定退休年龄", "New statutory age"),
            t!("{}，{}", "{}, {}"; age_words(new_age, lang), month_words(r.retirement_month, lang))
                .get(lang)
                .to_string(),
        ),
        (
            tr(lang, "原法定退休年龄", "Old statutory age"),
            t!(
                "{}，{}",
                "{}, {}";
                age_words(
                    Age {
                        years: r.original.age_years,
                        months: 0
                    },
                    lang
                ),
                month_words(r.original.retirement_month, lang)
            )
            .get(lang)
            .to_string(),
        ),
        (
            tr(lang, "延迟", "Delay"),
            t!("{}个月", "{} months"; r.delay_months)
                .get(lang)
                .to_string(),
        ),
        (
            tr(
                lang,
                "最早可弹性提前退休",
                "Earliest flexible early retirement",
            ),
            t!(
                "{}（{}）",
                "{} ({})";
                month_words(r.flexible.earliest_month, lang),
                age_words(r.flexible.earliest_age, lang)
            )
            .get(lang)
            .to_string(),
        ),
        (
            tr(
                lang,
                "最晚可弹性延迟退休",
                "Latest flexible late retirement",
            ),
            t!(
                "{}（须单位同意）",
                "{} (with the employer's agreement)";
                month_words(r.flexible.latest_month, lang)
            )
            .get(lang)
            .to_string(),
        ),
        (
            tr(lang, "最低缴费年限", "Minimum contribution years"),
            t!("{}年", "{} years"; r.min_contribution_years.normalize())
                .get(lang)
                .to_string(),
        ),
    ];
    html! {
        <section class="zc-outcome zc-eligible" aria-labelledby="zc-result-title">
            <h2 id="zc-result-title">
                { tr(lang, "您将于", "You reach your statutory retirement age in ") }
                <strong>{ month_words(r.retirement_month, lang) }</strong>
                { tr(lang, "达到法定退休年龄", "") }
            </h2>
            { view_problems(r, host, lang) }
            <p class="zc-lead">{ t!("法定退休年龄 {}（比原规定晚{}个月）", "Statutory age {} ({} months later than the old rule)"; new_age.text(), r.delay_months).get(lang).to_string() }</p>
            <dl class="zc-details">
                { for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }
            </dl>
            if let Some(c) = &r.contribution {
                <p>{ if c.meets_minimum_at_retirement {
                    t!("按持续缴费计算，到退休时累计{}个月，满足最低缴费年限。", "Contributing on, you will have {} months by then: the minimum is met."; c.months_at_retirement)
                } else {
                    t!("按持续缴费计算，到退休时累计{}个月，不足最低缴费年限，可延长缴费或一次性缴费补足。", "Contributing on, you will have only {} months by then, below the minimum; you can extend or top up your contributions."; c.months_at_retirement)
                }.get(lang).to_string() }</p>
            }
            <h3 class="zc-subheading">{ tr(lang, "怎么算的", "How this was worked out") }</h3>
            <ol class="zc-steps">{ for r.explanation.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ol>
            <div class="zc-actions zc-no-print">
                <button class="zc-button zc-secondary" type="button" onclick={onprint}>{ tr(lang, "打印", "Print") }</button>
            </div>
            { caveats(&r.sourced.caveats, lang) }
            { citations(&r.sourced.citations, lang) }
            { parameters(&r.sourced.parameters, lang) }
            { pack_stamp(&r.sourced.pack, lang) }
            { print_record(&r.sourced, r.as_of, None, lang) }
        </section>
    }
}
