// The loader (dist/zc-widgets.js) fetches only the bundles a page's elements
// need: a page with one kind gets that kind's bundle, an element added later gets
// its own bundle, a page with several kinds gets the combined one; the preload
// hints are used (each file fetched once) and Chromium warns of nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { readFileSync } from 'node:fs';
import { start, open, widget } from './harness.mjs';

/** The build's manifest: each bundle's content-hashed files and preload lines. */
const manifest = JSON.parse(readFileSync(new URL('../../www/dist/manifest.json', import.meta.url), 'utf8'));
const preload = (bundle) => manifest.bundles[bundle].preload.map((l) => l.replace('href="', 'href="/dist/')).join('\n  ');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const clean = { console: [], pageErrors: [], offsite: [] };

/** A page with only `<zc-id-check>`, the loader and the guide's preload lines for its bundle. */
const idCheckPage = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>证件号码核对</title>
  <link rel="icon" href="data:,">
  ${preload('id-check')}
  <script type="module" src="/dist/zc-widgets.js"></script>
</head>
<body><main><h1>证件号码核对</h1><zc-id-check kind="residentId"></zc-id-check></main></body>
</html>`;

/** The bundle folders under /dist/ that the page requested, in order, each once. */
function bundlesRequested(requests) {
  return [...new Set(requests.map((r) => r.match(/^\/dist\/([^/]+)\//)?.[1]).filter((b) => b && b !== 'packs'))];
}

/** How many times each requested path was fetched, for paths fetched more than once. */
function repeated(requests) {
  const counts = {};
  for (const r of requests) counts[r] = (counts[r] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 1));
}

test('a page with only <zc-id-check> fetches only the id-check bundle, once, and it works', async () => {
  const { page, problems, requests, context } = await open(env, '/only-id-check.html', { html: idCheckPage });
  const el = await widget(page, 'zc-id-check');
  assert.deepEqual(await page.evaluate(() => window.zhuchuang.ready), ['id-check']);
  await el.locator('input').fill('11010519491231002X');
  const details = el.locator('dl.zc-details');
  await details.waitFor();
  assert.match(await details.innerText(), /1949-12-31/);
  assert.deepEqual(bundlesRequested(requests), ['id-check']);
  assert.ok(requests.includes(`/dist/${manifest.bundles['id-check'].wasm}`), requests.join('\n'));
  // The preloads are the fetches the loader makes (same URL, same CORS mode): nothing twice.
  assert.deepEqual(repeated(requests), {});
  // Chromium warns of an unused preload a few seconds after the load event.
  await sleep(3500);
  assert.deepEqual(problems, clean);
  await context.close();
});

test('an element added later by script gets its own bundle, and works', async () => {
  const { page, problems, requests, context } = await open(env, '/only-id-check.html', { html: idCheckPage });
  await widget(page, 'zc-id-check');
  assert.equal(await page.evaluate(() => customElements.get('zc-retirement')), undefined);
  await page.evaluate(() => {
    const later = document.createElement('section');
    later.innerHTML = '<zc-retirement today="2026-11-21"></zc-retirement>';
    document.querySelector('main').append(later);
  });
  await page.evaluate(() => customElements.whenDefined('zc-retirement'));
  const el = await widget(page, 'zc-retirement');
  assert.deepEqual(bundlesRequested(requests), ['id-check', 'retirement']);
  await el.locator('#zc-birth-year').fill('1970');
  await el.locator('#zc-birth-month').fill('1');
  await el.locator('#zc-birth-day').fill('15');
  await el.locator('input[type="radio"][name="zc-track"]').first().check();
  await el.locator('button[type="submit"]').click();
  const outcome = el.locator('section.zc-outcome');
  await outcome.waitFor();
  assert.match(await outcome.innerText(), /2031年5月/);
  assert.deepEqual(repeated(requests), {});
  assert.deepEqual(problems, clean);
  await context.close();
});

/** A page with only `markup`, the loader and no hints. */
const pageWith = (markup) => `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>zhuchuang</title><link rel="icon" href="data:,">
<script type="module" src="/dist/zc-widgets.js"></script></head>
<body><main><h1>zhuchuang</h1>${markup}</main></body>
</html>`;

// Every bundle alone: it defines its elements (and no other), they render, and
// the page fetches no other bundle.
const alone = {
  'id-check': ['zc-id-check'],
  retirement: ['zc-retirement'],
  materials: ['zc-materials'],
  eligibility: ['zc-eligibility'],
  subsidy: ['zc-subsidy'],
  loan: ['zc-loan', 'zc-loan-screening'],
  application: ['zc-application-check'],
};
for (const [bundle, tags] of Object.entries(alone)) {
  test(`the ${bundle} bundle alone defines and renders ${tags.join(' and ')}, and only that`, async () => {
    const markup = tags.map((t) => `<${t} today="2026-11-21"></${t}>`).join('');
    const { page, problems, requests, context } = await open(env, `/only-${bundle}.html`, { html: pageWith(markup) });
    assert.deepEqual(await page.evaluate(() => window.zhuchuang.ready), [bundle]);
    for (const tag of tags) await widget(page, tag);
    const defined = await page.evaluate((all) => all.filter((t) => customElements.get(t)),
      Object.values(alone).flat());
    assert.deepEqual(defined, tags);
    assert.deepEqual(bundlesRequested(requests), [bundle]);
    assert.deepEqual(problems, clean);
    await context.close();
  });
}

test('the demo page, with several kinds, fetches the combined bundle only, as its hints preload it', async () => {
  const { page, problems, requests, context } = await open(env, '/');
  await widget(page, 'zc-id-check');
  await widget(page, 'zc-loan-screening');
  assert.deepEqual(await page.evaluate(() => window.zhuchuang.ready), ['all']);
  assert.deepEqual(bundlesRequested(requests), ['all']);
  assert.deepEqual(repeated(requests.filter((r) => r.startsWith('/dist/all/'))), {});
  await sleep(3500);
  assert.deepEqual(problems, clean);
  await context.close();
});
