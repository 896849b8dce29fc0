// zhuchuang widgets loader: the one script a page includes.
//   <script type="module" src="/path/to/zc-widgets.js"></script>
//
// It downloads a widget's bundle (glue + wasm, in the folder of that name next to
// this file) only when an element of that kind is on the page: the elements
// present when it runs, and any added later (a MutationObserver watches the
// document until every tag is defined). The rule for several kinds:
//   - two or more bundles needed when the loader runs: the combined bundle `all/`,
//     one download that defines every tag;
//   - one bundle needed: that bundle alone;
//   - an element of a kind not yet defined, added later: its own bundle (unless
//     the combined bundle is already loading, which defines it).
// A tag already defined (by an earlier bundle or by the page) is never defined
// again, and no bundle is fetched twice. `customElements.whenDefined(tag)` works
// as for any custom element; `window.zhuchuang.ready` is a promise that settles
// when the bundles for the elements present at load are defined (it resolves to
// their names). Works under a strict CSP (script-src 'self' 'wasm-unsafe-eval')
// and makes no other request.
//
// If a bundle cannot start (the page's CSP lacks 'wasm-unsafe-eval', a network
// error, a browser without WebAssembly), each of its elements says so in both
// languages (inside the element, readable by screen readers) and the console
// names the exact fix; `window.zhuchuang.ready` then rejects.

// <generated> by widgets/tests/generated.rs from the widgets' own table; UPDATE_GENERATED=1 rewrites it
/** Each tag's own bundle (the folder next to this file). */
const BUNDLES = {
  'zc-id-check': 'id-check',
  'zc-retirement': 'retirement',
  'zc-materials': 'materials',
  'zc-eligibility': 'eligibility',
  'zc-subsidy': 'subsidy',
  'zc-loan': 'loan',
  'zc-loan-screening': 'loan',
  'zc-finder': 'finder',
  'zc-application-check': 'application',
  'zc-ledger-check': 'ledger',
};
/** Bundles the combined one leaves out (not in the default build: the ledger
 * check, whose format readers are large and only staff pages use it): always
 * loaded on their own. */
const ALONE = new Set(['ledger']);
// </generated>
const COMBINED = 'all';
/** Each bundle's content-hashed glue and wasm (dist/manifest.json), filled in by
 * the build (scripts/hash-dist.mjs); empty in the source, which then loads the
 * unhashed names. */
const FILES = {};
const TAGS = Object.keys(BUNDLES);
const SELECTOR = TAGS.join(',');
const loading = new Map();
/** Bundles that could not start, with the reason (see `why`). */
const failed = new Map();

/** Why a bundle could not start: 'csp', 'browser' or 'network', and the fix. */
function why(error) {
  const text = String(error && (error.message || error));
  if (typeof WebAssembly !== 'object') {
    return { reason: 'browser', fix: 'this browser has no WebAssembly; the widgets need a browser from 2019 or later' };
  }
  if (/unsafe-eval|Content Security Policy|CSP/i.test(text)) {
    return { reason: 'csp', fix: "add 'wasm-unsafe-eval' to the page's Content-Security-Policy script-src (script-src 'self' 'wasm-unsafe-eval')" };
  }
  return { reason: 'network', fix: `check that the widget files are served next to zc-widgets.js (${new URL('./', import.meta.url).href}) with the right MIME types (.js text/javascript, .wasm application/wasm)` };
}

const MESSAGES = {
  csp: ['本页的安全策略不允许运行计算器，请联系网站管理员。', "This page's security policy does not allow the calculator to run; please tell the site's webmaster."],
  network: ['计算器未能下载，请检查网络后刷新页面。', 'The calculator could not be downloaded; check your connection and reload the page.'],
  browser: ['您的浏览器版本过旧，无法运行计算器，请换用较新的浏览器。', 'Your browser is too old to run the calculator; please use a newer one.'],
};

/** Says inside `el` that its calculator could not start, and why. */
function showFailure(el, reason) {
  if (customElements.get(el.localName) || el.hasAttribute('data-zc-failed')) return;
  el.setAttribute('data-zc-failed', reason);
  const root = el.shadowRoot || el.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  const [zh, en] = MESSAGES[reason];
  for (const [text, lang] of [['计算器未能启动。' + zh, 'zh-CN'], ['The calculator could not start. ' + en, 'en']]) {
    const p = document.createElement('p');
    p.lang = lang;
    p.textContent = text;
    box.append(p);
  }
  root.replaceChildren(box);
}

function fail(name, error) {
  const { reason, fix } = why(error);
  failed.set(name, reason);
  console.error(`zhuchuang: 组件包 ${name} 未能启动 / the ${name} widget bundle could not start (${reason}). Fix: ${fix}.`, error);
  const tags = name === COMBINED ? TAGS.filter((t) => !ALONE.has(BUNDLES[t])) : TAGS.filter((t) => BUNDLES[t] === name);
  for (const el of document.querySelectorAll(tags.join(','))) showFailure(el, reason);
}

function load(name) {
  if (!loading.has(name)) {
    const files = FILES[name] || { glue: `${name}/zhuchuang_widgets.js`, wasm: `${name}/zhuchuang_widgets_bg.wasm` };
    const glue = new URL(`./${files.glue}`, import.meta.url);
    const wasm = new URL(`./${files.wasm}`, import.meta.url);
    const started = typeof WebAssembly === 'object'
      ? import(glue.href).then((m) => m.default({ module_or_path: wasm }))
      : Promise.reject(new Error('no WebAssembly'));
    loading.set(name, started.then(() => name, (e) => { fail(name, e); throw e; }));
  }
  return loading.get(name);
}

/** The bundles the given elements need that are neither defined nor on their way. */
function needed(elements) {
  const names = new Set();
  for (const el of elements) {
    const tag = el.localName;
    const name = BUNDLES[tag];
    if (loading.has(COMBINED) && !ALONE.has(name)) continue;
    if (name && !customElements.get(tag) && !loading.has(name)) names.add(name);
  }
  return names;
}

function settled() {
  return TAGS.every((tag) => customElements.get(tag) || loading.has(BUNDLES[tag])
    || (loading.has(COMBINED) && !ALONE.has(BUNDLES[tag])));
}

const atLoad = needed(document.querySelectorAll(SELECTOR));
const alone = [...atLoad].filter((name) => ALONE.has(name));
const shared = [...atLoad].filter((name) => !ALONE.has(name));
const ready = Promise.all([
  shared.length >= 2 ? load(COMBINED) : Promise.all(shared.map(load)),
  ...alone.map(load),
]).then((names) => names.flat());

if (!settled()) {
  const observer = new MutationObserver((records) => {
    const added = [];
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.matches(SELECTOR)) added.push(node);
        added.push(...node.querySelectorAll(SELECTOR));
      }
    }
    for (const el of added) {
      const reason = failed.get(BUNDLES[el.localName]) || (!ALONE.has(BUNDLES[el.localName]) && failed.get(COMBINED));
      if (reason) showFailure(el, reason);
    }
    for (const name of needed(added)) load(name).catch(() => {});
    if (settled()) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

window.zhuchuang = Object.assign(window.zhuchuang || {}, { ready });
// As before, importing this module finishes once the widgets on the page are
// defined (or have said why they could not start).
await ready.catch(() => {});
