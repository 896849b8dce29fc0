// <zc-retirement> as a citizen uses it: keyboard only, both languages, errors
// summarised and linked, the result explained; axe clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, widget, axe, outputDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const clean = { console: [], pageErrors: [], offsite: [] };

async function tabTo(page, host, id) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(([h]) => {
      const el = document.activeElement;
      return el?.localName === h ? el.shadowRoot.activeElement?.id : null;
    }, [host]);
    if (here === id) return;
  }
  throw new Error(`could not tab to #${id} in ${host}`);
}

test('keyboard only: birth date, track, calculate; the result is explained', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await widget(page, 'zc-retirement');
  const event = page.evaluate(() => new Promise((ok) =>
    document.querySelector('zc-retirement').addEventListener('zc-change', (e) => ok(e.detail), { once: true })));
  await page.focus('body');
  await tabTo(page, 'zc-retirement', 'zc-birth-year');
  await page.keyboard.type('1970');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('15');
  await page.keyboard.press('Tab');           // first radio: 男职工
  await page.keyboard.press('Space');
  await tabTo(page, 'zc-retirement', 'zc-contrib');
  await page.keyboard.type('150');
  await page.keyboard.press('Enter');
  const result = el.locator('section.zc-outcome');
  await result.waitFor();
  const text = await result.innerText();
  assert.match(text, /2031年5月/);
  assert.match(text, /61周岁4个月/);
  assert.match(text, /60周岁，2030年1月/);
  assert.match(text, /16个月/);
  assert.match(text, /最早可弹性提前退休\s+2030年1月/);
  assert.match(text, /满足最低缴费年限/);
  const detail = await event;
  assert.equal(detail.retirementMonth, '2031-05');
  assert.equal(detail.delayMonths, 16);
  assert.equal(detail.pack.packs[0].id, 'cn-national');
  await page.screenshot({ path: `${outputDir}retirement.png`, fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, clean);
  await context.close();
});

test('errors are summarised at the top, focused, and link to each field (English)', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await widget(page, 'zc-retirement');
  await page.evaluate(() => document.querySelector('zc-retirement').setAttribute('lang', 'en'));
  await el.locator('button[type=submit]').waitFor();
  await el.locator('#zc-birth-year').fill('1970');
  await el.locator('#zc-birth-month').fill('2');
  await el.locator('#zc-birth-day').fill('30');
  await el.locator('button[type=submit]').click();
  const summary = el.locator('.zc-error-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('zc-retirement').shadowRoot.activeElement.className), 'zc-error-summary');
  const links = await summary.locator('a').allInnerTexts();
  assert.deepEqual(links, ['The date of birth must be a real date', 'Select which applies to you']);
  await summary.locator('a', { hasText: 'Select which' }).click();
  assert.equal(await page.evaluate(() => document.querySelector('zc-retirement').shadowRoot.activeElement.id), 'zc-track');
  assert.equal(await el.locator('#zc-birth-day').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await axe(page), []);
  // Fixing them gives the result.
  await el.locator('#zc-birth-day').fill('28');
  await el.locator('#zc-track-2').check();
  await el.locator('button[type=submit]').click();
  await el.locator('section.zc-outcome').waitFor();
  const text = await el.locator('section.zc-outcome').innerText();
  // Women on the original-50 track born before 1975-01 are not delayed.
  assert.match(text, /Statutory age 50 years \(0 months later than the old rule\)/);
  assert.match(text, /February 2020/);
  await context.close();
  assert.deepEqual(problems, clean);
});

test('the pack attribute loads a local pack once per page; a bad one shows a notice, an event and every problem', async () => {
  const { page, problems, context } = await open(env, '/');
  await widget(page, 'zc-retirement');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const packErrors = page.evaluate(() => new Promise((ok) => {
    const seen = [];
    document.addEventListener('zc-pack-error', (e) => { seen.push({ id: e.target.id, ...e.detail }); if (seen.length === 3) ok(seen); });
  }));
  await page.evaluate(() => {
    const add = (id, pack) => {
      const el = document.createElement('zc-retirement');
      el.id = id;
      el.setAttribute('pack', pack);
      document.querySelector('main').append(el);
    };
    add('sz', 'dist/packs/440300-shenzhen.json');
    add('missing', 'dist/packs/no-such-pack.json');
    add('missing2', 'dist/packs/no-such-pack.json');
    add('notjson', 'dist/zc-widgets.js');
  });
  const sz = page.locator('#sz');
  await sz.locator('button[type=submit]').waitFor();
  const detail = page.evaluate(() => new Promise((ok) =>
    document.getElementById('sz').addEventListener('zc-change', (e) => ok(e.detail), { once: true })));
  await sz.locator('#zc-birth-year').fill('1966');
  await sz.locator('#zc-birth-month').fill('1');
  await sz.locator('#zc-birth-day').fill('15');
  await sz.locator('#zc-track').check();
  await sz.locator('button[type=submit]').click();
  const d = await detail;
  assert.deepEqual(d.pack.packs.map((p) => p.id), ['cn-440300-shenzhen-example', 'cn-national']);
  assert.match(await sz.locator('.zc-outcome').innerText(), /（示例）/);
  const missing = page.locator('#missing .zc-warning');
  await missing.waitFor();
  // The citizen is told the local rules are missing and no result is shown; the details are for the webmaster.
  assert.match(await missing.innerText(), /本网站的本地政策参数未能加载，需要这些参数的结果暂不显示/);
  assert.match(await missing.textContent(), /HTTP 404/);
  const notjson = page.locator('#notjson .zc-warning');
  await notjson.waitFor();
  assert.match(await notjson.textContent(), /不是有效的 JSON/);
  // Each widget got zc-pack-error with every problem; one request per pack URL, shared by both widgets.
  const seen = await packErrors;
  assert.deepEqual(seen.map((e) => e.id).sort(), ['missing', 'missing2', 'notjson']);
  assert.ok(seen.every((e) => e.problems.length > 0 && e.problems.every((x) => x.message)));
  assert.equal(requests.filter((r) => r.endsWith('/no-such-pack.json')).length, 1);
  await page.locator('#missing2 .zc-warning').waitFor();
  assert.equal(await page.locator('#missing2 .zc-outcome').count(), 0);
  // The console names each broken pack once (and the browser its 404), nothing else.
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.offsite, []);
  assert.ok(problems.console.every((m) => /404|could not be used/.test(m)), problems.console.join('\n'));
  assert.equal(problems.console.filter((m) => /no-such-pack\.json could not be used/.test(m)).length, 1);
  assert.equal(problems.console.filter((m) => /zc-widgets\.js could not be used/.test(m)).length, 1);
  await context.close();
});

test('more months paid than lived: the result shows the problem at the contributions field', async () => {
  const { page, problems, context } = await open(env, '/');
  const el = await widget(page, 'zc-retirement');
  await el.locator('#zc-birth-year').fill('2000');
  await el.locator('#zc-birth-month').fill('1');
  await el.locator('#zc-birth-day').fill('15');
  await el.locator('#zc-track').check();
  await el.locator('#zc-contrib').fill('600');
  await el.locator('button[type=submit]').click();
  const result = el.locator('section.zc-outcome');
  await result.waitFor();
  const problem = result.locator('li[data-code="contributionMonthsTooMany"]');
  assert.match(await problem.innerText(), /已缴费600个月，比出生至今的\d+个月还多/);
  assert.equal(await problem.locator('a').getAttribute('href'), '#zc-contrib');
  assert.match(await el.locator('#zc-contrib-error').innerText(), /已缴费600个月/);
  assert.equal(await el.locator('#zc-contrib').getAttribute('aria-invalid'), 'true');
  // The retirement month still stands; the minimum is not claimed either way.
  assert.match(await result.innerText(), /达到法定退休年龄/);
  assert.doesNotMatch(await result.innerText(), /满足最低缴费年限。|不足最低缴费年限/);
  await problem.locator('a').click();
  assert.equal(await page.evaluate(() => document.querySelector('zc-retirement').shadowRoot.activeElement.id), 'zc-contrib');
  assert.deepEqual(await axe(page), []);
  // English too.
  await page.evaluate(() => document.querySelector('zc-retirement').setAttribute('lang', 'en'));
  await el.locator('button[type=submit]').click();
  await page.waitForFunction(() => /months since birth/.test(document.querySelector('zc-retirement').shadowRoot.querySelector('li[data-code]')?.textContent ?? ''));
  assert.match(await el.locator('li[data-code="contributionMonthsTooMany"]').innerText(), /600 months of contributions is more than the \d+ months since birth/);
  assert.deepEqual(problems, clean);
  await context.close();
});
