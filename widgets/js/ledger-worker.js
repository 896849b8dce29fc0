// The ledger check's Web Worker (module worker, same origin: under a strict CSP it
// needs only script-src 'self' 'wasm-unsafe-eval', or worker-src 'self'). It loads
// the ledger bundle next to it and answers the widget's messages:
//   { type: 'columns', bytes, options }          → { type: 'columns', result }
//   { type: 'check', bytes, mapping, options }    → { type: 'progress', done, total, ms }…,
//                                                   { type: 'report', report (JSON text), ms },
//                                                   { type: 'files', xlsx, csv, ms }
//   any failure                                   → { type: 'error', error: { code, message } }
// The widget cancels by terminating the worker. Nothing leaves the browser.
import init, { zcLedgerColumns, zcLedgerCheck } from './zhuchuang_widgets.js';

const ready = init({ module_or_path: new URL('./zhuchuang_widgets_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  const m = event.data;
  try {
    await ready;
    if (m.type === 'columns') {
      self.postMessage({ type: 'columns', result: zcLedgerColumns(m.bytes, m.options) });
      return;
    }
    const t0 = performance.now();
    const r = zcLedgerCheck(m.bytes, m.mapping, m.options,
      (done, total) => { self.postMessage({ type: 'progress', done, total, ms: performance.now() - t0 }); },
      (report) => { self.postMessage({ type: 'report', report, ms: performance.now() - t0 }); });
    self.postMessage({ type: 'files', xlsx: r.xlsx, csv: r.csv, ms: performance.now() - t0 }, [r.xlsx.buffer, r.csv.buffer]);
  } catch (e) {
    self.postMessage({ type: 'error', error: { code: e && e.code, message: String((e && e.message) || e) } });
  }
};
