// The iframe mode: a portal page on another origin embeds one widget with an
// <iframe>; the iframe follows the widget's height, the widget's events arrive
// in the parent, and messages from anyone else are ignored on both sides.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, outputDir } from './harness.mjs';
import { serveParent } from '../../scripts/serve.mjs';
import { createServer } from 'node:http';

/** A third origin (neither the widgets' site nor the portal): its page posts
 * the protocol's messages to the portal that opened it and to the widget frame
 * inside that portal, as a hostile or confused page would. */
function serveThird() {
  const script = `
    const forged = [
      { type: 'zhuchuang:height', v: 1, height: 7 },
      { type: 'zhuchuang:event', v: 1, name: 'zc-change', detail: { forged: true } },
    ];
    for (const m of forged) opener.postMessage(m, '*');
    opener.frames[0].postMessage({ type: 'zhuchuang:attributes', v: 1, attributes: { lang: 'en' } }, '*');
    document.title = 'sent';`;
  const server = createServer((req, res) => {
    if (req.url.startsWith('/third.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>third</title><script src="/third.js"></script>');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

let env;
let parent;
before(async () => {
  env = await start();
  parent = await serveParent(0, env.base);
});
after(async () => { parent?.close(); await env?.close(); });

test('a portal on another origin embeds the loan widget by iframe', async () => {
  const origin = `http://127.0.0.1:${parent.address().port}`;
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${origin}/?frames=${encodeURIComponent(env.base)}`);
  const iframe = page.locator('iframe[data-zc-frame]');
  const frame = page.frameLocator('iframe[data-zc-frame]');
  const loan = frame.locator('zc-loan');
  await loan.locator('button[type=submit]').waitFor();
  // The height follows the content (the placeholder height was 600).
  await page.waitForFunction(() => document.querySelector('iframe[data-zc-frame]').height !== '600');
  const before = Number(await iframe.getAttribute('height'));
  assert.ok(before > 300, `height ${before}`);
  // A message that is not from the frame is ignored by the parent.
  await page.evaluate(() => window.postMessage({ type: 'zhuchuang:height', v: 1, height: 5 }, '*'));
  await page.waitForTimeout(100);
  assert.equal(Number(await iframe.getAttribute('height')), before);
  // Fill the form inside the frame: the result makes it taller, and zc-change arrives in the parent.
  const changed = page.evaluate(() => new Promise((ok) =>
    document.querySelector('iframe[data-zc-frame]').addEventListener('zc-change', (e) => ok(e.detail), { once: true })));
  await loan.locator('#zc-borrower').check();
  await loan.locator('#zc-amount').fill('200000');
  await loan.locator('#zc-term').fill('36');
  await loan.locator('#zc-rate').fill('3.45');
  await loan.locator('#zc-repayment').check();
  await loan.locator('button[type=submit]').click();
  const detail = await changed;
  assert.ok(detail.schedule || detail.cap || detail.amount, JSON.stringify(detail).slice(0, 200));
  await page.waitForFunction((h) => Number(document.querySelector('iframe[data-zc-frame]').height) > h, before);
  assert.match(await page.locator('#log').innerText(), /zc-change/);
  // The frame reads attributes only from its parent's origin.
  const widgetFrame = page.frames().find((f) => f.url().includes('/dist/frame.html'));
  await widgetFrame.evaluate(() => window.postMessage({ type: 'zhuchuang:attributes', v: 1, attributes: { lang: 'en' } }, '*'));
  await page.waitForTimeout(100);
  assert.equal(await loan.getAttribute('lang'), 'zh-CN');
  await page.evaluate(async (site) => {
    const { setFrameAttributes } = await import(new URL('/dist/zc-frame.js', site).href);
    setFrameAttributes(document.querySelector('iframe[data-zc-frame]'), { lang: 'en' });
  }, env.base);
  await loan.locator('text=Get the quote').waitFor();
  await page.screenshot({ path: `${outputDir}frame-parent.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('messages from a third origin reach neither the portal nor the widget frame', async () => {
  const third = await serveThird();
  try {
    const origin = `http://127.0.0.1:${parent.address().port}`;
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${origin}/?frames=${encodeURIComponent(env.base)}`);
    const iframe = page.locator('iframe[data-zc-frame]');
    const loan = page.frameLocator('iframe[data-zc-frame]').locator('zc-loan');
    await loan.locator('button[type=submit]').waitFor();
    await page.waitForFunction(() => document.querySelector('iframe[data-zc-frame]').height !== '600');
    const height = await iframe.getAttribute('height');
    const events = page.evaluate(() => new Promise((ok) => {
      const seen = [];
      document.querySelector('iframe[data-zc-frame]').addEventListener('zc-change', (e) => seen.push(e.detail));
      setTimeout(() => ok(seen), 1500);
    }));
    // The third origin's page, opened by the portal, posts to it and into its frame.
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.evaluate((url) => { window.open(url); }, `http://127.0.0.1:${third.address().port}/`),
    ]);
    await popup.waitForFunction(() => document.title === 'sent');
    assert.deepEqual(await events, [], 'a forged zc-change reached the portal');
    assert.equal(await iframe.getAttribute('height'), height, 'a forged height was applied');
    assert.equal(await loan.getAttribute('lang'), 'zh-CN', 'forged attributes were applied');
    assert.match(await loan.locator('button[type=submit]').innerText(), /[\u4e00-\u9fff]/);
    assert.equal(await page.locator('#log li').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    third.close();
  }
});

test('the frame page sends no personal data to an unknown parent', async () => {
  // Without `parent`, only heights are posted (with no target origin to check, events stay inside).
  const { page, problems, context } = await open(env, '/dist/frame.html?w=id-check&kind=residentId');
  const sent = await page.evaluate(async () => {
    const el = document.querySelector('zc-id-check');
    await customElements.whenDefined('zc-id-check');
    return { tag: el.localName, kind: el.getAttribute('kind') };
  });
  assert.deepEqual(sent, { tag: 'zc-id-check', kind: 'residentId' });
  assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
  await context.close();
});
