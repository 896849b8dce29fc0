// Printing: one widget's Print gives a clean A4 summary (a typical 36-month
// subsidy result on one page); when printing ends its print style is removed,
// so printing the page afterwards prints the page, however many times.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const SEL = '#demo-subsidy zc-subsidy';
/** Pages of a PDF made by Chromium. */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('a widget prints alone on one A4 page; the page prints whole afterwards, twice', async () => {
  const { page, problems, context } = await open(env, '/');
  // Headless Chromium has no print dialog: count the calls, end printing by hand.
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('form'), SEL);
  const el = page.locator(SEL);
  await el.locator('#zc-birth-year').fill('1980');
  await el.locator('#zc-birth-month').fill('3');
  await el.locator('#zc-birth-day').fill('10');
  await el.locator('#zc-track').check();
  await el.locator('#zc-approved-year').fill('2024');
  await el.locator('#zc-approved-month').fill('6');
  await el.locator('#zc-approved-day').fill('15');
  await el.locator('#zc-pension').fill('800');
  await el.locator('#zc-medical').fill('300');
  await el.getByRole('button', { name: '计算' }).click();
  await el.locator('section.zc-outcome').waitFor();
  assert.equal(await el.locator('tbody tr').count(), 36);
  const whole = await page.pdf({ format: 'A4' });
  await el.getByRole('button', { name: '打印' }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  const alone = await page.pdf({ format: 'A4' });
  assert.equal(pages(alone), 1, 'the subsidy result fits one A4 page');
  assert.ok(alone.length > 20000, 'the widget print is not blank');
  // The record of how it was worked out is on paper.
  const record = await el.locator('.zc-print-record').textContent();
  assert.match(record, /测算日期：\d{4}-\d{2}-\d{2}/);
  assert.match(record, /规则包：demo-city@/);
  assert.match(record, /政策依据：/);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-zc-print]').length), 0);
  for (let i = 0; i < 2; i += 1) {
    const again = await page.pdf({ format: 'A4' });
    assert.equal(pages(again), pages(whole), `print ${i + 1} of the page prints the whole page`);
    assert.ok(again.length > alone.length, 'and it is not blank');
  }
  assert.deepEqual(problems, { console: [], pageErrors: [], offsite: [] });
  await context.close();
});
