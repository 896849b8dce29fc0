// Time to a result in Chromium for each widget alone on a page (www/bench/),
// unthrottled and with 4× CPU throttling plus slow 4G (150 ms, 1.6 Mbit/s
// down, 750 kbit/s up, cache disabled): ms from navigation start to the
// widget's result, median of `runs`. Where the result needs input, Playwright
// fills the minimum as soon as the form is ready (its time is included).
//
// The pages are served as a portal would serve them: www/ with the CSP of
// scripts/serve.mjs, brotli -11 (as scripts/size-report.mjs measures) when the
// browser accepts it. A page's first download is the brotli bytes of every
// response but the HTML page itself, so it holds for one bundle or a bundle
// per widget.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CSP } from '../serve.mjs';

const www = fileURLToPath(new URL('../../www/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm' };

/** A static server of www/ sending brotli; `log` gets `{ path, bytes }` per response. */
function serveBrotli(log) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const file = normalize(join(www, decodeURIComponent(path)));
    let body = file.startsWith(www) ? cache.get(file) : null;
    if (body === undefined) {
      try { body = brotli(await readFile(file)); } catch { body = null; }
      cache.set(file, body);
    }
    if (!body) { res.writeHead(404); res.end(); return; }
    log({ path, bytes: body.length });
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream',
      'content-encoding': 'br', 'content-length': body.length, 'content-security-policy': CSP,
      'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** The pages: what "result" means, and the input it needs (none: shown on load). */
export const WIDGETS = [
  { page: 'id-check', tag: 'zc-id-check', result: 'details of the number in `value`' },
  { page: 'retirement', tag: 'zc-retirement', result: 'retirement month', fill: async (el) => {
    await el.locator('#zc-birth-year').fill('1970');
    await el.locator('#zc-birth-month').fill('1');
    await el.locator('#zc-birth-day').fill('15');
    await el.locator('#zc-track-2').check();
    await el.locator('button[type=submit]').click();
  } },
  { page: 'eligibility', tag: 'zc-eligibility', result: 'first question (wizard)' },
  { page: 'subsidy', tag: 'zc-subsidy', result: 'subsidy plan', fill: async (el) => {
    await el.locator('#zc-birth-year').fill('1966');
    await el.locator('#zc-birth-month').fill('1');
    await el.locator('#zc-birth-day').fill('15');
    await el.locator('#zc-track').check();
    await el.locator('#zc-approved-year').fill('2021');
    await el.locator('#zc-approved-month').fill('6');
    await el.locator('#zc-approved-day').fill('15');
    await el.locator('#zc-pension').fill('800');
    await el.locator('#zc-medical').fill('300');
    await el.locator('button[type=submit]').click();
  } },
  { page: 'loan', tag: 'zc-loan', result: 'loan quote', fill: async (el) => {
    await el.locator('#zc-borrower').check();
    await el.locator('#zc-amount').fill('300000');
    await el.locator('#zc-term').fill('12');
    await el.locator('#zc-date-year').fill('2025');
    await el.locator('#zc-date-month').fill('6');
    await el.locator('#zc-date-day').fill('1');
    await el.locator('#zc-rate').fill('3.5');
    await el.locator('#zc-repayment').check();
    await el.locator('button[type=submit]').click();
  } },
  { page: 'loan-screening', tag: 'zc-loan-screening', result: 'first questions' },
  { page: 'materials', tag: 'zc-materials', result: 'checklist' },
];

function brotli(data) {
  return brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(browser, base, w, throttled, served) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8),
    });
  }
  served.length = 0;
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/bench/${w.page}.html`);
  const el = page.locator(w.tag);
  if (w.fill) {
    await page.waitForFunction(() => window.zcBench?.ready !== null && window.zcBench?.ready !== undefined, null, { timeout: 120000 });
    await w.fill(el);
  }
  await page.waitForFunction(() => window.zcBench && window.zcBench.result !== null, null, { timeout: 120000 })
    .catch((e) => { throw new Error(`${w.page}${throttled ? ' (throttled)' : ''}: no result: ${e.message}`); });
  const marks = await page.evaluate(() => window.zcBench);
  const files = served.filter((f) => !f.path.endsWith('.html'));
  await context.close();
  if (errors.length) throw new Error(`${w.page}: ${errors.join('; ')}`);
  return { ...marks, bytes: files.reduce((a, f) => a + f.bytes, 0), files: files.length };
}

export async function runBrowser({ runs = 3, executablePath = process.env.CHROMIUM || '/usr/bin/chromium' } = {}) {
  const served = [];
  const server = await serveBrotli((f) => served.push(f));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const rows = [];
  try {
    // Untimed: every page once, so the server has compressed what it sends.
    for (const w of WIDGETS) await once(browser, base, w, false, served);
    for (const w of WIDGETS) {
      const fast = [];
      for (let i = 0; i < runs; i++) fast.push(await once(browser, base, w, false, served));
      const first = fast[0];
      const slow = [];
      for (let i = 0; i < runs; i++) slow.push(await once(browser, base, w, true, served));
      rows.push({
        widget: w.tag, result: w.result, filled: Boolean(w.fill), brotliBytes: first.bytes, files: first.files,
        resultMs: median(fast.map((r) => r.result)), readyMs: median(fast.map((r) => r.ready)),
        throttledResultMs: median(slow.map((r) => r.result)), throttledReadyMs: median(slow.map((r) => r.ready)),
      });
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}
