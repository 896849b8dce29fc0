// The iframe demo's portal page. The widgets' site is given by ?frames=<origin>
// (scripts/serve.mjs serves this page on the port after the demo's, framing it).
const frames = new URLSearchParams(location.search).get('frames')
  || `${location.protocol}//${location.hostname}:${Number(location.port) - 1}`;
// The parent side first, so no message of the frame arrives before it listens.
await import(new URL('/dist/zc-frame.js', frames).href);
const src = new URL('/dist/frame.html', frames);
src.search = new URLSearchParams({ w: 'loan', lang: 'zh-CN', today: '2026-11-21', parent: location.origin }).toString();
const iframe = document.createElement('iframe');
iframe.src = src.href;
iframe.title = '创业担保贷款测算';
iframe.dataset.zcFrame = '';
iframe.height = '600';
document.getElementById('frames').append(iframe);
iframe.addEventListener('zc-change', (e) => {
  const li = document.createElement('li');
  li.textContent = `zc-change: ${JSON.stringify(e.detail).slice(0, 160)}…`;
  document.getElementById('log').append(li);
});
