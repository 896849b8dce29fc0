// zhuchuang iframe mode: one widget on its own page, for a CMS that allows an
// <iframe> but no <script>.
//
//   <iframe src="https://your.site/zc/frame.html?w=loan&lang=zh-CN&parent=https%3A%2F%2Fportal.example"
//           title="创业担保贷款测算" data-zc-frame></iframe>
//
// Query parameters: `w` the widget (id-check, retirement, materials, eligibility,
// subsidy, loan, loan-screening); `parent` the embedding page's origin; every
// other parameter the widget understands becomes an attribute (lang, large-text,
// pack, region, save, today, program, type, mode, kind, label, hint, value).
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
const WIDGETS = ['id-check', 'retirement', 'materials', 'eligibility', 'subsidy', 'loan', 'loan-screening'];
const ATTRIBUTES = ['lang', 'large-text', 'pack', 'region', 'save', 'today', 'program', 'type', 'mode',
  'kind', 'label', 'hint', 'value'];
const EVENTS = ['zc-change', 'zc-pack-error', 'zc-error'];
// The clerk's application-form pre-check (`form` picks the form).
WIDGETS.push('application-check');
ATTRIBUTES.push('form');
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
  for (const a of ATTRIBUTES) {
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
      if (!ATTRIBUTES.includes(k)) continue;
      if (v === null || v === false) el.removeAttribute(k);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  });
  // The widgets themselves: the same loader a page would include.
  await import('./zc-widgets.js');
}
