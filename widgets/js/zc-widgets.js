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

/** Each tag's own bundle (the folder next to this file). */
const BUNDLES = {
  'zc-id-check': 'id-check',
  'zc-retirement': 'retirement',
  'zc-materials': 'materials',
  'zc-eligibility': 'eligibility',
  'zc-subsidy': 'subsidy',
  'zc-loan': 'loan',
  'zc-loan-screening': 'loan',
};
const COMBINED = 'all';
const TAGS = Object.keys(BUNDLES);
const SELECTOR = TAGS.join(',');
const loading = new Map();

function load(name) {
  if (!loading.has(name)) {
    const glue = new URL(`./${name}/zhuchuang_widgets.js`, import.meta.url);
    const wasm = new URL(`./${name}/zhuchuang_widgets_bg.wasm`, import.meta.url);
    loading.set(name, import(glue.href)
      .then((m) => m.default({ module_or_path: wasm }))
      .then(() => name));
  }
  return loading.get(name);
}

/** The bundles the given elements need that are neither defined nor on their way. */
function needed(elements) {
  const names = new Set();
  if (loading.has(COMBINED)) return names;
  for (const el of elements) {
    const tag = el.localName;
    const name = BUNDLES[tag];
    if (name && !customElements.get(tag) && !loading.has(name)) names.add(name);
  }
  return names;
}

function settled() {
  return loading.has(COMBINED)
    || TAGS.every((tag) => customElements.get(tag) || loading.has(BUNDLES[tag]));
}

const atLoad = needed(document.querySelectorAll(SELECTOR));
const ready = atLoad.size >= 2
  ? load(COMBINED).then((name) => [name])
  : Promise.all([...atLoad].map(load));

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
    for (const name of needed(added)) {
      load(name).catch((e) => console.error(`zhuchuang: 组件包 ${name} 加载失败 / the ${name} widget bundle failed to load`, e));
    }
    if (settled()) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

window.zhuchuang = Object.assign(window.zhuchuang || {}, { ready });
// As before, importing this module finishes once the widgets on the page are defined.
await ready;
