// zhuchuang iframe mode: one widget on its own page, for a CMS that allows an
// <iframe> but no <script>.
//
//   <iframe src="https://your.site/zc/frame.html?w=loan&lang=zh-CN&parent=https%3A%2F%2Fportal.example"
//           title="创业担保贷款测算" data-zc-frame></iframe>
//
// Query parameters: `w` the widget (its tag without `zc-`, WIDGETS below);
// `parent` the embedding page's origin; every other parameter the widget
// understands (COMMON_ATTRIBUTES and its own ATTRIBUTES below) becomes an attribute.
//
// Messages (window.postMessage, protocol version 1), all objects with
// `type` and `v: 1`:
//   frame → parent  {type: 'zhuchuang:height', v: 1, widget, height}   on every size change
//   frame → parent  {type: 'zhuchuang:event', v: 1, widget, event, detail}  each zc-… event
//   parent → frame  {type: 'zhuchuang:attributes', v: 1, attributes: {lang: 'en', …}}
// With `parent` set, messages go to that origin only and only messages from it
// are read. Without it, only the height is sent (it says nothing about the
// person) and nothing is read: events carry answers, so they are never sent
// to an unknown origin.
// <generated> by widgets/tests/generated.rs from the widgets' own table; UPDATE_GENERATED=1 rewrites it
/** Attributes every widget reads. */
const COMMON_ATTRIBUTES = ['lang', 'large-text', 'pack', 'region', 'save', 'today'];
/** Each widget (`w`, its tag without `zc-`) and its own attributes. */
const ATTRIBUTES = {
  'id-check': ['kind', 'label', 'hint', 'value'],
  'retirement': [],
  'materials': ['type', 'mode'],
  'eligibility': ['program', 'mode', 'share-url', 'case'],
  'subsidy': ['program'],
  'loan': [],
  'loan-screening': [],
  'finder': ['programs', 'program-url'],
  'application-check': ['form'],
  'ledger-check': [],
};
const WIDGETS = Object.keys(ATTRIBUTES);
// </generated>
const EVENTS = ['zc-change', 'zc-pack-error', 'zc-error'];
// The clerk's application-form pre-check (`form` picks the form).
const VERSION = 1;

const params = new URLSearchParams(location.search);
const name = params.get('w');
const mount = document.getElementById('zc-frame');
let parentOrigin = null;
try {
  const p = params.get('parent');
  if (p) parentOrigin = new URL(p).origin;
} catch {
  console.error('zhuchuang frame: the `parent` parameter is not an origin such as https://portal.example; no events are sent.');
}

function post(message, personal) {
  if (window.parent === window) return;
  if (parentOrigin) window.parent.postMessage({ ...message, v: VERSION }, parentOrigin);
  else if (!personal) window.parent.postMessage({ ...message, v: VERSION }, '*');
}

if (!WIDGETS.includes(name)) {
  const p = document.createElement('p');
  p.textContent = `未知的组件 “${name ?? ''}”。Unknown widget "${name ?? ''}": use w=${WIDGETS.join(', ')}.`;
  mount.append(p);
} else {
  const el = document.createElement(`zc-${name}`);
  for (const a of [...COMMON_ATTRIBUTES, ...ATTRIBUTES[name]]) {
    const v = params.get(a);
    if (v !== null) el.setAttribute(a, v);
  }
  const lang = params.get('lang');
  if (lang) document.documentElement.lang = lang;
  for (const e of EVENTS) {
    el.addEventListener(e, (ev) => post({ type: 'zhuchuang:event', widget: name, event: e, detail: ev.detail }, true));
  }
  mount.append(el);
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      post({ type: 'zhuchuang:height', widget: name, height }, false);
    }
  };
  new ResizeObserver(report).observe(document.body);
  report();
  window.addEventListener('message', (m) => {
    if (!parentOrigin || m.origin !== parentOrigin || m.source !== window.parent) return;
    const d = m.data;
    if (!d || d.type !== 'zhuchuang:attributes' || d.v !== VERSION || typeof d.attributes !== 'object') return;
    for (const [k, v] of Object.entries(d.attributes)) {
      if (!COMMON_ATTRIBUTES.includes(k) && !ATTRIBUTES[name].includes(k)) continue;
      if (v === null || v === false) el.removeAttribute(k);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  });
  // The widgets themselves: the same loader a page would include.
  await import('./zc-widgets.js');
}
