//! `<zc-loan>`: the guaranteed-loan quote with its schedule table and a chart of
//! the borrower's and the treasury's interest over time; `<zc-loan-screening>`:
//! the project screening questionnaire for staff and founders.
//!
//! Attributes (both): `lang`, `large-text`, `today`, `pack`, `region`. Events:
//! `zc-change` with the `loanQuote` result, or the `screenProject` result.

use crate::common::*;
use crate::element::{Host, Widget};
use crate::retirement::with_rules;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use yew::prelude::*;
use zhuchuang_core::facts::Facts;
use zhuchuang_core::loan::{self, quote, Borrower, LoanQuote, QuoteInput, Repayment};
use zhuchuang_core::money::yuan;
use zhuchuang_core::screening::{self, ScreeningResult};
use zhuchuang_core::{t, Lang};

#[derive(Properties, PartialEq, Clone)]
pub struct LoanProps {
    pub host: Host,
    pub lang: Lang,
    pub today: NaiveDate,
    pub pack: Option<String>,
}

fn loan_props(host: &Host) -> LoanProps {
    LoanProps {
        host: host.clone(),
        lang: host.lang(),
        today: crate::today_of(host),
        pack: host.attr("pack"),
    }
}

impl Widget for LoanElement {
    const TAG: &'static str = "zc-loan";
    const ATTRIBUTES: &'static [&'static str] = &[];
    const BUNDLE: &'static str = "loan";
    const TITLE: (&'static str, &'static str) = ("创业担保贷款测算", "Guaranteed loan quote");
    fn props(host: &Host) -> LoanProps {
        loan_props(host)
    }
}

impl Widget for LoanScreeningElement {
    const TAG: &'static str = "zc-loan-screening";
    const ATTRIBUTES: &'static [&'static str] = &[];
    const BUNDLE: &'static str = "loan";
    const TITLE: (&'static str, &'static str) = ("创业项目筛选", "Project screening");
    fn props(host: &Host) -> LoanProps {
        loan_props(host)
    }
}

#[derive(Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct Form {
    borrower: Option<String>,
    partners: String,
    jobs: String,
    amount: String,
    term: String,
    date: DateParts,
    rate: String,
    repayment: Option<String>,
    previous: String,
}

fn parse(form: &Form, lang: Lang) -> Result<QuoteInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let err = |errors: &mut Vec<FieldError>, id: &str, zh: &str, en: &str| {
        errors.push(FieldError {
            id: id.into(),
            message: tr(lang, zh, en),
        })
    };
    let borrower = match form.borrower.as_deref() {
        Some("individual") => Some(Borrower::Individual),
        Some("partnership") => Some(Borrower::Partnership),
        Some("enterprise") => Some(Borrower::Enterprise),
        _ => {
            err(
                &mut errors,
                "zc-borrower",
                "请选择借款人类型",
                "Select who borrows",
            );
            None
        }
    };
    let number = |s: &str| s.trim().parse::<u32>().ok();
    let partners = if borrower == Some(Borrower::Partnership) {
        match number(&form.partners) {
            Some(n) if n > 0 => Some(n),
            _ => {
                err(
                    &mut errors,
                    "zc-partners",
                    "请填写符合条件的合伙人人数",
                    "Enter the number of eligible partners",
                );
                None
            }
        }
    } else {
        None
    };
    let jobs = if form.jobs.trim().is_empty() {
        None
    } else {
        number(&form.jobs).or_else(|| {
            err(
                &mut errors,
                "zc-jobs",
                "带动就业人数应为整数",
                "Jobs created must be a whole number",
            );
            None
        })
    };
    let amount = match form.amount.trim().parse::<Decimal>() {
        Ok(a) if a > Decimal::ZERO => Some(a),
        _ => {
            err(
                &mut errors,
                "zc-amount",
                "请填写贷款金额（元），如 200000",
                "Enter the amount in yuan, e.g. 200000",
            );
            None
        }
    };
    let term = match number(&form.term) {
        Some(t) if t > 0 => Some(t),
        _ => {
            err(
                &mut errors,
                "zc-term",
                "请填写贷款期限（月），如 24",
                "Enter the term in months, e.g. 24",
            );
            None
        }
    };
    let date = form
        .date
        .parse("zc-date", &t!("合同签订日期", "contract date"), lang, None)
        .map_err(|e| errors.push(e))
        .ok();
    let rate = if form.rate.trim().is_empty() {
        None
    } else {
        match form.rate.trim().trim_end_matches('%').parse::<Decimal>() {
            Ok(r) if r > Decimal::ZERO => Some(r),
            _ => {
                err(
                    &mut errors,
                    "zc-rate",
                    "年利率应为百分数，如 3.5",
                    "The rate is a percentage, e.g. 3.5",
                );
                None
            }
        }
    };
    let repayment = match form.repayment.as_deref() {
        Some("interestMonthly") => Some(Repayment::InterestMonthly),
        Some("interestQuarterly") => Some(Repayment::InterestQuarterly),
        Some("equalInstalments") => Some(Repayment::EqualInstalments),
        Some("equalPrincipal") => Some(Repayment::EqualPrincipal),
        _ => {
            err(
                &mut errors,
                "zc-repayment",
                "请选择还款方式",
                "Select how it is repaid",
            );
            None
        }
    };
    let previous = if form.previous.trim().is_empty() {
        Some(0)
    } else {
        number(&form.previous)
    };
    if previous.is_none() {
        err(
            &mut errors,
            "zc-previous",
            "次数应为整数",
            "Must be a whole number",
        );
    }
    match (borrower, amount, term, date, repayment, previous) {
        (Some(b), Some(a), Some(t), Some(d), Some(r), Some(p)) if errors.is_empty() => {
            Ok(QuoteInput {
                borrower: b,
                partners,
                jobs_created: jobs,
                amount: a,
                term_months: t,
                contract_date: d,
                annual_rate: rate,
                repayment: r,
                previous_subsidised_loans: p,
                refinancing: false,
                overdue_periods: Vec::new(),
                extension_months: 0,
            })
        }
        _ => Err(errors),
    }
}

/// The form field a quote error's `path` is about (`annualRate` → the rate box).
fn field_of(path: &str) -> Option<&'static str> {
    Some(match path {
        "borrower" => "zc-borrower",
        "partners" => "zc-partners",
        "jobsCreated" => "zc-jobs",
        "amount" => "zc-amount",
        "termMonths" => "zc-term",
        "contractDate" => "zc-date-year",
        "annualRate" => "zc-rate",
        "repayment" => "zc-repayment",
        "previousSubsidisedLoans" => "zc-previous",
        _ => return None,
    })
}

#[function_component(LoanElement)]
pub fn loan_widget(p: &LoanProps) -> Html {
    let lang = p.lang;
    let today = p.today;
    let fresh = move || Form {
        date: DateParts::from_date(today),
        ..Default::default()
    };
    let form = use_saved(&p.host, String::new(), fresh);
    let reset = {
        let form = form.clone();
        Callback::from(move |_: ()| form.set(fresh()))
    };
    let pack = use_pack(&p.host, p.pack.clone(), lang);
    let parsed = parse(&form, lang);
    let Calculation {
        errors,
        result,
        onsubmit,
    } = use_calculation(&p.host, &pack, lang, &parsed, field_of, |q, rules| {
        Ok(quote(q, rules, lang)?)
    });
    // The longest terms, as the core words them from the packs in force on the
    // contract date given (or today).
    let on = parsed.as_ref().map_or(today, |q| q.contract_date);
    let term_hint = with_rules(&p.host, &pack, |rules| loan::term_hint(rules, on))
        .map(|h| h.get(lang).to_string());
    let set = |f: fn(&mut Form, String)| on_input(&form, f);
    let pick = |f: fn(&mut Form, String)| on_value(&form, f);
    let set_date = on_value(&form, |f: &mut Form, d: DateParts| f.date = d);
    let text = |id: &str,
                label: String,
                hint: Option<String>,
                value: String,
                oninput: Callback<InputEvent>| {
        let invalid = errors.iter().any(|e| e.id == id);
        html! {
            <div class="zc-field">
                <label class="zc-label" for={id.to_string()}>{ label }</label>
                if let Some(h) = hint { <span class="zc-hint" id={format!("{id}-hint")}>{ h }</span> }
                { field_error(id, &errors, lang) }
                <input class="zc-input zc-short" id={id.to_string()} type="text" inputmode="decimal" autocomplete="off"
                    aria-describedby={format!("{id}-hint {id}-error")} aria-invalid={ if invalid { "true" } else { "false" } } {value} {oninput} />
            </div>
        }
    };
    let borrowers = vec![
        RadioOption {
            value: "individual".into(),
            label: tr(lang, "个人创业", "An individual"),
            hint: None,
        },
        RadioOption {
            value: "partnership".into(),
            label: tr(lang, "合伙创业", "A partnership"),
            hint: None,
        },
        RadioOption {
            value: "enterprise".into(),
            label: tr(lang, "小微企业", "A small or micro enterprise"),
            hint: None,
        },
    ];
    let methods = vec![
        RadioOption {
            value: "interestMonthly".into(),
            label: tr(
                lang,
                "按月付息、到期还本",
                "Interest monthly, principal at the end",
            ),
            hint: None,
        },
        RadioOption {
            value: "interestQuarterly".into(),
            label: tr(
                lang,
                "按季付息、到期还本",
                "Interest quarterly, principal at the end",
            ),
            hint: None,
        },
        RadioOption {
            value: "equalInstalments".into(),
            label: tr(lang, "等额本息", "Equal instalments"),
            hint: Some(tr(lang, "每月还款额相同", "The same payment every month")),
        },
        RadioOption {
            value: "equalPrincipal".into(),
            label: tr(lang, "等额本金", "Equal principal"),
            hint: Some(tr(
                lang,
                "每月还本相同，利息逐月减少",
                "The same principal each month; interest falls",
            )),
        },
    ];
    html! {
        <div class="zc-loan" lang={lang.tag()}>
            <h2 class="zc-heading">{ tr(lang, "创业担保贷款测算", "Entrepreneurship guaranteed loan: your quote") }</h2>
            { pack_notice(&pack, lang) }
            <ErrorSummary host={p.host.clone()} {lang} errors={errors.clone()} />
            <form novalidate=true {onsubmit} class="zc-no-print">
                <Radios id="zc-borrower" legend={tr(lang, "谁来借款？", "Who borrows?")} options={borrowers} value={form.borrower.clone()} onchange={pick(|f, v| f.borrower = Some(v))} errors={errors.clone()} {lang} />
                if form.borrower.as_deref() == Some("partnership") {
                    { text("zc-partners", tr(lang, "符合条件的合伙人人数", "Eligible partners"), None, form.partners.clone(), set(|f, v| f.partners = v)) }
                }
                { text("zc-amount", tr(lang, "申请金额（元）", "Amount (yuan)"), None, form.amount.clone(), set(|f, v| f.amount = v)) }
                { text("zc-term", tr(lang, "期限（月）", "Term (months)"), term_hint, form.term.clone(), set(|f, v| f.term = v)) }
                <DateField id="zc-date" legend={tr(lang, "合同签订日期", "Contract date")} hint={tr(lang, "利率按签订日的一年期 LPR 确定。", "The rate follows the 1-year LPR on this date.")} value={form.date.clone()} onchange={set_date} errors={errors.clone()} {lang} />
                { text("zc-rate", tr(lang, "年利率（%，选填）", "Annual rate (%, optional)"), Some(tr(lang, "按百分数填写，如 3.5；不填则按当地利率上限计算。", "In percent a year, for example 3.5. Leave empty to use the local cap.")), form.rate.clone(), set(|f, v| f.rate = v)) }
                <Radios id="zc-repayment" legend={tr(lang, "还款方式", "Repayment")} options={methods} value={form.repayment.clone()} onchange={pick(|f, v| f.repayment = Some(v))} errors={errors.clone()} {lang} />
                { text("zc-jobs", tr(lang, "已带动就业人数（选填）", "Jobs created (optional)"), Some(tr(lang, "部分城市对带动就业较多的提高额度。", "Some cities raise the cap for job creators.")), form.jobs.clone(), set(|f, v| f.jobs = v)) }
                { text("zc-previous", tr(lang, "此前享受过几次创业担保贷款贴息（选填）", "Subsidised loans before (optional)"), None, form.previous.clone(), set(|f, v| f.previous = v)) }
                <button class="zc-button" type="submit">{ tr(lang, "测算", "Get the quote") }</button>
            </form>
            <div aria-live="polite">
                { match &result {
                    Some(Ok(q)) => view_quote(q, &p.host, p.today, lang),
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

/// Stacked bars: the borrower's interest and the subsidy, period by period.
fn chart(q: &LoanQuote, lang: Lang) -> Html {
    let n = q.schedule.len().max(1);
    let max = q
        .schedule
        .iter()
        .map(|p| p.interest)
        .max()
        .unwrap_or(Decimal::ONE)
        .max(Decimal::new(1, 2));
    let h = 120.0;
    let w = 600.0 / n as f64;
    let scale = |d: Decimal| -> f64 { (d / max).to_string().parse::<f64>().unwrap_or(0.0) * h };
    let label = t!(
        "柱状图：每期利息中借款人承担（深色）和财政贴息（浅色）。合计利息{}元，借款人{}元，财政{}元。明细见下表。",
        "Bar chart: each period's interest, the borrower's share (dark) and the subsidy (light). Interest {} yuan in all: borrower {}, treasury {}. Details in the table.";
        yuan(q.total_interest), yuan(q.borrower_interest), yuan(q.fiscal_subsidy)
    )
    .get(lang)
    .to_string();
    html! {
        <figure class="zc-chart">
            <svg viewBox="0 0 600 140" role="img" aria-label={label}>
                { for q.schedule.iter().enumerate().map(|(i, p)| {
                    let b = scale(p.borrower_interest);
                    let s = scale(p.subsidy);
                    let x = i as f64 * w + w * 0.1;
                    let bw = (w * 0.8).max(1.0);
                    html! {
                        <g>
                            <rect class="zc-bar-borrower" x={format!("{x:.2}")} y={format!("{:.2}", 130.0 - b)} width={format!("{bw:.2}")} height={format!("{b:.2}")} />
                            <rect class="zc-bar-subsidy" x={format!("{x:.2}")} y={format!("{:.2}", 130.0 - b - s)} width={format!("{bw:.2}")} height={format!("{s:.2}")} />
                        </g>
                    }
                }) }
                <rect class="zc-axis" x="0" y="130" width="600" height="1" />
            </svg>
            <figcaption class="zc-legend-row">
                <span class="zc-key zc-key-borrower" aria-hidden="true"></span>{ tr(lang, "借款人承担", "Borrower pays") }
                <span class="zc-key zc-key-subsidy" aria-hidden="true"></span>{ tr(lang, "财政贴息", "Treasury pays") }
            </figcaption>
        </figure>
    }
}

fn view_quote(q: &LoanQuote, host: &Host, today: NaiveDate, lang: Lang) -> Html {
    let onprint = {
        let host = host.clone();
        Callback::from(move |_: MouseEvent| print_only(&host))
    };
    let rows: Vec<(String, String)> = vec![
        (
            tr(lang, "可申请额度上限", "Cap"),
            t!("{}元", "{} yuan"; yuan(q.max_amount))
                .get(lang)
                .to_string(),
        ),
        (
            tr(lang, "按此金额测算", "Quoted amount"),
            t!(
                "{}元，{}个月",
                "{} yuan, {} months";
                yuan(q.quoted_amount),
                q.quoted_term_months
            )
            .get(lang)
            .to_string(),
        ),
        (
            tr(lang, "一年期 LPR", "1-year LPR"),
            t!("{}%（{}起）", "{}% (from {})"; q.lpr, q.lpr_effective_from)
                .get(lang)
                .to_string(),
        ),
        (
            tr(lang, "利率上限", "Rate cap"),
            t!("{}%（LPR + {}BP）", "{}% (LPR + {}bp)"; q.rate_cap, q.rate_cap_bp)
                .get(lang)
                .to_string(),
        ),
        (
            tr(lang, "执行年利率", "Annual rate"),
            format!("{}%", q.annual_rate),
        ),
        (
            tr(lang, "贴息方式", "Subsidy"),
            q.regime_label().get(lang).to_string(),
        ),
        (
            tr(lang, "借款人承担利率", "Borrower's rate"),
            format!("{}%", q.borrower_rate),
        ),
        (
            tr(lang, "财政贴息利率", "Treasury's rate"),
            format!("{}%", q.subsidy_rate),
        ),
    ];
    html! {
        <section class="zc-outcome zc-eligible" aria-labelledby="zc-quote-title">
            <h2 id="zc-quote-title">{ t!(
                "利息合计 {} 元：您承担 {} 元，财政贴息 {} 元",
                "Interest {} yuan: you pay {}, the treasury {}";
                yuan(q.total_interest), yuan(q.borrower_interest), yuan(q.fiscal_subsidy)
            ).get(lang).to_string() }</h2>
            if !q.problems.is_empty() {
                <ul class="zc-problems" role="alert">
                    { for q.problems.iter().map(|p| html! { <li class="zc-problem zc-warning" data-code={p.code.clone()}>{ p.message.clone() }</li> }) }
                </ul>
            }
            <dl class="zc-details">{ for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }</dl>
            { chart(q, lang) }
            <ol class="zc-steps">{ for q.explanation.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ol>
            <p class="zc-scroll-hint" aria-hidden="true">{ tr(lang, "表格较宽，可左右滑动查看各列 ⇆", "The table is wide: swipe sideways to see every column ⇆") }</p>
            <div class="zc-table-wrap" tabindex="0" role="region" aria-labelledby="zc-loan-caption">
                <table class="zc-table">
                    <caption id="zc-loan-caption">{ tr(lang, "还款计划（元）", "Repayment schedule (yuan)") }</caption>
                    <thead><tr>
                        <th scope="col">{ tr(lang, "期", "No.") }</th>
                        <th scope="col">{ tr(lang, "还款日", "Due") }</th>
                        <th scope="col">{ tr(lang, "本金", "Principal") }</th>
                        <th scope="col">{ tr(lang, "利息", "Interest") }</th>
                        <th scope="col">{ tr(lang, "您承担", "You pay") }</th>
                        <th scope="col">{ tr(lang, "财政贴息", "Subsidy") }</th>
                        <th scope="col">{ tr(lang, "剩余本金", "Balance") }</th>
                    </tr></thead>
                    <tbody>
                        { for q.schedule.iter().map(|p| html! {
                            <tr>
                                <th scope="row">{ p.n }</th>
                                <td>{ p.due.to_string() }</td>
                                <td>{ yuan(p.principal) }</td>
                                <td>{ yuan(p.interest) }</td>
                                <td>{ yuan(p.borrower_interest) }</td>
                                <td>{ yuan(p.subsidy) }</td>
                                <td>{ yuan(p.balance) }</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="2">{ tr(lang, "合计", "Total") }</th>
                        <td>{ yuan(q.total_principal) }</td>
                        <td>{ yuan(q.total_interest) }</td>
                        <td>{ yuan(q.borrower_interest) }</td>
                        <td>{ yuan(q.fiscal_subsidy) }</td>
                        <td></td>
                    </tr></tfoot>
                </table>
            </div>
            <div class="zc-actions zc-no-print">
                <button class="zc-button zc-secondary" type="button" onclick={onprint}>{ tr(lang, "打印", "Print") }</button>
            </div>
            { caveats(&q.sourced.caveats, lang) }
            { citations(&q.sourced.citations, lang) }
            { parameters(&q.sourced.parameters, lang) }
            { pack_stamp(&q.sourced.pack, lang) }
            { print_record(&q.sourced, today, None, lang) }
        </section>
    }
}

#[function_component(LoanScreeningElement)]
pub fn screening_widget(p: &LoanProps) -> Html {
    let lang = p.lang;
    let pack = use_pack(&p.host, p.pack.clone(), lang);
    let region = region_for(&p.host, &pack);
    let answers = use_saved(
        &p.host,
        region.clone(),
        serde_json::Map::<String, serde_json::Value>::new,
    );
    let reset = {
        let answers = answers.clone();
        Callback::from(move |_: ()| answers.set(serde_json::Map::new()))
    };
    let defs = screening::facts();
    let result: Result<ScreeningResult, String> = zhuchuang_web::rules::with_packs(|set| {
        let rules = set
            .rules(&region)
            .map_err(zhuchuang_web::rules::rule_error)?;
        let facts = Facts::parse(&serde_json::Value::Object((*answers).clone()), &defs)
            .map_err(|e| zhuchuang_web::ApiError::facts("invalidFacts", e))?;
        screening::screen(&facts, &rules, p.today, lang).map_err(zhuchuang_web::rules::rule_error)
    })
    .map_err(|e| e.text.get(lang).to_string());
    {
        let host = p.host.clone();
        let ok = result.as_ref().ok().cloned();
        use_effect_with(ok, move |ok| {
            if let Some(r) = ok {
                host.emit("zc-change", &zhuchuang_web::to_js(r));
            }
        });
    }
    let field = |id: &'static str| {
        let d = defs.iter().find(|d| d.id == id).map(|d| d.question(lang));
        let answers = answers.clone();
        match d {
            Some(q) => html! {
                <QuestionField question={q} value={answers.get(id).cloned()} {lang}
                    onchange={Callback::from(move |v: Option<serde_json::Value>| {
                        let mut next = (*answers).clone();
                        match v { Some(v) => { next.insert(id.into(), v); } None => { next.remove(id); } }
                        answers.set(next);
                    })} />
            },
            None => html! {},
        }
    };
    let principles = [
        "profitable",
        "affordable",
        "interestAndAbility",
        "relationships",
        "marketAccess",
        "marketPotential",
        "keyStaff",
        "supplyChannel",
        "premises",
    ];
    let visit = [
        "licenceAddressMatches",
        "identityEligible",
        "noOtherLoans",
        "householdBurdenHeavy",
        "loanAmount",
        "counterGuarantees",
    ];
    html! {
        <div class="zc-screening" lang={lang.tag()}>
            <h2 class="zc-heading">{ tr(lang, "创业项目筛选与入户了解", "Project screening and home visit") }</h2>
            { pack_notice(&pack, lang) }
            <div class="zc-screening-grid">
                <div class="zc-no-print">
                    <h3 class="zc-subheading">{ tr(lang, "好项目筛选原则", "Principles of a good project") }</h3>
                    { for principles.iter().map(|id| field(id)) }
                    <h3 class="zc-subheading">{ tr(lang, "入户了解", "Home visit") }</h3>
                    { for visit.iter().map(|id| field(id)) }
                </div>
                <div aria-live="polite">
                    { match &result {
                        _ if matches!(pack, PackStatus::Failed(_)) => html! {},
                        Ok(r) => view_screening(r, lang),
                        Err(e) => html! { <p class="zc-problem zc-error" role="alert">{ e.clone() }</p> },
                    } }
                </div>
            </div>
            <div class="zc-actions zc-no-print">
                <SavedAnswers host={p.host.clone()} {lang} ondelete={reset} />
            </div>
        </div>
    }
}

fn view_screening(r: &ScreeningResult, lang: Lang) -> Html {
    let (class, title) = match r.recommendation.as_str() {
        "recommend" => ("zc-eligible", tr(lang, "推荐", "Recommend")),
        "recommendWithConditions" => (
            "zc-undetermined",
            tr(lang, "有条件推荐", "Recommend on conditions"),
        ),
        "doNotRecommend" => ("zc-ineligible", tr(lang, "不推荐", "Do not recommend")),
        _ => ("zc-undetermined", tr(lang, "尚未完成", "Not finished")),
    };
    let sev = |s: &str| match s {
        "blocker" => tr(lang, "不能贷款", "rules it out"),
        "high" => tr(lang, "高风险", "high risk"),
        "medium" => tr(lang, "一般风险", "risk"),
        _ => tr(lang, "待核实", "to verify"),
    };
    html! {
        <section class={classes!("zc-outcome", class)} aria-labelledby="zc-screen-title">
            <h3 id="zc-screen-title">{ title }</h3>
            <p>{ r.summary.clone() }</p>
            if !r.flags.is_empty() {
                <ul class="zc-problems">
                    { for r.flags.iter().map(|f| html! {
                        <li class={classes!("zc-problem", if f.severity == "blocker" || f.severity == "high" { "zc-error" } else { "zc-warning" })} data-flag={f.id.clone()}>
                            <span class="zc-tag">{ format!("{}：", sev(&f.severity)) }</span>{ f.reason.clone() }
                        </li>
                    }) }
                </ul>
            }
            if let Some(g) = &r.counter_guarantee {
                <p>{ g.reason.clone() }{ if g.fitting.is_empty() { String::new() } else { format!(" {}{}", tr(lang, "可用：", "Fitting: "), g.fitting.join(if lang == Lang::ZhCn { "、" } else { ", " })) } }</p>
            }
            <h4>{ tr(lang, "上门核实", "To verify on site") }</h4>
            <ul>{ for r.verify_on_site.iter().map(|v| html! { <li>{ v.clone() }</li> }) }</ul>
            if !r.missing.is_empty() {
                <p class="zc-note">{ t!("还有{}个问题未回答。", "{} question(s) left."; r.missing.len()).get(lang).to_string() }</p>
            }
            { caveats(&r.sourced.caveats, lang) }
            { citations(&r.sourced.citations, lang) }
            { pack_stamp(&r.sourced.pack, lang) }
        </section>
    }
}
