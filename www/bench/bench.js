// Benchmark page helper (www/bench/*.html, driven by scripts/bench/browser.mjs):
// records when the page's one widget is ready (its `data-ready` selector is in
// its shadow root) and when it shows a result (`data-result`), in ms since
// navigation start, as window.zcBench.
const el = document.querySelector('[data-ready]');
const marks = { ready: null, result: null };
window.zcBench = marks;
function poll() {
  const root = el.shadowRoot;
  if (root) {
    if (marks.ready === null && root.querySelector(el.dataset.ready)) marks.ready = performance.now();
    if (marks.result === null && root.querySelector(el.dataset.result)) marks.result = performance.now();
  }
  if (marks.result === null) requestAnimationFrame(poll);
}
requestAnimationFrame(poll);
