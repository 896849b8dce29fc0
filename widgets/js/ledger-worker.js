// The ledger check's Web Worker (module worker, same origin: under a strict CSP it
// needs only script-src 'self' 'wasm-unsafe-eval', or worker-src 'self'). It loads
// the ledger bundle next to it and answers the widget's messages:
//   { type: 'columns', bytes, options }          → { type: 'columns', result }
//   { type: 'check', [bytes], mapping, options }  → { type: 'progress', done, total, ms }…,
//                                                   { type: 'report', report (JSON text), ms },
//                                                   { type: 'files', xlsx, csv, ms }
//   any failure                                   → { type: 'error', error: { code, message } }
// The widget cancels by terminating the worker. Nothing leaves the browser.
import init, { zcLedgerColumns, zcLedgerCheck } from './zhuchuang_widgets.js';

/** Problem rows sent to the page (widgets/src/ledger.rs SHOWN_ROWS). */
const SHOWN_ROWS = 100;

const ready = init({ module_or_path: new URL('./zhuchuang_widgets_bg.wasm', import.meta.url) });

/** The file of the last columns step; a check message without bytes uses it. */
let last = null;

self.onmessage = async (event) => {
  const m = event.data;
  if (m.bytes) last = m.bytes;
  try {
    await ready;
    if (m.type === 'columns') {
      self.postMessage({ type: 'columns', result: zcLedgerColumns(m.bytes, m.options) });
      return;
    }
    const t0 = performance.now();
    const r = zcLedgerCheck(m.bytes || last, m.mapping, m.options,
      (done, total) => { self.postMessage({ type: 'progress', done, total, ms: performance.now() - t0 }); },
      (report) => {
        const ms = performance.now() - t0;
        // Only what the page shows: the summary and the first problem rows.
        const r = JSON.parse(report);
        const shown = { ...r, rowsWithProblems: r.rows.length, rows: r.rows.slice(0, SHOWN_ROWS) };
        self.postMessage({ type: 'report', report: JSON.stringify(shown), ms });
      });
    self.postMessage({ type: 'files', xlsx: r.xlsx, csv: r.csv, ms: performance.now() - t0 }, [r.xlsx.buffer, r.csv.buffer]);
  } catch (e) {
    self.postMessage({ type: 'error', error: { code: e && e.code, message: String((e && e.message) || e) } });
  }
};
