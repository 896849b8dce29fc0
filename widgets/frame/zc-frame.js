// zhuchuang iframe mode, the parent's side (optional): sizes every
// <iframe data-zc-frame> to its widget and re-dispatches the widget's events on
// the iframe element (`zc-change`, `zc-pack-error`, … with the same `detail`).
//
//   <iframe src="https://widgets.example/zc/frame.html?w=loan&parent=https%3A%2F%2Fportal.example"
//           title="创业担保贷款测算" data-zc-frame></iframe>
//   <script type="module" src="https://widgets.example/zc/zc-frame.js"></script>
//
// A message is read only when it comes from the iframe's own window and origin
// and has the protocol's type and version (see frame.js).
const VERSION = 1;
const frames = () => [...document.querySelectorAll('iframe[data-zc-frame]')];

window.addEventListener('message', (m) => {
  const d = m.data;
  if (!d || typeof d.type !== 'string' || !d.type.startsWith('zhuchuang:') || d.v !== VERSION) return;
  const frame = frames().find((f) => f.contentWindow === m.source);
  if (!frame) return;
  let origin;
  try { origin = new URL(frame.src, document.baseURI).origin; } catch { return; }
  if (m.origin !== origin) return;
  if (d.type === 'zhuchuang:height' && Number.isFinite(d.height) && d.height >= 0) {
    frame.height = String(Math.min(Math.ceil(d.height), 20000));
  } else if (d.type === 'zhuchuang:event' && typeof d.event === 'string' && d.event.startsWith('zc-')) {
    frame.dispatchEvent(new CustomEvent(d.event, { detail: d.detail, bubbles: true }));
  }
});

/** Sets attributes of the widget inside `frame` (e.g. `{ lang: 'en' }`). */
export function setFrameAttributes(frame, attributes) {
  const origin = new URL(frame.src, document.baseURI).origin;
  frame.contentWindow?.postMessage({ type: 'zhuchuang:attributes', v: VERSION, attributes }, origin);
}
