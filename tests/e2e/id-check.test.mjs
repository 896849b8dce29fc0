// <zc-id-check> in the demo page, as a citizen uses it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, widget, axe, outputDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('typing a valid ID shows its details and emits zc-change', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await widget(page, 'zc-id-check');
  const events = page.evaluate(() => new Promise((ok) => {
    const seen = [];
    document.querySelector('zc-id-check').addEventListener('zc-change', (e) => {
      seen.push(e.detail);
      if (e.detail.valid) ok(seen);
    });
  }));
  const input = el.locator('input');
  await input.click();
  await page.keyboard.type('11010519491231002x');
  const details = el.locator('dl.zc-details');
  await details.waitFor();
  const text = await details.innerText();
  assert.match(text, /1949-12-31/);
  assert.match(text, /女/);
  assert.match(text, /北京市朝阳区/);
  const seen = await events;
  const last = seen.at(-1);
  assert.equal(last.valid, true);
  assert.equal(last.normalized, '11010519491231002X');
  assert.equal(last.details.birthDate, '1949-12-31');
  assert.equal(last.details.gender, 'female');
  assert.equal(await input.getAttribute('aria-invalid'), 'false');
  await page.screenshot({ path: `${outputDir}id-check-valid.png`, fullPage: true });
  assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
  await context.close();
});

test('a wrong check digit is an error, announced and linked to the input', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await widget(page, 'zc-id-check');
  await el.locator('input').fill('110105194912310021');
  const error = el.locator('li.zc-error[data-code="checkDigit"]');
  await error.waitFor();
  assert.match(await error.innerText(), /第18位校验码应为 X，实际为 1/);
  const input = el.locator('input');
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.match(await input.getAttribute('aria-describedby'), /zc-problems/);
  assert.match(await el.locator('[role="status"]').innerText(), /1个问题/);
  await page.screenshot({ path: `${outputDir}id-check-error.png`, fullPage: true });
  assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
  await context.close();
});

test('English, another kind, keyboard only', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await widget(page, 'zc-id-check');
  await page.evaluate(() => {
    const w = document.querySelector('zc-id-check');
    w.setAttribute('lang', 'en');
    w.setAttribute('kind', 'uscc');
  });
  await page.waitForFunction(() => document.querySelector('zc-id-check').shadowRoot
    .querySelector('label').textContent.includes('credit code'));
  // Tab from the skip link to the widget's input, then type.
  await page.focus('body');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const inWidget = await page.evaluate(() => document.activeElement?.localName === 'zc-id-check');
    if (inWidget) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.id), 'zc-input');
  await page.keyboard.type('91350100M000100Y43');
  const details = el.locator('dl.zc-details');
  await details.waitFor();
  const text = await details.innerText();
  assert.match(text, /enterprise/);
  assert.match(text, /350100/);
  assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
  await context.close();
});

test('the page and the widget have no axe violations (normal and large text)', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await widget(page, 'zc-id-check');
  await el.locator('input').fill('110105194912310021');
  await el.locator('li.zc-error').waitFor();
  assert.deepEqual(await axe(page), []);
  await page.click('#large-text');
  await page.waitForFunction(() => document.querySelector('zc-id-check').hasAttribute('large-text'));
  const size = await el.locator('input').evaluate((i) => parseFloat(getComputedStyle(i).fontSize));
  assert.ok(size >= 22, `large-text font size ${size}px`);
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: `${outputDir}id-check-large.png`, fullPage: true });
  assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
  await context.close();
});
