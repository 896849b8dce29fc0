//! "Share with staff" (与工作人员共享): the citizen's answers as a case code and
//! a QR code ([`ShareCase`]), and the window clerk's side that opens one
//! ([`OpenCase`], or a `#zc-case=` fragment in the page address). The code is
//! made and read by the core ([`zhuchuang_core::share`]); it goes nowhere by
//! itself: the person shows it, the clerk scans or types it.

use qrcodegen::{QrCode, QrCodeEcc};
use yew::prelude::*;
use zhuchuang_core::share::{decode_case, encode_case, Case};
use zhuchuang_core::{t, Lang};

/// A QR code as an inline SVG (one path; no image, no request).
pub fn qr_svg(text: &str, label: &str) -> Html {
    let Ok(qr) = QrCode::encode_text(text, QrCodeEcc::Medium) else {
        return html! {};
    };
    let size = qr.size();
    let border = 4;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{} {}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let side = (size + 2 * border).to_string();
    let view = format!("0 0 {side} {side}");
    html! {
        <svg class="zc-qr" viewBox={view} role="img" aria-label={label.to_string()} shape-rendering="crispEdges">
            <rect width={side.clone()} height={side} fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}

/// The address a case code opens at: `base` (the staff page the site names in
/// `share-url`, else this page) with the code in the fragment, which browsers
/// never send to a server.
pub fn case_url(base: Option<&str>, code: &str) -> String {
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = base.unwrap_or(&here);
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#zc-case={code}")
}

/// The case code in this page's address (`#zc-case=…`), if any.
pub fn case_in_address() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.split_once("zc-case=").map(|(_, c)| c.to_string())
}

/// Answers carried over to a program's widget in this page's address
/// (`#zc-answers=<case code>`, from the policy finder's "check in detail"
/// link), if any. A citizen's widget of that program takes them as its own
/// answers; see `<zc-eligibility case>`.
pub fn answers_in_address() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.split_once("zc-answers=")
        .map(|(_, c)| c.split('&').next().unwrap_or(c).to_string())
}

#[derive(Properties, PartialEq)]
pub struct ShareCaseProps {
    pub lang: Lang,
    pub case: Case,
    pub determination_id: String,
    /// The staff page the QR code opens (`share-url`), else this page.
    pub share_url: Option<String>,
}

/// The citizen's side: a button that shows the case code and its QR code.
#[function_component(ShareCase)]
pub fn share_case(p: &ShareCaseProps) -> Html {
    let lang = p.lang;
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let code = encode_case(&p.case);
    let url = case_url(p.share_url.as_deref(), &code);
    html! {
        <div class="zc-share zc-no-print">
            <button type="button" class="zc-button zc-secondary" aria-expanded={if *open { "true" } else { "false" }} aria-controls="zc-share-panel" onclick={toggle}>
                { t!("与工作人员共享", "Share with the office").get(lang) }
            </button>
            if *open {
                <div class="zc-panel" id="zc-share-panel">
                    <p>{ t!("到窗口时出示这个二维码或案例码，工作人员会看到同样的结果（判定编号 {}），不必再问一遍。案例码包含您的回答，只给经办人员看。", "At the counter, show this QR code or case code: the staff see the same result (determination {}) without asking again. The code contains your answers: show it to office staff only."; p.determination_id).get(lang) }</p>
                    { qr_svg(&url, t!("案例码二维码", "QR code of the case code").get(lang)) }
                    <p class="zc-label" id="zc-share-code-label">{ t!("案例码", "Case code").get(lang) }</p>
                    <p class="zc-case-code" aria-labelledby="zc-share-code-label">{ code }</p>
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct OpenCaseProps {
    pub lang: Lang,
    /// Called with the case read from a code.
    pub onopen: Callback<Case>,
}

/// The clerk's side: a box to type, paste or scan a case code into.
#[function_component(OpenCase)]
pub fn open_case(p: &OpenCaseProps) -> Html {
    let lang = p.lang;
    let text = use_state(String::new);
    let error = use_state(|| None::<String>);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| text.set(crate::element::input_value(&e.into())))
    };
    let onsubmit = {
        let (text, error, onopen) = (text.clone(), error.clone(), p.onopen.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match decode_case(&text) {
                Ok(case) => {
                    error.set(None);
                    onopen.emit(case);
                }
                Err(e) => error.set(Some(e.text().get(lang).to_string())),
            }
        })
    };
    let invalid = error.is_some();
    html! {
        <form class="zc-open-case zc-no-print" novalidate=true {onsubmit}>
            <div class="zc-field">
                <label class="zc-label" for="zc-case-code">{ t!("打开申请人的案例码", "Open the applicant's case code").get(lang) }</label>
                <span class="zc-hint" id="zc-case-code-hint">{ t!("扫描二维码，或输入以 ZC1- 开头的案例码。", "Scan the QR code, or type the case code starting with ZC1-.").get(lang) }</span>
                if let Some(m) = &*error {
                    <p class="zc-problem zc-error" id="zc-case-code-error">{ m.clone() }</p>
                }
                <input class="zc-input" id="zc-case-code" type="text" autocomplete="off" spellcheck="false"
                    aria-describedby="zc-case-code-hint zc-case-code-error" aria-invalid={if invalid { "true" } else { "false" }}
                    value={(*text).clone()} {oninput} />
            </div>
            <button class="zc-button" type="submit">{ t!("打开", "Open").get(lang) }</button>
        </form>
    }
}
