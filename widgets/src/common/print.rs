//! Printing one widget alone (the materials notification, the subsidy table):
//! a constructed document stylesheet, so a strict CSP needs no exception.

use crate::element::Host;

/// Prints only this widget. While the print dialog is open, a document-level
/// print stylesheet (constructed, so no CSP exception) hides the rest of the
/// page and the host is marked; both are removed when printing ends, so
/// printing the page afterwards prints the page, however many times.
pub fn print_only(host: &Host) {
    zc_print_only(&host.0);
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function zc_print_only(host) {
  const doc = host.ownerDocument;
  const win = doc && doc.defaultView;
  if (!win) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@media print {
    body *:not(:has([data-zc-print])):not([data-zc-print]) { display: none !important; }
    body * { visibility: hidden !important; }
    [data-zc-print] { visibility: visible !important; position: absolute !important; left: 0; top: 0;
      width: 100%; max-width: none !important; margin: 0 !important; }
  }`);
  host.setAttribute('data-zc-print', '');
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const done = () => {
    host.removeAttribute('data-zc-print');
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  win.addEventListener('afterprint', done, { once: true });
  win.print();
}
"#)]
extern "C" {
    fn zc_print_only(host: &web_sys::HtmlElement);
}

/// What a printed result carries besides itself (print only): the date the
/// rules were applied for, the determination id where there is one, the rule
/// packs (version and hash), and the sources written out (the screen folds
/// them into a Sources panel, which paper cannot open).
pub fn print_record(
    sourced: &zhuchuang_core::pack::Sourced,
    as_of: chrono::NaiveDate,
    id: Option<&str>,
    lang: zhuchuang_core::Lang,
) -> yew::Html {
    use yew::prelude::*;
    use zhuchuang_core::t;
    html! {
        <div class="zc-print-only zc-print-record">
            <p>
                { t!("测算日期：{}", "Rules applied for: {}"; as_of).get(lang) }
                if let Some(id) = id { { " · " }{ t!("判定编号：{}", "Determination: {}"; id).get(lang) } }
                { " · " }{ t!("规则包：{}（{}）", "Rule packs: {} ({})"; super::pack_names(&sourced.pack, lang), super::short_hash(&sourced.pack)).get(lang) }
            </p>
            if !sourced.citations.is_empty() {
                <p class="zc-print-sources">
                    <strong>{ t!("政策依据：", "Sources: ").get(lang) }</strong>
                    { sourced.citations.iter().map(|c| format!("{}{}{}", c.document, c.title.as_ref().map(|t| format!("《{t}》")).unwrap_or_default(), c.article.as_ref().map(|a| format!(" {a}")).unwrap_or_default())).collect::<Vec<_>>().join("；") }
                </p>
            }
            <p>{ t!("本结果由计算器根据填写的信息得出，仅供参考，以经办机构审核为准。", "Worked out by the calculator from the answers given; for reference: the office decides.").get(lang) }</p>
        </div>
    }
}
