//! The page context every widget works in, and the hooks built on it: the
//! widget's local rule pack (`use_pack`, fetched once per page), the region it
//! works for (`region_for`), the submit → errors or result → `zc-change` cycle
//! of the calculator widgets (`use_calculation`) and the form setters
//! (`on_input`, `on_value`).

use super::FieldError;
use crate::element::Host;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;
use zhuchuang_core::{t, Lang};

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
    /// The pack could not be fetched or is invalid: every problem, in the
    /// widget's language. Results that need the site's local rules are not shown.
    Failed(Vec<PackTrouble>),
}

/// One reason a pack could not be used (for the console and `zc-pack-error`).
#[derive(Clone, PartialEq, serde::Serialize)]
pub struct PackTrouble {
    /// Where in the pack (a JSON Pointer), empty for a fetch failure.
    pub path: String,
    pub code: String,
    pub message: String,
}

thread_local! {
    /// Pack URLs this bundle has loaded, with their outcome.
    static LOADED: RefCell<HashMap<String, PackStatus>> = RefCell::new(HashMap::new());
}

// One fetch per pack URL per page, shared by every widget and every bundle on
// the page (each bundle is its own wasm instance, so the cache lives in JS);
// every problem of a broken pack is written to the console once per URL.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
const cache = (globalThis.__zhuchuangPacks ||= { texts: new Map(), reported: new Set() });
export function zc_pack_text(url) {
  const key = new URL(url, document.baseURI).href;
  let p = cache.texts.get(key);
  if (!p) {
    p = fetch(key, { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status} ${r.statusText}`.trim());
      return r.text();
    }, (e) => { throw new Error(String(e && e.message || e)); });
    cache.texts.set(key, p);
  }
  return p;
}
export function zc_report_pack(url, problems) {
  const key = new URL(url, document.baseURI).href;
  if (cache.reported.has(key)) return;
  cache.reported.add(key);
  const lines = problems.map((p, i) => `  ${i + 1}. ${p.path ? p.path + ': ' : ''}${p.message}${p.code ? ' [' + p.code + ']' : ''}`);
  console.error(`zhuchuang: the rule pack ${key} could not be used (${problems.length} problem${problems.length === 1 ? '' : 's'}); results that need it are not shown.\n${lines.join('\n')}`);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn zc_pack_text(url: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
    fn zc_report_pack(url: &str, problems: wasm_bindgen::JsValue);
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let promise = zc_pack_text(url).map_err(|e| format!("{e:?}"))?;
    match JsFuture::from(promise).await {
        Ok(text) => text.as_string().ok_or_else(|| "not text".into()),
        Err(e) => Err(js_sys::Error::from(e).message().into()),
    }
}

fn load_text(text: &str, lang: Lang) -> PackStatus {
    match zhuchuang_web::rules::with_packs(|set| {
        set.load(text).map_err(zhuchuang_web::ApiError::from)
    }) {
        Ok(report) => PackStatus::Ready {
            region: report.pack.region.clone(),
            title: report.pack.id.clone(),
        },
        Err(e) if e.problems.is_empty() => PackStatus::Failed(vec![PackTrouble {
            path: String::new(),
            code: e.code.to_string(),
            message: e.text.get(lang).to_string(),
        }]),
        Err(e) => PackStatus::Failed(
            e.problems
                .iter()
                .map(|p| PackTrouble {
                    path: p.at.clone(),
                    code: p.code.clone(),
                    message: p.message.get(lang).to_string(),
                })
                .collect(),
        ),
    }
}

/// Fetches and loads the widget's `pack` URL (one request per URL per page,
/// same origin), and reports its state. A pack that cannot be used fires
/// `zc-pack-error` on the widget (`detail`: `{ url, problems: [{ path, code,
/// message }] }`) and lists every problem in the console.
#[hook]
pub fn use_pack(host: &Host, url: Option<String>, lang: Lang) -> PackStatus {
    let status = use_state(|| match &url {
        None => PackStatus::None,
        Some(u) => LOADED
            .with(|f| f.borrow().get(u).cloned())
            .unwrap_or(PackStatus::Loading),
    });
    {
        let status = status.clone();
        let host = host.clone();
        use_effect_with(url.clone(), move |url| match url.clone() {
            None => status.set(PackStatus::None),
            Some(u) => {
                let done = LOADED.with(|f| f.borrow().get(&u).cloned());
                match done {
                    Some(done) => {
                        report_failure(&host, &u, &done);
                        status.set(done);
                    }
                    None => {
                        status.set(PackStatus::Loading);
                        wasm_bindgen_futures::spawn_local(async move {
                            let result = match fetch_text(&u).await {
                                // Another widget of this bundle may have loaded it meanwhile.
                                Ok(text) => match LOADED.with(|f| f.borrow().get(&u).cloned()) {
                                    Some(done) => done,
                                    None => load_text(&text, lang),
                                },
                                Err(e) => PackStatus::Failed(vec![PackTrouble {
                                    path: String::new(),
                                    code: "packUnavailable".into(),
                                    message: e,
                                }]),
                            };
                            LOADED.with(|f| f.borrow_mut().insert(u.clone(), result.clone()));
                            report_failure(&host, &u, &result);
                            status.set(result);
                        });
                    }
                }
            }
        });
    }
    (*status).clone()
}

fn report_failure(host: &Host, url: &str, status: &PackStatus) {
    if let PackStatus::Failed(problems) = status {
        let detail = serde_json::json!({ "url": url, "problems": problems });
        host.emit("zc-pack-error", &zhuchuang_web::to_js(&detail));
        zc_report_pack(url, zhuchuang_web::to_js(problems));
    }
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
    /// The form's errors, once the person has pressed the button: the form's
    /// own, or the calculation's problems located at a field (`path`).
    pub errors: Vec<FieldError>,
    /// The result (or the error message, in the widget's language), once the
    /// form is submitted, parses, and any `pack` has loaded. An error whose
    /// every problem is shown at its field is not repeated here.
    pub result: Option<Result<R, String>>,
    /// The form's `onsubmit`.
    pub onsubmit: Callback<SubmitEvent>,
}

/// The cycle every calculator widget shares: nothing is shown until the form
/// is submitted; then the parse errors, or `compute` run against the rules of
/// the widget's region, and `zc-change` fired with each new result (its
/// `detail` is what the JS API would return). An error's problems located by
/// a `path` (`annualRate`, `input.partners`, `overduePeriods[0]`) are shown at
/// the form field `field_of` names for that path (without `input.`).
#[hook]
pub fn use_calculation<Q, R, F>(
    host: &Host,
    pack: &PackStatus,
    lang: Lang,
    parsed: &Result<Q, Vec<FieldError>>,
    field_of: fn(&str) -> Option<&'static str>,
    compute: F,
) -> Calculation<R>
where
    R: serde::Serialize + Clone + PartialEq + 'static,
    F: FnOnce(&Q, &zhuchuang_core::pack::Rules<'_>) -> Result<R, zhuchuang_web::ApiError>,
{
    let submitted = use_state(|| false);
    let region = region_for(host, pack);
    let mut errors = match (parsed, *submitted) {
        (Err(e), true) => e.clone(),
        _ => Vec::new(),
    };
    let outcome = match (parsed, *submitted) {
        (Ok(q), true) if matches!(pack, PackStatus::None | PackStatus::Ready { .. }) => {
            Some(zhuchuang_web::rules::with_packs(|set| {
                let rules = set.rules(&region)?;
                compute(q, &rules)
            }))
        }
        _ => None,
    };
    let result = match outcome {
        Some(Err(e)) => {
            let located: Vec<FieldError> = e
                .problems
                .iter()
                .filter(|p| p.locus == zhuchuang_web::error::Locus::Path)
                .filter_map(|p| {
                    let path = p.at.strip_prefix("input.").unwrap_or(&p.at);
                    field_of(path).map(|id| FieldError {
                        id: id.to_string(),
                        message: p.message.get(lang).to_string(),
                    })
                })
                .collect();
            let all_located = !located.is_empty() && located.len() == e.problems.len();
            errors.extend(located);
            (!all_located).then(|| Err(e.text.get(lang).to_string()))
        }
        other => other.map(|r| r.map_err(|e| e.text.get(lang).to_string())),
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

/// A note about the pack: loading, or that the site's local rules could not
/// be loaded and results that need them are not shown (the technical
/// problems, for the site's webmaster, folded away).
pub fn pack_notice(status: &PackStatus, lang: Lang) -> Html {
    match status {
        PackStatus::Loading => {
            html! { <p class="zc-note" role="status">{ t!("正在加载本地政策参数…", "Loading local rules…").get(lang) }</p> }
        }
        PackStatus::Failed(problems) => html! {
            <div class="zc-problem zc-warning zc-pack-failed" role="alert">
                <p>{ t!("本网站的本地政策参数未能加载，需要这些参数的结果暂不显示。请稍后再试，或咨询当地经办机构。", "This site's local rules could not be loaded, so results that need them are not shown. Try again later, or ask the local office.").get(lang) }</p>
                <details>
                    <summary>{ t!("技术信息（供网站管理员）", "Technical details (for the site's webmaster)").get(lang) }</summary>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ if p.path.is_empty() { p.message.clone() } else { format!("{}：{}", p.path, p.message) } }</li> }) }</ul>
                </details>
            </div>
        },
        _ => html! {},
    }
}
