//! `<zc-ledger-check>`: the clerk drops or picks a whole ledger (台账, CSV or
//! XLSX), checks the suggested column mapping (editable, remembered in this
//! browser per set of headers), chooses the check and runs it in a Web Worker
//! (progress, rows per second, cancel), then sees the summary and the problem
//! rows and downloads the annotated ledger as XLSX or CSV. The file never leaves
//! the browser. The worker (`ledger-worker.js` in this bundle's folder) loads
//! this same bundle and calls [`zc_ledger_columns`] and [`zc_ledger_check`]:
//! the core decides everything, the widget renders.
//!
//! Attributes: `lang`, `large-text`, `today`, `region`, `save` (`none` keeps no
//! mapping). Event: `zc-change`, `detail` = the report: the complete summary,
//! and in `rows` the first 100 problem rows (`rowsWithProblems` counts them all;
//! the downloads hold every row).

use crate::common::{tr, RadioOption, Radios};
use crate::element::{Host, Widget};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use zhuchuang_core::{t, Lang};

#[wasm_bindgen(
    inline_js = "export function zc_ledger_worker_url() { return new URL('../../ledger-worker.js', import.meta.url).href; }"
)]
extern "C" {
    fn zc_ledger_worker_url() -> String;
}

fn lang_of(options: &Value) -> Lang {
    options["lang"]
        .as_str()
        .and_then(Lang::parse)
        .unwrap_or_default()
}

/// For the worker: the header found and the suggested mapping (`ledgerColumns`).
#[wasm_bindgen(js_name = zcLedgerColumns)]
pub fn zc_ledger_columns(bytes: &[u8], options: &str) -> Result<JsValue, JsValue> {
    let o: Value = serde_json::from_str(options).unwrap_or(Value::Null);
    let lang = lang_of(&o);
    zhuchuang_web::rules::with_packs(|set| {
        zhuchuang_web::ledger::ledger_columns(set, bytes, &o, zhuchuang_web::today())
    })
    .map(|raw| js_sys::JSON::parse(raw.get()).unwrap_or(JsValue::NULL))
    .map_err(|e| e.into_js(lang))
}

/// For the worker: the whole check (`checkLedger`), `progress(done, total)`
/// told every 1000 rows, `report(json)` told the report as soon as it is made
/// (before the files are written). `{ xlsx, csv }`.
#[wasm_bindgen(js_name = zcLedgerCheck)]
pub fn zc_ledger_check(
    bytes: &[u8],
    mapping: &str,
    options: &str,
    progress: &js_sys::Function,
    report: &js_sys::Function,
) -> Result<JsValue, JsValue> {
    let o: Value = serde_json::from_str(options).unwrap_or(Value::Null);
    let m: Value = serde_json::from_str(mapping).unwrap_or(Value::Null);
    let lang = lang_of(&o);
    let mut tell = |done: usize, total: usize| {
        let _ = progress.call2(
            &JsValue::NULL,
            &(done as f64).into(),
            &(total as f64).into(),
        );
        true
    };
    let mut told = |r: &zhuchuang_web::api::Json| {
        let _ = report.call1(&JsValue::NULL, &JsValue::from_str(r.get()));
    };
    let out = zhuchuang_web::rules::with_packs(|set| {
        zhuchuang_web::ledger::check_ledger_with(
            set,
            bytes,
            &m,
            &o,
            zhuchuang_web::today(),
            |p| zhuchuang_core::ledger::check_all(p, &mut tell),
            &mut told,
        )
    })
    .map_err(|e| e.into_js(lang))?;
    let result = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&result, &k.into(), v);
    };
    if let Some(x) = out.xlsx {
        set("xlsx", &js_sys::Uint8Array::from(x.as_slice()).into());
    }
    if let Some(c) = out.csv {
        set("csv", &js_sys::Uint8Array::from(c.as_slice()).into());
    }
    Ok(result.into())
}

#[derive(Properties, PartialEq, Clone)]
pub struct LedgerProps {
    pub host: Host,
    pub lang: Lang,
    pub region: Option<String>,
    pub today: chrono::NaiveDate,
    pub remember: bool,
}

impl Widget for LedgerCheckElement {
    const TAG: &'static str = crate::LEDGER.tag;
    const ATTRIBUTES: &'static [&'static str] = crate::LEDGER.attributes;
    const BUNDLE: &'static str = crate::LEDGER.bundle;
    const TITLE: (&'static str, &'static str) = crate::LEDGER.title;
    fn props(host: &Host) -> LedgerProps {
        LedgerProps {
            host: host.clone(),
            lang: host.lang(),
            region: host.attr("region"),
            today: crate::today_of(host),
            remember: host.attr("save").as_deref() != Some("none"),
        }
    }
}

#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Reading,
    Mapping,
    Running {
        done: f64,
        total: f64,
        ms: f64,
    },
    /// The report is in; `files`: the annotated files too.
    Done {
        ms: f64,
        files: bool,
    },
    Failed(String),
}

/// The worker and its message handler, kept alive together.
type WorkerSlot = Rc<RefCell<Option<(web_sys::Worker, Closure<dyn FnMut(web_sys::MessageEvent)>)>>>;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The key a mapping is remembered under: the header set's FNV-1a hash.
fn mapping_key(headers: &[String]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in headers.join("\u{1f}").bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("zc-ledger-mapping:{h:016x}")
}

fn download(bytes: &js_sys::Uint8Array, name: &str, mime: &str) {
    let parts = js_sys::Array::of1(bytes);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(a) = doc.create_element("a") {
            if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
                a.set_href(&url);
                a.set_download(name);
                a.click();
            }
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn get(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

#[function_component(LedgerCheckElement)]
pub fn ledger_check(props: &LedgerProps) -> Html {
    let lang = props.lang;
    let phase = use_state(|| Phase::Idle);
    let file_name = use_state(String::new);
    let bytes = use_mut_ref(|| None::<js_sys::Uint8Array>);
    let columns = use_state(|| Value::Null);
    let mapping = use_state(BTreeMap::<String, String>::new);
    let check = use_state(|| "numbers".to_string());
    let program = use_state(|| "flexibleDifficult".to_string());
    let track = use_state(String::new);
    let report = use_state(|| Value::Null);
    let shown = use_state(|| PAGE_ROWS);
    let files = use_mut_ref(|| None::<(js_sys::Uint8Array, js_sys::Uint8Array)>);
    let worker: WorkerSlot = use_mut_ref(|| None);

    let options = {
        let mut o = json!({ "lang": lang, "asOf": props.today.to_string() });
        if let Some(r) = &props.region {
            o["region"] = json!(r);
        }
        o
    };

    // Starts a fresh worker whose messages go to `on`.
    let start_worker = {
        let worker = worker.clone();
        move |on: Box<dyn FnMut(web_sys::MessageEvent)>| -> Option<(web_sys::Worker, bool)> {
            // The worker is kept between runs (its wasm compiled once); a
            // cancel terminates it and the next run starts a new one.
            let kept = worker.borrow_mut().take().map(|(w, _)| w);
            let fresh = kept.is_none();
            let w = match kept {
                Some(w) => w,
                None => {
                    let opts = web_sys::WorkerOptions::new();
                    opts.set_type(web_sys::WorkerType::Module);
                    web_sys::Worker::new_with_options(&zc_ledger_worker_url(), &opts).ok()?
                }
            };
            let closure = Closure::wrap(on);
            w.set_onmessage(Some(closure.as_ref().unchecked_ref()));
            *worker.borrow_mut() = Some((w.clone(), closure));
            Some((w, fresh))
        }
    };

    let failed_text = |e: &JsValue| -> String {
        get(e, "message")
            .as_string()
            .unwrap_or_else(|| tr(lang, "检查未能完成。", "The check could not finish."))
    };

    // A file picked or dropped: read it, then ask the worker for its columns.
    let on_file = {
        let (phase, file_name, bytes, columns, mapping, options, start_worker) = (
            phase.clone(),
            file_name.clone(),
            bytes.clone(),
            columns.clone(),
            mapping.clone(),
            options.clone(),
            start_worker.clone(),
        );
        let remember = props.remember;
        Callback::from(move |file: web_sys::File| {
            phase.set(Phase::Reading);
            file_name.set(file.name());
            let (phase, bytes, columns, mapping, options, start_worker) = (
                phase.clone(),
                bytes.clone(),
                columns.clone(),
                mapping.clone(),
                options.clone(),
                start_worker.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(buf) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await
                else {
                    phase.set(Phase::Failed(tr(
                        lang,
                        "无法读取这个文件。",
                        "This file cannot be read.",
                    )));
                    return;
                };
                let data = js_sys::Uint8Array::new(&buf);
                *bytes.borrow_mut() = Some(data.clone());
                let (phase2, columns2, mapping2) =
                    (phase.clone(), columns.clone(), mapping.clone());
                let on = Box::new(move |e: web_sys::MessageEvent| {
                    let d = e.data();
                    match get(&d, "type").as_string().as_deref() {
                        Some("columns") => {
                            let text = js_sys::JSON::stringify(&get(&d, "result"))
                                .ok()
                                .and_then(|s| s.as_string())
                                .unwrap_or_default();
                            let c: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                            let headers: Vec<String> = c["columns"]
                                .as_array()
                                .map(|a| {
                                    a.iter()
                                        .map(|h| h["header"].as_str().unwrap_or("").to_string())
                                        .collect()
                                })
                                .unwrap_or_default();
                            let saved = remember
                                .then(|| {
                                    storage().and_then(|s| {
                                        s.get_item(&mapping_key(&headers)).ok().flatten()
                                    })
                                })
                                .flatten()
                                .and_then(|s| {
                                    serde_json::from_str::<BTreeMap<String, String>>(&s).ok()
                                });
                            let suggested: BTreeMap<String, String> =
                                serde_json::from_value(c["mapping"].clone()).unwrap_or_default();
                            mapping2.set(saved.unwrap_or(suggested));
                            columns2.set(c);
                            phase2.set(Phase::Mapping);
                        }
                        _ => phase2.set(Phase::Failed(
                            get(&get(&d, "error"), "message")
                                .as_string()
                                .unwrap_or_else(|| {
                                    tr(lang, "无法读取这个文件。", "This file cannot be read.")
                                }),
                        )),
                    }
                });
                let Some((w, _)) = start_worker(on) else {
                    phase.set(Phase::Failed(tr(
                        lang,
                        "无法启动后台检查。",
                        "The background check could not start.",
                    )));
                    return;
                };
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"type".into(), &"columns".into());
                let _ = js_sys::Reflect::set(&msg, &"bytes".into(), &data);
                let _ = js_sys::Reflect::set(&msg, &"options".into(), &options.to_string().into());
                let _ = w.post_message(&msg);
            });
        })
    };

    let onchange_file = {
        let on_file = on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                on_file.emit(f);
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let on_file = on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                on_file.emit(f);
            }
        })
    };

    let shown_reset = shown.clone();
    let run = {
        let (
            phase,
            bytes,
            mapping,
            check,
            program,
            track,
            report,
            files,
            options,
            start_worker,
            host,
            columns,
        ) = (
            phase.clone(),
            bytes.clone(),
            mapping.clone(),
            check.clone(),
            program.clone(),
            track.clone(),
            report.clone(),
            files.clone(),
            options.clone(),
            start_worker.clone(),
            props.host.clone(),
            columns.clone(),
        );
        let remember = props.remember;
        Callback::from(move |_: MouseEvent| {
            let Some(data) = bytes.borrow().clone() else {
                return;
            };
            let headers: Vec<String> = columns["columns"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|h| h["header"].as_str().unwrap_or("").to_string())
                        .collect()
                })
                .unwrap_or_default();
            if remember {
                if let Some(s) = storage() {
                    let _ = s.set_item(&mapping_key(&headers), &json!(*mapping).to_string());
                }
            }
            let mut o = options.clone();
            o["check"] = json!(*check);
            match check.as_str() {
                "subsidy" => {
                    o["program"] = json!(*program);
                    if !track.is_empty() {
                        o["femaleTrack"] = json!(*track);
                    }
                }
                "eligibility" => o["program"] = json!("flexibleEmploymentSubsidy"),
                _ => {}
            }
            shown_reset.set(PAGE_ROWS);
            phase.set(Phase::Running {
                done: 0.0,
                total: 0.0,
                ms: 0.0,
            });
            let took = Rc::new(std::cell::Cell::new(0.0));
            let (phase2, report2, files2, host2) =
                (phase.clone(), report.clone(), files.clone(), host.clone());
            let on = Box::new(move |e: web_sys::MessageEvent| {
                let d = e.data();
                match get(&d, "type").as_string().as_deref() {
                    Some("progress") => phase2.set(Phase::Running {
                        done: get(&d, "done").as_f64().unwrap_or(0.0),
                        total: get(&d, "total").as_f64().unwrap_or(0.0),
                        ms: get(&d, "ms").as_f64().unwrap_or(0.0),
                    }),
                    Some("report") => {
                        let text = get(&d, "report").as_string().unwrap_or_default();
                        let r: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                        host2.emit(
                            "zc-change",
                            &js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL),
                        );
                        report2.set(r);
                        let ms = get(&d, "ms").as_f64().unwrap_or(0.0);
                        took.set(ms);
                        phase2.set(Phase::Done { ms, files: false });
                    }
                    Some("files") => {
                        let x: js_sys::Uint8Array = get(&d, "xlsx").unchecked_into();
                        let c: js_sys::Uint8Array = get(&d, "csv").unchecked_into();
                        *files2.borrow_mut() = Some((x, c));
                        phase2.set(Phase::Done {
                            ms: took.get(),
                            files: true,
                        });
                    }
                    _ => phase2.set(Phase::Failed(
                        get(&get(&d, "error"), "message")
                            .as_string()
                            .unwrap_or_else(|| {
                                tr(lang, "检查未能完成。", "The check could not finish.")
                            }),
                    )),
                }
            });
            let Some((w, fresh)) = start_worker(on) else {
                phase.set(Phase::Failed(tr(
                    lang,
                    "无法启动后台检查。",
                    "The background check could not start.",
                )));
                return;
            };
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"check".into());
            // A kept worker has the file from the columns step: copying a large
            // file into the message again would block the page.
            if fresh {
                let _ = js_sys::Reflect::set(&msg, &"bytes".into(), &data);
            }
            let _ =
                js_sys::Reflect::set(&msg, &"mapping".into(), &json!(*mapping).to_string().into());
            let _ = js_sys::Reflect::set(&msg, &"options".into(), &o.to_string().into());
            let _ = w.post_message(&msg);
        })
    };

    let cancel = {
        let (phase, worker) = (phase.clone(), worker.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((w, _)) = worker.borrow_mut().take() {
                w.terminate();
            }
            phase.set(Phase::Mapping);
        })
    };
    let _ = failed_text;

    let stem = file_name
        .rsplit_once('.')
        .map(|(s, _)| s.to_string())
        .unwrap_or((*file_name).clone());
    let dl = |xlsx: bool| {
        let files = files.clone();
        let stem = stem.clone();
        let suffix = tr(lang, "检查结果", "checked");
        Callback::from(move |_: MouseEvent| {
            if let Some((x, c)) = files.borrow().as_ref() {
                if xlsx {
                    download(
                        x,
                        &format!("{stem}-{suffix}.xlsx"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    );
                } else {
                    download(c, &format!("{stem}-{suffix}.csv"), "text/csv;charset=utf-8");
                }
            }
        })
    };

    let busy = matches!(*phase, Phase::Reading | Phase::Running { .. });
    html! {
        <div class="zc-ledger">
            <h2 class="zc-title">{ tr(lang, "台账检查", "Ledger check") }</h2>
            <p class="zc-hint">{ tr(lang,
                "在本机浏览器中逐行检查整本台账（社保补贴申报台账或人员台账），文件不会上传。",
                "Checks a whole ledger row by row in this browser; the file is not uploaded.") }</p>
            <div class="zc-field zc-drop" ondragover={ondragover} ondrop={ondrop}>
                <label class="zc-label" for="zc-ledger-file">{ tr(lang, "选择台账文件（CSV 或 XLSX）", "Choose the ledger file (CSV or XLSX)") }</label>
                <span class="zc-hint" id="zc-ledger-file-hint">{ tr(lang,
                    "也可以把文件拖到这里。CSV 可为 UTF-8 或 GBK（Excel、WPS 另存的格式）。",
                    "Or drop the file here. CSV may be UTF-8 or GBK, as Excel and WPS save it.") }</span>
                <input class="zc-input" type="file" id="zc-ledger-file" aria-describedby="zc-ledger-file-hint"
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    disabled={busy} onchange={onchange_file} />
            </div>
            if let Phase::Failed(m) = &*phase {
                <div class="zc-error-summary" role="alert" tabindex="-1">
                    <h3>{ tr(lang, "无法检查", "The ledger could not be checked") }</h3>
                    <p>{ m.clone() }</p>
                </div>
            }
            if *phase == Phase::Reading {
                <p role="status">{ tr(lang, "正在读取文件……", "Reading the file…") }</p>
            }
            if !columns.is_null() && !matches!(*phase, Phase::Idle | Phase::Reading) {
                { view_mapping(&columns, &mapping, lang, busy) }
                <Radios id="zc-ledger-check-mode" legend={tr(lang, "检查内容", "What to check")}
                    options={vec![
                        RadioOption { value: "numbers".into(), label: tr(lang, "只查号码、日期和金额", "Numbers, dates and amounts only"), hint: None },
                        RadioOption { value: "eligibility".into(), label: tr(lang, "灵活就业社会保险补贴申请条件", "Eligibility for the flexible-employment subsidy"), hint: Some(tr(lang, "需要台账中有对应条件的列（表头写作 facts.条件编号）。", "Needs columns for the conditions (headed facts.<id>).")) },
                        RadioOption { value: "subsidy".into(), label: tr(lang, "补贴期限和金额", "Subsidy period and amount"), hint: Some(tr(lang, "按身份证号码推算退休时间，按月缴费额计算可补贴金额。", "Retirement from the ID number; the amount from the contributions paid a month.")) },
                    ]}
                    value={Some((*check).clone())}
                    onchange={{ let check = check.clone(); Callback::from(move |v: String| check.set(v)) }}
                    errors={Vec::new()} lang={lang} />
                if *check == "subsidy" {
                    <div class="zc-field">
                        <label class="zc-label" for="zc-ledger-program">{ tr(lang, "补贴项目", "Subsidy") }</label>
                        <select class="zc-select" id="zc-ledger-program" onchange={{ let program = program.clone(); Callback::from(move |e: Event| { let s: web_sys::HtmlSelectElement = e.target_unchecked_into(); program.set(s.value()); }) }}>
                            <option value="flexibleDifficult" selected={*program == "flexibleDifficult"}>{ tr(lang, "就业困难人员灵活就业社会保险补贴", "Flexible employment, difficult-to-employ person") }</option>
                            <option value="flexibleGraduate" selected={*program == "flexibleGraduate"}>{ tr(lang, "高校毕业生灵活就业社会保险补贴", "Flexible employment, graduate") }</option>
                        </select>
                    </div>
                    <div class="zc-field">
                        <label class="zc-label" for="zc-ledger-track">{ tr(lang, "女职工的原退休年龄", "Women's original retirement age") }</label>
                        <select class="zc-select" id="zc-ledger-track" onchange={{ let track = track.clone(); Callback::from(move |e: Event| { let s: web_sys::HtmlSelectElement = e.target_unchecked_into(); track.set(s.value()); }) }}>
                            <option value="" selected={track.is_empty()}>{ tr(lang, "不核对女职工的期限", "Do not check women's periods") }</option>
                            <option value="female50" selected={*track == "female50"}>{ tr(lang, "较低一档（原五十周岁）", "The lower one (originally fifty)") }</option>
                            <option value="female55" selected={*track == "female55"}>{ tr(lang, "较高一档（原五十五周岁）", "The higher one (originally fifty-five)") }</option>
                        </select>
                    </div>
                }
                <div class="zc-actions">
                    <button class="zc-button" type="button" id="zc-ledger-run" disabled={busy} onclick={run}>{ tr(lang, "开始检查", "Check the ledger") }</button>
                </div>
            }
            if let Phase::Running { done, total, ms } = &*phase {
                <div class="zc-progress" role="status" aria-live="polite">
                    <label for="zc-ledger-progress">{ tr(lang, "检查进度", "Progress") }</label>
                    <progress id="zc-ledger-progress" max={total.max(1.0).to_string()} value={done.to_string()}></progress>
                    <p>{ t!("已检查 {} / {} 行，每秒约 {} 行", "{} of {} rows checked, about {} rows a second";
                        *done as u64, *total as u64, if *ms > 0.0 { (*done * 1000.0 / *ms) as u64 } else { 0 }).get(lang).to_string() }</p>
                    <button class="zc-button zc-secondary" type="button" id="zc-ledger-cancel" onclick={cancel}>{ tr(lang, "取消", "Cancel") }</button>
                </div>
            }
            if let Phase::Done { ms, files: ready } = &*phase {
                { view_report(&report, *ms, lang, *shown, { let shown = shown.clone(); Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE_ROWS)) }) }
                <p role="status">{ if *ready { tr(lang, "下载文件已生成。", "The downloads are ready.") } else { tr(lang, "正在生成下载文件……", "Making the downloads…") } }</p>
                <div class="zc-actions">
                    <button class="zc-button zc-secondary" type="button" id="zc-ledger-xlsx" disabled={!*ready} onclick={dl(true)}>{ tr(lang, "下载检查结果（XLSX）", "Download the checked ledger (XLSX)") }</button>
                    <button class="zc-button zc-secondary" type="button" id="zc-ledger-csv" disabled={!*ready} onclick={dl(false)}>{ tr(lang, "下载检查结果（CSV）", "Download the checked ledger (CSV)") }</button>
                </div>
            }
        </div>
    }
}

fn view_mapping(
    columns: &Value,
    mapping: &UseStateHandle<BTreeMap<String, String>>,
    lang: Lang,
    busy: bool,
) -> Html {
    let headers: Vec<String> = columns["columns"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|h| h["header"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default();
    let fields = columns["fields"].as_array().cloned().unwrap_or_default();
    html! {
        <details class="zc-mapping" open=true>
            <summary>{ t!("列的对应（表头在第 {} 行，共 {} 行数据）", "Columns (header in row {}, {} data rows)";
                columns["headerRow"].as_u64().unwrap_or(0), columns["rows"].as_u64().unwrap_or(0)).get(lang).to_string() }</summary>
            <p class="zc-hint">{ tr(lang, "已按表头自动对应，可逐项修改；修改会记在本浏览器中，下次同样的表头自动使用。",
                "Matched by header; change any. Your choice is remembered in this browser for files with the same headers.") }</p>
            <div class="zc-table-wrap" tabindex="0" role="region" aria-labelledby="zc-mapping-caption">
            <table class="zc-table zc-table-text">
                <caption id="zc-mapping-caption">{ tr(lang, "字段与列", "Fields and columns") }</caption>
                <thead><tr><th scope="col">{ tr(lang, "字段", "Field") }</th><th scope="col">{ tr(lang, "台账中的列", "Column in the ledger") }</th></tr></thead>
                <tbody>
                { for fields.iter().map(|f| {
                    let key = f["key"].as_str().unwrap_or("").to_string();
                    let id = format!("zc-map-{key}");
                    let current = mapping.get(&key).cloned().unwrap_or_default();
                    let onchange = {
                        let mapping = mapping.clone();
                        let key = key.clone();
                        Callback::from(move |e: Event| {
                            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
                            let mut m = (*mapping).clone();
                            if s.value().is_empty() { m.remove(&key); } else { m.insert(key.clone(), s.value()); }
                            mapping.set(m);
                        })
                    };
                    let required = f["required"].as_bool().unwrap_or(false);
                    html! {
                        <tr>
                            <th scope="row"><label for={id.clone()}>{ f["label"].as_str().unwrap_or("").to_string() }
                                if required { <span class="zc-hint">{ tr(lang, "（必填）", " (required)") }</span> }</label></th>
                            <td><select class="zc-select" id={id} disabled={busy} {onchange}>
                                <option value="" selected={current.is_empty()}>{ tr(lang, "（无此列）", "(no column)") }</option>
                                { for headers.iter().filter(|h| !h.is_empty()).map(|h| html! {
                                    <option value={h.clone()} selected={*h == current}>{ h.clone() }</option>
                                }) }
                            </select></td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
        </details>
    }
}

/// The problem rows shown at most (the downloads hold every row). The worker
/// sends only these (`rows`), with the complete `summary`, so the page parses
/// and renders little even for a ledger with thousands of problem rows.
const SHOWN_ROWS: usize = 100;

/// Problem rows rendered at first, and added by each "show more" (a small
/// render keeps the page free of long tasks).
const PAGE_ROWS: usize = 50;

fn view_report(r: &Value, ms: f64, lang: Lang, shown: usize, more: Callback<MouseEvent>) -> Html {
    let s = &r["summary"];
    let n = |k: &str| s[k].as_u64().unwrap_or(0);
    let empty = Vec::new();
    let rows = r["rows"].as_array().unwrap_or(&empty);
    html! {
        <section class="zc-outcome" aria-labelledby="zc-ledger-result">
            <h3 id="zc-ledger-result">{ t!("共读取 {} 行：通过 {} 行，有错误 {} 行，请核对 {} 行", "{} rows read: {} fine, {} with errors, {} with warnings";
                n("rowsRead"), n("fine"), n("withErrors"), n("withWarnings")).get(lang).to_string() }</h3>
            <p>{ t!("无法读取 {} 行，空行 {} 行；用时 {} 秒。", "{} rows unreadable, {} empty; {} seconds.";
                n("unreadable"), n("empty"), format!("{:.2}", ms / 1000.0)).get(lang).to_string() }</p>
            { for r["notes"].as_array().into_iter().flatten().map(|note| html! { <p class="zc-hint">{ note.as_str().unwrap_or("").to_string() }</p> }) }
            <table class="zc-table" id="zc-ledger-counts">
                <caption>{ tr(lang, "按问题统计", "Rows by problem") }</caption>
                <thead><tr><th scope="col">{ tr(lang, "问题", "Problem") }</th><th scope="col">{ tr(lang, "行数", "Rows") }</th></tr></thead>
                <tbody>{ for s["byProblem"].as_array().into_iter().flatten().map(|p| html! {
                    <tr><th scope="row">{ p["label"].as_str().unwrap_or("").to_string() }</th><td>{ p["rows"].as_u64().unwrap_or(0) }</td></tr>
                }) }</tbody>
            </table>
            if !rows.is_empty() {
                <div class="zc-table-wrap" tabindex="0" role="region" aria-labelledby="zc-ledger-rows-caption">
                <table class="zc-table zc-table-text" id="zc-ledger-rows">
                    <caption id="zc-ledger-rows-caption">{ if r["rowsWithProblems"].as_u64().unwrap_or(rows.len() as u64) > SHOWN_ROWS as u64 {
                        t!("有问题的行（显示前 {} 行，全部见下载文件）", "Rows with problems (the first {}; the download has all)"; SHOWN_ROWS).get(lang).to_string()
                    } else { tr(lang, "有问题的行", "Rows with problems") } }</caption>
                    <thead><tr><th scope="col">{ tr(lang, "行", "Row") }</th><th scope="col">{ tr(lang, "单元格", "Cell") }</th><th scope="col">{ tr(lang, "问题", "Problem") }</th></tr></thead>
                    <tbody>{ for rows.iter().take(shown).flat_map(|row| {
                        let problems = row["problems"].as_array().map(|a| a.as_slice()).unwrap_or(&[]);
                        let n = row["row"].as_u64().unwrap_or(0);
                        problems.iter().map(move |p| html! {
                            <tr><th scope="row">{ n }</th><td>{ p["cell"].as_str().unwrap_or("").to_string() }</td><td>{ p["message"].as_str().unwrap_or("").to_string() }</td></tr>
                        })
                    }) }</tbody>
                </table>
                </div>
                if shown < rows.len() {
                    <div class="zc-actions">
                        <button class="zc-button zc-secondary" type="button" id="zc-ledger-more" onclick={more}>
                            { t!("再显示 {} 行", "Show {} more rows"; PAGE_ROWS.min(rows.len() - shown)).get(lang).to_string() }
                        </button>
                    </div>
                }
            }
        </section>
    }
}
