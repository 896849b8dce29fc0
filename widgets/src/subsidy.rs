//! `<zc-subsidy program="flexibleDifficult">`: enter the dates and the monthly
//! contributions; see how long and how much: a timeline from start to end with
//! today and the retirement month marked, the month-by-month table, a CSV
//! download of the table and a print view.
//!
//! Attributes: `program` (`flexibleDifficult` default, `flexibleGraduate`,
//! `employerDifficult`, `publicWelfarePost`), `lang`, `large-text`, `today`,
//! `pack`, `region`. Event: `zc-change` with the `subsidyPlan` result.

use crate::common::*;
use crate::element::{Host, Widget};
use crate::retirement::{capitalised, with_rules};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use zhuchuang_core::dates::{read_date, YearMonth};
use zhuchuang_core::event::{event_label, EventKind};
use zhuchuang_core::retirement::{track_label, Track};
use zhuchuang_core::subsidy::{
    plan, to_csv, Contributions, KindAmounts, Person, PlanInput, Program, StopEvent, SubsidyPlan,
};
use zhuchuang_core::{t, Lang, Text};

#[derive(Properties, PartialEq, Clone)]
pub struct SubsidyProps {
    pub host: Host,
    pub lang: Lang,
    pub today: NaiveDate,
    pub pack: Option<String>,
    pub program: Program,
}

impl Widget for SubsidyElement {
    const TAG: &'static str = "zc-subsidy";
    const ATTRIBUTES: &'static [&'static str] = &["program"];
    const BUNDLE: &'static str = "subsidy";
    const TITLE: (&'static str, &'static str) = ("补贴测算", "Subsidy: how long and how much");
    fn props(host: &Host) -> SubsidyProps {
        let program = match host.attr("program").as_deref() {
            Some("flexibleGraduate") => Program::FlexibleGraduate,
            Some("employerDifficult") => Program::EmployerDifficult,
            Some("publicWelfarePost") => Program::PublicWelfarePost,
            _ => Program::FlexibleDifficult,
        };
        SubsidyProps {
            host: host.clone(),
            lang: host.lang(),
            today: crate::today_of(host),
            pack: host.attr("pack"),
            program,
        }
    }
}

#[derive(Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct Form {
    birth: DateParts,
    track: Option<String>,
    approved: DateParts,
    used: String,
    pension: String,
    medical: String,
    unemployment: String,
    stop_kind: String,
    stop_date: String,
}

const STOP_KINDS: [EventKind; 7] = [
    EventKind::EmployedByUnit,
    EventKind::OtherUnitPaysInsurance,
    EventKind::StoppedFlexibleWork,
    EventKind::StoppedContributing,
    EventKind::IncomeAtAverageWage,
    EventKind::Imprisoned,
    EventKind::PensionStarted,
];

fn money(
    s: &str,
    id: &str,
    label: &Text,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> Option<Decimal> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    match s.parse::<Decimal>() {
        Ok(d) if !d.is_sign_negative() => Some(d),
        _ => {
            errors.push(FieldError {
                id: id.into(),
                message: t!(
                    "{}应为金额，如 800 或 800.50",
                    "{} must be an amount, e.g. 800 or 800.50";
                    label
                )
                .get(lang)
                .to_string(),
            });
            None
        }
    }
}

fn parse(
    form: &Form,
    program: Program,
    lang: Lang,
    today: NaiveDate,
) -> Result<PlanInput, Vec<FieldError>> {
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
    let approved = form
        .approved
        .parse(
            "zc-approved",
            &t!("首次核定日期", "first approval date"),
            lang,
            None,
        )
        .map_err(|e| errors.push(e))
        .ok();
    let track = match form.track.as_deref().and_then(Track::parse) {
        Some(t) => Some(t),
        None => {
            errors.push(FieldError {
                id: "zc-track".into(),
                message: tr(
                    lang,
                    "请选择退休年龄类别",
                    "Select the retirement-age track",
                ),
            });
            None
        }
    };
    let used = match form.used.trim() {
        "" => 0,
        s => s.parse::<u32>().unwrap_or_else(|_| {
            errors.push(FieldError {
                id: "zc-used".into(),
                message: tr(
                    lang,
                    "已享受月数应为整数",
                    "Months received must be a whole number",
                ),
            });
            0
        }),
    };
    let per = KindAmounts {
        pension: money(
            &form.pension,
            "zc-pension",
            &t!("养老保险缴费", "pension contribution"),
            lang,
            &mut errors,
        ),
        medical: money(
            &form.medical,
            "zc-medical",
            &t!("医疗保险缴费", "medical contribution"),
            lang,
            &mut errors,
        ),
        unemployment: money(
            &form.unemployment,
            "zc-unemployment",
            &t!("失业保险缴费", "unemployment contribution"),
            lang,
            &mut errors,
        ),
    };
    if per.pension.is_none()
        && per.medical.is_none()
        && per.unemployment.is_none()
        && !errors.iter().any(|e| e.id == "zc-pension")
    {
        errors.push(FieldError {
            id: "zc-pension".into(),
            message: tr(
                lang,
                "请至少填写一项每月缴费金额",
                "Enter at least one monthly contribution",
            ),
        });
    }
    let mut events = Vec::new();
    if !form.stop_kind.is_empty() {
        // Read as people type dates (2026/03/10, 20260310, 2026年3月10日).
        match read_date(&form.stop_date) {
            Ok(date) => {
                if let Some(kind) = STOP_KINDS
                    .iter()
                    .find(|k| format!("{k:?}") == form.stop_kind)
                {
                    events.push(StopEvent { kind: *kind, date });
                }
            }
            Err(e) => errors.push(FieldError {
                id: "zc-stop-date".into(),
                message: e
                    .message(Some(&t!("停止日期", "stop date")))
                    .get(lang)
                    .to_string(),
            }),
        }
    }
    match (birth, approved, track) {
        (Some(b), Some(a), Some(t)) if errors.is_empty() => Ok(PlanInput {
            program,
            person: Person {
                birth_date: b,
                retirement_track: t,
            },
            first_approved_on: a,
            start_on: None,
            months_used: used,
            contributions: Contributions {
                per_month: Some(per),
                ..Default::default()
            },
            events,
        }),
        _ => Err(errors),
    }
}

/// The form field a plan error's `path` is about (`firstApprovedOn` → the
/// first-approval date, `contributions.perMonth.pension` → the pension box).
fn field_of(path: &str) -> Option<&'static str> {
    if path.starts_with("events[") {
        return Some("zc-stop-date");
    }
    Some(match path {
        "person.birthDate" => "zc-birth-year",
        "person.retirementTrack" => "zc-track",
        "firstApprovedOn" | "startOn" => "zc-approved-year",
        "monthsUsed" => "zc-used",
        "contributions.perMonth.pension" => "zc-pension",
        "contributions.perMonth.medical" => "zc-medical",
        "contributions.perMonth.unemployment" => "zc-unemployment",
        _ => return None,
    })
}

#[function_component(SubsidyElement)]
pub fn subsidy_widget(p: &SubsidyProps) -> Html {
    let lang = p.lang;
    let form = use_saved(&p.host, format!("{:?}", p.program), Form::default);
    let pack = use_pack(&p.host, p.pack.clone(), lang);
    let reset = {
        let form = form.clone();
        Callback::from(move |_: ()| form.set(Form::default()))
    };
    let parsed = parse(&form, p.program, lang, p.today);
    let Calculation {
        errors,
        result,
        onsubmit,
    } = use_calculation(&p.host, &pack, lang, &parsed, field_of, |q, rules| {
        Ok(plan(q, rules, p.today, lang)?)
    });
    let set = |f: fn(&mut Form, String)| on_input(&form, f);
    let set_date = |f: fn(&mut Form, DateParts)| on_value(&form, f);
    let set_track = on_value(&form, |f: &mut Form, t: String| f.track = Some(t));
    let set_stop_kind = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            form.set(Form {
                stop_kind: crate::element::input_value(&e),
                ..(*form).clone()
            })
        })
    };
    let text_field = |id: &str,
                      label: String,
                      value: String,
                      oninput: Callback<InputEvent>,
                      short: bool| {
        let invalid = errors.iter().any(|e| e.id == id);
        html! {
            <div class="zc-field">
                <label class="zc-label" for={id.to_string()}>{ label }</label>
                { field_error(id, &errors, lang) }
                <input class={classes!("zc-input", short.then_some("zc-short"))} id={id.to_string()} type="text" inputmode="decimal" autocomplete="off"
                    aria-describedby={format!("{id}-error")} aria-invalid={ if invalid { "true" } else { "false" } } {value} {oninput} />
            </div>
        }
    };
    let employer = matches!(
        p.program,
        Program::EmployerDifficult | Program::PublicWelfarePost
    );
    // The tracks with their ages, as the core words them from the packs.
    let tracks: Vec<RadioOption> = Track::ALL
        .into_iter()
        .map(|t| RadioOption {
            value: t.key().into(),
            label: capitalised(
                with_rules(&p.host, &pack, |rules| track_label(rules, p.today, t))
                    .unwrap_or_else(|| t.label())
                    .get(lang),
            ),
            hint: None,
        })
        .collect();
    let title = match p.program {
        Program::FlexibleDifficult => tr(
            lang,
            "灵活就业社会保险补贴测算",
            "Flexible employment social insurance subsidy",
        ),
        Program::FlexibleGraduate => tr(
            lang,
            "高校毕业生灵活就业社保补贴测算",
            "Recent graduates' social insurance subsidy",
        ),
        Program::EmployerDifficult => tr(
            lang,
            "单位社会保险补贴测算",
            "Employer's social insurance subsidy",
        ),
        Program::PublicWelfarePost => tr(lang, "公益性岗位补贴测算", "Public-welfare post subsidy"),
    };
    let onprint = {
        let host = p.host.clone();
        Callback::from(move |_: MouseEvent| print_only(&host))
    };

    html! {
        <div class="zc-subsidy" lang={lang.tag()}>
            <h2 class="zc-heading">{ title }</h2>
            { pack_notice(&pack, lang) }
            <ErrorSummary host={p.host.clone()} {lang} errors={errors.clone()} />
            <form novalidate=true {onsubmit} class="zc-no-print">
                <DateField id="zc-birth" legend={ if employer { tr(lang, "安置人员的出生日期", "The person's date of birth") } else { tr(lang, "您的出生日期", "Your date of birth") } }
                    value={form.birth.clone()} onchange={set_date(|f, d| f.birth = d)} errors={errors.clone()} {lang} />
                <Radios id="zc-track" legend={tr(lang, "退休年龄类别", "Retirement-age track")} options={tracks} value={form.track.clone()} onchange={set_track} errors={errors.clone()} {lang} />
                <DateField id="zc-approved" legend={tr(lang, "首次核定享受补贴的日期", "Date the subsidy was first approved")}
                    hint={tr(lang, "是否延长至退休，按首次核定时的年龄判断。", "Whether it runs until retirement is judged on this date.")}
                    value={form.approved.clone()} onchange={set_date(|f, d| f.approved = d)} errors={errors.clone()} {lang} />
                { text_field("zc-used", tr(lang, "此前已享受的月数（没有填 0）", "Months already received (0 if none)"), form.used.clone(), set(|f, v| f.used = v), true) }
                <fieldset class="zc-field">
                    <legend class="zc-legend">{ if employer { tr(lang, "单位每月缴费（元）", "The employer's monthly contributions (yuan)") } else { tr(lang, "每月实际缴费（元）", "Monthly contributions actually paid (yuan)") } }</legend>
                    { text_field("zc-pension", tr(lang, "基本养老保险", "Basic pension"), form.pension.clone(), set(|f, v| f.pension = v), true) }
                    { text_field("zc-medical", tr(lang, "基本医疗保险", "Basic medical"), form.medical.clone(), set(|f, v| f.medical = v), true) }
                    { text_field("zc-unemployment", tr(lang, "失业保险", "Unemployment"), form.unemployment.clone(), set(|f, v| f.unemployment = v), true) }
                </fieldset>
                <details class="zc-sources">
                    <summary>{ tr(lang, "已停止享受？（选填）", "Has it stopped? (optional)") }</summary>
                    <div class="zc-field">
                        <label class="zc-label" for="zc-stop-kind">{ tr(lang, "原因", "Reason") }</label>
                        <select class="zc-select" id="zc-stop-kind" onchange={set_stop_kind}>
                            <option value="" selected={form.stop_kind.is_empty()}>{ tr(lang, "（没有停止）", "(it has not stopped)") }</option>
                            { for STOP_KINDS.iter().map(|k| html! { <option value={format!("{k:?}")} selected={form.stop_kind == format!("{k:?}")}>{ event_label(*k).get(lang).to_string() }</option> }) }
                        </select>
                    </div>
                    { text_field("zc-stop-date", tr(lang, "停止日期（如 2026-03-10）", "Date it stopped (for example 2026-03-10)"), form.stop_date.clone(), set(|f, v| f.stop_date = v), true) }
                </details>
                <button class="zc-button" type="submit">{ tr(lang, "计算", "Calculate") }</button>
            </form>
            <div aria-live="polite">
                { match &result {
                    Some(Ok(r)) => view_plan(r, p.today, lang, onprint),
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

fn month_words(m: YearMonth, lang: Lang) -> String {
    crate::retirement::month_words(m, lang)
}

/// The timeline: the period as a bar, with today and the retirement month marked.
fn timeline(r: &SubsidyPlan, today: NaiveDate, lang: Lang) -> Html {
    let now = YearMonth::of(today);
    let from = r.start_month.min(now);
    let to = r.end_month.max(r.retirement_month).max(now) + 1;
    let span = (to - from).max(1) as f64;
    // Across in per cent of the width, down in em: the labels keep the widget's
    // type size (large text included) however narrow the screen, where a
    // viewBox would shrink them with the drawing.
    let x = |m: YearMonth| 1.5 + 97.0 * f64::from(m - from) / span;
    let pct = |v: f64| format!("{v:.2}%");
    let (bx, bw) = (
        x(r.start_month),
        (x(r.end_month + 1) - x(r.start_month)).max(0.2),
    );
    let label = t!(
        "时间轴：补贴 {} 至 {}；今天 {}；法定退休 {}。",
        "Timeline: subsidy {} to {}; today {}; statutory retirement {}.";
        r.start_month, r.end_month, now, r.retirement_month
    )
    .get(lang)
    .to_string();
    let marker = |m: YearMonth, text: String, class: &'static str| {
        let xm = pct(x(m));
        html! {
            <g class={class}>
                <line x1={xm.clone()} x2={xm.clone()} y1="1.2em" y2="3.9em" />
                <text x={xm} y="0.95em" text-anchor="middle">{ text }</text>
            </g>
        }
    };
    html! {
        <svg class="zc-timeline" role="img" aria-label={label}>
            <rect class="zc-axis" x={pct(x(from))} y="2.45em" width={pct(x(to) - x(from))} height="0.25em" />
            if r.months > 0 {
                <rect class="zc-bar" x={pct(bx)} y="1.9em" width={pct(bw)} height="1.35em" />
            }
            <text class="zc-tl-label" x={pct(bx)} y="5.1em">{ r.start_month.to_string() }</text>
            <text class="zc-tl-label" x={pct(x(r.end_month + 1))} y="5.1em" text-anchor="end">{ r.end_month.to_string() }</text>
            { marker(now, tr(lang, "今天", "today"), "zc-today") }
            { marker(r.retirement_month, tr(lang, "退休", "retirement"), "zc-retire") }
        </svg>
    }
}

fn download_csv(r: &SubsidyPlan, lang: Lang) {
    let csv = to_csv(r, lang);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&csv));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(a) = doc.create_element("a") {
            if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
                a.set_href(&url);
                a.set_download(&format!("subsidy-{}-{}.csv", r.start_month, r.end_month));
                a.click();
            }
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn view_plan(r: &SubsidyPlan, today: NaiveDate, lang: Lang, onprint: Callback<MouseEvent>) -> Html {
    let f = |d: Option<Decimal>| d.map(zhuchuang_core::money::yuan).unwrap_or_default();
    let has_post = r.monthly.iter().any(|l| l.post.is_some());
    let has_cap = r.monthly.iter().any(|l| l.cap_adjustment.is_some());
    let ondownload = {
        let r = r.clone();
        Callback::from(move |_: MouseEvent| download_csv(&r, lang))
    };
    let words = |m: YearMonth| t!(month_words(m, Lang::ZhCn), month_words(m, Lang::En));
    let until = if r.until_retirement {
        t!("（延长至退休）", " (until retirement)")
    } else {
        t!("", "")
    };
    let headline = t!(
        "补贴期限 {} 至 {}，共{}个月{}；合计 {} 元",
        "From {} to {}: {} months{}; {} yuan in all";
        words(r.start_month),
        words(r.end_month),
        r.months,
        until,
        zhuchuang_core::money::yuan(r.total)
    );
    html! {
        <section class="zc-outcome zc-eligible" aria-labelledby="zc-plan-title">
            <h2 id="zc-plan-title">{ headline.get(lang).to_string() }</h2>
            if let Some(s) = &r.stopped_by { <p>{ format!("{}{}", tr(lang, "提前停止：", "Stopped early: "), s) }</p> }
            { timeline(r, today, lang) }
            <ol class="zc-steps">{ for r.explanation.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ol>
            <p class="zc-scroll-hint" aria-hidden="true">{ tr(lang, "表格较宽，可左右滑动查看各列 ⇆", "The table is wide: swipe sideways to see every column ⇆") }</p>
            <div class="zc-table-wrap" tabindex="0" role="region" aria-labelledby="zc-table-caption">
                <table class="zc-table">
                    <caption id="zc-table-caption">{ tr(lang, "逐月补贴（元）", "Month by month (yuan)") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, "月份", "Month") }</th>
                            <th scope="col">{ tr(lang, "养老", "Pension") }</th>
                            <th scope="col">{ tr(lang, "医疗", "Medical") }</th>
                            <th scope="col">{ tr(lang, "失业", "Unemployment") }</th>
                            if has_post { <th scope="col">{ tr(lang, "岗位补贴", "Post") }</th> }
                            if has_cap { <th scope="col">{ tr(lang, "上限调整", "Cap") }</th> }
                            <th scope="col">{ tr(lang, "当月合计", "Month total") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for r.monthly.iter().map(|l| html! {
                            <tr>
                                <th scope="row">{ l.month.to_string() }</th>
                                <td>{ f(l.insurance.pension) }</td>
                                <td>{ f(l.insurance.medical) }</td>
                                <td>{ f(l.insurance.unemployment) }</td>
                                if has_post { <td>{ f(l.post) }</td> }
                                if has_cap { <td>{ f(l.cap_adjustment) }</td> }
                                <td>{ zhuchuang_core::money::yuan(l.subsidy) }</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{ tr(lang, "合计", "Total") }</th>
                            <td>{ f(r.totals.pension) }</td>
                            <td>{ f(r.totals.medical) }</td>
                            <td>{ f(r.totals.unemployment) }</td>
                            if has_post { <td>{ f(r.post_total) }</td> }
                            if has_cap { <td></td> }
                            <td>{ zhuchuang_core::money::yuan(r.total) }</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <div class="zc-actions zc-no-print">
                <button class="zc-button zc-secondary" type="button" onclick={ondownload}>{ tr(lang, "下载表格（CSV）", "Download the table (CSV)") }</button>
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
