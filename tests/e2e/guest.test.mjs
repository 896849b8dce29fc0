// The widget as a guest: a host page's CSS reset, `!important` or not, does not
// change how a widget looks; only the documented --zc-* custom properties and
// the large-text attribute do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, widget, axe, outputDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const WIDGETS = ['w-id', 'w-retirement', 'w-eligibility', 'w-subsidy', 'w-loan', 'w-screening', 'w-materials'];

/** Computed styles inside a widget: its root and every text-bearing element. */
async function inside(page, id) {
  await widget(page, `#${id}`);
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot.querySelector('.zc-root');
    const style = (e) => {
      const s = getComputedStyle(e);
      return { fontSize: s.fontSize, color: s.color, lineHeight: s.lineHeight, fontFamily: s.fontFamily,
        letterSpacing: s.letterSpacing, textAlign: s.textAlign, display: s.display };
    };
    const hint = root.querySelector('p, .zc-hint, .zc-lead');
    const inputs = [...root.querySelectorAll('input:not([type=hidden]), select, button')];
    return { root: style(root), text: hint && style(hint), inputs: inputs.map(style) };
  }, id);
}

test('a hostile CSS reset does not reach inside any widget', async () => {
  const { page, problems, context } = await open(env, '/test/hostile.html');
  for (const id of WIDGETS) {
    const s = await inside(page, id);
    assert.equal(s.root.fontSize, '16px', `${id}: font size`);
    assert.equal(s.root.color, 'rgb(27, 27, 27)', `${id}: colour`);
    assert.equal(s.root.lineHeight, '25.6px', `${id}: line height`);
    assert.doesNotMatch(s.root.fontFamily, /SimSun/, `${id}: font family`);
    assert.equal(s.root.letterSpacing, 'normal', `${id}: letter spacing`);
    assert.notEqual(s.root.textAlign, 'center', `${id}: text alignment`);
    if (s.text) assert.notEqual(s.text.color, 'rgb(255, 0, 0)', `${id}: text colour`);
    assert.ok(s.inputs.length > 0, `${id}: has controls`);
    for (const i of s.inputs) assert.notEqual(i.display, 'none', `${id}: a control is hidden`);
  }
  await page.screenshot({ path: `${outputDir}guest-hostile.png`, fullPage: false });
  assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
  await context.close();
});

test('under the same reset, large-text and --zc-* still change the widget', async () => {
  const { page, problems, context } = await open(env, '/test/hostile.html');
  const large = await inside(page, 'w-id-large');
  assert.equal(large.root.fontSize, '20.8px');
  assert.equal(large.root.lineHeight, '33.28px');
  const themed = await inside(page, 'w-id-themed');
  assert.equal(themed.root.fontSize, '20px');
  assert.equal(themed.root.color, 'rgb(0, 51, 102)');
  // Large text reaches the controls: a radio or checkbox grows with the type.
  const sizes = await page.evaluate(async () => {
    const el = document.getElementById('w-materials');
    const box = () => el.shadowRoot.querySelector('input[type=checkbox], input[type=radio]')?.getBoundingClientRect().width;
    const before = box();
    el.setAttribute('large-text', '');
    await new Promise((r) => setTimeout(r, 100));
    return { before, after: box() };
  });
  assert.ok(sizes.before > 0, 'a checkbox is shown');
  assert.ok(sizes.after > sizes.before * 1.2, `checkbox ${sizes.before} → ${sizes.after}`);
  assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
  await context.close();
});

test('under the reset, every widget is axe-clean, in normal and in large text', async () => {
  const { page, problems, context } = await open(env, '/test/hostile.html');
  for (const id of WIDGETS) await widget(page, `#${id}`);
  const include = { include: WIDGETS.map((id) => [`#${id}`]) };
  assert.deepEqual(await axe(page, include), [], 'normal text');
  await page.evaluate((ids) => { for (const id of ids) document.getElementById(id).setAttribute('large-text', ''); }, WIDGETS);
  await page.waitForFunction((ids) => ids.every((id) =>
    getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.zc-root')).fontSize === '20.8px'), WIDGETS);
  assert.deepEqual(await axe(page, include), [], 'large text');
  await page.screenshot({ path: `${outputDir}guest-hostile-large.png`, fullPage: false });
  assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
  await context.close();
});

test('before its code arrives a widget shows its title; without wasm-unsafe-eval it says it could not start, and why', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
    <link rel="icon" href="data:,"><link rel="stylesheet" href="/dist/zc-widgets.css">
    <script type="module" src="/dist/zc-widgets.js"></script></head>
    <body><zc-loan id="a"></zc-loan><zc-id-check id="b" lang="en"></zc-id-check></body></html>`;
  await page.route(`${env.base}/test/no-wasm.html`, (route) => route.fulfill({
    status: 200, body: html,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" },
  }));
  await page.goto(`${env.base}/test/no-wasm.html`);
  // The placeholder: the widget's title from the stylesheet, before (and here instead of) the widget.
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('a'), '::before').content), '"创业担保贷款测算"');
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('b'), '::before').content), '"Check an ID number"');
  await page.waitForFunction(() => document.getElementById('a').getAttribute('data-zc-failed'));
  assert.equal(await page.locator('#a').getAttribute('data-zc-failed'), 'csp');
  const text = await page.locator('#a [role=alert]').innerText();
  assert.match(text, /计算器未能启动。本页的安全策略不允许运行计算器/);
  assert.match(text, /The calculator could not start\. This page's security policy/);
  assert.equal(await page.locator('#b').getAttribute('data-zc-failed'), 'csp');
  assert.ok(consoleErrors.some((m) => /could not start \(csp\)\. Fix: add 'wasm-unsafe-eval'/.test(m)), consoleErrors.join('\n'));
  await context.close();
});

test('save="none" keeps nothing across a reload; save="local" keeps answers in localStorage until deleted', async () => {
  const page0 = (save) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
    <link rel="icon" href="data:,"><script type="module" src="/dist/zc-widgets.js"></script></head>
    <body><zc-retirement save="${save}" today="2026-11-21"></zc-retirement></body></html>`;
  for (const save of ['none', 'local']) {
    const { page, problems, context } = await open(env, `/test/save-${save}.html`, { html: page0(save) });
    const year = () => page.locator('zc-retirement #zc-birth-year');
    await year().waitFor();
    await year().fill('1970');
    await page.waitForTimeout(150);
    await page.reload();
    await year().waitFor();
    const stored = await page.evaluate(() => ({
      local: Object.keys(localStorage).filter((k) => k.startsWith('zc:v1:zc-retirement')),
      session: Object.keys(sessionStorage).filter((k) => k.startsWith('zc:v1:zc-retirement')),
    }));
    if (save === 'none') {
      assert.equal(await year().inputValue(), '', 'save="none": nothing survives the reload');
      assert.deepEqual(stored, { local: [], session: [] });
    } else {
      assert.equal(await year().inputValue(), '1970', 'save="local": the answer survives the reload');
      assert.equal(stored.local.length, 1);
      assert.deepEqual(stored.session, []);
      await page.locator('zc-retirement').getByRole('button', { name: '删除我的回答' }).click();
      await page.locator('zc-retirement').getByRole('button', { name: '确定删除' }).click();
      await page.waitForFunction(() => !document.querySelector('zc-retirement').shadowRoot.querySelector('#zc-birth-year').value);
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('zc:v1:'))), []);
    }
    assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
    await context.close();
  }
});
