//! Printing one widget alone (the materials notification, the subsidy table):
//! a constructed document stylesheet, so a strict CSP needs no exception.

use crate::element::Host;
use wasm_bindgen::JsCast;

/// Prints only this widget: a document-level print stylesheet (constructed, so no
/// CSP exception) hides the rest of the page while the host is marked.
pub fn print_only(host: &Host) {
    let _ = host.0.set_attribute("data-zc-print", "");
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    install_print_sheet(&document);
    let host2 = host.0.clone();
    let done = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = host2.remove_attribute("data-zc-print");
    });
    let _ = window.add_event_listener_with_callback("afterprint", done.unchecked_ref());
    let _ = window.print();
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function zc_install_print_sheet(doc) {
  if (doc.__zcPrintSheet) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@media print {
    body *:not(:has([data-zc-print])):not([data-zc-print]) { display: none !important; }
    body * { visibility: hidden !important; }
    [data-zc-print] { visibility: visible !important; position: absolute !important; left: 0; top: 0;
      width: 100%; max-width: none !important; margin: 0 !important; }
  }`);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  doc.__zcPrintSheet = sheet;
}
"#)]
extern "C" {
    fn zc_install_print_sheet(doc: &web_sys::Document);
}

fn install_print_sheet(doc: &web_sys::Document) {
    zc_install_print_sheet(doc);
}
