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
