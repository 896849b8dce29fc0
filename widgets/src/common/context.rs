//! The page context every widget works in, and the hooks built on it: the
//! widget's local rule pack (`use_pack`, fetched once per page), the region it
//! works for (`region_for`), the submit → errors or result → `zc-change` cycle
//! of the calculator widgets (`use_calculation`) and the form setters
//! (`on_input`, `on_value`).

use super::FieldError;
use crate::element::Host;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
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
        (Ok(q), true) if *pack != PackStatus::Loading => {
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

/// A note under the form about the pack (loading, failed).
pub fn pack_notice(status: &PackStatus, lang: Lang) -> Html {
    match status {
        PackStatus::Loading => {
            html! { <p class="zc-note" role="status">{ t!("正在加载本地政策参数…", "Loading local rules…").get(lang) }</p> }
        }
        PackStatus::Failed(e) => html! {
            <p class="zc-problem zc-warning" role="status">
                { t!("本地政策参数未能加载，下面按全国默认参数计算：", "The local rules could not be loaded; national defaults are used: ").get(lang) }{ e.clone() }
            </p>
        },
        _ => html! {},
    }
}
