// <zc-subsidy>: dates and contributions in; the period, a timeline, the table,
// a CSV download and a print view out; axe clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, axe, outputDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const clean = { console: [], pageErrors: [], offsite: [] };
const SEL = '#demo-subsidy zc-subsidy';

/** Opens the demo page with <zc-subsidy> ready (its form drawn): in English
 *  for `lang` 'en' (once its English button shows), else in its default zh-CN. */
async function openSubsidy(lang) {
  const opened = await open(env, '/');
  await opened.page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('form'), SEL);
  const el = opened.page.locator(SEL);
  if (lang === 'en') {
    await opened.page.evaluate(([s, l]) => document.querySelector(s).setAttribute('lang', l), [SEL, lang]);
    await el.getByRole('button', { name: 'Calculate' }).waitFor();
  }
  return { ...opened, el };
}

test('near retirement: the period runs until retirement; table, timeline and CSV agree', async () => {
  const { page, problems, context, el } = await openSubsidy();
  const event = page.evaluate((s) => new Promise((ok) => document.querySelector(s).addEventListener('zc-change', (e) => ok(e.detail), { once: true })), SEL);
  await el.locator('#zc-birth-year').fill('1966');
  await el.locator('#zc-birth-month').fill('1');
  await el.locator('#zc-birth-day').fill('15');
  await el.locator('#zc-track').check();
  await el.locator('#zc-approved-year').fill('2021');
  await el.locator('#zc-approved-month').fill('6');
  await el.locator('#zc-approved-day').fill('15');
  await el.locator('#zc-pension').fill('800');
  await el.locator('#zc-medical').fill('300');
  await el.getByRole('button', { name: '计算' }).click();
  const out = el.locator('section.zc-outcome');
  await out.waitFor();
  assert.match(await out.locator('h2').innerText(), /2021年6月 至 2026年5月，共60个月（延长至退休）；合计 43999\.80 元/);
  const plan = await event;
  assert.equal(plan.months, 60);
  assert.equal(plan.untilRetirement, true);
  assert.equal(plan.total, '43999.80');
  assert.equal(await el.locator('tbody tr').count(), 60);
  assert.match(await el.locator('tfoot').innerText(), /43999\.80/);
  assert.match(await el.locator('svg.zc-timeline').getAttribute('aria-label'), /补贴 2021-06 至 2026-05.*法定退休 2026-05/);
  const [download] = await Promise.all([page.waitForEvent('download'), el.getByRole('button', { name: '下载表格（CSV）' }).click()]);
  const path = `${outputDir}subsidy.csv`;
  await download.saveAs(path);
  const csv = readFileSync(path, 'utf8');
  assert.equal(csv.trim().split('\r\n').length, 62);
  assert.match(csv, /合计,,,,31999\.80,12000\.00,,,,43999\.80/);
  await page.screenshot({ path: `${outputDir}subsidy.png`, fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, clean);
  await context.close();
});

test('errors are summarised; a stop ends the period; English', async () => {
  const { page, problems, context, el } = await openSubsidy('en');
  await el.locator('#zc-pension').fill('eight hundred');
  await el.getByRole('button', { name: 'Calculate' }).click();
  const summary = el.locator('.zc-error-summary');
  await summary.waitFor();
  const links = await summary.locator('a').allInnerTexts();
  assert.deepEqual(links, ['Enter the date of birth', 'Enter the first approval date', 'Select the retirement-age track', 'pension contribution must be an amount, e.g. 800 or 800.50']);
  await el.locator('#zc-birth-year').fill('1985');
  await el.locator('#zc-birth-month').fill('6');
  await el.locator('#zc-birth-day').fill('15');
  await el.locator('#zc-track').check();
  await el.locator('#zc-approved-year').fill('2025');
  await el.locator('#zc-approved-month').fill('3');
  await el.locator('#zc-approved-day').fill('10');
  await el.locator('#zc-pension').fill('800');
  await el.locator('summary', { hasText: 'Has it stopped?' }).click();
  await el.locator('#zc-stop-kind').selectOption('EmployedByUnit');
  await el.locator('#zc-stop-date').fill('2026-03-10');
  await el.getByRole('button', { name: 'Calculate' }).click();
  await el.locator('section.zc-outcome').waitFor();
  assert.match(await el.locator('section.zc-outcome h2').innerText(), /From March 2025 to February 2026: 12 months; 6399\.96 yuan in all/);
  assert.match(await el.locator('section.zc-outcome').innerText(), /Stopped early: hired by an employer \(2026-03-10\)/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, clean);
  await context.close();
});

test('a date typed whole as 1978/03/10 (or 1966/01/15) is accepted and spread over the three boxes', async () => {
  const { page, problems, context, el } = await openSubsidy();
  await el.locator('#zc-birth-year').fill('1978/03/10');
  await el.locator('#zc-birth-year').press('Tab');
  assert.deepEqual(
    [await el.locator('#zc-birth-year').inputValue(), await el.locator('#zc-birth-month').inputValue(), await el.locator('#zc-birth-day').inputValue()],
    ['1978', '3', '10'],
  );
  // Typed whole and submitted at once (no leaving the box first) it counts too.
  await el.locator('#zc-birth-month').fill('');
  await el.locator('#zc-birth-day').fill('');
  await el.locator('#zc-birth-year').fill('1966年1月15日');
  await el.locator('#zc-track').check();
  await el.locator('#zc-approved-year').fill('２０２１．０６．１５');
  await el.locator('#zc-pension').fill('800');
  await el.locator('#zc-medical').fill('300');
  await el.getByRole('button', { name: '计算' }).click();
  const out = el.locator('section.zc-outcome');
  await out.waitFor();
  assert.match(await out.locator('h2').innerText(), /2021年6月 至 2026年5月，共60个月（延长至退休）；合计 43999\.80 元/);
  // The stop date is read as people type it; a date that cannot be read says how to write it.
  await el.locator('summary', { hasText: '已停止享受' }).click();
  await el.locator('#zc-stop-kind').selectOption('EmployedByUnit');
  await el.locator('#zc-stop-date').fill('2024年13月1日');
  await el.getByRole('button', { name: '计算' }).click();
  await el.locator('#zc-stop-date-error').waitFor();
  assert.match(await el.locator('#zc-stop-date-error').innerText(), /停止日期“2024年13月1日”不是有效日期，请按 1978-03-10 的格式填写/);
  await el.locator('#zc-stop-date').fill('2024/03/10');
  await el.getByRole('button', { name: '计算' }).click();
  await page.waitForFunction((s) => /提前停止/.test(document.querySelector(s).shadowRoot.querySelector('section.zc-outcome')?.textContent ?? ''), SEL);
  assert.match(await out.innerText(), /提前停止：[\s\S]*2024-03-10/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, clean);
  await context.close();
});

test('a plan error is shown at its field: months already received use up the whole period', async () => {
  const { page, problems, context, el } = await openSubsidy('en');
  await el.locator('#zc-birth-year').fill('1985');
  await el.locator('#zc-birth-month').fill('6');
  await el.locator('#zc-birth-day').fill('15');
  await el.locator('#zc-track').check();
  await el.locator('#zc-approved-year').fill('2025');
  await el.locator('#zc-approved-month').fill('3');
  await el.locator('#zc-approved-day').fill('10');
  await el.locator('#zc-used').fill('100');
  await el.locator('#zc-pension').fill('800');
  await el.getByRole('button', { name: 'Calculate' }).click();
  const summary = el.locator('.zc-error-summary');
  await summary.waitFor();
  assert.equal(await summary.locator('a').first().getAttribute('href'), '#zc-used');
  assert.match(await el.locator('#zc-used-error').innerText(), /100 months were paid before, the whole .* allowed: nothing is left for this period/);
  assert.equal(await el.locator('#zc-used').getAttribute('aria-invalid'), 'true');
  assert.equal(await el.locator('section.zc-outcome').count(), 0);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, clean);
  await context.close();
});
